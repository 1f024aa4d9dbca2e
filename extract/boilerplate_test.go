package extract

import (
	"slices"
	"strings"
	"testing"
)

func TestClassWords(t *testing.T) {
	long := strings.Repeat("a", 70)
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"article-body", []string{"article", "body", "articlebody"}},
		{"  relatedArticles\tSHARE ", []string{"related", "articles", "relatedarticles", "share"}},
		{"col-md-8 Hidden", []string{"col", "md", "8", "colmd8", "hidden"}},
		{"Überschrift_Haupt", []string{"überschrift", "haupt", "überschrifthaupt"}},
		{"x-" + long, []string{"x", long}}, // the whole name is too long to be a word
	} {
		var got []string
		var w classWords
		w.reset(tt.in)
		for tok, ok := w.next(); ok; tok, ok = w.next() {
			got = append(got, string(tok))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("classWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHiddenMarkup(t *testing.T) {
	for _, tt := range []struct {
		class, style string
		want         bool
	}{
		{"a SR-Only", "", true},
		{"hidden-xs", "", false},
		{"", "color: red; DISPLAY : None", true},
		{"", "visibility: hidden", true},
		{"", "display: block", false},
	} {
		if got := isHiddenClass(tt.class) || isHiddenStyle(tt.style); got != tt.want {
			t.Errorf("hidden(class %q, style %q) = %v, want %v", tt.class, tt.style, got, tt.want)
		}
	}
}

func TestWordsOver(t *testing.T) {
	for _, s := range []string{"", " ", "one", " one  two ", "a b c d e f g h i j k", "x\ty z"} {
		for n := 0; n <= 12; n++ {
			if got, want := wordsOver(s, n), wordCount(s) > n; got != want {
				t.Errorf("wordsOver(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// stemRule's look-up of the first two bytes (stemSecond) holds only for
// stems of two or more lower-case ASCII letters.
func TestBoilerStemsLetters(t *testing.T) {
	for _, s := range boilerStems {
		if len(s.stem) < 2 {
			t.Errorf("stem %q: shorter than two bytes", s.stem)
		}
		for i := 0; i < len(s.stem); i++ {
			if c := s.stem[i]; c < 'a' || c > 'z' {
				t.Errorf("stem %q: not lower-case ASCII letters", s.stem)
				break
			}
		}
	}
}

// The hash table of tokenHints finds every word of the lists, with what
// each list says of it, and no other word.
func TestTokenHintsTable(t *testing.T) {
	words := map[string]bool{}
	for _, m := range []map[string]bool{contentTokens, positiveTokens, negativeTokens} {
		for w := range m {
			words[w] = true
		}
	}
	for w := range boilerTokens {
		words[w] = true
	}
	for w := range words {
		want := tokenHint{rule: boilerTokens[w], content: contentTokens[w], positive: positiveTokens[w], negative: negativeTokens[w]}
		if got := tokenHints.get([]byte(w)); got != want {
			t.Errorf("get(%q) = %+v, want %+v", w, got, want)
		}
	}
	for _, w := range []string{"", "x", "articl", "articles", "navx", "commentz", "Share"} {
		if got := tokenHints.get([]byte(w)); got != (tokenHint{}) && !words[w] {
			t.Errorf("get(%q) = %+v, want none", w, got)
		}
	}
}

// TestCommentWordsHoldMent checks what isCommentPolicy's first search
// relies on.
func TestCommentWordsHoldMent(t *testing.T) {
	for _, w := range commentWords {
		if !strings.Contains(w, "ment") && !strings.Contains(w, "мент") {
			t.Errorf("comment word %q holds neither %q nor %q", w, "ment", "мент")
		}
	}
}

// TestCopyrightPhrasesHoldKey checks what isCopyright's first searches
// rely on.
func TestCopyrightPhrasesHoldKey(t *testing.T) {
	for _, p := range copyrightPhrases {
		if !strings.Contains(p, "serv") && !strings.Contains(p, "vorbehalten") && !strings.Contains(p, "защищены") {
			t.Errorf("copyright phrase %q holds none of the keys", p)
		}
	}
}
