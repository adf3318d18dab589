"""Handles: Engine, Document, Normalized, and the module-level functions."""

from __future__ import annotations

import json
import weakref
import os
from ctypes import byref, c_char_p, c_int32, c_size_t, c_void_p, string_at
from typing import Any, Callable, Dict, Iterable, Optional, Tuple, Union

from . import _ffi, _text
from ._errors import ClosedError
from ._records import (FACT_KINDS, Entity, EntityInfo, Fact, FactGroup, Figure, NameSpelling,
                       PersonNames, RecordContext, Sentence, Span, Token, entity_type_name,
                       match_name, verdict_name)

# ---- flag tables (bits of the C enums) -------------------------------------------

#: earnings_parse_flag stages, by name
STAGES: Dict[str, int] = {"tokens": 1 << 0, "sentences": 1 << 1, "figures": 1 << 2,
                          "entities": 1 << 3, "facts": 1 << 4}
_PARSE_HAN_WORDS = 1 << 8

#: earnings_json_part, by name
PARTS: Dict[str, int] = {"tokens": 1 << 0, "sentences": 1 << 1, "figures": 1 << 2,
                         "entities": 1 << 3, "facts": 1 << 4}
_JSON_LINES = 1 << 16

_NORMALIZE_CASEFOLD = 1 << 0
_NORMALIZE_SIMPLIFIED = 1 << 1
_NORMALIZE_KEEP_CJK_PUNCT = 1 << 2
_NORMALIZE_REPLACE_INVALID = 1 << 3


def _normalize_flags(simplified: bool, casefold: bool, keep_cjk_punct: bool,
                     replace_invalid: bool) -> int:
    return ((_NORMALIZE_SIMPLIFIED if simplified else 0) | (_NORMALIZE_CASEFOLD if casefold else 0)
            | (_NORMALIZE_KEEP_CJK_PUNCT if keep_cjk_punct else 0)
            | (_NORMALIZE_REPLACE_INVALID if replace_invalid else 0))


def _bits(names: Union[None, str, Iterable[str]], table: Dict[str, int], what: str) -> int:
    if names is None:
        return 0
    if isinstance(names, str):
        names = (names,)
    bits = 0
    for n in names:
        if not isinstance(n, str):
            raise TypeError(f"{what} must be names (str), not {type(n).__name__}")
        try:
            bits |= table[n]
        except KeyError:
            raise ValueError(f"unknown {what} {n!r}; known: {', '.join(table)}") from None
    return bits


# ---- ownership ----------------------------------------------------------------------


def _release(free: Callable[[int], None], ptr: int, parent: Any) -> None:
    # ``parent`` is an argument only to keep the parent resource (the engine
    # of a document) alive until this child has been freed.
    free(ptr)


class _Resource:
    """Owns one C pointer. It is freed exactly once, by a ``weakref.finalize``,
    when the last reference to this object goes: a handle's ``close()`` drops
    the handle's reference (in CPython the free then happens at once unless a
    borrowed view, or another thread inside a call, still holds it), and
    garbage collection or interpreter exit covers handles never closed."""

    __slots__ = ("ptr", "parent", "__weakref__")

    def __init__(self, ptr: int, free: Optional[Callable[[int], None]],
                 parent: Optional["_Resource"] = None) -> None:
        self.ptr = ptr
        self.parent = parent  # a borrowed pointer is valid while its parent lives
        if free is not None:
            weakref.finalize(self, _release, free, ptr, parent)


class _Handle:
    """Base of the handle classes: ``close()``, ``closed``, context manager."""

    def __init__(self, res: _Resource) -> None:
        self._res: Optional[_Resource] = res

    def _live(self) -> _Resource:
        # Callers keep the returned resource in a local for the duration of
        # the C call, so a concurrent close() cannot free it under them.
        res = self._res
        if res is None:
            raise ClosedError(f"{type(self).__name__} is closed")
        return res

    @property
    def closed(self) -> bool:
        """True after :meth:`close`."""
        return self._res is None

    def close(self) -> None:
        """Release the C object now (idempotent). Records and strings already
        read stay valid; further calls on this handle raise :class:`ClosedError`."""
        self._res = None

    def __enter__(self):
        self._live()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<libearnings.{type(self).__name__}{' closed' if self.closed else ''}>"


