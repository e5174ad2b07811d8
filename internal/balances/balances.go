// Package balances answers what an account holds: the coins the indexer has seen arrive at its address,
// the rewards on their way to it, and its coin history. It reads the ledger (the indexer's copy of the
// chain) and the outbox; it never calls the chain. Amounts are in cents.
package balances

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
)

// ErrNoWallet means the account has no address on chain yet (a resident who has not bound a phone).
var ErrNoWallet = errors.New("balances: the account has no address on chain")

// Statement is what an address holds, in cents.
//
// BalanceCents is what the indexer has recorded for the address: the sum of the contract's Transfer
// events to and from it in the blocks indexed so far.
//
// PendingCents is what is on its way to the address as rewards and not yet in BalanceCents: the mints to
// it that are queued, sent, or confirmed in a block the indexer has not reached yet. Once the indexer
// applies a mint's block the amount moves from PendingCents to BalanceCents, in one step, so a reward is
// never counted twice and never missing between approval and indexing. Payments from the address are not
// subtracted before they are indexed.
//
// SpendableCents is what the address may pay now, the figure payments, refunds and payouts check against:
// BalanceCents, plus the coins confirmed on chain on their way to it that the indexer has not applied yet,
// minus everything on its way out of it that the indexer has not applied yet (payments, refunds and
// redeems, from the moment they are written). Each movement counts once, whichever comes first: the
// sender's receipt or the indexer's block. A resident who just paid sees it drop at once.
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
	// Statement returns what an address holds (see Statement), read from one snapshot.
	Statement(ctx context.Context, addr string) (Statement, error)
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
	return s.store.Statement(ctx, addr)
}

// AtAddress returns what an address holds (0x hex), for staff who decide on moving the coins there: the
// lost key's address of a recovery. The actor needs accounts.approve, the recoveries' privilege.
func (s *Service) AtAddress(ctx context.Context, actor accounts.Actor, addr string) (Statement, error) {
	if !actor.Has(accounts.PrivAccountsApprove) {
		return Statement{}, accounts.ErrForbidden
	}
	return s.store.Statement(ctx, strings.ToLower(addr))
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
