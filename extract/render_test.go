package extract

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

func TestTextArena(t *testing.T) {
	var a textArena
	texts := []string{"", "abc", "Hello World", "ÉCOLE Été", "İstanbul ΣΊΣΥΦΟΣ", "Straße \uFFFD x", "Bad \xff Byte", "ok\xc3", "Ⱥ Ȿ ǅ", "日本語 ABC", strings.Repeat("Long Text ", 500)}
	var got []string
	for _, s := range texts {
		got = append(got, a.toLower(s), a.normalizeSpace([]byte("  "+s+" \n ")), a.normText(s))
	}
	for i, s := range texts {
		if got[3*i] != strings.ToLower(s) {
			t.Errorf("toLower(%q) = %q, want %q", s, got[3*i], strings.ToLower(s))
		}
		if want := normalizeSpace([]byte("  " + s + " \n ")); got[3*i+1] != want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", s, got[3*i+1], want)
		}
		if want := normText(s); got[3*i+2] != want {
			t.Errorf("normText(%q) = %q, want %q", s, got[3*i+2], want)
		}
	}
}

// normalizeSpaceWords is normalizeSpace as words: the runs between white
// space (zero-width spaces and BOMs dropped, invalid bytes read as U+FFFD)
// joined by single spaces. writeNormalized copies runs of text at once and
// must keep to it.
func normalizeSpaceWords(b []byte) string {
	var words []string
	var w strings.Builder
	for _, r := range string(b) {
		switch {
		case unicode.IsSpace(r):
			if w.Len() > 0 {
				words = append(words, w.String())
				w.Reset()
			}
		case r != '\u200b' && r != '\ufeff':
			w.WriteRune(r)
		}
	}
	if w.Len() > 0 {
		words = append(words, w.String())
	}
	return strings.Join(words, " ")
}

func TestNormalizeSpaceRandom(t *testing.T) {
	pieces := []string{"a", "B", "1", ".", " ", "  ", "\n", "\t", "\r\n", "\u00a0", "\u0085", "\u3000", "\u200b", "\ufeff",
		"é", "’", "日", "\ufffd", "\xff", "\xc3", "\xe2\x80"}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		var sb strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := sb.String()
		if got, want := normalizeSpace([]byte(s)), normalizeSpaceWords([]byte(s)); got != want {
			t.Fatalf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// normTextRunes is normText as its definition reads, rune by rune: the
// definition writeNormText's runs must keep.
func normTextRunes(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(unicode.ToLower(r))
		} else {
			space = true
		}
	}
	return sb.String()
}

func TestNormTextRunes(t *testing.T) {
	parts := []string{"a", "B", "Z", "z", "0", "9", " ", "\t", "-", ".", "É", "é", "İ", "Σ", "\xff", "\xc3", "\uFFFD", "’", "日", "Ⱥ", "ß", "\u212A", "@", "[", "`", "{", "²", "Ⅻ", "\u0301"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for k := r.Intn(14); k >= 0; k-- {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		s := b.String()
		if got, want := normText(s), normTextRunes(s); got != want {
			t.Fatalf("normText(%q) = %q, want %q", s, got, want)
		}
	}
}
