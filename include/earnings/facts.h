/**
 * @file earnings/facts.h
 * @brief Stage 5: facts (one metric value of one entity for one period,
 * anchored on the figure that states it), and fact sets that reconcile the
 * facts of several documents.
 * @defgroup earnings_facts Facts and reconciliation
 * @{
 *
 * A fact links a figure (earnings/figures.h) to the entity and metric it
 * belongs to (earnings/entities.h) and to a period:
 * `AWS revenue reached $33.0 billion, up 20.2% year-over-year` gives
 * `segment:aws · metric:revenue · 2025Q3 · level · 33000000000 USD` and
 * `segment:aws · metric:revenue · 2025Q3 · growth yoy · 20.2 %`.
 *
 * Facts are found within one sentence, with the document as context (its
 * main company, its own period), by general rules described in docs/facts.md.
 * A figure that no rule links stays a figure: a fact is never invented.
 * Request the stage with #EARNINGS_PARSE_FACTS (it implies figures and
 * entities) and read the records with earnings_doc_fact().
 *
 * An ::earnings_factset collects the facts of several documents (each with a
 * source id), filters them and reconciles them: facts stating the same thing
 * (same entity, metric, period, kind, basis, comparison and unit) form a
 * group whose verdict says whether the sources agree, agree once rounding is
 * taken into account (`$132 billion` and `1320亿美元`; `20.2%` and `20%`), or
 * conflict (`$17.6 billion` and `$17.7 billion`). The set also lists the
 * spellings of each person's name per source (`Brian Olsavsky`,
 * `Brian Olsowski`).
 *
 * Records of a document are owned by the document; records of a set are
 * owned by the set. Every pointer in a record is borrowed from its owner.
 */
#ifndef EARNINGS_FACTS_H
#define EARNINGS_FACTS_H

#include "common.h"
#include "document.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Kinds of facts. Values are stable. @since 0.1 */
typedef enum earnings_fact_kind {
    EARNINGS_FACT_LEVEL = 1,  /**< a value of the metric (`revenue was $33 billion`) */
    EARNINGS_FACT_GROWTH = 2, /**< a relative change of the metric (`revenue rose 12%`) */
    EARNINGS_FACT_CHANGE = 3  /**< an absolute change (`margin up 320 basis points`, `increased by $2.1 billion`) */
} earnings_fact_kind;

/** Basis of a fact. Values are stable. @since 0.1 */
typedef enum earnings_fact_basis {
    EARNINGS_BASIS_REPORTED = 1,  /**< stated as a fact */
    EARNINGS_BASIS_EXCLUDING = 2, /**< excludes a named item (`excluding FX`, `剔除`, `would have been`) or, for an adjusted measure (`non-GAAP`, `经调整`), its adjustments; see basis_detail */
    EARNINGS_BASIS_GUIDANCE = 3,  /**< a company outlook, plan or expectation (`expect`, `guidance`, `预计`) */
    EARNINGS_BASIS_TARGET = 4,    /**< an analyst's target or objective */
    EARNINGS_BASIS_ESTIMATE = 5   /**< an analyst's estimate, implied or inferred value */
} earnings_fact_basis;

/** Verdicts of a reconciled group. Values are stable. @since 0.1 */
typedef enum earnings_fact_verdict {
    EARNINGS_VERDICT_AGREE = 1,                 /**< same value written with the same precision */
    EARNINGS_VERDICT_AGREE_WITHIN_ROUNDING = 2, /**< equal once the more precise value is rounded to the less precise one */
    EARNINGS_VERDICT_CONFLICT = 3               /**< the members disagree; see earnings_fact_group::member_side */
} earnings_fact_verdict;

/**
 * One fact. Records are owned by their document or fact set; fields may be
 * appended in later versions, so index them only through earnings_doc_fact()
 * or earnings_factset_fact().
 * @since 0.1
 */
