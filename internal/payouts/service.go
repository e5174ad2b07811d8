package payouts

import (
	"context"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"time"
	_ "time/tzdata" // periods and payment dates are Dutch calendar days, also on hosts without a zone database

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/calendar"
	"github.com/heerlen/heitje/internal/outbox"
)

// Options configure the service.
type Options struct {
	// Debtor is the municipality's account the bank file pays from; nil refuses the bank file
	// (ErrBankFileDisabled).
	Debtor *Debtor
	// BankFileFormat is the bank file's message; "" is pain.001.001.03.
	BankFileFormat BankFileFormat
	// FirstBlock is where the first run's block range starts (the coin's deployment block).
	FirstBlock uint64
	// MaxAttempts bounds the redeem intents written for one line when redeems revert on chain; 0 means 5.
	MaxAttempts int
	// Kick wakes the sender of a signer at once; nil leaves it to its own polling.
	Kick func(signer outbox.Signer)
	// Zone is the time zone of the calendar days; nil means Europe/Amsterdam.
	Zone *time.Location
	// Now is the clock; nil means the wall clock.
	Now func() time.Time
	// Log receives the worker's messages; nil discards them.
	Log *slog.Logger
}

// Service carries out the payout rules over a Store.
type Service struct {
	store Store
	opts  Options
}

