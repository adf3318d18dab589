/* Tokenizer: one pass over the normalized text (see earnings/tokenize.h).
 *
 * The scanner classifies each code point (an ASCII table, fast ranges for
 * Han, ICU properties for the rest) and dispatches on the class of the first
 * character of a token: a letter starts a word, a digit a number, a Han
 * character a CJK token (one per character, or the words of ICU's
 * dictionary break iterator over the whole Han run), anything else a
 * one-character punctuation, symbol, currency or percent token. */
#include <pthread.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "core/internal.h"
#include "normalize/normalize_internal.h"
#include "tokenize/tokenize_internal.h"

struct earnings__tokenizer {
    /* "zh" word break iterator. Never used directly (break iterators keep
     * state): each call clones it, so the prototype stays immutable. */
    UBreakIterator *proto;
};

/* ---- character classes --------------------------------------------------- */

enum {
    K_SPACE,    /* whitespace and control characters: separate tokens */
    K_IGNORE,   /* format characters (Cf): kept inside words, else skipped */
    K_ALPHA,    /* ASCII letter */
    K_DIGIT,    /* ASCII digit */
    K_LETTER,   /* other Latin letter */
    K_OLETTER,  /* letter or digit of another alphabetic script */
    K_MARK,     /* combining mark: extends the token before it */
    K_HAN,
    K_KANA,
    K_HANGUL,
    K_PUNCT,
    K_SYMBOL,
    K_CURRENCY,
    K_PERCENT
};

#define S K_SPACE
#define A K_ALPHA
#define D K_DIGIT
#define P K_PUNCT
#define Y K_SYMBOL
/* '&', '@', '#' are symbols, as the header documents for '&'. */
static const unsigned char ascii_class[128] = {
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, /* 0x00 */
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, /* 0x10 */
    /*  sp !  "  #  $           %          &  '  (  )  *  +  ,  -  .  / */
    S, P, P, Y, K_CURRENCY, K_PERCENT, Y, P, P, P, P, Y, P, P, P, P,
    /*  0-9                           :  ;  <  =  >  ? */
    D, D, D, D, D, D, D, D, D, D, P, P, Y, Y, Y, P,
    /*  @  A-O */
    Y, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
    /*  P-Z                                  [  \  ]  ^  _ */
    A, A, A, A, A, A, A, A, A, A, A, P, P, P, Y, P,
    /*  `  a-o */
    Y, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
    /*  p-z                                  {  |  }  ~  DEL */
    A, A, A, A, A, A, A, A, A, A, A, P, Y, P, Y, S,
};
#undef S
#undef A
#undef D
#undef P
#undef Y

static inline int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline int is_alpha(unsigned char c) { return (unsigned char)((c | 0x20) - 'a') < 26; }
static inline int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* Decode the code point at s[i] (i < n). The text is valid UTF-8; anything
 * else decodes as one byte U+FFFD so that the scan always advances. */
