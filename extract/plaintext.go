package extract

import (
	"strings"

	"byline/extract/metadata"
)

// ExtractText extracts an article from plain text, as naive scraping gives
// it: paragraphs are separated by blank lines.
func ExtractText(text string, opts *Options) (*Article, error) {
	var blocks []block
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			blocks = append(blocks, block{text: p})
		}
	}
	a := newArticle(&metadata.Metadata{}, opts)
	a.setBody(blocks)
	if a.Body == "" {
		return a, ErrNoContent
	}
	return a, nil
}
