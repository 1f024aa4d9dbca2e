package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"byline/extract/metadata"
	"byline/internal/fastre"
)

// findContent finds the article's blocks of text in doc. With explain it
// also returns the blocks it dropped and why. It changes doc: boilerplate
// elements are detached from it.
//
// The steps, each one walk or less: clean (clean.go) removes what is never
// content; renderBlocks (render.go) turns the rest into blocks of text;
// selectContent (score.go) finds the elements that hold the article; then
// each block inside them is checked against the boilerplate rules
// (boilerplate.go) and the title.
func findContent(doc *html.Node, meta *metadata.Metadata, explain bool) ([]block, []Removal) {
	rec := &recorder{on: explain}
	root := findBody(doc)
	hints := hintCaches.Get().(hintCache)
	defer func() {
		clear(hints)
		hintCaches.Put(hints)
	}()
	clean(root, rec, hints)
	if meta == nil {
		meta = &metadata.Metadata{}
	}
	blocks, alts := renderBlocks(root, meta.Language)
	sel, sc := selectContent(root, blocks, hints)
	f := newFilter(meta)
	f.alts = alts

	// Mark each block: in the content or not, then dropped by a rule or not.
	rules := make([]string, len(blocks))
	inContent := make([]bool, len(blocks))
	contentText := 0
	lowerText := 0 // the bytes of the texts filter.rule lower-cases
	for i := range blocks {
		b := &blocks[i]
		if sel != nil && !inSelection(b.node, sel) {
			rules[i] = ruleLowScore
			if b.kind == blockHeading && (f.title != "" && sameTitle(f.texts.normText(b.text), f.title) || b.node.DataAtom == atom.H1) {
				rules[i] = ruleHeadline
			}
			continue
		}
		inContent[i] = true
		contentText += b.textLen
		if len(b.text) <= maxLowerText {
			lowerText += len(b.text)
		}
	}
	// The rules' lower-case copies of the texts fit in one chunk.
	f.texts.room(lowerText)
	for i := range blocks {
		if inContent[i] {
			rules[i] = f.rule(&blocks[i], inFigure(blocks[i].node, sel))
		}
	}
	keepLinkedHeadings(blocks, rules, inContent)
	dropAppealBoxes(blocks, rules, inContent, sel, sc, contentText)
	sc.release() // the last use of the scores
	dropTitleRepeat(blocks, rules, inContent, f.title, &f.texts)
	dropTailRun(blocks, rules, inContent, contentText, 4)
	dropTailTeasers(blocks, rules, inContent)
	dropLabelledLists(blocks, rules, inContent, sel)
	trimEdges(blocks, rules, inContent)
	keepSomething(rules, inContent)
	joinTimeLabels(blocks, rules, inContent)

	out := make([]block, 0, len(blocks))
	for i := range blocks {
		if rules[i] == "" {
			out = append(out, blocks[i])
			continue
		}
		if rules[i] == ruleJoined {
			continue
		}
		if explain {
			rec.text(blocks[i].text, blocks[i].node, rules[i])
		}
	}
	if explain {
		return out, rec.list
	}
	return out, nil
}

func findBody(doc *html.Node) *html.Node {
	var body *html.Node
	var find func(n *html.Node, depth int)
	find = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && body == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Body {
				body = c
				return
			}
			if depth < 2 {
				find(c, depth+1)
			}
		}
	}
	find(doc, 0)
	if body == nil {
		return doc
	}
	return body
}

func inSelection(n *html.Node, sel map[*html.Node]bool) bool {
	for ; n != nil; n = n.Parent {
		if sel[n] {
			return true
		}
	}
	return false
}

// inFigure reports a block inside a figure, below the selected content.
func inFigure(n *html.Node, sel map[*html.Node]bool) bool {
	for ; n != nil; n = n.Parent {
		if sel != nil && sel[n] {
			return false
		}
		if n.DataAtom == atom.Figure {
			return true
		}
	}
	return false
}

// filter holds the per-page data of the block rules.
type filter struct {
	title     string // normalised title
	authors   []string
	published time.Time
	alts      map[string]bool // normalised alt texts of the page's images
	texts     textArena       // the blocks' texts in lower case and normalised
}

func newFilter(meta *metadata.Metadata) *filter {
	return &filter{title: normText(meta.Title), authors: meta.Authors, published: meta.Published}
}