static inline size_t decode(const unsigned char *s, size_t n, size_t i, int32_t *cp)
{
    unsigned c = s[i];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    if (c >= 0xE0 && c < 0xF0 && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
        *cp = (int32_t)(((c & 0x0F) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu));
        return 3;
    }
    if (c >= 0xC2 && c < 0xE0 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
        *cp = (int32_t)(((c & 0x1F) << 6) | (s[i + 1] & 0x3Fu));
        return 2;
    }
    if (c >= 0xF0 && c < 0xF5 && i + 3 < n && (s[i + 1] & 0xC0) == 0x80 &&
        (s[i + 2] & 0xC0) == 0x80 && (s[i + 3] & 0xC0) == 0x80) {
        *cp = (int32_t)(((c & 0x07) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
                        (s[i + 3] & 0x3Fu));
        return 4;
    }
    *cp = 0xFFFD;
    return 1;
}

static inline int is_han_fast(int32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* Class of a non-ASCII code point. */
static int classify(int32_t c)
{
    if (is_han_fast(c))
        return K_HAN;
    if (c == 0x2030 || c == 0x2031 || c == 0x066A || c == 0xFE6A || c == 0xFF05)
        return K_PERCENT;
    if (c == 0x30FC || c == 0xFF70) /* prolonged sound mark (script Common) */
        return K_KANA;
    switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_LETTER_NUMBER:
    case U_DECIMAL_DIGIT_NUMBER: {
        UErrorCode st = U_ZERO_ERROR;
        switch (uscript_getScript(c, &st)) {
        case USCRIPT_LATIN: return K_LETTER;
        case USCRIPT_HAN: return K_HAN;
        case USCRIPT_HIRAGANA:
        case USCRIPT_KATAKANA:
        case USCRIPT_KATAKANA_OR_HIRAGANA: return K_KANA;
        case USCRIPT_HANGUL: return K_HANGUL;
        default: return K_OLETTER;
        }
    }
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK: return K_MARK;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR: return K_SPACE;
    case U_FORMAT_CHAR: return K_IGNORE;
    case U_CURRENCY_SYMBOL: return K_CURRENCY;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION: return K_PUNCT;
    default: return K_SYMBOL; /* Sm, Sk, So, No, private use, unassigned */
    }
}

/* Class and length of the character at s[i] (i < n). */
static inline int class_at(const unsigned char *s, size_t n, size_t i, size_t *len)
{
    if (s[i] < 0x80) {
        *len = 1;
        return ascii_class[s[i]];
    }
    int32_t cp;
    *len = decode(s, n, i, &cp);
    return classify(cp);
}

static inline int word_class(int k)
{
    return k == K_ALPHA || k == K_DIGIT || k == K_LETTER || k == K_OLETTER || k == K_MARK;
}

/* Is s[i] the start of a character that continues a word (i may be n)? */
static inline int word_char_at(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    if (s[i] < 0x80)
        return ascii_class[s[i]] == K_ALPHA || ascii_class[s[i]] == K_DIGIT;
    size_t len;
    return word_class(class_at(s, n, i, &len));
}

static inline int letter_at(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    if (s[i] < 0x80)
        return is_alpha(s[i]);
    size_t len;
    int k = class_at(s, n, i, &len);
    return k == K_LETTER || k == K_OLETTER;
}

/* ---- lexical data ------------------------------------------------------- */

/* Abbreviations that keep their dot (lower case; matched case-insensitively
 * on a word of ASCII letters followed by '.'), one string per length.
 * Words that also end sentences as ordinary words ("no", "in") are left
 * out on purpose. */
static const char *const abbreviations[7] = {
    NULL,
    NULL,
    "|mr|ms|dr|sr|jr|st|mt|co|vs|al|cf|pp|yr|lt|",
    "|mrs|gov|sen|rep|gen|col|hon|rev|inc|ltd|etc|est|avg|fig|vol|jan|feb|mar|apr|jun|jul|aug"
    "|sep|oct|nov|dec|yrs|qtr|ave|esp|",
    "|prof|corp|bros|dept|capt|sgt|incl|excl|sept|blvd|govt|",
    "",
    "|messrs|approx|",
};

static int is_abbreviation(const unsigned char *w, size_t len)
{
    if (len == 0 || len > 6 || !abbreviations[len])
        return 0;
    char key[9];
    key[0] = '|';
    for (size_t i = 0; i < len; i++) {
        if (!is_alpha(w[i]))
            return 0;
        key[i + 1] = (char)(w[i] | 0x20);
    }
    key[len + 1] = '|';
    key[len + 2] = '\0';
    return strstr(abbreviations[len], key) != NULL;
}

/* Clitics split off a word after an apostrophe (lower case, without it). */
static const struct {
    char text[3];
    unsigned char len;
} clitics[] = { { "s", 1 }, { "re", 2 }, { "ve", 2 }, { "ll", 2 }, { "d", 1 }, { "m", 1 } };

/* Characters and words bound to a number before them: they always become
 * tokens of their own. Longest first where one is a prefix of another.
 * rank orders the scales (a scale may follow a smaller one: 百万, 万亿). */
enum { BOUND_UNIT = -1 };
static const struct {
    const char *text;
    unsigned char len;
    signed char rank; /* BOUND_UNIT, or the rank of a scale */
} bound_words[] = {
    { "人民币", 9, BOUND_UNIT }, { "美元", 6, BOUND_UNIT }, { "港元", 6, BOUND_UNIT },
    { "欧元", 6, BOUND_UNIT },   { "日元", 6, BOUND_UNIT }, { "英镑", 6, BOUND_UNIT },
    { "韩元", 6, BOUND_UNIT },   { "美金", 6, BOUND_UNIT }, { "元", 3, BOUND_UNIT },
    { "块", 3, BOUND_UNIT },     { "个", 3, BOUND_UNIT },   { "十", 3, 1 },
    { "百", 3, 2 },              { "千", 3, 3 },            { "万", 3, 4 },
    { "亿", 3, 5 },              { "兆", 3, 6 },
};

/* States of the number-bound matcher. */
enum { BS_NONE = 0, BS_NUMBER = 1, BS_SCALE = 2 /* + rank */ };

/* Length of the number-bound word at s[i], or 0; *state is updated. */
static size_t match_bound(const unsigned char *s, size_t n, size_t i, int *state)
{
    for (size_t b = 0; b < sizeof bound_words / sizeof bound_words[0]; b++) {
        size_t len = bound_words[b].len;
        if (len > n - i || memcmp(s + i, bound_words[b].text, len) != 0)
            continue;
        int rank = bound_words[b].rank;
        if (rank == BOUND_UNIT) {
            *state = BS_NONE;
            return len;
        }
        /* a scale follows a number, or a smaller scale when it is 万 or more */
        if (*state == BS_NUMBER || (rank >= 4 && rank > *state - BS_SCALE)) {
            *state = BS_SCALE + rank;
            return len;
        }
        return 0;
    }
    return 0;
}

/* ---- scanner state ------------------------------------------------------ */

typedef struct scanner {
    const earnings__tokenizer *tk;
    const earnings_normalized *norm;
    earnings__norm_cursor cur; /* for the offset map lookups */
    const unsigned char *s;
    size_t n;
    earnings_token *tok;
    size_t count, cap;
    /* dictionary mode */
    UBreakIterator *bi;
    UChar *u16;
    int32_t *u16off; /* UTF-8 offset (from the run start) of each UTF-16 unit */
    size_t u16cap;
    /* where the scan goes on (scan() stops early when asked to) */
    size_t pos;
    int bound;
    int han_words;
    /* sparse scan (see below): on; the next hot byte; the token count to
     * reach before a stretch is left out; the hot byte before which no restart
     * point is left; tokens dropped by the stream; the position of a token
     * attached across a left-out stretch */
    int sparse;
    size_t sp_hot, sp_until, sp_tried, dropped, glue, gap;
} scanner;

static int emit(scanner *sc, size_t a, size_t b, int type, int script, uint32_t flags)
{
    size_t os = earnings__norm_cursor_start(sc->norm, &sc->cur, a);
    size_t oe = earnings__norm_cursor_end(sc->norm, &sc->cur, b);
    if (sc->count) {
        earnings_token *p = &sc->tok[sc->count - 1];
        if (os < p->span.end) {
            /* The boundary falls inside the expansion of one original
             * character ("…" gives "..."): one token, so that spans never
             * overlap. */
            p->norm.end = b;
            if (oe > p->span.end)
                p->span.end = oe;
            return 0;
        }
        if (p->norm.end == a || sc->glue == a)
            flags |= EARNINGS_TOKEN_FLAG_ATTACHED;
        if (sc->gap == a)
            flags |= EARNINGS__TOKEN_FLAG_AFTER_GAP;
    }
    if (sc->count == sc->cap &&
        earnings__grow((void **)&sc->tok, &sc->cap, sc->count + 1, sizeof *sc->tok) < 0)
        return EARNINGS_ENOMEM;
    earnings_token *t = &sc->tok[sc->count++];
    t->span.start = os;
    t->span.end = oe;
    t->norm.start = a;
    t->norm.end = b;
    t->type = type;
    t->script = script;
    t->flags = flags;
    t->sentence = 0;
    return 0;
}

/* A combining mark or format character extends the token right before it. */
static int extend_or_emit(scanner *sc, size_t a, size_t b, int k)
{
    if (sc->count && sc->tok[sc->count - 1].norm.end == a) {
        earnings_token *p = &sc->tok[sc->count - 1];
        p->norm.end = b;
        size_t oe = earnings__norm_cursor_end(sc->norm, &sc->cur, b);
        if (oe > p->span.end)
            p->span.end = oe;
        return 0;
    }
    if (k == K_IGNORE)
        return 0;
    /* A lone mark may come from the same original character as the space
     * before it ("´" gives " ́", NBSP + U+0301 normalizes as one piece):
     * then the token starts with that space, so that its original span
     * normalizes to exactly its text. */
    size_t lo = sc->count ? sc->tok[sc->count - 1].norm.end : 0;
    while (a > lo && earnings__norm_cursor_end(sc->norm, &sc->cur, a) >
                         earnings__norm_cursor_start(sc->norm, &sc->cur, a)) {
        a--;
        while (a > lo && (sc->s[a] & 0xC0) == 0x80)
            a--;
    }
    return emit(sc, a, b, EARNINGS_TOKEN_SYMBOL, EARNINGS_SCRIPT_OTHER, 0);
}

/* ---- words and numbers -------------------------------------------------- */

/* Length of a run of single letters each followed by a dot ("U.S.", "e.g."),
 * or 0 when there are fewer than two. */
static size_t letter_dots(const unsigned char *s, size_t n, size_t a)
{
    size_t j = a;
    int pairs = 0;
    while (j + 1 < n && is_alpha(s[j]) && s[j + 1] == '.' && (j == a || !is_alpha(s[j - 1]))) {
        pairs++;
        j += 2;
    }
    return pairs >= 2 ? j - a : 0;
}

/* Does the token before s[a] look like a name: a capitalized word
 * separated from s[a] by a space? */
static int after_name(const scanner *sc, size_t a)
{
    if (!sc->count)
        return 0;
    const earnings_token *p = &sc->tok[sc->count - 1];
    return p->type == EARNINGS_TOKEN_WORD && p->norm.end < a && is_upper(sc->s[p->norm.start]) &&
           !(p->flags & EARNINGS_TOKEN_FLAG_CLITIC);
}

/* A word from s[a] (a letter, or a digit of an alphanumeric such as 3Q25). */
static int scan_word(scanner *sc, size_t a, size_t *next)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n, i = a;
    uint32_t flags = 0;
    int script = EARNINGS_SCRIPT_LATIN;

    if (is_alpha(s[a])) {
        size_t ld = letter_dots(s, n, a);
        if (ld) {
            *next = a + ld;
            return emit(sc, a, a + ld, EARNINGS_TOKEN_WORD, script, EARNINGS_TOKEN_FLAG_ABBREVIATION);
        }
    }
    for (;;) {
        /* the run of word characters */
        while (i < n) {
            unsigned char c = s[i];
            if (c < 0x80) {
                if (!is_alpha(c) && !is_digit(c))
                    break;
                i++;
                continue;
            }
            size_t len;
            int k = class_at(s, n, i, &len);
            if (k == K_OLETTER)
                script = EARNINGS_SCRIPT_OTHER;
            else if (k != K_LETTER && k != K_MARK && k != K_IGNORE)
                break;
            i += len;
        }
        if (i >= n)
            break;
        unsigned char c = s[i];
        if (c == '\'') {
            /* n't: "don't" gives "do" + "n't" */
            if (i - a >= 2 && (s[i - 1] | 0x20) == 'n' && i + 1 < n && (s[i + 1] | 0x20) == 't' &&
                !word_char_at(s, n, i + 2)) {
                int rc = emit(sc, a, i - 1, EARNINGS_TOKEN_WORD, script, flags);
                if (rc == 0)
                    rc = emit(sc, i - 1, i + 2, EARNINGS_TOKEN_WORD, EARNINGS_SCRIPT_LATIN,
                              EARNINGS_TOKEN_FLAG_CLITIC);
                *next = i + 2;
                return rc;
            }
            for (size_t ci = 0; ci < sizeof clitics / sizeof clitics[0]; ci++) {
                size_t l = clitics[ci].len;
                if (l > n - i - 1)
                    continue;
                size_t m = 0;
                while (m < l && (s[i + 1 + m] | 0x20) == (unsigned char)clitics[ci].text[m] &&
                       is_alpha(s[i + 1 + m]))
                    m++;
                if (m == l && !word_char_at(s, n, i + 1 + l)) {
                    int rc = emit(sc, a, i, EARNINGS_TOKEN_WORD, script, flags);
                    if (rc == 0)
                        rc = emit(sc, i, i + 1 + l, EARNINGS_TOKEN_WORD, EARNINGS_SCRIPT_LATIN,
                                  EARNINGS_TOKEN_FLAG_CLITIC);
                    *next = i + 1 + l;
                    return rc;
                }
            }
            if (letter_at(s, n, i + 1)) { /* O'Brien */
                i++;
                continue;
            }
            break;
        }
        if (c == '-') {
            /* a hyphen, not a dash folded to '-' ("flywheel—platform") */
            if (word_char_at(s, n, i + 1) &&
                earnings__norm_cursor_end(sc->norm, &sc->cur, i + 1) -
                        earnings__norm_cursor_start(sc->norm, &sc->cur, i) == 1) {
                flags |= EARNINGS_TOKEN_FLAG_HYPHENATED;
                i++;
                continue;
            }
            break;
        }
        if (c == '.') {
            /* not after a number: "the 1st." */
            int after_number = sc->count && sc->tok[sc->count - 1].norm.end == a &&
                               sc->tok[sc->count - 1].type == EARNINGS_TOKEN_NUMBER;
            if (!(flags & EARNINGS_TOKEN_FLAG_HYPHENATED) && !after_number &&
                is_abbreviation(s + a, i - a)) {
                *next = i + 1;
                return emit(sc, a, i + 1, EARNINGS_TOKEN_WORD, script,
                            flags | EARNINGS_TOKEN_FLAG_ABBREVIATION);
            }
            /* an initial after a capitalized word: "Andy R. Jassy" */
            if (i - a == 1 && is_upper(s[a]) && s[a] != 'I' && i + 2 < n && s[i + 1] == ' ' &&
                is_upper(s[i + 2]) && after_name(sc, a)) {
                *next = i + 1;
                return emit(sc, a, i + 1, EARNINGS_TOKEN_WORD, script,
                            flags | EARNINGS_TOKEN_FLAG_ABBREVIATION);
            }
            /* a version ("v1.5") or a domain name ("Amazon.com") */
            if (i + 2 < n && ((is_digit(s[i - 1]) && is_digit(s[i + 1])) ||
                              (is_alpha(s[i - 1]) && is_lower(s[i + 1]) && is_lower(s[i + 2])))) {
                i++;
                continue;
            }
            break;
        }
        if (c == '&' && is_alpha(s[i - 1]) && i + 1 < n && is_alpha(s[i + 1])) { /* R&D, S&P */
            i++;
            continue;
        }
        break;
    }
    *next = i;
    return emit(sc, a, i, EARNINGS_TOKEN_WORD, script, flags);
}

