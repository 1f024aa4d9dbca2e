// Package quotes finds direct quotations and their speakers in paragraphs of
// news text. It works on plain text, so other programs can use it without
// byline's HTML pipeline.
//
// Files by concern:
//
//   - marks.go: quotation mark pairing ("…", “…”, ‘…’, «…», „…“, ‹…›, 「…」),
//     apostrophes and inch marks told apart, nested and multi-paragraph quotes.
//   - text.go: tokens and sentences of the prose around the quotations.
//   - attribution.go: reporting verbs (cues) and the noun phrase of the source,
//     before, after or inside the quotation.
//   - coref.go: names collected from the whole article; "he", "Gatilov", "the
//     ministry" resolved to the most complete name.
//   - filter.go: what is not a quotation (titles, slogans, names, scare quotes).
//   - lexicon.go, names.go: the word lists (reporting verbs, titles,
//     organisation words, given names by gender).
//   - languages.go: French, Spanish, Italian, Portuguese, German and Russian
//     reporting verbs, "according to" phrases ("selon", "laut", "по
//     словам"), compound tenses ("a déclaré"), pronouns, titles and roles.
//
// Find reads plain paragraphs; FindWith also takes what the caller knows of
// the markup (block quotations, pull quotes). Both are safe for concurrent
// use: they keep no state between calls.
package quotes

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Quote is one direct quotation. Its json tags are part of byline's output
// schema.
type Quote struct {
	// Text is the quoted words without the outer quotation marks, exactly as
	// in the paragraph.
	Text string `json:"text"`
	// Speaker is the most complete name the article gives for the source;
	// nil (JSON null) when the article does not say.
	Speaker *string `json:"speaker"`
	// SpeakerMention is the words at the attribution point when they differ
	// from Speaker ("he", "Gatilov", "the minister").
	SpeakerMention string `json:"speaker_mention,omitempty"`
	// Cue is the attribution verb or phrase ("said", "according to", ":").
	// It is empty for a sentence that follows an attributed one and for a
	// paragraph that continues a quotation.
	Cue string `json:"cue,omitempty"`
	// Paragraph is the index (from 0) of the paragraph where the quote starts.
	Paragraph int `json:"paragraph"`
}

// Find returns the direct quotations in paragraphs, in reading order. It
// never returns nil.
func Find(paragraphs []string) []Quote {
	return FindWith(paragraphs, nil)
}

// Kind tells FindWith what a paragraph is, when the caller knows the markup.
type Kind uint8

const (
	// Prose is an ordinary paragraph (the zero value).
	Prose Kind = iota
	// Blockquote is a paragraph set off as a quotation (<blockquote>): its
	// whole text is a quotation even without quotation marks.
	Blockquote
	// PullQuote is a display copy of words from the body (a pull quote or
	// aside). It is skipped when the body repeats its words, and otherwise
	// read as a Blockquote.
	PullQuote
)

// Options adjusts FindWith. A nil or zero Options gives Find's behaviour.
type Options struct {
	// Kinds gives the kind of each paragraph by index; paragraphs past its
	// end are Prose.
	Kinds []Kind
}

// FindWith is Find for callers that know which paragraphs are block
// quotations or pull quotes.
func FindWith(paragraphs []string, opts *Options) []Quote {
	var kinds []Kind
	if opts != nil {
		kinds = opts.Kinds
	}
	a := newArticle(paragraphs, kinds)
	if a == nil {
		return []Quote{}
	}
	a.attributeAll()
	q := a.result()
	a.release() // the result holds no token, entity or event
	return q
}

// articlePool recycles the articles of finished calls, emptied, for their
// buffers and indexes: the tokens, sentences, name runs, discourse history
// and name indexes of an article take tens of kilobytes, most of what
// FindWith allocated, and FindWith runs on every page.
var articlePool = sync.Pool{New: func() any { return new(article) }}

// maxRecycled is the most tokens an article may have to be recycled: the
// indexes of a very long input are not kept for the pages after it.
const maxRecycled = 1 << 15

