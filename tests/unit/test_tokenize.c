/* Tokenizer and sentence segmenter (stage 2): token types, flags, scripts,
 * number shapes, Han runs with and without the dictionary, sentences, and
 * offset properties over the whole corpus. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <earnings.h>

#include "core/internal.h"
#include "normalize/normalize_internal.h"
#include "tokenize/tokenize_internal.h"
#include "test_util.h"
#ifdef EARNINGS_FAILALLOC
#include "core/failalloc.h"
#endif

/* ---- helpers ------------------------------------------------------------ */

static earnings__tokenizer *shared_tk;

static earnings__tokenizer *tokenizer(void)
{
    if (!shared_tk)
        CU_ASSERT_EQUAL_FATAL(earnings__tokenizer_new(&shared_tk), EARNINGS_OK);
    return shared_tk;
}

typedef struct run {
    const char *text; /* original */
    size_t len;
    earnings_normalized *norm;
    const char *ntext; /* normalized */
    size_t nlen;
    earnings_token *tok;
    size_t n;
    earnings_sentence *sen;
    size_t ns;
} run;

/* Normalize (with nflags), tokenize and segment; 0 or an error code. */
static int run_opts(run *r, const char *text, size_t len, int han_words, uint32_t nflags)
{
    memset(r, 0, sizeof *r);
    r->text = text;
    r->len = len;
    earnings_normalize_options no = EARNINGS_NORMALIZE_OPTIONS_INIT;
    no.flags = nflags;
    int rc = earnings_normalize(&r->norm, text, len, &no);
    if (rc)
        return rc;
    r->ntext = earnings_normalized_text(r->norm, &r->nlen);
    rc = earnings__tokenize(tokenizer(), r->norm, han_words, &r->tok, &r->n);
    if (rc)
        return rc;
    return earnings__sentences(r->norm, r->tok, r->n, &r->sen, &r->ns);
}

static void run_str(run *r, const char *text, int han_words)
{
    int rc = run_opts(r, text, strlen(text), han_words, 0);
    CU_ASSERT_EQUAL(rc, EARNINGS_OK);
    if (rc)
        fprintf(stderr, "\nrun(\"%s\"): %s\n", text, earnings_error_last()->message);
}

static void done(run *r)
{
    earnings__free(r->sen);
    earnings__free(r->tok);
    earnings_normalized_free(r->norm);
    memset(r, 0, sizeof *r);
}

/* Normalized text of token i (static buffer). */
static const char *tt(const run *r, size_t i)
{
    static char buf[256];
    if (i >= r->n)
        return "<none>";
    size_t a = r->tok[i].norm.start, b = r->tok[i].norm.end;
    size_t l = b - a < sizeof buf - 1 ? b - a : sizeof buf - 1;
    memcpy(buf, r->ntext + a, l);
    buf[l] = '\0';
    return buf;
}

static void dump(const run *r)
{
    fprintf(stderr, "\n  tokens of \"%.*s\":", (int)r->len, r->text);
    for (size_t i = 0; i < r->n; i++)
        fprintf(stderr, " [%s %s%s]", tt(r, i), earnings_token_type_name(r->tok[i].type),
                (r->tok[i].flags & EARNINGS_TOKEN_FLAG_ATTACHED) ? "+" : "");
    fprintf(stderr, "\n");
}

/* The tokens of text (normalized texts) are exactly want (NULL-terminated). */
static int expect_tokens(const char *text, int han_words, const char *const *want)
{
    run r;
    run_str(&r, text, han_words);
    size_t nw = 0;
    while (want[nw])
        nw++;
    int ok = r.n == nw;
    for (size_t i = 0; ok && i < nw; i++)
        ok = strcmp(tt(&r, i), want[i]) == 0;
    CU_ASSERT_TRUE(ok);
    if (!ok)
        dump(&r);
    done(&r);
    return ok;
}
#define TOKS(text, han, ...) expect_tokens(text, han, (const char *const[]){ __VA_ARGS__, NULL })
#define TOKS2(text, ...)                                                   \
    do {                                                                   \
        expect_tokens(text, 0, (const char *const[]){ __VA_ARGS__, NULL }); \
        expect_tokens(text, 1, (const char *const[]){ __VA_ARGS__, NULL }); \
    } while (0)

/* Index of the first token with normalized text s, or (size_t)-1. */
static size_t find(const run *r, const char *s)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(tt(r, i), s) == 0)
            return i;
    return (size_t)-1;
}

/* Token with text s has this type, and these flags set (and the flags of
 * mask not in flags clear). */
static void check_tok(const run *r, const char *s, int type, uint32_t flags, uint32_t mask)
{
    size_t i = find(r, s);
    CU_ASSERT_NOT_EQUAL(i, (size_t)-1);
    if (i == (size_t)-1) {
        fprintf(stderr, "\n  no token \"%s\"", s);
        dump(r);
        return;
    }
    int ok = r->tok[i].type == type && (r->tok[i].flags & (flags | mask)) == flags;
    CU_ASSERT_TRUE(ok);
    if (!ok) {
        fprintf(stderr, "\n  token \"%s\": type %s flags 0x%x, want %s 0x%x\n", s,
                earnings_token_type_name(r->tok[i].type), (unsigned)r->tok[i].flags,
                earnings_token_type_name(type), (unsigned)flags);
        dump(r);
    }
}

/* Original text of sentence i (static buffer). */
static const char *st(const run *r, size_t i)
{
    static char buf[512];
    if (i >= r->ns)
        return "<none>";
    size_t a = r->sen[i].span.start, b = r->sen[i].span.end;
    size_t l = b - a < sizeof buf - 1 ? b - a : sizeof buf - 1;
    memcpy(buf, r->text + a, l);
    buf[l] = '\0';
    return buf;
}

static int expect_sentences(const char *text, uint32_t nflags, int han_words, const char *const *want)
{
    run r;
    int rc = run_opts(&r, text, strlen(text), han_words, nflags);
    CU_ASSERT_EQUAL(rc, EARNINGS_OK);
    size_t nw = 0;
    while (want[nw])
        nw++;
    int ok = rc == 0 && r.ns == nw;
    for (size_t i = 0; ok && i < nw; i++)
        ok = strcmp(st(&r, i), want[i]) == 0;
    CU_ASSERT_TRUE(ok);
    if (!ok) {
        fprintf(stderr, "\n  sentences of \"%s\":\n", text);
        for (size_t i = 0; i < r.ns; i++)
            fprintf(stderr, "    <%s>\n", st(&r, i));
    }
    done(&r);
    return ok;
}
#define SENTS(text, ...) expect_sentences(text, 0, 0, (const char *const[]){ __VA_ARGS__, NULL })

