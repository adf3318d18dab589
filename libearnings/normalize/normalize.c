/* Stage 1: normalization (NFKC + punctuation, space and dash folding, optional
 * case folding and Traditional->Simplified) with an exact offset map.
 *
 * The input is cut into units: a character that can start a combining
 * sequence plus every following character that might combine with it
 * (combining marks, ccc=0 vowel signs that compose, Hangul V/T jamo, judged on
 * the first code point of the character's decomposition). NFKC never
 * crosses a unit boundary, so every unit is normalized alone and the result
 * is the concatenation of the units' results.
 *
 * Units that come out unchanged (almost all of them) are never copied one by
 * one: the scanner only remembers where the current run of unchanged bytes
 * began and copies the whole run with memcpy when a changed unit (or the end)
 * is reached. If nothing changed, the text is copied once and the map is the
 * identity.
 *
 * The offset map is a run list of segments {n, o, linear}: segment i covers
 * normalized bytes [n_i, n_{i+1}) and original bytes [o_i, o_{i+1}); the last
 * segment is a sentinel {len, orig_len}. A linear segment holds unchanged
 * bytes (or ASCII case-folded bytes): offsets map one to one. A non-linear
 * segment is one changed unit and is atomic. A dropped unit (zero-width
 * characters) is a segment of zero normalized length.
 */
#include <stdatomic.h>
#include <string.h>

#include <unicode/utrans.h>
#include <unicode/utf16.h>
#include <utf8proc.h>

#include "normalize/normalize_internal.h"

#define KNOWN_FLAGS                                                                                \
    (EARNINGS_NORMALIZE_CASEFOLD | EARNINGS_NORMALIZE_SIMPLIFIED |                                 \
     EARNINGS_NORMALIZE_KEEP_CJK_PUNCT | EARNINGS_NORMALIZE_REPLACE_INVALID)

typedef struct norm_seg {
    uint32_t n;     /* first normalized byte */
    uint32_t o;     /* first original byte */
    uint32_t linear; /* 1: bytes map one to one */
} norm_seg;

struct earnings_normalized {
    char *text;      /* normalized bytes, NUL-terminated */
    size_t len;      /* normalized length */
    size_t orig_len; /* original length */
    int identity;    /* text is byte for byte the original */
    norm_seg *segs;  /* NULL when the map is the identity */
    size_t nsegs;    /* including the sentinel */
};

/* ---- options ------------------------------------------------------------ */

EARNINGS_API int earnings_normalize_options_init(earnings_normalize_options *opts, unsigned int version)
{
    if (!opts)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_normalize_options_init: opts is NULL");
    if (version == 0 || version > EARNINGS_NORMALIZE_OPTIONS_VERSION)
        return earnings__error(EARNINGS_EVERSION, -1,
                               "earnings_normalize_options_init: unknown options version %u", version);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    opts->flags = 0;
    return EARNINGS_OK;
}

/* ---- character classes --------------------------------------------------- */

enum { CLS_STABLE, CLS_CONT, CLS_SLOW };

#define MAP_NONE (-2) /* not one of our foldings */
#define MAP_DROP (-1) /* dropped */

/* CJK punctuation kept as is with EARNINGS_NORMALIZE_KEEP_CJK_PUNCT. */
static int is_cjk_punct(int32_t cp)
{
    switch (cp) {
    case 0x3001: case 0x3002: case 0x3010: case 0x3011:
    case 0xFF01: case 0xFF08: case 0xFF09: case 0xFF0C: case 0xFF1A: case 0xFF1B: case 0xFF1F:
    case 0x2018: case 0x2019: case 0x201C: case 0x201D:
        return 1;
    default:
        return 0;
    }
}

