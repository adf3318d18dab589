/* reconcile_corpus: reconcile the facts of every .txt document of a folder
 * and print where the documents disagree, and how they spell people's names.
 *
 *   reconcile_corpus [DIR]        (default ../shared/corpus)
 *
 * Shows the fact-set API: earnings_factset_add_doc() for each document
 * (the set copies what it needs, so each document is freed at once),
 * earnings_factset_reconcile(), then the groups with verdict
 * EARNINGS_VERDICT_CONFLICT and the persons with variant spellings. */
#include <dirent.h>
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
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "../shared/corpus";
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return 1;
    }
    char *names[256];
    size_t nnames = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && nnames < 256) {
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".txt") && (names[nnames] = malloc(l + 1)) != NULL)
            strcpy(names[nnames++], e->d_name);
    }
    closedir(d);
    qsort(names, nnames, sizeof *names, by_name);

    earnings_engine *eng = NULL;
    earnings_factset *set = NULL;
    int status = 0;
    if (earnings_engine_new(&eng, NULL) != EARNINGS_OK || earnings_factset_new(&set) != EARNINGS_OK)
        status = 1;
    for (size_t i = 0; i < nnames && !status; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len = 0;
        char *text = read_file(path, &len);
        earnings_doc *doc = NULL;
        if (!text || earnings_parse(&doc, eng, text, len, NULL) != EARNINGS_OK ||
            earnings_factset_add_doc(set, doc, names[i]) != EARNINGS_OK) {
            fprintf(stderr, "%s: %s\n", path, text ? earnings_error_last()->message : "cannot read");
            status = 1;
        }
        earnings_doc_free(doc);
        free(text);
    }
    if (!status && earnings_factset_reconcile(set) != EARNINGS_OK)
        status = 1;
    if (!status) {
        size_t conflicts = 0;
        printf("%zu documents, %zu facts, %zu groups\n\nConflicts:\n", nnames, earnings_factset_count(set),
               earnings_factset_group_count(set));
        for (size_t g = 0; g < earnings_factset_group_count(set); g++) {
            const earnings_fact_group *gr = earnings_factset_group(set, g);
            if (gr->verdict != EARNINGS_VERDICT_CONFLICT)
                continue;
            conflicts++;
            const earnings_fact *f0 = earnings_factset_fact(set, gr->members[0], NULL);
            printf("- %s %s %s (%s, %s):\n", f0->entity_name, f0->metric_name, f0->period,
                   earnings_fact_kind_name(f0->kind), earnings_fact_basis_name(f0->basis));
            for (size_t s = 0; s < gr->side_count; s++) {
                printf("    side %zu:", s + 1);
                for (size_t m = 0; m < gr->member_count; m++) {
                    if (gr->member_side[m] != s)
                        continue;
                    const char *src = NULL;
                    const earnings_fact *f = earnings_factset_fact(set, gr->members[m], &src);
                    printf("  \"%s\" in %s @%zu", f->text, src, f->span.start);
                }
                putchar('\n');
            }
        }
        printf("%zu conflicts\n\nNames spelled differently:\n", conflicts);
        for (size_t i = 0; i < earnings_factset_person_count(set); i++) {
            const earnings_person_names *p = earnings_factset_person(set, i);
            if (!p->has_variants)
                continue;
            printf("- %s (%s):", p->name, p->id);
            for (size_t s = 0; s < p->spelling_count; s++)
                printf("  %s: \"%s\" (%s, %zux)", p->spellings[s].source, p->spellings[s].text,
                       earnings_entity_match_name(p->spellings[s].match), p->spellings[s].count);
            putchar('\n');
        }
    } else {
        fprintf(stderr, "reconcile_corpus: %s\n", earnings_error_last()->message);
    }
    earnings_factset_free(set);
    earnings_engine_free(eng);
    for (size_t i = 0; i < nnames; i++)
        free(names[i]);
    return status;
}
