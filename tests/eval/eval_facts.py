#!/usr/bin/env python3
"""Score `earnings facts` against the gold facts (tests/eval/gold/facts/).

    tests/eval/eval_facts.py --build BUILD_DIR [--corpus DIR] [--gold DIR] [-v]

Runs BUILD_DIR/examples/earnings facts on each corpus file that has gold,
matches predicted facts to gold facts by figure span (exact span first, then
overlapping spans), and prints per language (en/zh: a fact is zh when Han
text surrounds it) two tables side by side: span-matched precision and recall
(the figure was linked as a fact at all) and strict precision and recall
(matched, and entity, metric, period, value, unit and basis all right), then
per-field accuracy over matched pairs.
Exit status 0; 2 on usage errors. Conventions: tests/eval/gold/FACTS.md.
"""
import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ["entity", "metric", "kind", "comparison", "period", "period_inferred", "value", "unit",
          "qualifier", "basis", "excluding"]
STRICT = ["entity", "metric", "period", "value", "unit", "basis"]


def is_han(ch):
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def lang_of(src, start, end):
    ctx = src[max(0, start - 30):end + 30].decode("utf-8", "replace")
    return "zh" if any(is_han(c) for c in ctx) else "en"


def same(field, a, b):
    if field == "value":
        if isinstance(a, list) or isinstance(b, list):
            if not (isinstance(a, list) and isinstance(b, list) and len(a) == len(b)):
                return False
            return all(same("value", x, y) for x, y in zip(a, b))
        if a is None or b is None:
            return a is b
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)), abs(float(b)))
    if field == "period_inferred":
        return bool(a) == bool(b)
    return a == b


def match(gold, pred):
    """Pairs (g, p): exact spans first, then overlapping ones, one to one."""
    pairs, used_g, used_p = [], set(), set()
    by_span = defaultdict(list)
    for i, p in enumerate(pred):
        by_span[(p["start"], p["end"])].append(i)
    for gi, g in enumerate(gold):
        for pi in by_span.get((g["start"], g["end"]), []):
            if pi not in used_p:
                pairs.append((gi, pi)); used_g.add(gi); used_p.add(pi)
                break
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        for pi, p in enumerate(pred):
            if pi not in used_p and p["start"] < g["end"] and g["start"] < p["end"]:
                pairs.append((gi, pi)); used_g.add(gi); used_p.add(pi)
                break
    return pairs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--corpus", default=os.path.normpath(os.path.join(HERE, "../../../shared/corpus")))
    ap.add_argument("--gold", default=os.path.join(HERE, "gold", "facts"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and field errors")
    args = ap.parse_args()
    exe = os.path.join(args.build, "examples", "earnings")
    if not os.path.exists(exe):
        print(f"no {exe}", file=sys.stderr)
        return 2
    n = defaultdict(lambda: defaultdict(int))
    field_ok = defaultdict(lambda: defaultdict(int))
    for name in sorted(os.listdir(args.gold)):
        if not name.endswith(".jsonl"):
            continue
        doc = name[:-len(".jsonl")]
        if not doc.endswith(".txt"):
            doc += ".txt"
        path = os.path.join(args.corpus, doc)
        if not os.path.exists(path):
            continue
        src = open(path, "rb").read()
        gold = [json.loads(l) for l in open(os.path.join(args.gold, name), encoding="utf-8") if l.strip()]
        out = subprocess.run([exe, "facts", path], capture_output=True, check=True).stdout.decode("utf-8")
        pred = [json.loads(l) for l in out.splitlines() if l.strip()]
        pairs = match(gold, pred)
        mg = {g for g, _ in pairs}
        mp = {p for _, p in pairs}
        for g in gold:
            n[lang_of(src, g["start"], g["end"])]["gold"] += 1
        for p in pred:
            n[lang_of(src, p["start"], p["end"])]["pred"] += 1
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            lang = lang_of(src, g["start"], g["end"])
            n[lang]["matched"] += 1
            wrong = [f for f in FIELDS if not same(f, g.get(f), p.get(f))]
            for f in FIELDS:
                field_ok[lang][f] += f not in wrong
            if not any(f in wrong for f in STRICT):
                n[lang]["strict"] += 1
            if args.verbose and wrong:
                print(f"{doc[:3]} {g['start']} {g['text']!r}: " +
                      ", ".join(f"{f} {p.get(f)!r} != {g.get(f)!r}" for f in wrong))
        if args.verbose:
            for gi, g in enumerate(gold):
                if gi not in mg:
                    ctx = src[max(0, g["start"] - 60):g["end"] + 20].decode("utf-8", "replace").replace("\n", " ")
                    print(f"{doc[:3]} MISS {g['start']} {g['text']!r} {g['entity']} {g['metric']} | {ctx}")
            for pi, p in enumerate(pred):
                if pi not in mp:
                    ctx = src[max(0, p["start"] - 60):p["end"] + 20].decode("utf-8", "replace").replace("\n", " ")
                    print(f"{doc[:3]} EXTRA {p['start']} {p['text']!r} {p['entity']} {p['metric']} | {ctx}")
    def prf(k, c):
        p = c[k] / c["pred"] if c["pred"] else 0.0
        r = c[k] / c["gold"] if c["gold"] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    print("span-matched: a predicted fact whose figure span matches a gold fact's (exact, then overlapping)")
    print("strict:       matched, and entity, metric, period, value, unit and basis all right")
    print(f"{'':15} {'':>5} {'':>5} | {'span-matched':^27} | {'strict':^27} |")
    print(f"{'lang':15} {'gold':>5} {'pred':>5} | {'n':>5} {'P':>6} {'R':>6} {'F1':>6} | "
          f"{'n':>5} {'P':>6} {'R':>6} {'F1':>6} |")
    for lang in ("en", "zh"):
        c = n[lang]
        mp, mr, mf = prf("matched", c)
        sp, sr, sf = prf("strict", c)
        print(f"{lang:15} {c['gold']:5d} {c['pred']:5d} | {c['matched']:5d} {mp:6.3f} {mr:6.3f} {mf:6.3f} | "
              f"{c['strict']:5d} {sp:6.3f} {sr:6.3f} {sf:6.3f} |")
    print("target: P >= 0.95 and R >= 0.90 per language")
    print("field accuracy over matched facts:")
    print("  " + " ".join(f"{f[:10]:>10}" for f in FIELDS))
    for lang in ("en", "zh"):
        m = n[lang]["matched"]
        print(lang + "  " + " ".join(f"{(field_ok[lang][f] / m if m else 0):10.3f}" for f in FIELDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
