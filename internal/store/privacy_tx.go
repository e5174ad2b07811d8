package store

import (
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/privacy"
)

// privacyTx is privacy.Tx on one gorm transaction.
type privacyTx struct {
	tx *gorm.DB
	c  cryptor
}

var _ privacy.Tx = (*privacyTx)(nil)

type dsRequestRow struct {
	ID               string
	AccountID        string
	Kind             string
	Purpose          string
	Details          string
	Channel          string
	IdentityVerified bool
	ReceivedAt       time.Time
	DueAt            time.Time
	Status           string
	Decision         string
	DecisionReason   string
	ClosedAt         *time.Time
	ClosedBy         *string
}

const dsRequestColumns = `id::text AS id, account_id::text AS account_id, kind, purpose, details, channel,
	identity_verified, received_at, due_at, status, decision, decision_reason, closed_at, closed_by::text AS closed_by`

func (r dsRequestRow) request() privacy.Request {
	q := privacy.Request{ID: r.ID, AccountID: r.AccountID, Kind: privacy.RequestKind(r.Kind), Purpose: privacy.Purpose(r.Purpose),
		Details: r.Details, Channel: privacy.Channel(r.Channel), IdentityVerified: r.IdentityVerified, ReceivedAt: r.ReceivedAt.UTC(),
		DueAt: r.DueAt.UTC(), Closed: r.Status == "closed", Decision: privacy.Decision(r.Decision), DecisionReason: r.DecisionReason,
		ClosedAt: utcPtr(r.ClosedAt)}
	if r.ClosedBy != nil {
		q.ClosedBy = *r.ClosedBy
	}
	return q
}

type restrictionRow struct {
	ID         string
	AccountID  string
	Kind       string
	Scope      string
	RequestID  *string
	Reason     string
	Since      time.Time
	LiftedAt   *time.Time
	LiftedBy   *string
	LiftReason string
}

const restrictionColumns = `id::text AS id, account_id::text AS account_id, kind, scope, request_id::text AS request_id,
	reason, since, lifted_at, lifted_by::text AS lifted_by, lift_reason`

func (r restrictionRow) restriction() privacy.Restriction {
	out := privacy.Restriction{ID: r.ID, AccountID: r.AccountID, Kind: privacy.RequestKind(r.Kind), Scope: privacy.Purpose(r.Scope),
		Reason: r.Reason, Since: r.Since.UTC(), LiftedAt: utcPtr(r.LiftedAt), LiftReason: r.LiftReason}
	if r.RequestID != nil {
		out.RequestID = *r.RequestID
	}
	if r.LiftedBy != nil {
		out.LiftedBy = *r.LiftedBy
	}
	return out
}

func (t *privacyTx) Subject(id string, lock bool) (privacy.Subject, error) {
	return t.c.subject(t.tx, id, lock)
}

