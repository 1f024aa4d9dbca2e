package crawl

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const page = `<!doctype html><html><head><title>T</title></head><body><p>Hello.</p></body></html>`

// newSite serves the fixed pages the tests fetch.
func newSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	html := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}
	mux.HandleFunc("/page", html)
	mux.HandleFunc("/r1", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/r2", http.StatusFound)
	})
	mux.HandleFunc("/r2", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page?from=r2", http.StatusMovedPermanently)
	})
	var loops atomic.Int64
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, fmt.Sprintf("/loop?n=%d", loops.Add(1)), http.StatusFound)
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, "<h1>Not found</h1>")
	})
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00"))
	})
	mux.HandleFunc("/notype", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no header, no sniffing
		io.WriteString(w, page)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<?xml version="1.0"?><rss></rss>`)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, strings.Repeat("x", 4096))
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		// Chunked, no Content-Length: the limit must be enforced while reading.
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("y", 1024))
		for i := 0; i < 10000; i++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/slowbody", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<p>start")
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Errorf("request did not accept gzip: %q", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		io.WriteString(zw, page)
		zw.Close()
	})
	mux.HandleFunc("/ua", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, r.UserAgent())
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	srv := newSite(t)
	tests := []struct {
		name    string
		fetcher Fetcher
		path    string
		// Success:
		wantURL  string // path and query of the final URL
		wantBody string
		// Failure:
		wantErr    error // checked with errors.Is
		wantStatus int   // a *StatusError with this status
		wantMsg    string
	}{
		{name: "page", path: "/page", wantURL: "/page", wantBody: page},
		{name: "redirects", path: "/r1", wantURL: "/page?from=r2", wantBody: page},
		{name: "redirect loop", path: "/loop", wantMsg: "stopped after 10 redirects"},
		{name: "redirect limit", fetcher: Fetcher{MaxRedirects: 1}, path: "/r1", wantMsg: "stopped after 1 redirects"},
		{name: "404", path: "/missing", wantStatus: 404, wantMsg: "HTTP status 404 Not Found"},
		{name: "503", path: "/busy", wantStatus: 503},
		{name: "image", path: "/image", wantErr: ErrNotHTML, wantMsg: "content type image/png"},
		{name: "no content type", path: "/notype", wantURL: "/notype", wantBody: page},
		{name: "xml", path: "/feed", wantURL: "/feed", wantBody: `<?xml version="1.0"?><rss></rss>`},
		{name: "gzip", path: "/gzip", wantURL: "/gzip", wantBody: page},
		{name: "size at limit", fetcher: Fetcher{MaxSize: 4096}, path: "/big", wantURL: "/big", wantBody: strings.Repeat("x", 4096)},
		{name: "too large", fetcher: Fetcher{MaxSize: 4095}, path: "/big", wantErr: ErrTooLarge},
		{name: "too large chunked", fetcher: Fetcher{MaxSize: 1000}, path: "/endless", wantErr: ErrTooLarge},
		{name: "slow headers", fetcher: Fetcher{Timeout: 100 * time.Millisecond}, path: "/slow", wantErr: ErrTimeout, wantMsg: "after 100ms"},
		{name: "slow body", fetcher: Fetcher{Timeout: 200 * time.Millisecond}, path: "/slowbody", wantErr: ErrTimeout},
		{name: "default user agent", path: "/ua", wantURL: "/ua", wantBody: DefaultUserAgent()},
		{name: "user agent", fetcher: Fetcher{UserAgent: "test-agent/1"}, path: "/ua", wantURL: "/ua", wantBody: "test-agent/1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.fetcher.Fetch(context.Background(), srv.URL+tt.path)
			failing := tt.wantErr != nil || tt.wantStatus != 0 || tt.wantMsg != ""
			if !failing {
				if err != nil {
					t.Fatalf("Fetch: %v", err)
				}
				if got := p.URL.RequestURI(); got != tt.wantURL {
					t.Errorf("URL = %q, want %q", got, tt.wantURL)
				}
				if p.URL.Host != strings.TrimPrefix(srv.URL, "http://") {
					t.Errorf("URL host = %q", p.URL.Host)
				}
				if string(p.Body) != tt.wantBody {
					t.Errorf("Body = %.80q, want %.80q", p.Body, tt.wantBody)
				}
				if p.Status != 200 {
					t.Errorf("Status = %d", p.Status)
				}
				return
			}
			if err == nil {
				t.Fatalf("Fetch succeeded, want an error")
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %q is not %q", err, tt.wantErr)
			}
			var se *StatusError
			if got := errors.As(err, &se); got != (tt.wantStatus != 0) {
				t.Errorf("error %q: is a StatusError: %v", err, got)
			} else if got && se.Status != tt.wantStatus {
				t.Errorf("Status = %d, want %d", se.Status, tt.wantStatus)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not contain %q", err, tt.wantMsg)
			}
			for _, other := range []error{ErrNotHTML, ErrTooLarge, ErrTimeout} {
				if other != tt.wantErr && errors.Is(err, other) {
					t.Errorf("error %q is also %q", err, other)
				}
			}
		})
	}
}

func TestFetchRetryAfter(t *testing.T) {
	srv := newSite(t)
	_, err := (&Fetcher{}).Fetch(context.Background(), srv.URL+"/busy")
	var se *StatusError
	if !errors.As(err, &se) {
		t.Fatalf("error %v, want a StatusError", err)
	}
	if se.RetryAfter != 120*time.Second {
		t.Errorf("RetryAfter = %v, want 2m0s", se.RetryAfter)
	}
	if se.URL != srv.URL+"/busy" {
		t.Errorf("URL = %q", se.URL)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"30", 30 * time.Second},
		{" 5 ", 5 * time.Second},
		{"-3", 0},
		{"soon", 0},
		{"Fri, 27 Nov 2026 12:01:30 GMT", 90 * time.Second},
		{"Friday, 27-Nov-26 12:00:10 GMT", 10 * time.Second},
		{"Fri Nov 27 12:00:20 2026", 20 * time.Second},
		{"Fri, 27 Nov 2026 11:00:00 GMT", 0}, // in the past
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// countingTransport counts the body bytes the client reads.
type countingTransport struct{ n atomic.Int64 }

type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err == nil {
		resp.Body = countingBody{resp.Body, &c.n}
	}
	return resp, err
}

func TestFetchReadsAtMostMaxSizePlusOne(t *testing.T) {
	srv := newSite(t)
	ct := &countingTransport{}
	f := &Fetcher{Client: &http.Client{Transport: ct}, MaxSize: 1000}
	_, err := f.Fetch(context.Background(), srv.URL+"/endless")
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
	if n := ct.n.Load(); n > 1001 {
		t.Errorf("read %d body bytes, want at most 1001", n)
	}
}

func TestFetchCallerCancel(t *testing.T) {
	srv := newSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancel()
	}()
	_, err := (&Fetcher{}).Fetch(ctx, srv.URL+"/slow")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if errors.Is(err, ErrTimeout) {
		t.Errorf("error %v: a cancelled request is not a timeout", err)
	}
}

func TestFetchTimeoutWrapsCause(t *testing.T) {
	srv := newSite(t)
	_, err := (&Fetcher{Timeout: 50 * time.Millisecond}).Fetch(context.Background(), srv.URL+"/slow")
	if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want ErrTimeout wrapping context.DeadlineExceeded", err)
	}
	if err.Error() != "request timed out after 50ms" {
		t.Errorf("message %q", err)
	}
}

func TestFetchClientTimeout(t *testing.T) {
	// The client's own limit, shorter than the Fetcher's, is a timeout too.
	srv := newSite(t)
	f := &Fetcher{Client: &http.Client{Timeout: 50 * time.Millisecond}}
	_, err := f.Fetch(context.Background(), srv.URL+"/slow")
	if !errors.Is(err, ErrTimeout) {
		t.Errorf("error %v, want ErrTimeout", err)
	}
}

func TestFetchClientLeftAlone(t *testing.T) {
	srv := newSite(t)
	c := &http.Client{}
	f := &Fetcher{Client: c}
	if _, err := f.Fetch(context.Background(), srv.URL+"/r1"); err != nil {
		t.Fatal(err)
	}
	if c.CheckRedirect != nil {
		t.Error("Fetch changed the caller's client")
	}
}

func TestFetchBadURL(t *testing.T) {
	for _, u := range []string{"ftp://example.com/a", "http://", "http://a b/", "/relative"} {
		_, err := (&Fetcher{}).Fetch(context.Background(), u)
		if err == nil || !strings.Contains(err.Error(), "invalid") {
			t.Errorf("Fetch(%q): error %v, want an invalid URL error", u, err)
		}
		if !errors.Is(err, ErrBadURL) {
			t.Errorf("Fetch(%q): error %v does not match ErrBadURL", u, err)
		}
	}
}

func TestDefaultUserAgent(t *testing.T) {
	ua := DefaultUserAgent()
	if !strings.Contains(ua, "byline/") || bytes.ContainsAny([]byte(ua), "\r\n") {
		t.Errorf("DefaultUserAgent() = %q", ua)
	}
}

func ExampleFetcher_Fetch() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/story", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<p>Hello.</p>")
	}))
	defer srv.Close()

	f := &Fetcher{Timeout: 10 * time.Second, MaxSize: 1 << 20}
	p, err := f.Fetch(context.Background(), srv.URL+"/old")
	if err != nil {
		var se *StatusError
		switch {
		case errors.As(err, &se):
			fmt.Println("status", se.Status, "retry after", se.RetryAfter)
		case errors.Is(err, ErrTimeout), errors.Is(err, ErrNotHTML), errors.Is(err, ErrTooLarge):
			fmt.Println("skipped:", err)
		}
		return
	}
	fmt.Println(p.URL.Path, p.Status, p.ContentType)
	fmt.Printf("%s\n", p.Body)
	// Output:
	// /story 200 text/html; charset=utf-8
	// <p>Hello.</p>
}
