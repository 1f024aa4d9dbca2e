package quotes

import (
	"strings"
	"unicode"
)

// Attribution: finding the reporting verb (the cue) for a quotation and the
// noun phrase that names its source. Three places are tried, in order:
//
//  1. an introducer right before the quote: `X said: “…”`, `telling Cook, “…”`;
//  2. the rest of its sentence after it: `“…,” X said`, `“…,” said X, …`;
//  3. a reporting verb earlier in its sentence: `X said that Y was “…”`.
//
// Every walk is bounded by the sentence and by a fixed token budget.

// maxNP bounds the length of a noun phrase walk.
const maxNP = 14

// maxScan bounds the search for a reporting verb before or after a
// quotation, in tokens.
const maxScan = 80

// attribution is what was found for one quotation.
type attribution struct {
	cue   string  // reporting verb or phrase as written; ":" for a bare colon
	np    []token // the source's noun phrase as written
	appos []token // an appositive beside it (", deputy …, said")
	found bool
}

// cueFormOf returns the cue form of t (the zero form when t is not a cue).
func cueFormOf(t token) cueForm { return cueForms[t.lower] }

// isCue reports whether toks[j] is a reporting verb as used here.
func isCue(toks []token, j int) bool {
	t := toks[j]
	if t.kind != tWord || t.cls&clsCueOrAccording == 0 {
		return false // most words: one lookup
	}
	if _, ok := accordingWords[t.lower]; ok {
		return isAccording(toks, j)
	}
	f, ok := cueForms[t.lower]
	if !ok || t.cap {
		return false
	}
	if f.foreign && !foreignNounLike[t.lower] {
		return true // no English noun or passive to rule out
	}
	if part, ok := cueParticles[t.lower]; ok {
		if j+1 >= len(toks) || toks[j+1].lower != part {
			return false
		}
	}
	if j > 0 && toks[j-1].kind == tWord && (articles[toks[j-1].lower] || toks[j-1].possessive()) {
		return false // "Epstein’s alleged ring", "the stated aim"
	}
	if k := j - 1; k >= 0 && !cueFormOf(t).participle && (strings.HasSuffix(t.lower, "ed") || t.is("told", "said", "written", "shown")) {
		for k >= 0 && k > j-3 && isAdverb(toks[k]) && !beForms[toks[k].lower] {
			k--
		}
		if k >= 0 && toks[k].kind == tWord && beForms[toks[k].lower] {
			return false // passive: "investors were promised", "he was told"
		}
	}
	if namingVerb[t.lower] && j+1 < len(toks) && toks[j+1].kind == tWord && toks[j+1].cap {
		// "a group called Harlow Talks": naming, unless a quotation
		// follows the object ("called Smith “a liar”")
		quoteNear := false
		for k := j + 2; k < len(toks) && k <= j+4; k++ {
			quoteNear = quoteNear || toks[k].kind == tQuote && !toks[k].term
		}
		if !quoteNear {
			return false
		}
	}
	// "calls it “…”": the verb, with its object before the quotation
	verbObj := j+2 < len(toks) && toks[j+1].is("it", "them", "this", "that", "him", "her") && toks[j+2].kind == tQuote && !toks[j+2].term
	if (nounLike[t.lower] || foreignNounLike[t.lower]) && !verbObj {
		if j == 0 {
			return false
		}
		p := toks[j-1]
		switch {
		case p.kind == tQuote && !p.term, p.isPunct(",") && j >= 2 && toks[j-2].kind == tQuote:
		case p.kind == tWord && p.pronoun() && !p.isDet():
		case p.kind == tWord && p.cap && !p.isDet() && !p.possessive() &&
			(j < 2 || toks[j-2].kind != tWord || !(toks[j-2].isDet() || toks[j-2].possessive() || toks[j-2].in(clsPrep))):
		default:
			return false
		}
	}
	return true
}

// namingVerb forms name things as well as quote their description.
var namingVerb = set("call calls called calling")

// objectClitics are the object pronouns of Romance languages, set before
// their verb: "la calificó de “…”", "lo definisce".
var objectClitics = set("la le lo les los las l' l’ gli lui les leur se me te nos")

