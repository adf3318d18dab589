/* Fact linking: each figure that states a value of a metric is linked,
 * within its sentence and with the document as context, to an entity, a
 * metric and a period; its kind (level, growth, change) and basis (reported,
 * excluding, guidance, target, estimate) come from cue words around it.
 * Rules are general (docs/facts.md); a figure no rule links is left alone.
 *
 * All scanning happens in the normalized text (CJK punctuation folded to
 * ASCII), over windows of bounded size, so the stage is linear in the input. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/facts_internal.h"
#include "document/document_internal.h"
#include "entities/entities_internal.h"

/* ---- cue words ----------------------------------------------------------- */

enum {
    CUE_EXCLUDING, CUE_WOULD, CUE_CONSTCUR, CUE_GUIDANCE, CUE_TARGET, CUE_ESTIMATE,
    CUE_YEAREND, CUE_LASTQ, CUE_THISQ, CUE_FULLYEAR, CUE_YTD, CUE_TTM, CUE_GROWTH,
    CUE_COMPARATOR, CUE_BY, CUE_ADD, CUE_LEVEL, CUE_EACH, CUE_OVERVERB, CUE_QUARTERLY, CUE_YEARAGO, CUE_NEXTQ,
    CUE_NEXTY, CUE_BEAT, CUE_SINCEYEAR, CUE_SINCEQTR, CUE_NCLASSES
};

typedef struct cue {
    uint8_t cls;
    uint8_t prefix;
    uint8_t len;
    const char *text;
} cue;

static const cue cues[] = {
#define FACT_CUE(c, t, p) { CUE_##c, p, (uint8_t)(sizeof(t) - 1), t },
#include "lexicons/facts/cues.def"
#undef FACT_CUE
};
#define NCUES (sizeof cues / sizeof cues[0])

typedef struct metric_word {
    const char *text, *id, *name;
} metric_word;

static const metric_word metric_words[] = {
#define FACT_METRIC_WORD(t, i, n) { t, i, n },
#include "lexicons/facts/metric_words.def"
#undef FACT_METRIC_WORD
};

typedef struct unit_metric {
    const char *unit, *id, *name;
} unit_metric;

static const unit_metric unit_metrics[] = {
#define FACT_UNIT_METRIC(u, i, n) { u, i, n },
#include "lexicons/facts/unit_metrics.def"
#undef FACT_UNIT_METRIC
};

typedef struct context_metric {
    const char *word, *also, *unit, *id, *name;
} context_metric;

static const context_metric context_metrics[] = {
#define FACT_CONTEXT_METRIC(w, a, u, i, n) { w, a, u, i, n },
#include "lexicons/facts/context_metrics.def"
#undef FACT_CONTEXT_METRIC
};

static const char *const owned_metrics[] = {
#define FACT_OWNED_METRIC(i) i,
#include "lexicons/facts/owned_metrics.def"
#undef FACT_OWNED_METRIC
};

static const struct company_metric_def {
    const char *id;
    int only;
} company_metrics[] = {
#define FACT_COMPANY_METRIC(i, o) { i, o },
#include "lexicons/facts/company_metrics.def"
#undef FACT_COMPANY_METRIC
};

/* 1 for a company-wide metric, 2 for one that only the company owns. */
static int company_metric(const char *mid)
{
    for (size_t i = 0; i < sizeof company_metrics / sizeof company_metrics[0]; i++)
        if (!strcmp(company_metrics[i].id, mid))
            return 1 + company_metrics[i].only;
    return 0;
}

static int word_at(const char *t, size_t i, size_t hi, const char *w);
static size_t skip_spaces(const char *t, size_t i, size_t hi);
static size_t back_spaces(const char *t, size_t lo, size_t i);
static int blank_line(const char *t, size_t a, size_t b);
static int word_ends_at(const char *t, size_t lo, size_t b, const char *w);
static int word_before_any(const char *t, size_t cs, size_t fs, const char *const *w, size_t n);

/* An organization named as the other party of something ("a settlement with
 * the FTC", "与美国联邦贸易委员会达成的"): the preposition right before it. */
static int counterparty(const char *t, size_t lo, const earnings_entity *e)
{
    /* the organization that names the matter: `the $2.5B FTC settlement` */
    static const char *const matters[] = { " settlement", " fine", " penalty", " lawsuit", " ruling", " case" };
    for (size_t k = 0; k < sizeof matters / sizeof matters[0]; k++)
        if (!strncmp(t + e->norm.end, matters[k], strlen(matters[k])))
            return 1;
    size_t i = e->norm.start;
    while (i > lo && t[i - 1] == ' ')
        i--;
    if (i >= lo + 3 && word_at(t, i - 3, i, "the") && (i == lo + 3 || t[i - 4] == ' ')) {
        i -= 3;
        while (i > lo && t[i - 1] == ' ')
            i--;
    }
    if (i >= lo + 4 && (i == lo + 4 || t[i - 5] == ' ') && word_at(t, i - 4, i, "with"))
        return 1;
    if (i >= lo + 9 && (!strncmp(t + i - 6, "美国", 6) || !strncmp(t + i - 6, "中国", 6) ||
                        !strncmp(t + i - 6, "欧盟", 6) || !strncmp(t + i - 6, "英国", 6)))
        i -= 6; /* `与美国联邦贸易委员会达成的` */
    return (i >= lo + 3 && (!strncmp(t + i - 3, "\xe4\xb8\x8e", 3) /* 与 */ ||
                            !strncmp(t + i - 3, "\xe5\x90\x8c", 3) /* 同 */));
}

typedef struct service_owner {
    const char *metric_id, *word, *id, *name;
} service_owner;

static const service_owner service_owners[] = {
#define FACT_SERVICE_OWNER(m, w, i, n) { m, w, i, n },
#include "lexicons/facts/service_owners.def"
#undef FACT_SERVICE_OWNER
};

static inline unsigned char lower(unsigned char c) { return (unsigned char)(c - 'A') < 26u ? (unsigned char)(c + 32) : c; }

/* strcmp(a, b) == 0, with the first byte compared inline (most tests fail
 * there: units, cue words). */
static inline int str_eq(const char *a, const char *b) { return a[0] == b[0] && !strcmp(a, b); }

static int is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Does a word start with w (lower case; Han: anywhere) in t[lo, hi)? */
static int word_in_range(const char *t, size_t lo, size_t hi, const char *w)
{
    for (size_t i = lo; i < hi; i++) {
        if ((unsigned char)w[0] < 0x80 && i > 0 && is_alnum((unsigned char)t[i - 1]))
            continue;
        if (word_at(t, i, hi, w))
            return 1;
    }
    return 0;
}

/* Does any of the n words occur in [lo, hi) (as word_in_range())? One pass
 * over the text, the words tried only where their first byte stands. With
 * whole, an English word must also end a word (`outperform`, not
 * `outperformance`; the text is n_all bytes long). */
static int find_words(const char *t, size_t lo, size_t hi, size_t n_all, const char *const *w, size_t n, int whole)
{
    unsigned char first[256] = { 0 };
    for (size_t k = 0; k < n; k++)
        first[(unsigned char)w[k][0]] = 1;
    for (size_t i = lo; i < hi; i++) {
        unsigned char ch = lower((unsigned char)t[i]);
        if (!first[ch])
            continue;
        for (size_t k = 0; k < n; k++) {
            if ((unsigned char)w[k][0] != ch)
                continue;
            if ((unsigned char)w[k][0] < 0x80 && i > 0 && is_alnum((unsigned char)t[i - 1]))
                continue;
            if (!word_at(t, i, hi, w[k]))
                continue;
            size_t l = strlen(w[k]);
            if (whole && (unsigned char)w[k][0] < 0x80 && i + l < n_all && is_alnum((unsigned char)t[i + l]))
                continue;
            return 1;
        }
    }
    return 0;
}

static int any_word_in_range(const char *t, size_t lo, size_t hi, const char *const *w, size_t n)
{
    return find_words(t, lo, hi, hi, w, n, 0);
}

/* The cue table grouped by first two bytes (b0 lower-cased), each group in
 * table order: group[b0][b1] - 1 is the group of the cues starting with
 * b0 b1 (0: none), and group g is order2[gstart[g] .. gstart[g + 1]).
 * Built once per process from the compiled-in table (indexes_build). */
_Static_assert(sizeof cues / sizeof cues[0] < 65536, "cues and their groups are numbered in 16 bits");
typedef struct cue_index {
    uint16_t group[256][256];
    uint16_t gstart[NCUES + 1];
    uint16_t order2[NCUES];
} cue_index;

static unsigned cue_key(size_t i)
{
    return (unsigned)lower((unsigned char)cues[i].text[0]) << 8 | (unsigned char)cues[i].text[1];
}

static void cue_index_build(cue_index *ix)
{
    /* stable insertion sort by (b0, b1); every cue is at least 2 bytes long */
    for (size_t i = 0; i < NCUES; i++) {
        size_t j = i;
        while (j > 0 && cue_key(ix->order2[j - 1]) > cue_key(i)) {
            ix->order2[j] = ix->order2[j - 1];
            j--;
        }
        ix->order2[j] = (uint16_t)i;
    }
    memset(ix->group, 0, sizeof ix->group);
    unsigned ngroups = 0;
    unsigned prev = 0x10000;
    for (size_t k = 0; k < NCUES; k++) {
        unsigned key = cue_key(ix->order2[k]);
        if (key != prev) {
            ix->gstart[ngroups++] = (uint16_t)k;
            ix->group[key >> 8][key & 0xFF] = (uint16_t)ngroups;
        }
        prev = key;
    }
    ix->gstart[ngroups] = (uint16_t)NCUES;
}

/* The cues starting with bytes b0 b1 (b0 lower-cased): order2[*k0 .. *k1);
 * 0 when there are none. */
static inline int cue_group(const cue_index *ix, unsigned char b0, unsigned char b1, unsigned *k0, unsigned *k1)
{
    unsigned g = ix->group[b0][b1];
    if (!g)
        return 0;
    *k0 = ix->gstart[g - 1];
    *k1 = ix->gstart[g];
    return 1;
}

/* The metric words ordered by first byte, table order kept within a byte,
 * with their lengths and a filter on their first two bytes. */
#define NMETRIC_WORDS (sizeof metric_words / sizeof metric_words[0])
typedef struct mw_index {
    uint16_t start[257];
    uint8_t order[NMETRIC_WORDS];
    uint8_t len[NMETRIC_WORDS];
    uint8_t pair[256][32];
} mw_index;

static void mw_index_build(mw_index *ix)
{
    uint16_t n[257] = { 0 };
    for (size_t i = 0; i < NMETRIC_WORDS; i++)
        n[(unsigned char)metric_words[i].text[0]]++;
    ix->start[0] = 0;
    for (int b = 0; b < 256; b++)
        ix->start[b + 1] = (uint16_t)(ix->start[b] + n[b]);
    uint16_t fill[256];
    for (int b = 0; b < 256; b++)
        fill[b] = ix->start[b];
    memset(ix->pair, 0, sizeof ix->pair);
    for (size_t i = 0; i < NMETRIC_WORDS; i++) { /* every word is at least 2 bytes long */
        const unsigned char *w = (const unsigned char *)metric_words[i].text;
        ix->order[fill[w[0]]++] = (uint8_t)i;
        ix->len[i] = (uint8_t)strlen(metric_words[i].text);
        ix->pair[w[0]][w[1] >> 3] |= (uint8_t)(1u << (w[1] & 7));
    }
}

/* Both indexes depend only on compiled-in tables: built once, under
 * pthread_once, and shared read-only by every document and thread. */
static cue_index cue_ix_;
static mw_index mw_ix_;
static pthread_once_t indexes_once = PTHREAD_ONCE_INIT;

static void indexes_build(void)
{
    cue_index_build(&cue_ix_);
    mw_index_build(&mw_ix_);
}

/* Cues found in a window: per class the first and last position. */
typedef struct hits {
    uint32_t mask;
    size_t first[CUE_NCLASSES];
    size_t last[CUE_NCLASSES];
    size_t last_end[CUE_NCLASSES];
} hits;

/* Cue matches that the words around them undo: `已将 X 扩展到` ("have X"),
 * not a plan; `the last quarter of the year` is the year's fourth quarter
 * (a year-end cue), not the previous quarter. */
static int cue_undone(const char *t, size_t n, size_t i, const cue *c)
{
    if (str_eq(c->text, "add")) /* `add-on`, `address`, `addict`: no addition */
        return i + 4 < n && (t[i + 3] == '-' || (lower((unsigned char)t[i + 3]) == 'r' && lower((unsigned char)t[i + 4]) == 'e') ||
                             (lower((unsigned char)t[i + 3]) == 'i' && lower((unsigned char)t[i + 4]) == 'c'));
    if (str_eq(c->text, "like"))
        return (i > 0 && t[i - 1] == '-') || (i + 4 < n && t[i + 4] == '-'); /* `like-for-like sales`: no comparison */
    if (str_eq(c->text, "will")) {
        /* a capability (`advertisers will be able to reach 400 million
         * listeners`, `will have access to`), not an outlook */
        static const char *const able[] = { " be able to ", " have access to ", " have direct access to " };
        for (size_t k = 0; k < sizeof able / sizeof able[0]; k++) {
            size_t l = strlen(able[k]);
            if (i + 4 + l <= n && !memcmp(t + i + 4, able[k], l))
                return 1;
        }
        return 0;
    }
    if (str_eq(c->text, "consensus")) {
        /* a comparison with the consensus (`ahead of consensus of 443,000`,
         * `beat consensus`), not the consensus's own figure */
        static const char *const own[] = { " of ", " estimate of ", " estimates of ", " forecast of ", " at ",
                                           " view of ", " expectation of ", " expectations of " };
        for (size_t k = 0; k < sizeof own / sizeof own[0]; k++) {
            /* (but the consensus's own figure follows: `ahead of consensus
             * of $721 million`; a value before it is measured against it,
             * benchmark_cue()) */
            size_t l = strlen(own[k]), e = i + c->len;
            if (e + l < n && !memcmp(t + e, own[k], l) &&
                ((t[e + l] >= '0' && t[e + l] <= '9') || t[e + l] == '$' || (unsigned char)t[e + l] >= 0x80 ||
                 (t[e + l] >= 'A' && t[e + l] <= 'Z')))
                return 0;
        }
        static const char *const cmp[] = { "of ", "vs ", "vs. ", "versus ", "beat ", "beats ", "above ", "below ",
                                           "than ", "missed ", "topped ", "to " };
        for (size_t k = 0; k < sizeof cmp / sizeof cmp[0]; k++) {
            size_t l = strlen(cmp[k]);
            if (i >= l && !memcmp(t + i - l, cmp[k], l) && (i == l || !is_alnum((unsigned char)t[i - l - 1])))
                return 1;
        }
        return 0;
    }
    if (str_eq(c->text, "expect")) {
        /* others' expectations that a value is measured against (`came in
         * below expectations`, `beat analysts' expectations of $1.02`), not
         * an outlook */
        static const char *const who[] = { "the ", "analysts' ", "analyst ", "market ", "street ", "wall street ",
                                           "consensus " };
        static const char *const cmp[] = { "beat ", "beats ", "topped ", "missed ", "exceeded ", "surpassed ",
                                           "below ", "above ", "ahead of ", "short of ", "in line with ",
                                           "than ", "vs ", "vs. ", "versus " };
        size_t j = i;
        for (int pass = 0; pass < 2; pass++)
            for (size_t k = 0; k < sizeof who / sizeof who[0]; k++) {
                size_t l = strlen(who[k]);
                if (j >= l && word_at(t, j - l, j, who[k])) {
                    j -= l;
                    break;
                }
            }
        for (size_t k = 0; k < sizeof cmp / sizeof cmp[0]; k++) {
            size_t l = strlen(cmp[k]);
            if (j >= l && word_at(t, j - l, j, cmp[k]) && (j == l || !is_alnum((unsigned char)t[j - l - 1])))
                return 1;
        }
        return 0;
    }
    if (str_eq(c->text, "将"))
        return i >= 3 && !memcmp(t + i - 3, "已", 3);
    if (str_eq(c->text, "预期")) {
        /* a comparison with expectations (`净利润超预期`, `低于预期`), not an outlook */
        static const char *const cmp[] = { "超", "超出", "高于", "低于", "不及", "符合", "好于", "优于", "超过" };
        for (size_t k = 0; k < sizeof cmp / sizeof cmp[0]; k++) {
            size_t l = strlen(cmp[k]);
            if (i >= l && !memcmp(t + i - l, cmp[k], l))
                return 1;
        }
        return 0;
    }
    if (c->cls == CUE_YEAREND && (unsigned char)c->text[0] >= 0x80)
        return i >= 3 && !memcmp(t + i - 3, "半", 3); /* `上半年末`: the half year's end */
    if (c->cls == CUE_LASTQ && (unsigned char)c->text[0] < 0x80)
        return i + c->len + 4 <= n && !memcmp(t + i + c->len, " of ", 4);
    return 0;
}

static int cue_at(const char *t, size_t lo, size_t hi, size_t i, const cue *c)
{
    if (i + c->len > hi)
        return 0;
    for (size_t k = 0; k < c->len; k++)
        if (lower((unsigned char)t[i + k]) != (unsigned char)c->text[k])
            return 0;
    if ((unsigned char)c->text[0] < 0x80) { /* English: word boundaries */
        if (i > lo && is_alnum((unsigned char)t[i - 1]))
            return 0;
        if (!c->prefix && i + c->len < hi && is_alnum((unsigned char)t[i + c->len]) &&
            is_alnum((unsigned char)c->text[c->len - 1]))
            return 0;
    }
    return !cue_undone(t, hi, i, c);
}

static void scan_ix(const cue_index *ix, const char *t, size_t lo, size_t hi, hits *h)
{
    h->mask = 0;
    for (size_t i = lo; i < hi; i++) {
        unsigned char b = lower((unsigned char)t[i]);
        if ((b & 0xC0) == 0x80)
            continue; /* UTF-8 continuation byte */
        if (i + 1 >= hi)
            break; /* every cue is at least 2 bytes long */
        unsigned char b1 = lower((unsigned char)t[i + 1]);
        unsigned k0, k1;
        if (!cue_group(ix, b, b1, &k0, &k1))
            continue;
        for (unsigned k = k0; k < k1; k++) {
            const cue *c = &cues[ix->order2[k]];
            if (!cue_at(t, lo, hi, i, c))
                continue;
            uint32_t bit = 1u << c->cls;
            if (!(h->mask & bit))
                h->first[c->cls] = i;
            h->mask |= bit;
            h->last[c->cls] = i;
            h->last_end[c->cls] = i + c->len;
        }
    }
}

/* The cue matches of one sentence, found once for all the windows scanned
 * in it. A match counts in a window [lo, hi) of the sentence when it fits
 * in it and its word boundaries hold: lok / rok say whether they hold
 * against the text itself; at i == lo (left) or i + len == hi (right) the
 * window's edge is a boundary. Same hits, in the same order, as scan_ix. */
#define SENT_HITS_MAX 256
typedef struct cue_hit {
    uint32_t pos;
    uint8_t cls, len, lok, rok;
} cue_hit;

typedef struct sent_hits {
    int valid;
    size_t lo, hi;
    size_t count;
    cue_hit items[SENT_HITS_MAX];
} sent_hits;

static void sent_hits_build(const cue_index *ix, const char *t, size_t n, size_t lo, size_t hi, sent_hits *sh)
{
    sh->valid = 0;
    sh->count = 0;
    if (hi > n || hi > UINT32_MAX)
        return;
    for (size_t i = lo; i + 1 < hi; i++) { /* every cue is at least 2 bytes long */
        unsigned char b = lower((unsigned char)t[i]);
        if ((b & 0xC0) == 0x80)
            continue; /* UTF-8 continuation byte */
        if (i > lo && is_alnum(b) && is_alnum((unsigned char)t[i - 1])) {
            /* inside an ASCII word: a cue there counts only at a window's
             * start (scan_hits()), and windows start at clause and figure
             * boundaries; the rest of the word is passed over at once */
            while (i + 2 < hi && is_alnum((unsigned char)t[i + 1]))
                i++;
            continue;
        }
        unsigned char b1 = lower((unsigned char)t[i + 1]);
        unsigned k0, k1;
        if (!cue_group(ix, b, b1, &k0, &k1))
            continue;
        for (unsigned k = k0; k < k1; k++) {
            const cue *c = &cues[ix->order2[k]];
            if (i + c->len > hi || (unsigned char)c->text[1] != b1 || (unsigned char)c->text[0] != b)
                continue;
            size_t q;
            for (q = 2; q < c->len; q++)
                if (lower((unsigned char)t[i + q]) != (unsigned char)c->text[q])
                    break;
            if (q < c->len)
                continue;
            uint8_t lok = 1, rok = 1;
            if ((unsigned char)c->text[0] < 0x80) {
                if (i > 0 && is_alnum((unsigned char)t[i - 1]))
                    lok = 0;
                if (!c->prefix && i + c->len < n && is_alnum((unsigned char)t[i + c->len]) &&
                    is_alnum((unsigned char)c->text[c->len - 1]))
                    rok = 0;
            }
            if (cue_undone(t, n, i, c))
                continue;
            if (sh->count == SENT_HITS_MAX)
                return; /* too many: windows are scanned directly */
            cue_hit *hp = &sh->items[sh->count++];
            hp->pos = (uint32_t)i;
            hp->cls = c->cls;
            hp->len = c->len;
            hp->lok = lok;
            hp->rok = rok;
        }
    }
    sh->lo = lo;
    sh->hi = hi;
    sh->valid = 1;
}

static void scan_hits(const sent_hits *sh, size_t lo, size_t hi, hits *h)
{
    h->mask = 0;
    size_t a = 0, b = sh->count;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (sh->items[mid].pos < lo)
            a = mid + 1;
        else
            b = mid;
    }
    for (const cue_hit *p = sh->items + a, *end = sh->items + sh->count; p < end && p->pos < hi; p++) {
        size_t i = p->pos, e = i + p->len;
        if (e > hi || (!p->lok && i > lo) || (!p->rok && e < hi))
            continue;
        uint32_t bit = 1u << p->cls;
        if (!(h->mask & bit))
            h->first[p->cls] = i;
        h->mask |= bit;
        h->last[p->cls] = i;
        h->last_end[p->cls] = e;
    }
}

static int has(const hits *h, int cls) { return (h->mask >> cls) & 1u; }

/* The first cue of class cls after a value follows a benchmark word
 * (`$456 million, below expectations of $470 million`, `topped the
 * consensus`): the cue states what the value is measured against. */
static int benchmark_cue(const hits *after, int cls)
{
    return (has(after, CUE_BEAT) && after->first[CUE_BEAT] < after->first[cls]) ||
           (has(after, CUE_COMPARATOR) && after->first[CUE_COMPARATOR] < after->first[cls]);
}

/* ---- context --------------------------------------------------------------- */

typedef struct fact_list {
    earnings_fact *items;
    size_t count, cap;
    unsigned char *src; /* per fact: 1 when its entity is named in its clause,
                           2 when it comes only from context */
    size_t src_cap;
} fact_list;

typedef struct ctx {
    earnings_doc *doc;
    const char *nt; /* normalized text */
    size_t nl;
    const earnings_entity *ents;
    size_t nents;
    const earnings_entity *main; /* the document's company, or NULL */
    int year, quarter;           /* the document's period (0 when unknown) */
    char period[16];             /* "2025Q3", or "" */
    earnings__arena arena;
    fact_list out;
    /* carry-over within one sentence */
    size_t carry_sentence;
    int carry_valid;
    const earnings_entity *carry_entity; /* NULL = the main company */
    int carry_ctx;                        /* ... taken only from context */
    const char *carry_metric_id, *carry_metric_name;
    earnings_span carry_metric_span;
    const char *ell_unit;                 /* counted noun of the previous fact (ellipsis) */
    const char *ell_metric_id, *ell_metric_name;
    double ell_value;
    size_t carry_clause_start;
    size_t carry_fig_end; /* end of the figure the carry comes from */
    const char *carry_adj; /* its adjusted measure (adjusted_measure()), or NULL */
    const cue_index *cues;  /* shared, read-only (indexes_build) */
    sent_hits sent_cues;    /* cue matches of the current sentence */
    const mw_index *mws;
    /* subject carry-over across sentences and sections */
    size_t fact_sentence;                 /* sentence of the last fact + 1 (0: none) */
    const char *outlook_period;           /* period named by the last outlook fact, or NULL */
    int research;                         /* the document is a broker's note (research_note()) */
    size_t outlook_sentence;              /* its sentence */
    const earnings_entity *fact_entity;   /* its entity (NULL = the main company) */
    const char *fact_metric;              /* its metric id */
    int32_t fact_kind;                    /* its kind */
    const char *fact_period;              /* its period, or NULL */
    int fact_period_from_doc;             /* ... the document's own, filled in */
    int fact_period_inferred;             /* ... inferred (from the document or context) */
    int32_t fact_basis;                   /* its basis */
    size_t fact_end;                      /* the end of its figure */
    const char *fact_metric_name;         /* its metric's name */
    int fact_money;                       /* its value is an amount of money */
    size_t dem_sentence;                  /* sentence + 1 of the cached demonstrative lookup */
    size_t ls_sentence, ls_value;         /* sentence + 1 and start of its line */
    const earnings_entity *dem_product;   /* its result */
    size_t line_pos;                      /* headings scanned up to here */
    size_t eol_from, eol_at;              /* end of the line starting at eol_from */
    int eol_valid;
    const earnings_entity *heading_ent;   /* entity of the current section, or NULL */
    const earnings_entity *level_ent[8];  /* per heading level (1-6 Markdown, 7 other) */
    size_t lead_s, lead_e;                /* a lead-in line (`For Q4 2025, Amazon guided to:`) */
    int lead_valid;                       /* ... whose list is still running */
    /* segment names as written in the document (for lower-case mentions) */
    const earnings_entity *segs[16];
    size_t nsegs;
} ctx;

static int tongqi_after(const ctx *c, const earnings_figure *p);

static void scan_ctx(const ctx *c, const char *t, size_t lo, size_t hi, hits *h)
{
    if (c->sent_cues.valid && lo >= c->sent_cues.lo && hi <= c->sent_cues.hi && t == c->nt)
        scan_hits(&c->sent_cues, lo, hi, h);
    else
        scan_ix(c->cues, t, lo, hi, h);
}

#define scan(t, lo, hi, h) scan_ctx(c, (t), (lo), (hi), (h))

/* An estimate cue between the carried figure's end a and b (`our $718
 * million estimate and consensus of $721 million`): the next estimate of
 * the same measure, in the same clause. */
/* Figure fi the second of `from X to Y` (`from $3.30 to $3.40`, `由3.3元
 * 增至3.4元`), X of the same kind right before it: the same measure. */
static int to_pair(const ctx *c, size_t fi)
{
    const earnings__figure_list *fl = &c->doc->figures;
    if (fi == 0 || fl->items[fi - 1].kind != fl->items[fi].kind || fl->items[fi - 1].norm.end > fl->items[fi].norm.start)
        return 0;
    const char *t = c->nt;
    size_t a = fl->items[fi - 1].norm.end, b = fl->items[fi].norm.start;
    static const char *const join[] = { " to ", "至", "到", "增至", "降至", "升至" };
    for (size_t k = 0; k < sizeof join / sizeof join[0]; k++)
        if (b - a == strlen(join[k]) && !memcmp(t + a, join[k], b - a))
            return 1;
    return 0;
}

/* Figure fi a second change of a percent right after another (`up 7.0% and
 * up 5.8% at constant currency`, `grew 9%, or 11% organically`): the
 * same measure, written again. */
static int parallel_change(const ctx *c, size_t fi)
{
    const earnings__figure_list *fl = &c->doc->figures;
    if (fi == 0)
        return 0;
    const earnings_figure *a = &fl->items[fi - 1], *b = &fl->items[fi];
    if (a->kind != EARNINGS_FIGURE_PERCENT || b->kind != EARNINGS_FIGURE_PERCENT || a->norm.end > b->norm.start ||
        b->norm.start - a->norm.end > 24 || a->direction == EARNINGS_DIRECTION_NONE)
        return 0;
    const char *t = c->nt;
    size_t i = skip_spaces(t, a->norm.end, b->norm.start);
    if (a->comparison != EARNINGS_COMPARISON_NONE) {
        /* past the first change's comparison words: `up 11.2% y/y and about 2%` */
        while (i < b->norm.start && t[i] != ' ' && t[i] != ',')
            i++;
        i = skip_spaces(t, i, b->norm.start);
    }
    if (i < b->norm.start && t[i] == ',')
        i = skip_spaces(t, i + 1, b->norm.start);
    static const char *const join[] = { "and ", "or " };
    size_t k = 0;
    for (; k < sizeof join / sizeof join[0]; k++)
        if (word_at(t, i, b->norm.start, join[k]))
            break;
    if (k == sizeof join / sizeof join[0])
        return 0;
    i = skip_spaces(t, i + strlen(join[k]), b->norm.start);
    static const char *const dir[] = { "up ", "down ", "an increase of ", "a decrease of ", "a rise of ",
                                       "a decline of " };
    for (size_t q = 0; q < sizeof dir / sizeof dir[0]; q++)
        if (word_at(t, i, b->norm.start, dir[q])) {
            i += strlen(dir[q]);
            break;
        }
    return i == b->norm.start;
}

/* Right after a percent ending at fe: a word of beating or missing and
 * then an estimate (`4% above consensus`, `3% ahead of analysts'
 * estimates`, `高于市场预期`)? */
static int surprise_after(const ctx *c, const char *t, size_t fe, size_t se)
{
    size_t hi = fe + 48 < se ? fe + 48 : se;
    hits h;
    scan(t, fe, hi, &h);
    if (!has(&h, CUE_BEAT) || skip_spaces(t, fe, hi) != h.first[CUE_BEAT])
        return 0;
    /* the estimate in the same phrase (not `4% above last year and beat
     * estimates`): a word of others' expectations within a few words */
    static const char *const est[] = { "consensus", "estimate", "expectation", "forecast", "the street",
                                       "analysts", "guidance", "预期", "一致预期" };
    size_t lim = h.last_end[CUE_BEAT] + 24 < hi ? h.last_end[CUE_BEAT] + 24 : hi;
    for (size_t i = h.last_end[CUE_BEAT]; i < lim; i++) {
        if (t[i] == ',' || t[i] == ';' || word_at(t, i, lim, " and "))
            return 0;
        for (size_t k = 0; k < sizeof est / sizeof est[0]; k++)
            if (word_at(t, i, lim, est[k]) && (i == 0 || !is_alnum((unsigned char)t[i - 1])))
                return 1;
    }
    return 0;
}

/* The sentence from ss has analysts as its subject, in its first 48 bytes
 * and before fs (`Analysts on average expect`, `Wall Street expects`,
 * `分析师预计`): their outlook is an estimate, not the company's. */
static int analysts_lead(const char *t, size_t ss, size_t fs)
{
    static const char *const w[] = { "analysts", "analyst", "wall street", "the street", "分析师", "市场一致预期" };
    size_t hi = ss + 48 < fs ? ss + 48 : fs;
    for (size_t i = ss; i < hi; i++) {
        if (i > ss && is_alnum((unsigned char)t[i - 1]))
            continue;
        for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
            if (word_at(t, i, hi, w[k]))
                return 1;
    }
    return 0;
}

/* An estimate word ends right before pos (past spaces): `consensus`,
 * `estimates`, `expectations`, `一致预期` (`ahead of consensus ($1.157
 * billion)`: the figure in the parenthesis is the consensus's). */
static int estimate_word_before(const char *t, size_t lo, size_t pos)
{
    static const char *const w[] = { "consensus", "estimates", "estimate", "expectations", "一致预期", "市场预期" };
    size_t e = back_spaces(t, lo, pos);
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++) {
        size_t l = strlen(w[k]);
        if (e >= lo + l && word_at(t, e - l, e, w[k]) &&
            ((unsigned char)w[k][0] >= 0x80 || e - l == lo || !is_alnum((unsigned char)t[e - l - 1])))
            return 1;
    }
    return 0;
}

static int estimate_between(const ctx *c, size_t a, size_t b)
{
    if (a >= b || b - a > 48)
        return 0;
    hits h;
    scan(c->nt, a, b, &h);
    return has(&h, CUE_ESTIMATE);
}

static int entity_is_subject(const earnings_entity *e)
{
    switch (e->type) {
    case EARNINGS_ENTITY_ORG:
    case EARNINGS_ENTITY_SEGMENT:
    case EARNINGS_ENTITY_PRODUCT:
        return 1;
    case EARNINGS_ENTITY_TICKER:
        return !strncmp(e->id, "org:", 4);
    default:
        return 0;
    }
}

static int specificity(const earnings_entity *e)
{
    switch (e->type) {
    case EARNINGS_ENTITY_PRODUCT: return 3;
    case EARNINGS_ENTITY_SEGMENT: return 2;
    default: return 1;
    }
}

