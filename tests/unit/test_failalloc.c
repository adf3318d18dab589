/* Allocation failure: with the EARNINGS_FAILALLOC build, make the n-th
 * allocation fail for every n in turn over the whole pipeline. Each call must
 * return EARNINGS_ENOMEM (never crash, never a partial result), leak nothing
 * (LeakSanitizer / valgrind), and the next call with memory available must
 * succeed. Without EARNINGS_FAILALLOC the suite checks only the happy path. */
#include <stdlib.h>
#include <string.h>

#include <earnings.h>

#include "test_util.h"
#ifdef EARNINGS_FAILALLOC
#include "core/failalloc.h"
#endif

static const char sample[] =
    "ＡＷＳ营收３３０亿美元，同比增长２０．２％。Amazon's Q3 2025 revenue was $180.2 billion, "
    "up 12% year-over-year. 營收與利潤\xe2\x80\x8b grew; Mr. Jassy said so.\n\nNext paragraph: 3.8GW.";

/* One run of the pipeline; returns the first error code, or OK. Frees
 * everything it made either way. */
static int pipeline(uint32_t nflags, uint32_t pflags)
{
    earnings_engine *eng = NULL;
    earnings_doc *doc = NULL;
    earnings_normalized *norm = NULL;
    earnings_buf buf = EARNINGS_BUF_INIT;
    earnings_normalize_options no = EARNINGS_NORMALIZE_OPTIONS_INIT;
    earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
    no.flags = nflags;
    po.flags = pflags;
    po.normalize_flags = nflags;
    int rc = earnings_normalize(&norm, sample, sizeof sample - 1, &no);
    if (rc == EARNINGS_OK)
        rc = earnings_engine_new(&eng, NULL);
    if (rc == EARNINGS_OK)
        rc = earnings_parse(&doc, eng, sample, sizeof sample - 1, &po);
    if (rc == EARNINGS_OK)
        rc = earnings_doc_to_json(doc, EARNINGS_JSON_TOKENS | EARNINGS_JSON_SENTENCES, &buf);
    if (rc != EARNINGS_OK) {
        CU_ASSERT_PTR_NULL(buf.ptr);
    }
    earnings_buf_dispose(&buf);
    earnings_doc_free(doc);
    earnings_engine_free(eng);
    earnings_normalized_free(norm);
    return rc;
}

static void run_all_failures(uint32_t nflags, uint32_t pflags)
{
#ifdef EARNINGS_FAILALLOC
    long n = 1, failures = 0;
    for (;; n++) {
        earnings__failalloc_set(n);
        int rc = pipeline(nflags, pflags);
        long calls = earnings__failalloc_calls();
        earnings__failalloc_set(0);
        if (calls < n) { /* the n-th allocation never happened: full success */
            CU_ASSERT_EQUAL(rc, EARNINGS_OK);
            break;
        }
        failures++;
        /* ICU allocates through its own allocator, so an ICU call may
         * succeed although ours failed; but ours must report ENOMEM */
        CU_ASSERT_EQUAL(rc, EARNINGS_ENOMEM);
        if (rc != EARNINGS_ENOMEM)
            break;
        CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_ENOMEM);
        /* the next call, with memory available, succeeds */
        CU_ASSERT_EQUAL(pipeline(nflags, pflags), EARNINGS_OK);
    }
    CU_ASSERT_TRUE(failures > 10);
#else
    CU_ASSERT_EQUAL(pipeline(nflags, pflags), EARNINGS_OK);
#endif
}

static void test_default(void) { run_all_failures(0, EARNINGS_PARSE_DEFAULT); }

static void test_all_options(void)
{
    run_all_failures(EARNINGS_NORMALIZE_CASEFOLD | EARNINGS_NORMALIZE_SIMPLIFIED,
                     EARNINGS_PARSE_DEFAULT | EARNINGS_PARSE_HAN_WORDS);
}

int main(void)
{
    static const tu_test tests[] = {
        { "default", test_default },
        { "all_options", test_all_options },
        { NULL, NULL },
    };
    return tu_run_suite("failalloc", tests);
}
