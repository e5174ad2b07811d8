package store

import (
	"encoding/json"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
)

// accountTx is accounts.Tx on one gorm transaction.
type accountTx struct {
	tx *gorm.DB
	c  cryptor
}

var _ accounts.Tx = (*accountTx)(nil)

// privilegesLock is the advisory lock (with auditLockSpace) that serialises privilege changes.
const privilegesLock = 2

func (t *accountTx) Get(id string, lock bool) (accounts.Account, error) {
	if !validUUID(id) {
		return accounts.Account{}, accounts.ErrNotFound
	}
	return t.c.get(t.tx, lock, "a.id = ?", id)
}

// sealedAccount is the encrypted form of an account's own columns.
type sealedAccount struct {
	EmailEnc, EmailLookup, PhoneEnc, PhoneLookup []byte
	Privileges                                   []byte
	WalletAddress                                *string
}

func (t *accountTx) seal(a accounts.Account) (sealedAccount, error) {
	var s sealedAccount
	var err error
	if s.EmailEnc, err = t.c.seal("accounts", "email_enc", a.ID, a.Email); err != nil {
		return s, failed("accountTx.seal", err)
	}
	if s.PhoneEnc, err = t.c.seal("accounts", "phone_enc", a.ID, a.Phone); err != nil {
		return s, failed("accountTx.seal", err)
	}
	s.EmailLookup, s.PhoneLookup = t.c.hash("email", a.Email), t.c.hash("phone", a.Phone)
	privs := a.Privileges
	if privs == nil {
		privs = []accounts.Privilege{}
	}
	if s.Privileges, err = json.Marshal(privs); err != nil {
		return s, failed("accountTx.seal", err)
	}
	if a.WalletAddress != "" {
		s.WalletAddress = &a.WalletAddress
	}
	return s, nil
}

// shopValues returns the sealed shop columns of a; the private key only when a new one is set.
func (t *accountTx) shopValues(a accounts.Account) (map[string]any, error) {
	vals := map[string]any{"activated_at": a.Shop.ActivatedAt, "category": shopCategory(a.Shop.Category)}
	for _, f := range []struct{ col, v string }{{"legal_name_enc", a.Shop.LegalName},
		{"contact_name_enc", a.Shop.ContactName}, {"kvk_enc", a.Shop.KvK}, {"iban_enc", a.Shop.IBAN},
		{"address_enc", a.Shop.Address}} {
		b, err := t.c.seal("shops", f.col, a.ID, f.v)
		if err != nil {
			return nil, failed("accountTx.shopValues", err)
		}
		vals[f.col] = b
	}
	if a.NewShopKey != nil {
		b, err := t.c.seal("shops", "private_key_enc", a.ID, string(a.NewShopKey))
		if err != nil {
			return nil, failed("accountTx.shopValues", err)
		}
		vals["private_key_enc"] = b
	}
	return vals, nil
}

// shopCategory stores "" as "other", the column's default.
func shopCategory(c string) string {
	if c == "" {
		return "other"
	}
	return c
}

func (t *accountTx) Create(a accounts.Account) error {
	s, err := t.seal(a)
	if err != nil {
		return failed("accountTx.Create", err)
	}
	err = t.tx.Exec(`INSERT INTO accounts (id, role, username, status, password_hash, email_enc, email_lookup,
		phone_enc, phone_lookup, privileges, wallet_address, created_at, updated_at, decided_at, decided_by, notice_version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, '')::uuid, NULLIF(?, ''))`,
		a.ID, string(a.Role), a.Username, string(a.Status), a.PasswordHash, s.EmailEnc, s.EmailLookup, s.PhoneEnc,
		s.PhoneLookup, s.Privileges, s.WalletAddress, a.CreatedAt, a.CreatedAt, a.DecidedAt, a.DecidedBy, a.NoticeVersion).Error
	if err != nil {
		return failed("accountTx.Create", translate(err))
	}
	if a.Notify != nil {
		if err := saveNoticeSettings(t.tx, a.ID, *a.Notify, a.CreatedAt); err != nil {
			return failed("accountTx.Create", err)
		}
	}
	if a.Shop == nil {
		return nil
	}
	vals, err := t.shopValues(a)
	if err != nil {
		return failed("accountTx.Create", err)
	}
	vals["account_id"] = a.ID
	return failed("accountTx.Create", t.tx.Table("shops").Create(vals).Error)
}

