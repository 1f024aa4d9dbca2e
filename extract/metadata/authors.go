package metadata

import (
	"byline/internal/fastre"
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// byPrefixRe is a leading "By" and its equivalents in the main news
	// languages, with a following colon.
	byPrefixRe = fastre.MustCompile(`(?i)^(?:(?:written|posted|reported|published|story|text|words|photos?|edited|compiled|interview|report|analysis|opinion|commentary|review|column|essay|perspective|analyse|kommentar|ein kommentar|une analyse|un éditorial|une tribune|análisis|opinión|reportaje|reportage)\s+(?:by|von|par|de|por)|by|from|par|por|von|di|door|av|af|przez|автор|author|authors|autor|autore|auteur|auteurs|text|texto|testo|redakce|reporter|reportage|posted)\b\s*[:\-–—]?\s*`)
	// cyrPrefixRe is a Cyrillic byline label ("Текст:", "Автор:"); \b
	// only knows ASCII letters.
	cyrPrefixRe = fastre.MustCompile(`(?i)^(?:текст|автор|авторы|фото|материал подготовил[аи]?|подготовил[аи]?)\s*[:\-–—]?\s+`)
	// bylineCutRe marks where a byline stops naming people: "Updated", a
	// role line, an e-mail prompt, a separator; bylineCutDateRe too: a
	// date or a time. They are two patterns, not one, for speed: each is
	// small enough for the regexp package's faster matcher, and the
	// second, whose every form has a digit, runs only on a text with one.
	bylineCutRe     = fastre.MustCompile(`(?i)\s*(?:\||•|·|\bupdated\b|\bpublished\b|\bposted\b|\blast updated\b|\bemail the author\b|\be-mail\b|\bemail\b|\bfollow\b|\bcontact\b|\bread more\b|\bmore by\b|\bmore from\b|\bview all\b|\bsee all\b|\bon twitter\b|\bon facebook\b|\bphotograph(?:y|s)?\s+by\b|\bedited by\b|\billustrations?\s+by\b|\bphotos?\s+by\b|\bvideo\s+by\b|\bmis à jour\b|\baktualisiert\b|\bactualizado\b|\batualizado\b|\baggiornato\b|\bupdated on\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b|\bhours? ago\b|\bminutes? ago\b|\bdays? ago\b)`)
	bylineCutDateRe = fastre.MustCompile(`(?i)\s*(?:\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b)`)
	// splitRe separates names: commas, semicolons, "and", "&" and their
	// equivalents.
	splitRe = fastre.MustCompile(`\s*(?:[,;/|&＆、]|\b(?i:and|und|sowie|with|avec|mit)\b|\b(?:y|e|et|og|och|i)\b)\s*`)
	// sentenceStopRe is a full stop after a word of three letters or more
	// (not an initial): "Finian Cunningham. Sputnik International".
	sentenceStopRe = fastre.MustCompile(`(\p{L}{3,})\.\s+`)
	withParenRe    = fastre.MustCompile(`(?i)\s*[\(\[]\s*(?:avec|with|mit|con|com|and|und|et)\s+([^\)\]]+)[\)\]]`)
	emailRe        = fastre.MustCompile(`\S+@\S+\.\S+`)
	urlInTextRe    = fastre.MustCompile(`(?i)\(?\bhttps?://\S+\)?|\bwww\.\S+`)
	handleRe       = fastre.MustCompile(`\(?@\w+\)?`)
	parenRe        = fastre.MustCompile(`\s*[\(\[（][^\)\]）]*[\)\]）]\s*`)
	digitRe        = fastre.MustCompile(`\d`)
	dateLeadRe     = fastre.MustCompile(`[\s,]+(?:le|am|on|el|em|il|den|vom|du|del|de|à|at|op)?[\s,]*$`)
	// forTailRe is a credit after a name: "ELLIE BROOKS FOR THE DAILY
	// ECHO", "Jane Doe for the Times", "special to The Globe".
	forTailRe = fastre.MustCompile(`(?i)\s+(for|pour|für|special\s+to)\s+(\S.*)$`)
)

