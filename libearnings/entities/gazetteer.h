/* Layout of the compiled gazetteer, shared by gazetteer.c (build) and
 * extract.c (matching). Private to libearnings/entities/. */
#ifndef EARNINGS_ENTITIES_GAZETTEER_H
#define EARNINGS_ENTITIES_GAZETTEER_H

#include "entities/entities_internal.h"

#define GZ_NONE UINT32_MAX
/* Encoded transitions: target state in the low 30 bits, its report flags
 * (gz_state.report) in the top 2. */
#define GZ_STATE_MASK 0x3FFFFFFFu
/* Memory for complete transition rows (bytes); the shallowest states get them. */
#define GZ_DENSE_BUDGET (2u << 20)
/* At least this many states have rows whatever the budget. */
#define GZ_DENSE_MIN 2048

/* What a byte does when the automaton is at the root (gazetteer.rootact). */
enum {
    GZ_ACT_QUIET = 0, /* stays at the root, no trigger, no skip: just count it */
    GZ_ACT_WORD = 1,  /* ASCII letter or digit: quiet inside a word (no key can start there) */
    GZ_ACT_SPACE = 2, /* space-like: fed once per run, then skipped */
    GZ_ACT_FULL = 3   /* anything else: the complete per-byte treatment */
};

/* Kinds of patterns (output payloads of the automaton). */
enum { GZP_EXACT = 1, GZP_ALIAS = 2, GZP_VARIANT = 3, GZP_TICKER = 4 };

/* Payload flags. */
#define GZP_CS 0x01u        /* compare letters case-sensitively against `text` */
#define GZP_LEAD_WORD 0x02u /* first character is a Latin letter or digit: check the boundary before */
#define GZP_TAIL_WORD 0x04u /* last character is a Latin letter or digit: check the boundary after */

/* One pattern: an alias of an entity, compiled into the automaton. */
typedef struct gz_out {
    uint32_t entity; /* index into entities */
    uint32_t text;   /* pool offset of the normalized alias (for case-sensitive checks) */
    uint32_t order;  /* position in the merged lexicon: later lexicons win ties */
    uint16_t len;    /* length of the folded key in bytes (fed bytes) */
    uint8_t kind;    /* GZP_* */
    uint8_t flags;
    uint16_t distance; /* variants: edit distance to the nearest non-variant spelling */
    uint16_t pad;
} gz_out;

typedef struct gz_state {
    uint32_t edges; /* first edge (edges sorted by label) */
    uint32_t fail;
    uint32_t dict;  /* nearest state with outputs on the fail chain, 0 if none */
    uint32_t out;   /* first output */
    uint16_t nedges;
    uint8_t nout;   /* outputs here (at most 255 entities share one text) */
    uint8_t report; /* 1: this state or its dictionary chain has outputs;
                     * 2: and all of them need a word boundary after the match */
} gz_state;

typedef struct gz_entity {
    earnings__gz_entity pub; /* id, name, type (pointers into the pool) */
    uint32_t id_off, name_off;
    uint32_t first_name; /* persons: pool offset of the lowercase first name, or GZ_NONE */
    uint16_t first_len;
    uint16_t pad;
} gz_entity;

typedef struct gz_ticker {
    uint32_t symbol;   /* pool offset, NUL-terminated (upper case) */
    uint32_t exchange; /* pool offset or GZ_NONE */
    uint32_t entity;
} gz_ticker;

/* Keys of the fuzzy matcher: single Latin words (lower case) of entities. */
typedef struct gz_fkey {
    uint32_t text;   /* pool offset */
    uint32_t entity;
    uint8_t len;
    uint8_t target;  /* 1: person or product (may be matched); 0: blocks only */
    uint16_t pad;
    uint32_t mask;   /* letters present (bit c - 'a'): a cheap lower bound of the distance */
} gz_fkey;

/* The code points of the Han start table: those with UTF-8 lead bytes
 * E4..E9 (ideographs, hexagram symbols). */
#define GZ_HAN_FIRST 0x4000
#define GZ_HAN_LAST 0x9FFF

