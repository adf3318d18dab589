"""Exception classes: one per stable ``earnings_error_code`` (errors.h)."""

from __future__ import annotations

from typing import Dict, Optional, Type


class LibearningsError(Exception):
    """Base of every error libearnings reports.

    Attributes:
        code: the library's ``earnings_error_code`` (a negative int).
        message: the detail from ``earnings_error_last()``.
        byte_offset: offset in the UTF-8 input the error refers to, or None.
    """

    default_code = 0

    def __init__(self, message: str, code: Optional[int] = None,
                 byte_offset: Optional[int] = None) -> None:
        super().__init__(message)
        self.code = self.default_code if code is None else code
        self.message = message
        self.byte_offset = byte_offset

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(code={self.code}, message={self.message!r}, "
                f"byte_offset={self.byte_offset!r})")


class InvalidArgumentError(LibearningsError, ValueError):
    """EARNINGS_EINVAL: an argument is invalid."""
    default_code = -1


class OutOfMemoryError(LibearningsError, MemoryError):
    """EARNINGS_ENOMEM: memory could not be allocated."""
    default_code = -2


class InvalidUTF8Error(LibearningsError, ValueError):
    """EARNINGS_EINVALIDUTF8: the input is not valid UTF-8; ``byte_offset`` is
    the first bad byte."""
    default_code = -3


class OptionsVersionError(LibearningsError):
    """EARNINGS_EVERSION: an options struct version the library does not know."""
    default_code = -4


class RangeError(LibearningsError, IndexError):
    """EARNINGS_ERANGE: an index or offset is out of range."""
    default_code = -5


class TooBigError(LibearningsError, ValueError):
    """EARNINGS_ETOOBIG: the input exceeds a documented size limit."""
    default_code = -6


class ICUError(LibearningsError):
    """EARNINGS_EICU: ICU reported an error."""
    default_code = -7


class FileReadError(LibearningsError, OSError):
    """EARNINGS_EIO: a file could not be read."""
    default_code = -8


class DataFormatError(LibearningsError, ValueError):
    """EARNINGS_EPARSE: a data file (lexicon) is malformed; see ``byte_offset``."""
    default_code = -9


class NotFoundError(LibearningsError, LookupError):
    """EARNINGS_ENOTFOUND: the requested item does not exist."""
    default_code = -10


class InternalError(LibearningsError):
    """EARNINGS_EINTERNAL: an internal invariant failed (a bug; please report it)."""
    default_code = -11


class ClosedError(LibearningsError, ValueError):
    """A method was called on a handle after ``close()``. Not raised by the C
    library; its code is EARNINGS_EINVAL, as for a NULL handle."""
    default_code = -1


class LibraryLoadError(OSError):
    """libearnings could not be found or loaded, or does not match this binding."""


_BY_CODE: Dict[int, Type[LibearningsError]] = {
    cls.default_code: cls
    for cls in (InvalidArgumentError, OutOfMemoryError, InvalidUTF8Error, OptionsVersionError,
                RangeError, TooBigError, ICUError, FileReadError, DataFormatError, NotFoundError,
                InternalError)
}


def from_code(code: int, message: str, byte_offset: Optional[int]) -> LibearningsError:
    """The exception for a library status code (unknown codes give the base class)."""
    return _BY_CODE.get(code, LibearningsError)(message, code, byte_offset)