// roleWords are words that make a byline part a job title, a desk or an
// organisation rather than a person's name.
var roleWords = map[string]bool{
	"staff": true, "writer": true, "writers": true, "reporter": true, "reporters": true,
	"correspondent": true, "correspondents": true, "editor": true, "editors": true, "editorial": true,
	"columnist": true, "contributor": true, "contributors": true, "contributing": true,
	"journalist": true, "producer": true, "photographer": true, "analyst": true, "bureau": true,
	"chief": true, "senior": true, "desk": true, "team": true, "newsroom": true, "news": true,
	"service": true, "services": true, "wire": true, "wires": true, "agency": true, "agencies": true,
	"press": true, "media": true, "online": true, "digital": true, "guest": true, "author": true,
	"admin": true, "administrator": true, "webmaster": true, "anonymous": true, "unknown": true,
	"redaktion": true, "rédaction": true, "redacción": true, "redação": true, "redazione": true,
	"correspondant": true, "correspondante": true, "envoyé": true, "envoyée": true, "spécial": true,
	"special": true, "associate": true, "assistant": true, "deputy": true, "managing": true,
	"executive": true, "political": true, "politics": true, "science": true, "health": true,
	"business": true, "sports": true, "technology": true, "tech": true, "culture": true,
	"entertainment": true, "travel": true, "opinion": true, "investigations": true, "investigative": true,
	"director": true, "founder": true, "ceo": true, "president": true, "professor": true,
	"phd": true, "md": true, "ma": true, "mba": true, "rn": true, "dr": false,
	"magazine": true, "times": true, "post": true, "daily": true, "weekly": true, "journal": true,
	"herald": true, "tribune": true, "gazette": true, "inc": true, "ltd": true, "llc": true,
	"group": true, "foundation": true, "institute": true, "university": true, "contributors to": true,
	"follow": true, "share": true, "comments": true, "comment": true, "advertisement": true,
	"sponsored": true, "partner": true, "content": true, "view": true, "profile": true,
	"email": true, "twitter": true, "facebook": true, "instagram": true, "linkedin": true,
	"updated": true, "published": true, "minute": true, "minutes": true, "read": true,
	"home": true, "menu": true, "search": true, "subscribe": true, "login": true, "sign": true,
	"international": true, "network": true, "channel": true, "radio": true, "tv": true,
	"redakce": true, "autor": true, "autorin": true, "projects": true, "wikimedia": true,
}

// junkNames are author values that name no one, not even an organisation.
var junkNames = map[string]bool{
	"admin": true, "administrator": true, "webmaster": true, "anonymous": true, "unknown": true,
	"guest": true, "user": true, "editor": true, "author": true, "staff": false, "null": true, "none": true,
	"follow": true, "share": true, "comments": true, "comment": true, "advertisement": true,
	"sponsored": true, "subscribe": true, "login": true, "menu": true, "search": true, "home": true,
	"email": true, "twitter": true, "facebook": true, "instagram": true, "linkedin": true, "profile": true,
}

// nameParticles may be lower-case inside a Latin-script name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "do": true, "dos": true, "das": true, "di": true, "del": true, "della": true,
	"van": true, "von": true, "der": true, "den": true, "ten": true, "ter": true, "la": true, "le": true,
	"du": true, "des": true, "bin": true, "bint": true, "al": true, "el": true, "y": true, "e": true,
	"af": true, "zu": true, "st": true, "mc": true,
}

// credentialRe is a degree or certification after a name ("MS", "RDN",
// "Ph.D.", "M.D.").
var credentialRe = fastre.MustCompile(`^(?:[A-Z]{2,5}|(?:[A-Z][a-z]?\.){1,3}[A-Z]?|Ph\.?D\.?|Jr\.?|Sr\.?|III|II)$`)

// agencies are news agencies and wire services, kept only as an
// organisation when the page names no person.
var agencies = map[string]bool{
	"ap": true, "associated press": true, "the associated press": true, "reuters": true,
	"thomson reuters": true, "afp": true, "agence france-presse": true, "agence france presse": true,
	"dpa": true, "epd": true, "kna": true, "apa": true, "ansa": true, "efe": true, "upi": true,
	"pa": true, "pa media": true, "press association": true, "bloomberg": true, "bloomberg news": true,
	"ani": true, "pti": true, "ians": true, "xinhua": true, "tass": true, "ria novosti": true,
	"interfax": true, "kyodo": true, "yonhap": true, "cnn wire": true, "aap": true, "cp": true,
	"the canadian press": true, "canadian press": true, "sid": true, "belga": true, "anp": true,
	"tt": true, "ntb": true, "ritzau": true, "stt": true, "ctk": true, "čtk": true, "pap": true,
	"lusa": true, "europa press": true, "agencia efe": true, "nyt": true, "wire services": true,
	"staff": true, "staff reports": true, "staff report": true, "wire reports": true,
	"news service": true, "news services": true, "news desk": true, "web desk": true,
}

