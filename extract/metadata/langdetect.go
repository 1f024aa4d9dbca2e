package metadata

//go:generate go run gen_langprofiles.go

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// whatlanggo guesses a language by the distance between the ranks of the
// text's trigrams and those of each language's profile. It counts the
// trigrams in a map of strings and looks each profile trigram of each
// language of the script up in it: some 13,000 lookups for a Latin text,
// half a millisecond a page. detect gives the same result (as
// TestDetectTrigrams checks) from the profiles sorted once by trigram,
// read alongside the text's sorted trigrams: one pass over an array,
// which stays fast when the rest of the extraction has pushed it out of
// the caches (a map of the trigrams, looked up at random, did not).

// A langProfile is a language's trigrams, the commonest first, separated
// by "|" (langprofiles.go).
type langProfile struct {
	lang     whatlanggo.Lang
	trigrams string
}

// whatlanggo's constants.
const (
	maxTrigramDistance = 300
	maxTotalDistance   = 90000
)

// A profileIndex holds the profiles of a script's languages by trigram.
// It is made on first use (a millisecond of CPU for the Latin languages).
type profileIndex struct {
	once     sync.Once
	seen     atomic.Bool // a text of the script was detected
	profiles []langProfile
	langs    []whatlanggo.Lang
	// far is each language's distance to a text with none of its
	// trigrams.
	far []int
	// keys are the trigrams of all the profiles (trigramKey), sorted;
	// ranks the language and rank of each.
	keys  []uint64
	ranks []langRank
}

type langRank struct {
	lang, rank int32
}

// profileIndexes are the indexes of langProfiles by script.
var profileIndexes = func() map[*unicode.RangeTable]*profileIndex {
	m := map[*unicode.RangeTable]*profileIndex{}
	for script, profiles := range langProfiles {
		m[script] = &profileIndex{profiles: profiles}
	}
	return m
}()

// profilesOf is the index of the profiles of a script's languages, or nil
// when whatlanggo has none (a script of one language).
func profilesOf(script *unicode.RangeTable) *profileIndex {
	x := profileIndexes[script]
	if x != nil {
		x.once.Do(x.build)
	}
	return x
}

func (x *profileIndex) build() {
	n := 0
	for _, p := range x.profiles {
		n += strings.Count(p.trigrams, "|") + 1
	}
	// The trigrams are sorted as numbers that hold their runes, which are
	// all in the Basic Multilingual Plane (TestLangProfilesBMP), and their
	// index in ranks (fewer than 2^16 a script).
	ranks := make([]langRank, 0, n)
	sorted := make([]uint64, 0, n)
	for i, p := range x.profiles {
		x.langs = append(x.langs, p.lang)
		rank := 0
		for t := range strings.SplitSeq(p.trigrams, "|") {
			r1, n1 := utf8.DecodeRuneInString(t)
			r2, n2 := utf8.DecodeRuneInString(t[n1:])
			r3, _ := utf8.DecodeRuneInString(t[n1+n2:])
			sorted = append(sorted, uint64(r1)<<48|uint64(r2)<<32|uint64(r3)<<16|uint64(len(ranks)))
			ranks = append(ranks, langRank{int32(i), int32(rank)})
			rank++
		}
		x.far = append(x.far, rank*maxTrigramDistance)
	}
	slices.Sort(sorted)
	x.keys = make([]uint64, len(sorted))
	x.ranks = make([]langRank, len(sorted))
	for i, v := range sorted {
		x.keys[i] = trigramKey(rune(v>>48), rune(v>>32&0xffff), rune(v>>16&0xffff))
		x.ranks[i] = ranks[v&0xffff]
	}
}

// trigramKey is a trigram as a number that sorts as its string does
// (UTF-8 keeps the order of code points).
func trigramKey(r1, r2, r3 rune) uint64 {
	return uint64(r1)<<42 | uint64(r2)<<21 | uint64(r3)
}

