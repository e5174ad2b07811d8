package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/notices"
)

// PushStore keeps the web push subscriptions and the pushes of notices to them. It implements
// notices.PushStore.
type PushStore struct {
	db *gorm.DB
}

var _ notices.PushStore = (*PushStore)(nil)

// Push returns the push store on this database.
func (db *DB) Push() *PushStore { return &PushStore{db: db.gorm} }

// SavePushSubscription keeps the subscription for the account. An endpoint another account held moves to
// this one as a new subscription: the other account's pushes to it, sent or still to send, go with the old
// row, so that none of its notices reaches the browser's new account.
func (s *PushStore) SavePushSubscription(ctx context.Context, accountID string, sub notices.PushSubscription) error {
	if !validUUID(accountID) {
		return notices.ErrNotFound
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`DELETE FROM push_subscriptions WHERE endpoint = ? AND account_id <> ?`, sub.Endpoint, accountID).Error; err != nil {
			return err
		}
		// A concurrent subscription of the endpoint by another account wins: this one then changes nothing.
		if err := tx.Exec(`INSERT INTO push_subscriptions (account_id, endpoint, p256dh, auth) VALUES (?, ?, ?, ?)
			ON CONFLICT (endpoint) DO UPDATE SET p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, last_failure_at = NULL,
				last_error = '' WHERE push_subscriptions.account_id = EXCLUDED.account_id`,
			accountID, sub.Endpoint, sub.P256dh, sub.Auth).Error; err != nil {
			return err
		}
		return tx.Exec(`DELETE FROM push_subscriptions WHERE account_id = @account AND id NOT IN (SELECT id FROM push_subscriptions
			WHERE account_id = @account ORDER BY created_at DESC, id DESC LIMIT @keep)`,
			map[string]any{"account": accountID, "keep": notices.MaxPushSubscriptions}).Error
	})
	if err != nil {
		return failed("PushStore.SavePushSubscription", err)
	}
	return nil
}

// DeletePushSubscription removes the account's subscription of endpoint, with its pushes.
func (s *PushStore) DeletePushSubscription(ctx context.Context, accountID, endpoint string) error {
	if !validUUID(accountID) {
		return notices.ErrNotFound
	}
	if err := s.db.WithContext(ctx).Exec(`DELETE FROM push_subscriptions WHERE account_id = ? AND endpoint = ?`,
		accountID, endpoint).Error; err != nil {
		return failed("PushStore.DeletePushSubscription", err)
	}
	return nil
}

// ClaimPushes plans the pushes of the notices in the app written within window (by the database's clock,
// which wrote them) and takes those due at now. Accounts that are disabled or erased get none planned.
func (s *PushStore) ClaimPushes(ctx context.Context, now time.Time, window, lease time.Duration, limit int) ([]notices.Push, error) {
	var rows []struct {
		NoticeID       int64
		SubscriptionID int64
		AccountID      string
		Kind           string
		EventKey       string
		Params         []byte
		CreatedAt      time.Time
		Endpoint       string
		P256dh         string
		Auth           string
		Language       string
		Attempts       int
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`INSERT INTO push_deliveries (notice_id, subscription_id)
			SELECT n.id, p.id FROM notices n
			JOIN push_subscriptions p ON p.account_id = n.account_id AND p.created_at <= n.created_at
			JOIN accounts a ON a.id = n.account_id AND a.status NOT IN ('disabled', 'erased')
			WHERE n.created_at > now() - make_interval(secs => @window) AND n.app_at IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM push_deliveries d WHERE d.notice_id = n.id AND d.subscription_id = p.id)
			ORDER BY n.id, p.id
			ON CONFLICT DO NOTHING`, map[string]any{"window": window.Seconds()}).Error; err != nil {
			return err
		}
		return tx.Raw(`WITH due AS (
				SELECT d.notice_id, d.subscription_id FROM push_deliveries d
				WHERE d.status = 'pending' AND (d.retry_at IS NULL OR d.retry_at <= @now)
				ORDER BY d.notice_id, d.subscription_id LIMIT @limit FOR UPDATE SKIP LOCKED
			), taken AS (
				UPDATE push_deliveries d SET attempts = d.attempts + 1, retry_at = @until FROM due
				WHERE d.notice_id = due.notice_id AND d.subscription_id = due.subscription_id
				RETURNING d.notice_id, d.subscription_id, d.attempts
			)
			SELECT t.notice_id, t.subscription_id, t.attempts, n.account_id::text AS account_id, n.kind, n.event_key,
				n.params, n.created_at, p.endpoint, p.p256dh, p.auth, COALESCE(s.language, 'nl') AS language
			FROM taken t JOIN notices n ON n.id = t.notice_id JOIN push_subscriptions p ON p.id = t.subscription_id
			LEFT JOIN notice_settings s ON s.account_id = n.account_id
			ORDER BY t.notice_id, t.subscription_id`,
			map[string]any{"now": now, "limit": limit, "until": now.Add(lease)}).Scan(&rows).Error
	})
	if err != nil {
		return nil, failed("PushStore.ClaimPushes", err)
	}
	out := make([]notices.Push, 0, len(rows))
	for _, r := range rows {
		n, err := noticeRow{ID: r.NoticeID, AccountID: r.AccountID, Kind: r.Kind, EventKey: r.EventKey, Params: r.Params,
			CreatedAt: r.CreatedAt}.notice()
		if err != nil {
			return nil, failed("PushStore.ClaimPushes", err)
		}
		out = append(out, notices.Push{Notice: n, SubscriptionID: r.SubscriptionID, Language: notices.Language(r.Language),
			Attempts: r.Attempts, Subscription: notices.PushSubscription{Endpoint: r.Endpoint, P256dh: r.P256dh, Auth: r.Auth}})
	}
	return out, nil
}

// PushSent records the push as sent, and the subscription's last success.
func (s *PushStore) PushSent(ctx context.Context, p notices.Push, at time.Time) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`UPDATE push_deliveries SET status = 'sent', sent_at = ?, retry_at = NULL, error = ''
			WHERE notice_id = ? AND subscription_id = ?`, at, p.ID, p.SubscriptionID).Error; err != nil {
			return err
		}
		return tx.Exec(`UPDATE push_subscriptions SET last_success_at = ? WHERE id = ?`, at, p.SubscriptionID).Error
	})
	if err != nil {
		return failed("PushStore.PushSent", err)
	}
	return nil
}

// PushFailed records a failed attempt on the push and its subscription.
func (s *PushStore) PushFailed(ctx context.Context, p notices.Push, msg string, at time.Time, retryAt *time.Time) error {
	if len(msg) > 500 {
		msg = msg[:500]
	}
	status := "pending"
	if retryAt == nil {
		status = "failed"
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`UPDATE push_deliveries SET status = ?, retry_at = ?, error = ? WHERE notice_id = ? AND subscription_id = ?`,
			status, retryAt, msg, p.ID, p.SubscriptionID).Error; err != nil {
			return err
		}
		return tx.Exec(`UPDATE push_subscriptions SET last_failure_at = ?, last_error = ? WHERE id = ?`, at, msg, p.SubscriptionID).Error
	})
	if err != nil {
		return failed("PushStore.PushFailed", err)
	}
	return nil
}

// PushGone deletes the subscription of p; its pushes go with it.
func (s *PushStore) PushGone(ctx context.Context, p notices.Push) error {
	if err := s.db.WithContext(ctx).Exec(`DELETE FROM push_subscriptions WHERE id = ?`, p.SubscriptionID).Error; err != nil {
		return failed("PushStore.PushGone", err)
	}
	return nil
}
