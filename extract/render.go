package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"byline/internal/fastre"
)

// Rendering turns the cleaned tree into blocks of text in one walk: each
// block element (p, li, h2, td, a div's own text…) gives one block, its
// inline text joined as a browser shows it, white space collapsed; two
// <br> in a row end a block. Each block keeps its element, for scoring and
// for --explain, and counts its text and link text.
//
// Pages built before CSS layout set a story's head as lines of styled
// text parted by single <br>: "<span class=headline>…</span><br><span
// class=byline>By …</span><br>Published: …<br><br>". A line that stands
// apart (the whole line one styled element, or a byline or date line) is
// a block of its own, so that the headline, byline and date rules apply
// to it, not to the paragraph it was glued to.

type blockKind int

const (
	blockParagraph blockKind = iota
	blockHeading
	blockListItem
	blockQuote
	blockPre
)

// block is one paragraph of text: the inline text of one block element
// (or one run of it between two <br><br>), whitespace normalised.
type block struct {
	text string
	kind blockKind
	// node is the block element the text belongs to.
	node *html.Node
	// textLen and linkLen count the non-space bytes of the text and of its
	// link text.
	textLen, linkLen int
	// quoted: the block is inside a <blockquote> that is a quotation, not
	// an embedded social post (a tweet, an Instagram or TikTok post).
	quoted bool
	// imgCaption: the block is in italics and comes right after an image.
	imgCaption bool
}

func (b *block) linkDensity() float64 {
	if b.textLen == 0 {
		return 0
	}
	return float64(b.linkLen) / float64(b.textLen)
}

// renderer turns a cleaned tree into blocks in one walk.
type renderer struct {
	blocks     []block
	buf        []byte
	textLen    int
	linkLen    int
	inLink     int
	owner      *html.Node
	quoteDepth int
	// realQuotes counts the open blockquotes that are not social embeds.
	realQuotes int
	lastBr     bool
	sinceBr    int
	// open and close are the quotation marks put around <q> text.
	open, close string
	// imgPending: an image was met and no text since; afterImg: the
	// current block's text came right after an image.
	imgPending, afterImg bool
	// inItalic counts open em, i and small elements; italicLen the text
	// inside them in the current block.
	inItalic, italicLen int
	// alts holds the normalised alt texts of the images (of 3 words or
	// more): a block that repeats one is its caption.
	alts map[string]bool
	// lines marks the ends of the current block's lines (single <br>).
	lines []lineMark
	// linkEnd is the length of buf when the last link closed (-1: no
	// link in the current block), linkHref its address.
	linkEnd  int
	linkHref string
	// lineNo counts the line breaks met, to tell lines apart.
	lineNo int
	// texts holds the blocks' texts and the normalised alt texts.
	texts textArena
	// styledEnd is the line's text (sinceBr) when its last styled inline
	// element that opened the line closed; the line is wholly that
	// element when no text follows. 0: none.
	styledEnd int
}

// lineMark is the end of one line of a block: the offset in buf and the
// block's text, link and italic counts up to it.
type lineMark struct {
	end                int
	text, link, italic int
	styled             bool
}

// renderBlocks renders root; lang (BCP 47, may be "") picks the quotation
// marks shown around <q> elements, as a browser does. It also returns the
// normalised alt texts of the images.
func renderBlocks(root *html.Node, lang string) ([]block, map[string]bool) {
	// A page has some tens of blocks: room for them from the start, not
	// grown from one.
	r := &renderer{owner: root, buf: make([]byte, 0, 1024), blocks: make([]block, 0, 32), linkEnd: -1}
	r.open, r.close = quoteMarks(lang)
	r.walk(root)
	r.flush()
	return r.blocks, r.alts
}

