package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Filters: quoted stretches that are not direct quotations. Scare quotes and
// borrowed terms are mostly short or unattributed; titles of works are in
// title case; names, nicknames and slogans are used as modifiers
// (`the “one country, two systems” formula`) or announced as such
// (`the slogan …`).

// notQuotation reports whether the quoted stretch at i in the sentence
// toks[lo:hi] is not a direct quotation: a title, a name or slogan, or a
// partial quotation no source is given for.
func notQuotation(toks []token, i, lo, hi int, partial, attributed bool) bool {
	switch {
	case titleCase(toks[i].text):
		return true
	case usedAsName(toks, i, lo, hi), namedAs(toks, i, lo), announced(toks, lo, i), titledWork(toks, i, lo):
		return true
	}
	return partial && !attributed || !attributed && mentionedInSentence(toks, i, hi)
}

// mentionedInSentence reports whether an unattributed quoted stretch with
// no punctuation of its own is a phrase the sentence goes on after, a
// title or heading mentioned rather than words spoken: 'One of the habits –
// “Put first things first”, ensures …'.
func mentionedInSentence(toks []token, i, hi int) bool {
	t := toks[i].text
	if endsClause(t) || moreWords(t, 8) || i > 0 && (toks[i-1].isPunct(",") || toks[i-1].isPunct(":")) {
		return false // 'thinks, “Hey, what a cool idea”, …' is introduced as an utterance
	}
	j := i + 1
	if j < hi && toks[j].isPunct(",") {
		j++
	}
	return j < hi && toks[j].kind == tWord && startsLower(toks[j].text)
}

// minWords is the shortest quotation, in words (the guideline's minimum).
const minWords = 3

// smallWords may stay lower-case in a title.
var smallWords = set("a an the and or but nor for of on in at to by with from as vs via into onto up per over " +
	"di del della dello dei degli delle il lo gli de la le les des du el los las y e et und der die das von van da do dos al")

// titleCase reports whether text reads as the title of a work or a slogan
// ("Takin’ It To the Streets", "Meth. We're On It."): every word but the
// small ones capitalised. Text in capitals is shouting, not a title.
func titleCase(text string) bool {
	content, capped, letters, upper, words := 0, 0, 0, 0, 0
	for w := range strings.FieldsSeq(text) {
		if words++; words > 12 {
			return false
		}
		w = strings.TrimFunc(w, notWordRune)
		if w == "" {
			continue
		}
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		if isSmallWord(w) {
			continue
		}
		if !unicode.IsUpper(r) {
			return false // capped can no longer reach content
		}
		content++
		capped++
	}
	if letters > 0 && upper == letters {
		return false
	}
	return content >= 2 && capped == content
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// isSmallWord reports whether w, folded, is one of smallWords, without
// allocating for the usual short ASCII word.
func isSmallWord(w string) bool {
	var buf [16]byte
	if b, ok := asciiLower(buf[:0], w); ok {
		return smallWords[string(b)] // fold(w) for ASCII
	}
	return smallWords[fold(w)]
}

// isPartial reports whether the quotation at i is embedded in the reporter's
// sentence toks[lo:hi] rather than set off as an utterance.
func isPartial(toks []token, i, lo, hi int) bool {
	t := toks[i]
	if startsLower(t.text) {
		return true
	}
	if i > lo {
		p := toks[i-1]
		if p.kind == tWord && cased(p.text) && !isCue(toks, i-1) {
			return true
		}
	}
	if i+1 < hi {
		n := toks[i+1]
		if n.kind == tWord && startsLower(n.text) && !endsClause(t.text) && !isCue(toks, i+1) {
			return true
		}
	}
	return false
}

// cased reports whether a word is written in a script with letter case
// (Latin, Greek, Cyrillic …); in Korean, Chinese or Arabic text the case of
// the words around a quotation says nothing about it.
func cased(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r) || unicode.IsLower(r)
		}
	}
	return false
}

func endsClause(text string) bool {
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune(",.!?;:…—-", r)
}

// usedAsName reports whether the quotation at i is a name or title used as a
// modifier: after a determiner or possessive and before a noun
// (`the “one country, two systems” formula`, `South Dakota’s “…” ad campaign`).
func usedAsName(toks []token, i, lo, hi int) bool {
	if i-1 < lo || i+1 >= hi {
		return false
	}
	p, n := toks[i-1], toks[i+1]
	if endsClause(toks[i].text) || isDeterminer(n.lower) || n.pronoun() {
		return false
	}
	if p.kind != tWord || !(isDeterminer(p.lower) || p.possessive()) {
		return false
	}
	return n.kind == tWord && !n.cap && !functionWords[n.lower] && !isCue(toks, i+1)
}

// announced reports whether words before the quotation in toks[lo:i] name
// it as a slogan, tagline, nickname or title.
func announced(toks []token, lo, i int) bool {
	for j := lo; j < i; j++ {
		if toks[j].kind == tWord && slogansWords[toks[j].bare()] {
			return true
		}
	}
	return false
}

var beForms = set("is was are were be been being")

// namedAs reports whether the quotation at i follows a naming verb: "has
// been called “…”", "dubbed “…”", "known as “…”", "nicknamed “…”".
func namedAs(toks []token, i, lo int) bool {
	for j := i - 1; j >= lo && j >= i-3; j-- {
		t := toks[j]
		if t.kind != tWord {
			return false
		}
		switch t.lower {
		case "dubbed", "nicknamed", "titled", "entitled", "named", "renamed", "branded", "labelled", "labeled":
			return true
		case "as":
			return j-1 >= lo && toks[j-1].is("known", "referred", "billed", "branded", "dubbed")
		case "called":
			return j-1 >= lo && (beForms[toks[j-1].lower] || toks[j-1].is("so-", "often", "sometimes", "also", "commonly"))
		}
	}
	return false
}

// workNouns name works and campaigns whose titles follow them in marks.
var workNouns = set("song songs album albums single film films movie movies book books novel novels memoir show shows series sitcom play musical poem poems episode podcast documentary painting exhibition exhibit campaign slogan hashtag programme initiative operation headline titled entitled")

// titledWork reports whether the quotation at i follows the noun of a work
// ("the song “…”", "her memoir “…”"), unless that noun is the object of a
// reporting verb ("told the podcast “…”").
func titledWork(toks []token, i, lo int) bool {
	if i-1 < lo || toks[i-1].kind != tWord || !workNouns[toks[i-1].lower] {
		return false
	}
	for j := i - 2; j >= lo && j >= i-4; j-- {
		if isCue(toks, j) {
			return false
		}
	}
	return true
}
