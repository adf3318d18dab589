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

/* Longest entry whose class intersects mask (and has no bit of exclude)
 * that matches text[pos..n). Returns its length in bytes (0 for none) and
 * the entry in *out. Matching rules: see lexicons/figures/README.md. An entry
 * that ends in a Latin letter does not match before another Latin letter. */
size_t earnings__figlex_match(const char *text, size_t n, size_t pos, uint64_t mask,
                              uint64_t exclude, const fig_lex **out);

/* 1 if any entry of class mask begins with the word (or character) at pos:
 * a cheap filter before earnings__figlex_match. */
int earnings__figlex_any(const char *text, size_t n, size_t pos, uint64_t mask);

#endif
