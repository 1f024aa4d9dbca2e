package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"byline/crawl"
)

// newsPage is an article page with its own canonical URL and title.
func newsPage(path string, n int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Council approves budget %d - The Test Times</title><meta property="og:type" content="article">
<link rel="canonical" href="%s"></head><body><header><nav><a href="/">Home</a></nav></header>
<article><h1>Council approves budget %d</h1>`, n, path, n)
	for p := 0; p < 5; p++ {
		fmt.Fprintf(&sb, `<p>The city council approved budget number %d on Tuesday after a long debate about
schools, roads and the harbour, officials said. Paragraph %d adds that the vote was close and that
the opposition promised to keep pressing for changes to the spending plan next year.</p>`, n, p)
	}
	sb.WriteString(`</article><footer><p>The Test Times</p></footer></body></html>`)
	return sb.String()
}

// batchServer serves article pages under /p/N, a 404, a robots-disallowed
// path, a PDF, and pages under /slow/N that wait for release.
type batchServer struct {
	*httptest.Server
	release chan struct{}
	mu      sync.Mutex
	hits    map[string]int
}

func newBatchServer(t *testing.T) *batchServer {
	s := &batchServer{release: make(chan struct{}), hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		var n int
		switch {
		case r.URL.Path == "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
		case r.URL.Path == "/doc.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			w.Write([]byte("%PDF-1.4\x00\xff"))
		case strings.HasPrefix(r.URL.Path, "/slow/"):
			select {
			case <-s.release:
			case <-r.Context().Done():
				return
			}
			fallthrough
		case strings.HasPrefix(r.URL.Path, "/p/"):
			fmt.Sscanf(r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:], "%d", &n)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(newsPage(r.URL.Path, n)))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// readRecords reads an output file's records, failing on any partial line.
func readRecords(t *testing.T, name string) []map[string]any {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		t.Fatalf("%s ends with a partial line: %q", name, data[max(0, len(data)-80):])
	}
	var recs []map[string]any
	for line := range bytes.Lines(data) {
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			t.Fatalf("%s: bad line %q: %v", name, line, err)
		}
		recs = append(recs, m)
	}
	return recs
}

func errorKindOf(rec map[string]any) string {
	e, ok := rec["error"].(map[string]any)
	if !ok {
		return ""
	}
	return e["kind"].(string)
}

func TestBatchMixedInputs(t *testing.T) {
	srv := newBatchServer(t)
	dir := t.TempDir()
	list := filepath.Join(dir, "inputs.txt")
	lines := []string{
		"# a list of inputs",
		"",
		srv.URL + "/p/1",
		"   " + srv.URL + "/p/2   ",
		srv.URL + "/missing",
		srv.URL + "/private/secret",
		srv.URL + "/doc.pdf",
		"testdata/article.html",
		"no-such-file.html",
		"http://",
		srv.URL + "/p/1", // repeated: done once
		"  # an indented comment",
		srv.URL + "/p/3",
	}
	os.WriteFile(list, []byte(strings.Join(lines, "\n")), 0o644)
	out := filepath.Join(dir, "out.jsonl")
	r := runByline(t, nil, "extract", "-i", list, "-o", out, "-j", "3", "--retries", "0")
	if r.code != exitFailed {
		t.Fatalf("exit %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	want := map[string]string{ // source -> error kind ("" for an article)
		srv.URL + "/p/1": "", srv.URL + "/p/2": "", srv.URL + "/p/3": "", "testdata/article.html": "",
		srv.URL + "/missing":        "http_status",
		srv.URL + "/private/secret": "robots",
		srv.URL + "/doc.pdf":        "not_html",
		"no-such-file.html":         "read",
		"http://":                   "fetch",
	}
	recs := readRecords(t, out)
	if len(recs) != len(want) {
		t.Errorf("%d records, want %d", len(recs), len(want))
	}
	for _, rec := range recs {
		src, _ := rec["source"].(string)
		kind, ok := want[src]
		if !ok {
			t.Errorf("unexpected record for %q", src)
			continue
		}
		delete(want, src)
		if got := errorKindOf(rec); got != kind {
			t.Errorf("%s: error kind %q, want %q (%v)", src, got, kind, rec["error"])
		}
		if kind == "" && !strings.HasPrefix(rec["title"].(string), "Council approves budget") && src != "testdata/article.html" {
			t.Errorf("%s: title %q", src, rec["title"])
		}
		if kind != "" && !strings.Contains(r.stderr, "byline: "+src+": ") {
			t.Errorf("no stderr line for %s:\n%s", src, r.stderr)
		}
	}
	if len(want) != 0 {
		t.Errorf("no records for %v", want)
	}
	if srv.hits["/private/secret"] != 0 {
		t.Error("robots.txt was not obeyed")
	}
	if r.stdout != "" {
		t.Errorf("stdout not empty with -o: %q", r.stdout)
	}
}

func TestBatchStdinListAndUsage(t *testing.T) {
	r := runByline(t, strings.NewReader("testdata/article.html\n\n# x\n"), "extract", "-i", "-", "-j", "2")
	if r.code != exitOK || len(r.records) != 1 || r.records[0]["source"] != "testdata/article.html" {
		t.Errorf("-i -: exit %d, records %v, stderr %s", r.code, r.records, r.stderr)
	}
	for _, args := range [][]string{
		{"extract", "-i", "no-such-list.txt"},
		{"extract", "-i", "-", "--resume"}, // --resume needs -o
		{"extract", "-j", "-1", "a.html"},  // bad -j
		{"extract", "--per-host", "0", "a.html"},
		{"extract", "-j", "2", "--url", "https://x.example/", "a.html"},
		{"extract", "-i", "-", "-"}, // stdin twice
	} {
		if r := runByline(t, strings.NewReader(""), args...); r.code != exitUsage {
			t.Errorf("%q: exit %d, want 2 (%s)", args, r.code, r.stderr)
		}
	}
}

func TestBatchInterruptResume(t *testing.T) {
	srv := newBatchServer(t)
	dir := t.TempDir()
	list := filepath.Join(dir, "inputs.txt")
	var inputs []string
	for i := 0; i < 8; i++ {
		inputs = append(inputs, fmt.Sprintf("%s/p/%d", srv.URL, i))
	}
	for i := 8; i < 14; i++ {
		inputs = append(inputs, fmt.Sprintf("%s/slow/%d", srv.URL, i))
	}
	inputs = append(inputs, srv.URL+"/missing")
	os.WriteFile(list, []byte(strings.Join(inputs, "\n")+"\n"), 0o644)
	out := filepath.Join(dir, "out.jsonl")
	args := []string{"extract", "-i", list, "-o", out, "-j", "3", "--retries", "0", "--per-host", "3"}

	// First run: the fast pages complete, the slow ones hang; then it is
	// interrupted.
	ctx, cancel := context.WithCancel(context.Background())
	var stderr bytes.Buffer
	code := make(chan int, 1)
	go func() {
		code <- runContext(ctx, args, &streams{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &stderr})
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		data, _ := os.ReadFile(out)
		if bytes.Count(data, []byte("\n")) >= 8 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the fast pages did not complete: %s", data)
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if c := <-code; c != exitInterrupted {
		t.Fatalf("interrupted run: exit %d, want 130", c)
	}
	first := readRecords(t, out)
	if len(first) != 8 {
		t.Errorf("interrupted run wrote %d records, want 8", len(first))
	}

	// Second run, resumed, with the slow pages answering.
	close(srv.release)
	r := runByline(t, nil, append(args, "--resume")...)
	if r.code != exitFailed { // /missing fails in both runs
		t.Fatalf("resumed run: exit %d, want 1; stderr %s", r.code, r.stderr)
	}
	successes := map[string]int{}
	for _, rec := range readRecords(t, out) {
		if errorKindOf(rec) == "" {
			successes[rec["source"].(string)]++
		}
	}
	for _, in := range inputs[:14] {
		if successes[in] != 1 {
			t.Errorf("%s: %d success records, want exactly 1", in, successes[in])
		}
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	for i := 0; i < 8; i++ {
		if n := srv.hits[fmt.Sprintf("/p/%d", i)]; n != 1 {
			t.Errorf("/p/%d fetched %d times; resume should skip it", i, n)
		}
	}
}

func TestResumeTornTail(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	whole := `{"source":"a","title":"A"}` + "\n" + `{"source":"b","error":{"kind":"fetch","message":"x"}}` + "\n"
	os.WriteFile(out, []byte(whole+`{"source":"c","title":"C","bo`), 0o644)
	r := runByline(t, nil, "extract", "--resume", "-o", out, "testdata/article.html", "a")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	recs := readRecords(t, out)
	if len(recs) != 3 || recs[2]["source"] != "testdata/article.html" {
		t.Errorf("records after resume: %v", recs)
	}

	// A whole last record without its newline gets one.
	os.WriteFile(out, []byte(`{"source":"a","title":"A"}`), 0o644)
	if r := runByline(t, nil, "extract", "--resume", "-o", out, "testdata/article.html", "a"); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if recs := readRecords(t, out); len(recs) != 2 {
		t.Errorf("records after resume: %v", recs)
	}

	// Damage followed by whole records is not a torn write: refuse.
	os.WriteFile(out, []byte(whole+"garbage\n"+`{"source":"d"}`+"\n"), 0o644)
	if r := runByline(t, nil, "extract", "--resume", "-o", out, "testdata/article.html"); r.code != exitFailed {
		t.Errorf("damaged file: exit %d, want 1", r.code)
	}
}

// panicTransport stands for a bug met while fetching one input.
type panicTransport struct{}

func (panicTransport) RoundTrip(*http.Request) (*http.Response, error) { panic("boom") }

func TestBatchPanicIsARecord(t *testing.T) {
	x := (&extractOptions{streams: &streams{In: strings.NewReader("")}}).extractor()
	x.get = (&crawl.Client{IgnoreRobots: true, Fetcher: &crawl.Fetcher{Client: &http.Client{Transport: panicTransport{}}}}).Get
	rec, ok := x.record(context.Background(), "http://example.com/x").(*errorRecord)
	if !ok || rec.Error.Kind != kindInternal || !strings.Contains(rec.Error.Message, "boom") {
		t.Errorf("record %+v, want an internal error", rec)
	}
	if kind, _ := errorKind(fetchError(&crawl.PanicError{Value: "x"})); kind != kindInternal {
		t.Errorf("crawl panic: kind %q", kind)
	}
}

// A robots.txt that cannot be read disallows everything (RFC 9309): a 5xx
// answer and an unreachable host both give kind robots, saying why, and the
// page is never requested.
func TestBatchRobotsFailures(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "oops", http.StatusInternalServerError)
			return
		}
		w.Write([]byte(newsPage(r.URL.Path, 1)))
	}))
	defer srv.Close()
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL + "/p/1"
	dead.Close() // nothing listens there any more

	page := srv.URL + "/p/1"
	r := runByline(t, strings.NewReader(page+"\n"+deadURL+"\n"), "extract", "-i", "-", "--retries", "0", "-j", "1")
	if r.code != exitFailed || len(r.records) != 2 {
		t.Fatalf("exit %d, %d records; stderr:\n%s", r.code, len(r.records), r.stderr)
	}
	msgs := map[string]string{}
	for _, rec := range r.records {
		if k := errorKindOf(rec); k != kindRobots {
			t.Errorf("%v: kind %q, want robots", rec["source"], k)
		}
		msgs[rec["source"].(string)] = rec["error"].(map[string]any)["message"].(string)
	}
	if want := "robots.txt answered 500: treated as disallowing all"; msgs[page] != want {
		t.Errorf("5xx robots.txt: message %q, want %q", msgs[page], want)
	}
	if m := msgs[deadURL]; !strings.HasPrefix(m, "robots.txt could not be fetched (") || !strings.HasSuffix(m, "treated as disallowing all") {
		t.Errorf("unreachable robots.txt: message %q", m)
	}
	mu.Lock()
	if hits["/p/1"] != 0 || hits["/robots.txt"] != 1 {
		t.Errorf("requests %v: want robots.txt only", hits)
	}
	mu.Unlock()
	// The stderr line names the URL once.
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if strings.Count(line, "http://") != 1 {
			t.Errorf("stderr line %q repeats the URL", line)
		}
	}

	// A rule that disallows a path says so, without the URL.
	srv2 := newBatchServer(t)
	r = runByline(t, nil, "extract", srv2.URL+"/private/x", "--retries", "0", "-j", "1")
	if len(r.records) != 1 || errorKindOf(r.records[0]) != kindRobots ||
		r.records[0]["error"].(map[string]any)["message"] != "disallowed by robots.txt" {
		t.Errorf("disallowed path: %v", r.records)
	}
}

