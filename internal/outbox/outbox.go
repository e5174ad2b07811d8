// Package outbox describes the intents to move coins on chain. Business code writes an intent in the same
// database transaction as the change that causes it (an approved claim, a payment, a payout line); the
// sender in package chain later signs and sends it exactly once. An intent names the key that must send it,
// so one owner per key assigns nonces.
package outbox

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Kind is what an intent does on chain.
type Kind string

// The kinds of intent. Each maps to one contract function.
const (
	KindMint                      Kind = "mint"                        // mint(to, amount, ref)
	KindRedeem                    Kind = "redeem"                      // redeem(from, amount, ref)
	KindGrantAcceptor             Kind = "grant_acceptor"              // grantRole(ACCEPTOR_ROLE, to)
	KindRevokeAcceptor            Kind = "revoke_acceptor"             // revokeRole(ACCEPTOR_ROLE, to)
	KindTransferWithAuthorization Kind = "transfer_with_authorization" // EIP-3009, relayed
	KindRequestRecovery           Kind = "request_recovery"            // requestRecovery(from, to, ref)
	KindCancelRecovery            Kind = "cancel_recovery"             // cancelRecovery(ref, signature of from)
	KindExecuteRecovery           Kind = "execute_recovery"            // executeRecovery(ref)
)

// Status is where an intent is in its life.
type Status string

// The statuses. Queued intents have no nonce yet; sent ones have a nonce and a signed transaction that is
// rebroadcast until a receipt appears; confirmed and failed are final.
const (
	StatusQueued    Status = "queued"
	StatusSent      Status = "sent"
	StatusConfirmed Status = "confirmed"
	StatusFailed    Status = "failed"
)

// Args are the arguments of the contract call. Amount is in cents. Ref is an opaque 32-byte reference
// (a keccak hash of an internal id), never personal data.
type Args struct {
	To     common.Address `json:"to,omitempty"`
	From   common.Address `json:"from,omitempty"`
	Amount *big.Int       `json:"amount,omitempty"`
	Ref    common.Hash    `json:"ref,omitempty"`
	// EIP-3009 fields, for relayed transfers.
	ValidAfter  uint64      `json:"valid_after,omitempty"`
	ValidBefore uint64      `json:"valid_before,omitempty"`
	Nonce       common.Hash `json:"nonce,omitempty"`
	Signature   []byte      `json:"signature,omitempty"`
}

// Signer names the key whose sender carries out an intent: each key has one sender, which takes the
// intents of its name.
type Signer string

// The platform's signing keys but the relayers (Relayer).
const (
	// SignerMinter mints rewards.
	SignerMinter Signer = "minter"
	// SignerOperator activates and suspends shops and redeems payouts.
	SignerOperator Signer = "operator"
	// SignerRecovery asks for, cancels and carries out recoveries of lost keys.
	SignerRecovery Signer = "recovery"
)

// Relayer is the name of relayer key i (from 0), which relays residents' signed payments.
func Relayer(i int) Signer { return Signer(fmt.Sprintf("relayer-%d", i)) }

// Intent is one coin movement to send. IdempotencyKey is unique: enqueueing the same key twice yields the
// first intent, so a retried business action cannot move coins twice.
type Intent struct {
	ID             int64
	Signer         Signer
	Kind           Kind
	IdempotencyKey string
	Args           Args
	Status         Status
	Nonce          *uint64
	TxHash         common.Hash
	PriorTxHashes  []common.Hash // earlier transactions for the same nonce (fee bumps); any may be mined
	RawTx          []byte
	BlockNumber    uint64
	Error          string
	Attempts       int
	CreatedAt      time.Time
	SentAt         time.Time
	DoneAt         time.Time
}

// Hashes returns every transaction hash this intent may have been mined under.
func (i Intent) Hashes() []common.Hash {
	if i.TxHash == (common.Hash{}) {
		return i.PriorTxHashes
	}
	return append([]common.Hash{i.TxHash}, i.PriorTxHashes...)
}

// Signed is a transaction the sender has built for a queued intent.
type Signed struct {
	IntentID int64
	Nonce    uint64
	TxHash   common.Hash
	RawTx    []byte
}

// Outcome is how a sent intent ended: a receipt with status 1 (confirmed) or 0 (failed), or a failure
// before anything was sent.
type Outcome struct {
	IntentID    int64
	Status      Status
	TxHash      common.Hash
	BlockNumber uint64
	Error       string
}

// ErrLockHeld means another process owns the key right now.
var ErrLockHeld = errors.New("outbox: key is owned by another sender")

// ErrKeyMismatch means a key's signer name and address do not match those registered: another key under a
// known name, or a known address under another name. A sender refuses to run with it; retrying cannot help.
var ErrKeyMismatch = errors.New("outbox: the signer name and the key's address do not match the registered ones")

// ErrNotFound means no such intent.
var ErrNotFound = errors.New("outbox: not found")

// Store is what the sender needs from the database. Implementations must make AssignNonces atomic: either
// every intent in the batch gets its nonce and transaction and the key's next nonce moves on, or nothing does.
type Store interface {
	// Enqueue writes an intent, or returns the existing one with the same idempotency key.
	Enqueue(ctx context.Context, in Intent) (Intent, error)
	// ByIdempotencyKey finds an intent.
	ByIdempotencyKey(ctx context.Context, key string) (Intent, error)
	// Lock makes the caller the only sender for the key until release is called or the process dies.
	// It returns ErrLockHeld when another process holds it.
	Lock(ctx context.Context, signer Signer) (release func(), err error)
	// RegisterKey records the key's address and returns its next unassigned nonce.
	RegisterKey(ctx context.Context, signer Signer, addr common.Address) (nextNonce uint64, err error)
	// SetNextNonce moves the key's next nonce forward (when the chain is ahead of the database).
	SetNextNonce(ctx context.Context, signer Signer, next uint64) error
	// Queued returns up to limit queued intents of the key, oldest first.
	Queued(ctx context.Context, signer Signer, limit int) ([]Intent, error)
	// InFlight returns the key's sent intents, lowest nonce first.
	InFlight(ctx context.Context, signer Signer) ([]Intent, error)
	// AssignNonces stores signed transactions for queued intents and sets the key's next nonce.
	AssignNonces(ctx context.Context, signer Signer, signed []Signed, nextNonce uint64) error
	// Replace records a new transaction for an in-flight intent (a fee bump), keeping the old hash.
	Replace(ctx context.Context, intentID int64, txHash common.Hash, raw []byte) error
	// Postpone keeps a queued intent out of Queued until the given time, recording why.
	Postpone(ctx context.Context, intentID int64, reason string, until time.Time) error
	// Requeue returns an in-flight intent whose nonce was used by some other transaction to the queue.
	Requeue(ctx context.Context, intentID int64, reason string) error
	// Finish records final outcomes.
	Finish(ctx context.Context, outcomes []Outcome) error
	// Touch records a rebroadcast.
	Touch(ctx context.Context, intentIDs []int64) error
	// Counts returns the number of intents per status, for metrics and readiness.
	Counts(ctx context.Context) (map[Status]int64, error)
}
