/* Core: versions, errors, buffers, struct sizes and UTF-8 decoding. */
#include <string.h>

#include <earnings.h>

#include "core/internal.h"
#include "test_util.h"

static void test_version(void)
{
    CU_ASSERT_EQUAL(earnings_version_number(), EARNINGS_VERSION_NUMBER);
    CU_ASSERT_STRING_EQUAL(earnings_version_string(), EARNINGS_VERSION_STRING);
    CU_ASSERT_EQUAL(EARNINGS_VERSION_NUMBER,
                    EARNINGS_VERSION_MAJOR * 10000 + EARNINGS_VERSION_MINOR * 100 + EARNINGS_VERSION_PATCH);
    CU_ASSERT_TRUE(EARNINGS_VERSION_CHECK(0, 0, 1));
    CU_ASSERT_FALSE(EARNINGS_VERSION_CHECK(EARNINGS_VERSION_MAJOR + 1, 0, 0));
}

static void test_strerror(void)
{
    int codes[] = { EARNINGS_OK, EARNINGS_EINVAL, EARNINGS_ENOMEM, EARNINGS_EINVALIDUTF8, EARNINGS_EVERSION,
                    EARNINGS_ERANGE, EARNINGS_ETOOBIG, EARNINGS_EICU, EARNINGS_EIO, EARNINGS_EPARSE,
                    EARNINGS_ENOTFOUND, EARNINGS_EINTERNAL };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const char *s = earnings_strerror(codes[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        CU_ASSERT_STRING_NOT_EQUAL(s, "unknown error");
        for (size_t j = 0; j < i; j++)
            CU_ASSERT_STRING_NOT_EQUAL(s, earnings_strerror(codes[j]));
    }
    CU_ASSERT_STRING_EQUAL(earnings_strerror(-9999), "unknown error");
    CU_ASSERT_STRING_EQUAL(earnings_strerror(42), "unknown error");
}

static void test_error_last(void)
{
    earnings_error_clear();
    const earnings_error *e = earnings_error_last();
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->code, EARNINGS_OK);
    CU_ASSERT_STRING_EQUAL(e->message, "no error");
    CU_ASSERT_EQUAL(e->byte_offset, -1);
    CU_ASSERT_EQUAL(earnings__error(EARNINGS_EINVALIDUTF8, 17, "bad byte at %d", 17), EARNINGS_EINVALIDUTF8);
    e = earnings_error_last();
    CU_ASSERT_EQUAL(e->code, EARNINGS_EINVALIDUTF8);
    CU_ASSERT_EQUAL(e->byte_offset, 17);
    CU_ASSERT_STRING_EQUAL(e->message, "bad byte at 17");
    CU_ASSERT_EQUAL(earnings__enomem(), EARNINGS_ENOMEM);
    CU_ASSERT_STRING_EQUAL(earnings_error_last()->message, "out of memory");
    earnings_error_clear();
    CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_OK);
    /* an error from an API call */
    CU_ASSERT_EQUAL(earnings_engine_new(NULL, NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(earnings_error_last()->message, "out is NULL"));
}

static void test_buf(void)
{
    earnings_buf b = EARNINGS_BUF_INIT;
    earnings_buf_dispose(&b); /* empty: no-op */
    earnings_buf_dispose(NULL);
    earnings__sb sb;
    earnings__sb_init(&sb);
    earnings__sb_puts(&sb, "a");
    earnings__sb_printf(&sb, "%d-%s", 42, "x");
    earnings__sb_json_string(&sb, "q\"\\\n\t\x01\x7f" "é", 9);
    CU_ASSERT_EQUAL_FATAL(earnings__sb_to_buf(&sb, &b), EARNINGS_OK);
    CU_ASSERT_STRING_EQUAL(b.ptr, "a42-x\"q\\\"\\\\\\n\\t\\u0001\\u007fé\"");
    CU_ASSERT_EQUAL(b.size, strlen(b.ptr));
    earnings_buf_dispose(&b);
    CU_ASSERT_PTR_NULL(b.ptr);
    CU_ASSERT_EQUAL(b.size, 0);
    /* long printf goes through the slow path */
    earnings__sb_init(&sb);
    char big[600];
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    earnings__sb_printf(&sb, "<%s>", big);
    CU_ASSERT_EQUAL(sb.len, sizeof big + 1);
    earnings__sb_release(&sb);
}

