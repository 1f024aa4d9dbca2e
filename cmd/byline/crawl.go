package main

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/spf13/cobra"

	"byline/crawl"
	"byline/extract"
)

// crawlOptions are the crawl command's settings, bound to its flags.
type crawlOptions struct {
	Seeds     []string // the arguments, then the lines of -i
	Output    string   // -o: the output file; "" or "-" is stdout
	Pretty    bool     // --pretty
	Timeout   time.Duration
	MaxSize   byteSize // --max-size: per page
	UserAgent string   // --user-agent
	Scope     string   // --scope: host, domain or prefix
	Depth     int      // --depth: link hops from a seed; 0 means no limit
	MaxPages  int      // --max-pages: pages fetched (not articles printed); 0 means no limit
	Include   []string // --include: follow only URLs matching one of these
	Exclude   []string // --exclude: never follow URLs matching one of these
	Sitemaps  bool     // --sitemaps
	Feeds     bool     // --feeds
	AllPages  bool     // --all-pages: emit every page, not only articles
	Cache     string   // --cache: keep fetched pages in this directory
	batch     batchOptions

	streams *streams
}

// newCrawlCmd makes the crawl command. runF, when not nil, runs in place of
// crawlRun (tests use it to check flag parsing).
func newCrawlCmd(s *streams, runF func(context.Context, *crawlOptions) error) *cobra.Command {
	opts := &crawlOptions{streams: s, Timeout: crawl.DefaultTimeout, MaxSize: crawl.DefaultMaxSize, Scope: "host"}
	cmd := &cobra.Command{
		Use:   "crawl SEED... | -i FILE",
		Short: "Crawl sites from seed URLs and extract their articles as JSON",
		Long: `Crawl from each SEED URL, following links within the scope, and print each
article found as one line of JSON (the records of byline extract, in the
order pages complete). Index, tag and section pages are followed but not
printed, unless --all-pages: a page is an article when its markup says so
(og:type article, a schema.org Article type) or its main text is long
enough and not made of links. URLs are normalised (case, default ports,
fragments, utm_* and other tracking parameters) and one article is printed
once, whatever URL led to it (redirects, canonical URL).

--sitemaps reads the sitemaps named in robots.txt and /sitemap.xml (indexes,
gzip, news sitemaps); --feeds reads the RSS and Atom feeds pages link to.
--cache DIR keeps every fetched page and reuses it on the next run.

A page that fails gives an error record, as in byline extract; links that
robots.txt disallows and links to files that are not pages (images, PDFs,
media, by their extension) are skipped silently, and never requested.
Links are taken in page order: with -j 1 a crawl run again (--max-pages
included) fetches the same pages in the same order.

-i FILE (or -i - for stdin) reads more seeds, one per line (blank lines
and lines starting with # are skipped), and -j N works on N pages at once.

` + politenessHelp + `

--resume with -o FILE appends to FILE and does not print again the pages
that already have an article in it (they are still fetched, or read from
--cache, for their links). A progress bar shows on stderr when it is a
terminal.

Exit status:
  0    the crawl ran to its end
  1    a seed failed (its error record is printed), or the output could
       not be written
  2    usage error: bad flag, seed, scope or regular expression
  130  interrupted by SIGINT or SIGTERM (no partial line is left behind)`,
		Example: `  # The articles of a news site, into a file; run again with --resume.
  byline crawl https://example.com/ -o out.jsonl --sitemaps --feeds

  # Two levels of links under /politics/, at most 500 pages, a polite pace.
  byline crawl https://example.com/politics/ --scope prefix --depth 2 \
      --max-pages 500 --delay 2s -o politics.jsonl

  # Skip tag pages; keep pages on disk for the next run.
  byline crawl https://example.com/ --exclude '/tag/' --cache ~/.cache/byline

  # Seeds from a file, one URL per line.
  byline crawl -i seeds.txt -o out.jsonl`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && !cmd.Flags().Changed("input") {
				return usageErrorf(cmd, "no seeds: give the URLs to start from, or -i FILE")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			more, err := readInputFile(cmd, opts.batch.InputFile, opts.streams.In)
			if err != nil {
				return err
			}
			opts.Seeds = dedupe(append(args, more...))
			if len(opts.Seeds) == 0 {
				return usageErrorf(cmd, "no seeds: -i %s lists none", opts.batch.InputFile)
			}
			c, err := opts.crawler(cmd)
			if err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return crawlRun(cmd.Context(), opts, c)
		},
	}
	f := cmd.Flags()
	f.SortFlags = false
	f.StringVarP(&opts.Output, "output", "o", "", "write the records to `FILE` (whole records only) instead of stdout")
	f.StringVar(&opts.Scope, "scope", opts.Scope, "links followed: host (the seed's host), domain (its registrable domain) or prefix (under its directory)")
	f.IntVar(&opts.Depth, "depth", 0, "follow links at most `N` hops from a seed (sitemap and feed entries are one hop); 0 means no limit")
	f.IntVar(&opts.MaxPages, "max-pages", 0, "fetch at most `N` pages (pages, not articles printed): the seeds and the first links found, in page order; 0 means no limit")
	f.StringArrayVar(&opts.Include, "include", nil, "follow only URLs matching this `REGEXP` (repeatable; seeds always)")
	f.StringArrayVar(&opts.Exclude, "exclude", nil, "never follow URLs matching this `REGEXP` (repeatable)")
	f.BoolVar(&opts.Sitemaps, "sitemaps", false, "read the sitemaps of robots.txt and /sitemap.xml for more URLs")
	f.BoolVar(&opts.Feeds, "feeds", false, "read the RSS and Atom feeds pages link to for more URLs")
	f.BoolVar(&opts.AllPages, "all-pages", false, "print every page, not only articles")
	f.StringVar(&opts.Cache, "cache", "", "keep fetched pages in `DIR` and reuse them on the next run")
	f.BoolVarP(&opts.Pretty, "pretty", "p", false, "indent the JSON")
	addFetchFlags(f, &opts.Timeout, &opts.MaxSize, &opts.UserAgent)
	addBatchFlags(f, &opts.batch, "read more seeds from `FILE`, one URL per line (- for stdin)",
		"work on `N` pages at once (default 8)",
		"with -o FILE: append to FILE, not printing again the pages it has articles for")
	return cmd
}

