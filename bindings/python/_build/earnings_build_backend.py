"""A minimal PEP 517 / PEP 660 build backend, standard library only.

It builds a pure-Python wheel (py3-none-any) of the ``libearnings`` package
next to pyproject.toml, an sdist, and an editable wheel (a .pth file), so
that ``pip install --no-build-isolation --no-index bindings/python`` works on
an interpreter without setuptools, wheel or network access. Metadata comes
from the [project] table of pyproject.toml (read with tomllib when the
interpreter has it, else by the small reader below, enough for this file).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "libearnings"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed zip timestamps: reproducible wheels


def _project():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        raw = f.read()
    try:
        import tomllib  # Python 3.11+
        return tomllib.loads(raw.decode("utf-8"))
    except ImportError:
        return _mini_toml(raw.decode("utf-8"))


def _mini_toml(text):
    """Tables, string values, string arrays and inline tables of strings:
    enough for this pyproject.toml on Pythons without tomllib (< 3.11)."""
    data = table = {}
    pending = ""
    for raw in text.splitlines():
        line = pending + " " + _strip_comment(raw) if pending else _strip_comment(raw)
        if not line:
            continue
        if line.count("[") > line.count("]"):  # an array spanning lines
            pending = line
            continue
        pending = ""
        m = re.match(r"^\[([^\]]+)\]$", line)
        if m:
            table = data
            for part in m.group(1).split("."):
                table = table.setdefault(part.strip(), {})
            continue
        key, _, value = (s.strip() for s in line.partition("="))
        table[key.strip('"')] = _mini_value(value)
    return data


def _strip_comment(line):
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == "#" and not quoted:
            return line[:i].strip()
    return line.strip()


def _mini_value(v):
    if v.startswith('"'):
        return v[1:-1]
    if v.startswith("["):
        return re.findall(r'"([^"]*)"', v)
    if v.startswith("{"):
        return dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', v))
    return v


def _metadata():
    p = _project()["project"]
    lines = ["Metadata-Version: 2.1", f"Name: {p['name']}", f"Version: {p['version']}",
             f"Summary: {p.get('description', '')}"]
    if "requires-python" in p:
        lines.append(f"Requires-Python: {p['requires-python']}")
    lic = p.get("license", {})
    if isinstance(lic, dict) and "text" in lic:
        lines.append(f"License: {lic['text']}")
    for c in p.get("classifiers", []):
        lines.append(f"Classifier: {c}")
    return p["name"], p["version"], "\n".join(lines) + "\n"


def _entry_points():
    scripts = _project()["project"].get("scripts", {})
    if not scripts:
        return None
    return "[console_scripts]\n" + "".join(f"{k} = {v}\n" for k, v in scripts.items())


def _package_files():
    base = os.path.join(ROOT, PACKAGE)
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".py", ".typed", ".so", ".dylib", ".dll")) or ".so." in name:
                full = os.path.join(dirpath, name)
                yield full, os.path.relpath(full, ROOT).replace(os.sep, "/")


def _dist_name(name):
    return re.sub(r"[-_.]+", "_", name).lower()


class _Wheel:
    def __init__(self, directory, name, version):
        self.filename = f"{_dist_name(name)}-{version}-py3-none-any.whl"
        self.dist_info = f"{_dist_name(name)}-{version}.dist-info"
        self.zip = zipfile.ZipFile(os.path.join(directory, self.filename), "w",
                                   zipfile.ZIP_DEFLATED)
        self.records = []

    def add(self, arcname, data, mode=0o644):
        info = zipfile.ZipInfo(arcname, _EPOCH)
        info.external_attr = (0o100000 | mode) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        self.records.append(f"{arcname},sha256={digest},{len(data)}")

    def finish(self, metadata, entry_points):
        self.add(f"{self.dist_info}/METADATA", metadata.encode("utf-8"))
        self.add(f"{self.dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: earnings_build_backend\n"
                 b"Root-Is-Purelib: true\nTag: py3-none-any\n")
        if entry_points:
            self.add(f"{self.dist_info}/entry_points.txt", entry_points.encode("utf-8"))
        self.add(f"{self.dist_info}/top_level.txt", (PACKAGE + "\n").encode())
        record = f"{self.dist_info}/RECORD"
        self.records.append(f"{record},,")
        info = zipfile.ZipInfo(record, _EPOCH)
        info.external_attr = 0o100644 << 16
        self.zip.writestr(info, "\n".join(self.records) + "\n")
        self.zip.close()
        return self.filename


# ---- PEP 517 hooks -----------------------------------------------------------------


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    name, version, metadata = _metadata()
    dist_info = f"{_dist_name(name)}-{version}.dist-info"
    os.makedirs(os.path.join(metadata_directory, dist_info), exist_ok=True)
    with open(os.path.join(metadata_directory, dist_info, "METADATA"), "w", encoding="utf-8") as f:
        f.write(metadata)
    ep = _entry_points()
    if ep:
        with open(os.path.join(metadata_directory, dist_info, "entry_points.txt"), "w") as f:
            f.write(ep)
    return dist_info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    name, version, metadata = _metadata()
    wheel = _Wheel(wheel_directory, name, version)
    for full, arcname in _package_files():
        with open(full, "rb") as f:
            mode = 0o755 if os.access(full, os.X_OK) and ".so" in arcname else 0o644
            wheel.add(arcname, f.read(), mode)
    return wheel.finish(metadata, _entry_points())


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    name, version, metadata = _metadata()
    wheel = _Wheel(wheel_directory, name, version)
    wheel.add(f"_{_dist_name(name)}_editable.pth", (ROOT + "\n").encode("utf-8"))
    return wheel.finish(metadata, _entry_points())


def build_sdist(sdist_directory, config_settings=None):
    name, version, _ = _metadata()
    base = f"{_dist_name(name)}-{version}"
    filename = base + ".tar.gz"
    files = [(os.path.join(ROOT, "pyproject.toml"), "pyproject.toml"),
             (os.path.abspath(__file__), "_build/" + os.path.basename(__file__))]
    files += list(_package_files())
    tests = os.path.join(ROOT, "tests")
    if os.path.isdir(tests):
        files += [(os.path.join(tests, n), "tests/" + n) for n in sorted(os.listdir(tests))
                  if n.endswith(".py")]
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for full, arc in files:
            info = tar.gettarinfo(full, f"{base}/{arc}")
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = int(time.time())
            with open(full, "rb") as f:
                tar.addfile(info, f)
        pkg_info = _metadata()[2].encode("utf-8")
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        info.size = len(pkg_info)
        info.mtime = int(time.time())
        tar.addfile(info, io.BytesIO(pkg_info))
    return filename
