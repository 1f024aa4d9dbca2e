package crawl

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"byline/extract"
)

// testClient is a Client with tiny delays, caps and timeouts.
func testClient() *Client {
	return &Client{
		Fetcher:       &Fetcher{Timeout: time.Second, MaxSize: 1 << 20},
		Retries:       2,
		Backoff:       time.Millisecond,
		MaxRetryAfter: 20 * time.Millisecond,
		MaxCrawlDelay: time.Millisecond,
	}
}

type crawlOutcome struct {
	stats    CrawlStats
	articles map[string]*extract.Article // by path of the source
	failures map[string]error            // by path of the source
	warnings []error
}

func runCrawl(t *testing.T, c *Crawler, seeds ...string) crawlOutcome {
	t.Helper()
	out := crawlOutcome{articles: map[string]*extract.Article{}, failures: map[string]error{}}
	c.Warn = func(err error) { out.warnings = append(out.warnings, err) }
	stats, err := c.Run(context.Background(), seeds, func(r Result) {
		u, perr := url.Parse(r.Source)
		if perr != nil {
			t.Errorf("bad source %q", r.Source)
			return
		}
		key := u.RequestURI()
		if r.Err != nil {
			if _, dup := out.failures[key]; dup {
				t.Errorf("failure for %s emitted twice", key)
			}
			out.failures[key] = r.Err
			return
		}
		if _, dup := out.articles[key]; dup {
			t.Errorf("%s emitted twice", key)
		}
		if r.Article.Source != r.Source {
			t.Errorf("article source %q, result source %q", r.Article.Source, r.Source)
		}
		out.articles[key] = r.Article
	})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	out.stats = stats
	return out
}

