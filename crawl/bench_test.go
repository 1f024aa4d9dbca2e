package crawl

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"byline/extract"
)

// The crawl's speed and memory on a local 10,000-article site (about 10,500
// pages with the index pages), delays off, against extracting the same
// pages from disk: the difference is the crawl's own cost (HTTP, queueing,
// link finding, article detection). Run with:
//
//	go test ./crawl -run '^$' -bench Site10k -benchtime 1x
//
// Each reports pages/s and the peak Go heap (sampled every 5ms).

const benchArticles = 10000

func BenchmarkSite10kCrawl(b *testing.B) {
	site := newTestSite(b, benchArticles, false)
	for b.Loop() {
		// Delays off: Crawl-delay ignored, as many requests per host as workers.
		c := &Crawler{Client: &Client{PerHost: runtime.NumCPU(), MaxCrawlDelay: -1}, Concurrency: runtime.NumCPU()}
		stop := peakHeap()
		t0 := time.Now()
		var emitted atomic.Int64
		stats, err := c.Run(context.Background(), []string{site.URL}, func(r Result) {
			if r.Err == nil {
				emitted.Add(1)
			}
		})
		d := time.Since(t0)
		peak := stop()
		if err != nil {
			b.Fatal(err)
		}
		if emitted.Load() != benchArticles {
			b.Fatalf("emitted %d articles, want %d (%+v)", emitted.Load(), benchArticles, stats)
		}
		b.ReportMetric(float64(stats.Fetched)/d.Seconds(), "pages/s")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		b.ReportMetric(float64(stats.Fetched), "pages")
	}
}

func BenchmarkSite10kExtractFromDisk(b *testing.B) {
	site := newTestSite(b, benchArticles, false)
	dir := b.TempDir()
	var files []string
	save := func(path string) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", path, nil)
		site.serve(rec, req)
		name := filepath.Join(dir, fmt.Sprintf("%06d.html", len(files)))
		if err := os.WriteFile(name, rec.Body.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, name)
	}
	save("/")
	for sec := 0; sec < site.sections; sec++ {
		pages := (benchArticles/site.sections + site.perPage - 1) / site.perPage
		save(fmt.Sprintf("/section/%d", sec))
		for p := 2; p <= pages; p++ {
			save(fmt.Sprintf("/section/%d?page=%d", sec, p))
		}
	}
	for t := 0; t < site.tags; t++ {
		save(fmt.Sprintf("/tag/%d", t))
	}
	for i := 0; i < benchArticles; i++ {
		save(articlePath(i))
	}
	for b.Loop() {
		stop := peakHeap()
		t0 := time.Now()
		work := make(chan string)
		var wg sync.WaitGroup
		for w := 0; w < runtime.NumCPU(); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for name := range work {
					data, err := os.ReadFile(name)
					if err != nil {
						b.Error(err)
						continue
					}
					extract.Extract(data, nil)
				}
			}()
		}
		for _, f := range files {
			work <- f
		}
		close(work)
		wg.Wait()
		d := time.Since(t0)
		peak := stop()
		b.ReportMetric(float64(len(files))/d.Seconds(), "pages/s")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		b.ReportMetric(float64(len(files)), "pages")
	}
}

// peakHeap samples the live heap until the returned function is called,
// which returns the highest value seen.
func peakHeap() func() uint64 {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var ms runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-finished
		return peak.Load()
	}
}
