/**
 * @file earnings/figures.h
 * @brief Stage 3: figures (numbers, money, percentages, quantities, ranges,
 * periods and dates) found in a parsed document.
 * @defgroup earnings_figures Figures
 * @{
 *
 * A figure is one quantity the text states, with its value resolved:
 * `$179.5 billion` is money, value 179500000000, unit `USD`;
 * `50 多万块芯片` is a quantity, value 500000, unit `芯片`, qualifier over;
 * `between 30% and 40%` is one percent figure whose value is the range
 * [30, 40]; `Q3 2025` is a period `2025Q3`.
 *
 * The span of a figure covers its qualifier words, currency signs and words,
 * the number, scale words, the percent sign or word and the unit (for counts
 * the counted noun). Direction (`rose`, `增长`) and comparison
 * (`year-over-year`, `同比`) are attributes, outside the span.
 *
 * Values: percentages are in percent (`20.2%` gives 20.2), basis points in
 * basis points, money in units of the currency. Besides the double, each
 * value has an exact decimal string (`"179500000000"`, `"20.2"`), NULL when
 * the value has no finite decimal form (`1/3`).
 *
 * Records are owned by their document (earnings_doc_figure()); every pointer
 * in a record is borrowed and stays valid until the document is freed.
 */
#ifndef EARNINGS_FIGURES_H
#define EARNINGS_FIGURES_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Kinds of figures. Values are stable. @since 0.1 */
typedef enum earnings_figure_kind {
    EARNINGS_FIGURE_NUMBER = 1,   /**< a plain number */
    EARNINGS_FIGURE_ORDINAL = 2,  /**< `third`, `8th`, `第三` */
    EARNINGS_FIGURE_MONEY = 3,    /**< unit is an ISO 4217 code */
    EARNINGS_FIGURE_PERCENT = 4,  /**< value in percent, unit `%` */
    EARNINGS_FIGURE_PP = 5,       /**< percentage points, unit `pp` */
    EARNINGS_FIGURE_BPS = 6,      /**< basis points, unit `bp` */
    EARNINGS_FIGURE_QUANTITY = 7, /**< physical unit (`GW`) or counted noun (`chip`, `芯片`) */
    EARNINGS_FIGURE_DATE = 8,     /**< `period` holds `2025-10-30` (or `2025-10`, `--10-30`) */
    EARNINGS_FIGURE_PERIOD = 9    /**< `period` holds `2025Q3`, `Q3`, `2025FY`, `2025H1`, `YTD`, `2025YTD`, `TTM`,
                                       `2025`, or a range of years `2025/2026` */
} earnings_figure_kind;

/** Qualifiers of a figure. Values are stable. @since 0.1 */
typedef enum earnings_figure_qualifier {
    EARNINGS_QUALIFIER_NONE = 0,
    EARNINGS_QUALIFIER_APPROX = 1,   /**< about, approximately, ~, 约, 左右 */
    EARNINGS_QUALIFIER_NEARLY = 2,   /**< nearly, almost, close to, 近, 接近 */
    EARNINGS_QUALIFIER_OVER = 3,     /**< over, more than, `+`, 超过, 逾, 以上, 多, 余 */
    EARNINGS_QUALIFIER_UNDER = 4,    /**< less than, under, below, 不到, 不足 */
    EARNINGS_QUALIFIER_AT_LEAST = 5, /**< at least, 至少 */
    EARNINGS_QUALIFIER_AT_MOST = 6,  /**< up to, at most, 最多 */
    EARNINGS_QUALIFIER_EXACT = 7     /**< exactly, equal to, 等于 (@since 0.2) */
} earnings_figure_qualifier;

/** Direction of change stated next to a figure. Values are stable. @since 0.1 */
typedef enum earnings_figure_direction {
    EARNINGS_DIRECTION_NONE = 0,
    EARNINGS_DIRECTION_UP = 1,   /**< rose, grew, up, increased, 增长, 提升 */
    EARNINGS_DIRECTION_DOWN = 2, /**< fell, declined, down, 下降, 减少 */
    EARNINGS_DIRECTION_FLAT = 3  /**< flat, unchanged, 持平 */
} earnings_figure_direction;

/** Basis of comparison stated next to a figure. Values are stable. @since 0.1 */
typedef enum earnings_figure_comparison {
    EARNINGS_COMPARISON_NONE = 0,
    EARNINGS_COMPARISON_YOY = 1, /**< year-over-year, YoY, 同比, compared to the same period last year */
    EARNINGS_COMPARISON_QOQ = 2, /**< sequentially, quarter-over-quarter, 环比 */
    EARNINGS_COMPARISON_MOM = 3  /**< month-over-month */
} earnings_figure_comparison;