/* Offset invariants of a run; returns the number of violations. */
static size_t check_invariants(const run *r)
{
    size_t bad = 0;
    for (size_t i = 0; i < r->n; i++) {
        const earnings_token *t = &r->tok[i];
        if (!(t->span.start < t->span.end && t->span.end <= r->len)) bad++;
        if (!(t->norm.start < t->norm.end && t->norm.end <= r->nlen)) bad++;
        if (i && t->span.start < r->tok[i - 1].span.end) bad++;
        if (i && t->norm.start < r->tok[i - 1].norm.end) bad++;
        if (t->type < EARNINGS_TOKEN_WORD || t->type > EARNINGS_TOKEN_PERCENT) bad++;
        if (t->script < EARNINGS_SCRIPT_COMMON || t->script > EARNINGS_SCRIPT_OTHER) bad++;
        /* no whitespace at either end of a token (but a space that is part
         * of the normalization of an original non-space, "´" to " ́") */
        if (t->norm.end <= r->nlen && t->norm.start < t->norm.end && t->span.start < r->len) {
            char c0 = r->ntext[t->norm.start], c1 = r->ntext[t->norm.end - 1];
            char o0 = r->text[t->span.start];
            if (((c0 == ' ' || c0 == '\n' || c0 == '\t') && (o0 == ' ' || o0 == '\n' || o0 == '\t')) ||
                c1 == ' ' || c1 == '\n' || c1 == '\t')
                bad++;
        }
        /* attached exactly when nothing separates it from the previous token */
        int att = (t->flags & EARNINGS_TOKEN_FLAG_ATTACHED) != 0;
        if (att != (i > 0 && r->tok[i - 1].norm.end == t->norm.start)) bad++;
        /* re-normalizing the original bytes gives the normalized bytes */
        earnings_normalized *nn = NULL;
        if (t->span.end <= r->len && t->span.start <= t->span.end &&
            earnings_normalize(&nn, r->text + t->span.start, t->span.end - t->span.start, NULL) == 0) {
            size_t l;
            const char *s = earnings_normalized_text(nn, &l);
            if (t->norm.end > r->nlen || l != t->norm.end - t->norm.start ||
                memcmp(s, r->ntext + t->norm.start, l) != 0) {
                if (bad < 5) {
                    fprintf(stderr, "\n  token %zu [%zu,%zu) re-normalizes to \"%.*s\", original", i,
                            t->span.start, t->span.end, (int)l, s);
                    for (size_t b = t->span.start; b < t->span.end && b < r->len; b++)
                        fprintf(stderr, " %02x", (unsigned char)r->text[b]);
                }
                bad++;
            }
            earnings_normalized_free(nn);
        } else {
            bad++;
        }
    }
    size_t next = 0;
    for (size_t j = 0; j < r->ns; j++) {
        const earnings_sentence *s = &r->sen[j];
        if (s->first_token != next || s->token_count == 0 || s->first_token + s->token_count > r->n) {
            bad++;
            break;
        }
        const earnings_token *a = &r->tok[s->first_token], *b = &r->tok[s->first_token + s->token_count - 1];
        if (s->span.start != a->span.start || s->span.end != b->span.end) bad++;
        if (s->norm.start != a->norm.start || s->norm.end != b->norm.end) bad++;
        if (j && s->span.start < r->sen[j - 1].span.end) bad++;
        for (size_t k = s->first_token; k < s->first_token + s->token_count; k++)
            if (r->tok[k].sentence != j) bad++;
        earnings_normalized *nn = NULL;
        if (earnings_normalize(&nn, r->text + s->span.start, s->span.end - s->span.start, NULL) == 0) {
            size_t l;
            const char *x = earnings_normalized_text(nn, &l);
            if (l != s->norm.end - s->norm.start || memcmp(x, r->ntext + s->norm.start, l) != 0) bad++;
            earnings_normalized_free(nn);
        } else {
            bad++;
        }
        next += s->token_count;
    }
    if (r->n && next != r->n) bad++;
    return bad;
}

/* ---- names -------------------------------------------------------------- */

static void test_names(void)
{
    CU_ASSERT_STRING_EQUAL(earnings_token_type_name(EARNINGS_TOKEN_WORD), "word");
    CU_ASSERT_STRING_EQUAL(earnings_token_type_name(EARNINGS_TOKEN_NUMBER), "number");
    CU_ASSERT_STRING_EQUAL(earnings_token_type_name(EARNINGS_TOKEN_CJK), "cjk");
    CU_ASSERT_STRING_EQUAL(earnings_token_type_name(EARNINGS_TOKEN_PUNCT), "punct");
    CU_ASSERT_STRING_EQUAL(earnings_token_type_name(EARNINGS_TOKEN_SYMBOL), "symbol");
    CU_ASSERT_STRING_EQUAL(earnings_token_type_name(EARNINGS_TOKEN_CURRENCY), "currency");
    CU_ASSERT_STRING_EQUAL(earnings_token_type_name(EARNINGS_TOKEN_PERCENT), "percent");
    CU_ASSERT_STRING_EQUAL(earnings_token_type_name(0), "unknown");
    CU_ASSERT_STRING_EQUAL(earnings_token_type_name(8), "unknown");
    CU_ASSERT_STRING_EQUAL(earnings_token_type_name(-1), "unknown");
    CU_ASSERT_STRING_EQUAL(earnings_script_name(EARNINGS_SCRIPT_COMMON), "common");
    CU_ASSERT_STRING_EQUAL(earnings_script_name(EARNINGS_SCRIPT_LATIN), "latin");
    CU_ASSERT_STRING_EQUAL(earnings_script_name(EARNINGS_SCRIPT_HAN), "han");
    CU_ASSERT_STRING_EQUAL(earnings_script_name(EARNINGS_SCRIPT_KANA), "kana");
    CU_ASSERT_STRING_EQUAL(earnings_script_name(EARNINGS_SCRIPT_HANGUL), "hangul");
    CU_ASSERT_STRING_EQUAL(earnings_script_name(EARNINGS_SCRIPT_OTHER), "other");
    CU_ASSERT_STRING_EQUAL(earnings_script_name(6), "unknown");
    CU_ASSERT_STRING_EQUAL(earnings_script_name(-1), "unknown");
}

/* ---- token types and scripts -------------------------------------------- */