/* Original length of the normalized character s[i] (ASCII). */
static inline size_t orig_width(scanner *sc, size_t i)
{
    return earnings__norm_cursor_end(sc->norm, &sc->cur, i + 1) -
           earnings__norm_cursor_start(sc->norm, &sc->cur, i);
}

/* May the separator s[i] (',' or '.') join the digit before it to the
 * digits after it? A separator folded from a wide character ("，" "。")
 * joins only wide digits ("２０．２"): "增长20。2025年" is two numbers. */
static inline int joins(scanner *sc, size_t i)
{
    return orig_width(sc, i) == 1 || orig_width(sc, i - 1) > 1;
}

/* End of the number that starts at s[a] (a digit, or '-' or '.' before one). */
static size_t number_end(scanner *sc, size_t a, int *plain)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n, i = a;
    *plain = 1;
    if (s[i] == '-') {
        i++;
        *plain = 0;
    }
    size_t d = i;
    while (i < n && is_digit(s[i]))
        i++;
    if (i > d && i - d <= 3) {
        /* thousands separators: exactly three digits after each comma */
        while (i + 3 < n && s[i] == ',' && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
               is_digit(s[i + 3]) && (i + 4 >= n || !is_digit(s[i + 4])) && joins(sc, i)) {
            i += 4;
            *plain = 0;
        }
    }
    if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1]) && (i == a || joins(sc, i))) {
        i++;
        while (i < n && is_digit(s[i]))
            i++;
        *plain = 0;
    }
    return i;
}

