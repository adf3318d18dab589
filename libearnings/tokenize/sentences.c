/* Sentence segmentation over the tokens (see earnings/tokenize.h).
 *
 * A sentence ends
 * - after a terminator token: '.', '?', '!' or any other Unicode sentence
 *   terminal ('。' '！' '？'), '；', and ';' next to a Han token; together
 *   with the terminators, closing quotes and brackets attached after it.
 *   Dots inside abbreviations and numbers belong to those tokens and never
 *   get here; a '.' glued between two words or numbers ("2025.10") does
 *   not end a sentence either;
 * - before a blank line (two line breaks between tokens);
 * - before a line that starts with a list or heading marker ('-', '*', '#',
 *   '|', '+', '>', a bullet, "1." "a)" "IV." and the like, or a section
 *   number "2.1" before a capitalized word), and at the end of such a line:
 *   list items, headings and table rows end with their line. The dot of a
 *   numbered marker is not a terminator;
 * - at the end of a title line without a marker that opens its sentence
 *   (title_line()). */
#include <string.h>

#include <unicode/uchar.h>

#include "core/internal.h"
#include "tokenize/tokenize_internal.h"

/* The segmenter reads tokens by their index k in the whole sequence; it
 * holds tokens base .. base + ntok - 1. With a token stream it asks for
 * more as it goes (has()) and lets go of those behind it; the helpers below
 * read only tokens already at hand (avail()). */
typedef struct segmenter {
    const unsigned char *s;
    size_t n;
    earnings_token *all; /* the token array being segmented, or NULL */
    const earnings_token *tok;
    size_t base, ntok;
    earnings__tokstream *ts; /* NULL with an array */
    int done, rc;           /* the stream is at its end; its error */
    size_t first_start, first_norm; /* spans of the current sentence's first token */
    earnings_sentence *out;
    size_t count, cap;
} segmenter;

static inline const earnings_token *at(const segmenter *sg, size_t k) { return &sg->tok[k - sg->base]; }

static inline int avail(const segmenter *sg, size_t k) { return k < sg->base + sg->ntok; }

static void fill(segmenter *sg, size_t k)
{
    sg->rc = earnings__tokstream_fill(sg->ts, k);
    sg->tok = earnings__tokstream_window(sg->ts, &sg->base, &sg->ntok, &sg->done);
}

/* Is token k there, and final (made, with the one after it, or the last)? */
static inline int has(segmenter *sg, size_t k)
{
    if (k + 1 >= sg->base + sg->ntok && sg->ts && !sg->done && sg->rc == 0)
        fill(sg, k);
    return avail(sg, k);
}

/* The first code point of token k. */
static int32_t first_cp(const segmenter *sg, size_t k, size_t *len)
{
    size_t a = at(sg, k)->norm.start, b = at(sg, k)->norm.end;
    if (a >= b || b > sg->n) {
        *len = 0;
        return -1;
    }
    int32_t cp;
    size_t l = earnings__utf8_decode(sg->s + a, b - a, &cp);
    if (l == 0) {
        *len = 1;
        return 0xFFFD;
    }
    *len = l;
    return cp;
}

static inline size_t tok_len(const segmenter *sg, size_t k)
{
    return at(sg, k)->norm.end - at(sg, k)->norm.start;
}

static inline int attached(const segmenter *sg, size_t k)
{
    return avail(sg, k) && (at(sg, k)->flags & EARNINGS_TOKEN_FLAG_ATTACHED) != 0;
}

/* Line breaks between token k-1 and token k (k > 0); 2 means "two or more". */
static int breaks_before(const segmenter *sg, size_t k)
{
    if (at(sg, k)->flags & EARNINGS__TOKEN_FLAG_AFTER_GAP)
        return 0; /* the stretch left out before it has none */
    size_t a = at(sg, k - 1)->norm.end, b = at(sg, k)->norm.start;
    int nl = 0;
    if (b > sg->n)
        b = sg->n;
    for (size_t i = a; i < b && nl < 2; i++)
        if (sg->s[i] == '\n' || (sg->s[i] == '\r' && (i + 1 >= b || sg->s[i + 1] != '\n')))
            nl++;
    return nl;
}

enum { T_NONE, T_STOP, T_SEMICOLON };

