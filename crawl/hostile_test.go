package crawl_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"byline/crawl"
	"byline/extract"
)

// Hostile servers: a gzip bomb (as Content-Encoding and as a .gz body), a
// response that never ends (fast and dripping), headers that never come.
// Each fetch must end with a clear error, in bounded time (the deadline
// below only catches hangs) and bounded memory.

const hostileDeadline = time.Minute

func gzipBomb(t *testing.T, inflated int) []byte {
	t.Helper()
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	chunk := bytes.Repeat([]byte("<div>"), 1<<16)
	for n := 0; n < inflated; n += len(chunk) {
		zw.Write(chunk)
	}
	zw.Close()
	return z.Bytes()
}

// fetchWithin runs f.Fetch in a goroutine, failing the test if it has not
// returned after hostileDeadline or if it allocated more than limit bytes.
func fetchWithin(t *testing.T, f *crawl.Fetcher, url string, limit uint64) (*crawl.Page, error) {
	t.Helper()
	type result struct {
		p     *crawl.Page
		err   error
		alloc uint64
	}
	done := make(chan result, 1)
	go func() {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		p, err := f.Fetch(context.Background(), url)
		runtime.ReadMemStats(&after)
		done <- result{p, err, after.TotalAlloc - before.TotalAlloc}
	}()
	select {
	case r := <-done:
		t.Logf("err=%v, allocated %d KiB", r.err, r.alloc>>10)
		if r.alloc > limit {
			t.Errorf("allocated %d MiB, limit %d MiB", r.alloc>>20, limit>>20)
		}
		return r.p, r.err
	case <-time.After(hostileDeadline):
		t.Fatalf("Fetch did not return within %v", hostileDeadline)
	}
	return nil, nil
}

func TestHostileServers(t *testing.T) {
	bomb := gzipBomb(t, 200<<20) // 200 MiB inflated, ~200 KiB on the wire
	stop := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/bomb-encoding", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	mux.HandleFunc("/bomb.html.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bomb)
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>"))
		chunk := []byte(strings.Repeat("never ending ", 1000))
		for {
			select {
			case <-stop:
				return
			case <-r.Context().Done():
				return
			default:
			}
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for {
			if _, err := w.Write([]byte("<p>")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-stop:
				return
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	mux.HandleFunc("/no-headers", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stop:
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(stop)

	const maxSize = 1 << 20
	f := &crawl.Fetcher{Timeout: 2 * time.Second, MaxSize: maxSize}

	t.Run("gzip bomb as content encoding", func(t *testing.T) {
		_, err := fetchWithin(t, f, srv.URL+"/bomb-encoding", 64<<20)
		if !errors.Is(err, crawl.ErrTooLarge) {
			t.Errorf("error %v, want ErrTooLarge", err)
		}
	})
	t.Run("gzip bomb as a gz body, then extracted", func(t *testing.T) {
		p, err := fetchWithin(t, f, srv.URL+"/bomb.html.gz", 64<<20)
		if err != nil {
			// Refusing the body outright is fine too.
			if !errors.Is(err, crawl.ErrTooLarge) && !errors.Is(err, crawl.ErrNotHTML) {
				t.Fatalf("error %v", err)
			}
			return
		}
		_, err = extract.Extract(p.Body, &extract.Options{ContentType: p.ContentType, MaxSize: maxSize})
		if !errors.Is(err, extract.ErrTooLarge) {
			t.Errorf("extract error %v, want ErrTooLarge", err)
		}
	})
	t.Run("response that never ends", func(t *testing.T) {
		_, err := fetchWithin(t, f, srv.URL+"/endless", 64<<20)
		if !errors.Is(err, crawl.ErrTooLarge) && !errors.Is(err, crawl.ErrTimeout) {
			t.Errorf("error %v, want ErrTooLarge or ErrTimeout", err)
		}
	})
	t.Run("response that drips forever", func(t *testing.T) {
		_, err := fetchWithin(t, f, srv.URL+"/drip", 64<<20)
		if !errors.Is(err, crawl.ErrTimeout) {
			t.Errorf("error %v, want ErrTimeout", err)
		}
	})
	t.Run("headers that never come", func(t *testing.T) {
		_, err := fetchWithin(t, f, srv.URL+"/no-headers", 64<<20)
		if !errors.Is(err, crawl.ErrTimeout) {
			t.Errorf("error %v, want ErrTimeout", err)
		}
	})
}
