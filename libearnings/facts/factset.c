/* Fact sets: the facts of several documents, filtered and reconciled, and
 * the spellings of person names per source. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "facts/facts_internal.h"
#include "document/document_internal.h"

typedef struct mention {
    const char *id, *name, *text;
    int32_t match, distance;
    size_t source;
} mention;

struct earnings_factset {
    earnings__arena arena; /* every string of the set */
    const char **sources;
    size_t nsources, sources_cap;
    earnings_fact *facts;
    size_t *fact_source;
    size_t nfacts, facts_cap, fsrc_cap;
    mention *mentions;
    size_t nmentions, mentions_cap;
    /* results of earnings_factset_reconcile() */
    earnings_fact_group *groups;
    size_t ngroups;
    size_t *group_data; /* members and sides of every group */
    earnings_person_names *persons;
    size_t npersons;
    earnings_name_spelling *spellings;
};

static void drop_results(earnings_factset *s)
{
    earnings__free(s->groups);
    earnings__free(s->group_data);
    earnings__free(s->persons);
    earnings__free(s->spellings);
    s->groups = NULL;
    s->group_data = NULL;
    s->persons = NULL;
    s->spellings = NULL;
    s->ngroups = s->npersons = 0;
}

EARNINGS_API int earnings_factset_new(earnings_factset **out)
{
    if (!out)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_factset_new: out is NULL");
    *out = earnings__calloc(1, sizeof **out);
    if (!*out)
        return earnings__enomem();
    earnings__arena_init(&(*out)->arena);
    return EARNINGS_OK;
}

EARNINGS_API void earnings_factset_free(earnings_factset *set)
{
    if (!set)
        return;
    drop_results(set);
    earnings__arena_release(&set->arena);
    earnings__free(set->sources);
    earnings__free(set->facts);
    earnings__free(set->fact_source);
    earnings__free(set->mentions);
    earnings__free(set);
}

/* copy s into the arena; *ok cleared on failure (NULL stays NULL) */
static const char *dup(earnings_factset *set, const char *s, int *ok)
{
    if (!s || !*ok)
        return NULL;
    const char *p = earnings__arena_strdup(&set->arena, s);
    if (!p)
        *ok = 0;
    return p;
}

EARNINGS_API int earnings_factset_add_doc(earnings_factset *set, const earnings_doc *doc, const char *source_id)
{
    if (!set || !doc || !source_id)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_factset_add_doc: %s is NULL",
                               !set ? "set" : !doc ? "doc" : "source_id");
    size_t npersons = 0;
    for (size_t i = 0; i < doc->nentities; i++)
        npersons += doc->entities[i].type == EARNINGS_ENTITY_PERSON;
    /* reserve first, so that a failure leaves the set as it was */
    if (earnings__grow((void **)&set->sources, &set->sources_cap, set->nsources + 1, sizeof *set->sources) ||
        earnings__grow((void **)&set->facts, &set->facts_cap, set->nfacts + doc->nfacts + 1, sizeof *set->facts) ||
        earnings__grow((void **)&set->fact_source, &set->fsrc_cap, set->nfacts + doc->nfacts + 1,
                       sizeof *set->fact_source) ||
        earnings__grow((void **)&set->mentions, &set->mentions_cap, set->nmentions + npersons + 1,
                       sizeof *set->mentions))
        return EARNINGS_ENOMEM;
    int ok = 1;
    const char *src = dup(set, source_id, &ok);
    size_t si = set->nsources, nf = set->nfacts, nm = set->nmentions;
    for (size_t i = 0; i < doc->nfacts && ok; i++) {
        const earnings_fact *f = &doc->facts[i];
        earnings_fact *x = &set->facts[nf];
        *x = *f;
        x->text = dup(set, f->text, &ok);
        x->entity_id = dup(set, f->entity_id, &ok);
        x->entity_name = dup(set, f->entity_name, &ok);
        x->metric_id = dup(set, f->metric_id, &ok);
        x->metric_name = dup(set, f->metric_name, &ok);
        x->period = dup(set, f->period, &ok);
        x->value_exact = dup(set, f->value_exact, &ok);
        x->low_exact = dup(set, f->low_exact, &ok);
        x->high_exact = dup(set, f->high_exact, &ok);
        x->unit = dup(set, f->unit, &ok);
        x->basis_detail = dup(set, f->basis_detail, &ok);
        set->fact_source[nf++] = si;
    }
    for (size_t i = 0; i < doc->nentities && ok; i++) {
        const earnings_entity *e = &doc->entities[i];
        if (e->type != EARNINGS_ENTITY_PERSON)
            continue;
        mention *m = &set->mentions[nm++];
        m->id = dup(set, e->id, &ok);
        m->name = dup(set, e->name, &ok);
        m->text = ok ? earnings__arena_strndup(&set->arena, doc->text + e->span.start, e->span.end - e->span.start)
                     : NULL;
        if (ok && !m->text)
            ok = 0;
        m->match = e->match;
        m->distance = e->distance;
        m->source = si;
    }
    if (!ok)
        return EARNINGS_ENOMEM; /* counts unchanged: the set is as it was */
    drop_results(set);
    set->sources[set->nsources++] = src;
    set->nfacts = nf;
    set->nmentions = nm;
    return EARNINGS_OK;
}

