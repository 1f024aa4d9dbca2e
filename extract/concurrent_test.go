package extract

import (
	"encoding/json"
	"sync"
	"testing"
)

// Extract keeps per-call state in pooled buffers (the cleaner's stats, the
// scorer, the quote finder's tokens): pages extracted at once from several
// goroutines, each twice, must come out exactly as they do one at a time.
// Run under -race too.
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
	render := func(p benchPage) string {
		a, err := Extract(p.data, p.opts)
		if err != nil && err != ErrNoContent {
			t.Errorf("%s: %v", p.name, err)
			return ""
		}
		out, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	want := make([]string, len(pages))
	for i, p := range pages {
		want[i] = render(p)
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 2; round++ {
				for i := range pages {
					k := (i + w*len(pages)/4) % len(pages)
					if got := render(pages[k]); got != want[k] {
						t.Errorf("%s: concurrent extraction differs from sequential", pages[k].name)
					}
				}
			}
		}()
	}
	wg.Wait()
}
