package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"byline/internal/score"
	"byline/internal/score/bench"
)

// DefaultSeed is the seed article's text, relative to the repository root.
const DefaultSeed = "testdata/seed/moscow-times-syria-dialogue.txt"

const usage = `usage: byline-score [flags] DIR

Extracts every page of the dataset in DIR (html/<id>.html[.gz] and
ground-truth.json) with byline and scores the result with the benchmark's
metric: body precision, recall, F1 and accuracy (ScrapingHub's 4-token
shingle metric, as testdata/bench/score.py), and the metadata fields the
ground truth carries (title, byline, author, date, site_name). Each page is
extracted with the "url" of its ground truth as its address.

With --quotes FILE, also scores the quotations against a quotes benchmark
file (as testdata/bench/quotes/score_quotes.py): each of its articles that is
a page of DIR is extracted from that page, the "seed" article from the seed
text file (--seed).

Flags may come before or after DIR.

Exit status: 0 when the run was scored (whatever the scores), 1 when the
dataset, the quotes file or the predictions file could not be read or
written, 2 for usage errors, 130 when interrupted.

Flags:
`

type options struct {
	dir         string
	worst       int
	quotes      string
	seed        string
	json        bool
	predictions string
	perPage     string
	workers     int
	bootstrap   int
	bootSeed    uint64
}

func parseArgs(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("byline-score", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	fs.IntVar(&o.worst, "worst", 0, "list the `N` worst pages (lowest per-page F1) with their precision and recall")
	fs.StringVar(&o.quotes, "quotes", "", "score quotations against the quotes benchmark `FILE` (JSON Lines)")
	fs.StringVar(&o.seed, "seed", DefaultSeed, "the seed article's text `FILE`, for the quotes benchmark's \"seed\" document")
	fs.BoolVar(&o.json, "json", false, "print one JSON object instead of text")
	fs.StringVar(&o.predictions, "predictions", "", "write the predictions to `FILE` as JSON Lines {id, body, title, authors, published, site_name, quotes}, for the Python scorers")
	fs.StringVar(&o.perPage, "per-page", "", "write the per-page body scores and metadata verdicts to `FILE` as JSON Lines (as score.py --per-doc)")
	fs.IntVar(&o.workers, "j", 2, "extract `N` pages at once")
	fs.IntVar(&o.bootstrap, "bootstrap", 1000, "bootstrap resamples for the ± values (`N`; 0: none)")
	fs.Uint64Var(&o.bootSeed, "bootstrap-seed", 0, "bootstrap seed `N` (0 draws the same samples as score.py by default)")
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
	switch {
	case len(rest) != 1:
		fs.Usage()
		return nil, fmt.Errorf("want one dataset directory, got %d arguments", len(rest))
	case o.worst < 0 || o.workers < 1 || o.bootstrap < 0:
		return nil, errors.New("--worst and --bootstrap must be >= 0, -j >= 1")
	}
	o.dir = rest[0]
	return o, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, err := parseArgs(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "byline-score: %v\n", err)
		return 2
	}
	ds, err := score.OpenDataset(o.dir)
	if err != nil {
		fmt.Fprintf(stderr, "byline-score: %v\n", err)
		return 1
	}
	res, preds, err := bench.Run(ctx, ds, bench.Options{
		Workers: o.workers, Bootstrap: o.bootstrap, Seed: o.bootSeed,
		Quotes: o.quotes, SeedText: o.seed,
	})
	if err != nil {
		fmt.Fprintf(stderr, "byline-score: %v\n", err)
		if ctx.Err() != nil {
			return 130
		}
		return 1
	}
	if o.predictions != "" {
		if err := writeJSONLines(o.predictions, "predictions", preds); err != nil {
			fmt.Fprintf(stderr, "byline-score: %v\n", err)
			return 1
		}
	}
	if o.perPage != "" {
		if err := writeJSONLines(o.perPage, "per-page", perPageRecords(res)); err != nil {
			fmt.Fprintf(stderr, "byline-score: %v\n", err)
			return 1
		}
	}
	worst := bench.Worst(res.Pages, o.worst)
	if o.json {
		out := struct {
			*bench.Result
			Worst []worstPage `json:"worst,omitempty"`
		}{res, worstPages(ds, worst)}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "byline-score: %v\n", err)
			return 1
		}
		return 0
	}
	printText(stdout, o, ds, res, worst)
	return 0
}

type worstPage struct {
	ID         string  `json:"id"`
	URL        string  `json:"url"`
	F1         float64 `json:"f1"`
	Precision  float64 `json:"precision"`
	Recall     float64 `json:"recall"`
	PredTokens int     `json:"pred_tokens"`
	TrueTokens int     `json:"true_tokens"`
}