/* Is token k a sentence terminator? */
static int terminator(const segmenter *sg, size_t k)
{
    const earnings_token *t = at(sg, k);
    if (t->type != EARNINGS_TOKEN_PUNCT)
        return T_NONE;
    const unsigned char *p = sg->s + t->norm.start;
    size_t len = tok_len(sg, k);
    if (len == 1)
        return (*p == '.' || *p == '?' || *p == '!') ? T_STOP : *p == ';' ? T_SEMICOLON : T_NONE;
    /* "..." from one "…", "!!" from one "‼" */
    size_t i = 0;
    while (i < len && (p[i] == '.' || p[i] == '?' || p[i] == '!'))
        i++;
    if (i == len)
        return T_STOP;
    size_t l;
    int32_t cp = first_cp(sg, k, &l);
    if (cp < 0x80)
        return T_NONE;
    if (cp == 0xFF1B) /* fullwidth semicolon: Chinese */
        return T_STOP;
    return u_hasBinaryProperty(cp, UCHAR_S_TERM) ? T_STOP : T_NONE;
}

/* Does token k close a quotation or bracket? 1 yes, 2 if it is a straight
 * quote (opening or closing: curly quotes are folded to them), 3 for
 * Markdown emphasis. */
static int closer(const segmenter *sg, size_t k)
{
    if (at(sg, k)->type != EARNINGS_TOKEN_PUNCT)
        return 0;
    size_t l;
    int32_t cp = first_cp(sg, k, &l);
    if (cp == ')' || cp == ']' || cp == '}')
        return 1;
    if (cp == '"' || cp == '\'')
        return 2; /* opening or closing: see the caller */
    if (cp == '*' || cp == '_')
        return 3; /* Markdown emphasis closes when nothing is glued after it */
    if (cp < 0x80)
        return 0;
    int8_t t = u_charType(cp);
    return t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION;
}

/* 1 for a straight double quote token, 2 for a single one, else 0. */
static int straight_quote(const segmenter *sg, size_t k)
{
    if (at(sg, k)->type != EARNINGS_TOKEN_PUNCT || tok_len(sg, k) != 1)
        return 0;
    unsigned char c = sg->s[at(sg, k)->norm.start];
    return c == '"' ? 1 : c == '\'' ? 2 : 0;
}

static inline int is_han_token(const segmenter *sg, size_t k)
{
    return avail(sg, k) && at(sg, k)->type == EARNINGS_TOKEN_CJK &&
           (at(sg, k)->script == EARNINGS_SCRIPT_HAN || at(sg, k)->script == EARNINGS_SCRIPT_KANA);
}

static inline int is_alnum_token(const segmenter *sg, size_t k)
{
    return avail(sg, k) && (at(sg, k)->type == EARNINGS_TOKEN_NUMBER ||
                            (at(sg, k)->type == EARNINGS_TOKEN_WORD && at(sg, k)->script != EARNINGS_SCRIPT_HAN));
}

/* Small words that titles write in lower case. */
static int title_small_word(const unsigned char *p, size_t len)
{
    static const char *const w[] = { "and", "of", "the", "for", "to", "in", "on", "at", "by", "with", "vs",
                                     "from", "per", "a", "an", "or", "as", "into", "amid", "over", "its" };
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strlen(w[i]) == len && !memcmp(p, w[i], len))
            return 1;
    return 0;
}

/* Is the line of normalized text starting at a (ending at its line break,
 * before token k) a title or a heading without a marker (`Northwind
 * Logistics Reports Fourth Quarter 2025 Results`, `Outlook`,
 * `华星科技发布2025年第三季度财报`), which ends its sentence with the line?
 * At most 160 bytes and 14 words; no comma, semicolon, question or
 * exclamation mark, no full stop but one closing a short capitalized
 * abbreviation (`Inc.`); every Latin word capitalized, a number or one of
 * the small words of titles, or, with no Latin word, at most 30 Han
 * characters. Token k must open with a capital letter, a digit, a Han
 * character or a quote. Read from the text, not the tokens, so that a
 * sparse token stream decides alike. */
