package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/cobra"
)

// crawlSite is a small news site: a home page linking to six articles
// (one twice, with tracking parameters), a tag page, a disallowed page and
// a page that is gone.
func newCrawlSite(t *testing.T) (*httptest.Server, func() map[string]int) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.RequestURI()]++
		mu.Unlock()
		var n int
		switch {
		case r.URL.Path == "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
		case r.URL.Path == "/":
			var sb strings.Builder
			sb.WriteString(`<html><head><title>Home</title><meta property="og:type" content="website"></head><body><main><ul>`)
			for i := 1; i <= 6; i++ {
				fmt.Fprintf(&sb, `<li><h3><a href="/news/%d">Council approves budget number %d today</a></h3><p>A short summary of the story, with a few words about the vote.</p></li>`, i, i)
			}
			sb.WriteString(`</ul><a href="/news/1?utm_source=home#top">again</a> <a href="/tag/city">City news</a>
<a href="/private/x">private</a> <a href="/gone">gone</a></main></body></html>`)
			w.Write([]byte(sb.String()))
		case r.URL.Path == "/tag/city":
			w.Write([]byte(`<html><body><ul><li><a href="/news/2">Council approves budget number 2 today</a></li></ul></body></html>`))
		case func() bool { _, err := fmt.Sscanf(r.URL.Path, "/news/%d", &n); return err == nil }():
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(newsPage(r.URL.Path, n)))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		out := map[string]int{}
		for k, v := range hits {
			out[k] = v
		}
		return out
	}
}

