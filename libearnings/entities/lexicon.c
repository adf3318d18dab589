/* Lexicons: parsing of the TSV word-list format (docs/lexicons.md) into
 * entries and aliases, merging by id, and the public earnings_lexicon API. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "entities/entities_internal.h"

#define MAX_ID 128
#define MAX_TEXT 255
#define MAX_FILE ((size_t)64 << 20)
#define NO_OFF UINT32_MAX

/* ---- small helpers -------------------------------------------------------- */

static uint32_t hash_str(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static const char *pool_str(const earnings_lexicon *lex, uint32_t off) { return lex->pool.ptr + off; }

/* Append s[0..n) plus NUL to the pool; returns its offset or NO_OFF (ENOMEM recorded). */
static uint32_t pool_add(earnings_lexicon *lex, const char *s, size_t n)
{
    if (lex->pool.len + n + 1 >= NO_OFF) {
        earnings__error(EARNINGS_ETOOBIG, -1, "lexicon: more than 4 GiB of strings");
        return NO_OFF;
    }
    uint32_t off = (uint32_t)lex->pool.len;
    earnings__sb_append(&lex->pool, s, n);
    earnings__sb_putc(&lex->pool, '\0');
    if (lex->pool.failed)
        return NO_OFF;
    return off;
}

static long find_entry(const earnings_lexicon *lex, const char *id, size_t n)
{
    if (!lex->hash_cap)
        return -1;
    size_t mask = lex->hash_cap - 1;
    for (size_t h = hash_str(id, n) & mask;; h = (h + 1) & mask) {
        uint32_t v = lex->hash[h];
        if (!v)
            return -1;
        const char *eid = pool_str(lex, lex->entries[v - 1].id);
        if (strncmp(eid, id, n) == 0 && eid[n] == '\0')
            return (long)(v - 1);
    }
}

/* Make room for `more` additional entries in the hash (rehash as needed). */
static int hash_reserve(earnings_lexicon *lex, size_t more)
{
    size_t need = (lex->nentries + more) * 2;
    if (need <= lex->hash_cap)
        return 0;
    size_t cap = lex->hash_cap ? lex->hash_cap : 64;
    while (cap < need)
        cap *= 2;
    uint32_t *h = earnings__calloc(cap, sizeof *h);
    if (!h)
        return earnings__enomem();
    for (size_t i = 0; i < lex->nentries; i++) {
        const char *id = pool_str(lex, lex->entries[i].id);
        size_t k = hash_str(id, strlen(id)) & (cap - 1);
        while (h[k])
            k = (k + 1) & (cap - 1);
        h[k] = (uint32_t)(i + 1);
    }
    earnings__free(lex->hash);
    lex->hash = h;
    lex->hash_cap = cap;
    return 0;
}

static void hash_insert(earnings_lexicon *lex, uint32_t index)
{
    const char *id = pool_str(lex, lex->entries[index].id);
    size_t mask = lex->hash_cap - 1;
    size_t k = hash_str(id, strlen(id)) & mask;
    while (lex->hash[k])
        k = (k + 1) & mask;
    lex->hash[k] = index + 1;
}

static const struct {
    const char *name;
    int32_t type;
} type_names[] = {
    { "org", EARNINGS_ENTITY_ORG },         { "segment", EARNINGS_ENTITY_SEGMENT },
    { "product", EARNINGS_ENTITY_PRODUCT }, { "person", EARNINGS_ENTITY_PERSON },
    { "role", EARNINGS_ENTITY_ROLE },       { "metric", EARNINGS_ENTITY_METRIC },
};

static int32_t parse_type(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
        if (strlen(type_names[i].name) == n && memcmp(type_names[i].name, s, n) == 0)
            return type_names[i].type;
    return 0;
}

static int valid_id(const char *s, size_t n)
{
    if (n == 0 || n > MAX_ID)
        return 0;
    size_t colon = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'
                 || c == ':' || c == '/';
        if (!ok)
            return 0;
        if (c == ':' && !colon)
            colon = i;
    }
    return colon > 0 && colon + 1 < n;
}

