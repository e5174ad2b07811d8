package privacy

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
)

// Cell is one aggregate: a month, a group (a neighbourhood, a shop category), the number of distinct people
// behind it and the totals. The store counts People without the erased stand-in and leaves out everyone
// who restricted processing or objected to analytics.
type Cell struct {
	Month  string `json:"month"`
	Group  string `json:"group"`
	People int    `json:"-"`
	Count  *int64 `json:"count"`
	Cents  *int64 `json:"cents"`
	// Suppressed is true when fewer than k people are behind the cell: its numbers are left out.
	Suppressed bool `json:"suppressed"`
}

// Aggregate is one anonymised dataset (seed 000 §20: only data not traceable to a person, minimised, made
// by others than who collected it).
type Aggregate struct {
	Dataset      string `json:"dataset"`
	Description  string `json:"description"`
	GroupBy      string `json:"group_by"`
	From         string `json:"from"`
	To           string `json:"to"`
	MinGroupSize int    `json:"min_group_size"`
	Cells        []Cell `json:"cells"`
	Suppressed   int    `json:"suppressed_cells"`
}

var monthPattern = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])$`)

// months reads an inclusive range of months YYYY-MM (default: the last twelve, this month included) and
// returns its start and its end (exclusive) in the municipality's time.
func (s *Service) months(from, to string) (time.Time, time.Time, error) {
	now := s.now().In(amsterdam)
	this := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, amsterdam)
	start, end := this.AddDate(0, -11, 0), this.AddDate(0, 1, 0)
	if from != "" {
		if !monthPattern.MatchString(from) {
			return start, end, invalid("from", "must be a month: YYYY-MM")
		}
		start, _ = time.ParseInLocation("2006-01", from, amsterdam)
	}
	if to != "" {
		if !monthPattern.MatchString(to) {
			return start, end, invalid("to", "must be a month: YYYY-MM")
		}
		t, _ := time.ParseInLocation("2006-01", to, amsterdam)
		end = t.AddDate(0, 1, 0)
	}
	if !end.After(start) || end.Sub(start) > 5*366*24*time.Hour {
		return start, end, invalid("to", "must not lie before from, and the range spans at most five years")
	}
	return start, end, nil
}

// Earnings is chores done and coins earned per neighbourhood (the chore's area) per month: claims approved
// in the month, their rewards in cents.
func (s *Service) Earnings(ctx context.Context, actor accounts.Actor, from, to string) (Aggregate, error) {
	return s.aggregate(ctx, actor, from, to, Aggregate{Dataset: "earnings", GroupBy: "neighbourhood",
		Description: "Chores done (claims approved) and coins earned (cents) per neighbourhood of the chore, per month"},
		s.store.Earnings)
}

// Spending is coins spent per shop category per month: confirmed payments and their amounts in cents.
func (s *Service) Spending(ctx context.Context, actor accounts.Actor, from, to string) (Aggregate, error) {
	return s.aggregate(ctx, actor, from, to, Aggregate{Dataset: "spending", GroupBy: "shop_category",
		Description: "Payments confirmed and coins spent (cents) per shop category, per month"},
		s.store.Spending)
}

// aggregate runs one dataset for an analyst: never the staff who collected the data (ErrCollector), cells
// about fewer than k people suppressed, the run audited. The actor needs analytics.
func (s *Service) aggregate(ctx context.Context, actor accounts.Actor, from, to string, out Aggregate,
	read func(context.Context, time.Time, time.Time) ([]Cell, error)) (Aggregate, error) {
	if err := require(actor, accounts.PrivAnalytics); err != nil {
		return Aggregate{}, err
	}
	start, end, err := s.months(from, to)
	if err != nil {
		return Aggregate{}, err
	}
	collected, err := s.store.Collected(ctx, actor.AccountID)
	if err != nil {
		return Aggregate{}, err
	}
	if collected {
		return Aggregate{}, ErrCollector
	}
	cells, err := read(ctx, start, end)
	if err != nil {
		return Aggregate{}, err
	}
	out.From, out.To, out.MinGroupSize = start.Format("2006-01"), end.AddDate(0, -1, 0).Format("2006-01"), s.opts.MinGroupSize
	out.Cells = make([]Cell, 0, len(cells))
	for _, c := range cells {
		if c.People < s.opts.MinGroupSize {
			c.Count, c.Cents, c.Suppressed = nil, nil, true
			out.Suppressed++
		}
		out.Cells = append(out.Cells, c)
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		return tx.Audit(s.auditActor(actor).Entry("analytics.export", "", nil, "", fmt.Sprintf("dataset=%s from=%s to=%s k=%d cells=%d suppressed=%d",
			out.Dataset, out.From, out.To, out.MinGroupSize, len(out.Cells), out.Suppressed)))
	})
	return out, err
}
