/* Entities and metrics: gazetteer matching (exact, alias, case, word
 * boundaries, longest-leftmost), transcript noise (variants, fuzzy matches
 * and no false merge), ticker and honorific patterns, role linking, metrics
 * in English and Chinese, run-time lexicons and their errors, the corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <earnings.h>
#include <earnings/entities.h>

#include "test_util.h"
#include "entities/entities_internal.h"
#include "entities/gazetteer.h"
#include "document/document_internal.h"
#ifdef EARNINGS_FAILALLOC
#include "core/failalloc.h"
#endif

#define LEX EARNINGS_TEST_RESOURCES "/lexicons/"

static earnings_engine *engine;
/* Whether earnings_engine_new()/earnings_parse() run this stage themselves
 * (document.c); until they do, the suite runs it through the internal glue. */
static int wired;

static void engine_release(earnings_engine *e)
{
    if (e && !wired) {
        earnings__gazetteer_free(e->gazetteer);
        e->gazetteer = NULL;
    }
    earnings_engine_free(e);
}

static earnings_doc *parse_with(const earnings_engine *e, const char *text)
{
    earnings_doc *d = NULL;
    int rc = earnings_parse(&d, e, text, strlen(text), NULL);
    CU_ASSERT_EQUAL_FATAL(rc, EARNINGS_OK);
    if (!wired)
        CU_ASSERT_EQUAL(earnings__doc_entities(d), EARNINGS_OK);
    return d;
}

static earnings_doc *parse(const char *text) { return parse_with(engine, text); }

static void doc_release(earnings_doc *d)
{
    if (d && !wired)
        earnings__doc_entities_free(d);
    earnings_doc_free(d);
}

/* The mention whose original text is `text` (the n-th one, 0-based), or NULL. */
static const earnings_entity *find_text(const earnings_doc *d, const char *text, int nth)
{
    const char *orig = earnings_doc_text(d, NULL);
    size_t tl = strlen(text);
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++) {
        const earnings_entity *e = earnings_doc_entity(d, i);
        if (e->span.end - e->span.start == tl && memcmp(orig + e->span.start, text, tl) == 0 && nth-- == 0)
            return e;
    }
    return NULL;
}

static size_t count_id(const earnings_doc *d, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++)
        n += strcmp(earnings_doc_entity(d, i)->id, id) == 0;
    return n;
}

/* Assert that `text` is a mention of `id` with match kind `match`. */
#define EXPECT(d, text, id_, match_)                                                       \
    do {                                                                                   \
        const earnings_entity *e_ = find_text((d), (text), 0);                             \
        CU_ASSERT_PTR_NOT_NULL(e_);                                                        \
        if (!e_) {                                                                         \
            fprintf(stderr, "\n  no mention '%s'\n", (text));                              \
            break;                                                                         \
        }                                                                                  \
        if (strcmp(e_->id, (id_)) != 0 || e_->match != (match_))                           \
            fprintf(stderr, "\n  '%s': got %s %s, want %s %s\n", (text), e_->id,           \
                    earnings_entity_match_name(e_->match), (id_),                          \
                    earnings_entity_match_name(match_));                                   \
        CU_ASSERT_STRING_EQUAL(e_->id, (id_));                                             \
        CU_ASSERT_EQUAL(e_->match, (match_));                                              \
    } while (0)

/* ---- basics --------------------------------------------------------------- */

static void test_names(void)
{
    CU_ASSERT_STRING_EQUAL(earnings_entity_type_name(EARNINGS_ENTITY_ORG), "org");
    CU_ASSERT_STRING_EQUAL(earnings_entity_type_name(EARNINGS_ENTITY_SEGMENT), "segment");
    CU_ASSERT_STRING_EQUAL(earnings_entity_type_name(EARNINGS_ENTITY_PRODUCT), "product");
    CU_ASSERT_STRING_EQUAL(earnings_entity_type_name(EARNINGS_ENTITY_PERSON), "person");
    CU_ASSERT_STRING_EQUAL(earnings_entity_type_name(EARNINGS_ENTITY_ROLE), "role");
    CU_ASSERT_STRING_EQUAL(earnings_entity_type_name(EARNINGS_ENTITY_TICKER), "ticker");
    CU_ASSERT_STRING_EQUAL(earnings_entity_type_name(EARNINGS_ENTITY_METRIC), "metric");
    CU_ASSERT_STRING_EQUAL(earnings_entity_type_name(0), "unknown");
    CU_ASSERT_STRING_EQUAL(earnings_entity_match_name(EARNINGS_MATCH_EXACT), "exact");
    CU_ASSERT_STRING_EQUAL(earnings_entity_match_name(EARNINGS_MATCH_ALIAS), "alias");
    CU_ASSERT_STRING_EQUAL(earnings_entity_match_name(EARNINGS_MATCH_VARIANT), "variant");
    CU_ASSERT_STRING_EQUAL(earnings_entity_match_name(EARNINGS_MATCH_FUZZY), "fuzzy");
    CU_ASSERT_STRING_EQUAL(earnings_entity_match_name(EARNINGS_MATCH_PATTERN), "pattern");
    CU_ASSERT_STRING_EQUAL(earnings_entity_match_name(99), "unknown");
    CU_ASSERT_EQUAL(earnings_doc_entity_count(NULL), 0);
    CU_ASSERT_PTR_NULL(earnings_doc_entity(NULL, 0));
}

static void test_exact_alias_case(void)
{
    earnings_doc *d = parse("Amazon grew. 亚马逊的营收 rose; AMAZON and amazon too. Amazon Web Services (AWS) "
                            "and 亚马逊云科技. NVIDIA, Nvidia and 英伟达; Intel and 英特尔; Whole Foods Market "
                            "and 全食超市.");
    EXPECT(d, "Amazon", "org:amazon", EARNINGS_MATCH_EXACT);
    EXPECT(d, "亚马逊", "org:amazon", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "AMAZON", "org:amazon", EARNINGS_MATCH_EXACT);
    EXPECT(d, "amazon", "org:amazon", EARNINGS_MATCH_EXACT);
    EXPECT(d, "Amazon Web Services", "segment:aws", EARNINGS_MATCH_EXACT);
    EXPECT(d, "AWS", "segment:aws", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "亚马逊云科技", "segment:aws", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "NVIDIA", "org:nvidia", EARNINGS_MATCH_EXACT);
    EXPECT(d, "Nvidia", "org:nvidia", EARNINGS_MATCH_EXACT);
    EXPECT(d, "英伟达", "org:nvidia", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "英特尔", "org:intel", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "Whole Foods Market", "org:whole-foods-market", EARNINGS_MATCH_EXACT);
    EXPECT(d, "全食超市", "org:whole-foods-market", EARNINGS_MATCH_ALIAS);
    const earnings_entity *e = find_text(d, "亚马逊", 0);
    CU_ASSERT_STRING_EQUAL(e->lang, "zh");
    CU_ASSERT_STRING_EQUAL(e->name, "Amazon");
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_ORG);
    CU_ASSERT_EQUAL(e->distance, 0);
    CU_ASSERT_STRING_EQUAL(find_text(d, "AWS", 0)->lang, "en");
    CU_ASSERT_STRING_EQUAL(find_text(d, "AWS", 0)->name, "Amazon Web Services");
    /* text order, no overlap, norm spans inside the normalized text */
    size_t nlen = 0;
    earnings_doc_normalized(d, &nlen);
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++) {
        const earnings_entity *x = earnings_doc_entity(d, i);
        CU_ASSERT_TRUE(x->norm.end <= nlen && x->norm.start < x->norm.end);
        if (i)
            CU_ASSERT_TRUE(earnings_doc_entity(d, i - 1)->norm.end <= x->norm.start);
    }
    CU_ASSERT_PTR_NULL(earnings_doc_entity(d, earnings_doc_entity_count(d)));
    doc_release(d);

    /* case-sensitive aliases: the company, not the word */
    d = parse("Target beat. We hit our target. Apple and apple pie.");
    EXPECT(d, "Target", "org:target", EARNINGS_MATCH_EXACT);
    CU_ASSERT_PTR_NULL(find_text(d, "target", 0));
    EXPECT(d, "Apple", "org:apple", EARNINGS_MATCH_EXACT);
    CU_ASSERT_PTR_NULL(find_text(d, "apple", 0));
    doc_release(d);
}

