/* adversarial: generates hostile inputs and times them through
 * earnings_parse() with every stage (tokens, sentences, figures, entities,
 * Han dictionary words) and earnings_doc_to_json() of every part. Each case
 * runs at two sizes (full and a tenth) in a child process with a time limit;
 * the per-byte time of the two is compared and growth above 3x is flagged as
 * super-linear. Prints a Markdown table (docs/reliability.md).
 *
 *   adversarial [--scale F] [--limit SECONDS] [--mem MiB] [--case NAME]
 *
 * --mem caps each child's address space (default 8192 MiB; 0: no cap, the
 * default under AddressSanitizer), so that memory exhaustion shows as the
 * library's out-of-memory error, not the OOM killer.
 * --scale multiplies every size (default 1: the sizes in the table). Exit
 * status 1 if a case crashed, timed out, failed unexpectedly or grew
 * super-linearly. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <earnings.h>

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void put(buf *b, const void *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1 << 16;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            perror("realloc");
            exit(3);
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static size_t put_cp(buf *b, uint32_t cp)
{
    unsigned char o[4];
    size_t n;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        n = 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        o[0] = (unsigned char)(0xF0 | (cp >> 18));
        o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    put(b, o, n);
    return n;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 11);
}

/* Repeat a unit to n bytes (whole units only). */
static void repeat_unit(buf *b, const char *u, size_t n)
{
    size_t l = strlen(u);
    while (b->n + l <= n)
        put(b, u, l);
}

/* ---- generators: fill b with about n bytes ---- */
static void g_random(buf *b, size_t n)
{
    while (b->n < n) {
        uint32_t r = rnd();
        put(b, &r, n - b->n < 4 ? n - b->n : 4);
    }
}
static void g_letters(buf *b, size_t n)
{
    while (b->n < n) {
        char c = (char)('a' + rnd() % 26);
        if (rnd() % 4 == 0)
            c = (char)(c - 32);
        put(b, &c, 1);
    }
}
static void g_han(buf *b, size_t n)
{
    while (b->n + 3 <= n)
        put_cp(b, 0x4E00 + rnd() % (0x9FFF - 0x4E00));
}
static void g_digits(buf *b, size_t n)
{
    while (b->n < n) {
        char c = (char)('0' + rnd() % 10);
        put(b, &c, 1);
    }
}
static void g_parens(buf *b, size_t n)
{
    /* n counts the nesting depth in thousands of bytes: "((((1))))" */
    size_t depth = n / 2;
    for (size_t i = 0; i < depth; i++)
        put(b, "(", 1);
    put(b, "1", 1);
    for (size_t i = 0; i < depth; i++)
        put(b, ")", 1);
}
static void g_codepoints(buf *b, size_t n)
{
    /* every Unicode scalar value once, in order; the smaller size is a prefix */
    for (uint32_t cp = 0; cp <= 0x10FFFF && b->n < n; cp++)
        if (cp < 0xD800 || cp > 0xDFFF)
            put_cp(b, cp);
}
static void g_combining(buf *b, size_t n)
{
    while (b->n + 2 <= n)
        put_cp(b, 0x0300 + rnd() % 0x70);
}
static void g_overflow(buf *b, size_t n) { repeat_unit(b, "99999999999999999999999 billion ", n); }
static void g_ones(buf *b, size_t n) { repeat_unit(b, "1,", n); }
static void g_dollars(buf *b, size_t n) { repeat_unit(b, "$", n); }
static void g_yi(buf *b, size_t n) { repeat_unit(b, "亿", n); }
static void g_dotdot(buf *b, size_t n) { repeat_unit(b, "1.1..1 ", n); }

typedef struct kase {
    const char *name;
    const char *what;
    void (*gen)(buf *, size_t);
    size_t size;     /* bytes at scale 1 */
    uint32_t nflags; /* normalize flags */
    int expect_fail; /* 1: an error is the expected outcome */
    int optional;    /* run only with --case */
} kase;

