package earnings

/*
#include <earnings.h>
*/
import "C"

import (
	"encoding/json"
	"strings"
	"sync"
)

// TokenFlags are the bits of a token's flags (earnings_token_flag).
type TokenFlags uint32

// Token flags.
const (
	FlagAttached     TokenFlags = C.EARNINGS_TOKEN_FLAG_ATTACHED     // no whitespace before the token
	FlagAbbreviation TokenFlags = C.EARNINGS_TOKEN_FLAG_ABBREVIATION // keeps its dots (U.S.)
	FlagClitic       TokenFlags = C.EARNINGS_TOKEN_FLAG_CLITIC       // split off a word ('s)
	FlagHyphenated   TokenFlags = C.EARNINGS_TOKEN_FLAG_HYPHENATED   // contains a hyphen
	FlagDictionary   TokenFlags = C.EARNINGS_TOKEN_FLAG_DICTIONARY   // Han word from ICU's dictionary
)

var flagNames = []struct {
	bit  TokenFlags
	name string
}{
	{FlagAttached, "attached"}, {FlagAbbreviation, "abbreviation"}, {FlagClitic, "clitic"},
	{FlagHyphenated, "hyphenated"}, {FlagDictionary, "dictionary"},
}

// Names are the names of the known flags set, in bit order, as the
// library's JSON writes them.
func (f TokenFlags) Names() []string {
	names := []string{}
	for _, fn := range flagNames {
		if f&fn.bit != 0 {
			names = append(names, fn.name)
		}
	}
	return names
}

func (f TokenFlags) String() string { return strings.Join(f.Names(), "|") }

// MarshalJSON writes the flags as an array of names, like the library.
func (f TokenFlags) MarshalJSON() ([]byte, error) { return json.Marshal(f.Names()) }

// Token is one token, copied from an earnings_token. Its JSON encoding is
// the library's (docs/schema/document.md).
type Token struct {
	Span                // original bytes: Start, End
	Norm     Span       `json:"-"`    // bytes of the normalized text
	Text     string     `json:"text"` // the original text
	NormText string     `json:"norm"` // the token in the normalized text
	Type     string     `json:"type"` // word, number, cjk, punct, symbol, currency, percent
	Script   string     `json:"script"`
	Sentence int        `json:"sentence"` // index of its sentence
	Flags    TokenFlags `json:"flags,omitempty"`
	TypeID   int32      `json:"-"` // earnings_token_type value
	ScriptID int32      `json:"-"` // earnings_script value
}

// Sentence is one sentence, copied from an earnings_sentence.
type Sentence struct {
	Span              // original bytes: Start, End
	Norm       Span   `json:"-"` // bytes of the normalized text
	Text       string `json:"text"`
	Index      int    `json:"index"`
	FirstToken int    `json:"first_token"`
	TokenCount int    `json:"token_count"`
}

func spanFromC(s C.earnings_span) Span { return Span{int(s.start), int(s.end)} }

func tokenFromC(t *C.earnings_token, text, norm string) Token {
	s, n := spanFromC(t.span), spanFromC(t.norm)
	return Token{
		Span: s, Norm: n, Text: text[s.Start:s.End], NormText: norm[n.Start:n.End],
		Type: tokenTypeName(int32(t._type)), Script: scriptName(int32(t.script)),
		Sentence: int(t.sentence), Flags: TokenFlags(t.flags),
		TypeID: int32(t._type), ScriptID: int32(t.script),
	}
}

func sentenceFromC(c *C.earnings_sentence, index int, text string) Sentence {
	s := spanFromC(c.span)
	return Sentence{
		Span: s, Norm: spanFromC(c.norm), Text: text[s.Start:s.End], Index: index,
		FirstToken: int(c.first_token), TokenCount: int(c.token_count),
	}
}

// names caches the static strings of an earnings_*_name(int32_t) function.
type names struct {
	sync.Mutex
	m  map[int32]string
	fn func(int32) *C.char
}

func (n *names) get(v int32) string {
	n.Lock()
	defer n.Unlock()
	s, ok := n.m[v]
	if !ok {
		s = C.GoString(n.fn(v))
		n.m[v] = s
	}
	return s
}

var (
	tokenTypeNames = &names{m: map[int32]string{}, fn: func(v int32) *C.char { return C.earnings_token_type_name(C.int32_t(v)) }}
	scriptNames    = &names{m: map[int32]string{}, fn: func(v int32) *C.char { return C.earnings_script_name(C.int32_t(v)) }}
)

// TokenTypeName is the name of a token type (earnings_token_type_name).
func tokenTypeName(v int32) string { return tokenTypeNames.get(v) }

// ScriptName is the name of a script (earnings_script_name).
func scriptName(v int32) string { return scriptNames.get(v) }

// TokenTypeName is the library's name of a token type value ("word", ...;
// "unknown" otherwise).
func TokenTypeName(v int32) string { return tokenTypeName(v) }

// ScriptName is the library's name of a script value ("latin", ...; "unknown" otherwise).
func ScriptName(v int32) string { return scriptName(v) }