func (r *renderer) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			k := nonSpace(c.Data)
			if k == 0 {
				if len(r.buf) > 0 {
					r.buf = append(r.buf, ' ')
				}
				continue
			}
			if r.textLen == 0 {
				r.afterImg, r.imgPending = r.imgPending, false
			}
			r.buf = append(r.buf, c.Data...)
			r.textLen += k
			if r.inLink > 0 {
				r.linkLen += k
			}
			if r.inItalic > 0 {
				r.italicLen += k
			}
			r.sinceBr += k
		case html.ElementNode:
			if isDropTag(c.DataAtom) {
				continue
			}
			switch {
			case c.DataAtom == atom.Br:
				if r.lastBr && r.sinceBr == 0 {
					r.flush()
				} else {
					if r.sinceBr > 0 {
						r.lines = append(r.lines, lineMark{end: len(r.buf), text: r.textLen, link: r.linkLen, italic: r.italicLen, styled: r.styledLine()})
					}
					r.buf = append(r.buf, ' ')
					r.lastBr = true
					r.sinceBr = 0
					r.styledEnd = 0
					r.lineNo++
				}
			case c.DataAtom == atom.Img:
				r.imgPending = r.imgPending || !isTinyImage(c)
				if alt := attrOf(c, "alt"); len(alt) >= 12 && strings.Count(alt, " ") >= 2 {
					if r.alts == nil {
						r.alts = make(map[string]bool)
					}
					r.alts[r.texts.normText(alt)] = true
				}
			case c.DataAtom == atom.Wbr:
			case isBlockTag(c.DataAtom):
				r.flush()
				owner := r.owner
				r.owner = c
				real := false
				if c.DataAtom == atom.Blockquote {
					r.quoteDepth++
					if real = r.isQuotation(c); real {
						r.realQuotes++
					}
				}
				r.walk(c)
				r.flush()
				if c.DataAtom == atom.Blockquote {
					r.quoteDepth--
					if real {
						r.realQuotes--
					}
				}
				r.owner = owner
			case c.DataAtom == atom.Q:
				marked := startsWithMark(c)
				if !marked {
					r.buf = append(r.buf, r.open...)
				}
				r.walk(c)
				if !marked {
					r.buf = append(r.buf, r.close...)
				}
			case c.DataAtom == atom.A:
				// Links set side by side (a row of buttons or menu
				// entries, spaced by style sheets) are parted by a space;
				// one link split in two by an editor ("D" "ata", both to
				// the same address) is not.
				href := attrOf(c, "href")
				if len(r.buf) > 0 && len(r.buf) == r.linkEnd && href != r.linkHref {
					r.buf = append(r.buf, ' ')
				}
				r.inLink++
				r.walk(c)
				r.inLink--
				r.linkEnd, r.linkHref = len(r.buf), href
			case c.DataAtom == atom.Em || c.DataAtom == atom.I || c.DataAtom == atom.Small:
				line := r.lineOpen()
				r.inItalic++
				r.walk(c)
				r.inItalic--
				r.styledClose(line)
			default:
				line := r.lineOpen()
				r.walk(c)
				r.styledClose(line)
			}
		}
	}
}

// lineOpen returns the number of the line an inline element opens, or -1
// when the line already has text.
func (r *renderer) lineOpen() int {
	if r.sinceBr > 0 {
		return -1
	}
	return r.lineNo
}

// styledClose notes the close of an inline element that opened line
// (from lineOpen) and ends on it.
func (r *renderer) styledClose(line int) {
	if line >= 0 && line == r.lineNo && r.sinceBr > 0 {
		r.styledEnd = r.sinceBr
	}
}

// styledLine reports a line that is wholly one styled inline element
// (a span, b, strong, font, em…).
func (r *renderer) styledLine() bool {
	return r.styledEnd > 0 && r.styledEnd == r.sinceBr
}

func (r *renderer) flush() {
	// A block mostly of links (a list of headlines under a label) stays
	// whole: the link rules judge it as one.
	if len(r.lines) > 0 && r.textLen > 0 && r.linkLen*2 < r.textLen {
		r.flushLines()
	}
	r.lines = r.lines[:0]
	r.lastBr, r.sinceBr, r.styledEnd = false, 0, 0
	r.lineNo++
	r.linkEnd = -1
	if r.textLen == 0 {
		r.buf = r.buf[:0]
		r.linkLen, r.italicLen = 0, 0
		return
	}
	r.emit(r.texts.normalizeSpace(r.buf), r.textLen, r.linkLen, r.italicLen)
	r.buf = r.buf[:0]
	r.textLen, r.linkLen, r.italicLen = 0, 0, 0
	r.afterImg = false
}

