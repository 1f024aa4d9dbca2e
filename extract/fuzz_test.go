package extract

import (
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// Fuzz targets. Their seeds are the f.Add calls below plus the committed
// corpus under testdata/fuzz/<target>/ (which also keeps every input a
// fuzzer found failing, as a regression case). Run one at a time:
//
//	go test ./extract -run '^$' -fuzz FuzzExtractHTML -fuzztime 10m -parallel 1

var fuzzURL, _ = url.Parse("https://news.example.com/world/2019/03/story.html")

var fuzzHTMLSeeds = []string{
	"<!DOCTYPE html><html lang=en><head><title>Minister says talks to go on | Example News</title>" +
		`<meta property="og:title" content="Minister says talks to go on"><meta name="author" content="Jane Doe">` +
		`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks","datePublished":"2019-03-04T10:00:00Z","author":{"@type":"Person","name":"Jane Doe"}}</script>` +
		"</head><body><header><nav><a href=/>Home</a></nav></header><article><h1>Minister says talks to go on</h1>" +
		`<p class="byline">By Jane Doe</p><time datetime="2019-03-04">March 4</time>` +
		"<p>Russia said Monday that the Syrian opposition should seek dialogue, the ministry said.</p>" +
		"<p>\u201cWe have always said there is no military solution,\u201d the minister told reporters.</p>" +
		`<aside class="related"><h3>Related</h3><ul><li><a href="/a">Other story</a></li></ul></aside>` +
		"<p>Western diplomats said they were sceptical.</p></article><footer>(c) 2019</footer></body></html>",
	"<p>Just a paragraph.</p>",
	"<html><body><div><div><div><span>deep</span></div></div></div></body></html>",
	"<table><tr><td><p>cell text that is long enough to be a paragraph of an article body.</p></td></tr></table>",
	"<html><head><meta charset=windows-1251></head><body><p>\xcf\xf0\xe5\xe7\xe8\xe4\xe5\xed\xf2 \xef\xee\xe4\xef\xe8\xf1\xe0\xeb \xe7\xe0\xea\xee\xed.</p></body></html>",
	"<svg><title>x</title><p>in svg</p></svg><math><mi>y</mi></math>",
	"<blockquote>\"Quoted,\" she said.</blockquote><ul><li>one</li><li>two</li></ul><h2>Heading</h2>",
	"<div class=\"comments\"><p>Great article!</p></div><div id=newsletter>Subscribe to our newsletter</div>",
	"\xef\xbb\xbf<p>bom</p>",
	"<p>\x00nul</p><p>\xff\xfe bad</p>",
}

var fuzzTextSeeds = []string{
	"Russia Says Syrian Opposition Should Seek Dialogue\n\nRussia said Monday that a new Syrian opposition coalition should seek an end to the crisis through negotiation.\n\n\"Unification can be helpful,\" Gatilov said on Twitter.\n\nRelated articles:\n\nRead more",
	"Support The Moscow Times!\n\n… we have a small favor to ask.\n\nContinue",
	"one line",
	"\n\n\n",
	"\u201cUnclosed quote, he said\n\n\u201d",
	"A\r\nB\r\n\r\nC",
}

func FuzzExtractHTML(f *testing.F) {
	for _, s := range fuzzHTMLSeeds {
		f.Add([]byte(s), "")
	}
	f.Add([]byte(fuzzHTMLSeeds[0]), "text/html; charset=iso-8859-1")
	f.Add([]byte(fuzzHTMLSeeds[4]), "text/plain")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		a, err := Extract(data, &Options{URL: fuzzURL, ContentType: contentType, Explain: true, MaxSize: 1 << 20})
		checkExtractResult(t, a, err)
	})
}

func FuzzExtractText(f *testing.F) {
	for _, s := range fuzzTextSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := ExtractText(text, &Options{URL: fuzzURL, Explain: true})
		if !utf8.ValidString(text) {
			// The library documents nothing for invalid UTF-8 strings
			// given directly; it must not panic, and JSON stays valid.
			if a != nil {
				if _, err := json.Marshal(a); err != nil {
					t.Fatalf("marshal: %v", err)
				}
			}
			return
		}
		checkExtractResult(t, a, err)
	})
}

func FuzzDecode(f *testing.F) {
	for _, s := range fuzzHTMLSeeds {
		f.Add([]byte(s), "")
	}
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "")
	f.Add([]byte("<p>\x1b$B$3$s$K$A$O\x1b(B</p>"), "text/html; charset=iso-2022-jp")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		text, name := Decode(data, contentType)
		if !utf8.Valid(text) {
			t.Fatalf("Decode(%q) as %s gave invalid UTF-8: %q", data, name, text)
		}
		if name == "" {
			t.Fatalf("Decode(%q) named no encoding", data)
		}
		if utf8.Valid(data) && name == "utf-8" && !strings.HasPrefix(string(data), "\xef\xbb\xbf") && string(text) != string(data) {
			t.Fatalf("valid UTF-8 changed: %q -> %q", data, text)
		}
	})
}

// checkExtractResult holds the invariants of any Extract result.
func checkExtractResult(t *testing.T, a *Article, err error) {
	t.Helper()
	if err != nil && !errors.Is(err, ErrNoContent) && !errors.Is(err, ErrNotHTML) && !errors.Is(err, ErrTooLarge) &&
		!strings.HasPrefix(err.Error(), "gzip") && !strings.HasPrefix(err.Error(), "parse HTML") {
		t.Fatalf("error of no known kind: %v", err)
	}
	if a == nil {
		if err == nil || errors.Is(err, ErrNoContent) {
			t.Fatalf("nil article with error %v", err)
		}
		return
	}
	if errors.Is(err, ErrNoContent) != (a.Body == "") {
		t.Fatalf("body %q with error %v", clip(a.Body), err)
	}
	for name, s := range map[string]string{"title": a.Title, "body": a.Body, "site_name": a.SiteName, "description": a.Description, "language": a.Language} {
		if !utf8.ValidString(s) {
			t.Fatalf("%s is not valid UTF-8: %q", name, s)
		}
		if strings.IndexByte(s, 0) >= 0 {
			t.Fatalf("%s holds a NUL byte: %q", name, s)
		}
	}
	if a.Authors == nil || a.Quotes == nil {
		t.Fatalf("authors or quotes is nil (must be an empty list)")
	}
	paras := strings.Split(a.Body, "\n\n")
	for _, q := range a.Quotes {
		if q.Paragraph < 0 || q.Paragraph >= len(paras) {
			t.Fatalf("quote %q: paragraph %d of %d", q.Text, q.Paragraph, len(paras))
		}
		if q.Text == "" || !strings.Contains(a.Body, q.Text) {
			t.Fatalf("quote %q is not in the body", q.Text)
		}
		if q.Speaker != nil && *q.Speaker == "" {
			t.Fatalf("quote %q: empty speaker (must be null)", q.Text)
		}
	}
	if _, err := json.Marshal(a); err != nil {
		t.Fatalf("marshal: %v", err)
	}
}
