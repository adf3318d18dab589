/* Facts: linking figures to entity, metric and period (English and
 * Chinese; level, growth, change; excluding, guidance; inferred periods; no
 * invented facts), fact sets (add, filter, reconcile verdicts, names), JSON,
 * error paths, allocation failure, run-time lexicons, the corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <earnings.h>

#include "test_util.h"
#ifdef EARNINGS_FAILALLOC
#include "core/failalloc.h"
#endif

#define LEX EARNINGS_TEST_RESOURCES "/lexicons/"

static earnings_engine *engine;

static earnings_doc *parse(const char *text)
{
    earnings_doc *d = NULL;
    int rc = earnings_parse(&d, engine, text, strlen(text), NULL);
    CU_ASSERT_EQUAL_FATAL(rc, EARNINGS_OK);
    return d;
}

/* The fact whose figure text is `text`, or NULL. */
static const earnings_fact *fact_of(const earnings_doc *d, const char *text)
{
    for (size_t i = 0; i < earnings_doc_fact_count(d); i++)
        if (!strcmp(earnings_doc_fact(d, i)->text, text))
            return earnings_doc_fact(d, i);
    return NULL;
}

/* fact_of(), asserted (fatally) to be there, reported at the caller's line. */
static const earnings_fact *must_fact_at(const earnings_doc *d, const char *text, unsigned int line, const char *fn)
{
    const earnings_fact *f = fact_of(d, text);
    CU_assertImplementation(f != NULL, line, "a fact for the figure text", __FILE__, fn, CU_TRUE);
    return f;
}
#define MUST_FACT(d, text) must_fact_at((d), (text), __LINE__, __func__)

static int eq(const char *a, const char *b) { return a && b && !strcmp(a, b); }

/* Is s well-formed UTF-8 (lead bytes followed by their continuation bytes)? */
static int utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0)
            return 0;
        p++;
        for (int k = 0; k < n; k++, p++)
            if ((*p & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

static void test_level_en(void)
{
    earnings_doc *d = parse("Amazon Q3 2025 results.\n\nAWS revenue reached $33.0 billion, "
                            "up 20.2% year-over-year. Operating income was $17.4 billion.");
    const earnings_fact *f = MUST_FACT(d, "$33.0 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:aws");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    CU_ASSERT_EQUAL(f->period_inferred, 1);
    CU_ASSERT_DOUBLE_EQUAL(f->value, 33e9, 1);
    CU_ASSERT_STRING_EQUAL(f->unit, "USD");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    CU_ASSERT_DOUBLE_EQUAL(f->precision, 1e8, 1);
    CU_ASSERT_TRUE(f->confidence > 0 && f->confidence <= 1);
    CU_ASSERT_TRUE(f->sentence.start <= f->span.start && f->span.end <= f->sentence.end);
    /* the growth in the next clause carries entity and metric over */
    const earnings_fact *g = fact_of(d, "20.2%");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_STRING_EQUAL(g->entity_id, "segment:aws");
    CU_ASSERT_STRING_EQUAL(g->metric_id, "metric:revenue");
    CU_ASSERT_EQUAL(g->kind, EARNINGS_FACT_GROWTH);
    CU_ASSERT_EQUAL(g->comparison, EARNINGS_COMPARISON_YOY);
    CU_ASSERT_EQUAL(g->direction, EARNINGS_DIRECTION_UP);
    /* the company for a company-wide total */
    const earnings_fact *o = fact_of(d, "$17.4 billion");
    CU_ASSERT_PTR_NOT_NULL_FATAL(o);
    CU_ASSERT_STRING_EQUAL(o->entity_id, "org:amazon");
    CU_ASSERT_STRING_EQUAL(o->metric_id, "metric:operating-income");
    earnings_doc_free(d);
}

static void test_change_and_decline(void)
{
    earnings_doc *d = parse("Amazon reported Q3 2025 results. Operating margin rose 320 basis points. "
                            "Net income fell 5% year-over-year.");
    const earnings_fact *f = MUST_FACT(d, "320 basis points");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_CHANGE);
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:operating-margin");
    CU_ASSERT_STRING_EQUAL(f->unit, "bp");
    const earnings_fact *g = fact_of(d, "5%");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->kind, EARNINGS_FACT_GROWTH);
    CU_ASSERT_DOUBLE_EQUAL(g->value, -5, 1e-9);
    CU_ASSERT_STRING_EQUAL(g->metric_id, "metric:net-income");
    earnings_doc_free(d);
}

static void test_basis(void)
{
    earnings_doc *d = parse("Amazon Q3 2025. Excluding the impact of foreign exchange rates, revenue was "
                            "$180.2 billion. We expect capital expenditures of approximately $125 billion "
                            "for the year. Analysts estimate free cash flow of $20 billion.");
    const earnings_fact *x = fact_of(d, "$180.2 billion");
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(x->basis, EARNINGS_BASIS_EXCLUDING);
    CU_ASSERT_STRING_EQUAL(x->basis_detail, "currency");
    const earnings_fact *g = fact_of(d, "approximately $125 billion");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->basis, EARNINGS_BASIS_GUIDANCE);
    CU_ASSERT_STRING_EQUAL(g->metric_id, "metric:capex");
    CU_ASSERT_STRING_EQUAL(g->period, "2025FY");
    CU_ASSERT_EQUAL(g->qualifier, EARNINGS_QUALIFIER_APPROX);
    const earnings_fact *e = fact_of(d, "$20 billion");
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->basis, EARNINGS_BASIS_ESTIMATE);
    earnings_doc_free(d);
}

static void test_would_have_been(void)
{
    earnings_doc *d = parse("Amazon Q3 2025. Excluding the FTC settlement, operating income would have "
                            "been $21.7 billion.");
    const earnings_fact *f = MUST_FACT(d, "$21.7 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    CU_ASSERT_TRUE(eq(f->basis_detail, "FTC settlement"));
    earnings_doc_free(d);
}

static void test_period(void)
{
    earnings_doc *d = parse("Amazon Q3 2025 earnings. Free cash flow was $14.8 billion over the trailing "
                            "twelve months. Revenue was $167.7 billion in Q2 2025.");
    const earnings_fact *f = MUST_FACT(d, "$14.8 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "TTM");
    CU_ASSERT_EQUAL(f->period_inferred, 0);
    const earnings_fact *g = fact_of(d, "$167.7 billion");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_STRING_EQUAL(g->period, "2025Q2");
    CU_ASSERT_EQUAL(g->period_inferred, 0);
    earnings_doc_free(d);
}

static void test_zh(void)
{
    earnings_doc *d = parse("亚马逊2025年第三季度业绩:AWS营收为330亿美元,同比增长20%。"
                            "公司预计全年资本支出约1250亿美元。");
    const earnings_fact *f = MUST_FACT(d, "330亿美元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:aws");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    CU_ASSERT_EQUAL(f->lang, EARNINGS_LANG_ZH);
    CU_ASSERT_DOUBLE_EQUAL(f->precision, 1e8, 1);
    const earnings_fact *g = fact_of(d, "20%");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->kind, EARNINGS_FACT_GROWTH);
    CU_ASSERT_EQUAL(g->comparison, EARNINGS_COMPARISON_YOY);
    CU_ASSERT_STRING_EQUAL(g->metric_id, "metric:revenue");
    const earnings_fact *c = fact_of(d, "约1250亿美元");
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_STRING_EQUAL(c->metric_id, "metric:capex");
    CU_ASSERT_EQUAL(c->basis, EARNINGS_BASIS_GUIDANCE);
    CU_ASSERT_STRING_EQUAL(c->period, "2025FY");
    earnings_doc_free(d);
}

static void test_no_invented_facts(void)
{
    /* no metric anywhere: figures stay figures */
    earnings_doc *d = parse("Amazon Q3 2025. The team met 3 times in 2025 and on October 30, 2025; "
                            "it was the third meeting. We saw 42 of them.");
    CU_ASSERT_TRUE(earnings_doc_figure_count(d) > 0);
    CU_ASSERT_EQUAL(earnings_doc_fact_count(d), 0);
    earnings_doc_free(d);
    /* no entity and no company: no fact either */
    d = parse("Revenue was $5 billion.");
    CU_ASSERT_EQUAL(earnings_doc_fact_count(d), 0);
    earnings_doc_free(d);
    /* the stage off: no facts */
    earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
    po.flags = EARNINGS_PARSE_FIGURES | EARNINGS_PARSE_ENTITIES;
    const char *t = "Amazon revenue was $5 billion in Q3 2025.";
    CU_ASSERT_EQUAL(earnings_parse(&d, engine, t, strlen(t), &po), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_doc_fact_count(d), 0);
    CU_ASSERT_PTR_NULL(earnings_doc_fact(d, 0));
    earnings_doc_free(d);
}

static earnings_factset *set_of(const char *const *texts, const char *const *sources, size_t n)
{
    earnings_factset *s = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_factset_new(&s), EARNINGS_OK);
    for (size_t i = 0; i < n; i++) {
        earnings_doc *d = parse(texts[i]);
        CU_ASSERT_EQUAL(earnings_factset_add_doc(s, d, sources[i]), EARNINGS_OK);
        earnings_doc_free(d); /* the set copied what it needs */
    }
    CU_ASSERT_EQUAL(earnings_factset_reconcile(s), EARNINGS_OK);
    return s;
}

/* Verdict of the group holding the fact with figure text `text`, or 0. */
static int verdict_of(const earnings_factset *s, const char *text)
{
    for (size_t g = 0; g < earnings_factset_group_count(s); g++) {
        const earnings_fact_group *gr = earnings_factset_group(s, g);
        for (size_t m = 0; m < gr->member_count; m++)
            if (!strcmp(earnings_factset_fact(s, gr->members[m], NULL)->text, text))
                return gr->verdict;
    }
    return 0;
}

static void test_factset_verdicts(void)
{
    const char *texts[] = {
        "Amazon Q3 2025. AWS revenue was $33.0 billion. Advertising revenue was $17.6 billion. "
        "AWS annualized run rate was $132B. North America revenue grew 11%.",
        "Amazon Q3 2025. AWS revenue was $33 billion. Advertising revenue was $17.7 billion. "
        "AWS annualized run rate was $132 billion. North America revenue grew 11%.",
        "亚马逊2025年第三季度:AWS年化营收为1320亿美元。",
    };
    const char *sources[] = { "a.txt", "b.txt", "c.txt" };
    earnings_factset *s = set_of(texts, sources, 3);
    CU_ASSERT_TRUE(earnings_factset_count(s) >= 8);
    CU_ASSERT_EQUAL(verdict_of(s, "$33.0 billion"), EARNINGS_VERDICT_AGREE_WITHIN_ROUNDING);
    CU_ASSERT_EQUAL(verdict_of(s, "$132B"), EARNINGS_VERDICT_AGREE_WITHIN_ROUNDING);
    CU_ASSERT_EQUAL(verdict_of(s, "11%"), EARNINGS_VERDICT_AGREE);
    CU_ASSERT_EQUAL(verdict_of(s, "$17.6 billion"), EARNINGS_VERDICT_CONFLICT);
    /* a counted unit in English and in Chinese is one group */
    {
        const char *t2[] = { "Kestrel Motors Q3 2025 update\n\nKestrel Motors delivered 48,200 vehicles in the third "
                             "quarter.",
                             "Kestrel Motors(纳斯达克:KSTR)2025年第三季度共交付48,200辆。" };
        const char *s2[] = { "en.txt", "zh.txt" };
        earnings_factset *k = set_of(t2, s2, 2);
        CU_ASSERT_EQUAL(verdict_of(k, "48,200辆"), EARNINGS_VERDICT_AGREE);
        size_t members = 0;
        for (size_t g = 0; g < earnings_factset_group_count(k); g++) {
            const earnings_fact_group *gr = earnings_factset_group(k, g);
            for (size_t m = 0; m < gr->member_count; m++)
                if (!strcmp(earnings_factset_fact(k, gr->members[m], NULL)->text, "48,200辆"))
                    members = gr->member_count;
        }
        CU_ASSERT_EQUAL(members, 2);
        earnings_factset_free(k);
    }
    /* sides of the conflict name their sources */
    for (size_t g = 0; g < earnings_factset_group_count(s); g++) {
        const earnings_fact_group *gr = earnings_factset_group(s, g);
        if (gr->verdict != EARNINGS_VERDICT_CONFLICT)
            continue;
        CU_ASSERT_EQUAL(gr->side_count, 2);
        const char *src0 = NULL, *src1 = NULL;
        for (size_t m = 0; m < gr->member_count; m++) {
            const char *src = NULL;
            earnings_factset_fact(s, gr->members[m], &src);
            if (gr->member_side[m] == 0)
                src0 = src;
            else
                src1 = src;
        }
        CU_ASSERT_TRUE(eq(src0, "a.txt") && eq(src1, "b.txt"));
    }
    /* filter */
    size_t n = 0, idx[8];
    CU_ASSERT_EQUAL(earnings_factset_filter(s, "segment:aws", "metric:revenue", NULL, 0, NULL, 0, &n), EARNINGS_OK);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_EQUAL(earnings_factset_filter(s, NULL, NULL, "2025Q3", EARNINGS_FACT_GROWTH, idx, 8, &n), EARNINGS_OK);
    CU_ASSERT_EQUAL(n, 2);
    for (size_t i = 0; i < n && i < 8; i++)
        CU_ASSERT_EQUAL(earnings_factset_fact(s, idx[i], NULL)->kind, EARNINGS_FACT_GROWTH);
    CU_ASSERT_EQUAL(earnings_factset_filter(s, "org:none", NULL, NULL, 0, idx, 8, &n), EARNINGS_OK);
    CU_ASSERT_EQUAL(n, 0);
    /* JSON */
    earnings_buf buf = EARNINGS_BUF_INIT;
    CU_ASSERT_EQUAL(earnings_factset_to_json(s, &buf), EARNINGS_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf.ptr, "\"schema\":\"libearnings/factset\",\"schema_version\":1"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf.ptr, "\"verdict\":\"conflict\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf.ptr, "\"verdict\":\"agree_within_rounding\""));
    earnings_buf_dispose(&buf);
    earnings_factset_free(s);
}

static void test_names(void)
{
    const char *texts[] = { "Amazon CFO Brian Olsavsky said revenue grew.",
                            "Amazon CFO Brian Olsowski said so. Olsavsky added more." };
    const char *sources[] = { "x", "y" };
    earnings_factset *s = set_of(texts, sources, 2);
    const earnings_person_names *p = NULL;
    for (size_t i = 0; i < earnings_factset_person_count(s); i++)
        if (!strcmp(earnings_factset_person(s, i)->id, "person:brian-olsavsky"))
            p = earnings_factset_person(s, i);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_EQUAL(p->has_variants, 1);
    CU_ASSERT_EQUAL(p->spelling_count, 3);
    CU_ASSERT_STRING_EQUAL(p->spellings[0].source, "x");
    CU_ASSERT_STRING_EQUAL(p->spellings[1].text, "Brian Olsowski");
    CU_ASSERT_EQUAL(p->spellings[1].match, EARNINGS_MATCH_VARIANT);
    CU_ASSERT_PTR_NULL(earnings_factset_person(s, 99));
    earnings_factset_free(s);
}

static void test_doc_json(void)
{
    earnings_doc *d = parse("Amazon Q3 2025. AWS revenue was $33 billion.");
    earnings_buf buf = EARNINGS_BUF_INIT;
    CU_ASSERT_EQUAL(earnings_doc_to_json(d, EARNINGS_JSON_FACTS, &buf), EARNINGS_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf.ptr, "\"facts\":[{\"start\":"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf.ptr, "\"entity\":\"segment:aws\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf.ptr, "\"period_inferred\":true"));
    earnings_buf_dispose(&buf);
    CU_ASSERT_EQUAL(earnings_doc_to_json(d, EARNINGS_JSON_FACTS | EARNINGS_JSON_LINES, &buf), EARNINGS_OK);
    CU_ASSERT_EQUAL(buf.ptr[0], '{');
    CU_ASSERT_PTR_NOT_NULL(strstr(buf.ptr, "\"metric\":\"metric:revenue\""));
    earnings_buf_dispose(&buf);
    earnings_doc_free(d);
}

