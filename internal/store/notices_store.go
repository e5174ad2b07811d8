package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/secrets"
)

// NoticeStore keeps the notices, the people's notice settings and the staff queues' alerts. It implements
// notices.Store; the domains write notices in their own transactions through writeNotice.
type NoticeStore struct {
	db *gorm.DB
	c  cryptor
}

var _ notices.Store = (*NoticeStore)(nil)

// Notices returns the notice store on this database; keys open the e-mail addresses it sends to.
func (db *DB) Notices(keys *secrets.Keyring) *NoticeStore {
	return &NoticeStore{db: db.gorm, c: cryptor{keys: keys}}
}

// writeNotice inserts n in the transaction tx, once per account and event key: a repeat of the event's
// code writes nothing more.
func writeNotice(tx *gorm.DB, n notices.Notice) error {
	if n.AccountID == "" || n.Kind == "" || n.EventKey == "" {
		return errors.New("notices: a notice needs an account, a kind and an event key")
	}
	params, err := json.Marshal(noticeParams(n.Params))
	if err != nil {
		return failed("writeNotice", err)
	}
	return failed("writeNotice", tx.Exec(`INSERT INTO notices (account_id, kind, event_key, params) VALUES (?, ?, ?, ?)
		ON CONFLICT (account_id, event_key) DO NOTHING`, n.AccountID, string(n.Kind), n.EventKey, params).Error)
}

func noticeParams(p notices.Params) notices.Params {
	if p == nil {
		return notices.Params{}
	}
	return p
}

type noticeRow struct {
	ID        int64
	AccountID string
	Kind      string
	EventKey  string
	Params    []byte
	CreatedAt time.Time
	ReadAt    *time.Time
}

func (r noticeRow) notice() (notices.Notice, error) {
	n := notices.Notice{ID: r.ID, AccountID: r.AccountID, Kind: notices.Kind(r.Kind), EventKey: r.EventKey,
		CreatedAt: r.CreatedAt, ReadAt: r.ReadAt}
	if err := json.Unmarshal(r.Params, &n.Params); err != nil {
		return n, fmt.Errorf("notice %d: bad params: %w", r.ID, err)
	}
	return n, nil
}

const noticeColumns = `n.id, n.account_id::text AS account_id, n.kind, n.event_key, n.params, n.created_at, n.read_at`

// List returns the account's notices that are in the app, newest first.
func (s *NoticeStore) List(ctx context.Context, accountID string, beforeID int64, limit int) ([]notices.Notice, error) {
	if !validUUID(accountID) {
		return nil, notices.ErrNotFound
	}
	q := s.db.WithContext(ctx).Table("notices AS n").Select(noticeColumns).
		Where("n.account_id = ? AND n.app_at IS NOT NULL", accountID)
	if beforeID > 0 {
		q = q.Where("n.id < ?", beforeID)
	}
	var rows []noticeRow
	if err := q.Order("n.id DESC").Limit(limit).Scan(&rows).Error; err != nil {
		return nil, failed("NoticeStore.List", err)
	}
	out := make([]notices.Notice, len(rows))
	for i, r := range rows {
		n, err := r.notice()
		if err != nil {
			return nil, failed("NoticeStore.List", err)
		}
		out[i] = n
	}
	return out, nil
}