/* Our foldings, applied to code points after NFKC. */
static int32_t fold_map(int32_t cp, int keep_punct)
{
    if (cp < 0xA0)
        return MAP_NONE;
    switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        return ' ';
    case 0x2028: case 0x2029:
        return '\n';
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
        return MAP_DROP;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    case 0x201A: case 0x201B:
        return '\'';
    case 0x201E: case 0x201F:
        return '"';
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return ' ';
    if (keep_punct && is_cjk_punct(cp))
        return MAP_NONE;
    switch (cp) {
    case 0x2018: case 0x2019: return '\'';
    case 0x201C: case 0x201D: return '"';
    case 0x3001: return ',';
    case 0x3002: return '.';
    case 0x3010: return '[';
    case 0x3011: return ']';
    default: return MAP_NONE;
    }
}

static int is_han(int32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x323AF);
}

/* ---- builder --------------------------------------------------------------- */

typedef struct t2s_entry {
    int32_t key; /* code point + 1; 0 = empty */
    int32_t val;
} t2s_entry;

typedef struct builder {
    const unsigned char *in;
    size_t len;
    uint32_t flags;
    utf8proc_option_t uopts;
    char *out;
    size_t olen, ocap;
    norm_seg *segs;
    size_t nsegs, scap;
    int changed;
    utf8proc_int32_t *cps; /* unit code points */
    size_t cpcap;
    char *ubuf; /* encoded unit output */
    size_t ubcap;
    UTransliterator *trans;
    t2s_entry *t2s;
    size_t t2s_cap, t2s_count;
} builder;

static void builder_release(builder *b)
{
    earnings__free(b->out);
    earnings__free(b->segs);
    earnings__free(b->cps);
    earnings__free(b->ubuf);
    earnings__free(b->t2s);
    if (b->trans)
        utrans_close(b->trans);
}

static int icu_error(UErrorCode st, const char *what)
{
    if (st == U_MEMORY_ALLOCATION_ERROR)
        return earnings__enomem();
    return earnings__error(EARNINGS_EICU, -1, "earnings_normalize: %s: %s", what, u_errorName(st));
}

/* Traditional -> Simplified of one Han code point, through ICU, cached for
 * the call. A result that is not one code point leaves cp unchanged. */
static int t2s_icu(builder *b, int32_t cp, int32_t *res)
{
    if (!b->trans) {
        static const UChar id[] = { 'T', 'r', 'a', 'd', 'i', 't', 'i', 'o', 'n', 'a', 'l', '-',
                                    'S', 'i', 'm', 'p', 'l', 'i', 'f', 'i', 'e', 'd', 0 };
        UErrorCode st = U_ZERO_ERROR;
        b->trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
        if (U_FAILURE(st)) {
            if (b->trans)
                utrans_close(b->trans);
            b->trans = NULL;
            return icu_error(st, "cannot open the Traditional-Simplified transliterator");
        }
    }
    UChar buf[32];
    int32_t n = 0;
    U16_APPEND_UNSAFE(buf, n, cp);
    int32_t limit = n;
    UErrorCode st = U_ZERO_ERROR;
    utrans_transUChars(b->trans, buf, &n, (int32_t)(sizeof buf / sizeof buf[0]), 0, &limit, &st);
    if (U_FAILURE(st))
        return icu_error(st, "Traditional-Simplified transliteration failed");
    *res = cp;
    if (n >= 1 && n <= 2) {
        int32_t i = 0;
        UChar32 c;
        U16_NEXT(buf, i, n, c);
        if (i == n && c >= 0)
            *res = c;
    }
    return 0;
}

/* Process-wide memo of Traditional -> Simplified for U+3400..U+9FFF: 0 is
 * "not known yet", else the result + 1. Entries are only ever set to the one
 * value ICU gives, so concurrent calls race harmlessly (relaxed atomics);
 * after warm-up no call needs ICU for these characters. */
#define T2S_LO 0x3400
#define T2S_HI 0x9FFF
static _Atomic uint32_t t2s_memo[T2S_HI - T2S_LO + 1];