// maxLowerText is the length of the longest text the wording rules read
// (wordingRuleLower): rule lower-cases only texts up to it.
const maxLowerText = 600

// rule returns why a block of the content is dropped, or "".
func (f *filter) rule(b *block, figure bool) string {
	t := b.text
	if ld := b.linkDensity(); ld > 0.5 && !(endsSentence(t) && (b.textLen-b.linkLen >= 60 || ld <= 0.8 && wordsOver(t, 7))) && !isBareURL(t) {
		return ruleLinks
	}
	if figure && b.kind != blockQuote {
		return ruleCaption
	}
	// The wording rules read the text in lower case: made once here.
	lower := ""
	if len(t) <= maxLowerText {
		lower = f.texts.toLower(t)
	}
	if r := wordingRuleLower(t, lower); r != "" {
		return r
	}
	if b.kind == blockQuote || b.kind == blockPre {
		return ""
	}
	if isBylineTextLower(t, lower, f.authors) {
		return ruleByline
	}
	if isCreditLower(t, lower) {
		return ruleCaption
	}
	if b.imgCaption && b.kind == blockParagraph && !wordsOver(t, 40) && !startsQuote(t) {
		return ruleCaption
	}
	// A line that repeats an image's alt text is its caption.
	if f.alts != nil && b.kind != blockHeading && !wordsOver(t, 30) && f.alts[f.texts.normText(t)] {
		return ruleCaption
	}
	if isDateLineLower(t, lower) {
		return ruleDate
	}
	if isMetaLine(t, f.authors, f.published) {
		return ruleByline
	}
	return ""
}

// reMetaSep splits a line of article data: "Site | date • updated | By …".
var reMetaSep = fastre.MustCompile(`\s+[|•·]\s+|\s+[|•·]|[|•·]\s+`)

// isMetaLine reports a line of article data made of parts set apart by
// bars or bullets, one of them a byline (an author of the metadata or
// "By …") and another a date (a date line, or the published date's day
// and year): "Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger".
func isMetaLine(t string, authors []string, published time.Time) bool {
	// strings.ContainsAny(t, "|•·"), without its rune-by-rune search.
	if len(t) > 250 || strings.IndexByte(t, '|') < 0 && !strings.Contains(t, "•") && !strings.Contains(t, "·") {
		return false
	}
	parts := reMetaSep.Split(t, -1)
	if len(parts) < 2 {
		return false
	}
	byline, dated := false, false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if wordCount(p) > 14 {
			return false
		}
		switch {
		case isBylineText(p, authors):
			byline = true
		case isDateLine(p) || hasDate(p, published):
			dated = true
		}
	}
	return byline && dated
}

// hasDate reports text that holds the year and the day of date d.
func hasDate(t string, d time.Time) bool {
	if d.IsZero() || !strings.Contains(t, strconv.Itoa(d.Year())) {
		return false
	}
	day := strconv.Itoa(d.Day())
	for _, f := range strings.FieldsFunc(t, func(r rune) bool { return r < '0' || r > '9' }) {
		if strings.TrimLeft(f, "0") == day {
			return true
		}
	}
	return false
}

// keepLinkedHeadings takes back a heading dropped for its link when a long
// paragraph of prose follows it in the same container: the sub-heading of
// a list article that links to its subject, not a teaser.
func keepLinkedHeadings(blocks []block, rules []string, inContent []bool) {
	for i := range blocks {
		if !inContent[i] || rules[i] != ruleLinks || blocks[i].kind != blockHeading {
			continue
		}
		for j := i + 1; j < len(blocks); j++ {
			if !inContent[j] || rules[j] != "" {
				continue
			}
			b := &blocks[j]
			if b.node.Parent == blocks[i].node.Parent && b.textLen >= 150 && isProse(b) {
				rules[i] = ""
			}
			break
		}
	}
}

// startsQuote reports text that opens with a quotation mark: a pull quote
// set under an image, not its caption.
func startsQuote(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return strings.ContainsRune("\"“„«‘'", r)
}

// isBareURL reports a block that is one address written out: a source
// the article cites, not a link to another article.
func isBareURL(t string) bool {
	return !strings.ContainsRune(t, ' ') && (strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "www."))
}