/* index of the first entity whose normalized start is >= pos */
static size_t ent_lower(const ctx *c, size_t pos)
{
    size_t lo = 0, hi = c->nents;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->ents[mid].norm.start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int parse_period(const char *p, int *year, int *q)
{
    *year = 0;
    *q = 0;
    if (!p)
        return 0;
    if (strlen(p) >= 6 && p[4] == 'Q' && p[5] >= '1' && p[5] <= '4') {
        *year = atoi(p);
        *q = p[5] - '0';
        return 2;
    }
    if (p[0] == 'Q' && p[1] >= '1' && p[1] <= '4' && !p[2]) {
        *q = p[1] - '0';
        return 1;
    }
    if (p[0] >= '1' && p[0] <= '2' && strlen(p) >= 4) {
        *year = atoi(p);
        return 1;
    }
    return 0;
}

/* A full date (year, month, day) in the document's first 400 bytes (a
 * dateline: `14 November 2025`, `2025年11月14日`): its year and the
 * quarter its month lies in; 1, or 0. */
static int dateline_date(const ctx *c, int *y, int *q)
{
    const earnings__figure_list *fl = &c->doc->figures;
    for (size_t i = 0; i < fl->count && fl->items[i].norm.start < 400; i++) {
        const earnings_figure *f = &fl->items[i];
        const char *v = f->period;
        if (f->kind != EARNINGS_FIGURE_DATE || !v || strlen(v) != 10 || v[4] != '-' || v[7] != '-' ||
            !(v[0] >= '1' && v[0] <= '2'))
            continue;
        int m = atoi(v + 5);
        if (m < 1 || m > 12)
            continue;
        *y = atoi(v);
        *q = (m + 2) / 3;
        return 1;
    }
    return 0;
}

/* p is a span of the document's year or a later one (`2025YTD`, `2025H1`,
 * `2025FY`). */
static int span_of_year(const ctx *c, const char *p)
{
    size_t n = strlen(p);
    if (n < 6 || !(p[0] >= '1' && p[0] <= '2'))
        return 0;
    int y = atoi(p);
    if (c->year && y < c->year)
        return 0;
    return !strcmp(p + 4, "YTD") || !strcmp(p + 4, "FY") || !strcmp(p + 4, "H1") || !strcmp(p + 4, "H2");
}

/* Does sentence si - 1 end with `;` (`；`): an item of the same list
 * (`前三季度，公司实现营业收入2,514.2亿元；归母净利润1,137.7亿元`)? */
static int after_semicolon(const ctx *c, size_t si)
{
    const earnings_sentence *p = &c->doc->sentences[si - 1];
    size_t e = p->norm.end;
    while (e > p->norm.start && c->nt[e - 1] == ' ')
        e--;
    if (e > p->norm.start && c->nt[e - 1] == ';')
        return 1;
    /* a sentence that breaks down the one before (`其中，利息净收入76.4亿元`,
     * `Of this, services revenue was ...`) continues its period */
    static const char *const part[] = { "其中", "of this,", "of which,", "of that,", "of the total,",
                                        "within this,", "within that," };
    const earnings_sentence *s = &c->doc->sentences[si];
    size_t b = skip_spaces(c->nt, s->norm.start, s->norm.end);
    for (size_t k = 0; k < sizeof part / sizeof part[0]; k++)
        if (word_at(c->nt, b, s->norm.end, part[k]))
            return 1;
    return 0;
}

/* Is the value figure fi the baseline of the value before it in its
 * sentence, written with no period of its own (`rose 8% to $5.1 billion
 * from $4.7 billion`, `$2.11, up from $1.80`, `29.1%, compared with
 * 28.4%`)? In a release such a baseline is the year-ago period's. */
static int bare_baseline(const ctx *c, size_t fi, size_t ss)
{
    const earnings__figure_list *fl = &c->doc->figures;
    const earnings_figure *f = &fl->items[fi];
    if (fi == 0 || (f->kind != EARNINGS_FIGURE_MONEY && f->kind != EARNINGS_FIGURE_PERCENT))
        return 0;
    const earnings_figure *q = &fl->items[fi - 1];
    const char *t = c->nt;
    if (f->kind == EARNINGS_FIGURE_MONEY && q->kind == EARNINGS_FIGURE_PERCENT && fi >= 2 && !f->is_range &&
        q->norm.start >= ss && f->norm.start - q->norm.end <= 16) {
        /* `$1.42 billion, up 9% from $1.30 billion`, `an increase of 9%
         * compared with $1.30 billion`: the growth's base, after the level */
        static const char *const via[] = { " from ", " compared with ", " compared to ", " versus " };
        size_t k = 0;
        for (; k < sizeof via / sizeof via[0]; k++)
            if (f->norm.start - q->norm.end == strlen(via[k]) && word_at(t, q->norm.end, f->norm.start, via[k]))
                break;
        const earnings_figure *l = &fl->items[fi - 2];
        return k < sizeof via / sizeof via[0] && l->kind == EARNINGS_FIGURE_MONEY && l->norm.start >= ss &&
               !l->is_range && q->norm.start - l->norm.end <= 40 && !(l->unit && f->unit && strcmp(l->unit, f->unit));
    }
    if (q->norm.start < ss || q->kind != f->kind || q->is_range || f->is_range ||
        (q->unit && f->unit && strcmp(q->unit, f->unit)) || f->norm.start - q->norm.end > 40)
        return 0;
    size_t e = f->norm.start;
    while (e > q->norm.end && t[e - 1] == ' ')
        e--;
    static const char *const joins[] = { "from", "compared with", "compared to", "versus", "vs.", "vs",
                                         "against" };
    size_t b = e;
    for (size_t k = 0; k < sizeof joins / sizeof joins[0] && b == e; k++) {
        size_t l = strlen(joins[k]);
        if (e >= q->norm.end + l && word_at(t, e - l, e, joins[k]) &&
            (e - l == q->norm.end || t[e - l - 1] == ' ' || t[e - l - 1] == ','))
            b = e - l;
    }
    if (b == e)
        return 0;
    /* only a direction word and a comma between the two values */
    static const char *const dirs[] = { "up", "down", "higher", "lower", "rising", "falling", "increasing",
                                        "decreasing", "an increase", "a decrease" };
    while (b > q->norm.end && (t[b - 1] == ' ' || t[b - 1] == ','))
        b--;
    for (size_t k = 0; k < sizeof dirs / sizeof dirs[0] && b > q->norm.end; k++) {
        size_t l = strlen(dirs[k]);
        if (b >= q->norm.end + l && word_at(t, b - l, b, dirs[k]) &&
            (b - l == q->norm.end || t[b - l - 1] == ' ' || t[b - l - 1] == ',')) {
            b -= l;
            break;
        }
    }
    while (b > q->norm.end && (t[b - 1] == ' ' || t[b - 1] == ','))
        b--;
    return b == q->norm.end;
}

/* Do a and b (NULL: the document's company) name the same entity? */
static int same_subject(const ctx *c, const earnings_entity *a, const earnings_entity *b)
{
    if (!a)
        a = c->main;
    if (!b)
        b = c->main;
    return a == b || (a && b && !strcmp(a->id, b->id));
}

/* p is a dated quarter (`2025Q3`) not before the document's own (one
 * before it is a baseline: `the year-ago quarter`): a later fact may carry it. */
static int carriable_quarter(const ctx *c, const char *p)
{
    int y, q;
    if (parse_period(p, &y, &q) != 2)
        return 0;
    return !c->year || y > c->year || (y == c->year && q >= c->quarter);
}

/* A period that has already run at the document's time: the trailing
 * twelve months, the year to date, the document's quarter or an earlier one,
 * an earlier year. */
static int period_elapsed(int doc_year, int doc_quarter, const char *p)
{
    int y, q;
    if (!strcmp(p, "TTM"))
        return 1;
    int k = parse_period(p, &y, &q);
    if (!doc_year || !y)
        return 0;
    if (k == 2)
        return y < doc_year || (y == doc_year && doc_quarter && q <= doc_quarter);
    size_t n = strlen(p);
    return y < doc_year || (y == doc_year && n >= 7 && !strcmp(p + n - 3, "YTD"));
}

/* Has the period p run by the document's period: elapsed, or the
 * document's own (a quarter of no year against the document's `Q2`)? */
static int period_run(const ctx *c, const char *p)
{
    if (period_elapsed(c->year, c->quarter, p) || !strcmp(p, c->period))
        return 1;
    int y, q, dy, dq;
    return parse_period(p, &y, &q) == 1 && q && !y && parse_period(c->period, &dy, &dq) == 1 && dq && !dy && q <= dq;
}

/* Is any quarter of a year counted in yq_count (doc_context())? */
static int quarter_with_year(int yq_count[8][5])
{
    for (int yi = 0; yi < 8; yi++)
        for (int q = 1; q <= 4; q++)
            if (yq_count[yi][q])
                return 1;
    return 0;
}

/* The document's company (in the title, else the most mentioned org) and
 * period (in the title, else the most stated quarter). */
/* Does the opening of the text [0, n) (its first 2 KB) show a broker's
 * note: a rating, a price target, `Equity Research`? Its outlooks are then
 * the analyst's estimates unless the company's are named. */
static int research_note(const char *t, size_t n)
{
    static const char *const w[] = { "equity research", "price target", "target price", "outperform",
                                     "underperform", "overweight", "underweight", "buy rating", "sell rating",
                                     "initiating coverage", "initiate coverage", "投资评级", "买入评级", "增持评级",
                                     "推荐评级", "目标价", "研究报告", "首次覆盖", "维持买入", "维持增持", "给予买入",
                                     "给予增持", "\"买入\"评级", "\"增持\"评级" };
    return find_words(t, 0, n < 2048 ? n : 2048, n, w, sizeof w / sizeof w[0], 1);
}

/* Does the sentence [ss, se) name the company's own outlook (`Management
 * raised FY25 revenue guidance`, `公司指引`)? */
static int company_outlook(const char *t, size_t ss, size_t se)
{
    static const char *const w[] = { "guidance", "guided", "guides", "guide ", "outlook", "management",
                                     "the company", "company's", "reaffirm", "指引", "公司预计", "管理层",
                                     "公司计划", "公司预期" };
    return any_word_in_range(t, ss, se, w, sizeof w / sizeof w[0]);
}

static int dateline_source(const ctx *c, const earnings_entity *e);

static void doc_context(ctx *c)
{
    const earnings_doc *d = c->doc;
    size_t title_end = d->nsentences ? d->sentences[0].norm.end : 0;
    {
        /* a title of up to three lines, each a sentence of its own (`云途控股
         * 有限公司（股份代号：09899）` then `截至2025年6月30日止六个月之中期业绩
         * 公告`), while no period is named yet and no line ends in a stop */
        const earnings__figure_list *fl = &d->figures;
        for (size_t k = 1; k < d->nsentences && k < 3; k++) {
            int named = 0;
            for (size_t a = 0; a < fl->count && fl->items[a].norm.start < title_end && !named; a++)
                named = fl->items[a].kind == EARNINGS_FIGURE_PERIOD;
            const earnings_sentence *p = &d->sentences[k - 1], *q = &d->sentences[k];
            size_t pe = back_spaces(c->nt, p->norm.start, p->norm.end);
            if (named || q->norm.start > 400 || q->norm.end - q->norm.start > 200 || pe == p->norm.start ||
                c->nt[pe - 1] == '.' || blank_line(c->nt, p->norm.end, q->norm.start) ||
                !memchr(c->nt + p->norm.end, '\n', q->norm.start - p->norm.end))
                break;
            title_end = q->norm.end;
        }
    }
    c->research = research_note(c->nt, c->nl);
    /* company */
    const earnings_entity *best = NULL;
    size_t best_n = 0;
    for (size_t i = 0; i < c->nents && !best; i++)
        if (c->ents[i].norm.start < title_end && entity_is_subject(&c->ents[i]) &&
            !strncmp(c->ents[i].id, "org:", 4) && !dateline_source(c, &c->ents[i]))
            best = &c->ents[i];
    if (!best) {
        /* counting by id: entities are few per document; quadratic over the
         * distinct orgs only (bounded by 64 candidates) */
        const earnings_entity *cand[64];
        size_t cnt[64], nc = 0;
        for (size_t i = 0; i < c->nents; i++) {
            const earnings_entity *e = &c->ents[i];
            if (!entity_is_subject(e) || strncmp(e->id, "org:", 4) || dateline_source(c, e))
                continue;
            size_t k = 0;
            while (k < nc && strcmp(cand[k]->id, e->id))
                k++;
            if (k == nc) {
                if (nc == 64)
                    continue;
                cand[nc] = e;
                cnt[nc++] = 0;
            }
            cnt[k]++;
        }
        for (size_t k = 0; k < nc; k++)
            if (cnt[k] > best_n) {
                best_n = cnt[k];
                best = cand[k];
            }
    }
    c->main = best;
    /* segments written capitalized (for their lower-case mentions) */
    for (size_t i = 0; i < c->nents && c->nsegs < sizeof c->segs / sizeof c->segs[0]; i++) {
        const earnings_entity *e = &c->ents[i];
        if (e->type != EARNINGS_ENTITY_SEGMENT || e->norm.end <= e->norm.start ||
            !(c->nt[e->norm.start] >= 'A' && c->nt[e->norm.start] <= 'Z'))
            continue;
        size_t k = 0;
        while (k < c->nsegs && strcmp(c->segs[k]->id, e->id))
            k++;
        if (k == c->nsegs)
            c->segs[c->nsegs++] = e;
    }
    /* period */
    int ty = 0, tq = 0, title_y = 0, title_q = 0, bare_q = 0;
    int title_half = 0; /* the title's span: 1 or 2 a half year, -1 the year to date */
    int yq_count[8][5] = { { 0 } }; /* years base..base+7 */
    size_t yq_first[8][5];          /* the first mention of each, for ties */
    int year_count[8] = { 0 }, q_count[5] = { 0 };
    size_t q_first[5] = { 0 };
    int span_y = 0;
    char span_p[8] = "";
    size_t span_first = 0;
    int base = 0;
    for (size_t i = 0; i < d->figures.count; i++) {
        const earnings_figure *f = &d->figures.items[i];
        if (f->kind != EARNINGS_FIGURE_PERIOD || tongqi_after(c, f))
            continue; /* (`2024年同期`, `(2024: ...)` name a baseline: no vote for the document's year) */
        int y, q;
        int k = parse_period(f->period, &y, &q);
        if (!k)
            continue;
        if (!y && q && i > 0) {
            /* `fiscal 2025 fourth quarter`: the year named right before */
            const earnings_figure *pf = &d->figures.items[i - 1];
            int py, pq;
            if (pf->kind == EARNINGS_FIGURE_PERIOD && parse_period(pf->period, &py, &pq) == 1 && py && !pq &&
                pf->norm.end + 2 >= f->norm.start)
                y = py;
        }
        if (f->norm.start < title_end) {
            if (y && q && !ty) {
                ty = y;
                tq = q;
            }
            /* a title naming the quarter and the year apart: `Fourth
             * Quarter and Fiscal 2025 Results` */
            if (!y && q && !title_q)
                title_q = q;
            if (y && !q && !title_y)
                title_y = y;
            /* a half year in the title: `2025年上半年业绩`; the year to date:
             * `2025年前三季度业绩快报` */
            if (y && !q && !title_half && strlen(f->period) == 6 && f->period[4] == 'H' &&
                (f->period[5] == '1' || f->period[5] == '2'))
                title_half = f->period[5] - '0';
            if (y && !q && !title_half && !strcmp(f->period + 4, "YTD"))
                title_half = -1;
        }
        if (y && !base)
            base = y - 4;
        int yi = y ? y - base : -1;
        if (y && (yi < 0 || yi >= 8))
            yi = -1;
        if (yi >= 0) {
            year_count[yi]++;
            if (q && !yq_count[yi][q]++)
                yq_first[yi][q] = f->norm.start;
        }
        /* a half year or year to date named in the body (`截至2025年6月30日止六个月`) */
        if (y && !q && !span_y && strlen(f->period) >= 6 &&
            (!strcmp(f->period + 4, "H1") || !strcmp(f->period + 4, "H2") || !strcmp(f->period + 4, "YTD"))) {
            span_y = y;
            span_first = f->norm.start;
            snprintf(span_p, sizeof span_p, "%s", f->period + 4);
        }
        if (q && !q_count[q]++)
            q_first[q] = f->norm.start;
    }
    if (!ty && title_y && title_q) {
        ty = title_y;
        tq = title_q;
    }
    if (ty) {
        c->year = ty;
        c->quarter = tq;
    } else {
        /* the quarter named most often; of those named as often, the
         * first named */
        int bn = 0;
        size_t bfirst = 0;
        for (int yi = 0; yi < 8; yi++)
            for (int q = 1; q <= 4; q++)
                if (yq_count[yi][q] > bn || (bn && yq_count[yi][q] == bn && yq_first[yi][q] < bfirst)) {
                    bn = yq_count[yi][q];
                    bfirst = yq_first[yi][q];
                    c->year = base + yi;
                    c->quarter = q;
                }
        if (!bn) {
            int yn = 0, qn = 0;
            for (int yi = 0; yi < 8; yi++)
                if (year_count[yi] > yn) {
                    yn = year_count[yi];
                    c->year = base + yi;
                }
            for (int q = 1; q <= 4; q++)
                if (q_count[q] > qn || (qn && q_count[q] == qn && q_first[q] < q_first[c->quarter])) {
                    qn = q_count[q];
                    c->quarter = q; /* (the most named; of those named as often, the first) */
                }
            int dy = 0, dq = 0;
            if (c->quarter && dateline_date(c, &dy, &dq)) {
                /* a note dated `14 November 2025` on `Q3`: the last quarter
                 * of that name by the date, not the year its estimates name
                 * most (`FY2026`) */
                c->year = c->quarter <= dq ? dy : dy - 1;
            }
            if (!c->year) {
                bare_q = c->quarter; /* `第三季度` with no year anywhere */
                c->quarter = 0;
            }
        }
    }
    if (!ty && title_y && title_half > 0) {
        /* the half year is the document's period; its last quarter orders
         * the periods around it */
        c->year = title_y;
        c->quarter = title_half * 2;
        snprintf(c->period, sizeof c->period, "%04dH%d", c->year, title_half);
    } else if (!ty && title_y && title_half < 0) {
        /* the year to date, through the last quarter named (else the third) */
        int lq = 0;
        for (int q = 1; q <= 4; q++)
            if (q_count[q])
                lq = q;
        c->year = title_y;
        c->quarter = lq ? lq : 3;
        snprintf(c->period, sizeof c->period, "%04dYTD", c->year);
    } else if (!ty && span_y && (!c->year || c->year == span_y) &&
               (!c->quarter || (span_p[0] == 'H' && !quarter_with_year(yq_count) && span_first < q_first[c->quarter]))) {
        /* no quarter anywhere, or only quarters of no year named after a
         * half year (`results for the first half of 2025 ... In the second
         * quarter alone`): the half year or the year to date named */
        c->year = span_y;
        c->quarter = span_p[0] == 'H' ? (span_p[1] - '0') * 2 : 3;
        snprintf(c->period, sizeof c->period, "%04d%s", c->year, span_p);
    } else if (c->year && c->quarter)
        snprintf(c->period, sizeof c->period, "%04dQ%d", c->year, c->quarter);
    else if (c->year)
        snprintf(c->period, sizeof c->period, "%04dFY", c->year);
    else if (bare_q)
        snprintf(c->period, sizeof c->period, "Q%d", bare_q); /* (a quarter of no known year) */
    else
        c->period[0] = '\0';
}

/* ---- clauses ----------------------------------------------------------------- */

static int is_delim(const char *t, size_t i, size_t lo, size_t hi)
{
    unsigned char ch = (unsigned char)t[i];
    switch (ch) {
    case ';': case '(': case ')': case '|': case '\n': case '[': case ']':
        return 1;
    case ',':
        /* not a thousands separator */
        return !(i > lo && i + 1 < hi && t[i - 1] >= '0' && t[i - 1] <= '9' && t[i + 1] >= '0' &&
                 t[i + 1] <= '9');
    default:
        return 0;
    }
}

static int word_at(const char *t, size_t i, size_t hi, const char *w)
{
    size_t n = strlen(w);
    if (i + n > hi)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (lower((unsigned char)t[i + k]) != (unsigned char)w[k])
            return 0;
    return 1;
}

#define CLAUSE_MAX 320

/* Length of a contrasting connective with its space at i (`while `,
 * `whereas `, `but `; a clause starts there), else 0. */
static size_t contrast_at(const char *t, size_t i, size_t hi)
{
    static const char *const words[] = { "while ", "whereas ", "but " };
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (word_at(t, i, hi, words[k]))
            return strlen(words[k]);
    return 0;
}

static void clause_bounds(const ctx *c, size_t ss, size_t se, size_t fs, size_t fe, size_t *cs,
                          size_t *ce, unsigned char *left_delim)
{
    const char *t = c->nt;
    size_t lo = fs > ss + CLAUSE_MAX ? fs - CLAUSE_MAX : ss;
    size_t i = fs;
    *left_delim = 0;
    while (i > lo) {
        if (is_delim(t, i - 1, ss, se)) {
            *left_delim = (unsigned char)t[i - 1];
            break;
        }
        if (t[i - 1] == ' ' && contrast_at(t, i, fs))
            break;
        i--;
    }
    *cs = i;
    size_t hi = fe + CLAUSE_MAX < se ? fe + CLAUSE_MAX : se;
    i = fe;
    while (i < hi) {
        if (t[i] == '(' && i <= fe + 1) {
            /* an abbreviation of the unit right after the figure: `3.8
             * gigawatts (GW) of ...` goes on */
            size_t j = i + 1;
            while (j < hi && j < i + 8 && ((t[j] >= 'A' && t[j] <= 'Z') || (t[j] >= 'a' && t[j] <= 'z')))
                j++;
            if (j > i + 1 && j < hi && t[j] == ')') {
                i = j + 1;
                continue;
            }
        }
        if (is_delim(t, i, ss, se))
            break;
        if (t[i] == ' ' && contrast_at(t, i + 1, hi))
            break;
        i++;
    }
    *ce = i;
}

/* Only spaces and a few link words between a and b (figure then metric). */
static int short_link(const char *t, size_t a, size_t b)
{
    static const char *const ok[] = { "in", "of", "the", "a", "an", "total", "annual", "annualized",
                                      "quarterly", "worth", "for", "its", "their", "our", "better", "higher",
                                      "increase", "improvement", "lift", "more", "fewer", "的", "总" };
    if (b < a || b - a > 24)
        return 0;
    size_t i = a, words = 0;
    while (i < b) {
        if (t[i] == ' ' || t[i] == '-') {
            i++;
            continue;
        }
        size_t j = i;
        if ((unsigned char)t[i] >= 0x80) {
            /* `超过100亿美元的年化增量销售额`: two-character modifiers */
            static const char *const zh2[] = { "年化", "全年", "季度", "单季", "累计", "新增", "额外" };
            j = i + 3;
            for (size_t k = 0; k < sizeof zh2 / sizeof zh2[0]; k++)
                if (i + 6 <= b && !memcmp(t + i, zh2[k], 6)) {
                    i += 6;
                    j = i;
                    break;
                }
            if (j == i) {
                if (++words > 2)
                    return 0;
                continue;
            }
        } else {
            while (j < b && is_alnum((unsigned char)t[j]))
                j++;
        }
        if (j == i || j > b)
            return 0;
        int found = 0;
        for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++)
            if (strlen(ok[k]) == j - i && word_at(t, i, j, ok[k]))
                found = 1;
        if (!found && j - i >= 2 && j - i <= 5) { /* an acronym: `the $2.5B FTC settlement` */
            found = 1;
            for (size_t k = i; k < j && found; k++)
                found = t[k] >= 'A' && t[k] <= 'Z';
        }
        if (!found || ++words > 2)
            return 0;
        i = j;
    }
    return 1;
}

/* Text between a and b is only spaces, hyphens and possessives. */
static int adjacent(const char *t, size_t a, size_t b)
{
    if (b < a || b - a > 6)
        return 0;
    for (size_t i = a; i < b; i++)
        if (t[i] != ' ' && t[i] != '-' && t[i] != '\'' && t[i] != 's')
            return 0;
    return 1;
}

/* A mention at pos that spells a basis cue (`Target:`, `**Target Scale**`,
 * `Estimate`) used as a label at the start of a line, cell or sentence, or
 * before a colon: a word, not the company of that name. */
static int label_word(const ctx *c, size_t pos)
{
    const char *t = c->nt;
    size_t j = ent_lower(c, pos);
    if (j >= c->nents || c->ents[j].norm.start != pos)
        return 0;
    size_t e = c->ents[j].norm.end;
    hits h;
    scan(t, pos, e, &h);
    static const int cls[] = { CUE_TARGET, CUE_ESTIMATE, CUE_GUIDANCE };
    int spelled = 0;
    for (size_t k = 0; k < sizeof cls / sizeof cls[0]; k++)
        if (has(&h, cls[k]) && h.first[cls[k]] == pos)
            spelled = 1;
    if (!spelled)
        return 0;
    if (e < c->nl && t[e] == ':')
        return 1;
    size_t i = pos;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '*'))
        i--;
    return i == 0 || t[i - 1] == '\n' || t[i - 1] == '|' || t[i - 1] == '.' || t[i - 1] == '-';
}

static int preceded_by_comparator(const ctx *c, size_t lo, size_t pos)
{
    size_t a = pos > lo + 16 ? pos - 16 : lo;
    hits h;
    scan(c->nt, a, pos, &h);
    return (has(&h, CUE_COMPARATOR) && h.last_end[CUE_COMPARATOR] + 2 >= pos) ||
           (has(&h, CUE_EXCLUDING) && h.last_end[CUE_EXCLUDING] + 2 >= pos) || label_word(c, pos) ||
           (pos >= lo + 7 && word_at(c->nt, pos - 7, pos, "before ")); /* `EBIT before special items` */
}

/* The mention ending at a lies in a parenthetical that closes before pos
 * and opens with an exclusion or comparison (`(暂不包含 Whole Foods 和 Amazon
 * Fresh)`, `(excluding Whole Foods)`): an aside, not the subject. */
static int in_aside(const char *t, size_t a, size_t pos, size_t ms, size_t lo)
{
    size_t end = pos < a + 400 ? pos : a + 400;
    size_t close = 0;
    int fdepth = 0;
    for (size_t i = a; i < end; i++) {
        if (t[i] == '(') {
            fdepth++;
        } else if (t[i] == ')' && fdepth-- == 0) {
            close = i + 1;
            break;
        }
    }
    if (!close)
        return 0;
    static const char *const lead[] = { "excluding", "not including", "exclusive of", "ex-", "不包含", "不包括",
                                        "暂不包含", "暂不包括", "不含", "剔除", "vs", "versus", "compared" };
    size_t open = ms;
    for (int level = 0; level < 3; level++) {
        /* the enclosing parenthesis, then the one around it */
        int depth = 0;
        while (open > lo && ms - open < 400) {
            char ch = t[open - 1];
            if (ch == ')')
                depth++;
            else if (ch == '(' && depth-- == 0)
                break;
            open--;
        }
        if (open == lo || t[open - 1] != '(')
            return 0;
        size_t i = open;
        while (i < ms && t[i] == ' ')
            i++;
        for (size_t k = 0; k < sizeof lead / sizeof lead[0]; k++)
            if (word_at(t, i, ms, lead[k]))
                return 1;
        open--; /* step over this `(` */
    }
    return 0;
}

/* Nearest subject entity before pos within [lo, pos), runs of adjacent ones
 * resolved to the most specific (then leftmost). */
/* A segment or product word inside an appositive that describes the
 * organization before it (`Jadeport Holdings, the Hong Kong-listed logistics
 * operator, said`): the organization is the subject. */
static int in_org_appositive(const ctx *c, const earnings_entity *e)
{
    if (e->type != EARNINGS_ENTITY_SEGMENT && e->type != EARNINGS_ENTITY_PRODUCT)
        return 0;
    const char *t = c->nt;
    size_t lo = e->norm.start > 64 ? e->norm.start - 64 : 0, i = e->norm.start;
    while (i > lo && t[i - 1] != ',' && t[i - 1] != '.' && t[i - 1] != ';' && t[i - 1] != '\n')
        i--;
    if (i <= lo || t[i - 1] != ',')
        return 0;
    size_t a = skip_spaces(t, i, e->norm.start);
    if (!word_at(t, a, e->norm.start, "the ") && !word_at(t, a, e->norm.start, "a ") &&
        !word_at(t, a, e->norm.start, "an "))
        return 0;
    /* the organization right before the comma */
    size_t j = ent_lower(c, i);
    if (j == 0 || c->ents[j - 1].norm.end != i - 1 || c->ents[j - 1].type != EARNINGS_ENTITY_ORG)
        return 0;
    /* the appositive closes with a comma soon after the word */
    for (size_t q = e->norm.end; q < c->nl && q < e->norm.end + 32; q++) {
        if (t[q] == ',')
            return 1;
        if (t[q] == '.' || t[q] == ';' || (t[q] >= '0' && t[q] <= '9') || t[q] == '$')
            return 0;
    }
    return 0;
}

static const earnings_entity *entity_before(const ctx *c, size_t lo, size_t pos, size_t skip_s,
                                            size_t skip_e)
{
    size_t j = ent_lower(c, pos);
    while (j > 0) {
        const earnings_entity *e = &c->ents[j - 1];
        j--;
        if (e->norm.end <= lo)
            return NULL; /* (one that spans lo, `Acme, Inc.` over a clause's comma, still counts) */
        if (e->norm.end > pos || (e->norm.start >= skip_s && e->norm.end <= skip_e) ||
            !entity_is_subject(e) || preceded_by_comparator(c, lo, e->norm.start) ||
            in_aside(c->nt, e->norm.end, pos, e->norm.start, lo) || in_org_appositive(c, e))
            continue;
        const earnings_entity *best = e;
        size_t k = j;
        const earnings_entity *cur = e;
        while (k > 0) {
            const earnings_entity *p = &c->ents[k - 1];
            if (p->norm.start < lo || !entity_is_subject(p) ||
                !adjacent(c->nt, p->norm.end, cur->norm.start))
                break;
            if (specificity(p) >= specificity(best))
                best = p;
            cur = p;
            k--;
        }
        /* `Azure and other cloud services revenue`: the one named, not the
         * others */
        if (k > 0 && cur->norm.start >= 11 && !memcmp(c->nt + cur->norm.start - 11, " and other ", 11)) {
            const earnings_entity *p = &c->ents[k - 1];
            if (p->norm.start >= lo && entity_is_subject(p) && p->norm.end == cur->norm.start - 11)
                return p;
        }
        return best;
    }
    return NULL;
}

static int is_metric(const earnings_entity *e)
{
    return e->type == EARNINGS_ENTITY_METRIC && strcmp(e->id, "metric:guidance") != 0;
}

/* Index of the first figure starting at or after pos (figures are sorted
 * by start). */
static size_t figure_from(const earnings__figure_list *fl, size_t pos)
{
    size_t a = 0, b = fl->count;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (fl->items[mid].norm.start < pos)
            a = mid + 1;
        else
            b = mid;
    }
    return a;
}

/* Is the text at pos inside a figure's span? */
static int in_figure(const ctx *c, size_t pos)
{
    const earnings__figure_list *fl = &c->doc->figures;
    size_t a = figure_from(fl, pos + 1);
    return a > 0 && fl->items[a - 1].norm.end > pos;
}

/* Metrics derived from a measure: its ratio to revenue (kind 0) and its
 * valuation multiple (kind 1). */
static const struct derived_metric {
    int kind;
    const char *from, *id, *name;
} derived_metrics[] = {
#define FACT_RATIO(f, i, n) { 0, f, i, n },
#define FACT_MULTIPLE(f, i, n) { 1, f, i, n },
#include "lexicons/facts/derived_metrics.def"
#undef FACT_RATIO
#undef FACT_MULTIPLE
};

/* The metric of the given kind derived from the measure id: 1 and *rid,
 * *rname set, else 0. */
static int derived_metric(int kind, const char *id, const char **rid, const char **rname)
{
    for (size_t k = 0; k < sizeof derived_metrics / sizeof derived_metrics[0]; k++)
        if (derived_metrics[k].kind == kind && !strcmp(id, derived_metrics[k].from)) {
            *rid = derived_metrics[k].id;
            *rname = derived_metrics[k].name;
            return 1;
        }
    return 0;
}

/* A multiple figure fi followed by the measure it values (`28x our FY26
 * EPS estimate`, `24x FY26 EPS`, `11x 2026E EBITDA`, `2.5x sales`), before
 * ce: the measure's entity, with the valuation metric in *vid, *vname;
 * else NULL. */
static const earnings_entity *valuation_multiple(const ctx *c, size_t fi, size_t ce, const char **vid,
                                                 const char **vname)
{
    static const char *const det[] = { "our ", "the ", "its ", "consensus ", "street ", "next year's ",
                                       "forward ", "trailing ", "estimated " };
    const char *t = c->nt;
    const earnings__figure_list *fl = &c->doc->figures;
    size_t i = skip_spaces(t, fl->items[fi].norm.end, ce);
    static const char *const joins[] = { "multiple of ", "multiple on ", "times " };
    for (size_t k = 0; k < sizeof joins / sizeof joins[0]; k++)
        if (word_at(t, i, ce, joins[k])) { /* `a 32x multiple of our FY2026 EPS estimate` */
            i = skip_spaces(t, i + strlen(joins[k]), ce);
            break;
        }
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < sizeof det / sizeof det[0]; k++)
            if (word_at(t, i, ce, det[k])) {
                i = skip_spaces(t, i + strlen(det[k]), ce);
                break;
            }
        size_t a = figure_from(fl, i);
        if (a < fl->count && fl->items[a].norm.start == i && fl->items[a].kind == EARNINGS_FIGURE_PERIOD)
            i = skip_spaces(t, fl->items[a].norm.end, ce); /* `FY26`, `2026E` */
    }
    size_t j = ent_lower(c, i);
    if (j >= c->nents || c->ents[j].norm.start != i || c->ents[j].norm.end > ce || !is_metric(&c->ents[j]))
        return NULL;
    return derived_metric(1, c->ents[j].id, vid, vname) ? &c->ents[j] : NULL;
}

/* Revenue itself or a share of it: what a share of revenue is of. */
static int revenue_id(const char *id)
{
    return !strcmp(id, "metric:revenue") || !strncmp(id, "metric:revenue-", 15);
}

static int revenue_entity(const earnings_entity *e) { return revenue_id(e->id); }

static int ratio_metric(const char *id)
{
    return strstr(id, "margin") || (strstr(id, "share") && !strstr(id, "shares-outstanding")) ||
           strstr(id, "-rate") || strstr(id, "ratio") ||
           strstr(id, "-to-revenue") || !strncmp(id, "metric:ev-", 10) || !strncmp(id, "metric:price-to-", 16) ||
           strstr(id, "upside") || strstr(id, "retention") || strstr(id, "yield") ||
           !strcmp(id, "metric:roe") || !strcmp(id, "metric:roa") || !strcmp(id, "metric:rotce");
}

/* Metrics stated as claims without a period (price-performance, cost
 * advantages): no period is inferred for them. */
static int timeless_metric(const char *id)
{
    static const char *const ids[] = { "metric:price-performance", "metric:performance",
                                       "metric:cost-advantage", "metric:price", "metric:investment",
                                       "metric:incremental-sales", "metric:implied-upside" };
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (!strcmp(id, ids[i]))
            return 1;
    return 0;
}

static int time_unit(const char *u);

/* The change of figure fi is stated over a span, between the value figures
 * around it in its sentence [lo, hi): a span of years (`(2021-2024)`: 2,
 * the value has no single period) or a count of quarters or years (`over
 * ten quarters`: 1); else 0. Either way it is not a year-over-year change. */
static int change_span(const ctx *c, size_t fi, size_t lo, size_t hi)
{
    const earnings__figure_list *fl = &c->doc->figures;
    for (int dir = -1; dir <= 1; dir += 2) {
        for (size_t k = fi, n = 0; n < 8; n++) {
            if (dir < 0 ? k == 0 : k + 1 >= fl->count)
                break;
            k = dir < 0 ? k - 1 : k + 1;
            const earnings_figure *q = &fl->items[k];
            if (q->norm.start < lo || q->norm.start >= hi)
                break;
            if (q->kind == EARNINGS_FIGURE_PERIOD && q->period && strchr(q->period, '/'))
                return 2;
            if (q->kind == EARNINGS_FIGURE_QUANTITY && q->unit &&
                (!strcmp(q->unit, "quarter") || !strcmp(q->unit, "year") || !strcmp(q->unit, "季度") ||
                 !strcmp(q->unit, "年")))
                return 1;
            if (q->kind != EARNINGS_FIGURE_PERIOD && q->kind != EARNINGS_FIGURE_DATE &&
                q->kind != EARNINGS_FIGURE_ORDINAL && !(q->kind == EARNINGS_FIGURE_QUANTITY && time_unit(q->unit)))
                break;
        }
    }
    return 0;
}

/* Metrics whose growth compares two groups at one time (`customers using
 * the assistant are 60% more likely to buy`), not two periods: no
 * year-over-year comparison is inferred for them. */
static int crosssection_metric(const char *id)
{
    return !strcmp(id, "metric:purchase-conversion") || !strcmp(id, "metric:repeat-purchase-rate") ||
           !strcmp(id, "metric:purchase-frequency");
}

/* service_owners.def: the unit owning metric mid when a service word of it
 * occurs as a whole word in t[lo, hi), else NULL. */
static const service_owner *service_owner_in(const char *t, size_t lo, size_t hi, const char *mid)
{
    for (size_t k = 0; k < sizeof service_owners / sizeof service_owners[0]; k++) {
        const service_owner *o = &service_owners[k];
        if (strcmp(o->metric_id, mid))
            continue;
        size_t n = strlen(o->word);
        int ascii = (unsigned char)o->word[0] < 0x80;
        for (size_t i = lo; i + n <= hi; i++) {
            size_t m = 0;
            while (m < n && lower((unsigned char)t[i + m]) == (unsigned char)o->word[m])
                m++;
            if (m < n)
                continue;
            if (ascii && ((i > lo && is_alnum((unsigned char)t[i - 1])) ||
                          (i + n < hi && is_alnum((unsigned char)t[i + n]))))
                continue;
            return o;
        }
    }
    return NULL;
}

static int time_unit(const char *u)
{
    static const char *const units[] = { "day", "month", "year", "quarter", "week", "hour", "minute",
                                         "second", "h", "min", "天", "个月", "月", "年", "季度",
                                         "周", "小时", "分钟" };
    if (!u)
        return 0;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (str_eq(u, units[i]))
            return 1;
    return 0;
}

static const unit_metric *metric_of_unit(const char *u)
{
    if (!u)
        return NULL;
    for (size_t i = 0; i < sizeof unit_metrics / sizeof unit_metrics[0]; i++)
        if (str_eq(u, unit_metrics[i].unit))
            return &unit_metrics[i];
    return NULL;
}

/* A count of a noun the figure names (`96 system placements`: unit
 * `placement`), Latin letters only. */
static int counted_noun(const earnings_figure *f)
{
    if (f->kind != EARNINGS_FIGURE_QUANTITY || !(f->flags & EARNINGS_FIGURE_FLAG_COUNT) || !f->unit || !f->unit[0])
        return 0;
    for (const char *p = f->unit; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || *p == '-'))
            return 0;
    return strlen(f->unit) >= 3;
}

/* The metric of a count of unit u: `metric:placements`, `Placements`
 * (the plural: -ies after a consonant and y, -es after s, x, ch, sh). */
static int count_metric_of(const char *u, char *id, size_t idcap, char *name, size_t ncap)
{
    size_t n = strlen(u);
    char pl[48];
    if (n + 3 >= sizeof pl)
        return 0;
    memcpy(pl, u, n + 1);
    if (n >= 2 && u[n - 1] == 'y' && !strchr("aeiou", u[n - 2]))
        memcpy(pl + n - 1, "ies", 4);
    else if (u[n - 1] == 's' || u[n - 1] == 'x' || (n >= 2 && u[n - 1] == 'h' && (u[n - 2] == 'c' || u[n - 2] == 's')))
        memcpy(pl + n, "es", 3);
    else
        memcpy(pl + n, "s", 2);
    snprintf(id, idcap, "metric:%s", pl);
    snprintf(name, ncap, "%c%s", pl[0] - 'a' + 'A', pl + 1);
    return 1;
}

/* "<money> in <words>": a metric named by up to three lower-case words. */
static size_t slug_after(const char *t, size_t fe, size_t ce, char *out, size_t cap, size_t *rest)
{
    size_t i = fe;
    while (i < ce && t[i] == ' ')
        i++;
    if (!word_at(t, i, ce, "in ") && !word_at(t, i, ce, "of "))
        return 0;
    i += 3;
    while (i < ce && t[i] == ' ')
        i++;
    static const char *const stop[] = { "the", "a", "an", "this", "that", "our", "its", "total",
                                        "each", "new", "cash", "q1", "q2", "q3", "q4", "and", "related",
                                        "relating", "associated", "tied", "linked", "due", "for", "from",
                                        "to", "with", "of", "in", "at", "on",
                                        /* a period, not a metric: `in fiscal 2026` */
                                        "fiscal", "fy", "full", "calendar", "year", "years", "quarter",
                                        "quarters", "first", "second", "third", "fourth", "months",
                                        "january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december",
                                        /* what was bought, not a metric: `$400 million of stock` */
                                        "stock", "shares", "common" };
    size_t n = 0, words = 0;
    while (i < ce && words < 3) {
        size_t j = i;
        while (j < ce && t[j] >= 'a' && t[j] <= 'z')
            j++;
        if (j == i || (j < ce && is_alnum((unsigned char)t[j])))
            break;
        int is_stop = 0;
        for (size_t k = 0; k < sizeof stop / sizeof stop[0]; k++)
            if (strlen(stop[k]) == j - i && !memcmp(t + i, stop[k], j - i))
                is_stop = 1;
        if (is_stop)
            break;
        if (n + (j - i) + 2 >= cap)
            break;
        if (n)
            out[n++] = '-';
        memcpy(out + n, t + i, j - i);
        n += j - i;
        words++;
        i = j;
        if (i < ce && t[i] == ' ')
            i++;
        else
            break;
    }
    out[n] = '\0';
    *rest = i;
    return words ? n : 0;
}

