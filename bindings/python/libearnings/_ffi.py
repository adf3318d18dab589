"""The ctypes layer: finding libearnings, mirroring its public structs and
declaring its functions. Nothing else happens here.

To wrap a new C function, add one line to ``_FUNCTIONS``; to mirror a new
record struct, add a ``Structure`` and its ``earnings_struct_id`` to
``STRUCTS`` (the load-time and test-time layout checks then cover it).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from ctypes import (POINTER, Structure, c_char_p, c_double, c_int, c_int32, c_int64, c_size_t,
                    c_uint, c_uint32, c_void_p)
from typing import Callable, List, Optional, Tuple

from . import _errors

# ---- what this binding was written against ---------------------------------

#: Oldest library accepted: 0.1.0 (EARNINGS_VERSION_NUMBER = M*10000 + m*100 + p).
MIN_VERSION_NUMBER = 100
#: Major version of the ABI (the SONAME is libearnings.so.<major> in the 0.x series).
ABI_MAJOR = 0
SONAME = "libearnings.so.0"

# Versions of the options structs mirrored below (the *_OPTIONS_VERSION macros).
NORMALIZE_OPTIONS_VERSION = 1
ENGINE_OPTIONS_VERSION = 1
PARSE_OPTIONS_VERSION = 1

# ---- mirrored structs (include/earnings/*.h) --------------------------------


class Span(Structure):
    """``earnings_span``"""
    _fields_ = [("start", c_size_t), ("end", c_size_t)]


class Buf(Structure):
    """``earnings_buf``"""
    _fields_ = [("ptr", c_void_p), ("size", c_size_t)]


class Error(Structure):
    """``earnings_error``"""
    _fields_ = [("code", c_int), ("message", c_char_p), ("byte_offset", c_int64)]


class NormalizeOptions(Structure):
    """``earnings_normalize_options``"""
    _fields_ = [("version", c_uint), ("flags", c_uint32)]


class Token(Structure):
    """``earnings_token``"""
    _fields_ = [("span", Span), ("norm", Span), ("type", c_int32), ("script", c_int32),
                ("flags", c_uint32), ("sentence", c_uint32)]


class Sentence(Structure):
    """``earnings_sentence``"""
    _fields_ = [("span", Span), ("norm", Span), ("first_token", c_size_t),
                ("token_count", c_size_t)]


class EngineOptions(Structure):
    """``earnings_engine_options``"""
    _fields_ = [("version", c_uint), ("flags", c_uint32)]


class ParseOptions(Structure):
    """``earnings_parse_options``"""
    _fields_ = [("version", c_uint), ("flags", c_uint32), ("normalize_flags", c_uint32)]


class Figure(Structure):
    """``earnings_figure``"""
    _fields_ = [("span", Span), ("norm", Span), ("kind", c_int32), ("is_range", c_int32),
                ("value", c_double), ("low", c_double), ("high", c_double),
                ("value_exact", c_char_p), ("low_exact", c_char_p), ("high_exact", c_char_p),
                ("unit", c_char_p), ("qualifier", c_int32), ("direction", c_int32),
                ("comparison", c_int32), ("lang", c_int32), ("period", c_char_p),
                ("flags", c_uint32), ("num", Span), ("num_high", Span)]


class Entity(Structure):
    """``earnings_entity``"""
    _fields_ = [("span", Span), ("norm", Span), ("type", c_int32), ("match", c_int32),
                ("distance", c_int32), ("flags", c_uint32), ("id", c_char_p), ("name", c_char_p),
                ("lang", c_char_p), ("role", c_char_p), ("ticker", c_char_p),
                ("exchange", c_char_p)]


class Fact(Structure):
    """``earnings_fact``"""
    _fields_ = [("span", Span), ("sentence", Span), ("text", c_char_p), ("entity_id", c_char_p),
                ("entity_name", c_char_p), ("metric_id", c_char_p), ("metric_name", c_char_p),
                ("period", c_char_p), ("period_inferred", c_int32), ("kind", c_int32),
                ("is_range", c_int32), ("value", c_double), ("low", c_double), ("high", c_double),
                ("value_exact", c_char_p), ("low_exact", c_char_p), ("high_exact", c_char_p),
                ("unit", c_char_p), ("qualifier", c_int32), ("direction", c_int32),
                ("comparison", c_int32), ("basis", c_int32), ("basis_detail", c_char_p),
                ("confidence", c_double), ("precision", c_double), ("figure", c_size_t),
                ("lang", c_int32), ("entity_span", Span), ("metric_span", Span)]


class FactGroup(Structure):
    """``earnings_fact_group``"""
    _fields_ = [("verdict", c_int32), ("member_count", c_size_t), ("members", POINTER(c_size_t)),
                ("side_count", c_size_t), ("member_side", POINTER(c_size_t))]


class NameSpelling(Structure):
    """``earnings_name_spelling``"""
    _fields_ = [("source", c_char_p), ("text", c_char_p), ("match", c_int32),
                ("distance", c_int32), ("count", c_size_t)]


class PersonNames(Structure):
    """``earnings_person_names``"""
    _fields_ = [("id", c_char_p), ("name", c_char_p), ("has_variants", c_int32),
                ("spelling_count", c_size_t), ("spellings", POINTER(NameSpelling))]


#: earnings_struct_id -> mirror. Record structs may grow (fields are only
#: appended), so at load the library's size must be at least the mirror's;
#: the tests require equality, to notice when a mirror falls behind.
STRUCTS = {
    1: Span,              # EARNINGS_STRUCT_SPAN
    2: Buf,               # EARNINGS_STRUCT_BUF
    3: Error,             # EARNINGS_STRUCT_ERROR
    4: NormalizeOptions,  # EARNINGS_STRUCT_NORMALIZE_OPTIONS
    5: Token,             # EARNINGS_STRUCT_TOKEN
    6: Sentence,          # EARNINGS_STRUCT_SENTENCE
    7: EngineOptions,     # EARNINGS_STRUCT_ENGINE_OPTIONS
    8: ParseOptions,      # EARNINGS_STRUCT_PARSE_OPTIONS
    9: Figure,            # EARNINGS_STRUCT_FIGURE
    10: Entity,           # EARNINGS_STRUCT_ENTITY
    11: Fact,             # EARNINGS_STRUCT_FACT
    12: FactGroup,        # EARNINGS_STRUCT_FACT_GROUP
    13: NameSpelling,     # EARNINGS_STRUCT_NAME_SPELLING
    14: PersonNames,      # EARNINGS_STRUCT_PERSON_NAMES
}

# ---- functions ----------------------------------------------------------------

#: Marks a function returning an ``int`` status: ``rc < 0`` raises (see _check).
RC = "rc"

_FUNCTIONS: List[Tuple[str, object, list]] = [
    # common.h, version.h, errors.h
    ("earnings_version_number", c_uint, []),
    ("earnings_version_string", c_char_p, []),
    ("earnings_struct_size", c_size_t, [c_int32]),
    ("earnings_buf_dispose", None, [POINTER(Buf)]),
    ("earnings_error_last", POINTER(Error), []),
    ("earnings_error_clear", None, []),
    ("earnings_strerror", c_char_p, [c_int]),
    # normalize.h
    ("earnings_normalize_options_init", RC, [POINTER(NormalizeOptions), c_uint]),
    ("earnings_normalize", RC, [POINTER(c_void_p), c_char_p, c_size_t, POINTER(NormalizeOptions)]),
    ("earnings_normalized_free", None, [c_void_p]),
    ("earnings_normalized_text", c_void_p, [c_void_p, POINTER(c_size_t)]),
    ("earnings_normalized_original_size", c_size_t, [c_void_p]),
    ("earnings_normalized_is_identity", c_int, [c_void_p]),
    ("earnings_normalized_map_span", RC, [c_void_p, c_size_t, c_size_t, POINTER(Span)]),
    # tokenize.h
    ("earnings_token_type_name", c_char_p, [c_int32]),
    ("earnings_script_name", c_char_p, [c_int32]),
    # document.h
    ("earnings_engine_options_init", RC, [POINTER(EngineOptions), c_uint]),
    ("earnings_engine_new", RC, [POINTER(c_void_p), POINTER(EngineOptions)]),
    ("earnings_engine_free", None, [c_void_p]),
    ("earnings_parse_options_init", RC, [POINTER(ParseOptions), c_uint]),
    ("earnings_parse", RC, [POINTER(c_void_p), c_void_p, c_char_p, c_size_t, POINTER(ParseOptions)]),
    ("earnings_doc_free", None, [c_void_p]),
    ("earnings_doc_text", c_void_p, [c_void_p, POINTER(c_size_t)]),
    ("earnings_doc_normalized", c_void_p, [c_void_p, POINTER(c_size_t)]),
    ("earnings_doc_normalization", c_void_p, [c_void_p]),
    ("earnings_doc_token_count", c_size_t, [c_void_p]),
    ("earnings_doc_token", c_void_p, [c_void_p, c_size_t]),
    ("earnings_doc_sentence_count", c_size_t, [c_void_p]),
    ("earnings_doc_sentence", c_void_p, [c_void_p, c_size_t]),
    ("earnings_doc_to_json", RC, [c_void_p, c_uint32, POINTER(Buf)]),
    # figures.h (the accessors are in document.h)
    ("earnings_doc_figure_count", c_size_t, [c_void_p]),
    ("earnings_doc_figure", c_void_p, [c_void_p, c_size_t]),
    ("earnings_figure_kind_name", c_char_p, [c_int32]),
    ("earnings_figure_qualifier_name", c_char_p, [c_int32]),
    ("earnings_figure_direction_name", c_char_p, [c_int32]),
    ("earnings_figure_comparison_name", c_char_p, [c_int32]),
    ("earnings_figure_lang_name", c_char_p, [c_int32]),
    # entities.h
    ("earnings_entity_type_name", c_char_p, [c_int32]),
    ("earnings_entity_match_name", c_char_p, [c_int32]),
    ("earnings_doc_entity_count", c_size_t, [c_void_p]),
    ("earnings_doc_entity", c_void_p, [c_void_p, c_size_t]),
    ("earnings_entity_lookup", RC, [c_void_p, c_char_p, POINTER(c_int32), POINTER(c_char_p)]),
    ("earnings_lexicon_new", RC, [POINTER(c_void_p)]),
    ("earnings_lexicon_free", None, [c_void_p]),
    ("earnings_lexicon_add_buffer", RC, [c_void_p, c_char_p, c_size_t, c_char_p]),
    ("earnings_lexicon_add_file", RC, [c_void_p, c_char_p]),
    ("earnings_lexicon_entry_count", c_size_t, [c_void_p]),
    ("earnings_engine_new_with_lexicon", RC, [POINTER(c_void_p), POINTER(EngineOptions), c_void_p]),
    # facts.h
    ("earnings_fact_kind_name", c_char_p, [c_int32]),
    ("earnings_fact_basis_name", c_char_p, [c_int32]),
    ("earnings_fact_verdict_name", c_char_p, [c_int32]),
    ("earnings_doc_fact_count", c_size_t, [c_void_p]),
    ("earnings_doc_fact", c_void_p, [c_void_p, c_size_t]),
    ("earnings_factset_new", RC, [POINTER(c_void_p)]),
    ("earnings_factset_free", None, [c_void_p]),
    ("earnings_factset_add_doc", RC, [c_void_p, c_void_p, c_char_p]),
    ("earnings_factset_count", c_size_t, [c_void_p]),
    ("earnings_factset_fact", c_void_p, [c_void_p, c_size_t, POINTER(c_char_p)]),
    ("earnings_factset_filter", RC, [c_void_p, c_char_p, c_char_p, c_char_p, c_int32,
                                     POINTER(c_size_t), c_size_t, POINTER(c_size_t)]),
    ("earnings_factset_reconcile", RC, [c_void_p]),
    ("earnings_factset_group_count", c_size_t, [c_void_p]),
    ("earnings_factset_group", POINTER(FactGroup), [c_void_p, c_size_t]),
    ("earnings_factset_person_count", c_size_t, [c_void_p]),
    ("earnings_factset_person", POINTER(PersonNames), [c_void_p, c_size_t]),
    ("earnings_factset_to_json", RC, [c_void_p, POINTER(Buf)]),
]


class Library:
    """A loaded libearnings: the ``ctypes.CDLL`` with every function of
    ``_FUNCTIONS`` declared as an attribute of the same name."""

    def __init__(self, cdll: ctypes.CDLL, path: str) -> None:
        self.cdll = cdll
        self.path = path
        for name, restype, argtypes in _FUNCTIONS:
            fn = getattr(cdll, name)
            fn.argtypes = argtypes
            if restype is RC:
                fn.restype = c_int
                fn.errcheck = self._check
            else:
                fn.restype = restype
            setattr(self, name, fn)
        self.version_number = int(self.earnings_version_number())
        self.version_string = self.earnings_version_string().decode("ascii", "replace")

    def _check(self, rc: int, func: Callable, args: tuple) -> int:
        """errcheck of every ``int``-returning function: raise on ``rc < 0``
        with the calling thread's ``earnings_error_last()`` (ctypes runs the
        call and this check on the same OS thread)."""
        if rc < 0:
            raise self.last_error(rc)
        return rc

    def last_error(self, rc: int) -> "_errors.LibearningsError":
        """The exception for status ``rc``, from ``earnings_error_last()``."""
        e = self.earnings_error_last().contents
        if e.code == rc and e.message:
            message = e.message.decode("utf-8", "replace")
            offset = int(e.byte_offset) if e.byte_offset >= 0 else None
        else:  # no detail recorded for this status (not expected)
            message, offset = self.earnings_strerror(rc).decode("utf-8", "replace"), None
        return _errors.from_code(rc, message, offset)

    def check_layout(self, exact: bool = False) -> None:
        """Compare every mirrored struct with ``earnings_struct_size()``."""
        for sid, mirror in STRUCTS.items():
            size = self.earnings_struct_size(sid)
            ours = ctypes.sizeof(mirror)
            if size < ours or (exact and size != ours):
                raise _errors.LibraryLoadError(
                    f"{self.path}: struct {mirror.__doc__.strip('`')} has {size} bytes in the "
                    f"library but {ours} in the Python mirror; the binding does not match "
                    f"this libearnings build")


# ---- finding and loading ---------------------------------------------------------

_lock = threading.Lock()
_loaded: Optional[Library] = None

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_LOCAL_NAMES = ("libearnings.so.0", "libearnings.so", "libearnings.0.dylib",
                "libearnings.dylib", "earnings.dll")


def _open(path: str) -> Library:
    cdll = ctypes.CDLL(path)
    lib = Library(cdll, path)
    v = lib.version_number
    if v < MIN_VERSION_NUMBER or v // 10000 != ABI_MAJOR:
        raise _errors.LibraryLoadError(
            f"{path}: libearnings {lib.version_string} is not supported by this binding "
            f"(needs {ABI_MAJOR}.x, at least "
            f"{MIN_VERSION_NUMBER // 10000}.{MIN_VERSION_NUMBER // 100 % 100}.{MIN_VERSION_NUMBER % 100})")
    lib.check_layout()
    return lib


def _candidates() -> List[Tuple[str, str]]:
    """(where, path-or-name) in lookup order, after the explicit argument and
    LIBEARNINGS_LIBRARY."""
    out = [("package folder", os.path.join(_PACKAGE_DIR, n)) for n in _LOCAL_NAMES]
    found = ctypes.util.find_library("earnings")
    if found:
        out.append(("ctypes.util.find_library('earnings')", found))
    out.append(("system search path", SONAME))
    if sys.platform == "darwin":
        out.append(("system search path", "libearnings.0.dylib"))
    return out


def load(path: Optional[str] = None) -> Library:
    """Load libearnings once per process and return it.

    Lookup order: ``path``; the file named by the environment variable
    ``LIBEARNINGS_LIBRARY``; the package's own folder; the system search path
    (``ctypes.util.find_library``, then ``libearnings.so.0``). An explicit
    ``path`` or ``LIBEARNINGS_LIBRARY`` that fails is an error at once (no
    silent fallback). Raises :class:`LibraryLoadError` naming every place tried.
    """
    global _loaded
    with _lock:
        if _loaded is not None:
            if path is not None and os.path.realpath(path) != os.path.realpath(_loaded.path):
                raise _errors.LibraryLoadError(
                    f"libearnings is already loaded from {_loaded.path}; cannot load {path}")
            return _loaded
        explicit = [("path argument", path)] if path is not None else []
        env = os.environ.get("LIBEARNINGS_LIBRARY")
        if not explicit and env:
            explicit = [("LIBEARNINGS_LIBRARY", env)]
        tried = []
        for where, cand in explicit or _candidates():
            if os.sep in cand and not os.path.exists(cand):
                tried.append(f"  {where}: {cand}: no such file")
                if explicit:
                    break
                continue
            try:
                _loaded = _open(cand)
                return _loaded
            except OSError as exc:  # also LibraryLoadError (an OSError)
                tried.append(f"  {where}: {cand}: {exc}")
                if explicit or isinstance(exc, _errors.LibraryLoadError):
                    break
        raise _errors.LibraryLoadError("cannot load libearnings; tried:\n" + "\n".join(tried))


def lib() -> Library:
    """The loaded library (loading it on first use)."""
    return _loaded if _loaded is not None else load()