// cueText is the cue as written, with its particle ("weighed in").
func cueText(toks []token, j int) string {
	if isAccording(toks, j) {
		return accordingText(toks, j)
	}
	if cueFormOf(toks[j]).foreign && j > 0 && foreignAux[toks[j-1].lower] {
		return toks[j-1].text + " " + toks[j].text // "a déclaré"
	}
	if _, ok := cueParticles[toks[j].lower]; ok && j+1 < len(toks) {
		return toks[j].text + " " + toks[j+1].text
	}
	return toks[j].text
}

// cueEnd is the index just past the cue at j (and its particle).
func cueEnd(toks []token, j int) int {
	if isAccording(toks, j) {
		return accordingSource(toks, j)
	}
	if _, ok := cueParticles[toks[j].lower]; ok {
		return j + 2
	}
	return j + 1
}

func pronounOf(t token) string {
	l := t.lower
	if k := strings.IndexByte(l, '\''); k > 0 {
		l = l[:k]
	}
	if e, ok := foreignPronouns[l]; ok && !(t.cap && (l == "lei" || l == "lui" || l == "ele" || l == "ela")) {
		return e // "Lei" is also a given name
	}
	return l
}

func isAdverb(t token) bool {
	return t.kind == tWord && !t.cap && (strings.HasSuffix(t.lower, "ly") && len(t.lower) > 4 || t.in(clsAux))
}

func isBoundary(t token) bool {
	switch t.kind {
	case tPunct:
		return true
	case tQuote:
		return !t.term
	}
	return false
}

// walkLeft collects the subject noun phrase ending just before the verb at v,
// not going below lo. A comma right before the verb marks an appositive
// (`X, deputy minister, said`), which is returned apart.
func walkLeft(toks []token, v, lo int) (np, appos []token) {
	j := v - 1
	foreign := cueFormOf(toks[v]).foreign
	for j >= lo && (isAdverb(toks[j]) || foreign && (foreignAux[toks[j].lower] || foreignAdverbs[toks[j].lower] || objectClitics[toks[j].lower] && !toks[j].cap)) {
		j--
	}
	// "Rep. Ann Lee (D-Calif.) said": skip a parenthesis before the verb
	if j >= lo && toks[j].isPunct(")") {
		k := j - 1
		for k >= lo && k > j-12 && !toks[k].isPunct("(") && !(toks[k].kind == tQuote && !toks[k].term) {
			k--
		}
		if k >= lo && toks[k].isPunct("(") {
			j = k - 1
		}
	}
	if j >= lo && toks[j].kind == tWord && toks[j].pronoun() {
		return toks[j : j+1], nil
	}
	if j >= lo && toks[j].is("to") {
		return nil, nil // an infinitive has no subject of its own
	}
	if j >= lo && toks[j].isPunct(",") {
		end := j
		c := prevComma(toks, j, lo)
		// ", Inc.," closes a company's name inside the appositive
		if c >= 0 && c+2 == end && corpSuffixes[toks[c+1].bare()] {
			c = prevComma(toks, c, lo)
		}
		if c < 0 {
			return nil, nil
		}
		appos = toks[c+1 : end]
		j = c - 1
	}
	np, start := npLeft(toks, j, lo)
	// "Cmdr. Sean Robertson, a spokesperson for X, the operation against Y,
	// told": step back over one more appositive to reach the name
	if len(appos) > 0 && !appos[0].in(clsClause) && len(readNP(np).name) == 0 && start-1 > lo && toks[start-1].isPunct(",") {
		if np2, _ := npLeft(toks, start-2, lo); hasRun(np2) && !startsWithPrep(np2) && !np2[0].in(clsPrep) {
			return np2, np
		}
	}
	// "He instead told": a pronoun with trailing adverbs
	if len(np) > 1 && np[0].kind == tWord && np[0].pronoun() && !hasRun(np[1:]) {
		return np[:1], appos
	}
	return np, appos
}

