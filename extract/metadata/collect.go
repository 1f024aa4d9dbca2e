package metadata

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"byline/internal/fastre"
)

// page is everything Read needs from the tree, gathered in one walk.
type page struct {
	htmlLang string
	isAMP    bool
	baseHref string
	titleTag string

	// metas maps a lower-cased meta key (property, name, itemprop or
	// http-equiv) to its non-empty contents in document order.
	metas map[string][]string
	// propCount counts the values of a key that came from a property
	// attribute; they are first in metas.
	propCount map[string]int
	// metaVals backs the first values of metas (see oneValue).
	metaVals []string
	// canonical and imageSrc are the hrefs of the link elements with rel
	// canonical and image_src (the only ones read), in document order.
	canonical, imageSrc []string

	ldjson []string
	// items are microdata properties (itemprop on elements other than meta).
	items []item
	// times are <time> elements and elements with a date-like class, outside
	// comments and related lists.
	times []dateNode
	// bylines are elements that look like an author line, outside comments
	// and related lists, in document order.
	bylines []bylineNode
	// relAuthors are the texts of rel=author links outside noise.
	relAuthors []string
	// headings are the texts of h1 and h2 elements (h1 first).
	h1s, h2s []string
	// headLines are the short texts that follow the first <h1> (its next
	// siblings, or its header's): the article's header lines, such as
	// "Staff report · October 4, 2024".
	headLines []string

	// classes caches classPart by class (data-testid, data-component)
	// value.
	classes map[string]classMatch

	// bylineCache holds bylinePeople's results by byline text, and
	// authors the cleaned parts of author strings.
	bylineCache map[string][]string
	authors     authorCache
}

// item is one microdata property with the itemtype of its scope.
type item struct {
	prop      string
	scopeType string // lower-cased last path segment of the scope's itemtype
	node      *html.Node
	value     string // content/datetime attribute or text
}

type dateNode struct {
	value     string // datetime attribute or text
	fromAttr  bool   // value is a machine-readable attribute
	published bool   // pubdate attribute, or a class naming publication
	updated   bool   // class naming an update
	inArticle bool
}

type bylineNode struct {
	text      string
	inArticle bool
	strong    bool // itemprop=author, rel=author or a class naming the byline itself
	byText    bool // found by its wording ("By …"), not by its markup
}

// byWords are the words that open a byline line.
var byWords = []string{"By", "BY", "By:", "Par", "PAR", "Von", "Por", "Door", "Written by"}

// startsWithBy reports a p, div or span whose first text is a byline
// opener ("By", "Par", "Von", "Por") followed by a link or a capitalised
// name.
func startsWithBy(n *html.Node) bool {
	if n.DataAtom != atom.P && n.DataAtom != atom.Div && n.DataAtom != atom.Span {
		return false
	}
	c := n.FirstChild
	for c != nil && (c.Type == html.CommentNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) == "") {
		c = c.NextSibling
	}
	if c == nil || c.Type != html.TextNode || len(c.Data) > 80 {
		return false
	}
	t := strings.TrimSpace(c.Data)
	if slices.Contains(byWords, t) {
		next := c.NextSibling
		return next != nil && next.Type == html.ElementNode && (next.DataAtom == atom.A || next.DataAtom == atom.Span || next.DataAtom == atom.Strong || next.DataAtom == atom.B)
	}
	for _, w := range byWords {
		if len(t) > len(w)+1 && strings.HasPrefix(t, w) && t[len(w)] == ' ' {
			r, _ := utf8.DecodeRuneInString(t[len(w)+1:])
			return unicode.IsUpper(r)
		}
	}
	return false
}

var (
	// noiseClass matches class/id values of containers whose dates and
	// names belong to something other than the article: comments (any
	// value with "comment"), related and recommended lists, sidebars,
	// footers.
	noiseClass = newClassPattern("disqus replies reply related recommend recommended recommendations more-stories more-from read-more readmore most-read most-popular popular trending sidebar widget footer outbrain taboola teaser teasers promo newsletter",
		"comment")
	bylineClassRe     = fastre.MustCompile(`(?i)byline|writtenby|dateline|author(s|name)?($|[^a-z])|writer|contributor|reporter|journalist`)
	bylineStrongClass = newClassPattern("author authors author-name authorname writer p-author", "byline")
	notBylineRe       = fastre.MustCompile(`(?i)(avatar|image|img|photo|picture|thumb|bio|description|about|social|share|follow|twitter|facebook|more-by|other|related)`)
	dateClass         = newClassPattern("date time timestamp published pubdate posted post-date postdate entry-date publish dateline updated article-date meta-date",
		"datetime publishdate datepublished")
	updatedRe   = fastre.MustCompile(`(?i)updat|modif|edited`)
	publishedRe = fastre.MustCompile(`(?i)publish|pubdate|posted|created|entry-date`)
)

