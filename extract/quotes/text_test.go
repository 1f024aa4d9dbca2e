package quotes

import (
	"testing"
	"unicode"
)

// TestLowerBufFold checks that the shared buffer folds words exactly as
// fold does, for ASCII, other scripts, apostrophes and invalid UTF-8.
func TestLowerBufFold(t *testing.T) {
	var low textArena
	for _, w := range []string{"", "said", "Said", "SAID", "U.S.", "don’t", "Don‘t", "Oʼneil", "O'Brien",
		"Élysée", "élysée", "Gatilov’s", "Гатилов", "сказал", "İstanbul", "ΣΟΦΙΑ", "K\u212Aelvin", "\xffbad", "ok\xc3",
		"\uFFFD", "日本語", "Straße"} {
		if got, want := low.fold(w), fold(w); got != want {
			t.Errorf("textArena.fold(%q) = %q, want %q", w, got, want)
		}
	}
	if low.Len() == 0 {
		t.Error("nothing written to the buffer")
	}
}

func TestClassTable(t *testing.T) {
	m := wordClassMap()
	for w, c := range m {
		if got := wordClasses.get(w); got != c {
			t.Errorf("get(%q) = %b, want %b", w, got, c)
		}
	}
	for _, w := range []string{"", "x", "zebra", "presidents", "the ", "Said", "saidx", "according to"} {
		if got := wordClasses.get(w); got != m[w] {
			t.Errorf("get(%q) = %b, want %b", w, got, m[w])
		}
	}
}

// TestIsWordCharPunctuation checks isWordChar's shortcut for the General
// Punctuation block against the Unicode tables.
func TestIsWordCharPunctuation(t *testing.T) {
	for r := rune(0x1FF0); r <= 0x2080; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if got := isWordChar(r); got != want {
			t.Errorf("isWordChar(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestPunctuationHasNoClass checks what (*token).in relies on: no word list
// holds the lower form of a punctuation or quotation token.
func TestPunctuationHasNoClass(t *testing.T) {
	m := wordClassMap()
	for _, p := range []string{"", ",", ".", ";", ":", "!", "?", "(", ")", "[", "]", "—", "–", "―", "-", "--", "…"} {
		if c := m[p]; c != 0 {
			t.Errorf("%q has classes %b", p, c)
		}
	}
}
