package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationLock is the advisory lock key that serialises migrations between processes.
const migrationLock = 72_6411_0001

// Migration is one numbered schema change with its reverse.
type Migration struct {
	Version   int
	Name      string
	Up, Down  string
	AppliedAt *time.Time
}

// ErrPendingMigrations means the database is behind the binary; run `heitje migrate up`.
var ErrPendingMigrations = errors.New("database schema is behind this binary: run `heitje migrate up`")

// Migrations lists the embedded migrations in order.
func Migrations() ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, failed("Migrations", err)
	}
	byVersion := map[int]*Migration{}
	for _, e := range entries {
		name := e.Name()
		base, dir, ok := strings.Cut(strings.TrimSuffix(name, ".sql"), ".")
		num, label, ok2 := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || !ok2 || err != nil || (dir != "up" && dir != "down") {
			return nil, fmt.Errorf("migration file %q is not NNNN_name.up.sql or .down.sql", name)
		}
		body, err := migrationFiles.ReadFile("migrations/" + name)
		if err != nil {
			return nil, failed("Migrations", err)
		}
		m := byVersion[v]
		if m == nil {
			m = &Migration{Version: v, Name: label}
			byVersion[v] = m
		}
		if dir == "up" {
			m.Up = string(body)
		} else {
			m.Down = string(body)
		}
	}
	var out []Migration
	for _, m := range byVersion {
		if m.Up == "" || m.Down == "" {
			return nil, fmt.Errorf("migration %04d_%s needs both an up and a down file", m.Version, m.Name)
		}
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration versions must be 1, 2, 3, …: found %d at place %d", m.Version, i+1)
		}
	}
	return out, nil
}

// MigrationStatus returns every migration with the time it was applied, or nil when pending.
func (db *DB) MigrationStatus(ctx context.Context) ([]Migration, error) {
	ms, err := Migrations()
	if err != nil {
		return nil, failed("DB.MigrationStatus", err)
	}
	applied, err := db.appliedSoFar(ctx)
	if err != nil {
		return nil, failed("DB.MigrationStatus", err)
	}
	for i := range ms {
		if t, ok := applied[ms[i].Version]; ok {
			ms[i].AppliedAt = &t
		}
	}
	return ms, nil
}

// CheckMigrations returns ErrPendingMigrations unless every embedded migration is applied.
func (db *DB) CheckMigrations(ctx context.Context) error {
	ms, err := db.MigrationStatus(ctx)
	if err != nil {
		return failed("DB.CheckMigrations", err)
	}
	for _, m := range ms {
		if m.AppliedAt == nil {
			return ErrPendingMigrations
		}
	}
	return nil
}

// MigrateUp applies every pending migration, each in its own transaction, and returns how many it applied.
// Concurrent callers wait for each other.
func (db *DB) MigrateUp(ctx context.Context) (int, error) {
	ms, err := Migrations()
	if err != nil {
		return 0, failed("DB.MigrateUp", err)
	}
	n := 0
	err = db.withMigrationLock(ctx, func(conn *sql.Conn) error {
		applied, err := db.applied(ctx, conn)
		if err != nil {
			return failed("DB.MigrateUp", err)
		}
		for _, m := range ms {
			if _, ok := applied[m.Version]; ok {
				continue
			}
			if err := execInTx(ctx, conn, m.Up,
				`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
				return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
			}
			n++
		}
		return nil
	})
	return n, failed("DB.MigrateUp", err)
}

// MigrateDown reverts the last steps applied migrations.
func (db *DB) MigrateDown(ctx context.Context, steps int) (int, error) {
	ms, err := Migrations()
	if err != nil {
		return 0, failed("DB.MigrateDown", err)
	}
	n := 0
	err = db.withMigrationLock(ctx, func(conn *sql.Conn) error {
		applied, err := db.applied(ctx, conn)
		if err != nil {
			return failed("DB.MigrateDown", err)
		}
		for i := len(ms) - 1; i >= 0 && n < steps; i-- {
			m := ms[i]
			if _, ok := applied[m.Version]; !ok {
				continue
			}
			if err := execInTx(ctx, conn, m.Down,
				`DELETE FROM schema_migrations WHERE version = $1`, m.Version); err != nil {
				return fmt.Errorf("reverting migration %04d_%s: %w", m.Version, m.Name, err)
			}
			n++
		}
		return nil
	})
	return n, failed("DB.MigrateDown", err)
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

// appliedSoFar reads the applied migrations without creating anything, so that a role with no right to
// change the schema (the API's, see deploy/README.md) can check it: no schema_migrations table means none.
func (db *DB) appliedSoFar(ctx context.Context) (map[int]time.Time, error) {
	var exists bool
	if err := db.sql.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return nil, failed("DB.appliedSoFar", err)
	}
	if !exists {
		return map[int]time.Time{}, nil
	}
	return readApplied(ctx, db.sql)
}

// applied creates schema_migrations when it is missing and reads the applied migrations; only the role that
// migrates calls it.
func (db *DB) applied(ctx context.Context, q querier) (map[int]time.Time, error) {
	if _, err := q.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return nil, fmt.Errorf("creating schema_migrations: %w", err)
	}
	return readApplied(ctx, q)
}

func readApplied(ctx context.Context, q querier) (map[int]time.Time, error) {
	rows, err := q.QueryContext(ctx, `SELECT version, applied_at FROM schema_migrations`)
	if err != nil {
		return nil, failed("readApplied", err)
	}
	defer rows.Close()
	out := map[int]time.Time{}
	for rows.Next() {
		var v int
		var t time.Time
		if err := rows.Scan(&v, &t); err != nil {
			return nil, failed("readApplied", err)
		}
		out[v] = t
	}
	return out, failed("readApplied", rows.Err())
}

func (db *DB) withMigrationLock(ctx context.Context, fn func(*sql.Conn) error) error {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return failed("DB.withMigrationLock", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrationLock); err != nil {
		return failed("DB.withMigrationLock", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrationLock)
	return fn(conn)
}

func execInTx(ctx context.Context, conn *sql.Conn, body, record string, args ...any) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return failed("execInTx", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return failed("execInTx", err)
	}
	if _, err := tx.ExecContext(ctx, record, args...); err != nil {
		return failed("execInTx", err)
	}
	return failed("execInTx", tx.Commit())
}
