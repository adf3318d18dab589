/* The figure scanner: one pass over normalized text producing candidate
 * figures with normalized offsets. */
#ifndef EARNINGS_FIGURES_SCAN_H
#define EARNINGS_FIGURES_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "figures/fnum.h"

/* How the unit of a figure is given. */
enum { FU_NONE = 0, FU_STATIC = 1, FU_EN_NOUN = 2, FU_RAW = 3, FU_BUF = 4 /* ubuf: m/ms */ };

typedef struct fig_cand {
    size_t s, e;           /* the figure, normalized offsets */
    size_t ns, ne;         /* the number (low end) */
    size_t hs, he;         /* the high end's number (ranges) */
    int kind;
    int is_range;
    fnum v, hi;            /* value (low end), high end */
    int umode;             /* FU_* */
    const char *unit;      /* FU_STATIC: static string; FU_EN_NOUN: singular from lexicon or NULL */
    size_t us, ue;         /* FU_EN_NOUN / FU_RAW: the noun in the text */
    int qual, dir, cmp;
    uint32_t flags;
    char period[24];
    char ubuf[24];         /* FU_BUF: a compound unit symbol */
} fig_cand;

/* Called for each figure, in text order; a nonzero return stops the scan
 * and is returned by earnings__figscan(). */
typedef int (*fig_sink)(void *ud, const fig_cand *c);

int earnings__figscan(const char *text, size_t n, fig_sink sink, void *ud);

#endif
