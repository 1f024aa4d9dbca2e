package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
)

// Defaults used when the matching [Fetcher] field is zero.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxSize      = 20 << 20
	DefaultMaxRedirects = 10
)

// Errors that callers branch on; test with errors.Is. Each is wrapped with
// the detail of the failure.
var (
	// ErrTooLarge: the response body is over [Fetcher.MaxSize].
	ErrTooLarge = errors.New("response too large")
	// ErrTimeout: the request, body included, took longer than
	// [Fetcher.Timeout]. The error also wraps the cause.
	ErrTimeout = errors.New("request timed out")
	// ErrNotHTML: the response's Content-Type is not HTML, XHTML, XML,
	// text or octet-stream (an image, a PDF, a video...).
	ErrNotHTML = errors.New("not an HTML page")
)

// StatusError is returned for a response whose final status is not 2xx.
type StatusError struct {
	// URL is the address that answered with Status (after redirects).
	URL string
	// Status is the HTTP status code.
	Status int
	// RetryAfter is the wait the server asked for with a Retry-After header
	// (in seconds or as an HTTP date); 0 when it asked for none.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	if text := http.StatusText(e.Status); text != "" {
		return fmt.Sprintf("HTTP status %d %s", e.Status, text)
	}
	return fmt.Sprintf("HTTP status %d", e.Status)
}

// timeoutError is ErrTimeout with its cause. Its message leaves the cause
// out: "context deadline exceeded" says nothing more.
type timeoutError struct {
	after time.Duration // the Timeout, or <= 0 when the client's own limit hit
	cause error
}

func (e *timeoutError) Error() string {
	if e.after > 0 {
		return fmt.Sprintf("%v after %v", ErrTimeout, e.after)
	}
	return ErrTimeout.Error()
}

func (e *timeoutError) Unwrap() []error { return []error{ErrTimeout, e.cause} }

// Page is one fetched page.
type Page struct {
	// URL is the final URL, after redirects, without a #fragment.
	URL *url.URL
	// Status is the HTTP status code of the final response (2xx).
	Status int
	// ContentType is the response's Content-Type header ("" when absent);
	// its charset parameter is for the decoder (extract.Options.ContentType).
	ContentType string
	// Body is the body as served, after any Content-Encoding was undone by
	// net/http; at most MaxSize bytes.
	Body []byte
}

// Fetcher fetches single pages over HTTP(S). The zero value is ready to use.
// A Fetcher holds no state between calls and is safe for concurrent use as
// long as its fields are not changed; it does no retries, politeness or
// robots.txt checks (the crawler adds those on top).
type Fetcher struct {
	// Client makes the requests. Nil means a client with net/http's default
	// transport. The Fetcher never changes it; it follows at most
	// MaxRedirects redirects unless the client sets its own CheckRedirect.
	Client *http.Client
	// UserAgent is sent with every request; "" means [DefaultUserAgent]().
	UserAgent string
	// Timeout bounds each request from the dial to the end of the body.
	// 0 means DefaultTimeout (30s); a negative value means no limit.
	Timeout time.Duration
	// MaxSize bounds the body in bytes; a larger body is an [ErrTooLarge]
	// error, and no more than MaxSize+1 bytes are ever read. 0 means
	// DefaultMaxSize (20 MiB); a negative value means no limit.
	MaxSize int64
	// MaxRedirects is the number of redirects followed; 0 means
	// DefaultMaxRedirects (10); a negative value means none.
	MaxRedirects int
}

// DefaultUserAgent returns the User-Agent sent when [Fetcher.UserAgent] is
// empty. It names byline and the version of the byline module found in the
// build information ("devel" when there is none).
func DefaultUserAgent() string {
	return "Mozilla/5.0 (compatible; byline/" + moduleVersion() + ")"
}

func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := ""
	if bi.Main.Path == "byline" {
		v = bi.Main.Version
	} else {
		for _, d := range bi.Deps {
			if d.Path == "byline" {
				v = d.Version
			}
		}
	}
	if v == "" || v == "(devel)" {
		return "devel"
	}
	return v
}

// Fetch gets rawURL (http or https) and returns the page. Errors: a
// [*StatusError] for a non-2xx final status, [ErrNotHTML], [ErrTooLarge],
// [ErrTimeout], [ErrBadURL]; ctx's error when ctx ends; other failures (DNS, connection,
// TLS, too many redirects) are returned wrapped.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	u, err := parseFetchURL(rawURL)
	if err != nil {
		return nil, err
	}
	return f.fetch(ctx, u, false)
}

// fetch is Fetch of a parsed URL; with raw set it gets a resource that is
// not a page (robots.txt, a sitemap, a feed): any content type is taken, no
// Accept header is sent, and redirects are followed without the check of
// withRedirectCheck, which is about pages.
func (f *Fetcher) fetch(ctx context.Context, u *url.URL, raw bool) (*Page, error) {
	timeout := f.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	reqCtx, cancel := ctx, context.CancelFunc(func() {})
	if timeout > 0 {
		reqCtx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()

	page, err := f.do(reqCtx, u, raw)
	if err != nil {
		if ctx.Err() != nil {
			// The caller's context ended: not our timeout.
			return nil, ctx.Err()
		}
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNotHTML) {
			return nil, err
		}
		var se *StatusError
		if errors.As(err, &se) {
			return nil, err
		}
		var ne net.Error
		if reqCtx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
			te := &timeoutError{cause: err}
			if reqCtx.Err() != nil {
				te.after = timeout
			}
			return nil, te
		}
		return nil, err
	}
	return page, nil
}

