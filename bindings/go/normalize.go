package earnings

/*
#include <stdlib.h>
#include <earnings.h>
*/
import "C"

import (
	"runtime"
	"sync"
	"unsafe"
)

// NormalizeOptions are the switches of normalization (earnings_normalize_flag).
// The zero value gives the defaults.
type NormalizeOptions struct {
	Casefold       bool // Unicode case folding after NFKC
	Simplified     bool // Traditional to Simplified Chinese (ICU)
	KeepCJKPunct   bool // keep CJK punctuation instead of folding it to ASCII
	ReplaceInvalid bool // replace invalid UTF-8 by U+FFFD instead of failing
}

func (o *NormalizeOptions) flags() C.uint32_t {
	var f C.uint32_t
	if o == nil {
		return 0
	}
	if o.Casefold {
		f |= C.EARNINGS_NORMALIZE_CASEFOLD
	}
	if o.Simplified {
		f |= C.EARNINGS_NORMALIZE_SIMPLIFIED
	}
	if o.KeepCJKPunct {
		f |= C.EARNINGS_NORMALIZE_KEEP_CJK_PUNCT
	}
	if o.ReplaceInvalid {
		f |= C.EARNINGS_NORMALIZE_REPLACE_INVALID
	}
	return f
}

// Span is a half-open range [Start, End) of byte offsets.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// bytesOf gives a C pointer to the bytes of b for the duration of a call
// (cgo allows Go memory without Go pointers in it) and the length.
func bytesOf(b []byte) (*C.char, C.size_t) {
	if len(b) == 0 {
		return nil, 0
	}
	return (*C.char)(unsafe.Pointer(&b[0])), C.size_t(len(b))
}

// Normalized is a normalization result with its offset map (earnings_normalized).
type Normalized struct {
	mu           sync.Mutex
	ptr          *C.earnings_normalized
	text         string
	originalSize int
	identity     bool
}

// Normalize normalizes UTF-8 text (earnings_normalize): NFKC and the foldings
// of include/earnings/normalize.h. opts may be nil. The result must be closed.
func Normalize(text []byte, opts *NormalizeOptions) (*Normalized, error) {
	if err := checkVersion(); err != nil {
		return nil, err
	}
	var copts C.earnings_normalize_options
	if err := call(func() C.int {
		return C.earnings_normalize_options_init(&copts, C.EARNINGS_NORMALIZE_OPTIONS_VERSION)
	}); err != nil {
		return nil, err
	}
	copts.flags = opts.flags()
	var out *C.earnings_normalized
	p, n := bytesOf(text)
	if err := call(func() C.int { return C.earnings_normalize(&out, p, n, &copts) }); err != nil {
		return nil, err
	}
	runtime.KeepAlive(text)
	track(1)
	var size C.size_t
	s := C.earnings_normalized_text(out, &size)
	norm := &Normalized{
		ptr:          out,
		text:         goString(s, size),
		originalSize: int(C.earnings_normalized_original_size(out)),
		identity:     C.earnings_normalized_is_identity(out) != 0,
	}
	runtime.SetFinalizer(norm, (*Normalized).Close)
	return norm, nil
}

// NormalizeString is Normalize for a string.
func NormalizeString(text string, opts *NormalizeOptions) (*Normalized, error) {
	return Normalize([]byte(text), opts)
}

// Text is the normalized text (a Go copy; still valid after Close).
func (n *Normalized) Text() string { return n.text }

// OriginalSize is the length in bytes of the input.
func (n *Normalized) OriginalSize() int { return n.originalSize }

// IsIdentity reports whether the normalized text is byte for byte the input.
func (n *Normalized) IsIdentity() bool { return n.identity }

// MapSpan maps the byte span [start, end) of the normalized text to the span
// of input bytes it came from (earnings_normalized_map_span). It returns an
// error matching ErrRange when the span is out of range, ErrClosed after Close.
func (n *Normalized) MapSpan(start, end int) (Span, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.ptr == nil {
		return Span{}, ErrClosed
	}
	return mapSpan(n.ptr, start, end)
}

func mapSpan(p *C.earnings_normalized, start, end int) (Span, error) {
	if start < 0 || end < 0 {
		return Span{}, &Error{Code: CodeRange, Message: "negative offset", ByteOffset: -1}
	}
	var out C.earnings_span
	err := call(func() C.int {
		return C.earnings_normalized_map_span(p, C.size_t(start), C.size_t(end), &out)
	})
	return Span{int(out.start), int(out.end)}, err
}

// Close frees the result. It is idempotent and always returns nil.
func (n *Normalized) Close() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.ptr != nil {
		C.earnings_normalized_free(n.ptr)
		n.ptr = nil
		track(-1)
		runtime.SetFinalizer(n, nil)
	}
	return nil
}