static int scan_number(scanner *sc, size_t a, size_t *next, int *bound)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n;
    int plain;
    size_t i = number_end(sc, a, &plain);
    if (plain && i < n && is_alpha(s[i])) {
        /* digits, letters, digits: an alphanumeric such as 3Q25 or 1H2025 */
        size_t j = i;
        while (j < n && is_alpha(s[j]))
            j++;
        if (j < n && is_digit(s[j])) {
            *bound = BS_NONE;
            return scan_word(sc, a, next);
        }
    }
    *next = i;
    *bound = BS_NUMBER;
    return emit(sc, a, i, EARNINGS_TOKEN_NUMBER, EARNINGS_SCRIPT_COMMON, 0);
}

/* ---- Han runs ----------------------------------------------------------- */

static int icu_error(const char *what, UErrorCode st)
{
    return earnings__error(EARNINGS_EICU, -1, "%s: %s", what, u_errorName(st));
}

static int script_of_class(int k)
{
    switch (k) {
    case K_HAN: return EARNINGS_SCRIPT_HAN;
    case K_KANA: return EARNINGS_SCRIPT_KANA;
    case K_HANGUL: return EARNINGS_SCRIPT_HANGUL;
    default: return EARNINGS_SCRIPT_OTHER;
    }
}

/* Longest piece of a run given to ICU at once (bytes). Real runs are far
 * shorter; the cap bounds the buffers and keeps offsets in int32_t. */
