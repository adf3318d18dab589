/* The figure lexicon: the rows of libearnings/lexicons/figures/ (.def files) in one
 * table, indexed once (pthread_once) by a hash of each entry's first word
 * (Latin letters, lower-cased) or first character. */
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
#define NBUCKET 2048u
#define MAXKEY 24

static uint16_t heads[NBUCKET]; /* entry index + 1, 0 = empty */
static uint16_t nexts[NLEX];
static uint64_t bucket_cls[NBUCKET]; /* union of the classes in each bucket */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int is_alpha(unsigned char c) { return (unsigned char)((c | 32) - 'a') < 26; }

/* Length of the key at s[0..n): the run of ASCII letters, or the first
 * UTF-8 character. Writes the lower-cased key to buf. 0 if too long. */
static size_t key_of(const char *s, size_t n, char *buf)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0)
        return 0;
    if (is_alpha(u[0])) {
        size_t k = 0;
        while (k < n && is_alpha(u[k])) {
            if (k >= MAXKEY)
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
    memcpy(buf, s, k);
    return k;
}

static unsigned hash_key(const char *k, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)k[i];
        h *= 16777619u;
    }
    return (unsigned)(h ^ (h >> 15)) & (NBUCKET - 1);
}

static void build(void)
{
    char buf[MAXKEY + 4];
    for (size_t i = NLEX; i-- > 0;) {
        size_t k = key_of(lex[i].text, lex[i].len, buf);
        unsigned h = hash_key(buf, k);
        nexts[i] = heads[h];
        heads[h] = (uint16_t)(i + 1);
        bucket_cls[h] |= lex[i].cls;
    }
}

/* Match entry e at text[pos..n); returns the end or 0. */
static size_t match_entry(const fig_lex *e, const char *text, size_t n, size_t pos)
{
    const unsigned char *s = (const unsigned char *)text;
    const unsigned char *t = (const unsigned char *)e->text;
    size_t j = pos;
    int cs = (e->cls & FL_CS) != 0;
    for (size_t i = 0; i < e->len; i++) {
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
        if (is_alpha(c)) {
            if (cs ? s[j] != c : (s[j] | 32) != (c | 32) || !is_alpha(s[j]))
                return 0;
        } else if (s[j] != c) {
            return 0;
        }
        j++;
    }
    if (is_alpha(t[e->len - 1]) && j < n && is_alpha(s[j]))
        return 0;
    return j;
}

static int lookup_bucket(const char *text, size_t n, size_t pos, unsigned *bucket)
{
    char buf[MAXKEY + 4];
    if (pos >= n)
        return 0;
    size_t k = key_of(text + pos, n - pos, buf);
    if (!k)
        return 0;
    *bucket = hash_key(buf, k);
    return 1;
}

size_t earnings__figlex_match(const char *text, size_t n, size_t pos, uint64_t mask,
                              uint64_t exclude, const fig_lex **out)
{
    unsigned h;
    pthread_once(&once, build);
    *out = NULL;
    if (!lookup_bucket(text, n, pos, &h) || !(bucket_cls[h] & mask))
        return 0;
    size_t best = 0;
    for (unsigned i = heads[h]; i; i = nexts[i - 1]) {
        const fig_lex *e = &lex[i - 1];
        if (!(e->cls & mask) || (e->cls & exclude) || ((e->cls & FL_SUBPART) && !(mask & FL_SUBPART)))
            continue;
        size_t end = match_entry(e, text, n, pos);
        if (end > pos && end - pos > best) {
            best = end - pos;
            *out = e;
        }
    }
    return best;
}

int earnings__figlex_any(const char *text, size_t n, size_t pos, uint64_t mask)
{
    unsigned h;
    pthread_once(&once, build);
    if (!lookup_bucket(text, n, pos, &h))
        return 0;
    return (bucket_cls[h] & mask) != 0;
}
