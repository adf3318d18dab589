/* Internal view of a normalization result, for the later stages. */
#ifndef EARNINGS_NORMALIZE_INTERNAL_H
#define EARNINGS_NORMALIZE_INTERNAL_H

#include "core/internal.h"

/* Map a normalized offset to the original: as the start of a span (first
 * original byte of the character at off) and as the end of a span (one past
 * the last original byte of the character ending at off). Both accept
 * off == normalized length. No range check beyond that. */
size_t earnings__norm_to_orig_start(const earnings_normalized *norm, size_t off);
size_t earnings__norm_to_orig_end(const earnings_normalized *norm, size_t off);

/* A cursor for many lookups in one normalized text, in any order: it
 * remembers the map segment of the last lookup and walks from there, so
 * offsets that move forward (or back) a little cost O(1) instead of a binary
 * search; a far jump falls back to the binary search. It also caches the
 * last linear segment (bytes that map one to one), so that a lookup inside
 * it is a few inline instructions. Results are exactly those of
 * earnings__norm_to_orig_start/_end. A cursor belongs to one
 * earnings_normalized (a zero-initialized cursor is ready to use). */
typedef struct earnings__norm_cursor {
    size_t seg;       /* segment of the last lookup */
    size_t lo, hi;    /* normalized range of the cached linear segment (empty: lo >= hi) */
    size_t o;         /* original offset of lo */
    const char *text; /* normalized text (set with the cache) */
} earnings__norm_cursor;

static inline void earnings__norm_cursor_init(earnings__norm_cursor *cur)
{
    cur->seg = 0;
    cur->lo = cur->hi = cur->o = 0;
    cur->text = NULL;
}

size_t earnings__norm_cursor_start_slow(const earnings_normalized *norm, earnings__norm_cursor *cur, size_t off);
size_t earnings__norm_cursor_end_slow(const earnings_normalized *norm, earnings__norm_cursor *cur, size_t off);

/* Inside the cached linear segment a character boundary maps by offset;
 * anything else takes the full lookup (which refreshes the cache). */
static inline size_t earnings__norm_cursor_start(const earnings_normalized *norm, earnings__norm_cursor *cur,
                                                 size_t off)
{
    if (off >= cur->lo && off < cur->hi && ((unsigned char)cur->text[off] & 0xC0) != 0x80)
        return cur->o + (off - cur->lo);
    return earnings__norm_cursor_start_slow(norm, cur, off);
}

static inline size_t earnings__norm_cursor_end(const earnings_normalized *norm, earnings__norm_cursor *cur,
                                               size_t off)
{
    if (off > cur->lo && off <= cur->hi &&
        (off == cur->hi || ((unsigned char)cur->text[off] & 0xC0) != 0x80))
        return cur->o + (off - cur->lo);
    return earnings__norm_cursor_end_slow(norm, cur, off);
}

#endif
