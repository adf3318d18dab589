"""Memory: 10,000 parse/free cycles keep the resident set flat.

Tolerance: after a warm-up of 1,000 cycles, resident memory (from
/proc/self/statm) may grow by less than 5 MiB over the next 10,000 cycles,
i.e. under ~520 bytes a cycle on average, while one leaked document of the
text below (its copy of the input, normalized text, offset map, token,
sentence, figure, entity and fact records) costs several KiB, so a leak of one
object per cycle shows as tens of MiB. The same holds for handles left to
the finalizers (never closed) and for normalize().
"""

import gc
import os
import unittest

from _support import libearnings

TOLERANCE = 5 * 1024 * 1024
WARMUP = 1000
CYCLES = 10000
TEXT = ("Amazon reported Q3 2025 revenue of $180.2 billion, up 13% year-over-year. "
        "AWS营收３３０亿美元，同比增长２０．２％。")


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@unittest.skipUnless(os.path.exists("/proc/self/statm"), "needs /proc/self/statm (Linux)")
class TestLeaks(unittest.TestCase):
    def _measure(self, cycle):
        for _ in range(WARMUP):
            cycle()
        gc.collect()
        before = rss()
        for _ in range(CYCLES):
            cycle()
        gc.collect()
        growth = rss() - before
        self.assertLess(growth, TOLERANCE,
                        f"resident memory grew by {growth / 1048576:.1f} MiB over {CYCLES} cycles")
        return growth

    def test_parse_and_close(self):
        eng = libearnings.Engine()

        def cycle():
            with eng.parse(TEXT) as doc:
                doc.tokens
                doc.sentences
                doc.figures
                doc.entities
                doc.facts
                doc.to_json()
                doc.normalization.map_span(0, 3)
        self._measure(cycle)
        eng.close()

    def test_parse_left_to_finalizers(self):
        eng = libearnings.Engine()

        def cycle():
            doc = eng.parse(TEXT.encode(), han_words=True)
            doc.tokens
        self._measure(cycle)

    def test_factsets_and_lexicons(self):
        eng = libearnings.Engine()
        with eng.parse(TEXT) as doc:
            def cycle():
                with libearnings.FactSet() as s:
                    s.add_doc(doc, "a")
                    s.add_doc(doc, "b")
                    s.reconcile()
                    s.filter(kind="level")
                    s.to_json_bytes()
                libearnings.FactSet().add_doc(doc, "c")  # left to the finalizer
                with libearnings.Lexicon() as lex:
                    lex.add_buffer("org:contoso\torg\tContoso\n")
                    try:
                        lex.add_buffer("bad")
                    except libearnings.DataFormatError:
                        pass
            self._measure(cycle)

    def test_normalize(self):
        def cycle():
            with libearnings.normalize(TEXT, casefold=True) as n:
                n.map_char_span(0, 5)
            libearnings.normalize(TEXT)  # left to the finalizer
        self._measure(cycle)

    def test_errors(self):
        eng = libearnings.Engine()

        def cycle():
            try:
                eng.parse(b"abc \xff")
            except libearnings.InvalidUTF8Error:
                pass
        self._measure(cycle)


if __name__ == "__main__":
    unittest.main()
