package crawl

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Limits from the sitemap protocol (sitemaps.org): a sitemap file holds at
// most 50,000 URLs and 50 MiB uncompressed.
const (
	maxSitemapURLs = 50000
	maxSitemapSize = 50 << 20
)

// ErrNotSitemap: the data is neither an XML sitemap (urlset or
// sitemapindex), a plain-text list of URLs, nor an RSS or Atom feed.
var ErrNotSitemap = errors.New("not a sitemap")

// Sitemap is one parsed sitemap file. A sitemap index fills Sitemaps; a
// urlset (or a text sitemap, or a feed) fills URLs.
type Sitemap struct {
	URLs []SitemapURL
	// Sitemaps lists the child sitemaps of a sitemap index.
	Sitemaps []string
}

// SitemapURL is one <url> entry.
type SitemapURL struct {
	Loc     string
	LastMod time.Time // zero when absent or unreadable
	// News holds the Google News extension (<news:news>); nil when absent.
	News *SitemapNews
}

// SitemapNews is the news-sitemap part of an entry.
type SitemapNews struct {
	Title           string
	PublicationName string
	Language        string
	Published       time.Time
}

// ParseSitemap parses a sitemap: XML (urlset or sitemapindex, with the news
// extension), gzip-compressed XML (recognised by its magic bytes), a
// plain-text list of URLs, or an RSS/Atom feed (which the sitemap protocol
// also accepts). Locations are returned as written (trimmed); the caller
// resolves and filters them. At most 50,000 entries are read.
func ParseSitemap(data []byte) (*Sitemap, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("sitemap: gzip: %w", err)
		}
		out, err := io.ReadAll(io.LimitReader(zr, maxSitemapSize+1))
		if err != nil && len(out) == 0 {
			return nil, fmt.Errorf("sitemap: gzip: %w", err)
		}
		if len(out) > maxSitemapSize {
			out = out[:maxSitemapSize]
		}
		data = out
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrNotSitemap)
	}
	if trimmed[0] != '<' {
		return parseTextSitemap(trimmed)
	}
	return parseXMLSitemap(trimmed)
}

func parseTextSitemap(data []byte) (*Sitemap, error) {
	sm := &Sitemap{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() && len(sm.URLs) < maxSitemapURLs {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "http://") && !strings.HasPrefix(line, "https://") {
			if len(sm.URLs) == 0 {
				return nil, fmt.Errorf("%w: first line is not a URL", ErrNotSitemap)
			}
			continue
		}
		sm.URLs = append(sm.URLs, SitemapURL{Loc: line})
	}
	return sm, nil
}

func parseXMLSitemap(data []byte) (*Sitemap, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel

	sm := &Sitemap{}
	root := ""
	var (
		stack []string // local names of open elements below the root
		text  strings.Builder
		cur   *SitemapURL
		loc   string // <loc> of the current <sitemap> in an index
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if root == "" {
				return nil, fmt.Errorf("%w: %w", ErrNotSitemap, err)
			}
			break // keep what was read before the damage
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if root == "" {
				root = name
				switch root {
				case "urlset", "sitemapindex":
				case "rss", "feed", "rdf":
					return sitemapFromFeed(data)
				default:
					return nil, fmt.Errorf("%w: root element <%s>", ErrNotSitemap, t.Name.Local)
				}
				continue
			}
			stack = append(stack, name)
			text.Reset()
			switch {
			case root == "urlset" && name == "url" && len(stack) == 1:
				cur = &SitemapURL{}
			case root == "sitemapindex" && name == "sitemap" && len(stack) == 1:
				loc = ""
			case cur != nil && name == "news" && cur.News == nil:
				cur.News = &SitemapNews{}
			}
		case xml.CharData:
			if text.Len() < 64<<10 {
				text.Write(t)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			name := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			value := strings.TrimSpace(text.String())
			text.Reset()
			switch root {
			case "urlset":
				if cur == nil {
					continue
				}
				parent := ""
				if len(stack) > 0 {
					parent = stack[len(stack)-1]
				}
				switch {
				case name == "url" && len(stack) == 0:
					if cur.Loc != "" && len(sm.URLs) < maxSitemapURLs {
						sm.URLs = append(sm.URLs, *cur)
					}
					cur = nil
				case name == "loc" && len(stack) == 1:
					cur.Loc = value
				case name == "lastmod" && len(stack) == 1:
					cur.LastMod = parseW3CDate(value)
				case cur.News != nil && parent == "news" && name == "title":
					cur.News.Title = value
				case cur.News != nil && parent == "publication" && name == "name":
					cur.News.PublicationName = value
				case cur.News != nil && parent == "publication" && name == "language":
					cur.News.Language = value
				case cur.News != nil && parent == "news" && name == "publication_date":
					cur.News.Published = parseW3CDate(value)
				}
			case "sitemapindex":
				switch {
				case name == "loc" && len(stack) == 1:
					loc = value
				case name == "sitemap" && len(stack) == 0:
					if loc != "" && len(sm.Sitemaps) < maxSitemapURLs {
						sm.Sitemaps = append(sm.Sitemaps, loc)
					}
					loc = ""
				}
			}
		}
	}
	if root == "" {
		return nil, fmt.Errorf("%w: no root element", ErrNotSitemap)
	}
	return sm, nil
}

func sitemapFromFeed(data []byte) (*Sitemap, error) {
	links, err := ParseFeed(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotSitemap, err)
	}
	sm := &Sitemap{}
	for _, l := range links {
		if len(sm.URLs) == maxSitemapURLs {
			break
		}
		sm.URLs = append(sm.URLs, SitemapURL{Loc: l})
	}
	return sm, nil
}

// w3cLayouts are the W3C Datetime forms sitemaps use, most precise first.
var w3cLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	"2006-01",
	"2006",
}

func parseW3CDate(s string) time.Time {
	for _, layout := range w3cLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
