package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/config"
)

// retentionCmd is `heitje retention run`: one run of the retention job, as the API runs it every
// RETENTION_EVERY. It needs only the database and the data keys (to find login throttle records), never the
// chain. It prints the counts per category; running it again right away prints zeros.
func retentionCmd(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "run" {
		return usageError{errors.New("retention needs run")}
	}
	fs := newFlags("retention run", "retention run", "Enforces every retention period once, as the API does every RETENTION_EVERY, and prints what\n"+
		"it removed per category. Running it again at once removes nothing.")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{errors.New("retention run takes no arguments")}
	}
	cfg, db, err := openDatabase(ctx, config.NeedSecrets)
	if err != nil {
		return err
	}
	defer db.Close()
	svc, err := app.NewPrivacy(cfg, db, app.NewLogger(cfg, os.Stderr))
	if err != nil {
		return err
	}
	rep, err := svc.RunRetention(ctx)
	if err != nil {
		return err
	}
	if rep.Skipped {
		return errors.New("another process is running the retention job; nothing was done")
	}
	fmt.Printf("retention run at %s: %s\n", rep.RanAt.Format("2006-01-02T15:04:05Z07:00"), rep.String())
	return nil
}

// privacyCmd is `heitje privacy register [--md]`: the register of processing the API serves at
// /v1/privacy/register, with this configuration's retention periods.
func privacyCmd(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "register" {
		return usageError{errors.New("privacy needs register [--md]")}
	}
	fs := newFlags("privacy register", "privacy register [--md]", "Prints the register of processing (GDPR art. 30) that the API serves at /v1/privacy/register,\n"+
		"with this configuration's retention periods.")
	md := fs.Bool("md", false, "write Markdown instead of JSON")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{errors.New("privacy register takes only --md")}
	}
	cfg, err := loadConfig(0)
	if err != nil {
		return err
	}
	r, err := app.PrivacyRegister(cfg)
	if err != nil {
		return err
	}
	if *md {
		_, err = os.Stdout.Write(r.Markdown())
		return err
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
