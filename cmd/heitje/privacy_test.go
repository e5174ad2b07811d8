package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

// TestPrivacyCommands runs `heitje retention run` twice against a database holding a registration rejected
// 40 days ago (the first run removes it, the second finds nothing), and `heitje privacy register` as JSON and
// Markdown with a retention period from the environment.
func TestPrivacyCommands(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bin := heitje(t)
	dbURL := testdb.URL(t)
	db, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO accounts (id, role, username, status, password_hash, created_at, decided_at)
		VALUES (gen_random_uuid(), 'resident', 'afgewezen', 'rejected', 'x', now() - interval '41 days', now() - interval '40 days')`); err != nil {
		t.Fatal(err)
	}
	env := secretEnv(t, "first")
	env["DATABASE_URL"] = dbURL
	code, out, errOut := testenv.RunCommand(t, bin, env, "", "retention", "run")
	if code != 0 || !strings.Contains(out, "rejected_registrations=1") {
		t.Fatalf("first run: %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = testenv.RunCommand(t, bin, env, "", "retention", "run")
	if code != 0 || !strings.Contains(out, "rejected_registrations=0") || strings.Contains(out, "=1") {
		t.Fatalf("second run: %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := testenv.RunCommand(t, bin, env, "", "retention"); code != 2 {
		t.Fatalf("retention without run exited %d, want 2", code)
	}
	code, out, errOut = testenv.RunCommand(t, bin, map[string]string{"RETENTION_PHOTO_DAYS": "30"}, "", "privacy", "register")
	var reg struct {
		Retention []struct{ Category, Period string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &reg) != nil || len(reg.Retention) < 7 ||
		reg.Retention[2].Category != "proof_photos" || reg.Retention[2].Period != "30 days" {
		t.Fatalf("privacy register: %d %.300s %s", code, out, errOut)
	}
	code, out, _ = testenv.RunCommand(t, bin, nil, "", "privacy", "register", "--md")
	if code != 0 || !strings.HasPrefix(out, "# Register of processing") {
		t.Fatalf("privacy register --md: %d %.200s", code, out)
	}
}
