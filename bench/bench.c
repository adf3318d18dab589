/* earnings_bench: throughput (MB/s of UTF-8 input) and peak memory of each
 * pipeline stage, on the corpus repeated to a target size, English and
 * Chinese apart. Each stage runs in a child process so that its peak
 * resident memory is its own. A baseline, ICU's word break iterator alone
 * over the same text, runs in the same way for comparison.
 *
 *   earnings_bench [--corpus DIR] [--mb N] [--chunk KB] [--repeat N] [--stage NAME] [--threads N]
 *
 * --threads N: N threads share one engine, each parsing its own share of the
 * documents (every N-th one); MB/s is then the total over wall-clock time.
 *
 * The corpus is split by line: lines where Han characters make up at least a
 * third of the letters go to the Chinese text, the others to the English. */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include <earnings.h>

typedef struct text {
    char *p;
    size_t n, cap;
} text;

static void text_reserve(text *t, size_t n)
{
    if (t->n + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 1 << 20;
        while (cap < t->n + n + 1)
            cap *= 2;
        char *p = realloc(t->p, cap);
        if (!p) {
            perror("realloc");
            exit(1);
        }
        t->p = p;
        t->cap = cap;
    }
}

static void text_add(text *t, const char *s, size_t n)
{
    text_reserve(t, n);
    memcpy(t->p + t->n, s, n);
    t->n += n;
    t->p[t->n] = '\0';
}

static int is_han_line(const char *s, size_t n)
{
    size_t han = 0, letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
            letters++;
        else if (c >= 0xE4 && c <= 0xE9) { /* U+4000..U+9FFF lead bytes */
            han++;
            letters++;
        }
    }
    return letters > 0 && han * 3 >= letters;
}

static void load_corpus(const char *dir, text *en, text *zh)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "earnings_bench: cannot open %s\n", dir);
        exit(1);
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while ((n = getline(&line, &cap, f)) > 0)
            text_add(is_han_line(line, (size_t)n) ? zh : en, line, (size_t)n);
        free(line);
        fclose(f);
    }
    closedir(d);
}

