package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"byline/crawl"
	"byline/extract"
)

const (
	articleFile  = "testdata/article.html"
	cyrillicFile = "testdata/article-cyrillic.html"
	noArticle    = "testdata/no-article.html"
	seedText     = "../../testdata/seed/moscow-times-syria-dialogue.txt"
	// A sentence of articleFile's body.
	articleSentence = "The Harbour Bridge reopened to traffic on Saturday morning"
)

// TestMain lets a test run the real command in a child process (for signal
// tests): with BYLINE_TEST_MAIN set, the test binary is byline.
func TestMain(m *testing.M) {
	if os.Getenv("BYLINE_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

type result struct {
	code    int
	stdout  string
	stderr  string
	records []map[string]any
}

// runByline runs the command in-process with stdin as standard input.
func runByline(t *testing.T, stdin io.Reader, args ...string) result {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errOut bytes.Buffer
	code := run(args, stdin, &out, &errOut)
	r := result{code: code, stdout: out.String(), stderr: errOut.String()}
	if len(args) > 0 && args[0] == "extract" && !slices.Contains(args, "--help") {
		r.records = decodeRecords(t, r.stdout)
	}
	return r
}

// decodeRecords decodes a stream of JSON values (lines, or indented blocks).
func decodeRecords(t *testing.T, s string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	dec := json.NewDecoder(strings.NewReader(s))
	for {
		var m map[string]any
		err := dec.Decode(&m)
		if err == io.EOF {
			return recs
		}
		if err != nil {
			t.Fatalf("output is not JSON records: %v\n%s", err, s)
		}
		recs = append(recs, m)
	}
}

func (r result) check(t *testing.T, code int, sources ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit status %d, want %d; stderr:\n%s", r.code, code, r.stderr)
	}
	var got []string
	for _, rec := range r.records {
		s, _ := rec["source"].(string)
		got = append(got, s)
	}
	if strings.Join(got, "\n") != strings.Join(sources, "\n") {
		t.Errorf("record sources %q, want %q", got, sources)
	}
}

// checkArticle checks the structure every article record has.
func checkArticle(t *testing.T, rec map[string]any) {
	t.Helper()
	if _, ok := rec["error"]; ok {
		t.Fatalf("record %v is an error", rec)
	}
	body, _ := rec["body"].(string)
	if body == "" {
		t.Errorf("record of %v has no body", rec["source"])
	}
	if wc, _ := rec["word_count"].(float64); wc <= 0 {
		t.Errorf("word_count = %v", rec["word_count"])
	}
	for _, field := range []string{"authors", "quotes"} {
		if _, ok := rec[field].([]any); !ok {
			t.Errorf("%s = %v, want an array", field, rec[field])
		}
	}
	if _, ok := rec["title"].(string); !ok {
		t.Errorf("title = %v, want a string", rec["title"])
	}
}

// checkFailure checks an error record's kind and returns its message.
func checkFailure(t *testing.T, rec map[string]any, kind string) string {
	t.Helper()
	e, ok := rec["error"].(map[string]any)
	if !ok {
		t.Fatalf("record %.200v is not an error record", rec)
	}
	if e["kind"] != kind {
		t.Errorf("error kind %v, want %s (message %q)", e["kind"], kind, e["message"])
	}
	msg, _ := e["message"].(string)
	if msg == "" {
		t.Errorf("error record of %v has no message", rec["source"])
	}
	if _, ok := rec["body"]; ok {
		t.Errorf("error record has a body")
	}
	return msg
}

func TestExtractFile(t *testing.T) {
	r := runByline(t, nil, "extract", articleFile)
	r.check(t, 0, articleFile)
	if r.stderr != "" {
		t.Errorf("stderr: %q", r.stderr)
	}
	if strings.Count(r.stdout, "\n") != 1 || !strings.HasSuffix(r.stdout, "}\n") {
		t.Errorf("output is not one JSON line: %q", r.stdout)
	}
	rec := r.records[0]
	checkArticle(t, rec)
	if !strings.Contains(rec["body"].(string), articleSentence) {
		t.Errorf("body lacks %q: %q", articleSentence, rec["body"])
	}
	if title := rec["title"].(string); !strings.Contains(title, "Harbour Bridge Reopens") {
		t.Errorf("title = %q", title)
	}
	if _, ok := rec["url"]; ok {
		t.Errorf("url = %v for a file given without --url", rec["url"])
	}
}

func TestExtractStdin(t *testing.T) {
	page, err := os.ReadFile(articleFile)
	if err != nil {
		t.Fatal(err)
	}
	const pageURL = "https://herald.example/news/harbour-bridge-reopens"
	r := runByline(t, bytes.NewReader(page), "extract", "-", "--url", pageURL)
	r.check(t, 0, "-")
	checkArticle(t, r.records[0])
	if r.records[0]["url"] != pageURL {
		t.Errorf("url = %v, want %s", r.records[0]["url"], pageURL)
	}
	if !strings.Contains(r.records[0]["body"].(string), articleSentence) {
		t.Errorf("body lacks %q", articleSentence)
	}
}

func gzipFile(t *testing.T, src string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	dst := filepath.Join(t.TempDir(), filepath.Base(src)+".gz")
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestExtractGzip(t *testing.T) {
	gz := gzipFile(t, articleFile)
	r := runByline(t, nil, "extract", gz, articleFile)
	r.check(t, 0, gz, articleFile)
	checkArticle(t, r.records[0])
	delete(r.records[0], "source")
	delete(r.records[1], "source")
	a, _ := json.Marshal(r.records[0])
	b, _ := json.Marshal(r.records[1])
	if !bytes.Equal(a, b) {
		t.Errorf("gzip file gave\n%s\nthe plain file\n%s", a, b)
	}
}

func TestExtractSeveralInOrder(t *testing.T) {
	gz := gzipFile(t, cyrillicFile)
	inputs := []string{seedText, articleFile, gz, cyrillicFile, "-"}
	stdin, _ := os.Open(articleFile)
	defer stdin.Close()
	r := runByline(t, stdin, append([]string{"extract"}, inputs...)...)
	r.check(t, 0, inputs...)
	for _, rec := range r.records {
		checkArticle(t, rec)
	}
	if body := r.records[3]["body"].(string); !strings.Contains(body, "Мост через гавань") {
		t.Errorf("Cyrillic body: %q", body)
	}
}

func TestExtractFailingAmongGood(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.html")
	image := filepath.Join(dir, "photo.png")
	os.WriteFile(image, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"), 0o644)
	inputs := []string{articleFile, missing, noArticle, dir, image, seedText}
	r := runByline(t, nil, append([]string{"extract"}, inputs...)...)
	r.check(t, 1, inputs...)
	checkArticle(t, r.records[0])
	if msg := checkFailure(t, r.records[1], kindRead); msg != "no such file or directory" {
		t.Errorf("message %q", msg)
	}
	checkFailure(t, r.records[2], kindNoContent)
	checkFailure(t, r.records[3], kindRead)
	checkFailure(t, r.records[4], kindNotHTML)
	checkArticle(t, r.records[5])

	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("stderr has %d lines, want 4 (one per failure):\n%s", len(lines), r.stderr)
	}
	for i, src := range []string{missing, noArticle, dir, image} {
		if !strings.HasPrefix(lines[i], "byline: "+src+": ") {
			t.Errorf("stderr line %q, want byline: %s: ...", lines[i], src)
		}
	}
	if lines[0] != "byline: "+missing+": no such file or directory" {
		t.Errorf("stderr line %q", lines[0])
	}
}

func TestExtractTooLargeFile(t *testing.T) {
	r := runByline(t, nil, "extract", "--max-size", "1K", articleFile)
	r.check(t, 1, articleFile)
	checkFailure(t, r.records[0], kindTooLarge)
	// Over the limit only once decompressed.
	big := filepath.Join(t.TempDir(), "big.html")
	os.WriteFile(big, []byte("<p>"+strings.Repeat("word ", 10000)+"</p>"), 0o644)
	gz := gzipFile(t, big)
	r = runByline(t, nil, "extract", "--max-size", "10K", gz)
	if msg := checkFailure(t, r.records[0], kindTooLarge); !strings.HasSuffix(msg, " (--max-size)") {
		t.Errorf("decompressed too large: message %q does not name --max-size", msg)
	}
	// Fetched: over the limit by Content-Length, or while reading.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			w.(http.Flusher).Flush() // no Content-Length
		}
		w.Write([]byte("<p>" + strings.Repeat("word ", 10000) + "</p>"))
	}))
	defer srv.Close()
	r = runByline(t, nil, "extract", "--max-size", "10K", srv.URL+"/sized", srv.URL+"/chunked")
	for _, rec := range r.records {
		if msg := checkFailure(t, rec, kindTooLarge); strings.Count(msg, "--max-size") != 1 {
			t.Errorf("%v: message %q does not name --max-size once", rec["source"], msg)
		}
	}
}

