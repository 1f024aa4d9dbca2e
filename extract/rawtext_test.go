package extract

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// checkBlanked parses page and its blankRawText copy and compares the
// trees node by node: they must be equal, except that the copy may have
// emptied the text of HTML script (not JSON-LD), style and noscript
// elements and the text of comments.
func checkBlanked(t *testing.T, page []byte) {
	t.Helper()
	blanked, _ := blankRawText(page, nil)
	want, err1 := html.Parse(bytes.NewReader(page))
	got, err2 := html.Parse(bytes.NewReader(blanked))
	if (err1 == nil) != (err2 == nil) {
		t.Fatalf("parse errors differ: page %v, blanked %v", err1, err2)
	}
	if err1 != nil {
		return
	}
	if path := diffBlanked(want, got, "doc"); path != "" {
		t.Fatalf("trees differ at %s\npage:    %q\nblanked: %q", path, clipBytes(page), clipBytes(blanked))
	}
}

func clipBytes(b []byte) []byte {
	if len(b) > 2000 {
		return b[:2000]
	}
	return b
}

// diffBlanked returns the path of the first difference between want (the
// page's tree) and got (the blanked copy's), "" if none.
func diffBlanked(want, got *html.Node, path string) string {
	if want.Type != got.Type || want.DataAtom != got.DataAtom || want.Namespace != got.Namespace {
		return fmt.Sprintf("%s: node %v %q %q, got %v %q %q", path, want.Type, want.Data, want.Namespace, got.Type, got.Data, got.Namespace)
	}
	if want.Data != got.Data && !(want.Type == html.CommentNode && got.Data == "") {
		return fmt.Sprintf("%s: data %q, got %q", path, want.Data, got.Data)
	}
	if !slices.Equal(want.Attr, got.Attr) {
		return fmt.Sprintf("%s: attributes %v, got %v", path, want.Attr, got.Attr)
	}
	if got.FirstChild == nil && want.FirstChild != nil && blankable(want) {
		for c := want.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.TextNode {
				return fmt.Sprintf("%s: emptied element had a %v child", path, c.Type)
			}
		}
		return ""
	}
	w, g := want.FirstChild, got.FirstChild
	for i := 0; w != nil || g != nil; i++ {
		p := fmt.Sprintf("%s/%d", path, i)
		if w == nil || g == nil {
			return p + ": children differ in number"
		}
		if d := diffBlanked(w, g, p+":"+w.Data); d != "" {
			return d
		}
		w, g = w.NextSibling, g.NextSibling
	}
	return ""
}

// blankable reports the elements whose text blankRawText may empty.
func blankable(n *html.Node) bool {
	if n.Type != html.ElementNode || n.Namespace != "" {
		return false
	}
	switch n.DataAtom {
	case atom.Style, atom.Noscript:
		return true
	case atom.Script:
		for _, a := range n.Attr {
			if a.Key == "type" {
				return strings.ToLower(strings.TrimSpace(a.Val)) != "application/ld+json"
			}
		}
		return true
	}
	return false
}

