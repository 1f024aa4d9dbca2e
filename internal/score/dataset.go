package score

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Dataset is a benchmark directory: html/<id>.html or html/<id>.html.gz
// for every page, and ground-truth.json mapping each id to its truth
// ({"articleBody", "url", and optionally "title", "byline", ...}).
type Dataset struct {
	Dir   string
	Truth *Docs
}

// OpenDataset reads the ground truth of the dataset in dir.
func OpenDataset(dir string) (*Dataset, error) {
	truth, _, err := ReadDocs(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("dataset %s: %w", dir, err)
	}
	if truth.Len() == 0 {
		return nil, fmt.Errorf("dataset %s: ground-truth.json has no pages", dir)
	}
	if first := truth.Get(truth.IDs[0]); hasKey(first, "with") && hasKey(first, "without") {
		return nil, fmt.Errorf("dataset %s: a snippet ground truth (with/without), which byline-score does not score; use score.py", dir)
	}
	return &Dataset{Dir: dir, Truth: truth}, nil
}

// URL returns the page's URL from the ground truth, or "".
func (d *Dataset) URL(id string) string {
	s, _ := d.Truth.Get(id)["url"].(string)
	return s
}

// PagePath returns the path of the page's HTML file: html/<id>.html.gz or
// html/<id>.html, whichever exists.
func (d *Dataset) PagePath(id string) (string, error) {
	var last error
	for _, name := range []string{id + ".html.gz", id + ".html"} {
		p := filepath.Join(d.Dir, "html", name)
		_, err := os.Stat(p)
		if err == nil {
			return p, nil
		}
		last = err
	}
	if errors.Is(last, fs.ErrNotExist) {
		return "", fmt.Errorf("page %s: no html/%s.html[.gz] in %s", id, id, d.Dir)
	}
	return "", fmt.Errorf("page %s: %w", id, last)
}
