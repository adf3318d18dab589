/*
 * Internal helpers shared by every stage: allocation (one function, so that
 * allocation failure can be injected in tests), thread-local errors, a
 * growable byte buffer and UTF-8 decoding. Nothing here is exported.
 */
#ifndef EARNINGS_CORE_INTERNAL_H
#define EARNINGS_CORE_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "earnings.h"

#if defined(__GNUC__)
#  define EARNINGS__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#  define EARNINGS__PRINTF(a, b)
#endif

/* ---- allocation ---------------------------------------------------------
 * Every allocation of the library goes through these. With the build option
 * EARNINGS_FAILALLOC, earnings__failalloc_set(n) makes the n-th allocation
 * from then on fail (1-based; 0 disables). */
void *earnings__malloc(size_t size);
void *earnings__calloc(size_t n, size_t size);
void *earnings__realloc(void *ptr, size_t size);
void earnings__free(void *ptr);
/* Grow *ptr (an array of elem-sized items with capacity *cap) to hold at
 * least need items. Returns 0 or EARNINGS_ENOMEM (error recorded). */
int earnings__grow(void **ptr, size_t *cap, size_t need, size_t elem);

/* ---- errors ------------------------------------------------------------- */
/* Record an error on this thread and return code. */
int earnings__error(int code, int64_t byte_offset, const char *fmt, ...) EARNINGS__PRINTF(3, 4);
/* Record ENOMEM and return it. */
int earnings__enomem(void);

/* ---- growable byte buffer ----------------------------------------------- */
typedef struct earnings__sb {
    char *ptr;
    size_t len;
    size_t cap;
    int failed; /* sticky: an append ran out of memory */
} earnings__sb;

void earnings__sb_init(earnings__sb *sb);
void earnings__sb_release(earnings__sb *sb);
int earnings__sb_reserve(earnings__sb *sb, size_t extra);
void earnings__sb_append(earnings__sb *sb, const char *s, size_t n);
void earnings__sb_puts(earnings__sb *sb, const char *s);
void earnings__sb_putc(earnings__sb *sb, char c);
void earnings__sb_printf(earnings__sb *sb, const char *fmt, ...) EARNINGS__PRINTF(2, 3);
/* Append s[0..n) as a JSON string literal, quotes included. */
void earnings__sb_json_string(earnings__sb *sb, const char *s, size_t n);
/* Append ,"key":["name",...] for the bits set in flags (bit i is names[i]);
 * nothing when no known bit is set. */
void earnings__sb_json_flags(earnings__sb *sb, const char *key, uint32_t flags, const char *const *names,
                             size_t nnames);
/* Move the contents into an earnings_buf (NUL-terminated). Returns 0 or ENOMEM. */
int earnings__sb_to_buf(earnings__sb *sb, earnings_buf *out);

/* ---- UTF-8 -------------------------------------------------------------- */
/* Decode one code point at s[0..n). Returns its length (1..4) and stores the
 * code point in *cp, or returns 0 for an invalid sequence (overlong, surrogate,
 * above U+10FFFF, truncated); then *cp is the number of bytes of the maximal
 * invalid subsequence (at least 1) to skip. n must be > 0. */
size_t earnings__utf8_decode_full(const unsigned char *s, size_t n, int32_t *cp);
/* The same, with ASCII and the three-byte sequences whose continuation
 * bytes have no range restriction (lead bytes E1-EC and EE-EF: all of CJK,
 * full-width forms, general punctuation) decoded inline. */
static inline size_t earnings__utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xE1 && c != 0xED && c <= 0xEF && n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *cp = (int32_t)(c & 0x0F) << 12 | (int32_t)(s[1] & 0x3F) << 6 | (int32_t)(s[2] & 0x3F);
        return 3;
    }
    return earnings__utf8_decode_full(s, n, cp);
}
/* Encode cp into out (4 bytes room). Returns the length. */
size_t earnings__utf8_encode(int32_t cp, char *out);
/* Offset of the first invalid byte in s[0..n), or n if all valid. */
size_t earnings__utf8_validate(const unsigned char *s, size_t n);

#endif