static void test_errors(void)
{
    earnings_factset *s = NULL;
    CU_ASSERT_EQUAL(earnings_factset_new(NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_factset_new(&s), EARNINGS_OK);
    earnings_doc *d = parse("Amazon Q3 2025. AWS revenue was $33 billion.");
    CU_ASSERT_EQUAL(earnings_factset_add_doc(NULL, d, "a"), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_factset_add_doc(s, NULL, "a"), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_factset_add_doc(s, d, NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_error_last()->code, EARNINGS_EINVAL);
    size_t n = 7;
    CU_ASSERT_EQUAL(earnings_factset_filter(NULL, NULL, NULL, NULL, 0, NULL, 0, &n), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_EQUAL(earnings_factset_filter(s, NULL, NULL, NULL, 0, NULL, 3, &n), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_factset_filter(s, NULL, NULL, NULL, 0, NULL, 0, NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_factset_filter(s, NULL, NULL, NULL, 9, NULL, 0, &n), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_factset_reconcile(NULL), EARNINGS_EINVAL);
    earnings_buf buf = EARNINGS_BUF_INIT;
    CU_ASSERT_EQUAL(earnings_factset_to_json(NULL, &buf), EARNINGS_EINVAL);
    CU_ASSERT_PTR_NULL(buf.ptr);
    CU_ASSERT_EQUAL(earnings_factset_to_json(s, NULL), EARNINGS_EINVAL);
    /* bad indices and NULL handles */
    CU_ASSERT_PTR_NULL(earnings_doc_fact(d, 1000));
    CU_ASSERT_PTR_NULL(earnings_doc_fact(NULL, 0));
    CU_ASSERT_EQUAL(earnings_doc_fact_count(NULL), 0);
    const char *src = "x";
    CU_ASSERT_PTR_NULL(earnings_factset_fact(s, 0, &src));
    CU_ASSERT_PTR_NULL(src);
    CU_ASSERT_PTR_NULL(earnings_factset_fact(NULL, 0, NULL));
    CU_ASSERT_PTR_NULL(earnings_factset_group(s, 0));
    CU_ASSERT_PTR_NULL(earnings_factset_group(NULL, 0));
    CU_ASSERT_EQUAL(earnings_factset_count(NULL), 0);
    CU_ASSERT_EQUAL(earnings_factset_group_count(NULL), 0);
    CU_ASSERT_EQUAL(earnings_factset_person_count(NULL), 0);
    CU_ASSERT_PTR_NULL(earnings_factset_person(NULL, 0));
    /* the empty set reconciles and serializes */
    CU_ASSERT_EQUAL(earnings_factset_reconcile(s), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_factset_to_json(s, &buf), EARNINGS_OK);
    earnings_buf_dispose(&buf);
    CU_ASSERT_STRING_EQUAL(earnings_fact_kind_name(EARNINGS_FACT_GROWTH), "growth");
    CU_ASSERT_STRING_EQUAL(earnings_fact_kind_name(42), "unknown");
    CU_ASSERT_STRING_EQUAL(earnings_fact_basis_name(EARNINGS_BASIS_EXCLUDING), "excluding");
    CU_ASSERT_STRING_EQUAL(earnings_fact_basis_name(0), "unknown");
    CU_ASSERT_STRING_EQUAL(earnings_fact_verdict_name(EARNINGS_VERDICT_AGREE_WITHIN_ROUNDING),
                           "agree_within_rounding");
    CU_ASSERT_STRING_EQUAL(earnings_fact_verdict_name(-1), "unknown");
    CU_ASSERT_EQUAL(earnings_struct_size(EARNINGS_STRUCT_FACT), sizeof(earnings_fact));
    CU_ASSERT_EQUAL(earnings_struct_size(EARNINGS_STRUCT_FACT_GROUP), sizeof(earnings_fact_group));
    earnings_doc_free(d);
    earnings_factset_free(s);
    earnings_factset_free(NULL);
}

/* A company no lexicon knows, named with its legal form: its facts, and its
 * later mentions by name, are still its own. */
static void test_legal_form_company(void)
{
    const char *text = "Acme Robotics Inc. (NASDAQ: ACMR) Reports Third Quarter 2025 Results\n\n"
                       "Acme Robotics Inc. today reported revenue of $412 million, up 9% year over year. "
                       "Shares of Procter & Gamble Co. were flat. "
                       "Acme Robotics expects fourth-quarter revenue between $430 million and $450 million.";
    earnings_doc *d = parse(text);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    const earnings_fact *f = MUST_FACT(d, "$412 million");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:acme-robotics");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    f = MUST_FACT(d, "9%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:acme-robotics");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_GROWTH);
    f = MUST_FACT(d, "between $430 million and $450 million");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:acme-robotics");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
}

static void test_runtime_lexicon(void)
{
    const char *text = "In Q3 2025, Contoso revenue was $2.4 billion, up 8% year-over-year. "
                       "CloudBox revenue grew 30%.";
    /* with the built-in lexicons only, nobody owns the figures */
    earnings_doc *d = parse(text);
    CU_ASSERT_EQUAL(earnings_doc_fact_count(d), 0);
    earnings_doc_free(d);
    earnings_lexicon *lex = NULL;
    earnings_engine *eng = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_lexicon_new(&lex), EARNINGS_OK);
    CU_ASSERT_EQUAL_FATAL(earnings_lexicon_add_file(lex, LEX "contoso.tsv"), EARNINGS_OK);
    CU_ASSERT_EQUAL_FATAL(earnings_engine_new_with_lexicon(&eng, NULL, lex), EARNINGS_OK);
    earnings_lexicon_free(lex);
    d = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, eng, text, strlen(text), NULL), EARNINGS_OK);
    const earnings_fact *f = MUST_FACT(d, "$2.4 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:contoso");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    const earnings_fact *g = fact_of(d, "30%");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_STRING_EQUAL(g->entity_id, "product:contoso-cloudbox");
    CU_ASSERT_EQUAL(g->kind, EARNINGS_FACT_GROWTH);
    earnings_doc_free(d);
    earnings_engine_free(eng);
}

/* One run over a mixed text: parse with facts, a set, reconcile, JSON. */
static int pipeline(void)
{
    static const char text[] = "Amazon Q3 2025. AWS revenue was $33.0 billion, up 20.2% year-over-year. "
                               "CFO Brian Olsowski said capex would be about $125 billion. "
                               "亚马逊第三季度AWS营收为330亿美元，同比增长20%。\n"
                               /* the paths that allocate in the patterns and rules of
                                * docs/facts.md `Forms of releases, news and calls` */
                               "Globex Systems (NYSE: GBX) today reported revenue of $1.2 billion for the quarter "
                               "ended September 30, 2025. 海外交付量占总交付量的近两成。\n\n"
                               "| Segment | Revenue ($M) | 2025E |\n|---|---|---|\n| Freight | 120.5 | 130.1 |\n";
    earnings_doc *d = NULL;
    earnings_factset *s = NULL;
    earnings_buf buf = EARNINGS_BUF_INIT, buf2 = EARNINGS_BUF_INIT;
    int rc = earnings_parse(&d, engine, text, sizeof text - 1, NULL);
    if (rc == EARNINGS_OK)
        rc = earnings_factset_new(&s);
    if (rc == EARNINGS_OK)
        rc = earnings_factset_add_doc(s, d, "one");
    if (rc == EARNINGS_OK)
        rc = earnings_factset_add_doc(s, d, "two");
    if (rc == EARNINGS_OK)
        rc = earnings_factset_reconcile(s);
    if (rc == EARNINGS_OK) {
        rc = earnings_factset_to_json(s, &buf);
        if (rc != EARNINGS_OK)
            CU_ASSERT_PTR_NULL(buf.ptr);
    }
    if (rc == EARNINGS_OK) {
        rc = earnings_doc_to_json(d, EARNINGS_JSON_FACTS, &buf2);
        if (rc != EARNINGS_OK)
            CU_ASSERT_PTR_NULL(buf2.ptr);
    }
    earnings_buf_dispose(&buf);
    earnings_buf_dispose(&buf2);
    earnings_factset_free(s);
    earnings_doc_free(d);
    return rc;
}

/* The n-th fact (0-based) whose figure text is `text`, or NULL. */
static const earnings_fact *fact_nth(const earnings_doc *d, const char *text, int n)
{
    for (size_t i = 0; i < earnings_doc_fact_count(d); i++)
        if (!strcmp(earnings_doc_fact(d, i)->text, text) && n-- == 0)
            return earnings_doc_fact(d, i);
    return NULL;
}

static void test_subject_carry_over(void)
{
    /* a sentence without an entity takes the previous sentence's subject */
    earnings_doc *d = parse("Amazon Q3 2025 results.\n\nAWS had its best quarter in years. Achieving 20% "
                            "growth on a $132 billion annualized run rate is rare.\n\n"
                            "Operating income was $17.4 billion.");
    const earnings_fact *f = MUST_FACT(d, "$132 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:aws");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:annualized-run-rate");
    /* a new paragraph does not carry it */
    f = MUST_FACT(d, "$17.4 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:amazon");
    earnings_doc_free(d);
    /* a heading names the section's subject; a list item does not carry
     * from the one before it */
    d = parse("Amazon Q3 2025 results.\n\n## AWS Infrastructure\n\nCapacity added over the past 12 months "
              "was 3.8 GW.\n\n## Consolidated results\n\nOperating margin was 6.5%.");
    f = MUST_FACT(d, "3.8 GW");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:aws");
    CU_ASSERT(eq(f->period, "TTM"));
    f = MUST_FACT(d, "6.5%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:amazon");
    earnings_doc_free(d);
    /* Chinese transcripts: the subject of the previous sentence */
    d = parse("亚马逊2025年第三季度业绩电话会。\n\n我先回答AWS 相关问题。在1320 亿美元年化营收基数上实现20% "
              "的同比增长,这很不容易。");
    f = MUST_FACT(d, "1320 亿美元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:aws");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:annualized-run-rate");
    CU_ASSERT(eq(f->period, "2025Q3"));
    earnings_doc_free(d);
}

static void test_segments_and_each(void)
{
    /* one figure, several coordinated subjects */
    earnings_doc *d = parse("Amazon Q2 2025 results.\n\nNorth America and International segments each grew 11%. "
                            "North America revenue rose 11%, while international advanced 10%.");
    const earnings_fact *a = fact_nth(d, "11%", 0), *b = fact_nth(d, "11%", 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_TRUE((eq(a->entity_id, "segment:international") && eq(b->entity_id, "segment:north-america")) ||
                   (eq(b->entity_id, "segment:international") && eq(a->entity_id, "segment:north-america")));
    CU_ASSERT_EQUAL(a->kind, EARNINGS_FACT_GROWTH);
    CU_ASSERT_EQUAL(b->kind, EARNINGS_FACT_GROWTH);
    /* a segment written in lower case where the document capitalizes it */
    const earnings_fact *f = MUST_FACT(d, "10%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:international");
    earnings_doc_free(d);
    /* Chinese: 均 */
    d = parse("亚马逊2025年第二季度业绩。北美和国际业务的营收均增长11%。");
    a = fact_nth(d, "11%", 0);
    b = fact_nth(d, "11%", 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_STRING_NOT_EQUAL(a->entity_id, b->entity_id);
    earnings_doc_free(d);
}

static void test_context_periods_and_basis(void)
{
    /* a lead-in scopes the list under it: period and guidance */
    earnings_doc *d = parse("Amazon Q3 2025 results.\n\nFor Q4 2025, Amazon guided to:\n"
                            "- Net sales between $206 billion and $213 billion\n"
                            "- Operating income between $21 billion and $26 billion\n");
    const earnings_fact *f = MUST_FACT(d, "between $206 billion and $213 billion");
    CU_ASSERT(eq(f->period, "2025Q4"));
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    earnings_doc_free(d);
    /* a Markdown table: the column header gives period and basis */
    d = parse("# AWS outlook (Q3 2025)\n\n| Metric | Current | 2026 Target | 2027 Estimate |\n"
              "|---|---|---|---|\n| **Power Capacity (GW)** | 12-14GW | 16-18GW | 24-28GW |\n");
    f = MUST_FACT(d, "16-18GW");
    CU_ASSERT(eq(f->period, "2026"));
    CU_ASSERT_TRUE(f->period_inferred); /* the column names it, not the row */
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_TARGET);
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:capacity");
    f = MUST_FACT(d, "24-28GW");
    CU_ASSERT(eq(f->period, "2027"));
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    f = MUST_FACT(d, "12-14GW");
    CU_ASSERT(eq(f->period, "2025Q3"));
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    earnings_doc_free(d);
    /* claims without a period; `last quarter` as a baseline; year-end */
    d = parse("Amazon Q3 2025 results. Trainium offers 30-40% better price-performance than other GPUs. "
              "Product selection increased by 14% since last quarter. "
              "The cluster will expand to 1 million chips by year-end 2025.");
    f = MUST_FACT(d, "30-40%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:price-performance");
    CU_ASSERT_PTR_NULL(f->period);
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_NONE);
    f = MUST_FACT(d, "14%");
    CU_ASSERT(eq(f->period, "2025Q3"));
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_QOQ);
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:selection");
    f = MUST_FACT(d, "1 million chips");
    CU_ASSERT(eq(f->period, "2025Q4"));
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
    /* Chinese: an elliptical count takes the previous figure's noun */
    d = parse("亚马逊2025年第三季度业绩。我们构建了一个包含50 多万块芯片(未来将增至100 万块)的集群。");
    f = MUST_FACT(d, "100 万块");
    CU_ASSERT(eq(f->unit, "芯片"));
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:chips-deployed");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
    /* a finite verb makes the figure a lower bound; a bound agrees with a
     * larger value in reconciliation */
    d = parse("Amazon Q3 2025 results. Excluding the special charges, operating income would have "
              "surpassed $21 billion.");
    f = MUST_FACT(d, "$21 billion");
    CU_ASSERT_EQUAL(f->qualifier, EARNINGS_QUALIFIER_OVER);
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    earnings_doc *d2 = parse("Amazon Q3 2025 results. Excluding the special charges, operating income "
                             "would have been $21.7 billion.");
    earnings_factset *s = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_factset_new(&s), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_factset_add_doc(s, d, "a"), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_factset_add_doc(s, d2, "b"), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_factset_reconcile(s), EARNINGS_OK);
    for (size_t g = 0; g < earnings_factset_group_count(s); g++)
        CU_ASSERT_NOT_EQUAL(earnings_factset_group(s, g)->verdict, EARNINGS_VERDICT_CONFLICT);
    earnings_factset_free(s);
    earnings_doc_free(d2);
    earnings_doc_free(d);
}

/* Period and basis scope: cues in the figure's own words, the year's final
 * quarter, claims dated only by another clause, values of a period already
 * run under an outlook, and an outlook cue that introduces the next value. */
static void test_period_scope_rules(void)
{
    earnings_doc *d = parse("Amazon Q3 2025 results. The assistant now counts 120 million annual active "
                            "users across its apps. In the final quarter of the year, Amazon expects to "
                            "open another 40 stores. The new model ships at the end of the year, and "
                            "delivers 25% better performance. The company raised its capex outlook to $50 "
                            "billion for 2025, up from $31 billion YTD. The fleet runs 20,000 robots and "
                            "soon to be 30,000 robots.");
    const earnings_fact *f = MUST_FACT(d, "120 million annual active users");
    CU_ASSERT(eq(f->period, "2025YTD"));
    f = MUST_FACT(d, "40 stores");
    CU_ASSERT(eq(f->period, "2025Q4")); /* not the previous quarter */
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    f = MUST_FACT(d, "25%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:performance");
    CU_ASSERT_PTR_NULL(f->period); /* the date is the launch's */
    f = MUST_FACT(d, "$50 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    f = MUST_FACT(d, "$31 billion");
    CU_ASSERT(eq(f->period, "2025YTD"));
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "20,000 robots");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "30,000 robots");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
    /* a target in a table with no dated column has no period */
    d = parse("# Amazon Q3 2025 review\n\n| Segment | Margin Goal | Watch Item |\n|---|---|---|\n"
              "| **North America** | 4.5% now | progress toward a 7% margin target |\n");
    f = MUST_FACT(d, "7%");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_TARGET);
    CU_ASSERT_PTR_NULL(f->period);
    earnings_doc_free(d);
    /* Chinese: year to date, first three quarters, the final quarter, a
     * claim dated by another clause */
    d = parse("亚马逊2025年第三季度业绩。今年以来,AWS营收达到900亿美元。前三季度,自由现金流为150亿美元。"
              "预计最后一个季度将新增1吉瓦容量。新芯片将于年底发布,性能提升40%。");
    f = MUST_FACT(d, "900亿美元");
    CU_ASSERT(eq(f->period, "2025YTD"));
    f = MUST_FACT(d, "150亿美元");
    CU_ASSERT(eq(f->period, "2025YTD"));
    f = MUST_FACT(d, "1吉瓦");
    CU_ASSERT(eq(f->period, "2025Q4"));
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    f = MUST_FACT(d, "40%");
    CU_ASSERT_PTR_NULL(f->period);
    earnings_doc_free(d);
}

/* An outlook restated without its date takes the date the document gives
 * it elsewhere; an outlook never dated stays without a period. */
static void test_restated_outlook(void)
{
    earnings_doc *d = parse("Amazon Q3 2025 results. Amazon plans to deploy 5,000 robots by the end of the "
                            "year. The warehouses run 3,000 robots today. The partner will soon add 7,000 "
                            "robots. 亚马逊表示,仓库未来将扩大到5,000 台机器人。");
    const earnings_fact *f = MUST_FACT(d, "5,000 robots");
    CU_ASSERT(eq(f->period, "2025Q4"));
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    f = MUST_FACT(d, "7,000 robots");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    CU_ASSERT_PTR_NULL(f->period);
    f = MUST_FACT(d, "5,000 台机器人");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    CU_ASSERT(eq(f->period, "2025Q4"));
    CU_ASSERT_TRUE(f->period_inferred);
    earnings_doc_free(d);
}

/* A change of a rate in basis points is year over year unless it is stated
 * over a span; a span of years leaves it without a period. */
static void test_rate_change_comparison(void)
{
    earnings_doc *d = parse("Amazon Q3 2025 results. North America operating margin rose to 6.2%, up 150 "
                            "basis points. Over eight quarters, operating margin gained 450 basis points. "
                            "Gross margin expanded by 600 bps (2019-2023) on mix. "
                            "北美营业利润率提升了120个基点。");
    const earnings_fact *f = MUST_FACT(d, "150 basis points");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_YOY);
    f = MUST_FACT(d, "450 basis points");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_NONE);
    CU_ASSERT(eq(f->period, "2025Q3"));
    f = MUST_FACT(d, "600 bps");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_NONE);
    CU_ASSERT_PTR_NULL(f->period);
    f = MUST_FACT(d, "120个基点");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_YOY);
    earnings_doc_free(d);
}