// A classPattern matches a class value that holds, ignoring case, one of
// its names as a whole word (between "-", "_", " " or the ends of the
// value), or one of its parts anywhere. It runs on many class values: in
// ASCII it compares bytes, outside it runs the same as a regexp.
type classPattern struct {
	names, parts []string
	re           *fastre.Regexp
}

func newClassPattern(names, parts string) *classPattern {
	c := &classPattern{names: strings.Fields(names), parts: strings.Fields(parts)}
	alts := make([]string, len(c.names))
	for i, w := range c.names {
		alts[i] = regexp.QuoteMeta(w)
	}
	expr := `(?i)(^|[-_ ])(` + strings.Join(alts, "|") + `)($|[-_ ])`
	for _, w := range c.parts {
		expr += "|" + regexp.QuoteMeta(w)
	}
	c.re = fastre.MustCompile(expr)
	return c
}

func (c *classPattern) MatchString(v string) bool {
	if !isASCII(v) {
		return c.re.MatchString(v)
	}
	for _, w := range c.parts {
		for i := 0; i+len(w) <= len(v); i++ {
			if hasPrefixLowerASCII(v[i:], w) {
				return true
			}
		}
	}
	for i := 0; i < len(v); i++ {
		if i > 0 && !isClassSep(v[i-1]) {
			continue
		}
		for _, w := range c.names {
			if hasPrefixLowerASCII(v[i:], w) && (i+len(w) == len(v) || isClassSep(v[i+len(w)])) {
				return true
			}
		}
	}
	return false
}

func isClassSep(c byte) bool { return c == '-' || c == '_' || c == ' ' }

func collect(doc *html.Node) *page {
	// The meta maps start at the size of a common page's metas, which
	// would grow them several times (measured over the bench pages: fewer
	// allocations and bytes; the class cache gains nothing so).
	p := &page{metas: make(map[string][]string, 32), propCount: make(map[string]int, 16), classes: map[string]classMatch{}, authors: authorCache{}}
	p.walk(doc, false, false, "")
	return p
}

// walk reads n and its subtree. It is kept small, as it recurses as deep
// as the tree: the work on an element, with its large frame, is in
// element, which is not on the stack while the children are walked.
func (p *page) walk(n *html.Node, noise, inArticle bool, scope string) {
	switch n.Type {
	case html.ElementNode:
		var descend bool
		if noise, inArticle, scope, descend = p.element(n, noise, inArticle, scope); !descend {
			return
		}
	case html.TextNode:
		if !noise && len(n.Data) < 160 && hasPubLabelHint(n.Data) {
			p.addLabelDate(n, inArticle)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, noise, inArticle, scope)
	}
}

