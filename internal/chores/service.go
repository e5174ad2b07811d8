package chores

import (
	"context"
	"errors"
	"log/slog"
	"time"
	_ "time/tzdata" // the cap periods are Dutch calendar months, also on hosts without a zone database

	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/calendar"
)

// Bounds is a latitude/longitude box: the municipality's area.
type Bounds struct {
	MinLat, MinLng, MaxLat, MaxLng float64
}

// Contains reports whether the point lies inside the box (edges included).
func (b Bounds) Contains(lat, lng float64) bool {
	return lat >= b.MinLat && lat <= b.MaxLat && lng >= b.MinLng && lng <= b.MaxLng
}

// Options are the rules from configuration. Zero fields take the values of DefaultOptions.
type Options struct {
	// Bounds is the area chores must lie in.
	Bounds Bounds
	// MaxRewardCents is the highest reward of one chore.
	MaxRewardCents int64
	// ProofTTL is how long a claim may wait for proof (and for more proof after a reviewer asked) before
	// it expires and gives its place and reservation back.
	ProofTTL time.Duration
	// CapMonthCents and CapYearCents are the most one resident may be rewarded per calendar month and
	// year (the Dutch volunteer-allowance limits by default).
	CapMonthCents int64
	CapYearCents  int64
	// Zone is the time zone of the calendar months and years of the caps; nil means Europe/Amsterdam.
	Zone *time.Location
	// Now is the clock; nil means the wall clock.
	Now func() time.Time
	// Log receives the worker's warnings; nil discards them.
	Log *slog.Logger
}

// DefaultOptions are the defaults: Heerlen's area, €50 per chore, 48 hours for proof, €210 a month and
// €2,100 a year.
var DefaultOptions = Options{
	Bounds:         Bounds{MinLat: 50.84, MinLng: 5.90, MaxLat: 50.92, MaxLng: 6.03},
	MaxRewardCents: 5000,
	ProofTTL:       48 * time.Hour,
	CapMonthCents:  21000,
	CapYearCents:   210000,
}

// Service carries out the chore rules over a Store and the photo files.
type Service struct {
	store Store
	files PhotoFiles
	opts  Options
}

// New returns the service.
func New(store Store, files PhotoFiles, opts Options) (*Service, error) {
	d := DefaultOptions
	if opts.Bounds == (Bounds{}) {
		opts.Bounds = d.Bounds
	}
	if opts.Bounds.MinLat >= opts.Bounds.MaxLat || opts.Bounds.MinLng >= opts.Bounds.MaxLng {
		return nil, errors.New("chores: the bounds' minimum must lie below their maximum")
	}
	if opts.MaxRewardCents <= 0 {
		opts.MaxRewardCents = d.MaxRewardCents
	}
	if opts.ProofTTL <= 0 {
		opts.ProofTTL = d.ProofTTL
	}
	if opts.CapMonthCents <= 0 {
		opts.CapMonthCents = d.CapMonthCents
	}
	if opts.CapYearCents <= 0 {
		opts.CapYearCents = d.CapYearCents
	}
	if opts.Zone == nil {
		opts.Zone = calendar.Zone()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	return &Service{store: store, files: files, opts: opts}, nil
}

func (s *Service) now() time.Time { return s.opts.Now().UTC() }

func require(a accounts.Actor, p accounts.Privilege) error {
	if !a.Has(p) {
		return ErrForbidden
	}
	return nil
}

// CreateChore puts up a new chore. The actor needs chores.manage. Creating a chore writes nothing on chain.
func (s *Service) CreateChore(ctx context.Context, actor accounts.Actor, in ChoreInput) (Chore, error) {
	if err := require(actor, accounts.PrivChoresManage); err != nil {
		return Chore{}, err
	}
	now := s.now()
	c, err := s.newChore(in, now)
	if err != nil {
		return Chore{}, err
	}
	c.ID, c.CreatedBy, c.CreatedAt, c.UpdatedAt = uuid.NewString(), actor.AccountID, now, now
	err = s.store.InTx(ctx, func(tx Tx) error {
		if err := tx.CreateChore(c); err != nil {
			return err
		}
		return tx.Audit(auditActor(actor).Entry("chore.create", "", nil, "", "chore "+c.ID+": "+DescribeChanges(Diff(Chore{}, c))))
	})
	if err != nil {
		return Chore{}, err
	}
	return c, nil
}

// UpdateChore changes a chore's fields, or closes or reopens it. Claims already made keep the reward
// they were made for; a lowered capacity or budget only stops new claims (and, for the budget, approvals
// it no longer covers). Every changed field is recorded with its old and new value, in the chore's changes
// and in the audit log, in the same transaction; whoever changes the reward, budget or places may no longer
// approve the chore's claims. A patch that changes nothing writes nothing. The actor needs chores.manage.
func (s *Service) UpdateChore(ctx context.Context, actor accounts.Actor, id string, p ChorePatch) (Chore, error) {
	if err := require(actor, accounts.PrivChoresManage); err != nil {
		return Chore{}, err
	}
	var out Chore
	err := s.store.InTx(ctx, func(tx Tx) error {
		before, err := tx.LockChore(id)
		if err != nil {
			return err
		}
		c, err := s.patch(before, p)
		if err != nil {
			return err
		}
		out = c
		cs := Diff(before, c)
		if len(cs) == 0 {
			return nil
		}
		c.UpdatedAt = s.now()
		out = c
		if err := tx.SaveChore(c); err != nil {
			return err
		}
		if err := tx.RecordChanges(c.ID, actor.AccountID, c.UpdatedAt, cs); err != nil {
			return err
		}
		return tx.Audit(auditActor(actor).Entry("chore.update", "", nil, "", "chore "+c.ID+": "+DescribeChanges(cs)))
	})
	return out, err
}

// SetTerms reports whether the actor created the chore or changed its reward, budget or places: then the
// four-eyes rule keeps them from approving its claims (ErrOwnChore).
func (s *Service) SetTerms(ctx context.Context, actor accounts.Actor, choreID string) (bool, error) {
	return s.store.TermsSetBy(ctx, choreID, actor.AccountID)
}

// OpenChores lists the chores a resident can see now: newest first, or nearest first with f.Near.
func (s *Service) OpenChores(ctx context.Context, f ListFilter) ([]Chore, error) {
	f.At = s.now()
	f.Limit = clampLimit(f.Limit)
	if f.Near != nil {
		if f.RadiusM <= 0 {
			f.RadiusM = DefaultRadiusM
		}
		if f.RadiusM > MaxRadiusM {
			return nil, invalid("radius_m", "is at most 50000")
		}
	}
	return s.store.OpenChores(ctx, f)
}

// Chore returns one chore.
func (s *Service) Chore(ctx context.Context, id string) (Chore, error) { return s.store.Chore(ctx, id) }

// AllChores lists every chore for staff, newest first. The actor needs chores.manage.
func (s *Service) AllChores(ctx context.Context, actor accounts.Actor, limit, offset int) ([]Chore, error) {
	if err := require(actor, accounts.PrivChoresManage); err != nil {
		return nil, err
	}
	return s.store.AllChores(ctx, clampLimit(limit), offset)
}

// Now is the service's clock, for callers that show a chore's state.
func (s *Service) Now() time.Time { return s.now() }

// The list sizes and search radii.
const (
	DefaultLimit   = 50
	MaxLimit       = 200
	DefaultRadiusM = 5000
	MaxRadiusM     = 50000
)

func clampLimit(n int) int {
	if n <= 0 {
		return DefaultLimit
	}
	return min(n, MaxLimit)
}
