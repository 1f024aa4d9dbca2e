package crawl

import (
	"bytes"
	"strconv"
	"strings"
	"time"
)

// RobotsAgent is the product token byline looks for in robots.txt
// user-agent lines when [Client.RobotsAgent] is empty.
const RobotsAgent = "byline"

// maxRobotsSize is how much of a robots.txt is read; RFC 9309 asks for at
// least 500 KiB.
const maxRobotsSize = 512 << 10

// Robots is a parsed robots.txt (RFC 9309). The zero value and a nil
// *Robots allow everything. A Robots is read-only after parsing and safe
// for concurrent use.
type Robots struct {
	groups []robotsGroup
	// Sitemaps lists the Sitemap: lines, in file order.
	Sitemaps []string
	// disallowAll is set for a robots.txt that could not be fetched
	// (server error, unreachable): RFC 9309 says to assume complete disallow.
	disallowAll bool
}

type robotsGroup struct {
	agents     []string // lower-case product tokens, "*" included
	rules      []robotsRule
	crawlDelay time.Duration // 0 when none
}

type robotsRule struct {
	pattern string // normalised path pattern, may hold '*' and a final '$'
	allow   bool
}

// disallowAllRobots stands for a robots.txt that answered with a server
// error or could not be reached.
var disallowAllRobots = &Robots{disallowAll: true}

// ParseRobots parses a robots.txt body. It never fails: lines it does not
// understand are skipped, as RFC 9309 asks. Only the first 512 KiB are read.
func ParseRobots(data []byte) *Robots {
	if len(data) > maxRobotsSize {
		data = data[:maxRobotsSize]
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := &Robots{}
	var cur *robotsGroup
	inAgents := false // the previous meaningful line was a user-agent line
	for len(data) > 0 {
		var line []byte
		if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		k := strings.ToLower(strings.TrimSpace(string(key)))
		v := strings.TrimSpace(string(value))
		switch k {
		case "user-agent", "useragent", "user agent":
			if !inAgents {
				r.groups = append(r.groups, robotsGroup{})
				cur = &r.groups[len(r.groups)-1]
			}
			inAgents = true
			if tok := agentToken(v); tok != "" {
				cur.agents = append(cur.agents, tok)
			}
		case "allow", "disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw":
			inAgents = false
			if cur == nil || v == "" {
				// Rules outside a group, and empty rules, match nothing.
				continue
			}
			cur.rules = append(cur.rules, robotsRule{pattern: normalizeRobotsPath(v), allow: k == "allow"})
		case "crawl-delay", "crawldelay", "crawl delay":
			inAgents = false
			if cur == nil {
				continue
			}
			if secs, err := strconv.ParseFloat(v, 64); err == nil && secs >= 0 && secs < 1e6 {
				cur.crawlDelay = time.Duration(secs * float64(time.Second))
			}
		case "sitemap", "site-map":
			// Sitemap lines stand outside groups and do not end one.
			if v != "" {
				r.Sitemaps = append(r.Sitemaps, v)
			}
		default:
			// Unknown records (host, clean-param, ...) end a run of
			// user-agent lines like any other record.
			inAgents = false
		}
	}
	return r
}

// agentToken returns the product token of a user-agent line's value,
// lower-cased: its leading run of letters, '-' and '_', or "*".
func agentToken(v string) string {
	if strings.HasPrefix(v, "*") {
		return "*"
	}
	end := 0
	for end < len(v) {
		c := v[end]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_' {
			end++
			continue
		}
		break
	}
	return strings.ToLower(v[:end])
}

// ProductToken returns the robots.txt product token of a User-Agent
// header (RFC 9309 2.2.1: the crawler's name, letters, '-' and '_'):
// "news-archiver" for "news-archiver/2.0 (+https://example.org/bot)". It
// returns [RobotsAgent] when userAgent is empty or starts with no such
// name.
func ProductToken(userAgent string) string {
	if tok := agentToken(strings.TrimSpace(userAgent)); tok != "" && tok != "*" {
		return tok
	}
	return RobotsAgent
}

// RobotsRules are the rules of a robots.txt that apply to one crawler.
type RobotsRules struct {
	rules       []robotsRule
	crawlDelay  time.Duration
	disallowAll bool
}

// For returns the rules for the crawler named by the product token agent
// (case-insensitive): all groups naming it, merged, or else all groups
// naming "*", or else no rules at all.
func (r *Robots) For(agent string) *RobotsRules {
	if r == nil {
		return &RobotsRules{}
	}
	if r.disallowAll {
		return &RobotsRules{disallowAll: true}
	}
	agent = strings.ToLower(agent)
	merge := func(token string) (*RobotsRules, bool) {
		out := &RobotsRules{}
		found := false
		for i := range r.groups {
			g := &r.groups[i]
			for _, a := range g.agents {
				if a != token {
					continue
				}
				found = true
				out.rules = append(out.rules, g.rules...)
				if g.crawlDelay > out.crawlDelay {
					out.crawlDelay = g.crawlDelay
				}
				break
			}
		}
		return out, found
	}
	if out, ok := merge(agent); ok {
		return out
	}
	out, _ := merge("*")
	return out
}

// Allowed reports whether the crawler named agent may fetch target, the
// path and query of a URL ("/a/b?c=d").
func (r *Robots) Allowed(agent, target string) bool {
	return r.For(agent).Allowed(target)
}

// CrawlDelay is the Crawl-delay the rules ask for; 0 when none.
func (g *RobotsRules) CrawlDelay() time.Duration { return g.crawlDelay }

// Allowed reports whether target, the path and query of a URL, may be
// fetched. The longest matching rule wins; of an allow and a disallow rule
// of the same length the allow rule wins; no match allows. /robots.txt is
// always allowed.
func (g *RobotsRules) Allowed(target string) bool {
	if target == "" {
		target = "/"
	}
	if target == "/robots.txt" {
		return true
	}
	if g.disallowAll {
		return false
	}
	target = normalizeRobotsPath(target)
	best, allow := -1, true
	for _, rule := range g.rules {
		n := len(rule.pattern)
		if n < best || (n == best && allow) {
			continue
		}
		if matchRobots(rule.pattern, target) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// matchRobots matches target against a robots.txt path pattern: '*' stands
// for any run of characters, a final '$' anchors the end, and otherwise the
// pattern need only match a prefix of target.
func matchRobots(pattern, target string) bool {
	if strings.HasSuffix(pattern, "$") {
		pattern = pattern[:len(pattern)-1]
	} else {
		pattern += "*"
	}
	// Iterative wildcard matching with a single backtrack point: linear in
	// practice and never exponential.
	p, t := 0, 0
	star, mark := -1, 0
	for t < len(target) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, t
			p++
		case p < len(pattern) && pattern[p] == target[t]:
			p++
			t++
		case star >= 0:
			p = star + 1
			mark++
			t = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// normalizeRobotsPath brings a path pattern or a URL path to one form for
// comparison (RFC 9309 section 2.2.2): percent-encoded unreserved characters
// are decoded, other escapes are upper-cased, and octets that must be
// encoded (non-ASCII, controls, space) are percent-encoded.
func normalizeRobotsPath(s string) string {
	return normalizePercent(s, func(c byte) bool { return c <= ' ' || c >= 0x7f })
}
