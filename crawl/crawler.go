package crawl

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/gocolly/colly/v2"
	"github.com/gocolly/colly/v2/queue"
	"golang.org/x/net/publicsuffix"

	"byline/extract"
)

// DefaultConcurrency is the number of pages a crawl works on at once when
// [Crawler.Concurrency] is 0.
const DefaultConcurrency = 8

// MinArticleWords is the body length from which a page with no article
// markup is taken for an article (when little of it is link text). In
// scripts written without spaces two characters count as a word.
const MinArticleWords = 100

// maxSitemaps bounds the sitemap files one crawl reads (indexes included).
const maxSitemaps = 1000

// Scope says which discovered URLs a crawl follows.
type Scope int

const (
	// ScopeHost follows URLs on a seed's host ("www." aside).
	ScopeHost Scope = iota
	// ScopeDomain follows URLs on any host of a seed's registrable domain
	// (news.example.co.uk and www.example.co.uk are both example.co.uk).
	ScopeDomain
	// ScopePrefix follows URLs under a seed's directory: for the seed
	// https://example.com/news/ (or /news/index.html), /news/...
	ScopePrefix
)

// ParseScope reads a scope name: "host", "domain" or "prefix".
func ParseScope(s string) (Scope, error) {
	switch strings.ToLower(s) {
	case "host", "":
		return ScopeHost, nil
	case "domain":
		return ScopeDomain, nil
	case "prefix":
		return ScopePrefix, nil
	}
	return 0, fmt.Errorf("unknown scope %q (want host, domain or prefix)", s)
}

func (s Scope) String() string {
	switch s {
	case ScopeDomain:
		return "domain"
	case ScopePrefix:
		return "prefix"
	}
	return "host"
}

// Why a redirect was not followed, in a crawl. Neither is reported: the
// page is a duplicate, or out of scope.
var (
	errRedirectDone     = errors.New("redirects to a page fetched already")
	errRedirectOffScope = errors.New("redirects out of the crawl's scope")
)

// PanicError is a panic recovered while one page was processed; the crawl
// goes on with the others.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("internal error: %v", e.Value) }

// Crawler crawls sites from seed URLs and extracts their articles. The zero
// value crawls the seeds' hosts with default politeness; set the fields
// before Run and do not change them while it runs.
type Crawler struct {
	// Client fetches (robots.txt, politeness, retries, cache); nil means a
	// zero [Client].
	Client *Client
	// Scope limits the URLs followed; the seeds are always fetched.
	Scope Scope
	// MaxDepth is the most link hops from a seed (URLs from sitemaps and
	// feeds count as one hop); 0 means no limit.
	MaxDepth int
	// MaxPages is the most pages fetched, seeds included; 0 means no limit.
	// Pages count as they are queued, in the order they are found (a
	// page's links in document order), so that a crawl run again with the
	// same Concurrency of 1 fetches the same pages. Links that robots.txt
	// disallows, that are out of scope or filtered out, and links to files
	// that are no pages (by extension: images, PDFs, media...) are never
	// queued and do not count; robots.txt, sitemaps and feeds do not count.
	// A queued page that turns out to be one fetched already (through a
	// redirect) is not fetched again, but counts.
	MaxPages int
	// Include, when not empty, limits the URLs followed to those matching
	// one of its expressions; Exclude drops URLs matching any of its
	// expressions. Both apply to normalised URLs, never to the seeds.
	Include, Exclude []*regexp.Regexp
	// Sitemaps reads the sitemaps named in robots.txt and /sitemap.xml of
	// each seed's site for more URLs.
	Sitemaps bool
	// Feeds reads the RSS and Atom feeds that pages link to for more URLs.
	Feeds bool
	// AllPages emits every page, not only articles.
	AllPages bool
	// Concurrency is the number of pages worked on at once (requests to one
	// host are still limited by the Client); 0 means DefaultConcurrency.
	Concurrency int
	// Extract is the extraction options; URL and ContentType are set per page.
	Extract extract.Options
	// Skip, when set, is asked before a page would be emitted; a page it
	// returns true for is not emitted (its links are still followed). For
	// resuming a crawl: it gets the Result's Source.
	Skip func(source string) bool
	// Progress, when set, is called after each page with the counts so far.
	Progress func(CrawlStats)
	// Warn, when set, is told of failures that are not pages: sitemaps and
	// feeds that could not be fetched or read.
	Warn func(error)
}

