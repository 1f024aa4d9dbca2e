// Package benchcorpus loads the vendored benchmark pages for the speed
// benchmarks of byline's packages (extract, extract/metadata,
// extract/quotes), so that they all time the same pages with the same
// addresses, and reads the calling thread's CPU time for their per-page
// figures. Only tests import it.
package benchcorpus

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"byline/internal/score"
)

// Page is one benchmark page.
type Page struct {
	ID string
	// Data is the page's HTML, decompressed.
	Data []byte
	// URL is the page's address from the ground truth; nil when it has none.
	URL *url.URL
}

// Load reads every html/<id>.html.gz page of the dataset in dir (a
// directory of testdata/bench, with its ground-truth.json), in file name
// order. It returns no pages and no error when dir has none.
func Load(dir string) ([]Page, error) {
	files, err := filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	if err != nil || len(files) == 0 {
		return nil, err
	}
	ds, err := score.OpenDataset(dir)
	if err != nil {
		return nil, err
	}
	pages := make([]Page, 0, len(files))
	for _, f := range files {
		data, err := readGzip(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		p := Page{ID: id, Data: data}
		if u, err := url.Parse(ds.URL(id)); err == nil && u.Host != "" {
			p.URL = u
		}
		pages = append(pages, p)
	}
	return pages, nil
}

func readGzip(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
