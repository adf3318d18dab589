/* The gazetteer: built once per engine from the built-in lexicons plus the
 * caller's, then immutable. It holds the entity table (lookup by id), an
 * Aho-Corasick automaton over the folded aliases (root dense, other states
 * with sorted transition lists, failure and dictionary-suffix links), the
 * ticker table and the keys of the fuzzy matcher. */
#include <string.h>

#include "entities/gazetteer.h"

#define NO_OFF UINT32_MAX

const unsigned char earnings__gz_fold[256] = {
#define R4(b) F(b), F(b + 1), F(b + 2), F(b + 3)
#define R16(b) R4(b), R4(b + 4), R4(b + 8), R4(b + 12)
#define F(c)                                                                                      \
    (unsigned char)((c) >= 'A' && (c) <= 'Z'                                                      \
         ? (c) + 32                                                                               \
         : ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r' || (c) == '\f' || (c) == '\v' \
                    || (c) == '-'                                                                 \
                ? ' '                                                                             \
                : (c)))
    R16(0),   R16(16),  R16(32),  R16(48),  R16(64),  R16(80),  R16(96),  R16(112),
    R16(128), R16(144), R16(160), R16(176), R16(192), R16(208), R16(224), R16(240)
#undef F
#undef R16
#undef R4
};

/* ---- UTF-8 around an offset ------------------------------------------------- */

int32_t earnings__gz_cp_before(const unsigned char *s, size_t off)
{
    if (off == 0)
        return -1;
    size_t b = off - 1;
    size_t lim = off >= 4 ? off - 4 : 0;
    while (b > lim && (s[b] & 0xC0) == 0x80)
        b--;
    int32_t cp;
    if (earnings__utf8_decode(s + b, off - b, &cp) != off - b)
        return -1;
    return cp;
}

int32_t earnings__gz_cp_at(const unsigned char *s, size_t n, size_t off)
{
    if (off >= n)
        return -1;
    int32_t cp;
    if (earnings__utf8_decode(s + off, n - off, &cp) == 0)
        return -1;
    return cp;
}

/* ---- edit distance ------------------------------------------------------------ */

int earnings__edit_distance(const char *a, size_t alen, const char *b, size_t blen, int max)
{
    enum { L = 256 };
    if (alen >= L || blen >= L)
        return max + 1;
    size_t diff = alen > blen ? alen - blen : blen - alen;
    if (diff > (size_t)max)
        return max + 1;
    int r0[L], r1[L], r2[L];
    int *pp = r0, *prev = r1, *cur = r2;
    for (size_t j = 0; j <= blen; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= alen; i++) {
        unsigned char ca = earnings__gz_fold[(unsigned char)a[i - 1]];
        cur[0] = (int)i;
        int rowmin = cur[0];
        for (size_t j = 1; j <= blen; j++) {
            unsigned char cb = earnings__gz_fold[(unsigned char)b[j - 1]];
            int cost = ca != cb;
            int v = prev[j - 1] + cost;
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && ca == earnings__gz_fold[(unsigned char)b[j - 2]]
                && earnings__gz_fold[(unsigned char)a[i - 2]] == cb && pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            cur[j] = v;
            if (v < rowmin)
                rowmin = v;
        }
        if (rowmin > max)
            return max + 1;
        int *t = pp;
        pp = prev;
        prev = cur;
        cur = t;
    }
    return prev[blen] > max ? max + 1 : prev[blen];
}

/* ---- keys ----------------------------------------------------------------------- */

/* Fold s[0..n) into out (room for n bytes): ASCII lower case, runs of spaces
 * and hyphens to one space, trimmed, middle dots between Han characters
 * dropped. Returns the length. The text is folded the same way at match time. */
static size_t fold_key(const unsigned char *s, size_t n, unsigned char *out)
{
    size_t k = 0;
    int space = 1;
    for (size_t i = 0; i < n;) {
        size_t dl = gz_middle_dot(s + i, n - i);
        if (dl) {
            int32_t before = earnings__gz_cp_before(s, i);
            int32_t after = earnings__gz_cp_at(s, n, i + dl);
            if (before >= 0 && after >= 0 && gz_is_cjk(before) && gz_is_cjk(after)) {
                i += dl;
                continue;
            }
        }
        unsigned char f = earnings__gz_fold[s[i]];
        i++;
        if (f == ' ') {
            if (!space)
                out[k++] = ' ';
            space = 1;
            continue;
        }
        space = 0;
        out[k++] = f;
    }
    while (k && out[k - 1] == ' ')
        k--;
    return k;
}

static int all_letters(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned)(s[i] - 'a') >= 26u)
            return 0;
    return n > 0;
}