static void test_owned_metrics_and_periods(void)
{
    /* capacity named only as a segment's: context-only figures are its too;
     * company-wide metrics are not moved */
    earnings_doc *d = parse("Microsoft Q1 2026 results.\n\nIntelligent Cloud capacity reached 5 gigawatts.\n\n"
                            "Revenue was $77.7 billion.\n\n"
                            "We added 2 gigawatts (GW) of power in the past 12 months.");
    const earnings_fact *f = MUST_FACT(d, "2 gigawatts");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:intelligent-cloud");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:capacity");
    CU_ASSERT_TRUE(eq(f->period, "TTM")); /* `(GW)` does not end the clause */
    f = MUST_FACT(d, "$77.7 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:microsoft");
    earnings_doc_free(d);
    /* two segments own capacity: nothing is moved */
    d = parse("Microsoft Q1 2026 results.\n\nIntelligent Cloud capacity reached 5 gigawatts. "
              "More Personal Computing capacity reached 1 gigawatt.\n\nWe added 2 gigawatts of power.");
    f = MUST_FACT(d, "2 gigawatts");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:microsoft");
    earnings_doc_free(d);
    /* a cue after an earlier value is that value's; a quarter named earlier
     * in the sentence is not inferred */
    d = parse("Amazon Q3 2025 results.\n\nRufus reached 250 million active users this year; monthly "
              "active users increased 140% year-over-year. North America revenue for the third quarter "
              "was $106.3 billion, up 11% year-over-year.");
    f = MUST_FACT(d, "140%");
    CU_ASSERT_TRUE(eq(f->period, "2025Q3"));
    f = MUST_FACT(d, "11%");
    CU_ASSERT_TRUE(eq(f->period, "2025Q3"));
    CU_ASSERT_EQUAL(f->period_inferred, 0);
    earnings_doc_free(d);
    /* `开设了三家`: a store count of the store format named before */
    d = parse("Amazon Q3 2025 业绩。\n\n我们对Daily Shop 非常期待。目前我们已开设了三家,表现良好。");
    f = MUST_FACT(d, "三家");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "product:daily-shop");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:store-count");
    CU_ASSERT_TRUE(eq(f->unit, "门店"));
    CU_ASSERT_DOUBLE_EQUAL(f->value, 3, 1e-9);
    earnings_doc_free(d);
    /* a plain count without an opening verb stays a figure */
    d = parse("Amazon Q3 2025 业绩。\n\n我们对Daily Shop 非常期待。其中三家表现良好。");
    CU_ASSERT_PTR_NULL(fact_of(d, "三家"));
    earnings_doc_free(d);
}

/* service words own footprint counts; multiples; table rows; exclusions */
static void test_service_owner_and_tables(void)
{
    earnings_doc *d = parse("Amazon Q3 2025 results.\n\nWe keep widening delivery of fresh food. "
                            "Amazon now offers it in over 900 cities.");
    const earnings_fact *f = MUST_FACT(d, "over 900 cities");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:grocery");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:cities-served");
    earnings_doc_free(d);
    /* no service word: the subject keeps the count */
    d = parse("Amazon Q3 2025 results.\n\nAmazon now offers Prime in over 900 cities.");
    f = MUST_FACT(d, "over 900 cities");
    CU_ASSERT_STRING_NOT_EQUAL(f->entity_id, "segment:grocery");
    earnings_doc_free(d);
    /* a multiple is a growth without an inferred comparison */
    d = parse("Amazon Q3 2025 results.\n\nAWS revenue was 3 times higher than in 2020.");
    f = fact_of(d, "3 times");
    if (f) {
        CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_GROWTH);
        CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_NONE);
    }
    earnings_doc_free(d);
    /* a bare number alone in the cell of a row labelled by a metric */
    d = parse("Amazon Q3 2025 results.\n\n| Metric | Value |\n|---|---|\n| **Active Customers** | 250M |\n"
              "| **Capacity Execution Risk** | 6 |\n");
    f = MUST_FACT(d, "250M");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:active-users");
    CU_ASSERT_PTR_NULL(fact_of(d, "6"));
    earnings_doc_free(d);
    /* figures inside the parenthesis naming the excluded items are reported */
    d = parse("Amazon Q3 2025 results.\n\nExcluding two charges (a $2.5 billion settlement and severance of "
              "$1.8 billion), operating income would have been $21.7 billion.");
    f = MUST_FACT(d, "$21.7 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    f = fact_of(d, "$1.8 billion");
    if (f)
        CU_ASSERT_NOT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    earnings_doc_free(d);
}

static void test_company_metrics(void)
{
    /* a product carried as the subject does not own the company's cash flow */
    earnings_doc *d = parse("Microsoft Q3 2025 results.\n\nChief executive Satya Nadella said the Copilot assistant "
                            "reached 100 million users this year. Chief financial officer Amy Hood put free cash flow "
                            "for the trailing twelve months at $70.1 billion and said capital expenditures for the "
                            "full year are expected to be about $80 billion.");
    const earnings_fact *f = MUST_FACT(d, "100 million users");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "product:copilot"); /* the product keeps its own users */
    f = MUST_FACT(d, "$70.1 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:free-cash-flow");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:microsoft");
    f = MUST_FACT(d, "about $80 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:capex");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:microsoft");
    earnings_doc_free(d);
    /* the other party of a settlement does not pay the company's charges */
    d = parse("Microsoft Q3 2025 results. Charges included a $1.2 billion legal settlement with the "
              "European Commission and about $0.9 billion of severance costs.");
    f = MUST_FACT(d, "about $0.9 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:severance-costs");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:microsoft");
    f = MUST_FACT(d, "$1.2 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:microsoft");
    earnings_doc_free(d);
    d = parse("微软2025年第三季度业绩。公司与欧盟委员会达成12亿美元的和解金。");
    f = fact_of(d, "12亿美元");
    if (f)
        CU_ASSERT_STRING_EQUAL(f->entity_id, "org:microsoft");
    earnings_doc_free(d);
}

static void test_adjusted_measures(void)
{
    /* non-GAAP and adjusted measures exclude their adjustments; they group
     * apart from the reported measure, so no conflict between them */
    const char *texts[] = {
        "NVIDIA Q3 2026 results. GAAP gross margin was 73.4% and non-GAAP gross margin was 73.6%.",
        "NVIDIA Q3 2026 results. Non-GAAP gross margin was 73.6%. Gross margin was 73.4%.",
    };
    const char *sources[] = { "a.txt", "b.txt" };
    earnings_factset *s = set_of(texts, sources, 2);
    CU_ASSERT_EQUAL(verdict_of(s, "73.4%"), EARNINGS_VERDICT_AGREE);
    CU_ASSERT_EQUAL(verdict_of(s, "73.6%"), EARNINGS_VERDICT_AGREE);
    earnings_factset_free(s);
    earnings_doc *d = parse("小米集团2025年第三季度业绩。经调整净利润为113亿元，同比增长80.9%。净利润为123亿元。");
    const earnings_fact *f = MUST_FACT(d, "113亿元");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    CU_ASSERT(eq(f->basis_detail, "adjustments"));
    f = MUST_FACT(d, "80.9%");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    f = MUST_FACT(d, "123亿元");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    earnings_doc_free(d);
}

static void test_table_labels_and_parentheses(void)
{
    /* a table row's label names the metric of its cells by a metric word
     * too (not only a metrics-lexicon name); a period opening the
     * parenthesis that ends a clause is that clause's */
    earnings_doc *d = parse("Walmart Q2 2026 operations review.\n\n"
                            "| Area | Result | Note |\n|---|---|---|\n"
                            "| **Inbound Lead Time** | 2-day reduction YoY (H1 2026) | faster restocking |\n\n"
                            "Walmart revenue grew 4.8% (Q2 2026) on strong grocery sales.");
    const earnings_fact *f = MUST_FACT(d, "2-day");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:inbound-lead-time");
    CU_ASSERT(eq(f->period, "2026H1"));
    CU_ASSERT_FALSE(f->period_inferred);
    f = MUST_FACT(d, "4.8%");
    CU_ASSERT(eq(f->period, "2026Q2"));
    CU_ASSERT_FALSE(f->period_inferred);
    earnings_doc_free(d);
}

static void test_capability_not_outlook(void)
{
    /* `will be able to` says what someone can do, not what the company
     * expects; a plain `will` stays an outlook */
    earnings_doc *d = parse("Spotify Q3 2025 update. Advertisers will be able to reach 300 million monthly "
                            "listeners through the new exchange. Spotify will grow revenue 12% next year.");
    const earnings_fact *f = MUST_FACT(d, "300 million monthly listeners");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "12%");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
}

static void test_more_and_transaction_volume(void)
{
    /* `N% more <metric>` names the metric after the figure; transaction
     * volume is gross merchandise volume */
    earnings_doc *d = parse("Walmart Q3 2025 results. This quarter Walmart offered 9% more product selection. "
                            "Gross transaction volume reached $2.9 billion.");
    const earnings_fact *f = MUST_FACT(d, "9%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:selection");
    f = MUST_FACT(d, "$2.9 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:gmv");
    earnings_doc_free(d);
}

static void test_baselines_and_scope_leads(void)
{
    /* `last fiscal year` in a lead-in is the baseline, not the period; a
     * sentence-opening `非国际财务报告准则下，` scopes its measure as
     * adjusted; 营销服务 is not the Services segment */
    earnings_doc *d = parse("Microsoft Fiscal Year 2026 First Quarter Results\n\n"
                            "Results for the quarter, as compared to the corresponding period of last fiscal year:\n\n"
                            "- Revenue was $77.7 billion and increased 18%.\n");
    const earnings_fact *f = MUST_FACT(d, "$77.7 billion");
    CU_ASSERT(eq(f->period, "2026Q1"));
    earnings_doc_free(d);
    d = parse("腾讯控股公布2025年第三季度业绩。经营盈利为635.5亿元。非国际财务报告准则下，"
              "本公司权益持有人应占盈利为706.3亿元。营销服务业务收入同比增长21%至362亿元。");
    f = MUST_FACT(d, "635.5亿元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:operating-income");
    f = MUST_FACT(d, "706.3亿元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    f = MUST_FACT(d, "362亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:marketing-services");
    earnings_doc_free(d);
}

static void test_baseline_quarters(void)
{
    /* `from Q2` is the baseline of a growth, not its period: sequential;
     * an adjusted measure named as such (`经调整EBITA`) excludes its
     * adjustments; `过去四个季度` is the trailing twelve months */
    earnings_doc *d = parse("NVIDIA third quarter fiscal 2026 results. Revenue was $57.0 billion, up 22% from Q2 "
                            "and up 62% from a year ago.");
    const earnings_fact *f = MUST_FACT(d, "22%");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_QOQ);
    CU_ASSERT(eq(f->period, "2026Q3"));
    f = MUST_FACT(d, "62%");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_YOY);
    earnings_doc_free(d);
    d = parse("阿里巴巴集团2026财年第二季度业绩。经调整EBITA同比下降78%至91亿元。过去四个季度，资本支出约1200亿元。");
    f = MUST_FACT(d, "91亿元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:ebita");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    f = MUST_FACT(d, "约1200亿元");
    CU_ASSERT(eq(f->period, "TTM"));
    earnings_doc_free(d);
}

static void test_respectively_and_outlook_periods(void)
{
    /* `GAAP and non-GAAP ... X and Y, respectively`: X reported, Y
     * adjusted; an outlook after one that named its quarter, in the same
     * paragraph, is of that quarter */
    earnings_doc *d = parse("NVIDIA third quarter fiscal 2026 results. GAAP and non-GAAP gross margins were 73.4% "
                            "and 73.6%, respectively.\n\nOutlook for the fourth quarter of fiscal 2026: revenue is "
                            "expected to be $65.0 billion. Gross margin is expected to be 75.0%.\n\n"
                            "Over time we expect gross margin of 76.0%.");
    const earnings_fact *f = MUST_FACT(d, "73.4%");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "73.6%");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    f = MUST_FACT(d, "75.0%");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    CU_ASSERT(eq(f->period, "2026Q4"));
    CU_ASSERT_TRUE(f->period_inferred);
    f = MUST_FACT(d, "76.0%");
    CU_ASSERT_PTR_NULL(f->period); /* another paragraph */
    earnings_doc_free(d);
}

/* The noun a count counts names its metric; a regulator that names a
 * settlement is not the payer; a rank is not a count. */
static void test_counted_nouns_and_ranks(void)
{
    earnings_doc *d = parse("Microsoft Q3 2025. Azure now has 60+ edge locations. Microsoft recorded the $1.2B "
                            "FTC settlement. Microsoft is one of the top three clouds and serves 400 cities.");
    const earnings_fact *f = MUST_FACT(d, "60+ edge locations");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:edge-locations");
    f = MUST_FACT(d, "$1.2B");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:legal-settlement");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:microsoft");
    CU_ASSERT_PTR_NULL(fact_of(d, "three clouds"));
    CU_ASSERT_PTR_NULL(fact_of(d, "three"));
    f = MUST_FACT(d, "400 cities");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:cities-served");
    earnings_doc_free(d);
}

/* A note on several companies: `公司` and a sentence opening with a metric
 * belong to the company the line is about, and another company's later
 * quarter is its report, not an outlook. */
static void test_several_companies(void)
{
    earnings_doc *d = parse("阿里巴巴集团公布2025年第二季度业绩。本季度收入为2477亿元。\n"
                            "腾讯控股第三季度营收1928.7亿元，同比增长15%；净利润为631亿元。\n"
                            "比亚迪预计全年销量约460万辆。公司资本开支约为120亿元。\n");
    const earnings_fact *f = MUST_FACT(d, "2477亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:alibaba");
    f = MUST_FACT(d, "1928.7亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:tencent");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "631亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:tencent");
    CU_ASSERT(eq(f->period, "2025Q3")); /* the quarter its company's last fact stated */
    CU_ASSERT_TRUE(f->period_inferred);
    f = MUST_FACT(d, "约为120亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:byd");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:capex");
    earnings_doc_free(d);
    /* a segment opening its own clause takes over from the previous fact's;
     * 占…的 N% is a share; a streak of quarters is no count */
    d = parse("苹果公司第四财季业绩。iPhone收入为490亿美元，服务业务收入创下历史新高，达到288亿美元。"
              "服务业务占总收入的近30%，连续九个季度保持增长。Services revenue grew for eight consecutive quarters.");
    f = MUST_FACT(d, "288亿美元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:services");
    f = MUST_FACT(d, "近30%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue-share");
    CU_ASSERT_PTR_NULL(fact_of(d, "九个季度"));
    CU_ASSERT_PTR_NULL(fact_of(d, "eight consecutive quarters"));
    earnings_doc_free(d);
    /* 净收入 is net revenues; a consensus (市场预期) is an estimate */
    d = parse("京东集团2025年第三季度净收入达到2991亿元。拼多多第三季度营收1082.8亿元，低于市场预期的1103亿元。");
    f = MUST_FACT(d, "2991亿元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    f = MUST_FACT(d, "1103亿元");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    earnings_doc_free(d);
}