func TestCrawlSite(t *testing.T) {
	site := newTestSite(t, 300, true)
	// Three requests at a time, so that the stuck page holds up only one.
	client := testClient()
	client.PerHost = 3
	c := &Crawler{Client: client, Sitemaps: true, Feeds: true, Concurrency: 4}
	out := runCrawl(t, c, site.URL+"/")

	// Which pages were requested, and how often.
	want := map[string]int{
		"/robots.txt": 1, "/": 1, "/feed.xml": 1, "/sitemap.xml": 1, "/sitemap_index.xml": 1,
		"/sitemaps/articles.xml.gz": 1, "/sitemaps/news.xml": 1, "/sitemaps/gone.xml": 1,
		"/members/free/guide.html": 1, "/slow.html": 1, "/files/report": 1, "/huge.html": 1,
		"/stuck.html": 1, "/missing.html": 1, "/old/a": 1, "/old/b": 1,
		"/busy.html":                2, // 429, then the page
		"/flaky.html":               2, // 500, then the page
		"/broken.html":              3, // 502, tried 1 + Retries times
		articlePath(redirectTarget): 1, // reached through two redirects, fetched once
	}
	for sec := 0; sec < 5; sec++ {
		want[fmt.Sprintf("/section/%d", sec)] = 1
		want[fmt.Sprintf("/section/%d?page=2", sec)] = 1
		want[fmt.Sprintf("/section/%d?page=3", sec)] = 1
	}
	for tag := 0; tag < 10; tag++ {
		want[fmt.Sprintf("/tag/%d", tag)] = 1
	}
	for i := 0; i < extraEnd; i++ {
		want[articlePath(i)] = 1
	}
	for i := 0; i < 300; i += 50 {
		want["/amp"+articlePath(i)] = 1
	}
	got := site.requests()
	for path, n := range want {
		if got[path] != n {
			t.Errorf("%s requested %d times, want %d", path, got[path], n)
		}
	}
	for path, n := range got {
		if _, ok := want[path]; !ok {
			t.Errorf("unexpected request %s (%d times)", path, n)
		}
		if strings.HasPrefix(path, "/private/") || strings.HasPrefix(path, "/members/club") ||
			strings.Contains(path, "print=") || strings.Contains(path, "utm_") || strings.Contains(path, "fbclid") {
			t.Errorf("disallowed or tracking URL requested: %s", path)
		}
	}

	// Which pages were emitted: every article once, whatever URL reached it.
	wantArticles := map[string]bool{"/members/free/guide.html": true, "/slow.html": true, "/busy.html": true,
		"/flaky.html": true, articlePath(redirectTarget): true}
	for i := 0; i < extraEnd; i++ {
		wantArticles[articlePath(i)] = true
	}
	gotArticles := map[string]bool{}
	for src, a := range out.articles {
		page := strings.TrimPrefix(src, "/amp") // an AMP copy stands for its canonical page
		if src == "/old/a" || src == "/old/b" {
			page = articlePath(redirectTarget)
			if !strings.HasSuffix(a.URL, page) {
				t.Errorf("%s: url %q, want the redirect target", src, a.URL)
			}
		}
		if gotArticles[page] {
			t.Errorf("article %s emitted twice (again as %s)", page, src)
		}
		gotArticles[page] = true
		if a.WordCount < 150 || a.Title == "" {
			t.Errorf("%s: thin article: %d words, title %q", src, a.WordCount, a.Title)
		}
	}
	if !maps.Equal(gotArticles, wantArticles) {
		for p := range wantArticles {
			if !gotArticles[p] {
				t.Errorf("article %s not emitted", p)
			}
		}
		for p := range gotArticles {
			if !wantArticles[p] {
				t.Errorf("page %s emitted, but it is not an article", p)
			}
		}
	}

	// Which failures were emitted.
	checks := map[string]func(error) bool{
		"/broken.html":  func(err error) bool { var se *StatusError; return errors.As(err, &se) && se.Status == 502 },
		"/missing.html": func(err error) bool { var se *StatusError; return errors.As(err, &se) && se.Status == 404 },
		"/huge.html":    func(err error) bool { return errors.Is(err, ErrTooLarge) },
		"/stuck.html":   func(err error) bool { return errors.Is(err, ErrTimeout) },
	}
	if len(out.failures) != len(checks) {
		t.Errorf("failures: %v", out.failures)
	}
	for path, ok := range checks {
		if err := out.failures[path]; err == nil || !ok(err) {
			t.Errorf("%s: error %v", path, err)
		}
	}
	if out.stats.Robots == 0 || out.stats.Emitted != len(wantArticles) || out.stats.Failed != len(checks) {
		t.Errorf("stats %+v", out.stats)
	}
	// One warning, for the missing sitemap the index names; the missing
	// /sitemap.xml was only a guess.
	if len(out.warnings) != 1 || !strings.Contains(out.warnings[0].Error(), "/sitemaps/gone.xml") {
		t.Errorf("warnings: %v", out.warnings)
	}
}

func TestCrawlWithoutDiscovery(t *testing.T) {
	site := newTestSite(t, 300, true)
	out := runCrawl(t, &Crawler{Client: testClient(), Concurrency: 3}, site.URL)
	got := site.requests()
	for _, path := range []string{"/feed.xml", "/sitemap_index.xml", "/sitemap.xml", articlePath(sitemapOnlyFrom), articlePath(feedOnlyFrom)} {
		if got[path] != 0 {
			t.Errorf("%s requested without --sitemaps/--feeds", path)
		}
	}
	if out.articles[articlePath(299)] == nil {
		t.Error("article 299 (linked from a section page) not emitted")
	}
}

