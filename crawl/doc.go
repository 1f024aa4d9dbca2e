// Package crawl fetches pages and crawls sites for byline. It holds no
// extraction rules: pages go to package extract.
//
// Files:
//
//	fetch.go      Fetcher: one GET, redirects, size and time limits, typed errors
//	client.go     Client: robots.txt checks, per-host politeness, retries, cache use
//	robots.go     ParseRobots: robots.txt per RFC 9309 (pure; fuzzed)
//	normalize.go  NormalizeURL: the one form of a URL used to tell pages apart (pure; fuzzed)
//	sitemap.go    ParseSitemap: sitemaps, indexes, gzip, news sitemaps (pure; fuzzed)
//	feed.go       ParseFeed: RSS, Atom and JSON feed links (gofeed)
//	links.go      links, feeds, canonical URL and teaser cards of a parsed page
//	cache.go      Cache: fetched pages on disk, reused by the next run
//	crawler.go    Crawler: scope, depth, limits, de-duplication, article detection
//
// # Politeness
//
// A [Client] is shared by every request of a run (a batch or a crawl). Per
// host it allows at most PerHost requests in flight (1 by default) and
// spaces the starts of requests by Delay, or by the host's robots.txt
// Crawl-delay when that is longer (capped by MaxCrawlDelay). A 429 or 503
// with Retry-After holds back every request to that host, not only the one
// retried. robots.txt is read once per scheme, host and port and kept for
// the Client's life; a 4xx answer allows everything, a 5xx answer, a 429 or
// no answer disallows everything (RFC 9309 section 2.3.1); the error is then
// a [*RobotsError] that says why. The check is made for the URL asked for:
// the Fetcher follows redirects, also to other hosts, without asking their
// robots.txt (a crawl checks every link before it queues it, so only a
// redirect's target escapes the check).
//
// robots.txt is parsed here rather than with github.com/temoto/robotstxt
// (which colly uses) because that package settles a tie between an Allow
// and a Disallow rule of the same length by file order, where RFC 9309 says
// the Allow rule wins, measures wildcard rules by the length of their
// compiled regular expression rather than their octets, and matches groups
// by user-agent prefix rather than by product token.
//
// # Why colly drives the queue but does not fetch
//
// A crawl uses github.com/gocolly/colly/v2 for what it does well: its
// queue.Queue runs a fixed pool of workers over a request store, carrying
// each request's depth and context, and stops when the store is empty and
// no worker is busy. Each worker's OnRequest callback aborts colly's own
// fetch and hands the request to byline's pipeline, for these reasons:
//
//   - Errors: colly's HTTP backend turns failures into plain errors and
//     statuses; the CLI needs the Fetcher's kinds (timeout, too_large,
//     not_html, http_status with Retry-After) for its records and retries.
//   - Politeness: a colly LimitRule has one slot pool per rule, shared by
//     every host its pattern matches, so it cannot say "one request at a time
//     per host" for hosts not known in advance (a batch of URLs); it has no
//     Retry-After and no Crawl-delay.
//   - robots.txt: see above.
//   - Decoding and parsing: colly re-encodes bodies from the Content-Type
//     charset alone (ignoring <meta charset>) and parses with goquery for
//     its OnHTML callbacks. byline reads each page once with extract.Parse
//     (the same sniffing, decoding and parsing as extract.Extract),
//     collects the links from the tree and then gives the same tree to
//     extract.ExtractDocument.
//   - Cache: colly's cache keeps neither the final URL after redirects nor
//     the Content-Type, which the article's url field and decoding need.
//
// The crawl keeps its own set of admitted URLs (normalised), checked before
// a URL is queued, so the queue never holds duplicates or URLs out of scope;
// colly's visited set is turned off (AllowURLRevisit) as it would only
// repeat that work. The queue store ([memQueue]) is byline's so that a crawl
// can be stopped (MaxPages reached, context cancelled) by emptying it:
// colly's Queue.Stop leaves its workers blocked.
//
// # One article, once
//
// URLs are normalised before they are queued, so links that differ only in
// tracking parameters, fragments, default ports or case lead to one
// request. Each redirect's target is normalised and claimed before it is
// followed: a target fetched (or being fetched) already through another URL
// is not requested again, and a target queued already is not fetched when
// its turn comes. A page is emitted only if none of its requested URL, final
// URL and canonical URL was emitted before.
//
// # Order and MaxPages
//
// A page's links are queued in document order, and the queue is first in,
// first out; MaxPages counts pages as they are queued (after the scope,
// filters, file extensions and robots.txt have had their say), so a crawl
// with Concurrency 1 fetches the same pages in the same order on every run.
//
// # Articles and index pages
//
// A crawl emits article pages only, unless AllPages is set. A page is an
// article when its markup says so (og:type article, a schema.org Article or
// BlogPosting type) or when its extracted body has at least MinArticleWords
// words; in both cases the body must not be made mostly of link text or of
// the summaries of teaser cards (a paragraph sharing a small container with
// a headline link), which is how index, tag and section pages look. Those
// pages are still followed.
package crawl
