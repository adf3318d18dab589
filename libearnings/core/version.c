#include "internal.h"

EARNINGS_API unsigned earnings_version_number(void) { return EARNINGS_VERSION_NUMBER; }

EARNINGS_API const char *earnings_version_string(void) { return EARNINGS_VERSION_STRING; }

EARNINGS_API size_t earnings_struct_size(int32_t which)
{
    switch (which) {
    case EARNINGS_STRUCT_SPAN: return sizeof(earnings_span);
    case EARNINGS_STRUCT_BUF: return sizeof(earnings_buf);
    case EARNINGS_STRUCT_ERROR: return sizeof(earnings_error);
    case EARNINGS_STRUCT_NORMALIZE_OPTIONS: return sizeof(earnings_normalize_options);
    case EARNINGS_STRUCT_TOKEN: return sizeof(earnings_token);
    case EARNINGS_STRUCT_SENTENCE: return sizeof(earnings_sentence);
    case EARNINGS_STRUCT_ENGINE_OPTIONS: return sizeof(earnings_engine_options);
    case EARNINGS_STRUCT_PARSE_OPTIONS: return sizeof(earnings_parse_options);
    case EARNINGS_STRUCT_FIGURE: return sizeof(earnings_figure);
    case EARNINGS_STRUCT_ENTITY: return sizeof(earnings_entity);
    case EARNINGS_STRUCT_FACT: return sizeof(earnings_fact);
    case EARNINGS_STRUCT_FACT_GROUP: return sizeof(earnings_fact_group);
    case EARNINGS_STRUCT_NAME_SPELLING: return sizeof(earnings_name_spelling);
    case EARNINGS_STRUCT_PERSON_NAMES: return sizeof(earnings_person_names);
    default: return 0;
    }
}
