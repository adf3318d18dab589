"""Encoding of inputs and conversion of the library's byte offsets to
Python ``str`` indices. (The library speaks UTF-8 bytes; Python indexes
code points. This is the only conversion the binding does.)"""

from __future__ import annotations

import codecs
import threading
from array import array
from itertools import accumulate, compress
from typing import Callable, List, Optional, Sequence, Tuple, Union

TextInput = Union[str, bytes, bytearray, memoryview]

# 1 for a byte that may start a character, 0 for a UTF-8 continuation byte.
_STARTS = bytes(0 if 0x80 <= b < 0xC0 else 1 for b in range(256))

_tls = threading.local()


def _record_invalid(exc: UnicodeDecodeError) -> Tuple[str, int]:
    _tls.invalid.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("libearnings.replace", _record_invalid)


def encode(text: TextInput) -> Tuple[bytes, Optional[str]]:
    """The UTF-8 bytes to hand to the library, and ``text`` itself when it is
    a ``str`` that encodes cleanly (None otherwise: decode later, see
    :func:`decode`). Lone surrogates are passed through (``surrogatepass``) so
    that the library reports them as invalid UTF-8 at their byte offset."""
    if isinstance(text, str):
        try:
            return text.encode("utf-8"), text
        except UnicodeEncodeError:
            return text.encode("utf-8", "surrogatepass"), None
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text), None
    raise TypeError(f"text must be str or bytes, not {type(text).__name__}")


def decode(data: bytes) -> Tuple[str, Sequence[Tuple[int, int]]]:
    """Decode UTF-8, replacing each invalid subsequence by U+FFFD, and
    return the text with the byte ranges that were replaced."""
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    _tls.invalid = invalid = []
    try:
        text = data.decode("utf-8", "libearnings.replace")
    finally:
        del _tls.invalid
    return text, invalid


class OffsetMap:
    """Byte offsets of a UTF-8 text <-> indices of its Python ``str``.

    Pure ASCII costs nothing. Otherwise one C-speed pass (``bytes.translate``)
    marks the bytes that start a character; each replaced invalid
    subsequence (see :func:`decode`) counts as one character. ``char`` then
    counts marks from a remembered position (``bytearray.count``, cheap for
    the few, mostly increasing offsets of figures, entities and facts);
    :meth:`dense` switches to a prefix table built once (8 bytes per input
    byte) for many lookups, such as every token.
    """

    __slots__ = ("size", "char", "_prefix", "_starts", "_marks", "_cursor")

    def __init__(self, data: bytes, invalid: Sequence[Tuple[int, int]] = ()) -> None:
        self.size = len(data)
        self._starts: Optional[List[int]] = None
        self._prefix: Optional[array] = None
        self._marks: Optional[bytearray] = None
        if data.isascii():
            #: char(byte_offset) -> str index of the character at byte_offset (0..size)
            self.char: Callable[[int], int] = range(self.size + 1).__getitem__
            return
        marks = bytearray(data.translate(_STARTS))
        for start, end in invalid:
            marks[start] = 1
            marks[start + 1:end] = bytes(end - start - 1)
        self._marks = marks
        self._cursor = (0, 0)  # (byte offset, its str index): one tuple, so always consistent
        self.char = self._counted

    def _counted(self, b: int) -> int:
        prefix = self._prefix
        if prefix is not None:
            return prefix[b]
        if not 0 <= b <= self.size:
            raise IndexError("byte offset out of range")
        pos, chars = self._cursor
        if b >= pos:
            chars += self._marks.count(1, pos, b)
        else:
            chars -= self._marks.count(1, b, pos)
        self._cursor = (b, chars)
        return chars

    def dense(self) -> Callable[[int], int]:
        """``char`` for many lookups: builds the prefix table (once) and returns
        its ``__getitem__``."""
        if self._marks is not None and self._prefix is None:
            prefix = array("q", [0])
            prefix.extend(accumulate(self._marks))  # [b] = characters starting before byte b
            self._prefix = prefix
            self.char = prefix.__getitem__
        return self.char

    def byte(self, char_index: int) -> int:
        """The byte offset where character ``char_index`` starts (0..len)."""
        if char_index < 0:
            raise IndexError("character index out of range")
        if self._marks is None:
            if char_index > self.size:
                raise IndexError("character index out of range")
            return char_index
        if self._starts is None:
            self._starts = list(compress(range(self.size), self._marks))
            self._starts.append(self.size)
        return self._starts[char_index]
