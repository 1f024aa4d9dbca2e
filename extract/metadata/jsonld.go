package metadata

import (
	"bytes"
	"encoding/json"
	"strings"

	"byline/internal/fastre"
)

// ldObject is one JSON-LD node object.
type ldObject = map[string]any

// ldData is what the page's JSON-LD blocks say, reduced to the fields byline
// uses.
type ldData struct {
	article   ldObject   // the article node, nil when none
	articles  []ldObject // every node of an Article type, in document order
	objects   []ldObject // every node object, flattened
	byID      map[string]ldObject
	webSite   string // name of a WebSite node
	publisher string // name of the first Organization/NewsMediaOrganization node
}

// articleTypes are the schema.org types of a news or blog article: Article
// and its subtypes.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "analysisnewsarticle": true, "askpublicnewsarticle": true,
	"backgroundnewsarticle": true, "opinionnewsarticle": true, "reportagenewsarticle": true,
	"reviewnewsarticle": true, "advertisercontentarticle": true, "satiricalarticle": true,
	"scholarlyarticle": true, "medicalscholarlyarticle": true, "socialmediaposting": true,
	"blogposting": true, "liveblogposting": true, "discussionforumposting": true,
	"techarticle": true, "apireference": true, "report": true, "review": false,
}

// secondaryTypes may carry the article's metadata when no Article node exists.
var secondaryTypes = map[string]bool{
	"webpage": true, "itempage": true, "creativework": true, "videoobject": true,
	"recipe": true, "howto": true, "blog": false, "qapage": true, "collectionpage": false,
}

var (
	trailingCommaRe = fastre.MustCompile(`,(\s*[}\]])`)
)

// parseJSONLD decodes the page's ld+json blocks, tolerating the common
// faults: HTML comments and CDATA around the JSON, trailing commas, raw
// control characters inside strings, and several values in one block. A
// block that still fails to decode is skipped.
func parseJSONLD(blocks []string) *ldData {
	d := &ldData{byID: map[string]ldObject{}}
	for _, b := range blocks {
		for _, v := range decodeLenient(b) {
			d.flatten(v, 0)
		}
	}
	var fallback ldObject
	for _, o := range d.objects {
		var tb [4]string
		types := ldTypes(o, tb[:0])
		switch {
		case anyType(types, articleTypes):
			d.articles = append(d.articles, o)
			if d.article == nil {
				d.article = o
			}
		case fallback == nil && anyType(types, secondaryTypes) && (o["headline"] != nil || o["author"] != nil || o["datePublished"] != nil):
			fallback = o
		}
		if d.webSite == "" && hasType(types, "website") {
			d.webSite = ldString(o["name"])
		}
		if d.publisher == "" && (hasType(types, "newsmediaorganization") || hasType(types, "organization")) {
			d.publisher = ldString(o["name"])
		}
	}
	if d.article == nil {
		d.article = fallback
	}
	return d
}

func decodeLenient(s string) []any {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "<!--")
	s = strings.TrimSuffix(s, "-->")
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "//"), " ")
	if rest, ok := strings.CutPrefix(s, "<![CDATA["); ok {
		s = strings.TrimSpace(rest)
		s = strings.TrimSuffix(s, "]]>")
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "//"))
	}
	s = strings.TrimSuffix(s, ";")
	if s == "" {
		return nil
	}
	if out := decodeAll(s); out != nil {
		return out
	}
	fixed := trailingCommaRe.ReplaceAllString(escapeControlInStrings(s), "$1")
	return decodeAll(fixed)
}

// escapeControlInStrings escapes raw newlines and tabs inside JSON strings.
func escapeControlInStrings(s string) string {
	var b bytes.Buffer
	in, esc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case esc:
			esc = false
		case in && c == '\\':
			esc = true
		case c == '"':
			in = !in
		case in && c < 0x20:
			switch c {
			case '\n':
				b.WriteString(`\n`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.WriteByte(' ')
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// flatten records every node object reachable through arrays, @graph and
// mainEntity, in document order.
func (d *ldData) flatten(v any, depth int) {
	if depth > 8 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			d.flatten(e, depth+1)
		}
	case ldObject:
		if id := ldString(t["@id"]); id != "" {
			if _, ok := d.byID[id]; !ok || len(t) > len(d.byID[id]) {
				d.byID[id] = t
			}
		}
		if _, ok := t["@type"]; ok {
			d.objects = append(d.objects, t)
		}
		if g, ok := t["@graph"]; ok {
			d.flatten(g, depth+1)
		}
		if me, ok := t["mainEntity"]; ok {
			var tb [4]string
			if o, ok := me.(ldObject); ok && anyType(ldTypes(o, tb[:0]), articleTypes) {
				d.flatten(o, depth+1)
			}
		}
	}
}

// resolve follows an {"@id": ...} reference to the full node when the
// page defines it.
func (d *ldData) resolve(v any) any {
	if o, ok := v.(ldObject); ok {
		if id := ldString(o["@id"]); id != "" && len(o) <= 2 {
			if full, ok := d.byID[id]; ok {
				return full
			}
		}
	}
	return v
}

// ldTypes lists the lower-cased types of o, appended to buf (callers
// pass a small array's slice: most nodes have one type).
func ldTypes(o ldObject, buf []string) []string {
	out := buf
	switch t := o["@type"].(type) {
	case string:
		out = append(out, strings.ToLower(lastSegment(t)))
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, strings.ToLower(lastSegment(s)))
			}
		}
	}
	return out
}

