// Package earnings is the Go binding of libearnings, a C library that turns
// English and Chinese earnings text into structured, checkable facts.
//
// It is a thin cgo layer over the C API (include/earnings.h): an Engine is
// built once and may be shared by goroutines; Engine.Parse returns a Doc
// whose tokens and sentences are copied into Go values (no C memory escapes
// into them). Byte offsets (Span) index the UTF-8 input, as in C.
//
// Handles (Engine, Doc, Normalized) must be closed with Close. Finalizers are
// only a safety net: cgo memory is invisible to Go's garbage collector, so
// an unclosed handle may keep megabytes alive long after its last use.
//
// Errors from the library are *Error values carrying the library's code,
// message and byte offset; compare them with errors.Is against ErrInvalidUTF8
// and the other sentinels. Each call that may fail runs with the goroutine
// locked to its OS thread until the thread-local error detail is read.
//
// The package links with `#cgo pkg-config: libearnings`: set
// PKG_CONFIG_PATH (and LD_LIBRARY_PATH at run time) for a library installed
// outside the default search paths.
package earnings

/*
#cgo pkg-config: libearnings
#include <stdlib.h>
#include <earnings.h>

#if !defined(EARNINGS_VERSION_NUMBER) || EARNINGS_VERSION_NUMBER < 100
#error "the Go binding of libearnings needs libearnings 0.1.0 or newer"
#endif
*/
import "C"

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Error codes of the library (earnings_error_code). They are stable.
const (
	CodeOK              = 0
	CodeInvalidArgument = -1  // EARNINGS_EINVAL
	CodeNoMemory        = -2  // EARNINGS_ENOMEM
	CodeInvalidUTF8     = -3  // EARNINGS_EINVALIDUTF8: see Error.ByteOffset
	CodeVersion         = -4  // EARNINGS_EVERSION
	CodeRange           = -5  // EARNINGS_ERANGE
	CodeTooBig          = -6  // EARNINGS_ETOOBIG
	CodeICU             = -7  // EARNINGS_EICU
	CodeIO              = -8  // EARNINGS_EIO
	CodeParse           = -9  // EARNINGS_EPARSE
	CodeNotFound        = -10 // EARNINGS_ENOTFOUND
	CodeInternal        = -11 // EARNINGS_EINTERNAL
)

// Error is an error reported by libearnings (earnings_error).
type Error struct {
	Code       int    // a Code* constant
	Message    string // the library's detail
	ByteOffset int64  // offset in the UTF-8 input the error refers to, or -1
}

func (e *Error) Error() string {
	if e.ByteOffset >= 0 {
		return fmt.Sprintf("libearnings: %s (byte %d)", e.Message, e.ByteOffset)
	}
	return "libearnings: " + e.Message
}

// Is reports whether target is an *Error with the same code, so that
// errors.Is(err, earnings.ErrInvalidUTF8) works whatever the message.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

func sentinel(code int) *Error {
	return &Error{Code: code, Message: StrError(code), ByteOffset: -1}
}

// Sentinels for errors.Is.
var (
	ErrInvalidArgument = sentinel(CodeInvalidArgument)
	ErrNoMemory        = sentinel(CodeNoMemory)
	ErrInvalidUTF8     = sentinel(CodeInvalidUTF8)
	ErrVersion         = sentinel(CodeVersion)
	ErrRange           = sentinel(CodeRange)
	ErrTooBig          = sentinel(CodeTooBig)
	ErrICU             = sentinel(CodeICU)
	ErrIO              = sentinel(CodeIO)
	ErrParse           = sentinel(CodeParse)
	ErrNotFound        = sentinel(CodeNotFound)
	ErrInternal        = sentinel(CodeInternal)
)

// ErrClosed is returned by the methods of a handle after Close.
var ErrClosed = errors.New("libearnings: use of a closed handle")

// StrError is the library's static text for an error code (earnings_strerror).
func StrError(code int) string {
	return C.GoString(C.earnings_strerror(C.int(code)))
}

// call runs fn, a cgo call returning an earnings status, with the goroutine
// locked to its OS thread so that a failure's thread-local detail
// (earnings_error_last) is read on the thread that made the call.
func call(fn func() C.int) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if rc := fn(); rc < 0 {
		return lastError(int(rc))
	}
	return nil
}

