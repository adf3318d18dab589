/* Internal interface of the figure extractor (stage 3).
 *
 * Usage from earnings_parse():
 *
 *     earnings__figure_list figs;
 *     earnings__figure_list_init(&figs);
 *     int rc = earnings__figures_extract(norm, tokens, ntokens, &figs);
 *     ... figs.items[0 .. figs.count) are the records, in text order ...
 *     earnings__figure_list_free(&figs);   (also after a failure)
 *
 * Every string a record points to (exact decimals, counted nouns, periods)
 * lives in the list's arena or in static lexicon data, so it stays valid
 * until earnings__figure_list_free(). */
#ifndef EARNINGS_FIGURES_INTERNAL_H
#define EARNINGS_FIGURES_INTERNAL_H

#include "core/internal.h"
#include "earnings/figures.h"

typedef struct earnings__figure_arena earnings__figure_arena;

typedef struct earnings__figure_list {
    earnings_figure *items;        /* count records, sorted by span */
    size_t count;
    size_t cap;
    earnings__figure_arena *arena; /* strings of the records */
} earnings__figure_list;

void earnings__figure_list_init(earnings__figure_list *list);
/* Release everything the list holds and reset it to empty. */
void earnings__figure_list_free(earnings__figure_list *list);

/* Extract the figures of the normalized text of norm into out (which must be
 * initialized and is appended to). tokens may be NULL (they are not needed;
 * the extractor scans the normalized text itself). Spans are mapped to the
 * original input through norm. Returns 0, EARNINGS_EINVAL or EARNINGS_ENOMEM
 * (error recorded; out may hold a partial result that
 * earnings__figure_list_free() releases). */
int earnings__figures_extract(const earnings_normalized *norm, const earnings_token *tokens,
                              size_t ntokens, earnings__figure_list *out);

/* The same over any UTF-8 text with an identity offset map (tests, tools). */
int earnings__figures_extract_text(const char *text, size_t len, earnings__figure_list *out);

/* Append one figure as a JSON object:
 * {"start","end","text","kind","value","unit","qualifier","direction",
 *  "comparison","lang","num":[s,e](,"num_high":[s,e])(,"count":true)
 *  (,"low_open":true)(,"high_open":true)}  (docs/schema/figures.md)
 * value is a number, [lo, hi] for ranges, a string for periods and dates;
 * unit, qualifier, direction, comparison are strings or null.
 * orig_text is the original input (for "text"); may be NULL to omit "text". */
void earnings__figure_to_json(earnings__sb *sb, const earnings_figure *f, const char *orig_text);

#endif
