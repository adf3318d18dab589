/* earnings: command-line front end of libearnings.
 *
 *   earnings normalize [--simplified|--traditional] [--casefold] [--keep-cjk-punct] [--replace-invalid] [FILE|-]
 *   earnings tokenize  [--chars] [--replace-invalid] [FILE|-]
 *   earnings sentences [--replace-invalid] [FILE|-]
 *   earnings figures   [--lang en|zh|auto] [FILE|-]
 *   earnings entities  [--lexicon FILE]... [FILE|-]
 *   earnings facts     [--table] [--lexicon FILE]... FILE...
 *   earnings reconcile [--table] [--lexicon FILE]... FILE...
 *
 * Output of tokenize and sentences is JSON Lines: one item a line with
 * start/end (byte offsets into the input), text (the input bytes) and type.
 * facts prints one fact a line with its source (the file name); reconcile
 * prints one JSON document (docs/schema/facts.md); --table prints aligned
 * columns instead (Han characters count two columns).
 * Exit status: 0 on success, 1 on a processing error, 2 on a usage error. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <earnings.h>

static const char *prog = "earnings";

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s COMMAND [OPTIONS] [FILE|-]\n"
            "\n"
            "Commands:\n"
            "  normalize   print the normalized text\n"
            "  tokenize    print tokens as JSON Lines\n"
            "  sentences   print sentences as JSON Lines\n"
            "  figures     print figures (numbers, money, percentages, quantities,\n"
            "              ranges, periods, dates) as JSON Lines\n"
            "  entities    print entities (companies, segments, products, people,\n"
            "              roles, tickers) and metrics as JSON Lines\n"
            "  facts       print facts (entity, metric, period, value, basis) of\n"
            "              each FILE as JSON Lines\n"
            "  reconcile   group the facts of all FILEs, judge agreement, list the\n"
            "              spellings of person names; one JSON document\n"
            "\n"
            "Options:\n"
            "  --simplified       read Traditional Chinese as Simplified (the default\n"
            "                     of every command but normalize)\n"
            "  --traditional      keep Traditional Chinese characters as they are\n"
            "  --casefold         fold case (normalize)\n"
            "  --keep-cjk-punct   keep CJK punctuation as it is\n"
            "  --replace-invalid  replace invalid UTF-8 by U+FFFD instead of failing\n"
            "  --chars            tokenize: one token per Han character (no dictionary)\n"
            "  --lang L           figures: en, zh or auto (default auto: both languages\n"
            "                     in one pass; en or zh keep only figures of that language)\n"
            "  --lexicon FILE     add a lexicon file (docs/lexicons.md); repeatable\n"
            "  --table            facts, reconcile: a readable table instead of JSON\n"
            "  -h, --help         show this help\n"
            "  --version          show the library version\n"
            "\n"
            "FILE defaults to standard input; '-' also means standard input.\n",
            prog);
}

/* Read a whole stream into memory. Returns NULL and sets errno on failure. */
static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) {
            if (ferror(f)) {
                free(buf);
                return NULL;
            }
            if (feof(f))
                break;
            continue;
        }
        char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            return NULL;
        }
        buf = nb;
        cap *= 2;
    }
    *len = n;
    return buf;
}

static int fail(const char *what)
{
    const earnings_error *e = earnings_error_last();
    if (e->byte_offset >= 0)
        fprintf(stderr, "%s: %s: %s (byte %lld)\n", prog, what, e->message, (long long)e->byte_offset);
    else
        fprintf(stderr, "%s: %s: %s\n", prog, what, e->message);
    return 1;
}

/* Flush standard output; a failure turns a successful status into 1. */
static int flush_out(int status)
{
    if (fflush(stdout) != 0 && !status) {
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
        status = 1;
    }
    return status;
}

static int write_out(const char *p, size_t n)
{
    if (n && fwrite(p, 1, n, stdout) != n) {
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
        return 1;
    }
    return 0;
}