// release empties a and puts it back in articlePool, keeping its buffers
// and indexes (but those of a very long input).
func (a *article) release() {
	if cap(a.toks) > maxRecycled {
		return
	}
	// let the text, entities and events of the call go
	clear(a.paras)
	clear(a.single)
	clear(a.toks)
	clear(a.runs)
	clear(a.history)
	clear(a.cands)
	clear(a.seen)
	es := &a.ents
	clear(es.byKey)
	clear(es.byWord)
	clear(es.byInits)
	clear(es.byTitleWord)
	clear(es.descs)
	clear(es.indefs)
	clear(es.keyWords)
	*a = article{
		paras: a.paras[:0], single: a.single[:0], toks: a.toks[:0], sents: a.sents[:0], runs: a.runs[:0],
		history: a.history[:0], cands: a.cands[:0], seen: a.seen,
		ents: entities{byKey: es.byKey, byWord: es.byWord, byInits: es.byInits, byTitleWord: es.byTitleWord,
			descs: es.descs, indefs: es.indefs, keyBuf: es.keyBuf[:0], keyWords: es.keyWords[:0]},
	}
	articlePool.Put(a)
}

// article is the analysis of one call to Find.
type article struct {
	paras []para
	// footers maps a block quotation's paragraph to the source its "—
	// Name, role" footer gives
	footers map[int][]token
	ents    entities
	history []event
	cands   []*cand
	// the buffers the paragraphs' tokens, sentences and name runs are
	// slices of
	toks  []token
	sents [][2]int
	runs  []nameRun
	// lastQuote is the last paragraph that may hold a quotation: the
	// discourse after it cannot change the result
	lastQuote int
	// scratch of newArticle and markSentenceInitials, kept for reuse
	single [][]span
	seen   map[string]byte
}

type para struct {
	text  string
	spans []span
	toks  []token
	sents [][2]int
	runs  []nameRun // the name runs of all its sentences, in order
}

// event is a source seen in the discourse: the subject of a sentence or the
// source of a reporting verb.
type event struct {
	r       ref
	para    int
	speaker bool
	mention bool // a named person seen elsewhere than as a subject
}

// cand is a quoted stretch considered as a quotation.
type cand struct {
	para     int
	text     string
	cue      string
	mention  string
	speaker  *ref
	attrib   bool // has its own attribution
	cont     bool // continues the previous paragraph's quotation
	drop     bool
	standout bool  // the whole paragraph, with no attribution (a pull quote?)
	prev     *cand // the segment a continuation continues
}

// maxHistory bounds how far back in the discourse an antecedent is
// searched, in sources seen (subjects and speakers).
const maxHistory = 60

// pullWindow is how many quotations around a pull quote are searched for
// the quotation it repeats.
const pullWindow = 40

// posBase spaces token positions of successive paragraphs.
const posBase = 1 << 20

// applyKinds blanks pull quotes that repeat the body and marks paragraphs
// that are quotations as a whole.
func applyKinds(paragraphs []string, kinds []Kind) (texts []string, whole []bool) {
	whole = make([]bool, len(paragraphs))
	if len(kinds) == 0 {
		return paragraphs, whole
	}
	texts = append([]string(nil), paragraphs...)
	var body []string
	// The normalised prose is only needed to test pull quotes.
	if slices.Contains(kinds, PullQuote) {
		for i, p := range paragraphs {
			if i >= len(kinds) || kinds[i] == Prose {
				body = append(body, normText(p))
			}
		}
	}
	for i := range paragraphs {
		if i >= len(kinds) {
			break
		}
		switch kinds[i] {
		case PullQuote:
			n := normText(paragraphs[i])
			repeated := n == ""
			for _, b := range body {
				if repeated = repeated || strings.Contains(b, n); repeated {
					break
				}
			}
			if repeated {
				texts[i] = ""
				continue
			}
			whole[i] = true
		case Blockquote:
			whole[i] = true
		}
	}
	return texts, whole
}

// isDash reports whether r is a dash that sets off a source.
func isDash(r rune) bool { return r == '—' || r == '–' || r == '―' || r == '-' }

// footerName reads a block quotation's footer ("— Marjorie Lane, former
// Gazette reporter"): the name after the dash, or nil.
func footerName(toks []token) []token {
	if len(toks) < 2 || !toks[0].isPunct("—") || len(toks) > 25 {
		return nil
	}
	e := 1
	for e < len(toks) && e < 1+maxNP && toks[e].kind == tWord {
		e++
	}
	if e == 1 || !hasRun(toks[1:e]) || !toks[e-1].cap || e < len(toks) && toks[e].kind != tPunct {
		return nil
	}
	return toks[1:e]
}