// CrawlStats counts what a crawl did.
type CrawlStats struct {
	Queued     int // URLs admitted and not yet worked on
	Fetched    int // pages requested (or read from the cache)
	Emitted    int // articles (or pages) emitted
	Failed     int // pages that failed (each one emitted as an error Result)
	Robots     int // URLs not fetched because robots.txt disallows them
	Duplicates int // pages not emitted because an equal one was
	Skipped    int // pages not emitted because Skip said so
	NotArticle int // pages fetched but not emitted as they are no articles
	Sitemaps   int // sitemap files to read (queued; at most 1000)
	Feeds      int // feeds read
}

// Result is one emitted page: an article, or an error.
type Result struct {
	// Source is the seed as given, or the normalised URL of a discovered page.
	Source  string
	Depth   int
	Article *extract.Article // nil when Err is set (except for ErrNoContent)
	Err     error
}

// Run crawls from seeds until no URL in scope is left, MaxPages is reached
// or ctx ends, and calls emit for each article and for each page that
// failed. Calls to emit, Progress and Warn come one at a time. Pages
// disallowed by robots.txt and non-HTML files are counted but not emitted,
// unless they are seeds. Run returns ctx's error when it ended the crawl,
// and an error for a seed that is no http(s) URL (before crawling).
func (c *Crawler) Run(ctx context.Context, seeds []string, emit func(Result)) (CrawlStats, error) {
	r := &crawlRun{
		c:       c,
		ctx:     ctx,
		client:  c.Client,
		seen:    map[string]bool{},
		done:    map[string]bool{},
		emitted: map[string]bool{},
		emit:    emit,
		store:   &memQueue{},
	}
	if r.client == nil {
		r.client = &Client{}
	}
	type seed struct{ raw, norm string }
	var ss []seed
	for _, s := range seeds {
		n, err := NormalizeURL(s)
		if err != nil {
			return CrawlStats{}, fmt.Errorf("seed %s: %w", s, err)
		}
		ss = append(ss, seed{s, n})
		r.addScope(n)
	}
	threads := c.Concurrency
	if threads <= 0 {
		threads = DefaultConcurrency
	}
	q, err := queue.New(threads, r.store)
	if err != nil {
		return CrawlStats{}, err
	}
	r.q = q
	origins := map[string]bool{}
	for _, s := range ss {
		if r.seen[s.norm] {
			continue
		}
		r.seen[s.norm] = true
		r.admitted++ // seeds are always fetched, and count
		r.enqueue(kindPage, s.norm, 0, s.raw)
		if c.Sitemaps {
			u, _ := url.Parse(s.norm)
			if o := u.Scheme + "://" + u.Host; !origins[o] {
				origins[o] = true
				r.enqueue(kindRobots, o, 0, "")
			}
		}
	}
	stop := context.AfterFunc(ctx, r.stop)
	defer stop()

	// colly drives the queue: its worker pool takes requests from r.store
	// and calls OnRequest, where byline fetches and processes the page
	// itself (see doc.go for why colly's own fetching is not used).
	// Built without NewCollector, which would let COLLY_* environment
	// variables change the crawl (and log unknown ones).
	col := &colly.Collector{}
	col.Init()
	col.AllowURLRevisit = true
	col.OnRequest(func(req *colly.Request) {
		req.Abort()
		r.handle(req.Ctx.Get("kind"), req.Ctx.Get("u"), req.Depth, req.Ctx.Get("seed"))
	})
	if err := q.Run(col); err != nil {
		return r.snapshot(), err
	}
	return r.snapshot(), ctx.Err()
}