static void repeat_to(text *t, size_t target)
{
    size_t base = t->n;
    if (base == 0)
        return;
    text_reserve(t, target + 1); /* the source of the copies must not move */
    while (t->n < target)
        text_add(t, t->p, base < target - t->n ? base : target - t->n);
    /* do not end inside a UTF-8 sequence */
    while (t->n > 0 && ((unsigned char)t->p[t->n - 1] & 0xC0) == 0x80)
        t->n--;
    if (t->n > 0 && (unsigned char)t->p[t->n - 1] >= 0xC0)
        t->n--;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Document-sized pieces: cut at a newline near every `chunk` bytes. */
static size_t next_cut(const text *t, size_t at, size_t chunk)
{
    size_t end = at + chunk;
    if (end >= t->n)
        return t->n;
    while (end < t->n && t->p[end - 1] != '\n')
        end++;
    return end;
}

typedef int (*stage_fn)(const earnings_engine *eng, const char *s, size_t n);

static int st_normalize(const earnings_engine *eng, const char *s, size_t n)
{
    (void)eng;
    earnings_normalized *norm = NULL;
    int rc = earnings_normalize(&norm, s, n, NULL);
    earnings_normalized_free(norm);
    return rc;
}

static int parse_with(const earnings_engine *eng, const char *s, size_t n, uint32_t flags)
{
    earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
    po.flags = flags;
    earnings_doc *doc = NULL;
    int rc = earnings_parse(&doc, eng, s, n, &po);
    earnings_doc_free(doc);
    return rc;
}

static int st_tokenize(const earnings_engine *eng, const char *s, size_t n)
{
    return parse_with(eng, s, n, EARNINGS_PARSE_TOKENS);
}

static int st_tokenize_dict(const earnings_engine *eng, const char *s, size_t n)
{
    return parse_with(eng, s, n, EARNINGS_PARSE_TOKENS | EARNINGS_PARSE_HAN_WORDS);
}

static int st_sentences(const earnings_engine *eng, const char *s, size_t n)
{
    return parse_with(eng, s, n, EARNINGS_PARSE_SENTENCES);
}

static int st_tokens_sentences(const earnings_engine *eng, const char *s, size_t n)
{
    return parse_with(eng, s, n, EARNINGS_PARSE_TOKENS | EARNINGS_PARSE_SENTENCES);
}

static int st_figures(const earnings_engine *eng, const char *s, size_t n)
{
    return parse_with(eng, s, n, EARNINGS_PARSE_FIGURES);
}

static int st_tokens_figures(const earnings_engine *eng, const char *s, size_t n)
{
    return parse_with(eng, s, n, EARNINGS_PARSE_TOKENS | EARNINGS_PARSE_FIGURES);
}

/* Baseline: ICU's word break iterator alone (UTF-8 converted to UTF-16 first,
 * as ICU needs; the conversion is counted). */
static int st_icu_wordbreak(const earnings_engine *eng, const char *s, size_t n)
{
    (void)eng;
    static _Thread_local UChar *u = NULL;
    static _Thread_local int32_t ucap = 0;
    UErrorCode err = U_ZERO_ERROR;
    int32_t ulen = 0;
    u_strFromUTF8(u, ucap, &ulen, s, (int32_t)n, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || ulen > ucap) {
        free(u);
        ucap = ulen + 1;
        u = malloc(sizeof(UChar) * (size_t)ucap);
        err = U_ZERO_ERROR;
        u_strFromUTF8(u, ucap, &ulen, s, (int32_t)n, &err);
    }
    if (U_FAILURE(err))
        return -1;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", u, ulen, &err);
    if (U_FAILURE(err))
        return -1;
    long count = 0;
    while (ubrk_next(bi) != UBRK_DONE)
        count++;
    ubrk_close(bi);
    return count >= 0 ? 0 : -1;
}

static int st_entities(const earnings_engine *eng, const char *s, size_t n)
{
    return parse_with(eng, s, n, EARNINGS_PARSE_ENTITIES);
}

/* The whole pipeline, normalize to facts, as `earnings facts` runs it (no
 * token array). */
static int st_facts(const earnings_engine *eng, const char *s, size_t n)
{
    return parse_with(eng, s, n, EARNINGS_PARSE_FACTS);
}

/* The default parse (with tokens) plus facts. */
static int st_default_facts(const earnings_engine *eng, const char *s, size_t n)
{
    return parse_with(eng, s, n, EARNINGS_PARSE_DEFAULT | EARNINGS_PARSE_FACTS);
}

/* earnings_parse() with no options (every default stage) and the JSON of every part. */
static int st_default_json(const earnings_engine *eng, const char *s, size_t n)
{
    earnings_doc *doc = NULL;
    int rc = earnings_parse(&doc, eng, s, n, NULL);
    if (rc == EARNINGS_OK) {
        earnings_buf out = EARNINGS_BUF_INIT;
        rc = earnings_doc_to_json(doc, EARNINGS_JSON_TOKENS | EARNINGS_JSON_SENTENCES | EARNINGS_JSON_FIGURES |
                                           EARNINGS_JSON_ENTITIES, &out);
        earnings_buf_dispose(&out);
    }
    earnings_doc_free(doc);
    return rc;
}

static const struct {
    const char *name;
    stage_fn fn;
} stages[] = {
    { "normalize", st_normalize },
    { "tokenize", st_tokenize },
    { "tokenize+hanwords", st_tokenize_dict },
    { "sentences", st_sentences },
    { "tokenize+sentences", st_tokens_sentences },
    { "figures", st_figures },
    { "tokenize+figures", st_tokens_figures },
    { "icu-wordbreak (baseline)", st_icu_wordbreak },
    { "entities", st_entities },
    { "default+json", st_default_json },
    { "facts", st_facts },
    { "default+facts", st_default_facts },
};

static int nthreads = 1;

typedef struct worker {
    size_t si, chunk;
    const text *t;
    const earnings_engine *eng;
    int tid, failed;
    pthread_t th;
} worker;

/* One thread's share: documents tid, tid + nthreads, tid + 2*nthreads... */
static void *work(void *arg)
{
    worker *w = arg;
    size_t doc = 0;
    for (size_t at = 0; at < w->t->n; doc++) {
        size_t end = next_cut(w->t, at, w->chunk);
        if ((int)(doc % (size_t)nthreads) == w->tid && stages[w->si].fn(w->eng, w->t->p + at, end - at) != 0) {
            w->failed = 1;
            break;
        }
        at = end;
    }
    return NULL;
}

static int run_threads(size_t si, const earnings_engine *eng, const text *t, size_t chunk)
{
    worker w[64];
    for (int i = 0; i < nthreads; i++) {
        w[i] = (worker){ si, chunk, t, eng, i, 0, 0 };
        if (pthread_create(&w[i].th, NULL, work, &w[i]) != 0)
            return -1;
    }
    int bad = 0;
    for (int i = 0; i < nthreads; i++) {
        pthread_join(w[i].th, NULL);
        bad |= w[i].failed;
    }
    return bad ? -1 : 0;
}

static void run_stage(size_t si, const char *lang, const text *t, size_t chunk, int repeat)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(1);
    }
    if (pid == 0) {
        earnings_engine *eng = NULL;
        if (earnings_engine_new(&eng, NULL) != EARNINGS_OK) {
            fprintf(stderr, "engine: %s\n", earnings_error_last()->message);
            _exit(1);
        }
        double best = 1e30;
        for (int r = 0; r < repeat; r++) {
            double t0 = now();
            if (nthreads > 1) {
                if (run_threads(si, eng, t, chunk) != 0) {
                    fprintf(stderr, "%s failed in a thread\n", stages[si].name);
                    _exit(1);
                }
            } else
            for (size_t at = 0; at < t->n;) {
                size_t end = next_cut(t, at, chunk);
                if (stages[si].fn(eng, t->p + at, end - at) != 0) {
                    fprintf(stderr, "%s failed: %s\n", stages[si].name, earnings_error_last()->message);
                    _exit(1);
                }
                at = end;
            }
            double dt = now() - t0;
            if (dt < best)
                best = dt;
        }
        earnings_engine_free(eng);
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        double mb = (double)t->n / 1e6;
        printf("| %-26s | %-2s | %8.1f | %8.3f | %9.1f | %9.1f |\n", stages[si].name, lang, mb, best,
               mb / best, (double)ru.ru_maxrss / 1024.0);
        fflush(stdout);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "earnings_bench: stage %s (%s) failed\n", stages[si].name, lang);
        exit(1);
    }
}

