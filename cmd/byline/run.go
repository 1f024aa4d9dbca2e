package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"byline/extract"
)

// run is the whole command, with its I/O injected so tests run it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) < 2 || args[0] != "extract" {
		fmt.Fprintln(stderr, "usage: byline extract FILE")
		return 2
	}
	data, err := os.ReadFile(args[1])
	if err != nil {
		fmt.Fprintf(stderr, "byline: %s: %v\n", args[1], err)
		return 1
	}
	a, err := extract.Extract(data, nil)
	if err != nil {
		fmt.Fprintf(stderr, "byline: %s: %v\n", args[1], err)
		return 1
	}
	a.Source = args[1]
	json.NewEncoder(stdout).Encode(a)
	return 0
}
