// Command byline turns news web pages into clean, structured JSON.
//
// The command lives in run (run.go): main only hands it the process's
// arguments and standard streams, so tests run it in-process.
//
// Files:
//   - run.go: the root command, exit statuses, signal handling
//   - extract.go: the extract subcommand, its options, one input's record
//   - batch.go: batch jobs (-i, -j, --resume), flags shared with crawl,
//     opening the output
//   - crawl.go: the crawl subcommand
//   - records.go: output records, the error-to-kind mapping, the line writer
//   - progress.go: the progress bar of batch jobs and crawls
//   - version.go: the version string
//   - size.go: the byte-size flag type
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// Twice the default heap growth between collections: one page
		// then costs no collection (a third less CPU for a single page)
		// and a batch 5% less, for a peak of ~50 MB instead of ~40 MB.
		debug.SetGCPercent(200)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
