package store

import (
	"database/sql"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"
)

// opError is an error of a store operation: its message names the operation ("store: PaymentStore.Request:
// context canceled"), so a logged 500 says which call failed. errors.Is and errors.As see through it to the
// cause: the driver's *pgconn.PgError, context.Canceled, gorm.ErrRecordNotFound or a domain's sentinel.
type opError struct {
	op  string
	err error
}

func (e *opError) Error() string { return "store: " + e.op + ": " + e.err.Error() }

func (e *opError) Unwrap() error { return e.err }

// failed names the operation op in err. A nil err stays nil. An error a helper already named gains the
// caller's name in front ("store: paymentTx.Spendable: holdings: context canceled"), a path down to the
// failing statement.
func failed(op string, err error) error {
	if err == nil {
		return nil
	}
	if inner, ok := err.(*opError); ok {
		if inner.op == op || strings.HasPrefix(inner.op, op+": ") {
			return err
		}
		return &opError{op: op + ": " + inner.op, err: inner.err}
	}
	return &opError{op: op, err: err}
}

// transaction runs fn in one transaction of db. An error of fn comes back as fn returned it (it already
// names its operation, or is a domain's answer); a failure to begin or commit names op.
func transaction(db *gorm.DB, op string, fn func(tx *gorm.DB) error, opts ...*sql.TxOptions) error {
	var fnErr error
	err := db.Transaction(func(tx *gorm.DB) error {
		fnErr = fn(tx)
		return fnErr
	}, opts...)
	if err != nil && fnErr == nil {
		return failed(op, err)
	}
	return err
}

// The SQLSTATE codes the store acts on.
const (
	pgUniqueViolation    = "23505"
	pgExclusionViolation = "23P01"
)

// pgViolation reports whether err is a Postgres error with the SQLSTATE code, and the constraint it names
// ("" for none). It is the one place that looks into the driver's errors.
func pgViolation(err error, code string) (constraint string, ok bool) {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != code {
		return "", false
	}
	return pgErr.ConstraintName, true
}

// isPgError reports whether err is a Postgres error with the SQLSTATE code and, when constraint is not
// empty, on that constraint.
func isPgError(err error, code, constraint string) bool {
	c, ok := pgViolation(err, code)
	return ok && (constraint == "" || c == constraint)
}

// isUniqueViolation reports a SQLSTATE 23505 on any constraint.
func isUniqueViolation(err error) bool { return isPgError(err, pgUniqueViolation, "") }
