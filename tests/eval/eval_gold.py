#!/usr/bin/env python3
"""Score libearnings figures against the gold annotations.

usage: tests/eval/eval_gold.py [--build DIR] [--gold DIR] [--corpus DIR] [--show N]
                               [--context C] [--lang en|zh] [--kind KIND]

For every tests/eval/gold/figures/<name>.jsonl (conventions:
tests/eval/gold/CONVENTIONS.md) runs `<build>/examples/earnings figures
--lang auto` on the corpus file <name> and prints, per language (a figure is zh when
its text holds a Han character) and per kind: span precision and recall
(exact byte spans), and on matched spans the accuracy of value and unit
together (numbers compared as numbers, ranges by both ends, periods and
dates as strings), plus kind accuracy.
"""
import argparse
import collections
import json
import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3007]")


def run(build, path):
    cli = os.path.join(build, "examples", "earnings")
    data = open(path, "rb").read()
    r = subprocess.run([cli, "figures", "--lang", "auto", "-"], input=data, capture_output=True)
    if r.returncode != 0:
        sys.exit("eval_gold: %s failed on %s: %s" % (cli, path, r.stderr.decode("utf-8", "replace")))
    return [json.loads(l) for l in r.stdout.decode("utf-8").splitlines() if l.strip().startswith("{")]


def same_num(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return False
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return False


def same_value(a, b):
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_num(x, y) for x, y in zip(a, b))
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if a is None or b is None:
        return a is None and b is None
    return same_num(a, b)


def lang_of(text):
    return "zh" if HAN.search(text) else "en"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--gold", default=os.path.join(HERE, "gold", "figures"))
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(ROOT), "shared", "corpus"))
    ap.add_argument("--show", type=int, default=0, help="print up to N misses, false alarms and wrong values")
    ap.add_argument("--context", type=int, default=0,
                    help="with --show: also print C characters of text on each side of a listed figure")
    ap.add_argument("--lang", choices=("en", "zh"), help="with --show: list only figures of this language")
    ap.add_argument("--kind", help="with --show: list only figures of this kind (gold kind for misses)")
    args = ap.parse_args()

    def listed(text, kind):
        return (args.lang is None or lang_of(text) == args.lang) and (args.kind is None or kind == args.kind)

    def ctx(doc, start, end):
        if not args.context:
            return ""
        pre = doc[max(0, start - 4 * args.context):start].decode("utf-8", "replace")[-args.context:]
        post = doc[end:end + 4 * args.context].decode("utf-8", "replace")[:args.context]
        return "\n      ... %s[[%s]]%s ..." % (pre.replace("\n", " "), doc[start:end].decode("utf-8", "replace"),
                                             post.replace("\n", " "))
    build = os.path.abspath(args.build)
    if not os.path.isdir(args.gold):
        print("no gold folder: %s" % args.gold)
        return 1
    files = sorted(f for f in os.listdir(args.gold) if f.endswith(".jsonl"))
    if not files:
        print("no gold files in %s" % args.gold)
        return 1
    # counters[(lang, kind)] = [gold, ours, matched, value_ok, kind_ok]
    cnt = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
    shown = collections.Counter()
    for fn in files:
        name = fn[:-len(".jsonl")]
        path = os.path.join(args.corpus, name)
        if not os.path.exists(path):
            path = os.path.join(args.corpus, name + ".txt")
        if not os.path.exists(path):
            print("skip %s: no corpus file" % fn)
            continue
        gold = [json.loads(l) for l in open(os.path.join(args.gold, fn), encoding="utf-8") if l.strip()]
        ours = run(build, path)
        doc = open(path, "rb").read()
        by_span = {(o["start"], o["end"]): o for o in ours}
        gspans = set()
        for g in gold:
            lang = lang_of(g["text"])
            key = (lang, g["kind"])
            cnt[key][0] += 1
            sp = (g["start"], g["end"])
            gspans.add(sp)
            o = by_span.get(sp)
            if o is None:
                if shown["miss"] < args.show and listed(g["text"], g["kind"]):
                    shown["miss"] += 1
                    print("MISS  %s %r %s %s%s" % (name[:3], g["text"], g["kind"], g.get("value"),
                                                 ctx(doc, g["start"], g["end"])))
                continue
            cnt[key][2] += 1
            ok = same_value(o.get("value"), g.get("value")) and o.get("unit") == g.get("unit")
            cnt[key][3] += ok
            cnt[key][4] += o.get("kind") == g["kind"]
            if not ok and shown["wrong"] < args.show and listed(g["text"], g["kind"]):
                shown["wrong"] += 1
                print("VALUE %s %r gold=%s/%s ours=%s/%s" % (name[:3], g["text"], g.get("value"), g.get("unit"),
                                                           o.get("value"), o.get("unit"))
                      + ctx(doc, g["start"], g["end"]))
        for o in ours:
            lang = lang_of(o["text"])
            # a false alarm counts against the kind we gave it
            cnt[(lang, o["kind"])][1] += 1
            if (o["start"], o["end"]) not in gspans and shown["fa"] < args.show and listed(o["text"], o["kind"]):
                shown["fa"] += 1
                print("FALSE %s %r %s %s%s" % (name[:3], o["text"], o["kind"], o.get("value"),
                                             ctx(doc, o["start"], o["end"])))
    # ours per (lang, kind) counts by our kind; precision uses all of a language
    print("%-4s %-9s %6s %6s %7s %7s %9s %7s" % ("lang", "kind", "gold", "ours", "P", "R", "value+unit", "kind"))
    for lang in ("en", "zh"):
        keys = sorted(k for k in cnt if k[0] == lang)
        tg = to = tm = tv = tk = 0
        for k in keys:
            g, o, m, v, kk = cnt[k]
            tg += g
            to += o
            tm += m
            tv += v
            tk += kk
            print("%-4s %-9s %6d %6d %7s %7s %9s %7s" % (
                lang, k[1], g, o, "", "%.3f" % (m / g) if g else "-", "%.3f" % (v / m) if m else "-",
                "%.3f" % (kk / m) if m else "-"))
        if tg or to:
            print("%-4s %-9s %6d %6d %7.3f %7.3f %9s %7s" % (
                lang, "ALL", tg, to, tm / to if to else 0.0, tm / tg if tg else 0.0,
                "%.3f" % (tv / tm) if tm else "-", "%.3f" % (tk / tm) if tm else "-"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
