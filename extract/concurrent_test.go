package extract

import (
	"encoding/json"
	"sync"
	"testing"
)

// Extract keeps per-call state in pooled buffers (the cleaner's stats, the
// scorer, the quote finder's tokens): pages extracted at once from several
// goroutines, each twice, must come out exactly as they do one at a time,
// and stay so after later calls have reused the buffers. Run under -race
// too.
func TestExtractConcurrent(t *testing.T) {
	pages, err := benchCorpus()
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Skip("no bench pages")
	}
	if len(pages) > 40 {
		pages = pages[:40]
	}
	extract := func(p benchPage) *Article {
		a, err := Extract(p.data, p.opts)
		if err != nil && err != ErrNoContent {
			t.Errorf("%s: %v", p.name, err)
		}
		return a
	}
	render := func(a *Article) string {
		out, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	want := make([]string, len(pages))
	for i, p := range pages {
		want[i] = render(extract(p))
	}
	// The articles are rendered only after every goroutine is done, so
	// that a result sharing memory with a recycled buffer would show.
	const workers, rounds = 4, 2
	got := make([][]*Article, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				for i := range pages {
					k := (i + w*len(pages)/workers) % len(pages)
					got[w] = append(got[w], extract(pages[k]))
				}
			}
		}()
	}
	wg.Wait()
	for w, arts := range got {
		for j, a := range arts {
			k := (j%len(pages) + w*len(pages)/workers) % len(pages)
			if render(a) != want[k] {
				t.Errorf("%s: concurrent extraction differs from sequential", pages[k].name)
			}
		}
	}
}