def _borrowed_text(getter: Callable, ptr: int) -> bytes:
    size = c_size_t()
    p = getter(ptr, byref(size))
    return string_at(p, size.value) if p else b""


# ---- normalization --------------------------------------------------------------------


class Normalized(_Handle):
    """The result of :func:`normalize` (or :attr:`Document.normalization`):
    normalized text with its offset map back to the original input."""

    def __init__(self, res: _Resource, original: str, original_map: _text.OffsetMap) -> None:
        super().__init__(res)
        self._original = original
        self._original_map = original_map
        data = _borrowed_text(_ffi.lib().earnings_normalized_text, res.ptr)
        self._data = data
        self._text, invalid = _text.decode(data)
        self._map = _text.OffsetMap(data, invalid)

    @property
    def text(self) -> str:
        """The normalized text."""
        self._live()
        return self._text

    @property
    def data(self) -> bytes:
        """The normalized text as UTF-8 bytes (what byte offsets refer to)."""
        self._live()
        return self._data

    @property
    def original(self) -> str:
        """The original input as ``str`` (invalid UTF-8 shown as U+FFFD)."""
        self._live()
        return self._original

    @property
    def original_size(self) -> int:
        """Length in bytes of the original input."""
        return int(_ffi.lib().earnings_normalized_original_size(self._live().ptr))

    @property
    def is_identity(self) -> bool:
        """True when the normalized text is byte for byte the original."""
        return bool(_ffi.lib().earnings_normalized_is_identity(self._live().ptr))

    def map_span(self, start: int, end: int) -> Span:
        """Map the byte span ``[start, end)`` of the normalized text to the
        span of original bytes it came from (``earnings_normalized_map_span``).
        Raises :class:`RangeError` when the span is out of range."""
        res = self._live()
        out = _ffi.Span()
        _ffi.lib().earnings_normalized_map_span(res.ptr, _index(start), _index(end), byref(out))
        return Span(int(out.start), int(out.end))

    def map_char_span(self, start: int, end: int) -> Span:
        """:meth:`map_span` in ``str`` indices: ``[start, end)`` of :attr:`text`
        to the matching slice of :attr:`original`."""
        try:
            b0, b1 = self._map.byte(_index(start)), self._map.byte(_index(end))
        except IndexError:
            raise _range_error(start, end, len(self._text)) from None
        s = self.map_span(b0, b1)
        char = self._original_map.char
        return Span(char(s.start), char(s.end))


def _index(i: Any) -> int:
    if isinstance(i, bool) or not isinstance(i, int):
        raise TypeError(f"offsets must be int, not {type(i).__name__}")
    if i < 0:
        raise _range_error(i, i, None)
    return i


def _range_error(start: int, end: int, size: Optional[int]) -> Exception:
    from ._errors import RangeError
    return RangeError(f"span [{start}, {end}) out of range" + (f" (size {size})" if size is not None else ""))


def normalize(text: _text.TextInput, *, simplified: bool = False, casefold: bool = False,
              keep_cjk_punct: bool = False, replace_invalid: bool = False) -> Normalized:
    """Normalize ``text`` (``str`` or UTF-8 ``bytes``): NFKC and the foldings
    of include/earnings/normalize.h. Returns a :class:`Normalized`; close it
    (or use ``with``) to free it at once.

    Raises :class:`InvalidUTF8Error` (with ``byte_offset``) for invalid input
    unless ``replace_invalid`` is set.
    """
    lib = _ffi.lib()
    data, original = _text.encode(text)
    opts = _ffi.NormalizeOptions()
    lib.earnings_normalize_options_init(byref(opts), _ffi.NORMALIZE_OPTIONS_VERSION)
    opts.flags = _normalize_flags(simplified, casefold, keep_cjk_punct, replace_invalid)
    out = c_void_p()
    lib.earnings_normalize(byref(out), data, len(data), byref(opts))
    res = _Resource(out.value, lib.earnings_normalized_free)
    invalid: Any = ()
    if original is None:
        original, invalid = _text.decode(data)
    return Normalized(res, original, _text.OffsetMap(data, invalid))


