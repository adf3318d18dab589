/* Helpers shared by the CUnit suites. */
#ifndef EARNINGS_TEST_UTIL_H
#define EARNINGS_TEST_UTIL_H

#include <stddef.h>
#include <CUnit/CUnit.h>

/* Read a whole file; returns a malloc'd buffer (NUL-terminated) or NULL. */
char *tu_read_file(const char *path, size_t *len);

/* Paths of the corpus documents (../shared/corpus, files ending in .txt), sorted; NULL-terminated
 * static array, empty if the folder is missing. */
const char *const *tu_corpus_files(void);

/* Run one CUnit suite made of the given tests; returns the process exit code. */
typedef struct tu_test { const char *name; CU_TestFunc fn; } tu_test;
int tu_run_suite(const char *suite, const tu_test *tests);

#endif
