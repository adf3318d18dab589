#!/usr/bin/env python3
"""Validate the fact gold files (tests/eval/gold/facts/*.jsonl); see FACTS.md.

Usage: check_facts.py [--gold DIR] [--corpus DIR | --docs DIR] [--figures DIR]
                      [--strict-figures] [--quiet]

--gold is the folder of fact files (default: gold/facts next to this script),
--corpus (or its alias --docs) the folder of the documents they annotate,
--figures the folder of figure gold files (default: `figures` next to the
gold folder; skipped when it does not exist).

Checks every record: JSON shape, byte offsets and `text` against the corpus
file, field types and enums, id shape (prefix:name), ordering and duplicates.
Prints counts per document, language (zh when the span, or the paragraph
holding it, has Han characters), metric, kind and basis, and the ids that are not in the lexicons.  When figure
gold files (gold/figures/*.jsonl) exist, fact spans that are not also figure
spans are listed (an error with --strict-figures, otherwise a warning).
Exits 1 when any problem is found.  Python 3 standard library only.
"""
import argparse
import collections
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
DEFAULT_CORPUS = os.environ.get('EARNINGS_CORPUS', '/work/shared/corpus')

KEYS = ['start', 'end', 'text', 'entity', 'metric', 'kind', 'comparison', 'period',
        'period_inferred', 'value', 'unit', 'qualifier', 'basis', 'excluding']
KINDS = {'level', 'growth', 'change'}
COMPARISONS = {'yoy', 'qoq', None}
BASES = {'reported', 'excluding', 'guidance', 'target', 'estimate'}
QUALIFIERS = {'approx', 'nearly', 'over', 'under', 'at_least', 'at_most', None}
ENTITY_PREFIXES = {'org', 'segment', 'product', 'person', 'market'}
ID_RE = re.compile(r'^([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)$')
PERIOD_RE = re.compile(r'^(?:\d{4}(?:Q[1-4]|H[12]|FY|YTD)?|TTM)$')
HAN_RE = re.compile('[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]')


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def load_lexicon_ids():
    ids = set()
    for pat in ('libearnings/lexicons/entities/*.tsv', 'libearnings/lexicons/metrics/*.tsv'):
        for path in glob.glob(os.path.join(ROOT, pat)):
            with open(path, encoding='utf-8') as fh:
                for line in fh:
                    if line.strip() and not line.startswith('#'):
                        ids.add(line.split('\t', 1)[0].strip())
    return ids