func (t *privacyTx) CreateRequest(r privacy.Request) error {
	return failed("privacyTx.CreateRequest", t.tx.Exec(`INSERT INTO privacy_requests (id, account_id, kind, purpose, details, channel, identity_verified,
		received_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.AccountID, string(r.Kind), string(r.Purpose),
		r.Details, string(r.Channel), r.IdentityVerified, r.ReceivedAt, r.DueAt).Error)
}

func (t *privacyTx) LockRequest(id string) (privacy.Request, error) {
	if !validUUID(id) {
		return privacy.Request{}, privacy.ErrNotFound
	}
	var rows []dsRequestRow
	err := t.tx.Raw(`SELECT `+dsRequestColumns+` FROM privacy_requests WHERE id = ? FOR UPDATE`, id).Scan(&rows).Error
	if err != nil {
		return privacy.Request{}, failed("privacyTx.LockRequest", err)
	}
	if len(rows) == 0 {
		return privacy.Request{}, privacy.ErrNotFound
	}
	return rows[0].request(), nil
}

// CloseRequest writes only the decision: the request's account may have been erased in the same
// transaction, its id moved to the erased stand-in.
func (t *privacyTx) CloseRequest(r privacy.Request) error {
	return failed("privacyTx.CloseRequest", t.tx.Exec(`UPDATE privacy_requests SET status = 'closed', decision = ?, decision_reason = ?, closed_at = ?,
		closed_by = ? WHERE id = ?`, string(r.Decision), r.DecisionReason, r.ClosedAt, r.ClosedBy, r.ID).Error)
}

func (t *privacyTx) ActiveConsent(accountID string, p privacy.Purpose) (privacy.Consent, bool, error) {
	var rows []privacy.Consent
	err := t.tx.Raw(`SELECT id, account_id::text AS account_id, purpose, notice_version, channel, given_at, withdrawn_at
		FROM consents WHERE account_id = ? AND purpose = ? AND withdrawn_at IS NULL FOR UPDATE`, accountID, string(p)).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return privacy.Consent{}, false, failed("privacyTx.ActiveConsent", err)
	}
	return rows[0], true, nil
}

func (t *privacyTx) GiveConsent(c privacy.Consent) (privacy.Consent, error) {
	err := t.tx.Raw(`INSERT INTO consents (account_id, purpose, notice_version, channel, given_at) VALUES (?, ?, ?, ?, ?)
		RETURNING id`, c.AccountID, string(c.Purpose), c.NoticeVersion, string(c.Channel), c.GivenAt).Scan(&c.ID).Error
	return c, failed("privacyTx.GiveConsent", err)
}

func (t *privacyTx) WithdrawConsent(id int64, at time.Time) error {
	return failed("privacyTx.WithdrawConsent", t.tx.Exec(`UPDATE consents SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL`, at, id).Error)
}

func (t *privacyTx) ResearchContacts() ([]privacy.Contact, error) {
	var rows []struct {
		AccountID     string
		Username      string
		EmailEnc      []byte
		PhoneEnc      []byte
		GivenAt       time.Time
		NoticeVersion string
	}
	err := t.tx.Raw(`SELECT a.id::text AS account_id, a.username, a.email_enc, a.phone_enc, c.given_at, c.notice_version
		FROM consents c JOIN accounts a ON a.id = c.account_id
		WHERE c.purpose = 'research_contact' AND c.withdrawn_at IS NULL AND a.status = 'approved'
		AND NOT EXISTS (SELECT 1 FROM restrictions r WHERE r.account_id = a.id AND r.lifted_at IS NULL
			AND r.scope IN ('all', 'research_contact'))
		ORDER BY c.given_at, a.id`).Scan(&rows).Error
	if err != nil {
		return nil, failed("privacyTx.ResearchContacts", err)
	}
	out := make([]privacy.Contact, 0, len(rows))
	for _, r := range rows {
		c := privacy.Contact{AccountID: r.AccountID, Username: r.Username, ConsentGiven: r.GivenAt.UTC(), NoticeVersion: r.NoticeVersion}
		if c.Email, err = t.c.open("accounts", "email_enc", r.AccountID, r.EmailEnc); err != nil {
			return nil, failed("privacyTx.ResearchContacts", err)
		}
		if c.Phone, err = t.c.open("accounts", "phone_enc", r.AccountID, r.PhoneEnc); err != nil {
			return nil, failed("privacyTx.ResearchContacts", err)
		}
		out = append(out, c)
	}
	return out, nil
}

func (t *privacyTx) CreateRestriction(r privacy.Restriction) error {
	return failed("privacyTx.CreateRestriction", t.tx.Exec(`INSERT INTO restrictions (id, account_id, kind, scope, request_id, reason, since)
		VALUES (?, ?, ?, ?, NULLIF(?, '')::uuid, ?, ?)`, r.ID, r.AccountID, string(r.Kind), string(r.Scope), r.RequestID,
		r.Reason, r.Since).Error)
}

func (t *privacyTx) LockRestriction(id string) (privacy.Restriction, error) {
	if !validUUID(id) {
		return privacy.Restriction{}, privacy.ErrNotFound
	}
	var rows []restrictionRow
	err := t.tx.Raw(`SELECT `+restrictionColumns+` FROM restrictions WHERE id = ? FOR UPDATE`, id).Scan(&rows).Error
	if err != nil {
		return privacy.Restriction{}, failed("privacyTx.LockRestriction", err)
	}
	if len(rows) == 0 {
		return privacy.Restriction{}, privacy.ErrNotFound
	}
	return rows[0].restriction(), nil
}

func (t *privacyTx) LiftRestriction(r privacy.Restriction) error {
	return failed("privacyTx.LiftRestriction", t.tx.Exec(`UPDATE restrictions SET lifted_at = ?, lifted_by = ?, lift_reason = ? WHERE id = ? AND lifted_at IS NULL`,
		r.LiftedAt, r.LiftedBy, r.LiftReason, r.ID).Error)
}

func (t *privacyTx) Audit(e audit.Entry) error {
	_, err := appendAudit(t.tx, e)
	return failed("privacyTx.Audit", err)
}
