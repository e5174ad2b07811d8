// Package chores is the heart of the platform: staff put up a chore (where, what, how much), a resident
// claims it, does it and uploads photos as proof, a reviewer approves it, and the reward is minted to the
// resident's address exactly once. Claiming holds a place and reserves the reward in the chore's budget;
// rejection and expiry give both back. Approval writes the mint intent in the same transaction as the
// status change (the outbox), and the claim becomes rewarded when the mint is confirmed on chain. Amounts
// are in euro cents. The package declares the Store it needs and imports neither gin, gorm nor ethclient.
package chores

import (
	"errors"
	"time"

	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/validation"
)

// Location is where a chore is done: a point inside the municipality and the neighbourhood's name.
type Location struct {
	Lat  float64
	Lng  float64
	Area string
}

// Chore is a job residents can claim. PlacesTaken counts the claims holding a place (open, approved or
// rewarded); ReservedCents is the reward of the open ones and SpentCents of the approved and rewarded
// ones, so ReservedCents+SpentCents is what the chore has committed of BudgetCents.
type Chore struct {
	ID          string
	Title       string
	Description string
	Location    Location
	RewardCents int64
	Capacity    int
	// PerResidentLimit is how many places one resident may hold on this chore over its life; 0 means no
	// limit beyond one open claim at a time.
	PerResidentLimit int
	BudgetCents      int64
	ReservedCents    int64
	SpentCents       int64
	PlacesTaken      int
	OpensAt          time.Time
	ClosesAt         time.Time
	// ClosedAt is set when staff closed the chore before ClosesAt.
	ClosedAt  *time.Time
	CreatedBy string
	CreatedAt time.Time
	UpdatedAt time.Time
	// DistanceM is the distance from the point a list was asked near, in metres; 0 otherwise.
	DistanceM float64
}

// State is where a chore is in its window.
type State string

// The states of a chore.
const (
	StateUpcoming State = "upcoming"
	StateOpen     State = "open"
	StateClosed   State = "closed"
)

// State returns the chore's state at now.
func (c Chore) State(now time.Time) State {
	switch {
	case c.ClosedAt != nil || !now.Before(c.ClosesAt):
		return StateClosed
	case now.Before(c.OpensAt):
		return StateUpcoming
	}
	return StateOpen
}

// PlacesLeft is how many more claims the chore takes (never negative, also after capacity was lowered).
func (c Chore) PlacesLeft() int { return max(0, c.Capacity-c.PlacesTaken) }

// ClaimStatus is where a claim is in its life:
//
//	claimed → submitted → approved → rewarded
//	   │          │ ↑ ↓
//	expired    rejected  needs_info → (expired)
//
// and the resident may withdraw an open claim (claimed, submitted or needs_info): withdrawn.
type ClaimStatus string

// The statuses. Claimed, submitted and needs_info are open: they hold a place and a reservation, and a
// resident has at most one open claim per chore. Rejected, expired and withdrawn claims hold neither.
const (
	StatusClaimed   ClaimStatus = "claimed"
	StatusSubmitted ClaimStatus = "submitted"
	StatusNeedsInfo ClaimStatus = "needs_info"
	StatusApproved  ClaimStatus = "approved"
	StatusRewarded  ClaimStatus = "rewarded"
	StatusRejected  ClaimStatus = "rejected"
	StatusExpired   ClaimStatus = "expired"
	StatusWithdrawn ClaimStatus = "withdrawn"
)

// Open reports whether a claim in this status still waits for the resident or a reviewer.
func (s ClaimStatus) Open() bool {
	return s == StatusClaimed || s == StatusSubmitted || s == StatusNeedsInfo
}

// Known reports whether s is a status of the platform.
func (s ClaimStatus) Known() bool {
	switch s {
	case StatusClaimed, StatusSubmitted, StatusNeedsInfo, StatusApproved, StatusRewarded, StatusRejected, StatusExpired,
		StatusWithdrawn:
		return true
	}
	return false
}

// Claim is one resident's claim on a chore. RewardCents is the chore's reward when it was claimed: later
// changes to the chore do not change what the resident was promised.
type Claim struct {
	ID          string
	ChoreID     string
	ResidentID  string
	Status      ClaimStatus
	RewardCents int64
	// Note is the resident's note with the latest proof; InfoRequest is the reviewer's latest question;
	// RejectReason is why the claim was rejected.
	Note         string
	InfoRequest  string
	RejectReason string
	// ProofDueAt is when a claim waiting for (more) proof expires; nil otherwise.
	ProofDueAt  *time.Time
	ClaimedAt   time.Time
	SubmittedAt *time.Time
	// DecidedAt is when a reviewer last decided (DecidedBy), or when the resident withdrew the claim (then
	// DecidedBy is empty).
	DecidedAt *time.Time
	DecidedBy string
	// MintTo is the address the reward was minted to (lowercase 0x-hex); IntentID is the mint's outbox
	// intent. Both are set on approval.
	MintTo   string
	IntentID int64
	// TxHash is the mint's transaction, set when the claim becomes rewarded.
	TxHash     string
	RewardedAt *time.Time

	// Filled when read, ignored when saved: the chore's title, the number of photos and the mint's status.
	ChoreTitle string
	PhotoCount int
	MintStatus outbox.Status
}

// Photo is one stored proof photo of a claim; N counts from 1 in upload order.
type Photo struct {
	ClaimID     string
	N           int
	File        string
	ContentType string
	SizeBytes   int
	Width       int
	Height      int
	CreatedAt   time.Time
}

// Limits on proof.
const (
	MaxPhotosPerUpload = 3
	MaxPhotosPerClaim  = 9
	MaxNoteLen         = 1000
	MaxTextLen         = 500
)

// The errors of this package. The API maps each to a status and a stable code.
var (
	ErrNotFound            = errors.New("chores: not found")
	ErrForbidden           = errors.New("chores: not allowed")
	ErrChoreFull           = errors.New("chores: no places left")
	ErrChoreClosed         = errors.New("chores: the chore is closed")
	ErrChoreNotOpen        = errors.New("chores: the chore is not open yet")
	ErrAlreadyClaimed      = errors.New("chores: the resident already has an open claim on this chore")
	ErrClaimLimit          = errors.New("chores: the resident reached the chore's limit per resident")
	ErrWalletNotBound      = errors.New("chores: the resident has no bound wallet address")
	ErrNotApproved         = errors.New("chores: the account is not an approved resident")
	ErrBudgetExceeded      = errors.New("chores: the chore's budget does not cover this reward")
	ErrCapExceeded         = errors.New("chores: the reward would pass the resident's monthly or yearly cap")
	ErrOwnChore            = errors.New("chores: a reviewer cannot approve a claim on a chore whose reward, budget or places they created or changed")
	ErrReasonRequired      = errors.New("chores: a reason is required")
	ErrMessageRequired     = errors.New("chores: a message is required")
	ErrClaimState          = errors.New("chores: the claim is not in a state that allows this")
	ErrClaimExpired        = errors.New("chores: the claim expired")
	ErrNotWithdrawable     = errors.New("chores: only a claim not yet decided can be withdrawn")
	ErrNoPhotos            = errors.New("chores: proof needs at least one photo")
	ErrTooManyPhotos       = errors.New("chores: too many photos")
	ErrOutsideMunicipality = errors.New("chores: the location is outside the municipality")
	ErrRewardTooHigh       = errors.New("chores: the reward is above the maximum")
)

// ValidationError is bad input in one field (internal/validation). Nothing was changed.
type ValidationError = validation.Error

func invalid(field, msg string) error { return validation.Invalid("chores", field, msg) }