static void test_boundaries(void)
{
    earnings_doc *d = parse("Amazonian LAWS and flaws. AWS's margin; AWS-related; (AWS) and 亚马逊和AWS的收入. "
                            "Trainium2 and Tranium-3 and Graviton4x.");
    CU_ASSERT_PTR_NULL(find_text(d, "Amazon", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "AWS", 4));
    EXPECT(d, "AWS", "segment:aws", EARNINGS_MATCH_ALIAS);
    CU_ASSERT_PTR_NOT_NULL(find_text(d, "AWS", 3)); /* AWS's, AWS-related, (AWS), 和AWS的 */
    EXPECT(d, "亚马逊", "org:amazon", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "收入", "metric:revenue", EARNINGS_MATCH_ALIAS);
    /* a generation number attached to a product name is part of the mention */
    EXPECT(d, "Trainium2", "product:trainium", EARNINGS_MATCH_EXACT);
    EXPECT(d, "Tranium", "product:trainium", EARNINGS_MATCH_FUZZY);
    CU_ASSERT_PTR_NULL(find_text(d, "Graviton", 0)); /* Graviton4x: inside a longer word */
    doc_release(d);

    /* longest-leftmost */
    d = parse("Amazon Web Services operating margin and operating income; 营业利润率与营业利润; "
              "non-operating income; free cash flow and free-cash-flow.");
    EXPECT(d, "Amazon Web Services", "segment:aws", EARNINGS_MATCH_EXACT);
    CU_ASSERT_EQUAL(count_id(d, "org:amazon"), 0);
    EXPECT(d, "operating margin", "metric:operating-margin", EARNINGS_MATCH_EXACT);
    EXPECT(d, "operating income", "metric:operating-income", EARNINGS_MATCH_EXACT);
    EXPECT(d, "营业利润率", "metric:operating-margin", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "营业利润", "metric:operating-income", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "non-operating income", "metric:non-operating-income", EARNINGS_MATCH_EXACT);
    EXPECT(d, "free cash flow", "metric:free-cash-flow", EARNINGS_MATCH_EXACT);
    EXPECT(d, "free-cash-flow", "metric:free-cash-flow", EARNINGS_MATCH_EXACT);
    doc_release(d);

    /* spaces: runs and line breaks compare equal; full-width text is normalized */
    d = parse("Amazon  Web\nServices and ＡＷＳ.");
    EXPECT(d, "Amazon  Web\nServices", "segment:aws", EARNINGS_MATCH_EXACT);
    EXPECT(d, "ＡＷＳ", "segment:aws", EARNINGS_MATCH_ALIAS);
    doc_release(d);
}

/* ---- transcript noise ---------------------------------------------------- */

static void test_variants_fuzzy(void)
{
    earnings_doc *d = parse("Brian Olsowski, Chief Financial Officer. Then Brian Losowski spoke, and Andy Garthy. "
                            "Tranium-2 and Gravitron chips. Brian Olsavski again. Training and German markets "
                            "were not entities.");
    const earnings_entity *e = find_text(d, "Brian Olsowski", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "person:brian-olsavsky");
    CU_ASSERT_EQUAL(e->match, EARNINGS_MATCH_VARIANT);
    CU_ASSERT_EQUAL(e->distance, 3);
    EXPECT(d, "Brian Losowski", "person:brian-olsavsky", EARNINGS_MATCH_VARIANT);
    e = find_text(d, "Andy Garthy", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "person:andy-jassy");
    CU_ASSERT_EQUAL(e->match, EARNINGS_MATCH_VARIANT);
    CU_ASSERT_EQUAL(e->distance, 4);
    e = find_text(d, "Tranium", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "product:trainium");
    CU_ASSERT_EQUAL(e->match, EARNINGS_MATCH_FUZZY);
    CU_ASSERT_EQUAL(e->distance, 1);
    EXPECT(d, "Gravitron", "product:graviton", EARNINGS_MATCH_FUZZY);
    /* a first name before a near surname confirms it; the mention covers both */
    e = find_text(d, "Brian Olsavski", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "person:brian-olsavsky");
    CU_ASSERT_EQUAL(e->match, EARNINGS_MATCH_FUZZY);
    CU_ASSERT_EQUAL(e->distance, 1);
    CU_ASSERT_TRUE(e->flags & EARNINGS_ENTITY_FLAG_CONTEXT);
    /* ordinary words near names are left alone */
    CU_ASSERT_PTR_NULL(find_text(d, "Training", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "German", 0));
    doc_release(d);

    /* Han names with or without a middle dot */
    d = parse("安迪·贾西、安迪•贾西与安迪贾西; 布莱恩・奥尔萨夫斯基。");
    EXPECT(d, "安迪·贾西", "person:andy-jassy", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "安迪•贾西", "person:andy-jassy", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "安迪贾西", "person:andy-jassy", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "布莱恩・奥尔萨夫斯基", "person:brian-olsavsky", EARNINGS_MATCH_ALIAS);
    doc_release(d);
}

static void test_no_false_merge(void)
{
    /* Peter Olsavski is a different real person one edit from Olsavsky */
    earnings_lexicon *lex = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_lexicon_new(&lex), EARNINGS_OK);
    CU_ASSERT_EQUAL_FATAL(earnings_lexicon_add_file(lex, LEX "near.tsv"), EARNINGS_OK);
    earnings_engine *e = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_engine_new_with_lexicon(&e, NULL, lex), EARNINGS_OK);
    earnings_lexicon_free(lex);
    earnings_doc *d = parse_with(e, "Olsavski spoke. Olsavsky spoke. Olsavskii and Olsavskyy spoke.");
    EXPECT(d, "Olsavski", "person:peter-olsavski", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "Olsavsky", "person:brian-olsavsky", EARNINGS_MATCH_ALIAS);
    /* within reach of both: neither */
    CU_ASSERT_PTR_NULL(find_text(d, "Olsavskii", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "Olsavskyy", 0));
    doc_release(d);
    /* the same text with the built-in lexicon alone is a near match */
    d = parse("Olsavskyy spoke.");
    EXPECT(d, "Olsavskyy", "person:brian-olsavsky", EARNINGS_MATCH_FUZZY);
    doc_release(d);
    engine_release(e);
}

/* ---- patterns --------------------------------------------------------------- */