// panicReader panics when read: a stand-in for a bug met on one input.
type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("boom") }

func TestExtractPanicIsOneInputsError(t *testing.T) {
	r := runByline(t, panicReader{}, "extract", articleFile, "-", articleFile)
	r.check(t, 1, articleFile, "-", articleFile)
	if msg := checkFailure(t, r.records[1], kindInternal); !strings.HasPrefix(msg, "internal error: boom at ") ||
		!strings.Contains(msg, "panicReader.Read (main_test.go:") {
		t.Errorf("message %q", msg)
	}
	checkArticle(t, r.records[2])
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"extract"}, "no inputs"},
		{[]string{"extract", "--bogus", articleFile}, "unknown flag: --bogus"},
		{[]string{"extract", "-z", articleFile}, "unknown shorthand flag"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"extract", "--url", "not a url", articleFile}, "invalid --url"},
		{[]string{"extract", "--url", "ftp://x.example/a", articleFile}, "invalid --url"},
		{[]string{"extract", "--url", "https://x.example/a", articleFile, seedText}, "single input"},
		{[]string{"extract", "--url", "https://x.example/a", "https://y.example/b"}, "fetched from its own address"},
		{[]string{"extract", "-", "-"}, "once"},
		{[]string{"extract", "--timeout", "-1s", articleFile}, "invalid --timeout"},
		{[]string{"extract", "--timeout", "soon", articleFile}, "--timeout"},
		{[]string{"extract", "--max-size", "0", articleFile}, "--max-size"},
		{[]string{"extract", "--max-size", "big", articleFile}, "--max-size"},
		{[]string{"extract", ""}, "empty input"},
		{[]string{"extract", "-o", "./" + articleFile, seedText, articleFile}, "is also an input"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runByline(t, nil, tt.args...)
			if r.code != exitUsage {
				t.Errorf("exit status %d, want 2", r.code)
			}
			if r.stdout != "" {
				t.Errorf("stdout: %q", r.stdout)
			}
			if !strings.Contains(r.stderr, tt.want) || !strings.HasPrefix(r.stderr, "byline: ") {
				t.Errorf("stderr %q, want byline: ...%s...", r.stderr, tt.want)
			}
			if !strings.Contains(r.stderr, "--help' for usage") {
				t.Errorf("stderr %q does not point to --help", r.stderr)
			}
			if strings.Count(r.stderr, tt.want) != 1 {
				t.Errorf("error printed more than once: %q", r.stderr)
			}
		})
	}
}