/* A metric word in [lo, hi): the nearest ending at or before `before`
 * (when after is 0), or the first starting at `before` or later whose gap
 * from it is a short link. Returns the word or NULL; *at gets its span. */
static int short_link(const char *t, size_t a, size_t b);

static const metric_word *metric_word_near(const mw_index *ix, const char *t, size_t lo, size_t hi, size_t fs,
                                           size_t fe, size_t *at_s, size_t *at_e)
{
    const metric_word *best = NULL;
    size_t best_s = 0, best_e = 0;
    for (size_t i = lo; i + 1 < hi; i++) { /* every word is at least 2 bytes long */
        if (i >= fs && i < fe)
            continue;
        unsigned char b = lower((unsigned char)t[i]);
        if ((b & 0xC0) == 0x80)
            continue;
        if (i > lo && is_alnum(b) && is_alnum((unsigned char)t[i - 1])) {
            /* inside an ASCII word (English words need a word start): past it */
            while (i + 2 < hi && is_alnum((unsigned char)t[i + 1]) && !(i + 1 >= fs && i + 1 < fe))
                i++;
            continue;
        }
        unsigned char b1 = lower((unsigned char)t[i + 1]);
        if (!((ix->pair[b][b1 >> 3] >> (b1 & 7)) & 1u))
            continue;
        for (unsigned kk = ix->start[b]; kk < ix->start[b + 1]; kk++) {
            size_t k = ix->order[kk];
            const char *w = metric_words[k].text;
            size_t n = ix->len[k], j;
            if (i + n > hi)
                continue;
            for (j = 0; j < n; j++)
                if (lower((unsigned char)t[i + j]) != (unsigned char)w[j])
                    break;
            if (j < n)
                continue;
            size_t e = i + n;
            if ((unsigned char)w[0] < 0x80) {
                if (i > lo && is_alnum((unsigned char)t[i - 1]))
                    continue;
                if (e < hi && (t[e] == 's' || t[e] == 'S'))
                    e++;
                if (e < hi && is_alnum((unsigned char)t[e]))
                    continue;
            }
            if (e <= fs) { /* before the figure: keep the nearest */
                best = &metric_words[k];
                best_s = i;
                best_e = e;
            } else if (i >= fe && !best && short_link(t, fe, i)) {
                *at_s = i;
                *at_e = e;
                return &metric_words[k];
            }
        }
    }
    *at_s = best_s;
    *at_e = best_e;
    return best;
}


/* ---- subject carry-over: paragraphs, headings, tables ------------------------ */

/* A blank line in [a, b): a paragraph break. */
static int blank_line(const char *t, size_t a, size_t b)
{
    int nl = 0;
    for (size_t i = a; i < b; i++) {
        if (t[i] == '\n') {
            if (nl)
                return 1;
            nl = 1;
        } else if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r') {
            nl = 0;
        }
    }
    return 0;
}

static size_t line_start(const char *t, size_t pos, size_t floor)
{
    while (pos > floor && t[pos - 1] != '\n')
        pos--;
    return pos;
}

static size_t skip_spaces(const char *t, size_t i, size_t hi)
{
    while (i < hi && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return i;
}

/* The first subject entity in [lo, hi) that is not a comparator; a run of
 * adjacent mentions gives its most specific one. */
/* A news agency in a dateline (`财联社11月18日电，`, `新华社北京电`,
 * `(Reuters) -`): the story's source, not its subject. */
static int dateline_source(const ctx *c, const earnings_entity *e)
{
    const char *t = c->nt;
    size_t q = e->norm.end, hi = q + 40 < c->nl ? q + 40 : c->nl;
    if (q + 3 < hi && t[q] == ')' && t[q + 1] == ' ' && (t[q + 2] == '-' || !memcmp(t + q + 2, "\xe2\x80\x94", 3)))
        return 1;
    while (q < hi) {
        unsigned char b = (unsigned char)t[q];
        if (b == ' ' || (b >= '0' && b <= '9')) {
            q++;
        } else if (q + 3 <= hi && (!memcmp(t + q, "\xe6\x9c\x88", 3) || !memcmp(t + q, "\xe6\x97\xa5", 3) ||
                                   !memcmp(t + q, "\xe5\xb9\xb4", 3))) {
            q += 3; /* 月 日 年 */
        } else {
            break;
        }
    }
    if (q == e->norm.end || q + 3 > hi)
        return 0;
    /* 电 讯 (after the date) */
    return !memcmp(t + q, "\xe7\x94\xb5", 3) || !memcmp(t + q, "\xe8\xae\xaf", 3);
}

static const earnings_entity *first_subject(const ctx *c, size_t lo, size_t hi)
{
    for (size_t j = ent_lower(c, lo); j < c->nents && c->ents[j].norm.start < hi; j++) {
        const earnings_entity *e = &c->ents[j];
        if (e->norm.end > hi || !entity_is_subject(e) || preceded_by_comparator(c, lo, e->norm.start) ||
            dateline_source(c, e))
            continue;
        const earnings_entity *best = e, *cur = e;
        for (size_t k = j + 1; k < c->nents; k++) {
            const earnings_entity *n = &c->ents[k];
            if (n->norm.end > hi || !entity_is_subject(n) || !adjacent(c->nt, cur->norm.end, n->norm.start))
                break;
            if (specificity(n) > specificity(best))
                best = n;
            cur = n;
        }
        return best;
    }
    return NULL;
}

#define SUBJECT_SPAN 48

/* A list marker at i: `-`, `*`, `•`, `1.`, `1)`, `I.`. */
static int bullet_at(const char *t, size_t i, size_t hi)
{
    if (i + 1 < hi && (t[i] == '-' || t[i] == '*' || t[i] == '+') && t[i + 1] == ' ')
        return 1;
    if (i + 3 <= hi && !memcmp(t + i, "\xe2\x80\xa2", 3))
        return 1;
    size_t j = i;
    while (j < hi && j < i + 3 && t[j] >= '0' && t[j] <= '9')
        j++;
    return j > i && j + 1 < hi && (t[j] == '.' || t[j] == ')') && t[j + 1] == ' ';
}

/* A heading line: Markdown `#`, a line in bold, or a short line without
 * closing punctuation (`1. AWS Business Momentum`). Returns its level
 * (1-6 for `#`, 7 otherwise) or 0. */
static int heading_level(const char *t, size_t ls, size_t le)
{
    ls = skip_spaces(t, ls, le);
    while (le > ls && (t[le - 1] == ' ' || t[le - 1] == '\r' || t[le - 1] == '\t'))
        le--;
    if (le <= ls)
        return 0;
    if (t[ls] == '#') {
        int n = 0;
        while (ls < le && t[ls] == '#' && n < 6) {
            ls++;
            n++;
        }
        return n;
    }
    if (le - ls >= 5 && t[ls] == '*' && t[ls + 1] == '*' &&
        (t[le - 1] == '*' || (t[le - 1] == ':' && t[le - 2] == '*')))
        return 7;
    if (t[ls] == '|' || t[ls] == '-' || t[ls] == '*' || t[ls] == '>' || t[ls] == '"' || le - ls > 100)
        return 0;
    unsigned char last = (unsigned char)t[le - 1];
    if (last == '.' || last == '!' || last == '?' || last == ',' || last == ';' || last == '"' ||
        (last >= '0' && last <= '9'))
        return 0;
    return 7;
}

/* The entity a heading is about: one that opens it, after markers, list
 * numbers and bold (`## AWS Infrastructure`, `1. AWS Business Momentum`,
 * `I. AWS: ...`, `**Rufus ROI Assumptions:**`). */
static const earnings_entity *heading_subject(const ctx *c, size_t ls, size_t le)
{
    const char *t = c->nt;
    size_t i = skip_spaces(t, ls, le);
    while (i < le && (t[i] == '#' || t[i] == '*' || t[i] == ' '))
        i++;
    size_t j = i;
    while (j < le && j < i + 5 && ((t[j] >= '0' && t[j] <= '9') || t[j] == 'I' || t[j] == 'V' || t[j] == 'X'))
        j++;
    if (j > i && j < le && (t[j] == '.' || t[j] == ')')) {
        i = j + 1;
        while (i < le && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.'))
            i++;
    }
    i = skip_spaces(t, i, le);
    if (memchr(t + i, ';', le - i))
        return NULL; /* a headline of two clauses (`Robotics momentum carries the quarter; raising
                        FY2026 estimates`) names no section's topic */
    const earnings_entity *e = first_subject(c, i, le);
    return e && e->norm.start == i ? e : NULL;
}

/* Headings between the last scanned position and pos (exclusive of the line
 * holding pos): each sets the section's entity (NULL when it names none;
 * a Markdown sub-heading without one keeps its parent's). */
static void scan_headings(ctx *c, size_t pos)
{
    const earnings_entity **level_ent = c->level_ent;
    const char *t = c->nt;
    size_t i = c->line_pos;
    while (i < pos) {
        size_t e = i;
        if (c->eol_valid && c->eol_from == i) {
            e = c->eol_at; /* this line's end, found by an earlier call */
        } else if (e < c->nl) {
            const char *nlp = memchr(t + e, '\n', c->nl - e);
            e = nlp ? (size_t)(nlp - t) : c->nl;
        }
        if (e >= pos) {
            c->eol_from = i;
            c->eol_at = e;
            c->eol_valid = 1;
            break;
        }
        {
            /* lead-in lines ending in `:` scope the list items after them */
            size_t a = skip_spaces(t, i, e), b = e;
            while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\r' || t[b - 1] == '*'))
                b--;
            if (b > a && t[b - 1] == ':' && t[a] != '|') {
                c->lead_s = i;
                c->lead_e = e;
                c->lead_valid = 1;
            } else if (b > a && !bullet_at(t, a, b)) {
                c->lead_valid = 0;
            }
        }
        int lv = heading_level(t, i, e);
        if (lv) {
            level_ent[lv] = heading_subject(c, i, e);
            for (int k = lv + 1; k <= 7; k++)
                level_ent[k] = NULL;
            c->heading_ent = NULL;
            for (int k = 7; k >= 1 && !c->heading_ent; k--)
                c->heading_ent = level_ent[k];
        }
        i = e + 1;
    }
    c->line_pos = i;
}

/* The subject of the previous sentences of the paragraph (a sentence without
 * an entity takes it): the entity of the last fact there, else its first
 * subject. *found is set when one is found (NULL then means the company). */
static const earnings_entity *prev_subject_scan(const ctx *c, size_t si, int *found);

static const earnings_entity *prev_subject(const ctx *c, size_t si, int *found)
{
    const earnings_doc *d = c->doc;
    const char *t = c->nt;
    *found = 0;
    const earnings_sentence *n = &d->sentences[si];
    size_t nls = line_start(t, n->norm.start, 0);
    size_t n0 = skip_spaces(t, nls, n->norm.end);
    if (n0 == n->norm.start && n0 < n->norm.end && bullet_at(t, n0, n->norm.end))
        return NULL; /* a list item starts afresh */
    {
        /* a sentence whose subject is the company itself (`The company
         * expects`, `公司预计`, `本集团`) takes no segment from before */
        static const char *const own[] = { "the company ", "the company's ", "the group ", "the firm ", "we ",
                                           "我们",
                                           "the retailer ", "the bank ", "the lender ", "the insurer ",
                                           "the chipmaker ", "the automaker ", "the carmaker ", "the airline ",
                                           "公司", "本公司", "该公司", "本集团", "集团", "主营业务" };
        size_t a = skip_spaces(t, n->norm.start, n->norm.end);
        /* (or after a short lead clause: `展望第三季度，公司预计`; not `we`
         * there: `Compared to the previous quarter, we added 14% more
         * selection` in a section on a segment is the segment's) */
        size_t a2 = a;
        for (size_t i = a; i < n->norm.end && i < a + 40; i++)
            if (t[i] == ',') {
                a2 = skip_spaces(t, i + 1, n->norm.end);
                break;
            }
        for (size_t k = 0; k < sizeof own / sizeof own[0]; k++)
            if (word_at(t, a, n->norm.end, own[k]) ||
                (a2 > a && strcmp(own[k], "we ") && strcmp(own[k], "我们") &&
                 word_at(t, a2, n->norm.end, own[k]))) {
                *found = 1;
                return NULL;
            }
    }
    if (n0 == n->norm.start) {
        /* a line opening with a short label (`A:`, `Q:`, a speaker, a
         * topic: `Infrastructure Investment:`) */
        size_t words = 1;
        for (size_t i = n0; i < n->norm.end && i < n0 + 40; i++) {
            if (t[i] == ' ')
                words++;
            else if (t[i] == ':')
                return words <= 3 ? NULL : prev_subject_scan(c, si, found);
        }
    }
    return prev_subject_scan(c, si, found);
}

/* A sentence that points back at a product with a demonstrative (`this
 * agent`, `this button`, `this feature`): the last product the previous
 * sentence of the paragraph names, or NULL. */
static const earnings_entity *demonstrative_product_scan(const ctx *c, size_t si);

/* The same, from the per-sentence cache that link_figure() fills. */
static const earnings_entity *demonstrative_product(const ctx *c, size_t si)
{
    return c->dem_sentence == si + 1 ? c->dem_product : demonstrative_product_scan(c, si);
}

static const earnings_entity *demonstrative_product_scan(const ctx *c, size_t si)
{
    static const char *const dem[] = { "this ", "that ", "the new " };
    static const char *const nouns[] = { "agent", "assistant", "button", "feature", "tool", "service", "product",
                                         "app", "model", "chip", "device", "offering", "capability", "program",
                                         "platform" };
    const earnings_doc *d = c->doc;
    const char *t = c->nt;
    const earnings_sentence *n = &d->sentences[si];
    int hit = 0;
    for (size_t i = n->norm.start; i < n->norm.end && !hit; i++) {
        if ((t[i] | 0x20) != 't' || (i > n->norm.start && is_alnum((unsigned char)t[i - 1])))
            continue; /* (every demonstrative starts with t) */
        for (size_t k = 0; k < sizeof dem / sizeof dem[0] && !hit; k++) {
            if (!word_at(t, i, n->norm.end, dem[k]))
                continue;
            size_t a = i + strlen(dem[k]);
            for (size_t q = 0; q < sizeof nouns / sizeof nouns[0] && !hit; q++) {
                size_t l = strlen(nouns[q]);
                hit = word_at(t, a, n->norm.end, nouns[q]) &&
                      (a + l >= n->norm.end || !is_alnum((unsigned char)t[a + l]) || t[a + l] == 's');
            }
        }
    }
    if (!hit || si == 0)
        return NULL;
    const earnings_sentence *p = &d->sentences[si - 1];
    if (blank_line(t, p->norm.end, n->norm.start))
        return NULL;
    const earnings_entity *last = NULL;
    for (size_t j = ent_lower(c, p->norm.start); j < c->nents && c->ents[j].norm.start < p->norm.end; j++)
        if (c->ents[j].type == EARNINGS_ENTITY_PRODUCT)
            last = &c->ents[j];
    return last;
}

static const earnings_entity *prev_subject_scan(const ctx *c, size_t si, int *found)
{
    const earnings_doc *d = c->doc;
    const char *t = c->nt;
    const earnings_sentence *n;
    const earnings_entity *dp = demonstrative_product(c, si);
    if (dp) {
        *found = 1;
        return dp;
    }
    for (size_t k = si; k > 0 && si - k < 2; k--) {
        const earnings_sentence *p = &d->sentences[k - 1];
        n = &d->sentences[k];
        if (blank_line(t, p->norm.end, n->norm.start))
            return NULL;
        size_t pls = line_start(t, p->norm.start, 0);
        size_t p0 = skip_spaces(t, pls, p->norm.end);
        if (p0 < p->norm.end && t[p0] == '|')
            return NULL; /* table rows do not carry */
        if (p0 == p->norm.start) {
            size_t le = p->norm.end;
            while (le < c->nl && t[le] != '\n')
                le++;
            if (heading_level(t, pls, le))
                return NULL; /* a heading: the section's topic */
        }
        if (c->fact_sentence == k) {
            *found = 1;
            /* parts listed after 其中 (`其中，在线广告收入为...`) are of that
             * sentence only: the next one is the whole's again */
            if (c->fact_entity && c->fact_entity->type != EARNINGS_ENTITY_ORG) {
                size_t lo = p->norm.start; /* (the list may run over sentences ending in `；`) */
                for (size_t j = k - 1, hops = 0; j > 0 && hops < 4; j--, hops++) {
                    const earnings_sentence *q = &d->sentences[j - 1];
                    size_t qe = q->norm.end;
                    while (qe > q->norm.start && t[qe - 1] == ' ')
                        qe--;
                    if (qe == q->norm.start || t[qe - 1] != ';')
                        break;
                    lo = q->norm.start;
                }
                if (word_in_range(t, lo, c->fact_entity->norm.start, "其中"))
                    return NULL;
            }
            return c->fact_entity;
        }
        size_t q0 = skip_spaces(t, p->norm.start, p->norm.end);
        if (q0 < p->norm.end && t[q0] == '"')
            continue; /* a quoted statement (`"Our cloud ...," said ...`) names no subject to carry */
        /* the subject opens the sentence (after a `Label:` lead-in) */
        size_t lo = p->norm.start, hi = p->norm.end;
        for (size_t i = lo; i < hi && i < lo + 40; i++)
            if (t[i] == ':') {
                lo = i + 1;
                break;
            }
        size_t sh = hi < lo + SUBJECT_SPAN ? hi : lo + SUBJECT_SPAN;
        const earnings_entity *e = first_subject(c, lo, sh);
        if (e) {
            *found = 1;
            return e;
        }
        /* a sentence naming no entity at all lets the one before it carry */
        size_t j = ent_lower(c, p->norm.start);
        if (j < c->nents && c->ents[j].norm.start < p->norm.end)
            for (; j < c->nents && c->ents[j].norm.start < p->norm.end; j++)
                if (entity_is_subject(&c->ents[j]))
                    return NULL;
    }
    return NULL;
}

/* The sentence opens with a metric as its subject (`Operating income was
 * ...`, after a `Label:` lead-in and an article): a new subject, not a
 * carried one. */
static int opens_with_metric(const ctx *c, size_t ss, size_t se)
{
    const char *t = c->nt;
    size_t i = ss;
    for (size_t k = ss; k < se && k < ss + 80; k++)
        if (t[k] == ':') {
            i = k + 1;
            break;
        }
    i = skip_spaces(t, i, se);
    {
        /* a lead-in phrase up to its comma (`For the fourth quarter of fiscal
         * 2026, revenue is expected`, `In the quarter, operating income`) */
        static const char *const leads[] = { "for ", "in ", "during ", "looking ahead", "for the ", "in the " };
        for (size_t k = 0; k < sizeof leads / sizeof leads[0]; k++)
            if (word_at(t, i, se, leads[k])) {
                for (size_t q = i; q < se && q < i + 64; q++)
                    if (t[q] == ',') {
                        i = skip_spaces(t, q + 1, se);
                        break;
                    }
                break;
            }
    }
    {
        /* a period opening the subject (`third-quarter capital expenditures`) */
        const earnings__figure_list *fl = &c->doc->figures;
        size_t a = figure_from(fl, i);
        if (a < fl->count && fl->items[a].norm.start == i && fl->items[a].kind == EARNINGS_FIGURE_PERIOD) {
            i = fl->items[a].norm.end;
            while (i < se && (t[i] == ' ' || t[i] == '-'))
                i++;
        }
    }
    static const char *const lead[] = { "the ", "our ", "its ", "total ", "overall ", "consolidated ",
                                        "reported ", "gaap and non-gaap ", "gaap ", "non-gaap ", "adjusted ",
                                        "累计", "合计", "共实现", "实现", "总" };
    size_t i0 = i; /* (a metric whose name holds the lead word: `Adjusted EBITDA came in`) */
    for (size_t k = 0; k < sizeof lead / sizeof lead[0]; k++)
        if (word_at(t, i, se, lead[k]))
            i += strlen(lead[k]);
    size_t j0 = ent_lower(c, i0);
    if (i0 < i && j0 < c->nents && c->ents[j0].norm.start == i0 && is_metric(&c->ents[j0]))
        return 1;
    size_t j = ent_lower(c, i);
    return j < c->nents && c->ents[j].norm.start == i && is_metric(&c->ents[j]);
}

/* A segment written capitalized elsewhere in the document and in lower case
 * before pos (`international margin climbed`): its entity, or NULL. *at gets
 * the position of the mention. */
static const earnings_entity *segment_word_before(const ctx *c, size_t lo, size_t pos, size_t *at_s,
                                                  size_t *at_e)
{
    const char *t = c->nt;
    if (!c->nsegs || pos <= lo)
        return NULL;
    /* one pass from the right over the word starts: the mention starting
     * last wins, and of those starting at the same place the segment listed
     * last */
    unsigned char first[256] = { 0 };
    for (size_t k = 0; k < c->nsegs; k++)
        if (c->segs[k]->norm.end > c->segs[k]->norm.start)
            first[lower((unsigned char)t[c->segs[k]->norm.start])] = 1;
    for (size_t i = pos; i-- > lo;) {
        unsigned char ch = lower((unsigned char)t[i]);
        if (!first[ch] || (i > lo && is_alnum((unsigned char)t[i - 1])))
            continue;
        const earnings_entity *best = NULL;
        size_t best_n = 0;
        for (size_t k = 0; k < c->nsegs; k++) {
            const earnings_entity *e = c->segs[k];
            size_t n = e->norm.end - e->norm.start;
            if (!n || i + n > pos || lower((unsigned char)t[e->norm.start]) != ch)
                continue;
            if (i + n < c->nl && is_alnum((unsigned char)t[i + n]))
                continue;
            size_t m = 0;
            while (m < n && lower((unsigned char)t[i + m]) == lower((unsigned char)t[e->norm.start + m]))
                m++;
            if (m < n)
                continue;
            best = e;
            best_n = n;
        }
        if (!best || preceded_by_comparator(c, lo, i) || in_figure(c, i))
            continue; /* (not a figure's counted noun: `opened 12 new stores`) */
        *at_s = i;
        *at_e = i + best_n;
        return best;
    }
    return NULL;
}

/* In a Markdown table, the header cell of the column holding cs (a cell
 * start), in column min_col or later: 1 and [*hs, *he) set, else 0. */
static int header_cell(const ctx *c, size_t cs, size_t min_col, size_t *hs, size_t *he)
{
    const char *t = c->nt;
    size_t floor = cs > 16384 ? cs - 16384 : 0;
    size_t ls = line_start(t, cs, floor);
    size_t i0 = skip_spaces(t, ls, cs);
    if (i0 >= cs || t[i0] != '|')
        return 0;
    size_t col = 0;
    for (size_t i = i0; i < cs; i++)
        if (t[i] == '|')
            col++;
    size_t top = ls;
    while (top > floor) {
        size_t pls = line_start(t, top - 1, floor);
        size_t p0 = skip_spaces(t, pls, top - 1);
        if (p0 >= top - 1 || t[p0] != '|' || pls == floor)
            break;
        top = pls;
    }
    if (top == ls)
        return 0;
    size_t i = skip_spaces(t, top, c->nl), k = 0;
    while (i < c->nl && t[i] != '\n') {
        if (t[i] == '|' && ++k == col)
            break;
        i++;
    }
    if (k != col || col < min_col)
        return 0;
    size_t s = i + 1, e = s;
    while (e < c->nl && t[e] != '|' && t[e] != '\n')
        e++;
    *hs = s;
    *he = e;
    return 1;
}

/* The metric named by the caption of the Markdown table holding cs: the
 * first metric mention on the last non-blank line above the table, when
 * that line is short (a caption or heading, at most 120 bytes), or NULL. */
static const earnings_entity *table_caption_metric(const ctx *c, size_t cs)
{
    const char *t = c->nt;
    size_t floor = cs > 16384 ? cs - 16384 : 0;
    size_t top = line_start(t, cs, floor);
    while (top > floor) { /* up past the table's lines */
        size_t pls = line_start(t, top - 1, floor);
        size_t p0 = skip_spaces(t, pls, top - 1);
        if (p0 >= top - 1 || t[p0] != '|')
            break;
        top = pls;
    }
    /* the last non-blank line above it */
    size_t e = top;
    while (e > floor && (t[e - 1] == '\n' || t[e - 1] == ' ' || t[e - 1] == '\r'))
        e--;
    if (e == floor || top - e > 4)
        return NULL; /* (no caption, or one set apart by more than a blank line) */
    size_t ls = line_start(t, e, floor);
    size_t l0 = skip_spaces(t, ls, e);
    if (e - ls > 120 || l0 >= e || bullet_at(t, l0, e))
        return NULL; /* (a list item is no caption) */
    const earnings__figure_list *fl = &c->doc->figures;
    for (size_t k = figure_from(fl, ls); k < fl->count && fl->items[k].norm.start < e; k++)
        if (fl->items[k].kind == EARNINGS_FIGURE_MONEY || fl->items[k].kind == EARNINGS_FIGURE_PERCENT)
            return NULL; /* (nor a line that states values) */
    for (size_t j = ent_lower(c, ls); j < c->nents && c->ents[j].norm.start < e; j++)
        if (is_metric(&c->ents[j]))
            return &c->ents[j];
    return NULL;
}

/* The header cell of the column holding cs, not the first (labels) column. */
static int table_header_cell(const ctx *c, size_t cs, size_t *hs, size_t *he)
{
    return header_cell(c, cs, 2, hs, he);
}

/* `last quarter` as a baseline (`since last quarter`, `compared to the
 * previous quarter`, `from 39.5% last quarter`) in [lo, hi). */
static int lastq_baseline(const ctx *c, size_t lo, size_t hi)
{
    hits h;
    scan(c->nt, lo, hi, &h);
    if (!has(&h, CUE_LASTQ))
        return 0;
    size_t at = h.first[CUE_LASTQ];
    static const char *const base[] = { "since ", "from ", "over ", "than ", "versus ", "vs ", "vs. ",
                                        "compared to ", "compared with ", "compared to the ",
                                        "compared with the ", "over the ", "from the ", "since the ",
                                        "相比", "较" };
    for (size_t k = 0; k < sizeof base / sizeof base[0]; k++) {
        size_t n = strlen(base[k]);
        if (at >= lo + n && word_at(c->nt, at - n, hi, base[k]))
            return 1;
    }
    return 0;
}

/* `62% of total`, `62% of global product sales`: a share. */
static int share_after(const char *t, size_t fe, size_t ce)
{
    size_t i = fe;
    while (i < ce && t[i] == ' ')
        i++;
    static const char *const w[] = { "of total", "of all", "of the total", "of global", "of our total" };
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (word_at(t, i, ce, w[k]))
            return 1;
    return 0;
}

/* A bare fraction below one (`三分之一`, `two thirds`). */
static int is_fraction(const earnings_figure *f)
{
    return f->kind == EARNINGS_FIGURE_NUMBER && !f->unit && !f->is_range && f->value > 0 && f->value < 1;
}

/* A share word before the figure in its clause (`海外出货占比约45%`,
 * `占比提升至22.9%`, `accounted for 62%`, `a mix of 40%`): the figure is a
 * share, a level, not a growth. */
static int share_before(const char *t, size_t cs, size_t fs)
{
    static const char *const w[] = { "\xe5\x8d\xa0\xe6\xaf\x94" /* 占比 */, "\xe6\xaf\x94\xe9\x87\x8d" /* 比重 */,
                                     "\xe6\xb8\x97\xe9\x80\x8f\xe7\x8e\x87" /* 渗透率 */,
                                     "accounted for", "accounting for", "accounts for", "share of", "mix of",
                                     "penetration" };
    size_t lo = fs > cs + 40 ? fs - 40 : cs;
    return any_word_in_range(t, lo, fs, w, sizeof w / sizeof w[0]);
}

/* `a decrease of $4.3 billion`, `an increase of 200 basis points` right
 * before the figure: -1 for a decrease, 1 for an increase, else 0. */
static int change_of_before(const char *t, size_t cs, size_t fs)
{
    static const char *const down[] = { "decrease of ", "decline of ", "reduction of ", "drop of " };
    static const char *const up[] = { "increase of ", "rise of ", "gain of " };
    for (size_t k = 0; k < sizeof down / sizeof down[0]; k++) {
        size_t n = strlen(down[k]);
        if (fs >= cs + n && word_at(t, fs - n, fs, down[k]))
            return -1;
    }
    for (size_t k = 0; k < sizeof up / sizeof up[0]; k++) {
        size_t n = strlen(up[k]);
        if (fs >= cs + n && word_at(t, fs - n, fs, up[k]))
            return 1;
    }
    return 0;
}

/* Only a coordinating link between a and b: `and`, `,`, `&`, `和`, `与`,
 * `及`, `、`. */
static int coordinated(const char *t, size_t a, size_t b)
{
    static const char *const ok[] = { "and", ",", "&", "和", "与", "及", "、", "以及" };
    while (a < b && t[a] == ' ')
        a++;
    while (b > a && t[b - 1] == ' ')
        b--;
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++)
        if (strlen(ok[k]) == b - a && !memcmp(t + a, ok[k], b - a))
            return 1;
    return 0;
}

/* ---- one figure ------------------------------------------------------------- */

typedef struct link {
    const char *metric_id, *metric_name;
    earnings_span metric_span;
    const earnings_entity *entity; /* NULL: the main company */
    double conf;
    int strong;
} link;

static int push_src(ctx *c, const earnings_fact *f, unsigned char src)
{
    if (c->out.count == c->out.cap &&
        earnings__grow((void **)&c->out.items, &c->out.cap, c->out.count + 1, sizeof *f) != 0)
        return EARNINGS_ENOMEM;
    if (c->out.count == c->out.src_cap &&
        earnings__grow((void **)&c->out.src, &c->out.src_cap, c->out.count + 1, 1) != 0)
        return EARNINGS_ENOMEM;
    c->out.src[c->out.count] = src;
    c->out.items[c->out.count++] = *f;
    return 0;
}

static int push(ctx *c, const earnings_fact *f) { return push_src(c, f, 0); }

/* Metrics of one business unit (owned_metrics.def): when the figures of such
 * a metric that name their entity in their own clause all name one segment,
 * the figures of that metric whose entity came only from context become that
 * segment's. Document-wide, after linking. */
/* The owner of metric mid: the one segment that the figures naming their
 * entity in their sentence give (pass 1), else, when none names one, the one
 * segment that context gives them (pass 2). NULL when none or several. */
static const earnings_fact *metric_owner(const ctx *c, const char *mid, unsigned char pass)
{
    const earnings_fact *owner = NULL;
    for (size_t i = 0; i < c->out.count; i++) {
        const earnings_fact *x = &c->out.items[i];
        if (strcmp(x->metric_id, mid))
            continue;
        if (c->out.src[i] == 1 && pass == 2)
            return NULL; /* named in the sentence, not a segment (pass 1 failed) */
        if (c->out.src[i] != pass)
            continue;
        if (strncmp(x->entity_id, "segment:", 8)) {
            if (pass == 1)
                return NULL;
            continue; /* the document's company: what this rule replaces */
        }
        if (!owner)
            owner = x;
        else if (strcmp(owner->entity_id, x->entity_id))
            return NULL;
    }
    return owner;
}

static void assign_owned_metrics(ctx *c)
{
    for (size_t m = 0; m < sizeof owned_metrics / sizeof owned_metrics[0]; m++) {
        const char *mid = owned_metrics[m];
        const earnings_fact *owner = metric_owner(c, mid, 1);
        if (!owner)
            owner = metric_owner(c, mid, 2);
        if (!owner)
            continue;
        for (size_t i = 0; i < c->out.count; i++) {
            earnings_fact *x = &c->out.items[i];
            if (c->out.src[i] == 2 && !strcmp(x->metric_id, mid)) {
                x->entity_id = owner->entity_id;
                x->entity_name = owner->entity_name;
            }
        }
    }
}

/* The key of an outlook: metric, kind and value. */
static int outlook_cmp(const earnings_fact *a, const earnings_fact *b)
{
    int r = strcmp(a->metric_id, b->metric_id);
    if (r)
        return r;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->low != b->low)
        return a->low < b->low ? -1 : 1;
    if (a->high != b->high)
        return a->high < b->high ? -1 : 1;
    return 0;
}

/* Outlook facts ordered by their key, then position. */
static int restate_cmp(const void *pa, const void *pb)
{
    const earnings_fact *a = *(earnings_fact *const *)pa, *b = *(earnings_fact *const *)pb;
    int r = outlook_cmp(a, b);
    if (r)
        return r;
    return a->span.start < b->span.start ? -1 : a->span.start > b->span.start;
}

static int same_outlook(const earnings_fact *a, const earnings_fact *b) { return !outlook_cmp(a, b); }

/* An outlook restated without its date (`soon to be 1 million chips`) is the
 * one the document dates elsewhere (`over 1 million chips by the end of the
 * year`): an outlook fact with no period takes the period of the nearest
 * earlier (else the first later) outlook of the same metric, kind and value
 * that has one, as inferred. Sorting keeps it O(n log n). */
static int date_restated_outlooks(ctx *c)
{
    size_t n = 0, undated = 0;
    for (size_t i = 0; i < c->out.count; i++) {
        const earnings_fact *x = &c->out.items[i];
        if (x->basis == EARNINGS_BASIS_GUIDANCE) {
            n++;
            undated += !x->period;
        }
    }
    if (!undated || undated == n)
        return 0;
    earnings_fact **v = earnings__malloc(n * sizeof *v);
    if (!v)
        return EARNINGS_ENOMEM;
    n = 0;
    for (size_t i = 0; i < c->out.count; i++)
        if (c->out.items[i].basis == EARNINGS_BASIS_GUIDANCE)
            v[n++] = &c->out.items[i];
    qsort(v, n, sizeof *v, restate_cmp);
    for (size_t g = 0; g < n;) {
        size_t e = g + 1;
        while (e < n && same_outlook(v[e], v[g]))
            e++;
        const char *first = NULL, *last = NULL; /* first dated in the group; latest so far */
        for (size_t k = g; k < e && !first; k++)
            first = v[k]->period;
        for (size_t k = g; k < e && first; k++) {
            earnings_fact *x = v[k];
            if (x->period) {
                last = x->period;
            } else if (!timeless_metric(x->metric_id)) {
                x->period = last ? last : first;
                x->period_inferred = 1;
            }
        }
        g = e;
    }
    earnings__free(v);
    return 0;
}

