package crawl

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// testSite is a generated news site served by httptest: article pages,
// section and tag index pages with teaser cards, robots.txt, a sitemap
// index (gzip sitemap and news sitemap), an RSS feed, and a set of awkward
// pages. It logs every request.
type testSite struct {
	*httptest.Server
	articles int // /news/0000.html ... linked from sections
	sections int
	perPage  int
	tags     int
	// extras adds the awkward pages, feeds and sitemaps to the site.
	extras bool
	// robots is the robots.txt body; "" serves a 404.
	robots       string
	robotsStatus int

	mu   sync.Mutex
	log  []string // request URIs, in order
	hits map[string]int
}

const (
	sitemapOnlyFrom = 300 // /news/0300..0319: only in the gzip sitemap
	newsOnlyFrom    = 320 // /news/0320..0329: only in the news sitemap
	feedOnlyFrom    = 330 // /news/0330..0339: only in the RSS feed
	extraEnd        = 340
	redirectTarget  = 400 // /news/0400.html: reached only through /old/a and /old/b
)

const testRobots = `# test site
User-agent: *
Disallow: /tag/
Disallow: /

User-agent: byline
Disallow: /private/
Disallow: /members/
Allow: /members/free/
Disallow: /*?print=
Crawl-delay: 1

Sitemap: /sitemap_index.xml
`

func newTestSite(t testing.TB, articles int, extras bool) *testSite {
	s := &testSite{articles: articles, sections: 5, perPage: 20, tags: 10, extras: extras,
		robots: testRobots, robotsStatus: 200, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *testSite) requests() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.hits))
	for k, v := range s.hits {
		out[k] = v
	}
	return out
}

var lorem = strings.Fields(`the minister said on monday that the talks would continue next week
despite growing pressure from opposition parties who have called for an inquiry into the
handling of the crisis officials in the capital confirmed that a delegation had arrived late on
sunday and that negotiations were expected to last several days analysts warned that any deal
would face resistance in parliament where the governing coalition holds a narrow majority`)

// prose returns n words of deterministic running text, seeded by i.
func prose(i, n int) string {
	var sb strings.Builder
	for w := 0; w < n; w++ {
		word := lorem[(i*7+w*3)%len(lorem)]
		if w%12 == 0 {
			word = strings.ToUpper(word[:1]) + word[1:]
		}
		sb.WriteString(word)
		if w%12 == 11 || w == n-1 {
			sb.WriteString(". ")
		} else {
			sb.WriteByte(' ')
		}
	}
	return strings.TrimSpace(sb.String())
}

func headline(i int) string {
	return fmt.Sprintf("Story %d: talks continue in the capital", i)
}

func articlePath(i int) string { return fmt.Sprintf("/news/%04d.html", i) }

func (s *testSite) nav() string {
	var sb strings.Builder
	sb.WriteString(`<header><nav><a href="/">Home</a>`)
	for sec := 0; sec < s.sections; sec++ {
		fmt.Fprintf(&sb, ` <a href="/section/%d">Section %d</a>`, sec, sec)
	}
	sb.WriteString(`</nav></header>`)
	return sb.String()
}

func (s *testSite) articlePage(w http.ResponseWriter, i int, path string) {
	var sb strings.Builder
	canonical := path
	if strings.HasPrefix(path, "/amp/") {
		canonical = strings.TrimPrefix(path, "/amp")
	}
	fmt.Fprintf(&sb, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s - The Test Times</title>
<meta property="og:type" content="article"><meta property="og:title" content="%s">
<link rel="canonical" href="%s"></head><body>%s<article><h1>%s</h1>`,
		headline(i), headline(i), canonical, s.nav(), headline(i))
	for p := 0; p < 5; p++ {
		fmt.Fprintf(&sb, "<p>%s</p>\n", prose(i+p, 40))
	}
	sb.WriteString(`</article><aside><h2>Related</h2><ul>`)
	for k := 1; k <= 3; k++ {
		j := (i + k) % s.articles
		fmt.Fprintf(&sb, `<li><a href="%s">%s</a></li>`, articlePath(j), headline(j))
	}
	fmt.Fprintf(&sb, `</ul><a href="/tag/%d">Tag %d</a>`, i%s.tags, i%s.tags)
	if strings.HasPrefix(path, "/news/") {
		fmt.Fprintf(&sb, ` <a href="%s?print=1">Print</a>`, path)
	}
	if s.extras && i%50 == 0 && i < s.articles && strings.HasPrefix(path, "/news/") {
		fmt.Fprintf(&sb, ` <a href="/amp%s">AMP version</a>`, path)
	}
	if s.extras && i == 7 {
		sb.WriteString(` <a href="/private/notes.html?utm_source=x">Notes</a> <a href="/img/photo.jpg">Photo</a>`)
	}
	sb.WriteString(`</aside><footer><p>© The Test Times</p></footer></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(sb.String()))
}

