// Command byline-score measures byline's extraction on a benchmark dataset,
// with the benchmarks' own metrics (ported to Go in internal/score and
// checked against the Python reference scorers).
//
//	go run ./cmd/byline-score testdata/bench/scrapinghub
//	go run ./cmd/byline-score --worst 10 testdata/bench/scrapinghub
//	go run ./cmd/byline-score testdata/bench/readability
//	go run ./cmd/byline-score --quotes testdata/bench/quotes/quotes-dev.jsonl testdata/bench/scrapinghub
//
// Run it with -h for every flag.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