#define DICT_CHUNK (1u << 16)

/* Split s[a, b) (Han and kana, with their marks) with the dictionary. */
static int dict_run(scanner *sc, size_t a, size_t b)
{
    const unsigned char *s = sc->s;
    if (!sc->bi) {
        UErrorCode st = U_ZERO_ERROR;
        sc->bi = ubrk_clone(sc->tk->proto, &st);
        if (U_FAILURE(st) || !sc->bi) {
            sc->bi = NULL;
            return icu_error("ubrk_clone", U_FAILURE(st) ? st : U_MEMORY_ALLOCATION_ERROR);
        }
    }
    while (a < b) {
        /* next chunk, cut at a character boundary */
        size_t e = b;
        if (e - a > DICT_CHUNK) {
            e = a + DICT_CHUNK;
            while (e > a && (s[e] & 0xC0) == 0x80)
                e--;
        }
        size_t need = e - a + 1;
        if (need > sc->u16cap) {
            size_t cap16 = sc->u16cap, capoff = sc->u16cap;
            if (earnings__grow((void **)&sc->u16, &cap16, need, sizeof *sc->u16) < 0 ||
                earnings__grow((void **)&sc->u16off, &capoff, need, sizeof *sc->u16off) < 0)
                return EARNINGS_ENOMEM;
            sc->u16cap = cap16 < capoff ? cap16 : capoff;
        }
        int32_t m = 0;
        for (size_t i = a; i < e;) {
            int32_t cp;
            size_t len = decode(s, e, i, &cp);
            if (cp <= 0xFFFF) {
                sc->u16[m] = (UChar)cp;
                sc->u16off[m++] = (int32_t)(i - a);
            } else {
                sc->u16[m] = (UChar)(0xD7C0 + (cp >> 10));
                sc->u16off[m++] = (int32_t)(i - a);
                sc->u16[m] = (UChar)(0xDC00 | (cp & 0x3FF));
                sc->u16off[m++] = (int32_t)(i - a);
            }
            i += len;
        }
        sc->u16off[m] = (int32_t)(e - a);
        UErrorCode st = U_ZERO_ERROR;
        ubrk_setText(sc->bi, sc->u16, m, &st);
        if (U_FAILURE(st))
            return icu_error("ubrk_setText", st);
        int32_t p = ubrk_first(sc->bi), q;
        while ((q = ubrk_next(sc->bi)) != UBRK_DONE) {
            size_t ta = a + (size_t)sc->u16off[p], tb = a + (size_t)sc->u16off[q];
            size_t len;
            int k = class_at(s, e, ta, &len);
            int rc = emit(sc, ta, tb, EARNINGS_TOKEN_CJK, script_of_class(k), EARNINGS_TOKEN_FLAG_DICTIONARY);
            if (rc < 0)
                return rc;
            p = q;
        }
        a = e;
    }
    return 0;
}

/* ---- sparse scan ------------------------------------------------------- */

/* The sentence segmenter decides only at a few tokens: terminators, quotes
 * and closing brackets, the first tokens of a line, and the tokens right
 * before and after those. A sparse scan (for earnings__sentences_scan)
 * therefore leaves out the tokens of a stretch of text that has none of
 * the bytes such tokens are made of ("hot" bytes), once the tokens that
 * the segmenter reads after the last decisive one are made, and goes on at
 * a restart point shortly before the next hot byte.
 * A restart point is a place where a scan from scratch makes exactly the
 * tokens of the full scan: a lower-case ASCII letter after a space (its
 * word depends on nothing before it), or a Han character after a Han
 * character that is not part of a number-bound word (no bound state
 * reaches over it), with the offset map not joining the two. The tokens
 * the segmenter reads are then those of the full scan, and so are the
 * sentences (tests/unit/test_document.c compares them). */