func lastError(rc int) error {
	e := C.earnings_error_last()
	if int(e.code) != rc {
		return &Error{Code: rc, Message: StrError(rc), ByteOffset: -1}
	}
	return &Error{Code: rc, Message: C.GoString(e.message), ByteOffset: int64(e.byte_offset)}
}

// Version is the version of the linked library, "M.m.p" (earnings_version_string).
func Version() string { return C.GoString(C.earnings_version_string()) }

// VersionNumber is the version of the linked library, M*10000 + m*100 + p.
func VersionNumber() int { return int(C.earnings_version_number()) }

// HeaderVersionNumber is the version of the headers this package was built with.
const HeaderVersionNumber = int(C.EARNINGS_VERSION_NUMBER)

var (
	versionOnce sync.Once
	versionErr  error
)

// checkVersion: the linked library must have the headers' major version and
// be at least as new as them (it may lack symbols otherwise).
func checkVersion() error {
	versionOnce.Do(func() {
		v := VersionNumber()
		if v/10000 != HeaderVersionNumber/10000 || v < HeaderVersionNumber {
			versionErr = fmt.Errorf("libearnings: linked library %s does not match the headers "+
				"(%d) this package was built with", Version(), HeaderVersionNumber)
		}
	})
	return versionErr
}

// live counts the C objects owned by handles not yet freed (for tests).
var live int64

func track(n int64) { atomic.AddInt64(&live, n) }

// goString copies n bytes of C memory into a Go string.
func goString(p *C.char, n C.size_t) string {
	if p == nil || n == 0 {
		return ""
	}
	return string(unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n)))
}

// goBytes copies n bytes of C memory into a new Go slice.
func goBytes(p *C.char, n C.size_t) []byte {
	if p == nil || n == 0 {
		return []byte{}
	}
	return append([]byte(nil), unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n))...)
}

// structSize is one public struct: its size in the headers this package was
// built with and in the linked library (earnings_struct_size).
type structSize struct {
	name           string
	header, linked int
}

// structSizes lists the structs whose fields the package reads (for tests:
// a difference means the headers and the library are out of step).
func structSizes() []structSize {
	list := []struct {
		name string
		id   C.int32_t
		size uintptr
	}{
		{"earnings_span", C.EARNINGS_STRUCT_SPAN, unsafe.Sizeof(C.earnings_span{})},
		{"earnings_buf", C.EARNINGS_STRUCT_BUF, unsafe.Sizeof(C.earnings_buf{})},
		{"earnings_error", C.EARNINGS_STRUCT_ERROR, unsafe.Sizeof(C.earnings_error{})},
		{"earnings_normalize_options", C.EARNINGS_STRUCT_NORMALIZE_OPTIONS, unsafe.Sizeof(C.earnings_normalize_options{})},
		{"earnings_token", C.EARNINGS_STRUCT_TOKEN, unsafe.Sizeof(C.earnings_token{})},
		{"earnings_sentence", C.EARNINGS_STRUCT_SENTENCE, unsafe.Sizeof(C.earnings_sentence{})},
		{"earnings_engine_options", C.EARNINGS_STRUCT_ENGINE_OPTIONS, unsafe.Sizeof(C.earnings_engine_options{})},
		{"earnings_parse_options", C.EARNINGS_STRUCT_PARSE_OPTIONS, unsafe.Sizeof(C.earnings_parse_options{})},
		{"earnings_figure", C.EARNINGS_STRUCT_FIGURE, unsafe.Sizeof(C.earnings_figure{})},
		{"earnings_entity", C.EARNINGS_STRUCT_ENTITY, unsafe.Sizeof(C.earnings_entity{})},
		{"earnings_fact", C.EARNINGS_STRUCT_FACT, unsafe.Sizeof(C.earnings_fact{})},
		{"earnings_fact_group", C.EARNINGS_STRUCT_FACT_GROUP, unsafe.Sizeof(C.earnings_fact_group{})},
		{"earnings_name_spelling", C.EARNINGS_STRUCT_NAME_SPELLING, unsafe.Sizeof(C.earnings_name_spelling{})},
		{"earnings_person_names", C.EARNINGS_STRUCT_PERSON_NAMES, unsafe.Sizeof(C.earnings_person_names{})},
	}
	out := make([]structSize, len(list))
	for i, s := range list {
		out[i] = structSize{s.name, int(s.size), int(C.earnings_struct_size(s.id))}
	}
	return out
}
