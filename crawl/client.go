package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"sync"
	"syscall"
	"time"
)

// Defaults used when the matching [Client] field is zero.
const (
	DefaultMaxCrawlDelay = 10 * time.Second
	DefaultMaxRetryAfter = 60 * time.Second
	DefaultBackoff       = 500 * time.Millisecond
)

// ErrRobots: robots.txt does not allow byline to fetch the URL. The CLI
// reports it as an error of kind "robots". The errors of [Client.Get] and
// [Client.CheckRobots] are [*RobotsError] values that match it.
var ErrRobots = errors.New("disallowed by robots.txt")

// RobotsError is the error of a URL that robots.txt does not let byline
// fetch: a rule disallows it, or robots.txt could not be read and so
// disallows everything (RFC 9309: a 5xx or 429 answer, or no answer). It
// matches [ErrRobots] with errors.Is; it does not unwrap to Cause, so that
// a robots.txt that answered 500 is not taken for a page that did.
type RobotsError struct {
	// URL is the address that was not fetched.
	URL string
	// Cause is why robots.txt could not be read (a [*StatusError], a
	// connection error...); nil when one of its rules disallows URL.
	Cause error
}

// Error says why, without repeating the URL (callers name it already).
func (e *RobotsError) Error() string {
	var se *StatusError
	switch {
	case e.Cause == nil:
		return ErrRobots.Error()
	case errors.As(e.Cause, &se):
		return fmt.Sprintf("robots.txt answered %d: treated as disallowing all", se.Status)
	case errors.Is(e.Cause, ErrTimeout):
		return "robots.txt timed out: treated as disallowing all"
	}
	return fmt.Sprintf("robots.txt could not be fetched (%v): treated as disallowing all", e.Cause)
}

// Is reports target == ErrRobots.
func (e *RobotsError) Is(target error) bool { return target == ErrRobots }

// Client fetches pages politely: it obeys robots.txt, limits the requests
// in flight to each host, spaces them out, retries what may succeed later,
// and can keep what it fetched on disk. The zero value is ready to use; set
// the fields before the first call and do not change them after. A Client
// is safe for concurrent use and caches robots.txt per host for its life.
type Client struct {
	// Fetcher makes the requests; nil means a zero [Fetcher].
	Fetcher *Fetcher
	// PerHost is the most requests in flight to one host; 0 means 1.
	PerHost int
	// Delay is the least time between the starts of two requests to one
	// host; 0 means none. A larger Crawl-delay in robots.txt wins, up to
	// MaxCrawlDelay.
	Delay time.Duration
	// IgnoreRobots skips the robots.txt checks (robots.txt is still read
	// for its Sitemap lines when a crawl asks for them).
	IgnoreRobots bool
	// RobotsAgent is the product token looked for in robots.txt; "" means
	// [RobotsAgent] ("byline"). [ProductToken] derives it from a
	// User-Agent.
	RobotsAgent string
	// MaxCrawlDelay caps the Crawl-delay taken from robots.txt. 0 means
	// DefaultMaxCrawlDelay (10s); a negative value ignores Crawl-delay.
	MaxCrawlDelay time.Duration
	// Retries is how many times a failed request is tried again: after a
	// 429 or 503 (waiting as long as Retry-After asks, up to MaxRetryAfter),
	// another 5xx, or a connection error (waiting Backoff, doubled on each
	// try, with jitter). 0 means no retries. Timeouts are not retried.
	Retries int
	// MaxRetryAfter caps the wait a Retry-After header asks for. 0 means
	// DefaultMaxRetryAfter (60s).
	MaxRetryAfter time.Duration
	// Backoff is the first wait before a retry; 0 means DefaultBackoff.
	Backoff time.Duration
	// Cache, when not nil, keeps fetched pages and reuses them instead of
	// fetching again. Cache hits skip politeness waits but not robots.txt.
	Cache *Cache

	mu     sync.Mutex
	hosts  map[string]*hostState   // by host[:port]
	robots map[string]*robotsEntry // by scheme://host[:port]
}

// hostState paces the requests to one host.
type hostState struct {
	sem chan struct{} // one token per request in flight

	mu    sync.Mutex
	next  time.Time     // the earliest start of the next request
	delay time.Duration // current gap between request starts
}

type robotsEntry struct {
	done  chan struct{} // closed when robots and err are set
	rules *RobotsRules
	data  *Robots
	cause error // why robots.txt could not be read, when it disallows all
	err   error // only a context error: the entry is then dropped
}

func (c *Client) fetcher() *Fetcher {
	if c.Fetcher == nil {
		return &Fetcher{}
	}
	return c.Fetcher
}

func (c *Client) agent() string {
	if c.RobotsAgent == "" {
		return RobotsAgent
	}
	return c.RobotsAgent
}

