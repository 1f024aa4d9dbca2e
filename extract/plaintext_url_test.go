package extract

import (
	"net/url"
	"testing"
	"time"
)

// Plain text with a known address gets the site name and a date from the
// URL, as HTML does when the page names neither.
func TestExtractTextURLMetadata(t *testing.T) {
	text := "Russia Says Syrian Opposition Should Seek Dialogue\n\nRussia said Monday that the new coalition should seek dialogue with the government."
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		rawURL, site, published string
	}{
		{"https://www.themoscowtimes.com/2012/11/12/x", "themoscowtimes.com", "2012-11-12T00:00:00Z"},
		{"https://example.org/news/russia-syria", "example.org", ""},
		{"http://localhost:8080/2012/11/12/x", "", "2012-11-12T00:00:00Z"},
		{"https://example.org/2030/01/01/future", "example.org", ""},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.rawURL)
		a, err := ExtractText(text, &Options{URL: u, Now: now})
		if err != nil {
			t.Fatalf("%s: %v", tt.rawURL, err)
		}
		pub := ""
		if !a.Published.IsZero() {
			pub = a.Published.Format(time.RFC3339)
		}
		if a.SiteName != tt.site || pub != tt.published {
			t.Errorf("%s: site %q, published %q; want %q, %q", tt.rawURL, a.SiteName, pub, tt.site, tt.published)
		}
	}
	a, err := ExtractText(text, nil)
	if err != nil || a.SiteName != "" || !a.Published.IsZero() {
		t.Errorf("no options: site %q, published %v, err %v; want none", a.SiteName, a.Published, err)
	}
}
