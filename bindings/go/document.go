package earnings

/*
#include <stdlib.h>
#include <earnings.h>
*/
import "C"

import (
	"runtime"
	"sync"
)

// Stage selects stages of Parse (earnings_parse_flag).
type Stage uint32

// Stages. Zero means the library's default (all of them).
const (
	StageTokens    Stage = C.EARNINGS_PARSE_TOKENS
	StageSentences Stage = C.EARNINGS_PARSE_SENTENCES
	StageFigures   Stage = C.EARNINGS_PARSE_FIGURES
	StageEntities  Stage = C.EARNINGS_PARSE_ENTITIES
	StageFacts     Stage = C.EARNINGS_PARSE_FACTS
)

// ParseOptions are the options of Engine.Parse. The zero value (or nil) gives
// the defaults.
//
// Parse reads Traditional Chinese as Simplified unless Traditional is set
// (EARNINGS_PARSE_NORMALIZE_DEFAULT), whatever Normalize.Simplified says.
type ParseOptions struct {
	Stages      Stage // stages to run; 0 runs the library's default
	HanWords    bool  // split Han runs into words with ICU's dictionary (else one token per character)
	Traditional bool  // keep Traditional Chinese characters as they are
	Normalize   NormalizeOptions
}

// Part selects parts of Doc.JSON (earnings_json_part).
type Part uint32

// Parts of the JSON output; PartLines asks for JSON Lines.
const (
	PartTokens    Part = C.EARNINGS_JSON_TOKENS
	PartSentences Part = C.EARNINGS_JSON_SENTENCES
	PartFigures   Part = C.EARNINGS_JSON_FIGURES
	PartEntities  Part = C.EARNINGS_JSON_ENTITIES
	PartFacts     Part = C.EARNINGS_JSON_FACTS
	PartAll            = PartTokens | PartSentences | PartFigures | PartEntities | PartFacts
	PartLines     Part = C.EARNINGS_JSON_LINES
)

// Engine is a compiled libearnings engine (earnings_engine). It is immutable
// and safe for concurrent use by any number of goroutines. Close it when
// done; documents keep it alive, so the C engine is freed when both Close
// has been called and its last Doc is closed.
type Engine struct {
	mu     sync.Mutex
	ptr    *C.earnings_engine
	closed bool
	users  int // parses in progress plus open documents
}

// NewEngine builds an engine (earnings_engine_new).
func NewEngine() (*Engine, error) { return newEngineLex(nil) }

// newEngineLex: earnings_engine_new_with_lexicon, which is earnings_engine_new for a nil lex.
func newEngineLex(lex *C.earnings_lexicon) (*Engine, error) {
	if err := checkVersion(); err != nil {
		return nil, err
	}
	var opts C.earnings_engine_options
	var out *C.earnings_engine
	err := call(func() C.int {
		if rc := C.earnings_engine_options_init(&opts, C.EARNINGS_ENGINE_OPTIONS_VERSION); rc < 0 {
			return rc
		}
		return C.earnings_engine_new_with_lexicon(&out, &opts, lex)
	})
	if err != nil {
		return nil, err
	}
	track(1)
	e := &Engine{ptr: out}
	runtime.SetFinalizer(e, (*Engine).Close)
	return e, nil
}

func (e *Engine) acquire() (*C.earnings_engine, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, ErrClosed
	}
	e.users++
	return e.ptr, nil
}

func (e *Engine) release() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.users--
	e.freeIfUnused()
}

func (e *Engine) freeIfUnused() {
	if e.closed && e.users == 0 && e.ptr != nil {
		C.earnings_engine_free(e.ptr)
		e.ptr = nil
		track(-1)
	}
}

// Close releases the engine. It is idempotent and always returns nil; Parse
// fails with ErrClosed afterwards.
func (e *Engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.closed {
		e.closed = true
		e.freeIfUnused()
		runtime.SetFinalizer(e, nil)
	}
	return nil
}

// Parse runs the pipeline over UTF-8 text (earnings_parse). opts may be nil.
// The text is copied; the Doc must be closed. Invalid UTF-8 gives an error
// matching ErrInvalidUTF8 whose ByteOffset is the first bad byte, unless
// opts.Normalize.ReplaceInvalid is set.
func (e *Engine) Parse(text []byte, opts *ParseOptions) (*Doc, error) {
	return e.parse(text, string(text), opts)
}

// ParseString is Parse for a string.
func (e *Engine) ParseString(text string, opts *ParseOptions) (*Doc, error) {
	return e.parse([]byte(text), text, opts)
}

