/* Engines, documents, parse options and JSON serialization. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <earnings.h>

#include "test_util.h"

static earnings_engine *engine;

static void test_options_init(void)
{
    earnings_engine_options eo;
    earnings_parse_options po;
    CU_ASSERT_EQUAL(earnings_engine_options_init(&eo, EARNINGS_ENGINE_OPTIONS_VERSION), EARNINGS_OK);
    CU_ASSERT_EQUAL(eo.version, EARNINGS_ENGINE_OPTIONS_VERSION);
    CU_ASSERT_EQUAL(eo.flags, 0);
    CU_ASSERT_EQUAL(earnings_engine_options_init(NULL, 1), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_engine_options_init(&eo, 0), EARNINGS_EVERSION);
    CU_ASSERT_EQUAL(earnings_engine_options_init(&eo, EARNINGS_ENGINE_OPTIONS_VERSION + 1), EARNINGS_EVERSION);
    CU_ASSERT_EQUAL(earnings_parse_options_init(&po, EARNINGS_PARSE_OPTIONS_VERSION), EARNINGS_OK);
    CU_ASSERT_EQUAL(po.flags, EARNINGS_PARSE_DEFAULT);
    CU_ASSERT_EQUAL(po.normalize_flags, EARNINGS_PARSE_NORMALIZE_DEFAULT);
    CU_ASSERT_EQUAL(earnings_parse_options_init(NULL, 1), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_parse_options_init(&po, 99), EARNINGS_EVERSION);
}

static void test_engine_new(void)
{
    earnings_engine *e = (earnings_engine *)&e;
    CU_ASSERT_EQUAL(earnings_engine_new(NULL, NULL), EARNINGS_EINVAL);
    earnings_engine_options eo = EARNINGS_ENGINE_OPTIONS_INIT;
    eo.version = 0;
    CU_ASSERT_EQUAL(earnings_engine_new(&e, &eo), EARNINGS_EVERSION);
    CU_ASSERT_PTR_NULL(e);
    eo.version = EARNINGS_ENGINE_OPTIONS_VERSION;
    eo.flags = 0x80;
    CU_ASSERT_EQUAL(earnings_engine_new(&e, &eo), EARNINGS_EINVAL);
    eo.flags = 0;
    CU_ASSERT_EQUAL_FATAL(earnings_engine_new(&e, &eo), EARNINGS_OK);
    CU_ASSERT_PTR_NOT_NULL(e);
    earnings_engine_free(e);
    earnings_engine_free(NULL);
}

static void test_parse_args(void)
{
    earnings_doc *d = NULL;
    CU_ASSERT_EQUAL(earnings_parse(NULL, engine, "x", 1, NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_parse(&d, NULL, "x", 1, NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_parse(&d, engine, NULL, 3, NULL), EARNINGS_EINVAL);
    CU_ASSERT_PTR_NULL(d);
    earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
    po.version = 7;
    CU_ASSERT_EQUAL(earnings_parse(&d, engine, "x", 1, &po), EARNINGS_EVERSION);
    po.version = EARNINGS_PARSE_OPTIONS_VERSION;
    po.flags = 1u << 30;
    CU_ASSERT_EQUAL(earnings_parse(&d, engine, "x", 1, &po), EARNINGS_EINVAL);
    po.flags = EARNINGS_PARSE_DEFAULT;
    po.normalize_flags = 1u << 30;
    CU_ASSERT_EQUAL(earnings_parse(&d, engine, "x", 1, &po), EARNINGS_EINVAL);
    CU_ASSERT_PTR_NULL(d);
    /* empty input is fine, with NULL text */
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, NULL, 0, NULL), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_doc_token_count(d), 0);
    CU_ASSERT_EQUAL(earnings_doc_sentence_count(d), 0);
    size_t n = 99;
    CU_ASSERT_STRING_EQUAL(earnings_doc_text(d, &n), "");
    CU_ASSERT_EQUAL(n, 0);
    earnings_doc_free(d);
    earnings_doc_free(NULL);
}

