/* Fuzz target: lexicon loading. The input is lexicon text for
 * earnings_lexicon_add_buffer(); when it loads, an engine is built with it
 * and parses a fixed sentence, and the input is added a second time (merge). */
#include <string.h>

#include <earnings.h>
#include <earnings/entities.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    earnings_lexicon *lex = NULL;
    FUZZ_CHECK(earnings_lexicon_new(&lex) == EARNINGS_OK);
    int rc = earnings_lexicon_add_buffer(lex, size ? (const char *)data : NULL, size, "fuzz.tsv");
    if (rc != EARNINGS_OK) {
        FUZZ_CHECK(rc < 0);
        const earnings_error *e = earnings_error_last();
        FUZZ_CHECK(e != NULL && e->code == rc && e->message != NULL);
        FUZZ_CHECK(earnings_lexicon_entry_count(lex) == 0); /* left as it was */
        earnings_lexicon_free(lex);
        return 0;
    }
    size_t n1 = earnings_lexicon_entry_count(lex);
    FUZZ_CHECK(earnings_lexicon_add_buffer(lex, (const char *)data, size, "again.tsv") == EARNINGS_OK);
    FUZZ_CHECK(earnings_lexicon_entry_count(lex) == n1);

    earnings_engine *eng = NULL;
    rc = earnings_engine_new_with_lexicon(&eng, NULL, lex);
    earnings_lexicon_free(lex);
    if (rc != EARNINGS_OK) {
        FUZZ_CHECK(eng == NULL && rc < 0);
        return 0;
    }
    /* Parse the lexicon text itself (its aliases occur in it) and a fixed text. */
    static const char fixed[] = "Amazon (AMZN) CFO Brian Olsavsky: AWS revenue $33.0B, 亚马逊云科技营收330亿美元。";
    const char *texts[2] = { fixed, (const char *)data };
    size_t lens[2] = { sizeof fixed - 1, size };
    for (int k = 0; k < 2; k++) {
        earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
        po.normalize_flags = EARNINGS_NORMALIZE_REPLACE_INVALID;
        earnings_doc *doc = NULL;
        if (earnings_parse(&doc, eng, lens[k] ? texts[k] : NULL, lens[k], &po) == EARNINGS_OK) {
            size_t ne = earnings_doc_entity_count(doc);
            for (size_t i = 0; i < ne; i++) {
                const earnings_entity *e = earnings_doc_entity(doc, i);
                FUZZ_CHECK(e && e->id && e->name && e->span.end <= lens[k]);
            }
            earnings_buf buf = EARNINGS_BUF_INIT;
            FUZZ_CHECK(earnings_doc_to_json(doc, EARNINGS_JSON_ENTITIES | EARNINGS_JSON_FIGURES, &buf) == EARNINGS_OK);
            earnings_buf_dispose(&buf);
        }
        earnings_doc_free(doc);
    }
    earnings_engine_free(eng);
    return 0;
}