static void test_types(void)
{
    static const struct {
        const char *text;
        int type, script;
    } want[] = {
        { "Revenue", EARNINGS_TOKEN_WORD, EARNINGS_SCRIPT_LATIN },
        { "1,000.5", EARNINGS_TOKEN_NUMBER, EARNINGS_SCRIPT_COMMON },
        { ",", EARNINGS_TOKEN_PUNCT, EARNINGS_SCRIPT_COMMON },
        { "$", EARNINGS_TOKEN_CURRENCY, EARNINGS_SCRIPT_COMMON },
        { "5", EARNINGS_TOKEN_NUMBER, EARNINGS_SCRIPT_COMMON },
        { "+", EARNINGS_TOKEN_SYMBOL, EARNINGS_SCRIPT_COMMON },
        { "=", EARNINGS_TOKEN_SYMBOL, EARNINGS_SCRIPT_COMMON },
        { "&", EARNINGS_TOKEN_SYMBOL, EARNINGS_SCRIPT_COMMON },
        { "20", EARNINGS_TOKEN_NUMBER, EARNINGS_SCRIPT_COMMON },
        { "%", EARNINGS_TOKEN_PERCENT, EARNINGS_SCRIPT_COMMON },
        { "3", EARNINGS_TOKEN_NUMBER, EARNINGS_SCRIPT_COMMON },
        { "\xE2\x80\xB0", EARNINGS_TOKEN_PERCENT, EARNINGS_SCRIPT_COMMON }, /* ‰ */
        { "\xC2\xA5", EARNINGS_TOKEN_CURRENCY, EARNINGS_SCRIPT_COMMON },     /* ¥ */
        { "\xE2\x82\xAC", EARNINGS_TOKEN_CURRENCY, EARNINGS_SCRIPT_COMMON }, /* € */
        { "\xC2\xA3", EARNINGS_TOKEN_CURRENCY, EARNINGS_SCRIPT_COMMON },     /* £ */
        { "\xE2\x82\xA9", EARNINGS_TOKEN_CURRENCY, EARNINGS_SCRIPT_COMMON }, /* ₩ */
        { "\xE2\x82\xB9", EARNINGS_TOKEN_CURRENCY, EARNINGS_SCRIPT_COMMON }, /* ₹ */
        { "营", EARNINGS_TOKEN_CJK, EARNINGS_SCRIPT_HAN },
        { "收", EARNINGS_TOKEN_CJK, EARNINGS_SCRIPT_HAN },
        { "カ", EARNINGS_TOKEN_CJK, EARNINGS_SCRIPT_KANA },
        { "한국", EARNINGS_TOKEN_CJK, EARNINGS_SCRIPT_HANGUL },
        { "café", EARNINGS_TOKEN_WORD, EARNINGS_SCRIPT_LATIN },
        { "Выручка", EARNINGS_TOKEN_WORD, EARNINGS_SCRIPT_OTHER },
        { "\xF0\x9F\x9A\x80", EARNINGS_TOKEN_SYMBOL, EARNINGS_SCRIPT_COMMON }, /* 🚀 */
        { ".", EARNINGS_TOKEN_PUNCT, EARNINGS_SCRIPT_COMMON },
    };
    const size_t nw = sizeof want / sizeof want[0];
    const char *text = "Revenue 1,000.5, $5 + = & 20% 3 \xE2\x80\xB0 \xC2\xA5 \xE2\x82\xAC \xC2\xA3 "
                       "\xE2\x82\xA9 \xE2\x82\xB9 营收 カ 한국 café Выручка \xF0\x9F\x9A\x80.";
    run r;
    run_str(&r, text, 0);
    CU_ASSERT_EQUAL(r.n, nw);
    int ok = r.n == nw;
    for (size_t i = 0; ok && i < nw; i++) {
        ok = strcmp(tt(&r, i), want[i].text) == 0 && r.tok[i].type == want[i].type &&
             r.tok[i].script == want[i].script;
        if (!ok)
            fprintf(stderr, "\n  token %zu: \"%s\" %s %s, want \"%s\" %s %s", i, tt(&r, i),
                    earnings_token_type_name(r.tok[i].type), earnings_script_name(r.tok[i].script),
                    want[i].text, earnings_token_type_name(want[i].type),
                    earnings_script_name(want[i].script));
    }
    CU_ASSERT_TRUE(ok);
    if (!ok)
        dump(&r);
    CU_ASSERT_EQUAL(check_invariants(&r), 0);
    done(&r);
}

/* ---- words -------------------------------------------------------------- */

static void test_clitics(void)
{
    TOKS2("AWS's backlog", "AWS", "'s", "backlog");
    TOKS2("AWS\xE2\x80\x99s backlog", "AWS", "'s", "backlog"); /* curly apostrophe */
    TOKS2("we don't know", "we", "do", "n't", "know");
    TOKS2("they're here", "they", "'re", "here");
    TOKS2("We've, we'll, I'm, he'd", "We", "'ve", ",", "we", "'ll", ",", "I", "'m", ",", "he", "'d");
    TOKS2("can't", "ca", "n't");
    TOKS2("investors' money", "investors", "'", "money");
    TOKS2("O'Brien said 'yes'", "O'Brien", "said", "'", "yes", "'");
    run r;
    run_str(&r, "AWS's don't they're", 0);
    check_tok(&r, "AWS", EARNINGS_TOKEN_WORD, 0, EARNINGS_TOKEN_FLAG_CLITIC);
    check_tok(&r, "'s", EARNINGS_TOKEN_WORD, EARNINGS_TOKEN_FLAG_CLITIC | EARNINGS_TOKEN_FLAG_ATTACHED, 0);
    check_tok(&r, "do", EARNINGS_TOKEN_WORD, 0, EARNINGS_TOKEN_FLAG_CLITIC | EARNINGS_TOKEN_FLAG_ATTACHED);
    check_tok(&r, "n't", EARNINGS_TOKEN_WORD, EARNINGS_TOKEN_FLAG_CLITIC | EARNINGS_TOKEN_FLAG_ATTACHED, 0);
    check_tok(&r, "'re", EARNINGS_TOKEN_WORD, EARNINGS_TOKEN_FLAG_CLITIC, 0);
    done(&r);
}

