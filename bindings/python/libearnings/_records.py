"""Immutable Python records copied out of a document's C records.

A record type is a frozen dataclass with a ``_from_c(ctx, index, rec)``
constructor (``rec`` is the mirrored ctypes struct, ``ctx`` the document)
and a ``to_dict()`` that gives the fields of the library's JSON (docs/schema/).
Adding a record type means: mirror the struct in _ffi.py, write the
dataclass here, and add one ``_records(...)`` line to ``Document``.

Values: a figure's or fact's value is a :class:`decimal.Decimal` built from
the library's exact decimal string when there is one (``"179500000000"``,
``"20.2"``), else the C ``double`` as a ``float``; a range is a ``(low, high)``
tuple; absent values and strings are ``None``.
"""

from __future__ import annotations

import enum
import math
import sys
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable, Dict, NamedTuple, Optional, Tuple, Union

from . import _ffi

_DC = {"frozen": True}
if sys.version_info >= (3, 10):
    _DC["slots"] = True


class Span(NamedTuple):
    """A half-open range ``[start, end)``."""
    start: int
    end: int


class TokenFlag(enum.IntFlag):
    """Bits of ``earnings_token::flags`` (``earnings_token_flag``)."""
    ATTACHED = 1 << 0      #: no whitespace before the token
    ABBREVIATION = 1 << 1  #: an abbreviation keeping its dots (``U.S.``)
    CLITIC = 1 << 2        #: a clitic split off a word (``'s``)
    HYPHENATED = 1 << 3    #: a word containing a hyphen
    DICTIONARY = 1 << 4    #: a Han token from the dictionary break iterator


_FLAGS = {int(f): f for f in (TokenFlag(v) for v in range(1 << len(TokenFlag)))}


class RecordContext(NamedTuple):
    """What record constructors need from their document, fetched once per list."""
    text: str                     #: the original input as str
    char: Callable[[int], int]    #: original byte offset -> str index
    norm: bytes                   #: the normalized text (UTF-8)


def flag_names(flags: int, table: type) -> list:
    """Lower-case names of the known bits set in ``flags``, in bit order (as
    the library's JSON writes them)."""
    return [m.name.lower() for m in table.__members__.values() if flags & m.value]


def _name_function(c_name: str):
    """A cached Python wrapper of a static ``const char *earnings_x_name(int32_t)``."""
    @lru_cache(maxsize=None)
    def name(value: int) -> str:
        s = getattr(_ffi.lib(), c_name)(value)
        return s.decode("ascii", "replace") if s is not None else None
    name.__name__ = c_name
    return name


token_type_name = _name_function("earnings_token_type_name")
script_name = _name_function("earnings_script_name")
figure_kind_name = _name_function("earnings_figure_kind_name")
qualifier_name = _name_function("earnings_figure_qualifier_name")
direction_name = _name_function("earnings_figure_direction_name")
comparison_name = _name_function("earnings_figure_comparison_name")
lang_name = _name_function("earnings_figure_lang_name")
entity_type_name = _name_function("earnings_entity_type_name")
match_name = _name_function("earnings_entity_match_name")

#: A figure's or fact's number: exact (Decimal) or not (float).
Number = Union[Decimal, float]


def _str(b: Optional[bytes]) -> Optional[str]:
    """A borrowed ``const char *`` (ctypes gives bytes or None) as str or None."""
    return None if b is None else b.decode("utf-8", "replace")


def _number(exact: Optional[bytes], value: float) -> Number:
    return Decimal(exact.decode("ascii")) if exact is not None else value


def json_number(x: Optional[Number]) -> Any:
    """A value as the library's JSON gives it after ``json.loads``: int for an
    integral exact decimal, float otherwise, None for a non-finite double."""
    if isinstance(x, Decimal):
        return int(x) if x.as_tuple().exponent >= 0 else float(x)
    if x is None or not math.isfinite(x):
        return None
    return x