static int t2s(builder *b, int32_t cp, int32_t *res)
{
    if (cp >= T2S_LO && cp <= T2S_HI) {
        uint32_t v = atomic_load_explicit(&t2s_memo[cp - T2S_LO], memory_order_relaxed);
        if (v) {
            *res = (int32_t)(v - 1);
            return 0;
        }
        int rc = t2s_icu(b, cp, res);
        if (rc)
            return rc;
        atomic_store_explicit(&t2s_memo[cp - T2S_LO], (uint32_t)*res + 1, memory_order_relaxed);
        return 0;
    }
    /* other Han blocks are rare: a cache for this call */
    if (b->t2s_count * 2 >= b->t2s_cap) {
        size_t ncap = b->t2s_cap ? b->t2s_cap * 2 : 64;
        t2s_entry *nt = earnings__calloc(ncap, sizeof *nt);
        if (!nt)
            return earnings__enomem();
        for (size_t i = 0; i < b->t2s_cap; i++) {
            if (!b->t2s[i].key)
                continue;
            size_t h = ((uint32_t)b->t2s[i].key * 2654435761u) & (ncap - 1);
            while (nt[h].key)
                h = (h + 1) & (ncap - 1);
            nt[h] = b->t2s[i];
        }
        earnings__free(b->t2s);
        b->t2s = nt;
        b->t2s_cap = ncap;
    }
    size_t h = ((uint32_t)(cp + 1) * 2654435761u) & (b->t2s_cap - 1);
    while (b->t2s[h].key) {
        if (b->t2s[h].key == cp + 1) {
            *res = b->t2s[h].val;
            return 0;
        }
        h = (h + 1) & (b->t2s_cap - 1);
    }
    int rc = t2s_icu(b, cp, res);
    if (rc)
        return rc;
    b->t2s[h].key = cp + 1;
    b->t2s[h].val = *res;
    b->t2s_count++;
    return 0;
}

/* First code point of the decomposition of cp under our options. */
static int32_t first_decomposed(const builder *b, int32_t cp, const utf8proc_property_t **prop)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->decomp_seqindex != UINT16_MAX ||
        ((b->flags & EARNINGS_NORMALIZE_CASEFOLD) && p->casefold_seqindex != UINT16_MAX)) {
        utf8proc_int32_t buf[32];
        int bc = 0;
        utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 32, b->uopts, &bc);
        if (n >= 1) {
            cp = buf[0];
            p = utf8proc_get_property(cp);
        }
    }
    *prop = p;
    return cp;
}

/* Whether cp may combine with what precedes it (so it cannot start a unit). */
static int is_cont(const builder *b, int32_t cp)
{
    if (cp < 0x300)
        return 0;
    const utf8proc_property_t *p;
    int32_t f = first_decomposed(b, cp, &p);
    return p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN ||
           p->category == UTF8PROC_CATEGORY_MC || p->category == UTF8PROC_CATEGORY_ME ||
           (f >= 0x1160 && f <= 0x11FF) || (f >= 0xD7B0 && f <= 0xD7FF);
}

/* Quick classification of a non-ASCII code point: STABLE (never changes and
 * starts a unit), CONT (may attach to the preceding character) or SLOW (may
 * change: run the full unit pipeline). Returns a negative code on error. */
static int quick_class(builder *b, int32_t cp)
{
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
        if (!(b->flags & EARNINGS_NORMALIZE_SIMPLIFIED))
            return CLS_STABLE;
        int32_t r;
        int rc = t2s(b, cp, &r);
        if (rc)
            return rc;
        return r == cp ? CLS_STABLE : CLS_SLOW;
    }
    if (fold_map(cp, (b->flags & EARNINGS_NORMALIZE_KEEP_CJK_PUNCT) != 0) != MAP_NONE)
        return CLS_SLOW;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->decomp_seqindex != UINT16_MAX)
        return CLS_SLOW;
    if ((b->flags & EARNINGS_NORMALIZE_CASEFOLD) && p->casefold_seqindex != UINT16_MAX)
        return CLS_SLOW;
    if (p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN ||
        p->category == UTF8PROC_CATEGORY_MC || p->category == UTF8PROC_CATEGORY_ME ||
        (cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF))
        return CLS_CONT;
    if ((b->flags & EARNINGS_NORMALIZE_SIMPLIFIED) && is_han(cp)) {
        int32_t r;
        int rc = t2s(b, cp, &r);
        if (rc)
            return rc;
        return r == cp ? CLS_STABLE : CLS_SLOW;
    }
    return CLS_STABLE;
}

