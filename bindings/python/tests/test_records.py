"""Figures, entities, lexicons, facts and fact sets."""

import dataclasses
import json
import os
import tempfile
import unittest
from decimal import Decimal

from _support import SAMPLE, libearnings
from libearnings import (Engine, Entity, EntityFlag, Fact, FactGroup, FactSet, Figure, FigureFlag,
                         Lexicon)

FACTS_TEXT = ("Amazon Q3 2025: AWS revenue was $33.0 billion, up 20.2% year-over-year.\n"
              "亚马逊2025年第三季度AWS营收330亿美元，同比增长20%。\n")


class EngineCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = Engine()

    @classmethod
    def tearDownClass(cls):
        cls.engine.close()


class TestFigures(EngineCase):
    def test_values_and_offsets(self):
        with self.engine.parse(SAMPLE) as doc:
            figs = doc.figures
            self.assertIs(doc.figures, figs)
            self.assertTrue(all(isinstance(f, Figure) for f in figs))
            data = SAMPLE.encode()
            for i, f in enumerate(figs):
                self.assertEqual(f.index, i)
                self.assertEqual(data[f.start:f.end].decode(), f.text)
                self.assertEqual(SAMPLE[f.char_start:f.char_end], f.text)
                self.assertLessEqual(f.start, f.num.start)
            money = next(f for f in figs if f.text == "３３０亿美元")
            self.assertEqual((money.kind, money.unit, money.lang), ("money", "USD", "zh"))
            self.assertEqual(money.value, Decimal("33000000000"))
            self.assertIsInstance(money.value, Decimal)
            self.assertEqual((money.low, money.high, money.is_range), (money.value, money.value, False))
            self.assertIsNone(money.qualifier)
            self.assertIsNone(money.num_high)
            self.assertEqual((money.char_start, money.char_end), (5, 11))
            pct = next(f for f in figs if f.text == "２０．２％")
            self.assertEqual((pct.kind, pct.value, pct.unit, pct.direction, pct.comparison),
                             ("percent", Decimal("20.2"), "%", "up", "yoy"))
            self.assertEqual(str(pct.value), "20.2")

    def test_range_period_and_flags(self):
        with self.engine.parse("Revenue of between $30 and $40 billion in Q3 2025; "
                               "about 50 多万块芯片.") as doc:
            rng, period = doc.figures[0], doc.figures[1]
            self.assertTrue(rng.is_range)
            self.assertEqual(rng.value, (Decimal("30000000000"), Decimal("40000000000")))
            self.assertEqual((rng.low, rng.high), rng.value)
            self.assertIsNotNone(rng.num_high)
            self.assertGreater(rng.num_high.start, rng.num.end)
            self.assertEqual((period.kind, period.period, period.value, period.low), ("period", "2025Q3", None, None))
            chips = doc.figures[-1]
            self.assertIn(FigureFlag.COUNT, chips.flags)
            self.assertEqual(chips.to_dict()["count"], True)
            lines = [json.loads(x) for x in doc.to_json("figures", lines=True).splitlines()]
            self.assertEqual([f.to_dict() for f in doc.figures], lines)

    def test_inexact_value_is_a_float(self):
        with self.engine.parse("one third of the shares, 1/3 of revenue") as doc:
            inexact = [f for f in doc.figures if FigureFlag.INEXACT in f.flags]
            for f in inexact:
                self.assertIsInstance(f.value, float)
            self.assertEqual([f.to_dict() for f in doc.figures], doc.to_dict("figures")["figures"])

    def test_stage_not_run_and_immutability(self):
        with self.engine.parse(SAMPLE, stages="tokens") as doc:
            self.assertEqual((doc.figures, doc.entities, doc.facts), ((), (), ()))
        with self.engine.parse(SAMPLE) as doc:
            f = doc.figures[0]
        with self.assertRaises(dataclasses.FrozenInstanceError):
            f.value = 1
        self.assertEqual(hash(f), hash(dataclasses.replace(f)))


