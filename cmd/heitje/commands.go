package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/heerlen/heitje/internal/config"
)

// command is one subcommand. A group's first argument names one of its own subcommands (`chain deploy`),
// so its help is its usage line; any other command parses its flags, which print its help.
type command struct {
	usage string
	run   func(ctx context.Context, args []string) error
	group bool
}

func commands() map[string]command {
	return map[string]command{
		"serve":     {"serve                      run the API server and its workers (senders, indexer)", serve, false},
		"migrate":   {"migrate up|down [N]|status  apply, revert or list the database migrations", migrate, true},
		"chain":     {chainUsage + "  a real network's genesis and keys; the admin's operations on the coin", chainCmd, true},
		"admin":     {"admin create --username NAME  create an administrator; the password is read from standard input", adminCmd, true},
		"audit":     {"audit verify               check the audit log's hash chain; names the first altered or removed entry", auditCmd, true},
		"keys":      {"keys generate --id ID | rotate-kek  a new DATA_KEY value, or re-encrypt all data under DATA_KEY", keysCmd, true},
		"payout":    {payoutUsage + "  finance's payout runs, acting as a staff member holding finance", payoutCmd, true},
		"reconcile": {"reconcile [--json]         check supply = balances = minted - redeemed = residents + shops + treasury; names every difference", reconcileCmd, false},
		"retention": {"retention run              enforce every retention period once (idempotent) and print what it removed", retentionCmd, true},
		"version":   {"version                    print the build's version, commit and Go release", versionCmd, false},
		"privacy":   {"privacy register [--md]    print the register of processing as JSON or Markdown", privacyCmd, true},
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		usage(os.Stderr)
		return usageError{errors.New("a command is needed")}
	}
	if isHelp(args[0]) {
		if len(args) > 1 { // heitje help COMMAND
			return run(ctx, []string{args[1], "--help"})
		}
		usage(os.Stdout)
		return nil
	}
	c, ok := commands()[args[0]]
	if !ok {
		usage(os.Stderr)
		return usageError{fmt.Errorf("unknown command %q", args[0])}
	}
	if c.group && len(args) > 1 && isHelp(args[1]) {
		fmt.Printf("usage: heitje %s\n\n`heitje %s SUBCOMMAND --help` describes one subcommand and its flags.\n", c.usage, args[0])
		return flag.ErrHelp
	}
	return c.run(ctx, args[1:])
}

// usage lists the commands on w.
func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: heitje COMMAND [ARGS]   (heitje COMMAND --help describes one)\n\ncommands:")
	cs := commands()
	names := make([]string, 0, len(cs))
	for n := range cs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintln(w, "  "+cs[n].usage)
	}
	fmt.Fprintln(w, "\nExit status: 0 done, 1 differences found (reconcile, audit verify), 2 could not run.")
	fmt.Fprintln(w, "\nConfiguration comes from the environment (see README.md). In development mode ("+devModeVar+"=1), from\nthe project root, the file .run/heitje.env that `make run` writes fills in what the environment leaves unset.\n"+
		"The development commands (the local platform, the test harness) are in bin/heitje-dev.")
}

// loadConfig reads the configuration from the environment, in development mode falling back to
// .run/heitje.env.
func loadConfig(need config.Need) (*config.Config, error) {
	lookup, err := configLookup()
	if err != nil {
		return nil, err
	}
	return config.Load(lookup, need)
}
