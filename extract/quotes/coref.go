package quotes

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Coreference: turning the words at an attribution point ("he", "Gatilov",
// "the ministry", "the actor") into the most complete name the article gives
// for that source. Names are collected from the whole article first, so the
// fullest form may come before or after the mention. Pronouns follow the
// discourse: the subject of the quote's own sentence, then the most recent
// compatible speaker, then the most recent compatible subject.

// entity is a person or body named in the article.
type entity struct {
	display string          // most complete form, titles stripped
	key     []string        // folded tokens used for matching
	org     bool            // an organisation, place or body
	person  bool            // known to be a person (title, pronoun)
	gender  byte            // 'm', 'f' or 0
	titles  map[string]bool // role words seen beside the name (nil until one is)
	pos     []int           // positions of its mentions
	inits   string          // initials of an organisation's name ("DEA"), or ""
	pos2    [2]int          // backs pos for the first two mentions
}

// addTitle records a role word seen beside the entity's name.
func (e *entity) addTitle(w string) {
	if e.titles == nil {
		e.titles = map[string]bool{}
	}
	e.titles[w] = true
}

// mention is the parsed noun phrase at an attribution point.
type mention struct {
	words []token  // the words as written: see text
	pron  string   // a personal pronoun, lower-cased
	name  []string // folded key of a name
	// the name's words and its "the" (titles stripped), for its display
	// form (runDisplay), built only when no entity has the name
	nameWords []token
	det       bool
	org       bool
	head      string // head noun of a descriptive phrase
	desc      string // the descriptive phrase
	plural    bool
	indef     bool   // an indefinite description ("a company spokesperson") introduces a new source
	owner     string // possessor of a description ("Trump" in "Trump's spokesman"), folded
	gender    byte   // the gender a role phrase gives ("la ministra"), or 0
	// qualified: a Romance role phrase with words after the role ("el
	// líder mapuche más radicalizado"), not a plain back-reference
	qualified bool
}

// text is the mention as written (built only for the few quotations'
// mentions).
func (m mention) text() string { return joinTokens(m.words) }

func (m mention) empty() bool { return m.pron == "" && len(m.name) == 0 && m.head == "" }

// ref is a resolved source.
type ref struct {
	name   string
	ent    *entity
	kind   byte   // 'p' person, 'o' organisation, 'd' descriptive person(s), 'u' unknown
	head   string // head noun of a descriptive source
	plural bool
}

func joinTokens(toks []token) string {
	if len(toks) == 1 && toks[0].kind != tQuote {
		return toks[0].text
	}
	var b strings.Builder
	b.Grow(joinedLen(toks))
	writeTokens(&b, toks)
	return b.String()
}

// joinLowerFirst is joinTokens(toks) with the first word lower-cased.
func joinLowerFirst(toks []token) string {
	var b strings.Builder
	b.Grow(joinedLen(toks) - len(toks[0].text) + len(toks[0].lower))
	b.WriteString(toks[0].lower)
	if len(toks) > 1 && toks[1].kind != tPunct {
		b.WriteByte(' ')
	}
	writeTokens(&b, toks[1:])
	return b.String()
}

func writeTokens(b *strings.Builder, toks []token) {
	for i, t := range toks {
		if i > 0 && t.kind != tPunct {
			b.WriteByte(' ')
		}
		if t.kind == tQuote {
			b.WriteByte('"')
			b.WriteString(t.text)
			b.WriteByte('"')
			continue
		}
		b.WriteString(t.text)
	}
}

// joinedLen is the length of joinTokens(toks).
func joinedLen(toks []token) int {
	n := 0
	for i, t := range toks {
		if i > 0 && t.kind != tPunct {
			n++
		}
		n += len(t.text)
		if t.kind == tQuote {
			n += 2
		}
	}
	return n
}

func isAcronym(t token) bool {
	n := 0
	for _, r := range t.text {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			n++
		case r == '.' || r == '&':
		default:
			return false
		}
	}
	return n >= 2
}

// isNameWord: a capitalised word that can be part of a name at i.
func isNameWord(toks []token, i, lo int) bool {
	t := toks[i]
	if t.kind != tWord || !t.cap {
		return false
	}
	if t.text == "I" || t.noName || t.isDet() || t.pronoun() {
		return false
	}
	if t.cls&clsStarter != 0 || strings.Contains(t.lower, "-") && commonWordName(t.lower) {
		return false
	}
	if t.cls&clsCueForm != 0 && i == lo {
		return false
	}
	return true
}

func containsOrg(toks []token) bool {
	for _, t := range toks {
		if t.kind == tWord && t.cap && t.cls&clsOrg != 0 {
			return true
		}
	}
	return false
}

// nameRun is a run of capitalised words toks[s:e].
type nameRun struct {
	s, e int
	det  bool // preceded by "the"
	// set by entities.collect: the run names an organisation, and its
	// entity (nil when the name has no key words)
	org bool
	ent *entity
}

