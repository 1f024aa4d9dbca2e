package quotes

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokens of the reporter's prose around quotations. Each quoted span is one
// token, so the words inside a quotation never count as attribution.

type tokKind uint8

const (
	tWord tokKind = iota + 1
	tPunct
	tQuote
)

type token struct {
	text  string // as written
	lower string // lower-cased, curly apostrophes folded
	q     int32  // index into the paragraph's spans, for tQuote
	kind  tokKind
	cap   bool // starts with an upper-case letter
	term  bool // a tQuote that is not a quotation (too short, ignored marks): read as a word
	// noName marks a capitalised word that opens a sentence but is not a
	// name: it is never seen capitalised inside a sentence ("Hosting").
	noName bool
	cls    wordClass // the word lists lower is in, for a tWord
}

// wordClass marks the word lists a word belongs to, looked up once when its
// token is made: the lists asked about nearly every token.
type wordClass uint32

const (
	clsDeterminer       wordClass = 1 << iota // determiners
	clsCueOrAccording                         // cueOrAccording
	clsCueForm                                // a key of cueForms
	clsStarter                                // sentenceStarters
	clsClauseOrFunction                       // clauseWords or functionWords
	clsIndefinite                             // a, an, one, another
	// the classes of a capitalised word's bare form, for the words of names
	// (in wordClasses: of the key itself)
	clsOrg   // orgWords
	clsTitle // isTitle (in wordClasses: titleWords or foreignRoles)
	// a class of the key only, asked of strings rather than tokens
	clsRole // roleNouns or foreignRoles: isRole
	// pronouns[pronounOf(t)], on a token; in wordClasses, the same of a word
	// without an apostrophe, lower-case (clsPronounLower) and capitalised
	// (clsPronounCap)
	clsPronoun
	clsPronounLower
	clsPronounCap
	clsParticle // nameParticles: (*token).particle
	// classes of the key, asked of the bare forms of words: one look-up for
	// several lists
	clsNameSuffix // nameSuffixes
	clsRoyal      // royalTitles
	clsPersonNoun // personNouns
	clsNounHead   // isNounHead: personNouns, roleNouns, orgNouns, docNouns or surveyNouns
	// more lists asked about tokens: (*token).in
	clsClause    // clauseWords
	clsAux       // auxiliaries
	clsPrep      // prepositions
	clsTime      // timeWords
	clsHeadStop  // headStops
	clsFinalAbbr // sentenceFinalAbbr
)

// bareClasses are the classes wordToken gives only to capitalised words,
// from their bare form.
const bareClasses = clsOrg | clsTitle

var wordClasses = newClassTable(wordClassMap())

// wordClassMap returns the classes of the words of the lists.
func wordClassMap() map[string]wordClass {
	m := map[string]wordClass{}
	markWords(m, determiners, clsDeterminer)
	markWords(m, cueOrAccording, clsCueOrAccording)
	markWords(m, cueForms, clsCueForm)
	markWords(m, sentenceStarters, clsStarter)
	markWords(m, set("a an one another"), clsIndefinite)
	markWords(m, clauseWords, clsClauseOrFunction|clsClause)
	markWords(m, auxiliaries, clsAux)
	markWords(m, prepositions, clsPrep)
	markWords(m, timeWords, clsTime)
	markWords(m, headStops, clsHeadStop)
	markWords(m, sentenceFinalAbbr, clsFinalAbbr)
	markWords(m, functionWords, clsClauseOrFunction)
	markWords(m, orgWords, clsOrg)
	markWords(m, titleWords, clsTitle)
	markWords(m, foreignRoles, clsTitle|clsRole)
	markWords(m, roleNouns, clsRole)
	markWords(m, nameParticles, clsParticle)
	markWords(m, nameSuffixes, clsNameSuffix)
	markWords(m, royalTitles, clsRoyal)
	markWords(m, personNouns, clsPersonNoun)
	for _, nouns := range []map[string]bool{personNouns, roleNouns, orgNouns, docNouns, surveyNouns} {
		markWords(m, nouns, clsNounHead)
	}
	// pronounOf gives a pronoun only for pronouns and foreignPronouns
	pronounClasses := func(w string) {
		if pronouns[pronounOf(token{lower: w})] {
			m[w] |= clsPronounLower
		}
		if pronouns[pronounOf(token{lower: w, cap: true})] {
			m[w] |= clsPronounCap
		}
	}
	for w := range pronouns {
		pronounClasses(w)
	}
	for w := range foreignPronouns {
		pronounClasses(w)
	}
	return m
}