func (e *Engine) parse(data []byte, text string, opts *ParseOptions) (*Doc, error) {
	eng, err := e.acquire()
	if err != nil {
		return nil, err
	}
	var copts C.earnings_parse_options
	var out *C.earnings_doc
	p, n := bytesOf(data)
	err = call(func() C.int {
		if rc := C.earnings_parse_options_init(&copts, C.EARNINGS_PARSE_OPTIONS_VERSION); rc < 0 {
			return rc
		}
		if opts != nil {
			if opts.Stages != 0 {
				copts.flags = C.uint32_t(opts.Stages)
			}
			if opts.HanWords {
				copts.flags |= C.EARNINGS_PARSE_HAN_WORDS
			}
			copts.normalize_flags = opts.Normalize.flags() | C.EARNINGS_PARSE_NORMALIZE_DEFAULT
			if opts.Traditional {
				copts.normalize_flags &^= C.EARNINGS_NORMALIZE_SIMPLIFIED
			}
		}
		return C.earnings_parse(&out, eng, p, n, &copts)
	})
	runtime.KeepAlive(data)
	if err != nil {
		e.release()
		return nil, err
	}
	track(1)
	d := &Doc{ptr: out, engine: e, text: text}
	runtime.SetFinalizer(d, (*Doc).Close)
	return d, nil
}

// Doc is a parsed document (earnings_doc). Its methods may be called from
// several goroutines (they serialize on a mutex). Records returned are Go
// copies and stay valid after Close.
type Doc struct {
	mu     sync.Mutex
	ptr    *C.earnings_doc
	engine *Engine
	text   string
}

// Close frees the document. It is idempotent and always returns nil.
func (d *Doc) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.ptr != nil {
		C.earnings_doc_free(d.ptr)
		d.ptr = nil
		track(-1)
		d.engine.release()
		runtime.SetFinalizer(d, nil)
	}
	return nil
}

// Text is the original input (a Go copy; still valid after Close).
func (d *Doc) Text() string { return d.text }

// with runs fn with the document's pointer, or returns ErrClosed.
func (d *Doc) with(fn func(p *C.earnings_doc) error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.ptr == nil {
		return ErrClosed
	}
	return fn(d.ptr)
}

func docNormalized(p *C.earnings_doc) string {
	var size C.size_t
	s := C.earnings_doc_normalized(p, &size)
	return goString(s, size)
}

// Normalized is the normalized text (earnings_doc_normalized).
func (d *Doc) Normalized() (string, error) {
	var s string
	err := d.with(func(p *C.earnings_doc) error {
		s = docNormalized(p)
		return nil
	})
	return s, err
}

// MapSpan maps the byte span [start, end) of the normalized text to the span
// of input bytes it came from (earnings_doc_normalization, then
// earnings_normalized_map_span).
func (d *Doc) MapSpan(start, end int) (Span, error) {
	var s Span
	err := d.with(func(p *C.earnings_doc) (err error) {
		s, err = mapSpan(C.earnings_doc_normalization(p), start, end)
		return err
	})
	return s, err
}

// Tokens copies the tokens (earnings_doc_token_count, earnings_doc_token).
func (d *Doc) Tokens() ([]Token, error) {
	var toks []Token
	err := d.with(func(p *C.earnings_doc) error {
		norm := docNormalized(p)
		n := int(C.earnings_doc_token_count(p))
		toks = make([]Token, n)
		for i := range toks {
			toks[i] = tokenFromC(C.earnings_doc_token(p, C.size_t(i)), d.text, norm)
		}
		return nil
	})
	return toks, err
}

// Sentences copies the sentences (earnings_doc_sentence_count, earnings_doc_sentence).
func (d *Doc) Sentences() ([]Sentence, error) {
	var sents []Sentence
	err := d.with(func(p *C.earnings_doc) error {
		n := int(C.earnings_doc_sentence_count(p))
		sents = make([]Sentence, n)
		for i := range sents {
			sents[i] = sentenceFromC(C.earnings_doc_sentence(p, C.size_t(i)), i, d.text)
		}
		return nil
	})
	return sents, err
}

// JSON is the library's JSON of the document (earnings_doc_to_json,
// docs/schema/document.md); parts is a combination of Part values, with
// PartLines for JSON Lines as the earnings tool prints them.
func (d *Doc) JSON(parts Part) ([]byte, error) {
	var out []byte
	err := d.with(func(p *C.earnings_doc) error {
		var buf C.earnings_buf
		if err := call(func() C.int { return C.earnings_doc_to_json(p, C.uint32_t(parts), &buf) }); err != nil {
			return err
		}
		out = goBytes(buf.ptr, buf.size)
		C.earnings_buf_dispose(&buf)
		return nil
	})
	return out, err
}