const (
	kindPage    = "page"
	kindRobots  = "robots" // read robots.txt for its Sitemap lines
	kindSitemap = "sitemap"
	kindGuess   = "sitemap-guess" // /sitemap.xml, tried unasked: failures are not news
	kindFeed    = "feed"
)

type crawlRun struct {
	c      *Crawler
	ctx    context.Context
	client *Client
	q      *queue.Queue
	store  *memQueue

	mu       sync.Mutex
	seen     map[string]bool // normalised URLs admitted, by kind prefix
	done     map[string]bool // pages fetched, by requested and final URL
	emitted  map[string]bool // normalised URLs and canonical URLs emitted
	scopes   []scopeRule
	stopped  bool
	admitted int // pages queued (for MaxPages)
	stats    CrawlStats

	outMu sync.Mutex // serialises emit, Progress, Warn
	emit  func(Result)
}

// scopeRule is one seed's scope, in the three forms.
type scopeRule struct {
	host   string // lower-case host:port without a leading "www."
	domain string // registrable domain
	prefix string // host + path prefix, scheme left out
}

func (r *crawlRun) addScope(norm string) {
	u, err := url.Parse(norm)
	if err != nil {
		return
	}
	rule := scopeRule{host: stripWWW(u.Host)}
	if d, err := publicsuffix.EffectiveTLDPlusOne(u.Hostname()); err == nil {
		rule.domain = d
	} else {
		rule.domain = u.Hostname()
	}
	dir := u.EscapedPath()
	if !strings.HasSuffix(dir, "/") {
		i := strings.LastIndexByte(dir, '/')
		if last := dir[i+1:]; strings.Contains(last, ".") {
			dir = dir[:i+1] // a file: its directory
		} else {
			dir += "/" // a directory named without its slash
		}
	}
	rule.prefix = rule.host + dir
	r.mu.Lock()
	r.scopes = append(r.scopes, rule)
	r.mu.Unlock()
}

func stripWWW(h string) string { return strings.TrimPrefix(h, "www.") }

func (r *crawlRun) inScope(u *url.URL) bool {
	host := stripWWW(u.Host)
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.scopes {
		switch r.c.Scope {
		case ScopeHost:
			if host == s.host {
				return true
			}
		case ScopeDomain:
			h := u.Hostname()
			if h == s.domain || strings.HasSuffix(h, "."+s.domain) {
				return true
			}
		case ScopePrefix:
			p := host + u.EscapedPath()
			if strings.HasPrefix(p, s.prefix) || p+"/" == s.prefix {
				return true
			}
		}
	}
	return false
}

func (r *crawlRun) passesFilters(norm string) bool {
	for _, re := range r.c.Exclude {
		if re.MatchString(norm) {
			return false
		}
	}
	if len(r.c.Include) == 0 {
		return true
	}
	for _, re := range r.c.Include {
		if re.MatchString(norm) {
			return true
		}
	}
	return false
}

