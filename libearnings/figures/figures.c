/* Figure records: the list, its string arena, the public name functions,
 * the JSON writer and the entry points of stage 3. */
#include <stdio.h>
#include <string.h>

#include "figures/figures_internal.h"
#include "figures/lexicon.h"
#include "figures/scan.h"
#include "normalize/normalize_internal.h"

/* ---- names --------------------------------------------------------------- */

EARNINGS_API const char *earnings_figure_kind_name(int32_t kind)
{
    static const char *const names[] = {NULL,      "number", "ordinal", "money", "percent",
                                        "pp",      "bps",    "quantity", "date", "period"};
    if (kind >= 1 && kind <= 9)
        return names[kind];
    return "unknown";
}

EARNINGS_API const char *earnings_figure_qualifier_name(int32_t q)
{
    static const char *const names[] = {NULL,       "approx",  "nearly", "over",
                                        "under",    "at_least", "at_most", "exact"};
    if (q >= 0 && q <= 7)
        return names[q];
    return "unknown";
}

EARNINGS_API const char *earnings_figure_direction_name(int32_t d)
{
    static const char *const names[] = {NULL, "up", "down", "flat"};
    if (d >= 0 && d <= 3)
        return names[d];
    return "unknown";
}

EARNINGS_API const char *earnings_figure_comparison_name(int32_t c)
{
    static const char *const names[] = {NULL, "yoy", "qoq", "mom"};
    if (c >= 0 && c <= 3)
        return names[c];
    return "unknown";
}

EARNINGS_API const char *earnings_figure_lang_name(int32_t lang)
{
    if (lang == EARNINGS_LANG_EN)
        return "en";
    if (lang == EARNINGS_LANG_ZH)
        return "zh";
    return "unknown";
}

/* ---- arena --------------------------------------------------------------- */

struct earnings__figure_arena {
    earnings__figure_arena *next;
    size_t used, cap;
    char data[];
};

#define ARENA_BLOCK 4096

static char *arena_alloc(earnings__figure_list *list, size_t n)
{
    earnings__figure_arena *a = list->arena;
    if (!a || a->cap - a->used < n) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        earnings__figure_arena *b = earnings__malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = a;
        b->used = 0;
        b->cap = cap;
        list->arena = b;
        a = b;
    }
    char *p = a->data + a->used;
    a->used += n;
    return p;
}

static const char *arena_str(earnings__figure_list *list, const char *s, size_t n)
{
    char *p = arena_alloc(list, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void earnings__figure_list_init(earnings__figure_list *list)
{
    memset(list, 0, sizeof *list);
}

void earnings__figure_list_free(earnings__figure_list *list)
{
    if (!list)
        return;
    earnings__free(list->items);
    earnings__figure_arena *a = list->arena;
    while (a) {
        earnings__figure_arena *n = a->next;
        earnings__free(a);
        a = n;
    }
    memset(list, 0, sizeof *list);
}

/* ---- conversion of candidates -------------------------------------------- */

typedef struct sink_ctx {
    earnings__figure_list *list;
    const earnings_normalized *norm; /* NULL: identity map */
    const char *text;                /* normalized text */
    earnings__norm_cursor cur;       /* for map_span */
} sink_ctx;

static int has_han(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        if (u[i] >= 0xE3 && u[i] <= 0xE9) {
            int32_t cp;
            size_t l = earnings__utf8_decode(u + i, n - i, &cp);
            if (l && ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0x3007))
                return 1;
        }
    }
    return 0;
}

/* Singular, lower-case form of an English plural noun. */
static size_t lemmatize(const char *w, size_t n, char *out)
{
    size_t k = n < 63 ? n : 63;
    for (size_t i = 0; i < k; i++) {
        unsigned char c = (unsigned char)w[i];
        out[i] = (char)((c >= 'A' && c <= 'Z') ? c | 32 : c);
    }
    if (k > 4 && !memcmp(out + k - 3, "ies", 3)) {
        out[k - 3] = 'y';
        return k - 2;
    }
    if (k > 4 && (!memcmp(out + k - 4, "sses", 4) || !memcmp(out + k - 4, "shes", 4) ||
                  !memcmp(out + k - 4, "ches", 4) || !memcmp(out + k - 3, "xes", 3) ||
                  !memcmp(out + k - 4, "zzes", 4)))
        return k - 2;
    if (k > 2 && out[k - 1] == 's')
        return k - 1;
    return k;
}