func anyType(types []string, set map[string]bool) bool {
	for _, t := range types {
		if set[t] {
			return true
		}
	}
	return false
}

func hasType(types []string, want string) bool {
	for _, t := range types {
		if t == want {
			return true
		}
	}
	return false
}

// ldString is a string value, or the first string of an array, or the
// @value / name of an object; "" otherwise.
func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return cleanText(t)
	case []any:
		for _, e := range t {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case ldObject:
		if s := ldString(t["@value"]); s != "" {
			return s
		}
		return ldString(t["name"])
	case float64:
		return strings.TrimSpace(strings.TrimRight(strings.TrimRight(jsonNumber(t), "0"), "."))
	}
	return ""
}

func jsonNumber(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

// ldStrings lists the strings of a value that may be a string, an array or
// objects with a name.
func ldStrings(v any) []string {
	switch t := v.(type) {
	case string:
		if s := cleanText(t); s != "" {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, ldStrings(e)...)
		}
		return out
	case ldObject:
		if s := ldString(t); s != "" {
			return []string{s}
		}
	}
	return nil
}

// ldPerson is an author from JSON-LD.
type ldPerson struct {
	name string
	org  bool
}

// ldAuthors lists the author (or creator) names of o.
func (d *ldData) ldAuthors(o ldObject) []ldPerson {
	v := o["author"]
	if v == nil {
		v = o["creator"]
	}
	var out []ldPerson
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 4 {
			return
		}
		v = d.resolve(v)
		switch t := v.(type) {
		case string:
			if s := cleanText(t); s != "" && !looksLikeURL(s) {
				out = append(out, ldPerson{name: s})
			}
		case []any:
			for _, e := range t {
				add(e, depth+1)
			}
		case ldObject:
			name := ldString(t["name"])
			if name == "" {
				g, f := ldString(t["givenName"]), ldString(t["familyName"])
				name = strings.TrimSpace(g + " " + f)
			}
			if name == "" || looksLikeURL(name) {
				return
			}
			var tb [4]string
			types := ldTypes(t, tb[:0])
			org := hasType(types, "organization") || hasType(types, "newsmediaorganization") ||
				hasType(types, "corporation") || hasType(types, "educationalorganization")
			out = append(out, ldPerson{name: name, org: org})
		}
	}
	add(v, 0)
	return out
}

// ldImage is the URL of an image value: a URL string, an ImageObject or an
// array of either.
func ldImage(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case []any:
		for _, e := range t {
			if s := ldImage(e); s != "" {
				return s
			}
		}
	case ldObject:
		if s := ldImage(t["url"]); s != "" {
			return s
		}
		return ldImage(t["contentUrl"])
	}
	return ""
}

// ldFree reports whether v is false as isAccessibleForFree means it.
func ldFalse(v any) bool {
	switch t := v.(type) {
	case bool:
		return !t
	case string:
		return strings.EqualFold(strings.TrimSpace(t), "false")
	}
	return false
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "/")
}

// pickArticle chooses, among several Article nodes, the one about this
// page: its url, @id or mainEntityOfPage names the page's canonical or own
// URL, or else its headline is the page's title. The first wins a tie.
func (d *ldData) pickArticle(p *page, pageURL string) {
	if len(d.articles) < 2 {
		return
	}
	urls := map[string]bool{}
	for _, u := range append(append([]string{pageURL}, p.canonical...), p.metas["og:url"]...) {
		if u = normURL(u); u != "" {
			urls[u] = true
		}
	}
	titles := []string{p.titleTag, p.meta("og:title")}
	best, bestScore := d.articles[0], -1
	for _, o := range d.articles {
		score := 0
		refs := []string{ldString(o["url"]), ldString(o["@id"])}
		if me, ok := o["mainEntityOfPage"].(ldObject); ok {
			refs = append(refs, ldString(me["@id"]), ldString(me["url"]))
		} else {
			refs = append(refs, ldString(o["mainEntityOfPage"]))
		}
		for _, r := range refs {
			if r = normURL(r); r != "" && urls[r] {
				score += 2
				break
			}
		}
		if h := ldString(o["headline"]); h != "" {
			for _, t := range titles {
				if t != "" && similarity(h, t) >= 0.8 {
					score++
					break
				}
			}
		}
		if score > bestScore {
			best, bestScore = o, score
		}
	}
	d.article = best
}

// normURL reduces a URL to host and path for comparison: no scheme, no
// "www.", no query, fragment or trailing slash.
func normURL(u string) string {
	u = strings.TrimSpace(u)
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	} else {
		return ""
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(u), "www."), "/")
}
