/* The C side of bench/overhead.py: ROUNDS times, each file in turn is
 * parsed with the default stages (through facts) and its facts serialized
 * as JSON Lines, as `earnings facts` does; the files are read once, the
 * engine is built once. Prints the seconds of the loop and the bytes of JSON.
 *
 *   overhead_loop ROUNDS FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <earnings.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: overhead_loop ROUNDS FILE...\n");
        return 2;
    }
    int rounds = atoi(argv[1]), n = argc - 2;
    char **text = calloc((size_t)n, sizeof *text);
    size_t *len = calloc((size_t)n, sizeof *len);
    for (int i = 0; i < n; i++) {
        FILE *f = fopen(argv[i + 2], "rb");
        if (!f || fseek(f, 0, SEEK_END) != 0) {
            perror(argv[i + 2]);
            return 1;
        }
        len[i] = (size_t)ftell(f);
        rewind(f);
        text[i] = malloc(len[i] + 1);
        if (fread(text[i], 1, len[i], f) != len[i]) {
            perror(argv[i + 2]);
            return 1;
        }
        fclose(f);
    }
    earnings_engine *eng = NULL;
    if (earnings_engine_new(&eng, NULL) != EARNINGS_OK) {
        fprintf(stderr, "%s\n", earnings_error_last()->message);
        return 1;
    }
    size_t json = 0;
    double t0 = now();
    for (int r = 0; r < rounds; r++)
        for (int i = 0; i < n; i++) {
            earnings_doc *doc = NULL;
            earnings_buf buf = EARNINGS_BUF_INIT;
            if (earnings_parse(&doc, eng, text[i], len[i], NULL) != EARNINGS_OK ||
                earnings_doc_to_json(doc, EARNINGS_JSON_FACTS | EARNINGS_JSON_LINES, &buf) != EARNINGS_OK) {
                fprintf(stderr, "%s: %s\n", argv[i + 2], earnings_error_last()->message);
                return 1;
            }
            json += buf.size;
            earnings_buf_dispose(&buf);
            earnings_doc_free(doc);
        }
    printf("%.6f %zu\n", now() - t0, json);
    earnings_engine_free(eng);
    for (int i = 0; i < n; i++)
        free(text[i]);
    free(text);
    free(len);
    return 0;
}
