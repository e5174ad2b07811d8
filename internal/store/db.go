// Package store is the platform's only user of gorm and Postgres: one file per aggregate implementing the
// Store interfaces that the domain packages declare, and the embedded SQL migrations. Driver errors are
// translated here into the domains' sentinel errors.
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

	"github.com/jackc/pgx/v5/pgconn"
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
type Option func(*sql.DB)

// MaxConns bounds the pool at n connections. All of them may stay open while idle (for at most five
// minutes): closing connections after a burst only to open them again at the next one costs Postgres a
// backend start each time.
func MaxConns(n int) Option {
	return func(s *sql.DB) {
		s.SetMaxOpenConns(n)
		s.SetMaxIdleConns(n)
	}
}

// Open connects to Postgres and checks that it answers. The error never contains the password.
func Open(ctx context.Context, url string, opts ...Option) (*DB, error) {
	g, err := gorm.Open(postgres.Open(url), &gorm.Config{
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
	MaxConns(DefaultMaxConns)(s)
	for _, o := range opts {
		o(s)
	}
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := s.PingContext(pctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("database unreachable at %s: %w", hostOf(url), redact(err))
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

// isUniqueViolation reports a SQLSTATE 23505.
func isUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505"
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
