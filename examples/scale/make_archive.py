#!/usr/bin/env python3
"""Write a JSON Lines archive for extract_dask.py: every .txt document of
DIR, COPIES times, one {"id": "<copy>/<file name>", "text": ...} a line.

    python3 examples/scale/make_archive.py ../shared/corpus 200 /tmp/corpus200.jsonl
"""

import json
import os
import sys


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    folder, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    docs = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                docs.append((name, f.read()))
    with open(out, "w", encoding="utf-8") as f:
        for c in range(copies):
            for name, text in docs:
                f.write(json.dumps({"id": f"{c:04d}/{name}", "text": text}, ensure_ascii=False) + "\n")
    print(f"{out}: {copies * len(docs)} documents, {os.path.getsize(out) / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
