"""Shared set-up of the Python tests.

Environment (set by bindings/run_tests.sh):
  LIBEARNINGS_LIBRARY  the libearnings.so.0 to test (else the normal lookup)
  EARNINGS_CLI         the `earnings` command-line tool, for agreement tests
  EARNINGS_CORPUS      the sample corpus (default: ../shared/corpus next to the repo)
"""

import os
import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE_ROOT = HERE.parent            # bindings/python
REPO = PACKAGE_ROOT.parent.parent     # the repository root
if str(PACKAGE_ROOT) not in sys.path:
    sys.path.insert(0, str(PACKAGE_ROOT))

import libearnings  # noqa: E402

SAMPLE = "AWS营收３３０亿美元，同比增长２０．２％。Amazon’s revenue rose 20% year-over-year to $33.0B.\n"


def corpus_files():
    d = Path(os.environ.get("EARNINGS_CORPUS") or REPO.parent / "shared" / "corpus")
    files = sorted(p for p in d.glob("*.txt")) if d.is_dir() else []
    if not files:
        raise unittest.SkipTest(f"no corpus at {d} (set EARNINGS_CORPUS)")
    return files


def cli():
    path = os.environ.get("EARNINGS_CLI")
    if not path:
        raise unittest.SkipTest("EARNINGS_CLI is not set")
    if not os.access(path, os.X_OK):
        raise AssertionError(f"EARNINGS_CLI={path} is not an executable")
    return path


def child_env(**extra):
    """Environment for a child Python that imports the package from the tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(PACKAGE_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env