var blankCases = []string{
	"<script src=x>code</script><p>a</p>",
	"<!-- x --><p>a<!--b--></p><!---->",
	"<!--><p>a</p><!---><p>b</p>-->",
	"<!-- a --!><p>b</p>",
	"<!-- a --!-><p>b</p>-->",
	"<!-- a --!--!><p>b</p>",
	"<!-- a --!!><p>b</p>-->",
	"<!-- a ---><p>b</p>",
	"<!-- a -- ><p>b</p>-->",
	"<!-- unclosed <p>x</p>",
	"<!x><p>a</p><?xml version='1'?><p>b</p></ x><p>c</p></><p>d</p>",
	"<!DOCTYPE html><p>a</p><!doctype x><p>b</p>",
	"<script>a</script x><p>b</p>",
	"<script>a</scriptx></script ><p>b</p>",
	"<script>a</SCRIPT/><p>b</p>",
	"<SCRIPT>if (a<b) x = '</scr' + 'ipt>';</script><p>b</p>",
	"<script><!-- document.write('<script>x</script>'); --></script><p>b</p>",
	"<script><!-- <script> </script> --> </script><p>b</p>",
	"<script><!-- <script> </script> <p>in</p>",
	"<script><!-- </script><p>b</p>",
	"<script><!--<script </script>--></script><p>c</p>",
	"<script><!-- - -> <!-- <sCrIpT/></script>-x--></script><p>c</p>",
	"<script><!-- a --></script><p>b</p>",
	"<script>a<!-</script><p>b</p>",
	"<script type=application/ld+json>{\"@type\":\"NewsArticle\"}</script>",
	"<script type=' Application/LD+JSON '>{}</script><p>x</p>",
	"<script type=\"application&#47;ld+json\">{}</script>",
	"<script type=text/javascript type=application/ld+json>{}</script>",
	"<script TYPE=application/json>{\"a\":1}</script><p>x</p>",
	"<script>unclosed",
	"<script",
	"<script src=\"a>b\">x</script><p>y</p>",
	"<script src='a>b'>x</script><p>y</p>",
	"<script src=a>x</script>",
	"<script/>x</script><p>y</p>",
	"<style>p{}</style><style/>a</style><p>x</p>",
	"<style>a</style<p>b</p></style><p>c</p>",
	"<noscript><img src=x></noscript><p>a</p>",
	"<head><noscript><link rel=x></noscript></head><body><noscript><p>a</p></noscript>",
	"<title><script>x</script></title><p>a</p>",
	"<textarea><!-- a --></textarea><style>x</style>",
	"<xmp><style></xmp><p>a</p><style>x</style>",
	"<iframe><script></iframe><p>a</p>",
	"<noembed><!--</noembed>--><p>a</p>",
	"<noframes><style></noframes><p>a</p>",
	"<plaintext><script>x</script>",
	"<frameset><style> a </style></frameset>",
	"<frameset><script> </script><noscript> </noscript>",
	"<table><style>x</style><tr><td><script>y</script></td></tr></table>",
	"<table><noscript>x</noscript><tr><td>a</td></tr></table>",
	"<select><style>x</style><option>a<noscript>y</noscript></select>",
	"<template><style>x</style><script>y</script></template>",
	"<svg><style>a<b>c</b></style></svg><style>d</style>",
	"<svg><title>t</title><path d=x /><style>p{}</style></svg><style>x</style>",
	"<svg><desc>a</desc><foreignObject><style>x</style></foreignObject></svg><style>y</style>",
	"<svg><foreignObject><div></svg></div></foreignObject><style>x</style>",
	"<svg><p>break</p><style>x</style>",
	"<svg><g><![CDATA[a>b]]></g></svg><style>x</style>",
	"<svg><![CDATA[<style>]]></svg><style>x</style>",
	"<svg><![CDATA[x]]><!-- c --></svg><!-- d -->",
	"<svg/><style>x</style>",
	"<svg a=x/><style>x</style></svg><style>y</style>",
	"<svg a=1 a=x/><style>x</style></svg>",
	"<math><mi><style>x</style></mi></math><style>y</style>",
	"<math><mi>x</mi><annotation-xml encoding=text/html><style>y</style></annotation-xml></math>",
	"<math><svg><style>x</style></svg></math><style>y</style>",
	"<svg><font color=red><style>x</style>",
	"<svg><g></math></g></svg><style>x</style>",
	"<svg><svg></svg><style>a<b>c</b></style></svg><style>d</style>",
	"<svg><template><style>x</style></template></svg>",
	"<p><svg><script>a<b>c</b></script></svg></p><script>d</script>",
	"<div a=\"<script>\">x</div><script>y</script>",
	"<a href=x/>y</a><script>z</script>",
	"<div\x00><script>x</script>",
	"<scr\x00ipt>x</scr\x00ipt><style>y</style>",
	"<body><script>\x00</script><style>\r\n</style>",
	"<p =x ==y a='b' c=\"d\"/ e >x</p><script>z</script>",
	"</script><script>a</script>",
	"<script></script ><script>x</script\t><p>y</p>",
	"<html><head><script>a</script></head><body><script>b</script></body></html><script>c</script><!--d-->",
	"<select><svg><style>x</style></svg></select><style>y</style>",
	"<table><svg><style>x</style></svg></table><style>y</style>",
	"<svg><title>a<b>c</b></title></svg><style>x</style>",
	"<svg><style/>x</style><style>y</style>",
	"<template><col><style> x </style>",
	"<template><col><script> x </script>",
	"<template><col><noscript> x </noscript>",
	"<table><colgroup><style> x </style>",
	"<template><tr><style> x </style><td><noscript> y </noscript>",
	"<template><caption><style> x </style>",
}

