package store

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/accounts"
)

// SessionPrincipal returns who is behind a session, as the database says now: the account's role, status
// and privileges, and whether the session was revoked.
func (s *AccountStore) SessionPrincipal(ctx context.Context, sessionID string) (accounts.Principal, accounts.Status, bool, error) {
	if !validUUID(sessionID) {
		return accounts.Principal{}, "", false, accounts.ErrNotFound
	}
	var rows []struct {
		AccountID  string
		Username   string
		Role       string
		Status     string
		Privileges []byte
		Revoked    bool
	}
	err := s.db.WithContext(ctx).Raw(`SELECT a.id::text AS account_id, a.username, a.role, a.status, a.privileges,
		s.revoked_at IS NOT NULL AS revoked FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id = ?`,
		sessionID).Scan(&rows).Error
	if err != nil {
		return accounts.Principal{}, "", false, err
	}
	if len(rows) == 0 {
		return accounts.Principal{}, "", false, accounts.ErrNotFound
	}
	r := rows[0]
	p := accounts.Principal{AccountID: r.AccountID, SessionID: sessionID, Username: r.Username, Role: accounts.Role(r.Role)}
	if err := json.Unmarshal(r.Privileges, &p.Privileges); err != nil {
		return accounts.Principal{}, "", false, err
	}
	return p, accounts.Status(r.Status), r.Revoked, nil
}

// LoginFailures counts the failed logins since the given time by username key and by client key.
func (s *AccountStore) LoginFailures(ctx context.Context, usernameKey, clientKey []byte, since time.Time) (int, int, error) {
	var row struct{ ByUsername, ByClient int }
	err := s.db.WithContext(ctx).Raw(`SELECT
		count(*) FILTER (WHERE username_key = ?) AS by_username,
		count(*) FILTER (WHERE client_key = ?) AS by_client
		FROM login_failures WHERE at >= ? AND (username_key = ? OR client_key = ?)`,
		usernameKey, clientKey, since, usernameKey, clientKey).Scan(&row).Error
	return row.ByUsername, row.ByClient, err
}

// RecordLoginFailure stores a failed login and drops the records older than before, which no limit needs.
func (s *AccountStore) RecordLoginFailure(ctx context.Context, usernameKey, clientKey []byte, at, before time.Time) error {
	db := s.db.WithContext(ctx)
	if err := db.Exec(`INSERT INTO login_failures (username_key, client_key, at) VALUES (?, ?, ?)`,
		bytea(usernameKey), bytea(clientKey), at).Error; err != nil {
		return err
	}
	return db.Exec(`DELETE FROM login_failures WHERE at < ?`, before).Error
}

// ClearLoginFailures forgets a username's failures after a successful login; the client's stay.
func (s *AccountStore) ClearLoginFailures(ctx context.Context, usernameKey []byte) error {
	return s.db.WithContext(ctx).Exec(`DELETE FROM login_failures WHERE username_key = ?`, usernameKey).Error
}

// CreateChallenge stores a wallet challenge and drops the account's expired ones.
func (s *AccountStore) CreateChallenge(ctx context.Context, c accounts.Challenge) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`DELETE FROM wallet_challenges WHERE account_id = ? AND expires_at < now() - interval '1 day'`,
			c.AccountID).Error; err != nil {
			return err
		}
		return tx.Exec(`INSERT INTO wallet_challenges (nonce, account_id, message, expires_at) VALUES (?, ?, ?, ?)`,
			c.Nonce, c.AccountID, c.Message, c.ExpiresAt).Error
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
		return nil, err
	}
	if len(rows) == 0 || rows[0].PrivateKeyEnc == nil {
		return nil, accounts.ErrNotFound
	}
	k, err := s.c.open("shops", "private_key_enc", shopID, rows[0].PrivateKeyEnc)
	return []byte(k), err
}

// bytea passes a []byte to gorm as one value: gorm expands a bare slice written right after "(" (as in
// VALUES (?, …)) into a list of its elements.
type bytea []byte

// Value implements driver.Valuer.
func (b bytea) Value() (driver.Value, error) { return []byte(b), nil }
