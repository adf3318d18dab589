/* Engines and documents: drives the pipeline stages over one text and owns
 * their results. */
#include <string.h>

#include "core/internal.h"
#include "normalize/normalize_internal.h"
#include "tokenize/tokenize_internal.h"
#include "document/document_internal.h"
#include "entities/entities_internal.h"
#include "facts/facts_internal.h"

/* ---- options ------------------------------------------------------------ */

EARNINGS_API int earnings_engine_options_init(earnings_engine_options *opts, unsigned int version)
{
    if (!opts)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_engine_options_init: opts is NULL");
    if (version == 0 || version > EARNINGS_ENGINE_OPTIONS_VERSION)
        return earnings__error(EARNINGS_EVERSION, -1,
                               "earnings_engine_options_init: unknown version %u", version);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return EARNINGS_OK;
}

EARNINGS_API int earnings_parse_options_init(earnings_parse_options *opts, unsigned int version)
{
    if (!opts)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_parse_options_init: opts is NULL");
    if (version == 0 || version > EARNINGS_PARSE_OPTIONS_VERSION)
        return earnings__error(EARNINGS_EVERSION, -1,
                               "earnings_parse_options_init: unknown version %u", version);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    opts->flags = EARNINGS_PARSE_DEFAULT;
    opts->normalize_flags = EARNINGS_PARSE_NORMALIZE_DEFAULT;
    return EARNINGS_OK;
}

/* ---- engine ------------------------------------------------------------- */

EARNINGS_API int earnings_engine_new(earnings_engine **out, const earnings_engine_options *opts)
{
    return earnings__engine_new(out, opts, NULL);
}

int earnings__engine_new(earnings_engine **out, const earnings_engine_options *opts,
                         const earnings_lexicon *lex)
{
    if (!out)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_engine_new: out is NULL");
    *out = NULL;
    if (opts) {
        if (opts->version == 0 || opts->version > EARNINGS_ENGINE_OPTIONS_VERSION)
            return earnings__error(EARNINGS_EVERSION, -1,
                                   "earnings_engine_new: unknown options version %u", opts->version);
        if (opts->flags != 0)
            return earnings__error(EARNINGS_EINVAL, -1,
                                   "earnings_engine_new: unknown flags 0x%x", (unsigned)opts->flags);
    }
    earnings_engine *e = earnings__calloc(1, sizeof *e);
    if (!e)
        return earnings__enomem();
    int rc = earnings__tokenizer_new(&e->tokenizer);
    if (rc == EARNINGS_OK)
        rc = earnings__gazetteer_build(lex, &e->gazetteer);
    if (rc < 0) {
        earnings_engine_free(e);
        return rc;
    }
    *out = e;
    return EARNINGS_OK;
}

EARNINGS_API void earnings_engine_free(earnings_engine *engine)
{
    if (!engine)
        return;
    earnings__gazetteer_free(engine->gazetteer);
    earnings__tokenizer_free(engine->tokenizer);
    earnings__free(engine);
}

/* ---- parse -------------------------------------------------------------- */

#define KNOWN_PARSE_FLAGS \
    (EARNINGS_PARSE_TOKENS | EARNINGS_PARSE_SENTENCES | EARNINGS_PARSE_FIGURES | \
     EARNINGS_PARSE_ENTITIES | EARNINGS_PARSE_FACTS | EARNINGS_PARSE_HAN_WORDS)

