package extract

import (
	"time"

	"byline/extract/quotes"
)

// Article is one extracted page. Its json tags are byline's output schema
// (documented field by field in README.md): change them only together with
// the README.
type Article struct {
	// Source is the input exactly as the caller gave it (URL, path or "-").
	// The library never sets it; the caller does.
	Source string `json:"source"`
	// URL is the page's address: the final URL after redirects, or the
	// address the caller gave with [Options.URL].
	URL string `json:"url,omitempty"`
	// CanonicalURL comes from link rel=canonical or og:url, made absolute.
	CanonicalURL string `json:"canonical_url,omitempty"`
	// Title is the headline, without a site-name suffix.
	Title string `json:"title"`
	// Authors lists person names; empty (never null) when none is known.
	Authors []string `json:"authors"`
	// Published and Modified are omitted when unknown.
	Published time.Time `json:"published,omitzero"`
	Modified  time.Time `json:"modified,omitzero"`
	SiteName  string    `json:"site_name,omitempty"`
	// Language is a BCP 47 tag ("en", "pt-BR").
	Language    string `json:"language,omitempty"`
	Description string `json:"description,omitempty"`
	// Image is an absolute URL.
	Image string   `json:"image,omitempty"`
	Tags  []string `json:"tags,omitempty"`
	// Paywalled is true when the page's structured data says the article
	// is not free to read.
	Paywalled bool `json:"paywalled,omitempty"`
	// Body is the article text: paragraphs separated by one blank line;
	// headings and list items are paragraphs of their own.
	Body string `json:"body"`
	// Quotes lists the direct quotations in Body in reading order; never null.
	Quotes []quotes.Quote `json:"quotes"`
	// WordCount counts the words in Body.
	WordCount int `json:"word_count"`
	// Removed lists the blocks of text dropped from the page and why; filled
	// only when [Options.Explain] is set.
	Removed []Removal `json:"removed,omitempty"`

	// PageType is the page's declared type, lower-cased: og:type
	// ("article") or the JSON-LD @type ("newsarticle"); empty when none.
	// It is not part of the output: crawlers use it to tell articles from
	// index pages.
	PageType string `json:"-"`
}

// Removal is one block of text that extraction dropped, for --explain.
type Removal struct {
	// Text is the first 200 characters of the dropped block's text.
	Text string `json:"text"`
	// Rule names why it was dropped ("boilerplate:related", "link-density", ...).
	Rule string `json:"rule"`
	// Path is a short CSS-like path of the element ("div#main > aside.related").
	Path string `json:"path"`
}
