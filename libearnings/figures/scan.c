/* The figure scanner: a hand-written, single-pass grammar over normalized
 * text. Number cores (digits, English number words, Chinese numerals) are
 * found first; prefixes (currency, sign, qualifier) are matched backwards
 * from a core, suffixes (scale, unit, currency, percent, counted noun)
 * forwards; two figures joined by a range connector become one range.
 * Periods and dates have their own triggers. No allocation happens here. */
#include <pthread.h>
#include <string.h>

#include "core/internal.h"
#include "figures/lexicon.h"
#include "figures/scan.h"

#define KIND_NUMBER EARNINGS_FIGURE_NUMBER
#define KIND_ORDINAL EARNINGS_FIGURE_ORDINAL
#define KIND_MONEY EARNINGS_FIGURE_MONEY
#define KIND_PERCENT EARNINGS_FIGURE_PERCENT
#define KIND_PP EARNINGS_FIGURE_PP
#define KIND_BPS EARNINGS_FIGURE_BPS
#define KIND_QUANTITY EARNINGS_FIGURE_QUANTITY
#define KIND_DATE EARNINGS_FIGURE_DATE
#define KIND_PERIOD EARNINGS_FIGURE_PERIOD

typedef struct scan {
    const char *s;
    const unsigned char *u;
    size_t n;
    size_t last_end; /* end of the last emitted figure (no figure starts before) */
    size_t dc_end;   /* end of the words the last figure took as its comparison */
    fig_sink sink;
    void *ud;
    int rc;
    /* line_start() memo: the line start found for position ls_at, so that
     * many numbers on one long line do not each walk back to its start */
    size_t ls_at, ls_val;
    const fig_index *ix; /* the figure lexicon */
    /* key_at() memo: the lexicon key at position kc_pos (lookups at one
     * position with several masks are common) */
    size_t kc_pos;
    const fig_key *kc_key;
} scan;

/* ---- characters ---------------------------------------------------------- */

static int is_digit(unsigned char c) { return (unsigned char)(c - '0') < 10; }
static int is_alpha(unsigned char c) { return (unsigned char)((c | 32) - 'a') < 26; }
static int is_upper(unsigned char c) { return (unsigned char)(c - 'A') < 26; }
static int is_lower(unsigned char c) { return (unsigned char)(c - 'a') < 26; }
static int is_alnum(unsigned char c) { return is_digit(c) || is_alpha(c); }

static unsigned char at(const scan *x, size_t p) { return p < x->n ? x->u[p] : 0; }

/* Byte classes of the scanning loops: B_START, a byte where the main loop
 * has something to look at (a digit, a letter, '.', a non-ASCII byte);
 * B_AFTER, a byte after a word that changes what the word is (digits, ':',
 * '.', '@'). */
enum { B_DIGIT = 1, B_ALPHA = 2, B_START = 4, B_AFTER = 8 };
#define BC(c)                                                                                                \
    ((c) >= '0' && (c) <= '9'                     ? B_DIGIT | B_START | B_AFTER                             \
     : ((c) | 32) >= 'a' && ((c) | 32) <= 'z'     ? B_ALPHA | B_START                                       \
     : (c) == '.'                                 ? B_START | B_AFTER                                       \
     : (c) >= 0x80                                ? B_START                                                 \
     : (c) == ':' || (c) == '@'                   ? B_AFTER                                                 \
                                                  : 0)
#define BC4(c) BC(c), BC((c) + 1), BC((c) + 2), BC((c) + 3)
#define BC16(c) BC4(c), BC4((c) + 4), BC4((c) + 8), BC4((c) + 12)
#define BC64(c) BC16(c), BC16((c) + 16), BC16((c) + 32), BC16((c) + 48)
static const unsigned char bclass[256] = {BC64(0), BC64(64), BC64(128), BC64(192)};
#undef BC64
#undef BC16
#undef BC4
#undef BC

static int32_t cp_at(const scan *x, size_t p, size_t *len)
{
    int32_t cp;
    if (p >= x->n) {
        *len = 0;
        return -1;
    }
    if (x->u[p] < 0x80) {
        *len = 1;
        return x->u[p];
    }
    size_t l = earnings__utf8_decode(x->u + p, x->n - p, &cp);
    if (!l) {
        *len = 1;
        return -1;
    }
    *len = l;
    return cp;
}

/* Start of the character that ends at p (p > 0). */
static size_t prev_start(const scan *x, size_t p)
{
    size_t q = p - 1;
    while (q > 0 && (x->u[q] & 0xC0) == 0x80)
        q--;
    return q;
}

static int32_t cp_before(const scan *x, size_t p, size_t *start)
{
    size_t l;
    if (p == 0) {
        *start = 0;
        return -1;
    }
    *start = prev_start(x, p);
    return cp_at(x, *start, &l);
}

static int is_han(int32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

static size_t skip_sp(const scan *x, size_t p)
{
    while (p < x->n && (x->u[p] == ' ' || x->u[p] == '\t'))
        p++;
    return p;
}

static size_t skip_sp_back(const scan *x, size_t p, size_t lo)
{
    while (p > lo && (x->u[p - 1] == ' ' || x->u[p - 1] == '\t'))
        p--;
    return p;
}

static size_t word_end(const scan *x, size_t p)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* eight bytes at a time: the high bit of each byte of `alpha` says
     * whether that byte is an ASCII letter */
    const uint64_t hi = UINT64_C(0x8080808080808080), ones = UINT64_C(0x0101010101010101);
    while (p + 8 <= x->n) {
        uint64_t v;
        memcpy(&v, x->u + p, 8);
        uint64_t l = (v | ones * 0x20) | hi;
        uint64_t alpha = (l - ones * 0x61) & ~(l - ones * 0x7B) & ~v & hi;
        if (alpha != hi)
            return p + (size_t)(__builtin_ctzll(~alpha & hi) >> 3);
        p += 8;
    }
#endif
    while (p < x->n && is_alpha(x->u[p]))
        p++;
    return p;
}

static size_t alnum_end(const scan *x, size_t p)
{
    while (p < x->n && is_alnum(x->u[p]))
        p++;
    return p;
}

/* The lexicon key of the text at p (p < n), or NULL. */
static const fig_key *key_at(const scan *x, size_t p)
{
    scan *mx = (scan *)x; /* the memo only; every scan object is mutable */
    if (mx->kc_pos != p) {
        mx->kc_pos = p;
        mx->kc_key = earnings__figlex_key(x->ix, x->u, x->n, p);
    }
    return mx->kc_key;
}

static size_t lexm(const scan *x, size_t p, uint64_t mask, uint64_t excl, const fig_lex **e)
{
    const fig_key *k;
    *e = NULL;
    if (!(earnings__figlex_classes_at(x->ix, x->u, x->n, p) & mask) || !(k = key_at(x, p)) || !(k->cls & mask))
        return 0;
    return earnings__figlex_match_key(k, x->s, x->n, p, mask, excl, e);
}

/* Clause punctuation: ends the reach of directions and comparisons. */
static int is_clause_punct(const scan *x, size_t p)
{
    unsigned char c = x->u[p];
    if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n' || c == '(' ||
        c == ')' || c == '|' || c == '[' || c == ']')
        return 1;
    if (c == '.')
        return p + 1 >= x->n || !is_digit(x->u[p + 1]);
    if (c >= 0xE0) {
        size_t l;
        int32_t cp = cp_at(x, p, &l);
        return cp == 0x3002 || cp == 0xFF0C || cp == 0xFF1B || cp == 0xFF1A || cp == 0x3001 ||
               cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF08 || cp == 0xFF09 || cp == 0x2014;
    }
    return 0;
}

/* ---- Chinese numerals ---------------------------------------------------- */

static int zh_digit(int32_t cp)
{
    switch (cp) {
    case 0x96F6: case 0x3007: return 0;
    case 0x4E00: case 0x58F9: case 0x5E7A: return 1;
    case 0x4E8C: case 0x8D30: case 0x8CB3: case 0x5F0D:
    case 0x4E24: case 0x5169: case 0x4FE9: case 0x5006: return 2;
    case 0x4E09: case 0x53C1: case 0x53C3: return 3;
    case 0x56DB: case 0x8086: return 4;
    case 0x4E94: case 0x4F0D: return 5;
    case 0x516D: case 0x9646: case 0x9678: return 6;
    case 0x4E03: case 0x67D2: return 7;
    case 0x516B: case 0x634C: return 8;
    case 0x4E5D: case 0x7396: return 9;
    default: return -1;
    }
}

/* Financial forms that are also everyday characters (陆地, 队伍, 拾取). */
static int zh_financial(int32_t cp)
{
    switch (cp) {
    case 0x58F9: case 0x8D30: case 0x8CB3: case 0x53C1: case 0x53C3: case 0x8086:
    case 0x4F0D: case 0x9646: case 0x9678: case 0x67D2: case 0x634C: case 0x7396:
    case 0x62FE: case 0x4F70: case 0x4EDF: case 0x5E7A: case 0x5F0D:
        return 1;
    default:
        return 0;
    }
}

static int zh_unit(int32_t cp)
{
    switch (cp) {
    case 0x5341: case 0x62FE: return 1;
    case 0x767E: case 0x4F70: return 2;
    case 0x5343: case 0x4EDF: return 3;
    case 0x4E07: case 0x842C: return 4;
    case 0x4EBF: case 0x5104: return 8;
    case 0x5146: return 12;
    default: return 0;
    }
}

/* The main loop looks closer only at Han characters that may start a
 * figure: digits, units, 半 (CP_BAN), 第 (CP_DI) and the first characters
 * of the period words it tests (过 上 下 全 年 今 前). A bit per code point of
 * U+4000..U+9FFF (the UTF-8 lead bytes E4..E9), set once. */
#define ZH_FIRST 0x4000
#define ZH_LAST 0x9FFF
static uint8_t zh_start_bits[(ZH_LAST - ZH_FIRST + 1) / 8];
static pthread_once_t zh_start_once = PTHREAD_ONCE_INIT;

static int zh_starts_figure(int32_t cp);

static void zh_start_build(void)
{
    for (int32_t cp = ZH_FIRST; cp <= ZH_LAST; cp++)
        if (zh_starts_figure(cp))
            zh_start_bits[(cp - ZH_FIRST) >> 3] |= (uint8_t)(1u << (cp & 7));
}

#define CP_DIAN 0x70B9
#define CP_DIAN_T 0x9EDE
#define CP_DUO 0x591A
#define CP_YU 0x4F59
#define CP_JI 0x51E0
#define CP_JI_T 0x5E7E
#define CP_FEN 0x5206
#define CP_ZHI 0x4E4B
#define CP_NIAN 0x5E74
#define CP_YUE 0x6708
#define CP_RI 0x65E5
#define CP_HAO 0x53F7
#define CP_DI 0x7B2C
#define CP_FU 0x8D1F
#define CP_FU_T 0x8CA0
#define CP_CHENG 0x6210
#define CP_ZHE 0x6298
#define CP_BAN 0x534A
#define CP_QIAN 0x524D

/* ---- number cores -------------------------------------------------------- */

enum { CT_DIGITS = 1, CT_WORDS = 2, CT_ZH = 3 };

typedef struct core {
    size_t s, e;
    fnum v;
    int type;
    int ordinal;     /* 8th, third, 第三 (set by callers for 第) */
    int one_alone;   /* the word "one" (or 一) alone */
    int has_sep;     /* thousands separators */
    int has_dec;     /* decimal point */
    int nint;        /* digits before the decimal point */
    int has_exp;     /* 1e10 */
    int has_scale;   /* a scale word or suffix applied */
    fnum pre;        /* value before the scale */
    int scale_exp;
    int qual;        /* 多, 余, 几 inside a Chinese numeral: over */
    int zh_chars;    /* Han characters in the core */
    int zh_weak;     /* a lone Han digit, or financial forms only: needs context */
    int zh_seq;      /* digit by digit (二〇二五) */
    int frac;        /* a fraction (inexact or not) */
    int pct;         /* 百分之: a percent */
    int standalone_ord; /* an ordinal word alone */
    int fold;        /* fourfold: a multiple written as one word */
    size_t num_s, num_e; /* the number when it is not [s, e) (百分之五十: 五十) */
} core;

static void core_init(core *c, size_t p)
{
    memset(c, 0, sizeof *c);
    c->s = c->e = p;
    c->v = earnings__fn_int(0);
    c->pre = c->v;
}

/* Digits with thousands separators, decimals and an exponent.
 * Returns 0 if no number, -1 for an identifier-like string (1.2.3). */
static int parse_digits(const scan *x, size_t p, core *c)
{
    size_t q = p;
    int64_t m = 0;
    int e = 0, nd = 0, lost = 0, nint = 0, indian = 0;
    double dv = 0.0;
    core_init(c, p);
    c->type = CT_DIGITS;
    {
        /* Indian grouping: 12,34,567.89 (1-2 digits, pairs, then three) */
        size_t r = p;
        while (is_digit(at(x, r)) && r - p < 3)
            r++;
        int pairs = 0;
        if (r - p <= 2 && !is_digit(at(x, r))) {
            while (at(x, r) == ',' && is_digit(at(x, r + 1)) && is_digit(at(x, r + 2)) && at(x, r + 3) == ',') {
                r += 3;
                pairs++;
            }
        }
        if (pairs && pairs < 6 && at(x, r) == ',' && is_digit(at(x, r + 1)) && is_digit(at(x, r + 2)) && is_digit(at(x, r + 3)) &&
            !is_digit(at(x, r + 4)) && !(at(x, r + 4) == ',' && is_digit(at(x, r + 5)))) {
            size_t e2 = r + 4;
            for (size_t k = p; k < e2; k++) {
                if (is_digit(x->u[k])) {
                    m = m * 10 + (x->u[k] - '0');
                    dv = dv * 10 + (x->u[k] - '0');
                    nd++;
                }
            }
            c->has_sep = 1;
            nint = 3;
            q = e2;
            indian = 1;
        }
    }
    while (!indian && q < x->n && is_digit(x->u[q])) {
        int d = x->u[q] - '0';
        dv = dv * 10 + d;
        if (nd < 18) {
            m = m * 10 + d;
            if (m)
                nd++;
        } else {
            e++;
            lost |= d != 0;
        }
        nint++;
        q++;
        /* thousands separators: first group of 1-3 digits, then ",ddd" */
        if (at(x, q) == ',' && !c->has_dec && nint >= 1 && nint <= 3 + 3 * c->has_sep &&
            (c->has_sep || nint <= 3) && is_digit(at(x, q + 1)) && is_digit(at(x, q + 2)) &&
            is_digit(at(x, q + 3)) && !is_digit(at(x, q + 4))) {
            if (!c->has_sep && nint > 3)
                break;
            c->has_sep = 1;
            nint = 0;
            q++;
        }
    }
    /* thousands separated by spaces: 1 234 567, 40 000 */
    if (!c->has_sep && nint <= 3 && at(x, q) == ' ' && is_digit(at(x, q + 1)) && is_digit(at(x, q + 2)) &&
        is_digit(at(x, q + 3)) && !is_digit(at(x, q + 4)) && !(p > 0 && is_digit(at(x, p - 2)) && at(x, p - 1) == ' ')) {
        while (at(x, q) == ' ' && is_digit(at(x, q + 1)) && is_digit(at(x, q + 2)) && is_digit(at(x, q + 3)) &&
               !is_digit(at(x, q + 4)) && nd < 18) {
            for (int k = 1; k <= 3; k++) {
                int d = x->u[q + k] - '0';
                dv = dv * 10 + d;
                m = m * 10 + d;
                if (m)
                    nd++;
            }
            q += 4;
            c->has_sep = 1;
        }
    }
    if (c->has_sep)
        nint = (int)(q - p); /* approximate: only used for small numbers */
    /* a decimal comma with two decimals: 5,00 (never a thousands group) */
    int dcomma = !c->has_sep && nint <= 3 && at(x, q) == ',' && is_digit(at(x, q + 1)) && is_digit(at(x, q + 2)) &&
                 !is_digit(at(x, q + 3)) && !(at(x, q + 3) == ',' && is_digit(at(x, q + 4))) &&
                 !(at(x, q + 3) == '.' && is_digit(at(x, q + 4))) && !(p > 0 && (x->u[p - 1] == ',' || x->u[p - 1] == '.'));
    if ((at(x, q) == '.' || dcomma) && is_digit(at(x, q + 1))) {
        c->has_dec = 1;
        q++;
        while (q < x->n && is_digit(x->u[q])) {
            int d = x->u[q] - '0';
            if (nd < 18) {
                m = m * 10 + d;
                if (m)
                    nd++;
                e--;
            } else {
                lost |= d != 0;
            }
            q++;
        }
        if (at(x, q) == '.' && is_digit(at(x, q + 1)))
            return -1;
    }
    if (q == p)
        return 0;
    c->nint = nint;
    fnum v = {m, e, 1, 0.0};
    if (lost) {
        v.ok = 0;
        v.d = dv;
    }
    v = earnings__fn_add(v, earnings__fn_int(0));
    /* exponent: 1e10, -127.32e13 */
    if ((at(x, q) == 'e' || at(x, q) == 'E') && !c->has_sep) {
        size_t r = q + 1;
        int sg = 1;
        if (at(x, r) == '-' || at(x, r) == '+') {
            sg = at(x, r) == '-' ? -1 : 1;
            r++;
        }
        if (is_digit(at(x, r))) {
            int ex = 0;
            while (is_digit(at(x, r)) && ex < 400)
                ex = ex * 10 + (x->u[r++] - '0');
            if (!is_alpha(at(x, r))) {
                v = earnings__fn_scale10(v, sg * ex);
                c->has_exp = 1;
                q = r;
            }
        }
    }
    /* scientific notation written out: 1.3x10^6, 6.23×10^-4 */
    if (!c->has_exp && (at(x, q) == 'x' || (at(x, q) == 0xC3 && at(x, q + 1) == 0x97))) {
        size_t r = q + (at(x, q) == 'x' ? 1 : 2);
        if (at(x, r) == '1' && at(x, r + 1) == '0' && at(x, r + 2) == '^') {
            r += 3;
            int sg = 1;
            if (at(x, r) == '-' || at(x, r) == '+')
                sg = at(x, r++) == '-' ? -1 : 1;
            int ex = 0, nd2 = 0;
            while (is_digit(at(x, r)) && nd2 < 3) {
                ex = ex * 10 + (x->u[r++] - '0');
                nd2++;
            }
            if (nd2 && !is_alnum(at(x, r))) {
                v = earnings__fn_scale10(v, sg * ex);
                c->has_exp = 1;
                q = r;
            }
        }
    }
    /* powers: 1.1^23, 2.5^-1, 1.1^--23 (each minus flips the sign) */
    if (at(x, q) == '^') {
        size_t r = q + 1;
        int sg = 1;
        while (at(x, r) == '-' || at(x, r) == '+')
            sg = at(x, r++) == '-' ? -sg : sg;
        int ex = 0, nd2 = 0;
        while (is_digit(at(x, r)) && nd2 < 3) {
            ex = ex * 10 + (x->u[r++] - '0');
            nd2++;
        }
        double b = earnings__fn_double(v);
        if (nd2 && !is_alnum(at(x, r)) && !is_digit(at(x, r)) && (b != 0.0 || sg > 0)) {
            double pw = 1.0;
            for (int i = 0; i < ex && pw == pw && pw - pw == 0; i++)
                pw *= b;
            if (sg < 0)
                pw = 1.0 / pw;
            if (pw == pw && pw - pw == 0) {
                if (sg > 0 && earnings__fn_is_int(v) && b > -1e9 && b < 1e9 && pw > -9e15 && pw < 9e15) {
                    /* an integer power of an integer stays exact: 2^10 */
                    fnum ip = earnings__fn_int(1);
                    for (int i = 0; i < ex; i++)
                        ip = earnings__fn_mul_int(ip, (int64_t)b);
                    v = ip;
                } else {
                    v = earnings__fn_from_double(pw);
                }
                c->has_exp = 1;
                q = r;
            }
        }
    }
    /* fractions: 1/2, 2 1/4, and the fraction slash of NFKC-folded ½ */
    if (!c->has_sep && !c->has_dec && !c->has_exp && v.ok) {
        size_t r = q, fs = q;
        int mixed = 0;
        if (at(x, r) == ' ' && (is_digit(at(x, r + 1)) || (at(x, r + 1) == ' ' && is_digit(at(x, r + 2))))) {
            r++;
            if (at(x, r) == ' ')
                r++;
            mixed = 1;
            fs = r;
        }
        int64_t a = 0, b = 0;
        size_t k = r;
        if (mixed) {
            while (is_digit(at(x, k)) && k - r < 3)
                a = a * 10 + (x->u[k++] - '0');
        } else {
            a = v.m;
            for (int z = 0; z < v.e && a <= INT64_MAX / 10; z++)
                a *= 10;
        }
        int slash = 0;
        if (at(x, k) == '/')
            slash = 1;
        else if (at(x, k) == 0xE2 && at(x, k + 1) == 0x81 && at(x, k + 2) == 0x84)
            slash = 3;
        if (slash && (!mixed || k > fs) && is_digit(at(x, k + slash)) && !(p > 0 && at(x, p - 1) == '/')) {
            size_t d0 = k + slash, d = d0;
            while (is_digit(at(x, d)) && d - d0 < 4)
                b = b * 10 + (x->u[d++] - '0');
            /* improper parts only in short mixed numbers: 1 4/3 */
            int short_mixed = mixed && q - p <= 2 && k - fs <= 2 && d - d0 <= 2;
            if (!is_digit(at(x, d)) && at(x, d) != '/' && b > 0 && !is_alpha(at(x, d)) &&
                (slash == 3 || (a < b && b <= 100) || (mixed && a < b) || short_mixed)) {
                fnum fr = earnings__fn_div(earnings__fn_int(a), earnings__fn_int(b));
                c->v = mixed ? earnings__fn_add(v, fr) : fr;
                c->pre = c->v;
                c->frac = 1;
                c->e = d;
                return 1;
            }
        }
    }
    c->v = v;
    c->pre = v;
    c->e = q;
    return 1;
}