// blockFooters finds the footers of block quotations: a paragraph of the
// block that opens with a dash and names a source. The footer is no
// quotation itself; the block's paragraphs before it take its source.
func blockFooters(paras []para, whole []bool) map[int][]token {
	var f map[int][]token
	for i := range paras {
		if i == 0 || !whole[i-1] {
			continue // a footer follows a block quotation (inside it or not)
		}
		t := strings.TrimSpace(paras[i].text)
		r, _ := utf8.DecodeRuneInString(t)
		if !isDash(r) {
			continue
		}
		toks := appendWords(nil, paras[i].text)
		name := footerName(toks)
		if name == nil {
			continue
		}
		// the footer is prose, not a quotation
		paras[i].spans, paras[i].toks, paras[i].sents = nil, toks, appendSentences(nil, toks)
		if f == nil {
			f = map[int][]token{}
		}
		for k := i - 1; k >= 0 && whole[k] && k > i-20; k-- {
			f[k] = name
		}
	}
	return f
}

// wholeSpan is the span of a paragraph quoted as a whole, unless marks
// already cover most of it.
func wholeSpan(p string, spans []span) []span {
	covered := 0
	for _, s := range spans {
		covered += s.end - s.start
	}
	t := strings.TrimSpace(p)
	if t == "" || covered*2 >= len(t) {
		return spans
	}
	start := strings.Index(p, t)
	end := start + len(t)
	// "… arrives. — Marjorie Lane, former reporter": a source after a dash
	// closes the block and is no part of the quotation
	if k := strings.LastIndex(t, " —"); k > 0 && footerName(appendWords(nil, t[k:])) != nil {
		end = start + k
	} else if k := strings.LastIndex(t, " –"); k > 0 && footerName(appendWords(nil, t[k:])) != nil {
		end = start + k
	}
	return []span{{open: 0, start: start, end: end, close: end, fam: famDouble, closed: true, words: wordCount(p[start:end])}}
}

