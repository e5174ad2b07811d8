package reconcile

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
)

// ErrNothingIndexed means the indexer has not stored a block yet, so there is nothing to reconcile.
var ErrNothingIndexed = errors.New("reconcile: the indexer has not indexed any block yet")

// The checks, as the report names them.
const (
	CheckSupplyBalances   = "supply = balances"
	CheckBalancesLedger   = "balances = minted - redeemed"
	CheckSupplyLedger     = "supply = minted - redeemed"
	CheckHolders          = "balances = residents + shops + treasury"
	CheckBalanceRow       = "balance row = its events"
	CheckEventPairs       = "mint/redeem event = its transfer"
	CheckPayouts          = "payout line = its redeem"
	CheckChainBalance     = "balance row = chain"
	CheckChainEvents      = "events = chain"
	CheckChainTransferLog = "transfer log = chain"
)

// Reconcile runs every check at the indexer's cursor and reports the differences; after a difference it
// compares every holder with the chain to name the rows that differ. An error means a check could not run
// (database or node unreachable), not that it failed.
func (r *Reconciler) Reconcile(ctx context.Context) (Report, error) { return r.run(ctx, true) }

// Check runs the checks of Reconcile on the ledger and the chain's total supply, without the comparison
// holder by holder with the chain after a difference (one call per holder: `heitje reconcile` does that).
// It is what the periodic job runs.
func (r *Reconciler) Check(ctx context.Context) (Report, error) { return r.run(ctx, false) }

func (r *Reconciler) run(ctx context.Context, trace bool) (Report, error) {
	snap, err := r.store.Snapshot(ctx, TreasuryRole)
	if err != nil {
		return Report{}, err
	}
	if !snap.Indexed {
		return Report{}, ErrNothingIndexed
	}
	rep := Report{Block: snap.Block, Balances: snap.SumBalances, Minted: snap.Minted, Redeemed: snap.Redeemed,
		Residents: new(big.Int), Shops: new(big.Int), Treasury: new(big.Int), Other: new(big.Int), Holders: len(snap.Holders)}
	if rep.Supply, err = r.chain.TotalSupplyAt(ctx, snap.Block); err != nil {
		return Report{}, fmt.Errorf("total supply at block %d: %w", snap.Block, err)
	}
	net := new(big.Int).Sub(snap.Minted, snap.Redeemed)
	add := func(check, subject string, block uint64, format string, args ...any) {
		rep.Differences = append(rep.Differences, Difference{Check: check, Subject: subject, Block: block, Detail: fmt.Sprintf(format, args...)})
	}
	if rep.Supply.Cmp(snap.SumBalances) != 0 {
		add(CheckSupplyBalances, "total", snap.Block, "the chain's total supply is %s, the indexed balances add up to %s", rep.Supply, snap.SumBalances)
	}
	if snap.SumBalances.Cmp(net) != 0 {
		add(CheckBalancesLedger, "total", snap.Block, "the indexed balances add up to %s, the ledger's Minted less Redeemed events to %s (%s - %s)",
			snap.SumBalances, net, snap.Minted, snap.Redeemed)
	}
	if rep.Supply.Cmp(net) != 0 {
		add(CheckSupplyLedger, "total", snap.Block, "the chain's total supply is %s, the ledger's Minted less Redeemed events %s", rep.Supply, net)
	}
	for _, h := range snap.Holders {
		r.classify(&rep, &h)
		switch {
		case h.Balance.Cmp(h.FromEvents) != 0:
			add(CheckBalanceRow, subject(h), h.LastBlock, "token_balances says %s, its Transfer events up to block %d add up to %s",
				h.Balance, snap.Block, h.FromEvents)
		case h.Kind == KindOther && h.Balance.Sign() != 0:
			add(CheckHolders, subject(h), h.LastBlock, "holds %s but is neither a resident, a shop nor the treasury", h.Balance)
		}
	}
	for _, u := range snap.Unpaired {
		add(CheckEventPairs, strings.ToLower(u.Address.Hex()), u.BlockNumber, "%s", describeUnpaired(u))
	}
	for _, m := range snap.Payouts {
		add(CheckPayouts, strings.ToLower(m.Shop.Hex())+" run "+m.Reference, m.BlockNumber, "%s", describePayout(m))
	}
	for _, m := range snap.Mints {
		add(CheckMints, mintSubject(m), m.BlockNumber, "%s", describeMint(m))
	}
	if trace && !rep.OK() {
		if err := r.trace(ctx, snap, &rep); err != nil {
			return rep, fmt.Errorf("comparing with the chain: %w", err)
		}
	}
	return rep, nil
}

// classify adds a holder's balance to its kind's total; the configured treasury addresses count as such.
func (r *Reconciler) classify(rep *Report, h *Holder) {
	if slices.Contains(r.opts.Treasury, h.Address) {
		h.Kind = KindTreasury
	}
	switch h.Kind {
	case KindResident:
		rep.Residents.Add(rep.Residents, h.Balance)
	case KindShop:
		rep.Shops.Add(rep.Shops, h.Balance)
	case KindTreasury:
		rep.Treasury.Add(rep.Treasury, h.Balance)
	default:
		rep.Other.Add(rep.Other, h.Balance)
	}
}

// subject names a holder: its address, and its kind and account when it has one.
func subject(h Holder) string {
	s := strings.ToLower(h.Address.Hex()) + " (" + h.Kind
	if h.AccountID != "" {
		s += " " + h.AccountID
	}
	return s + ")"
}

func describeUnpaired(u Unpaired) string {
	where := fmt.Sprintf("tx %s log %d", u.TxHash.Hex(), u.LogIndex)
	switch {
	case u.Amount == nil:
		return fmt.Sprintf("a %s of %s at %s has no Minted or Redeemed event", "Transfer", u.TransferAmount, where)
	case u.TransferAmount == nil:
		return fmt.Sprintf("the %s event of %s at %s has no Transfer beside it", u.Event, u.Amount, where)
	}
	return fmt.Sprintf("the %s event at %s says %s, its Transfer %s", u.Event, where, u.Amount, u.TransferAmount)
}

func describePayout(m PayoutMismatch) string {
	switch {
	case m.LineCents == nil:
		return fmt.Sprintf("a Redeemed event of %s belongs to no payout line", m.RedeemedCents)
	case m.RedeemedCents == nil:
		return fmt.Sprintf("the line of %s is recorded as redeemed but the ledger has no Redeemed event for it", m.LineCents)
	case m.Redeems > 1:
		return fmt.Sprintf("the line of %s was redeemed %d times", m.LineCents, m.Redeems)
	}
	return fmt.Sprintf("the line redeems %s, its Redeemed event says %s", m.LineCents, m.RedeemedCents)
}
