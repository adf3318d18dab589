/* earnings: command-line front end of libearnings.
 *
 *   earnings normalize [--simplified] [--casefold] [--keep-cjk-punct] [--replace-invalid] [FILE|-]
 *   earnings tokenize  [--chars] [--replace-invalid] [FILE|-]
 *   earnings sentences [--replace-invalid] [FILE|-]
 *   earnings figures   [--lang en|zh|auto] [FILE|-]
 *   earnings entities  [--lexicon FILE]... [FILE|-]
 *
 * Output of tokenize and sentences is JSON Lines: one item a line with
 * start/end (byte offsets into the input), text (the input bytes) and type.
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
            "\n"
            "Options:\n"
            "  --simplified       convert Traditional to Simplified Chinese\n"
            "  --casefold         fold case (normalize)\n"
            "  --keep-cjk-punct   keep CJK punctuation as it is\n"
            "  --replace-invalid  replace invalid UTF-8 by U+FFFD instead of failing\n"
            "  --chars            tokenize: one token per Han character (no dictionary)\n"
            "  --lang L           figures: en, zh or auto (default auto: both languages\n"
            "                     in one pass; en or zh keep only figures of that language)\n"
            "  --lexicon FILE     add a lexicon file (docs/lexicons.md); repeatable\n"
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

int main(int argc, char **argv)
{
    uint32_t nflags = 0;
    int chars = 0;
    int32_t lang = EARNINGS_LANG_UNKNOWN; /* auto */
    const char *lexicons[64];
    size_t nlexicons = 0;
    const char *cmd = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("earnings %s (libearnings %s)\n", EARNINGS_VERSION_STRING, earnings_version_string());
            return 0;
        } else if (!strcmp(a, "--simplified")) {
            nflags |= EARNINGS_NORMALIZE_SIMPLIFIED;
        } else if (!strcmp(a, "--casefold")) {
            nflags |= EARNINGS_NORMALIZE_CASEFOLD;
        } else if (!strcmp(a, "--keep-cjk-punct")) {
            nflags |= EARNINGS_NORMALIZE_KEEP_CJK_PUNCT;
        } else if (!strcmp(a, "--replace-invalid")) {
            nflags |= EARNINGS_NORMALIZE_REPLACE_INVALID;
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
        } else if (!path) {
            path = a;
        } else {
            fprintf(stderr, "%s: too many arguments (try --help)\n", prog);
            return 2;
        }
    }
    if (!cmd) {
        usage(stderr);
        return 2;
    }
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
    if (fflush(stdout) != 0 && !status) {
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
        status = 1;
    }
    return status;
}
