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
//   - Parse takes the page as a byte slice and tokenizes it in place: no
//     io.Reader, no read buffer, no fragments, no rendering, no escaping.
//     It rewrites the slice (lower-casing, new lines and character
//     references, as upstream does in its own read buffer).
//   - Tag names, attribute keys and values are read where they lie; upstream
//     copies each one (bytes.ReplaceAll, which always copies, for NULs),
//     and allocates a string per key to find duplicate attributes.
//   - Text and quoted attribute values are skipped with bytes.IndexByte and
//     readByte is small enough to be inlined.
//   - The tree's strings are cut from shared chunks (stringArena), its
//     elements and text nodes from slabs (parser.newNode), attribute slices
//     are sized once.
//   - The scope searches switch on the namespace instead of a map lookup.
//
// On the 181 ScrapingHub bench pages this takes a page's parse from about
// 11,000 allocations and 708 KB to about 760 and 300 KB (byline's Parse,
// which also leaves scripts' text out), and to about half the time of
// upstream's html.Parse (extract's BenchmarkParse against
// BenchmarkParseOnly).
package htmlparse
