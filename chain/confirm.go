package chain

// The sender's confirming side: after each new block it finds the receipts of its in-flight transactions
// (one eth_getBlockReceipts per block, shared by the process's senders) and records their outcome once they
// have the configured confirmations.

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/internal/outbox"
)

// confirm looks up receipts of the in-flight intents when a new block arrived (or always when force).
func (s *Sender) confirm(ctx context.Context, force bool) error {
	head, err := s.client.BlockNumber(ctx)
	if err != nil {
		return err
	}
	inflight := s.inflight
	if head == s.lastHead && !force {
		return s.rebroadcastStale(ctx, inflight)
	}
	if len(inflight) == 0 {
		s.lastHead, s.scanned = head, head
		return nil
	}
	// The nonce at head is read before the receipts: every nonce below it was mined at or before head,
	// so its receipt must be visible by the time we ask for it.
	nonceAtHead, err := s.client.NonceAt(ctx, s.addr, new(big.Int).SetUint64(head))
	if err != nil {
		return err
	}
	// Only nonces below the one at head can have been mined: the others need no receipt lookup yet.
	var mined []outbox.Intent
	for _, in := range inflight {
		if *in.Nonce < nonceAtHead {
			mined = append(mined, in)
		}
	}
	receipts, err := s.receipts(ctx, mined, head)
	if err != nil {
		return err
	}
	var done []outbox.Outcome
	// still are the intents that stay in flight after this round: all but the finished and the requeued.
	var waiting, still []outbox.Intent
	for _, in := range inflight {
		r := receipts[in.ID]
		switch {
		case r != nil && r.BlockNumber+s.Confirmations <= head:
			o := outbox.Outcome{IntentID: in.ID, Status: outbox.StatusConfirmed, TxHash: r.TxHash, BlockNumber: r.BlockNumber}
			if r.Status != types.ReceiptStatusSuccessful {
				o.Status, o.Error = outbox.StatusFailed, s.revertReason(ctx, in, r)
				earlier, err := s.doneBeforeReceipt(ctx, in, r)
				if err != nil {
					return err
				}
				if earlier != nil {
					o = *earlier
				}
			}
			done = append(done, o)
			delete(s.suspects, in.ID)
		case r != nil:
			// Mined, waiting for confirmations.
			still = append(still, in)
		case *in.Nonce < nonceAtHead:
			// The nonce is used but none of our transactions for it has a receipt: another transaction took it.
			// Only after seeing that on two different heads is the intent queued again for a new nonce.
			if s.suspects[in.ID]++; s.suspects[in.ID] >= 2 {
				s.log.Warn("nonce taken by a foreign transaction; queueing the intent again", "intent", in.ID, "nonce", *in.Nonce)
				if err := s.store.Requeue(ctx, in.ID, "nonce used by another transaction"); err != nil {
					return err
				}
				delete(s.suspects, in.ID)
				continue
			}
			still = append(still, in)
		default:
			waiting = append(waiting, in)
			still = append(still, in)
		}
	}
	if err := s.store.Finish(ctx, done); err != nil {
		return err
	}
	recordOutcomes(s.name, done)
	s.inflight = still
	s.lastHead = head
	return s.rebroadcastStale(ctx, waiting)
}

// receipts finds the receipts of the mined intents, keyed by intent id. It searches the blocks that arrived
// since the last search (shared with the process's other senders, one eth_getBlockReceipts per block) and
// asks by transaction hash only for intents not found there: those mined before a restart or a long pause,
// and those still waiting for confirmations, whose block may have been replaced since.
func (s *Sender) receipts(ctx context.Context, ins []outbox.Intent, head uint64) (map[int64]*receipt, error) {
	out := map[int64]*receipt{}
	if len(ins) == 0 {
		s.scanned = head
		return out, nil
	}
	want := map[common.Hash]int64{}
	for _, in := range ins {
		for _, h := range in.Hashes() {
			want[h] = in.ID
		}
	}
	from := s.scanned + 1
	if s.scanned == 0 || head-s.scanned > receiptsKept {
		from = head + 1
	}
	for b := from; b <= head; b++ {
		rs, err := s.client.blockReceipts(ctx, b)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if id, ok := want[r.TxHash]; ok {
				out[id] = r
			}
		}
	}
	s.scanned = head
	type ask struct {
		id int64
		r  *receipt
	}
	var asks []*ask
	var batch []rpc.BatchElem
	for _, in := range ins {
		if out[in.ID] != nil {
			continue
		}
		for _, h := range in.Hashes() {
			a := &ask{id: in.ID}
			asks = append(asks, a)
			batch = append(batch, rpc.BatchElem{Method: "eth_getTransactionReceipt", Args: []any{h}, Result: &a.r})
		}
	}
	if err := s.batchCall(ctx, batch); err != nil {
		return nil, err
	}
	for i, a := range asks {
		if batch[i].Error != nil {
			return nil, batch[i].Error
		}
		if a.r != nil {
			out[a.id] = a.r
		}
	}
	return out, nil
}

func (s *Sender) batchCall(ctx context.Context, batch []rpc.BatchElem) error {
	const max = 500
	for i := 0; i < len(batch); i += max {
		if err := s.client.RPC.BatchCallContext(ctx, batch[i:min(i+max, len(batch))]); err != nil {
			return err
		}
	}
	return nil
}