// detectLang is whatlanggo.Detect's language and confidence. The first
// text of a script goes to whatlanggo.Detect itself, and the script's
// index is built from the second on: building it takes longer than one
// detection by whatlanggo (1.2 against 0.5 ms for Latin), so a process
// that reads one page (byline extract FILE) does not pay for it.
func detectLang(text string) (whatlanggo.Lang, float64) {
	if script := profileScript(text); script != nil && profileIndexes[script].seen.Swap(true) {
		return profilesOf(script).detect(text)
	}
	info := whatlanggo.Detect(text)
	return info.Lang, info.Confidence
}

// scriptTables are the scripts of whatlanggo.DetectScript, in its order.
var scriptTables = [...]*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Arabic, unicode.Devanagari,
	hiraganaKatakana, unicode.Ethiopic, unicode.Hebrew, unicode.Bengali,
	unicode.Georgian, unicode.Han, unicode.Hangul, unicode.Greek,
	unicode.Kannada, unicode.Tamil, unicode.Thai, unicode.Gujarati,
	unicode.Gurmukhi, unicode.Telugu, unicode.Malayalam, unicode.Oriya,
	unicode.Myanmar, unicode.Sinhala, unicode.Khmer,
}

// hiraganaKatakana is whatlanggo's table of both kana, made as it makes it.
var hiraganaKatakana = &unicode.RangeTable{
	R16: slices.Concat(unicode.Hiragana.R16, unicode.Katakana.R16),
	R32: slices.Concat(unicode.Hiragana.R32, unicode.Katakana.R32),
}

// profileScript is whatlanggo.DetectScript(text) when that is a script
// of langProfiles, else nil. DetectScript counts the letters of each
// script, moving a script one place up its list at each of its letters
// (which decides between scripts of equal counts), until one has more
// letters than half the text's bytes. It checks each letter against
// every script's table; here an ASCII letter is Latin at once, and the
// tables are read only until one has the letter (no letter is in two).
func profileScript(text string) *unicode.RangeTable {
	const n = len(scriptTables)
	halfLen := len(text) / 2
	var count [n]int
	var order, place [n]int // the scripts in list order; where each is
	for i := range n {
		order[i], place[i] = i, i
	}
	for _, r := range text {
		s := scriptIndex(r)
		if s < 0 {
			continue
		}
		if count[s]++; count[s] > halfLen {
			return withProfiles(s)
		}
		if p := place[s]; p > 0 {
			t := order[p-1]
			order[p-1], order[p] = s, t
			place[s], place[t] = p-1, p
		}
	}
	best, most := -1, 0
	for _, s := range order {
		if count[s] > most {
			best, most = s, count[s]
		}
	}
	if best < 0 {
		return nil
	}
	// (Han with any kana is Japanese, which has no profiles either.)
	return withProfiles(best)
}

// scriptIndex is the index in scriptTables of the script of r, or -1 for
// none and for what whatlanggo skips: spaces, punctuation, symbols and
// digits.
func scriptIndex(r rune) int {
	if r < utf8.RuneSelf {
		if 'a' <= r|0x20 && r|0x20 <= 'z' {
			return 0 // Latin
		}
		return -1
	}
	if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
		return -1
	}
	for s, t := range scriptTables {
		if unicode.Is(t, r) {
			return s
		}
	}
	return -1
}

// withProfiles is the table of scriptTables[s] when langProfiles has its
// languages, else nil.
func withProfiles(s int) *unicode.RangeTable {
	if _, ok := langProfiles[scriptTables[s]]; ok {
		return scriptTables[s]
	}
	return nil
}

// trigramCount is one of a text's trigrams and its count.
type trigramCount struct {
	key uint64
	n   int
}

