package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/accounts"
)

// hasSecondFactor is true for an account a whose second factor is set up: a staff member's privileges take
// effect only then (and with the current confidentiality statement acknowledged).
const hasSecondFactor = `EXISTS (SELECT 1 FROM staff_second_factors f WHERE f.account_id = a.id AND f.confirmed_at IS NOT NULL)`

// sessionPrincipalSQL reads who is behind session $2; $1 is the current confidentiality statement's version.
const sessionPrincipalSQL = `SELECT a.id::text, a.username, a.role, a.status, a.privileges, s.revoked_at IS NOT NULL,
	a.role = 'staff' AND a.confidentiality_version IS DISTINCT FROM $1,
	a.role = 'staff' AND NOT ` + hasSecondFactor + `
	FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id = $2`

// SessionPrincipal returns who is behind a session, as the database says now: the account's role, status
// and privileges, and whether the session was revoked. Every authenticated request asks it, so it reads
// through database/sql directly, without gorm's rendering of the SQL and its scanning by reflection.
func (s *AccountStore) SessionPrincipal(ctx context.Context, sessionID string) (accounts.Principal, accounts.Status, bool, error) {
	if !validUUID(sessionID) {
		return accounts.Principal{}, "", false, accounts.ErrNotFound
	}
	pool, err := s.db.DB()
	if err != nil {
		return accounts.Principal{}, "", false, failed("AccountStore.SessionPrincipal", err)
	}
	var (
		p            accounts.Principal
		role, status string
		privileges   []byte
		revoked      bool
	)
	err = pool.QueryRowContext(ctx, sessionPrincipalSQL, accounts.CurrentConfidentiality.Version, sessionID).Scan(
		&p.AccountID, &p.Username, &role, &status, &privileges, &revoked, &p.ConfidentialityPending, &p.SecondFactorPending)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return accounts.Principal{}, "", false, accounts.ErrNotFound
	case err != nil:
		return accounts.Principal{}, "", false, failed("AccountStore.SessionPrincipal", err)
	}
	p.SessionID, p.Role = sessionID, accounts.Role(role)
	if err := json.Unmarshal(privileges, &p.Privileges); err != nil {
		return accounts.Principal{}, "", false, failed("AccountStore.SessionPrincipal", err)
	}
	return p, accounts.Status(status), revoked, nil
}

// ConfidentialityAck returns when a staff member acknowledged a confidentiality statement, and its version.
func (s *AccountStore) ConfidentialityAck(ctx context.Context, accountID string) (*time.Time, string, error) {
	if !validUUID(accountID) {
		return nil, "", accounts.ErrNotFound
	}
	var rows []struct {
		At      *time.Time
		Version *string
	}
	if err := s.db.WithContext(ctx).Raw(`SELECT confidentiality_ack_at AS at, confidentiality_version AS version FROM accounts
		WHERE id = ?`, accountID).Scan(&rows).Error; err != nil {
		return nil, "", failed("AccountStore.ConfidentialityAck", err)
	}
	if len(rows) == 0 {
		return nil, "", accounts.ErrNotFound
	}
	if rows[0].Version == nil {
		return nil, "", nil
	}
	return rows[0].At, *rows[0].Version, nil
}

// ReserveLoginAttempt counts the failed logins since the given time for this username from this client
// address, and from this client address for any username, and, when both are below their limits, records
// this attempt as a failure until ReleaseLoginAttempt or ClearLoginFailures takes it back; it also drops the
// records older than since, which no limit needs. Failures for a username from other addresses do not count,
// so nobody can lock someone else out by guessing from elsewhere. The count and the record happen under
// transaction locks on both keys, so parallel attempts cannot all pass the same count. It returns the
// record's id, or 0 when a limit is reached.
func (s *AccountStore) ReserveLoginAttempt(ctx context.Context, usernameKey, clientKey []byte, at, since time.Time,
	maxByUsernameAndClient, maxByClient int) (int64, error) {
	var id int64
	err := transaction(s.db.WithContext(ctx), "AccountStore.ReserveLoginAttempt", func(tx *gorm.DB) error {
		// Usernames before clients, in every transaction: no two can wait for each other.
		if err := tx.Exec(`SELECT pg_advisory_xact_lock(?, hashtext(encode(?::bytea, 'hex'))),
			pg_advisory_xact_lock(?, hashtext(encode(?::bytea, 'hex')))`,
			loginUsernameLockSpace, bytea(usernameKey), loginClientLockSpace, bytea(clientKey)).Error; err != nil {
			return failed("AccountStore.ReserveLoginAttempt", err)
		}
		var row struct{ ByPair, ByClient int }
		if err := tx.Raw(`SELECT
			count(*) FILTER (WHERE username_key = ?) AS by_pair,
			count(*) AS by_client
			FROM login_failures WHERE at >= ? AND client_key = ?`,
			bytea(usernameKey), since, bytea(clientKey)).Scan(&row).Error; err != nil {
			return failed("AccountStore.ReserveLoginAttempt", err)
		}
		if row.ByPair >= maxByUsernameAndClient || row.ByClient >= maxByClient {
			return nil
		}
		if err := tx.Raw(`INSERT INTO login_failures (username_key, client_key, at) VALUES (?, ?, ?) RETURNING id`,
			bytea(usernameKey), bytea(clientKey), at).Scan(&id).Error; err != nil {
			return failed("AccountStore.ReserveLoginAttempt", err)
		}
		return failed("AccountStore.ReserveLoginAttempt", tx.Exec(`DELETE FROM login_failures WHERE at < ?`, since).Error)
	})
	return id, failed("AccountStore.ReserveLoginAttempt", err)
}

