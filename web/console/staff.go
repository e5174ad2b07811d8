package console

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/heerlen/heitje/internal/accounts"
)

// The staff section (staff.manage): the access review list (who holds which privileges and still signs
// in), new staff, privileges, disabling and enabling, and the warning when fewer than two administrators
// remain. The service keeps the last administrator and refuses anyone disabling themselves; the pages say
// so and change nothing.
func init() { registerSection(60, (*Server).registerStaff) }

func (s *Server) registerStaff() {
	m := accounts.PrivStaffManage
	s.addSection(section{Path: Base + "/medewerkers", Title: "console.staff.title", About: "console.staff.about",
		Privileges: []accounts.Privilege{m}})
	s.handle("GET "+Base+"/medewerkers", m, s.staffList)
	s.handle("GET "+Base+"/medewerkers/nieuw", m, s.staffNewForm)
	s.handle("POST "+Base+"/medewerkers/nieuw", m, s.staffCreate)
	s.handle("GET "+Base+"/medewerkers/{id}", m, s.staffOne)
	s.handle("POST "+Base+"/medewerkers/{id}/bevoegdheden", m, s.staffSetPrivileges)
	s.handle("POST "+Base+"/medewerkers/{id}/uitzetten", m, s.staffDisable)
	s.handle("POST "+Base+"/medewerkers/{id}/aanzetten", m, s.staffEnable)
	s.handle("POST "+Base+"/medewerkers/{id}/tweede-factor", m, s.staffResetSecondFactor)
}

// staffList is the access review list: every staff member with privileges, status and last sign-in.
func (s *Server) staffList(w http.ResponseWriter, r *http.Request, c *call) {
	list, err := s.deps.Accounts.ListStaff(r.Context(), c.Actor, accounts.MaxList, 0)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	admins, err := s.deps.Accounts.Administrators(r.Context(), c.Actor)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	s.render(w, r, c, http.StatusOK, "staff_list", view{Title: "console.staff.title", Data: map[string]any{
		"List": list, "Admins": admins, "FewAdmins": admins < accounts.MinAdmins, "Full": len(list) >= accounts.MaxList}})
}

// staffNewForm asks for a new staff member's username, first password and privileges.
func (s *Server) staffNewForm(w http.ResponseWriter, r *http.Request, c *call) {
	s.render(w, r, c, http.StatusOK, "staff_new", view{Title: "console.staff.new.title", Data: map[string]any{
		"Privileges": staffPrivileges(), "Held": map[string]bool{}}})
}

// staffCreate creates a staff member; bad input is shown next to its field and creates nothing.
func (s *Server) staffCreate(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	v := view{Title: "console.staff.new.title", Form: r.PostForm, Errors: map[string]string{}, Data: map[string]any{
		"Privileges": staffPrivileges(), "Held": ticked(r.PostForm)}}
	if strings.TrimSpace(r.PostForm.Get("username")) == "" {
		v.Errors["username"] = "console.staff.username_required"
	}
	if r.PostForm.Get("password") == "" {
		v.Errors["password"] = "console.staff.password_required"
	}
	if len(v.Errors) > 0 {
		s.render(w, r, c, http.StatusUnprocessableEntity, "staff_new", v)
		return
	}
	a, err := s.deps.Accounts.CreateStaff(r.Context(), c.Actor, r.PostForm.Get("username"), r.PostForm.Get("password"),
		formPrivileges(r.PostForm))
	if err != nil {
		status := http.StatusUnprocessableEntity
		var fe *accounts.ValidationError
		switch {
		case errors.Is(err, accounts.ErrUsernameTaken):
			v.Errors["username"], status = "error.code.username_taken", http.StatusConflict
		case errors.As(err, &fe) && fe.Field == "username":
			v.Errors["username"] = "error.field.username"
		case errors.As(err, &fe) && fe.Field == "password":
			v.Errors["password"] = "error.field.password"
		default:
			status = s.formProblem(&v, err, "privileges")
		}
		s.render(w, r, c, status, "staff_new", v)
		return
	}
	s.done(w, r, "console.staff.new.done", Base+"/medewerkers/"+url.PathEscape(a.ID))
}

// staffOne is one staff member: privileges to change, the account to disable or enable and the second
// factor to reset, each with a reason.
func (s *Server) staffOne(w http.ResponseWriter, r *http.Request, c *call) {
	s.showStaff(w, r, c, http.StatusOK, view{})
}

// showStaff renders a staff member's page with v's form, errors and problem (after a refusal). Without a
// form, the privilege boxes show what the member holds now.
func (s *Server) showStaff(w http.ResponseWriter, r *http.Request, c *call, status int, v view) {
	a, err := s.deps.Accounts.StaffMember(r.Context(), c.Actor, r.PathValue("id"))
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	admins, err := s.deps.Accounts.Administrators(r.Context(), c.Actor)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	factor, err := s.deps.Accounts.StaffSecondFactor(r.Context(), c.Actor, a.ID)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	held := map[string]bool{}
	for _, p := range a.Privileges {
		held[string(p)] = true
	}
	if v.Form != nil && v.Form.Has("privileges_sent") {
		held = ticked(v.Form)
	}
	v.Title = "console.staff.member.title"
	v.Data = map[string]any{"A": a, "Path": Base + "/medewerkers/" + url.PathEscape(a.ID), "Privileges": staffPrivileges(),
		"Held": held, "Self": a.ID == c.AccountID, "Admins": admins, "FewAdmins": admins < accounts.MinAdmins, "Factor": factor}
	s.render(w, r, c, status, "staff_member", v)
}

