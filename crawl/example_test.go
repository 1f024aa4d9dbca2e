package crawl_test

import (
	"fmt"

	"byline/crawl"
)

func ExampleNormalizeURL() {
	u, _ := crawl.NormalizeURL("HTTPS://Example.com:443/news/./story.html?utm_source=x&id=7#comments")
	fmt.Println(u)
	// Output: https://example.com/news/story.html?id=7
}

func ExampleParseRobots() {
	r := crawl.ParseRobots([]byte(`User-agent: *
Disallow: /search
Disallow: /private/
Allow: /private/press/
Crawl-delay: 2
Sitemap: https://example.com/sitemap.xml
`))
	rules := r.For(crawl.RobotsAgent)
	for _, p := range []string{"/news/a.html", "/search?q=x", "/private/x", "/private/press/x"} {
		fmt.Println(p, rules.Allowed(p))
	}
	fmt.Println(rules.CrawlDelay(), r.Sitemaps)
	// Output:
	// /news/a.html true
	// /search?q=x false
	// /private/x false
	// /private/press/x true
	// 2s [https://example.com/sitemap.xml]
}