func TestCrawlDepthAndMaxPages(t *testing.T) {
	site := newTestSite(t, 100, false)
	// Depth 1: the seed and the pages it links to.
	out := runCrawl(t, &Crawler{Client: testClient(), MaxDepth: 1}, site.URL)
	got := site.requests()
	want := map[string]int{"/robots.txt": 1, "/": 1}
	for i := 0; i < 10; i++ {
		want[articlePath(i)] = 1
	}
	for i := 0; i < 5; i++ {
		want[fmt.Sprintf("/section/%d", i)] = 1
	}
	for i := 0; i < 10; i++ {
		want[fmt.Sprintf("/tag/%d", i)] = 1
	}
	if !maps.Equal(got, want) {
		t.Errorf("depth 1 requests:\n got %v\nwant %v", keys(got), keys(want))
	}
	if len(out.articles) != 10 {
		t.Errorf("depth 1 emitted %d articles, want 10", len(out.articles))
	}

	site2 := newTestSite(t, 100, false)
	out = runCrawl(t, &Crawler{Client: testClient(), MaxPages: 25, Concurrency: 4}, site2.URL)
	n := 0
	for path, c := range site2.requests() {
		if path != "/robots.txt" {
			n += c
		}
	}
	if n != 25 || out.stats.Fetched != 25 {
		t.Errorf("max pages 25: %d requests, %d fetched", n, out.stats.Fetched)
	}
}

func TestCrawlFilters(t *testing.T) {
	site := newTestSite(t, 100, false)
	c := &Crawler{Client: testClient(),
		Include: []*regexp.Regexp{regexp.MustCompile(`/(section|news)/`)},
		Exclude: []*regexp.Regexp{regexp.MustCompile(`/news/\d*[13579]\.html$`), regexp.MustCompile(`page=`)},
	}
	out := runCrawl(t, c, site.URL)
	for path := range site.requests() {
		if strings.HasPrefix(path, "/tag/") || strings.Contains(path, "page=") {
			t.Errorf("%s requested despite the filters", path)
		}
		var i int
		if scan(path, "/news/%d.html", &i) && i%2 == 1 {
			t.Errorf("%s requested despite --exclude", path)
		}
	}
	// Sections show 20 articles each (no next pages): the even ones pass.
	if len(out.articles) != 50 {
		t.Errorf("emitted %d articles, want 50", len(out.articles))
	}
}

func TestCrawlRobotsStatus(t *testing.T) {
	for _, tt := range []struct {
		status  int
		allowed bool
	}{{404, true}, {403, true}, {500, false}, {503, false}, {429, false}} {
		site := newTestSite(t, 20, false)
		site.robotsStatus = tt.status
		out := runCrawl(t, &Crawler{Client: testClient()}, site.URL)
		got := site.requests()
		if tt.allowed {
			if got["/"] != 1 || len(out.articles) != 20 {
				t.Errorf("robots.txt %d: home requested %d times, %d articles", tt.status, got["/"], len(out.articles))
			}
			continue
		}
		if len(got) != 1 || got["/robots.txt"] == 0 {
			t.Errorf("robots.txt %d: requests %v, want only robots.txt", tt.status, got)
		}
		if err := out.failures["/"]; !errors.Is(err, ErrRobots) {
			t.Errorf("robots.txt %d: seed error %v, want ErrRobots", tt.status, err)
		} else if want := fmt.Sprintf("robots.txt answered %d: treated as disallowing all", tt.status); err.Error() != want {
			t.Errorf("robots.txt %d: message %q, want %q", tt.status, err, want)
		}
		var se *StatusError
		if errors.As(out.failures["/"], &se) {
			t.Errorf("robots.txt %d: the seed's error passes for the page's own status", tt.status)
		}
	}
	// An unreachable host disallows everything too.
	c := testClient()
	ok, err := c.Allowed(context.Background(), mustParse(t, "http://127.0.0.1:1/x"))
	if err != nil || ok {
		t.Errorf("unreachable robots.txt: allowed %v, %v", ok, err)
	}
}

func TestCrawlCacheAndSkip(t *testing.T) {
	site := newTestSite(t, 60, false)
	dir := t.TempDir()
	client := testClient()
	client.Cache = &Cache{Dir: dir}
	first := runCrawl(t, &Crawler{Client: client}, site.URL)
	before := total(site.requests())

	// A second run reads everything from the cache, robots.txt included.
	client2 := testClient()
	client2.Cache = &Cache{Dir: dir}
	skip := map[string]bool{}
	for src := range first.articles {
		if len(skip) < 10 {
			skip[site.URL+src] = true
		}
	}
	second := runCrawl(t, &Crawler{Client: client2, Skip: func(s string) bool { return skip[s] }}, site.URL)
	if after := total(site.requests()); after != before {
		t.Errorf("second run made %d requests, want 0", after-before)
	}
	if len(second.articles) != len(first.articles)-10 || second.stats.Skipped != 10 {
		t.Errorf("second run: %d articles, %d skipped; first: %d", len(second.articles), second.stats.Skipped, len(first.articles))
	}
}

