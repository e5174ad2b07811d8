package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/secrets"
)

// AccountStore keeps accounts, shops, sessions, refresh tokens, login failures and wallet challenges. It
// encrypts the personal fields on the way in and decrypts them on the way out. It implements accounts.Store.
type AccountStore struct {
	db *gorm.DB
	c  cryptor
}

var _ accounts.Store = (*AccountStore)(nil)

// Accounts returns the account store on this database, sealing personal fields under keys and hashing
// e-mail and phone with lookup.
func (db *DB) Accounts(keys *secrets.Keyring, lookup *secrets.Lookup) *AccountStore {
	return &AccountStore{db: db.gorm, c: cryptor{keys: keys, lookup: lookup}}
}

// accountRow is an account joined with its shop row (the shop columns are NULL for others).
type accountRow struct {
	ID             string
	Role           string
	Username       string
	Status         string
	PasswordHash   string
	EmailEnc       []byte
	PhoneEnc       []byte
	Privileges     []byte
	WalletAddress  *string
	CreatedAt      time.Time
	DecidedAt      *time.Time
	DecidedBy      *string
	HasShop        bool
	LegalNameEnc   []byte
	ContactNameEnc []byte
	KvkEnc         []byte
	IbanEnc        []byte
	AddressEnc     []byte
	ActivatedAt    *time.Time
	NoticeVersion  *string
	Category       *string
	DetailsVersion *int
	LastLoginAt    *time.Time
	SharedEmail    bool
	SharedPhone    bool
}

const accountColumns = `a.id::text AS id, a.role, a.username, a.status, a.password_hash, a.email_enc, a.phone_enc,
	a.privileges, a.wallet_address, a.created_at, a.decided_at, a.decided_by::text AS decided_by,
	s.account_id IS NOT NULL AS has_shop, s.legal_name_enc, s.contact_name_enc, s.kvk_enc, s.iban_enc,
	s.address_enc, s.activated_at, a.notice_version, s.category, s.details_version`

func selectAccounts(tx *gorm.DB) *gorm.DB {
	return tx.Table("accounts AS a").Select(accountColumns).Joins("LEFT JOIN shops s ON s.account_id = a.id")
}

func (c cryptor) account(r accountRow) (accounts.Account, error) {
	a := accounts.Account{ID: r.ID, Role: accounts.Role(r.Role), Username: r.Username, Status: accounts.Status(r.Status),
		PasswordHash: r.PasswordHash, CreatedAt: r.CreatedAt, DecidedAt: r.DecidedAt}
	if r.WalletAddress != nil {
		a.WalletAddress = *r.WalletAddress
	}
	if r.DecidedBy != nil {
		a.DecidedBy = *r.DecidedBy
	}
	if r.NoticeVersion != nil {
		a.NoticeVersion = *r.NoticeVersion
	}
	if err := json.Unmarshal(r.Privileges, &a.Privileges); err != nil {
		return a, failed("cryptor.account", err)
	}
	var err error
	if a.Email, err = c.open("accounts", "email_enc", r.ID, r.EmailEnc); err != nil {
		return a, failed("cryptor.account", err)
	}
	if a.Phone, err = c.open("accounts", "phone_enc", r.ID, r.PhoneEnc); err != nil {
		return a, failed("cryptor.account", err)
	}
	if !r.HasShop {
		return a, nil
	}
	a.Shop = &accounts.Shop{ActivatedAt: r.ActivatedAt}
	if r.DetailsVersion != nil {
		a.Shop.DetailsVersion = *r.DetailsVersion
	}
	if r.Category != nil {
		a.Shop.Category = *r.Category
	}
	for _, f := range []struct {
		col    string
		sealed []byte
		dst    *string
	}{{"legal_name_enc", r.LegalNameEnc, &a.Shop.LegalName}, {"contact_name_enc", r.ContactNameEnc, &a.Shop.ContactName},
		{"kvk_enc", r.KvkEnc, &a.Shop.KvK}, {"iban_enc", r.IbanEnc, &a.Shop.IBAN}, {"address_enc", r.AddressEnc, &a.Shop.Address}} {
		if *f.dst, err = c.open("shops", f.col, r.ID, f.sealed); err != nil {
			return a, failed("cryptor.account", err)
		}
	}
	return a, nil
}

// get loads one account by a condition; ErrNotFound when there is none.
func (c cryptor) get(tx *gorm.DB, lock bool, where string, arg any) (accounts.Account, error) {
	q := `SELECT ` + accountColumns + ` FROM accounts AS a LEFT JOIN shops s ON s.account_id = a.id WHERE ` + where + ` LIMIT 1`
	if lock {
		q += ` FOR UPDATE OF a`
	}
	var rows []accountRow
	if err := tx.Raw(q, arg).Scan(&rows).Error; err != nil {
		return accounts.Account{}, failed("cryptor.get", err)
	}
	if len(rows) == 0 {
		return accounts.Account{}, accounts.ErrNotFound
	}
	return c.account(rows[0])
}

// Create inserts an account and, for a shop, its details.
func (s *AccountStore) Create(ctx context.Context, a accounts.Account) error {
	return failed("AccountStore.Create", s.InTx(ctx, func(tx accounts.Tx) error { return failed("AccountStore.Create", tx.Create(a)) }))
}

// ByID loads an account with its personal fields decrypted.
func (s *AccountStore) ByID(ctx context.Context, id string) (accounts.Account, error) {
	if !validUUID(id) {
		return accounts.Account{}, accounts.ErrNotFound
	}
	return s.c.get(s.db.WithContext(ctx), false, "a.id = ?", id)
}

