/**
 * @file earnings/errors.h
 * @brief Error codes, static messages and the thread-local last error.
 * @defgroup earnings_errors Errors
 * @{
 *
 * Every fallible call returns #EARNINGS_OK or one of the negative codes
 * below, and on failure also records a detailed message (and, where it
 * applies, the byte offset in the caller's input) in a thread-local slot read
 * with earnings_error_last(). Codes are stable: they are never renumbered or
 * reused; a retired code becomes `EARNINGS_EOBSOLETEn`.
 */
#ifndef EARNINGS_ERRORS_H
#define EARNINGS_ERRORS_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Stable error codes. @since 0.1 */
typedef enum earnings_error_code {
    EARNINGS_OK = 0,                /**< success */
    EARNINGS_EINVAL = -1,           /**< an argument is invalid (NULL where a value is required, unknown flag or enum) */
    EARNINGS_ENOMEM = -2,           /**< memory could not be allocated */
    EARNINGS_EINVALIDUTF8 = -3,     /**< input is not valid UTF-8; see earnings_error::byte_offset */
    EARNINGS_EVERSION = -4,         /**< an options struct has a version this library does not know */
    EARNINGS_ERANGE = -5,           /**< an index or offset is out of range */
    EARNINGS_ETOOBIG = -6,          /**< input exceeds a documented size limit */
    EARNINGS_EICU = -7,             /**< ICU reported an error */
    EARNINGS_EIO = -8,              /**< a file could not be read */
    EARNINGS_EPARSE = -9,           /**< a data file (lexicon) is malformed; see byte_offset */
    EARNINGS_ENOTFOUND = -10,       /**< the requested item does not exist */
    EARNINGS_EINTERNAL = -11        /**< an internal invariant failed; please report it */
} earnings_error_code;

/**
 * Detail of the last error raised on the calling thread.
 * Allocated by the library; fields may be appended in later versions.
 * @since 0.1
 */
typedef struct earnings_error {
    int code;             /**< an ::earnings_error_code, #EARNINGS_OK if none */
    const char *message;  /**< human-readable detail, never NULL */
    int64_t byte_offset;  /**< offset in the caller's input the error refers to, or -1 */
} earnings_error;

/**
 * The last error recorded on the calling thread.
 * @return a pointer that is never NULL, owned by the library and valid until
 * the next libearnings call on this thread. When no error happened its code
 * is #EARNINGS_OK and its message is "no error".
 * @since 0.1
 */
EARNINGS_API const earnings_error *earnings_error_last(void);

/** Reset the calling thread's last error to #EARNINGS_OK. @since 0.1 */
EARNINGS_API void earnings_error_clear(void);

/**
 * Static, human-readable text for an error code.
 * @return a string that is never NULL and never needs freeing; unknown
 * codes give "unknown error".
 * @since 0.1
 */
EARNINGS_API const char *earnings_strerror(int code);

#ifdef __cplusplus
}
#endif

/** @} */
#endif /* EARNINGS_ERRORS_H */
