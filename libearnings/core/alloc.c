/* One allocation path for the whole library, with optional failure injection. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#ifdef EARNINGS_FAILALLOC
#include "failalloc.h"
#include <stdatomic.h>
static _Atomic long failalloc_countdown = 0;
static _Atomic long failalloc_count = 0;

void earnings__failalloc_set(long n)
{
    atomic_store(&failalloc_count, 0);
    atomic_store(&failalloc_countdown, n);
}

long earnings__failalloc_calls(void) { return atomic_load(&failalloc_count); }

static int should_fail(void)
{
    atomic_fetch_add(&failalloc_count, 1);
    long left = atomic_load(&failalloc_countdown);
    if (left <= 0)
        return 0;
    left = atomic_fetch_sub(&failalloc_countdown, 1);
    return left == 1;
}
#else
static int should_fail(void) { return 0; }
#endif

void *earnings__malloc(size_t size)
{
    if (should_fail())
        return NULL;
    return malloc(size ? size : 1);
}

void *earnings__calloc(size_t n, size_t size)
{
    if (should_fail())
        return NULL;
    if (n == 0 || size == 0)
        n = size = 1;
    return calloc(n, size);
}

void *earnings__realloc(void *ptr, size_t size)
{
    if (should_fail())
        return NULL;
    return realloc(ptr, size ? size : 1);
}

void earnings__free(void *ptr) { free(ptr); }

int earnings__grow(void **ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return earnings__enomem();
        ncap *= 2;
    }
    if (elem && ncap > SIZE_MAX / elem)
        return earnings__enomem();
    void *p = earnings__realloc(*ptr, ncap * elem);
    if (!p)
        return earnings__enomem();
    *ptr = p;
    *cap = ncap;
    return 0;
}

EARNINGS_API void earnings_buf_dispose(earnings_buf *buf)
{
    if (!buf)
        return;
    earnings__free(buf->ptr);
    buf->ptr = NULL;
    buf->size = 0;
}