// npLeft walks a noun phrase leftwards from its last token at e; it returns
// the phrase and its start index.
func npLeft(toks []token, e, lo int) ([]token, int) {
	j := e
	for j >= lo && e-j < maxNP {
		t := toks[j]
		if isBoundary(t) || t.kind == tWord && (t.in(clsClause) || !t.cap && t.in(clsAux)) || isCueWord(t) {
			// "the singer and guitarist": and between two lower-case nouns
			if t.lower == "and" && j-1 >= lo && toks[j-1].kind == tWord && !toks[j-1].cap &&
				!toks[j-1].in(clsClause|clsAux) && !isCueWord(toks[j-1]) && j < e {
				j--
				continue
			}
			break
		}
		j--
	}
	if e < j+1 {
		return nil, j + 1
	}
	return toks[j+1 : e+1], j + 1
}

func isCueWord(t token) bool {
	return t.kind == tWord && !t.cap && t.cls&clsCueForm != 0
}

// cueOrAccording holds the words of cueForms and accordingWords, so that
// isCue rejects other words with one lookup.
var cueOrAccording = func() map[string]bool {
	m := make(map[string]bool, len(cueForms)+len(accordingWords))
	for w := range cueForms {
		m[w] = true
	}
	for w := range accordingWords {
		m[w] = true
	}
	return m
}()

func isHardStop(t token) bool {
	return t.kind == tQuote && !t.term || t.kind == tPunct && (t.text == "." || t.text == ";" || t.text == ":" || t.text == "!" || t.text == "?")
}

// rightStops end a noun phrase that follows its verb ("said X in a statement").
var rightStops = set("in on at during via to from with for after before by about who which that whose when while as and but because since though although monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later last this recently previously separately also")

// walkRight collects the noun phrase that follows an inverted verb
// ("…,” said Hill, who …"), and an appositive after it when the phrase holds
// no name ("said another witness, former adviser Fiona Hill").
func walkRight(toks []token, from, hi int) (np, appos []token) {
	// "assure-t-on dans l’entourage du ministre": the people around someone
	if from+2 < hi && from > 0 && toks[from].lower == "on" && cueFormOf(toks[from-1]).foreign && toks[from+1].is("dans", "chez", "à", "au", "auprès") {
		from += 2
	}
	if from < hi && toks[from].kind == tWord && toks[from].in(clsPrep) {
		return nil, nil // "… announced in October"
	}
	j := from
	for j < hi && j-from < maxNP {
		t := toks[j]
		// a lower-case word after a name ends the phrase unless it is a
		// source noun ("said Sergei Lavrov to reporters", "министр Сергей
		// Лавров журналистам")
		if j > from && t.kind == tWord && !t.cap && toks[j-1].kind == tWord && toks[j-1].cap && !toks[j-1].possessive() &&
			hasRun(toks[from:j]) && !t.particle() && !t.in(clsHeadStop) && !isNounHead(t.bare()) && !isRole(t.bare()) && !nameSuffixes[t.lower] {
			break
		}
		if isBoundary(t) || t.kind == tWord && !t.cap && (rightStops[t.lower] || foreignStops[t.lower]) && j > from && !(t.is("for", "at", "with") && !hasRun(toks[from:j])) ||
			isCueWord(t) && !(j > from && articles[toks[j-1].lower]) {
			break
		}
		j++
	}
	np = toks[from:j]
	if hasRun(np) && (len(readNP(np).name) > 0 || j >= hi || !toks[j].isPunct(",")) {
		// "sagte der Ehrenvorsitzende von Pro Bahn, Karl-Peter Naumann": a
		// description, then the name set off after it
		if j < hi && toks[j].isPunct(",") && !np[0].cap {
			if e := nameEnd(toks, j+1, hi); e > j+1 {
				return np, toks[j+1 : e]
			}
		}
		return np, nil
	}
	if !hasRun(np) {
		// "заявил на церемонии открытия заместитель мэра по вопросам …
		// Андрей Бочкарёв": a role with phrases after it, then the name
		if s, e := roleName(toks, j, hi); e > s {
			return np, toks[s:e]
		}
	}
	// skip to the next comma and take what follows it
	k := j
	for k < hi && k < j+12 && !toks[k].isPunct(",") && !isHardStop(toks[k]) {
		k++
	}
	if k < hi && toks[k].isPunct(",") {
		s := k + 1
		e := s
		for e < hi && e-s < maxNP && !isBoundary(toks[e]) && !(toks[e].kind == tWord && !toks[e].cap && toks[e].in(clsClause)) {
			e++
		}
		appos = toks[s:e]
	}
	return np, appos
}

