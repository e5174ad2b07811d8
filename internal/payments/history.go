package payments

import (
	"context"
	"strings"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
)

// The history's page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 200
)

// HistoryQuery narrows the caller's payments. Date is a calendar day written 2006-01-02 in the
// municipality's time zone (the zone of the takings): the payments submitted (paid by the resident) that
// day. Reference is a request's reference exactly as the shop gave it (leading and trailing spaces
// ignored, as when it was stored); only shops may filter on it. "" leaves either out. Limit (at most
// MaxLimit; 0 is DefaultLimit) and Offset page through the result.
type HistoryQuery struct {
	Date      string
	Reference string
	Limit     int
	Offset    int
}

// History lists the caller's payments, newest first, each with its refunds: for a resident the payments
// they made, for a shop the payments it received. Requests that nobody paid are not in it. A Date or
// Reference that is not well-formed, or a Reference from a resident, is a validation error.
func (s *Service) History(ctx context.Context, p accounts.Principal, q HistoryQuery) ([]Request, error) {
	f := HistoryFilter{Limit: q.Limit, Offset: max(q.Offset, 0)}
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
	if q.Date != "" {
		day, err := s.day(q.Date)
		if err != nil {
			return nil, err
		}
		f.From, f.To = day.UTC(), day.AddDate(0, 0, 1).UTC()
	}
	if ref := strings.TrimSpace(q.Reference); ref != "" {
		if p.Role != accounts.RoleShop {
			return nil, invalid("reference", "filters a shop's payments only")
		}
		if !validReference(ref) {
			return nil, invalid("reference", "has at most 64 printable characters")
		}
		f.Reference = ref
	}
	return s.store.History(ctx, f)
}

// DateLayout is how the takings' date is written: 2006-01-02.
const DateLayout = time.DateOnly

// day is midnight at the start of a calendar day in the municipality's zone: of date (2006-01-02), or of
// today when date is "".
func (s *Service) day(date string) (time.Time, error) {
	if date == "" {
		now := s.now().In(s.opts.Zone)
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, s.opts.Zone), nil
	}
	day, err := time.ParseInLocation(DateLayout, date, s.opts.Zone)
	if err != nil {
		return time.Time{}, invalid("date", "must be a date written 2006-01-02")
	}
	return day, nil
}

// Takings returns the calling shop's takings of one calendar day in the municipality's time zone (today
// when date is ""): the payments confirmed that day and the refunds confirmed that day, in cents.
func (s *Service) Takings(ctx context.Context, p accounts.Principal, date string) (Takings, error) {
	if p.Role != accounts.RoleShop {
		return Takings{}, accounts.ErrForbidden
	}
	day, err := s.day(date)
	if err != nil {
		return Takings{}, err
	}
	t, err := s.store.Takings(ctx, p.AccountID, day.UTC(), day.AddDate(0, 0, 1).UTC())
	if err != nil {
		return Takings{}, err
	}
	t.Date = day.Format(DateLayout)
	t.NetCents = t.GrossCents - t.RefundedCents
	return t, nil
}