/* An engine with the built-in lexicons plus the caller's files. */
static int new_engine(earnings_engine **eng, const char *const *files, size_t n)
{
    earnings_lexicon *lex = NULL;
    int rc = EARNINGS_OK;
    if (n) {
        rc = earnings_lexicon_new(&lex);
        for (size_t i = 0; rc == EARNINGS_OK && i < n; i++)
            if ((rc = earnings_lexicon_add_file(lex, files[i])) != EARNINGS_OK)
                fail(files[i]);
    }
    if (rc == EARNINGS_OK && (rc = earnings_engine_new_with_lexicon(eng, NULL, lex)) != EARNINGS_OK)
        fail("engine");
    earnings_lexicon_free(lex);
    return rc;
}

/* JSON Lines of the figures of one language: the document's JSON Lines,
 * filtered by the records' lang (line i is figure i). */
static int print_figures_of(const earnings_doc *doc, int32_t lang)
{
    earnings_buf buf = EARNINGS_BUF_INIT;
    if (earnings_doc_to_json(doc, EARNINGS_JSON_LINES | EARNINGS_JSON_FIGURES, &buf) != EARNINGS_OK)
        return fail("json");
    int status = 0;
    const char *line = buf.ptr;
    for (size_t i = 0; i < earnings_doc_figure_count(doc) && line && !status; i++) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) + 1 : strlen(line);
        if (earnings_doc_figure(doc, i)->lang == lang)
            status = write_out(line, n);
        line = nl ? nl + 1 : NULL;
    }
    earnings_buf_dispose(&buf);
    return status;
}

/* ---- facts and reconcile ------------------------------------------------ */

/* Display width of UTF-8 text: East Asian wide characters take two columns. */
static size_t display_width(const char *s)
{
    size_t w = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned cp = *p;
        int n = 1;
        if (cp >= 0xF0 && p[1] && p[2] && p[3]) {
            cp = ((cp & 7u) << 18) | ((p[1] & 63u) << 12) | ((p[2] & 63u) << 6) | (p[3] & 63u);
            n = 4;
        } else if (cp >= 0xE0 && p[1] && p[2]) {
            cp = ((cp & 15u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u);
            n = 3;
        } else if (cp >= 0xC0 && p[1]) {
            cp = ((cp & 31u) << 6) | (p[1] & 63u);
            n = 2;
        }
        int wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                   (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                   (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                   (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        w += wide ? 2 : 1;
        p += n;
    }
    return w;
}

/* A table of rows x cols cells (strings owned by the table). */
typedef struct table {
    char **cells;
    size_t ncols, nrows, cap;
} table;

static int table_add(table *t, const char *const *row)
{
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        char **nc = realloc(t->cells, cap * t->ncols * sizeof *nc);
        if (!nc)
            return -1;
        t->cells = nc;
        t->cap = cap;
    }
    for (size_t c = 0; c < t->ncols; c++) {
        const char *v = row[c] ? row[c] : "-";
        char *d = malloc(strlen(v) + 1);
        if (!d)
            return -1;
        strcpy(d, v);
        /* one line per cell */
        for (char *q = d; *q; q++)
            if (*q == '\n' || *q == '\t')
                *q = ' ';
        t->cells[t->nrows * t->ncols + c] = d;
    }
    t->nrows++;
    return 0;
}

static void table_print(const table *t)
{
    size_t width[16] = { 0 };
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols && c < 16; c++) {
            size_t w = display_width(t->cells[r * t->ncols + c]);
            if (w > width[c])
                width[c] = w;
        }
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const char *v = t->cells[r * t->ncols + c];
            fputs(v, stdout);
            if (c + 1 < t->ncols)
                for (size_t k = display_width(v); k < width[c] + 2; k++)
                    putchar(' ');
        }
        putchar('\n');
        if (r == 0) { /* rule under the header */
            size_t total = 0;
            for (size_t c = 0; c < t->ncols; c++)
                total += width[c] + (c + 1 < t->ncols ? 2 : 0);
            for (size_t k = 0; k < total; k++)
                putchar('-');
            putchar('\n');
        }
    }
}