// nameEnd is the end of a name of two or more words starting at s that
// closes its clause, or s.
func nameEnd(toks []token, s, hi int) int {
	e := s
	for e < hi && e-s < 6 && toks[e].kind == tWord && (toks[e].cap || e > s && toks[e].particle()) {
		e++
	}
	if e-s < 2 || !toks[e-1].cap || e < hi && !isBoundary(toks[e]) || !pureName(toks[s:e]) || containsOrg(toks[s:e]) {
		return s
	}
	return e
}

// roleName finds, from j, a person's name that closes the clause after the
// role words and phrases of the source ("… мэра по вопросам
// градостроительной политики Андрей Бочкарёв"). The word before the name
// must be lower-case and no preposition ("in New York" is a place).
func roleName(toks []token, j, hi int) (int, int) {
	for k := j; k < hi && k < j+16; k++ {
		t := toks[k]
		if isBoundary(t) || isCue(toks, k) {
			return 0, 0
		}
		if t.kind != tWord || !t.cap {
			continue
		}
		p := toks[k-1]
		if p.kind != tWord || p.cap || p.in(clsPrep) || rightStops[p.lower] || foreignStops[p.lower] || p.in(clsHeadStop) || articles[p.lower] {
			return 0, 0
		}
		if e := nameEnd(toks, k, hi); e > k {
			return k, e
		}
		return 0, 0
	}
	return 0, 0
}

// attribute finds the cue and source for the quotation token at q in the
// sentence toks[lo:hi]. A verb introducing the quotation wins, then one
// after it, then a bare colon before it, then a verb earlier in the sentence.
func attribute(toks []token, q, lo, hi int) attribution {
	intro := introducer(toks, q, lo)
	if intro.found && intro.cue != ":" {
		return intro
	}
	if a := after(toks, q, hi); a.found {
		return a
	}
	if intro.found {
		return intro // a bare colon
	}
	return earlier(toks, q, lo)
}

// introducer: `X said: “…”`, `she added, “…”`, `…,” comments X, “…”`.
func introducer(toks []token, q, lo int) attribution {
	if q-1 < lo || !(toks[q-1].isPunct(",") || toks[q-1].isPunct(":") || toks[q-1].isPunct("—")) {
		return attribution{}
	}
	colon := toks[q-1].isPunct(":")
	// the clause before the punctuation
	s := q - 2
	for s >= lo && q-2-s < 10 && !isBoundary(toks[s]) {
		s--
	}
	for j := q - 2; j > s; j-- {
		if !isCue(toks, j) {
			continue
		}
		return verbSource(toks, j, s+1, lo, q)
	}
	if colon {
		np, appos := walkLeft(toks, q-1, lo)
		if !sourceLike(np) && !sourceLike(appos) {
			// "Buckley, who …, had a similar experience: “…”": the
			// sentence's subject, when it names someone
			if snp, sap := sentenceSubject(toks, lo, q-1); hasRun(snp) && pureName(snp) || len(sap) > 0 && pureName(sap) && len(readNP(snp).name) == 0 {
				return attribution{cue: ":", np: snp, appos: sap, found: true}
			}
		}
		return attribution{cue: ":", np: np, appos: appos, found: sourceLike(np) || sourceLike(appos)}
	}
	return attribution{}
}