/** Language of a figure's text. Values are stable. @since 0.1 */
typedef enum earnings_figure_lang {
    EARNINGS_LANG_UNKNOWN = 0,
    EARNINGS_LANG_EN = 1, /**< no Han character in the span */
    EARNINGS_LANG_ZH = 2  /**< the span holds Han characters */
} earnings_figure_lang;

/** Flags of a figure (bits of earnings_figure::flags). @since 0.1 */
typedef enum earnings_figure_flag {
    /** The value has no exact decimal form (a fraction such as 1/3); the exact strings are NULL. */
    EARNINGS_FIGURE_FLAG_INEXACT = 1u << 0,
    /** The number was written in words (`twenty`, `五十万`) rather than digits only. */
    EARNINGS_FIGURE_FLAG_WORDS = 1u << 1,
    /** A negative written in financial parentheses: `(1.2)`. */
    EARNINGS_FIGURE_FLAG_PARENS = 1u << 2,
    /** The unit is a counted noun (`chip`, `芯片`) rather than a unit of measure. */
    EARNINGS_FIGURE_FLAG_COUNT = 1u << 3,
    /** A range from paired bounds whose low end is excluded (`more than 10 and ...`). @since 0.2 */
    EARNINGS_FIGURE_FLAG_LOW_OPEN = 1u << 4,
    /** A range from paired bounds whose high end is excluded (`... and less than 40`). @since 0.2 */
    EARNINGS_FIGURE_FLAG_HIGH_OPEN = 1u << 5
} earnings_figure_flag;

/**
 * One figure. Records are owned by their document; fields may be appended in
 * later versions, so index them only through earnings_doc_figure().
 * @since 0.1
 */
typedef struct earnings_figure {
    earnings_span span;       /**< original bytes of the whole figure */
    earnings_span norm;       /**< the same in the normalized text */
    int32_t kind;             /**< an ::earnings_figure_kind */
    int32_t is_range;         /**< 1 for a range [low, high], else 0 */
    double value;             /**< the value; for a range, its low end; 0 for periods and dates */
    double low;               /**< range low end (== value when not a range) */
    double high;              /**< range high end (== value when not a range) */
    const char *value_exact;  /**< exact decimal of value, or NULL (inexact, period, date) */
    const char *low_exact;    /**< exact decimal of low, or NULL */
    const char *high_exact;   /**< exact decimal of high, or NULL */
    const char *unit;         /**< ISO 4217 code, `%`, `pp`, `bp`, unit symbol (durations `day`, `month`,
                                   `year`...; multiples `x`; occurrences `time`), counted noun; NULL if none
                                   (also a Chinese number whose measure word has no noun: `三家`) */
    int32_t qualifier;        /**< an ::earnings_figure_qualifier */
    int32_t direction;        /**< an ::earnings_figure_direction */
    int32_t comparison;       /**< an ::earnings_figure_comparison */
    int32_t lang;             /**< an ::earnings_figure_lang */
    const char *period;       /**< periods and dates: `2025Q3`, `2025-10-30`...; else NULL */
    uint32_t flags;           /**< bits of ::earnings_figure_flag */
    earnings_span num;        /**< original bytes of the number (the low end's, for a range) */
    earnings_span num_high;   /**< original bytes of a range's high-end number; {0, 0} otherwise */
} earnings_figure;

/** Static name of a kind ("number", "money", "percent", ...); "unknown" otherwise. @since 0.1 */
EARNINGS_API const char *earnings_figure_kind_name(int32_t kind);

/** Static name of a qualifier ("approx", "over", ...); NULL for none; "unknown" otherwise. @since 0.1 */
EARNINGS_API const char *earnings_figure_qualifier_name(int32_t qualifier);

/** Static name of a direction ("up", "down", "flat"); NULL for none; "unknown" otherwise. @since 0.1 */
EARNINGS_API const char *earnings_figure_direction_name(int32_t direction);

/** Static name of a comparison ("yoy", "qoq", "mom"); NULL for none; "unknown" otherwise. @since 0.1 */
EARNINGS_API const char *earnings_figure_comparison_name(int32_t comparison);

/** Static name of a language ("en", "zh"); "unknown" otherwise. @since 0.1 */
EARNINGS_API const char *earnings_figure_lang_name(int32_t lang);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* EARNINGS_FIGURES_H */