// appendRuns appends the name runs of toks[lo:hi] to runs.
func appendRuns(runs []nameRun, toks []token, lo, hi int) []nameRun {
	for i := lo; i < hi; {
		if !isNameWord(toks, i, lo) {
			i++
			continue
		}
		j := i + 1
		for j < hi {
			if toks[j-1].possessive() {
				k := j
				for k < hi && isNameWord(toks, k, lo) {
					k++
				}
				if k > j && containsOrg(toks[j:k]) {
					j = k
					continue
				}
				break
			}
			if isNameWord(toks, j, lo) {
				j++
				continue
			}
			t := toks[j]
			if t.kind == tWord && !t.cap && t.particle() {
				// "von Schuckmann", "van der Berg", "de la Cruz"
				k := j + 1
				if k < hi && k < j+3 && toks[k].kind == tWord && !toks[k].cap && toks[k].particle() {
					k++
				}
				if k < hi && isNameWord(toks, k, lo) {
					j = k + 1
					continue
				}
			}
			if t.kind == tWord && !t.cap && (t.lower == "of" || t.lower == "for" || t.lower == "and" || t.lower == "&" || t.lower == "on") && containsOrg(toks[i:j]) {
				k := j + 1
				if k < hi && toks[k].lower == "the" {
					k++
				}
				if k < hi && isNameWord(toks, k, lo) {
					j = k + 1
					continue
				}
			}
			break
		}
		r := nameRun{s: i, e: j, det: i-1 >= 0 && toks[i-1].lower == "the"}
		// "Resident Mark Delgado said", "Урбанист Дмитрий Лаврентьев":
		// a noun capitalised only because it opens the sentence, before a
		// given name
		if i == lo && j-i >= 3 && nameGender(toks[i+1].lower) != 0 && nameGender(toks[i].lower) == 0 && !containsOrg(toks[i:j]) {
			r.s++
		}
		// "ambassador to Britain Liu Xiaming": a long run after a preposition
		// starts with the preposition's object
		if j-i >= 3 && i-1 >= lo && toks[i-1].is("to", "of", "from", "for", "in", "at", "with") && !containsOrg(toks[i:j]) {
			r.s++
		}
		runs = append(runs, r)
		i = j
	}
	return runs
}

// coreName strips ranks, offices and honorifics from the front of a
// person's name run and keeps at most three given/family names.
func coreName(run []token) []token {
	s := len(run)
	plain := 0
	for s > 0 {
		t := run[s-1]
		l := t.bare()
		c := wordClasses.get(l) // royalTitles, nameSuffixes, nameParticles
		if c&clsRoyal != 0 {
			s--
			break
		}
		// (titleWord is isTitle(l): without a period, no second lookup)
		if s < len(run) && (t.titleWord() || strings.HasSuffix(l, ".") && isTitle(l[:len(l)-1]) || isAcronym(t) || t.possessive() || abstractNoun(l)) {
			break
		}
		if c&(clsNameSuffix|clsParticle) == 0 && !isInitial(t) {
			if plain == 3 {
				break
			}
			plain++
		}
		s--
	}
	if s == len(run) {
		s = len(run) - 1
	}
	// "M. Dupont", "Frau Merkel": an honorific opening the run
	// ("Don" is an English given name too: "Don Feeney" keeps it)
	if s < len(run)-1 && leadingHonorifics[run[s].lower] && !(run[s].lower == "don" && len(run)-s == 2) {
		s++
	}
	return run[s:]
}

// commonWordName reports whether a capitalised word is a role or common
// noun rather than a name ("Singer-guitarists", "Prosecution").
func commonWordName(w string) bool {
	for part := range strings.SplitSeq(w, "-") {
		b := strings.TrimSuffix(part, "s")
		if roleNouns[part] || isRole(b) || personNouns[part] || personNouns[b] {
			return true
		}
	}
	return false
}