// classTable is a read-only hash table of the words that have classes.
// Every word of the text is looked up, about half of them in vain: with a
// hash of a few bytes and a sparse table, a look-up costs about half what
// a map's does.
type classTable struct {
	slots []classSlot // a power of two of them; "" marks an empty one
	mask  uint32      // len(slots) - 1
	shift uint8       // 32 - log2(len(slots)): the hash's top bits index
}

type classSlot struct {
	word string
	cls  wordClass
}

// newClassTable returns the table of m's words, a quarter full at most
// (few words share a slot's cluster).
func newClassTable(m map[string]wordClass) *classTable {
	n, shift := 1, uint8(32)
	for n < 4*len(m) {
		n, shift = n*2, shift-1
	}
	t := &classTable{slots: make([]classSlot, n), mask: uint32(n - 1), shift: shift}
	for w, c := range m {
		i := t.index(w)
		for t.slots[i].word != "" {
			i = (i + 1) & t.mask
		}
		t.slots[i] = classSlot{w, c}
	}
	return t
}

// index is the slot where the search for w starts. It hashes the length
// and the first, middle and last bytes of w, which tell the words of the
// lists apart well enough (Fibonacci hashing: the product's top bits are
// the well mixed ones).
func (t *classTable) index(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	x := uint32(w[0]) | uint32(w[n-1])<<8 | uint32(w[n/2])<<16 | uint32(n)<<24
	return (x * 0x9E3779B1) >> t.shift
}

// get returns the classes of w (0: none).
func (t *classTable) get(w string) wordClass {
	for i := t.index(w); ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.word == w {
			return s.cls
		}
		if s.word == "" {
			return 0
		}
	}
}

// markWords adds class c to every word of words in m.
func markWords[V any](m map[string]wordClass, words map[string]V, c wordClass) {
	for w := range words {
		m[w] |= c
	}
}

// wordToken returns the tWord token of w, folded with low.
func wordToken(w string, cap bool, low *textArena) token {
	t := token{kind: tWord, text: w, lower: low.fold(w), cap: cap}
	c := wordClasses.get(t.lower)
	t.cls = c &^ (bareClasses | clsRole | clsPronounLower | clsPronounCap)
	switch {
	case strings.IndexByte(t.lower, '\'') > 0:
		// pronounOf reads the word before the apostrophe ("it's")
		if pronouns[pronounOf(t)] {
			t.cls |= clsPronoun
		}
	case cap && c&clsPronounCap != 0, !cap && c&clsPronounLower != 0:
		t.cls |= clsPronoun
	}
	if cap {
		// one lookup serves both forms unless a possessive ending differs
		b := t.bare()
		if len(b) != len(t.lower) {
			c = wordClasses.get(b)
		}
		t.cls |= c & clsOrg
		if c&clsTitle != 0 || germanTitle(b) {
			t.cls |= clsTitle
		}
	}
	return t
}

// titleWord is isTitle(t.bare()).
func (t *token) titleWord() bool {
	if t.kind == tWord && t.cap {
		return t.cls&clsTitle != 0
	}
	return isTitle(t.bare())
}

// pronoun is pronouns[pronounOf(t)].
func (t *token) pronoun() bool { return t.cls&clsPronoun != 0 }

// in reports whether t.lower is in one of the word lists of classes c.
// (Tokens other than words have no class, and no list holds their lower
// forms: a test checks it.)
func (t *token) in(c wordClass) bool { return t.cls&c != 0 }

