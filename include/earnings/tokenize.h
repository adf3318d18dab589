/**
 * @file earnings/tokenize.h
 * @brief Stage 2: token and sentence records of a parsed document.
 * @defgroup earnings_tokenize Tokens and sentences
 * @{
 *
 * Tokens are produced in one pass over the normalized text of mixed scripts:
 * - Latin words with contractions and possessives split (`AWS's` gives
 *   `AWS` + `'s`), hyphenated words kept whole, abbreviations kept with their
 *   dots (`U.S.`, `Inc.`), alphanumerics such as `Q3` or `EC2` kept whole;
 * - numbers keep their shape (`1,000.5`, `20.2`, `2,300`, `-6`); a currency
 *   sign, `%` or unit suffix next to them (`$200B`, `3.8GW`, `1.25x`) is a
 *   token of its own, and a token that no whitespace separates from the one
 *   before it is marked #EARNINGS_TOKEN_FLAG_ATTACHED;
 * - runs of Han characters are split into words by ICU's dictionary break
 *   iterator when #EARNINGS_PARSE_HAN_WORDS is requested, otherwise into
 *   single characters. Number-bound characters after a number (`亿`, `万`,
 *   `美元`, `%`, ...) always become tokens of their own.
 * Whitespace is not a token. Spans are original byte offsets; `norm` is the
 * same token in the normalized text (earnings_doc_normalized()). Where one
 * original character normalizes to several tokens' worth (`…` to `...`),
 * they make one token, so spans never overlap.
 *
 * Sentences end at `.` `?` `!` (English; abbreviations and decimals do not end
 * a sentence), at `。` `！` `？` `；` (Chinese, also after folding to ASCII; a
 * `;` ends a sentence only next to Han text), at blank lines, and before a
 * line that starts with a list or heading marker (`-`, `*`, `#`, `|`, `1.`).
 * A title or heading line without a marker that opens its sentence ends it
 * with the line: at most 14 words and no comma, semicolon or terminator,
 * every Latin word capitalized but the small words of titles (`Acme Reports
 * Third Quarter Results`, `Outlook`), or at most 30 Han characters with no
 * Latin word, before a line that opens with a capital, a digit, a Han
 * character or a quote.
 * Closing quotes and brackets after the terminator belong to the sentence.
 */
#ifndef EARNINGS_TOKENIZE_H
#define EARNINGS_TOKENIZE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Token types. Values are stable. @since 0.1 */
typedef enum earnings_token_type {
    EARNINGS_TOKEN_WORD = 1,     /**< a word in an alphabetic script, or an alphanumeric (`Q3`) */
    EARNINGS_TOKEN_NUMBER = 2,   /**< digits with optional separators, decimals and sign */
    EARNINGS_TOKEN_CJK = 3,      /**< a Han word or character (also kana, hangul) */
    EARNINGS_TOKEN_PUNCT = 4,    /**< punctuation */
    EARNINGS_TOKEN_SYMBOL = 5,   /**< other symbols (`+`, `=`, `&`, emoji, ...) */
    EARNINGS_TOKEN_CURRENCY = 6, /**< a currency sign (`$`, `¥`, `€`, `£`) */
    EARNINGS_TOKEN_PERCENT = 7   /**< `%`, `‰` */
} earnings_token_type;

/** Scripts of tokens. @since 0.1 */
typedef enum earnings_script {
    EARNINGS_SCRIPT_COMMON = 0, /**< digits, punctuation, symbols */
    EARNINGS_SCRIPT_LATIN = 1,
    EARNINGS_SCRIPT_HAN = 2,
    EARNINGS_SCRIPT_KANA = 3,
    EARNINGS_SCRIPT_HANGUL = 4,
    EARNINGS_SCRIPT_OTHER = 5
} earnings_script;

/** Token flags (bits of earnings_token::flags). @since 0.1 */
typedef enum earnings_token_flag {
    /** No whitespace separates this token from the previous one. */
    EARNINGS_TOKEN_FLAG_ATTACHED = 1u << 0,
    /** An abbreviation that keeps its dots (`U.S.`, `Inc.`). */
    EARNINGS_TOKEN_FLAG_ABBREVIATION = 1u << 1,
    /** A clitic split off a word (`'s`, `n't`, `'re`). */
    EARNINGS_TOKEN_FLAG_CLITIC = 1u << 2,
    /** A word that contains a hyphen (`year-over-year`). */
    EARNINGS_TOKEN_FLAG_HYPHENATED = 1u << 3,
    /** A Han token produced by the dictionary break iterator. */
    EARNINGS_TOKEN_FLAG_DICTIONARY = 1u << 4
} earnings_token_flag;

/**
 * One token. Records are owned by their document; fields may be appended in
 * later versions, so index them only through earnings_doc_token().
 * @since 0.1
 */
typedef struct earnings_token {
    earnings_span span;  /**< original bytes */
    earnings_span norm;  /**< bytes of the normalized text */
    int32_t type;        /**< an ::earnings_token_type */
    int32_t script;      /**< an ::earnings_script */
    uint32_t flags;      /**< bits of ::earnings_token_flag */
    uint32_t sentence;   /**< index of the sentence holding the token */
} earnings_token;

/**
 * One sentence. Owned by its document; index through earnings_doc_sentence().
 * @since 0.1
 */
typedef struct earnings_sentence {
    earnings_span span;   /**< original bytes, first to last token */
    earnings_span norm;   /**< bytes of the normalized text */
    size_t first_token;   /**< index of its first token */
    size_t token_count;   /**< number of tokens */
} earnings_sentence;

/** Static name of a token type ("word", "number", "cjk", ...); "unknown" otherwise. @since 0.1 */
EARNINGS_API const char *earnings_token_type_name(int32_t type);

/** Static name of a script ("common", "latin", "han", ...); "unknown" otherwise. @since 0.1 */
EARNINGS_API const char *earnings_script_name(int32_t script);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* EARNINGS_TOKENIZE_H */