/* Chinese numeral, possibly continuing an ASCII number already in c
 * (have_pend: c->v is the number, c->e where to continue). Returns 1 if a
 * number was read (c updated), 0 otherwise. */
static int parse_zh(const scan *x, size_t p, core *c, int have_pend)
{
    if (!have_pend)
        core_init(c, p);
    fnum stack_v[4];
    int stack_u[4], ns = 0;
    fnum cur = earnings__fn_int(0), pend = have_pend ? c->v : earnings__fn_int(0);
    int has_pend = have_pend, pend_han = 0, last_unit = 0, zero = 0, any = have_pend;
    int nchars = 0, nfin = 0, nunits = 0, seq = 0, seq_len = 0, has_zero_char = 0;
    int frac_added = have_pend && c->has_dec, ended_big = 0;
    size_t q = have_pend ? c->e : p, end = q;

    for (;;) {
        size_t l, q2 = q;
        if (any && at(x, q2) == ' ') {
            /* one space between parts: 1320 亿, 7 万5 千, 50 多万 */
            size_t l2;
            int32_t c2 = cp_at(x, q2 + 1, &l2);
            int ok = c2 >= 0 && (zh_unit(c2) || ((c2 == CP_DUO || c2 == CP_YU) && has_pend && !pend_han));
            if (!ok && c2 >= 0 && (pend_han || (last_unit && !has_pend))) {
                /* inside a Han numeral: 一百 五 十 二, 陆 点 五, 五百 余万 */
                if (zh_digit(c2) >= 0 && !has_pend && last_unit && !frac_added)
                    ok = 1;
                else if ((c2 == CP_DIAN || c2 == CP_DIAN_T) && has_pend)
                    ok = 1;
                else if ((c2 == CP_DUO || c2 == CP_YU) && last_unit && !has_pend)
                    ok = 1;
            }
            if (!ok)
                break;
            q2++;
        }
        int32_t cp = cp_at(x, q2, &l);
        if (cp < 0)
            break;
        int d = zh_digit(cp), u = zh_unit(cp);
        if (cp >= '0' && cp <= '9') {
            /* 5亿1万: ASCII digits after a unit */
            core tmp;
            size_t l3;
            if (!any || has_pend || !last_unit || parse_digits(x, q2, &tmp) != 1 || tmp.has_sep ||
                tmp.has_exp)
                break;
            int32_t nx = cp_at(x, tmp.e, &l3);
            if (!zh_unit(nx) && !(nx == ' ' && zh_unit(cp_at(x, tmp.e + 1, &l3))))
                break;
            pend = tmp.v;
            has_pend = 1;
            pend_han = 0;
            q = end = tmp.e;
            ended_big = 0;
            continue;
        }
        if (d >= 0) {
            if (has_pend && !pend_han)
                break; /* ASCII digits then a Han digit */
            if (cp == 0x4E24 && any && !frac_added) {
                /* 两 closing a numeral is the weight unit liang: 二两,
                 * 三千两百两 (but 一两个, 两百: one or two, two hundred) */
                size_t l3;
                int32_t nx = cp_at(x, q2 + l, &l3);
                if (!is_han(nx) && !(nchars == 1 && has_pend && earnings__fn_double(pend) == 1.0))
                    break;
            }
            if (frac_added)
                break;
            if (has_pend) {
                /* digit after digit: 二〇二五 */
                pend = earnings__fn_add(earnings__fn_mul_int(pend, 10), earnings__fn_int(d));
                seq = 1;
                seq_len++;
            } else if (d == 0) {
                zero = 1;
                seq_len = 0;
                if (!any) {
                    pend = earnings__fn_int(0);
                    has_pend = 1;
                    pend_han = 1;
                    seq_len = 1;
                }
            } else {
                pend = earnings__fn_int(d);
                has_pend = 1;
                pend_han = 1;
                seq_len = 1;
            }
            if (cp == 0x96F6 || cp == 0x3007)
                has_zero_char = 1;
            nfin += zh_financial(cp);
            nchars++;
            any = 1;
            q = end = q2 + l;
            ended_big = 0;
            continue;
        }
        if (u) {
            /* a unit of measure that starts with a numeral character (兆瓦,
             * 千瓦, 千克) ends the number */
            if (u == 12 || u == 3) {
                const fig_lex *le;
                if (lexm(x, q2, FL_UNIT, 0, &le) > l)
                    break;
            }
            if (seq && seq_len > 1 && pend_han) {
                /* 二三十, 三四百: an approximate count, not a number */
                c->zh_weak = 2;
                q = end = q2 + l;
                nchars++;
                continue;
            }
            if (frac_added && u < 4)
                break;
            if (u < 4) {
                if (!has_pend && any && !(last_unit >= 4 || zero))
                    break;
                if (last_unit && last_unit < 4 && last_unit <= u)
                    break;
                fnum k = has_pend ? pend : earnings__fn_int(1);
                if (has_pend && !ns && !last_unit && zero && earnings__fn_double(pend) == 0.0)
                    k = earnings__fn_int(1); /* 零十 */
                cur = earnings__fn_add(cur, earnings__fn_scale10(k, u));
            } else {
                fnum xv = earnings__fn_add(cur, has_pend ? pend : earnings__fn_int(0));
                if (!has_pend && earnings__fn_double(cur) == 0.0) {
                    /* 万 with nothing before it; 万万 and 万亿 multiply;
                     * 万分之三: one 万 */
                    size_t l2, l3;
                    if (!any && cp_at(x, q2 + l, &l2) == CP_FEN && cp_at(x, q2 + l + l2, &l3) == CP_ZHI)
                        xv = earnings__fn_int(1);
                    else if (ns == 0 || stack_u[ns - 1] > u)
                        break;
                }
                while (ns > 0 && stack_u[ns - 1] <= u) {
                    xv = earnings__fn_add(xv, stack_v[ns - 1]);
                    ns--;
                }
                stack_v[ns] = earnings__fn_scale10(xv, u);
                stack_u[ns] = u;
                ns++;
                cur = earnings__fn_int(0);
            }
            has_pend = 0;
            pend_han = 0;
            pend = earnings__fn_int(0);
            last_unit = u;
            zero = 0;
            seq = 0;
            frac_added = 0;
            nunits++;
            nfin += zh_financial(cp);
            nchars++;
            any = 1;
            q = end = q2 + l;
            ended_big = u >= 4;
            continue;
        }
        if (cp == CP_BAN && !any) {
            /* 半百, 半千: half of the unit */
            size_t l2;
            int nu = zh_unit(cp_at(x, q2 + l, &l2));
            if (!nu || nu >= 4)
                break;
            pend = earnings__fn_div(earnings__fn_int(1), earnings__fn_int(2));
            has_pend = 1;
            pend_han = 1;
            nchars++;
            any = 1;
            q = end = q2 + l;
            continue;
        }
        if ((cp == CP_DUO || cp == CP_YU || cp == CP_JI || cp == CP_JI_T) && any) {
            /* 十多万, 五百余万, 50 多万, 100多个: over; 十几万 */
            size_t l2, nq = q2 + l;
            if (at(x, nq) == ' ')
                nq++;
            int nxu = zh_unit(cp_at(x, nq, &l2));
            if (cp == CP_JI || cp == CP_JI_T) {
                if (!last_unit || has_pend)
                    break;
            } else if (!((last_unit && !has_pend) || (has_pend && !pend_han))) {
                break;
            }
            c->qual = EARNINGS_QUALIFIER_OVER;
            q = end = q2 + l;
            nchars++;
            if (nxu >= 4)
                continue;
            break;
        }
        if ((cp == CP_DIAN || cp == CP_DIAN_T) && any && !frac_added && (has_pend || last_unit)) {
            size_t l2, r = q2 + l;
            int32_t nx = cp_at(x, r, &l2);
            if (nx == ' ' && (pend_han || !has_pend)) {
                /* 四點 五 */
                r++;
                nx = cp_at(x, r, &l2);
            }
            if (zh_digit(nx) < 0 || nx == 0x4E24)
                break; /* 两 is not a decimal digit: 两百点两 */
            fnum fr = earnings__fn_int(0);
            int k = 0;
            while ((nx = cp_at(x, r, &l2)) >= 0 && zh_digit(nx) >= 0 && k < 17) {
                fr = earnings__fn_add(earnings__fn_mul_int(fr, 10), earnings__fn_int(zh_digit(nx)));
                k++;
                r += l2;
                nchars++;
            }
            fr = earnings__fn_scale10(fr, -k);
            if (has_pend && pend_han && !zero && !seq && last_unit >= 2)
                pend = earnings__fn_scale10(pend, last_unit - 1); /* 一千六点五 */
            if (has_pend) {
                pend = earnings__fn_add(pend, fr);
                zero = 1;
            } else {
                /* 两千万点五五四四: the fraction adds to the whole */
                cur = earnings__fn_add(cur, fr);
                zero = 1;
            }
            pend_han = 0;
            frac_added = 1;
            seq = 0;
            nchars++;
            q = end = r;
            ended_big = 0;
            continue;
        }
        break;
    }
    if (!any || (!have_pend && nchars == 0))
        return 0;
    if (have_pend && end == c->e && !c->qual)
        return 0; /* nothing Chinese followed */
    /* implicit lower unit: 一万三, 两千四百五 */
    fnum total = cur;
    if (has_pend) {
        if (pend_han && !zero && !seq && last_unit >= 2)
            total = earnings__fn_add(total, earnings__fn_scale10(pend, last_unit - 1));
        else
            total = earnings__fn_add(total, pend);
    }
    for (int i = 0; i < ns; i++)
        total = earnings__fn_add(total, stack_v[i]);
    c->v = total;
    c->pre = total;
    c->e = end;
    c->type = (have_pend && !nchars) ? CT_DIGITS : CT_ZH;
    c->zh_chars = nchars;
    c->zh_seq = seq_len > 1 && nunits == 0;
    if (c->zh_weak == 2)
        return 1;
    if (c->zh_seq && !has_zero_char && seq_len != 4)
        c->zh_weak = 1;
    if (c->zh_seq && seq_len == 2 && !has_zero_char && total.ok && total.e == 0 && total.m % 10 == total.m / 10 + 1)
        c->zh_weak = 2; /* 一两个, 三四家: "one or two", an approximate count */
    if (!have_pend && nchars == 1)
        c->zh_weak = nfin ? 3 : 1; /* 3: a financial form alone (拾起, 队伍) */
    if (ended_big && ns == 1) {
        c->has_scale = 1;
        c->scale_exp = stack_u[0];
        c->pre = earnings__fn_scale10(total, -stack_u[0]);
    }
    if (!have_pend && p >= 3) {
        /* 数十亿, 几百万, 上千家: some multiple of the unit, more than the
         * unit itself (not 以上 or 之上 before it) */
        size_t l0, pb = 0, pb2 = 0;
        int32_t c0 = cp_at(x, p, &l0), cb = cp_before(x, p, &pb);
        int32_t cbb = cb == 0x4E0A && pb > 0 ? cp_before(x, pb, &pb2) : 0; /* (before 上: 以 or 之?) */
        if (zh_unit(c0) && (cb == 0x6570 || cb == 0x6578 || cb == CP_JI || cb == CP_JI_T ||
                            (cb == 0x4E0A && cbb != 0x4EE5 && cbb != CP_ZHI))) {
            c->s = pb;
            if (!c->qual)
                c->qual = EARNINGS_QUALIFIER_OVER;
            c->zh_chars++;
            if (c->zh_weak == 1 && nchars == 1)
                c->zh_weak = 0;
        }
    }
    return 1;
}

static int en_stop_word(const scan *x, size_t w);
static int word_is(const scan *x, size_t p, size_t e, const char *w);

/* After "half" or "quarter" at p: past "a" ("half a million") and, for a
 * quarter, "of a" ("a quarter of a million") when a word follows them;
 * else p. */
static size_t frac_of_a(const scan *x, size_t p, int of)
{
    size_t t = p, te = word_end(x, t);
    if (of && word_is(x, t, te, "of")) {
        t = skip_sp(x, te);
        if (t == te)
            return p;
        te = word_end(x, t);
    }
    if (!(te == t + 1 && (x->u[t] | 32) == 'a'))
        return p;
    size_t r = skip_sp(x, te);
    return r > te ? r : p;
}

/* English number words: "twenty-one", "one hundred and sixteen", "two
 * thirds", "a dozen", "five and a half million". Returns 1 if read. */
static int parse_words(const scan *x, size_t p, core *c)
{
    fnum total = earnings__fn_int(0);
    int64_t cur = 0;
    int nwords = 0, last = 0; /* last: 1 unit/teen, 2 tens, 3 hundred, 4 scale, 5 a, 6 and */
    int one_only = 1, any_num = 0, last_sexp = 0;
    size_t q = p, end = p;
    const fig_lex *e;
    core_init(c, p);
    c->type = CT_WORDS;
    for (;;) {
        size_t w = q;
        if (nwords) {
            /* separators: spaces, or one hyphen (twenty-one, fifty - two) */
            w = skip_sp(x, q);
            const fig_lex *eh;
            if (at(x, w) == '-' && (last == 2 || (last == 1 && lexm(x, skip_sp(x, w + 1), FL_FRAC, 0, &eh)))) {
                w = skip_sp(x, w + 1);
            } else if (w == q) {
                break;
            }
        }
        if (!is_alpha(at(x, w)))
            break;
        size_t we = word_end(x, w);
        if (we - w == 1 && (x->u[w] | 32) == 'a' && (nwords == 0 || last == 6)) {
            /* "a hundred", "a dozen", "and a half" */
            size_t w2 = skip_sp(x, we);
            size_t l2 = lexm(x, w2, FL_HUNDRED | FL_SCALE | FL_DOZEN | FL_FRAC, FL_PLURAL, &e);
            if (!l2 || w2 == we)
                break;
            if ((e->cls & FL_FRAC) && !(e->cls & (FL_HUNDRED | FL_SCALE | FL_DOZEN))) {
                /* a half, a third, a quarter */
                fnum fr = earnings__fn_div(earnings__fn_int(1), earnings__fn_int(e->val));
                if (nwords == 0) {
                    /* "a quarter" alone is mostly time: only before "of" */
                    size_t o = skip_sp(x, w2 + l2);
                    if (e->val == 4 && !((at(x, o) | 32) == 'o' && (at(x, o + 1) | 32) == 'f' && !is_alpha(at(x, o + 2))))
                        break;
                    c->frac = 1;
                    total = fr;
                    cur = 0;
                    end = w2 + l2;
                    const fig_lex *es;
                    size_t w3 = o > w2 + l2 ? frac_of_a(x, o, e->val == 4) : o;
                    if (w3 != o && lexm(x, w3, FL_SCALE, 0, &es)) {
                        /* a quarter of a million, a half a billion */
                        total = earnings__fn_scale10(fr, es->exp);
                        c->has_scale = 1;
                        c->scale_exp = es->exp;
                        end = w3 + es->len;
                        c->frac = 0;
                    }
                    one_only = 0;
                    any_num = 1;
                    break;
                }
                /* "and a half": adds to what came before (a half of the
                 * scale just written: one million and a half); a scale may
                 * follow: five and a half million, one billion and a half million */
                size_t w3 = skip_sp(x, w2 + l2);
                const fig_lex *es = NULL;
                if (!(w3 > w2 + l2 && lexm(x, w3, FL_SCALE, 0, &es)))
                    es = NULL;
                if (es && last_sexp > es->exp) {
                    total = earnings__fn_add(earnings__fn_add(total, earnings__fn_int(cur)),
                                             earnings__fn_scale10(fr, es->exp));
                    end = w3 + es->len;
                } else if (es) {
                    total = earnings__fn_scale10(earnings__fn_add(earnings__fn_add(total, earnings__fn_int(cur)), fr),
                                                 es->exp);
                    end = w3 + es->len;
                    c->has_scale = 1;
                    c->scale_exp = es->exp;
                } else if (!cur && last_sexp) {
                    total = earnings__fn_add(total, earnings__fn_scale10(fr, last_sexp));
                    end = w2 + l2;
                } else {
                    total = earnings__fn_add(earnings__fn_add(total, earnings__fn_int(cur)), fr);
                    end = w2 + l2;
                }
                cur = 0;
                c->frac = 1;
                one_only = 0;
                break;
            }
            last = 5;
            q = we;
            nwords++;
            continue;
        }
        size_t l = lexm(x, w, FL_NUM | FL_TENS | FL_HUNDRED | FL_SCALE | FL_DOZEN | FL_ORD | FL_FRAC | FL_POINT, 0, &e);
        if (!l) {
            if (we - w == 3 && (x->u[w] | 32) == 'a' && (x->u[w + 1] | 32) == 'n' &&
                (x->u[w + 2] | 32) == 'd' && last >= 1 && last <= 4) {
                /* "and" inside a number: one hundred and sixteen, three
                 * and a half, three and one fourth, five and three fifths */
                size_t w2 = skip_sp(x, we);
                const fig_lex *e2, *e3;
                size_t l2 = w2 > we ? lexm(x, w2, FL_NUM | FL_TENS, 0, &e2) : 0;
                if (l2 && !(e2->cls & FL_ORD)) {
                    size_t w3 = skip_sp(x, w2 + l2);
                    if (at(x, w3) == '-')
                        w3 = skip_sp(x, w3 + 1);
                    size_t l3 = w3 > w2 + l2 || at(x, w2 + l2) == '-' ? lexm(x, w3, FL_FRAC, 0, &e3) : 0;
                    if (l3 && e2->val >= 1 && e2->val < e3->val &&
                        ((e3->cls & FL_PLURAL) ? e2->val > 1 : e2->val == 1)) {
                        fnum fr = earnings__fn_div(earnings__fn_int(e2->val), earnings__fn_int(e3->val));
                        end = w3 + l3;
                        if (!cur && last_sexp) {
                            /* five billion and three quarters (of a billion); a
                             * smaller scale may follow: and three quarters million */
                            const fig_lex *es;
                            size_t w4 = skip_sp(x, end);
                            int sx = last_sexp;
                            if (w4 > end && lexm(x, w4, FL_SCALE, 0, &es) && es->exp < last_sexp) {
                                sx = es->exp;
                                end = w4 + es->len;
                            }
                            total = earnings__fn_add(total, earnings__fn_scale10(fr, sx));
                        } else {
                            total = earnings__fn_add(earnings__fn_add(total, earnings__fn_int(cur)), fr);
                        }
                        cur = 0;
                        c->frac = 1;
                        one_only = 0;
                        break;
                    }
                    if (last == 3 || last == 4) {
                        last = 6;
                        q = we;
                        continue;
                    }
                } else if (w2 > we && at(x, w2) == 'a' && at(x, w2 + 1) == ' ') {
                    last = 6;
                    q = we;
                    continue;
                }
            }
            break;
        }
        if (e->cls & (FL_NUM | FL_TENS) && !(e->cls & FL_ORD)) {
            int v = e->val;
            if (last == 1 || (last == 2 && v >= 10) || (last == 2 && cur % 10 != 0))
                break;
            if (last == 5)
                break;
            cur += v;
            if (!(v == 1 && nwords == 0))
                one_only = 0;
            last = (e->cls & FL_TENS) ? 2 : 1;
            any_num = 1;
        } else if (e->cls & FL_HUNDRED) {
            const fig_lex *es;
            size_t w2 = skip_sp(x, w + l);
            if (last == 5 || (nwords == 0 && w2 > w + l && lexm(x, w2, FL_SCALE, 0, &es)))
                cur = 1; /* a hundred; hundred thousand */
            else if (!cur || cur >= 100 || last == 3)
                break;
            cur *= 100;
            last = 3;
            one_only = 0;
            any_num = 1;
        } else if (e->cls & FL_SCALE) {
            if (last == 5)
                cur = 1;
            else if (!any_num)
                break;
            fnum part = earnings__fn_scale10(earnings__fn_int(cur ? cur : 1), e->exp);
            if (!cur && earnings__fn_double(total) != 0.0) {
                /* "one million and a half" style not supported: multiply */
                total = earnings__fn_scale10(total, e->exp);
            } else {
                total = earnings__fn_add(total, part);
            }
            cur = 0;
            last = 4;
            one_only = 0;
            c->has_scale = 1;
            c->scale_exp = e->exp;
            last_sexp = e->exp;
            any_num = 1;
        } else if (e->cls & FL_DOZEN) {
            if (last == 5)
                cur = 1;
            else if (!cur || last == 4)
                break;
            cur *= 12;
            last = 4;
            one_only = 0;
            any_num = 1;
        } else if (e->cls & FL_POINT) {
            /* two point five */
            if (!any_num)
                break;
            size_t r = skip_sp(x, w + l);
            fnum fr = earnings__fn_int(0);
            int k = 0;
            const fig_lex *e2;
            while (r > w + l && k < 12) {
                size_t l2 = lexm(x, r, FL_NUM, 0, &e2);
                if (!l2 || e2->val > 9)
                    break;
                fr = earnings__fn_add(earnings__fn_mul_int(fr, 10), earnings__fn_int(e2->val));
                k++;
                end = r + l2;
                size_t r2 = skip_sp(x, end);
                if (r2 == end)
                    break;
                r = r2;
            }
            if (!k)
                break;
            total = earnings__fn_add(earnings__fn_add(total, earnings__fn_int(cur)), earnings__fn_scale10(fr, -k));
            cur = 0;
            one_only = 0;
            q = end;
            nwords++;
            break;
        } else if (e->cls & (FL_ORD | FL_FRAC)) {
            int isfrac = (e->cls & FL_FRAC) != 0, plural = (e->cls & FL_PLURAL) != 0;
            if (!any_num) {
                const fig_lex *es;
                size_t w3 = skip_sp(x, w + l);
                if (isfrac && !plural && (e->val == 2 || e->val == 4) && w3 > w + l)
                    w3 = frac_of_a(x, w3, e->val == 4);
                if (isfrac && !plural && e->val == 2 && w3 > w + l && lexm(x, w3, FL_DOZEN, 0, &es)) {
                    /* half a dozen */
                    total = earnings__fn_int(6);
                    end = w3 + es->len;
                    one_only = 0;
                    any_num = 1;
                    break;
                }
                if (isfrac && !plural && (e->val == 2 || e->val == 4) && w3 > w + l &&
                    lexm(x, w3, FL_SCALE, 0, &es)) {
                    /* half million, quarter million, a half million, half a
                     * billion, a quarter of a million */
                    total = earnings__fn_scale10(earnings__fn_div(earnings__fn_int(1), earnings__fn_int(e->val)),
                                                 es->exp);
                    c->has_scale = 1;
                    c->scale_exp = es->exp;
                    end = w3 + es->len;
                    one_only = 0;
                    any_num = 1;
                    break;
                }
                if (!(e->cls & FL_ORD) || last == 5)
                    break;
                /* a standalone ordinal */
                cur = e->val;
                c->ordinal = 1;
                end = w + l;
                nwords++;
                one_only = 0;
                any_num = 1;
                break;
            }
            if (last == 2 && (e->cls & FL_ORD) && e->val < 10 && !plural) {
                /* twenty-first */
                cur += e->val;
                c->ordinal = 1;
                end = w + l;
                nwords++;
                one_only = 0;
                break;
            }
            if (isfrac && e->val >= 2 && (last == 1 || last == 2) && cur > 0 &&
                (plural ? cur > 1 : cur == 1)) {
                /* two thirds, one fifth, three quarters (of) */
                if (e->val == 4 || e->val == 2) {
                    size_t o = skip_sp(x, w + l);
                    int of = (at(x, o) | 32) == 'o' && (at(x, o + 1) | 32) == 'f' && !is_alpha(at(x, o + 2));
                    if (!of && e->val == 4 && (e->text[0] | 32) == 'q')
                        break; /* "three quarters": a count of quarters */
                }
                if (!plural && e->val >= 100 && cur == 1 && !earnings__fn_double(total)) {
                    /* one millionth robot: the ordinal */
                    size_t o = skip_sp(x, w + l), oe = word_end(x, o);
                    if (o > w + l && oe > o && !word_is(x, o, oe, "of") && !en_stop_word(x, o)) {
                        cur = e->val;
                        c->ordinal = 1;
                        end = w + l;
                        nwords++;
                        one_only = 0;
                        break;
                    }
                }
                fnum num = earnings__fn_add(total, earnings__fn_int(cur));
                total = earnings__fn_div(num, earnings__fn_int(e->val));
                cur = 0;
                c->frac = 1;
                end = w + l;
                nwords++;
                one_only = 0;
                break;
            }
            break;
        }
        nwords++;
        end = w + l;
        q = end;
    }
    if (!any_num || end == p)
        return 0;
    c->v = earnings__fn_add(total, earnings__fn_int(cur));
    c->pre = c->v;
    if (c->has_scale)
        c->pre = earnings__fn_scale10(c->v, -c->scale_exp);
    c->e = end;
    c->one_alone = one_only && !c->ordinal && !c->frac;
    return 1;
}