/* ---- output ---------------------------------------------------------------- */

static int out_reserve(builder *b, size_t extra)
{
    if (extra > UINT32_MAX - b->olen)
        return earnings__error(EARNINGS_ETOOBIG, -1,
                               "earnings_normalize: normalized text would exceed 4 GiB");
    return earnings__grow((void **)&b->out, &b->ocap, b->olen + extra + 1, 1);
}

enum { SEG_LINEAR, SEG_CHANGED, SEG_DROPPED };

static int seg_push(builder *b, size_t o, int kind)
{
    if (b->nsegs) {
        norm_seg *last = &b->segs[b->nsegs - 1];
        if (kind == SEG_LINEAR && last->linear)
            return 0; /* extends the previous linear run */
        if (kind == SEG_DROPPED && !last->linear && last->n == b->olen)
            return 0; /* the previous drop extends to here */
    }
    if (b->nsegs == b->scap &&
        earnings__grow((void **)&b->segs, &b->scap, b->nsegs + 1, sizeof *b->segs))
        return EARNINGS_ENOMEM;
    norm_seg *s = &b->segs[b->nsegs++];
    s->n = (uint32_t)b->olen;
    s->o = (uint32_t)o;
    s->linear = kind == SEG_LINEAR;
    return 0;
}

/* Lower-case the ASCII letters of d[0..n) in place, 8 bytes at a time;
 * bytes >= 0x80 are left alone. */
static void fold_ascii(builder *b, char *d, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t any = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, d + i, 8);
        uint64_t low7 = w & ~high;
        uint64_t ge_a = low7 + (0x80 - 'A') * ones; /* high bit: byte >= 'A' */
        uint64_t gt_z = low7 + (0x7F - 'Z') * ones; /* high bit: byte > 'Z' */
        uint64_t upper = (ge_a & ~gt_z) & ~w & high;
        if (upper) {
            w ^= upper >> 2; /* 0x80 >> 2 == 0x20 */
            memcpy(d + i, &w, 8);
            any = 1;
        }
    }
    for (; i < n; i++)
        if ((unsigned char)(d[i] - 'A') < 26) {
            d[i] = (char)(d[i] + ('a' - 'A'));
            any = 1;
        }
    if (any)
        b->changed = 1;
}

/* Copy the unchanged original bytes [from, to) (ASCII case-folded with
 * CASEFOLD) as a linear segment. */
static int flush_run(builder *b, size_t from, size_t to)
{
    if (to <= from)
        return 0;
    size_t n = to - from;
    int rc = out_reserve(b, n);
    if (rc)
        return rc;
    if ((rc = seg_push(b, from, SEG_LINEAR)) != 0)
        return rc;
    char *d = b->out + b->olen;
    memcpy(d, b->in + from, n);
    if (b->flags & EARNINGS_NORMALIZE_CASEFOLD)
        fold_ascii(b, d, n);
    b->olen += n;
    return 0;
}

/* Emit a changed unit [u0, u1) whose normalized bytes are b->ubuf[0..n),
 * after the pending unchanged run [run, u0). */
static int emit_changed(builder *b, size_t run, size_t u0, const char *bytes, size_t n)
{
    int rc = flush_run(b, run, u0);
    if (rc)
        return rc;
    b->changed = 1;
    if ((rc = seg_push(b, u0, n ? SEG_CHANGED : SEG_DROPPED)) != 0)
        return rc;
    if (n) {
        if ((rc = out_reserve(b, n)) != 0)
            return rc;
        memcpy(b->out + b->olen, bytes, n);
        b->olen += n;
    }
    return 0;
}

static int cps_reserve(builder *b, size_t need)
{
    return earnings__grow((void **)&b->cps, &b->cpcap, need, sizeof *b->cps);
}

/* NFKC (with the utf8proc options) of the UTF-8 bytes s[0..n), appended to
 * b->cps from index at. Returns the new count or a negative code. */
