package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit statuses, documented in the help text and README.md.
const (
	exitOK          = 0   // every input gave an article
	exitFailed      = 1   // an input failed, or the output could not be written
	exitUsage       = 2   // bad command line
	exitInterrupted = 130 // SIGINT or SIGTERM
)

const exitStatusHelp = `Exit status:
  0    every input gave an article
  1    an input failed (its error record is printed, the other inputs are
       still processed), or the output could not be written
  2    usage error: unknown command or flag, no inputs, bad --url
  130  interrupted by SIGINT or SIGTERM (no partial line is left behind)`

// streams are the command's standard streams, injected for tests.
type streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// run is the whole command: it parses args, runs the subcommand and returns
// the exit status. SIGINT and SIGTERM cancel the run (status 130).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runContext(ctx, args, &streams{In: stdin, Out: stdout, Err: stderr})
}

// runContext is run with the context given: cancelling it interrupts the run.
func runContext(ctx context.Context, args []string, s *streams) int {
	root := newRootCmd(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	return exitStatus(err, s.Err)
}

func newRootCmd(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "byline",
		Short: "Turn news web pages into clean JSON",
		Long: `byline turns news web pages into clean JSON: title, authors, dates, site,
language, canonical URL, the body as clean paragraphs (no navigation,
appeals, related lists, share boxes or comments) and the quotations with
their speakers. byline extract reads pages, files, stdin and lists of
them; byline crawl follows the links of whole sites.

Exit status (each command's --help says more):
  0    every input gave an article, or the crawl ran to its end
  1    an input or seed failed (its error record is printed, the others
       are still processed), or the output could not be written
  2    usage error: unknown command or flag, no inputs, a bad flag value
  130  interrupted by SIGINT or SIGTERM (no partial line is left behind)`,
		Example: `  byline extract https://example.com/news/story.html | jq -r .title
  byline extract --pretty saved-page.html --url https://example.com/news/story.html
  byline crawl https://example.com/ -o out.jsonl --sitemaps
  byline completion bash > /etc/bash_completion.d/byline`,
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("byline {{.Version}}\n")
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{cmd: c.CommandPath(), err: err}
	})
	root.AddCommand(newExtractCmd(s, nil))
	root.AddCommand(newCrawlCmd(s, nil))
	// cobra's completion command prints its help and exits 0 for a shell
	// it does not know ("byline completion tcsh"): make that a usage error.
	root.InitDefaultCompletionCmd()
	if comp, _, err := root.Find([]string{"completion"}); err == nil && comp != root {
		comp.Args = cobra.ArbitraryArgs // checked by RunE, which names the shells
		comp.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf(cmd, "name a shell: bash, zsh, fish or powershell")
			}
			return usageErrorf(cmd, "unknown shell %q: want bash, zsh, fish or powershell", args[0])
		}
	}
	return root
}

// usageError is a bad command line: exit status 2, with a pointer to the help.
type usageError struct {
	cmd string // command path, e.g. "byline extract"
	err error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(cmd *cobra.Command, format string, args ...any) error {
	return &usageError{cmd: cmd.CommandPath(), err: fmt.Errorf(format, args...)}
}

// exitError ends the command with code; err, when not nil, is printed.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// exitStatus maps the command's error to the exit status, printing it once.
// Errors of no known type come from cobra's own checks (an unknown command,
// bad arguments) and are usage errors.
func exitStatus(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "byline: %v\n", ee.err)
		}
		return ee.code
	}
	cmd := "byline"
	var ue *usageError
	if errors.As(err, &ue) {
		cmd = ue.cmd
	}
	fmt.Fprintf(stderr, "byline: %v\nRun '%s --help' for usage.\n", err, cmd)
	return exitUsage
}
