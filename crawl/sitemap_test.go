package crawl

import (
	"bytes"
	"compress/gzip"
	"errors"
	"slices"
	"testing"
	"time"
)

const urlsetXML = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc> https://example.com/a.html </loc>
    <lastmod>2024-03-01</lastmod>
  </url>
  <url>
    <loc>https://example.com/b.html?x=1&amp;y=2</loc>
    <lastmod>2024-03-02T10:20:30+01:00</lastmod>
    <image:image><image:loc>https://example.com/i.jpg</image:loc><image:title>Picture</image:title></image:image>
    <news:news>
      <news:publication><news:name>The Example</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-03-02T10:00:00Z</news:publication_date>
      <news:title>Something &amp; happened</news:title>
    </news:news>
  </url>
  <url><lastmod>2024-01-01</lastmod></url>
</urlset>`

const indexXML = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://example.com/s1.xml.gz</loc><lastmod>2024-01-01</lastmod></sitemap>
  <sitemap><loc>/s2.xml</loc></sitemap>
</sitemapindex>`

func gz(t testing.TB, s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestParseSitemap(t *testing.T) {
	for name, data := range map[string][]byte{"plain": []byte(urlsetXML), "gzip": gz(t, urlsetXML)} {
		sm, err := ParseSitemap(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(sm.URLs) != 2 || len(sm.Sitemaps) != 0 {
			t.Fatalf("%s: got %+v", name, sm)
		}
		a, b := sm.URLs[0], sm.URLs[1]
		if a.Loc != "https://example.com/a.html" || !a.LastMod.Equal(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)) || a.News != nil {
			t.Errorf("%s: first entry %+v", name, a)
		}
		if b.Loc != "https://example.com/b.html?x=1&y=2" || b.News == nil {
			t.Fatalf("%s: second entry %+v", name, b)
		}
		want := SitemapNews{Title: "Something & happened", PublicationName: "The Example", Language: "en",
			Published: time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC)}
		if got := *b.News; got.Title != want.Title || got.PublicationName != want.PublicationName ||
			got.Language != want.Language || !got.Published.Equal(want.Published) {
			t.Errorf("%s: news = %+v, want %+v", name, got, want)
		}
	}
}

func TestParseSitemapIndexTextFeed(t *testing.T) {
	sm, err := ParseSitemap([]byte(indexXML))
	if err != nil || !slices.Equal(sm.Sitemaps, []string{"https://example.com/s1.xml.gz", "/s2.xml"}) || len(sm.URLs) != 0 {
		t.Errorf("index: %+v, %v", sm, err)
	}
	sm, err = ParseSitemap([]byte("https://example.com/1\n\nhttps://example.com/2\r\n"))
	if err != nil || len(sm.URLs) != 2 || sm.URLs[1].Loc != "https://example.com/2" {
		t.Errorf("text: %+v, %v", sm, err)
	}
	sm, err = ParseSitemap([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>One</title><link>https://example.com/one</link></item></channel></rss>`))
	if err != nil || len(sm.URLs) != 1 || sm.URLs[0].Loc != "https://example.com/one" {
		t.Errorf("rss: %+v, %v", sm, err)
	}
	latin1 := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><urlset><url><loc>https://example.com/caf\xe9</loc></url></urlset>")
	sm, err = ParseSitemap(latin1)
	if err != nil || len(sm.URLs) != 1 || sm.URLs[0].Loc != "https://example.com/café" {
		t.Errorf("latin-1: %+v, %v", sm, err)
	}
	for _, bad := range []string{"", "<html><body>hi</body></html>", "not a url\nhttps://x", "\x1f\x8bjunk"} {
		if _, err := ParseSitemap([]byte(bad)); err == nil {
			t.Errorf("ParseSitemap(%q) succeeded", bad)
		} else if !errors.Is(err, ErrNotSitemap) && bad != "\x1f\x8bjunk" {
			t.Errorf("ParseSitemap(%q): %v, want ErrNotSitemap", bad, err)
		}
	}
}

func TestParseFeed(t *testing.T) {
	atom := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>A</title><link href="https://example.com/a"/><id>1</id></entry>
<entry><title>B</title><link rel="alternate" href="/b"/><id>2</id></entry>
</feed>`
	links, err := ParseFeed([]byte(atom))
	if err != nil || !slices.Equal(links, []string{"https://example.com/a", "/b"}) {
		t.Errorf("atom: %q, %v", links, err)
	}
	if _, err := ParseFeed([]byte("<html></html>")); err == nil {
		t.Error("ParseFeed(html) succeeded")
	}
}

func FuzzParseSitemap(f *testing.F) {
	f.Add([]byte(urlsetXML))
	f.Add([]byte(indexXML))
	f.Add(gz(f, urlsetXML))
	f.Add([]byte("https://example.com/1\nhttps://example.com/2"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sm, err := ParseSitemap(data)
		if err != nil {
			if sm != nil {
				t.Fatal("a sitemap and an error")
			}
			return
		}
		if len(sm.URLs) > maxSitemapURLs || len(sm.Sitemaps) > maxSitemapURLs {
			t.Fatal("over the entry limit")
		}
		for _, u := range sm.URLs {
			if u.Loc == "" {
				t.Fatal("empty loc")
			}
		}
	})
}
