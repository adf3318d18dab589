/* Word lists of the figure extractor: one table compiled from the data files
 * in libearnings/lexicons/figures/, with a hash index on the first word. */
#ifndef EARNINGS_FIGURES_LEXICON_H
#define EARNINGS_FIGURES_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* Classes (an entry may have several) and matching flags. */
#define FL_NUM        (UINT64_C(1) << 0)  /* cardinal word */
#define FL_TENS       (UINT64_C(1) << 1)  /* twenty .. ninety (also their ordinals) */
#define FL_HUNDRED    (UINT64_C(1) << 2)
#define FL_DOZEN      (UINT64_C(1) << 3)
#define FL_SCALE      (UINT64_C(1) << 4)  /* thousand, million, ... */
#define FL_SUFFIX     (UINT64_C(1) << 5)  /* k, M, bn, ... after a number */
#define FL_ORD        (UINT64_C(1) << 6)  /* ordinal word */
#define FL_FRAC       (UINT64_C(1) << 7)  /* fraction denominator */
#define FL_HALF       (UINT64_C(1) << 8)
#define FL_PLURAL     (UINT64_C(1) << 9)  /* plural denominator (thirds) */
#define FL_NEG        (UINT64_C(1) << 10) /* minus, negative */
#define FL_POINT      (UINT64_C(1) << 11) /* "point" */
#define FL_CURPRE     (UINT64_C(1) << 12) /* currency before the number */
#define FL_CURPOST    (UINT64_C(1) << 13) /* currency after the number */
#define FL_UNIT       (UINT64_C(1) << 14) /* unit of measure */
#define FL_PCT        (UINT64_C(1) << 15)
#define FL_PP         (UINT64_C(1) << 16)
#define FL_BPS        (UINT64_C(1) << 17)
#define FL_QUAL       (UINT64_C(1) << 18) /* qualifier before */
#define FL_QUALPOST   (UINT64_C(1) << 19) /* qualifier after */
#define FL_DIR        (UINT64_C(1) << 20) /* direction before the figure */
#define FL_DIRPOST    (UINT64_C(1) << 21) /* direction after the figure */
#define FL_CMP        (UINT64_C(1) << 22) /* comparison */
#define FL_MONTH      (UINT64_C(1) << 23)
#define FL_PERIOD     (UINT64_C(1) << 24)
#define FL_STOP       (UINT64_C(1) << 25) /* ends an English noun phrase */
#define FL_IRREG      (UINT64_C(1) << 26) /* irregular plural */
#define FL_NAMECTX    (UINT64_C(1) << 27) /* `version 2`: the number is a label */
#define FL_ZHMEAS     (UINT64_C(1) << 28) /* Chinese measure word */
#define FL_ZHNOUN     (UINT64_C(1) << 29) /* Chinese counted noun */
#define FL_ZHSTOP     (UINT64_C(1) << 30) /* ends a Chinese counted noun */
#define FL_PTS        (UINT64_C(1) << 31) /* unused */
#define FL_ZHMOD      (UINT64_C(1) << 32) /* Chinese modifier between a measure word and its noun (新, 海外) */
/* matching flags */
#define FL_CS         (UINT64_C(1) << 40) /* exact case */
#define FL_MONEYONLY  (UINT64_C(1) << 41) /* scale suffix only after a currency */
#define FL_SINGULAR   (UINT64_C(1) << 42) /* singular unit word that is also a common word */
#define FL_SPACEDNO   (UINT64_C(1) << 43) /* only attached to the number */
#define FL_ATTACHONLY (UINT64_C(1) << 44) /* only attached to the number */
#define FL_MAYBEWORD  (UINT64_C(1) << 45) /* month name that is also a word: capitalized only */
#define FL_ABBR       (UINT64_C(1) << 46) /* abbreviation (may take a dot) */
#define FL_SUBPART    (UINT64_C(1) << 47) /* sub-unit that only ends a two-part amount (五元三毛);
                                             matched only when the mask names FL_SUBPART */

/* Period codes (value of FL_PERIOD entries). */
enum { FP_QUARTER = 1, FP_HALF = 2, FP_FY = 3, FP_YTD = 4, FP_TTM = 5, FP_H1 = 6, FP_H2 = 7 };

typedef struct fig_lex {
    const char *text;
    uint64_t cls;
    int32_t val;   /* number value, multiplier, enum value or code */
    int32_t exp;   /* power of ten */
    const char *sym;
    uint16_t len;
} fig_lex;