EARNINGS_API int earnings_parse(earnings_doc **out, const earnings_engine *engine,
                                const char *text, size_t len, const earnings_parse_options *opts)
{
    if (!out)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_parse: out is NULL");
    *out = NULL;
    if (!engine)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_parse: engine is NULL");
    if (!text && len)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_parse: text is NULL but len is %zu", len);
    uint32_t flags = EARNINGS_PARSE_DEFAULT, nflags = EARNINGS_PARSE_NORMALIZE_DEFAULT;
    if (opts) {
        if (opts->version == 0 || opts->version > EARNINGS_PARSE_OPTIONS_VERSION)
            return earnings__error(EARNINGS_EVERSION, -1,
                                   "earnings_parse: unknown options version %u", opts->version);
        if (opts->flags & ~(uint32_t)KNOWN_PARSE_FLAGS)
            return earnings__error(EARNINGS_EINVAL, -1, "earnings_parse: unknown flags 0x%x",
                                   (unsigned)(opts->flags & ~(uint32_t)KNOWN_PARSE_FLAGS));
        if (opts->flags)
            flags = opts->flags;
        nflags = opts->normalize_flags;
    }
    /* sentences need no token array: without TOKENS they are found by a
     * token stream (earnings__sentences_scan) */
    if (flags & EARNINGS_PARSE_FACTS)
        flags |= EARNINGS_PARSE_SENTENCES | EARNINGS_PARSE_FIGURES | EARNINGS_PARSE_ENTITIES;

    earnings_doc *d = earnings__calloc(1, sizeof *d);
    if (!d)
        return earnings__enomem();
    d->engine = engine;
    earnings__figure_list_init(&d->figures);
    d->len = len;

    earnings_normalize_options no = EARNINGS_NORMALIZE_OPTIONS_INIT;
    no.flags = nflags;
    int rc = earnings_normalize(&d->norm, text ? text : "", len, &no);
    /* the document's copy of the input: already-normal text is the
     * normalized text itself, byte for byte (one copy, not two) */
    if (rc == EARNINGS_OK && earnings_normalized_is_identity(d->norm)) {
        d->text = (char *)earnings_normalized_text(d->norm, NULL);
        d->text_is_norm = 1;
    } else if (rc == EARNINGS_OK) {
        d->text = earnings__malloc(len + 1);
        if (!d->text) {
            earnings_doc_free(d);
            return earnings__enomem();
        }
        if (len)
            memcpy(d->text, text, len);
        d->text[len] = '\0';
    }
    int han_words = (flags & EARNINGS_PARSE_HAN_WORDS) != 0;
    if (rc == EARNINGS_OK && (flags & EARNINGS_PARSE_TOKENS))
        rc = earnings__tokenize(engine->tokenizer, d->norm, han_words, &d->tokens, &d->ntokens);
    if (rc == EARNINGS_OK && (flags & EARNINGS_PARSE_SENTENCES))
        rc = (flags & EARNINGS_PARSE_TOKENS)
                 ? earnings__sentences(d->norm, d->tokens, d->ntokens, &d->sentences, &d->nsentences)
                 : earnings__sentences_scan(engine->tokenizer, d->norm, han_words, &d->sentences,
                                            &d->nsentences);
    if (rc == EARNINGS_OK && (flags & EARNINGS_PARSE_FIGURES))
        rc = earnings__figures_extract(d->norm, d->tokens, d->ntokens, &d->figures);
    if (rc == EARNINGS_OK && (flags & EARNINGS_PARSE_ENTITIES))
        rc = earnings__doc_entities(d);
    if (rc == EARNINGS_OK && (flags & EARNINGS_PARSE_FACTS))
        rc = earnings__doc_facts(d);
    if (rc != EARNINGS_OK) {
        earnings_doc_free(d);
        return rc;
    }
    *out = d;
    return EARNINGS_OK;
}

EARNINGS_API void earnings_doc_free(earnings_doc *doc)
{
    if (!doc)
        return;
    earnings__doc_facts_free(doc);
    earnings__doc_entities_free(doc);
    earnings__figure_list_free(&doc->figures);
    earnings__free(doc->sentences);
    earnings__free(doc->tokens);
    if (!doc->text_is_norm)
        earnings__free(doc->text);
    earnings_normalized_free(doc->norm);
    earnings__free(doc);
}

/* ---- accessors ---------------------------------------------------------- */

EARNINGS_API const char *earnings_doc_text(const earnings_doc *doc, size_t *size_out)
{
    if (size_out)
        *size_out = doc ? doc->len : 0;
    return doc ? doc->text : NULL;
}

