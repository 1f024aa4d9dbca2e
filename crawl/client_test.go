package crawl

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestClientPerHostLimit(t *testing.T) {
	var inFlight, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
		inFlight.Add(-1)
		w.Write([]byte("<p>ok</p>"))
	}))
	defer srv.Close()
	for _, perHost := range []int{1, 3} {
		peak.Store(0)
		c := &Client{PerHost: perHost}
		var wg sync.WaitGroup
		for i := 0; i < 12; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := c.Get(context.Background(), srv.URL+"/p"); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if got := peak.Load(); got > int32(perHost) || got < 1 {
			t.Errorf("PerHost %d: %d requests in flight at once", perHost, got)
		}
	}
}

func TestClientDelayAndRetryAfter(t *testing.T) {
	var mu sync.Mutex
	var starts []time.Time
	var busy atomic.Bool
	busy.Store(true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: byline\nCrawl-delay: 0.03\n"))
			return
		case "/busy":
			if busy.Swap(false) {
				w.Header().Set("Retry-After", "3600")
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
		}
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		w.Write([]byte("<p>ok</p>"))
	}))
	defer srv.Close()

	// Crawl-delay 30ms wins over Delay 10ms. Request n starts no sooner
	// than n gaps after the first could.
	c := &Client{Delay: 10 * time.Millisecond}
	t0 := time.Now()
	for i := 0; i < 4; i++ {
		if _, err := c.Get(context.Background(), srv.URL+"/p"); err != nil {
			t.Fatal(err)
		}
	}
	for i, start := range starts {
		if d := start.Sub(t0); d < time.Duration(i)*30*time.Millisecond {
			t.Errorf("request %d started %v after the first could, want at least %v", i, d, time.Duration(i)*30*time.Millisecond)
		}
	}

	// Retry-After is honoured up to the cap, then the request is retried.
	c = &Client{Retries: 1, MaxRetryAfter: 40 * time.Millisecond, IgnoreRobots: true}
	t0 = time.Now()
	if _, err := c.Get(context.Background(), srv.URL+"/busy"); err != nil {
		t.Fatalf("busy: %v", err)
	}
	if d := time.Since(t0); d < 35*time.Millisecond {
		t.Errorf("retried after %v, before the capped Retry-After of 40ms", d)
	}
}

func TestClientRetries(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/404":
			http.NotFound(w, r)
		case "/500":
			w.WriteHeader(500)
		case "/drop":
			// Close the connection without an answer: a connection error.
			hj, _ := w.(http.Hijacker)
			conn, _, _ := hj.Hijack()
			conn.Close()
		}
	}))
	defer srv.Close()
	c := &Client{Retries: 3, Backoff: time.Millisecond, IgnoreRobots: true}
	for _, tt := range []struct {
		path  string
		tries int32
	}{{"/404", 1}, {"/500", 4}, {"/drop", 4}} {
		hits.Store(0)
		_, err := c.Get(context.Background(), srv.URL+tt.path)
		if err == nil {
			t.Errorf("%s: no error", tt.path)
		}
		// net/http itself may resend a GET once on a dropped reused connection.
		got := hits.Load()
		if tt.path == "/drop" && got >= tt.tries && got <= 2*tt.tries {
			continue
		}
		if got != tt.tries {
			t.Errorf("%s: %d requests, want %d (%v)", tt.path, got, tt.tries, err)
		}
	}
	// A cancelled context stops the retries.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := (&Client{Retries: 5, IgnoreRobots: true}).Get(ctx, srv.URL+"/500"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// A redirect is followed only where robots.txt allows: to another site that
// disallows the target, or to a disallowed path of the same site, the fetch
// stops with ErrRobots before the target is requested, and is not retried.
func TestClientRobotsOnRedirect(t *testing.T) {
	var mu sync.Mutex
	requested := map[string]int{}
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requested["other"+r.URL.Path]++
		mu.Unlock()
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
			return
		}
		w.Write([]byte("<p>other</p>"))
	}))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requested[r.URL.Path]++
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /secret\n"))
		case "/away":
			http.Redirect(w, r, other.URL+"/private/page", http.StatusFound)
		case "/away-ok":
			http.Redirect(w, r, other.URL+"/public/page", http.StatusFound)
		case "/inside":
			http.Redirect(w, r, "/secret", http.StatusFound)
		default:
			w.Write([]byte("<p>page</p>"))
		}
	}))
	defer srv.Close()
	c := &Client{Retries: 2, Backoff: time.Millisecond}
	for _, path := range []string{"/away", "/inside"} {
		_, err := c.Get(context.Background(), srv.URL+path)
		if !errors.Is(err, ErrRobots) {
			t.Errorf("%s: err = %v, want ErrRobots", path, err)
		}
	}
	if _, err := c.Get(context.Background(), srv.URL+"/away-ok"); err != nil {
		t.Errorf("/away-ok: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if requested["other/private/page"] != 0 || requested["/secret"] != 0 {
		t.Errorf("disallowed redirect targets requested: %v", requested)
	}
	if requested["/away"] != 1 || requested["/inside"] != 1 {
		t.Errorf("a robots refusal was retried: %v", requested)
	}
	if requested["other/public/page"] != 1 {
		t.Errorf("allowed redirect target not fetched: %v", requested)
	}
}

func TestProductToken(t *testing.T) {
	for ua, want := range map[string]string{
		"":                                       RobotsAgent,
		"news-archiver/2.0":                      "news-archiver",
		"  MyBot/1.0 (+https://example.org/bot)": "mybot",
		"Mozilla/5.0 (compatible; byline/1.0)":   "mozilla",
		"/1.0":                                   RobotsAgent,
		"*":                                      RobotsAgent,
	} {
		if got := ProductToken(ua); got != want {
			t.Errorf("ProductToken(%q) = %q, want %q", ua, got, want)
		}
	}
}
