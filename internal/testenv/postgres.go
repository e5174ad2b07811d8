package testenv

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"regexp"
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
	return newDatabase(t, "")
}

// PostgresTemplate is Postgres with a database that starts as a copy of the template database name, which
// prepare fills once per cluster (given the template's URL) instead of once per test. Every test binary
// on the cluster shares the template, so name must change whenever what prepare puts in it does:
// TemplateName makes such a name from the contents. A template whose prepare failed is made again by
// the next test that asks for it.
func PostgresTemplate(t testing.TB, name string, prepare func(ctx context.Context, dbURL string) error) string {
	t.Helper()
	if !templateNamePattern.MatchString(name) {
		t.Fatalf("testenv: template name %q: want lowercase letters, digits and underscores, at most 63", name)
	}
	admin, err := adminURL()
	if err != nil {
		t.Fatal(err)
	}
	v, _ := templates.LoadOrStore(name, &template{})
	tpl := v.(*template)
	tpl.mu.Lock()
	if !tpl.ready {
		ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
		err = makeTemplate(ctx, admin, name, prepare)
		cancel()
		tpl.ready = err == nil
	}
	tpl.mu.Unlock()
	if err != nil {
		t.Fatalf("testenv: template database %s: %v", name, err)
	}
	return newDatabase(t, name)
}

// TemplateName returns prefix (lowercase letters, digits, underscores) followed by a digest of parts: a
// name for PostgresTemplate that changes with any of the parts.
func TemplateName(prefix string, parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		binary.Write(h, binary.BigEndian, uint64(len(p)))
		h.Write([]byte(p))
	}
	return prefix + "_" + hex.EncodeToString(h.Sum(nil))[:16]
}

var templateNamePattern = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// templates holds, by name, whether this test binary has seen the template made; its mutex keeps the
// binary's own tests from making it twice.
var templates sync.Map

type template struct {
	mu    sync.Mutex
	ready bool
}

// makeTemplate makes the template database name unless it is there already, under an advisory lock on the
// cluster's postgres database, so that test binaries sharing the cluster make it once. A finished template
// is marked IS_TEMPLATE and refuses connections (CREATE DATABASE … TEMPLATE fails while anyone is connected
// to it); one found unmarked is what a failed or interrupted prepare left, and is dropped and made again.
func makeTemplate(ctx context.Context, admin, name string, prepare func(ctx context.Context, dbURL string) error) error {
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background()) // ends the session and with it the advisory lock
	key := sha256.Sum256([]byte("heitje testenv template " + name))
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", int64(binary.BigEndian.Uint64(key[:]))); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	ident := pgx.Identifier{name}.Sanitize()
	var isTemplate bool
	switch err := conn.QueryRow(ctx, "SELECT datistemplate FROM pg_database WHERE datname = $1", name).Scan(&isTemplate); {
	case err == nil && isTemplate:
		return nil
	case err == nil:
		if _, err := conn.Exec(ctx, "DROP DATABASE "+ident+" WITH (FORCE)"); err != nil {
			return fmt.Errorf("drop an unfinished one: %w", err)
		}
	case !errors.Is(err, pgx.ErrNoRows):
		return err
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+ident); err != nil {
		return err
	}
	dbURL, err := withDatabase(admin, name)
	if err != nil {
		return err
	}
	if err := prepare(ctx, dbURL); err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	if _, err := conn.Exec(ctx, "ALTER DATABASE "+ident+" WITH ALLOW_CONNECTIONS false IS_TEMPLATE true"); err != nil {
		return err
	}
	// A connection prepare left open would make every copy fail ("being accessed by other users").
	_, err = conn.Exec(ctx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", name)
	return err
}

// newDatabase creates the test's database, a copy of template (empty: of template1), and drops it when the
// test ends unless the test failed.
func newDatabase(t testing.TB, template string) string {
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
	create := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize()
	if template != "" {
		create += " TEMPLATE " + pgx.Identifier{template}.Sanitize()
	}
	if err := adminExec(admin, create); err != nil {
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
