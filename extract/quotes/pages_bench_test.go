package quotes_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"byline/extract"
	"byline/extract/quotes"
)

// BenchmarkFindPages runs Find on the bodies of the vendored ScrapingHub
// pages (181 news pages, the corpus of extract's speed benchmarks), as
// extract.Extract hands them over: most body paragraphs quote no one. The
// bodies are extracted once, outside the timer; block quotations are read
// as prose (Extract does not say which paragraphs were). One iteration is
// one pass over every page; it reports ns/page, allocs/page and B/page.
func BenchmarkFindPages(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "bench", "scrapinghub", "html", "*.html.gz"))
	if err != nil || len(files) == 0 {
		b.Skip("no benchmark pages")
	}
	var bodies [][]string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			b.Fatal(err)
		}
		a, err := extract.Extract(data, nil)
		if err != nil {
			continue
		}
		bodies = append(bodies, strings.Split(a.Body, "\n\n"))
	}
	runtime.LockOSThread() // for threadCPU
	defer runtime.UnlockOSThread()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c0, cpuOK := threadCPU()
	n := 0
	for b.Loop() {
		for _, paras := range bodies {
			quotes.Find(paras)
		}
		n += len(bodies)
	}
	b.StopTimer()
	c1, cpuOK1 := threadCPU()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/page")
	if cpuOK && cpuOK1 {
		// the thread's CPU time, which a loaded machine inflates less
		b.ReportMetric(float64((c1-c0).Nanoseconds())/float64(n), "cpu-ns/page")
	}
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(n), "allocs/page")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(n), "B/page")
}