/* Hot bytes (1): line breaks and other control characters (not the tab),
 * terminators, semicolons, quotes, closing brackets and Markdown emphasis;
 * every non-ASCII character, except U+4000..U+9FFF (ideographs and
 * hexagram symbols, neither terminators nor brackets), whose lead bytes
 * are 2. */
static const unsigned char hot_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Tokens that the segmenter may read after a decisive token: the next one
 * (a terminator reads the token after it; in a run of terminators and
 * closers each reads the one after it, and those are decisive too); and
 * from the first token of a line, it and the five after it (a section
 * number "2.1.3" before its word). */
#define SPARSE_AFTER_PUNCT 1
#define SPARSE_AFTER_BREAK 6

/* The first hot byte at or after s[i], or n. */
static size_t next_hot(const unsigned char *s, size_t n, size_t i)
{
    while (i < n) {
        unsigned h = hot_class[s[i]];
        if (h == 0) {
            i++;
            continue;
        }
        if (h == 2 && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        return i;
    }
    return n;
}

/* The hot byte s[h] is behind the scan, which has made `made` tokens: how
 * many tokens must be made before a stretch may be left out? A line break
 * (in no token) is followed by a line start; a punctuation or symbol token
 * may end a sentence. A dot inside a number or an abbreviation, an
 * apostrophe inside a word need nothing: no token near them is read. */
static size_t keep_until(const scanner *sc, size_t h, size_t made)
{
    for (size_t k = sc->count; k-- > 0 && sc->tok[k].norm.end > h;)
        if (sc->tok[k].norm.start <= h) {
            int type = sc->tok[k].type;
            if (type == EARNINGS_TOKEN_WORD || type == EARNINGS_TOKEN_NUMBER || type == EARNINGS_TOKEN_CJK)
                return 0;
            return sc->dropped + k + 1 + SPARSE_AFTER_PUNCT;
        }
    return made + SPARSE_AFTER_BREAK;
}

/* The Han characters of the number-bound words (all in U+4000..U+9FFF),
 * a bit per code point, set once. */
static uint8_t bound_chars[(0x9FFF - 0x4000 + 1) / 8];
static pthread_once_t bound_chars_once = PTHREAD_ONCE_INIT;

static void bound_chars_build(void)
{
    for (size_t b = 0; b < sizeof bound_words / sizeof bound_words[0]; b++)
        for (size_t o = 0; o + 3 <= bound_words[b].len; o += 3) {
            const unsigned char *u = (const unsigned char *)bound_words[b].text + o;
            uint32_t cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
            bound_chars[(cp - 0x4000) >> 3] |= (uint8_t)(1u << (cp & 7));
        }
}

/* Is the Han character s[p .. p+2] (U+4000..U+9FFF) part of a number-bound
 * word? */
static int in_bound_word(const unsigned char *s, size_t p)
{
    uint32_t cp = ((s[p] & 0x0Fu) << 12) | ((s[p + 1] & 0x3Fu) << 6) | (s[p + 2] & 0x3Fu);
    return (bound_chars[(cp - 0x4000) >> 3] >> (cp & 7)) & 1;
}

/* The last restart point r with lo < r < j, where s[lo .. j) has no hot
 * byte; lo when there is none. */
static size_t restart_before(scanner *sc, size_t lo, size_t j)
{
    const unsigned char *s = sc->s;
    for (size_t r = j; r-- > lo + 1;) {
        unsigned char c = s[r];
        int ok;
        if (c >= 'a' && c <= 'z')
            ok = s[r - 1] == ' ';
        else if (c >= 0xE4 && c <= 0xE9 && !sc->han_words)
            ok = r >= lo + 3 && s[r - 3] >= 0xE4 && s[r - 3] <= 0xE9 && !in_bound_word(s, r - 3);
        else
            continue;
        if (ok && earnings__norm_cursor_start(sc->norm, &sc->cur, r) >=
                      earnings__norm_cursor_end(sc->norm, &sc->cur, r))
            return r;
    }
    return lo;
}

/* ---- the scan ----------------------------------------------------------- */

/* Scan on from sc->pos until the end of the text, or until sc->count reaches
 * want (the last token may still grow when the scan goes on). */
static int scan(scanner *sc, size_t want)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n, i = sc->pos;
    int bound = sc->bound, han_words = sc->han_words;
    int rc = 0;
    while (i < n && rc == 0 && sc->count < want) {
        if (sc->sparse) {
            size_t made = sc->dropped + sc->count;
            /* hot bytes the scan has gone past, and the tokens after them
             * that must be made */
            while (sc->sp_hot < i) {
                size_t until = keep_until(sc, sc->sp_hot, made);
                if (until > sc->sp_until)
                    sc->sp_until = until;
                sc->sp_hot = next_hot(s, n, sc->sp_hot + 1);
            }
            if (made >= sc->sp_until && sc->sp_hot > i && sc->sp_tried != sc->sp_hot) {
                size_t r = restart_before(sc, i, sc->sp_hot);
                if (r > i) {
                    i = r;
                    bound = BS_NONE;
                    sc->gap = r;
                    if (s[r - 1] != ' ')
                        sc->glue = r; /* Han after Han */
                }
                sc->sp_tried = sc->sp_hot; /* none later before it */
            }
        }
        unsigned char c = s[i];
        size_t len = 1, next;
        int k;
        if (c < 0x80) {
            k = ascii_class[c];
        } else {
            int32_t cp;
            len = decode(s, n, i, &cp);
            k = classify(cp);
        }
        switch (k) {
        case K_SPACE:
            i += len;
            continue; /* keeps the number-bound state: "1320 亿" */
        case K_ALPHA:
        case K_LETTER:
        case K_OLETTER:
            rc = scan_word(sc, i, &next);
            i = next;
            bound = BS_NONE;
            continue;
        case K_DIGIT:
            rc = scan_number(sc, i, &next, &bound);
            i = next;
            continue;
        case K_HAN:
        case K_KANA: {
            size_t m;
            if (bound != BS_NONE && (m = match_bound(s, n, i, &bound)) > 0) {
                rc = emit(sc, i, i + m, EARNINGS_TOKEN_CJK, EARNINGS_SCRIPT_HAN, 0);
                i += m;
                continue;
            }
            bound = BS_NONE;
            if (han_words) {
                size_t j = i + len;
                while (j < n && s[j] >= 0x80) {
                    size_t l2;
                    int k2 = class_at(s, n, j, &l2);
                    if (k2 != K_HAN && k2 != K_KANA && k2 != K_MARK)
                        break;
                    j += l2;
                }
                rc = dict_run(sc, i, j);
                i = j;
            } else {
                rc = emit(sc, i, i + len, EARNINGS_TOKEN_CJK, script_of_class(k), 0);
                i += len;
            }
            continue;
        }
        case K_HANGUL: {
            size_t j = i + len;
            while (j < n && s[j] >= 0x80) {
                size_t l2;
                int k2 = class_at(s, n, j, &l2);
                if (k2 != K_HANGUL && k2 != K_MARK)
                    break;
                j += l2;
            }
            rc = emit(sc, i, j, EARNINGS_TOKEN_CJK, EARNINGS_SCRIPT_HANGUL, 0);
            i = j;
            bound = BS_NONE;
            continue;
        }
        case K_MARK:
        case K_IGNORE:
            rc = extend_or_emit(sc, i, i + len, k);
            i += len;
            continue;
        default:
            break;
        }
        /* A minus sign after a space or an opening bracket starts a number
         * ("-6", "(-6%)"), as does a decimal point there or after a
         * currency sign ("$.50"), unless it was a wide "。" or "．". */
        if ((c == '-' || c == '.') && i + 1 < n && is_digit(s[i + 1])) {
            unsigned char prev = i ? s[i - 1] : ' ';
            int ok = (prev < 0x80 && ascii_class[prev] == K_SPACE) || prev == '(' || prev == '[' ||
                     prev == '{';
            if (c == '.') {
                ok = ok || prev == '$' ||
                     (sc->count && sc->tok[sc->count - 1].norm.end == i &&
                      sc->tok[sc->count - 1].type == EARNINGS_TOKEN_CURRENCY);
                ok = ok && orig_width(sc, i) == 1;
            }
            if (ok) {
                rc = scan_number(sc, i, &next, &bound);
                i = next;
                continue;
            }
        }
        int type = k == K_CURRENCY  ? EARNINGS_TOKEN_CURRENCY
                   : k == K_PERCENT ? EARNINGS_TOKEN_PERCENT
                   : k == K_PUNCT   ? EARNINGS_TOKEN_PUNCT
                                    : EARNINGS_TOKEN_SYMBOL;
        rc = emit(sc, i, i + len, type, EARNINGS_SCRIPT_COMMON, 0);
        i += len;
        bound = BS_NONE;
    }
    sc->pos = i;
    sc->bound = bound;
    return rc;
}

