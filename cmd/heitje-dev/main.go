// Command heitje-dev runs the development platform of `make run` and the test harness of `make test`. It
// links the published development keys (internal/devnet) and the test environment (internal/testenv),
// which bin/heitje, the binary that is deployed, does not. Run it from the project root.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/heerlen/heitje/internal/cli"
	"github.com/heerlen/heitje/internal/testenv"
)

func main() { os.Exit(cli.Main("heitje-dev", run)) }

// usageError marks a mistake in the command line (exit status 2, as every other failure).
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

// newFlags is the flag set of `heitje-dev <name>` (cli.NewFlags).
func newFlags(name, synopsis, about string) *flag.FlagSet {
	return cli.NewFlags("heitje-dev", name, synopsis, about)
}

var parseFlags = cli.Parse

const commandList = `usage: heitje-dev COMMAND [ARGS]   (heitje-dev COMMAND --help describes one)

commands:
  run [--signers N]   the local platform of ` + "`make run`" + `: Postgres, a Clique node (or N signers and an RPC node)
                      with the coin, the migrations, demo accounts and the API, until Ctrl-C
  test -- CMD [ARGS]  CMD against a throw-away Postgres and Clique node, as ` + "`make test`" + ` runs the tests
  totp USERNAME       a demo staff member's current second-factor code, for the console's sign-in

Exit status: 0 done, 2 could not run; test passes on CMD's own exit status.
The commands of a real deployment are in bin/heitje.
`

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, commandList)
		return usageError{errors.New("a command is needed")}
	}
	if cli.IsHelp(args[0]) {
		if len(args) > 1 { // heitje-dev help COMMAND
			return run(ctx, []string{args[1], "--help"})
		}
		fmt.Print(commandList)
		return nil
	}
	commands := map[string]func(ctx context.Context, root string, args []string) error{
		"run": devRun, "test": devTest, "totp": devTOTP}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprint(os.Stderr, commandList)
		return usageError{fmt.Errorf("unknown command %q", args[0])}
	}
	var root string
	if len(args) < 2 || !cli.IsHelp(args[1]) { // help needs no project root
		var err error
		if root, err = projectRoot(); err != nil {
			return err
		}
	}
	return c(ctx, root, args[1:])
}

// devTest is `heitje-dev test -- CMD [ARGS]`: CMD against a throw-away Postgres and Clique node, with
// CMD's exit status.
func devTest(ctx context.Context, root string, argv []string) error {
	if len(argv) > 0 && cli.IsHelp(argv[0]) {
		fmt.Println("usage: heitje-dev test -- CMD [ARGS]\n\nRuns CMD against a throw-away Postgres and Clique node (their settings in CMD's environment),\n" +
			"then stops them; exits with CMD's exit status. `make test` runs the tests this way.")
		return flag.ErrHelp
	}
	if len(argv) > 0 && argv[0] == "--" {
		argv = argv[1:]
	}
	if len(argv) == 0 {
		return usageError{errors.New("test needs a command after --")}
	}
	code, err := testenv.Wrap(ctx, root, argv)
	if err != nil {
		return err
	}
	if code != 0 {
		return cli.ExitStatus(code)
	}
	return nil
}