func TestCrawlCancel(t *testing.T) {
	site := newTestSite(t, 300, false)
	ctx, cancel := context.WithCancel(context.Background())
	var mu sync.Mutex
	n := 0
	c := &Crawler{Client: testClient(), Concurrency: 4}
	done := make(chan struct{})
	var err error
	go func() {
		defer close(done)
		_, err = c.Run(ctx, []string{site.URL}, func(Result) {
			mu.Lock()
			n++
			if n == 5 {
				cancel()
			}
			mu.Unlock()
		})
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("crawl did not stop after cancel")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run: %v, want context.Canceled", err)
	}
	if n > 5+4 {
		t.Errorf("%d results after cancel at 5", n)
	}
}

func TestScopes(t *testing.T) {
	tests := []struct {
		scope Scope
		seed  string
		in    []string
		out   []string
	}{
		{ScopeHost, "https://www.example.co.uk/news/",
			[]string{"https://example.co.uk/a", "http://www.example.co.uk/b"},
			[]string{"https://news.example.co.uk/a", "https://other.co.uk/"}},
		{ScopeDomain, "https://www.example.co.uk/",
			[]string{"https://news.example.co.uk/a", "https://example.co.uk/b"},
			[]string{"https://co.uk/", "https://badexample.co.uk/"}},
		{ScopePrefix, "https://example.com/news/index.html",
			[]string{"https://example.com/news/a.html", "http://www.example.com/news/x/y"},
			[]string{"https://example.com/newsletter", "https://example.com/", "https://example.com/sport/a"}},
		{ScopePrefix, "https://example.com/news",
			[]string{"https://example.com/news", "https://example.com/news/a"},
			[]string{"https://example.com/newsletter"}},
	}
	for _, tt := range tests {
		r := &crawlRun{c: &Crawler{Scope: tt.scope}}
		n, _ := NormalizeURL(tt.seed)
		r.addScope(n)
		for _, u := range tt.in {
			if !r.inScope(mustParse(t, u)) {
				t.Errorf("%s scope of %s: %s should be in", tt.scope, tt.seed, u)
			}
		}
		for _, u := range tt.out {
			if r.inScope(mustParse(t, u)) {
				t.Errorf("%s scope of %s: %s should be out", tt.scope, tt.seed, u)
			}
		}
	}
}

