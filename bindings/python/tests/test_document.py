"""Engine, Document, records, JSON, lifetimes and threads."""

import dataclasses
import gc
import json
import threading
import unittest
import weakref

from _support import SAMPLE, libearnings
from libearnings import Engine, Sentence, Token, TokenFlag


class EngineCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = Engine()

    @classmethod
    def tearDownClass(cls):
        cls.engine.close()


class TestRecords(EngineCase):
    def test_tokens(self):
        with self.engine.parse(SAMPLE) as doc:
            toks = doc.tokens
            self.assertIsInstance(toks, tuple)
            self.assertIs(doc.tokens, toks)  # cached
            self.assertTrue(all(isinstance(t, Token) for t in toks))
            data = SAMPLE.encode()
            for i, t in enumerate(toks):
                self.assertEqual(t.index, i)
                self.assertEqual(data[t.start:t.end].decode(), t.text)
                self.assertEqual(SAMPLE[t.char_start:t.char_end], t.text)
                self.assertEqual(doc.normalized_data[t.norm_start:t.norm_end].decode(), t.norm)
                self.assertIn(t.type, ("word", "number", "cjk", "punct", "symbol", "currency", "percent"))
                self.assertIn(t.script, ("common", "latin", "han", "kana", "hangul", "other"))
                self.assertIsInstance(t.flags, TokenFlag)
            num = next(t for t in toks if t.text == "３３０")
            self.assertEqual((num.type, num.script, num.norm), ("number", "common", "330"))
            self.assertEqual((num.start, num.end, num.char_start, num.char_end), (9, 18, 5, 8))
            self.assertIn(TokenFlag.ATTACHED, num.flags)
            aws = toks[0]
            self.assertEqual((aws.text, aws.type, aws.script, aws.flags), ("AWS", "word", "latin", 0))
            clitic = next(t for t in toks if t.norm == "'s")
            self.assertIn(TokenFlag.CLITIC, clitic.flags)
            self.assertEqual(clitic.to_dict()["flags"], ["attached", "clitic"])
            hy = next(t for t in toks if t.text == "year-over-year")
            self.assertIn(TokenFlag.HYPHENATED, hy.flags)

    def test_records_are_immutable(self):
        with self.engine.parse(SAMPLE) as doc:
            t, s = doc.tokens[0], doc.sentences[0]
        with self.assertRaises(dataclasses.FrozenInstanceError):
            t.start = 5
        with self.assertRaises(dataclasses.FrozenInstanceError):
            s.text = "x"
        self.assertEqual(t, dataclasses.replace(t))
        self.assertEqual(hash(t), hash(dataclasses.replace(t)))

    def test_sentences(self):
        with self.engine.parse(SAMPLE) as doc:
            sents = doc.sentences
            self.assertEqual(len(sents), 2)
            self.assertTrue(all(isinstance(s, Sentence) for s in sents))
            s0, s1 = sents
            self.assertEqual(s0.text, "AWS营收３３０亿美元，同比增长２０．２％。")
            self.assertEqual(SAMPLE[s1.char_start:s1.char_end], s1.text)
            self.assertTrue(s1.text.startswith("Amazon’s"))
            self.assertEqual((s0.index, s0.first_token), (0, 0))
            self.assertEqual(s1.first_token, s0.token_count)
            toks = doc.tokens[s1.token_slice]
            self.assertEqual(len(toks), s1.token_count)
            self.assertTrue(all(t.sentence == 1 for t in toks))
            self.assertEqual(doc.normalized_data[s0.norm_start:s0.norm_end].decode(),
                             "AWS营收330亿美元,同比增长20.2%.")

    def test_text_and_normalized(self):
        with self.engine.parse(SAMPLE) as doc:
            self.assertEqual(doc.text, SAMPLE)
            self.assertEqual(doc.data, SAMPLE.encode())
            self.assertTrue(doc.normalized.startswith("AWS营收330亿美元,同比增长20.2%."))
            self.assertEqual(doc.normalized_data, doc.normalized.encode())
            self.assertEqual(doc.char_offset(9), 5)
            self.assertEqual(doc.char_offset(len(doc.data)), len(SAMPLE))
            with self.assertRaises(libearnings.RangeError):
                doc.char_offset(len(doc.data) + 1)

    def test_bytes_input_and_replace_invalid(self):
        data = "营收 ".encode() + b"\xff\xfe" + " ３３０".encode()
        with self.assertRaises(libearnings.InvalidUTF8Error) as cm:
            self.engine.parse(data)
        self.assertEqual(cm.exception.byte_offset, 7)
        with self.engine.parse(data, replace_invalid=True) as doc:
            self.assertEqual(doc.data, data)
            self.assertIn("\ufffd", doc.text)
            for t in doc.tokens:
                self.assertEqual(doc.text[t.char_start:t.char_end],
                                 data[t.start:t.end].decode("utf-8", "replace"))
            self.assertEqual(doc.tokens[-1].text, "３３０")

    def test_lone_surrogate(self):
        with self.assertRaises(libearnings.InvalidUTF8Error) as cm:
            self.engine.parse("营收\udc80")
        self.assertEqual(cm.exception.byte_offset, 6)

    def test_han_words(self):
        text = "亚马逊云科技营收增长"
        with self.engine.parse(text) as chars, self.engine.parse(text, han_words=True) as words:
            self.assertEqual(len(chars.tokens), len(text))
            self.assertLess(len(words.tokens), len(text))
            self.assertTrue(all(TokenFlag.DICTIONARY in t.flags for t in words.tokens))
            self.assertEqual("".join(t.text for t in words.tokens), text)

    def test_normalize_switches(self):
        with self.engine.parse("營收 REVENUE", simplified=True, casefold=True) as doc:
            self.assertEqual(doc.normalized, "营收 revenue")
            self.assertEqual([t.text for t in doc.tokens], ["營", "收", "REVENUE"])
            self.assertEqual([t.norm for t in doc.tokens], ["营", "收", "revenue"])
        with self.engine.parse("增长，持平", keep_cjk_punct=True) as doc:
            self.assertEqual(doc.normalized, "增长，持平")

    def test_stages(self):
        with self.engine.parse(SAMPLE, stages="tokens") as doc:
            self.assertGreater(len(doc.tokens), 0)
            self.assertEqual(doc.sentences, ())
        with self.engine.parse(SAMPLE, stages=["figures"]) as doc:
            self.assertEqual(doc.tokens, ())
        with self.assertRaises(ValueError):
            self.engine.parse(SAMPLE, stages=["tokens", "nonsense"])
        with self.assertRaises(ValueError):
            self.engine.parse(SAMPLE, stages=[])
        with self.assertRaises(TypeError):
            self.engine.parse(SAMPLE, stages=[1])

    def test_empty_and_nul(self):
        with self.engine.parse("") as doc:
            self.assertEqual((doc.tokens, doc.sentences, doc.text, doc.normalized), ((), (), "", ""))
        with self.engine.parse(b"") as doc:
            self.assertEqual(doc.tokens, ())
        with self.engine.parse("a\x00b") as doc:
            self.assertEqual(doc.text, "a\x00b")

    def test_wrong_types(self):
        for bad in (None, 5, ["x"], object()):
            with self.assertRaises(TypeError):
                self.engine.parse(bad)
        with self.assertRaises(TypeError):
            self.engine.parse("x", "positional flags are not accepted")
        with self.assertRaises(TypeError):
            Engine("no arguments")


