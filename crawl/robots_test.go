package crawl

import (
	"testing"
	"time"
)

func TestRobotsAllowed(t *testing.T) {
	const file = `# example
User-agent: *
Disallow: /private/
Allow: /private/open/
Disallow: /*.cgi$
Disallow: /search
Crawl-delay: 5

User-agent: otherbot
Disallow: /

Sitemap: https://example.com/sitemap.xml
`
	tests := []struct {
		robots, agent, target string
		want                  bool
	}{
		{file, "byline", "/", true},
		{file, "byline", "/private/", false},
		{file, "byline", "/private/x.html", false},
		{file, "byline", "/private/open/x.html", true}, // longer allow wins
		{file, "byline", "/run.cgi", false},
		{file, "byline", "/run.cgi?x=1", true}, // $ anchors the end
		{file, "byline", "/search?q=x", false},
		{file, "byline", "/searching", false},
		{file, "otherbot", "/anything", false},
		{file, "OtherBot", "/anything", false}, // case-insensitive token
		{file, "byline", "/robots.txt", true},

		// Allow wins a tie of equal length.
		{"User-agent: *\nDisallow: /page\nAllow: /page\n", "byline", "/page", true},
		{"User-agent: *\nAllow: /page\nDisallow: /page\n", "byline", "/page", true},
		// Longest match wins regardless of order (unlike "first match").
		{"User-agent: *\nAllow: /a\nDisallow: /a/b\n", "byline", "/a/b/c", false},
		{"User-agent: *\nDisallow: /a/b\nAllow: /a\n", "byline", "/a/b/c", false},
		{"User-agent: *\nDisallow: /a\nAllow: /a/b\n", "byline", "/a/b/c", true},
		// Wildcard length counts the pattern's octets.
		{"User-agent: *\nDisallow: /*/s\nAllow: /news/\n", "byline", "/news/s", true},
		{"User-agent: *\nDisallow: /*/secret\nAllow: /news/\n", "byline", "/news/secret", false},
		// Our own group wins over *, and groups naming us are merged.
		{"User-agent: *\nDisallow: /\n\nUser-agent: byline\nAllow: /\n", "byline", "/x", true},
		{"User-agent: byline\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n\nUser-agent: byline\nDisallow: /c\n", "byline", "/c", false},
		{"User-agent: byline\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n", "byline", "/b", true},
		// Several user-agent lines open one group.
		{"User-agent: a\nUser-agent: byline\nDisallow: /x\n", "byline", "/x/y", false},
		// A user-agent value carrying a version still names the product.
		{"User-agent: byline/1.2\nDisallow: /x\n", "byline", "/x", false},
		// Another product that starts with ours is not ours.
		{"User-agent: bylinebot\nDisallow: /\n", "byline", "/x", true},
		// Empty Disallow allows all; rules before any user-agent are ignored.
		{"User-agent: *\nDisallow:\n", "byline", "/x", true},
		{"Disallow: /\nUser-agent: *\nAllow: /\n", "byline", "/x", true},
		// Percent-encoding: unreserved escapes are decoded on both sides.
		{"User-agent: *\nDisallow: /%7Euser/\n", "byline", "/~user/page", false},
		{"User-agent: *\nDisallow: /~user/\n", "byline", "/%7euser/page", false},
		{"User-agent: *\nDisallow: /a%2fb\n", "byline", "/a%2Fb", false},
		// Non-ASCII in the file matches its encoded form in the URL.
		{"User-agent: *\nDisallow: /ü\n", "byline", "/%C3%BC", false},
		// CR line endings, comments, BOM, odd spacing.
		{"\xef\xbb\xbfUser-agent: *\r\nDisallow: /x # comment\r\n", "byline", "/x", false},
		{"  user-AGENT :*\n  DISALLOW :  /x\n", "byline", "/x", false},
		// No group for us or * allows everything.
		{"User-agent: other\nDisallow: /\n", "byline", "/x", true},
		{"", "byline", "/x", true},
		{"garbage\n\x00\xff\n", "byline", "/x", true},
	}
	for _, tt := range tests {
		got := ParseRobots([]byte(tt.robots)).Allowed(tt.agent, tt.target)
		if got != tt.want {
			t.Errorf("robots %q: Allowed(%q, %q) = %v, want %v", tt.robots, tt.agent, tt.target, got, tt.want)
		}
	}
}

func TestRobotsCrawlDelayAndSitemaps(t *testing.T) {
	r := ParseRobots([]byte("User-agent: *\nCrawl-delay: 2.5\nSitemap: https://a.example/s1.xml\n\nUser-agent: byline\nCrawl-delay: 1\nDisallow: /x\nSitemap: /s2.xml\n"))
	if got := r.For("byline").CrawlDelay(); got != time.Second {
		t.Errorf("byline crawl delay = %v, want 1s", got)
	}
	if got := r.For("other").CrawlDelay(); got != 2500*time.Millisecond {
		t.Errorf("* crawl delay = %v, want 2.5s", got)
	}
	if len(r.Sitemaps) != 2 || r.Sitemaps[0] != "https://a.example/s1.xml" || r.Sitemaps[1] != "/s2.xml" {
		t.Errorf("sitemaps = %q", r.Sitemaps)
	}
}

func TestRobotsDisallowAll(t *testing.T) {
	if disallowAllRobots.Allowed("byline", "/x") {
		t.Error("disallow-all robots allowed /x")
	}
	if !disallowAllRobots.Allowed("byline", "/robots.txt") {
		t.Error("/robots.txt must always be allowed")
	}
	var nilRobots *Robots
	if !nilRobots.Allowed("byline", "/x") {
		t.Error("nil robots must allow everything")
	}
}

func TestMatchRobots(t *testing.T) {
	tests := []struct {
		pattern, target string
		want            bool
	}{
		{"/", "/anything", true},
		{"/a*b", "/a/x/b", true},
		{"/a*b$", "/a/x/bc", false},
		{"/a*b$", "/a/x/b", true},
		{"/*.php", "/index.php?x", true},
		{"/*.php$", "/index.php?x", false},
		{"/fish*", "/fish", true},
		{"/fish", "/Fish", false},
		{"*", "/", true},
		{"/**a", "/bba", true},
		{"/a$", "/a", true},
		{"/a$", "/ab", false},
	}
	for _, tt := range tests {
		if got := matchRobots(tt.pattern, tt.target); got != tt.want {
			t.Errorf("matchRobots(%q, %q) = %v, want %v", tt.pattern, tt.target, got, tt.want)
		}
	}
}

func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private/\nAllow: /private/open\nCrawl-delay: 3\nSitemap: /s.xml\n"), "/private/x")
	f.Add([]byte("User-agent: byline\nDisallow: /*.cgi$\n"), "/a.cgi")
	f.Add([]byte("\xef\xbb\xbfuser-agent:*\r\ndisallow:/%7e\r"), "/~")
	f.Fuzz(func(t *testing.T, data []byte, target string) {
		r := ParseRobots(data)
		rules := r.For("byline")
		a := rules.Allowed(target)
		if b := rules.Allowed(target); a != b {
			t.Fatal("Allowed is not deterministic")
		}
		if !rules.Allowed("/robots.txt") {
			t.Fatal("/robots.txt disallowed")
		}
		if rules.CrawlDelay() < 0 {
			t.Fatal("negative crawl delay")
		}
	})
}
