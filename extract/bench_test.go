package extract

import (
	"bytes"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"byline/internal/benchcorpus"

	"golang.org/x/net/html"
)

// The speed benchmarks run over the vendored ScrapingHub dev set (181 news
// pages), decompressed once outside the timer. One iteration is one pass
// over every page; besides ns/op (per pass) each reports
//
//	ms/page-median      the median over pages of each page's median time
//	cpu-ms/page-median  the same in CPU time of the benchmark's thread
//	                    (Linux), which a loaded machine does not inflate
//	allocs/page         heap allocations per page (mean)
//	B/page              heap bytes allocated per page (mean)
//
// BenchmarkRatio times parse-only and full extraction page by page,
// interleaved, so that both see the same machine load, and reports the
// issue's figure, byline's median over the parse-only median, in wall
// time (x-parse) and in thread CPU time (x-parse-cpu: on a shared machine
// the wall times of the longer runs suffer more from waiting for a core):
//
//	go test ./extract -run '^$' -bench Ratio -benchtime 10x
//
// Profile with: go test ./extract -run '^$' -bench 'Extract$' -benchtime 20x -cpuprofile cpu.out

const benchDir = "../testdata/bench/scrapinghub"

type benchPage struct {
	name string
	data []byte // decompressed HTML
	opts *Options
}

var benchCorpus = sync.OnceValues(func() ([]benchPage, error) {
	corpus, err := benchcorpus.Load(benchDir)
	if err != nil {
		return nil, err
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	pages := make([]benchPage, 0, len(corpus))
	for _, p := range corpus {
		pages = append(pages, benchPage{name: p.ID, data: p.Data, opts: &Options{Now: now, URL: p.URL}})
	}
	return pages, nil
})

func loadBenchCorpus(b *testing.B) []benchPage {
	b.Helper()
	pages, err := benchCorpus()
	if err != nil {
		b.Fatal(err)
	}
	if len(pages) == 0 {
		b.Skip("no benchmark pages under " + benchDir)
	}
	return pages
}

// parseOnly is the floor any Go extractor pays: decode and parse.
func parseOnly(p benchPage) {
	text, _ := Decode(p.data, "")
	if _, err := html.Parse(bytes.NewReader(text)); err != nil {
		panic(err)
	}
}

// extractPage is the whole of byline's work on a page, metadata and quotes
// included.
func extractPage(p benchPage) {
	if _, err := Extract(p.data, p.opts); err != nil && err != ErrNoContent {
		panic(p.name + ": " + err.Error())
	}
}

// pageTimes holds each page's timings across iterations: wall time, and
// the CPU time of the (locked) OS thread, which a loaded machine does not
// inflate.
type pageTimes struct {
	wall, cpu [][]time.Duration
}

func newPageTimes(n int) *pageTimes {
	return &pageTimes{wall: make([][]time.Duration, n), cpu: make([][]time.Duration, n)}
}

func (pt *pageTimes) time(i int, f func()) {
	c0, ok := benchcorpus.ThreadCPU()
	start := time.Now()
	f()
	pt.wall[i] = append(pt.wall[i], time.Since(start))
	if c1, ok1 := benchcorpus.ThreadCPU(); ok && ok1 {
		pt.cpu[i] = append(pt.cpu[i], c1-c0)
	}
}

// median returns the median over pages of each page's median wall time,
// in ms.
func (pt *pageTimes) median() float64 { return medianOfMedians(pt.wall) }

// cpuMedian is median for the threads' CPU time (0 when not measured).
func (pt *pageTimes) cpuMedian() float64 { return medianOfMedians(pt.cpu) }

func medianOfMedians(times [][]time.Duration) float64 {
	per := make([]time.Duration, 0, len(times))
	for _, ts := range times {
		if len(ts) == 0 {
			continue
		}
		ts = slices.Clone(ts)
		slices.Sort(ts)
		per = append(per, ts[len(ts)/2])
	}
	if len(per) == 0 {
		return 0
	}
	slices.Sort(per)
	return float64(per[len(per)/2]) / float64(time.Millisecond)
}

// allocMeter measures heap allocations per page around a benchmark loop.
type allocMeter struct{ before runtime.MemStats }

func (m *allocMeter) start() { runtime.ReadMemStats(&m.before) }

func (m *allocMeter) report(b *testing.B, pages int) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if pages == 0 {
		return
	}
	b.ReportMetric(float64(after.Mallocs-m.before.Mallocs)/float64(pages), "allocs/page")
	b.ReportMetric(float64(after.TotalAlloc-m.before.TotalAlloc)/float64(pages), "B/page")
}