// particle is nameParticles[t.lower].
func (t *token) particle() bool { return t.cls&clsParticle != 0 }

// isDet is isDeterminer(t.lower).
func (t *token) isDet() bool { return t.cls&clsDeterminer != 0 }

func (t token) is(words ...string) bool {
	for _, w := range words {
		if t.lower == w {
			return true
		}
	}
	return false
}

// indefinite is t.is("a", "an", "one", "another"), for the loops over every
// token.
func (t *token) indefinite() bool { return t.cls&clsIndefinite != 0 }

func (t token) isPunct(s string) bool { return t.kind == tPunct && t.text == s }

// bare is the lower-cased word without a possessive ending.
func (t token) bare() string {
	l := t.lower
	if strings.HasSuffix(l, "'s") {
		return l[:len(l)-2]
	}
	return strings.TrimSuffix(l, "'")
}

func (t token) possessive() bool {
	return t.kind == tWord && (strings.HasSuffix(t.lower, "'s") || (strings.HasSuffix(t.lower, "s'")))
}

var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'")

// fold lower-cases s and straightens curly apostrophes.
func fold(s string) string {
	lower := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			lower = false
			break
		}
	}
	if lower {
		return s
	}
	s = strings.ToLower(s)
	// ’ and ‘ start with byte 0xE2, ʼ with 0xCA
	if strings.IndexByte(s, 0xE2) >= 0 || strings.IndexByte(s, 0xCA) >= 0 {
		s = apostrophes.Replace(s)
	}
	return s
}

// textArena holds the strings made for an article (the lower-case forms of
// its words, the keys and display forms of its names) in one buffer, so
// that they do not allocate one each. The strings taken from it stay
// valid: a strings.Builder only ever appends.
type textArena struct{ strings.Builder }

// keep returns b as a string kept in the arena.
func (l *textArena) keep(b []byte) string {
	start := l.Len()
	l.Write(b)
	return l.String()[start:]
}

// fold is fold(s), written to the buffer when it differs from s.
func (l *textArena) fold(s string) string {
	if l == nil {
		return fold(s)
	}
	// one pass without branches: the bytes' high bits and upper-case marks
	var high, upper byte
	for i := 0; i < len(s); i++ {
		high |= s[i]
		upper |= isUpperASCII[s[i]]
	}
	if high < utf8.RuneSelf {
		if upper == 0 {
			return s
		}
		start := l.Len()
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			l.WriteByte(c)
		}
		return l.String()[start:]
	}
	same := true
	for _, r := range s {
		// strings.ToLower (strings.Map) writes an invalid byte as U+FFFD
		if r == utf8.RuneError || isApostrophe(r) || unicode.ToLower(r) != r {
			same = false
			break
		}
	}
	if same {
		return s
	}
	start := l.Len()
	for _, r := range s {
		// (no letter lower-cases to an apostrophe, and the apostrophes
		// have no case: the test first spares them the case tables)
		if isApostrophe(r) {
			r = '\''
		} else {
			r = unicode.ToLower(r)
		}
		l.WriteRune(r)
	}
	return l.String()[start:]
}

// isUpperASCII is 1 for the bytes 'A' to 'Z'.
var isUpperASCII = func() (t [256]byte) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = 1
	}
	return t
}()

// isApostrophe reports whether r is one of the marks fold straightens.
func isApostrophe(r rune) bool { return r == '’' || r == '‘' || r == 'ʼ' }

// tokenize appends the tokens of paragraph p to toks; each span becomes a
// tQuote token.
func tokenize(toks []token, p string, spans []span, low *textArena) []token {
	pos := 0
	for qi, s := range spans {
		if s.open < pos {
			continue // overlapping spans are not produced; stay safe anyway
		}
		toks = appendWordsFold(toks, p[pos:s.open], low)
		toks = append(toks, token{kind: tQuote, q: int32(qi), text: p[s.start:s.end]})
		pos = s.close
	}
	return appendWordsFold(toks, p[pos:], low)
}