// admit queues a discovered page URL if it is new, in scope, passes the
// filters, is not too deep, robots.txt allows it and MaxPages leaves room.
// A disallowed URL is never queued, so it takes no room. The calls for
// one page's links come one after another, in document order.
func (r *crawlRun) admit(raw string, depth int) {
	if r.c.MaxDepth > 0 && depth > r.c.MaxDepth {
		return
	}
	norm, err := NormalizeURL(raw)
	if err != nil {
		return
	}
	u, err := url.Parse(norm)
	if err != nil || skipByExtension(u) || !r.inScope(u) || !r.passesFilters(norm) {
		return
	}
	r.mu.Lock()
	known := r.seen[norm] || r.stopped || r.full()
	r.mu.Unlock()
	if known {
		return
	}
	if !r.client.IgnoreRobots {
		// Cached per origin: only the first link to a new origin waits
		// for its robots.txt.
		ok, err := r.client.Allowed(r.ctx, u)
		if err != nil {
			return // ctx ended
		}
		if !ok {
			r.mu.Lock()
			if !r.seen[norm] {
				r.seen[norm] = true
				r.stats.Robots++
			}
			r.mu.Unlock()
			return
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.seen[norm] || r.stopped || r.full() {
		return
	}
	r.seen[norm] = true
	r.admitted++
	r.enqueueLocked(kindPage, norm, depth, "")
}

// full reports that MaxPages pages are queued or done. r.mu is held.
func (r *crawlRun) full() bool {
	return r.c.MaxPages > 0 && r.admitted >= r.c.MaxPages
}

// spent reports that no more pages can be queued: discovery (sitemaps,
// feeds) is then pointless.
func (r *crawlRun) spent() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stopped || r.full()
}

// admitResource queues a sitemap or feed URL once.
func (r *crawlRun) admitResource(kind, raw string, depth int) {
	norm, err := NormalizeURL(raw)
	if err != nil {
		return
	}
	keyKind := kind
	if kind == kindGuess {
		keyKind = kindSitemap
	}
	key := keyKind + " " + norm
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.seen[key] || r.stopped {
		return
	}
	if keyKind == kindSitemap {
		if r.stats.Sitemaps >= maxSitemaps {
			return
		}
		r.stats.Sitemaps++ // counted when queued, to bound the total
	}
	r.seen[key] = true
	r.enqueueLocked(kind, norm, depth, "")
}

func (r *crawlRun) enqueue(kind, u string, depth int, seed string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.enqueueLocked(kind, u, depth, seed)
}

// enqueueLocked adds a request to colly's queue. r.mu is held so that no
// request is added after stop: colly's queue would then wait forever for
// its loop to take it.
func (r *crawlRun) enqueueLocked(kind, u string, depth int, seed string) {
	if r.stopped {
		return
	}
	pu, err := url.Parse(u)
	if err != nil {
		return
	}
	cctx := colly.NewContext()
	cctx.Put("kind", kind)
	cctx.Put("u", u)
	if seed != "" {
		cctx.Put("seed", seed)
	}
	if err := r.q.AddRequest(&colly.Request{URL: pu, Method: "GET", Depth: depth, Ctx: cctx}); err == nil && kind == kindPage {
		r.stats.Queued++
	}
}

// stop ends the crawl: nothing more is queued and what is queued is
// dropped; what is in flight finishes.
func (r *crawlRun) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.stopped {
		r.stopped = true
		r.store.stop()
		r.stats.Queued = 0
	}
}

func (r *crawlRun) snapshot() CrawlStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stats
}

func (r *crawlRun) count(f func(s *CrawlStats)) {
	r.mu.Lock()
	f(&r.stats)
	r.mu.Unlock()
}

func (r *crawlRun) handle(kind, u string, depth int, seed string) {
	if r.ctx.Err() != nil {
		return
	}
	defer func() {
		if v := recover(); v != nil {
			err := &PanicError{Value: v, Stack: debug.Stack()}
			if kind == kindPage {
				r.fail(sourceOf(u, seed), depth, err)
			} else {
				r.warn(fmt.Errorf("%s %s: %w", kind, u, err))
			}
		}
	}()
	switch kind {
	case kindPage:
		r.page(u, depth, seed)
		r.count(func(s *CrawlStats) {
			if s.Queued > 0 {
				s.Queued--
			}
		})
		r.progress()
	case kindRobots, kindSitemap, kindGuess, kindFeed:
		if r.spent() {
			return // nothing they list could be queued
		}
		switch kind {
		case kindRobots:
			r.robots(u)
		case kindFeed:
			r.feed(u, depth)
		default:
			r.sitemap(u, kind == kindGuess)
		}
	}
}

func sourceOf(u, seed string) string {
	if seed != "" {
		return seed
	}
	return u
}

// reserve counts a page fetch about to start; false when the crawl has
// stopped. (MaxPages is applied when pages are queued.)
func (r *crawlRun) reserve() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped {
		return false
	}
	r.stats.Fetched++
	return true
}