typedef struct earnings_fact {
    earnings_span span;       /**< original bytes of the figure stating the value */
    earnings_span sentence;   /**< original bytes of its sentence (the evidence) */
    const char *text;         /**< the figure's original bytes, NUL-terminated */
    const char *entity_id;    /**< whose metric: `org:amazon`, `segment:aws`, `product:trainium`; never NULL */
    const char *entity_name;  /**< its canonical name; never NULL */
    const char *metric_id;    /**< `metric:revenue`...; never NULL */
    const char *metric_name;  /**< its canonical name (`Revenue`); never NULL */
    const char *period;       /**< `2025Q3`, `2025FY`, `2025YTD`, `TTM`, `2026`...; NULL if none */
    int32_t period_inferred;  /**< 1 when the period comes from the document rather than the sentence */
    int32_t kind;             /**< an ::earnings_fact_kind */
    int32_t is_range;         /**< 1 for a range [low, high] */
    double value;             /**< the value (signed: decreases are negative for growth and change); a range's low end */
    double low;               /**< range low end (== value when not a range) */
    double high;              /**< range high end (== value when not a range) */
    const char *value_exact;  /**< exact decimal of value, or NULL */
    const char *low_exact;    /**< exact decimal of low, or NULL */
    const char *high_exact;   /**< exact decimal of high, or NULL */
    const char *unit;         /**< as the figure's: ISO 4217 code, `%`, `pp`, `bp`, `GW`, counted noun; NULL if none */
    int32_t qualifier;        /**< an ::earnings_figure_qualifier */
    int32_t direction;        /**< an ::earnings_figure_direction */
    int32_t comparison;       /**< an ::earnings_figure_comparison (growth and change facts) */
    int32_t basis;            /**< an ::earnings_fact_basis */
    const char *basis_detail; /**< excluding: the item (`currency`, `FTC settlement`, `non-GAAP items`, `adjustments`); else NULL */
    double confidence;        /**< in [0, 1]: how many rules agree on the link */
    double precision;         /**< the place value of the last digit written (`$33.0 billion`: 1e8; `20%`: 1) */
    size_t figure;            /**< index of the figure in its document */
    int32_t lang;             /**< an ::earnings_figure_lang */
    earnings_span entity_span; /**< the entity mention used, or {0, 0} when the entity is the document's */
    earnings_span metric_span; /**< the metric mention used, or {0, 0} when the metric comes from the unit */
} earnings_fact;

/** Static name of a kind ("level", "growth", "change"); "unknown" otherwise. @since 0.1 */
EARNINGS_API const char *earnings_fact_kind_name(int32_t kind);

/** Static name of a basis ("reported", "excluding", "guidance", "target",
 *  "estimate"); "unknown" otherwise. @since 0.1 */
EARNINGS_API const char *earnings_fact_basis_name(int32_t basis);

/** Static name of a verdict ("agree", "agree_within_rounding", "conflict");
 *  "unknown" otherwise. @since 0.1 */
EARNINGS_API const char *earnings_fact_verdict_name(int32_t verdict);

/** Number of facts of @p doc, in text order (0 for NULL or when the facts
 *  stage was not requested). @since 0.1 */
EARNINGS_API size_t earnings_doc_fact_count(const earnings_doc *doc);

/** Fact @p i, borrowed from @p doc; NULL if @p i is out of range. @since 0.1 */
EARNINGS_API const earnings_fact *earnings_doc_fact(const earnings_doc *doc, size_t i);

/** A set of facts from several documents (opaque). */
typedef struct earnings_factset earnings_factset;

/**
 * A reconciled group: facts of the set stating the same thing. Owned by the
 * set; valid until the next earnings_factset_add_doc(),
 * earnings_factset_reconcile() or earnings_factset_free().
 * @since 0.1
 */
typedef struct earnings_fact_group {
    int32_t verdict;            /**< an ::earnings_fact_verdict */
    size_t member_count;        /**< number of facts (at least 2) */
    const size_t *members;      /**< indices of the facts in the set (earnings_factset_fact()) */
    size_t side_count;          /**< number of distinct values once rounding is allowed (1 unless conflict) */
    const size_t *member_side;  /**< side of each member, in [0, side_count) */
} earnings_fact_group;

/** One spelling of a person's name in one source. @since 0.1 */
typedef struct earnings_name_spelling {
    const char *source;  /**< the source id */
    const char *text;    /**< the spelling as written */
    int32_t match;       /**< an ::earnings_entity_match (exact, alias, variant, fuzzy...) */
    int32_t distance;    /**< edit distance to the nearest listed spelling (variant, fuzzy) */
    size_t count;        /**< number of mentions with this spelling in this source */
} earnings_name_spelling;

/** The spellings of one canonical person across the set's sources. @since 0.1 */
typedef struct earnings_person_names {
    const char *id;                         /**< `person:brian-olsavsky` */
    const char *name;                       /**< canonical name */
    int32_t has_variants;                   /**< 1 when a spelling was matched as variant or fuzzy */
    size_t spelling_count;                  /**< number of (source, spelling) pairs */
    const earnings_name_spelling *spellings; /**< in source order, then first mention */
} earnings_person_names;