// cleanAuthors turns author strings from metadata or a byline into person
// names: it drops "By" and its equivalents, dates, times, e-mail
// addresses, links, job titles and agency credits, and splits "A and B" and
// "A, B". Names repeated (ignoring case) are kept once. When no person
// remains, orgs holds what was dropped as an organisation or agency name.
// A non-nil cache keeps the cleaned parts of each string for the next
// call.
func cleanAuthors(raw []string, cache authorCache) (people, orgs []string) {
	seen := map[string]bool{}
	for _, r := range raw {
		for _, part := range cache.parts(r) {
			name, org := part.name, part.org
			if org != "" && !seen["org:"+strings.ToLower(org)] {
				seen["org:"+strings.ToLower(org)] = true
				orgs = append(orgs, org)
			}
			if name == "" {
				continue
			}
			key := strings.ToLower(name)
			if seen[key] {
				continue
			}
			seen[key] = true
			people = append(people, name)
		}
	}
	return people, orgs
}

// An authorCache holds the cleaned parts of author strings: a page gives
// the same string in several sources (JSON-LD, metas, byline elements),
// and cleaning runs a dozen regexps.
type authorCache map[string][]authorPart

// authorPart is cleanName of one part of an author string.
type authorPart struct{ name, org string }

// parts is splitByline of r, each part through cleanName. The result is
// shared: not to be changed.
func (c authorCache) parts(r string) []authorPart {
	if parts, ok := c[r]; ok {
		return parts
	}
	var parts []authorPart
	for _, part := range splitByline(r) {
		name, org := cleanName(part)
		parts = append(parts, authorPart{name, org})
	}
	if c != nil {
		c[r] = parts
	}
	return parts
}

