package reconcile

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/ledger"
)

// trace runs after a difference: it compares every holder's balance row and events with the chain's balance
// at the block, and the events of the holders whose events disagree with the chain log by log with the
// chain's Transfer logs, naming the rows that differ.
func (r *Reconciler) trace(ctx context.Context, snap Snapshot, rep *Report) error {
	if len(snap.Holders) == 0 {
		return nil
	}
	addrs := make([]common.Address, len(snap.Holders))
	for i, h := range snap.Holders {
		addrs[i] = h.Address
	}
	onChain, err := r.chain.BalancesAt(ctx, addrs, snap.Block)
	if err != nil {
		return err
	}
	var suspects []Holder
	for i, h := range snap.Holders {
		c := onChain[i]
		if h.Balance.Cmp(c) != 0 {
			rep.Differences = append(rep.Differences, Difference{Check: CheckChainBalance, Subject: subject(h), Block: snap.Block,
				Detail: fmt.Sprintf("token_balances says %s, the chain says %s at block %d", h.Balance, c, snap.Block)})
		}
		if h.FromEvents.Cmp(c) != 0 {
			rep.Differences = append(rep.Differences, Difference{Check: CheckChainEvents, Subject: subject(h), Block: h.LastBlock,
				Detail: fmt.Sprintf("its indexed Transfer events add up to %s, the chain says %s at block %d", h.FromEvents, c, snap.Block)})
			suspects = append(suspects, h)
		}
	}
	seen := map[logKey]bool{}
	for _, h := range suspects[:min(len(suspects), r.opts.MaxTraced)] {
		db, err := r.store.Transfers(ctx, h.Address, snap.Block)
		if err != nil {
			return err
		}
		ch, err := r.chain.Transfers(ctx, h.Address, snap.Block)
		if err != nil {
			return err
		}
		for _, d := range compareLogs(db, ch) {
			if !seen[d.key] {
				seen[d.key] = true
				rep.Differences = append(rep.Differences, Difference{Check: CheckChainTransferLog, Subject: subject(h),
					Block: d.key.block, Detail: d.detail})
			}
		}
	}
	return nil
}

type logKey struct {
	block uint64
	log   uint
}

type logDiff struct {
	key    logKey
	detail string
}

// compareLogs lines up the database's and the chain's Transfer events by block and log index.
func compareLogs(db, chain []ledger.Event) []logDiff {
	onChain := map[logKey]ledger.Event{}
	for _, e := range chain {
		onChain[logKey{e.BlockNumber, e.LogIndex}] = e
	}
	var out []logDiff
	inDB := map[logKey]bool{}
	for _, e := range db {
		k := logKey{e.BlockNumber, e.LogIndex}
		inDB[k] = true
		c, ok := onChain[k]
		switch {
		case !ok:
			out = append(out, logDiff{k, fmt.Sprintf("token_events has a Transfer at block %d log %d (tx %s, %s) that is not on chain",
				k.block, k.log, e.TxHash.Hex(), describeTransfer(e))})
		case c.TxHash != e.TxHash || c.From != e.From || c.To != e.To || amount(c).Cmp(amount(e)) != 0:
			out = append(out, logDiff{k, fmt.Sprintf("token_events row at block %d log %d (tx %s) says %s; the chain says %s",
				k.block, k.log, e.TxHash.Hex(), describeTransfer(e), describeTransfer(c))})
		}
	}
	for _, c := range chain {
		if k := (logKey{c.BlockNumber, c.LogIndex}); !inDB[k] {
			out = append(out, logDiff{k, fmt.Sprintf("the chain has a Transfer at block %d log %d (tx %s, %s) that token_events lacks",
				k.block, k.log, c.TxHash.Hex(), describeTransfer(c))})
		}
	}
	return out
}

func amount(e ledger.Event) *big.Int {
	if e.Amount == nil {
		return new(big.Int)
	}
	return e.Amount
}

func describeTransfer(e ledger.Event) string {
	return fmt.Sprintf("%s from %s to %s", amount(e), strings.ToLower(e.From.Hex()), strings.ToLower(e.To.Hex()))
}
