// Package metadata reads an article's metadata (title, authors, dates, site,
// language, canonical URL, image, tags) from a parsed HTML page. It only
// reads the tree; call it before any cleaning.
package metadata

import (
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Metadata is what a page says about its article. A field that the page
// does not make known is left empty.
type Metadata struct {
	Title        string
	Authors      []string
	Published    time.Time
	Modified     time.Time
	CanonicalURL string
	SiteName     string
	Language     string
	Description  string
	Image        string
	Tags         []string
	Paywalled    bool
	// Type is the page's declared type, lower-cased: og:type ("article")
	// or the JSON-LD @type ("newsarticle"); empty when none.
	Type string
}

// Read reads the metadata of doc. pageURL, when known, resolves relative
// URLs and gives the host as a last resort for the site name.
func Read(doc *html.Node, pageURL *url.URL) *Metadata {
	m := &Metadata{}
	var title string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if title == "" && n.FirstChild != nil {
					title = strings.TrimSpace(n.FirstChild.Data)
				}
			case atom.Meta:
				prop, content := attr(n, "property"), attr(n, "content")
				if prop == "" {
					prop = attr(n, "name")
				}
				switch strings.ToLower(prop) {
				case "og:title":
					if m.Title == "" {
						m.Title = strings.TrimSpace(content)
					}
				case "og:site_name":
					m.SiteName = strings.TrimSpace(content)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if m.Title == "" {
		m.Title = title
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
