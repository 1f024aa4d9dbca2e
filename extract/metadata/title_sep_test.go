package metadata

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"byline/internal/fastre"
)

// titleSepRe is the regexp whose matches splitTitle finds.
var titleSepRe = fastre.MustCompile(`\s+[|\-–—·•»/\\>~]{1,2}\s+|\s*::\s*|\s+_\s*|_\s+|\s*[|｜]\s*`)

// splitTitleRe is splitTitle by the regexp.
func splitTitleRe(title string) (parts, seps []string) {
	prev := 0
	for _, l := range titleSepRe.FindAllStringIndex(title, -1) {
		if l[0] == 0 || l[1] == len(title) {
			continue
		}
		parts = append(parts, title[prev:l[0]])
		seps = append(seps, title[l[0]:l[1]])
		prev = l[1]
	}
	parts = append(parts, title[prev:])
	return parts, seps
}

func checkSplitTitle(t *testing.T, title string) {
	t.Helper()
	parts, seps := splitTitle(title)
	wantParts, wantSeps := splitTitleRe(title)
	if !reflect.DeepEqual(parts, wantParts) || !reflect.DeepEqual(seps, wantSeps) {
		t.Errorf("splitTitle(%q) = %q, %q; want %q, %q", title, parts, seps, wantParts, wantSeps)
	}
}

var splitTitleCases = []string{
	"Headline | Site", "Headline - Section - Site", "A – B — C · D • E » F / G \\ H > I ~ J",
	"a -- b", "a --- b", "a -| b", "a |- b", "a  -  b", "a\t-\nb", "a\v-\vb", "a -b", "a- b", "a-b",
	"a :: b", "a::b", "a ::: b", "a _ b", "a _b", "a_ b", "a_b", "a__ b", "a |b", "a|b", "a｜b", "a ｜ b",
	"| a |", " | a", "a | ", "- a - b -", "::a::", "_ a", "a _", "a \xff b", "a \xe2\x80 b", "a – – b",
	"a » » b", "a »» b", "a ~~~ b", "", " ", "|", "||", "a || b", "a | | b", "a -_ b", "a _- b",
}

func TestSplitTitle(t *testing.T) {
	for _, s := range splitTitleCases {
		checkSplitTitle(t, s)
	}
	// Random titles over the separators' characters.
	alphabet := []string{" ", "\t", "\n", "\v", "-", "–", "—", "·", "•", "»", "/", "\\", ">", "~", "|", "｜", ":", "_", "a", "B", "\xff", "\xe2", "é"}
	rng := rand.New(rand.NewSource(1))
	for range 100000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		checkSplitTitle(t, b.String())
	}
}

func FuzzSplitTitle(f *testing.F) {
	for _, s := range splitTitleCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSplitTitle(t, s)
	})
}

func TestTaglineSep(t *testing.T) {
	re := fastre.MustCompile(` [|\-–—:] `)
	check := func(s string) {
		want := -1
		if loc := re.FindStringIndex(s); loc != nil {
			want = loc[0]
		}
		if got := taglineSep(s); got != want {
			t.Errorf("taglineSep(%q) = %d, want %d", s, got, want)
		}
	}
	for _, s := range []string{"", " ", " | ", "a | b", "a |b", "a| b", "a - b - c", "a – b", "a — b", "a : b", "a  | b",
		" -", "a -", "a \xe2\x80 b", "a ~ b", "Name | tagline", "a -- b | c"} {
		check(s)
	}
	alphabet := []string{" ", "|", "-", "–", "—", ":", "a", "\xe2", "\x80"}
	rng := rand.New(rand.NewSource(2))
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(8) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		check(b.String())
	}
}
