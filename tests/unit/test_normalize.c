/* Normalization: options, foldings, flags, invalid UTF-8, the offset map and
 * its round-trip property over the corpus and over random text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <earnings.h>
#include <unicode/uclean.h>
#include <utf8proc.h>

#include "normalize/normalize_internal.h"
#include "test_util.h"
#ifdef EARNINGS_FAILALLOC
#include "core/failalloc.h"
#endif

/* ---- helpers ------------------------------------------------------------ */

/* Normalize s[0..n) with flags; NULL (and a CUnit failure) on error. */
static earnings_normalized *norm_n(const char *s, size_t n, uint32_t flags)
{
    earnings_normalize_options o = EARNINGS_NORMALIZE_OPTIONS_INIT;
    o.flags = flags;
    earnings_normalized *r = NULL;
    int rc = earnings_normalize(&r, s, n, &o);
    CU_ASSERT_EQUAL(rc, EARNINGS_OK);
    if (rc != EARNINGS_OK)
        fprintf(stderr, "\nnormalize failed: %s\n", earnings_error_last()->message);
    return r;
}

static earnings_normalized *norm_s(const char *s, uint32_t flags) { return norm_n(s, strlen(s), flags); }

/* Normalize s with flags and compare the result to want. */
static void check_norm(const char *s, uint32_t flags, const char *want, int want_identity)
{
    earnings_normalized *r = norm_s(s, flags);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    size_t n = 0;
    const char *t = earnings_normalized_text(r, &n);
    CU_ASSERT_EQUAL(n, strlen(want));
    CU_ASSERT_STRING_EQUAL(t, want);
    if (n != strlen(want) || strcmp(t, want) != 0)
        fprintf(stderr, "\n  in  [%s] flags %u\n  got [%s]\n  want[%s]\n", s, (unsigned)flags, t, want);
    CU_ASSERT_EQUAL(t[n], '\0');
    CU_ASSERT_EQUAL(earnings_normalized_original_size(r), strlen(s));
    CU_ASSERT_EQUAL(earnings_normalized_is_identity(r), want_identity);
    earnings_normalized_free(r);
}

/* map_span of [a, b) must be [os, oe). */
static void check_span(const earnings_normalized *r, size_t a, size_t b, size_t os, size_t oe)
{
    earnings_span sp = { 99, 99 };
    CU_ASSERT_EQUAL_FATAL(earnings_normalized_map_span(r, a, b, &sp), EARNINGS_OK);
    CU_ASSERT_EQUAL(sp.start, os);
    CU_ASSERT_EQUAL(sp.end, oe);
    if (sp.start != os || sp.end != oe)
        fprintf(stderr, "\n  map [%zu,%zu) -> [%zu,%zu), want [%zu,%zu)\n", a, b, sp.start, sp.end, os, oe);
}

/* ---- options and arguments ------------------------------------------------ */

static void test_options_init(void)
{
    earnings_normalize_options o;
    memset(&o, 0xAB, sizeof o);
    CU_ASSERT_EQUAL(earnings_normalize_options_init(&o, EARNINGS_NORMALIZE_OPTIONS_VERSION), EARNINGS_OK);
    CU_ASSERT_EQUAL(o.version, EARNINGS_NORMALIZE_OPTIONS_VERSION);
    CU_ASSERT_EQUAL(o.flags, 0);
    earnings_normalize_options init = EARNINGS_NORMALIZE_OPTIONS_INIT;
    CU_ASSERT_EQUAL(init.version, o.version);
    CU_ASSERT_EQUAL(init.flags, o.flags);
    CU_ASSERT_EQUAL(earnings_normalize_options_init(NULL, 1), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_normalize_options_init(&o, 0), EARNINGS_EVERSION);
    CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_EVERSION);
    CU_ASSERT_EQUAL(earnings_normalize_options_init(&o, EARNINGS_NORMALIZE_OPTIONS_VERSION + 1),
                    EARNINGS_EVERSION);
}

static void test_bad_args(void)
{
    earnings_normalized *r = (earnings_normalized *)&r;
    earnings_normalize_options o = EARNINGS_NORMALIZE_OPTIONS_INIT;

    CU_ASSERT_EQUAL(earnings_normalize(NULL, "a", 1, NULL), EARNINGS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(earnings_error_last()->message, "out is NULL"));

    CU_ASSERT_EQUAL(earnings_normalize(&r, NULL, 3, NULL), EARNINGS_EINVAL);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_EINVAL);

    r = (earnings_normalized *)&r;
    o.version = 0;
    CU_ASSERT_EQUAL(earnings_normalize(&r, "a", 1, &o), EARNINGS_EVERSION);
    CU_ASSERT_PTR_NULL(r);
    o.version = EARNINGS_NORMALIZE_OPTIONS_VERSION + 1;
    r = (earnings_normalized *)&r;
    CU_ASSERT_EQUAL(earnings_normalize(&r, "a", 1, &o), EARNINGS_EVERSION);
    CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_EVERSION);
    CU_ASSERT_PTR_NULL(r);

    o.version = EARNINGS_NORMALIZE_OPTIONS_VERSION;
    o.flags = 1u << 4;
    r = (earnings_normalized *)&r;
    CU_ASSERT_EQUAL(earnings_normalize(&r, "a", 1, &o), EARNINGS_EINVAL);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_PTR_NOT_NULL(strstr(earnings_error_last()->message, "flags"));
    o.flags = 0x80000000u | EARNINGS_NORMALIZE_CASEFOLD;
    CU_ASSERT_EQUAL(earnings_normalize(&r, "a", 1, &o), EARNINGS_EINVAL);

#if SIZE_MAX > UINT32_MAX
    /* the size is checked before a byte is read */
    r = (earnings_normalized *)&r;
    CU_ASSERT_EQUAL(earnings_normalize(&r, "a", (size_t)UINT32_MAX + 1, NULL), EARNINGS_ETOOBIG);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_ETOOBIG);
#endif
}

