package payouts

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/idempotency"
	"github.com/heerlen/heitje/internal/outbox"
)

// RedeemSigner is the key that redeems payouts: it holds REDEEMER_ROLE.
const RedeemSigner = outbox.SignerOperator

// RedeemIntent is the outbox intent that burns a line's coins: redeem(shop, cents, RunRef), sent by the
// operator key and keyed "payout:<run>:<shop>" so that it is written once however often execution runs.
// A later attempt (after a redeem reverted on chain and burnt nothing) appends ":<attempt>".
func RedeemIntent(r Run, l Line, attempt int) outbox.Intent {
	key := "payout:" + r.ID + ":" + l.ShopID
	if attempt > 1 {
		key += fmt.Sprintf(":%d", attempt)
	}
	return outbox.Intent{Signer: RedeemSigner, Kind: outbox.KindRedeem, IdempotencyKey: key,
		Args: outbox.Args{From: l.ShopAddress, Amount: big.NewInt(l.AmountCents), Ref: r.Ref}}
}

// Execute carries out a reviewed draft: under the run's row lock it moves the run to executing, fixes the
// report's hash and writes one redeem intent per line, all in one transaction, and wakes the operator's
// sender. Executing a run a second time is refused (ErrAlreadyExecuted), unless it is a replay under the same
// idempotency key, which answers the run as it is now; the key ("" for none) is stored with the redeems and
// belongs to this run only (ErrIdempotencyConflict). A draft some shop of which no longer holds its line's
// coins is refused too (ErrBalanceChanged: cancel it and make a new one). The run becomes executed when the
// worker (Settle) sees every redeem confirmed. The actor needs finance.
func (s *Service) Execute(ctx context.Context, actor accounts.Actor, id, idempotencyKey string) (Run, error) {
	if err := require(actor); err != nil {
		return Run{}, err
	}
	if len(idempotencyKey) > MaxIdempotencyKeyLen {
		return Run{}, invalid("Idempotency-Key", "has at most 255 characters")
	}
	var (
		out    Run
		replay bool
	)
	err := s.store.InTx(ctx, func(tx Tx) error {
		if err := tx.Lock(); err != nil {
			return err
		}
		r, err := tx.LockRun(id)
		if err != nil {
			return err
		}
		if replay, err = isReplay(tx, actor, r, idempotencyKey); err != nil || replay {
			out = r
			return err
		}
		switch r.Status {
		case StatusDraft:
		case StatusExecuting, StatusExecuted, StatusPaid:
			return ErrAlreadyExecuted
		default:
			return ErrRunState
		}
		if err := s.checkCoins(tx, r); err != nil {
			return err
		}
		if err := fixReportHash(&r); err != nil {
			return err
		}
		now := s.now()
		r.Status, r.ExecutedBy, r.ExecuteStartedAt = StatusExecuting, actor.AccountID, &now
		if err := tx.SaveRun(r); err != nil {
			return err
		}
		for i := range r.Lines {
			if err := writeRedeem(tx, r, &r.Lines[i], 1); err != nil {
				return err
			}
		}
		out = r
		if idempotencyKey == "" {
			return nil
		}
		return tx.SaveIdempotency(idempotency.Record{AccountID: actor.AccountID, Key: idempotencyKey,
			RequestHash: executeHash(r.ID), Resource: "payout:" + r.ID, IntentID: r.Lines[0].IntentID})
	})
	if err == nil && !replay && s.opts.Kick != nil {
		s.opts.Kick(RedeemSigner)
	}
	return out, err
}

// MaxIdempotencyKeyLen is the longest idempotency key kept.
const MaxIdempotencyKeyLen = 255

// executeHash is the request hash stored with an execution's idempotency key.
func executeHash(runID string) []byte {
	h := sha256.Sum256([]byte("POST /v1/admin/payouts/" + runID + "/execute"))
	return h[:]
}

// isReplay reports whether the actor already executed this run under the key; the key of another request
// is refused.
func isReplay(tx Tx, actor accounts.Actor, r Run, key string) (bool, error) {
	if key == "" {
		return false, nil
	}
	_, replay, err := idempotency.Replay(tx, actor.AccountID, key, executeHash(r.ID))
	return replay, err
}