// flushLines emits the lines of the current block that stand apart as
// blocks of their own, with the runs of lines between them, and leaves
// the last run in the buffer for flush.
func (r *renderer) flushLines() {
	last := lineMark{end: len(r.buf), text: r.textLen, link: r.linkLen, italic: r.italicLen, styled: r.sinceBr > 0 && r.styledLine()}
	marks := append(r.lines, last)
	texts := make([]string, len(marks))
	apart := make([]bool, len(marks))
	start := 0
	prev := lineMark{}
	for i, m := range marks {
		texts[i] = normalizeSpace(r.buf[start:m.end])
		apart[i] = standsApart(texts[i], m.styled, m.text-prev.text, m.link-prev.link)
		start, prev = m.end, m
	}
	// Cut before and after each line that stands apart.
	from, fromMark := 0, lineMark{}
	for i := 1; i < len(marks); i++ {
		if !apart[i-1] && !apart[i] {
			continue
		}
		m := marks[i-1]
		if text := r.texts.normalizeSpace(r.buf[from:m.end]); text != "" {
			r.emit(text, m.text-fromMark.text, m.link-fromMark.link, m.italic-fromMark.italic)
			r.afterImg = false
		}
		from, fromMark = m.end, m
	}
	if from == 0 {
		return
	}
	r.buf = append(r.buf[:0], r.buf[from:]...)
	r.textLen -= fromMark.text
	r.linkLen -= fromMark.link
	r.italicLen -= fromMark.italic
}

// standsApart reports a line of a block that is a block of its own: short,
// not mostly links, and either wholly one styled element (a headline or a
// byline set in a span or in bold) or worded as a byline or a dateline
// ("Published: …"; a bare date may be a line of a schedule).
func standsApart(t string, styled bool, text, link int) bool {
	if t == "" || text == 0 || link*2 >= text || wordCount(t) > 25 {
		return false
	}
	return styled || isBylineText(t, nil) || reDateLead.MatchString(strings.ToLower(t)) && isDateLine(t)
}

// emit appends a block of the current owner.
func (r *renderer) emit(text string, textLen, linkLen, italicLen int) {
	if text == "" { // only non-ASCII spaces (&nbsp;)
		return
	}
	b := block{
		text:    text,
		node:    r.owner,
		textLen: textLen,
		linkLen: linkLen,
		quoted:  r.realQuotes > 0 && !isAttribution(r.owner, text),
		// A caption without caption markup: a line in italics right
		// under an image.
		imgCaption: r.afterImg && italicLen*10 >= textLen*9,
	}
	switch r.owner.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.kind = blockHeading
	case atom.Li, atom.Dt, atom.Dd:
		b.kind = blockListItem
	case atom.Pre:
		b.kind = blockPre
	default:
		if r.quoteDepth > 0 {
			b.kind = blockQuote
		}
	}
	r.blocks = append(r.blocks, b)
}

// isTinyImage reports an icon, an emoji or a tracking pixel: an image
// declared under 50 pixels wide or high.
func isTinyImage(n *html.Node) bool {
	for _, k := range []string{"width", "height"} {
		if v := attrOf(n, k); v != "" {
			d := 0
			for _, ch := range v {
				if ch < '0' || ch > '9' {
					break
				}
				d = d*10 + int(ch-'0')
			}
			if d > 0 && d < 50 {
				return true
			}
		}
	}
	return strings.Contains(attrOf(n, "class"), "emoji")
}

// quoteMarks returns the quotation marks a browser shows around <q> text
// in language lang: the primary marks of the main news languages, English
// curly marks otherwise.
func quoteMarks(lang string) (string, string) {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	switch lang {
	case "fr", "ru", "uk", "be", "es", "it", "pt", "ca", "el", "nb", "nn", "no":
		return "«", "»"
	case "de", "cs", "sk", "bg", "lt", "et", "is", "sl":
		return "„", "“"
	case "pl", "ro", "hu", "hr", "sr":
		return "„", "”"
	case "ja", "zh":
		return "「", "」"
	}
	return "“", "”"
}

