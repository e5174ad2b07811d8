package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/secrets"
)

// PrivacyStore keeps data subjects' requests, consents, restrictions and the breach register, and reads
// and erases a person's data across the schema as the datasets of Datasets() describe it. It implements
// privacy.Store.
type PrivacyStore struct {
	db *DB
	g  *gorm.DB
	c  cryptor
}

var _ privacy.Store = (*PrivacyStore)(nil)

// Privacy returns the privacy store on this database; keys open the sealed columns of an export, lookup
// finds a person's login throttle records.
func (db *DB) Privacy(keys *secrets.Keyring, lookup *secrets.Lookup) *PrivacyStore {
	return &PrivacyStore{db: db, g: db.gorm, c: cryptor{keys: keys, lookup: lookup}}
}

// subject maps an account to what the privacy rules need of it.
func subject(a accounts.Account) privacy.Subject {
	return privacy.Subject{ID: a.ID, Role: string(a.Role), Status: string(a.Status), Username: a.Username,
		Wallet: a.WalletAddress, Email: a.Email, Phone: a.Phone}
}

func (c cryptor) subject(tx *gorm.DB, id string, lock bool) (privacy.Subject, error) {
	if !validUUID(id) {
		return privacy.Subject{}, privacy.ErrNotFound
	}
	a, err := c.get(tx, lock, "a.id = ?", id)
	if errors.Is(err, accounts.ErrNotFound) {
		return privacy.Subject{}, privacy.ErrNotFound
	}
	return subject(a), failed("cryptor.subject", err)
}

// Subject loads an account's keys and contact details.
func (s *PrivacyStore) Subject(ctx context.Context, id string) (privacy.Subject, error) {
	return s.c.subject(s.g.WithContext(ctx), id, false)
}

// Photos lists the proof photos of the account's claims, oldest first.
func (s *PrivacyStore) Photos(ctx context.Context, accountID string) ([]privacy.PhotoFile, error) {
	var out []privacy.PhotoFile
	err := s.g.WithContext(ctx).Raw(`SELECT p.claim_id::text AS claim_id, p.n, p.file_name AS file, p.content_type
		FROM claim_photos p JOIN claims c ON c.id = p.claim_id WHERE c.resident_id = ? ORDER BY p.created_at, p.claim_id, p.n`,
		accountID).Scan(&out).Error
	return out, failed("PrivacyStore.Photos", err)
}

// Requests lists requests: open ones by due date, a person's newest first.
func (s *PrivacyStore) Requests(ctx context.Context, f privacy.RequestFilter) ([]privacy.Request, error) {
	q := s.g.WithContext(ctx).Table("privacy_requests")
	switch f.Status {
	case "open":
		q = q.Where("status = 'open'")
	case "overdue":
		q = q.Where("status = 'open' AND due_at < ?", f.Now)
	case "closed":
		q = q.Where("status = 'closed'")
	}
	order := "due_at, id"
	if f.AccountID != "" {
		if !validUUID(f.AccountID) {
			return nil, nil
		}
		q, order = q.Where("account_id = ?", f.AccountID), "received_at DESC, id"
	}
	if f.Limit <= 0 || f.Limit > privacy.MaxList {
		f.Limit = privacy.MaxList
	}
	var rows []dsRequestRow
	if err := q.Select(dsRequestColumns).Order(order).Limit(f.Limit).Scan(&rows).Error; err != nil {
		return nil, failed("PrivacyStore.Requests", err)
	}
	out := make([]privacy.Request, len(rows))
	for i, r := range rows {
		out[i] = r.request()
	}
	return out, nil
}

// Consents lists an account's consents, newest first.
func (s *PrivacyStore) Consents(ctx context.Context, accountID string) ([]privacy.Consent, error) {
	if !validUUID(accountID) {
		return nil, nil
	}
	var out []privacy.Consent
	err := s.g.WithContext(ctx).Raw(`SELECT id, account_id::text AS account_id, purpose, notice_version, channel, given_at,
		withdrawn_at FROM consents WHERE account_id = ? ORDER BY given_at DESC, id DESC`, accountID).Scan(&out).Error
	return out, failed("PrivacyStore.Consents", err)
}

// Restrictions lists restrictions and objections of one account ("" for all), newest first.
func (s *PrivacyStore) Restrictions(ctx context.Context, accountID string, activeOnly bool) ([]privacy.Restriction, error) {
	q := s.g.WithContext(ctx).Table("restrictions").Select(restrictionColumns)
	if accountID != "" {
		if !validUUID(accountID) {
			return nil, nil
		}
		q = q.Where("account_id = ?", accountID)
	}
	if activeOnly {
		q = q.Where("lifted_at IS NULL")
	}
	var rows []restrictionRow
	if err := q.Order("since DESC, id").Limit(privacy.MaxList).Scan(&rows).Error; err != nil {
		return nil, failed("PrivacyStore.Restrictions", err)
	}
	out := make([]privacy.Restriction, len(rows))
	for i, r := range rows {
		out[i] = r.restriction()
	}
	return out, nil
}

// Collected reports whether a staff member decided on a resident's or shop's account or on a claim, or read
// personal data or a proof photo: then they collected the data analytics is made of.
func (s *PrivacyStore) Collected(ctx context.Context, staffID string) (bool, error) {
	if !validUUID(staffID) {
		return false, nil
	}
	var out []bool
	err := s.g.WithContext(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM accounts WHERE decided_by = @id AND role <> 'staff')
		OR EXISTS (SELECT 1 FROM claims WHERE decided_by = @id)
		OR EXISTS (SELECT 1 FROM audit_log WHERE actor_id = CAST(@id AS text) AND action IN ('account.read_personal', 'claim.photo_read'))`,
		map[string]any{"id": staffID}).Scan(&out).Error
	return len(out) == 1 && out[0], failed("PrivacyStore.Collected", err)
}

// InTx runs fn in one transaction.
func (s *PrivacyStore) InTx(ctx context.Context, fn func(privacy.Tx) error) error {
	return transaction(s.g.WithContext(ctx), "PrivacyStore.InTx", func(tx *gorm.DB) error {
		return fn(&privacyTx{tx: tx, c: s.c})
	})
}