static size_t sentence_of(const earnings_doc *d, size_t pos)
{
    size_t lo = 0, hi = d->nsentences;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->sentences[mid].norm.end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The period figure nearest to [fs, fe) within [lo, hi), skipping baselines
 * (years before the document's). Returns its figure or NULL. */
static int baseline_period(const ctx *c, const earnings_figure *p);
static int figure_between(const ctx *c, size_t lo, size_t hi);

/* Is the earlier period starting at ps the period of the value ending at
 * fe, by `in` or `for` between (`compared with 28.4% in the second quarter
 * of 2024`, `versus $3.1 billion for fiscal 2024`)? */
static int period_of_value(const char *t, size_t fe, size_t ps)
{
    static const char *const links[] = { " in ", " in the ", " for ", " for the ", " during ", " during the " };
    for (size_t k = 0; k < sizeof links / sizeof links[0]; k++) {
        size_t l = strlen(links[k]);
        if (ps == fe + l && !memcmp(t + fe, links[k], l))
            return 1;
    }
    return 0;
}

/* Is the period figure p followed by 同期 (`2024年同期`)? */
static int aside_year(const ctx *c, const earnings_figure *p);

static int tongqi_after(const ctx *c, const earnings_figure *p)
{
    return (p->norm.end + 6 <= c->nl && !memcmp(c->nt + p->norm.end, "\xE5\x90\x8C\xE6\x9C\x9F", 6)) ||
           aside_year(c, p);
}

/* Does the period figure p, with only a word of the past before it (`去年`,
 * `上年`, `last`, `prior`, `previous`), open the clause from lo (not after a
 * comparison: `较上半年末`)? */
static int earlier_opens_clause(const ctx *c, size_t lo, const earnings_figure *p)
{
    static const char *const past[] = { "去年", "上年", "last ", "prior ", "previous ", "preceding ", "上一", "上个" };
    const char *t = c->nt;
    size_t b = skip_spaces(t, lo, p->norm.start);
    for (size_t k = 0; k < sizeof past / sizeof past[0]; k++) {
        size_t l = strlen(past[k]);
        if (b + l == p->norm.start && word_at(t, b, p->norm.start, past[k]))
            return 1;
    }
    return 0;
}

/* A bare year labels an aside in parentheses (`(2024: £2.2bn)`): like
 * `2024年同期`, that year's span of the document's period. */
static int aside_year(const ctx *c, const earnings_figure *p)
{
    const char *t = c->nt;
    if (!p->period || strlen(p->period) != 4)
        return 0;
    size_t o = back_spaces(t, 0, p->norm.start);
    return o > 0 && t[o - 1] == '(' && p->norm.end < c->nl && t[p->norm.end] == ':';
}

/* The date q labels an aside in parentheses that holds the position fs
 * (`(31 December 2024: £338.4m)`): the balance of that date. */
static int aside_date(const ctx *c, const earnings_figure *q, size_t fs)
{
    const char *t = c->nt;
    size_t o = back_spaces(t, 0, q->norm.start);
    if (o == 0 || t[o - 1] != '(' || q->norm.end >= c->nl || t[q->norm.end] != ':' || fs < q->norm.end)
        return 0;
    for (size_t i = q->norm.end; i < fs; i++)
        if (t[i] == ')' || t[i] == '(' || t[i] == '\n')
            return 0;
    return 1;
}

/* The period p labels an aside in parentheses (`(H1 2024: £2,260m)`, `(Q3
 * 2024: $2.2 billion)`) that the position fs lies outside of: the period of
 * the aside's values only. */
static int aside_label(const ctx *c, const earnings_figure *p, size_t fs)
{
    const char *t = c->nt;
    size_t o = back_spaces(t, 0, p->norm.start);
    if (o == 0 || t[o - 1] != '(' || p->norm.end >= c->nl || t[p->norm.end] != ':')
        return 0;
    if (fs < o)
        return 1;
    for (size_t i = p->norm.end; i < c->nl && i < p->norm.end + 120; i++)
        if (t[i] == ')')
            return fs > i;
        else if (t[i] == '(' || t[i] == '\n')
            return 0;
    return 0;
}

static const earnings_figure *period_near(const ctx *c, size_t fi, size_t lo, size_t hi)
{
    const earnings__figure_list *fl = &c->doc->figures;
    const earnings_figure *best = NULL, *back = NULL;
    size_t bestd = (size_t)-1;
    size_t fs = fl->items[fi].norm.start, fe = fl->items[fi].norm.end;
    for (int dir = -1; dir <= 1; dir += 2) {
        for (size_t k = fi;;) {
            if (dir < 0) {
                if (k == 0)
                    break;
                k--;
            } else {
                if (++k >= fl->count)
                    break;
            }
            const earnings_figure *p = &fl->items[k];
            if (p->norm.start < lo || p->norm.end > hi)
                break;
            if (p->kind != EARNINGS_FIGURE_PERIOD || !p->period || aside_label(c, p, fs))
                continue;
            int y, q;
            if (!parse_period(p->period, &y, &q) && strcmp(p->period, "TTM") && strcmp(p->period, "YTD") &&
                strncmp(p->period, "H", 1))
                continue;
            /* an earlier year is a baseline (`up from $89.9B in 2024`), but
             * not a labelled year or quarter that opens the clause before the
             * figure (`Full-year 2024 capex was $83B`, `Q3 2024 revenue`) */
            if (((y && c->year && y < c->year && !(dir < 0 && strlen(p->period) == 6)) || baseline_period(c, p)) &&
                !(dir > 0 && period_of_value(c->nt, fe, p->norm.start)) &&
                !(dir < 0 && tongqi_after(c, p)) && /* (but `2024年同期：0.69元` is that value's) */
                !(dir < 0 && earlier_opens_clause(c, lo, p))) /* (and so is an earlier period that
                   opens the clause: `去年第三季度净利润为5.2亿元`) */
                continue;
            size_t dd = dir < 0 ? fs - p->norm.end : p->norm.start - fe;
            if (dir < 0)
                back = p;
            /* a period after the figure that a later value follows in the
             * clause is that value's (`Q4 2025 deliveries of 440,000 and FY2026
             * revenue of $112 billion`) when one stands before the figure */
            if (dir > 0 && back && figure_between(c, p->norm.end, hi))
                break;
            /* nor one that a later value takes by `in`/`for` (`improved to
             * 19.8% from 17.1% in Q2`: Q2 is 17.1%'s) */
            if (dir > 0 && k > fi + 1) {
                const earnings_figure *v = &fl->items[k - 1];
                if (v->kind != EARNINGS_FIGURE_PERIOD && v->kind != EARNINGS_FIGURE_DATE &&
                    period_of_value(c->nt, v->norm.end, p->norm.start))
                    break;
            }
            if (dd < bestd) {
                bestd = dd;
                best = p;
            }
            break;
        }
    }
    return best;
}

/* The quarter ending on month-day md (`09-30`), or 0. */
static int quarter_end(const char *md)
{
    static const char *const ends[] = { "03-31", "06-30", "09-30", "12-31" };
    for (int k = 0; k < 4; k++)
        if (!memcmp(md, ends[k], 5))
            return k + 1;
    return 0;
}

/* `as of`, `as at`, `at`, `on`, `截至`, `截止`, `于` right before pos (from
 * ss, past spaces and `the end of`): a balance's date follows. */
static int as_of_before(const char *t, size_t ss, size_t pos)
{
    static const char *const w[] = { "as of", "as at", "at", "on", "截至", "截止", "于", "截至于" };
    return word_before_any(t, ss, pos, w, sizeof w / sizeof w[0]);
}

/* A bare year followed by 同期 (`2024年同期：人民币0.69元`): the document's
 * span in that year (2024H1 in a half-year report) written to out; 1, or 0
 * (out untouched). */
static int same_span_year(const ctx *c, const earnings_figure *p, char *out, size_t cap)
{
    int dy, dq;
    if (strlen(p->period) != 4 || !tongqi_after(c, p) || strlen(c->period) <= 4 || !parse_period(c->period, &dy, &dq))
        return 0;
    snprintf(out, cap, "%.4s%s", p->period, c->period + 4);
    return 1;
}

/* The year figure p opens the sentence from ss as a lead-in that ends
 * before cs: `For 2025,`, `In fiscal 2025,`, `Outlook 2025 confirmed:`,
 * `2025年，`. */
static int lead_year(const char *t, size_t ss, size_t cs, const earnings_figure *p)
{
    static const char *const lead[] = { "for fiscal year ", "for fiscal ", "in fiscal year ", "in fiscal ",
                                        "for the year ", "for full year ", "for full-year ", "for ", "in ",
                                        "outlook ", "guidance " };
    size_t i = skip_spaces(t, ss, p->norm.start);
    while (i < p->norm.start && (t[i] == '-' || t[i] == '*' || t[i] == '#'))
        i = skip_spaces(t, i + 1, p->norm.start);
    if (i < p->norm.start) {
        size_t k;
        for (k = 0; k < sizeof lead / sizeof lead[0]; k++)
            if (i + strlen(lead[k]) == p->norm.start && word_at(t, i, p->norm.start, lead[k]))
                break;
        if (k == sizeof lead / sizeof lead[0])
            return 0;
    }
    size_t e = p->norm.end, lim = p->norm.end + 16 < cs ? p->norm.end + 16 : cs;
    if (e < cs && (t[e] == ',' || t[e] == ':'))
        return 1;
    for (; e < lim; e++) /* `Outlook 2025 confirmed:` */
        if (t[e] == ':')
            return 1;
        else if (t[e] == ',' || t[e] == '.' || t[e] == ';' || (unsigned char)t[e] >= 0x80)
            return 0;
    return 0;
}

/* A quarter of no year named as last year's (`the third quarter of last
 * year`, `of the prior year`, `去年第三季度`, `上年四季度`)? */
static int quarter_of_last_year(const ctx *c, const earnings_figure *p)
{
    static const char *const after[] = { " of last year", " of the prior year", " of the previous year",
                                         " last year", " of the year before", " a year ago", " a year earlier" };
    const char *t = c->nt;
    for (size_t k = 0; k < sizeof after / sizeof after[0]; k++) {
        size_t l = strlen(after[k]);
        if (word_at(t, p->norm.end, c->nl, after[k]) &&
            (p->norm.end + l == c->nl || !is_alnum((unsigned char)t[p->norm.end + l])))
            return 1;
    }
    return p->norm.start >= 6 && (!memcmp(t + p->norm.start - 6, "\xE5\x8E\xBB\xE5\xB9\xB4", 6) || /* 去年 */
                                  !memcmp(t + p->norm.start - 6, "\xE4\xB8\x8A\xE5\xB9\xB4", 6));  /* 上年 */
}

/* A period figure of [lo, hi) names the year y (`2025`, `Q1 2025`, `2025年`). */
static int year_in(const ctx *c, size_t lo, size_t hi, int y)
{
    const earnings__figure_list *fl = &c->doc->figures;
    for (size_t a = figure_from(fl, lo); a < fl->count && fl->items[a].norm.end <= hi; a++) {
        const earnings_figure *p = &fl->items[a];
        int py, pq;
        if (p->kind == EARNINGS_FIGURE_PERIOD && p->period && parse_period(p->period, &py, &pq) && py == y)
            return 1;
    }
    return 0;
}

static void period_from_figure(const ctx *c, const earnings_figure *p, int money, char *out, size_t cap)
{
    const char *s = p->period;
    int y, q;
    int k = parse_period(s, &y, &q);
    if (k == 1 && q && c->year && quarter_of_last_year(c, p))
        snprintf(out, cap, "%04dQ%d", c->year - 1, q);
    else if (k == 1 && q && c->year)
        snprintf(out, cap, "%04dQ%d", c->year, q);
    else if (k == 1 && y && strlen(s) == 4)
        snprintf(out, cap, money ? "%sFY" : "%s", s);
    else if ((!strcmp(s, "YTD") || !strcmp(s, "FY") || (s[0] == 'H' && s[1] && !s[2])) && c->year)
        snprintf(out, cap, "%04d%s", c->year, s);
    else
        snprintf(out, cap, "%s", s);
}

/* The first period figure in [lo, hi): 1 and out set, else 0. */
/* A growth figure fi with a baseline quarter right after it (`up 22% from
 * Q2`, `versus Q3 2024`, before ce): sequential when it is the quarter
 * before the document's, year over year when it is the document's quarter
 * a year before; else 0. */
static int baseline_period(const ctx *c, const earnings_figure *p);

/* 较, 相比, 相较 or 比 right before pos: a Chinese baseline follows. */
static int zh_baseline_before(const char *t, size_t pos)
{
    static const char *const w[] = { "较", "相比", "相较", "比", "较去年", "比去年" };
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++) {
        size_t l = strlen(w[k]);
        if (pos >= l && !memcmp(t + pos - l, w[k], l))
            return 1;
    }
    return 0;
}

/* The start of the sentence holding figure fi (0 when none does). */
static size_t sentence_start(const ctx *c, size_t fi)
{
    size_t si = sentence_of(c->doc, c->doc->figures.items[fi].norm.start);
    return si < c->doc->nsentences ? c->doc->sentences[si].norm.start : 0;
}

static int baseline_comparison(const ctx *c, size_t fi, size_t ce)
{
    const earnings__figure_list *fl = &c->doc->figures;
    if (!c->quarter)
        return 0;
    const earnings_figure *p = fi + 1 < fl->count ? &fl->items[fi + 1] : NULL;
    if (p && p->kind == EARNINGS_FIGURE_MONEY && fi + 2 < fl->count &&
        bare_baseline(c, fi + 1, sentence_start(c, fi)) &&
        period_of_value(c->nt, p->norm.end, fl->items[fi + 2].norm.start)) {
        /* past the base it names: `an increase of 9% compared with $1.30
         * billion in the second quarter of 2024` */
        p = &fl->items[fi + 2];
        if (p->kind == EARNINGS_FIGURE_PERIOD && p->period && p->norm.end <= ce) {
            int y, q;
            if (parse_period(p->period, &y, &q) == 2 && q == c->quarter && c->year && y == c->year - 1)
                return EARNINGS_COMPARISON_YOY;
        }
        return 0;
    }
    if (!p || p->kind != EARNINGS_FIGURE_PERIOD || !p->period || p->norm.end > ce || !baseline_period(c, p) ||
        p->norm.start > fl->items[fi].norm.end + 24) {
        /* or right before it, after 较 / 相比 / 比 (`较第二季度提升1.2个百分点`) */
        p = fi > 0 ? &fl->items[fi - 1] : NULL;
        if (!p || p->kind != EARNINGS_FIGURE_PERIOD || !p->period || p->norm.end + 12 < fl->items[fi].norm.start ||
            !zh_baseline_before(c->nt, p->norm.start))
            return 0;
    }
    int y, q;
    if (!parse_period(p->period, &y, &q) || !q)
        return 0;
    int py = c->year, pq = c->quarter - 1;
    if (pq == 0) {
        pq = 4;
        py--;
    }
    if (q == pq && (!y || !c->year || y == py))
        return EARNINGS_COMPARISON_QOQ;
    if (q == c->quarter && (!y ? 0 : c->year && y == c->year - 1))
        return EARNINGS_COMPARISON_YOY;
    return 0;
}

static int figure_between(const ctx *c, size_t lo, size_t hi);

/* `GAAP and non-GAAP gross margins were 73.4% and 73.6%, respectively`:
 * for a figure at [fs, fe) of sentence [ss, se), 1 when it is the first
 * value after such a pair (the reported one), 2 the second (the adjusted
 * one), 0 when the sentence has no such pairing. */
static int respectively_pair(const ctx *c, size_t ss, size_t se, size_t fs, size_t fe)
{
    static const char *const pairs[] = { "gaap and non-gaap", "ifrs and non-ifrs", "gaap and non gaap" };
    const char *t = c->nt;
    size_t p = 0;
    for (size_t i = ss; i < fs && !p; i++)
        for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
            if (word_at(t, i, fs, pairs[k]) && (i == 0 || !is_alnum((unsigned char)t[i - 1]))) {
                p = i + strlen(pairs[k]);
                break;
            }
    if (!p)
        return 0;
    int resp = 0;
    for (size_t i = fe; i + 12 <= se && i < fe + 64 && !resp; i++)
        resp = word_at(t, i, se, "respectively");
    if (!resp)
        return 0;
    return figure_between(c, p, fs) ? 2 : 1;
}

/* Does a figure other than a period or date start in [lo, hi)? */
static int figure_between(const ctx *c, size_t lo, size_t hi)
{
    const earnings__figure_list *fl = &c->doc->figures;
    size_t a = figure_from(fl, lo);
    for (; a < fl->count && fl->items[a].norm.start < hi; a++)
        if (fl->items[a].kind != EARNINGS_FIGURE_PERIOD && fl->items[a].kind != EARNINGS_FIGURE_DATE)
            return 1;
    return 0;
}

/* Is the period figure p a baseline by the word before it (`last fiscal
 * year`, `the prior quarter`, `previous year`, `上一财年`)? */
static int baseline_period(const ctx *c, const earnings_figure *p)
{
    static const struct {
        const char *w;
        size_t len;
    } words[] = { { "last ", 5 },   { "prior ", 6 },          { "previous ", 9 },     { "preceding ", 10 },
                  { "from ", 5 },   { "versus ", 7 },         { "vs. ", 4 },          { "vs ", 3 },
                  { "compared with ", 14 }, { "compared to ", 12 }, { "上一", 6 }, { "上个", 6 }, { "去年", 6 },
                  { "from the ", 9 }, { "versus the ", 11 }, { "compared with the ", 18 }, { "over the ", 9 },
                  { "compared to the ", 16 }, { "relative to the ", 16 }, { "against the ", 12 },
                  /* `较上半年末`, `相比上半年`, `与上半年相比` */
                  { "较", 3 }, { "相比", 6 }, { "相较", 6 }, { "与", 3 }, { "比", 3 } };
    const char *t = c->nt;
    size_t s = p->norm.start;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t l = words[k].len;
        if (s < l)
            continue;
        size_t i = s - l, j;
        for (j = 0; j < l && lower((unsigned char)t[i + j]) == (unsigned char)words[k].w[j]; j++)
            ;
        if (j == l && ((unsigned char)words[k].w[0] >= 0x80 || i == 0 || !is_alnum((unsigned char)t[i - 1])))
            return 1;
    }
    return 0;
}

static int period_in(const ctx *c, size_t lo, size_t hi, int money, char *out, size_t cap)
{
    const earnings__figure_list *fl = &c->doc->figures;
    size_t a = figure_from(fl, lo);
    for (; a < fl->count && fl->items[a].norm.end <= hi; a++) {
        const earnings_figure *p = &fl->items[a];
        if (p->kind != EARNINGS_FIGURE_PERIOD || !p->period)
            continue;
        int y, q;
        if ((parse_period(p->period, &y, &q) && y && c->year && y < c->year) || baseline_period(c, p))
            continue; /* a baseline */
        period_from_figure(c, p, money, out, cap);
        return 1;
    }
    return 0;
}

/* The period a table column's header names: its first period figure, a
 * baseline's too (`| Q3 2025 | Q3 2024 |`, `FY2024`), or in a Chinese
 * report `本报告期` (the document's period) and `上年同期` (a year before). */
static int column_period(const ctx *c, size_t hs, size_t he, int money, char *out, size_t cap)
{
    const earnings__figure_list *fl = &c->doc->figures;
    for (size_t a = figure_from(fl, hs); a < fl->count && fl->items[a].norm.end <= he; a++) {
        const earnings_figure *p = &fl->items[a];
        if (p->kind == EARNINGS_FIGURE_PERIOD && p->period) {
            period_from_figure(c, p, money, out, cap);
            return 1;
        }
    }
    if (!c->period[0] || !c->year)
        return 0;
    static const char *const ago[] = { "\xe4\xb8\x8a\xe5\xb9\xb4" /* 上年 */, "\xe5\x8e\xbb\xe5\xb9\xb4" /* 去年 */,
                                       "prior year", "year ago", "year-ago" };
    static const char *const now[] = { "\xe6\x9c\xac\xe6\x8a\xa5\xe5\x91\x8a\xe6\x9c\x9f" /* 本报告期 */,
                                       "\xe6\x9c\xac\xe6\x9c\x9f" /* 本期 */, "\xe6\x9c\xac\xe5\xb9\xb4" /* 本年 */,
                                       "current period", "current year" };
    if (any_word_in_range(c->nt, hs, he, ago, sizeof ago / sizeof ago[0])) {
        if (strlen(c->period) <= 4)
            return 0;
        snprintf(out, cap, "%04d%s", c->year - 1, c->period + 4);
        return 1;
    }
    if (any_word_in_range(c->nt, hs, he, now, sizeof now / sizeof now[0])) {
        snprintf(out, cap, "%s", c->period);
        return 1;
    }
    return 0;
}

/* A period figure of [lo, hi) that names the period p. */
static int named_in_sentence(const ctx *c, size_t lo, size_t hi, const char *p)
{
    const earnings__figure_list *fl = &c->doc->figures;
    size_t a = figure_from(fl, lo);
    for (int n = 0; a < fl->count && fl->items[a].norm.end <= hi && n < 64; a++, n++) {
        const earnings_figure *q = &fl->items[a];
        if (q->kind != EARNINGS_FIGURE_PERIOD || !q->period)
            continue;
        char buf[24];
        period_from_figure(c, q, 0, buf, sizeof buf);
        if (!strcmp(buf, p))
            return 1;
    }
    return 0;
}

/* A relative period cue in h: 1 and out set, else 0. */
static int period_from_cues(const ctx *c, const hits *h, char *out, size_t cap, int *inferred)
{
    if (!c->year)
        return 0;
    *inferred = 1;
    if (has(h, CUE_LASTQ) && c->quarter) {
        int y = c->year, q = c->quarter - 1;
        if (q == 0) {
            q = 4;
            y--;
        }
        snprintf(out, cap, "%04dQ%d", y, q);
        return 1;
    }
    if (has(h, CUE_NEXTQ) && c->quarter) {
        /* `next quarter`, `下季度` */
        int y = c->year, q = c->quarter + 1;
        if (q == 5) {
            q = 1;
            y++;
        }
        snprintf(out, cap, "%04dQ%d", y, q);
        return 1;
    }
    if (has(h, CUE_NEXTY)) {
        snprintf(out, cap, "%04dFY", c->year + 1); /* `next year`, `明年` */
        return 1;
    }
    if (has(h, CUE_YEAREND)) {
        snprintf(out, cap, "%04dQ4", c->year);
        return 1;
    }
    if (has(h, CUE_TTM)) {
        snprintf(out, cap, "TTM");
        *inferred = 0;
        return 1;
    }
    if (has(h, CUE_FULLYEAR)) {
        snprintf(out, cap, "%04dFY", c->year);
        return 1;
    }
    if (has(h, CUE_YTD)) {
        snprintf(out, cap, "%04dYTD", c->year);
        return 1;
    }
    if (has(h, CUE_THISQ) && c->period[0]) {
        snprintf(out, cap, "%s", c->period);
        return 1;
    }
    *inferred = 0; /* no period here: nothing inferred yet */
    return 0;
}

/* A linking verb with its spaces at t[i] (`was`, `were`, `is`, `are`). */
static int linking_verb_at(const char *t, size_t i, size_t hi)
{
    static const char *const verbs[] = { " was ", " were ", " is ", " are " };
    for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++) {
        size_t l = strlen(verbs[k]);
        if (i + l <= hi && !memcmp(t + i, verbs[k], l))
            return 1;
    }
    return 0;
}

/* `<metric> excluding <item> was <figure>`: from the cue's end a to the
 * figure at fs, a short item, then a linking verb right before the figure,
 * and no other figure. */
static int excluded_then_verb(const ctx *c, size_t a, size_t fs)
{
    static const char *const verbs[] = { " was ", " were ", " is ", " are ", " came in at ", " totaled ",
                                         " reached ", " of " };
    const char *t = c->nt;
    if (fs < a || fs - a > 60 || figure_between(c, a, fs))
        return 0;
    for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++) {
        size_t l = strlen(verbs[k]);
        for (size_t i = a; i + l <= fs; i++)
            if (!memcmp(t + i, verbs[k], l) && skip_spaces(t, i + l, fs) + 3 >= fs)
                return 1;
    }
    return 0;
}

/* The excluded items after a cue at a are set off by dashes that close
 * before the figure at fs, with at most a short metric name after them:
 * `若不计两项特殊费用——与...达成的25亿美元和解金以及约18亿美元的遣散费——营业利润约为217亿美元`,
 * `excluding the two charges — ... — operating income was $21.7 billion`
 * (normalization folds the dashes to `--` and ` - `). */
static int aside_closed(const ctx *c, size_t a, size_t fs)
{
    const char *t = c->nt;
    size_t last = 0, n = 0;
    for (size_t i = a; i < fs && i < a + 400; i++) {
        if (t[i] != '-')
            continue;
        size_t e = i;
        while (e < fs && t[e] == '-')
            e++;
        if (e - i >= 2 || (i > a && t[i - 1] == ' ' && e < fs && t[e] == ' ')) {
            n++;
            last = e;
        }
        i = e;
    }
    if (n < 2)
        return 0;
    last = skip_spaces(t, last, fs);
    return fs - last <= 24 && !figure_between(c, last, fs);
}

/* Excluded item named after a cue at [a, ...): "the impact of currency
 * exchange rates" -> "currency". */
static char *excluded_item(ctx *c, size_t a, size_t hi)
{
    const char *t = c->nt;
    while (a < hi && t[a] == ' ')
        a++;
    size_t e = a;
    while (e < hi && e - a < 80 && !is_delim(t, e, a, hi) && !(t[e] == ' ' && linking_verb_at(t, e, hi)) &&
           !(t[e] == '-' && e + 1 < hi && t[e + 1] == '-') && /* a dash opening the list of items */
           !(t[e] == '.' && !(e > a && t[e - 1] >= '0' && t[e - 1] <= '9' && e + 1 < hi && t[e + 1] >= '0' &&
                              t[e + 1] <= '9')))
        e++;
    if (e - a >= 80 && e < hi && is_alnum((unsigned char)t[e])) {
        size_t w = e; /* cut at the last whole word */
        while (w > a && t[w - 1] != ' ')
            w--;
        if (w > a)
            e = w;
    }
    while (e > a && e < hi && ((unsigned char)t[e] & 0xC0) == 0x80)
        e--; /* (never inside a character) */
    while (e > a && t[e - 1] == ' ')
        e--;
    for (size_t i = a; i < e; i++)
        if (word_at(t, i, e, "currency") || word_at(t, i, e, "exchange rate") || word_at(t, i, e, "fx") ||
            word_at(t, i, e, "汇率") || word_at(t, i, e, "foreign exchange"))
            return earnings__arena_strdup(&c->arena, "currency");
    static const char *const lead[] = { "the impact of ", "the impacts of ", "the effect of ",
                                        "the effects of ", "impact of ", "effect of ", "the ", "a ",
                                        "an " };
    for (size_t k = 0; k < sizeof lead / sizeof lead[0]; k++)
        if (word_at(t, a, e, lead[k])) {
            a += strlen(lead[k]);
            k = (size_t)-1; /* strip repeatedly ("the impact of the ...") */
        }
    /* the item, not its amount: `restructuring charges of $42 million` */
    const earnings__figure_list *fl = &c->doc->figures;
    for (size_t k = figure_from(fl, a); k < fl->count && fl->items[k].norm.start < e; k++) {
        size_t q = fl->items[k].norm.start;
        if (fl->items[k].kind == EARNINGS_FIGURE_MONEY && q >= a + 4 && !memcmp(t + q - 4, " of ", 4) &&
            skip_spaces(t, fl->items[k].norm.end, e) == e) {
            e = q - 4;
            break;
        }
    }
    if (e <= a)
        return NULL;
    return earnings__arena_strndup(&c->arena, t + a, e - a);
}

/* Whether the cell [cs, ce) holds nothing but the figure [fs, fe) (spaces
 * and Markdown emphasis aside). */
static int cell_is_figure(const char *t, size_t cs, size_t ce, size_t fs, size_t fe)
{
    for (size_t i = cs; i < ce; i++) {
        if (i == fs)
            i = fe;
        if (i >= ce)
            break;
        if (t[i] != ' ' && t[i] != '*' && t[i] != '|' && t[i] != '\t')
            return 0;
    }
    return 1;
}

/* Does the row label [i, le) end at i: nothing after the metric named
 * there but emphasis, a parenthesis and a colon (`Power Capacity (GW)`,
 * not `Capacity Execution`)? */
static int label_ends(const char *t, size_t i, size_t le)
{
    while (i < le && (t[i] == ' ' || t[i] == '*'))
        i++;
    if (i < le && t[i] == '(') {
        while (i < le && t[i] != ')')
            i++;
        if (i < le)
            i++;
    }
    while (i < le && (t[i] == ' ' || t[i] == '*' || t[i] == ':'))
        i++;
    return i >= le;
}

/* The first cell of the table row holding cs: [*a, *b), from after the
 * row's opening '|' (when it has one: the return value) to the next '|'
 * or cs. */
static int row_first_cell(const char *t, size_t cs, size_t *a, size_t *b)
{
    size_t ls = cs;
    while (ls > 0 && t[ls - 1] != '\n')
        ls--;
    while (ls < cs && t[ls] == ' ')
        ls++;
    int bar = ls < cs && t[ls] == '|';
    if (bar)
        ls++;
    size_t le = ls;
    while (le < cs && t[le] != '|')
        le++;
    *a = ls;
    *b = le;
    return bar;
}

/* [*a, *b) without the spaces and Markdown emphasis around a cell's text. */
static void trim_cell(const char *t, size_t *a, size_t *b)
{
    while (*a < *b && (t[*a] == ' ' || t[*a] == '*'))
        (*a)++;
    while (*b > *a && (t[*b - 1] == ' ' || t[*b - 1] == '*'))
        (*b)--;
}

/* A table cell starting at cs: the metric named in the row's first cell
 * (`| **Active Customers** | 250M |`), or else a metric word there
 * (`| **Inbound Lead Time** | 4-day reduction |`), into *L. 2 when the
 * label ends with it (the row is that metric's), 1 when found elsewhere in
 * the label, 0 when none. */
static int row_metric(const ctx *c, size_t cs, link *L)
{
    const char *t = c->nt;
    size_t ls, le;
    row_first_cell(t, cs, &ls, &le);
    for (size_t j = ent_lower(c, ls); j < c->nents && c->ents[j].norm.start < le; j++)
        if (is_metric(&c->ents[j])) {
            L->metric_id = c->ents[j].id;
            L->metric_name = c->ents[j].name;
            L->metric_span = c->ents[j].span;
            return label_ends(t, c->ents[j].norm.end, le) ? 2 : 1;
        }
    size_t ws, we;
    const metric_word *mw = le < cs ? metric_word_near(c->mws, t, ls, le, le, le, &ws, &we) : NULL;
    earnings_span sp;
    if (mw && earnings_normalized_map_span(c->doc->norm, ws, we, &sp) == EARNINGS_OK) {
        L->metric_id = mw->id;
        L->metric_name = mw->name;
        L->metric_span = sp;
        return label_ends(t, we, le) ? 2 : 1;
    }
    /* `| 营业收入(百万元) | ... |` then `| 增长率(%) | 5.2 | ... |`: the
     * growth of the row above's metric */
    static const char *const growth[] = { "\xe5\xa2\x9e\xe9\x95\xbf\xe7\x8e\x87" /* 增长率 */,
                                          "\xe5\xa2\x9e\xe9\x80\x9f" /* 增速 */,
                                          "\xe5\x90\x8c\xe6\xaf\x94" /* 同比 */, "growth", "y/y", "yoy",
                                          "% change", "change (%)" };
    if (ls < 2 || !any_word_in_range(t, ls, le, growth, sizeof growth / sizeof growth[0]))
        return 0;
    size_t ps = ls - 1; /* the '|' that opens this row */
    while (ps > 0 && t[ps - 1] != '\n')
        ps--;
    if (ps == 0)
        return 0;
    size_t pe = ps - 1; /* the previous line: a row of the same table, not its rule */
    ps = pe;
    while (ps > 0 && t[ps - 1] != '\n')
        ps--;
    while (ps < pe && t[ps] == ' ')
        ps++;
    if (ps + 1 >= pe || t[ps] != '|' || t[ps + 1] == '-' || t[ps + 1] == ':')
        return 0;
    link above = *L;
    if (row_metric(c, pe, &above) != 2)
        return 0;
    *L = above;
    return 3;
}

/* Is entity e named as a project or computing cluster: a canonical name
 * "Project ..." or "...项目", or a mention followed by `project`,
 * `cluster`, `supercomputer`, `集群`, `项目`? */
static int deployment_host(const ctx *c, const earnings_entity *e)
{
    if (e->type != EARNINGS_ENTITY_PRODUCT)
        return 0;
    size_t nl = strlen(e->name);
    if (!strncmp(e->name, "Project ", 8) || (nl > 6 && !strcmp(e->name + nl - 6, "项目")))
        return 1;
    const char *t = c->nt;
    size_t i = skip_spaces(t, e->norm.end, c->nl);
    static const char *const words[] = { "project", "Project", "cluster", "supercomputer", "集群", "项目",
                                         "超算" };
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t l = strlen(words[w]);
        if (i + l <= c->nl && !memcmp(t + i, words[w], l))
            return 1;
    }
    return 0;
}

/* The project or cluster that chips counted at fs .. fe are deployed in:
 * the last one named before the figure in its sentence or the three
 * before it in the same paragraph (no line break between them), else the
 * first named after the figure in its sentence. */
static const earnings_entity *host_of_chips(const ctx *c, size_t si, size_t fs, size_t fe)
{
    const earnings_doc *d = c->doc;
    const char *t = c->nt;
    size_t lo = d->sentences[si].norm.start, se = d->sentences[si].norm.end;
    for (size_t back = 0; back < 3 && si > back; back++) {
        const earnings_sentence *p = &d->sentences[si - back - 1];
        if (memchr(t + p->norm.end, '\n', lo - p->norm.end) || memchr(t + p->norm.start, '\n', p->norm.end - p->norm.start))
            break;
        lo = p->norm.start;
    }
    const earnings_entity *before = NULL;
    for (size_t j = ent_lower(c, lo); j < c->nents && c->ents[j].norm.start < se; j++) {
        const earnings_entity *e = &c->ents[j];
        if (!deployment_host(c, e))
            continue;
        if (e->norm.end <= fs)
            before = e;
        else if (e->norm.start >= fe)
            return before ? before : e;
    }
    return before;
}

/* `the number of Trainium 2 chips running Claude to exceed 1 million`:
 * the counted noun of a `number of` phrase before a bare number in its
 * clause (cs .. fs), when the unit metrics know it; else NULL. */
static const unit_metric *number_of_before(const char *t, size_t cs, size_t fs)
{
    size_t at = (size_t)-1;
    for (size_t i = cs; i + 10 <= fs; i++)
        if ((t[i] == 'n' || t[i] == 'N') && !strncmp(t + i + 1, "umber of ", 9) && (i == cs || !is_alnum((unsigned char)t[i - 1])))
            at = i + 10;
    if (at == (size_t)-1)
        return NULL;
    size_t i = at;
    for (int w = 0; w < 5 && i < fs; w++) {
        size_t b = i;
        while (i < fs && is_alnum((unsigned char)t[i]))
            i++;
        size_t l = i - b;
        if (l >= 3 && l < 32) {
            char word[32];
            for (size_t k = 0; k < l; k++)
                word[k] = (char)((t[b + k] >= 'A' && t[b + k] <= 'Z') ? t[b + k] + 32 : t[b + k]);
            word[l] = '\0';
            const unit_metric *um = NULL;
            if (word[l - 1] == 's') {
                word[l - 1] = '\0';
                um = metric_of_unit(word);
                if (!um && l > 4 && word[l - 2] == 'e') {
                    word[l - 2] = '\0';
                    um = metric_of_unit(word);
                }
            }
            if (um)
                return um;
        }
        if (i == b)
            break;
        while (i < fs && t[i] == ' ')
            i++;
    }
    return NULL;
}

/* Is entity e a fronted topic of the clause starting at cs: `; with
 * SiriusXM, brands can reach`, `, and for AWS, ...`: only a comma and
 * spaces after it, and at most two short words between it and the
 * delimiter (or sentence start ss) before it. */
static int fronted_topic(const char *t, const earnings_entity *e, size_t ss, size_t cs)
{
    for (size_t i = e->norm.end; i < cs; i++)
        if (t[i] != ' ' && t[i] != ',')
            return 0;
    size_t i = e->norm.start;
    for (int w = 0; w <= 2; w++) {
        while (i > ss && t[i - 1] == ' ')
            i--;
        if (i == ss || t[i - 1] == ';' || t[i - 1] == ',')
            return 1;
        size_t j = i;
        while (j > ss && t[j - 1] >= 'a' && t[j - 1] <= 'z')
            j--;
        if (j == i && i > ss && t[i - 1] >= 'A' && t[i - 1] <= 'Z')
            while (j > ss && ((t[j - 1] >= 'a' && t[j - 1] <= 'z') || (t[j - 1] >= 'A' && t[j - 1] <= 'Z')))
                j--;
        if (j == i || i - j > 6)
            return 0;
        i = j;
    }
    return 0;
}

/* e opens a clause of the sentence and its metric follows right after it
 * (`iPhone收入为490亿美元，服务业务收入创下历史新高，达到288亿美元`: Services'). */
static int clause_subject(const ctx *c, const earnings_entity *e, size_t ss)
{
    const char *t = c->nt;
    size_t i = e->norm.start;
    while (i > ss && t[i - 1] == ' ')
        i--;
    if (!(i == ss || t[i - 1] == ',' || t[i - 1] == ';'))
        return 0;
    size_t j = ent_lower(c, e->norm.end);
    if (j >= c->nents || !is_metric(&c->ents[j]))
        return 0;
    size_t k = e->norm.end;
    while (k < c->ents[j].norm.start && (t[k] == ' ' || t[k] == '\''))
        k++;
    return k == c->ents[j].norm.start;
}

/* `estimated severance pay of $1.8 billion`: an estimate cue ending at e
 * (before hi) that modifies an accounting charge is the accrual of a
 * reported charge, not an estimate of the figure. */
static int accrued_charge(const char *t, size_t e, size_t hi)
{
    while (e < hi && is_alnum((unsigned char)t[e]))
        e++; /* the rest of `estimated` */
    while (e < hi && t[e] == ' ')
        e++;
    static const char *const nouns[] = { "severance", "charge", "cost", "expense", "liabilit", "tax", "impairment",
                                         "loss", "restructuring", "accrual", "settlement", "legal" };
    for (size_t k = 0; k < sizeof nouns / sizeof *nouns; k++) {
        size_t l = strlen(nouns[k]);
        if (e + l <= hi && !strncmp(t + e, nouns[k], l))
            return 1;
    }
    return 0;
}

/* The counted noun of a metric mention a .. b (`Active Customers`,
 * `Satellite count`, `卫星数量`) as the unit metrics list it, or NULL. */
static const char *unit_in_mention(const char *t, size_t a, size_t b)
{
    for (size_t k = 0; k < sizeof unit_metrics / sizeof unit_metrics[0]; k++) {
        const char *u = unit_metrics[k].unit;
        size_t l = strlen(u);
        if ((unsigned char)u[0] >= 0x80) {
            for (size_t i = a; i + l <= b; i++)
                if (!memcmp(t + i, u, l))
                    return u;
            continue;
        }
        if (u[0] < 'a' || u[0] > 'z')
            continue; /* symbols (GW) are not counted nouns */
        for (size_t i = a; i + l <= b; i++) {
            if (i > a && is_alnum((unsigned char)t[i - 1]))
                continue;
            size_t j = 0;
            while (j < l && lower((unsigned char)t[i + j]) == (unsigned char)u[j])
                j++;
            if (j < l)
                continue;
            size_t e = i + l;
            if (e < b && (t[e] == 's' || t[e] == 'S'))
                e++;
            if (e == b || !is_alnum((unsigned char)t[e]))
                return u;
        }
    }
    return NULL;
}

static size_t sentence_of(const earnings_doc *d, size_t pos);

/* The organization named last before pos in its paragraph (no blank line
 * between), or NULL: the company a paragraph is about (`Apple reported ...
 * iPhone revenue ... The board declared a dividend`). */
static const earnings_entity *org_opening_since(const ctx *c, size_t pos, size_t lo);