func TestFlagsBindOptions(t *testing.T) {
	var got *extractOptions
	s := &streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}
	cmd := newExtractCmd(s, func(_ context.Context, o *extractOptions) error {
		got = o
		return nil
	})
	cmd.SetArgs([]string{"-p", "-o", "out.jsonl", "--explain", "--timeout", "5s", "--max-size", "2M",
		"--user-agent", "ua/1", "--url", "https://x.example/a", "page.html"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := extractOptions{Inputs: []string{"page.html"}, URL: "https://x.example/a", Pretty: true,
		Output: "out.jsonl", Explain: true, Timeout: 5 * time.Second, MaxSize: 2 << 20, UserAgent: "ua/1",
		batch: batchOptions{PerHost: 1, Retries: 2}}
	got.streams, got.pageURL = nil, nil
	if fmt.Sprint(*got) != fmt.Sprint(want) {
		t.Errorf("options\n%+v\nwant\n%+v", *got, want)
	}

	// Defaults.
	cmd = newExtractCmd(s, func(_ context.Context, o *extractOptions) error {
		got = o
		return nil
	})
	cmd.SetArgs([]string{"a.html"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Timeout != crawl.DefaultTimeout || got.MaxSize != crawl.DefaultMaxSize || got.Pretty || got.Output != "" {
		t.Errorf("default options %+v", *got)
	}
}

func TestByteSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"1", 1}, {"1048576", 1 << 20}, {"512K", 512 << 10}, {"512kb", 512 << 10}, {"20M", 20 << 20},
		{"20MiB", 20 << 20}, {"1G", 1 << 30}, {" 3 MB ", 3 << 20}, {"100B", 100},
		{"0", -1}, {"-5", -1}, {"x", -1}, {"1.5M", -1}, {"", -1}, {"99999999999G", -1},
	}
	for _, tt := range tests {
		var s byteSize
		err := s.Set(tt.in)
		if tt.want < 0 {
			if err == nil {
				t.Errorf("Set(%q) = %d, want an error", tt.in, s)
			}
			continue
		}
		if err != nil || int64(s) != tt.want {
			t.Errorf("Set(%q) = %d, %v; want %d", tt.in, s, err, tt.want)
		}
	}
	for v, want := range map[byteSize]string{20 << 20: "20M", 1 << 30: "1G", 1536: "1536", 2048: "2K"} {
		if got := v.String(); got != want {
			t.Errorf("String(%d) = %q, want %q", int64(v), got, want)
		}
	}
}

