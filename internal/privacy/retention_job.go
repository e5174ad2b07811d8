package privacy

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var retentionDuration = promauto.NewHistogram(prometheus.HistogramOpts{
	Name: "heitje_retention_duration_seconds", Help: "How long the periodic retention runs took, completed or not.",
	Buckets: prometheus.ExponentialBuckets(0.01, 2, 12),
})

// RetentionReport is what one run of the retention job did, per category, in numbers only.
type RetentionReport struct {
	RanAt time.Time `json:"ran_at"`
	// Skipped is true when another process was running the job.
	Skipped bool             `json:"skipped,omitempty"`
	Counts  map[string]int64 `json:"counts"`
	// Blocked counts inactive accounts left alone because coin movements or claims are under way.
	Blocked int64 `json:"blocked"`
}

// Changed reports whether the run removed or anonymised anything.
func (r RetentionReport) Changed() bool {
	for _, n := range r.Counts {
		if n > 0 {
			return true
		}
	}
	return false
}

// String lists the counts in a fixed order, for logs and the audit log.
func (r RetentionReport) String() string {
	keys := make([]string, 0, len(r.Counts))
	for k := range r.Counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys)+1)
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%d", k, r.Counts[k]))
	}
	return strings.Join(append(parts, fmt.Sprintf("blocked=%d", r.Blocked)), " ")
}

// orphanAge is how old a photo file without a row must be before the job removes it: an upload writes the
// file just before its row commits.
const orphanAge = time.Hour

// batch is how many accounts or photos the job takes at a time.
const batch = 200

// RunRetention enforces every retention period once, at the service's clock: it deletes what is past its
// period, anonymises inactive accounts, prunes the audit log and removes orphaned photo files. It is
// idempotent: a second run finds nothing more to do and changes nothing. Only one process runs it at a
// time. It logs the counts, and appends them to the audit log when anything changed.
func (s *Service) RunRetention(ctx context.Context) (RetentionReport, error) {
	rep := RetentionReport{RanAt: s.now(), Counts: map[string]int64{}}
	for _, c := range []RetentionCategory{RetainPending, RetainRejected, RetainInactive, RetainPhotos} {
		rep.Counts[string(c)] = 0
	}
	ran, err := s.store.RetentionLock(ctx, func() error { return s.retain(ctx, &rep) })
	if err != nil {
		return rep, err
	}
	if !ran {
		rep.Skipped = true
		return rep, nil
	}
	s.opts.Log.Info("retention", "counts", rep.String())
	if !rep.Changed() {
		return rep, nil
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		return tx.Audit(s.platform().Entry("retention.run", "", nil, "", rep.String()))
	})
	return rep, err
}

func (s *Service) retain(ctx context.Context, rep *RetentionReport) error {
	now, r := rep.RanAt, s.opts.Retention
	for _, step := range []struct {
		cat  RetentionCategory
		list func() ([]string, error)
	}{
		{RetainPending, func() ([]string, error) {
			return s.store.ExpiredRegistrations(ctx, "pending", now.Add(-r.PendingRegistrations), batch)
		}},
		{RetainRejected, func() ([]string, error) {
			return s.store.ExpiredRegistrations(ctx, "rejected", now.Add(-r.RejectedRegistrations), batch)
		}},
		{RetainInactive, func() ([]string, error) { return s.store.InactiveAccounts(ctx, now.Add(-r.InactiveAccounts), batch) }},
	} {
		if err := s.eraseAll(ctx, step.cat, step.list, rep); err != nil {
			return fmt.Errorf("retention %s: %w", step.cat, err)
		}
	}
	if err := s.prunePhotos(ctx, now.Add(-r.ProofPhotos), rep); err != nil {
		return fmt.Errorf("retention %s: %w", RetainPhotos, err)
	}
	var err error
	if rep.Counts[string(RetainSessions)], err = s.store.PruneSessions(ctx, now.Add(-r.Sessions)); err != nil {
		return fmt.Errorf("retention %s: %w", RetainSessions, err)
	}
	if rep.Counts[string(RetainNotices)], err = s.store.PruneNotices(ctx, now.Add(-r.Notices)); err != nil {
		return fmt.Errorf("retention %s: %w", RetainNotices, err)
	}
	if rep.Counts[string(RetainAudit)], err = s.store.PruneAudit(ctx, now.Add(-r.AuditLog)); err != nil {
		return fmt.Errorf("retention %s: %w", RetainAudit, err)
	}
	books, err := s.store.PruneBookkeeping(ctx, now.Add(-r.PayoutRecords))
	if err != nil {
		return fmt.Errorf("retention %s: %w", RetainPayouts, err)
	}
	for t, n := range books {
		rep.Counts[string(RetainPayouts)+"."+t] = n
	}
	return nil
}

// eraseAll erases every account list returns, batch by batch, each in its own transaction with its audit
// entry. An account that coin movements still block is counted and left for a later run.
func (s *Service) eraseAll(ctx context.Context, cat RetentionCategory, list func() ([]string, error), rep *RetentionReport) error {
	done := map[string]bool{}
	for {
		ids, err := list()
		if err != nil {
			return err
		}
		progress := false
		for _, id := range ids {
			if done[id] {
				continue
			}
			done[id] = true
			progress = true
			var e Erased
			err := s.store.InTx(ctx, func(tx Tx) error {
				var err error
				e, err = s.erase(tx, id, "retention: "+string(cat), s.platform())
				return err
			})
			switch {
			case errors.Is(err, ErrErasureBlocked):
				rep.Blocked++
				continue
			case err != nil:
				return err
			}
			rep.Counts[string(cat)]++
			rep.Counts[string(RetainPhotos)] += int64(s.removeFiles(e.Files))
		}
		if !progress || len(ids) < batch {
			return nil
		}
	}
}

// prunePhotos deletes the photos of claims decided before the time (rows first, then files), and photo
// files no row refers to that are older than orphanAge.
func (s *Service) prunePhotos(ctx context.Context, before time.Time, rep *RetentionReport) error {
	for {
		ps, err := s.store.ExpiredPhotos(ctx, before, batch)
		if err != nil || len(ps) == 0 {
			return s.sweepOrphans(ctx, rep, err)
		}
		if _, err := s.store.DeletePhotoRows(ctx, ps); err != nil {
			return err
		}
		names := make([]string, len(ps))
		for i, p := range ps {
			names[i] = p.File
		}
		rep.Counts[string(RetainPhotos)] += int64(s.removeFiles(names))
	}
}

func (s *Service) sweepOrphans(ctx context.Context, rep *RetentionReport, err error) error {
	if err != nil || s.files == nil {
		return err
	}
	files, err := s.files.List()
	if err != nil {
		return err
	}
	known, err := s.store.PhotoNames(ctx)
	if err != nil {
		return err
	}
	var orphans []string
	for _, f := range files {
		// An upload in flight is a matter of real time, not of the service's clock.
		if !known[f.Name] && time.Since(f.ModTime) > orphanAge {
			orphans = append(orphans, f.Name)
		}
	}
	rep.Counts["orphan_photo_files"] += int64(s.removeFiles(orphans))
	return nil
}

// RunRetentionEvery runs the retention job now and then every interval until ctx ends. A failed run is
// logged and tried again at the next interval.
func (s *Service) RunRetentionEvery(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		began := time.Now()
		if _, err := s.RunRetention(ctx); err != nil && ctx.Err() == nil {
			s.opts.Log.Error("retention run failed", "err", err)
		}
		retentionDuration.Observe(time.Since(began).Seconds())
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