static const earnings_entity *paragraph_org(const ctx *c, size_t pos)
{
    const char *t = c->nt;
    /* the paragraph's start: after the last blank line, within 4 KB */
    size_t lo = pos > 4096 ? pos - 4096 : 0;
    for (size_t i = pos, nl = 0; i > lo; i--) {
        if (t[i - 1] == '\n') {
            if (nl) {
                lo = i;
                break;
            }
            nl = 1;
        } else if (t[i - 1] != ' ' && t[i - 1] != '\t' && t[i - 1] != '\r') {
            nl = 0;
        }
    }
    return org_opening_since(c, pos, lo);
}

/* The last organization before pos, from lo on, that opens its sentence. */
static const earnings_entity *org_opening_since(const ctx *c, size_t pos, size_t lo)
{
    const char *t = c->nt;
    for (size_t j = ent_lower(c, pos); j > 0; j--) {
        const earnings_entity *e = &c->ents[j - 1];
        if (e->norm.start < lo)
            return NULL;
        if (e->norm.end > pos || e->type != EARNINGS_ENTITY_ORG || dateline_source(c, e))
            continue;
        /* only one that opens its sentence (`Apple reported ...`) */
        size_t es = sentence_of(c->doc, e->norm.start);
        if (es < c->doc->nsentences) {
            size_t a = skip_spaces(t, c->doc->sentences[es].norm.start, e->norm.start);
            if (word_at(t, a, e->norm.start, "the "))
                a += 4;
            if (a == e->norm.start)
                return e;
        }
    }
    return NULL;
}

/* The excluded item of an adjusted measure named in a .. b (`non-GAAP`,
 * `adjusted`, `Non-IFRS`, `经调整`, `调整后`, `非公认会计准则`), or NULL. */
static const char *adjusted_measure(const char *t, size_t a, size_t b)
{
    static const struct {
        const char *w;
        const char *item;
    } words[] = {
        { "non-gaap", EARNINGS__ADJ_NON_GAAP },       { "non gaap", EARNINGS__ADJ_NON_GAAP },
        { "non-ifrs", EARNINGS__ADJ_NON_IFRS },       { "adjusted", EARNINGS__ADJ_ADJUSTED },
        { "经调整", EARNINGS__ADJ_ADJUSTED },         { "调整后", EARNINGS__ADJ_ADJUSTED },
        { "非公认会计准则", EARNINGS__ADJ_NON_GAAP }, { "非国际财务报告准则", EARNINGS__ADJ_NON_IFRS },
        { "非通用会计准则", EARNINGS__ADJ_NON_GAAP }, { "扣非", EARNINGS__ADJ_NON_RECURRING },
        { "扣除非经常性损益", EARNINGS__ADJ_NON_RECURRING },
        { "before special items", "special items" }, { "before exceptional items", "exceptional items" },
        { "pre-exceptional", "exceptional items" },
        { "organic", EARNINGS__ADJ_ORGANIC }, /* `organic sales up 4%`: without acquisitions, disposals, currency */
    };
    /* one pass: the words found, by the first byte; the first of the table
     * that is found wins */
    unsigned found = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char ch = lower((unsigned char)t[i]);
        if (ch != 'n' && ch != 'a' && ch != 'b' && ch != 'p' && ch != 'o' && ch != 0xE6 && ch != 0xE7 &&
            ch != 0xE8 && ch != 0xE9)
            continue;
        for (size_t k = 0; k < sizeof words / sizeof *words; k++)
            if ((unsigned char)words[k].w[0] == ch && word_at(t, i, b, words[k].w) &&
                ((unsigned char)words[k].w[0] >= 0x80 || i == 0 || !is_alnum((unsigned char)t[i - 1])))
                found |= 1u << k;
    }
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (found & (1u << k))
            return words[k].item;
    return NULL;
}

/* `per share`, `a share`, `per diluted share`, `per ADS` right after a money
 * figure ending at fe (clause end ce). */
static int per_share_after(const char *t, size_t fe, size_t ce)
{
    size_t i = fe;
    while (i < ce && t[i] == ' ')
        i++;
    size_t j = i;
    if (word_at(t, i, ce, "per "))
        j = i + 4;
    else if (word_at(t, i, ce, "a "))
        j = i + 2;
    else
        return 0;
    if (word_at(t, j, ce, "diluted "))
        j += 8;
    else if (word_at(t, j, ce, "basic "))
        j += 6;
    else if (word_at(t, j, ce, "ordinary "))
        j += 9;
    static const char *const unit[] = { "share", "ads", "adr", "american depositary share" };
    for (size_t k = 0; k < sizeof unit / sizeof unit[0]; k++) {
        size_t n = strlen(unit[k]);
        if (!word_at(t, j, ce, unit[k]) || (j + n < ce && is_alnum((unsigned char)t[j + n])))
            continue;
        return !(j + n + 1 < ce && t[j + n] == ' ' && word_at(t, j + n + 1, ce, "of ")); /* not `a share of` */
    }
    return 0;
}

/* A count's metric given by its context, not by a mention: a strong link
 * with no metric span. Returns the metric source (1). */
/* Does the metric mention [ms, me) say it is the total (`total revenues`,
 * `Total Revenue`, `总收入`, `总营收`)? */
static int total_mention(const char *t, size_t cs, size_t ms, size_t me)
{
    if ((me - ms >= 3 && !memcmp(t + ms, "\xe6\x80\xbb", 3)) /* 总 */ || word_at(t, ms, me, "total"))
        return 1;
    return ms >= cs + 6 && word_at(t, ms - 6, ms, "total ");
}

/* A metric that names a loss (its amounts are positive). */
static int loss_metric(const char *id)
{
    return !strcmp(id, "metric:net-loss") || !strcmp(id, "metric:operating-loss") ||
           !strcmp(id, "metric:loss-per-share");
}

static int count_metric(link *L, const char *id, const char *name)
{
    L->metric_id = id;
    L->metric_name = name;
    L->metric_span = (earnings_span){ 0, 0 };
    L->strong = 1;
    return 1;
}

/* `North America revenue rose 11%, while international advanced 10%`: a
 * clause at cs opened by `while`/`whereas`/`but` and one or two lower-case
 * words that spell a segment of the lexicon (its id), in a sentence (from
 * ss) that already names a segment. Returns a record for it made in the
 * arena, with *ws .. *we the words; NULL when there is none (or no memory:
 * the entity is then only missed). */
static const earnings_entity *contrast_segment(ctx *c, size_t ss, size_t cs, size_t fs, size_t *ws, size_t *we)
{
    const char *t = c->nt;
    const earnings__gazetteer *g = c->doc->engine ? c->doc->engine->gazetteer : NULL;
    if (!g)
        return NULL;
    size_t i = cs + contrast_at(t, cs, fs);
    if (i == cs)
        return NULL;
    size_t w0 = i;
    int named = 0;
    for (size_t j = ent_lower(c, ss); j < c->nents && c->ents[j].norm.end <= cs; j++)
        named |= c->ents[j].type == EARNINGS_ENTITY_SEGMENT;
    if (!named)
        return NULL;
    char id[48] = "segment:";
    size_t n = 8, ends[2] = { 0, 0 }, lens[2] = { 0, 0 };
    int words = 0;
    while (words < 2 && i < fs && t[i] >= 'a' && t[i] <= 'z') {
        size_t b = i;
        while (i < fs && t[i] >= 'a' && t[i] <= 'z')
            i++;
        if (n + (i - b) + 2 >= sizeof id || (i < fs && is_alnum((unsigned char)t[i])))
            break;
        if (words)
            id[n++] = '-';
        memcpy(id + n, t + b, i - b);
        n += i - b;
        ends[words] = i;
        lens[words] = n;
        words++;
        if (i < fs && t[i] == ' ')
            i++;
        else
            break;
    }
    for (int w = words; w-- > 0;) {
        id[lens[w]] = '\0';
        const earnings__gz_entity *ge = earnings__gazetteer_lookup(g, id);
        if (!ge || ge->type != EARNINGS_ENTITY_SEGMENT)
            continue;
        earnings_entity *e = earnings__arena_alloc(&c->arena, sizeof *e);
        if (!e)
            return NULL;
        memset(e, 0, sizeof *e);
        *ws = w0;
        *we = ends[w];
        e->norm.start = *ws;
        e->norm.end = *we;
        if (earnings_normalized_map_span(c->doc->norm, *ws, *we, &e->span) != EARNINGS_OK)
            return NULL;
        e->type = EARNINGS_ENTITY_SEGMENT;
        e->match = EARNINGS_MATCH_ALIAS;
        e->id = ge->id;
        e->name = ge->name;
        e->lang = "en";
        return e;
    }
    return NULL;
}

/* A percent of the revenue mention m: a share of revenue. */
/* The share of metric id (`metric:shipments-share`, `Share of Shipments`)
 * as L's metric; 0, or EARNINGS_ENOMEM. */
static int share_metric(ctx *c, link *L, const char *id, const char *name)
{
    char sid[96], sname[96];
    snprintf(sid, sizeof sid, "%s-share", id);
    snprintf(sname, sizeof sname, "Share of %s", name);
    L->metric_id = earnings__arena_strdup(&c->arena, sid);
    L->metric_name = earnings__arena_strdup(&c->arena, sname);
    return L->metric_id && L->metric_name ? 0 : EARNINGS_ENOMEM;
}

static void revenue_share(link *L, const earnings_entity *m)
{
    L->metric_id = "metric:revenue-share";
    L->metric_name = "Share of Revenue";
    L->metric_span = m->span;
}

/* The `would` cue ending at e states what a figure would have been without
 * something: `would have been` always; `would be` (`将会是`) only after a
 * condition in the sentence from ss (`Excluding these two expenses, ...
 * would be`, `without`, `if`), for in reported speech it is an outlook
 * (`said capital expenditures would be about $800 million in fiscal 2026`). */
static int counterfactual(const ctx *c, size_t ss, size_t e)
{
    const char *t = c->nt;
    if (e >= ss + 4 && (!memcmp(t + e - 4, "have", 4) || !memcmp(t + e - 4, "been", 4)))
        return 1;
    static const char *const cond[] = { "excluding", "exclusive of", "without", "absent", "if ", "had ",
                                        "adjusting for", "adjusted for", "如果", "若", "剔除", "扣除",
                                        "不计", "不包括" };
    return any_word_in_range(t, ss, e, cond, sizeof cond / sizeof cond[0]);
}

/* The words between a year-ago cue and the figure after it make the figure
 * that year's (`去年同期为`, `a year ago: $X`), not this one's (`down 3% from
 * last year at $14.1 billion`). */
static int yearago_gap(const char *t, size_t a, size_t b)
{
    a = skip_spaces(t, a, b);
    while (b > a && t[b - 1] == ' ')
        b--;
    static const char *const ok[] = { "为", "是", "的", ":", "was", "were", "of", "it was" };
    if (a == b)
        return 1;
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++)
        if (b - a == strlen(ok[k]) && word_at(t, a, b, ok[k]))
            return 1;
    /* a short Chinese metric word and 为 (`去年同期亏损为28.7亿港元`) */
    return b - a <= 15 && (unsigned char)t[a] >= 0x80 && (!memcmp(t + b - 3, "为", 3) || !memcmp(t + b - 3, "是", 3));
}

/* i moved back over the spaces before it, not below lo. */
static size_t back_spaces(const char *t, size_t lo, size_t i)
{
    while (i > lo && t[i - 1] == ' ')
        i--;
    return i;
}

/* Does the word w end at b, starting at lo or later (an English word from a
 * word start)? */
static int word_ends_at(const char *t, size_t lo, size_t b, const char *w)
{
    size_t l = strlen(w);
    if (b < lo + l || !word_at(t, b - l, b, w))
        return 0;
    return (unsigned char)w[0] >= 0x80 || b - l == lo || !is_alnum((unsigned char)t[b - l - 1]);
}

/* Does one of the n words end right before fs (past spaces), starting at cs
 * or later? */
static int word_before_any(const char *t, size_t cs, size_t fs, const char *const *w, size_t n)
{
    size_t b = back_spaces(t, cs, fs);
    for (size_t k = 0; k < n; k++)
        if (word_ends_at(t, cs, b, w[k]))
            return 1;
    return 0;
}

/* A verb of change right before an amount at fs (from cs), with no `to`
 * between (`较年初增加214.8亿元`, `revenue rose $2 billion`, `同比减少3.1亿元`):
 * the amount is the change, not the level reached (`rose to $5 billion`,
 * `增长至98.7亿元`). */
static int change_verb_before(const char *t, size_t cs, size_t fs)
{
    static const char *const w[] = { "增加", "减少", "增长", "下降", "下滑", "提升", "提高", "降低", "减", "增",
                                     "rose", "grew", "increased", "decreased", "fell", "declined", "climbed",
                                     "jumped", "dropped", "gained", "shrank", "was up", "was down" };
    return word_before_any(t, cs, fs, w, sizeof w / sizeof w[0]);
}

/* Ratios where lower is better: an improvement is a decrease. */
static int lower_is_better(const char *id)
{
    static const char *const ids[] = { "metric:combined-ratio", "metric:efficiency-ratio", "metric:npl-ratio",
                                       "metric:expense-ratio", "metric:loss-ratio", "metric:cost-ratio" };
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++)
        if (!strcmp(id, ids[k]))
            return 1;
    return 0;
}

/* An improvement word right before fs (past a comparison word): `改善`,
 * `优化`, `improved`, `improvement of`. */
static int improved_before(const char *t, size_t cs, size_t fs)
{
    static const char *const w[] = { "改善", "优化", "improved", "improved by", "improvement of", "an improvement of",
                                     "improving", "better by" };
    return word_before_any(t, cs, fs, w, sizeof w / sizeof w[0]);
}

/* A loss stated right before a money figure at fs (from cs), of a measure
 * named as a profit (`净利润亏损2.15亿元`, `净利润为亏损`, `swung to a loss of`). */
static int loss_before(const char *t, size_t cs, size_t fs)
{
    static const char *const w[] = { "亏损", "为亏损", "净亏损", "亏损额为", "a loss of", "a net loss of",
                                     "swung to a loss of" };
    return word_before_any(t, cs, fs, w, sizeof w / sizeof w[0]);
}

/* An outflow stated right before a money figure at fs (from cs): the level
 * is negative. */
static int outflow_before(const char *t, size_t cs, size_t fs)
{
    static const char *const w[] = { "净流出", "流出", "outflow of", "outflows of", "negative", "cash burn of" };
    return word_before_any(t, cs, fs, w, sizeof w / sizeof w[0]);
}

/* Does the sentence [ss, se) state a rating or a price target (a broker's
 * note)? Its outlooks are the analyst's estimates. */
static int rating_sentence(const char *t, size_t ss, size_t se)
{
    static const char *const w[] = { "price target", "target price", "rating", "overweight", "outperform",
                                     "underweight", "underperform", "评级", "目标价", "买入", "增持", "减持" };
    return any_word_in_range(t, ss, se, w, sizeof w / sizeof w[0]);
}

/* Are value figures a and b next in a list: joined by `/`, `、`, `和`, `及`
 * or `and`? */
static int list_joined(const char *t, const earnings_figure *a, const earnings_figure *b)
{
    if (a->kind == EARNINGS_FIGURE_PERIOD || a->kind == EARNINGS_FIGURE_DATE || b->kind == EARNINGS_FIGURE_PERIOD ||
        b->kind == EARNINGS_FIGURE_DATE || a->norm.end > b->norm.start)
        return 0;
    size_t g = b->norm.start - a->norm.end;
    const char *j = t + a->norm.end;
    return (g == 1 && *j == '/') || (g == 3 && (!memcmp(j, "、", 3) || !memcmp(j, "和", 3) || !memcmp(j, "及", 3))) ||
           (g == 5 && !memcmp(j, " and ", 5)) || (g == 2 && !memcmp(j, ", ", 2)) ||
           (g == 6 && !memcmp(j, ", and ", 6));
}

/* `营业收入和归母净利润分别为45.2亿元和6.8亿元`, `同比分别增长12.5%和20.1%`,
 * `Revenue and net income were $4.5 billion and $680 million,
 * respectively`: the k-th value of a list after 分别 (or before
 * `respectively`, or of as many values right after such a list) is of the
 * k-th metric of the list named before it in the sentence (from ss); that
 * metric, or NULL when the lists differ in length or there is none. */
static const earnings_entity *respective_metric(const ctx *c, size_t fi, size_t ss)
{
    static const char fb[] = "\xE5\x88\x86\xE5\x88\xAB"; /* 分别 */
    const char *t = c->nt;
    const earnings__figure_list *fl = &c->doc->figures;
    /* the value list holding fi, and 分别 shortly before it (`分别为`,
     * `同比分别增长`) */
    size_t k0 = fi, k1 = fi;
    while (k0 > 0 && fl->items[k0 - 1].norm.start >= ss && list_joined(t, &fl->items[k0 - 1], &fl->items[k0]))
        k0--;
    while (k1 + 1 < fl->count && list_joined(t, &fl->items[k1], &fl->items[k1 + 1]))
        k1++;
    if (k1 == k0)
        return NULL;
    size_t v0 = fl->items[k0].norm.start, p = (size_t)-1;
    for (size_t i = v0; i >= ss + 6 && i + 24 >= v0; i--)
        if (!memcmp(t + i - 6, fb, 6)) {
            p = i - 6;
            break;
        }
    size_t n = k1 - k0 + 1, k = fi - k0;
    if (p == (size_t)-1) {
        /* English: `A and B were X and Y, respectively` (the list then
         * `respectively`), and a list of as many values after that one in the
         * sentence (`, respectively, up 12% and 20%`) */
        size_t e = skip_spaces(t, fl->items[k1].norm.end, c->nl);
        if (e < c->nl && t[e] == ',')
            e = skip_spaces(t, e + 1, c->nl);
        if (word_at(t, e, c->nl, "respectively")) {
            p = v0;
        } else if (k0 > 0) {
            /* the list before this one, ended by `respectively` */
            size_t j1 = k0 - 1, j0 = j1;
            while (j0 > 0 && fl->items[j0 - 1].norm.start >= ss && list_joined(t, &fl->items[j0 - 1], &fl->items[j0]))
                j0--;
            size_t e2 = skip_spaces(t, fl->items[j1].norm.end, v0);
            if (e2 < v0 && t[e2] == ',')
                e2 = skip_spaces(t, e2 + 1, v0);
            if (fl->items[j0].norm.start >= ss && j1 - j0 + 1 == n && word_at(t, e2, v0, "respectively"))
                p = fl->items[j0].norm.start;
        }
        if (p == (size_t)-1)
            return NULL;
    }
    /* the metric list before 分别: the nearest metric and those coordinated
     * with it before it */
    size_t j = ent_lower(c, p);
    while (j > 0 && !is_metric(&c->ents[j - 1]))
        j--;
    if (j == 0 || c->ents[j - 1].norm.start < ss)
        return NULL;
    size_t last = j - 1, first = last;
    while (first > 0 && is_metric(&c->ents[first - 1]) && c->ents[first - 1].norm.start >= ss &&
           c->ents[first - 1].norm.end <= c->ents[first].norm.start &&
           coordinated(t, c->ents[first - 1].norm.end, c->ents[first].norm.start))
        first--;
    if (last - first + 1 != n)
        return NULL;
    return &c->ents[first + k];
}

/* The unit that the last value of a list joined by `/` or `、` gives its
 * bare values (`归母净利润分别为290.5/321.8/352.4亿元`: CNY, 10^8;
 * `PE分别为9.8/8.9/8.1倍`: x), with its power of ten in *exp; or NULL. */
static const char *list_unit(const ctx *c, size_t fi, size_t se, int *exp)
{
    const earnings__figure_list *fl = &c->doc->figures;
    const char *t = c->nt;
    size_t i = fi;
    while (i + 1 < fl->count && fl->items[i + 1].norm.end <= se && !fl->items[i + 1].unit &&
           fl->items[i + 1].kind == EARNINGS_FIGURE_NUMBER && list_joined(t, &fl->items[i], &fl->items[i + 1]))
        i++;
    if (i + 1 >= fl->count || fl->items[i + 1].norm.end > se)
        return NULL;
    const earnings_figure *a = &fl->items[i], *last = &fl->items[i + 1];
    size_t g = last->norm.start - a->norm.end;
    if (!last->unit || last->is_range || !list_joined(t, a, last) ||
        !((g == 1 && t[a->norm.end] == '/') || (g == 3 && !memcmp(t + a->norm.end, "、", 3))))
        return NULL;
    /* the scale of the last value: its value over its written number */
    char buf[48];
    size_t n = 0;
    for (size_t k = last->num.start; k < last->num.end && n + 1 < sizeof buf; k++)
        if (c->doc->text[k] != ',')
            buf[n++] = c->doc->text[k];
    buf[n] = '\0';
    double v = strtod(buf, NULL);
    if (v <= 0 || last->value <= 0)
        return NULL;
    double r = last->value / v;
    *exp = 0;
    while (r > 5 && *exp < 12) {
        r /= 10;
        (*exp)++;
    }
    if (r < 0.999 || r > 1.001)
        return NULL;
    return last->unit;
}

/* `预计2025-2027年EPS分别为5.84/6.02/6.25元`, `EPS of $5.84/$6.02/$6.25 in
 * 2025-2027`: the k-th of n values joined by `/` or `、` takes the k-th
 * year of a span of n years (period `2025/2027`). */
static void year_of_list(const ctx *c, size_t fi, size_t se, char *period, size_t cap)
{
    if (strlen(period) != 9 || period[4] != '/')
        return;
    int y1 = atoi(period), y2 = atoi(period + 5);
    if (y2 <= y1 || y2 - y1 > 5)
        return;
    const earnings__figure_list *fl = &c->doc->figures;
    const char *t = c->nt;
    size_t k = 0, n = 1;
    for (size_t i = fi; i > 0; i--, k++) /* values before it in the list */
        if (!list_joined(t, &fl->items[i - 1], &fl->items[i]))
            break;
    for (size_t i = fi; i + 1 < fl->count && fl->items[i + 1].norm.end <= se; i++, n++)
        if (!list_joined(t, &fl->items[i], &fl->items[i + 1]))
            break;
    n += k;
    if (n != (size_t)(y2 - y1 + 1))
        return;
    /* (a year's values: `5.84/6.02/6.25元`, `PE分别为9.8/8.9/8.1倍`) */
    snprintf(period, cap, "%04dFY", y1 + (int)k);
}

/* A figure after `with` that states a lower bound of what a group holds
 * (`customers with more than $100,000 in ARR`) sets a threshold of the
 * group, not a fact. */
static int threshold_before(const char *t, size_t cs, size_t fs, size_t fe, size_t ce, int32_t qualifier)
{
    if (qualifier != EARNINGS_QUALIFIER_OVER && qualifier != EARNINGS_QUALIFIER_AT_LEAST)
        return 0;
    if (!word_at(t, fe, ce, " in "))
        return 0; /* (what the group holds: `in ARR`; not `with at least 1GW of new power coming`) */
    static const char *const group_words[] = {"with", "contributing", "generating", "spending", "paying", NULL};
    size_t b = back_spaces(t, cs, fs);
    for (int i = 0; group_words[i]; i++)
        if (word_ends_at(t, cs, b, group_words[i]))
            return 1;
    return 0;
}

/* A threshold right after `with <metric>` (`Customers with ARR over
 * $100,000`): it names a group, it is no fact. */
static int metric_threshold(const ctx *c, size_t cs, size_t fs, int32_t qualifier)
{
    if (qualifier != EARNINGS_QUALIFIER_OVER && qualifier != EARNINGS_QUALIFIER_AT_LEAST)
        return 0;
    size_t b = back_spaces(c->nt, cs, fs);
    size_t j = ent_lower(c, b);
    if (j == 0 || c->ents[j - 1].norm.end != b || !is_metric(&c->ents[j - 1]))
        return 0;
    size_t ms = c->ents[j - 1].norm.start;
    return ms >= cs + 5 && word_at(c->nt, ms - 5, fs, "with ");
}

/* A metric mention that a threshold before it measures (`customers with
 * more than $100,000 in annual recurring revenue`): not the metric of the
 * clause's later figures. */
static int threshold_object(const earnings_doc *d, size_t fi, const char *t, size_t cs, size_t ce,
                            const earnings_entity *m)
{
    if (m->norm.start >= cs + 5 && word_at(t, m->norm.start - 5, ce, "with ")) {
        /* `Customers with ARR over $100,000 grew to 1,487` */
        for (size_t k = fi; k > 0; k--) {
            const earnings_figure *q = &d->figures.items[k - 1];
            if (q->norm.start < m->norm.end)
                break;
            if (q->norm.start == m->norm.end + 1 &&
                (q->qualifier == EARNINGS_QUALIFIER_OVER || q->qualifier == EARNINGS_QUALIFIER_AT_LEAST))
                return 1;
        }
    }
    if (m->norm.start < cs + 4 || !word_at(t, m->norm.start - 4, ce, " in "))
        return 0;
    for (size_t k = fi; k > 0; k--) {
        const earnings_figure *q = &d->figures.items[k - 1];
        if (q->norm.end < m->norm.start - 4 || q->norm.start < cs)
            return 0;
        if (q->norm.end == m->norm.start - 4)
            return threshold_before(t, cs, q->norm.start, q->norm.end, ce, q->qualifier);
    }
    return 0;
}

/* Does the parenthesis [cs, fs) before a figure say that the figure is the
 * value before a revision: `(previously`, `(prior:`, `(from`, `（原为`,
 * `（此前为`, `（前值`? (`up from $89.9B YTD` compares with an actual.) */
static int revised_from(const char *t, size_t cs, size_t fs)
{
    static const char *const was[] = { "previously", "prior", "previous",
                                       "\xe5\x8e\x9f" /* 原 */,
                                       "\xe6\xad\xa4\xe5\x89\x8d" /* 此前 */,
                                       "\xe5\x89\x8d\xe5\x80\xbc" /* 前值 */ };
    size_t a = skip_spaces(t, cs, fs);
    if (word_at(t, a, fs, "from ") || word_at(t, a, fs, "was "))
        return 1;
    return any_word_in_range(t, a, fs, was, sizeof was / sizeof was[0]);
}

/* The clause that ends at cs (`, the difference between what a bank earns on
 * loans and pays on deposits,` before `rose 6%`) is an aside when it opens
 * with an article or a relative word and holds no figure: returns where it
 * opens (its comma), so that what it names is not the subject's metric;
 * otherwise cs. */
static size_t appositive_before(const ctx *c, size_t ss, size_t cs)
{
    const char *t = c->nt;
    if (cs < ss + 2 || (t[cs - 1] != ',' && !(t[cs - 1] == ' ' && t[cs - 2] == ',')))
        return cs;
    size_t close = t[cs - 1] == ',' ? cs - 1 : cs - 2;
    size_t open = close;
    while (open > ss && t[open - 1] != ',' && t[open - 1] != ';' && close - open < 200)
        open--;
    if (open <= ss || t[open - 1] != ',')
        return cs;
    size_t a = skip_spaces(t, open, close);
    static const char *const heads[] = { "the ", "a ", "an ", "which ", "who ", "or " };
    int aside = 0;
    for (size_t k = 0; k < sizeof heads / sizeof heads[0] && !aside; k++)
        aside = word_at(t, a, close, heads[k]);
    if (!aside || figure_between(c, open, close))
        return cs;
    return open - 1;
}

/* A table header cell [hs, he) that names a year with an actual or
 * estimate mark: `2024A`, `2025E`, `2026F`, `FY25E`, `FY2026E`. Returns the
 * year (0 if none); *est is 1 for an estimate. */
static int year_column(const char *t, size_t hs, size_t he, int *est)
{
    size_t a = hs, b = he;
    trim_cell(t, &a, &b);
    *est = 0;
    if (b - a >= 4 && (t[a] == 'F' || t[a] == 'f') && (t[a + 1] == 'Y' || t[a + 1] == 'y'))
        a += 2;
    size_t d = a;
    while (d < b && t[d] >= '0' && t[d] <= '9')
        d++;
    if (d + 1 != b || (d - a != 2 && d - a != 4))
        return 0;
    char m = t[d];
    if (m != 'A' && m != 'E' && m != 'F' && m != 'e')
        return 0;
    int y = atoi(t + a); /* (stops at the mark) */
    if (d - a == 2)
        y += 2000;
    if (y < 1990 || y > 2100)
        return 0;
    *est = m != 'A';
    return y;
}

/* The unit a table label [a, b) gives bare numbers: `营业收入(亿元)`
 * (CNY, 10^8), `每股收益(元)`, `Revenue ($M)`, `($ in millions)`, `(US$
 * bn)`, `市盈率(倍)` (x). Returns the currency code (or `x`) and sets
 * *exp, or NULL. */
static const char *unit_in_label(const char *t, size_t a, size_t b, int *exp)
{
    static const struct {
        const char *w;
        const char *cur;
        int exp;
    } units[] = {
        { "(亿元)", "CNY", 8 },       { "(万元)", "CNY", 4 },        { "(百万元)", "CNY", 6 },
        { "(千元)", "CNY", 3 },       { "(元)", "CNY", 0 },          { "(亿美元)", "USD", 8 },
        { "(百万美元)", "USD", 6 },   { "(美元)", "USD", 0 },        { "(亿港元)", "HKD", 8 },
        { "(百万港元)", "HKD", 6 },   { "($M)", "USD", 6 },          { "($m)", "USD", 6 },
        { "($mn)", "USD", 6 },        { "($ in millions)", "USD", 6 }, { "(in $ millions)", "USD", 6 },
        { "(US$M)", "USD", 6 },       { "(US$ m)", "USD", 6 },       { "($B)", "USD", 9 },
        { "($bn)", "USD", 9 },        { "($ in billions)", "USD", 9 }, { "(US$B)", "USD", 9 },
        { "(US$ bn)", "USD", 9 },     { "($)", "USD", 0 },
        /* multiples: `市盈率(倍)`, `P/E (x)` */
        { "(倍)", "x", 0 },           { "(x)", "x", 0 },             { "(X)", "x", 0 },
    };
    for (size_t i = a; i < b; i++) {
        if (t[i] != '(')
            continue;
        for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
            size_t l = strlen(units[k].w);
            /* (`($ in millions, except per share)`) */
            if (i + l <= b && (!memcmp(t + i, units[k].w, l) ||
                               (!memcmp(t + i, units[k].w, l - 1) && t[i + l - 1] == ','))) {
                *exp = units[k].exp;
                return units[k].cur;
            }
        }
    }
    return NULL;
}

/* The unit the label of the table row holding the cell at cs gives
 * (unit_in_label()). */
static const char *row_unit(const char *t, size_t cs, int *exp)
{
    size_t ls, le;
    return row_first_cell(t, cs, &ls, &le) ? unit_in_label(t, ls, le, exp) : NULL;
}

/* Does a table label [a, b) say its numbers are percentages (`(%)`,
 * `增减变动幅度(%)`, `% change`)? */
static int label_percent(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (t[i] == '%' && ((i > a && t[i - 1] == '(') || (i + 1 < b && t[i + 1] == ' ') || i + 1 == b))
            return 1;
    return 0;
}

/* Does a column header [a, b) head changes (`Change`, `Y/Y`, `增减变动幅度`,
 * `同比`)? 1 year over year, 2 sequential, 0 not. */
static int change_column(const char *t, size_t a, size_t b)
{
    static const char *const qoq[] = { "q/q", "qoq", "sequential", "\xe7\x8e\xaf\xe6\xaf\x94" /* 环比 */ };
    static const char *const yoy[] = { "change", "y/y", "yoy", "growth", "% chg", "var",
                                       "\xe5\xa2\x9e\xe5\x87\x8f" /* 增减 */,
                                       "\xe5\x90\x8c\xe6\xaf\x94" /* 同比 */,
                                       "\xe5\x8f\x98\xe5\x8a\xa8" /* 变动 */,
                                       "\xe5\xa2\x9e\xe9\x95\xbf" /* 增长 */ };
    if (any_word_in_range(t, a, b, qoq, sizeof qoq / sizeof qoq[0]))
        return 2;
    return any_word_in_range(t, a, b, yoy, sizeof yoy / sizeof yoy[0]);
}

/* The unit the table's corner cell gives every bare number of the table
 * (`| ($ in millions, except per share) | Q3 2025 | Q3 2024 |`). */
static const char *corner_unit(const ctx *c, size_t cs, int *exp)
{
    size_t ls, le, hs, he;
    if (!row_first_cell(c->nt, cs, &ls, &le) || !header_cell(c, ls, 1, &hs, &he))
        return NULL;
    return unit_in_label(c->nt, hs, he, exp);
}

/* The decimal string d times 10^e (e >= 0) into *out, in the arena; d
 * itself when e is 0 or d is NULL, NULL when too long to be exact. Returns
 * 0, or EARNINGS_ENOMEM. */
static int shift_decimal(ctx *c, const char *d, int e, const char **out)
{
    *out = d;
    if (!d || e <= 0)
        return 0;
    *out = NULL;
    char buf[80];
    size_t n = 0;
    const char *p = d;
    if (*p == '-' || *p == '+')
        buf[n++] = *p++;
    const char *dot = strchr(p, '.');
    size_t ip = dot ? (size_t)(dot - p) : strlen(p), fp = dot ? strlen(dot + 1) : 0;
    if (ip + fp + (size_t)e + 4 >= sizeof buf)
        return 0;
    memcpy(buf + n, p, ip);
    n += ip;
    size_t take = fp < (size_t)e ? fp : (size_t)e;
    if (take)
        memcpy(buf + n, dot + 1, take), n += take;
    for (size_t z = take; z < (size_t)e; z++)
        buf[n++] = '0';
    if (fp > take) {
        buf[n++] = '.';
        memcpy(buf + n, dot + 1 + take, fp - take);
        n += fp - take;
    }
    buf[n] = '\0';
    /* leading zeros of the integer part: `0.41` x 10 -> `04.1` -> `4.1` */
    size_t s0 = (buf[0] == '-' || buf[0] == '+') ? 1 : 0, z = s0;
    while (buf[z] == '0' && buf[z + 1] && buf[z + 1] != '.')
        z++;
    if (z > s0)
        memmove(buf + s0, buf + z, n - z + 1);
    *out = earnings__arena_strdup(&c->arena, buf);
    return *out ? 0 : EARNINGS_ENOMEM;
}

/* Figure fi in a list of n values followed by `respectively` in its
 * sentence (span sp, normalized end se), where the sentence has stated n
 * levels before the list: the fact of the level with the figure's place in
 * the list, else NULL. */
static const earnings_fact *respective_fact(const ctx *c, size_t fi, earnings_span sp, size_t se)
{
    const earnings__figure_list *fl = &c->doc->figures;
    const char *t = c->nt;
    size_t k = 0, n = 1, last = fi;
    for (size_t i = fi; i > 0 && list_joined(t, &fl->items[i - 1], &fl->items[i]); i--)
        k++;
    for (size_t i = fi; i + 1 < fl->count && fl->items[i + 1].norm.end <= se &&
                        list_joined(t, &fl->items[i], &fl->items[i + 1]);
         i++)
        n++, last = i + 1;
    n += k;
    if (n < 2)
        return NULL;
    size_t e = fl->items[last].norm.end, lim = e + 24 < se ? e + 24 : se;
    if (!word_in_range(t, e, lim, "respectively"))
        return NULL;
    size_t first = fl->items[fi - k].span.start;
    const earnings_fact *lv[8];
    size_t nl = 0;
    for (size_t i = 0; i < c->out.count; i++) {
        const earnings_fact *x = &c->out.items[i];
        if (x->sentence.start != sp.start || x->span.end > first || x->kind != EARNINGS_FACT_LEVEL)
            continue;
        if (nl == sizeof lv / sizeof lv[0])
            return NULL;
        lv[nl++] = x;
    }
    return nl == n ? lv[k] : NULL;
}

/* The stock named just before the figure at fs (direction fd), with only a
 * verb or a direction between (`shares down 5%`, `shares have lost about
 * 18%`, `the stock rose 4%`, `股价上涨6.3%`) and no metric in between. */
static int share_move(const ctx *c, size_t fs, int32_t fd)
{
    static const struct {
        const char *w;
        size_t len;
    } ws[] = { { "shares", 6 }, { "stock", 5 }, { "share price", 11 }, { "stock price", 11 }, { "股价", 6 },
               { "股票", 6 } };
    const char *t = c->nt;
    size_t a = fs > 28 ? fs - 28 : 0;
    while (a > 0 && a < fs && ((unsigned char)t[a] & 0xC0) == 0x80)
        a--; /* (a character start) */
    for (size_t i = a; i < fs; i++) {
        unsigned char ch = lower((unsigned char)t[i]);
        if (ch != 's' && ch != 0xE8)
            continue; /* (every word starts with s or 股) */
        for (size_t k = 0; k < sizeof ws / sizeof ws[0]; k++) {
            const char *w_k = ws[k].w;
            size_t l = ws[k].len;
            if (ch != (unsigned char)w_k[0])
                continue;
            if (!word_at(t, i, fs, w_k))
                continue;
            if ((unsigned char)w_k[0] < 0x80 &&
                ((i > 0 && is_alnum((unsigned char)t[i - 1])) || (i + l < c->nl && is_alnum((unsigned char)t[i + l]))))
                continue;
            /* only words of a move between: no figure, clause end or metric,
             * and a move stated (the figure's direction, or a verb of one) */
            size_t e = i + l;
            int ok = 1;
            for (size_t q = e; q < fs && ok; q++)
                if (t[q] == ',' || t[q] == ';' || t[q] == '.' || t[q] == '(' || (t[q] >= '0' && t[q] <= '9'))
                    ok = 0;
            static const char *const moved[] = { "lost", "gained", "closed", "traded", "jumped", "slid", "tumbled",
                                                 "surged", "rallied", "plunged", "soared", "涨", "跌" };
            if (ok && fd == EARNINGS_DIRECTION_NONE && !any_word_in_range(t, e, fs, moved, sizeof moved / sizeof moved[0]))
                ok = 0;
            size_t j = ent_lower(c, e);
            if (ok && j < c->nents && c->ents[j].norm.start < fs && is_metric(&c->ents[j]))
                ok = 0;
            j = ent_lower(c, i + 1); /* (not inside a metric's name: `diluted shares outstanding`; but
                                        the share price's own name is the move's: `股价上涨6.3%`) */
            if (ok && j > 0 && c->ents[j - 1].norm.end > i && is_metric(&c->ents[j - 1]) &&
                strcmp(c->ents[j - 1].id, "metric:share-price"))
                ok = 0;
            if (ok)
                return 1;
        }
    }
    return 0;
}