static void test_tickers(void)
{
    earnings_doc *d = parse("Amazon (AMZN) and $Amazon(AMZN.US); NASDAQ: AMZN, NYSE: IBM, (NASDAQ:NVDA), $TSLA, "
                            "0700.HK, NYSE: XYZQ. Roku (RKUX) rose. AMZN shares rose. The (CPU) and (FTC) and "
                            "U.S. and (2025). COST OF SALES");
    const earnings_entity *e = find_text(d, "AMZN", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_TICKER);
    CU_ASSERT_EQUAL(e->match, EARNINGS_MATCH_PATTERN);
    CU_ASSERT_STRING_EQUAL(e->id, "org:amazon");
    CU_ASSERT_STRING_EQUAL(e->name, "Amazon");
    CU_ASSERT_STRING_EQUAL(e->ticker, "AMZN");
    CU_ASSERT_STRING_EQUAL(e->exchange, "NASDAQ");
    e = find_text(d, "AMZN.US", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:amazon");
    CU_ASSERT_STRING_EQUAL(e->exchange, "US");
    e = find_text(d, "NASDAQ: AMZN", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->ticker, "AMZN");
    e = find_text(d, "NYSE: IBM", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:ibm");
    CU_ASSERT_STRING_EQUAL(e->exchange, "NYSE");
    EXPECT(d, "NASDAQ:NVDA", "org:nvidia", EARNINGS_MATCH_PATTERN);
    EXPECT(d, "TSLA", "org:tesla", EARNINGS_MATCH_PATTERN);
    EXPECT(d, "0700.HK", "org:tencent", EARNINGS_MATCH_PATTERN);
    /* unknown symbols: with an exchange, or in parentheses after a company */
    e = find_text(d, "NYSE: XYZQ", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "ticker:XYZQ");
    CU_ASSERT_STRING_EQUAL(e->name, "XYZQ");
    CU_ASSERT_STRING_EQUAL(e->ticker, "XYZQ");
    CU_ASSERT_TRUE(e->flags & EARNINGS_ENTITY_FLAG_UNKNOWN);
    e = find_text(d, "RKUX", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_TICKER);
    CU_ASSERT_STRING_EQUAL(e->id, "org:roku");
    CU_ASSERT_STRING_EQUAL(e->ticker, "RKUX");
    /* a bare symbol of 4+ letters, in running text */
    e = find_text(d, "AMZN", 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_TICKER);
    CU_ASSERT_EQUAL(e->match, EARNINGS_MATCH_ALIAS);
    /* not tickers */
    CU_ASSERT_PTR_NULL(find_text(d, "CPU", 0));
    EXPECT(d, "FTC", "org:ftc", EARNINGS_MATCH_ALIAS);
    CU_ASSERT_PTR_NULL(find_text(d, "U.S", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "2025", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "COST", 0)); /* a heading, not Costco */
    doc_release(d);
}

static void test_honorifics(void)
{
    earnings_doc *d = parse("Mr. Dave Fildes opened. Ms. Jane Roe asked. Dr. Lisa Su replied. Mr Smith left.");
    EXPECT(d, "Dave Fildes", "person:dave-fildes", EARNINGS_MATCH_EXACT);
    const earnings_entity *e = find_text(d, "Jane Roe", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_PERSON);
    CU_ASSERT_EQUAL(e->match, EARNINGS_MATCH_PATTERN);
    CU_ASSERT_STRING_EQUAL(e->id, "person:jane-roe");
    CU_ASSERT_STRING_EQUAL(e->name, "Jane Roe");
    CU_ASSERT_TRUE(e->flags & EARNINGS_ENTITY_FLAG_UNKNOWN);
    EXPECT(d, "Lisa Su", "person:lisa-su", EARNINGS_MATCH_EXACT);
    EXPECT(d, "Smith", "person:smith", EARNINGS_MATCH_PATTERN);
    doc_release(d);
}

/* Organizations the lexicon does not know, by their legal form, and their
 * later mentions by name. */
static void test_legal_forms(void)
{
    earnings_doc *d = parse("Acme Robotics Inc. (NASDAQ: ACMR) reported. Later, Acme Robotics said more. "
                            "Shares of Nordwind Holdings AG rose. Today Blue Harbor Capital, Inc. said so. "
                            "The Company agreed. Results Of The Company were strong. A co-founder left. "
                            "Amazon.com, Inc. and Procter & Gamble Co. did not.");
    const earnings_entity *e = find_text(d, "Acme Robotics Inc.", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_ORG);
    CU_ASSERT_EQUAL(e->match, EARNINGS_MATCH_PATTERN);
    CU_ASSERT_TRUE(e->flags & EARNINGS_ENTITY_FLAG_UNKNOWN);
    CU_ASSERT_STRING_EQUAL(e->id, "org:acme-robotics");
    CU_ASSERT_STRING_EQUAL(e->name, "Acme Robotics Inc.");
    /* the later mention without the form is the same organization */
    e = find_text(d, "Acme Robotics", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_ORG);
    CU_ASSERT_STRING_EQUAL(e->id, "org:acme-robotics");
    CU_ASSERT_EQUAL(e->span.end - e->span.start, strlen("Acme Robotics"));
    /* two forms in a row: one organization; a leading word is not its name */
    e = find_text(d, "Nordwind Holdings AG", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:nordwind-holdings");
    CU_ASSERT_PTR_NULL(find_text(d, "Shares of Nordwind", 0));
    e = find_text(d, "Blue Harbor Capital, Inc.", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:blue-harbor-capital");
    CU_ASSERT_PTR_NULL(find_text(d, "Today Blue Harbor Capital, Inc.", 0));
    /* not names: the Company, a heading, a co-founder */
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++) {
        const earnings_entity *x = earnings_doc_entity(d, i);
        CU_ASSERT_FALSE(x->type == EARNINGS_ENTITY_ORG && (x->flags & EARNINGS_ENTITY_FLAG_UNKNOWN) &&
                        (strstr(x->name, "Company") || strstr(x->name, "co-")));
    }
    /* the lexicon's organizations stay the lexicon's */
    EXPECT(d, "Procter & Gamble", "org:procter-and-gamble", EARNINGS_MATCH_EXACT);
    e = find_text(d, "Amazon.com, Inc.", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:amazon");
    doc_release(d);

    /* Chinese: the name before 有限公司, its 简称 and later mentions */
    d = parse("星河动力航天科技股份有限公司（以下简称“星河动力”）发布报告。星河动力营收增长。"
              "腾讯科技(深圳)有限公司与本有限公司。");
    e = find_text(d, "星河动力航天科技股份有限公司", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_ORG);
    CU_ASSERT_EQUAL(e->match, EARNINGS_MATCH_PATTERN);
    CU_ASSERT_STRING_EQUAL(e->id, "org:星河动力航天科技");
    CU_ASSERT_STRING_EQUAL(e->lang, "zh");
    e = find_text(d, "星河动力", 0); /* the mention after the 简称 */
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:星河动力航天科技");
    /* a known company keeps its lexicon entry; 本 (this) is no name */
    e = find_text(d, "腾讯", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:tencent");
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++)
        CU_ASSERT_PTR_NULL(strstr(earnings_doc_entity(d, i)->name, "本有限"));
    doc_release(d);
}

/* Products no lexicon knows, by how the text introduces them. */
static void test_introduced_products(void)
{
    earnings_doc *d = parse("The team launched the \"Add-to-Delivery\" button. Add-to-Delivery spread. "
                            "We built an agent called Stratus Flow. A man called John came. "
                            "She said \"Great Results\" twice.");
    const earnings_entity *e = find_text(d, "Add-to-Delivery", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_PRODUCT);
    CU_ASSERT_EQUAL(e->match, EARNINGS_MATCH_PATTERN);
    CU_ASSERT_TRUE(e->flags & EARNINGS_ENTITY_FLAG_UNKNOWN);
    CU_ASSERT_STRING_EQUAL(e->id, "product:add-to-delivery");
    e = find_text(d, "Add-to-Delivery", 1); /* a later mention */
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "product:add-to-delivery");
    e = find_text(d, "Stratus Flow", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "product:stratus-flow");
    /* no product noun before `called`, no launch verb before the quote */
    CU_ASSERT_PTR_NULL(find_text(d, "John", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "Great Results", 0));
    doc_release(d);
}

/* Capitalized words before a segment head (`segment`, `division`,
 * `franchise`, `部门`) name an unknown segment; not a head that modifies a
 * noun (`business models`), not a determiner alone */
/* The lower-case legal form of British names */
static void test_plc_names(void)
{
    earnings_doc *d = parse("Northgate Insurance Group plc reported results. Tesco plc said. The plc rules.");
    const earnings_entity *e = find_text(d, "Northgate Insurance Group plc", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_ORG);
    CU_ASSERT_STRING_EQUAL(e->id, "org:northgate-insurance-group");
    CU_ASSERT_PTR_NULL(find_text(d, "The plc", 0));
    doc_release(d);
}

static void test_named_segments(void)
{
    earnings_doc *d = parse("Revenue in the Home Comfort segment rose 4%. Our Consumer Health division grew. "
                            "The Food and Beverage business was flat. Personal Devices部门营收为215亿美元。 "
                            "Clients move to AI-centric business models. The division grew. Total segment sales.");
    const earnings_entity *e = find_text(d, "Home Comfort", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_SEGMENT);
    CU_ASSERT_STRING_EQUAL(e->id, "segment:home-comfort");
    CU_ASSERT_TRUE(e->flags & EARNINGS_ENTITY_FLAG_UNKNOWN);
    e = find_text(d, "Consumer Health", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_SEGMENT);
    e = find_text(d, "Food and Beverage", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_SEGMENT);
    e = find_text(d, "Personal Devices", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_SEGMENT);
    CU_ASSERT_PTR_NULL(find_text(d, "AI-centric", 0));
    doc_release(d);
    /* two capitalized words or more before a result word; not a period */
    d = parse("Looking at our segments, Enterprise Networking revenue was $702 million. Service Provider revenue "
              "declined 6%. Third Quarter revenue rose. Total revenue grew. Q2 FY2026 revenue guide: $3.55B.");
    e = find_text(d, "Enterprise Networking", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_SEGMENT);
    e = find_text(d, "Service Provider", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_SEGMENT);
    CU_ASSERT_PTR_NULL(find_text(d, "Third Quarter", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "Q2 FY2026", 0));
    doc_release(d);
    /* not a possessive, nor a name of the whole company */
    d = parse("Acme Corp said that the Company's business grew. The Group segment results. Our Bank division.");
    CU_ASSERT_PTR_NULL(find_text(d, "Company's", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "Group", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "Bank", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "Total", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "The", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "Total", 0));
    doc_release(d);
    /* words before a segment the lexicon knows make a longer name */
    d = parse("Freight revenue rose 6%, while Contract Logistics revenue climbed 14%. Logistics grew.");
    e = find_text(d, "Contract Logistics", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "segment:contract-logistics");
    e = find_text(d, "Logistics", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "segment:logistics");
    doc_release(d);
}

static void test_roles(void)
{
    earnings_doc *d = parse("Joining me are our CEO, Andy Jassy, and our CFO, Brian Olsavsky. "
                            "Andy Jassy – CEO\n\nThanks. CFO Brian Olsavsky said. "
                            "首席财务官布莱恩·奥尔萨夫斯基表示。安迪贾西(Andy Jassy)—— 首席执行官");
    const earnings_entity *e = find_text(d, "Andy Jassy", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->role, "role:ceo");
    e = find_text(d, "Brian Olsavsky", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->role, "role:cfo");
    e = find_text(d, "Andy Jassy", 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->role, "role:ceo");
    e = find_text(d, "Brian Olsavsky", 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->role, "role:cfo");
    e = find_text(d, "布莱恩·奥尔萨夫斯基", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->role, "role:cfo");
    EXPECT(d, "首席财务官", "role:cfo", EARNINGS_MATCH_ALIAS);
    e = find_text(d, "安迪贾西", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->role, "role:ceo");
    e = find_text(d, "Andy Jassy", 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->role, "role:ceo");
    doc_release(d);

    d = parse("Andy Jassy met analysts. The CEO left.");
    CU_ASSERT_PTR_NULL(find_text(d, "Andy Jassy", 0)->role);
    doc_release(d);
}

/* ---- metrics ------------------------------------------------------------------ */

static void test_metrics(void)
{
    static const char *const cases[][2] = {
        { "revenue", "metric:revenue" },
        { "net sales", "metric:revenue" },
        { "Sales", "metric:revenue" },
        { "营收", "metric:revenue" },
        { "销售额", "metric:revenue" },
        { "净销售额", "metric:revenue" },
        { "revenue growth", "metric:revenue-growth" },
        { "operating profit", "metric:operating-income" },
        { "运营利润", "metric:operating-income" },
        { "operating margin", "metric:operating-margin" },
        { "net income", "metric:net-income" },
        { "净利润", "metric:net-income" },
        { "EPS", "metric:eps" },
        { "earnings per share", "metric:eps" },
        { "每股收益", "metric:eps" },
        { "gross margin", "metric:gross-margin" },
        { "毛利率", "metric:gross-margin" },
        { "free cash flow", "metric:free-cash-flow" },
        { "自由现金流", "metric:free-cash-flow" },
        { "capital expenditures", "metric:capex" },
        { "capex", "metric:capex" },
        { "资本支出", "metric:capex" },
        { "backlog", "metric:backlog" },
        { "未履行合同", "metric:backlog" },
        { "积压订单", "metric:backlog" },
        { "annualized run rate", "metric:annualized-run-rate" },
        { "run-rate", "metric:annualized-run-rate" },
        { "年化营收", "metric:annualized-run-rate" },
        { "年化收入", "metric:annualized-run-rate" },
        { "gross merchandise sales", "metric:gmv" },
        { "商品交易总额", "metric:gmv" },
        { "guidance", "metric:guidance" },
        { "active users", "metric:active-users" },
        { "活跃用户", "metric:active-users" },
        { "paid units", "metric:paid-units" },
        { "unit sales", "metric:paid-units" },
        { "share of units", "metric:unit-share" },
        { "销量占比", "metric:unit-share" },
        { "cash", "metric:cash" },
        { "headcount", "metric:headcount" },
        { "员工人数", "metric:headcount" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "The %s was 5.", cases[i][0]);
        earnings_doc *d = parse(text);
        const earnings_entity *e = find_text(d, cases[i][0], 0);
        if (!e || strcmp(e->id, cases[i][1]) != 0)
            fprintf(stderr, "\n  metric '%s': got %s\n", cases[i][0], e ? e->id : "nothing");
        CU_ASSERT_PTR_NOT_NULL(e);
        if (e) {
            CU_ASSERT_STRING_EQUAL(e->id, cases[i][1]);
            CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_METRIC);
        }
        doc_release(d);
    }
}

/* ---- lexicons ----------------------------------------------------------------- */

static void test_runtime_lexicon(void)
{
    const char *text = "Contoso Ltd. (CTSO) grew; 康托索的营收增长. Contoso CloudBox and Cloudbocks; "
                       "Jane Doerr, Chief Executive. Amazon Group too.";
    earnings_doc *d = parse(text);
    /* without the lexicon: only the legal-form pattern, an unknown organization */
    const earnings_entity *u = find_text(d, "Contoso Ltd.", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(u);
    CU_ASSERT_EQUAL(u->match, EARNINGS_MATCH_PATTERN);
    CU_ASSERT_TRUE(u->flags & EARNINGS_ENTITY_FLAG_UNKNOWN);
    CU_ASSERT_PTR_NULL(find_text(d, "康托索", 0));
    doc_release(d);
    int32_t type = 0;
    const char *name = NULL;
    CU_ASSERT_EQUAL(earnings_entity_lookup(engine, "org:contoso", &type, &name), EARNINGS_ENOTFOUND);

    earnings_lexicon *lex = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_lexicon_new(&lex), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_lexicon_entry_count(lex), 0);
    CU_ASSERT_EQUAL_FATAL(earnings_lexicon_add_file(lex, LEX "contoso.tsv"), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_lexicon_entry_count(lex), 5);
    earnings_engine *e = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_engine_new_with_lexicon(&e, NULL, lex), EARNINGS_OK);
    earnings_lexicon_free(lex); /* the engine copied what it needs */

    d = parse_with(e, text);
    EXPECT(d, "Contoso Ltd.", "org:contoso", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "康托索", "org:contoso", EARNINGS_MATCH_ALIAS);
    CU_ASSERT_STRING_EQUAL(find_text(d, "康托索", 0)->lang, "zh");
    const earnings_entity *t = find_text(d, "CTSO", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(t->type, EARNINGS_ENTITY_TICKER);
    CU_ASSERT_STRING_EQUAL(t->id, "org:contoso");
    CU_ASSERT_STRING_EQUAL(t->exchange, "NASDAQ");
    EXPECT(d, "Contoso CloudBox", "product:contoso-cloudbox", EARNINGS_MATCH_ALIAS);
    EXPECT(d, "Cloudbocks", "product:contoso-cloudbox", EARNINGS_MATCH_VARIANT);
    EXPECT(d, "Jane Doerr", "person:jane-doerr", EARNINGS_MATCH_EXACT);
    /* merged into built-in entries */
    EXPECT(d, "Chief Executive", "role:ceo", EARNINGS_MATCH_ALIAS);
    CU_ASSERT_STRING_EQUAL(find_text(d, "Jane Doerr", 0)->role, "role:ceo");
    EXPECT(d, "Amazon Group", "org:amazon", EARNINGS_MATCH_ALIAS);
    doc_release(d);

    CU_ASSERT_EQUAL(earnings_entity_lookup(e, "org:contoso", &type, &name), EARNINGS_OK);
    CU_ASSERT_EQUAL(type, EARNINGS_ENTITY_ORG);
    CU_ASSERT_STRING_EQUAL(name, "Contoso");
    CU_ASSERT_EQUAL(earnings_entity_lookup(e, "segment:aws", &type, NULL), EARNINGS_OK);
    CU_ASSERT_EQUAL(type, EARNINGS_ENTITY_SEGMENT);
    CU_ASSERT_EQUAL(earnings_entity_lookup(e, "metric:revenue", NULL, &name), EARNINGS_OK);
    CU_ASSERT_STRING_EQUAL(name, "Revenue");
    CU_ASSERT_EQUAL(earnings_entity_lookup(e, "org:nope", NULL, NULL), EARNINGS_ENOTFOUND);
    CU_ASSERT_EQUAL(earnings_entity_lookup(NULL, "org:amazon", NULL, NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_entity_lookup(e, NULL, NULL, NULL), EARNINGS_EINVAL);
    engine_release(e);

    /* NULL lexicon: the built-in entries only */
    CU_ASSERT_EQUAL_FATAL(earnings_engine_new_with_lexicon(&e, NULL, NULL), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_entity_lookup(e, "org:amazon", NULL, NULL), EARNINGS_OK);
    engine_release(e);
    CU_ASSERT_EQUAL(earnings_engine_new_with_lexicon(NULL, NULL, NULL), EARNINGS_EINVAL);
}

static void expect_parse_error(const char *file, const char *where, int64_t offset)
{
    earnings_lexicon *lex = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_lexicon_new(&lex), EARNINGS_OK);
    char path[512];
    snprintf(path, sizeof path, "%s%s", LEX, file);
    int rc = earnings_lexicon_add_file(lex, path);
    CU_ASSERT_EQUAL(rc, EARNINGS_EPARSE);
    const earnings_error *err = earnings_error_last();
    CU_ASSERT_EQUAL(err->code, EARNINGS_EPARSE);
    if (!strstr(err->message, where) || err->byte_offset != offset)
        fprintf(stderr, "\n  %s: '%s' at %lld\n", file, err->message, (long long)err->byte_offset);
    CU_ASSERT_PTR_NOT_NULL(strstr(err->message, where));
    CU_ASSERT_EQUAL(err->byte_offset, offset);
    CU_ASSERT_EQUAL(earnings_lexicon_entry_count(lex), 0); /* nothing half-added */
    earnings_lexicon_free(lex);
}

static void test_reporting_subjects(void)
{
    /* the subject of a release's title, and of `today reported` */
    earnings_doc *d = parse("# Globex Systems Reports Record Third Quarter Results\n\n"
                            "Globex Systems (NYSE: GBX) today reported revenue of $1.2 billion. "
                            "Separately, Initech Labs today announced a buyback. The Quarter Reports were late.");
    const earnings_entity *e = find_text(d, "Globex Systems", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_ORG);
    CU_ASSERT_TRUE(e->flags & EARNINGS_ENTITY_FLAG_UNKNOWN);
    CU_ASSERT_STRING_EQUAL(e->id, "org:globex-systems");
    e = find_text(d, "Globex Systems", 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:globex-systems");
    e = find_text(d, "Initech Labs", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:initech-labs");
    /* `Reports` outside the first line names nothing */
    CU_ASSERT_PTR_NULL(find_text(d, "The Quarter", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "Quarter", 0));
    doc_release(d);

    /* one company in two scripts takes the English name's id; a ticker in
     * parentheses does not rename it; a one-word name after the longer one
     * is that company */
    d = parse("星河科技2025年第三季度业绩\n\nStar River Technology（星河科技）本季度总收入为人民币256.3亿元。"
              "星河科技预计全年收入增长。华远电器(HYDQ)收入为10亿元。");
    e = find_text(d, "星河科技", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:star-river-technology");
    e = find_text(d, "星河科技", 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:star-river-technology");
    doc_release(d);
    d = parse("Pinecrest Bank profit rises\n\nPinecrest Bank Corp said its profit rose. Pinecrest raised its forecast.");
    e = find_text(d, "Pinecrest", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:pinecrest-bank");
    doc_release(d);

    /* an abbreviation of the words before it is not a listed ticker */
    d = parse("Average revenue per membership (ARM) was $17.20. Arm Holdings (ARM) shares rose.");
    e = find_text(d, "ARM", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e); /* the second: Arm's ticker */
    CU_ASSERT_TRUE(e->span.start > 40);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_TICKER);
    doc_release(d);
    d = parse("Advanced Micro Devices (AMD) reported revenue.");
    e = find_text(d, "AMD", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e); /* a company's initials stay the company's */
    CU_ASSERT_STRING_EQUAL(e->id, "org:amd");
    doc_release(d);

    /* one word before a title's period word is a name only when named again */
    d = parse("Tech earnings roundup: cloud giants diverge\nShares rose.");
    CU_ASSERT_PTR_NULL(find_text(d, "Tech", 0));
    doc_release(d);
    d = parse("Initech earnings: record quarter\nInitech said revenue rose.");
    e = find_text(d, "Initech", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:initech");
    doc_release(d);

    /* the name before the title's period, and before a ticker */
    d = parse("Vantage Motors Q2 2025 Earnings Call Transcript\n\nOperator: Welcome. "
              "Lisa Grant joined Helios Grid (NASDAQ: HGRD) last year.");
    e = find_text(d, "Vantage Motors", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:vantage-motors");
    e = find_text(d, "Helios Grid", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:helios-grid");
    doc_release(d);
    /* a bare (SYM) after a name no lexicon knows; a sentence opened by a
     * name and `reported`; not a heading's abbreviation, not `The Board` */
    d = parse("Results were strong.\nHelios Grid (HGRD): initiating coverage.\n## Executive Summary (BLUF)\n"
              "Initech Labs reported revenue of $3 billion. The Board announced a dividend.");
    e = find_text(d, "Helios Grid", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:helios-grid");
    e = find_text(d, "HGRD", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_TICKER);
    e = find_text(d, "Initech Labs", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:initech-labs");
    CU_ASSERT_PTR_NULL(find_text(d, "Executive Summary", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "BLUF", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "Board", 0));
    doc_release(d);
    /* a dateline's subject with a day before its verb; a rival after its
     * leading word */
    d = parse("Nov 20 (Reuters) - Orion Devices on Wednesday forecast higher revenue. "
              "Rival Nimbus Semiconductor last week posted lower sales.");
    e = find_text(d, "Orion Devices", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:orion-devices");
    e = find_text(d, "Nimbus Semiconductor", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:nimbus-semiconductor");
    CU_ASSERT_PTR_NULL(find_text(d, "Rival Nimbus Semiconductor", 0));
    doc_release(d);
    d = parse("Sales rose. Meanwhile, Kyoto Instruments raised its full-year forecast. Yet, Some Words reported.");
    e = find_text(d, "Kyoto Instruments", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:kyoto-instruments");
    CU_ASSERT_PTR_NULL(find_text(d, "Some Words", 0));
    doc_release(d);
    d = parse("【业绩速递】华远电器2025年上半年营收同比增长6.2%\n华远电器(000651.SZ)晚间披露半年报。"
              "另据蓝海星辰(603000.SH)公告,其收入下降。");
    e = find_text(d, "华远电器", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:华远电器");
    CU_ASSERT_PTR_NOT_NULL(find_text(d, "华远电器", 1));
    e = find_text(d, "蓝海星辰", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:蓝海星辰");
    doc_release(d);

    d = parse("星河科技发布2025年第三季度业绩\n本季度收入增长。公司今日公布了回购计划。");
    e = find_text(d, "星河科技", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->type, EARNINGS_ENTITY_ORG);
    CU_ASSERT_STRING_EQUAL(e->id, "org:星河科技");
    /* 公司 is no name */
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++) {
        const earnings_entity *x = earnings_doc_entity(d, i);
        CU_ASSERT_FALSE(x->type == EARNINGS_ENTITY_ORG && strstr(x->name, "公司"));
    }
    doc_release(d);

    /* a title's subject that the text names with its legal form later */
    d = parse("Northwind Logistics Reports Fourth Quarter Results\nNorthwind Logistics Inc. (NYSE: NWL) today "
              "reported revenue of $4.8 billion.");
    e = find_text(d, "Northwind Logistics", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->span.start, 0);
    CU_ASSERT_STRING_EQUAL(e->id, "org:northwind-logistics");
    doc_release(d);

    /* 电子 ends a name; 子公司 does not open one */
    d = parse("星海电子2025年第三季度业绩说明会\n公司营收增长。");
    e = find_text(d, "星海电子", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:星海电子");
    doc_release(d);

    /* the host of an earnings call, where the call opens */
    d = parse("Operator: Good morning, and welcome to the Helix Semiconductor third quarter fiscal 2026 "
              "earnings call. Revenue was $1.6 billion.");
    e = find_text(d, "Helix Semiconductor", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:helix-semiconductor");
    doc_release(d);
    d = parse("Thank you for joining Ardent Foods' Q3 call. Thanks for joining Brightwater's Q3 2025 call.");
    e = find_text(d, "Ardent Foods", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:ardent-foods");
    CU_ASSERT_PTR_NULL(find_text(d, "Brightwater", 0)); /* (only the first opening names the host) */
    doc_release(d);
    d = parse("Welcome to Brightwater's Q3 2025 call. Brightwater grew.");
    e = find_text(d, "Brightwater", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->id, "org:brightwater");
    doc_release(d);
    /* not a period word after the capitalized words: no name */
    d = parse("Welcome to the Third Quarter Call. Welcome to Seattle today.");
    CU_ASSERT_PTR_NULL(find_text(d, "Third Quarter", 0));
    CU_ASSERT_PTR_NULL(find_text(d, "Seattle", 0));
    doc_release(d);
}

static void test_lexicon_errors(void)
{
    expect_parse_error("bad_fields.tsv", "bad_fields.tsv:3: expected 3 or 4", 42);
    expect_parse_error("bad_type.tsv", "bad_type.tsv:2: unknown type", 34);
    expect_parse_error("bad_id.tsv", "bad_id.tsv:1: invalid id 'Contoso'", 0);
    expect_parse_error("bad_alias.tsv", "bad_alias.tsv:1: empty alias", 37);
    expect_parse_error("bad_conflict.tsv", "bad_conflict.tsv:2: id redefined", 36);

    earnings_lexicon *lex = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_lexicon_new(&lex), EARNINGS_OK);
    static const char bad_utf8[] = "org:x\torg\tX\xff\n";
    CU_ASSERT_EQUAL(earnings_lexicon_add_buffer(lex, bad_utf8, sizeof bad_utf8 - 1, "mem"), EARNINGS_EPARSE);
    CU_ASSERT_EQUAL(earnings_error_last()->byte_offset, 11);
    CU_ASSERT_PTR_NOT_NULL(strstr(earnings_error_last()->message, "mem:1: invalid UTF-8"));
    static const char ctrl[] = "org:x\torg\tX\x01Y\n";
    CU_ASSERT_EQUAL(earnings_lexicon_add_buffer(lex, ctrl, sizeof ctrl - 1, NULL), EARNINGS_EPARSE);
    static const char ticker[] = "org:x\torg\tX\tticker:nasdaq:xx\n";
    CU_ASSERT_EQUAL(earnings_lexicon_add_buffer(lex, ticker, sizeof ticker - 1, NULL), EARNINGS_EPARSE);
    static const char many[] = "org:x\torg\tX\tY\tZ\n";
    CU_ASSERT_EQUAL(earnings_lexicon_add_buffer(lex, many, sizeof many - 1, NULL), EARNINGS_EPARSE);
    /* a buffer redefining an earlier entry with another type is refused whole */
    static const char ok[] = "\xEF\xBB\xBF# BOM, comment, CRLF\r\n\r\norg:x\torg\tX Corp\tXC|cs:XCO\r\n";
    CU_ASSERT_EQUAL(earnings_lexicon_add_buffer(lex, ok, sizeof ok - 1, NULL), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_lexicon_entry_count(lex), 1);
    static const char conflict[] = "org:y\torg\tY\nproduct:z\tproduct\tZ\norg:x\tperson\tX\n";
    CU_ASSERT_EQUAL(earnings_lexicon_add_buffer(lex, conflict, sizeof conflict - 1, "c"), EARNINGS_EPARSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(earnings_error_last()->message, "c:3: id org:x has type person"));
    CU_ASSERT_EQUAL(earnings_error_last()->byte_offset, 38);
    CU_ASSERT_EQUAL(earnings_lexicon_entry_count(lex), 1);
    CU_ASSERT_EQUAL(earnings_lexicon_add_buffer(lex, "", 0, NULL), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_lexicon_add_buffer(lex, NULL, 0, NULL), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings_lexicon_add_buffer(lex, NULL, 3, NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_lexicon_add_buffer(NULL, "x", 1, NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_lexicon_add_file(lex, LEX "does-not-exist.tsv"), EARNINGS_EIO);
    CU_ASSERT_EQUAL(earnings_lexicon_add_file(lex, NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_lexicon_new(NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings_lexicon_entry_count(NULL), 0);
    earnings_lexicon_free(lex);
    earnings_lexicon_free(NULL);
}

/* Every built-in file parses, and every alias of every entry is found as
 * itself in a sentence made of it (no entry is shadowed by another one). */
static void test_builtin_lexicons(void)
{
    CU_ASSERT_TRUE(earnings__builtin_lexicon_count >= 6);
    earnings_lexicon *lex = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_lexicon_new(&lex), EARNINGS_OK);
    for (size_t i = 0; i < earnings__builtin_lexicon_count; i++) {
        const earnings__lexfile *f = &earnings__builtin_lexicons[i];
        int rc = earnings_lexicon_add_buffer(lex, (const char *)f->data, f->size, f->name);
        if (rc)
            fprintf(stderr, "\n  %s\n", earnings_error_last()->message);
        CU_ASSERT_EQUAL(rc, EARNINGS_OK);
    }
    size_t companies = 0;
    for (size_t i = 0; i < lex->nentries; i++)
        companies += lex->entries[i].type == EARNINGS_ENTITY_ORG;
    CU_ASSERT_TRUE(companies >= 100);
    for (size_t i = 0; i < lex->naliases; i++) {
        const earnings__lex_alias *a = &lex->aliases[i];
        if (a->kind == EARNINGS__ALIAS_TICKER)
            continue;
        const char *alias = lex->pool.ptr + a->text;
        const char *id = lex->pool.ptr + lex->entries[a->entry].id;
        char text[300];
        snprintf(text, sizeof text, "%s", alias);
        earnings_doc *d = parse(text);
        const earnings_entity *e = earnings_doc_entity(d, 0);
        int ok = e && strcmp(e->id, id) == 0 && e->span.start == 0 && e->span.end == strlen(text);
        if (!ok)
            fprintf(stderr, "\n  alias '%s' of %s: got %s\n", alias, id, e ? e->id : "nothing");
        CU_ASSERT_TRUE(ok);
        doc_release(d);
    }
    earnings_lexicon_free(lex);
}

/* ---- the corpus ---------------------------------------------------------------- */

static void test_corpus(void)
{
    static const char *const expected[] = {
        "org:amazon", "segment:aws", "person:andy-jassy", "person:brian-olsavsky", "person:dave-fildes",
        "product:trainium", "product:graviton", "product:bedrock", "product:sagemaker", "product:agentcore",
        "product:project-rainier", "product:project-kuiper", "product:rufus", "product:prime-video",
        "product:amazon-dsp", "product:kiro", "product:alexa-plus", "product:ec2", "org:nvidia", "org:intel",
        "org:amd", "org:anthropic", "org:whole-foods-market", "org:netflix", "org:roku", "org:spotify",
        "org:siriusxm", "org:ftc", "org:morgan-stanley", "org:goldman-sachs", "org:jpmorgan",
        "org:bank-of-america", "segment:advertising", "segment:north-america", "segment:international",
        "role:ceo", "role:cfo", "metric:revenue", "metric:operating-income", "metric:operating-margin",
        "metric:net-income", "metric:free-cash-flow", "metric:capex", "metric:backlog",
        "metric:annualized-run-rate", "metric:gmv", "metric:active-users", "metric:headcount",
        "metric:paid-units",
    };
    int found[sizeof expected / sizeof expected[0]] = { 0 };
    const char *const *files = tu_corpus_files();
    CU_ASSERT_PTR_NOT_NULL_FATAL(files[0]);
    int variant_olsavsky = 0, variant_jassy = 0, fuzzy_trainium = 0, ticker_amzn = 0, cfo_linked = 0;
    for (size_t f = 0; files[f]; f++) {
        size_t len = 0;
        char *text = tu_read_file(files[f], &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        earnings_doc *d = NULL;
        CU_ASSERT_EQUAL_FATAL(earnings_parse(&d, engine, text, len, NULL), EARNINGS_OK);
        if (!wired)
            CU_ASSERT_EQUAL(earnings__doc_entities(d), EARNINGS_OK);
        size_t n = earnings_doc_entity_count(d);
        CU_ASSERT_TRUE(n > 20);
        for (size_t i = 0; i < n; i++) {
            const earnings_entity *e = earnings_doc_entity(d, i);
            CU_ASSERT_TRUE(e->span.start < e->span.end && e->span.end <= len);
            CU_ASSERT_PTR_NOT_NULL(e->id);
            CU_ASSERT_PTR_NOT_NULL(e->name);
            CU_ASSERT_TRUE(strcmp(e->lang, "en") == 0 || strcmp(e->lang, "zh") == 0);
            if (i)
                CU_ASSERT_TRUE(earnings_doc_entity(d, i - 1)->span.end <= e->span.start);
            for (size_t k = 0; k < sizeof expected / sizeof expected[0]; k++)
                found[k] |= strcmp(e->id, expected[k]) == 0;
            variant_olsavsky |= strcmp(e->id, "person:brian-olsavsky") == 0 && e->match == EARNINGS_MATCH_VARIANT;
            variant_jassy |= strcmp(e->id, "person:andy-jassy") == 0 && e->match == EARNINGS_MATCH_VARIANT;
            fuzzy_trainium |= strcmp(e->id, "product:trainium") == 0 && e->match == EARNINGS_MATCH_FUZZY;
            ticker_amzn |= e->type == EARNINGS_ENTITY_TICKER && strcmp(e->id, "org:amazon") == 0;
            cfo_linked |= strcmp(e->id, "person:brian-olsavsky") == 0 && e->role && strcmp(e->role, "role:cfo") == 0;
        }
        /* JSON of every record */
        earnings__sb sb;
        earnings__sb_init(&sb);
        for (size_t i = 0; i < n; i++)
            earnings__entity_to_json(&sb, earnings_doc_entity(d, i), earnings_doc_text(d, NULL));
        CU_ASSERT_FALSE(sb.failed);
        CU_ASSERT_PTR_NOT_NULL(strstr(sb.ptr, "\"id\":\"org:amazon\""));
        earnings__sb_release(&sb);
        doc_release(d);
        free(text);
    }
    for (size_t k = 0; k < sizeof expected / sizeof expected[0]; k++) {
        if (!found[k])
            fprintf(stderr, "\n  corpus: %s never found\n", expected[k]);
        CU_ASSERT_TRUE(found[k]);
    }
    CU_ASSERT_TRUE(variant_olsavsky);
    CU_ASSERT_TRUE(variant_jassy);
    CU_ASSERT_TRUE(fuzzy_trainium);
    CU_ASSERT_TRUE(ticker_amzn);
    CU_ASSERT_TRUE(cfo_linked);
}

static void test_json(void)
{
    earnings_doc *d = parse("CFO Brian Olsowski on \"AWS\" (NASDAQ: AMZN).");
    earnings__sb sb;
    earnings__sb_init(&sb);
    for (size_t i = 0; i < earnings_doc_entity_count(d); i++) {
        earnings__entity_to_json(&sb, earnings_doc_entity(d, i), earnings_doc_text(d, NULL));
        earnings__sb_putc(&sb, '\n');
    }
    CU_ASSERT_PTR_NOT_NULL_FATAL(sb.ptr);
    CU_ASSERT_PTR_NOT_NULL(strstr(sb.ptr, "{\"start\":0,\"end\":3,\"text\":\"CFO\",\"type\":\"role\","
                                          "\"id\":\"role:cfo\",\"name\":\"Chief Financial Officer\","
                                          "\"match\":\"alias\",\"distance\":0,\"lang\":\"en\"}"));
    CU_ASSERT_PTR_NOT_NULL(strstr(sb.ptr, "\"text\":\"Brian Olsowski\",\"type\":\"person\","
                                          "\"id\":\"person:brian-olsavsky\",\"name\":\"Brian Olsavsky\","
                                          "\"match\":\"variant\",\"distance\":3,\"lang\":\"en\","
                                          "\"role\":\"role:cfo\"}"));
    CU_ASSERT_PTR_NOT_NULL(strstr(sb.ptr, "\"ticker\":\"AMZN\",\"exchange\":\"NASDAQ\"}"));
    earnings__sb_release(&sb);
    doc_release(d);
}

/* ---- the fast matcher against a reference ------------------------------------------
 * earnings__entities_extract() takes shortcuts (skipping at the root, rows
 * that leave words early, a fuzzy prefilter). The reference below drives the
 * same extraction one byte at a time through a transition function computed
 * from the trie alone (no failure links, no rows): the longest suffix of the
 * state's text plus the byte that is a path of the trie. Every record must
 * be the same, over the corpus and random mixed text. */

typedef struct ref_trie {
    const earnings__gazetteer *g;
    char *text;     /* state texts, one after the other */
    size_t *off;    /* per state: its text at text + off[s], len[s] bytes */
    uint32_t *len;
} ref_trie;

static uint32_t ref_goto(const earnings__gazetteer *g, uint32_t u, unsigned char c)
{
    if (u == 0)
        return g->root[c] & GZ_STATE_MASK; /* 0: none */
    const gz_state *st = &g->states[u];
    for (uint32_t e = st->edges; e < st->edges + st->nedges; e++)
        if (g->labels[e] == c)
            return g->targets[e] & GZ_STATE_MASK;
    return 0;
}

static int ref_trie_init(ref_trie *r, const earnings__gazetteer *g)
{
    size_t n = g->nstates;
    r->g = g;
    r->off = calloc(n, sizeof *r->off);
    r->len = calloc(n, sizeof *r->len);
    uint32_t *queue = calloc(n, sizeof *queue);
    size_t cap = 1 << 16, used = 0;
    r->text = malloc(cap);
    if (!r->off || !r->len || !queue || !r->text) {
        free(queue);
        return -1;
    }
    size_t qh = 0, qt = 0;
    queue[qt++] = 0;
    while (qh < qt) { /* breadth-first from the root over the goto edges */
        uint32_t u = queue[qh++];
        for (int c = 0; c < 256; c++) {
            uint32_t v = ref_goto(g, u, (unsigned char)c);
            if (!v)
                continue;
            if (used + r->len[u] + 1 > cap) {
                cap *= 2;
                char *t = realloc(r->text, cap);
                if (!t) {
                    free(queue);
                    return -1;
                }
                r->text = t;
            }
            memcpy(r->text + used, r->text + r->off[u], r->len[u]);
            r->text[used + r->len[u]] = (char)c;
            r->off[v] = used;
            r->len[v] = r->len[u] + 1;
            used += r->len[v];
            if (qt < n)
                queue[qt++] = v;
        }
    }
    free(queue);
    return qt == n ? 0 : -1;
}

static void ref_trie_free(ref_trie *r)
{
    free(r->text);
    free(r->off);
    free(r->len);
}

static uint32_t ref_step(const earnings__gazetteer *g, uint32_t state, unsigned char c, void *ctx)
{
    const ref_trie *r = ctx;
    unsigned char w[1024];
    size_t wl = r->len[state];
    if (wl + 1 > sizeof w)
        return 0;
    memcpy(w, r->text + r->off[state], wl);
    w[wl++] = c;
    for (size_t k = 0; k < wl; k++) { /* longest suffix first */
        uint32_t u = 0;
        size_t q = k;
        while (q < wl && (u = ref_goto(g, u, w[q])) != 0)
            q++;
        if (q == wl)
            return u;
    }
    return 0;
}

static int same_str(const char *a, const char *b) { return (!a && !b) || (a && b && strcmp(a, b) == 0); }

/* Extract text both ways; returns the number of records (or -1 on a difference). */
static long compare_extract(const earnings__gazetteer *g, ref_trie *r, const char *text, size_t len,
                            const char *what)
{
    earnings_normalized *nz = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_normalize(&nz, text, len, NULL), EARNINGS_OK);
    earnings__entity_list a, b;
    CU_ASSERT_EQUAL_FATAL(earnings__entities_extract(g, nz, &a), EARNINGS_OK);
    CU_ASSERT_EQUAL_FATAL(earnings__entities_extract_ref(g, nz, &b, ref_step, r), EARNINGS_OK);
    long rc = (long)a.count;
    if (a.count != b.count) {
        fprintf(stderr, "\n  %s: %zu records, reference %zu\n", what, a.count, b.count);
        rc = -1;
    }
    for (size_t i = 0; rc >= 0 && i < a.count; i++) {
        const earnings_entity *x = &a.items[i], *y = &b.items[i];
        if (x->norm.start != y->norm.start || x->norm.end != y->norm.end || x->span.start != y->span.start
            || x->span.end != y->span.end || x->type != y->type || x->match != y->match
            || x->distance != y->distance || x->flags != y->flags || !same_str(x->lang, y->lang)
            || !same_str(x->id, y->id) || !same_str(x->name, y->name) || !same_str(x->role, y->role)
            || !same_str(x->ticker, y->ticker) || !same_str(x->exchange, y->exchange)) {
            fprintf(stderr, "\n  %s: record %zu differs: [%zu,%zu) %s vs [%zu,%zu) %s\n", what, i,
                    x->norm.start, x->norm.end, x->id, y->norm.start, y->norm.end, y->id);
            rc = -1;
        }
    }
    CU_ASSERT_TRUE(rc >= 0);
    earnings__entity_list_release(&a);
    earnings__entity_list_release(&b);
    earnings_normalized_free(nz);
    return rc;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)((rng_state >> 11) % n);
}

/* Random text mixing the gazetteer's own keys (case changed, letters
 * dropped, swapped or doubled, run together with words), ticker and title
 * patterns, words, digits, spaces, hyphens, punctuation, middle dots, Han
 * and other scripts. */
static void random_text(const earnings__gazetteer *g, earnings__sb *sb, size_t target)
{
    static const char *const glue[] = {
        " ", " ", " ", "  ", "\t", "\n", " - ", "-", ", ", ". ", ".", "(", ")", ": ", ":", "$", "&", "'s ", "_",
        "·", "・", "•", "‧", "，", "。", "（", "）", "：", "—", "é", "Ω", "ß", "the ", "of ", "and ", "in ",
        "revenue ", "Revenue", "growth ", "CEO ", "CFO", "Mr. ", "Ms. ", "Dr. ", "Dr ", "Prof. ", "(NASDAQ: ",
        "NYSE:", "纳斯达克：", ".HK", ".O", ".SS", "0700", "AMZN", "(AMZN)", "$AMZN", "AMZN.O", "2", "3 ",
        "XYZW", "Q3 ", "12.5%", "营收", "的", "公司", "亚马逊", "首席执行官", "安迪·贾西", "a", "x", "zz",
    };
    while (sb->len < target) {
        uint32_t pick = rnd(10);
        if (pick < 5 && g->nouts) { /* a key (or entity name), mangled */
            const char *k = pick < 4 ? g->pool + g->outs[rnd((uint32_t)g->nouts)].text
                                     : g->entities[rnd((uint32_t)g->nentities)].pub.name;
            char w[512];
            size_t kl = strlen(k);
            if (kl >= sizeof w - 2)
                continue;
            memcpy(w, k, kl + 1);
            uint32_t how = rnd(8);
            for (size_t q = 0; q < kl; q++) {
                unsigned char c = (unsigned char)w[q];
                if (c >= 0x80)
                    continue;
                if (how == 0 && c >= 'a' && c <= 'z')
                    w[q] = (char)(c - 32);
                else if (how == 1 && c >= 'A' && c <= 'Z')
                    w[q] = (char)(c + 32);
                else if (how == 2 && c >= 'a' && c <= 'z' && (q == 0 || w[q - 1] == ' '))
                    w[q] = (char)(c - 32);
            }
            if (how >= 5 && kl > 4 && (unsigned char)w[kl / 2] < 0x80 && (unsigned char)w[kl / 2 + 1] < 0x80) {
                if (how == 5) { /* drop a letter */
                    memmove(w + kl / 2, w + kl / 2 + 1, kl - kl / 2);
                } else if (how == 6) { /* swap two */
                    char t = w[kl / 2];
                    w[kl / 2] = w[kl / 2 + 1];
                    w[kl / 2 + 1] = t;
                } else { /* double one */
                    memmove(w + kl / 2 + 1, w + kl / 2, kl - kl / 2 + 1);
                }
            }
            earnings__sb_puts(sb, w);
        } else if (pick < 9) {
            earnings__sb_puts(sb, glue[rnd(sizeof glue / sizeof glue[0])]);
        } else { /* a random word */
            size_t wl = 1 + rnd(9);
            for (size_t q = 0; q < wl; q++)
                earnings__sb_putc(sb, (char)(q == 0 && rnd(3) == 0 ? 'A' + rnd(26) : 'a' + rnd(26)));
        }
        if (rnd(3))
            earnings__sb_putc(sb, rnd(4) ? ' ' : '\n');
    }
}

static void check_against_reference(const earnings__gazetteer *g, int corpus, int ntexts)
{
    ref_trie r;
    memset(&r, 0, sizeof r);
    CU_ASSERT_EQUAL_FATAL(ref_trie_init(&r, g), 0);
    long total = 0;
    if (corpus) {
        const char *const *files = tu_corpus_files();
        CU_ASSERT_PTR_NOT_NULL_FATAL(files[0]);
        for (size_t f = 0; files[f]; f++) {
            size_t len = 0;
            char *text = tu_read_file(files[f], &len);
            CU_ASSERT_PTR_NOT_NULL_FATAL(text);
            long n = compare_extract(g, &r, text, len, files[f]);
            CU_ASSERT_TRUE(n > 20);
            total += n;
            /* every document cut at a few places too: the edges of the text */
            for (int k = 0; k < 4 && n >= 0; k++) {
                size_t a = rnd((uint32_t)len), b = a + rnd((uint32_t)(len - a) + 1);
                while (a < len && ((unsigned char)text[a] & 0xC0) == 0x80) /* on character starts */
                    a++;
                while (b < len && ((unsigned char)text[b] & 0xC0) == 0x80)
                    b++;
                if (b < a)
                    b = a;
                compare_extract(g, &r, text + a, b - a, files[f]);
            }
            free(text);
        }
    }
    for (int k = 0; k < ntexts; k++) {
        earnings__sb sb;
        earnings__sb_init(&sb);
        random_text(g, &sb, 200 + rnd(4000));
        CU_ASSERT_FALSE_FATAL(sb.failed);
        char what[64];
        snprintf(what, sizeof what, "random text %d", k);
        long n = compare_extract(g, &r, sb.ptr, sb.len, what);
        if (n < 0) {
            fprintf(stderr, "  text: %.*s\n", (int)(sb.len < 2000 ? sb.len : 2000), sb.ptr);
            earnings__sb_release(&sb);
            break;
        }
        total += n;
        earnings__sb_release(&sb);
    }
    CU_ASSERT_TRUE(total > 100);
    ref_trie_free(&r);
}

static void test_reference(void)
{
    check_against_reference(engine->gazetteer, 1, 300);
    /* with a run-time lexicon too (more keys, Han and Latin) */
    earnings_lexicon *lex = NULL;
    earnings__gazetteer *g = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_lexicon_new(&lex), EARNINGS_OK);
    CU_ASSERT_EQUAL_FATAL(earnings_lexicon_add_file(lex, LEX "contoso.tsv"), EARNINGS_OK);
    CU_ASSERT_EQUAL_FATAL(earnings_lexicon_add_file(lex, LEX "near.tsv"), EARNINGS_OK);
    CU_ASSERT_EQUAL_FATAL(earnings__gazetteer_build(lex, &g), EARNINGS_OK);
    check_against_reference(g, 1, 100);
    earnings__gazetteer_free(g);
    earnings_lexicon_free(lex);
}

/* Matching speed over the corpus (normalized once; extraction only). */
static void test_speed(void)
{
    earnings__sb sb;
    earnings__sb_init(&sb);
    const char *const *files = tu_corpus_files();
    for (size_t f = 0; files[f]; f++) {
        size_t len = 0;
        char *text = tu_read_file(files[f], &len);
        if (text && strstr(files[f], "004") == NULL)
            earnings__sb_append(&sb, text, len);
        free(text);
    }
    CU_ASSERT_FALSE_FATAL(sb.failed);
    earnings_normalized *nz = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_normalize(&nz, sb.ptr, sb.len, NULL), EARNINGS_OK);
    size_t nlen = 0;
    earnings_normalized_text(nz, &nlen);
    int iters = 40;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < iters; i++) {
        earnings__entity_list list;
        CU_ASSERT_EQUAL(earnings__entities_extract(engine->gazetteer, nz, &list), EARNINGS_OK);
        earnings__entity_list_release(&list);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    fprintf(stderr, "\n  entities: %.1f MB/s over %zu bytes of English\n", (double)nlen * iters / s / 1e6, nlen);
    earnings_normalized_free(nz);
    earnings__sb_release(&sb);
}

/* With EARNINGS_FAILALLOC: every allocation of building a gazetteer with an
 * extra lexicon and of extracting fails in turn; ENOMEM, no leak. */
static void test_failalloc(void)
{
#ifdef EARNINGS_FAILALLOC
    static const char text[] = "CFO Brian Olsowski: Amazon (AMZN) 营收 rose; Tranium; Ms. Jane Roe; Contoso.";
    earnings_normalized *nz = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_normalize(&nz, text, sizeof text - 1, NULL), EARNINGS_OK);
    for (long n = 1;; n++) {
        earnings__failalloc_set(n);
        earnings_lexicon *lex = NULL;
        earnings__gazetteer *g = NULL;
        earnings__entity_list list = { NULL, 0, NULL };
        int rc = earnings_lexicon_new(&lex);
        if (rc == 0)
            rc = earnings_lexicon_add_file(lex, LEX "contoso.tsv");
        if (rc == 0)
            rc = earnings__gazetteer_build(lex, &g);
        if (rc == 0)
            rc = earnings__entities_extract(g, nz, &list);
        long calls = earnings__failalloc_calls();
        earnings__failalloc_set(0);
        earnings__entity_list_release(&list);
        earnings__gazetteer_free(g);
        earnings_lexicon_free(lex);
        if (calls < n) {
            CU_ASSERT_EQUAL(rc, EARNINGS_OK);
            break;
        }
        CU_ASSERT_EQUAL(rc, EARNINGS_ENOMEM);
        if (rc != EARNINGS_ENOMEM) {
            fprintf(stderr, "\n  allocation %ld: rc %d (%s)\n", n, rc, earnings_error_last()->message);
            break;
        }
    }
    earnings_normalized_free(nz);
#endif
}

static int suite_init(void)
{
    earnings_engine *plain = NULL;
    if (earnings_engine_new(&plain, NULL) != EARNINGS_OK)
        return 1;
    wired = plain->gazetteer != NULL;
    earnings_engine_free(plain);
    return earnings_engine_new_with_lexicon(&engine, NULL, NULL) != EARNINGS_OK;
}

int main(void)
{
    if (suite_init())
        return 2;
    static const tu_test tests[] = {
        { "names", test_names },
        { "exact_alias_case", test_exact_alias_case },
        { "boundaries_longest", test_boundaries },
        { "variants_fuzzy", test_variants_fuzzy },
        { "no_false_merge", test_no_false_merge },
        { "tickers", test_tickers },
        { "honorifics", test_honorifics },
        { "legal_forms", test_legal_forms },
        { "reporting_subjects", test_reporting_subjects },
        { "introduced_products", test_introduced_products },
        { "named_segments", test_named_segments },
        { "plc_names", test_plc_names },
        { "roles", test_roles },
        { "metrics", test_metrics },
        { "runtime_lexicon", test_runtime_lexicon },
        { "lexicon_errors", test_lexicon_errors },
        { "builtin_lexicons", test_builtin_lexicons },
        { "corpus", test_corpus },
        { "json", test_json },
        { "reference", test_reference },
        { "speed", test_speed },
        { "failalloc", test_failalloc },
        { NULL, NULL },
    };
    int rc = tu_run_suite("entities", tests);
    engine_release(engine);
    return rc;
}