// isQuotation reports a blockquote that quotes someone: not a social
// embed, and either attributed (a <footer>, <cite> or cite attribute, a
// last line opening with a dash) or introduced by a paragraph that ends
// with a colon. Blockquotes also serve to set off summaries, notes and
// whole passages of the author's own text: those are not quotations.
func (r *renderer) isQuotation(n *html.Node) bool {
	if isSocialEmbed(n) {
		return false
	}
	if len(r.blocks) > 0 {
		prev := strings.TrimRight(r.blocks[len(r.blocks)-1].text, " ")
		if strings.HasSuffix(prev, ":") {
			return true
		}
	}
	if attrOf(n, "cite") != "" {
		return true
	}
	attributed := false
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil && !attributed; c = c.NextSibling {
			if c.Type == html.ElementNode {
				if c.DataAtom == atom.Footer || c.DataAtom == atom.Cite {
					attributed = true
					return
				}
				walk(c)
			}
		}
	}
	walk(n)
	if attributed {
		return true
	}
	// A last line of its own: "— Maria Gomez".
	var last string
	var lastText func(*html.Node)
	lastText = func(m *html.Node) {
		for c := m.LastChild; c != nil && last == ""; c = c.PrevSibling {
			switch c.Type {
			case html.TextNode:
				last = strings.TrimSpace(c.Data)
			case html.ElementNode:
				if !isDropTag(c.DataAtom) {
					lastText(c)
				}
			}
		}
	}
	lastText(n)
	return isAttribution(n, last) && last != ""
}

// isAttribution reports the line of a blockquote that names its source
// (a <footer> or <cite>, or a short line opening with a dash): it is not
// part of the quotation.
func isAttribution(owner *html.Node, text string) bool {
	if owner.DataAtom == atom.Footer || owner.DataAtom == atom.Cite {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text)
	return (r == '—' || r == '–' || r == '―' || r == '-') && wordCount(text) <= 12
}

// startsWithMark reports a <q> whose text already opens with a quotation
// mark, which would be doubled.
func startsWithMark(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			t := strings.TrimSpace(c.Data)
			if t == "" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(t)
			return strings.ContainsRune("\"'“”„«»‘’‚‹›「『", r)
		case html.ElementNode:
			return startsWithMark(c)
		}
	}
	return false
}

// isSocialEmbed reports a blockquote that is an embedded social-media post
// (the markup of Twitter, Instagram, TikTok, Facebook and other embeds), by
// its class or its wrapper's, or by a link to a post on such a site.
func isSocialEmbed(n *html.Node) bool {
	a := n
	for depth := 0; a != nil && a.Type == html.ElementNode && depth < 3; depth++ {
		var w classWords
		for _, s := range [2]string{attrOf(a, "class"), attrOf(a, "id")} {
			w.reset(s)
			for tok, ok := w.next(); ok; tok, ok = w.next() {
				if socialTokens[string(tok)] {
					return true
				}
			}
		}
		a = a.Parent
	}
	if attrOf(n, "data-instgrm-permalink") != "" {
		return true
	}
	found := false
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.A && reSocialPost.MatchString(attrOf(c, "href")) {
				found = true
				return
			}
			walk(c)
		}
	}
	walk(n)
	return found
}

var socialTokens = map[string]bool{
	"tweet": true, "twitter": true, "twittertweet": true, "instagram": true, "instagrammedia": true, "tiktok": true, "tiktokembed": true,
	"facebook": true, "fb": true, "reddit": true, "redditcard": true, "bluesky": true, "threads": true, "mastodon": true, "telegram": true,
	"imgur": true, "embed": true, "embedded": true, "social": true, "socialembed": true, "oembed": true,
}

// reSocialPost matches the address of a post on a social network.
var reSocialPost = fastre.MustCompile(`(?i)^(?:https?:)?//(?:www\.|mobile\.)?(?:twitter\.com|x\.com|instagram\.com|tiktok\.com|facebook\.com|threads\.net|bsky\.app|reddit\.com)/(?:[^/?#]+/)?(?:status|p|reel|video|posts|post|comments)/`)

// isLeafBlock reports the elements that hold paragraphs of text, as opposed
// to containers of paragraphs.
func isLeafBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Dt, atom.Dd, atom.Pre,
		atom.Blockquote, atom.Figcaption, atom.Caption, atom.Address, atom.Summary, atom.Legend, atom.Th:
		return true
	}
	return false
}

// normalizeSpace collapses runs of white space to one space and trims.
// Runs of ASCII text are copied whole; other runes one by one (an invalid
// byte becomes U+FFFD).
func normalizeSpace(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	writeNormalized(&sb, b)
	return sb.String()
}