static int link_figure(ctx *c, size_t fi)
{
    const earnings_doc *d = c->doc;
    const earnings_figure *f = &d->figures.items[fi];
    const char *t = c->nt;
    switch (f->kind) {
    case EARNINGS_FIGURE_PERIOD:
    case EARNINGS_FIGURE_DATE:
    case EARNINGS_FIGURE_ORDINAL:
        return 0;
    default:
        break;
    }
    if (f->kind == EARNINGS_FIGURE_NUMBER && !f->is_range && f->value >= 1900 && f->value <= 2100 &&
        f->value == (double)(long long)f->value)
        return 0; /* a plain year */
    size_t fs = f->norm.start, fe = f->norm.end;
    {
        /* `$65.0 billion, plus or minus 2%`: the tolerance of a value is not
         * a fact of its own */
        size_t b = fs;
        while (b > 0 && t[b - 1] == ' ')
            b--;
        if ((b >= 13 && word_at(t, b - 13, b, "plus or minus")) || (b >= 2 && !memcmp(t + b - 2, "\xC2\xB1", 2)) ||
            (b >= 3 && !memcmp(t + b - 3, "+/-", 3)))
            return 0;
        /* `equivalent to the workload of 335 developers`: a comparison, not a count */
        if (f->kind == EARNINGS_FIGURE_QUANTITY) {
            size_t lo = b > 48 ? b - 48 : 0;
            if (word_in_range(t, lo, b, "equivalent to") || word_in_range(t, lo, b, "the equivalent of") ||
                word_in_range(t, lo, b, "the workload of"))
                return 0;
        }
        /* `two special charges`, `three specific expenses`: items counted in
         * words, named one by one elsewhere; not a fact of their own */
        if (f->kind == EARNINGS_FIGURE_QUANTITY && f->value < 10 && f->unit && !time_unit(f->unit) &&
            strcmp(f->unit, "time") && strcmp(f->unit, "fold") && strcmp(f->unit, "x") && !metric_of_unit(f->unit)) {
            static const char *const small[] = { "two ", "three ", "four ", "five ", "six ", "seven ", "eight ",
                                                 "nine " };
            for (size_t k = 0; k < sizeof small / sizeof small[0]; k++)
                if (word_at(t, fs, fe, small[k]))
                    return 0;
        }
        /* `两项特殊费用`, `三笔交易`: items counted in words, named one by one */
        if ((f->kind == EARNINGS_FIGURE_QUANTITY || f->kind == EARNINGS_FIGURE_NUMBER) && f->value < 10 &&
            fe - fs == 6 && (!memcmp(t + fs + 3, "\xE9\xA1\xB9", 3) || !memcmp(t + fs + 3, "\xE7\xAC\x94", 3) ||
                             !memcmp(t + fs + 3, "\xE7\xB1\xBB", 3))) /* 项 笔 类 */
            return 0;
        /* `连续九个季度`, `nine consecutive quarters`, `for 12 quarters in a row`:
         * a streak, not a count */
        if (f->kind == EARNINGS_FIGURE_QUANTITY && time_unit(f->unit)) {
            if ((b >= 6 && !memcmp(t + b - 6, "\xE8\xBF\x9E\xE7\xBB\xAD", 6)) || /* 连续 */
                word_at(t, fe, fe + 13 < c->nl ? fe + 13 : c->nl, " consecutive") ||
                word_at(t, fe, fe + 9 < c->nl ? fe + 9 : c->nl, " in a row") ||
                word_at(t, fe, fe + 9 < c->nl ? fe + 9 : c->nl, " straight") ||
                (b >= 12 && word_at(t, b - 12, b, "consecutive ")) || (b >= 9 && word_at(t, b - 9, b, "straight ")) ||
                word_in_range(t, fs, fe, "consecutive"))
                return 0;
        }
        /* `one of the top three grocers`, `the top 10 apps`: a rank, not a count */
        if (f->kind == EARNINGS_FIGURE_QUANTITY || f->kind == EARNINGS_FIGURE_NUMBER) {
            if (b >= 4 && word_at(t, b - 4, b, " top") && (b == fs || t[b] == ' '))
                return 0;
        }
    }
    if ((f->kind == EARNINGS_FIGURE_PERCENT || f->direction != EARNINGS_DIRECTION_NONE) &&
        share_move(c, fs, f->direction))
        return 0; /* `sending its shares down 5%`, `盘后股价上涨6.3%`: the stock's move, not a result */
    size_t si = sentence_of(d, fs);
    if (si >= d->nsentences)
        return 0;
    const earnings_sentence *sent = &d->sentences[si];
    size_t ss = sent->norm.start, se = sent->norm.end;
    if (fs < ss || fe > se)
        return 0;
    /* `came in 4% above consensus`: a difference from an estimate, not a
     * change over time (no comparison) */
    int surprise = f->kind == EARNINGS_FIGURE_PERCENT && fe < se && surprise_after(c, t, fe, se);
    if (!c->sent_cues.valid || c->sent_cues.lo != ss || c->sent_cues.hi != se)
        sent_hits_build(c->cues, t, c->nl, ss, se, &c->sent_cues);
    size_t cs, ce;
    unsigned char ldelim;
    clause_bounds(c, ss, se, fs, fe, &cs, &ce, &ldelim);
    if (c->carry_valid && c->carry_sentence != si)
        c->carry_valid = 0;

    hits before, after, sbefore;
    scan(t, cs, fs, &before);
    scan(t, fe, ce, &after);
    scan(t, ss, cs, &sbefore);

    /* ---- metric ---- */
    link L = { NULL, NULL, { 0, 0 }, NULL, 0.4, 0 };
    int metric_src = 0; /* 1 mention, 2 carry, 3 row, 4 growth default, 5 unit, 6 slug */
    int derived_ratio = 0; /* the metric is a ratio of the amount before (`, or 16.6% of revenue`) */
    size_t j0 = ent_lower(c, cs);
    if (j0 > 0 && c->ents[j0 - 1].norm.end > cs && c->ents[j0 - 1].norm.end <= fs && is_metric(&c->ents[j0 - 1]))
        j0--; /* a metric name the clause's comma cuts (`销售、一般及行政费用为25.8亿元`) */
    const earnings_entity *m_in = NULL, *m_after = NULL, *m_before = NULL;
    for (size_t j = j0; j < c->nents && c->ents[j].norm.start < ce; j++) {
        const earnings_entity *e = &c->ents[j];
        if (!is_metric(e))
            continue;
        if (e->norm.start >= fs && e->norm.end <= fe)
            m_in = m_in ? m_in : e;
        else if (e->norm.end <= fs) {
            /* (not what a measure leaves out: `EBIT before special items`) */
            if (!(m_before && e->norm.start >= cs + 7 && word_at(t, e->norm.start - 7, e->norm.start, "before ")) &&
                !threshold_object(d, fi, t, cs, ce, e))
                m_before = e;
        } else if (e->norm.start >= fe && !m_after)
            m_after = e;
    }
    if (!m_before && !m_in) {
        /* `Net interest income, the difference between ..., rose 6% to
         * $14.2 billion`: the metric that the aside follows */
        size_t ap = appositive_before(c, ss, cs);
        for (size_t j = ap < cs ? ent_lower(c, ap) : 0; ap < cs && j > 0 && c->ents[j - 1].norm.start >= ss; j--) {
            const earnings_entity *e = &c->ents[j - 1];
            if (e->norm.end == ap && is_metric(e)) {
                m_before = e;
                break;
            }
            if (e->norm.end < ap)
                break;
        }
    }
    const earnings_entity *m_paren = NULL; /* `Robotics deployment (over 1 million units)` */
    if (ldelim == '(' && skip_spaces(t, cs, fs) == fs && cs >= 2 &&
        !(f->kind == EARNINGS_FIGURE_QUANTITY && time_unit(f->unit)) &&
        !(m_in && !(f->kind == EARNINGS_FIGURE_QUANTITY && m_in->norm.end == fe)) &&
        !(m_after && short_link(t, fe, m_after->norm.start))) {
        size_t b = cs - 1; /* the '(' */
        while (b > ss && t[b - 1] == ' ')
            b--;
        /* the mention ending right there (mentions are sorted by start and
         * far shorter than 256 bytes) */
        for (size_t j = ent_lower(c, b); j > 0 && c->ents[j - 1].norm.start + 256 >= b &&
                                         c->ents[j - 1].norm.start >= ss;
             j--)
            if (c->ents[j - 1].norm.end == b && is_metric(&c->ents[j - 1])) {
                m_paren = &c->ents[j - 1];
                break;
            }
    }
    if (m_before) {
        for (size_t k = fi; k > 0; k--) {
            const earnings_figure *q = &d->figures.items[k - 1];
            if (q->kind == EARNINGS_FIGURE_PERIOD || q->kind == EARNINGS_FIGURE_DATE ||
                q->kind == EARNINGS_FIGURE_ORDINAL)
                continue;
            if (q->norm.end <= m_before->norm.start) {
                if (q->norm.start >= cs && short_link(t, q->norm.end, m_before->norm.start))
                    m_before = NULL;
                break;
            }
        }
    }
    char slug[64];
    int have_slug = 0;
    const metric_word *rel_mw = NULL; /* the metric a generic cost relates to */
    if (f->kind == EARNINGS_FIGURE_MONEY) {
        char tmp[48];
        size_t rest = fe;
        if (slug_after(t, fe, ce, tmp, sizeof tmp, &rest)) {
            snprintf(slug, sizeof slug, "metric:%s", tmp);
            have_slug = 1;
            /* `$2.5 billion in expenses related to the FTC legal settlement`:
             * a generic cost takes the metric of what it relates to */
            static const char *const generic[] = { "expenses", "expense", "charges", "charge", "costs", "cost" };
            static const char *const rel[] = { "related to ", "relating to ", "associated with ", "tied to ",
                                               "for " };
            int gen = 0;
            for (size_t k = 0; k < sizeof generic / sizeof generic[0]; k++)
                gen |= !strcmp(tmp, generic[k]);
            for (size_t k = 0; k < sizeof rel / sizeof rel[0] && gen; k++) {
                if (!word_at(t, rest, ce, rel[k]))
                    continue;
                size_t a = rest + strlen(rel[k]), b = a + 60 < ce ? a + 60 : ce, ws, we;
                const metric_word *mw = metric_word_near(c->mws, t, a, b, b, b, &ws, &we);
                if (mw) {
                    rel_mw = mw;
                    break;
                }
            }
        }
    }
    const earnings_entity *m = NULL;
    int ratio_of = 0; /* `0.38% of average loans` */
    if (m_paren) {
        m = m_paren;
        L.strong = 1;
    } else if (m_in) {
        m = m_in;
        L.strong = 1;
    } else if (m_before && m_after && fs >= m_before->norm.end + 4 && fs <= m_before->norm.end + 5 &&
               !memcmp(t + m_before->norm.end, " of", 3) && short_link(t, fe, m_after->norm.start)) {
        /* `capital expenditures of approximately $125 billion in cash`:
         * the metric the figure is of */
        m = m_before;
        L.strong = 1;
    } else if (m_before && m_after && f->kind == EARNINGS_FIGURE_PERCENT && m_after->norm.start <= fe + 16 &&
               fe + 4 <= m_after->norm.start && !memcmp(t + fe, " of ", 4) &&
               strcmp(m_after->id, "metric:revenue") && strcmp(m_after->id, "metric:paid-units")) {
        /* `net charge-offs were 0.38% of average loans`: the named metric,
         * as a ratio to the one after `of` */
        m = m_before;
        L.strong = 1;
        ratio_of = 1;
    } else if (m_after && short_link(t, fe, m_after->norm.start) &&
               !(m_before && (unsigned char)t[m_after->norm.start] >= 0x80 && fe < m_after->norm.start &&
                 t[fe] == ' ')) {
        /* (not a Chinese metric after a space, with one before the figure:
         * `三季度营收同比增长9% 净利润超预期`, a title's next item) */
        m = m_after;
        L.strong = 1;
    } else if (m_before && (!have_slug || short_link(t, m_before->norm.end, fs)) &&
               !(f->kind == EARNINGS_FIGURE_QUANTITY && (f->flags & EARNINGS_FIGURE_FLAG_COUNT) &&
                 metric_of_unit(f->unit))) {
        /* (a counted noun of the figure names what is counted: `2,300
         * cities` after `active users`; a measure does not: `shipments
         * were 12.1 GW`) */
        m = m_before;
        L.strong = fs - m_before->norm.end <= 40;
    }
    {
        const earnings_entity *rm = respective_metric(c, fi, ss);
        if (rm) {
            m = rm;
            L.strong = 1;
        }
    }
    size_t mn_s = 0, mn_e = 0; /* the metric mention, normalized */
    int from_context = 0;
    if ((f->kind == EARNINGS_FIGURE_QUANTITY || f->kind == EARNINGS_FIGURE_BPS || f->kind == EARNINGS_FIGURE_PP ||
         f->kind == EARNINGS_FIGURE_MONEY) &&
        f->unit) {
        /* a verb or noun next to the count names it: `downloaded over 1
         * million times`, `saved 700,000 hours`, `minutes of playback`; it
         * outranks a metric named elsewhere in the clause (`Developers saved`) */
        size_t lo = fs > cs + 48 ? fs - 48 : cs, hi = fe + 24 < ce ? fe + 24 : ce;
        for (size_t k = 0; k < sizeof context_metrics / sizeof context_metrics[0] && !metric_src; k++) {
            const context_metric *cm = &context_metrics[k];
            if (!str_eq(cm->unit, f->kind == EARNINGS_FIGURE_MONEY ? "money" : f->unit))
                continue;
            if (!(f->kind == EARNINGS_FIGURE_QUANTITY && word_in_range(t, lo, fs, cm->word)) &&
                !word_in_range(t, fe, hi, cm->word))
                continue; /* (a rate change: only the words after it, `90 bp currency effect`) */
            if (cm->also && !word_in_range(t, cs, ce, cm->also))
                continue;
            L.metric_id = cm->id;
            L.metric_name = cm->name;
            metric_src = 5;
            from_context = 1;
        }
    }
    if (!from_context && (f->kind == EARNINGS_FIGURE_PERCENT || is_fraction(f)) && cs + 3 <= fs) {
        /* `占总收入的近90%`, `占总营收的比例约为三分之一`: a share of revenue */
        size_t lo = fs > cs + 48 ? fs - 48 : cs; /* (`占游戏总收入的比重提升至28%`) */
        for (size_t i = lo; i + 3 <= fs && !from_context; i++) {
            if (memcmp(t + i, "\xE5\x8D\xA0", 3)) /* 占 */
                continue;
            if (i + 6 <= fs && !memcmp(t + i + 3, "\xE6\xAF\x94", 3)) {
                /* `Cloud revenue 占比 41%`: 占比 right after a revenue mention */
                size_t b = i;
                while (b > cs && t[b - 1] == ' ')
                    b--;
                for (size_t j = ent_lower(c, b > 24 ? b - 24 : 0); j < c->nents && c->ents[j].norm.start < b; j++)
                    if (c->ents[j].norm.end == b && !strcmp(c->ents[j].id, "metric:revenue")) {
                        revenue_share(&L, &c->ents[j]);
                        metric_src = 1;
                        from_context = 1;
                        break;
                    }
                continue;
            }
            size_t j = ent_lower(c, i + 3);
            /* (past a segment word: `占游戏总收入的比重`) */
            while (j + 1 < c->nents && c->ents[j].norm.start <= i + 9 && !is_metric(&c->ents[j]) &&
                   c->ents[j + 1].norm.start <= c->ents[j].norm.end + 3)
                j++;
            if (j < c->nents && c->ents[j].norm.start <= i + 15 && c->ents[j].norm.end <= fs &&
                !strcmp(c->ents[j].id, "metric:revenue")) {
                revenue_share(&L, &c->ents[j]);
                metric_src = 1;
                from_context = 1;
            } else if (j < c->nents && c->ents[j].norm.start <= i + 9 && c->ents[j].norm.end <= fs &&
                       is_metric(&c->ents[j]) && !ratio_metric(c->ents[j].id) &&
                       c->ents[j].norm.end + 3 <= fs && !memcmp(t + c->ents[j].norm.end, "的", 3)) {
                /* `占总交付量的近两成`: a share of another total */
                const earnings_entity *q = &c->ents[j];
                if (share_metric(c, &L, q->id, q->name) < 0)
                    return EARNINGS_ENOMEM;
                L.metric_span = q->span;
                metric_src = 1;
                from_context = 1;
            }
        }
    }
    if (!from_context && f->kind == EARNINGS_FIGURE_PERCENT && fe + 4 < ce && !memcmp(t + fe, " of ", 4)) {
        /* `accounted for 62% of global product sales`: a share of revenue,
         * with up to three words between `of` and the revenue mention */
        size_t a = fe + 4, words = 0;
        for (size_t j = ent_lower(c, a); j < c->nents && c->ents[j].norm.start < ce; j++) {
            const earnings_entity *q = &c->ents[j];
            if (!is_metric(q))
                continue;
            for (size_t i = a; i < q->norm.start; i++)
                words += t[i] == ' ';
            if (!strcmp(q->id, "metric:revenue") && words <= 3 && q->norm.start - a <= 32) {
                revenue_share(&L, q);
                metric_src = 1;
                from_context = 1; /* (the mention below does not override it) */
            } else if (!strcmp(q->id, "metric:paid-units") && words <= 3 && q->norm.start - a <= 32 &&
                       f->direction == EARNINGS_DIRECTION_NONE) {
                /* `accounted for 62% of units sold`: a share of the units */
                L.metric_id = "metric:unit-share";
                L.metric_name = "Share of Units";
                L.metric_span = q->span;
                metric_src = 1;
                from_context = 1;
            }
            break;
        }
    }
    if (!from_context && f->unit && !strcmp(f->unit, "x") && f->kind != EARNINGS_FIGURE_PERCENT) {
        /* `28x our FY26 EPS estimate`, `trades at 11x 2026 EBITDA`: a
         * valuation multiple of the measure named after it */
        const char *vid, *vname;
        const earnings_entity *vm = valuation_multiple(c, fi, ce, &vid, &vname);
        if (vm && !strcmp(vid, "metric:ev-ebitda") && c->fact_sentence == si + 1 && c->fact_metric &&
            strstr(c->fact_metric, "debt") && c->fact_end <= fs && fs - c->fact_end <= 24 &&
            !figure_between(c, c->fact_end, fs)) {
            /* `net debt was $3.4 billion, or 2.1 times EBITDA`, `net debt of
             * £640m, representing 1.3x EBITDA`: leverage */
            vid = "metric:leverage-ratio";
            vname = "Leverage Ratio";
        }
        if (vm) {
            L.metric_id = vid;
            L.metric_name = vname;
            L.metric_span = vm->span;
            metric_src = 1;
            from_context = 1;
        }
    }
    if (m && !from_context) {
        L.metric_id = m->id;
        L.metric_name = m->name;
        L.metric_span = m->span;
        metric_src = 1;
        mn_s = m->norm.start;
        mn_e = m->norm.end;
        if (m == m_after && f->kind == EARNINGS_FIGURE_PERCENT && !strcmp(m->id, "metric:revenue") &&
            fe + 4 <= m->norm.start && !memcmp(t + fe, " of ", 4)) {
            /* `47% of total revenue`: a share of revenue, not revenue */
            L.metric_id = "metric:revenue-share";
            L.metric_name = "Share of Revenue";
        }
    }
    if (!metric_src) {
        /* a metric word of the clause (`segment margins compressed to`) */
        size_t ws, we;
        const metric_word *mw = metric_word_near(c->mws, t, cs, ce, fs, fe, &ws, &we);
        if (mw && !have_slug) {
            L.metric_id = mw->id;
            L.metric_name = mw->name;
            earnings_span sp;
            if (earnings_normalized_map_span(d->norm, ws, we, &sp) == EARNINGS_OK)
                L.metric_span = sp;
            metric_src = 7;
        }
    }
    if (f->kind == EARNINGS_FIGURE_PERCENT && f->direction == EARNINGS_DIRECTION_NONE && L.metric_id &&
        (!strcmp(L.metric_id, "metric:revenue-share") ||
         (metric_src == 7 && !strcmp(L.metric_id, "metric:operating-margin")))) {
        /* `operating income was $52 million, or 11.4% of revenue`, `free
         * cash flow of $38.5 million, a margin of 8.4%`, `SG&A expenses were
         * 21.3% of net sales`: the measure's ratio to revenue, not a share */
        int bare_margin = metric_src == 7;
        const char *mid = NULL, *mname = NULL;
        earnings_span msp = L.metric_span;
        if (!bare_margin && m_before && !revenue_entity(m_before) && !ratio_metric(m_before->id) &&
            !figure_between(c, m_before->norm.end, fs)) {
            mid = m_before->id;
            mname = m_before->name;
            msp = m_before->span;
        } else if (c->fact_sentence == si + 1 && c->fact_kind == EARNINGS_FACT_LEVEL && c->fact_metric &&
                   c->fact_metric_name && c->fact_end <= fs && fs - c->fact_end <= 32 &&
                   c->fact_money && !figure_between(c, c->fact_end, fs) && !revenue_id(c->fact_metric) &&
                   !ratio_metric(c->fact_metric)) {
            size_t a = c->fact_end;
            while (a < fs && (t[a] == ' ' || t[a] == ','))
                a++;
            if (a == fs || bare_margin || word_at(t, a, fs, "or ") || word_at(t, a, fs, "representing ") ||
                word_at(t, a, fs, "equal to ") || word_at(t, a, fs, "equivalent to ") || word_at(t, a, fs, "a ") ||
                word_at(t, a, fs, "for a margin of ") || word_at(t, a, fs, "\xE5\x8D\xA0") /* 占 */) {
                mid = c->fact_metric;
                mname = c->fact_metric_name;
            }
        }
        if (mid) {
            const char *rid, *rname;
            derived_ratio = 1;
            if (derived_metric(0, mid, &rid, &rname)) {
                L.metric_id = rid;
                L.metric_name = rname;
                L.metric_span = msp;
                metric_src = 1;
            } else if (!bare_margin) {
                char sid[96], sname[128];
                snprintf(sid, sizeof sid, "%s-to-revenue", mid);
                snprintf(sname, sizeof sname, "%s to Revenue", mname);
                L.metric_id = earnings__arena_strdup(&c->arena, sid);
                L.metric_name = earnings__arena_strdup(&c->arena, sname);
                if (!L.metric_id || !L.metric_name)
                    return EARNINGS_ENOMEM;
                L.metric_span = msp;
                metric_src = 1;
            }
        }
    }
    if (!metric_src && cs > ss && (f->kind == EARNINGS_FIGURE_MONEY || f->kind == EARNINGS_FIGURE_PERCENT)) {
        /* the nearest metric earlier in the sentence when no value figure
         * stands between it and this one (`Trainium 芯片的性价比,...,也具备约40%
         * 的优势`) */
        size_t prev_end = ss;
        for (size_t k = fi; k > 0; k--) {
            const earnings_figure *q = &d->figures.items[k - 1];
            if (q->norm.end <= ss)
                break;
            if (q->kind != EARNINGS_FIGURE_PERIOD && q->kind != EARNINGS_FIGURE_DATE &&
                q->kind != EARNINGS_FIGURE_ORDINAL) {
                prev_end = q->norm.end;
                break;
            }
        }
        const earnings_entity *sm = NULL;
        size_t upto = appositive_before(c, ss, cs); /* (not what the aside names) */
        for (size_t j = ent_lower(c, prev_end); j < c->nents && c->ents[j].norm.end <= upto; j++)
            if (is_metric(&c->ents[j]) &&
                !(c->ents[j].norm.start <= prev_end + 2 && per_share_after(t, prev_end, cs)) &&
                !(prev_end > ss && c->ents[j].norm.start <= prev_end + 20 && word_at(t, prev_end, cs, " of ")) &&
                !threshold_object(d, fi, t, ss, ce, &c->ents[j]))
                sm = &c->ents[j]; /* (not the previous amount's `per diluted share`, nor the whole
                                   * of a share before: `38% of total sales, up from 34%`) */
        if (sm) {
            L.metric_id = sm->id;
            L.metric_name = sm->name;
            L.metric_span = sm->span;
            metric_src = 7;
        }
    }
    int row_kind = 0;
    link rowL = L;
    if (metric_src) {
    } else if (ldelim == '|' && (row_kind = row_metric(c, cs, &rowL)) >= 2) {
        L = rowL; /* a table cell: the metric of the row's label (or a growth row's, of the row above) */
        metric_src = 3;
    } else if (c->carry_valid && c->carry_metric_id &&
               (c->carry_clause_start != cs || estimate_between(c, c->carry_fig_end, fs) ||
                to_pair(c, fi) || parallel_change(c, fi) || bare_baseline(c, fi, ss)) &&
               !(f->kind == EARNINGS_FIGURE_QUANTITY && metric_of_unit(f->unit)) &&
               /* (a count of things does not take an amount's measure: `revenue
                  grew 24% to $412 million; 96 system placements`) */
               !(counted_noun(f) && c->fact_money && c->fact_sentence == si + 1)) {
        L.metric_id = c->carry_metric_id;
        L.metric_name = c->carry_metric_name;
        L.metric_span = c->carry_metric_span;
        metric_src = 2;
    } else if (row_kind == 1) {
        L = rowL; /* a metric named in the row's first cell */
        metric_src = 3;
    }
    int col_metric = 0; /* the metric of the column's header */
    size_t col_hs = 0, col_he = 0;
    if (!metric_src && ldelim == '|' && table_header_cell(c, cs, &col_hs, &col_he)) {
        /* a metric named in the column's header cell (`| Segment | Revenue
         * | Y/Y |` ... `| Freight | $2.10B | +3% |`) */
        for (size_t j = ent_lower(c, col_hs); j < c->nents && c->ents[j].norm.start < col_he; j++)
            if (is_metric(&c->ents[j]) && c->ents[j].norm.end <= col_he) {
                L.metric_id = c->ents[j].id;
                L.metric_name = c->ents[j].name;
                L.metric_span = c->ents[j].span;
                metric_src = 3;
                col_metric = 1;
                break;
            }
    }
    if (!metric_src && ldelim == '|' && (f->kind == EARNINGS_FIGURE_MONEY || f->kind == EARNINGS_FIGURE_PERCENT)) {
        /* a table under a caption that names its measure (`Revenue by
         * segment:`, `分部收入`) whose rows and columns name none */
        const earnings_entity *cm = table_caption_metric(c, cs);
        if (cm) {
            L.metric_id = cm->id;
            L.metric_name = cm->name;
            L.metric_span = cm->span;
            metric_src = 3;
        }
    }
    if (!metric_src) {
        size_t ws, we;
        const metric_word *mw = metric_word_near(c->mws, t, cs, ce, fs, fe, &ws, &we);
        if (mw) {
            L.metric_id = mw->id;
            L.metric_name = mw->name;
            earnings_span sp;
            if (earnings_normalized_map_span(d->norm, ws, we, &sp) == EARNINGS_OK)
                L.metric_span = sp;
            metric_src = 7;
        }
    }
    if (!metric_src && f->kind == EARNINGS_FIGURE_PERCENT && f->direction != EARNINGS_DIRECTION_NONE &&
        c->ell_unit && c->carry_valid && c->carry_sentence == si && c->ell_metric_id) {
        /* `4,150 customers contributing ..., up 19%`: the change of the
         * count the sentence gave */
        L.metric_id = c->ell_metric_id;
        L.metric_name = c->ell_metric_name;
        metric_src = 2;
    }
    if (!metric_src && f->kind == EARNINGS_FIGURE_PERCENT) {
        /* "20% growth", "growth of 20%", "grew 20%": revenue growth */
        int g = (has(&after, CUE_GROWTH) && after.first[CUE_GROWTH] <= fe + 32) ||
                (has(&before, CUE_GROWTH) && before.last_end[CUE_GROWTH] + 10 >= fs) ||
                f->comparison == EARNINGS_COMPARISON_YOY || f->comparison == EARNINGS_COMPARISON_QOQ;
        if (g) {
            L.metric_id = "metric:revenue";
            L.metric_name = "Revenue";
            metric_src = 4;
        }
    }
    if (!metric_src && f->kind == EARNINGS_FIGURE_MONEY && fi > 0 && fs >= cs + 4 &&
        d->figures.items[fi - 1].kind == EARNINGS_FIGURE_PERCENT && d->figures.items[fi - 1].norm.end + 4 == fs &&
        !memcmp(t + fs - 4, " to ", 4) && has(&before, CUE_GROWTH)) {
        /* `International grew 6% to $1.2 billion`: the level the growth
         * reached, of the same metric */
        L.metric_id = "metric:revenue";
        L.metric_name = "Revenue";
        metric_src = 4;
    }
    if (!metric_src && ce < se && t[ce] == ',' && ldelim == ',') {
        /* an appositive amount and what it relates to: `The first expense,
         * $2.5 billion, relates to a legal settlement` */
        static const char *const rel[] = { " relates to ", " related to ", " is related to ", " was related to ",
                                           " is for ", " was for ", " reflects ", " stems from " };
        for (size_t k = 0; k < sizeof rel / sizeof rel[0] && !metric_src; k++) {
            size_t l = strlen(rel[k]);
            if (ce + 1 + l > se || memcmp(t + ce + 1, rel[k], l))
                continue;
            size_t a = ce + 1 + l, b = a + 40 < se ? a + 40 : se;
            const earnings_entity *rm = NULL;
            for (size_t j = ent_lower(c, a); j < c->nents && c->ents[j].norm.start < b && !rm; j++)
                if (is_metric(&c->ents[j]))
                    rm = &c->ents[j];
            size_t ws, we;
            const metric_word *mw = rm ? NULL : metric_word_near(c->mws, t, a, b, a, a, &ws, &we);
            earnings_span sp;
            if (rm) {
                L.metric_id = rm->id;
                L.metric_name = rm->name;
                L.metric_span = rm->span;
                metric_src = 7;
            } else if (mw && earnings_normalized_map_span(d->norm, ws, we, &sp) == EARNINGS_OK) {
                L.metric_id = mw->id;
                L.metric_name = mw->name;
                L.metric_span = sp;
                metric_src = 7;
            }
        }
    }
    int points = f->kind == EARNINGS_FIGURE_BPS || f->kind == EARNINGS_FIGURE_PP ||
                 (f->kind == EARNINGS_FIGURE_QUANTITY && f->unit && !strcmp(f->unit, "point"));
    if (points && (!metric_src || (metric_src <= 2 && !strcmp(L.metric_id, "metric:revenue")))) {
        /* `AWS revenue grew 20.2%. This represents a 270 basis point
         * improvement`, `grew 38%, accelerating 2 points`, `growth
         * accelerated by 200 basis points`, `增速为38%，环比加速2个百分点`: a
         * change of the growth rate */
        static const char *const moves[] = { "improvement", "acceleration", "deceleration", "increase", "decrease",
                                             "expansion", "decline", "uptick", "slowdown" };
        static const char *const speed[] = { "accelerat", "decelerat", "re-accelerat", "reaccelerat", "slowed",
                                             "\xe5\x8a\xa0\xe9\x80\x9f" /* 加速 */,
                                             "\xe6\x94\xbe\xe7\xbc\x93" /* 放缓 */,
                                             "\xe6\x8f\x90\xe9\x80\x9f" /* 提速 */ };
        static const char *const growth_words[] = { "growth", "\xe5\xa2\x9e\xe9\x80\x9f" /* 增速 */,
                                                    "\xe5\xa2\x9e\xe5\xb9\x85" /* 增幅 */ };
        size_t hi = fe + 20 < ce ? fe + 20 : ce, lo = fs > cs + 32 ? fs - 32 : cs;
        int after_growth = c->fact_sentence && c->fact_sentence >= si && c->fact_kind == EARNINGS_FACT_GROWTH &&
                           c->fact_metric && !strcmp(c->fact_metric, "metric:revenue");
        int move_after = any_word_in_range(t, fe, hi, moves, sizeof moves / sizeof moves[0]);
        int sped = any_word_in_range(t, lo, fs, speed, sizeof speed / sizeof speed[0]);
        if ((after_growth && (move_after || sped)) ||
            (sped && any_word_in_range(t, ss, fs, growth_words, sizeof growth_words / sizeof growth_words[0]))) {
            L.metric_id = "metric:revenue-growth";
            L.metric_name = "Revenue Growth";
            metric_src = 5;
        }
    }
    if (!metric_src && f->kind == EARNINGS_FIGURE_QUANTITY && time_unit(f->unit)) {
        /* a duration before what it measures, one word between at most:
         * `4-day inbound lead time` */
        size_t ws = 0, we = 0, hi = fe + 40 < ce ? fe + 40 : ce;
        const metric_word *mw = NULL;
        /* from the figure's end and each word start after it: any one word
         * may stand between (metric_word_near() alone wants link words) */
        for (size_t i = fe; i + 2 < hi && i <= fe + 12 && !mw; i++)
            if (i == fe || t[i - 1] == ' ')
                mw = metric_word_near(c->mws, t, i, hi, i, i, &ws, &we);
        earnings_span sp;
        if (mw && ws <= fe + 12 && earnings_normalized_map_span(d->norm, ws, we, &sp) == EARNINGS_OK) {
            L.metric_id = mw->id;
            L.metric_name = mw->name;
            L.metric_span = sp;
            metric_src = 7;
        }
    }
    if (!metric_src && f->kind == EARNINGS_FIGURE_QUANTITY) {
        /* the counted noun names a metric: `300+ edge locations` */
        size_t ws, we;
        const metric_word *mw = metric_word_near(c->mws, t, fs, fe, fe, fe, &ws, &we);
        earnings_span sp;
        if (mw && ws > fs && earnings_normalized_map_span(d->norm, ws, we, &sp) == EARNINGS_OK) {
            L.metric_id = mw->id;
            L.metric_name = mw->name;
            L.metric_span = sp;
            metric_src = 5;
        }
    }
    if (!metric_src && counted_noun(f) && !metric_of_unit(f->unit)) {
        /* a count of a thing no lexicon names a measure for: the count of
         * those (`96 system placements` -> Placements) */
        char id[64], name[64];
        if (count_metric_of(f->unit, id, sizeof id, name, sizeof name)) {
            L.metric_id = earnings__arena_strdup(&c->arena, id);
            L.metric_name = earnings__arena_strdup(&c->arena, name);
            if (!L.metric_id || !L.metric_name)
                return EARNINGS_ENOMEM;
            metric_src = 5;
        }
    }
    if (!metric_src) {
        const unit_metric *um = metric_of_unit(f->unit);
        if (um) {
            L.metric_id = um->id;
            L.metric_name = um->name;
            metric_src = 5;
            if (!strcmp(um->id, "metric:vehicles")) {
                /* vehicles delivered or produced: the verb before them says which */
                for (size_t i = cs; i + 7 <= fs; i++) {
                    if (word_at(t, i, fs, "deliver") || word_at(t, i, fs, "交付")) {
                        L.metric_id = "metric:deliveries";
                        L.metric_name = "Deliveries";
                    } else if (word_at(t, i, fs, "produc") || word_at(t, i, fs, "生产")) {
                        L.metric_id = "metric:production";
                        L.metric_name = "Production";
                    }
                }
            }
        }
    }
    const char *ell_unit = NULL;
    int shop_count = 0; /* `开设了三家`: the shops of a store format */
    if (f->kind == EARNINGS_FIGURE_NUMBER && !f->unit && !(metric_src == 1 && L.strong) && c->carry_valid &&
        c->ell_unit && c->carry_clause_start != cs && !f->is_range && f->value >= c->ell_value / 100 &&
        f->value <= c->ell_value * 100 &&
        ((has(&before, CUE_LEVEL) && before.last_end[CUE_LEVEL] + 2 >= fs) ||
         (fs >= cs + 6 && word_at(t, fs - 6, fs, "reach ")))) {
        /* `1,000 cities ..., and will reach 2,300 by year-end`, `50 多万块芯片
         * (未来将增至100 万块)`: the count of the previous figure */
        metric_src = count_metric(&L, c->ell_metric_id, c->ell_metric_name);
        ell_unit = c->ell_unit;
    }
    if (f->kind == EARNINGS_FIGURE_NUMBER && !f->unit && !(metric_src == 1 && L.strong)) {
        const unit_metric *um = number_of_before(t, cs, fs);
        if (um) {
            metric_src = count_metric(&L, um->id, um->name);
            ell_unit = um->unit;
        }
    }
    if (f->kind == EARNINGS_FIGURE_NUMBER && !f->unit && !(metric_src == 1 && L.strong) && !f->is_range &&
        fe >= fs + 3 && !memcmp(t + fe - 3, "家", 3) && fs >= ss + 6) {
        /* `已开设了三家`: a count with the classifier for shops right after
         * an opening verb is a store count */
        size_t v = fs;
        if (v >= ss + 3 && !memcmp(t + v - 3, "了", 3))
            v -= 3;
        if (v >= ss + 6 && (!memcmp(t + v - 6, "开设", 6) || !memcmp(t + v - 6, "新开", 6) ||
                            !memcmp(t + v - 6, "开业", 6) || !memcmp(t + v - 3, "开", 3))) {
            metric_src = count_metric(&L, "metric:store-count", "Store Count");
            ell_unit = "门店";
            shop_count = 1;
        }
    }
    int per_share = f->kind == EARNINGS_FIGURE_MONEY && per_share_after(t, fe, ce);
    if (per_share && (!metric_src || !strcmp(L.metric_id, "metric:net-income") ||
                      !strcmp(L.metric_id, "metric:operating-income") || !strcmp(L.metric_id, "metric:revenue"))) {
        /* `net income of $3.2 billion, or $2.41 per share`, `expected
         * earnings of $2.30 a share`, `$1.20 to $1.45 per share`: earnings
         * per share */
        metric_src = count_metric(&L, "metric:eps", "Earnings Per Share");
        have_slug = 0;
    } else if (per_share && (!strcmp(L.metric_id, "metric:net-loss") || !strcmp(L.metric_id, "metric:operating-loss"))) {
        /* `net loss was $45 million, or $0.31 per share` */
        metric_src = count_metric(&L, "metric:loss-per-share", "Loss per Share");
        have_slug = 0;
    }
    const earnings_fact *resp = NULL;
    if (f->kind == EARNINGS_FIGURE_PERCENT && !(metric_src == 1 && L.strong) &&
        (resp = respective_fact(c, fi, sent->span, se)) != NULL) {
        /* `produced 118,400 vehicles and delivered 121,300 vehicles, up 14%
         * and 17% respectively`: the k-th of the listed changes is of the
         * sentence's k-th level */
        L.metric_id = resp->metric_id;
        L.metric_name = resp->metric_name;
        L.metric_span = resp->metric_span;
        L.strong = 1;
        metric_src = 1;
        have_slug = 0;
    }
    if (have_slug && (!metric_src || metric_src == 2)) {
        metric_src = 6;
        L.metric_span = (earnings_span){ 0, 0 };
    }
    if (!metric_src)
        return 0;
    if (threshold_before(t, cs, fs, fe, ce, f->qualifier) || metric_threshold(c, cs, fs, f->qualifier))
        return 0; /* a threshold that names a group (`customers with more than $100,000 in ARR`,
                     `customers with ARR over $100,000`) */
    /* `活跃买家数为8.95亿，较上季度净增1200万`, `adding 1.2 million`: a count
     * added to the one the sentence gave just before */
    int added_count = f->kind == EARNINGS_FIGURE_NUMBER && metric_src == 2 && c->carry_sentence == si &&
                      has(&before, CUE_ADD) && before.last_end[CUE_ADD] + 2 >= fs && c->fact_sentence == si + 1 &&
                      !c->fact_money && c->fact_kind == EARNINGS_FACT_LEVEL;
    if (f->kind == EARNINGS_FIGURE_NUMBER && !(metric_src == 1 && L.strong) && !added_count &&
        !(metric_src == 3 && (row_kind == 2 || row_kind == 3 || col_metric) && !f->is_range &&
          cell_is_figure(t, cs, ce, fs, fe)))
        return 0; /* a bare number: only with its metric, or alone in a metric row's or column's cell */
    if (f->kind == EARNINGS_FIGURE_QUANTITY && time_unit(f->unit) && fs >= 5) {
        /* `in the first six months`, `over the past 12 months`, `the last
         * three quarters`: a span of time, not a measure */
        static const char *const span_lead[] = { "first", "past", "last", "next", "coming", "trailing",
                                                 "previous", "prior", "preceding" };
        if (fs > 0 && t[fs - 1] == ' ' && word_before_any(t, 0, fs, span_lead, sizeof span_lead / sizeof span_lead[0]))
            return 0;
        /* `the six months ended June 30`, `three months ending`: a period */
        if (word_at(t, fe, c->nl, " ended ") || word_at(t, fe, c->nl, " ending ") ||
            word_at(t, fe, c->nl, " through ") || word_at(t, fe, c->nl, " to date"))
            return 0;
    }
    if (f->kind == EARNINGS_FIGURE_QUANTITY && time_unit(f->unit) &&
        f->direction == EARNINGS_DIRECTION_NONE && !(metric_src == 1 && L.strong) && !from_context) {
        /* a duration, unless what it measures is named (`saved 700,000
         * hours`) or follows it (`4-day inbound lead time`) */
        if (metric_src != 7 || !L.metric_span.end || L.metric_span.start < f->span.end ||
            L.metric_span.start > f->span.end + 12)
            return 0;
    }
    if (metric_src == 6 && rel_mw) {
        L.metric_id = rel_mw->id;
        L.metric_name = rel_mw->name;
    } else if (metric_src == 6) {
        char *id = earnings__arena_strdup(&c->arena, slug);
        if (!id)
            return EARNINGS_ENOMEM;
        L.metric_id = id;
        L.metric_name = id + 7;
    }
    int growth_metric = !strcmp(L.metric_id, "metric:revenue-growth");

    /* ---- entity ---- */
    const earnings_entity *ent = entity_before(c, cs, fs, fs, fe);
    int ent_src = ent ? 1 : 0;
    earnings_span ent_span = { 0, 0 };
    int ent_span_set = 0;
    if (!ent_src) {
        /* a segment named in lower case (`while international advanced`) */
        size_t ws = 0, we = 0;
        const earnings_entity *sw = segment_word_before(c, cs, fs, &ws, &we);
        if (!sw)
            sw = contrast_segment(c, ss, cs, fs, &ws, &we);
        if (sw && earnings_normalized_map_span(d->norm, ws, we, &ent_span) == EARNINGS_OK) {
            ent = sw;
            ent_src = 1;
            ent_span_set = 1;
        }
    }
    if (!ent && c->carry_valid && c->carry_clause_start != cs) {
        /* an entity named since the carried figure takes over (`with
         * Spotify, ... 400 million ...; with SiriusXM, brands can reach 160
         * million`) */
        const earnings_entity *mid =
            c->carry_fig_end < cs ? entity_before(c, c->carry_fig_end, cs, fs, fe) : NULL;
        if (mid && !fronted_topic(t, mid, ss, cs) && !clause_subject(c, mid, ss))
            mid = NULL;
        ent = mid ? mid : c->carry_entity;
        ent_src = mid ? 3 : 2;
    }
    if (!ent_src) {
        /* the entity inside or right after the figure ("$200B AWS backlog") */
        for (size_t j = ent_lower(c, fs); j < c->nents && c->ents[j].norm.start < ce; j++)
            if (entity_is_subject(&c->ents[j]) && short_link(t, fe, c->ents[j].norm.start)) {
                ent = &c->ents[j];
                ent_src = 1;
                break;
            }
    }
    if (!ent_src) {
        ent = entity_before(c, ss, cs, fs, fe);
        ent_src = ent ? 3 : 0;
    }
    int table_row = 0;
    if (c->ls_sentence != si + 1) { /* the sentence's line start, once per sentence */
        c->ls_sentence = si + 1;
        c->ls_value = line_start(t, ss, 0);
    }
    const size_t sent_line = c->ls_value;
    {
        size_t l0 = skip_spaces(t, sent_line, se);
        table_row = l0 < se && t[l0] == '|';
    }
    scan_headings(c, ss);
    if (!ent_src && table_row) {
        /* the entity the row's first cell names (`| Freight | $2.10B |`) */
        /* (the cell is the name, bold or with a parenthesis after it; not
         * `| **Target Scale** |`) */
        size_t a0, a1;
        row_first_cell(t, cs, &a0, &a1);
        int closed = a1 < cs && t[a1] == '|';
        trim_cell(t, &a0, &a1);
        if (closed)
            for (size_t j = ent_lower(c, a0); j < c->nents && c->ents[j].norm.start == a0; j++) {
                const earnings_entity *q = &c->ents[j];
                if (entity_is_subject(q) && (q->norm.end == a1 || (q->norm.end + 2 <= a1 && t[q->norm.end] == ' ' &&
                                                                   t[q->norm.end + 1] == '('))) {
                    ent = q;
                    ent_src = 3;
                    break;
                }
            }
    }
    if (!ent_src && !table_row && !opens_with_metric(c, ss, se)) {
        /* subject carry-over from the previous sentence of the paragraph */
        if (c->dem_sentence != si + 1) { /* (once per sentence) */
            c->dem_sentence = si + 1;
            c->dem_product = demonstrative_product_scan(c, si);
        }
        int found = 0;
        const earnings_entity *pe = prev_subject(c, si, &found);
        if (found) {
            ent = pe;
            ent_src = 4;
        }
        if (found && ent && ent->type != EARNINGS_ENTITY_ORG && metric_src == 1 && mn_e > mn_s &&
            total_mention(t, cs, mn_s, mn_e))
            ent = NULL; /* `Full-year total revenues were`: the company's, not the product's before */
    }
    if (!ent && (!ent_src || ent_src == 4) && c->main && !table_row) {
        /* no subject of its own, or `the company`/`公司`: the company that
         * last opened a sentence of the line (`比亚迪预计... 公司资本开支`),
         * else the document's */
        const earnings_entity *po = org_opening_since(c, ss, sent_line);
        if (po) {
            ent = po;
            ent_src = 4;
        }
    }
    if (!ent_src && c->heading_ent) {
        /* the section's entity (`## AWS Infrastructure`) */
        ent = c->heading_ent;
        ent_src = 4;
    }
    if (shop_count && ent_src != 1) {
        /* the store format named last (this or the previous sentence),
         * else the one named later in the sentence */
        size_t lo = si > 0 ? d->sentences[si - 1].norm.start : ss;
        const earnings_entity *fmt = NULL;
        for (size_t j = ent_lower(c, lo); j < c->nents && c->ents[j].norm.start < se; j++) {
            const earnings_entity *q = &c->ents[j];
            if (q->type != EARNINGS_ENTITY_PRODUCT && q->type != EARNINGS_ENTITY_SEGMENT)
                continue;
            if (q->norm.end <= fs || !fmt)
                fmt = q;
            if (q->norm.start >= fe)
                break;
        }
        if (fmt) {
            ent = fmt;
            ent_src = 3;
        }
    }
    if (ent && (ent_src == 2 || ent_src == 4) &&
        (ent->type == EARNINGS_ENTITY_PRODUCT || ent->type == EARNINGS_ENTITY_PERSON ||
         ent->type == EARNINGS_ENTITY_SEGMENT) &&
        company_metric(L.metric_id))
        ent = paragraph_org(c, ss); /* company-wide figures are not a carried product's: the company's
                                     * (the one the paragraph names, else the document's) */
    if (ent && (ent->type == EARNINGS_ENTITY_PRODUCT || ent->type == EARNINGS_ENTITY_SEGMENT) && c->main &&
        company_metric(L.metric_id) == 2)
        ent = NULL; /* nor a named segment's, for the metrics only the company has */
    if (ent && ent->type == EARNINGS_ENTITY_ORG && ent != c->main && c->main && company_metric(L.metric_id) &&
        (!c->main->id || !ent->id || strcmp(ent->id, c->main->id)) && counterparty(t, ss, ent))
        ent = NULL; /* the other party of a settlement does not pay its charges: the company does */
    if (ent && ent->type == EARNINGS_ENTITY_ORG && ent != c->main && c->main && has(&before, CUE_EXCLUDING) &&
        ent->norm.start >= before.last_end[CUE_EXCLUDING] && counterparty(t, ss, ent) &&
        aside_closed(c, before.last_end[CUE_EXCLUDING], fs))
        ent = NULL; /* an organization inside the excluded items is not the subject */
    if (ent && ent->type == EARNINGS_ENTITY_ORG && c->main && c->main->id && ent->id &&
        strcmp(ent->id, c->main->id) && !strcmp(L.metric_id, "metric:price-target")) {
        /* a broker's price target is on the covered company: the one named
         * `on X` in the sentence, else the document's */
        const earnings_entity *on = NULL;
        for (size_t j = ent_lower(c, ss); j < c->nents && c->ents[j].norm.start < se && !on; j++)
            if (c->ents[j].type == EARNINGS_ENTITY_ORG && c->ents[j].norm.start >= 3 &&
                word_at(t, c->ents[j].norm.start - 3, c->ents[j].norm.start, "on "))
                on = &c->ents[j];
        ent = on;
    }
    if (!strcmp(L.metric_id, "metric:chips-deployed")) {
        /* chips are counted where they run: `Project Rainier ... 500,000
         * Trainium2 chips`, not the chip's product or the customer */
        const earnings_entity *h = host_of_chips(c, si, fs, fe);
        if (h) {
            ent = h;
            ent_src = 3;
        }
    }
    if (!ent && !c->main)
        return 0; /* no entity: not a fact */

    /* ---- kind and value ---- */
    earnings_fact x;
    memset(&x, 0, sizeof x);
    x.kind = EARNINGS_FACT_LEVEL;
    int by_before = has(&before, CUE_BY) && before.last_end[CUE_BY] + 2 >= fs;
    int by_after = has(&after, CUE_BY) && after.first[CUE_BY] <= fe + 2;
    if (by_after && word_at(t, after.first[CUE_BY], ce, "by ")) {
        /* `by year-end`, `by the end of`, `by 2027`: a date, not a change */
        size_t b = after.first[CUE_BY] + 3;
        if (word_at(t, b, ce, "year") || word_at(t, b, ce, "the end") || word_at(t, b, ce, "end") ||
            word_at(t, b, ce, "q") || (b < ce && t[b] >= '0' && t[b] <= '9'))
            by_after = 0;
    }
    if (by_before && f->direction == EARNINGS_DIRECTION_NONE && word_at(t, before.last[CUE_BY], fs, "by ")) {
        /* `impacted by $4.3B`: an agent, not the size of a change */
        size_t b = before.last[CUE_BY];
        while (b > cs && t[b - 1] == ' ')
            b--;
        if (b >= cs + 2 && t[b - 1] == 'd' && t[b - 2] == 'e' && !(b >= cs + 5 && word_at(t, b - 5, fs, "added")))
            by_before = 0;
    }
    int add_after = has(&after, CUE_ADD) && f->kind == EARNINGS_FIGURE_QUANTITY;
    if (!by_before && !by_after && f->direction != EARNINGS_DIRECTION_NONE && !f->is_range &&
        fi + 1 < d->figures.count) {
        /* `increased $2 billion to $30 billion`, `净增1,200家至1.5万家`: the
         * change, then the level it reached */
        const earnings_figure *nx = &d->figures.items[fi + 1];
        size_t q = skip_spaces(t, fe, ce);
        size_t r = word_at(t, q, ce, "to ")                                      ? q + 3
                   : (q + 3 <= ce && (!memcmp(t + q, "\xe8\x87\xb3", 3) || !memcmp(t + q, "\xe5\x88\xb0", 3))) ? q + 3
                                                                                 : 0;
        if (r && nx->norm.start == skip_spaces(t, r, ce) && nx->kind == f->kind)
            by_after = 1;
    }
    int row_add = 0;
    if (ldelim == '|') {
        /* `| **Added Capacity (12M)** | 3.8GW |`: the row label's cue */
        size_t ls = line_start(t, cs, cs > 4096 ? cs - 4096 : 0);
        size_t l0 = skip_spaces(t, ls, cs);
        if (l0 < cs && t[l0] == '|') {
            size_t le = l0 + 1;
            while (le < cs && t[le] != '|')
                le++;
            if (le < cs) {
                hits rh;
                scan(t, l0 + 1, le, &rh);
                row_add = has(&rh, CUE_ADD);
            }
        }
    }
    int lvl_before = has(&before, CUE_LEVEL) && before.last_end[CUE_LEVEL] + 2 >= fs;
    switch (f->kind) {
    case EARNINGS_FIGURE_PP:
    case EARNINGS_FIGURE_BPS:
        x.kind = EARNINGS_FACT_CHANGE;
        break;
    case EARNINGS_FIGURE_PERCENT:
        if (growth_metric)
            x.kind = EARNINGS_FACT_GROWTH;
        else if (ratio_metric(L.metric_id))
            x.kind = (has(&after, CUE_GROWTH) && after.first[CUE_GROWTH] <= fe + 12) ? EARNINGS_FACT_GROWTH
                                                                                     : EARNINGS_FACT_LEVEL;
        else if (share_after(t, fe, ce) || ratio_of)
            x.kind = EARNINGS_FACT_LEVEL; /* `62% of total`: a share, not a change */
        else if (share_before(t, cs, fs)) {
            x.kind = EARNINGS_FACT_LEVEL; /* `海外出货占比约45%`: the share of what the metric counts */
            if (!strstr(L.metric_id, "share") && share_metric(c, &L, L.metric_id, L.metric_name) < 0)
                return EARNINGS_ENOMEM;
        } else {
            x.kind = EARNINGS_FACT_GROWTH;
        }
        break;
    default:
        if (((by_before || by_after) && !lvl_before) ||
            (((has(&before, CUE_ADD) && !figure_between(c, before.last_end[CUE_ADD], fs)) || add_after ||
              (ldelim == '(' && has(&sbefore, CUE_ADD) && sbefore.last_end[CUE_ADD] + 16 >= cs)) &&
             f->kind == EARNINGS_FIGURE_QUANTITY) ||
            (f->direction != EARNINGS_DIRECTION_NONE && by_before) || change_of_before(t, cs, fs) ||
            (f->direction != EARNINGS_DIRECTION_NONE && !lvl_before && !f->is_range &&
             (f->kind == EARNINGS_FIGURE_MONEY || f->kind == EARNINGS_FIGURE_QUANTITY) &&
             change_verb_before(t, cs, fs)) ||
            (row_add && f->kind == EARNINGS_FIGURE_QUANTITY) || added_count)
            x.kind = EARNINGS_FACT_CHANGE;
        if (f->kind == EARNINGS_FIGURE_QUANTITY && time_unit(f->unit) && f->direction != EARNINGS_DIRECTION_NONE)
            x.kind = EARNINGS_FACT_CHANGE;
        break;
    }
    if (f->unit && !strcmp(f->unit, "x") && f->kind != EARNINGS_FIGURE_PERCENT && !ratio_metric(L.metric_id))
        x.kind = EARNINGS_FACT_GROWTH; /* `2.5 times higher`, `fourfold`: a multiple of a baseline (not a
                                          ratio's level: `a book-to-bill ratio of 1.2x`) */
    if (f->kind == EARNINGS_FIGURE_QUANTITY && f->unit && !strcmp(f->unit, "point") &&
        (ratio_metric(L.metric_id) || growth_metric) && !ell_unit) {
        /* `gross margin percentage decreased about 2 points`: percentage
         * points of a ratio */
        x.kind = EARNINGS_FACT_CHANGE;
        ell_unit = "pp";
    }
    if (growth_metric && (x.kind == EARNINGS_FACT_GROWTH || f->kind == EARNINGS_FIGURE_MONEY)) {
        /* (`收入增长5.2%至88.1亿元`: the growth, then the revenue reached) */
        L.metric_id = "metric:revenue";
        L.metric_name = "Revenue";
    }
    int row_exp = 0;
    const char *row_cur = NULL;
    int pct_cell = 0; /* a bare number under a percentage label (`| 增减变动幅度(%) |`) */
    int pct_chg = 0;  /* ... in a column of changes: 1 year over year, 2 sequential */
    if (f->kind == EARNINGS_FIGURE_NUMBER && !f->unit && ldelim == '|') {
        size_t hs2, he2, ls2, le2;
        int col = table_header_cell(c, cs, &hs2, &he2);
        int chg = col ? change_column(t, hs2, he2) : 0;
        if ((col && label_percent(t, hs2, he2)) ||
            (!col_metric && row_first_cell(t, cs, &ls2, &le2) && label_percent(t, ls2, le2))) {
            pct_cell = 1;
            ell_unit = "%";
            if (!chg && row_kind == 3)
                chg = change_column(t, ls2, le2) == 2 ? 2 : 1;
            if (chg) {
                x.kind = EARNINGS_FACT_GROWTH;
                pct_chg = chg;
            }
        }
    }
    if (f->kind == EARNINGS_FIGURE_NUMBER && !f->unit && ldelim == '|' && metric_src == 3 && !pct_cell) {
        row_cur = col_metric ? unit_in_label(t, col_hs, col_he, &row_exp) : row_unit(t, cs, &row_exp);
        if (!row_cur && !col_metric)
            row_cur = corner_unit(c, cs, &row_exp);
    }
    if (f->kind == EARNINGS_FIGURE_NUMBER && !f->unit && !row_cur && !pct_cell && !ell_unit)
        row_cur = list_unit(c, fi, se, &row_exp); /* `290.5/321.8/352.4亿元` */
    int negative = (x.kind != EARNINGS_FACT_LEVEL) &&
                   (f->direction == EARNINGS_DIRECTION_DOWN || change_of_before(t, cs, fs) < 0 ||
                    (has(&after, CUE_BY) && after.first[CUE_BY] <= fe + 2 &&
                     (word_at(t, after.first[CUE_BY], ce, "reduction") || word_at(t, after.first[CUE_BY], ce, "lower") ||
                      word_at(t, after.first[CUE_BY], ce, "less") || word_at(t, after.first[CUE_BY], ce, "fewer"))));
    if (x.kind == EARNINGS_FACT_LEVEL && f->kind == EARNINGS_FIGURE_MONEY && !f->is_range && f->value > 0 &&
        outflow_before(t, cs, fs))
        negative = 1; /* `自由现金流为净流出人民币219亿元`, `a net outflow of $2 billion` */
    if (x.kind != EARNINGS_FACT_LEVEL && L.metric_id && lower_is_better(L.metric_id) && improved_before(t, cs, fs))
        negative = 1; /* `综合成本率...同比改善0.9个百分点`, `the efficiency ratio improved 120 basis points`:
                         a cost ratio that improves goes down */
    if (x.kind == EARNINGS_FACT_LEVEL && f->kind == EARNINGS_FIGURE_MONEY && !f->is_range && f->value > 0 &&
        L.metric_id && !strstr(L.metric_id, "loss") && loss_before(t, cs, fs))
        negative = 1; /* `归母净利润亏损2.15亿元`: a profit measure's loss */
    double sign = negative ? -1.0 : 1.0;
    x.value = negative ? -earnings__fabs(f->value) : f->value;
    x.low = negative ? -earnings__fabs(f->low) : f->low;
    x.high = negative ? -earnings__fabs(f->high) : f->high;
    if (negative && f->is_range) { /* keep low <= high */
        double tmp = x.low;
        x.low = x.high;
        x.high = tmp;
        x.value = x.low;
    }
    (void)sign;
    int flip_exact = 0, flat_range = 0;
    if (x.kind == EARNINGS_FACT_LEVEL && !f->is_range && x.value < 0 && loss_metric(L.metric_id)) {
        /* `net loss was $(45) million`: the parentheses mark the loss that
         * the metric already names; its amount */
        x.value = -x.value;
        x.low = -x.low;
        x.high = -x.high;
        flip_exact = 1;
    }
    x.is_range = f->is_range;
    x.value_exact = negative && f->is_range ? f->high_exact : f->value_exact;
    x.low_exact = negative ? f->high_exact : f->low_exact;
    x.high_exact = negative ? f->low_exact : f->high_exact;
    if (flip_exact) {
        if (x.value_exact && x.value_exact[0] == '-')
            x.value_exact++;
        if (x.low_exact && x.low_exact[0] == '-')
            x.low_exact++;
        if (x.high_exact && x.high_exact[0] == '-')
            x.high_exact++;
    }
    static const char *const flat_to[] = { "flat to a", "flat to an", "flat to" };
    if (x.kind == EARNINGS_FACT_GROWTH && f->kind == EARNINGS_FIGURE_PERCENT && !f->is_range &&
        f->direction == EARNINGS_DIRECTION_FLAT && word_before_any(t, cs, fs, flat_to, 3)) {
        /* `flat to a 1% decline`, `flat to a 2% increase`: the range from no
         * change to the value */
        size_t q = skip_spaces(t, fe, ce);
        int down = word_at(t, q, ce, "decline") || word_at(t, q, ce, "decrease") || word_at(t, q, ce, "drop");
        int up = word_at(t, q, ce, "increase") || word_at(t, q, ce, "growth") || word_at(t, q, ce, "rise") ||
                 word_at(t, q, ce, "gain");
        if (down || up) {
            double v = earnings__fabs(f->value);
            x.is_range = 1;
            x.low = down ? -v : 0;
            x.high = down ? 0 : v;
            x.value = x.low;
            x.value_exact = x.low_exact = x.high_exact = NULL;
            x.direction = down ? EARNINGS_DIRECTION_DOWN : EARNINGS_DIRECTION_UP;
            flat_range = 1;
        }
    }
    if (f->kind == EARNINGS_FIGURE_NUMBER && !f->unit && !ell_unit && mn_e > mn_s && metric_src == 1)
        ell_unit = unit_in_mention(t, mn_s, mn_e); /* `Satellite count expanded to over 150` */
    x.unit = ell_unit ? ell_unit : f->unit;
    if (row_cur) {
        /* a bare number in a row whose label gives the unit (`| 营业收入(亿元) | 120.5 |`) */
        double scale = 1;
        for (int e = 0; e < row_exp; e++)
            scale *= 10;
        x.value *= scale;
        x.low *= scale;
        x.high *= scale;
        x.unit = row_cur;
        if (shift_decimal(c, x.value_exact, row_exp, &x.value_exact) ||
            shift_decimal(c, x.low_exact, row_exp, &x.low_exact) ||
            shift_decimal(c, x.high_exact, row_exp, &x.high_exact))
            return EARNINGS_ENOMEM;
    }
    x.qualifier = f->qualifier;
    if (x.qualifier == EARNINGS_QUALIFIER_NONE && has(&before, CUE_OVERVERB) &&
        before.last_end[CUE_OVERVERB] + 2 >= fs)
        x.qualifier = EARNINGS_QUALIFIER_OVER; /* `surpassed $1 billion` */
    if (!flat_range)
        x.direction = f->direction;
    x.comparison = EARNINGS_COMPARISON_NONE;
    int span = 0; /* change_span() of a rate change */
    if (x.kind != EARNINGS_FACT_LEVEL) {
        x.comparison = f->comparison;
        int nontemporal = has(&after, CUE_COMPARATOR) && after.first[CUE_COMPARATOR] <= fe + 40;
        int multiple = f->unit && !strcmp(f->unit, "x");
        /* growth, and a change of a rate in bp or pp (`margin up 320 basis
         * points`), without a stated baseline is year over year; a change
         * over a span (`700 basis points over ten quarters`) is not */
        int rate_change = x.kind == EARNINGS_FACT_CHANGE && f->unit &&
                          (!strcmp(f->unit, "bp") || !strcmp(f->unit, "pp"));
        span = rate_change ? change_span(c, fi, ss, se) : 0;
        if ((x.kind == EARNINGS_FACT_GROWTH || (rate_change && !span)) &&
            x.comparison == EARNINGS_COMPARISON_NONE && !nontemporal && !has(&before, CUE_COMPARATOR) &&
            !multiple && !crosssection_metric(L.metric_id))
            x.comparison = EARNINGS_COMPARISON_YOY;
        /* `quarterly revenue growth of 150%`, `since last quarter`,
         * `compared to the previous quarter`: sequential */
        if (x.comparison != EARNINGS_COMPARISON_QOQ && f->comparison != EARNINGS_COMPARISON_YOY &&
            ((has(&before, CUE_QUARTERLY) && x.kind == EARNINGS_FACT_GROWTH) ||
             ((has(&before, CUE_LASTQ) || has(&after, CUE_LASTQ)) && lastq_baseline(c, cs, ce)) ||
             (has(&sbefore, CUE_LASTQ) && lastq_baseline(c, ss, cs))))
            x.comparison = EARNINGS_COMPARISON_QOQ;
        int bc = baseline_comparison(c, fi, ce);
        if (bc)
            x.comparison = bc; /* `up 22% from Q2`, `up 62% from Q3 2024` */
        if (surprise)
            x.comparison = EARNINGS_COMPARISON_NONE;
        if (pct_chg && f->comparison == EARNINGS_COMPARISON_NONE)
            x.comparison = pct_chg == 2 ? EARNINGS_COMPARISON_QOQ : EARNINGS_COMPARISON_YOY;
        if (f->comparison == EARNINGS_COMPARISON_NONE) {
            /* a balance against an earlier date: `较年初增长7.4%`, `up 3% since
             * the start of the year` (no yoy), `较上半年末提升4.2个百分点`,
             * `from the end of the prior quarter` (sequential) */
            if (has(&before, CUE_SINCEYEAR) || has(&after, CUE_SINCEYEAR))
                x.comparison = EARNINGS_COMPARISON_NONE;
            else if (has(&before, CUE_SINCEQTR) || has(&after, CUE_SINCEQTR))
                x.comparison = EARNINGS_COMPARISON_QOQ;
        }
    }

    /* ---- period ---- */
    char period[24] = "";
    int inferred = 0, have_period = 0;
    int money = f->kind == EARNINGS_FIGURE_MONEY || row_cur;
    const earnings_figure *p = period_near(c, fi, cs, ce);
    if (p) {
        period_from_figure(c, p, money, period, sizeof period);
        have_period = 1;
        same_span_year(c, p, period, sizeof period);
        if (strlen(p->period) == 4) {
            /* `by year-end 2025`: the year's last quarter */
            hits yh;
            scan(t, cs, ce, &yh);
            if (has(&yh, CUE_YEAREND))
                snprintf(period, sizeof period, "%.4sQ4", p->period);
        }
    }
    size_t hs = 0, he = 0;
    int in_table = ldelim == '|' && table_header_cell(c, cs, &hs, &he);
    hits head;
    head.mask = 0;
    int header_est = 0; /* the column is an estimate's (`2025E`) */
    if (in_table) {
        scan(t, hs, he, &head);
        if (!have_period) /* `2026 Target`: the column's, not the row's; `Q3 2024`, `上年同期` */
            inferred = have_period = column_period(c, hs, he, money, period, sizeof period);
        int y, est;
        if (!have_period && (y = year_column(t, hs, he, &est)) != 0) {
            /* `| 指标 | 2024A | 2025E |`, `FY26E`: the year, actual or estimated */
            snprintf(period, sizeof period, "%04dFY", y); /* (a fiscal year, whatever the measure) */
            inferred = have_period = 1;
            header_est = est;
        }
    }
    /* period cues after the figure count up to the next value figure
     * (`32.9% from 39.5% last quarter`: the cue is the baseline's), and an
     * outlook cue right before the next value is that value's (`500,000 and
     * soon to be 1 million chips`) */
    size_t ae = ce;
    for (size_t k = fi + 1; k < d->figures.count && d->figures.items[k].norm.start < ce; k++) {
        int kk = d->figures.items[k].kind;
        if (kk != EARNINGS_FIGURE_PERIOD && kk != EARNINGS_FIGURE_DATE && kk != EARNINGS_FIGURE_ORDINAL &&
            !(kk == EARNINGS_FIGURE_QUANTITY && time_unit(d->figures.items[k].unit))) {
            ae = d->figures.items[k].norm.start;
            break;
        }
    }
    int year_before = 0; /* a level of a year before in a document of no known year: no period */
    int ya_bare = 0;     /* the year-ago period of a bare baseline (bare_baseline()) */
    if (!have_period && x.kind == EARNINGS_FACT_LEVEL && (c->quarter || c->period[0])) {
        /* a level a year before: `compared with $46.2 billion in the
         * year-ago quarter`, `versus 46.2 percent a year ago`, `去年同期为` */
        hits ya;
        scan(t, fe, ae, &ya);
        char ya_period[24];
        int ya_inf;
        /* or in the clause after it, over a per-share amount beside it:
         * `versus $2.8 billion, or $2.05 per share, a year earlier` */
        int ya_next = 0;
        size_t pos = ce;
        for (int hop = 0; hop < 2 && !ya_next && pos < se && t[pos] == ','; hop++) {
            size_t q0 = skip_spaces(t, pos + 1, se);
            hits yn;
            scan(t, q0, q0 + 48 < se ? q0 + 48 : se, &yn);
            if (has(&yn, CUE_YEARAGO) && yn.first[CUE_YEARAGO] <= q0 + 16 && /* (`in the same period a year earlier`) */
                !figure_between(c, q0, yn.first[CUE_YEARAGO])) { /* (not another figure's: `, up 6% from a year ago`) */
                /* (the clause is only that: not `a year earlier it was`) */
                size_t ye = skip_spaces(t, yn.last_end[CUE_YEARAGO], se);
                ya_next = ye >= se || t[ye] == ',' || t[ye] == '.' || t[ye] == ';' || t[ye] == ')';
                break;
            }
            if (!word_at(t, q0, se, "or "))
                break;
            const earnings_figure *nq = fi + 1 < d->figures.count ? &d->figures.items[fi + 1] : NULL;
            if (!nq || nq->norm.start != skip_spaces(t, q0 + 3, se) ||
                !((nq->kind == EARNINGS_FIGURE_MONEY && per_share_after(t, nq->norm.end, se)) ||
                  (nq->kind == EARNINGS_FIGURE_PERCENT && word_at(t, nq->norm.end, se, " of "))))
                break; /* (or a ratio of it: `, or 15.2% of revenue, a year earlier`) */
            pos = nq->norm.end;
            while (pos < se && t[pos] != ',' && t[pos] != ';')
                pos++;
        }
        int named_ya = (has(&ya, CUE_YEARAGO) && ya.first[CUE_YEARAGO] <= fe + 40) || ya_next ||
                       (has(&before, CUE_YEARAGO) && before.last_end[CUE_YEARAGO] + 16 >= fs &&
                        yearago_gap(t, before.last_end[CUE_YEARAGO], fs));
        if (!named_ya && bare_baseline(c, fi, ss) && !period_from_cues(c, &ya, ya_period, sizeof ya_period, &ya_inf))
            ya_bare = 1;
        int py, pq;
        if ((named_ya || ya_bare) && c->fact_sentence == si + 1 && c->fact_period && !c->fact_period_from_doc &&
            c->fact_metric && L.metric_id && !strcmp(c->fact_metric, L.metric_id) &&
            parse_period(c->fact_period, &py, &pq) && py > 1900 && strlen(c->fact_period) < sizeof period &&
            strcmp(c->fact_period, c->period) != 0) {
            /* the same span a year before the value it is compared with
             * (`前三季度经营现金流为6.14亿元，上年同期为-1.27亿元`: 2024YTD) */
            snprintf(period, sizeof period, "%04d%s", py - 1, c->fact_period + 4);
            have_period = inferred = 1;
        } else if (named_ya || ya_bare) {
            size_t pl = strlen(c->period);
            if (c->year && pl > 4 && c->period[4] != 'Q') {
                /* the same span a year before: `2024H1`, `2024YTD`, `2024FY` */
                snprintf(period, sizeof period, "%04d%s", c->year - 1, c->period + 4);
                have_period = inferred = 1;
            } else if (c->year && c->quarter) {
                snprintf(period, sizeof period, "%04dQ%d", c->year - 1, c->quarter);
                have_period = inferred = 1;
            } else {
                year_before = 1;
            }
        }
    }
    if (!have_period) {
        hits clause = before, lim;
        scan(t, fs, ae, &lim); /* the figure's own words count (`250 million annual active users`) */
        clause.mask |= lim.mask;
        if (has(&clause, CUE_LASTQ) && lastq_baseline(c, cs, ce))
            clause.mask &= ~(1u << CUE_LASTQ); /* a baseline, not the period */
        have_period = period_from_cues(c, &clause, period, sizeof period, &inferred);
    }
    if (!have_period && ce < se && t[ce] == '(') {
        /* a period opening the parenthesis that ends the clause: `4-day
         * reduction YoY (9M 2025)`, `grew 12% (Q3 2025)` */
        size_t pe = ce + 1;
        while (pe < se && pe < ce + 40 && t[pe] != ')')
            pe++;
        if (pe < se && t[pe] == ')' && (p = period_near(c, fi, cs, pe + 1)) != NULL &&
            p->norm.start == skip_spaces(t, ce + 1, pe)) {
            period_from_figure(c, p, money, period, sizeof period);
            have_period = 1;
        }
    }
    if (!have_period && x.kind == EARNINGS_FACT_LEVEL) {
        /* a balance as of a quarter's last day (`As of September 30, 2025,
         * cash was`, `截至2025年9月30日`): that quarter */
        const earnings__figure_list *fl = &d->figures;
        for (size_t k = figure_from(fl, ss); k < fl->count && fl->items[k].norm.start < se; k++) {
            const earnings_figure *q = &fl->items[k];
            if (q->kind != EARNINGS_FIGURE_DATE || !q->period)
                continue;
            size_t pl = strlen(q->period);
            int no_year = pl == 7 && q->period[0] == '-' && q->period[1] == '-'; /* `--09-30` */
            if ((pl != 10 && !no_year) || (no_year && !c->year) || (!no_year && q->period[0] == '-'))
                continue;
            int aside = !no_year && aside_date(c, q, fs);
            if (!aside && !as_of_before(t, ss, q->norm.start))
                continue;
            int qn = quarter_end(q->period + (no_year ? 2 : 5));
            if (aside && qn == 4 && strlen(c->period) > 4 && (c->period[4] == 'H' || c->period[4] == 'F')) {
                /* `(31 December 2024: £338.4m)` in a half-year report: the year-end balance */
                snprintf(period, sizeof period, "%.4sFY", q->period);
                have_period = 1;
                inferred = 0;
                break;
            }
            if (qn && q->period[0] == '-') {
                /* `截至9月30日` in a report on 2025: that year's */
                snprintf(period, sizeof period, "%04dQ%d", c->year, qn);
                have_period = 1;
                inferred = 1;
            } else if (qn) {
                snprintf(period, sizeof period, "%.4sQ%d", q->period, qn);
                have_period = 1;
                inferred = 0;
            }
            break;
        }
    }
    if (!have_period && ce < se && t[ce] == ',' && x.kind == EARNINGS_FACT_LEVEL) {
        /* a clause after it that names only a period (`compared with $431
         * million, or $1.44 per diluted share, for the third quarter of
         * 2024`), past a per-share amount beside the value */
        static const char *const lead_w[] = { "for the ", "in the ", "during the ", "for ", "in ", "during " };
        const earnings__figure_list *fl = &d->figures;
        size_t pos = ce, nfi = fi + 1;
        for (int hop = 0; hop < 2 && pos < se && t[pos] == ','; hop++) {
            size_t q0 = skip_spaces(t, pos + 1, se), q = q0;
            for (size_t k = 0; k < sizeof lead_w / sizeof lead_w[0]; k++)
                if (word_at(t, q0, se, lead_w[k])) {
                    q = q0 + strlen(lead_w[k]);
                    break;
                }
            size_t a = figure_from(fl, q);
            if (q > q0 && a < fl->count && fl->items[a].norm.start == q && fl->items[a].kind == EARNINGS_FIGURE_PERIOD &&
                fl->items[a].period) {
                size_t e = skip_spaces(t, fl->items[a].norm.end, se);
                if (e >= se || t[e] == ',' || t[e] == '.' || t[e] == ';' || t[e] == ')') {
                    period_from_figure(c, &fl->items[a], money, period, sizeof period);
                    have_period = 1;
                    inferred = 0;
                }
                break;
            }
            if (!word_at(t, q0, se, "or ") || nfi >= fl->count)
                break;
            const earnings_figure *nq = &fl->items[nfi];
            if (nq->norm.start != skip_spaces(t, q0 + 3, se) || nq->kind != EARNINGS_FIGURE_MONEY ||
                !per_share_after(t, nq->norm.end, se))
                break;
            pos = nq->norm.end;
            while (pos < se && t[pos] != ',' && t[pos] != ';')
                pos++;
            nfi++;
        }
    }
    /* a list item under a lead-in (`For Q4 2025, Amazon guided to:`) */
    int in_lead = 0;
    hits lead;
    lead.mask = 0;
    if (c->lead_valid) {
        size_t ls = line_start(t, fs, ss > 4096 ? ss - 4096 : 0);
        size_t l0 = skip_spaces(t, ls, fs);
        if (l0 < fs && bullet_at(t, l0, fs)) {
            in_lead = 1;
            scan(t, c->lead_s, c->lead_e, &lead);
        }
    }
    if (!have_period && in_lead) {
        have_period = period_in(c, c->lead_s, c->lead_e, money, period, sizeof period);
        inferred = have_period; /* the lead-in's, not the sentence's */
        if (!have_period)
            have_period = period_from_cues(c, &lead, period, sizeof period, &inferred);
    }
    if (!have_period && cs > ss && (p = period_near(c, fi, ss, cs)) != NULL && strlen(p->period) == 4 &&
        lead_year(t, ss, cs, p)) {
        /* a year that opens the sentence scopes it (`For 2025, the company
         * expects ...`, `Outlook 2025 confirmed: ...`): its fiscal year */
        snprintf(period, sizeof period, "%sFY", p->period);
        have_period = 1;
        inferred = 0;
    }
    int clause_period = have_period; /* named in the figure's clause, table column or lead-in */
    if (!have_period && (p = period_near(c, fi, ss, cs)) != NULL &&
        (strlen(p->period) != 4 || same_span_year(c, p, period, sizeof period))) {
        if (strlen(p->period) != 4)
            period_from_figure(c, p, money, period, sizeof period);
        have_period = 1;
        /* named in the sentence, unless in a `Q2 2025:` label before it */
        inferred = memchr(t + p->norm.end, ':', cs - p->norm.end) != NULL;
    }
    if (!have_period) {
        hits sh; /* a lead-in before the clause scopes it (`By year-end, ...`);
                    a cue in an earlier value's clause is that value's
                    (`250 million users this year; ... up 140%`) */
        sh.mask = 0;
        {
            size_t pos = ss;
            size_t k0 = figure_from(&d->figures, ss);
            for (size_t k = k0; k < d->figures.count && pos < cs && d->figures.items[k].norm.start < cs; k++) {
                const earnings_figure *q = &d->figures.items[k];
                if (q->norm.start < pos || q->norm.end > cs)
                    continue;
                int qk = q->kind;
                if (qk == EARNINGS_FIGURE_PERIOD || qk == EARNINGS_FIGURE_DATE || qk == EARNINGS_FIGURE_ORDINAL ||
                    (qk == EARNINGS_FIGURE_QUANTITY && time_unit(q->unit)))
                    continue;
                hits part;
                scan(t, pos, q->norm.start, &part);
                sh.mask |= part.mask;
                size_t e = q->norm.end;
                while (e < cs && !is_delim(t, e, ss, se))
                    e++;
                pos = e;
            }
            if (pos < cs) {
                hits part;
                scan(t, pos, cs, &part);
                sh.mask |= part.mask;
            }
        }
        if (has(&sh, CUE_LASTQ) && lastq_baseline(c, ss, cs))
            sh.mask &= ~(1u << CUE_LASTQ);
        have_period = period_from_cues(c, &sh, period, sizeof period, &inferred);
    }
    int same_sentence = c->fact_sentence == si + 1;
    if (!have_period && (same_sentence || (c->fact_sentence == si && si > 0)) && c->fact_period &&
        !c->fact_period_from_doc &&
        same_subject(c, c->fact_entity, ent) && c->fact_basis != EARNINGS_BASIS_GUIDANCE &&
        (same_sentence || !memchr(t + d->sentences[si - 1].norm.end, '\n', ss - d->sentences[si - 1].norm.end)) &&
        (carriable_quarter(c, c->fact_period) ||
         (si > 0 && after_semicolon(c, si) && span_of_year(c, c->fact_period))) &&
        strlen(c->fact_period) < sizeof period) {
        /* `腾讯第三季度营收1928.7亿元；净利润为631亿元`: the quarter the last
         * fact, in this sentence or the one before on the same line, stated
         * for the same entity */
        snprintf(period, sizeof period, "%s", c->fact_period);
        inferred = !named_in_sentence(c, ss, se, period);
        have_period = 1;
    }
    int doc_period = 0;
    if (!have_period && c->period[0] && !year_before) {
        snprintf(period, sizeof period, "%s", c->period);
        inferred = 1;
        have_period = 1;
        doc_period = 1;
    }
    if (doc_period && named_in_sentence(c, ss, se, period))
        inferred = 0; /* `... in the third quarter` elsewhere in the sentence */
    int timeless = timeless_metric(L.metric_id);
    if (timeless) /* `30-40% better price-performance`: not a change over time */
        x.comparison = EARNINGS_COMPARISON_NONE;

    /* ---- basis ---- */
    x.basis = EARNINGS_BASIS_REPORTED;
    int estimate_note = 0; /* `~$50-70K per chip (estimate)` */
    if (ce < se && t[ce] == '(') {
        hits note;
        scan(t, ce, ce + 24 < se ? ce + 24 : se, &note);
        estimate_note = has(&note, CUE_ESTIMATE) && note.first[CUE_ESTIMATE] <= ce + 2;
    }
    int in_parens = ldelim == '(';
    if (!in_parens && has(&sbefore, CUE_EXCLUDING)) {
        /* `excluding two charges (a $2.5 billion settlement and severance
         * of $1.8 billion)`: a figure inside the parenthesis after the cue
         * states the excluded item itself */
        int depth = 0;
        for (size_t i = sbefore.last_end[CUE_EXCLUDING]; i < fs; i++)
            depth += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
        in_parens = depth > 0;
    }
    int ex_inner = !in_parens && has(&before, CUE_EXCLUDING) &&
                   (excluded_then_verb(c, before.last_end[CUE_EXCLUDING], fs) ||
                    aside_closed(c, before.last_end[CUE_EXCLUDING], fs));
    int ex_scope = (!in_parens && (has(&sbefore, CUE_EXCLUDING) || has(&sbefore, CUE_CONSTCUR))) || ex_inner ||
                   has(&before, CUE_CONSTCUR) ||
                   (has(&after, CUE_CONSTCUR) && after.first[CUE_CONSTCUR] <= fe + 40 &&
                    !figure_between(c, fe, after.first[CUE_CONSTCUR])) || /* (not `up 7% and up 5.8% at constant currency`) */
                   (has(&after, CUE_EXCLUDING) && after.first[CUE_EXCLUDING] <= fe + 60 &&
                    !figure_between(c, fe, after.first[CUE_EXCLUDING])) ||
                   (has(&before, CUE_WOULD) && counterfactual(c, ss, before.last_end[CUE_WOULD]));
    /* an estimate named right before the value (`Excluding items, it earned
     * 81 cents, below expectations of 86 cents`): the estimate's, on the
     * same basis as the lead, not a result excluding items */
    int est_adjacent = has(&before, CUE_ESTIMATE) && before.last_end[CUE_ESTIMATE] + 8 >= fs &&
                       !accrued_charge(t, before.last_end[CUE_ESTIMATE], fs) && !has(&before, CUE_EXCLUDING);
    /* the excluded item's own amount (`Excluding restructuring charges of
     * $42 million, operating income was`): as stated */
    int excluded_amount = has(&before, CUE_EXCLUDING) && metric_src == 1 && mn_e > mn_s &&
                          mn_s == skip_spaces(t, before.last_end[CUE_EXCLUDING], fs) && mn_e <= fs &&
                          fs - mn_e <= 8;
    if (ex_scope && !est_adjacent && !excluded_amount) {
        x.basis = EARNINGS_BASIS_EXCLUDING;
        char *item = NULL;
        if (has(&before, CUE_CONSTCUR) || has(&sbefore, CUE_CONSTCUR) ||
            (has(&after, CUE_CONSTCUR) && !figure_between(c, fe, after.first[CUE_CONSTCUR]))) {
            item = earnings__arena_strdup(&c->arena, "currency");
        } else {
            size_t at = (size_t)-1;
            if (ex_inner)
                at = before.last_end[CUE_EXCLUDING];
            else if (has(&sbefore, CUE_EXCLUDING))
                at = sbefore.last_end[CUE_EXCLUDING];
            else if (has(&after, CUE_EXCLUDING))
                at = after.last_end[CUE_EXCLUDING];
            else if (has(&before, CUE_EXCLUDING))
                at = before.last_end[CUE_EXCLUDING];
            if (at != (size_t)-1)
                item = excluded_item(c, at, se);
            else
                item = (char *)"";
        }
        if (!item)
            return EARNINGS_ENOMEM;
        x.basis_detail = item[0] ? item : NULL;
    } else if ((has(&before, CUE_TARGET) &&
                /* (an outlook verb nearer the value: `margin target of 15%
                   to 16% and expects free cash flow of`) */
                !(has(&before, CUE_GUIDANCE) && before.last[CUE_GUIDANCE] > before.last_end[CUE_TARGET])) ||
               has(&after, CUE_TARGET) || has(&head, CUE_TARGET)) {
        x.basis = EARNINGS_BASIS_TARGET;
    } else if ((has(&before, CUE_ESTIMATE) && !accrued_charge(t, before.last_end[CUE_ESTIMATE], fs)) ||
               (has(&after, CUE_ESTIMATE) && after.first[CUE_ESTIMATE] < ae && /* (not the next value's:
                                                                                      `$1.12 vs. $1.05 consensus`) */
                !benchmark_cue(&after, CUE_ESTIMATE)) ||
               has(&head, CUE_ESTIMATE) || estimate_note || header_est ||
               (ldelim == '(' && skip_spaces(t, cs, fs) == fs && estimate_word_before(t, ss, cs - 1)) ||
               /* `We model iPhone revenue of $50.1 billion, ..., and Services
                  revenue of $28.0 billion`: the estimate verb that opens the
                  sentence governs its later clauses */
               (has(&sbefore, CUE_ESTIMATE) && sbefore.first[CUE_ESTIMATE] <= skip_spaces(t, ss, cs) + 12 &&
                !accrued_charge(t, sbefore.last_end[CUE_ESTIMATE], cs))) {
        x.basis = EARNINGS_BASIS_ESTIMATE;
    } else if ((has(&before, CUE_GUIDANCE) &&
                /* (not the reported base after an outlook: `forecast gross
                   margin of about 63.5%, up from 62.8% in the second quarter`) */
                !(clause_period && !inferred && bare_baseline(c, fi, ss) && period_run(c, period))) ||
               /* `said the company would return about $5 billion` */
               (has(&before, CUE_WOULD) && !counterfactual(c, ss, before.last_end[CUE_WOULD])) ||
               /* an outlook earlier in the sentence does not make a value its
                  own clause dates to a period already run (`a $125B capex
                  guide, up from $89.9B YTD`) guidance */
               (has(&sbefore, CUE_GUIDANCE) && !(clause_period && !inferred && period_run(c, period))) ||
               (has(&after, CUE_GUIDANCE) && after.first[CUE_GUIDANCE] <= fe + 24 &&
                !(ae < ce && after.last_end[CUE_GUIDANCE] + 2 >= ae) && !benchmark_cue(&after, CUE_GUIDANCE)) ||
               has(&lead, CUE_GUIDANCE)) {
        x.basis = EARNINGS_BASIS_GUIDANCE;
    } else if (have_period && c->year) {
        int y, q;
        int kp = parse_period(period, &y, &q);
        /* a quarter after the document's, of the document's company (another
         * company's report may simply be later: `腾讯第三季度营收` in a note
         * on Alibaba's second quarter) */
        int other = ent && ent->type == EARNINGS_ENTITY_ORG && c->main && c->main->id && ent->id &&
                    strcmp(ent->id, c->main->id) != 0;
        if (kp == 2 && !other && (y > c->year || (y == c->year && q > c->quarter)))
            x.basis = EARNINGS_BASIS_GUIDANCE;
        /* a later year that the clause names (`about $800 million in fiscal
         * 2026` in a report on 2025) */
        else if (kp == 1 && !other && !inferred && clause_period && y > c->year)
            x.basis = EARNINGS_BASIS_GUIDANCE;
        /* `trending toward $9.50 next year`, `明年`: a value of the year after
         * the document's, named by the clause */
        else if (kp == 1 && !other && y > c->year && (has(&before, CUE_NEXTY) || has(&after, CUE_NEXTY)))
            x.basis = EARNINGS_BASIS_GUIDANCE;
        /* `the full year`, `全年` of a document before its last quarter is
         * still to come (`全年资本支出约为1250亿美元` in a Q3 call) */
        else if (kp == 1 && inferred && y == c->year && strlen(period) == 6 && !strcmp(period + 4, "FY") &&
                 c->quarter && c->quarter < 4)
            x.basis = EARNINGS_BASIS_GUIDANCE;
    }

    if (x.basis == EARNINGS_BASIS_GUIDANCE && analysts_lead(t, ss, fs))
        x.basis = EARNINGS_BASIS_ESTIMATE; /* `Analysts on average expect revenue of $15.6 billion` */
    if (x.basis == EARNINGS_BASIS_GUIDANCE && have_period && strlen(period) == 4 && period[0] >= '1' && period[0] <= '2')
        memcpy(period + 4, "FY", 3); /* `Outlook 2025 confirmed: ... growth of 3% to 5%`: the year's outlook */
    if (x.basis == EARNINGS_BASIS_GUIDANCE && have_period && c->year && c->quarter && strlen(period) == 6 &&
        period[4] == 'Q' && atoi(period) == c->year && period[5] - '0' < c->quarter && !year_in(c, ss, se, c->year))
        /* an outlook for a quarter this year has passed, its year unnamed
         * (`first-quarter revenue is expected` in a fourth-quarter
         * release): next year's */
        snprintf(period, sizeof period, "%04dQ%c", c->year + 1, period[5]);
    if (ya_bare && x.basis >= EARNINGS_BASIS_GUIDANCE) {
        /* the earlier outlook, target or estimate that a new one replaces
         * (`price target rises to $148 from $135`): the period of the new
         * one, not a year before */
        have_period = 0;
        inferred = 0;
        if (c->fact_sentence == si + 1 && c->fact_basis == x.basis && c->fact_period &&
            strlen(c->fact_period) < sizeof period) {
            snprintf(period, sizeof period, "%s", c->fact_period);
            have_period = 1;
            inferred = c->fact_period_inferred;
        }
    }
    if (x.basis == EARNINGS_BASIS_GUIDANCE && c->research && !company_outlook(t, ss, se))
        x.basis = EARNINGS_BASIS_ESTIMATE; /* `FY26 EPS moves to $5.02`, `beat our $1.03 forecast` in a note */
    if (x.basis == EARNINGS_BASIS_GUIDANCE && rating_sentence(t, ss, se))
        x.basis = EARNINGS_BASIS_ESTIMATE; /* `我们维持"买入"评级，目标价52元，预计2025-2027年EPS分别为...` */
    if (ldelim == '(' && c->fact_sentence == si + 1 &&
        (c->fact_basis == EARNINGS_BASIS_ESTIMATE || c->fact_basis == EARNINGS_BASIS_GUIDANCE ||
         c->fact_basis == EARNINGS_BASIS_TARGET) &&
        (x.basis == EARNINGS_BASIS_REPORTED || x.basis == c->fact_basis) && revised_from(t, cs, fs)) {
        /* `上调FY26营收预测至$205B（原为$201B）`, `(previously $5.7 billion)`,
         * `to $4.10 (from $3.95)`: the earlier forecast, of the same kind and
         * period */
        x.basis = c->fact_basis;
        if (c->fact_period && strlen(c->fact_period) < sizeof period) {
            memcpy(period, c->fact_period, strlen(c->fact_period) + 1);
            have_period = 1;
            inferred = c->fact_period_inferred;
            doc_period = c->fact_period_from_doc;
        }
    }

    const char *adj = NULL; /* the adjusted measure's excluded item, for the carry */
    if (x.basis == EARNINGS_BASIS_REPORTED) {
        /* `non-GAAP gross margin`, `adjusted EPS`, `经调整净利润`, `Non-IFRS
         * operating profit`: a measure that excludes the adjustments */
        size_t b = (metric_src == 1 && mn_e > mn_s) ? mn_s : fs;
        size_t a = b > cs + 40 ? b - 40 : cs; /* (`非国际财务报告准则下的净利润`: 33 bytes) */
        /* before the metric's name, or in it (`Adjusted EBITDA`, `经调整EBITA`) */
        adj = adjusted_measure(t, a, (metric_src == 1 && mn_e > mn_s && mn_e <= fs) ? mn_e : b);
        if (!adj && metric_src == 1 && mn_e > mn_s && mn_e <= fs && fs - mn_e <= 40)
            adj = adjusted_measure(t, mn_e, fs); /* after the name: `EBIT before special items rose to` */
        if (adj && respectively_pair(c, ss, se, fs, fe) == 1)
            adj = NULL; /* the GAAP one of `GAAP and non-GAAP ... X and Y, respectively` */
        if (!adj && cs > ss && cs - ss <= 64 && t[cs - 1] == ',' && !figure_between(c, ss, cs))
            adj = adjusted_measure(t, ss, cs); /* a scope lead: `On a non-GAAP basis, ...`,
                                                  `非国际财务报告准则下，...` */
        if (!adj && metric_src == 2)
            adj = c->carry_adj; /* `经调整净利润为113亿元，同比增长80.9%` */
        if (adj) {
            x.basis = EARNINGS_BASIS_EXCLUDING;
            x.basis_detail = adj;
        }
    }

    /* claims, outlooks, targets and estimates that name no period have none
     * (the document's quarter is when they were said, not what they are of);
     * a claim takes a period only from its own clause (`will launch at the
     * end of the year, with 40% better performance`: the launch's date);
     * a change over a span of years has no single period */
    if ((timeless && !clause_period) || (doc_period && (x.basis >= EARNINGS_BASIS_GUIDANCE || span == 2)) ||
        (x.basis == EARNINGS_BASIS_TARGET && !clause_period)) { /* (a target is of no period its clause does not name) */
        have_period = 0;
        inferred = 0;
    }
    /* an estimate that the value before it in the sentence is measured
     * against is of that value's period (`revenue of $456 million came in
     * below expectations of $470 million`, `EPS of $0.61 topped the
     * consensus of $0.57`) */
    if (!have_period && x.basis == EARNINGS_BASIS_ESTIMATE && c->fact_sentence == si + 1 && c->fact_period &&
        (c->fact_basis == EARNINGS_BASIS_REPORTED || c->fact_basis == EARNINGS_BASIS_EXCLUDING) &&
        c->fact_metric && L.metric_id && !strcmp(c->fact_metric, L.metric_id) && c->fact_end <= fs &&
        same_subject(c, c->fact_entity, ent) && strlen(c->fact_period) < sizeof period) {
        hits bm;
        scan(t, c->fact_end, fs, &bm);
        if ((has(&bm, CUE_BEAT) || has(&bm, CUE_COMPARATOR)) && !figure_between(c, c->fact_end, fs)) {
            snprintf(period, sizeof period, "%s", c->fact_period);
            have_period = 1;
            inferred = c->fact_period_inferred;
        }
    }
    /* an outlook right after one that named its period, in the same
     * paragraph, is of that period (`Outlook for the fourth quarter: Revenue
     * is expected to be $65.0 billion. Gross margin is expected to be 75%.`) */
    if (!have_period && !timeless && x.basis == EARNINGS_BASIS_GUIDANCE && c->outlook_period &&
        (si == c->outlook_sentence ||
         (si == c->outlook_sentence + 1 &&
          !blank_line(t, d->sentences[si - 1].norm.end, d->sentences[si].norm.start)))) {
        snprintf(period, sizeof period, "%s", c->outlook_period);
        have_period = inferred = 1;
    }

    int outlook_lead = 0; /* the period is the one the outlook before announced */
    if (!have_period && !timeless && x.basis == EARNINGS_BASIS_GUIDANCE && si > 0 &&
        !blank_line(t, d->sentences[si - 1].norm.end, d->sentences[si].norm.start)) {
        /* an outlook that the sentence before announced with its period and
         * no value (`raised its full-year 2025 guidance. The company now
         * expects revenue of ...`) */
        const earnings_sentence *ps = &d->sentences[si - 1];
        const earnings__figure_list *fl = &d->figures;
        const earnings_figure *pp = NULL;
        int value_there = 0;
        for (size_t k = figure_from(fl, ps->norm.start); k < fl->count && fl->items[k].norm.start < ps->norm.end; k++) {
            const earnings_figure *q = &fl->items[k];
            int py, pq;
            if (q->kind == EARNINGS_FIGURE_PERIOD && q->period && !pp && parse_period(q->period, &py, &pq) && py)
                pp = q;
            else if (q->kind != EARNINGS_FIGURE_PERIOD && q->kind != EARNINGS_FIGURE_DATE)
                value_there = 1;
        }
        if (pp && !value_there) {
            hits ph;
            scan(t, ps->norm.start, ps->norm.end, &ph);
            if (has(&ph, CUE_GUIDANCE)) {
                period_from_figure(c, pp, 1, period, sizeof period);
                have_period = inferred = 1;
                outlook_lead = 1;
            }
        }
    }
    if (!have_period || (inferred && strlen(period) != 9)) {
        /* a value of a `/` list after a span of years earlier in the
         * sentence (`2025-2027年归母净利润分别为...，对应PE分别为9.8/8.9/8.1倍`) */
        const earnings__figure_list *fl = &d->figures;
        for (size_t k = fi; k > 0 && fl->items[k - 1].norm.start >= ss; k--) {
            const earnings_figure *q = &fl->items[k - 1];
            if (q->kind == EARNINGS_FIGURE_PERIOD && q->period && strlen(q->period) == 9 && q->period[4] == '/') {
                char span_p[24];
                snprintf(span_p, sizeof span_p, "%s", q->period);
                year_of_list(c, fi, se, span_p, sizeof span_p);
                if (strlen(span_p) != 9) {
                    snprintf(period, sizeof period, "%s", span_p);
                    have_period = 1;
                    inferred = 0;
                }
                break;
            }
        }
    }
    if (have_period)
        year_of_list(c, fi, se, period, sizeof period);

    /* ---- confidence ---- */
    double conf = 0.35;
    if (metric_src == 1)
        conf += L.strong ? 0.3 : 0.2;
    else if (metric_src == 2 || metric_src == 3)
        conf += 0.15;
    else if (metric_src == 4 || metric_src == 5 || metric_src == 7)
        conf += 0.1;
    if (ent_src == 1)
        conf += 0.15;
    else if (ent_src)
        conf += 0.1;
    else
        conf += 0.05;
    if (have_period && !inferred)
        conf += 0.1;
    if (conf > 0.98)
        conf = 0.98;

    /* ---- record ---- */
    x.span = f->span;
    x.sentence = sent->span;
    x.text = earnings__arena_strndup(&c->arena, d->text + f->span.start, f->span.end - f->span.start);
    if (!x.text)
        return EARNINGS_ENOMEM;
    const earnings_entity *who = ent ? ent : c->main;
    x.entity_id = who->id;
    x.entity_name = who->name;
    x.entity_span = ent_span_set ? ent_span : (ent && ent_src != 4) ? ent->span : (earnings_span){ 0, 0 };
    {
        /* a footprint of a named service (service_owners.def) */
        size_t lo = si > 0 ? d->sentences[si - 1].norm.start : ss;
        const service_owner *so = service_owner_in(t, lo, se, L.metric_id);
        if (so && strcmp(so->id, x.entity_id)) {
            x.entity_id = so->id;
            x.entity_name = so->name;
            x.entity_span = (earnings_span){ 0, 0 };
        }
    }
    x.metric_id = L.metric_id;
    x.metric_name = L.metric_name;
    x.metric_span = L.metric_span;
    {
        /* an outlook for `this year` is of the whole year, not of the year
         * so far (`we expect capital expenditures to exceed $9 billion this
         * year`) */
        size_t pl = strlen(period);
        if (have_period && x.basis == EARNINGS_BASIS_GUIDANCE && pl == 7 && !strcmp(period + 4, "YTD"))
            memcpy(period + 4, "FY", 3);
    }
    if (have_period) {
        char *ps = earnings__arena_strdup(&c->arena, period);
        if (!ps)
            return EARNINGS_ENOMEM;
        x.period = ps;
        x.period_inferred = inferred;
    }
    x.confidence = conf;
    x.precision = earnings__figure_precision(f, d->text);
    for (int e = 0; row_cur && e < row_exp; e++)
        x.precision *= 10; /* (of the number scaled by its row's unit) */
    x.figure = fi;
    x.lang = f->lang;
    unsigned char src = (ent_src == 0 || ent_src == 4 || (ent_src == 2 && c->carry_ctx)) ? 2 : 1;
    if (push_src(c, &x, src) != 0)
        return EARNINGS_ENOMEM;
    if (ent && ent_src == 1 && !ent_span_set && has(&before, CUE_EACH) && before.first[CUE_EACH] > ent->norm.start) {
        /* `North America and International segments each grew 11%`: one
         * fact per coordinated subject */
        size_t j = ent_lower(c, ent->norm.start);
        const earnings_entity *cur = ent;
        int n = 0;
        while (j > 0 && n < 8) {
            const earnings_entity *q = &c->ents[--j];
            if (q->norm.end > cur->norm.start)
                continue;
            if (q->norm.start < cs || !entity_is_subject(q) || !coordinated(t, q->norm.end, cur->norm.start))
                break;
            if (strcmp(q->id, x.entity_id)) {
                earnings_fact y = x;
                y.entity_id = q->id;
                y.entity_name = q->name;
                y.entity_span = q->span;
                if (push(c, &y) != 0)
                    return EARNINGS_ENOMEM;
            }
            cur = q;
            n++;
        }
    }

    if (x.basis == EARNINGS_BASIS_GUIDANCE && x.period && (!x.period_inferred || outlook_lead)) {
        c->outlook_period = x.period;
        c->outlook_sentence = si;
    }
    c->fact_sentence = si + 1;
    c->fact_entity = ent;
    c->fact_metric = x.metric_id;
    c->fact_kind = x.kind;
    c->fact_period = x.period;
    c->fact_period_from_doc = doc_period && x.period_inferred; /* (only the document's does not carry) */
    c->fact_period_inferred = x.period_inferred;
    c->fact_basis = x.basis;
    c->fact_end = fe;
    c->fact_metric_name = x.metric_name;
    c->fact_money = f->kind == EARNINGS_FIGURE_MONEY;
    /* (`net income of $3.2 billion, or $2.41 per share, versus $2.8
     * billion`: the per-share amount beside a figure does not take over the
     * metric that later figures of the sentence carry) */
    int keep_metric = c->carry_valid && c->carry_sentence == si && c->carry_metric_id &&
                      ((per_share && (!strcmp(x.metric_id, "metric:eps") || !strcmp(x.metric_id, "metric:loss-per-share"))) ||
                       derived_ratio); /* (nor does a ratio of it: `$236 million, or 16.6% of revenue, compared with $198 million`) */
    /* (a per-share dividend is a measure of its own: `a dividend of HK$0.35
     * per share, up from HK$0.30`) */
    c->carry_valid = 1;
    c->carry_sentence = si;
    c->carry_entity = ent;
    c->carry_ctx = src == 2;
    if (!keep_metric) {
        c->carry_metric_id = (metric_src <= 3 || metric_src >= 6) ? x.metric_id : NULL;
        c->carry_metric_name = x.metric_name;
        c->carry_metric_span = x.metric_span;
    }
    c->ell_unit = NULL;
    if ((f->kind == EARNINGS_FIGURE_QUANTITY || ell_unit) && x.unit && !time_unit(x.unit) &&
        x.kind == EARNINGS_FACT_LEVEL) {
        c->ell_unit = x.unit;
        c->ell_metric_id = x.metric_id;
        c->ell_metric_name = x.metric_name;
        c->ell_value = earnings__fabs(f->value);
    }
    c->carry_clause_start = cs;
    c->carry_fig_end = fe;
    c->carry_adj = adj;
    return 0;
}

