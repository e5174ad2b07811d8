package accounts

import (
	"context"
	"errors"
	"slices"
)

// Usernames returns the usernames of the accounts with these ids (residents, shops and staff alike), for
// console pages that list records by account id: the open recoveries, who verified and approved one. An
// unknown or empty id is left out of the map. The actor needs accounts.approve; the look is one audit entry
// (accounts.list, field username) with subject (the person the page is about, "" for a list) and detail
// saying which page asked.
func (s *Service) Usernames(ctx context.Context, actor Actor, subject, detail string, ids ...string) (map[string]string, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return nil, err
	}
	ids = slices.DeleteFunc(slices.Compact(slices.Sorted(slices.Values(ids))), func(id string) bool { return id == "" })
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		a, err := s.store.ByID(ctx, id)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[id] = a.Username
	}
	if len(out) == 0 {
		return out, nil
	}
	err := s.store.InTx(ctx, func(tx Tx) error {
		return tx.Audit(actor.audit().Entry("accounts.list", subject, []string{"username"}, "", detail))
	})
	return out, err
}
