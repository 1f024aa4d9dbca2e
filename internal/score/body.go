package score

import (
	"slices"
	"strings"
)

// ShingleSize is the length of the body metric's shingles, in tokens.
const ShingleSize = 4

// Counts are one page's shingle counts, each divided by TP+FP+FN so that
// every page weighs the same.
type Counts struct {
	TP, FP, FN float64
}

// Precision is TP/(TP+FP): 1 when FP = FN = 0, 0 when TP = FP = 0.
func (c Counts) Precision() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FP == 0:
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

// Recall is TP/(TP+FN): 1 when FP = FN = 0, 0 when TP = FN = 0.
func (c Counts) Recall() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FN == 0:
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// F1 is the harmonic mean of the page's precision and recall (used to rank
// pages; the corpus F1 is not a mean of these).
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// shingles counts the n-token shingles of text as a multiset. A text
// shorter than n tokens gives one shorter shingle; an empty text none.
func shingles(tokens []string, n int) map[string]int {
	out := map[string]int{}
	if len(tokens) == 0 {
		return out
	}
	for i := 0; i < max(1, len(tokens)-n+1); i++ {
		// tokens never contain NUL, so the joined key is unambiguous
		out[strings.Join(tokens[i:min(i+n, len(tokens))], "\x00")]++
	}
	return out
}

// Compare returns the normalised shingle counts of a predicted text
// against the true one, as score.py's shingle_tp_fp_fn.
func Compare(truth, pred string) Counts {
	return compareTokens(Tokenize(truth), Tokenize(pred))
}

func compareTokens(truth, pred []string) Counts {
	t, p := shingles(truth, ShingleSize), shingles(pred, ShingleSize)
	var tp, fp, fn int
	for k, tc := range t {
		pc := p[k]
		tp += min(tc, pc)
		fn += max(0, tc-pc)
		fp += max(0, pc-tc)
	}
	for k, pc := range p {
		if _, ok := t[k]; !ok {
			fp += pc
		}
	}
	c := Counts{TP: float64(tp), FP: float64(fp), FN: float64(fn)}
	if s := c.TP + c.FP + c.FN; s > 0 {
		c = Counts{TP: c.TP / s, FP: c.FP / s, FN: c.FN / s}
	}
	return c
}

// Page is the body score of one page.
type Page struct {
	ID         string  `json:"id"`
	TP         float64 `json:"tp"`
	FP         float64 `json:"fp"`
	FN         float64 `json:"fn"`
	Precision  float64 `json:"precision"`
	Recall     float64 `json:"recall"`
	Exact      float64 `json:"exact"` // 1 when the token sequences are equal
	PredTokens int     `json:"pred_tokens"`
	TrueTokens int     `json:"true_tokens"`
}

// Counts returns the page's normalised counts.
func (p Page) Counts() Counts { return Counts{p.TP, p.FP, p.FN} }

// Body is the corpus score of the body metric.
type Body struct {
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Accuracy  float64 `json:"accuracy"`
	// The standard deviations over the bootstrap resamples; 0 without a
	// bootstrap.
	F1Std            float64 `json:"f1_std"`
	PrecisionStd     float64 `json:"precision_std"`
	RecallStd        float64 `json:"recall_std"`
	AccuracyStd      float64 `json:"accuracy_std"`
	EmptyPredictions int     `json:"empty_predictions"`
}

// BodyOptions adjusts ScoreBody. The zero value computes point values only.
type BodyOptions struct {
	// Bootstrap is the number of bootstrap resamples for the ± values
	// (score.py uses 1000); 0 means none.
	Bootstrap int
	// Seed seeds the resampling; with the same seed the samples are those
	// of score.py (Python's random.Random(seed)).
	Seed uint64
}

// ScoreBody scores the predicted bodies against the truth's articleBody
// with the ScrapingHub benchmark's metric, over every page of truth (a
// missing prediction is an empty one). It returns the corpus score and the
// per-page scores in the truth's order.
func ScoreBody(truth, pred *Docs, opts BodyOptions) (Body, []Page) {
	pages := make([]Page, 0, truth.Len())
	for _, id := range truth.IDs {
		t, p := Tokenize(stringField(truth.Get(id), "articleBody")), Tokenize(BodyOf(pred.Get(id)))
		c := compareTokens(t, p)
		exact := 0.0
		if slices.Equal(t, p) {
			exact = 1
		}
		pages = append(pages, Page{ID: id, TP: c.TP, FP: c.FP, FN: c.FN,
			Precision: c.Precision(), Recall: c.Recall(), Exact: exact,
			PredTokens: len(p), TrueTokens: len(t)})
	}
	b := corpus(pages)
	if n := len(pages); n > 0 && opts.Bootstrap > 0 {
		rng := newPythonRandom(opts.Seed)
		var f1, prec, rec, acc []float64
		sample := make([]Page, n)
		for range opts.Bootstrap {
			for i := range sample {
				sample[i] = pages[rng.below(n)]
			}
			s := corpus(sample)
			f1, prec, rec, acc = append(f1, s.F1), append(prec, s.Precision), append(rec, s.Recall), append(acc, s.Accuracy)
		}
		b.F1Std, b.PrecisionStd, b.RecallStd, b.AccuracyStd = stdev(f1), stdev(prec), stdev(rec), stdev(acc)
	}
	for _, p := range pages {
		if p.PredTokens == 0 {
			b.EmptyPredictions++
		}
	}
	return b, pages
}

// corpus computes the corpus figures: precision is averaged over pages with
// a non-empty prediction, recall over pages with a non-empty truth, and F1
// is that of the two means.
func corpus(pages []Page) Body {
	var prec, rec, acc []float64
	for _, p := range pages {
		if p.TP+p.FP > 0 {
			prec = append(prec, p.Precision)
		}
		if p.TP+p.FN > 0 {
			rec = append(rec, p.Recall)
		}
		acc = append(acc, p.Exact)
	}
	b := Body{Precision: mean(prec), Recall: mean(rec), Accuracy: mean(acc)}
	if b.Precision+b.Recall != 0 {
		b.F1 = 2 * b.Precision * b.Recall / (b.Precision + b.Recall)
	}
	return b
}

// BodyOf returns a prediction's body: its "articleBody", else "body", else
// "text" (the first that is a string), else "".
func BodyOf(d Doc) string {
	for _, k := range []string{"articleBody", "body", "text"} {
		if s, ok := d[k].(string); ok {
			return s
		}
	}
	return ""
}

// stringField returns d[key] when it is a string, else the empty string.
func stringField(d Doc, key string) string {
	s, _ := d[key].(string)
	return s
}
