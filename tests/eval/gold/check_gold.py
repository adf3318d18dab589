#!/usr/bin/env python3
"""Validate the figure gold files (tests/eval/gold/figures/*.jsonl); see CONVENTIONS.md.

Usage: check_gold.py [--corpus DIR] [--quiet] [--uncovered]

Checks every record of every figures/<corpus file name>.jsonl: JSON shape and key
order, byte offsets in range and `text` equal to the corpus bytes at [start, end)
(the file read as UTF-8 bytes), records sorted, spans not overlapping, `kind`,
`qualifier` and `unit` valid for the kind, values well formed (a number, or
[lo, hi] with lo <= hi, a string for periods and dates) and consistent with the
digits of the text (the value is the written number times a scale), and the
qualifier, percent, basis-point and currency words present in the span.
Prints counts per document, language (zh when the text has a Han character)
and kind.  --uncovered lists digit runs that no record covers (for review:
names, list numbers and the like are not figures).  Exits 1 when any problem
is found.  Python 3 standard library only.
"""
import argparse
import collections
import datetime
import glob
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.environ.get('EARNINGS_CORPUS', '/work/shared/corpus')

KEYS = ['start', 'end', 'text', 'kind', 'value', 'unit', 'qualifier']
KINDS = ['number', 'ordinal', 'money', 'percent', 'pp', 'bps', 'quantity', 'date', 'period']
QUALIFIERS = {'approx', 'nearly', 'over', 'under', 'at_least', 'at_most', None}
HAN_RE = re.compile('[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]')

# periods: 2025Q3, Q3, 2025FY, 2025H1, H1, 2025YTD, YTD, TTM, 2025; a range of periods start/end
_P = r'(?:\d{4}(?:Q[1-4]|H[12]|FY|YTD)?|Q[1-4]|H[12]|YTD|TTM)'
PERIOD_RE = re.compile(r'^%s(?:/%s)?$' % (_P, _P))
DATE_RE = re.compile(r'^(?:(\d{4})-(\d{2})(?:-(\d{2}))?|--(\d{2})-(\d{2}))$')
CURRENCY_RE = re.compile(r'^[A-Z]{3}$')
# words that must appear in the span for each qualifier (CONVENTIONS.md, Spans)
QUAL_CUES = {
    'approx': ['about', 'approximately', 'approx', 'around', 'roughly', '~', '约', '大约', '左右', 'some'],
    'nearly': ['nearly', 'almost', 'close to', '近', '将近', '接近', 'just under'],
    'over': ['over', 'more than', 'above', 'exceeding', 'north of', '+', '超过', '逾', '以上', '多', '余',
             'in excess of', 'upwards of', 'greater than'],
    'under': ['less than', 'under', 'below', 'fewer than', '不到', '不足'],
    'at_least': ['at least', 'as little as', 'as few as', 'no less than', 'a minimum of', '至少', '不少于'],
    'at_most': ['up to', 'at most', 'as much as', 'as many as', 'no more than', '最多', '不超过'],
}
UNIT_FOR_KIND = {'percent': '%', 'pp': 'pp', 'bps': 'bp'}
KIND_CUES = {
    'percent': ['%', 'percent', 'per cent', '％', '百分之'],
    'pp': ['percentage point', 'pp', 'pts', '百分点'],
    'bps': ['basis point', 'bps', 'bp', '基点'],
    'money': ['$', '€', '£', '¥', '￥', 'USD', 'EUR', 'CNY', 'RMB', 'HKD', 'dollar', 'euro', 'yuan', '元', '美元',
              '港元', '港币', '欧元'],
}
# unit symbols (CONVENTIONS.md: physical units by symbol); other ASCII units are counted nouns, lower case
UNIT_SYMBOLS = {'W', 'kW', 'MW', 'GW', 'TW', 'Wh', 'kWh', 'MWh', 'GWh', 'TWh', 'bit', 'B', 'KB', 'MB', 'GB', 'TB',
                'PB', 'EB', 'Kb', 'Mb', 'Gb', 'Tb', 'kbps', 'Mbps', 'Gbps', 'Tbps', 'GB/s', 'TB/s', 'Hz', 'kHz',
                'MHz', 'GHz', 'L', 'mL', 'degC', 'degF'}
