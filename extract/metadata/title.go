package metadata

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"byline/internal/fastre"
)

// chooseTitle picks the headline (see doc.go for the order) and removes a
// site-name prefix or suffix.
func chooseTitle(p *page, ld *ldData, site, host string) string {
	var ldHeadline string
	if ld.article != nil {
		ldHeadline = ldHeadlineOf(ld.article, p.titleTag)
	}
	og := p.meta("og:title")
	candidates := []string{
		ldHeadline,
		p.meta("dc.title", "dcterms.title"),
		og,
		p.meta("twitter:title"),
		p.meta("citation_title", "parsely-title", "sailthru.title", "headline"),
		p.itemValue("headline"),
	}
	title := ""
	for _, c := range candidates {
		if c = cleanText(c); c != "" {
			title = c
			break
		}
	}
	// A JSON-LD headline cut short (Google's 110-character limit) loses to
	// a longer title that starts with it.
	if title == ldHeadline && title != "" {
		cut := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(title, "…"), "..."), " ")
		for _, c := range []string{og, p.titleTag} {
			if len(c) > len(cut) && strings.HasPrefix(c, cut) && cut != title {
				title = c
				break
			}
		}
	}
	if title != "" {
		t := stripSiteName(title, site, host, p.h1s)
		if t != title && title != ldHeadline {
			if h := siteDefaultTitle(t, p, site, host); h != "" {
				return h
			}
		}
		return t
	}
	if p.titleTag == "" {
		if len(p.h1s) == 1 {
			return p.h1s[0]
		}
		return ""
	}
	if t := stripSiteName(p.titleTag, site, host, p.h1s); t != p.titleTag {
		return t
	}
	return titleFromTag(p.titleTag, append(p.h1s, p.h2s...), p.h1s)
}

// siteDefaultTitle detects a meta title that is the site's default (its
// name and tagline, "Yahoo News - Latest News & Headlines") on an article
// page: what is left once the site's name is removed shares few words with
// the <title>, and the <title> (without the site's name) is the page's
// <h1>. It returns that heading, else "".
func siteDefaultTitle(rest string, p *page, site, host string) string {
	if p.titleTag == "" || similarity(rest, p.titleTag) >= 0.5 {
		return ""
	}
	tag := normTitle(stripSiteName(p.titleTag, site, host, p.h1s))
	for _, h := range p.h1s {
		if normTitle(h) == tag && tag != "" {
			return h
		}
	}
	return ""
}

// ldHeadlineOf is the headline of a JSON-LD article: its headline, or its
// name; when both are there and differ, the one closer to the <title>
// (some pages put a description in one of them). A URL is no headline.
func ldHeadlineOf(o ldObject, titleTag string) string {
	h, n := ldString(o["headline"]), ldString(o["name"])
	if looksLikeURL(h) {
		h = ""
	}
	if looksLikeURL(n) {
		n = ""
	}
	switch {
	case h == "":
		return n
	case n == "" || n == h || titleTag == "":
		return h
	}
	if sh := similarity(h, titleTag); sh < 0.5 && similarity(n, titleTag) > sh {
		return n
	}
	return h
}

// similarity is the share of a's words found in b, ignoring case.
func similarity(a, b string) float64 {
	wa := strings.Fields(strings.ToLower(a))
	if len(wa) == 0 {
		return 0
	}
	inB := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(b)) {
		inB[w] = true
	}
	n := 0
	for _, w := range wa {
		if inB[w] {
			n++
		}
	}
	return float64(n) / float64(len(wa))
}

var (
	tagSepRe       = fastre.MustCompile(` [|\-–—\\/>»] `)
	tagHierSepRe   = fastre.MustCompile(` [\\/>»] `)
	tagFirstPartRe = fastre.MustCompile(`^[^|\-–—\\/>»]*[|\-–—\\/>»]`)
	tagSepCharsRe  = fastre.MustCompile(`[|\-–—\\/>»]+`)
)

// titleFromTag reads the headline out of a <title> when the page gives no
// structured title and no known site name. It follows the rule of
// Readability.js, which readers know: drop the last part after a
// separator (or the first when too little is left), or the part before a
// colon unless a heading holds the whole; keep the whole title when what
// is left has four words or fewer.
func titleFromTag(orig string, headings, h1s []string) string {
	cur := orig
	hier := false
	wc := func(s string) int { return len(strings.Fields(s)) }
	if locs := tagSepRe.FindAllStringIndex(orig, -1); len(locs) > 0 {
		hier = tagHierSepRe.MatchString(orig)
		cur = orig[:locs[len(locs)-1][0]]
		if wc(cur) < 3 {
			cur = tagFirstPartRe.ReplaceAllString(orig, "")
		}
	} else if strings.Contains(cur, ": ") {
		match := false
		for _, h := range headings {
			if h == strings.TrimSpace(cur) {
				match = true
			}
		}
		if !match {
			cur = orig[strings.LastIndex(orig, ":")+1:]
			if wc(cur) < 3 {
				cur = orig[strings.Index(orig, ":")+1:]
			} else if wc(orig[:strings.Index(orig, ":")]) > 5 {
				cur = orig
			}
		}
	} else if n := len([]rune(cur)); (n > 150 || n < 15) && len(h1s) == 1 {
		cur = h1s[0]
	}
	cur = cleanText(cur)
	if n := wc(cur); n <= 4 && (!hier || n != wc(tagSepCharsRe.ReplaceAllString(orig, ""))-1) {
		cur = orig
	}
	return cur
}