/* ---- prefixes ------------------------------------------------------------ */

/* Token starts going backwards from pos (skipping spaces), nearest first. */
static int back_tokens(const scan *x, size_t pos, size_t lo, size_t *starts, int max)
{
    int k = 0;
    size_t q = skip_sp_back(x, pos, lo);
    while (k < max && q > lo) {
        unsigned char c = x->u[q - 1];
        size_t t;
        if (c == '\n' || is_digit(c))
            break;
        if (is_alpha(c)) {
            t = q;
            while (t > lo && is_alpha(x->u[t - 1]))
                t--;
        } else if (c >= 0x80) {
            t = prev_start(x, q);
            if (t < lo)
                break;
        } else {
            t = q - 1;
        }
        starts[k++] = t;
        q = skip_sp_back(x, t, lo);
    }
    return k;
}

/* The longest entry of class mask that ends at pos (spaces allowed between)
 * and starts at or after lo. Returns its start, or (size_t)-1. */
static size_t match_back(const scan *x, size_t pos, size_t lo, uint64_t mask, const fig_lex **out)
{
    size_t st[7];
    size_t q = skip_sp_back(x, pos, lo);
    if (q <= lo || !(earnings__figlex_classes_ending(x->ix, x->u, lo, q) & mask))
        return (size_t)-1; /* no entry of the class ends there */
    int k = back_tokens(x, pos, lo, st, 7);
    for (int i = k - 1; i >= 0; i--) {
        const fig_lex *e;
        size_t l = lexm(x, st[i], mask, 0, &e);
        if (l && skip_sp(x, st[i] + l) == pos) {
            *out = e;
            return st[i];
        }
    }
    return (size_t)-1;
}

static int word_is(const scan *x, size_t p, size_t e, const char *w)
{
    size_t l = strlen(w);
    if (e - p != l)
        return 0;
    for (size_t i = 0; i < l; i++)
        if ((x->u[p + i] | 32) != (unsigned char)w[i])
            return 0;
    return 1;
}

/* The word ending at pos (after spaces); returns its start or (size_t)-1. */
static size_t word_back(const scan *x, size_t pos, size_t lo, size_t *wend)
{
    size_t q = skip_sp_back(x, pos, lo);
    size_t t = q;
    while (t > lo && is_alpha(x->u[t - 1]))
        t--;
    if (t == q)
        return (size_t)-1;
    *wend = q;
    return t;
}

/* ---- figures ------------------------------------------------------------- */

typedef struct bstate {
    int between; /* "between" before: "and" makes a range */
    int from;    /* "from" before: "to" is a change, not a range */
    int cur;     /* a currency prefix was found */
    const char *cur_code;
    int cur_exp;
    size_t pstart; /* start before the qualifier */
    int scaled;    /* a scale word applied */
    int sexp;      /* its power of ten */
    fnum pre;      /* the value before it */
    int vexp;      /* power of ten applied by the unit (cents, permille) */
    int dozen;     /* multiplied by a dozen (一打) */
    int meas;      /* a Chinese measure word without its noun ended the figure (三家) */
    size_t meas_s; /* where that measure word starts */
    size_t qs;     /* start of the qualifier words, or (size_t)-1 */
    const fig_lex *qe; /* their entry */
    int post_cur;  /* money from a currency word after the number, main unit */
} bstate;

static void cand_init(fig_cand *f, const core *c)
{
    memset(f, 0, sizeof *f);
    f->s = c->s;
    f->e = c->e;
    f->ns = c->num_e ? c->num_s : c->s;
    f->ne = c->num_e ? c->num_e : c->e;
    f->kind = c->ordinal ? KIND_ORDINAL : KIND_NUMBER;
    f->v = c->v;
    f->hi = c->v;
    f->qual = c->qual;
    if (c->type != CT_DIGITS)
        f->flags |= EARNINGS_FIGURE_FLAG_WORDS;
}

static int en_stop_word(const scan *x, size_t w)
{
    const fig_lex *e;
    return lexm(x, w, FL_STOP | FL_NUM | FL_SCALE | FL_MONTH | FL_DIR | FL_CMP | FL_QUAL | FL_CURPOST |
                          FL_UNIT | FL_PCT | FL_PERIOD,
                0, &e) != 0;
}

/* An English plural noun at w..we (or an irregular plural). Sets the
 * singular source: *sing from the lexicon, else the caller lemmatizes. */
static int en_plural(const scan *x, size_t w, size_t we, const char **sing)
{
    const fig_lex *e;
    size_t len = we - w;
    *sing = NULL;
    if (lexm(x, w, FL_IRREG, 0, &e) == len) {
        *sing = e->sym;
        return 1;
    }
    if (len < 3 || (x->u[we - 1] | 32) != 's' || x->u[we - 1] == 'S')
        return 0;
    unsigned char b = x->u[we - 2] | 32;
    if (b == 's' && !is_upper(x->u[we - 2]))
        return 0;
    if ((b == 'u' || b == 'i') && is_lower(x->u[we - 2]))
        return 0;
    if (x->u[we - 2] == '\'')
        return 0;
    if (en_stop_word(x, w))
        return 0;
    return 1;
}

static int is_duration_unit(const char *u)
{
    static const char *const d[] = {"h", "min", "s", "day", "week", "month", "quarter", "year", NULL};
    for (int i = 0; u && d[i]; i++)
        if (!strcmp(u, d[i]))
            return 1;
    return 0;
}

/* An abbreviation with dots at w: U.S., U.K., E.U. Returns its end or 0. */
static size_t dotted_abbr(const scan *x, size_t w)
{
    size_t q = w;
    int n = 0;
    while (is_upper(at(x, q)) && at(x, q + 1) == '.') {
        q += 2;
        n++;
    }
    return n >= 2 && !is_alnum(at(x, q)) ? q : 0;
}

/* An acronym noun (SKU, GPU): 2-5 capitals, not a unit, currency or period. */
static int acronym_noun(const scan *x, size_t w, size_t we)
{
    const fig_lex *e;
    if (we - w < 2 || we - w > 5)
        return 0;
    for (size_t k = w; k < we; k++)
        if (!is_upper(x->u[k]))
            return 0;
    return lexm(x, w, FL_UNIT | FL_CURPOST | FL_CURPRE | FL_PERIOD | FL_MONTH | FL_SCALE | FL_SUFFIX | FL_PCT |
                          FL_PP | FL_BPS | FL_STOP | FL_NAMECTX,
                0, &e) != we - w;
}

/* Counted noun after a number: up to two modifiers (adjectives, names such
 * as `Trainium 2` or `Trainium2`, abbreviations such as `U.S.`), then a
 * plural noun; or an acronym noun right after the number (`300M+ SKU`).
 * Returns the end of the noun or 0. */
static size_t en_counted_noun(const scan *x, size_t p, fig_cand *f)
{
    size_t q = p, acr_s = 0, acr_e = 0;
    for (int i = 0; i < 3; i++) {
        size_t w = skip_sp(x, q);
        if (w == q && i > 0)
            break;
        if (!is_alpha(at(x, w)))
            break;
        size_t we = dotted_abbr(x, w);
        if (we) {
            /* 1,000 U.S. towns */
            if (i == 2)
                return 0;
            q = we;
            continue;
        }
        we = w;
        /* a word with inner hyphens: AI-powered, set-top */
        for (;;) {
            we = word_end(x, we);
            if (at(x, we) == '-' && is_alpha(at(x, we + 1)))
                we++;
            else
                break;
        }
        if (is_digit(at(x, we))) {
            /* a name with digits between number and noun: 500,000 Trainium2 chips */
            if (i == 2 || !is_upper(x->u[w]))
                return 0;
            q = alnum_end(x, we);
            continue;
        }
        const char *sing;
        size_t last = w; /* last component of a hyphenated word */
        for (size_t k = w; k < we; k++)
            if (x->u[k] == '-')
                last = k + 1;
        const fig_lex *ue;
        if (i > 0 && last == w && lexm(x, w, FL_UNIT, FL_SINGULAR | FL_ATTACHONLY | FL_SPACEDNO | FL_CS, &ue) == we - w &&
            is_duration_unit(ue->sym)) {
            /* 15 consecutive years, 3 more months */
            f->umode = FU_STATIC;
            f->unit = ue->sym;
            return we;
        }
        if (en_plural(x, last, we, &sing)) {
            f->umode = FU_EN_NOUN;
            f->unit = sing;
            f->us = last;
            f->ue = we;
            return we;
        }
        if (i == 0 && acronym_noun(x, w, we)) {
            acr_s = w;
            acr_e = we;
        }
        if (i == 2 || en_stop_word(x, w))
            break;
        const fig_lex *e;
        if (lexm(x, w, FL_NAMECTX | FL_ORD | FL_DIRPOST, 0, &e))
            break;
        q = we;
        if (is_upper(x->u[w]) && at(x, we) == ' ' && is_digit(at(x, we + 1))) {
            /* a name and its model number: 500K Trainium 2 chips */
            size_t d = we + 1, de = d;
            while (is_digit(at(x, de)) && de - d < 2)
                de++;
            if (!is_alnum(at(x, de)) && at(x, de) == ' ' && is_alpha(at(x, de + 1)))
                q = de;
        }
    }
    if (acr_e && acr_e - acr_s < sizeof f->ubuf) {
        /* 300M+ SKU inventory: the acronym is the counted noun */
        for (size_t k = acr_s; k < acr_e; k++)
            f->ubuf[k - acr_s] = (char)(x->u[k] | 32);
        f->ubuf[acr_e - acr_s] = '\0';
        f->umode = FU_BUF;
        f->unit = NULL;
        return acr_e;
    }
    return 0;
}

/* Chinese measure word and noun after a number. Returns the end or 0. The
 * noun is one of the lexicon (ZHNOUN), or up to two other Han characters
 * that end at punctuation (三款新品。); a measure word without a known noun
 * (三家, 100 万块, 两项特殊...) ends the figure with f->umode FU_NONE: a
 * number, the measure word inside its span. */
static size_t zh_counted(const scan *x, size_t p, fig_cand *f)
{
    const fig_lex *e;
    size_t q = p, l;
    int meas = 0;
    size_t me = p;
    const fig_lex *me_e = NULL;
    l = lexm(x, q, FL_ZHMEAS, 0, &me_e);
    if (l) {
        meas = 1;
        me = q + l;
        q += l;
    }
    /* the noun, after a modifier if any (三家新门店, 两个海外市场) */
    size_t nl = lexm(x, q, FL_ZHNOUN, 0, &e), ml, nl2;
    if ((ml = lexm(x, q, FL_ZHMOD, 0, &e)) != 0 && (nl2 = lexm(x, q + ml, FL_ZHNOUN, 0, &e)) != 0 &&
        ml + nl2 > nl) {
        f->umode = FU_RAW;
        f->us = q + ml;
        f->ue = q + ml + nl2;
        return q + ml + nl2;
    }
    if (!nl && meas && (me_e->cls & FL_ZHNOUN)) {
        /* 3000万人: the measure word is the noun */
        f->umode = FU_RAW;
        f->us = p;
        f->ue = me;
        return me;
    }
    if (nl) {
        f->umode = FU_RAW;
        f->us = q;
        f->ue = q + nl;
        return q + nl;
    }
    if (!meas)
        return 0;
    /* an unknown noun: up to 2 Han characters that are not stop characters,
     * then the end of the phrase */
    size_t r = q, ne = q;
    for (int i = 0; i < 2; i++) {
        size_t cl;
        int32_t cp = cp_at(x, r, &cl);
        if (!is_han(cp) || zh_digit(cp) >= 0 || zh_unit(cp) || lexm(x, r, FL_ZHSTOP | FL_ZHMEAS, 0, &e))
            break;
        r += cl;
        ne = r;
    }
    size_t cl;
    int32_t nx = cp_at(x, ne, &cl);
    if (ne > q && (nx < 0 || (!is_han(nx) && !is_alnum((unsigned char)at(x, ne))))) {
        f->umode = FU_RAW;
        f->us = q;
        f->ue = ne;
        return ne;
    }
    f->umode = FU_NONE;
    f->unit = NULL;
    return me;
}

static void set_unit(fig_cand *f, int kind, const char *unit)
{
    f->kind = kind;
    f->umode = unit ? FU_STATIC : FU_NONE;
    f->unit = unit;
}

/* After a unit of measure at w (length l): a rate (50 km/ms, 50 meters per
 * millisecond) or feet and inches (5 ft 2 in). Returns the new length. */
static size_t unit_tail(const scan *x, fig_cand *f, size_t w, size_t l, const fig_lex *e)
{
    size_t q = w + l;
    if (!e->sym || x->u[w] == '(' || x->u[w] == '[' || x->u[w] == '{')
        return l;
    const fig_lex *e2;
    size_t r = 0, l2 = 0;
    if (at(x, q) == '/' && is_alpha(at(x, q + 1))) {
        r = q + 1;
    } else {
        size_t t = skip_sp(x, q), te = word_end(x, t);
        if (t > q && word_is(x, t, te, "per") && skip_sp(x, te) > te)
            r = skip_sp(x, te);
    }
    if (r && (l2 = lexm(x, r, FL_UNIT, 0, &e2)) != 0 && e2->sym && !is_alnum(at(x, r + l2)) &&
        strlen(e->sym) + strlen(e2->sym) + 3 <= sizeof f->ubuf) {
        size_t a = strlen(e->sym), b = strlen(e2->sym);
        if (!strcmp(e2->sym, "s") && a >= 2 && e->sym[a - 1] == 'b') {
            /* 1 gigabit per second: Gbps */
            memcpy(f->ubuf, e->sym, a);
            memcpy(f->ubuf + a, "ps", 3);
            f->umode = FU_BUF;
            f->unit = NULL;
            return r + l2 - w;
        }
        memcpy(f->ubuf, e->sym, a);
        f->ubuf[a] = '/';
        memcpy(f->ubuf + a + 1, e2->sym, b + 1);
        f->umode = FU_BUF;
        f->unit = NULL;
        return r + l2 - w;
    }
    if (!strcmp(e->sym, "ft") && earnings__fn_is_int(f->v)) {
        /* 5 ft 2 in, 6 feet 3 inches */
        size_t d = skip_sp(x, q);
        core ci;
        if (d > q && is_digit(at(x, d)) && parse_digits(x, d, &ci) == 1 && !ci.has_sep && !ci.has_exp &&
            earnings__fn_double(ci.v) < 12) {
            size_t u = skip_sp(x, ci.e), lu = u > ci.e ? lexm(x, u, FL_UNIT, 0, &e2) : 0;
            if (lu && e2->sym && !strcmp(e2->sym, "in")) {
                f->v = earnings__fn_add(f->v, earnings__fn_div(ci.v, earnings__fn_int(12)));
                return u + lu - w;
            }
        }
    }
    return l;
}

/* A fraction word after "a" or a small number at p: a quarter, three
 * quarters, two fifths. Returns its end (0 if none) and the value. */
static size_t word_fraction(const scan *x, size_t p, fnum *out)
{
    const fig_lex *e, *e2;
    size_t we = word_end(x, p);
    int num = 0;
    if (we == p)
        return 0;
    if (we == p + 1 && (x->u[p] | 32) == 'a')
        num = 1;
    else if (lexm(x, p, FL_NUM, FL_TENS | FL_ORD, &e) == we - p && e->val >= 1 && e->val <= 19)
        num = e->val;
    if (!num)
        return 0;
    size_t w = skip_sp(x, we);
    size_t l = w > we ? lexm(x, w, FL_FRAC, 0, &e2) : 0;
    if (!l || e2->val < 2 || num >= e2->val || ((e2->cls & FL_PLURAL) ? num == 1 : num != 1))
        return 0;
    *out = earnings__fn_div(earnings__fn_int(num), earnings__fn_int(e2->val));
    return w + l;
}

/* What may follow a scale written after digits: 3 hundred and 21, 4
 * thousand 3 hundred, 6 crore and two hundred, 3 million and a quarter.
 * v is updated; returns the new end. */
static size_t scale_tail(const scan *x, size_t q, int sexp, fnum *v)
{
    for (int i = 0; i < 3 && sexp >= 2; i++) {
        size_t r = skip_sp(x, q), we = word_end(x, r);
        int and_ = 0;
        if (r == q)
            break;
        if (word_is(x, r, we, "and")) {
            and_ = 1;
            r = skip_sp(x, we);
            if (r == we)
                break;
        }
        fnum fr;
        size_t fe = and_ ? word_fraction(x, r, &fr) : 0;
        if (fe) {
            /* 3 million and a quarter: a quarter of the scale */
            *v = earnings__fn_add(*v, earnings__fn_scale10(fr, sexp));
            return fe;
        }
        core c2;
        int ok = is_digit(at(x, r)) ? parse_digits(x, r, &c2) == 1 : (and_ && parse_words(x, r, &c2));
        if (!ok || c2.has_sep || c2.has_dec || c2.has_exp || c2.frac || c2.ordinal || !earnings__fn_is_int(c2.v))
            break;
        double dv = earnings__fn_double(c2.v);
        if (dv <= 0 || dv >= 1000)
            break;
        const fig_lex *e;
        size_t w = skip_sp(x, c2.e);
        size_t l = (c2.type == CT_DIGITS && w > c2.e) ? lexm(x, w, FL_SCALE | FL_HUNDRED, 0, &e) : 0;
        if (l && e->exp < sexp) {
            /* 4 thousand 3 hundred */
            *v = earnings__fn_add(*v, earnings__fn_scale10(c2.v, e->exp));
            q = w + l;
            sexp = e->exp;
            continue;
        }
        if (!and_ || (c2.type == CT_WORDS && c2.has_scale && c2.scale_exp >= sexp) || is_alnum(at(x, c2.e)))
            break;
        fnum add = c2.v;
        if (earnings__fn_cmp(add, earnings__fn_scale10(earnings__fn_int(1), sexp)) >= 0)
            break;
        *v = earnings__fn_add(*v, add);
        return c2.e;
    }
    return q;
}

/* `N times` after a number at w: a multiple (`2.5 times higher`, `three
 * times more often`, `30 times earnings`) has unit x; counted occurrences
 * (`downloaded over 1 million times`, `3 times a day`) unit time. Returns
 * the end of "times" (0 if none) and the unit in *unit. */
static size_t en_times(const scan *x, size_t w, const char **unit)
{
    static const char *const mult_words[] = {"more", "less", "fewer", "as", "the", "that", "what", "its", "their",
                                             "our", "his", "her", "over", "earnings", "sales", "revenue",
                                             "revenues", "ebitda", "book", "cash", "forward", "last", "prior",
                                             "previous", NULL};
    static const char *const not_cmp[] = {"other", "after", "under", "never", "ever", "together", "whether",
                                          "either", "neither", "however", "per", "order", "offer", "quarter",
                                          "number", NULL};
    size_t we = word_end(x, w);
    if (!word_is(x, w, we, "times") || is_alnum(at(x, we)) || at(x, we) == '-')
        return 0;
    size_t n = skip_sp(x, we), ne = word_end(x, n);
    int mult = 0;
    if (n > we && ne > n) {
        for (int i = 0; mult_words[i] && !mult; i++)
            mult = word_is(x, n, ne, mult_words[i]);
        if (!mult && ne - n >= 5 && (x->u[ne - 2] | 32) == 'e' && (x->u[ne - 1] | 32) == 'r') {
            /* a comparative: faster, higher, larger, cheaper */
            mult = 1;
            for (int i = 0; not_cmp[i] && mult; i++)
                mult = !word_is(x, n, ne, not_cmp[i]);
        }
    }
    *unit = mult ? "x" : "time";
    return we;
}