/* ---- build -------------------------------------------------------------------------- */

typedef struct pat {
    uint32_t key; /* offset in the key buffer */
    uint16_t keylen;
    gz_out out;
    uint32_t next; /* next pattern of the same trie node */
} pat;

typedef struct tnode {
    uint32_t child, sibling, out; /* pattern list head, NO_OFF if none */
    uint32_t fail, dict, newidx;
    unsigned char label;
} tnode;

typedef struct builder {
    const earnings_lexicon *lex;
    earnings__sb pool; /* the gazetteer's pool under construction */
    earnings__sb keys; /* folded keys */
    uint32_t *norm;    /* per text: pool offset of its normalized form */
    pat *pats;
    size_t npats, pats_cap;
    tnode *nodes;
    size_t nnodes, nodes_cap;
    uint32_t root_child[256];
    gz_fkey *fkeys;
    size_t nfkeys, fkeys_cap;
} builder;

static uint32_t pool_add(earnings__sb *sb, const char *s, size_t n)
{
    if (sb->len + n + 1 >= NO_OFF) {
        sb->failed = 1;
        return NO_OFF;
    }
    uint32_t off = (uint32_t)sb->len;
    earnings__sb_append(sb, s, n);
    earnings__sb_putc(sb, '\0');
    return sb->failed ? NO_OFF : off;
}

/* Normalize every name and alias text in one call of earnings_normalize()
 * (texts joined by newlines), so that aliases compare with normalized
 * documents; results go to the pool and b->norm[i] (names first, then aliases). */
static int normalize_texts(builder *b)
{
    const earnings_lexicon *lex = b->lex;
    size_t m = lex->nentries + lex->naliases;
    b->norm = earnings__malloc((m ? m : 1) * sizeof *b->norm);
    if (!b->norm)
        return earnings__enomem();
    for (size_t i = 0; i < m; i++) /* the texts as written, until normalized */
        b->norm[i] = i < lex->nentries ? lex->entries[i].name : lex->aliases[i - lex->nentries].text;
    earnings__sb all;
    earnings__sb_init(&all);
    for (size_t i = 0; i < m; i++) {
        uint32_t off = i < lex->nentries ? lex->entries[i].name : lex->aliases[i - lex->nentries].text;
        earnings__sb_puts(&all, lex->pool.ptr + off);
        earnings__sb_putc(&all, '\n');
    }
    if (all.failed) {
        earnings__sb_release(&all);
        return EARNINGS_ENOMEM;
    }
    earnings_normalized *nz = NULL;
    int rc = earnings_normalize(&nz, all.ptr, all.len, NULL);
    if (rc < 0) {
        earnings__sb_release(&all);
        return rc;
    }
    size_t nlen = 0;
    const char *nt = earnings_normalized_text(nz, &nlen);
    size_t lines = 0;
    for (size_t i = 0; i < nlen; i++)
        lines += nt[i] == '\n';
    const char *src = nt;
    const char *end = nt + nlen;
    if (lines != m) { /* normalization moved line breaks: keep the texts as written */
        src = all.ptr;
        end = all.ptr + all.len;
    }
    for (size_t i = 0; i < m && src < end; i++) {
        const char *nl = memchr(src, '\n', (size_t)(end - src));
        if (!nl)
            nl = end;
        b->norm[i] = pool_add(&b->pool, src, (size_t)(nl - src));
        src = nl + 1;
    }
    earnings_normalized_free(nz);
    earnings__sb_release(&all);
    return b->pool.failed ? earnings__enomem() : 0;
}

static uint32_t new_node(builder *b, unsigned char label)
{
    if (b->nnodes >= NO_OFF - 1) {
        earnings__error(EARNINGS_ETOOBIG, -1, "gazetteer: too many states");
        return NO_OFF;
    }
    if (earnings__grow((void **)&b->nodes, &b->nodes_cap, b->nnodes + 1, sizeof *b->nodes) < 0)
        return NO_OFF;
    tnode *t = &b->nodes[b->nnodes];
    t->child = t->sibling = t->out = NO_OFF;
    t->fail = t->dict = 0;
    t->newidx = 0;
    t->label = label;
    return (uint32_t)b->nnodes++;
}