// writeNormalized writes b to sb as normalizeSpace returns it.
func writeNormalized(sb *strings.Builder, b []byte) {
	start := sb.Len()
	space := false
	for i := 0; i < len(b); {
		size := 1
		if c := b[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				space = true
				i++
				continue
			}
		} else {
			var r rune
			r, size = utf8.DecodeRune(b[i:])
			if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
				if r != '\u200b' && r != '\ufeff' {
					space = true
				}
				i += size
				continue
			}
			if r == utf8.RuneError && size == 1 {
				// An invalid byte is written as U+FFFD, not copied.
				if space && sb.Len() > start {
					sb.WriteByte(' ')
				}
				space = false
				sb.WriteRune(r)
				i++
				continue
			}
		}
		// The text from i on is written as it is up to the next change:
		// one write for a run of words, not one per word or rune.
		j := runEnd(b, i+size)
		if space && sb.Len() > start {
			sb.WriteByte(' ')
		}
		space = false
		sb.Write(b[i:j])
		i = j
	}
}

// runEnd returns where the text of b from j on stops being normalized
// already: at white space other than a single ' ' between two ASCII
// non-space bytes, at a zero-width rune, or at an invalid byte.
func runEnd(b []byte, j int) int {
	for j < len(b) {
		switch wordClass[b[j]] {
		case wordByte, otherByte:
			j++
		case spaceByte:
			if b[j] != ' ' || j+1 == len(b) || wordClass[b[j+1]] >= spaceByte {
				return j
			}
			j += 2
		default:
			r, size := utf8.DecodeRune(b[j:])
			if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
				return j
			}
			j += size
		}
	}
	return j
}

// textArena hands out strings cut from shared chunks of memory: one
// allocation for many short strings (the texts of a page's blocks), where
// each would take its own. A chunk is a strings.Builder's buffer, which is
// only ever appended to: the strings cut from it stay valid.
type textArena struct {
	sb strings.Builder
}

// arenaChunk is the size of a chunk: the text of a few paragraphs.
const arenaChunk = 2048

// room readies the arena for n bytes of strings (one string, or several
// cut in a row), in a new chunk when the current one has not the room,
// and returns where they start.
func (a *textArena) room(n int) int {
	if a.sb.Cap()-a.sb.Len() < n {
		a.sb = strings.Builder{} // the strings cut so far keep the old chunk
		a.sb.Grow(max(n, arenaChunk))
	}
	return a.sb.Len()
}

// normalizeSpace is normalizeSpace(b), in the arena.
func (a *textArena) normalizeSpace(b []byte) string {
	start := a.room(len(b))
	writeNormalized(&a.sb, b)
	return a.sb.String()[start:]
}

// normText is normText(s), in the arena.
func (a *textArena) normText(s string) string {
	start := a.room(len(s))
	writeNormText(&a.sb, s)
	return a.sb.String()[start:]
}

// toLower is strings.ToLower(t) for valid UTF-8 t (a block's text), in the
// arena when it differs from t. The text between the runes that change is
// copied in one write each: capitals are few in prose.
func (a *textArena) toLower(t string) string {
	start, from := -1, 0
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				if start < 0 {
					start = a.room(len(t))
				}
				a.sb.WriteString(t[from:i])
				a.sb.WriteByte(c + 'a' - 'A')
				from = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		// (an invalid byte, size 1, is written as U+FFFD, as
		// strings.ToLower does)
		if l := unicode.ToLower(r); l != r || size == 1 {
			if start < 0 {
				start = a.room(len(t))
			}
			a.sb.WriteString(t[from:i])
			a.sb.WriteRune(l)
			from = i + size
		}
		i += size
	}
	if start < 0 {
		return t
	}
	a.sb.WriteString(t[from:])
	return a.sb.String()[start:]
}

// normText is text reduced for comparisons: lower case, letters and digits
// only, single spaces.
func normText(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	writeNormText(&sb, s)
	return sb.String()
}

// writeNormText writes s to sb as normText returns it.
func writeNormText(sb *strings.Builder, s string) {
	start := sb.Len()
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && wordClass[c] != wordByte {
			space = true
			i++
			continue
		}
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else if r, size = utf8.DecodeRuneInString(s[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			i += size
			continue
		}
		if space && sb.Len() > start {
			sb.WriteByte(' ')
		}
		space = false
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			// a run of lower-case ASCII letters and digits: one write
			j := i + 1
			for j < len(s) && ('a' <= s[j] && s[j] <= 'z' || '0' <= s[j] && s[j] <= '9') {
				j++
			}
			sb.WriteString(s[i:j])
			i = j
			continue
		}
		sb.WriteRune(unicode.ToLower(r))
		i += size
	}
}
