package score

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The files in testdata/xcheck were scored by the Python reference scorers
// (see testdata/xcheck/README.md for the commands); these tests score the
// same predictions in Go and compare every figure.

const tolerance = 1e-9

func readMaybeGzip(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	return data
}

func readJSON(t *testing.T, path string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(readMaybeGzip(t, path), &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

// toPlain turns a Go value into the plain JSON form (maps, floats), to be
// compared with what Python printed.
func toPlain(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// sameJSON compares want (from Python) with got (from Go): the same keys,
// numbers within tolerance.
func sameJSON(t *testing.T, where string, want, got any) {
	t.Helper()
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			t.Errorf("%s: got %v, want an object", where, got)
			return
		}
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				t.Errorf("%s.%s: missing in Go's result", where, k)
				continue
			}
			sameJSON(t, where+"."+k, wv, gv)
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				t.Errorf("%s.%s: in Go's result (%v) but not in Python's", where, k, g[k])
			}
		}
	case float64:
		g, ok := got.(float64)
		if !ok || math.Abs(g-w) > tolerance {
			t.Errorf("%s: Go %v, Python %v", where, got, want)
		}
	default:
		if want != got {
			t.Errorf("%s: Go %v, Python %v", where, got, want)
		}
	}
}

// pythonReport assembles Go's results in the shape of score.py --json.
func pythonReport(t *testing.T, truth, pred *Docs) (map[string]any, []any) {
	body, pages := ScoreBody(truth, pred, BodyOptions{Bootstrap: 1000, Seed: 0})
	detail := Detail{}
	meta := ScoreMetadata(truth, pred, detail)
	m := toPlain(t, body).(map[string]any)
	m["kind"] = "body"
	m["documents"] = float64(truth.Len())
	missing, extra := 0, 0
	for _, id := range truth.IDs {
		if _, ok := pred.ByID[id]; !ok {
			missing++
		}
	}
	for _, id := range pred.IDs {
		if _, ok := truth.ByID[id]; !ok {
			extra++
		}
	}
	m["missing"], m["extra"] = float64(missing), float64(extra)
	for k, v := range meta {
		m[k] = toPlain(t, v)
	}
	var perDoc []any
	for _, p := range pages {
		d := toPlain(t, p).(map[string]any)
		for k, v := range detail[p.ID] {
			d[k] = v
		}
		perDoc = append(perDoc, d)
	}
	return m, perDoc
}

func TestBodyAndMetadataAgainstPython(t *testing.T) {
	bench := filepath.Join("..", "..", "testdata", "bench")
	for _, tc := range []struct{ name, truth, pred string }{
		{"edge-cases", "testdata/xcheck/truth.json", "testdata/xcheck/pred.jsonl"},
		{"scrapinghub", filepath.Join(bench, "scrapinghub", "ground-truth.json"), "testdata/xcheck/scrapinghub-pred.jsonl.gz"},
		{"readability", filepath.Join(bench, "readability", "ground-truth.json"), "testdata/xcheck/readability-pred.jsonl.gz"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			truth, _, err := ParseDocs(readMaybeGzip(t, tc.truth))
			if err != nil {
				t.Fatal(err)
			}
			pred, _, err := ParseDocs(readMaybeGzip(t, tc.pred))
			if err != nil {
				t.Fatal(err)
			}
			base := strings.TrimSuffix(strings.TrimSuffix(tc.pred, ".gz"), ".jsonl")
			got, perDoc := pythonReport(t, truth, pred)
			sameJSON(t, "score", readJSON(t, base+".score.json"), got)

			perDocFile := base + ".perdoc.jsonl"
			if _, err := os.Stat(perDocFile); err != nil {
				perDocFile += ".gz"
			}
			lines := strings.Split(strings.TrimSpace(string(readMaybeGzip(t, perDocFile))), "\n")
			if len(lines) != len(perDoc) {
				t.Fatalf("per-doc: Python has %d pages, Go %d", len(lines), len(perDoc))
			}
			for i, line := range lines {
				var want map[string]any
				if err := json.Unmarshal([]byte(line), &want); err != nil {
					t.Fatal(err)
				}
				sameJSON(t, "per-doc "+want["id"].(string), want, perDoc[i])
			}
		})
	}
}

func TestQuotesAgainstPython(t *testing.T) {
	benchGold := filepath.Join("..", "..", "testdata", "bench", "quotes", "quotes-dev.jsonl")
	for _, tc := range []struct {
		gold, pred, want string
		opts             QuoteOptions
	}{
		{"testdata/xcheck/quotes-gold.jsonl", "testdata/xcheck/quotes-pred.jsonl", "testdata/xcheck/quotes-pred.score.json", QuoteOptions{}},
		{"testdata/xcheck/quotes-gold.jsonl", "testdata/xcheck/quotes-pred.jsonl", "testdata/xcheck/quotes-pred.nopronoun.score.json", QuoteOptions{IgnorePronounSpeakers: true}},
		{benchGold, "testdata/xcheck/quotes-baseline-pred.jsonl", "testdata/xcheck/quotes-baseline-pred.score.json", QuoteOptions{}},
	} {
		t.Run(filepath.Base(tc.want), func(t *testing.T) {
			gold, err := ReadQuoteDocs(tc.gold)
			if err != nil {
				t.Fatal(err)
			}
			pred, err := ReadQuoteDocs(tc.pred)
			if err != nil {
				t.Fatal(err)
			}
			got := toPlain(t, ScoreQuotes(gold, pred, tc.opts))
			sameJSON(t, "quotes", readJSON(t, tc.want), got)
		})
	}
}
