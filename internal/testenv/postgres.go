package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Postgres returns the URL of a new, empty database for this test, on the shared cluster (started on first
// use when the test binary runs on its own). The database is dropped when the test ends, unless it failed:
// then it is kept, and logged, for inspection (on a cluster of the test binary's own, until the binary ends).
func Postgres(t testing.TB) string {
	t.Helper()
	admin, err := adminURL()
	if err != nil {
		t.Fatal(err)
	}
	suffix := make([]byte, 8)
	if _, err := rand.Read(suffix); err != nil {
		t.Fatal(err)
	}
	name := "t_" + hex.EncodeToString(suffix)
	dbURL, err := withDatabase(admin, name)
	if err != nil {
		t.Fatal(err)
	}
	if err := adminExec(admin, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatalf("testenv: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("testenv: kept database %s for inspection: %s", name, dbURL)
			return
		}
		if err := adminExec(admin, "DROP DATABASE "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			t.Errorf("testenv: drop database %s: %v", name, err)
		}
	})
	return dbURL
}

var adminURL = sync.OnceValues(func() (string, error) {
	vars, shared, err := sharedEnv()
	if err != nil {
		return "", err
	}
	if shared {
		return vars[envAdminDatabaseURL], nil
	}
	dir, err := scratch()
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	pg, err := startTestCluster(ctx, dir)
	if err != nil {
		return "", fmt.Errorf("testenv: start the test cluster: %w", err)
	}
	onShutdown(pg.Stop)
	return pg.AdminURL("postgres"), nil
})

func adminExec(admin, sql string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

// withDatabase returns the postgres:// URL u with its database replaced by db.
func withDatabase(u, db string) (string, error) {
	parsed, err := url.Parse(u)
	if err != nil || (parsed.Scheme != "postgres" && parsed.Scheme != "postgresql") {
		return "", fmt.Errorf("testenv: %s must be a postgres:// URL", envAdminDatabaseURL)
	}
	parsed.Path = "/" + db
	parsed.RawPath = ""
	return parsed.String(), nil
}
