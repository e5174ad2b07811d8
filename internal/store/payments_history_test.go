package store

import (
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/payments"
)

// TestHistoryFilters: a shop's and a payer's payments narrowed to a submission period and to a reference,
// exactly; requests nobody paid stay out.
func TestHistoryFilters(t *testing.T) {
	f := newPaymentFixture(t)
	day := time.Date(2026, 5, 4, 22, 0, 0, 0, time.UTC) // 5 May in Heerlen
	type paid struct {
		ref string
		at  time.Time
	}
	ids := map[paid]string{}
	for _, p := range []paid{{"bon 1", day}, {"bon 2", day.Add(23*time.Hour + 59*time.Minute)}, {"bon 1", day.Add(24 * time.Hour)},
		{"BON 1", day.Add(time.Hour)}, {"", day.Add(-time.Second)}} {
		r := f.request(t, 10, time.Hour)
		if _, err := f.pay(r.ID, f.residentID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.db.SQL().Exec(`UPDATE payment_requests SET reference = $2, submitted_at = $3 WHERE id = $1`, r.ID, p.ref, p.at); err != nil {
			t.Fatal(err)
		}
		ids[p] = r.ID
	}
	unpaid := f.request(t, 10, time.Hour)
	if _, err := f.db.SQL().Exec(`UPDATE payment_requests SET reference = 'bon 1' WHERE id = $1`, unpaid.ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		f    payments.HistoryFilter
		want []paid
	}{
		{"the day", payments.HistoryFilter{From: day, To: day.Add(24 * time.Hour)},
			[]paid{{"bon 2", day.Add(23*time.Hour + 59*time.Minute)}, {"BON 1", day.Add(time.Hour)}, {"bon 1", day}}},
		{"the reference", payments.HistoryFilter{Reference: "bon 1"}, []paid{{"bon 1", day.Add(24 * time.Hour)}, {"bon 1", day}}},
		{"both", payments.HistoryFilter{From: day, To: day.Add(24 * time.Hour), Reference: "bon 1"}, []paid{{"bon 1", day}}},
		{"no match", payments.HistoryFilter{Reference: "bon"}, nil},
	} {
		for _, who := range []string{"shop", "payer"} {
			hf := c.f
			hf.Limit = 50
			if who == "shop" {
				hf.ShopID = f.shop.ID
			} else {
				hf.PayerID = f.residentID
			}
			got, err := f.s.History(f.ctx, hf)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(c.want) {
				t.Fatalf("%s (%s): %d payments, want %d", c.name, who, len(got), len(c.want))
			}
			for i, w := range c.want {
				if got[i].ID != ids[w] {
					t.Errorf("%s (%s): payment %d is %s %q %v, want %q %v", c.name, who, i, got[i].ID, got[i].Reference, got[i].SubmittedAt, w.ref, w.at)
				}
			}
		}
	}
}
