package payments

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
)

// filterStore records the filter History asks the store for.
type filterStore struct {
	Store
	got *HistoryFilter
}

func (f filterStore) History(_ context.Context, h HistoryFilter) ([]Request, error) {
	*f.got = h
	return nil, nil
}

// TestHistoryQuery: a date selects the payments submitted on that Dutch calendar day (23 hours on the day
// summer time starts), a reference is matched exactly after trimming and only for shops, and malformed
// values are validation errors naming their field.
func TestHistoryQuery(t *testing.T) {
	var got HistoryFilter
	s, err := New(filterStore{got: &got}, Options{PublicBaseURL: "https://heitje.heerlen.nl"})
	if err != nil {
		t.Fatal(err)
	}
	shop := accounts.Principal{AccountID: "1a000000-0000-4000-8000-000000000001", Role: accounts.RoleShop}
	resident := accounts.Principal{AccountID: "2b000000-0000-4000-8000-000000000002", Role: accounts.RoleResident}
	utc := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	for _, c := range []struct {
		who      accounts.Principal
		q        HistoryQuery
		from, to time.Time
		ref      string
		field    string
	}{
		{who: shop, q: HistoryQuery{}},
		{who: shop, q: HistoryQuery{Date: "2026-01-15"}, from: utc("2026-01-14T23:00:00Z"), to: utc("2026-01-15T23:00:00Z")},
		{who: shop, q: HistoryQuery{Date: "2026-03-29"}, from: utc("2026-03-28T23:00:00Z"), to: utc("2026-03-29T22:00:00Z")},
		{who: resident, q: HistoryQuery{Date: "2026-07-01"}, from: utc("2026-06-30T22:00:00Z"), to: utc("2026-07-01T22:00:00Z")},
		{who: shop, q: HistoryQuery{Reference: "  bon 42 "}, ref: "bon 42"},
		{who: shop, q: HistoryQuery{Date: "2026-01-15", Reference: "bon 42"}, from: utc("2026-01-14T23:00:00Z"), to: utc("2026-01-15T23:00:00Z"), ref: "bon 42"},
		{who: shop, q: HistoryQuery{Reference: "   "}},
		{who: shop, q: HistoryQuery{Date: "15-01-2026"}, field: "date"},
		{who: shop, q: HistoryQuery{Date: "2026-02-30"}, field: "date"},
		{who: shop, q: HistoryQuery{Date: "vandaag"}, field: "date"},
		{who: shop, q: HistoryQuery{Reference: strings.Repeat("x", 65)}, field: "reference"},
		{who: shop, q: HistoryQuery{Reference: "bon\n42"}, field: "reference"},
		{who: resident, q: HistoryQuery{Reference: "bon 42"}, field: "reference"},
	} {
		got = HistoryFilter{}
		_, err := s.History(context.Background(), c.who, c.q)
		var ve *ValidationError
		switch {
		case c.field != "" && (!errors.As(err, &ve) || ve.Field != c.field):
			t.Errorf("%+v: %v, want a validation error of %s", c.q, err, c.field)
		case c.field == "" && err != nil:
			t.Errorf("%+v: %v", c.q, err)
		case c.field == "" && (!got.From.Equal(c.from) || !got.To.Equal(c.to) || got.Reference != c.ref):
			t.Errorf("%+v: filter [%s, %s) %q, want [%s, %s) %q", c.q, got.From, got.To, got.Reference, c.from, c.to, c.ref)
		case c.field == "" && (c.who.Role == accounts.RoleShop) != (got.ShopID == c.who.AccountID && got.PayerID == ""):
			t.Errorf("%+v: filter of shop %q payer %q", c.q, got.ShopID, got.PayerID)
		}
	}
	if _, err := s.History(context.Background(), accounts.Principal{AccountID: "x", Role: accounts.RoleStaff}, HistoryQuery{}); !errors.Is(err, accounts.ErrForbidden) {
		t.Fatalf("staff: %v", err)
	}
}
