// Package ledger is the platform's copy of what happened to the coin on chain: the contract's events and the
// balances they imply, written by the indexer in package chain and read by balances, history, reports and
// reconciliation. Amounts are in cents.
package ledger

import (
	"context"
	"errors"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// The contract's events that the indexer keeps.
const (
	EventTransfer              = "Transfer"
	EventMinted                = "Minted"
	EventRedeemed              = "Redeemed"
	EventAuthorizationUsed     = "AuthorizationUsed"
	EventAuthorizationCanceled = "AuthorizationCanceled"
	EventRoleGranted           = "RoleGranted"
	EventRoleRevoked           = "RoleRevoked"
	EventPaused                = "Paused"
	EventUnpaused              = "Unpaused"
)

// Event is one contract log. Fields that the event does not carry are zero.
type Event struct {
	BlockNumber uint64
	BlockHash   common.Hash
	BlockTime   time.Time
	TxHash      common.Hash
	TxIndex     uint
	LogIndex    uint
	Name        string
	From        common.Address
	To          common.Address
	Amount      *big.Int
	Ref         common.Hash
	AuthNonce   common.Hash
	Role        common.Hash
}

// Block identifies a block by number and hash.
type Block struct {
	Number uint64
	Hash   common.Hash
}

// ErrOtherToken means the database already indexes a different contract.
var ErrOtherToken = errors.New("ledger: this database indexes another token contract")

// ErrCursorMoved means the cursor is not where the caller expected: another indexer is writing.
var ErrCursorMoved = errors.New("ledger: the indexer cursor moved underneath us")

// Store keeps the events, balances and the indexer's cursor. Apply and Rewind are atomic.
type Store interface {
	// Cursor returns the last indexed block of token; ok is false before the first Apply.
	Cursor(ctx context.Context, token common.Address) (b Block, ok bool, err error)
	// Apply stores the events of the blocks after the cursor up to and including to, adjusts balances, records
	// the checkpoints and moves the cursor to to, all in one transaction. from is the cursor the caller read.
	Apply(ctx context.Context, token common.Address, from *Block, events []Event, checkpoints []Block, to Block) error
	// Checkpoints returns up to limit remembered blocks at or below number, highest first.
	Checkpoints(ctx context.Context, token common.Address, number uint64, limit int) ([]Block, error)
	// Rewind deletes everything indexed after block to, reverses its balance changes and sets the cursor to to.
	Rewind(ctx context.Context, token common.Address, to Block) error
	// Balance returns the indexed balance of addr (zero when it never held coins).
	Balance(ctx context.Context, addr common.Address) (*big.Int, error)
	// Events returns events in chain order with block number in [from, to].
	Events(ctx context.Context, from, to uint64) ([]Event, error)
}
