package main

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/store"
)

func serve(ctx context.Context, args []string) error {
	fs := newFlags("serve", "serve", "Runs the API server and its workers (senders, indexer, retention) until SIGTERM or Ctrl-C.\n"+
		"Configuration comes from the environment (README.md, deploy/README.md).")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("serve takes no arguments")}
	}
	cfg, err := loadConfig(config.NeedServe)
	if err != nil {
		return err
	}
	if err := refuseDevMaterial(cfg); err != nil {
		return err
	}
	return app.Serve(ctx, cfg, app.NewLogger(cfg, os.Stderr))
}

func migrate(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError{fmt.Errorf("migrate needs up, down [N] or status")}
	}
	about := map[string]string{
		"up":     "Applies every pending migration (as the database's owner role: deploy/README.md).",
		"down":   "Reverts the last N migrations (default 1).",
		"status": "Lists every migration and whether it is applied.",
	}[args[0]]
	if about == "" {
		return usageError{fmt.Errorf("migrate %q: want up, down [N] or status", args[0])}
	}
	synopsis := "migrate " + args[0]
	if args[0] == "down" {
		synopsis += " [N]"
	}
	fs := newFlags("migrate "+args[0], synopsis, about)
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if n := fs.NArg(); n > 1 || (n == 1 && args[0] != "down") {
		return usageError{fmt.Errorf("usage: heitje %s", synopsis)}
	}
	args = append(args[:1], fs.Args()...)
	cfg, err := loadConfig(config.NeedDatabase)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	switch args[0] {
	case "up":
		n, err := db.MigrateUp(ctx)
		if err != nil {
			return err
		}
		fmt.Printf("applied %d migration(s)\n", n)
	case "down":
		steps := 1
		if len(args) > 1 {
			if steps, err = strconv.Atoi(args[1]); err != nil || steps < 1 {
				return usageError{fmt.Errorf("migrate down N: N must be a positive number")}
			}
		}
		n, err := db.MigrateDown(ctx, steps)
		if err != nil {
			return err
		}
		fmt.Printf("reverted %d migration(s)\n", n)
	case "status":
		ms, err := db.MigrationStatus(ctx)
		if err != nil {
			return err
		}
		for _, m := range ms {
			state := "pending"
			if m.AppliedAt != nil {
				state = "applied " + m.AppliedAt.UTC().Format("2006-01-02 15:04:05Z")
			}
			fmt.Printf("%04d  %-24s %s\n", m.Version, m.Name, state)
		}
	}
	return nil
}
