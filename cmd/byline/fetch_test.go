package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// site is a test news site.
type site struct {
	*httptest.Server
	mu      sync.Mutex
	agents  []string      // User-Agent of each request
	arrived chan struct{} // a request for /slow came in
}

func newSite(t *testing.T) *site {
	t.Helper()
	article, err := os.ReadFile(articleFile)
	if err != nil {
		t.Fatal(err)
	}
	cyrillic, err := os.ReadFile(cyrillicFile)
	if err != nil {
		t.Fatal(err)
	}
	// The page in windows-1251, its charset named only in the header.
	cp1251, err := charmap.Windows1251.NewEncoder().Bytes(cyrillic)
	if err != nil {
		t.Fatal(err)
	}
	s := &site{arrived: make(chan struct{}, 10)}
	mux := http.NewServeMux()
	mux.HandleFunc("/old/bridge", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/bridge", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/news/bridge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(article)
	})
	mux.HandleFunc("/ru", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1251")
		w.Write(cp1251)
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r)
	})
	mux.HandleFunc("/photo.jpg", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write([]byte("\xff\xd8\xff\xe0\x00\x10JFIF"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		s.arrived <- struct{}{}
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte("<p>filler text</p>\n"), 10000))
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.agents = append(s.agents, r.UserAgent())
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func TestExtractURL(t *testing.T) {
	s := newSite(t)
	in := s.URL + "/old/bridge"
	r := runByline(t, nil, "extract", in)
	r.check(t, 0, in)
	rec := r.records[0]
	checkArticle(t, rec)
	if rec["url"] != s.URL+"/news/bridge" {
		t.Errorf("url = %v, want the final URL %s", rec["url"], s.URL+"/news/bridge")
	}
	if !strings.Contains(rec["body"].(string), articleSentence) {
		t.Errorf("body lacks %q", articleSentence)
	}
	for _, ua := range s.agents {
		if !strings.Contains(ua, "byline/") {
			t.Errorf("User-Agent %q does not name byline", ua)
		}
	}
}

func TestExtractURLHeaderCharset(t *testing.T) {
	s := newSite(t)
	r := runByline(t, nil, "extract", s.URL+"/ru")
	r.check(t, 0, s.URL+"/ru")
	body, _ := r.records[0]["body"].(string)
	for _, want := range []string{"Мост через гавань в субботу утром снова открылся", "«Это облегчение для всех"} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q: %q", want, body)
		}
	}
}

func TestExtractURLFailures(t *testing.T) {
	s := newSite(t)
	// A closed port: the connection is refused.
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()

	good := s.URL + "/news/bridge"
	inputs := []string{s.URL + "/missing", s.URL + "/photo.jpg", good, s.URL + "/slow", s.URL + "/big", closed.URL + "/a"}
	r := runByline(t, nil, append([]string{"extract", "--timeout", "300ms", "--max-size", "64K"}, inputs...)...)
	r.check(t, 1, inputs...)
	checkFailure(t, r.records[0], kindHTTPStatus)
	if status := r.records[0]["error"].(map[string]any)["status"]; status != 404.0 {
		t.Errorf("status = %v, want 404", status)
	}
	checkFailure(t, r.records[1], kindNotHTML)
	checkArticle(t, r.records[2])
	checkFailure(t, r.records[3], kindTimeout)
	checkFailure(t, r.records[4], kindTooLarge)
	checkFailure(t, r.records[5], kindFetch)
	for i, rec := range r.records {
		if e, ok := rec["error"].(map[string]any); ok && i != 0 {
			if _, has := e["status"]; has {
				t.Errorf("%s: status in a %v record", inputs[i], e["kind"])
			}
		}
	}
	if n := strings.Count(r.stderr, "\n"); n != 5 {
		t.Errorf("stderr has %d lines, want 5:\n%s", n, r.stderr)
	}
	if !strings.Contains(r.stderr, "byline: "+s.URL+"/missing: HTTP status 404 Not Found\n") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func TestExtractUserAgent(t *testing.T) {
	s := newSite(t)
	r := runByline(t, nil, "extract", "--user-agent", "news-archiver/2.0", s.URL+"/news/bridge")
	r.check(t, 0, s.URL+"/news/bridge")
	if len(s.agents) != 1 || s.agents[0] != "news-archiver/2.0" {
		t.Errorf("User-Agents %q", s.agents)
	}
}

// TestInterrupt cancels the run while a page is being fetched: the records
// before it are whole, nothing follows, and the status is 130.
func TestInterrupt(t *testing.T) {
	s := newSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-s.arrived
		cancel()
	}()
	out := filepath.Join(t.TempDir(), "out.jsonl")
	var stdout, stderr bytes.Buffer
	code := runContext(ctx, []string{"extract", "-o", out, articleFile, s.URL + "/slow", articleFile},
		&streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr})
	if code != exitInterrupted {
		t.Errorf("exit status %d, want 130", code)
	}
	if stderr.String() != "byline: interrupted\n" {
		t.Errorf("stderr %q", stderr.String())
	}
	data, _ := os.ReadFile(out)
	recs := decodeRecords(t, string(data))
	if len(recs) != 1 || strings.Count(string(data), "\n") != 1 || recs[0]["source"] != articleFile {
		t.Errorf("output after an interrupt:\n%s", data)
	}
}

