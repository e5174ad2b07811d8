package chain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/heerlen/heitje/contracts/bindings"
	"github.com/heerlen/heitje/internal/ledger"
)

// LogSource is the part of a node the indexer reads; *Client satisfies it.
type LogSource interface {
	BlockNumber(ctx context.Context) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// Indexer copies the coin contract's events into the ledger, block range by block range, with the cursor
// stored in the same transaction as the events. It stays Confirmations blocks behind the head, and when the
// block under its cursor is no longer on the chain (a reorg) it rewinds to the last block it indexed that is
// still there and goes on from there.
type Indexer struct {
	src   LogSource
	store ledger.Store
	token common.Address
	coin  *bindings.HeitjeCoin
	log   *slog.Logger

	// StartBlock is the first block to read (the contract's deployment block).
	StartBlock uint64
	// Confirmations is how far behind the head the indexer stays.
	Confirmations uint64
	// MaxRange bounds the blocks read per step.
	MaxRange uint64
	// PollInterval is how often the head is read once the indexer has caught up.
	PollInterval time.Duration

	head, cursor uint64
	kick         chan struct{}
}

// NewIndexer returns an indexer of the contract at token.
func NewIndexer(src LogSource, store ledger.Store, token common.Address, log *slog.Logger) *Indexer {
	return &Indexer{src: src, store: store, token: token, coin: bindings.NewHeitjeCoin(), log: log.With("component", "indexer"),
		MaxRange: 2000, PollInterval: 200 * time.Millisecond, kick: make(chan struct{}, 1)}
}

// Kick wakes the indexer now instead of at its next poll (a new block has arrived).
func (ix *Indexer) Kick() {
	select {
	case ix.kick <- struct{}{}:
	default:
	}
}

// Lag returns the blocks between the chain head and the cursor, as of the last step.
func (ix *Indexer) Lag() uint64 {
	if ix.head < ix.cursor {
		return 0
	}
	return ix.head - ix.cursor
}

// Run indexes until ctx ends, logging (a repeating one once a minute) and retrying errors.
func (ix *Indexer) Run(ctx context.Context) error {
	failures := newFailureLog(ix.log, time.Minute) // a node that is down fails every poll
	for {
		advanced, err := ix.Step(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			failures.Fail("indexer step failed; retrying", "err", err)
		case err == nil:
			failures.OK("indexer steps work again")
		}
		if advanced && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(ix.PollInterval):
		case <-ix.kick:
		}
	}
}

// Step indexes the next range of blocks, or handles a reorg. It reports whether it moved.
func (ix *Indexer) Step(ctx context.Context) (bool, error) {
	head, err := ix.src.BlockNumber(ctx)
	if err != nil {
		if ctx.Err() == nil {
			chainReachable.Set(0)
		}
		return false, err
	}
	chainReachable.Set(1)
	ix.head = head
	indexerLag.Set(float64(ix.Lag()))
	if head < ix.Confirmations {
		return false, nil
	}
	target := head - ix.Confirmations
	cur, ok, err := ix.store.Cursor(ctx, ix.token)
	if err != nil {
		return false, err
	}
	from := ix.StartBlock
	var fromCursor *ledger.Block
	if ok {
		h, err := ix.src.HeaderByNumber(ctx, new(big.Int).SetUint64(cur.Number))
		if err != nil && !errors.Is(err, ethereum.NotFound) {
			return false, err
		}
		if h == nil || h.Hash() != cur.Hash {
			return true, ix.rewind(ctx, cur)
		}
		from, fromCursor = cur.Number+1, &cur
		ix.cursor = cur.Number
	}
	if from > target {
		return false, nil
	}
	to := min(target, from+ix.MaxRange-1)
	toHeader, err := ix.src.HeaderByNumber(ctx, new(big.Int).SetUint64(to))
	if err != nil {
		return false, err
	}
	logs, err := ix.src.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to), Addresses: []common.Address{ix.token},
	})
	if err != nil {
		return false, err
	}
	// A reorg while the logs were read would change the hash of block to; read it again to be sure the logs
	// and the cursor describe the same chain.
	again, err := ix.src.HeaderByNumber(ctx, new(big.Int).SetUint64(to))
	if err != nil {
		return false, err
	}
	if again.Hash() != toHeader.Hash() {
		return false, errors.New("the chain reorganised while reading logs")
	}
	events, checkpoints, err := ix.decode(ctx, logs, toHeader)
	if err != nil {
		return false, err
	}
	toBlock := ledger.Block{Number: to, Hash: toHeader.Hash()}
	if err := ix.store.Apply(ctx, ix.token, fromCursor, events, checkpoints, toBlock); err != nil {
		return false, err
	}
	ix.cursor = to
	indexedBlock.Set(float64(to))
	indexerLag.Set(float64(ix.Lag()))
	return true, nil
}

