/* Entity extraction over normalized text: one pass of the Aho-Corasick
 * automaton (with the ticker patterns triggered inline and the positions of
 * capitalized words recorded), longest-leftmost selection, then the fuzzy
 * matcher and the honorific pattern over the recorded capitalized words, and
 * role-person linking. */
#include <stdlib.h>
#include <string.h>

#include "entities/gazetteer.h"
#include "normalize/normalize_internal.h"

/* A candidate mention, in normalized offsets. */
typedef struct cand {
    size_t start, end;
    size_t sym_start, sym_len; /* tickers: the symbol in the text */
    const char *exchange;      /* tickers: static exchange name or NULL */
    uint32_t entity;           /* gazetteer entity, or GZ_NONE (unknown) */
    uint32_t order;            /* later lexicon entries win ties */
    uint32_t ticker;           /* index into g->tickers, or GZ_NONE */
    uint32_t uid, uname;       /* unknown entities: offsets in the string pool */
    uint32_t flags;            /* EARNINGS_ENTITY_FLAG_* */
    uint16_t distance;
    uint8_t match;    /* EARNINGS_MATCH_* */
    uint8_t rank;     /* among identical spans, lower wins */
    uint8_t is_ticker;
    uint8_t need_org; /* unknown `(SYM)`: only right after an organization */
    uint8_t utype;    /* unknown entities: their type (0: a person) */
    uint8_t dropped;  /* inside a name found later (claims()): not reported */
} cand;

enum { RANK_EXACT = 0, RANK_ALIAS = 1, RANK_TICKER = 2, RANK_VARIANT = 3, RANK_BARE = 4, RANK_UNKNOWN = 5 };

typedef struct skip {
    size_t fed; /* fed position at which bytes were skipped */
    size_t cum; /* total bytes skipped up to and including this record */
} skip;

typedef struct scan {
    const earnings__gazetteer *g;
    const unsigned char *t;
    size_t n;
    cand *c;
    size_t nc, capc;
    skip *sk;
    size_t nsk, capsk;
    size_t *caps; /* starts of capitalized ASCII words */
    size_t ncaps, capcaps;
    cand *orphans; /* unknown `(SYM)` with no organization before it (yet) */
    size_t norphans, caporphans;
    earnings__sb strings; /* strings of unknown entities */
    int failed;
    earnings__gz_step_fn ref_step; /* reference mode (tests): no shortcuts */
    void *ref_ctx;
} scan;

static cand *push_cand(scan *s)
{
    if (earnings__grow((void **)&s->c, &s->capc, s->nc + 1, sizeof *s->c) < 0) {
        s->failed = 1;
        return NULL;
    }
    cand *c = &s->c[s->nc++];
    memset(c, 0, sizeof *c);
    c->entity = c->ticker = c->uid = c->uname = GZ_NONE;
    return c;
}

/* ---- tickers ----------------------------------------------------------------------- */

/* A pattern candidate of an entity the lexicon does not know. */
static void push_unknown(scan *s, size_t start, size_t end, uint8_t type, uint32_t uid, uint32_t uname)
{
    cand *c = push_cand(s);
    if (!c)
        return;
    c->start = start;
    c->end = end;
    c->match = EARNINGS_MATCH_PATTERN;
    c->rank = RANK_UNKNOWN;
    c->flags = EARNINGS_ENTITY_FLAG_UNKNOWN;
    c->utype = type;
    c->uid = uid;
    c->uname = uname;
}

static const char *const market_suffixes[][2] = {
    { "US", "US" }, { "HK", "HK" }, { "SH", "SH" }, { "SS", "SH" }, { "SZ", "SZ" }, { "N", "NYSE" },
    { "O", "NASDAQ" }, { "OQ", "NASDAQ" }, { "L", "LSE" }, { "T", "TSE" }, { "TO", "TSX" },
    { "DE", "XETRA" }, { "KS", "KRX" }, { "TW", "TWSE" }, { "AX", "ASX" }, { "SI", "SGX" },
    { "PA", "EPA" }, { "AS", "AMS" }, { "SW", "SIX" },
};

/* Exchange names before `:`; name in the text (lower case for Latin), canonical name. */
static const char *const exchanges[][2] = {
    { "nasdaq", "NASDAQ" }, { "nasdaqgs", "NASDAQ" }, { "nyse", "NYSE" }, { "nyse american", "NYSE American" },
    { "nyse arca", "NYSE Arca" }, { "nysearca", "NYSE Arca" }, { "amex", "AMEX" }, { "hkex", "HKEX" },
    { "sehk", "HKEX" }, { "hkg", "HKEX" }, { "sse", "SSE" }, { "szse", "SZSE" }, { "lse", "LSE" },
    { "tsx", "TSX" }, { "tse", "TSE" }, { "tyo", "TSE" }, { "otc", "OTC" }, { "otcqx", "OTC" },
    { "krx", "KRX" }, { "asx", "ASX" }, { "xetra", "XETRA" }, { "euronext", "Euronext" }, { "sgx", "SGX" },
    { "纳斯达克", "NASDAQ" }, { "纽交所", "NYSE" }, { "纽约证券交易所", "NYSE" }, { "港交所", "HKEX" },
    { "上交所", "SSE" }, { "深交所", "SZSE" },
};

static int is_upper(unsigned char c) { return (unsigned)(c - 'A') < 26u; }
static int is_digit(unsigned char c) { return (unsigned)(c - '0') < 10u; }

/* Is the character at off (or the end) a word character? */
static int word_at(const unsigned char *t, size_t n, size_t off)
{
    if (off >= n)
        return 0;
    if (t[off] < 0x80)
        return gz_is_alnum(t[off]) || t[off] == '_';
    return gz_is_word_cp(earnings__gz_cp_at(t, n, off));
}

static int word_before(const unsigned char *t, size_t off)
{
    if (off == 0)
        return 0;
    if (t[off - 1] < 0x80)
        return gz_is_alnum(t[off - 1]) || t[off - 1] == '_';
    return gz_is_word_cp(earnings__gz_cp_before(t, off));
}

/* A symbol at t[i..): [A-Z][A-Z0-9]{0,5} or [0-9]{3,6}. Returns its length or 0. */
static size_t symbol_at(const unsigned char *t, size_t n, size_t i)
{
    size_t k = i;
    if (k < n && is_upper(t[k])) {
        while (k < n && k - i < 7 && (is_upper(t[k]) || is_digit(t[k])))
            k++;
        return k - i <= 6 ? k - i : 0;
    }
    while (k < n && k - i < 7 && is_digit(t[k]))
        k++;
    return (k - i >= 3 && k - i <= 6) ? k - i : 0;
}

static uint32_t find_ticker(const earnings__gazetteer *g, const unsigned char *sym, size_t len,
                            const char *exch)
{
    size_t lo = 0, hi = g->ntickers;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *s = g->pool + g->tickers[mid].symbol;
        int c = strncmp(s, (const char *)sym, len);
        if (c == 0 && s[len] != '\0')
            c = 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t first = GZ_NONE;
    for (size_t k = lo; k < g->ntickers; k++) {
        const char *s = g->pool + g->tickers[k].symbol;
        if (strncmp(s, (const char *)sym, len) != 0 || s[len] != '\0')
            break;
        if (first == GZ_NONE)
            first = (uint32_t)k;
        if (exch && g->tickers[k].exchange != GZ_NONE && strcmp(g->pool + g->tickers[k].exchange, exch) == 0)
            return (uint32_t)k;
    }
    return first;
}

static void ticker_cand(scan *s, size_t start, size_t end, size_t sym, size_t symlen, const char *exch,
                        int need_org, int allow_unknown)
{
    uint32_t k = find_ticker(s->g, s->t + sym, symlen, exch);
    if (k == GZ_NONE && !allow_unknown && !need_org)
        return;
    cand *c = push_cand(s);
    if (!c)
        return;
    c->start = start;
    c->end = end;
    c->sym_start = sym;
    c->sym_len = symlen;
    c->exchange = exch;
    c->match = EARNINGS_MATCH_PATTERN;
    c->is_ticker = 1;
    if (k != GZ_NONE) {
        c->ticker = k;
        c->entity = s->g->tickers[k].entity;
        c->rank = RANK_TICKER;
        c->order = UINT32_MAX / 2;
    } else {
        c->rank = RANK_UNKNOWN;
        c->need_org = (uint8_t)need_org;
        c->flags = EARNINGS_ENTITY_FLAG_UNKNOWN;
    }
}

static const char *market_of(const unsigned char *t, size_t n, size_t i, size_t *len)
{
    /* t[i] is the first letter after the dot */
    size_t k = i;
    while (k < n && k - i < 3 && is_upper(t[k]))
        k++;
    if (k == i || k - i > 2 || word_at(t, n, k))
        return NULL;
    if (k + 1 < n && t[k] == '.' && gz_is_alnum(t[k + 1]))
        return NULL;
    for (size_t m = 0; m < sizeof market_suffixes / sizeof market_suffixes[0]; m++)
        if (strlen(market_suffixes[m][0]) == k - i && memcmp(market_suffixes[m][0], t + i, k - i) == 0) {
            *len = k - i;
            return market_suffixes[m][1];
        }
    return NULL;
}

/* `(SYM)` or `(SYM.XX)` with t[i] == '(' */
/* Are the sl letters at t[j..) the initials of the words before the '('
 * at p (small words such as `per`, `of`, `and` passed over), some of them
 * in lower case (a term defined: `Average revenue per membership (ARM)`;
 * not a company's name, `Advanced Micro Devices (AMD)`)? */
static int acronym_of_words(const unsigned char *t, size_t p, size_t j, size_t sl)
{
    static const char *const small[] = { "per", "of", "and", "the", "to", "for", "in", "on", "a", "an" };
    size_t q = p, k = sl;
    int lower_word = 0;
    while (q > 0 && t[q - 1] == ' ')
        q--;
    for (int words = 0; k > 0 && words < 12; words++) {
        size_t e = q;
        while (q > 0 && ((t[q - 1] | 0x20) >= 'a' && (t[q - 1] | 0x20) <= 'z'))
            q--;
        if (q == e)
            return 0;
        int is_small = 0;
        for (size_t w = 0; w < sizeof small / sizeof small[0] && !is_small; w++)
            is_small = strlen(small[w]) == e - q && !memcmp(t + q, small[w], e - q);
        if (!is_small) {
            if ((t[q] | 0x20) != (t[j + k - 1] | 0x20))
                return 0;
            lower_word |= !is_upper(t[q]);
            k--;
        }
        while (q > 0 && (t[q - 1] == ' ' || t[q - 1] == '-'))
            q--;
    }
    return k == 0 && lower_word;
}

static void pat_paren(scan *s, size_t i)
{
    const unsigned char *t = s->t;
    size_t n = s->n, j = i + 1;
    size_t sl = symbol_at(t, n, j);
    if (!sl)
        return;
    size_t k = j + sl;
    const char *exch = NULL;
    size_t ml = 0;
    if (k < n && t[k] == '.') {
        exch = market_of(t, n, k + 1, &ml);
        if (!exch)
            return;
        k += 1 + ml;
    }
    if (k >= n || t[k] != ')')
        return;
    int letters = is_upper(t[j]);
    if (!exch && letters && acronym_of_words(t, i, j, sl))
        return; /* `Average revenue per membership (ARM)`: an abbreviation, not Arm's ticker */
    /* `贵州茅台(600519)`, `腾讯控股(00700)`: a mainland code of six digits or a
     * Hong Kong code led by 0, right after a Chinese name (a year is
     * neither) */
    int zh_code = !letters && i > 0 && t[i - 1] >= 0x80 && (sl == 6 || (sl >= 4 && sl <= 5 && t[j] == '0'));
    if (exch)
        ticker_cand(s, j, k, j, sl, exch, 0, 1);
    else
        ticker_cand(s, j, k, j, sl, NULL, (letters && sl >= 2 && sl <= 5) || zh_code, 0);
}

/* `SYM.XX` with t[i] == '.' */
static void pat_market(scan *s, size_t i)
{
    const unsigned char *t = s->t;
    size_t b = i;
    while (b > 0 && i - b < 7 && (is_upper(t[b - 1]) || is_digit(t[b - 1])))
        b--;
    if (b == i || (b > 0 && (word_before(t, b) || t[b - 1] == '.')))
        return;
    size_t sl = symbol_at(t, s->n, b);
    if (sl != i - b)
        return;
    size_t ml = 0;
    const char *exch = market_of(t, s->n, i + 1, &ml);
    if (!exch)
        return;
    if (b > 0 && t[b - 1] == '(')
        return; /* pat_paren has it */
    ticker_cand(s, b, i + 1 + ml, b, sl, exch, 0, 1);
}

/* `EXCHANGE: SYM` with t[i] == ':' */
static void pat_exchange(scan *s, size_t i)
{
    const unsigned char *t = s->t;
    size_t e = i;
    while (e > 0 && t[e - 1] == ' ')
        e--;
    if (e == 0)
        return;
    unsigned char last = earnings__gz_fold[t[e - 1]];
    for (size_t x = 0; x < sizeof exchanges / sizeof exchanges[0]; x++) {
        size_t L = strlen(exchanges[x][0]);
        if (L > e || (unsigned char)exchanges[x][0][L - 1] != last)
            continue;
        size_t b = e - L;
        size_t k = 0;
        while (k < L && earnings__gz_fold[t[b + k]] == (unsigned char)exchanges[x][0][k])
            k++;
        if (k < L || (gz_is_alnum(t[b]) && word_before(t, b)))
            continue;
        size_t j = i + 1;
        while (j < s->n && t[j] == ' ')
            j++;
        size_t sl = symbol_at(t, s->n, j);
        if (!sl || word_at(t, s->n, j + sl))
            return;
        ticker_cand(s, b, j + sl, j, sl, exchanges[x][1], 0, 1);
        return;
    }
}

/* `$SYM` with t[i] == '$' */
static void pat_cashtag(scan *s, size_t i)
{
    const unsigned char *t = s->t;
    if (word_before(t, i) || i + 1 >= s->n || !is_upper(t[i + 1]))
        return;
    size_t k = i + 1;
    while (k < s->n && k - i <= 6 && is_upper(t[k]))
        k++;
    size_t sl = k - i - 1;
    if (sl > 5 || word_at(t, s->n, k))
        return;
    ticker_cand(s, i + 1, k, i + 1, sl, NULL, 0, sl >= 2);
}

/* ---- automaton ------------------------------------------------------------------------ */

/* One transition: returns the encoded target (see GZ_STATE_MASK). */
static inline uint32_t step(const earnings__gazetteer *g, uint32_t st, unsigned char c)
{
    for (;;) {
        if (st < g->ndense)
            return g->dense[(size_t)st * g->nclass + g->cls[c]];
        const gz_state *x = &g->states[st];
        const uint8_t *lab = g->labels + x->edges;
        unsigned n = x->nedges;
        if (n <= 8) {
            for (unsigned k = 0; k < n; k++) {
                if (lab[k] == c)
                    return g->targets[x->edges + k];
                if (lab[k] > c)
                    break;
            }
        } else {
            unsigned lo = 0, hi = n;
            while (lo < hi) {
                unsigned mid = (lo + hi) / 2;
                if (lab[mid] < c)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo < n && lab[lo] == c)
                return g->targets[x->edges + lo];
        }
        st = x->fail;
    }
}

static size_t fed_to_text(const scan *s, size_t fed)
{
    /* last record with rec.fed <= fed */
    size_t lo = 0, hi = s->nsk;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->sk[mid].fed <= fed)
            lo = mid + 1;
        else
            hi = mid;
    }
    return fed + (lo ? s->sk[lo - 1].cum : 0);
}

static void add_skip(scan *s, size_t fed, size_t bytes)
{
    if (s->nsk && s->sk[s->nsk - 1].fed == fed) {
        s->sk[s->nsk - 1].cum += bytes;
        return;
    }
    if (earnings__grow((void **)&s->sk, &s->capsk, s->nsk + 1, sizeof *s->sk) < 0) {
        s->failed = 1;
        return;
    }
    s->sk[s->nsk].fed = fed;
    s->sk[s->nsk].cum = (s->nsk ? s->sk[s->nsk - 1].cum : 0) + bytes;
    s->nsk++;
}

/* Letters of t[start..end) equal the case-sensitive alias (spaces, hyphens
 * and skipped dots aside). */
