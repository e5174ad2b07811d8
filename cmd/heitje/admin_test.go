package main

import (
	"context"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/secrets"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

// secretEnv returns JWT_SECRET, DATA_KEY and LOOKUP_KEY settings with a fresh data key of the given id.
func secretEnv(t *testing.T, id string) map[string]string {
	t.Helper()
	k, err := secrets.NewKey(id)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]string{"JWT_SECRET": strings.Repeat("ab", 32), "DATA_KEY": k.String(), "LOOKUP_KEY": strings.Repeat("cd", 32)}
}

// TestOperatorCommands runs `heitje admin create`, `heitje audit verify` (before and after an audit row is
// altered in the database) and `heitje keys rotate-kek` against a real Postgres.
func TestOperatorCommands(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bin := heitje(t)
	dbURL := testdb.URL(t)
	db, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	env := secretEnv(t, "first")
	env["DATABASE_URL"] = dbURL

	code, out, errOut := testenv.RunCommand(t, bin, env, "a long enough password\n", "admin", "create", "--username", "Wethouder")
	if code != 0 || !strings.Contains(out, "created administrator wethouder") {
		t.Fatalf("admin create: %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := testenv.RunCommand(t, bin, env, "another long password\n", "admin", "create", "--username", "wethouder"); code == 0 || !strings.Contains(errOut, "taken") {
		t.Fatalf("a second admin with the same name: %d %s", code, errOut)
	}
	if code, _, errOut := testenv.RunCommand(t, bin, env, "short\n", "admin", "create", "--username", "kort"); code == 0 || !strings.Contains(errOut, "password") {
		t.Fatalf("a short password: %d %s", code, errOut)
	}
	if code, _, _ := testenv.RunCommand(t, bin, env, "", "admin", "create"); code != 2 {
		t.Fatalf("admin create without --username exited %d, want 2", code)
	}
	cfg, err := config.Load(func(k string) (string, bool) { v, ok := env[k]; return v, ok }, config.NeedDatabase|config.NeedSecrets)
	if err != nil {
		t.Fatal(err)
	}
	keys, _ := cfg.Keyring()
	lookup, _ := cfg.Lookup()
	admin, err := db.Accounts(keys, lookup).ByUsername(ctx, "wethouder")
	if err != nil || admin.Role != accounts.RoleStaff || len(admin.Privileges) != len(accounts.AllPrivileges()) {
		t.Fatalf("the administrator: %+v, %v", admin, err)
	}

	// The audit log verifies; one altered row is named.
	for i := range 4 {
		if _, err := db.Audit().Append(ctx, audit.Entry{Action: "account.read_personal", SubjectID: admin.ID,
			Fields: []string{"email"}, Reason: "test " + string(rune('a'+i))}); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errOut := testenv.RunCommand(t, bin, env, "", "audit", "verify"); code != 0 || !strings.HasPrefix(out, "OK: 5 audit log entries") {
		t.Fatalf("audit verify on an intact log: %d %s %s", code, out, errOut)
	}
	if _, err := db.SQL().Exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec(`UPDATE audit_log SET reason = 'nothing to see' WHERE id = 3`); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = testenv.RunCommand(t, bin, env, "", "audit", "verify")
	if code != 1 || strings.Contains(out, "OK") || !strings.Contains(errOut, "audit log broken at entry 3: entry 3 was altered") {
		t.Fatalf("audit verify after altering entry 3: %d %s %s", code, out, errOut)
	}

	// Rotation to a new key, with the old one readable meanwhile; afterwards the new key alone suffices.
	if code, out, _ := testenv.RunCommand(t, bin, nil, "", "keys", "generate", "--id", "second"); code != 0 || !strings.HasPrefix(out, "second:") {
		t.Fatalf("keys generate: %d %s", code, out)
	}
	shopEnv := map[string]string{}
	for k, v := range env {
		shopEnv[k] = v
	}
	acc := accounts.Registration{Role: accounts.RoleShop, Username: "winkel", Password: "a long enough password",
		Email: "winkel@example.nl", Shop: &accounts.Shop{LegalName: "Winkel", KvK: "12345678", IBAN: "NL91ABNA0417164300", Address: "Markt 1"}}
	if _, err := mustAccounts(t, cfg, db).Register(ctx, acc); err != nil {
		t.Fatal(err)
	}
	next := secretEnv(t, "second")
	shopEnv["DATA_KEY"], shopEnv["DATA_KEY_OLD"] = next["DATA_KEY"], env["DATA_KEY"]
	for range 2 {
		code, out, errOut = testenv.RunCommand(t, bin, shopEnv, "", "keys", "rotate-kek")
		if code != 0 || !strings.Contains(out, "DATA_KEY_OLD can be removed") {
			t.Fatalf("keys rotate-kek: %d %s %s", code, out, errOut)
		}
	}
	if !strings.Contains(out, "re-encrypted 0 values") {
		t.Fatalf("the second rotation did work again: %s", out)
	}
	newKey, _ := secrets.ParseKey(next["DATA_KEY"])
	onlyNew, _ := secrets.NewKeyring(newKey)
	if a, err := db.Accounts(onlyNew, lookup).ByUsername(ctx, "winkel"); err != nil || a.Email != "winkel@example.nl" {
		t.Fatalf("after rotation, with only the new key: %+v, %v", a, err)
	}
	delete(shopEnv, "DATA_KEY_OLD")
	shopEnv["DATA_KEY"] = secretEnv(t, "third")["DATA_KEY"]
	code, out, errOut = testenv.RunCommand(t, bin, shopEnv, "", "keys", "rotate-kek")
	if code == 0 || !strings.Contains(errOut, "DATA_KEY_OLD") {
		t.Fatalf("rotation without the old key: %d %s", code, errOut)
	}
	// The failing process was given the third data key and the other secrets; none of them may be in what it printed.
	third, err := secrets.ParseKey(shopEnv["DATA_KEY"])
	if err != nil {
		t.Fatal(err)
	}
	for name, secret := range map[string]string{"DATA_KEY": third.String()[len(third.ID)+1:],
		"JWT_SECRET": shopEnv["JWT_SECRET"], "LOOKUP_KEY": shopEnv["LOOKUP_KEY"]} {
		if strings.Contains(out+errOut, secret) {
			t.Fatalf("the failed rotation shows %s:\n%s%s", name, out, errOut)
		}
	}
}

func mustAccounts(t *testing.T, cfg *config.Config, db *store.DB) *accounts.Service {
	t.Helper()
	acc, err := app.NewAccounts(cfg, db)
	if err != nil {
		t.Fatal(err)
	}
	return acc
}