/* 480p, 720p, 1080p: a video resolution, not pence. */
static int video_lines(fnum v)
{
    static const int lines[] = { 144, 240, 360, 480, 540, 576, 720, 1080, 1440, 2160, 4320 };
    if (!earnings__fn_is_int(v))
        return 0;
    double d = earnings__fn_double(v);
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        if (d == lines[i])
            return 1;
    return 0;
}

/* Build the figure around a number core: prefixes, suffixes, kind, unit.
 * lo bounds the backward reach. Returns 1, 0 (not a figure) or -1 (an
 * identifier: skip to f->e). */
static int build(const scan *x, const core *c, fig_cand *f, size_t lo, int second, bstate *bs)
{
    const fig_lex *e;
    size_t l;
    memset(bs, 0, sizeof *bs);
    bs->qs = (size_t)-1;
    cand_init(f, c);
    size_t start = c->s;
    int neg = 0;
    size_t sign_pos = (size_t)-1;

    /* currency before: $, US$, HK$, USD, RMB, 人民币 */
    size_t cs = match_back(x, start, lo, FL_CURPRE, &e);
    if (cs != (size_t)-1) {
        bs->cur = 1;
        bs->cur_code = e->sym;
        bs->cur_exp = e->exp;
        start = cs;
    }
    int paren_neg = 0;
    if (cs == (size_t)-1 && c->type == CT_DIGITS && start > lo + 1 && x->u[start - 1] == '(' && at(x, c->e) == ')') {
        /* $(1.2) million, $(0.15): the accountant's negative */
        cs = match_back(x, start - 1, lo, FL_CURPRE, &e);
        if (cs != (size_t)-1 && cs + 1 < start && e->len == start - 1 - cs) {
            bs->cur = 1;
            bs->cur_code = e->sym;
            bs->cur_exp = e->exp;
            start = cs;
            neg = paren_neg = 1;
        }
    }
    if (!second && !paren_neg) {
        /* sign: -5, -$5, $-5; minus five; 负五 */
        if (start > lo && x->u[start - 1] == '-' && (start - 1 == lo || !is_alnum(at(x, start - 2)))) {
            size_t b = skip_sp_back(x, start - 1, lo);
            unsigned char pc = b > lo ? x->u[b - 1] : 0;
            if (!is_digit(pc) && pc != '%' && pc != '-') {
                neg = 1;
                start--;
                if (!bs->cur)
                    sign_pos = start;
            }
        } else if (start > lo && x->u[start - 1] == '+' && (start - 1 == lo || !is_alnum(at(x, start - 2)))) {
            start--;
        } else {
            size_t ps;
            int32_t pcp = cp_before(x, start, &ps);
            if ((pcp == CP_FU || pcp == CP_FU_T) && ps >= lo) {
                neg = 1;
                start = ps;
                sign_pos = start;
            } else {
                size_t ns = match_back(x, start, lo, FL_NEG, &e);
                if (ns != (size_t)-1 && c->type == CT_DIGITS) {
                    /* minus 3 degrees, negative 2%; not `plus or minus 5%` */
                    size_t we1, ws1 = word_back(x, ns, lo, &we1);
                    if (ws1 != (size_t)-1 && word_is(x, ws1, we1, "or"))
                        ns = (size_t)-1;
                }
                if (ns != (size_t)-1 && (c->type == CT_WORDS || c->type == CT_DIGITS)) {
                    neg = 1;
                    start = ns;
                    sign_pos = start;
                }
            }
        }
        if (neg && !bs->cur) {
            cs = match_back(x, start, lo, FL_CURPRE, &e);
            if (cs != (size_t)-1) {
                bs->cur = 1;
                bs->cur_code = e->sym;
                bs->cur_exp = e->exp;
                start = cs;
            }
        }
        bs->pstart = start;
        /* qualifier (Chinese: also across 了, 有, 达: 超过了80, 至少有10) */
        size_t qs = match_back(x, start, lo, FL_QUAL, &e);
        if (qs == (size_t)-1 && start > lo) {
            size_t ps;
            int32_t pcp = cp_before(x, skip_sp_back(x, start, lo), &ps);
            if ((pcp == 0x4E86 || pcp == 0x6709 || pcp == 0x8FBE) && ps >= lo) {
                const fig_lex *e2;
                size_t qs2 = match_back(x, ps, lo, FL_QUAL, &e2);
                if (qs2 != (size_t)-1 && (unsigned char)e2->text[0] >= 0xE0) {
                    qs = qs2;
                    e = e2;
                }
            }
        }
        int q_across = 0; /* the qualifier stands before `another`: outside the span */
        if (qs == (size_t)-1 && start > lo) {
            /* and across another / an additional / a further: `at least
             * another 1 gigawatt`, `over an additional 500 stores` */
            size_t we0, ws0 = word_back(x, start, lo, &we0);
            if (ws0 != (size_t)-1 && (word_is(x, ws0, we0, "another") || word_is(x, ws0, we0, "additional") ||
                                      word_is(x, ws0, we0, "further") || word_is(x, ws0, we0, "extra"))) {
                size_t b = ws0;
                if (!word_is(x, ws0, we0, "another")) {
                    size_t we1, ws1 = word_back(x, ws0, lo, &we1);
                    b = (ws1 != (size_t)-1 && (word_is(x, ws1, we1, "an") || word_is(x, ws1, we1, "a"))) ? ws1
                                                                                                       : (size_t)-1;
                }
                const fig_lex *e2;
                size_t qs2 = b != (size_t)-1 ? match_back(x, b, lo, FL_QUAL, &e2) : (size_t)-1;
                if (qs2 != (size_t)-1 && (unsigned char)e2->text[0] < 0x80 && e2->text[0] != '>' &&
                    e2->text[0] != '<' && e2->text[0] != '~') {
                    qs = qs2;
                    e = e2;
                    q_across = 1;
                }
            }
        }
        if (qs != (size_t)-1) {
            size_t ps;
            int32_t pcp = cp_before(x, qs, &ps);
            int ok = 1;
            if (e->len == 3 && (unsigned char)e->text[0] >= 0xE0 && (pcp == 0x6700 || pcp == 0x9644))
                ok = 0; /* 最近, 附近 */
            if ((e->text[0] == '>' || e->text[0] == '<') && pcp == '=')
                ok = 0; /* =>, =<: arrows */
            if (ok) {
                bs->qs = qs;
                bs->qe = e;
                /* 大概有五百多个: the 多 inside the numeral says more */
                if (!(c->qual && (e->val == EARNINGS_QUALIFIER_APPROX || e->val == EARNINGS_QUALIFIER_NEARLY)))
                    f->qual = e->val;
                if (!q_across)
                    start = qs;
            }
        }
        /* between / from */
        size_t we, ws = word_back(x, start, lo, &we);
        if (ws != (size_t)-1) {
            if (word_is(x, ws, we, "between"))
                bs->between = 1;
            else if (word_is(x, ws, we, "from"))
                bs->from = 1;
        }
    }
    f->s = start;
    if (neg)
        f->v = earnings__fn_neg(f->v);
    if (sign_pos != (size_t)-1)
        f->ns = sign_pos;

    size_t q = c->e + (size_t)paren_neg;
    int scaled = c->has_scale;
    fnum v = f->v;
    bs->scaled = c->has_scale;
    bs->sexp = c->scale_exp;
    bs->pre = neg ? earnings__fn_neg(c->pre) : c->pre;

    /* attached letters after digits: 500K, 3.8GW, $4.3B, 8th */
    if (c->type == CT_DIGITS && is_alpha(at(x, q))) {
        size_t ae = alnum_end(x, q);
        unsigned char a0 = x->u[q] | 32, a1 = at(x, q + 1) | 32;
        if (ae == q + 2 && earnings__fn_is_int(v) && !c->has_sep &&
            ((a0 == 's' && a1 == 't') || (a0 == 'n' && a1 == 'd') || (a0 == 'r' && a1 == 'd') ||
             (a0 == 't' && a1 == 'h'))) {
            f->kind = KIND_ORDINAL;
            f->e = f->ne = ae;
            return 1;
        }
        uint64_t ex = bs->cur ? 0 : FL_MONEYONLY;
        l = lexm(x, q, FL_SUFFIX | FL_UNIT | FL_PCT | FL_PP | FL_BPS | FL_CURPOST, ex, &e);
        if (!l || is_alnum(at(x, q + l)) || (l == 1 && x->u[q] == 'p' && video_lines(v))) {
            f->e = ae;
            return -1;
        }
        if (e->cls & FL_SUFFIX) {
            bs->pre = v;
            bs->sexp = e->exp;
            bs->scaled = 1;
            v = earnings__fn_scale10(v, e->exp);
            scaled = 1;
            q += l;
            f->ne = q;
        }
    } else if (c->type == CT_DIGITS && at(x, q) == '-' && is_upper(at(x, q + 1))) {
        /* 10-K, 8-K: identifiers; but 5-Year, 12-Month: a duration in a title */
        size_t we = alnum_end(x, q + 1);
        l = lexm(x, q + 1, FL_UNIT, FL_CS | FL_ATTACHONLY | FL_SPACEDNO, &e);
        if (!(l && q + 1 + l == we && we - q > 3 && is_lower(at(x, we - 1)))) {
            f->e = we;
            return -1;
        }
    }
    /* scale word after a space: 1.3 million, 10 bn, 2.33 k */
    if (!scaled && c->type != CT_ZH) {
        size_t w = skip_sp(x, q);
        if (w > q || c->type == CT_WORDS) {
            uint64_t ex = bs->cur ? 0 : FL_MONEYONLY;
            l = lexm(x, w, c->type == CT_WORDS ? FL_SCALE : (FL_SCALE | FL_SUFFIX | FL_HUNDRED), ex, &e);
            if (l && !(w == q && c->type == CT_WORDS)) {
                bs->pre = v;
                bs->sexp = e->exp;
                bs->scaled = 1;
                v = earnings__fn_scale10(v, e->exp);
                scaled = 1;
                q = w + l;
                f->ne = q;
                if (c->type == CT_DIGITS && (e->cls & (FL_SCALE | FL_HUNDRED)) && earnings__fn_is_int(c->v)) {
                    fnum tv = v;
                    size_t tq = scale_tail(x, q, e->exp, &tv);
                    const fig_lex *ce;
                    /* `SEK 15 billion and 500 million won`: the second
                     * amount has a currency of its own */
                    if (tq > q && !(bs->cur && lexm(x, skip_sp(x, tq), FL_CURPOST, 0, &ce))) {
                        v = tv;
                        q = f->ne = tq;
                    }
                }
            }
        }
    }
    f->v = v;
    f->e = q;
    if (c->fold) {
        set_unit(f, KIND_QUANTITY, "x");
        f->hi = f->v;
        return 1;
    }

    /* attached "+": 1M+, 30+ */
    if (at(x, q) == '+' && !is_digit(at(x, q + 1))) {
        if (!f->qual)
            f->qual = EARNINGS_QUALIFIER_OVER;
        q++;
        f->e = q;
    }

    /* financial parentheses: (1.2), ($4.3) */
    int parens = 0;
    if (f->s > lo && x->u[f->s - 1] == '(' && !neg && !f->qual && (c->has_dec || c->has_sep || bs->cur) &&
        c->type == CT_DIGITS) {
        /* only where a table cell or a value starts: | (1.2) |, Net: (1.2) */
        size_t b = skip_sp_back(x, f->s - 1, 0);
        unsigned char pc = b > 0 ? x->u[b - 1] : '\n';
        size_t r = q;
        if (at(x, r) == '%')
            r++;
        if ((pc == '\n' || pc == '|' || pc == ':' || pc == '=') && at(x, r) == ')')
            parens = 1;
    }

    /* hyphenated unit: 3-inch, six-mile, 12-cent, 4-day */
    if (at(x, q) == '-' && is_alpha(at(x, q + 1))) {
        size_t w = q + 1, we = word_end(x, w);
        l = lexm(x, w, FL_UNIT | FL_CURPOST, FL_ATTACHONLY | FL_SPACEDNO, &e);
        if (l && w + l == we && !bs->cur && (is_lower(x->u[w]) || !(e->cls & FL_CS))) {
            if (e->cls & FL_CURPOST) {
                set_unit(f, KIND_MONEY, e->sym);
                f->v = earnings__fn_scale10(f->v, e->exp);
            } else {
                set_unit(f, KIND_QUANTITY, e->sym);
            }
            f->e = we;
            return 1;
        }
        if (is_lower(x->u[w]) && we - w >= 3 && we - w <= 12 && !en_stop_word(x, w) && at(x, we) != '-' &&
            !c->one_alone && !bs->cur && f->kind == KIND_NUMBER) {
            f->kind = KIND_QUANTITY;
            f->umode = FU_RAW;
            f->us = w;
            f->ue = we;
            f->flags |= EARNINGS_FIGURE_FLAG_COUNT;
            f->e = we;
            return 1;
        }
    }

    size_t w = skip_sp(x, q);
    int spaced = w > q;
    const char *tunit = NULL;
    int zh_ctx = c->type == CT_ZH || c->zh_chars || (is_han(cp_at(x, w, &l)) && w - q <= 1);
    if (bs->cur) {
        set_unit(f, KIND_MONEY, bs->cur_code);
        f->v = earnings__fn_scale10(f->v, bs->cur_exp);
        /* a currency word repeated after: $5 billion dollars, 人民币100亿元 */
        l = lexm(x, w, FL_CURPOST, FL_CS, &e);
        if (l && e->exp == 0 && (is_alpha((unsigned char)e->text[0]) || (unsigned char)e->text[0] >= 0xE4)) {
            /* (港币152.3亿元: 元 is the unit of any yuan-named currency) */
            if (!strcmp(e->sym, bs->cur_code) ||
                (l == 3 && !memcmp(x->s + w, "\xe5\x85\x83", 3) &&
                 (!strcmp(bs->cur_code, "HKD") || !strcmp(bs->cur_code, "TWD") || !strcmp(bs->cur_code, "MOP")))) {
                q = w + l;
                f->e = q;
            }
        }
    } else if (f->kind == KIND_NUMBER && spaced && w - q == 1 && !c->pct && c->type != CT_ZH &&
               (l = en_times(x, w, &tunit)) != 0) {
        if (!earnings__fn_is_int(f->v))
            tunit = "x"; /* 1.1 times: a multiple, never a count of occurrences */
        set_unit(f, KIND_QUANTITY, tunit);
        q = f->e = l;
    } else if (f->kind == KIND_NUMBER) {
        uint64_t ex = spaced ? (FL_ATTACHONLY | FL_SPACEDNO | FL_SINGULAR) : 0;
        unsigned char ob = at(x, w), cb = ob == '(' ? ')' : ob == '[' ? ']' : ob == '{' ? '}' : 0;
        if (spaced && at(x, w) == '\n')
            l = 0;
        else if (cb && spaced && (l = lexm(x, w + 1, FL_UNIT, 0, &e)) != 0 && at(x, w + 1 + l) == cb)
            l += 2; /* 20 (kg), 20 [kg] */
        else
            l = lexm(x, w, FL_PCT | FL_PP | FL_BPS | FL_CURPOST | FL_UNIT | FL_DOZEN, ex, &e);
        if (!l && spaced && earnings__fn_cmp(f->v, earnings__fn_int(1)) == 0 && at(x, w) != '\n') {
            /* one year, 1 month: a singular duration after one */
            l = lexm(x, w, FL_UNIT, FL_ATTACHONLY | FL_SPACEDNO, &e);
            if (l && (!(e->cls & FL_SINGULAR) || !is_duration_unit(e->sym) || is_alnum(at(x, w + l))))
                l = 0;
        }
        if (c->pct) {
            set_unit(f, KIND_PERCENT, "%");
            f->v = earnings__fn_scale10(f->v, -(c->pct - 1));
        } else if (l) {
            if (e->cls & FL_PP)
                set_unit(f, KIND_PP, "pp");
            else if (e->cls & FL_BPS)
                set_unit(f, KIND_BPS, "bp");
            else if (e->cls & FL_PCT) {
                set_unit(f, KIND_PERCENT, "%");
                f->v = earnings__fn_scale10(f->v, e->exp);
            } else if (e->cls & FL_CURPOST) {
                set_unit(f, KIND_MONEY, e->sym);
                f->v = earnings__fn_scale10(f->v, e->exp);
                bs->post_cur = e->exp == 0;
                if (!scaled && is_upper((unsigned char)e->text[0])) {
                    /* 75 USD million */
                    const fig_lex *es;
                    size_t sw = skip_sp(x, w + l), sl = sw > w + l ? lexm(x, sw, FL_SCALE, 0, &es) : 0;
                    if (sl) {
                        f->v = earnings__fn_scale10(f->v, es->exp);
                        l = sw + sl - w;
                        bs->post_cur = 0;
                    }
                }
            } else if (e->cls & FL_DOZEN) {
                size_t l3;
                int32_t nx = cp_at(x, w + l, &l3);
                if ((unsigned char)e->text[0] >= 0x80 && (nx == CP_ZHE || nx == 0x5F00 || nx == 0x9020 ||
                                                          nx == 0x8D4F || nx == 0x51FB || nx == 0x7B97)) {
                    l = 0; /* 打折, 打开, 打造, 打赏, 打击, 打算: the verb */
                    q = w = f->e;
                } else {
                    f->v = earnings__fn_mul_int(f->v, 12);
                    f->ne = w + l;
                    bs->dozen = 1;
                }
            } else {
                set_unit(f, KIND_QUANTITY, e->sym);
                size_t lb;
                int32_t ucp = cp_at(x, w, &lb), unx = cp_at(x, w + lb, &lb);
                if (ucp == 0x5468 && (unx == CP_NIAN || unx == 0x8FB9 || unx == 0x56F4 || unx == 0x671F || unx == 0x672B)) {
                    /* 十周年, 周边, 周围, 周期, 周末: not weeks */
                    set_unit(f, KIND_NUMBER, NULL);
                    l = 0;
                }
                if (l)
                    l = unit_tail(x, f, w, l, e);
                else
                    w = f->e;
                if (cp_at(x, w + l, &lb) == CP_BAN && earnings__fn_is_int(f->v)) {
                    /* 两米半, 十五斤半 */
                    f->v = earnings__fn_add(f->v, earnings__fn_div(earnings__fn_int(1), earnings__fn_int(2)));
                    l += lb;
                }
            }
            if (e->cls & (FL_PCT | FL_CURPOST))
                bs->vexp = e->exp;
            q = w + l;
            f->e = q;
        } else if (zh_ctx && (!spaced || (w - q == 1 && c->type == CT_ZH && !c->zh_weak))) {
            size_t cl;
            int32_t cp = cp_at(x, w, &cl);
            q = w; /* one space: 陆 点 五 折, 五 个 */
            if (cp == CP_CHENG || cp == CP_ZHE) {
                size_t cl2;
                int32_t nx = cp_at(x, q + cl, &cl2);
                static const int32_t cheng_no[] = {0x4E3A, 0x7ACB, 0x672C, 0x529F, 0x679C, 0x957F, 0x4EA4,
                                                   0x5458, 0x5C31, 0x719F, 0x578B, 0x5206, 0x7EE9, 0x54C1,
                                                   0x90FD, 0x5E74, 0x65E7, 0x6263, 0x5408, 0x7B97, 0x53E0,
                                                   0x5C04, 0x817E, 0x4E2D, 0x7EBF, 0x8FD4, 0x6298, 0};
                int bad = 0;
                for (int i = 0; cheng_no[i]; i++)
                    bad |= nx == cheng_no[i];
                double dv = earnings__fn_double(f->v);
                if (!bad && dv > 0 && dv <= 10 && !neg) {
                    if (cp == CP_ZHE && dv >= 10)
                        bad = 1;
                    if (!bad) {
                        set_unit(f, KIND_PERCENT, "%");
                        f->v = earnings__fn_mul_int(f->v, 10);
                        q += cl;
                        f->e = q;
                    }
                } else if (!bad && cp == CP_ZHE && dv >= 10 && dv < 100 && earnings__fn_is_int(f->v)) {
                    set_unit(f, KIND_PERCENT, "%");
                    q += cl;
                    f->e = q;
                }
            }
            if (f->kind == KIND_NUMBER && cp == CP_DIAN && c->type == CT_ZH && earnings__fn_is_int(f->v) &&
                earnings__fn_double(f->v) >= 2 && earnings__fn_double(f->v) <= 10) {
                /* 这两点, 以下三点: points (of an argument), not a clock time */
                size_t ps;
                int32_t pcp = cp_before(x, f->s, &ps);
                if (pcp == 0x8FD9 || pcp == 0x90A3 || pcp == 0x4E0B) { /* 这 那 (以/如)下 */
                    f->kind = KIND_QUANTITY;
                    f->umode = FU_RAW;
                    f->us = q;
                    f->ue = q + cl;
                    f->flags |= EARNINGS_FIGURE_FLAG_COUNT;
                    q += cl;
                    f->e = q;
                }
            }
            if (f->kind == KIND_NUMBER) {
                size_t ze = zh_counted(x, q, f);
                if (ze) {
                    if (f->umode == FU_NONE) {
                        bs->meas = 1;
                        bs->meas_s = q;
                    } else {
                        f->kind = KIND_QUANTITY;
                        f->flags |= EARNINGS_FIGURE_FLAG_COUNT;
                    }
                    q = ze;
                    f->e = q;
                }
            }
        } else if (zh_ctx && spaced && w - q == 1) {
            size_t ze = zh_counted(x, w, f);
            if (ze) {
                if (f->umode == FU_NONE) {
                    bs->meas = 1;
                    bs->meas_s = w;
                } else {
                    f->kind = KIND_QUANTITY;
                    f->flags |= EARNINGS_FIGURE_FLAG_COUNT;
                }
                q = ze;
                f->e = q;
            }
        } else if (!c->one_alone && (!c->frac || c->has_scale) && !c->ordinal && spaced) {
            size_t ne = en_counted_noun(x, q, f);
            if (ne) {
                f->kind = KIND_QUANTITY;
                f->flags |= EARNINGS_FIGURE_FLAG_COUNT;
                q = ne;
                f->e = q;
            }
        }
    }
    if (bs->qs != (size_t)-1 && bs->qe && !strcmp(bs->qe->text, "over") && f->umode == FU_STATIC &&
        is_duration_unit(f->unit)) {
        /* gain over ten quarters, over 20 months: "over" is a preposition
         * of time (but: for over 20 years, with over ten years) */
        size_t pwe, pws = word_back(x, bs->qs, lo, &pwe);
        static const char *const keep[] = {"for", "with", "of", "in", "after", "within", "than", "to", "by",
                                           "took", "takes", "spent", "last", "lasted", "is", "are", "was",
                                           "were", "be", "been", NULL};
        int k = 0;
        for (int i = 0; pws != (size_t)-1 && keep[i] && !k; i++)
            k = word_is(x, pws, pwe, keep[i]);
        size_t ow = skip_sp(x, f->e), owe = word_end(x, ow);
        if (word_is(x, ow, owe, "old"))
            k = 1; /* over thirty years old: an age */
        if (!k) {
            f->s = bs->pstart;
            f->qual = c->qual;
        }
    }
    if (parens) {
        if (at(x, f->e) == ')' && f->s > lo) {
            f->s--;
            f->e++;
            f->v = earnings__fn_neg(f->v);
            f->flags |= EARNINGS_FIGURE_FLAG_PARENS;
        }
    }
    f->hi = f->v;
    return 1;
}