/* Counts named by the verb or noun next to them; counts that are not facts. */
static void test_context_counts(void)
{
    earnings_doc *d = parse("Google Q3 2025. The Gemini SDK has been downloaded over 2 million times. "
                            "Developers saved 40,000 hours with Gemini. Gemini users streamed nearly 5 million "
                            "minutes. Operating income included two special charges. Gemini did the work "
                            "equivalent to the workload of 120 engineers. Gemini answers three times faster.");
    const earnings_fact *f = MUST_FACT(d, "over 2 million times");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:sdk-downloads");
    f = MUST_FACT(d, "40,000 hours");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:hours-saved");
    f = MUST_FACT(d, "nearly 5 million minutes");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:playback-minutes");
    CU_ASSERT_PTR_NULL(fact_of(d, "two special charges"));
    CU_ASSERT_PTR_NULL(fact_of(d, "120 engineers"));
    earnings_doc_free(d);
    /* `this button` points back at the product the sentence before launched */
    d = parse("Retail Q3 2025. The retail team launched the \"Quick Add\" button for customers. "
              "Since its launch, this button has been used over 80 million times.");
    f = MUST_FACT(d, "over 80 million times");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "product:quick-add");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:usage");
    earnings_doc_free(d);
    /* a basis-point currency effect; a change of the growth rate just stated */
    d = parse("Google Q3 2025. Revenue was $102.3 billion, up 16% after excluding a 40 basis point "
              "currency effect. Google Cloud revenue grew 34%. This represents a 200 basis point acceleration "
              "from the prior quarter.");
    f = MUST_FACT(d, "40 basis point");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:fx-impact");
    f = MUST_FACT(d, "200 basis point");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue-growth");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:google-cloud");
    earnings_doc_free(d);
    /* a percent of a revenue mention a few words on is a share of revenue */
    d = parse("Google Q3 2025. Third-party partners accounted for 31% of global product sales.");
    f = MUST_FACT(d, "31%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue-share");
    earnings_doc_free(d);
    /* the one named before `and other`; a quoted statement carries no
     * subject; money returned to shareholders; the line's company over
     * the heading's */
    d = parse("Microsoft Reports Q1 2026 Results\n\nAzure and other cloud services revenue growth of 40%.\n"
              "Microsoft returned $10.7 billion to shareholders.\n\"Our cloud is growing,\" said the CEO.\n"
              "We expect revenue of $79.5 billion to $80.6 billion.\n"
              "Meta expects capex to rise. Capital expenditures were $19.37 billion.\n");
    f = MUST_FACT(d, "40%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "product:azure");
    f = MUST_FACT(d, "$10.7 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:capital-returned");
    f = MUST_FACT(d, "$79.5 billion to $80.6 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:microsoft");
    f = MUST_FACT(d, "$19.37 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:meta");
    earnings_doc_free(d);
    /* a sentence whose subject is a metric, after `GAAP and non-GAAP` or a
     * lead-in phrase, carries no segment from before */
    d = parse("NVIDIA Q3 FY2026 results\n\nData Center revenue was $51.2 billion, up 25%.\n"
              "GAAP and non-GAAP gross margins were 73.4% and 73.6%, respectively.\n"
              "For the fourth quarter of fiscal 2026, revenue is expected to be $65.0 billion.\n");
    f = MUST_FACT(d, "73.4%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:nvidia");
    f = MUST_FACT(d, "$65.0 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:nvidia");
    earnings_doc_free(d);
    /* bank and retail metrics; a return on equity is a level */
    d = parse("JPMorgan Chase Q3 2025 results\n\nNet interest income was $24.1 billion, up 2%. Provision for "
              "credit losses was $3.4 billion. CET1 ratio of 14.8%. Return on tangible common equity was 23%. "
              "Comparable sales increased 4.5%.\n");
    f = MUST_FACT(d, "$24.1 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-interest-income");
    f = MUST_FACT(d, "$3.4 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:credit-loss-provision");
    f = MUST_FACT(d, "14.8%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:cet1-ratio");
    f = MUST_FACT(d, "23%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:rotce");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    f = MUST_FACT(d, "4.5%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:comparable-sales");
    earnings_doc_free(d);
    d = parse("招商银行2025年第三季度业绩。净利息收入为1612亿元。净息差为1.68%，不良贷款率为0.94%。");
    f = MUST_FACT(d, "1612亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:cmb");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-interest-income");
    f = MUST_FACT(d, "0.94%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:npl-ratio");
    earnings_doc_free(d);
    /* an estimate verb opening the sentence governs its later clauses; a
     * price target is never a product's */
    d = parse("Apple Q4 FY25 preview\n\nWe model iPhone revenue of $50.1 billion, up 6% y/y, and Services "
              "revenue of $28.0 billion, up 14%. We raise our price target to $270 from $245.\n");
    f = MUST_FACT(d, "$28.0 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    f = MUST_FACT(d, "$245");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:apple");
    earnings_doc_free(d);
    /* a broker's price target is on the covered company */
    d = parse("Tesla Q3 2025 results\n\nMorgan Stanley raised its price target to $410. "
              "Goldman Sachs set a price target on Apple of $300.\n");
    f = MUST_FACT(d, "$410");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:tesla");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_TARGET);
    f = MUST_FACT(d, "$300");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:apple");
    earnings_doc_free(d);
    /* a generic cost takes the metric of what it relates to */
    d = parse("Google Q3 2025. Excluding the $3.5 billion in charges related to the European Commission legal "
              "settlement, operating income rose.");
    f = MUST_FACT(d, "$3.5 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:legal-settlement");
    CU_ASSERT_STRING_EQUAL(f->metric_name, "Legal Settlement");
    earnings_doc_free(d);
    /* a duration before what it measures; reach; lines of code */
    d = parse("Google Q3 2025. Google cut to a 3-day inbound lead time. YouTube helped advertisers reach over "
              "150 million viewers. Gemini helped developers analyze 2 billion lines of code.");
    f = MUST_FACT(d, "3-day");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:inbound-lead-time");
    f = MUST_FACT(d, "over 150 million viewers");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:ad-reach");
    f = MUST_FACT(d, "2 billion lines");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:lines-of-code-analyzed");
    earnings_doc_free(d);
    /* a duration with nothing named stays a figure */
    d = parse("Google Q3 2025. Google Cloud revenue was $15.2 billion. The review took 40 hours.");
    CU_ASSERT_PTR_NULL(fact_of(d, "40 hours"));
    earnings_doc_free(d);
}

static void test_general_metrics(void)
{
    /* general metrics of other companies' releases: an operating loss is
     * not an income, a non-cash charge is not cash, tax rates and ad
     * impressions have their own metrics */
    earnings_doc *d = parse("Meta Q3 2025 results. Reality Labs operating loss was $4.4 billion. Ad impressions "
                            "increased 14 percent. Our tax rate was 87%, reflecting a one-time non-cash charge of "
                            "$15.93 billion.");
    const earnings_fact *f = MUST_FACT(d, "$4.4 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:operating-loss");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:reality-labs");
    f = MUST_FACT(d, "14 percent");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:ad-impressions");
    f = MUST_FACT(d, "87%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:tax-rate");
    f = MUST_FACT(d, "$15.93 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:special-charges");
    earnings_doc_free(d);
}

static void test_appositive_amounts(void)
{
    /* `The first charge, $X, relates to <metric>`: the amount is of what it
     * relates to */
    earnings_doc *d = parse("Intel Q3 2025 results. Two charges lowered operating income. The first charge, "
                            "$1.1 billion, relates to severance for the restructuring. The second charge, "
                            "$0.4 billion, was for a legal settlement.");
    const earnings_fact *f = MUST_FACT(d, "$1.1 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:severance-costs");
    f = MUST_FACT(d, "$0.4 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:legal-settlement");
    earnings_doc_free(d);
}

static void test_year_ago_levels(void)
{
    /* a level stated for a year before is of that quarter, not the
     * document's; a growth `from a year ago` stays the document's */
    earnings_doc *d = parse("Apple fiscal 2025 fourth quarter results. iPhone revenue was $49.0 billion, compared "
                            "with $46.2 billion in the year-ago quarter, up 6 percent from a year ago. Mac revenue "
                            "was $8.7 billion.");
    const earnings_fact *f = MUST_FACT(d, "$46.2 billion");
    CU_ASSERT(eq(f->period, "2024Q4"));
    CU_ASSERT_STRING_EQUAL(f->entity_id, "product:iphone");
    f = MUST_FACT(d, "6 percent");
    CU_ASSERT(eq(f->period, "2025Q4"));
    f = MUST_FACT(d, "$8.7 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "product:mac");
    earnings_doc_free(d);
    d = parse("京东集团2025年第三季度业绩。净利润为53亿元，去年同期为46亿元。");
    f = MUST_FACT(d, "46亿元");
    CU_ASSERT(eq(f->period, "2024Q3"));
    earnings_doc_free(d);
}

static void test_company_subject(void)
{
    /* a sentence whose subject is the company itself does not carry the
     * segment of the sentence before */
    earnings_doc *d = parse("Amazon Q3 2025 results. AWS revenue grew 20% to $33.0 billion. The company expects "
                            "revenue of $206 billion to $213 billion in Q4 2025. 公司预计资本支出约为1250亿美元。");
    const earnings_fact *f = MUST_FACT(d, "$206 billion to $213 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:amazon");
    f = MUST_FACT(d, "约为1250亿美元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:amazon");
    earnings_doc_free(d);
    /* the full year of a third-quarter call is still to come */
    d = parse("Amazon Q3 2025 results. CFO Brian Olsavsky said full-year capital expenditures are about $125 billion. "
              "Full-year 2024 capital expenditures were $83 billion.");
    f = MUST_FACT(d, "about $125 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    f = MUST_FACT(d, "$83 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    earnings_doc_free(d);
}

static void test_analyst_note_terms(void)
{
    /* price targets, consensus and assumptions in an analyst's note;
     * vehicles delivered; an item excluded between a metric and its value */
    earnings_doc *d = parse("Tesla Q3 2025 analyst note. Price target: $310. Tesla delivered 497,099 vehicles, "
                            "ahead of consensus of 443,000. Automotive gross margin excluding regulatory credits "
                            "was 15.4%. Consensus expects EPS of $1.75 for 2026. Our base case assumes a gross "
                            "margin of about 17% in 2026.");
    const earnings_fact *f = MUST_FACT(d, "$310");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:price-target");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_TARGET);
    f = MUST_FACT(d, "497,099 vehicles");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:deliveries");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "15.4%");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    CU_ASSERT(eq(f->basis_detail, "regulatory credits"));
    f = MUST_FACT(d, "$1.75");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    f = MUST_FACT(d, "about 17%");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    earnings_doc_free(d);
    /* a period between two values is the later one's when the first has
     * its own before it */
    d = parse("Tesla Q3 2025 analyst note. We estimate Q4 2025 deliveries of 440,000 and model FY2026 revenue "
              "of $112 billion.");
    f = MUST_FACT(d, "440,000");
    CU_ASSERT(eq(f->period, "2025Q4"));
    f = MUST_FACT(d, "$112 billion");
    CU_ASSERT(eq(f->period, "2026FY"));
    earnings_doc_free(d);
}

static void test_per_share_and_revenue_share(void)
{
    /* `$X, or $Y per diluted share` is earnings per share; `N% of total
     * revenue` a share of revenue; AMD's segments */
    earnings_doc *d = parse("AMD third quarter 2025 results. Net income was $1.2 billion, or $0.75 per diluted share. "
                            "Data Center segment revenue increased 22% to $4.3 billion, representing 47% of total "
                            "revenue. Embedded segment revenue declined 8% to $857 million.");
    const earnings_fact *f = MUST_FACT(d, "$0.75");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:eps");
    f = MUST_FACT(d, "47%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue-share");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    f = MUST_FACT(d, "$857 million");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:embedded");
    earnings_doc_free(d);
}

static void test_hosts_and_topics(void)
{
    /* chips are counted in the project or cluster that runs them, also
     * when it was named sentences before; `the number of <noun>` names
     * the count of a bare number */
    earnings_doc *d = parse("Amazon Q3 2025 results. Last month we opened Project Rainier to more customers. "
                            "OpenAI trains its models on 400,000 GPUs, and we expect the number of "
                            "Trainium chips used by OpenAI to exceed 700,000 next year.");
    const earnings_fact *f = MUST_FACT(d, "400,000 GPUs");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:chips-deployed");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "product:project-rainier");
    f = MUST_FACT(d, "700,000");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:chips-deployed");
    CU_ASSERT(eq(f->unit, "chip"));
    CU_ASSERT_EQUAL(f->qualifier, EARNINGS_QUALIFIER_OVER); /* `to exceed` */
    earnings_doc_free(d);
    /* with no project in the paragraph, the chips stay with the subject */
    d = parse("Microsoft Q3 2025 results.\n\nOpenAI trains its models on 400,000 GPUs.");
    f = MUST_FACT(d, "400,000 GPUs");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:openai");
    earnings_doc_free(d);
    /* a segment contrasted in lower case after `while` */
    d = parse("Sony Q3 2025 results. North America revenue rose 5%, while international declined 3%.");
    f = MUST_FACT(d, "3%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:international");
    CU_ASSERT(f->value < 0);
    earnings_doc_free(d);
    /* a fronted topic takes over from the carried subject */
    d = parse("Amazon Q3 2025 results. With Netflix, advertisers reach 90 million monthly viewers; "
              "with Roku, brands reach 80 million monthly viewers.");
    f = MUST_FACT(d, "80 million monthly viewers");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:roku");
    earnings_doc_free(d);
    /* the metric a figure is `of` wins over a noun after it; an estimated
     * charge is a reported accrual; `at least another` is a lower bound */
    d = parse("Microsoft Q3 2025 results. The quarter included estimated severance costs of $0.9 billion. "
              "We expect capital expenditures of about $80 billion in cash for the full year, and to add "
              "at least another 2 gigawatts of capacity.");
    f = MUST_FACT(d, "$0.9 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "about $80 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:capex");
    f = fact_of(d, "2 gigawatts"); /* the span leaves `at least another` out */
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->qualifier, EARNINGS_QUALIFIER_AT_LEAST);
    earnings_doc_free(d);
    /* robots are the company's even where a segment is named; a bare
     * number takes the counted noun of its metric mention */
    d = parse("Microsoft Q3 2025 results. Azure automation now runs 20,000 robots. "
              "Satellite count expanded to over 150.");
    f = MUST_FACT(d, "20,000 robots");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:microsoft");
    f = MUST_FACT(d, "over 150");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:satellites");
    CU_ASSERT(eq(f->unit, "satellite"));
    earnings_doc_free(d);
    /* a figure opening a parenthesis is the value of the metric before it,
     * not of its own counted noun; a duration there is not */
    d = parse("Microsoft Q3 2025 results. Robotics deployment (over 30,000 units) is driving productivity. "
              "Added capacity (12M) was strong.");
    f = MUST_FACT(d, "over 30,000 units");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:robots-deployed");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:microsoft");
    CU_ASSERT_PTR_NULL(fact_of(d, "12M"));
    earnings_doc_free(d);
    /* points of a ratio are percentage points; a segment carried from the
     * sentence before does not own company-wide capital spending */
    d = parse("Microsoft Q1 2026 results. Gross margin percentage decreased about 2 points to 69%. "
              "Commercial remaining performance obligation increased 51% to $392 billion.");
    f = MUST_FACT(d, "about 2 points");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_CHANGE);
    CU_ASSERT(eq(f->unit, "pp"));
    CU_ASSERT(f->value < 0);
    f = MUST_FACT(d, "$392 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:backlog");
    earnings_doc_free(d);
    /* a sentence opening with a basis word and its metric takes no carried
     * subject; a tolerance is no fact; a company-wide figure after a
     * product's sentence is the paragraph's company's */
    d = parse("NVIDIA Q3 FY2026 results.\n\nGaming revenue was $4.3 billion. GAAP gross margin was 73.4%. "
              "Revenue is expected to be $65.0 billion, plus or minus 2%.\n\n"
              "Apple reported revenue of $102.5 billion. iPhone revenue was $49.0 billion. "
              "The board declared a cash dividend of $0.26 per share.");
    f = MUST_FACT(d, "73.4%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:nvidia");
    CU_ASSERT_PTR_NULL(fact_of(d, "2%"));
    f = MUST_FACT(d, "$0.26");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:dividend");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:apple");
    earnings_doc_free(d);
    /* general segments and operating metrics of Chinese reports */
    d = parse("小米集团2025年第三季度业绩。智能手机业务收入为460亿元，全球出货量约4330万台。"
              "研发投入为91亿元，同比增长52.1%。我们预计全年交付量将超过40万辆。");
    f = MUST_FACT(d, "460亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:smartphones");
    f = MUST_FACT(d, "约4330万台");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:shipments");
    f = MUST_FACT(d, "52.1%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:rd-expenses");
    f = MUST_FACT(d, "超过40万辆");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:deliveries");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
    d = parse("腾讯控股2025年第三季度业绩。金融科技及企业服务收入同比增长10%至582亿元。期内资本开支为130亿元。");
    f = MUST_FACT(d, "130亿元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:capex");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:tencent");
    earnings_doc_free(d);
}

/* A change and the level it reached in one clause; fiscal periods in Chinese */
static void test_change_then_level(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    d = parse("Northwind Corp reported third-quarter 2025 results. Revenue increased $2 billion to $30 billion. "
              "Operating income fell $500 million to $1.2 billion.");
    f = MUST_FACT(d, "$2 billion");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_CHANGE);
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    f = MUST_FACT(d, "$30 billion");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    f = MUST_FACT(d, "$500 million");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_CHANGE);
    CU_ASSERT(f->value < 0);
    f = MUST_FACT(d, "$1.2 billion");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:operating-income");
    earnings_doc_free(d);
    d = parse("恒信集團公佈2025年中期業績\n本集團收入為港幣152.3億元，較去年同期增長8.6%。每股基本盈利為港幣1.08元。");
    f = MUST_FACT(d, "港幣152.3億元");
    CU_ASSERT_STRING_EQUAL(f->unit, "HKD");
    CU_ASSERT_STRING_EQUAL(f->period, "2025H1");
    CU_ASSERT_STRING_EQUAL(f->entity_name, "恒信集团"); /* (read as Simplified by default) */
    f = MUST_FACT(d, "港幣1.08元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:eps");
    earnings_doc_free(d);
    d = parse("华远电器2025财年第二财季业绩。营业收入为38亿元，同比增长12%。");
    f = MUST_FACT(d, "38亿元");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q2");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    earnings_doc_free(d);
}

/* Calls and notes: a group's threshold and the count's change, a change of
 * the growth rate, the value before a revised forecast */
static void test_call_and_note_forms(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    d = parse("Lakeshore Software Q2 Fiscal 2026 Earnings Call. We ended the quarter with 4,150 customers "
              "contributing more than $100,000 in annual recurring revenue, up 19%. Cloud revenue grew 38%, "
              "accelerating 2 points from last quarter. Gross margin improved 2 points to 45%.");
    CU_ASSERT_PTR_NULL(fact_of(d, "more than $100,000"));
    f = MUST_FACT(d, "19%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:customers");
    f = MUST_FACT(d, "2 points");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue-growth");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_CHANGE);
    CU_ASSERT_STRING_EQUAL(f->unit, "pp");
    earnings_doc_free(d);
    d = parse("Granite Cloud Q3 2025 Earnings Call. We expect capital expenditures of roughly $15 billion next year. "
              "We expect revenue growth of about 8% next quarter. 公司预计明年资本开支约为150亿元。");
    f = MUST_FACT(d, "roughly $15 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    f = MUST_FACT(d, "about 8%");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q4");
    f = MUST_FACT(d, "约为150亿元");
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    earnings_doc_free(d);
    d = parse("星河科技2025年第三季度业绩。云服务增速为38%，环比加速2个百分点。");
    f = MUST_FACT(d, "2个百分点");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue-growth");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_QOQ);
    earnings_doc_free(d);
    d = parse("Harbor Corp Q3 2025 results. We raise our 2026 EPS estimate to $4.10 (from $3.95). "
              "我们上调Harbor Corp 2026年营收预测至205亿美元（原为201亿美元）。");
    f = MUST_FACT(d, "$3.95");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f->period);
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    const earnings_fact *g = fact_of(d, "205亿美元");
    f = MUST_FACT(d, "201亿美元");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_NOT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    CU_ASSERT_EQUAL(f->basis, g->basis);
    earnings_doc_free(d);
}

