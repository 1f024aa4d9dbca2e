package extract

import (
	"runtime"
	"testing"

	"golang.org/x/net/html"

	"byline/extract/metadata"
)

// BenchmarkFindContent times the body extraction alone (clean, render,
// score, block rules) over the ScrapingHub corpus. findContent changes the
// tree, so each iteration parses every page afresh and reads its metadata
// outside the timer; allocs/page and B/page count findContent's own
// allocations only.
//
//	go test ./extract -run '^$' -bench FindContent -benchtime 20x
func BenchmarkFindContent(b *testing.B) {
	pages := loadBenchCorpus(b)
	type input struct {
		doc  *html.Node
		meta *metadata.Metadata
	}
	inputs := make([]input, len(pages))
	var mallocs, bytes uint64
	var before, after runtime.MemStats
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		b.StopTimer()
		for i, p := range pages {
			doc, _, err := Parse(p.data, p.opts)
			if err != nil || doc == nil {
				b.Fatalf("%s: %v", p.name, err)
			}
			meta := metadata.ReadWith(doc, p.opts.pageURL(), metadata.Options{Now: p.opts.now()})
			inputs[i] = input{doc, meta}
		}
		runtime.ReadMemStats(&before)
		b.StartTimer()
		for _, in := range inputs {
			findContent(in.doc, in.meta, false)
		}
		b.StopTimer()
		runtime.ReadMemStats(&after)
		mallocs += after.Mallocs - before.Mallocs
		bytes += after.TotalAlloc - before.TotalAlloc
		n += len(pages)
		b.StartTimer()
	}
	b.ReportMetric(float64(mallocs)/float64(n), "allocs/page")
	b.ReportMetric(float64(bytes)/float64(n), "B/page")
}