/* ---- periods and dates ----------------------------------------------------- */

static int set_period(fig_cand *f, size_t s, size_t e, int kind, const char *txt)
{
    memset(f, 0, sizeof *f);
    f->s = f->ns = s;
    f->e = f->ne = e;
    f->kind = kind;
    size_t l = strlen(txt);
    if (l >= sizeof f->period)
        l = sizeof f->period - 1;
    memcpy(f->period, txt, l);
    f->period[l] = '\0';
    return 1;
}

/* A 4-digit year 1900..2099 at p (not part of a longer number). */
static int year_at(const scan *x, size_t p, int *year, size_t *end)
{
    if (p > 0 && (is_alnum(x->u[p - 1]) ||
                  ((x->u[p - 1] == '.' || x->u[p - 1] == ',') && p > 1 && is_digit(x->u[p - 2]))))
        return 0;
    for (int i = 0; i < 4; i++)
        if (!is_digit(at(x, p + i)))
            return 0;
    if (is_alnum(at(x, p + 4)) || (at(x, p + 4) == ',' && is_digit(at(x, p + 5))) ||
        (at(x, p + 4) == '.' && is_digit(at(x, p + 5))))
        return 0;
    int y = (x->u[p] - '0') * 1000 + (x->u[p + 1] - '0') * 100 + (x->u[p + 2] - '0') * 10 + (x->u[p + 3] - '0');
    if (y < 1900 || y > 2099)
        return 0;
    *year = y;
    *end = p + 4;
    return 1;
}

/* A year written after a period word: " 2025", " of 2025", " of fiscal 2025",
 * "'25", " FY25", " fiscal year 2025". Returns the end or 0. */
static size_t year_after(const scan *x, size_t p, int *year)
{
    size_t q = skip_sp(x, p);
    if (at(x, q) == '\'' && is_digit(at(x, q + 1)) && is_digit(at(x, q + 2)) && !is_alnum(at(x, q + 3))) {
        *year = 2000 + (x->u[q + 1] - '0') * 10 + (x->u[q + 2] - '0');
        return q + 3;
    }
    if (q == p && at(x, q) != '-')
        return 0;
    if (at(x, q) == '-' ) {
        /* Q3-2025 */
        size_t e;
        if (year_at(x, q + 1, year, &e))
            return e;
        return 0;
    }
    size_t e = word_end(x, q);
    if (word_is(x, q, e, "of") || word_is(x, q, e, "in")) {
        q = skip_sp(x, e);
        e = word_end(x, q);
    }
    if (word_is(x, q, e, "fiscal")) {
        q = skip_sp(x, e);
        e = word_end(x, q);
        if (word_is(x, q, e, "year")) {
            q = skip_sp(x, e);
            e = q;
        }
    }
    if ((at(x, q) == 'F' && at(x, q + 1) == 'Y')) {
        size_t r = q + 2;
        if (at(x, r) == '\'' || at(x, r) == ' ')
            r++;
        if (is_digit(at(x, r)) && is_digit(at(x, r + 1)) && !is_alnum(at(x, r + 2))) {
            *year = 2000 + (x->u[r] - '0') * 10 + (x->u[r + 1] - '0');
            return r + 2;
        }
        if (year_at(x, r, year, &e))
            return e;
        if (r == q + 2 && is_digit(at(x, r)) && is_digit(at(x, r + 1)) && is_digit(at(x, r + 2)) &&
            is_digit(at(x, r + 3)) && !is_alnum(at(x, r + 4))) {
            /* `FY2026` written close (year_at() wants a word start) */
            int y = (x->u[r] - '0') * 1000 + (x->u[r + 1] - '0') * 100 + (x->u[r + 2] - '0') * 10 +
                    (x->u[r + 3] - '0');
            if (y >= 1900 && y <= 2099) {
                *year = y;
                return r + 4;
            }
        }
        return 0;
    }
    if (year_at(x, q, year, &e))
        return e;
    return 0;
}

static void fmt_period(char *buf, int year, const char *code)
{
    char *p = buf;
    if (year > 0) {
        *p++ = (char)('0' + year / 1000);
        *p++ = (char)('0' + year / 100 % 10);
        *p++ = (char)('0' + year / 10 % 10);
        *p++ = (char)('0' + year % 10);
    }
    strcpy(p, code);
}

static void fmt_date(char *buf, int y, int m, int d)
{
    char *p = buf;
    if (y > 0) {
        fmt_period(p, y, "");
        p += 4;
    } else {
        *p++ = '-';
    }
    if (m > 0) {
        *p++ = '-';
        *p++ = (char)('0' + m / 10);
        *p++ = (char)('0' + m % 10);
    }
    if (d > 0) {
        *p++ = '-';
        *p++ = (char)('0' + d / 10);
        *p++ = (char)('0' + d % 10);
    }
    *p = '\0';
}

/* "quarter"/"half" after an ordinal at p (after "-" or spaces). Returns the
 * end and the code letter ('Q' or 'H'), or 0. */
static size_t quarter_after(const scan *x, size_t p, char *code)
{
    size_t q = p;
    if (at(x, q) == '-')
        q++;
    q = skip_sp(x, q);
    if (q == p && at(x, p) != '-')
        return 0;
    size_t e = word_end(x, q);
    if (word_is(x, q, e, "fiscal")) {
        q = skip_sp(x, e);
        e = word_end(x, q);
    }
    if (word_is(x, q, e, "quarter") || word_is(x, q, e, "qtr")) {
        *code = 'Q';
        return e;
    }
    if (word_is(x, q, e, "half")) {
        *code = 'H';
        return e;
    }
    return 0;
}

/* An ordinal (word or 3rd) followed by quarter/half: a period. */
static int period_ordinal(const scan *x, size_t p, size_t oe, int val, fig_cand *f, int year_before,
                          size_t ys)
{
    char code;
    size_t e = quarter_after(x, oe, &code);
    if (!e || val < 1 || (code == 'Q' && val > 4) || (code == 'H' && val > 2))
        return 0;
    int year = year_before;
    size_t ye = year_after(x, e, &year);
    if (ye && !year_before)
        e = ye;
    char buf[16], c2[4] = {code, (char)('0' + val), 0, 0};
    fmt_period(buf, year, c2);
    return set_period(f, year_before ? ys : p, e, KIND_PERIOD, buf);
}

/* Month name at p..we: a date. */
static int date_month(const scan *x, size_t p, size_t we, const fig_lex *e, fig_cand *f)
{
    size_t q = we;
    if ((e->cls & FL_MAYBEWORD) && !is_upper(x->u[p]))
        return 0;
    if (we - p != e->len)
        return 0;
    if ((e->cls & FL_ABBR) && at(x, skip_sp(x, q)) == '.')
        q = skip_sp(x, q) + 1;
    size_t r = skip_sp(x, q);
    if (r == q && q == we)
        return 0;
    int y = 0, d = 0;
    size_t end;
    if (year_at(x, r, &y, &end)) {
        char buf[16];
        fmt_date(buf, y, e->val, 0);
        return set_period(f, p, end, KIND_DATE, buf);
    }
    if (!is_digit(at(x, r)))
        return 0;
    d = x->u[r] - '0';
    end = r + 1;
    if (is_digit(at(x, end))) {
        d = d * 10 + (x->u[end] - '0');
        end++;
    }
    if (is_digit(at(x, end)) || d < 1 || d > 31)
        return 0;
    if (is_alpha(at(x, end))) {
        size_t ae = word_end(x, end);
        if (ae - end != 2)
            return 0;
        end = ae;
    }
    if (is_alnum(at(x, end)))
        return 0;
    size_t r2 = skip_sp(x, end);
    if (at(x, r2) == ',')
        r2 = skip_sp(x, r2 + 1);
    size_t ye;
    if (year_at(x, r2, &y, &ye))
        end = ye;
    else
        y = 0;
    char buf[16];
    fmt_date(buf, y, e->val, d);
    return set_period(f, p, end, KIND_DATE, buf);
}

/* Periods that start with a letter: Q3 2025, H1, FY2025, fiscal 2025, full
 * year, year-to-date, TTM, third quarter, months. Returns 1 and fills f. */
static int period_word(const scan *x, size_t p, size_t we, fig_cand *f)
{
    const fig_lex *e;
    unsigned char c0 = x->u[p];
    size_t wl = we - p;
    /* Q3, H1 (the letter then a digit) */
    if (wl == 1 && (c0 == 'Q' || c0 == 'H') && is_digit(at(x, we)) && !is_alnum(at(x, we + 1))) {
        int v = x->u[we] - '0';
        if ((c0 == 'Q' && (v < 1 || v > 4)) || (c0 == 'H' && (v < 1 || v > 2)))
            return 0;
        size_t end = we + 1;
        int year = 0;
        size_t ye = year_after(x, end, &year);
        if (ye)
            end = ye;
        char buf[16], code[3] = {(char)c0, (char)('0' + v), 0};
        fmt_period(buf, year, code);
        return set_period(f, p, end, KIND_PERIOD, buf);
    }
    /* FY2025, FY25, FY 2025, FY'25 */
    if (wl == 2 && (c0 == 'F' || c0 == 'C') && x->u[p + 1] == 'Y') {
        size_t r = we;
        int year = 0;
        if (is_digit(at(x, r)) && is_digit(at(x, r + 1)) && !is_alnum(at(x, r + 2))) {
            year = 2000 + (x->u[r] - '0') * 10 + (x->u[r + 1] - '0');
            r += 2;
        } else if (is_digit(at(x, r))) {
            for (int i = 0; i < 4; i++)
                if (!is_digit(at(x, r + i)))
                    return 0;
            if (is_alnum(at(x, r + 4)))
                return 0;
            year = (x->u[r] - '0') * 1000 + (x->u[r + 1] - '0') * 100 + (x->u[r + 2] - '0') * 10 + (x->u[r + 3] - '0');
            r += 4;
        } else {
            size_t ye = year_after(x, r, &year);
            if (ye)
                r = ye;
            else if (is_alnum(at(x, r)))
                return 0;
        }
        if (c0 == 'C' && !year)
            return 0;
        char buf[16];
        fmt_period(buf, year, c0 == 'F' ? "FY" : "");
        return set_period(f, p, r, KIND_PERIOD, buf);
    }
    size_t l = lexm(x, p, FL_PERIOD | FL_MONTH, 0, &e);
    if (l) {
        if (e->cls & FL_MONTH)
            return date_month(x, p, we, e, f);
        switch (e->val) {
        case FP_FY: {
            int year = 0;
            size_t end = p + l, ye = year_after(x, end, &year);
            if (ye)
                end = ye;
            else if (word_is(x, p, we, "fiscal") && end == we)
                return 0; /* "fiscal" alone is an adjective */
            char buf[16];
            fmt_period(buf, year, "FY");
            return set_period(f, p, end, KIND_PERIOD, buf);
        }
        case FP_H1:
        case FP_H2:
        case FP_YTD: {
            /* `first six months of 2025`, `Half-Year Report 2025`, `first
             * nine months of 2024`: the span of the year named after it */
            int year = 0;
            size_t end = p + l, ye = year_after(x, end, &year);
            if (ye)
                end = ye;
            char buf[16];
            fmt_period(buf, year, e->sym);
            return set_period(f, p, end, KIND_PERIOD, buf);
        }
        case FP_TTM:
            return set_period(f, p, p + l, KIND_PERIOD, e->sym);
        default:
            break;
        }
    }
    /* third quarter, first half, second-quarter */
    l = lexm(x, p, FL_ORD, 0, &e);
    if (l == wl)
        return period_ordinal(x, p, we, e->val, f, 0, 0);
    return 0;
}

/* Chinese periods after a year (2025年): 第三季度, 三季度, Q3, 上半年, 全年,
 * 财年, and dates 10月30日. p is just after 年. */
static int zh_after_year(const scan *x, size_t ys, size_t p, int year, fig_cand *f)
{
    const fig_lex *e;
    size_t q = skip_sp(x, p), l;
    int32_t cp = cp_at(x, q, &l);
    char buf[20];
    size_t r = q;
    if (cp == CP_DI) {
        r += l;
        cp = cp_at(x, r, &l);
    }
    int d = zh_digit(cp);
    if (d < 0 && cp >= '1' && cp <= '4')
        d = (int)(cp - '0');
    if (d >= 1 && d <= 4) {
        size_t r2 = r + l;
        size_t ll = lexm(x, r2, FL_PERIOD, 0, &e);
        if (ll && e->val == FP_QUARTER) {
            char code[3] = {'Q', (char)('0' + d), 0};
            fmt_period(buf, year, code);
            return set_period(f, ys, r2 + ll, KIND_PERIOD, buf);
        }
    }
    if (at(x, q) == 'Q' && is_digit(at(x, q + 1)) && at(x, q + 1) >= '1' && at(x, q + 1) <= '4' &&
        !is_alnum(at(x, q + 2))) {
        char code[3] = {'Q', (char)at(x, q + 1), 0};
        fmt_period(buf, year, code);
        return set_period(f, ys, q + 2, KIND_PERIOD, buf);
    }
    l = lexm(x, q, FL_PERIOD, 0, &e);
    if (l && (e->val == FP_H1 || e->val == FP_H2 || e->val == FP_FY || e->val == FP_YTD)) {
        /* (`2025年前三季度`: the year to date) */
        fmt_period(buf, year, e->val == FP_H1 ? "H1" : e->val == FP_H2 ? "H2" : e->val == FP_YTD ? "YTD" : "FY");
        return set_period(f, ys, q + l, KIND_PERIOD, buf);
    }
    /* 10月30日 */
    core mc;
    if (parse_digits(x, q, &mc) == 1 || parse_zh(x, q, &mc, 0) == 1) {
        double mv = earnings__fn_double(mc.v);
        size_t l2;
        if (mv >= 1 && mv <= 12 && mv == (int)mv && cp_at(x, mc.e, &l2) == CP_YUE) {
            size_t de = mc.e + l2;
            core dc;
            int day = 0;
            if ((parse_digits(x, de, &dc) == 1 || parse_zh(x, de, &dc, 0) == 1)) {
                double dv = earnings__fn_double(dc.v);
                int32_t rc = cp_at(x, dc.e, &l2);
                if (dv >= 1 && dv <= 31 && dv == (int)dv && (rc == CP_RI || rc == CP_HAO)) {
                    day = (int)dv;
                    de = dc.e + l2;
                }
            }
            fmt_date(buf, year, (int)mv, day);
            return set_period(f, ys, de, KIND_DATE, buf);
        }
    }
    fmt_period(buf, year, "");
    return set_period(f, ys, p, KIND_PERIOD, buf);
}

/* ---- ranges, directions, comparisons --------------------------------------- */

static int same_unit(const scan *x, const fig_cand *a, const fig_cand *b)
{
    if (a->umode != b->umode)
        return 0;
    if (a->umode == FU_STATIC)
        return a->unit == b->unit || (a->unit && b->unit && !strcmp(a->unit, b->unit));
    if (a->umode == FU_EN_NOUN || a->umode == FU_RAW)
        return a->ue - a->us == b->ue - b->us && !memcmp(x->s + a->us, x->s + b->us, a->ue - a->us);
    if (a->umode == FU_BUF)
        return !strcmp(a->ubuf, b->ubuf);
    return 1;
}

static int parse_core_at(const scan *x, size_t p, core *c);


/* A range connector after a figure; returns the start of the second end. */
static size_t range_connector(const scan *x, size_t p, const bstate *bs, int *dash, size_t lo_guard)
{
    size_t q = skip_sp(x, p), l;
    int32_t cp = cp_at(x, q, &l);
    (void)lo_guard;
    *dash = 0;
    if (cp == '-' || cp == '~' || cp == 0x2013 || cp == 0x2014 || cp == 0xFF5E || cp == 0x301C) {
        *dash = 1;
        return skip_sp(x, q + l);
    }
    if (cp == 0x81F3 || cp == 0x5230) /* 至 到 */
        return skip_sp(x, q + l);
    if (cp == 0x548C || cp == 0x4E0E) { /* 和 与: only with 之间 after */
        *dash = 2;
        return skip_sp(x, q + l);
    }
    size_t we = word_end(x, q);
    if (we > q && q > p) {
        if (word_is(x, q, we, "to") && !bs->from)
            return skip_sp(x, we);
        if (word_is(x, q, we, "and") && bs->between)
            return skip_sp(x, we);
    }
    return 0;
}

static void adopt(fig_cand *a, const fig_cand *b)
{
    a->kind = b->kind;
    a->umode = b->umode;
    a->unit = b->unit;
    a->us = b->us;
    a->ue = b->ue;
    memcpy(a->ubuf, b->ubuf, sizeof a->ubuf);
    a->flags |= b->flags & EARNINGS_FIGURE_FLAG_COUNT;
}

/* A verb of change ends right before p ("increased", "fell by", 净增), and it
 * does not itself lead to a level (增至, "rose to"): what follows is the
 * change, and a "to" after it names the new level. */
static int change_verb_before(const scan *x, size_t p)
{
    const fig_lex *e;
    size_t lo = x->last_end, we;
    size_t q = skip_sp_back(x, p, lo);
    size_t ws = word_back(x, q, lo, &we);
    if (ws != (size_t)-1 && word_is(x, ws, we, "by"))
        q = skip_sp_back(x, ws, lo);
    if (q > lo && is_alpha(x->u[q - 1])) {
        /* the last word, or the last two ("growth of") */
        size_t t = q;
        for (int w = 0; w < 2; w++) {
            size_t e2;
            t = word_back(x, t, lo, &e2);
            if (t == (size_t)-1)
                return 0;
            size_t l = lexm(x, t, FL_DIR, 0, &e);
            if (l && t + l == q)
                return 1;
        }
        return 0;
    }
    size_t t = q;
    for (int k = 0; k < 3 && t > lo; k++) {
        size_t ps;
        int32_t cp = cp_before(x, t, &ps);
        if (!is_han(cp) || ps < lo)
            return 0;
        if (k == 0 && (cp == 0x81F3 || cp == 0x5230)) /* 至 到 */
            return 0;
        t = ps;
        size_t l = lexm(x, t, FL_DIR, 0, &e);
        if (l && t + l == q)
            return 1;
    }
    return 0;
}

/* The word before p is "by". */
static int after_by(const scan *x, size_t p)
{
    size_t we, ws = word_back(x, p, x->last_end, &we);
    return ws != (size_t)-1 && word_is(x, ws, we, "by");
}

