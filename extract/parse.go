package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"byline/internal/htmlparse"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// errTooDeep: the page nests elements too deeply to be parsed, even with
// its deepest elements flattened.
var errTooDeep = errors.New("elements nested too deeply")

// parseHTML parses a decoded page. golang.org/x/net/html refuses pages
// whose elements nest more than 512 deep (a guard against stack
// exhaustion), which real pages with unclosed tags can reach; browsers
// instead stop nesting and add the deeper elements as siblings. When the
// parser refuses a page, its deepest start tags are dropped (their text is
// kept, under the nearest kept ancestor) and it is parsed again: the cost
// of a second parse falls on those pages only.
//
// The tree has the text of scripts (but JSON-LD), style sheets, noscript
// elements and comments left out (see blankRawText); the flattened copy of
// a page too deep to parse keeps them, as before.
//
// The parser is internal/htmlparse, which builds the tree
// golang.org/x/net/html would with fewer allocations, and which rewrites
// the bytes it parses: it gets the blanked copy, or a copy of text.
func parseHTML(text []byte) (*html.Node, error) {
	buf := blankBufs.Get().(*[]byte)
	blanked, copied := blankRawText(text, (*buf)[:0])
	if !copied {
		blanked = append((*buf)[:0], text...)
	}
	doc, err := htmlparse.Parse(blanked)
	if cap(blanked) <= 4<<20 {
		*buf = blanked[:0]
	}
	blankBufs.Put(buf)
	if err == nil || !strings.Contains(err.Error(), "open stack of elements") {
		return doc, err
	}
	for _, limit := range []int{200, 50} {
		if doc, err = htmlparse.Parse(flattenDeep(text, limit)); err == nil {
			return doc, nil
		}
	}
	return nil, fmt.Errorf("%w: %v", errTooDeep, err)
}

// flattenDeep copies the page's tokens, leaving out the start and end tags
// of elements nested deeper than limit (counting unclosed start tags, as
// written in the source).
func flattenDeep(text []byte, limit int) []byte {
	type open struct {
		name string
		kept bool
	}
	var stack []open
	kept := 0    // kept elements on the stack
	foreign := 0 // svg and math elements on the stack
	// Open elements by name: an end tag with none open is stray, found
	// without searching the stack, so the copy stays linear.
	openByName := map[string]int{}
	out := make([]byte, 0, len(text))
	z := html.NewTokenizer(bytes.NewReader(text))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if voidElement(name) {
				break
			}
			if tt == html.SelfClosingTagToken {
				// "<span/>" opens a span in HTML; "<path/>" closes itself
				// in SVG and MathML.
				if foreign > 0 {
					break
				}
			}
			keep := kept < limit
			stack = append(stack, open{string(name), keep})
			openByName[string(name)]++
			if string(name) == "svg" || string(name) == "math" {
				foreign++
			}
			if !keep {
				continue
			}
			kept++
		case html.EndTagToken:
			name, _ := z.TagName()
			if openByName[string(name)] == 0 {
				break // stray end tag: the parser ignores it
			}
			i := len(stack) - 1
			for stack[i].name != string(name) {
				i--
			}
			keep := stack[i].kept
			for _, o := range stack[i:] {
				openByName[o.name]--
				if o.kept {
					kept--
				}
				if o.name == "svg" || o.name == "math" {
					foreign--
				}
			}
			stack = stack[:i]
			if !keep {
				continue
			}
		}
		out = append(out, raw...)
	}
}

func voidElement(name []byte) bool {
	switch atom.Lookup(name) {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
