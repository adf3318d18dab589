/**
 * @file earnings/document.h
 * @brief Engines and parsed documents: the entry point of the pipeline.
 * @defgroup earnings_document Engines and documents
 * @{
 *
 * An ::earnings_engine holds everything that is built once (lexicons, ICU
 * break iterator prototypes). It is immutable after earnings_engine_new()
 * and may be shared by any number of threads.
 *
 * earnings_parse() runs the pipeline over one text and returns an
 * ::earnings_doc. A document belongs to one thread at a time; it owns a
 * copy of the original bytes, the normalized text, and every record, so the
 * caller's buffer may be released as soon as earnings_parse() returns.
 *
 * @code
 * earnings_engine *eng = NULL;
 * earnings_doc *doc = NULL;
 * if (earnings_engine_new(&eng, NULL) == EARNINGS_OK &&
 *     earnings_parse(&doc, eng, text, len, NULL) == EARNINGS_OK) {
 *     for (size_t i = 0; i < earnings_doc_token_count(doc); i++) {
 *         const earnings_token *t = earnings_doc_token(doc, i);
 *         printf("%.*s\n", (int)(t->span.end - t->span.start), text + t->span.start);
 *     }
 * } else {
 *     fprintf(stderr, "%s\n", earnings_error_last()->message);
 * }
 * earnings_doc_free(doc);
 * earnings_engine_free(eng);
 * @endcode
 */
#ifndef EARNINGS_DOCUMENT_H
#define EARNINGS_DOCUMENT_H

#include "common.h"
#include "normalize.h"
#include "tokenize.h"
#include "figures.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A compiled, immutable engine (opaque). */
typedef struct earnings_engine earnings_engine;

/** A parsed document (opaque). */
typedef struct earnings_doc earnings_doc;

/** Current version of ::earnings_engine_options. */
#define EARNINGS_ENGINE_OPTIONS_VERSION 1

/**
 * Options of earnings_engine_new(). Pass NULL for defaults.
 * @since 0.1
 */
typedef struct earnings_engine_options {
    unsigned int version; /**< #EARNINGS_ENGINE_OPTIONS_VERSION */
    uint32_t flags;       /**< reserved, must be 0 */
} earnings_engine_options;

/** Static initializer with the defaults. */
#define EARNINGS_ENGINE_OPTIONS_INIT { EARNINGS_ENGINE_OPTIONS_VERSION, 0u }

/**
 * Fill @p opts with defaults for struct @p version.
 * @return #EARNINGS_OK, #EARNINGS_EINVAL or #EARNINGS_EVERSION.
 * @since 0.1
 */
EARNINGS_API int earnings_engine_options_init(earnings_engine_options *opts,
                                              unsigned int version);

/**
 * Create an engine.
 * @param[out] out receives the engine, owned by the caller; free it with
 *                 earnings_engine_free() after every document made with it.
 * @param opts     options, or NULL for defaults.
 * @return #EARNINGS_OK, #EARNINGS_EINVAL, #EARNINGS_EVERSION,
 * #EARNINGS_ENOMEM or #EARNINGS_EICU.
 * @since 0.1
 */
EARNINGS_API int earnings_engine_new(earnings_engine **out, const earnings_engine_options *opts);

/** Free an engine. NULL is a harmless no-op. @since 0.1 */
EARNINGS_API void earnings_engine_free(earnings_engine *engine);

/** Stages and switches of earnings_parse() (bits of earnings_parse_options::flags). @since 0.1 */
typedef enum earnings_parse_flag {
    EARNINGS_PARSE_TOKENS = 1u << 0,    /**< tokenize */
    /** segment sentences. Without EARNINGS_PARSE_TOKENS the sentences have the
     *  same spans but no token array behind them: their first_token and
     *  token_count are 0 (in 0.1.0 this flag implied tokens). */
    EARNINGS_PARSE_SENTENCES = 1u << 1,
    EARNINGS_PARSE_FIGURES = 1u << 2,   /**< extract figures (earnings/figures.h) */
    EARNINGS_PARSE_ENTITIES = 1u << 3,  /**< find entities and metrics (earnings/entities.h) */
    /** link figures to entities, metrics and periods (earnings/facts.h); implies
     *  sentences, figures and entities, not tokens (ask for
     *  EARNINGS_PARSE_TOKENS too to have them). @since 0.1 */
    EARNINGS_PARSE_FACTS = 1u << 4,
    /** Split Han runs into words with ICU's dictionary (slower); otherwise one token per character. */
    EARNINGS_PARSE_HAN_WORDS = 1u << 8
} earnings_parse_flag;

/** The stages run when no options are given. */
#define EARNINGS_PARSE_DEFAULT \
    (EARNINGS_PARSE_TOKENS | EARNINGS_PARSE_SENTENCES | EARNINGS_PARSE_FIGURES | EARNINGS_PARSE_ENTITIES | \
     EARNINGS_PARSE_FACTS)

/**
 * Normalization of earnings_parse() when no options are given: Traditional
 * Chinese characters read as Simplified, so that the built-in lexicons and
 * the figure grammar (written in Simplified) apply to Hong Kong and Taiwan
 * filings too; offsets still map to the caller's bytes.
 * @since 0.1
 */
#define EARNINGS_PARSE_NORMALIZE_DEFAULT EARNINGS_NORMALIZE_SIMPLIFIED