func TestCrawlCommand(t *testing.T) {
	srv, hits := newCrawlSite(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	cache := filepath.Join(dir, "cache")
	r := runByline(t, nil, "crawl", srv.URL, "-o", out, "--retries", "0", "--cache", cache, "-j", "2")
	if r.code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	var articles, failures []string
	for _, rec := range readRecords(t, out) {
		src := strings.TrimPrefix(rec["source"].(string), srv.URL)
		if errorKindOf(rec) != "" {
			failures = append(failures, src+" "+errorKindOf(rec))
			continue
		}
		articles = append(articles, src)
	}
	slices.Sort(articles)
	if want := []string{"/news/1", "/news/2", "/news/3", "/news/4", "/news/5", "/news/6"}; !slices.Equal(articles, want) {
		t.Errorf("articles %q, want %q", articles, want)
	}
	if !slices.Equal(failures, []string{"/gone http_status"}) {
		t.Errorf("failures %q", failures)
	}
	h := hits()
	if h["/private/x"] != 0 || h["/news/1"] != 1 || h["/tag/city"] != 1 {
		t.Errorf("requests: %v", h)
	}

	// Resumed, from the cache: nothing new is written, nothing fetched
	// but what the cache lacks (the page that failed).
	before := len(readRecords(t, out))
	r = runByline(t, nil, "crawl", srv.URL, "-o", out, "--retries", "0", "--cache", cache, "--resume")
	if r.code != exitOK {
		t.Fatalf("resume: exit %d; stderr:\n%s", r.code, r.stderr)
	}
	if after := readRecords(t, out); len(after) != before+1 || errorKindOf(after[len(after)-1]) != "http_status" {
		t.Errorf("resume wrote %d records, want 1 (the failed page again)", len(after)-before)
	}
	for path, n := range hits() {
		if n != h[path] && path != "/gone" {
			t.Errorf("%s fetched again on the cached run", path)
		}
	}
}

// sortedSources returns the sources of the records in stdout, without the
// prefix base, sorted.
func sortedSources(t *testing.T, stdout, base string) []string {
	t.Helper()
	var out []string
	for _, rec := range decodeRecords(t, stdout) {
		out = append(out, strings.TrimPrefix(rec["source"].(string), base))
	}
	slices.Sort(out)
	return out
}

func TestCrawlCommandAllPagesAndLimits(t *testing.T) {
	srv, _ := newCrawlSite(t)
	r := runByline(t, nil, "crawl", srv.URL, "--all-pages", "--depth", "1", "--exclude", "/news/[4-6]", "--retries", "0")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	pages := sortedSources(t, r.stdout, srv.URL)
	// The home page and the tag page have text but no article: with
	// --all-pages they are printed (or fail as no_content).
	want := []string{"" /* the seed, as given */, "/gone", "/news/1", "/news/2", "/news/3", "/tag/city"}
	if !slices.Equal(pages, want) {
		t.Errorf("pages %q, want %q", pages, want)
	}
}

func TestCrawlCommandUsage(t *testing.T) {
	for _, args := range [][]string{
		{"crawl"},
		{"crawl", "ftp://example.com/"},
		{"crawl", "https://example.com/", "--scope", "planet"},
		{"crawl", "https://example.com/", "--include", "("},
		{"crawl", "https://example.com/", "--depth", "-1"},
		{"crawl", "https://example.com/", "--resume"},
	} {
		if r := runByline(t, nil, args...); r.code != exitUsage {
			t.Errorf("%q: exit %d, want 2 (%s)", args, r.code, r.stderr)
		}
	}
	// A seed that fails: exit 1, its record written.
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	r := runByline(t, nil, "crawl", srv.URL+"/nothing", "--retries", "0")
	if r.code != exitFailed || !strings.Contains(r.stdout, `"kind":"http_status"`) {
		t.Errorf("failing seed: exit %d, stdout %s", r.code, r.stdout)
	}
}

func TestCrawlCommandInterrupt(t *testing.T) {
	srv, _ := newCrawlSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := filepath.Join(t.TempDir(), "out.jsonl")
	code := runContext(ctx, []string{"crawl", srv.URL, "-o", out}, &streams{In: strings.NewReader(""), Out: os.Stdout, Err: &strings.Builder{}})
	if code != exitInterrupted {
		t.Errorf("exit %d, want 130", code)
	}
}

func TestCrawlSeedsFromFile(t *testing.T) {
	srv, hits := newCrawlSite(t)
	list := filepath.Join(t.TempDir(), "seeds.txt")
	os.WriteFile(list, []byte("# seeds\n\n"+srv.URL+"/news/1\n"+srv.URL+"/news/2\n"), 0o644)
	r := runByline(t, nil, "crawl", "-i", list, "--depth", "0", "--exclude", ".", "--retries", "0", "-j", "1")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	sources := sortedSources(t, r.stdout, srv.URL)
	if !slices.Equal(sources, []string{"/news/1", "/news/2"}) {
		t.Errorf("sources %q (requests %v)", sources, hits())
	}
	// From stdin, with a seed argument too.
	r = runByline(t, strings.NewReader(srv.URL+"/news/3\n"), "crawl", srv.URL+"/news/4", "-i", "-", "--exclude", ".", "--retries", "0")
	if r.code != exitOK || strings.Count(r.stdout, "\n") != 2 {
		t.Errorf("-i -: exit %d, stdout %s, stderr %s", r.code, r.stdout, r.stderr)
	}
	// An empty list and a missing file are usage errors.
	empty := filepath.Join(t.TempDir(), "empty.txt")
	os.WriteFile(empty, []byte("# nothing\n"), 0o644)
	for _, args := range [][]string{{"crawl", "-i", empty}, {"crawl", "-i", empty + ".missing"}} {
		if r := runByline(t, nil, args...); r.code != exitUsage {
			t.Errorf("%q: exit %d, want 2", args, r.code)
		}
	}
}

// Every flag that a command's help text names exists (QA: crawl --help
// once documented -i, which crawl did not take).
func TestHelpNamesRealFlags(t *testing.T) {
	flagRE := regexp.MustCompile(`(?:^|[\s(])(--?[a-z][a-z-]*)`)
	s := &streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}
	for _, cmd := range []*cobra.Command{newExtractCmd(s, nil), newCrawlCmd(s, nil)} {
		text := cmd.Long
		for line := range strings.Lines(cmd.Example) {
			for part := range strings.SplitSeq(line, "|") {
				if strings.Contains(part, "byline ") { // not curl's or jq's flags
					text += "\n" + part
				}
			}
		}
		for _, m := range flagRE.FindAllStringSubmatch(text, -1) {
			name := m[1]
			var ok bool
			if strings.HasPrefix(name, "--") {
				ok = cmd.Flags().Lookup(name[2:]) != nil || name == "--help"
			} else {
				ok = len(name) == 2 && cmd.Flags().ShorthandLookup(name[1:]) != nil || name == "-"
			}
			if !ok {
				t.Errorf("%s --help names %s, which it does not take", cmd.Name(), name)
			}
		}
	}
}

// --max-pages counts pages fetched, the first found in page order: the same
// ones on every run.
func TestCrawlMaxPagesDeterministic(t *testing.T) {
	srv, _ := newCrawlSite(t)
	var first string
	for run := range 3 {
		r := runByline(t, nil, "crawl", srv.URL+"/", "--max-pages", "4", "-j", "1", "--retries", "0")
		if r.code != exitOK {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		// The home page and its first three links: three articles.
		want := fmt.Sprintf("%[1]s/news/1\n%[1]s/news/2\n%[1]s/news/3\n", srv.URL)
		var got strings.Builder
		for _, rec := range decodeRecords(t, r.stdout) {
			got.WriteString(rec["source"].(string) + "\n")
		}
		if got.String() != want {
			t.Errorf("run %d: printed\n%s\nwant\n%s", run, got.String(), want)
		}
		if run == 0 {
			first = r.stdout
		} else if r.stdout != first {
			t.Errorf("run %d printed other records than run 0", run)
		}
	}
}
