package chores

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/photos"
)

// ClaimChore claims a place on a chore for the calling resident: only an approved resident with a bound
// wallet, while the chore is open, has a place left and its budget covers the reward, with at most one
// open claim per chore and no more places than the chore's limit per resident. The chore's row is locked
// while the claim is written, so concurrent claims never exceed the capacity or the budget. The claim
// holds its place and reserves the reward until it is rejected or expires (after ProofTTL without proof).
func (s *Service) ClaimChore(ctx context.Context, p accounts.Principal, choreID string) (Claim, error) {
	var out Claim
	err := s.store.InTx(ctx, func(tx Tx) error {
		if _, err := eligible(tx, p.AccountID); err != nil {
			return err
		}
		c, err := tx.LockChore(choreID)
		if err != nil {
			return err
		}
		now := s.now()
		switch c.State(now) {
		case StateClosed:
			return ErrChoreClosed
		case StateUpcoming:
			return ErrChoreNotOpen
		}
		open, held, err := tx.ResidentPlaces(c.ID, p.AccountID)
		if err != nil {
			return err
		}
		switch {
		case open > 0:
			return ErrAlreadyClaimed
		case c.PerResidentLimit > 0 && held >= c.PerResidentLimit:
			return ErrClaimLimit
		case c.PlacesLeft() == 0:
			return ErrChoreFull
		case c.ReservedCents+c.SpentCents+c.RewardCents > c.BudgetCents:
			return ErrBudgetExceeded
		}
		due := now.Add(s.opts.ProofTTL)
		out = Claim{ID: uuid.NewString(), ChoreID: c.ID, ResidentID: p.AccountID, Status: StatusClaimed,
			RewardCents: c.RewardCents, ProofDueAt: &due, ClaimedAt: now, ChoreTitle: c.Title}
		if err := tx.CreateClaim(out); err != nil {
			return err
		}
		c.PlacesTaken++
		c.ReservedCents += c.RewardCents
		return tx.SaveChore(c)
	})
	return out, err
}

// eligible loads the resident behind an account and checks that it may hold claims and receive rewards.
func eligible(tx Tx, accountID string) (Resident, error) {
	r, err := tx.Resident(accountID)
	if errors.Is(err, ErrNotFound) {
		return r, ErrNotApproved
	}
	if err != nil {
		return r, err
	}
	switch {
	case r.Role != accounts.RoleResident || r.Status != accounts.StatusApproved:
		return r, ErrNotApproved
	case r.Wallet == "":
		return r, ErrWalletNotBound
	}
	return r, nil
}

// CheckProof says, without any upload, whether the resident may send proof for the claim now: the same
// refusals as SubmitProof's for someone else's claim or none (ErrNotFound), one not waiting for proof, one
// past its time, or one with no room for another photo. The API asks it before it reads an upload's body.
func (s *Service) CheckProof(ctx context.Context, p accounts.Principal, claimID string) error {
	cl, err := s.store.Claim(ctx, claimID)
	if err != nil {
		return err
	}
	return s.acceptsProof(cl, p, cl.PhotoCount+1)
}

// SubmitProof adds one to three photos and a note to the resident's own claim and puts it in the review
// queue: from claimed, or from needs_info after a reviewer asked for more. Every photo is checked and
// re-encoded before any is stored, so one bad photo stores nothing; the files are removed again when the
// database refuses the change.
func (s *Service) SubmitProof(ctx context.Context, p accounts.Principal, claimID, note string, uploads [][]byte) (Claim, error) {
	switch {
	case len(uploads) == 0:
		return Claim{}, ErrNoPhotos
	case len(uploads) > MaxPhotosPerUpload:
		return Claim{}, ErrTooManyPhotos
	}
	note, err := text("note", note, MaxNoteLen, false)
	if err != nil {
		return Claim{}, err
	}
	cl, err := s.store.Claim(ctx, claimID)
	if err != nil {
		return Claim{}, err
	}
	if err := s.acceptsProof(cl, p, cl.PhotoCount+len(uploads)); err != nil {
		return Claim{}, err
	}
	imgs := make([]photos.Image, len(uploads))
	for i, up := range uploads {
		if imgs[i], err = s.files.Prepare(up); err != nil {
			return Claim{}, err
		}
	}
	stored := make([]Photo, len(imgs))
	for i, img := range imgs {
		stored[i] = Photo{ContentType: img.ContentType, SizeBytes: len(img.Data), Width: img.Width, Height: img.Height}
		if stored[i].File, err = s.files.Save(img); err != nil {
			s.removeFiles(stored, "of a refused upload")
			return Claim{}, err
		}
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		cl, err := tx.LockClaim(claimID)
		if err != nil {
			return err
		}
		n, err := tx.PhotoCount(cl.ID)
		if err != nil {
			return err
		}
		if err := s.acceptsProof(cl, p, n+len(stored)); err != nil {
			return err
		}
		now := s.now()
		for i := range stored {
			stored[i].ClaimID, stored[i].N, stored[i].CreatedAt = cl.ID, n+i+1, now
		}
		if err := tx.AddPhotos(stored); err != nil {
			return err
		}
		cl.Status, cl.SubmittedAt, cl.ProofDueAt = StatusSubmitted, &now, nil
		if note != "" {
			cl.Note = note
		}
		return tx.SaveClaim(cl)
	})
	if err != nil {
		s.removeFiles(stored, "of a refused upload")
		return Claim{}, err
	}
	return s.store.Claim(ctx, claimID)
}