// element reads the element n and tells how to walk its children: in
// noise, in the article, in which microdata scope, and whether at all.
//
//go:noinline
func (p *page) element(n *html.Node, noise, inArticle bool, scope string) (bool, bool, string, bool) {
	// Inside noise only metas, links, ld+json and the title are read:
	// an element's attributes and class matter only outside it.
	var ea elemAttrs
	var ci classInfo
	if !noise {
		ea = readAttrs(n)
		ci = p.classInfo(&ea)
	}
	switch n.DataAtom {
	case atom.Html:
		p.htmlLang = strings.TrimSpace(attr(n, "lang"))
		if p.htmlLang == "" {
			p.htmlLang = strings.TrimSpace(attr(n, "xml:lang"))
		}
		p.isAMP = hasAttr(n, "amp") || hasAttr(n, "⚡")
	case atom.Base:
		if p.baseHref == "" {
			p.baseHref = strings.TrimSpace(attr(n, "href"))
		}
	case atom.Title:
		if p.titleTag == "" && !inSVG(n) {
			p.titleTag = cleanText(textOf(n))
		}
		return noise, inArticle, scope, false
	case atom.Meta:
		p.addMeta(n)
		if ip := strings.TrimSpace(attr(n, "itemprop")); ip != "" && !noise {
			p.addItems(ip, n, scope)
		}
		return noise, inArticle, scope, false
	case atom.Link:
		href := strings.TrimSpace(attr(n, "href"))
		if href != "" {
			for rel := range strings.FieldsSeq(attr(n, "rel")) {
				switch {
				case lowerIs(rel, "canonical"):
					p.canonical = append(p.canonical, href)
				case lowerIs(rel, "image_src"):
					p.imageSrc = append(p.imageSrc, href)
				}
			}
		}
		return noise, inArticle, scope, false
	case atom.Script:
		if t := strings.ToLower(strings.TrimSpace(attr(n, "type"))); t == "application/ld+json" {
			p.ldjson = append(p.ldjson, childText(n))
		}
		return noise, inArticle, scope, false
	case atom.Style, atom.Noscript, atom.Template:
		return noise, inArticle, scope, false
	case atom.Nav, atom.Footer:
		noise = true
	case atom.Aside:
		// An aside inside the article may hold its byline and date.
		noise = noise || !inArticle
	case atom.Article, atom.Main:
		inArticle = true
	case atom.H1, atom.H2:
		if !noise {
			if t, ok := shortText(n, maxHeadingText); ok && t != "" {
				if n.DataAtom == atom.H1 {
					if len(p.h1s) == 0 {
						p.headLines = p.headerLines(n)
					}
					p.h1s = append(p.h1s, t)
				} else {
					p.h2s = append(p.h2s, t)
				}
			}
		}
	case atom.Time:
		if !noise {
			dn := dateNode{inArticle: inArticle, published: hasAttr(n, "pubdate")}
			if v := strings.TrimSpace(attr(n, "datetime")); v != "" {
				dn.value, dn.fromAttr = v, true
			} else {
				dn.value, _ = shortText(n, maxDateText)
			}
			dn.updated = ci.updated || updatedRe.MatchString(ea.itemprop)
			dn.published = dn.published || ci.published || ea.itemprop == "datePublished"
			if dn.value != "" {
				p.times = append(p.times, dn)
			}
		}
	}
	if noise {
		return true, inArticle, scope, true
	}
	structural := n.DataAtom == atom.Html || n.DataAtom == atom.Body || n.DataAtom == atom.Main || n.DataAtom == atom.Article
	if !structural && ci.noise && !ci.bylineStrong {
		noise = true
	}
	if strings.EqualFold(ea.role, "complementary") || strings.EqualFold(ea.role, "contentinfo") {
		noise = true
	}
	if ea.itemprop != "" && lowerContains(ea.itemprop, "articlebody") {
		inArticle = true
	}
	if ea.itemscope {
		scope = strings.ToLower(lastSegment(attr(n, "itemtype")))
		if strings.Contains(scope, "comment") {
			noise = true
		}
	}
	if ip := strings.TrimSpace(ea.itemprop); ip != "" && !noise {
		p.addItems(ip, n, scope)
	}
	if !noise {
		p.addByline(n, &ea, ci, inArticle)
		if n.DataAtom != atom.Time && ci.date && !hasChildElement(n, atom.Time) {
			if t := cleanText(textLimit(n, 400)); t != "" && len(t) < 120 {
				p.times = append(p.times, dateNode{value: t, inArticle: inArticle,
					updated: ci.updated, published: ci.published})
			}
		}
	}
	return noise, inArticle, scope, true
}

// childText is the text of n's text children: the one's own text,
// uncopied, in the usual case of one.
func childText(n *html.Node) string {
	if c := n.FirstChild; c != nil && c.NextSibling == nil && c.Type == html.TextNode {
		return c.Data
	}
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
		}
	}
	return sb.String()
}

// classInfo is what the class and id of an element say, by the regexps
// above.
type classInfo struct {
	noise, byline, bylineStrong, date, updated, published bool
}

// elemAttrs are the attributes that collect reads on every element, found
// in one pass over them. As attr does, the first of a repeated key counts.
type elemAttrs struct {
	class, id, testid, component string
	role, itemprop, rel          string
	itemscope                    bool
}

func readAttrs(n *html.Node) elemAttrs {
	var ea elemAttrs
	var seen uint8
	set := func(bit uint8, dst *string, v string) {
		if seen&bit == 0 {
			seen |= bit
			*dst = v
		}
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			set(1, &ea.class, a.Val)
		case "id":
			set(2, &ea.id, a.Val)
		case "data-testid":
			set(4, &ea.testid, a.Val)
		case "data-component":
			set(8, &ea.component, a.Val)
		case "role":
			set(16, &ea.role, a.Val)
		case "itemprop":
			set(32, &ea.itemprop, a.Val)
		case "rel":
			set(64, &ea.rel, a.Val)
		case "itemscope":
			ea.itemscope = true
		}
	}
	return ea
}