EARNINGS_API size_t earnings_factset_count(const earnings_factset *set) { return set ? set->nfacts : 0; }

EARNINGS_API const earnings_fact *earnings_factset_fact(const earnings_factset *set, size_t i,
                                                        const char **source_out)
{
    if (!set || i >= set->nfacts) {
        if (source_out)
            *source_out = NULL;
        return NULL;
    }
    if (source_out)
        *source_out = set->sources[set->fact_source[i]];
    return &set->facts[i];
}

static int str_eq(const char *a, const char *b) { return a == b || (a && b && !strcmp(a, b)); }

EARNINGS_API int earnings_factset_filter(const earnings_factset *set, const char *entity, const char *metric,
                                         const char *period, int32_t kind, size_t *indices, size_t cap,
                                         size_t *count_out)
{
    if (count_out)
        *count_out = 0;
    if (!set || !count_out || (cap && !indices))
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_factset_filter: %s",
                               !set ? "set is NULL" : !count_out ? "count_out is NULL" : "indices is NULL");
    if (kind < 0 || kind > EARNINGS_FACT_CHANGE)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_factset_filter: unknown kind %d", (int)kind);
    size_t n = 0;
    for (size_t i = 0; i < set->nfacts; i++) {
        const earnings_fact *f = &set->facts[i];
        if ((entity && !str_eq(entity, f->entity_id)) || (metric && !str_eq(metric, f->metric_id)) ||
            (period && !str_eq(period, f->period)) || (kind && kind != f->kind))
            continue;
        if (n < cap)
            indices[n] = i;
        n++;
    }
    *count_out = n;
    return EARNINGS_OK;
}

/* ---- reconcile ------------------------------------------------------------------ */

static int cmp_str(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

typedef struct keyed {
    const earnings_fact *f;
    size_t index;
} keyed;

/* What an excluding basis leaves out, coarsely: 1 currency effects, 2 the
 * adjustments of a non-GAAP or adjusted measure, 0 a named item. Facts of
 * different classes state different things; the wording of a named item
 * varies too much between sources to tell items apart. */
static int detail_class(const earnings_fact *f)
{
    const char *d = f->basis_detail;
    if (!d)
        return 0;
    if (!strcmp(d, "currency"))
        return 1;
    if (earnings__adjusted_detail(d))
        return 2;
    return 0;
}

/* The unit a fact is grouped by: the English form of a counted unit
 * (lexicons/facts/unit_equivalents.def), else the unit as written. */
static const char *group_unit(const char *u)
{
    static const struct {
        const char *unit, *same;
    } same[] = {
#define FACT_UNIT_SAME(u, e) { u, e },
#include "lexicons/facts/unit_equivalents.def"
#undef FACT_UNIT_SAME
    };
    if (!u)
        return u;
    for (size_t k = 0; k < sizeof same / sizeof same[0]; k++)
        if (u[0] == same[k].unit[0] && !strcmp(u, same[k].unit))
            return same[k].same;
    return u;
}

static int cmp_key(const earnings_fact *a, const earnings_fact *b)
{
    int r;
    if ((r = cmp_str(a->entity_id, b->entity_id)) || (r = cmp_str(a->metric_id, b->metric_id)) ||
        (r = cmp_str(a->period, b->period)))
        return r;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->basis != b->basis)
        return a->basis < b->basis ? -1 : 1;
    if (a->basis == EARNINGS_BASIS_EXCLUDING && detail_class(a) != detail_class(b))
        return detail_class(a) < detail_class(b) ? -1 : 1;
    if (a->comparison != b->comparison)
        return a->comparison < b->comparison ? -1 : 1;
    return cmp_str(group_unit(a->unit), group_unit(b->unit));
}