// parseFetchURL parses an absolute http or https URL; the error matches
// [ErrBadURL].
func parseFetchURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w %q: scheme must be http or https", ErrBadURL, rawURL)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%w %q: no host", ErrBadURL, rawURL)
	}
	return u, nil
}

func (f *Fetcher) do(ctx context.Context, u *url.URL, raw bool) (*Page, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("invalid request: %w", err)
	}
	ua := f.UserAgent
	if ua == "" {
		ua = DefaultUserAgent()
	}
	req.Header.Set("User-Agent", ua)
	if !raw {
		req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,text/*;q=0.8,*/*;q=0.5")
	}

	resp, err := f.client(!raw).Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			// The URL is already known to the caller; keep the cause.
			err = ue.Err
		}
		return nil, err
	}
	defer resp.Body.Close()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// Read a little so the connection can be reused.
		io.CopyN(io.Discard, resp.Body, 4<<10)
		return nil, &StatusError{
			URL:        resp.Request.URL.String(),
			Status:     resp.StatusCode,
			RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()),
		}
	}
	ct := resp.Header.Get("Content-Type")
	if !raw && !acceptableType(ct) {
		return nil, fmt.Errorf("%w: content type %s", ErrNotHTML, mediaType(ct))
	}

	limit := f.MaxSize
	if limit == 0 {
		limit = DefaultMaxSize
	}
	var body []byte
	if limit > 0 {
		if resp.ContentLength > limit {
			return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, resp.ContentLength, limit)
		}
		body, err = io.ReadAll(io.LimitReader(resp.Body, limit+1))
		if err == nil && int64(len(body)) > limit {
			return nil, fmt.Errorf("%w: over the limit of %d bytes", ErrTooLarge, limit)
		}
	} else {
		body, err = io.ReadAll(resp.Body)
	}
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	return &Page{URL: withoutFragment(resp.Request.URL), Status: resp.StatusCode, ContentType: ct, Body: body}, nil
}

// withoutFragment returns u without its #fragment, which names a place in
// the page, not the page (and is never sent to the server).
func withoutFragment(u *url.URL) *url.URL {
	if u.Fragment == "" && u.RawFragment == "" {
		return u
	}
	c := *u
	c.Fragment, c.RawFragment = "", ""
	return &c
}

// client returns f.Client, or a default one, with the redirect limit
// applied when the client sets no policy of its own, and, when checked is
// set, the request context's redirect check (see withRedirectCheck) after
// the policy.
func (f *Fetcher) client(checked bool) *http.Client {
	var c http.Client
	if f.Client != nil {
		c = *f.Client
	}
	policy := c.CheckRedirect
	if policy == nil {
		max := f.MaxRedirects
		switch {
		case max == 0:
			max = DefaultMaxRedirects
		case max < 0:
			max = 0
		}
		policy = func(req *http.Request, via []*http.Request) error {
			if len(via) > max {
				return fmt.Errorf("stopped after %d redirects", max)
			}
			return nil
		}
	}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if err := policy(req, via); err != nil {
			return err
		}
		if check, ok := req.Context().Value(redirectCheckKey{}).(func(*url.URL) error); ok && checked {
			return check(req.URL)
		}
		return nil
	}
	return &c
}

type redirectCheckKey struct{}

// withRedirectCheck returns ctx carrying check, which [Fetcher.Fetch] calls
// with the target of each redirect before it follows it. An error from
// check stops the fetch and is returned (wrapped) by Fetch. The crawler
// uses it not to fetch a page again by way of a redirect.
func withRedirectCheck(ctx context.Context, check func(target *url.URL) error) context.Context {
	return context.WithValue(ctx, redirectCheckKey{}, check)
}

func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(contentType, ";")
		mt = strings.ToLower(strings.TrimSpace(mt))
	}
	return mt
}

// acceptableType reports a Content-Type that may hold a page: HTML, XHTML,
// XML, any text/* type, none at all, or application/octet-stream ("some
// bytes"), under which servers often send pages: extract.Extract sniffs the
// bytes and refuses binary data.
func acceptableType(contentType string) bool {
	mt := mediaType(contentType)
	switch {
	case mt == "", mt == "application/octet-stream", mt == "binary/octet-stream":
		return true
	case strings.HasPrefix(mt, "text/"):
		return true
	case mt == "application/xhtml+xml", mt == "application/xml", strings.HasSuffix(mt, "+xml"):
		return true
	}
	return false
}

// parseRetryAfter reads a Retry-After header: delay-seconds or an HTTP date.
// It returns 0 when the header is absent, invalid, or in the past.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		if secs > int64(365*24*time.Hour/time.Second) {
			secs = int64(365 * 24 * time.Hour / time.Second)
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