func isWordChar(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	if 0x2000 <= r && r <= 0x206F {
		// General Punctuation (curly quotes and apostrophes, dashes,
		// ellipsis, spaces), the usual non-ASCII runes of prose: neither
		// letters, digits nor marks, and three table searches below
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiWord marks the ASCII letters and digits: the word characters
// among single bytes (and no byte of a multi-byte rune).
var asciiWord = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func appendWords(toks []token, s string) []token {
	return appendWordsFold(toks, s, nil)
}

// appendWordsFold is appendWords folding words with low (nil: allocate).
func appendWordsFold(toks []token, s string, low *textArena) []token {
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			i++ // the usual byte between words
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordChar(r) || r == '@' || r == '#' || r == '$':
			j := i + size
			// hyphen: the word joins a '-', as the inverted pronoun of a
			// French verb does ("dit-il")
			hyphen := false
			for j < len(s) {
				if asciiWord[s[j]] {
					j++ // isWordChar's ASCII case
					continue
				}
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if isWordChar(r2) {
					j += size2
					continue
				}
				// a thousands separator: "3,000 acres", "1,200,000"
				if r2 == ',' && j+4 <= len(s) && isDigits(s[j+1:j+4]) && (j+4 == len(s) || !isWordCharAt(s, j+4)) && isDigits(s[j-1:j]) {
					j += 4
					continue
				}
				// inner punctuation joined to letters: U.S., don’t, co-author, 14th-ranked
				if isInnerPunct(r2) && j+size2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+size2:])
					if isWordChar(r3) {
						hyphen = hyphen || r2 == '-'
						j += size2
						continue
					}
				}
				break
			}
			w := s[i:j]
			// a trailing period belongs to abbreviations and initials
			if j < len(s) && s[j] == '.' {
				// abbreviations and initials keep their period, and so does a
				// word whose period a comma or bracket follows ("R-Neb.,")
				if isAbbrev(w) || j+1 < len(s) && strings.IndexByte(",);", s[j+1]) >= 0 {
					j++
					w = s[i:j]
				}
			}
			// plural possessive: Edmunds' executive
			if j < len(s) && (s[j] == '\'' || s[j] == "’"[0] && strings.HasPrefix(s[j:], "’")) && strings.HasSuffix(w, "s") {
				_, asz := utf8.DecodeRuneInString(s[j:])
				if j+asz >= len(s) || s[j+asz] == ' ' {
					j += asz
					w = s[i:j]
				}
			}
			first, _ := utf8.DecodeRuneInString(w)
			if hyphen {
				if verb, pron, ok := frenchClitic(w); ok {
					// "dit-il": the verb, then its subject
					toks = append(toks, wordToken(verb, unicode.IsUpper(first), low), wordToken(pron, false, low))
					i = j
					continue
				}
			}
			toks = append(toks, wordToken(w, unicode.IsUpper(first), low))
			i = j
		default:
			t := s[i : i+size]
			if r == '-' && strings.HasPrefix(s[i:], "--") {
				t = "--"
			}
			i += len(t)
			if isPunctToken(r) || t == "--" {
				if t == "-" || t == "–" || t == "―" || t == "--" {
					t = "—"
				}
				toks = append(toks, token{kind: tPunct, text: t, lower: t})
			}
		}
	}
	return toks
}

// isInnerPunct is strings.ContainsRune("'’-.&_/@", r): punctuation that
// joins letters into one word.
func isInnerPunct(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', '&', '_', '/', '@':
		return true
	}
	return false
}

// isPunctToken is strings.ContainsRune(",.;:!?()[]—–―-…", r): the
// punctuation kept as tokens.
func isPunctToken(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '—', '–', '―', '-', '…':
		return true
	}
	return false
}

func isAbbrev(w string) bool {
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) // initial: W.
	}
	if strings.Contains(w, ".") {
		return true // U.S., p.m
	}
	var buf [16]byte
	if b, ok := asciiLower(buf[:0], w); ok {
		return abbreviations[string(b)]
	}
	return abbreviations[strings.ToLower(w)]
}

