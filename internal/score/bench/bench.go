// Package bench runs byline's extractor over a benchmark dataset and scores
// the result with package score: the body metric, the metadata fields the
// ground truth carries and, given a quotes file, the quotation metric. It
// is the engine of cmd/byline-score and of the accuracy tests.
package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sort"
	"sync"

	"byline/extract"
	"byline/internal/score"
)

// SeedID is the id of the seed article in the quotes benchmark.
const SeedID = "seed"

// Prediction is what byline extracted from one page, in the form the
// Python scorers read (one JSON object per line of a predictions file).
type Prediction struct {
	ID        string   `json:"id"`
	Body      string   `json:"body"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Published string   `json:"published"` // RFC 3339, "" when unknown
	SiteName  string   `json:"site_name"`
	Quotes    []Quote  `json:"quotes"`
	// Error is the extraction error, if any ("" otherwise). A page whose
	// extraction failed is scored as an empty prediction.
	Error string `json:"error,omitempty"`
}

// Quote is a predicted quotation: the fields the quote scorer reads, and
// the cue and paragraph for readers.
type Quote struct {
	Text      string  `json:"text"`
	Speaker   *string `json:"speaker"`
	Cue       string  `json:"cue,omitempty"`
	Paragraph int     `json:"paragraph"`
}

// FromArticle makes the prediction of page id from an extracted article
// (nil when extraction failed) and the extraction error.
func FromArticle(id string, a *extract.Article, err error) Prediction {
	p := Prediction{ID: id, Authors: []string{}, Quotes: []Quote{}}
	if err != nil {
		p.Error = err.Error()
	}
	if a == nil {
		return p
	}
	p.Body, p.Title, p.SiteName = a.Body, a.Title, a.SiteName
	if a.Authors != nil {
		p.Authors = a.Authors
	}
	if !a.Published.IsZero() {
		p.Published = a.Published.Format("2006-01-02T15:04:05.999999999Z07:00")
	}
	for _, q := range a.Quotes {
		p.Quotes = append(p.Quotes, Quote{Text: q.Text, Speaker: q.Speaker, Cue: q.Cue, Paragraph: q.Paragraph})
	}
	return p
}

// Doc returns the prediction as the scorers see it once written to a file
// and read back, so that in-process scores equal those of the file.
func (p Prediction) Doc() score.Doc {
	b, err := json.Marshal(p)
	if err != nil {
		panic(err) // a struct of strings always marshals
	}
	var d score.Doc
	if err := score.DecodeJSON(b, &d); err != nil {
		panic(err)
	}
	return d
}

// ExtractFile extracts the page or text file at path, with pageURL (may be
// "") as its address. A panic in the extractor is recovered and reported as
// the page's error, so that one page cannot stop a run.
func ExtractFile(id, path, pageURL string) (p Prediction) {
	defer func() {
		if r := recover(); r != nil {
			p = FromArticle(id, nil, fmt.Errorf("internal error: panic: %v", r))
		}
	}()
	data, err := os.ReadFile(path)
	if err != nil {
		return FromArticle(id, nil, err)
	}
	opts := &extract.Options{}
	if pageURL != "" {
		u, err := url.Parse(pageURL)
		if err != nil {
			return FromArticle(id, nil, fmt.Errorf("url %q: %w", pageURL, err))
		}
		opts.URL = u
	}
	a, err := extract.Extract(data, opts)
	if errors.Is(err, extract.ErrNoContent) {
		// the article is returned with the error: an empty body is the
		// prediction, not a failure of the run
		return FromArticle(id, a, nil)
	}
	return FromArticle(id, a, err)
}

// Predict extracts every page of the dataset with workers goroutines (0
// means 2) and returns the predictions in the truth's order. It stops early,
// with ctx's error, when ctx is done.
func Predict(ctx context.Context, ds *score.Dataset, workers int) ([]Prediction, error) {
	if workers <= 0 {
		workers = 2
	}
	ids := ds.Truth.IDs
	preds := make([]Prediction, len(ids))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				id := ids[i]
				path, err := ds.PagePath(id)
				if err != nil {
					preds[i] = FromArticle(id, nil, err)
					continue
				}
				preds[i] = ExtractFile(id, path, ds.URL(id))
			}
		})
	}
feed:
	for i := range ids {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return preds, nil
}

// Options adjusts Run. The zero value scores body and metadata without a
// bootstrap.
type Options struct {
	// Workers is the number of pages extracted at once; 0 means 2.
	Workers int
	// Bootstrap and Seed are those of score.BodyOptions.
	Bootstrap int
	Seed      uint64
	// Quotes, when set, is the path of a quotes benchmark file (JSON Lines
	// of {"id", "text", "quotes"}) to score the predicted quotations on.
	Quotes string
	// SeedText is the path of the seed article's text, extracted for the
	// quotes benchmark's "seed" document. Needed only when that file has
	// one.
	SeedText string
}

// Result is a scored run.
type Result struct {
	Dir       string                 `json:"dataset"`
	Documents int                    `json:"documents"`
	Body      score.Body             `json:"body"`
	Metadata  map[string]score.Field `json:"metadata"`
	Quotes    *score.Quotes          `json:"quotes,omitempty"`
	// QuotesNoSource lists the quote documents that are neither pages of
	// the dataset nor the seed: they count as documents with no quotes.
	QuotesNoSource []string `json:"quotes_no_source,omitempty"`
	// Pages are the per-page body scores, in the truth's order.
	Pages []score.Page `json:"-"`
	// Detail has the per-page metadata verdicts.
	Detail score.Detail `json:"-"`
	// Errors are the pages whose extraction failed (other than for having
	// no content), by id.
	Errors map[string]string `json:"errors,omitempty"`
}

// Run extracts every page of the dataset and scores the predictions. It
// returns the predictions as well (with the seed's last when quotes are
// scored).
func Run(ctx context.Context, ds *score.Dataset, opts Options) (*Result, []Prediction, error) {
	// read the quotes file first, so that a bad one fails before the work
	var gold *score.QuoteDocs
	if opts.Quotes != "" {
		var err error
		if gold, err = score.ReadQuoteDocs(opts.Quotes); err != nil {
			return nil, nil, fmt.Errorf("quotes: %w", err)
		}
		if _, ok := gold.Quotes[SeedID]; ok {
			if opts.SeedText == "" {
				return nil, nil, fmt.Errorf("quotes: %s has a %q document: give the seed's text file", opts.Quotes, SeedID)
			}
			if _, err := os.Stat(opts.SeedText); err != nil {
				return nil, nil, fmt.Errorf("quotes: seed text: %w", err)
			}
		}
	}
	preds, err := Predict(ctx, ds, opts.Workers)
	if err != nil {
		return nil, nil, err
	}
	res := Score(ds, preds, opts)
	if gold == nil {
		return res, preds, nil
	}
	if _, ok := gold.Quotes[SeedID]; ok {
		preds = append(preds, ExtractFile(SeedID, opts.SeedText, ""))
	}
	res.Quotes, res.QuotesNoSource, err = ScoreQuotes(gold, preds)
	if err != nil {
		return nil, nil, err
	}
	return res, preds, nil
}

// Score scores predictions of the dataset's pages (body and metadata).
func Score(ds *score.Dataset, preds []Prediction, opts Options) *Result {
	docs := score.NewDocs()
	res := &Result{Dir: ds.Dir, Documents: ds.Truth.Len(), Detail: score.Detail{}}
	for _, p := range preds {
		docs.Add(p.ID, p.Doc())
		if p.Error != "" {
			if res.Errors == nil {
				res.Errors = map[string]string{}
			}
			res.Errors[p.ID] = p.Error
		}
	}
	res.Body, res.Pages = score.ScoreBody(ds.Truth, docs, score.BodyOptions{Bootstrap: opts.Bootstrap, Seed: opts.Seed})
	res.Metadata = score.ScoreMetadata(ds.Truth, docs, res.Detail)
	return res
}

// ScoreQuotes scores the quotations of preds (in their order, as they are
// written to a predictions file) against the gold file's. It also returns
// the gold documents that have no prediction: they count as documents with
// no quotes.
func ScoreQuotes(gold *score.QuoteDocs, preds []Prediction) (*score.Quotes, []string, error) {
	pd := score.NewQuoteDocs()
	for _, p := range preds {
		qs := make([]score.Quote, len(p.Quotes))
		for i, q := range p.Quotes {
			qs[i] = score.NewQuote(q.Text, q.Speaker)
		}
		if err := pd.Add(p.ID, qs); err != nil {
			return nil, nil, fmt.Errorf("quotes: predictions: %w", err)
		}
	}
	var missing []string
	for _, id := range gold.IDs {
		if _, ok := pd.Quotes[id]; !ok {
			missing = append(missing, id)
		}
	}
	q := score.ScoreQuotes(gold, pd, score.QuoteOptions{})
	return &q, missing, nil
}

// Worst returns the n pages with the lowest per-page F1 (ties: in the
// truth's order).
func Worst(pages []score.Page, n int) []score.Page {
	ps := append([]score.Page(nil), pages...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Counts().F1() < ps[j].Counts().F1() })
	return ps[:min(n, len(ps))]
}