static int valid_symbol(const char *s, size_t n)
{
    if (n == 0 || n > 12)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (i > 0 && (c == '.' || c == '-'))))
            return 0;
    }
    return 1;
}

static int valid_exchange(const char *s, size_t n)
{
    if (n == 0 || n > 16)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return 0;
    }
    return 1;
}

/* ---- building ------------------------------------------------------------- */

/* Find or add the entry `id`; on a type conflict, returns -2 (no error
 * recorded: the caller knows the line). Otherwise index, or -1 on ENOMEM. */
static long add_entry(earnings_lexicon *lex, const char *id, size_t idn, int32_t type,
                      const char *name, size_t namen, uint32_t name_flags, uint32_t line, uint32_t offset)
{
    long k = find_entry(lex, id, idn);
    if (k >= 0 && lex->entries[k].type != type)
        return -2;
    uint32_t noff = pool_add(lex, name, namen);
    if (noff == NO_OFF)
        return -1;
    if (k >= 0) {
        lex->entries[k].name = noff;
        lex->entries[k].name_flags = name_flags;
        return k;
    }
    if (hash_reserve(lex, 1) < 0)
        return -1;
    if (earnings__grow((void **)&lex->entries, &lex->entries_cap, lex->nentries + 1,
                       sizeof *lex->entries) < 0)
        return -1;
    uint32_t idoff = pool_add(lex, id, idn);
    if (idoff == NO_OFF)
        return -1;
    earnings__lex_entry *e = &lex->entries[lex->nentries];
    e->id = idoff;
    e->name = noff;
    e->type = type;
    e->name_flags = name_flags;
    e->line = line;
    e->offset = offset;
    hash_insert(lex, (uint32_t)lex->nentries);
    return (long)lex->nentries++;
}

static int add_alias(earnings_lexicon *lex, uint32_t entry, const char *text, size_t n, int kind,
                     unsigned flags, const char *exch, size_t exchn)
{
    if (earnings__grow((void **)&lex->aliases, &lex->aliases_cap, lex->naliases + 1,
                       sizeof *lex->aliases) < 0)
        return EARNINGS_ENOMEM;
    uint32_t toff = pool_add(lex, text, n);
    if (toff == NO_OFF)
        return earnings_error_last()->code;
    uint32_t eoff = NO_OFF;
    if (exch && exchn) {
        eoff = pool_add(lex, exch, exchn);
        if (eoff == NO_OFF)
            return earnings_error_last()->code;
    }
    earnings__lex_alias *a = &lex->aliases[lex->naliases++];
    a->entry = entry;
    a->text = toff;
    a->exch = eoff;
    a->kind = (uint8_t)kind;
    a->flags = (uint8_t)flags;
    return 0;
}

static void lexicon_init(earnings_lexicon *lex)
{
    memset(lex, 0, sizeof *lex);
    earnings__sb_init(&lex->pool);
}

static void lexicon_release(earnings_lexicon *lex)
{
    earnings__sb_release(&lex->pool);
    earnings__free(lex->entries);
    earnings__free(lex->aliases);
    earnings__free(lex->hash);
    lexicon_init(lex);
}