static uint32_t child_of(const builder *b, uint32_t u, unsigned char c)
{
    if (u == 0)
        return b->root_child[c];
    for (uint32_t v = b->nodes[u].child; v != NO_OFF; v = b->nodes[v].sibling)
        if (b->nodes[v].label == c)
            return v;
    return NO_OFF;
}

static int kind_rank(const gz_out *o) { return o->kind; }

/* Insert pattern p into the trie; duplicates (same key and entity) keep the
 * best kind, and case-insensitive over case-sensitive. */
static int insert_pat(builder *b, uint32_t p)
{
    const unsigned char *key = (const unsigned char *)b->keys.ptr + b->pats[p].key;
    size_t n = b->pats[p].keylen;
    uint32_t u = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t v = child_of(b, u, key[i]);
        if (v == NO_OFF) {
            v = new_node(b, key[i]);
            if (v == NO_OFF)
                return earnings_error_last()->code;
            if (u == 0) {
                b->root_child[key[i]] = v;
            } else {
                b->nodes[v].sibling = b->nodes[u].child;
                b->nodes[u].child = v;
            }
        }
        u = v;
    }
    gz_out *o = &b->pats[p].out;
    for (uint32_t q = b->nodes[u].out; q != NO_OFF; q = b->pats[q].next) {
        gz_out *e = &b->pats[q].out;
        if (e->entity != o->entity)
            continue;
        if (kind_rank(o) < kind_rank(e) || (kind_rank(o) == kind_rank(e) && !(o->flags & GZP_CS)))
            *e = *o;
        return 0;
    }
    b->pats[p].next = b->nodes[u].out;
    b->nodes[u].out = p;
    return 0;
}

static int add_pat(builder *b, uint32_t entity, uint32_t norm_off, int kind, unsigned flags,
                   uint32_t order)
{
    const char *text = b->pool.ptr + norm_off;
    size_t n = strlen(text);
    if (earnings__sb_reserve(&b->keys, n + 1) < 0)
        return EARNINGS_ENOMEM;
    unsigned char *kp = (unsigned char *)b->keys.ptr + b->keys.len;
    size_t klen = fold_key((const unsigned char *)text, n, kp);
    if (klen == 0 || klen > 0xFFFF)
        return 0;
    if (earnings__grow((void **)&b->pats, &b->pats_cap, b->npats + 1, sizeof *b->pats) < 0)
        return EARNINGS_ENOMEM;
    pat *p = &b->pats[b->npats];
    memset(p, 0, sizeof *p);
    p->key = (uint32_t)b->keys.len;
    p->keylen = (uint16_t)klen;
    b->keys.len += klen;
    p->next = NO_OFF;
    p->out.entity = entity;
    p->out.text = norm_off;
    p->out.order = order;
    p->out.len = (uint16_t)klen;
    p->out.kind = (uint8_t)kind;
    p->out.flags = (uint8_t)((flags & EARNINGS__ALIAS_CS) ? GZP_CS : 0);
    if (gz_is_alnum(kp[0]))
        p->out.flags |= GZP_LEAD_WORD;
    if (gz_is_alnum(kp[klen - 1]))
        p->out.flags |= GZP_TAIL_WORD;
    b->npats++;
    return 0;
}

static int add_fkey(builder *b, const unsigned char *w, size_t n, uint32_t entity, int target)
{
    if (n < 4 || n > 63 || !all_letters(w, n))
        return 0;
    for (size_t i = 0; i < b->nfkeys; i++) /* few keys: linear dedup is fine */
        if (b->fkeys[i].entity == entity && b->fkeys[i].len == n
            && memcmp(b->pool.ptr + b->fkeys[i].text, w, n) == 0) {
            b->fkeys[i].target |= (uint8_t)target;
            return 0;
        }
    if (earnings__grow((void **)&b->fkeys, &b->fkeys_cap, b->nfkeys + 1, sizeof *b->fkeys) < 0)
        return EARNINGS_ENOMEM;
    uint32_t off = pool_add(&b->pool, (const char *)w, n);
    if (off == NO_OFF)
        return earnings__enomem();
    gz_fkey *k = &b->fkeys[b->nfkeys++];
    k->text = off;
    k->entity = entity;
    k->len = (uint8_t)n;
    k->target = (uint8_t)target;
    k->pad = 0;
    k->mask = 0;
    for (size_t i = 0; i < n; i++)
        k->mask |= 1u << (w[i] - 'a');
    return 0;
}