// verbSource builds the attribution for the cue at j in a clause starting at
// cs (sentence from lo), for the quotation at q.
func verbSource(toks []token, j, cs, lo, q int) attribution {
	a := attribution{cue: cueText(toks, j), found: true}
	if isAccording(toks, j) {
		a.np, a.appos = accordingNP(toks, cueEnd(toks, j), q)
		a.found = len(a.np) > 0
		return a
	}
	if cueFormOf(toks[j]).participle {
		a.np, a.appos = clauseSubject(toks, j, lo)
		return a
	}
	// inverted: the verb opens its clause right after a quotation (after
	// its auxiliary: "« … », a déclaré X")
	v := j
	if cueFormOf(toks[j]).foreign && j-1 >= lo && j-1 == cs && foreignAux[toks[j-1].lower] {
		v = j - 1
	}
	if v == cs && v-1 >= lo && (toks[v-1].kind == tQuote || toks[v-1].isPunct(",") && v-2 >= lo && toks[v-2].kind == tQuote && !toks[v-2].term) {
		a.np, a.appos = walkRight(toks, cueEnd(toks, j), q)
		return a
	}
	a.np, a.appos = walkLeft(toks, j, lo)
	if len(a.np) == 0 && len(a.appos) == 0 {
		a.np, a.appos = fallbackSubject(toks, j, lo)
	}
	return a
}

// fallbackSubject handles a verb whose subject is not right before it:
// coordinated ("accused X and warned that"), relative ("reports that
// depicted"), or after a subordinate clause.
func fallbackSubject(toks []token, j, lo int) (np, appos []token) {
	k := j - 1
	for k >= lo && isAdverb(toks[k]) {
		k--
	}
	if k >= lo && toks[k].is("that", "which", "who") {
		// the nearest name to the left
		for m := k - 1; m >= lo && m > k-20; m-- {
			if isBoundary(toks[m]) && !toks[m].isPunct(",") {
				break
			}
			if toks[m].kind == tWord && toks[m].cap && !toks[m].in(clsStarter) {
				e := m + 1
				s := m
				for s-1 >= lo && (toks[s-1].kind == tWord && (toks[s-1].cap || joinsRun(toks, s-1))) {
					s--
				}
				return toks[s:e], nil
			}
		}
		return nil, nil
	}
	return clauseSubject(toks, j, lo)
}

// clauseSubject is the subject of the clause holding the verb at j: the
// subject of an earlier finite reporting verb in the sentence, else the
// sentence's opening noun phrase.
func clauseSubject(toks []token, j, lo int) (np, appos []token) {
	for k := lo; k < j; k++ {
		if isCue(toks, k) && !cueFormOf(toks[k]).participle && !isAccording(toks, k) {
			np, appos = walkLeft(toks, k, lo)
			if len(np) > 0 {
				return np, appos
			}
		}
	}
	return sentenceSubject(toks, lo, j)
}

// sentenceSubject is the noun phrase opening the sentence toks[lo:hi], after
// a leading adverbial ("In May, …", "Yet …").
func sentenceSubject(toks []token, lo, hi int) (np, appos []token) {
	s := lo
	for round := 0; round < 3 && s < hi; round++ {
		t := toks[s]
		if t.kind != tWord || !t.in(clsStarter|clsTime) || t.isDet() || t.pronoun() {
			break
		}
		// skip an opening adverbial up to its comma, or the single word
		c := s
		for c < hi && c < s+12 && !toks[c].isPunct(",") && !isHardStop(toks[c]) {
			c++
		}
		switch {
		case c < hi && c < s+12 && toks[c].isPunct(","):
			s = c + 1
		case t.in(clsPrep):
			return nil, nil // "In a post at the time she described …": unknown
		default:
			s++
		}
	}
	e := s
	sawRun := false
	for e < hi && e-s < maxNP {
		t := toks[e]
		if isBoundary(t) || t.kind == tWord && !t.cap && (t.in(clsClause|clsAux) || isCueWord(t)) {
			break
		}
		if t.kind == tWord && t.pronoun() && e == s && !italianArticle(toks, e, hi) {
			e++
			break
		}
		if t.kind == tWord && !t.cap && sawRun && !t.possessive() && !t.particle() && !isNounHead(t.bare()) {
			break // "Swift got …": a lower-case word after a name is the verb
		}
		if t.kind == tWord && !t.cap && e > s && strings.HasSuffix(t.lower, "ed") && toks[e-1].kind == tWord && !articles[toks[e-1].lower] && !isAdverb(toks[e-1]) {
			break // "The campaign video featured …"
		}
		if t.kind == tWord && t.cap && !(e == s && (t.in(clsStarter) || italianArticle(toks, e, hi))) {
			sawRun = true
		}
		if t.possessive() {
			sawRun = false
		}
		e++
	}
	np = toks[s:e]
	if e < hi && toks[e].isPunct(",") {
		// "The company that runs the AMAs, Dick Clark Productions, denies"
		f := e + 1
		for f < hi && f-e < maxNP+6 {
			if toks[f].isPunct("(") {
				// "filmmaker Charlie McDowell (“The Discovery”),"
				k := f + 1
				for k < hi && k < f+12 && !toks[k].isPunct(")") {
					k++
				}
				if k < hi && toks[k].isPunct(")") {
					f = k + 1
					continue
				}
			}
			if isBoundary(toks[f]) {
				break
			}
			f++
		}
		if f < hi && toks[f].isPunct(",") {
			appos = toks[e+1 : f]
		}
	}
	return np, appos
}

