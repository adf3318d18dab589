package earnings

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStructSizes(t *testing.T) {
	for _, s := range structSizes() {
		if s.header != s.linked || s.header == 0 {
			t.Errorf("%s: %d bytes in the headers, %d in the linked library", s.name, s.header, s.linked)
		}
	}
}

func TestFigures(t *testing.T) {
	d := parse(t, newEngine(t), sample, nil)
	figs, err := d.Figures()
	if err != nil {
		t.Fatal(err)
	}
	var money, pct *Figure
	for i := range figs {
		f := &figs[i]
		if sample[f.Start:f.End] != f.Text || f.Num.Start < f.Start || f.Num.End > f.End {
			t.Errorf("figure %+v does not match its spans", f)
		}
		if f.Text == "３３０亿美元" {
			money = f
		}
		if f.Text == "２０．２％" {
			pct = f
		}
	}
	if money == nil || money.Kind != "money" || money.Unit != "USD" || money.Value != 33e9 ||
		money.ValueExact != "33000000000" || money.Lang != "zh" || money.IsRange || money.Qualifier != "" {
		t.Errorf("money = %+v", money)
	}
	if pct == nil || pct.Kind != "percent" || pct.ValueExact != "20.2" || pct.Direction != "up" ||
		pct.Comparison != "yoy" || pct.Unit != "%" {
		t.Errorf("percent = %+v", pct)
	}
	d = parse(t, newEngine(t), "Revenue of between $30 and $40 billion in Q3 2025.", nil)
	figs, _ = d.Figures()
	if len(figs) != 2 || !figs[0].IsRange || figs[0].Low != 30e9 || figs[0].High != 40e9 ||
		figs[0].NumHigh.End <= figs[0].Num.End || figs[1].Kind != "period" || figs[1].Period != "2025Q3" {
		t.Fatalf("figures %+v", figs)
	}
	lines, _ := d.JSON(PartFigures | PartLines)
	for i, l := range strings.Split(strings.TrimSpace(string(lines)), "\n") {
		sameJSON(t, figs[i], json.RawMessage(l))
	}
	d = parse(t, newEngine(t), sample, &ParseOptions{Stages: StageTokens})
	if figs, _ := d.Figures(); len(figs) != 0 {
		t.Errorf("figures without StageFigures: %d", len(figs))
	}
}

