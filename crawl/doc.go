// Package crawl fetches pages and crawls sites for byline. It holds no
// extraction rules: pages go to package extract.
package crawl
