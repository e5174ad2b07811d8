package chores

import (
	"context"
	"fmt"
	"math/big"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
)

// MintSigner is the key that mints rewards.
const MintSigner = outbox.SignerMinter

// ClaimRef is a claim's opaque reference on chain: keccak256 of "claim:<id>". It ties a Minted event to
// the claim for whoever holds the database, and tells nobody else anything.
func ClaimRef(claimID string) common.Hash { return crypto.Keccak256Hash([]byte("claim:" + claimID)) }

// MintIntent is the outbox intent that pays a claim's reward to addr: mint(addr, cents, ClaimRef), sent by
// the minter key, keyed "claim:<id>" so that it is written once, however often approval runs.
func MintIntent(claimID, addr string, cents int64) outbox.Intent {
	return outbox.Intent{Signer: MintSigner, Kind: outbox.KindMint, IdempotencyKey: "claim:" + claimID,
		Args: outbox.Args{To: common.HexToAddress(addr), Amount: big.NewInt(cents), Ref: ClaimRef(claimID)}}
}

// Queue lists claims for review, oldest first; status "" means submitted. The actor needs chores.review.
func (s *Service) Queue(ctx context.Context, actor accounts.Actor, status ClaimStatus, limit, offset int) ([]Claim, error) {
	if err := require(actor, accounts.PrivChoresReview); err != nil {
		return nil, err
	}
	if status == "" {
		status = StatusSubmitted
	}
	if !status.Known() {
		return nil, invalid("status", "must be claimed, submitted, needs_info, approved, rewarded, rejected, expired or withdrawn")
	}
	return s.store.Queue(ctx, QueueFilter{Status: status, Limit: clampLimit(limit), Offset: offset})
}

// Approve accepts a submitted claim and, in the same transaction, writes the mint of its reward to the
// resident's bound address (the outbox), moves the reward from reserved to spent in the chore's budget and
// appends the decision to the audit log. It refuses, changing nothing, a reviewer who created the chore or
// changed its reward, budget or places (ErrOwnChore: four eyes), a reward the chore's budget no longer
// covers (ErrBudgetExceeded), and one that would take the resident past the monthly or yearly cap
// (ErrCapExceeded). Approving an approved or rewarded claim
// returns it as it is: concurrent or repeated approvals write one intent and mint once. The actor needs
// chores.review.
func (s *Service) Approve(ctx context.Context, actor accounts.Actor, claimID string) (Claim, error) {
	if err := require(actor, accounts.PrivChoresReview); err != nil {
		return Claim{}, err
	}
	err := s.store.InTx(ctx, func(tx Tx) error {
		cl, err := tx.LockClaim(claimID)
		if err != nil {
			return err
		}
		switch cl.Status {
		case StatusApproved, StatusRewarded:
			return nil
		case StatusSubmitted:
		default:
			return ErrClaimState
		}
		c, err := tx.LockChore(cl.ChoreID)
		if err != nil {
			return err
		}
		if c.CreatedBy == actor.AccountID {
			return ErrOwnChore
		}
		if set, err := tx.TermsSetBy(c.ID, actor.AccountID); err != nil {
			return err
		} else if set {
			return ErrOwnChore
		}
		if c.SpentCents+cl.RewardCents > c.BudgetCents {
			return ErrBudgetExceeded
		}
		r, err := eligible(tx, cl.ResidentID)
		if err != nil {
			return err
		}
		now := s.now()
		if err := s.checkCaps(tx, r.ID, cl.RewardCents, now); err != nil {
			return err
		}
		intent, err := tx.Enqueue(MintIntent(cl.ID, r.Wallet, cl.RewardCents))
		if err != nil {
			return err
		}
		c.ReservedCents = max(0, c.ReservedCents-cl.RewardCents)
		c.SpentCents += cl.RewardCents
		if err := tx.SaveChore(c); err != nil {
			return err
		}
		cl.Status, cl.DecidedAt, cl.DecidedBy = StatusApproved, &now, actor.AccountID
		cl.MintTo, cl.IntentID = r.Wallet, intent.ID
		if err := tx.SaveClaim(cl); err != nil {
			return err
		}
		if err := tx.Notify(notices.ClaimApproved(cl.ResidentID, cl.ID, c.Title, cl.RewardCents)); err != nil {
			return err
		}
		return tx.Audit(auditActor(actor).Entry("claim.approve", cl.ResidentID, nil, "",
			fmt.Sprintf("claim %s, reward %d cents, mint intent %s", cl.ID, cl.RewardCents, intent.IdempotencyKey)))
	})
	if err != nil {
		return Claim{}, err
	}
	return s.store.Claim(ctx, claimID)
}

// checkCaps refuses a reward that would take the resident past the cap of the current calendar month or
// year. It locks the resident first, so two approvals for one resident cannot both pass a cap.
func (s *Service) checkCaps(tx Tx, residentID string, cents int64, now time.Time) error {
	if err := tx.LockResident(residentID); err != nil {
		return err
	}
	month, year := Periods(now, s.opts.Zone)
	for _, p := range []struct {
		since time.Time
		cap   int64
	}{{month, s.opts.CapMonthCents}, {year, s.opts.CapYearCents}} {
		got, err := tx.RewardedSince(residentID, p.since)
		if err != nil {
			return err
		}
		if got+cents > p.cap {
			return ErrCapExceeded
		}
	}
	return nil
}

