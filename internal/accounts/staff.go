package accounts

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/heerlen/heitje/internal/audit"
)

// normalizePrivileges checks a privilege set and returns it sorted without duplicates.
func normalizePrivileges(ps []Privilege) ([]Privilege, error) {
	out := make([]Privilege, 0, len(ps))
	for _, p := range ps {
		if !p.Known() {
			return nil, invalid("privileges", fmt.Sprintf("%q is not a privilege", p))
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out, nil
}

func joinPrivileges(ps []Privilege) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = string(p)
	}
	return strings.Join(s, ",")
}

// CreateStaff creates an approved staff account with the given privileges. The actor needs staff.manage.
func (s *Service) CreateStaff(ctx context.Context, actor Actor, username, password string, privs []Privilege) (Account, error) {
	if err := actor.require(PrivStaffManage); err != nil {
		return Account{}, err
	}
	return s.createStaff(ctx, actor.audit(), username, password, privs, "")
}

// CreateAdmin creates an administrator: a staff account with every privilege. It is what
// `heitje admin create` and the demo seed call; the audit log records the platform as the actor.
func (s *Service) CreateAdmin(ctx context.Context, username, password, how string) (Account, error) {
	return s.createStaff(ctx, audit.Actor{}, username, password, AllPrivileges(), how)
}

func (s *Service) createStaff(ctx context.Context, actor audit.Actor, username, password string, privs []Privilege, how string) (Account, error) {
	a, err := s.newAccount(RoleStaff, username, password)
	if err != nil {
		return Account{}, err
	}
	if a.Privileges, err = normalizePrivileges(privs); err != nil {
		return Account{}, err
	}
	now := s.now()
	a.Status, a.DecidedAt, a.DecidedBy = StatusApproved, &now, actor.ID
	if err := s.hashPassword(&a, password); err != nil {
		return Account{}, err
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		if err := tx.Create(a); err != nil {
			return err
		}
		return tx.Audit(actor.Entry("staff.create", a.ID, []string{"username", "privileges"}, "",
			strings.TrimSpace("privileges="+joinPrivileges(a.Privileges)+" "+how)))
	})
	if err != nil {
		return Account{}, err
	}
	s.staffChanged()
	return a, nil
}

// ListStaff returns the staff accounts, active and disabled, without passwords. The actor needs
// staff.manage; the listing is audited.
func (s *Service) ListStaff(ctx context.Context, actor Actor, limit, offset int) ([]Account, error) {
	if err := actor.require(PrivStaffManage); err != nil {
		return nil, err
	}
	list, err := s.store.List(ctx, ListFilter{Staff: true, Limit: limit, Offset: offset})
	if err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		return tx.Audit(actor.audit().Entry("staff.list", "", []string{"username", "privileges"}, "", ""))
	})
	return list, err
}

// SetPrivileges replaces a staff member's privileges. The actor needs staff.manage; the last administrator
// keeps staff.manage (ErrLastAdmin), so the platform can never lock itself out.
func (s *Service) SetPrivileges(ctx context.Context, actor Actor, staffID string, privs []Privilege, reason string) (Account, error) {
	if err := actor.require(PrivStaffManage); err != nil {
		return Account{}, err
	}
	privs, err := normalizePrivileges(privs)
	if err != nil {
		return Account{}, err
	}
	var out Account
	err = s.store.InTx(ctx, func(tx Tx) error {
		a, err := lockStaff(tx, staffID)
		if err != nil {
			return err
		}
		if a.Has(PrivStaffManage) && !slices.Contains(privs, PrivStaffManage) {
			if err := notLastAdmin(tx); err != nil {
				return err
			}
		}
		if len(reason) > MaxReasonLen {
			return invalid("reason", "has at most 500 characters")
		}
		detail := joinPrivileges(a.Privileges) + " -> " + joinPrivileges(privs)
		a.Privileges = privs
		if err := tx.Save(a); err != nil {
			return err
		}
		out = a
		return tx.Audit(actor.audit().Entry("staff.privileges", a.ID, []string{"privileges"}, strings.TrimSpace(reason), detail))
	})
	if err == nil {
		s.staffChanged()
	}
	return out, err
}

// HasAdmin reports whether any approved staff member holds staff.manage.
func (s *Service) HasAdmin(ctx context.Context) (bool, error) {
	n, err := s.store.CountWithPrivilege(ctx, PrivStaffManage)
	return n > 0, err
}

// DisableStaff ends a staff member's access at once, for a leaver or lost credentials: the account is
// disabled and every session of it revoked, so its access tokens stop working on their next request and its
// refresh tokens never work again. The account stays, so the audit log keeps naming who did what. The actor
// needs staff.manage and a reason; nobody disables themselves, and the last administrator stays.
func (s *Service) DisableStaff(ctx context.Context, actor Actor, staffID, reason string) (Account, error) {
	return s.setStaffStatus(ctx, actor, staffID, reason, StatusDisabled)
}

// EnableStaff gives a disabled staff member access again, with the privileges they had; they log in anew.
func (s *Service) EnableStaff(ctx context.Context, actor Actor, staffID, reason string) (Account, error) {
	return s.setStaffStatus(ctx, actor, staffID, reason, StatusApproved)
}

func (s *Service) setStaffStatus(ctx context.Context, actor Actor, staffID, reason string, to Status) (Account, error) {
	if err := actor.require(PrivStaffManage); err != nil {
		return Account{}, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" || len(reason) > MaxReasonLen {
		return Account{}, invalid("reason", "is required and has at most 500 characters")
	}
	if to == StatusDisabled && staffID == actor.AccountID {
		return Account{}, ErrSelfDisable
	}
	var out Account
	err := s.store.InTx(ctx, func(tx Tx) error {
		a, err := lockStaff(tx, staffID)
		if err != nil {
			return err
		}
		if a.Status == to {
			out = a
			return nil
		}
		action := "staff.enable"
		if to == StatusDisabled {
			action = "staff.disable"
			if a.Has(PrivStaffManage) {
				if err := notLastAdmin(tx); err != nil {
					return err
				}
			}
			if err := tx.RevokeSessions(a.ID, s.now(), "staff disabled"); err != nil {
				return err
			}
		}
		a.Status = to
		if err := tx.Save(a); err != nil {
			return err
		}
		out = a
		return tx.Audit(actor.audit().Entry(action, a.ID, []string{"status"}, reason, ""))
	})
	if err == nil {
		s.staffChanged()
	}
	return out, err
}

// lockStaff takes the privilege lock (two administrators cannot remove each other at once) and loads a
// staff account, holding its row; ErrNotFound for any other account.
func lockStaff(tx Tx, staffID string) (Account, error) {
	if err := tx.LockPrivileges(); err != nil {
		return Account{}, err
	}
	a, err := tx.Get(staffID, true)
	if err != nil {
		return Account{}, err
	}
	if a.Role != RoleStaff {
		return Account{}, ErrNotFound
	}
	return a, nil
}

// notLastAdmin refuses (ErrLastAdmin) to take staff.manage from the only active administrator.
func notLastAdmin(tx Tx) error {
	n, err := tx.CountWithPrivilege(PrivStaffManage)
	if err != nil {
		return err
	}
	if n <= 1 {
		return ErrLastAdmin
	}
	return nil
}
