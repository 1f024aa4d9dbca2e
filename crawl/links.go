package crawl

import (
	"net/url"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageLinks is what the crawler reads from a parsed page before extraction
// changes the tree.
type pageLinks struct {
	links     []string // absolute http(s) links to follow, in document order
	feeds     []string // RSS/Atom/JSON feeds linked with rel=alternate
	canonical string   // link rel=canonical, absolute; "" when none
	nofollow  bool     // <meta name=robots content=nofollow|none>
	// anchors holds the texts of headline-like links (see isHeadline), for
	// the link density of the extracted body.
	anchors []string
}

// feedTypes are the rel=alternate types that name a feed.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/rdf+xml":   true,
}

// skipExtensions are file name extensions of links that never lead to a
// page; the crawler does not request them.
var skipExtensions = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true,
	".ico": true, ".bmp": true, ".tif": true, ".tiff": true, ".avif": true, ".heic": true,
	".pdf": true, ".zip": true, ".gz": true, ".tgz": true, ".rar": true, ".7z": true, ".bz2": true,
	".mp3": true, ".mp4": true, ".m4a": true, ".m4v": true, ".avi": true, ".mov": true,
	".wmv": true, ".webm": true, ".ogg": true, ".ogv": true, ".wav": true, ".flac": true,
	".css": true, ".js": true, ".mjs": true, ".woff": true, ".woff2": true, ".ttf": true,
	".otf": true, ".eot": true, ".exe": true, ".dmg": true, ".apk": true, ".msi": true,
	".iso": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true,
	".pptx": true, ".odt": true, ".csv": true, ".json": true, ".xml": true, ".rss": true,
	".atom": true, ".epub": true, ".swf": true,
}

// skipByExtension reports a URL whose path names a non-page file.
func skipByExtension(u *url.URL) bool {
	ext := strings.ToLower(path.Ext(u.Path))
	return ext != "" && skipExtensions[ext]
}

// collectLinks walks doc once and returns its links resolved against base
// (or the document's <base href>). It does not change the tree.
func collectLinks(doc *html.Node, base *url.URL) *pageLinks {
	pl := &pageLinks{}
	// <base href> applies to the whole document: find it first. It can only
	// be in <head>, near the top, so this walk is short.
	if b := findBase(doc); b != "" && base != nil {
		if bu, err := base.Parse(b); err == nil {
			base = bu
		}
	}
	resolve := func(href string) string {
		href = strings.TrimSpace(href)
		if href == "" || strings.HasPrefix(href, "#") || base == nil {
			return ""
		}
		u, err := base.Parse(href)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return ""
		}
		u.Fragment, u.RawFragment = "", ""
		return u.String()
	}
	seenAnchor := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.A, atom.Area:
				rel := strings.ToLower(getAttr(n, "rel"))
				if !hasToken(rel, "nofollow") {
					if l := resolve(getAttr(n, "href")); l != "" {
						pl.links = append(pl.links, l)
					}
				}
				if n.DataAtom == atom.A {
					t := nodeText(n)
					if isHeadline(t) && !seenAnchor[t] {
						seenAnchor[t] = true
						pl.anchors = append(pl.anchors, t)
					}
				}
			case atom.Link:
				rel := strings.ToLower(getAttr(n, "rel"))
				switch {
				case hasToken(rel, "canonical"):
					if pl.canonical == "" {
						pl.canonical = resolve(getAttr(n, "href"))
					}
				case hasToken(rel, "alternate"):
					typ := strings.ToLower(strings.TrimSpace(getAttr(n, "type")))
					if feedTypes[typ] {
						if l := resolve(getAttr(n, "href")); l != "" {
							pl.feeds = append(pl.feeds, l)
						}
					}
				}
			case atom.Meta:
				if strings.EqualFold(getAttr(n, "name"), "robots") {
					c := strings.ToLower(getAttr(n, "content"))
					for tok := range strings.FieldsFuncSeq(c, func(r rune) bool { return r == ',' || r == ' ' }) {
						if tok == "nofollow" || tok == "none" {
							pl.nofollow = true
						}
					}
				}
			case atom.Script, atom.Style, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return pl
}

func findBase(doc *html.Node) string {
	var found string
	var walk func(n *html.Node, depth int) bool
	walk = func(n *html.Node, depth int) bool {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Base {
				found = getAttr(n, "href")
				return found != ""
			}
			if n.DataAtom == atom.Body {
				return true // <base> belongs in <head>
			}
		}
		if depth > 3 {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c, depth+1) {
				return true
			}
		}
		return false
	}
	walk(doc, 0)
	return found
}

func hasToken(list, tok string) bool {
	for f := range strings.FieldsSeq(list) {
		if f == tok {
			return true
		}
	}
	return false
}

func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// nodeText returns the text of n, its runs of white space made one space,
// trimmed. The text of scripts, style sheets and noscript elements is not
// the page's (a link's noscript holds image markup as text) and is left
// out, as extract.Parse leaves it out of the tree.
func nodeText(n *html.Node) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(sb.String()), " ")
}

// isHeadline reports link text long enough to be a headline rather than
// a menu entry or a word linked in a sentence: three words and 15
// characters or more, or 8 characters of a script written without spaces
// (Chinese, Japanese).
func isHeadline(t string) bool {
	return strings.Count(t, " ") >= 2 && utf8.RuneCountInString(t) >= 15 || cjkRunes(t) >= 8
}

// cjkRunes counts the characters of scripts written without spaces
// between words.
func cjkRunes(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai)) {
			n++
		}
	}
	return n
}

// teaserMaxChars bounds the text of a teaser card: an element holding a
// paragraph and a headline link, and little else.
const teaserMaxChars = 600

// findTeasers returns the texts of the paragraphs that sit in teaser cards:
// a <p> that shares a small container (up to three levels up, under
// teaserMaxChars characters, with at most two paragraphs) with a headline
// link outside it, the way index pages pair a headline with a summary. A
// short article body with a link is no card: it has more paragraphs. It
// does not change doc.
func findTeasers(doc *html.Node) []string {
	type counts struct{ chars, heads, paras int }
	info := map[*html.Node]counts{}
	var count func(n *html.Node) counts
	count = func(n *html.Node) counts {
		var k counts
		switch n.Type {
		case html.TextNode:
			for _, r := range n.Data {
				if !unicode.IsSpace(r) {
					k.chars++
				}
			}
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				return k
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			c := count(ch)
			k.chars += c.chars
			k.heads += c.heads
			k.paras += c.paras
		}
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.A && k.chars >= 8 && isHeadline(nodeText(n)):
				k.heads++
			case n.DataAtom == atom.P:
				k.paras++
			}
			info[n] = k
		}
		return k
	}
	count(doc)
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.P {
			p := info[n]
			if p.chars > 0 {
				anc := n.Parent
				for i := 0; i < 3 && anc != nil && anc.Type == html.ElementNode; i++ {
					a := info[anc]
					if a.chars > teaserMaxChars || a.paras > 2 {
						break
					}
					if a.heads-p.heads > 0 && a.chars-p.chars >= 10 {
						if t := nodeText(n); t != "" {
							out = append(out, t)
						}
						break
					}
					anc = anc.Parent
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}