// ByUsername loads an account by its (normalised) username.
func (s *AccountStore) ByUsername(ctx context.Context, username string) (accounts.Account, error) {
	return s.c.get(s.db.WithContext(ctx), false, "a.username = ?", username)
}

// List returns accounts without decrypting anything: the personal fields stay empty.
func (s *AccountStore) List(ctx context.Context, f accounts.ListFilter) ([]accounts.Account, error) {
	if f.Limit <= 0 || f.Limit > accounts.MaxList {
		f.Limit = accounts.MaxList
	}
	q := s.db.WithContext(ctx).Table("accounts AS a").
		Select("a.id::text AS id, a.role, a.username, a.status, a.privileges, a.wallet_address, a.created_at, a.decided_at")
	if f.Staff {
		// For the periodic access review: when each staff member last logged in (sessions are kept for the
		// retention period of sessions, so an older login shows as none).
		q = q.Select(`a.id::text AS id, a.role, a.username, a.status, a.privileges, a.wallet_address, a.created_at,
			a.decided_at, (SELECT max(s.created_at) FROM sessions s WHERE s.account_id = a.id) AS last_login_at`).
			Where("a.role = 'staff'")
	} else {
		q = q.Select(`a.id::text AS id, a.role, a.username, a.status, a.privileges, a.wallet_address, a.created_at,
			a.decided_at, ` + sharedContactColumns).Where("a.role <> 'staff'")
	}
	if f.Role != "" {
		q = q.Where("a.role = ?", string(f.Role))
	}
	if f.Status != "" {
		q = q.Where("a.status = ?", string(f.Status))
	}
	var rows []accountRow
	if err := q.Order("a.created_at, a.id").Limit(f.Limit).Offset(max(f.Offset, 0)).Scan(&rows).Error; err != nil {
		return nil, failed("AccountStore.List", err)
	}
	out := make([]accounts.Account, 0, len(rows))
	for _, r := range rows {
		a := accounts.Account{ID: r.ID, Role: accounts.Role(r.Role), Username: r.Username, Status: accounts.Status(r.Status),
			CreatedAt: r.CreatedAt, DecidedAt: r.DecidedAt, LastLoginAt: r.LastLoginAt}
		a.SharedContact = r.sharedContact()
		if err := json.Unmarshal(r.Privileges, &a.Privileges); err != nil {
			return nil, failed("AccountStore.List", err)
		}
		if r.WalletAddress != nil {
			a.WalletAddress = *r.WalletAddress
		}
		out = append(out, a)
	}
	return out, nil
}

// sharedContactColumns say whether another account (of any status but erased, whose contact details are
// gone) has the same e-mail address or phone number, for the approver: registration does not tell.
const sharedContactColumns = `
	(a.email_lookup IS NOT NULL AND EXISTS (SELECT 1 FROM accounts b
		WHERE b.email_lookup = a.email_lookup AND b.id <> a.id)) AS shared_email,
	(a.phone_lookup IS NOT NULL AND EXISTS (SELECT 1 FROM accounts b
		WHERE b.phone_lookup = a.phone_lookup AND b.id <> a.id)) AS shared_phone`

// sharedContact names the contact details another account shares ("email", "phone").
func (r accountRow) sharedContact() []string {
	var out []string
	if r.SharedEmail {
		out = append(out, "email")
	}
	if r.SharedPhone {
		out = append(out, "phone")
	}
	return out
}

// SharedContact names the contact details of an account that another account shares ("email", "phone").
func (s *AccountStore) SharedContact(ctx context.Context, id string) ([]string, error) {
	if !validUUID(id) {
		return nil, accounts.ErrNotFound
	}
	var rows []accountRow
	if err := s.db.WithContext(ctx).Table("accounts AS a").Select(sharedContactColumns).
		Where("a.id = ?", id).Scan(&rows).Error; err != nil {
		return nil, failed("AccountStore.SharedContact", err)
	}
	if len(rows) == 0 {
		return nil, accounts.ErrNotFound
	}
	return rows[0].sharedContact(), nil
}

// CountWithPrivilege counts approved staff holding p.
func (s *AccountStore) CountWithPrivilege(ctx context.Context, p accounts.Privilege) (int, error) {
	return countWithPrivilege(s.db.WithContext(ctx), p)
}

func countWithPrivilege(tx *gorm.DB, p accounts.Privilege) (int, error) {
	var n int
	err := tx.Raw(`SELECT count(*) FROM accounts WHERE role = 'staff' AND status = 'approved'
		AND privileges @> jsonb_build_array(?::text)`, string(p)).Scan(&n).Error
	return n, failed("countWithPrivilege", err)
}

// InTx runs fn in one transaction.
func (s *AccountStore) InTx(ctx context.Context, fn func(accounts.Tx) error) error {
	return transaction(s.db.WithContext(ctx), "AccountStore.InTx", func(tx *gorm.DB) error {
		return fn(&accountTx{tx: tx, c: s.c})
	})
}

// translate turns unique violations into the domain's errors; it keeps other errors.
func translate(err error) error {
	constraint, ok := pgViolation(err, pgUniqueViolation)
	if !ok {
		return err
	}
	switch constraint {
	case "accounts_username":
		return accounts.ErrUsernameTaken
	case "accounts_email_lookup":
		return accounts.ErrEmailTaken
	case "accounts_phone_lookup":
		return accounts.ErrPhoneTaken
	case "accounts_wallet_address":
		return accounts.ErrAddressTaken
	}
	return err
}
