package accounts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/outbox"
)

// StatusSuspended is a resident or shop whose access staff suspended, with a reason: it cannot sign in,
// and its sessions were revoked when it was suspended. Its coins stay its own. A suspended shop takes no
// payments, is still paid out what it holds, and loses its accepting role on chain once it holds nothing
// more (SettleSuspensions). Staff are never suspended: they are disabled.
const StatusSuspended Status = "suspended"

// The errors of suspending and reinstating.
var (
	ErrAccountSuspended = errors.New("accounts: account is suspended")
	ErrAlreadySuspended = errors.New("accounts: the account is already suspended")
	ErrNotSuspended     = errors.New("accounts: the account is not suspended")
	ErrStaffAccount     = errors.New("accounts: staff accounts are disabled through staff management, not suspended")
)

// SuspendedError is a sign-in refused because the account is suspended. Reason is what staff wrote for
// the person when they suspended it; nothing else about the suspension is told.
type SuspendedError struct{ Reason string }

func (e *SuspendedError) Error() string { return ErrAccountSuspended.Error() + ": " + e.Reason }

// Unwrap makes errors.Is(err, ErrAccountSuspended) hold.
func (e *SuspendedError) Unwrap() error { return ErrAccountSuspended }

// Suspension is one suspension of a resident or shop, from Suspend to Reinstate. For a shop it records the
// chain intents that revoke its accepting role (written once the shop holds nothing more) and grant it
// again after reinstatement (written once the revocation is final); 0 when not written.
type Suspension struct {
	ID          string
	AccountID   string
	SuspendedAt time.Time
	SuspendedBy string
	// Reason is shown to the person when they try to sign in.
	Reason          string
	RevokeIntentID  int64
	ReinstatedAt    *time.Time
	ReinstatedBy    string
	ReinstateReason string
	GrantIntentID   int64
	// RevokeStatus and GrantStatus are where the two intents are on chain, when a Store lookup fills them;
	// "" when the intent is not written.
	RevokeStatus outbox.Status
	GrantStatus  outbox.Status
}

// Open reports whether the account is still suspended.
func (s Suspension) Open() bool { return s.ReinstatedAt == nil }

// SuspensionStore is what suspensions need from the database outside a transaction.
type SuspensionStore interface {
	// LastSuspension returns the account's latest suspension, open or ended, with the statuses of its
	// intents; ErrNotFound when the account was never suspended.
	LastSuspension(ctx context.Context, accountID string) (Suspension, error)
	// DueSuspensions lists, oldest first and at most limit, the suspensions of shops whose accepting role is
	// due a change on chain: open ones with no revocation written whose shop is settled (see
	// SuspensionTx.ShopSettled), and ended ones with a final revocation and no grant written. Each is
	// checked again under its locks before anything is written.
	DueSuspensions(ctx context.Context, limit int) ([]Suspension, error)
}

// SuspensionTx is the transactional work of suspensions.
type SuspensionTx interface {
	// CreateSuspension inserts an open suspension.
	CreateSuspension(s Suspension) error
	// LockSuspension loads a suspension by id, holding its row; ErrNotFound when there is none.
	LockSuspension(id string) (Suspension, error)
	// LockOpenSuspension loads the account's open suspension, holding its row; ErrNotFound when none.
	LockOpenSuspension(accountID string) (Suspension, error)
	// SaveSuspension writes a suspension's reinstatement and intents.
	SaveSuspension(s Suspension) error
	// CancelOpenRequests cancels the shop's payment requests that nobody paid and that have not expired at
	// at, as the shop's own cancel does, and returns how many.
	CancelOpenRequests(shopID string, at time.Time) (int64, error)
	// ShopSettled reports whether a shop's accepting role may be revoked: its activation is confirmed on
	// chain, it holds no coins in the ledger, no coin movement to or from its address is on its way (written
	// and not yet indexed, unless failed), and no payout line of it waits for its redeem.
	ShopSettled(shopID, address string) (bool, error)
	// IntentStatus returns the status of the chain intent with this id.
	IntentStatus(id int64) (outbox.Status, error)
}

// RevocationIntent is the outbox intent that revokes a suspended shop's accepting role:
// revokeRole(ACCEPTOR_ROLE, address), sent by the operator key, keyed by the suspension so it is written
// once however often the worker looks.
func RevocationIntent(suspensionID, address string) outbox.Intent {
	return acceptorIntent(outbox.KindRevokeAcceptor, "shop-suspend:"+suspensionID, address)
}

