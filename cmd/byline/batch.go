package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"byline/crawl"
)

// defaultURLJobs is -j for a batch with URLs in it: enough to keep many
// hosts busy while each host gets --per-host requests at a time.
const defaultURLJobs = 8

// batchOptions are the settings of batch jobs (byline extract -i FILE) and
// crawls, bound to their flags.
type batchOptions struct {
	InputFile    string        // -i: a file of inputs, one per line; "-" is stdin
	Jobs         int           // -j: inputs worked on at once; 0 means a default
	PerHost      int           // --per-host: requests in flight per host
	Delay        time.Duration // --delay: between the starts of requests to one host
	IgnoreRobots bool          // --ignore-robots
	Retries      int           // --retries
	Resume       bool          // --resume: skip inputs with a success record in -o
	Quiet        bool          // --quiet: no progress bar
}

// batchFlagNames are the flags that make `byline extract` a batch job.
var batchFlagNames = []string{"input", "jobs", "per-host", "delay", "ignore-robots", "retries", "resume", "quiet"}

const batchHelp = `Batch jobs: -i FILE (or -i - for stdin) reads more inputs, one per line
(blank lines and lines starting with # are skipped; a repeated input is
done once), and -j N works on N at once; records then come in the order
they complete. Any of -i, -j, --resume, --per-host, --delay,
--ignore-robots, --retries and --quiet makes a batch job.

` + politenessHelp + `

--resume with -o FILE skips the inputs that already have an article in FILE
and appends the rest. A progress bar shows on stderr when it is a terminal.`

// politenessHelp is the help text on how URLs are fetched, shared by batch
// jobs and crawls.
const politenessHelp = `URLs are fetched politely: robots.txt is obeyed (an input or seed it
refuses gets an error of kind robots and is never requested; a robots.txt
that answers 5xx or cannot be reached refuses the whole site), at most
--per-host requests go to one host at a time, --delay apart (or the
robots.txt Crawl-delay, up to 10s), and 429, 503 (after their Retry-After,
up to 60s), other 5xx answers and connection errors are tried again
--retries times with growing waits.`

// addBatchFlags adds the batch and politeness flags to f: -i, -j and
// --resume with the usage texts given, which differ between batch jobs and
// crawls.
func addBatchFlags(f *pflag.FlagSet, o *batchOptions, inputUsage, jobsUsage, resumeUsage string) {
	f.StringVarP(&o.InputFile, "input", "i", "", inputUsage)
	f.IntVarP(&o.Jobs, "jobs", "j", 0, jobsUsage)
	f.IntVar(&o.PerHost, "per-host", 1, "have at most `N` requests in flight to one host")
	f.DurationVar(&o.Delay, "delay", 0, "least time between the starts of two requests to one host")
	f.BoolVar(&o.IgnoreRobots, "ignore-robots", false, "do not obey robots.txt")
	f.IntVar(&o.Retries, "retries", 2, "try a request again up to `N` times after a 429, a 5xx or a connection error")
	f.BoolVar(&o.Resume, "resume", false, resumeUsage)
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "show no progress bar")
}

// isBatch reports whether the command line asks for a batch job.
func isBatch(cmd *cobra.Command) bool {
	for _, name := range batchFlagNames {
		if cmd.Flags().Changed(name) {
			return true
		}
	}
	return false
}

// check validates the batch options of the extract command.
func (o *batchOptions) check(cmd *cobra.Command, opts *extractOptions) error {
	if opts.URL != "" {
		return usageErrorf(cmd, "--url names the address of one page: it does not go with a batch job")
	}
	return o.checkFlags(cmd, opts.Output)
}

// checkFlags validates the options shared by batch jobs and crawls.
func (o *batchOptions) checkFlags(cmd *cobra.Command, output string) error {
	switch {
	case o.Jobs < 0:
		return usageErrorf(cmd, "invalid -j %d: must be positive", o.Jobs)
	case o.PerHost < 1:
		return usageErrorf(cmd, "invalid --per-host %d: must be at least 1", o.PerHost)
	case o.Delay < 0:
		return usageErrorf(cmd, "invalid --delay %v: must not be negative", o.Delay)
	case o.Retries < 0:
		return usageErrorf(cmd, "invalid --retries %d: must not be negative", o.Retries)
	case o.Resume && (output == "" || output == "-"):
		return usageErrorf(cmd, "--resume needs -o FILE: the records to resume from")
	}
	return nil
}

