/**
 * @file earnings/entities.h
 * @brief Stage 4: entities (companies, segments, products, people, roles,
 * tickers) and financial metrics named in a parsed document, and the
 * lexicons that define them.
 * @defgroup earnings_entities Entities and lexicons
 * @{
 *
 * Entities are found by a gazetteer compiled once per engine from lexicons
 * (word lists in a documented text format, docs/lexicons.md): the built-in
 * lexicons, embedded in the library, plus any the caller adds through an
 * ::earnings_lexicon and earnings_engine_new_with_lexicon().
 *
 * Every entity has a canonical id (`org:amazon`, `segment:aws`,
 * `person:andy-jassy`, `product:trainium`, `role:cfo`, `metric:revenue`), a
 * canonical name and a type. Matching runs over the normalized text:
 * - longest-leftmost: `Amazon Web Services` is one segment, not `Amazon`;
 * - Latin letters compare case-insensitively (ASCII), except aliases the
 *   lexicon marks case-sensitive (`Target`);
 * - Latin matches respect word boundaries (no `Amazon` inside `Amazonian`,
 *   no `AWS` inside `LAWS`); Han matches have no boundary check;
 * - runs of spaces and hyphens compare equal (`run-rate`, `run rate`), and a
 *   middle dot between Han characters is optional (`安迪·贾西`, `安迪贾西`);
 * - product names accept an attached generation number (`Trainium2`);
 * - spelling noise of transcripts: variant spellings listed in the lexicon
 *   (`Olsowski`) are reported as #EARNINGS_MATCH_VARIANT, and capitalized
 *   words within a small edit distance of exactly one known person or
 *   product name (`Tranium`) as #EARNINGS_MATCH_FUZZY with their distance;
 * - patterns: tickers (`(AMZN)`, `AMZN.US`, `NASDAQ: AMZN`, `$AMZN`) and
 *   honorifics (`Mr. Dave Fildes`); organizations by their legal form
 *   (`Acme Robotics Inc.`, then `Acme Robotics`), as the subject of a
 *   release's title or of `today reported` (`Northwind Semiconductor Reports
 *   ...`, `星河科技发布...`), or by the ticker after them (`华远电器(000651.SZ)`),
 *   as unknown `org:` entities (docs/lexicons.md lists the patterns);
 *   products as introduced (`launched the "Add-to-Delivery" button`,
 *   `an agent called Stratus Flow`), as unknown `product:` entities;
 * - a role next to a person (`CFO Brian Olsavsky`, `Andy Jassy – CEO`,
 *   `首席财务官布莱恩·奥尔萨夫斯基`) is linked to the person (earnings_entity::role).
 *
 * Records are owned by their document (earnings_doc_entity()); every pointer
 * in a record is borrowed and stays valid until the document is freed.
 */
#ifndef EARNINGS_ENTITIES_H
#define EARNINGS_ENTITIES_H

#include "common.h"
#include "document.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Types of entities. Values are stable. @since 0.1 */
typedef enum earnings_entity_type {
    EARNINGS_ENTITY_ORG = 1,     /**< a company or other organization (`org:`) */
    EARNINGS_ENTITY_SEGMENT = 2, /**< a business segment (`segment:`) */
    EARNINGS_ENTITY_PRODUCT = 3, /**< a product or service (`product:`) */
    EARNINGS_ENTITY_PERSON = 4,  /**< a person (`person:`) */
    EARNINGS_ENTITY_ROLE = 5,    /**< a role or title (`role:`) */
    /** A ticker symbol; its id is the entity the ticker belongs to when the
     *  lexicon knows it (`org:amazon`), else `ticker:<SYMBOL>`. */
    EARNINGS_ENTITY_TICKER = 6,
    EARNINGS_ENTITY_METRIC = 7   /**< a financial metric (`metric:`) */
} earnings_entity_type;

/** How an entity was matched. Values are stable. @since 0.1 */
typedef enum earnings_entity_match {
    EARNINGS_MATCH_EXACT = 1,   /**< the canonical name */
    EARNINGS_MATCH_ALIAS = 2,   /**< an alias (another language, a short form) */
    EARNINGS_MATCH_VARIANT = 3, /**< a variant spelling listed in the lexicon (transcript noise) */
    EARNINGS_MATCH_FUZZY = 4,   /**< a near match; earnings_entity::distance holds the edit distance */
    EARNINGS_MATCH_PATTERN = 5  /**< a pattern: ticker notation, honorific before a name, legal form after one */
} earnings_entity_match;

/** Flags of an entity (bits of earnings_entity::flags). @since 0.1 */
typedef enum earnings_entity_flag {
    /** The matched text is an alias of several entities; the one reported
     *  is the best match kind, then the lexicon loaded last. */
    EARNINGS_ENTITY_FLAG_AMBIGUOUS = 1u << 0,
    /** Not in any lexicon: found by a pattern (an unknown ticker, a name
     *  after `Mr.`, a name before `Inc.`); id and name are derived from the text. */
    EARNINGS_ENTITY_FLAG_UNKNOWN = 1u << 1,
    /** A fuzzy match confirmed by context (the person's first name before it). */
    EARNINGS_ENTITY_FLAG_CONTEXT = 1u << 2
} earnings_entity_flag;

/**
 * One entity mention. Records are owned by their document; fields may be
 * appended in later versions, so index them only through earnings_doc_entity().
 * @since 0.1
 */