/**
 * Create an empty fact set.
 * @param[out] out receives the set, owned by the caller; free it with earnings_factset_free().
 * @return #EARNINGS_OK, #EARNINGS_EINVAL or #EARNINGS_ENOMEM.
 * @note A set belongs to one thread at a time.
 * @since 0.1
 */
EARNINGS_API int earnings_factset_new(earnings_factset **out);

/** Free a set. NULL is a harmless no-op. @since 0.1 */
EARNINGS_API void earnings_factset_free(earnings_factset *set);

/**
 * Add the facts and the person mentions of @p doc, tagged with @p source_id.
 * The set copies everything it needs: @p doc may be freed right after.
 * Spans in the copied records refer to @p doc's original text. Groups of an
 * earlier earnings_factset_reconcile() are dropped.
 * @param set       the set.
 * @param doc       a document parsed with #EARNINGS_PARSE_FACTS (otherwise
 *                  only its person mentions are added).
 * @param source_id a name for the document (a file name), NUL-terminated; copied.
 * @return #EARNINGS_OK, #EARNINGS_EINVAL (a NULL argument) or
 * #EARNINGS_ENOMEM (then the set is left as it was).
 * @since 0.1
 */
EARNINGS_API int earnings_factset_add_doc(earnings_factset *set, const earnings_doc *doc,
                                          const char *source_id);

/** Number of facts in @p set (0 for NULL). @since 0.1 */
EARNINGS_API size_t earnings_factset_count(const earnings_factset *set);

/**
 * Fact @p i of @p set, borrowed from the set.
 * @param[out] source_out receives the fact's source id (borrowed); may be NULL.
 * @return the fact, or NULL if @p set is NULL or @p i out of range.
 * @since 0.1
 */
EARNINGS_API const earnings_fact *earnings_factset_fact(const earnings_factset *set, size_t i,
                                                        const char **source_out);

/**
 * Indices of the facts matching every given criterion, in set order.
 * @param set      the set.
 * @param entity   entity id to match, or NULL for any.
 * @param metric   metric id to match, or NULL for any.
 * @param period   period to match (`2025Q3`), or NULL for any.
 * @param kind     an ::earnings_fact_kind, or 0 for any.
 * @param[out] indices receives up to @p cap indices; may be NULL when @p cap is 0.
 * @param cap      room in @p indices.
 * @param[out] count_out receives the total number of matches (may exceed @p cap:
 *                 call with @p cap 0 to size the array).
 * @return #EARNINGS_OK or #EARNINGS_EINVAL.
 * @since 0.1
 */
EARNINGS_API int earnings_factset_filter(const earnings_factset *set, const char *entity,
                                         const char *metric, const char *period, int32_t kind,
                                         size_t *indices, size_t cap, size_t *count_out);

/**
 * Group the facts stating the same thing and judge each group; also collect
 * the spellings of each person's name. Replaces the result of an earlier call.
 * @return #EARNINGS_OK, #EARNINGS_EINVAL or #EARNINGS_ENOMEM (then the set
 * has no groups).
 * @since 0.1
 */
EARNINGS_API int earnings_factset_reconcile(earnings_factset *set);

/** Number of groups of the last earnings_factset_reconcile() (0 for NULL). @since 0.1 */
EARNINGS_API size_t earnings_factset_group_count(const earnings_factset *set);

/** Group @p i, borrowed from @p set; NULL if out of range. @since 0.1 */
EARNINGS_API const earnings_fact_group *earnings_factset_group(const earnings_factset *set, size_t i);

/** Number of persons named in the set's sources, after earnings_factset_reconcile() (0 for NULL). @since 0.1 */
EARNINGS_API size_t earnings_factset_person_count(const earnings_factset *set);

/** Person @p i with its spellings, borrowed from @p set; NULL if out of range. @since 0.1 */
EARNINGS_API const earnings_person_names *earnings_factset_person(const earnings_factset *set, size_t i);

/**
 * Serialize the set as JSON (schema `libearnings/factset` version 1,
 * docs/schema/facts.md): its sources, facts, groups with verdicts and the
 * names section. Groups and names are those of the last
 * earnings_factset_reconcile() (empty if it was not called).
 * @param[out] out receives the JSON; release it with earnings_buf_dispose().
 * @return #EARNINGS_OK, #EARNINGS_EINVAL or #EARNINGS_ENOMEM.
 * @since 0.1
 */
EARNINGS_API int earnings_factset_to_json(const earnings_factset *set, earnings_buf *out);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* EARNINGS_FACTS_H */
