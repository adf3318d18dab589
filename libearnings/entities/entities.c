/* Public face of the entity stage: names of enums, document accessors and
 * glue, JSON records, engines with extra lexicons, lookup by id. */
#include <string.h>

#include "entities/entities_internal.h"
#include "document/document_internal.h"

EARNINGS_API const char *earnings_entity_type_name(int32_t type)
{
    switch (type) {
    case EARNINGS_ENTITY_ORG: return "org";
    case EARNINGS_ENTITY_SEGMENT: return "segment";
    case EARNINGS_ENTITY_PRODUCT: return "product";
    case EARNINGS_ENTITY_PERSON: return "person";
    case EARNINGS_ENTITY_ROLE: return "role";
    case EARNINGS_ENTITY_TICKER: return "ticker";
    case EARNINGS_ENTITY_METRIC: return "metric";
    default: return "unknown";
    }
}

EARNINGS_API const char *earnings_entity_match_name(int32_t match)
{
    switch (match) {
    case EARNINGS_MATCH_EXACT: return "exact";
    case EARNINGS_MATCH_ALIAS: return "alias";
    case EARNINGS_MATCH_VARIANT: return "variant";
    case EARNINGS_MATCH_FUZZY: return "fuzzy";
    case EARNINGS_MATCH_PATTERN: return "pattern";
    default: return "unknown";
    }
}

/* ---- documents ----------------------------------------------------------------- */

EARNINGS_API size_t earnings_doc_entity_count(const earnings_doc *doc) { return doc ? doc->nentities : 0; }

EARNINGS_API const earnings_entity *earnings_doc_entity(const earnings_doc *doc, size_t i)
{
    return (doc && i < doc->nentities) ? &doc->entities[i] : NULL;
}

void earnings__doc_entities_free(earnings_doc *doc)
{
    if (!doc)
        return;
    earnings__free(doc->entities);
    earnings__free(doc->entity_strings);
    doc->entities = NULL;
    doc->entity_strings = NULL;
    doc->nentities = 0;
}

int earnings__doc_entities(earnings_doc *doc)
{
    if (!doc)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__doc_entities: doc is NULL");
    earnings__doc_entities_free(doc);
    if (!doc->engine || !doc->engine->gazetteer || !doc->norm)
        return 0;
    earnings__entity_list list;
    int rc = earnings__entities_extract(doc->engine->gazetteer, doc->norm, &list);
    if (rc < 0)
        return rc;
    doc->entities = list.items;
    doc->nentities = list.count;
    doc->entity_strings = list.strings;
    return 0;
}

/* ---- JSON ---------------------------------------------------------------------------- */

static void json_str_field(earnings__sb *sb, const char *key, const char *v)
{
    earnings__sb_printf(sb, ",\"%s\":", key);
    earnings__sb_json_string(sb, v, strlen(v));
}

void earnings__entity_to_json(earnings__sb *sb, const earnings_entity *e, const char *orig_text)
{
    earnings__sb_printf(sb, "{\"start\":%zu,\"end\":%zu,\"text\":", e->span.start, e->span.end);
    earnings__sb_json_string(sb, orig_text + e->span.start, e->span.end - e->span.start);
    earnings__sb_printf(sb, ",\"type\":\"%s\"", earnings_entity_type_name(e->type));
    json_str_field(sb, "id", e->id);
    json_str_field(sb, "name", e->name);
    earnings__sb_printf(sb, ",\"match\":\"%s\",\"distance\":%d,\"lang\":\"%s\"",
                        earnings_entity_match_name(e->match), (int)e->distance, e->lang);
    if (e->role)
        json_str_field(sb, "role", e->role);
    if (e->ticker)
        json_str_field(sb, "ticker", e->ticker);
    if (e->exchange)
        json_str_field(sb, "exchange", e->exchange);
    static const char *const flag_names[] = { "ambiguous", "unknown", "context" };
    earnings__sb_json_flags(sb, "flags", e->flags, flag_names, sizeof flag_names / sizeof flag_names[0]);
    earnings__sb_putc(sb, '}');
}

/* ---- engines ---------------------------------------------------------------------------- */

EARNINGS_API int earnings_engine_new_with_lexicon(earnings_engine **out, const earnings_engine_options *opts,
                                                  const earnings_lexicon *lex)
{
    return earnings__engine_new(out, opts, lex);
}

EARNINGS_API int earnings_entity_lookup(const earnings_engine *engine, const char *id, int32_t *type_out,
                                        const char **name_out)
{
    if (!engine || !id)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_entity_lookup: %s is NULL",
                               engine ? "id" : "engine");
    const earnings__gz_entity *e = earnings__gazetteer_lookup(engine->gazetteer, id);
    if (!e)
        return earnings__error(EARNINGS_ENOTFOUND, -1, "earnings_entity_lookup: no entity '%.200s'", id);
    if (type_out)
        *type_out = e->type;
    if (name_out)
        *name_out = e->name;
    return EARNINGS_OK;
}