int earnings__lexicon_merge(earnings_lexicon *dst, const earnings_lexicon *src)
{
    if (!src || src->nentries == 0)
        return 0;
    /* reserve everything first, so that the merge itself cannot fail */
    if (earnings__sb_reserve(&dst->pool, src->pool.len + 1) < 0)
        return EARNINGS_ENOMEM;
    if (earnings__grow((void **)&dst->entries, &dst->entries_cap, dst->nentries + src->nentries,
                       sizeof *dst->entries) < 0)
        return EARNINGS_ENOMEM;
    if (earnings__grow((void **)&dst->aliases, &dst->aliases_cap, dst->naliases + src->naliases,
                       sizeof *dst->aliases) < 0)
        return EARNINGS_ENOMEM;
    if (hash_reserve(dst, src->nentries) < 0)
        return EARNINGS_ENOMEM;
    uint32_t *map = earnings__malloc(src->nentries * sizeof *map);
    if (!map)
        return earnings__enomem();
    for (size_t i = 0; i < src->nentries; i++) {
        const char *id = pool_str(src, src->entries[i].id);
        long k = find_entry(dst, id, strlen(id));
        if (k >= 0 && dst->entries[k].type != src->entries[i].type) {
            earnings__free(map);
            return earnings__error(EARNINGS_EPARSE, -1,
                                   "lexicon: id %s has type %s, but %s in an earlier lexicon", id,
                                   earnings_entity_type_name(src->entries[i].type),
                                   earnings_entity_type_name(dst->entries[k].type));
        }
    }
    if (dst->pool.len + src->pool.len + 1 >= NO_OFF) {
        earnings__free(map);
        return earnings__error(EARNINGS_ETOOBIG, -1, "lexicon: more than 4 GiB of strings");
    }
    uint32_t base = (uint32_t)dst->pool.len;
    earnings__sb_append(&dst->pool, src->pool.ptr, src->pool.len); /* reserved: cannot fail */
    for (size_t i = 0; i < src->nentries; i++) {
        const earnings__lex_entry *se = &src->entries[i];
        const char *id = pool_str(src, se->id);
        long k = find_entry(dst, id, strlen(id));
        if (k >= 0) {
            dst->entries[k].name = se->name + base;
            dst->entries[k].name_flags = se->name_flags;
            map[i] = (uint32_t)k;
        } else {
            earnings__lex_entry *e = &dst->entries[dst->nentries];
            *e = *se;
            e->id += base;
            e->name += base;
            hash_insert(dst, (uint32_t)dst->nentries);
            map[i] = (uint32_t)dst->nentries++;
        }
    }
    for (size_t i = 0; i < src->naliases; i++) {
        earnings__lex_alias a = src->aliases[i];
        a.entry = map[a.entry];
        a.text += base;
        if (a.exch != NO_OFF)
            a.exch += base;
        dst->aliases[dst->naliases++] = a;
    }
    earnings__free(map);
    return 0;
}

/* ---- parsing --------------------------------------------------------------- */

typedef struct parse_ctx {
    const char *name;
    const char *base; /* start of the buffer, for byte offsets */
    size_t line;
} parse_ctx;

static int perr(const parse_ctx *pc, const char *at, const char *fmt, const char *detail)
{
    char what[200];
    snprintf(what, sizeof what, fmt, detail ? detail : "");
    return earnings__error(EARNINGS_EPARSE, (int64_t)(at - pc->base), "%s:%zu: %s",
                           pc->name ? pc->name : "lexicon", pc->line, what);
}

static int is_sp(char c) { return c == ' ' || c == '\r'; }

static void trim(const char **s, const char **e)
{
    while (*s < *e && is_sp(**s))
        (*s)++;
    while (*e > *s && is_sp((*e)[-1]))
        (*e)--;
}

static int starts(const char *s, const char *e, const char *prefix)
{
    size_t n = strlen(prefix);
    return (size_t)(e - s) >= n && memcmp(s, prefix, n) == 0;
}

static int parse_alias(earnings_lexicon *t, const parse_ctx *pc, uint32_t entry, const char *s,
                       const char *e)
{
    int kind = EARNINGS__ALIAS_PLAIN;
    unsigned flags = 0;
    const char *item = s;
    if (starts(s, e, "ticker:")) {
        s += 7;
        const char *colon = memchr(s, ':', (size_t)(e - s));
        const char *exch = NULL;
        size_t exchn = 0;
        if (colon) {
            exch = s;
            exchn = (size_t)(colon - s);
            s = colon + 1;
            if (!valid_exchange(exch, exchn))
                return perr(pc, exch, "invalid exchange in ticker alias (A-Z, 0-9, up to 16)%s", NULL);
        }
        if (!valid_symbol(s, (size_t)(e - s)))
            return perr(pc, s, "invalid ticker symbol (A-Z, 0-9, '.', '-', up to 12)%s", NULL);
        return add_alias(t, entry, s, (size_t)(e - s), EARNINGS__ALIAS_TICKER, 0, exch, exchn);
    }
    for (;;) {
        if (starts(s, e, "variant:")) {
            kind = EARNINGS__ALIAS_VARIANT;
            s += 8;
        } else if (starts(s, e, "cs:")) {
            flags |= EARNINGS__ALIAS_CS;
            s += 3;
        } else {
            break;
        }
    }
    trim(&s, &e);
    if (s == e)
        return perr(pc, item, "empty alias%s", NULL);
    if (e - s > MAX_TEXT)
        return perr(pc, s, "alias longer than 255 bytes%s", NULL);
    return add_alias(t, entry, s, (size_t)(e - s), kind, flags, NULL, 0);
}

