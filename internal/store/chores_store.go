package store

import (
	"context"
	"errors"
	"math"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/notices"
)

// ChoreStore keeps chores, claims and the records of their proof photos. It implements chores.Store.
type ChoreStore struct{ db *gorm.DB }

var _ chores.Store = (*ChoreStore)(nil)

// Chores returns the chore store on this database.
func (db *DB) Chores() *ChoreStore { return &ChoreStore{db: db.gorm} }

// choresLockSpace is the first half of the advisory lock keys that serialise a resident's cap checks.
const choresLockSpace = 6413

type choreRow struct {
	ID               string
	Title            string
	Description      string
	Lat              float64
	Lng              float64
	Area             string
	RewardCents      int64
	Capacity         int
	PerResidentLimit *int
	BudgetCents      int64
	ReservedCents    int64
	SpentCents       int64
	PlacesTaken      int
	OpensAt          time.Time
	ClosesAt         time.Time
	ClosedAt         *time.Time
	CreatedBy        string
	CreatedAt        time.Time
	UpdatedAt        time.Time
	DistanceM        float64 `gorm:"->"`
}

func (choreRow) TableName() string { return "chores" }

func (r choreRow) chore() chores.Chore {
	c := chores.Chore{ID: r.ID, Title: r.Title, Description: r.Description,
		Location:    chores.Location{Lat: r.Lat, Lng: r.Lng, Area: r.Area},
		RewardCents: r.RewardCents, Capacity: r.Capacity, BudgetCents: r.BudgetCents, ReservedCents: r.ReservedCents,
		SpentCents: r.SpentCents, PlacesTaken: r.PlacesTaken, OpensAt: r.OpensAt.UTC(), ClosesAt: r.ClosesAt.UTC(),
		ClosedAt: utcPtr(r.ClosedAt), CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		DistanceM: r.DistanceM}
	if r.PerResidentLimit != nil {
		c.PerResidentLimit = *r.PerResidentLimit
	}
	return c
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// limitOrNull stores "no limit per resident" (0) as NULL.
func limitOrNull(n int) *int {
	if n <= 0 {
		return nil
	}
	return &n
}

// TermsSetBy reports whether the account created the chore or changed its reward, budget or places.
func (s *ChoreStore) TermsSetBy(ctx context.Context, choreID, accountID string) (bool, error) {
	return termsSetBy(s.db.WithContext(ctx), choreID, accountID)
}

func termsSetBy(tx *gorm.DB, choreID, accountID string) (bool, error) {
	if !validUUID(choreID) {
		return false, chores.ErrNotFound
	}
	if !validUUID(accountID) {
		return false, nil
	}
	var rows []struct{ Set bool }
	err := tx.Raw(`SELECT created_by = ? OR EXISTS (SELECT 1 FROM chore_changes WHERE chore_id = chores.id
		AND changed_by = ? AND field IN ?) AS set FROM chores WHERE id = ?`,
		accountID, accountID, chores.TermFields, choreID).Scan(&rows).Error
	if err != nil {
		return false, failed("termsSetBy", err)
	}
	if len(rows) == 0 {
		return false, chores.ErrNotFound
	}
	return rows[0].Set, nil
}

// createChore inserts a chore with empty counters.
func createChore(tx *gorm.DB, c chores.Chore) error {
	return failed("createChore", tx.Exec(`INSERT INTO chores (id, title, description, lat, lng, area, reward_cents,
		capacity, per_resident_limit, budget_cents, opens_at, closes_at, closed_at, created_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.Title, c.Description, c.Location.Lat, c.Location.Lng, c.Location.Area, c.RewardCents, c.Capacity,
		limitOrNull(c.PerResidentLimit), c.BudgetCents, c.OpensAt, c.ClosesAt, c.ClosedAt, c.CreatedBy, c.CreatedAt,
		c.UpdatedAt).Error)
}

// Chore loads one chore; chores.ErrNotFound when there is none.
func (s *ChoreStore) Chore(ctx context.Context, id string) (chores.Chore, error) {
	return getChore(s.db.WithContext(ctx), id, false)
}

// getChore loads a chore, holding its row until the transaction ends when lock is set.
func getChore(tx *gorm.DB, id string, lock bool) (chores.Chore, error) {
	if !validUUID(id) {
		return chores.Chore{}, chores.ErrNotFound
	}
	q := `SELECT * FROM chores WHERE id = ?`
	if lock {
		q += ` FOR UPDATE`
	}
	var rows []choreRow
	if err := tx.Raw(q, id).Scan(&rows).Error; err != nil {
		return chores.Chore{}, failed("getChore", err)
	}
	if len(rows) == 0 {
		return chores.Chore{}, chores.ErrNotFound
	}
	return rows[0].chore(), nil
}

// notFound translates gorm's not-found into the domain's.
func notFound(err error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return chores.ErrNotFound
	}
	return failed("notFound", err)
}

// metresPerDegree is the length of a degree of latitude (and of longitude at the equator).
const metresPerDegree = 111_320.0

// haversine is the great-circle distance in metres between a chore and the point (@lat, @lng).
const haversine = `(12742000 * asin(sqrt(power(sin(radians(lat - @lat) / 2), 2) +
	cos(radians(@lat)) * cos(radians(lat)) * power(sin(radians(lng - @lng) / 2), 2))))`

// OpenChores lists the chores open at f.At: newest first, or with f.Near nearest first within f.RadiusM.
func (s *ChoreStore) OpenChores(ctx context.Context, f chores.ListFilter) ([]chores.Chore, error) {
	var rows []choreRow
	db := s.db.WithContext(ctx)
	open := `closed_at IS NULL AND opens_at <= @at AND closes_at > @at`
	var err error
	if f.Near == nil {
		err = db.Raw(`SELECT * FROM chores WHERE `+open+` ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset`,
			map[string]any{"at": f.At, "limit": f.Limit, "offset": f.Offset}).Scan(&rows).Error
	} else {
		// A box around the point lets the index narrow the rows before the exact distance is computed.
		dLat := f.RadiusM / metresPerDegree
		dLng := f.RadiusM / (metresPerDegree * math.Max(math.Cos(f.Near.Lat*math.Pi/180), 0.01))
		err = db.Raw(`SELECT * FROM (SELECT chores.*, `+haversine+` AS distance_m FROM chores WHERE `+open+`
			AND lat BETWEEN @minLat AND @maxLat AND lng BETWEEN @minLng AND @maxLng) near
			WHERE distance_m <= @radius ORDER BY distance_m, id LIMIT @limit OFFSET @offset`,
			map[string]any{"at": f.At, "lat": f.Near.Lat, "lng": f.Near.Lng, "radius": f.RadiusM,
				"minLat": f.Near.Lat - dLat, "maxLat": f.Near.Lat + dLat, "minLng": f.Near.Lng - dLng, "maxLng": f.Near.Lng + dLng,
				"limit": f.Limit, "offset": f.Offset}).Scan(&rows).Error
	}
	return choreList(rows, err)
}

// AllChores lists every chore, newest first.
func (s *ChoreStore) AllChores(ctx context.Context, limit, offset int) ([]chores.Chore, error) {
	var rows []choreRow
	err := s.db.WithContext(ctx).Order("created_at DESC, id").Limit(limit).Offset(offset).Find(&rows).Error
	return choreList(rows, err)
}

func choreList(rows []choreRow, err error) ([]chores.Chore, error) {
	if err != nil {
		return nil, failed("choreList", err)
	}
	out := make([]chores.Chore, len(rows))
	for i, r := range rows {
		out[i] = r.chore()
	}
	return out, nil
}

// SettleRewards marks approved claims whose mint intent is confirmed as rewarded, with the mint's
// transaction hash, and writes each resident the notice that the reward arrived. It is one statement, so
// it is atomic and idempotent.
func (s *ChoreStore) SettleRewards(ctx context.Context) (int, error) {
	var n int
	err := s.db.WithContext(ctx).Raw(`WITH settled AS (
			UPDATE claims SET status = 'rewarded', tx_hash = ci.tx_hash, rewarded_at = COALESCE(ci.done_at, now())
			FROM chain_intents ci WHERE claims.status = 'approved' AND ci.id = claims.intent_id AND ci.status = 'confirmed'
			RETURNING claims.id, claims.resident_id, claims.chore_id, claims.reward_cents
		), told AS (
			INSERT INTO notices (account_id, kind, event_key, params)
			SELECT s.resident_id, ?, 'claim:' || s.id || ':rewarded',
				jsonb_build_object('chore', c.title, 'amount_cents', s.reward_cents::text)
			FROM settled s JOIN chores c ON c.id = s.chore_id
			ON CONFLICT (account_id, event_key) DO NOTHING
		)
		SELECT count(*) FROM settled`, string(notices.KindRewardArrived)).Scan(&n).Error
	return n, failed("ChoreStore.SettleRewards", err)
}

// DueClaims returns open claims whose proof was due before now, the most overdue first.
func (s *ChoreStore) DueClaims(ctx context.Context, now time.Time, limit int) ([]string, error) {
	var ids []string
	err := s.db.WithContext(ctx).Raw(`SELECT id FROM claims WHERE status IN ('claimed', 'needs_info')
		AND proof_due_at <= ? ORDER BY proof_due_at, id LIMIT ?`, now, limit).Scan(&ids).Error
	return ids, failed("ChoreStore.DueClaims", err)
}

// InTx runs fn in one transaction.
func (s *ChoreStore) InTx(ctx context.Context, fn func(chores.Tx) error) error {
	return transaction(s.db.WithContext(ctx), "ChoreStore.InTx", func(tx *gorm.DB) error { return fn(&choreTx{tx: tx}) })
}
