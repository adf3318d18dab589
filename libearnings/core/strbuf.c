/* Growable byte buffer with a sticky failure flag, and a JSON string writer. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

void earnings__sb_init(earnings__sb *sb)
{
    sb->ptr = NULL;
    sb->len = sb->cap = 0;
    sb->failed = 0;
}

void earnings__sb_release(earnings__sb *sb)
{
    earnings__free(sb->ptr);
    earnings__sb_init(sb);
}

int earnings__sb_reserve(earnings__sb *sb, size_t extra)
{
    if (sb->failed)
        return EARNINGS_ENOMEM;
    if (extra > SIZE_MAX - sb->len - 1) {
        sb->failed = 1;
        return earnings__enomem();
    }
    if (earnings__grow((void **)&sb->ptr, &sb->cap, sb->len + extra + 1, 1) != 0) {
        sb->failed = 1;
        return EARNINGS_ENOMEM;
    }
    return 0;
}

void earnings__sb_append(earnings__sb *sb, const char *s, size_t n)
{
    if (earnings__sb_reserve(sb, n) != 0)
        return;
    if (n)
        memcpy(sb->ptr + sb->len, s, n);
    sb->len += n;
    sb->ptr[sb->len] = '\0';
}

void earnings__sb_puts(earnings__sb *sb, const char *s) { earnings__sb_append(sb, s, strlen(s)); }

void earnings__sb_putc(earnings__sb *sb, char c) { earnings__sb_append(sb, &c, 1); }

void earnings__sb_printf(earnings__sb *sb, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        earnings__sb_append(sb, tmp, (size_t)n);
        return;
    }
    if (earnings__sb_reserve(sb, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(sb->ptr + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

void earnings__sb_json_string(earnings__sb *sb, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (earnings__sb_reserve(sb, n + 2) != 0)
        return;
    earnings__sb_putc(sb, '"');
    size_t run = 0; /* start of the pending run of bytes that need no escape */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char ubuf[7];
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        else if (c < 0x20 || c == 0x7f) {
            ubuf[0] = '\\'; ubuf[1] = 'u'; ubuf[2] = '0'; ubuf[3] = '0';
            ubuf[4] = hex[c >> 4]; ubuf[5] = hex[c & 15]; ubuf[6] = '\0';
            esc = ubuf;
        } else if (c >= 0x80) {
            /* JSON is UTF-8: each maximal invalid subsequence (input parsed
             * with EARNINGS_NORMALIZE_REPLACE_INVALID) becomes U+FFFD. */
            int32_t cp = 0;
            size_t len = earnings__utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (len > 0) {
                i += len - 1;
                continue;
            }
            earnings__sb_append(sb, s + run, i - run);
            earnings__sb_puts(sb, "\\ufffd");
            i += (size_t)cp - 1;
            run = i + 1;
            continue;
        }
        if (esc) {
            earnings__sb_append(sb, s + run, i - run);
            earnings__sb_puts(sb, esc);
            run = i + 1;
        }
    }
    earnings__sb_append(sb, s + run, n - run);
    earnings__sb_putc(sb, '"');
}

void earnings__sb_json_flags(earnings__sb *sb, const char *key, uint32_t flags, const char *const *names,
                             size_t nnames)
{
    int first = 1;
    for (size_t b = 0; b < nnames && b < 32; b++)
        if (flags & (1u << b)) {
            if (first)
                earnings__sb_printf(sb, ",\"%s\":[", key);
            earnings__sb_printf(sb, "%s\"%s\"", first ? "" : ",", names[b]);
            first = 0;
        }
    if (!first)
        earnings__sb_putc(sb, ']');
}

int earnings__sb_to_buf(earnings__sb *sb, earnings_buf *out)
{
    if (sb->failed || earnings__sb_reserve(sb, 0) != 0) {
        earnings__sb_release(sb);
        return earnings__enomem();
    }
    out->ptr = sb->ptr;
    out->size = sb->len;
    out->ptr[out->size] = '\0';
    earnings__sb_init(sb);
    return EARNINGS_OK;
}