func TestIsArticle(t *testing.T) {
	long := prose(1, 200)
	art := func(body string) *extract.Article {
		return &extract.Article{Body: body, WordCount: len(strings.Fields(body))}
	}
	anchors := []string{"Story 1: talks continue in the capital", "Story 2: talks continue in the capital"}
	linky := strings.Repeat(anchors[0]+"\n\n"+anchors[1]+"\n\n", 10) + prose(2, 60)
	tests := []struct {
		name    string
		typ     string
		a       *extract.Article
		teasers []string
		want    bool
	}{
		{"long text", "", art(long), nil, true},
		{"short text", "", art(prose(1, 80)), nil, false},
		{"short typed", "article", art(prose(1, 80)), nil, true},
		{"json-ld type", "newsarticle", art(prose(1, 40)), nil, true},
		{"blog posting", "blogposting", art(prose(1, 40)), nil, true},
		{"website", "website", art(prose(1, 80)), nil, false},
		{"link list", "", art(linky), nil, false},
		{"typed link list", "article", art(strings.Repeat(anchors[0]+"\n\n", 20)), nil, false},
		{"teasers", "", art(long), []string{long}, false},
		{"empty", "article", art(""), nil, false},
	}
	for _, tt := range tests {
		if got, _ := isArticle(tt.typ, tt.a, anchors, tt.teasers); got != tt.want {
			t.Errorf("%s: isArticle = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func mustParse(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func keys(m map[string]int) []string { return slices.Sorted(maps.Keys(m)) }

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// TestArticleDetectionOnBenchmark holds the article test to a floor on the
// vendored ScrapingHub benchmark, whose 181 pages are all articles: a crawl
// must not skip real articles as index pages.
func TestArticleDetectionOnBenchmark(t *testing.T) {
	dir := "../testdata/bench/scrapinghub/html"
	files, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(files) == 0 {
		t.Skipf("no benchmark pages in %s", dir)
	}
	var truth map[string]struct {
		URL string `json:"url"`
	}
	data, err := os.ReadFile("../testdata/bench/scrapinghub/ground-truth.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		t.Fatal(err)
	}
	articles := 0
	var missed []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		u, _ := url.Parse(truth[id].URL)
		a := analyze(&Page{URL: u, Status: 200, ContentType: "text/html", Body: body}, extract.Options{}, true)
		if a.err != nil && !errors.Is(a.err, extract.ErrNoContent) {
			t.Fatal(a.err)
		}
		if a.article {
			articles++
		} else {
			missed = append(missed, id[:8])
		}
	}
	share := float64(articles) / float64(len(files))
	t.Logf("%d of %d benchmark articles detected (%.1f%%); missed: %v", articles, len(files), 100*share, missed)
	if share < 0.95 {
		t.Errorf("article detection %.1f%%, below the floor of 95%%", 100*share)
	}
}

// A page reached by a redirect and by a direct link (or by two redirects)
// is fetched once, also while the first fetch is in flight; a redirect out
// of scope is not followed.
func TestCrawlRedirectTargetFetchedOnce(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("out-of-scope host requested: %s", r.URL)
	}))
	defer other.Close()
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.RequestURI()]++
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/":
			w.Write([]byte(`<html><body><a href="/a">A story</a> <a href="/r1">r1</a>
<a href="/r2">r2</a> <a href="/a?utm_source=home">A again</a> <a href="/out">out</a></body></html>`))
		case "/a":
			time.Sleep(100 * time.Millisecond) // still in flight when the redirects come
			w.Write([]byte(articleHTML("A story", 3)))
		case "/r1":
			http.Redirect(w, r, "/a", http.StatusFound)
		case "/r2":
			http.Redirect(w, r, "/r3", http.StatusFound)
		case "/r3":
			http.Redirect(w, r, "/a?utm_source=r3#top", http.StatusMovedPermanently)
		case "/out":
			http.Redirect(w, r, other.URL+"/x", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	for _, jobs := range []int{1, 4} {
		mu.Lock()
		clear(hits)
		mu.Unlock()
		client := testClient()
		client.PerHost = 4
		out := runCrawl(t, &Crawler{Client: client, Concurrency: jobs}, srv.URL+"/")
		mu.Lock()
		a := hits["/a"] + hits["/a?utm_source=r3"] + hits["/a?utm_source=home"]
		mu.Unlock()
		if a != 1 {
			t.Errorf("-j %d: /a fetched %d times (%v)", jobs, a, hits)
		}
		if len(out.articles) != 1 || len(out.failures) != 0 {
			t.Errorf("-j %d: articles %v, failures %v", jobs, slices.Sorted(maps.Keys(out.articles)), out.failures)
		}
	}
}

