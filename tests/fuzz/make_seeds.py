#!/usr/bin/env python3
"""Seed corpora of the fuzz targets.

usage: make_seeds.py OUT_DIR [SHARED_DIR]

Writes OUT_DIR/<target>/ for normalize, parse and lexicon from: the shared
corpus (/work/shared/corpus, whole files and lines), the "input" fields of the
spec files (/work/shared/specs/*.jsonl), string literals of the unit tests
(tests/unit/*.c), and, for lexicon, the built-in and test lexicons. The
normalize seeds get one leading flag byte, the parse seeds two (stages,
normalize flags), chosen in turn so that every combination appears."""
import glob, hashlib, json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, '..', '..'))
out = sys.argv[1]
shared = sys.argv[2] if len(sys.argv) > 2 else os.path.normpath(os.path.join(root, '..', 'shared'))

texts = []
for path in sorted(glob.glob(os.path.join(shared, 'corpus', '*.txt'))):
    data = open(path, 'rb').read()
    texts.append(data[:4096])
    texts.extend(l for l in data.split(b'\n') if len(l.strip()) > 0)
for path in sorted(glob.glob(os.path.join(shared, 'specs', '*.jsonl'))):
    for line in open(path, encoding='utf-8'):
        try:
            texts.append(json.loads(line)['input'].encode('utf-8'))
        except (ValueError, KeyError):
            pass

lit = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
def unescape(s):
    b = bytearray()
    i = 0
    raw = s.encode('utf-8')
    while i < len(raw):
        c = raw[i]
        if c == 0x5C and i + 1 < len(raw):
            n = chr(raw[i + 1])
            if n == 'x':
                m = re.match(rb'[0-9a-fA-F]{1,2}', raw[i + 2:])
                if m:
                    b.append(int(m.group(0), 16)); i += 2 + len(m.group(0)); continue
            if n in '01234567':
                m = re.match(rb'[0-7]{1,3}', raw[i + 1:])
                b.append(int(m.group(0), 8) & 0xFF); i += 1 + len(m.group(0)); continue
            b.extend({'n': b'\n', 't': b'\t', 'r': b'\r', '0': b'\0'}.get(n, n.encode()))
            i += 2
            continue
        b.append(c); i += 1
    return bytes(b)
for path in sorted(glob.glob(os.path.join(root, 'tests', 'unit', '*.c'))):
    src = open(path, encoding='utf-8', errors='replace').read()
    for m in lit.finditer(src):
        s = m.group(1)
        if len(s) >= 3 and not s.startswith('%') and '/' not in s[:2]:
            texts.append(unescape(s))

# dedupe, keep order
seen, uniq = set(), []
for t in texts:
    if t not in seen:
        seen.add(t); uniq.append(t)

def write(target, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), 'wb') as f:
        f.write(data)

for i, t in enumerate(uniq):
    write('normalize', bytes([i % 16]) + t)
    # stages: the default (0), all (31), and some subsets; normalize flags in turn
    write('parse', bytes([(0, 31, 23, 4, 16, 3, 12)[i % 7], (i // 7) % 16]) + t)

lex = sorted(glob.glob(os.path.join(root, 'libearnings', 'lexicons', '*', '*.tsv')) +
             glob.glob(os.path.join(root, 'tests', 'resources', 'lexicons', '*.tsv')))
for path in lex:
    data = open(path, 'rb').read()
    write('lexicon', data)
    for line in data.split(b'\n'):
        if line and not line.startswith(b'#'):
            write('lexicon', line + b'\n')
for target in ('normalize', 'parse', 'lexicon'):
    d = os.path.join(out, target)
    print('%s: %d seeds' % (target, len(os.listdir(d)) if os.path.isdir(d) else 0))