static utf8proc_ssize_t nfkc_append(builder *b, const unsigned char *s, size_t n, size_t at)
{
    for (;;) {
        utf8proc_ssize_t room = (utf8proc_ssize_t)(b->cpcap - at);
        utf8proc_ssize_t r = utf8proc_decompose(s, (utf8proc_ssize_t)n, b->cps + at, room, b->uopts);
        if (r < 0)
            return earnings__error(EARNINGS_EINTERNAL, -1, "earnings_normalize: utf8proc: %s",
                                   utf8proc_errmsg(r));
        if (r > room) {
            if (cps_reserve(b, at + (size_t)r))
                return EARNINGS_ENOMEM;
            continue;
        }
        r = utf8proc_normalize_utf32(b->cps + at, r, b->uopts);
        if (r < 0)
            return earnings__error(EARNINGS_EINTERNAL, -1, "earnings_normalize: utf8proc: %s",
                                   utf8proc_errmsg(r));
        return (utf8proc_ssize_t)at + r;
    }
}

/* Normalize the unit [u0, u1) whose first code point is cp0 (length k0).
 * Sets *same when the result equals the original bytes; otherwise emits it
 * after the pending run [run, u0). */
static int process_unit(builder *b, size_t run, size_t u0, size_t u1, int32_t cp0, size_t k0, int *same)
{
    const unsigned char *s = b->in + u0;
    size_t n = u1 - u0, ncp = 0;
    int keep = (b->flags & EARNINGS_NORMALIZE_KEEP_CJK_PUNCT) != 0;
    int rc;
    if (!b->cpcap && (rc = cps_reserve(b, 64)) != 0)
        return rc;
    if (n == k0) { /* one code point: shortcuts for the common cases */
        const utf8proc_property_t *p = utf8proc_get_property(cp0);
        if (keep && is_cjk_punct(cp0)) {
            b->cps[ncp++] = cp0;
        } else if (cp0 >= 0xFF01 && cp0 <= 0xFF5E) { /* full-width ASCII */
            int32_t c = cp0 - 0xFEE0;
            if ((b->flags & EARNINGS_NORMALIZE_CASEFOLD) && c >= 'A' && c <= 'Z')
                c += 'a' - 'A';
            b->cps[ncp++] = c;
        } else if (p->decomp_seqindex == UINT16_MAX &&
                   (!(b->flags & EARNINGS_NORMALIZE_CASEFOLD) || p->casefold_seqindex == UINT16_MAX)) {
            b->cps[ncp++] = cp0; /* NFKC of a lone character without mapping */
        } else {
            utf8proc_ssize_t r = nfkc_append(b, s, n, 0);
            if (r < 0)
                return (int)r;
            ncp = (size_t)r;
        }
    } else if (keep && is_cjk_punct(cp0)) {
        b->cps[ncp++] = cp0;
        utf8proc_ssize_t r = nfkc_append(b, s + k0, n - k0, 1);
        if (r < 0)
            return (int)r;
        ncp = (size_t)r;
    } else {
        utf8proc_ssize_t r = nfkc_append(b, s, n, 0);
        if (r < 0)
            return (int)r;
        ncp = (size_t)r;
    }
    /* our foldings, then Traditional -> Simplified; encode */
    if ((rc = earnings__grow((void **)&b->ubuf, &b->ubcap, ncp * 4 + 4, 1)) != 0)
        return rc;
    size_t on = 0;
    for (size_t i = 0; i < ncp; i++) {
        int32_t c = b->cps[i];
        int32_t m = fold_map(c, keep);
        if (m == MAP_DROP)
            continue;
        if (m != MAP_NONE)
            c = m;
        else if ((b->flags & EARNINGS_NORMALIZE_SIMPLIFIED) && is_han(c) && (rc = t2s(b, c, &c)) != 0)
            return rc;
        on += earnings__utf8_encode(c, b->ubuf + on);
    }
    if (on == n && memcmp(b->ubuf, s, n) == 0) {
        *same = 1;
        return 0;
    }
    *same = 0;
    return emit_changed(b, run, u0, b->ubuf, on);
}