NUM_RE = re.compile(r'\d+(?:,\d{3})*(?:\.\d+)?')
SCALES_EN = [1, 1e3, 1e6, 1e9, 1e12]          # k/thousand, M/million, B/billion, T/trillion
SCALES_ZH = [1, 1e3, 1e4, 1e7, 1e8, 1e12]      # 千, 万, 千万, 亿, 万亿


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def scaled_ok(value, written, text):
    """value == written * a scale of the text's language (k, M, B, T; 千, 万, 亿), or written itself."""
    if written == 0:
        return value == 0
    r = value / written
    scales = SCALES_ZH if HAN_RE.search(text) else SCALES_EN
    return any(math.isclose(r, s, rel_tol=1e-9) for s in scales)


def check_record(r, data, where, problems):
    def bad(msg):
        problems.append('%s: %s' % (where, msg))

    if not isinstance(r, dict):
        bad('not a JSON object')
        return False
    if list(r.keys()) != KEYS:
        missing = [k for k in KEYS if k not in r]
        extra = [k for k in r if k not in KEYS]
        if missing or extra:
            bad('keys: missing %s extra %s' % (missing, extra))
            return False
        bad('keys out of order (expected %s)' % ', '.join(KEYS))
    s, e = r['start'], r['end']
    if not (isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool)
            and not isinstance(e, bool) and 0 <= s < e <= len(data)):
        bad('bad offsets %r..%r (file has %d bytes)' % (s, e, len(data)))
        return False
    try:
        span = data[s:e].decode('utf-8')
    except UnicodeDecodeError:
        bad('offsets %d..%d split a UTF-8 character' % (s, e))
        return False
    text = r['text']
    if not isinstance(text, str):
        bad('text is not a string')
        return False
    if span != text:
        bad('text %r != corpus bytes %r' % (text, span))
    if text != text.strip():
        bad('text %r has surrounding whitespace' % text)
    k = r['kind']
    if k not in KINDS:
        bad('kind %r not in %s' % (k, KINDS))
        return False
    q = r['qualifier']
    if q not in QUALIFIERS:
        bad('qualifier %r not in %s' % (q, sorted(x for x in QUALIFIERS if x)))
    elif q is not None and not any(c in text.lower() for c in QUAL_CUES[q]):
        bad('qualifier %s but no %s word in %r' % (q, q, text))
    u = r['unit']
    v = r['value']
    low = text.lower()
    # unit per kind
    if k in UNIT_FOR_KIND:
        if u != UNIT_FOR_KIND[k]:
            bad('%s unit must be %r, got %r' % (k, UNIT_FOR_KIND[k], u))
    elif k == 'money':
        if not (isinstance(u, str) and CURRENCY_RE.match(u)):
            bad('money unit %r is not an ISO 4217 code' % (u,))
    elif k == 'quantity':
        if not (isinstance(u, str) and u and u == u.strip()):
            bad('quantity needs a unit (symbol or counted noun), got %r' % (u,))
        elif u.isascii() and u not in UNIT_SYMBOLS and u != u.lower():
            bad('counted noun unit %r must be lower case' % u)
        elif u == 'x' and not any(c in low for c in ('x', 'times', 'fold', '倍', '×')):
            bad('multiple (unit x) without x/times/fold in %r' % text)
    else:
        if u is not None:
            bad('%s has no unit, got %r' % (k, u))
    if k in KIND_CUES and not any(c.lower() in low for c in KIND_CUES[k]):
        bad('%s figure without a %s word or sign in %r' % (k, k, text))
    # value
    if k == 'period':
        if not (isinstance(v, str) and PERIOD_RE.match(v)):
            bad('period value %r not YYYY, YYYYQn, Qn, YYYYHn, Hn, YYYYFY, YYYYYTD, YTD, TTM (or a/b)' % (v,))
    elif k == 'date':
        m = DATE_RE.match(v) if isinstance(v, str) else None
        if not m:
            bad('date value %r not YYYY-MM-DD, YYYY-MM or --MM-DD' % (v,))
        else:
            try:
                if m.group(1):
                    datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
                else:
                    datetime.date(2000, int(m.group(4)), int(m.group(5)))
            except ValueError:
                bad('date value %r is not a calendar date' % v)
    else:
        nums = [float(x.replace(',', '')) for x in NUM_RE.findall(text)]
        if isinstance(v, list):
            if not (len(v) == 2 and all(is_number(x) for x in v) and v[0] <= v[1]):
                bad('range value %r must be [lo, hi] numbers, lo <= hi' % (v,))
                return True
            if k == 'ordinal':
                bad('an ordinal is not a range')
            if len(nums) >= 2 and not (scaled_ok(v[0], nums[0], text) and scaled_ok(v[1], nums[1], text)):
                bad('range %r does not match the numbers %s written in %r' % (v, nums[:2], text))
        elif not is_number(v):
            bad('value %r is not a number or [lo, hi]' % (v,))
            return True
        else:
            if k == 'ordinal' and not (float(v).is_integer() and v > 0):
                bad('ordinal value %r must be a positive integer' % v)
            if nums and not scaled_ok(v, nums[0], text):
                bad('value %r does not match the number %s written in %r' % (v, nums[0], text))
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--corpus', default=DEFAULT_CORPUS)
    ap.add_argument('--quiet', action='store_true', help='print problems only')
    ap.add_argument('--uncovered', action='store_true',
                    help='list digit runs outside every figure span (for review)')
    args = ap.parse_args()

    problems = []
    per_doc = collections.Counter()
    per_lang = collections.Counter()
    per_kind = collections.Counter()
    per_doc_kind = collections.Counter()
    per_lang_kind = collections.Counter()
    uncovered = []

    files = sorted(glob.glob(os.path.join(HERE, 'figures', '*.jsonl')))
    if not files:
        problems.append('no files in %s' % os.path.join(HERE, 'figures'))
    for path in files:
        base = os.path.basename(path)[:-len('.jsonl')]
        name = base if base.endswith('.txt') else base + '.txt'
        cpath = os.path.join(args.corpus, name)
        if not os.path.exists(cpath):
            problems.append('%s: no corpus file %s' % (os.path.basename(path), cpath))
            continue
        with open(cpath, 'rb') as fh:
            data = fh.read()
        recs = []
        with open(path, encoding='utf-8') as fh:
            for ln, line in enumerate(fh, 1):
                where = '%s:%d' % (os.path.basename(path), ln)
                if not line.strip():
                    problems.append('%s: blank line' % where)
                    continue
                try:
                    r = json.loads(line)
                except json.JSONDecodeError as exc:
                    problems.append('%s: bad JSON: %s' % (where, exc))
                    continue
                if not check_record(r, data, where, problems):
                    continue
                recs.append((where, r))
        prev = None
        for where, r in recs:
            sp = (r['start'], r['end'])
            if prev is not None:
                if sp < (prev['start'], prev['end']):
                    problems.append('%s: records not sorted by offset' % where)
                elif sp[0] < prev['end']:
                    problems.append('%s: span %d..%d %r overlaps %d..%d %r' % (
                        where, sp[0], sp[1], r['text'], prev['start'], prev['end'], prev['text']))
            prev = r
            lang = 'zh' if HAN_RE.search(r['text']) else 'en'
            per_doc[name] += 1
            per_lang[lang] += 1
            per_kind[r['kind']] += 1
            per_doc_kind[(name, r['kind'])] += 1
            per_lang_kind[(lang, r['kind'])] += 1
        if args.uncovered:
            spans = sorted((r['start'], r['end']) for _, r in recs)
            for m in re.finditer(rb'\d+(?:[.,]\d+)*', data):
                if not any(a <= m.start() and m.end() <= b for a, b in spans):
                    ctx = data[max(0, m.start() - 30):m.end() + 30].decode('utf-8', 'replace')
                    uncovered.append('%s:%d %r  ...%s...' % (name, m.start(), m.group().decode(),
                                                            ctx.replace('\n', ' ')))

    if not args.quiet:
        total = sum(per_doc.values())
        print('figures: %d' % total)
        print('\nper document:')
        for d in sorted(per_doc):
            print('  %-28s %4d   %s' % (d, per_doc[d], '  '.join(
                '%s %d' % (k, per_doc_kind[(d, k)]) for k in KINDS if per_doc_kind[(d, k)])))
        print('\nper language (zh: the text has a Han character):')
        for lang in sorted(per_lang):
            print('  %-4s %4d   %s' % (lang, per_lang[lang], '  '.join(
                '%s %d' % (k, per_lang_kind[(lang, k)]) for k in KINDS if per_lang_kind[(lang, k)])))
        print('\nper kind:')
        for k in KINDS:
            if per_kind[k]:
                print('  %-9s %4d' % (k, per_kind[k]))
    if args.uncovered:
        print('\ndigit runs outside figure spans (%d):' % len(uncovered))
        for u in uncovered:
            print('  ' + u)
    for p in problems:
        print('error: ' + p)
    if problems:
        print('%d problem(s)' % len(problems))
        return 1
    if not args.quiet:
        print('\nOK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
