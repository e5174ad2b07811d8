// Package balances answers what an account holds: the coins the indexer has seen arrive at its address,
// the rewards on their way to it, and its coin history. It reads the ledger (the indexer's copy of the
// chain) and the outbox; it never calls the chain. Amounts are in cents.
package balances

import (
	"context"
	"errors"
	"math/big"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
)

// ErrNoWallet means the account has no address on chain yet (a resident who has not bound a phone).
var ErrNoWallet = errors.New("balances: the account has no address on chain")

// Statement is an address's balance.
//
// BalanceCents is what the indexer has recorded for the address: the sum of the contract's Transfer
// events to and from it in the blocks indexed so far.
//
// PendingCents is what is on its way to the address and not yet in BalanceCents: the amounts of the mint
// intents to it that are queued or sent, plus those confirmed on chain in a block the indexer has not
// reached yet. Once the indexer passes a mint's block the amount moves from PendingCents to BalanceCents,
// so a reward is never counted twice and never missing between approval and indexing. Payments from the
// address are not subtracted before they are indexed.
//
// SpendableCents is what the address may pay now, the figure the payments check against: BalanceCents,
// plus the coins confirmed on chain on their way to it that the indexer has not reached, minus everything
// on its way out of it (payments, refunds and redeems submitted, or confirmed and not yet indexed). A
// resident who just paid sees it drop at once.
type Statement struct {
	Address        string
	BalanceCents   int64
	PendingCents   int64
	SpendableCents int64
}

// Kinds of transaction, as the history names them.
const (
	KindReward     = "reward"     // minted to the address: a chore's reward
	KindPayment    = "payment"    // paid from or to the address
	KindRedemption = "redemption" // burned from the address: a shop's payout
)

// Transaction is one indexed coin movement to or from an address. Direction is "in" or "out";
// Counterparty is the other address, "" for rewards and redemptions.
type Transaction struct {
	ID           int64
	TxHash       string
	BlockNumber  uint64
	At           time.Time
	Kind         string
	Direction    string
	AmountCents  int64
	Counterparty string
}

// Store is what the service needs from the database.
type Store interface {
	// WalletAddress returns an account's address as lowercase 0x-hex; ErrNoWallet when it has none.
	WalletAddress(ctx context.Context, accountID string) (string, error)
	// Balance returns the indexed balance of an address.
	Balance(ctx context.Context, addr string) (*big.Int, error)
	// PendingMints sums the mints to an address that are not yet in its indexed balance (see Statement).
	PendingMints(ctx context.Context, addr string) (*big.Int, error)
	// Spendable is what an address may pay now (see Statement), in cents.
	Spendable(ctx context.Context, addr string) (int64, error)
	// Transfers lists the indexed transfers to or from an address with an id below beforeID (all when 0),
	// newest first.
	Transfers(ctx context.Context, addr string, beforeID int64, limit int) ([]Transaction, error)
}

// Service reads balances and histories.
type Service struct{ store Store }

// New returns the service over store.
func New(store Store) *Service { return &Service{store: store} }

// Balance returns the caller's statement. An account without an address has an empty one.
func (s *Service) Balance(ctx context.Context, p accounts.Principal) (Statement, error) {
	addr, err := s.store.WalletAddress(ctx, p.AccountID)
	if errors.Is(err, ErrNoWallet) {
		return Statement{}, nil
	}
	if err != nil {
		return Statement{}, err
	}
	bal, err := s.store.Balance(ctx, addr)
	if err != nil {
		return Statement{}, err
	}
	pending, err := s.store.PendingMints(ctx, addr)
	if err != nil {
		return Statement{}, err
	}
	if !bal.IsInt64() || !pending.IsInt64() {
		return Statement{}, errors.New("balances: amount out of range")
	}
	spendable, err := s.store.Spendable(ctx, addr)
	if err != nil {
		return Statement{}, err
	}
	return Statement{Address: addr, BalanceCents: bal.Int64(), PendingCents: pending.Int64(), SpendableCents: spendable}, nil
}

// The history page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 200
)

// Transactions returns the caller's coin history, newest first, limit at a time; pass the last ID seen
// as beforeID for the next page. An account without an address has none.
func (s *Service) Transactions(ctx context.Context, p accounts.Principal, beforeID int64, limit int) ([]Transaction, error) {
	addr, err := s.store.WalletAddress(ctx, p.AccountID)
	if errors.Is(err, ErrNoWallet) {
		return []Transaction{}, nil
	}
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	return s.store.Transfers(ctx, addr, beforeID, min(limit, MaxLimit))
}