func newArticle(paragraphs []string, kinds []Kind) *article {
	paragraphs, whole := applyKinds(paragraphs, kinds)
	a := articlePool.Get().(*article)
	a.paras = slices.Grow(a.paras, len(paragraphs))[:len(paragraphs)]
	// single marks are the main quotation marks when they quote more than
	// double and angle marks do (British style)
	doubles, singles := 0, 0
	a.single = slices.Grow(a.single, len(paragraphs))[:len(paragraphs)]
	single := a.single
	for i, p := range paragraphs {
		a.paras[i].text = p
		a.paras[i].spans = pairMarks(p, false)
		for _, s := range a.paras[i].spans {
			if !s.minor && s.words >= minWords && !titleCase(p[s.start:s.end]) {
				doubles++
			}
		}
		if hasSingleOpener(p) {
			single[i] = pairMarks(p, true)
			for _, s := range single[i] {
				if s.fam == famSingle && s.words >= minWords && !titleCase(p[s.start:s.end]) {
					singles++
				}
			}
		}
	}
	for i, p := range paragraphs {
		if singles > doubles && single[i] != nil {
			a.paras[i].spans = single[i]
		}
		if whole[i] {
			a.paras[i].spans = wholeSpan(p, a.paras[i].spans)
		}
	}
	for i := range a.paras {
		// a single mark left open is a quotation only when the next
		// paragraph reopens it
		pr := &a.paras[i]
		if n := len(pr.spans); n > 0 && pr.spans[n-1].fam == famSingle && !pr.spans[n-1].closed &&
			(i+1 >= len(a.paras) || !startsWithOpener(a.paras[i+1].text, famSingle)) {
			pr.spans = pr.spans[:n-1]
		}
	}
	// Only quoted stretches of minWords words can become quotations: with
	// none, the article quotes no one and the analysis of its prose (the
	// bulk of the work) is skipped.
	a.lastQuote = -1
	for i, pr := range a.paras {
		for _, s := range pr.spans {
			if !s.minor && s.words >= minWords {
				a.lastQuote = i
				break
			}
		}
	}
	if a.lastQuote < 0 {
		a.release()
		return nil
	}
	// the paragraphs' tokens and sentences are slices of article-wide
	// buffers (about 5 bytes of text per token), and the lower-case forms
	// of their words share one builder
	size := 0
	for _, p := range paragraphs {
		size += len(p)
	}
	nToks := size/4 + 2*len(paragraphs)
	allToks := a.toks[:0]
	if cap(allToks) < nToks {
		allToks = make([]token, 0, nToks)
	}
	allSents := a.sents[:0]
	if n := nToks/20 + len(paragraphs); cap(allSents) < n { // a sentence every 25 tokens or so
		allSents = make([][2]int, 0, n)
	}
	low := &textArena{}
	low.Grow(size / 8)
	caps := 0 // capitalised words
	for i := range a.paras {
		pr := &a.paras[i]
		// a quotation left open continues when the next paragraph reopens it
		if n := len(pr.spans); n > 0 && !pr.spans[n-1].closed && i+1 < len(a.paras) {
			next := &a.paras[i+1]
			if len(next.spans) > 0 && startsWithOpener(next.text, pr.spans[n-1].fam) &&
				strings.TrimSpace(next.text[:next.spans[0].open]) == "" {
				next.spans[0].cont = true
			}
		}
		n := len(allToks)
		allToks = tokenize(allToks, pr.text, pr.spans, low)
		pr.toks = allToks[n:len(allToks):len(allToks)]
		a.toks = allToks
		for k := range pr.toks {
			t := &pr.toks[k]
			if t.cap {
				caps++
			}
			if t.kind != tQuote {
				continue
			}
			t.term = pr.spans[t.q].words < minWords || pr.spans[t.q].minor // t.text is the span's
		}
		n = len(allSents)
		allSents = appendSentences(allSents, pr.toks)
		pr.sents = allSents[n:len(allSents):len(allSents)]
		a.sents = allSents
	}
	a.footers = blockFooters(a.paras, whole)
	if a.ents.byKey == nil {
		// the indexes sized as news articles fill them: a name for three
		// capitalised words, a description for ten tokens (a recycled
		// article's are as large as an earlier article needed)
		a.ents = entities{byKey: make(map[string]*entity, caps/3), byWord: make(map[string][]*entity, caps/2), byInits: map[string][]*entity{},
			byTitleWord: make(map[string][]*entity, caps/6), descs: make(map[string][]token, len(allToks)/10), indefs: map[string]string{}}
	}
	a.ents.arena = low
	a.markSentenceInitials()
	allRuns := a.runs[:0]
	if n := len(allToks) / 8; cap(allRuns) < n { // about one run in ten tokens
		allRuns = make([]nameRun, 0, n)
	}
	for i := range a.paras {
		pr := &a.paras[i]
		n := len(allRuns)
		for _, s := range pr.sents {
			allRuns = a.ents.collect(pr.toks, s[0], s[1], i*posBase, allRuns)
		}
		pr.runs = allRuns[n:len(allRuns):len(allRuns)]
		a.runs = allRuns
	}
	return a
}

// markSentenceInitials tells names from ordinary words capitalised only
// because they open a sentence: a name is seen capitalised inside a
// sentence somewhere in the article.
func (a *article) markSentenceInitials() {
	// seen[w] is 1 when the sentence-initial word w is seen lower-case,
	// 2 when seen capitalised inside a sentence
	if a.seen == nil {
		a.seen = map[string]byte{}
	}
	seen := a.seen
	var keys wordFilter // most words are no key: skip their lookup
	for _, pr := range a.paras {
		for _, s := range pr.sents {
			if t := &pr.toks[s[0]]; t.kind == tWord && t.cap {
				seen[t.lower] = 0
				keys.add(t.lower)
			}
		}
	}
	for _, pr := range a.paras {
		for _, s := range pr.sents {
			for k := s[0]; k < s[1]; k++ {
				t := &pr.toks[k]
				if t.kind != tWord || !keys.has(t.lower) {
					continue
				}
				v, ok := seen[t.lower]
				switch {
				case !ok:
				case t.cap && k > s[0]:
					seen[t.lower] = 2
				case !t.cap && v == 0:
					seen[t.lower] = 1
				}
			}
		}
	}
	midCaps := func(w string) bool { return seen[w] == 2 }
	lower := func(w string) bool { return seen[w] == 1 }
	for i := range a.paras {
		pr := &a.paras[i]
		for _, s := range pr.sents {
			t := &pr.toks[s[0]]
			if t.kind != tWord || !t.cap || midCaps(t.lower) {
				continue
			}
			next := s[0] + 1
			if nameGender(t.lower) != 0 && next < s[1] && pr.toks[next].kind == tWord && (pr.toks[next].cap || particleJoins(pr.toks, next, s[1])) {
				continue // a given name ("Ahmed Salman", "Mohammed bin Salman"), whatever its ending
			}
			if lower(t.lower) || (strings.Contains(t.lower, "-") || strings.HasSuffix(t.lower, "s")) && commonWordName(t.lower) || strings.HasSuffix(t.lower, "ing") || strings.HasSuffix(t.lower, "ly") ||
				strings.HasSuffix(t.lower, "ed") || next < s[1] && pr.toks[next].kind == tWord && !pr.toks[next].cap && !particleJoins(pr.toks, next, s[1]) {
				t.noName = true
			}
		}
	}
}

