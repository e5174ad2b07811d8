package store

import (
	"context"
	"fmt"
	"time"

	"github.com/heerlen/heitje/internal/calendar"
	"github.com/heerlen/heitje/internal/privacy"
)

// notRestricted leaves out a person (the column given) who restricted processing or objected to analytics.
const notRestricted = `NOT EXISTS (SELECT 1 FROM restrictions r WHERE r.account_id = %s AND r.lifted_at IS NULL
	AND r.scope IN ('all', 'analytics'))`

type cellRow struct {
	Month  string
	Grp    string
	People int
	Count  int64
	Cents  int64
}

func cells(rows []cellRow) []privacy.Cell {
	out := make([]privacy.Cell, len(rows))
	for i, r := range rows {
		count, cents := r.Count, r.Cents
		out[i] = privacy.Cell{Month: r.Month, Group: r.Grp, People: r.People, Count: &count, Cents: &cents}
	}
	return out
}

// Earnings counts claims approved in [from, to) and sums their rewards, per month (the municipality's time zone) and
// neighbourhood of the chore. People counts distinct residents, the erased stand-in not among them.
func (s *PrivacyStore) Earnings(ctx context.Context, from, to time.Time) ([]privacy.Cell, error) {
	var rows []cellRow
	err := s.g.WithContext(ctx).Raw(`SELECT to_char(cl.decided_at AT TIME ZONE @zone, 'YYYY-MM') AS month,
		ch.area AS grp, count(DISTINCT cl.resident_id) FILTER (WHERE cl.resident_id <> @erased) AS people,
		count(*) AS count, sum(cl.reward_cents)::bigint AS cents
		FROM claims cl JOIN chores ch ON ch.id = cl.chore_id
		WHERE cl.status IN ('approved', 'rewarded') AND cl.decided_at >= @from AND cl.decided_at < @to
		AND `+fmt.Sprintf(notRestricted, "cl.resident_id")+`
		GROUP BY 1, 2 ORDER BY 1, 2`, map[string]any{"from": from, "to": to, "erased": privacy.ErasedAccountID,
		"zone": calendar.ZoneName}).Scan(&rows).Error
	return cells(rows), failed("PrivacyStore.Earnings", err)
}

// Spending counts confirmed payments made in [from, to) and sums their amounts, per month and shop category.
// People counts distinct payers, the erased stand-in not among them; payments of people or to shops that
// restricted processing or objected to analytics are left out.
func (s *PrivacyStore) Spending(ctx context.Context, from, to time.Time) ([]privacy.Cell, error) {
	var rows []cellRow
	err := s.g.WithContext(ctx).Raw(`SELECT to_char(p.submitted_at AT TIME ZONE @zone, 'YYYY-MM') AS month,
		sh.category AS grp, count(DISTINCT p.payer_id) FILTER (WHERE p.payer_id <> @erased) AS people,
		count(*) AS count, sum(p.amount_cents)::bigint AS cents
		FROM payment_request_states p JOIN shops sh ON sh.account_id = p.shop_id
		WHERE p.status = 'confirmed' AND p.submitted_at >= @from AND p.submitted_at < @to
		AND `+fmt.Sprintf(notRestricted, "p.payer_id")+` AND `+fmt.Sprintf(notRestricted, "p.shop_id")+`
		GROUP BY 1, 2 ORDER BY 1, 2`, map[string]any{"from": from, "to": to, "erased": privacy.ErasedAccountID,
		"zone": calendar.ZoneName}).Scan(&rows).Error
	return cells(rows), failed("PrivacyStore.Spending", err)
}
