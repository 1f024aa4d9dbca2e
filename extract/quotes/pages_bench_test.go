package quotes_test

import (
	"runtime"
	"strings"
	"testing"

	"byline/extract"
	"byline/extract/quotes"
	"byline/internal/benchcorpus"
)

// BenchmarkFindPages runs Find on the bodies of the vendored ScrapingHub
// pages (181 news pages, the corpus of extract's speed benchmarks), as
// extract.Extract hands them over: most body paragraphs quote no one. The
// bodies are extracted once, outside the timer; block quotations are read
// as prose (Extract does not say which paragraphs were). One iteration is
// one pass over every page; it reports ns/page, allocs/page and B/page.
func BenchmarkFindPages(b *testing.B) {
	pages, err := benchcorpus.Load("../../testdata/bench/scrapinghub")
	if err != nil {
		b.Fatal(err)
	}
	if len(pages) == 0 {
		b.Skip("no benchmark pages")
	}
	var bodies [][]string
	for _, p := range pages {
		a, err := extract.Extract(p.Data, nil)
		if err != nil {
			continue
		}
		bodies = append(bodies, strings.Split(a.Body, "\n\n"))
	}
	runtime.LockOSThread() // for benchcorpus.ThreadCPU
	defer runtime.UnlockOSThread()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c0, cpuOK := benchcorpus.ThreadCPU()
	n := 0
	for b.Loop() {
		for _, paras := range bodies {
			quotes.Find(paras)
		}
		n += len(bodies)
	}
	b.StopTimer()
	c1, cpuOK1 := benchcorpus.ThreadCPU()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/page")
	if cpuOK && cpuOK1 {
		// the thread's CPU time, which a loaded machine inflates less
		b.ReportMetric(float64((c1-c0).Nanoseconds())/float64(n), "cpu-ns/page")
	}
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(n), "allocs/page")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(n), "B/page")
}
