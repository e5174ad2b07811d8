package console

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/heerlen/heitje/internal/accounts"
)

// Suspending and reinstating a resident or shop, from its page in the onboarding section (accounts.approve,
// as approving is). The page shows the form that fits the account's status; suspension.html has both.
func init() { registerSection(11, (*Server).registerSuspensions) }

func (s *Server) registerSuspensions() {
	approve := accounts.PrivAccountsApprove
	s.handle("POST "+Base+"/aanmeldingen/{id}/schorsen", approve, s.accountsSuspend)
	s.handle("POST "+Base+"/aanmeldingen/{id}/weer-toelaten", approve, s.accountsReinstate)
}

// lastSuspension is the account's latest suspension for its page, or nil when it was never suspended.
func (s *Server) lastSuspension(r *http.Request, c *call, id string) (*accounts.Suspension, error) {
	sus, err := s.deps.Accounts.LastSuspension(r.Context(), c.Actor, id)
	if errors.Is(err, accounts.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &sus, nil
}

// accountsSuspend suspends an approved resident or shop; without a reason nothing happens and the form
// says so next to the field.
func (s *Server) accountsSuspend(w http.ResponseWriter, r *http.Request, c *call) {
	s.changeSuspension(w, r, c, "suspend_reason", "console.accounts.suspend.reason_required", s.deps.Accounts.Suspend,
		"console.accounts.suspend.done")
}

// accountsReinstate ends a suspension, with a reason.
func (s *Server) accountsReinstate(w http.ResponseWriter, r *http.Request, c *call) {
	s.changeSuspension(w, r, c, "reinstate_reason", "console.accounts.reinstate.reason_required", s.deps.Accounts.Reinstate,
		"console.accounts.reinstate.done")
}

// changeSuspension is a suspension or reinstatement from the account's page: the reason in field is
// required (empty: the page again with required next to the field); a decision that no longer fits the
// account's status shows the page again with why; done is the message after it.
func (s *Server) changeSuspension(w http.ResponseWriter, r *http.Request, c *call, field, required string,
	change func(context.Context, accounts.Actor, string, string) (accounts.Account, error), done string) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	if strings.TrimSpace(r.PostForm.Get(field)) == "" {
		s.showAccount(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm, Errors: map[string]string{field: required}})
		return
	}
	a, err := change(r.Context(), c.Actor, r.PathValue("id"), r.PostForm.Get(field))
	var fe *accounts.ValidationError
	switch {
	case errors.As(err, &fe) && fe.Field == "reason":
		s.showAccount(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm,
			Errors: map[string]string{field: "console.accounts.reason_too_long"}})
	case errors.Is(err, accounts.ErrAlreadySuspended), errors.Is(err, accounts.ErrNotSuspended), errors.Is(err, accounts.ErrInvalidState):
		s.showAccount(w, r, c, http.StatusConflict, view{Problem: "console.accounts.suspension.changed"})
	case err != nil:
		s.failErr(w, r, c, err)
	default:
		s.done(w, r, done, Base+"/aanmeldingen/"+url.PathEscape(a.ID))
	}
}
