package recovery

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
)

// Settle does the chain's part of every approved or cancelling recovery, once: it learns from the contract
// when a confirmed request may be carried out, writes the execution once that time has come (never for one the
// lost key cancelled), relays a cancellation once its request is on chain, and ends a recovery when its
// execution or cancellation is final: an executed one switches the account's binding to the new address in the
// same transaction. Each step is an outbox intent keyed by the recovery, written under the recovery's row
// lock, so any number of processes may run it side by side and a crash only leaves less to do. It returns
// how many recoveries changed.
func (s *Service) Settle(ctx context.Context) (int, error) {
	due, err := s.store.Due(ctx, MaxList)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, d := range due {
		changed, err := s.settle(ctx, d)
		if err != nil {
			return n, fmt.Errorf("recovery %s: %w", d.ID, err)
		}
		if changed {
			n++
		}
	}
	return n, nil
}

// needsChain reports whether settling r needs the contract's view of it: when its request is confirmed and
// its time is not known yet, or when its execution or cancellation failed.
func needsChain(r Recovery) bool {
	return (r.RequestStatus == outbox.StatusConfirmed && r.ExecutableAt == nil) ||
		r.ExecuteStatus == outbox.StatusFailed || r.CancelStatus == outbox.StatusFailed
}

func (s *Service) settle(ctx context.Context, d Recovery) (bool, error) {
	var on OnChain
	if needsChain(d) {
		var err error
		if on, err = s.chain.Recovery(ctx, d.Ref()); err != nil {
			return false, err
		}
	}
	changed := false
	err := s.store.InTx(ctx, func(tx Tx) error {
		r, err := tx.Lock(d.ID)
		if err != nil {
			return err
		}
		if r.Status != StatusApproved && r.Status != StatusCancelling {
			return nil
		}
		now := s.now()
		platform := audit.Actor{}
		end := func(st Status, why string) error {
			r.Status, r.DoneAt, r.Error = st, &now, why
			changed = true
			if err := tx.Save(r); err != nil {
				return err
			}
			if st == StatusCancelled {
				if err := tx.Notify(notices.RecoveryCancelled(r.AccountID, r.ID)); err != nil {
					return err
				}
			}
			detail := "recovery " + r.ID + ": " + string(st)
			if why != "" {
				detail += " (" + why + ")"
			}
			return tx.Audit(platform.Entry("recovery."+string(st), r.AccountID, nil, "", detail))
		}
		switch {
		case r.ExecuteStatus == outbox.StatusConfirmed:
			// The coins moved: the account is bound to the new address from now on.
			if err := tx.SwitchWallet(r.AccountID, r.From, r.To); err != nil {
				return err
			}
			r.Status, r.DoneAt = StatusExecuted, &now
			changed = true
			if err := tx.Save(r); err != nil {
				return err
			}
			return tx.Audit(platform.Entry("recovery.executed", r.AccountID, []string{"wallet_address"}, "",
				"recovery "+r.ID+": the coins moved to the new address, to which the account is now bound"))
		case r.CancelStatus == outbox.StatusConfirmed:
			return end(StatusCancelled, "")
		case r.RequestStatus == outbox.StatusFailed:
			if r.Status == StatusCancelling {
				return end(StatusCancelled, "")
			}
			return end(StatusFailed, "the contract refused the request")
		case r.ExecuteStatus == outbox.StatusFailed || r.CancelStatus == outbox.StatusFailed:
			if (r.ExecuteIntentID != 0 && !final(r.ExecuteStatus)) || (r.CancelIntentID != 0 && !final(r.CancelStatus)) {
				return nil // the other one decides: an execution and a cancellation raced
			}
			switch {
			case on.Cancelled:
				return end(StatusCancelled, "")
			case on.Executed:
				// Carried out under the reference by a transaction the outbox does not know; the binding
				// follows the execute intent, so wait for staff to look.
				return end(StatusFailed, "the contract reports the recovery executed by another transaction")
			case r.CancelStatus == outbox.StatusFailed:
				return end(StatusFailed, "the contract refused the cancellation")
			}
			return end(StatusFailed, "the contract refused the execution")
		case r.RequestStatus != outbox.StatusConfirmed:
			return nil // the request is on its way
		case r.Status == StatusCancelling:
			if r.CancelIntentID != 0 {
				return nil
			}
			in, err := tx.Enqueue(CancelIntent(r, r.CancelSignature))
			if err != nil {
				return err
			}
			r.CancelIntentID, changed = in.ID, true
			return tx.Save(r)
		case r.ExecutableAt == nil:
			if !on.Pending && !on.Cancelled && !on.Executed {
				return fmt.Errorf("the request is confirmed but the contract knows no recovery %s", r.Ref().Hex())
			}
			at := on.ExecutableAt.UTC()
			r.ExecutableAt, changed = &at, true
			if on.Cancelled {
				// Cancelled on chain directly by the lost key's holder, not through the platform.
				return end(StatusCancelled, "")
			}
			// Approved and on chain: the resident hears when the coins move unless the old key cancels.
			if err := tx.Notify(notices.RecoveryApproved(r.AccountID, r.ID, at)); err != nil {
				return err
			}
			return tx.Save(r)
		case r.ExecuteIntentID == 0 && !now.Before(*r.ExecutableAt):
			in, err := tx.Enqueue(ExecuteIntent(r))
			if err != nil {
				return err
			}
			r.ExecuteIntentID, changed = in.ID, true
			if err := tx.Save(r); err != nil {
				return err
			}
			return tx.Audit(platform.Entry("recovery.execute", r.AccountID, nil, "",
				"recovery "+r.ID+": the delay is over; execute_recovery intent "+in.IdempotencyKey))
		}
		return nil
	})
	return changed, err
}

func final(st outbox.Status) bool { return st == outbox.StatusConfirmed || st == outbox.StatusFailed }

// Run runs Settle now and every interval until ctx ends; errors are logged and the next round tries again.
func (s *Service) Run(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := s.Settle(ctx); err != nil && ctx.Err() == nil {
			log.Warn("recoveries round failed; retrying", "err", err)
		} else if n > 0 {
			log.Info("recoveries moved on", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
