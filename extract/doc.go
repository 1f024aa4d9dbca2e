// Package extract turns a news web page into an [Article]: title, authors,
// dates, site, language, canonical URL, the body as clean paragraphs, and
// the quotations in it. It works on bytes or on a parsed tree and never
// touches the network.
//
// A run, from bytes to Article: [Extract] recognises gzip, binary data and
// plain text; [Decode] converts the charset to UTF-8 once; the page is parsed
// once; metadata is read from the untouched tree (package metadata); the
// tree is cleaned of boilerplate and the main content is found by scoring
// blocks; the body's paragraphs go to package quotes.
//
// Files:
//   - article.go: the Article type, which is the output schema
//   - extract.go: options, errors and the entry points
//   - sniff.go: HTML, text or binary
//   - decode.go, detect.go: charset decoding, and detection for pages that
//     declare no charset (or the wrong one)
//   - rawtext.go: emptying script, style, noscript and comment text before
//     parsing (byline reads none of it)
//   - parse.go: parsing (with internal/htmlparse, which builds the tree
//     golang.org/x/net/html builds, with fewer allocations), with a
//     fallback for pages nested too deeply
//   - clean.go: removing what is never content (scripts, navigation,
//     hidden elements, boilerplate boxes) in one pass
//   - render.go: turning the cleaned tree into blocks of text
//   - score.go: scoring blocks and containers to find the main content
//   - content.go: findContent, and the rules for single paragraphs
//   - boilerplate.go: the wording of boilerplate (appeals, related lists,
//     notices), shared by HTML and plain text
//   - explain.go: the record of what was removed, for Options.Explain
//   - plaintext.go: extraction from plain text
package extract
