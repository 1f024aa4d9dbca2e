package extract

import (
	"strings"
	"testing"
)

func TestTextArena(t *testing.T) {
	var a textArena
	texts := []string{"", "abc", "Hello World", "ÉCOLE Été", "İstanbul ΣΊΣΥΦΟΣ", "Straße \uFFFD x", "日本語 ABC", strings.Repeat("Long Text ", 500)}
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