func (c *Client) host(h string) *hostState {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hosts == nil {
		c.hosts = map[string]*hostState{}
	}
	hs := c.hosts[h]
	if hs == nil {
		n := c.PerHost
		if n <= 0 {
			n = 1
		}
		hs = &hostState{sem: make(chan struct{}, n), delay: c.Delay}
		c.hosts[h] = hs
	}
	return hs
}

// acquire waits for a request slot to host h and for its turn.
func (hs *hostState) acquire(ctx context.Context) error {
	select {
	case hs.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	hs.mu.Lock()
	now := time.Now()
	start := hs.next
	if start.Before(now) {
		start = now
	}
	hs.next = start.Add(hs.delay)
	hs.mu.Unlock()
	if wait := time.Until(start); wait > 0 {
		if err := sleep(ctx, wait); err != nil {
			<-hs.sem
			return err
		}
	}
	return nil
}

func (hs *hostState) release() { <-hs.sem }

// pushBack delays every later request to the host until d from now (a
// Retry-After).
func (hs *hostState) pushBack(d time.Duration) {
	hs.mu.Lock()
	if t := time.Now().Add(d); t.After(hs.next) {
		hs.next = t
	}
	hs.mu.Unlock()
}

func (hs *hostState) setMinDelay(d time.Duration) {
	hs.mu.Lock()
	if d > hs.delay {
		hs.delay = d
	}
	hs.mu.Unlock()
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Get fetches a page (HTML, XHTML, XML or text) with [Fetcher.Fetch],
// after checking robots.txt, waiting its turn for the host, and retrying as
// the Client says. Errors are those of Fetch, plus [ErrRobots] and
// [ErrBadURL].
func (c *Client) Get(ctx context.Context, rawURL string) (*Page, error) {
	return c.get(ctx, rawURL, false)
}

// GetResource is Get for files that are not pages (sitemaps, feeds,
// robots.txt): any content type is accepted and the body is returned as
// served, compressed or not.
func (c *Client) GetResource(ctx context.Context, rawURL string) (*Page, error) {
	return c.get(ctx, rawURL, true)
}

func (c *Client) get(ctx context.Context, rawURL string, raw bool) (*Page, error) {
	u, err := parseFetchURL(rawURL)
	if err != nil {
		return nil, err
	}
	if !c.IgnoreRobots {
		if err := c.CheckRobots(ctx, u); err != nil {
			return nil, err
		}
		if !raw {
			ctx = c.withRobotsOnRedirect(ctx)
		}
	}
	if c.Cache != nil {
		if p, ok := c.Cache.get(rawURL, raw); ok {
			return p, nil
		}
	}
	p, err := c.fetchRetrying(ctx, u, raw)
	if err != nil {
		return nil, err
	}
	if c.Cache != nil {
		c.Cache.put(rawURL, p)
	}
	return p, nil
}

// fetchRetrying fetches u, paced by its host, trying again as c.Retries
// allows.
func (c *Client) fetchRetrying(ctx context.Context, u *url.URL, raw bool) (*Page, error) {
	hs := c.host(u.Host)
	backoff := c.Backoff
	if backoff <= 0 {
		backoff = DefaultBackoff
	}
	maxRA := c.MaxRetryAfter
	if maxRA <= 0 {
		maxRA = DefaultMaxRetryAfter
	}
	for attempt := 0; ; attempt++ {
		if err := hs.acquire(ctx); err != nil {
			return nil, err
		}
		p, err := c.fetcher().fetch(ctx, u, raw)
		hs.release()
		if err == nil {
			return p, nil
		}
		if attempt >= c.Retries || ctx.Err() != nil {
			return nil, err
		}
		wait, ok := retryWait(err, backoff, attempt)
		if !ok {
			return nil, err
		}
		var se *StatusError
		if errors.As(err, &se) && (se.Status == http.StatusTooManyRequests || se.Status == http.StatusServiceUnavailable) {
			// The host asked everyone to wait: hold back every request
			// to it, not only this one.
			if se.RetryAfter > 0 {
				wait = min(se.RetryAfter, maxRA)
			}
			hs.pushBack(wait)
			continue
		}
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// retryWait says whether err may go away on a retry and how long to wait
// first: Backoff doubled per attempt, with "equal jitter" (half fixed, half
// random) so that workers do not retry in lockstep.
func retryWait(err error, backoff time.Duration, attempt int) (time.Duration, bool) {
	if !retryable(err) {
		return 0, false
	}
	d := backoff << min(attempt, 10)
	return d/2 + rand.N(d/2+1), true
}

func retryable(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status == http.StatusTooManyRequests || se.Status >= 500 && se.Status <= 599
	}
	if errors.Is(err, ErrTimeout) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNotHTML) || errors.Is(err, ErrRobots) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr.IsTemporary
	}
	var netErr net.Error
	return errors.As(err, &netErr) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED)
}

