package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/accounts"
)

// The second factors of staff (staff_second_factors, the secret sealed like the other credentials) and
// their recovery codes (staff_recovery_codes, keyed hashes only), and the password changes of everyone.

type secondFactorRow struct {
	AccountID   string
	SecretEnc   []byte
	CreatedAt   time.Time
	ConfirmedAt *time.Time
	LastStep    int64
}

const secondFactorColumns = `account_id::text AS account_id, secret_enc, created_at, confirmed_at, last_step`

func (c cryptor) secondFactor(r secondFactorRow) (accounts.SecondFactor, error) {
	secret, err := c.open("staff_second_factors", "secret_enc", r.AccountID, r.SecretEnc)
	if err != nil {
		return accounts.SecondFactor{}, failed("cryptor.secondFactor", err)
	}
	return accounts.SecondFactor{AccountID: r.AccountID, Secret: secret, CreatedAt: r.CreatedAt, ConfirmedAt: r.ConfirmedAt,
		LastStep: r.LastStep}, nil
}

// loadSecondFactor reads an account's second factor, with lock holding its row.
func (c cryptor) loadSecondFactor(tx *gorm.DB, accountID string, lock bool) (accounts.SecondFactor, error) {
	if !validUUID(accountID) {
		return accounts.SecondFactor{}, accounts.ErrNotFound
	}
	q := `SELECT ` + secondFactorColumns + ` FROM staff_second_factors WHERE account_id = ?`
	if lock {
		q += ` FOR UPDATE`
	}
	var rows []secondFactorRow
	if err := tx.Raw(q, accountID).Scan(&rows).Error; err != nil {
		return accounts.SecondFactor{}, failed("cryptor.loadSecondFactor", err)
	}
	if len(rows) == 0 {
		return accounts.SecondFactor{}, accounts.ErrNotFound
	}
	return c.secondFactor(rows[0])
}

// SecondFactor loads an account's second factor with its secret decrypted; accounts.ErrNotFound when none.
func (s *AccountStore) SecondFactor(ctx context.Context, accountID string) (accounts.SecondFactor, error) {
	return s.c.loadSecondFactor(s.db.WithContext(ctx), accountID, false)
}

// RecoveryCodesLeft counts an account's unused recovery codes.
func (s *AccountStore) RecoveryCodesLeft(ctx context.Context, accountID string) (int, error) {
	if !validUUID(accountID) {
		return 0, accounts.ErrNotFound
	}
	var n int
	err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM staff_recovery_codes WHERE account_id = ? AND used_at IS NULL`,
		accountID).Scan(&n).Error
	return n, failed("AccountStore.RecoveryCodesLeft", err)
}

func (t *accountTx) LockSecondFactor(accountID string) (accounts.SecondFactor, error) {
	return t.c.loadSecondFactor(t.tx, accountID, true)
}

func (t *accountTx) PutSecondFactor(f accounts.SecondFactor) error {
	enc, err := t.c.seal("staff_second_factors", "secret_enc", f.AccountID, f.Secret)
	if err != nil {
		return failed("accountTx.PutSecondFactor", err)
	}
	return failed("accountTx.PutSecondFactor", t.tx.Exec(`INSERT INTO staff_second_factors (account_id, secret_enc, created_at, confirmed_at, last_step)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc,
		created_at = EXCLUDED.created_at, confirmed_at = EXCLUDED.confirmed_at, last_step = EXCLUDED.last_step`,
		f.AccountID, bytea(enc), f.CreatedAt, f.ConfirmedAt, f.LastStep).Error)
}

func (t *accountTx) ReplaceRecoveryCodes(accountID string, hashes [][]byte, at time.Time) error {
	if err := t.tx.Exec(`DELETE FROM staff_recovery_codes WHERE account_id = ?`, accountID).Error; err != nil {
		return failed("accountTx.ReplaceRecoveryCodes", err)
	}
	for _, h := range hashes {
		if err := t.tx.Exec(`INSERT INTO staff_recovery_codes (account_id, code_hash, created_at) VALUES (?, ?, ?)`,
			accountID, bytea(h), at).Error; err != nil {
			return failed("accountTx.ReplaceRecoveryCodes", err)
		}
	}
	return nil
}

func (t *accountTx) UseRecoveryCode(accountID string, hash []byte, at time.Time) (bool, error) {
	res := t.tx.Exec(`UPDATE staff_recovery_codes SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL`,
		at, accountID, bytea(hash))
	return res.RowsAffected == 1, failed("accountTx.UseRecoveryCode", res.Error)
}

func (t *accountTx) DeleteSecondFactor(accountID string) error {
	if err := t.tx.Exec(`DELETE FROM staff_recovery_codes WHERE account_id = ?`, accountID).Error; err != nil {
		return failed("accountTx.DeleteSecondFactor", err)
	}
	return failed("accountTx.DeleteSecondFactor", t.tx.Exec(`DELETE FROM staff_second_factors WHERE account_id = ?`, accountID).Error)
}

func (t *accountTx) SetPasswordHash(accountID, hash string) error {
	res := t.tx.Exec(`UPDATE accounts SET password_hash = ?, updated_at = now() WHERE id = ?`, hash, accountID)
	if res.Error == nil && res.RowsAffected != 1 {
		return accounts.ErrNotFound
	}
	return failed("accountTx.SetPasswordHash", res.Error)
}

func (t *accountTx) RevokeOtherSessions(accountID, keep string, at time.Time, reason string) error {
	if keep == "" {
		return failed("accountTx.RevokeOtherSessions", t.RevokeSessions(accountID, at, reason))
	}
	return failed("accountTx.RevokeOtherSessions", t.tx.Exec(`UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE account_id = ? AND revoked_at IS NULL
		AND id <> ?::uuid`, at, reason, accountID, keep).Error)
}
