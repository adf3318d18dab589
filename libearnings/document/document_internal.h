/* The engine and document structs, shared by the stages that add records to
 * a document and implement their own accessors (figures, entities, facts). */
#ifndef EARNINGS_DOCUMENT_INTERNAL_H
#define EARNINGS_DOCUMENT_INTERNAL_H

#include "core/internal.h"
#include "tokenize/tokenize_internal.h"
#include "figures/figures_internal.h"

struct earnings_engine {
    earnings__tokenizer *tokenizer;
    /* entities: the compiled gazetteer (libearnings/entities/), or NULL */
    struct earnings__gazetteer *gazetteer;
    /* later stages add their compiled, immutable data here */
};

struct earnings_doc {
    const earnings_engine *engine;
    char *text; /* copy of the original, NUL-terminated */
    size_t len;
    int text_is_norm; /* text is the normalized text (identity normalization), owned by norm */
    earnings_normalized *norm;
    earnings_token *tokens;
    size_t ntokens;
    earnings_sentence *sentences;
    size_t nsentences;
    /* figures, in text order */
    earnings__figure_list figures;
    /* entities: mentions in text order, and the strings of unknown ones
     * (set by earnings__doc_entities(), freed by earnings__doc_entities_free()) */
    struct earnings_entity *entities;
    size_t nentities;
    char *entity_strings;
    /* facts: records in text order and the arena of their strings
     * (set by earnings__doc_facts(), freed by earnings__doc_facts_free()) */
    struct earnings_fact *facts;
    size_t nfacts;
    struct earnings__arena_block *fact_strings;
    /* later stages add their records here */
};

/* Create an engine whose gazetteer holds the built-in lexicons plus lex
 * (may be NULL). earnings_engine_new() is earnings__engine_new(out, opts, NULL). */
int earnings__engine_new(earnings_engine **out, const earnings_engine_options *opts,
                         const struct earnings_lexicon *lex);

#endif