static int cs_equal(const scan *s, size_t start, size_t end, const char *alias)
{
    const unsigned char *a = (const unsigned char *)alias;
    size_t i = start;
    for (;;) {
        while (i < end && (earnings__gz_fold[s->t[i]] == ' ' || s->t[i] >= 0x80))
            i++;
        while (*a && (earnings__gz_fold[*a] == ' ' || *a >= 0x80))
            a++;
        if (i >= end || !*a)
            return i >= end && !*a;
        if (s->t[i] != *a)
            return 0;
        i++;
        a++;
    }
}

/* An all-capital ASCII word of 2+ letters right before or after [a, b) on
 * the same line (a heading such as COST OF SALES), other than a ticker. */
static int caps_neighbour(const scan *s, size_t a, size_t b)
{
    const unsigned char *t = s->t;
    for (int dir = 0; dir < 2; dir++) {
        size_t i = dir ? b : a, ws, we;
        if (dir) {
            while (i < s->n && (t[i] == ' ' || t[i] == ',' || t[i] == ':' || t[i] == '&'))
                i++;
            ws = we = i;
            while (we < s->n && gz_is_alnum(t[we]))
                we++;
        } else {
            while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == ',' || t[i - 1] == ':' || t[i - 1] == '&'))
                i--;
            ws = we = i;
            while (ws > 0 && gz_is_alnum(t[ws - 1]))
                ws--;
        }
        if (we - ws < 2)
            continue;
        int caps = 1;
        for (size_t k = ws; k < we && caps; k++)
            caps = is_upper(t[k]) || is_digit(t[k]);
        if (caps && find_ticker(s->g, t + ws, we - ws, NULL) == GZ_NONE)
            return 1;
    }
    return 0;
}

static void report(scan *s, uint32_t st, size_t fed, size_t end)
{
    const earnings__gazetteer *g = s->g;
    for (uint32_t x = g->states[st].nout ? st : g->states[st].dict; x; x = g->states[x].dict) {
        const gz_state *xs = &g->states[x];
        for (uint32_t k = 0; k < xs->nout; k++) {
            const gz_out *o = &g->outs[xs->out + k];
            size_t e = end;
            if ((o->flags & GZP_TAIL_WORD) && word_at(s->t, s->n, e)) {
                /* a product name with an attached generation number: Trainium2 */
                if (g->entities[o->entity].pub.type != EARNINGS_ENTITY_PRODUCT || !is_digit(s->t[e]))
                    continue;
                while (e < s->n && is_digit(s->t[e]))
                    e++;
                if (word_at(s->t, s->n, e))
                    continue;
            }
            size_t start = fed_to_text(s, fed - o->len);
            if ((o->flags & GZP_LEAD_WORD) && word_before(s->t, start))
                continue;
            if ((o->flags & GZP_CS) && !cs_equal(s, start, end, g->pool + o->text))
                continue;
            cand *c = push_cand(s);
            if (!c)
                return;
            c->start = start;
            c->end = e;
            c->entity = o->entity;
            c->order = o->order;
            switch (o->kind) {
            case GZP_EXACT:
                c->match = EARNINGS_MATCH_EXACT;
                c->rank = RANK_EXACT;
                break;
            case GZP_ALIAS:
                c->match = EARNINGS_MATCH_ALIAS;
                c->rank = RANK_ALIAS;
                break;
            case GZP_VARIANT:
                c->match = EARNINGS_MATCH_VARIANT;
                c->rank = RANK_VARIANT;
                c->distance = o->distance;
                break;
            default: /* a bare ticker symbol, unless in a heading */
                if (caps_neighbour(s, start, end)) {
                    s->nc--;
                    continue;
                }
                c->match = EARNINGS_MATCH_ALIAS;
                c->rank = RANK_BARE;
                c->is_ticker = 1;
                c->sym_start = start;
                c->sym_len = end - start;
                c->ticker = find_ticker(g, s->t + start, end - start, NULL);
                break;
            }
        }
    }
}

/* Bytes that trigger a check beyond the automaton. */
enum { TR_PAREN = 1, TR_DOT, TR_COLON, TR_DOLLAR, TR_UPPER };
static const unsigned char trigger[128] = {
    ['('] = TR_PAREN, ['.'] = TR_DOT, [':'] = TR_COLON, ['$'] = TR_DOLLAR,
    ['A'] = TR_UPPER, ['B'] = TR_UPPER, ['C'] = TR_UPPER, ['D'] = TR_UPPER, ['E'] = TR_UPPER,
    ['F'] = TR_UPPER, ['G'] = TR_UPPER, ['H'] = TR_UPPER, ['I'] = TR_UPPER, ['J'] = TR_UPPER,
    ['K'] = TR_UPPER, ['L'] = TR_UPPER, ['M'] = TR_UPPER, ['N'] = TR_UPPER, ['O'] = TR_UPPER,
    ['P'] = TR_UPPER, ['Q'] = TR_UPPER, ['R'] = TR_UPPER, ['S'] = TR_UPPER, ['T'] = TR_UPPER,
    ['U'] = TR_UPPER, ['V'] = TR_UPPER, ['W'] = TR_UPPER, ['X'] = TR_UPPER, ['Y'] = TR_UPPER,
    ['Z'] = TR_UPPER,
};

/* The checks of byte t[i] beyond the automaton (capitalized words, ticker
 * patterns). */
static inline void triggers(scan *s, size_t i)
{
    const unsigned char *t = s->t;
    switch (trigger[t[i]]) {
    case 0:
        break;
    case TR_UPPER:
        if (!word_before(t, i)) {
            if (s->ncaps == s->capcaps
                && earnings__grow((void **)&s->caps, &s->capcaps, s->ncaps + 1, sizeof *s->caps) < 0)
                s->failed = 1;
            else
                s->caps[s->ncaps++] = i;
        }
        break;
    case TR_PAREN: pat_paren(s, i); break;
    case TR_DOT: pat_market(s, i); break;
    case TR_COLON: pat_exchange(s, i); break;
    case TR_DOLLAR: pat_cashtag(s, i); break;
    }
}

/* A middle dot between Han characters at t[i]: its length (skipped), or 0. */
static inline size_t han_dot(const unsigned char *t, size_t n, size_t i)
{
    size_t dl = gz_middle_dot(t + i, n - i);
    if (dl) {
        int32_t b = earnings__gz_cp_before(t, i), a = earnings__gz_cp_at(t, n, i + dl);
        if (b >= 0 && a >= 0 && gz_is_cjk(b) && gz_is_cjk(a))
            return dl;
    }
    return 0;
}

/* Bytes that need more than a transition: space-like ones (runs), ASCII
 * triggers, lead bytes of middle dots. */
