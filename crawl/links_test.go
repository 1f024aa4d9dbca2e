package crawl

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func parseHTML(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestCollectLinks(t *testing.T) {
	doc := parseHTML(t, `<html><head><base href="/sub/">
<link rel="canonical" href="https://example.com/story">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="alternate" hreflang="fr" href="/fr/">
<link rel="stylesheet" href="/s.css"></head><body>
<a href="a.html#x">A</a> <a href="/b">B</a> <a href="https://other.example/c">C</a>
<a href="mailto:x@example.com">mail</a> <a href="javascript:void(0)">js</a> <a href="#top">top</a>
<a rel="nofollow ugc" href="/spam">spam</a> <area href="/map">
<a href="/d">A headline of several words</a></body></html>`)
	base, _ := url.Parse("https://example.com/dir/page.html")
	pl := collectLinks(doc, base)
	want := []string{"https://example.com/sub/a.html", "https://example.com/b", "https://other.example/c",
		"https://example.com/map", "https://example.com/d"}
	if !slices.Equal(pl.links, want) {
		t.Errorf("links\n%q\nwant\n%q", pl.links, want)
	}
	if pl.canonical != "https://example.com/story" || !slices.Equal(pl.feeds, []string{"https://example.com/feed.xml"}) {
		t.Errorf("canonical %q, feeds %q", pl.canonical, pl.feeds)
	}
	if !slices.Equal(pl.anchors, []string{"A headline of several words"}) || pl.nofollow {
		t.Errorf("anchors %q, nofollow %v", pl.anchors, pl.nofollow)
	}
	if !collectLinks(parseHTML(t, `<meta name="robots" content="noindex, nofollow">`), base).nofollow {
		t.Error("meta robots nofollow not seen")
	}
}

func TestFindTeasers(t *testing.T) {
	summary := "A summary of the story in a sentence or two, as index pages show under each headline."
	tests := []struct {
		name, html string
		want       int // teaser paragraphs found
	}{
		{"card with headline link", `<ul><li><h3><a href="/a">The council approves the budget</a></h3><p>` + summary + `</p></li>
<li><h3><a href="/b">The mayor opens the new bridge</a></h3><p>` + summary + `</p></li></ul>`, 2},
		{"card wrapped in a link", `<a href="/a"><div><h3>The council approves the budget</h3><p>` + summary + `</p></div></a>`, 1},
		{"card with a meta line", `<article><h2><a href="/a">The council approves the budget</a></h2><p>` + summary + `</p><p>By A. Writer, 2 May</p></article>`, 2},
		{"CJK card", `<div><a href="/a">市議会が予算案を承認した</a><p>市議会は火曜日、長い議論の末に予算案を承認した。</p></div>`, 1},
		{"article body with a link", `<div><p>` + summary + `</p><p>` + summary + `</p><p>` + summary + ` <a href="/r">the full report of the council</a></p></div>`, 0},
		{"short body with a headline link", `<div id="body"><p><a href="/r">CLICK FOR FULL STATE SWIM RESULTS</a></p><p>` + summary + `</p><p>` + summary + `</p><p>` + summary + `</p></div>`, 0},
		{"paragraph with a word linked", `<div><p>` + summary + ` <a href="/x">budget</a></p></div>`, 0},
	}
	for _, tt := range tests {
		if got := findTeasers(parseHTML(t, tt.html)); len(got) != tt.want {
			t.Errorf("%s: %d teasers %q, want %d", tt.name, len(got), got, tt.want)
		}
	}
}