// wordFilter is a small Bloom filter over a set of words: has is true for
// every word added, and false for most others.
type wordFilter [4]uint64

func wordBit(w string) uint8 {
	if w == "" {
		return 0
	}
	return uint8(len(w)*7 + int(w[0])*31 + int(w[len(w)-1]))
}

func (f *wordFilter) add(w string) {
	b := wordBit(w)
	f[b>>6] |= 1 << (b & 63)
}

func (f *wordFilter) has(w string) bool {
	b := wordBit(w)
	return f[b>>6]&(1<<(b&63)) != 0
}

// particleJoins reports whether the lower-case word at k is a name particle
// inside a name ("Karina von Schuckmann", "Ana de la Cruz").
func particleJoins(toks []token, k, hi int) bool {
	for k < hi && toks[k].kind == tWord && !toks[k].cap && toks[k].particle() {
		k++
	}
	return k < hi && toks[k].kind == tWord && toks[k].cap && (k == 0 || toks[k-1].particle())
}

func (a *article) attributeAll() {
	var last *cand
	// prevSubj is the named person the previous sentence was about, when
	// that sentence quoted no one: "Smith was blunt. “…”"
	var prevSubj *ref
	// poll is the last survey the article reported, for the answers of its
	// respondents ("Fifty-one percent say that “…”")
	poll, pollPara := "", 0
	for pi := range a.paras[:a.lastQuote+1] {
		pr := &a.paras[pi]
		toks := pr.toks
		for si, sr := range pr.sents {
			lo, hi := sr[0], sr[1]
			base := pi * posBase
			snp, sap := sentenceSubject(toks, lo, hi)
			sm := parseNP(snp, sap)
			if surveyNouns[sm.head] {
				poll, pollPara = sm.desc, pi // "A new ABC News poll shows …"
			}
			// the subject is kept (prevSubj) only for some sentences without
			// quotations: it is resolved by value
			var subj *ref
			if sv, ok := a.resolveRef(sm, base+lo, nil, pi); ok && !(sv.kind == 'd' && !isPersonHead(sv.head)) {
				subj = &sv
			}
			if subj != nil {
				a.history = append(a.history, event{r: *subj, para: pi})
			}
			quoted := false
			for i := lo; i < hi; i++ {
				t := toks[i]
				if t.kind != tQuote || t.term {
					continue
				}
				c := &cand{para: pi, text: t.text, cont: pr.spans[t.q].cont}
				c.standout = alone(toks, i)
				partial := isPartial(toks, i, lo, hi)
				at := attribute(toks, i, lo, hi)
				if !at.found && i == lo && si == 0 {
					at = a.colonIntro(pi)
				}
				if !at.found {
					at = innerAttribution(t.text)
				}
				if f := a.footers[pi]; !at.found && f != nil {
					at = attribution{cue: "—", np: f, found: true}
				}
				if at.found && namingCues[strings.ToLower(at.cue)] && !sourceMention(parseNP(at.np, at.appos)) {
					at = attribution{} // "a sample came in called “…”": naming, unless a source calls
				}
				var unk []token
				if !at.found && !c.cont {
					unk = unknownSource(toks, i, hi)
				}
				c.drop = notQuotation(toks, i, lo, hi, partial, at.found || unk != nil) || !at.found && a.announcedBefore(pi, si)
				a.cands = append(a.cands, c)
				if c.drop {
					continue
				}
				quoted = true
				switch {
				case at.found:
					m := parseNP(at.np, at.appos)
					if len(m.name) == 0 && m.pron == "" && !sourceMention(m) && clauseLike(at.np) {
						m = mention{} // "…,” familiarly drawing my chair …, said: no source named
					}
					var cur *ref
					if subj != nil && subj.ent != nil && m.pron != "" && !sameNP(snp, at.np) {
						cur = subj
					}
					c.speaker = a.resolve(m, base+i, cur, pi)
					if c.speaker != nil && c.speaker.ent != nil && m.pron == "" {
						c.speaker.ent.learnGender(cueGender(at.cue))
					}
					if m.empty() {
						c.speaker = a.lastSpeaker(pi, 2)
						if at.cue != ":" && prevSubj != nil && i == lo {
							// "… Nello Musumeci, ha assicurato …. «…», ha
							// dichiarato.": a dropped subject is the person the
							// previous sentence was about
							c.speaker = prevSubj
						}
					}
					if poll != "" && pollPara >= pi-1 && statistic(m) {
						c.speaker = &ref{name: poll, kind: 'o'}
					}
					c.cue = at.cue
					c.attrib = !m.empty() // a bare colon names no one
					if c.speaker != nil && m.text() != c.speaker.name {
						c.mention = m.text()
					} else if c.speaker == nil {
						c.mention = m.text()
					}
				case unk != nil:
					// "«…», sospira Salvatore Lo Monaco": a verb the lists
					// lack; the name at the attribution point, never the
					// previous speaker
					m := parseNP(unk, nil)
					c.speaker = a.resolve(m, base+i, nil, pi)
					c.attrib = c.speaker != nil
					if c.speaker != nil && m.text() != c.speaker.name {
						c.mention = m.text()
					}
				case c.cont && last != nil && last.para == pi-1:
					c.speaker = last.speaker
					c.prev = last
				case i == lo && prevSubj != nil && !partial:
					c.speaker = prevSubj
				default:
					c.speaker = a.lastSpeaker(pi, 2)
				}
				if c.cont && c.attrib && last != nil && last.para == pi-1 {
					c.prev = last
				}
				if c.speaker != nil {
					a.history = append(a.history, event{r: *c.speaker, para: pi, speaker: true})
				}
				last = c
			}
			a.mentions(toks, lo, hi, pi)
			prevSubj = nil
			if !quoted {
				a.narrative(toks, lo, hi, pi)
				if subj != nil && subj.ent != nil && !subj.ent.org && (subj.kind == 'p' || subj.ent.person || subj.ent.gender != 0) {
					s := *subj // subj does not outlive the sentence
					prevSubj = &s
				}
			}
		}
	}
}

