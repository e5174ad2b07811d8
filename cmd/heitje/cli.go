package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// Exit statuses, the same for every command (README.md, "The heitje command"):
//
//	0  done (or help printed)
//	1  the command ran and found differences: `reconcile`, `audit verify`
//	2  the command could not run: a mistake in the command line, the configuration, an unreachable
//	   database or node, a refused operation, any other failure
const (
	exitOK          = 0
	exitDifferences = 1
	exitFailed      = 2
)

// usageError marks a mistake in the command line.
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

// differencesFound is a check that ran to the end and found what it looks for (exit status 1).
type differencesFound struct{ error }

func (d differencesFound) Unwrap() error { return d.error }

// exitStatus passes a child's exit status through (`dev test -- CMD`).
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("the command exited with status %d", int(e)) }

func exitCode(err error) int {
	var d differencesFound
	var st exitStatus
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &st):
		return int(st)
	case errors.As(err, &d):
		return exitDifferences
	}
	return exitFailed
}

// newFlags is the flag set of `heitje <name>`, whose synopsis (the command line after "heitje") and about
// text (what it does) `--help` prints on standard output, followed by its flags.
func newFlags(name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // a parse error is returned, and printed once by main
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: heitje %s\n\n%s\n", synopsis, about)
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(w, "\nflags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args into fs. Asked for help (-h, -help, --help), it prints the command's usage on
// standard output and returns flag.ErrHelp, which main turns into exit status 0; any other mistake is a
// usageError that says where to find the usage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(os.Stdout)
		fs.Usage()
		return flag.ErrHelp
	case err != nil:
		return usageError{fmt.Errorf("%w (heitje %s --help shows the usage)", err, fs.Name())}
	}
	return nil
}

// isHelp reports whether arg asks for help.
func isHelp(arg string) bool {
	switch arg {
	case "help", "-h", "-help", "--help":
		return true
	}
	return false
}

// versionCmd is `heitje version`.
func versionCmd(_ context.Context, args []string) error {
	fs := newFlags("version", "version", "Prints the build's version, commit and Go release.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{errors.New("version takes no arguments")}
	}
	fmt.Println(versionLine())
	return nil
}

// versionLine is the build's module version, commit and Go release, from the build information the go
// command embeds.
func versionLine() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "heitje (no build information)"
	}
	var rev, at, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = " with uncommitted changes"
			}
		}
	}
	parts := []string{"heitje " + info.Main.Version}
	if rev != "" {
		parts = append(parts, "commit "+rev+dirty)
	}
	if at != "" {
		parts = append(parts, "of "+at)
	}
	parts = append(parts, "built with "+info.GoVersion)
	return strings.Join(parts, ", ")
}
