// Package accounts is who may use the platform and what they may do: residents and shops register under a
// self-chosen fictitious username and wait for staff approval; staff hold the privileges an administrator
// gave them; residents bind their phone's address by a signed challenge; approved shops get a server-held
// key and are activated for payments through the outbox. It has no chain dependency at all: registration and
// approval never read or write the chain. Personal fields are plain text here; the Store encrypts them.
package accounts

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
)

// Role is the kind of account.
type Role string

// The roles. Residents and shops register themselves; staff are created by an administrator.
const (
	RoleResident Role = "resident"
	RoleShop     Role = "shop"
	RoleStaff    Role = "staff"
)

// Status is where an account is in onboarding. Only approved accounts can log in.
type Status string

// The statuses.
const (
	StatusPending  Status = "pending"
	StatusApproved Status = "approved"
	StatusRejected Status = "rejected"
	// StatusDisabled is a staff member whose access was ended (a leaver, lost credentials).
	StatusDisabled Status = "disabled"
)

// Privilege is one thing a staff member may do. An administrator is a staff member with PrivStaffManage.
type Privilege string

// The privileges. Every /v1/admin route needs exactly one of them.
const (
	PrivStaffManage          Privilege = "staff.manage"
	PrivAccountsApprove      Privilege = "accounts.approve"
	PrivAccountsReadPersonal Privilege = "accounts.read_personal"
	PrivChoresManage         Privilege = "chores.manage"
	PrivChoresReview         Privilege = "chores.review"
	PrivFinance              Privilege = "finance"
	PrivPrivacy              Privilege = "privacy"
	// PrivAnalytics reads anonymised aggregates; the staff who collected the data are refused even with it
	// (seed 000 §20).
	PrivAnalytics Privilege = "analytics"
)

// AllPrivileges returns every privilege, in a fixed order.
func AllPrivileges() []Privilege {
	return []Privilege{PrivStaffManage, PrivAccountsApprove, PrivAccountsReadPersonal, PrivChoresManage,
		PrivChoresReview, PrivFinance, PrivPrivacy, PrivAnalytics}
}

// Known reports whether p is a privilege of the platform.
func (p Privilege) Known() bool { return slices.Contains(AllPrivileges(), p) }

// Account is a resident, shop or staff member. Email, Phone and the Shop details are personal data: the
// Store keeps them encrypted, and staff see them only through ReadPersonal, which writes the audit log.
type Account struct {
	ID           string
	Role         Role
	Username     string
	Status       Status
	PasswordHash string
	// Email and Phone are normalised, or "" when not given.
	Email string
	Phone string
	// Privileges is the staff member's set; empty for residents and shops.
	Privileges []Privilege
	// WalletAddress is the account's address on chain as lowercase 0x-hex, or "": for a resident the phone's
	// bound address, for a shop the address of its server-held key.
	WalletAddress string
	Shop          *Shop
	CreatedAt     time.Time
	DecidedAt     *time.Time
	DecidedBy     string
	// NewShopKey is set only on a shop being approved: the fresh private key (32 bytes) that Save stores
	// encrypted. Loading an account never fills it.
	NewShopKey []byte
	// NoticeVersion is the privacy notice the registration form showed (internal/privacy/notices); "" for
	// staff.
	NoticeVersion string
	// Notify is how the person asked at registration to be told what happens to the account (language,
	// e-mail); Create stores it with the account. nil: the defaults (Dutch, in the app only). Loading an
	// account never fills it.
	Notify *notices.Settings
	// LastLoginAt is when a staff member last logged in, for the access review; only the staff listing
	// fills it, and nil means no login within the sessions' retention period.
	LastLoginAt *time.Time
	// SharedContact names the contact details ("email", "phone") that another account has too: the
	// onboarding queue and page fill it so that the approver sees a second sign-up of one person, which
	// registration does not reveal to the one registering.
	SharedContact []string
}

// Has reports whether the account holds privilege p.
func (a Account) Has(p Privilege) bool { return slices.Contains(a.Privileges, p) }

// Shop is what a shop registers with.
type Shop struct {
	LegalName   string
	ContactName string
	KvK         string
	IBAN        string
	Address     string
	// Category is the kind of business, one of ShopCategories; "" means "other".
	Category string
	// ActivatedAt is when staff enabled the shop's address for payments, or nil.
	ActivatedAt *time.Time
	// DetailsVersion counts the approved versions of LegalName, KvK and IBAN (1: as registered).
	DetailsVersion int
	// Pending is the change of those details waiting for approval, when Me or UpdateMe load it; nil otherwise.
	Pending *ShopChange
}

// ListFilter selects accounts for the onboarding queue or the staff list. Limit is capped at 200.
type ListFilter struct {
	Role   Role
	Status Status
	// Staff lists staff accounts; otherwise staff are left out.
	Staff  bool
	Limit  int
	Offset int
}