EARNINGS_API const char *earnings_doc_normalized(const earnings_doc *doc, size_t *size_out)
{
    if (!doc) {
        if (size_out)
            *size_out = 0;
        return NULL;
    }
    return earnings_normalized_text(doc->norm, size_out);
}

EARNINGS_API const earnings_normalized *earnings_doc_normalization(const earnings_doc *doc)
{
    return doc ? doc->norm : NULL;
}

EARNINGS_API size_t earnings_doc_token_count(const earnings_doc *doc) { return doc ? doc->ntokens : 0; }

EARNINGS_API const earnings_token *earnings_doc_token(const earnings_doc *doc, size_t i)
{
    return (doc && i < doc->ntokens) ? &doc->tokens[i] : NULL;
}

EARNINGS_API size_t earnings_doc_sentence_count(const earnings_doc *doc)
{
    return doc ? doc->nsentences : 0;
}

EARNINGS_API const earnings_sentence *earnings_doc_sentence(const earnings_doc *doc, size_t i)
{
    return (doc && i < doc->nsentences) ? &doc->sentences[i] : NULL;
}

EARNINGS_API size_t earnings_doc_figure_count(const earnings_doc *doc)
{
    return doc ? doc->figures.count : 0;
}

EARNINGS_API const earnings_figure *earnings_doc_figure(const earnings_doc *doc, size_t i)
{
    return (doc && i < doc->figures.count) ? &doc->figures.items[i] : NULL;
}

/* ---- JSON --------------------------------------------------------------- */

static void json_span_text(earnings__sb *sb, const earnings_doc *d, earnings_span s)
{
    earnings__sb_printf(sb, "\"start\":%zu,\"end\":%zu,\"text\":", s.start, s.end);
    earnings__sb_json_string(sb, d->text + s.start, s.end - s.start);
}

static void json_token(earnings__sb *sb, const earnings_doc *d, const earnings_token *t)
{
    earnings__sb_putc(sb, '{');
    json_span_text(sb, d, t->span);
    earnings__sb_printf(sb, ",\"type\":\"%s\",\"script\":\"%s\",\"norm\":",
                        earnings_token_type_name(t->type), earnings_script_name(t->script));
    const char *ntext = earnings_normalized_text(d->norm, NULL);
    earnings__sb_json_string(sb, ntext + t->norm.start, t->norm.end - t->norm.start);
    earnings__sb_printf(sb, ",\"sentence\":%u", (unsigned)t->sentence);
    static const char *const flag_names[] = { "attached", "abbreviation", "clitic", "hyphenated",
                                              "dictionary" };
    earnings__sb_json_flags(sb, "flags", t->flags, flag_names, sizeof flag_names / sizeof flag_names[0]);
    earnings__sb_putc(sb, '}');
}

static void json_sentence(earnings__sb *sb, const earnings_doc *d, const earnings_sentence *s, size_t i)
{
    earnings__sb_putc(sb, '{');
    json_span_text(sb, d, s->span);
    earnings__sb_printf(sb, ",\"index\":%zu,\"first_token\":%zu,\"token_count\":%zu}", i,
                        s->first_token, s->token_count);
}

#define KNOWN_JSON_PARTS                                                                  \
    (EARNINGS_JSON_TOKENS | EARNINGS_JSON_SENTENCES | EARNINGS_JSON_FIGURES | EARNINGS_JSON_ENTITIES | \
     EARNINGS_JSON_FACTS | EARNINGS_JSON_LINES)