// classInfo tells what the class, id, data-testid and data-component
// (the names that component frameworks give instead of a class, as
// data-testid="AuthorByline") of an element say: the regexps above
// matched against them joined by spaces, gated by the cheap test for
// their words (classWordGroups). As no regexp matches across a space
// except at a word's edge (where a space and the end of a value are
// alike), each value is matched on its own and the results are or-ed.
// In ASCII a regexp matches only a value that holds one of its group's
// words, so most values need no regexp at all; the results for class
// values, which repeat across elements, are cached.
func (p *page) classInfo(ea *elemAttrs) classInfo {
	var m classMatch
	for i, v := range [...]string{ea.class, ea.id, ea.testid, ea.component} {
		if v == "" {
			continue
		}
		groups, ascii := classWordGroups(v)
		if groups == 0 && ascii {
			continue
		}
		var vm classMatch
		if i == 1 {
			vm = classPart(v, groups, ascii) // ids are unique: not worth caching
		} else if c, ok := p.classes[v]; ok {
			vm = c
		} else {
			vm = classPart(v, groups, ascii)
			p.classes[v] = vm
		}
		m.groups |= vm.groups
		m.re |= vm.re
	}
	if m.groups == 0 {
		return classInfo{}
	}
	has := func(group uint8, re uint8) bool { return m.groups&group != 0 && m.re&re != 0 }
	ci := classInfo{
		noise:        has(noiseGroup, noiseRx),
		bylineStrong: has(bylineGroup, bylineStrongRx),
		byline:       has(bylineGroup, bylineClassRx),
		date:         has(dateGroup, dateClassRx),
		updated:      has(dateGroup, updatedRx),
		published:    has(dateGroup, publishedRx),
	}
	if ci.byline {
		for _, v := range [...]string{ea.class, ea.id, ea.testid, ea.component} {
			if notBylineRe.MatchString(v) {
				ci.byline = false
				break
			}
		}
	}
	return ci
}

// classMatch is what one class (or id) value holds: the groups of class
// words, and the regexps it matches.
type classMatch struct {
	groups, re uint8
}

// The regexps of classMatch.re.
const (
	noiseRx = 1 << iota
	bylineClassRx
	bylineStrongRx
	dateClassRx
	updatedRx
	publishedRx
)

// classPart matches the class regexps against one value, given its word
// groups: in ASCII only the regexps of those groups can match; outside
// ASCII, where the regexps' case folding may differ from
// strings.ToLower's, all are run.
func classPart(v string, groups uint8, ascii bool) classMatch {
	m := classMatch{groups: groups}
	run := groups
	if !ascii {
		run = noiseGroup | bylineGroup | dateGroup
	}
	match := func(re interface{ MatchString(string) bool }, bit uint8) {
		if re.MatchString(v) {
			m.re |= bit
		}
	}
	if run&noiseGroup != 0 {
		match(noiseClass, noiseRx)
	}
	if run&bylineGroup != 0 {
		if ascii {
			match(bylineClassASCII{}, bylineClassRx)
		} else {
			match(bylineClassRe, bylineClassRx)
		}
		match(bylineStrongClass, bylineStrongRx)
	}
	if run&dateGroup != 0 {
		match(dateClass, dateClassRx)
		if ascii {
			match(updatedParts, updatedRx)
			match(publishedParts, publishedRx)
		} else {
			match(updatedRe, updatedRx)
			match(publishedRe, publishedRx)
		}
	}
	return m
}

// In ASCII, where a case-insensitive regexp folds only ASCII letters, the
// regexps of classPart that are alternations of words are a search for
// the words in bytes, and bylineClassRe one for its words and "author"
// with the endings that it accepts.
var (
	updatedParts   = asciiParts{"updat", "modif", "edited"}
	publishedParts = asciiParts{"publish", "pubdate", "posted", "created", "entry-date"}
	bylineParts    = asciiParts{"byline", "writtenby", "dateline", "writer", "contributor", "reporter", "journalist"}
)

// asciiParts matches an ASCII value that holds one of its lower-case
// words, ignoring case.
type asciiParts []string

func (ws asciiParts) MatchString(v string) bool {
	for _, w := range ws {
		for i := 0; i+len(w) <= len(v); i++ {
			if hasPrefixLowerASCII(v[i:], w) {
				return true
			}
		}
	}
	return false
}

// bylineClassASCII is bylineClassRe on ASCII values.
type bylineClassASCII struct{}

