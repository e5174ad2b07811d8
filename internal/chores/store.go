package chores

import (
	"context"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/photos"
)

// Resident is what claiming and approval need to know of an account: its role, its status and its bound
// address (lowercase 0x-hex, "" when none is bound). Nothing personal.
type Resident struct {
	ID     string
	Role   accounts.Role
	Status accounts.Status
	Wallet string
}

// ListFilter selects the chores residents see: those open at At. With Near set they are ordered by
// distance from it and only those within RadiusM metres are kept; otherwise the newest come first.
type ListFilter struct {
	At      time.Time
	Near    *Location
	RadiusM float64
	Limit   int
	Offset  int
}

// QueueFilter selects claims for reviewers, oldest first.
type QueueFilter struct {
	Status ClaimStatus
	Limit  int
	Offset int
}

// Store is what the service needs from the database. Lookups return ErrNotFound, never a zero value.
type Store interface {
	// Chore loads one chore.
	Chore(ctx context.Context, id string) (Chore, error)
	// OpenChores lists the chores residents may see.
	OpenChores(ctx context.Context, f ListFilter) ([]Chore, error)
	// AllChores lists every chore, newest first, for staff.
	AllChores(ctx context.Context, limit, offset int) ([]Chore, error)
	// Claim loads one claim with its chore's title, photo count and mint status.
	Claim(ctx context.Context, id string) (Claim, error)
	// ResidentClaims lists a resident's claims, newest first.
	ResidentClaims(ctx context.Context, residentID string, limit, offset int) ([]Claim, error)
	// Queue lists claims in one status, oldest first (by submission for submitted claims).
	Queue(ctx context.Context, f QueueFilter) ([]Claim, error)
	// Photo loads the n-th photo of a claim.
	Photo(ctx context.Context, claimID string, n int) (Photo, error)
	// DueClaims returns up to limit open claims whose proof was due before now.
	DueClaims(ctx context.Context, now time.Time, limit int) ([]string, error)
	// TermsSetBy reports whether the account created the chore or changed its reward, budget or places.
	TermsSetBy(ctx context.Context, choreID, accountID string) (bool, error)
	// SettleRewards marks every approved claim whose mint intent is confirmed as rewarded, recording the
	// transaction hash, and returns how many it marked. Running it again changes nothing.
	SettleRewards(ctx context.Context) (int, error)
	// InTx runs fn in one transaction: everything fn does through tx commits together or not at all.
	InTx(ctx context.Context, fn func(tx Tx) error) error
}

// Tx is the work that must happen atomically. Lock order, to stay free of deadlocks: claim, then chore,
// then resident.
type Tx interface {
	// Resident loads an account's role, status and bound address.
	Resident(id string) (Resident, error)
	// LockResident serialises the cap checks of one resident until the transaction ends.
	LockResident(id string) error
	// CreateChore inserts a new chore with empty counters.
	CreateChore(c Chore) error
	// RecordChanges writes who changed which fields of a chore, with their old and new values.
	RecordChanges(choreID, changedBy string, at time.Time, cs []FieldChange) error
	// TermsSetBy reports whether the account created the chore or changed its reward, budget or places
	// (TermFields).
	TermsSetBy(choreID, accountID string) (bool, error)
	// LockChore loads a chore and holds its row until the transaction ends.
	LockChore(id string) (Chore, error)
	// SaveChore writes a chore's fields and counters.
	SaveChore(c Chore) error
	// LockClaim loads a claim and holds its row until the transaction ends.
	LockClaim(id string) (Claim, error)
	// CreateClaim inserts a claim; ErrAlreadyClaimed when the resident has an open one on the chore.
	CreateClaim(c Claim) error
	// SaveClaim writes a claim's status and the fields that go with it.
	SaveClaim(c Claim) error
	// ResidentPlaces counts the resident's open claims on a chore and all claims holding a place there.
	ResidentPlaces(choreID, residentID string) (open, held int, err error)
	// RewardedSince sums the rewards of the resident's claims approved at or after since, in cents.
	RewardedSince(residentID string, since time.Time) (int64, error)
	// PhotoCount counts a claim's photos.
	PhotoCount(claimID string) (int, error)
	// AddPhotos records stored photos.
	AddPhotos(ps []Photo) error
	// DeletePhotos removes the rows of a claim's photos and returns them, so that their files can be
	// removed once the transaction commits.
	DeletePhotos(claimID string) ([]Photo, error)
	// Photo loads the n-th photo of a claim.
	Photo(claimID string, n int) (Photo, error)
	// Enqueue writes a chain intent, or returns the one with the same idempotency key.
	Enqueue(in outbox.Intent) (outbox.Intent, error)
	// Audit appends to the audit log.
	Audit(e audit.Entry) error
	// Notify writes a notice to a person in this transaction, once per account and event key.
	Notify(n notices.Notice) error
}

// PhotoFiles takes in proof photos and keeps them outside the database; *photos.Store is one.
type PhotoFiles interface {
	// Prepare checks one upload and re-encodes it without metadata; it writes nothing.
	Prepare(data []byte) (photos.Image, error)
	// Save stores a prepared image under a fresh random name and returns the name.
	Save(img photos.Image) (string, error)
	// Read returns a stored photo's bytes.
	Read(name string) ([]byte, error)
	// Remove deletes a stored photo.
	Remove(name string) error
}