/* ---- interface ---------------------------------------------------------- */

int earnings__tokenizer_new(earnings__tokenizer **out)
{
    if (!out)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__tokenizer_new: out is NULL");
    *out = NULL;
    earnings__tokenizer *tk = earnings__calloc(1, sizeof *tk);
    if (!tk)
        return earnings__enomem();
    UErrorCode st = U_ZERO_ERROR;
    tk->proto = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
    if (U_FAILURE(st) || !tk->proto) {
        if (tk->proto)
            ubrk_close(tk->proto);
        earnings__free(tk);
        return icu_error("ubrk_open(UBRK_WORD, \"zh\")", U_FAILURE(st) ? st : U_MEMORY_ALLOCATION_ERROR);
    }
    *out = tk;
    return 0;
}

void earnings__tokenizer_free(earnings__tokenizer *tk)
{
    if (!tk)
        return;
    if (tk->proto)
        ubrk_close(tk->proto);
    earnings__free(tk);
}

static void scanner_init(scanner *sc, const earnings__tokenizer *tk, const earnings_normalized *norm,
                         int han_words)
{
    memset(sc, 0, sizeof *sc);
    sc->tk = tk;
    sc->norm = norm;
    earnings__norm_cursor_init(&sc->cur);
    sc->s = (const unsigned char *)earnings_normalized_text(norm, &sc->n);
    sc->bound = BS_NONE;
    sc->han_words = han_words;
    sc->glue = sc->gap = (size_t)-1;
}

