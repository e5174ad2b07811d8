package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/privacy"
)

// ExpiredRegistrations lists residents and shops still pending since before the time (status "pending"),
// or rejected before it (status "rejected").
func (s *PrivacyStore) ExpiredRegistrations(ctx context.Context, status string, before time.Time, limit int) ([]string, error) {
	since := "created_at"
	switch status {
	case "pending":
	case "rejected":
		since = "decided_at"
	default:
		return nil, fmt.Errorf("privacy store: no retention of %q registrations", status)
	}
	var ids []string
	err := s.g.WithContext(ctx).Raw(`SELECT id::text FROM accounts WHERE role <> 'staff' AND status = ? AND `+since+` < ?
		ORDER BY `+since+`, id LIMIT ?`, status, before, limit).Scan(&ids).Error
	return ids, failed("PrivacyStore.ExpiredRegistrations", err)
}

// InactiveAccounts lists approved and suspended residents and shops whose last sign of activity — registration, a change
// of their data, a login, a token refresh, a claim, proof, a payment or a payment request — lies before the
// time, those that changed least recently first. The account's own times are compared first (an index,
// accounts_last_change), so only accounts that are old themselves cost a look (one index probe per kind of
// activity) at what they did since.
func (s *PrivacyStore) InactiveAccounts(ctx context.Context, before time.Time, limit int) ([]string, error) {
	var ids []string
	err := s.g.WithContext(ctx).Raw(`SELECT a.id::text FROM accounts a
		WHERE a.role IN ('resident', 'shop') AND a.status IN ('approved', 'suspended')
			AND GREATEST(a.created_at, a.updated_at, a.decided_at) < @before
			AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.account_id = a.id AND s.created_at >= @before)
			AND NOT EXISTS (SELECT 1 FROM refresh_tokens r JOIN sessions se ON se.id = r.session_id
				WHERE se.account_id = a.id AND r.used_at >= @before)
			AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.resident_id = a.id
				AND (c.claimed_at >= @before OR c.submitted_at >= @before))
			AND NOT EXISTS (SELECT 1 FROM payment_requests p WHERE p.payer_id = a.id AND p.intent_id IS NOT NULL
				AND (p.created_at >= @before OR p.submitted_at >= @before))
			AND NOT EXISTS (SELECT 1 FROM payment_requests p WHERE p.shop_id = a.id
				AND (p.created_at >= @before OR p.submitted_at >= @before))
		ORDER BY GREATEST(a.created_at, a.updated_at, a.decided_at), a.id LIMIT @limit`,
		map[string]any{"before": before, "limit": limit}).Scan(&ids).Error
	return ids, failed("PrivacyStore.InactiveAccounts", err)
}

// ExpiredPhotos lists the photos of claims that were decided (or ended) before the time.
func (s *PrivacyStore) ExpiredPhotos(ctx context.Context, before time.Time, limit int) ([]privacy.PhotoFile, error) {
	var out []privacy.PhotoFile
	err := s.g.WithContext(ctx).Raw(`SELECT p.claim_id::text AS claim_id, p.n, p.file_name AS file, p.content_type
		FROM claim_photos p JOIN claims c ON c.id = p.claim_id
		WHERE c.status IN ('approved', 'rewarded', 'rejected', 'expired')
		AND COALESCE(c.decided_at, c.submitted_at, c.claimed_at) < ? ORDER BY p.claim_id, p.n LIMIT ?`, before, limit).Scan(&out).Error
	return out, failed("PrivacyStore.ExpiredPhotos", err)
}

// DeletePhotoRows removes the rows of the given photos.
func (s *PrivacyStore) DeletePhotoRows(ctx context.Context, ps []privacy.PhotoFile) (int64, error) {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.File
	}
	res := s.g.WithContext(ctx).Exec(`DELETE FROM claim_photos WHERE file_name IN ?`, names)
	return res.RowsAffected, failed("PrivacyStore.DeletePhotoRows", res.Error)
}

// PhotoNames returns the name of every photo file a row refers to.
func (s *PrivacyStore) PhotoNames(ctx context.Context) (map[string]bool, error) {
	var names []string
	if err := s.g.WithContext(ctx).Raw(`SELECT file_name FROM claim_photos`).Scan(&names).Error; err != nil {
		return nil, failed("PrivacyStore.PhotoNames", err)
	}
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out, nil
}

// PruneSessions deletes sessions that ended before the time (revoked then, or with every refresh token
// expired by then; their tokens go with them) and wallet challenges used or expired before it.
func (s *PrivacyStore) PruneSessions(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := transaction(s.g.WithContext(ctx), "PrivacyStore.PruneSessions", func(tx *gorm.DB) error {
		res := tx.Exec(`DELETE FROM sessions s WHERE s.created_at < @before AND (s.revoked_at < @before
			OR NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.session_id = s.id AND r.expires_at >= @before))`,
			map[string]any{"before": before})
		if res.Error != nil {
			return failed("PrivacyStore.PruneSessions", res.Error)
		}
		n = res.RowsAffected
		res = tx.Exec(`DELETE FROM wallet_challenges WHERE COALESCE(used_at, expires_at) < ?`, before)
		n += res.RowsAffected
		return failed("PrivacyStore.PruneSessions", res.Error)
	})
	return n, failed("PrivacyStore.PruneSessions", err)
}

