package earnings

/*
#include <stdlib.h>
#include <earnings.h>
*/
import "C"

import (
	"runtime"
	"strconv"
	"sync"
	"unsafe"
)

// Fact is one fact, copied from an earnings_fact (docs/schema/facts.md): a
// metric value of an entity for a period, anchored on the figure stating it.
// Strings the C record leaves NULL are empty. Its JSON encoding is the
// library's (with "source" first for a fact of a FactSet).
type Fact struct {
	Index          int    // position in its document or set
	Source         string // the source id in a FactSet; "" for a document's facts
	Span                  // original bytes of the figure stating the value
	Sentence       Span   // original bytes of its sentence (the evidence)
	Text           string // the figure's original text
	Entity         string // entity id (segment:aws)
	EntityName     string
	Metric         string // metric id (metric:revenue)
	MetricName     string
	Period         string // 2025Q3, 2025FY, TTM...; or ""
	PeriodInferred bool   // the period comes from the document, not the sentence
	Kind           string // level, growth, change
	IsRange        bool
	Value          float64 // signed for growth and change; a range's low end
	Low, High      float64 // == Value unless IsRange
	ValueExact     string  // exact decimal of Value, signed like it, or ""
	LowExact       string
	HighExact      string
	Unit           string
	Qualifier      string
	Direction      string
	Comparison     string // yoy, qoq, mom; or ""
	Basis          string // reported, excluding, guidance, target, estimate
	BasisDetail    string // excluding: the excluded item
	Confidence     float64
	Precision      float64 // place value of the last digit written
	Figure         int     // index of the figure in its document
	Lang           string
	EntitySpan     Span // the entity mention used; zero when the entity is the document's
	MetricSpan     Span // the metric mention used; zero when the metric comes from the unit
	KindID         int32
}

// signedExact gives an exact decimal the sign of v, as the library's JSON
// writes it (a fact's exact strings may be its figure's unsigned ones).
func signedExact(exact string, v float64) string {
	if exact == "" {
		return ""
	}
	neg := exact[0] == '-'
	if v < 0 && !neg {
		return "-" + exact
	}
	if v >= 0 && neg {
		return exact[1:]
	}
	return exact
}

func factFromC(f *C.earnings_fact, index int, source string) Fact {
	return Fact{
		Index: index, Source: source, Span: spanFromC(f.span), Sentence: spanFromC(f.sentence),
		Text: cstr(f.text), Entity: cstr(f.entity_id), EntityName: cstr(f.entity_name),
		Metric: cstr(f.metric_id), MetricName: cstr(f.metric_name), Period: cstr(f.period),
		PeriodInferred: f.period_inferred != 0, Kind: factKindNames.get(int32(f.kind)),
		IsRange: f.is_range != 0, Value: float64(f.value), Low: float64(f.low), High: float64(f.high),
		ValueExact: signedExact(cstr(f.value_exact), float64(f.value)),
		LowExact:   signedExact(cstr(f.low_exact), float64(f.low)),
		HighExact:  signedExact(cstr(f.high_exact), float64(f.high)),
		Unit:       cstr(f.unit), Qualifier: qualifierNames.get(int32(f.qualifier)),
		Direction: directionNames.get(int32(f.direction)), Comparison: comparisonNames.get(int32(f.comparison)),
		Basis: basisNames.get(int32(f.basis)), BasisDetail: cstr(f.basis_detail),
		Confidence: float64(f.confidence), Precision: float64(f.precision), Figure: int(f.figure),
		Lang: langNames.get(int32(f.lang)), EntitySpan: spanFromC(f.entity_span),
		MetricSpan: spanFromC(f.metric_span), KindID: int32(f.kind),
	}
}

// MarshalJSON writes the library's object for the fact (docs/schema/facts.md).
func (f Fact) MarshalJSON() ([]byte, error) {
	var w jsonWriter
	if f.Source != "" {
		w.str("source", f.Source)
	}
	w.raw("start", strconv.Itoa(f.Start))
	w.raw("end", strconv.Itoa(f.End))
	w.str("text", f.Text)
	w.str("entity", f.Entity)
	w.str("entity_name", f.EntityName)
	w.str("metric", f.Metric)
	w.str("metric_name", f.MetricName)
	w.str("kind", f.Kind)
	w.strOrNull("period", f.Period)
	w.raw("period_inferred", strconv.FormatBool(f.PeriodInferred))
	if f.IsRange {
		w.raw("value", "["+jsonNumber(f.LowExact, f.Low)+","+jsonNumber(f.HighExact, f.High)+"]")
	} else {
		w.raw("value", jsonNumber(f.ValueExact, f.Value))
	}
	w.strOrNull("unit", f.Unit)
	w.strOrNull("qualifier", f.Qualifier)
	w.strOrNull("direction", f.Direction)
	w.strOrNull("comparison", f.Comparison)
	w.str("basis", f.Basis)
	if f.Basis == "excluding" {
		w.strOrNull("excluding", f.BasisDetail)
	} else {
		w.raw("excluding", "null")
	}
	w.raw("confidence", strconv.FormatFloat(f.Confidence, 'f', 2, 64))
	w.span("sentence", f.Sentence)
	w.raw("figure", strconv.Itoa(f.Figure))
	w.str("lang", f.Lang)
	if f.EntitySpan.End > f.EntitySpan.Start {
		w.span("entity_span", f.EntitySpan)
	}
	if f.MetricSpan.End > f.MetricSpan.Start {
		w.span("metric_span", f.MetricSpan)
	}
	return w.bytes(), nil
}