#define MB 1000000u
static const kase cases[] = {
    { "random-replace", "100 MB random bytes, REPLACE_INVALID", g_random, 100 * MB,
      EARNINGS_NORMALIZE_REPLACE_INVALID, 0, 0 },
    { "random-strict", "100 MB random bytes, strict UTF-8", g_random, 100 * MB, 0, 1, 0 },
    { "letters", "10 MB ASCII letters, no space or line break", g_letters, 10 * MB, 0, 0, 0 },
    { "han", "10 MB Han characters only", g_han, 10 * MB, 0, 0, 0 },
    { "digits", "a million digits", g_digits, 1 * MB, 0, 0, 0 },
    { "parens", "10,000 nested parentheses around 1", g_parens, 20001, 0, 0, 0 },
    { "codepoints", "every Unicode scalar value once (UTF-8)", g_codepoints, 4400000, 0, 0, 0 },
    { "combining", "combining marks only (U+0300..U+036F)", g_combining, 1 * MB, 0, 0, 0 },
    { "overflow", "\"99999999999999999999999 billion \" repeated", g_overflow, 1 * MB, 0, 0, 0 },
    { "ones", "1 MB of \"1,1,1,...\"", g_ones, 1 * MB, 0, 0, 0 },
    { "dollars", "1 MB of \"$$$$\"", g_dollars, 1 * MB, 0, 0, 0 },
    { "yi", "1 MB of \"亿亿亿...\"", g_yi, 1 * MB, 0, 0, 0 },
    { "dotdot", "\"1.1..1 \" repeated (hang found by fuzzing)", g_dotdot, 100000, 0, 0, 1 },
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct result {
    double parse_s, json_s;
    int rc;
    int64_t err_offset;
    size_t tokens, sentences, figures, entities, json_bytes;
    long maxrss_kb;
    int status; /* 0 ok, 1 crash, 2 timeout */
} result;

static uint32_t all_stages(void)
{
    return EARNINGS_PARSE_TOKENS | EARNINGS_PARSE_SENTENCES | EARNINGS_PARSE_FIGURES |
           EARNINGS_PARSE_ENTITIES | EARNINGS_PARSE_HAN_WORDS;
}

/* Runs one case at one size in a child; the result travels through a pipe. */
/* AddressSanitizer reserves terabytes of address space: no cap under it. */
#if defined(__SANITIZE_ADDRESS__)
#define ADV_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ADV_ASAN 1
#endif
#endif
#ifdef ADV_ASAN
static size_t mem_mib = 0;
#else
static size_t mem_mib = 8192;
#endif
static result run_one(const kase *k, size_t size, unsigned limit)
{
    result r;
    memset(&r, 0, sizeof r);
    int fd[2];
    if (pipe(fd) != 0) {
        perror("pipe");
        exit(3);
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        alarm(limit);
        if (mem_mib) {
            struct rlimit rl = { (rlim_t)mem_mib << 20, (rlim_t)mem_mib << 20 };
            setrlimit(RLIMIT_AS, &rl);
        }
        buf b = { 0 };
        rng = 0x9E3779B97F4A7C15ull;
        k->gen(&b, size);
        earnings_engine *eng = NULL;
        if (earnings_engine_new(&eng, NULL) != EARNINGS_OK)
            _exit(4);
        earnings_parse_options po = EARNINGS_PARSE_OPTIONS_INIT;
        po.flags = all_stages();
        po.normalize_flags = k->nflags;
        earnings_doc *doc = NULL;
        double t0 = now();
        r.rc = earnings_parse(&doc, eng, b.p, b.n, &po);
        r.parse_s = now() - t0;
        r.err_offset = r.rc ? earnings_error_last()->byte_offset : -1;
        if (r.rc == EARNINGS_OK) {
            r.tokens = earnings_doc_token_count(doc);
            r.sentences = earnings_doc_sentence_count(doc);
            r.figures = earnings_doc_figure_count(doc);
            r.entities = earnings_doc_entity_count(doc);
            earnings_buf out = EARNINGS_BUF_INIT;
            t0 = now();
            int jr = earnings_doc_to_json(doc, EARNINGS_JSON_TOKENS | EARNINGS_JSON_SENTENCES |
                                                   EARNINGS_JSON_FIGURES | EARNINGS_JSON_ENTITIES,
                                          &out);
            r.json_s = now() - t0;
            if (jr != EARNINGS_OK)
                r.rc = jr;
            r.json_bytes = out.size;
            earnings_buf_dispose(&out);
        }
        earnings_doc_free(doc);
        earnings_engine_free(eng);
        free(b.p);
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        r.maxrss_kb = ru.ru_maxrss;
        ssize_t w = write(fd[1], &r, sizeof r);
        _exit(w == (ssize_t)sizeof r ? 0 : 5);
    }
    close(fd[1]);
    ssize_t got = read(fd[0], &r, sizeof r);
    close(fd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
        r.status = 2;
    else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || got != (ssize_t)sizeof r)
        r.status = 1;
    return r;
}

static void outcome(const kase *k, const result *r, char *s, size_t n)
{
    if (r->status == 2)
        snprintf(s, n, "TIMEOUT");
    else if (r->status == 1)
        snprintf(s, n, "CRASH");
    else if (r->rc != EARNINGS_OK)
        snprintf(s, n, "%s%s (offset %lld)", earnings_strerror(r->rc), k->expect_fail ? "" : " UNEXPECTED",
                 (long long)r->err_offset);
    else
        snprintf(s, n, "ok: %zu tokens, %zu sentences, %zu figures, %zu entities; JSON %.1f MB", r->tokens,
                 r->sentences, r->figures, r->entities, (double)r->json_bytes / 1e6);
}

int main(int argc, char **argv)
{
    double scale = 1.0;
    unsigned limit = 600;
    const char *only = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--scale") && i + 1 < argc)
            scale = atof(argv[++i]);
        else if (!strcmp(argv[i], "--limit") && i + 1 < argc)
            limit = (unsigned)atoi(argv[++i]);
        else if (!strcmp(argv[i], "--mem") && i + 1 < argc)
            mem_mib = (size_t)atol(argv[++i]);
        else if (!strcmp(argv[i], "--case") && i + 1 < argc)
            only = argv[++i];
        else {
            fprintf(stderr, "usage: adversarial [--scale F] [--limit SECONDS] [--mem MiB] [--case NAME]\n");
            return 2;
        }
    }
    printf("libearnings %s; all stages (tokens, sentences, figures, entities, Han words) + JSON of all parts;"
           " limits per run: %u s, %zu MiB of address space\n\n",
           earnings_version_string(), limit, mem_mib);
    printf("| case | input | MB | parse s | JSON s | MB/s | peak MiB | per-byte growth (x10 size) | outcome |\n");
    printf("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const kase *k = &cases[i];
        if (only ? strcmp(only, k->name) != 0 : k->optional)
            continue;
        size_t big = (size_t)((double)k->size * scale), small = big / 10;
        if (small < 2)
            small = 2;
        result rs = run_one(k, small, limit);
        result rb = run_one(k, big, limit);
        char out[256];
        outcome(k, &rb, out, sizeof out);
        double tb = rb.parse_s + rb.json_s, ts = rs.parse_s + rs.json_s;
        char growth[64];
        int superlinear = 0;
        if (rb.status || rs.status)
            snprintf(growth, sizeof growth, "n/a");
        else if (ts < 0.002) /* too fast to compare */
            snprintf(growth, sizeof growth, "(%.4f s small)", ts);
        else {
            double g = (tb / (double)big) / (ts / (double)small);
            superlinear = g > 3.0;
            snprintf(growth, sizeof growth, "%.2f%s", g, superlinear ? " SUPER-LINEAR" : "");
        }
        double mb = (double)big / 1e6;
        printf("| %s | %s | %.2f | %.3f | %.3f | %.1f | %.0f | %s | %s |\n", k->name, k->what, mb, rb.parse_s,
               rb.json_s, tb > 0 ? mb / tb : 0.0, (double)rb.maxrss_kb / 1024.0, growth, out);
        fflush(stdout);
        if (rb.status || rs.status || superlinear || (rb.rc != EARNINGS_OK) != (k->expect_fail != 0))
            bad = 1;
    }
    return bad;
}