/* Fuzzy keys of one pattern: single-word keys of every entity (blockers);
 * person surnames of 6+ letters and one-word product names of 6+ letters are
 * targets. */
static int fkeys_of(builder *b, const pat *p, int32_t type)
{
    if (p->out.kind == GZP_TICKER || p->out.kind == GZP_VARIANT || type == EARNINGS_ENTITY_METRIC
        || type == EARNINGS_ENTITY_ROLE)
        return 0;
    const unsigned char *k = (const unsigned char *)b->keys.ptr + p->key;
    size_t n = p->keylen;
    const unsigned char *sp = memchr(k, ' ', n);
    if (!sp) {
        int target = n >= 6 && (type == EARNINGS_ENTITY_PRODUCT || type == EARNINGS_ENTITY_PERSON);
        return add_fkey(b, k, n, p->out.entity, target);
    }
    if (type == EARNINGS_ENTITY_PERSON) {
        const unsigned char *last = k + n;
        while (last > k && last[-1] != ' ')
            last--;
        size_t ln = (size_t)(k + n - last);
        return add_fkey(b, last, ln, p->out.entity, ln >= 6);
    }
    return 0;
}

static int cmp_fkey(const void *a, const void *b2, const char *pool)
{
    const gz_fkey *x = a, *y = b2;
    if (x->target != y->target)
        return x->target ? -1 : 1;
    return (int)(unsigned char)pool[x->text] - (int)(unsigned char)pool[y->text];
}

static void sort_fkeys(gz_fkey *k, size_t n, const char *pool)
{
    for (size_t i = 1; i < n; i++) { /* insertion sort: stable, few keys */
        gz_fkey t = k[i];
        size_t j = i;
        while (j > 0 && cmp_fkey(&k[j - 1], &t, pool) > 0) {
            k[j] = k[j - 1];
            j--;
        }
        k[j] = t;
    }
}

static int cmp_ticker(const void *a, const void *b2, const char *pool)
{
    return strcmp(pool + ((const gz_ticker *)a)->symbol, pool + ((const gz_ticker *)b2)->symbol);
}

static void sort_tickers(gz_ticker *t, size_t n, const char *pool)
{
    /* shell sort: no allocation, n is small */
    for (size_t gap = n / 2; gap > 0; gap /= 2)
        for (size_t i = gap; i < n; i++) {
            gz_ticker x = t[i];
            size_t j = i;
            while (j >= gap && cmp_ticker(&t[j - gap], &x, pool) > 0) {
                t[j] = t[j - gap];
                j -= gap;
            }
            t[j] = x;
        }
}

/* Edit distance of every variant to the nearest exact or alias key of its entity. */
static void variant_distances(builder *b)
{
    for (size_t i = 0; i < b->npats; i++) {
        pat *v = &b->pats[i];
        if (v->out.kind != GZP_VARIANT)
            continue;
        int best = 255;
        for (size_t j = 0; j < b->npats; j++) {
            const pat *a = &b->pats[j];
            if (a->out.entity != v->out.entity || (a->out.kind != GZP_EXACT && a->out.kind != GZP_ALIAS))
                continue;
            int d = earnings__edit_distance(b->keys.ptr + v->key, v->keylen, b->keys.ptr + a->key,
                                            a->keylen, best);
            if (d < best)
                best = d;
        }
        v->out.distance = (uint16_t)best;
    }
}

