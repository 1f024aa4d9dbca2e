package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"byline/crawl"
	"byline/extract"
)

// Error kinds of a failed input's record, documented in README.md.
const (
	kindRead       = "read"        // a file or stdin could not be read, or its bytes not decoded
	kindFetch      = "fetch"       // the request failed: DNS, connection, TLS, redirects, bad URL
	kindTimeout    = "timeout"     // the request took longer than --timeout
	kindHTTPStatus = "http_status" // the server answered with a non-2xx status
	kindNotHTML    = "not_html"    // neither HTML nor text (an image, a PDF...)
	kindTooLarge   = "too_large"   // over --max-size
	kindNoContent  = "no_content"  // read, but no article text found
	kindRobots     = "robots"      // refused by robots.txt (crawls and batch jobs)
	kindInternal   = "internal"    // a bug in byline (a recovered panic)
)

// errorRecord is the output line of a failed input.
type errorRecord struct {
	Source string      `json:"source"`
	Error  errorDetail `json:"error"`
	// Removed is what extraction dropped, with --explain, when it found no
	// content: it tells why.
	Removed []extract.Removal `json:"removed,omitempty"`
}

type errorDetail struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
	// Status is the HTTP status, for kind http_status only.
	Status int `json:"status,omitempty"`
}

// stageError marks where an input failed (reading a file, fetching a URL):
// the kind for errors that no sentinel names.
type stageError struct {
	kind string
	err  error
}

func (e *stageError) Error() string { return e.err.Error() }
func (e *stageError) Unwrap() error { return e.err }

// panicError is a panic recovered while processing one input.
type panicError struct {
	value any
	where string // the function and line that panicked, when known
}

// recovered makes the error of a panic; call it in the deferred function
// that recovered v (the frame it skips), while the panicking frames are
// still on the stack.
func recovered(v any) *panicError {
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		f, more := frames.Next()
		if f.Function != "" && !strings.HasPrefix(f.Function, "runtime.") {
			return &panicError{value: v, where: fmt.Sprintf("%s (%s:%d)", f.Function, filepath.Base(f.File), f.Line)}
		}
		if !more {
			return &panicError{value: v}
		}
	}
}

func (e *panicError) Error() string {
	if e.where == "" {
		return fmt.Sprintf("internal error: %v", e.value)
	}
	return fmt.Sprintf("internal error: %v at %s", e.value, e.where)
}

// errorKind maps an input's error to its record kind and HTTP status. It is
// the one place where errors become kinds.
func errorKind(err error) (kind string, status int) {
	var (
		pe *panicError
		se *crawl.StatusError
		st *stageError
	)
	switch {
	case errors.As(err, &pe):
		return kindInternal, 0
	case errors.Is(err, crawl.ErrRobots):
		// Before the status and timeout cases: a robots.txt that answered
		// 500 or timed out refuses the page, which was never requested.
		return kindRobots, 0
	case errors.As(err, &se):
		return kindHTTPStatus, se.Status
	case errors.Is(err, crawl.ErrTimeout), errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded):
		return kindTimeout, 0
	case errors.Is(err, crawl.ErrNotHTML), errors.Is(err, extract.ErrNotHTML):
		return kindNotHTML, 0
	case errors.Is(err, crawl.ErrTooLarge), errors.Is(err, extract.ErrTooLarge):
		return kindTooLarge, 0
	case errors.Is(err, extract.ErrNoContent):
		return kindNoContent, 0
	case errors.As(err, &st):
		return st.kind, 0
	}
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return kindRead, 0
	}
	return kindInternal, 0
}

// errorMessage is the text of err for source, without repeating the path
// that the record and the stderr line already name.
func errorMessage(err error, source string) string {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) && pathErr.Path == source {
		return pathErr.Err.Error()
	}
	return err.Error()
}

// failure is the record of an input that failed with err. a, when not nil,
// is what extraction found (on ErrNoContent): its Removed tells why.
func failure(source string, err error, a *extract.Article) *errorRecord {
	var removed []extract.Removal
	if a != nil {
		removed = a.Removed
	}
	kind, status := errorKind(err)
	msg := errorMessage(err, source)
	if kind == kindTooLarge && !strings.Contains(msg, "--max-size") {
		msg += " (--max-size)" // the libraries do not know the flag's name
	}
	return &errorRecord{
		Source:  source,
		Error:   errorDetail{Kind: kind, Message: msg, Status: status},
		Removed: removed,
	}
}

// recordWriter writes records, one JSON value per line (or per indented
// block with pretty). Each record goes out in a single Write, and when the
// output is a file a failed write is cut back, so the output never ends with
// a partial record.
type recordWriter struct {
	w      io.Writer
	file   *os.File // the output file, if any
	name   string   // the output's name in messages
	pretty bool
	off    int64 // end of the last whole record in file
	buf    bytes.Buffer
}

// newRecordWriter writes to w; file, when not nil, is w as a file (the -o
// output, new, truncated or opened with O_APPEND), which lets a failed
// write be cut back.
func newRecordWriter(w io.Writer, file *os.File, name string, pretty bool) *recordWriter {
	rw := &recordWriter{w: w, file: file, name: name, pretty: pretty}
	if file != nil {
		// Records go at the end: the file is new, truncated, or opened
		// with O_APPEND.
		if fi, err := file.Stat(); err == nil {
			rw.off = fi.Size()
		}
	}
	return rw
}

// write writes one record.
func (rw *recordWriter) write(v any) error {
	rw.buf.Reset()
	enc := json.NewEncoder(&rw.buf)
	enc.SetEscapeHTML(false)
	if rw.pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode record: %w", err)
	}
	n, err := rw.w.Write(rw.buf.Bytes())
	if err != nil {
		if rw.file != nil && n > 0 {
			// Cut the partial record back off.
			if rw.file.Truncate(rw.off) == nil {
				rw.file.Seek(rw.off, io.SeekStart)
			}
		}
		return fmt.Errorf("write %s: %w", rw.name, err)
	}
	rw.off += int64(n)
	return nil
}