// abstractNoun reports whether a capitalised word is an abstract noun
// ("Prosecution"): part of an office's name, never of a person's.
func abstractNoun(w string) bool {
	for _, suf := range []string{"tion", "sion", "ment", "ism", "ness"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

func isInitial(t token) bool {
	return utf8.RuneCountInString(t.text) == 2 && strings.HasSuffix(t.text, ".")
}

func keyOf(toks []token) []string {
	return appendKey(make([]string, 0, len(toks)), toks)
}

// appendKey appends the key words of the name toks to k.
func appendKey(k []string, toks []token) []string {
	for i, t := range toks {
		if t.lower == "the" || i == 0 && len(toks) > 1 && foreignArticles[t.lower] {
			continue // "La Constitución"
		}
		k = append(k, strings.TrimSuffix(t.bare(), "."))
	}
	return k
}

// appendJoinedKey appends strings.Join(keyOf(toks), " ") to b, and returns
// the number of key words: a map key built without allocating.
func appendJoinedKey(b []byte, toks []token) ([]byte, int) {
	n := 0
	for i, t := range toks {
		if t.lower == "the" || i == 0 && len(toks) > 1 && foreignArticles[t.lower] {
			continue
		}
		if n > 0 {
			b = append(b, ' ')
		}
		b = append(b, strings.TrimSuffix(t.bare(), ".")...)
		n++
	}
	return b, n
}

// runParts splits a name run into the words of the name (the display form
// and key are made of) and the titles stripped from its front, and tells
// whether it names an organisation.
func runParts(toks []token, r nameRun) (name []token, org bool, stripped []token) {
	run := toks[r.s:r.e]
	org = containsOrg(run) || (len(run) == 1 && (isAcronym(run[0]) || r.det)) ||
		len(run) > 1 && run[len(run)-1].titleWord() && !royalTitles[run[len(run)-2].bare()] // "the High Commissioner for …"
	if org && len(run) > 2 {
		// "White House Press Secretary Stephanie Grisham": a title ends the
		// organisation's words and a person's name follows
		core := coreName(run)
		if n := len(run) - len(core); len(core) >= 2 && n > 0 && !containsOrg(core) && (run[n-1].titleWord() || isAcronym(run[n-1]) && !r.det) {
			return core, false, run[:n]
		}
	}
	if org {
		return run, true, nil
	}
	core := coreName(run)
	return core, false, run[:len(run)-len(core)]
}

// runDisplay is the display form of the name runParts found.
func runDisplay(name []token, org, det bool) string {
	disp := trimPossessive(joinTokens(name))
	if org && det {
		disp = "the " + disp
	}
	return disp
}

// display is runDisplay kept in the arena.
func (es *entities) display(name []token, org, det bool) string {
	start := es.arena.Len()
	if org && det {
		es.arena.WriteString("the ")
	}
	writeTokens(&es.arena.Builder, name)
	// the possessive is at the end of the name, after any "the "
	return trimPossessive(es.arena.String()[start:])
}

// trimPossessive drops a trailing 's from a name ("Zach Parise’s").
func trimPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// entities collects every name in the article with the role words around it.
type entities struct {
	byKey       map[string]*entity
	byWord      map[string][]*entity // key word -> entities whose name holds it
	byInits     map[string][]*entity // initials -> organisations ("DEA")
	byTitleWord map[string][]*entity // role word -> entities introduced with it
	descs       map[string][]token   // head noun -> words after "the" of its fullest descriptive phrase: see desc
	indefs      map[string]string    // head noun -> first indefinite description ("one legal expert")
	keyBuf      []byte               // scratch for byKey lookups
	arena       *textArena           // keeps the keys and display forms of names
	keyWords    []string             // backs the keys of the entities
	block       []entity             // new entities, allocated several at a time
	lists       []*entity            // backs the one-entity lists of the indexes
}

// add records a mention at pos of the name run r of toks, and sets r.org
// and r.ent; the entity is nil when the name has no key words.
func (es *entities) add(toks []token, r *nameRun, pos int) (e *entity, stripped []token) {
	name, org, stripped := runParts(toks, *r)
	r.org = org
	// most mentions repeat a name already seen: look it up before building
	// its display form and key
	var n int
	es.keyBuf, n = appendJoinedKey(es.keyBuf[:0], name)
	if n == 0 {
		return nil, nil
	}
	e = es.byKey[string(es.keyBuf)]
	if e == nil {
		k := len(es.keyWords)
		es.keyWords = appendKey(es.keyWords, name)
		e = es.newEntity()
		e.display, e.key, e.org = es.display(name, org, r.det), es.keyWords[k:len(es.keyWords):len(es.keyWords)], org
		e.pos = e.pos2[:0]
		e.inits = initials(e)
		es.byKey[es.arena.keep(es.keyBuf)] = e
		for i, w := range e.key {
			if !slices.Contains(e.key[:i], w) {
				es.byWord[w] = es.appendTo(es.byWord[w], e)
			}
		}
		if e.inits != "" {
			es.byInits[e.inits] = es.appendTo(es.byInits[e.inits], e)
		}
	}
	e.pos = append(e.pos, pos)
	r.ent = e
	return e, stripped
}

func (es *entities) title(e *entity, w string) {
	if !e.titles[w] {
		e.addTitle(w)
		es.byTitleWord[w] = es.appendTo(es.byTitleWord[w], e)
	}
}

// newEntity returns a new entity from a block allocated for several.
func (es *entities) newEntity() *entity {
	if len(es.block) == 0 {
		es.block = make([]entity, 16)
	}
	e := &es.block[0]
	es.block = es.block[1:]
	return e
}

// appendTo appends e to the list l of an index. Most words name a single
// entity: a new list is carved from a shared block, with no room to grow
// (appending to it again copies it out).
func (es *entities) appendTo(l []*entity, e *entity) []*entity {
	if l != nil {
		return append(l, e)
	}
	if len(es.lists) == cap(es.lists) {
		es.lists = make([]*entity, 0, 32)
	}
	es.lists = append(es.lists, e)
	n := len(es.lists)
	return es.lists[n-1 : n : n]
}

// addDesc records "the " and the words toks as a description of head, when
// it is the fullest yet. The phrase is built only when asked for (desc):
// few heads are ever looked up.
func (es *entities) addDesc(head string, toks []token) {
	if head == "" {
		return
	}
	if old, ok := es.descs[head]; !ok || joinedLen(toks) > joinedLen(old) {
		es.descs[head] = toks
	}
}

// desc is the fullest descriptive phrase of head ("the 43-year-old man"),
// or "".
func (es *entities) desc(head string) string {
	toks, ok := es.descs[head]
	if !ok {
		return ""
	}
	return "the " + joinTokens(toks)
}

// descLen is len(es.desc(head)).
func (es *entities) descLen(head string) int {
	toks, ok := es.descs[head]
	if !ok {
		return 0
	}
	return len("the ") + joinedLen(toks)
}

// collect records the names of the sentence toks[lo:hi] at base position.
// It appends the sentence's name runs to runs, with their entities.
func (es *entities) collect(toks []token, lo, hi, base int, runs []nameRun) []nameRun {
	n := len(runs)
	runs = appendRuns(runs, toks, lo, hi)
	for k := n; k < len(runs); k++ {
		r := runs[k]
		e, stripped := es.add(toks, &runs[k], base+r.s)
		if e == nil {
			continue
		}
		if !e.org && e.gender == 0 && len(e.key) >= 2 {
			e.gender = nameGender(e.key[0])
		}
		for _, t := range stripped {
			switch t.bare() {
			case "mr", "mr.", "prince", "king", "duke", "sir", "lord":
				e.gender = 'm'
			case "mrs", "mrs.", "ms", "ms.", "miss", "princess", "queen", "duchess", "dame", "lady":
				e.gender = 'f'
			}
			es.title(e, strings.TrimSuffix(t.bare(), "."))
			if t.titleWord() || isRole(t.bare()) {
				e.person = true
			}
		}
		// role words before the name: "China’s ambassador to Britain Liu Xiaming";
		// none for the object of a preposition ("ambassador to Britain")
		role := ""
		for j := r.s - 1; j >= lo && j >= r.s-6 && !toks[r.s-1].is("to", "of", "for", "in", "at", "from", "with", "by", "on"); j-- {
			t := toks[j]
			b := t.bare()
			if t.kind != tWord || !(t.cap && !t.isDet() || t.possessive() || isRole(b) || isTitle(b) || personNouns[b] || b == "to" || b == "of" || b == "for" || b == "and") {
				if role != "" && t.kind == tWord {
					e.learnGender(roleGender(t.lower, role))
				}
				break
			}
			es.title(e, b)
			if isRole(b) || isTitle(b) {
				e.person = !e.org
				role = b
			}
		}
		for _, t := range stripped {
			e.learnGender(roleGender("", t.bare()))
		}
		// an appositive after it: "Cheuk Hau-yip, the commander of …,"
		if r.e+1 < hi && toks[r.e].isPunct(",") && toks[r.e+1].kind == tWord && !toks[r.e+1].in(clsClause) &&
			(!toks[r.e+1].cap || toks[r.e+1].isDet() || toks[r.e+1].possessive()) {
			for j := r.e + 1; j < hi && j < r.e+16 && !isBoundary(toks[j]); j++ {
				if toks[j].kind == tWord && !toks[j].cap {
					if toks[j].in(clsClause) {
						break
					}
					e.addTitle(toks[j].bare())
				}
			}
		}
		// an appositive before it: "The company that runs the AMAs, Dick Clark Productions,"
		if r.s-2 >= lo && toks[r.s-1].isPunct(",") {
			j := r.s - 2
			for j >= lo && j > r.s-16 && !isBoundary(toks[j]) {
				j--
			}
			if d := toks[j+1]; d.kind == tWord && d.isDet() {
				for k := j + 1; k < r.s-1; k++ {
					if toks[k].kind == tWord && !toks[k].cap {
						e.addTitle(toks[k].bare())
					}
				}
			}
			// "La ministra de Transportes, Raquel Sánchez,", "…, afirmó el
			// secretario general del sindicato, Pepe Álvarez"
			for k := j + 2; k < r.s-1; k++ {
				if d := toks[k-1]; d.kind == tWord && foreignDets[d.lower] && foreignRoles[toks[k].bare()] {
					es.title(e, toks[k].bare())
					e.person = !e.org
					e.learnGender(roleGender(d.lower, toks[k].bare()))
					break
				}
			}
		}
	}
	// descriptive phrases: "the 43-year-old man", "one legal expert"
	for i := lo; i < hi; i++ {
		t := toks[i]
		if t.kind != tWord {
			continue
		}
		if t.indefinite() {
			for j := i + 1; j < hi && j <= i+4; j++ {
				u := toks[j]
				if u.kind != tWord || u.cap || u.cls&(clsClauseOrFunction|clsCueForm) != 0 {
					break
				}
				if isPersonHead(u.bare()) && es.indefs[u.bare()] == "" {
					es.indefs[u.bare()] = t.lower + " " + joinTokens(toks[i+1:j+1])
				}
			}
		}
		if !t.isDet() {
			continue
		}
		for j := i + 1; j < hi && j <= i+4; j++ {
			u := toks[j]
			if u.kind != tWord || u.cap || u.cls&(clsClauseOrFunction|clsCueForm) != 0 {
				break
			}
			es.addDesc(u.bare(), toks[i+1:j+1])
		}
	}
	return runs
}

// parseNP reads a noun phrase (and an optional appositive) at an attribution
// point.
func parseNP(np, appos []token) mention {
	m := readNP(np)
	if len(appos) > 0 {
		a := readNP(appos)
		// prefer a name; a bare name in the appositive wins over a description
		if len(a.name) > 0 && (len(m.name) == 0 || pureName(appos) && (!np[0].cap || np[0].isDet() || foreignDets[np[0].lower])) && m.pron == "" {
			return a
		}
		if m.empty() && !a.empty() && !startsWithPrep(appos) {
			return a
		}
	}
	return m
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

func startsWithPrep(toks []token) bool {
	return len(toks) > 0 && toks[0].is("via", "in", "on", "at", "to", "from", "for", "with", "by") || len(toks) > 0 && hasKey(accordingWords, toks[0].lower)
}

func pureName(toks []token) bool {
	for i, t := range toks {
		if t.kind != tWord || !t.cap && !(i > 0 && (t.particle() || t.is("of", "the", "for", "and"))) {
			return false
		}
	}
	return len(toks) > 0
}

var headStops = set("of in at from for with on who which that whose via to by about after before during under over near " +
	"de del des du da do dos das della dello delle di dei degli der von vom")

func readNP(np []token) mention {
	// drop a leading conjunction or preposition phrase
	for len(np) > 0 && np[0].kind == tWord && np[0].is("and", "but", "or", "so", "then", "yet", "also") {
		np = np[1:]
	}
	// a parenthesis closes the phrase: "Charlie McDowell (“The Discovery”)"
	for k, t := range np {
		if k > 0 && t.isPunct("(") {
			np = np[:k]
			break
		}
	}
	if len(np) == 0 {
		return mention{}
	}
	m := mention{words: np}
	if len(np) == 1 && np[0].kind == tWord {
		if p := pronounOf(np[0]); pronouns[p] {
			m.pron = p
			return m
		}
	}
	// the head portion ends at a preposition or relative pronoun, except
	// inside a name ("Office of the Inspector General")
	var buf [8]nameRun
	runs := appendRuns(buf[:0], np, 0, len(np))
	inRun := func(i int) bool {
		for _, r := range runs {
			if i > r.s && i < r.e {
				return true
			}
		}
		return false
	}
	end := len(np)
	for i := 1; i < len(np); i++ {
		t := np[i]
		if t.kind == tWord && !t.cap && t.in(clsHeadStop) && !inRun(i) {
			end = i
			break
		}
	}
	var last *nameRun
	for k := range runs {
		if runs[k].s < end {
			last = &runs[k]
		}
	}
	if last != nil && last.e > end {
		last.e = end
	}
	// a name followed by a lower-case noun is a modifier ("China’s ambassador")
	if last != nil && last.e < end {
		rest := np[last.e:end]
		if len(rest) > 0 && !(len(rest) == 1 && nameSuffixes[rest[0].lower]) {
			last = nil
		}
	}
	// a run made only of titles ("Secretary of State …") is no name
	if last != nil && onlyTitles(np[last.s:last.e]) {
		last = nil
	}
	head := np[end-1]
	// Romance adjectives follow their noun: "la presidenta madrileña"
	for k := 1; k < end-1; k++ {
		if foreignDets[np[k-1].lower] && foreignRoles[np[k].bare()] {
			head = np[k]
			m.gender = roleGender(np[k-1].lower, np[k].bare())
			// words after the role that single someone out describe a new
			// source ("el líder mapuche más radicalizado"); one adjective
			// refers back ("la presidenta madrileña")
			m.qualified = end-1-k > 1
			break
		}
	}
	if len(np) >= 2 && foreignDets[np[0].lower] && foreignRoles[np[1].bare()] {
		m.gender = roleGender(np[0].lower, np[1].bare())
	}
	for _, t := range np[:end-1] {
		if t.possessive() {
			m.owner = strings.TrimSuffix(t.bare(), ".")
		}
	}
	if last == nil && len(runs) > 0 {
		r := runs[len(runs)-1]
		switch {
		case r.e == len(np) && len(np[r.s:r.e])-len(coreName(np[r.s:r.e])) > 0 && hasTitle(np[r.s:r.e]):
			// "Secretary of State Mike Pompeo": a title phrase ending in a name
			last = &r
		case docNouns[head.bare()] && end < len(np) && np[end].is("from", "by", "of") && r.s > end:
			// "a report from Kotak Institutional Equities": the author
			last = &r
		case docNouns[head.bare()] && r.e < end && np[r.e-1].possessive():
			// "Big Machine's statement": the author
			last = &r
		}
	}
	if last != nil {
		name, org, _ := runParts(np, *last)
		m.name, m.org, m.nameWords, m.det = keyOf(name), org, name, last.det
		// "a project Mayor Jane Alvarez called …": a noun phrase before the
		// name that is not its role is another constituent
		if k := last.s - 1; last.e == len(np) && k > 0 && np[k].kind == tWord && !np[k].cap && !np[k].possessive() &&
			!isTitle(np[k].bare()) && !isNounHead(np[k].bare()) && !isRole(np[k].bare()) && !np[k].particle() &&
			!np[k].in(clsHeadStop) && !np[k].is("and", "&") && !strings.ContainsAny(np[k].lower, "'’") && (np[0].isDet() || foreignDets[np[0].lower]) {
			m.words = np[last.s:]
		}
		return m
	}
	// "contains the following statement": a verb before the determiner
	// is no part of the source's description
	for k := 1; k < end-1; k++ {
		if t := np[k]; t.kind == tWord && !t.cap && t.isDet() && !np[0].cap && !np[0].isDet() && !foreignDets[np[0].lower] {
			plain := true
			for _, u := range np[:k] {
				plain = plain && u.kind == tWord && !u.cap && !u.possessive() && !isNounHead(u.bare()) && !isTitle(u.bare())
			}
			if plain {
				np = np[k:]
				m.words = np
			}
			break
		}
	}
	m.head = head.bare()
	m.plural = strings.HasSuffix(m.head, "s") && !strings.HasSuffix(m.head, "ss") || irregularPlurals[m.head]
	var d string
	if np[0].isDet() || np[0].is("one", "another", "some") {
		d = joinLowerFirst(np)
		m.indef = np[0].is("a", "an", "one", "another", "some")
	} else {
		d = joinTokens(np)
	}
	m.desc = d
	return m
}

// findEntity resolves a name key to the entity with the most complete name
// containing it, nearest before pos, else first after.
func (es *entities) findEntity(key []string, org bool, pos int) *entity {
	var best *entity
	bestLen, bestDist := 0, 0
	cands := es.byWord[key[0]]
	if len(key) == 1 {
		cands = append(cands[:len(cands):len(cands)], es.byInits[key[0]]...)
	}
	for _, e := range cands {
		if !containsSeq(e.key, key) && !(len(key) == 1 && e.inits == key[0]) {
			continue
		}
		if e.org != org && len(e.key) > len(key) && !(len(key) == 1 && e.inits == key[0]) {
			continue
		}
		d := distance(e.pos, pos)
		l := len(e.key)
		if best == nil || l > bestLen || l == bestLen && d < bestDist {
			best, bestLen, bestDist = e, l, d
		}
	}
	return best
}

// distance ranks mentions: the nearest one before pos first, then the
// first after it. ps is in increasing order.
func distance(ps []int, pos int) int {
	k := sort.SearchInts(ps, pos+1) // ps[:k] <= pos
	if k > 0 {
		return pos - ps[k-1]
	}
	if len(ps) == 0 {
		return 1 << 40
	}
	return (1 << 30) + ps[0] - pos
}

func containsSeq(big, small []string) bool {
	if len(small) == 0 || len(small) > len(big) {
		return false
	}
	for i := 0; i+len(small) <= len(big); i++ {
		ok := true
		for k := range small {
			if big[i+k] != small[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// initials of an organisation's name, for acronyms ("DEA").
func initials(e *entity) string {
	if !e.org || len(e.key) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range e.key {
		if w == "of" || w == "for" || w == "and" || w == "the" || w == "on" || w == "&" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

// byTitle finds the entity introduced with role word head, nearest before
// pos, else first after.
func (es *entities) byTitle(head string, org bool, pos int) *entity {
	var best *entity
	bestDist := 0
	cands := es.byTitleWord[head]
	if org {
		cands = append(cands[:len(cands):len(cands)], es.byWord[head]...)
	}
	for _, e := range cands {
		if e.org != org {
			continue
		}
		match := e.titles[head]
		if org && !match {
			for _, k := range e.key {
				if k == head {
					match = true
				}
			}
		}
		if !match {
			continue
		}
		d := distance(e.pos, pos)
		if best == nil || d < bestDist {
			best, bestDist = e, d
		}
	}
	return best
}

func onlyTitles(run []token) bool {
	for _, t := range run {
		if !isTitle(t.bare()) && !t.is("of", "the", "for", "and") {
			return false
		}
	}
	return true
}

func hasTitle(run []token) bool {
	stripped := run[:len(run)-len(coreName(run))]
	for _, t := range stripped {
		if isTitle(t.bare()) || isTitle(strings.TrimSuffix(t.bare(), ".")) {
			return true
		}
	}
	return false
}

// lastSpeaker is the most recent source of a reporting verb within window
// paragraphs.
func (a *article) lastSpeaker(pi, window int) *ref {
	for k := len(a.history) - 1; k >= 0 && k >= len(a.history)-maxHistory; k-- {
		e := a.history[k]
		if e.para < pi-window {
			break
		}
		if e.speaker {
			r := e.r
			return &r
		}
	}
	return nil
}

// resolve turns a mention into a source. cur is the subject of the
// quotation's own sentence, tried first for pronouns.
func (a *article) resolve(m mention, pos int, cur *ref, pi int) *ref {
	if r, ok := a.resolveRef(m, pos, cur, pi); ok {
		return &r
	}
	return nil
}

// resolveRef is resolve returning the source by value (ok false for none),
// for the subject of every sentence: most are not kept.
func (a *article) resolveRef(m mention, pos int, cur *ref, pi int) (ref, bool) {
	switch {
	case m.pron != "":
		if r := a.resolvePronoun(m.pron, cur, pi); r != nil {
			return *r, true
		}
		return ref{}, false
	case len(m.name) > 0:
		e := a.ents.findEntity(m.name, m.org, pos)
		if e == nil {
			return ref{name: runDisplay(m.nameWords, m.org, m.det), kind: kindOf(m.org, false)}, true
		}
		return ref{name: e.display, ent: e, kind: kindOf(e.org, e.person)}, true
	case m.head != "" && m.indef:
		return ref{name: m.desc, kind: descKind(m.head), plural: m.plural, head: m.head}, true
	case m.head != "":
		if orgNouns[m.head] {
			if e := a.ents.byTitle(m.head, true, pos); e != nil {
				return ref{name: e.display, ent: e, kind: 'o'}, true
			}
			// "the company said": the organisation the story is about
			// ("the wireless trade association" is described, not named before)
			if strings.HasPrefix(m.desc, "the ") && m.owner == "" && strings.ToLower(m.desc) == m.desc && strings.Count(m.desc, " ") <= 2 {
				if r := a.recent(func(r ref) bool { return r.kind == 'o' && r.ent != nil }, pi, false); r != nil {
					return *r, true
				}
			}
			return ref{name: m.desc, kind: 'o'}, true
		}
		if docNouns[m.head] && strings.HasPrefix(m.desc, "the ") && m.owner == "" {
			// "the statement said": its author, the last source quoted
			if r := a.recent(func(r ref) bool { return !docNouns[r.head] && (r.kind != 'd' || isPersonHead(r.head)) }, pi, true); r != nil {
				return *r, true
			}
		}
		if isRole(m.head) && !m.plural {
			if e := a.ents.byTitle(m.head, false, pos); e != nil && (m.owner == "" || e.titles[m.owner]) && (m.gender == 0 || e.gender == 0 || e.gender == m.gender) {
				return ref{name: e.display, ent: e, kind: kindOf(false, true)}, true
			}
		}
		if strings.HasSuffix(m.head, "-year-old") && strings.HasPrefix(m.desc, "the ") {
			// "the 52-year-old said": the person the story is about
			person := func(r ref) bool { return r.ent != nil && !r.ent.org && personLike(r) }
			if r := a.recent(person, pi, false); r != nil {
				return *r, true
			}
		}
		if personNouns[m.head] && !isRole(m.head) && !m.plural && m.owner == "" && strings.EqualFold(m.desc, "the "+m.head) && a.ents.descLen(m.head) <= len(m.desc) {
			// "a person familiar with the matter … the person said"
			if d := a.ents.indefs[m.head]; d != "" {
				return ref{name: d, kind: 'd', head: m.head}, true
			}
		}
		if isRole(m.head) && !m.plural && m.owner == "" {
			if d := a.ents.indefs[m.head]; d != "" {
				return ref{name: d, kind: 'd', head: m.head}, true
			}
			person := func(r ref) bool {
				return r.ent != nil && !r.ent.org && personLike(r) && (m.gender == 0 || r.ent.gender == 0 || r.ent.gender == m.gender)
			}
			if r := a.recent(person, pi, true); r != nil && !m.qualified {
				return *r, true
			}
			if r := a.recent(person, pi, false); r != nil && !m.qualified {
				return *r, true
			}
		}
		d := m.desc
		if a.ents.descLen(m.head) > len(d) && strings.HasPrefix(d, "the ") {
			d = a.ents.desc(m.head)
		}
		return ref{name: d, kind: 'd', plural: m.plural, head: m.head}, true
	}
	return ref{}, false
}

func kindOf(org, person bool) byte {
	switch {
	case org:
		return 'o'
	case person:
		return 'p'
	}
	return 'u'
}

// resolvePronoun finds the source a personal pronoun stands for.
func (a *article) resolvePronoun(p string, cur *ref, pi int) *ref {
	var ok func(ref) bool
	switch p {
	case "he", "she":
		g := personPronouns[p][0]
		ok = func(r ref) bool {
			if r.kind == 'o' || r.plural || r.kind == 'd' && !isPersonHead(r.head) {
				return false
			}
			return r.ent == nil || r.ent.gender == 0 || r.ent.gender == g
		}
	case "they", "it":
		ok = func(r ref) bool {
			if r.ent != nil && (r.ent.gender != 0 || r.ent.person) {
				return false
			}
			if p == "it" {
				return r.kind == 'o' || r.kind == 'u'
			}
			return r.kind == 'o' || r.kind == 'u' || r.kind == 'd' && r.plural
		}
		// an organisation or group first, then a name of unknown kind
		group := func(r ref) bool { return ok(r) && r.kind != 'u' }
		if cur != nil && group(*cur) {
			c := *cur
			return &c
		}
		if r := a.recent(group, pi, false); r != nil {
			return r
		}
	default:
		return nil
	}
	var r *ref
	named := func(r ref) bool { return r.ent != nil && ok(r) && (p == "they" || p == "it" || personLike(r)) }
	if cur != nil && ok(*cur) {
		c := *cur
		r = &c
	} else if p == "he" || p == "she" {
		// a named subject or speaker of the right gender, then a person
		// named elsewhere of the right gender, then any named one
		// a named subject or speaker, then a person named elsewhere of the
		// right gender ("… released by Dr. Jane Smith", "one mother"), then
		// one named elsewhere
		g := personPronouns[p][0]
		gendered := func(r ref) bool {
			if r.ent == nil {
				return nounGender[r.head] == g
			}
			return named(r) && r.ent.gender == g
		}
		if r = a.recent(named, pi, false); r == nil {
			if r = a.recentMention(gendered, pi); r == nil {
				r = a.recentMention(named, pi)
			}
		}
	} else {
		r = a.recent(named, pi, false)
	}
	if r == nil {
		r = a.recent(ok, pi, false) // a named source first, else a described one
	}
	if r != nil && r.ent != nil && (p == "he" || p == "she") {
		r.ent.person = true
		if r.ent.gender == 0 {
			r.ent.gender = personPronouns[p][0]
		}
		r.kind = 'p'
	}
	return r
}

// recent returns the most recent source satisfying ok: among speakers
// within four paragraphs when speakers is set, else among all events within
// six.
func (a *article) recent(ok func(ref) bool, pi int, speakers bool) *ref {
	window := 6
	if speakers {
		window = 4
	}
	for k := len(a.history) - 1; k >= 0 && k >= len(a.history)-maxHistory; k-- {
		e := a.history[k]
		if e.para < pi-window {
			break
		}
		if e.mention || speakers && !e.speaker {
			continue
		}
		if ok(e.r) {
			r := e.r
			return &r
		}
	}
	return nil
}

func isPersonHead(h string) bool {
	return wordClasses.get(h)&(clsPersonNoun|clsRole) != 0 || isRole(strings.TrimSuffix(h, "s")) // personNouns or isRole
}

func descKind(head string) byte {
	if orgNouns[head] {
		return 'o'
	}
	return 'd'
}

// personLike: a named source known to be a person, or with a full name.
func personLike(r ref) bool {
	return r.kind == 'p' || r.ent != nil && !r.ent.org && len(r.ent.key) >= 2
}

// statistic reports whether a source is a share of respondents ("Fifty-one
// percent", "44 percent of Americans", "most voters").
func statistic(m mention) bool {
	if m.desc == "" {
		return false
	}
	first := strings.Fields(m.desc)[0]
	r, _ := utf8.DecodeRuneInString(first)
	numeric := unicode.IsDigit(r) || numberWords[strings.Split(strings.ToLower(first), "-")[0]]
	return numeric && (m.head == "percent" || m.head == "%" || strings.Contains(m.desc, "percent") || strings.Contains(m.desc, "%")) ||
		(first == "most" || first == "many") && (m.head == "americans" || m.head == "voters" || m.head == "respondents" || m.head == "people")
}

var surveyNouns = set("poll polls survey surveys census")

var numberWords = set("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred half")

// recentMention is the most recent named person seen outside a subject
// within two paragraphs that satisfies ok.
func (a *article) recentMention(ok func(ref) bool, pi int) *ref {
	for k := len(a.history) - 1; k >= 0 && k >= len(a.history)-maxHistory; k-- {
		e := a.history[k]
		if e.para < pi-2 {
			break
		}
		if e.mention && ok(e.r) {
			r := e.r
			return &r
		}
	}
	return nil
}
