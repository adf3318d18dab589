#!/usr/bin/env python3
"""Overhead of the Python binding over C on whole-document calls.

    PKG_CONFIG_PATH=PREFIX/lib/pkgconfig LIBEARNINGS_LIBRARY=PREFIX/lib/libearnings.so.0 \\
        python3 bindings/python/bench/overhead.py [--rounds N] [--repeat K] [CORPUS_DIR]

The same work in C (overhead_loop.c, compiled here against the installed
library with pkg-config) and in Python: ROUNDS times, each corpus document
is parsed with the default stages (tokens through facts) and its facts
serialized as JSON Lines (``earnings_doc_to_json`` / ``doc.to_json_bytes``),
one engine, files read beforehand. Also timed: Python reading every fact
into ``Fact`` records instead of the JSON, and the ``earnings facts`` tool
(process start and engine build included) when EARNINGS_CLI is set. Each
variant runs K times, interleaved; the minimum counts (the least disturbed
by other load on the machine). Overhead = Python / C - 1.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import libearnings  # noqa: E402


def compile_loop(tmp: str) -> str:
    exe = os.path.join(tmp, "overhead_loop")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libearnings"], check=True,
                           capture_output=True, text=True).stdout.split()
    subprocess.run([os.environ.get("CC", "cc"), "-O2", "-o", exe, str(HERE / "overhead_loop.c"), *flags],
                   check=True)
    return exe


def python_json(engine, texts, rounds):
    json_bytes = 0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for data in texts:
            with engine.parse(data) as doc:
                json_bytes += len(doc.to_json_bytes("facts", lines=True))
    return time.perf_counter() - t0, json_bytes


def python_records(engine, texts, rounds):
    n = 0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for data in texts:
            with engine.parse(data) as doc:
                n += len(doc.facts)
    return time.perf_counter() - t0, n


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("corpus", nargs="?", default=str(HERE.parents[3] / "shared" / "corpus"))
    p.add_argument("--rounds", type=int, default=20)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    files = sorted(Path(args.corpus).glob("*.txt"))
    texts = [f.read_bytes() for f in files]
    mb = sum(map(len, texts)) * args.rounds / 1e6
    cli = os.environ.get("EARNINGS_CLI")
    best = {}

    def keep(name, secs):
        best[name] = min(best.get(name, float("inf")), secs)

    with tempfile.TemporaryDirectory() as tmp, libearnings.Engine() as engine:
        loop = compile_loop(tmp)
        python_json(engine, texts, 1)  # warm-up
        for _ in range(args.repeat):
            out = subprocess.run([loop, str(args.rounds), *map(str, files)], check=True,
                                 capture_output=True, text=True).stdout.split()
            keep("C loop (parse + facts JSON Lines)", float(out[0]))
            secs, json_bytes = python_json(engine, texts, args.rounds)
            if int(out[1]) != json_bytes:
                raise SystemExit(f"C wrote {out[1]} bytes of JSON, Python {json_bytes}")
            keep("Python (parse + doc.to_json_bytes('facts', lines=True))", secs)
            keep("Python (parse + doc.facts records)", python_records(engine, texts, args.rounds)[0])
            if cli:
                t0 = time.perf_counter()
                for _ in range(args.rounds):
                    subprocess.run([cli, "facts", *map(str, files)], check=True, stdout=subprocess.DEVNULL)
                keep(f"earnings facts CLI, {args.rounds} runs", time.perf_counter() - t0)
    c = best["C loop (parse + facts JSON Lines)"]
    print(f"{len(files)} documents x {args.rounds} rounds = {mb:.1f} MB; best of {args.repeat}; "
          f"libearnings {libearnings.version()}, Python {sys.version.split()[0]}")
    for name, secs in best.items():
        print(f"  {name:58s} {secs:7.3f} s  {mb / secs:6.2f} MB/s  {100 * (secs / c - 1):+6.1f}% vs C")
    return 0


if __name__ == "__main__":
    sys.exit(main())
