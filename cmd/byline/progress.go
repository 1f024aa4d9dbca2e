package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows how a batch job or crawl goes (done, failed, rate, ETA) on
// stderr when stderr is a terminal, and nothing otherwise. It also prints
// the per-input error lines, clearing the bar first so they stay readable.
// It is used from one goroutine.
type progress struct {
	w      io.Writer
	bar    *progressbar.ProgressBar // nil when not shown
	label  string
	total  int64 // -1 when not known
	start  time.Time
	done   int
	failed int
	detail string // more counts, e.g. a crawl's articles and queue
}

// newProgress makes the progress display for total items (-1 when not
// known, as in a crawl).
func newProgress(w io.Writer, total int64, quiet bool, label string) *progress {
	return newProgressBar(w, total, !quiet && isTerminal(w), label)
}

func newProgressBar(w io.Writer, total int64, show bool, label string) *progress {
	p := &progress{w: w, label: label, total: total, start: time.Now()}
	if !show {
		return p
	}
	// The bar shows the count; the rate and ETA are progressStatus's, which
	// waits for a second of data rather than dividing by microseconds.
	p.bar = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(progressStatus(label, "", 0, 0, total, 0)),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionSetElapsedTime(false),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSpinnerType(14),
	)
	return p
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progressMinElapsed is how long a run goes before a rate is shown.
const progressMinElapsed = time.Second

// progressStatus is the text before the bar: "extract: 3 failed, 12.5
// pages/s, ETA 1m20s". The failed count is always there; the rate only
// after progressMinElapsed, the ETA only when the total is known.
func progressStatus(label, detail string, done, failed int, total int64, elapsed time.Duration) string {
	parts := []string{}
	if detail != "" {
		parts = append(parts, detail)
	}
	parts = append(parts, fmt.Sprintf("%d failed", failed))
	if elapsed >= progressMinElapsed && done > 0 {
		rate := float64(done) / elapsed.Seconds()
		parts = append(parts, fmt.Sprintf("%.1f pages/s", rate))
		if left := total - int64(done); total > 0 && left > 0 {
			eta := time.Duration(float64(left) / rate * float64(time.Second))
			parts = append(parts, "ETA "+eta.Round(time.Second).String())
		}
	}
	return label + ": " + strings.Join(parts, ", ")
}

// add counts one item done.
func (p *progress) add(failed bool) {
	p.done++
	if failed {
		p.failed++
	}
	p.render()
}

// set sets the counts at once (a crawl's, whose items are pages), with
// detail shown before them.
func (p *progress) set(done, failed int, detail string) {
	p.done, p.failed, p.detail = done, failed, detail
	p.render()
}

func (p *progress) render() {
	if p.bar == nil {
		return
	}
	p.bar.Describe(progressStatus(p.label, p.detail, p.done, p.failed, p.total, time.Since(p.start)))
	p.bar.Set(p.done)
}

// println prints a line on stderr, above the bar.
func (p *progress) println(line string) {
	if p.bar != nil {
		p.bar.Clear()
	}
	fmt.Fprintln(p.w, line)
}

// finish removes the bar.
func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar = nil
	}
}
