package extract

import (
	"runtime"
	"testing"
	"time"

	"byline/extract/metadata"
	"byline/internal/benchcorpus"
)

// BenchmarkFindContent times the body extraction alone (clean, render,
// score, block rules) over the ScrapingHub corpus. findContent changes the
// tree, so each page is parsed afresh, and its metadata read, outside the
// timer, right before findContent runs on it, as in Extract. Besides ns/op
// (per pass over the corpus, findContent only) it reports
//
//	allocs/page, B/page  findContent's own heap allocations (mean)
//	cpu-ms/page          the CPU time of the benchmark's (locked) thread in
//	                     findContent (mean), which a loaded machine
//	                     inflates less than ns/op
//
//	go test ./extract -run '^$' -bench FindContent -benchtime 10x
func BenchmarkFindContent(b *testing.B) {
	pages := loadBenchCorpus(b)
	var mallocs, bytes uint64
	var before, after runtime.MemStats
	var cpu time.Duration
	cpuOK := true
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, p := range pages {
			b.StopTimer()
			doc, _, err := Parse(p.data, p.opts)
			if err != nil || doc == nil {
				b.Fatalf("%s: %v", p.name, err)
			}
			meta := metadata.ReadWith(doc, p.opts.pageURL(), metadata.Options{Now: p.opts.now()})
			runtime.ReadMemStats(&before)
			b.StartTimer()
			c0, ok0 := benchcorpus.ThreadCPU()
			findContent(doc, meta, false)
			c1, ok1 := benchcorpus.ThreadCPU()
			b.StopTimer()
			runtime.ReadMemStats(&after)
			mallocs += after.Mallocs - before.Mallocs
			bytes += after.TotalAlloc - before.TotalAlloc
			cpu += c1 - c0
			cpuOK = cpuOK && ok0 && ok1
			b.StartTimer()
		}
		n += len(pages)
	}
	b.ReportMetric(float64(mallocs)/float64(n), "allocs/page")
	b.ReportMetric(float64(bytes)/float64(n), "B/page")
	if cpuOK && n > 0 {
		b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(n), "cpu-ms/page")
	}
}
