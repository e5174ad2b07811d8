// Command heitje runs the Heerlens Heitje platform: the API server, migrations, chain set-up and the
// operators' tools. Run `heitje help` for the list; the development commands are in cmd/heitje-dev.
package main

import (
	"os"

	"github.com/heerlen/heitje/internal/cli"
)

func main() { os.Exit(cli.Main("heitje", run)) }