/* Frees what the scan used, not the tokens. */
static void scanner_release(scanner *sc)
{
    if (sc->bi)
        ubrk_close(sc->bi);
    sc->bi = NULL;
    earnings__free(sc->u16);
    earnings__free(sc->u16off);
    sc->u16 = NULL;
    sc->u16off = NULL;
    sc->u16cap = 0;
}

int earnings__tokenize(const earnings__tokenizer *tk, const earnings_normalized *norm, int han_words,
                       earnings_token **out, size_t *count)
{
    if (!out || !count)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__tokenize: out or count is NULL");
    *out = NULL;
    *count = 0;
    if (!norm)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__tokenize: norm is NULL");
    if (han_words && !tk)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__tokenize: no tokenizer for Han words");
    scanner sc;
    scanner_init(&sc, tk, norm, han_words);
    if (!sc.s)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__tokenize: no normalized text");
    /* about one token per five bytes of English; grown as needed */
    if (sc.n && earnings__grow((void **)&sc.tok, &sc.cap, sc.n / 5 + 16, sizeof *sc.tok) < 0)
        return EARNINGS_ENOMEM;
    int rc = scan(&sc, (size_t)-1);
    scanner_release(&sc);
    if (rc < 0 || sc.count == 0) {
        earnings__free(sc.tok);
        return rc < 0 ? rc : 0;
    }
    *out = sc.tok;
    *count = sc.count;
    return 0;
}

/* ---- token streams ---------------------------------------------------- */

/* Tokens made ahead of need per fill, so that a fill is not one call per
 * token. */
#define TOKSTREAM_BATCH 256

struct earnings__tokstream {
    scanner sc;
    size_t base; /* index of sc.tok[0] in the whole token sequence */
};

int earnings__tokstream_new(const earnings__tokenizer *tk, const earnings_normalized *norm, int han_words,
                            earnings__tokstream **out)
{
    *out = NULL;
    if (!norm)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__tokstream_new: norm is NULL");
    if (han_words && !tk)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__tokstream_new: no tokenizer for Han words");
    earnings__tokstream *ts = earnings__calloc(1, sizeof *ts);
    if (!ts)
        return earnings__enomem();
    scanner_init(&ts->sc, tk, norm, han_words);
    if (!ts->sc.s) {
        earnings__free(ts);
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__tokstream_new: no normalized text");
    }
    *out = ts;
    return 0;
}

void earnings__tokstream_sparse(earnings__tokstream *ts)
{
    scanner *sc = &ts->sc;
    pthread_once(&bound_chars_once, bound_chars_build);
    sc->sparse = 1;
    sc->sp_hot = next_hot(sc->s, sc->n, 0);
    sc->sp_until = SPARSE_AFTER_BREAK; /* the text starts a line */
    sc->sp_tried = (size_t)-1;
}

void earnings__tokstream_free(earnings__tokstream *ts)
{
    if (!ts)
        return;
    scanner_release(&ts->sc);
    earnings__free(ts->sc.tok);
    earnings__free(ts);
}

int earnings__tokstream_fill(earnings__tokstream *ts, size_t k)
{
    scanner *sc = &ts->sc;
    if (sc->pos >= sc->n || ts->base + sc->count > k + 1)
        return 0;
    return scan(sc, k + 2 - ts->base + TOKSTREAM_BATCH);
}

const earnings_token *earnings__tokstream_window(const earnings__tokstream *ts, size_t *base, size_t *count,
                                                 int *done)
{
    *base = ts->base;
    *count = ts->sc.count;
    *done = ts->sc.pos >= ts->sc.n;
    return ts->sc.tok;
}

void earnings__tokstream_drop(earnings__tokstream *ts, size_t k)
{
    scanner *sc = &ts->sc;
    if (k <= ts->base || sc->count == 0)
        return;
    size_t d = k - ts->base;
    if (d > sc->count - 1)
        d = sc->count - 1; /* the scan reads the last token */
    memmove(sc->tok, sc->tok + d, (sc->count - d) * sizeof *sc->tok);
    sc->count -= d;
    sc->dropped += d;
    ts->base += d;
}

/* ---- names -------------------------------------------------------------- */

EARNINGS_API const char *earnings_token_type_name(int32_t type)
{
    switch (type) {
    case EARNINGS_TOKEN_WORD: return "word";
    case EARNINGS_TOKEN_NUMBER: return "number";
    case EARNINGS_TOKEN_CJK: return "cjk";
    case EARNINGS_TOKEN_PUNCT: return "punct";
    case EARNINGS_TOKEN_SYMBOL: return "symbol";
    case EARNINGS_TOKEN_CURRENCY: return "currency";
    case EARNINGS_TOKEN_PERCENT: return "percent";
    default: return "unknown";
    }
}

EARNINGS_API const char *earnings_script_name(int32_t script)
{
    switch (script) {
    case EARNINGS_SCRIPT_COMMON: return "common";
    case EARNINGS_SCRIPT_LATIN: return "latin";
    case EARNINGS_SCRIPT_HAN: return "han";
    case EARNINGS_SCRIPT_KANA: return "kana";
    case EARNINGS_SCRIPT_HANGUL: return "hangul";
    case EARNINGS_SCRIPT_OTHER: return "other";
    default: return "unknown";
    }
}