func TestPretty(t *testing.T) {
	r := runByline(t, nil, "extract", "--pretty", articleFile, noArticle)
	r.check(t, 1, articleFile, noArticle)
	if !strings.HasPrefix(r.stdout, "{\n  \"source\": ") {
		t.Errorf("output is not indented: %.100q", r.stdout)
	}
	checkArticle(t, r.records[0])
	checkFailure(t, r.records[1], kindNoContent)
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jsonl")
	os.WriteFile(out, []byte("old content that must go\n"), 0o644)
	r := runByline(t, nil, "extract", "-o", out, articleFile, noArticle, seedText)
	if r.code != 1 || r.stdout != "" {
		t.Errorf("exit %d, stdout %q", r.code, r.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 3 || !strings.HasSuffix(string(data), "\n") {
		t.Fatalf("output file has %d lines, want 3:\n%s", len(lines), data)
	}
	recs := decodeRecords(t, string(data))
	checkArticle(t, recs[0])
	checkFailure(t, recs[1], kindNoContent)
	checkArticle(t, recs[2])
	if !strings.Contains(r.stderr, "byline: "+noArticle+": ") {
		t.Errorf("stderr %q", r.stderr)
	}

	r = runByline(t, nil, "extract", "-o", filepath.Join(t.TempDir(), "no", "such", "dir.jsonl"), articleFile)
	if r.code != exitFailed || !strings.Contains(r.stderr, "cannot create output") {
		t.Errorf("unwritable -o: exit %d, stderr %q", r.code, r.stderr)
	}
}

// halfWriter writes half of what it is given, then fails, like a full disk.
type halfWriter struct{ f *os.File }

func (w halfWriter) Write(p []byte) (int, error) {
	n, _ := w.f.Write(p[:len(p)/2])
	return n, syscall.ENOSPC
}

func TestRecordWriterCutsPartialRecord(t *testing.T) {
	for _, flag := range []int{os.O_TRUNC, os.O_APPEND} {
		name := filepath.Join(t.TempDir(), "out.jsonl")
		const before = `{"source":"earlier run"}` + "\n"
		os.WriteFile(name, []byte(before), 0o644)
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|flag, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		want := `{"source":"a"}` + "\n"
		if flag == os.O_APPEND {
			want = before + want
		}
		rw := newRecordWriter(f, f, name, false)
		if err := rw.write(map[string]string{"source": "a"}); err != nil {
			t.Fatal(err)
		}
		rw.w = halfWriter{f}
		err = rw.write(map[string]string{"source": "b", "body": strings.Repeat("x", 100)})
		if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), name) {
			t.Errorf("error %v", err)
		}
		data, _ := os.ReadFile(name)
		if string(data) != want {
			t.Errorf("file after a failed write: %q, want %q", data, want)
		}
		// The next record follows the last whole one.
		rw.w = f
		if err := rw.write(map[string]string{"source": "c"}); err != nil {
			t.Fatal(err)
		}
		data, _ = os.ReadFile(name)
		if want += `{"source":"c"}` + "\n"; string(data) != want {
			t.Errorf("file after the next write: %q, want %q", data, want)
		}
	}
}

