package console

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/heerlen/heitje/internal/accounts"
)

// The accounts sections: the onboarding queue, where approvers admit or refuse residents and shops and
// activate shops for payments (accounts.approve), and the look at one person's personal data, which asks
// for the reason first (accounts.read_personal). They are two entries in the navigation because each
// needs its own privilege: a staff member may hold either.
func init() { registerSection(10, (*Server).registerAccounts) }

func (s *Server) registerAccounts() {
	approve, read := accounts.PrivAccountsApprove, accounts.PrivAccountsReadPersonal
	s.addSection(section{Path: Base + "/aanmeldingen", Title: "console.accounts.title", About: "console.accounts.about",
		Privileges: []accounts.Privilege{approve}})
	s.addSection(section{Path: Base + "/persoonsgegevens", Title: "console.accounts.personal.title",
		About: "console.accounts.personal.about", Privileges: []accounts.Privilege{read}})
	s.handle("GET "+Base+"/aanmeldingen", approve, s.accountsQueue)
	s.handle("GET "+Base+"/aanmeldingen/{id}", approve, s.accountsOne)
	s.handle("POST "+Base+"/aanmeldingen/{id}/goedkeuren", approve, s.accountsApprove)
	s.handle("POST "+Base+"/aanmeldingen/{id}/afwijzen", approve, s.accountsReject)
	s.handle("POST "+Base+"/aanmeldingen/{id}/activeren", approve, s.accountsActivate)
	s.handle("GET "+Base+"/persoonsgegevens", read, s.personalForm)
	s.handle("POST "+Base+"/persoonsgegevens", read, s.personalRead)
}

// The queue's filters in the address: ?status=wachtend|goedgekeurd|afgewezen|geschorst&soort=bewoner|winkel.
var (
	queueStatuses = map[string]accounts.Status{"wachtend": accounts.StatusPending, "goedgekeurd": accounts.StatusApproved,
		"afgewezen": accounts.StatusRejected, "geschorst": accounts.StatusSuspended}
	queueRoles = map[string]accounts.Role{"bewoner": accounts.RoleResident, "winkel": accounts.RoleShop}
)

// accountsQueue is the onboarding queue: the accounts of a status (awaiting approval unless chosen
// otherwise), oldest first, with how many residents and shops wait, and the approved shops that are not
// yet activated for payments. It shows what the API's queue shows: username, kind and dates, nothing
// personal.
func (s *Server) accountsQueue(w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	f := accounts.ListFilter{Status: queueStatuses[q.Get("status")], Role: queueRoles[q.Get("soort")]}
	if f.Status == "" {
		f.Status = accounts.StatusPending
		q.Set("status", "wachtend")
	}
	if f.Role == "" {
		q.Del("soort")
	}
	list, err := s.deps.Accounts.Queue(r.Context(), c.Actor, f)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	counts, err := s.deps.Accounts.PendingCounts(r.Context(), c.Actor)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	inactive, err := s.deps.Accounts.AwaitingActivation(r.Context(), c.Actor)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	s.render(w, r, c, http.StatusOK, "accounts_queue", view{Title: "console.accounts.title", Form: q, Data: map[string]any{
		"List": list, "Full": len(list) >= accounts.MaxList, "Residents": counts[accounts.RoleResident],
		"Shops": counts[accounts.RoleShop], "Inactive": inactive, "Status": q.Get("status"),
		"Statuses": []string{"wachtend", "goedgekeurd", "afgewezen", "geschorst"}, "Roles": []string{"bewoner", "winkel"}}})
}

// accountsOne is one resident or shop: what the queue says, and the decisions that fit its status.
func (s *Server) accountsOne(w http.ResponseWriter, r *http.Request, c *call) {
	s.showAccount(w, r, c, http.StatusOK, view{})
}

// showAccount renders the account page with v's form, errors and problem (after a refused decision), and
// the account's latest suspension (suspension.go).
func (s *Server) showAccount(w http.ResponseWriter, r *http.Request, c *call, status int, v view) {
	a, err := s.deps.Accounts.OnboardingAccount(r.Context(), c.Actor, r.PathValue("id"))
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	sus, err := s.lastSuspension(r, c, a.ID)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	v.Title = "console.accounts.account.title"
	v.Data = map[string]any{"A": a, "CanRead": c.Principal.Has(accounts.PrivAccountsReadPersonal),
		"Path": Base + "/aanmeldingen/" + url.PathEscape(a.ID), "Suspension": sus}
	s.render(w, r, c, status, "accounts_account", v)
}

