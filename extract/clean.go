package extract

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The cleaning pass removes, in one walk over the body, the elements that
// are never article content: markup without text (scripts, styles…),
// hidden elements, navigation, the page's header and footer, forms,
// asides, captions, and the boxes that class, id or role name as
// boilerplate (share rows, related lists, comments, appeals, cookie
// banners…). A wrapper that holds most of the page's paragraph text is
// never removed, whatever its names say.

// isDropTag reports the elements removed with their content and never
// reported: they hold no visible text of the page. (A switch: the tag sets
// are asked several times per element, and a switch is several times
// faster than a map.)
func isDropTag(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
		atom.Canvas, atom.Iframe, atom.Object, atom.Embed, atom.Button, atom.Input,
		atom.Select, atom.Textarea, atom.Option, atom.Link, atom.Meta, atom.Head,
		atom.Audio, atom.Video, atom.Map, atom.Area, atom.Frameset, atom.Frame,
		atom.Title, atom.Base, atom.Source, atom.Track, atom.Param:
		return true
	}
	return false
}

// isBlockTag reports the elements that break inline text into blocks.
func isBlockTag(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Center,
		atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1,
		atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup,
		atom.Hr, atom.Li, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P,
		atom.Pre, atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Td,
		atom.Tfoot, atom.Th, atom.Thead, atom.Tr, atom.Ul, atom.Caption, atom.Html,
		atom.Legend, atom.Option, atom.Optgroup:
		return true
	}
	return false
}

// nodeStat measures an element's text: non-space bytes of all text, of
// link text, and of "good" text (paragraph-like blocks with few links).
type nodeStat struct {
	text, link, good int
	links            int // <a> elements
	hidden           int // good text inside hidden elements
	// size is the number of elements measured in the subtree, the
	// element's own included: the next sibling's stats follow them.
	size     int
	landmark bool // holds an h1, article, main or articleBody: a page wrapper
	// hiddenMarkup: the element itself is hidden by its attributes
	// (hidden, aria-hidden, a style or a class that hides it).
	hiddenMarkup bool
}

// The cleaner keeps the stats of the elements in document order, not in
// a map from node to stats: walk meets the elements in the same order as
// measure (minus the subtrees it removes, whose size it skips), so it
// finds each one's stats by counting, and those of the block around it
// and of its children by their positions.
type cleaner struct {
	stats     []nodeStat // of the elements below the root, in document order
	totalGood int
	// visibleGood is the good text outside hidden elements: a page may
	// keep a hidden copy of its article (a second layout, a template).
	visibleGood int
	rec         *recorder
	hints       hintCache
}

// clean removes the never-content elements below root, the body or the
// document.
func clean(root *html.Node, rec *recorder, hints hintCache) {
	buf := statsPool.Get().(*[]nodeStat)
	c := &cleaner{stats: (*buf)[:0], rec: rec, hints: hints}
	st, _ := c.measure(root, false)
	c.totalGood = st.good
	c.visibleGood = st.good - st.hidden
	own := -1 // the document has no stats
	if root.Type == html.ElementNode {
		own = 0
	}
	c.walk(root, own, -1, false)
	*buf = c.stats[:0]
	statsPool.Put(buf)
}

// statsPool holds the cleaner's stats slices between pages: a page's
// stats (one per element, tens of kilobytes) were most of the memory the
// body extraction allocated, and are not needed once clean returns.
var statsPool = sync.Pool{New: func() any {
	s := make([]nodeStat, 0, 512)
	return &s
}}

