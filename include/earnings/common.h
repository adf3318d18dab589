/**
 * @file earnings/common.h
 * @brief Export macro, spans and owned buffers shared by every libearnings header.
 * @defgroup earnings_common Common types
 * @{
 *
 * Conventions used throughout the API:
 * - Every exported name starts with `earnings_` or `EARNINGS_`.
 * - Fallible calls return `int`: #EARNINGS_OK (0) or a negative
 *   ::earnings_error_code. Counts and results travel through out-params.
 * - `**out` parameters give the caller ownership; free the object with the
 *   matching `earnings_*_free`, never with `free()`. A returned `const T *`
 *   is borrowed from its parent and stays valid until the parent is freed.
 * - Text is UTF-8 with an explicit byte length; no NUL terminator is needed
 *   and embedded NULs are ordinary characters.
 * - Every span is a half-open pair of byte offsets into the caller's original
 *   input, whatever normalization happened in between.
 */
#ifndef EARNINGS_COMMON_H
#define EARNINGS_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(EARNINGS_STATIC)
#    define EARNINGS_API
#  elif defined(EARNINGS_BUILDING)
#    define EARNINGS_API __declspec(dllexport)
#  else
#    define EARNINGS_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define EARNINGS_API __attribute__((visibility("default")))
#else
#  define EARNINGS_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A half-open byte range `[start, end)` into the caller's original input.
 * @since 0.1
 */
typedef struct earnings_span {
    size_t start; /**< first byte */
    size_t end;   /**< one past the last byte */
} earnings_span;

/**
 * Bytes owned by the caller but allocated by the library (JSON output, for
 * example). Release with earnings_buf_dispose(); never with `free()`.
 * `ptr` is NUL-terminated for convenience; `size` excludes that NUL.
 * @since 0.1
 */
typedef struct earnings_buf {
    char *ptr;   /**< the bytes, NUL-terminated; NULL when empty */
    size_t size; /**< number of bytes, excluding the terminating NUL */
} earnings_buf;

/** Static initializer for an empty ::earnings_buf. */
#define EARNINGS_BUF_INIT { NULL, 0 }

/**
 * Release the memory of a buffer the library filled and reset it to empty.
 * NULL, or an already empty buffer, is a harmless no-op.
 * @since 0.1
 */
EARNINGS_API void earnings_buf_dispose(earnings_buf *buf);

/** Identifiers of the public record structs, for earnings_struct_size(). */
typedef enum earnings_struct_id {
    EARNINGS_STRUCT_SPAN = 1,
    EARNINGS_STRUCT_BUF = 2,
    EARNINGS_STRUCT_ERROR = 3,
    EARNINGS_STRUCT_NORMALIZE_OPTIONS = 4,
    EARNINGS_STRUCT_TOKEN = 5,
    EARNINGS_STRUCT_SENTENCE = 6,
    EARNINGS_STRUCT_ENGINE_OPTIONS = 7,
    EARNINGS_STRUCT_PARSE_OPTIONS = 8,
    EARNINGS_STRUCT_FIGURE = 9,
    EARNINGS_STRUCT_ENTITY = 10,
    EARNINGS_STRUCT_FACT = 11,
    EARNINGS_STRUCT_FACT_GROUP = 12,
    EARNINGS_STRUCT_NAME_SPELLING = 13,
    EARNINGS_STRUCT_PERSON_NAMES = 14
} earnings_struct_id;

/**
 * Size in bytes of a public struct as this build of the library sees it, so
 * that bindings which mirror a struct can check their layout at load time.
 * @return the size, or 0 for an unknown id.
 * @since 0.1
 */
EARNINGS_API size_t earnings_struct_size(int32_t which);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* EARNINGS_COMMON_H */