static void try_range(const scan *x, fig_cand *a, bstate *ba, const core *ca)
{
    int dash;
    if (a->kind == KIND_ORDINAL || a->kind == KIND_PERIOD || a->kind == KIND_DATE)
        return;
    size_t r = range_connector(x, a->e, ba, &dash, 0);
    if (!r || r >= x->n)
        return;
    if (dash == 1 && ca->type == CT_WORDS)
        return;
    if (dash == 1 && ca->type == CT_DIGITS) {
        /* 30-40%, 1000 - 5000: the same spacing on both sides of the dash */
        size_t d = skip_sp(x, a->e);
        if ((d > a->e) != (r > d + 1))
            return;
    }
    /* the second end may start with a currency sign */
    size_t r2 = r;
    const fig_lex *e;
    size_t l = lexm(x, r, FL_CURPRE, 0, &e);
    if (l)
        r2 = skip_sp(x, r + l);
    core cb;
    if (!parse_core_at(x, r2, &cb))
        return;
    if (cb.type == CT_WORDS && ca->type != CT_WORDS)
        return;
    fig_cand b;
    bstate bb;
    if (build(x, &cb, &b, r, 1, &bb) != 1)
        return;
    if (b.kind == KIND_ORDINAL || cb.one_alone)
        return;
    if (bb.meas && b.umode == FU_NONE)
        b.e = bb.meas_s; /* 20~100个: a range ends at its number (as in the Recognizers specs) */
    /* 1-222-2222, 2025-10-30: not ranges */
    if (dash == 1 && (at(x, b.e) == '-' || at(x, b.e) == '/') && is_digit(at(x, b.e + 1)))
        return;
    int jian = 0;
    if (dash == 2 && b.umode == FU_RAW && b.ue == b.e && b.ue - b.us == 3 && !memcmp(x->s + b.us, "\xe9\x97\xb4", 3)) {
        /* 10000与20000间: 间 is "between", not the measure word */
        b.kind = KIND_NUMBER;
        b.umode = FU_NONE;
        b.flags &= ~(uint32_t)EARNINGS_FIGURE_FLAG_COUNT;
        jian = 1;
    }
    int a_bare = a->kind == KIND_NUMBER && a->umode == FU_NONE;
    int b_bare = b.kind == KIND_NUMBER && b.umode == FU_NONE;
    fnum av = a->v;
    if (!ba->scaled && bb.scaled && earnings__fn_cmp(ba->pre, bb.pre) <= 0 && earnings__fn_cmp(av, b.v) < 0)
        av = earnings__fn_scale10(av, bb.sexp);
    if (a->kind != b.kind || !same_unit(x, a, &b)) {
        if (a_bare) {
            av = earnings__fn_scale10(av, bb.vexp);
        } else if (b_bare && (dash || ba->between || (a->kind == KIND_MONEY && ba->cur && !after_by(x, a->s)))) {
            /* $1.1 to 1.3 billion, $1.10 to 1.15: the sign before the first
             * end covers the second (not "cut by $2 to 18": a change, then
             * the level) */
            b.v = earnings__fn_scale10(b.v, ba->vexp);
        } else {
            return;
        }
    }
    int c = earnings__fn_cmp(av, b.v);
    if (c > 0 || (c == 0 && dash == 1))
        return;
    /* "increased $2 billion to $30 billion", 净增1,200家至1.5万家: a change
     * and the level it reached, not a range; ranges of changes keep close
     * ends ("grew $1.2 to $1.4 billion", "rose 2% to 3%") */
    if (!dash && !ba->between && (!a_bare || ba->meas) && (a->kind == KIND_MONEY || a->kind == KIND_QUANTITY || a->kind == KIND_NUMBER) &&
        earnings__fn_double(b.v) > 2 * earnings__fn_double(av) &&
        change_verb_before(x, a->s))
        return;
    if (dash == 2 && !jian) {
        size_t q2 = skip_sp(x, b.e), l4, l5;
        int32_t c1 = cp_at(x, q2, &l4);
        if (!((c1 == 0x4E4B && cp_at(x, q2 + l4, &l5) == 0x95F4) || c1 == 0x95F4))
            return;
        if (c1 == 0x95F4)
            b.e = q2 + l4;
    }
    if (a_bare && !b_bare)
        adopt(a, &b);
    a->v = av;
    a->hi = b.v;
    a->is_range = 1;
    a->hs = b.ns;
    a->he = b.ne;
    a->e = b.e;
    a->flags |= b.flags & EARNINGS_FIGURE_FLAG_WORDS;
    if (!a->qual)
        a->qual = b.qual;
    if (ba->between) {
        /* the span starts at "between" */
        size_t we, ws = word_back(x, a->s, 0, &we);
        if (ws != (size_t)-1 && word_is(x, ws, we, "between"))
            a->s = ws;
    }
    /* 之间 after a Chinese range */
    size_t q = skip_sp(x, a->e), l2;
    if (cp_at(x, q, &l2) == 0x4E4B && cp_at(x, q + l2, &l) == 0x95F4)
        a->e = q + l2 + l;
    if (dash == 2) {
        /* 位于20和30之间, 介于: "between" opens the span */
        size_t bk = skip_sp_back(x, a->s, 0), p1, p2;
        int32_t c1 = cp_before(x, bk, &p1);
        if (c1 == 0x4E8E && cp_before(x, p1, &p2) > 0) {
            int32_t c0 = cp_before(x, p1, &p2);
            if ((c0 == 0x4F4D || c0 == 0x4ECB) && p2 >= x->last_end)
                a->s = p2;
        }
    }
}

/* "from $1.1 to $1.3 billion": the scale of the second amount applies to
 * the first, which stays a figure of its own (a change, not a range), when
 * the two are of one magnitude. */
static void from_shared_scale(const scan *x, fig_cand *a, const bstate *ba)
{
    if (!ba->from || ba->scaled || a->is_range || a->kind != KIND_MONEY || !ba->cur)
        return;
    size_t q = skip_sp(x, a->e);
    size_t we = word_end(x, q);
    if (!(q > a->e && we > q && word_is(x, q, we, "to")))
        return;
    size_t r = skip_sp(x, we), r2 = r;
    const fig_lex *e;
    size_t l = lexm(x, r, FL_CURPRE, 0, &e);
    if (l)
        r2 = skip_sp(x, r + l);
    core cb;
    fig_cand b;
    bstate bb;
    if (!parse_core_at(x, r2, &cb) || cb.type != CT_DIGITS || build(x, &cb, &b, r, 1, &bb) != 1 || !bb.scaled)
        return;
    if (!(b.kind == KIND_NUMBER && b.umode == FU_NONE) && !(b.kind == KIND_MONEY && same_unit(x, a, &b)))
        return;
    double av = earnings__fn_double(a->v), bp = earnings__fn_double(bb.pre);
    if (!(av > 0 && bp > 0 && av <= 10 * bp && bp <= 10 * av))
        return;
    a->v = earnings__fn_scale10(a->v, bb.sexp);
}

/* 比 X 低, 比170高: a comparison around the number. */
static void zh_bi(const scan *x, fig_cand *f, size_t lo)
{
    size_t ps, l;
    size_t b = skip_sp_back(x, f->s, lo);
    int32_t pcp = cp_before(x, b, &ps);
    if (pcp != 0x6BD4 || ps < lo || b - ps != 3) /* 比 */
        return;
    size_t q = skip_sp(x, f->e);
    int32_t cp = cp_at(x, q, &l);
    int qual = 0;
    if (cp == 0x4F4E || cp == 0x5C11 || cp == 0x5C0F) /* 低 少 小 */
        qual = EARNINGS_QUALIFIER_UNDER;
    else if (cp == 0x9AD8 || cp == 0x5927) /* 高 大 */
        qual = EARNINGS_QUALIFIER_OVER;
    if (!qual || (f->qual && f->qual != EARNINGS_QUALIFIER_APPROX))
        return;
    size_t l2;
    int32_t nx = cp_at(x, q + l, &l2);
    if (nx == 0x4E8E || nx == 0x51FA) /* 比X高于, 比X高出: a difference follows */
        return;
    f->qual = qual;
    f->s = ps;
    f->e = q + l;
}

/* Two-part amounts: thirteen dollars and forty-five cents, 15 dollars 50,
 * 五元三毛, 两美元又三美分, 三块五 (CNY: a bare number after the main unit
 * counts tenths, else hundredths). */
static void try_two_part(const scan *x, fig_cand *f, const bstate *bs)
{
    if (f->kind != KIND_MONEY || f->is_range || !bs->post_cur || bs->scaled || !earnings__fn_is_int(f->v) ||
        f->umode != FU_STATIC || !f->unit)
        return;
    int cny = !strcmp(f->unit, "CNY");
    int last_exp = 0;
    size_t q = f->e;
    for (int part = 0; part < 2; part++) {
        size_t r = skip_sp(x, q), l;
        int32_t cp = cp_at(x, r, &l);
        int joined = 0;
        if (is_alpha(at(x, r))) {
            size_t we = word_end(x, r);
            if (r == q)
                return;
            if (word_is(x, r, we, "and")) {
                r = skip_sp(x, we);
                joined = 1;
            }
        } else if (cp == 0x53C8 || cp == 0x96F6) { /* 又, 零 */
            r += l;
            joined = 1;
        } else if (r > q + 1 || (r == q + 1 && !is_digit(at(x, r)) && !is_alpha(at(x, r)) && at(x, r) < 0x80)) {
            return;
        }
        (void)joined;
        core c2;
        if (!parse_core_at(x, r, &c2) || c2.has_scale || c2.ordinal || c2.frac || c2.has_dec ||
            !earnings__fn_is_int(c2.v) || earnings__fn_double(c2.v) <= 0 || earnings__fn_double(c2.v) >= 100)
            return;
        size_t w = skip_sp(x, c2.e);
        const fig_lex *e;
        size_t ul = w - c2.e <= 1 ? lexm(x, w, FL_CURPOST | FL_SUBPART, 0, &e) : 0;
        fnum add;
        size_t end;
        if (ul && e->exp < last_exp && e->exp < 0 && e->sym && !strcmp(e->sym, f->unit)) {
            add = earnings__fn_scale10(c2.v, e->exp);
            last_exp = e->exp;
            end = w + ul;
        } else {
            /* a bare number: the next sub-unit down */
            int ex = cny ? last_exp - 1 : -2;
            if (ex < -2 || ex >= last_exp || (ex == -1 && earnings__fn_double(c2.v) >= 10))
                return;
            size_t l2;
            int32_t nx = cp_at(x, c2.e, &l2);
            if (is_han(nx) || is_alnum((unsigned char)at(x, c2.e)) || nx == '%' || (nx == '.' && is_digit(at(x, c2.e + 1))))
                return;
            const fig_lex *e2;
            if (w - c2.e <= 1 && lexm(x, w, FL_UNIT | FL_PCT | FL_PP | FL_BPS | FL_SCALE | FL_SUFFIX | FL_CURPOST | FL_CURPRE, 0, &e2))
                return;
            if (is_alpha(at(x, w)) && w > c2.e) {
                fig_cand tmp;
                memset(&tmp, 0, sizeof tmp);
                if (en_counted_noun(x, c2.e, &tmp))
                    return;
            }
            add = earnings__fn_scale10(c2.v, ex);
            last_exp = ex;
            end = c2.e;
        }
        f->v = earnings__fn_add(f->v, add);
        f->hi = f->v;
        f->e = end;
        q = end;
        if (last_exp <= -2)
            break;
    }
}

static void post_qualifier(const scan *x, fig_cand *f)
{
    const fig_lex *e;
    size_t q = skip_sp(x, f->e);
    if (q - f->e > 1)
        return;
    size_t l = lexm(x, q, FL_QUALPOST, 0, &e);
    if (!l || (e->text[0] == '+'))
        return;
    if (is_alpha((unsigned char)e->text[0])) {
        if (q == f->e)
            return;
        /* "or less than 6000": the start of another bound */
        size_t t = skip_sp(x, q + l), te = word_end(x, t);
        if (word_is(x, t, te, "than"))
            return;
    }
    if (e->val == EARNINGS_QUALIFIER_EXACT) {
        /* more than 5000 or equal to */
        if (f->qual == EARNINGS_QUALIFIER_OVER)
            f->qual = EARNINGS_QUALIFIER_AT_LEAST;
        else if (f->qual == EARNINGS_QUALIFIER_UNDER)
            f->qual = EARNINGS_QUALIFIER_AT_MOST;
        else
            return;
    } else if (!f->qual || f->qual == EARNINGS_QUALIFIER_EXACT) {
        f->qual = e->val;
    }
    f->e = q + l;
}

static int is_low_bound(int q) { return q == EARNINGS_QUALIFIER_OVER || q == EARNINGS_QUALIFIER_AT_LEAST; }
static int is_high_bound(int q) { return q == EARNINGS_QUALIFIER_UNDER || q == EARNINGS_QUALIFIER_AT_MOST; }

/* Paired bounds: `more than 10 and less than 40`, `at most 100 and at least
 * 20`, 大于100并且小于300, 最多100最少20, 1000以上，1500以下: one range. */
static void try_pair(const scan *x, fig_cand *f, const core *c)
{
    if (f->is_range || !(is_low_bound(f->qual) || is_high_bound(f->qual)) || c->zh_weak)
        return;
    size_t q = skip_sp(x, f->e), l;
    int32_t cp = cp_at(x, q, &l);
    if (cp == ',' || cp == 0xFF0C || cp == 0x3001) {
        q = skip_sp(x, q + l);
        cp = cp_at(x, q, &l);
    }
    if (is_alpha(at(x, q))) {
        size_t we = word_end(x, q);
        if (!(word_is(x, q, we, "and") || word_is(x, q, we, "but")))
            return;
        q = skip_sp(x, we);
    } else if (cp == 0x5E76 || cp == 0x4E26 || cp == 0x4E14 || cp == 0x800C) { /* 并 並 且 而 */
        size_t l2;
        int32_t c2 = cp_at(x, q + l, &l2);
        q += l;
        if ((cp == 0x5E76 || cp == 0x4E26 || cp == 0x800C) && c2 == 0x4E14)
            q += l2;
        q = skip_sp(x, q);
    } else if (q == f->e && !is_han(cp)) {
        return;
    }
    /* the second bound */
    const fig_lex *e;
    size_t p2 = q, ql = lexm(x, q, FL_QUAL, 0, &e);
    if (ql)
        p2 = skip_sp(x, q + ql);
    size_t cl = lexm(x, p2, FL_CURPRE, 0, &e);
    if (cl)
        p2 = skip_sp(x, p2 + cl); /* at least $7 billion */
    core c2;
    fig_cand g;
    bstate bs;
    if (!parse_core_at(x, p2, &c2) || c2.zh_weak || c2.one_alone)
        return;
    if (build(x, &c2, &g, q, 0, &bs) != 1 || g.kind == KIND_ORDINAL || g.s != q)
        return;
    if (bs.meas && g.umode == FU_NONE)
        g.e = bs.meas_s;
    post_qualifier(x, &g);
    fig_cand *lo_b, *hi_b;
    if (is_low_bound(f->qual) && is_high_bound(g.qual)) {
        lo_b = f;
        hi_b = &g;
    } else if (is_high_bound(f->qual) && is_low_bound(g.qual)) {
        lo_b = &g;
        hi_b = f;
    } else {
        return;
    }
    int fb = f->kind == KIND_NUMBER && f->umode == FU_NONE, gb = g.kind == KIND_NUMBER && g.umode == FU_NONE;
    if (!(fb || gb || (f->kind == g.kind && same_unit(x, f, &g))))
        return;
    if (earnings__fn_cmp(lo_b->v, hi_b->v) >= 0)
        return;
    uint32_t fl = 0;
    if (lo_b->qual == EARNINGS_QUALIFIER_OVER)
        fl |= EARNINGS_FIGURE_FLAG_LOW_OPEN;
    if (hi_b->qual == EARNINGS_QUALIFIER_UNDER)
        fl |= EARNINGS_FIGURE_FLAG_HIGH_OPEN;
    fnum lv = lo_b->v, hv = hi_b->v;
    size_t ns = lo_b->ns, ne = lo_b->ne, hs = hi_b->ns, he = hi_b->ne;
    if (fb && !gb)
        adopt(f, &g);
    f->v = lv;
    f->hi = hv;
    f->ns = ns;
    f->ne = ne;
    f->hs = hs;
    f->he = he;
    f->is_range = 1;
    f->qual = EARNINGS_QUALIFIER_NONE;
    f->flags |= fl | (g.flags & EARNINGS_FIGURE_FLAG_WORDS);
    f->e = g.e;
}

static size_t attach_dc(const scan *x, fig_cand *f, size_t lo, int from)
{
    size_t taken = 0;
    const fig_lex *e;
    /* backwards, within the clause */
    size_t q = f->s;
    for (int i = 0; i < 8 && q > lo; i++) {
        q = skip_sp_back(x, q, lo);
        if (q <= lo)
            break;
        size_t t;
        unsigned char c = x->u[q - 1];
        if (is_alpha(c)) {
            t = q;
            while (t > lo && (is_alpha(x->u[t - 1]) || (x->u[t - 1] == '-' && t - 1 > lo && is_alpha(x->u[t - 2]))))
                t--;
        } else if (c >= 0x80) {
            t = prev_start(x, q);
            if (t < lo || is_clause_punct(x, t))
                break;
            size_t l;
            int32_t cp = cp_at(x, t, &l);
            if (!is_han(cp))
                break;
        } else if (c == '/' || c == '-' || c == '\'') {
            t = q - 1;
        } else {
            break;
        }
        if (!f->dir && !from) {
            size_t l = lexm(x, t, FL_DIR, 0, &e);
            if (l && t + l <= f->s)
                f->dir = e->val;
        }
        if (!f->cmp) {
            size_t l = lexm(x, t, FL_CMP, 0, &e);
            if (l && t + l <= f->s)
                f->cmp = e->val;
        }
        q = t;
    }
    /* forwards: 20% year-over-year growth, 增长20%, 20% 的同比增长 */
    q = f->e;
    for (int i = 0; i < 6; i++) {
        q = skip_sp(x, q);
        if (q >= x->n || is_clause_punct(x, q) || is_digit(x->u[q]))
            break;
        size_t l = lexm(x, q, FL_CMP, 0, &e);
        if (l) {
            if (!f->cmp)
                f->cmp = e->val;
            q += l;
            taken = q;
            continue;
        }
        if (i < 3 && !f->dir) {
            l = lexm(x, q, FL_DIRPOST, 0, &e);
            if (l) {
                f->dir = e->val;
                q += l;
                taken = q;
                continue;
            }
        }
        size_t cl;
        int32_t cp = cp_at(x, q, &cl);
        if (is_alpha(x->u[q])) {
            q = word_end(x, q);
            if (at(x, q) == '-' && is_alpha(at(x, q + 1)))
                q++;
        } else if (is_han(cp)) {
            q += cl;
        } else {
            break;
        }
    }
    return taken;
}

/* ---- driving ------------------------------------------------------------------ */

static int emit(scan *x, fig_cand *f)
{
    if (f->kind == KIND_QUANTITY && f->umode == FU_STATIC && is_duration_unit(f->unit) && strcmp(f->unit, "h") &&
        strcmp(f->unit, "min") && strcmp(f->unit, "s"))
        f->flags |= EARNINGS_FIGURE_FLAG_COUNT; /* days, months, years are counted */
    if (f->s < x->last_end)
        f->s = x->last_end;
    x->last_end = f->e;
    x->rc = x->sink(x->ud, f);
    return x->rc;
}

/* Any number core at p. */
static int parse_core_at(const scan *x, size_t p, core *c)
{
    unsigned char ch = at(x, p);
    if (is_digit(ch) || (ch == '.' && is_digit(at(x, p + 1)))) {
        if (parse_digits(x, p, c) != 1)
            return 0;
        parse_zh(x, p, c, 1);
        return 1;
    }
    if (is_alpha(ch))
        return parse_words(x, p, c);
    if (ch >= 0xE0) {
        size_t l;
        int32_t cp = cp_at(x, p, &l);
        if (zh_digit(cp) >= 0 || zh_unit(cp))
            return parse_zh(x, p, c, 0);
    }
    return 0;
}

static size_t line_start(const scan *x, size_t p)
{
    scan *mx = (scan *)x; /* the memo only; every scan object is mutable */
    size_t from = 0, q = 0;
    if (mx->ls_at <= p) {
        /* no line break between the memo and p: the same line */
        from = mx->ls_at;
        q = mx->ls_val;
    }
    const unsigned char *nl;
    while (from < p && (nl = memchr(x->u + from, '\n', p - from)) != NULL)
        from = q = (size_t)(nl - x->u) + 1;
    mx->ls_at = p;
    mx->ls_val = q;
    return q;
}

/* Digits that are labels, times, phone numbers, list numbers, not figures.
 * Returns the position to skip to, or 0. */
static size_t not_figure_digits(const scan *x, const core *c)
{
    size_t s = c->s, e = c->e;
    /* letters-hyphen-digits: GPT-4, Tranium-3 (but mid-2025) */
    if (s >= 2 && x->u[s - 1] == '-' && is_alpha(x->u[s - 2])) {
        size_t t = s - 1;
        while (t > 0 && is_alpha(x->u[t - 1]))
            t--;
        int lower = s - 1 - t >= 4;
        for (size_t k = t; k < s - 1 && lower; k++)
            lower = is_lower(x->u[k]);
        if (lower) {
            /* capacity—3.8 gigawatts (a dash folded to '-'): a measured
             * amount after a common word is not a model number */
            const fig_lex *e2;
            size_t w = skip_sp(x, e);
            lower = c->has_dec || c->has_sep || at(x, e) == '%' ||
                    (w == e + 1 && lexm(x, w, FL_UNIT | FL_SCALE | FL_PCT | FL_PP | FL_BPS | FL_CURPOST,
                                        FL_ATTACHONLY | FL_SPACEDNO | FL_SINGULAR, &e2));
        }
        if (!(lower || word_is(x, t, s - 1, "mid") || word_is(x, t, s - 1, "early") ||
              word_is(x, t, s - 1, "late") || word_is(x, t, s - 1, "pre") || word_is(x, t, s - 1, "post") ||
              word_is(x, t, s - 1, "end") || word_is(x, t, s - 1, "year")))
            return alnum_end(x, e);
    }
    /* post and rank numbers: #1 */
    if (s > 0 && x->u[s - 1] == '#')
        return alnum_end(x, e);
    if (c->has_sep || c->has_dec) {
        /* section numbers at the start of a line: 2.1 Title */
        if (c->has_dec && !c->has_sep && c->nint <= 2 && at(x, e) == ' ' && is_upper(at(x, e + 1))) {
            size_t ls = line_start(x, s), k = ls;
            while (k < s && (x->u[k] == ' ' || x->u[k] == '#'))
                k++;
            if (k == s)
                return e;
        }
        return 0;
    }
    /* times: 10:30, 2:00 pm, 6pm */
    if (at(x, e) == ':' && is_digit(at(x, e + 1)) && is_digit(at(x, e + 2)) && c->nint <= 2) {
        size_t r = e + 3;
        while (is_digit(at(x, r)) || at(x, r) == ':')
            r++;
        return r;
    }
    {
        size_t r = skip_sp(x, e);
        unsigned char a0 = at(x, r) | 32, a1 = at(x, r + 1) | 32;
        if (c->nint <= 2 && (a0 == 'a' || a0 == 'p') &&
            ((a1 == 'm' && !is_alpha(at(x, r + 2))) || (a1 == '.' && (at(x, r + 2) | 32) == 'm')))
            return r + 2;
    }
    /* phone numbers and other digit chains: 1-222-2222, 555.123.4567 */
    if ((at(x, e) == '-' || at(x, e) == '.' || at(x, e) == '/') && is_digit(at(x, e + 1))) {
        size_t r = e, groups = 1, digits = (size_t)c->nint;
        unsigned char sep = at(x, e);
        while ((at(x, r) == sep) && is_digit(at(x, r + 1))) {
            r++;
            while (is_digit(at(x, r))) {
                r++;
                digits++;
            }
            groups++;
        }
        if (groups >= 3 && digits >= 7)
            return r;
    }
    if (s > 0 && x->u[s - 1] == '+' && at(x, e) == '-')
        return alnum_end(x, e + 1);
    /* list markers folded from circled digits (① Electricity, ② Amazon): a
     * small number that opens a sentence before a capitalized word */
    if (c->nint <= 2 && at(x, e) == ' ' && is_upper(at(x, e + 1)) && earnings__fn_double(c->v) <= 20) {
        size_t b = skip_sp_back(x, s, 0);
        unsigned char pc = b > 0 ? x->u[b - 1] : '\n';
        if (pc == '.' || pc == ';' || pc == '!' || pc == '?' || pc == '\n') {
            const fig_lex *e2;
            size_t w = e + 1, we = word_end(x, w);
            if (!lexm(x, w, FL_UNIT | FL_SCALE | FL_PERIOD | FL_MONTH | FL_PCT | FL_CURPOST, 0, &e2) &&
                (x->u[we - 1] | 32) != 's')
                return e;
        }
    }
    /* list numbering: "1. ", "2) " at the start of a line; table row numbers */
    if (c->nint <= 3) {
        size_t ls = line_start(x, s), k = ls;
        while (k < s && (x->u[k] == ' ' || x->u[k] == '\t' || x->u[k] == '#' || x->u[k] == '*' ||
                         x->u[k] == '>' || x->u[k] == '('))
            k++;
        if (k == s && (at(x, e) == '.' || at(x, e) == ')') && (at(x, e + 1) == ' ' || at(x, e + 1) == '\n'))
            return e + 1;
        if (ls < s && x->u[ls] == '|') {
            size_t k2 = ls + 1;
            while (k2 < s && x->u[k2] == ' ')
                k2++;
            size_t r = skip_sp(x, e);
            if (k2 == s && at(x, r) == '|')
                return e;
        }
    }
    return 0;
}

