package accounts

import "context"

// StaffMember returns one staff account for the administrator's page: username, status, privileges and
// dates, no password hash. Other accounts are ErrNotFound. The actor needs staff.manage; the look is
// audited as the staff listing is.
func (s *Service) StaffMember(ctx context.Context, actor Actor, id string) (Account, error) {
	if err := actor.require(PrivStaffManage); err != nil {
		return Account{}, err
	}
	a, err := s.store.ByID(ctx, id)
	if err != nil {
		return Account{}, err
	}
	if a.Role != RoleStaff {
		return Account{}, ErrNotFound
	}
	out := Account{ID: a.ID, Role: a.Role, Username: a.Username, Status: a.Status, Privileges: a.Privileges,
		CreatedAt: a.CreatedAt, DecidedAt: a.DecidedAt}
	err = s.store.InTx(ctx, func(tx Tx) error {
		return tx.Audit(actor.audit().Entry("staff.view", a.ID, []string{"username", "privileges"}, "", ""))
	})
	return out, err
}

// Administrators counts the active staff members who hold staff.manage; fewer than MinAdmins deserves a
// warning. The actor needs staff.manage.
func (s *Service) Administrators(ctx context.Context, actor Actor) (int, error) {
	if err := actor.require(PrivStaffManage); err != nil {
		return 0, err
	}
	return s.store.CountWithPrivilege(ctx, PrivStaffManage)
}
