"""libearnings.normalize() and Normalized."""

import unittest
import weakref

from _support import libearnings
from libearnings import normalize


class TestNormalize(unittest.TestCase):
    def test_str_and_bytes_give_the_same_result(self):
        text = "营收３３０亿美元，同比增长２０．２％"
        with normalize(text) as a, normalize(text.encode()) as b:
            self.assertEqual(a.text, "营收330亿美元,同比增长20.2%")
            self.assertEqual(a.text, b.text)
            self.assertEqual(a.data, a.text.encode())
            self.assertEqual(a.original, text)
            self.assertEqual(b.original, text)
            self.assertEqual(a.original_size, len(text.encode()))
            self.assertFalse(a.is_identity)

    def test_bytearray_and_memoryview(self):
        for t in (bytearray(b"abc"), memoryview(b"abc")):
            with normalize(t) as n:
                self.assertEqual(n.text, "abc")

    def test_identity(self):
        with normalize("plain ascii") as n:
            self.assertTrue(n.is_identity)
            self.assertEqual(n.map_span(0, 5), (0, 5))
            self.assertEqual(n.map_char_span(6, 11), (6, 11))

    def test_empty(self):
        with normalize("") as n:
            self.assertEqual((n.text, n.original_size), ("", 0))
            self.assertEqual(n.map_span(0, 0), (0, 0))

    def test_embedded_nul(self):
        with normalize("a\x00b") as n:
            self.assertEqual(n.text, "a\x00b")

    def test_flags(self):
        with normalize("Revenue ÉTÉ", casefold=True) as n:
            self.assertEqual(n.text, "revenue été")
        with normalize("營收", simplified=True) as n:
            self.assertEqual(n.text, "营收")
        with normalize("營收") as n:
            self.assertEqual(n.text, "營收")
        with normalize("增长，持平。", keep_cjk_punct=True) as n:
            self.assertEqual(n.text, "增长，持平。")
        with normalize(b"a\xffb", replace_invalid=True) as n:
            self.assertEqual(n.text, "a\ufffdb")
            self.assertEqual(n.original, "a\ufffdb")
            self.assertEqual(n.map_span(1, 4), (1, 2))
            self.assertEqual(n.map_char_span(1, 2), (1, 2))

    def test_map_span_bytes_and_chars(self):
        text = "AWS营收３３０亿"
        with normalize(text) as n:
            nb = n.text.encode()
            i = nb.index(b"330")
            self.assertEqual(n.map_span(i, i + 3), (9, 18))
            self.assertEqual(text.encode()[9:18].decode(), "３３０")
            cs = n.text.index("330")
            self.assertEqual(n.map_char_span(cs, cs + 3), (5, 8))
            self.assertEqual(text[5:8], "３３０")
            # a span in the middle of a composed character widens to all of it
            self.assertEqual(n.map_span(i + 1, i + 2), (12, 15))

    def test_map_span_errors(self):
        with normalize("abc") as n:
            with self.assertRaises(libearnings.RangeError) as cm:
                n.map_span(2, 1)
            self.assertEqual(cm.exception.code, -5)
            with self.assertRaises(libearnings.RangeError):
                n.map_span(0, 4)
            with self.assertRaises(libearnings.RangeError):
                n.map_span(-1, 2)
            with self.assertRaises(libearnings.RangeError):
                n.map_char_span(0, 9)
            with self.assertRaises(TypeError):
                n.map_span("0", 1)
            with self.assertRaises(TypeError):
                n.map_span(0.0, 1)
        with normalize("营收") as n:
            with self.assertRaises(libearnings.RangeError):
                n.map_char_span(0, 3)

    def test_invalid_utf8(self):
        with self.assertRaises(libearnings.InvalidUTF8Error) as cm:
            normalize(b"abc\xe4\xb8")
        e = cm.exception
        self.assertEqual((e.code, e.byte_offset), (-3, 3))
        self.assertIn("invalid UTF-8", e.message)
        self.assertIsInstance(e, ValueError)

    def test_lone_surrogate_in_str_is_reported_by_the_library(self):
        with self.assertRaises(libearnings.InvalidUTF8Error) as cm:
            normalize("ab\ud800c")
        self.assertEqual(cm.exception.byte_offset, 2)
        with normalize("ab\ud800c", replace_invalid=True) as n:
            self.assertNotIn("\ud800", n.text)

    def test_wrong_types(self):
        for bad in (None, 12, ["a"], 1.5):
            with self.assertRaises(TypeError):
                normalize(bad)

    def test_close(self):
        n = normalize("３３０")
        ref = weakref.ref(n._res)
        self.assertFalse(n.closed)
        n.close()
        self.assertTrue(n.closed)
        self.assertIsNone(ref(), "close() must free at once")
        n.close()  # idempotent
        for attr in ("text", "data", "original", "original_size", "is_identity"):
            with self.assertRaises(libearnings.ClosedError):
                getattr(n, attr)
        with self.assertRaisesRegex(libearnings.ClosedError, "Normalized is closed"):
            n.map_span(0, 1)
        with self.assertRaises(libearnings.ClosedError):
            with n:
                pass
        self.assertIn("closed", repr(n))

    def test_freed_by_the_garbage_collector(self):
        n = normalize("３３０")
        ref = weakref.ref(n._res)
        del n
        self.assertIsNone(ref())


if __name__ == "__main__":
    unittest.main()