static void test_parse_invalid_utf8(void)
{
    earnings_doc *d = NULL;
    const char bad[] = "Revenue \xe4\xba grew";
    CU_ASSERT_EQUAL(earnings_parse(&d, engine, bad, sizeof bad - 1, NULL), EARNINGS_EINVALIDUTF8);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_EINVALIDUTF8);
    CU_ASSERT_EQUAL(earnings_error_last()->byte_offset, 8);
    earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
    po.normalize_flags = EARNINGS_NORMALIZE_REPLACE_INVALID;
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, bad, sizeof bad - 1, &po), EARNINGS_OK);
    /* every byte is still covered: the last token ends at the end */
    size_t nt = earnings_doc_token_count(d);
    CU_ASSERT_TRUE_FATAL(nt >= 3);
    CU_ASSERT_EQUAL(earnings_doc_token(d, nt - 1)->span.end, sizeof bad - 1);
    earnings_doc_free(d);
}

static void test_parse_accessors(void)
{
    const char text[] = "AWS revenue was $33.0 billion, up 20.2%. Mr. Jassy said so.\n营收增长。";
    earnings_doc *d = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, text, sizeof text - 1, NULL), EARNINGS_OK);
    size_t n = 0;
    const char *t = earnings_doc_text(d, &n);
    CU_ASSERT_EQUAL(n, sizeof text - 1);
    CU_ASSERT_EQUAL(memcmp(t, text, n), 0);
    CU_ASSERT_PTR_NOT_EQUAL(t, text); /* a copy */
    CU_ASSERT_PTR_NOT_NULL(earnings_doc_normalized(d, &n));
    CU_ASSERT_PTR_NOT_NULL(earnings_doc_normalization(d));
    size_t nt = earnings_doc_token_count(d), ns = earnings_doc_sentence_count(d);
    CU_ASSERT_TRUE(nt > 10);
    CU_ASSERT_EQUAL(ns, 3);
    CU_ASSERT_PTR_NULL(earnings_doc_token(d, nt));
    CU_ASSERT_PTR_NULL(earnings_doc_sentence(d, ns));
    size_t covered = 0;
    for (size_t i = 0; i < ns; i++) {
        const earnings_sentence *s = earnings_doc_sentence(d, i);
        CU_ASSERT_EQUAL(s->first_token, covered);
        covered += s->token_count;
        for (size_t k = s->first_token; k < s->first_token + s->token_count; k++)
            CU_ASSERT_EQUAL(earnings_doc_token(d, k)->sentence, i);
    }
    CU_ASSERT_EQUAL(covered, nt);
    const earnings_sentence *s0 = earnings_doc_sentence(d, 0);
    CU_ASSERT_EQUAL(s0->span.start, 0);
    CU_ASSERT_EQUAL(memcmp(text + s0->span.end - 1, ".", 1), 0);
    /* the $ of $33.0 is a currency token followed by an attached number */
    int found = 0;
    for (size_t i = 0; i + 1 < nt; i++) {
        const earnings_token *a = earnings_doc_token(d, i), *b = earnings_doc_token(d, i + 1);
        if (a->type == EARNINGS_TOKEN_CURRENCY && b->type == EARNINGS_TOKEN_NUMBER &&
            b->span.end - b->span.start == 4 && !memcmp(text + b->span.start, "33.0", 4)) {
            found = 1;
            CU_ASSERT_TRUE(b->flags & EARNINGS_TOKEN_FLAG_ATTACHED);
        }
    }
    CU_ASSERT_TRUE(found);
    /* accessors are NULL-safe */
    CU_ASSERT_EQUAL(earnings_doc_token_count(NULL), 0);
    CU_ASSERT_PTR_NULL(earnings_doc_token(NULL, 0));
    CU_ASSERT_PTR_NULL(earnings_doc_text(NULL, &n));
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_PTR_NULL(earnings_doc_normalized(NULL, NULL));
    earnings_doc_free(d);
}