// checkCoins refuses to redeem more than a shop holds now, less what is already on its way out of it.
func (s *Service) checkCoins(tx Tx, r Run) error {
	addrs := make([]common.Address, len(r.Lines))
	for i, l := range r.Lines {
		addrs[i] = l.ShopAddress
	}
	have, err := tx.Spendable(addrs)
	if err != nil {
		return err
	}
	for _, l := range r.Lines {
		if have[l.ShopAddress] < l.AmountCents {
			return fmt.Errorf("%w (shop %s: %d of %d cents)", ErrBalanceChanged, l.ShopID, have[l.ShopAddress], l.AmountCents)
		}
	}
	return nil
}

// fixReportHash stores the report's hash with the run, or checks it against the one stored at the first
// generation.
func fixReportHash(r *Run) error {
	csv, err := Report(*r)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(csv)
	if r.ReportSHA256 != nil && !bytes.Equal(r.ReportSHA256, sum[:]) {
		return ErrReportMismatch
	}
	r.ReportSHA256 = sum[:]
	return nil
}

func writeRedeem(tx Tx, r Run, l *Line, attempt int) error {
	in, err := tx.Enqueue(RedeemIntent(r, *l, attempt))
	if err != nil {
		return err
	}
	l.IntentID, l.Attempts, l.IntentStatus, l.IntentError = in.ID, attempt, in.Status, ""
	return tx.SaveLine(*l)
}

// Run keeps executing runs moving until ctx ends: every interval it records confirmed redeems, tries a
// reverted one again and marks a run executed once all its redeems are confirmed. Each step is idempotent
// and holds the run's row lock, so any number of API instances may run it side by side, and a run
// interrupted half-way (a crash, a node outage) simply finishes. Errors are logged and retried.
func (s *Service) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := s.Settle(ctx); err != nil && ctx.Err() == nil {
			s.opts.Log.Warn("payouts worker round failed; retrying", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Settle runs one round of the worker and reports how many runs became executed.
func (s *Service) Settle(ctx context.Context) (int, error) {
	ids, err := s.store.ExecutingRuns(ctx)
	if err != nil {
		return 0, err
	}
	done := 0
	for _, id := range ids {
		ok, err := s.settle(ctx, id)
		if err != nil {
			return done, fmt.Errorf("run %s: %w", id, err)
		}
		if ok {
			done++
		}
	}
	return done, nil
}

func (s *Service) settle(ctx context.Context, id string) (bool, error) {
	var executed, retried bool
	err := s.store.InTx(ctx, func(tx Tx) error {
		r, err := tx.LockRun(id)
		if err != nil || r.Status != StatusExecuting {
			return err
		}
		all, top := true, uint64(0)
		for i := range r.Lines {
			l := &r.Lines[i]
			switch {
			case l.RedeemedBlock != 0:
			case l.IntentStatus == outbox.StatusConfirmed:
				l.RedeemedBlock, l.RedeemTx = l.IntentBlock, l.IntentTx
				if err := tx.SaveLine(*l); err != nil {
					return err
				}
			case l.IntentStatus == outbox.StatusFailed && l.Attempts < s.opts.MaxAttempts:
				s.opts.Log.Warn("a payout redeem reverted on chain; trying again", "run", r.ID, "intent", l.IntentID, "attempt", l.Attempts+1)
				if err := writeRedeem(tx, r, l, l.Attempts+1); err != nil {
					return err
				}
				retried = true
			}
			if l.RedeemedBlock == 0 {
				all = false
			}
			top = max(top, l.RedeemedBlock)
		}
		if !all {
			return nil
		}
		now := s.now()
		r.Status, r.ExecutedAt, r.SettledBlock = StatusExecuted, &now, top
		executed = true
		s.opts.Log.Info("payout run executed", "run", r.ID, "lines", len(r.Lines), "settled_block", top)
		return tx.SaveRun(r)
	})
	if retried && s.opts.Kick != nil {
		s.opts.Kick(RedeemSigner)
	}
	return executed, err
}
