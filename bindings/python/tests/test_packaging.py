"""The in-tree build backend: wheel, sdist, editable, and a pip install."""

import base64
import hashlib
import importlib
import os
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zipfile

from _support import PACKAGE_ROOT


def backend():
    sys.path.insert(0, str(PACKAGE_ROOT / "_build"))
    try:
        return importlib.import_module("earnings_build_backend")
    finally:
        sys.path.pop(0)


class TestBackend(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.b = backend()

    def test_no_build_requirements(self):
        self.assertEqual(self.b.get_requires_for_build_wheel(), [])
        self.assertEqual(self.b.get_requires_for_build_sdist(), [])

    def test_wheel(self):
        name = self.b.build_wheel(self.tmp.name)
        self.assertEqual(name, "libearnings-0.1.0-py3-none-any.whl")
        with zipfile.ZipFile(os.path.join(self.tmp.name, name)) as z:
            names = set(z.namelist())
            for f in ("libearnings/__init__.py", "libearnings/__main__.py", "libearnings/_ffi.py",
                      "libearnings/py.typed", "libearnings-0.1.0.dist-info/METADATA",
                      "libearnings-0.1.0.dist-info/WHEEL", "libearnings-0.1.0.dist-info/RECORD"):
                self.assertIn(f, names)
            self.assertFalse(any("__pycache__" in n or "tests/" in n for n in names))
            record = z.read("libearnings-0.1.0.dist-info/RECORD").decode().splitlines()
            self.assertEqual(len(record), len(names))
            for line in record:
                path, digest, size = line.rsplit(",", 2)
                if digest:
                    data = z.read(path)
                    want = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
                    self.assertEqual(digest, "sha256=" + want.decode())
                    self.assertEqual(int(size), len(data))
            meta = z.read("libearnings-0.1.0.dist-info/METADATA").decode()
            self.assertIn("Name: libearnings\n", meta)
            self.assertIn("Version: 0.1.0\n", meta)

    def test_wheel_is_reproducible(self):
        a = os.path.join(self.tmp.name, "a")
        b = os.path.join(self.tmp.name, "b")
        os.mkdir(a)
        os.mkdir(b)
        na, nb = self.b.build_wheel(a), self.b.build_wheel(b)
        with open(os.path.join(a, na), "rb") as fa, open(os.path.join(b, nb), "rb") as fb:
            self.assertEqual(fa.read(), fb.read())

    def test_sdist_and_editable(self):
        name = self.b.build_sdist(self.tmp.name)
        with tarfile.open(os.path.join(self.tmp.name, name)) as t:
            names = t.getnames()
        self.assertIn("libearnings-0.1.0/pyproject.toml", names)
        self.assertIn("libearnings-0.1.0/_build/earnings_build_backend.py", names)
        self.assertIn("libearnings-0.1.0/libearnings/_api.py", names)
        self.assertIn("libearnings-0.1.0/PKG-INFO", names)
        name = self.b.build_editable(self.tmp.name)
        with zipfile.ZipFile(os.path.join(self.tmp.name, name)) as z:
            pth = z.read("_libearnings_editable.pth").decode().strip()
        self.assertEqual(pth, str(PACKAGE_ROOT))

    def test_mini_toml_reader_matches_tomllib(self):
        try:
            import tomllib
        except ImportError:
            self.skipTest("no tomllib (Python < 3.11)")
        text = (PACKAGE_ROOT / "pyproject.toml").read_text()
        self.assertEqual(self.b._mini_toml(text), tomllib.loads(text))


class TestPipInstall(unittest.TestCase):
    def test_pip_install_no_build_isolation_no_index(self):
        if subprocess.run([sys.executable, "-m", "pip", "--version"],
                          capture_output=True).returncode != 0:
            self.skipTest("pip is not available")
        with tempfile.TemporaryDirectory() as tmp:
            target = os.path.join(tmp, "site")
            r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-build-isolation",
                                "--no-index", "--no-cache-dir", "--disable-pip-version-check",
                                "--target", target, str(PACKAGE_ROOT)],
                               capture_output=True, text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr)
            env = dict(os.environ, PYTHONPATH=target)
            r = subprocess.run([sys.executable, "-c",
                                "import libearnings, sys\n"
                                "assert libearnings.__file__.startswith(sys.argv[1]), libearnings.__file__\n"
                                "with libearnings.Engine() as e, e.parse('AWS营收３３０亿') as d:\n"
                                "    print(len(d.tokens))", target],
                               capture_output=True, text=True, cwd=tmp, env=env, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout.strip(), "5")


if __name__ == "__main__":
    unittest.main()
