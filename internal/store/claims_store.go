package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/outbox"
)

type claimRow struct {
	ID           string
	ChoreID      string
	ResidentID   string
	Status       string
	RewardCents  int64
	Note         string
	InfoRequest  string
	RejectReason string
	ProofDueAt   *time.Time
	ClaimedAt    time.Time
	SubmittedAt  *time.Time
	DecidedAt    *time.Time
	DecidedBy    *string
	MintTo       *string
	IntentID     *int64
	TxHash       *string
	RewardedAt   *time.Time
	// Read with the claim, never written.
	ChoreTitle string  `gorm:"->"`
	PhotoCount int     `gorm:"->"`
	MintStatus *string `gorm:"->"`
}

func (claimRow) TableName() string { return "claims" }

func (r claimRow) claim() chores.Claim {
	c := chores.Claim{ID: r.ID, ChoreID: r.ChoreID, ResidentID: r.ResidentID, Status: chores.ClaimStatus(r.Status),
		RewardCents: r.RewardCents, Note: r.Note, InfoRequest: r.InfoRequest, RejectReason: r.RejectReason,
		ProofDueAt: utcPtr(r.ProofDueAt), ClaimedAt: r.ClaimedAt.UTC(), SubmittedAt: utcPtr(r.SubmittedAt),
		DecidedAt: utcPtr(r.DecidedAt), RewardedAt: utcPtr(r.RewardedAt), ChoreTitle: r.ChoreTitle, PhotoCount: r.PhotoCount}
	if r.DecidedBy != nil {
		c.DecidedBy = *r.DecidedBy
	}
	if r.MintTo != nil {
		c.MintTo = *r.MintTo
	}
	if r.IntentID != nil {
		c.IntentID = *r.IntentID
	}
	if r.TxHash != nil {
		c.TxHash = *r.TxHash
	}
	if r.MintStatus != nil {
		c.MintStatus = outbox.Status(*r.MintStatus)
	}
	return c
}

// claimView reads claims with their chore's title, photo count and mint status.
const claimView = `SELECT cl.*, ch.title AS chore_title,
	(SELECT count(*) FROM claim_photos p WHERE p.claim_id = cl.id) AS photo_count, ci.status AS mint_status
	FROM claims cl JOIN chores ch ON ch.id = cl.chore_id LEFT JOIN chain_intents ci ON ci.id = cl.intent_id `

// Claim loads one claim; chores.ErrNotFound when there is none.
func (s *ChoreStore) Claim(ctx context.Context, id string) (chores.Claim, error) {
	if !validUUID(id) {
		return chores.Claim{}, chores.ErrNotFound
	}
	var rows []claimRow
	if err := s.db.WithContext(ctx).Raw(claimView+`WHERE cl.id = ?`, id).Scan(&rows).Error; err != nil {
		return chores.Claim{}, failed("ChoreStore.Claim", err)
	}
	if len(rows) == 0 {
		return chores.Claim{}, chores.ErrNotFound
	}
	return rows[0].claim(), nil
}

// ResidentClaims lists a resident's claims, newest first.
func (s *ChoreStore) ResidentClaims(ctx context.Context, residentID string, limit, offset int) ([]chores.Claim, error) {
	if !validUUID(residentID) {
		return nil, nil
	}
	var rows []claimRow
	err := s.db.WithContext(ctx).Raw(claimView+`WHERE cl.resident_id = ? ORDER BY cl.claimed_at DESC, cl.id LIMIT ? OFFSET ?`,
		residentID, limit, offset).Scan(&rows).Error
	return claimList(rows, err)
}

// Queue lists the claims in one status, oldest submission first (claims never submitted by claim time).
func (s *ChoreStore) Queue(ctx context.Context, f chores.QueueFilter) ([]chores.Claim, error) {
	var rows []claimRow
	err := s.db.WithContext(ctx).Raw(claimView+`WHERE cl.status = ?
		ORDER BY cl.submitted_at, cl.claimed_at, cl.id LIMIT ? OFFSET ?`, string(f.Status), f.Limit, f.Offset).Scan(&rows).Error
	return claimList(rows, err)
}

func claimList(rows []claimRow, err error) ([]chores.Claim, error) {
	if err != nil {
		return nil, failed("claimList", err)
	}
	out := make([]chores.Claim, len(rows))
	for i, r := range rows {
		out[i] = r.claim()
	}
	return out, nil
}

type photoRow struct {
	ClaimID     string
	N           int
	FileName    string
	ContentType string
	SizeBytes   int
	Width       int
	Height      int
	CreatedAt   time.Time
}

func (photoRow) TableName() string { return "claim_photos" }

func (r photoRow) photo() chores.Photo {
	return chores.Photo{ClaimID: r.ClaimID, N: r.N, File: r.FileName, ContentType: r.ContentType, SizeBytes: r.SizeBytes,
		Width: r.Width, Height: r.Height, CreatedAt: r.CreatedAt.UTC()}
}

// Photo loads the n-th photo of a claim; chores.ErrNotFound when there is none.
func (s *ChoreStore) Photo(ctx context.Context, claimID string, n int) (chores.Photo, error) {
	return getPhoto(s.db.WithContext(ctx), claimID, n)
}

func getPhoto(tx *gorm.DB, claimID string, n int) (chores.Photo, error) {
	if !validUUID(claimID) {
		return chores.Photo{}, chores.ErrNotFound
	}
	var r photoRow
	if err := tx.Where("claim_id = ? AND n = ?", claimID, n).Take(&r).Error; err != nil {
		return chores.Photo{}, failed("getPhoto", notFound(err))
	}
	return r.photo(), nil
}
