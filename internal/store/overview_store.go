package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/calendar"
	"github.com/heerlen/heitje/internal/overview"
)

// OverviewStore reads the console's overview figures: counts and sums only.
type OverviewStore struct {
	db *gorm.DB
}

var _ overview.Store = (*OverviewStore)(nil)

// Overview returns the store of the overview figures.
func (db *DB) Overview() *OverviewStore { return &OverviewStore{db: db.gorm} }

// CoinsPerWeek sums the indexed Minted and Redeemed events per week of their blocks' time.
func (s *OverviewStore) CoinsPerWeek(ctx context.Context, from time.Time) ([]overview.Week, error) {
	var rows []struct {
		Week     string
		Minted   int64
		Redeemed int64
	}
	err := s.db.WithContext(ctx).Raw(`SELECT to_char(date_trunc('week', block_time AT TIME ZONE @zone), 'YYYY-MM-DD') AS week,
		COALESCE(sum(amount) FILTER (WHERE event = 'Minted'), 0)::bigint AS minted,
		COALESCE(sum(amount) FILTER (WHERE event = 'Redeemed'), 0)::bigint AS redeemed
		FROM token_events WHERE event IN ('Minted', 'Redeemed') AND block_time >= @from
		GROUP BY 1 ORDER BY 1`, map[string]any{"from": from, "zone": calendar.ZoneName}).Scan(&rows).Error
	if err != nil {
		return nil, failed("OverviewStore.CoinsPerWeek", err)
	}
	out := make([]overview.Week, 0, len(rows))
	for _, r := range rows {
		start, err := time.Parse(time.DateOnly, r.Week)
		if err != nil {
			return nil, failed("OverviewStore.CoinsPerWeek", err)
		}
		out = append(out, overview.Week{Start: start, MintedCents: r.Minted, RedeemedCents: r.Redeemed})
	}
	return out, nil
}

// PaymentsPerDay counts the confirmed payments per day they were confirmed (submitted, when the sender
// recorded no time).
func (s *OverviewStore) PaymentsPerDay(ctx context.Context, from time.Time) ([]overview.Day, error) {
	var rows []struct {
		Day      string
		Payments int
		Cents    int64
	}
	err := s.db.WithContext(ctx).Raw(`SELECT to_char(COALESCE(done_at, submitted_at) AT TIME ZONE @zone, 'YYYY-MM-DD') AS day,
		count(*) AS payments, sum(amount_cents)::bigint AS cents
		FROM payment_request_states WHERE status = 'confirmed' AND COALESCE(done_at, submitted_at) >= @from
		GROUP BY 1 ORDER BY 1`, map[string]any{"from": from, "zone": calendar.ZoneName}).Scan(&rows).Error
	if err != nil {
		return nil, failed("OverviewStore.PaymentsPerDay", err)
	}
	out := make([]overview.Day, 0, len(rows))
	for _, r := range rows {
		day, err := time.Parse(time.DateOnly, r.Day)
		if err != nil {
			return nil, failed("OverviewStore.PaymentsPerDay", err)
		}
		out = append(out, overview.Day{Day: day, Payments: r.Payments, Cents: r.Cents})
	}
	return out, nil
}

// ChoreBudgets lists the newest chores that are not closed, with their counters.
func (s *OverviewStore) ChoreBudgets(ctx context.Context, now time.Time, limit int) ([]overview.ChoreBudget, error) {
	var out []overview.ChoreBudget
	err := s.db.WithContext(ctx).Raw(`SELECT id::text AS id, title, budget_cents, spent_cents, reserved_cents
		FROM chores WHERE closed_at IS NULL AND closes_at > @now ORDER BY created_at DESC, id LIMIT @limit`,
		map[string]any{"now": now, "limit": limit}).Scan(&out).Error
	return out, failed("OverviewStore.ChoreBudgets", err)
}

// QueueAge groups the submitted claims by how long ago they were submitted.
func (s *OverviewStore) QueueAge(ctx context.Context, now time.Time, bounds []int64) (overview.QueueAge, error) {
	var rows []struct {
		Grp    int
		Claims int
		Oldest time.Time
	}
	// The bounds are the service's own integers, written into the query as an array literal.
	list := make([]string, len(bounds))
	for i, b := range bounds {
		list[i] = strconv.FormatInt(b, 10)
	}
	err := s.db.WithContext(ctx).Raw(`SELECT width_bucket(extract(epoch FROM @now - submitted_at)::float8,
		ARRAY[`+strings.Join(list, ",")+`]::float8[]) AS grp, count(*) AS claims, min(submitted_at) AS oldest
		FROM claims WHERE status = 'submitted' GROUP BY 1 ORDER BY 1`, map[string]any{"now": now}).Scan(&rows).Error
	if err != nil {
		return overview.QueueAge{}, failed("OverviewStore.QueueAge", err)
	}
	q := overview.QueueAge{Groups: make([]int, len(bounds)+1)}
	for _, r := range rows {
		q.Groups[min(max(r.Grp, 0), len(bounds))] += r.Claims
		if q.Oldest == nil || r.Oldest.Before(*q.Oldest) {
			o := r.Oldest
			q.Oldest = &o
		}
	}
	return q, nil
}