static void test_parse_stages(void)
{
    const char text[] = "Revenue grew. Profit fell.";
    earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
    po.flags = EARNINGS_PARSE_TOKENS;
    earnings_doc *d = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, text, sizeof text - 1, &po), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_doc_token_count(d), 6);
    CU_ASSERT_EQUAL(earnings_doc_sentence_count(d), 0);
    earnings_doc_free(d);
    po.flags = EARNINGS_PARSE_SENTENCES | EARNINGS_PARSE_TOKENS;
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, text, sizeof text - 1, &po), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_doc_token_count(d), 6);
    CU_ASSERT_EQUAL(earnings_doc_sentence_count(d), 2);
    CU_ASSERT_EQUAL(earnings_doc_sentence(d, 1)->first_token, 3);
    CU_ASSERT_EQUAL(earnings_doc_sentence(d, 1)->token_count, 3);
    earnings_doc_free(d);
    po.flags = EARNINGS_PARSE_SENTENCES; /* no tokens: sentences do not point into them */
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, text, sizeof text - 1, &po), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_doc_token_count(d), 0);
    CU_ASSERT_EQUAL_FATAL(earnings_doc_sentence_count(d), 2);
    CU_ASSERT_EQUAL(earnings_doc_sentence(d, 1)->span.start, 14);
    CU_ASSERT_EQUAL(earnings_doc_sentence(d, 1)->first_token, 0);
    CU_ASSERT_EQUAL(earnings_doc_sentence(d, 1)->token_count, 0);
    earnings_doc_free(d);
    /* Han words on and off */
    const char zh[] = "亚马逊云科技营收增长";
    po.flags = EARNINGS_PARSE_TOKENS;
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, zh, sizeof zh - 1, &po), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_doc_token_count(d), 10);
    earnings_doc_free(d);
    po.flags = EARNINGS_PARSE_TOKENS | EARNINGS_PARSE_HAN_WORDS;
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, zh, sizeof zh - 1, &po), EARNINGS_OK);
    CU_ASSERT_TRUE(earnings_doc_token_count(d) < 10);
    CU_ASSERT_TRUE(earnings_doc_token_count(d) >= 2);
    earnings_doc_free(d);
}

static void test_embedded_nul(void)
{
    const char text[] = "up 5%\0down 3%";
    earnings_doc *d = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, text, sizeof text - 1, NULL), EARNINGS_OK);
    size_t nt = earnings_doc_token_count(d);
    CU_ASSERT_TRUE_FATAL(nt >= 6);
    CU_ASSERT_EQUAL(earnings_doc_token(d, nt - 1)->span.end, sizeof text - 1);
    earnings_buf b = EARNINGS_BUF_INIT;
    CU_ASSERT_EQUAL_FATAL(earnings_doc_to_json(d, EARNINGS_JSON_TOKENS, &b), EARNINGS_OK);
    CU_ASSERT_EQUAL(strlen(b.ptr), b.size); /* NUL escaped, not embedded */
    earnings_buf_dispose(&b);
    earnings_doc_free(d);
}