func (r *crawlRun) page(u string, depth int, seed string) {
	source := sourceOf(u, seed)
	pu, err := url.Parse(u)
	if err != nil {
		r.fail(source, depth, fmt.Errorf("%w: %w", ErrBadURL, err))
		return
	}
	if !r.client.IgnoreRobots {
		if err := r.client.CheckRobots(r.ctx, pu); err != nil {
			if r.ctx.Err() != nil {
				return
			}
			r.count(func(s *CrawlStats) { s.Robots++ })
			if seed != "" {
				r.fail(source, depth, err)
			}
			return
		}
	}
	r.mu.Lock()
	already := r.done[u]
	r.done[u] = true
	r.mu.Unlock()
	if already {
		// Fetched already as the target of a redirect.
		r.count(func(s *CrawlStats) { s.Duplicates++ })
		return
	}
	if !r.reserve() {
		return
	}
	// Redirect targets are claimed before they are followed, so that a page
	// reached by two URLs (a redirect and a direct link, or two redirects)
	// is fetched once, whichever comes first; mine holds the URLs of this
	// fetch (a redirect to the same page, e.g. to set a cookie, is let be).
	mine := map[string]bool{u: true}
	ctx := withRedirectCheck(r.ctx, func(target *url.URL) error {
		n, err := normalizeParsed(target)
		if err != nil {
			return nil // the fetch reports it
		}
		if seed == "" && !r.inScope(target) {
			return errRedirectOffScope
		}
		r.mu.Lock()
		defer r.mu.Unlock()
		if mine[n] {
			return nil
		}
		if r.done[n] {
			return errRedirectDone
		}
		r.done[n], r.seen[n], mine[n] = true, true, true
		return nil
	})
	p, err := r.client.Get(ctx, u)
	if err != nil {
		switch {
		case r.ctx.Err() != nil:
		case errors.Is(err, errRedirectDone):
			r.count(func(s *CrawlStats) { s.Duplicates++ })
		case errors.Is(err, errRedirectOffScope), errors.Is(err, ErrNotHTML) && seed == "":
			r.count(func(s *CrawlStats) { s.NotArticle++ })
		default:
			r.fail(source, depth, err)
		}
		return
	}
	final := u
	if n, err := normalizeParsed(p.URL); err == nil && n != u {
		final = n
		fu, _ := url.Parse(final)
		if seed != "" {
			r.addScope(final) // a seed's redirect target is in scope
		} else if !r.inScope(fu) {
			r.count(func(s *CrawlStats) { s.NotArticle++ })
			return
		}
		// A page from the cache came without its redirects being checked.
		r.mu.Lock()
		dup := r.done[final] && !mine[final]
		r.done[final], r.seen[final] = true, true
		r.mu.Unlock()
		if dup {
			// Another URL led to the same page, which was done already.
			r.count(func(s *CrawlStats) { s.Duplicates++ })
			return
		}
	}
	r.process(p, source, u, final, depth, seed != "")
}

// process parses a fetched page once, follows its links, and emits it if
// it is an article (or AllPages is set).
func (r *crawlRun) process(p *Page, source, u, final string, depth int, isSeed bool) {
	a := analyze(p, r.c.Extract, !r.c.AllPages)
	pl, art, xerr := a.links, a.art, a.err
	if !pl.nofollow {
		for _, l := range pl.links {
			r.admit(l, depth+1)
		}
	}
	if r.c.Feeds {
		for _, f := range pl.feeds {
			r.admitResource(kindFeed, f, depth)
		}
	}
	if xerr != nil && !errors.Is(xerr, extract.ErrNoContent) {
		if errors.Is(xerr, extract.ErrNotHTML) && !isSeed {
			// A file that is no page, found by a link (not a seed), sent
			// as octet-stream: skipped, as by its Content-Type.
			r.count(func(s *CrawlStats) { s.NotArticle++ })
			return
		}
		r.fail(source, depth, xerr)
		return
	}
	if !r.c.AllPages && !a.article {
		r.count(func(s *CrawlStats) { s.NotArticle++ })
		return
	}
	// One article is emitted once, whatever URL it was reached by.
	keys := []string{u, final}
	canon := pl.canonical
	if canon == "" && art != nil {
		canon = art.CanonicalURL
	}
	if n, err := NormalizeURL(canon); err == nil && canon != "" {
		keys = append(keys, n)
	}
	r.mu.Lock()
	dup := false
	for _, k := range keys {
		dup = dup || r.emitted[k]
	}
	if !dup {
		for _, k := range keys {
			r.emitted[k] = true
		}
	}
	r.mu.Unlock()
	if dup {
		r.count(func(s *CrawlStats) { s.Duplicates++ })
		return
	}
	if r.c.Skip != nil && r.c.Skip(source) {
		r.count(func(s *CrawlStats) { s.Skipped++ })
		return
	}
	if art != nil {
		art.Source = source
	}
	if xerr != nil {
		// An article page with no text found: what extraction saw goes
		// along (its Removed says why, with Explain).
		r.failed(Result{Source: source, Depth: depth, Article: art, Err: xerr})
		return
	}
	r.count(func(s *CrawlStats) { s.Emitted++ })
	r.out(func() { r.emit(Result{Source: source, Depth: depth, Article: art}) })
}

