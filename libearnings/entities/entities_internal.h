/* Internal interface of the entity stage: lexicons (parsed word lists), the
 * gazetteer compiled from them once per engine, and extraction. */
#ifndef EARNINGS_ENTITIES_INTERNAL_H
#define EARNINGS_ENTITIES_INTERNAL_H

#include "core/internal.h"
#include "earnings/entities.h"

/* ---- lexicon (parsed, not compiled) ---------------------------------------
 * Strings live in one pool; records refer to them by offset. */
enum {
    EARNINGS__ALIAS_NAME = 1,    /* the canonical name (match kind exact) */
    EARNINGS__ALIAS_PLAIN = 2,   /* an alias */
    EARNINGS__ALIAS_VARIANT = 3, /* a variant spelling */
    EARNINGS__ALIAS_TICKER = 4   /* a ticker symbol (text = symbol, exch = exchange or 0) */
};
#define EARNINGS__ALIAS_CS 1u /* flag: case-sensitive */

typedef struct earnings__lex_alias {
    uint32_t entry; /* index of its entry */
    uint32_t text;  /* pool offset, NUL-terminated */
    uint32_t exch;  /* tickers: pool offset of the exchange, or UINT32_MAX */
    uint8_t kind;   /* EARNINGS__ALIAS_* */
    uint8_t flags;  /* EARNINGS__ALIAS_CS */
} earnings__lex_alias;

typedef struct earnings__lex_entry {
    uint32_t id;   /* pool offset */
    uint32_t name; /* pool offset */
    int32_t type;  /* earnings_entity_type */
    uint32_t name_flags;
    uint32_t line;   /* where it was defined first (for messages) */
    uint32_t offset; /* byte offset of that line's type field */
} earnings__lex_entry;

struct earnings_lexicon {
    earnings__sb pool;
    earnings__lex_entry *entries;
    size_t nentries, entries_cap;
    earnings__lex_alias *aliases;
    size_t naliases, aliases_cap;
    uint32_t *hash; /* open addressing: entry index + 1, 0 = empty */
    size_t hash_cap;
};

/* Append every entry of src to dst (merging by id). 0 or a negative code. */
int earnings__lexicon_merge(earnings_lexicon *dst, const earnings_lexicon *src);

/* ---- built-in lexicon data (generated at build time) ---------------------- */
typedef struct earnings__lexfile {
    const char *name;           /* "entities/companies.tsv" */
    const unsigned char *data;
    size_t size;
} earnings__lexfile;

extern const earnings__lexfile earnings__builtin_lexicons[];
extern const size_t earnings__builtin_lexicon_count;

/* ---- gazetteer ------------------------------------------------------------
 * Immutable once built; shared by threads. */
typedef struct earnings__gazetteer earnings__gazetteer;

/* One entity of the gazetteer (lookup API for the facts stage). */
typedef struct earnings__gz_entity {
    const char *id;
    const char *name;
    int32_t type;
} earnings__gz_entity;

/* Build from the built-in lexicons plus extra (may be NULL). */
int earnings__gazetteer_build(const earnings_lexicon *extra, earnings__gazetteer **out);
void earnings__gazetteer_free(earnings__gazetteer *g);
/* Entity by canonical id, or NULL. */
const earnings__gz_entity *earnings__gazetteer_lookup(const earnings__gazetteer *g, const char *id);
/* Number of entities and patterns (for tests and diagnostics). */
size_t earnings__gazetteer_entity_count(const earnings__gazetteer *g);
size_t earnings__gazetteer_state_count(const earnings__gazetteer *g);

/* ---- extraction ------------------------------------------------------------ */
typedef struct earnings__entity_list {
    earnings_entity *items;
    size_t count;
    char *strings; /* owns the strings of unknown entities; items point into it */
} earnings__entity_list;

/* Find every entity of norm's text. On success *out holds the records (free
 * with earnings__entity_list_release()); pointers in them refer to g (which
 * must outlive the list) or to out->strings. 0 or a negative code. */
int earnings__entities_extract(const earnings__gazetteer *g, const earnings_normalized *norm,
                               earnings__entity_list *out);
void earnings__entity_list_release(earnings__entity_list *list);

/* For the tests: the same extraction with the automaton run one byte at a
 * time through `step` (the next state's id from a state and a folded byte;
 * NULL: the gazetteer's own transitions) and with none of the shortcuts of
 * earnings__entities_extract(); the output must be the same. */
typedef uint32_t (*earnings__gz_step_fn)(const earnings__gazetteer *g, uint32_t state, unsigned char folded,
                                         void *ctx);
int earnings__entities_extract_ref(const earnings__gazetteer *g, const earnings_normalized *norm,
                                   earnings__entity_list *out, earnings__gz_step_fn step, void *ctx);

/* Append one entity as a JSON object; orig_text is the original input. */
void earnings__entity_to_json(earnings__sb *sb, const earnings_entity *e, const char *orig_text);

/* Document glue, called by earnings_parse() / earnings_doc_free():
 * run the stage over doc->norm with doc->engine->gazetteer (no-op without
 * one) and store the records in the document; release them. */
int earnings__doc_entities(earnings_doc *doc);
void earnings__doc_entities_free(earnings_doc *doc);

/* Damerau-Levenshtein (optimal string alignment) distance of a and b,
 * compared ASCII case-insensitively; returns max + 1 as soon as the
 * distance exceeds max. Lengths up to 63. */
int earnings__edit_distance(const char *a, size_t alen, const char *b, size_t blen, int max);

#endif
