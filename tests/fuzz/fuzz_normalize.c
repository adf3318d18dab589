/* Fuzz target: earnings_normalize(). The first byte chooses the flags (all 16
 * combinations of CASEFOLD, SIMPLIFIED, KEEP_CJK_PUNCT, REPLACE_INVALID);
 * the rest is the text. Checks the offset map's invariants. */
#include <string.h>

#include <earnings.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    earnings_normalize_options opts = EARNINGS_NORMALIZE_OPTIONS_INIT;
    opts.flags = data[0] & 0x0Fu;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    earnings_normalized *norm = NULL;
    int rc = earnings_normalize(&norm, len ? text : NULL, len, &opts);
    if (rc != EARNINGS_OK) {
        FUZZ_CHECK(norm == NULL);
        FUZZ_CHECK(rc < 0);
        const earnings_error *e = earnings_error_last();
        FUZZ_CHECK(e != NULL && e->code == rc);
        if (rc == EARNINGS_EINVALIDUTF8) {
            FUZZ_CHECK(!(opts.flags & EARNINGS_NORMALIZE_REPLACE_INVALID));
            size_t bad = fuzz_utf8_error_offset((const unsigned char *)text, len);
            FUZZ_CHECK(bad < len);
            FUZZ_CHECK(e->byte_offset == (int64_t)bad);
        }
        return 0;
    }
    FUZZ_CHECK(norm != NULL);
    size_t n = 0;
    const char *out = earnings_normalized_text(norm, &n);
    FUZZ_CHECK(out != NULL);
    FUZZ_CHECK(out[n] == '\0');
    FUZZ_CHECK(earnings_normalized_original_size(norm) == len);
    FUZZ_CHECK(fuzz_valid_utf8((const unsigned char *)out, n));
    if (earnings_normalized_is_identity(norm))
        FUZZ_CHECK(n == len && memcmp(out, text, len) == 0);

    /* The whole text maps inside the original; spans map monotonically. */
    earnings_span whole;
    FUZZ_CHECK(earnings_normalized_map_span(norm, 0, n, &whole) == EARNINGS_OK);
    FUZZ_CHECK(whole.start <= whole.end && whole.end <= len);
    earnings_span prev = { 0, 0 };
    size_t steps = 0;
    for (size_t i = 0; i < n && steps < 4096; steps++) {
        size_t j = i + 1;
        while (j < n && ((unsigned char)out[j] & 0xC0) == 0x80)
            j++;
        earnings_span s;
        FUZZ_CHECK(earnings_normalized_map_span(norm, i, j, &s) == EARNINGS_OK);
        FUZZ_CHECK(s.start <= s.end && s.end <= len);
        FUZZ_CHECK(s.start >= prev.start);
        FUZZ_CHECK(s.start >= whole.start && s.end <= whole.end);
        prev = s;
        i = j;
    }
    earnings_span bad;
    FUZZ_CHECK(earnings_normalized_map_span(norm, 0, n + 1, &bad) == EARNINGS_ERANGE);
    if (n > 0)
        FUZZ_CHECK(earnings_normalized_map_span(norm, n, n - 1, &bad) == EARNINGS_ERANGE);
    earnings_normalized_free(norm);
    return 0;
}