// splitByline cuts one author string into name candidates.
func splitByline(s string) []string {
	s = cleanText(s)
	s = emailRe.ReplaceAllString(s, " ")
	s = urlInTextRe.ReplaceAllString(s, " ")
	s = handleRe.ReplaceAllString(s, " ")
	s = strings.TrimSpace(s)
	// Several "By" in a row (nested markup), and a leading label.
	for i := 0; i < 3; i++ {
		t := cutPrefix(cyrPrefixRe, cutByPrefix(s))
		if t == s {
			break
		}
		s = t
	}
	cut := false
	if strings.ContainsAny(s, "0123456789") {
		if _, i, ok := findTextDate(s); ok {
			// A written date in any of the main languages ("le 12 mars 2024").
			s, cut = s[:i], true
		}
	}
	if i := bylineCut(s); i >= 0 {
		s, cut = s[:i], true
	}
	if cut {
		// The word that led to the date: "Jean Dupont le", "Max Muster am".
		s = dateLeadRe.ReplaceAllString(s, "")
	}
	// "(avec B et C)", "(with B)": co-authors, not a credit.
	s = withParenRe.ReplaceAllString(s, ", $1")
	// Parentheses hold handles, initials or credits; ones with digits
	// (counters, dates) stay so that the part is dropped.
	s = parenRe.ReplaceAllStringFunc(s, func(m string) string {
		if digitRe.MatchString(m) {
			return m
		}
		return " "
	})
	s = sentenceStopRe.ReplaceAllString(s, "$1, ")
	var out []string
	var whole [1]string
	parts := whole[:]
	if maySplit(s) {
		parts = splitRe.Split(s, -1)
	} else {
		whole[0] = s
	}
	for _, p := range parts {
		p = strings.Trim(cleanText(p), " .:-–—*•·,")
		p = cutByPrefix(p)
		p = cutForTail(p)
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// cutPrefix is re.ReplaceAllString(s, "") for a pattern anchored at the
// start of the text that matches no empty text (byPrefixRe, cyrPrefixRe):
// the rest of s after the match, without the copy ReplaceAllString makes
// even when nothing matches.
func cutPrefix(re *fastre.Regexp, s string) string {
	if loc := re.FindStringIndex(s); loc != nil {
		return s[loc[1]:]
	}
	return s
}

// byPrefixStarts are the first words of byPrefixRe's forms that are in
// ASCII, in lower case (TestCutByPrefix checks them against the pattern).
var byPrefixStarts = map[string]bool{
	"written": true, "posted": true, "reported": true, "published": true, "story": true,
	"text": true, "words": true, "photo": true, "photos": true, "edited": true,
	"compiled": true, "interview": true, "report": true, "analysis": true, "opinion": true,
	"commentary": true, "review": true, "column": true, "essay": true, "perspective": true,
	"analyse": true, "kommentar": true, "ein": true, "une": true, "un": true,
	"reportaje": true, "reportage": true, "by": true, "from": true, "par": true,
	"por": true, "von": true, "di": true, "door": true, "av": true, "af": true,
	"przez": true, "author": true, "authors": true, "autor": true, "autore": true,
	"auteur": true, "auteurs": true, "texto": true, "testo": true, "redakce": true,
	"reporter": true,
}

// cutByPrefix is cutPrefix(byPrefixRe, s). Most author strings start
// with a name, on which the pattern (forty forms, ignoring case) takes
// microseconds to fail. When s starts with a run of ASCII letters that
// ends s or is followed by another ASCII byte, a match starts with that
// whole word (a form's first word is followed by a space or a word
// boundary, and the case of an ASCII letter folds to no other byte), so
// a word no form starts with rules a match out. A run followed by a
// non-ASCII letter ("análisis", "poſted") goes to the regexp.
func cutByPrefix(s string) string {
	i := 0
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	if i == len(s) || s[i] < utf8.RuneSelf {
		var buf [16]byte
		if i == 0 || i > len(buf) || !byPrefixStarts[string(appendLower(buf[:0], s[:i]))] {
			return s
		}
	}
	return cutPrefix(byPrefixRe, s)
}

// splitWords are the words splitRe splits at, ignoring case, and
// splitWordsCase those it splits at only as written.
var (
	splitWords     = []string{"and", "und", "sowie", "with", "avec", "mit"}
	splitWordsCase = []string{"y", "e", "et", "og", "och", "i"}
)

// maySplit reports whether splitRe may match s: it holds one of its
// separators, or one of its words as a whole word (\b knows only ASCII
// letters, digits and "_"). A text with "ſ", which (?i) reads as "s",
// goes to the regexp. Most names have neither, and splitRe, whose
// single-letter words defeat the literal prefilter, is slow on them.
func maySplit(s string) bool {
	if strings.ContainsAny(s, ",;/|&＆、ſ") {
		return true
	}
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		w := s[i:j]
		for _, sw := range splitWords {
			if strings.EqualFold(w, sw) {
				return true
			}
		}
		for _, sw := range splitWordsCase {
			if w == sw {
				return true
			}
		}
		i = j
	}
	return false
}

// isWordByte is \w in a regexp: an ASCII letter, digit or "_".
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// bylineCut is where the first match of bylineCutRe or bylineCutDateRe
// starts, or -1.
func bylineCut(s string) int {
	i := -1
	if loc := bylineCutRe.FindStringIndex(s); loc != nil {
		i = loc[0]
	}
	if strings.ContainsAny(s, "0123456789") {
		if loc := bylineCutDateRe.FindStringIndex(s); loc != nil && (i < 0 || loc[0] < i) {
			i = loc[0]
		}
	}
	return i
}

// cleanName returns name when part reads as a person's name, else org when
// it reads as an organisation or agency credit.
func cleanName(part string) (name, org string) {
	part = strings.Trim(cleanText(part), " .:-–—*•·,'\"“”")
	if part == "" || digitRe.MatchString(part) {
		return "", ""
	}
	// The lower-cased forms below are only looked up: they are built in
	// buf (m[string(b)] makes no string).
	var buf [64]byte
	lower := appendLower(buf[:0], part)
	if agencies[string(lower)] {
		return "", part
	}
	if junkNames[string(lower)] || credentialRe.MatchString(part) {
		return "", ""
	}
	part = stripCredit(part)
	words := strings.Fields(part)
	if len(words) > 5 || utf8.RuneCountInString(part) > 60 {
		return "", ""
	}
	latin := false
	for _, w := range words {
		lw := appendLower(buf[:0], strings.Trim(w, ".,"))
		if roleWords[string(lw)] {
			return "", part
		}
		if bytes.IndexByte(lw, '-') >= 0 {
			for rest := lw; ; {
				sub, after, found := bytes.Cut(rest, []byte("-"))
				if roleWords[string(sub)] {
					return "", part
				}
				if !found {
					break
				}
				rest = after
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.Is(unicode.Latin, r) {
			latin = true
		}
	}
	if latin {
		// A Latin-script name has a capitalised word ("de", "van" may
		// be lower-case, but not all of it).
		capital := false
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) {
				capital = true
			}
		}
		if !capital {
			return "", ""
		}
		// Every other word of a name is capitalised ("Syrian defense
		// ministries" is not a name); "The ..." names a body, not a person.
		for i, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			lw := appendLower(buf[:0], w)
			if unicode.IsLower(r) && !nameParticles[string(lw)] {
				return "", ""
			}
			if i == 0 && len(words) > 1 && isArticleWord(lw) {
				return "", part
			}
		}
		if isAllUpper(part) && len(words) > 1 {
			part = titleCase(part)
		}
	}
	if !hasLetter(part) {
		return "", ""
	}
	return collapseSpace(part), ""
}