static const unsigned char special[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1, ['-'] = 1,
    ['('] = 1, ['.'] = 1, [':'] = 1, ['$'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    [0xC2] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/* ASCII letters and digits: gz_is_alnum() as a table, for the root loop of
 * run_automaton() (a load instead of two compares on every word byte). */
static const unsigned char ascii_alnum[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* ASCII word characters (word_before() of an ASCII byte). */
static const unsigned char ascii_word[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['_'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* The automaton over the folded text: runs of spaces count once, middle
 * dots between Han characters not at all (both recorded as skips, to map
 * fed offsets back to the text).
 *
 * Shortcuts, none of which changes what is reported: at the root, bytes that
 * start no key and trigger nothing are passed over in a tight loop, and so
 * are letters and digits inside a word (every key starting with one needs a
 * word boundary before it) and Han characters that start no key (a table of
 * the gazetteer); the transition rows lead back to the root as
 * soon as the automaton would only follow text that starts inside a word
 * (gazetteer.h). */
static void run_automaton(scan *s)
{
    const earnings__gazetteer *g = s->g;
    const unsigned char *t = s->t;
    const unsigned char *fold = earnings__gz_fold;
    const unsigned char *act = g->rootact;
    const uint32_t *dense = g->dense;
    const size_t ndense = g->ndense, nclass = g->nclass;
    size_t n = s->n, skipped = 0; /* fed bytes = i - skipped */
    uint32_t st = 0;
    size_t i = 0;
    for (;;) {
        if (st == 0) {
            for (; i < n; i++) {
                unsigned char c = t[i];
                unsigned a = act[c];
                if (a == GZ_ACT_QUIET)
                    continue;
                if (a == GZ_ACT_WORD) {
                    if (i > 0 && ascii_word[t[i - 1]]) {
                        /* inside a word: its other letters and digits are
                         * quiet or word bytes too, passed over at once */
                        while (i + 1 < n && ascii_alnum[t[i + 1]])
                            i++;
                        continue;
                    }
                    break;
                }
                if (c >= 0xE4 && c <= 0xE9 && i + 2 < n && (t[i + 1] & 0xC0) == 0x80 &&
                    (t[i + 2] & 0xC0) == 0x80) {
                    /* a Han character that starts no key: back at the root */
                    uint32_t cp = ((c & 0x0Fu) << 12) | ((t[i + 1] & 0x3Fu) << 6) | (t[i + 2] & 0x3Fu);
                    if (!(g->hanstart[(cp - GZ_HAN_FIRST) >> 3] & (1u << (cp & 7))) && !special[c]) {
                        i += 2;
                        continue;
                    }
                    break;
                }
                if (a == GZ_ACT_SPACE) {
                    if (i > 0 && fold[t[i - 1]] == ' ') {
                        add_skip(s, i - skipped, 1);
                        skipped++;
                        if (s->failed)
                            return;
                    }
                    continue;
                }
                break;
            }
        }
        if (i >= n)
            return;
        unsigned char c = t[i];
        unsigned char f = fold[c];
        if (special[c]) {
            if (f == ' ') {
                if (i > 0 && fold[t[i - 1]] == ' ') {
                    add_skip(s, i - skipped, 1);
                    skipped++;
                    if (s->failed)
                        return;
                    i++;
                    continue;
                }
            } else if (c < 0x80) {
                triggers(s, i);
                if (s->failed)
                    return;
            } else {
                size_t dl = han_dot(t, n, i);
                if (dl) {
                    add_skip(s, i - skipped, dl);
                    skipped += dl;
                    if (s->failed)
                        return;
                    i += dl;
                    continue;
                }
            }
        }
        uint32_t enc = st < ndense ? dense[(size_t)st * nclass + g->cls[f]] : step(g, st, f);
        st = enc & GZ_STATE_MASK;
        unsigned r = enc >> 30;
        i++;
        if (r && !(r == 2 && i < n && gz_is_alnum(t[i]))) {
            report(s, st, i - skipped, i);
            if (s->failed)
                return;
        }
    }
}

/* The same, one byte at a time through s->ref_step and with no shortcut
 * (reference for the tests). */
static void run_automaton_ref(scan *s)
{
    const earnings__gazetteer *g = s->g;
    const unsigned char *t = s->t;
    size_t n = s->n, fed = 0;
    uint32_t st = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = t[i];
        unsigned char f = earnings__gz_fold[c];
        if (f == ' ') {
            if (space) {
                add_skip(s, fed, 1);
                continue;
            }
            space = 1;
        } else {
            space = 0;
            if (c < 0x80) {
                triggers(s, i);
            } else if (c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF) {
                size_t dl = han_dot(t, n, i);
                if (dl) {
                    add_skip(s, fed, dl);
                    i += dl - 1;
                    continue;
                }
            }
        }
        st = s->ref_step(g, st, f, s->ref_ctx);
        fed++;
        unsigned r = g->states[st].report;
        if (r && !(r == 2 && i + 1 < n && gz_is_alnum(t[i + 1])))
            report(s, st, fed, i + 1);
        if (s->failed)
            return;
    }
}

/* ---- selection ------------------------------------------------------------------------- */

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->order != y->order)
        return x->order > y->order ? -1 : 1;
    return 0;
}

static int32_t cand_type(const earnings__gazetteer *g, const cand *c)
{
    if (c->is_ticker)
        return EARNINGS_ENTITY_TICKER;
    if (c->entity == GZ_NONE)
        return c->utype ? c->utype : EARNINGS_ENTITY_PERSON;
    return g->entities[c->entity].pub.type;
}

/* Insertion sort of a[0..n) by cmp_cand, for candidates nearly in order as
 * found (the automaton reports them at their ends); gives up (0, a still
 * a permutation) past a budget of moves linear in n. Stable. */
static int sort_nearly(cand *a, size_t n)
{
    size_t budget = 8 * n + 64, moves = 0;
    for (size_t i = 1; i < n; i++) {
        if (cmp_cand(&a[i - 1], &a[i]) <= 0)
            continue;
        cand x = a[i];
        size_t j = i;
        while (j > 0 && cmp_cand(&a[j - 1], &x) > 0) {
            a[j] = a[j - 1];
            j--;
            if (++moves > budget) {
                a[j] = x;
                return 0;
            }
        }
        a[j] = x;
    }
    return 1;
}

/* Sorts s->c by cmp_cand when its first `sorted` are in order already: the
 * tail alone, then merged in from the back through room at the array's
 * end (candidates that compare equal keep their order). */
static void sort_cands(scan *s, size_t sorted)
{
    size_t n = s->nc;
    if (sorted > n)
        sorted = n;
    for (size_t i = 1; i < sorted; i++)
        if (cmp_cand(&s->c[i - 1], &s->c[i]) > 0) {
            sorted = 0; /* (a pass moved one: sort it all) */
            break;
        }
    size_t b = n - sorted;
    if (!b)
        return;
    cand *tail = s->c + sorted;
    if (!sort_nearly(tail, b))
        qsort(tail, b, sizeof *tail, cmp_cand);
    if (!sorted || cmp_cand(&s->c[sorted - 1], &s->c[sorted]) <= 0)
        return;
    if (earnings__grow((void **)&s->c, &s->capc, n + b, sizeof *s->c) < 0) {
        s->failed = 1;
        return;
    }
    cand *tmp = s->c + n;
    memcpy(tmp, s->c + sorted, b * sizeof *tmp);
    size_t i = sorted, j = b, k = n;
    while (j > 0) {
        if (i > 0 && cmp_cand(&s->c[i - 1], &tmp[j - 1]) > 0)
            s->c[--k] = s->c[--i];
        else
            s->c[--k] = tmp[--j];
    }
}

/* Longest-leftmost: keeps, in place, a non-overlapping subset of s->c. */
static void select_longest(scan *s)
{
    if (!sort_nearly(s->c, s->nc))
        qsort(s->c, s->nc, sizeof *s->c, cmp_cand);
    size_t out = 0, last_end = 0;
    for (size_t i = 0; i < s->nc;) {
        size_t j = i;
        while (j < s->nc && s->c[j].start == s->c[i].start && s->c[j].end == s->c[i].end)
            j++;
        if (s->c[i].start >= last_end) {
            size_t pick = j;
            for (size_t k = i; k < j && pick == j; k++) {
                cand *c = &s->c[k];
                if (!c->need_org) {
                    pick = k;
                    continue;
                }
                /* an unknown (SYM) right after an organization is its ticker */
                if (out == 0)
                    continue;
                const cand *prev = &s->c[out - 1];
                if (prev->is_ticker || prev->entity == GZ_NONE
                    || s->g->entities[prev->entity].pub.type != EARNINGS_ENTITY_ORG)
                    continue;
                size_t q = prev->end;
                while (q < c->start && (s->t[q] == ' ' || s->t[q] == '('))
                    q++;
                if (q != c->start)
                    continue;
                c->entity = prev->entity;
                pick = k;
            }
            if (pick == j && s->c[i].need_org && s->norphans < 64) {
                /* kept for an organization found by pattern later (reporters()) */
                if (earnings__grow((void **)&s->orphans, &s->caporphans, s->norphans + 1, sizeof *s->orphans) < 0)
                    s->failed = 1;
                else
                    s->orphans[s->norphans++] = s->c[i];
            }
            if (pick < j) {
                cand chosen = s->c[pick];
                for (size_t k = i; k < j; k++) /* another entity with the same text */
                    if (k != pick && s->c[k].entity != chosen.entity && s->c[k].entity != GZ_NONE
                        && s->c[k].rank <= RANK_VARIANT && chosen.rank <= RANK_VARIANT)
                        chosen.flags |= EARNINGS_ENTITY_FLAG_AMBIGUOUS;
                s->c[out++] = chosen;
                last_end = chosen.end;
            }
        }
        i = j;
    }
    s->nc = out;
}

/* Index of the first selected candidate ending after off, in s->c[0..n). */
static size_t first_ending_after(const cand *c, size_t n, size_t off)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Does a selected candidate of c[0..n) overlap [start, end)? */
static int covered(const cand *c, size_t n, size_t start, size_t end)
{
    size_t lo = first_ending_after(c, n, start);
    return lo < n && c[lo].start < end;
}

/* May an organization's name take the text [start, end) (its name words
 * [start, name_end))? Yes where no selected candidate overlaps it, or where
 * those that do are segment, product or metric words inside the name that
 * do not make up all its name words (`Apex Retail Group`, `蓝海物流`): they
 * are dropped. Not where an organization, person, role or ticker overlaps,
 * or a word reaches out of the name. */
static int claims(scan *s, size_t nsel, size_t start, size_t name_end, size_t end)
{
    size_t lo = first_ending_after(s->c, nsel, start), k = lo;
    for (; k < nsel && s->c[k].start < end; k++) {
        const cand *c = &s->c[k];
        if (c->dropped)
            continue;
        int32_t ty = cand_type(s->g, c);
        if (c->start < start || c->end > end || (c->start == start && c->end >= name_end) ||
            !(ty == EARNINGS_ENTITY_SEGMENT || ty == EARNINGS_ENTITY_PRODUCT || ty == EARNINGS_ENTITY_METRIC))
            return 0;
    }
    for (size_t j = lo; j < k; j++)
        s->c[j].dropped = 1;
    return 1;
}

/* ---- fuzzy matcher ----------------------------------------------------------------------- */

static size_t letters_at(const unsigned char *t, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && (unsigned)((t[k] | 0x20) - 'a') < 26u)
        k++;
    return k - i;
}

/* Largest edit distance accepted for a target key: products of 6+ letters 1,
 * of 9+ letters 2; person surnames of 7+ letters 1, of 10+ letters 2 (short
 * surnames are too close to ordinary words: Garman, German). The person's
 * first name just before adds 1. */
static int max_distance(int32_t type, size_t keylen)
{
    if (type == EARNINGS_ENTITY_PRODUCT)
        return keylen >= 9 ? 2 : keylen >= 6 ? 1 : 0;
    return keylen >= 10 ? 2 : keylen >= 7 ? 1 : 0;
}

static size_t popcount32(uint32_t x)
{
    size_t n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* Whether some target key could be within reach of the word low[0..len)
 * (its letters in mask): the length and letter-set bounds of fuzzy_word()'s
 * first part, with the first-name allowance granted to every person, and no
 * distance computed. False: fuzzy_word() would find nothing. */
static int fuzzy_reachable(const earnings__gazetteer *g, const char *low, size_t len, uint32_t mask)
{
    for (int pass = 0; pass < 2; pass++) {
        unsigned char l = (unsigned char)low[pass];
        if ((unsigned)(l - 'a') >= 26u || (pass == 1 && low[1] == low[0]))
            continue;
        for (uint32_t k = g->fkey_start[0][l - 'a']; k < g->fkey_start[0][l - 'a' + 1]; k++) {
            const gz_fkey *fk = &g->fkeys[k];
            if (pass == 1 && g->pool[fk->text + 1] != low[0])
                continue;
            const gz_entity *ge = &g->entities[fk->entity];
            int maxd = max_distance(ge->pub.type, fk->len);
            if (ge->first_name != GZ_NONE && fk->len >= 5)
                maxd = maxd ? maxd + 1 : 1;
            if (maxd > 0 && (fk->len > len ? fk->len - len : len - fk->len) <= (size_t)maxd
                && popcount32(mask ^ fk->mask) <= 2 * (size_t)maxd)
                return 1;
        }
    }
    return 0;
}

static void fuzzy_word(scan *s, size_t nsel, size_t p)
{
    const earnings__gazetteer *g = s->g;
    const unsigned char *t = s->t;
    size_t len = letters_at(t, s->n, p);
    if (len < 4 || len > 63)
        return;
    char low[64];
    uint32_t mask = 0;
    for (size_t k = 0; k < len; k++) {
        low[k] = (char)(t[p + k] | 0x20);
        mask |= 1u << (low[k] - 'a');
    }
    if (!s->ref_step && !fuzzy_reachable(g, low, len, mask))
        return;
    size_t end = p + len, vend = end;
    while (vend < s->n && is_digit(t[vend]))
        vend++;
    if (word_at(t, s->n, vend) || covered(s->c, nsel, p, vend))
        return;
    /* the word before, for the first-name context */
    size_t pe = p, ps;
    while (pe > 0 && t[pe - 1] == ' ')
        pe--;
    ps = pe;
    while (ps > 0 && (unsigned)((t[ps - 1] | 0x20) - 'a') < 26u)
        ps--;
    if (pe == p || ps == pe || pe - ps > 31 || word_before(t, ps) || !is_upper(t[ps])
        || covered(s->c, nsel, ps, pe))
        ps = pe = p; /* no usable word before */
    /* the target keys within reach: exactly one entity, then no blocker of
     * another entity within reach either */
    uint32_t best = GZ_NONE;
    int bestd = 99, ctx = 0;
    for (int part = 0; part < 2; part++) {
        for (int pass = 0; pass < 2; pass++) {
            unsigned char l = (unsigned char)low[pass];
            if ((unsigned)(l - 'a') >= 26u || (pass == 1 && low[1] == low[0]))
                continue;
            /* part 0: targets; part 1: every key (targets, then blockers) */
            for (int range = 0; range <= part; range++)
                for (uint32_t k = g->fkey_start[range][l - 'a']; k < g->fkey_start[range][l - 'a' + 1]; k++) {
                    const gz_fkey *fk = &g->fkeys[k];
                    const char *key = g->pool + fk->text;
                    if (pass == 1 && key[1] != low[0])
                        continue; /* second pass: the first two letters transposed */
                    if (part == 1 && fk->entity == best)
                        continue;
                    const gz_entity *ge = &g->entities[fk->entity];
                    int maxd = part == 0 ? max_distance(ge->pub.type, fk->len) : (fk->len >= 6 ? 2 : 1);
                    int with_ctx = 0;
                    if (part == 0 && pe > ps && ge->first_name != GZ_NONE && ge->first_len == pe - ps
                        && fk->len >= 5) {
                        size_t q = 0;
                        while (q < pe - ps && (t[ps + q] | 0x20) == (unsigned char)g->pool[ge->first_name + q])
                            q++;
                        if (q == pe - ps) {
                            maxd = maxd ? maxd + 1 : 1;
                            with_ctx = 1;
                        }
                    }
                    if (maxd <= 0 || (fk->len > len ? fk->len - len : len - fk->len) > (size_t)maxd
                        || popcount32(mask ^ fk->mask) > 2 * (size_t)maxd)
                        continue;
                    int d = earnings__edit_distance(low, len, key, fk->len, maxd);
                    if (d > maxd || d == 0)
                        continue;
                    if (part == 1 || (best != GZ_NONE && fk->entity != best))
                        return; /* near several entities: never merge */
                    if (d < bestd) {
                        best = fk->entity;
                        bestd = d;
                        ctx = with_ctx;
                    }
                }
        }
        if (best == GZ_NONE)
            return; /* no target near */
    }
    cand *c = push_cand(s);
    if (!c)
        return;
    int product = g->entities[best].pub.type == EARNINGS_ENTITY_PRODUCT;
    c->start = ctx ? ps : p;
    c->end = product ? vend : end;
    c->entity = best;
    c->match = EARNINGS_MATCH_FUZZY;
    c->distance = (uint16_t)bestd;
    c->rank = RANK_VARIANT;
    if (ctx)
        c->flags |= EARNINGS_ENTITY_FLAG_CONTEXT;
}

/* ---- honorifics: Mr. / Ms. / Mrs. / Dr. / Prof. + capitalized words ---------------------------- */

static uint32_t add_string(scan *s, const char *a, size_t alen, const char *b, size_t blen)
{
    if (s->strings.len + alen + blen + 1 >= GZ_NONE) {
        s->failed = 1;
        return GZ_NONE;
    }
    uint32_t off = (uint32_t)s->strings.len;
    earnings__sb_append(&s->strings, a, alen);
    earnings__sb_append(&s->strings, b, blen);
    earnings__sb_putc(&s->strings, '\0');
    if (s->strings.failed)
        s->failed = 1;
    return off;
}

static void honorific(scan *s, size_t nsel, size_t p)
{
    static const char *const titles[] = { "Mr", "Ms", "Mrs", "Dr", "Prof" };
    const unsigned char *t = s->t;
    size_t len = letters_at(t, s->n, p), k = p + len;
    int title = 0;
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
        if (strlen(titles[i]) == len && memcmp(titles[i], t + p, len) == 0)
            title = 1;
    if (!title)
        return;
    if (k < s->n && t[k] == '.')
        k++;
    else if (len == 2 && t[p] == 'D')
        return; /* "Dr" without its dot is too often something else */
    if (k >= s->n || t[k] != ' ')
        return;
    while (k < s->n && t[k] == ' ')
        k++;
    size_t start = k, end = k;
    char name[128], slug[128];
    size_t nl = 0, sl = 0;
    for (int w = 0; w < 3; w++) {
        if (k >= s->n || !is_upper(t[k]))
            break;
        size_t e = k + 1;
        while (e < s->n && ((unsigned)((t[e] | 0x20) - 'a') < 26u || t[e] == '\'')
               && e - k < 40)
            e++;
        if (e - k < 2 || word_at(t, s->n, e) || covered(s->c, nsel, k, e))
            break;
        if (nl + (e - k) + 2 > sizeof name)
            break;
        if (nl) {
            name[nl++] = ' ';
            slug[sl++] = '-';
        }
        for (size_t q = k; q < e; q++) {
            name[nl++] = (char)t[q];
            if (t[q] != '\'')
                slug[sl++] = (char)(t[q] | 0x20);
        }
        end = e;
        if (e + 1 < s->n && t[e] == ' ' && is_upper(t[e + 1]))
            k = e + 1;
        else
            break;
    }
    if (end == start)
        return;
    uint32_t uid = add_string(s, "person:", 7, slug, sl);
    uint32_t uname = add_string(s, name, nl, "", 0);
    push_unknown(s, start, end, 0, uid, uname);
}

/* Does t[..q) end with a word of a[] followed by one of b[]? */
static int ends_with_pair(const unsigned char *t, size_t q, const char *const *a, size_t na, const char *const *b,
                          size_t nb)
{
    for (size_t j = 0; j < nb; j++) {
        size_t bl = strlen(b[j]);
        if (q < bl || memcmp(t + q - bl, b[j], bl) != 0)
            continue;
        for (size_t i = 0; i < na; i++) {
            size_t al = strlen(a[i]), k = 0;
            if (q < bl + al)
                continue;
            /* (a sentence may open with it: `Introduced the "Add-on Delivery" button`) */
            const unsigned char *w = t + q - bl - al;
            while (k < al && (w[k] == (unsigned char)a[i][k] || (k == 0 && (w[k] | 0x20) == (unsigned char)a[i][k] &&
                                                                  is_upper(w[k]))))
                k++;
            if (k == al)
                return 1;
        }
    }
    return 0;
}

/* A name whose later mentions the legal-form and product patterns look for
 * (at most MAX_SHORT_NAMES distinct names a document), with the entity
 * they mention. */
#define MAX_SHORT_NAMES 32
typedef struct short_name {
    size_t ss, se;         /* the name's text; ss == se: none */
    uint8_t type;          /* EARNINGS_ENTITY_* */
    uint32_t uid, uname;   /* the entity's id and name in the string pool */
} short_name;

/* ---- organizations by legal form: Acme Robotics Inc., Nordwind Holdings AG ---------------------- */

/* The legal forms that end a company name. A form with dots (N.V.) is
 * written as it is spelled; "Co" and "Corp" also take their dot. */
static const struct {
    char s[14];
    unsigned char len;
} legal_forms[] = {
    /* grouped by first letter (legal_form_range()) */
    { "AG", 2 },       { "ASA", 3 },          { "Co", 2 },   { "Corp", 4 }, { "Company", 7 }, { "Corporation", 11 },
    { "GmbH", 4 },     { "Holdings", 8 },     { "Inc", 3 },  { "Incorporated", 12 },
    { "LLC", 3 },      { "LP", 2 },           { "L.P.", 4 }, { "Ltd", 3 },  { "Limited", 7 },
    { "N.V.", 4 },     { "Oyj", 3 },          { "PLC", 3 },  { "Plc", 3 },  { "SE", 2 },      { "S.A.", 4 },
};

/* The forms starting with c: legal_forms[*lo, *hi). */
static void legal_form_range(unsigned char c, size_t *lo, size_t *hi)
{
    switch (c) {
    case 'A': *lo = 0, *hi = 2; break;
    case 'C': *lo = 2, *hi = 6; break;
    case 'G': *lo = 6, *hi = 7; break;
    case 'H': *lo = 7, *hi = 8; break;
    case 'I': *lo = 8, *hi = 10; break;
    case 'L': *lo = 10, *hi = 15; break;
    case 'N': *lo = 15, *hi = 16; break;
    case 'O': *lo = 16, *hi = 17; break;
    case 'P': *lo = 17, *hi = 19; break;
    case 'S': *lo = 19, *hi = 21; break;
    default: *lo = *hi = 0; break;
    }
}

/* Words that open a sentence or a phrase and are not part of a name. */
static const char *const name_leads[] = {
    "The", "A", "An", "At", "In", "On", "For", "From", "By", "With", "And", "But", "Or", "As",
    "Today", "Yesterday", "Shares", "Meanwhile", "Also", "When", "While", "After", "Before",
    "Both", "Rival", "Peer", "Peers", "Competitor", "Unlike", "Like", "Including", "Of",
    "Our", "Its", "Their", "This", "That", "Analysts", "Investors", "Customers", "Parent",
    "It", "We", "They", "He", "She", "These", "Those", "Management", "Separately", "Still", "However",
};

/* Capitalized function words inside a run: a heading, not a name. */
static const char *const inner_stops[] = { "The", "Of", "And", "For", "In", "On", "At", "To", "A", "An", "Our", "Its" };

static int word_in(const unsigned char *w, size_t len, const char *const *list, size_t nlist)
{
    for (size_t i = 0; i < nlist; i++)
        if (strlen(list[i]) == len && memcmp(list[i], w, len) == 0)
            return 1;
    return 0;
}

/* A capitalized name word at t[i..): an upper-case letter, then letters,
 * digits, '-', '&' or an apostrophe; its length or 0. */
static size_t name_word(const unsigned char *t, size_t n, size_t i)
{
    if (i >= n || !(is_upper(t[i]) || is_digit(t[i])))
        return 0;
    size_t k = i + 1;
    while (k < n && k - i < 40
           && (gz_is_alnum(t[k]) || ((t[k] == '-' || t[k] == '&' || t[k] == '\'') && k + 1 < n && gz_is_alnum(t[k + 1]))))
        k++;
    if (word_at(t, n, k))
        return 0;
    return k - i;
}

/* The legal form at t[p..): its length (with a trailing dot where the form
 * takes one) or 0. */
static size_t legal_form(const unsigned char *t, size_t n, size_t p)
{
    if (p + 2 > n)
        return 0;
    size_t lo, hi;
    legal_form_range(t[p], &lo, &hi);
    if (lo == hi)
        return 0;
    for (size_t i = lo; i < hi; i++) {
        size_t l = legal_forms[i].len;
        if (t[p + 1] != (unsigned char)legal_forms[i].s[1] || p + l > n || memcmp(t + p, legal_forms[i].s, l) != 0)
            continue;
        if (word_at(t, n, p + l) || (p + l < n && (t[p + l] == '-' || t[p + l] == '&' || t[p + l] == '\'')))
            continue;
        if (t[p + l - 1] != '.' && p + l < n && t[p + l] == '.')
            l++; /* Inc. Corp. Co. Ltd. */
        return l;
    }
    return 0;
}

static void slug_append(char *slug, size_t *sl, size_t cap, const unsigned char *w, size_t len)
{
    for (size_t q = 0; q < len && *sl + 1 < cap; q++) {
        unsigned char c = w[q];
        if (gz_is_alnum(c))
            slug[(*sl)++] = (char)(c | (is_upper(c) ? 0x20 : 0));
        else if (*sl && slug[*sl - 1] != '-')
            slug[(*sl)++] = '-';
    }
}

static void org_name_before(scan *s, size_t nsel, size_t name_end, size_t end, size_t min_start, short_name *out);

/* A period code opens t[i..e): Q1-Q4, H1, H2, FY with digits, a year. */
static int period_code_at(const unsigned char *t, size_t e, size_t i)
{
    size_t k = i;
    while (k < e && gz_is_alnum(t[k]))
        k++;
    size_t l = k - i;
    if (l == 2 && ((t[i] == 'Q' && t[i + 1] >= '1' && t[i + 1] <= '4') || (t[i] == 'H' && (t[i + 1] == '1' || t[i + 1] == '2'))))
        return 1;
    if (l >= 4 && t[i] == 'F' && t[i + 1] == 'Y' && is_digit(t[i + 2]) && is_digit(t[i + 3]))
        return 1;
    return l == 4 && (t[i] == '1' || t[i] == '2') && is_digit(t[i + 1]) && is_digit(t[i + 2]) && is_digit(t[i + 3]);
}

/* caps[i] starts a legal form: the capitalized words before it (up to five,
 * on the same line, an optional comma before the form) name an
 * organization the lexicon does not know. */
static void corporate(scan *s, size_t nsel, size_t p, short_name *out)
{
    const unsigned char *t = s->t;
    out->ss = out->se = 0;
    size_t flen = legal_form(t, s->n, p);
    if (!flen)
        return;
    /* Nordwind Holdings AG: the last form takes the name */
    size_t nx = p + flen;
    if (nx < s->n && t[nx] == ',')
        nx++;
    if (nx + 1 < s->n && t[nx] == ' ' && legal_form(t, s->n, nx + 1))
        return;
    /* the name words before it */
    size_t q = p;
    if (q >= 2 && t[q - 1] == ' ' && t[q - 2] == ',')
        q -= 2;
    else if (q >= 1 && t[q - 1] == ' ')
        q -= 1;
    else
        return;
    org_name_before(s, nsel, q, p + flen, (size_t)-1, out);
}

/* The organization named by up to five capitalized words ending at
 * name_end (the mention ends at end: after its legal form, or name_end);
 * none when the name would start after min_start. */
static void org_name_before(scan *s, size_t nsel, size_t name_end, size_t end, size_t min_start, short_name *out)
{
    const unsigned char *t = s->t;
    out->ss = out->se = 0;
    size_t q = name_end, start = name_end, words = 0;
    while (words < 5) {
        size_t e = q, b = q;
        while (b > 0 && (gz_is_alnum(t[b - 1]) || t[b - 1] == '-' || t[b - 1] == '&' || t[b - 1] == '\''))
            b--;
        size_t wl = b == e ? 0 : name_word(t, s->n, b);
        if (b == e || !(wl == e - b || (wl == e - b + 2 && t[e] == '\'' && t[e + 1] == 's'))) /* (Acme's) */
            break;
        start = b;
        words++;
        if (b >= 2 && t[b - 1] == ' ' && (gz_is_alnum(t[b - 2]) || t[b - 2] == '&')) {
            q = b - 1;
            if (t[q - 1] == '&' && q >= 3 && t[q - 2] == ' ') /* Procter & Gamble */
                q -= 2;
            continue;
        }
        break;
    }
    size_t walked = start; /* (min_start bounds the name with its leading words) */
    /* drop the words that lead a sentence or phrase */
    while (start < name_end) {
        size_t l = name_word(t, s->n, start);
        if (!l || !word_in(t + start, l, name_leads, sizeof name_leads / sizeof name_leads[0]))
            break;
        start += l;
        while (start < name_end && t[start] == ' ')
            start++;
    }
    if (start >= name_end || name_end - start < 2 || walked > min_start || period_code_at(t, name_end, start))
        return; /* (nor a period: `Q3 beat on margins`) */
    /* an article and one word is a common noun (`The Board announced`) */
    if (start > walked && end == name_end) { /* (not with a legal form: `The Gap, Inc.`) */
        static const char *const articles[] = { "The", "A", "An", "Our", "Its", "Their", "This", "That" };
        size_t l = name_word(t, s->n, walked);
        if (l && word_in(t + walked, l, articles, sizeof articles / sizeof articles[0]) &&
            !memchr(t + start, ' ', name_end - start))
            return;
    }
    /* a capitalized heading (Results Of The Company) is not a name */
    for (size_t k = start; k < name_end;) {
        size_t l = name_word(t, s->n, k);
        if (l && word_in(t + k, l, inner_stops, sizeof inner_stops / sizeof inner_stops[0]))
            return;
        k += l ? l : 1;
        while (k < name_end && (t[k] == ' ' || t[k] == '&'))
            k++;
    }
    if (!claims(s, nsel, start, name_end, end))
        return;
    char name[160], slug[160];
    size_t nl = 0, sl = 0;
    if (end - start >= sizeof name)
        return;
    for (size_t k = start; k < end; k++)
        if (!(t[k] == ' ' && nl && name[nl - 1] == ' '))
            name[nl++] = (char)t[k];
    slug_append(slug, &sl, sizeof slug, t + start, name_end - start);
    if (!sl)
        return;
    if (!memchr(t + start, ' ', name_end - start)) {
        /* a one-word name that opens a company's longer name found before
         * (`Pinecrest` after `Pinecrest Bank Corp`): that company */
        size_t wl = name_end - start;
        for (size_t k = 0; k < s->nc; k++) {
            const cand *o = &s->c[k];
            if (o->utype == EARNINGS_ENTITY_ORG && (o->flags & EARNINGS_ENTITY_FLAG_UNKNOWN) && !o->dropped &&
                o->end < start && o->end - o->start > wl + 1 && t[o->start + wl] == ' ' &&
                !memcmp(t + o->start, t + start, wl)) {
                *out = (short_name){ start, name_end, EARNINGS_ENTITY_ORG, o->uid, o->uname };
                push_unknown(s, start, end, out->type, out->uid, out->uname);
                return;
            }
        }
    }
    *out = (short_name){ start, name_end, EARNINGS_ENTITY_ORG, add_string(s, "org:", 4, slug, sl),
                         add_string(s, name, nl, "", 0) };
    push_unknown(s, start, end, out->type, out->uid, out->uname);
}

/* A title's verb at t[i..) with the spaces around it (` Reports `). */
static int title_verb_at(const unsigned char *t, size_t n, size_t i)
{
    static const char *const verbs[] = { " Reports ", " Announces ", " Posts ", " Reported ", " Delivers ",
                                         " Raises ", " Lowers ", " Cuts ", " Reaffirms ", " Reiterates ",
                                         " Lifts ", " Boosts ", " Narrows ", " Updates ", " Beats ",
                                         " Misses ", " Tops ", " Confirms ", " Withdraws ", " Issues ",
                                         " reports ", " announces ", " posts ", " raises ", " lowers ",
                                         " cuts ", " beats ", " misses ", " tops " };
    for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++) {
        size_t l = strlen(verbs[k]);
        if (i + l <= n && !memcmp(t + i, verbs[k], l))
            return 1;
    }
    return 0;
}

/* Later mentions of a name found by a pattern (`Acme Robotics Inc.` ...
 * `Acme Robotics`, a 简称, a title's subject): whole words, not inside a
 * longer capitalized run, and not where the lexicon matched a name of its
 * own (its words inside the name are taken in: claims()). */
static void corporate_again(scan *s, size_t nsel, const short_name *name)
{
    const unsigned char *t = s->t;
    size_t ss = name->ss, se = name->se, len = se - ss, n = s->n;
    if (len < 4)
        return;
    for (size_t i = 0; i + len <= n;) {
        const unsigned char *hit = memchr(t + i, t[ss], n - len + 1 - i);
        if (!hit)
            break;
        size_t a = (size_t)(hit - t), b = a + len;
        i = a + 1;
        if (a == ss || memcmp(t + a, t + ss, len) != 0)
            continue;
        if (t[ss] < 0x80) { /* Latin: whole words, not inside a longer name */
            if (word_before(t, a) || word_at(t, n, b))
                continue;
            if (b + 1 < n && t[b] == ' ' && (is_upper(t[b + 1]) || (legal_form(t, n, b + 1))) &&
                !title_verb_at(t, n, b))
                continue; /* (but a title's subject: `Acme Robotics Reports ...`) */
        }
        if (!claims(s, nsel, a, b, b)) /* (taking in the lexicon's words inside it: `Apex Retail Group`) */
            continue;
        push_unknown(s, a, b, name->type, name->uid, name->uname);
        if (s->failed)
            return;
        i = b;
    }
}

/* Chinese legal forms: a name of Han characters before 有限公司,
 * 股份有限公司, 有限责任公司 (`宁德时代新能源科技股份有限公司`), from a
 * boundary (punctuation, a Latin letter or digit, the start) or a
 * function character (的, 和, 与, 在, ...), an optional parenthesized
 * place included (`腾讯科技(深圳)有限公司`). */
static const char zh_stops[] = "的和与及在由对向称据是为被将了从于即而或同跟给让把以经这该本其子母司年月日、";

/* Is the 3-byte character at c one of zh_stops (all 3 bytes long)? */
static int zh_stop(const unsigned char *c)
{
    for (size_t i = 0; i + 3 <= sizeof zh_stops - 1; i += 3)
        if (!memcmp(zh_stops + i, c, 3))
            return 1;
    return 0;
}

/* Is the character before q a stop of a name walk (zh_stop()), not the
 * first character of a word that names things (`在线`: online)? */
static int zh_stop_before(const unsigned char *t, size_t n, size_t q)
{
    if (!zh_stop(t + q - 3))
        return 0;
    if (!memcmp(t + q - 3, "子", 3) && q >= 6) {
        /* 电子, 光子, 量子, 分子, 粒子 in a name (`星海电子`), not 子公司 */
        static const char *const words[] = { "电", "光", "量", "分", "粒" };
        for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
            if (!memcmp(t + q - 6, words[k], 3))
                return 0;
    }
    return !(!memcmp(t + q - 3, "在", 3) && q + 3 <= n && !memcmp(t + q, "线", 3));
}

/* A CJK ideograph of the basic block: 3 bytes in UTF-8, which the name
 * walks below step over. */
static int is_han(int32_t cp) { return cp >= 0x4E00 && cp <= 0x9FFF; }

static void corporate_zh(scan *s, size_t nsel, size_t h, size_t flen, short_name *out)
{
    const unsigned char *t = s->t;
    static const char gufen[] = "股份", jituan[] = "集团";
    size_t fs = h; /* start of the form */
    if (fs >= 6 && memcmp(t + fs - 6, gufen, 6) == 0)
        fs -= 6;
    if (fs >= 6 && memcmp(t + fs - 6, jituan, 6) == 0)
        fs -= 6;
    size_t q = fs, nhan = 0;
    while (q > 0 && nhan < 16) {
        if (t[q - 1] == ')') { /* (深圳) */
            size_t o = q - 1, k = 0;
            while (o > 0 && t[o - 1] != '(' && k < 5 && t[o - 1] >= 0x80) {
                int32_t cp = earnings__gz_cp_before(t, o);
                if (!is_han(cp))
                    break;
                o -= 3;
                k++;
            }
            if (o == 0 || t[o - 1] != '(' || k == 0)
                break;
            q = o - 1;
            continue;
        }
        if (t[q - 1] < 0x80)
            break;
        int32_t cp = earnings__gz_cp_before(t, q);
        if (!is_han(cp) || zh_stop_before(t, s->n, q))
            break;
        q -= 3;
        nhan++;
    }
    out->ss = out->se = 0;
    size_t end = h + flen;
    if (nhan < 2 || covered(s->c, nsel, q, end))
        return;
    *out = (short_name){ q, fs, EARNINGS_ENTITY_ORG, add_string(s, "org:", 4, (const char *)t + q, fs - q),
                         add_string(s, (const char *)t + q, end - q, "", 0) };
    push_unknown(s, q, end, out->type, out->uid, out->uname);
}

/* `(以下简称"宁德时代")` / `（简称：宁德时代）` right after a name: its short
 * form, t[*as..*ae), for the later mentions. */
static void zh_short_form(const unsigned char *t, size_t n, size_t end, size_t *as, size_t *ae)
{
    static const char jc[] = "简称";
    *as = *ae = 0;
    size_t lim = end + 24 < n ? end + 24 : n, i = end;
    while (i + 6 <= lim && memcmp(t + i, jc, 6) != 0)
        i++;
    if (i + 6 > lim)
        return;
    i += 6;
    /* quotes and a colon: " “ 「 『 : */
    for (int k = 0; k < 3 && i < n; k++) {
        if (t[i] == '"' || t[i] == ':' || t[i] == ' ')
            i++;
        else if (i + 3 <= n && t[i] == 0xE2 && t[i + 1] == 0x80 && (t[i + 2] == 0x9C || t[i + 2] == 0x98))
            i += 3;
        else if (i + 3 <= n && t[i] == 0xE3 && t[i + 1] == 0x80 && (t[i + 2] == 0x8C || t[i + 2] == 0x8E))
            i += 3;
    }
    size_t a = i, nhan = 0;
    while (i + 3 <= n && nhan < 8 && is_han(earnings__gz_cp_at(t, n, i))) {
        i += 3;
        nhan++;
    }
    if (nhan >= 2) {
        *as = a;
        *ae = i;
    }
}

/* ---- products by how they are introduced ------------------------------------------------------ */

/* A capitalized name in quotes after a launch verb (`launched the
 * "Add-to-Delivery" button`), or after `called`/`named` following a
 * product noun (`an agent called Transform`): an unknown product. The
 * name's text goes to *ns..*ne for its later mentions. */
static void introduced(scan *s, size_t nsel, size_t p, short_name *out)
{
    static const char *const verbs[] = { "launched ", "introduced ", "unveiled ", "released ", "rolled out ",
                                         "debuted ", "announced ", "推出", "发布" };
    static const char *const dets[] = { "the ", "a ", "an ", "its ", "our ", "their ", "new ", "" };
    static const char *const nouns[] = { "agent ", "assistant ", "tool ", "feature ", "service ", "app ",
                                         "product ", "model ", "chip ", "button ", "platform ", "program ",
                                         "device ", "offering " };
    const unsigned char *t = s->t;
    size_t n = s->n, end = p;
    out->ss = out->se = 0;
    int quoted = p > 0 && t[p - 1] == '"';
    if (quoted) {
        /* the closing quote ends the name: capitalized words, hyphens, spaces */
        size_t k = p, words = 1;
        while (k < n && k - p < 48 && t[k] != '"') {
            if (t[k] == ' ') {
                if (k + 1 >= n || !(is_upper(t[k + 1]) || is_digit(t[k + 1])) || ++words > 4)
                    return;
            } else if (!(gz_is_alnum(t[k]) || t[k] == '-' || t[k] == '+' || t[k] == '\'' || t[k] == '&')) {
                return;
            }
            k++;
        }
        if (k >= n || t[k] != '"' || k - p < 3)
            return;
        end = k;
        /* a launch verb and a determiner before the opening quote */
        if (!ends_with_pair(t, p - 1, verbs, sizeof verbs / sizeof verbs[0], dets, sizeof dets / sizeof dets[0]))
            return;
    } else {
        static const char *const intro[] = { "called ", "named ", "dubbed " };
        if (!ends_with_pair(t, p, nouns, sizeof nouns / sizeof nouns[0], intro, sizeof intro / sizeof intro[0]))
            return;
        size_t k = p;
        for (int w = 0; w < 3; w++) {
            size_t l = name_word(t, n, k);
            if (!l)
                break;
            end = k + l;
            if (end + 1 < n && t[end] == ' ' && is_upper(t[end + 1]))
                k = end + 1;
            else
                break;
        }
        if (end == p)
            return;
    }
    if (covered(s->c, nsel, p, end))
        return;
    char slug[96];
    size_t sl = 0;
    if (end - p >= sizeof slug)
        return;
    slug_append(slug, &sl, sizeof slug, t + p, end - p);
    while (sl && slug[sl - 1] == '-')
        sl--;
    if (!sl)
        return;
    *out = (short_name){ p, end, EARNINGS_ENTITY_PRODUCT, add_string(s, "product:", 8, slug, sl),
                         add_string(s, (const char *)t + p, end - p, "", 0) };
    push_unknown(s, p, end, out->type, out->uid, out->uname);
}

static void add_short(const scan *s, short_name *list, size_t *n, const short_name *x);

/* Does one of the nw words end at q / start at q? */
static int ends_with_any(const unsigned char *t, size_t q, const char *const *w, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t l = strlen(w[k]);
        if (q >= l && !memcmp(t + q - l, w[k], l))
            return 1;
    }
    return 0;
}

