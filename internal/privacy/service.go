package privacy

import (
	"errors"
	"log/slog"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
)

// PhotoFiles is the folder of proof photos; *photos.Store is one.
type PhotoFiles interface {
	// Read returns a stored photo's bytes.
	Read(name string) ([]byte, error)
	// Remove deletes a stored photo; removing one that is gone is not an error.
	Remove(name string) error
	// List names every stored photo with the time it was written.
	List() ([]StoredFile, error)
}

// StoredFile is one file of the photo folder.
type StoredFile struct {
	Name    string
	ModTime time.Time
}

// Options are the rules from configuration. Zero fields take the defaults.
type Options struct {
	// Retention is the period of each data category.
	Retention Retention
	// MinGroupSize is k: an analytics cell about fewer people than this is suppressed (default 10).
	MinGroupSize int
	// Contact is the controller's address for privacy questions (default heitje@heerlen.nl, seed 000 §33).
	Contact string
	// Version is the application's version, for the register's "application" field.
	Version string
	// Now is the clock; nil means the wall clock.
	Now func() time.Time
	// Log receives what the retention job did (counts only, never personal data); nil discards it.
	Log *slog.Logger
}

// DefaultMinGroupSize is the smallest group an analytics cell may describe.
const DefaultMinGroupSize = 10

// DefaultContact is where residents send privacy questions.
const DefaultContact = "heitje@heerlen.nl"

// Service carries out the privacy rules over a Store, the photo folder and the datasets the platform
// declared. It makes no chain call: it has no chain client.
type Service struct {
	store    Store
	files    PhotoFiles
	datasets []Dataset
	opts     Options
}

// New returns the service. files may be nil when no proof photos are kept (then exports carry none and
// erasure removes none).
func New(store Store, files PhotoFiles, datasets []Dataset, opts Options) (*Service, error) {
	if len(datasets) == 0 {
		return nil, errors.New("privacy: no datasets declared")
	}
	opts.Retention = opts.Retention.withDefaults()
	if opts.MinGroupSize <= 0 {
		opts.MinGroupSize = DefaultMinGroupSize
	}
	if opts.MinGroupSize < 2 {
		return nil, errors.New("privacy: the minimum group size must be at least 2")
	}
	if opts.Contact == "" {
		opts.Contact = DefaultContact
	}
	if opts.Version == "" {
		opts.Version = "development"
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	return &Service{store: store, files: files, datasets: datasets, opts: opts}, nil
}

func (s *Service) now() time.Time { return s.opts.Now().UTC() }

func require(a accounts.Actor, p accounts.Privilege) error {
	if !a.Has(p) {
		return ErrForbidden
	}
	return nil
}

// clocked is an audit actor whose entries carry the service's clock, so that what the retention job does and
// what it prunes are measured by one clock.
type clocked struct {
	audit.Actor
	now func() time.Time
}

// Entry returns an entry of the actor's action, timestamped by the service's clock.
func (c clocked) Entry(action, subjectID string, fields []string, reason, detail string) audit.Entry {
	e := c.Actor.Entry(action, subjectID, fields, reason, detail)
	e.At = c.now()
	return e
}

// auditActor is the staff member of a request as the audit log records them.
func (s *Service) auditActor(a accounts.Actor) clocked {
	return clocked{Actor: audit.Actor{ID: a.AccountID, Username: a.Username, RequestID: a.RequestID, SourceIP: a.SourceIP}, now: s.now}
}

// platform is the platform itself as an actor: the retention job.
func (s *Service) platform() clocked { return clocked{now: s.now} }

// removeFiles deletes photo files after the transaction that dropped their rows committed. A file that
// cannot be removed now is an orphan the retention job sweeps up.
func (s *Service) removeFiles(names []string) int {
	n := 0
	for _, name := range names {
		if s.files == nil {
			break
		}
		if err := s.files.Remove(name); err != nil {
			s.opts.Log.Warn("cannot remove a proof photo file; the retention job will", "err", err)
			continue
		}
		n++
	}
	return n
}
