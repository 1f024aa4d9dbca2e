package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"byline/extract/metadata"
)

type blockKind int

const (
	blockParagraph blockKind = iota
	blockHeading
	blockListItem
	blockQuote
)

// block is one paragraph of the body.
type block struct {
	text string
	kind blockKind
}

// findContent finds the article's blocks of text in doc. With explain it
// also returns the blocks it dropped and why.
func findContent(doc *html.Node, meta *metadata.Metadata, explain bool) ([]block, []Removal) {
	var out []block
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Nav, atom.Header, atom.Footer, atom.Form:
				return
			case atom.P:
				if t := strings.Join(strings.Fields(textOf(n)), " "); t != "" {
					out = append(out, block{text: t})
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out, nil
}

func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}