func TestInputListBOM(t *testing.T) {
	got, err := readInputList(strings.NewReader("\uFEFFa.html\r\n# note\n\nb.html\n"))
	if err != nil || !slices.Equal(got, []string{"a.html", "b.html"}) {
		t.Errorf("readInputList = %q, %v", got, err)
	}
	// As a user meets it: a list saved with a BOM.
	list := filepath.Join(t.TempDir(), "list.txt")
	os.WriteFile(list, []byte("\uFEFF"+articleFile+"\n"), 0o644)
	r := runByline(t, nil, "extract", "-i", list)
	r.check(t, exitOK, articleFile)
}

// robots.txt is read for the crawler the requests name: the product token
// of --user-agent, else "byline".
func TestBatchRobotsAgentFromUserAgent(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: news-archiver\nDisallow: /\n\nUser-agent: *\nAllow: /\n"))
			return
		}
		hits.Add(1)
		w.Write([]byte(newsPage(r.URL.Path, 1)))
	}))
	defer srv.Close()
	page := srv.URL + "/p/1"
	r := runByline(t, strings.NewReader(page+"\n"), "extract", "-i", "-", "--retries", "0")
	if r.code != exitOK || len(r.records) != 1 || errorKindOf(r.records[0]) != "" {
		t.Fatalf("default agent: exit %d, records %v; stderr:\n%s", r.code, r.records, r.stderr)
	}
	r = runByline(t, strings.NewReader(page+"\n"), "extract", "-i", "-", "--retries", "0",
		"--user-agent", "news-archiver/2.0 (+https://example.org/bot)")
	if len(r.records) != 1 || errorKindOf(r.records[0]) != kindRobots {
		t.Fatalf("--user-agent news-archiver: records %v; stderr:\n%s", r.records, r.stderr)
	}
	if n := hits.Load(); n != 1 {
		t.Errorf("%d page requests, want 1 (the disallowed agent must not fetch)", n)
	}
}