// asciiLower appends the lower-case form of w to b when w is ASCII and
// fits in b's capacity, so that a word is looked up in a word list without
// allocating its lower-case form; ok is false otherwise.
func asciiLower(b []byte, w string) (lower []byte, ok bool) {
	if len(w) > cap(b)-len(b) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}

// endsSentence reports whether quoted text ends with sentence punctuation.
func endsSentence(text string) bool {
	text = strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || r == '”' || r == '’' || r == '\'' || r == ')'
	})
	if text == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// appendSentences appends to out the sentence ranges [from, to) of toks.
func appendSentences(out [][2]int, toks []token) [][2]int {
	start := 0
	for i, t := range toks {
		end := false
		switch t.kind {
		case tPunct:
			end = t.text == "." || t.text == "!" || t.text == "?"
			if end && i+1 < len(toks) && toks[i+1].kind == tPunct && toks[i+1].text == ")" {
				end = false
			}
		case tWord:
			if i+1 < len(toks) && toks[i+1].kind == tWord && toks[i+1].cap && t.in(clsFinalAbbr) {
				end = true
			}
		case tQuote:
			if endsSentence(t.text) && i+1 < len(toks) && (toks[i+1].kind == tQuote || (toks[i+1].kind == tWord && toks[i+1].cap && !attributionFollows(toks, i))) {
				end = true
			}
		}
		if end {
			out = append(out, [2]int{start, i + 1})
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

// attributionFollows reports whether the words right after the quotation at
// i are a short noun phrase and a reporting verb ("Brooke tearfully asked").
func attributionFollows(toks []token, i int) bool {
	if appositiveCue(toks, i+1, len(toks)) >= 0 {
		return true
	}
	for j := i + 1; j < len(toks) && j <= i+7; j++ {
		t := toks[j]
		if t.kind != tWord {
			return false
		}
		if isCue(toks, j) && !cueFormOf(t).participle {
			return j > i+1
		}
	}
	return false
}

// wordCount counts whitespace-separated words that contain a letter or
// digit. Text in Chinese or Japanese script, written without spaces, counts
// one word for every two ideographs or kana.
func wordCount(s string) int { return countWords(s, math.MaxInt) }

// moreWords reports whether wordCount(s) > limit, reading s only as far as
// it takes to tell.
func moreWords(s string, limit int) bool { return countWords(s, limit) > limit }

// countWords is wordCount(s), stopping once the count passes limit (the
// count only grows).
func countWords(s string, limit int) int {
	n, cjk := 0, 0
	for w := range strings.FieldsSeq(s) {
		counted := false
		for _, r := range w {
			// no ideograph or kana comes before U+2E80
			if r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				cjk++
				continue
			}
			if !counted && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				n++
				counted = true
			}
		}
		if n+cjk/2 > limit {
			break
		}
	}
	return n + cjk/2
}

// appositiveCue finds "Name Surname, a long appositive, said" starting at i:
// the index of the reporting verb, or -1.
func appositiveCue(toks []token, i, hi int) int {
	j := i
	for j < hi && j < i+5 && toks[j].kind == tWord && (toks[j].cap || toks[j].particle()) {
		j++
	}
	if j == i || j >= hi || !toks[j].isPunct(",") {
		return -1
	}
	for k := j + 1; k < hi && k < j+30; k++ {
		t := toks[k]
		if t.kind == tQuote && !t.term || t.kind == tPunct && t.text != "," && t.text != "(" && t.text != ")" {
			return -1
		}
		if t.isPunct(",") {
			v := k + 1
			for v < hi && isAdverb(toks[v]) {
				v++
			}
			if v < hi && isCue(toks, v) && !cueFormOf(toks[v]).participle {
				return v
			}
		}
	}
	return -1
}

// isDigits reports whether s is ASCII digits only.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isWordCharAt reports whether the rune at s[i:] is a word character.
func isWordCharAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordChar(r)
}