// unknownSource finds the source of a quotation at i followed by an
// attribution whose verb is not a known cue: "«…», sospira Anna Neri",
// "“…,” Tom Reyes chortled." It returns the name or pronoun, or nil.
func unknownSource(toks []token, i, hi int) []token {
	k := i + 1
	for k < hi && (toks[k].isPunct(",") || toks[k].isPunct("—")) {
		k++
	}
	if k == i+1 && !strings.HasSuffix(strings.TrimSpace(toks[i].text), ",") || k >= hi {
		return nil
	}
	// verb first: one or two lower-case words, then a name closing the clause
	v := k
	for v < hi && v < k+2 && toks[v].kind == tWord && !toks[v].cap && !toks[v].in(clsClauseOrFunction|clsPrep) &&
		!(v > k && (toks[v].isDet() || foreignDets[toks[v].lower] || toks[v].is("one", "another"))) {
		v++
	}
	if v > k {
		if e := nameEnd(toks, v, hi); e > v {
			return toks[v:e]
		}
		// "«…», sospira un allevatore di Enna.": a description of a person
		if v == k+1 && v+1 < hi && (toks[v].isDet() || foreignDets[toks[v].lower] || toks[v].is("one", "another")) {
			e, end := v+1, 0
			for e < hi && e < v+10 && toks[e].kind == tWord && !toks[e].cap || e < hi && e < v+10 && end > 0 && toks[e].kind == tWord {
				if end == 0 && (toks[e].in(clsHeadStop) || rightStops[toks[e].lower] || foreignStops[toks[e].lower] || toks[e].in(clsPrep) || toks[e].is("outside", "inside")) {
					end = e // "un allevatore di Enna": the noun phrase's head part
				}
				e++
			}
			if end == 0 {
				end = e
			}
			if end > v+1 && (e == hi || isBoundary(toks[e])) {
				return toks[v:end]
			}
		}
		return nil
	}
	// name or pronoun first, then one lower-case verb closing the clause
	e := k
	for e < hi && e < k+4 && toks[e].kind == tWord && toks[e].cap {
		e++
	}
	if e == k && toks[k].kind == tWord && toks[k].pronoun() && !toks[k].cap {
		e = k + 1
	}
	if e == k || e+1 >= hi || toks[e].kind != tWord || toks[e].cap || toks[e].in(clsClauseOrFunction) ||
		!isBoundary(toks[e+1]) || !hasRun(toks[k:e]) && e-k == 1 && !toks[k].pronoun() {
		return nil
	}
	if !pureName(toks[k:e]) && !(e-k == 1 && toks[k].pronoun()) {
		return nil
	}
	return toks[k:e]
}

