package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/secrets"
	"github.com/heerlen/heitje/internal/store"
)

// openDatabase loads the configuration a command needs and opens the database, whose schema must be current.
func openDatabase(ctx context.Context, need config.Need) (*config.Config, *store.DB, error) {
	cfg, err := loadConfig(config.NeedDatabase | need)
	if err != nil {
		return nil, nil, err
	}
	db, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, nil, err
	}
	if err := db.CheckMigrations(ctx); err != nil {
		db.Close()
		return nil, nil, err
	}
	return cfg, db, nil
}

// adminCmd is `heitje admin create --username NAME`: an administrator (a staff account with every
// privilege) whose password is the first line of standard input.
func adminCmd(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return usageError{errors.New("admin needs create --username NAME")}
	}
	fs := newFlags("admin create", "admin create --username NAME", "Creates an administrator: a staff account with every privilege. The password is the first line of\n"+
		"standard input; the second factor is set up at the first sign-in to the console.")
	username := fs.String("username", "", "the administrator's username (3-32 characters of a-z 0-9 . _ -)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *username == "" || fs.NArg() > 0 {
		return usageError{errors.New("admin create needs --username NAME and nothing else; the password comes on standard input")}
	}
	password, err := readLine(os.Stdin, "password for "+*username+" (one line on standard input, at least 10 characters):")
	if err != nil {
		return err
	}
	cfg, db, err := openDatabase(ctx, config.NeedSecrets)
	if err != nil {
		return err
	}
	defer db.Close()
	acc, err := app.NewAccounts(cfg, db)
	if err != nil {
		return err
	}
	a, err := acc.CreateAdmin(ctx, *username, password, "heitje admin create")
	if errors.Is(err, accounts.ErrUsernameTaken) {
		return fmt.Errorf("the username %q is taken", accounts.NormalizeUsername(*username))
	}
	if err != nil {
		return err
	}
	fmt.Printf("created administrator %s (id %s) with every privilege; they take effect once %s has set up a second\n"+
		"factor and acknowledged the confidentiality statement, which the console (/beheer) asks for at the first sign-in\n"+
		"(or POST /v1/me/second-factor and /v1/me/second-factor/confirm, GET and POST /v1/me/confidentiality)\n", a.Username, a.ID, a.Username)
	return nil
}

// readLine prompts on stderr and reads one line, without its line ending, from r.
func readLine(r io.Reader, prompt string) (string, error) {
	fmt.Fprintln(os.Stderr, prompt)
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("no password on standard input")
	}
	return line, nil
}

// auditCmd is `heitje audit verify`: it walks the audit log's hash chain and prints OK, or names the first
// entry that was altered or that follows removed entries and exits non-zero.
func auditCmd(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		return usageError{errors.New("audit needs verify")}
	}
	fs := newFlags("audit verify", "audit verify", "Walks the audit log's hash chain and prints OK, or names the first entry that was altered or\n"+
		"that follows removed entries (exit status 1).")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{errors.New("audit verify takes no arguments")}
	}
	_, db, err := openDatabase(ctx, 0)
	if err != nil {
		return err
	}
	defer db.Close()
	r, err := audit.Verify(ctx, db.Audit())
	if err != nil {
		return err
	}
	if !r.OK() {
		return differencesFound{fmt.Errorf("audit log broken at entry %d: %s (%d entries before it verified)", r.BadID, r.Problem, r.Entries)}
	}
	fmt.Printf("OK: %d audit log entries, hash chain intact\n", r.Entries)
	return nil
}

// keysCmd is `heitje keys generate --id ID` (a new DATA_KEY value) and `heitje keys rotate-kek`, which
// re-encrypts every encrypted column under DATA_KEY, reading what is still under DATA_KEY_OLD.
func keysCmd(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError{errors.New("keys needs generate --id ID or rotate-kek")}
	}
	switch args[0] {
	case "generate":
		fs := newFlags("keys generate", "keys generate --id ID", "Prints a new DATA_KEY value (ID:base64 of 32 random bytes). Nothing is stored.")
		id := fs.String("id", "", "the new key's id (1-32 characters of a-z 0-9 -), different from every earlier one")
		if err := parseFlags(fs, args[1:]); err != nil {
			return err
		}
		k, err := secrets.NewKey(*id)
		if err == nil {
			_, err = secrets.NewKeyring(k)
		}
		if err != nil {
			return usageError{errors.New("keys generate needs --id of 1-32 characters a-z 0-9 -")}
		}
		fmt.Println(k.String())
		return nil
	case "rotate-kek":
		fs := newFlags("keys rotate-kek", "keys rotate-kek", "Re-encrypts every encrypted value under DATA_KEY, reading what is still under DATA_KEY_OLD.\n"+
			"Safe to run again after an interruption.")
		if err := parseFlags(fs, args[1:]); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usageError{errors.New("keys rotate-kek takes no arguments")}
		}
		cfg, db, err := openDatabase(ctx, config.NeedSecrets)
		if err != nil {
			return err
		}
		defer db.Close()
		keys, err := cfg.Keyring()
		if err != nil {
			return fmt.Errorf("config: DATA_KEY: %w", err)
		}
		r, err := db.RotateKEK(ctx, keys, 500)
		if err != nil {
			return fmt.Errorf("%w; it is safe to run the rotation again", err)
		}
		fmt.Printf("re-encrypted %d values in %d rows under key %q\n", r.Resealed, r.Rows, keys.CurrentID())
		if r.Remaining > 0 {
			return fmt.Errorf("%d values are still under another key; run the rotation again", r.Remaining)
		}
		fmt.Println("every encrypted value is under the current key: DATA_KEY_OLD can be removed")
		return nil
	}
	return usageError{fmt.Errorf("keys %q: want generate or rotate-kek", args[0])}
}
