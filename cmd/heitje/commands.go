package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/heerlen/heitje/internal/config"
)

// command is one subcommand.
type command struct {
	usage string
	run   func(ctx context.Context, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"serve":     {"serve                      run the API server and its workers (senders, indexer)", serve},
		"migrate":   {"migrate up|down [N]|status  apply, revert or list the database migrations", migrate},
		"chain":     {chainUsage + "  a real network's genesis and keys; the admin's operations on the coin", chainCmd},
		"dev":       {"dev run [--signers N] | dev test -- CMD | dev totp USERNAME  the local platform for `make run` (N signers and an RPC node), CMD against a throw-away one, or a demo staff member's current second-factor code", dev},
		"admin":     {"admin create --username NAME  create an administrator; the password is read from standard input", adminCmd},
		"audit":     {"audit verify               check the audit log's hash chain; names the first altered or removed entry", auditCmd},
		"keys":      {"keys generate --id ID | rotate-kek  a new DATA_KEY value, or re-encrypt all data under DATA_KEY", keysCmd},
		"payout":    {payoutUsage + "  finance's payout runs, acting as a staff member holding finance", payoutCmd},
		"reconcile": {"reconcile [--json]         check supply = balances = minted - redeemed = residents + shops + treasury; names every difference", reconcileCmd},
		"retention": {"retention run              enforce every retention period once (idempotent) and print what it removed", retentionCmd},
		"privacy":   {"privacy register [--md]    print the register of processing as JSON or Markdown", privacyCmd},
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage()
		return nil
	}
	c, ok := commands()[args[0]]
	if !ok {
		usage()
		return usageError{fmt.Errorf("unknown command %q", args[0])}
	}
	return c.run(ctx, args[1:])
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: heitje COMMAND [ARGS]\n\ncommands:")
	cs := commands()
	names := make([]string, 0, len(cs))
	for n := range cs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintln(os.Stderr, "  "+cs[n].usage)
	}
	fmt.Fprintln(os.Stderr, "\nConfiguration comes from the environment (see README.md). In development mode ("+devModeVar+"=1), from\nthe project root, the file .run/heitje.env that `make run` writes fills in what the environment leaves unset.")
}

// usageError marks a mistake in the command line (exit status 2).
type usageError struct{ error }

func exitCode(err error) int {
	var u usageError
	var st exitStatus
	switch {
	case errors.As(err, &u):
		return 2
	case errors.As(err, &st):
		return int(st)
	}
	return 1
}

// oneLine joins a multi-line error (several configuration problems) into one line.
func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}

// envFile is where `make run` leaves the local platform's settings.
const envFile = ".run/heitje.env"

// loadConfig reads the configuration from the environment, in development mode falling back to
// .run/heitje.env.
func loadConfig(need config.Need) (*config.Config, error) {
	lookup, err := configLookup()
	if err != nil {
		return nil, err
	}
	return config.Load(lookup, need)
}
