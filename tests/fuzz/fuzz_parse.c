/* Fuzz target: earnings_parse() and earnings_doc_to_json(). The first byte
 * chooses the stages (bits 0-4: TOKENS, SENTENCES, FIGURES, HAN_WORDS,
 * ENTITIES; 0 means the default), the second the normalize flags (low
 * nibble); the rest
 * is the text. Every record's spans are checked, then the document is
 * serialized with every part, as one JSON document and as JSON Lines. */
#include <string.h>

#include <earnings.h>
#if __has_include(<earnings/entities.h>)
#include <earnings/entities.h>
#define FUZZ_HAVE_ENTITIES 1
#endif

#include "fuzz_common.h"

static earnings_engine *engine(void)
{
    static earnings_engine *eng = NULL;
    if (!eng && earnings_engine_new(&eng, NULL) != EARNINGS_OK) {
        fprintf(stderr, "engine: %s\n", earnings_error_last()->message);
        abort();
    }
    return eng;
}

static void check_span(earnings_span s, size_t len)
{
    FUZZ_CHECK(s.start <= s.end && s.end <= len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    static const uint32_t stage_bits[] = { EARNINGS_PARSE_TOKENS, EARNINGS_PARSE_SENTENCES,
                                           EARNINGS_PARSE_FIGURES, EARNINGS_PARSE_HAN_WORDS,
#ifdef FUZZ_HAVE_ENTITIES
                                           EARNINGS_PARSE_ENTITIES
#endif
    };
    earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
    po.flags = 0;
    for (size_t b = 0; b < sizeof stage_bits / sizeof stage_bits[0]; b++)
        if (data[0] & (1u << b))
            po.flags |= stage_bits[b];
    po.normalize_flags = data[1] & 0x0Fu;
    const char *text = (const char *)data + 2;
    size_t len = size - 2;

    earnings_doc *doc = NULL;
    int rc = earnings_parse(&doc, engine(), len ? text : NULL, len, &po);
    if (rc != EARNINGS_OK) {
        FUZZ_CHECK(doc == NULL && rc < 0);
        return 0;
    }
    FUZZ_CHECK(doc != NULL);
    size_t tn = 0, nn = 0;
    const char *t = earnings_doc_text(doc, &tn);
    const char *nt = earnings_doc_normalized(doc, &nn);
    FUZZ_CHECK(tn == len && (len == 0 || memcmp(t, text, len) == 0));
    FUZZ_CHECK(nt != NULL && nt[nn] == '\0');

    size_t ntok = earnings_doc_token_count(doc), nsen = earnings_doc_sentence_count(doc);
    size_t last_end = 0;
    for (size_t i = 0; i < ntok; i++) {
        const earnings_token *k = earnings_doc_token(doc, i);
        FUZZ_CHECK(k != NULL);
        check_span(k->span, len);
        check_span(k->norm, nn);
        FUZZ_CHECK(k->span.start >= last_end); /* in order, never overlapping */
        FUZZ_CHECK(k->norm.end > k->norm.start);
        last_end = k->span.end;
        FUZZ_CHECK(strcmp(earnings_token_type_name(k->type), "unknown") != 0);
        if (nsen)
            FUZZ_CHECK(k->sentence < nsen);
    }
    FUZZ_CHECK(earnings_doc_token(doc, ntok) == NULL);
    size_t covered = 0;
    for (size_t i = 0; i < nsen; i++) {
        const earnings_sentence *s = earnings_doc_sentence(doc, i);
        FUZZ_CHECK(s != NULL);
        check_span(s->span, len);
        check_span(s->norm, nn);
        FUZZ_CHECK(s->first_token + s->token_count <= ntok);
        FUZZ_CHECK(s->first_token == covered);
        covered += s->token_count;
    }
    if (nsen)
        FUZZ_CHECK(covered == ntok);
    size_t nfig = earnings_doc_figure_count(doc);
    for (size_t i = 0; i < nfig; i++) {
        const earnings_figure *f = earnings_doc_figure(doc, i);
        FUZZ_CHECK(f != NULL);
        check_span(f->span, len);
        check_span(f->norm, nn);
        check_span(f->num, len);
        check_span(f->num_high, len);
        FUZZ_CHECK(strcmp(earnings_figure_kind_name(f->kind), "unknown") != 0);
        if (f->value_exact)
            FUZZ_CHECK(strlen(f->value_exact) > 0);
        if (f->unit)
            FUZZ_CHECK(fuzz_valid_utf8((const unsigned char *)f->unit, strlen(f->unit)));
    }
#ifdef FUZZ_HAVE_ENTITIES
    size_t nent = earnings_doc_entity_count(doc);
    for (size_t i = 0; i < nent; i++) {
        const earnings_entity *e = earnings_doc_entity(doc, i);
        FUZZ_CHECK(e != NULL && e->id != NULL && e->name != NULL);
        check_span(e->span, len);
        check_span(e->norm, nn);
    }
#endif

    uint32_t all = EARNINGS_JSON_TOKENS | EARNINGS_JSON_SENTENCES | EARNINGS_JSON_FIGURES;
#ifdef FUZZ_HAVE_ENTITIES
    all |= EARNINGS_JSON_ENTITIES;
#endif
    const uint32_t parts[2] = { all, all | EARNINGS_JSON_LINES };
    for (int p = 0; p < 2; p++) {
        earnings_buf buf = EARNINGS_BUF_INIT;
        int jr = earnings_doc_to_json(doc, parts[p], &buf);
        FUZZ_CHECK(jr == EARNINGS_OK);
        FUZZ_CHECK(buf.size == 0 || (buf.ptr && buf.ptr[buf.size] == '\0'));
        FUZZ_CHECK(buf.size == 0 || strlen(buf.ptr) == buf.size); /* NULs are escaped */
        FUZZ_CHECK(fuzz_valid_utf8((const unsigned char *)buf.ptr, buf.size));
        earnings_buf_dispose(&buf);
    }
    earnings_doc_free(doc);
    return 0;
}