// decode turns logs into ledger events, with the time of their blocks, and returns the blocks seen.
func (ix *Indexer) decode(ctx context.Context, logs []types.Log, to *types.Header) ([]ledger.Event, []ledger.Block, error) {
	headers := map[uint64]*types.Header{to.Number.Uint64(): to}
	var events []ledger.Event
	var checkpoints []ledger.Block
	for i := range logs {
		l := &logs[i]
		if l.Removed {
			continue
		}
		h := headers[l.BlockNumber]
		if h == nil {
			var err error
			if h, err = ix.src.HeaderByNumber(ctx, new(big.Int).SetUint64(l.BlockNumber)); err != nil {
				return nil, nil, err
			}
			headers[l.BlockNumber] = h
			checkpoints = append(checkpoints, ledger.Block{Number: l.BlockNumber, Hash: h.Hash()})
		}
		if h.Hash() != l.BlockHash {
			return nil, nil, fmt.Errorf("log of block %d has hash %s, the chain has %s: reorg in progress", l.BlockNumber, l.BlockHash, h.Hash())
		}
		e, ok, err := ix.event(l)
		if err != nil {
			return nil, nil, fmt.Errorf("block %d log %d: %w", l.BlockNumber, l.Index, err)
		}
		if !ok {
			continue
		}
		e.BlockNumber, e.BlockHash, e.TxHash, e.TxIndex, e.LogIndex = l.BlockNumber, l.BlockHash, l.TxHash, l.TxIndex, l.Index
		e.BlockTime = time.Unix(int64(h.Time), 0).UTC()
		events = append(events, e)
	}
	return events, checkpoints, nil
}

// event decodes one log; ok is false for events the ledger does not keep.
func (ix *Indexer) event(l *types.Log) (e ledger.Event, ok bool, err error) {
	if len(l.Topics) == 0 {
		return e, false, nil
	}
	abi := ix.coin.GetABI()
	switch l.Topics[0] {
	case abi.Events[ledger.EventTransfer].ID:
		ev, err := ix.coin.UnpackTransferEvent(l)
		if err != nil {
			return e, false, err
		}
		return ledger.Event{Name: ledger.EventTransfer, From: ev.From, To: ev.To, Amount: ev.Value}, true, nil
	case abi.Events[ledger.EventMinted].ID:
		ev, err := ix.coin.UnpackMintedEvent(l)
		if err != nil {
			return e, false, err
		}
		return ledger.Event{Name: ledger.EventMinted, To: ev.To, Amount: ev.Amount, Ref: ev.Ref}, true, nil
	case abi.Events[ledger.EventRedeemed].ID:
		ev, err := ix.coin.UnpackRedeemedEvent(l)
		if err != nil {
			return e, false, err
		}
		return ledger.Event{Name: ledger.EventRedeemed, From: ev.From, Amount: ev.Amount, Ref: ev.Ref}, true, nil
	case abi.Events[ledger.EventAuthorizationUsed].ID:
		ev, err := ix.coin.UnpackAuthorizationUsedEvent(l)
		if err != nil {
			return e, false, err
		}
		return ledger.Event{Name: ledger.EventAuthorizationUsed, From: ev.Authorizer, AuthNonce: ev.Nonce}, true, nil
	case abi.Events[ledger.EventAuthorizationCanceled].ID:
		ev, err := ix.coin.UnpackAuthorizationCanceledEvent(l)
		if err != nil {
			return e, false, err
		}
		return ledger.Event{Name: ledger.EventAuthorizationCanceled, From: ev.Authorizer, AuthNonce: ev.Nonce}, true, nil
	case abi.Events[ledger.EventRoleGranted].ID:
		ev, err := ix.coin.UnpackRoleGrantedEvent(l)
		if err != nil {
			return e, false, err
		}
		return ledger.Event{Name: ledger.EventRoleGranted, To: ev.Account, From: ev.Sender, Role: ev.Role}, true, nil
	case abi.Events[ledger.EventRoleRevoked].ID:
		ev, err := ix.coin.UnpackRoleRevokedEvent(l)
		if err != nil {
			return e, false, err
		}
		return ledger.Event{Name: ledger.EventRoleRevoked, To: ev.Account, From: ev.Sender, Role: ev.Role}, true, nil
	case abi.Events[ledger.EventPaused].ID:
		return ledger.Event{Name: ledger.EventPaused}, true, nil
	case abi.Events[ledger.EventUnpaused].ID:
		return ledger.Event{Name: ledger.EventUnpaused}, true, nil
	}
	return e, false, nil
}

// rewind finds the highest remembered block that is still on the chain and rewinds the ledger to it.
func (ix *Indexer) rewind(ctx context.Context, cur ledger.Block) error {
	below := cur.Number
	for {
		cps, err := ix.store.Checkpoints(ctx, ix.token, below, 64)
		if err != nil {
			return err
		}
		if len(cps) == 0 {
			return fmt.Errorf("reorg below every remembered block (cursor %d): the ledger needs rebuilding", cur.Number)
		}
		for _, cp := range cps {
			h, err := ix.src.HeaderByNumber(ctx, new(big.Int).SetUint64(cp.Number))
			if err != nil && !errors.Is(err, ethereum.NotFound) {
				return err
			}
			if h != nil && h.Hash() == cp.Hash {
				ix.log.Warn("chain reorganised; rewinding the ledger", "from", cur.Number, "to", cp.Number)
				ix.cursor = cp.Number
				return ix.store.Rewind(ctx, ix.token, cp)
			}
		}
		last := cps[len(cps)-1].Number
		if last == 0 {
			return fmt.Errorf("reorg below every remembered block (cursor %d): the ledger needs rebuilding", cur.Number)
		}
		below = last - 1
	}
}