# ---- engine and documents ------------------------------------------------------------------


class Lexicon(_Handle):
    """Extra gazetteer entries (``earnings_lexicon``) for
    ``Engine(lexicon=...)``, in the text format of docs/lexicons.md. The
    engine copies what it needs, so the lexicon may be closed (or changed)
    after the engine is built. A lexicon belongs to one thread at a time."""

    def __init__(self, *files: Union[str, "os.PathLike[str]"]) -> None:
        lib = _ffi.lib()
        out = c_void_p()
        lib.earnings_lexicon_new(byref(out))
        super().__init__(_Resource(out.value, lib.earnings_lexicon_free))
        for f in files:
            self.add_file(f)

    def add_file(self, path: Union[str, bytes, "os.PathLike[str]"]) -> "Lexicon":
        """Read a lexicon file and add its entries (``earnings_lexicon_add_file``).
        Raises :class:`FileReadError`, :class:`TooBigError` (64 MiB or more)
        or :class:`DataFormatError` (message with the line, ``byte_offset``
        in the file); on error the lexicon is unchanged. Returns ``self``."""
        res = self._live()
        _ffi.lib().earnings_lexicon_add_file(res.ptr, os.fsencode(path))
        return self

    def add_buffer(self, text: _text.TextInput, name: Optional[str] = None) -> "Lexicon":
        """Parse lexicon text (``str`` or UTF-8 bytes) and add its entries
        (``earnings_lexicon_add_buffer``); ``name`` appears in error messages.
        Raises :class:`DataFormatError`; on error the lexicon is unchanged.
        Returns ``self``."""
        res = self._live()
        data, _ = _text.encode(text)
        _ffi.lib().earnings_lexicon_add_buffer(res.ptr, data, len(data),
                                               None if name is None else name.encode("utf-8"))
        return self

    def __len__(self) -> int:
        """Number of distinct entries (ids)."""
        return int(_ffi.lib().earnings_lexicon_entry_count(self._live().ptr))