// measure computes the stats of n's subtree and appends those of elements
// (but markup without text, isDropTag) to c.stats in document order. It
// reports whether n holds a block element.
func (c *cleaner) measure(n *html.Node, inLink bool) (nodeStat, bool) {
	var st nodeStat
	hidden := false
	switch n.Type {
	case html.TextNode:
		k := nonSpace(n.Data)
		st.text = k
		if inLink {
			st.link = k
		}
		return st, false
	case html.ElementNode:
		if isDropTag(n.DataAtom) {
			return st, false
		}
		switch n.DataAtom {
		case atom.A:
			inLink = true
			st.links = 1
		case atom.H1, atom.Article, atom.Main:
			st.landmark = true
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "itemprop":
				st.landmark = st.landmark || a.Val == "articleBody"
			case "hidden":
				hidden = true
			case "aria-hidden":
				hidden = hidden || a.Val == "true"
			case "style":
				hidden = hidden || isHiddenStyle(a.Val)
			case "class":
				hidden = hidden || isHiddenClass(a.Val)
			}
		}

	case html.DocumentNode:
	default:
		return st, false
	}
	own := -1
	if n.Type == html.ElementNode {
		own = len(c.stats)
		c.stats = append(c.stats, nodeStat{}) // filled in below
	}
	hasBlock := false
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.TextNode {
			// Half the nodes of a page: counted here, without a call.
			k := nonSpace(ch.Data)
			st.text += k
			if inLink {
				st.link += k
			}
			continue
		}
		s, b := c.measure(ch, inLink)
		st.text += s.text
		st.link += s.link
		st.good += s.good
		st.links += s.links
		st.landmark = st.landmark || s.landmark
		st.hidden += s.hidden
		hasBlock = hasBlock || b
	}
	isBlock := n.Type == html.ElementNode && isBlockTag(n.DataAtom)
	if isBlock && !hasBlock && st.text >= 80 && st.link*10 < st.text*3 {
		st.good = st.text
	}
	if hidden {
		st.hidden = st.good
	}
	if own >= 0 {
		st.hiddenMarkup = hidden
		st.size = len(c.stats) - own
		c.stats[own] = st
	}
	return st, hasBlock || isBlock
}

// nonSpace counts the bytes of s other than the white space " \n\t\r\f".
// It runs over all the text of a page, twice: a table look-up per byte,
// without branches, is about twice as fast as a switch.
func nonSpace(s string) int {
	k := 0
	for i := 0; i < len(s); i++ {
		k += int(textByte[s[i]])
	}
	return k
}

// textByte is 1 for the bytes nonSpace counts.
var textByte = func() (t [256]uint8) {
	for i := range t {
		t[i] = 1
	}
	for _, c := range " \n\t\r\f" {
		t[c] = 0
	}
	return t
}()

// walk removes the never-content elements below n. own is the index of
// n's stats (-1: the document), block that of the nearest block element
// around n (-1: none).
func (c *cleaner) walk(n *html.Node, own, block int, inArticle bool) {
	if n.Type == html.ElementNode && isBlockTag(n.DataAtom) {
		block = own
	}
	i := own + 1 // the stats of n's first child element
	var next *html.Node
	for ch := n.FirstChild; ch != nil; ch = next {
		next = ch.NextSibling
		switch ch.Type {
		case html.CommentNode, html.DoctypeNode:
			n.RemoveChild(ch)
		case html.ElementNode:
			if isDropTag(ch.DataAtom) {
				// Markup without text of the page: not measured, not
				// reported.
				n.RemoveChild(ch)
				continue
			}
			k := i
			i += c.stats[k].size
			if rule, report := c.verdict(ch, k, block, inArticle); rule != "" {
				if rule == rulePageHeader && inArticleElement(ch) {
					rule = ruleArticleHeader
				}
				if report {
					c.rec.node(ch, rule)
				}
				n.RemoveChild(ch)
				continue
			}
			c.walk(ch, k, block, inArticle || ch.DataAtom == atom.Article || ch.DataAtom == atom.Main)
		}
	}
}

// inArticleElement reports an element whose nearest sectioning ancestor
// is an article: its header is the article's own (headline, byline, date),
// not the page's.
func inArticleElement(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		switch a.DataAtom {
		case atom.Article:
			return true
		case atom.Body, atom.Main, atom.Aside, atom.Nav, atom.Section:
			return false
		}
	}
	return false
}