def load_figure_spans(figdir, name):
    path = os.path.join(figdir, name + '.jsonl')  # figures/<corpus file name>.jsonl
    if not os.path.exists(path):
        path = os.path.join(figdir, name.replace('.txt', '.jsonl'))
    if not os.path.exists(path):
        return None
    spans = set()
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                spans.add((r['start'], r['end']))
    return spans


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
        bad('bad offsets %r..%r' % (s, e))
        return False
    try:
        span = data[s:e].decode('utf-8')
    except UnicodeDecodeError:
        bad('offsets %d..%d split a UTF-8 character' % (s, e))
        return False
    if span != r['text']:
        bad('text %r != corpus bytes %r' % (r['text'], span))
    if r['text'] != r['text'].strip():
        bad('text has surrounding whitespace')
    for k in ('entity', 'metric'):
        v = r[k]
        m = ID_RE.match(v) if isinstance(v, str) else None
        if not m:
            bad('%s %r is not prefix:name (lower case, digits, hyphens)' % (k, v))
        elif k == 'metric' and m.group(1) != 'metric':
            bad('metric %r must start with metric:' % v)
        elif k == 'entity' and m.group(1) not in ENTITY_PREFIXES:
            bad('entity %r prefix not in %s' % (v, sorted(ENTITY_PREFIXES)))
    if r['kind'] not in KINDS:
        bad('kind %r not in %s' % (r['kind'], sorted(KINDS)))
    if r['comparison'] not in COMPARISONS:
        bad('comparison %r not in yoy/qoq/null' % (r['comparison'],))
    elif r['comparison'] is not None and r['kind'] == 'level':
        bad('a level fact has no comparison')
    p = r['period']
    if not (p is None or (isinstance(p, str) and PERIOD_RE.match(p))):
        bad('period %r not YYYY, YYYYQn, YYYYHn, YYYYFY, YYYYYTD, TTM or null' % (p,))
    if not isinstance(r['period_inferred'], bool):
        bad('period_inferred must be true/false')
    elif p is None and r['period_inferred']:
        bad('period null but period_inferred true')
    v = r['value']
    if isinstance(v, list):
        if not (len(v) == 2 and all(is_number(x) for x in v) and v[0] <= v[1]):
            bad('range value %r must be [lo, hi] numbers, lo <= hi' % (v,))
    elif not is_number(v):
        bad('value %r is not a number or [lo, hi]' % (v,))
    u = r['unit']
    if not (u is None or (isinstance(u, str) and u and u == u.strip())):
        bad('unit %r must be a non-empty string or null' % (u,))
    if r['kind'] == 'growth' and u not in ('%', 'x'):
        bad('growth fact unit must be %% or x, got %r' % (u,))
    if u == 'x' and r['kind'] == 'change':
        bad('multiplier unit x only on growth facts (a change) or level facts (a ratio)')
    if u in ('bp', 'pp') and r['kind'] != 'change':
        bad('bp/pp values are changes (kind change)')
    if r['qualifier'] not in QUALIFIERS:
        bad('qualifier %r not in %s' % (r['qualifier'], sorted(q for q in QUALIFIERS if q)))
    b = r['basis']
    if b not in BASES:
        bad('basis %r not in %s' % (b, sorted(BASES)))
    x = r['excluding']
    if b == 'excluding':
        if not (isinstance(x, str) and x.strip()):
            bad('basis excluding needs the excluded item in "excluding"')
    elif x is not None:
        bad('"excluding" must be null unless basis is excluding')
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--gold', default=os.path.join(HERE, 'facts'),
                    help='folder of fact gold files (default: %(default)s)')
    ap.add_argument('--corpus', '--docs', dest='corpus', default=DEFAULT_CORPUS,
                    help='folder of the annotated documents (default: %(default)s)')
    ap.add_argument('--figures', default=None,
                    help='folder of figure gold files (default: figures next to the gold folder)')
    ap.add_argument('--strict-figures', action='store_true',
                    help='fact spans missing from figure gold are errors')
    ap.add_argument('--quiet', action='store_true', help='print problems only')
    args = ap.parse_args()
    figdir = args.figures or os.path.join(os.path.dirname(os.path.abspath(args.gold)), 'figures')

    problems, warnings = [], []
    per_doc = collections.Counter()
    per_lang = collections.Counter()
    per_lang_para = collections.Counter()
    per_metric = collections.Counter()
    per_kind = collections.Counter()
    per_basis = collections.Counter()
    ids_used = collections.Counter()

    files = sorted(glob.glob(os.path.join(args.gold, '*.jsonl')))
    if not files:
        problems.append('no files in %s' % args.gold)
    for path in files:
        name = os.path.basename(path)[:-len('.jsonl')] + '.txt'
        cpath = os.path.join(args.corpus, name)
        if not os.path.exists(cpath):
            problems.append('%s: no corpus file %s' % (name, cpath))
            continue
        with open(cpath, 'rb') as fh:
            data = fh.read()
        figs = load_figure_spans(figdir, name)
        seen, prev = set(), None
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
                key = (r['start'], r['end'], r['entity'], r['metric'], r['kind'])
                if key in seen:
                    problems.append('%s: duplicate fact %s' % (where, key))
                seen.add(key)
                if prev is not None and (r['start'], r['end']) < prev:
                    problems.append('%s: records not sorted by offset' % where)
                prev = (r['start'], r['end'])
                if figs is not None and (r['start'], r['end']) not in figs:
                    (problems if args.strict_figures else warnings).append(
                        '%s: span %d..%d %r is not a figure span' % (where, r['start'], r['end'], r['text']))
                per_doc[name] += 1
                per_lang['zh' if HAN_RE.search(r['text']) else 'en'] += 1
                ls = data.rfind(b'\n', 0, r['start']) + 1
                le = data.find(b'\n', r['end'])
                para = data[ls:le if le >= 0 else len(data)].decode('utf-8', 'replace')
                per_lang_para['zh' if HAN_RE.search(para) else 'en'] += 1
                per_metric[r['metric']] += 1
                per_kind[r['kind']] += 1
                per_basis[r['basis']] += 1
                ids_used[r['entity']] += 1
                ids_used[r['metric']] += 1

    if not args.quiet:
        total = sum(per_doc.values())
        print('facts: %d' % total)
        print('\nper document:')
        for k in sorted(per_doc):
            print('  %-28s %4d' % (k, per_doc[k]))
        print('\nper language (zh: span has Han characters / paragraph has Han characters):')
        for k in sorted(set(per_lang) | set(per_lang_para)):
            print('  %-28s %4d / %d' % (k, per_lang[k], per_lang_para[k]))
        print('\nper kind:   ' + '  '.join('%s %d' % kv for kv in sorted(per_kind.items())))
        print('per basis:  ' + '  '.join('%s %d' % kv for kv in sorted(per_basis.items())))
        print('\nper metric:')
        for k, n in sorted(per_metric.items(), key=lambda kv: (-kv[1], kv[0])):
            print('  %-36s %4d' % (k, n))
        lex = load_lexicon_ids()
        if lex:
            new = sorted(i for i in ids_used if i not in lex)
            print('\nids not in the lexicons (%d): %s' % (len(new), ', '.join(new) or '-'))
    for w in warnings:
        print('warning: ' + w)
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