/* A small number after a capitalized word or a label word: Graviton 4,
 * Claude 3, version 2, phase 3. */
static int name_number(const scan *x, const core *c, size_t lo)
{
    const fig_lex *e;
    if (c->type != CT_DIGITS || c->has_dec || c->has_sep || c->nint > 2)
        return 0;
    if (is_alpha(at(x, c->e)) || at(x, c->e) == '+')
        return 0; /* AgentCore 1M+ downloads: a scaled amount, not a model number */
    size_t we, ws = word_back(x, c->s, lo, &we);
    if (ws == (size_t)-1 || c->s - we > 1)
        return 0;
    if (lexm(x, ws, FL_NAMECTX, 0, &e) == we - ws)
        return 1;
    int upper = 0;
    for (size_t k = ws; k < we; k++)
        upper |= is_upper(x->u[k]);
    if (!upper)
        return 0;
    if (ws > 0 && (is_digit(x->u[ws - 1]) || x->u[ws - 1] == '$'))
        return 0;
    if (lexm(x, ws, FL_STOP | FL_QUAL | FL_DIR | FL_CMP | FL_MONTH | FL_PERIOD | FL_NUM | FL_NEG | FL_CURPRE |
                        FL_ORD | FL_SCALE | FL_CURPOST | FL_UNIT,
             0, &e) == we - ws)
        return 0;
    return 1;
}

/* 1 over 3, one out of three, 2 in 5: a fraction written with words. The
 * denominator is not a year, and (for over, in) not followed by a unit or a
 * period word (3 over 2 years). */
static void ratio_fraction(const scan *x, core *c)
{
    if (c->type == CT_ZH || c->ordinal || c->frac || c->pct || c->has_dec || c->has_exp || c->zh_chars ||
        !earnings__fn_is_int(c->v) || earnings__fn_double(c->v) < 0)
        return;
    size_t r = skip_sp(x, c->e);
    if (r == c->e)
        return;
    size_t we = word_end(x, r);
    int kind = 0;
    if (word_is(x, r, we, "over"))
        kind = 1;
    else if (word_is(x, r, we, "in"))
        kind = 2;
    else if (word_is(x, r, we, "out")) {
        size_t o = skip_sp(x, we), oe = word_end(x, o);
        if (!word_is(x, o, oe, "of"))
            return;
        we = oe;
        kind = 3;
    }
    if (!kind)
        return;
    size_t p2 = skip_sp(x, we);
    if (p2 == we)
        return;
    core d;
    if (!parse_core_at(x, p2, &d) || d.type == CT_ZH || d.zh_chars || d.ordinal || d.frac || d.has_dec ||
        d.has_exp || !earnings__fn_is_int(d.v) || earnings__fn_double(d.v) <= 0)
        return;
    int y, l0;
    size_t ye;
    if (d.type == CT_DIGITS && year_at(x, d.s, &y, &ye) && ye == d.e)
        return;
    if (d.type == CT_DIGITS && is_alnum(at(x, d.e)))
        return;
    if ((kind == 2 && earnings__fn_cmp(c->v, d.v) >= 0) || (kind == 3 && earnings__fn_cmp(c->v, d.v) > 0))
        return;
    if (kind != 3) {
        const fig_lex *e;
        size_t w = skip_sp(x, d.e);
        l0 = at(x, d.e) == '%' || at(x, d.e) == '-' || at(x, d.e) == '/';
        if (l0 || (w - d.e <= 1 && lexm(x, w, FL_UNIT | FL_PCT | FL_PP | FL_BPS | FL_CURPOST | FL_SUFFIX | FL_PERIOD |
                                                  FL_MONTH | FL_SCALE, FL_ATTACHONLY | FL_SPACEDNO, &e)))
            return;
        fig_cand tmp;
        memset(&tmp, 0, sizeof tmp);
        if (w > d.e && en_counted_noun(x, d.e, &tmp) && kind == 1)
            return;
    }
    c->v = earnings__fn_div(c->v, d.v);
    c->pre = c->v;
    c->e = d.e;
    c->frac = 1;
    c->one_alone = 0;
    c->has_scale = 0;
}

/* An ordinal word alone (first, second, third...): `the first expense`,
 * `the first is`, `their first purchase`, `in first days`, `event first
 * night` are ordinals; sentence enumerators (`First,`, `Second, ...`,
 * `First of all`) and the adverb (`we first started`, `is first
 * reflected`) are not figures. */
static int ordinal_is_figure(const scan *x, const core *c)
{
    static const char *const det[] = {"the", "their", "its", "our", "my", "his", "her", "your", "this", "that",
                                      "these", "those", "whose", "every", "each", NULL};
    static const char *const adv[] = {"we", "i", "they", "you", "he", "she", "it", "is", "was", "are", "were",
                                      "be", "been", "has", "have", "had", "will", "would", "can", "could",
                                      "should", "may", "might", "must", "did", "do", "does", "when", "who",
                                      "which", NULL};
    size_t pwe, pws = word_back(x, c->s, 0, &pwe);
    if (pws != (size_t)-1 && pwe + 1 >= c->s) {
        for (int i = 0; det[i]; i++)
            if (word_is(x, pws, pwe, det[i]))
                return 1;
        for (int i = 0; adv[i]; i++)
            if (word_is(x, pws, pwe, adv[i]))
                return 0;
    }
    if (at(x, c->e) != ' ')
        return 0; /* First, / first. / First: */
    size_t b = skip_sp_back(x, c->s, 0);
    if (is_upper(x->u[c->s]) && (b == 0 || x->u[b - 1] == '.' || x->u[b - 1] == '\n' || x->u[b - 1] == ':' ||
                                  x->u[b - 1] == '!' || x->u[b - 1] == '?' || x->u[b - 1] == '"'))
        return is_digit(at(x, c->e + 1)); /* First off, Second thing: sentence openers */
    size_t w = c->e + 1, we = word_end(x, w);
    if (is_digit(at(x, w)))
        return 1; /* first 100 days */
    if (we == w)
        return 0;
    const fig_lex *e;
    if (lexm(x, w, FL_NUM | FL_TENS, 0, &e) == we - w)
        return 1; /* first two games */
    if (word_is(x, w, we, "of") ||
        lexm(x, w, FL_STOP | FL_DIR | FL_DIRPOST | FL_CMP | FL_QUAL | FL_QUALPOST | FL_CURPOST | FL_PCT, 0, &e))
        return 0;
    if (we - w > 3 && (((x->u[we - 2] | 32) == 'e' && (x->u[we - 1] | 32) == 'd') ||
                       ((x->u[we - 2] | 32) == 'l' && (x->u[we - 1] | 32) == 'y')))
        return 0; /* first started, first reflected, first only */
    return 1;
}

/* `9M 2025` (the first nine months: year to date) and `12M` for months in
 * a table: in parentheses (`Added Capacity (12M)`) or after a preposition
 * of time (`3.8GW delivered in 12M;`), with a usual month count and no
 * currency or noun. Fills f and returns 1. */
static int months_m(const scan *x, const core *c, size_t lo, fig_cand *f)
{
    const fig_lex *e;
    if (c->type != CT_DIGITS || c->has_dec || c->has_sep || c->has_exp || c->frac || c->nint > 2 ||
        at(x, c->e) != 'M' || is_alnum(at(x, c->e + 1)) || at(x, c->e + 1) == '+' || !earnings__fn_is_int(c->v))
        return 0;
    if (match_back(x, c->s, lo, FL_CURPRE, &e) != (size_t)-1)
        return 0;
    int m = (int)earnings__fn_double(c->v);
    size_t me = c->e + 1, w = skip_sp(x, me), ye;
    int y;
    if (m >= 1 && m <= 11 && w == me + 1 && year_at(x, w, &y, &ye)) {
        char buf[16];
        fmt_period(buf, y, "YTD");
        return set_period(f, c->s, ye, KIND_PERIOD, buf);
    }
    if (!(m == 1 || m == 2 || m == 3 || m == 6 || m == 9 || m == 12 || m == 18 || m == 24 || m == 36))
        return 0;
    int ok = c->s > lo && x->u[c->s - 1] == '(' && at(x, me) == ')';
    if (ok) {
        /* after a heading word (Added Capacity (12M)), not a table cell
         * holding a negative amount (| (12M) |) */
        size_t b = skip_sp_back(x, c->s - 1, lo);
        ok = b > lo && is_alpha(x->u[b - 1]);
    }
    size_t pwe, pws = word_back(x, c->s, lo, &pwe);
    if (!ok && pws != (size_t)-1 && pwe + 1 == c->s && (w >= x->n || !is_alnum(x->u[w]))) {
        static const char *const prep[] = {"in", "over", "within", "next", "first", NULL};
        for (int i = 0; prep[i] && !ok; i++)
            ok = word_is(x, pws, pwe, prep[i]);
        if (!ok && m == 12 && (word_is(x, pws, pwe, "past") || word_is(x, pws, pwe, "last") ||
                               word_is(x, pws, pwe, "trailing")))
            return set_period(f, pws, me, KIND_PERIOD, "TTM");
    }
    if (!ok)
        return 0;
    memset(f, 0, sizeof *f);
    f->s = f->ns = c->s;
    f->e = f->ne = me;
    f->kind = KIND_QUANTITY;
    f->v = f->hi = c->v;
    f->umode = FU_STATIC;
    f->unit = "month";
    return 1;
}

/* A Chinese numeral of scale characters only (`百万`, `万`, `亿`, `千元`)
 * inside a parenthesis or after `单位`: a unit label, not a number. */
static int zh_unit_label(const scan *x, const core *c)
{
    for (size_t i = c->s; i < c->e; i += 3) {
        size_t l;
        int32_t cp = cp_at(x, i, &l);
        if (l != 3 || !(cp == 0x5341 || cp == 0x767E || cp == 0x5343 || cp == 0x4E07 || cp == 0x4EBF))
            return 0; /* 十 百 千 万 亿 */
    }
    size_t b = skip_sp_back(x, c->s, x->last_end), ps;
    if (b > 0 && x->u[b - 1] == '(')
        return 1;
    if (b > 0 && (x->u[b - 1] == ':' || x->u[b - 1] == ' '))
        b--;
    int32_t p1 = cp_before(x, b, &ps), p0 = ps > 0 ? cp_before(x, ps, &ps) : -1;
    return p0 == 0x5355 && p1 == 0x4F4D; /* 单位 */
}

static size_t handle_core(scan *x, core *c)
{
    fig_cand f;
    bstate bs;
    size_t lo = x->last_end;
    size_t l;

    if (c->type == CT_DIGITS || (c->type == CT_ZH && is_digit(x->u[c->s]))) {
        size_t skip = not_figure_digits(x, c);
        if (skip)
            return skip > c->e ? skip : c->e;
    }
    if (c->type == CT_ZH && zh_unit_label(x, c))
        return c->e; /* `营业收入(百万元)`, `单位：万元`: the unit of a table's numbers */
    /* N分之M: fractions and 百分之 */
    {
        size_t q = skip_sp(x, c->e), l2;
        if (cp_at(x, q, &l) == CP_FEN && cp_at(x, skip_sp(x, q + l), &l2) == CP_ZHI) {
            size_t r = skip_sp(x, skip_sp(x, q + l) + l2);
            core m;
            int neg = 0;
            if (cp_at(x, r, &l) == CP_FU || cp_at(x, r, &l) == CP_FU_T) {
                neg = 1;
                r += l;
            }
            if (parse_core_at(x, r, &m) && m.type != CT_WORDS && m.zh_weak != 2 &&
                !(m.zh_seq && m.zh_weak)) {
                double dn = earnings__fn_double(c->v);
                core fc = *c;
                fc.e = m.e;
                fc.zh_weak = 0;
                fc.has_scale = 0;
                fc.one_alone = 0;
                fnum mv = neg ? earnings__fn_neg(m.v) : m.v;
                /* 百分之, 千分之, 百万分之 (a denominator that starts with
                 * a unit character, not 一百分之): percent; pct - 1 is the
                 * power of ten the value is divided by */
                size_t l0;
                int bare = c->type == CT_ZH && zh_unit(cp_at(x, c->s, &l0)) != 0 && !c->qual;
                int e10 = -1;
                if (bare && c->v.ok && c->v.m == 1 && c->v.e >= 2 && c->v.e <= 16)
                    e10 = c->v.e;
                else if (bare && c->v.ok && c->v.e == 0 && (c->v.m == 100 || c->v.m == 1000))
                    e10 = c->v.m == 100 ? 2 : 3;
                if (e10 >= 2) {
                    fc.v = mv;
                    fc.pct = e10 - 1;
                    fc.num_s = m.s;
                    fc.num_e = m.e;
                } else if (dn != 0.0) {
                    fc.v = earnings__fn_div(mv, c->v);
                    fc.frac = 1;
                } else {
                    return m.e;
                }
                fc.pre = fc.v;
                *c = fc;
            } else {
                return r > c->e ? r : c->e;
            }
        }
        /* X又Y分之Z: mixed fractions */
        if (cp_at(x, c->e, &l) == 0x53C8 && !c->frac && !c->pct) {
            core yq;
            size_t r = c->e + l, l3;
            if (parse_core_at(x, r, &yq) && yq.type != CT_WORDS && cp_at(x, yq.e, &l) == CP_FEN &&
                cp_at(x, yq.e + l, &l3) == CP_ZHI) {
                core zq;
                if (parse_core_at(x, yq.e + l + l3, &zq) && zq.type != CT_WORDS &&
                    earnings__fn_double(yq.v) != 0.0) {
                    c->v = earnings__fn_add(c->v, earnings__fn_div(zq.v, yq.v));
                    c->pre = c->v;
                    c->e = zq.e;
                    c->frac = 1;
                    c->zh_weak = 0;
                    c->one_alone = 0;
                }
            }
        }
    }
    ratio_fraction(x, c);
    /* years and Chinese dates */
    int year;
    size_t ye;
    if (c->type == CT_DIGITS && year_at(x, c->s, &year, &ye) && ye == c->e) {
        const fig_lex *e;
        size_t w = skip_sp(x, ye);
        size_t cs = match_back(x, c->s, lo, FL_CURPRE, &e);
        int unitish = lexm(x, w, FL_SCALE | FL_SUFFIX | FL_PCT | FL_PP | FL_BPS | FL_UNIT | FL_CURPOST,
                           FL_ATTACHONLY | FL_SPACEDNO | FL_SINGULAR | FL_MONEYONLY, &e) != 0;
        if (at(x, ye) == '%' || is_alpha(at(x, ye)))
            unitish = 1;
        if (cp_at(x, w, &l) == CP_NIAN)
            unitish = 0; /* 2025年: the year */
        if (cs == (size_t)-1 && !unitish && (at(x, ye) == '-' || at(x, ye) == '/') && is_digit(at(x, ye + 1))) {
            /* a range of years: 2025-2026, 2021/2024, 2025-26 (one period) */
            int y2 = 0;
            size_t e2 = 0;
            if (!year_at(x, ye + 1, &y2, &e2) && is_digit(at(x, ye + 2)) && !is_alnum(at(x, ye + 3)) &&
                !(at(x, ye + 3) == '.' && is_digit(at(x, ye + 4))) &&
                !((at(x, ye + 3) == '-' || at(x, ye + 3) == '/') && is_digit(at(x, ye + 4)))) {
                y2 = year / 100 * 100 + (x->u[ye + 1] - '0') * 10 + (x->u[ye + 2] - '0');
                e2 = ye + 3;
            }
            if (y2 > year && y2 - year <= 10 && !((at(x, e2) == '-' || at(x, e2) == '/') && is_digit(at(x, e2 + 1)))) {
                char buf[16];
                fmt_period(buf, year, "/");
                fmt_period(buf + 5, y2, "");
                if (cp_at(x, e2, &l) == CP_NIAN)
                    e2 += l;
                set_period(&f, c->s, e2, KIND_PERIOD, buf);
                return emit(x, &f) ? x->n : f.e;
            }
        }
        if (cs == (size_t)-1 && !unitish) {
            if (w - ye <= 1 && cp_at(x, w, &l) == CP_NIAN && zh_after_year(x, c->s, w + l, year, &f))
                return emit(x, &f) ? x->n : f.e;
            const fig_lex *fy;
            size_t fyl = w - ye <= 1 && x->u[w] >= 0xE0 ? lexm(x, w, FL_PERIOD, 0, &fy) : 0;
            if (fyl && fy->val == FP_FY) {
                /* 2025财年, 2025财年第二财季: the fiscal year, or its quarter or half */
                zh_after_year(x, c->s, w + fyl, year, &f);
                if (!f.period[4]) {
                    char buf[16];
                    fmt_period(buf, year, "FY");
                    set_period(&f, c->s, w + fyl, KIND_PERIOD, buf);
                }
                return emit(x, &f) ? x->n : f.e;
            }
            if (cp_at(x, w, &l) != CP_NIAN) {
                size_t we = word_end(x, w);
                const fig_lex *oe;
                if (w > ye && at(x, w) == 'Q' && we == w + 1 && period_word(x, w, we, &f) &&
                    f.period[0] == 'Q' && f.period[2] == '\0') {
                    char buf[16];
                    fmt_period(buf, year, f.period);
                    size_t fe = f.e;
                    set_period(&f, c->s, fe, KIND_PERIOD, buf);
                    return emit(x, &f) ? x->n : f.e;
                }
                if (w > ye && we > w && lexm(x, w, FL_ORD, 0, &oe) == we - w &&
                    period_ordinal(x, w, we, oe->val, &f, year, c->s))
                    return emit(x, &f) ? x->n : f.e;
                char buf[16];
                fmt_period(buf, year, "");
                set_period(&f, c->s, ye, KIND_PERIOD, buf);
                return emit(x, &f) ? x->n : f.e;
            }
        }
    }
    if (c->type == CT_ZH && c->zh_seq) {
        size_t w = skip_sp(x, c->e);
        double yv = earnings__fn_double(c->v);
        if (cp_at(x, w, &l) == CP_NIAN && yv >= 1900 && yv <= 2099) {
            if (zh_after_year(x, c->s, w + l, (int)yv, &f))
                return emit(x, &f) ? x->n : f.e;
        }
    }
    {
        /* 10月30日, 三季度 */
        double v = earnings__fn_double(c->v);
        size_t w = c->e;
        if (c->type == CT_DIGITS && at(x, w) == ' ')
            w++;
        int32_t cp = cp_at(x, w, &l);
        if (cp == CP_YUE && v >= 1 && v <= 12 && v == (int)v && c->type != CT_WORDS) {
            size_t de = w + l, l2;
            core dc;
            if (parse_core_at(x, de, &dc) && dc.type != CT_WORDS) {
                double dv = earnings__fn_double(dc.v);
                int32_t rc = cp_at(x, dc.e, &l2);
                if (dv >= 1 && dv <= 31 && dv == (int)dv && (rc == CP_RI || rc == CP_HAO)) {
                    char buf[16];
                    fmt_date(buf, 0, (int)v, (int)dv);
                    set_period(&f, c->s, dc.e + l2, KIND_DATE, buf);
                    return emit(x, &f) ? x->n : f.e;
                }
            }
            return de; /* a month alone */
        }
        const fig_lex *e;
        size_t pl = lexm(x, w, FL_PERIOD, 0, &e);
        if (pl && e->val == FP_QUARTER && (unsigned char)e->text[0] >= 0x80 && v >= 1 && v <= 4 && v == (int)v) {
            size_t ps;
            int32_t pcp = cp_before(x, c->s, &ps);
            if (pcp == CP_QIAN || pcp == 0x540E || pcp == 0x4E0A || pcp == 0x4E0B || pcp == 0x672C ||
                pcp == 0x6BCF || pcp == 0x8FD9 || pcp == 0x8FD1 || pcp == 0x540C)
                return w + pl; /* 前三季度, 上一季度, 下一季度, 本季度, 每季度 */
            char buf[8] = {'Q', (char)('0' + (int)v), 0};
            set_period(&f, c->s, w + pl, KIND_PERIOD, buf);
            return emit(x, &f) ? x->n : f.e;
        }
    }

    if (months_m(x, c, lo, &f))
        return emit(x, &f) ? x->n : f.e;
    {
        /* 三位数增长, 两位数: a vague size (double-digit), not a figure */
        size_t l1, l2;
        if (cp_at(x, c->e, &l1) == 0x4F4D && cp_at(x, c->e + l1, &l2) == 0x6570)
            return c->e + l1 + l2;
    }
    int r = build(x, c, &f, lo, 0, &bs);
    if (r < 0)
        return f.e > c->e ? f.e : c->e;
    if (r == 0)
        return c->e;
    int weak = 0;
    if (c->zh_weak == 2)
        return f.e > c->e ? f.e : c->e; /* 二三十个 */
    if (f.kind == KIND_NUMBER && f.umode == FU_NONE && !c->pct && !bs.dozen)
        weak = (c->one_alone && earnings__fn_double(f.v) > 0) || (c->zh_weak && !bs.meas) ||
               (bs.meas && c->zh_weak == 3);
    if (c->type == CT_ZH && c->zh_weak && ((f.flags & EARNINGS_FIGURE_FLAG_COUNT) || bs.meas) &&
        (earnings__fn_double(c->v) == 1.0 || c->zh_weak == 3))
        weak = 1; /* 一家, 一个: the determiner; 拾起 */
    if (weak && c->type == CT_ZH && c->zh_weak == 1 && f.kind == KIND_NUMBER && earnings__fn_double(c->v) >= 2) {
        /* 前三甲, 前五: the top N */
        size_t ps;
        if (cp_before(x, c->s, &ps) == CP_QIAN)
            weak = 0;
    }
    if (f.kind == KIND_QUANTITY && f.umode == FU_STATIC && is_duration_unit(f.unit) && !f.qual &&
        earnings__fn_double(c->v) == 1.0 && (c->one_alone || (c->type == CT_ZH && c->zh_chars == 1)))
        weak = 1; /* 一年, 一个月, one year: a phrase, unless qualified (大约一年) */
    if (weak) {
        /* a weak number is still the low end of a range: 一到五 */
        try_range(x, &f, &bs, c);
        if (!f.is_range)
            return c->e;
    }
    if (c->standalone_ord && !ordinal_is_figure(x, c))
        return c->e;
    if (at(x, f.e) == '+' && !is_alnum(at(x, f.e + 1)) && f.e > c->e && !f.qual &&
        (f.kind == KIND_PERCENT || f.kind == KIND_QUANTITY || f.kind == KIND_MONEY)) {
        f.qual = EARNINGS_QUALIFIER_OVER; /* 50%+, 30 GW+ */
        f.e++;
    }
    if (f.s == c->s && name_number(x, c, lo) &&
        (f.kind == KIND_NUMBER || (f.kind == KIND_QUANTITY && (f.flags & EARNINGS_FIGURE_FLAG_COUNT))))
        return f.e;
    if (c->frac && !(f.v.ok))
        f.flags |= EARNINGS_FIGURE_FLAG_INEXACT;
    if (bs.meas && c->qual && f.umode == FU_NONE)
        f.e = bs.meas_s; /* 五百多个: an open bound ends at its numeral (as in the Recognizers specs) */
    if (f.kind == KIND_MONEY && !bs.between && !bs.from)
        try_two_part(x, &f, &bs);
    if (!f.is_range)
        try_range(x, &f, &bs, c);
    from_shared_scale(x, &f, &bs);
    post_qualifier(x, &f);
    zh_bi(x, &f, lo);
    try_pair(x, &f, c);
    if (f.kind != KIND_PERIOD && f.kind != KIND_DATE) {
        size_t taken = attach_dc(x, &f, lo > x->dc_end ? lo : x->dc_end, bs.from);
        if (taken)
            x->dc_end = taken;
    }
    if (!f.v.ok || !f.hi.ok)
        f.flags |= EARNINGS_FIGURE_FLAG_INEXACT;
    return emit(x, &f) ? x->n : f.e;
}