static int starts_with_any(const unsigned char *t, size_t n, size_t q, const char *const *w, size_t nw)
{
    for (size_t k = 0; k < nw; k++) {
        size_t l = strlen(w[k]);
        if (q + l <= n && !memcmp(t + q, w[k], l))
            return 1;
    }
    return 0;
}

/* ---- the company a release reports on: `Northwind Semiconductor Reports ...` ------------- */

static size_t skip_blank(const unsigned char *t, size_t n, size_t i)
{
    while (i < n && t[i] == ' ')
        i++;
    return i;
}

/* Does the word ending at e (a dot included) start a legal form? Its
 * organization is corporate()'s. */
static int legal_form_before(const unsigned char *t, size_t n, size_t e)
{
    size_t w = e;
    while (w > 0 && (gz_is_alnum(t[w - 1]) || t[w - 1] == '.'))
        w--;
    return w < e && legal_form(t, n, w) != 0;
}

/* A connective word opening a sentence before the comma at c
 * (`Meanwhile, Kyoto Instruments raised its forecast`). */
static int lead_adverb(const unsigned char *t, size_t c)
{
    static const char *const w[] = { "Meanwhile", "Separately", "Elsewhere", "Also", "Additionally",
                                     "Similarly", "Likewise", "However", "Earlier", "Overall", "Today",
                                     "Yesterday", "Still" };
    size_t a = c;
    while (a > 0 && ((t[a - 1] | 0x20) >= 'a' && (t[a - 1] | 0x20) <= 'z'))
        a--;
    size_t b = a;
    while (b > 0 && t[b - 1] == ' ')
        b--;
    if (b > 0 && t[b - 1] != '\n' && t[b - 1] != '.' && t[b - 1] != '-')
        return 0;
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (strlen(w[k]) == c - a && !memcmp(t + a, w[k], c - a))
            return 1;
    return 0;
}