static int build(builder *b)
{
    const unsigned char *s = b->in;
    const size_t len = b->len, none = SIZE_MAX;
    size_t i = 0, run = 0, last = none;
    int rc;
    while (i < len) {
        if (s[i] < 0x80) {
            size_t j = i + 1;
            while (j + 8 <= len) {
                uint64_t w;
                memcpy(&w, s + j, 8);
                if (w & 0x8080808080808080ull)
                    break;
                j += 8;
            }
            while (j < len && s[j] < 0x80)
                j++;
            last = j - 1;
            i = j;
            continue;
        }
        if (s[i] >= 0xE4 && s[i] <= 0xE9) {
            /* a run of U+4E00..U+9FFF (quick_class: stable); read as
             * Simplified, only characters the memo already knows to stay
             * as they are (t2s()) */
            int simp = (b->flags & EARNINGS_NORMALIZE_SIMPLIFIED) != 0;
            size_t j = i;
            while (j + 2 < len && s[j] >= 0xE4 && s[j] <= 0xE9 && (s[j] > 0xE4 || s[j + 1] >= 0xB8) &&
                   (s[j + 1] & 0xC0) == 0x80 && (s[j + 2] & 0xC0) == 0x80) {
                if (simp) {
                    uint32_t c = ((uint32_t)(s[j] & 0x0Fu) << 12) | ((uint32_t)(s[j + 1] & 0x3Fu) << 6) |
                                 (uint32_t)(s[j + 2] & 0x3Fu);
                    if (atomic_load_explicit(&t2s_memo[c - T2S_LO], memory_order_relaxed) != c + 1)
                        break;
                }
                j += 3;
            }
            if (j > i) {
                last = j - 3;
                i = j;
                continue;
            }
        }
        int32_t cp;
        size_t k = earnings__utf8_decode(s + i, len - i, &cp);
        if (k == 0) {
            if (!(b->flags & EARNINGS_NORMALIZE_REPLACE_INVALID))
                return earnings__error(EARNINGS_EINVALIDUTF8, (int64_t)i,
                                       "earnings_normalize: invalid UTF-8 at byte offset %zu", i);
            if ((rc = emit_changed(b, run, i, "\xEF\xBF\xBD", 3)) != 0)
                return rc;
            i += (size_t)cp;
            run = i;
            last = none;
            continue;
        }
        int cls = quick_class(b, cp);
        if (cls < 0)
            return cls;
        if (cls == CLS_STABLE) {
            last = i;
            i += k;
            continue;
        }
        size_t u0 = i, u1 = i + k, k0 = k;
        int32_t cp0 = cp;
        if (last != none && (cls == CLS_CONT || is_cont(b, cp))) {
            u0 = last;
            k0 = earnings__utf8_decode(s + u0, len - u0, &cp0);
        }
        while (u1 < len && s[u1] >= 0x80) {
            int32_t c2;
            size_t k2 = earnings__utf8_decode(s + u1, len - u1, &c2);
            if (k2 == 0 || !is_cont(b, c2))
                break;
            u1 += k2;
        }
        int same = 0;
        if ((rc = process_unit(b, run, u0, u1, cp0, k0, &same)) != 0)
            return rc;
        if (!same)
            run = u1;
        i = u1;
        last = none;
    }
    if ((rc = flush_run(b, run, len)) != 0)
        return rc;
    if (!b->changed)
        return 0; /* identity: no map needed */
    /* sentinel */
    if (b->nsegs == b->scap &&
        earnings__grow((void **)&b->segs, &b->scap, b->nsegs + 1, sizeof *b->segs))
        return EARNINGS_ENOMEM;
    norm_seg *sn = &b->segs[b->nsegs++];
    sn->n = (uint32_t)b->olen;
    sn->o = (uint32_t)len;
    sn->linear = 1;
    return 0;
}