// dropTitleRepeat drops the headline when the body repeats it: a heading
// anywhere, or any block before the first long paragraph, whose text is
// the title (or the title without a site-name part).
func dropTitleRepeat(blocks []block, rules []string, inContent []bool, title string, texts *textArena) {
	early := true
	for i := range blocks {
		if !inContent[i] {
			continue
		}
		b := &blocks[i]
		if rules[i] == "" && (early || b.kind == blockHeading) && title != "" && sameTitle(texts.normText(b.text), title) {
			rules[i] = ruleTitle
			continue
		}
		// An h1 before the article's first paragraph is its headline, even
		// when it words the title differently.
		if rules[i] == "" && early && b.node.DataAtom == atom.H1 {
			rules[i] = ruleTitle
			continue
		}
		if rules[i] == "" && b.textLen >= 150 {
			early = false
		}
	}
}

// sameTitle reports whether block text t is the title, or the title's
// headline part when the title carries a site name.
func sameTitle(t, title string) bool {
	if t == "" {
		return false
	}
	if t == title {
		return true
	}
	if len(t) < 15 {
		return false
	}
	// "Headline | Site" in the title, "Headline" in the body, or the reverse.
	if hasWordPrefix(title, t) || hasWordSuffix(title, t) {
		return len(t)*2 >= len(title)
	}
	if hasWordPrefix(t, title) {
		return len(title)*2 >= len(t)
	}
	// A breadcrumb trail that ends with the headline.
	if hasWordSuffix(t, title) {
		return len(t)-len(title) <= 40
	}
	return false
}

// hasWordPrefix reports whether s starts with prefix and a space
// (strings.HasPrefix(s, prefix+" ") without building the string).
func hasWordPrefix(s, prefix string) bool {
	return len(s) > len(prefix) && s[len(prefix)] == ' ' && strings.HasPrefix(s, prefix)
}

// hasWordSuffix reports whether s ends with a space and suffix.
func hasWordSuffix(s, suffix string) bool {
	return len(s) > len(suffix) && s[len(s)-len(suffix)-1] == ' ' && strings.HasSuffix(s, suffix)
}

// dropAppealBoxes drops the whole box around an appeal: when blocks of the
// content read as a donation, subscription or newsletter appeal, the
// largest element around them that is mostly appeal (and small beside the
// article) goes with all its text, such as the story that goes with the
// appeal and its button.
func dropAppealBoxes(blocks []block, rules []string, inContent []bool, sel map[*html.Node]bool, sc *scorer, contentText int) {
	if sc == nil || contentText == 0 {
		return
	}
	var appeal map[*html.Node]int
	for i := range blocks {
		if !inContent[i] || rules[i] != ruleAppeal {
			continue
		}
		if appeal == nil {
			appeal = make(map[*html.Node]int)
		}
		for a := blocks[i].node; a != nil; a = a.Parent {
			appeal[a] += blocks[i].textLen
			if sel[a] {
				break
			}
		}
	}
	for i := range blocks {
		if !inContent[i] || rules[i] != ruleAppeal {
			continue
		}
		var box *html.Node
		// A joined sibling may be the box; the article's own container
		// is too big to be one.
		for a := blocks[i].node; a != nil; a = a.Parent {
			c := sc.cands[a]
			if c == nil || c.text*2 > contentText || appeal[a]*5 < c.text*2 {
				break
			}
			box = a
			if sel[a] {
				break
			}
		}
		if box == nil || isLeafBlock(box) {
			continue
		}
		for j := range blocks {
			if inContent[j] && rules[j] == "" && isAncestor(box, blocks[j].node) {
				rules[j] = ruleAppeal
			}
		}
	}
}

// dropTailRun drops the rest of an appeal at the tail of the text: once an
// appeal starts in the last part of the content, what follows it in the
// same container belongs to it. The run is dropped only when it is at most
// 1/maxShare of the text.
func dropTailRun(blocks []block, rules []string, inContent []bool, contentText int, maxShare int) {
	if contentText == 0 {
		return
	}
	seen := 0
	for i := range blocks {
		if !inContent[i] {
			continue
		}
		if rules[i] == ruleAppeal && seen*2 >= contentText && isDonationAppeal(blocks[i].text) {
			rest := 0
			for j := i; j < len(blocks); j++ {
				if inContent[j] {
					rest += blocks[j].textLen
				}
			}
			if rest*maxShare > contentText {
				return
			}
			box := blocks[i].node.Parent
			for j := i + 1; j < len(blocks); j++ {
				if inContent[j] && rules[j] == "" && isAncestor(box, blocks[j].node) {
					rules[j] = ruleTailAppeal
				}
			}
			return
		}
		seen += blocks[i].textLen
	}
}

