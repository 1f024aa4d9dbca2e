package extract

import (
	"strings"
	"testing"
)

// countWordsFields is countWords as strings.Fields reads it: the
// definition countWords's one pass must keep.
func countWordsFields(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, isWordRune) >= 0 {
			n++
		}
	}
	return n
}

func TestCountWords(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", " a ", "a b", "- a -", "--", "a-b c", "1 2 3", "«Ça» va ?",
		"naïve café\u00a0crème", "\u2003x\u3000y\u0085z", "日本語 テキスト", "\xff\xfe a \xc3",
		"tab\tnew\nline\vvt\fff\rcr", "— , . !", "x\u200by", "Ⅻ ²", "a\n\nb",
	} {
		if got, want := countWords(s), countWordsFields(s); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
	// Every byte, alone and between letters.
	for c := 0; c < 256; c++ {
		for _, s := range []string{string(rune(c)), "a" + string([]byte{byte(c)}) + "b", string([]byte{byte(c)})} {
			if got, want := countWords(s), countWordsFields(s); got != want {
				t.Errorf("countWords(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

func TestCountWordsCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the benchmark pages")
	}
	pages, err := benchCorpus()
	if err != nil {
		t.Skip(err)
	}
	for _, p := range pages {
		a, err := Extract(p.data, p.opts)
		if err != nil {
			continue
		}
		if got, want := countWords(a.Body), countWordsFields(a.Body); got != want {
			t.Errorf("%s: countWords = %d, want %d", p.name, got, want)
		}
	}
}

// BenchmarkCountWords times countWords over the bodies of the benchmark
// pages (bytes/s: of body text).
func BenchmarkCountWords(b *testing.B) {
	pages := loadBenchCorpus(b)
	var bodies []string
	size := 0
	for _, p := range pages {
		if a, err := Extract(p.data, p.opts); err == nil {
			bodies = append(bodies, a.Body)
			size += len(a.Body)
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range bodies {
			countWords(s)
		}
	}
}
