package metadata

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

func checkCutByPrefix(t *testing.T, s string) {
	t.Helper()
	if got, want := cutByPrefix(s), cutPrefix(byPrefixRe, s); got != want {
		t.Errorf("cutByPrefix(%q) = %q, want %q", s, got, want)
	}
}

// TestCutByPrefix compares cutByPrefix with the regexp on the words of
// the pattern, alone and in pairs, in several cases and followed by
// several texts, and on random texts.
func TestCutByPrefix(t *testing.T) {
	words := strings.FieldsFunc(byPrefixRe.String(), func(r rune) bool { return !unicode.IsLetter(r) })
	var forms []string
	for _, w := range words {
		forms = append(forms, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w[:len(w)-1], w+"x")
	}
	rests := []string{"", " Jane Doe", ": Jane", " - Jane", "-Jane", "x", "é", "_x", "1", ".", "  by Jane", "\tJane"}
	for _, f := range forms {
		for _, r := range rests {
			checkCutByPrefix(t, f+r)
		}
		for _, w := range words {
			checkCutByPrefix(t, f+" "+w+" Jane")
			checkCutByPrefix(t, f+"  "+strings.ToUpper(w)+": Jane")
		}
	}
	for _, s := range []string{"", "Jane Doe", "poſted by Jane", "ANÁLISIS DE Jane", "Автор: Jane", "Kommentar", "un éditorial de Jane", "1 by"} {
		checkCutByPrefix(t, s)
	}
	alphabet := []string{"b", "y", "B", "Y", " ", ":", "-", "é", "ſ", "a", "u", "t", "h", "o", "r", "s", "\u212a"}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(10) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		checkCutByPrefix(t, b.String())
	}
}