static int map_span(sink_ctx *sc, size_t s, size_t e, earnings_span *out)
{
    if (!sc->norm) {
        out->start = s;
        out->end = e;
        return 0;
    }
    out->start = earnings__norm_cursor_start(sc->norm, &sc->cur, s);
    out->end = earnings__norm_cursor_end(sc->norm, &sc->cur, e);
    if (out->end < out->start)
        out->end = out->start;
    return 0;
}

static int exact_str(earnings__figure_list *list, fnum v, const char **out)
{
    char buf[64];
    int n = earnings__fn_to_str(v, buf, (int)sizeof buf);
    *out = NULL;
    if (n <= 0)
        return 0;
    *out = arena_str(list, buf, (size_t)n);
    return *out ? 0 : -1;
}

static int sink(void *ud, const fig_cand *c)
{
    sink_ctx *sc = ud;
    earnings__figure_list *list = sc->list;
    if (list->count == list->cap &&
        earnings__grow((void **)&list->items, &list->cap, list->count + 1, sizeof *list->items))
        return EARNINGS_ENOMEM;
    earnings_figure *f = &list->items[list->count];
    memset(f, 0, sizeof *f);
    f->norm.start = c->s;
    f->norm.end = c->e;
    map_span(sc, c->s, c->e, &f->span);
    map_span(sc, c->ns, c->ne, &f->num);
    if (c->is_range)
        map_span(sc, c->hs, c->he, &f->num_high);
    f->kind = c->kind;
    f->is_range = c->is_range;
    f->qualifier = c->qual;
    f->direction = c->dir;
    f->comparison = c->cmp;
    f->flags = c->flags;
    f->lang = has_han(sc->text + c->s, c->e - c->s) ? EARNINGS_LANG_ZH : EARNINGS_LANG_EN;
    if (c->kind == EARNINGS_FIGURE_PERIOD || c->kind == EARNINGS_FIGURE_DATE) {
        f->period = arena_str(list, c->period, strlen(c->period));
        if (!f->period)
            return earnings__enomem();
    } else {
        f->value = f->low = earnings__fn_double(c->v);
        f->high = c->is_range ? earnings__fn_double(c->hi) : f->value;
        if (c->v.ok && (!c->is_range || c->hi.ok)) {
            if (exact_str(list, c->v, &f->value_exact))
                return earnings__enomem();
            f->low_exact = f->value_exact;
            f->high_exact = f->value_exact;
            if (c->is_range && exact_str(list, c->hi, &f->high_exact))
                return earnings__enomem();
        } else {
            f->flags |= EARNINGS_FIGURE_FLAG_INEXACT;
        }
        if (!f->value_exact || !f->high_exact) {
            f->value_exact = f->low_exact = f->high_exact = NULL;
            f->flags |= EARNINGS_FIGURE_FLAG_INEXACT;
        }
    }
    switch (c->umode) {
    case FU_STATIC:
        f->unit = c->unit;
        break;
    case FU_EN_NOUN:
        if (c->unit) {
            f->unit = c->unit;
        } else {
            char buf[64];
            size_t n = lemmatize(sc->text + c->us, c->ue - c->us, buf);
            f->unit = arena_str(list, buf, n);
            if (!f->unit)
                return earnings__enomem();
        }
        break;
    case FU_BUF:
        f->unit = arena_str(list, c->ubuf, strlen(c->ubuf));
        if (!f->unit)
            return earnings__enomem();
        break;
    case FU_RAW:
        f->unit = arena_str(list, sc->text + c->us, c->ue - c->us);
        if (!f->unit)
            return earnings__enomem();
        break;
    default:
        break;
    }
    list->count++;
    return 0;
}