static int cmp_keyed(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    int r = cmp_key(a->f, b->f);
    if (r)
        return r;
    return a->index < b->index ? -1 : a->index > b->index;
}

static int near_eq(double a, double b, double tol) { return earnings__fabs(a - b) <= tol; }

/* Values equal once the more precise one is rounded to the precision of the
 * less precise one. */
static int eq_rounded(double a, double pa, double b, double pb)
{
    double p = pa > pb ? pa : pb;
    if (!(p > 0))
        return a == b;
    double tol = p * 1e-6;
    double ra = pa < p ? earnings__round(a / p) * p : a;
    double rb = pb < p ? earnings__round(b / p) * p : b;
    return near_eq(ra, rb, tol);
}

static int same_value(const earnings_fact *a, const earnings_fact *b)
{
    if (a->is_range && b->is_range)
        return eq_rounded(a->low, a->precision, b->low, b->precision) &&
               eq_rounded(a->high, a->precision, b->high, b->precision);
    if (a->is_range || b->is_range) {
        const earnings_fact *r = a->is_range ? a : b, *pt = a->is_range ? b : a;
        double p = r->precision > pt->precision ? r->precision : pt->precision;
        return pt->value >= r->low - p * 0.5 && pt->value <= r->high + p * 0.5;
    }
    if (eq_rounded(a->value, a->precision, b->value, b->precision))
        return 1;
    /* a bound (`over $21 billion`) agrees with any value on its side of it
     * (`$21.7 billion`) */
    for (int k = 0; k < 2; k++) {
        const earnings_fact *q = k ? b : a, *o = k ? a : b;
        double tol = (q->precision > o->precision ? q->precision : o->precision) * 1e-6;
        if ((q->qualifier == EARNINGS_QUALIFIER_OVER || q->qualifier == EARNINGS_QUALIFIER_AT_LEAST) &&
            o->qualifier != EARNINGS_QUALIFIER_UNDER && o->qualifier != EARNINGS_QUALIFIER_AT_MOST &&
            o->value >= q->value - tol)
            return 1;
        if ((q->qualifier == EARNINGS_QUALIFIER_UNDER || q->qualifier == EARNINGS_QUALIFIER_AT_MOST ||
             q->qualifier == EARNINGS_QUALIFIER_NEARLY) &&
            o->qualifier != EARNINGS_QUALIFIER_OVER && o->qualifier != EARNINGS_QUALIFIER_AT_LEAST &&
            o->value <= q->value + tol)
            return 1;
    }
    return 0;
}

static int identical(const earnings_fact *a, const earnings_fact *b)
{
    double tol = 1e-9 * (earnings__fabs(a->value) + earnings__fabs(b->value) + 1e-300);
    return a->is_range == b->is_range && near_eq(a->low, b->low, tol) && near_eq(a->high, b->high, tol) &&
           near_eq(a->precision, b->precision, 1e-9 * (a->precision + b->precision));
}

typedef struct mref {
    size_t index;
    const mention *m;
} mref;

static int cmp_mref(const void *pa, const void *pb)
{
    const mref *a = pa, *b = pb;
    int r = strcmp(a->m->id, b->m->id);
    if (r)
        return r;
    return a->index < b->index ? -1 : a->index > b->index;
}

static int reconcile_names(earnings_factset *set)
{
    if (!set->nmentions)
        return 0;
    mref *r = earnings__malloc(set->nmentions * sizeof *r);
    set->persons = earnings__calloc(set->nmentions, sizeof *set->persons);
    set->spellings = earnings__calloc(set->nmentions, sizeof *set->spellings);
    if (!r || !set->persons || !set->spellings) {
        earnings__free(r);
        return earnings__enomem();
    }
    for (size_t i = 0; i < set->nmentions; i++) {
        r[i].index = i;
        r[i].m = &set->mentions[i];
    }
    qsort(r, set->nmentions, sizeof *r, cmp_mref);
    size_t ns = 0;
    for (size_t i = 0; i < set->nmentions;) {
        size_t j = i;
        earnings_person_names *p = &set->persons[set->npersons++];
        p->id = r[i].m->id;
        p->name = r[i].m->name;
        p->spellings = &set->spellings[ns];
        size_t first = ns;
        for (; j < set->nmentions && !strcmp(r[j].m->id, p->id); j++) {
            const mention *m = r[j].m;
            if (m->match == EARNINGS_MATCH_VARIANT || m->match == EARNINGS_MATCH_FUZZY)
                p->has_variants = 1;
            size_t k = first;
            while (k < ns && !(set->spellings[k].source == set->sources[m->source] &&
                               !strcmp(set->spellings[k].text, m->text)))
                k++;
            if (k == ns) {
                earnings_name_spelling *sp = &set->spellings[ns++];
                sp->source = set->sources[m->source];
                sp->text = m->text;
                sp->match = m->match;
                sp->distance = m->distance;
                sp->count = 0;
            }
            set->spellings[k].count++;
        }
        p->spelling_count = ns - first;
        i = j;
    }
    earnings__free(r);
    return 0;
}

