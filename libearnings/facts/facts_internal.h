/* Internal interface of the facts stage (stage 5): linking figures to
 * entities, metrics and periods within sentences, and fact sets.
 *
 * Usage from earnings_parse(), after figures and entities:
 *
 *     int rc = earnings__doc_facts(doc);      (records in doc->facts)
 *     ...
 *     earnings__doc_facts_free(doc);          (also after a failure)
 */
#ifndef EARNINGS_FACTS_INTERNAL_H
#define EARNINGS_FACTS_INTERNAL_H

#include <string.h>

#include "core/internal.h"
#include "earnings/facts.h"

/* ---- string arena: blocks that never move, freed at once ---------------- */
typedef struct earnings__arena_block earnings__arena_block;
typedef struct earnings__arena {
    earnings__arena_block *head;
} earnings__arena;

void earnings__arena_init(earnings__arena *a);
void earnings__arena_release(earnings__arena *a);
/* Copy s[0..n) plus a NUL into the arena; NULL on ENOMEM (error recorded). */
char *earnings__arena_strndup(earnings__arena *a, const char *s, size_t n);
/* The same for a NUL-terminated string; NULL s gives NULL (not an error:
 * callers check s first). */
char *earnings__arena_strdup(earnings__arena *a, const char *s);
/* Uninitialized room for n bytes aligned for any record; NULL on ENOMEM. */
void *earnings__arena_alloc(earnings__arena *a, size_t n);

/* ---- excluded items of adjusted measures -------------------------------- */
/* basis_detail of an adjusted (non-GAAP) measure: one of these strings,
 * compared by pointer or content. */
#define EARNINGS__ADJ_NON_GAAP "non-GAAP items"
#define EARNINGS__ADJ_NON_IFRS "non-IFRS items"
#define EARNINGS__ADJ_ADJUSTED "adjustments"
#define EARNINGS__ADJ_NON_RECURRING "non-recurring items"
#define EARNINGS__ADJ_ORGANIC "acquisitions, disposals and currency"
/* Is d the excluded item of an adjusted measure? */
static inline int earnings__adjusted_detail(const char *d)
{
    return d && (!strcmp(d, EARNINGS__ADJ_NON_GAAP) || !strcmp(d, EARNINGS__ADJ_NON_IFRS) ||
                 !strcmp(d, EARNINGS__ADJ_ADJUSTED));
}

/* ---- arithmetic without libm (the library does not link it) ----------- */
static inline double earnings__fabs(double x) { return x < 0 ? -x : x; }
/* Round half away from zero; |x| must be below 9e18. */
static inline double earnings__round(double x)
{
    if (!(x < 9e18 && x > -9e18))
        return x;
    return x >= 0 ? (double)(long long)(x + 0.5) : -(double)(long long)(-x + 0.5);
}
static inline double earnings__pow10(int e)
{
    double r = 1;
    for (; e > 0; e--)
        r *= 10;
    for (; e < 0; e++)
        r /= 10;
    return r;
}
/* The power of ten p with p <= x < 10p (x > 0). */
static inline double earnings__floor_pow10(double x)
{
    double p = 1;
    while (p * 10 <= x)
        p *= 10;
    while (p > x)
        p /= 10;
    return p;
}

/* ---- document glue (called by earnings_parse() / earnings_doc_free()) ---- */
int earnings__doc_facts(earnings_doc *doc);
void earnings__doc_facts_free(earnings_doc *doc);

/* Append one fact as a JSON object (docs/schema/facts.md). source may be
 * NULL (no "source" key); orig_text NULL omits "sentence_text". */
void earnings__fact_to_json(earnings__sb *sb, const earnings_fact *f, const char *source);

/* The place value of the last written digit of a figure's number
 * (`$33.0 billion` -> 1e8), from its original text. */
double earnings__figure_precision(const earnings_figure *f, const char *orig_text);

#endif