EARNINGS_API int earnings_normalize(earnings_normalized **out, const char *text, size_t len,
                                    const earnings_normalize_options *opts)
{
    if (!out)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_normalize: out is NULL");
    *out = NULL;
    if (!text && len)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_normalize: text is NULL but len is %zu",
                               len);
    uint32_t flags = 0;
    if (opts) {
        if (opts->version == 0 || opts->version > EARNINGS_NORMALIZE_OPTIONS_VERSION)
            return earnings__error(EARNINGS_EVERSION, -1,
                                   "earnings_normalize: unknown options version %u", opts->version);
        if (opts->flags & ~(uint32_t)KNOWN_FLAGS)
            return earnings__error(EARNINGS_EINVAL, -1, "earnings_normalize: unknown flags 0x%x",
                                   (unsigned)(opts->flags & ~(uint32_t)KNOWN_FLAGS));
        flags = opts->flags;
    }
#if SIZE_MAX > UINT32_MAX
    if (len > (size_t)UINT32_MAX)
        return earnings__error(EARNINGS_ETOOBIG, -1,
                               "earnings_normalize: input of %zu bytes exceeds the 4 GiB limit", len);
#endif
    earnings_normalized *r = earnings__calloc(1, sizeof *r);
    if (!r)
        return earnings__enomem();

    builder b;
    memset(&b, 0, sizeof b);
    b.in = (const unsigned char *)text;
    b.len = len;
    b.flags = flags;
    b.uopts = (utf8proc_option_t)(UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                  ((flags & EARNINGS_NORMALIZE_CASEFOLD) ? UTF8PROC_CASEFOLD : 0));
    int rc = 0;
    /* most texts come out no longer than they went in */
    if (earnings__grow((void **)&b.out, &b.ocap, len + 1, 1))
        rc = EARNINGS_ENOMEM;
    if (!rc)
        rc = build(&b);
    if (rc) {
        builder_release(&b);
        earnings__free(r);
        return rc;
    }
    b.out[b.olen] = '\0';
    r->text = b.out;
    r->len = b.olen;
    r->orig_len = len;
    r->identity = !b.changed;
    if (r->identity) {
        earnings__free(b.segs);
    } else {
        r->segs = b.segs;
        r->nsegs = b.nsegs;
    }
    b.out = NULL;
    b.segs = NULL;
    builder_release(&b);
    *out = r;
    return EARNINGS_OK;
}

/* ---- accessors and the map -------------------------------------------------- */

EARNINGS_API void earnings_normalized_free(earnings_normalized *norm)
{
    if (!norm)
        return;
    earnings__free(norm->text);
    earnings__free(norm->segs);
    earnings__free(norm);
}

EARNINGS_API const char *earnings_normalized_text(const earnings_normalized *norm, size_t *size_out)
{
    if (size_out)
        *size_out = norm ? norm->len : 0;
    return norm ? norm->text : NULL;
}

EARNINGS_API size_t earnings_normalized_original_size(const earnings_normalized *norm)
{
    return norm ? norm->orig_len : 0;
}

EARNINGS_API int earnings_normalized_is_identity(const earnings_normalized *norm)
{
    return norm ? norm->identity : 0;
}

