#!/usr/bin/env python3
"""Score libearnings figures against the Recognizers-Text specs.

usage: tests/eval/eval_specs.py [--build DIR] [--specs DIR] [--file NAME] [--show N]

Runs `<build>/examples/earnings figures --lang auto` on every case and prints
per spec file: the number of
cases, the share passed, and the share passed among the cases that the main
Recognizers-Text ports support (`not_supported` lists neither javascript nor
dotnet). A case passes when the set of expected items equals ours by
character span and value (numbers compared as numbers; ranges by their ends).

Which of our figures a spec file sees:
  number    every figure but periods, dates and ordinals, by its number
            (`num`, and `num_high` for a range), so `$20` gives `20`
  ordinal   ordinals
  percent   percent and percentage points
  range     ranges, and figures qualified over/under/at least/at most
  currency  money
  dimension quantities with a unit of measure (not counted nouns)
Deliberate differences from Recognizers-Text (see docs/accuracy.md), applied
here when comparing, never in the library:
  - qualifier words: our spans include them (`about $5`), which the
    currency, percent and dimension specs leave out, so they are stripped
    from our span for those files; approximation words (`about`, `大概有`)
    are stripped for the range file too (an approximate range is a range);
  - durations (`20 minutes`, `3 hours`) are quantities for us but datetime
    for Recognizers, so they are left out of the dimension comparison;
  - for ranges, a unit or counted noun after the numbers is left out of the
    span (`up to 700 workers` -> `up to 700`), unless a qualifier follows
    it (`20万次以上` keeps its end);
  - expected items without a value (a bare unit word: `dollars`, `%`,
    `percent`, `mcg`, `人民币`) are dropped: a figure needs a number;
  - currency sub-units: we convert to the main unit (`1.20 cents` is USD
    0.012), Recognizers reports the sub-unit (1.2 Cent); for expected items
    whose unit is a sub-unit our value is scaled back before comparing;
  - a number glued to a unit (`180ml`, `29km`) is a quantity for us; the
    Recognizers number model reports nothing there, so figures whose number
    is directly followed by a letter are left out of the number comparison;
  - `from X to Y` is a change for us (two figures, direction and start
    point), not a range: in the range file an expected `from X to Y` range
    is counted as matched when we report X and Y as figures at its two ends;
  - `equal to 20` is a figure qualified `exact` for us; the range file
    reads it as [20,20];
  - a range from paired bounds (`more than 10 and less than 40`) is one
    figure for us with its ends; whether each end is open is in its flags,
    not compared here (Recognizers writes `(10,40)`).
This is evaluation only: nothing here feeds back into the library.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run_all(cli, inputs):
    """Figures of each input (one `earnings figures` run each), as lists of dicts."""
    res = []
    for s in inputs:
        r = subprocess.run([cli, "figures", "--lang", "auto", "-"], input=s.encode("utf-8"),
                           capture_output=True)
        if r.returncode != 0:
            sys.exit("eval_specs: %s failed: %s" % (cli, r.stderr.decode("utf-8", "replace")))
        res.append([json.loads(line) for line in r.stdout.decode("utf-8").splitlines()
                    if line.strip().startswith("{")])
    return res


def byte_to_char(s):
    m = {}
    b = 0
    for i, ch in enumerate(s):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(s)
    return m


def num(v):
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v)
    v = str(v).strip().rstrip("%")
    try:
        return float(v)
    except ValueError:
        return None


def parse_expected_value(v, dim):
    """(lo, hi) for ranges, else (x, x); None ends stay None."""
    if v is None:
        return None
    s = str(v).strip()
    m = re.match(r"^[\[\(]\s*([^,]*)\s*,\s*([^\]\)]*)\s*[\]\)]$", s)
    if m:
        return (num(m.group(1)) if m.group(1) else None, num(m.group(2)) if m.group(2) else None)
    x = num(s)
    return (x, x) if x is not None else None


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


APPROX_RE = re.compile(r"^(?:about|approximately|approx\.?|around|roughly|some|circa|~|"
                       r"约为|约|大约|大概有|大概|差不多)\s*", re.I)
SUBUNITS = {"Cent": 100, "Pence": 100, "Penny": 100, "Sen": 100, "Fen": 100, "Jiao": 10, "Satoshi": 100000000}
QUAL_RE = re.compile(r"^(?:about|approximately|approx\.?|around|roughly|some|an estimated|estimated|circa|~|"
                     r"nearly|almost|close to|just under|over|more than|greater than|above|exceeding|"
                     r"north of|in excess of|upwards of|well over|just over|less than|fewer than|under|"
                     r"below|at least|up to|at most|no more than|no less than|as much as|as many as|"
                     r"exactly|precisely|equal to|equals|等于|等於|"
                     r"约为|约|大约|大概|将近|接近|近|超过|逾|不到|不足|至少|最多)\s*", re.I)
POSTQUAL_RE = re.compile(r"(?:以上|以下|之上|之下|or more|or less|or greater|or fewer|or above|or below|plus)$")
TIME_UNITS = {"h", "min", "s", "ms", "us", "ns"}


def ours_for(dim, figs, b2c, text):
    items = []
    for f in figs:
        if f.get("qualifier") and dim in ("currency", "percent", "dimension", "range"):
            s0, e0 = b2c[f["start"]], b2c[f["end"]]
            m = (APPROX_RE if dim == "range" else QUAL_RE).match(text[s0:e0])
            if m:
                f = dict(f)
                f["start"] = f["start"] + len(text[s0:s0 + m.end()].encode("utf-8"))
        if dim == "dimension" and f.get("unit") in TIME_UNITS:
            continue
        k = f["kind"]
        v = f["value"]
        lo, hi = (v[0], v[1]) if isinstance(v, list) else (v, v)
        if dim == "number":
            if k in ("period", "date", "ordinal"):
                continue
            s, e = f.get("num", [f["start"], f["end"]])
            ce = b2c[e]
            if ce < len(text) and text[ce].isascii() and text[ce].isalpha() and f.get("unit"):
                continue
            items.append((b2c[s], b2c[e], (num(lo), num(lo))))
            if isinstance(v, list) and "num_high" in f:
                s, e = f["num_high"]
                items.append((b2c[s], b2c[e], (num(hi), num(hi))))
            continue
        if dim == "ordinal" and k != "ordinal":
            continue
        if dim == "percent" and k not in ("percent", "pp"):
            continue
        if dim == "currency" and k != "money":
            continue
        if dim == "dimension" and (k != "quantity" or f.get("count")):
            continue
        if dim == "range":
            q = f.get("qualifier")
            if isinstance(v, list):
                val = (num(lo), num(hi))
            elif q in ("over", "at_least"):
                val = (num(v), None)
            elif q in ("under", "at_most"):
                val = (None, num(v))
            elif q == "exact":
                val = (num(v), num(v))
            else:
                continue
            end = f["end"]
            if f.get("unit") and f["unit"] != "%" and not POSTQUAL_RE.search(text[b2c[f["start"]]:b2c[end]]):
                end = max(f.get("num_high", f["num"])[1], f["num"][1])
            items.append((b2c[f["start"]], b2c[end], val))
            continue
        items.append((b2c[f["start"]], b2c[f["end"]], (num(lo), num(hi))))
    return items


def from_to_matched(e, figs, b2c, text):
    """An expected `from X to Y` range met by our two figures X and Y."""
    t = text[e[0]:e[1]]
    m = re.match(r"from\s+", t, re.I)
    if not m or e[2] is None:
        return False
    lo = hi = None
    for f in figs:
        v = f["value"]
        if isinstance(v, list) or not isinstance(v, (int, float)):
            continue
        s = b2c[f["num"][0]] if "num" in f else b2c[f["start"]]
        en = b2c[f["num"][1]] if "num" in f else b2c[f["end"]]
        if s == e[0] + m.end() and close(num(v), e[2][0]):
            lo = f
        if en == e[1] and close(num(v), e[2][1]):
            hi = f
    return lo is not None and hi is not None and lo is not hi


def match(expected, ours):
    if len(expected) != len(ours):
        return False
    left = list(ours)
    for e in expected:
        hit = None
        for i, o in enumerate(left):
            k = e[3] if len(e) > 3 else 1
            if o[0] == e[0] and o[1] == e[1] and e[2] is not None and \
                    close(o[2][0] if o[2][0] is None else o[2][0] * k, e[2][0]) and \
                    close(o[2][1] if o[2][1] is None else o[2][1] * k, e[2][1]):
                hit = i
                break
        if hit is None:
            return False
        left.pop(hit)
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--specs", default=os.path.join(os.path.dirname(ROOT), "shared", "specs"))
    ap.add_argument("--file", help="only spec files whose name contains this")
    ap.add_argument("--show", type=int, default=0, help="print up to N failing cases per file")
    args = ap.parse_args()
    runner = os.path.join(os.path.abspath(args.build), "examples", "earnings")
    if not os.access(runner, os.X_OK):
        sys.exit("eval_specs: no CLI at %s (build first, or pass --build)" % runner)
    files = sorted(f for f in os.listdir(args.specs) if f.endswith(".jsonl"))
    if args.file:
        files = [f for f in files if args.file in f]
    print("%-34s %6s %8s %8s %10s" % ("file", "cases", "passed", "main", "main cases"))
    tot = [0, 0, 0, 0]
    for fn in files:
        cases = [json.loads(l) for l in open(os.path.join(args.specs, fn), encoding="utf-8") if l.strip()]
        figs = run_all(runner, [c["input"] for c in cases])
        npass = nmain = nmain_pass = 0
        shown = 0
        for c, fs in zip(cases, figs):
            dim = c["dim"]
            b2c = byte_to_char(c["input"])
            exp = [(e["start"], e["end"], parse_expected_value(e.get("value"), dim),
                    SUBUNITS.get(e.get("unit"), 1)) for e in c["expected"]
                   if e.get("value") not in (None, "null")]
            ours = ours_for(dim, fs, b2c, c["input"])
            if dim == "range":
                exp = [e for e in exp if not from_to_matched(e, fs, b2c, c["input"])]
            ok = match(exp, ours)
            ns = c.get("not_supported", "") or ""
            main_case = "javascript" not in ns and "dotnet" not in ns
            npass += ok
            if main_case:
                nmain += 1
                nmain_pass += ok
            if not ok and shown < args.show:
                shown += 1
                print("  FAIL %r\n    expected %s\n    ours     %s" % (
                    c["input"][:160], [(e["text"], e.get("value")) for e in c["expected"]],
                    [(c["input"][o[0]:o[1]], o[2]) for o in ours]))
        n = len(cases)
        tot[0] += n
        tot[1] += npass
        tot[2] += nmain
        tot[3] += nmain_pass
        print("%-34s %6d %7.1f%% %7.1f%% %10d" % (fn.replace(".jsonl", ""), n, 100.0 * npass / max(n, 1),
                                                 100.0 * nmain_pass / max(nmain, 1), nmain))
    print("%-34s %6d %7.1f%% %7.1f%% %10d" % ("total", tot[0], 100.0 * tot[1] / max(tot[0], 1),
                                             100.0 * tot[3] / max(tot[2], 1), tot[2]))


if __name__ == "__main__":
    main()
