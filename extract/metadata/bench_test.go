package metadata_test

import (
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"byline/extract"
	"byline/extract/metadata"
	"byline/internal/benchcorpus"
)

// corpusPage is one page of the ScrapingHub dev set as the extraction
// sees it: parsed as extract.Parse parses it, with its URL, and the body
// that extract.Extract finds, for ResolveLanguage.
type corpusPage struct {
	doc  *html.Node
	url  *url.URL
	body string
}

var corpusNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func loadCorpus(b *testing.B) []corpusPage {
	b.Helper()
	corpus, err := benchcorpus.Load("../../testdata/bench/scrapinghub")
	if err != nil {
		b.Fatal(err)
	}
	if len(corpus) == 0 {
		b.Skip("no corpus")
	}
	var pages []corpusPage
	for _, p := range corpus {
		opts := &extract.Options{Now: corpusNow, URL: p.URL}
		doc, _, err := extract.Parse(p.Data, opts)
		if err != nil || doc == nil {
			b.Fatalf("%s: %v", p.ID, err)
		}
		a, _ := extract.Extract(p.Data, opts)
		pages = append(pages, corpusPage{doc: doc, url: opts.URL, body: a.Body})
	}
	return pages
}

// render is the tree as HTML, to check that ReadWith leaves it as it was.
func render(b *testing.B, doc *html.Node) string {
	var sb strings.Builder
	if err := html.Render(&sb, doc); err != nil {
		b.Fatal(err)
	}
	return sb.String()
}

// BenchmarkCorpus reads the metadata of every page of the ScrapingHub dev
// set and resolves its language against the page's body, as
// extract.Extract does. The pages are parsed once, outside the timer; as
// ReadWith only reads the tree (checked here), every iteration reads the
// same trees. One iteration is one pass over the corpus; besides ns/page
// it reports cpu-ns/page, the CPU time of the benchmark's thread (Linux),
// which a loaded machine inflates less, and allocs/page and B/page:
//
//	go test ./extract/metadata -run '^$' -bench Corpus -benchtime 20x
func BenchmarkCorpus(b *testing.B) {
	pages := loadCorpus(b)
	for _, p := range pages {
		before := render(b, p.doc)
		metadata.ReadWith(p.doc, p.url, metadata.Options{Now: corpusNow})
		if render(b, p.doc) != before {
			b.Fatalf("ReadWith changed the tree of %s", p.url)
		}
	}
	declared := make([]string, len(pages))
	for i, p := range pages {
		declared[i] = metadata.ReadWith(p.doc, p.url, metadata.Options{Now: corpusNow}).Language
	}
	run := func(b *testing.B, read, resolve bool) {
		b.ReportAllocs()
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		c0, cpuOK := benchcorpus.ThreadCPU()
		for b.Loop() {
			for i, p := range pages {
				lang := declared[i]
				if read {
					lang = metadata.ReadWith(p.doc, p.url, metadata.Options{Now: corpusNow}).Language
				}
				if resolve {
					metadata.ResolveLanguage(lang, p.body)
				}
			}
		}
		c1, cpuOK1 := benchcorpus.ThreadCPU()
		runtime.ReadMemStats(&m1)
		n := float64(b.N * len(pages))
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/page")
		if cpuOK && cpuOK1 {
			b.ReportMetric(float64((c1-c0).Nanoseconds())/n, "cpu-ns/page")
		}
		b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/n, "allocs/page")
		b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc)/n, "B/page")
	}
	b.Run("ReadWith", func(b *testing.B) { run(b, true, false) })
	b.Run("ResolveLanguage", func(b *testing.B) { run(b, false, true) })
	b.Run("Both", func(b *testing.B) { run(b, true, true) })
}