/* The period a date closes: `the quarter ended September 30, 2025`,
 * `three months ended June 30`, `nine months ended`, `year ended`,
 * `截至2025年9月30日止季度`, `2025年9月份季度`. Writes it (`2025Q3`, `2025H1`,
 * `2025YTD`, `2025FY`) and returns 1, else 0. */
static int date_closes(const char *t, size_t n, const earnings_figure *f, char *out, size_t cap)
{
    const char *v = f->period;
    if (!v || strlen(v) < 7 || v[4] != '-' || !(v[0] >= '1' && v[0] <= '2'))
        return 0;
    int y = atoi(v), m = atoi(v + 5);
    if (m < 1 || m > 12)
        return 0;
    static const struct {
        const char *w;
        int span; /* 1 quarter, 2 half, 3 nine months, 4 year */
    } before[] = {
        { "quarter ended ", 1 }, { "quarter ending ", 1 }, { "three months ended ", 1 }, { "3 months ended ", 1 },
        { "three months ending ", 1 }, { "six months ended ", 2 }, { "6 months ended ", 2 },
        { "six months ending ", 2 }, { "six months to ", 2 }, { "6 months to ", 2 }, { "half year ended ", 2 },
        { "half-year ended ", 2 }, { "half year to ", 2 }, { "nine months ended ", 3 }, { "9 months ended ", 3 },
        { "nine months ending ", 3 }, { "fiscal year ended ", 4 }, { "year ended ", 4 }, { "year ending ", 4 },
        { "twelve months ended ", 4 }, { "12 months ended ", 4 }, { "financial year ended ", 4 },
    }, after[] = {
        { "止季度", 1 }, { "止三个月", 1 }, { "止三個月", 1 }, { "份季度", 1 }, { "止六个月", 2 }, { "止半年", 2 },
        { "止九个月", 3 }, { "止年度", 4 }, { "止财年", 4 }, { "止全年", 4 },
    };
    int span = 0;
    size_t a = f->norm.start, e = f->norm.end;
    for (size_t k = 0; k < sizeof before / sizeof before[0] && !span; k++) {
        size_t l = strlen(before[k].w);
        if (a >= l && word_at(t, a - l, a, before[k].w)) {
            span = before[k].span;
            /* a quarter named before it is the period (`fiscal 2025 fourth
             * quarter ended September 27, 2025`: a fiscal calendar) */
            static const char *const named[] = { "first ", "second ", "third ", "fourth ", "q1 ", "q2 ", "q3 ",
                                                 "q4 " };
            for (size_t q = 0; q < sizeof named / sizeof named[0] && span == 1; q++) {
                size_t nl = strlen(named[q]);
                if (a >= l + nl && word_at(t, a - l - nl, a - l, named[q]))
                    span = 0;
            }
        }
    }
    if (!span && a >= 6 && !memcmp(t + a - 6, "截至", 6))
        for (size_t k = 0; k < sizeof after / sizeof after[0] && !span; k++) {
            size_t l = strlen(after[k].w);
            if (e + l <= n && !memcmp(t + e, after[k].w, l))
                span = after[k].span;
        }
    if (!span && e + 9 <= n && !memcmp(t + e, "份季度", 9))
        span = 1;
    switch (span) {
    case 1:
        if (m % 3)
            return 0;
        snprintf(out, cap, "%04dQ%d", y, m / 3);
        return 1;
    case 2:
        /* a half ended in June or December is a calendar half; one ended
         * in July through September the first half of a year that starts
         * in spring (`six months ended 30 September 2025`), one ended in
         * October through March the second half of the calendar year it
         * mostly lies in */
        if (m == 6 || m == 12)
            snprintf(out, cap, "%04dH%d", y, m / 6);
        else
            snprintf(out, cap, "%04dH%d", m <= 3 ? y - 1 : y, m >= 7 && m <= 9 ? 1 : 2);
        return 1;
    case 3:
        snprintf(out, cap, "%04dYTD", y);
        return 1;
    case 4:
        snprintf(out, cap, "%04dFY", y);
        return 1;
    }
    return 0;
}