// Periods returns the starts of the calendar month and year that contain now, in zone.
func Periods(now time.Time, zone *time.Location) (month, year time.Time) {
	t := now.In(zone)
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, zone), time.Date(t.Year(), 1, 1, 0, 0, 0, 0, zone)
}

// Reject refuses a submitted claim (or one waiting for more information) with a reason the resident
// sees, and gives its place and reservation back to the chore. The actor needs chores.review.
func (s *Service) Reject(ctx context.Context, actor accounts.Actor, claimID, reason string) (Claim, error) {
	return s.decide(ctx, actor, claimID, "reason", reason, ErrReasonRequired, func(tx Tx, cl *Claim, why string) error {
		if cl.Status != StatusSubmitted && cl.Status != StatusNeedsInfo {
			return ErrClaimState
		}
		if err := release(tx, *cl); err != nil {
			return err
		}
		cl.Status, cl.RejectReason, cl.ProofDueAt = StatusRejected, why, nil
		c, err := tx.LockChore(cl.ChoreID)
		if err != nil {
			return err
		}
		return tx.Notify(notices.ClaimRejected(cl.ResidentID, cl.ID, c.Title, why))
	}, "claim.reject")
}

// RequestInfo sends a submitted claim back to the resident with a question; the resident adds photos and
// submits again within ProofTTL, or the claim expires. The actor needs chores.review.
func (s *Service) RequestInfo(ctx context.Context, actor accounts.Actor, claimID, message string) (Claim, error) {
	return s.decide(ctx, actor, claimID, "message", message, ErrMessageRequired, func(tx Tx, cl *Claim, why string) error {
		if cl.Status != StatusSubmitted {
			return ErrClaimState
		}
		due := s.now().Add(s.opts.ProofTTL)
		cl.Status, cl.InfoRequest, cl.ProofDueAt = StatusNeedsInfo, why, &due
		c, err := tx.LockChore(cl.ChoreID)
		if err != nil {
			return err
		}
		return tx.Notify(notices.ClaimNeedsInfo(cl.ResidentID, cl.ID, c.Title, why, due))
	}, "claim.request_info")
}

// decide runs a reviewer's decision that needs a text (the request's field): it checks the privilege and
// the text, applies change to the locked claim, saves it and audits it, all in one transaction.
func (s *Service) decide(ctx context.Context, actor accounts.Actor, claimID, field, why string, missing error,
	change func(Tx, *Claim, string) error, action string) (Claim, error) {
	if err := require(actor, accounts.PrivChoresReview); err != nil {
		return Claim{}, err
	}
	why, err := text(field, why, MaxTextLen, true)
	if err != nil {
		if why == "" {
			return Claim{}, missing
		}
		return Claim{}, err
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		cl, err := tx.LockClaim(claimID)
		if err != nil {
			return err
		}
		if err := change(tx, &cl, why); err != nil {
			return err
		}
		now := s.now()
		cl.DecidedAt, cl.DecidedBy = &now, actor.AccountID
		if err := tx.SaveClaim(cl); err != nil {
			return err
		}
		// The text itself is a message to the resident: it stays in the claim, which erasure can reach, and
		// not in the append-only audit log, which it cannot.
		return tx.Audit(auditActor(actor).Entry(action, cl.ResidentID, []string{field}, "", "claim "+cl.ID))
	})
	if err != nil {
		return Claim{}, err
	}
	return s.store.Claim(ctx, claimID)
}

// PhotoContent is a stored proof photo for a reviewer.
type PhotoContent struct {
	ContentType string
	Data        []byte
}

// ReviewPhoto returns the n-th photo of a claim to a reviewer. The read is written to the audit log
// (who, when, whose claim, which photo) before the file is opened: there is no view without its entry.
// The actor needs chores.review.
func (s *Service) ReviewPhoto(ctx context.Context, actor accounts.Actor, claimID string, n int) (PhotoContent, error) {
	if err := require(actor, accounts.PrivChoresReview); err != nil {
		return PhotoContent{}, err
	}
	var ph Photo
	err := s.store.InTx(ctx, func(tx Tx) error {
		cl, err := tx.LockClaim(claimID)
		if err != nil {
			return err
		}
		if ph, err = tx.Photo(cl.ID, n); err != nil {
			return err
		}
		return tx.Audit(auditActor(actor).Entry("claim.photo_read", cl.ResidentID, []string{"proof_photo"}, "review",
			"claim "+cl.ID+" photo "+strconv.Itoa(n)))
	})
	if err != nil {
		return PhotoContent{}, err
	}
	data, err := s.files.Read(ph.File)
	if err != nil {
		return PhotoContent{}, err
	}
	return PhotoContent{ContentType: ph.ContentType, Data: data}, nil
}

// auditActor is the staff member of a request as the audit log records them.
func auditActor(a accounts.Actor) audit.Actor {
	return audit.Actor{ID: a.AccountID, Username: a.Username, RequestID: a.RequestID, SourceIP: a.SourceIP}
}