// Facts copies the facts (earnings_doc_fact_count, earnings_doc_fact); empty
// unless the facts stage ran (it does by default).
func (d *Doc) Facts() ([]Fact, error) {
	var out []Fact
	err := d.with(func(p *C.earnings_doc) error {
		out = make([]Fact, int(C.earnings_doc_fact_count(p)))
		for i := range out {
			out[i] = factFromC(C.earnings_doc_fact(p, C.size_t(i)), i, "")
		}
		return nil
	})
	return out, err
}

// Fact kinds for FactFilter.Kind.
const (
	FactLevel  = "level"
	FactGrowth = "growth"
	FactChange = "change"
)

var factKinds = map[string]C.int32_t{FactLevel: C.EARNINGS_FACT_LEVEL, FactGrowth: C.EARNINGS_FACT_GROWTH,
	FactChange: C.EARNINGS_FACT_CHANGE}

// FactFilter selects facts of a FactSet; empty fields match anything.
type FactFilter struct {
	Entity string // entity id (segment:aws)
	Metric string // metric id (metric:revenue)
	Period string // 2025Q3
	Kind   string // FactLevel, FactGrowth or FactChange
}

// FactGroup is a reconciled group (earnings_fact_group): facts of a set
// stating the same thing, with the verdict on their agreement.
type FactGroup struct {
	Verdict    string // agree, agree_within_rounding, conflict
	Members    []int  // indices in the set's facts
	MemberSide []int  // side of each member, in [0, SideCount)
	SideCount  int    // distinct values once rounding is allowed (1 unless conflict)
}

// Sides are the members of each side (distinct value).
func (g FactGroup) Sides() [][]int {
	sides := make([][]int, g.SideCount)
	for i, m := range g.Members {
		sides[g.MemberSide[i]] = append(sides[g.MemberSide[i]], m)
	}
	return sides
}

// NameSpelling is one spelling of a person's name in one source.
type NameSpelling struct {
	Source   string
	Text     string
	Match    string // exact, alias, variant, fuzzy, pattern
	Distance int
	Count    int // mentions with this spelling in this source
}

// PersonNames are the spellings of one person across a set's sources.
type PersonNames struct {
	ID          string
	Name        string
	HasVariants bool
	Spellings   []NameSpelling
}

// FactSet holds the facts of several documents, each with a source id
// (earnings_factset): filter, reconcile, serialize. Its methods serialize on
// a mutex. Close it when done.
type FactSet struct {
	mu  sync.Mutex
	ptr *C.earnings_factset
}

// NewFactSet creates an empty set (earnings_factset_new).
func NewFactSet() (*FactSet, error) {
	if err := checkVersion(); err != nil {
		return nil, err
	}
	var out *C.earnings_factset
	if err := call(func() C.int { return C.earnings_factset_new(&out) }); err != nil {
		return nil, err
	}
	track(1)
	s := &FactSet{ptr: out}
	runtime.SetFinalizer(s, (*FactSet).Close)
	return s, nil
}

func (s *FactSet) with(fn func(p *C.earnings_factset) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ptr == nil {
		return ErrClosed
	}
	return fn(s.ptr)
}

// AddDoc adds the facts and person mentions of d under the id source
// (earnings_factset_add_doc). d may be closed afterwards. The groups of an
// earlier Reconcile are dropped.
func (s *FactSet) AddDoc(d *Doc, source string) error {
	return s.with(func(p *C.earnings_factset) error {
		return d.with(func(dp *C.earnings_doc) error {
			csrc := C.CString(source)
			defer C.free(unsafe.Pointer(csrc))
			return call(func() C.int { return C.earnings_factset_add_doc(p, dp, csrc) })
		})
	})
}

// Len is the number of facts (earnings_factset_count); 0 after Close.
func (s *FactSet) Len() int {
	n := 0
	s.with(func(p *C.earnings_factset) error {
		n = int(C.earnings_factset_count(p))
		return nil
	})
	return n
}

func setFact(p *C.earnings_factset, i int) Fact {
	var src *C.char
	f := C.earnings_factset_fact(p, C.size_t(i), &src)
	return factFromC(f, i, C.GoString(src))
}

