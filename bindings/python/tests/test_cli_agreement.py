"""Agreement with the C command-line tool (EARNINGS_CLI) on every corpus
document: the Python records (to_dict) against the tool's JSON Lines (tokens,
sentences, figures, entities, facts, the reconciled set), and
`python -m libearnings` against the tool byte for byte for each command."""

import json
import os
import subprocess
import sys
import unittest

from _support import SAMPLE, child_env, cli, corpus_files, libearnings


def run_cli(*args, data=None):
    r = subprocess.run([cli(), *args], input=data, capture_output=True, timeout=120)
    return r.returncode, r.stdout, r.stderr


def run_module(*args, data=None):
    r = subprocess.run([sys.executable, "-m", "libearnings", *args], input=data,
                       capture_output=True, timeout=120, env=child_env())
    return r.returncode, r.stdout, r.stderr


class TestCorpusAgreement(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.files = corpus_files()
        cli()
        cls.engine = libearnings.Engine()

    @classmethod
    def tearDownClass(cls):
        cls.engine.close()

    def _compare(self, command, records_of, **parse):
        for path in self.files:
            with self.subTest(file=path.name):
                rc, out, err = run_cli(command, str(path))
                self.assertEqual(rc, 0, err)
                want = [json.loads(line) for line in out.splitlines()]
                with self.engine.parse(path.read_bytes(), **parse) as doc:
                    got = [r.to_dict() for r in records_of(doc)]
                    self.assertGreater(len(got), 0)
                    self.assertEqual(len(got), len(want))
                    for g, w in zip(got, want):
                        self.assertEqual(g, w)
                    # str indices agree with byte offsets
                    text = path.read_text(encoding="utf-8")
                    for r in records_of(doc):
                        self.assertEqual(text[r.char_start:r.char_end], r.text)

    def test_tokens_match_earnings_tokenize(self):
        self._compare("tokenize", lambda d: d.tokens, han_words=True)

    def test_tokens_match_earnings_tokenize_chars(self):
        for path in self.files:
            rc, out, err = run_cli("tokenize", "--chars", str(path))
            with self.engine.parse(path.read_bytes()) as doc:
                self.assertEqual([t.to_dict() for t in doc.tokens],
                                 [json.loads(x) for x in out.splitlines()])

    def test_sentences_match_earnings_sentences(self):
        self._compare("sentences", lambda d: d.sentences)

    def test_figures_match_earnings_figures(self):
        self._compare("figures", lambda d: d.figures, stages="figures")

    def test_entities_match_earnings_entities(self):
        self._compare("entities", lambda d: d.entities, stages="entities")

    def test_facts_match_earnings_facts(self):
        # the tool prints each document's facts with its file name as source
        with libearnings.FactSet() as facts:
            for path in self.files:
                with self.subTest(file=path.name):
                    rc, out, err = run_cli("facts", str(path))
                    self.assertEqual(rc, 0, err)
                    want = [json.loads(line) for line in out.splitlines()]
                    with self.engine.parse(path.read_bytes()) as doc:
                        self.assertEqual([dict(source=path.name, **f.to_dict()) for f in doc.facts], want)
                        text = path.read_text(encoding="utf-8")
                        for f in doc.facts:
                            self.assertEqual(text[f.char_start:f.char_end], f.text)
                        facts.add_doc(doc, path.name)
                    self.assertGreater(len(want), 0)
            # the set's records and JSON against earnings reconcile
            rc, out, err = run_cli("reconcile", *map(str, self.files))
            self.assertEqual(rc, 0, err)
            facts.reconcile()
            self.assertEqual(facts.to_json_bytes(), out)
            want = json.loads(out)
            self.assertEqual([f.to_dict() for f in facts.facts], want["facts"])
            self.assertEqual([(g.verdict, list(g.members)) for g in facts.groups],
                             [(g["verdict"], g["members"]) for g in want["groups"]])
            self.assertEqual([[list(side) for side in g.sides] for g in facts.groups],
                             [[s["members"] for s in g["sides"]] for g in want["groups"]])
            self.assertEqual([(p.id, p.name, p.has_variants,
                               [dict(source=sp.source, text=sp.text, match=sp.match,
                                     distance=sp.distance, count=sp.count) for sp in p.spellings])
                              for p in facts.names],
                             [(p["id"], p["name"], p["has_variants"], p["spellings"]) for p in want["names"]])

    def test_str_and_bytes_input_agree(self):
        for path in self.files:
            with self.engine.parse(path.read_bytes()) as a, \
                    self.engine.parse(path.read_text(encoding="utf-8")) as b:
                self.assertEqual(a.tokens, b.tokens)
                self.assertEqual(a.to_json(), b.to_json())


class TestModuleCommand(unittest.TestCase):
    """python -m libearnings mirrors the C tool: output and exit status."""

    @classmethod
    def setUpClass(cls):
        cls.files = corpus_files()
        cli()

    def test_same_output_on_the_corpus(self):
        for command in (["tokenize"], ["tokenize", "--chars"], ["sentences"], ["normalize"],
                        ["normalize", "--casefold", "--simplified"], ["figures"],
                        ["figures", "--lang", "zh"], ["figures", "--lang=en"], ["entities"],
                        ["facts"], ["reconcile"]):
            for path in self.files:
                with self.subTest(command=command, file=path.name):
                    c = run_cli(*command, str(path))
                    m = run_module(*command, str(path))
                    self.assertEqual(c[0], 0, c[2])
                    self.assertEqual(m[0], 0, m[2])
                    self.assertEqual(m[1], c[1])

    def test_facts_and_reconcile_of_several_files(self):
        files = [str(p) for p in self.files]
        for command in (["facts", *files], ["reconcile", *files], ["reconcile", files[0]],
                        ["facts", "--simplified", *files[:2]]):
            with self.subTest(command=command[:2]):
                c, m = run_cli(*command), run_module(*command)
                self.assertEqual((c[0], m[0]), (0, 0), m[2])
                self.assertEqual(m[1], c[1])
                self.assertTrue(m[1])
        for command in (["facts"], ["reconcile"]):
            rc, out, err = run_module(*command)
            self.assertEqual(rc, 2)
            self.assertIn(b"needs at least one FILE", err)
        rc, out, err = run_module("facts", files[0], "/nonexistent/x.txt")
        self.assertEqual(rc, 1)
        self.assertEqual(out, run_cli("facts", files[0])[1])  # the first file was printed

    def test_lexicon_option(self):
        import tempfile
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", encoding="utf-8", delete=False) as f:
            f.write("org:contoso\torg\tContoso\tContoso Ltd.|康托索\n")
        bad = f.name + ".bad"
        with open(bad, "w") as g:
            g.write("bad line\n")
        try:
            data = "康托索 said revenue of Contoso Ltd. rose 5% in Q3 2025.".encode()
            for command in (["entities", "--lexicon", f.name], ["figures", "--lexicon", f.name],
                            ["facts", "--lexicon", f.name, "-"]):
                c, m = run_cli(*command, data=data), run_module(*command, data=data)
                self.assertEqual((m[0], m[1]), (0, c[1]), m[2])
            self.assertIn(b"org:contoso", run_module("entities", "--lexicon", f.name, data=data)[1])
            c, m = run_cli("entities", "--lexicon", bad, data=data), run_module("entities", "--lexicon", bad, data=data)
            self.assertEqual((c[0], m[0]), (1, 1))
            self.assertIn(bad.encode(), m[2])
        finally:
            os.unlink(f.name)
            os.unlink(bad)

    def test_stdin_and_options(self):
        data = SAMPLE.encode()
        for command in (["tokenize", "-"], ["sentences"], ["normalize", "--keep-cjk-punct"]):
            self.assertEqual(run_module(*command, data=data)[1], run_cli(*command, data=data)[1])

    def test_invalid_utf8(self):
        data = b"ok \xff bad"
        c, m = run_cli("tokenize", data=data), run_module("tokenize", data=data)
        self.assertEqual((c[0], m[0]), (1, 1))
        self.assertIn(b"byte 3", m[2])
        self.assertIn(b"invalid UTF-8", m[2])
        c = run_cli("tokenize", "--replace-invalid", data=data)
        m = run_module("tokenize", "--replace-invalid", data=data)
        self.assertEqual((m[0], m[1]), (0, c[1]))

    def test_usage_errors_and_missing_file(self):
        self.assertEqual(run_module("frobnicate")[0], 2)
        self.assertEqual(run_module("tokenize", "--bogus")[0], 2)
        self.assertEqual(run_module("figures", "--lang", "fr")[0], 2)
        self.assertEqual(run_module("tokenize", "a.txt", "b.txt")[0], 2)
        self.assertEqual(run_module()[0], 2)
        rc, out, err = run_module("tokenize", "/nonexistent/file.txt")
        self.assertEqual(rc, 1)
        self.assertIn(b"/nonexistent/file.txt", err)
        rc, out, err = run_module("--version")
        self.assertEqual(rc, 0)
        self.assertIn(libearnings.version().encode(), out)


if __name__ == "__main__":
    unittest.main()
