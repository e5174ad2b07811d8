package privacy

import (
	"context"

	"github.com/heerlen/heitje/internal/accounts"
)

// Request returns one data subject's request for the privacy officer to decide, open or closed; reading
// it is audited (its details may say more about the person). An unknown id answers ErrNotFound. The actor
// needs privacy.
func (s *Service) Request(ctx context.Context, actor accounts.Actor, id string) (Request, error) {
	if err := require(actor, accounts.PrivPrivacy); err != nil {
		return Request{}, err
	}
	var out Request
	err := s.store.InTx(ctx, func(tx Tx) error {
		r, err := tx.LockRequest(id)
		if err != nil {
			return err
		}
		out = r
		return tx.Audit(s.auditActor(actor).Entry("privacy.request_read", r.AccountID, []string{"privacy_request"}, "",
			"request "+r.ID))
	})
	return out, err
}