// crawler checks the options and builds the crawler they describe.
func (o *crawlOptions) crawler(cmd *cobra.Command) (*crawl.Crawler, error) {
	if err := o.batch.checkFlags(cmd, o.Output); err != nil {
		return nil, err
	}
	scope, err := crawl.ParseScope(o.Scope)
	if err != nil {
		return nil, usageErrorf(cmd, "invalid --scope: %w", err)
	}
	switch {
	case o.Depth < 0:
		return nil, usageErrorf(cmd, "invalid --depth %d: must not be negative", o.Depth)
	case o.MaxPages < 0:
		return nil, usageErrorf(cmd, "invalid --max-pages %d: must not be negative", o.MaxPages)
	case o.Timeout < 0:
		return nil, usageErrorf(cmd, "invalid --timeout %v: must not be negative", o.Timeout)
	}
	for _, s := range o.Seeds {
		if _, err := crawl.NormalizeURL(s); err != nil {
			return nil, usageErrorf(cmd, "invalid seed %q: want an absolute http or https URL", s)
		}
	}
	compile := func(flag string, exprs []string) ([]*regexp.Regexp, error) {
		var out []*regexp.Regexp
		for _, e := range exprs {
			re, err := regexp.Compile(e)
			if err != nil {
				return nil, usageErrorf(cmd, "invalid --%s: %w", flag, err)
			}
			out = append(out, re)
		}
		return out, nil
	}
	c := &crawl.Crawler{
		Client:      o.batch.client(o.UserAgent, o.Timeout, o.MaxSize),
		Scope:       scope,
		MaxDepth:    o.Depth,
		MaxPages:    o.MaxPages,
		Sitemaps:    o.Sitemaps,
		Feeds:       o.Feeds,
		AllPages:    o.AllPages,
		Concurrency: o.batch.Jobs,
		Extract:     extract.Options{MaxSize: int64(o.MaxSize)},
	}
	if c.Include, err = compile("include", o.Include); err != nil {
		return nil, err
	}
	if c.Exclude, err = compile("exclude", o.Exclude); err != nil {
		return nil, err
	}
	if o.Cache != "" {
		c.Client.Cache = &crawl.Cache{Dir: o.Cache}
	}
	return c, nil
}

// crawlRun runs the crawl, writing each record as soon as it is ready.
func crawlRun(ctx context.Context, opts *crawlOptions, c *crawl.Crawler) (err error) {
	rw, done, err := openRecords(opts.streams.Out, opts.Output, opts.Pretty, opts.batch.Resume)
	if err != nil {
		return err
	}
	defer closeRecords(rw, &err)
	prog := newProgress(opts.streams.Err, -1, opts.batch.Quiet, "crawl")
	defer prog.finish()

	// A failed write ends the crawl.
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var writeErr error
	seeds := map[string]bool{}
	for _, s := range opts.Seeds {
		seeds[s] = true
	}
	seedFailed := false

	c.Skip = func(source string) bool { return done[source] }
	c.Warn = func(err error) { prog.println("byline: warning: " + err.Error()) }
	c.Progress = func(st crawl.CrawlStats) {
		prog.set(st.Fetched, st.Failed, fmt.Sprintf("%d articles, %d queued", st.Emitted, st.Queued))
	}
	emit := func(r crawl.Result) {
		if writeErr != nil || ctx.Err() != nil {
			return
		}
		var rec any = r.Article
		if r.Err != nil {
			fail := failure(r.Source, fetchError(r.Err), r.Article)
			rec = fail
			if seeds[r.Source] {
				seedFailed = true
			}
			prog.println(fmt.Sprintf("byline: %s: %s", r.Source, fail.Error.Message))
		}
		if err := rw.write(rec); err != nil {
			writeErr = err
			cancel(err)
		}
	}
	_, err = c.Run(ctx, opts.Seeds, emit)
	switch {
	case writeErr != nil:
		return &exitError{code: exitFailed, err: writeErr}
	case err != nil && ctx.Err() != nil:
		return &exitError{code: exitInterrupted, err: errors.New("interrupted")}
	case err != nil:
		return &exitError{code: exitFailed, err: err}
	case seedFailed:
		return &exitError{code: exitFailed}
	}
	return nil
}
