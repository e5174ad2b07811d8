package privacy

import (
	"context"
	"time"

	"github.com/heerlen/heitje/internal/audit"
)

// Store is what the service needs from the database. Lookups return ErrNotFound, never a zero value.
type Store interface {
	// Subject loads an account's keys and contact details (decrypted).
	Subject(ctx context.Context, id string) (Subject, error)
	// Records reads every row the tables' links tie to the subject: the link's columns, sealed ones
	// decrypted, withheld ones left out.
	Records(ctx context.Context, s Subject, tables []Table) ([]Record, error)
	// Photos lists the proof photos of the subject's claims.
	Photos(ctx context.Context, accountID string) ([]PhotoFile, error)
	// Requests lists data subjects' requests, oldest due first.
	Requests(ctx context.Context, f RequestFilter) ([]Request, error)
	// Consents lists an account's consents, newest first.
	Consents(ctx context.Context, accountID string) ([]Consent, error)
	// Restrictions lists restrictions and objections, newest first.
	Restrictions(ctx context.Context, accountID string, activeOnly bool) ([]Restriction, error)
	// Breach loads one breach; Breaches lists them, newest awareness first.
	Breach(ctx context.Context, id string) (Breach, error)
	Breaches(ctx context.Context, openOnly bool) ([]Breach, error)
	// Collected reports whether a staff member collected personal data: decided on an account or a claim,
	// or read personal data or proof photos.
	Collected(ctx context.Context, staffID string) (bool, error)
	// Earnings and Spending aggregate per month and group; see Cell.
	Earnings(ctx context.Context, from, to time.Time) ([]Cell, error)
	Spending(ctx context.Context, from, to time.Time) ([]Cell, error)
	// The retention job's reads and removals; see retention.go.
	RetentionStore
	// InTx runs fn in one transaction: everything fn does through tx commits together or not at all.
	InTx(ctx context.Context, fn func(tx Tx) error) error
}

// Tx is the work that must happen atomically.
type Tx interface {
	// Subject loads an account, holding its row until the transaction ends when lock is set.
	Subject(id string, lock bool) (Subject, error)
	// UnderWay counts what the account has under way that erasing it would cut short (see Blockers).
	UnderWay(s Subject) (UnderWay, error)
	// RemoveAccount erases a resident (or a never-approved shop): it removes the proof photos' rows, the
	// free texts of the claims and requests, the login throttle records and the account itself with
	// everything that cascades from it, after moving the bookkeeping rows that referred to it to
	// ErasedAccountID. It returns the photo files to remove once the transaction commits.
	RemoveAccount(s Subject) (Erased, error)
	// AnonymiseShop erases a shop's contact details, username, login and key but keeps the business data
	// its bookkeeping needs (legal name, KvK number, IBAN) until the payout records' retention ends.
	AnonymiseShop(s Subject) (Erased, error)
	// CreateRequest, LockRequest and CloseRequest keep data subjects' requests.
	CreateRequest(r Request) error
	LockRequest(id string) (Request, error)
	CloseRequest(r Request) error
	// ActiveConsent returns the consent in force for a purpose; ok is false when there is none.
	ActiveConsent(accountID string, p Purpose) (c Consent, ok bool, err error)
	// GiveConsent stores a new consent; WithdrawConsent ends one.
	GiveConsent(c Consent) (Consent, error)
	WithdrawConsent(id int64, at time.Time) error
	// ResearchContacts returns the contact details of everyone whose research-contact consent is in force
	// and who neither restricted processing nor objected to research contact.
	ResearchContacts() ([]Contact, error)
	// CreateRestriction, LockRestriction and LiftRestriction keep restrictions and objections.
	CreateRestriction(r Restriction) error
	LockRestriction(id string) (Restriction, error)
	LiftRestriction(r Restriction) error
	// CreateBreach, LockBreach and SaveBreach keep the breach register.
	CreateBreach(b Breach) error
	LockBreach(id string) (Breach, error)
	SaveBreach(b Breach) error
	// Audit appends to the audit log.
	Audit(e audit.Entry) error
}

// Record is the rows of one table that are about a person, as one link found them.
type Record struct {
	Table  string           `json:"table"`
	Title  string           `json:"title"`
	Fields []Field          `json:"fields"`
	Rows   []map[string]any `json:"rows"`
}

// Field is one exported column with its meaning.
type Field struct {
	Name  string `json:"name"`
	Label string `json:"label"`
}

// PhotoFile is one proof photo of a claim: its row and its file's name.
type PhotoFile struct {
	ClaimID     string
	N           int
	File        string
	ContentType string
}

// Erased is what an erasure did: the rows it changed per table and the photo files to remove.
type Erased struct {
	Rows  map[string]int64
	Files []string
	// Kept describes, without personal data, what stays and why.
	Kept []string
}

// Contact is one person who consented to be contacted for research.
type Contact struct {
	AccountID     string    `json:"account_id"`
	Username      string    `json:"username"`
	Email         string    `json:"email,omitempty"`
	Phone         string    `json:"phone,omitempty"`
	ConsentGiven  time.Time `json:"consent_given_at"`
	NoticeVersion string    `json:"notice_version"`
}
