package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/recovery"
)

// RecoveryStore keeps the recoveries of lost keys (key_recoveries). It implements recovery.Store.
type RecoveryStore struct{ db *gorm.DB }

var (
	_ recovery.Store = (*RecoveryStore)(nil)
	_ recovery.Tx    = (*recoveryTx)(nil)
)

// Recoveries returns the recovery store on this database.
func (db *DB) Recoveries() *RecoveryStore { return &RecoveryStore{db: db.gorm} }

// recoveryRow is a row of key_recoveries with the statuses of its three intents.
type recoveryRow struct {
	ID, AccountID, FromAddress, ToAddress, Status string
	AskedAt                                       time.Time
	VerifiedBy, ApprovedBy, RejectedBy            *string
	VerifiedAt, ApprovedAt, ExecutableAt, DoneAt  *time.Time
	RejectReason, Error                           string
	CancelSignature                               []byte
	RequestIntentID, CancelIntentID               *int64
	ExecuteIntentID                               *int64
	RequestStatus, CancelStatus, ExecuteStatus    *string
}

func (r recoveryRow) recovery() recovery.Recovery {
	out := recovery.Recovery{ID: r.ID, AccountID: r.AccountID, From: r.FromAddress, To: r.ToAddress,
		Status: recovery.Status(r.Status), AskedAt: r.AskedAt, VerifiedAt: r.VerifiedAt, ApprovedAt: r.ApprovedAt,
		RejectReason: r.RejectReason, CancelSignature: r.CancelSignature, ExecutableAt: r.ExecutableAt, DoneAt: r.DoneAt,
		Error: r.Error}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	id := func(p *int64) int64 {
		if p == nil {
			return 0
		}
		return *p
	}
	out.VerifiedBy, out.ApprovedBy, out.RejectedBy = str(r.VerifiedBy), str(r.ApprovedBy), str(r.RejectedBy)
	out.RequestIntentID, out.CancelIntentID, out.ExecuteIntentID = id(r.RequestIntentID), id(r.CancelIntentID), id(r.ExecuteIntentID)
	out.RequestStatus, out.CancelStatus, out.ExecuteStatus =
		outbox.Status(str(r.RequestStatus)), outbox.Status(str(r.CancelStatus)), outbox.Status(str(r.ExecuteStatus))
	return out
}

// recoverySelect selects recoveries (k) with their intents' statuses; a WHERE clause follows.
const recoverySelect = `SELECT k.id::text AS id, k.account_id::text AS account_id, k.from_address, k.to_address,
	k.status, k.asked_at, k.verified_by::text AS verified_by, k.verified_at, k.approved_by::text AS approved_by,
	k.approved_at, k.rejected_by::text AS rejected_by, k.reject_reason, k.cancel_signature, k.request_intent_id,
	k.cancel_intent_id, k.execute_intent_id, k.executable_at, k.done_at, k.error,
	rq.status AS request_status, ca.status AS cancel_status, ex.status AS execute_status
	FROM key_recoveries k
	LEFT JOIN chain_intents rq ON rq.id = k.request_intent_id
	LEFT JOIN chain_intents ca ON ca.id = k.cancel_intent_id
	LEFT JOIN chain_intents ex ON ex.id = k.execute_intent_id `

func scanRecoveries(q *gorm.DB, sql string, args ...any) ([]recovery.Recovery, error) {
	var rows []recoveryRow
	if err := q.Raw(recoverySelect+sql, args...).Scan(&rows).Error; err != nil {
		return nil, failed("scanRecoveries", err)
	}
	out := make([]recovery.Recovery, len(rows))
	for i, r := range rows {
		out[i] = r.recovery()
	}
	return out, nil
}

func oneRecovery(q *gorm.DB, sql string, args ...any) (recovery.Recovery, error) {
	rs, err := scanRecoveries(q, sql, args...)
	if err != nil {
		return recovery.Recovery{}, failed("oneRecovery", err)
	}
	if len(rs) == 0 {
		return recovery.Recovery{}, recovery.ErrNotFound
	}
	return rs[0], nil
}

// InTx runs fn in one transaction. See recovery.Store.
func (s *RecoveryStore) InTx(ctx context.Context, fn func(recovery.Tx) error) error {
	return transaction(s.db.WithContext(ctx), "RecoveryStore.InTx", func(tx *gorm.DB) error { return fn(&recoveryTx{tx: tx}) })
}

// Get returns one recovery. See recovery.Store.
func (s *RecoveryStore) Get(ctx context.Context, id string) (recovery.Recovery, error) {
	if !validUUID(id) {
		return recovery.Recovery{}, recovery.ErrNotFound
	}
	return oneRecovery(s.db.WithContext(ctx), `WHERE k.id = ?`, id)
}

// Latest returns the account's latest recovery. See recovery.Store.
func (s *RecoveryStore) Latest(ctx context.Context, accountID string) (recovery.Recovery, error) {
	if !validUUID(accountID) {
		return recovery.Recovery{}, recovery.ErrNotFound
	}
	return oneRecovery(s.db.WithContext(ctx), `WHERE k.account_id = ? ORDER BY k.asked_at DESC, k.id LIMIT 1`, accountID)
}