class TestEntities(EngineCase):
    def test_entities(self):
        text = "CFO Brian Olsavsky said Amazon (NASDAQ: AMZN) and 亚马逊云科技 grew."
        with self.engine.parse(text) as doc:
            ents = {e.text: e for e in doc.entities}
            self.assertTrue(all(isinstance(e, Entity) for e in doc.entities))
            person = ents["Brian Olsavsky"]
            self.assertEqual((person.type, person.id, person.role), ("person", "person:brian-olsavsky", "role:cfo"))
            tick = ents["NASDAQ: AMZN"]
            self.assertEqual((tick.type, tick.ticker, tick.exchange, tick.id, tick.match),
                             ("ticker", "AMZN", "NASDAQ", "org:amazon", "pattern"))
            zh = ents["亚马逊云科技"]
            self.assertEqual((zh.lang, zh.id), ("zh", "segment:aws"))
            self.assertEqual(text[zh.char_start:zh.char_end], zh.text)
            self.assertEqual([e.to_dict() for e in doc.entities],
                             [json.loads(x) for x in doc.to_json("entities", lines=True).splitlines()])

    def test_flags_to_dict(self):
        with self.engine.parse("Mr. Dave Fildes spoke about $ZZZQ.") as doc:
            unknown = [e for e in doc.entities if EntityFlag.UNKNOWN in e.flags]
            for e in unknown:
                self.assertIn("unknown", e.to_dict()["flags"])

    def test_lookup(self):
        self.assertEqual(self.engine.lookup("org:amazon"),
                         libearnings.EntityInfo("org:amazon", "org", "Amazon"))
        self.assertEqual(self.engine.lookup("metric:revenue").type, "metric")
        with self.assertRaises(libearnings.NotFoundError):
            self.engine.lookup("org:nope")
        with self.assertRaises(TypeError):
            self.engine.lookup(b"org:amazon")


class TestLexicon(unittest.TestCase):
    def test_buffer_file_engine_and_errors(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "extra.tsv")
            with open(path, "w", encoding="utf-8") as f:
                f.write("product:widget\tproduct\tWidgetron\n")
            lex = Lexicon()
            self.assertIs(lex.add_buffer("org:contoso\torg\tContoso\tContoso Ltd.|康托索\n", "mine.tsv"), lex)
            self.assertEqual(len(lex), 1)
            with self.assertRaises(libearnings.DataFormatError) as cm:
                lex.add_buffer(b"# ok\nbad line\n", "bad.tsv")
            self.assertIn("bad.tsv:2", cm.exception.message)
            self.assertEqual(cm.exception.byte_offset, 5)
            self.assertEqual(len(lex), 1)  # unchanged
            with self.assertRaises(libearnings.FileReadError):
                lex.add_file(os.path.join(tmp, "missing.tsv"))
            lex.add_file(path)
            self.assertEqual(len(lex), 2)
            engine = Engine(lexicon=lex)
            lex.close()  # the engine has its copy
            with self.assertRaises(libearnings.ClosedError):
                len(lex)
            with self.assertRaises(libearnings.ClosedError):
                Engine(lexicon=lex)
            with engine, engine.parse("康托索 and Contoso Ltd. sell the Widgetron.") as doc:
                self.assertEqual([(e.id, e.match) for e in doc.entities],
                                 [("org:contoso", "alias"), ("org:contoso", "alias"),
                                  ("product:widget", "exact")])
                self.assertEqual(engine.lookup("org:contoso").name, "Contoso")
            with Lexicon(path) as lex2:  # files given to the constructor
                self.assertEqual(len(lex2), 1)
        with self.assertRaises(TypeError):
            Engine(lexicon="extra.tsv")


class TestFacts(EngineCase):
    def test_doc_facts(self):
        with self.engine.parse(FACTS_TEXT) as doc:
            facts = doc.facts
            self.assertGreaterEqual(len(facts), 3)
            self.assertTrue(all(isinstance(f, Fact) for f in facts))
            f = facts[0]
            self.assertEqual((f.entity, f.metric, f.period, f.kind, f.value, f.unit, f.source),
                             ("segment:aws", "metric:revenue", "2025Q3", "level",
                              Decimal("33000000000"), "USD", None))
            self.assertEqual(FACTS_TEXT[f.char_start:f.char_end], f.text)
            self.assertLessEqual(f.sentence_char.start, f.char_start)
            self.assertEqual(doc.figures[f.figure].start, f.start)
            g = next(x for x in facts if x.kind == "growth")
            self.assertEqual((g.value, g.comparison, g.direction), (Decimal("20.2"), "yoy", "up"))
            self.assertEqual([x.to_dict() for x in facts],
                             [json.loads(x) for x in doc.to_json("facts", lines=True).splitlines()])

    def test_decrease_is_negative(self):
        with self.engine.parse("In Q3 2025, AWS operating income fell 5.5% year-over-year.") as doc:
            g = [f for f in doc.facts if f.kind == "growth"]
            self.assertTrue(g)
            self.assertEqual(g[0].value, Decimal("-5.5"))
            self.assertEqual(g[0].to_dict(), doc.to_dict("facts")["facts"][g[0].index])


