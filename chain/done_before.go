package chain

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/heerlen/heitje/internal/outbox"
)

// errReferenceUsed is the contract's ReferenceUsed error: a mint, or a redeem from the same holder, already used
// the intent's reference.
const errReferenceUsed = "ReferenceUsed"

// alreadyDone counts the intents found carried out on chain under their reference by an earlier transaction.
var alreadyDone = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "heitje_chain_intents_already_done_total",
	Help: "Mints and redeems found already carried out on chain under their reference (after a database restore, say), recorded with that transaction instead of being sent.",
}, []string{"signer"})

// doneBefore is what the chain says about an intent whose reference was used before: the event of the earlier
// transaction, whether it moved exactly what the intent asks, and whether it is deep enough to count.
type doneBefore struct {
	log     *types.Log
	matches bool
	final   bool
}

// refScoped reports whether an intent's kind carries a reference the contract accepts once: mints per
// reference, redeems per holder and reference.
func refScoped(k outbox.Kind) bool { return k == outbox.KindMint || k == outbox.KindRedeem }

// findDoneBefore looks for the Minted (or Redeemed) event with the intent's holder and reference. That event is
// the intent already carried out by an earlier transaction, for example one sent before the database was
// restored to a point that did not yet record it. It returns a nil log when the chain has no such event (yet:
// the earlier transaction may still be pending).
func (s *Sender) findDoneBefore(ctx context.Context, in outbox.Intent) (doneBefore, error) {
	name, holder := "Minted", in.Args.To
	if in.Kind == outbox.KindRedeem {
		name, holder = "Redeemed", in.Args.From
	}
	ev, ok := s.token.coin.GetABI().Events[name]
	if !ok {
		return doneBefore{}, fmt.Errorf("chain: the contract has no %s event", name)
	}
	head, err := s.client.BlockNumber(ctx)
	if err != nil {
		return doneBefore{}, err
	}
	logs, err := s.client.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int), ToBlock: new(big.Int).SetUint64(head), Addresses: []common.Address{s.token.Address},
		Topics: [][]common.Hash{{ev.ID}, {common.BytesToHash(holder.Bytes())}, {in.Args.Ref}},
	})
	if err != nil {
		return doneBefore{}, fmt.Errorf("finding the %s event of reference %s: %w", name, in.Args.Ref.Hex(), err)
	}
	for i := range logs {
		l := &logs[i]
		if l.Removed || len(l.Data) != 32 {
			continue
		}
		want := in.Args.Amount
		if want == nil {
			want = new(big.Int)
		}
		return doneBefore{log: l, matches: new(big.Int).SetBytes(l.Data).Cmp(want) == 0,
			final: l.BlockNumber+s.Confirmations <= head}, nil
	}
	return doneBefore{}, nil
}

// settleDoneBefore decides a queued mint or redeem whose pre-check reverted with ReferenceUsed. When the chain
// holds the event of exactly this movement, deep enough, the intent is confirmed with that event's transaction:
// it happened, once, and must not happen again. Otherwise (the event is still pending or too recent, or the
// reference moved another holder's coins or another amount) the intent waits, with the reason, and nothing is
// sent: the contract would refuse it anyway, and a reference moves coins once.
func (s *Sender) settleDoneBefore(ctx context.Context, in outbox.Intent) (*outbox.Outcome, error) {
	d, err := s.findDoneBefore(ctx, in)
	if err != nil {
		return nil, err
	}
	switch {
	case d.log != nil && d.matches && d.final:
		s.log.Info("intent already carried out on chain under its reference; recording that transaction",
			"intent", in.ID, "kind", in.Kind, "tx", d.log.TxHash, "block", d.log.BlockNumber)
		alreadyDone.WithLabelValues(string(s.name)).Inc()
		return &outbox.Outcome{IntentID: in.ID, Status: outbox.StatusConfirmed, TxHash: d.log.TxHash, BlockNumber: d.log.BlockNumber}, nil
	case d.log != nil && d.matches:
		return nil, s.store.Postpone(ctx, in.ID, "reference used by transaction "+d.log.TxHash.Hex()+"; waiting for its confirmations",
			time.Now().Add(s.PollInterval))
	case d.log != nil:
		s.log.Error("reference already used by a different movement; the intent waits", "intent", in.ID, "kind", in.Kind,
			"tx", d.log.TxHash, "block", d.log.BlockNumber)
		postponed.WithLabelValues(string(s.name)).Inc()
		return nil, s.store.Postpone(ctx, in.ID, "pre-check: ReferenceUsed by transaction "+d.log.TxHash.Hex()+
			" with another recipient or amount", time.Now().Add(RetryRevertedAfter))
	default:
		s.log.Warn("reference already used but its event is not on chain yet; the intent waits", "intent", in.ID, "kind", in.Kind)
		postponed.WithLabelValues(string(s.name)).Inc()
		return nil, s.store.Postpone(ctx, in.ID, "pre-check: ReferenceUsed; its transaction is not mined yet",
			time.Now().Add(RetryRevertedAfter))
	}
}

// doneBeforeReceipt tells, for a mint or redeem whose own transaction reverted, whether another transaction
// carried it out under its reference (the pre-check passed, then an earlier transaction with the reference was
// mined first). It returns the outcome to record instead of a failure, or nil.
func (s *Sender) doneBeforeReceipt(ctx context.Context, in outbox.Intent, r *receipt) (*outbox.Outcome, error) {
	if !refScoped(in.Kind) {
		return nil, nil
	}
	d, err := s.findDoneBefore(ctx, in)
	if err != nil || d.log == nil || !d.matches || d.log.TxHash == r.TxHash || d.log.BlockNumber > r.BlockNumber {
		return nil, err
	}
	alreadyDone.WithLabelValues(string(s.name)).Inc()
	s.log.Info("intent's transaction reverted because an earlier one carried it out; recording that one",
		"intent", in.ID, "kind", in.Kind, "tx", d.log.TxHash, "block", d.log.BlockNumber)
	return &outbox.Outcome{IntentID: in.ID, Status: outbox.StatusConfirmed, TxHash: d.log.TxHash, BlockNumber: d.log.BlockNumber}, nil
}
