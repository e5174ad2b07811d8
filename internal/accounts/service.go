package accounts

import (
	"context"
	"crypto/rand"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/auth"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/secrets"
)

// Options tune the service. Zero fields take the defaults in DefaultOptions.
type Options struct {
	// Argon2 is the password hashing cost. Production passes the configured cost; tests may pass a cheaper
	// one explicitly.
	Argon2 secrets.Argon2Params
	// HashBudgetKiB bounds the memory of the password hashes running at once (secrets.NewBoundedPasswords);
	// 0 leaves them unbounded.
	HashBudgetKiB uint64
	// RefreshTTL is how long a refresh token may wait to be exchanged.
	RefreshTTL time.Duration
	// ChallengeTTL is how long a wallet challenge may be signed.
	ChallengeTTL time.Duration
	// MaxFailuresPerUsernameAndClient and MaxFailuresPerClient are the failed logins allowed within
	// FailureWindow for one username from one client address, and from one client address for any
	// usernames; past them login answers ErrRateLimited.
	MaxFailuresPerUsernameAndClient int
	MaxFailuresPerClient            int
	FailureWindow                   time.Duration
	// MaxRegistrationsPerClient is how many registrations one client address may send per
	// RegistrationWindow; past it registration answers ErrTooManyRegistrations before any password is
	// hashed.
	MaxRegistrationsPerClient int
	RegistrationWindow        time.Duration
	// Now is the clock; nil means the wall clock.
	Now func() time.Time
	// NoticeVersions are the versions of the privacy notice, oldest first; the last is in force. A
	// registration records the version it was shown (the one in force when it names none). Empty: no
	// notice is recorded.
	NoticeVersions []string
}

// DefaultOptions are the production settings.
var DefaultOptions = Options{
	Argon2:                          secrets.DefaultArgon2,
	RefreshTTL:                      14 * 24 * time.Hour,
	ChallengeTTL:                    5 * time.Minute,
	MaxFailuresPerUsernameAndClient: 5,
	MaxFailuresPerClient:            20,
	FailureWindow:                   15 * time.Minute,
	MaxRegistrationsPerClient:       10,
	RegistrationWindow:              time.Hour,
}

// Service carries out the account rules over a Store.
type Service struct {
	store     Store
	tokens    *auth.Issuer
	lookup    *secrets.Lookup
	passwords *secrets.Passwords
	opts      Options
	// dummyHash is checked against when a username is unknown, so that the answer takes as long as for a
	// known one.
	dummyHash string
	// staffChanges wakes WatchAdmins after a change to staff (one pending wake at most).
	staffChanges chan struct{}
}

