package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

// TestDevSecretsAreMadeOnceAndKept checks that `make run` writes its secrets once, readable only by the
// owner, valid for the configuration, and reads the same ones back on the next run.
func TestDevSecretsAreMadeOnceAndKept(t *testing.T) {
	state := filepath.Join(t.TempDir(), ".run")
	first, err := ensureDevSecrets(state)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(state, "secrets.env"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("secrets.env: %v, mode %v", err, st.Mode())
	}
	again, err := ensureDevSecrets(state)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range secretNames {
		if first[k] == "" || first[k] != again[k] {
			t.Fatalf("%s was not kept: %q then %q", k, first[k], again[k])
		}
	}
	cfg, err := config.Load(func(k string) (string, bool) { v, ok := first[k]; return v, ok }, config.NeedSecrets)
	if err != nil {
		t.Fatalf("the generated secrets are not valid configuration: %v", err)
	}
	if cfg.Notices.VAPIDPrivateKey == "" {
		t.Fatal("no VAPID key: the local platform would send no web push")
	}
	// A file of an earlier run, without a VAPID key: it gets one, and keeps the other secrets.
	old := "JWT_SECRET=" + first["JWT_SECRET"] + "\nDATA_KEY=" + first["DATA_KEY"] + "\nLOOKUP_KEY=" + first["LOOKUP_KEY"] + "\n"
	if err := os.WriteFile(filepath.Join(state, "secrets.env"), []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	upgraded, err := ensureDevSecrets(state)
	if err != nil {
		t.Fatal(err)
	}
	if upgraded["JWT_SECRET"] != first["JWT_SECRET"] || upgraded["DATA_KEY"] != first["DATA_KEY"] ||
		upgraded["LOOKUP_KEY"] != first["LOOKUP_KEY"] || upgraded["VAPID_PRIVATE_KEY"] == "" {
		t.Fatalf("an earlier run's secrets: %v, then %v", first, upgraded)
	}
	if b, err := os.ReadFile(filepath.Join(state, "secrets.env")); err != nil ||
		!strings.Contains(string(b), "VAPID_PRIVATE_KEY="+upgraded["VAPID_PRIVATE_KEY"]+"\n") {
		t.Fatalf("the new VAPID key is not kept in secrets.env: %v", err)
	}
}

// TestDemoSeedRunsOnce seeds an administrator with a development second factor and an approved, activated
// demo shop, printing the passwords and the secret once; `heitje-dev totp admin` prints a code that signs
// the administrator in. A second start finds the administrator and does nothing.
func TestDemoSeedRunsOnce(t *testing.T) {
	ctx := context.Background()
	dbURL := testdb.URL(t)
	db, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	env, err := ensureDevSecrets(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	env["DATABASE_URL"] = dbURL
	cfg, err := config.Load(func(k string) (string, bool) { v, ok := env[k]; return v, ok }, config.NeedDatabase|config.NeedSecrets)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := seedDemo(ctx, cfg, &out); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`administrator  admin\s+(\S+)`).FindStringSubmatch(out.String())
	if m == nil || !strings.Contains(out.String(), "demo-shop") {
		t.Fatalf("seed output: %s", out.String())
	}
	acc, err := app.NewAccounts(cfg, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acc.Login(ctx, "admin", m[1], "127.0.0.1"); !errors.Is(err, accounts.ErrSecondFactorCodeRequired) {
		t.Fatalf("the administrator signs in without the second factor: %v", err)
	}
	// `heitje-dev totp admin` prints the code that signs in with the printed password.
	var printed bytes.Buffer
	if err := printDevTOTP(ctx, &printed, cfg, db, "admin", time.Now()); err != nil {
		t.Fatal(err)
	}
	code := strings.Fields(printed.String())[0]
	if _, err := acc.LoginWithCode(ctx, "admin", m[1], code, "127.0.0.1"); err != nil {
		t.Fatalf("the printed admin password and dev totp's code %q do not work: %v", code, err)
	}
	keys, _ := cfg.Keyring()
	lookup, _ := cfg.Lookup()
	admin, _ := db.Accounts(keys, lookup).ByUsername(ctx, "admin")
	f, err := db.Accounts(keys, lookup).SecondFactor(ctx, admin.ID)
	secret := regexp.MustCompile(`DEVELOPMENT secret ([A-Z2-7]{32})`).FindStringSubmatch(out.String())
	if err != nil || f.ConfirmedAt == nil || secret == nil || f.Secret != secret[1] {
		t.Fatalf("the printed secret %v is not the enrolled one (%v)", secret, err)
	}
	// When the codes of now and of the next step were used, it says how long to wait instead.
	printed.Reset()
	at := time.Unix((f.LastStep-1)*accounts.TOTPPeriod, 0)
	if err := printDevTOTP(ctx, &printed, cfg, db, "admin", at); err == nil || !strings.Contains(err.Error(), "run this again in 30s") {
		t.Fatalf("dev totp with both codes used: %v, printed %q", err, printed.String())
	}
	shop, err := db.Accounts(keys, lookup).ByUsername(ctx, "demo-shop")
	if err != nil || shop.Status != accounts.StatusApproved || shop.Shop.ActivatedAt == nil || shop.WalletAddress == "" {
		t.Fatalf("demo shop: %+v, %v", shop, err)
	}
	if in, err := db.Outbox().ByIdempotencyKey(ctx, "shop-activate:"+shop.ID); err != nil || in.Kind != outbox.KindGrantAcceptor {
		t.Fatalf("demo shop activation intent: %+v, %v", in, err)
	}
	out.Reset()
	if err := seedDemo(ctx, cfg, &out); err != nil || out.Len() != 0 {
		t.Fatalf("second seed: %v, printed %q", err, out.String())
	}
}
