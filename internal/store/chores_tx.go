package store

import (
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
)

// choreTx is chores.Tx on one gorm transaction.
type choreTx struct{ tx *gorm.DB }

var _ chores.Tx = (*choreTx)(nil)

func (t *choreTx) Resident(id string) (chores.Resident, error) {
	if !validUUID(id) {
		return chores.Resident{}, chores.ErrNotFound
	}
	var rows []struct {
		ID, Role, Status, Wallet string
	}
	if err := t.tx.Raw(`SELECT id, role, status, COALESCE(wallet_address, '') AS wallet FROM accounts WHERE id = ?`,
		id).Scan(&rows).Error; err != nil {
		return chores.Resident{}, failed("choreTx.Resident", err)
	}
	if len(rows) == 0 {
		return chores.Resident{}, chores.ErrNotFound
	}
	r := rows[0]
	return chores.Resident{ID: r.ID, Role: accounts.Role(r.Role), Status: accounts.Status(r.Status), Wallet: r.Wallet}, nil
}

func (t *choreTx) LockResident(id string) error {
	return failed("choreTx.LockResident", t.tx.Exec(`SELECT pg_advisory_xact_lock(?, hashtext(?))`, choresLockSpace, id).Error)
}

func (t *choreTx) CreateChore(c chores.Chore) error {
	return failed("choreTx.CreateChore", createChore(t.tx, c))
}

func (t *choreTx) RecordChanges(choreID, changedBy string, at time.Time, cs []chores.FieldChange) error {
	for _, c := range cs {
		if err := t.tx.Exec(`INSERT INTO chore_changes (chore_id, changed_by, changed_at, field, old_value, new_value)
			VALUES (?, ?, ?, ?, ?, ?)`, choreID, changedBy, at, c.Field, c.Old, c.New).Error; err != nil {
			return failed("choreTx.RecordChanges", err)
		}
	}
	return nil
}

func (t *choreTx) TermsSetBy(choreID, accountID string) (bool, error) {
	return termsSetBy(t.tx, choreID, accountID)
}

func (t *choreTx) LockChore(id string) (chores.Chore, error) {
	return getChore(t.tx, id, true)
}

func (t *choreTx) SaveChore(c chores.Chore) error {
	return failed("choreTx.SaveChore", t.tx.Exec(`UPDATE chores SET title = ?, description = ?, lat = ?, lng = ?, area = ?, reward_cents = ?,
		capacity = ?, per_resident_limit = ?, budget_cents = ?, reserved_cents = ?, spent_cents = ?, places_taken = ?,
		opens_at = ?, closes_at = ?, closed_at = ?, updated_at = now() WHERE id = ?`,
		c.Title, c.Description, c.Location.Lat, c.Location.Lng, c.Location.Area, c.RewardCents, c.Capacity,
		limitOrNull(c.PerResidentLimit), c.BudgetCents, c.ReservedCents, c.SpentCents, c.PlacesTaken, c.OpensAt,
		c.ClosesAt, c.ClosedAt, c.ID).Error)
}

func (t *choreTx) LockClaim(id string) (chores.Claim, error) {
	if !validUUID(id) {
		return chores.Claim{}, chores.ErrNotFound
	}
	var rows []claimRow
	if err := t.tx.Raw(`SELECT * FROM claims WHERE id = ? FOR UPDATE`, id).Scan(&rows).Error; err != nil {
		return chores.Claim{}, failed("choreTx.LockClaim", err)
	}
	if len(rows) == 0 {
		return chores.Claim{}, chores.ErrNotFound
	}
	return rows[0].claim(), nil
}