static int parse_line(earnings_lexicon *t, const parse_ctx *pc, const char *s, const char *e)
{
    const char *f[5];
    const char *fe[5];
    size_t nf = 0;
    const char *p = s;
    for (;;) {
        const char *tab = memchr(p, '\t', (size_t)(e - p));
        const char *end = tab ? tab : e;
        if (nf == 4)
            return perr(pc, p, "too many fields (expected id, type, name and aliases)%s", NULL);
        f[nf] = p;
        fe[nf] = end;
        trim(&f[nf], &fe[nf]);
        nf++;
        if (!tab)
            break;
        p = tab + 1;
    }
    if (nf < 3)
        return perr(pc, s, "expected 3 or 4 tab-separated fields (id, type, name, aliases), found %s",
                    nf == 1 ? "1" : "2");
    size_t idn = (size_t)(fe[0] - f[0]);
    if (!valid_id(f[0], idn)) {
        char id[MAX_ID + 8];
        snprintf(id, sizeof id, "%.*s", (int)(idn > MAX_ID ? MAX_ID : idn), f[0]);
        return perr(pc, f[0], "invalid id '%s' (expected prefix:name in a-z 0-9 . _ - /)", id);
    }
    int32_t type = parse_type(f[1], (size_t)(fe[1] - f[1]));
    if (!type)
        return perr(pc, f[1], "unknown type (expected org, segment, product, person, role or metric)%s",
                    NULL);
    const char *name = f[2];
    uint32_t nflags = 0;
    if (starts(name, fe[2], "cs:")) {
        nflags |= EARNINGS__ALIAS_CS;
        name += 3;
    }
    if (name == fe[2])
        return perr(pc, f[2], "empty name%s", NULL);
    if (fe[2] - name > MAX_TEXT)
        return perr(pc, name, "name longer than 255 bytes%s", NULL);
    long k = add_entry(t, f[0], idn, type, name, (size_t)(fe[2] - name), nflags, (uint32_t)pc->line,
                       (uint32_t)(f[1] - pc->base));
    if (k == -2)
        return perr(pc, f[1], "id redefined with another type%s", NULL);
    if (k < 0)
        return earnings_error_last()->code;
    if (nf == 4 && fe[3] > f[3]) {
        const char *a = f[3];
        for (;;) {
            const char *bar = memchr(a, '|', (size_t)(fe[3] - a));
            const char *ae = bar ? bar : fe[3];
            const char *as = a;
            const char *aee = ae;
            trim(&as, &aee);
            int rc = parse_alias(t, pc, (uint32_t)k, as, aee);
            if (rc < 0)
                return rc;
            if (!bar)
                break;
            a = bar + 1;
        }
    }
    return 0;
}

