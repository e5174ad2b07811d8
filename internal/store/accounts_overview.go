package store

import (
	"context"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/outbox"
)

// CountPending counts the residents and shops awaiting approval, by role.
func (s *AccountStore) CountPending(ctx context.Context) (map[accounts.Role]int, error) {
	var rows []struct {
		Role string
		N    int
	}
	err := s.db.WithContext(ctx).Raw(`SELECT role, count(*) AS n FROM accounts
		WHERE status = 'pending' AND role <> 'staff' GROUP BY role`).Scan(&rows).Error
	if err != nil {
		return nil, failed("AccountStore.CountPending", err)
	}
	out := make(map[accounts.Role]int, len(rows))
	for _, r := range rows {
		out[accounts.Role(r.Role)] = r.N
	}
	return out, nil
}

// AwaitingActivation lists approved shops without an activation, oldest approval first, decrypting
// nothing.
func (s *AccountStore) AwaitingActivation(ctx context.Context, limit int) ([]accounts.Account, error) {
	if limit <= 0 || limit > accounts.MaxList {
		limit = accounts.MaxList
	}
	var rows []accountRow
	err := s.db.WithContext(ctx).Table("accounts AS a").
		Select("a.id::text AS id, a.role, a.username, a.status, a.created_at, a.decided_at").
		Joins("JOIN shops s ON s.account_id = a.id").
		Where("a.role = 'shop' AND a.status = 'approved' AND s.activated_at IS NULL").
		Order("a.decided_at, a.created_at, a.id").Limit(limit).Scan(&rows).Error
	if err != nil {
		return nil, failed("AccountStore.AwaitingActivation", err)
	}
	out := make([]accounts.Account, 0, len(rows))
	for _, r := range rows {
		out = append(out, accounts.Account{ID: r.ID, Role: accounts.Role(r.Role), Username: r.Username,
			Status: accounts.Status(r.Status), CreatedAt: r.CreatedAt, DecidedAt: r.DecidedAt})
	}
	return out, nil
}

// Intent finds the chain intent with an idempotency key; outbox.ErrNotFound when there is none.
func (s *AccountStore) Intent(ctx context.Context, key string) (outbox.Intent, error) {
	return (&OutboxStore{db: s.db}).ByIdempotencyKey(ctx, key)
}