// articleHTML is a plain article page: og:type article, paras paragraphs.
func articleHTML(title string, paras int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title>
<meta property="og:type" content="article"></head><body><article><h1>%s</h1>`, title, title)
	for p := range paras {
		fmt.Fprintf(&sb, "<p>%s</p>\n", prose(p, 40))
	}
	sb.WriteString(`</article></body></html>`)
	return sb.String()
}

// With MaxPages, the pages fetched are the first ones found, in link order,
// on every run; links to files that are no pages and links robots.txt
// disallows are never requested and take no room.
func TestCrawlMaxPagesTakesLinksInOrder(t *testing.T) {
	var mu sync.Mutex
	var log []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		log = append(log, r.URL.RequestURI())
		mu.Unlock()
		switch {
		case r.URL.Path == "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
		case r.URL.Path == "/":
			var sb strings.Builder
			sb.WriteString(`<html><body><nav><a href="/logo.png">logo</a> <a href="/report.PDF">report</a>
<a href="/private/a">members</a> <a href="/clip.mp4">clip</a></nav><ul>`)
			for i := 1; i <= 8; i++ {
				fmt.Fprintf(&sb, `<li><a href="/story/%d">Story number %d of the day</a></li>`, i, i)
			}
			sb.WriteString(`</ul></body></html>`)
			w.Write([]byte(sb.String()))
		case strings.HasPrefix(r.URL.Path, "/story/"):
			time.Sleep(time.Duration(len(r.URL.Path)%3) * time.Millisecond)
			w.Write([]byte(articleHTML("Story "+r.URL.Path, 3)))
		default:
			t.Errorf("requested %s", r.URL.Path)
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	want := []string{"/robots.txt", "/", "/story/1", "/story/2", "/story/3"}
	for _, jobs := range []int{1, 1, 1, 4, 4} {
		mu.Lock()
		log = nil
		mu.Unlock()
		client := testClient()
		client.PerHost = 4
		out := runCrawl(t, &Crawler{Client: client, Concurrency: jobs, MaxPages: 4}, srv.URL+"/")
		mu.Lock()
		got := slices.Clone(log)
		mu.Unlock()
		if jobs > 1 {
			slices.Sort(got[2:]) // the stories come in any order
		}
		if !slices.Equal(got, want) {
			t.Errorf("-j %d: requests %q, want %q", jobs, got, want)
		}
		if len(out.articles) != 3 || out.stats.Fetched != 4 || out.stats.Robots != 1 {
			t.Errorf("-j %d: %d articles, stats %+v", jobs, len(out.articles), out.stats)
		}
	}
}

// In a crawl, an octet-stream page is sniffed: an article is emitted, with
// its links followed; binary data found by a link is skipped silently.
func TestCrawlOctetStream(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write([]byte(`<!doctype html><html><body><a href="/story">A story</a> <a href="/blob">blob</a></body></html>`))
		case "/story":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write([]byte(articleHTML("A story", 3)))
		case "/blob":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write([]byte("\x00\x01\x02\x03binary\xff\xfe\x00\x00"))
		}
	}))
	defer srv.Close()
	out := runCrawl(t, &Crawler{Client: testClient(), Concurrency: 1}, srv.URL+"/")
	if len(out.articles) != 1 || out.articles["/story"] == nil || len(out.failures) != 0 {
		t.Errorf("articles %v, failures %v", slices.Sorted(maps.Keys(out.articles)), out.failures)
	}
	if out.stats.Fetched != 3 {
		t.Errorf("fetched %d pages, want 3", out.stats.Fetched)
	}
}

// A page whose markup says it is an article but that holds no text fails
// with ErrNoContent, and its Result carries what extraction found (with
// Explain, the blocks it dropped).
func TestCrawlNoContentCarriesArticle(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><title>Empty story</title><meta property="og:type" content="article"></head>` +
			`<body><nav>Home World</nav><div class="share">Share this story on social media</div></body></html>`))
	}))
	defer srv.Close()
	c := &Crawler{Client: testClient(), Extract: extract.Options{Explain: true}}
	var got []Result
	if _, err := c.Run(context.Background(), []string{srv.URL + "/story"}, func(r Result) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !errors.Is(got[0].Err, extract.ErrNoContent) {
		t.Fatalf("results %+v, want one ErrNoContent", got)
	}
	if a := got[0].Article; a == nil || a.Source != got[0].Source || a.Title != "Empty story" {
		t.Errorf("article %+v, want the extraction's, with source %s", a, got[0].Source)
	}
}