EARNINGS_API int earnings_factset_reconcile(earnings_factset *set)
{
    if (!set)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_factset_reconcile: set is NULL");
    drop_results(set);
    size_t n = set->nfacts;
    keyed *k = n ? earnings__malloc(n * sizeof *k) : NULL;
    size_t *rep = n ? earnings__malloc(n * sizeof *rep) : NULL;
    if (n) {
        set->groups = earnings__calloc(n, sizeof *set->groups);
        set->group_data = earnings__malloc(2 * n * sizeof *set->group_data);
    }
    if (n && (!k || !rep || !set->groups || !set->group_data)) {
        earnings__free(k);
        earnings__free(rep);
        drop_results(set);
        return earnings__enomem();
    }
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        k[i].f = &set->facts[i];
        k[i].index = i;
    }
    if (n)
        qsort(k, n, sizeof *k, cmp_keyed);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && !cmp_key(k[i].f, k[j].f))
            j++;
        if (j - i >= 2 && k[i].f->period) {
            earnings_fact_group *g = &set->groups[set->ngroups++];
            size_t m = j - i;
            size_t *members = set->group_data + used;
            size_t *sides = members + m;
            used += 2 * m;
            size_t nsides = 0;
            int all_identical = 1;
            for (size_t a = 0; a < m; a++) {
                const earnings_fact *f = k[i + a].f;
                members[a] = k[i + a].index;
                if (a && !identical(f, k[i].f))
                    all_identical = 0;
                size_t s = 0;
                while (s < nsides && !same_value(&set->facts[rep[s]], f))
                    s++;
                if (s == nsides)
                    rep[nsides++] = k[i + a].index;
                sides[a] = s;
            }
            g->member_count = m;
            g->members = members;
            g->member_side = sides;
            g->side_count = nsides;
            g->verdict = nsides > 1       ? EARNINGS_VERDICT_CONFLICT
                         : all_identical ? EARNINGS_VERDICT_AGREE
                                         : EARNINGS_VERDICT_AGREE_WITHIN_ROUNDING;
        }
        i = j;
    }
    earnings__free(k);
    earnings__free(rep);
    int rc = reconcile_names(set);
    if (rc < 0) {
        drop_results(set);
        return rc;
    }
    return EARNINGS_OK;
}

EARNINGS_API size_t earnings_factset_group_count(const earnings_factset *set) { return set ? set->ngroups : 0; }

EARNINGS_API const earnings_fact_group *earnings_factset_group(const earnings_factset *set, size_t i)
{
    return (set && i < set->ngroups) ? &set->groups[i] : NULL;
}

EARNINGS_API size_t earnings_factset_person_count(const earnings_factset *set)
{
    return set ? set->npersons : 0;
}

EARNINGS_API const earnings_person_names *earnings_factset_person(const earnings_factset *set, size_t i)
{
    return (set && i < set->npersons) ? &set->persons[i] : NULL;
}

/* ---- JSON ------------------------------------------------------------------------- */

static void jstr(earnings__sb *sb, const char *s)
{
    if (s)
        earnings__sb_json_string(sb, s, strlen(s));
    else
        earnings__sb_puts(sb, "null");
}