static void test_json(void)
{
    const char text[] = "Sales \"rose\" 9%.\n利润下降。";
    earnings_doc *d = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, text, sizeof text - 1, NULL), EARNINGS_OK);
    earnings_buf b = EARNINGS_BUF_INIT;
    CU_ASSERT_EQUAL(earnings_doc_to_json(NULL, EARNINGS_JSON_TOKENS, &b), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_doc_to_json(d, EARNINGS_JSON_TOKENS, NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_doc_to_json(d, 1u << 20, &b), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL_FATAL(earnings_doc_to_json(d, EARNINGS_JSON_TOKENS | EARNINGS_JSON_SENTENCES, &b),
                          EARNINGS_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(b.ptr, "\"schema\":\"libearnings/document\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(b.ptr, "\"text\":\"\\\"\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(b.ptr, "{\"start\":13,\"end\":14,\"text\":\"9\",\"type\":\"number\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(b.ptr, "\"sentences\":[{\"start\":0,\"end\":16,"));
    earnings_buf_dispose(&b);
    CU_ASSERT_EQUAL_FATAL(earnings_doc_to_json(d, EARNINGS_JSON_SENTENCES | EARNINGS_JSON_LINES, &b),
                          EARNINGS_OK);
    size_t lines = 0;
    for (size_t i = 0; i < b.size; i++)
        lines += b.ptr[i] == '\n';
    CU_ASSERT_EQUAL(lines, earnings_doc_sentence_count(d));
    CU_ASSERT_EQUAL(lines, 2);
    CU_ASSERT_EQUAL(b.ptr[0], '{');
    earnings_buf_dispose(&b);
    earnings_doc_free(d);
}

static void test_corpus(void)
{
    const char *const *files = tu_corpus_files();
    CU_ASSERT_PTR_NOT_NULL_FATAL(files[0]);
    earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
    po.flags = EARNINGS_PARSE_TOKENS | EARNINGS_PARSE_SENTENCES | EARNINGS_PARSE_HAN_WORDS;
    for (size_t f = 0; files[f]; f++) {
        size_t len = 0;
        char *text = tu_read_file(files[f], &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        earnings_doc *d = NULL;
        CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, text, len, &po), EARNINGS_OK);
        CU_ASSERT_TRUE(earnings_doc_token_count(d) > 100);
        CU_ASSERT_TRUE(earnings_doc_sentence_count(d) > 10);
        earnings_buf b = EARNINGS_BUF_INIT;
        CU_ASSERT_EQUAL(earnings_doc_to_json(d, EARNINGS_JSON_TOKENS | EARNINGS_JSON_SENTENCES, &b),
                        EARNINGS_OK);
        CU_ASSERT_TRUE(b.size > len);
        earnings_buf_dispose(&b);
        earnings_doc_free(d);
        free(text);
    }
}

/* Sentences found without a token array equal those of the tokens: same
 * count, same spans in both texts. */
static void check_same_sentences(const char *text, size_t len, uint32_t extra)
{
    earnings_parse_options with = EARNINGS_PARSE_OPTIONS_INIT, without = EARNINGS_PARSE_OPTIONS_INIT;
    with.flags = EARNINGS_PARSE_TOKENS | EARNINGS_PARSE_SENTENCES | extra;
    without.flags = EARNINGS_PARSE_SENTENCES | extra;
    earnings_doc *a = NULL, *b = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&a, engine, text, len, &with), EARNINGS_OK);
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&b, engine, text, len, &without), EARNINGS_OK);
    size_t n = earnings_doc_sentence_count(a);
    CU_ASSERT_EQUAL(earnings_doc_sentence_count(b), n);
    CU_ASSERT_EQUAL(earnings_doc_token_count(b), 0);
    for (size_t i = 0; i < n && i < earnings_doc_sentence_count(b); i++) {
        const earnings_sentence *x = earnings_doc_sentence(a, i), *y = earnings_doc_sentence(b, i);
        if (x->span.start != y->span.start || x->span.end != y->span.end ||
            x->norm.start != y->norm.start || x->norm.end != y->norm.end) {
            CU_FAIL("sentence spans differ");
            fprintf(stderr, "sentence %zu: [%zu,%zu) vs [%zu,%zu)\n", i, x->span.start, x->span.end,
                    y->span.start, y->span.end);
            break;
        }
    }
    earnings_doc_free(a);
    earnings_doc_free(b);
}

