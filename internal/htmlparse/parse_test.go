package htmlparse

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"byline/internal/benchcorpus"

	"golang.org/x/net/html"
)

// This package must build the very tree golang.org/x/net/html builds, for
// every input: the tests parse the same bytes with both and compare the
// trees node by node, on the html5lib tree-construction inputs, the
// project's bench pages, random pages and (FuzzParse) fuzzed ones.

// checkSame parses page with html.Parse and with this package (scripting
// on and off) and fails on the first difference.
func checkSame(t testing.TB, name string, page []byte) {
	t.Helper()
	for _, scripting := range []bool{true, false} {
		want, err1 := html.ParseWithOptions(bytes.NewReader(page), html.ParseOptionEnableScripting(scripting))
		got, err2 := Parse(bytes.Clone(page), ParseOptionEnableScripting(scripting))
		if fmt.Sprint(err1) != fmt.Sprint(err2) {
			t.Fatalf("%s: errors differ: html.Parse %v, htmlparse %v", name, err1, err2)
		}
		if err1 != nil {
			continue
		}
		if path := diffTrees(want, got, "doc"); path != "" {
			t.Fatalf("%s (scripting %v): trees differ at %s\npage: %q", name, scripting, path, clip(page))
		}
	}
}

func clip(b []byte) []byte {
	if len(b) > 2000 {
		return b[:2000]
	}
	return b
}

// diffTrees returns the path of the first difference between two trees, ""
// if there is none.
func diffTrees(want, got *html.Node, path string) string {
	if want.Type != got.Type || want.DataAtom != got.DataAtom || want.Data != got.Data || want.Namespace != got.Namespace {
		return fmt.Sprintf("%s: node %v %q %q %q, got %v %q %q %q", path,
			want.Type, want.DataAtom, want.Data, want.Namespace, got.Type, got.DataAtom, got.Data, got.Namespace)
	}
	if !slices.Equal(want.Attr, got.Attr) {
		return fmt.Sprintf("%s: attributes %q, got %q", path, want.Attr, got.Attr)
	}
	w, g := want.FirstChild, got.FirstChild
	for i := 0; w != nil || g != nil; i++ {
		p := fmt.Sprintf("%s/%d", path, i)
		if w == nil || g == nil {
			return p + ": children differ in number"
		}
		if g.Parent != got || (g.NextSibling != nil && g.NextSibling.PrevSibling != g) {
			return p + ": links broken"
		}
		if d := diffTrees(w, g, p+":"+w.Data); d != "" {
			return d
		}
		w, g = w.NextSibling, g.NextSibling
	}
	return ""
}

// html5libInputs returns the #data sections of the vendored html5lib (and
// x/net/html's own) tree-construction tests.
func html5libInputs(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob("testdata/*/*.dat")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("testdata/*/*/*.dat")
	files = append(files, more...)
	if len(files) < 50 {
		t.Fatalf("found %d test files under testdata", len(files))
	}
	inputs := make(map[string][]byte)
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		var data []string
		in, n := false, 0
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "#data":
				in, data = true, data[:0]
			case in && strings.HasPrefix(line, "#errors"):
				in = false
				n++
				inputs[fmt.Sprintf("%s #%d", filepath.Base(file), n)] = []byte(strings.Join(data, "\n"))
			case in:
				data = append(data, line)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(file, err)
		}
	}
	return inputs
}

func TestSameTreeHTML5Lib(t *testing.T) {
	inputs := html5libInputs(t)
	if len(inputs) < 1000 {
		t.Fatalf("only %d html5lib inputs", len(inputs))
	}
	for name, page := range inputs {
		checkSame(t, name, page)
	}
}

func TestSameTreeBenchPages(t *testing.T) {
	n := 0
	for _, dir := range []string{"../../testdata/bench/scrapinghub", "../../testdata/bench/readability"} {
		pages, err := benchcorpus.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			checkSame(t, p.ID, p.Data)
			n++
		}
	}
	if n < 300 {
		t.Fatalf("compared %d bench pages, want all 311", n)
	}
}

// fragments are pieces of markup whose random sequences exercise the
// tokenizer's states and the tree builder's insertion modes: mixed-case,
// duplicate, unquoted and NUL-bearing attributes, character references,
// raw text elements, tables, foreign content, templates, framesets.
var fragments = []string{
	"<p>", "</p>", "<div class=a>", "</div>", "<P CLASS=\"A\" Class=b>", "<a href='x'>", "</a>",
	"<b>", "</b>", "<i>", "</i>", "<table>", "</table>", "<tr>", "<td>", "</td>", "<th>", "<tbody>",
	"<caption>", "<colgroup>", "<col>", "<select>", "<option>", "<optgroup>", "</select>",
	"<svg viewBox='0 0 1 1'>", "</svg>", "<math>", "<mi>", "</math>", "<foreignObject>", "<desc>",
	"<template>", "</template>", "<frameset>", "<frame>", "<noframes>", "<plaintext>",
	"<script>", "</script>", "<style>", "</style>", "<textarea>", "</textarea>", "<title>",
	"</title>", "<noscript>", "</noscript>", "<xmp>", "<iframe>", "<!-- c -->", "<!--", "-->",
	"<!DOCTYPE html>", "<!doctype html public \"-//W3C//DTD HTML 4.01//EN\">", "<![CDATA[x]]>",
	"<head>", "<body>", "<html lang=en>", "<meta charset=utf-8>", "<br>", "</br>", "<img src=a alt=\"b\">",
	"<input type=hidden>", "<hr/>", "<ul>", "<li>", "<dl>", "<dd>", "<dt>", "<form>", "</form>",
	"<button>", "<h1>", "</h2>", "<pre>\n", "<listing>", "<nobr>", "<marquee>", "<object>", "<applet>",
	"<ruby><rb>", "<rt>", "<rp>", "<image>", "<isindex>", "<keygen>", "<search>", "</search>",
	"text", " ", "\n", "\r\n", "\r", "\x00", "a\x00b", "&amp;", "&amp", "&lt;b", "&notin;", "&noti",
	"&#x41;", "&#65", "&#0;", "&#x110000;", "&#128;", "&bogus;", "<", ">", "</", "<!", "<?pi?>",
	"<a b=c d='e' f=\"g\" h i=j&amp;k&notit=1>", "<div id=x\x00y data-\x00=1 DATA-X=2 data-x=3>",
	"<p a=\"&#10;\r\n\">", "<font color=red>", "<tag-x>", "</tag-x>", "<ÄÖ>", "<x:y z:w=1>",
	"<svg><clipPath><feBlend>", "<math><annotation-xml encoding=text/html><p>", "<svg><title><b>",
	"<td><table><td>", "</body>", "</html>", "<a><p><a>", "<b><p></b>", "<sarcasm>", "</sarcasm>",
}

func TestSameTreeRandom(t *testing.T) {
	n := 20_000
	if testing.Short() {
		n = 2_000
	}
	r := rand.New(rand.NewPCG(1, 2))
	var b []byte
	for range n {
		b = b[:0]
		for range 1 + r.IntN(40) {
			b = append(b, fragments[r.IntN(len(fragments))]...)
		}
		checkSame(t, "random", b)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range fragments {
		f.Add([]byte(s))
	}
	f.Add([]byte("<!DOCTYPE html><html><head><title>T</title></head><body><p class=x>a &amp; b</p></body></html>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		checkSame(t, "fuzz", page)
	})
}
