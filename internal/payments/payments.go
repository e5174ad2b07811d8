package payments

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/idempotency"
	"github.com/heerlen/heitje/internal/outbox"
)

// Status is where a payment request is. It is derived in one place, the store's view of requests and their
// relay intents: open until a resident pays, the shop cancels it (cancelled) or its time runs out (expired);
// once paid, submitted while the relay intent is queued or sent, and confirmed or failed as the sender
// recorded its outcome.
type Status string

// The statuses. Confirmed, failed, expired and cancelled are final.
const (
	StatusOpen      Status = "open"
	StatusExpired   Status = "expired"
	StatusCancelled Status = "cancelled"
	StatusSubmitted Status = "submitted"
	StatusConfirmed Status = "confirmed"
	StatusFailed    Status = "failed"
)

// Final reports whether nothing more will happen to a request in this status.
func (s Status) Final() bool {
	return s == StatusConfirmed || s == StatusFailed || s == StatusExpired || s == StatusCancelled
}

// Request is a shop's payment request and, once paid, the payment. AmountCents is in cents. Nonce,
// ValidAfter and ValidBefore are the EIP-3009 fields the payer must sign: the nonce is random and belongs
// to this request only; the window (unix seconds, both exclusive) opens a minute before the request was
// made and closes RelayMargin after ExpiresAt, so that a payment accepted just before the expiry still
// reaches a block. ShopName is filled by reads that show it.
type Request struct {
	ID          string
	ShopID      string
	ShopAddress common.Address
	ShopName    string
	AmountCents int64
	Reference   string
	Nonce       common.Hash
	ValidAfter  uint64
	ValidBefore uint64
	CreatedAt   time.Time
	ExpiresAt   time.Time
	Status      Status
	// CancelledAt is set when the shop cancelled the request, which nobody had paid.
	CancelledAt *time.Time
	// Set once a resident paid.
	PayerID      string
	PayerAddress common.Address
	IntentID     int64
	SubmittedAt  *time.Time
	// Set once the relay transaction is known, mined or failed.
	TxHash      common.Hash
	BlockNumber uint64
	Failure     string
	DoneAt      *time.Time
	// Refunds are the payment's refunds, filled by the history.
	Refunds []Refund
}

// Paid reports whether a resident has paid the request (whatever became of the payment).
func (r Request) Paid() bool { return r.IntentID != 0 }

// Payer is the payer's pseudonymous short id, the short form of the address that paid: "0x", its first
// four and last four hex digits in lower case, with an ellipsis between ("0x1a2b…9f0e"). It is "" while
// nobody paid. It names nobody; a till shows it so that two customers' payments can be told apart.
func (r Request) Payer() string {
	if !r.Paid() {
		return ""
	}
	return ShortAddress(r.PayerAddress)
}

// ShortAddress writes an address as "0x1a2b…9f0e": "0x", the first and the last four hex digits.
func ShortAddress(a common.Address) string {
	h := strings.ToLower(a.Hex())
	return h[:6] + "…" + h[len(h)-4:]
}

// Refund gives all or part of a confirmed payment back to the resident, signed with the shop's key. Its
// Status is submitted, confirmed or failed, derived like a payment's.
type Refund struct {
	ID              string
	PaymentID       string
	ShopID          string
	ShopAddress     common.Address
	ResidentAddress common.Address
	AmountCents     int64
	Reason          string
	Nonce           common.Hash
	IntentID        int64
	CreatedAt       time.Time
	Status          Status
	TxHash          common.Hash
	BlockNumber     uint64
	Failure         string
	DoneAt          *time.Time
}

// Shop is what paying needs of a shop: its address, the name residents see, and whether it may take
// payments (staff activated it and the grant of the accepting role is confirmed on chain).
type Shop struct {
	ID      string
	Address common.Address
	Name    string
	Active  bool
}

// Takings are a shop's confirmed payments and refunds of one day (in the municipality's time zone).
type Takings struct {
	Date          string
	Payments      int
	GrossCents    int64
	Refunds       int
	RefundedCents int64
	NetCents      int64
}

// The errors of this package; the API maps each to a status and a stable code. ErrBadSignature is in
// authorization.go.
var (
	ErrNotFound               = errors.New("payments: not found")
	ErrShopNotActive          = errors.New("payments: the shop is not activated for payments")
	ErrNoWallet               = errors.New("payments: no address bound to the account")
	ErrSignerMismatch         = errors.New("payments: the authorization is not signed by the payer's bound address")
	ErrAmountMismatch         = errors.New("payments: the signed value differs from the request's amount")
	ErrRecipientMismatch      = errors.New("payments: the signed recipient is not the request's shop")
	ErrWindowMismatch         = errors.New("payments: the signed window differs from the request's")
	ErrNonceMismatch          = errors.New("payments: the signed nonce is not the request's")
	ErrNonceUsed              = errors.New("payments: the authorization nonce was already used on chain")
	ErrRequestExpired         = errors.New("payments: the payment request has expired")
	ErrRequestCancelled       = errors.New("payments: the shop cancelled the payment request")
	ErrInsufficientBalance    = errors.New("payments: the balance does not cover the amount")
	ErrAlreadyPaid            = errors.New("payments: the request is already paid")
	ErrPaymentFailed          = errors.New("payments: the payment of this request failed")
	ErrIdempotencyKeyRequired = errors.New("payments: an Idempotency-Key header is required")
	ErrIdempotencyConflict    = idempotency.ErrConflict
	ErrNotRefundable          = errors.New("payments: only a confirmed payment can be refunded")
	ErrRefundWindowClosed     = errors.New("payments: the refund period of this payment is over")
	ErrRefundTooLarge         = errors.New("payments: the refunds would exceed the payment")
)