// New returns the service. A Debtor is checked as the bank file needs it.
func New(store Store, opts Options) (*Service, error) {
	if opts.Debtor != nil {
		if err := opts.Debtor.Validate(); err != nil {
			return nil, err
		}
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 5
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
	return &Service{store: store, opts: opts}, nil
}

func (s *Service) now() time.Time { return s.opts.Now().UTC() }

// today is the current calendar day in the municipality's zone, as midnight UTC.
func (s *Service) today() time.Time {
	y, m, d := s.opts.Now().In(s.opts.Zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func require(a accounts.Actor) error {
	if !a.Has(accounts.PrivFinance) {
		return ErrForbidden
	}
	return nil
}

// RunRef is a run's opaque reference on chain: keccak256 of "payout:<id>". It ties the Redeemed events to
// the run for whoever holds the database, and tells nobody else anything.
func RunRef(runID string) common.Hash { return crypto.Keccak256Hash([]byte("payout:" + runID)) }

// Reference is the short text reference of a run, derived from its opaque reference: "HEITJE-" and the
// first six bytes in upper-case hex. The report and the bank file carry it.
func Reference(ref common.Hash) string {
	return "HEITJE-" + strings.ToUpper(hex.EncodeToString(ref[:6]))
}

// DateLayout is how dates are written: 2006-01-02.
const DateLayout = time.DateOnly

// CreateInput is a new run as finance asks for it: the period's first and last day (2006-01-02) and
// optionally the cut-off block; nil takes the indexer's last block.
type CreateInput struct {
	PeriodStart string
	PeriodEnd   string
	CutoffBlock *uint64
}

func (s *Service) parseDate(field, v string) (time.Time, error) {
	d, err := time.Parse(DateLayout, strings.TrimSpace(v))
	if err != nil {
		return time.Time{}, invalid(field, "must be a date written 2006-01-02")
	}
	if d.After(s.today()) {
		return time.Time{}, invalid(field, "must not lie in the future")
	}
	return d, nil
}

// Create makes a draft run for a period: for every activated shop the coins it holds at the cut-off block
// (less what earlier runs plan and the ledger has not yet seen burnt) become a line. It refuses a run while
// another is open (ErrRunOpen), a period that does not follow the last run's (ErrPeriodOverlap), a cut-off
// above the indexer's block or not above the last run's redeems (ErrCutoff, ErrIndexerBehind) and a run
// with nothing to pay (ErrNothingToPay). The actor needs finance. Nothing moves on chain until Execute.
func (s *Service) Create(ctx context.Context, actor accounts.Actor, in CreateInput) (Run, error) {
	if err := require(actor); err != nil {
		return Run{}, err
	}
	start, err := s.parseDate("period_start", in.PeriodStart)
	if err != nil {
		return Run{}, err
	}
	end, err := s.parseDate("period_end", in.PeriodEnd)
	if err != nil {
		return Run{}, err
	}
	if end.Before(start) {
		return Run{}, invalid("period_end", "must not lie before period_start")
	}
	var out Run
	err = s.store.InTx(ctx, func(tx Tx) error {
		if err := tx.Lock(); err != nil {
			return err
		}
		from, cutoff, err := s.blockRange(tx, start, in.CutoffBlock)
		if err != nil {
			return err
		}
		holdings, err := tx.Holdings(from, cutoff)
		if err != nil {
			return err
		}
		r := Run{ID: uuid.NewString(), PeriodStart: start, PeriodEnd: end, FromBlock: from, CutoffBlock: cutoff,
			Status: StatusDraft, CreatedBy: actor.AccountID, CreatedAt: s.now()}
		r.Ref = RunRef(r.ID)
		r.Reference = Reference(r.Ref)
		for _, h := range holdings {
			due := h.BalanceCents - h.PendingCents
			if due < 0 {
				return fmt.Errorf("%w (shop %s: holds %d, planned %d)", errInconsistentLedger, h.ShopID, h.BalanceCents, h.PendingCents)
			}
			if due == 0 {
				continue
			}
			r.Lines = append(r.Lines, Line{ID: uuid.NewString(), RunID: r.ID, ShopID: h.ShopID, ShopAddress: h.Address,
				BusinessName: h.BusinessName, Payments: h.Payments, GrossCents: h.GrossCents, Refunds: h.Refunds,
				RefundedCents: h.RefundedCents, AmountCents: due, DetailsVersion: h.DetailsVersion})
		}
		if len(r.Lines) == 0 {
			return ErrNothingToPay
		}
		out = r
		return tx.CreateRun(r)
	})
	return out, err
}

// blockRange checks a new run against the last one and the indexer and returns its block range.
func (s *Service) blockRange(tx Tx, start time.Time, want *uint64) (from, cutoff uint64, err error) {
	cursor, ok, err := tx.Cursor()
	if err != nil {
		return 0, 0, err
	}
	if !ok {
		return 0, 0, ErrIndexerBehind
	}
	cutoff, from = cursor, s.opts.FirstBlock
	if want != nil {
		if *want > cursor {
			return 0, 0, fmt.Errorf("%w: block %d lies above the indexer's block %d", ErrCutoff, *want, cursor)
		}
		cutoff = *want
	}
	last, ok, err := tx.LastRun()
	switch {
	case err != nil:
		return 0, 0, err
	case !ok && cutoff < from:
		return 0, 0, fmt.Errorf("%w: block %d lies before the coin's deployment (block %d)", ErrCutoff, cutoff, from)
	case !ok:
		return from, cutoff, nil
	}
	switch {
	case last.Status.Open():
		return 0, 0, ErrRunOpen
	case !start.After(last.PeriodEnd):
		return 0, 0, ErrPeriodOverlap
	case last.SettledBlock > cursor:
		return 0, 0, ErrIndexerBehind
	case cutoff <= last.CutoffBlock || cutoff < last.SettledBlock:
		return 0, 0, fmt.Errorf("%w: block %d does not lie above the last run's cut-off %d and redeems (block %d)",
			ErrCutoff, cutoff, last.CutoffBlock, last.SettledBlock)
	}
	return last.CutoffBlock + 1, cutoff, nil
}

// Get returns a run with its lines. The actor needs finance.
func (s *Service) Get(ctx context.Context, actor accounts.Actor, id string) (Run, error) {
	if err := require(actor); err != nil {
		return Run{}, err
	}
	return s.store.Run(ctx, id)
}

// The list sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 200
)

func clampLimit(n int) int {
	if n <= 0 {
		return DefaultLimit
	}
	return min(n, MaxLimit)
}

// List returns runs, newest period first, with their lines. The actor needs finance.
func (s *Service) List(ctx context.Context, actor accounts.Actor, limit, offset int) ([]Run, error) {
	if err := require(actor); err != nil {
		return nil, err
	}
	return s.store.Runs(ctx, clampLimit(limit), max(offset, 0))
}

// Cancel discards a draft run, so that its period can be run again; a run that was executed cannot be
// cancelled (ErrRunState). The actor needs finance.
func (s *Service) Cancel(ctx context.Context, actor accounts.Actor, id string) (Run, error) {
	if err := require(actor); err != nil {
		return Run{}, err
	}
	var out Run
	err := s.store.InTx(ctx, func(tx Tx) error {
		if err := tx.Lock(); err != nil {
			return err
		}
		r, err := tx.LockRun(id)
		if err != nil {
			return err
		}
		if r.Status != StatusDraft {
			return ErrRunState
		}
		now := s.now()
		r.Status, r.CancelledBy, r.CancelledAt = StatusCancelled, actor.AccountID, &now
		out = r
		return tx.SaveRun(r)
	})
	return out, err
}
