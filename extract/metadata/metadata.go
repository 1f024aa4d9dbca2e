package metadata

import (
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// Metadata is what a page says about its article. A field that the page
// does not make known is left empty.
type Metadata struct {
	Title   string
	Authors []string
	// Published and Modified keep the page's time zone when it gives one;
	// a value without a zone is UTC. Zero when unknown.
	Published    time.Time
	Modified     time.Time
	CanonicalURL string
	SiteName     string
	// Language is the declared language as a BCP 47 tag; see
	// [ResolveLanguage] to check it against the body text.
	Language    string
	Description string
	Image       string
	Tags        []string
	Paywalled   bool
	// Type is the page's declared type, lower-cased: og:type ("article")
	// or the JSON-LD @type ("newsarticle"); empty when none.
	Type string
}

// Options adjusts [ReadWith]. The zero value works.
type Options struct {
	// Now is the time of extraction: a date later than it is not trusted.
	// The zero value means time.Now().
	Now time.Time
}

// Read reads the metadata of doc. pageURL, when known, resolves relative
// URLs and gives the host as a last resort for the site name. It does not
// change doc.
func Read(doc *html.Node, pageURL *url.URL) *Metadata {
	return ReadWith(doc, pageURL, Options{})
}

// ReadWith is [Read] with options.
func ReadWith(doc *html.Node, pageURL *url.URL, opts Options) *Metadata {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	p := collect(doc)
	ld := parseJSONLD(p.ldjson)
	if pageURL != nil {
		ld.pickArticle(p, pageURL.String())
	} else {
		ld.pickArticle(p, "")
	}

	base := pageURL
	if p.baseHref != "" {
		if b, err := url.Parse(p.baseHref); err == nil {
			if base != nil {
				b = base.ResolveReference(b)
			}
			if b.IsAbs() {
				base = b
			}
		}
	}
	host := ""
	if pageURL != nil {
		host = pageURL.Hostname()
	}

	m := &Metadata{}
	m.SiteName = siteName(p, ld, host)
	m.Title = chooseTitle(p, ld, m.SiteName, host)
	m.Authors = chooseAuthors(p, ld, m.SiteName)
	m.Published, m.Modified = chooseDates(p, ld, pageURL, now)
	m.CanonicalURL = canonicalURL(p, ld, base, pageURL)
	m.Language = declaredLanguage(p, ld)
	m.Description = p.meta("og:description", "description", "twitter:description", "dc.description", "dcterms.description", "dcterms.abstract", "citation_abstract")
	if m.Description == "" && ld.article != nil {
		m.Description = ldString(ld.article["description"])
	}
	m.Image = chooseImage(p, ld, base)
	m.Tags = tagsOf(p, ld)
	m.Paywalled = paywalled(ld)
	m.Type = strings.ToLower(p.meta("og:type"))
	if m.Type == "" && ld.article != nil {
		if t := ldTypes(ld.article, nil); len(t) > 0 {
			m.Type = t[0]
		}
	}
	return m
}

// FromURL is the metadata that a page's address alone gives, for input
// without markup such as plain text: the site name from the host (as
// [Read] gives it when the page names no site) and the publication date
// from a full date in the path (/2024/05/17/), unless later than
// opts.Now. It returns an empty Metadata for a nil URL.
func FromURL(pageURL *url.URL, opts Options) *Metadata {
	m := &Metadata{}
	if pageURL == nil {
		return m
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	m.SiteName = hostSite(pageURL.Hostname())
	if w, ok := urlDate(pageURL.Path); ok && !w.t.After(now) {
		m.Published = w.t
	}
	return m
}

// chooseImage: og:image, twitter:image, the JSON-LD image, a microdata
// image, link rel=image_src; made absolute.
func chooseImage(p *page, ld *ldData, base *url.URL) string {
	cands := []string{p.meta("og:image:secure_url", "og:image", "og:image:url"), p.meta("twitter:image", "twitter:image:src")}
	if ld.article != nil {
		cands = append(cands, ldImage(ld.article["image"]))
	}
	cands = append(cands, p.itemValue("image", "thumbnailurl"))
	cands = append(cands, p.imageSrc...)
	for _, c := range cands {
		if u := absURL(base, c); u != "" {
			return u
		}
	}
	return ""
}

// paywalled reports a JSON-LD isAccessibleForFree of false on the article
// or on the page that holds it.
func paywalled(ld *ldData) bool {
	if ld.article != nil {
		if v, ok := ld.article["isAccessibleForFree"]; ok {
			return ldFalse(v)
		}
	}
	for _, o := range ld.objects {
		var tb [4]string
		types := ldTypes(o, tb[:0])
		if anyType(types, articleTypes) || anyType(types, secondaryTypes) {
			if v, ok := o["isAccessibleForFree"]; ok && ldFalse(v) {
				return true
			}
		}
	}
	return false
}

// chooseAuthors takes the author names from the most trusted source that
// names any (see doc.go), cleaned. An organisation is given only when no
// source names a person.
func chooseAuthors(p *page, ld *ldData, site string) []string {
	var orgs []string
	sources := [][]string{}
	if ld.article != nil {
		var people []string
		for _, a := range ld.ldAuthors(ld.article) {
			if a.org {
				orgs = append(orgs, a.name)
			} else {
				people = append(people, a.name)
			}
		}
		sources = append(sources, people)
	}
	var metaAuthors []string
	for _, k := range []string{"dc.creator", "dcterms.creator", "citation_author", "author", "article:author", "og:article:author", "book:author", "parsely-author", "sailthru.author", "byl", "byline", "authors", "dc.contributor"} {
		for _, v := range p.metaValues(k) {
			if looksLikeURL(v) {
				continue
			}
			if strings.HasPrefix(k, "dc") || strings.HasPrefix(k, "citation") {
				v = invertName(v)
			}
			metaAuthors = append(metaAuthors, v)
		}
		if len(metaAuthors) > 0 {
			// The values of one key are the authors; other keys repeat
			// them or disagree.
			break
		}
	}
	sources = append(sources, metaAuthors)
	var micro []string
	for _, it := range p.items {
		if (it.prop == "author" || it.prop == "creator") && it.value != "" && !looksLikeURL(it.value) {
			micro = append(micro, it.value)
		}
	}
	sources = append(sources, micro, p.relAuthors)
	// The site and its publisher: as an author, an organisation.
	houses := map[string]bool{}
	for _, h := range []string{site, ld.publisher, p.meta("publisher", "dc.publisher", "dcterms.publisher")} {
		if h != "" {
			houses[normTitle(h)] = true
		}
	}
	if ld.article != nil {
		if h := ldString(ld.resolve(ld.article["publisher"])); h != "" {
			houses[normTitle(h)] = true
		}
	}
	structured := len(sources)
	for i := 0; i < len(sources); i++ {
		var raw []string
		for _, r := range sources[i] {
			// The site's or publisher's own name as author is an
			// organisation, whole ("Mac & i" is not two people).
			if houses[normTitle(r)] {
				orgs = append(orgs, cleanText(r))
				continue
			}
			raw = append(raw, r)
		}
		people, o := cleanAuthors(raw, p.authors)
		var kept []string
		for _, n := range people {
			if site != "" && namesSite(n, site, "") {
				o = append(o, n)
				continue
			}
			kept = append(kept, stripSiteSuffix(n, site))
		}
		orgs = append(orgs, o...)
		if len(kept) > 0 {
			if i < structured {
				if more := bylineSuperset(p, kept, site); more != nil {
					return more
				}
			}
			return kept
		}
		if i == structured-1 {
			// Byline elements when no metadata names an author; when
			// metadata names only an organisation (an agency, the site),
			// the article's own byline element may still name a person.
			sources = append(sources, domBylines(p, len(orgs) > 0))
		}
	}
	if len(orgs) == 0 {
		return nil
	}
	out, seen := []string{}, map[string]bool{}
	for _, o := range orgs {
		if k := strings.ToLower(o); !seen[k] {
			seen[k] = true
			out = append(out, o)
		}
	}
	return out[:1]
}

// stripSiteSuffix removes the site's name from the end of a person's name
// ("Kevin McCoy USA TODAY" -> "Kevin McCoy").
func stripSiteSuffix(name, site string) string {
	if site == "" || len(name) <= len(site)+1 {
		return name
	}
	if strings.EqualFold(name[len(name)-len(site):], site) && name[len(name)-len(site)-1] == ' ' {
		rest := strings.TrimSpace(name[:len(name)-len(site)])
		if len(strings.Fields(rest)) >= 2 {
			return rest
		}
	}
	return name
}

// invertName turns a catalogue form "Last, First" (one comma, a few words
// on each side, as Dublin Core and citation metas give names) into "First
// Last".
func invertName(s string) string {
	parts := strings.Split(s, ",")
	if len(parts) != 2 {
		return s
	}
	last, first := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
	if nl, nf := len(strings.Fields(last)), len(strings.Fields(first)); nl == 0 || nf == 0 || nl > 2 || nf > 3 {
		return s
	}
	if _, org := cleanName(first); org != "" {
		return s
	}
	return first + " " + last
}

// domBylines lists byline texts from the page, the strong candidates
// (itemprop, rel=author, a class naming the byline) inside the article
// first. With strict, only those strong candidates (inside the article
// first), naming full names.
func domBylines(p *page, strict bool) []string {
	passes := []func(b bylineNode) bool{
		func(b bylineNode) bool { return b.strong && b.inArticle },
		func(b bylineNode) bool { return b.strong },
		func(b bylineNode) bool { return b.inArticle },
		func(b bylineNode) bool { return true },
	}
	if strict {
		passes = passes[:2]
	}
	// A byline that failed in one pass fails in the next.
	tried := make([]bool, len(p.bylines))
	for _, pass := range passes {
		for i, b := range p.bylines {
			if tried[i] || !pass(b) {
				continue
			}
			tried[i] = true
			people := p.bylinePeople(b.text)
			if strict && !fullNames(people) {
				// "Reuters, Washington": the agency and its dateline.
				continue
			}
			if len(people) > 0 {
				return []string{b.text}
			}
		}
	}
	return nil
}

// bylineSuperset is the list of a byline element of the article that
// names every one of names and more people ("By Natalie Grover and
// Colleen Howe" where the metadata names only Natalie Grover); nil when
// none does. Strong bylines (by markup) inside the article come first.
func bylineSuperset(p *page, names []string, site string) []string {
	want := map[string]bool{}
	for _, n := range names {
		want[strings.ToLower(n)] = true
	}
	// A byline that failed in one pass fails in the next.
	tried := make([]bool, len(p.bylines))
	for _, pass := range []func(b bylineNode) bool{
		func(b bylineNode) bool { return b.strong && b.inArticle },
		func(b bylineNode) bool { return b.strong },
		func(b bylineNode) bool { return b.inArticle },
	} {
		for i, b := range p.bylines {
			if tried[i] || !pass(b) {
				continue
			}
			tried[i] = true
			people := p.bylinePeople(b.text)
			var kept []string
			found := 0
			for _, n := range people {
				if site != "" && namesSite(n, site, "") {
					continue
				}
				ln := strings.ToLower(n)
				if want[ln] {
					found++
				} else if containsName(ln, want) {
					// "About Victor Davis Hanson", "BiographySarah E.
					// Needleman": a label run into a name already given.
					continue
				}
				kept = append(kept, stripSiteSuffix(n, site))
			}
			if found == len(want) && len(kept) > len(want) && fullNames(kept) {
				return kept
			}
		}
	}
	return nil
}

// bylinePeople is cleanAuthors of one byline text, remembered: nested
// byline elements often give the same text, and bylineSuperset and
// domBylines read the same bylines. The result is shared: not to be
// changed.
func (p *page) bylinePeople(text string) []string {
	if people, ok := p.bylineCache[text]; ok {
		return people
	}
	people, _ := cleanAuthors([]string{text}, p.authors)
	if p.bylineCache == nil {
		p.bylineCache = map[string][]string{}
	}
	p.bylineCache[text] = people
	return people
}

// fullNames reports names that all have a given name and a surname
// (at least two words).
func fullNames(names []string) bool {
	for _, n := range names {
		if len(strings.Fields(n)) < 2 {
			return false
		}
	}
	return len(names) > 0
}

// chooseDates takes the publication and modification dates from the most
// trusted source that gives one (see doc.go). A date after now is
// dropped, and so is a modification before the publication. A date given
// without a zone is placed in the page's zone (see pageZone), else UTC.
func chooseDates(p *page, ld *ldData, pageURL *url.URL, now time.Time) (published, modified time.Time) {
	var ldPub, ldMod []string
	if ld.article != nil {
		ldPub = []string{ldString(ld.article["datePublished"]), ldString(ld.article["dateCreated"])}
		ldMod = []string{ldString(ld.article["dateModified"])}
	}
	pubMetas := p.metaAll("article:published_time", "og:article:published_time", "article:published", "published_time",
		"parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dcterms.date", "dc.date",
		"dcterms.created", "dc.date.created", "citation_publication_date", "citation_date", "citation_online_date",
		"pubdate", "publishdate", "publish-date", "publish_date", "article.published", "og:published_time",
		"originalpublicationdate", "displaydate", "date", "article_date_original", "cxenseparse:recs:publishtime",
		"release_date", "created")
	modMetas := p.metaAll("article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
		"modified_time", "dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "parsely-updated")
	itemPub, itemMod := p.itemValue("datepublished", "datecreated"), p.itemValue("datemodified")
	// Machine-readable values, in order of trust: they tell the page's zone.
	machine := make([]string, 0, len(ldPub)+len(ldMod)+len(pubMetas)+len(modMetas)+len(p.times)+2)
	machine = append(append(append(append(machine, ldPub...), ldMod...), pubMetas...), modMetas...)
	machine = append(machine, itemPub, itemMod)
	for _, d := range p.times {
		if d.fromAttr {
			machine = append(machine, d.value)
		}
	}
	dates := newDateMemo()
	zone := pageZone(p, machine, dates)

	ok := func(w when) bool { return !w.t.IsZero() && !w.in(zone).After(now) }
	pick := func(vals ...string) when {
		for _, v := range vals {
			if w, good := dates.parse(v); good && ok(w) {
				return w
			}
		}
		return when{}
	}
	pub := pick(ldPub...)
	if pub.t.IsZero() {
		pub = pick(pubMetas...)
	}
	if pub.t.IsZero() {
		pub = pick(itemPub)
	}
	if pub.t.IsZero() {
		pub = timeElement(p, ok, dates)
	}
	if pub.t.IsZero() {
		pub = headLineDate(p, ok)
	}
	if pub.t.IsZero() {
		// The page's address, else the canonical or og:url one (a saved
		// file, or a page fetched at a short or redirecting address).
		paths := []string{}
		if pageURL != nil {
			paths = append(paths, pageURL.Path)
		}
		for _, v := range append(append([]string{}, p.canonical...), p.metaValues("og:url")...) {
			if u, err := url.Parse(strings.TrimSpace(v)); err == nil {
				paths = append(paths, u.Path)
			}
		}
		for _, path := range paths {
			if w, good := urlDate(path); good && ok(w) {
				pub = w
				break
			}
		}
	}
	mod := pick(ldMod...)
	if mod.t.IsZero() {
		mod = pick(modMetas...)
	}
	if mod.t.IsZero() {
		mod = pick(itemMod)
	}
	published, modified = place(pub, zone, machine, dates), place(mod, zone, machine, dates)
	if !modified.IsZero() && !published.IsZero() && modified.Before(published) {
		modified = time.Time{}
	}
	return published, modified
}

// dateMemo holds parseDate's and parseTextDate's results by value:
// chooseDates reads the same machine-readable values for the page's zone,
// for the choice and for placing the choice, and the same written dates
// for the zone and in each pass of timeElement; a value that fits no
// layout costs an error value per layout tried.
type dateMemo struct {
	machine, text map[string]parsedDate
}

type parsedDate struct {
	w  when
	ok bool
}

func newDateMemo() *dateMemo {
	return &dateMemo{machine: map[string]parsedDate{}, text: map[string]parsedDate{}}
}

// parse is parseDate(s).
func (m *dateMemo) parse(s string) (when, bool) { return memoDate(m.machine, s, parseDate) }

// parseText is parseTextDate(s).
func (m *dateMemo) parseText(s string) (when, bool) { return memoDate(m.text, s, parseTextDate) }

func memoDate(memo map[string]parsedDate, s string, parse func(string) (when, bool)) (when, bool) {
	if s == "" {
		return when{}, false
	}
	if r, found := memo[s]; found {
		return r.w, r.ok
	}
	w, ok := parse(s)
	memo[s] = parsedDate{w, ok}
	return w, ok
}

// pageZone is the page's time zone: the offset of the first of its dates
// that names one, machine-readable values first (in order of trust), then
// the written dates of the page. Nil when none does.
func pageZone(p *page, machine []string, dates *dateMemo) *time.Location {
	for _, v := range machine {
		if w, good := dates.parse(v); good && w.zoned {
			return w.t.Location()
		}
	}
	for _, d := range p.times {
		if d.fromAttr {
			continue
		}
		if w, good := dates.parseText(d.value); good && w.zoned {
			return w.t.Location()
		}
	}
	return nil
}

// place gives a chosen date its zone. A date in UTC (or a wall clock
// without zone) that another value of the page gives as the same instant
// with an offset takes that offset; a day or a wall clock without zone is
// read in the page's zone.
func place(w when, zone *time.Location, machine []string, dates *dateMemo) time.Time {
	if w.t.IsZero() {
		return time.Time{}
	}
	if offset(w.t) == 0 && (!w.local || w.t.Hour()+w.t.Minute()+w.t.Second() != 0) {
		for _, v := range machine {
			if o, good := dates.parse(v); good && o.zoned && o.t.Equal(w.t) && offset(o.t) != 0 {
				return o.t
			}
		}
	}
	return w.in(zone)
}

// timeElement is the publication date from <time> and date-classed
// elements: one marked as the publication first, then the first in the
// article that is not an update, machine-readable values before text.
func timeElement(p *page, ok func(when) bool, dates *dateMemo) when {
	parse := func(d dateNode) (when, bool) {
		if d.fromAttr {
			return dates.parse(d.value)
		}
		return dates.parseText(d.value)
	}
	try := func(cond func(d dateNode) bool) when {
		for _, d := range p.times {
			if !cond(d) {
				continue
			}
			if w, good := parse(d); good && ok(w) {
				return w
			}
		}
		return when{}
	}
	for _, cond := range []func(d dateNode) bool{
		func(d dateNode) bool { return d.published && !d.updated && d.fromAttr },
		func(d dateNode) bool { return d.published && !d.updated },
		func(d dateNode) bool { return d.inArticle && !d.updated && d.fromAttr },
		func(d dateNode) bool { return d.inArticle && !d.updated },
		func(d dateNode) bool { return !d.updated && d.fromAttr },
	} {
		if w := try(cond); !w.t.IsZero() {
			return w
		}
	}
	// Written dates in date-classed elements outside the article: only
	// when they all name the same day.
	var day when
	for _, d := range p.times {
		if d.updated {
			continue
		}
		w, good := parse(d)
		if !good || !ok(w) {
			continue
		}
		if !day.t.IsZero() && w.t.Format(time.DateOnly) != day.t.Format(time.DateOnly) {
			day = when{}
			break
		}
		day = w
	}
	if !day.t.IsZero() {
		return day
	}
	// A written date in the byline ("Von Moritz Bachmann publiziert am 30.
	// Juli 2018"), before any "Updated".
	for _, b := range p.bylines {
		if !b.inArticle && !b.strong && !b.byText {
			continue
		}
		text := b.text
		if loc := updatedRe.FindStringIndex(text); loc != nil {
			text = text[:loc[0]]
		}
		if w, good := dates.parseText(text); good && ok(w) {
			return w
		}
	}
	return when{}
}

func offset(t time.Time) int {
	_, off := t.Zone()
	return off
}

// headLineDate is a written date in a header line under the headline
// ("Staff report · October 4, 2024"), before any "Updated".
func headLineDate(p *page, ok func(when) bool) when {
	for _, t := range p.headLines {
		if loc := updatedRe.FindStringIndex(t); loc != nil {
			t = t[:loc[0]]
		}
		if w, good := parseTextDate(t); good && ok(w) {
			return w
		}
	}
	return when{}
}

// containsName reports whether s (lower-case) holds one of names.
func containsName(s string, names map[string]bool) bool {
	for n := range names {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}