static int parse_into(earnings_lexicon *t, const char *data, size_t len, const char *name)
{
    parse_ctx pc = { name, data, 0 };
    size_t bad = earnings__utf8_validate((const unsigned char *)data, len);
    if (bad < len) {
        size_t line = 1;
        for (size_t i = 0; i < bad; i++)
            line += data[i] == '\n';
        return earnings__error(EARNINGS_EPARSE, (int64_t)bad, "%s:%zu: invalid UTF-8 at byte %zu",
                               name ? name : "lexicon", line, bad);
    }
    const char *p = data, *end = data + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end) {
        pc.line++;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *s = p, *e = le;
        trim(&s, &e);
        if (s < e && *s != '#') {
            for (const char *q = s; q < e; q++)
                if (((unsigned char)*q < 0x20 && *q != '\t') || *q == 0x7F)
                    return perr(&pc, q, "control character in a field%s", NULL);
            int rc = parse_line(t, &pc, s, e);
            if (rc < 0)
                return rc;
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}

/* ---- public API -------------------------------------------------------------- */

EARNINGS_API int earnings_lexicon_new(earnings_lexicon **out)
{
    if (!out)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_lexicon_new: out is NULL");
    earnings_lexicon *lex = earnings__malloc(sizeof *lex);
    *out = NULL;
    if (!lex)
        return earnings__enomem();
    lexicon_init(lex);
    *out = lex;
    return EARNINGS_OK;
}

EARNINGS_API void earnings_lexicon_free(earnings_lexicon *lex)
{
    if (!lex)
        return;
    lexicon_release(lex);
    earnings__free(lex);
}

EARNINGS_API size_t earnings_lexicon_entry_count(const earnings_lexicon *lex)
{
    return lex ? lex->nentries : 0;
}

EARNINGS_API int earnings_lexicon_add_buffer(earnings_lexicon *lex, const char *data, size_t len,
                                             const char *name)
{
    if (!lex)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_lexicon_add_buffer: lex is NULL");
    if (!data && len)
        return earnings__error(EARNINGS_EINVAL, -1,
                               "earnings_lexicon_add_buffer: data is NULL but len is %zu", len);
    if (len >= NO_OFF)
        return earnings__error(EARNINGS_ETOOBIG, -1, "earnings_lexicon_add_buffer: %zu bytes", len);
    earnings_lexicon t;
    lexicon_init(&t);
    int rc = parse_into(&t, data ? data : "", len, name);
    for (size_t i = 0; rc == 0 && i < t.nentries; i++) { /* conflicts with earlier buffers */
        const char *id = pool_str(&t, t.entries[i].id);
        long k = find_entry(lex, id, strlen(id));
        if (k >= 0 && lex->entries[k].type != t.entries[i].type)
            rc = earnings__error(EARNINGS_EPARSE, t.entries[i].offset,
                                 "%s:%u: id %s has type %s here but %s in an earlier lexicon",
                                 name ? name : "lexicon", (unsigned)t.entries[i].line, id,
                                 earnings_entity_type_name(t.entries[i].type),
                                 earnings_entity_type_name(lex->entries[k].type));
    }
    if (rc == 0)
        rc = earnings__lexicon_merge(lex, &t);
    lexicon_release(&t);
    return rc;
}

EARNINGS_API int earnings_lexicon_add_file(earnings_lexicon *lex, const char *path)
{
    if (!lex || !path)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings_lexicon_add_file: %s is NULL",
                               lex ? "path" : "lex");
    FILE *f = fopen(path, "rb");
    if (!f)
        return earnings__error(EARNINGS_EIO, -1, "earnings_lexicon_add_file: cannot open %s: %s", path,
                               strerror(errno));
    earnings__sb sb;
    earnings__sb_init(&sb);
    char chunk[16384];
    size_t got;
    int rc = 0;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (sb.len + got >= MAX_FILE) {
            rc = earnings__error(EARNINGS_ETOOBIG, -1, "earnings_lexicon_add_file: %s is 64 MiB or more",
                                 path);
            break;
        }
        earnings__sb_append(&sb, chunk, got);
        if (sb.failed) {
            rc = EARNINGS_ENOMEM;
            break;
        }
    }
    if (rc == 0 && ferror(f))
        rc = earnings__error(EARNINGS_EIO, -1, "earnings_lexicon_add_file: cannot read %s", path);
    fclose(f);
    if (rc == 0) {
        const char *base = strrchr(path, '/');
        rc = earnings_lexicon_add_buffer(lex, sb.ptr, sb.len, base ? base + 1 : path);
    }
    earnings__sb_release(&sb);
    return rc;
}