// PruneNotices deletes notices written before the time, read or not, sent or not.
func (s *PrivacyStore) PruneNotices(ctx context.Context, before time.Time) (int64, error) {
	res := s.g.WithContext(ctx).Exec(`DELETE FROM notices WHERE created_at < ?`, before)
	return res.RowsAffected, failed("PrivacyStore.PruneNotices", res.Error)
}

// PruneAudit removes audit entries older than the time; see AuditStore.Prune.
func (s *PrivacyStore) PruneAudit(ctx context.Context, before time.Time) (int64, error) {
	return (&AuditStore{db: s.g}).Prune(ctx, before)
}

// PruneBookkeeping deletes, in one transaction, the bookkeeping past its retention: payout lines and runs
// whose period ended before the time (paid or cancelled runs only), refunds and payment requests made
// before it, claims decided before it (the rewarded, rejected, expired and withdrawn ones), and finally
// the anonymised shops that nothing refers to any more.
func (s *PrivacyStore) PruneBookkeeping(ctx context.Context, before time.Time) (map[string]int64, error) {
	out := map[string]int64{}
	err := transaction(s.g.WithContext(ctx), "PrivacyStore.PruneBookkeeping", func(tx *gorm.DB) error {
		args := map[string]any{"before": before, "day": before.Format("2006-01-02"), "erased": privacy.ErasedAccountID}
		for _, st := range []struct{ table, sql string }{
			{"payout_lines", `DELETE FROM payout_lines l USING payout_runs r WHERE l.run_id = r.id AND r.period_end < CAST(@day AS date)
				AND r.status IN ('paid', 'cancelled')`},
			{"payout_runs", `DELETE FROM payout_runs r WHERE r.period_end < CAST(@day AS date) AND r.status IN ('paid', 'cancelled')
				AND NOT EXISTS (SELECT 1 FROM payout_lines l WHERE l.run_id = r.id)`},
			{"refunds", `DELETE FROM refunds WHERE created_at < @before`},
			{"payment_requests", `DELETE FROM payment_requests p WHERE COALESCE(p.submitted_at, p.created_at) < @before
				AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.payment_id = p.id)
				AND NOT EXISTS (SELECT 1 FROM payment_request_states st WHERE st.id = p.id AND st.status = 'submitted')`},
			{"claims", `DELETE FROM claims WHERE status IN ('rewarded', 'rejected', 'expired', 'withdrawn')
				AND COALESCE(decided_at, submitted_at, claimed_at) < @before`},
		} {
			res := tx.Exec(st.sql, args)
			if res.Error != nil {
				return fmt.Errorf("%s: %w", st.table, res.Error)
			}
			out[st.table] = res.RowsAffected
		}
		var spent []string
		if err := tx.Raw(`SELECT a.id::text FROM accounts a WHERE a.status = 'erased' AND a.id <> @erased
			AND NOT EXISTS (SELECT 1 FROM payment_requests WHERE shop_id = a.id)
			AND NOT EXISTS (SELECT 1 FROM refunds WHERE shop_id = a.id)
			AND NOT EXISTS (SELECT 1 FROM payout_lines WHERE shop_id = a.id)`, args).Scan(&spent).Error; err != nil {
			return failed("PrivacyStore.PruneBookkeeping", err)
		}
		for _, id := range spent {
			if err := repoint(tx, id, map[string]int64{}); err != nil {
				return failed("PrivacyStore.PruneBookkeeping", err)
			}
			res := tx.Exec(`DELETE FROM accounts WHERE id = ?`, id)
			if res.Error != nil {
				return failed("PrivacyStore.PruneBookkeeping", res.Error)
			}
			out["anonymised_shops"] += res.RowsAffected
		}
		return nil
	})
	return out, failed("PrivacyStore.PruneBookkeeping", err)
}

// retentionLock is the advisory lock key (with privacyLockSpace) of the retention job.
const (
	privacyLockSpace = 6414
	retentionLock    = 1
)

// RetentionLock runs fn holding a session-level advisory lock, so that of several API instances only one
// runs the job at a time; ran is false when another holds it.
func (s *PrivacyStore) RetentionLock(ctx context.Context, fn func() error) (bool, error) {
	conn, err := s.db.sql.Conn(ctx)
	if err != nil {
		return false, failed("PrivacyStore.RetentionLock", err)
	}
	defer conn.Close()
	var ok bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1, $2)`, privacyLockSpace, retentionLock).Scan(&ok); err != nil {
		return false, failed("PrivacyStore.RetentionLock", err)
	}
	if !ok {
		return false, nil
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1, $2)`, privacyLockSpace, retentionLock)
	return true, fn()
}