static void test_struct_sizes(void)
{
    CU_ASSERT_EQUAL(earnings_struct_size(EARNINGS_STRUCT_SPAN), sizeof(earnings_span));
    CU_ASSERT_EQUAL(earnings_struct_size(EARNINGS_STRUCT_BUF), sizeof(earnings_buf));
    CU_ASSERT_EQUAL(earnings_struct_size(EARNINGS_STRUCT_ERROR), sizeof(earnings_error));
    CU_ASSERT_EQUAL(earnings_struct_size(EARNINGS_STRUCT_NORMALIZE_OPTIONS), sizeof(earnings_normalize_options));
    CU_ASSERT_EQUAL(earnings_struct_size(EARNINGS_STRUCT_TOKEN), sizeof(earnings_token));
    CU_ASSERT_EQUAL(earnings_struct_size(EARNINGS_STRUCT_SENTENCE), sizeof(earnings_sentence));
    CU_ASSERT_EQUAL(earnings_struct_size(EARNINGS_STRUCT_ENGINE_OPTIONS), sizeof(earnings_engine_options));
    CU_ASSERT_EQUAL(earnings_struct_size(EARNINGS_STRUCT_PARSE_OPTIONS), sizeof(earnings_parse_options));
    CU_ASSERT_EQUAL(earnings_struct_size(EARNINGS_STRUCT_FIGURE), sizeof(earnings_figure));
    CU_ASSERT_EQUAL(earnings_struct_size(EARNINGS_STRUCT_ENTITY), sizeof(earnings_entity));
    CU_ASSERT_EQUAL(earnings_struct_size(0), 0);
    CU_ASSERT_EQUAL(earnings_struct_size(9999), 0);
}

static void test_utf8(void)
{
    int32_t cp;
    CU_ASSERT_EQUAL(earnings__utf8_decode((const unsigned char *)"A", 1, &cp), 1);
    CU_ASSERT_EQUAL(cp, 'A');
    CU_ASSERT_EQUAL(earnings__utf8_decode((const unsigned char *)"\xe4\xba\xbf", 3, &cp), 3);
    CU_ASSERT_EQUAL(cp, 0x4EBF); /* 亿 */
    CU_ASSERT_EQUAL(earnings__utf8_decode((const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp), 4);
    CU_ASSERT_EQUAL(cp, 0x1F600);
    /* invalid: lone continuation, overlong, surrogate, > U+10FFFF, truncated */
    CU_ASSERT_EQUAL(earnings__utf8_decode((const unsigned char *)"\x80", 1, &cp), 0);
    CU_ASSERT_EQUAL(cp, 1);
    CU_ASSERT_EQUAL(earnings__utf8_decode((const unsigned char *)"\xc0\x80", 2, &cp), 0);
    CU_ASSERT_EQUAL(cp, 1);
    CU_ASSERT_EQUAL(earnings__utf8_decode((const unsigned char *)"\xe0\x80\x80", 3, &cp), 0);
    CU_ASSERT_EQUAL(cp, 1);
    CU_ASSERT_EQUAL(earnings__utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp), 0);
    CU_ASSERT_EQUAL(cp, 1);
    CU_ASSERT_EQUAL(earnings__utf8_decode((const unsigned char *)"\xf4\x90\x80\x80", 4, &cp), 0);
    CU_ASSERT_EQUAL(cp, 1);
    CU_ASSERT_EQUAL(earnings__utf8_decode((const unsigned char *)"\xe4\xba", 2, &cp), 0);
    CU_ASSERT_EQUAL(cp, 2);
    CU_ASSERT_EQUAL(earnings__utf8_decode((const unsigned char *)"\xe4\xba" "A", 3, &cp), 0);
    CU_ASSERT_EQUAL(cp, 2);
    char out[4];
    int32_t cps[] = { 0x41, 0xE9, 0x4EBF, 0x1F600, 0x10FFFF };
    for (size_t i = 0; i < 5; i++) {
        size_t n = earnings__utf8_encode(cps[i], out);
        CU_ASSERT_EQUAL(earnings__utf8_decode((const unsigned char *)out, n, &cp), n);
        CU_ASSERT_EQUAL(cp, cps[i]);
    }
    const char *mixed = "abcdefghij\xe4\xba\xbfxyz\xff";
    CU_ASSERT_EQUAL(earnings__utf8_validate((const unsigned char *)mixed, strlen(mixed)), 16);
    CU_ASSERT_EQUAL(earnings__utf8_validate((const unsigned char *)mixed, 16), 16);
}

int main(void)
{
    static const tu_test tests[] = {
        { "version", test_version },
        { "strerror", test_strerror },
        { "error_last", test_error_last },
        { "buf", test_buf },
        { "struct_sizes", test_struct_sizes },
        { "utf8", test_utf8 },
        { NULL, NULL },
    };
    return tu_run_suite("core", tests);
}
