#!/usr/bin/env python3
"""Side-by-side table of bench/peers/run.sh (reads the files it wrote in OUT)."""
import json, os, re, sys

out = sys.argv[1]
rt = json.load(open(os.path.join(out, 'rt.json')))

def time_v(path, key):
    for line in open(path):
        if key in line:
            return line.split(':', 1)[1].strip()
    return None

def wall(path):
    v = time_v(path, 'Elapsed (wall clock)').rsplit(' ', 1)[-1]
    parts = [float(x) for x in v.split(':')]
    return parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)

def bench_rows(path):
    rows = {}
    for line in open(path):
        m = re.match(r'\|\s*(.+?)\s*\|\s*(en|zh)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|', line)
        if m:
            rows[(m.group(1), m.group(2))] = (float(m.group(5)), float(m.group(6)))
    return rows

b1 = bench_rows(os.path.join(out, 'bench-1.md'))
b2 = bench_rows(os.path.join(out, 'bench-2.md'))
rt_rss = int(time_v(os.path.join(out, 'rt.time'), 'Maximum resident set size')) / 1024

def spans_rt(lang):
    return [(j['start'], j['end'], j['model']) for j in map(json.loads, open(os.path.join(out, 'rt-%s.jsonl' % lang))) ]

def spans_ours(lang):
    return [(j['start'], j['end'], j['kind']) for j in map(json.loads, open(os.path.join(out, 'fig-%s.jsonl' % lang)))]

def overlap_share(a, b):
    if not a:
        return float('nan'), 0, 0
    b = sorted(b)
    hit = 0
    for s, e, _ in a:
        if any(bs < e and s < be for bs, be, _ in b):
            hit += 1
    return hit / len(a), hit, len(a)

print('Text: the corpus split by line as earnings_bench does; Recognizers-Text gets the first %s KB of each '
      'language (%d bytes English, %d bytes Chinese: the whole corpus), once.\n' % (
          rt['sample_kb'], rt['langs']['en']['bytes'], rt['langs']['zh']['bytes']))
print('| system | what | en MB/s | zh MB/s | peak MiB |')
print('|---|---|---:|---:|---:|')
L = rt['langs']
print('| Recognizers-Text (JS) | number + percentage + currency + dimension | %.3f | %.3f | %.0f |' % (
    L['en']['mb_s'], L['zh']['mb_s'], rt_rss))
for m in ('number', 'percentage', 'currency', 'dimension'):
    print('| Recognizers-Text (JS) | %s alone | %.3f | %.3f | |' % (m, L['en']['models'][m]['mb_s'], L['zh']['models'][m]['mb_s']))
fe, fz = os.path.join(out, 'fig-en.time'), os.path.join(out, 'fig-zh.time')
def wall(path):
    return float(open(path.replace('.time', '.secs')).read())
print('| `earnings figures` (CLI, same text, process start included) | figures | %.2f | %.2f | %.0f |' % (
    L['en']['bytes'] / 1e6 / wall(fe), L['zh']['bytes'] / 1e6 / wall(fz),
    max(int(time_v(fe, 'Maximum resident set size')), int(time_v(fz, 'Maximum resident set size'))) / 1024))
for stage in ('normalize', 'tokenize', 'tokenize+hanwords', 'sentences', 'figures', 'entities', 'facts', 'default+json',
              'icu-wordbreak (baseline)'):
    for label, rows in (('1 thread', b1), ('2 threads', b2)):
        if (stage, 'en') in rows:
            print('| libearnings `earnings_bench`, %s | %s | %.1f | %.1f | %.0f |' % (
                label, stage, rows[(stage, 'en')][0], rows.get((stage, 'zh'), (0, 0))[0],
                max(rows[(stage, 'en')][1], rows.get((stage, 'zh'), (0, 0))[1])))
print()
print('Agreement on figures (spans overlapping; Recognizers-Text items of all four models, ours of every kind):\n')
print('| language | RT items | ours | RT items overlapped by ours | ours overlapped by RT items |')
print('|---|---:|---:|---:|---:|')
for lang in ('en', 'zh'):
    a, b = spans_rt(lang), spans_ours(lang)
    s1, h1, n1 = overlap_share(a, b)
    s2, h2, n2 = overlap_share(b, a)
    print('| %s | %d | %d | %.1f%% (%d) | %.1f%% (%d) |' % (lang, n1, n2, 100 * s1, h1, 100 * s2, h2))
