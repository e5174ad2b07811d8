package chores

import (
	"context"

	"github.com/heerlen/heitje/internal/accounts"
)

// ReviewClaim returns one claim for a reviewer, with its chore's title and its number of photos (the
// photos themselves come through ReviewPhoto, which audits each look). ErrNotFound when there is no such
// claim. The actor needs chores.review.
func (s *Service) ReviewClaim(ctx context.Context, actor accounts.Actor, claimID string) (Claim, error) {
	if err := require(actor, accounts.PrivChoresReview); err != nil {
		return Claim{}, err
	}
	return s.store.Claim(ctx, claimID)
}

// MaxRewardCents is the highest reward one chore may pay, in cents: what a form says before
// CreateChore or UpdateChore refuses more with ErrRewardTooHigh.
func (s *Service) MaxRewardCents() int64 { return s.opts.MaxRewardCents }
