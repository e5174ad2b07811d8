// Package recovery moves a resident's coins from a lost key to the same resident's new key without the
// platform ever holding a resident's key. The resident signs in with the password on a new device, makes a
// new key there and asks (proving the new key by signing the wallet challenge); one member of staff verifies
// the person's identity, a second, different one approves; the platform's recovery key then asks the coin
// contract for the recovery, which it may carry out only after the contract's delay, during which the lost key
// can cancel it by signing a CancelRecovery message (relayed: residents hold no ether). Once carried out, the
// whole balance is at the new address and the account's binding switches to it. On chain there are only the
// two addresses and an opaque reference.
package recovery

import (
	"context"
	"errors"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
)

// Status is where a recovery is.
type Status string

// The statuses. A recovery is open while asked, verified, approved or cancelling; the others are final.
const (
	// StatusAsked: the resident asked; staff have not verified the person yet.
	StatusAsked Status = "asked"
	// StatusVerified: one member of staff verified the person's identity; a second must approve.
	StatusVerified Status = "verified"
	// StatusApproved: approved by a second member of staff; the request is on its way to the contract, or
	// there and waiting for its delay, or its execution is on its way.
	StatusApproved Status = "approved"
	// StatusCancelling: the lost key signed a cancellation; it is on its way to the contract.
	StatusCancelling Status = "cancelling"
	// StatusCancelled: cancelled by the lost key; nothing moved.
	StatusCancelled Status = "cancelled"
	// StatusRejected: staff refused it, with a reason; nothing moved.
	StatusRejected Status = "rejected"
	// StatusExecuted: the coins moved and the account is bound to the new address.
	StatusExecuted Status = "executed"
	// StatusFailed: the contract refused the recovery (a shop or role holder on a side); nothing moved.
	StatusFailed Status = "failed"
)

// Open reports whether a recovery in this status may still change.
func (s Status) Open() bool {
	return s == StatusAsked || s == StatusVerified || s == StatusApproved || s == StatusCancelling
}

// Signer is the outbox signer of every recovery intent: the platform's recovery key (RECOVERY_KEY), which
// holds RECOVERY_ROLE and also relays the lost key's cancellations, so a cancellation and an execution of one
// recovery are ordered by that key's nonces.
const Signer = outbox.SignerRecovery

// Recovery is one recovery of an account's coins from its bound (lost) address to a new one. Addresses are
// lowercase 0x hex.
type Recovery struct {
	ID        string
	AccountID string
	From, To  string
	Status    Status
	AskedAt   time.Time
	// VerifiedBy checked the person's identity; ApprovedBy, a different member of staff, approved.
	VerifiedBy string
	VerifiedAt *time.Time
	ApprovedBy string
	ApprovedAt *time.Time
	// RejectedBy refused it, for RejectReason.
	RejectedBy   string
	RejectReason string
	// CancelSignature is the lost key's signature of the CancelRecovery message, once given.
	CancelSignature []byte
	// The chain intents of the request, the cancellation and the execution (0 while not written), with
	// their statuses when a Store lookup fills them.
	RequestIntentID, CancelIntentID, ExecuteIntentID int64
	RequestStatus, CancelStatus, ExecuteStatus       outbox.Status
	// ExecutableAt is when the contract lets the recovery be carried out, once its request is confirmed.
	ExecutableAt *time.Time
	DoneAt       *time.Time
	// Error is why the contract refused it, for StatusFailed.
	Error string
}

// Ref is the recovery's opaque reference on chain: the keccak hash of its internal id.
func (r Recovery) Ref() common.Hash { return RefOf(r.ID) }

// RefOf is the on-chain reference of the recovery with this id.
func RefOf(id string) common.Hash { return crypto.Keccak256Hash([]byte("recovery:" + id)) }