def _span_or_none(s: "_ffi.Span") -> Optional[Span]:
    return Span(s.start, s.end) if s.end > s.start else None


@dataclass(**_DC)
class Token:
    """One token. ``start``/``end`` are byte offsets into the original UTF-8
    input; ``char_start``/``char_end`` index the document's ``text`` (str)."""
    index: int
    start: int
    end: int
    char_start: int
    char_end: int
    text: str          #: the original text of the token
    norm_start: int    #: byte offsets in the normalized text
    norm_end: int
    norm: str          #: the token in the normalized text
    type: str          #: ``word``, ``number``, ``cjk``, ``punct``, ``symbol``, ``currency``, ``percent``
    script: str        #: ``common``, ``latin``, ``han``, ``kana``, ``hangul``, ``other``
    flags: TokenFlag
    sentence: int      #: index of its sentence

    @classmethod
    def _from_c(cls, ctx: "RecordContext", index: int, rec: _ffi.Token) -> "Token":
        span, norm, char = rec.span, rec.norm, ctx.char
        start, end, ns, ne = span.start, span.end, norm.start, norm.end
        cs, ce = char(start), char(end)
        flags = rec.flags
        return cls(index, start, end, cs, ce, ctx.text[cs:ce], ns, ne,
                   ctx.norm[ns:ne].decode("utf-8", "replace"), token_type_name(rec.type),
                   script_name(rec.script), _FLAGS.get(flags) or TokenFlag(flags), rec.sentence)

    def to_dict(self) -> Dict[str, Any]:
        """The token as the library's JSON writes it (docs/schema/document.md)."""
        d = {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
             "script": self.script, "norm": self.norm, "sentence": self.sentence}
        if self.flags:
            d["flags"] = flag_names(self.flags, TokenFlag)
        return d


@dataclass(**_DC)
class Sentence:
    """One sentence: its spans and the range of its tokens
    (``doc.tokens[s.token_slice]``)."""
    index: int
    start: int
    end: int
    char_start: int
    char_end: int
    text: str
    norm_start: int
    norm_end: int
    first_token: int
    token_count: int

    @property
    def token_slice(self) -> slice:
        """The slice of ``Document.tokens`` holding this sentence's tokens."""
        return slice(self.first_token, self.first_token + self.token_count)

    @classmethod
    def _from_c(cls, ctx: "RecordContext", index: int, rec: _ffi.Sentence) -> "Sentence":
        span, norm = rec.span, rec.norm
        start, end = span.start, span.end
        cs, ce = ctx.char(start), ctx.char(end)
        return cls(index, start, end, cs, ce, ctx.text[cs:ce], norm.start, norm.end,
                   rec.first_token, rec.token_count)

    def to_dict(self) -> Dict[str, Any]:
        """The sentence as the library's JSON writes it."""
        return {"start": self.start, "end": self.end, "text": self.text, "index": self.index,
                "first_token": self.first_token, "token_count": self.token_count}


class FigureFlag(enum.IntFlag):
    """Bits of ``earnings_figure::flags`` (``earnings_figure_flag``)."""
    INEXACT = 1 << 0    #: no exact decimal form (1/3): the value is a float
    WORDS = 1 << 1      #: written in words (``twenty``, ``五十万``)
    PARENS = 1 << 2     #: a negative in financial parentheses ``(1.2)``
    COUNT = 1 << 3      #: the unit is a counted noun (``chip``, ``芯片``)
    LOW_OPEN = 1 << 4   #: a range whose low end is excluded
    HIGH_OPEN = 1 << 5  #: a range whose high end is excluded


_PERIOD_KINDS = (8, 9)  # EARNINGS_FIGURE_DATE, EARNINGS_FIGURE_PERIOD


