/* Internal interface of the tokenizer and sentence segmenter. */
#ifndef EARNINGS_TOKENIZE_INTERNAL_H
#define EARNINGS_TOKENIZE_INTERNAL_H

#include "core/internal.h"

/* Engine-owned, immutable tokenizer state (ICU break iterator prototype).
 * Shared by threads; each tokenize call clones what it mutates. */
typedef struct earnings__tokenizer earnings__tokenizer;

int earnings__tokenizer_new(earnings__tokenizer **out);
void earnings__tokenizer_free(earnings__tokenizer *tk);

/* Tokenize the normalized text of norm. With han_words != 0, Han runs are
 * split with ICU's dictionary break iterator, else one token per character.
 * On success *out / *count hold an array allocated with earnings__malloc
 * (caller frees with earnings__free). Every token has span (original) and
 * norm set; sentence is 0. Returns 0 or a negative code (error recorded). */
int earnings__tokenize(const earnings__tokenizer *tk, const earnings_normalized *norm,
                       int han_words, earnings_token **out, size_t *count);

/* A token stream: the tokens of earnings__tokenize(), made on demand and
 * kept in a window, for a pass that looks at a few tokens at a time and
 * needs no array of them all. */
typedef struct earnings__tokstream earnings__tokstream;

int earnings__tokstream_new(const earnings__tokenizer *tk, const earnings_normalized *norm, int han_words,
                            earnings__tokstream **out);
void earnings__tokstream_free(earnings__tokstream *ts);
/* Make the stream sparse before its first fill: it leaves out tokens that
 * sentence segmentation never reads (see tokenize.c), so the sentences of
 * the stream are those of the whole token sequence, found faster; token
 * indexes then count only the tokens made. */
void earnings__tokstream_sparse(earnings__tokstream *ts);
/* In a sparse stream, the flag of a token made after a left-out stretch:
 * no line break lies between it and the token before it in the whole
 * sequence (never set in tokens that callers see). */
#define EARNINGS__TOKEN_FLAG_AFTER_GAP (1u << 31)
/* Scan on until token k and the one after it are made (or the text ends):
 * then token k is final. Returns 0 or a negative code. */
int earnings__tokstream_fill(earnings__tokstream *ts, size_t k);
/* The window: tokens base .. base + *count - 1 of the whole sequence; *done
 * once the text is scanned to its end. Valid until the next fill or drop. */
const earnings_token *earnings__tokstream_window(const earnings__tokstream *ts, size_t *base, size_t *count,
                                                 int *done);
/* Forget the tokens before token k (the last made one is always kept). */
void earnings__tokstream_drop(earnings__tokstream *ts, size_t k);

/* Segment tokens into sentences; sets tokens[i].sentence and each
 * sentence's first_token / token_count. Same ownership rules for *out. */
int earnings__sentences(const earnings_normalized *norm, earnings_token *tokens, size_t ntokens,
                        earnings_sentence **out, size_t *count);

/* The same sentences (same spans) without a token array: the tokens are
 * made on the way by a token stream and forgotten behind the segmenter, so
 * memory stays small. first_token and token_count are 0. */
int earnings__sentences_scan(const earnings__tokenizer *tk, const earnings_normalized *norm, int han_words,
                             earnings_sentence **out, size_t *count);

#endif