int earnings__figures_extract_text(const char *text, size_t len, earnings__figure_list *out)
{
    if (!out || (!text && len))
        return earnings__error(EARNINGS_EINVAL, -1, "figures: NULL argument");
    sink_ctx sc = {out, NULL, text ? text : "", {0}};
    int rc = earnings__figscan(sc.text, len, sink, &sc);
    return rc;
}

int earnings__figures_extract(const earnings_normalized *norm, const earnings_token *tokens,
                              size_t ntokens, earnings__figure_list *out)
{
    (void)tokens;
    (void)ntokens;
    if (!norm || !out)
        return earnings__error(EARNINGS_EINVAL, -1, "figures: NULL argument");
    size_t n = 0;
    const char *text = earnings_normalized_text(norm, &n);
    sink_ctx sc = {out, earnings_normalized_is_identity(norm) ? NULL : norm, text ? text : "", {0}};
    return earnings__figscan(sc.text, n, sink, &sc);
}

/* ---- JSON ------------------------------------------------------------------ */

static void json_num(earnings__sb *sb, const char *exact, double v)
{
    if (exact) {
        earnings__sb_puts(sb, exact);
    } else if (v != v || v - v != 0) {
        earnings__sb_puts(sb, "null");
    } else {
        earnings__sb_printf(sb, "%.17g", v);
    }
}

static void json_opt(earnings__sb *sb, const char *s)
{
    if (s)
        earnings__sb_json_string(sb, s, strlen(s));
    else
        earnings__sb_puts(sb, "null");
}

void earnings__figure_to_json(earnings__sb *sb, const earnings_figure *f, const char *orig_text)
{
    earnings__sb_printf(sb, "{\"start\":%zu,\"end\":%zu", f->span.start, f->span.end);
    if (orig_text) {
        earnings__sb_puts(sb, ",\"text\":");
        earnings__sb_json_string(sb, orig_text + f->span.start, f->span.end - f->span.start);
    }
    earnings__sb_puts(sb, ",\"kind\":");
    json_opt(sb, earnings_figure_kind_name(f->kind));
    earnings__sb_puts(sb, ",\"value\":");
    if (f->kind == EARNINGS_FIGURE_PERIOD || f->kind == EARNINGS_FIGURE_DATE) {
        json_opt(sb, f->period);
    } else if (f->is_range) {
        earnings__sb_putc(sb, '[');
        json_num(sb, f->low_exact, f->low);
        earnings__sb_putc(sb, ',');
        json_num(sb, f->high_exact, f->high);
        earnings__sb_putc(sb, ']');
    } else {
        json_num(sb, f->value_exact, f->value);
    }
    earnings__sb_puts(sb, ",\"unit\":");
    json_opt(sb, f->unit);
    earnings__sb_puts(sb, ",\"qualifier\":");
    json_opt(sb, earnings_figure_qualifier_name(f->qualifier));
    earnings__sb_puts(sb, ",\"direction\":");
    json_opt(sb, earnings_figure_direction_name(f->direction));
    earnings__sb_puts(sb, ",\"comparison\":");
    json_opt(sb, earnings_figure_comparison_name(f->comparison));
    earnings__sb_puts(sb, ",\"lang\":");
    json_opt(sb, earnings_figure_lang_name(f->lang));
    earnings__sb_printf(sb, ",\"num\":[%zu,%zu]", f->num.start, f->num.end);
    if (f->is_range)
        earnings__sb_printf(sb, ",\"num_high\":[%zu,%zu]", f->num_high.start, f->num_high.end);
    if (f->flags & EARNINGS_FIGURE_FLAG_COUNT)
        earnings__sb_puts(sb, ",\"count\":true");
    if (f->flags & EARNINGS_FIGURE_FLAG_LOW_OPEN)
        earnings__sb_puts(sb, ",\"low_open\":true");
    if (f->flags & EARNINGS_FIGURE_FLAG_HIGH_OPEN)
        earnings__sb_puts(sb, ",\"high_open\":true");
    earnings__sb_putc(sb, '}');
}