// RegrantIntent is the outbox intent that grants a reinstated shop its accepting role again, keyed by the
// suspension that revoked it.
func RegrantIntent(suspensionID, address string) outbox.Intent {
	return acceptorIntent(outbox.KindGrantAcceptor, "shop-reinstate:"+suspensionID, address)
}

// Suspend suspends an approved resident or shop, for a reason that the person is shown when they try to
// sign in. In one transaction the account becomes suspended, every session of it is revoked (its access
// tokens stop working on their next request, its refresh tokens never work again), a shop's open payment
// requests are cancelled, and the suspension and its audit entry are written. Coins are not touched: a
// shop's are paid out by the next payout run, after which SettleSuspensions revokes its accepting role. The
// actor needs accounts.approve. Staff accounts are refused (ErrStaffAccount: they are disabled through
// staff management), a suspended account is ErrAlreadySuspended, and one that is not approved (pending,
// rejected, erased) ErrInvalidState; nothing changes then.
func (s *Service) Suspend(ctx context.Context, actor Actor, id, reason string) (Account, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return Account{}, err
	}
	reason, err := NormalizeReason(reason)
	if err != nil {
		return Account{}, err
	}
	var out Account
	err = s.store.InTx(ctx, func(tx Tx) error {
		a, err := tx.Get(id, true)
		if err != nil {
			return err
		}
		switch {
		case a.Role == RoleStaff:
			return ErrStaffAccount
		case a.Status == StatusSuspended:
			return ErrAlreadySuspended
		case a.Status != StatusApproved:
			return ErrInvalidState
		}
		now := s.now()
		a.Status = StatusSuspended
		if err := tx.Save(a); err != nil {
			return err
		}
		if err := tx.RevokeSessions(a.ID, now, "account suspended"); err != nil {
			return err
		}
		sus := Suspension{ID: uuid.NewString(), AccountID: a.ID, SuspendedAt: now, SuspendedBy: actor.AccountID, Reason: reason}
		if err := tx.CreateSuspension(sus); err != nil {
			return err
		}
		detail := "role=" + string(a.Role) + " suspension " + sus.ID
		if a.Role == RoleShop {
			n, err := tx.CancelOpenRequests(a.ID, now)
			if err != nil {
				return err
			}
			detail += fmt.Sprintf(", %d open payment request(s) cancelled", n)
		}
		out = a
		return tx.Audit(actor.audit().Entry("account.suspend", a.ID, []string{"status"}, reason, detail))
	})
	return out, err
}

// Reinstate ends a suspension, for a reason that goes into the audit log: the account is approved again
// and signs in anew. A shop whose accepting role was revoked gets it granted again through the outbox, in
// the same transaction when the revocation is final on chain, else by SettleSuspensions once it is; until
// the grant is confirmed the shop cannot take payments. The actor needs accounts.approve; staff accounts
// are ErrStaffAccount and an account that is not suspended ErrNotSuspended.
func (s *Service) Reinstate(ctx context.Context, actor Actor, id, reason string) (Account, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return Account{}, err
	}
	reason, err := NormalizeReason(reason)
	if err != nil {
		return Account{}, err
	}
	var out Account
	err = s.store.InTx(ctx, func(tx Tx) error {
		a, err := tx.Get(id, true)
		if err != nil {
			return err
		}
		switch {
		case a.Role == RoleStaff:
			return ErrStaffAccount
		case a.Status != StatusSuspended:
			return ErrNotSuspended
		}
		sus, err := tx.LockOpenSuspension(a.ID)
		if err != nil {
			return fmt.Errorf("accounts: suspended account %s has no open suspension: %w", a.ID, err)
		}
		now := s.now()
		a.Status = StatusApproved
		if err := tx.Save(a); err != nil {
			return err
		}
		sus.ReinstatedAt, sus.ReinstatedBy, sus.ReinstateReason = &now, actor.AccountID, reason
		detail := "role=" + string(a.Role) + " suspension " + sus.ID
		if sus.RevokeIntentID != 0 {
			granted, err := regrant(tx, a, &sus)
			if err != nil {
				return err
			}
			if granted {
				detail += ", grant_acceptor intent " + RegrantIntent(sus.ID, "").IdempotencyKey
			} else {
				detail += ", the accepting role is granted again once its revocation is final"
			}
		}
		if err := tx.SaveSuspension(sus); err != nil {
			return err
		}
		out = a
		return tx.Audit(actor.audit().Entry("account.reinstate", a.ID, []string{"status"}, reason, detail))
	})
	return out, err
}

