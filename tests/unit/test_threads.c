/* Thread-safety contract: one engine shared by 4 threads, each parsing every
 * corpus document; results (the JSON of each document) equal those of one
 * thread. Run under ThreadSanitizer in CI (EARNINGS_TSAN build). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <earnings.h>

#include "test_util.h"

#define NTHREADS 4
#define MAXDOCS 32

static earnings_engine *engine;
static char *texts[MAXDOCS];
static size_t lens[MAXDOCS];
static char *expected[MAXDOCS];
static size_t ndocs;

static char *doc_json(const char *text, size_t len, int *rc)
{
    earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
    po.flags = EARNINGS_PARSE_SENTENCES | EARNINGS_PARSE_HAN_WORDS;
    earnings_doc *d = NULL;
    *rc = earnings_parse(&d, engine, text, len, &po);
    if (*rc != EARNINGS_OK)
        return NULL;
    earnings_buf b = EARNINGS_BUF_INIT;
    *rc = earnings_doc_to_json(d, EARNINGS_JSON_TOKENS | EARNINGS_JSON_SENTENCES, &b);
    earnings_doc_free(d);
    if (*rc != EARNINGS_OK)
        return NULL;
    char *s = strdup(b.ptr);
    earnings_buf_dispose(&b);
    return s;
}

typedef struct job {
    int index;
    int mismatches;
    int errors;
    int error_isolated; /* an error on this thread is not seen on the others */
} job;

static void *worker(void *arg)
{
    job *j = arg;
    for (int round = 0; round < 2; round++)
        for (size_t k = 0; k < ndocs; k++) {
            size_t i = (k + (size_t)j->index) % ndocs; /* different orders */
            int rc;
            char *got = doc_json(texts[i], lens[i], &rc);
            if (!got)
                j->errors++;
            else if (strcmp(got, expected[i]) != 0)
                j->mismatches++;
            free(got);
        }
    /* thread-local errors: fail on purpose and check we see our own detail */
    earnings_doc *d = NULL;
    char bad[8] = "ok \xff";
    bad[4] = (char)('0' + j->index);
    earnings_parse(&d, engine, bad, 5, NULL);
    const earnings_error *e = earnings_error_last();
    j->error_isolated = e->code == EARNINGS_EINVALIDUTF8 && e->byte_offset == 3;
    return NULL;
}

static void test_shared_engine(void)
{
    const char *const *files = tu_corpus_files();
    for (ndocs = 0; files[ndocs] && ndocs < MAXDOCS; ndocs++) {
        texts[ndocs] = tu_read_file(files[ndocs], &lens[ndocs]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(texts[ndocs]);
        int rc;
        expected[ndocs] = doc_json(texts[ndocs], lens[ndocs], &rc);
        CU_ASSERT_PTR_NOT_NULL_FATAL(expected[ndocs]);
    }
    CU_ASSERT_TRUE_FATAL(ndocs > 0);
    pthread_t th[NTHREADS];
    job jobs[NTHREADS];
    earnings_error_clear();
    for (int t = 0; t < NTHREADS; t++) {
        jobs[t] = (job){ t, 0, 0, 0 };
        CU_ASSERT_EQUAL_FATAL(pthread_create(&th[t], NULL, worker, &jobs[t]), 0);
    }
    for (int t = 0; t < NTHREADS; t++) {
        pthread_join(th[t], NULL);
        CU_ASSERT_EQUAL(jobs[t].errors, 0);
        CU_ASSERT_EQUAL(jobs[t].mismatches, 0);
        CU_ASSERT_TRUE(jobs[t].error_isolated);
    }
    /* the main thread saw none of the workers' errors */
    CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_OK);
    for (size_t i = 0; i < ndocs; i++) {
        free(texts[i]);
        free(expected[i]);
    }
}

int main(void)
{
    if (earnings_engine_new(&engine, NULL) != EARNINGS_OK)
        return 1;
    static const tu_test tests[] = {
        { "shared_engine", test_shared_engine },
        { NULL, NULL },
    };
    int rc = tu_run_suite("threads", tests);
    earnings_engine_free(engine);
    return rc;
}