// staffSetPrivileges replaces a staff member's privileges, with a reason. An administrator who takes
// staff.manage from themselves lands on the console's start, as this section is no longer theirs.
func (s *Server) staffSetPrivileges(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	r.PostForm.Set("privileges_sent", "1")
	if strings.TrimSpace(r.PostForm.Get("privileges_reason")) == "" {
		s.showStaff(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm,
			Errors: map[string]string{"privileges_reason": "console.staff.reason_required"}})
		return
	}
	a, err := s.deps.Accounts.SetPrivileges(r.Context(), c.Actor, r.PathValue("id"), formPrivileges(r.PostForm),
		strings.TrimSpace(r.PostForm.Get("privileges_reason")))
	if err != nil {
		s.refusedStaffChange(w, r, c, err, "privileges_reason")
		return
	}
	if a.ID == c.AccountID && !a.Has(accounts.PrivStaffManage) {
		s.done(w, r, "console.staff.privileges_set", Base)
		return
	}
	s.done(w, r, "console.staff.privileges_set", Base+"/medewerkers/"+url.PathEscape(a.ID))
}

// staffDisable ends a staff member's access at once; staffEnable gives it back.
func (s *Server) staffDisable(w http.ResponseWriter, r *http.Request, c *call) {
	s.setStaffStatus(w, r, c, s.deps.Accounts.DisableStaff, "console.staff.disabled")
}

func (s *Server) staffEnable(w http.ResponseWriter, r *http.Request, c *call) {
	s.setStaffStatus(w, r, c, s.deps.Accounts.EnableStaff, "console.staff.enabled")
}

func (s *Server) setStaffStatus(w http.ResponseWriter, r *http.Request, c *call,
	set func(context.Context, accounts.Actor, string, string) (accounts.Account, error), done string) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	if strings.TrimSpace(r.PostForm.Get("status_reason")) == "" {
		s.showStaff(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm,
			Errors: map[string]string{"status_reason": "console.staff.reason_required"}})
		return
	}
	a, err := set(r.Context(), c.Actor, r.PathValue("id"), r.PostForm.Get("status_reason"))
	if err != nil {
		s.refusedStaffChange(w, r, c, err, "status_reason")
		return
	}
	s.done(w, r, done, Base+"/medewerkers/"+url.PathEscape(a.ID))
}

// staffResetSecondFactor resets a staff member's second factor (a lost phone), with a reason: their
// sessions end and they enrol again at their next sign-in. Resetting one's own signs oneself out.
func (s *Server) staffResetSecondFactor(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	if strings.TrimSpace(r.PostForm.Get("factor_reason")) == "" {
		s.showStaff(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm,
			Errors: map[string]string{"factor_reason": "console.staff.reason_required"}})
		return
	}
	a, err := s.deps.Accounts.ResetSecondFactor(r.Context(), c.Actor, r.PathValue("id"), r.PostForm.Get("factor_reason"))
	if err != nil {
		s.refusedStaffChange(w, r, c, err, "factor_reason")
		return
	}
	if a.ID == c.AccountID {
		s.clearSession(w)
		s.done(w, r, "console.staff.second_factor.reset_self", Base+"/inloggen")
		return
	}
	s.done(w, r, "console.staff.second_factor.reset_done", Base+"/medewerkers/"+url.PathEscape(a.ID))
}

// refusedStaffChange shows the staff member's page again with why a change was refused; nothing changed.
func (s *Server) refusedStaffChange(w http.ResponseWriter, r *http.Request, c *call, err error, reasonField string) {
	var fe *accounts.ValidationError
	switch {
	case errors.Is(err, accounts.ErrLastAdmin):
		s.showStaff(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm, Problem: "console.staff.last_admin"})
	case errors.Is(err, accounts.ErrSelfDisable):
		s.showStaff(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm, Problem: "console.staff.self_disable"})
	case errors.As(err, &fe) && fe.Field == "reason":
		s.showStaff(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm,
			Errors: map[string]string{reasonField: "console.staff.reason_too_long"}})
	case errors.As(err, &fe) && fe.Field == "privileges":
		s.showStaff(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm, Problem: "console.staff.unknown_privilege"})
	default:
		s.failErr(w, r, c, err)
	}
}

// staffPrivilege is a privilege as the forms show it: its name and the message keys of its label and of
// what it allows.
type staffPrivilege struct {
	Name, Label, Help string
}

func staffPrivileges() []staffPrivilege {
	var out []staffPrivilege
	for _, p := range accounts.AllPrivileges() {
		out = append(out, staffPrivilege{Name: string(p), Label: "console.staff.priv." + string(p),
			Help: "console.staff.priv_help." + string(p)})
	}
	return out
}

// formPrivileges are the privileges ticked on a form.
func formPrivileges(f url.Values) []accounts.Privilege {
	out := make([]accounts.Privilege, 0, len(f["privileges"]))
	for _, p := range f["privileges"] {
		out = append(out, accounts.Privilege(p))
	}
	return out
}

// ticked is the set of privileges ticked on a form, to show the form again as it was sent.
func ticked(f url.Values) map[string]bool {
	held := map[string]bool{}
	for _, p := range f["privileges"] {
		held[p] = true
	}
	return held
}