// acceptsProof says whether the resident may add photos to the claim, bringing it to total photos.
func (s *Service) acceptsProof(cl Claim, p accounts.Principal, total int) error {
	switch {
	case cl.ResidentID != p.AccountID:
		return ErrNotFound
	case cl.Status != StatusClaimed && cl.Status != StatusNeedsInfo:
		return ErrClaimState
	case cl.ProofDueAt != nil && !s.now().Before(*cl.ProofDueAt):
		return ErrClaimExpired
	case total > MaxPhotosPerClaim:
		return ErrTooManyPhotos
	}
	return nil
}

// removeFiles removes the files of photos whose rows are gone (or were never written); what says whose they
// are, for the log. A file that cannot be removed is logged and left to the retention job, which removes
// photo files that no row refers to.
func (s *Service) removeFiles(ps []Photo, what string) {
	for _, ph := range ps {
		if ph.File == "" {
			continue
		}
		if err := s.files.Remove(ph.File); err != nil {
			s.opts.Log.Warn("cannot remove a photo file "+what, "err", err)
		}
	}
}

// Withdraw ends the calling resident's own claim that is not decided yet (claimed, submitted or
// needs_info): it becomes withdrawn, its place and reserved reward go back to the chore, its note is
// cleared and its proof photos are deleted (rows in the same transaction, then the files), so that it
// leaves the review queue and no longer blocks the resident's erasure. Someone else's claim is
// ErrNotFound; a decided, expired or withdrawn one is ErrNotWithdrawable and nothing changes.
func (s *Service) Withdraw(ctx context.Context, p accounts.Principal, claimID string) (Claim, error) {
	var gone []Photo
	err := s.store.InTx(ctx, func(tx Tx) error {
		cl, err := tx.LockClaim(claimID)
		if err != nil {
			return err
		}
		switch {
		case cl.ResidentID != p.AccountID:
			return ErrNotFound
		case !cl.Status.Open():
			return ErrNotWithdrawable
		}
		if err := release(tx, cl); err != nil {
			return err
		}
		if gone, err = tx.DeletePhotos(cl.ID); err != nil {
			return err
		}
		now := s.now()
		cl.Status, cl.ProofDueAt, cl.DecidedAt, cl.DecidedBy, cl.Note = StatusWithdrawn, nil, &now, "", ""
		return tx.SaveClaim(cl)
	})
	if err != nil {
		return Claim{}, err
	}
	s.removeFiles(gone, "of a withdrawn claim")
	return s.store.Claim(ctx, claimID)
}

// ResidentClaims lists the calling resident's own claims, newest first.
func (s *Service) ResidentClaims(ctx context.Context, p accounts.Principal, limit, offset int) ([]Claim, error) {
	return s.store.ResidentClaims(ctx, p.AccountID, clampLimit(limit), offset)
}

// expire ends one open claim whose proof is overdue, giving back its place and reservation. It is a
// no-op for a claim that has moved on in the meantime, so running it twice is harmless.
func (s *Service) expire(ctx context.Context, id string, now time.Time) (bool, error) {
	expired := false
	err := s.store.InTx(ctx, func(tx Tx) error {
		cl, err := tx.LockClaim(id)
		if err != nil {
			return err
		}
		if (cl.Status != StatusClaimed && cl.Status != StatusNeedsInfo) || cl.ProofDueAt == nil || now.Before(*cl.ProofDueAt) {
			return nil
		}
		if err := release(tx, cl); err != nil {
			return err
		}
		cl.Status, cl.ProofDueAt = StatusExpired, nil
		expired = true
		return tx.SaveClaim(cl)
	})
	return expired, err
}

// release gives a claim's place and reservation back to its chore.
func release(tx Tx, cl Claim) error {
	c, err := tx.LockChore(cl.ChoreID)
	if err != nil {
		return err
	}
	c.PlacesTaken = max(0, c.PlacesTaken-1)
	c.ReservedCents = max(0, c.ReservedCents-cl.RewardCents)
	return tx.SaveChore(c)
}
