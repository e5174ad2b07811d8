package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/heerlen/heitje/internal/wallet"
)

const usage = `usage: heitje-wallet [flags] <command> [argument]

Secrets come from standard input, one per line: first the key file's passphrase (for new-key, bind, pay,
recover, cancel-recovery),
then the account's password (for every command but new-key).

commands:
  new-key            make the device key file (it is never overwritten)
  bind               bind the key's address to the account
  chores             list the open chores
  claim CHORE-ID     claim a place on a chore
  balance            show the balance and the rewards on their way
  pay ID|QR-URI      pay a shop's payment request and wait for the outcome: its id or its QR code's
                     link (https://…/betalen/ID, or the older heitje://pay/ID)
  recover            the phone was lost: ask to move the coins of the lost key to this key (staff verify)
  cancel-recovery    cancel the account's open recovery with the key it would empty (the lost phone's)

flags:
`

// usageError is a mistake on the command line; it exits with status 2.
type usageError struct{ error }

func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

// options are the flags, with defaults from the environment.
type options struct {
	api, keyFile, user string
}

func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("heitje-wallet", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var o options
	fs.StringVar(&o.api, "api", or(getenv("HEITJE_API"), "http://127.0.0.1:8080"), "the API's URL (HEITJE_API)")
	fs.StringVar(&o.keyFile, "key", or(getenv("HEITJE_WALLET_KEY"), "heitje-wallet.json"), "the device key file (HEITJE_WALLET_KEY)")
	fs.StringVar(&o.user, "user", getenv("HEITJE_USER"), "the account's username (HEITJE_USER)")
	if err := fs.Parse(args); err != nil {
		return usageError{fmt.Errorf("%w\n%s", err, helpText(fs))}
	}
	rest := fs.Args()
	if len(rest) == 0 || rest[0] == "help" || rest[0] == "-h" {
		fmt.Fprint(stdout, helpText(fs))
		return nil
	}
	cmd, arg := rest[0], ""
	want := map[string]int{"new-key": 0, "bind": 0, "chores": 0, "balance": 0, "claim": 1, "pay": 1, "recover": 0, "cancel-recovery": 0}
	n, known := want[cmd]
	if !known {
		return usageError{fmt.Errorf("unknown command %q\n%s", cmd, helpText(fs))}
	}
	if len(rest)-1 != n {
		return usageError{fmt.Errorf("%s takes %d argument(s)", cmd, n)}
	}
	if n == 1 {
		arg = rest[1]
	}
	in := bufio.NewScanner(stdin)
	w := &session{o: o, in: in, out: stdout, client: wallet.NewClient(o.api)}
	switch cmd {
	case "new-key":
		return w.newKey()
	case "bind":
		return w.bind(ctx)
	case "chores":
		return w.chores(ctx)
	case "claim":
		return w.claim(ctx, arg)
	case "balance":
		return w.balance(ctx)
	case "recover":
		return w.recover(ctx)
	case "cancel-recovery":
		return w.cancelRecovery(ctx)
	default:
		return w.pay(ctx, arg)
	}
}

func helpText(fs *flag.FlagSet) string {
	var b strings.Builder
	b.WriteString(usage)
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	return b.String()
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
