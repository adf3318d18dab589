/* Allocation-failure injection, compiled in only with EARNINGS_FAILALLOC
 * (CMake option EARNINGS_FAILALLOC). Test-only; not part of the public API. */
#ifndef EARNINGS_CORE_FAILALLOC_H
#define EARNINGS_CORE_FAILALLOC_H
#include "earnings/common.h"
/* Make the n-th allocation from now fail (1-based); 0 turns it off. */
EARNINGS_API void earnings__failalloc_set(long n);
/* Allocations attempted since the last earnings__failalloc_set(). */
EARNINGS_API long earnings__failalloc_calls(void);
#endif