/* Does the word t[a..b) stand again, as a whole word, after position from? */
static int named_again(const unsigned char *t, size_t n, size_t from, size_t a, size_t b)
{
    size_t len = b - a;
    for (size_t i = from; i + len <= n;) {
        const unsigned char *hit = memchr(t + i, t[a], n - len + 1 - i);
        if (!hit)
            return 0;
        size_t h = (size_t)(hit - t);
        i = h + 1;
        if (!memcmp(t + h, t + a, len) && !word_before(t, h) && !word_at(t, n, h + len))
            return 1;
    }
    return 0;
}

/* Is t[a..b) the text of one of the short names? */
static int known_short(const unsigned char *t, const short_name *list, size_t n, size_t a, size_t b)
{
    for (size_t k = 0; k < n; k++)
        if (list[k].se - list[k].ss == b - a && !memcmp(t + list[k].ss, t + a, b - a))
            return 1;
    return 0;
}

/* The Han name ending at e: its start (2 to 10 characters, no function
 * character, not glued to a Latin letter or digit), or e. With joins, 及,
 * 和 or 与 between two names is part of it (`奶粉及奶制品`). */
static size_t han_name_before(const unsigned char *t, size_t n, size_t e, int joins)
{
    size_t q = e, nhan = 0;
    while (q >= 3 && nhan < 10 && t[q - 1] >= 0x80) {
        int32_t cp = earnings__gz_cp_before(t, q);
        if (!is_han(cp))
            break;
        int join = joins && (!memcmp(t + q - 3, "及", 3) || !memcmp(t + q - 3, "和", 3) ||
                             !memcmp(t + q - 3, "与", 3));
        if (join ? nhan == 0 || q < 6 || !is_han(earnings__gz_cp_before(t, q - 3)) || zh_stop(t + q - 6)
                 : zh_stop_before(t, n, q))
            break;
        q -= 3;
        nhan++;
    }
    if (nhan < 2 || (q > 0 && gz_is_alnum(t[q - 1])))
        return e;
    return q;
}

static int push_named(scan *s, size_t a, size_t b, uint8_t type, const char *prefix, short_name *shorts,
                      size_t *nshort);

/* A Han organization name at t[q..e): pushed with its short name. */
static void han_org(scan *s, size_t nsel, size_t q, size_t e, short_name *shorts, size_t *nshort)
{
    if (known_short(s->t, shorts, *nshort, q, e) || !claims(s, nsel, q, e, e))
        return;
    push_named(s, q, e, EARNINGS_ENTITY_ORG, "org:", shorts, nshort);
}

/* Does a period or an earnings word start the title word at t[i..)?
 * (`Vantage Motors Q2 2025 Earnings Call`, `Globex Fourth Quarter
 * Results`, `华远电器2025年上半年营收`, `Pinecrest Bank profit rises`) */
static int title_period_word(const unsigned char *t, size_t n, size_t i)
{
    static const char *const words[] = { "Q1 ", "Q2 ", "Q3 ", "Q4 ", "FY", "First Quarter", "Second Quarter",
                                         "Third Quarter", "Fourth Quarter", "First-Quarter", "Second-Quarter",
                                         "Third-Quarter", "Fourth-Quarter", "Full-Year", "Full Year",
                                         "Fiscal ", "Earnings", "Quarterly Results", "Results",
                                         /* headlines: `Pinecrest Bank profit rises`, `Acme shares jump` */
                                         "Profit", "Quarterly ", "Revenue", "Sales ", "Net Income", "Shares ",
                                         "Stock " };
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t l = strlen(words[k]), q = 0;
        if (i + l > n)
            continue;
        /* (in any case: `Northgate Bancorp third quarter 2025 earnings call`) */
        while (q < l && (t[i + q] | 0x20) == ((unsigned char)words[k][q] | 0x20))
            q++;
        if (q == l)
            return 1;
    }
    /* a year: 2025, FY2025, 2025年 */
    return i + 4 <= n && t[i] == '2' && t[i + 1] == '0' && is_digit(t[i + 2]) && is_digit(t[i + 3]) &&
           !(i + 4 < n && is_digit(t[i + 4]));
}

/* The host of an earnings call, named where the call opens (in the first
 * 4 KB): capitalized words after `welcome to (the)`, `joining us for
 * (the)`, `joining (the)` and before a period or earnings word, a
 * possessive `'s` dropped (`Welcome to the Helix Semiconductor third
 * quarter fiscal 2026 earnings call`, `thank you for joining Acme's Q3
 * call`). */
static void call_host(scan *s, size_t nsel, short_name *shorts, size_t *nshort)
{
    static const char *const leads[] = { "elcome to the ", "elcome to ", "oining us for the ", "oining us for ",
                                         "oining us on the ", "oining us on ", "oining the ", "oining " };
    const unsigned char *t = s->t;
    size_t n = s->n, lim = n < 4096 ? n : 4096;
    for (size_t i = 1; i + 8 < lim && !s->failed; i++) {
        if (t[i] != 'e' && t[i] != 'o')
            continue;
        if (!((t[i] == 'e' && (t[i - 1] == 'W' || t[i - 1] == 'w')) || (t[i] == 'o' && (t[i - 1] == 'J' || t[i - 1] == 'j'))))
            continue;
        size_t k = 0, ll = 0;
        for (; k < sizeof leads / sizeof leads[0]; k++) {
            ll = strlen(leads[k]);
            if (leads[k][0] == t[i] && i + ll < lim && !memcmp(t + i, leads[k], ll))
                break;
        }
        if (k == sizeof leads / sizeof leads[0])
            continue;
        size_t a = i + ll;
        if (!is_upper(t[a]) || title_period_word(t, n, a))
            continue;
        /* capitalized words up to a period or earnings word */
        size_t w = a, ne = 0;
        for (int words = 0; words < 6 && w < n && is_upper(t[w]); words++) {
            size_t we = w;
            while (we < n && (gz_is_alnum(t[we]) || t[we] == '-' || t[we] == '&' || t[we] == '.' || t[we] == '\''))
                we++;
            size_t nx = we;
            if (nx + 1 < n && t[nx] == ' ' && title_period_word(t, n, nx + 1)) {
                ne = we;
                break;
            }
            if (nx >= n || t[nx] != ' ')
                break;
            w = nx + 1;
        }
        if (!ne)
            continue;
        if (ne >= a + 2 && t[ne - 2] == '\'' && t[ne - 1] == 's')
            ne -= 2;
        else if (ne > a && t[ne - 1] == '\'')
            ne--; /* Ardent Foods' */
        if (ne > a && !known_short(t, shorts, *nshort, a, ne) && !legal_form_before(t, n, ne)) {
            short_name x;
            org_name_before(s, nsel, ne, ne, a, &x);
            if (x.se > x.ss)
                add_short(s, shorts, nshort, &x);
        }
        return;
    }
}

/* Organizations the lexicon does not know, named as what a text reports
 * on (docs/lexicons.md lists the patterns):
 * - capitalized words opening the first line before `Reports`, `Announces`,
 *   `Posts` (`Northwind Semiconductor Reports Fourth Quarter Results`), or
 *   before a period or earnings word (`Vantage Motors Q2 2025 Earnings
 *   Call`), or after the title's last dash when it opens with a period;
 * - capitalized words before `today reported` anywhere, or opening a
 *   sentence before `reported`, `forecast`, ... (`Orion Devices on
 *   Wednesday forecast`);
 * - Han characters opening the first line before 发布, 公布, 披露, 宣布 or a
 *   period (`星河科技发布...`, `华远电器2025年上半年营收`), or before
 *   今日/今天 and such a verb;
 * - the name before a ticker in parentheses (`华远电器(000651.SZ)`).
 * Names already known as short names are left to their later mentions. */