// analysis is what a crawl learns from one page.
type analysis struct {
	links *pageLinks
	art   *extract.Article // nil on an extraction error other than ErrNoContent
	err   error            // the extraction error
	// article says the page is an article (set only when asked to judge):
	// extracted and judged so, or declared one by its markup even if no
	// text was found (an error to report).
	article bool
}

// analyze parses a fetched page once: it collects the links and, when
// judge is set, the declared type and teaser cards from the untouched tree,
// then extracts the article from the same tree. A page that cannot be read
// or parsed has its error in the analysis, as an extraction error.
func analyze(p *Page, opts extract.Options, judge bool) *analysis {
	opts.URL = p.URL
	opts.ContentType = p.ContentType
	a := &analysis{links: &pageLinks{}}
	var teasers []string
	doc, text, err := extract.Parse(p.Body, &opts)
	switch {
	case err != nil:
		a.err = err
	case doc == nil:
		// Plain text: no links to follow.
		a.art, a.err = extract.ExtractText(text, &opts)
	default:
		// Everything read from the tree is read before extraction, which
		// changes it.
		a.links = collectLinks(doc, p.URL)
		if judge {
			teasers = findTeasers(doc)
		}
		a.art, a.err = extract.ExtractDocument(doc, &opts)
	}
	if judge && (a.err == nil || errors.Is(a.err, extract.ErrNoContent)) {
		ok, typed := isArticle(a.art.PageType, a.art, a.links.anchors, teasers)
		a.article = ok || typed && errors.Is(a.err, extract.ErrNoContent)
	}
	return a
}

// articleTypes are declared page types (og:type, schema.org @type,
// lower-cased) that mark an article.
var articleTypes = []string{"article", "blogposting", "report", "newsarticle"}

// isArticle decides whether a page is an article: its markup says so, or
// its main text is long; either way the text must not be made of link text
// (anchors) or of the summaries of teaser cards (teasers), as on index
// pages. typed reports the markup's say.
func isArticle(typ string, a *extract.Article, anchors, teasers []string) (ok, typed bool) {
	typ = strings.ToLower(typ)
	for _, t := range articleTypes {
		if strings.Contains(typ, t) {
			typed = true
		}
	}
	if a == nil || a.Body == "" {
		return false, typed
	}
	if share(a.Body, teasers) >= 0.5 {
		return false, typed
	}
	density := share(a.Body, anchors)
	if typed {
		return density < 0.5, true
	}
	words := a.WordCount + cjkRunes(a.Body)/2
	return words >= MinArticleWords && density < 0.3, false
}

// share is the part of the body's text that the given texts make up
// (headline links, each occurrence counted, or teaser paragraphs), by
// length, which works the same in every script.
func share(body string, texts []string) float64 {
	if len(body) == 0 {
		return 0
	}
	n := 0
	for _, t := range texts {
		if c := strings.Count(body, t); c > 0 {
			n += c * len(t)
		}
	}
	return min(float64(n)/float64(len(body)), 1)
}

