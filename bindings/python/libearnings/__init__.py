"""libearnings: structured facts from English and Chinese earnings text.

A thin ctypes binding of the C library libearnings (no compiler needed)::

    import libearnings
    with libearnings.Engine() as engine, engine.parse("AWS营收３３０亿美元，同比增长２０．２％") as doc:
        for t in doc.tokens:
            print(t.type, t.text, t.char_start, t.char_end)

Byte offsets (``start``/``end``) index the UTF-8 input, as in the C API;
``char_start``/``char_end`` index the Python ``str``. See docs/python.md.
"""

from ._api import (Document, Engine, FactSet, Lexicon, Normalized, load_library, normalize, strerror,
                   struct_sizes, version, version_number)
from ._errors import (ClosedError, DataFormatError, FileReadError, ICUError, InternalError,
                      InvalidArgumentError, InvalidUTF8Error, LibearningsError, LibraryLoadError,
                      NotFoundError, OptionsVersionError, OutOfMemoryError, RangeError,
                      TooBigError)
from ._records import (Entity, EntityFlag, EntityInfo, Fact, FactGroup, Figure, FigureFlag,
                       NameSpelling, PersonNames, Sentence, Span, Token, TokenFlag)

__version__ = "0.1.0"

__all__ = [
    "Engine", "Document", "Lexicon", "FactSet", "Normalized", "normalize", "load_library", "version",
    "version_number", "strerror", "struct_sizes",
    "Token", "Sentence", "Span", "TokenFlag", "Figure", "FigureFlag", "Entity", "EntityFlag",
    "EntityInfo", "Fact", "FactGroup", "NameSpelling", "PersonNames",
    "LibearningsError", "InvalidArgumentError", "OutOfMemoryError", "InvalidUTF8Error",
    "OptionsVersionError", "RangeError", "TooBigError", "ICUError", "FileReadError",
    "DataFormatError", "NotFoundError", "InternalError", "ClosedError", "LibraryLoadError",
]