class Engine(_Handle):
    """A compiled libearnings engine (lexicons, ICU prototypes). Immutable:
    one engine may be shared by any number of threads (ctypes releases the
    GIL during each call). Documents keep their engine alive, so closing the
    engine while documents exist defers the free until the last one goes.

    ``lexicon``: a :class:`Lexicon` whose entries are added to the built-in
    ones (``earnings_engine_new_with_lexicon``)."""

    def __init__(self, lexicon: Optional[Lexicon] = None) -> None:
        lib = _ffi.lib()
        opts = _ffi.EngineOptions()
        lib.earnings_engine_options_init(byref(opts), _ffi.ENGINE_OPTIONS_VERSION)
        out = c_void_p()
        if lexicon is None:
            lib.earnings_engine_new(byref(out), byref(opts))
        else:
            if not isinstance(lexicon, Lexicon):
                raise TypeError(f"lexicon must be a Lexicon, not {type(lexicon).__name__}")
            lex = lexicon._live()
            lib.earnings_engine_new_with_lexicon(byref(out), byref(opts), lex.ptr)
        super().__init__(_Resource(out.value, lib.earnings_engine_free))

    def lookup(self, entity_id: str) -> EntityInfo:
        """The gazetteer's entry for a canonical id (``earnings_entity_lookup``):
        ``EntityInfo(id, type, name)``. Raises :class:`NotFoundError`."""
        res = self._live()
        if not isinstance(entity_id, str):
            raise TypeError(f"entity_id must be str, not {type(entity_id).__name__}")
        typ, name = c_int32(), c_char_p()
        _ffi.lib().earnings_entity_lookup(res.ptr, entity_id.encode("utf-8"), byref(typ),
                                          byref(name))
        return EntityInfo(entity_id, entity_type_name(typ.value),
                          name.value.decode("utf-8", "replace"))

    def parse(self, text: _text.TextInput, *, han_words: bool = False, simplified: bool = True,
              casefold: bool = False, keep_cjk_punct: bool = False, replace_invalid: bool = False,
              stages: Union[None, str, Iterable[str]] = None) -> "Document":
        """Run the pipeline over ``text`` (``str`` or UTF-8 ``bytes``).

        Args:
            han_words: split Han runs into words with ICU's dictionary
                (``EARNINGS_PARSE_HAN_WORDS``) instead of one token per character.
            simplified, casefold, keep_cjk_punct, replace_invalid: normalization
                switches (``earnings_normalize_flag``); ``simplified`` (read
                Traditional Chinese as Simplified) is on by default, as in the
                C library (``EARNINGS_PARSE_NORMALIZE_DEFAULT``).
            stages: names of the stages to run (``"tokens"``, ``"sentences"``,
                ``"figures"``, ``"entities"``, ``"facts"``); None runs the
                library's default (all of them).

        Raises:
            InvalidUTF8Error: invalid input (``byte_offset`` set), unless
                ``replace_invalid``.
            TypeError: ``text`` is neither ``str`` nor bytes.
        """
        eng = self._live()
        lib = _ffi.lib()
        data, original = _text.encode(text)
        opts = _ffi.ParseOptions()
        lib.earnings_parse_options_init(byref(opts), _ffi.PARSE_OPTIONS_VERSION)
        if stages is not None:
            opts.flags = _bits(stages, STAGES, "stage")
            if not opts.flags:
                raise ValueError("stages: name at least one stage (or None for the default)")
        if han_words:
            opts.flags |= _PARSE_HAN_WORDS
        opts.normalize_flags = _normalize_flags(simplified, casefold, keep_cjk_punct,
                                                replace_invalid)
        out = c_void_p()
        lib.earnings_parse(byref(out), eng.ptr, data, len(data), byref(opts))
        return Document(_Resource(out.value, lib.earnings_doc_free, eng), data, original)


class _records:
    """Descriptor of a cached tuple of records read through a C count/get pair."""

    def __init__(self, count: str, get: str, ctype: type, make: Callable) -> None:
        self.count, self.get, self.ctype, self.make = count, get, ctype, make

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, doc: Optional["Document"], owner: type = None):
        if doc is None:
            return self
        res = doc._live()
        cached = doc._cache.get(self.name)
        if cached is None:
            lib = _ffi.lib()
            get, from_address, make = getattr(lib, self.get), self.ctype.from_address, self.make
            ptr = res.ptr
            n = getattr(lib, self.count)(ptr)
            # a prefix table pays off from about one record per 64 bytes (tokens)
            ctx = doc._context(dense=n * 64 > len(doc._data))
            cached = tuple([make(ctx, i, from_address(get(ptr, i))) for i in range(n)])
            doc._cache[self.name] = cached
        return cached


