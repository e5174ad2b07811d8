package testdb

import (
	"context"
	"os"
	"testing"

	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

// TestOpenGivesAMigratedDatabaseOfItsOwn: two databases from Open have every migration applied, and a row
// written in one is not in the other.
func TestOpenGivesAMigratedDatabaseOfItsOwn(t *testing.T) {
	ctx := context.Background()
	a, b := Open(t), Open(t)
	for _, db := range []*store.DB{a, b} {
		if err := db.CheckMigrations(ctx); err != nil {
			t.Fatalf("CheckMigrations: %v", err)
		}
	}
	if _, err := a.SQL().ExecContext(ctx, `INSERT INTO accounts (id, role, username, status, password_hash)
		VALUES (gen_random_uuid(), 'resident', 'alleen-in-a', 'pending', 'x')`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := b.SQL().QueryRowContext(ctx, `SELECT count(*) FROM accounts WHERE username = 'alleen-in-a'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("the other database holds %d such accounts (%v)", n, err)
	}
}
