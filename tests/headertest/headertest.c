/* Compiles the public header alone, with -pedantic -Werror. */
#include <earnings.h>

#if !EARNINGS_VERSION_CHECK(0, 1, 0)
#error "version macros are broken"
#endif

int earnings_headertest_c(void);
int earnings_headertest_c(void)
{
    earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
    earnings_normalize_options no = EARNINGS_NORMALIZE_OPTIONS_INIT;
    earnings_engine_options eo = EARNINGS_ENGINE_OPTIONS_INIT;
    earnings_buf buf = EARNINGS_BUF_INIT;
    return (int)(po.version + no.version + eo.version) + (buf.ptr == NULL);
}
