package console

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/heerlen/heitje/api/problem"
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/balances"
	"github.com/heerlen/heitje/internal/recovery"
)

// Recoveries of lost keys (accounts.approve, as the API's admin recovery routes): the open ones, filtered
// by status, and one at a time with the resident's username, the lost and the new address, the coins at the
// lost one and who decided when. One member of staff verifies the resident's identity at the counter, a
// second approves (four eyes: the verifier is told so and gets no approve button, and a direct approval is
// refused with the same words); either may reject with a reason while it is not approved.
func init() { registerSection(13, (*Server).registerRecoveries) }

const recoveriesPath = Base + "/herstel"

func (s *Server) registerRecoveries() {
	approve := accounts.PrivAccountsApprove
	s.addSection(section{Path: recoveriesPath, Title: "console.recoveries.title", About: "console.recoveries.about",
		Privileges: []accounts.Privilege{approve}})
	s.handle("GET "+recoveriesPath, approve, s.recoveriesList)
	s.handle("GET "+recoveriesPath+"/{id}", approve, s.recoveriesOne)
	s.handle("POST "+recoveriesPath+"/{id}/controleren", approve, s.recoveriesVerify)
	s.handle("POST "+recoveriesPath+"/{id}/goedkeuren", approve, s.recoveriesApprove)
	s.handle("POST "+recoveriesPath+"/{id}/afwijzen", approve, s.recoveriesReject)
}

// recoveryFilters are the list's filters in the address (?status=…); none shows every open recovery.
var recoveryFilters = map[string]recovery.Status{"gevraagd": recovery.StatusAsked,
	"gecontroleerd": recovery.StatusVerified, "goedgekeurd": recovery.StatusApproved}

// recoveryLine is a line of the list.
type recoveryLine struct {
	recovery.Recovery
	Username, VerifiedByName string
}

// recoveriesList lists the open recoveries (or those of the chosen status), oldest first, with the
// resident's username and who verified the identity.
func (s *Server) recoveriesList(w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	st, ok := recoveryFilters[q.Get("status")]
	if !ok {
		q.Del("status")
	}
	list, err := s.deps.Recovery.List(r.Context(), c.Actor, st)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	var ids []string
	for _, rc := range list {
		ids = append(ids, rc.AccountID, rc.VerifiedBy)
	}
	names, err := s.deps.Accounts.Usernames(r.Context(), c.Actor, "", "recoveries", ids...)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	lines := make([]recoveryLine, len(list))
	for i, rc := range list {
		lines[i] = recoveryLine{Recovery: rc, Username: names[rc.AccountID], VerifiedByName: names[rc.VerifiedBy]}
	}
	s.render(w, r, c, http.StatusOK, "recoveries_list", view{Title: "console.recoveries.title", Form: q, Data: map[string]any{
		"List": lines, "Full": len(list) >= recovery.MaxList, "Status": q.Get("status"),
		"Statuses": []string{"gevraagd", "gecontroleerd", "goedgekeurd"}}})
}

// recoveryPage is what the page of one recovery shows.
type recoveryPage struct {
	R recovery.Recovery
	// Username is the resident's; VerifiedBy, ApprovedBy and RejectedBy the usernames of the staff who did.
	Username, VerifiedBy, ApprovedBy, RejectedBy string
	// Balance is what the lost key's address holds.
	Balance balances.Statement
	// VerifiedByMe: the staff member looking verified the identity, so cannot approve (four eyes).
	VerifiedByMe bool
	// CanRead: the staff member may read the resident's personal data (accounts.read_personal), which
	// the page links to for the check at the counter.
	CanRead bool
	// Path is the page's address.
	Path string
}

// recoveriesOne shows one recovery.
func (s *Server) recoveriesOne(w http.ResponseWriter, r *http.Request, c *call) {
	s.showRecovery(w, r, c, http.StatusOK, view{})
}