// ReserveRegistration counts the registrations from a client address since the given time and, below max,
// records this one; false when the limit is reached. Like ReserveLoginAttempt it counts and records under a
// transaction lock on the key, and drops records older than since.
func (s *AccountStore) ReserveRegistration(ctx context.Context, clientKey []byte, at, since time.Time, max int) (bool, error) {
	ok := false
	err := transaction(s.db.WithContext(ctx), "AccountStore.ReserveRegistration", func(tx *gorm.DB) error {
		if err := tx.Exec(`SELECT pg_advisory_xact_lock(?, hashtext(encode(?::bytea, 'hex')))`,
			registrationClientLockSpace, bytea(clientKey)).Error; err != nil {
			return failed("AccountStore.ReserveRegistration", err)
		}
		var n int
		if err := tx.Raw(`SELECT count(*) FROM registration_attempts WHERE client_key = ? AND at >= ?`,
			bytea(clientKey), since).Scan(&n).Error; err != nil {
			return failed("AccountStore.ReserveRegistration", err)
		}
		if n >= max {
			return nil
		}
		if err := tx.Exec(`INSERT INTO registration_attempts (client_key, at) VALUES (?, ?)`, bytea(clientKey), at).Error; err != nil {
			return failed("AccountStore.ReserveRegistration", err)
		}
		ok = true
		return failed("AccountStore.ReserveRegistration", tx.Exec(`DELETE FROM registration_attempts WHERE at < ?`, since).Error)
	})
	return ok, failed("AccountStore.ReserveRegistration", err)
}

// The advisory lock spaces of the login limits.
const (
	loginUsernameLockSpace = 6421
	loginClientLockSpace   = 6422
	// registrationClientLockSpace is the lock space of the registration limit.
	registrationClientLockSpace = 6423
)

// ReleaseLoginAttempt takes back a reserved attempt that turned out not to be a failure.
func (s *AccountStore) ReleaseLoginAttempt(ctx context.Context, id int64) error {
	return failed("AccountStore.ReleaseLoginAttempt", s.db.WithContext(ctx).Exec(`DELETE FROM login_failures WHERE id = ?`, id).Error)
}

// ClearLoginFailures forgets a username's failures from a client address after a successful login from
// there; the address's failures for other usernames stay.
func (s *AccountStore) ClearLoginFailures(ctx context.Context, usernameKey, clientKey []byte) error {
	return failed("AccountStore.ClearLoginFailures", s.db.WithContext(ctx).Exec(`DELETE FROM login_failures WHERE username_key = ? AND client_key = ?`,
		bytea(usernameKey), bytea(clientKey)).Error)
}

// CreateChallenge stores a wallet challenge and drops the account's expired ones.
func (s *AccountStore) CreateChallenge(ctx context.Context, c accounts.Challenge) error {
	return transaction(s.db.WithContext(ctx), "AccountStore.CreateChallenge", func(tx *gorm.DB) error {
		if err := tx.Exec(`DELETE FROM wallet_challenges WHERE account_id = ? AND expires_at < now() - interval '1 day'`,
			c.AccountID).Error; err != nil {
			return failed("AccountStore.CreateChallenge", err)
		}
		return failed("AccountStore.CreateChallenge", tx.Exec(`INSERT INTO wallet_challenges (nonce, account_id, message, expires_at) VALUES (?, ?, ?, ?)`,
			c.Nonce, c.AccountID, c.Message, c.ExpiresAt).Error)
	})
}

// ShopPrivateKey returns a shop's server-held private key (32 bytes), decrypted; accounts.ErrNotFound when
// the shop has none. Only the code that signs for the shop calls it.
func (s *AccountStore) ShopPrivateKey(ctx context.Context, shopID string) ([]byte, error) {
	if !validUUID(shopID) {
		return nil, accounts.ErrNotFound
	}
	var rows []struct{ PrivateKeyEnc []byte }
	if err := s.db.WithContext(ctx).Raw(`SELECT private_key_enc FROM shops WHERE account_id = ?`, shopID).
		Scan(&rows).Error; err != nil {
		return nil, failed("AccountStore.ShopPrivateKey", err)
	}
	if len(rows) == 0 || rows[0].PrivateKeyEnc == nil {
		return nil, accounts.ErrNotFound
	}
	k, err := s.c.open("shops", "private_key_enc", shopID, rows[0].PrivateKeyEnc)
	return []byte(k), failed("AccountStore.ShopPrivateKey", err)
}

// bytea passes a []byte to gorm as one value: gorm expands a bare slice written right after "(" (as in
// VALUES (?, …)) into a list of its elements.
type bytea []byte

// Value implements driver.Valuer.
func (b bytea) Value() (driver.Value, error) { return []byte(b), nil }