// New returns the service. tokens signs access tokens; lookup makes the keyed hashes of login usernames
// and client addresses for rate limiting.
func New(store Store, tokens *auth.Issuer, lookup *secrets.Lookup, opts Options) (*Service, error) {
	d := DefaultOptions
	if opts.Argon2 == (secrets.Argon2Params{}) {
		opts.Argon2 = d.Argon2
	}
	for _, f := range []struct{ dst, def *time.Duration }{{&opts.RefreshTTL, &d.RefreshTTL},
		{&opts.ChallengeTTL, &d.ChallengeTTL}, {&opts.FailureWindow, &d.FailureWindow},
		{&opts.RegistrationWindow, &d.RegistrationWindow}} {
		if *f.dst <= 0 {
			*f.dst = *f.def
		}
	}
	if opts.MaxFailuresPerUsernameAndClient <= 0 {
		opts.MaxFailuresPerUsernameAndClient = d.MaxFailuresPerUsernameAndClient
	}
	if opts.MaxRegistrationsPerClient <= 0 {
		opts.MaxRegistrationsPerClient = d.MaxRegistrationsPerClient
	}
	if opts.MaxFailuresPerClient <= 0 {
		opts.MaxFailuresPerClient = d.MaxFailuresPerClient
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	passwords := secrets.NewPasswords(opts.Argon2)
	if opts.HashBudgetKiB > 0 {
		passwords = secrets.NewBoundedPasswords(opts.Argon2, opts.HashBudgetKiB)
	}
	s := &Service{store: store, tokens: tokens, lookup: lookup, passwords: passwords, opts: opts,
		staffChanges: make(chan struct{}, 1)}
	pw := make([]byte, 24)
	rand.Read(pw)
	h, err := s.passwords.Hash(string(pw))
	if err != nil {
		return nil, err
	}
	s.dummyHash = h
	return s, nil
}

func (s *Service) now() time.Time { return s.opts.Now().UTC() }

// Registration is what a resident or shop registers with. Email and Phone are optional.
type Registration struct {
	Role     Role
	Username string
	Password string
	Email    string
	Phone    string
	Shop     *Shop
	// NoticeVersion is the privacy notice the form showed; "" means the one in force.
	NoticeVersion string
	// Notify is how the person wants to be told of the decision and later events: the language, and by
	// e-mail too (which needs Email). nil: Dutch, in the app only.
	Notify *notices.Settings
	// ClientIP is the address a registration over the network came from: at most
	// MaxRegistrationsPerClient are taken from one per RegistrationWindow. "" (the command line, the
	// development seed) counts against no limit.
	ClientIP string
}

// Register creates a pending account. It writes only to the database: no chain call, ever. The answer does
// not tell whether the e-mail address or phone number is registered already: such a sign-up is made like
// any other, and the approver sees that another account shares the contact (Account.SharedContact).
func (s *Service) Register(ctx context.Context, r Registration) (Account, error) {
	a, err := s.newAccount(r.Role, r.Username, r.Password)
	if err != nil {
		return Account{}, err
	}
	switch r.Role {
	case RoleResident:
		if r.Shop != nil {
			return Account{}, invalid("shop", "is only for shops")
		}
	case RoleShop:
		if r.Shop == nil {
			return Account{}, invalid("shop", "is required for a shop: legal_name, kvk, iban, address")
		}
		shop, err := normalizeShop(*r.Shop)
		if err != nil {
			return Account{}, err
		}
		a.Shop = &shop
	default:
		return Account{}, invalid("role", `must be "resident" or "shop"`)
	}
	if a.Email, a.Phone, err = normalizeContact(r.Email, r.Phone); err != nil {
		return Account{}, err
	}
	if a.NoticeVersion, err = s.noticeVersion(r.NoticeVersion); err != nil {
		return Account{}, err
	}
	if n := r.Notify; n != nil {
		if !n.Language.Known() {
			return Account{}, invalid("notices.language", "must be nl or en")
		}
		if n.Email && a.Email == "" {
			return Account{}, invalid("notices.email", "needs an e-mail address (email)")
		}
		a.Notify = &notices.Settings{Language: n.Language, Email: n.Email}
	}
	if r.ClientIP != "" {
		now := s.now()
		ok, err := s.store.ReserveRegistration(ctx, s.lookup.Hash("registration-client", r.ClientIP), now,
			now.Add(-s.opts.RegistrationWindow), s.opts.MaxRegistrationsPerClient)
		if err != nil {
			return Account{}, err
		}
		if !ok {
			return Account{}, ErrTooManyRegistrations
		}
	}
	if err := s.hashPassword(&a, r.Password); err != nil {
		return Account{}, err
	}
	if err := s.store.Create(ctx, a); err != nil {
		return Account{}, err
	}
	return a, nil
}

// newAccount checks the username and password and returns a pending account with a fresh id.
func (s *Service) newAccount(role Role, username, password string) (Account, error) {
	u := NormalizeUsername(username)
	if err := ValidateUsername(u); err != nil {
		return Account{}, err
	}
	if err := ValidatePassword(password); err != nil {
		return Account{}, err
	}
	return Account{ID: uuid.NewString(), Role: role, Username: u, Status: StatusPending, CreatedAt: s.now()}, nil
}

func (s *Service) hashPassword(a *Account, password string) error {
	h, err := s.passwords.Hash(password)
	if err != nil {
		return fmt.Errorf("accounts: hashing the password: %w", err)
	}
	a.PasswordHash = h
	return nil
}

// noticeVersion checks the privacy notice version a registration names; "" is the one in force.
func (s *Service) noticeVersion(v string) (string, error) {
	known := s.opts.NoticeVersions
	switch {
	case len(known) == 0:
		return "", nil
	case v == "":
		return known[len(known)-1], nil
	case slices.Contains(known, v):
		return v, nil
	}
	return "", invalid("notice_version", "is not a version of the privacy notice (GET /v1/privacy/notice)")
}

func normalizeContact(email, phone string) (string, string, error) {
	var err error
	if email != "" {
		if email, err = NormalizeEmail(email); err != nil {
			return "", "", err
		}
	}
	if phone != "" {
		if phone, err = NormalizePhone(phone); err != nil {
			return "", "", err
		}
	}
	return email, phone, nil
}

// Me returns the caller's own account with its personal data (the right of access).
// A shop's account comes with its change of bank details waiting for approval, if any.
func (s *Service) Me(ctx context.Context, p Principal) (Account, error) {
	a, err := s.store.ByID(ctx, p.AccountID)
	if err != nil {
		return a, err
	}
	return s.withPendingChange(ctx, a)
}

// Update is a correction of one's own data (the right to rectification). Nil fields stay as they are; an
// empty Email or Phone removes it.
type Update struct {
	Email *string
	Phone *string
	Shop  *ShopUpdate
}

// ShopUpdate corrects a shop's details; nil fields stay.
type ShopUpdate struct {
	LegalName   *string
	ContactName *string
	KvK         *string
	IBAN        *string
	Address     *string
	Category    *string
}

// UpdateMe applies a correction to the caller's own account. Invalid input changes nothing. A shop's
// change of its legal name, KvK number or IBAN does not apply at once: it waits, audited, for a member of
// staff to approve it (see ApproveShopChange), and the account returned shows it as Shop.Pending.
func (s *Service) UpdateMe(ctx context.Context, p Principal, u Update) (Account, error) {
	var out Account
	err := s.store.InTx(ctx, func(tx Tx) error {
		a, err := tx.Get(p.AccountID, true)
		if err != nil {
			return err
		}
		email, phone := a.Email, a.Phone
		if u.Email != nil {
			email = *u.Email
		}
		if u.Phone != nil {
			phone = *u.Phone
		}
		if a.Email, a.Phone, err = normalizeContact(email, phone); err != nil {
			return err
		}
		if u.Shop != nil {
			if a.Shop == nil {
				return invalid("shop", "is only for shops")
			}
			next := *a.Shop
			for _, f := range []struct{ dst, src *string }{{&next.LegalName, u.Shop.LegalName},
				{&next.ContactName, u.Shop.ContactName}, {&next.KvK, u.Shop.KvK}, {&next.IBAN, u.Shop.IBAN},
				{&next.Address, u.Shop.Address}, {&next.Category, u.Shop.Category}} {
				if f.src != nil {
					*f.dst = *f.src
				}
			}
			checked, err := normalizeShop(next)
			if err != nil {
				return err
			}
			// The shop is named by its id only: its username goes when the shop is anonymised, the log stays.
			if _, _, err := s.enterShopChange(tx, a, detailsOf(checked), audit.Actor{ID: p.AccountID}, ""); err != nil {
				return err
			}
			checked.LegalName, checked.KvK, checked.IBAN = a.Shop.LegalName, a.Shop.KvK, a.Shop.IBAN
			checked.ActivatedAt, checked.DetailsVersion = a.Shop.ActivatedAt, a.Shop.DetailsVersion
			a.Shop = &checked
		}
		out = a
		return tx.Save(a)
	})
	if err != nil {
		return out, err
	}
	return s.withPendingChange(ctx, out)
}