static void table_free(table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
}

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

/* A number for people: 180200000000 -> "180.2B", 0.5 -> "0.5" (the JSON
 * output keeps exact values; tables only need to be read). */
static void fmt_number(char *out, size_t cap, double v)
{
    static const struct { double scale; const char *suffix; } scales[] = {
        { 1e12, "T" }, { 1e9, "B" }, { 1e6, "M" },
    };
    double a = v < 0 ? -v : v;
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++)
        if (a >= scales[i].scale) {
            snprintf(out, cap, "%.6g%s", v / scales[i].scale, scales[i].suffix);
            return;
        }
    snprintf(out, cap, "%.6g", v);
}

static void fmt_value(char *out, size_t cap, const earnings_fact *f)
{
    char lo[32], hi[32];
    fmt_number(lo, sizeof lo, f->is_range ? f->low : f->value);
    if (f->is_range) {
        fmt_number(hi, sizeof hi, f->high);
        snprintf(out, cap, "%s..%s%s%s", lo, hi, f->unit ? " " : "", f->unit ? f->unit : "");
    } else {
        snprintf(out, cap, "%s%s%s", lo, f->unit ? " " : "", f->unit ? f->unit : "");
    }
}

static void fact_row(table *t, const earnings_fact *f, const char *source)
{
    char value[96], conf[16], basis[160];
    fmt_value(value, sizeof value, f);
    snprintf(conf, sizeof conf, "%.2f", f->confidence);
    snprintf(basis, sizeof basis, "%s%s%s", earnings_fact_basis_name(f->basis), f->basis_detail ? ": " : "",
             f->basis_detail ? f->basis_detail : "");
    char period[32];
    snprintf(period, sizeof period, "%s%s", f->period ? f->period : "-", f->period_inferred ? "*" : "");
    const char *kind = earnings_fact_kind_name(f->kind);
    char kindc[48];
    const char *cmp = earnings_figure_comparison_name(f->comparison);
    snprintf(kindc, sizeof kindc, "%s%s%s", kind, cmp ? " " : "", cmp ? cmp : "");
    const char *row[] = { source, f->entity_name, f->metric_name, period, kindc, f->text, value, basis, conf };
    table_add(t, row);
}

/* Parse every file into a document with its facts; calls fn(doc, source) on each. */
typedef int (*doc_fn)(const earnings_doc *doc, const char *source, void *arg);

static int for_each_doc(const earnings_engine *eng, char *const *paths, size_t npaths, uint32_t nflags,
                        doc_fn fn, void *arg)
{
    int status = 0;
    for (size_t i = 0; i < npaths && !status; i++) {
        FILE *in = strcmp(paths[i], "-") ? fopen(paths[i], "rb") : stdin;
        if (!in) {
            fprintf(stderr, "%s: %s: %s\n", prog, paths[i], strerror(errno));
            return 1;
        }
        size_t len = 0;
        char *text = read_all(in, &len);
        int read_errno = errno;
        if (in != stdin)
            fclose(in);
        if (!text) {
            fprintf(stderr, "%s: %s: %s\n", prog, paths[i], strerror(read_errno));
            return 1;
        }
        earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
        po.flags = EARNINGS_PARSE_FACTS; /* and what facts need: no token array */
        po.normalize_flags = nflags;
        earnings_doc *doc = NULL;
        if (earnings_parse(&doc, eng, text, len, &po) != EARNINGS_OK)
            status = fail(paths[i]);
        else
            status = fn(doc, base_name(paths[i]), arg);
        earnings_doc_free(doc);
        free(text);
    }
    return status;
}

