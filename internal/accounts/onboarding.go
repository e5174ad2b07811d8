package accounts

import (
	"context"
	"errors"

	"github.com/heerlen/heitje/internal/outbox"
)

// OverviewStore is what the console's onboarding and staff pages read beyond the rest of Store: counts and
// lists without personal fields, and where a shop's activation is on chain.
type OverviewStore interface {
	// CountPending counts the residents and shops awaiting approval, by role.
	CountPending(ctx context.Context) (map[Role]int, error)
	// AwaitingActivation lists approved shops not yet activated for payments, oldest approval first, at
	// most limit, without personal fields.
	AwaitingActivation(ctx context.Context, limit int) ([]Account, error)
	// Intent finds the chain intent with an idempotency key; outbox.ErrNotFound when there is none.
	Intent(ctx context.Context, key string) (outbox.Intent, error)
}

// PendingCounts counts the accounts awaiting approval, by role (a role without any is absent). The actor
// needs accounts.approve.
func (s *Service) PendingCounts(ctx context.Context, actor Actor) (map[Role]int, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return nil, err
	}
	return s.store.CountPending(ctx)
}

// AwaitingActivation lists the approved shops that are not yet activated for payments, oldest approval
// first: id, username and dates, no personal fields. The actor needs accounts.approve; the listing is
// audited as the queue is.
func (s *Service) AwaitingActivation(ctx context.Context, actor Actor) ([]Account, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return nil, err
	}
	list, err := s.store.AwaitingActivation(ctx, MaxList)
	if err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		return tx.Audit(actor.audit().Entry("accounts.list", "", []string{"username", "status"}, "",
			"status=approved role=shop activated=no"))
	})
	return list, err
}

// Onboarding is one resident or shop as the approver sees it: what the queue shows, and for a shop its
// category and whether it is activated, with the chain intent of the activation (nil before).
type Onboarding struct {
	Account
	Activation *outbox.Intent
}

// OnboardingAccount returns one resident or shop for the approver, without personal fields: id, role,
// username, status, dates and, for a shop, its category, activation and where the activation is on chain.
// Staff accounts are ErrNotFound. The actor needs accounts.approve; the look is audited.
func (s *Service) OnboardingAccount(ctx context.Context, actor Actor, id string) (Onboarding, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return Onboarding{}, err
	}
	a, err := s.store.ByID(ctx, id)
	if err != nil {
		return Onboarding{}, err
	}
	if a.Role == RoleStaff {
		return Onboarding{}, ErrNotFound
	}
	out := Onboarding{Account: Account{ID: a.ID, Role: a.Role, Username: a.Username, Status: a.Status,
		CreatedAt: a.CreatedAt, DecidedAt: a.DecidedAt}}
	if out.SharedContact, err = s.store.SharedContact(ctx, a.ID); err != nil {
		return Onboarding{}, err
	}
	if a.Shop != nil {
		out.Shop = &Shop{Category: a.Shop.Category, ActivatedAt: a.Shop.ActivatedAt}
		if a.Shop.ActivatedAt != nil {
			in, err := s.store.Intent(ctx, ActivationIntent(a.ID, "").IdempotencyKey)
			switch {
			case err == nil:
				out.Activation = &in
			case !errors.Is(err, outbox.ErrNotFound):
				return Onboarding{}, err
			}
		}
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		return tx.Audit(actor.audit().Entry("account.view", a.ID, []string{"username", "status"}, "", "role="+string(a.Role)))
	})
	return out, err
}

// ReadPersonalByUsername is ReadPersonal for the account with that username (as people type it), for
// staff who know a person by their username only. The privilege and the reason are checked before the
// account is looked up; an unknown username is ErrNotFound.
func (s *Service) ReadPersonalByUsername(ctx context.Context, actor Actor, username, reason string) (Account, error) {
	if err := actor.require(PrivAccountsReadPersonal); err != nil {
		return Account{}, err
	}
	if _, err := NormalizeReason(reason); err != nil {
		return Account{}, err
	}
	a, err := s.store.ByUsername(ctx, NormalizeUsername(username))
	if err != nil {
		return Account{}, err
	}
	return s.ReadPersonal(ctx, actor, a.ID, reason)
}
