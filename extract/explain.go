package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// recorder collects the Removals for --explain. A nil or switched-off
// recorder does nothing and costs nothing.
type recorder struct {
	on   bool
	list []Removal
}

// node records the removal of element n (before it is detached).
func (r *recorder) node(n *html.Node, rule string) {
	if r == nil || !r.on {
		return
	}
	t := strings.Join(strings.Fields(visibleText(n)), " ")
	if t == "" {
		return
	}
	r.list = append(r.list, Removal{Text: truncateRunes(t, 200), Rule: rule, Path: pathOf(n)})
}

// text records the removal of one block of text owned by n.
func (r *recorder) text(t string, n *html.Node, rule string) {
	if r == nil || !r.on || t == "" {
		return
	}
	r.list = append(r.list, Removal{Text: truncateRunes(t, 200), Rule: rule, Path: pathOf(n)})
}

func truncateRunes(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	i, k := 0, 0
	for i = range s {
		if k == max {
			break
		}
		k++
	}
	return s[:i]
}

// visibleText is the text of n without scripts and styles.
func visibleText(n *html.Node) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
			return
		case html.ElementNode:
			if isDropTag(n.DataAtom) {
				return
			}
			// Blocks, line breaks and links are set apart: the links of
			// a menu or a button row are spaced by style sheets.
			if isBlockTag(n.DataAtom) || n.DataAtom == atom.Br {
				sb.WriteByte(' ')
				defer sb.WriteByte(' ')
			} else if n.DataAtom == atom.A {
				if !sameLink(n.PrevSibling, n) {
					sb.WriteByte(' ')
				}
				if !sameLink(n, n.NextSibling) {
					defer sb.WriteByte(' ')
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// sameLink reports two links side by side to the same address: one link
// split in two by an editor ("D", "ata").
func sameLink(a, b *html.Node) bool {
	return a != nil && b != nil && a.Type == html.ElementNode && b.Type == html.ElementNode &&
		a.DataAtom == atom.A && b.DataAtom == atom.A && attrOf(a, "href") == attrOf(b, "href")
}

// pathOf gives a short CSS-like path of n: at most three elements, each
// with its id or first class ("div#main > aside.related").
func pathOf(n *html.Node) string {
	var parts []string
	for e := n; e != nil && e.Type == html.ElementNode && len(parts) < 3; e = e.Parent {
		if e.Data == "html" || e.Data == "body" {
			if len(parts) == 0 {
				parts = append(parts, e.Data)
			}
			break
		}
		parts = append(parts, selectorOf(e))
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, " > ")
}

func selectorOf(e *html.Node) string {
	var id, class string
	for _, a := range e.Attr {
		switch a.Key {
		case "id":
			id = strings.TrimSpace(a.Val)
		case "class":
			if f := strings.Fields(a.Val); len(f) > 0 {
				class = f[0]
			}
		}
	}
	switch {
	case id != "" && !strings.ContainsAny(id, " \t"):
		return e.Data + "#" + id
	case class != "":
		return e.Data + "." + class
	}
	return e.Data
}
