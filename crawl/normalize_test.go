package crawl

import (
	"errors"
	"net/url"
	"testing"
)

func TestNormalizeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTP://Example.COM/a/b", "http://example.com/a/b"},
		{"http://example.com", "http://example.com/"},
		{"http://example.com:80/x", "http://example.com/x"},
		{"https://example.com:443/x", "https://example.com/x"},
		{"https://example.com:8443/x", "https://example.com:8443/x"},
		{"http://example.com:/x", "http://example.com/x"},
		{"http://example.com/a#frag", "http://example.com/a"},
		{"http://example.com/a/./b/../c", "http://example.com/a/c"},
		{"http://example.com/../a", "http://example.com/a"},
		{"http://example.com/a/b/..", "http://example.com/a/"},
		{"http://example.com/a/", "http://example.com/a/"}, // trailing slash kept
		{"http://example.com/%7euser/%2fx", "http://example.com/~user/%2Fx"},
		{"http://example.com/a b", "http://example.com/a%20b"},
		{"http://example.com/ü", "http://example.com/%C3%BC"},
		{"http://example.com/x?utm_source=a&id=5&utm_medium=b", "http://example.com/x?id=5"},
		{"http://example.com/x?fbclid=1&gclid=2&mc_cid=3&mc_eid=4", "http://example.com/x"},
		{"http://example.com/x?b=2&a=1", "http://example.com/x?b=2&a=1"}, // order kept
		{"http://example.com/x?a=1&&b=2&", "http://example.com/x?a=1&b=2"},
		{"http://example.com/x?UTM_Campaign=z&q=a+b", "http://example.com/x?q=a+b"},
		{"http://example.com/x?q=%7e%2f", "http://example.com/x?q=~%2F"},
		{"http://example.com/x?", "http://example.com/x"},
		{"http://Example.com./x", "http://example.com/x"},
		{"  http://example.com/x  ", "http://example.com/x"},
		{"http://[::1]:80/x", "http://[::1]/x"},
	}
	for _, tt := range tests {
		got, err := NormalizeURL(tt.in)
		if err != nil {
			t.Errorf("NormalizeURL(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeURLErrors(t *testing.T) {
	for _, in := range []string{"", "/relative", "ftp://example.com/x", "mailto:a@b.c", "http://", "http:///x", "javascript:alert(1)", "http://a b/"} {
		if got, err := NormalizeURL(in); !errors.Is(err, ErrBadURL) {
			t.Errorf("NormalizeURL(%q) = %q, %v; want ErrBadURL", in, got, err)
		}
	}
}

func FuzzNormalizeURL(f *testing.F) {
	for _, s := range []string{
		"http://Example.COM:80/a/./b/../c?utm_source=x&id=5#f",
		"https://example.com/%7e/%zz/ü?q=%41&fbclid=1",
		"http://[::1]:8080/a//b/..",
		"http://user:pw@example.com/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		n, err := NormalizeURL(in)
		if err != nil {
			return
		}
		n2, err := NormalizeURL(n)
		if err != nil {
			t.Fatalf("NormalizeURL(%q) = %q, which does not normalise: %v", in, n, err)
		}
		if n2 != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, n, n2)
		}
		u, err := url.Parse(n)
		if err != nil || u.Fragment != "" || (u.Scheme != "http" && u.Scheme != "https") {
			t.Fatalf("NormalizeURL(%q) = %q: not a clean absolute URL", in, n)
		}
	})
}