// italianArticle reports whether "il" at k is the Italian article before a
// role or name ("Il ministro …"), not the French pronoun.
func italianArticle(toks []token, k, hi int) bool {
	if toks[k].lower != "il" || k+1 >= hi || toks[k+1].kind != tWord {
		return false
	}
	n := toks[k+1]
	return n.cap || isRole(n.bare()) || isNounHead(n.bare())
}

// after: the rest of the sentence after the quotation.
func after(toks []token, q, hi int) attribution {
	i := q + 1
	for i < hi && (toks[i].isPunct(",") || toks[i].isPunct("—")) {
		i++
	}
	if i >= hi {
		return attribution{}
	}
	// “…” — Neil Gaiman: an epigraph's source after a dash
	if toks[i-1].isPunct("—") && i == q+1+countPunct(toks, q+1, i) && !isCue(toks, i) {
		e := i
		for e < hi && e < i+maxNP && toks[e].kind == tWord {
			e++
		}
		if e > i && (e == hi || toks[e].kind == tPunct) && hasRun(toks[i:e]) && toks[e-1].cap {
			return attribution{cue: "—", np: toks[i:e], found: true}
		}
	}
	tight := endsSentence(toks[q].text)
	split := strings.HasSuffix(strings.TrimSpace(toks[q].text), ",") || toks[q+1].isPunct(",")
	// inverted after an auxiliary: "« … », a déclaré X", "« … », a-t-il dit"
	if foreignAux[toks[i].lower] && i+1 < hi {
		if isCue(toks, i+1) && cueFormOf(toks[i+1]).foreign {
			a := attribution{cue: cueText(toks, i+1), found: true}
			a.np, a.appos = walkRight(toks, cueEnd(toks, i+1), hi)
			if len(a.np) > 0 || len(a.appos) > 0 {
				return a
			}
			if e := cueEnd(toks, i+1); e >= hi || isHardStop(toks[e]) {
				return a // "«…», ha dichiarato.": the subject is dropped
			}
			return attribution{}
		}
		if i+2 < hi && toks[i+1].kind == tWord && toks[i+1].pronoun() && isCue(toks, i+2) && cueFormOf(toks[i+2]).foreign {
			return attribution{cue: cueText(toks, i+2), np: toks[i+1 : i+2], found: true}
		}
	}
	// German "„…“, so Müller": the source closes the sentence
	if toks[i].lower == "so" && toks[i-1].isPunct(",") {
		np, _ := walkRight(toks, i+1, hi)
		if e := i + 1 + len(np); hasRun(np) && (e >= hi || isHardStop(toks[e])) {
			return attribution{cue: toks[i].text, np: np, found: true}
		}
	}
	// inverted: “…,” said X
	if isCue(toks, i) && !cueFormOf(toks[i]).participle && !isAccording(toks, i) {
		a := attribution{cue: cueText(toks, i), found: true}
		a.np, a.appos = walkRight(toks, cueEnd(toks, i), hi)
		if len(a.np) > 0 || len(a.appos) > 0 {
			return a
		}
		// “… the little deal” announced in October, said X: read on
	}
	// a quotation ending a sentence takes only a verb close after it, or
	// after a name and its appositive
	limit := i + 7
	if v := appositiveCue(toks, i, hi); v >= 0 {
		limit = v
	}
	for j := i; j < hi && j < i+maxScan; j++ {
		t := toks[j]
		if t.isPunct("(") {
			// skip a parenthesis: "Ann Lee (D-Calif.) said"
			k := j + 1
			for k < hi && k < j+12 && !toks[k].isPunct(")") && !(toks[k].kind == tQuote && !toks[k].term) {
				k++
			}
			if k < hi && toks[k].isPunct(")") {
				j = k
				continue
			}
		}
		if isHardStop(t) {
			return attribution{}
		}
		if tight && j > limit {
			return attribution{}
		}
		if !isCue(toks, j) {
			continue
		}
		// a cue between the halves of a split quotation serves both
		if !split && introducesNext(toks, j, hi) {
			return attribution{}
		}
		if isAccording(toks, j) {
			if j > i+10 {
				continue // "… según sus normas religiosas": too far to be the source
			}
			np, appos := accordingNP(toks, cueEnd(toks, j), hi)
			return attribution{cue: cueText(toks, j), np: np, appos: appos, found: len(np) > 0}
		}
		if cueFormOf(t).participle {
			continue
		}
		np, appos := walkLeft(toks, j, q+1)
		if len(appos) > 0 {
			// “…,” Dylan Nelson, a fellow at X in Munich, Germany, and co-author, said
			k := i
			for k < j && !toks[k].isPunct(",") {
				k++
			}
			if seg := toks[i:k]; k < j && (pureName(seg) || hasRun(seg) && seg[len(seg)-1].cap) && (len(np) == 0 || &np[0] != &toks[i]) {
				np, appos = seg, nil
			}
		}
		if len(np) == 0 && len(appos) == 0 && toks[j-1].isPunct(",") {
			// "… despite being the envoy, said another witness, …"
			np, appos = walkRight(toks, cueEnd(toks, j), hi)
		}
		if len(np) == 0 && len(appos) == 0 {
			continue
		}
		return attribution{cue: cueText(toks, j), np: np, appos: appos, found: true}
	}
	return attribution{}
}

