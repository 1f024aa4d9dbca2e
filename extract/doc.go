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
//   - decode.go: charset decoding
//   - sniff.go: HTML, text or binary
//   - content.go: finding the main content in an HTML tree
//   - plaintext.go: extraction from plain text
package extract