static void test_hyphens(void)
{
    TOKS2("20.2% year-over-year growth", "20.2", "%", "year-over-year", "growth");
    TOKS2("AI-driven, price-performance", "AI-driven", ",", "price-performance");
    TOKS2("Trainium-2 chips", "Trainium-2", "chips");
    TOKS2("growth - slow", "growth", "-", "slow");
    TOKS2("growth--slow", "growth", "-", "-", "slow");
    /* dashes folded to '-' are not hyphens */
    TOKS2("flywheel\xE2\x80\x94platform, 10\xE2\x80\x93" "20", "flywheel", "-", "platform", ",", "10", "-", "20");
    TOKS2("2025-2026", "2025", "-", "2026");
    TOKS2("30%-40%", "30", "%", "-", "40", "%");
    run r;
    run_str(&r, "AI-driven lead", 0);
    check_tok(&r, "AI-driven", EARNINGS_TOKEN_WORD, EARNINGS_TOKEN_FLAG_HYPHENATED, 0);
    check_tok(&r, "lead", EARNINGS_TOKEN_WORD, 0, EARNINGS_TOKEN_FLAG_HYPHENATED);
    done(&r);
}

static void test_abbreviations(void)
{
    TOKS2("the U.S. market", "the", "U.S.", "market");
    TOKS2("Amazon.com Inc. and Mr. Jassy", "Amazon.com", "Inc.", "and", "Mr.", "Jassy");
    TOKS2("Microsoft Corp. vs. Google, e.g. cloud, i.e. AWS", "Microsoft", "Corp.", "vs.", "Google", ",",
          "e.g.", "cloud", ",", "i.e.", "AWS");
    TOKS2("Andy R. Jassy", "Andy", "R.", "Jassy");
    TOKS2("to $200B. This", "to", "$", "200", "B", ".", "This");
    TOKS2("Plan b. This", "Plan", "b", ".", "This");
    TOKS2("It ends here.", "It", "ends", "here", ".");
    TOKS2("U.S.-based", "U.S.", "-", "based");
    TOKS2("on the 1st. Then", "on", "the", "1", "st", ".", "Then");
    run r;
    run_str(&r, "U.S. Inc. Mr. Corp. e.g. vs. here.", 0);
    const char *ab[] = { "U.S.", "Inc.", "Mr.", "Corp.", "e.g.", "vs." };
    for (size_t i = 0; i < sizeof ab / sizeof ab[0]; i++)
        check_tok(&r, ab[i], EARNINGS_TOKEN_WORD, EARNINGS_TOKEN_FLAG_ABBREVIATION, 0);
    check_tok(&r, "here", EARNINGS_TOKEN_WORD, 0, EARNINGS_TOKEN_FLAG_ABBREVIATION);
    check_tok(&r, ".", EARNINGS_TOKEN_PUNCT, EARNINGS_TOKEN_FLAG_ATTACHED, 0);
    done(&r);
}

static void test_alphanumerics(void)
{
    TOKS2("Q3 EC2 3Q25 FY2025 H1 1H2025 R&D S&P", "Q3", "EC2", "3Q25", "FY2025", "H1", "1H2025", "R&D", "S&P");
    run r;
    run_str(&r, "Q3 EC2 3Q25 FY2025 H1", 0);
    CU_ASSERT_EQUAL(r.n, 5);
    for (size_t i = 0; i < r.n; i++) {
        CU_ASSERT_EQUAL(r.tok[i].type, EARNINGS_TOKEN_WORD);
        CU_ASSERT_EQUAL(r.tok[i].script, EARNINGS_SCRIPT_LATIN);
    }
    done(&r);
}

/* ---- numbers ------------------------------------------------------------ */

static void test_numbers(void)
{
    TOKS2("1,000.5 2,300 20.2 -6 0.5", "1,000.5", "2,300", "20.2", "-6", "0.5");
    TOKS2("(-6%)", "(", "-6", "%", ")");
    TOKS2("1,00", "1", ",", "00");
    TOKS2("1,000,000 and 1,0000", "1,000,000", "and", "1", ",", "0000");
    TOKS2("in 2025.", "in", "2025", ".");
    TOKS2("at $.50 each", "at", "$", ".50", "each");
    TOKS2("x -6 x-6", "x", "-6", "x-6");
    TOKS2("1320 亿美元", "1320", "亿", "美元");
    /* a folded "。" or "，" does not join numbers; a folded "．" between wide digits does */
    TOKS("增长20。2025年", 0, "增", "长", "20", ".", "2025", "年");
    TOKS("增长20%。5月", 0, "增", "长", "20", "%", ".", "5", "月");
    TOKS2("1，000", "1", ",", "000");
    TOKS2("２０．２ 20.2", "20.2", "20.2");
    TOKS2("\xC2\xA5.5 (.5) a.5", "\xC2\xA5", ".5", "(", ".5", ")", "a", ".", "5");
    TOKS2("330亿美元", "330", "亿", "美元");
    TOKS("５万亿元和３个百分点", 0, "5", "万", "亿", "元", "和", "3", "个", "百", "分", "点");

    run r;
    run_str(&r, "1,000.5 2,300 -6 (-6)", 0);
    CU_ASSERT_EQUAL(r.n, 6);
    for (size_t i = 0; i < r.n; i++)
        if (i != 3 && i != 5)
            CU_ASSERT_EQUAL(r.tok[i].type, EARNINGS_TOKEN_NUMBER);
    check_tok(&r, "-6", EARNINGS_TOKEN_NUMBER, 0, EARNINGS_TOKEN_FLAG_ATTACHED);
    done(&r);
}

static void test_suffixes(void)
{
    TOKS2("$200B backlog", "$", "200", "B", "backlog");
    TOKS2("3.8GW", "3.8", "GW");
    TOKS2("1.25x", "1.25", "x");
    TOKS2("20.2%", "20.2", "%");
    TOKS2("US$5", "US", "$", "5");
    run r;
    run_str(&r, "$200B 3.8GW 1.25x 20.2%", 0);
    CU_ASSERT_EQUAL(r.n, 9);
    if (r.n == 9) {
        CU_ASSERT_EQUAL(r.tok[0].type, EARNINGS_TOKEN_CURRENCY);
        CU_ASSERT_EQUAL(r.tok[0].flags & EARNINGS_TOKEN_FLAG_ATTACHED, 0);
        CU_ASSERT_EQUAL(r.tok[1].type, EARNINGS_TOKEN_NUMBER);
        CU_ASSERT_EQUAL(r.tok[1].flags, EARNINGS_TOKEN_FLAG_ATTACHED);
        CU_ASSERT_EQUAL(r.tok[2].type, EARNINGS_TOKEN_WORD);
        CU_ASSERT_EQUAL(r.tok[2].flags, EARNINGS_TOKEN_FLAG_ATTACHED);
        CU_ASSERT_EQUAL(r.tok[3].type, EARNINGS_TOKEN_NUMBER);
        CU_ASSERT_EQUAL(r.tok[3].flags, 0);
        CU_ASSERT_EQUAL(r.tok[4].type, EARNINGS_TOKEN_WORD);
        CU_ASSERT_EQUAL(r.tok[4].flags, EARNINGS_TOKEN_FLAG_ATTACHED);
        CU_ASSERT_EQUAL(r.tok[6].type, EARNINGS_TOKEN_WORD);
        CU_ASSERT_EQUAL(r.tok[6].flags, EARNINGS_TOKEN_FLAG_ATTACHED);
        CU_ASSERT_EQUAL(r.tok[7].type, EARNINGS_TOKEN_NUMBER);
        CU_ASSERT_EQUAL(r.tok[8].type, EARNINGS_TOKEN_PERCENT);
        CU_ASSERT_EQUAL(r.tok[8].flags, EARNINGS_TOKEN_FLAG_ATTACHED);
    }
    done(&r);
}