func (t *choreTx) CreateClaim(c chores.Claim) error {
	err := t.tx.Exec(`INSERT INTO claims (id, chore_id, resident_id, status, reward_cents, proof_due_at, claimed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, c.ID, c.ChoreID, c.ResidentID, string(c.Status), c.RewardCents, c.ProofDueAt,
		c.ClaimedAt).Error
	if isPgError(err, pgUniqueViolation, "claims_one_open") {
		return chores.ErrAlreadyClaimed
	}
	return failed("choreTx.CreateClaim", err)
}

func (t *choreTx) SaveClaim(c chores.Claim) error {
	return failed("choreTx.SaveClaim", t.tx.Exec(`UPDATE claims SET status = ?, note = ?, info_request = ?, reject_reason = ?, proof_due_at = ?,
		submitted_at = ?, decided_at = ?, decided_by = NULLIF(?, '')::uuid, mint_to = NULLIF(?, ''),
		intent_id = NULLIF(?::bigint, 0), tx_hash = NULLIF(?, ''), rewarded_at = ? WHERE id = ?`,
		string(c.Status), c.Note, c.InfoRequest, c.RejectReason, c.ProofDueAt, c.SubmittedAt, c.DecidedAt, c.DecidedBy,
		c.MintTo, c.IntentID, c.TxHash, c.RewardedAt, c.ID).Error)
}

func (t *choreTx) ResidentPlaces(choreID, residentID string) (int, int, error) {
	var row struct{ Open, Held int }
	err := t.tx.Raw(`SELECT count(*) FILTER (WHERE status IN ('claimed', 'submitted', 'needs_info')) AS open,
		count(*) FILTER (WHERE status IN ('claimed', 'submitted', 'needs_info', 'approved', 'rewarded')) AS held
		FROM claims WHERE chore_id = ? AND resident_id = ?`, choreID, residentID).Scan(&row).Error
	return row.Open, row.Held, failed("choreTx.ResidentPlaces", err)
}

func (t *choreTx) RewardedSince(residentID string, since time.Time) (int64, error) {
	var sum int64
	err := t.tx.Raw(`SELECT COALESCE(sum(reward_cents), 0) FROM claims
		WHERE resident_id = ? AND status IN ('approved', 'rewarded') AND decided_at >= ?`, residentID, since).Scan(&sum).Error
	return sum, failed("choreTx.RewardedSince", err)
}

func (t *choreTx) PhotoCount(claimID string) (int, error) {
	var n int
	err := t.tx.Raw(`SELECT count(*) FROM claim_photos WHERE claim_id = ?`, claimID).Scan(&n).Error
	return n, failed("choreTx.PhotoCount", err)
}

func (t *choreTx) AddPhotos(ps []chores.Photo) error {
	for _, p := range ps {
		if err := t.tx.Create(&photoRow{ClaimID: p.ClaimID, N: p.N, FileName: p.File, ContentType: p.ContentType,
			SizeBytes: p.SizeBytes, Width: p.Width, Height: p.Height, CreatedAt: p.CreatedAt}).Error; err != nil {
			return failed("choreTx.AddPhotos", err)
		}
	}
	return nil
}

func (t *choreTx) DeletePhotos(claimID string) ([]chores.Photo, error) {
	var rows []photoRow
	if err := t.tx.Raw(`DELETE FROM claim_photos WHERE claim_id = ? RETURNING *`, claimID).Scan(&rows).Error; err != nil {
		return nil, failed("choreTx.DeletePhotos", err)
	}
	out := make([]chores.Photo, len(rows))
	for i, r := range rows {
		out[i] = r.photo()
	}
	return out, nil
}

func (t *choreTx) Photo(claimID string, n int) (chores.Photo, error) {
	return getPhoto(t.tx, claimID, n)
}

func (t *choreTx) Enqueue(in outbox.Intent) (outbox.Intent, error) { return EnqueueTx(t.tx, in) }

func (t *choreTx) Notify(n notices.Notice) error {
	return failed("choreTx.Notify", writeNotice(t.tx, n))
}

func (t *choreTx) Audit(e audit.Entry) error {
	_, err := appendAudit(t.tx, e)
	return failed("choreTx.Audit", err)
}