/* Wire stories: profit, an aside between a metric and its verb, analysts'
 * average, a short form of the company's name, fees; a headline's subject
 * and a dateline's agency */
static void test_wire_story_forms(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    d = parse("Harbor Freightways profit rises\n\nNEW YORK, Oct 14 - Revenue rose 5% to $20 billion in the third "
              "quarter of 2025.");
    f = MUST_FACT(d, "$20 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_name, "Harbor Freightways");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    earnings_doc_free(d);
    d = parse("远航汽车三季度净利润同比增长超三成\n\n财联社11月18日电，远航汽车（09866.HK）今日公布2025年第三季度财报。"
              "财报显示，公司三季度实现营收约312亿元，同比增长25.4%。");
    f = MUST_FACT(d, "约312亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_name, "远航汽车");
    earnings_doc_free(d);
    d = parse("Pinecrest Bank profit beats estimates\n\n"
              "Pinecrest Bank Corp said on Tuesday its third-quarter 2025 profit rose 18%. Analysts on average "
              "had expected $1.21 per share. Net interest income, the difference between what a bank earns on "
              "loans and pays on deposits, rose 6% to $14.2 billion. Investment banking fees increased 31% to "
              "$2.1 billion. Pinecrest raised its forecast for full-year net interest income to about $57 billion.");
    f = MUST_FACT(d, "18%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    f = MUST_FACT(d, "$1.21");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    f = MUST_FACT(d, "6%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-interest-income");
    f = MUST_FACT(d, "$14.2 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-interest-income");
    f = MUST_FACT(d, "$2.1 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:fees");
    f = MUST_FACT(d, "about $57 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:pinecrest-bank");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
    /* a baseline with no period of its own is the year-ago period's; one
     * with its own cue keeps it */
    d = parse("Corvid Instruments third-quarter 2025 profit rises\n\n(Reuters) - Corvid Instruments said on "
              "Tuesday revenue rose 8% to $5.1 billion from $4.7 billion. Adjusted EPS was $2.11, up from $1.80. "
              "Net income fell to $610 million from $655 million last quarter.");
    f = MUST_FACT(d, "$4.7 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    CU_ASSERT_EQUAL(f->period_inferred, 1);
    f = MUST_FACT(d, "$5.1 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    f = MUST_FACT(d, "$1.80");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    f = MUST_FACT(d, "$655 million");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q2");
    earnings_doc_free(d);
}

/* A value measured against others' expectations: the value is reported,
 * the benchmark an estimate of the same period; a measure's ratio to
 * revenue is its margin; per-share names */
static void test_benchmarks_and_ratios(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    d = parse("Quillon Pumps Reports Second Quarter 2025 Results\n\n"
              "Sales of $812 million came in below expectations of $830 million, while adjusted EPS of $1.44 "
              "topped the consensus estimate of $1.38. Segment profit was $96 million, or 11.8% of sales. "
              "Free cash flow reached $64 million, a margin of 7.9%. Marketing expenses were 9.2% of sales. "
              "Net income per share was $1.21; net loss per diluted share a year ago was $0.12. "
              "Services accounted for 31% of total sales.");
    f = MUST_FACT(d, "$812 million");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q2");
    f = MUST_FACT(d, "$830 million");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f->period);
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q2");
    f = MUST_FACT(d, "$1.44");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    f = MUST_FACT(d, "$1.38");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f->period);
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q2");
    f = MUST_FACT(d, "7.9%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:fcf-margin");
    f = MUST_FACT(d, "9.2%");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    CU_ASSERT_PTR_NOT_NULL(strstr(f->metric_id, "-to-revenue"));
    f = MUST_FACT(d, "$1.21");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:eps");
    f = MUST_FACT(d, "$0.12");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:loss-per-share");
    f = MUST_FACT(d, "31%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue-share");
    earnings_doc_free(d);
    d = parse("Quillon Pumps Inc. said operating income was $52.0 million, or 11.4% of revenue, and net income was $30.1 million, "
              "representing 6.6% of net sales.");
    f = MUST_FACT(d, "11.4%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:operating-margin");
    f = MUST_FACT(d, "6.6%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-margin");
    earnings_doc_free(d);
}

/* A broker's note: its outlooks are the analyst's estimates unless the
 * company's guidance is named; benchmarks of a reported value; valuation
 * multiples; a replaced price target has no year-ago period */
static void test_research_notes(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    d = parse("Brightwell Securities | Equity Research\nOrlen Robotics (ORLR): Reiterate Overweight, PT to $96\n\n"
              "Orlen Robotics reported Q2 2025 revenue of $515 million, ahead of our $498 million estimate and "
              "consensus of $502 million. Adjusted EPS of $0.88 beat our $0.80 forecast. Management raised FY25 "
              "revenue guidance to $2.05-2.09 billion. FY26 EPS moves to $4.10. Our price target rises to $96 from "
              "$88, based on 22x our FY26 EPS estimate.");
    f = MUST_FACT(d, "$515 million");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "$498 million");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    f = MUST_FACT(d, "$502 million");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    f = MUST_FACT(d, "$0.80");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f->period);
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q2");
    f = MUST_FACT(d, "$2.05-2.09 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    f = MUST_FACT(d, "$4.10");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    f = MUST_FACT(d, "$88");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_TARGET);
    CU_ASSERT_PTR_NULL(f->period);
    f = MUST_FACT(d, "22x");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:pe-ratio");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    earnings_doc_free(d);
    /* a credit rating does not make a company's report a note */
    d = parse("海川能源2025年第三季度报告。公司获得AAA信用评级。公司预计全年营收将达到500亿元。");
    f = MUST_FACT(d, "500亿元");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
    /* a company's release: its outlook stays guidance, and `outperformance`
     * does not make it a note */
    d = parse("Orlen Robotics Reports Second Quarter 2025 Results\n\nOrlen Robotics said its product "
              "outperformance continued. The company expects revenue of $540 million in the third quarter.");
    f = MUST_FACT(d, "$540 million");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
}

/* Balances against an earlier date (no year-over-year comparison, or a
 * sequential one), amounts after a verb of change are changes, a sentence
 * opening with 其中 breaks down the one before and keeps its period */
static void test_balances_and_breakdowns(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    d = parse("青岩农商银行发布2025年三季度报告。截至9月末，资产总额达到3862.3亿元，较年初增长6.4%；各项贷款余额1915.6亿元，"
              "较年初增加114.8亿元。前三季度，青岩农商银行实现营业收入78.7亿元，同比增长2.1%。其中，利息净收入61.4亿元，"
              "同比下降1.5%。拨备覆盖率为302.45%，较上半年末提升3.2个百分点。资本充足率为13.86%。"
              "前三季度经营活动产生的现金流量净额为5.14亿元，上年同期为-1.17亿元。第三季度净息差为1.68%，较第二季度提升0.6个百分点。");
    f = MUST_FACT(d, "6.4%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:total-assets");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_NONE);
    f = MUST_FACT(d, "114.8亿元");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_CHANGE);
    f = MUST_FACT(d, "61.4亿元");
    CU_ASSERT_STRING_EQUAL(f->period, "2025YTD");
    f = MUST_FACT(d, "3.2个百分点");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_QOQ);
    f = MUST_FACT(d, "13.86%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:capital-adequacy-ratio");
    f = MUST_FACT(d, "0.6个百分点");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_QOQ); /* 较第二季度 in a Q3 report */
    f = MUST_FACT(d, "-1.17亿元");
    CU_ASSERT_STRING_EQUAL(f->period, "2024YTD"); /* a year before the value it is set against */
    earnings_doc_free(d);
    d = parse("Harrow Mills Reports Third Quarter 2025 Results\n\nRevenue rose $2 billion to $30 billion. "
              "Net sales rose to $12 billion.");
    f = MUST_FACT(d, "$2 billion");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_CHANGE);
    f = MUST_FACT(d, "$12 billion");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    earnings_doc_free(d);
}

/* The stock's moves are not results; year-ago wordings; a baseline quarter
 * after `compared to the`; an estimate named right before its value keeps
 * the estimate basis under a sentence's `Excluding items` */