// protected reports an element that holds more than num/den of the page's
// good text, or of its visible good text when that is an article's worth
// (a consent dialog shown over a page hidden behind it is not): too much
// to be boilerplate.
func (c *cleaner) protected(s *nodeStat, num, den int) bool {
	if c.totalGood > 0 && s.good*den > c.totalGood*num {
		return true
	}
	visible := s.good - s.hidden
	return visible >= minArticleText && visible*den > c.visibleGood*num
}

// minArticleText is the good text (non-space bytes) of a short article.
const minArticleText = 1000

// verdict says whether n, an element with stats c.stats[own] inside the
// block element with stats c.stats[block] (-1: none), is never content,
// and why.
func (c *cleaner) verdict(n *html.Node, own, block int, inArticle bool) (rule string, report bool) {
	st := &c.stats[own]
	var class, id, role, itemprop string
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		case "role":
			role = a.Val
		case "itemprop":
			itemprop = a.Val
		}
	}
	if itemprop == "articleBody" || itemprop == "text" {
		return "", false
	}
	// measure read the hiding attributes (the parser keeps one attribute
	// of each name, so its reading is the same as this loop's).
	if st.hiddenMarkup {
		if !c.protected(st, 2, 3) {
			return ruleHidden, true
		}
	}
	switch n.DataAtom {
	case atom.Nav, atom.Menu:
		rule = ruleNav
	case atom.Aside:
		rule = ruleAside
	case atom.Header:
		rule = rulePageHeader
	case atom.Footer:
		// A blockquote's footer is its attribution, shown with it.
		if n.Parent == nil || n.Parent.DataAtom != atom.Blockquote {
			rule = rulePageFooter
		}
	case atom.Form:
		rule = ruleForm
	case atom.Figcaption:
		rule = ruleCaption
	case atom.Dialog:
		rule = rulePopup
	}
	switch role {
	case "navigation", "menubar", "menu":
		rule = ruleNav
	case "banner":
		rule = rulePageHeader
	case "contentinfo":
		rule = rulePageFooter
	case "complementary":
		rule = ruleAside
	case "dialog", "alertdialog":
		rule = rulePopup
	case "search":
		rule = ruleForm
	}
	if rule != "" {
		if c.protected(st, 1, 2) {
			return "", false
		}
		return rule, true
	}
	if !isBlockTag(n.DataAtom) && n.DataAtom != atom.A && c.isLinkCluster(n, own, block) {
		return ruleLinks, true
	}
	if class == "" && id == "" {
		return "", false
	}
	if n.DataAtom == atom.Body || n.DataAtom == atom.Html {
		return "", false
	}
	h := c.hints.of(class, id)
	if h.rule == "" {
		return "", false
	}
	if !isBlockTag(n.DataAtom) && c.inRunningText(own, block) {
		// A span in a sentence ("<span class=dateline>WASHINGTON</span> —")
		// is part of the sentence, whatever its class says.
		return "", false
	}
	semantic := n.DataAtom == atom.Article || n.DataAtom == atom.Main
	if h.rule == ruleByline && st.text >= 100 && st.text < 1500 {
		// An "author" box with sentences in it is a bio box.
		h.rule, h.weak = ruleBio, false
	}
	if h.weak && (h.content || semantic) && st.good > 0 {
		return "", false
	}
	if semantic && st.good > 0 && c.protected(st, 1, 4) {
		return "", false
	}
	// Comment threads can outweigh the article: only a wrapper of the
	// whole page is safe from their rule.
	if c.protected(st, 1, 2) && (h.rule != ruleComments || st.landmark) {
		return "", false
	}
	return h.rule, true
}

