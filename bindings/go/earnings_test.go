package earnings

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const sample = "AWS营收３３０亿美元，同比增长２０．２％。Amazon’s revenue rose 20% year-over-year to $33.0B.\n"

func newEngine(t *testing.T) *Engine {
	t.Helper()
	e, err := NewEngine()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func parse(t *testing.T, e *Engine, text string, opts *ParseOptions) *Doc {
	t.Helper()
	d, err := e.ParseString(text, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func TestVersion(t *testing.T) {
	v := Version()
	var M, m, p int
	if _, err := fmt.Sscanf(v, "%d.%d.%d", &M, &m, &p); err != nil {
		t.Fatalf("Version() = %q: %v", v, err)
	}
	if VersionNumber() != M*10000+m*100+p {
		t.Errorf("VersionNumber() = %d, Version() = %q", VersionNumber(), v)
	}
	if VersionNumber() < HeaderVersionNumber || VersionNumber()/10000 != HeaderVersionNumber/10000 {
		t.Errorf("linked %d, headers %d", VersionNumber(), HeaderVersionNumber)
	}
	if err := checkVersion(); err != nil {
		t.Error(err)
	}
}

func TestStrError(t *testing.T) {
	for code := CodeInternal; code <= CodeOK; code++ {
		if s := StrError(code); s == "" || strings.Contains(s, "unknown") {
			t.Errorf("StrError(%d) = %q", code, s)
		}
	}
	if s := StrError(-999); !strings.Contains(s, "unknown") {
		t.Errorf("StrError(-999) = %q", s)
	}
}

func TestTokens(t *testing.T) {
	d := parse(t, newEngine(t), sample, nil)
	toks, err := d.Tokens()
	if err != nil {
		t.Fatal(err)
	}
	if len(toks) < 20 {
		t.Fatalf("%d tokens", len(toks))
	}
	norm, err := d.Normalized()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(norm, "AWS营收330亿美元,同比增长20.2%.") {
		t.Errorf("Normalized() = %q", norm)
	}
	for _, tok := range toks {
		if sample[tok.Start:tok.End] != tok.Text || norm[tok.Norm.Start:tok.Norm.End] != tok.NormText {
			t.Errorf("token %+v does not match its spans", tok)
		}
		if tok.Type != TokenTypeName(tok.TypeID) || tok.Script != ScriptName(tok.ScriptID) {
			t.Errorf("token %+v: names", tok)
		}
	}
	want := Token{Span: Span{9, 18}, Norm: Span{9, 12}, Text: "３３０", NormText: "330", Type: "number",
		Script: "common", Flags: FlagAttached, TypeID: 2, ScriptID: 0}
	if toks[3] != want {
		t.Errorf("token 3 = %+v, want %+v", toks[3], want)
	}
	if toks[0].Text != "AWS" || toks[0].Type != "word" || toks[0].Script != "latin" || toks[0].Flags != 0 {
		t.Errorf("token 0 = %+v", toks[0])
	}
	var clitic *Token
	for i := range toks {
		if toks[i].NormText == "'s" {
			clitic = &toks[i]
		}
	}
	if clitic == nil || clitic.Flags != FlagAttached|FlagClitic || clitic.Flags.String() != "attached|clitic" {
		t.Errorf("clitic = %+v", clitic)
	}
	if TokenTypeName(99) != "unknown" || ScriptName(2) != "han" {
		t.Error("name functions")
	}
}

func TestSentences(t *testing.T) {
	d := parse(t, newEngine(t), sample, nil)
	sents, err := d.Sentences()
	if err != nil {
		t.Fatal(err)
	}
	toks, _ := d.Tokens()
	if len(sents) != 2 {
		t.Fatalf("%d sentences", len(sents))
	}
	if sents[0].Text != "AWS营收３３０亿美元，同比增长２０．２％。" || sents[0].Index != 0 || sents[0].FirstToken != 0 {
		t.Errorf("sentence 0 = %+v", sents[0])
	}
	if sents[1].FirstToken != sents[0].TokenCount || sents[1].FirstToken+sents[1].TokenCount != len(toks) {
		t.Errorf("sentences %+v do not cover the %d tokens", sents, len(toks))
	}
	for _, tok := range toks[sents[1].FirstToken:] {
		if tok.Sentence != 1 {
			t.Errorf("token %+v not in sentence 1", tok)
		}
	}
	norm, _ := d.Normalized()
	if norm[sents[0].Norm.Start:sents[0].Norm.End] != "AWS营收330亿美元,同比增长20.2%." {
		t.Errorf("sentence 0 norm %+v", sents[0].Norm)
	}
}

func TestParseOptions(t *testing.T) {
	e := newEngine(t)
	text := "亚马逊云科技營收增长"
	chars, _ := parse(t, e, text, nil).Tokens()
	words, _ := parse(t, e, text, &ParseOptions{HanWords: true}).Tokens()
	if len(chars) != 10 || len(words) >= len(chars) || words[0].Flags&FlagDictionary == 0 {
		t.Errorf("chars %d, words %d: %+v", len(chars), len(words), words)
	}
	d := parse(t, e, "營收 REVENUE", &ParseOptions{Normalize: NormalizeOptions{Simplified: true, Casefold: true}})
	if n, _ := d.Normalized(); n != "营收 revenue" {
		t.Errorf("normalized %q", n)
	}
	d = parse(t, e, "增长，持平", &ParseOptions{Normalize: NormalizeOptions{KeepCJKPunct: true}})
	if n, _ := d.Normalized(); n != "增长，持平" {
		t.Errorf("normalized %q", n)
	}
	d = parse(t, e, sample, &ParseOptions{Stages: StageTokens})
	if s, _ := d.Sentences(); len(s) != 0 {
		t.Errorf("sentences without StageSentences: %d", len(s))
	}
	d = parse(t, e, sample, &ParseOptions{Stages: StageFigures})
	if toks, _ := d.Tokens(); len(toks) != 0 {
		t.Errorf("tokens without StageTokens: %d", len(toks))
	}
	d = parse(t, e, "", nil)
	if toks, err := d.Tokens(); err != nil || len(toks) != 0 || d.Text() != "" {
		t.Errorf("empty: %v %v", toks, err)
	}
	b, err := e.Parse([]byte("a\x00b"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.Text() != "a\x00b" {
		t.Errorf("Text() = %q", b.Text())
	}
}

func TestInvalidUTF8(t *testing.T) {
	e := newEngine(t)
	_, err := e.Parse([]byte("营收 \xff\xfe"), nil)
	var le *Error
	if !errors.As(err, &le) || !errors.Is(err, ErrInvalidUTF8) || errors.Is(err, ErrRange) {
		t.Fatalf("err = %#v", err)
	}
	if le.Code != CodeInvalidUTF8 || le.ByteOffset != 7 || !strings.Contains(le.Message, "invalid UTF-8") {
		t.Errorf("err = %+v", le)
	}
	if !strings.Contains(err.Error(), "(byte 7)") {
		t.Errorf("Error() = %q", err.Error())
	}
	d, err := e.Parse([]byte("营收 \xff ３３０"), &ParseOptions{Normalize: NormalizeOptions{ReplaceInvalid: true}})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	toks, _ := d.Tokens()
	if len(toks) == 0 || toks[len(toks)-1].Text != "３３０" {
		t.Errorf("tokens %+v", toks)
	}
	if _, err := Normalize([]byte("abc\xe4\xb8"), nil); !errors.Is(err, ErrInvalidUTF8) || err.(*Error).ByteOffset != 3 {
		t.Errorf("Normalize: %v", err)
	}
}

func TestErrorsArePerCall(t *testing.T) {
	// An error on one goroutine never shows up as another goroutine's error.
	e := newEngine(t)
	var wg sync.WaitGroup
	var bad int64
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if (g+i)%2 == 0 {
					_, err := e.Parse([]byte("x\xff"), nil)
					if le, ok := err.(*Error); !ok || le.Code != CodeInvalidUTF8 || le.ByteOffset != 1 {
						atomic.AddInt64(&bad, 1)
					}
				} else {
					d, err := e.ParseString("ok", nil)
					if err != nil {
						atomic.AddInt64(&bad, 1)
						continue
					}
					d.Close()
				}
			}
		}(g)
	}
	wg.Wait()
	if bad != 0 {
		t.Errorf("%d wrong results", bad)
	}
}

func TestNormalize(t *testing.T) {
	n, err := NormalizeString("AWS营收３３０亿", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	if n.Text() != "AWS营收330亿" || n.IsIdentity() || n.OriginalSize() != len("AWS营收３３０亿") {
		t.Errorf("%q %v %d", n.Text(), n.IsIdentity(), n.OriginalSize())
	}
	i := strings.Index(n.Text(), "330")
	if s, err := n.MapSpan(i, i+3); err != nil || s != (Span{9, 18}) {
		t.Errorf("MapSpan = %v, %v", s, err)
	}
	if _, err := n.MapSpan(3, 1); !errors.Is(err, ErrRange) {
		t.Errorf("MapSpan(3, 1): %v", err)
	}
	if _, err := n.MapSpan(0, 999); !errors.Is(err, ErrRange) {
		t.Errorf("MapSpan(0, 999): %v", err)
	}
	if _, err := n.MapSpan(-1, 2); !errors.Is(err, ErrRange) {
		t.Errorf("MapSpan(-1, 2): %v", err)
	}
	id, _ := NormalizeString("plain", nil)
	defer id.Close()
	if !id.IsIdentity() {
		t.Error("plain ASCII is not identity")
	}
	for opts, want := range map[NormalizeOptions]string{
		{Casefold: true}:       "revenue été",
		{Simplified: true}:     "营收",
		{KeepCJKPunct: true}:   "增长，持平",
		{ReplaceInvalid: true}: "a\ufffdb",
	} {
		in := map[string]string{"revenue été": "Revenue ÉTÉ", "营收": "營收", "增长，持平": "增长，持平",
			"a\ufffdb": "a\xffb"}[want]
		n, err := NormalizeString(in, &opts)
		if err != nil || n.Text() != want {
			t.Errorf("%+v: %q, %v", opts, n.Text(), err)
		}
		n.Close()
	}
}

func TestDocMapSpan(t *testing.T) {
	d := parse(t, newEngine(t), sample, nil)
	toks, _ := d.Tokens()
	for _, tok := range toks {
		s, err := d.MapSpan(tok.Norm.Start, tok.Norm.End)
		if err != nil || s != tok.Span {
			t.Errorf("MapSpan(%v) = %v, %v; want %v", tok.Norm, s, err, tok.Span)
		}
	}
	if _, err := d.MapSpan(5, 2); !errors.Is(err, ErrRange) {
		t.Errorf("MapSpan(5, 2): %v", err)
	}
}

func TestJSON(t *testing.T) {
	d := parse(t, newEngine(t), sample, nil)
	raw, err := d.JSON(PartAll)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema    string            `json:"schema"`
		Size      int               `json:"size"`
		Tokens    []json.RawMessage `json:"tokens"`
		Sentences []json.RawMessage `json:"sentences"`
		Figures   []json.RawMessage `json:"figures"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	toks, _ := d.Tokens()
	if doc.Schema != "libearnings/document" || doc.Size != len(sample) || len(doc.Tokens) != len(toks) {
		t.Errorf("JSON: %s", raw)
	}
	for i, tok := range toks {
		sameJSON(t, tok, doc.Tokens[i])
	}
	lines, err := d.JSON(PartSentences | PartLines)
	if err != nil {
		t.Fatal(err)
	}
	sents, _ := d.Sentences()
	ls := strings.Split(strings.TrimSuffix(string(lines), "\n"), "\n")
	if len(ls) != len(sents) {
		t.Fatalf("%d lines, %d sentences", len(ls), len(sents))
	}
	for i, s := range sents {
		sameJSON(t, s, json.RawMessage(ls[i]))
	}
	if _, err := d.JSON(1 << 30); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("unknown part: %v", err)
	}
}

// sameJSON compares a record's JSON encoding with the library's JSON object.
func sameJSON(t *testing.T, rec interface{}, lib json.RawMessage) {
	t.Helper()
	mine, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	var a, b map[string]interface{}
	if err := json.Unmarshal(mine, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(lib, &b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("record JSON\n  %s\nlibrary JSON\n  %s", mine, lib)
	}
}

func TestClosedHandles(t *testing.T) {
	e, _ := NewEngine()
	d, _ := e.ParseString(sample, nil)
	n, _ := NormalizeString("３３０", nil)
	for _, c := range []interface{ Close() error }{d, n, e} {
		if c.Close() != nil || c.Close() != nil {
			t.Error("Close must be idempotent and return nil")
		}
	}
	if _, err := e.ParseString("x", nil); err != ErrClosed {
		t.Errorf("Parse after Close: %v", err)
	}
	if _, err := d.Tokens(); err != ErrClosed {
		t.Errorf("Tokens after Close: %v", err)
	}
	if _, err := d.Sentences(); err != ErrClosed {
		t.Errorf("Sentences after Close: %v", err)
	}
	if _, err := d.Normalized(); err != ErrClosed {
		t.Errorf("Normalized after Close: %v", err)
	}
	if _, err := d.JSON(PartAll); err != ErrClosed {
		t.Errorf("JSON after Close: %v", err)
	}
	if _, err := d.MapSpan(0, 1); err != ErrClosed {
		t.Errorf("MapSpan after Close: %v", err)
	}
	if _, err := n.MapSpan(0, 1); err != ErrClosed {
		t.Errorf("Normalized.MapSpan after Close: %v", err)
	}
	if d.Text() != sample || n.Text() != "330" {
		t.Error("Go copies must survive Close")
	}
}

func TestEngineOutlivesDocuments(t *testing.T) {
	before := atomic.LoadInt64(&live)
	e, _ := NewEngine()
	d, _ := e.ParseString(sample, nil)
	e.Close()
	if got := atomic.LoadInt64(&live) - before; got != 2 {
		t.Fatalf("%d live objects, want engine and doc", got)
	}
	if toks, err := d.Tokens(); err != nil || len(toks) == 0 {
		t.Fatalf("document of a closed engine: %v", err)
	}
	d.Close()
	if got := atomic.LoadInt64(&live) - before; got != 0 {
		t.Errorf("%d live objects after closing the last document", got)
	}
}

func TestFinalizers(t *testing.T) {
	before := atomic.LoadInt64(&live)
	func() {
		e, _ := NewEngine()
		for i := 0; i < 50; i++ {
			d, _ := e.ParseString(sample, nil)
			NormalizeString(sample, nil)
			set, _ := NewFactSet()
			set.AddDoc(d, "x")
			NewLexicon()
		}
	}()
	deadline := time.Now().Add(10 * time.Second)
	for atomic.LoadInt64(&live) != before && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := atomic.LoadInt64(&live) - before; got != 0 {
		t.Errorf("%d objects not freed by finalizers", got)
	}
}

func TestSharedEngine(t *testing.T) {
	e := newEngine(t)
	texts := []string{sample, strings.Repeat(sample, 3), "營收 " + sample, "plain text. Two sentences."}
	want := make([]string, len(texts))
	for i, s := range texts {
		d := parse(t, e, s, &ParseOptions{HanWords: true})
		b, _ := d.JSON(PartAll)
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				k := (g + i) % len(texts)
				d, err := e.ParseString(texts[k], &ParseOptions{HanWords: true})
				if err != nil {
					errs <- err
					return
				}
				b, err := d.JSON(PartAll)
				d.Close()
				if err != nil || string(b) != want[k] {
					errs <- fmt.Errorf("goroutine %d: text %d differs (%v)", g, k, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestCloseRacesWithParse(t *testing.T) {
	// Closing an engine while goroutines parse with it is safe: each parse
	// either completes or returns ErrClosed.
	before := atomic.LoadInt64(&live)
	e, _ := NewEngine()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				d, err := e.ParseString(sample, nil)
				if err == ErrClosed {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				d.Tokens()
				d.Close()
			}
		}()
	}
	time.Sleep(time.Millisecond)
	e.Close()
	wg.Wait()
	if got := atomic.LoadInt64(&live) - before; got != 0 {
		t.Errorf("%d live objects", got)
	}
}