// The errors of this package. The API maps each to a status and a stable code.
var (
	ErrNotFound     = errors.New("recovery: not found")
	ErrForbidden    = errors.New("recovery: forbidden")
	ErrNoWallet     = errors.New("recovery: the account has no bound address to recover from")
	ErrSameAddress  = errors.New("recovery: the new address is the bound one")
	ErrAddressTaken = errors.New("recovery: the new address belongs to an account")
	ErrOpen         = errors.New("recovery: a recovery of this account is already open")
	ErrInvalidState = errors.New("recovery: the recovery is not in a state that allows this")
	ErrSameStaff    = errors.New("recovery: four eyes: the member of staff who verified the identity cannot approve")
	ErrBadSignature = errors.New("recovery: the signature is not the lost key's signature of the cancellation")
	ErrUnavailable  = errors.New("recovery: this platform has no recovery key")
)

// InvalidError is a request field that is malformed; the API answers 400 validation_failed naming it.
type InvalidError struct{ Field, Message string }

func (e *InvalidError) Error() string { return "recovery: " + e.Field + " " + e.Message }

// InvalidField names the field at fault and what is wrong with it.
func (e *InvalidError) InvalidField() (string, string) { return e.Field, e.Message }

// Account is what a recovery needs to know of the account it recovers.
type Account struct {
	ID            string
	Role          string
	Status        string
	WalletAddress string
}

// OnChain is a recovery as the contract holds it.
type OnChain struct {
	// Pending, Cancelled and Executed as the contract reports them; none of them for a reference never used.
	Pending, Cancelled, Executed bool
	ExecutableAt                 time.Time
}

// Chain reads recoveries from the coin contract.
type Chain interface {
	Recovery(ctx context.Context, ref common.Hash) (OnChain, error)
}

// Store is what recoveries need from the database outside a transaction.
type Store interface {
	// InTx runs fn in one transaction.
	InTx(ctx context.Context, fn func(Tx) error) error
	// Get returns a recovery with its intents' statuses; ErrNotFound when none.
	Get(ctx context.Context, id string) (Recovery, error)
	// Latest returns the account's latest recovery; ErrNotFound when it never asked.
	Latest(ctx context.Context, accountID string) (Recovery, error)
	// List returns up to limit recoveries in a status ("" for the open ones), oldest first.
	List(ctx context.Context, status Status, limit int) ([]Recovery, error)
	// Due returns up to limit approved or cancelling recoveries, oldest first: those the worker looks at.
	Due(ctx context.Context, limit int) ([]Recovery, error)
}

// Tx is the transactional work of recoveries.
type Tx interface {
	// LockAccount loads an account, holding its row; ErrNotFound when none.
	LockAccount(id string) (Account, error)
	// AddressBound reports whether any account is bound to the address.
	AddressBound(address string) (bool, error)
	// LockChallenge loads the account's wallet challenge with this nonce (case and surrounding spaces do not
	// count; "" for its latest), holding its row; accounts.ErrNoChallenge when none.
	LockChallenge(accountID, nonce string) (accounts.Challenge, error)
	// UseChallenge marks a challenge used.
	UseChallenge(nonce string, at time.Time) error
	// Create inserts a recovery; ErrOpen when the account has an open one.
	Create(r Recovery) error
	// Lock loads a recovery with its intents' statuses, holding its row; ErrNotFound when none.
	Lock(id string) (Recovery, error)
	// Save writes a recovery's status, decisions, signature, intents and times.
	Save(r Recovery) error
	// Enqueue writes a chain intent (see outbox.Store.Enqueue).
	Enqueue(in outbox.Intent) (outbox.Intent, error)
	// SwitchWallet binds the account to the address to instead of from; ErrAddressTaken when another
	// account holds to.
	SwitchWallet(accountID, from, to string) error
	// Audit appends an audit entry.
	Audit(e audit.Entry) error
	// Notify writes a notice for the resident in the same transaction (once per event).
	Notify(n notices.Notice) error
}