// regrant writes the grant of a reinstated shop's accepting role once the revocation of sus is final
// (confirmed, or failed and so never took the role), and reports whether it did.
func regrant(tx Tx, a Account, sus *Suspension) (bool, error) {
	st, err := tx.IntentStatus(sus.RevokeIntentID)
	if err != nil || (st != outbox.StatusConfirmed && st != outbox.StatusFailed) {
		return false, err
	}
	in, err := tx.Enqueue(RegrantIntent(sus.ID, a.WalletAddress))
	if err != nil {
		return false, err
	}
	sus.GrantIntentID = in.ID
	return true, nil
}

// LastSuspension returns the latest suspension of a resident or shop, for the staff member who looks at
// the account; ErrNotFound when it was never suspended. The actor needs accounts.approve.
func (s *Service) LastSuspension(ctx context.Context, actor Actor, id string) (Suspension, error) {
	if err := actor.require(PrivAccountsApprove); err != nil {
		return Suspension{}, err
	}
	return s.store.LastSuspension(ctx, id)
}

// suspendedError is why a suspended account may not sign in, with the reason it was given.
func (s *Service) suspendedError(ctx context.Context, accountID string) error {
	sus, err := s.store.LastSuspension(ctx, accountID)
	if err != nil {
		return err
	}
	return &SuspendedError{Reason: sus.Reason}
}

// SettleSuspensions makes the chain follow the suspended and reinstated shops, once: it revokes the
// accepting role of each suspended shop that holds nothing more (its last payout redeemed), and grants it
// again to each reinstated shop whose revocation is final. Each change is one outbox intent keyed by the
// suspension, written with its audit entry under the account's and the suspension's row locks, so any
// number of processes may run it side by side, and a restart only finds less to do. It returns how many
// intents it wrote.
func (s *Service) SettleSuspensions(ctx context.Context) (int, error) {
	due, err := s.store.DueSuspensions(ctx, MaxList)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, d := range due {
		wrote, err := s.settleSuspension(ctx, d)
		if err != nil {
			return n, fmt.Errorf("suspension %s: %w", d.ID, err)
		}
		if wrote {
			n++
		}
	}
	return n, nil
}

func (s *Service) settleSuspension(ctx context.Context, d Suspension) (bool, error) {
	wrote := false
	err := s.store.InTx(ctx, func(tx Tx) error {
		a, err := tx.Get(d.AccountID, true)
		if err != nil {
			return err
		}
		sus, err := tx.LockSuspension(d.ID)
		if err != nil {
			return err
		}
		if a.Role != RoleShop || a.WalletAddress == "" {
			return nil
		}
		platform := audit.Actor{}
		switch {
		case sus.Open() && sus.RevokeIntentID == 0:
			settled, err := tx.ShopSettled(a.ID, a.WalletAddress)
			if err != nil || !settled {
				return err
			}
			in, err := tx.Enqueue(RevocationIntent(sus.ID, a.WalletAddress))
			if err != nil {
				return err
			}
			sus.RevokeIntentID, wrote = in.ID, true
			if err := tx.SaveSuspension(sus); err != nil {
				return err
			}
			return tx.Audit(platform.Entry("shop.revoke_acceptor", a.ID, []string{"wallet_address"}, "",
				"suspension "+sus.ID+": the shop holds nothing more; revoke_acceptor intent "+in.IdempotencyKey))
		case !sus.Open() && sus.RevokeIntentID != 0 && sus.GrantIntentID == 0:
			if wrote, err = regrant(tx, a, &sus); err != nil || !wrote {
				return err
			}
			if err := tx.SaveSuspension(sus); err != nil {
				return err
			}
			return tx.Audit(platform.Entry("shop.grant_acceptor", a.ID, []string{"wallet_address"}, "",
				"suspension "+sus.ID+" ended: grant_acceptor intent "+RegrantIntent(sus.ID, "").IdempotencyKey))
		}
		return nil
	})
	return wrote, err
}

// RunSuspensions runs SettleSuspensions now and every interval until ctx ends; errors are logged and the
// next round tries again.
func (s *Service) RunSuspensions(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := s.SettleSuspensions(ctx); err != nil && ctx.Err() == nil {
			log.Warn("suspensions round failed; retrying", "err", err)
		} else if n > 0 {
			log.Info("accepting roles of suspended or reinstated shops on their way", "intents", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