@dataclass(**_DC)
class Figure:
    """One figure (``earnings_figure``, docs/schema/figures.md).

    ``value`` is a ``Decimal`` (exact) or ``float``, a ``(low, high)`` tuple
    for a range, and None for periods and dates (see ``period``). ``low`` and
    ``high`` are the range's ends (both ``value`` when not a range; None for
    periods and dates)."""
    index: int
    start: int
    end: int
    char_start: int
    char_end: int
    text: str
    norm_start: int
    norm_end: int
    kind: str                       #: number, ordinal, money, percent, pp, bps, quantity, date, period
    value: Union[None, Number, Tuple[Number, Number]]
    is_range: bool
    low: Optional[Number]
    high: Optional[Number]
    unit: Optional[str]             #: ISO 4217 code, ``%``, ``pp``, ``bp``, unit symbol, counted noun
    qualifier: Optional[str]        #: approx, nearly, over, under, at_least, at_most, exact
    direction: Optional[str]        #: up, down, flat
    comparison: Optional[str]       #: yoy, qoq, mom
    lang: str                       #: en, zh
    period: Optional[str]           #: periods and dates: ``2025Q3``, ``2025-10-30``...
    flags: FigureFlag
    num: Span                       #: bytes of the number (the low end's, for a range)
    num_high: Optional[Span]        #: bytes of a range's high-end number

    @classmethod
    def _from_c(cls, ctx: "RecordContext", index: int, rec: _ffi.Figure) -> "Figure":
        span, norm = rec.span, rec.norm
        start, end = span.start, span.end
        cs, ce = ctx.char(start), ctx.char(end)
        kind = rec.kind
        is_range = bool(rec.is_range)
        if kind in _PERIOD_KINDS:
            value = low = high = None
        else:
            low = _number(rec.low_exact, rec.low)
            high = _number(rec.high_exact, rec.high)
            value = (low, high) if is_range else _number(rec.value_exact, rec.value)
            if not is_range:
                low = high = value
        nh = rec.num_high
        return cls(index, start, end, cs, ce, ctx.text[cs:ce], norm.start, norm.end,
                   figure_kind_name(kind), value, is_range, low, high, _str(rec.unit),
                   qualifier_name(rec.qualifier), direction_name(rec.direction),
                   comparison_name(rec.comparison), lang_name(rec.lang), _str(rec.period),
                   FigureFlag(rec.flags), Span(rec.num.start, rec.num.end),
                   Span(nh.start, nh.end) if is_range else None)

    def to_dict(self) -> Dict[str, Any]:
        """The figure as the library's JSON writes it (docs/schema/figures.md)."""
        if self.period is not None or self.value is None:
            value: Any = self.period
        elif self.is_range:
            value = [json_number(self.low), json_number(self.high)]
        else:
            value = json_number(self.value)
        d = {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
             "value": value, "unit": self.unit, "qualifier": self.qualifier,
             "direction": self.direction, "comparison": self.comparison, "lang": self.lang,
             "num": list(self.num)}
        if self.num_high is not None:
            d["num_high"] = list(self.num_high)
        for flag, key in ((FigureFlag.COUNT, "count"), (FigureFlag.LOW_OPEN, "low_open"),
                          (FigureFlag.HIGH_OPEN, "high_open")):
            if self.flags & flag:
                d[key] = True
        return d


class EntityFlag(enum.IntFlag):
    """Bits of ``earnings_entity::flags`` (``earnings_entity_flag``)."""
    AMBIGUOUS = 1 << 0  #: the text is an alias of several entities
    UNKNOWN = 1 << 1    #: in no lexicon: found by a pattern (an unknown ticker, ``Mr. X``)
    CONTEXT = 1 << 2    #: a fuzzy match confirmed by context