// stripSiteName removes the parts of title that name the site: a part equal
// to (or contained in) the site name or the host's name, at either end.
// When a heading of the page equals one of the parts, that part is the
// headline.
func stripSiteName(title, site, host string, h1s []string) string {
	parts, seps := splitTitle(title)
	if len(parts) < 2 {
		return title
	}
	for _, h := range h1s {
		if h == title {
			return title
		}
	}
	// A heading that equals a run of parts at either end.
	for _, h := range h1s {
		nh := normTitle(h)
		if nh == "" {
			continue
		}
		for i := 1; i < len(parts); i++ {
			head, tail := joinParts(parts[:i], seps[:i-1]), joinParts(parts[i:], seps[i:])
			// The kept run is longer than each part it drops: a heading
			// that holds the site's logo must not win over the headline.
			if normTitle(head) == nh && len(head) > longest(parts[i:]) {
				return head
			}
			if normTitle(tail) == nh && len(tail) > longest(parts[:i]) {
				return tail
			}
		}
	}
	start, end := 0, len(parts)
	for end-start > 1 && namesSite(parts[end-1], site, host) {
		end--
	}
	for end-start > 1 && namesSite(parts[start], site, host) {
		start++
	}
	if start == 0 && end == len(parts) {
		return title
	}
	return joinParts(parts[start:end], seps[start:end-1])
}

// splitTitle cuts title at separators; seps[i] is the separator between
// parts[i] and parts[i+1]. The separators are the matches of the regexp
//
//	\s+[|\-–—·•»/\\>~]{1,2}\s+|\s*::\s*|\s+_\s*|_\s+|\s*[|｜]\s*
//
// (found by titleSepAt) that neither start nor end the title.
func splitTitle(title string) (parts, seps []string) {
	prev := 0
	for i := 0; i < len(title); i++ {
		end := titleSepAt(title, i)
		if end < 0 {
			continue
		}
		if i > 0 && end < len(title) {
			parts = append(parts, title[prev:i])
			seps = append(seps, title[i:end])
			prev = end
		}
		i = end - 1
	}
	parts = append(parts, title[prev:])
	return parts, seps
}

// titleSepAt is the end of the title separator that starts at s[i], or
// -1: the match that the regexp of splitTitle, which ran on every title
// and was slow on them, finds at i (its first alternative that matches).
// As each of its repetitions is of spaces or of non-spaces, next to
// each other, the greedy match is the only one.
func titleSepAt(s string, i int) int {
	sp := skipRESpace(s, i)
	if sp > i && sp < len(s) {
		// \s+[|\-–—·•»/\\>~]{1,2}\s+
		if n := titleSepChar(s[sp:]); n > 0 {
			j := sp + n
			if m := titleSepChar(s[j:]); m > 0 && j+m < len(s) && isRESpace(s[j+m]) {
				return skipRESpace(s, j+m)
			}
			if j < len(s) && isRESpace(s[j]) {
				return skipRESpace(s, j)
			}
		}
	}
	switch {
	case strings.HasPrefix(s[sp:], "::"): // \s*::\s*
		return skipRESpace(s, sp+2)
	case sp > i && sp < len(s) && s[sp] == '_': // \s+_\s*
		return skipRESpace(s, sp+1)
	case s[i] == '_' && i+1 < len(s) && isRESpace(s[i+1]): // _\s+
		return skipRESpace(s, i+1)
	case strings.HasPrefix(s[sp:], "|"): // \s*[|｜]\s*
		return skipRESpace(s, sp+1)
	case strings.HasPrefix(s[sp:], "｜"):
		return skipRESpace(s, sp+len("｜"))
	}
	return -1
}

// titleSepChar is the length of the separator character that starts s
// (one of |-–—·•»/\>~), or 0.
func titleSepChar(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '|', '-', '/', '\\', '>', '~':
		return 1
	}
	switch r, n := utf8.DecodeRuneInString(s); r {
	case '–', '—', '·', '•', '»':
		return n
	}
	return 0
}

// skipRESpace is the end of the run of \s that starts at s[i].
func skipRESpace(s string, i int) int {
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	return i
}

func joinParts(parts, seps []string) string {
	var b strings.Builder
	for i, p := range parts {
		b.WriteString(p)
		if i < len(seps) && i < len(parts)-1 {
			b.WriteString(seps[i])
		}
	}
	return strings.TrimSpace(b.String())
}

// namesSite reports whether a title part is the site's name: equal to the
// site name or to the host's main label, ignoring case, spaces and
// punctuation, or one contained in the other.
func namesSite(part, site, host string) bool {
	np := normTitle(part)
	if np == "" {
		return false
	}
	for _, s := range []string{site, hostLabel(host), host} {
		ns := normTitle(s)
		if len(ns) < 2 {
			continue
		}
		if np == ns {
			return true
		}
		if len(np) >= 4 && len(ns) >= 4 && (strings.HasPrefix(ns, np) || strings.HasPrefix(np, ns)) {
			return true
		}
	}
	return false
}

// hostLabel is the main label of a host name: "www.nytimes.com" -> "nytimes".
func hostLabel(host string) string {
	labels := strings.Split(strings.TrimPrefix(strings.ToLower(host), "www."), ".")
	if len(labels) < 2 {
		return ""
	}
	// co.uk, com.au and the like: take the label before them.
	i := len(labels) - 2
	if i > 0 && len(labels[i]) <= 3 && len(labels[len(labels)-1]) == 2 {
		i--
	}
	return labels[i]
}

func normTitle(s string) string {
	// unicode.ToLower rune by rune is strings.ToLower (which also reads
	// an invalid byte as U+FFFD), without building the lower-cased copy.
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r = unicode.ToLower(r); unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func longest(parts []string) int {
	n := 0
	for _, p := range parts {
		n = max(n, len(p))
	}
	return n
}
