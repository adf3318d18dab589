package earnings

// Agreement with the C command-line tool (EARNINGS_CLI) on every document of
// the sample corpus (EARNINGS_CORPUS, default ../../../shared/corpus).

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func corpus(t *testing.T) []string {
	dir := os.Getenv("EARNINGS_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no corpus in %s (set EARNINGS_CORPUS)", dir)
	}
	return files
}

func cli(t *testing.T, args ...string) []byte {
	t.Helper()
	tool := os.Getenv("EARNINGS_CLI")
	if tool == "" {
		t.Skip("EARNINGS_CLI is not set")
	}
	var stderr bytes.Buffer
	cmd := exec.Command(tool, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v: %s", tool, args, err, stderr.Bytes())
	}
	return out
}

func jsonLines(t *testing.T, out []byte) []json.RawMessage {
	var lines []json.RawMessage
	for _, l := range bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n")) {
		if !json.Valid(l) {
			t.Fatalf("not JSON: %s", l)
		}
		lines = append(lines, json.RawMessage(l))
	}
	return lines
}

func TestCorpusAgreesWithCLI(t *testing.T) {
	files := corpus(t)
	e := newEngine(t)
	for _, f := range files {
		f := f
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				args []string
				han  bool
			}{{[]string{"tokenize"}, true}, {[]string{"tokenize", "--chars"}, false}, {[]string{"sentences"}, false}} {
				want := cli(t, append(c.args, f)...)
				d, err := e.Parse(text, &ParseOptions{HanWords: c.han})
				if err != nil {
					t.Fatal(err)
				}
				var records []interface{}
				part := PartTokens
				if c.args[0] == "tokenize" {
					toks, _ := d.Tokens()
					for _, r := range toks {
						records = append(records, r)
					}
				} else {
					part = PartSentences
					sents, _ := d.Sentences()
					for _, r := range sents {
						records = append(records, r)
					}
				}
				lines := jsonLines(t, want)
				if len(records) == 0 || len(records) != len(lines) {
					t.Fatalf("%v: %d records, %d CLI lines", c.args, len(records), len(lines))
				}
				for i := range records {
					sameJSON(t, records[i], lines[i])
				}
				// the library's own JSON Lines are the tool's output, byte for byte
				got, err := d.JSON(part | PartLines)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%v: JSON Lines differ from the tool (%v)", c.args, err)
				}
				d.Close()
			}
			n, err := Normalize(text, nil)
			if err != nil {
				t.Fatal(err)
			}
			if n.Text() != string(cli(t, "normalize", f)) {
				t.Error("normalized text differs from earnings normalize")
			}
			n.Close()
		})
	}
}

func TestCorpusRecordsAgreeWithCLI(t *testing.T) {
	files := corpus(t)
	e := newEngine(t)
	set, err := NewFactSet()
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	var factLines []json.RawMessage
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			cmd   string
			stage Stage
			part  Part
		}{{"figures", StageFigures, PartFigures}, {"entities", StageEntities, PartEntities}} {
			want := cli(t, c.cmd, f)
			d, err := e.Parse(text, &ParseOptions{Stages: c.stage})
			if err != nil {
				t.Fatal(err)
			}
			var records []interface{}
			if c.cmd == "figures" {
				figs, _ := d.Figures()
				for _, r := range figs {
					records = append(records, r)
				}
			} else {
				ents, _ := d.Entities()
				for _, r := range ents {
					records = append(records, r)
				}
			}
			lines := jsonLines(t, want)
			if len(records) == 0 || len(records) != len(lines) {
				t.Fatalf("%s %s: %d records, %d CLI lines", c.cmd, f, len(records), len(lines))
			}
			for i := range records {
				sameJSON(t, records[i], lines[i])
			}
			if got, err := d.JSON(c.part | PartLines); err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s %s: JSON Lines differ from the tool (%v)", c.cmd, f, err)
			}
			d.Close()
		}
		d, err := e.Parse(text, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := set.AddDoc(d, filepath.Base(f)); err != nil {
			t.Fatal(err)
		}
		d.Close()
		factLines = append(factLines, jsonLines(t, cli(t, append([]string{"facts"}, f)...))...)
	}
	facts, _ := set.Facts()
	if len(facts) == 0 || len(facts) != len(factLines) {
		t.Fatalf("%d facts, %d lines of earnings facts", len(facts), len(factLines))
	}
	for i := range facts {
		sameJSON(t, facts[i], factLines[i])
	}
	if _, err := set.Reconcile(); err != nil {
		t.Fatal(err)
	}
	got, _ := set.JSON()
	if want := cli(t, append([]string{"reconcile"}, files...)...); !bytes.Equal(got, want) {
		t.Error("FactSet.JSON differs from earnings reconcile")
	}
}