static int print_facts_json(const earnings_doc *doc, const char *source, void *arg)
{
    (void)arg;
    earnings_buf buf = EARNINGS_BUF_INIT;
    if (earnings_doc_to_json(doc, EARNINGS_JSON_LINES | EARNINGS_JSON_FACTS, &buf) != EARNINGS_OK)
        return fail("json");
    int status = 0;
    /* each line is one object: put the source first */
    for (const char *line = buf.ptr; line && *line && !status;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        fputs("{\"source\":\"", stdout);
        for (const char *q = source; *q; q++) {
            if (*q == '"' || *q == '\\')
                putchar('\\');
            if ((unsigned char)*q >= 0x20)
                putchar(*q);
        }
        fputs("\",", stdout);
        status = write_out(line + 1, n - 1);
        putchar('\n');
        line = nl ? nl + 1 : NULL;
    }
    earnings_buf_dispose(&buf);
    return status;
}

static int add_fact_rows(const earnings_doc *doc, const char *source, void *arg)
{
    for (size_t i = 0; i < earnings_doc_fact_count(doc); i++)
        fact_row(arg, earnings_doc_fact(doc, i), source);
    return 0;
}

static int add_to_set(const earnings_doc *doc, const char *source, void *arg)
{
    return earnings_factset_add_doc(arg, doc, source) == EARNINGS_OK ? 0 : fail(source);
}

static void print_reconcile_table(const earnings_factset *set)
{
    table t = { NULL, 9, 0, 0 };
    const char *head[] = { "verdict", "entity", "metric", "period", "kind", "value", "text", "basis", "sources" };
    table_add(&t, head);
    for (size_t g = 0; g < earnings_factset_group_count(set); g++) {
        const earnings_fact_group *gr = earnings_factset_group(set, g);
        for (size_t s = 0; s < gr->side_count; s++) {
            char sources[512] = "", value[96] = "", text[160] = "";
            const earnings_fact *rep = NULL;
            for (size_t m = 0; m < gr->member_count; m++) {
                if (gr->member_side[m] != s)
                    continue;
                const char *src = NULL;
                const earnings_fact *f = earnings_factset_fact(set, gr->members[m], &src);
                if (!rep) {
                    rep = f;
                    fmt_value(value, sizeof value, f);
                }
                if (!strstr(text, f->text) && strlen(text) + strlen(f->text) + 4 < sizeof text)
                    snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s", *text ? " | " : "", f->text);
                if (!strstr(sources, src) && strlen(sources) + strlen(src) + 3 < sizeof sources)
                    snprintf(sources + strlen(sources), sizeof sources - strlen(sources), "%s%s",
                             *sources ? ", " : "", src);
            }
            char kind[48];
            const char *cmp = earnings_figure_comparison_name(rep->comparison);
            snprintf(kind, sizeof kind, "%s%s%s", earnings_fact_kind_name(rep->kind), cmp ? " " : "", cmp ? cmp : "");
            const char *row[] = { s ? "" : earnings_fact_verdict_name(gr->verdict), s ? "" : rep->entity_name,
                                  s ? "" : rep->metric_name, s ? "" : rep->period, s ? "" : kind, value, text,
                                  s ? "" : earnings_fact_basis_name(rep->basis), sources };
            table_add(&t, row);
        }
    }
    table_print(&t);
    table_free(&t);
    printf("\nnames\n");
    table n = { NULL, 5, 0, 0 };
    const char *nhead[] = { "person", "source", "spelling", "match", "mentions" };
    table_add(&n, nhead);
    for (size_t i = 0; i < earnings_factset_person_count(set); i++) {
        const earnings_person_names *p = earnings_factset_person(set, i);
        for (size_t s = 0; s < p->spelling_count; s++) {
            char cnt[32];
            snprintf(cnt, sizeof cnt, "%zu", p->spellings[s].count);
            const char *row[] = { s ? "" : p->id, p->spellings[s].source, p->spellings[s].text,
                                  earnings_entity_match_name(p->spellings[s].match), cnt };
            table_add(&n, row);
        }
    }
    table_print(&n);
    table_free(&n);
}