// inRunningText reports an inline element (stats c.stats[own]) that is a
// small part of the text of the block around it (c.stats[block]; -1: none).
func (c *cleaner) inRunningText(own, block int) bool {
	if block < 0 {
		return false
	}
	return c.stats[own].text*5 < c.stats[block].text*4
}

// isLinkCluster reports an inline element inside a paragraph that is a
// cluster of links (a pop-over card of related headlines, a link row): three
// or more links and nothing else, beside the paragraph's own text. own and
// block are the indexes of the stats of n and of the block around it.
func (c *cleaner) isLinkCluster(n *html.Node, own, block int) bool {
	st := &c.stats[own]
	if st.links < 3 || st.text < 100 || st.link*10 < st.text*9 {
		return false
	}
	if block < 0 || c.stats[block].text < st.text+40 {
		return false
	}
	// Let a child that is most of the cluster be the one removed.
	i := own + 1
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode || isDropTag(ch.DataAtom) {
			continue
		}
		cs := &c.stats[i]
		i += cs.size
		if cs.text*5 >= st.text*4 && ch.DataAtom != atom.A {
			return false
		}
	}
	return true
}

func isHiddenStyle(style string) bool {
	if !isASCII(style) {
		s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
		return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
	}
	// The same on the bytes, without building the lower-cased string.
	var buf [128]byte
	s := buf[:0]
	for i := 0; i < len(style); i++ {
		c := style[i]
		if c == ' ' {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		s = append(s, c)
	}
	return bytes.Contains(s, []byte("display:none")) || bytes.Contains(s, []byte("visibility:hidden"))
}

// hiddenNames are the class names that hide an element on every screen
// (not the responsive "hidden-xs" kind), in lower case.
var hiddenNames = []string{"hidden", "hide", "invisible", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only", "screenreader-only", "offscreen", "element-invisible", "u-hidden", "is-hidden", "a11y-hidden"}

// hiddenFirst marks the first bytes of hiddenNames in either case, and
// hiddenLen their lengths: they tell most class names apart at once.
var hiddenFirst, hiddenLen = func() (first [256]bool, lens [maxHiddenClass + 1]bool) {
	for _, h := range hiddenNames {
		first[h[0]] = true
		first[h[0]-'a'+'A'] = true
		lens[len(h)] = true
	}
	return first, lens
}()

// isHiddenClass reports a class attribute with one of hiddenNames in any
// letter case. It runs on every element: an ASCII value (the usual one) is
// split and compared on its bytes, not lower-cased into new strings.
func isHiddenClass(class string) bool {
	start := 0
	for i := 0; i < len(class); i++ {
		// One look-up tells the usual byte, neither a space nor non-ASCII.
		switch wordClass[class[i]] {
		case spaceByte:
			if isHiddenName(class[start:i]) {
				return true
			}
			start = i + 1
		case multiByte:
			return isHiddenClassUnicode(class)
		}
	}
	return isHiddenName(class[start:])
}

// isHiddenName reports an ASCII class name (parted by ASCII spaces, as
// strings.Fields parts it) that is one of hiddenNames in any letter case.
func isHiddenName(name string) bool {
	if len(name) < len(hiddenLen) && hiddenLen[len(name)] && hiddenFirst[name[0]] {
		for _, h := range hiddenNames {
			if asciiLowerEq(name, h) {
				return true
			}
		}
	}
	return false
}

// asciiLowerEq reports whether s, lower-cased, is w (ASCII, lower case).
func asciiLowerEq(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// isHiddenClassUnicode is isHiddenClass for a value with non-ASCII text.
func isHiddenClassUnicode(class string) bool {
	for c := range strings.FieldsSeq(class) {
		if slices.Contains(hiddenNames, strings.ToLower(c)) {
			return true
		}
	}
	return false
}

// maxHiddenClass is the length of the longest of hiddenNames.
const maxHiddenClass = len("screen-reader-text")

// asciiSpace marks the ASCII white space that strings.Fields splits at.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