func TestVersion(t *testing.T) {
	r := runByline(t, nil, "--version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "byline ") || strings.TrimSpace(r.stdout) == "byline" {
		t.Errorf("--version: exit %d, %q", r.code, r.stdout)
	}
	old := version
	defer func() { version = old }()
	version = "v9.8.7"
	r = runByline(t, nil, "--version")
	if r.stdout != "byline v9.8.7\n" {
		t.Errorf("--version with a link-time version: %q", r.stdout)
	}
	if ua := userAgent(""); !strings.Contains(ua, "byline/v9.8.7") {
		t.Errorf("user agent %q does not name the version", ua)
	}
}

func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		r := runByline(t, nil, "completion", shell)
		if r.code != 0 || !strings.Contains(r.stdout, "byline") || len(r.stdout) < 500 {
			t.Errorf("completion %s: exit %d, %d bytes, stderr %q", shell, r.code, len(r.stdout), r.stderr)
		}
	}
	for _, args := range [][]string{{"completion", "tcsh"}, {"completion"}} {
		r := runByline(t, nil, args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "bash, zsh, fish or powershell") || r.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want a usage error", args, r.code, r.stdout, r.stderr)
		}
	}
	if r := runByline(t, nil, "completion", "--help"); r.code != 0 {
		t.Errorf("completion --help: exit %d", r.code)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"extract", "--help"}} {
		r := runByline(t, nil, args...)
		if r.code != 0 {
			t.Errorf("%v: exit %d", args, r.code)
		}
		for _, want := range []string{"Exit status", "130", "Examples:", "byline extract "} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%v: help lacks %q", args, want)
			}
		}
	}
}