static int run_facts(int reconcile, int as_table, char *const *paths, size_t npaths, const char *const *lexicons,
                     size_t nlexicons, uint32_t nflags)
{
    if (!npaths) {
        fprintf(stderr, "%s: %s needs at least one FILE\n", prog, reconcile ? "reconcile" : "facts");
        return 2;
    }
    earnings_engine *eng = NULL;
    if (new_engine(&eng, lexicons, nlexicons) != EARNINGS_OK)
        return 1;
    int status = 0;
    if (!reconcile && !as_table) {
        status = for_each_doc(eng, paths, npaths, nflags, print_facts_json, NULL);
    } else if (!reconcile) {
        table t = { NULL, 9, 0, 0 };
        const char *head[] = { "source", "entity", "metric", "period", "kind", "text", "value", "basis", "conf" };
        table_add(&t, head);
        status = for_each_doc(eng, paths, npaths, nflags, add_fact_rows, &t);
        if (!status)
            table_print(&t);
        table_free(&t);
    } else {
        earnings_factset *set = NULL;
        if (earnings_factset_new(&set) != EARNINGS_OK)
            status = fail("factset");
        if (!status)
            status = for_each_doc(eng, paths, npaths, nflags, add_to_set, set);
        if (!status && earnings_factset_reconcile(set) != EARNINGS_OK)
            status = fail("reconcile");
        if (!status && as_table) {
            print_reconcile_table(set);
        } else if (!status) {
            earnings_buf buf = EARNINGS_BUF_INIT;
            if (earnings_factset_to_json(set, &buf) != EARNINGS_OK)
                status = fail("json");
            else
                status = write_out(buf.ptr, buf.size);
            earnings_buf_dispose(&buf);
        }
        earnings_factset_free(set);
    }
    earnings_engine_free(eng);
    return flush_out(status);
}