func (bylineClassASCII) MatchString(v string) bool {
	if bylineParts.MatchString(v) {
		return true
	}
	// author(s|name)?($|[^a-z]), ignoring case.
	end := func(rest string) bool { return rest == "" || !isASCIILetter(rest[0]) }
	for i := 0; i+len("author") <= len(v); i++ {
		if !hasPrefixLowerASCII(v[i:], "author") {
			continue
		}
		rest := v[i+len("author"):]
		if end(rest) ||
			hasPrefixLowerASCII(rest, "s") && end(rest[1:]) ||
			hasPrefixLowerASCII(rest, "name") && end(rest[4:]) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= lowerASCII(c) && lowerASCII(c) <= 'z' }

// pubLabelRe is a label that says the date after it is the publication
// date, in the main news languages.
var pubLabelRe = fastre.MustCompile(`(?i)(?:^|[^\p{L}])(?:published|posted|publié|publiée|publiziert|veröffentlicht|erschienen|publicado|publicada|publicat|pubblicato|pubblicata|gepubliceerd|opublikowano|опубликовано|publicerad|publiceret|publisert|기사입력|입력일|发布时间|發布時間|发表于|發表於|発行日|公開日|投稿日|掲載日)(?:\s+(?:on|le|am|el|em|il|op|в|the|at))?\s*:?`)

// pubLabelHints are substrings that pubLabelRe needs, tested first.
var pubLabelHints = []string{"ubli", "UBLI", "ffentlicht", "rschienen", "osted", "OSTED", "ubbli", "публик", "ПУБЛИК",
	"입력", "发布", "發布", "发表", "發表", "発行", "公開", "投稿", "掲載"}

// hintsByFirst lists pubLabelHints by their first byte, and hintStarts
// holds their first two bytes.
var (
	hintsByFirst [256][]string
	hintStarts   bigramSet
)

func init() {
	for _, h := range pubLabelHints {
		hintsByFirst[h[0]] = append(hintsByFirst[h[0]], h)
		hintStarts.add(h[0], h[1])
	}
}

// hasPubLabelHint reports whether s holds one of pubLabelHints, in one
// pass over its bytes (it runs on every short text node).
func hasPubLabelHint(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if !hintStarts.has(s[i], s[i+1]) {
			continue
		}
		for _, h := range hintsByFirst[s[i]] {
			if strings.HasPrefix(s[i:], h) {
				return true
			}
		}
	}
	return false
}

// addLabelDate records the date that follows a publication label ("Publié
// le", "publiziert am", "publicado el"), in the same text or in the next
// elements of a small ancestor: `<span>Publié le</span> <span>12 mars
// 2024</span>`.
func (p *page) addLabelDate(n *html.Node, inArticle bool) {
	if !pubLabelRe.MatchString(n.Data) {
		return
	}
	// The text itself, then up to three ancestors.
	a := n
	for i := 0; a != nil && i < 4; i, a = i+1, a.Parent {
		t := cleanText(textLimit(a, 300))
		if len(t) > 250 {
			return
		}
		loc := pubLabelRe.FindStringIndex(t)
		if loc == nil {
			continue
		}
		rest := t[loc[1]:]
		if _, ok := parseTextDate(rest); ok {
			p.times = append(p.times, dateNode{value: rest, published: true, inArticle: inArticle})
			return
		}
	}
}

// Words that one of the class regexps needs to match (lower-case): a
// class string without them cannot match, and the regexps are slow on
// long class lists.
var (
	noiseWords  = []string{"comment", "disqus", "repl", "related", "recommend", "more", "read", "popular", "trending", "sidebar", "widget", "footer", "outbrain", "taboola", "teaser", "promo", "newsletter"}
	bylineWords = []string{"byline", "author", "writ", "dateline", "contributor", "reporter", "journalist"}
	dateWords   = []string{"date", "time", "publish", "posted", "updat", "modif", "edited", "created"}
)

// The groups of regexps that a class string may match, by the words above.
const (
	noiseGroup = 1 << iota
	bylineGroup
	dateGroup
)

type classWord struct {
	word  string
	group uint8
}

// classWordsByFirst lists the class words by their first byte, and
// classStarts holds their first two bytes in any case.
var (
	classWordsByFirst [256][]classWord
	classStarts       bigramSet
)

func init() {
	for g, words := range [...][]string{noiseWords, bylineWords, dateWords} {
		for _, w := range words {
			classWordsByFirst[w[0]] = append(classWordsByFirst[w[0]], classWord{w, 1 << g})
			for _, a := range [...]byte{w[0], w[0] - 'a' + 'A'} {
				for _, b := range [...]byte{w[1], w[1] - 'a' + 'A'} {
					classStarts.add(a, b)
				}
			}
		}
	}
}

// A bigramSet is a set of byte pairs: where a word may start, in scans
// that compare words only there.
type bigramSet [1 << 16 / 64]uint64

func (b *bigramSet) add(x, y byte) {
	k := uint16(x)<<8 | uint16(y)
	b[k/64] |= 1 << (k % 64)
}

func (b *bigramSet) has(x, y byte) bool {
	k := uint16(x)<<8 | uint16(y)
	return b[k/64]&(1<<(k%64)) != 0
}