/* The figures as linking reads them: a date that closes a period counts as
 * that period (date_closes()). Returns the copy to restore from (the
 * document's own records, for ended_periods_restore()), NULL when no date
 * does (nothing changed), or sets *rc on allocation failure. */
static earnings_figure *ended_periods(ctx *c, int *rc)
{
    earnings__figure_list *fl = &c->doc->figures;
    earnings_figure *copy = NULL;
    *rc = 0;
    for (size_t i = 0; i < fl->count; i++) {
        earnings_figure *f = &fl->items[i];
        char per[16];
        if (f->kind != EARNINGS_FIGURE_DATE || !date_closes(c->nt, c->nl, f, per, sizeof per))
            continue;
        char *ps = earnings__arena_strdup(&c->arena, per);
        if (!ps) {
            *rc = EARNINGS_ENOMEM;
            break;
        }
        if (!copy) {
            copy = earnings__malloc(fl->count * sizeof *copy);
            if (!copy) {
                *rc = EARNINGS_ENOMEM;
                break;
            }
            memcpy(copy, fl->items, fl->count * sizeof *copy);
        }
        f->kind = EARNINGS_FIGURE_PERIOD;
        f->period = ps;
    }
    if (*rc && copy) {
        memcpy(fl->items, copy, fl->count * sizeof *copy);
        earnings__free(copy);
        copy = NULL;
    }
    return copy;
}

static void ended_periods_restore(ctx *c, earnings_figure *copy)
{
    if (!copy)
        return;
    earnings__figure_list *fl = &c->doc->figures;
    memcpy(fl->items, copy, fl->count * sizeof *copy);
    earnings__free(copy);
}

int earnings__doc_facts(earnings_doc *doc)
{
    if (!doc)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__doc_facts: doc is NULL");
    earnings__doc_facts_free(doc);
    if (!doc->norm || !doc->nsentences || !doc->figures.count)
        return 0;
    ctx c;
    memset(&c, 0, sizeof c);
    pthread_once(&indexes_once, indexes_build);
    c.cues = &cue_ix_;
    c.mws = &mw_ix_;
    c.doc = doc;
    c.nt = earnings_normalized_text(doc->norm, &c.nl);
    c.ents = doc->entities;
    c.nents = doc->nentities;
    earnings__arena_init(&c.arena);
    int rc = 0;
    /* (the document's figure records are changed for the linking only, and
     * restored before anything returns) */
    earnings_figure *saved = ended_periods(&c, &rc);
    if (rc == 0) {
        doc_context(&c);
        for (size_t i = 0; i < doc->figures.count && rc == 0; i++)
            rc = link_figure(&c, i);
    }
    ended_periods_restore(&c, saved);
    if (rc != 0) {
        earnings__arena_release(&c.arena);
        earnings__free(c.out.items);
        earnings__free(c.out.src);
        return rc;
    }
    assign_owned_metrics(&c);
    if (date_restated_outlooks(&c) != 0) {
        earnings__arena_release(&c.arena);
        earnings__free(c.out.items);
        earnings__free(c.out.src);
        return EARNINGS_ENOMEM;
    }
    earnings__free(c.out.src);
    doc->facts = c.out.items;
    doc->nfacts = c.out.count;
    doc->fact_strings = c.arena.head;
    return 0;
}
