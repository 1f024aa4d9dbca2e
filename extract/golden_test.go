package extract_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"byline/extract"
)

// update rewrites the golden files: go test ./extract -run TestGolden -update.
// Another test file of this package may define the flag first; then that
// definition is used.
var update = func() func() bool {
	if f := flag.Lookup("update"); f != nil {
		return func() bool { return f.Value.String() == "true" }
	}
	b := flag.Bool("update", false, "rewrite golden files")
	return func() bool { return *b }
}()

// goldenNow is the extraction time of the golden cases, so that they do not
// change with the date.
var goldenNow = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

const (
	goldenDir = "../testdata/golden"
	seedDir   = "../testdata/seed"
)

// goldenArticle is the form of a golden file: the Article with its body as
// a list of paragraphs, last, so that a diff shows the paragraph that
// changed.
type goldenArticle struct {
	*extract.Article
	Error string   `json:"error,omitempty"`
	Body  []string `json:"body"`
}

func goldenJSON(a *extract.Article, err error) ([]byte, error) {
	g := goldenArticle{Article: a, Body: []string{}}
	if err != nil && !errors.Is(err, extract.ErrNoContent) {
		g.Error = err.Error()
	}
	if a != nil && a.Body != "" {
		g.Body = strings.Split(a.Body, "\n\n")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// goldenInputs lists the inputs: every page in testdata/golden, and the seed
// article's text and HTML page.
func goldenInputs(t *testing.T) []string {
	t.Helper()
	var inputs []string
	for _, pattern := range []string{"*.html", "*.html.gz", "*.txt"} {
		for _, dir := range []string{goldenDir, seedDir} {
			m, err := filepath.Glob(filepath.Join(dir, pattern))
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, m...)
		}
	}
	slices.Sort(inputs)
	if len(inputs) < 14 {
		t.Fatalf("found %d golden inputs, want the seed's two and at least 12 pages", len(inputs))
	}
	return inputs
}

// extractFile extracts an input as the golden and seed tests do: with the
// address from <name>.url when there is one, and a fixed time.
func extractFile(t *testing.T, path string) (*extract.Article, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	opts := &extract.Options{Now: goldenNow}
	stem := strings.TrimSuffix(strings.TrimSuffix(path, ".gz"), filepath.Ext(strings.TrimSuffix(path, ".gz")))
	if raw, err := os.ReadFile(stem + ".url"); err == nil {
		u, err := url.Parse(strings.TrimSpace(string(raw)))
		if err != nil {
			t.Fatalf("%s.url: %v", stem, err)
		}
		opts.URL = u
	}
	a, err := extract.Extract(data, opts)
	if a != nil {
		a.Source = filepath.ToSlash(strings.TrimPrefix(path, "../"))
	}
	return a, err
}

func TestGolden(t *testing.T) {
	for _, in := range goldenInputs(t) {
		name := strings.TrimSuffix(filepath.Base(in), ".gz")
		t.Run(name, func(t *testing.T) {
			got, err := goldenJSON(extractFile(t, in))
			if err != nil {
				t.Fatal(err)
			}
			want := filepath.Join(goldenDir, name+".json")
			if update() {
				if err := os.WriteFile(want, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			exp, err := os.ReadFile(want)
			if errors.Is(err, os.ErrNotExist) {
				t.Fatalf("no golden file %s: run go test ./extract -run TestGolden -update", want)
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(exp, got) {
				t.Errorf("%s differs from the extraction (go test ./extract -run TestGolden -update rewrites it):\n%s",
					want, lineDiff(string(exp), string(got)))
			}
		})
	}
}

// lineDiff shows the lines that differ between want and got, with their
// line numbers (a small diff: the golden files are short and change in
// few places).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	// trim the common head and tail, show what is left of each side
	head := 0
	for head < len(w) && head < len(g) && w[head] == g[head] {
		head++
	}
	tail := 0
	for tail < len(w)-head && tail < len(g)-head && w[len(w)-1-tail] == g[len(g)-1-tail] {
		tail++
	}
	var sb strings.Builder
	const maxLines = 40
	show := func(sign string, lines []string, from int) {
		for i, l := range lines {
			if i == maxLines {
				fmt.Fprintf(&sb, "%s ... %d more lines\n", sign, len(lines)-maxLines)
				break
			}
			if len(l) > 300 {
				l = l[:300] + "..."
			}
			fmt.Fprintf(&sb, "%s%4d %s\n", sign, from+i+1, l)
		}
	}
	show("-", w[head:len(w)-tail], head)
	show("+", g[head:len(g)-tail], head)
	return sb.String()
}

// The seed article, as testdata/seed/moscow-times-syria-dialogue.txt and
// .html give it: the title and the six news paragraphs, without the site's
// donation appeal, related articles and other boilerplate.
const seedTitle = "Russia Says Syrian Opposition Should Seek Dialogue"

var seedParagraphs = []string{
	"Russia said Monday that a new Syrian opposition coalition that aims to oust President Bashar Assad should seek an end to the Syrian crisis through negotiation and reject outside interference.",
	"The Foreign Ministry gave the coalition, formed in Qatar on Sunday with Western and Arab backing, a cool reception in a statement, which cited media reports saying that coalition members had agreed not to enter talks with Assad's government.",
	`Russia's "main criterion ... remains the readiness of such alliances to act on the platform of a peaceful resolution of the conflict by Syrians themselves, without external interference, through dialogue and negotiations," the ministry said.`,
	`Deputy Foreign Minister Gennady Gatilov said separately on Twitter: "Unification of the Syrian opposition can be helpful if it enters into political dialogue with the government."`,
	"Representatives of groups including rebel fighters, veteran dissidents and minority groups agreed, after days of wrangling and cajoling by Arab, U.S. and other officials, to join a new assembly that can form a government in exile.",
	"A member of the Syrian National Council based in Moscow said the group had decided to join the coalition in hopes that what he called promises of extensive aid, including weapons, would be borne out.",
}

func TestSeed(t *testing.T) {
	checkArticle := func(t *testing.T, a *extract.Article, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		if a.Title != seedTitle {
			t.Errorf("title = %q, want %q", a.Title, seedTitle)
		}
		got := strings.Split(a.Body, "\n\n")
		if !slices.Equal(got, seedParagraphs) {
			t.Errorf("body has %d paragraphs, want the 6 news paragraphs; differences:\n%s",
				len(got), lineDiff(strings.Join(seedParagraphs, "\n"), strings.Join(got, "\n")))
		}
	}
	t.Run("text", func(t *testing.T) {
		a, err := extractFile(t, filepath.Join(seedDir, "moscow-times-syria-dialogue.txt"))
		checkArticle(t, a, err)
	})
	t.Run("html", func(t *testing.T) {
		a, err := extractFile(t, filepath.Join(seedDir, "moscow-times-syria-dialogue.html"))
		checkArticle(t, a, err)
		if a == nil {
			return
		}
		if want := []string{"Irina Sokolova"}; !slices.Equal(a.Authors, want) {
			t.Errorf("authors = %q, want %q", a.Authors, want)
		}
		published := time.Date(2012, 11, 12, 18, 43, 0, 0, time.FixedZone("", 4*3600))
		if !a.Published.Equal(published) {
			t.Errorf("published = %v, want %v", a.Published, published)
		}
		if a.SiteName != "The Moscow Times" {
			t.Errorf("site_name = %q, want %q", a.SiteName, "The Moscow Times")
		}
	})
}
