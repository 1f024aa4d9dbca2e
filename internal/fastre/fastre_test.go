package fastre

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Patterns of the kinds the extractors use, and some built to trip the
// literal analysis.
var testPatterns = []string{
	`(?i)(^|[-_ ])(comments?|comment-list|commentlist|disqus|replies|reply|related|recommend(ed|ations)?|more-stories|more-from|read-more|readmore|most-read|most-popular|popular|trending|sidebar|widget|footer|outbrain|taboola|teaser|teasers|promo|newsletter)($|[-_ ])|comment`,
	`(?i)byline|writtenby|dateline|author(s|name)?($|[^a-z])|writer|contributor|reporter|journalist`,
	`(?i)(avatar|image|img|photo|picture|thumb|bio|description|about|social|share|follow|twitter|facebook|more-by|other|related)`,
	`(?i)^(?:(?:written|posted|reported)\s+(?:by|von|par)|by|from|автор|author)\b\s*[:\-–—]?\s*`,
	`(?i)updat|modif|edited`,
	`(?i)(^|[-_ ])(date|time|timestamp|published|pubdate|posted|post-date|postdate|entry-date|publish|dateline|updated|article-date|meta-date)($|[-_ ])|datetime|publishdate|datepublished`,
	`(a|b|c|d|e|f|g|h)(a|b|c|d|e|f|g|h)(i|j|k|l|m|n|o|p)(x|y)`,
	`\s*(?:[,;/|&＆、]|\b(?i:and|und|sowie|with)\b|\b(?:y|e|et|og)\b)\s*`,
	`\d`,
	`\s+`,
	`^\d{4}-\d{2}-\d{2}`,
	`(?i)\bsubscri(?:be|ption)\b.*\bnewsletter\b`,
	`(?i)σοφία|straße|ſtop|kelvin`,
	`(?i)K`,
	`a*`,
	`(?:ab)+c|x{2,3}yz|q{0,2}`,
	`(?i)read (?:more|next)|weiterlesen|lire la suite`,
	`x|`,
	`(?s).`,
	"\uFFFD",
	`(?i)ǅ`,
	// Anchored patterns: checked by their first byte.
	`^(?:(?:By|BY|by):?\s+\p{Lu}|Di \p{Lu})`,
	`(?i)^(?:ſtop|kelvin|straße)`,
	`^\x{FFFD}`,
	`^[^a-z]`,
	`^(?:ab|)c`,
	`^$`,
	`(?m)^c`,
	`^.`,
	`^x|y`,
	`^(?i:k)`,
	`\A(?:é|ǅ)+`,
	// A literal prefix: left to regexp.
	`straße\s*\d`,
}

func TestMatchesAsRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"comment", "Comment", "COMMENTS", "related", "ReLaTeD", "by", "By ", "author", "AUTHORS", "ſ", "K", "k", "ς", "Σ", "σ",
		"straSSe", "STRASSE", "straße", "stop", "ſtop", "STOP", "kelvin", "KELVIN", "\xff", "\xc3", "\uFFFD", "-", "_", " ", "x", "ab", "c", "yz", "2024-01-02", "7",
		"more-stories", "widget", "popular", "newsletter", "subscribe", "Subscription", "read more", "READ NEXT", "weiterlesen", "ǅ", "ǆ", "Ǆ", "автор", "АВТОР", "and", "AND", "\t", "é", "É"}
	for _, p := range testPatterns {
		re := MustCompile(p)
		std := regexp.MustCompile(p)
		t.Logf("%q: literals %q", p, re.Literals())
		for range 3000 {
			var b strings.Builder
			for range r.IntN(6) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			s := b.String()
			if got, want := re.MatchString(s), std.MatchString(s); got != want {
				t.Errorf("%q on %q: MatchString %v, regexp says %v", p, s, got, want)
			}
			if got, want := re.FindAllStringIndex(s, -1), std.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%q on %q: FindAllStringIndex %v, regexp says %v", p, s, got, want)
			}
			if got, want := re.ReplaceAllString(s, "<$0>"), std.ReplaceAllString(s, "<$0>"); got != want {
				t.Errorf("%q on %q: ReplaceAllString %q, regexp says %q", p, s, got, want)
			}
			for _, n := range []int{-1, 0, 2} {
				if got, want := re.Split(s, n), std.Split(s, n); !slices.Equal(got, want) {
					t.Errorf("%q on %q: Split(%d) %q, regexp says %q", p, s, n, got, want)
				}
			}
			if got, want := re.FindStringSubmatchIndex(s), std.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
				t.Errorf("%q on %q: FindStringSubmatchIndex %v, regexp says %v", p, s, got, want)
			}
		}
	}
}

func TestLazy(t *testing.T) {
	re := MustCompile(`(?i)upd(at)e`)
	if re.String() != `(?i)upd(at)e` || re.NumSubexp() != 1 || !re.MatchString("UPDATE") {
		t.Errorf("lazy regexp: %q %d", re.String(), re.NumSubexp())
	}
	bad := MustCompile(`(`)
	defer func() {
		if recover() == nil {
			t.Errorf("an invalid pattern did not panic on first use")
		}
	}()
	bad.MatchString("x")
}

func TestLiterals(t *testing.T) {
	for p, want := range map[string][]string{
		`(?i)updat|modif|edited`: {"UPDAT", "MODIF", "EDITED"},
		`\s+`:                    {"\t", "\n", "\f", "\r", " "},
		`foo\d+bar|baz`:          {"FOO", "BAZ"},
		`(?i)comments?|comment`:  {"COMMENT"},
		`a*`:                     nil,
		`x|`:                     nil,
	} {
		got := MustCompile(p).Literals()
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: literals %q, want %q", p, got, want)
		}
	}
}

func FuzzMatch(f *testing.F) {
	for _, p := range testPatterns {
		f.Add(p, "a comment by the Author, ſtop")
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		std, err := regexp.Compile(pattern)
		if err != nil {
			return
		}
		re := MustCompile(pattern)
		if got, want := re.MatchString(s), std.MatchString(s); got != want {
			t.Fatalf("%q on %q: MatchString %v, regexp says %v (literals %q)", pattern, s, got, want, re.Literals())
		}
	})
}

var benchClasses = []string{"article-body content", "site-header nav-main", "byline__author", "col-md-8 col-sm-12", " ", "post-date entry-meta", "sidebar widget", "c-entry-box--compact__title"}

func BenchmarkMatchString(b *testing.B) {
	p := testPatterns[0]
	b.Run("regexp", func(b *testing.B) {
		re := regexp.MustCompile(p)
		for b.Loop() {
			for _, s := range benchClasses {
				re.MatchString(s)
			}
		}
	})
	b.Run("fastre", func(b *testing.B) {
		re := MustCompile(p)
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range benchClasses {
				re.MatchString(s)
			}
		}
	})
}

func TestLiteralsLongRuns(t *testing.T) {
	re := MustCompile(`(?i)(^|[-_ ])(date|time|timestamp|published|pubdate|posted|post-date|postdate|entry-date|publish|dateline|updated|article-date|meta-date)($|[-_ ])|datetime|publishdate|datepublished`)
	for _, l := range re.Literals() {
		if len(l) < 4 {
			t.Errorf("literal %q: the run of exact operands was lost", l)
		}
	}
	t.Logf("%q", re.Literals())
}