static void test_moves_and_baselines(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    d = parse("Wexford Brands Reports Third Quarter 2025 Results\n\nWexford Brands Inc. said revenue missed "
              "estimates, sending its shares down 7% in extended trading. Revenue of $2.2 billion was an increase "
              "of 6% compared to the third quarter of 2024. Net income was $140 million, compared to $120 million "
              "in the prior-year period. Excluding items, Wexford earned 91 cents per share, below expectations "
              "of 95 cents. Volumes declined 3%. Diluted shares outstanding fell 2%. The stock has gained 12% "
              "this year. 公司盘后股价上涨6.3%。 Stock-based compensation rose 4.5%.");
    CU_ASSERT_PTR_NULL(fact_of(d, "7%"));
    CU_ASSERT_PTR_NULL(fact_of(d, "12%"));
    CU_ASSERT_PTR_NULL(fact_of(d, "6.3%"));
    f = MUST_FACT(d, "4.5%"); /* (stock-based compensation is a measure) */
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:stock-based-compensation");
    f = MUST_FACT(d, "6%");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_YOY);
    f = MUST_FACT(d, "$120 million");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    f = MUST_FACT(d, "91 cents");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    f = MUST_FACT(d, "95 cents");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    f = MUST_FACT(d, "3%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:volume");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_GROWTH);
    f = MUST_FACT(d, "2%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:shares-outstanding");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_GROWTH);
    earnings_doc_free(d);
    /* `flat to a 1% decline`: the range from no change to the value */
    d = parse("Pinecrest Foods Reports Third Quarter 2025 Results\n\nThe previous forecast was for organic sales "
              "growth of flat to a 1% decline. Volume should be flat to a 2% increase.");
    f = MUST_FACT(d, "1%");
    CU_ASSERT_EQUAL(f->is_range, 1);
    CU_ASSERT_DOUBLE_EQUAL(f->low, -1, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(f->high, 0, 1e-9);
    f = MUST_FACT(d, "2%");
    CU_ASSERT_DOUBLE_EQUAL(f->low, 0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(f->high, 2, 1e-9);
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
    /* both values of `from $3.30 to $3.40` are of the measure */
    d = parse("Pinecrest Foods Reports Third Quarter 2025 Results\n\nIt lowered its full-year adjusted profit "
              "forecast to a range of $3.05 to $3.15 per share, from $3.30 to $3.40 earlier.");
    f = MUST_FACT(d, "$3.40");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:eps");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
    /* a quarter of last year; a capital budget; a unit cost for next year */
    d = parse("Halvorsen Energy Q3 2025 Earnings Call\n\nRealized oil prices were $71.40 per barrel, compared with "
              "$78.90 in the third quarter of last year. We are lowering our capital budget to $5.6 billion. Lease "
              "operating expense was $9.85 per barrel, and we see it trending toward $9.50 next year. 去年第三季度"
              "净利润为5.2亿元。");
    f = MUST_FACT(d, "$78.90");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    f = MUST_FACT(d, "$5.6 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:capex");
    f = MUST_FACT(d, "$9.50");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:unit-cost");
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    f = MUST_FACT(d, "5.2亿元");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    earnings_doc_free(d);
    /* a balance as of a quarter's last day is that quarter's */
    d = parse("Corrick Stores Reports Fourth Quarter 2025 Results\n\nAs of September 30, 2025, cash and cash "
              "equivalents were $5.1 billion. Total debt was $2.0 billion as of June 30, 2025. Inventory was "
              "$900 million as of November 15, 2025.");
    f = MUST_FACT(d, "$5.1 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    CU_ASSERT_EQUAL(f->period_inferred, 0);
    f = MUST_FACT(d, "$2.0 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q2");
    f = MUST_FACT(d, "$900 million");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q4"); /* (not a quarter's end: the document's) */
    earnings_doc_free(d);
    /* leverage, not a valuation; traffic, not comparable sales */
    d = parse("Corrick Stores Reports Fourth Quarter 2025 Results\n\nNet debt was $3.4 billion, or 2.1 times EBITDA. "
              "Same-store sales rose 3.2%, while traffic fell 1.1%.");
    f = MUST_FACT(d, "2.1 times");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:leverage-ratio");
    f = MUST_FACT(d, "$3.4 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-debt");
    f = MUST_FACT(d, "1.1%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:traffic");
    CU_ASSERT(f->value < 0);
    earnings_doc_free(d);
    /* a trailing clause that names only the baseline's period */
    d = parse("Ashgrove Bancorp (NYSE: ASB) today reported net income of $486 million, or $1.63 per diluted share, "
              "for the third quarter of 2025, compared with $431 million, or $1.44 per diluted share, for the third "
              "quarter of 2024.");
    f = MUST_FACT(d, "$486 million");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    f = MUST_FACT(d, "$431 million");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    CU_ASSERT_EQUAL(f->period_inferred, 0);
    f = MUST_FACT(d, "$1.44");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    earnings_doc_free(d);
}

/* A news dateline's agency is not the company; the company named after it
 * (before 晚间公布) is; a profit measure's loss is a negative level */
static void test_dateline_reports(void)
{
    earnings_doc *d = parse("财联社10月29日电，岭泉锂电晚间公布三季报，公司第三季度实现营收26.8亿元，同比下降10.4%；"
                            "归母净利润亏损1.15亿元。");
    const earnings_fact *f = MUST_FACT(d, "26.8亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_name, "岭泉锂电");
    f = MUST_FACT(d, "1.15亿元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    CU_ASSERT(f->value < 0);
    CU_ASSERT_STRING_EQUAL(f->entity_name, "岭泉锂电");
    earnings_doc_free(d);
}

/* A segment word in an appositive that describes the company; the months a
 * period ends; a per-share dividend carries its own metric */
static void test_wire_appositives(void)
{
    earnings_doc *d = parse("Jadeport Holdings posts interim profit jump\n\nHONG KONG, Aug 21 (Reuters) - Jadeport "
                            "Holdings, the Hong Kong-listed logistics operator, said on Thursday its first-half net "
                            "profit rose 18% to HK$3.2 billion. Revenue for the six months ended June 30 climbed 9% "
                            "to HK$21.4 billion, while the company declared an interim dividend of HK$0.35 per share, "
                            "up from HK$0.30 a year earlier.");
    const earnings_fact *f = MUST_FACT(d, "HK$3.2 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_name, "Jadeport Holdings");
    CU_ASSERT_PTR_NULL(fact_of(d, "six months"));
    f = MUST_FACT(d, "HK$0.30");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:dividend");
    earnings_doc_free(d);
}

/* An outlook announced with its period in the sentence before; a title
 * verb that raises the outlook ends the company's name; an outlook verb
 * nearer the value than a target word */
static void test_outlook_leads(void)
{
    earnings_doc *d = parse("Orvane Health Raises 2025 Outlook\n\nOrvane Health Inc. (NYSE: ORV) raised its full-year "
                            "2025 guidance. The company now expects revenue of $14.6 billion to $14.8 billion. "
                            "Adjusted EPS is now expected to be $7.55 to $7.65. Orvane reaffirmed its operating margin "
                            "target of 15% to 16% and expects free cash flow of at least $1.9 billion.");
    const earnings_fact *f = MUST_FACT(d, "$14.6 billion to $14.8 billion");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f->period);
    CU_ASSERT_STRING_EQUAL(f->period, "2025FY");
    CU_ASSERT_STRING_EQUAL(f->entity_name, "Orvane Health Inc.");
    f = MUST_FACT(d, "$7.55 to $7.65");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f->period);
    CU_ASSERT_STRING_EQUAL(f->period, "2025FY");
    f = MUST_FACT(d, "at least $1.9 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
}

/* Insurers' measures; a balance as of a quarter's last day named without
 * the year is the document year's */
static void test_insurer_reports(void)
{
    earnings_doc *d = parse("澄江保险2025年前三季度业绩\n\n前三季度实现原保险保费收入2,215.6亿元，同比增长5.2%。"
                            "截至9月30日，综合偿付能力充足率为195%。前三季度，公司总投资收益率为4.2%。财产险综合成本率为96.8%，同比改善0.7个百分点。");
    const earnings_fact *f = MUST_FACT(d, "2,215.6亿元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:written-premiums");
    f = MUST_FACT(d, "195%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:solvency-ratio");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    f = MUST_FACT(d, "4.2%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:investment-yield");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    f = MUST_FACT(d, "0.7个百分点");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:combined-ratio");
    CU_ASSERT(f->value < 0); /* a cost ratio that improves goes down */
    earnings_doc_free(d);
    d = parse("Northgate Insurance Group plc reported third-quarter 2025 results. Gross written premiums rose 8% to "
              "GBP 2.4 billion. Net investment income increased 14% to GBP 145 million.");
    f = MUST_FACT(d, "GBP 2.4 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:written-premiums");
    f = MUST_FACT(d, "GBP 145 million");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:investment-income");
    earnings_doc_free(d);
}

/* An excluded item's own amount is stated as is, and the item is named
 * without it; channel segments */
static void test_excluded_amounts(void)
{
    earnings_doc *d = parse("Tarnwell Apparel Reports Third Quarter 2025 Results\n\n- Excluding restructuring "
                            "charges of $42 million, operating income was $246 million, up 9%.\n- Wholesale "
                            "revenues declined 2% to $790 million, while direct-to-consumer revenues grew 11%.");
    const earnings_fact *f = MUST_FACT(d, "$42 million");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:restructuring-charges");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "$246 million");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f->basis_detail);
    CU_ASSERT_STRING_EQUAL(f->basis_detail, "restructuring charges");
    f = MUST_FACT(d, "$790 million");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:wholesale");
    f = MUST_FACT(d, "11%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:direct-to-consumer");
    earnings_doc_free(d);
    d = parse("亚马逊第三季度营业利润为174亿美元；若不计两项特殊费用，营业利润约为217亿美元。");
    CU_ASSERT_PTR_NULL(fact_of(d, "两项")); /* items counted in words */
    CU_ASSERT_PTR_NOT_NULL(fact_of(d, "约为217亿美元"));
    earnings_doc_free(d);
}

/* A threshold after `with <metric>` names a group: no fact; the group is
 * counted */
static void test_metric_thresholds(void)
{
    earnings_doc *d = parse("Cobaltine Software Reports Second Quarter 2025 Results\n\nCustomers with ARR over $100,000 "
                            "grew to 1,487, up 31%.");
    CU_ASSERT_PTR_NULL(fact_of(d, "over $100,000"));
    const earnings_fact *f = MUST_FACT(d, "1,487");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:customers");
    f = MUST_FACT(d, "31%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:customers");
    earnings_doc_free(d);
}

/* A broker's earnings forecast (盈利预测, 预测为) is an estimate */
static void test_forecasts_zh(void)
{
    earnings_doc *d = parse("华信证券：澜湾科技（688111）2025年三季报点评\n\n盈利预测：我们维持公司2025-2027年归母净利润预测为"
                            "26.5/31.8/37.9亿元，对应PE为28/23/20倍，维持\"增持\"评级。");
    const earnings_fact *f = MUST_FACT(d, "31.8");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    f = MUST_FACT(d, "28");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:pe-ratio");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    earnings_doc_free(d);
}

/* 分别: the k-th value of a list is of the k-th metric named before it */
static void test_respective_lists_zh(void)
{
    earnings_doc *d = parse("澜湾科技2025年第三季度业绩\n\n第三季度，公司营业收入和归母净利润分别为45.2亿元和6.8亿元，"
                            "同比分别增长12.5%和20.1%。前三季度，公司毛利率和净利率分别为38.4%和14.2%。");
    const earnings_fact *f = MUST_FACT(d, "45.2亿元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    f = MUST_FACT(d, "6.8亿元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    f = MUST_FACT(d, "12.5%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    f = MUST_FACT(d, "20.1%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    f = MUST_FACT(d, "38.4%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:gross-margin");
    f = MUST_FACT(d, "14.2%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-margin");
    earnings_doc_free(d);
    /* and `respectively`, with a list of as many values after it */
    d = parse("Larkspur Tools Reports Third Quarter 2025 Results\n\nRevenue and net income were $4.5 billion and $680 "
              "million, respectively, up 12% and 20%. Gross margin and operating margin were 41.2% and 18.7%, "
              "respectively.");
    f = MUST_FACT(d, "$4.5 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    f = MUST_FACT(d, "$680 million");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    f = MUST_FACT(d, "20%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_GROWTH);
    f = MUST_FACT(d, "41.2%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:gross-margin");
    earnings_doc_free(d);
}

/* Per-ADS earnings, active buyers, and a count added since the quarter
 * before */
static void test_platform_counts(void)
{
    earnings_doc *d = parse("云栖电商2025年第三季度业绩\n\n调整后每股美国存托股摊薄收益为5.85元。本季度年度活跃买家数为7.95亿，"
                            "较上季度净增1100万。");
    const earnings_fact *f = MUST_FACT(d, "5.85元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:eps");
    f = MUST_FACT(d, "7.95亿");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:active-users");
    f = MUST_FACT(d, "1100万");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:active-users");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_CHANGE);
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_QOQ);
    earnings_doc_free(d);
}

/* Traditional Chinese is read as Simplified by default: the lexicons and
 * the period grammar apply to a Hong Kong interim report; a caller that
 * keeps Traditional text gets only the forms the lexicons list */
static void test_traditional_text(void)
{
    static const char text[] = "碧灣控股有限公司（股份代號：3321）截至2025年6月30日止六個月之中期業績公告\n\n"
                               "本集團期內收益約為人民幣98.4億元，較去年同期增長9.2%。本公司權益持有人應佔溢利為"
                               "人民幣12.6億元，同比增長15.1%。中期股息每股港幣0.24元（2024年同期：港幣0.19元）。";
    earnings_doc *d = parse(text);
    const earnings_fact *f = MUST_FACT(d, "人民幣12.6億元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    CU_ASSERT_STRING_EQUAL(f->period, "2025H1");
    f = MUST_FACT(d, "港幣0.19元");
    CU_ASSERT_STRING_EQUAL(f->period, "2024H1"); /* `2024年同期` in a half-year report */
    f = MUST_FACT(d, "15.1%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    /* the spans are the caller's bytes */
    CU_ASSERT_NSTRING_EQUAL(text + f->span.start, "15.1%", 5);
    earnings_doc_free(d);
    earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
    CU_ASSERT_EQUAL(po.normalize_flags, EARNINGS_NORMALIZE_SIMPLIFIED);
    po.normalize_flags = 0;
    d = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, text, strlen(text), &po), EARNINGS_OK);
    f = fact_of(d, "人民幣12.6億元");
    CU_ASSERT(!f || strcmp(f->metric_id, "metric:net-income") != 0);
    earnings_doc_free(d);
}

/* A half-year report: the half year is the document's period even when a
 * quarter of no year is named after it; the span of months is a period,
 * not a measure; a year that opens a sentence scopes it */
static void test_half_year_reports(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    d = parse("Torvane AG: Interim Report\n\nTorvane AG today published its results for the first half of "
              "2025. Group sales reached EUR 3.10 billion in the first six months, up 4.2%. In the second quarter "
              "alone, sales were EUR 1.62 billion. For 2026, Torvane expects sales growth of 4% to 6%. "
              "Outlook 2025 confirmed: Torvane continues to expect EBITDA growth of 5% to 7%.");
    f = MUST_FACT(d, "EUR 3.10 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "2025H1");
    CU_ASSERT_PTR_NULL(fact_of(d, "six months"));
    f = MUST_FACT(d, "EUR 1.62 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q2");
    f = MUST_FACT(d, "4% to 6%");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f->period);
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    f = MUST_FACT(d, "5% to 7%");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f->period);
    CU_ASSERT_STRING_EQUAL(f->period, "2025FY");
    earnings_doc_free(d);
    d = parse("Marrow Foods Half-Year Report 2025\n\nRevenue was EUR 880 million, against EUR 845 million in the "
              "first nine months of 2024.");
    f = MUST_FACT(d, "EUR 880 million");
    CU_ASSERT_STRING_EQUAL(f->period, "2025H1");
    earnings_doc_free(d);
}

/* A comparison the figure states wins over a quarterly cue before it; more
 * wordings of constant currency */
static void test_stated_comparisons(void)
{
    earnings_doc *d = parse("Valmora Foods Q3 2025 Earnings Call\n\nNet sales were $4.12 billion, up 3.4% "
                            "quarter-over-quarter and 6.1% year-over-year. At constant exchange rates, sales grew "
                            "5.2%.");
    const earnings_fact *f = MUST_FACT(d, "3.4%");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_QOQ);
    f = MUST_FACT(d, "6.1%");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_YOY);
    f = MUST_FACT(d, "5.2%");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    CU_ASSERT_STRING_EQUAL(f->basis_detail, "currency");
    earnings_doc_free(d);
    /* expense ratios; a bare margin right after an amount is that amount's */
    d = parse("星禾云科技2025年第三季度业绩\n\n销售费用率为12.3%，同比下降1.1个百分点。经调整EBITDA为10.5亿元，利润率为16.8%。");
    f = MUST_FACT(d, "12.3%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:marketing-expenses-to-revenue");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    f = MUST_FACT(d, "16.8%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:ebitda-margin");
    earnings_doc_free(d);
}

/* A table whose rows and columns name no measure takes the one its caption
 * names; a list item above it is no caption */
static void test_table_captions(void)
{
    earnings_doc *d = parse("Brightline Semiconductor Q1 FY2026 Results\n\nRevenue by segment:\n\n"
                            "| Segment | Q1 FY26 | Q1 FY25 | Y/Y |\n|---|---|---|---|\n"
                            "| Data Center | $2,050M | $1,454M | 41% |\n");
    const earnings_fact *f = MUST_FACT(d, "$2,050M");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:data-center");
    CU_ASSERT_STRING_EQUAL(f->period, "2026Q1");
    f = MUST_FACT(d, "$1,454M");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q1");
    earnings_doc_free(d);
    d = parse("Brightline Semiconductor Q1 FY2026 Results\n\n- Revenue was $3.4B.\n\n"
              "| Segment | Q1 FY26 | Q1 FY25 |\n|---|---|---|\n| Data Center | $2,050M | $1,454M |\n");
    CU_ASSERT_PTR_NULL(fact_of(d, "$2,050M"));
    earnings_doc_free(d);
}

/* Tables of results: the column's period (a year-ago column too), the
 * corner cell's unit, percentages and changes under a `(%)` label; shares
 * and measures in prose */
static void test_results_tables(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    d = parse("Orchid Devices Inc. Reports Third Quarter 2025 Results\n\n"
              "| ($ in millions, except per share) | Q3 2025 | Q3 2024 | Change |\n|---|---|---|---|\n"
              "| Revenue | 2,450 | 2,180 | 12% |\n| Diluted EPS | $0.87 | $0.71 | 23% |\n");
    f = MUST_FACT(d, "2,450");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    CU_ASSERT_STRING_EQUAL(f->unit, "USD");
    CU_ASSERT_DOUBLE_EQUAL(f->value, 2450e6, 1);
    f = MUST_FACT(d, "2,180");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    f = MUST_FACT(d, "$0.71");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    CU_ASSERT_DOUBLE_EQUAL(f->value, 0.71, 1e-9);
    earnings_doc_free(d);
    d = parse("青山新能源股份有限公司2025年度业绩快报\n\n| 项目 | 本报告期 | 上年同期 | 增减变动幅度(%) |\n|---|---|---|---|\n"
              "| 营业总收入(万元) | 1,256,300.52 | 1,083,215.40 | 15.98 |\n"
              "| 加权平均净资产收益率(%) | 14.26 | 12.87 | 增加1.39个百分点 |\n\n"
              "光伏组件出货量达到28.5GW，同比增长31%，其中海外出货占比约45%。");
    f = MUST_FACT(d, "1,083,215.40");
    CU_ASSERT_STRING_EQUAL(f->period, "2024FY");
    CU_ASSERT_STRING_EQUAL(f->unit, "CNY");
    f = MUST_FACT(d, "15.98");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_GROWTH);
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_YOY);
    CU_ASSERT_STRING_EQUAL(f->unit, "%");
    f = MUST_FACT(d, "14.26");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    CU_ASSERT_STRING_EQUAL(f->unit, "%");
    CU_ASSERT_STRING_EQUAL(f->period, "2025FY");
    f = MUST_FACT(d, "28.5GW");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:shipments");
    f = MUST_FACT(d, "约45%");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:shipments-share");
    earnings_doc_free(d);
}

/* A retailer's release: stores opened are a change, the stores ended with
 * a level of the company (not the `Stores` segment), a baseline's own
 * period after `in` */
static void test_retail_release_forms(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    /* a drug release: a product named by its sales, totals of the company,
     * a loss per share, the accountant's negative of a loss */
    d = parse("Helix Therapeutics Reports Fourth Quarter 2025 Results\n\nHelix Therapeutics, Inc. reported total "
              "revenues of $1.12 billion, an increase of 27% compared to the same period in 2024. Net product sales "
              "of Vireta were $845 million, up 35%. Full-year total revenues were $4.05 billion. GAAP net loss was "
              "$(45) million, or $(0.31) per share.");
    f = MUST_FACT(d, "27%");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_YOY);
    f = MUST_FACT(d, "$845 million");
    CU_ASSERT_STRING_EQUAL(f->entity_name, "Vireta");
    f = MUST_FACT(d, "$4.05 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_name, "Helix Therapeutics, Inc.");
    f = MUST_FACT(d, "$(45) million");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-loss");
    CU_ASSERT_DOUBLE_EQUAL(f->value, 45e6, 1);
    f = MUST_FACT(d, "$(0.31)");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:loss-per-share");
    earnings_doc_free(d);
    d = parse("Maple Street Stores Reports Second Quarter 2025 Results\n\n"
              "Maple Street Stores, Inc. today announced results for the second quarter. Gross margin rate was "
              "29.1%, compared with 28.4% in the second quarter of 2024. The company opened 12 new stores and "
              "ended the quarter with 1,978 stores.");
    f = MUST_FACT(d, "28.4%");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q2");
    f = MUST_FACT(d, "29.1%");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q2");
    f = MUST_FACT(d, "12 new stores");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_CHANGE);
    f = MUST_FACT(d, "1,978 stores");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    CU_ASSERT_STRING_NOT_EQUAL(f->entity_id, "segment:stores");
    earnings_doc_free(d);
}

/* A broker's note: a bare A-share code names the company, a unit label is
 * not a figure, `/` lists take the last value's unit and the years of a
 * span named earlier in the sentence, a list after `；` keeps the period
 * of the item before it (docs/facts.md, tables and lists) */
static void test_broker_note_lists(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    static const char note[] = "青禾电气(603777)2025年三季报点评\n\n"
              "公司发布2025年三季报，前三季度实现营收860.2亿元，同比增长6.4%；归母净利润95.3亿元，同比增长4.1%。"
              "我们预计公司2025-2027年归母净利润分别为128.6/140.9/155.0亿元，对应PE分别为11.2/10.2/9.3倍，维持\"增持\"评级。\n\n"
              "主要财务指标(百万元)\n单位：万元\n";
    d = parse(note);
    f = MUST_FACT(d, "860.2亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:青禾电气");
    CU_ASSERT_STRING_EQUAL(f->period, "2025YTD");
    f = MUST_FACT(d, "95.3亿元");
    CU_ASSERT_STRING_EQUAL(f->period, "2025YTD");
    f = MUST_FACT(d, "140.9");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    CU_ASSERT_STRING_EQUAL(f->unit, "CNY");
    CU_ASSERT_DOUBLE_EQUAL(f->value, 140.9e8, 1);
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    f = MUST_FACT(d, "11.2");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:pe-ratio");
    CU_ASSERT_STRING_EQUAL(f->unit, "x");
    CU_ASSERT_STRING_EQUAL(f->period, "2025FY");
    f = MUST_FACT(d, "9.3倍");
    CU_ASSERT_STRING_EQUAL(f->period, "2027FY");
    size_t labels = (size_t)(strstr(note, "主要财务指标") - note);
    for (size_t i = 0; i < earnings_doc_figure_count(d); i++)
        CU_ASSERT(earnings_doc_figure(d, i)->span.start < labels); /* `(百万元)`, `单位：万元` */
    earnings_doc_free(d);
    /* a growth row takes the metric of the row above; multiples in a
     * label; an estimate column is a fiscal year whatever the measure */
    d = parse("青禾电气(603777)盈利预测\n\n"
              "| 指标 | 2024A | 2025E | 2026E |\n|---|---|---|---|\n"
              "| 营业收入(百万元) | 98,120 | 108,930 | 119,540 |\n| 增长率(%) | 5.2 | 11.0 | 9.7 |\n"
              "| 市盈率(倍) | 13.2 | 11.5 | 10.5 |\n");
    f = MUST_FACT(d, "11.0");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_GROWTH);
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_YOY);
    CU_ASSERT_STRING_EQUAL(f->unit, "%");
    CU_ASSERT_STRING_EQUAL(f->period, "2025FY");
    f = MUST_FACT(d, "10.5");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:pe-ratio");
    CU_ASSERT_STRING_EQUAL(f->unit, "x");
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    earnings_doc_free(d);
    /* a year in parentheses after a Chinese word is no ticker */
    d = parse("青禾电气营业收入(2025)为860.2亿元。");
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++)
        CU_ASSERT_NOT_EQUAL(earnings_doc_entity(d, i)->type, EARNINGS_ENTITY_TICKER);
    earnings_doc_free(d);
}

