// Package cli holds the command-line conventions that bin/heitje and bin/heitje-dev share: flags whose
// --help prints a command's usage on standard output, the exit statuses, and main's error line.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// Exit statuses, the same for every command (README.md, "The heitje command"):
//
//	0  done (or help printed)
//	1  the command ran and found differences: `reconcile`, `audit verify`
//	2  the command could not run: a mistake in the command line, the configuration, an unreachable
//	   database or node, a refused operation, any other failure
const (
	ExitOK          = 0
	ExitDifferences = 1
	ExitFailed      = 2
)

// EnvFile is where `make run` (heitje-dev run) leaves the local platform's settings, relative to the
// project root.
const EnvFile = ".run/heitje.env"

// ExitStatus passes a child's exit status through (`heitje-dev test -- CMD`).
type ExitStatus int

func (e ExitStatus) Error() string { return fmt.Sprintf("the command exited with status %d", int(e)) }

// ExitCode is the status itself.
func (e ExitStatus) ExitCode() int { return int(e) }

// Code is the exit status for what a command returned: 0 for nothing or flag.ErrHelp, the ExitCode of an
// error in the chain that has one (a check's differences, a child's status), else ExitFailed.
func Code(err error) int {
	var coded interface{ ExitCode() int }
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.As(err, &coded):
		return coded.ExitCode()
	}
	return ExitFailed
}

// Main runs a program's commands with a context that SIGTERM and Ctrl-C cancel, prints a failure as one
// line "prog: …" on standard error, and returns the exit status for main's os.Exit.
func Main(prog string, run func(ctx context.Context, args []string) error) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:])
	stop()
	code := Code(err)
	if code != ExitOK {
		fmt.Fprintln(os.Stderr, prog+":", OneLine(err))
	}
	return code
}

// OneLine joins a multi-line error (several configuration problems) into one line.
func OneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}

// NewFlags is the flag set of `prog <name>`, whose synopsis (the command line after prog) and about text
// (what it does) `--help` prints on standard output, followed by its flags.
func NewFlags(prog, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(prog+" "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // a parse error is returned, and printed once by main
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: %s %s\n\n%s\n", prog, synopsis, about)
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(w, "\nflags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// Parse parses args into fs. Asked for help (-h, -help, --help), it prints the command's usage on standard
// output and returns flag.ErrHelp, which Main turns into exit status 0; any other mistake is an error that
// says where to find the usage (exit status 2).
func Parse(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(os.Stdout)
		fs.Usage()
		return flag.ErrHelp
	case err != nil:
		return fmt.Errorf("%w (%s --help shows the usage)", err, fs.Name())
	}
	return nil
}

// IsHelp reports whether arg asks for help.
func IsHelp(arg string) bool {
	switch arg {
	case "help", "-h", "-help", "--help":
		return true
	}
	return false
}
