package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/heerlen/heitje/internal/cli"
)

// usageError marks a mistake in the command line (exit status 2, as every other failure).
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

// differencesFound is a check that ran to the end and found what it looks for (exit status 1).
type differencesFound struct{ error }

func (d differencesFound) Unwrap() error { return d.error }

// ExitCode is cli.ExitDifferences.
func (differencesFound) ExitCode() int { return cli.ExitDifferences }

// newFlags is the flag set of `heitje <name>` (cli.NewFlags).
func newFlags(name, synopsis, about string) *flag.FlagSet {
	return cli.NewFlags("heitje", name, synopsis, about)
}

var (
	parseFlags = cli.Parse
	isHelp     = cli.IsHelp
)

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
