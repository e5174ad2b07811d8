package payments

import (
	"context"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
)

// The history's page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 200
)

// History lists the caller's payments, newest first, each with its refunds: for a resident the payments
// they made, for a shop the payments it received. Requests that nobody paid are not in it.
func (s *Service) History(ctx context.Context, p accounts.Principal, limit, offset int) ([]Request, error) {
	f := HistoryFilter{Limit: limit, Offset: max(offset, 0)}
	if f.Limit <= 0 {
		f.Limit = DefaultLimit
	}
	f.Limit = min(f.Limit, MaxLimit)
	switch p.Role {
	case accounts.RoleResident:
		f.PayerID = p.AccountID
	case accounts.RoleShop:
		f.ShopID = p.AccountID
	default:
		return nil, accounts.ErrForbidden
	}
	return s.store.History(ctx, f)
}

// DateLayout is how the takings' date is written: 2006-01-02.
const DateLayout = time.DateOnly

// Takings returns the calling shop's takings of one calendar day in the municipality's time zone (today
// when date is ""): the payments confirmed that day and the refunds confirmed that day, in cents.
func (s *Service) Takings(ctx context.Context, p accounts.Principal, date string) (Takings, error) {
	if p.Role != accounts.RoleShop {
		return Takings{}, accounts.ErrForbidden
	}
	var day time.Time
	if date == "" {
		now := s.now().In(s.opts.Zone)
		day = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, s.opts.Zone)
	} else {
		var err error
		if day, err = time.ParseInLocation(DateLayout, date, s.opts.Zone); err != nil {
			return Takings{}, invalid("date", "must be a date written 2006-01-02")
		}
	}
	t, err := s.store.Takings(ctx, p.AccountID, day.UTC(), day.AddDate(0, 0, 1).UTC())
	if err != nil {
		return Takings{}, err
	}
	t.Date = day.Format(DateLayout)
	t.NetCents = t.GrossCents - t.RefundedCents
	return t, nil
}