// List returns recoveries in a status, or the open ones. See recovery.Store.
func (s *RecoveryStore) List(ctx context.Context, status recovery.Status, limit int) ([]recovery.Recovery, error) {
	if status == "" {
		return scanRecoveries(s.db.WithContext(ctx), `WHERE k.status IN ('asked', 'verified', 'approved', 'cancelling')
			ORDER BY k.asked_at, k.id LIMIT ?`, limit)
	}
	return scanRecoveries(s.db.WithContext(ctx), `WHERE k.status = ? ORDER BY k.asked_at, k.id LIMIT ?`, string(status), limit)
}

// Due returns the approved and cancelling recoveries. See recovery.Store.
func (s *RecoveryStore) Due(ctx context.Context, limit int) ([]recovery.Recovery, error) {
	return scanRecoveries(s.db.WithContext(ctx), `WHERE k.status IN ('approved', 'cancelling') ORDER BY k.asked_at, k.id LIMIT ?`, limit)
}

type recoveryTx struct{ tx *gorm.DB }

func (t *recoveryTx) LockAccount(id string) (recovery.Account, error) {
	if !validUUID(id) {
		return recovery.Account{}, recovery.ErrNotFound
	}
	var rows []struct {
		ID, Role, Status string
		WalletAddress    *string
	}
	if err := t.tx.Raw(`SELECT id::text AS id, role, status, wallet_address FROM accounts WHERE id = ? FOR UPDATE`, id).
		Scan(&rows).Error; err != nil {
		return recovery.Account{}, failed("recoveryTx.LockAccount", err)
	}
	if len(rows) == 0 {
		return recovery.Account{}, recovery.ErrNotFound
	}
	a := recovery.Account{ID: rows[0].ID, Role: rows[0].Role, Status: rows[0].Status}
	if rows[0].WalletAddress != nil {
		a.WalletAddress = *rows[0].WalletAddress
	}
	return a, nil
}

func (t *recoveryTx) AddressBound(address string) (bool, error) {
	var n int64
	err := t.tx.Raw(`SELECT count(*) FROM accounts WHERE wallet_address = ?`, address).Scan(&n).Error
	return n > 0, failed("recoveryTx.AddressBound", err)
}

func (t *recoveryTx) LockChallenge(accountID, nonce string) (accounts.Challenge, error) {
	return lockChallenge(t.tx, "recoveryTx.LockChallenge", accountID, nonce)
}

func (t *recoveryTx) UseChallenge(nonce string, at time.Time) error {
	return useChallenge(t.tx, "recoveryTx.UseChallenge", nonce, at)
}

func (t *recoveryTx) Create(r recovery.Recovery) error {
	err := t.tx.Exec(`INSERT INTO key_recoveries (id, account_id, from_address, to_address, status, asked_at)
		VALUES (?, ?, ?, ?, ?, ?)`, r.ID, r.AccountID, r.From, r.To, string(r.Status), r.AskedAt).Error
	if isPgError(err, pgUniqueViolation, "key_recoveries_open") {
		return recovery.ErrOpen
	}
	return failed("recoveryTx.Create", err)
}

func (t *recoveryTx) Lock(id string) (recovery.Recovery, error) {
	if !validUUID(id) {
		return recovery.Recovery{}, recovery.ErrNotFound
	}
	return oneRecovery(t.tx, `WHERE k.id = ? FOR UPDATE OF k`, id)
}

func (t *recoveryTx) Save(r recovery.Recovery) error {
	return failed("recoveryTx.Save", t.tx.Exec(`UPDATE key_recoveries SET status = ?, verified_by = NULLIF(?, '')::uuid, verified_at = ?,
		approved_by = NULLIF(?, '')::uuid, approved_at = ?, rejected_by = NULLIF(?, '')::uuid, reject_reason = ?,
		cancel_signature = ?, request_intent_id = NULLIF(?::bigint, 0), cancel_intent_id = NULLIF(?::bigint, 0),
		execute_intent_id = NULLIF(?::bigint, 0), executable_at = ?, done_at = ?, error = ? WHERE id = ?`,
		string(r.Status), r.VerifiedBy, r.VerifiedAt, r.ApprovedBy, r.ApprovedAt, r.RejectedBy, r.RejectReason,
		r.CancelSignature, r.RequestIntentID, r.CancelIntentID, r.ExecuteIntentID, r.ExecutableAt, r.DoneAt, r.Error, r.ID).Error)
}

func (t *recoveryTx) Enqueue(in outbox.Intent) (outbox.Intent, error) { return enqueue(t.tx, in) }

func (t *recoveryTx) Notify(n notices.Notice) error {
	return failed("recoveryTx.Notify", writeNotice(t.tx, n))
}

func (t *recoveryTx) SwitchWallet(accountID, from, to string) error {
	res := t.tx.Exec(`UPDATE accounts SET wallet_address = ?, updated_at = now() WHERE id = ? AND wallet_address = ?`, to, accountID, from)
	if isUniqueViolation(res.Error) {
		return recovery.ErrAddressTaken
	}
	if res.Error != nil {
		return failed("recoveryTx.SwitchWallet", res.Error)
	}
	if res.RowsAffected != 1 {
		return errors.New("store: the account is no longer bound to the recovered address")
	}
	return nil
}

func (t *recoveryTx) Audit(e audit.Entry) error {
	_, err := appendAudit(t.tx, e)
	return failed("recoveryTx.Audit", err)
}