/** Current version of ::earnings_parse_options. */
#define EARNINGS_PARSE_OPTIONS_VERSION 1

/**
 * Options of earnings_parse(). Pass NULL for defaults.
 * @since 0.1
 */
typedef struct earnings_parse_options {
    unsigned int version;     /**< #EARNINGS_PARSE_OPTIONS_VERSION */
    uint32_t flags;           /**< bits of ::earnings_parse_flag; 0 means #EARNINGS_PARSE_DEFAULT */
    uint32_t normalize_flags; /**< bits of ::earnings_normalize_flag; #EARNINGS_PARSE_NORMALIZE_DEFAULT in the initializer */
} earnings_parse_options;

/** Static initializer with the defaults. */
#define EARNINGS_PARSE_OPTIONS_INIT { EARNINGS_PARSE_OPTIONS_VERSION, EARNINGS_PARSE_DEFAULT, EARNINGS_PARSE_NORMALIZE_DEFAULT }

/**
 * Fill @p opts with defaults for struct @p version.
 * @return #EARNINGS_OK, #EARNINGS_EINVAL or #EARNINGS_EVERSION.
 * @since 0.1
 */
EARNINGS_API int earnings_parse_options_init(earnings_parse_options *opts, unsigned int version);

/**
 * Run the pipeline over @p len bytes of UTF-8 at @p text.
 * @param[out] out receives the document, owned by the caller; free it with
 *                 earnings_doc_free(). Set to NULL on failure.
 * @param engine   the engine; borrowed, must outlive the document.
 * @param text     the input (copied); may be NULL only when @p len is 0.
 * @param len      length in bytes.
 * @param opts     options, or NULL for defaults.
 * @return #EARNINGS_OK or any code of earnings_normalize(), plus
 * #EARNINGS_EICU when dictionary breaking fails.
 * @note Thread-safe for distinct documents, also with a shared engine.
 * @since 0.1
 */
EARNINGS_API int earnings_parse(earnings_doc **out, const earnings_engine *engine,
                                const char *text, size_t len,
                                const earnings_parse_options *opts);

/** Free a document. NULL is a harmless no-op. @since 0.1 */
EARNINGS_API void earnings_doc_free(earnings_doc *doc);

/**
 * The document's copy of the original input (NUL-terminated; the NUL is not
 * counted). Borrowed from @p doc. @param size_out may be NULL. @since 0.1
 */
EARNINGS_API const char *earnings_doc_text(const earnings_doc *doc, size_t *size_out);

/**
 * The normalized text (NUL-terminated). Borrowed from @p doc.
 * @param size_out may be NULL. @since 0.1
 */
EARNINGS_API const char *earnings_doc_normalized(const earnings_doc *doc, size_t *size_out);

/** The document's normalization result with its offset map; borrowed. @since 0.1 */
EARNINGS_API const earnings_normalized *earnings_doc_normalization(const earnings_doc *doc);

/** Number of tokens (0 for NULL or when tokens were not requested). @since 0.1 */
EARNINGS_API size_t earnings_doc_token_count(const earnings_doc *doc);

/** Token @p i, borrowed from @p doc; NULL if @p i is out of range. @since 0.1 */
EARNINGS_API const earnings_token *earnings_doc_token(const earnings_doc *doc, size_t i);

/** Number of sentences (0 for NULL or when not requested). @since 0.1 */
EARNINGS_API size_t earnings_doc_sentence_count(const earnings_doc *doc);

/** Sentence @p i, borrowed from @p doc; NULL if @p i is out of range. Its
 *  first_token and token_count index the tokens when they were requested
 *  too, and are 0 otherwise. @since 0.1 */
EARNINGS_API const earnings_sentence *earnings_doc_sentence(const earnings_doc *doc, size_t i);

/** Number of figures (0 for NULL or when figures were not requested). @since 0.1 */
EARNINGS_API size_t earnings_doc_figure_count(const earnings_doc *doc);

/** Figure @p i, borrowed from @p doc; NULL if @p i is out of range. @since 0.1 */
EARNINGS_API const earnings_figure *earnings_doc_figure(const earnings_doc *doc, size_t i);

/** Parts of a document that earnings_doc_to_json() writes. @since 0.1 */
typedef enum earnings_json_part {
    EARNINGS_JSON_TOKENS = 1u << 0,
    EARNINGS_JSON_SENTENCES = 1u << 1,
    EARNINGS_JSON_FIGURES = 1u << 2,
    EARNINGS_JSON_ENTITIES = 1u << 3,
    EARNINGS_JSON_FACTS = 1u << 4, /**< facts (docs/schema/facts.md) @since 0.1 */
    /** One JSON object per line (JSON Lines) instead of one JSON document. */
    EARNINGS_JSON_LINES = 1u << 16
} earnings_json_part;

/**
 * Serialize parts of @p doc as JSON (schema in docs/schema/). Each item
 * carries `start`/`end` (original byte offsets), `text` (the original
 * bytes), and its own fields.
 * @param parts bits of ::earnings_json_part.
 * @param[out] out receives the JSON; release it with earnings_buf_dispose().
 * @return #EARNINGS_OK, #EARNINGS_EINVAL or #EARNINGS_ENOMEM.
 * @since 0.1
 */
EARNINGS_API int earnings_doc_to_json(const earnings_doc *doc, uint32_t parts, earnings_buf *out);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* EARNINGS_DOCUMENT_H */
