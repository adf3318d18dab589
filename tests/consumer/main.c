/* A program outside the tree, built against the installed libearnings. */
#include <stdio.h>
#include <string.h>
#include <earnings.h>

int main(void)
{
    const char *text = "AWS revenue grew 20.2% to $33.0 billion.";
    earnings_engine *eng = NULL;
    earnings_doc *doc = NULL;
    if (earnings_version_number() != EARNINGS_VERSION_NUMBER) return 1;
    if (earnings_engine_new(&eng, NULL) || earnings_parse(&doc, eng, text, strlen(text), NULL)) {
        fprintf(stderr, "%s\n", earnings_error_last()->message);
        return 1;
    }
    printf("%zu tokens, %zu sentences\n", earnings_doc_token_count(doc), earnings_doc_sentence_count(doc));
    earnings_doc_free(doc);
    earnings_engine_free(eng);
    return 0;
}
