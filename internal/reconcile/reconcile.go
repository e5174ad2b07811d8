// Package reconcile proves that the coins in circulation equal what the municipality owes. At one block
// (the indexer's cursor) it checks that the total supply on chain, the sum of the indexed balances, and
// minted less redeemed in the ledger are one number, and that this number is held by residents (rewards not
// yet spent), shops (takings not yet paid out) and the treasury, and nobody else. It also checks every
// indexed balance against the events it derives from, every Minted and Redeemed event against its Transfer,
// every payout line against its Redeemed event, and every Minted event against the approved or rewarded claim
// of its reference (its recipient and reward). Any difference names the addresses and blocks involved;
// then the balances are compared with the chain's and the events of the addresses at fault with the chain's
// logs, to say which row is wrong. Amounts are in cents.
package reconcile

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/contracts"
	"github.com/heerlen/heitje/internal/ledger"
)

// TreasuryRole is the contract's TREASURY_ROLE: the ledger's RoleGranted and RoleRevoked events of it say
// which addresses are the treasury.
var TreasuryRole = contracts.TreasuryRole

// The kinds of holder.
const (
	KindResident = "resident"
	KindShop     = "shop"
	KindTreasury = "treasury"
	KindOther    = "other"
)

// Holder is an address the ledger knows: its balance row (token_balances), the sum of its Transfer events,
// the highest block of those events, and who it is.
type Holder struct {
	Address    common.Address
	Kind       string
	AccountID  string
	Balance    *big.Int
	FromEvents *big.Int
	LastBlock  uint64
}

// Unpaired is a Minted or Redeemed event whose Transfer in the same transaction is missing or differs, or a
// mint or burn Transfer without its Minted or Redeemed event. TransferAmount is nil when there is none;
// Amount is nil for a Transfer without its event.
type Unpaired struct {
	Event          string
	BlockNumber    uint64
	TxHash         common.Hash
	LogIndex       uint
	Address        common.Address
	Amount         *big.Int
	TransferAmount *big.Int
}

// PayoutMismatch is a payout line without its Redeemed event (or with a different amount), a Redeemed event
// without its line, or a line redeemed more than once. LineCents is nil when there is no line;
// RedeemedCents is nil when nothing was redeemed; Redeems counts the Redeemed events of the line.
type PayoutMismatch struct {
	Reference     string
	Shop          common.Address
	BlockNumber   uint64
	LineCents     *big.Int
	RedeemedCents *big.Int
	Redeems       int
}

// Snapshot is the ledger's side, read in one consistent database snapshot at the indexer's cursor.
type Snapshot struct {
	Block       uint64
	Indexed     bool
	SumBalances *big.Int
	Minted      *big.Int
	Redeemed    *big.Int
	Holders     []Holder
	Unpaired    []Unpaired
	Payouts     []PayoutMismatch
	Mints       []MintMismatch
}

// Store reads the ledger's side.
type Store interface {
	// Snapshot reads everything at once, in one repeatable-read transaction; treasuryRole names the role
	// whose holders are the treasury.
	Snapshot(ctx context.Context, treasuryRole common.Hash) (Snapshot, error)
	// Transfers returns the indexed Transfer events to or from addr up to block to, in chain order.
	Transfers(ctx context.Context, addr common.Address, to uint64) ([]ledger.Event, error)
}

// Chain reads the chain's side at a given block; the node must keep old state (an archive node).
type Chain interface {
	// TotalSupplyAt returns the coin's total supply at the block.
	TotalSupplyAt(ctx context.Context, block uint64) (*big.Int, error)
	// BalancesAt returns the balances of addrs at the block, in the same order.
	BalancesAt(ctx context.Context, addrs []common.Address, block uint64) ([]*big.Int, error)
	// Transfers returns the coin's Transfer logs to or from addr up to block to, in chain order.
	Transfers(ctx context.Context, addr common.Address, to uint64) ([]ledger.Event, error)
}

// Difference is one equality that does not hold. Check names it, Subject the address (and account) or
// total at fault, Block the block that shows it.
type Difference struct {
	Check   string `json:"check"`
	Subject string `json:"subject"`
	Block   uint64 `json:"block"`
	Detail  string `json:"detail"`
}

// Report is the outcome of one reconciliation at Block.
type Report struct {
	Block       uint64
	Supply      *big.Int
	Balances    *big.Int
	Minted      *big.Int
	Redeemed    *big.Int
	Residents   *big.Int
	Shops       *big.Int
	Treasury    *big.Int
	Other       *big.Int
	Holders     int
	Differences []Difference
}

// OK reports whether every equality held.
func (r Report) OK() bool { return len(r.Differences) == 0 }

// Options tune the reconciler.
type Options struct {
	// Treasury adds addresses that count as the treasury besides those holding TREASURY_ROLE.
	Treasury []common.Address
	// MaxTraced bounds the addresses whose events are compared log by log with the chain; 0 means 20.
	MaxTraced int
}

// Reconciler runs the checks.
type Reconciler struct {
	store Store
	chain Chain
	opts  Options
	last  last
}

// New returns a reconciler over the ledger and the chain.
func New(store Store, chain Chain, opts Options) *Reconciler {
	if opts.MaxTraced <= 0 {
		opts.MaxTraced = 20
	}
	return &Reconciler{store: store, chain: chain, opts: opts}
}
