/* The figure lexicon: the rows of libearnings/lexicons/figures/ (.def files) in one
 * table, indexed once (pthread_once) by each entry's key, its first word
 * (Latin letters, lower-cased) or first character: see lexicon.h. */
#include <pthread.h>
#include <string.h>

#include "figures/lexicon.h"

#define NUM FL_NUM
#define TENS FL_TENS
#define HUNDRED FL_HUNDRED
#define DOZEN FL_DOZEN
#define SCALE FL_SCALE
#define SUFFIX FL_SUFFIX
#define ORD FL_ORD
#define FRAC FL_FRAC
#define HALF FL_HALF
#define PLURAL FL_PLURAL
#define NEG FL_NEG
#define POINT FL_POINT
#define CURPRE FL_CURPRE
#define CURPOST FL_CURPOST
#define UNIT FL_UNIT
#define PCT FL_PCT
#define PP FL_PP
#define BPS FL_BPS
#define PTS FL_PTS
#define QUAL FL_QUAL
#define QUALPOST FL_QUALPOST
#define DIR FL_DIR
#define DIRPOST FL_DIRPOST
#define CMP FL_CMP
#define MONTH FL_MONTH
#define PERIOD FL_PERIOD
#define STOP FL_STOP
#define IRREG FL_IRREG
#define NAMECTX FL_NAMECTX
#define ZHMEAS FL_ZHMEAS
#define ZHNOUN FL_ZHNOUN
#define ZHSTOP FL_ZHSTOP
#define ZHMOD FL_ZHMOD
#define CS FL_CS
#define MONEYONLY FL_MONEYONLY
#define SINGULAR FL_SINGULAR
#define SPACEDNO FL_SPACEDNO
#define ATTACHONLY FL_ATTACHONLY
#define MAYBEWORD FL_MAYBEWORD
#define ABBR FL_ABBR
#define SUBPART FL_SUBPART

static const fig_lex lex[] = {
#define FW(t, c, v, e, s) { t, (uint64_t)(c), v, e, s, (uint16_t)(sizeof(t) - 1) },
#include "lexicons/figures/en_numbers.def"
#include "lexicons/figures/currencies.def"
#include "lexicons/figures/units.def"
#include "lexicons/figures/modifiers.def"
#include "lexicons/figures/periods.def"
#include "lexicons/figures/nouns.def"
#undef FW
};

#define NLEX (sizeof lex / sizeof lex[0])

static fig_key keys[NLEX];
static uint16_t order[NLEX];
static fig_index index_;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* The key at s[0..n) (see lexicon.h): its length, with the lower-cased key
 * in buf, or 0 for a run of more than FIGLEX_MAXKEY letters. n > 0. */
static size_t key_of(const unsigned char *u, size_t n, char *buf)
{
    if (earnings__figlex_is_alpha(u[0])) {
        size_t k = 0;
        while (k < n && earnings__figlex_is_alpha(u[k])) {
            if (k >= FIGLEX_MAXKEY)
                return 0;
            buf[k] = (char)(u[k] | 32);
            k++;
        }
        return k;
    }
    size_t k = 1;
    if (u[0] >= 0xF0) k = 4;
    else if (u[0] >= 0xE0) k = 3;
    else if (u[0] >= 0xC0) k = 2;
    if (k > n)
        k = n;
    memcpy(buf, u, k);
    return k;
}

/* FNV-1a of a lower-cased key. */
static uint32_t hash_step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }
#define HASH_INIT 2166136261u

static unsigned slot_of(uint32_t h) { return (unsigned)((h * 2654435761u) >> 19) & (FIGLEX_NSLOT - 1); }
static uint32_t tag_of(uint32_t h) { return (h & 0xFFFFu) << 16; }

static int key_eq(const fig_key *k, const char *buf, size_t len)
{
    return k->len == len && !memcmp(k->text, buf, len);
}

static void build(void)
{
    fig_index *ix = &index_;
    char buf[FIGLEX_MAXKEY + 4];
    uint16_t key_of_entry[NLEX];
    size_t nkeys = 0;
    /* distinct keys, with their classes */
    for (size_t i = 0; i < NLEX; i++) {
        const unsigned char *t = (const unsigned char *)lex[i].text;
        size_t k = key_of(t, lex[i].len, buf);
        if (!k) {
            key_of_entry[i] = UINT16_MAX; /* a first word too long to be looked up */
            continue;
        }
        uint32_t h = HASH_INIT;
        for (size_t j = 0; j < k; j++)
            h = hash_step(h, (unsigned char)buf[j]);
        unsigned s = slot_of(h);
        while (ix->slots[s] && !key_eq(&keys[(ix->slots[s] & 0xFFFFu) - 1], buf, k))
            s = (s + 1) & (FIGLEX_NSLOT - 1);
        if (!ix->slots[s]) {
            fig_key *nk = &keys[nkeys++];
            nk->len = (uint8_t)k;
            memcpy(nk->text, buf, k);
            ix->slots[s] = tag_of(h) | (uint32_t)nkeys;
        }
        unsigned ki = (ix->slots[s] & 0xFFFFu) - 1;
        fig_key *fk = &keys[ki];
        fk->cls |= lex[i].cls;
        fk->count++;
        key_of_entry[i] = (uint16_t)ki;
        /* the prefilter tables */
        unsigned char c0 = t[0];
        if (earnings__figlex_is_alpha(c0)) {
            unsigned char c1 = k > 1 ? (unsigned char)buf[1] : 0;
            ix->letters[(c0 | 32) - 'a'][k > 1 ? c1 - 'a' : 26] |= lex[i].cls;
        } else if (c0 < 0xC0) {
            ix->byte1[c0] |= lex[i].cls;
        } else if (k > 1) {
            ix->lead[c0 - 0xC0][t[1] & 0x3F] |= lex[i].cls;
        }
        size_t len = lex[i].len;
        unsigned char z = t[len - 1];
        if (z == ' ' || z == '-') {
            ix->end_any |= lex[i].cls;
        } else if (earnings__figlex_is_alpha(z)) {
            unsigned char y = len > 1 ? t[len - 2] : 0;
            ix->end_letters[(z | 32) - 'a'][earnings__figlex_is_alpha(y) ? (y | 32) - 'a' : 26] |= lex[i].cls;
        } else if (z < 0x80) {
            ix->end_byte1[z] |= lex[i].cls;
        } else if (len > 1) {
            ix->end_mb[t[len - 2] & 0x3F][z & 0x3F] |= lex[i].cls;
        }
    }
    /* the entries of each key, in lexicon order */
    uint16_t next = 0;
    for (size_t k = 0; k < nkeys; k++) {
        keys[k].first = next;
        next = (uint16_t)(next + keys[k].count);
        keys[k].count = 0;
    }
    for (size_t i = 0; i < NLEX; i++) {
        if (key_of_entry[i] == UINT16_MAX)
            continue;
        fig_key *fk = &keys[key_of_entry[i]];
        order[fk->first + fk->count++] = (uint16_t)i;
    }
    ix->nkeys = (uint16_t)nkeys;
    ix->keys = keys;
    ix->order = order;
}