class Document(_Handle):
    """A parsed document (made by :meth:`Engine.parse`). Records are copied
    into immutable Python objects on first access and cached; they stay valid
    after :meth:`close`. A document belongs to one thread at a time."""

    def __init__(self, res: _Resource, data: bytes, text: Optional[str]) -> None:
        super().__init__(res)
        self._data = data
        invalid: Any = ()
        if text is None:
            text, invalid = _text.decode(data)
        self._text = text
        self._invalid = invalid
        self._map: Optional[_text.OffsetMap] = None
        self._norm: Optional[bytes] = None
        self._cache: Dict[str, Any] = {}

    def _offset_map(self) -> _text.OffsetMap:
        m = self._map
        if m is None:
            m = self._map = _text.OffsetMap(self._data, self._invalid)
        return m

    def _context(self, dense: bool = False) -> RecordContext:
        """What the record constructors of _records.py need; ``dense`` when
        many offsets will be converted (see _text.OffsetMap)."""
        m = self._offset_map()
        return RecordContext(self._text, m.dense() if dense else m.char, self.normalized_data)

    tokens = _records("earnings_doc_token_count", "earnings_doc_token", _ffi.Token, Token._from_c)
    """The tokens, a tuple of :class:`Token`."""

    sentences = _records("earnings_doc_sentence_count", "earnings_doc_sentence", _ffi.Sentence,
                         Sentence._from_c)
    """The sentences, a tuple of :class:`Sentence`."""

    figures = _records("earnings_doc_figure_count", "earnings_doc_figure", _ffi.Figure,
                       Figure._from_c)
    """The figures, a tuple of :class:`Figure` (empty unless the figures stage ran)."""

    entities = _records("earnings_doc_entity_count", "earnings_doc_entity", _ffi.Entity,
                        Entity._from_c)
    """The entity mentions, a tuple of :class:`Entity` (empty unless the entities stage ran)."""

    facts = _records("earnings_doc_fact_count", "earnings_doc_fact", _ffi.Fact, Fact._from_c)
    """The facts, a tuple of :class:`Fact` (empty unless the facts stage ran)."""

    @property
    def text(self) -> str:
        """The original input as ``str`` (invalid UTF-8 shown as U+FFFD)."""
        self._live()
        return self._text

    @property
    def data(self) -> bytes:
        """The original input as UTF-8 bytes (what ``start``/``end`` refer to)."""
        self._live()
        return self._data

    @property
    def normalized_data(self) -> bytes:
        """The normalized text as UTF-8 bytes (what ``norm_start``/``norm_end`` refer to)."""
        res = self._live()
        if self._norm is None:
            self._norm = _borrowed_text(_ffi.lib().earnings_doc_normalized, res.ptr)
        return self._norm

    @property
    def normalized(self) -> str:
        """The normalized text."""
        n = self._cache.get("normalized")
        if n is None:
            n = self._cache["normalized"] = self.normalized_data.decode("utf-8", "replace")
        return n

    @property
    def normalization(self) -> Normalized:
        """The document's normalization with its offset map: a borrowed view
        that keeps the document's C object alive; closing it frees nothing."""
        res = self._live()
        ptr = _ffi.lib().earnings_doc_normalization(res.ptr)
        return Normalized(_Resource(ptr, None, res), self._text, self._offset_map())

    def char_offset(self, byte_offset: int) -> int:
        """The ``str`` index in :attr:`text` of an original byte offset."""
        self._live()
        if not 0 <= byte_offset <= len(self._data):
            raise _range_error(byte_offset, byte_offset, len(self._data))
        return self._offset_map().char(byte_offset)

    def to_json(self, parts: Union[None, str, Iterable[str]] = None, *, lines: bool = False) -> str:
        """The library's JSON of this document (``earnings_doc_to_json``,
        docs/schema/document.md). ``parts``: names among ``"tokens"``,
        ``"sentences"``, ``"figures"``, ``"entities"``, ``"facts"`` (None: all).
        ``lines=True`` gives JSON Lines, one item per line, as the CLI prints."""
        return self.to_json_bytes(parts, lines=lines).decode("utf-8")

    def to_json_bytes(self, parts: Union[None, str, Iterable[str]] = None, *,
                      lines: bool = False) -> bytes:
        """:meth:`to_json` as the library's UTF-8 bytes."""
        res = self._live()
        bits = sum(PARTS.values()) if parts is None else _bits(parts, PARTS, "part")
        lib = _ffi.lib()
        buf = _ffi.Buf()
        lib.earnings_doc_to_json(res.ptr, bits | (_JSON_LINES if lines else 0), byref(buf))
        try:
            return string_at(buf.ptr, buf.size) if buf.ptr else b""
        finally:
            lib.earnings_buf_dispose(byref(buf))

    def to_dict(self, parts: Union[None, str, Iterable[str]] = None) -> Dict[str, Any]:
        """:meth:`to_json` parsed into Python objects."""
        return json.loads(self.to_json(parts))


