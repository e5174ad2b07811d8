package accounts

import (
	"context"
	"errors"

	"github.com/heerlen/heitje/internal/secrets"
)

// ChangePassword replaces the caller's password, for every kind of account. The current password must be
// right (a validation error on current_password otherwise) and the new one is checked as at registration
// and must differ from it (new_password). Every other session of the account ends, the one of this request
// stays, and the change is audited. A wrong current password counts as a failed login for Login's limits,
// from the caller's address, so that a stolen session cannot be used to guess the password behind it: past
// them the answer is ErrRateLimited.
func (s *Service) ChangePassword(ctx context.Context, actor Actor, current, next string) error {
	if err := ValidatePassword(next); err != nil {
		return invalid("new_password", "must have at least 10 and at most 256 characters")
	}
	if next == current {
		return invalid("new_password", "must differ from the current password")
	}
	a, err := s.store.ByID(ctx, actor.AccountID)
	if err != nil {
		return err
	}
	now := s.now()
	userKey, clientKey := s.lookup.Hash("login-username", a.Username), s.lookup.Hash("login-client", actor.SourceIP)
	attempt, err := s.store.ReserveLoginAttempt(ctx, userKey, clientKey, now, now.Add(-s.opts.FailureWindow),
		s.opts.MaxFailuresPerUsernameAndClient, s.opts.MaxFailuresPerClient)
	if err != nil {
		return err
	}
	if attempt == 0 {
		return ErrRateLimited
	}
	ok, err := s.passwords.Verify(current, a.PasswordHash)
	if errors.Is(err, secrets.ErrBusy) {
		// Not a failure: nothing was checked.
		return errors.Join(err, s.store.ReleaseLoginAttempt(ctx, attempt))
	}
	if err != nil || !ok {
		return invalid("current_password", "is not your current password")
	}
	if err := s.store.ReleaseLoginAttempt(ctx, attempt); err != nil {
		return err
	}
	var changed Account
	if err := s.hashPassword(&changed, next); err != nil {
		return err
	}
	return s.store.InTx(ctx, func(tx Tx) error {
		if _, err := tx.Get(a.ID, true); err != nil {
			return err
		}
		if err := tx.SetPasswordHash(a.ID, changed.PasswordHash); err != nil {
			return err
		}
		if err := tx.RevokeOtherSessions(a.ID, actor.SessionID, now, "password changed"); err != nil {
			return err
		}
		return tx.Audit(actor.audit().Entry("account.password_change", a.ID, []string{"password"}, "", "other sessions ended"))
	})
}
