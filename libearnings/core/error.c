/* Thread-local last error and static messages. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define MSG_MAX 512

typedef struct tls_error {
    earnings_error pub;
    char text[MSG_MAX];
} tls_error;

static _Thread_local tls_error last_error = { { EARNINGS_OK, "no error", -1 }, { 0 } };

EARNINGS_API const char *earnings_strerror(int code)
{
    switch (code) {
    case EARNINGS_OK: return "no error";
    case EARNINGS_EINVAL: return "invalid argument";
    case EARNINGS_ENOMEM: return "out of memory";
    case EARNINGS_EINVALIDUTF8: return "invalid UTF-8 in input";
    case EARNINGS_EVERSION: return "unsupported options version";
    case EARNINGS_ERANGE: return "index or offset out of range";
    case EARNINGS_ETOOBIG: return "input too large";
    case EARNINGS_EICU: return "ICU error";
    case EARNINGS_EIO: return "input/output error";
    case EARNINGS_EPARSE: return "malformed data";
    case EARNINGS_ENOTFOUND: return "not found";
    case EARNINGS_EINTERNAL: return "internal error";
    default: return "unknown error";
    }
}

EARNINGS_API const earnings_error *earnings_error_last(void)
{
    if (!last_error.pub.message)
        last_error.pub.message = "no error";
    return &last_error.pub;
}

EARNINGS_API void earnings_error_clear(void)
{
    last_error.pub.code = EARNINGS_OK;
    last_error.pub.message = "no error";
    last_error.pub.byte_offset = -1;
    last_error.text[0] = '\0';
}

int earnings__error(int code, int64_t byte_offset, const char *fmt, ...)
{
    last_error.pub.code = code;
    last_error.pub.byte_offset = byte_offset;
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(last_error.text, sizeof last_error.text, fmt, ap);
        va_end(ap);
        last_error.pub.message = last_error.text;
    } else {
        last_error.pub.message = earnings_strerror(code);
    }
    return code;
}

int earnings__enomem(void)
{
    /* no formatting: must not allocate */
    last_error.pub.code = EARNINGS_ENOMEM;
    last_error.pub.byte_offset = -1;
    last_error.pub.message = "out of memory";
    return EARNINGS_ENOMEM;
}
