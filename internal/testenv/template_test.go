package testenv

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestPostgresTemplateCopiesAPreparedDatabase has three tests ask for copies of one template at once:
// prepare runs once, each copy holds what prepare wrote and is a database of its own, and the template
// is marked as one and refuses connections.
func TestPostgresTemplateCopiesAPreparedDatabase(t *testing.T) {
	ctx := context.Background()
	name := TemplateName("testenv_copies", t.Name())
	var prepared atomic.Int32
	prepare := func(ctx context.Context, dbURL string) error {
		prepared.Add(1)
		conn, err := pgx.Connect(ctx, dbURL)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, "CREATE TABLE t (x int); INSERT INTO t VALUES (7)")
		return err
	}
	t.Run("copies", func(t *testing.T) {
		for _, n := range []string{"a", "b", "c"} {
			t.Run(n, func(t *testing.T) {
				t.Parallel()
				conn, err := pgx.Connect(ctx, PostgresTemplate(t, name, prepare))
				if err != nil {
					t.Fatal(err)
				}
				defer conn.Close(ctx)
				var sum int
				if err := conn.QueryRow(ctx, "SELECT sum(x) FROM t").Scan(&sum); err != nil || sum != 7 {
					t.Fatalf("the copy holds %d (%v), want the template's 7", sum, err)
				}
				// Each copy is the test's own: this row shows up in no other copy.
				if _, err := conn.Exec(ctx, "INSERT INTO t VALUES (1)"); err != nil {
					t.Fatal(err)
				}
			})
		}
	})
	if n := prepared.Load(); n != 1 {
		t.Fatalf("prepare ran %d times, want once", n)
	}
	admin, err := adminURL()
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var isTemplate, allowConn bool
	if err := conn.QueryRow(ctx, "SELECT datistemplate, datallowconn FROM pg_database WHERE datname = $1", name).
		Scan(&isTemplate, &allowConn); err != nil || !isTemplate || allowConn {
		t.Fatalf("template %s: datistemplate %v, datallowconn %v (%v)", name, isTemplate, allowConn, err)
	}
}

// TestPostgresTemplateMadeAgainAfterAFailedPrepare: a prepare that fails leaves no template behind that
// counts as made; the next attempt prepares it again, and one after that finds it made.
func TestPostgresTemplateMadeAgainAfterAFailedPrepare(t *testing.T) {
	ctx := context.Background()
	admin, err := adminURL()
	if err != nil {
		t.Fatal(err)
	}
	name := TemplateName("testenv_retry", t.Name())
	var prepared int
	failing := func(context.Context, string) error { prepared++; return errors.New("disk full") }
	if err := makeTemplate(ctx, admin, name, failing); err == nil {
		t.Fatal("a failed prepare made the template")
	}
	working := func(context.Context, string) error { prepared++; return nil }
	for range 2 {
		if err := makeTemplate(ctx, admin, name, working); err != nil {
			t.Fatal(err)
		}
	}
	if prepared != 2 {
		t.Fatalf("prepare ran %d times, want 2 (the failed one and one more)", prepared)
	}
	copyURL := PostgresTemplate(t, name, failing)
	if !databaseExists(t, admin, copyURL) || prepared != 2 {
		t.Fatalf("no copy of the made template (prepare ran %d times)", prepared)
	}
}
