// Package store is the platform's only user of gorm and Postgres: one file per aggregate implementing the
// Store interfaces that the domain packages declare, and the embedded SQL migrations. Driver errors are
// translated here into the domains' sentinel errors.
//
// Every error a store operation returns names it ("store: PaymentStore.InTx: …", see failed in errors.go);
// isPgError is the one look into the driver's SQLSTATE codes. Row locks are written in the SQL itself
// (FOR UPDATE, FOR UPDATE OF a, SKIP LOCKED), never with gorm's clause.Locking: most locking reads are raw
// statements, where the clause does not apply, and one way to write a lock is one way to look for it.
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// DB is an open connection pool.
type DB struct {
	gorm *gorm.DB
	sql  *sql.DB
}

// DefaultMaxConns is the size of a pool opened without MaxConns.
const DefaultMaxConns = 40

// Option changes how Open sets up the pool.
type Option func(*poolConfig)

type poolConfig struct {
	maxConns int
	params   url.Values
}

// MaxConns bounds the pool at n connections. All of them may stay open while idle (for at most five
// minutes): closing connections after a burst only to open them again at the next one costs Postgres a
// backend start each time.
func MaxConns(n int) Option { return func(c *poolConfig) { c.maxConns = n } }

// Background marks the pool as the background jobs' own (reconciliation, retention): Postgres runs their
// scans without parallel workers, so a job keeps to one core and the API's requests keep the others, and
// the connections say who they are (application_name) in pg_stat_activity.
func Background(name string) Option {
	return func(c *poolConfig) {
		c.params.Set("max_parallel_workers_per_gather", "0")
		c.params.Set("application_name", name)
	}
}

// Open connects to Postgres and checks that it answers. The error never contains the password.
func Open(ctx context.Context, dsn string, opts ...Option) (*DB, error) {
	c := poolConfig{maxConns: DefaultMaxConns, params: url.Values{}}
	for _, o := range opts {
		o(&c)
	}
	if len(c.params) > 0 {
		// pgx sends parameters of the URL it does not know itself as run-time settings of each connection.
		u, err := url.Parse(dsn)
		if err != nil {
			return nil, errors.New("database: DATABASE_URL is not a URL")
		}
		q := u.Query()
		for k, v := range c.params {
			q[k] = v
		}
		u.RawQuery = q.Encode()
		dsn = u.String()
	}
	g, err := gorm.Open(postgres.Open(dsn), &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true,
		PrepareStmt:            false,
		NowFunc:                func() time.Time { return time.Now().UTC() },
		DisableAutomaticPing:   true,
	})
	if err != nil {
		return nil, fmt.Errorf("database: %w", redact(err))
	}
	s, err := g.DB()
	if err != nil {
		return nil, fmt.Errorf("database: %w", err)
	}
	s.SetConnMaxIdleTime(5 * time.Minute)
	s.SetMaxOpenConns(c.maxConns)
	s.SetMaxIdleConns(c.maxConns)
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := s.PingContext(pctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("database unreachable at %s: %w", hostOf(dsn), redact(err))
	}
	return &DB{gorm: g, sql: s}, nil
}

// Close closes the pool.
func (db *DB) Close() error { return db.sql.Close() }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.sql.PingContext(ctx) }

// SQL returns the underlying pool, for tests and tools that need plain SQL.
func (db *DB) SQL() *sql.DB { return db.sql }

// redact keeps connection errors short and free of the URL, which may carry a password: it returns the
// innermost cause (e.g. "connection refused").
func redact(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// hostOf returns host:port of a database URL, without user or password.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "DATABASE_URL"
	}
	return u.Host
}

// arrayParam is a Go slice sent as one Postgres array literal. gorm would expand a bare slice into a list of
// parameters; a driver.Valuer stays one parameter. Use it with a cast: ?::bigint[], ?::text[], ?::bytea[].
type arrayParam []string

// Value returns the array literal.
func (a arrayParam) Value() (driver.Value, error) {
	return "{" + strings.Join(a, ",") + "}", nil
}

// pgArray turns ids, hex strings or byte strings into an array parameter.
func pgArray[T int64 | string | []byte](vs []T) arrayParam {
	out := make(arrayParam, len(vs))
	for i, v := range vs {
		switch x := any(v).(type) {
		case int64:
			out[i] = strconv.FormatInt(x, 10)
		case string:
			out[i] = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(x) + `"`
		case []byte:
			out[i] = `"\\x` + hex.EncodeToString(x) + `"`
		}
	}
	return out
}
