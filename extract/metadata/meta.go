package metadata

import (
	"net"
	"net/url"
	"strings"

	"byline/internal/fastre"
)

// meta is the first value of the first key that the page has (keys
// lower-case: property, name, itemprop or http-equiv of a <meta>).
func (p *page) meta(keys ...string) string {
	for _, k := range keys {
		for _, v := range p.metas[k] {
			if v = cleanText(v); v != "" {
				return v
			}
		}
	}
	return ""
}

// metaValues is the values of one key: those given in property attributes
// when there are any (the name form then repeats or disagrees), else all.
func (p *page) metaValues(key string) []string {
	if n := p.propCount[key]; n > 0 {
		return p.metas[key][:n]
	}
	return p.metas[key]
}

// metaAll is every value of every key, in key order.
func (p *page) metaAll(keys ...string) []string {
	var out []string
	for _, k := range keys {
		out = append(out, p.metas[k]...)
	}
	return out
}

// itemValue is the value of the first microdata property named one of
// props inside an article scope (or any scope when none is an article).
func (p *page) itemValue(props ...string) string {
	for _, pass := range []bool{true, false} {
		for _, prop := range props {
			for _, it := range p.items {
				if it.prop != prop || it.value == "" {
					continue
				}
				if pass && !articleTypes[it.scopeType] {
					continue
				}
				return it.value
			}
		}
	}
	return ""
}

// siteName: og:site_name, the JSON-LD publisher of the article, a JSON-LD
// WebSite or Organization, other publisher meta, else the host name.
func siteName(p *page, ld *ldData, host string) string {
	var pub string
	if ld.article != nil {
		pub = ldString(ld.resolve(ld.article["publisher"]))
	}
	if looksLikeURL(pub) {
		pub = ""
	}
	if s := p.meta("og:site_name", "og:sitename"); s != "" && !looksLikeURL(s) && !strings.HasPrefix(s, "@") {
		return betterSiteName(trimTagline(s), pub)
	}
	for _, s := range []string{pub, ld.webSite, ld.publisher,
		p.meta("application-name", "publisher", "dc.publisher", "dcterms.publisher", "citation_publisher", "citation_journal_title")} {
		if s != "" && !looksLikeURL(s) && !strings.HasPrefix(s, "@") {
			return trimTagline(s)
		}
	}
	return hostSite(host)
}

// trimTagline keeps the name of "Name | tagline" or "Name - tagline": the
// first part, when it is short.
func trimTagline(s string) string {
	if i := taglineSep(s); i >= 0 {
		if first := strings.TrimSpace(s[:i]); first != "" && len(strings.Fields(first)) <= 4 {
			return first
		}
	}
	return s
}

// taglineSep is where s has the first separator of a tagline, one of
// |-–—: between spaces (the regexp ` [|\-–—:] `, which ran on every site
// name), or -1.
func taglineSep(s string) int {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		n := 0
		switch rest := s[i+1:]; {
		case rest[0] == '|' || rest[0] == '-' || rest[0] == ':':
			n = 1
		case strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—"):
			n = len("–")
		}
		if n > 0 && i+1+n < len(s) && s[i+1+n] == ' ' {
			return i
		}
	}
	return -1
}

var (
	domainSuffixRe = fastre.MustCompile(`(?i)\.(com|net|org|co|info|[a-z]{2})$`)
	legalSuffixRe  = fastre.MustCompile(`(?i)[ ,]+(inc|ltd|llc|gmbh|plc|s\.?a|corp|corporation|limited)\.?$`)
)

// betterSiteName chooses between og:site_name and the JSON-LD publisher
// when they name the same site: the publisher's form when og:site_name is
// a slug ("detroitnews"), a domain ("livescience.com"), carries a tagline
// or a legal suffix ("Spiceworks Inc"); og:site_name otherwise (the
// publisher is often a parent company or a wire service).
func betterSiteName(og, pub string) string {
	no, np := normTitle(og), normTitle(pub)
	if np == "" || no == "" {
		return og
	}
	switch {
	case no == np:
		if !strings.Contains(og, " ") && strings.Contains(pub, " ") {
			return pub
		}
	case strings.Contains(np, no):
		if !strings.Contains(og, " ") && strings.ToLower(og) == og {
			return pub
		}
	case strings.HasPrefix(no, np):
		if domainSuffixRe.MatchString(og) || legalSuffixRe.MatchString(og) || taglineSep(og) >= 0 {
			return pub
		}
	}
	return og
}

// hostSite is the host name as a last resort for the site name, without
// "www.". A host that is not a domain name (no dot, "localhost", an IP
// address) names no site.
func hostSite(host string) string {
	host = strings.ToLower(host)
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if host == "" || !strings.Contains(host, ".") || net.ParseIP(strings.Trim(host, "[]")) != nil {
		return ""
	}
	return strings.TrimPrefix(host, "www.")
}

// absURL resolves ref against base; it returns "" for what is not an
// http(s) URL once resolved.
func absURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "data:") || strings.HasPrefix(ref, "javascript:") {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// canonicalURL: link rel=canonical, og:url, the JSON-LD article's url or
// mainEntityOfPage, made absolute. A canonical that points to the site's
// home page from a deeper page is a template slip and is ignored. On an
// AMP page rel=canonical is the regular page, which is what we want.
func canonicalURL(p *page, ld *ldData, base, pageURL *url.URL) string {
	cands := append([]string{}, p.canonical...)
	cands = append(cands, p.meta("og:url"))
	if ld.article != nil {
		cands = append(cands, ldString(ld.article["url"]))
		if me, ok := ld.article["mainEntityOfPage"].(ldObject); ok {
			cands = append(cands, ldString(me["@id"]))
		} else {
			cands = append(cands, ldString(ld.article["mainEntityOfPage"]))
		}
	}
	for _, c := range cands {
		abs := absURL(base, c)
		if abs == "" {
			continue
		}
		u, _ := url.Parse(abs)
		if (u.Path == "" || u.Path == "/") && u.RawQuery == "" && pageURL != nil && strings.Trim(pageURL.Path, "/") != "" {
			continue
		}
		return abs
	}
	return ""
}

// tagsOf: article:tag and JSON-LD keywords; when they give none, the
// keywords metas. Values are split at commas and semicolons, trimmed and
// de-duplicated ignoring case.
func tagsOf(p *page, ld *ldData) []string {
	var raw []string
	raw = append(raw, p.metaAll("article:tag", "og:article:tag", "video:tag", "book:tag")...)
	if ld.article != nil {
		raw = append(raw, ldStrings(ld.article["keywords"])...)
	}
	if len(raw) == 0 {
		raw = append(raw, p.metaAll("news_keywords", "keywords", "parsely-tags", "sailthru.tags", "citation_keywords", "dc.subject")...)
	}
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		for t := range strings.FieldsFuncSeq(r, func(c rune) bool { return c == ',' || c == ';' || c == '|' }) {
			t = strings.Trim(cleanText(t), `"'#`)
			key := strings.ToLower(t)
			if t == "" || seen[key] || len(t) > 80 || strings.Contains(t, "://") {
				continue
			}
			seen[key] = true
			out = append(out, t)
		}
	}
	return out
}