int main(int argc, char **argv)
{
    uint32_t nflags = 0;
    int simplified = -1; /* --simplified 1, --traditional 0, else the command's default */
    int chars = 0;
    int32_t lang = EARNINGS_LANG_UNKNOWN; /* auto */
    const char *lexicons[64];
    size_t nlexicons = 0;
    const char *cmd = NULL, *path = NULL;
    int as_table = 0;
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t npaths = 0;
    if (!paths) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("earnings %s (libearnings %s)\n", EARNINGS_VERSION_STRING, earnings_version_string());
            return 0;
        } else if (!strcmp(a, "--simplified")) {
            simplified = 1;
        } else if (!strcmp(a, "--traditional")) {
            simplified = 0;
        } else if (!strcmp(a, "--casefold")) {
            nflags |= EARNINGS_NORMALIZE_CASEFOLD;
        } else if (!strcmp(a, "--keep-cjk-punct")) {
            nflags |= EARNINGS_NORMALIZE_KEEP_CJK_PUNCT;
        } else if (!strcmp(a, "--replace-invalid")) {
            nflags |= EARNINGS_NORMALIZE_REPLACE_INVALID;
        } else if (!strcmp(a, "--table")) {
            as_table = 1;
        } else if (!strcmp(a, "--chars")) {
            chars = 1;
        } else if (!strcmp(a, "--lexicon")) {
            if (i + 1 >= argc || nlexicons == sizeof lexicons / sizeof lexicons[0]) {
                fprintf(stderr, "%s: --lexicon needs a file (at most 64)\n", prog);
                return 2;
            }
            lexicons[nlexicons++] = argv[++i];
        } else if (!strcmp(a, "--lang") || !strncmp(a, "--lang=", 7)) {
            const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : "");
            if (!strcmp(v, "en"))
                lang = EARNINGS_LANG_EN;
            else if (!strcmp(v, "zh"))
                lang = EARNINGS_LANG_ZH;
            else if (!strcmp(v, "auto"))
                lang = EARNINGS_LANG_UNKNOWN;
            else {
                fprintf(stderr, "%s: --lang takes en, zh or auto, not '%s'\n", prog, v);
                return 2;
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "%s: unknown option '%s' (try --help)\n", prog, a);
            return 2;
        } else if (!cmd) {
            cmd = a;
        } else if (!strcmp(cmd, "facts") || !strcmp(cmd, "reconcile")) {
            paths[npaths++] = argv[i];
        } else if (!path) {
            path = a;
        } else {
            fprintf(stderr, "%s: too many arguments (try --help)\n", prog);
            return 2;
        }
    }
    if (!cmd) {
        usage(stderr);
        free(paths);
        return 2;
    }
    /* normalize prints what earnings_normalize() gives (Simplified only when
     * asked); the parsing commands read Traditional as Simplified unless
     * --traditional (EARNINGS_PARSE_NORMALIZE_DEFAULT) */
    if (simplified == 1 || (simplified < 0 && strcmp(cmd, "normalize") != 0))
        nflags |= EARNINGS_NORMALIZE_SIMPLIFIED;
    if (!strcmp(cmd, "facts") || !strcmp(cmd, "reconcile")) {
        int st = run_facts(!strcmp(cmd, "reconcile"), as_table, paths, npaths, lexicons, nlexicons, nflags);
        free(paths);
        return st;
    }
    free(paths);
    int is_norm = !strcmp(cmd, "normalize"), is_tok = !strcmp(cmd, "tokenize"),
        is_sent = !strcmp(cmd, "sentences"), is_fig = !strcmp(cmd, "figures"),
        is_ent = !strcmp(cmd, "entities");
    if (!is_norm && !is_tok && !is_sent && !is_fig && !is_ent) {
        fprintf(stderr, "%s: unknown command '%s' (try --help)\n", prog, cmd);
        return 2;
    }

    FILE *in = stdin;
    if (path && strcmp(path, "-") != 0) {
        in = fopen(path, "rb");
        if (!in) {
            fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
            return 1;
        }
    }
    size_t len = 0;
    char *text = read_all(in, &len);
    int read_errno = errno;
    if (in != stdin)
        fclose(in);
    if (!text) {
        fprintf(stderr, "%s: %s: %s\n", prog, path ? path : "stdin", strerror(read_errno));
        return 1;
    }

    int status = 0;
    if (is_norm) {
        earnings_normalize_options no = EARNINGS_NORMALIZE_OPTIONS_INIT;
        no.flags = nflags;
        earnings_normalized *norm = NULL;
        if (earnings_normalize(&norm, text, len, &no) != EARNINGS_OK) {
            status = fail("normalize");
        } else {
            size_t n = 0;
            const char *p = earnings_normalized_text(norm, &n);
            status = write_out(p, n);
        }
        earnings_normalized_free(norm);
    } else {
        earnings_engine *eng = NULL;
        earnings_doc *doc = NULL;
        earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
        po.normalize_flags = nflags;
        if (is_fig)
            po.flags = EARNINGS_PARSE_FIGURES;
        else if (is_ent)
            po.flags = EARNINGS_PARSE_ENTITIES;
        else
            po.flags = EARNINGS_PARSE_TOKENS | EARNINGS_PARSE_SENTENCES |
                       ((is_tok && !chars) ? EARNINGS_PARSE_HAN_WORDS : 0);
        if (new_engine(&eng, lexicons, nlexicons) != EARNINGS_OK) {
            status = 1;
        } else if (earnings_parse(&doc, eng, text, len, &po) != EARNINGS_OK) {
            status = fail(path ? path : "stdin");
        } else if (is_fig && lang != EARNINGS_LANG_UNKNOWN) {
            status = print_figures_of(doc, lang);
        } else {
            earnings_buf buf = EARNINGS_BUF_INIT;
            uint32_t parts = EARNINGS_JSON_LINES | (is_tok   ? EARNINGS_JSON_TOKENS
                                                    : is_fig ? EARNINGS_JSON_FIGURES
                                                    : is_ent ? EARNINGS_JSON_ENTITIES
                                                             : EARNINGS_JSON_SENTENCES);
            if (earnings_doc_to_json(doc, parts, &buf) != EARNINGS_OK)
                status = fail("json");
            else
                status = write_out(buf.ptr, buf.size);
            earnings_buf_dispose(&buf);
        }
        earnings_doc_free(doc);
        earnings_engine_free(eng);
    }
    free(text);
    return flush_out(status);
}