static int title_line(const segmenter *sg, size_t a, size_t k)
{
    const unsigned char *s = sg->s;
    size_t e = a, lim = a + 160 < sg->n ? a + 160 : sg->n;
    while (e < lim && s[e] != '\n' && s[e] != '\r')
        e++;
    if (e >= lim)
        return 0;
    unsigned char c0 = s[at(sg, k)->norm.start];
    if (!((c0 >= 'A' && c0 <= 'Z') || (c0 >= '0' && c0 <= '9') || c0 == '"' || (c0 >= 0xE4 && c0 <= 0xE9)))
        return 0;
    size_t words = 0, latin = 0, han = 0;
    for (size_t i = a; i < e;) {
        while (i < e && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= e)
            break;
        size_t w = i;
        while (i < e && s[i] != ' ' && s[i] != '\t')
            i++;
        if (++words > 14)
            return 0;
        size_t h = 0, letters = 0;
        for (size_t q = w; q < i; q++) {
            unsigned char c = s[q];
            if (c == ',' || c == ';' || c == '?' || c == '!')
                return 0;
            if (c == '.' && (q + 1 == i || q + 1 == e)) {
                /* a full stop: only after a short capitalized word */
                if (q + 1 == e || q - w > 4 || !(s[w] >= 'A' && s[w] <= 'Z'))
                    return 0;
            }
            if (c >= 0xE4 && c <= 0xE9)
                h++;
            else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                letters++;
        }
        han += h;
        if (letters && !h) {
            latin++;
            size_t f = w;
            while (f < i && !((s[f] | 0x20) >= 'a' && (s[f] | 0x20) <= 'z') && !(s[f] >= '0' && s[f] <= '9'))
                f++; /* (past an opening quote or bracket) */
            if (f < i && !(s[f] >= 'A' && s[f] <= 'Z') && !(s[f] >= '0' && s[f] <= '9') &&
                !title_small_word(s + w, i - w))
                return 0;
        }
    }
    if (!words)
        return 0;
    if (latin)
        return han == 0;
    return han > 0 && han <= 30;
}

/* A bullet or heading marker token. */
static int bullet(const segmenter *sg, size_t k)
{
    size_t l;
    int32_t cp = first_cp(sg, k, &l);
    if (l != tok_len(sg, k))
        return 0;
    switch (cp) {
    case '-': case '*': case '#': case '|': case '+': case '>':
    case 0x2022: /* • */
    case 0x2023: /* ‣ */
    case 0x2043: /* ⁃ */
    case 0x25CF: /* ● */
    case 0x25E6: /* ◦ */
    case 0x25AA: /* ▪ */
    case 0x25A0: /* ■ */
    case 0x25C6: /* ◆ */
    case 0x00B7: /* · */
        return 1;
    default:
        return 0;
    }
}

/* A roman numeral of at most five letters (I, IV, XII). */
static int roman(const unsigned char *p, size_t len)
{
    if (len == 0 || len > 5)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!strchr("IVXLC", p[i]) || p[i] == '\0')
            return 0;
    return 1;
}

/* A numbered marker at token k: "1." "12)" "a." "IV." (the dot or bracket
 * is token k+1, followed by whitespace), or an abbreviation token "A.".
 * Returns the number of tokens of the marker, or 0. */
static int numbered(const segmenter *sg, size_t k)
{
    const earnings_token *t = at(sg, k);
    const unsigned char *p = sg->s + t->norm.start;
    size_t len = tok_len(sg, k);
    if (t->type == EARNINGS_TOKEN_WORD && (t->flags & EARNINGS_TOKEN_FLAG_ABBREVIATION) && len == 2 &&
        !attached(sg, k + 1))
        return 1;
    int head = 0;
    if (t->type == EARNINGS_TOKEN_NUMBER && len <= 3) {
        head = 1;
        for (size_t i = 0; i < len; i++)
            if (p[i] < '0' || p[i] > '9')
                head = 0;
    } else if (t->type == EARNINGS_TOKEN_WORD && t->script == EARNINGS_SCRIPT_LATIN) {
        head = (len == 1) || roman(p, len);
    }
    if (!head || !avail(sg, k + 1) || !attached(sg, k + 1) || tok_len(sg, k + 1) != 1)
        return 0;
    unsigned char c = sg->s[at(sg, k + 1)->norm.start];
    if ((c != '.' && c != ')') || attached(sg, k + 2))
        return 0;
    return 2;
}

