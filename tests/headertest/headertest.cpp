// The public header is usable from C++ (extern "C" guards, no C-only syntax).
#include <earnings.h>

int earnings_headertest_cxx();
int earnings_headertest_cxx()
{
    earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
    return static_cast<int>(po.version) + static_cast<int>(earnings_version_number() > 0);
}
