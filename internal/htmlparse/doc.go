// Package htmlparse is the HTML5 parser of golang.org/x/net/html (v0.62.0,
// BSD licence in LICENSE), copied so that byline can parse a page with
// fewer allocations than the upstream parser makes. It builds the same
// tree of golang.org/x/net/html's own types (Node, Attribute), so that the
// tree goes to goquery and the rest of byline unchanged, and the tests
// hold it to that: every html5lib tree-construction input, every bench
// page, random pages and FuzzParse are parsed by both and compared node by
// node.
//
// Changes from upstream (all in the tokenizer and the parser's use of it;
// the tree-construction rules are untouched):
//   - Parse takes the page as a byte slice; no io.Reader, no fragments,
//     no rendering, no escaping.
package htmlparse
