#!/usr/bin/env python3
"""Extract facts (or figures) from many documents with Dask distributed.

    python3 examples/scale/extract_dask.py INPUT [--workers N | --scheduler ADDRESS]
                                           [--records facts|figures] [-o OUT.jsonl]

INPUT is a directory of ``*.txt`` documents (the id of each is its file
name) or a JSON Lines archive with one ``{"id": ..., "text": ...}`` object a
line. The output is JSON Lines, one line per fact (or figure) in input order,
each the library's object with the document's id first as ``"source"``: for a
directory, the lines ``earnings facts DIR/*.txt`` prints. A summary
(documents, records, bytes, seconds, MB/s) goes to standard error as one JSON
object.

``--workers N`` (default 2) starts a LocalCluster of N single-threaded worker
processes on the loopback interface; ``--scheduler tcp://host:8786`` uses a
running cluster instead (its workers need libearnings and this package: the
``LIBEARNINGS_LIBRARY`` and ``PYTHONPATH`` of their environment, or
``--library``); ``--workers 0`` runs in this process without Dask (the
single-process reference). Each worker builds one ``Engine`` when it starts
(a worker plugin) and reuses it for every task. A task is about
``--batch-mb`` megabytes of input: a byte range of the archive or a list of
files, which the worker reads itself when it sees the same file system (a
LocalCluster, or ``--shared-fs``); otherwise this process reads the
documents and sends them (``client.scatter``). At most ``--inflight`` tasks
per worker are queued at a time, so memory stays bounded on large archives,
and results are written in input order.

Needs Dask and distributed (Debian: ``apt-get install python3-dask
python3-distributed``, for /usr/bin/python3) and the libearnings Python
package (found next to this file in the repository, or installed).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from typing import Iterator, List, Optional, Sequence, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
_IN_TREE = os.path.join(HERE, "..", "..", "bindings", "python")


def _import_libearnings():
    """Import the package, from the repository tree if it is not installed;
    also export that folder in PYTHONPATH so that local workers find it."""
    try:
        import libearnings  # noqa: F401
    except ImportError:
        path = os.path.normpath(_IN_TREE)
        sys.path.insert(0, path)
        os.environ["PYTHONPATH"] = path + os.pathsep + os.environ.get("PYTHONPATH", "")
        import libearnings  # noqa: F401
    return sys.modules["libearnings"]


# ---- input ---------------------------------------------------------------------------------

Doc = Tuple[str, object]  # (id, text as UTF-8 bytes or str)


def plan(path: str, batch_bytes: int) -> Iterator[tuple]:
    """Tasks of about ``batch_bytes`` of input each, as the worker will read
    them: ("files", [paths]) for a directory, ("archive", path, start, end)
    for a byte range of whole lines of a JSON Lines archive."""
    path = os.path.abspath(path)
    if os.path.isdir(path):
        batch: List[str] = []
        size = 0
        for name in sorted(os.listdir(path)):
            if name.endswith(".txt"):
                batch.append(os.path.join(path, name))
                size += os.path.getsize(batch[-1])
                if size >= batch_bytes:
                    yield ("files", batch)
                    batch, size = [], 0
        if batch:
            yield ("files", batch)
        return
    total = os.path.getsize(path)
    with open(path, "rb") as f:
        start = 0
        while start < total:
            f.seek(min(start + batch_bytes, total))
            f.readline()  # to the end of the line
            end = min(f.tell(), total)
            yield ("archive", path, start, end)
            start = end


def read_task(task: tuple) -> List[Doc]:
    """The documents of a task of plan()."""
    if task[0] == "data":
        return task[1]
    if task[0] == "files":
        docs = []
        for p in task[1]:
            with open(p, "rb") as f:
                docs.append((os.path.basename(p), f.read()))
        return docs
    _, path, start, end = task
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read(end - start)
    docs, offset = [], start
    for line in data.splitlines(True):
        if line.strip():
            try:
                obj = json.loads(line)
                docs.append((str(obj["id"]), obj["text"]))
            except (ValueError, KeyError, TypeError) as e:
                raise ValueError(f"{path}: byte {offset}: not a {{\"id\", \"text\"}} object: {e}") from None
        offset += len(line)
    return docs


# ---- the work of one batch (runs on a worker) -------------------------------------------------

PLUGIN_NAME = "libearnings-engine"

#: command -> (parse stages, JSON part): as `earnings facts` and `earnings figures`
RECORDS = {"facts": (None, "facts"), "figures": (("figures",), "figures")}


def extract(engine, batch: Sequence[Doc], records: str) -> Tuple[bytes, int, int, int]:
    """JSON Lines of the records of each document, with its id first as
    "source"; and the number of documents, bytes and records."""
    stages, part = RECORDS[records]
    out = []
    nbytes = nrecords = 0
    for doc_id, text in batch:
        with engine.parse(text, stages=stages) as doc:
            lines = doc.to_json_bytes(part, lines=True)
            nbytes += len(doc.data)  # the UTF-8 input
        prefix = b'{"source":' + json.dumps(doc_id, ensure_ascii=False).encode("utf-8") + b","
        for line in lines.splitlines():
            out.append(prefix + line[1:] + b"\n")
        nrecords += lines.count(b"\n")
    return b"".join(out), len(batch), nbytes, nrecords


def extract_on_worker(task: tuple, records: str) -> Tuple[bytes, int, int, int]:
    """extract() of a task, with the engine the worker plugin built when the worker started."""
    from distributed import get_worker
    return extract(get_worker().plugins[PLUGIN_NAME].engine, read_task(task), records)


def engine_plugin(library: Optional[str], lexicons: Sequence[str]):
    """A WorkerPlugin that loads libearnings and builds one Engine per worker."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class EnginePlugin(WorkerPlugin):
        name = PLUGIN_NAME

        def __init__(self) -> None:
            self.library, self.lexicons, self.engine = library, tuple(lexicons), None

        def setup(self, worker) -> None:
            le = _import_libearnings()
            if self.library:
                le.load_library(self.library)
            if self.lexicons:
                with le.Lexicon(*self.lexicons) as lex:
                    self.engine = le.Engine(lexicon=lex)
            else:
                self.engine = le.Engine()

        def teardown(self, worker) -> None:
            if self.engine is not None:
                self.engine.close()

    return EnginePlugin()