// client is the polite HTTP client of a batch job or crawl.
func (o *batchOptions) client(ua string, timeout time.Duration, maxSize byteSize) *crawl.Client {
	return &crawl.Client{
		Fetcher:      newFetcher(ua, timeout, maxSize),
		PerHost:      o.PerHost,
		Delay:        o.Delay,
		IgnoreRobots: o.IgnoreRobots,
		// robots.txt groups name the crawler the requests say they are:
		// "byline" unless --user-agent names another.
		RobotsAgent: crawl.ProductToken(ua),
		Retries:     o.Retries,
	}
}

// readInputList reads inputs from r, one per line, skipping blank lines and
// # comments. A UTF-8 byte order mark at the start (as some editors write)
// is not part of the first input.
func readInputList(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	first := true
	for sc.Scan() {
		text := sc.Text()
		if first {
			text, first = strings.TrimPrefix(text, "\uFEFF"), false
		}
		line := strings.TrimSpace(text)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out, sc.Err()
}

// batchInputs gathers the inputs of a batch job: the arguments, then the
// lines of -i. Repeated inputs are dropped.
func batchInputs(cmd *cobra.Command, opts *extractOptions) ([]string, error) {
	inputs := append([]string(nil), opts.Inputs...)
	if opts.batch.InputFile == "-" && slices.Contains(inputs, "-") {
		return nil, usageErrorf(cmd, "- (stdin) cannot be both an input and -i")
	}
	more, err := readInputFile(cmd, opts.batch.InputFile, opts.streams.In)
	if err != nil {
		return nil, err
	}
	return dedupe(append(inputs, more...)), nil
}

// readInputFile reads the list named by -i ("-" is stdin; "" gives
// nothing). Failing to read it is a usage error.
func readInputFile(cmd *cobra.Command, name string, stdin io.Reader) ([]string, error) {
	if name == "" {
		return nil, nil
	}
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, usageErrorf(cmd, "cannot read -i: %w", err)
		}
		defer f.Close()
		r = f
	}
	list, err := readInputList(r)
	if err != nil {
		return nil, usageErrorf(cmd, "cannot read -i %s: %w", name, err)
	}
	return list, nil
}

// dedupe drops repeated strings, keeping the first of each.
func dedupe(inputs []string) []string {
	seen := make(map[string]bool, len(inputs))
	out := inputs[:0]
	for _, in := range inputs {
		if !seen[in] {
			seen[in] = true
			out = append(out, in)
		}
	}
	return out
}

// openRecords returns the writer of a run's records: to stdout, or to the
// -o file name when there is one (see openOutput), with the sources that
// file has articles for. Close it with closeRecords.
func openRecords(stdout io.Writer, name string, pretty, resume bool) (*recordWriter, map[string]bool, error) {
	if name == "" || name == "-" {
		return newRecordWriter(stdout, nil, "stdout", pretty), map[string]bool{}, nil
	}
	f, done, err := openOutput(name, resume)
	if err != nil {
		return nil, nil, &exitError{code: exitFailed, err: err}
	}
	return newRecordWriter(f, f, name, pretty), done, nil
}

// closeRecords closes the output file of rw, if any. Deferred with the
// run's named error: a failure to close becomes it, unless it is set.
func closeRecords(rw *recordWriter, errp *error) {
	if rw.file == nil {
		return
	}
	if err := rw.file.Close(); err != nil && *errp == nil {
		*errp = &exitError{code: exitFailed, err: fmt.Errorf("close %s: %w", rw.name, err)}
	}
}

// openOutput opens the -o file of a run: new or truncated,
// or, with resume, appended to after reading which sources it has articles
// for. A torn last record (from a crash) is cut off first.
func openOutput(name string, resume bool) (f *os.File, done map[string]bool, err error) {
	done = map[string]bool{}
	if !resume {
		f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot create output: %w", err)
		}
		return f, done, nil
	}
	data, err := os.ReadFile(name)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, nil, fmt.Errorf("cannot read %s to resume: %w", name, err)
	}
	end, err := scanRecords(data, done)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot resume from %s: %w", name, err)
	}
	if end < int64(len(data)) {
		if err := os.Truncate(name, end); err != nil {
			return nil, nil, fmt.Errorf("cannot cut the torn record off %s: %w", name, err)
		}
	}
	f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot open output: %w", err)
	}
	if end > 0 && data[end-1] != '\n' {
		// A whole last record without its newline: end its line.
		if _, err := f.Write([]byte("\n")); err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("cannot write %s: %w", name, err)
		}
	}
	return f, done, nil
}