// TestSignals runs byline as a process and signals it during a fetch.
func TestSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			s := newSite(t)
			cmd := exec.Command(os.Args[0], "extract", articleFile, s.URL+"/slow", articleFile)
			cmd.Env = append(os.Environ(), "BYLINE_TEST_MAIN=1")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			select {
			case <-s.arrived:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				t.Fatal("the slow page was never requested")
			}
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
				t.Errorf("exit: %v, want status 130; stderr %q", err, stderr.String())
			}
			recs := decodeRecords(t, stdout.String())
			if len(recs) != 1 || recs[0]["source"] != articleFile || !strings.HasSuffix(stdout.String(), "}\n") {
				t.Errorf("stdout after the signal:\n%s", stdout.String())
			}
		})
	}
}

// TestStdinNotReadForFiles: stdin is only read when - is an input.
func TestStdinNotReadForFiles(t *testing.T) {
	r := runByline(t, readerFunc(func([]byte) (int, error) {
		t.Error("stdin was read")
		return 0, io.EOF
	}), "extract", articleFile)
	r.check(t, 0, articleFile)
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

// The url field is the page's address: no #fragment, whether the input or
// --url had one.
func TestURLDropsFragment(t *testing.T) {
	s := newSite(t)
	in := s.URL + "/old/bridge#comments"
	r := runByline(t, nil, "extract", in)
	r.check(t, 0, in)
	if r.records[0]["url"] != s.URL+"/news/bridge" {
		t.Errorf("url = %v, want %s", r.records[0]["url"], s.URL+"/news/bridge")
	}
	r = runByline(t, nil, "extract", articleFile, "--url", "https://example.com/news/bridge.html#top")
	r.check(t, 0, articleFile)
	if r.records[0]["url"] != "https://example.com/news/bridge.html" {
		t.Errorf("--url with a fragment: url = %v", r.records[0]["url"])
	}
}

// A page sent as application/octet-stream is sniffed: HTML is an article,
// binary data is not_html.
func TestOctetStream(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		if r.URL.Path == "/page" {
			data, _ := os.ReadFile(articleFile)
			w.Write(data)
			return
		}
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"))
	}))
	defer srv.Close()
	r := runByline(t, nil, "extract", srv.URL+"/page", srv.URL+"/image")
	r.check(t, exitFailed, srv.URL+"/page", srv.URL+"/image")
	checkArticle(t, r.records[0])
	checkFailure(t, r.records[1], kindNotHTML)
}