EARNINGS_API int earnings_doc_to_json(const earnings_doc *doc, uint32_t parts, earnings_buf *out)
{
    if (!out)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_doc_to_json: out is NULL");
    out->ptr = NULL;
    out->size = 0;
    if (!doc)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_doc_to_json: doc is NULL");
    if (parts & ~(uint32_t)KNOWN_JSON_PARTS)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_doc_to_json: unknown parts 0x%x",
                               (unsigned)(parts & ~(uint32_t)KNOWN_JSON_PARTS));
    int lines = (parts & EARNINGS_JSON_LINES) != 0;
    earnings__sb sb;
    earnings__sb_init(&sb);
    earnings__sb_reserve(&sb, doc->ntokens * 96 + 64);
    if (lines) {
        if (parts & EARNINGS_JSON_TOKENS)
            for (size_t i = 0; i < doc->ntokens; i++) {
                json_token(&sb, doc, &doc->tokens[i]);
                earnings__sb_putc(&sb, '\n');
            }
        if (parts & EARNINGS_JSON_SENTENCES)
            for (size_t i = 0; i < doc->nsentences; i++) {
                json_sentence(&sb, doc, &doc->sentences[i], i);
                earnings__sb_putc(&sb, '\n');
            }
        if (parts & EARNINGS_JSON_FIGURES)
            for (size_t i = 0; i < doc->figures.count; i++) {
                earnings__figure_to_json(&sb, &doc->figures.items[i], doc->text);
                earnings__sb_putc(&sb, '\n');
            }
        if (parts & EARNINGS_JSON_ENTITIES)
            for (size_t i = 0; i < doc->nentities; i++) {
                earnings__entity_to_json(&sb, &doc->entities[i], doc->text);
                earnings__sb_putc(&sb, '\n');
            }
        if (parts & EARNINGS_JSON_FACTS)
            for (size_t i = 0; i < doc->nfacts; i++) {
                earnings__fact_to_json(&sb, &doc->facts[i], NULL);
                earnings__sb_putc(&sb, '\n');
            }
    } else {
        earnings__sb_printf(&sb, "{\"schema\":\"libearnings/document\",\"schema_version\":1,"
                                 "\"library_version\":\"%s\",\"size\":%zu",
                            EARNINGS_VERSION_STRING, doc->len);
        if (parts & EARNINGS_JSON_TOKENS) {
            earnings__sb_puts(&sb, ",\"tokens\":[");
            for (size_t i = 0; i < doc->ntokens; i++) {
                if (i)
                    earnings__sb_putc(&sb, ',');
                json_token(&sb, doc, &doc->tokens[i]);
            }
            earnings__sb_putc(&sb, ']');
        }
        if (parts & EARNINGS_JSON_SENTENCES) {
            earnings__sb_puts(&sb, ",\"sentences\":[");
            for (size_t i = 0; i < doc->nsentences; i++) {
                if (i)
                    earnings__sb_putc(&sb, ',');
                json_sentence(&sb, doc, &doc->sentences[i], i);
            }
            earnings__sb_putc(&sb, ']');
        }
        if (parts & EARNINGS_JSON_FIGURES) {
            earnings__sb_puts(&sb, ",\"figures\":[");
            for (size_t i = 0; i < doc->figures.count; i++) {
                if (i)
                    earnings__sb_putc(&sb, ',');
                earnings__figure_to_json(&sb, &doc->figures.items[i], doc->text);
            }
            earnings__sb_putc(&sb, ']');
        }
        if (parts & EARNINGS_JSON_ENTITIES) {
            earnings__sb_puts(&sb, ",\"entities\":[");
            for (size_t i = 0; i < doc->nentities; i++) {
                if (i)
                    earnings__sb_putc(&sb, ',');
                earnings__entity_to_json(&sb, &doc->entities[i], doc->text);
            }
            earnings__sb_putc(&sb, ']');
        }
        if (parts & EARNINGS_JSON_FACTS) {
            earnings__sb_puts(&sb, ",\"facts\":[");
            for (size_t i = 0; i < doc->nfacts; i++) {
                if (i)
                    earnings__sb_putc(&sb, ',');
                earnings__fact_to_json(&sb, &doc->facts[i], NULL);
            }
            earnings__sb_putc(&sb, ']');
        }
        earnings__sb_puts(&sb, "}\n");
    }
    return earnings__sb_to_buf(&sb, out);
}