// introducesNext reports whether the cue at j is followed, after optional
// words of its clause and a comma or colon, by another quotation: then it is
// that quotation's cue.
func introducesNext(toks []token, j, hi int) bool {
	for k := cueEnd(toks, j); k < hi && k < j+8; k++ {
		t := toks[k]
		if t.kind == tQuote && !t.term {
			return toks[k-1].isPunct(",") || toks[k-1].isPunct(":") || k == cueEnd(toks, j)
		}
		if isHardStop(t) || isCue(toks, k) {
			return false
		}
	}
	return false
}

// earlier: a reporting verb earlier in the sentence (`X said that Y was “…”`).
func earlier(toks []token, q, lo int) attribution {
	for j := q - 1; j >= lo && j > q-maxScan; j-- {
		t := toks[j]
		if t.kind == tPunct && (t.text == ":" || t.text == ";") {
			break
		}
		if a := nounCue(toks, j, q); a.found {
			return a
		}
		if !isCue(toks, j) || cueNeedsQuoteFar(toks, j, q) {
			continue
		}
		if isAccording(toks, j) {
			np, appos := accordingNP(toks, cueEnd(toks, j), q)
			if len(np) == 0 {
				continue
			}
			return attribution{cue: cueText(toks, j), np: np, appos: appos, found: true}
		}
		return verbSource(toks, j, -1, lo, q)
	}
	return attribution{}
}

// cueNeedsQuoteFar: weak cues ("called", "views", "introduced") count only
// close to the quotation.
func cueNeedsQuoteFar(toks []token, j, q int) bool {
	return cueNeedsQuote[toks[j].lower] && q-j > 8
}

// hasRun reports whether toks hold a capitalised name.
func hasRun(toks []token) bool {
	for i, t := range toks {
		if t.kind == tWord && t.cap && !t.noName && !(i == 0 && t.in(clsStarter)) && !t.pronoun() {
			return true
		}
	}
	return false
}

