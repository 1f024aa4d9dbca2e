package crawl

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
)

// Cache keeps fetched pages in a directory, one file per URL, so that a
// later run reuses them instead of fetching again. Only successful (2xx)
// responses are kept; entries never expire (delete the directory to start
// afresh). Files are written whole (to a temporary name, then renamed), so
// an interrupted run never leaves a torn entry. A Cache is safe for
// concurrent use, also by several processes.
type Cache struct {
	// Dir is the cache directory; it is created on first write.
	Dir string
}

// cacheHeader is the first line of a cache file; the body follows.
type cacheHeader struct {
	URL         string `json:"url"` // final URL, after redirects
	Status      int    `json:"status"`
	ContentType string `json:"content_type"`
}

func (c *Cache) path(rawURL string) string {
	key := rawURL
	if n, err := NormalizeURL(rawURL); err == nil {
		key = n
	}
	sum := sha256.Sum256([]byte(key))
	h := hex.EncodeToString(sum[:])
	return filepath.Join(c.Dir, h[:2], h)
}

// get returns the cached page for rawURL. Unless raw is set, an entry whose
// content type is not a page's is a miss.
func (c *Cache) get(rawURL string, raw bool) (*Page, bool) {
	data, err := os.ReadFile(c.path(rawURL))
	if err != nil {
		return nil, false
	}
	line, body, ok := bytes.Cut(data, []byte("\n"))
	if !ok {
		return nil, false
	}
	var h cacheHeader
	if json.Unmarshal(line, &h) != nil {
		return nil, false
	}
	u, err := url.Parse(h.URL)
	if err != nil {
		return nil, false
	}
	if !raw && !acceptableType(h.ContentType) {
		return nil, false
	}
	return &Page{URL: u, Status: h.Status, ContentType: h.ContentType, Body: body}, true
}

// put stores p as the answer for rawURL. Failing to write the cache does
// not fail the fetch, so errors are dropped; the next run fetches again.
func (c *Cache) put(rawURL string, p *Page) {
	_ = c.write(c.path(rawURL), p)
}

func (c *Cache) write(name string, p *Page) (err error) {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	hdr, err := json.Marshal(cacheHeader{URL: p.URL.String(), Status: p.Status, ContentType: p.ContentType})
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.Write(hdr)
	w.WriteByte('\n')
	w.Write(p.Body)
	if err := w.Flush(); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}