class TestFactSet(EngineCase):
    def test_add_filter_reconcile_json(self):
        s = FactSet()
        with self.engine.parse(FACTS_TEXT) as a:
            n = s.add_doc(a, "a.txt")
            self.assertEqual(n, len(a.facts))
        with self.engine.parse("AWS revenue was $33 billion in Q3 2025, up 20% YoY.") as b:
            s.add_doc(b, "b.txt")
        self.assertEqual(s.sources, ("a.txt", "b.txt"))
        self.assertEqual(len(s), len(s.facts))
        self.assertEqual(s.facts[0].source, "a.txt")
        self.assertEqual(s.facts[-1].source, "b.txt")
        for f in s.facts[:n]:  # str indices of the source document
            self.assertEqual(FACTS_TEXT[f.char_start:f.char_end], f.text)
        self.assertTrue(any(f.lang == "zh" for f in s.facts[:n]))
        self.assertEqual(s.groups, ())
        groups = s.reconcile()
        self.assertIs(s.groups, groups)
        self.assertTrue(groups)
        for g in groups:
            self.assertIsInstance(g, FactGroup)
            self.assertIn(g.verdict, ("agree", "agree_within_rounding", "conflict"))
            self.assertEqual(len(g.members), len(g.facts))
            self.assertEqual(len(g.sides), g.side_count)
            self.assertEqual(len({(f.entity, f.metric, f.period, f.kind, f.unit) for f in g.facts}), 1)
        levels = s.filter(entity="segment:aws", metric="metric:revenue", kind="level")
        self.assertGreaterEqual(len(levels), 2)
        self.assertTrue(all(f.kind == "level" and f.entity == "segment:aws" for f in levels))
        self.assertEqual(s.filter(period="1999Q1"), ())
        self.assertEqual(len(s.filter()), len(s))
        with self.assertRaises(ValueError):
            s.filter(kind="bogus")
        with self.assertRaises(TypeError):
            s.filter(entity=1)
        d = s.to_dict()
        self.assertEqual(d["schema"], "libearnings/factset")
        self.assertEqual(d["sources"], ["a.txt", "b.txt"])
        self.assertEqual(d["facts"], [f.to_dict() for f in s.facts])
        self.assertEqual([g["members"] for g in d["groups"]], [list(g.members) for g in groups])
        self.assertEqual([g["verdict"] for g in d["groups"]], [g.verdict for g in groups])
        self.assertEqual([p["id"] for p in d["names"]], [p.id for p in s.names])
        self.assertEqual(s.to_json(), s.to_json_bytes().decode())
        # adding drops the groups
        with self.engine.parse("Nothing here.") as c:
            self.assertEqual(s.add_doc(c, "c.txt"), 0)
        self.assertEqual(s.groups, ())
        facts = s.facts
        s.close()
        self.assertTrue(facts)  # records outlive the set
        for call in (lambda: len(s), lambda: s.reconcile(), lambda: s.to_json(), lambda: s.facts):
            with self.assertRaises(libearnings.ClosedError):
                call()

    def test_names_and_errors(self):
        with FactSet() as s, self.engine.parse("CFO Brian Olsowski and Brian Olsavsky spoke.") as d:
            with self.assertRaises(TypeError):
                s.add_doc("text", "x")
            with self.assertRaises(TypeError):
                s.add_doc(d, b"x")
            s.add_doc(d, "call.txt")
            s.reconcile()
            p = next(p for p in s.names if p.id == "person:brian-olsavsky")
            self.assertTrue(p.has_variants)
            self.assertEqual({sp.text for sp in p.spellings}, {"Brian Olsowski", "Brian Olsavsky"})
            self.assertTrue(all(sp.source == "call.txt" and sp.count == 1 for sp in p.spellings))
        closed = self.engine.parse("x")
        closed.close()
        with FactSet() as s, self.assertRaises(libearnings.ClosedError):
            s.add_doc(closed, "x")


if __name__ == "__main__":
    unittest.main()


class TestOffsetMap(unittest.TestCase):
    """The counting cursor (few lookups) and the prefix table (many) agree."""

    def test_sparse_and_dense_agree_in_any_order(self):
        import random
        from libearnings import _text
        rng = random.Random(7)
        data = ("AWS营收３３０亿美元 😀 é " * 50).encode() + b"\xff\xe4\xb8 tail \xc3"
        text, invalid = _text.decode(data)
        sparse, dense = _text.OffsetMap(data, invalid), _text.OffsetMap(data, invalid)
        table = dense.dense()
        offsets = list(range(len(data) + 1))
        rng.shuffle(offsets)
        self.assertEqual([sparse.char(b) for b in offsets], [table(b) for b in offsets])
        self.assertEqual(table(len(data)), len(text))
        for b in (-1, len(data) + 1):
            with self.assertRaises(IndexError):
                sparse.char(b)
        self.assertIs(sparse.dense(), sparse.char)  # switches over
        self.assertEqual(sparse.char(len(data)), len(text))
