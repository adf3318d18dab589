/* Public face of the facts stage: names of enums, document accessors, the
 * JSON record of a fact, the string arena and the precision of a figure. */
#include <math.h>
#include <string.h>

#include "facts/facts_internal.h"
#include "document/document_internal.h"

/* ---- arena --------------------------------------------------------------- */

struct earnings__arena_block {
    earnings__arena_block *next;
    size_t used, cap;
    _Alignas(max_align_t) char data[];
};

#define ARENA_BLOCK 4096

void earnings__arena_init(earnings__arena *a) { a->head = NULL; }

void earnings__arena_release(earnings__arena *a)
{
    earnings__arena_block *b = a->head;
    while (b) {
        earnings__arena_block *n = b->next;
        earnings__free(b);
        b = n;
    }
    a->head = NULL;
}

void *earnings__arena_alloc(earnings__arena *a, size_t n)
{
    const size_t al = _Alignof(max_align_t);
    n = (n + al - 1) / al * al;
    earnings__arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        earnings__arena_block *nb = earnings__malloc(sizeof *nb + cap);
        if (!nb) {
            earnings__enomem();
            return NULL;
        }
        nb->used = 0;
        nb->cap = cap;
        if (b && n > ARENA_BLOCK) { /* a big one: keep the current block current */
            nb->next = b->next;
            b->next = nb;
            nb->used = n;
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

char *earnings__arena_strndup(earnings__arena *a, const char *s, size_t n)
{
    char *p = earnings__arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *earnings__arena_strdup(earnings__arena *a, const char *s)
{
    return s ? earnings__arena_strndup(a, s, strlen(s)) : NULL;
}

/* ---- names ----------------------------------------------------------------- */

EARNINGS_API const char *earnings_fact_kind_name(int32_t kind)
{
    switch (kind) {
    case EARNINGS_FACT_LEVEL: return "level";
    case EARNINGS_FACT_GROWTH: return "growth";
    case EARNINGS_FACT_CHANGE: return "change";
    default: return "unknown";
    }
}

EARNINGS_API const char *earnings_fact_basis_name(int32_t basis)
{
    switch (basis) {
    case EARNINGS_BASIS_REPORTED: return "reported";
    case EARNINGS_BASIS_EXCLUDING: return "excluding";
    case EARNINGS_BASIS_GUIDANCE: return "guidance";
    case EARNINGS_BASIS_TARGET: return "target";
    case EARNINGS_BASIS_ESTIMATE: return "estimate";
    default: return "unknown";
    }
}

EARNINGS_API const char *earnings_fact_verdict_name(int32_t verdict)
{
    switch (verdict) {
    case EARNINGS_VERDICT_AGREE: return "agree";
    case EARNINGS_VERDICT_AGREE_WITHIN_ROUNDING: return "agree_within_rounding";
    case EARNINGS_VERDICT_CONFLICT: return "conflict";
    default: return "unknown";
    }
}

/* ---- documents ------------------------------------------------------------- */

EARNINGS_API size_t earnings_doc_fact_count(const earnings_doc *doc) { return doc ? doc->nfacts : 0; }

EARNINGS_API const earnings_fact *earnings_doc_fact(const earnings_doc *doc, size_t i)
{
    return (doc && i < doc->nfacts) ? &doc->facts[i] : NULL;
}

void earnings__doc_facts_free(earnings_doc *doc)
{
    if (!doc)
        return;
    earnings__arena a = { doc->fact_strings };
    earnings__arena_release(&a);
    earnings__free(doc->facts);
    doc->facts = NULL;
    doc->nfacts = 0;
    doc->fact_strings = NULL;
}

/* ---- precision ------------------------------------------------------------- */

double earnings__figure_precision(const earnings_figure *f, const char *orig_text)
{
    double v = earnings__fabs(f->value);
    const char *s = orig_text ? orig_text + f->num.start : NULL;
    const char *e = orig_text ? orig_text + f->num.end : NULL;
    /* skip to the first digit of the number's text */
    while (s && s < e && !(*s >= '0' && *s <= '9'))
        s++;
    if (!s || s >= e) {
        if (!(v > 0) || v > 1e300)
            return 1;
        return earnings__floor_pow10(v);
    }
    double x = 0, frac = 1;
    int dot = 0, decimals = 0;
    for (; s < e; s++) {
        if (*s >= '0' && *s <= '9') {
            if (dot) {
                frac /= 10;
                x += (*s - '0') * frac;
                decimals++;
            } else {
                x = x * 10 + (*s - '0');
            }
        } else if (*s == ',' && !dot && s + 1 < e && s[1] >= '0' && s[1] <= '9') {
            continue;
        } else if (*s == '.' && !dot && s + 1 < e && s[1] >= '0' && s[1] <= '9') {
            dot = 1;
        } else {
            break;
        }
    }
    if (!(x > 0) || !(v > 0) || v > 1e300)
        return 1;
    double scale = v / x;
    /* snap the scale to a power of ten (1e9 for billion, 1e8 for 亿) */
    double p10 = earnings__floor_pow10(scale);
    if (scale / p10 > 3.1622776601683795)
        p10 *= 10;
    if (earnings__fabs(scale - p10) <= p10 * 1e-9)
        scale = p10;
    return scale * earnings__pow10(-decimals);
}

/* ---- JSON ------------------------------------------------------------------ */

static void json_str_or_null(earnings__sb *sb, const char *key, const char *v)
{
    earnings__sb_printf(sb, ",\"%s\":", key);
    if (v)
        earnings__sb_json_string(sb, v, strlen(v));
    else
        earnings__sb_puts(sb, "null");
}

static void json_number(earnings__sb *sb, double v, const char *exact)
{
    if (exact)
        earnings__sb_puts(sb, exact);
    else if (isfinite(v))
        earnings__sb_printf(sb, "%.17g", v);
    else
        earnings__sb_puts(sb, "null");
}

/* exact strings are of the figure's (unsigned) value: negate when needed */
static void json_signed(earnings__sb *sb, double v, const char *exact)
{
    if (exact && v < 0 && exact[0] != '-') {
        earnings__sb_putc(sb, '-');
        earnings__sb_puts(sb, exact);
    } else if (exact && v >= 0 && exact[0] == '-') {
        earnings__sb_puts(sb, exact + 1);
    } else {
        json_number(sb, v, exact);
    }
}

void earnings__fact_to_json(earnings__sb *sb, const earnings_fact *f, const char *source)
{
    earnings__sb_putc(sb, '{');
    if (source) {
        earnings__sb_puts(sb, "\"source\":");
        earnings__sb_json_string(sb, source, strlen(source));
        earnings__sb_putc(sb, ',');
    }
    earnings__sb_printf(sb, "\"start\":%zu,\"end\":%zu,\"text\":", f->span.start, f->span.end);
    earnings__sb_json_string(sb, f->text, strlen(f->text));
    json_str_or_null(sb, "entity", f->entity_id);
    json_str_or_null(sb, "entity_name", f->entity_name);
    json_str_or_null(sb, "metric", f->metric_id);
    json_str_or_null(sb, "metric_name", f->metric_name);
    earnings__sb_printf(sb, ",\"kind\":\"%s\"", earnings_fact_kind_name(f->kind));
    json_str_or_null(sb, "period", f->period);
    earnings__sb_printf(sb, ",\"period_inferred\":%s,\"value\":", f->period_inferred ? "true" : "false");
    if (f->is_range) {
        earnings__sb_putc(sb, '[');
        json_signed(sb, f->low, f->low_exact);
        earnings__sb_putc(sb, ',');
        json_signed(sb, f->high, f->high_exact);
        earnings__sb_putc(sb, ']');
    } else {
        json_signed(sb, f->value, f->value_exact);
    }
    json_str_or_null(sb, "unit", f->unit);
    json_str_or_null(sb, "qualifier", earnings_figure_qualifier_name(f->qualifier));
    json_str_or_null(sb, "direction", earnings_figure_direction_name(f->direction));
    json_str_or_null(sb, "comparison", earnings_figure_comparison_name(f->comparison));
    earnings__sb_printf(sb, ",\"basis\":\"%s\"", earnings_fact_basis_name(f->basis));
    json_str_or_null(sb, "excluding", f->basis == EARNINGS_BASIS_EXCLUDING ? f->basis_detail : NULL);
    earnings__sb_printf(sb, ",\"confidence\":%.2f,\"sentence\":[%zu,%zu],\"figure\":%zu,\"lang\":\"%s\"",
                        f->confidence, f->sentence.start, f->sentence.end, f->figure,
                        earnings_figure_lang_name(f->lang));
    if (f->entity_span.end > f->entity_span.start)
        earnings__sb_printf(sb, ",\"entity_span\":[%zu,%zu]", f->entity_span.start, f->entity_span.end);
    if (f->metric_span.end > f->metric_span.start)
        earnings__sb_printf(sb, ",\"metric_span\":[%zu,%zu]", f->metric_span.start, f->metric_span.end);
    earnings__sb_putc(sb, '}');
}