// indexPage lists articles as teaser cards: a headline link and a summary.
func (s *testSite) indexPage(w http.ResponseWriter, title string, items []int, next, extraHead, extraBody string) {
	var sb strings.Builder
	fmt.Fprintf(&sb, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title>
<meta property="og:type" content="website">%s</head><body>%s<main><h1>%s</h1>%s<ul>`, title, extraHead, s.nav(), title, extraBody)
	for _, i := range items {
		fmt.Fprintf(&sb, `<li><h3><a href="%s">%s</a></h3><p>%s</p></li>`, articlePath(i), headline(i), prose(i, 18))
	}
	sb.WriteString(`</ul>`)
	if next != "" {
		fmt.Fprintf(&sb, `<a href="%s">Next page</a>`, html.EscapeString(next))
	}
	sb.WriteString(`</main><footer><p>© The Test Times</p></footer></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(sb.String()))
}

func (s *testSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.log = append(s.log, r.URL.RequestURI())
	s.hits[r.URL.RequestURI()]++
	n := s.hits[r.URL.RequestURI()]
	s.mu.Unlock()

	p := r.URL.Path
	var i, sec, page, tag int
	switch {
	case p == "/robots.txt":
		if s.robots == "" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(s.robotsStatus)
		w.Write([]byte(s.robots))
	case p == "/":
		items := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
		var head string
		if s.extras {
			head = `<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">`
		}
		var sb strings.Builder
		for t := 0; t < s.tags; t++ {
			fmt.Fprintf(&sb, `<a href="/tag/%d">Tag %d</a> `, t, t)
		}
		// Duplicates that differ only in tracking parameters and fragments.
		sb.WriteString(`<a href="/news/0001.html?utm_source=home&amp;utm_medium=web">again</a>
<a href="/news/0001.html#comments">comments</a> <a href="/news/0002.html?fbclid=abc">shared</a>
<a href="mailto:desk@example.com">mail</a> <a href="javascript:void(0)">js</a>`)
		if s.extras {
			sb.WriteString(`<a href="/private/secret.html">secret</a> <a href="/members/club.html">club</a>
<a href="/members/free/guide.html">Free guide for new members</a> <a href="/img/photo.jpg">photo</a>
<a href="/files/report">report</a> <a href="/huge.html">huge</a> <a href="/stuck.html">stuck</a>
<a href="/slow.html">slow</a> <a href="/busy.html">busy</a> <a href="/flaky.html">flaky</a>
<a href="/broken.html">broken</a> <a href="/missing.html">missing</a> <a href="/old/a">old a</a>
<a href="/old/b">old b</a> <a href="https://elsewhere.example/news/1.html">elsewhere</a>`)
		}
		s.indexPage(w, "The Test Times", items, "", head, "<div>"+sb.String()+"</div>")
	case scan(p, "/section/%d", &sec) && sec < s.sections:
		page = 1
		if v := r.URL.Query().Get("page"); v != "" {
			fmt.Sscan(v, &page)
		}
		var items []int
		for i := sec; i < s.articles; i += s.sections {
			items = append(items, i)
		}
		from := (page - 1) * s.perPage
		if from >= len(items) || page < 1 {
			http.NotFound(w, r)
			return
		}
		to := min(from+s.perPage, len(items))
		next := ""
		if to < len(items) {
			next = fmt.Sprintf("/section/%d?page=%d", sec, page+1)
		}
		s.indexPage(w, fmt.Sprintf("Section %d, page %d", sec, page), items[from:to], next, "", "")
	case scan(p, "/tag/%d", &tag) && tag < s.tags:
		var items []int
		for i := tag; i < s.articles && len(items) < 30; i += s.tags {
			items = append(items, i)
		}
		s.indexPage(w, fmt.Sprintf("Tag %d", tag), items, "", "", "")
	case scan(p, "/news/%d.html", &i) && (i < s.articles || s.extras && (i < extraEnd || i == redirectTarget)):
		s.articlePage(w, i, p)
	case s.extras && scan(p, "/amp/news/%d.html", &i) && i < s.articles && i%50 == 0:
		s.articlePage(w, i, p)
	case !s.extras:
		http.NotFound(w, r)
	case p == "/members/free/guide.html", p == "/slow.html":
		if p == "/slow.html" {
			time.Sleep(50 * time.Millisecond)
		}
		s.articlePage(w, 900, p)
	case p == "/busy.html":
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		s.articlePage(w, 901, p)
	case p == "/flaky.html":
		if n == 1 {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		s.articlePage(w, 902, p)
	case p == "/broken.html":
		w.WriteHeader(http.StatusBadGateway)
	case p == "/huge.html":
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>" + strings.Repeat("word ", 400_000) + "</p></body></html>"))
	case p == "/stuck.html":
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	case p == "/files/report":
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(bytes.Repeat([]byte{0x25, 0x50, 0x44, 0x46, 0x00, 0xff}, 1000))
	case p == "/old/a", p == "/old/b":
		http.Redirect(w, r, articlePath(redirectTarget), http.StatusMovedPermanently)
	case p == "/feed.xml":
		var sb strings.Builder
		sb.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>The Test Times</title><link>/</link>`)
		for i := feedOnlyFrom; i < extraEnd; i++ {
			fmt.Fprintf(&sb, `<item><title>%s</title><link>%s%s</link></item>`, headline(i), s.URL, articlePath(i))
		}
		sb.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(sb.String()))
	case p == "/sitemap_index.xml":
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%s/sitemaps/articles.xml.gz</loc></sitemap>
<sitemap><loc>/sitemaps/news.xml</loc></sitemap>
<sitemap><loc>/sitemaps/gone.xml</loc></sitemap>
</sitemapindex>`, s.URL)
	case p == "/sitemaps/articles.xml.gz":
		var sb strings.Builder
		sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := 0; i < newsOnlyFrom; i += 1 {
			if i < 20 || i >= sitemapOnlyFrom {
				fmt.Fprintf(&sb, "<url><loc>%s%s</loc><lastmod>2024-05-01</lastmod></url>\n", s.URL, articlePath(i))
			}
		}
		sb.WriteString(`<url><loc>` + s.URL + `/private/in-sitemap.html</loc></url></urlset>`)
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(sb.String()))
		zw.Close()
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(b.Bytes())
	case p == "/sitemaps/news.xml":
		var sb strings.Builder
		sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`)
		for i := newsOnlyFrom; i < feedOnlyFrom; i++ {
			fmt.Fprintf(&sb, `<url><loc>%s%s?utm_source=sitemap</loc><news:news><news:publication><news:name>The Test Times</news:name><news:language>en</news:language></news:publication><news:publication_date>2024-05-01T10:00:00Z</news:publication_date><news:title>%s</news:title></news:news></url>`, s.URL, articlePath(i), headline(i))
		}
		sb.WriteString(`</urlset>`)
		w.Header().Set("Content-Type", "text/xml")
		w.Write([]byte(sb.String()))
	default:
		http.NotFound(w, r)
	}
}

// scan matches p against a one-number pattern exactly.
func scan(p, format string, v *int) bool {
	if _, err := fmt.Sscanf(p, format, v); err != nil {
		return false
	}
	return fmt.Sprintf(format, *v) == p || fmt.Sprintf(strings.Replace(format, "%d", "%04d", 1), *v) == p
}