func (r *crawlRun) fail(source string, depth int, err error) {
	r.failed(Result{Source: source, Depth: depth, Err: err})
}

// failed counts and emits the Result of a page that failed.
func (r *crawlRun) failed(res Result) {
	r.count(func(s *CrawlStats) { s.Failed++ })
	r.out(func() { r.emit(res) })
}

func (r *crawlRun) warn(err error) {
	if r.c.Warn != nil {
		r.out(func() { r.c.Warn(err) })
	}
}

func (r *crawlRun) progress() {
	if r.c.Progress != nil {
		st := r.snapshot()
		r.out(func() { r.c.Progress(st) })
	}
}

func (r *crawlRun) out(f func()) {
	r.outMu.Lock()
	defer r.outMu.Unlock()
	f()
}

// robots reads an origin's robots.txt for its Sitemap lines and queues
// them, and /sitemap.xml.
func (r *crawlRun) robots(origin string) {
	u, err := url.Parse(origin)
	if err != nil {
		return
	}
	rob, err := r.client.Robots(r.ctx, u)
	if err != nil {
		return // ctx ended
	}
	for _, s := range rob.Sitemaps {
		if su, err := u.Parse(s); err == nil {
			r.admitResource(kindSitemap, su.String(), 0)
		}
	}
	r.admitResource(kindGuess, origin+"/sitemap.xml", 0)
}

// sitemap reads a sitemap and queues what it lists. A guessed one (not
// named by robots.txt or an index) that is missing or no sitemap is
// passed over in silence.
func (r *crawlRun) sitemap(u string, guess bool) {
	p, err := r.client.GetResource(r.ctx, u)
	if err != nil {
		if r.ctx.Err() == nil && !guess {
			r.warn(fmt.Errorf("sitemap %s: %w", u, err))
		}
		return
	}
	sm, err := ParseSitemap(p.Body)
	if err != nil {
		if !guess {
			r.warn(fmt.Errorf("sitemap %s: %w", u, err))
		}
		return
	}
	for _, s := range sm.Sitemaps {
		if su, err := p.URL.Parse(s); err == nil {
			r.admitResource(kindSitemap, su.String(), 0)
		}
	}
	for _, e := range sm.URLs {
		if eu, err := p.URL.Parse(e.Loc); err == nil {
			r.admit(eu.String(), 1)
		}
	}
}

func (r *crawlRun) feed(u string, depth int) {
	p, err := r.client.GetResource(r.ctx, u)
	if err != nil {
		if r.ctx.Err() == nil {
			r.warn(fmt.Errorf("feed %s: %w", u, err))
		}
		return
	}
	r.count(func(s *CrawlStats) { s.Feeds++ })
	links, err := ParseFeed(p.Body)
	if err != nil {
		r.warn(fmt.Errorf("feed %s: %w", u, err))
		return
	}
	for _, l := range links {
		if lu, err := p.URL.Parse(l); err == nil {
			r.admit(lu.String(), depth+1)
		}
	}
}

// memQueue is the crawl's queue storage for colly: an unbounded FIFO that
// can be emptied at once to stop the crawl (colly's Queue.Stop leaves its
// workers blocked).
type memQueue struct {
	mu      sync.Mutex
	items   [][]byte
	head    int
	stopped bool
}

var errQueueStopped = errors.New("crawl queue stopped")

func (m *memQueue) Init() error { return nil }

func (m *memQueue) AddRequest(b []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.stopped {
		return errQueueStopped
	}
	m.items = append(m.items, b)
	return nil
}

func (m *memQueue) GetRequest() ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.head >= len(m.items) {
		return nil, errQueueStopped
	}
	b := m.items[m.head]
	m.items[m.head] = nil
	m.head++
	if m.head > 1024 && m.head*2 > len(m.items) {
		m.items = append([][]byte(nil), m.items[m.head:]...)
		m.head = 0
	}
	return b, nil
}

func (m *memQueue) QueueSize() (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.items) - m.head, nil
}

func (m *memQueue) stop() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.stopped = true
	m.items, m.head = nil, 0
}
