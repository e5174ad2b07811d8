// Command heitje runs the Heerlens Heitje platform: the API server, migrations, chain set-up, the local
// development environment and the operators' tools. Run `heitje help` for the list.
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
	err := run(ctx, os.Args[1:])
	stop()
	code := exitCode(err)
	if code != exitOK {
		fmt.Fprintln(os.Stderr, "heitje:", oneLine(err))
	}
	os.Exit(code)
}
