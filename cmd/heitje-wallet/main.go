// Command heitje-wallet is a resident's wallet on the command line, doing what the phone app does: it makes
// the device key, binds it to the account, lists and claims chores, shows the balance and pays a shop's
// payment request. Run `heitje-wallet help` for the commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "heitje-wallet:", err)
		os.Exit(exitCode(err))
	}
}