# ---- fact sets ----------------------------------------------------------------------------------


class FactSet(_Handle):
    """The facts of several documents (``earnings_factset``), each tagged with
    a source id: filter them, reconcile them (groups with verdicts, spellings
    of person names) and serialize them (docs/schema/facts.md). A set belongs
    to one thread at a time. Facts are copied into :class:`Fact` records as
    documents are added; they stay valid after :meth:`close`."""

    def __init__(self) -> None:
        lib = _ffi.lib()
        out = c_void_p()
        lib.earnings_factset_new(byref(out))
        super().__init__(_Resource(out.value, lib.earnings_factset_free))
        self._facts: list = []
        self._sources: list = []
        self._groups: Tuple[FactGroup, ...] = ()
        self._names: Tuple[PersonNames, ...] = ()

    def add_doc(self, doc: "Document", source: str) -> int:
        """Add the facts and person mentions of ``doc`` (parsed with the facts
        stage, the default) under the id ``source`` (``earnings_factset_add_doc``).
        The document may be closed afterwards. Drops the groups of an earlier
        :meth:`reconcile`. Returns the number of facts added."""
        res = self._live()
        if not isinstance(doc, Document):
            raise TypeError(f"doc must be a Document, not {type(doc).__name__}")
        if not isinstance(source, str):
            raise TypeError(f"source must be str, not {type(source).__name__}")
        dres = doc._live()
        lib = _ffi.lib()
        before = len(self._facts)
        lib.earnings_factset_add_doc(res.ptr, dres.ptr, source.encode("utf-8"))
        self._sources.append(source)
        self._groups, self._names = (), ()
        ctx, get, from_address = doc._context(), lib.earnings_factset_fact, _ffi.Fact.from_address
        n = lib.earnings_factset_count(res.ptr)
        self._facts.extend(Fact._from_c(ctx, i, from_address(get(res.ptr, i, None)), source)
                           for i in range(before, n))
        return n - before

    def __len__(self) -> int:
        """Number of facts (``earnings_factset_count``)."""
        return int(_ffi.lib().earnings_factset_count(self._live().ptr))

    @property
    def facts(self) -> Tuple[Fact, ...]:
        """Every fact, in the order added (``earnings_factset_fact``); each has its ``source``."""
        self._live()
        return tuple(self._facts)

    @property
    def sources(self) -> Tuple[str, ...]:
        """The source ids, in the order documents were added."""
        self._live()
        return tuple(self._sources)

    def filter(self, entity: Optional[str] = None, metric: Optional[str] = None,
               period: Optional[str] = None, kind: Optional[str] = None) -> Tuple[Fact, ...]:
        """The facts matching every given criterion, in set order
        (``earnings_factset_filter``): ``entity`` and ``metric`` ids
        (``"segment:aws"``, ``"metric:revenue"``), ``period`` (``"2025Q3"``),
        ``kind`` (``"level"``, ``"growth"``, ``"change"``); None matches any."""
        res = self._live()
        if kind is None:
            k = 0
        elif kind in FACT_KINDS:
            k = FACT_KINDS[kind]
        else:
            raise ValueError(f"unknown fact kind {kind!r}; known: {', '.join(FACT_KINDS)}")
        args = [None if v is None else _utf8(v, name)
                for v, name in ((entity, "entity"), (metric, "metric"), (period, "period"))]
        lib = _ffi.lib()
        count = c_size_t()
        lib.earnings_factset_filter(res.ptr, *args, k, None, 0, byref(count))
        indices = (c_size_t * count.value)()
        lib.earnings_factset_filter(res.ptr, *args, k, indices, count.value, byref(count))
        facts = self._facts
        return tuple(facts[i] for i in indices[:count.value])

    def reconcile(self) -> Tuple[FactGroup, ...]:
        """Group the facts stating the same thing and judge each group; also
        collect the spellings of person names (:attr:`names`)
        (``earnings_factset_reconcile``). Returns :attr:`groups`."""
        res = self._live()
        lib = _ffi.lib()
        ptr = res.ptr
        lib.earnings_factset_reconcile(ptr)
        facts, groups = self._facts, []
        for i in range(lib.earnings_factset_group_count(ptr)):
            g = lib.earnings_factset_group(ptr, i).contents
            members = tuple(g.members[:g.member_count])
            groups.append(FactGroup(i, verdict_name(g.verdict), members,
                                    tuple(g.member_side[:g.member_count]), g.side_count,
                                    tuple(facts[m] for m in members)))
        names = []
        for i in range(lib.earnings_factset_person_count(ptr)):
            p = lib.earnings_factset_person(ptr, i).contents
            spellings = tuple(NameSpelling(sp.source.decode("utf-8", "replace"),
                                           sp.text.decode("utf-8", "replace"), match_name(sp.match),
                                           sp.distance, sp.count)
                              for sp in p.spellings[:p.spelling_count])
            names.append(PersonNames(p.id.decode("utf-8", "replace"),
                                     p.name.decode("utf-8", "replace"), bool(p.has_variants),
                                     spellings))
        self._groups, self._names = tuple(groups), tuple(names)
        return self._groups

    @property
    def groups(self) -> Tuple[FactGroup, ...]:
        """The groups of the last :meth:`reconcile` (empty before, or after an add_doc)."""
        self._live()
        return self._groups

    @property
    def names(self) -> Tuple[PersonNames, ...]:
        """The persons named in the sources with their spellings (after :meth:`reconcile`)."""
        self._live()
        return self._names

    def to_json_bytes(self) -> bytes:
        """The set as the library's JSON (``earnings_factset_to_json``, schema
        ``libearnings/factset``): what ``earnings reconcile`` prints."""
        res = self._live()
        lib = _ffi.lib()
        buf = _ffi.Buf()
        lib.earnings_factset_to_json(res.ptr, byref(buf))
        try:
            return string_at(buf.ptr, buf.size) if buf.ptr else b""
        finally:
            lib.earnings_buf_dispose(byref(buf))

    def to_json(self) -> str:
        """:meth:`to_json_bytes` as ``str``."""
        return self.to_json_bytes().decode("utf-8")

    def to_dict(self) -> Dict[str, Any]:
        """:meth:`to_json` parsed into Python objects."""
        return json.loads(self.to_json_bytes())


def _utf8(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {type(value).__name__}")
    return value.encode("utf-8")


# ---- module-level functions ---------------------------------------------------------------


def load_library(path: Optional[str] = None) -> str:
    """Load libearnings now (it is otherwise loaded on first use) and return
    the path or name it was loaded from. See the lookup order in docs/python.md."""
    return _ffi.load(path).path


def version() -> str:
    """Version of the loaded library, ``"M.m.p"``."""
    return _ffi.lib().version_string


def version_number() -> int:
    """Version of the loaded library, ``M*10000 + m*100 + p``."""
    return _ffi.lib().version_number


def strerror(code: int) -> str:
    """The library's static text for an error code."""
    return _ffi.lib().earnings_strerror(code).decode("utf-8", "replace")


def struct_sizes() -> Dict[str, Tuple[int, int]]:
    """For each mirrored struct: (size in the library, size of the Python mirror)."""
    import ctypes
    lib = _ffi.lib()
    return {m.__doc__.strip("`"): (int(lib.earnings_struct_size(i)), ctypes.sizeof(m))
            for i, m in _ffi.STRUCTS.items()}