const fig_index *earnings__figlex_index(void)
{
    pthread_once(&once, build);
    return &index_;
}

const fig_key *earnings__figlex_key(const fig_index *ix, const unsigned char *u, size_t n, size_t pos)
{
    const unsigned char *s = u + pos;
    size_t avail = n - pos, k = 0;
    uint32_t h = HASH_INIT;
    int alpha = earnings__figlex_is_alpha(s[0]);
    if (alpha) {
        while (k < avail && earnings__figlex_is_alpha(s[k])) {
            if (k >= FIGLEX_MAXKEY)
                return NULL;
            h = hash_step(h, s[k] | 32);
            k++;
        }
    } else {
        k = 1;
        if (s[0] >= 0xF0) k = 4;
        else if (s[0] >= 0xE0) k = 3;
        else if (s[0] >= 0xC0) k = 2;
        if (k > avail)
            k = avail;
        for (size_t j = 0; j < k; j++)
            h = hash_step(h, s[j]);
    }
    uint32_t tag = tag_of(h);
    for (unsigned sl = slot_of(h);; sl = (sl + 1) & (FIGLEX_NSLOT - 1)) {
        uint32_t v = ix->slots[sl];
        if (!v)
            return NULL;
        if ((v & 0xFFFF0000u) != tag)
            continue;
        const fig_key *fk = &ix->keys[(v & 0xFFFFu) - 1];
        if (fk->len != k)
            continue;
        size_t j = 0;
        if (alpha)
            while (j < k && (unsigned char)fk->text[j] == (s[j] | 32))
                j++;
        else
            while (j < k && (unsigned char)fk->text[j] == s[j])
                j++;
        if (j == k)
            return fk;
    }
}

/* Match entry e at text[pos..n), whose first `done` bytes are known to
 * match; returns the end or 0. */
static size_t match_entry(const fig_lex *e, const char *text, size_t n, size_t pos, size_t done)
{
    const unsigned char *s = (const unsigned char *)text;
    const unsigned char *t = (const unsigned char *)e->text;
    size_t j = pos + done;
    int cs = (e->cls & FL_CS) != 0;
    for (size_t i = done; i < e->len; i++) {
        unsigned char c = t[i];
        if (c == ' ' || c == '-') {
            size_t j0 = j;
            if (j < n && s[j] == '-')
                j++;
            while (j < n && s[j] == ' ')
                j++;
            if (j == j0)
                return 0;
            /* "per cent", "year-over-year": a bare hyphen in the text also
             * matches a space of the entry and the other way round */
            continue;
        }
        if (j >= n)
            return 0;
        if (earnings__figlex_is_alpha(c)) {
            if (cs ? s[j] != c : (s[j] | 32) != (c | 32) || !earnings__figlex_is_alpha(s[j]))
                return 0;
        } else if (s[j] != c) {
            return 0;
        }
        j++;
    }
    if (earnings__figlex_is_alpha(t[e->len - 1]) && j < n && earnings__figlex_is_alpha(s[j]))
        return 0;
    return j;
}

size_t earnings__figlex_match_key(const fig_key *fk, const char *text, size_t n, size_t pos, uint64_t mask,
                                  uint64_t exclude, const fig_lex **out)
{
    const fig_index *ix = &index_;
    /* the key is the same text: only the case of exact-case entries and
     * what follows the key remain to compare */
    int alpha_key = earnings__figlex_is_alpha((unsigned char)fk->text[0]);
    size_t best = 0;
    *out = NULL;
    for (unsigned i = fk->first; i < (unsigned)fk->first + fk->count; i++) {
        const fig_lex *e = &lex[ix->order[i]];
        if (!(e->cls & mask) || (e->cls & exclude) || ((e->cls & FL_SUBPART) && !(mask & FL_SUBPART)))
            continue;
        size_t end = match_entry(e, text, n, pos, (alpha_key && (e->cls & FL_CS)) ? 0 : fk->len);
        if (end > pos && end - pos > best) {
            best = end - pos;
            *out = e;
        }
    }
    return best;
}