func TestEntitiesAndLookup(t *testing.T) {
	e := newEngine(t)
	d := parse(t, e, "CFO Brian Olsavsky said Amazon (NASDAQ: AMZN) and AWS grew.", nil)
	ents, err := d.Entities()
	if err != nil {
		t.Fatal(err)
	}
	byText := map[string]Entity{}
	for _, en := range ents {
		byText[en.Text] = en
	}
	if a := byText["AWS"]; a.Type != "segment" || a.ID != "segment:aws" || a.Match != "alias" || a.Lang != "en" {
		t.Errorf("AWS = %+v", a)
	}
	if p := byText["Brian Olsavsky"]; p.Type != "person" || p.Role != "role:cfo" {
		t.Errorf("person = %+v", p)
	}
	if tk := byText["NASDAQ: AMZN"]; tk.Type != "ticker" || tk.Ticker != "AMZN" || tk.Exchange != "NASDAQ" || tk.ID != "org:amazon" {
		t.Errorf("ticker = %+v", tk)
	}
	lines, _ := d.JSON(PartEntities | PartLines)
	for i, l := range strings.Split(strings.TrimSpace(string(lines)), "\n") {
		sameJSON(t, ents[i], json.RawMessage(l))
	}
	info, err := e.LookupEntity("org:amazon")
	if err != nil || info != (EntityInfo{"org:amazon", "org", "Amazon"}) {
		t.Errorf("LookupEntity = %+v, %v", info, err)
	}
	if _, err := e.LookupEntity("org:nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
	if EntityFlags(5).String() != "ambiguous|context" {
		t.Error("EntityFlags.String")
	}
}

func TestLexicon(t *testing.T) {
	lex, err := NewLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if err := lex.AddBuffer([]byte("org:contoso\torg\tContoso\tContoso Ltd.|康托索\n"), "mine.tsv"); err != nil {
		t.Fatal(err)
	}
	if lex.Len() != 1 {
		t.Errorf("Len = %d", lex.Len())
	}
	err = lex.AddBuffer([]byte("# ok\nbad line without tabs\n"), "bad.tsv")
	var le *Error
	if !errors.Is(err, ErrParse) || !errors.As(err, &le) || !strings.Contains(le.Message, "bad.tsv:2") || le.ByteOffset != 5 {
		t.Errorf("malformed: %#v", err)
	}
	if err := lex.AddFile("/nonexistent/lexicon.tsv"); !errors.Is(err, ErrIO) {
		t.Errorf("missing file: %v", err)
	}
	path := filepath.Join(t.TempDir(), "extra.tsv")
	os.WriteFile(path, []byte("product:widget\tproduct\tWidgetron\n"), 0o644)
	if err := lex.AddFile(path); err != nil || lex.Len() != 2 {
		t.Fatalf("AddFile: %v, %d", err, lex.Len())
	}
	e, err := NewEngineWithLexicon(lex)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	lex.Close()
	if lex.Close() != nil || lex.Len() != 0 || lex.AddFile(path) != ErrClosed {
		t.Error("closed lexicon")
	}
	if _, err := NewEngineWithLexicon(lex); err != ErrClosed {
		t.Errorf("engine from a closed lexicon: %v", err)
	}
	d := parse(t, e, "康托索 and Contoso Ltd. sell the Widgetron.", nil)
	ents, _ := d.Entities()
	if len(ents) != 3 || ents[0].ID != "org:contoso" || ents[1].Match != "alias" || ents[2].ID != "product:widget" {
		t.Errorf("entities %+v", ents)
	}
	if info, err := e.LookupEntity("org:contoso"); err != nil || info.Name != "Contoso" {
		t.Errorf("lookup %+v %v", info, err)
	}
	plain, _ := NewEngineWithLexicon(nil)
	defer plain.Close()
	if _, err := plain.LookupEntity("org:contoso"); !errors.Is(err, ErrNotFound) {
		t.Errorf("built-in engine knows contoso: %v", err)
	}
}

func TestFactsAndFactSet(t *testing.T) {
	e := newEngine(t)
	text := "Amazon Q3 2025: AWS revenue was $33.0 billion, up 20.2% year-over-year.\n" +
		"亚马逊2025年第三季度AWS营收330亿美元，同比增长20%。\n"
	d := parse(t, e, text, nil)
	facts, err := d.Facts()
	if err != nil || len(facts) < 2 {
		t.Fatalf("facts %+v, %v", facts, err)
	}
	lines, _ := d.JSON(PartFacts | PartLines)
	for i, l := range strings.Split(strings.TrimSpace(string(lines)), "\n") {
		sameJSON(t, facts[i], json.RawMessage(l))
	}
	f := facts[0]
	if f.Entity != "segment:aws" || f.Metric != "metric:revenue" || f.Period != "2025Q3" || f.Kind != "level" ||
		f.ValueExact != "33000000000" || f.Unit != "USD" || f.Source != "" || text[f.Start:f.End] != f.Text ||
		f.Sentence.Start > f.Start || f.Sentence.End < f.End {
		t.Errorf("fact 0 = %+v", f)
	}
	set, err := NewFactSet()
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	if err := set.AddDoc(d, "a.txt"); err != nil {
		t.Fatal(err)
	}
	d2 := parse(t, e, "AWS revenue was $33 billion in Q3 2025, up 20% YoY.", nil)
	if err := set.AddDoc(d2, "b.txt"); err != nil {
		t.Fatal(err)
	}
	d2.Close()
	if err := set.AddDoc(d2, "c.txt"); err != ErrClosed {
		t.Errorf("AddDoc of a closed document: %v", err)
	}
	all, _ := set.Facts()
	if len(all) != set.Len() || all[0].Source != "a.txt" || all[len(all)-1].Source != "b.txt" {
		t.Fatalf("set facts %+v", all)
	}
	if g, _ := set.Groups(); len(g) != 0 {
		t.Error("groups before Reconcile")
	}
	groups, err := set.Reconcile()
	if err != nil || len(groups) == 0 {
		t.Fatalf("Reconcile: %v, %v", groups, err)
	}
	for _, g := range groups {
		if len(g.Members) < 2 || len(g.MemberSide) != len(g.Members) || len(g.Sides()) != g.SideCount {
			t.Errorf("group %+v", g)
		}
		if g.Verdict != "agree" && g.Verdict != "agree_within_rounding" && g.Verdict != "conflict" {
			t.Errorf("verdict %q", g.Verdict)
		}
	}
	lvl, err := set.Filter(FactFilter{Entity: "segment:aws", Metric: "metric:revenue", Kind: FactLevel})
	if err != nil || len(lvl) < 2 {
		t.Errorf("Filter: %+v, %v", lvl, err)
	}
	for _, f := range lvl {
		if f.Kind != "level" || f.Entity != "segment:aws" || all[f.Index].Text != f.Text {
			t.Errorf("filtered %+v", f)
		}
	}
	if none, err := set.Filter(FactFilter{Period: "1999Q1"}); err != nil || len(none) != 0 {
		t.Errorf("Filter(1999Q1) = %v, %v", none, err)
	}
	if _, err := set.Filter(FactFilter{Kind: "bogus"}); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("bogus kind: %v", err)
	}
	raw, err := set.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema string            `json:"schema"`
		Facts  []json.RawMessage `json:"facts"`
		Groups []json.RawMessage `json:"groups"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil || doc.Schema != "libearnings/factset" ||
		len(doc.Facts) != len(all) || len(doc.Groups) != len(groups) {
		t.Fatalf("JSON: %v %s", err, raw)
	}
	for i := range all {
		sameJSON(t, all[i], doc.Facts[i])
	}
	if _, err := set.Names(); err != nil {
		t.Error(err)
	}
	set.Close()
	if _, err := set.Facts(); err != ErrClosed {
		t.Errorf("Facts after Close: %v", err)
	}
	if _, err := set.Reconcile(); err != ErrClosed || set.Len() != 0 || set.Close() != nil {
		t.Errorf("Reconcile after Close: %v", err)
	}
}