static void test_attached(void)
{
    run r;
    run_str(&r, "a b,c\n(d)  e", 0);
    CU_ASSERT_EQUAL(r.n, 8);
    static const int want[] = { 0, 0, 1, 1, 0, 1, 1, 0 };
    for (size_t i = 0; i < r.n && i < 8; i++)
        CU_ASSERT_EQUAL((r.tok[i].flags & EARNINGS_TOKEN_FLAG_ATTACHED) != 0, want[i]);
    done(&r);
}

/* ---- Han ---------------------------------------------------------------- */

static void test_han_chars(void)
{
    TOKS("营收增长", 0, "营", "收", "增", "长");
    run r;
    run_str(&r, "营收增长", 0);
    for (size_t i = 0; i < r.n; i++) {
        CU_ASSERT_EQUAL(r.tok[i].type, EARNINGS_TOKEN_CJK);
        CU_ASSERT_EQUAL(r.tok[i].script, EARNINGS_SCRIPT_HAN);
        CU_ASSERT_EQUAL(r.tok[i].flags & EARNINGS_TOKEN_FLAG_DICTIONARY, 0);
    }
    done(&r);
}

static void test_han_words(void)
{
    run r;
    run_str(&r, "亚马逊公司的营收增长了", 1);
    /* the dictionary makes words of several characters */
    size_t multi = 0;
    for (size_t i = 0; i < r.n; i++) {
        CU_ASSERT_EQUAL(r.tok[i].type, EARNINGS_TOKEN_CJK);
        CU_ASSERT_EQUAL(r.tok[i].script, EARNINGS_SCRIPT_HAN);
        CU_ASSERT_NOT_EQUAL(r.tok[i].flags & EARNINGS_TOKEN_FLAG_DICTIONARY, 0);
        if (r.tok[i].norm.end - r.tok[i].norm.start > 3)
            multi++;
    }
    CU_ASSERT_TRUE(r.n < 11);
    CU_ASSERT_TRUE(multi >= 2);
    CU_ASSERT_NOT_EQUAL(find(&r, "亚马逊"), (size_t)-1);
    CU_ASSERT_EQUAL(check_invariants(&r), 0);
    done(&r);
    /* number-bound words stay apart whatever the dictionary thinks */
    run_str(&r, "营收３３０亿美元和５万人民币", 1);
    check_tok(&r, "330", EARNINGS_TOKEN_NUMBER, EARNINGS_TOKEN_FLAG_ATTACHED, 0);
    check_tok(&r, "亿", EARNINGS_TOKEN_CJK, EARNINGS_TOKEN_FLAG_ATTACHED, EARNINGS_TOKEN_FLAG_DICTIONARY);
    check_tok(&r, "美元", EARNINGS_TOKEN_CJK, EARNINGS_TOKEN_FLAG_ATTACHED, EARNINGS_TOKEN_FLAG_DICTIONARY);
    check_tok(&r, "万", EARNINGS_TOKEN_CJK, EARNINGS_TOKEN_FLAG_ATTACHED, EARNINGS_TOKEN_FLAG_DICTIONARY);
    check_tok(&r, "人民币", EARNINGS_TOKEN_CJK, EARNINGS_TOKEN_FLAG_ATTACHED, EARNINGS_TOKEN_FLAG_DICTIONARY);
    done(&r);
    /* kana and hangul */
    run_str(&r, "カタカナ 한국어", 1);
    CU_ASSERT_TRUE(r.n >= 2);
    if (r.n >= 2) {
        CU_ASSERT_EQUAL(r.tok[0].script, EARNINGS_SCRIPT_KANA);
        CU_ASSERT_EQUAL(r.tok[r.n - 1].script, EARNINGS_SCRIPT_HANGUL);
        CU_ASSERT_STRING_EQUAL(tt(&r, r.n - 1), "한국어");
    }
    done(&r);
    /* han_words needs a tokenizer */
    earnings_normalized *nm = NULL;
    earnings_token *tok = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(earnings_normalize(&nm, "营收", 6, NULL), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings__tokenize(NULL, nm, 1, &tok, &n), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings__tokenize(NULL, nm, 0, &tok, &n), EARNINGS_OK);
    CU_ASSERT_EQUAL(n, 2);
    earnings__free(tok);
    earnings_normalized_free(nm);
}

/* The acceptance example, both modes: the spans tile the input. */
static void test_acceptance(void)
{
    const char *text = "ＡＷＳ营收３３０亿美元，同比增长２０．２％";
    for (int han = 0; han <= 1; han++) {
        run r;
        run_str(&r, text, han);
        CU_ASSERT_TRUE_FATAL(r.n > 0);
        CU_ASSERT_EQUAL(r.tok[0].span.start, 0);
        CU_ASSERT_EQUAL(r.tok[r.n - 1].span.end, strlen(text));
        for (size_t i = 1; i < r.n; i++) {
            CU_ASSERT_EQUAL(r.tok[i].span.start, r.tok[i - 1].span.end);
            CU_ASSERT_NOT_EQUAL(r.tok[i].flags & EARNINGS_TOKEN_FLAG_ATTACHED, 0);
        }
        check_tok(&r, "AWS", EARNINGS_TOKEN_WORD, 0, 0);
        check_tok(&r, "330", EARNINGS_TOKEN_NUMBER, 0, 0);
        check_tok(&r, "20.2", EARNINGS_TOKEN_NUMBER, 0, 0);
        check_tok(&r, "亿", EARNINGS_TOKEN_CJK, 0, 0);
        check_tok(&r, "美元", EARNINGS_TOKEN_CJK, 0, 0);
        check_tok(&r, "%", EARNINGS_TOKEN_PERCENT, 0, 0);
        /* original spans: "３３０" is 9 bytes, "％" 3 */
        size_t i = find(&r, "330");
        if (i != (size_t)-1) {
            CU_ASSERT_EQUAL(r.tok[i].span.end - r.tok[i].span.start, 9);
            CU_ASSERT_EQUAL(memcmp(text + r.tok[i].span.start, "３３０", 9), 0);
        }
        i = find(&r, "%");
        if (i != (size_t)-1)
            CU_ASSERT_EQUAL(memcmp(text + r.tok[i].span.start, "％", 3), 0);
        if (!han)
            TOKS(text, 0, "AWS", "营", "收", "330", "亿", "美元", ",", "同", "比", "增", "长", "20.2", "%");
        CU_ASSERT_EQUAL(check_invariants(&r), 0);
        done(&r);
    }
}