// alone reports whether the quotation at i is all its paragraph holds,
// besides punctuation.
func alone(toks []token, i int) bool {
	for k, t := range toks {
		if k != i && t.kind != tPunct {
			return false
		}
	}
	return true
}

func sameNP(a, b []token) bool {
	return len(a) > 0 && len(b) > 0 && &a[0] == &b[0]
}

// narrative records the sources of reporting verbs in a sentence without
// quotations ("Williams said the call was unusual."): later pronouns and
// follow-on quotations refer to them.
func (a *article) narrative(toks []token, lo, hi, pi int) {
	for j := lo; j < hi; j++ {
		if !isCue(toks, j) || cueNeedsQuote[toks[j].lower] || cueFormOf(toks[j]).participle || isAccording(toks, j) {
			continue
		}
		np, appos := walkLeft(toks, j, lo)
		if len(np) == 0 && len(appos) == 0 && j > lo && toks[j-1].isPunct(",") {
			// "…, said Mary E. Lovely, an economist."
			np, appos = walkRight(toks, cueEnd(toks, j), hi)
		}
		m := parseNP(np, appos)
		if m.empty() || !sourceMention(m) {
			continue
		}
		if r := a.resolve(m, pi*posBase+j, nil, pi); r != nil {
			a.history = append(a.history, event{r: *r, para: pi, speaker: true})
		}
	}
}

// mentions records the people a sentence names outside its subject
// ("… released by Dr. Jane Smith."), for pronouns whose gender rules out
// the subjects before them.
func (a *article) mentions(toks []token, lo, hi, pi int) {
	// the sentence's name runs, found when the names were collected
	for _, r := range a.paras[pi].runs {
		if r.s < lo || r.s >= hi || r.org || r.ent == nil {
			continue
		}
		if e := a.ents.findEntity(r.ent.key, false, pi*posBase+r.s); e != nil && !e.org && len(e.key) >= 2 {
			a.history = append(a.history, event{r: ref{name: e.display, ent: e, kind: 'p'}, para: pi, mention: true})
		}
	}
	// "one mother", "a woman": people introduced without a name
	for i := lo; i < hi; i++ {
		if !toks[i].indefinite() {
			continue
		}
		for j := i + 1; j < hi && j <= i+4; j++ {
			u := toks[j]
			if u.kind != tWord || u.cap || u.cls&clsClauseOrFunction != 0 {
				break
			}
			if nounGender[u.lower] != 0 {
				d := toks[i].lower + " " + joinTokens(toks[i+1:j+1])
				a.history = append(a.history, event{r: ref{name: d, kind: 'd', head: u.lower}, para: pi, mention: true})
				break
			}
		}
	}
}

// colonIntro handles a quotation opening a paragraph after one that ends
// with a colon ("… contains the following statement:").
func (a *article) colonIntro(pi int) attribution {
	if pi == 0 {
		return attribution{}
	}
	prev := a.paras[pi-1]
	n := len(prev.toks)
	if n == 0 || !prev.toks[n-1].isPunct(":") || len(prev.sents) == 0 {
		return attribution{}
	}
	lo := prev.sents[len(prev.sents)-1][0]
	for j := n - 2; j >= lo; j-- {
		if isCue(prev.toks, j) {
			return verbSource(prev.toks, j, -1, lo, n)
		}
	}
	// a colon with no source named still introduces a quotation
	np, appos := walkLeft(prev.toks, n-1, lo)
	if !sourceLike(np) && !sourceLike(appos) {
		np, appos = nil, nil
	}
	return attribution{cue: ":", np: np, appos: appos, found: true}
}

