package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"byline/internal/score"
)

const mini = "testdata/mini"

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestRunText(t *testing.T) {
	// flags may follow the dataset
	code, out, errs := runArgs(t, mini, "--worst", "2", "--bootstrap", "0")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		"testdata/mini: 3 pages (shingle metric, no bootstrap)",
		"  F1 ", "  precision ", "  recall ", "  accuracy ",
		"extraction errors: 1",
		"gone: page gone: no html/gone.html[.gz] in testdata/mini",
		"  title      exact ", "(n=3, predicted 2)",
		"  site_name  exact ",
		"worst 2 pages",
		"https://gone.example/missing-page",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// The --json figures are those the scorers give on the --predictions file:
// what anyone can check with the Python scorers.
func TestRunJSONMatchesPredictionsFile(t *testing.T) {
	preds := filepath.Join(t.TempDir(), "preds.jsonl")
	perPage := filepath.Join(t.TempDir(), "pages.jsonl")
	code, out, errs := runArgs(t, "--json", "--bootstrap", "100", "--predictions", preds, "--per-page", perPage,
		"--quotes", mini+"/quotes.jsonl", "--seed", mini+"/seed.txt", mini)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var got struct {
		Documents int                    `json:"documents"`
		Body      score.Body             `json:"body"`
		Metadata  map[string]score.Field `json:"metadata"`
		Quotes    score.Quotes           `json:"quotes"`
		Errors    map[string]string      `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	if got.Documents != 3 || len(got.Errors) != 1 || got.Errors["gone"] == "" {
		t.Errorf("documents %d, errors %v; want 3 and one for gone", got.Documents, got.Errors)
	}

	ds, err := score.OpenDataset(mini)
	if err != nil {
		t.Fatal(err)
	}
	docs, _, err := score.ReadDocs(preds)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"tea", "rain", "gone", "seed"}; strings.Join(docs.IDs, " ") != strings.Join(want, " ") {
		t.Errorf("predictions file ids %q, want %q", docs.IDs, want)
	}
	body, pages := score.ScoreBody(ds.Truth, docs, score.BodyOptions{Bootstrap: 100})
	if body != got.Body {
		t.Errorf("--json body %+v, predictions file scores %+v", got.Body, body)
	}
	pp, _, err := score.ReadDocs(perPage)
	if err != nil {
		t.Fatal(err)
	}
	if pp.Len() != len(pages) {
		t.Fatalf("--per-page has %d pages, want %d", pp.Len(), len(pages))
	}
	for _, p := range pages {
		d := pp.Get(p.ID)
		if r, err := d["recall"].(json.Number).Float64(); err != nil || r != p.Recall || d["title_ok"] == nil {
			t.Errorf("--per-page %s: %v; want recall %v and title_ok", p.ID, d, p.Recall)
		}
	}
	meta := score.ScoreMetadata(ds.Truth, docs, nil)
	if len(meta) != len(got.Metadata) {
		t.Errorf("--json has %d metadata fields, predictions file %d", len(got.Metadata), len(meta))
	}
	for name, f := range meta {
		g := got.Metadata[name]
		if g.N != f.N || g.Predicted != f.Predicted || g.Exact != f.Exact {
			t.Errorf("%s: --json %+v, predictions file %+v", name, g, f)
		}
	}

	gold, err := score.ReadQuoteDocs(mini + "/quotes.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	pq, err := score.ReadQuoteDocs(preds)
	if err != nil {
		t.Fatal(err)
	}
	q := score.ScoreQuotes(gold, pq, score.QuoteOptions{})
	if q.Spans != got.Quotes.Spans || q.E2E != got.Quotes.E2E || q.Counts != got.Quotes.Counts {
		t.Errorf("--json quotes %+v, predictions file %+v", got.Quotes, q)
	}
	if q.Counts.Docs != 2 || q.Counts.DocsMissing != 0 || q.Counts.Gold != 2 {
		t.Errorf("quote counts %+v: want both gold articles predicted", q.Counts)
	}
}

func TestRunErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no dataset", nil, 2, "want one dataset directory"},
		{"two datasets", []string{mini, mini}, 2, "want one dataset directory"},
		{"unknown flag", []string{"--frobnicate", mini}, 2, "flag provided but not defined"},
		{"bad worker count", []string{"-j", "0", mini}, 2, "-j >= 1"},
		{"help", []string{"-h"}, 0, "usage: byline-score"},
		{"missing dataset", []string{"testdata/nonexistent"}, 1, "dataset testdata/nonexistent"},
		{"missing quotes file", []string{"--quotes", "testdata/none.jsonl", mini}, 1, "quotes: open testdata/none.jsonl"},
		{"missing seed", []string{"--quotes", mini + "/quotes.jsonl", "--seed", "testdata/none.txt", mini}, 1, "seed text"},
		{"unwritable predictions", []string{"--predictions", "testdata/no/such/dir/p.jsonl", mini}, 1, "predictions:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runArgs(t, tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tc.code, tc.msg)
			}
		})
	}
}
