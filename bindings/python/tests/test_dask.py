"""examples/scale/extract_dask.py: two Dask workers on loopback give the
same facts as a single process (and as `earnings facts`).

Needs dask and distributed in the running interpreter (Debian:
apt-get install python3-dask python3-distributed, then run this file with
/usr/bin/python3; bindings/run_tests.sh does so when they import there).
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

from _support import REPO, child_env, corpus_files, libearnings

try:
    import dask  # noqa: F401
    import distributed  # noqa: F401
    MISSING = None
except ImportError as e:  # pragma: no cover - depends on the interpreter
    MISSING = (f"dask/distributed not importable by {sys.executable} ({e}); "
               f"Debian: apt-get install python3-dask python3-distributed, then run with /usr/bin/python3")

SCRIPT = REPO / "examples" / "scale" / "extract_dask.py"
ARCHIVE = REPO / "examples" / "scale" / "make_archive.py"


def single_process(files, copies=1, ids=None):
    """The expected output, computed here with the binding directly."""
    out = []
    with libearnings.Engine() as engine:
        for c in range(copies):
            for path in files:
                doc_id = ids(c, path) if ids else path.name
                with engine.parse(path.read_bytes()) as doc:
                    for line in doc.to_json_bytes("facts", lines=True).splitlines():
                        obj = json.loads(line)
                        out.append(dict(source=doc_id, **obj))
    return out


@unittest.skipIf(MISSING, MISSING)
class TestDask(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.files = corpus_files()
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_script(self, *args):
        out = os.path.join(self.tmp.name, "out.jsonl")
        r = subprocess.run([sys.executable, str(SCRIPT), *map(str, args), "-o", out],
                           capture_output=True, timeout=300, env=child_env())
        self.assertEqual(r.returncode, 0, r.stderr.decode(errors="replace"))
        summary = json.loads(r.stderr.decode().strip().splitlines()[-1])
        with open(out, "rb") as f:
            return f.read(), summary

    def test_two_workers_equal_a_single_process_on_the_corpus(self):
        corpus = self.files[0].parent
        data, summary = self.run_script(corpus, "--workers", 2)
        lines = [json.loads(x) for x in data.splitlines()]
        self.assertEqual(lines, single_process(self.files))
        self.assertGreater(len(lines), 0)
        self.assertEqual((summary["workers"], summary["documents"], summary["facts"]),
                         (2, len(self.files), len(lines)))
        self.assertEqual(summary["bytes"], sum(p.stat().st_size for p in self.files))
        self.assertGreater(summary["mb_per_s"], 0)
        # --workers 0 (no Dask) is the same, byte for byte
        self.assertEqual(self.run_script(corpus, "--workers", 0)[0], data)
        cli = os.environ.get("EARNINGS_CLI")
        if cli:  # and both are what `earnings facts` prints
            r = subprocess.run([cli, "facts", *map(str, self.files)], capture_output=True, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(data, r.stdout)

    def test_json_lines_archive_in_many_small_batches(self):
        archive = os.path.join(self.tmp.name, "corpus3.jsonl")
        r = subprocess.run([sys.executable, str(ARCHIVE), str(self.files[0].parent), "3", archive],
                           capture_output=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        data, summary = self.run_script(archive, "--workers", 2, "--batch-mb", 0.05, "--inflight", 1)
        want = single_process(self.files, 3, lambda c, p: f"{c:04d}/{p.name}")
        self.assertEqual([json.loads(x) for x in data.splitlines()], want)
        self.assertEqual((summary["documents"], summary["facts"]), (3 * len(self.files), len(want)))

    def test_running_scheduler_without_a_shared_file_system(self):
        # --scheduler: the documents are read here and scattered to the workers
        import warnings
        from distributed import LocalCluster
        with warnings.catch_warnings():  # tornado's make_current, in this Dask version
            warnings.simplefilter("ignore", DeprecationWarning)
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None)
        with cluster:
            data, summary = self.run_script(self.files[0].parent, "--scheduler",
                                            cluster.scheduler_address, "--batch-mb", 0.03)
        self.assertEqual([json.loads(x) for x in data.splitlines()], single_process(self.files))
        self.assertEqual(summary["workers"], 2)

    def test_figures(self):
        corpus = self.files[0].parent
        data, summary = self.run_script(corpus, "--workers", 2, "--records", "figures")
        want = []
        with libearnings.Engine() as engine:
            for p in self.files:
                with engine.parse(p.read_bytes(), stages="figures") as doc:
                    want += [dict(source=p.name, **f.to_dict()) for f in doc.figures]
        self.assertEqual([json.loads(x) for x in data.splitlines()], want)
        self.assertEqual(summary["figures"], len(want))


if __name__ == "__main__":
    unittest.main()