// minClassWord is the length of the shortest class word.
const minClassWord = 4

// classWordGroups gives the groups whose words s holds, ignoring case. It
// runs on every class and id, so it is one pass over the bytes that
// compares words only where their first two letters are. Outside ASCII
// it lower-cases s as strings.ToLower does (which maps the Kelvin sign
// to "k").
func classWordGroups(s string) (groups uint8, ascii bool) {
	if len(s) < minClassWord {
		return 0, isASCII(s)
	}
	prev, all := s[0], s[0]
	for i := 1; i < len(s); i++ {
		c := s[i]
		all |= c
		if classStarts.has(prev, c) {
			for _, w := range classWordsByFirst[lowerASCII(prev)] {
				if groups&w.group == 0 && hasPrefixLowerASCII(s[i-1:], w.word) {
					groups |= w.group
				}
			}
		}
		prev = c
	}
	if all >= utf8.RuneSelf {
		return classWordGroupsSlow(s), false
	}
	return groups, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func classWordGroupsSlow(s string) uint8 {
	l := strings.ToLower(s)
	var groups uint8
	for g, words := range [...][]string{noiseWords, bylineWords, dateWords} {
		if containsAny(l, words) {
			groups |= 1 << g
		}
	}
	return groups
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixLowerASCII reports whether s starts with the lower-case word w,
// ignoring the case of ASCII letters in s.
func hasPrefixLowerASCII(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for j := 0; j < len(w); j++ {
		if lowerASCII(s[j]) != w[j] {
			return false
		}
	}
	return true
}

// lowerIs reports whether strings.ToLower(s) is want, a lower-case
// ASCII word, without building the lower-cased string for ASCII s.
func lowerIs(s, want string) bool {
	if isASCII(s) {
		return len(s) == len(want) && hasPrefixLowerASCII(s, want)
	}
	return strings.ToLower(s) == want
}

// lowerContains reports whether strings.ToLower(s) contains want, a
// lower-case ASCII word, without building the lower-cased string for
// ASCII s.
func lowerContains(s, want string) bool {
	if isASCII(s) {
		return asciiParts{want}.MatchString(s)
	}
	return strings.Contains(strings.ToLower(s), want)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func (p *page) addMeta(n *html.Node) {
	content, ok := attrOK(n, "content")
	if !ok {
		content, ok = attrOK(n, "value")
	}
	content = strings.TrimSpace(content)
	if !ok || content == "" {
		if cs := attr(n, "charset"); cs != "" {
			return
		}
		return
	}
	var seenKeys [4]string
	seen := seenKeys[:0] // the keys of this meta: a few at most
	for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
		for key := range strings.FieldsSeq(strings.ToLower(attr(n, k))) {
			key = metaKey(key)
			if slices.Contains(seen, key) {
				continue
			}
			seen = append(seen, key)
			vals := p.metas[key]
			if k == "property" {
				p.propCount[key]++
			}
			if len(vals) == 0 {
				p.metas[key] = p.oneValue(content)
				continue
			}
			if k != "property" {
				p.metas[key] = append(vals, content)
				continue
			}
			// Values given in a property attribute (Open Graph's and
			// RDFa's form) come before those given as name="og:title":
			// the same key in both forms is the property's.
			i := p.propCount[key] - 1
			vals = append(vals, "")
			copy(vals[i+1:], vals[i:])
			vals[i] = content
			p.metas[key] = vals
		}
	}
}

// oneValue is a slice holding v alone, cut from a shared array: most
// meta keys have one value, and a slice each would be an allocation
// each. Its capacity is one, so that an append copies it.
func (p *page) oneValue(v string) []string {
	if len(p.metaVals) == cap(p.metaVals) {
		p.metaVals = make([]string, 0, 32)
	}
	i := len(p.metaVals)
	p.metaVals = append(p.metaVals, v)
	return p.metaVals[i : i+1 : i+1]
}

// metaKey gives one spelling to the Dublin Core keys: "DC.title" and
// "dc:title" are "dc.title"; "dcterms:", "dcterm:" and "dcterm." are
// "dcterms.".
func metaKey(key string) string {
	if !strings.HasPrefix(key, "dc") {
		return key
	}
	for _, pre := range [...]string{"dcterms:", "dcterm:", "dcterm."} {
		if strings.HasPrefix(key, pre) {
			return "dcterms." + key[len(pre):]
		}
	}
	if strings.HasPrefix(key, "dc:") {
		return "dc." + key[3:]
	}
	return key
}

func (p *page) addByline(n *html.Node, ea *elemAttrs, ci classInfo, inArticle bool) {
	isRel := n.DataAtom == atom.A && relAuthor(ea.rel)
	isProp := lowerContains(ea.itemprop, "author") || lowerContains(ea.itemprop, "creator")
	isClass := ci.byline
	if !isRel && !isProp && !isClass {
		// A line that reads as a byline whatever its class: "By <a>Jane
		// Doe</a> on May 17, 2024". Weak: used only when nothing else
		// names the author.
		if startsWithBy(n) {
			if t := cleanText(textLimit(n, 200)); t != "" && len(t) <= 150 {
				p.bylines = append(p.bylines, bylineNode{text: t, inArticle: inArticle, byText: true})
			}
		}
		return
	}
	switch n.DataAtom {
	case atom.Meta, atom.Link, atom.Img, atom.Script, atom.Body, atom.Html, atom.Article, atom.Main, atom.Section:
		return
	}
	t := bylineText(n)
	if t == "" || len([]rune(t)) > 120 {
		return
	}
	if isRel {
		p.relAuthors = append(p.relAuthors, t)
	}
	p.bylines = append(p.bylines, bylineNode{text: t, inArticle: inArticle,
		strong: isRel || isProp || ci.bylineStrong})
}

// relAuthor reports whether a rel attribute holds the word "author":
// whether strings.Contains(" "+strings.ToLower(rel)+" ", " author "),
// without building those strings for each link when rel is ASCII.
func relAuthor(rel string) bool {
	if !isASCII(rel) {
		return strings.Contains(" "+strings.ToLower(rel)+" ", " author ")
	}
	const w = "author"
	for i := 0; i+len(w) <= len(rel); i++ {
		if (i == 0 || rel[i-1] == ' ') && hasPrefixLowerASCII(rel[i:], w) && (i+len(w) == len(rel) || rel[i+len(w)] == ' ') {
			return true
		}
	}
	return false
}

// readProps are the microdata properties that Read looks up in
// page.items (by page.itemValue and in chooseAuthors), lower-cased.
var readProps = []string{"author", "creator", "headline", "image", "thumbnailurl", "datepublished", "datecreated", "datemodified"}

// addItems records the properties of n named in its itemprop, ip, that
// Read looks up: the others' values, which may cost a walk of the text
// (an articleBody's), are never read.
func (p *page) addItems(ip string, n *html.Node, scope string) {
	for prop := range strings.FieldsSeq(ip) {
		for _, w := range readProps {
			if lowerIs(prop, w) {
				p.items = append(p.items, item{prop: w, scopeType: scope, node: n, value: itemValue(n)})
				break
			}
		}
	}
}

// itemValue is the value of a microdata property element.
func itemValue(n *html.Node) string {
	switch n.DataAtom {
	case atom.Meta:
		return strings.TrimSpace(attr(n, "content"))
	case atom.Time:
		if v := strings.TrimSpace(attr(n, "datetime")); v != "" {
			return v
		}
	case atom.A, atom.Link:
		return strings.TrimSpace(attr(n, "href"))
	case atom.Img:
		return strings.TrimSpace(attr(n, "src"))
	}
	if v, ok := attrOK(n, "content"); ok {
		return strings.TrimSpace(v)
	}
	if v := strings.TrimSpace(attr(n, "datetime")); v != "" {
		return v
	}
	// The properties read (names, dates, headlines) are short: a longer
	// text (an articleBody) is no value of theirs.
	v, _ := shortText(n, maxItemText)
	return v
}

func hasChildElement(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == a || hasChildElement(c, a)) {
			return true
		}
	}
	return false
}