static int is_cont_byte(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

/* Index of the last segment with n <= off. */
static size_t seg_find(const earnings_normalized *norm, size_t off)
{
    size_t lo = 0, hi = norm->nsegs - 1; /* segs[0].n == 0 <= off */
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        if (norm->segs[mid].n <= off)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

/* ---- cursors ------------------------------------------------------------------ */

/* How many segments a cursor walks before it falls back to seg_find. */
#define CURSOR_NEAR 8

/* seg_find(norm, off), starting from the segment the cursor remembers: the
 * answer is the one i with segs[i].n <= off < segs[i + 1].n (or i the
 * sentinel), so a walk from any start reaches it; a far jump binary-searches.
 * norm->segs is not NULL. */
static inline size_t seg_locate(const earnings_normalized *norm, earnings__norm_cursor *cur, size_t off)
{
    const norm_seg *sg = norm->segs;
    const size_t last = norm->nsegs - 1;
    size_t i = cur->seg <= last ? cur->seg : last;
    if (sg[i].n <= off) {
        for (int k = 0;; k++) {
            if (i == last || sg[i + 1].n > off) {
                cur->seg = i;
                return i;
            }
            if (k == CURSOR_NEAR)
                break;
            i++;
        }
    } else {
        /* segs[0].n == 0 <= off, so i > 0 while segs[i].n > off */
        for (int k = 0; k < CURSOR_NEAR; k++) {
            i--;
            if (sg[i].n <= off) {
                cur->seg = i;
                return i;
            }
        }
    }
    i = seg_find(norm, off);
    cur->seg = i;
    return i;
}

/* Remember segment i when it is linear (or the whole identity map), for the
 * inline lookups of normalize_internal.h. */
static inline void cursor_cache(const earnings_normalized *norm, earnings__norm_cursor *cur, size_t i)
{
    cur->text = norm->text;
    if (!norm->segs) {
        cur->lo = 0;
        cur->hi = norm->len;
        cur->o = 0;
    } else if (i < norm->nsegs - 1 && norm->segs[i].linear) {
        cur->lo = norm->segs[i].n;
        cur->hi = norm->segs[i + 1].n;
        cur->o = norm->segs[i].o;
    } else {
        cur->lo = cur->hi = 0;
    }
}

size_t earnings__norm_cursor_start_slow(const earnings_normalized *norm, earnings__norm_cursor *cur, size_t off)
{
    if (!norm->segs) {
        cursor_cache(norm, cur, 0);
        while (off > 0 && off < norm->len && is_cont_byte(norm->text[off]))
            off--;
        return off;
    }
    size_t i = seg_locate(norm, cur, off);
    cursor_cache(norm, cur, i);
    const norm_seg *sg = &norm->segs[i];
    if (i == norm->nsegs - 1)
        return norm->orig_len;
    if (!sg->linear)
        return sg->o;
    while (off > sg->n && is_cont_byte(norm->text[off]))
        off--;
    return sg->o + (off - sg->n);
}

size_t earnings__norm_cursor_end_slow(const earnings_normalized *norm, earnings__norm_cursor *cur, size_t off)
{
    if (!norm->segs) {
        cursor_cache(norm, cur, 0);
        while (off > 0 && off < norm->len && is_cont_byte(norm->text[off]))
            off++;
        return off;
    }
    if (off == 0)
        return 0;
    size_t i = seg_locate(norm, cur, off - 1);
    cursor_cache(norm, cur, i);
    const norm_seg *sg = &norm->segs[i];
    if (!sg->linear)
        return sg[1].o;
    size_t lim = sg[1].n;
    while (off < lim && is_cont_byte(norm->text[off]))
        off++;
    return sg->o + (off - sg->n);
}

/* Without a cursor: a fresh one, which finds the segment by binary search
 * when it is not among the first few. */
size_t earnings__norm_to_orig_start(const earnings_normalized *norm, size_t off)
{
    earnings__norm_cursor cur = { 0 };
    return earnings__norm_cursor_start(norm, &cur, off);
}

size_t earnings__norm_to_orig_end(const earnings_normalized *norm, size_t off)
{
    earnings__norm_cursor cur = { 0 };
    return earnings__norm_cursor_end(norm, &cur, off);
}

EARNINGS_API int earnings_normalized_map_span(const earnings_normalized *norm, size_t start, size_t end,
                                              earnings_span *out)
{
    if (!norm || !out)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_normalized_map_span: %s is NULL",
                               norm ? "out" : "norm");
    if (start > end || end > norm->len)
        return earnings__error(EARNINGS_ERANGE, -1,
                               "earnings_normalized_map_span: span [%zu, %zu) is not within [0, %zu]",
                               start, end, norm->len);
    size_t s = earnings__norm_to_orig_start(norm, start);
    size_t e = earnings__norm_to_orig_end(norm, end);
    if (s > e) /* an empty span where characters were dropped */
        s = e;
    out->start = s;
    out->end = e;
    return EARNINGS_OK;
}
