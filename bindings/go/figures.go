package earnings

/*
#include <stdlib.h>
#include <earnings.h>
*/
import "C"

import (
	"bytes"
	"encoding/json"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// FigureFlags are the bits of a figure's flags (earnings_figure_flag).
type FigureFlags uint32

// Figure flags.
const (
	FigureInexact  FigureFlags = C.EARNINGS_FIGURE_FLAG_INEXACT   // no exact decimal form (1/3); the Exact strings are empty
	FigureWords    FigureFlags = C.EARNINGS_FIGURE_FLAG_WORDS     // written in words (twenty, 五十万)
	FigureParens   FigureFlags = C.EARNINGS_FIGURE_FLAG_PARENS    // a negative in financial parentheses (1.2)
	FigureCount    FigureFlags = C.EARNINGS_FIGURE_FLAG_COUNT     // the unit is a counted noun (chip, 芯片)
	FigureLowOpen  FigureFlags = C.EARNINGS_FIGURE_FLAG_LOW_OPEN  // a range whose low end is excluded
	FigureHighOpen FigureFlags = C.EARNINGS_FIGURE_FLAG_HIGH_OPEN // a range whose high end is excluded
)

// Figure is one figure, copied from an earnings_figure (docs/schema/figures.md).
// Strings the C record leaves NULL are empty. Its JSON encoding is the
// library's.
type Figure struct {
	Span              // original bytes of the whole figure: Start, End
	Norm       Span   // the same in the normalized text
	Text       string // the original text
	Kind       string // number, ordinal, money, percent, pp, bps, quantity, date, period
	IsRange    bool   // a range [Low, High]
	Value      float64
	Low        float64 // == Value unless IsRange
	High       float64 // == Value unless IsRange
	ValueExact string  // exact decimal of Value ("179500000000", "20.2"), or ""
	LowExact   string
	HighExact  string
	Unit       string // ISO 4217 code, %, pp, bp, unit symbol, counted noun; or ""
	Qualifier  string // approx, nearly, over, under, at_least, at_most, exact; or ""
	Direction  string // up, down, flat; or ""
	Comparison string // yoy, qoq, mom; or ""
	Lang       string // en, zh
	Period     string // periods and dates: 2025Q3, 2025-10-30...; or ""
	Flags      FigureFlags
	Num        Span // original bytes of the number (the low end's, for a range)
	NumHigh    Span // original bytes of a range's high-end number; zero otherwise
	KindID     int32
}

func cstr(p *C.char) string {
	if p == nil {
		return ""
	}
	return C.GoString(p)
}

func figureFromC(f *C.earnings_figure, text string) Figure {
	s := spanFromC(f.span)
	return Figure{
		Span: s, Norm: spanFromC(f.norm), Text: text[s.Start:s.End],
		Kind: figureKindNames.get(int32(f.kind)), IsRange: f.is_range != 0,
		Value: float64(f.value), Low: float64(f.low), High: float64(f.high),
		ValueExact: cstr(f.value_exact), LowExact: cstr(f.low_exact), HighExact: cstr(f.high_exact),
		Unit: cstr(f.unit), Qualifier: qualifierNames.get(int32(f.qualifier)),
		Direction: directionNames.get(int32(f.direction)), Comparison: comparisonNames.get(int32(f.comparison)),
		Lang: langNames.get(int32(f.lang)), Period: cstr(f.period), Flags: FigureFlags(f.flags),
		Num: spanFromC(f.num), NumHigh: spanFromC(f.num_high), KindID: int32(f.kind),
	}
}

// jsonWriter builds a JSON object field by field, in the library's order.
type jsonWriter struct{ b bytes.Buffer }

func (w *jsonWriter) key(k string) {
	if w.b.Len() == 0 {
		w.b.WriteByte('{')
	} else {
		w.b.WriteByte(',')
	}
	w.b.WriteString(strconv.Quote(k))
	w.b.WriteByte(':')
}

func (w *jsonWriter) raw(k, v string) { w.key(k); w.b.WriteString(v) }

func (w *jsonWriter) str(k, v string) {
	w.key(k)
	b, _ := json.Marshal(v)
	w.b.Write(b)
}

// strOrNull writes "" as null.
func (w *jsonWriter) strOrNull(k, v string) {
	if v == "" {
		w.raw(k, "null")
	} else {
		w.str(k, v)
	}
}

func (w *jsonWriter) span(k string, s Span) {
	w.raw(k, "["+strconv.Itoa(s.Start)+","+strconv.Itoa(s.End)+"]")
}

func (w *jsonWriter) bytes() []byte { w.b.WriteByte('}'); return w.b.Bytes() }

// jsonNumber: the exact decimal if any, else 17 significant digits, null if not finite.
func jsonNumber(exact string, v float64) string {
	if exact != "" {
		return exact
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "null"
	}
	return strconv.FormatFloat(v, 'g', 17, 64)
}

// MarshalJSON writes the library's object for the figure (docs/schema/figures.md).
func (f Figure) MarshalJSON() ([]byte, error) {
	var w jsonWriter
	w.raw("start", strconv.Itoa(f.Start))
	w.raw("end", strconv.Itoa(f.End))
	w.str("text", f.Text)
	w.str("kind", f.Kind)
	switch {
	case f.KindID == C.EARNINGS_FIGURE_PERIOD || f.KindID == C.EARNINGS_FIGURE_DATE:
		w.strOrNull("value", f.Period)
	case f.IsRange:
		w.raw("value", "["+jsonNumber(f.LowExact, f.Low)+","+jsonNumber(f.HighExact, f.High)+"]")
	default:
		w.raw("value", jsonNumber(f.ValueExact, f.Value))
	}
	w.strOrNull("unit", f.Unit)
	w.strOrNull("qualifier", f.Qualifier)
	w.strOrNull("direction", f.Direction)
	w.strOrNull("comparison", f.Comparison)
	w.str("lang", f.Lang)
	w.span("num", f.Num)
	if f.IsRange {
		w.span("num_high", f.NumHigh)
	}
	for _, fl := range []struct {
		bit FigureFlags
		key string
	}{{FigureCount, "count"}, {FigureLowOpen, "low_open"}, {FigureHighOpen, "high_open"}} {
		if f.Flags&fl.bit != 0 {
			w.raw(fl.key, "true")
		}
	}
	return w.bytes(), nil
}

// EntityFlags are the bits of an entity's flags (earnings_entity_flag).
type EntityFlags uint32

// Entity flags.
const (
	EntityAmbiguous EntityFlags = C.EARNINGS_ENTITY_FLAG_AMBIGUOUS // the text is an alias of several entities
	EntityUnknown   EntityFlags = C.EARNINGS_ENTITY_FLAG_UNKNOWN   // in no lexicon: found by a pattern
	EntityContext   EntityFlags = C.EARNINGS_ENTITY_FLAG_CONTEXT   // a fuzzy match confirmed by context
)

// Names are the names of the known flags set, in bit order, as the library's JSON writes them.
func (f EntityFlags) Names() []string {
	names := []string{}
	for i, n := range []string{"ambiguous", "unknown", "context"} {
		if f&(1<<uint(i)) != 0 {
			names = append(names, n)
		}
	}
	return names
}

func (f EntityFlags) String() string { return strings.Join(f.Names(), "|") }

// MarshalJSON writes the flags as an array of names, like the library.
func (f EntityFlags) MarshalJSON() ([]byte, error) { return json.Marshal(f.Names()) }

// Entity is one entity mention, copied from an earnings_entity. Its JSON
// encoding is the library's.
type Entity struct {
	Span                 // original bytes: Start, End
	Norm     Span        `json:"-"`
	Text     string      `json:"text"`
	Type     string      `json:"type"`  // org, segment, product, person, role, ticker, metric
	ID       string      `json:"id"`    // canonical id (org:amazon, metric:revenue)
	Name     string      `json:"name"`  // canonical name
	Match    string      `json:"match"` // exact, alias, variant, fuzzy, pattern
	Distance int         `json:"distance"`
	Lang     string      `json:"lang"`
	Role     string      `json:"role,omitempty"`     // persons: id of a role stated next to them
	Ticker   string      `json:"ticker,omitempty"`   // tickers: the symbol
	Exchange string      `json:"exchange,omitempty"` // tickers: the exchange or market stated
	Flags    EntityFlags `json:"flags,omitempty"`
	TypeID   int32       `json:"-"`
	MatchID  int32       `json:"-"`
}

func entityFromC(e *C.earnings_entity, text string) Entity {
	s := spanFromC(e.span)
	return Entity{
		Span: s, Norm: spanFromC(e.norm), Text: text[s.Start:s.End],
		Type: entityTypeNames.get(int32(e._type)), ID: cstr(e.id), Name: cstr(e.name),
		Match: matchNames.get(int32(e.match)), Distance: int(e.distance), Lang: cstr(e.lang),
		Role: cstr(e.role), Ticker: cstr(e.ticker), Exchange: cstr(e.exchange),
		Flags: EntityFlags(e.flags), TypeID: int32(e._type), MatchID: int32(e.match),
	}
}

func nameFn(fn func(C.int32_t) *C.char) *names {
	return &names{m: map[int32]string{}, fn: func(v int32) *C.char { return fn(C.int32_t(v)) }}
}

// Name tables; a NULL name (no qualifier, ...) is "".
var (
	figureKindNames = nameFn(func(v C.int32_t) *C.char { return C.earnings_figure_kind_name(v) })
	qualifierNames  = nameFn(func(v C.int32_t) *C.char { return C.earnings_figure_qualifier_name(v) })
	directionNames  = nameFn(func(v C.int32_t) *C.char { return C.earnings_figure_direction_name(v) })
	comparisonNames = nameFn(func(v C.int32_t) *C.char { return C.earnings_figure_comparison_name(v) })
	langNames       = nameFn(func(v C.int32_t) *C.char { return C.earnings_figure_lang_name(v) })
	entityTypeNames = nameFn(func(v C.int32_t) *C.char { return C.earnings_entity_type_name(v) })
	matchNames      = nameFn(func(v C.int32_t) *C.char { return C.earnings_entity_match_name(v) })
	factKindNames   = nameFn(func(v C.int32_t) *C.char { return C.earnings_fact_kind_name(v) })
	basisNames      = nameFn(func(v C.int32_t) *C.char { return C.earnings_fact_basis_name(v) })
	verdictNames    = nameFn(func(v C.int32_t) *C.char { return C.earnings_fact_verdict_name(v) })
)

// Figures copies the figures (earnings_doc_figure_count, earnings_doc_figure);
// empty unless the figures stage ran.
func (d *Doc) Figures() ([]Figure, error) {
	var out []Figure
	err := d.with(func(p *C.earnings_doc) error {
		out = make([]Figure, int(C.earnings_doc_figure_count(p)))
		for i := range out {
			out[i] = figureFromC(C.earnings_doc_figure(p, C.size_t(i)), d.text)
		}
		return nil
	})
	return out, err
}

// Entities copies the entity mentions (earnings_doc_entity_count,
// earnings_doc_entity); empty unless the entities stage ran.
func (d *Doc) Entities() ([]Entity, error) {
	var out []Entity
	err := d.with(func(p *C.earnings_doc) error {
		out = make([]Entity, int(C.earnings_doc_entity_count(p)))
		for i := range out {
			out[i] = entityFromC(C.earnings_doc_entity(p, C.size_t(i)), d.text)
		}
		return nil
	})
	return out, err
}

// EntityInfo is an entry of an engine's gazetteer.
type EntityInfo struct {
	ID   string
	Type string // org, segment, product, person, role, ticker, metric
	Name string
}

// LookupEntity looks up a canonical id (org:amazon) in the engine's
// gazetteer (earnings_entity_lookup); an unknown id gives an error matching
// ErrNotFound.
func (e *Engine) LookupEntity(id string) (EntityInfo, error) {
	eng, err := e.acquire()
	if err != nil {
		return EntityInfo{}, err
	}
	defer e.release()
	cid := C.CString(id)
	defer C.free(unsafe.Pointer(cid))
	var typ C.int32_t
	var name *C.char
	if err := call(func() C.int { return C.earnings_entity_lookup(eng, cid, &typ, &name) }); err != nil {
		return EntityInfo{}, err
	}
	return EntityInfo{ID: id, Type: entityTypeNames.get(int32(typ)), Name: C.GoString(name)}, nil
}

// Lexicon is a set of gazetteer entries (earnings_lexicon, format in
// docs/lexicons.md) added to the built-in ones by NewEngineWithLexicon. Its
// methods serialize on a mutex. Close it when done; an engine built from it
// keeps its own copy.
type Lexicon struct {
	mu  sync.Mutex
	ptr *C.earnings_lexicon
}

// NewLexicon creates an empty lexicon (earnings_lexicon_new).
func NewLexicon() (*Lexicon, error) {
	if err := checkVersion(); err != nil {
		return nil, err
	}
	var out *C.earnings_lexicon
	if err := call(func() C.int { return C.earnings_lexicon_new(&out) }); err != nil {
		return nil, err
	}
	track(1)
	l := &Lexicon{ptr: out}
	runtime.SetFinalizer(l, (*Lexicon).Close)
	return l, nil
}

func (l *Lexicon) with(fn func(p *C.earnings_lexicon) error) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ptr == nil {
		return ErrClosed
	}
	return fn(l.ptr)
}

