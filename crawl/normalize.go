package crawl

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// ErrBadURL: a URL that byline cannot fetch (not absolute http or https,
// no host, unparsable).
var ErrBadURL = errors.New("invalid URL")

// NormalizeURL returns the form of an absolute http(s) URL that byline uses
// to tell pages apart: scheme and host lower-cased, the default port and
// the fragment dropped, dot segments resolved, an empty path made "/",
// percent-encoding made uniform (unreserved characters decoded, hex digits
// upper-cased), and tracking parameters (utm_*, fbclid, gclid, mc_*, ...)
// removed from the query. The order of the remaining query parameters is
// kept: servers may depend on it. NormalizeURL is idempotent.
func NormalizeURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrBadURL, err)
	}
	return normalizeParsed(u)
}

func normalizeParsed(u *url.URL) (string, error) {
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return "", fmt.Errorf("%w %q: scheme must be http or https", ErrBadURL, u.Redacted())
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimRight(host, ".")
	if host == "" {
		return "", fmt.Errorf("%w %q: no host", ErrBadURL, u.Redacted())
	}
	if strings.ContainsAny(host, " /?#@%\\") {
		return "", fmt.Errorf("%w %q: bad host", ErrBadURL, u.Redacted())
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6 literal
	}
	port := u.Port()
	if port == "80" && scheme == "http" || port == "443" && scheme == "https" {
		port = ""
	}
	var sb strings.Builder
	sb.WriteString(scheme)
	sb.WriteString("://")
	if u.User != nil {
		sb.WriteString(u.User.String())
		sb.WriteByte('@')
	}
	sb.WriteString(host)
	if port != "" {
		sb.WriteByte(':')
		sb.WriteString(port)
	}
	p := u.EscapedPath()
	if u.Opaque != "" {
		// "http:foo" style: treat the opaque part as a path.
		p = u.Opaque
	}
	p = removeDotSegments(normalizeEscapes(p, false))
	if p == "" || p[0] != '/' {
		p = "/" + p
	}
	sb.WriteString(p)
	if q := cleanQuery(u.RawQuery); q != "" {
		sb.WriteByte('?')
		sb.WriteString(q)
	}
	return sb.String(), nil
}

// trackingParams are query parameters that only track the visit; the page
// is the same without them. Keys are compared lower-cased.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "yclid": true, "igshid": true, "twclid": true, "ttclid": true, "li_fat_id": true,
	"mkt_tok": true, "_ga": true, "_gl": true, "_hsenc": true, "_hsmi": true, "__hstc": true,
	"__hssc": true, "__hsfp": true, "hsctatracking": true, "oly_anon_id": true, "oly_enc_id": true,
	"vero_id": true, "vero_conv": true, "rb_clickid": true, "s_cid": true, "wt_mc": true,
	"ocid": true, "cmpid": true, "ncid": true, "sr_share": true, "ref_src": true, "ref_url": true,
	"at_medium": true, "at_campaign": true, "at_custom1": true, "at_custom2": true,
	"at_custom3": true, "at_custom4": true, "xtor": true, "spm": true,
}

// trackingPrefixes are prefixes of tracking parameter families.
var trackingPrefixes = []string{"utm_", "mc_", "pk_", "mtm_", "matomo_", "ga_", "hmb_", "stm_"}

func isTrackingParam(key string) bool {
	if k, err := url.QueryUnescape(key); err == nil {
		key = k
	}
	key = strings.ToLower(key)
	if trackingParams[key] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// cleanQuery drops tracking parameters and empty pieces from a raw query
// and normalises its escapes, keeping the order of what is left.
func cleanQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var kept []string
	for piece := range strings.SplitSeq(raw, "&") {
		if piece == "" {
			continue
		}
		key, _, _ := strings.Cut(piece, "=")
		if isTrackingParam(key) {
			continue
		}
		kept = append(kept, normalizeEscapes(piece, true))
	}
	return strings.Join(kept, "&")
}

// normalizeEscapes makes percent-encoding uniform for NormalizeURL (see
// normalizePercent): a '%' that starts no escape becomes "%25", and bytes
// that may not appear raw in a URL (controls, space, non-ASCII, a few
// delimiters, and '?' outside the query) are escaped. The caller splits a
// query on '&' first.
func normalizeEscapes(s string, query bool) string {
	return normalizePercent(s, func(c byte) bool {
		return c == '%' || c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>' ||
			c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' || c == '#' ||
			(!query && c == '?')
	})
}

// normalizePercent decodes the escapes of unreserved characters,
// upper-cases the hex digits of the others, and escapes the other bytes
// for which escape reports true.
func normalizePercent(s string, escape func(c byte) bool) string {
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(b) {
				sb.WriteByte(b)
			} else {
				writeEscape(&sb, b)
			}
			i += 2
		case escape(c):
			writeEscape(&sb, c)
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

func writeEscape(sb *strings.Builder, b byte) {
	sb.WriteByte('%')
	sb.WriteByte(upperHex[b>>4])
	sb.WriteByte(upperHex[b&15])
}

const upperHex = "0123456789ABCDEF"

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// isUnreserved reports the characters RFC 3986 calls unreserved.
func isUnreserved(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// removeDotSegments resolves "." and ".." segments (RFC 3986 section 5.2.4).
func removeDotSegments(p string) string {
	if !strings.Contains(p, ".") {
		return p
	}
	segs := strings.Split(p, "/")
	out := make([]string, 0, len(segs))
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case ".":
			if last {
				out = append(out, "")
			}
		case "..":
			if len(out) > 1 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, s)
		}
	}
	r := strings.Join(out, "/")
	if strings.HasPrefix(p, "/") && !strings.HasPrefix(r, "/") {
		r = "/" + r
	}
	return r
}
