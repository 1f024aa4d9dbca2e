package extract_test

import (
	"context"
	"testing"

	"byline/internal/score"
	"byline/internal/score/bench"
)

// Accuracy floors on the vendored benchmarks, scored with the benchmarks'
// own metrics (internal/score, checked against the Python reference
// scorers). Each floor is the figure achieved when it was last raised minus
// a small margin (about one page, or one or two quotes), so that a change
// that loses ground fails here. Reproduce the figures with
//
//	go run ./cmd/byline-score --quotes testdata/bench/quotes/quotes-dev.jsonl testdata/bench/scrapinghub
//	go run ./cmd/byline-score testdata/bench/readability
//
// and raise a floor when the achieved figure has moved up for good.
const (
	// ScrapingHub dev set (181 pages), body. Achieved 2026-11-27:
	// F1 0.9892, precision 0.9915, recall 0.9868.
	minScrapingHubF1        = 0.983
	minScrapingHubPrecision = 0.985
	minScrapingHubRecall    = 0.980

	// Readability.js test pages (130): metadata, and the body, whose truth
	// is Readability.js's own output. Achieved 2026-11-27: title exact 0.8976
	// (n=127), author set 0.7632 (n=76), date 1.0 (n=33), site name 0.9355
	// (n=62), body F1 0.9522. Most title misses are site-name suffixes that
	// Readability.js keeps and byline's schema removes; most author misses
	// are slips of Readability.js's expected bylines (dates, "Follow
	// Author", a related story's author). Site name was 0.9677 before
	// metadata began to cut taglines ("Mozilla Hacks – the Web developer
	// blog" is now "Mozilla Hacks"), which the expected values keep.
	minReadabilityTitle    = 0.89
	minReadabilityAuthor   = 0.75
	minReadabilityDate     = 0.97
	minReadabilitySiteName = 0.92
	minReadabilityF1       = 0.945

	// Quotes dev set (31 articles, 209 quotes) through the whole pipeline.
	// Achieved 2026-11-27: span F1 0.9952, speaker accuracy 0.9903, end-to-end
	// F1 0.9856.
	minQuoteSpanF1     = 0.985
	minQuoteSpeakerAcc = 0.975
	minQuoteE2EF1      = 0.97
)

const (
	benchDir  = "../testdata/bench"
	seedText  = "../testdata/seed/moscow-times-syria-dialogue.txt"
	quoteGold = benchDir + "/quotes/quotes-dev.jsonl"
)

func atLeast(t *testing.T, what string, got, floor float64) {
	t.Helper()
	t.Logf("%-24s %.4f (floor %.4f)", what, got, floor)
	if got < floor {
		t.Errorf("%s = %.4f, below the floor %.4f", what, got, floor)
	}
}

func TestAccuracyScrapingHub(t *testing.T) {
	ds, err := score.OpenDataset(benchDir + "/scrapinghub")
	if err != nil {
		t.Fatal(err)
	}
	res, _, err := bench.Run(context.Background(), ds, bench.Options{Quotes: quoteGold, SeedText: seedText})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Errorf("extraction failed on %d pages: %v", len(res.Errors), res.Errors)
	}
	atLeast(t, "body F1", res.Body.F1, minScrapingHubF1)
	atLeast(t, "body precision", res.Body.Precision, minScrapingHubPrecision)
	atLeast(t, "body recall", res.Body.Recall, minScrapingHubRecall)

	q := res.Quotes
	if len(res.QuotesNoSource) > 0 || q.Counts.Docs != 31 || q.Counts.Gold != 209 {
		t.Fatalf("quotes benchmark: %d articles, %d gold quotes, without a source: %v; want 31, 209, none",
			q.Counts.Docs, q.Counts.Gold, res.QuotesNoSource)
	}
	atLeast(t, "quote span F1", q.Spans.F1, minQuoteSpanF1)
	atLeast(t, "quote speaker accuracy", q.SpeakerAccuracy, minQuoteSpeakerAcc)
	atLeast(t, "quote end-to-end F1", q.E2E.F1, minQuoteE2EF1)
}

func TestAccuracyReadability(t *testing.T) {
	ds, err := score.OpenDataset(benchDir + "/readability")
	if err != nil {
		t.Fatal(err)
	}
	res, _, err := bench.Run(context.Background(), ds, bench.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Errorf("extraction failed on %d pages: %v", len(res.Errors), res.Errors)
	}
	for _, f := range []struct {
		name  string
		n     int
		floor float64
	}{
		{"title", 127, minReadabilityTitle},
		{"author", 76, minReadabilityAuthor},
		{"date", 33, minReadabilityDate},
		{"site_name", 62, minReadabilitySiteName},
	} {
		got, ok := res.Metadata[f.name]
		if !ok || got.N != f.n {
			t.Errorf("%s scored on %d pages, want %d", f.name, got.N, f.n)
			continue
		}
		label := f.name + " exact"
		if f.name == "author" {
			label = "author set" // the sets of names are equal
		}
		atLeast(t, label, got.Exact, f.floor)
	}
	atLeast(t, "body F1", res.Body.F1, minReadabilityF1)
}