func worstPages(ds *score.Dataset, pages []score.Page) []worstPage {
	var out []worstPage
	for _, p := range pages {
		out = append(out, worstPage{ID: p.ID, URL: ds.URL(p.ID), F1: p.Counts().F1(),
			Precision: p.Precision, Recall: p.Recall, PredTokens: p.PredTokens, TrueTokens: p.TrueTokens})
	}
	return out
}

func printText(w io.Writer, o *options, ds *score.Dataset, res *bench.Result, worst []score.Page) {
	b := res.Body
	boot := "no bootstrap"
	if o.bootstrap > 0 {
		boot = fmt.Sprintf("± over %d bootstrap samples", o.bootstrap)
	}
	fmt.Fprintf(w, "%s: %d pages (shingle metric, %s)\n", ds.Dir, res.Documents, boot)
	for _, m := range []struct {
		name   string
		v, std float64
	}{{"F1", b.F1, b.F1Std}, {"precision", b.Precision, b.PrecisionStd}, {"recall", b.Recall, b.RecallStd}, {"accuracy", b.Accuracy, b.AccuracyStd}} {
		if o.bootstrap > 0 {
			fmt.Fprintf(w, "  %-10s %.4f ± %.4f\n", m.name, m.v, m.std)
		} else {
			fmt.Fprintf(w, "  %-10s %.4f\n", m.name, m.v)
		}
	}
	fmt.Fprintf(w, "  empty predictions: %d, extraction errors: %d\n", b.EmptyPredictions, len(res.Errors))
	for _, name := range score.MetaFields {
		f, ok := res.Metadata[name]
		if !ok {
			continue
		}
		head := "exact"
		if name == "author" {
			head = "set"
		}
		line := fmt.Sprintf("  %-10s %s %.4f", name, head, f.Exact)
		if f.Lenient != nil {
			line += fmt.Sprintf("  lenient %.4f", *f.Lenient)
		}
		if f.TokenF1 != nil {
			line += fmt.Sprintf("  token-F1 %.4f", *f.TokenF1)
		}
		fmt.Fprintf(w, "%s  (n=%d, predicted %d)\n", line, f.N, f.Predicted)
	}
	if q := res.Quotes; q != nil {
		n := q.Counts
		fmt.Fprintf(w, "quotes (%s): %d articles", o.quotes, n.Docs)
		if len(res.QuotesNoSource) > 0 {
			fmt.Fprintf(w, ", %d with no page in %s (scored as no quotes)", len(res.QuotesNoSource), ds.Dir)
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "  quotes     gold %d  predicted %d  matched %d\n", n.Gold, n.Pred, n.Matched)
		fmt.Fprintf(w, "  spans      P %.4f  R %.4f  F1 %.4f\n", q.Spans.Precision, q.Spans.Recall, q.Spans.F1)
		fmt.Fprintf(w, "  speaker    accuracy %.4f (%d/%d matched)\n", q.SpeakerAccuracy, n.SpeakerOK, n.Matched)
		fmt.Fprintf(w, "  e2e        P %.4f  R %.4f  F1 %.4f\n", q.E2E.Precision, q.E2E.Recall, q.E2E.F1)
	}
	if len(res.Errors) > 0 {
		fmt.Fprintln(w, "extraction errors:")
		for _, id := range ds.Truth.IDs {
			if e, ok := res.Errors[id]; ok {
				fmt.Fprintf(w, "  %s: %s\n", id, e)
			}
		}
	}
	if len(worst) > 0 {
		fmt.Fprintf(w, "worst %d pages (per-page F1, P, R, predicted/true tokens):\n", len(worst))
		for _, p := range worstPages(ds, worst) {
			fmt.Fprintf(w, "  %.3f  P %.3f  R %.3f  %6d/%-6d %s  %s\n", p.F1, p.Precision, p.Recall,
				p.PredTokens, p.TrueTokens, shortID(p.ID), p.URL)
		}
	}
}

func shortID(id string) string {
	if len(id) > 12 && !strings.ContainsAny(id, " /") {
		return id[:12]
	}
	return id
}

// perPageRecords are the per-page body scores with the page's metadata
// verdicts ("title_ok", "author_ok", ...), as score.py --per-doc writes them.
func perPageRecords(res *bench.Result) []map[string]any {
	out := make([]map[string]any, 0, len(res.Pages))
	for _, p := range res.Pages {
		rec := map[string]any{"id": p.ID, "tp": p.TP, "fp": p.FP, "fn": p.FN,
			"precision": p.Precision, "recall": p.Recall, "exact": p.Exact,
			"pred_tokens": p.PredTokens, "true_tokens": p.TrueTokens}
		for k, v := range res.Detail[p.ID] {
			rec[k] = v
		}
		out = append(out, rec)
	}
	return out
}

// writeJSONLines writes values as JSON Lines, all or nothing: into a
// temporary file beside path, renamed into place when complete.
func writeJSONLines[T any](path, what string, values []T) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = fmt.Errorf("%s: %w", what, err)
		}
	}()
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, v := range values {
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