// announcedBefore reports whether the sentence before sentence si of
// paragraph pi announces a slogan or title.
func (a *article) announcedBefore(pi, si int) bool {
	pr := a.paras[pi]
	if si > 0 {
		s := pr.sents[si-1]
		return announced(pr.toks, s[0], s[1])
	}
	if pi > 0 {
		pp := a.paras[pi-1]
		if n := len(pp.sents); n > 0 {
			s := pp.sents[n-1]
			return announced(pp.toks, s[0], s[1])
		}
	}
	return false
}

// result builds the output: pull quotes take the speaker of the quotation
// they repeat, and an exact repeat of an attributed quotation is dropped.
func (a *article) result() []Quote {
	out := []Quote{}
	var kept []*cand
	for _, c := range a.cands {
		if !c.drop {
			kept = append(kept, c)
		}
	}
	// a quotation over several paragraphs attributed at its end: the
	// earlier segments share its speaker
	for _, c := range kept {
		if !c.attrib {
			continue
		}
		for p := c.prev; p != nil && !p.attrib; p = p.prev {
			p.speaker = c.speaker
			if !p.cont {
				break
			}
		}
	}
	norm := make(map[*cand]string, len(kept))
	for _, c := range kept {
		norm[c] = normText(c.text)
	}
	for k, c := range kept {
		if c.attrib || c.cont {
			continue
		}
		f := norm[c]
		// compare with the attributed quotations nearby (bounded, so that
		// the pass stays linear)
		for m := max(0, k-pullWindow); m < len(kept) && m <= k+pullWindow; m++ {
			d := kept[m]
			if d == c || !d.attrib {
				continue
			}
			g := norm[d]
			if g == f && c.standout {
				c.drop = true
				break
			}
			// a display copy (a pull quote or a heading) repeats words
			// attributed elsewhere: it takes their speaker
			if strings.Contains(g, f) {
				c.speaker = d.speaker
				break
			}
		}
	}
	// a heading that quotes the body ('Starmer: "Change begins now"')
	// repeats words attributed to the same speaker nearby
	for k, c := range kept {
		if c.drop || !c.attrib || c.cont || moreWords(a.paras[c.para].text, 12) {
			continue
		}
		f := norm[c]
		for m := max(0, k-pullWindow); m < len(kept) && m <= k+pullWindow; m++ {
			d := kept[m]
			if d == c || d.drop || d.para == c.para || !strings.Contains(norm[d], f) || !moreWords(a.paras[d.para].text, 12) {
				continue
			}
			if c.speaker == nil || d.speaker != nil && d.speaker.name == c.speaker.name {
				c.drop = true
				break
			}
		}
	}
	for _, c := range kept {
		if c.drop {
			continue
		}
		q := Quote{Text: c.text, Cue: c.cue, Paragraph: c.para, SpeakerMention: c.mention}
		if c.speaker != nil {
			s := c.speaker.name
			q.Speaker = &s
			if q.SpeakerMention == s {
				q.SpeakerMention = ""
			}
		}
		out = append(out, q)
	}
	return out
}

// normText folds text for comparing quotations: letters and digits only.
func normText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		// fold(s) rune by rune: its apostrophes are no word characters
		// either way
		if r = unicode.ToLower(r); isWordChar(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// namingCues report speech only when their subject is a source: "a
// sample came in called “…”" names a thing.
var namingCues = set("call calls called calling")

// sourceMention reports whether a mention can name a source: a name, a
// pronoun, or a description whose head is a person, role, organisation or
// document noun. A clause ("what the science of reading says") is none.
func sourceMention(m mention) bool {
	if m.pron != "" || len(m.name) > 0 {
		return true
	}
	h := m.head
	return m.owner != "" || isTitle(h) || isNounHead(h) || isRole(h) || personNouns[strings.TrimSuffix(h, "s")] || isRole(strings.TrimSuffix(h, "s")) || statistic(m)
}

// clauseLike reports whether a phrase at an attribution point opens as a
// clause rather than a noun phrase: a participle or an adverb ("laying
// his hand on my shoulder", "familiarly drawing my chair").
func clauseLike(np []token) bool {
	if len(np) == 0 || np[0].kind != tWord || np[0].cap {
		return false
	}
	w := np[0].lower
	return strings.HasSuffix(w, "ing") && len(w) > 5 || strings.HasSuffix(w, "ly") && len(w) > 4
}