EARNINGS_API int earnings_factset_to_json(const earnings_factset *set, earnings_buf *out)
{
    if (!out)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_factset_to_json: out is NULL");
    out->ptr = NULL;
    out->size = 0;
    if (!set)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_factset_to_json: set is NULL");
    earnings__sb sb;
    earnings__sb_init(&sb);
    earnings__sb_printf(&sb, "{\"schema\":\"libearnings/factset\",\"schema_version\":1,\"library_version\":\"%s\"",
                        EARNINGS_VERSION_STRING);
    earnings__sb_puts(&sb, ",\"sources\":[");
    for (size_t i = 0; i < set->nsources; i++) {
        if (i)
            earnings__sb_putc(&sb, ',');
        jstr(&sb, set->sources[i]);
    }
    earnings__sb_puts(&sb, "],\n\"facts\":[");
    for (size_t i = 0; i < set->nfacts; i++) {
        earnings__sb_puts(&sb, i ? ",\n" : "\n");
        earnings__fact_to_json(&sb, &set->facts[i], set->sources[set->fact_source[i]]);
    }
    earnings__sb_puts(&sb, "],\n\"groups\":[");
    for (size_t i = 0; i < set->ngroups; i++) {
        const earnings_fact_group *g = &set->groups[i];
        const earnings_fact *f = &set->facts[g->members[0]];
        earnings__sb_puts(&sb, i ? ",\n{" : "\n{");
        earnings__sb_puts(&sb, "\"entity\":");
        jstr(&sb, f->entity_id);
        earnings__sb_puts(&sb, ",\"metric\":");
        jstr(&sb, f->metric_id);
        earnings__sb_puts(&sb, ",\"period\":");
        jstr(&sb, f->period);
        earnings__sb_printf(&sb, ",\"kind\":\"%s\",\"basis\":\"%s\",\"comparison\":", earnings_fact_kind_name(f->kind),
                            earnings_fact_basis_name(f->basis));
        jstr(&sb, earnings_figure_comparison_name(f->comparison));
        earnings__sb_puts(&sb, ",\"unit\":");
        jstr(&sb, f->unit);
        earnings__sb_printf(&sb, ",\"verdict\":\"%s\",\"members\":[", earnings_fact_verdict_name(g->verdict));
        for (size_t m = 0; m < g->member_count; m++)
            earnings__sb_printf(&sb, "%s%zu", m ? "," : "", g->members[m]);
        earnings__sb_puts(&sb, "],\"sides\":[");
        for (size_t s = 0; s < g->side_count; s++) {
            earnings__sb_puts(&sb, s ? ",{" : "{");
            const earnings_fact *r = NULL;
            for (size_t m = 0; m < g->member_count && !r; m++)
                if (g->member_side[m] == s)
                    r = &set->facts[g->members[m]];
            earnings__sb_puts(&sb, "\"text\":");
            jstr(&sb, r ? r->text : NULL);
            earnings__sb_puts(&sb, ",\"members\":[");
            int first = 1;
            for (size_t m = 0; m < g->member_count; m++)
                if (g->member_side[m] == s) {
                    earnings__sb_printf(&sb, "%s%zu", first ? "" : ",", g->members[m]);
                    first = 0;
                }
            earnings__sb_puts(&sb, "],\"sources\":[");
            first = 1;
            for (size_t m = 0; m < g->member_count; m++) {
                if (g->member_side[m] != s)
                    continue;
                size_t src = set->fact_source[g->members[m]];
                int seen = 0;
                for (size_t q = 0; q < m; q++)
                    if (g->member_side[q] == s && set->fact_source[g->members[q]] == src)
                        seen = 1;
                if (seen)
                    continue;
                if (!first)
                    earnings__sb_putc(&sb, ',');
                jstr(&sb, set->sources[src]);
                first = 0;
            }
            earnings__sb_puts(&sb, "]}");
        }
        earnings__sb_puts(&sb, "]}");
    }
    earnings__sb_puts(&sb, "],\n\"names\":[");
    for (size_t i = 0; i < set->npersons; i++) {
        const earnings_person_names *p = &set->persons[i];
        earnings__sb_puts(&sb, i ? ",\n{\"id\":" : "\n{\"id\":");
        jstr(&sb, p->id);
        earnings__sb_puts(&sb, ",\"name\":");
        jstr(&sb, p->name);
        earnings__sb_printf(&sb, ",\"has_variants\":%s,\"spellings\":[", p->has_variants ? "true" : "false");
        for (size_t s = 0; s < p->spelling_count; s++) {
            const earnings_name_spelling *sp = &p->spellings[s];
            earnings__sb_puts(&sb, s ? ",{\"source\":" : "{\"source\":");
            jstr(&sb, sp->source);
            earnings__sb_puts(&sb, ",\"text\":");
            jstr(&sb, sp->text);
            earnings__sb_printf(&sb, ",\"match\":\"%s\",\"distance\":%d,\"count\":%zu}",
                                earnings_entity_match_name(sp->match), (int)sp->distance, sp->count);
        }
        earnings__sb_puts(&sb, "]}");
    }
    earnings__sb_puts(&sb, "]}\n");
    return earnings__sb_to_buf(&sb, out);
}