/* English releases, wire stories, notes and calls (docs/facts.md, forms of releases) */
static void test_press_release_forms(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    /* a title naming quarter and year apart; a baseline period is not the
     * fact's; `in fiscal 2026` is a period, not a metric; `would be` in
     * reported speech is an outlook, not a counterfactual */
    d = parse("Northwind Semiconductor Reports Fourth Quarter and Fiscal 2025 Results\n\n"
                            "Northwind Semiconductor, Inc. today reported revenue of $4.8 billion for the fourth "
                            "quarter of fiscal 2025, up 6% sequentially. Gross margin was 58.3%, an increase of 210 "
                            "basis points from the fourth quarter of fiscal 2024. The finance chief added that capital "
                            "expenditures would be about $800 million in fiscal 2026.");
    f = MUST_FACT(d, "$4.8 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q4");
    f = MUST_FACT(d, "58.3%");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q4");
    f = MUST_FACT(d, "about $800 million");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:capex");
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);

    /* per-share amounts beside net income, the year-ago pair, an analysts'
     * estimate, a narrowing margin */
    d = parse("Harbor Bank Corp Q3 2025 results. Harbor Bank Corp posted third-quarter net income of $3.2 "
              "billion, or $2.41 per share, versus $2.8 billion, or $2.05 per share, a year earlier. The net "
              "interest margin narrowed by 4 basis points to 2.71%. Analysts polled by LSEG had expected "
              "earnings of $2.30 a share.");
    f = MUST_FACT(d, "$2.41");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:eps");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    f = MUST_FACT(d, "$2.8 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    f = MUST_FACT(d, "$2.05");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:eps");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    f = MUST_FACT(d, "4 basis points");
    CU_ASSERT_DOUBLE_EQUAL(f->value, -4, 1e-9);
    f = MUST_FACT(d, "$2.30");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:eps");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    earnings_doc_free(d);

    /* a name with a segment word in it; `the retailer` is the company;
     * `would return` is an outlook */
    d = parse("Apex Retail Group: Q3 FY2025 results\n\nApex Retail Group (NYSE: APX) said net sales rose 5% to "
              "$27.3 billion. E-commerce sales jumped 18%. The retailer opened 35 new stores during the quarter. "
              "Its chief executive said the company would return about $5 billion to shareholders in fiscal 2025.");
    f = MUST_FACT(d, "$27.3 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:apex-retail-group");
    f = MUST_FACT(d, "35 new stores");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:apex-retail-group");
    f = MUST_FACT(d, "about $5 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);

    /* `grew 6% to $1.2 billion`: the level of the growth's metric; `We`
     * opens a sentence of the company; what a buyback bought is no metric */
    d = parse("Larkspur Foods Q1 2026 results.\nNorth America net sales were $3.1 billion, up 2%, while "
              "International grew 6% to $1.2 billion. We continue to target a gross margin of about 35% for "
              "fiscal 2026, and we repurchased $400 million of stock during the quarter.");
    f = MUST_FACT(d, "$1.2 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:international");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    f = MUST_FACT(d, "about 35%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:larkspur-foods");
    f = MUST_FACT(d, "$400 million");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:share-repurchase");
    earnings_doc_free(d);

    /* what a measure leaves out is not its metric: `EBIT before special
     * items`; an EBIT margin is an operating margin */
    d = parse("Nordhafen AG third-quarter 2025 results\n\nEBIT before special items rose to €1.05bn. The group "
              "expects an EBIT margin between 8% and 9%.");
    f = MUST_FACT(d, "€1.05bn");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:ebit");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    CU_ASSERT_STRING_EQUAL(f->basis_detail, "special items");
    f = MUST_FACT(d, "between 8% and 9%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:operating-margin");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    CU_ASSERT_EQUAL(earnings_doc_entity_count(d) > 0, 1);
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++) /* one Nordhafen, not two */
        CU_ASSERT_FALSE(!strcmp(earnings_doc_entity(d, i)->id, "org:nordhafen-ag"));
    earnings_doc_free(d);

    /* a date that closes a period is that period (the figures keep the
     * date); an outflow is a negative level */
    d = parse("Acme Corp. results. For the three months ended June 30, 2025, revenue was $4 billion. "
              "Free cash flow was a net outflow of $2.1 billion.");
    f = MUST_FACT(d, "$4 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q2");
    f = MUST_FACT(d, "$2.1 billion");
    CU_ASSERT_DOUBLE_EQUAL(f->value, -2.1e9, 1);
    for (size_t i = 0; i < earnings_doc_figure_count(d); i++) {
        const earnings_figure *g = earnings_doc_figure(d, i);
        if (g->period && !strcmp(g->period, "2025-06-30"))
            CU_ASSERT_EQUAL(g->kind, EARNINGS_FIGURE_DATE);
    }
    earnings_doc_free(d);
    /* a table of segments: the column's header names the metric, the row's
     * label the segment (known or not); a name after the title's dash */
    d = parse("Q3 2025 Earnings Summary \xE2\x80\x94 Brightline Logistics\n\n* Revenue: $3.42B (+6.5% Y/Y)\n\n"
              "| Segment | Revenue | Y/Y |\n|---|---|---|\n| Freight | $2.10B | +3% |\n| **Last Mile** | $0.37B | +9% |\n"
              "| Total | $3.42B | +6.5% |\n\n| Metric | Current |\n|---|---|\n| **Target Scale** | $1.5B |\n");
    f = MUST_FACT(d, "$3.42B");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:brightline-logistics");
    f = MUST_FACT(d, "$2.10B");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:freight");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    f = MUST_FACT(d, "+9%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:last-mile");
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++) {
        const earnings_entity *e = earnings_doc_entity(d, i);
        CU_ASSERT_FALSE(!strcmp(e->id, "segment:total"));
    }
    f = fact_of(d, "$1.5B"); /* `Target Scale` is a label, not the retailer */
    if (f)
        CU_ASSERT_STRING_NOT_EQUAL(f->entity_id, "org:target");
    earnings_doc_free(d);

    /* a launch verb opening its sentence; a topic label starts afresh */
    d = parse("Acme Corp. Q3 2025 update.\nDelivery Innovation: Introduced the \"Quick Cart\" button, usage has "
              "exceeded 80 million times.\nInfrastructure Investment: Invested over $4 billion in rural delivery.\n");
    f = MUST_FACT(d, "80 million times");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "product:quick-cart");
    f = MUST_FACT(d, "over $4 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:acme");
    earnings_doc_free(d);

    /* a bank's call: a lower-case title period, loans and deposits, a
     * baseline after `from the`, a ratio `of` another metric */
    d = parse("Northgate Bancorp third quarter 2025 earnings call\n\nLoans grew 4% from the second quarter to $96.2 "
              "billion. Our efficiency ratio improved to 54.3% from 56.1% a year ago. Net charge-offs were 0.38% of "
              "average loans.");
    f = MUST_FACT(d, "4%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:northgate-bancorp");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:loans");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_QOQ);
    f = MUST_FACT(d, "56.1%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:efficiency-ratio");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    f = MUST_FACT(d, "0.38%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-charge-offs");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    earnings_doc_free(d);

    /* subscription metrics: ratios as levels, a threshold of a group is no
     * fact */
    d = parse("Cloudnine Software Announces Fiscal Third Quarter 2026 Financial Results\n\nAnnual recurring revenue "
              "(ARR) reached $3.1 billion. Net revenue retention rate was 118%. Customers with more than $100,000 in "
              "ARR grew 19% to 4,210. The book-to-bill ratio was 1.2x. The company expects at least 1GW of new "
              "capacity, with over 1 gigawatt to be added next quarter.");
    f = MUST_FACT(d, "$3.1 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:arr");
    f = MUST_FACT(d, "118%");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    CU_ASSERT_PTR_NULL(fact_of(d, "more than $100,000"));
    f = MUST_FACT(d, "1.2x");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:book-to-bill-ratio");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    CU_ASSERT_PTR_NOT_NULL(fact_of(d, "over 1 gigawatt"));
    earnings_doc_free(d);

    /* an English forecast table: `FY26E`, `Revenue ($M)` */
    d = parse("Helios Grid (HGRD): model update\n\n| Metric | FY25A | FY26E |\n|---|---|---|\n"
              "| Revenue ($M) | 0.5 | 1,234.5 |\n");
    f = MUST_FACT(d, "0.5");
    CU_ASSERT_STRING_EQUAL(f->period, "2025FY");
    CU_ASSERT_DOUBLE_EQUAL(f->value, 5e5, 1e-3);
    CU_ASSERT_STRING_EQUAL(f->unit, "USD");
    if (f->value_exact)
        CU_ASSERT_STRING_EQUAL(f->value_exact, "500000");
    f = MUST_FACT(d, "1,234.5");
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    CU_ASSERT_DOUBLE_EQUAL(f->value, 1234.5e6, 1e-3);
    if (f->value_exact)
        CU_ASSERT_STRING_EQUAL(f->value_exact, "1234500000");
    earnings_doc_free(d);

    /* changes listed with `respectively` take the sentence's levels in order */
    d = parse("Kestrel Motors Q3 2025 Deliveries and Production Report\n\nKestrel Motors produced 118,400 vehicles "
              "and delivered 121,300 vehicles in the third quarter, up 14% and 17% respectively from a year earlier.");
    f = MUST_FACT(d, "14%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:production");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_GROWTH);
    f = MUST_FACT(d, "17%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:deliveries");
    earnings_doc_free(d);

    /* production, and a year-ago cue of the next clause's own figure */
    d = parse("Stonebridge Energy Corp. second-quarter 2025 results. Production averaged 1.12 million barrels of oil "
              "equivalent per day, up 6% from a year ago.");
    f = MUST_FACT(d, "1.12 million barrels");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:production");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q2");
    f = MUST_FACT(d, "6%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:production");
    earnings_doc_free(d);

    /* the previous amount's `per diluted share` is not the next amount's
     * metric; a per-share range is EPS; `in the same period a year earlier` */
    d = parse("Summit Airlines Q3 2025.\nSummit Airlines reported third-quarter net income of $1.1 billion, or $1.62 "
              "per diluted share, compared with $965 million, or $1.42 per diluted share, in the same period a year "
              "earlier. The carrier expects fourth-quarter earnings of $1.20 to $1.45 per share.");
    f = MUST_FACT(d, "$965 million");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-income");
    CU_ASSERT_STRING_EQUAL(f->period, "2024Q3");
    f = MUST_FACT(d, "$1.20 to $1.45");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:eps");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    earnings_doc_free(d);
}

/* Chinese reports, broker notes and calls, and mixed text */
static void test_chinese_report_forms(void)
{
    earnings_doc *d;
    const earnings_fact *f;
    /* parts after 其中 do not carry past their list */
    d = parse("云途网络(09899.HK)2025年第三季度业绩。第三季度,公司总收入达到人民币356.8亿元。其中,在线广告收入为人民币128亿元;"
              "金融科技及企业服务收入为人民币152亿元。经调整经营利润为人民币98亿元。");
    f = MUST_FACT(d, "人民币152亿元");
    CU_ASSERT_EQUAL(f->entity_id[0], 's'); /* a segment */
    f = MUST_FACT(d, "人民币98亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:云途网络");
    earnings_doc_free(d);

    /* a quarter of no known year is the document's period; the year-ago
     * level of such a document has none */
    d = parse("瑞恒控股第三季度营收超预期\n瑞恒控股(NASDAQ: RHX)周二公布,第三季度营收为48.6亿美元。"
              "调整后每股收益为1.25美元,上年同期为0.98美元。云服务收入为12.4亿美元。");
    f = MUST_FACT(d, "12.4亿美元");
    CU_ASSERT_STRING_EQUAL(f->period, "Q3");
    CU_ASSERT_EQUAL(f->period_inferred, 1);
    f = MUST_FACT(d, "0.98美元");
    CU_ASSERT_PTR_NULL(f->period);
    earnings_doc_free(d);

    /* a share of a total other than revenue: `占总交付量的近两成` */
    d = parse("远景汽车2025年第二季度财报电话会\n第二季度我们共交付新车十二万三千辆。我们的海外交付量占总交付量的近两成。");
    f = MUST_FACT(d, "近两成");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:deliveries-share");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    earnings_doc_free(d);

    /* a named fiscal quarter wins over the calendar quarter of its end date */
    d = parse("Apple reports fourth quarter results\n\nApple today announced financial results for its fiscal "
              "2025 fourth quarter ended September 27, 2025. The Company posted quarterly revenue of $102.5 "
              "billion.");
    f = MUST_FACT(d, "$102.5 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q4");
    earnings_doc_free(d);
    d = parse("阿里巴巴集团今日公布截至2025年9月30日止季度业绩。本季度自由现金流为净流出人民币219亿元。");
    f = MUST_FACT(d, "人民币219亿元");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    CU_ASSERT_DOUBLE_EQUAL(f->value, -21.9e9, 1);
    earnings_doc_free(d);

    /* a broker's note: the period of a list item after `；`, a baseline after
     * 较, the end of a half year, estimates beside a rating, one year per
     * value of a list */
    d = parse("招商银行(600036.SH)发布2025年三季报。前三季度,公司实现营业收入2,514.2亿元,同比下降0.5%;"
              "归母净利润1,137.7亿元,同比增长0.5%。拨备覆盖率为405.9%,较上半年末下降5.0个百分点。"
              "我们维持\"买入\"评级,目标价52元,预计2025-2027年EPS分别为5.84/6.02/6.25元。");
    f = MUST_FACT(d, "1,137.7亿元");
    CU_ASSERT_STRING_EQUAL(f->period, "2025YTD");
    f = MUST_FACT(d, "5.0个百分点");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:provision-coverage-ratio");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "6.02");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:eps");
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    f = MUST_FACT(d, "6.25元");
    CU_ASSERT_STRING_EQUAL(f->period, "2027FY");
    earnings_doc_free(d);

    /* excluded items set off by dashes; the other party inside them is not
     * the subject; a share of the units sold */
    d = parse("亚马逊第三季度业绩。营业利润为174亿美元;若不计两项特殊费用——与美国联邦贸易委员会达成的25亿美元和解金"
              "以及约18亿美元的遣散费——营业利润约为217亿美元。");
    f = MUST_FACT(d, "约为217亿美元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:amazon");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    CU_ASSERT_STRING_EQUAL(f->basis_detail, "两项特殊费用");
    earnings_doc_free(d);
    d = parse("Amazon Q3 2025. Advertising revenue grew 22% to $17.7 billion. Third-party sellers accounted for 62% of "
              "units sold.");
    f = MUST_FACT(d, "62%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:unit-share");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:amazon");
    earnings_doc_free(d);

    /* a title's next item after a space is not the figure's metric; `超预期`
     * is a comparison, not an outlook; cost of revenue */
    d = parse("拼优选三季度营收同比增长9% 净利润超预期\n拼优选(NASDAQ:PYX)发布2025年第三季度财报。公司营业成本为461.6亿元,同比增长18%。");
    f = MUST_FACT(d, "9%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "461.6亿元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:cost-of-revenue");
    earnings_doc_free(d);

    /* a year-to-date title (`2025年前三季度`) is the document's period and its
     * third quarter is reported; business lines named before 业务收入 */
    d = parse("青峰乳业2025年前三季度业绩快报\n公司实现营业总收入862.4亿元。其中第三季度,公司营业收入为276.1亿元。"
              "奶粉及奶制品业务收入为78.2亿元,同比增长12.6%。主营业务收入为800亿元。");
    f = MUST_FACT(d, "862.4亿元");
    CU_ASSERT_STRING_EQUAL(f->period, "2025YTD");
    f = MUST_FACT(d, "276.1亿元");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "78.2亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:奶粉及奶制品业务");
    f = MUST_FACT(d, "800亿元");
    CU_ASSERT_EQUAL(f->entity_id[0], 'o'); /* 主营业务 is no segment */
    earnings_doc_free(d);

    /* service lines before 服务收入 (`在线` is a word, not 在), ARPPU */
    d = parse("腾云音乐发布2025年第三季度未经审计财务业绩\n在线音乐服务收入同比增长27.2%至人民币68.3亿元。"
              "付费用户月均收入(ARPPU)为人民币11.9元。社交娱乐服务及其他收入为人民币17.9亿元。");
    f = MUST_FACT(d, "人民币68.3亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:在线音乐服务");
    f = MUST_FACT(d, "人民币11.9元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:arppu");
    f = MUST_FACT(d, "人民币17.9亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:社交娱乐服务及其他");
    earnings_doc_free(d);

    /* a metric name with a comma inside (`销售、一般及行政费用`, folded to `,`) */
    d = parse("小鹏出行第三季度业绩。季度内,公司研发投入为23.4亿元,销售、一般及行政费用为25.8亿元。");
    f = MUST_FACT(d, "25.8亿元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:sga");
    earnings_doc_free(d);

    /* a broker's forecast table: actual and estimated years in the column
     * headers, the unit in the row's label; `分别为…和…` */
    d = parse("星河科技(688001.SH)深度报告\n\n| 指标 | 2024A | 2025E | 2026E |\n|---|---|---|---|\n"
              "| 营业收入(亿元) | 120.5 | 158.3 | 201.7 |\n| 每股收益(元) | 0.41 | 0.78 | 1.25 |\n\n"
              "我们预计公司2025-2026年营业收入分别为158.3亿元和201.7亿元,维持\"买入\"评级。");
    f = MUST_FACT(d, "120.5");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    CU_ASSERT_STRING_EQUAL(f->period, "2024FY");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    CU_ASSERT_DOUBLE_EQUAL(f->value, 120.5e8, 1);
    CU_ASSERT_STRING_EQUAL(f->unit, "CNY");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f->value_exact);
    CU_ASSERT_STRING_EQUAL(f->value_exact, "12050000000");
    CU_ASSERT_DOUBLE_EQUAL(f->precision, 1e7, 1);
    f = MUST_FACT(d, "0.78");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:eps");
    CU_ASSERT_STRING_EQUAL(f->period, "2025FY");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    CU_ASSERT_STRING_EQUAL(f->value_exact, "0.78");
    f = MUST_FACT(d, "201.7亿元");
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    earnings_doc_free(d);

    /* a long excluded item is cut on a character boundary */
    d = parse("星河科技发布2025年第三季度业绩。剔除与星河科技在华东华南华北西南西北东北地区的全部数据中心及配套设施建设"
              "相关的一次性费用影响后,营业利润为50亿元。");
    f = MUST_FACT(d, "50亿元");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f->basis_detail);
    CU_ASSERT_TRUE(utf8_ok(f->basis_detail));
    earnings_doc_free(d);

    /* a half year named in the body is the document's period when no
     * quarter is; its year-ago levels are the half year before; losses */
    d = parse("恒熙地产中期业绩\n恒熙地产(01234.HK)公布截至2025年6月30日止六个月中期业绩,收入为235.6亿港元;"
              "股东应占亏损为41.2亿港元,去年同期亏损为28.7亿港元。毛利率由去年同期的21.4%下降至15.9%。");
    f = MUST_FACT(d, "41.2亿港元");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:net-loss");
    CU_ASSERT_STRING_EQUAL(f->period, "2025H1");
    f = MUST_FACT(d, "28.7亿港元");
    CU_ASSERT_STRING_EQUAL(f->period, "2024H1");
    f = MUST_FACT(d, "21.4%");
    CU_ASSERT_STRING_EQUAL(f->period, "2024H1");
    earnings_doc_free(d);

    /* a game in 《》 and its billings; a share past a segment word */
    d = parse("星辰游戏2025年第三季度业绩会\n答:新游戏《天穹》上线首月流水超过12亿元,注册用户突破3000万。"
              "本季度海外游戏收入达到18.6亿元,占游戏总收入的比重提升至28%。另据《证券法》规定,公司披露了100亿元回购。");
    f = MUST_FACT(d, "超过12亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "product:天穹");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:gross-billings");
    f = MUST_FACT(d, "28%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue-share");
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++)
        CU_ASSERT_FALSE(!strcmp(earnings_doc_entity(d, i)->id, "product:证券法"));
    earnings_doc_free(d);

    /* mixed English and Chinese: 占比 after an English revenue mention */
    d = parse("Meridian Cloud FY2025 Q3 业绩要点\n\n- Revenue 营收: US$2.45 billion, +17% YoY;云业务 Cloud revenue 占比 41%。\n");
    f = MUST_FACT(d, "41%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue-share");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    f = MUST_FACT(d, "US$2.45 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:meridian-cloud");
    earnings_doc_free(d);

    /* a non-IFRS measure named by a long Chinese lead */
    d = parse("星河科技发布2025年第三季度业绩。归属于公司股东的净利润为人民币248亿元；非国际财务报告准则下的净利润为人民币276亿元。");
    f = MUST_FACT(d, "人民币276亿元");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    f = MUST_FACT(d, "人民币248亿元");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    earnings_doc_free(d);
}