/* The index of the lexicon, built once per process (earnings__figlex_index).
 *
 * An entry's key is its first word: the run of Latin letters it starts with,
 * lower-cased, or else its first UTF-8 character. Text matches an entry only
 * where the key of the text at that position is the entry's key, so a lookup
 * finds the key once and tries only the entries that share it. Before that,
 * classes_at() reads the union of the classes of the keys that begin like
 * the text (first two letters, first byte, or the first two bytes of a
 * multi-byte character): most positions of a text are rejected there.
 * classes_ending() does the same for an entry that would end at a position:
 * the last two letters of its last word, its last ASCII character, or the
 * last two bytes of its last multi-byte character. */
#define FIGLEX_MAXKEY 24  /* longer letter runs have no entries */
#define FIGLEX_NSLOT 8192u

typedef struct fig_key {
    uint64_t cls;     /* union of the classes of its entries */
    uint16_t first;   /* its entries: order[first .. first + count), in lexicon order */
    uint16_t count;
    uint8_t len;
    char text[FIGLEX_MAXKEY + 1]; /* lower-cased */
} fig_key;

typedef struct fig_index {
    uint64_t letters[26][27]; /* first letter, second letter or 26 (none) */
    uint64_t byte1[256];      /* a key that is one ASCII character */
    uint64_t lead[64][64];    /* a multi-byte key: lead byte - 0xC0, second byte & 0x3F */
    uint64_t end_letters[26][27]; /* last letter, the letter before it or 26 (none) */
    uint64_t end_byte1[256];      /* last byte, ASCII */
    uint64_t end_mb[64][64];      /* the last two bytes & 0x3F of a multi-byte last character */
    uint64_t end_any;             /* entries ending in a space or hyphen (they match spaces) */
    uint32_t slots[FIGLEX_NSLOT]; /* open addressing: 0 empty, else hash tag << 16 | key index + 1 */
    uint16_t nkeys;
    fig_key *keys;
    uint16_t *order;
} fig_index;

/* The index (built on first use, thread-safe). */
const fig_index *earnings__figlex_index(void);

static inline int earnings__figlex_is_alpha(unsigned char c) { return (unsigned char)((c | 32) - 'a') < 26; }

/* Union of the classes of the keys that may match text[pos..n): 0 means
 * that no entry matches there. */
static inline uint64_t earnings__figlex_classes_at(const fig_index *ix, const unsigned char *u, size_t n,
                                                   size_t pos)
{
    if (pos >= n)
        return 0;
    unsigned char c = u[pos];
    if (earnings__figlex_is_alpha(c)) {
        unsigned char d = pos + 1 < n ? u[pos + 1] : 0;
        return ix->letters[(c | 32) - 'a'][earnings__figlex_is_alpha(d) ? (d | 32) - 'a' : 26];
    }
    if (c < 0xC0)
        return ix->byte1[c];
    if (pos + 1 >= n)
        return 0;
    return ix->lead[c - 0xC0][u[pos + 1] & 0x3F];
}

/* Union of the classes of the entries that may match text ending at q
 * (q > lo), starting at or after lo. */
static inline uint64_t earnings__figlex_classes_ending(const fig_index *ix, const unsigned char *u, size_t lo,
                                                       size_t q)
{
    unsigned char c = u[q - 1];
    if (earnings__figlex_is_alpha(c)) {
        unsigned char d = q - 1 > lo ? u[q - 2] : 0;
        return ix->end_any |
               ix->end_letters[(c | 32) - 'a'][earnings__figlex_is_alpha(d) ? (d | 32) - 'a' : 26];
    }
    if (c < 0x80)
        return ix->end_any | ix->end_byte1[c];
    if (q < 2)
        return ix->end_any;
    return ix->end_any | ix->end_mb[u[q - 2] & 0x3F][c & 0x3F];
}

/* The key of the text at pos (pos < n), NULL if no entry has it. */
const fig_key *earnings__figlex_key(const fig_index *ix, const unsigned char *u, size_t n, size_t pos);

/* Longest entry of key fk, the key of text at pos, whose class intersects
 * mask (and has no bit of exclude) that matches text[pos..n). Returns its
 * length in bytes (0 for none) and the entry in *out (NULL for none).
 * Matching rules: see lexicons/figures/README.md. An entry that ends in a
 * Latin letter does not match before another Latin letter. */
size_t earnings__figlex_match_key(const fig_key *fk, const char *text, size_t n, size_t pos, uint64_t mask,
                                  uint64_t exclude, const fig_lex **out);

#endif
