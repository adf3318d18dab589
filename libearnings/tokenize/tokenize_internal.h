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

/* Segment tokens into sentences; sets tokens[i].sentence. Same ownership
 * rules for *out. */
int earnings__sentences(const earnings_normalized *norm, earnings_token *tokens, size_t ntokens,
                        earnings_sentence **out, size_t *count);

#endif