/* A section number "2.1" or "3.2.1" (a number, or a number, '.' and a
 * number) before a capitalized word: "2.1 Key Statements". */
static int section_number(const segmenter *sg, size_t k)
{
    size_t j = k;
    while (avail(sg, j) && j < k + 5 && (at(sg, j)->type == EARNINGS_TOKEN_NUMBER ||
                                         (j > k && tok_len(sg, j) == 1 && sg->s[at(sg, j)->norm.start] == '.')))
        j++;
    if (!avail(sg, j) || j == k || attached(sg, j) || at(sg, j)->type != EARNINGS_TOKEN_WORD ||
        sg->s[at(sg, j)->norm.start] < 'A' || sg->s[at(sg, j)->norm.start] > 'Z')
        return 0;
    for (size_t i = k; i < j; i++) {
        if (i > k && !attached(sg, i))
            return 0;
        const unsigned char *p = sg->s + at(sg, i)->norm.start;
        size_t dots = 0;
        for (size_t b = 0; b < tok_len(sg, i); b++) {
            if (p[b] == '.')
                dots++;
            else if (p[b] < '0' || p[b] > '9')
                return 0;
        }
        if (at(sg, i)->type == EARNINGS_TOKEN_NUMBER && tok_len(sg, i) > 3 + dots * 4)
            return 0;
    }
    /* at least one dot: "2.1", not a plain "2025 Revenue" */
    for (size_t i = k; i < j; i++)
        if (memchr(sg->s + at(sg, i)->norm.start, '.', tok_len(sg, i)))
            return 1;
    return 0;
}

/* The sentence of tokens first .. last (last is at hand; first's spans are
 * in first_start / first_norm). */
static int add(segmenter *sg, size_t first, size_t last)
{
    if (sg->count == sg->cap &&
        earnings__grow((void **)&sg->out, &sg->cap, sg->count + 1, sizeof *sg->out) < 0)
        return EARNINGS_ENOMEM;
    earnings_sentence *se = &sg->out[sg->count];
    se->span.start = sg->first_start;
    se->span.end = at(sg, last)->span.end;
    se->norm.start = sg->first_norm;
    se->norm.end = at(sg, last)->norm.end;
    se->first_token = 0;
    se->token_count = 0;
    if (sg->all) {
        se->first_token = first;
        se->token_count = last - first + 1;
        for (size_t k = first; k <= last; k++)
            sg->all[k].sentence = (uint32_t)sg->count;
    }
    sg->count++;
    return 0;
}

/* Lookahead of the marker tests at a line start (section_number() reads
 * up to six tokens on). */
#define LOOKAHEAD 7
#define WINDOW_BEHIND 4096