/* 第 + number: ordinals and 第三季度. */
static size_t handle_di(scan *x, size_t p, size_t after)
{
    core c;
    fig_cand f;
    size_t l;
    if (!parse_core_at(x, after, &c) || c.type == CT_WORDS)
        return after;
    if (c.type == CT_DIGITS && c.has_dec)
        return c.e;
    double v = earnings__fn_double(c.v);
    const fig_lex *e;
    size_t pl = lexm(x, c.e, FL_PERIOD, 0, &e);
    if (pl && e->val == FP_QUARTER && v >= 1 && v <= 4 && v == (int)v) {
        char buf[8] = {'Q', (char)('0' + (int)v), 0};
        set_period(&f, p, c.e + pl, KIND_PERIOD, buf);
        return emit(x, &f) ? x->n : f.e;
    }
    if (cp_at(x, c.e, &l) == 0x65B9) /* 第三方: third-party */
        return c.e + l;
    memset(&f, 0, sizeof f);
    f.s = p;
    f.e = c.e;
    f.ns = c.s;
    f.ne = c.e;
    f.kind = KIND_ORDINAL;
    f.v = f.hi = c.v;
    if (c.type != CT_DIGITS)
        f.flags |= EARNINGS_FIGURE_FLAG_WORDS;
    return emit(x, &f) ? x->n : f.e;
}

/* ---- fractions with compound ordinal denominators ---------------------------- */

typedef struct wtok {
    size_t s, e;
    int joined; /* hyphen before it */
    const fig_lex *lx;
} wtok;

/* Value of the cardinal words t[a..b); 0 if they do not form one. *state
 * gets the kind of the last word (1 unit/teen, 2 tens, 3 hundred, 4 scale). */
static int64_t words_value(const wtok *t, int a, int b, int *state)
{
    int64_t total = 0, cur = 0;
    int last = 0;
    for (int i = a; i < b; i++) {
        const fig_lex *e = t[i].lx;
        if (e->cls & (FL_ORD | FL_FRAC))
            return 0;
        if (e->cls & FL_TENS) {
            if (last == 1 || last == 2)
                return 0;
            cur += e->val;
            last = 2;
        } else if (e->cls & FL_NUM) {
            if (last == 1 || (last == 2 && e->val >= 10))
                return 0;
            cur += e->val;
            last = 1;
        } else if (e->cls & FL_HUNDRED) {
            if (!cur || cur >= 100 || last == 3)
                return 0;
            cur *= 100;
            last = 3;
        } else if ((e->cls & FL_SCALE) && e->exp <= 12) {
            if (!cur)
                return 0;
            int64_t m = 1;
            for (int k = 0; k < e->exp; k++)
                m *= 10;
            total += cur * m;
            cur = 0;
            last = 4;
        } else {
            return 0;
        }
    }
    *state = last;
    return total + cur;
}

/* one twenty-fifth, three twenty-firsts, one hundred thirty fifths (100/35),
 * ninety-five hundred fifths: a numerator in words, then a denominator that
 * ends in an ordinal. The denominator is the longest tail that reads as an
 * ordinal number, does not split a hyphenated word and agrees in number
 * (singular after one). Returns 1 and fills c. */
static int word_ord_fraction(const scan *x, size_t p, core *c)
{
    wtok t[12];
    int n = 0;
    size_t q = p;
    while (n < 12) {
        size_t w = q;
        int joined = 0;
        if (n) {
            w = skip_sp(x, q);
            if (at(x, w) == '-') {
                joined = 1;
                w = skip_sp(x, w + 1);
            } else if (w == q) {
                break;
            }
        }
        if (!is_alpha(at(x, w)))
            break;
        size_t we = word_end(x, w);
        const fig_lex *e;
        if (lexm(x, w, FL_NUM | FL_TENS | FL_HUNDRED | FL_SCALE | FL_ORD | FL_FRAC, 0, &e) != we - w)
            break;
        t[n].s = w;
        t[n].e = we;
        t[n].joined = joined;
        t[n].lx = e;
        n++;
        q = we;
        if (e->cls & (FL_ORD | FL_FRAC))
            break;
    }
    if (n < 2 || !(t[n - 1].lx->cls & (FL_ORD | FL_FRAC)) || (t[n - 1].lx->cls & FL_HALF))
        return 0;
    const fig_lex *last = t[n - 1].lx;
    int plural = (last->cls & FL_PLURAL) != 0;
    if ((last->text[0] | 32) == 'q' || (last->text[0] == 'h' && last->val == 2))
        return 0; /* quarters, halves: parse_words */
    for (int k = 1; k < n; k++) {
        if (t[k].joined || (t[k].lx->cls & (FL_HUNDRED | FL_SCALE)))
            continue;
        int st = 0, sd = 0;
        int64_t num = words_value(t, 0, k, &st);
        if (num <= 0)
            continue;
        int has_big = 0;
        for (int i = 0; i < k; i++)
            has_big |= (t[i].lx->cls & (FL_HUNDRED | FL_SCALE)) != 0;
        if (n - k == 1 && !has_big)
            return 0; /* two thirds: parse_words */
        int64_t card = k < n - 1 ? words_value(t, k, n - 1, &sd) : 0;
        if (k < n - 1 && card <= 0)
            continue;
        int64_t ov = last->val, den;
        if (ov >= 100) {
            den = (card ? card : 1) * ov;
        } else {
            if (card && (sd == 1 || (sd == 2 && (ov >= 10 || card % 10))))
                continue;
            den = card + ov;
        }
        if (den <= 2 || (plural ? num == 1 : num != 1))
            continue;
        if (n - k == 1 && last->val == 2)
            continue; /* seconds */
        core_init(c, p);
        c->type = CT_WORDS;
        c->v = earnings__fn_div(earnings__fn_int(num), earnings__fn_int(den));
        c->pre = c->v;
        c->e = t[n - 1].e;
        c->frac = 1;
        return 1;
    }
    return 0;
}

#define TRIGGER (FL_NUM | FL_TENS | FL_HUNDRED | FL_DOZEN | FL_ORD | FL_FRAC | FL_MONTH | FL_PERIOD)

static size_t handle_word(scan *x, size_t p)
{
    size_t we = word_end(x, p);
    fig_cand f;
    core c;
    unsigned char nx = at(x, we);
    if (bclass[nx] & B_AFTER) {
        if (is_digit(nx)) {
            /* Q3, H1, FY2025; otherwise an identifier: EC2, Trainium2, x86 */
            if (period_word(x, p, we, &f))
                return emit(x, &f) ? x->n : f.e;
            const fig_lex *ce;
            if (lexm(x, p, FL_CURPRE, 0, &ce) == we - p && we - p == 3 && is_upper(x->u[p]) && !is_alnum(at(x, alnum_end(x, we))))
                return we; /* USD115: the digits follow */
            size_t e = alnum_end(x, we);
            while (at(x, e) == '-' && is_alnum(at(x, e + 1)) && is_digit(at(x, e - 1)))
                e = alnum_end(x, e + 1);
            return e;
        }
        if ((nx == ':' && at(x, we + 1) == '/') || (word_is(x, p, we, "www") && nx == '.')) {
            size_t e = we;
            while (e < x->n && x->u[e] != ' ' && x->u[e] != '\n' && x->u[e] != '\t')
                e++;
            return e;
        }
        if (nx == '@') {
            size_t e = we;
            while (e < x->n && x->u[e] != ' ' && x->u[e] != '\n' && x->u[e] != '\t')
                e++;
            return e;
        }
    }
    int is_a = we - p == 1 && (x->u[p] | 32) == 'a';
    if (we - p > 6 && word_is(x, we - 4, we, "fold") && at(x, we) != '-') {
        /* twofold, fourfold, tenfold: a multiple */
        static const char *const fw[] = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                         "twelve", "fifteen", "twenty", "fifty", "hundred", "thousand", NULL};
        static const int fv[] = {2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 50, 100, 1000};
        for (int i = 0; fw[i]; i++) {
            if (word_is(x, p, we - 4, fw[i])) {
                core_init(&c, p);
                c.type = CT_WORDS;
                c.v = c.pre = earnings__fn_int(fv[i]);
                c.e = we;
                c.fold = 1;
                return handle_core(x, &c);
            }
        }
        return we;
    }
    if (!is_a) {
        /* a number word, month or period word begins here? */
        const fig_key *k;
        if (!(earnings__figlex_classes_at(x->ix, x->u, x->n, p) & TRIGGER) || !(k = key_at(x, p)) ||
            !(k->cls & TRIGGER))
            return we;
    }
    if (!is_a && period_word(x, p, we, &f))
        return emit(x, &f) ? x->n : f.e;
    if (!is_a && word_ord_fraction(x, p, &c))
        return handle_core(x, &c);
    if (parse_words(x, p, &c)) {
        /* 3rd-style ordinal words handled; "third quarter" was a period */
        if (c.ordinal && c.e == we)
            c.standalone_ord = 1;
        if (c.ordinal && at(x, c.e) == '-' && is_alpha(at(x, c.e + 1)))
            return word_end(x, c.e + 1); /* third-party, second-largest */
        return handle_core(x, &c);
    }
    return we;
}

static int zh_starts_figure(int32_t cp)
{
    return zh_digit(cp) >= 0 || zh_unit(cp) || cp == CP_BAN || cp == CP_DI || cp == 0x8FC7 || cp == 0x4E0A ||
           cp == 0x4E0B || cp == 0x5168 || cp == 0x5E74 || cp == 0x4ECA || cp == CP_QIAN;
}

int earnings__figscan(const char *text, size_t n, fig_sink sink, void *ud)
{
    scan xs = {text, (const unsigned char *)text, n, 0, 0, sink, ud, 0, 0, 0, earnings__figlex_index(), SIZE_MAX, NULL};
    scan *x = &xs;
    size_t p = 0;
    pthread_once(&zh_start_once, zh_start_build);
    while (p < n && !x->rc) {
        unsigned char ch = x->u[p];
        if (!(bclass[ch] & B_START)) {
            /* spaces and punctuation */
            do
                p++;
            while (p < n && !(bclass[x->u[p]] & B_START));
            continue;
        }
        if (ch < 0x80) {
            if (is_digit(ch) ||
                (ch == '.' && is_digit(at(x, p + 1)) && (p == 0 || (!is_alnum(x->u[p - 1]) && x->u[p - 1] < 0x80)))) {
                /* (.25 but not 元.2025: a full stop folded from 。) */
                core c;
                int glued_code = 0;
                if (p >= 3 && is_upper(x->u[p - 1]) && is_upper(x->u[p - 2]) && is_upper(x->u[p - 3]) &&
                    (p == 3 || !is_alnum(x->u[p - 4]))) {
                    const fig_lex *ce;
                    glued_code = lexm(x, p - 3, FL_CURPRE, 0, &ce) == 3;
                }
                if (!glued_code &&
                    p > 0 && (is_alpha(x->u[p - 1]) || (x->u[p - 1] == '.' && p > 1 && is_digit(x->u[p - 2])))) {
                    /* inside a name or after "1.": skip the run (at least the
                     * character at p, which may be the '.' of "1..5") */
                    p = alnum_end(x, p + 1);
                    continue;
                }
                /* digit + Q/H: 3Q25, 1H 2025 */
                if ((at(x, p + 1) == 'Q' || at(x, p + 1) == 'H') && !is_alpha(at(x, p + 2))) {
                    int v = ch - '0';
                    char code = (char)x->u[p + 1];
                    if (v >= 1 && ((code == 'Q' && v <= 4) || (code == 'H' && v <= 2))) {
                        size_t e = p + 2;
                        int year = 0;
                        if (is_digit(at(x, e)) && is_digit(at(x, e + 1)) && !is_alnum(at(x, e + 2))) {
                            year = 2000 + (x->u[e] - '0') * 10 + (x->u[e + 1] - '0');
                            e += 2;
                        } else if (is_digit(at(x, e))) {
                            p = alnum_end(x, e);
                            continue;
                        } else {
                            size_t ye = year_after(x, e, &year);
                            if (ye)
                                e = ye;
                        }
                        fig_cand f;
                        char buf[16], cd[3] = {code, (char)ch, 0};
                        fmt_period(buf, year, cd);
                        set_period(&f, p, e, KIND_PERIOD, buf);
                        emit(x, &f);
                        p = f.e;
                        continue;
                    }
                }
                int r = parse_digits(x, p, &c);
                if (r < 0) {
                    size_t e = p;
                    while (e < n && (is_alnum(x->u[e]) || (x->u[e] == '.' && is_digit(at(x, e + 1)))))
                        e++;
                    p = e;
                    continue;
                }
                if (r == 0) {
                    p++;
                    continue;
                }
                parse_zh(x, p, &c, 1);
                /* day month year: 30 September 2025 */
                if (c.type == CT_DIGITS && !c.has_dec && !c.has_sep && c.nint <= 2 && at(x, c.e) == ' ' &&
                    is_upper(at(x, c.e + 1))) {
                    const fig_lex *e;
                    size_t w = c.e + 1, we = word_end(x, w);
                    double dv = earnings__fn_double(c.v);
                    if (lexm(x, w, FL_MONTH, 0, &e) == we - w && dv >= 1 && dv <= 31) {
                        fig_cand f;
                        int y = 0;
                        size_t end = we, ye;
                        size_t r2 = skip_sp(x, we);
                        if (year_at(x, r2, &y, &ye))
                            end = ye;
                        else
                            y = 0;
                        char buf[16];
                        fmt_date(buf, y, e->val, (int)dv);
                        set_period(&f, p, end, KIND_DATE, buf);
                        emit(x, &f);
                        p = f.e;
                        continue;
                    }
                }
                /* ISO and US dates: 2025-10-30, 2025/10/30, 10/30/2025 */
                if (c.type == CT_DIGITS && !c.has_dec && !c.has_sep) {
                    unsigned char sep = at(x, c.e);
                    if ((sep == '-' || sep == '/') && is_digit(at(x, c.e + 1))) {
                        int a = 0, b = 0, cc = 0, na = c.nint, nb = 0, nc = 0;
                        size_t r2 = c.s;
                        while (is_digit(at(x, r2))) { /* na counts the digits; a needs only 5 */
                            if (a < 100000)
                                a = a * 10 + (x->u[r2] - '0');
                            r2++;
                        }
                        r2++;
                        while (is_digit(at(x, r2)) && nb < 5) {
                            b = b * 10 + (x->u[r2++] - '0');
                            nb++;
                        }
                        if (at(x, r2) == sep && is_digit(at(x, r2 + 1))) {
                            r2++;
                            while (is_digit(at(x, r2)) && nc < 5) {
                                cc = cc * 10 + (x->u[r2++] - '0');
                                nc++;
                            }
                            int y = 0, m = 0, d = 0;
                            if (na == 4 && nb <= 2 && nc <= 2) {
                                y = a;
                                m = b;
                                d = cc;
                            } else if (sep == '/' && na <= 2 && nb <= 2 && nc == 4) {
                                m = a;
                                d = b;
                                y = cc;
                            }
                            if (y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
                                !is_alnum(at(x, r2))) {
                                fig_cand f;
                                char buf[16];
                                fmt_date(buf, y, m, d);
                                set_period(&f, p, r2, KIND_DATE, buf);
                                emit(x, &f);
                                p = f.e;
                                continue;
                            }
                        }
                    }
                }
                p = handle_core(x, &c);
                continue;
            }
            if (is_alpha(ch)) {
                if (p > 0 && is_alnum(x->u[p - 1])) {
                    p = alnum_end(x, p);
                    continue;
                }
                p = handle_word(x, p);
                continue;
            }
            p++;
            continue;
        }
        if (ch >= 0xE4 && ch <= 0xE9 && p + 2 < n && (x->u[p + 1] & 0xC0) == 0x80 &&
            (x->u[p + 2] & 0xC0) == 0x80) {
            uint32_t h = ((ch & 0x0Fu) << 12) | ((x->u[p + 1] & 0x3Fu) << 6) | (x->u[p + 2] & 0x3Fu);
            if (!(zh_start_bits[(h - ZH_FIRST) >> 3] & (1u << (h & 7)))) {
                p += 3; /* a Han character that starts no figure */
                continue;
            }
        }
        size_t l;
        int32_t cp = cp_at(x, p, &l);
        if (zh_digit(cp) >= 0 || zh_unit(cp) || cp == CP_BAN) {
            core c;
            if (parse_zh(x, p, &c, 0)) {
                p = handle_core(x, &c);
                continue;
            }
        } else if (cp == CP_DI) {
            size_t l2;
            int32_t nx = cp_at(x, p + l, &l2);
            if (zh_digit(nx) >= 0 || zh_unit(nx) || (nx >= '0' && nx <= '9')) {
                p = handle_di(x, p, p + l);
                continue;
            }
        } else if (cp == 0x8FC7 || cp == 0x4E0A || cp == 0x4E0B || cp == 0x5168 || cp == 0x5E74 || cp == 0x4ECA ||
                   cp == 0x524D) {
            /* 过去12个月, 上半年, 下半年, 全年, 年初至今, 今年迄今, 前三季度 */
            const fig_lex *e;
            size_t pl = lexm(x, p, FL_PERIOD, 0, &e);
            if (pl && (e->val == FP_H1 || e->val == FP_H2 || e->val == FP_TTM || e->val == FP_YTD ||
                       (e->val == FP_FY && cp == 0x5168))) {
                fig_cand f;
                set_period(&f, p, p + pl, KIND_PERIOD, e->sym);
                emit(x, &f);
                p = f.e;
                continue;
            }
        }
        p += l;
    }
    return x->rc;
}
