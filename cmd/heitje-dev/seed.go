package main

import (
	"bufio"
	"context"
	"crypto/ecdh"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/secrets"
	"github.com/heerlen/heitje/internal/store"
)

// secretNames are the settings `make run` generates once and keeps in .run/secrets.env.
// VAPID_PRIVATE_KEY signs the web pushes; a file of an earlier run without it gets one added.
var secretNames = []string{"JWT_SECRET", "DATA_KEY", "LOOKUP_KEY", "VAPID_PRIVATE_KEY"}

// ensureDevSecrets returns the local platform's secrets from <state>/secrets.env, generating the file
// (mode 0600) on the first run. Reusing it keeps the data encrypted by earlier runs readable and the
// logins valid.
func ensureDevSecrets(state string) (map[string]string, error) {
	path := filepath.Join(state, "secrets.env")
	vals := map[string]string{}
	if f, err := os.Open(path); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(strings.TrimSpace(sc.Text()), "="); ok && !strings.HasPrefix(k, "#") {
				vals[k] = v
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	missing := false
	for _, k := range secretNames {
		if vals[k] == "" {
			missing = true
		}
	}
	if !missing {
		return vals, nil
	}
	for _, k := range []string{"JWT_SECRET", "LOOKUP_KEY"} {
		if vals[k] == "" {
			b := make([]byte, secrets.KeySize)
			if _, err := rand.Read(b); err != nil {
				return nil, err
			}
			vals[k] = base64.StdEncoding.EncodeToString(b)
		}
	}
	if vals["DATA_KEY"] == "" {
		k, err := secrets.NewKey("dev-1")
		if err != nil {
			return nil, err
		}
		vals["DATA_KEY"] = k.String()
	}
	if vals["VAPID_PRIVATE_KEY"] == "" {
		k, err := ecdh.P256().GenerateKey(rand.Reader)
		if err != nil {
			return nil, err
		}
		vals["VAPID_PRIVATE_KEY"] = base64.RawURLEncoding.EncodeToString(k.Bytes())
	}
	var b strings.Builder
	b.WriteString("# Written once by `make run`: the local platform's secrets. Deleting this file makes the\n")
	b.WriteString("# encrypted data in .run/ unreadable; remove .run/ as a whole to start afresh.\n")
	for _, k := range secretNames {
		fmt.Fprintf(&b, "%s=%s\n", k, vals[k])
	}
	if err := os.MkdirAll(state, 0o755); err != nil {
		return nil, err
	}
	return vals, os.WriteFile(path, []byte(b.String()), 0o600)
}

// seedDemo gives a fresh local platform an administrator "admin", with a development second factor, and an
// approved, activated demo shop, printing their passwords (and the second factor's secret) once. It does
// nothing when an administrator exists, so it runs on every start.
func seedDemo(ctx context.Context, cfg *config.Config, out io.Writer) error {
	db, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	acc, err := app.NewAccounts(cfg, db)
	if err != nil {
		return err
	}
	if has, err := acc.HasAdmin(ctx); err != nil || has {
		return err
	}
	adminPw, shopPw := randomPassword(), randomPassword()
	admin, err := acc.CreateAdmin(ctx, "admin", adminPw, "make run demo seed")
	if err != nil {
		return fmt.Errorf("demo seed: %w", err)
	}
	secret, err := enrolDemo(ctx, acc, admin)
	if err != nil {
		return fmt.Errorf("demo seed: %w", err)
	}
	fmt.Fprintf(out, "\nDemo accounts (the passwords are shown this once):\n  administrator  admin      %s\n", adminPw)
	fmt.Fprintf(out, "    second factor: run `bin/heitje-dev totp admin` for the current code to sign in with\n"+
		"    (or add the DEVELOPMENT secret %s to an authenticator app)\n", secret)
	shop, err := acc.Register(ctx, accounts.Registration{Role: accounts.RoleShop, Username: "demo-shop", Password: shopPw,
		Shop: &accounts.Shop{LegalName: "Demowinkel Heerlen", KvK: "12345678", IBAN: "NL91ABNA0417164300",
			Address: "Bongerd 1, 6411 JM Heerlen"}})
	if errors.Is(err, accounts.ErrUsernameTaken) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("demo seed: %w", err)
	}
	actor := accounts.Actor{Principal: accounts.Principal{AccountID: admin.ID, Username: admin.Username,
		Role: accounts.RoleStaff, Privileges: admin.Privileges}, RequestID: "demo-seed"}
	if _, err := acc.Approve(ctx, actor, shop.ID, "demo seed"); err != nil {
		return fmt.Errorf("demo seed: %w", err)
	}
	if _, _, err := acc.ActivateShop(ctx, actor, shop.ID); err != nil {
		return fmt.Errorf("demo seed: %w", err)
	}
	if err := app.SeedDemoChores(ctx, cfg, db, actor); err != nil {
		return err
	}
	fmt.Fprintf(out, "  shop           demo-shop  %s\n", shopPw)
	fmt.Fprintf(out, "Residents: http://%[1]s/  ·  the till: http://%[1]s/kassa  ·  the console for staff: http://%[1]s/beheer\n"+
		"(staff acknowledge the confidentiality statement at their first sign-in before their privileges take effect)\n\n", cfg.HTTPAddr)
	return nil
}

// randomPassword returns 18 random bytes in base64url: 24 characters.
func randomPassword() string {
	b := make([]byte, 18)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