// showRecovery renders the recovery of the request's {id} on v (which may carry a refused form's errors or
// the problem of a refused decision).
func (s *Server) showRecovery(w http.ResponseWriter, r *http.Request, c *call, status int, v view) {
	rc, err := s.deps.Recovery.Get(r.Context(), c.Actor, r.PathValue("id"))
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	names, err := s.deps.Accounts.Usernames(r.Context(), c.Actor, rc.AccountID, "recovery "+rc.ID,
		rc.AccountID, rc.VerifiedBy, rc.ApprovedBy, rc.RejectedBy)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	bal, err := s.deps.Balances.AtAddress(r.Context(), c.Actor, rc.From)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	v.Title = "console.recoveries.one_title"
	v.Data = recoveryPage{R: rc, Username: names[rc.AccountID], VerifiedBy: names[rc.VerifiedBy],
		ApprovedBy: names[rc.ApprovedBy], RejectedBy: names[rc.RejectedBy], Balance: bal,
		VerifiedByMe: rc.VerifiedBy != "" && rc.VerifiedBy == c.Actor.AccountID,
		CanRead:      c.Principal.Has(accounts.PrivAccountsReadPersonal),
		Path:         recoveriesPath + "/" + url.PathEscape(rc.ID)}
	s.render(w, r, c, status, "recoveries_one", v)
}

// recoveriesVerify records that the staff member checked the resident's identity at the counter.
func (s *Server) recoveriesVerify(w http.ResponseWriter, r *http.Request, c *call) {
	rc, err := s.deps.Recovery.Verify(r.Context(), c.Actor, r.PathValue("id"))
	if err != nil {
		s.refusedRecovery(w, r, c, err)
		return
	}
	s.done(w, r, "console.recoveries.verified", recoveriesPath+"/"+url.PathEscape(rc.ID))
}

// recoveriesApprove is the second member of staff's approval; the verifier is refused (403) with the
// four-eyes rule in words on the recovery's page.
func (s *Server) recoveriesApprove(w http.ResponseWriter, r *http.Request, c *call) {
	rc, err := s.deps.Recovery.Approve(r.Context(), c.Actor, r.PathValue("id"))
	if err != nil {
		s.refusedRecovery(w, r, c, err)
		return
	}
	s.done(w, r, "console.recoveries.approved", recoveriesPath+"/"+url.PathEscape(rc.ID))
}

// recoveriesReject refuses the recovery with the form's reason; without one nothing happens and the form
// says so next to the field.
func (s *Server) recoveriesReject(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	if strings.TrimSpace(r.PostForm.Get("reason")) == "" {
		s.showRecovery(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm,
			Errors: map[string]string{"reason": "console.recoveries.reason_required"}})
		return
	}
	_, err := s.deps.Recovery.Reject(r.Context(), c.Actor, r.PathValue("id"), r.PostForm.Get("reason"))
	var fe *accounts.ValidationError
	switch {
	case errors.As(err, &fe) && fe.Field == "reason":
		s.showRecovery(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm,
			Errors: map[string]string{"reason": "console.accounts.reason_too_long"}})
	case err != nil:
		s.refusedRecovery(w, r, c, err)
	default:
		s.done(w, r, "console.recoveries.rejected", recoveriesPath)
	}
}

// refusedRecovery shows the recovery's page again with why a decision was refused: the four-eyes rule
// (403), a decision that no longer fits its status (409), or the domain's problem in words; an error no
// one outside should see is the error page.
func (s *Server) refusedRecovery(w http.ResponseWriter, r *http.Request, c *call, err error) {
	v := view{Form: r.PostForm}
	var status int
	switch {
	case errors.Is(err, recovery.ErrSameStaff):
		status, v.Problem = http.StatusForbidden, "console.recoveries.same_staff"
	case errors.Is(err, recovery.ErrInvalidState):
		status, v.Problem = http.StatusConflict, "console.recoveries.changed"
	case errors.Is(err, recovery.ErrNotFound), errors.Is(err, accounts.ErrForbidden), problem.Of(err) == nil:
		s.failErr(w, r, c, err)
		return
	default:
		status = s.formProblem(&v, err, "reason")
	}
	s.showRecovery(w, r, c, status, v)
}