func inSVG(n *html.Node) bool {
	return n.Namespace == "svg" || n.Namespace == "math"
}

func lastSegment(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ' '); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimRight(s, "/")
	if i := strings.LastIndexAny(s, "/#"); i >= 0 {
		s = s[i+1:]
	}
	return s
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasAttr(n *html.Node, key string) bool {
	_, ok := attrOK(n, key)
	return ok
}

// textOf is the text content of n, skipping scripts and styles.
func textOf(n *html.Node) string {
	return textLimit(n, -1)
}

// Bounds of the texts read from elements, in bytes other than white
// space: a longer text is not a heading, a date or a property value. They
// keep the cost of nested candidates over one long text linear (each
// reads at most its bound instead of the whole text).
const (
	maxHeadingText = 2000
	maxDateText    = 400
	maxItemText    = 2000
)

// shortText is the clean text of n, or "" and false when it holds more
// than limit bytes other than white space.
func shortText(n *html.Node, limit int) (string, bool) {
	var buf [256]byte
	w := textWriter{limit: limit, sep: " "}
	t := w.append(buf[:0], n)
	if w.kept > limit {
		return "", false
	}
	return cleanText(string(t)), true
}

// textLimit is textOf that stops once it holds more than limit bytes other
// than white space (no limit when negative): byline and date candidates are
// short, and a long text only tells that the element is not one. With a
// limit, runs of white space are kept as one space (cleanText collapses
// them anyway) and a long text node is cut, so that nested candidates over
// one long text cost the limit each, not the text's length.
func textLimit(n *html.Node, limit int) string {
	return textBlocks(n, limit, " ")
}

