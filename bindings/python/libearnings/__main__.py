"""``python -m libearnings COMMAND [OPTIONS] [FILE|-]``: the ``earnings``
command-line tool's normalize, tokenize, sentences, figures, entities, facts
and reconcile commands, with the same options, output (byte for byte) and
exit status (0 ok, 1 error, 2 usage). ``--table`` is not mirrored."""

from __future__ import annotations

import argparse
import os
import sys
from typing import List, Optional

from . import (Engine, FactSet, LibearningsError, Lexicon, LibraryLoadError, normalize,
               version)

PROG = "python -m libearnings"

# command -> (parse stages, JSON part); one line per command of the C tool
COMMANDS = {
    "tokenize": (("tokens", "sentences"), "tokens"),
    "sentences": (("tokens", "sentences"), "sentences"),
    "figures": (("figures",), "figures"),
    "entities": (("entities",), "entities"),
}
MULTI = ("facts", "reconcile")  # commands taking several files


class _Failed(Exception):
    """A processing error already reported on stderr (exit status 1)."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="libearnings from Python: print the "
                                "normalized text, or tokens, sentences, figures, entities or facts "
                                "as JSON Lines, or the reconciled facts of several files as JSON.")
    p.add_argument("command", choices=["normalize", *COMMANDS, *MULTI])
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="input file (default: standard input); facts and reconcile take one or more")
    p.add_argument("--simplified", action="store_true",
                   help="read Traditional Chinese as Simplified (the default of every "
                   "command but normalize)")
    p.add_argument("--traditional", action="store_true",
                   help="keep Traditional Chinese characters as they are")
    p.add_argument("--casefold", action="store_true", help="fold case")
    p.add_argument("--keep-cjk-punct", action="store_true", help="keep CJK punctuation as it is")
    p.add_argument("--replace-invalid", action="store_true",
                   help="replace invalid UTF-8 by U+FFFD instead of failing")
    p.add_argument("--chars", action="store_true",
                   help="tokenize: one token per Han character (no dictionary)")
    p.add_argument("--lang", choices=["en", "zh", "auto"], default="auto",
                   help="figures: keep only figures of that language (default auto: all)")
    p.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                   help="add a lexicon file (docs/lexicons.md); repeatable")
    p.add_argument("--version", action="version", version=f"%(prog)s (libearnings {_lib_version()})")
    return p


def _lib_version() -> str:
    try:
        return version()
    except LibraryLoadError as e:
        return f"not loaded: {e}"


def _fail(name: str, e: LibearningsError) -> _Failed:
    at = f" (byte {e.byte_offset})" if e.byte_offset is not None else ""
    print(f"{PROG}: {name}: {e.message}{at}", file=sys.stderr)
    return _Failed()


def _read(path: str) -> bytes:
    try:
        if path == "-":
            return sys.stdin.buffer.read()
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        print(f"{PROG}: {'stdin' if path == '-' else path}: {e.strerror or e}", file=sys.stderr)
        raise _Failed() from None


def _engine(lexicons: List[str]) -> Engine:
    """An engine with the built-in lexicons plus the given files."""
    if not lexicons:
        return Engine()
    with Lexicon() as lex:
        for f in lexicons:
            try:
                lex.add_file(f)
            except LibearningsError as e:
                raise _fail(f, e) from None
        return Engine(lexicon=lex)


def _source_prefix(path: str) -> bytes:
    """``{"source":"<file name>",`` as the C tool writes it."""
    base = os.fsencode(path).rsplit(b"/", 1)[-1]
    esc = bytearray()
    for b in base:
        if b in b'"\\':
            esc += b"\\"
        if b >= 0x20:
            esc.append(b)
    return b'{"source":"' + bytes(esc) + b'",'


def _write(out: bytes) -> None:
    sys.stdout.buffer.write(out)


def _run(args: argparse.Namespace, flags: dict) -> None:
    if args.command in MULTI:
        if not args.files:
            print(f"{PROG}: {args.command} needs at least one FILE", file=sys.stderr)
            raise SystemExit(2)
        with _engine(args.lexicon) as engine:
            if args.command == "facts":
                for path in args.files:
                    data = _read(path)
                    try:
                        with engine.parse(data, **flags) as doc:
                            lines = doc.to_json_bytes("facts", lines=True)
                    except LibearningsError as e:
                        raise _fail(path, e) from None
                    prefix = _source_prefix(path)
                    _write(b"".join(prefix + line[1:] + b"\n" for line in lines.splitlines()))
            else:
                with FactSet() as facts:
                    for path in args.files:
                        data = _read(path)
                        try:
                            with engine.parse(data, **flags) as doc:
                                facts.add_doc(doc, os.path.basename(path) if path != "-" else "-")
                        except LibearningsError as e:
                            raise _fail(path, e) from None
                    facts.reconcile()
                    _write(facts.to_json_bytes())
        return
    if len(args.files) > 1:
        print(f"{PROG}: too many arguments (try --help)", file=sys.stderr)
        raise SystemExit(2)
    path = args.files[0] if args.files else "-"
    name = "stdin" if path == "-" else path
    data = _read(path)
    if args.command == "normalize":
        try:
            with normalize(data, **flags) as norm:
                _write(norm.data)
        except LibearningsError as e:
            raise _fail("normalize", e) from None
        return
    stages, part = COMMANDS[args.command]
    han_words = args.command == "tokenize" and not args.chars
    with _engine(args.lexicon) as engine:
        try:
            with engine.parse(data, stages=stages, han_words=han_words, **flags) as doc:
                out = doc.to_json_bytes(part, lines=True)
                if args.command == "figures" and args.lang != "auto":
                    out = b"".join(line for line, fig in zip(out.splitlines(True), doc.figures)
                                   if fig.lang == args.lang)
        except LibearningsError as e:
            raise _fail(name, e) from None
    _write(out)


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_intermixed_args(argv)
    # normalize: what normalize() gives; the parsing commands read Traditional
    # as Simplified unless --traditional (as the C tool)
    simplified = args.simplified or (args.command != "normalize" and not args.traditional)
    flags = dict(simplified=simplified, casefold=args.casefold,
                 keep_cjk_punct=args.keep_cjk_punct, replace_invalid=args.replace_invalid)
    try:
        _run(args, flags)
        sys.stdout.buffer.flush()
    except _Failed:
        sys.stdout.flush()
        return 1
    except LibraryLoadError as e:
        print(f"{PROG}: {e}", file=sys.stderr)
        return 1
    except LibearningsError as e:  # engine, lexicon or set creation
        print(f"{PROG}: {e.message}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"{PROG}: write error: {e.strerror or e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