// Allowed reports whether robots.txt lets byline fetch u, fetching and
// caching the host's robots.txt on first use (RFC 9309: a 4xx answer allows
// everything; a 5xx answer, a 429 or an unreachable host disallows
// everything). It also applies the host's Crawl-delay. The error is only
// ever ctx's.
func (c *Client) Allowed(ctx context.Context, u *url.URL) (bool, error) {
	e, err := c.robotsFor(ctx, u)
	if err != nil {
		return false, err
	}
	return e.rules.Allowed(robotsTarget(u)), nil
}

// CheckRobots returns nil when robots.txt lets byline fetch u, a
// [*RobotsError] (matching [ErrRobots]) when it does not, or ctx's error.
func (c *Client) CheckRobots(ctx context.Context, u *url.URL) error {
	e, err := c.robotsFor(ctx, u)
	if err != nil {
		return err
	}
	if e.rules.Allowed(robotsTarget(u)) {
		return nil
	}
	return &RobotsError{URL: u.Redacted(), Cause: e.cause}
}

// withRobotsOnRedirect returns ctx with a redirect check that asks
// robots.txt of the target's host before a redirect is followed (after the
// check already on ctx, if any): a page that redirects to another site,
// or to a disallowed path of its own, must not fetch what robots.txt
// refuses.
func (c *Client) withRobotsOnRedirect(ctx context.Context) context.Context {
	prev, _ := ctx.Value(redirectCheckKey{}).(func(*url.URL) error)
	return withRedirectCheck(ctx, func(target *url.URL) error {
		if prev != nil {
			if err := prev(target); err != nil {
				return err
			}
		}
		return c.CheckRobots(ctx, target)
	})
}

// robotsTarget is the part of u that robots.txt rules match: path and query.
func robotsTarget(u *url.URL) string {
	target := u.EscapedPath()
	if u.RawQuery != "" {
		target += "?" + u.RawQuery
	}
	return target
}

// Robots returns the parsed robots.txt of u's host (scheme, host and port),
// fetching it on first use. A robots.txt that could not be fetched yields a
// Robots that allows nothing, or everything for a 4xx answer. The error is
// only ever ctx's.
func (c *Client) Robots(ctx context.Context, u *url.URL) (*Robots, error) {
	e, err := c.robotsFor(ctx, u)
	if err != nil {
		return nil, err
	}
	return e.data, nil
}

func (c *Client) robotsFor(ctx context.Context, u *url.URL) (*robotsEntry, error) {
	origin := u.Scheme + "://" + u.Host
	for {
		c.mu.Lock()
		if c.robots == nil {
			c.robots = map[string]*robotsEntry{}
		}
		e, ok := c.robots[origin]
		if !ok {
			e = &robotsEntry{done: make(chan struct{})}
			c.robots[origin] = e
		}
		c.mu.Unlock()
		if ok {
			select {
			case <-e.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			if e.err != nil {
				continue // the fetcher gave up on its context; try ourselves
			}
			return e, nil
		}
		c.loadRobots(ctx, origin, u.Host, e)
		if e.err != nil {
			c.mu.Lock()
			delete(c.robots, origin)
			c.mu.Unlock()
			close(e.done)
			return nil, e.err
		}
		close(e.done)
		return e, nil
	}
}

func (c *Client) loadRobots(ctx context.Context, origin, host string, e *robotsEntry) {
	ru, _ := url.Parse(origin + "/robots.txt")
	var p *Page
	var err error
	if c.Cache != nil {
		p, _ = c.Cache.get(ru.String(), true)
	}
	if p == nil {
		p, err = c.fetchRetrying(ctx, ru, true)
		if err == nil && c.Cache != nil {
			c.Cache.put(ru.String(), p)
		}
	}
	var se *StatusError
	switch {
	case err == nil:
		e.data = ParseRobots(p.Body)
	case ctx.Err() != nil:
		e.err = ctx.Err()
		return
	case errors.As(err, &se) && se.Status >= 400 && se.Status < 500 && se.Status != http.StatusTooManyRequests:
		e.data = &Robots{} // "unavailable": everything is allowed
	default:
		e.data = disallowAllRobots // "unreachable": nothing is allowed
		e.cause = err
	}
	e.rules = e.data.For(c.agent())
	if d := e.rules.CrawlDelay(); d > 0 && c.MaxCrawlDelay >= 0 && !c.IgnoreRobots {
		maxD := c.MaxCrawlDelay
		if maxD == 0 {
			maxD = DefaultMaxCrawlDelay
		}
		c.host(host).setMinDelay(min(d, maxD))
	}
}