static void reporters(scan *s, size_t nsel, short_name *shorts, size_t *nshort)
{
    const unsigned char *t = s->t;
    size_t n = s->n;
    short_name x;
    /* the first line, past Markdown heading marks and emphasis */
    size_t l0 = 0;
    while (l0 < n && (t[l0] == ' ' || t[l0] == '#' || t[l0] == '*' || t[l0] == '\n' || t[l0] == '\r'))
        l0++;
    size_t le = l0;
    while (le < n && le - l0 < 300 && t[le] != '\n')
        le++;
    int title_verb = 0;
    for (size_t i = l0; i < le && !s->failed; i++) {
        if (t[i] != ' ' || !title_verb_at(t, le, i))
            continue;
        title_verb = 1;
        if (!known_short(t, shorts, *nshort, l0, i)) {
            org_name_before(s, nsel, i, i, l0, &x);
            add_short(s, shorts, nshort, &x);
        }
        break;
    }
    static const char *const body_verbs[] = { " today reported", " today announced", " today reports",
                                              " today announces", " today posted", " reported ", " announced ",
                                              " posted ", " forecast ", " forecasts ", " raised its ",
                                              " beat ", " topped ", " missed " };
    /* a time between the name and the verb: `Orion Devices on Wednesday
     * forecast`, `Nimbus Semiconductor last week posted` */
    static const char *const times[] = { " on Monday", " on Tuesday", " on Wednesday", " on Thursday",
                                         " on Friday", " on Saturday", " on Sunday", " last week", " yesterday",
                                         " earlier this week", " late on Monday", " late on Tuesday",
                                         " late on Wednesday", " late on Thursday", " late on Friday" };
    /* after the last word of a capitalized run (the capitalized words are
     * listed in s->caps), or after a ticker in parentheses behind it */
    for (size_t ci = 0; ci < s->ncaps && !s->failed; ci++) {
        size_t e = s->caps[ci] + 1; /* (a quick word end: org_name_before() checks the words) */
        while (e < n && ascii_word[t[e]])
            e++;
        size_t v = e;
        if (v + 2 < n && t[v] == ' ' && t[v + 1] == '(') { /* `Globex Corp. (NYSE: GBX) today reported` */
            size_t o = v + 2;
            while (o < n && o - v < 40 && t[o] != ')' && t[o] != '\n')
                o++;
            if (o >= n || t[o] != ')')
                continue;
            v = o + 1;
        }
        if (v + 8 > n || t[v] != ' ')
            continue;
        if (t[v + 1] == 'o' || t[v + 1] == 'l' || t[v + 1] == 'y' || t[v + 1] == 'e')
            for (size_t k = 0; k < sizeof times / sizeof times[0]; k++) {
                size_t tl = strlen(times[k]);
                if (v + tl < n && !memcmp(t + v, times[k], tl) && t[v + tl] == ' ') {
                    v += tl;
                    break;
                }
            }
        if (v + 8 > n || !(t[v + 1] == 't' || t[v + 1] == 'r' || t[v + 1] == 'a' || t[v + 1] == 'p' ||
                           t[v + 1] == 'f' || t[v + 1] == 'b' || t[v + 1] == 'm'))
            continue;
        size_t k = 0;
        for (; k < sizeof body_verbs / sizeof body_verbs[0]; k++) {
            if (body_verbs[k][1] != t[v + 1])
                continue;
            size_t vl = strlen(body_verbs[k]);
            if (v + vl <= n && !memcmp(t + v, body_verbs[k], vl))
                break;
        }
        if (k == sizeof body_verbs / sizeof body_verbs[0])
            continue;
        /* (without `today`, only a name that opens its sentence) */
        int opens = body_verbs[k][1] != 't';
        size_t b = e;
        while (b > 0 && t[b - 1] != '\n' && e - b < 80)
            b--;
        if (known_short(t, shorts, *nshort, b, e))
            continue;
        size_t min_start = (size_t)-1;
        if (opens) {
            /* the start of the sentence: back over name characters */
            size_t q = e;
            while (q > 0 && e - q < 80 &&
                   (gz_is_alnum(t[q - 1]) || t[q - 1] == ' ' || t[q - 1] == '&' || t[q - 1] == '\'' ||
                    (t[q - 1] == '-' && q >= 2 && gz_is_alnum(t[q - 2]))))
                q--;
            /* (a line or sentence start, or a dateline's dash: `(Reuters) - `) */
            if (q > 0 && t[q - 1] != '\n' && t[q - 1] != '.' && t[q - 1] != '*' && t[q - 1] != '-' &&
                !(t[q - 1] == ',' && lead_adverb(t, q - 1)))
                continue;
            min_start = skip_blank(t, n, q);
        }
        if (legal_form_before(t, n, e))
            continue;
        org_name_before(s, nsel, e, e, min_start, &x);
        if (x.se > x.ss && !known_short(t, shorts, *nshort, x.ss, x.se))
            add_short(s, shorts, nshort, &x);
    }
    call_host(s, nsel, shorts, nshort);
    /* Chinese: the Han run before the verb (at the first line's start, or
     * before 今日/今天) */
    static const char *const zh_verbs[] = { "发布", "公布", "披露", "宣布", "公佈", "宣佈", "發布", "發佈" };
    static const char *const zh_today[] = { "今日", "今天" };
    static const char *const zh_when[] = { "晚间", "早间", "盘后", "盘前", "日前", "近日", "昨日", "昨晚", "午间",
                                           "当日" };
    /* a news dateline opening the first line (`财联社10月28日电，`): the name
     * may follow it */
    size_t dateline = (size_t)-1;
    for (size_t k = l0; k + 9 <= le && k < l0 + 64; k++)
        if (!memcmp(t + k, "\xE6\x97\xA5\xE7\x94\xB5", 6) || !memcmp(t + k, "\xE6\x97\xA5\xE8\xAE\xAF", 6)) {
            size_t c2 = k + 6; /* after 日电 / 日讯 */
            if (c2 < le && (t[c2] == ',' || t[c2] == ' '))
                dateline = skip_blank(t, n, c2 + 1);
            else if (c2 + 3 <= le && !memcmp(t + c2, "\xEF\xBC\x8C", 3))
                dateline = c2 + 3;
            break;
        }
    /* (the title line is read at each lead byte of the verbs, E5, E6 or E7; the
     * rest of the text only where 今 (E4 BB 8A) stands, found by its last
     * byte, rarer than a lead byte in Chinese text) */
    for (size_t i = l0, j = 0; !s->failed;) {
        size_t h;
        if (i < le) {
            h = i++;
            if (t[h] != 0xE5 && t[h] != 0xE6 && t[h] != 0xE7)
                continue;
        } else {
            if (j < le + 2)
                j = le + 2;
            const unsigned char *hit = j + 6 < n ? memchr(t + j, 0x8A, n - 6 - j) : NULL;
            if (!hit)
                break;
            size_t k = (size_t)(hit - t);
            j = k + 1;
            if (t[k - 2] != 0xE4 || t[k - 1] != 0xBB)
                continue;
            h = k + 4; /* after 今日 / 今天 */
            if (h + 6 > n)
                break;
        }
        if (!starts_with_any(t, n, h, zh_verbs, sizeof zh_verbs / sizeof zh_verbs[0]))
            continue;
        size_t e = h;
        int today = 0;
        for (size_t d = 0; d < 2; d++)
            if (e >= 6 && !memcmp(t + e - 6, zh_today[d], 6)) {
                e -= 6;
                today = 1;
            }
        if (!today && h >= le)
            continue;
        if (!today)
            for (size_t d = 0; d < sizeof zh_when / sizeof zh_when[0]; d++)
                if (e >= 6 && !memcmp(t + e - 6, zh_when[d], 6)) {
                    e -= 6; /* `锦川锂业晚间公布三季报` */
                    break;
                }
        size_t q = han_name_before(t, n, e, 0);
        if (q == e || (!today && q != l0 && q != dateline))
            continue;
        han_org(s, nsel, q, e, shorts, nshort);
    }
    /* the name that opens the title before a period or an earnings word
     * (after a bracketed tag: `【业绩速递】华远电器2025年上半年营收`) */
    size_t a = l0;
    if (a + 3 <= le && !memcmp(t + a, "\xE3\x80\x90", 3)) { /* 【 ... 】 */
        const unsigned char *close = memchr(t + a, 0xE3, le - a);
        while (close && (size_t)(close - t) + 3 <= le && memcmp(close, "\xE3\x80\x91", 3))
            close = memchr(close + 1, 0xE3, le - (size_t)(close + 1 - t));
        if (close && (size_t)(close - t) + 3 <= le)
            a = (size_t)(close - t) + 3;
    }
    if (a < le && t[a] >= 0x80) {
        size_t e = a;
        while (e + 3 <= le && t[e] >= 0xE4 && t[e] <= 0xE9 && is_han(earnings__gz_cp_at(t, n, e)))
            e += 3;
        /* the Han run ends at a year (`2025年`) or a half-year/quarter word */
        static const char *const zh_periods[] = { "上半年", "前三季度", "第一季度", "第二季度", "第三季度",
                                                  "第四季度", "全年", "一季度", "二季度", "三季度", "四季度" };
        size_t cut = e;
        int verb = 0;
        for (size_t k = a; k < e && cut == e; k += 3) {
            if (starts_with_any(t, e, k, zh_periods, sizeof zh_periods / sizeof zh_periods[0]))
                cut = k;
            else if (starts_with_any(t, e, k, zh_verbs, sizeof zh_verbs / sizeof zh_verbs[0]))
                verb = 1, cut = k; /* (the verbs' pattern above) */
        }
        if (verb || (cut == e && !title_period_word(t, le, e)))
            cut = a; /* no period after it */
        if (cut > a && han_name_before(t, n, cut, 0) == a)
            han_org(s, nsel, a, cut, shorts, nshort);
    } else if (a < le && is_upper(t[a]) && !title_verb && !title_period_word(t, le, a)) {
        for (size_t i = a; i < le && !s->failed; i++) {
            if (t[i] != ' ')
                continue;
            if (!title_period_word(t, le, i + 1)) {
                if (i + 1 < le && !is_upper(t[i + 1]))
                    break; /* the name words end before anything else */
                continue;
            }
            size_t ne = i > a && (t[i - 1] == ':' || t[i - 1] == ',') ? i - 1 : i; /* `Apex Retail Group: Q3` */
            /* (one word is a name only if the text names it again: not
             * `Tech earnings roundup`) */
            if (!memchr(t + a, ' ', ne - a) && !named_again(t, n, le, a, ne))
                break;
            if (!known_short(t, shorts, *nshort, a, ne) && !legal_form_before(t, n, ne)) {
                org_name_before(s, nsel, ne, ne, a, &x);
                add_short(s, shorts, nshort, &x);
            }
            break;
        }
    } else if (a < le && title_period_word(t, le, a) && !title_verb) {
        /* the name after the title's last dash or bar: `Q3 2025 Earnings
         * Summary — Brightline Logistics` (normalization folds the dashes
         * to `-`) */
        size_t e = le;
        while (e > a && (t[e - 1] == ' ' || t[e - 1] == '*' || t[e - 1] == '\r'))
            e--;
        size_t sep = e;
        while (sep > a && e - sep < 64 &&
               !(t[sep - 1] == ' ' && sep >= a + 3 && (t[sep - 2] == '-' || t[sep - 2] == '|')))
            sep--;
        if (sep > a && e > sep && is_upper(t[sep]) && !known_short(t, shorts, *nshort, sep, e) &&
            !legal_form_before(t, n, e)) {
            org_name_before(s, nsel, e, e, sep, &x);
            add_short(s, shorts, nshort, &x);
        }
    }
    /* the name before a ticker in parentheses: `Vantage Motors (NASDAQ:
     * VNTG)`, `华远电器(000651.SZ)` */
    for (size_t k = 0; k < nsel + s->norphans && !s->failed; k++) {
        const cand *c = k < nsel ? &s->c[k] : &s->orphans[k - nsel];
        if (!c->is_ticker)
            continue;
        size_t o = c->start;
        while (o > 0 && t[o - 1] == ' ')
            o--;
        if (o == 0 || t[o - 1] != '(')
            continue;
        size_t e = o - 1;
        while (e > 0 && t[e - 1] == ' ')
            e--;
        if (e == 0)
            continue;
        if (t[e - 1] >= 0x80) {
            if (k >= nsel && !is_digit(t[c->sym_start]))
                continue; /* `其他图形处理器(GPU)`: a bare (SYM) after Han is an abbreviation */
            size_t q = han_name_before(t, n, e, 0);
            if (q < e)
                han_org(s, nsel, q, e, shorts, nshort);
            if (k >= nsel && q < e && known_short(t, shorts, *nshort, q, e)) {
                /* `华远电器(600999)`: the code is the named company's ticker */
                cand tk = *c;
                cand *nc = push_cand(s);
                if (!nc)
                    return;
                tk.need_org = 0;
                *nc = tk;
            }
        } else if (gz_is_alnum(t[e - 1]) && !legal_form_before(t, n, e)) {
            size_t b = e;
            while (b > 0 && t[b - 1] != '\n' && e - b < 80)
                b--;
            if (known_short(t, shorts, *nshort, b, e))
                continue;
            if (k >= nsel) {
                /* a bare (SYM) in a heading or a table is an abbreviation
                 * (`## Executive Summary (BLUF)`) */
                size_t l = skip_blank(t, n, b);
                if (l < n && (t[l] == '#' || t[l] == '|' || t[l] == '*'))
                    continue;
            }
            org_name_before(s, nsel, e, e, (size_t)-1, &x);
            if (x.se > x.ss)
                add_short(s, shorts, nshort, &x);
            if (x.se == e && k >= nsel) {
                /* its ticker, now that an organization comes before it */
                cand tk = *c;
                cand *nc = push_cand(s);
                if (!nc)
                    return;
                tk.need_org = 0;
                *nc = tk;
            }
        }
    }
}

/* An unknown entity of the given type named t[a..b): its id is the prefix
 * and the name's slug (Latin) or the name itself (Han); pushed, and kept
 * as a short name for its later mentions. 0 when the name gives no id. */
static int push_named(scan *s, size_t a, size_t b, uint8_t type, const char *prefix, short_name *shorts,
                      size_t *nshort)
{
    const unsigned char *t = s->t;
    short_name x = { a, b, type, 0, 0 };
    size_t pl = strlen(prefix);
    if (t[a] < 0x80) {
        char slug[96];
        size_t sl = 0;
        slug_append(slug, &sl, sizeof slug, t + a, b - a);
        while (sl && slug[sl - 1] == '-')
            sl--;
        if (!sl)
            return 0;
        x.uid = add_string(s, prefix, pl, slug, sl);
    } else {
        x.uid = add_string(s, prefix, pl, (const char *)t + a, b - a);
    }
    x.uname = add_string(s, (const char *)t + a, b - a, "", 0);
    push_unknown(s, a, b, x.type, x.uid, x.uname);
    add_short(s, shorts, nshort, &x);
    return 1;
}

/* ---- segments listed in a table: `| Segment | Revenue |` ... `| Freight | $2.10B |` ---------- */

/* The text of the table cell starting after the '|' at i, trimmed of spaces
 * and Markdown emphasis: [*a, *b); returns the position of the cell's
 * closing '|' (or the line end). */
static size_t table_cell(const unsigned char *t, size_t n, size_t i, size_t *a, size_t *b)
{
    size_t e = i;
    while (e < n && t[e] != '|' && t[e] != '\n')
        e++;
    size_t x = i, y = e;
    while (x < y && (t[x] == ' ' || t[x] == '*'))
        x++;
    while (y > x && (t[y - 1] == ' ' || t[y - 1] == '*' || t[y - 1] == '\r'))
        y--;
    *a = x;
    *b = y;
    return e;
}

static int cell_is(const unsigned char *t, size_t a, size_t b, const char *const *words, size_t nw)
{
    for (size_t k = 0; k < nw; k++) {
        size_t l = strlen(words[k]);
        if (b - a != l)
            continue;
        size_t q = 0;
        while (q < l && (t[a + q] | ((t[a + q] >= 'A' && t[a + q] <= 'Z') ? 0x20 : 0)) == (unsigned char)words[k][q])
            q++;
        if (q == l)
            return 1;
    }
    return 0;
}

/* A Markdown table whose first column is headed `Segment` (`Business`,
 * `Division`, `分部`, `业务`, `板块`): the labels of its rows are segments,
 * unknown ones as `segment:<words>` (not `Total`, `合计`). */
static void table_segments(scan *s, size_t nsel, short_name *shorts, size_t *nshort)
{
    static const char *const heads[] = { "segment", "segments", "business", "businesses", "division",
                                         "divisions", "reportable segment", "operating segment",
                                         "business segment", "分部", "业务", "板块", "业务板块", "业务分部" };
    static const char *const totals[] = { "total", "totals", "consolidated", "total revenue", "合计", "总计",
                                          "总额", "总收入" };
    const unsigned char *t = s->t;
    size_t n = s->n;
    for (size_t i = 0; i < n && !s->failed;) {
        const unsigned char *bar = memchr(t + i, '|', n - i);
        if (!bar)
            break;
        size_t p = (size_t)(bar - t), ls = p;
        while (ls > 0 && t[ls - 1] == ' ')
            ls--;
        size_t le = p;
        while (le < n && t[le] != '\n')
            le++;
        i = le + 1;
        if (ls > 0 && t[ls - 1] != '\n')
            continue; /* not a row start */
        size_t a, b;
        table_cell(t, n, p + 1, &a, &b);
        if (!cell_is(t, a, b, heads, sizeof heads / sizeof heads[0]))
            continue;
        /* the separator row, then the body rows */
        size_t r = le + 1;
        size_t r0 = r;
        while (r0 < n && t[r0] == ' ')
            r0++;
        if (r0 + 3 >= n || t[r0] != '|' || (t[r0 + 1] != '-' && t[r0 + 1] != ':' && t[r0 + 1] != ' '))
            continue;
        while (r < n && t[r] != '\n')
            r++;
        for (r++; r < n && !s->failed;) {
            size_t q = r;
            while (q < n && t[q] == ' ')
                q++;
            if (q >= n || t[q] != '|')
                break;
            size_t e = q;
            while (e < n && t[e] != '\n')
                e++;
            table_cell(t, n, q + 1, &a, &b);
            r = e + 1;
            i = r;
            if (b <= a || b - a > 48 || cell_is(t, a, b, totals, sizeof totals / sizeof totals[0]) ||
                !(is_upper(t[a]) || t[a] >= 0xE4))
                continue;
            if (covered(s->c, nsel, a, b) || known_short(t, shorts, *nshort, a, b))
                continue;
            push_named(s, a, b, EARNINGS_ENTITY_SEGMENT, "segment:", shorts, nshort);
        }
    }
}

/* ---- segments named by a head noun: `the Home Comfort segment`, `Personal Devices部门` ---------- */

/* A word and its length. */
typedef struct lword {
    const char *w;
    size_t len;
} lword;
#define LW(s) { s, sizeof(s) - 1 }

/* Is t[a..b) (lower case) one of the words? */
static int word_is_any(const unsigned char *t, size_t a, size_t b, const lword *w, size_t nw)
{
    for (size_t k = 0; k < nw; k++) {
        size_t l = w[k].len, q = 0;
        if (b - a != l)
            continue;
        while (q < l && (t[a + q] | 0x20) == (unsigned char)w[k].w[q])
            q++;
        if (q == l)
            return 1;
    }
    return 0;
}

/* Does t[a..b) hold a digit (`Q2 FY2026`: a period, not a name)? */
static int has_digit(const unsigned char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (is_digit(t[i]))
            return 1;
    return 0;
}

/* Does t[a..b) hold two words or more? */
static int multiword(const unsigned char *t, size_t a, size_t b)
{
    return memchr(t + a, ' ', b - a) != NULL;
}

/* Is one of the words of t[a..b) (separated by spaces) in w? */
static int run_has_any(const unsigned char *t, size_t a, size_t b, const lword *w, size_t nw)
{
    for (size_t i = a; i < b;) {
        size_t e = i;
        while (e < b && t[e] != ' ')
            e++;
        if (word_is_any(t, i, e, w, nw))
            return 1;
        i = e + 1;
    }
    return 0;
}

/* Do the selected candidates overlapping [a, b) make up a known segment
 * that the words before it modify (`Contract Logistics revenue`, where the
 * lexicon knows `Logistics`)? Then they are dropped (1): the longer name
 * is the segment. Not when one starts at a, reaches out of [a, b) or is
 * other than a segment. */
static int segment_modified(scan *s, size_t nsel, size_t a, size_t b)
{
    size_t lo = first_ending_after(s->c, nsel, a), k = lo, last_end = 0;
    for (; k < nsel && s->c[k].start < b; k++) {
        const cand *c = &s->c[k];
        if (c->dropped)
            continue;
        if (c->start <= a || c->end > b || cand_type(s->g, c) != EARNINGS_ENTITY_SEGMENT)
            return 0;
        last_end = c->end;
    }
    if (last_end != b)
        return 0;
    for (size_t j = lo; j < k; j++)
        s->c[j].dropped = 1;
    return 1;
}

/* Capitalized words (up to four; `and`, `&` between) that a segment head
 * follows (`segment`, `division`, `business`, `franchise`; `部门`, `事业部`,
 * `板块`) name a business line the lexicon does not know: an unknown
 * segment, its name without the head. Not when the words start with a
 * determiner only, or a known entity overlaps them. */