func TestBlankRawTextCases(t *testing.T) {
	for _, c := range blankCases {
		t.Run("", func(t *testing.T) { checkBlanked(t, []byte(c)) })
	}
}

func TestBlankRawTextExamples(t *testing.T) {
	for in, want := range map[string]string{
		"<script src=x>code</script>":                         "<script src=x></script>",
		"<!-- x -->":                                          "<!---->",
		"<style>p{}</style><noscript><img></noscript>":        "<style></style><noscript></noscript>",
		`<script type="application/ld+json">{}</script>`:      `<script type="application/ld+json">{}</script>`,
		"<svg><style>a</style><!--c--></svg><style>b</style>": "<svg><style>a</style><!----></svg><style></style>",
		"<p>nothing</p>":                                      "<p>nothing</p>",
		"<frameset><style>x</style>":                          "<frameset><style>x</style>",
	} {
		if got, _ := blankRawText([]byte(in), nil); string(got) != want {
			t.Errorf("blankRawText(%q) = %q, want %q", in, got, want)
		}
	}
}

// benchPages reads the vendored bench pages, decoded.
func benchPages(t testing.TB) map[string][]byte {
	pages := map[string][]byte{}
	for _, pat := range []string{"../testdata/bench/scrapinghub/html/*.html.gz", "../testdata/bench/readability/html/*"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(f, ".gz") {
				zr, err := gzip.NewReader(bytes.NewReader(raw))
				if err != nil {
					t.Fatal(err)
				}
				if raw, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
			}
			text, _ := Decode(raw, "")
			pages[f] = text
		}
	}
	return pages
}

// TestBlankRawTextBench checks the blanked copies of the bench pages and
// logs how much they leave out and where the scanner gave up.
func TestBlankRawTextBench(t *testing.T) {
	pages := benchPages(t)
	if len(pages) == 0 {
		t.Skip("no bench pages")
	}
	var total, kept int
	stops := map[string]int{}
	for name, page := range pages {
		t.Run(filepath.Base(name), func(t *testing.T) { checkBlanked(t, page) })
		s := rawScanner{in: page}
		s.scan()
		out, _ := s.result()
		total += len(page)
		kept += len(out)
		if s.stopped != "" {
			stops[s.stopped]++
		}
	}
	t.Logf("%d pages, %d bytes, %d after blanking (%.1f%%); gave up: %v", len(pages), total, kept, 100*float64(kept)/float64(total), stops)
}

func FuzzBlankRawText(f *testing.F) {
	for _, c := range blankCases {
		f.Add([]byte(c))
	}
	for _, s := range fuzzHTMLSeeds {
		f.Add([]byte(s))
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		var b []byte
		for range 1 + r.IntN(20) {
			b = append(b, blankFragments[r.IntN(len(blankFragments))]...)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		checkBlanked(t, page)
	})
}

// TestDiffBlanked checks that the comparison sees the differences it must.
func TestDiffBlanked(t *testing.T) {
	for _, c := range [][2]string{
		{"<p>a</p>", "<p>b</p>"},
		{"<p a=1>a</p>", "<p a=2>a</p>"},
		{"<svg><style>a</style></svg>", "<svg><style></style></svg>"},
		{`<script type="application/ld+json">{}</script>`, `<script type="application/ld+json"></script>`},
		{"<textarea>a</textarea>", "<textarea></textarea>"},
		{"<p>a</p><p>b</p>", "<p>a</p>"},
	} {
		want, _ := html.Parse(strings.NewReader(c[0]))
		got, _ := html.Parse(strings.NewReader(c[1]))
		if diffBlanked(want, got, "doc") == "" {
			t.Errorf("no difference found between %q and %q", c[0], c[1])
		}
	}
}

// TestParseHTMLDeepBlanked: a page too deep for the parser falls back to
// its flattened copy, which keeps the scripts the first parse left out.
func TestParseHTMLDeepBlanked(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`<html><head><script type="application/ld+json">{"headline":"x"}</script><style>p{}</style></head><body>`)
	for i := range 700 {
		fmt.Fprintf(&b, "<div><!-- %d --><script>var i = %d;</script>", i, i)
	}
	b.WriteString("<p>deep text</p>")
	page := b.Bytes()
	if _, err := html.Parse(bytes.NewReader(page)); err == nil {
		t.Fatal("the page parses: not deep enough for the test")
	}
	doc, err := parseHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	want, err := html.Parse(bytes.NewReader(flattenDeep(page, 200)))
	if err != nil {
		t.Fatal(err)
	}
	var got, exp bytes.Buffer
	html.Render(&got, doc)
	html.Render(&exp, want)
	if got.String() != exp.String() {
		t.Error("the fallback parse differs from the flattened page's")
	}
	if !strings.Contains(got.String(), "deep text") || !strings.Contains(got.String(), `{"headline":"x"}`) {
		t.Error("text lost")
	}
}