func (t *accountTx) Save(a accounts.Account) error {
	s, err := t.seal(a)
	if err != nil {
		return failed("accountTx.Save", err)
	}
	err = t.tx.Exec(`UPDATE accounts SET status = ?, email_enc = ?, email_lookup = ?, phone_enc = ?, phone_lookup = ?,
		privileges = ?, wallet_address = ?, decided_at = ?, decided_by = NULLIF(?, '')::uuid, updated_at = now()
		WHERE id = ?`, string(a.Status), s.EmailEnc, s.EmailLookup, s.PhoneEnc, s.PhoneLookup, s.Privileges,
		s.WalletAddress, a.DecidedAt, a.DecidedBy, a.ID).Error
	if err != nil {
		return failed("accountTx.Save", translate(err))
	}
	if a.Email == "" {
		// Notices by e-mail need an address (notices.ErrNoAddress): without one they are off, and stay off
		// until the account turns them on again.
		if err := t.tx.Exec(`UPDATE notice_settings SET email = false, changed_at = now() WHERE account_id = ? AND email`,
			a.ID).Error; err != nil {
			return failed("accountTx.Save", err)
		}
	}
	if a.Shop == nil {
		return nil
	}
	vals, err := t.shopValues(a)
	if err != nil {
		return failed("accountTx.Save", err)
	}
	return failed("accountTx.Save", t.tx.Table("shops").Where("account_id = ?", a.ID).Updates(vals).Error)
}

func (t *accountTx) LockPrivileges() error {
	return failed("accountTx.LockPrivileges", t.tx.Exec(`SELECT pg_advisory_xact_lock(?, ?)`, auditLockSpace, privilegesLock).Error)
}

func (t *accountTx) CountWithPrivilege(p accounts.Privilege) (int, error) {
	return countWithPrivilege(t.tx, p)
}

func (t *accountTx) Audit(e audit.Entry) error {
	_, err := appendAudit(t.tx, e)
	return failed("accountTx.Audit", err)
}

func (t *accountTx) Enqueue(in outbox.Intent) (outbox.Intent, error) { return enqueue(t.tx, in) }

func (t *accountTx) Notify(n notices.Notice) error {
	return failed("accountTx.Notify", writeNotice(t.tx, n))
}

func (t *accountTx) CreateSession(s accounts.Session, first accounts.RefreshToken) error {
	if err := t.tx.Exec(`INSERT INTO sessions (id, account_id, created_at) VALUES (?, ?, ?)`,
		s.ID, s.AccountID, s.CreatedAt).Error; err != nil {
		return failed("accountTx.CreateSession", err)
	}
	return failed("accountTx.CreateSession", t.AddRefreshToken(first))
}

type refreshRow struct {
	TokenHash []byte
	SessionID string
	IssuedAt  time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
	AccountID string
	CreatedAt time.Time
	RevokedAt *time.Time
}

func (t *accountTx) LockRefreshToken(hash []byte) (accounts.RefreshToken, accounts.Session, error) {
	var rows []refreshRow
	err := t.tx.Raw(`SELECT r.token_hash, r.session_id::text AS session_id, r.issued_at, r.expires_at, r.used_at,
		s.account_id::text AS account_id, s.created_at, s.revoked_at
		FROM refresh_tokens AS r JOIN sessions s ON s.id = r.session_id WHERE r.token_hash = ? LIMIT 1 FOR UPDATE`, hash).
		Scan(&rows).Error
	if err != nil {
		return accounts.RefreshToken{}, accounts.Session{}, failed("accountTx.LockRefreshToken", err)
	}
	if len(rows) == 0 {
		return accounts.RefreshToken{}, accounts.Session{}, accounts.ErrNotFound
	}
	r := rows[0]
	return accounts.RefreshToken{Hash: r.TokenHash, SessionID: r.SessionID, IssuedAt: r.IssuedAt, ExpiresAt: r.ExpiresAt, UsedAt: r.UsedAt},
		accounts.Session{ID: r.SessionID, AccountID: r.AccountID, CreatedAt: r.CreatedAt, RevokedAt: r.RevokedAt}, nil
}