// bylineText is the text of a byline element, its blocks separated by
// semicolons: "<div>By Kirsty Mac Donald</div><div>BBC Scotland transport
// correspondent</div>" names a person, then her role, not one long name.
func bylineText(n *html.Node) string {
	return strings.Trim(cleanText(textBlocks(n, 400, " ; ")), "; ")
}

// textBlocks is textLimit with sep written where a block (p, div, li) or
// a line break begins.
func textBlocks(n *html.Node, limit int, sep string) string {
	var buf [256]byte // most texts read fit: no allocation but the result's
	w := textWriter{limit: limit, sep: sep}
	return string(w.append(buf[:0], n))
}

type textWriter struct {
	kept  int // bytes other than white space
	limit int
	sep   string
}

// append appends the text of n to buf.
func (w *textWriter) append(buf []byte, n *html.Node) []byte {
	if w.limit >= 0 && w.kept > w.limit {
		return buf
	}
	switch n.Type {
	case html.TextNode:
		if w.limit < 0 {
			return append(buf, n.Data...)
		}
		// Runs of other bytes are copied whole, up to the limit.
		s, space := n.Data, false
		for i := 0; i < len(s) && w.kept <= w.limit; {
			if isHTMLSpace(s[i]) {
				space = true
				i++
				continue
			}
			j := i + 1
			for j < len(s) && !isHTMLSpace(s[j]) {
				j++
			}
			j = min(j, i+w.limit+1-w.kept)
			if space {
				buf = append(buf, ' ')
				space = false
			}
			buf = append(buf, s[i:j]...)
			w.kept += j - i
			i = j
		}
		if space {
			buf = append(buf, ' ')
		}
		return buf
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			return buf
		case atom.Br, atom.P, atom.Div, atom.Li:
			buf = append(buf, w.sep...)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		buf = w.append(buf, c)
	}
	return buf
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// cleanText collapses white space (including no-break spaces) and trims.
// Character references left in a value (an attribute or JSON string
// escaped twice: "&amp;", "&#8217;") are decoded.
func cleanText(s string) string {
	if strings.IndexByte(s, '&') >= 0 && strings.IndexByte(s, ';') >= 0 {
		s = html.UnescapeString(s)
	}
	if isClean(s) {
		return s
	}
	// Texts read from elements often have spaces only at their ends.
	if t := strings.TrimFunc(s, isSpace); isClean(t) {
		return t
	}
	var b strings.Builder
	b.Grow(len(s))
	for f := range strings.FieldsFuncSeq(s, isSpace) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}

// isClean reports whether s is its own cleanText (without references):
// no space but single ' ' between words. Most texts read are, and need
// no copy.
func isClean(s string) bool {
	space := true // at the start, a space is one too many
	for _, r := range s {
		if !isSpace(r) {
			space = false
			continue
		}
		if r != ' ' || space {
			return false
		}
		space = true
	}
	return !space || s == ""
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xa0, 0x2007, 0x202f, 0x200b, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// maxHeadLine is the length of a header line that may hold the date: a
// dateline or a byline with a date, not a standfirst that mentions one.
const maxHeadLine = 80

// headerLines are the short texts of the elements that follow h: its next
// siblings, and when h sits in a header (or a small wrapper), the ones
// that follow that. A long text is the body: it ends the header. Comments,
// related lists and the like are skipped.
func (p *page) headerLines(h *html.Node) []string {
	var out []string
	n := h
	for level := 0; level < 2 && n != nil; level++ {
		count := 0
		for sib := n.NextSibling; sib != nil && count < 3; sib = sib.NextSibling {
			if sib.Type != html.ElementNode {
				continue
			}
			count++
			if ea := readAttrs(sib); p.classInfo(&ea).noise {
				continue
			}
			t := cleanText(textLimit(sib, 2*maxHeadLine))
			if utf8.RuneCountInString(t) > maxHeadLine {
				return out
			}
			if t != "" {
				out = append(out, t)
			}
		}
		n = n.Parent
		if n == nil || n.DataAtom == atom.Article || n.DataAtom == atom.Main || n.DataAtom == atom.Body {
			break
		}
	}
	return out
}
