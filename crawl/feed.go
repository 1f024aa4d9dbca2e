package crawl

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"
)

// ParseFeed returns the item links of an RSS, Atom or JSON feed, in feed
// order, as written (the caller resolves relative ones). It uses gofeed,
// which copes with the many dialects of RSS found in the wild.
func ParseFeed(data []byte) ([]string, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	links := make([]string, 0, len(feed.Items))
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		link := strings.TrimSpace(it.Link)
		if link == "" {
			for _, l := range it.Links {
				if l = strings.TrimSpace(l); l != "" {
					link = l
					break
				}
			}
		}
		if link == "" && (strings.HasPrefix(it.GUID, "http://") || strings.HasPrefix(it.GUID, "https://")) {
			link = it.GUID
		}
		if link != "" {
			links = append(links, link)
		}
	}
	return links, nil
}