@dataclass(**_DC)
class Entity:
    """One entity mention (``earnings_entity``, docs/lexicons.md)."""
    index: int
    start: int
    end: int
    char_start: int
    char_end: int
    text: str
    norm_start: int
    norm_end: int
    type: str                #: org, segment, product, person, role, ticker, metric
    id: str                  #: canonical id (``org:amazon``, ``metric:revenue``)
    name: str                #: canonical name
    match: str               #: exact, alias, variant, fuzzy, pattern
    distance: int            #: edit distance (variant, fuzzy), else 0
    lang: str                #: en, zh
    role: Optional[str]      #: persons: id of a role stated next to them (``role:cfo``)
    ticker: Optional[str]    #: tickers: the symbol
    exchange: Optional[str]  #: tickers: the exchange or market stated
    flags: EntityFlag

    @classmethod
    def _from_c(cls, ctx: "RecordContext", index: int, rec: _ffi.Entity) -> "Entity":
        span, norm = rec.span, rec.norm
        start, end = span.start, span.end
        cs, ce = ctx.char(start), ctx.char(end)
        return cls(index, start, end, cs, ce, ctx.text[cs:ce], norm.start, norm.end,
                   entity_type_name(rec.type), _str(rec.id), _str(rec.name),
                   match_name(rec.match), rec.distance, _str(rec.lang), _str(rec.role),
                   _str(rec.ticker), _str(rec.exchange), EntityFlag(rec.flags))

    def to_dict(self) -> Dict[str, Any]:
        """The entity as the library's JSON writes it."""
        d = {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
             "id": self.id, "name": self.name, "match": self.match, "distance": self.distance,
             "lang": self.lang}
        for key in ("role", "ticker", "exchange"):
            v = getattr(self, key)
            if v is not None:
                d[key] = v
        if self.flags:
            d["flags"] = flag_names(self.flags, EntityFlag)
        return d


class EntityInfo(NamedTuple):
    """An entry of an engine's gazetteer (:meth:`Engine.lookup`)."""
    id: str
    type: str
    name: str


fact_kind_name = _name_function("earnings_fact_kind_name")
basis_name = _name_function("earnings_fact_basis_name")
verdict_name = _name_function("earnings_fact_verdict_name")

#: earnings_fact_kind values by name (for FactSet.filter)
FACT_KINDS = {"level": 1, "growth": 2, "change": 3}
_BASIS_EXCLUDING = 2


def _signed(exact: Optional[bytes], value: float) -> Number:
    """A fact's number: its exact string carries the sign of ``value`` (the
    library's JSON writes it so; the record's string may be the figure's
    unsigned one)."""
    if exact is None:
        return value
    d = Decimal(exact.decode("ascii"))
    return -d if (value < 0) != d.is_signed() else d