static void named_segments(scan *s, size_t nsel, short_name *shorts, size_t *nshort)
{
    static const char *const heads[] = { " segment", " segments", " division", " divisions", " business unit",
                                         " business", " businesses", " franchise", " reporting unit",
                                         " operating segment" };
    static const char *const zh_heads[] = { "部门", "事业部", "事业群", "业务部", "分部", "板块", "业务" };
    static const char *const result_heads[] = { " revenue", " revenues", " sales", " net sales", " operating income",
                                                " operating profit", " segment revenue" };
    static const lword generic[] = { LW("quarter"), LW("year"), LW("fiscal"), LW("annual"), LW("total"), LW("full"),
                                     LW("first"), LW("second"), LW("third"), LW("fourth"), LW("half"), LW("gaap"),
                                     LW("non-gaap"), LW("adjusted"), LW("reported"), LW("organic"), LW("net"),
                                     LW("gross"), LW("operating"), LW("quarterly"), LW("monthly"), LW("consolidated"),
                                     LW("record"), LW("comparable"), LW("same-store"), LW("recurring"),
                                     LW("deferred"), LW("same"), LW("like-for-like"), LW("underlying"),
                                     LW("constant"), LW("pro"), LW("forma"), LW("segment"), LW("annualized") };
    static const lword whole[] = { LW("company"), LW("group"), LW("corporation"), LW("holdings"), LW("bank"),
                                   LW("firm"), LW("inc"), LW("segment"), LW("business"), LW("division") };
    static const lword det[] = { LW("the"), LW("our"), LW("its"), LW("their"), LW("this"), LW("that"), LW("these"),
                                 LW("those"), LW("each"), LW("every"), LW("all"), LW("total"), LW("other"), LW("a"),
                                 LW("an"), LW("his"), LW("her"), LW("in"), LW("for"), LW("and"), LW("by"), LW("at"),
                                 LW("on"), LW("of"), LW("with"), LW("from"), LW("new"), LW("core"), LW("overall"),
                                 LW("combined"), LW("entire"), LW("whole"), LW("which"), LW("what"), LW("when"),
                                 LW("while") };
    const unsigned char *t = s->t;
    size_t n = s->n;
    size_t run_end = 0;
    for (size_t ci = 0; ci < s->ncaps && !s->failed; ci++) {
        size_t q = s->caps[ci];
        if (q < run_end)
            continue; /* (inside the run before: not a run start) */
        size_t a = q, e = q, words = 0;
        for (;;) {
            size_t we = e;
            while (we < n && (gz_is_alnum(t[we]) || t[we] == '-' || t[we] == '\''))
                we++;
            if (we == e)
                break;
            words++;
            e = we;
            if (words >= 5 || e + 1 >= n || t[e] != ' ')
                break;
            size_t nx = e + 1;
            if (nx + 2 < n && ((t[nx] == '&' && t[nx + 1] == ' ') ||
                               (t[nx] == 'a' && t[nx + 1] == 'n' && t[nx + 2] == 'd' && nx + 3 < n && t[nx + 3] == ' ')))
                nx += t[nx] == '&' ? 2 : 4; /* `Food and Beverage`, `Health & Wellness` */
            if (nx >= n || !is_upper(t[nx]))
                break;
            e = nx;
        }
        if (!words)
            continue;
        run_end = e;
        /* (most runs end in no head: a quick test of the next bytes first) */
        unsigned char nb = e < n ? t[e] : 0, nb1 = e + 1 < n ? t[e + 1] : 0;
        if (nb == ' ' ? !(nb1 == 's' || nb1 == 'd' || nb1 == 'b' || nb1 == 'f' || nb1 == 'r' || nb1 == 'o' ||
                          (nb1 >= 0xE4 && nb1 <= 0xE9))
                      : !(nb >= 0xE4 && nb <= 0xE9))
            continue;
        /* the name: past a leading determiner (`Our Consumer Health division`) */
        size_t fw = a;
        while (fw < e && gz_is_alnum(t[fw]))
            fw++;
        if (word_is_any(t, a, fw, det, sizeof det / sizeof det[0])) {
            if (fw >= e)
                continue;
            a = fw + 1;
        }
        /* the word after: a segment head */
        size_t b = e;
        int head = 0;
        static const lword modified[] = { LW("model"), LW("models"), LW("day"), LW("days"), LW("hours"),
                                          LW("partner"), LW("partners"), LW("travel"), LW("customer"),
                                          LW("customers"), LW("class"), LW("case"), LW("cases"), LW("logic"),
                                          LW("leaders"), LW("owners"), LW("process"), LW("processes"),
                                          LW("intelligence"), LW("needs"), LW("value"), LW("environment"),
                                          LW("decisions"), LW("users"), LW("applications"), LW("workloads"),
                                          LW("transformation") };
        for (size_t k = 0; k < sizeof heads / sizeof heads[0] && !head; k++) {
            size_t l = strlen(heads[k]);
            if (b + l <= n && !memcmp(t + b, heads[k], l) && !word_at(t, n, b + l)) {
                /* (not a head that modifies the next noun: `AI-centric business models`) */
                size_t w0 = b + l + 1, w1 = w0;
                while (w1 < n && gz_is_alnum(t[w1]))
                    w1++;
                head = !(b + l < n && t[b + l] == ' ' && w1 > w0 &&
                         word_is_any(t, w0, w1, modified, sizeof modified / sizeof modified[0]));
            }
        }
        if (!head) {
            size_t z = b < n && t[b] == ' ' ? b + 1 : b;
            head = starts_with_any(t, n, z, zh_heads, sizeof zh_heads / sizeof zh_heads[0]);
        }
        if (!head && b < n && t[b] == ' ' && multiword(t, a, b) && !has_digit(t, a, b)) {
            /* two capitalized words or more before a result word (`Service
             * Provider revenue declined`, `Enterprise Networking sales`),
             * none of them a period or measure word */
            for (size_t k = 0; k < sizeof result_heads / sizeof result_heads[0] && !head; k++) {
                size_t l = strlen(result_heads[k]);
                if (b + l <= n && !memcmp(t + b, result_heads[k], l) && !word_at(t, n, b + l))
                    head = !run_has_any(t, a, b, generic, sizeof generic / sizeof generic[0]);
            }
        }
        if (!head || b - a < 3 || b - a > 48 || memchr(t + a, '\'', b - a))
            continue; /* (not a possessive: `the Company's business`) */
        size_t lw = b; /* (nor a name of the whole: `the Group segment results`) */
        while (lw > a && t[lw - 1] != ' ')
            lw--;
        if (word_is_any(t, lw, b, whole, sizeof whole / sizeof whole[0]))
            continue;
        if ((covered(s->c, nsel, a, b) && !segment_modified(s, nsel, a, b)) || known_short(t, shorts, *nshort, a, b))
            continue;
        push_named(s, a, b, EARNINGS_ENTITY_SEGMENT, "segment:", shorts, nshort);
    }
}

/* ---- Chinese business lines: `液态奶业务收入为180.5亿元` ------------------------------------------ */

/* Han characters before 业务 (or 服务) that a revenue or profit word follows
 * name a business line the lexicon does not know: an unknown segment
 * (`液态奶业务`, `奶粉及奶制品业务`, `在线音乐服务`, `社交娱乐服务及其他`;
 * 及/和/与 may join two names). Generic words (`主营`, `核心`, `其他`) and
 * names the lexicon knows in part are left alone. */
/* A list item labelled by capitalized words (up to three) before a colon,
 * in bold or not, whose text opens with a result word (`- **Robotics:**
 * revenue grew 24%`, `* Implants: sales of $768 million`): the label names
 * a segment the lexicon does not know. Not a label of a measure, period or
 * topic (`Margins:`, `Guidance:`, `Q3:`), nor one a known entity covers. */
static void label_segments(scan *s, size_t nsel, short_name *shorts, size_t *nshort)
{
    static const lword topics[] = { LW("margins"), LW("margin"), LW("guidance"), LW("outlook"), LW("risks"),
                                    LW("risk"), LW("valuation"), LW("summary"), LW("highlights"), LW("overview"),
                                    LW("results"), LW("total"), LW("group"), LW("company"), LW("consolidated"),
                                    LW("profitability"), LW("balance"), LW("cash"), LW("capital"), LW("liquidity"),
                                    LW("estimates"), LW("forecast"), LW("takeaways"), LW("bottom"), LW("note"),
                                    LW("quarter"), LW("year"), LW("fiscal"), LW("full"), LW("key"), LW("other"),
                                    LW("segments"), LW("segment"), LW("revenue"), LW("sales"), LW("growth"),
                                    LW("earnings"), LW("expenses"), LW("costs"), LW("pricing"), LW("demand") };
    static const char *const results[] = { "revenue", "revenues", "sales", "net sales", "segment revenue",
                                           "operating income", "operating profit", "orders", "bookings" };
    const unsigned char *t = s->t;
    size_t n = s->n;
    for (size_t i = 0; i < n && !s->failed;) {
        const unsigned char *nl = memchr(t + i, '\n', n - i);
        size_t le = nl ? (size_t)(nl - t) : n, p = i;
        i = le + 1;
        while (p < le && t[p] == ' ')
            p++;
        if (p + 4 >= le || !(t[p] == '-' || t[p] == '*') || t[p + 1] != ' ')
            continue;
        p += 2;
        int bold = p + 2 < le && t[p] == '*' && t[p + 1] == '*';
        if (bold)
            p += 2;
        size_t a = p, b = p;
        for (int words = 0; words < 3 && b < le && is_upper(t[b]); words++) {
            size_t we = b;
            while (we < le && (gz_is_alnum(t[we]) || t[we] == '-' || t[we] == '&'))
                we++;
            b = we;
            if (b + 1 < le && t[b] == ' ' && is_upper(t[b + 1]))
                b++;
            else
                break;
        }
        if (b == a || has_digit(t, a, b) || run_has_any(t, a, b, topics, sizeof topics / sizeof topics[0]))
            continue;
        size_t q = b;
        if (bold && q + 3 <= le && t[q] == '*' && t[q + 1] == '*' && t[q + 2] == ':')
            q += 3; /* **Robotics**: */
        else if (q < le && t[q] == ':')
            q += 1 + (bold && q + 2 < le && t[q + 1] == '*' && t[q + 2] == '*' ? 2 : 0); /* **Robotics:** */
        else
            continue;
        while (q < le && t[q] == ' ')
            q++;
        int head = 0;
        for (size_t k = 0; k < sizeof results / sizeof results[0] && !head; k++) {
            size_t l = strlen(results[k]), m = 0;
            while (m < l && q + m < le && (t[q + m] | 0x20) == (unsigned char)results[k][m])
                m++;
            head = m == l && !word_at(t, n, q + l);
        }
        if (!head || covered(s->c, nsel, a, b) || known_short(t, shorts, *nshort, a, b))
            continue;
        push_named(s, a, b, EARNINGS_ENTITY_SEGMENT, "segment:", shorts, nshort);
    }
}

static void zh_business_lines(scan *s, size_t nsel, short_name *shorts, size_t *nshort, const char *suffix)
{
    /* (suffix: 业务 or 服务, each found by its first character's last byte,
     * rarer than a lead byte in Chinese text) */
    const unsigned char key = (unsigned char)suffix[2];
    static const char *const next[] = { "收入", "营收", "收益", "利润", "毛利", "营业收入", "销售", "板块" };
    static const char *const generic[] = { "主营", "核心", "其他", "其它", "各项", "相关", "整体", "传统", "主要",
                                           "全部", "所有", "上述", "新兴", "创新", "国内", "境内", "境外" };
    const unsigned char *t = s->t;
    size_t n = s->n;
    for (size_t i = 2; i + 4 <= n && !s->failed;) {
        const unsigned char *hit = memchr(t + i, key, n - 3 - i);
        if (!hit)
            break;
        size_t h = (size_t)(hit - t) - 2;
        i = h + 3;
        if (memcmp(t + h, suffix, 6) != 0)
            continue;
        i = h + 6;
        size_t after = h + 6;
        if (after + 9 <= n && !memcmp(t + after, "及其他", 9))
            after += 9; /* `社交娱乐服务及其他收入` */
        if (!starts_with_any(t, n, after, next, sizeof next / sizeof next[0]))
            continue;
        size_t q = han_name_before(t, n, h, 1);
        if (q == h)
            continue;
        int gen = 0;
        for (size_t g = 0; g < sizeof generic / sizeof generic[0] && !gen; g++)
            gen = !memcmp(t + q, generic[g], 6);
        size_t e = after;
        if (gen || covered(s->c, nsel, q, e) || known_short(t, shorts, *nshort, q, e))
            continue;
        push_named(s, q, e, EARNINGS_ENTITY_SEGMENT, "segment:", shorts, nshort);
    }
}

/* ---- titles in 《》 named as products: `新游戏《天穹》上线首月流水超过12亿元` ----------------------- */

/* A title in 《》 after a product noun or a launch verb (`游戏《天穹》`,
 * `推出《X》`), or before a launch or sales word (`《天穹》上线首月流水`): an
 * unknown product. Other titles (`《证券法》`) are left alone. */
static void zh_titled_products(scan *s, size_t nsel, short_name *shorts, size_t *nshort)
{
    static const char *const before[] = { "游戏", "手游", "新游", "端游", "电影", "影片", "剧集", "新剧", "产品",
                                          "应用", "推出", "上线", "发布", "推出了", "上线了" };
    static const char *const after[] = { "上线", "流水", "首月", "注册", "用户", "收入", "销量", "票房", "下载",
                                         "公测", "日活", "月活" };
    const unsigned char *t = s->t;
    size_t n = s->n;
    for (size_t i = 0; i + 6 <= n && !s->failed;) {
        const unsigned char *hit = memchr(t + i, 0xE3, n - 5 - i);
        if (!hit)
            break;
        size_t h = (size_t)(hit - t);
        i = h + 1;
        if (hit[1] != 0x80 || hit[2] != 0x8A) /* 《 */
            continue;
        size_t a = h + 3, b = a;
        while (b + 3 <= n && b - a <= 36 && !(t[b] == 0xE3 && t[b + 1] == 0x80 && t[b + 2] == 0x8B) && t[b] != '\n')
            b++;
        if (b + 3 > n || b - a > 36 || b == a || !(t[b] == 0xE3 && t[b + 1] == 0x80 && t[b + 2] == 0x8B))
            continue;
        i = b + 3;
        if (!ends_with_any(t, h, before, sizeof before / sizeof before[0]) &&
            !starts_with_any(t, n, b + 3, after, sizeof after / sizeof after[0]))
            continue;
        if (covered(s->c, nsel, a, b) || known_short(t, shorts, *nshort, a, b))
            continue;
        push_named(s, a, b, EARNINGS_ENTITY_PRODUCT, "product:", shorts, nshort);
    }
}

/* ---- products by their sales: `net product sales of Vireta`, `Vireta net product sales` ------------ */

/* The end of the capitalized words (one to three, letters, digits, `-`)
 * starting at a, or a. */
static size_t capitalized_run(const unsigned char *t, size_t n, size_t a)
{
    size_t e = a;
    for (int w = 0; w < 3 && e < n && is_upper(t[e]); w++) {
        size_t q = e + 1;
        while (q < n && (gz_is_alnum(t[q]) || t[q] == '-'))
            q++;
        e = q;
        if (!(e + 1 < n && t[e] == ' ' && is_upper(t[e + 1])))
            break;
        e++;
    }
    while (e > a && (t[e - 1] == ' ' || t[e - 1] == '-'))
        e--;
    return e;
}

static void en_product_sales(scan *s, size_t nsel, short_name *shorts, size_t *nshort)
{
    static const char *const of[] = { "product sales of ", "product revenue of ", "product revenues of " };
    static const char *const post[] = { " net product sales", " net product revenue", " product sales" };
    const unsigned char *t = s->t;
    size_t n = s->n;
    /* (each phrase holds `roduct `, found by memchr on its rarer `q`-less
     * letters: the scan keys on `roduct`) */
    for (size_t i = 1; i + 8 <= n && !s->failed;) {
        const unsigned char *hit = memchr(t + i, 'r', n - 7 - i);
        if (!hit)
            break;
        size_t h = (size_t)(hit - t);
        i = h + 1;
        if (memcmp(hit, "roduct ", 7) || (t[h - 1] | 0x20) != 'p')
            continue;
        size_t p = h - 1, a = 0, b = 0;
        for (size_t k = 0; k < sizeof of / sizeof of[0] && !b; k++) {
            size_t l = strlen(of[k]);
            if (p + l < n && !memcmp(t + p + 1, of[k] + 1, l - 1)) {
                a = p + l;
                b = capitalized_run(t, n, a);
            }
        }
        for (size_t k = 0; k < sizeof post / sizeof post[0] && !b; k++) {
            size_t l = strlen(post[k]), off = l - 8; /* where `product` starts in the phrase */
            if (p >= off && p - off + l <= n && !memcmp(t + p - off, post[k], l)) {
                size_t e = p - off, q = e;
                while (q > 0 && (gz_is_alnum(t[q - 1]) || t[q - 1] == '-'))
                    q--; /* the last word before; then earlier capitalized words */
                while (q >= 2 && t[q - 1] == ' ' && is_upper(t[q]) && gz_is_alnum(t[q - 2])) {
                    size_t r = q - 1;
                    while (r > 0 && (gz_is_alnum(t[r - 1]) || t[r - 1] == '-'))
                        r--;
                    if (!is_upper(t[r]) || q - r > 24)
                        break;
                    q = r;
                }
                if (is_upper(t[q]) && capitalized_run(t, n, q) == e) {
                    a = q;
                    b = e;
                }
            }
        }
        if (!b || b - a < 3 || covered(s->c, nsel, a, b) || known_short(t, shorts, *nshort, a, b))
            continue;
        push_named(s, a, b, EARNINGS_ENTITY_PRODUCT, "product:", shorts, nshort);
    }
}

