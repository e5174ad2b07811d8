// Package overview gives staff the figures the console draws as charts: coins minted and redeemed per
// week and payments per day (finance), each open chore's budget used (chores.manage) and how long the
// submitted claims have waited for a reviewer (chores.review). Every figure is a count or a sum over many
// people; none names anyone. Amounts are in cents; weeks and days are Heerlen's.
package overview

import (
	"context"
	"errors"
	"time"
	_ "time/tzdata" // weeks and days are Dutch calendar days, also on hosts without a zone database

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/calendar"
)

// ErrForbidden means the actor lacks the privilege the figure belongs to.
var ErrForbidden = errors.New("overview: not allowed")

// Week is one calendar week (Monday to Sunday): the coins minted as rewards and redeemed in payouts, in
// cents, by the indexed Minted and Redeemed events of blocks made in it.
type Week struct {
	Start         time.Time
	MintedCents   int64
	RedeemedCents int64
}

// Day is one calendar day: the payments confirmed on it and their sum in cents.
type Day struct {
	Day      time.Time
	Payments int
	Cents    int64
}

// ChoreBudget is a chore that is not closed: its budget, the rewards approved (spent) and those held by
// open claims (reserved), in cents.
type ChoreBudget struct {
	ID            string
	Title         string
	BudgetCents   int64
	SpentCents    int64
	ReservedCents int64
}

// UsedCents is what the chore has committed of its budget.
func (c ChoreBudget) UsedCents() int64 { return c.SpentCents + c.ReservedCents }

// QueueAgeBounds are the upper bounds of the review queue's age groups; the last group is everything older.
var QueueAgeBounds = []time.Duration{24 * time.Hour, 48 * time.Hour, 72 * time.Hour, 7 * 24 * time.Hour}

// QueueAge is the review queue: the submitted claims per age group (len(QueueAgeBounds)+1 groups, youngest
// first) and when the oldest was submitted (nil for an empty queue).
type QueueAge struct {
	Groups []int
	Oldest *time.Time
}

// Waiting is the number of claims in the queue.
func (q QueueAge) Waiting() int {
	n := 0
	for _, g := range q.Groups {
		n += g
	}
	return n
}

// Store reads the figures.
type Store interface {
	// CoinsPerWeek sums the Minted and Redeemed events per week (weeks starting Monday in Europe/Amsterdam)
	// of blocks made at or after from; weeks without events are left out.
	CoinsPerWeek(ctx context.Context, from time.Time) ([]Week, error)
	// PaymentsPerDay counts and sums the payments confirmed per day (Europe/Amsterdam) at or after from;
	// days without payments are left out.
	PaymentsPerDay(ctx context.Context, from time.Time) ([]Day, error)
	// ChoreBudgets lists at most limit chores that are neither closed nor past their closing at now,
	// newest first.
	ChoreBudgets(ctx context.Context, now time.Time, limit int) ([]ChoreBudget, error)
	// QueueAge counts the submitted claims per age group at now (bounds in seconds, ascending).
	QueueAge(ctx context.Context, now time.Time, bounds []int64) (QueueAge, error)
}

// Options tune the service.
type Options struct {
	// Weeks and Days are how far the charts look back; 0 means 12 weeks and 14 days.
	Weeks, Days int
	// Chores bounds the chores shown; 0 means 12.
	Chores int
	// Now is the clock; nil means the wall clock.
	Now func() time.Time
}

// Service reads the figures for staff who hold the privilege each belongs to.
type Service struct {
	store Store
	opts  Options
	zone  *time.Location
}

// New returns the service.
func New(store Store, opts Options) *Service {
	if opts.Weeks <= 0 {
		opts.Weeks = 12
	}
	if opts.Days <= 0 {
		opts.Days = 14
	}
	if opts.Chores <= 0 {
		opts.Chores = 12
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Service{store: store, opts: opts, zone: calendar.Zone()}
}

func require(a accounts.Actor, p accounts.Privilege) error {
	if !a.Has(p) {
		return ErrForbidden
	}
	return nil
}

// today is the start of the current day in Heerlen.
func (s *Service) today() time.Time {
	y, m, d := s.opts.Now().In(s.zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, s.zone)
}

// CoinsPerWeek returns the last weeks (the current one last), every week present, with the coins minted
// and redeemed in it. The actor needs finance.
func (s *Service) CoinsPerWeek(ctx context.Context, actor accounts.Actor) ([]Week, error) {
	if err := require(actor, accounts.PrivFinance); err != nil {
		return nil, err
	}
	today := s.today()
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	from := monday.AddDate(0, 0, -7*(s.opts.Weeks-1))
	rows, err := s.store.CoinsPerWeek(ctx, from)
	if err != nil {
		return nil, err
	}
	byDay := map[string]Week{}
	for _, w := range rows {
		byDay[w.Start.Format(time.DateOnly)] = w
	}
	out := make([]Week, s.opts.Weeks)
	for i := range out {
		start := from.AddDate(0, 0, 7*i)
		w := byDay[start.Format(time.DateOnly)]
		w.Start = start
		out[i] = w
	}
	return out, nil
}

// PaymentsPerDay returns the last days (today last), every day present, with the payments confirmed on it.
// The actor needs finance.
func (s *Service) PaymentsPerDay(ctx context.Context, actor accounts.Actor) ([]Day, error) {
	if err := require(actor, accounts.PrivFinance); err != nil {
		return nil, err
	}
	from := s.today().AddDate(0, 0, -(s.opts.Days - 1))
	rows, err := s.store.PaymentsPerDay(ctx, from)
	if err != nil {
		return nil, err
	}
	byDay := map[string]Day{}
	for _, d := range rows {
		byDay[d.Day.Format(time.DateOnly)] = d
	}
	out := make([]Day, s.opts.Days)
	for i := range out {
		day := from.AddDate(0, 0, i)
		d := byDay[day.Format(time.DateOnly)]
		d.Day = day
		out[i] = d
	}
	return out, nil
}

// ChoreBudgets returns the newest chores that still take claims or will, with their budget used. The
// actor needs chores.manage.
func (s *Service) ChoreBudgets(ctx context.Context, actor accounts.Actor) ([]ChoreBudget, error) {
	if err := require(actor, accounts.PrivChoresManage); err != nil {
		return nil, err
	}
	return s.store.ChoreBudgets(ctx, s.opts.Now().UTC(), s.opts.Chores)
}

// QueueAge returns how long the submitted claims have waited, per group of QueueAgeBounds. The actor needs
// chores.review.
func (s *Service) QueueAge(ctx context.Context, actor accounts.Actor) (QueueAge, error) {
	if err := require(actor, accounts.PrivChoresReview); err != nil {
		return QueueAge{}, err
	}
	bounds := make([]int64, len(QueueAgeBounds))
	for i, b := range QueueAgeBounds {
		bounds[i] = int64(b / time.Second)
	}
	return s.store.QueueAge(ctx, s.opts.Now().UTC(), bounds)
}