typedef struct earnings_entity {
    earnings_span span;   /**< original bytes of the mention */
    earnings_span norm;   /**< the same in the normalized text */
    int32_t type;         /**< an ::earnings_entity_type */
    int32_t match;        /**< an ::earnings_entity_match */
    int32_t distance;     /**< edit distance to the nearest listed spelling (fuzzy, variant); else 0 */
    uint32_t flags;       /**< bits of ::earnings_entity_flag */
    const char *id;       /**< canonical id, never NULL */
    const char *name;     /**< canonical name, never NULL */
    const char *lang;     /**< language of the mention: `"en"` (no Han character) or `"zh"` */
    const char *role;     /**< persons: the id of a role stated next to them (`role:cfo`), else NULL */
    const char *ticker;   /**< tickers: the symbol (`AMZN`, `0700`); else NULL */
    const char *exchange; /**< tickers: the exchange or market stated (`NASDAQ`, `US`, `HK`), else NULL */
} earnings_entity;

/** Static name of a type ("org", "segment", "product", "person", "role",
 *  "ticker", "metric"); "unknown" otherwise. @since 0.1 */
EARNINGS_API const char *earnings_entity_type_name(int32_t type);

/** Static name of a match kind ("exact", "alias", "variant", "fuzzy",
 *  "pattern"); "unknown" otherwise. @since 0.1 */
EARNINGS_API const char *earnings_entity_match_name(int32_t match);

/** Number of entity mentions of @p doc, in text order (0 for NULL). @since 0.1 */
EARNINGS_API size_t earnings_doc_entity_count(const earnings_doc *doc);

/** Entity mention @p i, borrowed from @p doc; NULL if @p i is out of range. @since 0.1 */
EARNINGS_API const earnings_entity *earnings_doc_entity(const earnings_doc *doc, size_t i);

/**
 * Look up an entity of the engine's gazetteer by canonical id.
 * @param engine   the engine.
 * @param id       a canonical id (`org:amazon`), NUL-terminated.
 * @param[out] type_out receives its ::earnings_entity_type; may be NULL.
 * @param[out] name_out receives its canonical name, borrowed from @p engine; may be NULL.
 * @return #EARNINGS_OK, #EARNINGS_EINVAL (NULL @p engine or @p id) or
 * #EARNINGS_ENOTFOUND.
 * @note Thread-safe: the engine is immutable.
 * @since 0.1
 */
EARNINGS_API int earnings_entity_lookup(const earnings_engine *engine, const char *id,
                                        int32_t *type_out, const char **name_out);

/** A set of lexicon entries to add to the built-in ones (opaque). */
typedef struct earnings_lexicon earnings_lexicon;

/**
 * Create an empty lexicon.
 * @param[out] out receives the lexicon, owned by the caller; free it with
 *                 earnings_lexicon_free().
 * @return #EARNINGS_OK, #EARNINGS_EINVAL or #EARNINGS_ENOMEM.
 * @since 0.1
 */
EARNINGS_API int earnings_lexicon_new(earnings_lexicon **out);

/** Free a lexicon. NULL is a harmless no-op. @since 0.1 */
EARNINGS_API void earnings_lexicon_free(earnings_lexicon *lex);

/**
 * Parse lexicon text (format in docs/lexicons.md) and add its entries.
 * Entries with an id already present are merged: aliases are added, the
 * name is replaced, the type must agree.
 * @param lex   the lexicon.
 * @param data  UTF-8 text (copied as needed); may be NULL only when @p len is 0.
 * @param len   length in bytes.
 * @param name  a name for messages (a file name), or NULL.
 * @return #EARNINGS_OK; #EARNINGS_EINVAL; #EARNINGS_ENOMEM; #EARNINGS_EPARSE
 * when the text is malformed: the error's message gives the name and the
 * line number, its byte_offset the offset of the problem in @p data. On
 * error the lexicon is left as it was before the call.
 * @note A lexicon belongs to one thread at a time.
 * @since 0.1
 */
EARNINGS_API int earnings_lexicon_add_buffer(earnings_lexicon *lex, const char *data, size_t len,
                                             const char *name);

/**
 * Read a lexicon file and add its entries, as earnings_lexicon_add_buffer().
 * @return the codes of earnings_lexicon_add_buffer(), plus #EARNINGS_EIO when
 * the file cannot be read and #EARNINGS_ETOOBIG for files of 64 MiB or more.
 * @since 0.1
 */
EARNINGS_API int earnings_lexicon_add_file(earnings_lexicon *lex, const char *path);

/** Number of distinct entries (ids) of @p lex (0 for NULL). @since 0.1 */
EARNINGS_API size_t earnings_lexicon_entry_count(const earnings_lexicon *lex);

/**
 * Create an engine whose gazetteer holds the built-in lexicons plus @p lex.
 * Entries of @p lex with a built-in id extend that entry.
 * @param[out] out receives the engine, owned by the caller (earnings_engine_free()).
 * @param opts  options, or NULL for defaults.
 * @param lex   extra entries, or NULL (then the same as earnings_engine_new());
 *              borrowed for the call only: the engine copies what it needs,
 *              so @p lex may be freed right after.
 * @return the codes of earnings_engine_new().
 * @since 0.1
 */
EARNINGS_API int earnings_engine_new_with_lexicon(earnings_engine **out,
                                                  const earnings_engine_options *opts,
                                                  const earnings_lexicon *lex);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* EARNINGS_ENTITIES_H */
