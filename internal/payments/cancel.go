package payments

import (
	"context"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/wakeup"
)

// Cancel ends the calling shop's open request id: it becomes cancelled, can no longer be paid
// (ErrRequestCancelled), and its event streams tell cancelled and end. It returns the request as it is
// afterwards. A request that already ended without a payment (cancelled, expired, or failed) is returned as
// it is and nothing changes, so cancelling twice answers the same, and an expired request stays expired. A
// request a resident has paid (submitted or confirmed) is ErrAlreadyPaid and nothing changes. Another
// shop's request, or one that does not exist, is ErrNotFound.
//
// Cancel and Pay lock the request's row, so when they race one of them waits for the other: either the
// request is cancelled and the payment refused, or the payment goes through and the cancel is refused.
func (s *Service) Cancel(ctx context.Context, p accounts.Principal, id string) (View, error) {
	if p.Role != accounts.RoleShop {
		return View{}, accounts.ErrForbidden
	}
	changed := false
	err := s.store.InTx(ctx, func(tx Tx) error {
		r, err := tx.LockRequest(id)
		if err != nil {
			return err
		}
		if r.ShopID != p.AccountID {
			return ErrNotFound
		}
		switch {
		case r.Status == StatusSubmitted || r.Status == StatusConfirmed:
			return ErrAlreadyPaid
		case r.Status != StatusOpen || !s.now().Before(r.ExpiresAt):
			return nil // ended unpaid already: cancelled, expired (also by this clock) or failed
		}
		changed = true
		return tx.MarkCancelled(r.ID, s.now())
	})
	if err != nil {
		return View{}, err
	}
	if changed {
		s.hub.Publish(wakeup.RequestTopic(id))
	}
	v, err := s.Get(ctx, p, id)
	if err == nil && v.Status == StatusOpen && !s.now().Before(v.ExpiresAt) {
		v.Status = StatusExpired // the database's clock is a moment behind this one
	}
	return v, err
}