@dataclass(**_DC)
class Fact:
    """One fact (``earnings_fact``, docs/schema/facts.md): a metric value of
    an entity for a period, anchored on the figure stating it.

    ``value`` is a ``Decimal`` (exact) or ``float``, signed for growth and
    change facts, or a ``(low, high)`` tuple for a range. ``source`` is the
    source id in a :class:`FactSet`, None for a document's own facts."""
    index: int
    source: Optional[str]
    start: int
    end: int
    char_start: int
    char_end: int
    text: str
    sentence: Span                #: bytes of the sentence holding the figure (the evidence)
    sentence_char: Span           #: the same as ``str`` indices
    entity: str                   #: entity id (``segment:aws``)
    entity_name: str
    metric: str                   #: metric id (``metric:revenue``)
    metric_name: str
    period: Optional[str]         #: ``2025Q3``, ``2025FY``, ``TTM``...
    period_inferred: bool         #: the period comes from the document, not the sentence
    kind: str                     #: level, growth, change
    value: Union[Number, Tuple[Number, Number]]
    is_range: bool
    low: Number
    high: Number
    unit: Optional[str]
    qualifier: Optional[str]
    direction: Optional[str]
    comparison: Optional[str]     #: yoy, qoq, mom
    basis: str                    #: reported, excluding, guidance, target, estimate
    basis_detail: Optional[str]   #: excluding: the excluded item
    confidence: float
    precision: float              #: place value of the last digit written
    figure: int                   #: index of the figure in its document
    lang: str
    entity_span: Optional[Span]   #: bytes of the entity mention used; None for the document's
    metric_span: Optional[Span]   #: bytes of the metric mention used; None when from the unit

    @classmethod
    def _from_c(cls, ctx: "RecordContext", index: int, rec: _ffi.Fact,
                source: Optional[str] = None) -> "Fact":
        span, sent, char = rec.span, rec.sentence, ctx.char
        start, end = span.start, span.end
        is_range = bool(rec.is_range)
        low, high = _signed(rec.low_exact, rec.low), _signed(rec.high_exact, rec.high)
        value = (low, high) if is_range else _signed(rec.value_exact, rec.value)
        if not is_range:
            low = high = value
        return cls(index, source, start, end, char(start), char(end),
                   rec.text.decode("utf-8", "replace"), Span(sent.start, sent.end),
                   Span(char(sent.start), char(sent.end)), _str(rec.entity_id),
                   _str(rec.entity_name), _str(rec.metric_id), _str(rec.metric_name),
                   _str(rec.period), bool(rec.period_inferred), fact_kind_name(rec.kind), value,
                   is_range, low, high, _str(rec.unit), qualifier_name(rec.qualifier),
                   direction_name(rec.direction), comparison_name(rec.comparison),
                   basis_name(rec.basis), _str(rec.basis_detail), rec.confidence, rec.precision,
                   rec.figure, lang_name(rec.lang), _span_or_none(rec.entity_span),
                   _span_or_none(rec.metric_span))

    def to_dict(self) -> Dict[str, Any]:
        """The fact as the library's JSON writes it (with ``source`` first for
        a fact of a set, as ``earnings facts`` and the set's JSON)."""
        d: Dict[str, Any] = {} if self.source is None else {"source": self.source}
        d.update(start=self.start, end=self.end, text=self.text, entity=self.entity,
                 entity_name=self.entity_name, metric=self.metric, metric_name=self.metric_name,
                 kind=self.kind, period=self.period, period_inferred=self.period_inferred,
                 value=([json_number(self.low), json_number(self.high)] if self.is_range
                        else json_number(self.value)),
                 unit=self.unit, qualifier=self.qualifier, direction=self.direction,
                 comparison=self.comparison, basis=self.basis,
                 excluding=self.basis_detail if self.basis == "excluding" else None,
                 confidence=round(self.confidence, 2), sentence=list(self.sentence),
                 figure=self.figure, lang=self.lang)
        if self.entity_span is not None:
            d["entity_span"] = list(self.entity_span)
        if self.metric_span is not None:
            d["metric_span"] = list(self.metric_span)
        return d


@dataclass(**_DC)
class FactGroup:
    """A reconciled group (``earnings_fact_group``): facts of a :class:`FactSet`
    stating the same thing (same entity, metric, period, kind, basis,
    comparison and unit), with the verdict on their agreement."""
    index: int
    verdict: str                  #: agree, agree_within_rounding, conflict
    members: Tuple[int, ...]      #: indices in ``FactSet.facts``
    member_side: Tuple[int, ...]  #: side of each member, in ``range(side_count)``
    side_count: int               #: distinct values once rounding is allowed (1 unless conflict)
    facts: Tuple[Fact, ...]       #: the member facts

    @property
    def sides(self) -> Tuple[Tuple[int, ...], ...]:
        """The members of each side (distinct value), as fact indices."""
        return tuple(tuple(m for m, s in zip(self.members, self.member_side) if s == side)
                     for side in range(self.side_count))


@dataclass(**_DC)
class NameSpelling:
    """One spelling of a person's name in one source (``earnings_name_spelling``)."""
    source: str
    text: str
    match: str      #: exact, alias, variant, fuzzy, pattern
    distance: int
    count: int      #: mentions with this spelling in this source


@dataclass(**_DC)
class PersonNames:
    """The spellings of one person across a set's sources (``earnings_person_names``)."""
    id: str
    name: str
    has_variants: bool
    spellings: Tuple[NameSpelling, ...]