class TestJson(EngineCase):
    def test_to_json_and_to_dict(self):
        with self.engine.parse(SAMPLE) as doc:
            d = doc.to_dict()
            self.assertEqual(d["schema"], "libearnings/document")
            self.assertEqual(d["library_version"], libearnings.version())
            self.assertEqual(d["size"], len(SAMPLE.encode()))
            self.assertEqual(d["tokens"], [t.to_dict() for t in doc.tokens])
            self.assertEqual(d["sentences"], [s.to_dict() for s in doc.sentences])
            self.assertIn("figures", d)
            self.assertIn("entities", d)
            self.assertIn("facts", d)
            only = doc.to_dict(["sentences"])
            self.assertEqual(set(only) & {"tokens", "sentences"}, {"sentences"})
            self.assertEqual(json.loads(doc.to_json("tokens")), doc.to_dict("tokens"))

    def test_json_lines(self):
        with self.engine.parse(SAMPLE) as doc:
            lines = doc.to_json("tokens", lines=True).splitlines()
            self.assertEqual([json.loads(x) for x in lines], [t.to_dict() for t in doc.tokens])
            raw = doc.to_json_bytes("sentences", lines=True)
            self.assertIsInstance(raw, bytes)
            self.assertEqual(len(raw.splitlines()), len(doc.sentences))

    def test_bad_parts(self):
        with self.engine.parse(SAMPLE) as doc:
            with self.assertRaises(ValueError):
                doc.to_json(["tokens", "nope"])
            with self.assertRaises(TypeError):
                doc.to_json([3])