// detect is whatlanggo's detectLangInProfiles (without options).
func (x *profileIndex) detect(text string) (whatlanggo.Lang, float64) {
	// The text's trigrams, as whatlanggo counts them: runes lower-cased,
	// spaces, punctuation, symbols and digits as spaces, one more space
	// at the end, no trigram with a space in the middle and at an end.
	var keyBuf [detectSample + 1]uint64
	keys := keyBuf[:0]
	r1, r2 := ' ', rune(-1)
	add := func(r3 rune) {
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			keys = append(keys, trigramKey(r1, r2, r3))
		}
		r1, r2 = r2, r3
	}
	for _, r := range text {
		if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
			r = ' '
		}
		r = unicode.ToLower(r)
		if r2 < 0 {
			r2 = r
			continue
		}
		add(r)
	}
	if r2 >= 0 {
		add(' ')
	}
	slices.Sort(keys)
	var countBuf [detectSample + 1]trigramCount
	counts := countBuf[:0]
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		counts = append(counts, trigramCount{keys[i], j - i})
		i = j
	}
	// Ranked as whatlanggo ranks them: the commonest first, and of equal
	// counts the greater trigram. counts holds the trigrams in order: a
	// counting sort by count that takes them from the last keeps that
	// order reversed within a count.
	most := 0
	for _, c := range counts {
		most = max(most, c.n)
	}
	var startBuf [64]int
	start := append(startBuf[:0], make([]int, most+1)...) // the next rank of each count
	for _, c := range counts {
		start[c.n]++
	}
	for n, next := most, 0; n > 0; n-- {
		start[n], next = next, next+start[n]
	}
	var rankBuf [detectSample + 1]int
	rank := rankBuf[:]
	if len(counts) > len(rank) {
		rank = make([]int, len(counts))
	}
	for i := len(counts) - 1; i >= 0; i-- {
		n := counts[i].n
		rank[i] = start[n]
		start[n]++
	}
	// The distances: each profile trigram the text lacks counts
	// maxTrigramDistance, one it has the difference of the ranks. Both
	// lists are sorted by trigram: they are read side by side.
	var distBuf [64]int
	dist := append(distBuf[:0], x.far...)
	j := 0
	for i, c := range counts {
		for j < len(x.keys) && x.keys[j] < c.key {
			j++
		}
		for ; j < len(x.keys) && x.keys[j] == c.key; j++ {
			lr := x.ranks[j]
			d := rank[i] - int(lr.rank)
			if d < 0 {
				d = -d
			}
			dist[lr.lang] += d - maxTrigramDistance
		}
	}
	switch len(dist) {
	case 0:
		return -1, 0
	case 1:
		return x.langs[0], 1
	}
	// whatlanggo's calculateConfidence, on the two nearest languages.
	// Which of two at the same distance it takes depends on a map's
	// order, but then its confidence is 0 (or the language -1).
	first, second := 0, 1
	if dist[second] < dist[first] {
		first, second = second, first
	}
	for i := 2; i < len(dist); i++ {
		switch {
		case dist[i] < dist[first]:
			first, second = i, first
		case dist[i] < dist[second]:
			second = i
		}
	}
	score1 := maxTotalDistance - dist[first]
	score2 := maxTotalDistance - dist[second]
	switch {
	case score1 == 0:
		return -1, 0
	case score2 == 0:
		return x.langs[first], min(float64(score1/500), 1)
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := float64(12.0/float64(len(counts))) + 0.05
	if rate > confidentRate {
		return x.langs[first], 1
	}
	return x.langs[first], rate / confidentRate
}

var (
	langCodes    map[whatlanggo.Lang]string
	langCodesSet sync.Once
)

// langCode is the ISO 639-1 code of a language, or its 639-3 code when it
// has none. whatlanggo builds a map of codes at each call.
func langCode(l whatlanggo.Lang) string {
	langCodesSet.Do(func() {
		langCodes = map[whatlanggo.Lang]string{}
		for l := range whatlanggo.Langs {
			code := l.Iso6391()
			if code == "" {
				code = l.Iso6393()
			}
			langCodes[l] = code
		}
	})
	if code, ok := langCodes[l]; ok {
		return code
	}
	if code := l.Iso6391(); code != "" {
		return code
	}
	return l.Iso6393()
}