func joinsRun(toks []token, i int) bool {
	return toks[i].kind == tWord && !toks[i].cap && toks[i].particle()
}

// startsLower reports whether quoted text begins with a lower-case letter
// (after brackets, ellipses and spaces): a partial quotation.
func startsLower(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return false
}

// isNounHead reports whether a lower-case word is a known head noun for a
// source ("Border agents", "Commerzbank analyst").
func isNounHead(w string) bool {
	return wordClasses.get(w)&clsNounHead != 0 // personNouns, roleNouns, orgNouns, docNouns, surveyNouns
}

var articles = set("the a an its their his her our your my")

// sourceLike reports whether a phrase can name the source of a quotation
// introduced by a bare colon: a name, a pronoun or a person or body noun.
func sourceLike(np []token) bool {
	if len(np) == 0 {
		return false
	}
	if hasRun(np) {
		return true
	}
	last := np[len(np)-1]
	return last.kind == tWord && (last.pronoun() && len(np) == 1 || isNounHead(last.bare()) || personNouns[strings.TrimSuffix(last.bare(), "s")])
}

// corpSuffixes end a company's name after a comma ("Dräger, Inc.").
var corpSuffixes = set("inc inc. ltd ltd. llc plc corp corp. co co. gmbh ag sa s.a. nv bv")

func countPunct(toks []token, from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		if toks[k].kind == tPunct {
			n++
		}
	}
	return n
}

// prevComma is the index of the comma before j in the same clause (at most
// 30 tokens back), or -1.
func prevComma(toks []token, j, lo int) int {
	for c := j - 1; c >= lo && c > j-30; c-- {
		if toks[c].isPunct(",") {
			return c
		}
		if isHardStop(toks[c]) {
			break
		}
	}
	return -1
}

// speechNouns report words: "directives from Xi to “…”", "a statement by
// the ministry that “…”".
var speechNouns = set("directive directives order orders instruction instructions remark remarks comment comments words statement message letter tweet post warning pledge promise vow demand appeal plea call testimony speech address")

// nounCue finds a speech noun and its source close before the quotation at
// q, at j: "directives from NAME", "NAME's remarks".
func nounCue(toks []token, j, q int) attribution {
	t := toks[j]
	if q-j > 8 || t.kind != tWord {
		return attribution{}
	}
	if t.is("from", "by") && j > 0 && speechNouns[toks[j-1].bare()] {
		np, _ := walkRight(toks, j+1, q)
		if hasRun(np) {
			return attribution{cue: toks[j-1].text, np: np, found: true}
		}
	}
	if speechNouns[t.bare()] && j > 0 && toks[j-1].possessive() && toks[j-1].cap {
		s := j - 1
		for s > 0 && toks[s-1].kind == tWord && toks[s-1].cap && !toks[s-1].possessive() {
			s--
		}
		return attribution{cue: t.text, np: toks[s:j], found: true}
	}
	return attribution{}
}

// accordingNP is the source after "according to": its noun phrase, and a
// name set off after it ("Segundo o ministro da Fazenda, Fernando Haddad,
// …"); what follows a comma is otherwise the main clause.
func accordingNP(toks []token, from, hi int) (np, appos []token) {
	np, appos = walkRight(toks, from, hi)
	if len(appos) > 0 && (!pureName(appos) || len(readNP(appos).name) == 0) {
		appos = nil
	}
	return np, appos
}

// innerAttribution finds the narrator's words set between dashes inside
// the quotation marks, as Russian prose does: "«…, – пожаловалась
// Поризкова. — …»".
func innerAttribution(text string) attribution {
	if !strings.ContainsAny(text, "–—") {
		return attribution{}
	}
	toks := appendWords(nil, text)
	for k := 1; k+2 < len(toks); k++ {
		if !toks[k].isPunct("—") || toks[k-1].kind != tPunct || !isCue(toks, k+1) || !cueFormOf(toks[k+1]).foreign {
			continue
		}
		np, _ := walkRight(toks, k+2, len(toks))
		if hasRun(np) || len(np) == 1 && np[0].pronoun() {
			return attribution{cue: toks[k+1].text, np: np, found: true}
		}
	}
	return attribution{}
}