// scanRecords reads the records in data, adding the sources of articles to
// done, and returns where the whole records end (after their newline). A
// damaged tail that holds no whole record is a torn write, to be cut off;
// damage followed by whole records is an error.
func scanRecords(data []byte, done map[string]bool) (int64, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var end int64
	for {
		var rec struct {
			Source string          `json:"source"`
			Error  json.RawMessage `json:"error"`
		}
		err := dec.Decode(&rec)
		if err == io.EOF {
			return int64(len(data)), nil
		}
		if err != nil {
			for line := range bytes.Lines(data[end:]) {
				if json.Valid(bytes.TrimSpace(line)) && bytes.HasPrefix(bytes.TrimSpace(line), []byte("{")) {
					return 0, fmt.Errorf("damaged record after byte %d", end)
				}
			}
			return end, nil
		}
		end = dec.InputOffset()
		if end < int64(len(data)) && data[end] == '\n' {
			end++
		}
		if rec.Source != "" && len(rec.Error) == 0 {
			done[rec.Source] = true
		}
	}
}

// batchRun runs a batch job: inputs worked on -j at a time, each record
// written as soon as it is ready.
func batchRun(ctx context.Context, cmd *cobra.Command, opts *extractOptions) (err error) {
	b := &opts.batch
	inputs, err := batchInputs(cmd, opts)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return usageErrorf(cmd, "no inputs: give URLs, files, or - for stdin, or -i FILE")
	}

	rw, done, err := openRecords(opts.streams.Out, opts.Output, opts.Pretty, b.Resume)
	if err != nil {
		return err
	}
	defer closeRecords(rw, &err)

	todo := inputs[:0:0]
	urls := false
	for _, in := range inputs {
		if done[in] {
			continue
		}
		todo = append(todo, in)
		urls = urls || isURL(in)
	}
	jobs := b.Jobs
	if jobs == 0 {
		jobs = runtime.NumCPU()
		if urls {
			jobs = defaultURLJobs
		}
	}
	x := opts.extractor()
	x.get = b.client(opts.UserAgent, opts.Timeout, opts.MaxSize).Get // URLs politely
	prog := newProgress(opts.streams.Err, int64(len(todo)), b.Quiet, "extract")
	defer prog.finish()

	return runInputs(ctx, x, todo, jobs, rw, prog)
}

// runInputs works on inputs jobs at a time and writes each record as soon
// as it is ready (so in input order when jobs is 1); a failed input also
// gets its line on stderr, through prog.
func runInputs(ctx context.Context, x *extractor, inputs []string, jobs int, rw *recordWriter, prog *progress) error {
	// Workers take inputs from work and send records to results; this
	// goroutine alone writes, so records never interleave. Returning (an
	// interrupt, a failed write) cancels the inputs in flight and stops
	// the workers.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan string)
	results := make(chan any, jobs)
	go func() {
		defer close(work)
		for _, in := range inputs {
			select {
			case work <- in:
			case <-ctx.Done():
				return // stop taking inputs
			}
		}
	}()
	for range jobs {
		go func() {
			for in := range work {
				rec := x.record(ctx, in)
				select {
				case results <- rec:
				case <-ctx.Done():
					return
				}
			}
		}()
	}

	failed := 0
	for range inputs {
		var rec any
		select {
		case rec = <-results:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			// Interrupted: in-flight inputs are abandoned without a record,
			// so a --resume run does them again.
			return &exitError{code: exitInterrupted, err: errors.New("interrupted")}
		}
		if err := rw.write(rec); err != nil {
			return &exitError{code: exitFailed, err: err}
		}
		fail, isFail := rec.(*errorRecord)
		if isFail {
			failed++
			prog.println(fmt.Sprintf("byline: %s: %s", fail.Source, fail.Error.Message))
		}
		prog.add(isFail)
	}
	if failed > 0 {
		return &exitError{code: exitFailed}
	}
	return nil
}

// fetchError gives a fetching error its record kind where no sentinel of
// errorKind names it.
func fetchError(err error) error {
	var pe *crawl.PanicError
	if errors.As(err, &pe) {
		return &panicError{value: pe.Value}
	}
	return &stageError{kind: kindFetch, err: err}
}