// dropTailTeasers drops a list of teasers at the end of the content: three
// or more linked headlines, each with a short excerpt or label, and nothing
// long after the first of them.
func dropTailTeasers(blocks []block, rules []string, inContent []bool) {
	// Read units backwards: a headline with at most two short blocks after
	// it. The list starts at the earliest headline of the unbroken units.
	// Each unit sits in its own wrapper (a card, a list item): links set
	// between the paragraphs of one container are not teasers, and neither
	// are one-line related links set between the article's paragraphs (the
	// excerpt of a card shares the card with its headline, not the
	// container with the other cards).
	type unit struct {
		head     int
		excerpts []int
	}
	var units []unit
	var pending []int
	var lastParent *html.Node
	for i := len(blocks) - 1; i >= 0; i-- {
		if !inContent[i] {
			continue
		}
		b := &blocks[i]
		if isLinkHeadline(b) {
			parent := b.node.Parent
			if parent == lastParent {
				break
			}
			lastParent = parent
			units = append(units, unit{head: i, excerpts: pending})
			pending = nil
			continue
		}
		if b.textLen >= 300 || b.kind == blockQuote || len(pending) == 2 {
			break
		}
		if rules[i] == "" {
			pending = append(pending, i)
		}
	}
	// units run from the last card back; the list is the run of cards from
	// the end whose excerpts are their own.
	heads, excerpts, first := 0, 0, -1
	for k, u := range units {
		// The wrapper of a card and its excerpts covers a run of the
		// document: when it holds another card's headline, it holds a
		// neighbouring one.
		own := true
		for _, e := range u.excerpts {
			lca := commonAncestor(blocks[u.head].node, blocks[e].node)
			for _, m := range [2]int{k - 1, k + 1} {
				if m >= 0 && m < len(units) && isAncestor(lca, blocks[units[m].head].node) {
					own = false
				}
			}
		}
		if !own {
			break
		}
		heads++
		excerpts += len(u.excerpts)
		first = u.head
	}
	if heads < 3 || excerpts < 2 {
		return
	}
	for i := first; i < len(blocks); i++ {
		if inContent[i] && rules[i] == "" {
			rules[i] = ruleRelated
		}
	}
}

// commonAncestor returns the lowest element that holds both a and b.
func commonAncestor(a, b *html.Node) *html.Node {
	for x := a; x != nil; x = x.Parent {
		if isAncestor(x, b) {
			return x
		}
	}
	return nil
}

// dropLabelledLists drops what a "Related stories" or "Read more" label
// introduces: the list items and short lines after it in the same box,
// up to the next heading or paragraph of prose. The box must be one set
// into the content, not the content's own container.
func dropLabelledLists(blocks []block, rules []string, inContent []bool, sel map[*html.Node]bool) {
	for i := range blocks {
		if !inContent[i] || rules[i] != ruleReadMore && rules[i] != ruleRelated || !reReadMoreLabel.MatchString(strings.ToLower(blocks[i].text)) {
			continue
		}
		box := blocks[i].node.Parent
		if box == nil || sel[box] {
			continue
		}
		for j := i + 1; j < len(blocks); j++ {
			b := &blocks[j]
			if !inContent[j] || !isAncestor(box, b.node) || b.kind == blockHeading {
				break
			}
			if b.kind != blockListItem && (b.textLen >= 200 || isProse(b)) {
				break
			}
			if rules[j] == "" {
				rules[j] = ruleRelated
			}
		}
	}
}

// isLinkHeadline reports a block that is a link to another article.
func isLinkHeadline(b *block) bool {
	return b.linkLen*10 >= b.textLen*8 && b.textLen >= 15 && !wordsOver(b.text, 25)
}

// donationWords mark an appeal for money or membership, which may run on
// over several paragraphs, unlike a one-line newsletter promotion.
var donationWords = []string{"favor to ask", "favour to ask", "support", "donat", "contribut", "member", "journalism", "unterstütz", "soutenez", "spende", "faites un don", "apoya", "sostieni", "apoie", "поддерж", "пожертв"}