// Session is one login: a family of refresh tokens. Revoking it ends every token of the family, and the
// access tokens issued under it stop working at once.
type Session struct {
	ID        string
	AccountID string
	CreatedAt time.Time
	RevokedAt *time.Time
}

// RefreshToken is a stored refresh token; only its SHA-256 hash is kept.
type RefreshToken struct {
	Hash      []byte
	SessionID string
	IssuedAt  time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

// Challenge is a message a resident's phone signs to prove it holds the key of an address.
type Challenge struct {
	Nonce     string
	AccountID string
	Message   string
	ExpiresAt time.Time
	UsedAt    *time.Time
}

// Principal is the authenticated caller of a request, as the database says now (not as the token said).
type Principal struct {
	AccountID  string
	SessionID  string
	Username   string
	Role       Role
	Privileges []Privilege
	// ConfidentialityPending is set for a staff member who has not acknowledged the confidentiality
	// statement in force: none of their privileges takes effect until they do (P-90).
	ConfidentialityPending bool
	// SecondFactorPending is set for a staff member without an enrolled second factor: none of their
	// privileges takes effect until they enrol one (second_factor.go).
	SecondFactorPending bool
}

// Has reports whether the caller holds privilege p and may use it.
func (p Principal) Has(priv Privilege) bool {
	return p.Role == RoleStaff && !p.ConfidentialityPending && !p.SecondFactorPending && slices.Contains(p.Privileges, priv)
}

// Actor is a staff member acting through a request: who, which request and from which address, for the
// audit log.
type Actor struct {
	Principal
	RequestID string
	SourceIP  string
}

func (a Actor) audit() audit.Actor {
	return audit.Actor{ID: a.AccountID, Username: a.Username, RequestID: a.RequestID, SourceIP: a.SourceIP}
}

func (a Actor) require(p Privilege) error {
	if !a.Has(p) {
		return ErrForbidden
	}
	return nil
}

// The errors of this package. The API maps each to a status and a stable code.
var (
	ErrNotFound               = errors.New("accounts: not found")
	ErrUsernameTaken          = errors.New("accounts: username taken")
	ErrEmailTaken             = errors.New("accounts: e-mail address already registered")
	ErrPhoneTaken             = errors.New("accounts: phone number already registered")
	ErrAddressTaken           = errors.New("accounts: address belongs to another account")
	ErrWalletBound            = errors.New("accounts: the account already has another address")
	ErrInvalidCredentials     = errors.New("accounts: wrong username or password")
	ErrAccountPending         = errors.New("accounts: account awaits approval")
	ErrAccountRejected        = errors.New("accounts: account was rejected")
	ErrAccountDisabled        = errors.New("accounts: account is disabled")
	ErrSelfDisable            = errors.New("accounts: staff cannot disable their own account")
	ErrConfidentialityPending = errors.New("accounts: the confidentiality statement is not acknowledged yet")
	ErrRateLimited            = errors.New("accounts: too many failed logins")
	ErrTooManyRegistrations   = errors.New("accounts: too many registrations from this address")
	ErrUnauthenticated        = errors.New("accounts: no access token")
	ErrInvalidToken           = errors.New("accounts: invalid or expired token")
	ErrTokenReused            = errors.New("accounts: refresh token reused; the session is revoked")
	ErrForbidden              = errors.New("accounts: not allowed")
	ErrInvalidState           = errors.New("accounts: the account is not in a state that allows this")
	ErrLastAdmin              = errors.New("accounts: the last administrator cannot lose staff.manage")
	ErrNoChallenge            = errors.New("accounts: no wallet challenge")
	ErrChallengeExpired       = errors.New("accounts: wallet challenge expired")
	ErrChallengeUsed          = errors.New("accounts: wallet challenge already used")
	ErrBadSignature           = errors.New("accounts: signature does not match the address")
)

// Store is what the accounts service needs from the database. Implementations encrypt the personal fields,
// keep keyed hashes beside e-mail and phone for uniqueness, and translate unique violations into
// ErrUsernameTaken, ErrEmailTaken, ErrPhoneTaken and ErrAddressTaken. Lookups return ErrNotFound, never a
// zero Account.
type Store interface {
	// Create inserts a new account with its shop details.
	Create(ctx context.Context, a Account) error
	// ByID and ByUsername load an account with its personal fields decrypted.
	ByID(ctx context.Context, id string) (Account, error)
	ByUsername(ctx context.Context, username string) (Account, error)
	// List returns accounts without their personal fields, oldest first.
	List(ctx context.Context, f ListFilter) ([]Account, error)
	// SharedContact names the contact details of an account ("email", "phone") that another account has
	// too.
	SharedContact(ctx context.Context, id string) ([]string, error)
	// ReserveRegistration counts the registrations from a client key since the given time and, below max,
	// records this one; false when the limit is reached.
	ReserveRegistration(ctx context.Context, clientKey []byte, at, since time.Time, max int) (bool, error)
	// CountWithPrivilege counts approved staff holding p.
	CountWithPrivilege(ctx context.Context, p Privilege) (int, error)
	// SessionPrincipal returns the caller behind a session, the account's status and whether the session
	// is revoked.
	SessionPrincipal(ctx context.Context, sessionID string) (p Principal, st Status, revoked bool, err error)
	// ReserveLoginAttempt atomically counts the failed logins since the given time for the username key from
	// the client key, and from the client key for any username, and, below both limits, records this attempt
	// as a failure; it returns the record's id, or 0 when a limit is reached. It drops records older than
	// since.
	ReserveLoginAttempt(ctx context.Context, usernameKey, clientKey []byte, at, since time.Time, maxByUsernameAndClient, maxByClient int) (int64, error)
	// ReleaseLoginAttempt takes back a reserved attempt that was not a failure.
	ReleaseLoginAttempt(ctx context.Context, id int64) error
	// ClearLoginFailures forgets the failures of a username from a client address after a successful login
	// from there.
	ClearLoginFailures(ctx context.Context, usernameKey, clientKey []byte) error
	// ConfidentialityAck returns when a staff member acknowledged a confidentiality statement, and its
	// version; nil and "" when never.
	ConfidentialityAck(ctx context.Context, accountID string) (*time.Time, string, error)
	// CreateChallenge stores a new wallet challenge.
	CreateChallenge(ctx context.Context, c Challenge) error
	// InTx runs fn in one transaction: everything fn does through tx commits together or not at all.
	InTx(ctx context.Context, fn func(tx Tx) error) error
	// OverviewStore has the counts and lists of the console's onboarding pages (onboarding.go).
	OverviewStore
	// ShopChangeStore has the changes of shops' bank details (shop_changes.go).
	ShopChangeStore
	// CredentialStore reads staff members' second factors (second_factor.go).
	CredentialStore
	// SuspensionStore reads suspensions (suspend.go).
	SuspensionStore
}

// Tx is the work that must happen atomically: a status change with its audit entry and outbox intent, a
// refresh-token rotation, a wallet binding with its challenge.
type Tx interface {
	// Get loads an account; with lock it holds the row until the transaction ends.
	Get(id string, lock bool) (Account, error)
	// Create inserts an account.
	Create(a Account) error
	// Save writes an account's status, privileges, personal fields, address and, when set, its new shop key.
	Save(a Account) error
	// LockPrivileges serialises privilege changes, so two administrators cannot remove each other at once.
	LockPrivileges() error
	// CountWithPrivilege counts approved staff holding p.
	CountWithPrivilege(p Privilege) (int, error)
	// Audit appends to the audit log.
	Audit(e audit.Entry) error
	// Enqueue writes a chain intent (or returns the one with the same idempotency key).
	Enqueue(in outbox.Intent) (outbox.Intent, error)
	// Notify writes a notice to a person in this transaction, once per account and event key.
	Notify(n notices.Notice) error
	// CreateSession stores a new session with its first refresh token.
	CreateSession(s Session, first RefreshToken) error
	// LockRefreshToken loads a refresh token and its session, holding both rows.
	LockRefreshToken(hash []byte) (RefreshToken, Session, error)
	// MarkRefreshUsed records that a token was exchanged.
	MarkRefreshUsed(hash []byte, at time.Time) error
	// AddRefreshToken stores the next token of a session.
	AddRefreshToken(t RefreshToken) error
	// RevokeSession ends a session.
	RevokeSession(id string, at time.Time, reason string) error
	// RevokeSessions ends every open session of an account, and so its refresh tokens.
	RevokeSessions(accountID string, at time.Time, reason string) error
	// AcknowledgeConfidentiality records a staff member's acknowledgement of a statement version at at,
	// unless that version was acknowledged before; then it returns when, and changes nothing.
	AcknowledgeConfidentiality(accountID, version string, at time.Time) (*time.Time, error)
	// LockChallenge loads the account's challenge with that nonce (as the client sent it: case and surrounding
	// spaces do not count), or its latest when nonce is "", holding the row; ErrNoChallenge when there is none.
	LockChallenge(accountID, nonce string) (Challenge, error)
	// UseChallenge marks a challenge used.
	UseChallenge(nonce string, at time.Time) error
	// ShopChangeTx writes the changes of shops' bank details (shop_changes.go).
	ShopChangeTx
	// CredentialTx changes passwords and second factors (password.go, second_factor.go).
	CredentialTx
	// SuspensionTx writes suspensions (suspend.go).
	SuspensionTx
}
