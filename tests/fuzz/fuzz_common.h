/* Shared helpers of the libearnings fuzz targets (tests/fuzz/). Each target
 * defines LLVMFuzzerTestOneInput; built with clang -fsanitize=fuzzer it is a
 * libFuzzer binary, built with replay_main.c (any compiler) it replays files. */
#ifndef EARNINGS_FUZZ_COMMON_H
#define EARNINGS_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant broken: print it and abort, so that libFuzzer keeps the input. */
#define FUZZ_CHECK(cond)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);   \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

/* Offset of the first byte of the first ill-formed sequence of [p, p+n)
 * (no surrogates, no overlongs, <= U+10FFFF), or n if it is all well-formed. */
static inline size_t fuzz_utf8_error_offset(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else
            return i;
        if (i + 1 >= n || p[i + 1] < lo || p[i + 1] > hi)
            return i;
        for (size_t k = 2; k < len; k++)
            if (i + k >= n || p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        i += len;
    }
    return n;
}

static inline int fuzz_valid_utf8(const unsigned char *p, size_t n)
{
    return fuzz_utf8_error_offset(p, n) == n;
}

#endif