func isDonationAppeal(t string) bool {
	lower := strings.ToLower(t)
	for _, w := range donationWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// trimEdges drops short non-sentence blocks (section labels, kickers,
// button texts) before the first paragraph and after the last one.
func trimEdges(blocks []block, rules []string, inContent []bool) {
	for i := range blocks {
		if !inContent[i] || rules[i] != "" {
			continue
		}
		if isParagraphLike(blocks[i].text) {
			break
		}
		if wordCount(blocks[i].text) > 5 || reDateline.MatchString(blocks[i].text) {
			// Text kept: what follows it is inside the article.
			break
		}
		rules[i] = ruleEdge
	}
	for i := len(blocks) - 1; i >= 0; i-- {
		if !inContent[i] || rules[i] != "" {
			continue
		}
		b := &blocks[i]
		if isParagraphLike(b.text) || b.kind == blockListItem {
			break
		}
		if wordCount(b.text) <= 3 {
			rules[i] = ruleEdge
			continue
		}
		break
	}
}

// ruleJoined marks a block whose text went into the next block: it is
// not removed.
const ruleJoined = "joined"

// reBareTime matches a clock time on a line of its own, with an optional
// zone: "06:30 BST", "4:14 p.m.", "11h30", "18.05 Uhr".
var reBareTime = regexp.MustCompile(`^(?i:(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:BST|GMT|UTC|CET|CEST|MEZ|MESZ|WET|WEST|EET|EEST|MSK|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|AEST|AEDT|IST|JST|HKT|SGT|Uhr|h))?)$`)

// isBareTime reports a time label: a clock time alone, with minutes or
// with am/pm ("6:30", "6 p.m."; not a bare number, and "6.30" only with
// a zone: "1.50" alone may be a price).
func isBareTime(t string) bool {
	if len(t) > 20 || !reBareTime.MatchString(t) {
		return false
	}
	letters := strings.IndexFunc(t, unicode.IsLetter) >= 0
	return letters || strings.Contains(t, ":")
}

// joinTimeLabels joins the time label of a live blog or a timeline of
// updates ("06:30 BST", "4:14 p.m.") to the entry that follows it, as its
// first sentence: a reader wants the time with its entry, not as a
// paragraph of its own.
func joinTimeLabels(blocks []block, rules []string, inContent []bool) {
	for i := range blocks {
		if !inContent[i] || rules[i] != "" || blocks[i].kind == blockQuote || blocks[i].kind == blockPre || !isBareTime(blocks[i].text) {
			continue
		}
		for j := i + 1; j < len(blocks); j++ {
			if !inContent[j] || rules[j] != "" {
				continue
			}
			b := &blocks[j]
			if isBareTime(b.text) || b.kind == blockQuote || b.kind == blockPre {
				break
			}
			// "06:30 BST. Starmer: …", "4:14 p.m. A transit chief …": the
			// time reads as the entry's first sentence, as a dateline
			// does, and a name that opens the entry still opens a
			// sentence (for the quote finder's speakers).
			sep := ". "
			if strings.HasSuffix(blocks[i].text, ".") {
				sep = " "
			}
			b.text = blocks[i].text + sep + b.text
			b.textLen += blocks[i].textLen
			b.linkLen += blocks[i].linkLen
			rules[i] = ruleJoined
			break
		}
	}
}

// keepSomething takes back the weakest drops (edges, link density) when
// nothing of the content is left: a page of short texts or of links is
// still better given than empty.
func keepSomething(rules []string, inContent []bool) {
	for i := range rules {
		if inContent[i] && rules[i] == "" {
			return
		}
	}
	for i := range rules {
		if inContent[i] && (rules[i] == ruleEdge || rules[i] == ruleLinks) {
			rules[i] = ""
		}
	}
}

// reDateline matches a dateline on a line of its own: "BAAR, SWITZERLAND".
var reDateline = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]+, \p{Lu}[\p{Lu} .'’-]+(?:\s*[-–—:]\s*)?$`)

func isParagraphLike(t string) bool {
	return wordsOver(t, 7) || endsSentence(t)
}

// wordsOver reports whether t has more than n words (wordCount(t) > n),
// reading t only as far as the word after the nth: the rules ask about
// short counts of long paragraphs.
func wordsOver(t string, n int) bool {
	k := 0
	in := false
	for i := 0; i < len(t); i++ {
		sp := t[i] == ' '
		if !sp && !in {
			if k++; k > n {
				return true
			}
		}
		in = !sp
	}
	return false
}

func wordCount(t string) int {
	n := 0
	in := false
	for i := 0; i < len(t); i++ {
		sp := t[i] == ' '
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
