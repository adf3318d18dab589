/**
 * @file earnings/normalize.h
 * @brief Stage 1: normalization of earnings text, with an offset map back to
 * the caller's original bytes.
 * @defgroup earnings_normalize Normalization
 * @{
 *
 * Normalization applies, in one pass:
 * - Unicode NFKC (utf8proc), which also folds full-width digits, letters and
 *   signs to ASCII (`３３０` to `330`, `％` to `%`, `．` to `.`) and the
 *   ellipsis `…` to `...`;
 * - CJK punctuation to its ASCII meaning: `，` and `、` to `,`, `。` to `.`,
 *   `：` `；` `（` `）` `！` `？` to `:` `;` `(` `)` `!` `?`, `【` `】` to `[` `]`,
 *   `“` `”` to `"` and `‘` `’` to `'`, unless
 *   #EARNINGS_NORMALIZE_KEEP_CJK_PUNCT is set. Book-title marks `《》` `〈〉`
 *   and corner brackets `「」` `『』` are always kept;
 * - every Unicode space (U+00A0, U+1680, U+2000..U+200A, U+202F, U+205F,
 *   U+3000) to U+0020, and line and paragraph separators (U+2028, U+2029)
 *   to U+000A;
 * - zero-width characters (U+200B..U+200D, U+2060, U+FEFF) dropped;
 * - the other curly quotes (`„` `‟` `‚` `‛`) to `'` and `"`, dashes and
 *   minus signs (U+2010..U+2015, U+2212, U+FE58, U+FE63, U+FF0D) to `-`;
 * - optionally case folding (#EARNINGS_NORMALIZE_CASEFOLD) and Traditional
 *   to Simplified Chinese through ICU (#EARNINGS_NORMALIZE_SIMPLIFIED), one
 *   character at a time (so context-dependent conversions are not made).
 *
 * Text that is already normal (pure ASCII, for one) is not copied character
 * by character: the result shares the fast identity map.
 *
 * The result, an ::earnings_normalized, owns the normalized bytes and the
 * offset map: any span of the normalized text maps back to the exact span of
 * original bytes it came from (earnings_normalized_map_span()).
 */
#ifndef EARNINGS_NORMALIZE_H
#define EARNINGS_NORMALIZE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flags of ::earnings_normalize_options. @since 0.1 */
typedef enum earnings_normalize_flag {
    /** Apply Unicode case folding after NFKC. */
    EARNINGS_NORMALIZE_CASEFOLD = 1u << 0,
    /** Convert Traditional Chinese characters to Simplified (ICU). */
    EARNINGS_NORMALIZE_SIMPLIFIED = 1u << 1,
    /**
     * Keep CJK punctuation as it is instead of folding it to ASCII: the
     * characters `，、。：；（）！？【】“”‘’` (full-width digits, letters, `％`
     * and `．` are still folded).
     */
    EARNINGS_NORMALIZE_KEEP_CJK_PUNCT = 1u << 2,
    /**
     * Replace each maximal invalid UTF-8 subsequence by U+FFFD (offsets kept)
     * instead of failing with #EARNINGS_EINVALIDUTF8.
     */
    EARNINGS_NORMALIZE_REPLACE_INVALID = 1u << 3
} earnings_normalize_flag;

/** Current version of ::earnings_normalize_options. */
#define EARNINGS_NORMALIZE_OPTIONS_VERSION 1

/**
 * Options of earnings_normalize(). Fields are only ever appended; `version`
 * tells the library which fields the caller knows. Pass NULL for defaults.
 * @since 0.1
 */
typedef struct earnings_normalize_options {
    unsigned int version; /**< #EARNINGS_NORMALIZE_OPTIONS_VERSION */
    uint32_t flags;       /**< a bitwise OR of ::earnings_normalize_flag */
} earnings_normalize_options;

/** Static initializer with the defaults. */
#define EARNINGS_NORMALIZE_OPTIONS_INIT { EARNINGS_NORMALIZE_OPTIONS_VERSION, 0u }

/**
 * Fill @p opts with defaults for the given struct @p version (for callers
 * that cannot use the INIT macro, such as FFI bindings).
 * @return #EARNINGS_OK, #EARNINGS_EINVAL if @p opts is NULL, or
 * #EARNINGS_EVERSION if @p version is unknown.
 * @since 0.1
 */
EARNINGS_API int earnings_normalize_options_init(earnings_normalize_options *opts,
                                                 unsigned int version);

/** Normalized text with its offset map (opaque). */
typedef struct earnings_normalized earnings_normalized;

/**
 * Normalize @p len bytes of UTF-8 at @p text.
 *
 * @param[out] out  receives the result, owned by the caller; free it with
 *                  earnings_normalized_free(). Set to NULL on failure.
 * @param text      the input; may be NULL only when @p len is 0. The bytes
 *                  are copied as needed; the caller keeps ownership.
 * @param len       length in bytes; embedded NULs are ordinary characters.
 * @param opts      options, or NULL for the defaults.
 * @return #EARNINGS_OK; #EARNINGS_EINVAL for NULL @p out or NULL @p text with
 * a non-zero length or unknown flags; #EARNINGS_EVERSION; #EARNINGS_EINVALIDUTF8
 * (the error's byte_offset is the first bad byte) unless
 * #EARNINGS_NORMALIZE_REPLACE_INVALID is set; #EARNINGS_ETOOBIG for inputs of
 * 2^32 bytes or more (or whose normalized text would be); #EARNINGS_ENOMEM;
 * #EARNINGS_EICU.
 * @note Thread-safe: may be called from any number of threads at once.
 * @since 0.1
 */
EARNINGS_API int earnings_normalize(earnings_normalized **out, const char *text, size_t len,
                                    const earnings_normalize_options *opts);

/** Free a normalization result. NULL is a harmless no-op. @since 0.1 */
EARNINGS_API void earnings_normalized_free(earnings_normalized *norm);

/**
 * The normalized bytes, NUL-terminated (the NUL is not counted in
 * @p size_out). Borrowed: valid until @p norm is freed.
 * @param size_out receives the length in bytes; may be NULL.
 * @return the text, or NULL if @p norm is NULL.
 * @since 0.1
 */
EARNINGS_API const char *earnings_normalized_text(const earnings_normalized *norm,
                                                  size_t *size_out);

/** Length in bytes of the original input that @p norm was made from. @since 0.1 */
EARNINGS_API size_t earnings_normalized_original_size(const earnings_normalized *norm);

/**
 * 1 if the normalized text is byte for byte the original (no character was
 * changed, so the offset map is the identity), 0 otherwise or for NULL.
 * @since 0.1
 */
EARNINGS_API int earnings_normalized_is_identity(const earnings_normalized *norm);

/**
 * Map the half-open span `[start, end)` of the normalized text back to the
 * span of original bytes it came from. A normalized character that came from
 * several original bytes maps to all of them; a span that begins or ends in
 * the middle of such a character is widened to the whole of it.
 *
 * @param[out] out receives the original span.
 * @return #EARNINGS_OK, #EARNINGS_EINVAL (NULL argument), or #EARNINGS_ERANGE
 * if `start > end` or `end` exceeds the normalized size.
 * @since 0.1
 */
EARNINGS_API int earnings_normalized_map_span(const earnings_normalized *norm,
                                              size_t start, size_t end,
                                              earnings_span *out);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* EARNINGS_NORMALIZE_H */
