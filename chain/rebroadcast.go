package chain

// The sender's fees and rebroadcasts: transactions that go long without a receipt are sent again, and
// replaced with a higher fee when the base fee has outgrown their cap.

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/heerlen/heitje/internal/outbox"
)

// rebroadcastStale sends again the transactions that have gone long without a receipt, replacing those whose
// fee cap no longer covers the base fee. What it stores it also notes in the sender's in-flight list.
func (s *Sender) rebroadcastStale(ctx context.Context, waiting []outbox.Intent) error {
	var stale []outbox.Intent
	for _, in := range waiting {
		if time.Since(in.SentAt) >= s.RebroadcastAfter {
			stale = append(stale, in)
		}
	}
	if len(stale) == 0 {
		return nil
	}
	baseFee, err := s.baseFee(ctx)
	if err != nil {
		return err
	}
	for i, in := range stale {
		var tx types.Transaction
		if err := tx.UnmarshalBinary(in.RawTx); err != nil {
			return fmt.Errorf("intent %d: stored transaction unreadable: %w", in.ID, err)
		}
		if tx.GasFeeCap().Cmp(baseFee) >= 0 {
			continue
		}
		bumped, err := s.sign(tx.Nonce(), tx.To(), tx.Data(), tx.Gas(), bump(tx.GasTipCap()), maxBig(bump(tx.GasFeeCap()), feeCap(baseFee, bump(tx.GasTipCap()))))
		if err != nil {
			return err
		}
		raw, _ := bumped.MarshalBinary()
		if err := s.store.Replace(ctx, in.ID, bumped.Hash(), raw); err != nil {
			return err
		}
		s.log.Info("replacing an underpriced transaction", "intent", in.ID, "nonce", tx.Nonce())
		stale[i].PriorTxHashes = append(slices.Clone(in.PriorTxHashes), in.TxHash)
		stale[i].RawTx, stale[i].TxHash = raw, bumped.Hash()
	}
	ids := make([]int64, len(stale))
	for i, in := range stale {
		ids[i] = in.ID
	}
	if err := s.store.Touch(ctx, ids); err != nil {
		return err
	}
	now := time.Now()
	byID := map[int64]outbox.Intent{}
	for _, in := range stale {
		in.SentAt, in.Attempts = now, in.Attempts+1
		byID[in.ID] = in
	}
	for i, in := range s.inflight {
		if upd, ok := byID[in.ID]; ok {
			s.inflight[i] = upd
		}
	}
	rebroadcasts.WithLabelValues(string(s.name)).Add(float64(len(stale)))
	return s.broadcast(ctx, stale)
}

func (s *Sender) baseFee(ctx context.Context) (*big.Int, error) {
	h, err := s.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, err
	}
	if h.BaseFee == nil {
		return new(big.Int), nil
	}
	return h.BaseFee, nil
}

// feeCap leaves room for the base fee to double before a transaction needs replacing.
func feeCap(baseFee, tip *big.Int) *big.Int {
	return new(big.Int).Add(new(big.Int).Mul(baseFee, big.NewInt(2)), tip)
}

// bump raises a fee by 12.5 % (geth wants at least 10 % to replace a pending transaction), rounding up.
func bump(v *big.Int) *big.Int {
	b := new(big.Int).Mul(v, big.NewInt(9))
	b.Add(b, big.NewInt(7))
	return b.Div(b, big.NewInt(8))
}

func maxBig(a, b *big.Int) *big.Int {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}
