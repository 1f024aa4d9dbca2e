package metadata

import (
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/abadojack/whatlanggo"
)

func checkDetectLang(t *testing.T, text string) {
	t.Helper()
	want := whatlanggo.DetectScript(text)
	if _, ok := langProfiles[want]; !ok {
		want = nil
	}
	if got := profileScript(text); got != want {
		t.Errorf("profileScript(%.80q…) = %v, want %v", text, scriptName(got), scriptName(want))
	}
	lang, conf := detectLang(text)
	info := whatlanggo.Detect(text)
	// Of languages at the same distance whatlanggo takes one by a map's
	// order, but then with a confidence of 0.
	if conf != info.Confidence || lang != info.Lang && conf != 0 {
		t.Errorf("detectLang(%.80q…) = %v, %v; whatlanggo: %v, %v", text, lang, conf, info.Lang, info.Confidence)
	}
	if code, want := langCode(lang), lang.Iso6391(); want != "" && code != want || want == "" && code != lang.Iso6393() {
		t.Errorf("langCode(%v) = %q", lang, code)
	}
}

// TestDetectTrigrams compares detectLang with whatlanggo.Detect on the
// text of the bench pages, in windows of the detector's sample size, and
// on random texts made of profile trigrams and of a few letters (where
// languages tie).
func TestDetectTrigrams(t *testing.T) {
	if testing.Short() {
		t.Skip("whatlanggo is slow")
	}
	pages, _ := filepath.Glob("../../testdata/bench/*/html/*.html.gz")
	for i, path := range pages {
		if i%2 != 0 {
			continue
		}
		src, err := readGzip(path)
		if err != nil {
			t.Fatal(err)
		}
		text := []rune(stripTags(string(src)))
		if i == 0 {
			// Longer than DetectLanguage's samples.
			checkDetectLang(t, truncateRunes(string(text), 20000))
		}
		for start := 0; start < len(text); start += len(text)/3 + 1 {
			checkDetectLang(t, truncateRunes(string(text[start:]), detectSample))
		}
	}
	rng := rand.New(rand.NewSource(1))
	for _, profiles := range langProfiles {
		var trigrams []string
		for _, p := range profiles {
			trigrams = append(trigrams, strings.Split(p.trigrams, "|")...)
		}
		for range 20 {
			var b strings.Builder
			for range 1 + rng.Intn(200) {
				b.WriteString(trigrams[rng.Intn(len(trigrams))])
			}
			checkDetectLang(t, b.String())
		}
	}
	letters := []string{"a", "b", "e", " ", "é", "ж", "и", "ب", "ש", "क", "1", ".", "\xff", "漢", "か", "カ", "ა", "α", "한", "\U0001b001", "\U0001aff0"}
	for range 3000 {
		var b strings.Builder
		for range rng.Intn(100) {
			b.WriteString(letters[rng.Intn(len(letters))])
		}
		checkDetectLang(t, b.String())
	}
}

// stripTags is the text of a page with its markup cut out, roughly.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func scriptName(t *unicode.RangeTable) string {
	if t == nil {
		return "nil"
	}
	return whatlanggo.Scripts[t]
}

// TestLangProfilesBMP checks what profileIndex.build assumes: the
// profiles' runes are in the Basic Multilingual Plane, and a script has
// fewer than 2^16 trigrams.
func TestLangProfilesBMP(t *testing.T) {
	for script, profiles := range langProfiles {
		n := 0
		for _, p := range profiles {
			for _, r := range p.trigrams {
				if r > 0xffff {
					t.Errorf("%v: %q", p.lang, r)
				}
			}
			n += strings.Count(p.trigrams, "|") + 1
		}
		if n >= 1<<16 {
			t.Errorf("%s: %d trigrams", scriptName(script), n)
		}
	}
}