// HistoryFilter selects the payments of a resident (as payer) or a shop, newest first. When From is not
// zero only payments submitted in [From, To) are selected; when Reference is not "" only those of requests
// with exactly that reference.
type HistoryFilter struct {
	PayerID   string
	ShopID    string
	From, To  time.Time
	Reference string
	Limit     int
	Offset    int
}

// Store is what the service needs from the database. Reads return ErrNotFound, never a zero value; every
// Request and Refund comes with its derived Status.
type Store interface {
	// CreateRequest inserts a new, open payment request.
	CreateRequest(ctx context.Context, r Request) error
	// Request loads a request with its status and the shop's display name.
	Request(ctx context.Context, id string) (Request, error)
	// Shop loads a shop by account id; ErrNotFound when the account is not an approved shop.
	Shop(ctx context.Context, id string) (Shop, error)
	// WalletAddress returns the address bound to an account; ErrNoWallet when there is none.
	WalletAddress(ctx context.Context, accountID string) (common.Address, error)
	// IntentState returns the status of an intent and its current transaction hash (zero while it has none).
	IntentState(ctx context.Context, intentID int64) (outbox.Status, common.Hash, error)
	// History lists paid requests, newest first, each with its refunds.
	History(ctx context.Context, f HistoryFilter) ([]Request, error)
	// Takings sums a shop's payments and refunds confirmed in [from, to).
	Takings(ctx context.Context, shopID string, from, to time.Time) (Takings, error)
	// InTx runs fn in one transaction: everything fn does through tx commits together or not at all.
	InTx(ctx context.Context, fn func(tx Tx) error) error
	// Pay is a payment's one transaction, in as few round trips as the data allows: it takes the account's
	// lock and the request's, reads the facts of the checks (PayFacts) after both, and gives them to decide,
	// which checks them and says what to write (nil: nothing, for a replay). It writes that and commits; an
	// error of decide rolls back and is returned as it is. ErrAlreadyPaid or ErrRequestCancelled when the
	// request was paid or cancelled despite the lock.
	Pay(ctx context.Context, accountID, key, requestID string, decide func(PayFacts) (*PayWrite, error)) error
}

// PayFacts are what a payment's checks read, under the account's and the request's locks.
type PayFacts struct {
	// Replay is the record of the account's Idempotency-Key; nil when the key is unused.
	Replay *idempotency.Record
	// Request is the request with its status, when Found.
	Request Request
	Found   bool
	// Payer is the account's bound address; zero when it has none.
	Payer common.Address
	// NonceUsed reports whether the ledger has seen Payer use the request's nonce on chain.
	NonceUsed bool
	// Spendable is what Payer may pay now, in cents (see Tx.Spendable).
	Spendable int64
	// IntentID is the id that the relay intent will have if it is written.
	IntentID int64
}

// PayWrite is what a payment writes: the relay intent (its ID is PayFacts.IntentID), the request marked
// paid (payer, payer's address, relay intent, submission time) with the signature, and the
// Idempotency-Key's record.
type PayWrite struct {
	Intent      outbox.Intent
	Request     Request
	Signature   []byte
	Idempotency idempotency.Record
}

// Tx is the work that must happen atomically. Lock order: the caller's account, then the request.
type Tx interface {
	// LockAccount serialises the coin-moving requests of one account until the transaction ends.
	LockAccount(id string) error
	// Keys keeps the records of the accounts' Idempotency-Keys.
	idempotency.Keys
	// LockRequest loads a request with its status and holds its row until the transaction ends.
	LockRequest(id string) (Request, error)
	// Spendable is what addr may pay now, in cents: its indexed balance, plus the coins confirmed on their way
	// to it that the indexer has not applied (mints, payments to it, refunds to it), minus everything on its
	// way out of it that the indexer has not applied (payments, refunds and redeems from the moment they are
	// written). Each movement counts once, whether the sender's receipt or the indexer's block comes first;
	// balances.Statement and payouts use the same definition.
	Spendable(addr common.Address) (int64, error)
	// MarkCancelled records that the shop cancelled a request nobody paid, at the given time; ErrAlreadyPaid
	// when it is paid. Cancelling a cancelled request changes nothing.
	MarkCancelled(id string, at time.Time) error
	// Enqueue writes a chain intent, or returns the one with the same idempotency key.
	Enqueue(in outbox.Intent) (outbox.Intent, error)
	// RefundedCents sums the refunds of a payment that have not failed.
	RefundedCents(paymentID string) (int64, error)
	// ShopKey returns the shop's private key (32 bytes), decrypted.
	ShopKey(shopID string) ([]byte, error)
	// CreateRefund inserts a refund.
	CreateRefund(r Refund) error
}
