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

#endif