static void test_null_accessors(void)
{
    earnings_normalized_free(NULL);
    size_t n = 77;
    CU_ASSERT_PTR_NULL(earnings_normalized_text(NULL, &n));
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_PTR_NULL(earnings_normalized_text(NULL, NULL));
    CU_ASSERT_EQUAL(earnings_normalized_original_size(NULL), 0);
    CU_ASSERT_EQUAL(earnings_normalized_is_identity(NULL), 0);
    earnings_span sp;
    CU_ASSERT_EQUAL(earnings_normalized_map_span(NULL, 0, 0, &sp), EARNINGS_EINVAL);
    earnings_normalized *r = norm_s("abc", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(earnings_normalized_map_span(r, 0, 1, NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_EINVAL);
    earnings_normalized_free(r);
}

/* ---- basic results ------------------------------------------------------------ */

static void test_empty(void)
{
    earnings_normalized *r = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_normalize(&r, NULL, 0, NULL), EARNINGS_OK);
    size_t n = 5;
    const char *t = earnings_normalized_text(r, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_EQUAL(t[0], '\0');
    CU_ASSERT_EQUAL(earnings_normalized_original_size(r), 0);
    CU_ASSERT_EQUAL(earnings_normalized_is_identity(r), 1);
    check_span(r, 0, 0, 0, 0);
    earnings_span sp;
    CU_ASSERT_EQUAL(earnings_normalized_map_span(r, 0, 1, &sp), EARNINGS_ERANGE);
    earnings_normalized_free(r);

    r = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_normalize(&r, "xyz", 0, NULL), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_normalized_original_size(r), 0);
    CU_ASSERT_STRING_EQUAL(earnings_normalized_text(r, NULL), "");
    earnings_normalized_free(r);
}

static void test_ascii_identity(void)
{
    const char *s = "Amazon's Q3 2025 revenue was $180.2 billion, up 12% year-over-year.\n\tOK!";
    earnings_normalized *r = norm_s(s, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    size_t n;
    const char *t = earnings_normalized_text(r, &n);
    CU_ASSERT_EQUAL(n, strlen(s));
    CU_ASSERT_STRING_EQUAL(t, s);
    CU_ASSERT_PTR_NOT_EQUAL(t, s); /* a copy: the caller keeps its buffer */
    CU_ASSERT_EQUAL(earnings_normalized_is_identity(r), 1);
    for (size_t i = 0; i <= n; i++) {
        CU_ASSERT_EQUAL(earnings__norm_to_orig_start(r, i), i);
        CU_ASSERT_EQUAL(earnings__norm_to_orig_end(r, i), i);
    }
    check_span(r, 3, 9, 3, 9);
    check_span(r, 0, n, 0, n);
    earnings_normalized_free(r);

    /* already normal non-ASCII text is the identity too */
    check_norm("营收330亿美元, été, Ωμέγα, 가나다, \xef\xbf\xbd, 《金融时报》", 0,
               "营收330亿美元, été, Ωμέγα, 가나다, \xef\xbf\xbd, 《金融时报》", 1);
    /* every ASCII byte but none changed */
    char all[128];
    for (int i = 0; i < 127; i++)
        all[i] = (char)(i + 1);
    all[127] = '\0';
    check_norm(all, 0, all, 1);
}

static void test_embedded_nul(void)
{
    static const char s[] = "a\0b\0\xef\xbc\xa1"; /* a NUL b NUL Ａ */
    earnings_normalized *r = norm_n(s, sizeof s - 1, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    size_t n;
    const char *t = earnings_normalized_text(r, &n);
    CU_ASSERT_EQUAL(n, 5);
    CU_ASSERT_EQUAL(memcmp(t, "a\0b\0A", 6), 0);
    CU_ASSERT_EQUAL(earnings_normalized_original_size(r), sizeof s - 1);
    CU_ASSERT_EQUAL(earnings_normalized_is_identity(r), 0);
    check_span(r, 1, 2, 1, 2);
    check_span(r, 4, 5, 4, 7);
    earnings_normalized_free(r);

    r = norm_n("\0\0", 2, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    earnings_normalized_text(r, &n);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_EQUAL(earnings_normalized_is_identity(r), 1);
    earnings_normalized_free(r);
}

/* ---- foldings ------------------------------------------------------------------- */

static void test_fullwidth(void)
{
    const char *s = "ＡＷＳ营收３３０亿美元，同比增长２０．２％";
    check_norm(s, 0, "AWS营收330亿美元,同比增长20.2%", 0);
    earnings_normalized *r = norm_s(s, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    /* "AWS" came from 9 bytes, "330" from the 9 bytes after 营收 */
    check_span(r, 0, 3, 0, 9);
    check_span(r, 1, 2, 3, 6);
    check_span(r, 3, 9, 9, 15); /* 营收 unchanged */
    check_span(r, 9, 12, 15, 24);
    check_span(r, 21, 22, 33, 36); /* , from ， */
    size_t n;
    earnings_normalized_text(r, &n);
    check_span(r, n - 1, n, strlen(s) - 3, strlen(s)); /* % from ％ */
    check_span(r, 0, n, 0, strlen(s));
    earnings_normalized_free(r);
    check_norm("ｈｔｔｐ：／／ｅｘａｍｐｌｅ．ｃｏｍ～", 0, "http://example.com~", 0);
    /* half-width katakana compose with their voiced mark */
    check_norm("ｶﾞｲﾄﾞ", 0, "ガイド", 0);
}

static void test_spaces(void)
{
    static const char *const spaces[] = { "\xc2\xa0", "\xe1\x9a\x80", "\xe2\x80\x80", "\xe2\x80\x81",
                                          "\xe2\x80\x82", "\xe2\x80\x83", "\xe2\x80\x84", "\xe2\x80\x85",
                                          "\xe2\x80\x86", "\xe2\x80\x87", "\xe2\x80\x88", "\xe2\x80\x89",
                                          "\xe2\x80\x8a", "\xe2\x80\xaf", "\xe2\x81\x9f", "\xe3\x80\x80" };
    for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++) {
        char in[32];
        snprintf(in, sizeof in, "a%sb", spaces[i]);
        check_norm(in, 0, "a b", 0);
        earnings_normalized *r = norm_s(in, 0);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        check_span(r, 1, 2, 1, 1 + strlen(spaces[i]));
        check_span(r, 2, 3, 1 + strlen(spaces[i]), 2 + strlen(spaces[i]));
        earnings_normalized_free(r);
    }
    check_norm("line\xe2\x80\xa8next\xe2\x80\xa9para", 0, "line\nnext\npara", 0);
    check_norm("营收\xe3\x80\x80" "330", EARNINGS_NORMALIZE_KEEP_CJK_PUNCT, "营收 330", 0);
}

static void test_zero_width(void)
{
    check_norm("a\xe2\x80\x8b" "b\xe2\x80\x8c" "c\xe2\x80\x8d" "d\xe2\x81\xa0" "e\xef\xbb\xbf" "f", 0, "abcdef", 0);
    /* a leading BOM, and a run of them */
    const char *s = "\xef\xbb\xbfHi\xe2\x80\x8b\xe2\x80\x8b!";
    check_norm(s, 0, "Hi!", 0);
    earnings_normalized *r = norm_s(s, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    check_span(r, 0, 1, 3, 4);
    check_span(r, 0, 2, 3, 5);
    check_span(r, 1, 3, 4, 12); /* "i!" spans the dropped characters between */
    check_span(r, 2, 3, 11, 12);
    check_span(r, 0, 3, 3, 12);
    /* empty spans where characters were dropped stay empty */
    check_span(r, 2, 2, 5, 5);
    check_span(r, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(earnings__norm_to_orig_start(r, 0), 3);
    CU_ASSERT_EQUAL(earnings__norm_to_orig_end(r, 2), 5);
    CU_ASSERT_EQUAL(earnings__norm_to_orig_start(r, 2), 11);
    earnings_normalized_free(r);
    /* nothing left */
    r = norm_s("\xe2\x80\x8b\xef\xbb\xbf", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    size_t n = 9;
    CU_ASSERT_STRING_EQUAL(earnings_normalized_text(r, &n), "");
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_EQUAL(earnings_normalized_is_identity(r), 0);
    CU_ASSERT_EQUAL(earnings_normalized_original_size(r), 6);
    earnings_span sp;
    CU_ASSERT_EQUAL(earnings_normalized_map_span(r, 0, 0, &sp), EARNINGS_OK);
    CU_ASSERT_EQUAL(sp.start, sp.end);
    earnings_normalized_free(r);
    /* trailing */
    r = norm_s("ab\xe2\x80\x8b", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    check_span(r, 0, 2, 0, 2);
    check_span(r, 2, 2, 2, 2);
    CU_ASSERT_EQUAL(earnings__norm_to_orig_start(r, 2), 5);
    earnings_normalized_free(r);
}

static void test_quotes_dashes(void)
{
    check_norm("\xe2\x80\x9cGreat quarter,\xe2\x80\x9d he said. \xe2\x80\x98It\xe2\x80\x99s ours.\xe2\x80\x99", 0,
               "\"Great quarter,\" he said. 'It's ours.'", 0);
    check_norm("\xe2\x80\x9ehi\xe2\x80\x9f \xe2\x80\x9ahi\xe2\x80\x9b", 0, "\"hi\" 'hi'", 0);
    check_norm("a\xe2\x80\x90" "b\xe2\x80\x91" "c\xe2\x80\x92" "d\xe2\x80\x93" "e\xe2\x80\x94" "f\xe2\x80\x95"
               "g\xe2\x88\x92" "h\xef\xb9\x98" "i\xef\xb9\xa3" "j\xef\xbc\x8d" "k",
               0, "a-b-c-d-e-f-g-h-i-j-k", 0);
    check_norm("margin \xe2\x88\x92" "2.5%, 2023\xe2\x80\x93" "2025", 0, "margin -2.5%, 2023-2025", 0);
    const char *s = "wait\xe2\x80\xa6 ok";
    check_norm(s, 0, "wait... ok", 0);
    earnings_normalized *r = norm_s(s, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    check_span(r, 4, 7, 4, 7);
    /* part of the three dots widens to the whole ellipsis */
    check_span(r, 5, 6, 4, 7);
    check_span(r, 4, 5, 4, 7);
    check_span(r, 6, 8, 4, 8);
    CU_ASSERT_EQUAL(earnings__norm_to_orig_start(r, 5), 4);
    CU_ASSERT_EQUAL(earnings__norm_to_orig_end(r, 5), 7);
    earnings_normalized_free(r);
}

static void test_cjk_punct(void)
{
    const char *s = "营收：330亿（同比+20%），增长、利润；好！吗？【注】“新”‘旧’《金融时报》「引」。";
    check_norm(s, 0, "营收:330亿(同比+20%),增长,利润;好!吗?[注]\"新\"'旧'《金融时报》「引」.", 0);
    check_norm(s, EARNINGS_NORMALIZE_KEEP_CJK_PUNCT, s, 1);
    /* with KEEP_CJK_PUNCT the rest is still folded */
    check_norm("３３０亿，增长２０％。\xe2\x80\x94\xe3\x80\x80" "a", EARNINGS_NORMALIZE_KEEP_CJK_PUNCT,
               "330亿，增长20%。- a", 0);
    /* half-width CJK punctuation goes through NFKC to the full-width forms first */
    check_norm("a\xef\xbd\xa1" "b\xef\xbd\xa4" "c", 0, "a.b,c", 0);
    check_norm("a\xef\xbd\xa1" "b\xef\xbd\xa4" "c", EARNINGS_NORMALIZE_KEEP_CJK_PUNCT, "a。b、c", 0);
    earnings_normalized *r = norm_s("营收，增长。", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    check_span(r, 6, 7, 6, 9);
    check_span(r, 13, 14, 15, 18);
    earnings_normalized_free(r);
}

static void test_combining(void)
{
    /* composition: e + U+0301 -> U+00E9, inside an ASCII run */
    const char *s = "abcde\xcc\x81" "fgh";
    check_norm(s, 0, "abcd\xc3\xa9" "fgh", 0);
    earnings_normalized *r = norm_s(s, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    check_span(r, 4, 6, 4, 7);
    check_span(r, 4, 5, 4, 7); /* half of é */
    check_span(r, 0, 4, 0, 4);
    check_span(r, 6, 9, 7, 10);
    earnings_normalized_free(r);
    /* at the very start, after non-ASCII, several marks reordered and composed */
    check_norm("e\xcc\x81", 0, "\xc3\xa9", 0);
    check_norm("\xc3\xa9t\xc3\xa9 A\xcc\x8a", 0, "\xc3\xa9t\xc3\xa9 \xc3\x85", 0);
    check_norm("a\xcc\x82\xcc\xa3", 0, "\xe1\xba\xad", 0); /* a + circumflex + dot below -> ậ */
    check_norm("a\xcc\xa3\xcc\x82", 0, "\xe1\xba\xad", 0);
    check_norm("营e\xcc\x81", 0, "营\xc3\xa9", 0);
    check_norm("\xef\xbc\xa1\xcc\x81", 0, "\xc3\x81", 0); /* full-width A + acute -> Á */
    check_norm("\xef\xbc\x8c\xcc\x81", 0, ",\xcc\x81", 0);
    check_norm("\xe0\xad\x87\xe0\xac\xbe", 0, "\xe0\xad\x8b", 0); /* Oriya vowel signs, ccc 0 */
    /* marks that do not compose stay; a lone leading mark stays */
    check_norm("x\xcc\x81", 0, "x\xcc\x81", 1);
    check_norm("\xcc\x81" "a", 0, "\xcc\x81" "a", 1);
    /* Hangul: conjoining jamo compose; compatibility jamo through NFKC */
    check_norm("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", 0, "\xea\xb0\x81", 0); /* 각 */
    check_norm("\xea\xb0\x80\xe1\x86\xa8", 0, "\xea\xb0\x81", 0);           /* 가 + ᆨ */
    check_norm("\xe3\x84\xb1\xe3\x85\x8f", 0, "\xea\xb0\x80", 0);           /* ㄱㅏ */
    /* compatibility decompositions */
    check_norm("\xef\xac\x81nance \xe2\x84\xa2 x\xc2\xb2 \xe2\x91\xa0", 0, "finance TM x2 1", 0);
}

static void test_casefold(void)
{
    check_norm("Revenue GREW 12% In Q3", EARNINGS_NORMALIZE_CASEFOLD, "revenue grew 12% in q3", 0);
    check_norm("Revenue", 0, "Revenue", 1);
    check_norm("already lower 123", EARNINGS_NORMALIZE_CASEFOLD, "already lower 123", 1);
    check_norm("Stra\xc3\x9f" "e \xc3\x89" "COLE \xce\xa3\xce\x91 \xef\xbc\xa1\xef\xbc\xa2", EARNINGS_NORMALIZE_CASEFOLD,
               "strasse \xc3\xa9" "cole \xcf\x83\xce\xb1 ab", 0);
    check_norm("\xc4\xb0", EARNINGS_NORMALIZE_CASEFOLD, "i\xcc\x87", 0); /* İ */
    /* every ASCII byte */
    char all[128], want[128];
    for (int i = 0; i < 127; i++) {
        all[i] = (char)(i + 1);
        want[i] = (char)((i + 1 >= 'A' && i + 1 <= 'Z') ? i + 1 + 32 : i + 1);
    }
    all[127] = want[127] = '\0';
    check_norm(all, EARNINGS_NORMALIZE_CASEFOLD, want, 0);
    /* case folding keeps the map linear */
    earnings_normalized *r = norm_s("ABC\xc3\x9f" "DEF", EARNINGS_NORMALIZE_CASEFOLD);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_STRING_EQUAL(earnings_normalized_text(r, NULL), "abcssdef");
    check_span(r, 1, 2, 1, 2);
    check_span(r, 3, 4, 3, 5); /* one s of ß maps to all of ß */
    check_span(r, 3, 5, 3, 5);
    check_span(r, 5, 8, 5, 8);
    earnings_normalized_free(r);
}

static void test_simplified(void)
{
    check_norm("營收與利潤", EARNINGS_NORMALIZE_SIMPLIFIED, "营收与利润", 0);
    check_norm("營收３３０億美元，同比增長", EARNINGS_NORMALIZE_SIMPLIFIED, "营收330亿美元,同比增长", 0);
    check_norm("營收與億", 0, "營收與億", 1);
    check_norm("营收330亿 AWS", EARNINGS_NORMALIZE_SIMPLIFIED, "营收330亿 AWS", 1);
    check_norm("發展 臺灣 後", EARNINGS_NORMALIZE_SIMPLIFIED, "发展 台湾 后", 0);
    check_norm("ＡＢ營收", EARNINGS_NORMALIZE_SIMPLIFIED | EARNINGS_NORMALIZE_CASEFOLD, "ab营收", 0);
    /* a compatibility ideograph goes through NFKC, then to Simplified */
    check_norm("\xef\xa4\x80", 0, "\xe8\xb1\x88", 0); /* U+F900 -> U+8C48 */
    earnings_normalized *r = norm_s("公司營收與利潤", EARNINGS_NORMALIZE_SIMPLIFIED);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    check_span(r, 6, 9, 6, 9);   /* 营 from 營 */
    check_span(r, 9, 12, 9, 12); /* 收 unchanged */
    check_span(r, 7, 8, 6, 9);   /* mid-character widens */
    check_span(r, 10, 11, 9, 12);
    check_span(r, 6, 21, 6, 21);
    earnings_normalized_free(r);
    /* twice, so that the second call uses what the first learnt */
    check_norm("億與", EARNINGS_NORMALIZE_SIMPLIFIED, "亿与", 0);
    check_norm("億與", EARNINGS_NORMALIZE_SIMPLIFIED, "亿与", 0);
}

/* ---- invalid UTF-8 ------------------------------------------------------------ */

typedef struct bad_case {
    const char *s;
    size_t len;
    size_t offset;       /* first bad byte */
    const char *replaced; /* with REPLACE_INVALID */
} bad_case;

#define BAD(lit, off, rep) { lit, sizeof lit - 1, off, rep }
#define FFFD "\xef\xbf\xbd"

static void test_invalid_utf8(void)
{
    static const bad_case cases[] = {
        BAD("ab\x80" "c", 2, "ab" FFFD "c"),                  /* lone continuation byte */
        BAD("\xff", 0, FFFD),                                 /* bad lead byte */
        BAD("abc\xfe\xff", 3, "abc" FFFD FFFD),
        BAD("x\xc0\x80y", 1, "x" FFFD FFFD "y"),              /* overlong NUL */
        BAD("x\xc1\xbf", 1, "x" FFFD FFFD),                   /* overlong */
        BAD("\xe0\x80\x80", 0, FFFD FFFD FFFD),               /* overlong 3 bytes */
        BAD("\xf0\x80\x80\x80", 0, FFFD FFFD FFFD FFFD),      /* overlong 4 bytes */
        BAD("ok\xed\xa0\x80", 2, "ok" FFFD FFFD FFFD),        /* surrogate U+D800 */
        BAD("\xed\xbf\xbf!", 0, FFFD FFFD FFFD "!"),          /* surrogate U+DFFF */
        BAD("\xf4\x90\x80\x80", 0, FFFD FFFD FFFD FFFD),      /* above U+10FFFF */
        BAD("\xf5\x80\x80\x80", 0, FFFD FFFD FFFD FFFD),
        BAD("营\xe4\xb8", 3, "营" FFFD),                      /* truncated at the end */
        BAD("\xe4\xb8" "a", 0, FFFD "a"),                     /* truncated before ASCII */
        BAD("\xf0\x9f\x98" "\xe4\xb8\xad", 0, FFFD "中"),     /* truncated before a character */
        BAD("\xef\xbc\xa1\xc3", 3, "A" FFFD),                 /* after a changed character */
        BAD("e\xcc\x81\xcc", 3, "\xc3\xa9" FFFD),             /* inside a combining sequence */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const bad_case *c = &cases[i];
        earnings_normalized *r = (earnings_normalized *)&r;
        earnings_error_clear();
        CU_ASSERT_EQUAL(earnings_normalize(&r, c->s, c->len, NULL), EARNINGS_EINVALIDUTF8);
        CU_ASSERT_PTR_NULL(r);
        const earnings_error *e = earnings_error_last();
        CU_ASSERT_EQUAL(e->code, EARNINGS_EINVALIDUTF8);
        CU_ASSERT_EQUAL(e->byte_offset, (int64_t)c->offset);
        if (e->byte_offset != (int64_t)c->offset)
            fprintf(stderr, "\n  case %zu: offset %lld, want %zu\n", i, (long long)e->byte_offset, c->offset);
        char want[32];
        snprintf(want, sizeof want, "offset %zu", c->offset);
        CU_ASSERT_PTR_NOT_NULL(strstr(e->message, want));

        r = norm_n(c->s, c->len, EARNINGS_NORMALIZE_REPLACE_INVALID);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        CU_ASSERT_STRING_EQUAL(earnings_normalized_text(r, NULL), c->replaced);
        if (strcmp(earnings_normalized_text(r, NULL), c->replaced) != 0)
            fprintf(stderr, "\n  case %zu: got [%s]\n", i, earnings_normalized_text(r, NULL));
        CU_ASSERT_EQUAL(earnings_normalized_is_identity(r), 0);
        CU_ASSERT_EQUAL(earnings_normalized_original_size(r), c->len);
        earnings_normalized_free(r);
    }
    /* each U+FFFD maps to exactly its maximal invalid subsequence */
    static const char s[] = "a\xe4\xb8" "b\xed\xa0\x80\xf0\x9f\x98\x80" "c";
    earnings_normalized *r = norm_n(s, sizeof s - 1, EARNINGS_NORMALIZE_REPLACE_INVALID);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_STRING_EQUAL(earnings_normalized_text(r, NULL), "a" FFFD "b" FFFD FFFD FFFD "\xf0\x9f\x98\x80" "c");
    check_span(r, 1, 4, 1, 3);   /* E4 B8 */
    check_span(r, 4, 5, 3, 4);   /* b */
    check_span(r, 5, 8, 4, 5);   /* ED */
    check_span(r, 8, 11, 5, 6);  /* A0 */
    check_span(r, 11, 14, 6, 7); /* 80 */
    check_span(r, 14, 18, 7, 11);
    check_span(r, 15, 16, 7, 11); /* inside an unchanged 4-byte character */
    check_span(r, 6, 7, 4, 5);
    earnings_normalized_free(r);
    /* the flags combine */
    check_norm("\xff" "ＡＢ\xe2\x80\x8b", EARNINGS_NORMALIZE_REPLACE_INVALID | EARNINGS_NORMALIZE_CASEFOLD,
               FFFD "ab", 0);
}

/* ---- map_span ----------------------------------------------------------------- */

static void test_map_span(void)
{
    earnings_normalized *r = norm_s("营收 up", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    earnings_span sp = { 1, 2 };
    CU_ASSERT_EQUAL(earnings_normalized_map_span(r, 3, 2, &sp), EARNINGS_ERANGE);
    CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_ERANGE);
    CU_ASSERT_EQUAL(earnings_normalized_map_span(r, 0, 10, &sp), EARNINGS_ERANGE);
    CU_ASSERT_EQUAL(earnings_normalized_map_span(r, 11, 11, &sp), EARNINGS_ERANGE);
    CU_ASSERT_EQUAL(earnings_normalized_map_span(r, 9, 9, &sp), EARNINGS_OK);
    CU_ASSERT_EQUAL(sp.start, 9);
    CU_ASSERT_EQUAL(sp.end, 9);
    /* identity map: mid-character offsets widen to the character */
    check_span(r, 1, 2, 0, 3);
    check_span(r, 2, 4, 0, 6);
    check_span(r, 3, 6, 3, 6);
    check_span(r, 0, 9, 0, 9);
    CU_ASSERT_EQUAL(earnings__norm_to_orig_start(r, 4), 3);
    CU_ASSERT_EQUAL(earnings__norm_to_orig_end(r, 4), 6);
    CU_ASSERT_EQUAL(earnings__norm_to_orig_start(r, 9), 9);
    CU_ASSERT_EQUAL(earnings__norm_to_orig_end(r, 0), 0);
    earnings_normalized_free(r);

    /* a changed map with unchanged multi-byte characters inside linear runs */
    r = norm_s("营收，增长", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(earnings_normalized_is_identity(r), 0);
    check_span(r, 1, 2, 0, 3);
    check_span(r, 4, 5, 3, 6);
    check_span(r, 5, 7, 3, 9);
    check_span(r, 7, 8, 9, 12);
    check_span(r, 8, 13, 9, 15);
    check_span(r, 6, 6, 6, 6);
    check_span(r, 7, 7, 9, 9);
    earnings_normalized_free(r);
}

/* ---- properties ---------------------------------------------------------------- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* An original offset that certainly starts a unit: the ends of the text, or
 * before an ASCII byte or a Han character (neither ever combines with what
 * precedes it). */
static int safe_boundary(const unsigned char *s, size_t n, size_t p)
{
    if (p == 0 || p == n)
        return 1;
    if (s[p] < 0x80)
        return 1;
    int32_t cp;
    return earnings__utf8_decode(s + p, n - p, &cp) == 3 && cp >= 0x4E00 && cp <= 0x9FFF;
}

/* The normalized offset x whose start maps to original offset p (p starts a
 * kept unit), or SIZE_MAX. */
static size_t norm_offset_of(const earnings_normalized *r, size_t p)
{
    size_t len;
    earnings_normalized_text(r, &len);
    size_t lo = 0, hi = len;
    while (lo < hi) { /* first x with start(x) >= p */
        size_t mid = lo + (hi - lo) / 2;
        if (earnings__norm_to_orig_start(r, mid) < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return earnings__norm_to_orig_start(r, lo) == p ? lo : SIZE_MAX;
}

static int failures_reported = 0;

/* The map's invariants and the round trip over units, on one text. */
static void check_properties(const char *text, size_t n, uint32_t flags, int rounds)
{
    const unsigned char *s = (const unsigned char *)text;
    earnings_normalized *r = norm_n(text, n, flags);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    size_t len;
    const char *t = earnings_normalized_text(r, &len);
    CU_ASSERT_EQUAL(earnings_normalized_original_size(r), n);
    if (earnings_normalized_is_identity(r)) {
        CU_ASSERT_EQUAL(len, n);
        CU_ASSERT_EQUAL(memcmp(t, text, n), 0);
    }

    /* monotonic, and every normalized character maps to a non-empty span */
    size_t prev_s = 0, prev_e = 0;
    for (size_t x = 0; x <= len; x++) {
        size_t os = earnings__norm_to_orig_start(r, x), oe = earnings__norm_to_orig_end(r, x);
        CU_ASSERT_TRUE(os >= prev_s && oe >= prev_e && os <= n && oe <= n);
        prev_s = os;
        prev_e = oe;
        if (x < len && ((unsigned char)t[x] & 0xC0) != 0x80) {
            size_t y = x + 1;
            while (y < len && ((unsigned char)t[y] & 0xC0) == 0x80)
                y++;
            earnings_span sp;
            CU_ASSERT_EQUAL(earnings_normalized_map_span(r, x, y, &sp), EARNINGS_OK);
            CU_ASSERT_TRUE(sp.start < sp.end);
        }
    }

    /* round trip: normalizing the original bytes of a run of whole units
     * gives exactly the normalized bytes of those units */
    for (int k = 0; k < rounds; k++) {
        size_t p = (size_t)(rnd() % (n + 1)), q = (size_t)(rnd() % (n + 1));
        if (p > q) {
            size_t tmp = p;
            p = q;
            q = tmp;
        }
        if (k % 4 == 0 && q - p > 64) /* also many short spans */
            q = p + (size_t)(rnd() % 64);
        while (p > 0 && !safe_boundary(s, n, p))
            p--;
        while (q < n && !safe_boundary(s, n, q))
            q++;
        size_t x = p == 0 ? 0 : norm_offset_of(r, p), y = q == n ? len : norm_offset_of(r, q);
        CU_ASSERT_TRUE(x != SIZE_MAX && y != SIZE_MAX);
        if (x == SIZE_MAX || y == SIZE_MAX || x > y)
            continue;
        earnings_normalized *sub = norm_n(text + p, q - p, flags);
        CU_ASSERT_PTR_NOT_NULL_FATAL(sub);
        size_t sl;
        const char *st = earnings_normalized_text(sub, &sl);
        int ok = sl == y - x && memcmp(st, t + x, sl) == 0;
        CU_ASSERT_TRUE(ok);
        if (!ok && failures_reported++ < 5)
            fprintf(stderr, "\n  round trip: orig [%zu,%zu) norm [%zu,%zu) flags %u: %zu vs %zu bytes\n", p, q, x,
                    y, (unsigned)flags, sl, y - x);
        earnings_span sp;
        CU_ASSERT_EQUAL(earnings_normalized_map_span(r, x, y, &sp), EARNINGS_OK);
        if (x < y) {
            /* only dropped characters can lie before the first kept one */
            CU_ASSERT_TRUE(p == 0 ? sp.start >= p : sp.start == p);
            CU_ASSERT_TRUE(sp.end <= q && sp.end > sp.start);
            /* the mapped span normalizes to the same bytes (only dropped
             * characters can lie between sp.end and q) */
            earnings_normalized *sub2 = norm_n(text + sp.start, sp.end - sp.start, flags);
            CU_ASSERT_PTR_NOT_NULL_FATAL(sub2);
            size_t sl2;
            const char *st2 = earnings_normalized_text(sub2, &sl2);
            CU_ASSERT_TRUE(sl2 == y - x && memcmp(st2, t + x, sl2) == 0);
            earnings_normalized_free(sub2);
        }
        earnings_normalized_free(sub);

        /* from the normalized side: any character-aligned span maps to
         * original bytes whose normalization contains it */
        size_t a = (size_t)(rnd() % (len + 1)), b = (size_t)(rnd() % (len + 1));
        if (a > b) {
            size_t tmp = a;
            a = b;
            b = tmp;
        }
        while (a > 0 && ((unsigned char)t[a] & 0xC0) == 0x80)
            a--;
        while (b < len && ((unsigned char)t[b] & 0xC0) == 0x80)
            b++;
        if (a == b)
            continue;
        CU_ASSERT_EQUAL(earnings_normalized_map_span(r, a, b, &sp), EARNINGS_OK);
        earnings_normalized *w = norm_n(text + sp.start, sp.end - sp.start, flags);
        CU_ASSERT_PTR_NOT_NULL_FATAL(w);
        size_t wl;
        const char *wt = earnings_normalized_text(w, &wl);
        int found = 0;
        for (size_t z = a >= wl ? a - wl : 0; z <= a && !found; z++)
            found = z + wl >= b && z + wl <= len && memcmp(t + z, wt, wl) == 0;
        CU_ASSERT_TRUE(found);
        earnings_normalized_free(w);
    }
    earnings_normalized_free(r);
}

static const uint32_t flag_sets[] = {
    0,
    EARNINGS_NORMALIZE_CASEFOLD,
    EARNINGS_NORMALIZE_SIMPLIFIED,
    EARNINGS_NORMALIZE_KEEP_CJK_PUNCT,
    EARNINGS_NORMALIZE_CASEFOLD | EARNINGS_NORMALIZE_SIMPLIFIED | EARNINGS_NORMALIZE_KEEP_CJK_PUNCT |
        EARNINGS_NORMALIZE_REPLACE_INVALID,
};

static void test_corpus_properties(void)
{
    const char *const *files = tu_corpus_files();
    CU_ASSERT_PTR_NOT_NULL_FATAL(files[0]);
    int nfiles = 0;
    for (; *files; files++, nfiles++) {
        size_t n;
        char *text = tu_read_file(*files, &n);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        CU_ASSERT_TRUE(n > 1000);
        for (size_t f = 0; f < sizeof flag_sets / sizeof flag_sets[0]; f++)
            check_properties(text, n, flag_sets[f], 150);
        /* the default normalization is idempotent on the corpus and folds
         * what it should */
        earnings_normalized *r = norm_n(text, n, 0);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        size_t len;
        const char *t = earnings_normalized_text(r, &len);
        CU_ASSERT_EQUAL(earnings_normalized_is_identity(r), len == n && memcmp(t, text, n) == 0);
        earnings_normalized *r2 = norm_n(t, len, 0);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r2);
        CU_ASSERT_EQUAL(earnings_normalized_is_identity(r2), 1);
        static const char *const gone[] = { "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x99", "\xe2\x80\x94",
                                            "\xef\xbc\x8c", "\xe3\x80\x82", "\xe3\x80\x80", "\xc2\xa0" };
        for (size_t g = 0; g < sizeof gone / sizeof gone[0]; g++)
            CU_ASSERT_PTR_NULL(strstr(t, gone[g]));
        earnings_normalized_free(r2);
        earnings_normalized_free(r);
        free(text);
    }
    CU_ASSERT_TRUE(nfiles >= 5);
}

/* Random text from an alphabet of troublesome pieces. */
static void test_random_properties(void)
{
    static const char *const pieces[] = {
        "a", "E", "z", " ", "\n", "1", ".", "\0", "营", "收", "營", "億", "與", "\xe3\x80\x82", "\xef\xbc\x8c",
        "\xef\xbc\xa1", "\xef\xbc\x93", "\xef\xbc\x85", "\xcc\x81", "\xcc\xa3", "\xcc\x82", "\xcd\x85",
        "\xe2\x80\x8b", "\xef\xbb\xbf", "\xe2\x80\x9c", "\xe2\x80\x99", "\xe2\x80\x94", "\xe2\x80\xa6", "\xc2\xa0",
        "\xe3\x80\x80", "\xe2\x80\xa8", "\xc3\xa9", "\xc3\x9f", "\xc4\xb0", "\xef\xbd\xb6", "\xef\xbe\x9e",
        "\xe1\x84\x80", "\xe1\x85\xa1", "\xe1\x86\xa8", "\xea\xb0\x80", "\xe3\x84\xb1", "\xe3\x85\x8f",
        "\xef\xac\x81", "\xef\xb7\xba", "\xe0\xad\x87", "\xe0\xac\xbe", "\xf0\x9f\x98\x80", "\xf0\xa0\x80\x80",
        "\xff", "\xe4\xb8", "\xed\xa0\x80", "\xc0\x80", "\x80",
    };
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    char buf[2048];
    for (int round = 0; round < 300; round++) {
        size_t n = 0, count = (size_t)(rnd() % 120);
        for (size_t i = 0; i < count; i++) {
            const char *p = pieces[rnd() % npieces];
            size_t pl = strlen(p);
            if (pl == 0)
                pl = 1; /* the NUL piece */
            memcpy(buf + n, p, pl);
            n += pl;
        }
        uint32_t flags = flag_sets[rnd() % (sizeof flag_sets / sizeof flag_sets[0])] |
                         EARNINGS_NORMALIZE_REPLACE_INVALID;
        check_properties(buf, n, flags, 20);
    }
}

/* Against utf8proc's whole-string NFKC, on random text made of characters
 * none of our own foldings touch: cutting the text into units must not
 * change the result. */
static void test_random_vs_utf8proc(void)
{
    static const char *const pieces[] = {
        "a", "E", "s", " ", "1", "\n", "营", "\xef\xbc\xa1", "\xef\xbc\x93", "\xef\xbc\x85", "\xcc\x81",
        "\xcc\xa3", "\xcc\x82", "\xcc\x88", "\xcd\x85", "\xc3\xa9", "\xc3\x9f", "\xc4\xb0", "\xce\xa3",
        "\xef\xbd\xb6", "\xef\xbe\x9e", "\xe3\x82\x99", "\xe1\x84\x80", "\xe1\x85\xa1", "\xe1\x86\xa8",
        "\xea\xb0\x80", "\xe3\x84\xb1", "\xe3\x85\x8f", "\xef\xac\x81", "\xef\xb7\xba", "\xe0\xad\x87",
        "\xe0\xac\xbe", "\xe0\xa7\x87", "\xe0\xa6\xbe", "\xf0\x9f\x98\x80", "\xc2\xa0", "\xe3\x80\x80",
        "\xe2\x84\xa2", "\xc2\xb2", "\xe2\x91\xa0", "\xef\xa4\x80", "\xcd\x84", "\xe0\xbd\xb3",
    };
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    char buf[1024];
    for (int round = 0; round < 2000; round++) {
        size_t n = 0, count = 1 + (size_t)(rnd() % 40);
        for (size_t i = 0; i < count; i++) {
            const char *p = pieces[rnd() % npieces];
            memcpy(buf + n, p, strlen(p));
            n += strlen(p);
        }
        buf[n] = '\0';
        int fold = round & 1;
        utf8proc_uint8_t *want = NULL;
        utf8proc_ssize_t wl = utf8proc_map((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)n, &want,
                                           (utf8proc_option_t)(UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                               (fold ? UTF8PROC_CASEFOLD : 0)));
        CU_ASSERT_FATAL(wl >= 0);
        earnings_normalized *r = norm_n(buf, n, fold ? EARNINGS_NORMALIZE_CASEFOLD : 0);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        size_t len;
        const char *t = earnings_normalized_text(r, &len);
        int ok = len == (size_t)wl && memcmp(t, want, len) == 0;
        CU_ASSERT_TRUE(ok);
        if (!ok && failures_reported++ < 5)
            fprintf(stderr, "\n  vs utf8proc: [%s] -> [%s], want [%s]\n", buf, t, (const char *)want);
        CU_ASSERT_EQUAL(earnings_normalized_is_identity(r), (size_t)wl == n && memcmp(buf, want, n) == 0);
        free(want);
        earnings_normalized_free(r);
    }
}

/* A large text with changes far apart and a long unchanged stretch. */
/* ---- cursors ------------------------------------------------------------------ */

/* Mismatches between the cursor lookups and earnings__norm_to_orig_start/_end
 * (whose results for offset x are rs[x], re[x]) over the offsets ord[0..m),
 * with one cursor shared by both kinds of lookup, as the tokenizer does. */
static size_t cursor_mismatches(const earnings_normalized *r, const size_t *rs, const size_t *re,
                                const size_t *ord, size_t m, earnings__norm_cursor *cur, const char *what)
{
    size_t bad = 0;
    for (size_t k = 0; k < m; k++) {
        size_t x = ord[k];
        size_t cs, ce;
        if (k & 1) { /* both orders of start and end */
            ce = earnings__norm_cursor_end(r, cur, x);
            cs = earnings__norm_cursor_start(r, cur, x);
        } else {
            cs = earnings__norm_cursor_start(r, cur, x);
            ce = earnings__norm_cursor_end(r, cur, x);
        }
        if (cs != rs[x] || ce != re[x]) {
            if (bad++ < 3 && failures_reported++ < 10)
                fprintf(stderr, "\n  cursor (%s) at %zu: start %zu end %zu, want %zu %zu\n", what, x, cs, ce,
                        rs[x], re[x]);
        }
    }
    return bad;
}

/* Cursor lookups equal the binary-search ones for every normalized offset of
 * r, visited forward, backward, in a random permutation, in a random walk of
 * small steps both ways (the tokenizer's pattern) and from a stale cursor. */
static void check_cursor(const earnings_normalized *r)
{
    size_t len;
    earnings_normalized_text(r, &len);
    size_t m = len + 1;
    size_t *rs = calloc(m, sizeof *rs), *re = calloc(m, sizeof *re), *ord = calloc(2 * m, sizeof *ord);
    CU_ASSERT_TRUE(rs && re && ord);
    if (!rs || !re || !ord) {
        free(rs);
        free(re);
        free(ord);
        return;
    }
    for (size_t x = 0; x < m; x++) {
        rs[x] = earnings__norm_to_orig_start(r, x);
        re[x] = earnings__norm_to_orig_end(r, x);
    }
    earnings__norm_cursor cur;

    for (size_t x = 0; x < m; x++)
        ord[x] = x;
    earnings__norm_cursor_init(&cur);
    CU_ASSERT_EQUAL(cursor_mismatches(r, rs, re, ord, m, &cur, "forward"), 0);
    /* the cursor now sits at the end: go back from there */
    for (size_t x = 0; x < m; x++)
        ord[x] = len - x;
    CU_ASSERT_EQUAL(cursor_mismatches(r, rs, re, ord, m, &cur, "backward"), 0);
    earnings__norm_cursor_init(&cur);
    CU_ASSERT_EQUAL(cursor_mismatches(r, rs, re, ord, m, &cur, "backward, fresh"), 0);

    /* every offset once, in random order: mostly far jumps */
    for (size_t x = 0; x < m; x++)
        ord[x] = x;
    for (size_t x = m - 1; x > 0; x--) {
        size_t y = (size_t)(rnd() % (x + 1)), t = ord[x];
        ord[x] = ord[y];
        ord[y] = t;
    }
    earnings__norm_cursor_init(&cur);
    CU_ASSERT_EQUAL(cursor_mismatches(r, rs, re, ord, m, &cur, "random"), 0);

    /* a random walk: steps of up to +-40 bytes, now and then a far jump */
    size_t x = 0;
    for (size_t k = 0; k < 2 * m; k++) {
        uint64_t v = rnd();
        if (v % 64 == 0)
            x = (size_t)((v >> 8) % m);
        else if ((v >> 6) & 1)
            x = x + (size_t)((v >> 7) % 41) < m ? x + (size_t)((v >> 7) % 41) : len;
        else
            x = x > (size_t)((v >> 7) % 41) ? x - (size_t)((v >> 7) % 41) : 0;
        ord[k] = x;
    }
    earnings__norm_cursor_init(&cur);
    CU_ASSERT_EQUAL(cursor_mismatches(r, rs, re, ord, 2 * m, &cur, "walk"), 0);

    /* a stale cursor (past the end of this map) still gives exact results */
    cur.seg = SIZE_MAX;
    CU_ASSERT_EQUAL(cursor_mismatches(r, rs, re, ord, m < 64 ? m : 64, &cur, "stale"), 0);

    free(rs);
    free(re);
    free(ord);
}

static void test_cursor_corpus(void)
{
    const char *const *files = tu_corpus_files();
    CU_ASSERT_PTR_NOT_NULL_FATAL(files[0]);
    int nfiles = 0, mapped = 0;
    for (; *files; files++, nfiles++) {
        size_t n;
        char *text = tu_read_file(*files, &n);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        for (size_t f = 0; f < sizeof flag_sets / sizeof flag_sets[0]; f++) {
            earnings_normalized *r = norm_n(text, n, flag_sets[f]);
            CU_ASSERT_PTR_NOT_NULL_FATAL(r);
            mapped += !earnings_normalized_is_identity(r);
            check_cursor(r);
            earnings_normalized_free(r);
        }
        free(text);
    }
    CU_ASSERT_TRUE(nfiles >= 5);
    CU_ASSERT_TRUE(mapped > 0); /* the segment walk was exercised */
}

/* Texts dense in changed, expanded and dropped units (zero-length segments,
 * several segments starting at one normalized offset). */
static void test_cursor_random(void)
{
    static const char *const pieces[] = {
        "a", "Q", " ", "1", ".", "营", "營", "\xe3\x80\x82", "\xef\xbc\xa1", "\xcc\x81", "\xe2\x80\x8b",
        "\xe2\x80\x8c", "\xef\xbb\xbf", "\xe2\x80\x9c", "\xe2\x80\x94", "\xe2\x80\xa6", "\xc2\xa0", "\xc3\xa9",
        "\xc3\x9f", "\xef\xac\x81", "\xef\xb7\xba", "\xe3\x8d\xb1", "\xf0\x9f\x98\x80", "\xff", "\x80",
    };
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    char buf[4096];
    for (int round = 0; round < 200; round++) {
        size_t n = 0, count = (size_t)(rnd() % 300);
        for (size_t i = 0; i < count; i++) {
            const char *p = pieces[rnd() % npieces];
            size_t pl = strlen(p);
            memcpy(buf + n, p, pl);
            n += pl;
        }
        uint32_t flags = flag_sets[rnd() % (sizeof flag_sets / sizeof flag_sets[0])] |
                         EARNINGS_NORMALIZE_REPLACE_INVALID;
        earnings_normalized *r = norm_n(buf, n, flags);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        check_cursor(r);
        earnings_normalized_free(r);
    }
}

static void test_large(void)
{
    size_t n = 3u << 20;
    char *s = malloc(n + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    for (size_t i = 0; i < n; i++)
        s[i] = (char)('a' + i % 26);
    memcpy(s + 1000, "\xef\xbc\x8c", 3);
    memcpy(s + n - 10, "\xe2\x80\x8b", 3);
    earnings_normalized *r = norm_n(s, n, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    size_t len;
    const char *t = earnings_normalized_text(r, &len);
    CU_ASSERT_EQUAL(len, n - 5);
    CU_ASSERT_EQUAL(t[1000], ',');
    CU_ASSERT_EQUAL(memcmp(t + 1001, s + 1003, n - 10 - 1003), 0);
    check_span(r, 1000, 1001, 1000, 1003);
    check_span(r, len - 1, len, n - 1, n);
    check_span(r, 2000, 2001, 2002, 2003);
    earnings_normalized_free(r);
    memset(s + 1000, 'x', 3);
    memset(s + n - 10, 'y', 3);
    r = norm_n(s, n, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(earnings_normalized_is_identity(r), 1);
    CU_ASSERT_EQUAL(memcmp(earnings_normalized_text(r, NULL), s, n), 0);
    earnings_normalized_free(r);
    free(s);
}

/* With EARNINGS_FAILALLOC: every allocation of a call fails in turn; the call
 * reports ENOMEM, sets *out to NULL and leaks nothing (LeakSanitizer). */
static void test_failalloc(void)
{
    static const char sample[] = "ＡＷＳ营收３３０亿美元，同比增长２０．２％。\xe2\x80\x9cOK\xe2\x80\x9d\xe2\x80\x8b "
                                 "營收與利潤 e\xcc\x81 \xff Stra\xc3\x9f" "e";
    for (size_t f = 0; f < sizeof flag_sets / sizeof flag_sets[0]; f++) {
        uint32_t flags = flag_sets[f] | EARNINGS_NORMALIZE_REPLACE_INVALID;
#ifdef EARNINGS_FAILALLOC
        long n = 1;
        for (;; n++) {
            earnings_normalize_options o = EARNINGS_NORMALIZE_OPTIONS_INIT;
            o.flags = flags;
            earnings_normalized *r = (earnings_normalized *)&r;
            earnings__failalloc_set(n);
            int rc = earnings_normalize(&r, sample, sizeof sample - 1, &o);
            long calls = earnings__failalloc_calls();
            earnings__failalloc_set(0);
            if (calls < n) {
                CU_ASSERT_EQUAL(rc, EARNINGS_OK);
                earnings_normalized_free(r);
                break;
            }
            CU_ASSERT_EQUAL(rc, EARNINGS_ENOMEM);
            CU_ASSERT_PTR_NULL(r);
            CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_ENOMEM);
            if (rc == EARNINGS_OK)
                earnings_normalized_free(r);
        }
        CU_ASSERT_TRUE(n > 3);
#endif
        earnings_normalized *ok = norm_n(sample, sizeof sample - 1, flags);
        CU_ASSERT_PTR_NOT_NULL(ok);
        earnings_normalized_free(ok);
    }
}

int main(void)
{
    static const tu_test tests[] = {
        { "options_init", test_options_init },
        { "bad_args", test_bad_args },
        { "null_accessors", test_null_accessors },
        { "empty", test_empty },
        { "ascii_identity", test_ascii_identity },
        { "embedded_nul", test_embedded_nul },
        { "fullwidth", test_fullwidth },
        { "spaces", test_spaces },
        { "zero_width", test_zero_width },
        { "quotes_dashes", test_quotes_dashes },
        { "cjk_punct", test_cjk_punct },
        { "combining", test_combining },
        { "casefold", test_casefold },
        { "simplified", test_simplified },
        { "invalid_utf8", test_invalid_utf8 },
        { "map_span", test_map_span },
        { "corpus_properties", test_corpus_properties },
        { "random_properties", test_random_properties },
        { "random_vs_utf8proc", test_random_vs_utf8proc },
        { "cursor_corpus", test_cursor_corpus },
        { "cursor_random", test_cursor_random },
        { "large", test_large },
        { "failalloc", test_failalloc },
        { NULL, NULL },
    };
    int rc = tu_run_suite("normalize", tests);
    /* release ICU's process-wide caches (the transliterator registry), so
     * that valgrind does not report them as possibly lost */
    u_cleanup();
    return rc;
}
