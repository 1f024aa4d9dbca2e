package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"byline/crawl"
	"byline/extract"
)

// extractOptions are the extract command's settings, bound to its flags.
type extractOptions struct {
	Inputs    []string      // URLs, file paths, "-" for stdin
	URL       string        // --url: the address of a page from a file or stdin
	Pretty    bool          // --pretty: indented JSON
	Output    string        // -o: the output file; "" or "-" is stdout
	Explain   bool          // --explain: fill Article.Removed
	Timeout   time.Duration // --timeout: per request; 0 means no limit
	MaxSize   byteSize      // --max-size: per page
	UserAgent string        // --user-agent: "" means the default

	batch batchOptions // -i, -j, politeness, --resume: batch jobs (batch.go)

	pageURL *url.URL // URL, parsed
	streams *streams
}

// newExtractCmd makes the extract command. runF, when not nil, runs in
// place of extractRun (tests use it to check flag parsing).
func newExtractCmd(s *streams, runF func(context.Context, *extractOptions) error) *cobra.Command {
	opts := &extractOptions{streams: s, Timeout: crawl.DefaultTimeout, MaxSize: crawl.DefaultMaxSize}
	cmd := &cobra.Command{
		Use:   "extract INPUT...",
		Short: "Extract the article of web pages, files or stdin as JSON",
		Long: `Extract the article of each INPUT and print it as one line of JSON.

An INPUT is an http(s) URL (fetched, following redirects), a file (HTML,
gzip-compressed HTML, or plain text), or - for standard input. Each input
gives one record, in input order, as soon as it is ready: the article (see
README.md for its fields), or for a failed input
  {"source": INPUT, "error": {"kind": KIND, "message": TEXT}}
plus a line "byline: INPUT: TEXT" on stderr. Kinds: read, fetch, timeout,
http_status (with "status"), not_html, too_large, no_content, robots,
internal.

` + batchHelp + `

` + exitStatusHelp,
		Example: `  # A page from the web; jq picks fields.
  byline extract https://example.com/news/story.html | jq -r .title

  # A saved page, with its address for links and the site name.
  byline extract saved-page.html --url https://example.com/news/story.html

  # Standard input, gzip files, several inputs (one line each, in order).
  curl -s "$URL" | byline extract - --url "$URL"
  byline extract page.html.gz
  byline extract a.html b.html c.html.gz -o out.jsonl

  # Indented, with what was dropped from the page and why.
  byline extract --pretty --explain page.html

  # A batch job over a list of URLs, 8 at a time; run again to resume.
  byline extract -i urls.txt -o out.jsonl -j 8 --resume`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && !cmd.Flags().Changed("input") {
				return usageErrorf(cmd, "no inputs: give URLs, files, or - for stdin")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			batch := isBatch(cmd)
			if batch {
				if err := opts.batch.check(cmd, opts); err != nil {
					return err
				}
			}
			if err := opts.check(cmd); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			if batch {
				return batchRun(cmd.Context(), cmd, opts)
			}
			return extractRun(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.SortFlags = false
	f.StringVar(&opts.URL, "url", "", "the `URL` of a page read from a file or stdin (resolves links, names the site)")
	f.BoolVarP(&opts.Pretty, "pretty", "p", false, "indent the JSON")
	f.StringVarP(&opts.Output, "output", "o", "", "write the records to `FILE` (whole records only) instead of stdout")
	f.BoolVar(&opts.Explain, "explain", false, `list the blocks of text dropped from each page and why (field "removed")`)
	addFetchFlags(f, &opts.Timeout, &opts.MaxSize, &opts.UserAgent)
	addBatchFlags(f, &opts.batch, "read more inputs from `FILE`, one per line (- for stdin)",
		"work on `N` inputs at once (default: the number of CPUs for files, 8 with URLs)",
		"with -o FILE: skip inputs that have an article in FILE, append the others")
	return cmd
}

// check validates the options and parses --url.
func (o *extractOptions) check(cmd *cobra.Command) error {
	stdin := 0
	for _, in := range o.Inputs {
		if in == "-" {
			stdin++
		}
		if in == "" {
			return usageErrorf(cmd, "empty input name")
		}
	}
	if stdin > 1 {
		return usageErrorf(cmd, "- (stdin) can be given once only")
	}
	if o.Output != "" && o.Output != "-" {
		if out, err := os.Stat(o.Output); err == nil {
			for _, in := range o.Inputs {
				if fi, err := os.Stat(in); err == nil && !isURL(in) && os.SameFile(fi, out) {
					return usageErrorf(cmd, "-o %s is also an input: writing would destroy it", o.Output)
				}
			}
		}
	}
	if o.Timeout < 0 {
		return usageErrorf(cmd, "invalid --timeout %v: must not be negative", o.Timeout)
	}
	if o.URL != "" {
		u, err := url.Parse(o.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usageErrorf(cmd, "invalid --url %q: want an absolute http or https URL", o.URL)
		}
		if len(o.Inputs) > 1 {
			return usageErrorf(cmd, "--url names the address of one page: give a single input with it")
		}
		if isURL(o.Inputs[0]) {
			return usageErrorf(cmd, "--url is for a page read from a file or stdin; %s is fetched from its own address", o.Inputs[0])
		}
		u.Fragment, u.RawFragment = "", "" // a place in the page, not the page
		o.pageURL = u
	}
	return nil
}

// userAgent is the User-Agent requests send: the --user-agent value, or one
// naming byline and its version.
func userAgent(flag string) string {
	switch {
	case flag != "":
		return flag
	case version != "":
		// Set at link time, which the crawl package cannot see.
		return "Mozilla/5.0 (compatible; byline/" + version + ")"
	}
	return crawl.DefaultUserAgent()
}

// isURL reports an input that is fetched rather than read from disk.
func isURL(input string) bool {
	lower := strings.ToLower(input)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

var schemeRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]+):`)

// uriSchemes are schemes of URLs written without "//" (mailto:x@y).
var uriSchemes = map[string]bool{"mailto": true, "tel": true, "data": true, "javascript": true,
	"urn": true, "news": true, "sms": true, "about": true, "magnet": true}

// otherScheme returns the lower-cased scheme of an input that reads as a
// URL other than http(s) ("ftp://host/x", "mailto:a@b"), or "". Windows
// drive letters ("C:") are one letter, and no scheme.
func otherScheme(input string) string {
	m := schemeRE.FindStringSubmatch(input)
	if m == nil {
		return ""
	}
	scheme := strings.ToLower(m[1])
	if strings.HasPrefix(input[len(m[0]):], "//") || uriSchemes[scheme] {
		return scheme
	}
	return ""
}

// extractRun processes the inputs one after another, writing each record
// as soon as it is ready.
func extractRun(ctx context.Context, opts *extractOptions) (err error) {
	rw, _, err := openRecords(opts.streams.Out, opts.Output, opts.Pretty, false)
	if err != nil {
		return err
	}
	defer closeRecords(rw, &err)
	// One input at a time, in order, and no progress bar.
	prog := newProgressBar(opts.streams.Err, int64(len(opts.Inputs)), false, "extract")
	return runInputs(ctx, opts.extractor(), opts.Inputs, 1, rw, prog)
}

func (o *extractOptions) extractor() *extractor {
	return &extractor{
		get:     newFetcher(o.UserAgent, o.Timeout, o.MaxSize).Fetch,
		stdin:   o.streams.In,
		pageURL: o.pageURL,
		explain: o.Explain,
		maxSize: int64(o.MaxSize),
	}
}

// addFetchFlags adds --timeout, --max-size and --user-agent, the flags of
// newFetcher, to f.
func addFetchFlags(f *pflag.FlagSet, timeout *time.Duration, maxSize *byteSize, ua *string) {
	f.DurationVar(timeout, "timeout", *timeout, "time limit per request, reading the body included; 0 means none")
	f.Var(maxSize, "max-size", "size limit per page, after decompression (K, M, G suffixes)")
	f.StringVar(ua, "user-agent", "", "User-Agent header of requests (default \""+userAgent("")+"\")")
}

// newFetcher is the Fetcher of the --user-agent, --timeout and --max-size
// flags.
func newFetcher(ua string, timeout time.Duration, maxSize byteSize) *crawl.Fetcher {
	if timeout == 0 {
		timeout = -1 // no limit
	}
	return &crawl.Fetcher{UserAgent: userAgent(ua), Timeout: timeout, MaxSize: int64(maxSize)}
}

// extractor turns one input into one record. It is safe for concurrent use
// (stdin aside, which can be read once).
type extractor struct {
	// get fetches a URL input: a Fetcher's Fetch, or the polite
	// crawl.Client's Get in a batch job.
	get     func(ctx context.Context, url string) (*crawl.Page, error)
	stdin   io.Reader
	pageURL *url.URL // the --url of a file or stdin input
	explain bool
	maxSize int64
}

// record processes input and returns its record: the *extract.Article, or
// the *errorRecord of a failure.
func (x *extractor) record(ctx context.Context, input string) any {
	a, err := x.extract(ctx, input)
	if err != nil {
		return failure(input, err, a)
	}
	return a
}

// extract reads or fetches input and extracts its article. A panic becomes
// the input's error. On ErrNoContent the article comes back too.
func (x *extractor) extract(ctx context.Context, input string) (a *extract.Article, err error) {
	defer func() {
		if v := recover(); v != nil {
			a, err = nil, recovered(v)
		}
	}()
	data, opts, err := x.read(ctx, input)
	if err != nil {
		return nil, err
	}
	a, err = extract.Extract(data, opts)
	if err != nil {
		return a, &stageError{kind: kindRead, err: err}
	}
	a.Source = input
	return a, nil
}

// read returns the bytes of input and the extraction options that go with
// them.
func (x *extractor) read(ctx context.Context, input string) ([]byte, *extract.Options, error) {
	opts := &extract.Options{URL: x.pageURL, Explain: x.explain, MaxSize: x.maxSize}
	if isURL(input) {
		p, err := x.get(ctx, input)
		if err != nil {
			return nil, nil, fetchError(err)
		}
		opts.URL, opts.ContentType = p.URL, p.ContentType
		return p.Body, opts, nil
	}
	var r io.Reader
	if input == "-" {
		r = x.stdin
	} else {
		f, err := os.Open(input)
		if err != nil {
			if scheme := otherScheme(input); scheme != "" && errors.Is(err, fs.ErrNotExist) {
				// Not a file, and a URL byline does not fetch.
				return nil, nil, &stageError{kind: kindFetch,
					err: fmt.Errorf("unsupported URL scheme %s (byline fetches http and https)", scheme)}
			}
			return nil, nil, &stageError{kind: kindRead, err: err}
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, x.maxSize+1))
	if err != nil {
		if input == "-" {
			err = fmt.Errorf("read stdin: %w", err)
		}
		return nil, nil, &stageError{kind: kindRead, err: err}
	}
	if int64(len(data)) > x.maxSize {
		return nil, nil, fmt.Errorf("%w: over the limit of %d bytes (--max-size)", extract.ErrTooLarge, x.maxSize)
	}
	return data, opts, nil
}
