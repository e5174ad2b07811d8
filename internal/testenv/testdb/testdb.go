// Package testdb gives a test a database with the platform's schema: a copy of a template database that is
// migrated once per test cluster (testenv.PostgresTemplate) rather than once per test.
//
// The store package's own tests cannot import it (it imports the store); they call testenv.PostgresTemplate
// themselves.
package testdb

import (
	"context"
	"strconv"
	"testing"

	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
)

// URL returns the URL of a new database for this test with every migration applied, dropped when the test
// ends (kept if it failed, as testenv.Postgres does).
func URL(t testing.TB) string {
	t.Helper()
	name, err := TemplateName()
	if err != nil {
		t.Fatal(err)
	}
	return testenv.PostgresTemplate(t, name, Migrate)
}

// Open is URL opened with store.Open; the handle is closed when the test ends.
func Open(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TemplateName names the migrated template after the embedded migrations, so that a changed or added
// migration gets a template of its own.
func TemplateName() (string, error) {
	ms, err := store.Migrations()
	if err != nil {
		return "", err
	}
	var parts []string
	for _, m := range ms {
		parts = append(parts, strconv.Itoa(m.Version), m.Name, m.Up, m.Down)
	}
	return testenv.TemplateName("schema", parts...), nil
}

// Migrate applies every migration to the database at dbURL and closes its connections again.
func Migrate(ctx context.Context, dbURL string) error {
	db, err := store.Open(ctx, dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.MigrateUp(ctx)
	return err
}