static int compile_automaton(builder *b, earnings__gazetteer *g)
{
    for (int c = 0; c < 256; c++)
        b->root_child[c] = NO_OFF;
    if (new_node(b, 0) == NO_OFF)
        return earnings_error_last()->code;
    for (size_t i = 0; i < b->npats; i++) {
        int rc = insert_pat(b, (uint32_t)i);
        if (rc < 0)
            return rc;
    }
    /* the Han characters that start a key: paths of three bytes from the
     * root (keys are folded bytes; the lead bytes fold to themselves) */
    memset(g->hanstart, 0, sizeof g->hanstart);
    for (unsigned lead = 0xE4; lead <= 0xE9; lead++) {
        uint32_t u = b->root_child[lead];
        for (uint32_t v = u == NO_OFF ? NO_OFF : b->nodes[u].child; v != NO_OFF; v = b->nodes[v].sibling)
            for (uint32_t w = b->nodes[v].child; w != NO_OFF; w = b->nodes[w].sibling) {
                unsigned b2 = b->nodes[v].label, b3 = b->nodes[w].label;
                if ((b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80)
                    continue;
                uint32_t cp = ((lead & 0x0Fu) << 12) | ((b2 & 0x3Fu) << 6) | (b3 & 0x3Fu);
                g->hanstart[(cp - GZ_HAN_FIRST) >> 3] |= (uint8_t)(1u << (cp & 7));
            }
    }
    size_t n = b->nnodes;
    uint32_t *queue = earnings__malloc(n * sizeof *queue);
    if (!queue)
        return earnings__enomem();
    size_t qh = 0, qt = 0;
    queue[qt++] = 0;
    b->nodes[0].newidx = 0;
    size_t nouts = 0;
    while (qh < qt) {
        uint32_t u = queue[qh++];
        for (uint32_t q = b->nodes[u].out; q != NO_OFF; q = b->pats[q].next)
            nouts++;
        /* children: the root's in label order, others in list order */
        if (u == 0) {
            for (int c = 0; c < 256; c++) {
                uint32_t v = b->root_child[c];
                if (v == NO_OFF)
                    continue;
                b->nodes[v].fail = 0;
                b->nodes[v].dict = 0;
                b->nodes[v].newidx = (uint32_t)qt;
                queue[qt++] = v;
            }
            continue;
        }
        for (uint32_t v = b->nodes[u].child; v != NO_OFF; v = b->nodes[v].sibling) {
            unsigned char c = b->nodes[v].label;
            uint32_t f = b->nodes[u].fail;
            uint32_t w;
            while ((w = child_of(b, f, c)) == NO_OFF && f != 0)
                f = b->nodes[f].fail;
            if (w == NO_OFF)
                w = 0;
            b->nodes[v].fail = w;
            b->nodes[v].dict = b->nodes[w].out != NO_OFF ? w : b->nodes[w].dict;
            b->nodes[v].newidx = (uint32_t)qt;
            queue[qt++] = v;
        }
    }
    g->nstates = n;
    g->nedges = n - 1;
    g->nouts = nouts;
    g->states = earnings__calloc(n, sizeof *g->states);
    g->labels = earnings__malloc(n);
    g->targets = earnings__malloc(n * sizeof *g->targets);
    g->outs = earnings__malloc((nouts ? nouts : 1) * sizeof *g->outs);
    if (!g->states || !g->labels || !g->targets || !g->outs) {
        earnings__free(queue);
        return earnings__enomem();
    }
    size_t ne = 0, no = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t u = queue[k];
        gz_state *st = &g->states[k];
        const tnode *t = &b->nodes[u];
        st->fail = b->nodes[t->fail].newidx;
        st->dict = t->dict ? b->nodes[t->dict].newidx : 0;
        st->out = (uint32_t)no;
        for (uint32_t q = t->out; q != NO_OFF; q = b->pats[q].next)
            g->outs[no++] = b->pats[q].out;
        if (no - st->out > 255) {
            earnings__free(queue);
            return earnings__error(EARNINGS_ETOOBIG, -1, "gazetteer: more than 255 entities share one alias");
        }
        st->nout = (uint8_t)(no - st->out);
        st->edges = (uint32_t)ne;
        if (u == 0) {
            for (int c = 0; c < 256; c++)
                g->root[c] = b->root_child[c] == NO_OFF ? 0 : b->nodes[b->root_child[c]].newidx;
            st->nedges = 0;
            continue;
        }
        for (uint32_t v = t->child; v != NO_OFF; v = b->nodes[v].sibling) {
            /* insertion into the sorted edge list of this state */
            size_t j = ne;
            while (j > st->edges && g->labels[j - 1] > b->nodes[v].label) {
                g->labels[j] = g->labels[j - 1];
                g->targets[j] = g->targets[j - 1];
                j--;
            }
            g->labels[j] = b->nodes[v].label;
            g->targets[j] = b->nodes[v].newidx;
            ne++;
        }
        st->nedges = (uint16_t)(ne - st->edges);
    }
    /* report flags, in BFS order so that a state's dictionary link is done first */
    for (size_t k = 0; k < n; k++) {
        gz_state *st = &g->states[k];
        int tail = 1;
        for (uint32_t o = 0; o < st->nout; o++) { /* products accept a generation number */
            const gz_out *out = &g->outs[st->out + o];
            tail &= (out->flags & GZP_TAIL_WORD) && g->entities[out->entity].pub.type != EARNINGS_ENTITY_PRODUCT;
        }
        if (st->dict)
            tail &= g->states[st->dict].report == 2;
        st->report = (st->nout || st->dict) ? (uint8_t)(tail ? 2 : 1) : 0;
    }
    earnings__free(queue);
    if (n > GZ_STATE_MASK)
        return earnings__error(EARNINGS_ETOOBIG, -1, "gazetteer: too many states");
    /* encode the report flags into the transitions */
    for (size_t e = 0; e < ne; e++)
        g->targets[e] |= (uint32_t)g->states[g->targets[e]].report << 30;
    for (int c = 0; c < 256; c++)
        if (g->root[c])
            g->root[c] |= (uint32_t)g->states[g->root[c]].report << 30;
    /* classes of the folded bytes that keys use */
    unsigned char used[256] = { 0 };
    for (size_t e = 0; e < ne; e++)
        used[g->labels[e]] = 1;
    for (int c = 0; c < 256; c++)
        if (g->root[c])
            used[c] = 1;
    unsigned char rep[257];
    rep[0] = 0x7F; /* DEL: no key holds it */
    g->nclass = 1;
    for (int c = 0; c < 256; c++) {
        g->cls[c] = 0;
        if (used[c] && c != 0x7F) {
            rep[g->nclass] = (unsigned char)c;
            g->cls[c] = (uint8_t)g->nclass++;
        }
    }
    if (used[0x7F]) { /* DEL in a key: no spare class, one class per byte */
        g->nclass = 256;
        for (int c = 0; c < 256; c++) {
            g->cls[c] = (uint8_t)c;
            rep[c] = (unsigned char)c;
        }
    }
    /* what each text byte does at the root */
    for (int c = 0; c < 256; c++) {
        unsigned char f = earnings__gz_fold[c];
        int quiet = g->root[f] == 0 && !(c < 0x80 ? gz_is_trigger((unsigned char)c) : gz_is_dot_lead((unsigned char)c));
        if (f == ' ')
            g->rootact[c] = g->root[f] == 0 ? GZ_ACT_SPACE : GZ_ACT_FULL;
        else if (quiet)
            g->rootact[c] = GZ_ACT_QUIET;
        else if (gz_is_alnum((unsigned char)c))
            g->rootact[c] = GZ_ACT_WORD;
        else
            g->rootact[c] = GZ_ACT_FULL;
    }
    /* complete rows of the shallow states: a row starts as a copy of its
     * failure state's (an earlier state), then takes the state's own edges */
    size_t rowbytes = (size_t)g->nclass * sizeof *g->dense;
    size_t nd = GZ_DENSE_BUDGET / rowbytes;
    if (nd < GZ_DENSE_MIN)
        nd = GZ_DENSE_MIN;
    g->ndense = n < nd ? n : nd;
    g->dense = earnings__malloc(g->ndense * rowbytes);
    /* word[k]: the text of state k is all ASCII letters and digits (parents
     * come before children in BFS order) */
    uint8_t *word = earnings__calloc(g->ndense, 1);
    if (!g->dense || !word) {
        earnings__free(word);
        return earnings__enomem();
    }
    for (int c = 0; c < 256; c++)
        if (g->root[c] && gz_is_alnum((unsigned char)c) && (g->root[c] & GZ_STATE_MASK) < g->ndense)
            word[g->root[c] & GZ_STATE_MASK] = 1;
    for (size_t k = 1; k < g->ndense; k++) {
        const gz_state *st = &g->states[k];
        for (uint32_t e = st->edges; word[k] && e < st->edges + st->nedges; e++) {
            uint32_t v = g->targets[e] & GZ_STATE_MASK;
            if (v < g->ndense && gz_is_alnum(g->labels[e]))
                word[v] = 1;
        }
    }
    for (size_t k = 0; k < g->ndense; k++) {
        const gz_state *st = &g->states[k];
        uint32_t *row = g->dense + k * g->nclass;
        if (k == 0) { /* class 0 (DEL) leads nowhere */
            for (uint32_t cl = 0; cl < g->nclass; cl++)
                row[cl] = g->root[rep[cl]];
            continue;
        }
        memcpy(row, g->dense + (size_t)st->fail * g->nclass, rowbytes);
        if (word[k]) /* all letters and digits: inside a word, only its own edges */
            for (uint32_t cl = 1; cl < g->nclass; cl++)
                if (gz_is_alnum(rep[cl]))
                    row[cl] = 0;
        for (uint32_t e = st->edges; e < st->edges + st->nedges; e++)
            row[g->cls[g->labels[e]]] = g->targets[e];
    }
    earnings__free(word);
    return 0;
}