struct earnings__gazetteer {
    char *pool; /* all strings */
    size_t pool_len;
    gz_entity *entities;
    size_t nentities;
    uint32_t *hash; /* entity index + 1 by id; 0 empty */
    size_t hash_cap;
    /* automaton. Transitions are encoded (GZ_STATE_MASK). The first
     * `ndense` states (the shallow ones: ids are in breadth-first order) have
     * complete rows over the byte classes, failure links resolved; other
     * states use sorted edge lists and fall back along failure links.
     * In the rows, a letter or digit that leaves a state whose text is all
     * ASCII letters and digits for a shorter one leads to the root instead:
     * what the automaton would follow then starts inside a word, where no
     * key may start (they all need a word boundary before a letter or digit). */
    uint32_t root[256]; /* encoded transitions of the root by folded byte */
    uint8_t cls[256];   /* class of a folded byte; 0: no key uses it */
    uint8_t rootact[256]; /* GZ_ACT_* of a text byte at the root */
    /* bit cp - GZ_HAN_FIRST set: some key starts with the character cp of
     * U+4000..U+9FFF; from the root, any other such character leads back
     * to the root and matches nothing (a key starts at a character) */
    uint8_t hanstart[(GZ_HAN_LAST - GZ_HAN_FIRST + 1) / 8];
    uint32_t nclass;
    uint32_t *dense; /* ndense * nclass encoded transitions */
    size_t ndense;
    gz_state *states;
    size_t nstates;
    uint8_t *labels;
    uint32_t *targets;
    size_t nedges;
    gz_out *outs;
    size_t nouts;
    /* tickers sorted by symbol */
    gz_ticker *tickers;
    size_t ntickers;
    /* fuzzy keys: targets first, then blockers, each sorted by first letter;
     * fkey_start[0] indexes the targets by letter, fkey_start[1] the blockers:
     * keys of letter c are [start[c - 'a'], start[c - 'a' + 1]) */
    gz_fkey *fkeys;
    size_t nfkeys;
    uint32_t fkey_start[2][27];
};

/* Byte folding used on keys and on the text: ASCII upper to lower case,
 * space-like bytes and '-' to ' '. */
extern const unsigned char earnings__gz_fold[256];

static inline int gz_is_alnum(unsigned char c)
{
    return (unsigned)(c - '0') < 10u || (unsigned)((c | 0x20) - 'a') < 26u;
}

/* ASCII bytes that make the extractor look beyond the automaton: capital
 * letters (word starts) and the ticker pattern triggers ( . : $ */
static inline int gz_is_trigger(unsigned char c)
{
    return (unsigned)(c - 'A') < 26u || c == '(' || c == '.' || c == ':' || c == '$';
}

/* Lead bytes of the middle dots (gz_middle_dot). */
static inline int gz_is_dot_lead(unsigned char c) { return c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF; }

/* Han (and kana, hangul): characters that carry no word boundary. */
static inline int gz_is_cjk(int32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3005 && cp <= 0x3007)
           || (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3040 && cp <= 0x30FF && cp != 0x30FB)
           || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)
           || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF)
           || (cp >= 0x20000 && cp <= 0x3134F);
}

/* Letters of alphabetic scripts (a Latin match may not touch them). */
static inline int gz_is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return gz_is_alnum((unsigned char)cp) || cp == '_';
    return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x52F)
           || (cp >= 0x1E00 && cp <= 0x1FFF);
}

/* Length of a middle dot (U+00B7, U+2022, U+2027, U+30FB, U+FF65) at s, or 0. */
static inline size_t gz_middle_dot(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xB7)
        return 2;
    if (n >= 3) {
        if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA2 || s[2] == 0xA7))
            return 3;
        if ((s[0] == 0xE3 && s[1] == 0x83 && s[2] == 0xBB) || (s[0] == 0xEF && s[1] == 0xBD && s[2] == 0xA5))
            return 3;
    }
    return 0;
}

/* Code point ending just before s[off] (off > 0), or -1. */
int32_t earnings__gz_cp_before(const unsigned char *s, size_t off);
/* Code point at s[off] (off < n), or -1. */
int32_t earnings__gz_cp_at(const unsigned char *s, size_t n, size_t off);

#endif