static void test_sentences_without_tokens(void)
{
    static const char *const cases[] = {
        "",
        "   \n\n  ",
        "Revenue grew 3.5% in the U.S. and Amazon.com Inc. rose. Andy R. Jassy said so.",
        "Sales rose (to $1.2 billion.) \"Good,\" he said. 'Fine.' Next!? Yes...",
        "Dates: 2025.10.30 and growth.The end; more; done\n\nNew paragraph",
        "# Heading\n- item one. still item\n* item two\n1. First\n12) Twelfth\nIV. Fourth\nA. Letter\n"
        "2.1 Key Statements\n3.2.1 Sub Section\n2025 Revenue\n| a | b |\n| 1 | 2 |\n> quote\n",
        "营收增长20%。利润下降；成本上升！真的吗？“好。”然后\r\n\r\n第二段；第三句",
        "公司称：“增长。”然后。增长。“公司",
        "The 1st. item ends. v1.5 is out. e.g. this. R&D and S&P 500. O'Brien didn't go.",
        "Ｒｅｖｅｎｕｅ　１２．５％。ＯＫ．\u2026 end\u203c next \u00b7 dot\n\u2022 bullet\n\u25cf dot",
        "x \u0301 mark\u200b. a\u200b\n\n\u200bstart. **Bold.** _it._ end",
        ")))))))))))))) .)))))))))))))))))) a.\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\" b",
        "Acme Inc. Reports Third Quarter Results\nOutlook\nFor 2026, revenue rises.\nThe Next Step\nnow\n"
        "华星科技发布财报\n营收增长。\nA Very Long Title With Many Words That Goes On Past Fourteen Of Them Here\nX",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        check_same_sentences(cases[i], strlen(cases[i]), 0);
        check_same_sentences(cases[i], strlen(cases[i]), EARNINGS_PARSE_HAN_WORDS);
    }
    const char *const *files = tu_corpus_files();
    CU_ASSERT_PTR_NOT_NULL_FATAL(files[0]);
    for (size_t f = 0; files[f]; f++) {
        size_t len = 0;
        char *text = tu_read_file(files[f], &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        check_same_sentences(text, len, 0);
        check_same_sentences(text, len, EARNINGS_PARSE_HAN_WORDS);
        /* prefixes: the text ends in other places (just before a line break) */
        for (size_t cut = len / 7; cut < len; cut += len / 7 + 1) {
            const char *nl = memchr(text + cut, '\n', len - cut);
            if (nl)
                check_same_sentences(text, (size_t)(nl - text), 0);
        }
        free(text);
    }
}

/* Random texts from pieces that sentence segmentation reacts to (and
 * plenty it does not): the sparse token stream behind a sentences-only
 * parse must give the sentences of the whole token array, whatever the
 * mix. A fixed seed, so that a failure repeats. */
static void test_sentences_random(void)
{
    static const char *const pieces[] = {
        "revenue", "grew", "the", "and", "cloud", "Amazon", "AWS", "Mr.", "U.S.", "Inc.", "R.", "e.g.",
        "v1.5", "Amazon.com", "don't", "O'Brien", "R&D", "3Q25", "1,000.5", "20.2%", "$1.2", "-6",
        ".50", "(", ")", "]", "}", "[", ".", "?", "!", ";", ",", ":", "\"", "'", "*", "_", "**", "-",
        "#", "|", "+", ">", "...", "\xe2\x80\xa6", "\xe2\x80\xbc", "1.", "12)", "IV.", "A.", "a)", "2.1",
        "3.2.1", "Key", "\xe2\x80\xa2", "\xe2\x97\x8f", "\xc2\xb7", " ", " ", " ", "  ", "\t", "\n",
        "\n", "\n\n", "\r\n", "\r", "\xc2\xa0", "\xe3\x80\x80", "\xe2\x80\x8b", "\xcc\x81",
        "\xe8\x90\xa5\xe6\x94\xb6", "\xe5\xa2\x9e\xe9\x95\xbf", "\xe5\x85\xac\xe5\x8f\xb8",
        "\xe4\xba\xbf", "\xe4\xb8\x87", "\xe5\x85\x83", "\xe7\xbe\x8e\xe5\x85\x83",
        "\xe4\xba\xba\xe6\xb0\x91\xe5\xb8\x81", "\xe4\xb8\xaa", "\xe5\x9d\x97", "\xe5\x8d\x81",
        "\xe3\x80\x82", "\xef\xbc\x81", "\xef\xbc\x9f", "\xef\xbc\x9b", "\xef\xbc\x8c",
        "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99", "\xef\xbc\x88", "\xef\xbc\x89",
        "\xe3\x80\x8d", "\xe3\x80\x8c", "\xe3\x80\x91", "\xef\xbc\x92\xef\xbc\x90", "\xef\xbc\x8e",
        "\xe2\x91\xb4", "\xef\xac\x81", "\xc2\xbd", "\xe3\x8f\x82", "\xe4\xb7\x80", "\xea\xb0\x80",
        "\xe3\x81\x82", "\xd0\x96", "\xd9\xaa", "2025", "\xe5\xb9\xb4", "Q3", "x", "a", "I",
        "\n2.1 Key", "\n3.2.1 Sub", "\n1 2.1 Key", "\n2 .1 Key", "\n12) item", "\n- item", "\na. b",
        "\nIV. Part", "\nA. Name", "\n\xe2\x80\xa2 dot", "\n| a | b |", "\n> quote", "\n2.1.3.4 Deep",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    uint64_t seed = 0x9E3779B97F4A7C15u;
    char *text = malloc(64 * 1024);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    unsigned before = CU_get_number_of_failures();
    for (int round = 0; round < 3000; round++) {
        size_t len = 0, count = 1 + (size_t)(round % 300);
        /* a bias per text: long plain stretches between the pieces in some */
        int plain = round % 3;
        for (size_t k = 0; k < count && len < 60 * 1024; k++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            const char *p = pieces[(seed >> 33) % np];
            if (plain && (seed >> 20) % 4 != 0)
                p = (seed >> 12) % 2 ? "growth " : "\xe6\x94\xb6\xe5\x85\xa5";
            size_t l = strlen(p);
            memcpy(text + len, p, l);
            len += l;
            if ((seed >> 40) % 3 == 0)
                text[len++] = ' ';
        }
        check_same_sentences(text, len, 0);
        check_same_sentences(text, len, EARNINGS_PARSE_HAN_WORDS);
        if (CU_get_number_of_failures() > before) {
            fprintf(stderr, "round %d: \"%.*s\"\n", round, (int)len, text);
            break;
        }
    }
    free(text);
}

/* A facts-only parse (no token array) gives the facts of the default parse. */
static void test_facts_without_tokens(void)
{
    const char *const *files = tu_corpus_files();
    CU_ASSERT_PTR_NOT_NULL_FATAL(files[0]);
    earnings_parse_options all = EARNINGS_PARSE_OPTIONS_INIT, facts = EARNINGS_PARSE_OPTIONS_INIT;
    all.flags = EARNINGS_PARSE_DEFAULT | EARNINGS_PARSE_FACTS;
    facts.flags = EARNINGS_PARSE_FACTS;
    size_t nfacts = 0;
    for (size_t f = 0; files[f]; f++) {
        size_t len = 0;
        char *text = tu_read_file(files[f], &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        earnings_doc *a = NULL, *b = NULL;
        CU_ASSERT_EQUAL_FATAL(earnings_parse(&a, engine, text, len, &all), EARNINGS_OK);
        CU_ASSERT_EQUAL_FATAL(earnings_parse(&b, engine, text, len, &facts), EARNINGS_OK);
        CU_ASSERT_EQUAL(earnings_doc_token_count(b), 0);
        nfacts += earnings_doc_fact_count(a);
        earnings_buf ja = EARNINGS_BUF_INIT, jb = EARNINGS_BUF_INIT;
        CU_ASSERT_EQUAL(earnings_doc_to_json(a, EARNINGS_JSON_FACTS | EARNINGS_JSON_FIGURES |
                                                   EARNINGS_JSON_ENTITIES, &ja), EARNINGS_OK);
        CU_ASSERT_EQUAL(earnings_doc_to_json(b, EARNINGS_JSON_FACTS | EARNINGS_JSON_FIGURES |
                                                   EARNINGS_JSON_ENTITIES, &jb), EARNINGS_OK);
        CU_ASSERT_TRUE(ja.size == jb.size && memcmp(ja.ptr, jb.ptr, ja.size) == 0);
        earnings_buf_dispose(&ja);
        earnings_buf_dispose(&jb);
        earnings_doc_free(a);
        earnings_doc_free(b);
        free(text);
    }
    CU_ASSERT_TRUE(nfacts > 0);
}

int main(void)
{
    if (earnings_engine_new(&engine, NULL) != EARNINGS_OK)
        return 1;
    static const tu_test tests[] = {
        { "options_init", test_options_init },
        { "engine_new", test_engine_new },
        { "parse_args", test_parse_args },
        { "parse_invalid_utf8", test_parse_invalid_utf8 },
        { "parse_accessors", test_parse_accessors },
        { "parse_stages", test_parse_stages },
        { "embedded_nul", test_embedded_nul },
        { "json", test_json },
        { "corpus", test_corpus },
        { "sentences_without_tokens", test_sentences_without_tokens },
        { "sentences_random", test_sentences_random },
        { "facts_without_tokens", test_facts_without_tokens },
        { NULL, NULL },
    };
    int rc = tu_run_suite("document", tests);
    earnings_engine_free(engine);
    return rc;
}