static uint32_t hash_id(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

static int build(builder *b, earnings__gazetteer *g)
{
    const earnings_lexicon *lex = b->lex;
    /* the lexicon's strings first, so that its offsets stay valid */
    earnings__sb_append(&b->pool, lex->pool.ptr ? lex->pool.ptr : "", lex->pool.len);
    earnings__sb_putc(&b->pool, '\0');
    if (b->pool.failed)
        return EARNINGS_ENOMEM;
    int rc = normalize_texts(b);
    if (rc < 0)
        return rc;

    /* patterns */
    size_t nt = 0;
    for (size_t i = 0; i < lex->nentries; i++) {
        rc = add_pat(b, (uint32_t)i, b->norm[i], GZP_EXACT, lex->entries[i].name_flags, (uint32_t)i);
        if (rc < 0)
            return rc;
    }
    for (size_t i = 0; i < lex->naliases; i++) {
        const earnings__lex_alias *a = &lex->aliases[i];
        uint32_t order = (uint32_t)(lex->nentries + i);
        if (a->kind == EARNINGS__ALIAS_TICKER) {
            nt++;
            const char *sym = lex->pool.ptr + a->text;
            size_t sl = strlen(sym);
            int letters = sl >= 4;
            for (size_t k = 0; k < sl; k++)
                letters &= (unsigned)(sym[k] - 'A') < 26u;
            if (letters) /* bare symbols of 4+ letters match case-sensitively */
                rc = add_pat(b, a->entry, a->text, GZP_TICKER, EARNINGS__ALIAS_CS, order);
        } else {
            rc = add_pat(b, a->entry, b->norm[lex->nentries + i],
                         a->kind == EARNINGS__ALIAS_VARIANT ? GZP_VARIANT : GZP_ALIAS, a->flags, order);
        }
        if (rc < 0)
            return rc;
    }
    variant_distances(b);

    /* fuzzy keys */
    for (size_t i = 0; i < b->npats; i++) {
        rc = fkeys_of(b, &b->pats[i], lex->entries[b->pats[i].out.entity].type);
        if (rc < 0)
            return rc;
    }

    /* entities */
    g->nentities = lex->nentries;
    g->entities = earnings__calloc(lex->nentries ? lex->nentries : 1, sizeof *g->entities);
    if (!g->entities)
        return earnings__enomem();
    for (size_t i = 0; i < lex->nentries; i++) {
        gz_entity *e = &g->entities[i];
        e->id_off = lex->entries[i].id;
        e->name_off = lex->entries[i].name;
        e->pub.type = lex->entries[i].type;
        e->first_name = NO_OFF;
        if (e->pub.type == EARNINGS_ENTITY_PERSON) {
            const char *nm = lex->pool.ptr + e->name_off;
            const char *sp = strchr(nm, ' ');
            if (sp && sp - nm < 32) {
                char low[32];
                size_t fl = (size_t)(sp - nm);
                for (size_t k = 0; k < fl; k++)
                    low[k] = (char)earnings__gz_fold[(unsigned char)nm[k]];
                if (all_letters((const unsigned char *)low, fl)) {
                    e->first_name = pool_add(&b->pool, low, fl);
                    e->first_len = (uint16_t)fl;
                    if (e->first_name == NO_OFF)
                        return earnings__enomem();
                }
            }
        }
    }

    /* tickers */
    g->tickers = earnings__malloc((nt ? nt : 1) * sizeof *g->tickers);
    if (!g->tickers)
        return earnings__enomem();
    for (size_t i = 0; i < lex->naliases; i++) {
        const earnings__lex_alias *a = &lex->aliases[i];
        if (a->kind != EARNINGS__ALIAS_TICKER)
            continue;
        gz_ticker *t = &g->tickers[g->ntickers++];
        t->symbol = a->text;
        t->exchange = a->exch;
        t->entity = a->entry;
    }

    rc = compile_automaton(b, g);
    if (rc < 0)
        return rc;

    /* fuzzy keys sorted by first letter */
    sort_fkeys(b->fkeys, b->nfkeys, b->pool.ptr);
    g->fkeys = b->fkeys;
    g->nfkeys = b->nfkeys;
    b->fkeys = NULL;
    size_t ntargets = 0;
    while (ntargets < g->nfkeys && g->fkeys[ntargets].target)
        ntargets++;
    for (int part = 0; part < 2; part++) {
        size_t k = part ? ntargets : 0, lim = part ? g->nfkeys : ntargets;
        for (int c = 0; c <= 26; c++) {
            while (k < lim && (unsigned char)b->pool.ptr[g->fkeys[k].text] < 'a' + c)
                k++;
            g->fkey_start[part][c] = (uint32_t)k;
        }
    }

    /* the pool is final: take it over and set the pointers */
    if (b->pool.failed)
        return EARNINGS_ENOMEM;
    g->pool = b->pool.ptr;
    g->pool_len = b->pool.len;
    earnings__sb_init(&b->pool);
    sort_tickers(g->tickers, g->ntickers, g->pool);
    for (size_t i = 0; i < g->nentities; i++) {
        g->entities[i].pub.id = g->pool + g->entities[i].id_off;
        g->entities[i].pub.name = g->pool + g->entities[i].name_off;
    }
    size_t cap = 64;
    while (cap < g->nentities * 2)
        cap *= 2;
    g->hash = earnings__calloc(cap, sizeof *g->hash);
    if (!g->hash)
        return earnings__enomem();
    g->hash_cap = cap;
    for (size_t i = 0; i < g->nentities; i++) {
        size_t h = hash_id(g->entities[i].pub.id) & (cap - 1);
        while (g->hash[h])
            h = (h + 1) & (cap - 1);
        g->hash[h] = (uint32_t)(i + 1);
    }
    return 0;
}

int earnings__gazetteer_build(const earnings_lexicon *extra, earnings__gazetteer **out)
{
    if (!out)
        return earnings__error(EARNINGS_EINVAL, -1, "earnings__gazetteer_build: out is NULL");
    *out = NULL;
    earnings_lexicon *lex = NULL;
    int rc = earnings_lexicon_new(&lex);
    for (size_t i = 0; rc == 0 && i < earnings__builtin_lexicon_count; i++) {
        const earnings__lexfile *f = &earnings__builtin_lexicons[i];
        rc = earnings_lexicon_add_buffer(lex, (const char *)f->data, f->size, f->name);
    }
    if (rc == 0 && extra)
        rc = earnings__lexicon_merge(lex, extra);
    earnings__gazetteer *g = NULL;
    if (rc == 0) {
        g = earnings__calloc(1, sizeof *g);
        if (!g)
            rc = earnings__enomem();
    }
    if (rc == 0) {
        builder b;
        memset(&b, 0, sizeof b);
        b.lex = lex;
        earnings__sb_init(&b.pool);
        earnings__sb_init(&b.keys);
        rc = build(&b, g);
        earnings__sb_release(&b.pool);
        earnings__sb_release(&b.keys);
        earnings__free(b.norm);
        earnings__free(b.pats);
        earnings__free(b.nodes);
        earnings__free(b.fkeys);
    }
    earnings_lexicon_free(lex);
    if (rc < 0) {
        earnings__gazetteer_free(g);
        return rc;
    }
    *out = g;
    return 0;
}

void earnings__gazetteer_free(earnings__gazetteer *g)
{
    if (!g)
        return;
    earnings__free(g->pool);
    earnings__free(g->entities);
    earnings__free(g->hash);
    earnings__free(g->states);
    earnings__free(g->labels);
    earnings__free(g->dense);
    earnings__free(g->targets);
    earnings__free(g->outs);
    earnings__free(g->tickers);
    earnings__free(g->fkeys);
    earnings__free(g);
}

const earnings__gz_entity *earnings__gazetteer_lookup(const earnings__gazetteer *g, const char *id)
{
    if (!g || !id || !g->hash_cap)
        return NULL;
    size_t mask = g->hash_cap - 1;
    for (size_t h = hash_id(id) & mask;; h = (h + 1) & mask) {
        uint32_t v = g->hash[h];
        if (!v)
            return NULL;
        if (strcmp(g->entities[v - 1].pub.id, id) == 0)
            return &g->entities[v - 1].pub;
    }
}

size_t earnings__gazetteer_entity_count(const earnings__gazetteer *g) { return g ? g->nentities : 0; }

size_t earnings__gazetteer_state_count(const earnings__gazetteer *g) { return g ? g->nstates : 0; }
