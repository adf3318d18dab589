#include "test_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/Basic.h>

char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    return buf;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char *const *tu_corpus_files(void)
{
    static char *files[64];
    static int loaded = 0;
    if (loaded)
        return (const char *const *)files;
    loaded = 1;
    DIR *d = opendir(EARNINGS_SHARED_DIR "/corpus");
    if (!d)
        return (const char *const *)files;
    struct dirent *e;
    size_t n = 0;
    while ((e = readdir(d)) != NULL && n < 63) {
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) {
            size_t pl = strlen(EARNINGS_SHARED_DIR "/corpus/") + l + 1;
            files[n] = malloc(pl);
            if (!files[n])
                break;
            snprintf(files[n], pl, "%s/corpus/%s", EARNINGS_SHARED_DIR, e->d_name);
            n++;
        }
    }
    closedir(d);
    qsort(files, n, sizeof files[0], cmp_str);
    files[n] = NULL;
    return (const char *const *)files;
}

int tu_run_suite(const char *suite, const tu_test *tests)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    CU_pSuite s = CU_add_suite(suite, NULL, NULL);
    if (!s) {
        CU_cleanup_registry();
        return 2;
    }
    for (const tu_test *t = tests; t->name; t++)
        if (!CU_add_test(s, t->name, t->fn)) {
            CU_cleanup_registry();
            return 2;
        }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    unsigned run = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    /* tu_corpus_files() keeps its paths for the life of the process */
    return (failed || run == 0) ? 1 : 0;
}