// Facts copies every fact of the set, in the order added, each with its Source.
func (s *FactSet) Facts() ([]Fact, error) {
	var out []Fact
	err := s.with(func(p *C.earnings_factset) error {
		out = make([]Fact, int(C.earnings_factset_count(p)))
		for i := range out {
			out[i] = setFact(p, i)
		}
		return nil
	})
	return out, err
}

// Filter copies the facts matching every criterion of f, in set order
// (earnings_factset_filter). An unknown Kind is an ErrInvalidArgument.
func (s *FactSet) Filter(f FactFilter) ([]Fact, error) {
	var out []Fact
	err := s.with(func(p *C.earnings_factset) error {
		kind, ok := factKinds[f.Kind]
		if !ok && f.Kind != "" {
			return &Error{Code: CodeInvalidArgument, Message: "unknown fact kind " + strconv.Quote(f.Kind), ByteOffset: -1}
		}
		var cs [3]*C.char
		for i, v := range []string{f.Entity, f.Metric, f.Period} {
			if v != "" {
				cs[i] = C.CString(v)
				defer C.free(unsafe.Pointer(cs[i]))
			}
		}
		var n C.size_t
		if err := call(func() C.int {
			return C.earnings_factset_filter(p, cs[0], cs[1], cs[2], kind, nil, 0, &n)
		}); err != nil {
			return err
		}
		if n == 0 {
			out = []Fact{}
			return nil
		}
		idx := (*C.size_t)(C.malloc(C.size_t(unsafe.Sizeof(C.size_t(0))) * n))
		defer C.free(unsafe.Pointer(idx))
		if err := call(func() C.int {
			return C.earnings_factset_filter(p, cs[0], cs[1], cs[2], kind, idx, n, &n)
		}); err != nil {
			return err
		}
		for _, i := range unsafe.Slice(idx, int(n)) {
			out = append(out, setFact(p, int(i)))
		}
		return nil
	})
	return out, err
}

// Reconcile groups the facts stating the same thing, judges each group and
// collects the spellings of person names (earnings_factset_reconcile);
// it returns the groups (also given by Groups).
func (s *FactSet) Reconcile() ([]FactGroup, error) {
	if err := s.with(func(p *C.earnings_factset) error {
		return call(func() C.int { return C.earnings_factset_reconcile(p) })
	}); err != nil {
		return nil, err
	}
	return s.Groups()
}

func sizes(p *C.size_t, n C.size_t) []int {
	out := make([]int, int(n))
	if n > 0 {
		for i, v := range unsafe.Slice(p, int(n)) {
			out[i] = int(v)
		}
	}
	return out
}

// Groups copies the groups of the last Reconcile (none before it, or after AddDoc).
func (s *FactSet) Groups() ([]FactGroup, error) {
	var out []FactGroup
	err := s.with(func(p *C.earnings_factset) error {
		out = make([]FactGroup, int(C.earnings_factset_group_count(p)))
		for i := range out {
			g := C.earnings_factset_group(p, C.size_t(i))
			out[i] = FactGroup{Verdict: verdictNames.get(int32(g.verdict)),
				Members: sizes(g.members, g.member_count), MemberSide: sizes(g.member_side, g.member_count),
				SideCount: int(g.side_count)}
		}
		return nil
	})
	return out, err
}

// Names copies the persons named in the sources with their spellings (after Reconcile).
func (s *FactSet) Names() ([]PersonNames, error) {
	var out []PersonNames
	err := s.with(func(p *C.earnings_factset) error {
		out = make([]PersonNames, int(C.earnings_factset_person_count(p)))
		for i := range out {
			c := C.earnings_factset_person(p, C.size_t(i))
			pn := PersonNames{ID: cstr(c.id), Name: cstr(c.name), HasVariants: c.has_variants != 0,
				Spellings: make([]NameSpelling, int(c.spelling_count))}
			if c.spelling_count > 0 {
				for j, sp := range unsafe.Slice(c.spellings, int(c.spelling_count)) {
					pn.Spellings[j] = NameSpelling{Source: cstr(sp.source), Text: cstr(sp.text),
						Match: matchNames.get(int32(sp.match)), Distance: int(sp.distance), Count: int(sp.count)}
				}
			}
			out[i] = pn
		}
		return nil
	})
	return out, err
}

// JSON is the library's JSON of the set (earnings_factset_to_json, schema
// libearnings/factset): what `earnings reconcile` prints.
func (s *FactSet) JSON() ([]byte, error) {
	var out []byte
	err := s.with(func(p *C.earnings_factset) error {
		var buf C.earnings_buf
		if err := call(func() C.int { return C.earnings_factset_to_json(p, &buf) }); err != nil {
			return err
		}
		out = goBytes(buf.ptr, buf.size)
		C.earnings_buf_dispose(&buf)
		return nil
	})
	return out, err
}

// Close frees the set. It is idempotent and always returns nil.
func (s *FactSet) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ptr != nil {
		C.earnings_factset_free(s.ptr)
		s.ptr = nil
		track(-1)
		runtime.SetFinalizer(s, nil)
	}
	return nil
}
