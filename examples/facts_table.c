/* facts_table: print the facts of one transcript as an aligned table.
 *
 *   facts_table FILE
 *
 * Shows the public facts API: earnings_parse() with the default stages
 * (facts included), then earnings_doc_fact_count()/earnings_doc_fact().
 * Columns are aligned by display width (Han characters take two columns).
 * A '*' after the period marks a period inferred from the document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <earnings.h>

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Columns taken by UTF-8 text: East Asian wide characters count two. */
static int width(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) == 0x80)
            continue;
        w += (*p >= 0xE1 && *p <= 0xEF) ? 2 : 1; /* U+1000..U+FFFF: mostly CJK in this data */
    }
    return w;
}

static void cell(const char *s, int w)
{
    fputs(s ? s : "-", stdout);
    for (int k = width(s ? s : "-"); k < w; k++)
        putchar(' ');
    fputs("  ", stdout);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    size_t len = 0;
    char *text = read_file(argv[1], &len);
    if (!text) {
        perror(argv[1]);
        return 1;
    }
    earnings_engine *eng = NULL;
    earnings_doc *doc = NULL;
    if (earnings_engine_new(&eng, NULL) != EARNINGS_OK || earnings_parse(&doc, eng, text, len, NULL) != EARNINGS_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], earnings_error_last()->message);
        earnings_engine_free(eng);
        free(text);
        return 1;
    }
    enum { NCOL = 7 };
    const char *head[NCOL] = { "entity", "metric", "period", "kind", "figure", "basis", "conf" };
    int w[NCOL];
    for (int c = 0; c < NCOL; c++)
        w[c] = width(head[c]);
    size_t n = earnings_doc_fact_count(doc);
    char (*rows)[NCOL][96] = calloc(n ? n : 1, sizeof *rows);
    if (!rows) {
        earnings_doc_free(doc);
        earnings_engine_free(eng);
        free(text);
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        const earnings_fact *f = earnings_doc_fact(doc, i);
        const char *cmp = earnings_figure_comparison_name(f->comparison);
        snprintf(rows[i][0], 96, "%s", f->entity_name);
        snprintf(rows[i][1], 96, "%s", f->metric_name);
        snprintf(rows[i][2], 96, "%s%s", f->period ? f->period : "-", f->period_inferred ? "*" : "");
        snprintf(rows[i][3], 96, "%s%s%s", earnings_fact_kind_name(f->kind), cmp ? " " : "", cmp ? cmp : "");
        snprintf(rows[i][4], 96, "%s", f->text);
        snprintf(rows[i][5], 96, "%s%s%s", earnings_fact_basis_name(f->basis), f->basis_detail ? ": " : "",
                 f->basis_detail ? f->basis_detail : "");
        snprintf(rows[i][6], 96, "%.2f", f->confidence);
        for (int c = 0; c < NCOL; c++)
            if (width(rows[i][c]) > w[c])
                w[c] = width(rows[i][c]);
    }
    for (int c = 0; c < NCOL; c++)
        cell(head[c], w[c]);
    putchar('\n');
    for (size_t i = 0; i < n; i++) {
        for (int c = 0; c < NCOL; c++)
            cell(rows[i][c], w[c]);
        putchar('\n');
    }
    printf("%zu facts from %zu figures\n", n, earnings_doc_figure_count(doc));
    free(rows);
    earnings_doc_free(doc);
    earnings_engine_free(eng);
    free(text);
    return 0;
}