// accountsApprove admits a pending resident or shop, with an optional reason. A resident's approver goes
// back to the queue; a shop's stays on its page, where it can be activated.
func (s *Server) accountsApprove(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	a, err := s.deps.Accounts.Approve(r.Context(), c.Actor, r.PathValue("id"), r.PostForm.Get("approve_reason"))
	if err != nil {
		s.refusedDecision(w, r, c, err, "approve_reason")
		return
	}
	if a.Role == accounts.RoleShop {
		s.done(w, r, "console.accounts.approved_shop", Base+"/aanmeldingen/"+url.PathEscape(a.ID))
		return
	}
	s.done(w, r, "console.accounts.approved", Base+"/aanmeldingen")
}

// accountsReject refuses a pending resident or shop; without a reason nothing happens and the form says so.
func (s *Server) accountsReject(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	if strings.TrimSpace(r.PostForm.Get("reason")) == "" {
		s.showAccount(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm,
			Errors: map[string]string{"reason": "console.accounts.reason_required"}})
		return
	}
	if _, err := s.deps.Accounts.Reject(r.Context(), c.Actor, r.PathValue("id"), r.PostForm.Get("reason")); err != nil {
		s.refusedDecision(w, r, c, err, "reason")
		return
	}
	s.done(w, r, "console.accounts.rejected", Base+"/aanmeldingen")
}

// refusedDecision shows the account page again with why a decision was refused: a reason that is too
// long next to its field (field), a decision already taken as the page's problem.
func (s *Server) refusedDecision(w http.ResponseWriter, r *http.Request, c *call, err error, field string) {
	var fe *accounts.ValidationError
	if errors.As(err, &fe) && fe.Field == "reason" {
		s.showAccount(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm,
			Errors: map[string]string{field: "console.accounts.reason_too_long"}})
		return
	}
	if errors.Is(err, accounts.ErrInvalidState) {
		s.showAccount(w, r, c, http.StatusConflict, view{Problem: "console.accounts.already_decided"})
		return
	}
	s.failErr(w, r, c, err)
}

// accountsActivate enables an approved shop for payments: the grant goes on its way on chain, and the
// shop's page follows it.
func (s *Server) accountsActivate(w http.ResponseWriter, r *http.Request, c *call) {
	a, _, err := s.deps.Accounts.ActivateShop(r.Context(), c.Actor, r.PathValue("id"))
	if errors.Is(err, accounts.ErrInvalidState) {
		s.showAccount(w, r, c, http.StatusConflict, view{Problem: "console.accounts.not_activatable"})
		return
	}
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	s.done(w, r, "console.accounts.activated", Base+"/aanmeldingen/"+url.PathEscape(a.ID))
}

// personalForm asks for the username and the reason before showing anyone's personal data.
func (s *Server) personalForm(w http.ResponseWriter, r *http.Request, c *call) {
	s.render(w, r, c, http.StatusOK, "accounts_personal", view{Title: "console.accounts.personal.title",
		Form: url.Values{"username": {r.URL.Query().Get("gebruikersnaam")}}})
}

// personalRead shows one account's personal data after the reason is given; the service writes the
// audit entry in the same transaction as the read. The answer is the page itself (not a redirect), so
// the data is never in an address or the history, and the browser does not keep it (no-store).
func (s *Server) personalRead(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	v := view{Title: "console.accounts.personal.title", Form: r.PostForm, Errors: map[string]string{}}
	if strings.TrimSpace(r.PostForm.Get("username")) == "" {
		v.Errors["username"] = "console.accounts.personal.username_required"
	}
	if strings.TrimSpace(r.PostForm.Get("reason")) == "" {
		v.Errors["reason"] = "console.accounts.personal.reason_required"
	}
	if len(v.Errors) > 0 {
		s.render(w, r, c, http.StatusUnprocessableEntity, "accounts_personal", v)
		return
	}
	a, err := s.deps.Accounts.ReadPersonalByUsername(r.Context(), c.Actor, r.PostForm.Get("username"), r.PostForm.Get("reason"))
	if errors.Is(err, accounts.ErrNotFound) {
		v.Errors["username"] = "console.accounts.personal.unknown"
		s.render(w, r, c, http.StatusNotFound, "accounts_personal", v)
		return
	}
	if err != nil {
		var fe *accounts.ValidationError
		if errors.As(err, &fe) && fe.Field == "reason" {
			v.Errors["reason"] = "console.accounts.reason_too_long"
			s.render(w, r, c, http.StatusUnprocessableEntity, "accounts_personal", v)
			return
		}
		s.failErr(w, r, c, err)
		return
	}
	v.Data = map[string]any{"A": a}
	s.render(w, r, c, http.StatusOK, "accounts_personal", v)
}