class TestNormalizationView(EngineCase):
    def test_view(self):
        with self.engine.parse(SAMPLE) as doc:
            n = doc.normalization
            self.assertEqual(n.text, doc.normalized)
            self.assertEqual(n.original, doc.text)
            self.assertEqual(n.original_size, len(doc.data))
            self.assertFalse(n.is_identity)
            for t in doc.tokens:
                self.assertEqual(n.map_span(t.norm_start, t.norm_end), (t.start, t.end))
            cs = n.text.index("330")
            self.assertEqual(n.map_char_span(cs, cs + 3), (5, 8))

    def test_view_keeps_the_document_alive(self):
        doc = self.engine.parse(SAMPLE)
        ref = weakref.ref(doc._res)
        n = doc.normalization
        doc.close()
        self.assertIsNotNone(ref(), "the view must keep the C document alive")
        self.assertEqual(n.map_span(0, 3), (0, 3))
        n.close()
        self.assertIsNone(ref())


class TestLifetimes(unittest.TestCase):
    def test_closed_document(self):
        with Engine() as eng:
            doc = eng.parse(SAMPLE)
            toks = doc.tokens
            ref = weakref.ref(doc._res)
            doc.close()
            self.assertIsNone(ref(), "close() must free at once")
            self.assertTrue(doc.closed)
            doc.close()
            self.assertEqual(toks[0].text, "AWS")  # records outlive the handle
            for attr in ("tokens", "sentences", "text", "data", "normalized", "normalized_data",
                         "normalization"):
                with self.assertRaisesRegex(libearnings.ClosedError, "Document is closed"):
                    getattr(doc, attr)
            with self.assertRaises(libearnings.ClosedError):
                doc.to_json()
            with self.assertRaises(libearnings.ClosedError):
                doc.char_offset(0)
            with self.assertRaises(libearnings.ClosedError) as cm:
                doc.to_dict()
            self.assertEqual(cm.exception.code, -1)
            self.assertIsInstance(cm.exception, ValueError)

    def test_closed_engine(self):
        eng = Engine()
        with eng:
            pass
        self.assertTrue(eng.closed)
        with self.assertRaisesRegex(libearnings.ClosedError, "Engine is closed"):
            eng.parse("x")

    def test_engine_outlives_its_documents(self):
        eng = Engine()
        eref = weakref.ref(eng._res)
        doc = eng.parse(SAMPLE)
        eng.close()
        gc.collect()
        self.assertIsNotNone(eref(), "a document keeps its engine alive")
        self.assertEqual(doc.tokens[0].text, "AWS")
        doc.close()
        self.assertIsNone(eref(), "the engine goes with its last document")

    def test_finalizers_free_unclosed_handles(self):
        eng = Engine()
        eref = weakref.ref(eng._res)
        doc = eng.parse(SAMPLE)
        dref = weakref.ref(doc._res)
        del eng
        self.assertIsNotNone(eref())
        del doc
        self.assertIsNone(dref())
        self.assertIsNone(eref())

    def test_cycle_is_collected_in_order(self):
        eng = Engine()
        doc = eng.parse(SAMPLE)
        eref, dref = weakref.ref(eng._res), weakref.ref(doc._res)
        eng.cycle, doc.cycle = doc, eng
        del eng, doc
        gc.collect()
        self.assertIsNone(dref())
        self.assertIsNone(eref())

    def test_resource_is_freed_exactly_once(self):
        from libearnings._api import _Resource
        freed = []
        parent = _Resource(1, freed.append)
        child = _Resource(2, freed.append, parent)
        pref = weakref.ref(parent)
        del parent
        self.assertEqual(freed, [])
        del child
        self.assertEqual(freed, [2, 1])  # child first, then the parent it kept alive
        gc.collect()
        self.assertEqual(freed, [2, 1])
        self.assertIsNone(pref())


class TestThreads(unittest.TestCase):
    def test_one_engine_shared_by_threads(self):
        texts = [SAMPLE * (i % 5 + 1) for i in range(8)]
        with Engine() as eng:
            expected = []
            for t in texts:
                with eng.parse(t, han_words=True) as doc:
                    expected.append(doc.to_json())
            results, errors = {}, []

            def work(k):
                try:
                    for rep in range(20):
                        i = (k + rep) % len(texts)
                        with eng.parse(texts[i], han_words=True) as doc:
                            got = doc.to_json()
                            if got != expected[i] or len(doc.tokens) == 0:
                                raise AssertionError(f"thread {k}: different result for text {i}")
                    results[k] = True
                except Exception as e:  # reported below
                    errors.append(e)
            threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            self.assertEqual(errors, [])
            self.assertEqual(len(results), 4)

    def test_errors_are_per_thread(self):
        errs = {}

        def bad():
            try:
                libearnings.normalize(b"ok \xc3")
            except libearnings.InvalidUTF8Error as e:
                errs["bad"] = e

        th = threading.Thread(target=bad)
        th.start()
        th.join()
        with libearnings.normalize("fine"):
            pass
        self.assertEqual(errs["bad"].byte_offset, 3)


if __name__ == "__main__":
    unittest.main()