# ---- driver ---------------------------------------------------------------------------------


def main(argv: Optional[List[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="a directory of .txt files or a JSON Lines archive ({\"id\",\"text\"})")
    p.add_argument("--workers", type=int, default=2,
                   help="local worker processes (LocalCluster on 127.0.0.1); 0: no Dask, this process")
    p.add_argument("--scheduler", help="address of a running Dask scheduler (instead of --workers)")
    p.add_argument("--records", choices=sorted(RECORDS), default="facts")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.add_argument("--batch-mb", type=float, default=1.0, help="megabytes of input per task (default 1)")
    p.add_argument("--shared-fs", action="store_true",
                   help="with --scheduler: the workers can read INPUT at the same path (implied locally)")
    p.add_argument("--inflight", type=int, default=4, help="batches queued per worker (default 4)")
    p.add_argument("--library", help="libearnings.so.0 to load (default: LIBEARNINGS_LIBRARY or the search path)")
    p.add_argument("--lexicon", action="append", default=[], help="extra lexicon file (repeatable)")
    args = p.parse_args(argv)
    if args.workers < 0 or args.inflight < 1 or args.batch_mb <= 0:
        p.error("--workers must be >= 0, --inflight >= 1, --batch-mb > 0")

    le = _import_libearnings()
    if args.library:
        os.environ["LIBEARNINGS_LIBRARY"] = os.path.abspath(args.library)
    if not os.path.exists(args.input):
        p.error(f"{args.input}: no such file or directory")
    out = open(args.output, "wb") if args.output else sys.stdout.buffer
    tasks = plan(args.input, int(args.batch_mb * 1e6))
    ndocs = nbytes = nrecords = 0
    started = time.perf_counter()
    setup_seconds = 0.0
    client = cluster = None
    try:
        if args.scheduler is None and args.workers == 0:
            with le.Engine() if not args.lexicon else _engine_with(le, args.lexicon) as engine:
                for task in tasks:
                    data, d, b, r = extract(engine, read_task(task), args.records)
                    out.write(data)
                    ndocs, nbytes, nrecords = ndocs + d, nbytes + b, nrecords + r
            nworkers = 0
        else:
            import dask
            from distributed import Client, LocalCluster
            if args.scheduler:
                client = Client(args.scheduler)
            else:
                # Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which
                # makes glibc return memory to the system so eagerly that parsing
                # runs ~1.4x slower (many small allocations); keep glibc's default.
                env = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
                env.pop("MALLOC_TRIM_THRESHOLD_", None)
                with dask.config.set({"distributed.nanny.pre-spawn-environ": env}):
                    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                           processes=True, host="127.0.0.1", dashboard_address=None)
                client = Client(cluster)
            shared = cluster is not None or args.shared_fs
            client.register_worker_plugin(engine_plugin(args.library, args.lexicon), name=PLUGIN_NAME)
            nworkers = len(client.scheduler_info()["workers"])
            setup_seconds = time.perf_counter() - started
            started = time.perf_counter()
            window = collections.deque()
            limit = max(1, nworkers) * args.inflight
            for task in tasks:
                if not shared:  # read here; the data go straight to a worker, not through the scheduler
                    [data] = client.scatter([("data", read_task(task))], hash=False)
                    task = data
                window.append(client.submit(extract_on_worker, task, args.records, pure=False))
                if len(window) >= limit:  # write in input order, keep memory bounded
                    data, d, b, r = window.popleft().result()
                    out.write(data)
                    ndocs, nbytes, nrecords = ndocs + d, nbytes + b, nrecords + r
            while window:
                data, d, b, r = window.popleft().result()
                out.write(data)
                ndocs, nbytes, nrecords = ndocs + d, nbytes + b, nrecords + r
        out.flush()
    finally:
        if args.output:
            out.close()
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    seconds = time.perf_counter() - started
    summary = {"documents": ndocs, args.records: nrecords, "bytes": nbytes, "workers": nworkers,
               "seconds": round(seconds, 3), "mb_per_s": round(nbytes / 1e6 / seconds, 2) if seconds else None,
               "setup_seconds": round(setup_seconds, 3)}
    print(json.dumps(summary), file=sys.stderr)
    return 0


def _engine_with(le, lexicons):
    with le.Lexicon(*lexicons) as lex:
        return le.Engine(lexicon=lex)


if __name__ == "__main__":
    sys.exit(main())