// blankFragments are the pieces TestBlankRawTextRandom strings together:
// the constructs where the scanner and the tokenizer could disagree.
var blankFragments = []string{
	"<svg>", "</svg>", "<math>", "</math>", "<svg/>", "<svg a=x/>", "<g>", "</g>", "<path d=x/>",
	"<style>", "</style>", "<script>", "</script>", "<script type=application/ld+json>", "</script ",
	"<noscript>", "</noscript>", "<title>", "</title>", "<desc>", "</desc>", "<foreignObject>",
	"</foreignObject>", "<mi>", "</mi>", "<mtext>", "<annotation-xml encoding=text/html>", "</annotation-xml>",
	"<textarea>", "</textarea>", "<xmp>", "</xmp>", "<iframe>", "</iframe>", "<plaintext>", "<frameset>",
	"<template>", "</template>", "<select>", "</select>", "<option>", "<table>", "</table>", "<tr>", "<td>",
	"<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<font color=red>", "<font>", "<a href=/>", "</a>",
	"<br>", "<img src=x>", "<!--", "-->", "--!>", "<!---->", "<!-->", "<!", "<?", "</", "</>", "<![CDATA[",
	"]]>", "<", ">", "/", "=", "\"", "'", " ", "\n", "-", "!", "x", "a>b", "</SCRIPT>", "<ScRiPt>", "</sTyLe>",
	"<!DOCTYPE html>", "<head>", "</head>", "<body>", "</body>", "\x00", "&amp;", "<math><mi>", "<svg><title>",
	`<g a=">">`, `<style a='<'>`, `<svg a="/">`, `</svg a=">">`, "<svg a=1 a=x/>", "<script><!--", "<!--<script>",
	"</script>-->", "<SVG>", "</SVG >", "<mglyph>", "<image>", "<input>", "<keygen>", "<caption>", "<colgroup>",
	"<col>", "</colgroup>", "<tbody>", "<thead>", "</tr>", "</td>", "<th>", "<frame>", "<html>", "</html>",
	"<optgroup>", "<hr>", "<a>", "<button>", "<form>", "</form>", "<li>", "<dd>", "<h1>", "<ruby>", "<rt>",
	"<marquee>", "<object>", "<base>", "<link>", "<meta>", "<basefont>", "<nobr>", "<isindex>", "<search>",
	"<math><annotation-xml>", "<svg><desc>", "<svg><foreignObject>", "<malignmark>",
}

// TestBlankRawTextRandom checks pages strung together from blankFragments
// (BLANK_RANDOM=n runs n of them instead of 20,000; BLANK_SEED=s draws
// others).
func TestBlankRawTextRandom(t *testing.T) {
	n := 20_000
	if testing.Short() {
		n = 2_000
	}
	if s := os.Getenv("BLANK_RANDOM"); s != "" {
		fmt.Sscan(s, &n)
	}
	var seed uint64 = 1
	if s := os.Getenv("BLANK_SEED"); s != "" {
		fmt.Sscan(s, &seed)
	}
	r := rand.New(rand.NewPCG(seed, 2))
	var b []byte
	for i := range n {
		b = b[:0]
		if i%2 == 0 {
			for range 1 + r.IntN(30) {
				b = append(b, blankFragments[r.IntN(len(blankFragments))]...)
			}
		} else {
			// Whole elements emptied by the scanner, holding text or white
			// space, in the contexts the other fragments make.
			for range 1 + r.IntN(12) {
				if r.IntN(3) == 0 {
					e := blankedElements[r.IntN(len(blankedElements))]
					b = append(b, "<"+e+">"+blankTexts[r.IntN(len(blankTexts))]+"</"+e+">"...)
				} else {
					b = append(b, blankFragments[r.IntN(len(blankFragments))]...)
				}
			}
		}
		checkBlanked(t, b)
	}
}

var (
	blankedElements = []string{"script", "style", "noscript"}
	blankTexts      = []string{" ", "\n", "x", " x ", "<p>", "<!--", "a<b"}
)
