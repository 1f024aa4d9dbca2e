package main

import (
	"fmt"
	"io"
	"os"
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
	failed int
}

// newProgress makes the progress display for total items (-1 when not
// known, as in a crawl).
func newProgress(w io.Writer, total int64, quiet bool, label string) *progress {
	p := &progress{w: w, label: label}
	if quiet || !isTerminal(w) {
		return p
	}
	p.bar = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(label),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("pages"),
		progressbar.OptionSetPredictTime(total > 0),
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

// add counts one item done.
func (p *progress) add(failed bool) {
	if failed {
		p.failed++
	}
	if p.bar == nil {
		return
	}
	if failed {
		p.bar.Describe(fmt.Sprintf("%s, %d failed", p.label, p.failed))
	}
	p.bar.Add(1)
}

// describe sets the text before the bar.
func (p *progress) describe(s string) {
	if p.bar != nil {
		p.bar.Describe(s)
	}
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