func TestErrorKind(t *testing.T) {
	pathErr := &fs.PathError{Op: "open", Path: "a.html", Err: fs.ErrNotExist}
	tests := []struct {
		err    error
		kind   string
		status int
	}{
		{&stageError{kind: kindRead, err: pathErr}, kindRead, 0},
		{pathErr, kindRead, 0},
		{&stageError{kind: kindFetch, err: errors.New("dial tcp: connection refused")}, kindFetch, 0},
		{&stageError{kind: kindFetch, err: fmt.Errorf("x: %w", &crawl.StatusError{Status: 404})}, kindHTTPStatus, 404},
		{&stageError{kind: kindFetch, err: fmt.Errorf("%w: %w", crawl.ErrTimeout, context.DeadlineExceeded)}, kindTimeout, 0},
		{context.DeadlineExceeded, kindTimeout, 0},
		{&stageError{kind: kindFetch, err: crawl.ErrNotHTML}, kindNotHTML, 0},
		{&stageError{kind: kindRead, err: extract.ErrNotHTML}, kindNotHTML, 0},
		{crawl.ErrTooLarge, kindTooLarge, 0},
		{fmt.Errorf("%w: 5 bytes", extract.ErrTooLarge), kindTooLarge, 0},
		{&stageError{kind: kindRead, err: extract.ErrNoContent}, kindNoContent, 0},
		{&stageError{kind: kindRead, err: errors.New("gzip: invalid header")}, kindRead, 0},
		{&stageError{kind: kindFetch, err: fmt.Errorf("x: %w", crawl.ErrRobots)}, kindRobots, 0},
		{&panicError{value: "boom"}, kindInternal, 0},
		{errors.New("something else"), kindInternal, 0},
	}
	for _, tt := range tests {
		kind, status := errorKind(tt.err)
		if kind != tt.kind || status != tt.status {
			t.Errorf("errorKind(%v) = %s, %d; want %s, %d", tt.err, kind, status, tt.kind, tt.status)
		}
	}
}

func TestProgressStatus(t *testing.T) {
	for _, tt := range []struct {
		detail       string
		done, failed int
		total        int64
		elapsed      time.Duration
		want         string
	}{
		{"", 0, 0, 10, 0, "extract: 0 failed"},
		// The first item in a few microseconds: no absurd rate.
		{"", 1, 0, 10, 5 * time.Microsecond, "extract: 0 failed"},
		{"", 10, 2, 30, 2 * time.Second, "extract: 2 failed, 5.0 pages/s, ETA 4s"},
		{"3 articles, 7 queued", 4, 1, -1, 2 * time.Second, "extract: 3 articles, 7 queued, 1 failed, 2.0 pages/s"},
	} {
		if got := progressStatus("extract", tt.detail, tt.done, tt.failed, tt.total, tt.elapsed); got != tt.want {
			t.Errorf("progressStatus(%q, %d, %d, %d, %v) = %q, want %q", tt.detail, tt.done, tt.failed, tt.total, tt.elapsed, got, tt.want)
		}
	}
	// Drawn on a terminal, the bar shows the failed count.
	var buf bytes.Buffer
	p := newProgressBar(&buf, 3, true, "extract")
	p.add(true)
	p.add(false)
	p.finish()
	if !strings.Contains(buf.String(), "1 failed") {
		t.Errorf("bar output %q has no failed count", buf.String())
	}
}

func TestUnsupportedScheme(t *testing.T) {
	r := runByline(t, nil, "extract", "ftp://example.com/x.html", "mailto:desk@example.com", articleFile, "no-such-file.html")
	r.check(t, exitFailed, "ftp://example.com/x.html", "mailto:desk@example.com", articleFile, "no-such-file.html")
	for i, scheme := range []string{"ftp", "mailto"} {
		if msg := checkFailure(t, r.records[i], kindFetch); msg != "unsupported URL scheme "+scheme+" (byline fetches http and https)" {
			t.Errorf("%s: message %q", scheme, msg)
		}
	}
	checkFailure(t, r.records[3], kindRead)
	for _, tt := range []struct{ in, want string }{
		{"ftp://x/y", "ftp"}, {"FILE:///tmp/a", "file"}, {"mailto:a@b", "mailto"},
		{"C:/pages/a.html", ""}, {"notes:2024.txt", ""}, {"a.html", ""}, {"https://x/", "https"},
	} {
		if got := otherScheme(tt.in); got != tt.want {
			t.Errorf("otherScheme(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