// Unread counts the account's notices in the app that it has not read.
func (s *NoticeStore) Unread(ctx context.Context, accountID string) (int, error) {
	var n int
	err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM notices WHERE account_id = ? AND app_at IS NOT NULL
		AND read_at IS NULL`, accountID).Scan(&n).Error
	return n, failed("NoticeStore.Unread", err)
}

// MarkRead marks the account's notices of ids (all of them when ids is empty) read.
func (s *NoticeStore) MarkRead(ctx context.Context, accountID string, ids []int64, at time.Time) (int, error) {
	q := `UPDATE notices SET read_at = @at WHERE account_id = @account AND app_at IS NOT NULL AND read_at IS NULL`
	args := map[string]any{"at": at, "account": accountID}
	if len(ids) > 0 {
		q += ` AND id = ANY(CAST(@ids AS bigint[]))`
		args["ids"] = pgArray(ids)
	}
	res := s.db.WithContext(ctx).Exec(q, args)
	return int(res.RowsAffected), failed("NoticeStore.MarkRead", res.Error)
}

// Settings returns the account's settings; ErrNotFound when there is no such resident, shop or staff member.
func (s *NoticeStore) Settings(ctx context.Context, accountID string) (notices.Settings, error) {
	if !validUUID(accountID) {
		return notices.Settings{}, notices.ErrNotFound
	}
	var rows []struct {
		Language   string
		Email      bool
		HasAddress bool
	}
	err := s.db.WithContext(ctx).Raw(`SELECT COALESCE(s.language, 'nl') AS language, COALESCE(s.email, false) AS email,
		a.email_enc IS NOT NULL AS has_address
		FROM accounts a LEFT JOIN notice_settings s ON s.account_id = a.id WHERE a.id = ?`, accountID).Scan(&rows).Error
	if err != nil {
		return notices.Settings{}, failed("NoticeStore.Settings", err)
	}
	if len(rows) == 0 {
		return notices.Settings{}, notices.ErrNotFound
	}
	r := rows[0]
	return notices.Settings{Language: notices.Language(r.Language), Email: r.Email && r.HasAddress, HasAddress: r.HasAddress}, nil
}

// SaveSettings stores the account's language and e-mail choice.
func (s *NoticeStore) SaveSettings(ctx context.Context, accountID string, set notices.Settings, at time.Time) error {
	return failed("NoticeStore.SaveSettings", saveNoticeSettings(s.db.WithContext(ctx), accountID, set, at))
}

func saveNoticeSettings(tx *gorm.DB, accountID string, set notices.Settings, at time.Time) error {
	return failed("saveNoticeSettings", tx.Exec(`INSERT INTO notice_settings (account_id, language, email, changed_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (account_id) DO UPDATE SET language = EXCLUDED.language, email = EXCLUDED.email,
		changed_at = EXCLUDED.changed_at`, accountID, string(set.Language), set.Email, at).Error)
}

// Unsubscribe turns the account's e-mail notices off.
func (s *NoticeStore) Unsubscribe(ctx context.Context, accountID string, at time.Time) error {
	return transaction(s.db.WithContext(ctx), "NoticeStore.Unsubscribe", func(tx *gorm.DB) error {
		var n int
		if err := tx.Raw(`SELECT count(*) FROM accounts WHERE id = ?`, accountID).Scan(&n).Error; err != nil {
			return failed("NoticeStore.Unsubscribe", err)
		}
		if n == 0 {
			return notices.ErrNotFound
		}
		return failed("NoticeStore.Unsubscribe", tx.Exec(`INSERT INTO notice_settings (account_id, email, changed_at) VALUES (?, false, ?)
			ON CONFLICT (account_id) DO UPDATE SET email = false, changed_at = EXCLUDED.changed_at`, accountID, at).Error)
	})
}

// DeliverApp puts notices into the app.
func (s *NoticeStore) DeliverApp(ctx context.Context, now time.Time, limit int) (int, error) {
	res := s.db.WithContext(ctx).Exec(`UPDATE notices SET app_at = ? WHERE id IN (SELECT id FROM notices
		WHERE app_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)`, now, limit)
	return int(res.RowsAffected), failed("NoticeStore.DeliverApp", res.Error)
}

// SkipEmails marks every e-mail still to send as skipped.
func (s *NoticeStore) SkipEmails(ctx context.Context) (int, error) {
	res := s.db.WithContext(ctx).Exec(`UPDATE notices SET email_status = 'skipped', email_retry_at = NULL
		WHERE email_status = 'pending'`)
	return int(res.RowsAffected), failed("NoticeStore.SkipEmails", res.Error)
}

// ClaimEmails takes the e-mails due at now: those of people who did not opt in, have no address, or whose
// account is disabled or erased become skipped; the others are leased until now+lease, one attempt more.
func (s *NoticeStore) ClaimEmails(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]notices.Outgoing, error) {
	var rows []struct {
		ID            int64
		AccountID     string
		Kind          string
		EventKey      string
		Params        []byte
		CreatedAt     time.Time
		EmailAttempts int
		EmailEnc      []byte
		Language      string
	}
	err := s.db.WithContext(ctx).Raw(`WITH due AS (
			SELECT n.id, a.email_enc, COALESCE(s.language, 'nl') AS language,
				(COALESCE(s.email, false) AND a.email_enc IS NOT NULL AND a.status NOT IN ('disabled', 'erased')) AS send
			FROM notices n JOIN accounts a ON a.id = n.account_id LEFT JOIN notice_settings s ON s.account_id = n.account_id
			WHERE n.email_status = 'pending' AND (n.email_retry_at IS NULL OR n.email_retry_at <= @now)
			ORDER BY n.id LIMIT @limit FOR UPDATE OF n SKIP LOCKED
		), skipped AS (
			UPDATE notices n SET email_status = 'skipped', email_retry_at = NULL FROM due WHERE n.id = due.id AND NOT due.send
		)
		UPDATE notices n SET email_attempts = n.email_attempts + 1, email_retry_at = @until FROM due
		WHERE n.id = due.id AND due.send
		RETURNING n.id, n.account_id::text AS account_id, n.kind, n.event_key, n.params, n.created_at,
			n.email_attempts, due.email_enc, due.language`,
		map[string]any{"now": now, "limit": limit, "until": now.Add(lease)}).Scan(&rows).Error
	if err != nil {
		return nil, failed("NoticeStore.ClaimEmails", err)
	}
	out := make([]notices.Outgoing, 0, len(rows))
	for _, r := range rows {
		n, err := noticeRow{ID: r.ID, AccountID: r.AccountID, Kind: r.Kind, EventKey: r.EventKey, Params: r.Params,
			CreatedAt: r.CreatedAt}.notice()
		if err != nil {
			return nil, failed("NoticeStore.ClaimEmails", err)
		}
		addr, err := s.c.open("accounts", "email_enc", r.AccountID, r.EmailEnc)
		if err != nil {
			return nil, failed("NoticeStore.ClaimEmails", err)
		}
		out = append(out, notices.Outgoing{Notice: n, Email: addr, Language: notices.Language(r.Language), Attempts: r.EmailAttempts})
	}
	return out, nil
}

// EmailSent records the notice's e-mail as sent.
func (s *NoticeStore) EmailSent(ctx context.Context, id int64, at time.Time) error {
	return failed("NoticeStore.EmailSent", s.db.WithContext(ctx).Exec(`UPDATE notices SET email_status = 'sent', email_sent_at = ?, email_retry_at = NULL,
		email_error = '' WHERE id = ?`, at, id).Error)
}

// EmailFailed records a failed attempt, to be retried at retryAt, or given up when retryAt is nil.
func (s *NoticeStore) EmailFailed(ctx context.Context, id int64, msg string, retryAt *time.Time) error {
	if len(msg) > 500 {
		msg = msg[:500]
	}
	status := "pending"
	if retryAt == nil {
		status = "failed"
	}
	return failed("NoticeStore.EmailFailed", s.db.WithContext(ctx).Exec(`UPDATE notices SET email_status = ?, email_retry_at = ?, email_error = ? WHERE id = ?`,
		status, retryAt, msg, id).Error)
}

// queueOldest is the SQL of each queue's oldest waiting item and the privilege of the staff who work it.
var queueOldest = map[notices.Queue]struct{ oldest, privilege string }{
	notices.QueueOnboarding: {`SELECT min(created_at) AS at FROM accounts WHERE status = 'pending' AND role IN ('resident', 'shop')`, "accounts.approve"},
	notices.QueueReview:     {`SELECT min(submitted_at) AS at FROM claims WHERE status = 'submitted'`, "chores.review"},
}

// CheckQueue records the queue's crossing of age and tells its staff once per crossing: those who hold the
// queue's privilege and may use it now.
func (s *NoticeStore) CheckQueue(ctx context.Context, q notices.Queue, age time.Duration, now time.Time) (int, error) {
	def, ok := queueOldest[q]
	if !ok {
		return 0, fmt.Errorf("notices: unknown queue %q", q)
	}
	told := 0
	err := transaction(s.db.WithContext(ctx), "NoticeStore.CheckQueue", func(tx *gorm.DB) error {
		if err := tx.Exec(`INSERT INTO notice_queue_alerts (queue) VALUES (?) ON CONFLICT DO NOTHING`, string(q)).Error; err != nil {
			return failed("NoticeStore.CheckQueue", err)
		}
		var since, oldest []struct{ At *time.Time }
		if err := tx.Raw(`SELECT over_since AS at FROM notice_queue_alerts WHERE queue = ? FOR UPDATE`, string(q)).Scan(&since).Error; err != nil {
			return failed("NoticeStore.CheckQueue", err)
		}
		if err := tx.Raw(def.oldest).Scan(&oldest).Error; err != nil {
			return failed("NoticeStore.CheckQueue", err)
		}
		over := len(oldest) == 1 && oldest[0].At != nil && now.Sub(*oldest[0].At) > age
		wasOver := len(since) == 1 && since[0].At != nil
		switch {
		case over && !wasOver:
			if err := tx.Exec(`UPDATE notice_queue_alerts SET over_since = ? WHERE queue = ?`, now, string(q)).Error; err != nil {
				return failed("NoticeStore.CheckQueue", err)
			}
			n := notices.QueueWaiting("", q, age, now)
			params, err := json.Marshal(n.Params)
			if err != nil {
				return failed("NoticeStore.CheckQueue", err)
			}
			// The staff whose privilege is in effect: with a second factor and the current confidentiality
			// statement acknowledged, as the console asks before it lets them work a queue.
			res := tx.Exec(`INSERT INTO notices (account_id, kind, event_key, params)
				SELECT a.id, ?, ?, ? FROM accounts a WHERE a.role = 'staff' AND a.status = 'approved'
					AND a.privileges @> jsonb_build_array(?::text) AND a.confidentiality_version = ? AND `+hasSecondFactor+`
				ON CONFLICT (account_id, event_key) DO NOTHING`, string(n.Kind), n.EventKey, params, def.privilege,
				accounts.CurrentConfidentiality.Version)
			told = int(res.RowsAffected)
			return failed("NoticeStore.CheckQueue", res.Error)
		case !over && wasOver:
			return failed("NoticeStore.CheckQueue", tx.Exec(`UPDATE notice_queue_alerts SET over_since = NULL WHERE queue = ?`, string(q)).Error)
		}
		return nil
	})
	return told, failed("NoticeStore.CheckQueue", err)
}