// isArticleWord reports a lower-cased definite article that opens the
// name of a body ("The Times", "Die Zeit").
func isArticleWord(w []byte) bool {
	switch string(w) {
	case "the", "la", "le", "el", "die", "der", "das":
		return true
	}
	return false
}

// appendLower appends strings.ToLower(s) to buf, lowering ASCII s
// without the copy that ToLower makes.
func appendLower(buf []byte, s string) []byte {
	if !isASCII(s) {
		return append(buf, strings.ToLower(s)...)
	}
	for i := 0; i < len(s); i++ {
		buf = append(buf, lowerASCII(s[i]))
	}
	return buf
}

// collapseSpace is innerSpaceRe.ReplaceAllString(s, " "): every run of
// \s (tab, newline, form feed, carriage return, space) becomes one space.
// Unlike the regexp, which copies s even when a match changes nothing (a
// name's one space), it copies s only when it changes.
func collapseSpace(s string) string {
	i := 0
	for i < len(s) && !(isRESpace(s[i]) && (s[i] != ' ' || i+1 < len(s) && isRESpace(s[i+1]))) {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for i < len(s) {
		if !isRESpace(s[i]) {
			b = append(b, s[i])
			i++
			continue
		}
		b = append(b, ' ')
		for i < len(s) && isRESpace(s[i]) {
			i++
		}
	}
	return string(b)
}

// isRESpace reports whether c is in regexp's \s.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isAllUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters > 1
}

// titleCase turns "JOE HILDEBRAND" into "Joe Hildebrand" (also after
// hyphens and apostrophes: "O'NEIL-SMITH" -> "O'Neil-Smith").
func titleCase(s string) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == ' ' || r == '-' || r == '\'' || r == '’'
	}
	return b.String()
}

// genericCreditRe is an agencies entry that names no agency ("staff",
// "news desk"): "Science X staff" is one credit, not a name and a credit.
var genericCreditRe = fastre.MustCompile(`staff|report|desk|service|wire`)

// stripCredit removes what follows a name in a wire byline: an agency
// ("MARK GILLISPIE Associated Press", "Jane Doe Reuters"), or a title-case
// role after a name in capitals ("JOHN SEEWER Staff Writer"). The name
// left has two words at least.
func stripCredit(part string) string {
	words := strings.Fields(part)
	for k := 3; k >= 1; k-- {
		if len(words)-k < 2 {
			continue
		}
		tail := strings.ToLower(strings.Join(words[len(words)-k:], " "))
		if agencies[tail] && !genericCreditRe.MatchString(tail) {
			return strings.Join(words[:len(words)-k], " ")
		}
	}
	caps := 0
	for _, w := range words {
		if !isAllUpper(w) || len(w) < 2 {
			break
		}
		caps++
	}
	if caps >= 2 && caps < len(words) {
		for _, w := range words[caps:] {
			if roleWords[strings.ToLower(strings.Trim(w, ".,"))] {
				return strings.Join(words[:caps], " ")
			}
		}
	}
	return part
}

// pubWords are words that name a publication in a "for the X" credit.
var pubWords = map[string]bool{
	"times": true, "post": true, "daily": true, "weekly": true, "news": true, "magazine": true,
	"journal": true, "herald": true, "tribune": true, "gazette": true, "press": true, "online": true,
	"mailonline": true, "media": true, "mail": true, "echo": true, "chronicle": true, "telegraph": true,
	"guardian": true, "observer": true, "express": true, "standard": true, "independent": true,
	"mirror": true, "star": true, "sun": true, "today": true, "review": true, "courier": true,
	"globe": true, "examiner": true, "record": true, "register": true, "bulletin": true,
	"zeitung": true, "monde": true, "figaro": true,
}

// cutForTail drops a "for the X" credit after a name of two words or more
// ("ELLIE BROOKS FOR THE DAILY ECHO", "Jane Doe for the Sunday Times"):
// when the credit is in capitals like a wire byline, names a publication,
// or is "special to". "National Center for Health Statistics" stays
// whole (and is no name).
func cutForTail(p string) string {
	m := forTailRe.FindStringSubmatchIndex(p)
	if m == nil {
		return p
	}
	head, word, tail := p[:m[0]], p[m[2]:m[3]], p[m[4]:m[5]]
	if len(strings.Fields(head)) < 2 {
		return p
	}
	credit := isAllUpper(word) && isAllUpper(tail) || strings.HasPrefix(strings.ToLower(word), "special")
	for _, w := range strings.Fields(strings.ToLower(tail)) {
		if pubWords[strings.Trim(w, ".,")] {
			credit = true
		}
	}
	if !credit {
		return p
	}
	return head
}