static void test_mixed(void)
{
    TOKS("AWS营收达到$132B，同比增长20%。Jassy说：“很好”", 0,
          "AWS", "营", "收", "达", "到", "$", "132", "B", ",", "同", "比", "增", "长", "20", "%", ".",
          "Jassy", "说", ":", "\"", "很", "好", "\"");
    /* with han_words the Han runs are words, the rest is the same */
    run r;
    run_str(&r, "AWS营收达到$132B，同比增长20%。", 1);
    check_tok(&r, "AWS", EARNINGS_TOKEN_WORD, 0, EARNINGS_TOKEN_FLAG_ATTACHED);
    check_tok(&r, "$", EARNINGS_TOKEN_CURRENCY, EARNINGS_TOKEN_FLAG_ATTACHED, 0);
    check_tok(&r, "132", EARNINGS_TOKEN_NUMBER, EARNINGS_TOKEN_FLAG_ATTACHED, 0);
    check_tok(&r, "B", EARNINGS_TOKEN_WORD, EARNINGS_TOKEN_FLAG_ATTACHED, 0);
    check_tok(&r, "%", EARNINGS_TOKEN_PERCENT, EARNINGS_TOKEN_FLAG_ATTACHED, 0);
    CU_ASSERT_EQUAL(check_invariants(&r), 0);
    done(&r);
    /* CJK punctuation kept as it is */
    run_opts(&r, "增长。好", strlen("增长。好"), 0, EARNINGS_NORMALIZE_KEEP_CJK_PUNCT);
    check_tok(&r, "。", EARNINGS_TOKEN_PUNCT, EARNINGS_TOKEN_FLAG_ATTACHED, 0);
    CU_ASSERT_EQUAL(r.ns, 2);
    done(&r);
}