func (t *accountTx) MarkRefreshUsed(hash []byte, at time.Time) error {
	return failed("accountTx.MarkRefreshUsed", t.tx.Exec(`UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL`, at, hash).Error)
}

func (t *accountTx) AddRefreshToken(r accounts.RefreshToken) error {
	return failed("accountTx.AddRefreshToken", t.tx.Exec(`INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)`,
		bytea(r.Hash), r.SessionID, r.IssuedAt, r.ExpiresAt).Error)
}

func (t *accountTx) RevokeSession(id string, at time.Time, reason string) error {
	return failed("accountTx.RevokeSession", t.tx.Exec(`UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL`,
		at, reason, id).Error)
}

func (t *accountTx) AcknowledgeConfidentiality(accountID, version string, at time.Time) (*time.Time, error) {
	var prev []time.Time
	if err := t.tx.Raw(`SELECT confidentiality_ack_at FROM accounts WHERE id = ? AND role = 'staff'
		AND confidentiality_version = ? FOR UPDATE`, accountID, version).Scan(&prev).Error; err != nil {
		return nil, failed("accountTx.AcknowledgeConfidentiality", err)
	}
	if len(prev) == 1 {
		return &prev[0], nil
	}
	res := t.tx.Exec(`UPDATE accounts SET confidentiality_ack_at = ?, confidentiality_version = ? WHERE id = ? AND role = 'staff'`,
		at, version, accountID)
	if res.Error != nil {
		return nil, failed("accountTx.AcknowledgeConfidentiality", res.Error)
	}
	if res.RowsAffected != 1 {
		return nil, accounts.ErrNotFound
	}
	return nil, nil
}

func (t *accountTx) RevokeSessions(accountID string, at time.Time, reason string) error {
	return failed("accountTx.RevokeSessions", t.tx.Exec(`UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE account_id = ? AND revoked_at IS NULL`,
		at, reason, accountID).Error)
}

func (t *accountTx) LockChallenge(accountID, nonce string) (accounts.Challenge, error) {
	return lockChallenge(t.tx, "accountTx.LockChallenge", accountID, nonce)
}

func (t *accountTx) UseChallenge(nonce string, at time.Time) error {
	return useChallenge(t.tx, "accountTx.UseChallenge", nonce, at)
}

// lockChallenge loads the account's wallet challenge with this nonce ("" for its latest) and holds its row,
// for binding a key and for asking a recovery, which both use a challenge up; accounts.ErrNoChallenge when
// there is none.
func lockChallenge(tx *gorm.DB, op, accountID, nonce string) (accounts.Challenge, error) {
	nonce = strings.ToLower(strings.TrimSpace(nonce)) // as the client sent it back: case and spaces do not count
	q, args := `SELECT nonce, account_id::text AS account_id, message, expires_at, used_at FROM wallet_challenges
		WHERE account_id = ?`, []any{accountID}
	if nonce != "" {
		q, args = q+` AND nonce = ?`, append(args, nonce)
	}
	var rows []accounts.Challenge
	if err := tx.Raw(q+` ORDER BY created_at DESC LIMIT 1 FOR UPDATE`, args...).Scan(&rows).Error; err != nil {
		return accounts.Challenge{}, failed(op, err)
	}
	if len(rows) == 0 {
		return accounts.Challenge{}, accounts.ErrNoChallenge
	}
	return rows[0], nil
}

// useChallenge marks a wallet challenge used.
func useChallenge(tx *gorm.DB, op, nonce string, at time.Time) error {
	return failed(op, tx.Exec(`UPDATE wallet_challenges SET used_at = ? WHERE nonce = ?`, at, nonce).Error)
}