/* ---- one company in two scripts: `Star River Technology（星河科技）` ---------------------------- */

/* A company the lexicon does not know, named in Chinese with its English
 * name in parentheses right before or after (`Star River Technology（星河
 * 科技）`, `星河科技（Star River Technology）`): every mention of the Chinese
 * name takes the English name's id, so that the facts of an English and a
 * Chinese document on it group together. */
static void bilingual_names(scan *s)
{
    const unsigned char *t = s->t;
    size_t n = s->n;
    for (size_t k = 0; k < s->nc && !s->failed; k++) {
        cand *c = &s->c[k];
        if (c->dropped || c->utype != EARNINGS_ENTITY_ORG || !(c->flags & EARNINGS_ENTITY_FLAG_UNKNOWN) ||
            t[c->start] < 0x80)
            continue;
        size_t a = 0, b = 0;
        if (c->start >= 3 && t[c->start - 1] == '(' && c->end < n && t[c->end] == ')') {
            /* Latin (Han) */
            size_t e = c->start - 1;
            while (e > 0 && t[e - 1] == ' ')
                e--;
            size_t q = e;
            while (q > 0 && (gz_is_alnum(t[q - 1]) || t[q - 1] == ' ' || t[q - 1] == '-' || t[q - 1] == '&') &&
                   e - q < 64)
                q--;
            while (q < e && !is_upper(t[q]))
                q++;
            if (q < e && capitalized_run(t, n, q) == e)
                a = q, b = e;
        } else if (c->end + 2 < n && t[c->end] == '(' && is_upper(t[c->end + 1])) {
            /* Han (Latin) */
            size_t q = c->end + 1, e = capitalized_run(t, n, q);
            if (e > q && e < n && t[e] == ')')
                a = q, b = e;
        }
        int lower_case = 0; /* (a name, not a ticker: `华远电器(HYDQ)`) */
        for (size_t q = a; q < b && !lower_case; q++)
            lower_case = t[q] >= 'a' && t[q] <= 'z';
        if (b <= a + 2 || !lower_case)
            continue;
        char slug[96];
        size_t sl = 0;
        slug_append(slug, &sl, sizeof slug, t + a, b - a);
        while (sl && slug[sl - 1] == '-')
            sl--;
        if (!sl)
            continue;
        uint32_t old_uid = c->uid;
        uint32_t uid = add_string(s, "org:", 4, slug, sl), uname = add_string(s, (const char *)t + a, b - a, "", 0);
        if (s->failed)
            return;
        for (size_t j = 0; j < s->nc; j++)
            if (s->c[j].uid == old_uid && (s->c[j].flags & EARNINGS_ENTITY_FLAG_UNKNOWN) &&
                s->c[j].utype == EARNINGS_ENTITY_ORG) {
                s->c[j].uid = uid;
                s->c[j].uname = uname;
            }
    }
}

static void add_short(const scan *s, short_name *list, size_t *n, const short_name *x)
{
    if (x->se <= x->ss || *n >= MAX_SHORT_NAMES)
        return;
    size_t len = x->se - x->ss;
    for (size_t k = 0; k < *n; k++)
        if (list[k].se - list[k].ss == len && memcmp(s->t + list[k].ss, s->t + x->ss, len) == 0)
            return;
    list[(*n)++] = *x;
}

/* ---- role linking ------------------------------------------------------------------------------- */

/* t[a..b) holds only separators (spaces, , : - ( ) / |, dashes); at most 12 bytes. */
static int separators(const unsigned char *t, size_t a, size_t b, int *comma, int *spaces_only)
{
    *comma = 0;
    *spaces_only = 1;
    if (b < a || b - a > 12)
        return 0;
    for (size_t i = a; i < b;) {
        unsigned char c = t[i];
        if (c == ' ') {
            i++;
            continue;
        }
        *spaces_only = 0;
        if (c == ',' || c == ':' || c == '-' || c == '(' || c == ')' || c == '/' || c == '|') {
            *comma |= c == ',';
            i++;
            continue;
        }
        if (c == 0xE2 && i + 3 <= b && t[i + 1] == 0x80 && t[i + 2] >= 0x93 && t[i + 2] <= 0x95) {
            i += 3; /* en, em, horizontal bar dashes */
            continue;
        }
        if (c == 0xEF && i + 3 <= b && t[i + 1] == 0xBC
            && (t[i + 2] == 0x88 || t[i + 2] == 0x89 || t[i + 2] == 0x8C || t[i + 2] == 0x9A)) {
            *comma |= t[i + 2] == 0x8C;
            i += 3; /* full-width ( ) , : */
            continue;
        }
        return 0;
    }
    return 1;
}

static void link_roles(const earnings__gazetteer *g, const unsigned char *t, earnings_entity *e, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (e[i].type != EARNINGS_ENTITY_ROLE)
            continue;
        int pc = 0, ps = 0, nc = 0, ns = 0;
        int prev = i > 0 && e[i - 1].type == EARNINGS_ENTITY_PERSON
                   && separators(t, e[i - 1].norm.end, e[i].norm.start, &pc, &ps);
        int next = i + 1 < n && e[i + 1].type == EARNINGS_ENTITY_PERSON
                   && separators(t, e[i].norm.end, e[i + 1].norm.start, &nc, &ns);
        if (prev && next) { /* "CEO Andy Jassy" vs "Andy Jassy, CEO" */
            if (pc != nc)
                prev = !pc;
            else
                prev = !ns;
            next = !prev;
        }
        if (prev && !e[i - 1].role)
            e[i - 1].role = e[i].id;
        else if (next && !e[i + 1].role)
            e[i + 1].role = e[i].id;
    }
    /* a name and its other-language form side by side share the role:
     * 安迪贾西(Andy Jassy)—— 首席执行官 */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i + 1 < n; i++) {
            earnings_entity *a = &e[i], *b = &e[i + 1];
            int c1, s1;
            if (a->type != EARNINGS_ENTITY_PERSON || b->type != EARNINGS_ENTITY_PERSON
                || strcmp(a->id, b->id) != 0 || (!a->role) == (!b->role)
                || !separators(t, a->norm.end, b->norm.start, &c1, &s1))
                continue;
            if (!a->role)
                a->role = b->role;
            else
                b->role = a->role;
        }
    (void)g;
}

/* ---- driver --------------------------------------------------------------------------------- */

static const char *lang_of(const unsigned char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (t[i] >= 0xE2) {
            int32_t cp = earnings__gz_cp_at(t, b, i);
            if (cp >= 0 && gz_is_cjk(cp))
                return "zh";
        }
    return "en";
}

static void scan_release(scan *s)
{
    earnings__free(s->c);
    earnings__free(s->sk);
    earnings__free(s->caps);
    earnings__free(s->orphans);
    earnings__sb_release(&s->strings);
}

static int extract(const earnings__gazetteer *g, const earnings_normalized *norm, earnings__entity_list *out,
                   earnings__gz_step_fn ref_step, void *ref_ctx);

int earnings__entities_extract(const earnings__gazetteer *g, const earnings_normalized *norm,
                               earnings__entity_list *out)
{
    return extract(g, norm, out, NULL, NULL);
}

static uint32_t plain_step(const earnings__gazetteer *g, uint32_t st, unsigned char c, void *ctx)
{
    (void)ctx;
    return step(g, st, c) & GZ_STATE_MASK;
}

int earnings__entities_extract_ref(const earnings__gazetteer *g, const earnings_normalized *norm,
                                   earnings__entity_list *out, earnings__gz_step_fn step_fn, void *ctx)
{
    return extract(g, norm, out, step_fn ? step_fn : plain_step, ctx);
}

static int extract(const earnings__gazetteer *g, const earnings_normalized *norm, earnings__entity_list *out,
                   earnings__gz_step_fn ref_step, void *ref_ctx)
{
    if (!out)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__entities_extract: out is NULL");
    out->items = NULL;
    out->count = 0;
    out->strings = NULL;
    if (!g || !norm)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__entities_extract: NULL argument");
    scan s;
    memset(&s, 0, sizeof s);
    s.g = g;
    s.ref_step = ref_step;
    s.ref_ctx = ref_ctx;
    size_t n = 0;
    s.t = (const unsigned char *)earnings_normalized_text(norm, &n);
    s.n = n;
    earnings__sb_init(&s.strings);
    /* room for a typical density of mentions up front */
    if (earnings__grow((void **)&s.c, &s.capc, n / 64 + 16, sizeof *s.c) < 0) {
        scan_release(&s);
        return EARNINGS_ENOMEM;
    }
    if (ref_step)
        run_automaton_ref(&s);
    else
        run_automaton(&s);
    if (!s.failed)
        select_longest(&s);
    size_t nsel = s.nc;
    for (size_t i = 0; i < s.ncaps && !s.failed; i++)
        fuzzy_word(&s, nsel, s.caps[i]);
    if (!s.failed && s.nc > nsel) {
        sort_cands(&s, nsel);
        nsel = s.nc;
    }
    for (size_t i = 0; i < s.ncaps && !s.failed; i++)
        if (s.t[s.caps[i]] == 'M' || s.t[s.caps[i]] == 'D' || s.t[s.caps[i]] == 'P')
            honorific(&s, nsel, s.caps[i]);
    /* organizations by legal form and introduced products, then their
     * later mentions by name */
    short_name shorts[MAX_SHORT_NAMES], x;
    size_t nshort = 0;
    for (size_t i = 0; i < s.ncaps && !s.failed; i++) {
        size_t q = s.caps[i];
        corporate(&s, nsel, q, &x);
        /* (products after a quote, or after `called`/`named`/`dubbed`: a word ending in d) */
        if (x.se == x.ss && q > 0 && (s.t[q - 1] == '"' || (q >= 3 && s.t[q - 1] == ' ' && s.t[q - 2] == 'd')))
            introduced(&s, nsel, q, &x);
        add_short(&s, shorts, &nshort, &x);
    }
    /* `Northgate Insurance Group plc`, `Tesco plc`: the lower-case form of
     * British names (found by its rare letters, not among the capitals) */
    for (size_t i = 1; i + 4 <= s.n && !s.failed;) {
        const unsigned char *hit = memchr(s.t + i, 'p', s.n - 3 - i);
        if (!hit)
            break;
        size_t h = (size_t)(hit - s.t);
        i = h + 1;
        if (s.t[h - 1] != ' ' || s.t[h + 1] != 'l' || s.t[h + 2] != 'c' || (h + 3 < s.n && word_at(s.t, s.n, h + 3)))
            continue;
        org_name_before(&s, nsel, h - 1, h + 3, (size_t)-1, &x);
        add_short(&s, shorts, &nshort, &x);
    }
    /* 有限公司 and 有限责任公司: both open with 有限 (E6 9C 89 E9 99 90) */
    static const char gongsi[] = "公司", zeren[] = "责任公司";
    for (size_t i = 0; i + 12 <= s.n && !s.failed;) {
        const unsigned char *hit = memchr(s.t + i, 0xE6, s.n - 11 - i);
        if (!hit)
            break;
        size_t h = (size_t)(hit - s.t);
        i = h + 1;
        if (hit[1] != 0x9C || hit[2] != 0x89 || hit[3] != 0xE9 || hit[4] != 0x99 || hit[5] != 0x90)
            continue;
        size_t fl = 0;
        if (memcmp(hit + 6, gongsi, 6) == 0)
            fl = 12;
        else if (h + 18 <= s.n && memcmp(hit + 6, zeren, 12) == 0)
            fl = 18;
        if (!fl)
            continue;
        corporate_zh(&s, nsel, h, fl, &x);
        if (x.se > x.ss) {
            add_short(&s, shorts, &nshort, &x);
            zh_short_form(s.t, s.n, h + fl, &x.ss, &x.se); /* its 简称, the same entity */
            add_short(&s, shorts, &nshort, &x);
        }
        i = h + fl;
    }
    if (!s.failed)
        reporters(&s, nsel, shorts, &nshort);
    if (!s.failed)
        table_segments(&s, nsel, shorts, &nshort);
    if (!s.failed)
        named_segments(&s, nsel, shorts, &nshort);
    if (!s.failed)
        label_segments(&s, nsel, shorts, &nshort);
    if (!s.failed)
        zh_business_lines(&s, nsel, shorts, &nshort, "业务");
    if (!s.failed)
        zh_business_lines(&s, nsel, shorts, &nshort, "服务");
    if (!s.failed)
        zh_titled_products(&s, nsel, shorts, &nshort);
    if (!s.failed)
        en_product_sales(&s, nsel, shorts, &nshort);
    if (!s.failed && nshort) {
        sort_cands(&s, nsel);
        nsel = s.nc;
        for (size_t k = 0; k < nshort && !s.failed; k++)
            corporate_again(&s, nsel, &shorts[k]);
    }
    if (s.failed) {
        scan_release(&s);
        return earnings_error_last()->code == EARNINGS_OK ? earnings__enomem() : EARNINGS_ENOMEM;
    }
    if (s.nc > nsel)
        sort_cands(&s, nsel);
    bilingual_names(&s);
    if (s.failed) {
        scan_release(&s);
        return earnings__enomem();
    }

    {
        size_t o = 0;
        for (size_t i = 0; i < s.nc; i++)
            if (!s.c[i].dropped)
                s.c[o++] = s.c[i];
        s.nc = o;
    }
    earnings_entity *items = NULL;
    if (s.nc) {
        items = earnings__calloc(s.nc, sizeof *items);
        if (!items) {
            scan_release(&s);
            return earnings__enomem();
        }
    }
    const char *strs = s.strings.ptr;
    earnings__norm_cursor cur; /* the items are in text order */
    earnings__norm_cursor_init(&cur);
    for (size_t i = 0; i < s.nc; i++) {
        const cand *c = &s.c[i];
        earnings_entity *e = &items[i];
        e->norm.start = c->start;
        e->norm.end = c->end;
        e->span.start = earnings__norm_cursor_start(norm, &cur, c->start);
        e->span.end = earnings__norm_cursor_end(norm, &cur, c->end);
        e->type = cand_type(g, c);
        e->match = c->match;
        e->distance = c->distance;
        e->flags = c->flags;
        e->lang = lang_of(s.t, c->start, c->end);
        if (c->entity != GZ_NONE) {
            e->id = g->entities[c->entity].pub.id;
            e->name = g->entities[c->entity].pub.name;
        }
        if (c->is_ticker) {
            if (c->ticker != GZ_NONE) {
                const gz_ticker *tk = &g->tickers[c->ticker];
                e->ticker = g->pool + tk->symbol;
                e->exchange = c->exchange ? c->exchange : tk->exchange != GZ_NONE ? g->pool + tk->exchange : NULL;
            } else {
                e->exchange = c->exchange;
            }
        }
    }
    /* strings of unknown entities, now that the pool no longer moves */
    for (size_t i = 0; i < s.nc; i++) {
        cand *c = &s.c[i];
        if (c->is_ticker && c->ticker == GZ_NONE) {
            uint32_t sym = add_string(&s, (const char *)s.t + c->sym_start, c->sym_len, "", 0);
            uint32_t id = add_string(&s, "ticker:", 7, (const char *)s.t + c->sym_start, c->sym_len);
            c->uid = id;
            c->uname = sym;
            c->sym_start = sym;
        }
    }
    if (s.failed || s.strings.failed) {
        earnings__free(items);
        scan_release(&s);
        return earnings__enomem();
    }
    strs = s.strings.ptr;
    for (size_t i = 0; i < s.nc; i++) {
        const cand *c = &s.c[i];
        earnings_entity *e = &items[i];
        if (c->is_ticker && c->ticker == GZ_NONE) {
            e->ticker = strs + c->sym_start;
            if (c->entity == GZ_NONE) {
                e->id = strs + c->uid;
                e->name = strs + c->uname;
            }
        } else if (c->entity == GZ_NONE) {
            e->id = strs + c->uid;
            e->name = strs + c->uname;
        }
    }
    link_roles(g, s.t, items, s.nc);
    out->items = items;
    out->count = s.nc;
    out->strings = s.strings.ptr;
    earnings__sb_init(&s.strings);
    scan_release(&s);
    return 0;
}

void earnings__entity_list_release(earnings__entity_list *list)
{
    if (!list)
        return;
    earnings__free(list->items);
    earnings__free(list->strings);
    list->items = NULL;
    list->strings = NULL;
    list->count = 0;
}