func benchCorpusPass(b *testing.B, f func(benchPage)) {
	pages := loadBenchCorpus(b)
	pt := newPageTimes(len(pages))
	runtime.LockOSThread() // thread CPU time follows the goroutine
	defer runtime.UnlockOSThread()
	var m allocMeter
	b.ReportAllocs()
	m.start()
	n := 0
	for b.Loop() {
		for i, p := range pages {
			pt.time(i, func() { f(p) })
		}
		n += len(pages)
	}
	b.StopTimer()
	m.report(b, n)
	b.ReportMetric(pt.median(), "ms/page-median")
	if c := pt.cpuMedian(); c > 0 {
		b.ReportMetric(c, "cpu-ms/page-median")
	}
}

// BenchmarkParseOnly: Decode + golang.org/x/net/html Parse.
func BenchmarkParseOnly(b *testing.B) { benchCorpusPass(b, parseOnly) }

// BenchmarkParse: byline's own read-decode-parse ([Parse]), which parses a
// copy of the page with the text of scripts and style sheets left out
// (blankRawText) with internal/htmlparse (x/net/html's parser with fewer
// allocations), against BenchmarkParseOnly's floor.
func BenchmarkParse(b *testing.B) {
	benchCorpusPass(b, func(p benchPage) {
		if _, _, err := Parse(p.data, p.opts); err != nil {
			panic(p.name + ": " + err.Error())
		}
	})
}

// BenchmarkBlankRawText: decode and the scan alone, its copy reused as
// parseHTML reuses it.
func BenchmarkBlankRawText(b *testing.B) {
	var buf []byte
	benchCorpusPass(b, func(p benchPage) {
		text, _ := Decode(p.data, "")
		if out, copied := blankRawText(text, buf[:0]); copied {
			buf = out
		}
	})
}

// BenchmarkExtract: the full extract.Extract with metadata and quotes.
func BenchmarkExtract(b *testing.B) { benchCorpusPass(b, extractPage) }

// BenchmarkRatio interleaves parse-only and full extraction page by page
// and reports both medians and their ratio (goal: at most 1.5).
func BenchmarkRatio(b *testing.B) {
	pages := loadBenchCorpus(b)
	parse, full := newPageTimes(len(pages)), newPageTimes(len(pages))
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for b.Loop() {
		for i, p := range pages {
			parse.time(i, func() { parseOnly(p) })
			full.time(i, func() { extractPage(p) })
		}
	}
	b.StopTimer()
	pm, fm := parse.median(), full.median()
	b.ReportMetric(pm, "parse-ms/page")
	b.ReportMetric(fm, "byline-ms/page")
	if pm > 0 {
		b.ReportMetric(fm/pm, "x-parse")
	}
	if pc, fc := parse.cpuMedian(), full.cpuMedian(); pc > 0 {
		b.ReportMetric(pc, "parse-cpu-ms/page")
		b.ReportMetric(fc, "byline-cpu-ms/page")
		b.ReportMetric(fc/pc, "x-parse-cpu")
	}
}

// BenchmarkDecode measures charset handling alone over the corpus (all
// valid UTF-8: one validation pass per page, no copy).
func BenchmarkDecode(b *testing.B) {
	benchCorpusPass(b, func(p benchPage) { Decode(p.data, "") })
}

// BenchmarkBlankRawTextScan: the scan alone, on pages decoded beforehand.
func BenchmarkBlankRawTextScan(b *testing.B) {
	pages := loadBenchCorpus(b)
	texts := make([][]byte, len(pages))
	for i, p := range pages {
		texts[i], _ = Decode(p.data, "")
	}
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			if out, copied := blankRawText(text, buf[:0]); copied {
				buf = out
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/page")
}