/* Releases and calls of companies no lexicon knows: the call's host, a
 * title line before its lead-in year, next year's quarter in an outlook,
 * a quarter ago, a new subject after a period and 累计, a fraction's share. */
static void test_openings_and_outlooks(void)
{
    earnings_doc *d = parse("Operator: Good morning, and welcome to the Helix Semiconductor third quarter fiscal 2026 "
                            "earnings call.\nCFO: Revenue for the quarter came in at $1.62 billion, up 24% sequentially. "
                            "Backlog stood at $6.4 billion, up from $5.2 billion a quarter ago.");
    const earnings_fact *f = MUST_FACT(d, "$1.62 billion");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:helix-semiconductor");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    CU_ASSERT_STRING_EQUAL(f->period, "2026Q3");
    f = MUST_FACT(d, "$5.2 billion");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:backlog");
    CU_ASSERT_STRING_EQUAL(f->period, "2026Q2");
    earnings_doc_free(d);

    d = parse("Northwind Logistics Reports Fourth Quarter and Full-Year 2025 Results\n"
              "Outlook\nFor 2026, Northwind expects revenue of $19.0 billion to $19.6 billion.\n"
              "First-quarter revenue is expected to be between $4.5 billion and $4.7 billion.");
    f = MUST_FACT(d, "$19.0 billion to $19.6 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "2026FY");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_GUIDANCE);
    f = MUST_FACT(d, "between $4.5 billion and $4.7 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "2026Q1");
    earnings_doc_free(d);

    d = parse("华星科技发布2025年第三季度财报\n云服务业务收入达到42亿元，占总营收的比例约为三分之一。"
              "前三季度累计营收352亿元，同比增长15%。");
    f = MUST_FACT(d, "约为三分之一");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue-share");
    f = MUST_FACT(d, "352亿元");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:华星科技");
    CU_ASSERT_STRING_EQUAL(f->period, "2025YTD");
    earnings_doc_free(d);
}

/* A UK half-year release: the span a date closes, asides that label the
 * prior year's values, a second change at constant currency, pence, a
 * leverage multiple, a share and its year-ago level. */
static void test_interim_release_forms(void)
{
    earnings_doc *d = parse("Cobalt Retail Group plc - Interim Results for the six months ended 30 September 2025\n\n"
                            "Group revenue of £2,418m (H1 2024: £2,260m), up 7.0% and up 5.8% at constant currency.\n"
                            "Basic earnings per share of 14.2p (2024: 12.9p).\n"
                            "Net debt at period end was £640m, representing 1.3x EBITDA.\n"
                            "Online sales reached 38% of total sales, up from 34% a year ago.");
    const earnings_fact *f = MUST_FACT(d, "£2,418m");
    CU_ASSERT_STRING_EQUAL(f->period, "2025H1");
    f = MUST_FACT(d, "£2,260m");
    CU_ASSERT_STRING_EQUAL(f->period, "2024H1");
    f = MUST_FACT(d, "7.0%");
    CU_ASSERT_STRING_EQUAL(f->period, "2025H1");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "5.8%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    f = MUST_FACT(d, "14.2p");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:eps");
    CU_ASSERT_STRING_EQUAL(f->unit, "GBP");
    f = MUST_FACT(d, "12.9p");
    CU_ASSERT_STRING_EQUAL(f->period, "2024H1");
    f = MUST_FACT(d, "1.3x");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:leverage-ratio");
    f = MUST_FACT(d, "34%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue-share");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    CU_ASSERT_STRING_EQUAL(f->period, "2024H1");
    earnings_doc_free(d);
}

/* A broker's note dated in its first line, on a quarter named without a
 * year; a surprise against consensus; a period that a later value takes. */
static void test_dated_note_forms(void)
{
    earnings_doc *d = parse("Harbor Analytics | Equity Research | 14 November 2025\n"
                            "Zephyr Motors (ZPHR) - Buy, price target raised to $64 from $58\n\n"
                            "Q3 beat on margins. Revenue of $2.31 billion came in 4% above consensus of $2.22 billion. "
                            "Automotive gross margin improved to 19.8% from 17.1% in Q2. "
                            "We raise our FY2026 revenue estimate to $10.4 billion.");
    const earnings_fact *f = MUST_FACT(d, "$2.31 billion");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:zephyr-motors");
    f = MUST_FACT(d, "4%");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_GROWTH);
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_NONE); /* (against consensus, not a year ago) */
    f = MUST_FACT(d, "19.8%");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q3");
    f = MUST_FACT(d, "17.1%");
    CU_ASSERT_STRING_EQUAL(f->period, "2025Q2");
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++)
        CU_ASSERT_FALSE(!strcmp(earnings_doc_entity(d, i)->id, "org:q3"));
    earnings_doc_free(d);
    /* a title over two lines; baselines labelled 2024年同期 give no year */
    d = parse("云途控股有限公司（股份代号：09899）\n截至2025年6月30日止六个月之中期业绩公告\n\n"
              "- 毛利率为27.1%（2024年同期：25.8%）。\n- 每股基本盈利为人民币1.02元（2024年同期：人民币0.88元）。\n");
    f = MUST_FACT(d, "27.1%");
    CU_ASSERT_STRING_EQUAL(f->period, "2025H1");
    f = MUST_FACT(d, "人民币0.88元");
    CU_ASSERT_STRING_EQUAL(f->period, "2024H1");
    earnings_doc_free(d);
    d = parse("Acme Reports Third Quarter 2025 Results\n营收同比增长12%，高于市场预期。");
    f = MUST_FACT(d, "12%");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_YOY);
    earnings_doc_free(d);
}

/* A call's prepared remarks: organic growth excludes acquisitions and
 * currency; a sentence that opens with an adjusted metric is the
 * company's, not the segment's named before. */
static void test_call_remark_forms(void)
{
    earnings_doc *d = parse("Brightwater Foods Fiscal 2026 First Quarter Earnings Conference Call\n\n"
                            "We delivered net sales of $1.84 billion, an increase of 6% compared to the prior year, "
                            "with organic sales up 4%. Our Snacks business grew 9%. Adjusted EBITDA came in at "
                            "$312 million.");
    const earnings_fact *f = MUST_FACT(d, "4%");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    f = MUST_FACT(d, "6%");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_REPORTED);
    f = MUST_FACT(d, "9%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:snacks");
    f = MUST_FACT(d, "$312 million");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:brightwater-foods");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_EXCLUDING);
    earnings_doc_free(d);
}

/* A note's list items labelled by segment; a count of a thing no lexicon
 * names takes the count's own measure, not the amount's before it; a
 * headline of two clauses sets no section topic. */
static void test_labelled_items(void)
{
    earnings_doc *d = parse("Merrow Surgical Inc. (MRSG) - Q2 2025 review\n\n"
                            "# Robotics momentum carries the quarter; raising FY2026 estimates\n\n"
                            "- **Robotics:** revenue grew 24% to $412 million; 96 system placements in the quarter.\n"
                            "- **Implants:** revenue of $768 million, up 5.4%.\n"
                            "- **Margins:** adjusted gross margin of 67.1% was up 60 bp y/y.\n");
    const earnings_fact *f = MUST_FACT(d, "$412 million");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:robotics");
    f = MUST_FACT(d, "96 system placements");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:placements");
    f = MUST_FACT(d, "$768 million");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "segment:implants");
    f = MUST_FACT(d, "67.1%");
    CU_ASSERT_STRING_EQUAL(f->entity_id, "org:merrow-surgical");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:gross-margin");
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++)
        CU_ASSERT_FALSE(!strcmp(earnings_doc_entity(d, i)->id, "segment:margins"));
    earnings_doc_free(d);

    /* a second change after comparison words; the consensus in parentheses;
     * analysts' outlook; a count that crossed a mark */
    d = parse("Merrow Surgical Reports Q2 2025 Results\n"
              "Revenue rose 11.2% y/y and about 2% ahead of consensus ($1.157 billion). "
              "Our Assist add-on crossed 1,500 paying customers. "
              "Analysts on average expect full-year revenue of $15.6 billion.");
    f = MUST_FACT(d, "about 2%");
    CU_ASSERT_STRING_EQUAL(f->metric_id, "metric:revenue");
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_NONE);
    f = MUST_FACT(d, "$1.157 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    f = MUST_FACT(d, "1,500 paying customers");
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FACT_LEVEL);
    CU_ASSERT_EQUAL(f->qualifier, EARNINGS_QUALIFIER_OVER);
    f = MUST_FACT(d, "$15.6 billion");
    CU_ASSERT_EQUAL(f->basis, EARNINGS_BASIS_ESTIMATE);
    earnings_doc_free(d);
}

static void test_failalloc(void)
{
#ifdef EARNINGS_FAILALLOC
    long failures = 0;
    for (long n = 1;; n++) {
        earnings__failalloc_set(n);
        int rc = pipeline();
        long calls = earnings__failalloc_calls();
        earnings__failalloc_set(0);
        if (calls < n) {
            CU_ASSERT_EQUAL(rc, EARNINGS_OK);
            break;
        }
        failures++;
        CU_ASSERT_EQUAL(rc, EARNINGS_ENOMEM);
        if (rc != EARNINGS_ENOMEM)
            break;
        CU_ASSERT_EQUAL(pipeline(), EARNINGS_OK);
    }
    CU_ASSERT_TRUE(failures > 10);
#else
    CU_ASSERT_EQUAL(pipeline(), EARNINGS_OK);
#endif
}

static void test_corpus(void)
{
    const char *const *files = tu_corpus_files();
    earnings_factset *s = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_factset_new(&s), EARNINGS_OK);
    size_t nfiles = 0;
    for (; files[nfiles]; nfiles++) {
        size_t len = 0;
        char *text = tu_read_file(files[nfiles], &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        earnings_doc *d = NULL;
        CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, text, len, NULL), EARNINGS_OK);
        for (size_t i = 0; i < earnings_doc_fact_count(d); i++) {
            const earnings_fact *f = earnings_doc_fact(d, i);
            CU_ASSERT_TRUE(f->span.end <= len && f->sentence.start <= f->span.start);
            CU_ASSERT_TRUE(f->confidence >= 0 && f->confidence <= 1);
            CU_ASSERT_PTR_NOT_NULL(f->entity_id);
            CU_ASSERT_PTR_NOT_NULL(f->metric_id);
            CU_ASSERT_EQUAL(memcmp(text + f->span.start, f->text, f->span.end - f->span.start), 0);
        }
        const char *base = strrchr(files[nfiles], '/');
        CU_ASSERT_EQUAL(earnings_factset_add_doc(s, d, base ? base + 1 : files[nfiles]), EARNINGS_OK);
        earnings_doc_free(d);
        free(text);
    }
    CU_ASSERT_EQUAL(earnings_factset_reconcile(s), EARNINGS_OK);
    if (nfiles >= 5) {
        /* the advertising revenue disagreement, and the CFO's spellings */
        int ads = 0;
        for (size_t g = 0; g < earnings_factset_group_count(s); g++) {
            const earnings_fact_group *gr = earnings_factset_group(s, g);
            const earnings_fact *f = earnings_factset_fact(s, gr->members[0], NULL);
            if (gr->verdict == EARNINGS_VERDICT_CONFLICT && !strcmp(f->entity_id, "segment:advertising") &&
                !strcmp(f->metric_id, "metric:revenue") && f->kind == EARNINGS_FACT_LEVEL)
                ads = 1;
        }
        CU_ASSERT_TRUE(ads);
        int cfo = 0;
        for (size_t i = 0; i < earnings_factset_person_count(s); i++) {
            const earnings_person_names *p = earnings_factset_person(s, i);
            if (!strcmp(p->id, "person:brian-olsavsky") && p->has_variants && p->spelling_count >= 2)
                cfo = 1;
        }
        CU_ASSERT_TRUE(cfo);
    }
    earnings_factset_free(s);
}

int main(void)
{
    if (earnings_engine_new(&engine, NULL) != EARNINGS_OK) {
        fprintf(stderr, "engine: %s\n", earnings_error_last()->message);
        return 1;
    }
    static const tu_test tests[] = {
        { "level_en", test_level_en },
        { "change_and_decline", test_change_and_decline },
        { "basis", test_basis },
        { "would_have_been", test_would_have_been },
        { "period", test_period },
        { "zh", test_zh },
        { "no_invented_facts", test_no_invented_facts },
        { "factset_verdicts", test_factset_verdicts },
        { "names", test_names },
        { "doc_json", test_doc_json },
        { "errors", test_errors },
        { "runtime_lexicon", test_runtime_lexicon },
        { "legal_form_company", test_legal_form_company },
        { "subject_carry_over", test_subject_carry_over },
        { "segments_and_each", test_segments_and_each },
        { "context_periods_and_basis", test_context_periods_and_basis },
        { "period_scope_rules", test_period_scope_rules },
        { "restated_outlook", test_restated_outlook },
        { "rate_change_comparison", test_rate_change_comparison },
        { "owned_metrics_and_periods", test_owned_metrics_and_periods },
        { "service_owner_and_tables", test_service_owner_and_tables },
        { "company_metrics", test_company_metrics },
        { "hosts_and_topics", test_hosts_and_topics },
        { "table_labels_and_parentheses", test_table_labels_and_parentheses },
        { "capability_not_outlook", test_capability_not_outlook },
        { "more_and_transaction_volume", test_more_and_transaction_volume },
        { "baselines_and_scope_leads", test_baselines_and_scope_leads },
        { "baseline_quarters", test_baseline_quarters },
        { "respectively_and_outlook_periods", test_respectively_and_outlook_periods },
        { "general_metrics", test_general_metrics },
        { "counted_nouns_and_ranks", test_counted_nouns_and_ranks },
        { "context_counts", test_context_counts },
        { "several_companies", test_several_companies },
        { "appositive_amounts", test_appositive_amounts },
        { "year_ago_levels", test_year_ago_levels },
        { "company_subject", test_company_subject },
        { "analyst_note_terms", test_analyst_note_terms },
        { "per_share_and_revenue_share", test_per_share_and_revenue_share },
        { "adjusted_measures", test_adjusted_measures },
        { "press_release_forms", test_press_release_forms },
        { "change_then_level", test_change_then_level },
        { "call_and_note_forms", test_call_and_note_forms },
        { "wire_story_forms", test_wire_story_forms },
        { "benchmarks_and_ratios", test_benchmarks_and_ratios },
        { "half_year_reports", test_half_year_reports },
        { "research_notes", test_research_notes },
        { "balances_and_breakdowns", test_balances_and_breakdowns },
        { "moves_and_baselines", test_moves_and_baselines },
        { "traditional_text", test_traditional_text },
        { "dateline_reports", test_dateline_reports },
        { "platform_counts", test_platform_counts },
        { "respective_lists_zh", test_respective_lists_zh },
        { "forecasts_zh", test_forecasts_zh },
        { "metric_thresholds", test_metric_thresholds },
        { "excluded_amounts", test_excluded_amounts },
        { "wire_appositives", test_wire_appositives },
        { "insurer_reports", test_insurer_reports },
        { "outlook_leads", test_outlook_leads },
        { "table_captions", test_table_captions },
        { "stated_comparisons", test_stated_comparisons },
        { "results_tables", test_results_tables },
        { "retail_release_forms", test_retail_release_forms },
        { "chinese_report_forms", test_chinese_report_forms },
        { "broker_note_lists", test_broker_note_lists },
        { "openings_and_outlooks", test_openings_and_outlooks },
        { "interim_release_forms", test_interim_release_forms },
        { "dated_note_forms", test_dated_note_forms },
        { "call_remark_forms", test_call_remark_forms },
        { "labelled_items", test_labelled_items },
        { "failalloc", test_failalloc },
        { "corpus", test_corpus },
        { NULL, NULL },
    };
    int rc = tu_run_suite("facts", tests);
    earnings_engine_free(engine);
    return rc;
}