int main(int argc, char **argv)
{
    const char *corpus = "../shared/corpus";
    const char *only = NULL;
    size_t target_mb = 10, chunk_kb = 64;
    int repeat = 3;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--corpus") && i + 1 < argc)
            corpus = argv[++i];
        else if (!strcmp(argv[i], "--mb") && i + 1 < argc)
            target_mb = (size_t)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--chunk") && i + 1 < argc)
            chunk_kb = (size_t)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--stage") && i + 1 < argc)
            only = argv[++i];
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc)
            nthreads = atoi(argv[++i]);
        else {
            fprintf(stderr,
                    "usage: earnings_bench [--corpus DIR] [--mb N] [--chunk KB] [--repeat N] [--stage NAME]"
                    " [--threads N]\n");
            return 2;
        }
    }
    if (target_mb == 0 || chunk_kb == 0 || repeat <= 0 || nthreads <= 0 || nthreads > 64) {
        fprintf(stderr, "earnings_bench: --mb, --chunk and --repeat must be positive, --threads 1 to 64\n");
        return 2;
    }
    text en = { 0 }, zh = { 0 };
    load_corpus(corpus, &en, &zh);
    size_t en_base = en.n, zh_base = zh.n;
    repeat_to(&en, target_mb * 1000000);
    repeat_to(&zh, target_mb * 1000000);
    printf("libearnings %s; corpus %s: %zu bytes English, %zu bytes Chinese, each repeated to %zu MB;"
           " documents of %zu KB; best of %d runs; %d thread%s%s\n\n",
           earnings_version_string(), corpus, en_base, zh_base, target_mb, chunk_kb, repeat, nthreads,
           nthreads > 1 ? "s" : "", nthreads > 1 ? " sharing one engine (MB/s over wall-clock time)" : "");
    printf("| %-26s | %-2s | %8s | %8s | %9s | %9s |\n", "stage", "", "MB", "seconds", "MB/s", "peak MiB");
    printf("|%s|%s|%s|%s|%s|%s|\n", "----------------------------", "----", "----------", "----------",
           "-----------", "-----------");
    for (size_t si = 0; si < sizeof stages / sizeof stages[0]; si++) {
        if (only && strcmp(only, stages[si].name) != 0)
            continue;
        if (en.n)
            run_stage(si, "en", &en, chunk_kb * 1024, repeat);
        if (zh.n)
            run_stage(si, "zh", &zh, chunk_kb * 1024, repeat);
    }
    free(en.p);
    free(zh.p);
    return 0;
}