static int segment(segmenter *sg)
{
    size_t first = 0;
    size_t skip = (size_t)-1; /* the dot of a list marker */
    int open[3] = { 0, 0, 0 };  /* parity of straight quotes in the paragraph */
    int marked_line = 0;        /* the current line starts with a marker */
    size_t line_first = 0;      /* the first token of the current line */
    int rc = 0;
    for (size_t k = 0; rc == 0 && has(sg, k); k++) {
        /* only token k - 1 is read behind k; the window moves once this
         * many are behind it, so that it moves seldom and stays small */
        if (sg->ts && k > sg->base + WINDOW_BEHIND) {
            earnings__tokstream_drop(sg->ts, k - 1);
            sg->tok = earnings__tokstream_window(sg->ts, &sg->base, &sg->ntok, &sg->done);
        }
        has(sg, k + LOOKAHEAD);
        if (sg->rc)
            break;
        if (k == first) {
            sg->first_start = at(sg, k)->span.start;
            sg->first_norm = at(sg, k)->norm.start;
        }
        int nl = k ? breaks_before(sg, k) : 1;
        if (nl >= 2)
            open[1] = open[2] = 0;
        int q = straight_quote(sg, k);
        if (q)
            open[q] = !open[q];
        if (nl) {
            int mark = numbered(sg, k);
            if (mark == 2)
                skip = k + 1;
            if (!mark)
                mark = bullet(sg, k) || section_number(sg, k);
            /* a list item, heading or table row ends with its line; so
             * does a title that opens its sentence */
            if (k > first && (nl >= 2 || mark || marked_line || (line_first == first && title_line(sg, sg->first_norm, k)))) {
                rc = add(sg, first, k - 1);
                first = k;
                sg->first_start = at(sg, k)->span.start;
                sg->first_norm = at(sg, k)->norm.start;
                if (rc)
                    break;
            }
            marked_line = mark;
            line_first = k;
        }
        int t = terminator(sg, k);
        if (t == T_NONE || k == skip)
            continue;
        if (t == T_SEMICOLON && !is_han_token(sg, k - (k > 0)) && !is_han_token(sg, k + 1))
            continue;
        const earnings_token *tt = at(sg, k);
        if (t == T_STOP && sg->s[tt->norm.start] == '.' && tok_len(sg, k) == 1 && k > 0 &&
            tt->span.end - tt->span.start == 1 && attached(sg, k) && attached(sg, k + 1) &&
            is_alnum_token(sg, k - 1) && is_alnum_token(sg, k + 1))
            continue; /* "2025.10.30", "growth.The"; but a folded "。" always ends */
        /* terminators and closers glued after it. A straight quote closes
         * when nothing is glued after it, or when one is open in the
         * paragraph ("增长。”然后" and "增长。“公司" both fold to '."'). */
        size_t e = k;
        for (;;) {
            has(sg, e + 2);
            if (!attached(sg, e + 1))
                break;
            int cl = terminator(sg, e + 1) != T_NONE ? 1 : closer(sg, e + 1);
            if (cl == 3)
                cl = !attached(sg, e + 2) || closer(sg, e + 2) == 3;
            else if (cl == 2) {
                q = straight_quote(sg, e + 1);
                cl = !attached(sg, e + 2) || at(sg, e + 2)->type == EARNINGS_TOKEN_PUNCT || open[q];
                if (cl)
                    open[q] = !open[q];
            }
            if (!cl)
                break;
            e++;
        }
        if (sg->rc)
            break;
        rc = add(sg, first, e);
        first = e + 1;
        k = e;
    }
    if (rc == 0)
        rc = sg->rc;
    if (rc == 0 && first < sg->base + sg->ntok)
        rc = add(sg, first, sg->base + sg->ntok - 1);
    if (rc < 0) {
        earnings__free(sg->out);
        sg->out = NULL;
        sg->count = 0;
    }
    return rc;
}

int earnings__sentences(const earnings_normalized *norm, earnings_token *tokens, size_t ntokens,
                        earnings_sentence **out, size_t *count)
{
    if (!out || !count)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__sentences: out or count is NULL");
    *out = NULL;
    *count = 0;
    if (!norm || (!tokens && ntokens))
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__sentences: norm or tokens is NULL");
    if (ntokens == 0)
        return 0;
    segmenter sg;
    memset(&sg, 0, sizeof sg);
    sg.s = (const unsigned char *)earnings_normalized_text(norm, &sg.n);
    if (!sg.s)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__sentences: no normalized text");
    sg.all = tokens;
    sg.tok = tokens;
    sg.ntok = ntokens;
    sg.done = 1;
    int rc = segment(&sg);
    if (rc < 0)
        return rc;
    *out = sg.out;
    *count = sg.count;
    return 0;
}

int earnings__sentences_scan(const earnings__tokenizer *tk, const earnings_normalized *norm, int han_words,
                             earnings_sentence **out, size_t *count)
{
    if (!out || !count)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__sentences_scan: out or count is NULL");
    *out = NULL;
    *count = 0;
    segmenter sg;
    memset(&sg, 0, sizeof sg);
    int rc = earnings__tokstream_new(tk, norm, han_words, &sg.ts);
    if (rc < 0)
        return rc;
    earnings__tokstream_sparse(sg.ts);
    sg.s = (const unsigned char *)earnings_normalized_text(norm, &sg.n);
    sg.tok = earnings__tokstream_window(sg.ts, &sg.base, &sg.ntok, &sg.done);
    rc = segment(&sg);
    earnings__tokstream_free(sg.ts);
    if (rc < 0)
        return rc;
    *out = sg.out;
    *count = sg.count;
    return 0;
}