/* Characters whose normalization expands, marks, controls, emoji, NULs. */
static void test_odd_input(void)
{
    /* "…" is one token "...", "½" one token */
    TOKS2("wait\xE2\x80\xA6 \xC2\xBD", "wait", "...", "1\xE2\x81\x84" "2");
    /* a combining mark stays with its base; a lone one is a symbol */
    TOKS2("e\xCC\x81x \xCC\x81", "\xC3\xA9x", "\xCC\x81");
    /* "´" normalizes to a space and a mark: one token of both */
    TOKS2("AWS\xC2\xB4s", "AWS", " \xCC\x81", "s");
    /* zero-width space dropped, word kept whole */
    TOKS2("AW\xE2\x80\x8BS", "AWS");
    run r;
    const char nul[] = "a\0b \x01 c";
    CU_ASSERT_EQUAL(run_opts(&r, nul, sizeof nul - 1, 0, 0), EARNINGS_OK);
    CU_ASSERT_EQUAL(check_invariants(&r), 0);
    CU_ASSERT_EQUAL(r.n, 3);
    done(&r);
    run_str(&r, "", 0);
    CU_ASSERT_EQUAL(r.n, 0);
    CU_ASSERT_EQUAL(r.ns, 0);
    CU_ASSERT_PTR_NULL(r.tok);
    CU_ASSERT_PTR_NULL(r.sen);
    done(&r);
    run_str(&r, " \n\t ", 1);
    CU_ASSERT_EQUAL(r.n, 0);
    CU_ASSERT_EQUAL(r.ns, 0);
    done(&r);
    /* a pseudo-random mix of interesting pieces, both modes */
    static const char *const pieces[] = {
        "a", "Z", "'", "'s", "n't", "-", ".", ",", "1", "0", "$", "%", "\xE2\x80\xB0", " ", "\n", "\n\n",
        "营", "亿", "美元", "万", "３", "．", "。", "；", ";", "!", "?", "\"", ")", "(", "e.g.", "Inc.",
        "\xE2\x80\xA6", "\xC2\xBD", "\xCC\x81", "\xE2\x80\x8B", "\xEF\xBB\xBF", "カ", "한", "\xF0\x9F\x9A\x80",
        "\xF0\xA0\x80\x80", "\xEF\xBC\x85", "\xE2\x80\x99", "\xC2\xA0", "\xE3\x80\x80", "\xEF\xAC\x81", "&",
        "#", "|", "*", "é", "Я", "\x7F", "\x00",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    unsigned long seed = 12345;
    char buf[512];
    size_t bad = 0;
    for (int iter = 0; iter < 400; iter++) {
        size_t len = 0;
        int count = 1 + (int)(seed % 40);
        for (int j = 0; j < count; j++) {
            seed = seed * 6364136223846793005ul + 1442695040888963407ul;
            const char *p = pieces[(seed >> 33) % np];
            size_t pl = p[0] ? strlen(p) : 1;
            if (len + pl >= sizeof buf)
                break;
            memcpy(buf + len, p, pl);
            len += pl;
        }
        for (int han = 0; han <= 1; han++) {
            int rc = run_opts(&r, buf, len, han, 0);
            CU_ASSERT_EQUAL(rc, EARNINGS_OK);
            size_t b = rc ? 1 : check_invariants(&r);
            if (b && bad == 0)
                fprintf(stderr, "\n  invariants fail on \"%.*s\" (han %d)\n", (int)len, buf, han);
            bad += b;
            done(&r);
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_errors(void)
{
    earnings_normalized *nm = NULL;
    earnings_token *tok = (earnings_token *)&nm;
    earnings_sentence *sen = (earnings_sentence *)&nm;
    size_t n = 99, ns = 99;
    CU_ASSERT_EQUAL_FATAL(earnings_normalize(&nm, "a b", 3, NULL), EARNINGS_OK);
    CU_ASSERT_EQUAL(earnings__tokenize(tokenizer(), NULL, 0, &tok, &n), EARNINGS_EINVAL);
    CU_ASSERT_PTR_NULL(tok);
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_EQUAL(earnings__tokenize(tokenizer(), nm, 0, NULL, &n), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings__tokenize(tokenizer(), nm, 0, &tok, NULL), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings__sentences(NULL, NULL, 0, &sen, &ns), EARNINGS_EINVAL);
    CU_ASSERT_PTR_NULL(sen);
    CU_ASSERT_EQUAL(ns, 0);
    CU_ASSERT_EQUAL(earnings__sentences(nm, NULL, 3, &sen, &ns), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings__sentences(nm, NULL, 0, NULL, &ns), EARNINGS_EINVAL);
    CU_ASSERT_EQUAL(earnings__sentences(nm, NULL, 0, &sen, &ns), EARNINGS_OK);
    CU_ASSERT_EQUAL(ns, 0);
    CU_ASSERT_EQUAL(earnings__tokenizer_new(NULL), EARNINGS_EINVAL);
    earnings__tokenizer_free(NULL);
    earnings_normalized_free(nm);
}

/* ---- sentences ---------------------------------------------------------- */

static void test_sentences_en(void)
{
    SENTS("Mr. Jassy said revenue grew 20.2% in the U.S. market. Margins improved! Did costs fall? Yes.",
          "Mr. Jassy said revenue grew 20.2% in the U.S. market.", "Margins improved!", "Did costs fall?",
          "Yes.");
    SENTS("He said \"growth was 3.5%.\" Then he left.", "He said \"growth was 3.5%.\"", "Then he left.");
    SENTS("\u201CFirst. Second.\u201D\nAndy", "\u201CFirst.", "Second.\u201D", "Andy");
    SENTS("(It grew.) We won; they lost.", "(It grew.)", "We won; they lost.");
    SENTS("Wait... what?! No", "Wait...", "what?!", "No");
    SENTS("Amazon.com Inc. reported results e.g. for AWS vs. Azure", "Amazon.com Inc. reported results e.g. for AWS vs. Azure");
    SENTS("Dated 2025.10.30 in the report", "Dated 2025.10.30 in the report");
    SENTS("Title\n\nBody text here\nand here. Next", "Title", "Body text here\nand here.", "Next");
    SENTS("Summary:\n- Revenue up\n- Costs down\n* More\n# Heading\n+ plus",
          "Summary:", "- Revenue up", "- Costs down", "* More", "# Heading", "+ plus");
    SENTS("Points:\n1. Revenue grew 10%\n2. Costs fell\nI. Intro\nA. First", "Points:", "1. Revenue grew 10%",
          "2. Costs fell", "I. Intro", "A. First");
    SENTS("| a | b |\n|---|---|\n| 1 | 2 |", "| a | b |", "|---|---|", "| 1 | 2 |");
    SENTS("  \xE2\x80\xA2 AI scale\n  \xE2\x80\xA2 Retail", "\xE2\x80\xA2 AI scale", "\xE2\x80\xA2 Retail");
    SENTS("One line\nwith a break", "One line\nwith a break");
    SENTS("Intro\n1. AWS Momentum\nGrowth: 20%\n2.1 Key Points\nmore here\n2025 Revenue grew",
          "Intro", "1. AWS Momentum", "Growth: 20%",
          "2.1 Key Points", "more here\n2025 Revenue grew");
    SENTS("**Bold claim.** Next *one.*", "**Bold claim.**", "Next *one.*");
    SENTS("Backlog hit $200B. This surge", "Backlog hit $200B.", "This surge");
    /* a title or heading line without a marker ends with its line */
    SENTS("Acme Corp. Reports Fourth Quarter and Full-Year 2025 Results\nRevenue rose 9%.",
          "Acme Corp. Reports Fourth Quarter and Full-Year 2025 Results", "Revenue rose 9%.");
    SENTS("Outlook\nFor 2026, we expect growth.", "Outlook", "For 2026, we expect growth.");
    /* not wrapped prose, a lower-case line start, or a line with a comma */
    SENTS("Revenue for the quarter was\nUp 9%.", "Revenue for the quarter was\nUp 9%.");
    SENTS("Chief Executive Officer\nsaid so.", "Chief Executive Officer\nsaid so.");
    SENTS("Seattle, Washington\nAcme grew.", "Seattle, Washington\nAcme grew.");
}

static void test_sentences_zh(void)
{
    SENTS("营收增长20.2%。利润下降；现金流稳定！下季度如何？我们看好",
          "营收增长20.2%。", "利润下降；", "现金流稳定！", "下季度如何？", "我们看好");
    SENTS("他说：“增长很快。”然后离开了。", "他说：“增长很快。”", "然后离开了。");
    SENTS("增长。“公司表示", "增长。", "“公司表示");
    SENTS("他说：“第一。第二。”然后", "他说：“第一。", "第二。”", "然后");
    SENTS("AWS营收达到330亿美元。Jassy表示满意", "AWS营收达到330亿美元。", "Jassy表示满意");
    SENTS("收入3.5亿;利润1亿", "收入3.5亿;", "利润1亿");
    SENTS("使用了AWS。Amazon表示", "使用了AWS。", "Amazon表示");
    SENTS("增长了20。2025年", "增长了20。", "2025年");
    SENTS("华星科技发布2025年第三季度财报\n本季度营收为128.6亿元。", "华星科技发布2025年第三季度财报", "本季度营收为128.6亿元。");
    SENTS("本季度营收为128.6亿元，同比增长\n18.2%。", "本季度营收为128.6亿元，同比增长\n18.2%。");
    /* kept CJK punctuation ends sentences too */
    expect_sentences("增长。利润；好！", EARNINGS_NORMALIZE_KEEP_CJK_PUNCT, 0,
                     (const char *const[]){ "增长。", "利润；", "好！", NULL });
    expect_sentences("增长。利润；好！", 0, 1, (const char *const[]){ "增长。", "利润；", "好！", NULL });
}

static void test_sentence_records(void)
{
    run r;
    run_str(&r, "First one. Second, two. Third", 0);
    CU_ASSERT_EQUAL_FATAL(r.ns, 3);
    CU_ASSERT_EQUAL(r.sen[0].first_token, 0);
    CU_ASSERT_EQUAL(r.sen[0].token_count, 3);
    CU_ASSERT_EQUAL(r.sen[1].first_token, 3);
    CU_ASSERT_EQUAL(r.sen[1].token_count, 4);
    CU_ASSERT_EQUAL(r.sen[2].first_token, 7);
    CU_ASSERT_EQUAL(r.sen[2].token_count, 1);
    CU_ASSERT_EQUAL(r.sen[1].span.start, 11);
    CU_ASSERT_EQUAL(r.sen[1].span.end, 23);
    CU_ASSERT_EQUAL(r.tok[5].sentence, 1);
    CU_ASSERT_EQUAL(r.tok[7].sentence, 2);
    CU_ASSERT_EQUAL(check_invariants(&r), 0);
    done(&r);
}

/* ---- corpus ------------------------------------------------------------- */

static void test_corpus(void)
{
    const char *const *files = tu_corpus_files();
    CU_ASSERT_PTR_NOT_NULL_FATAL(files[0]);
    for (size_t f = 0; files[f]; f++) {
        size_t len = 0;
        char *text = tu_read_file(files[f], &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        for (int han = 0; han <= 1; han++) {
            run r;
            int rc = run_opts(&r, text, len, han, 0);
            CU_ASSERT_EQUAL(rc, EARNINGS_OK);
            if (rc)
                fprintf(stderr, "\n  %s: %s\n", files[f], earnings_error_last()->message);
            CU_ASSERT_TRUE(r.n > 100);
            CU_ASSERT_TRUE(r.ns > 5);
            size_t bad = check_invariants(&r);
            CU_ASSERT_EQUAL(bad, 0);
            if (bad)
                fprintf(stderr, "\n  %s (han_words %d): %zu violations\n", files[f], han, bad);
            done(&r);
        }
        free(text);
    }
}

/* ---- allocation failures and threads ------------------------------------ */

/* With the EARNINGS_FAILALLOC build, every allocation of tokenize and
 * sentences fails in turn: ENOMEM, nothing returned, nothing leaked. */
static void test_failalloc(void)
{
    const char *text = "ＡＷＳ营收３３０亿美元，同比增长２０．２％。Amazon's Q3 revenue grew. 亚马逊公司的营收增长了";
    earnings_normalized *nm = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_normalize(&nm, text, strlen(text), NULL), EARNINGS_OK);
    for (int han = 0; han <= 1; han++) {
#ifdef EARNINGS_FAILALLOC
        long failures = 0;
        for (long k = 1;; k++) {
            earnings_token *tok = NULL;
            earnings_sentence *sen = NULL;
            size_t n = 0, ns = 0;
            earnings__failalloc_set(k);
            int rc = earnings__tokenize(tokenizer(), nm, han, &tok, &n);
            if (rc == EARNINGS_OK)
                rc = earnings__sentences(nm, tok, n, &sen, &ns);
            long calls = earnings__failalloc_calls();
            earnings__failalloc_set(0);
            if (calls < k) {
                CU_ASSERT_EQUAL(rc, EARNINGS_OK);
                earnings__free(sen);
                earnings__free(tok);
                break;
            }
            failures++;
            CU_ASSERT_EQUAL(rc, EARNINGS_ENOMEM);
            CU_ASSERT_PTR_NULL(sen);
            CU_ASSERT_EQUAL(ns, 0);
            earnings__free(tok); /* tokens made before sentences failed */
        }
        CU_ASSERT_TRUE(failures >= 2);
#else
        run r;
        run_str(&r, text, han);
        CU_ASSERT_TRUE(r.n > 10);
        done(&r);
#endif
    }
    earnings_normalized_free(nm);
}

typedef struct thread_job {
    const earnings_normalized *norm;
    const earnings_token *want;
    size_t nwant;
    int ok;
} thread_job;

static void *thread_main(void *arg)
{
    thread_job *j = arg;
    j->ok = 1;
    for (int i = 0; i < 20 && j->ok; i++) {
        earnings_token *tok = NULL;
        size_t n = 0;
        if (earnings__tokenize(shared_tk, j->norm, 1, &tok, &n) != EARNINGS_OK || n != j->nwant ||
            memcmp(tok, j->want, n * sizeof *tok) != 0)
            j->ok = 0;
        earnings__free(tok);
    }
    return NULL;
}

/* One tokenizer shared by threads gives each the same tokens. */
static void test_threads(void)
{
    const char *const *files = tu_corpus_files();
    size_t len = 0;
    char *text = files[0] ? tu_read_file(files[4] ? files[4] : files[0], &len) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    earnings_normalized *nm = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_normalize(&nm, text, len, NULL), EARNINGS_OK);
    earnings_token *want = NULL;
    size_t nwant = 0;
    CU_ASSERT_EQUAL_FATAL(earnings__tokenize(tokenizer(), nm, 1, &want, &nwant), EARNINGS_OK);
    enum { NT = 4 };
    pthread_t th[NT];
    thread_job jobs[NT];
    for (int t = 0; t < NT; t++) {
        jobs[t] = (thread_job){ nm, want, nwant, 0 };
        CU_ASSERT_EQUAL_FATAL(pthread_create(&th[t], NULL, thread_main, &jobs[t]), 0);
    }
    for (int t = 0; t < NT; t++) {
        pthread_join(th[t], NULL);
        CU_ASSERT_TRUE(jobs[t].ok);
    }
    earnings__free(want);
    earnings_normalized_free(nm);
    free(text);
}

static void test_teardown(void)
{
    earnings__tokenizer_free(shared_tk);
    shared_tk = NULL;
}

int main(void)
{
    static const tu_test tests[] = {
        { "names", test_names },
        { "types", test_types },
        { "clitics", test_clitics },
        { "hyphens", test_hyphens },
        { "abbreviations", test_abbreviations },
        { "alphanumerics", test_alphanumerics },
        { "numbers", test_numbers },
        { "suffixes", test_suffixes },
        { "attached", test_attached },
        { "han_chars", test_han_chars },
        { "han_words", test_han_words },
        { "acceptance", test_acceptance },
        { "mixed", test_mixed },
        { "odd_input", test_odd_input },
        { "errors", test_errors },
        { "sentences_en", test_sentences_en },
        { "sentences_zh", test_sentences_zh },
        { "sentence_records", test_sentence_records },
        { "corpus", test_corpus },
        { "failalloc", test_failalloc },
        { "threads", test_threads },
        { "teardown", test_teardown },
        { NULL, NULL },
    };
    return tu_run_suite("tokenize", tests);
}