// AddFile reads a lexicon file and adds its entries (earnings_lexicon_add_file).
// Errors match ErrIO, ErrTooBig or ErrParse (the message names the line, the
// ByteOffset is in the file); on error the lexicon is unchanged.
func (l *Lexicon) AddFile(path string) error {
	return l.with(func(p *C.earnings_lexicon) error {
		cpath := C.CString(path)
		defer C.free(unsafe.Pointer(cpath))
		return call(func() C.int { return C.earnings_lexicon_add_file(p, cpath) })
	})
}

// AddBuffer parses lexicon text and adds its entries
// (earnings_lexicon_add_buffer); name appears in error messages.
func (l *Lexicon) AddBuffer(data []byte, name string) error {
	return l.with(func(p *C.earnings_lexicon) error {
		cname := C.CString(name)
		defer C.free(unsafe.Pointer(cname))
		b, n := bytesOf(data)
		err := call(func() C.int { return C.earnings_lexicon_add_buffer(p, b, n, cname) })
		runtime.KeepAlive(data)
		return err
	})
}

// Len is the number of distinct entries (ids) (earnings_lexicon_entry_count); 0 after Close.
func (l *Lexicon) Len() int {
	n := 0
	l.with(func(p *C.earnings_lexicon) error {
		n = int(C.earnings_lexicon_entry_count(p))
		return nil
	})
	return n
}

// Close frees the lexicon. It is idempotent and always returns nil.
func (l *Lexicon) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ptr != nil {
		C.earnings_lexicon_free(l.ptr)
		l.ptr = nil
		track(-1)
		runtime.SetFinalizer(l, nil)
	}
	return nil
}

// NewEngineWithLexicon builds an engine whose gazetteer holds the built-in
// lexicons plus lex (earnings_engine_new_with_lexicon); nil lex is NewEngine.
// The engine copies what it needs: lex may be closed right after.
func NewEngineWithLexicon(lex *Lexicon) (*Engine, error) {
	if lex == nil {
		return NewEngine()
	}
	var e *Engine
	err := lex.with(func(p *C.earnings_lexicon) (err error) {
		e, err = newEngineLex(p)
		return err
	})
	return e, err
}
