package console

import (
	"errors"
	"net/http"
	"strings"

	"github.com/heerlen/heitje/internal/accounts"
)

// Bank details under four eyes: a shop's change of IBAN, legal name or KvK number waits here until a
// member of staff other than the one who entered it approves it, or someone refuses it with a reason the
// shop reads. Payout runs pay only approved details.

const bankPath = Base + "/bankgegevens"

func init() { registerSection(12, (*Server).registerBankDetails) }

func (s *Server) registerBankDetails() {
	s.addSection(section{Path: bankPath, Title: "console.bank.title", About: "console.bank.about",
		Privileges: []accounts.Privilege{accounts.PrivAccountsApprove}})
	s.handle("GET "+bankPath, accounts.PrivAccountsApprove, s.bankChanges)
	s.handle("POST "+bankPath+"/{id}/goedkeuren", accounts.PrivAccountsApprove, s.approveBankChange)
	s.handle("POST "+bankPath+"/{id}/weigeren", accounts.PrivAccountsApprove, s.refuseBankChange)
}

// bankChange is one waiting change as the page shows it.
type bankChange struct {
	accounts.ShopChange
	// Mine: the viewer entered it, so the four-eyes rule keeps them from approving it.
	Mine bool
	// Changed names what the change alters: legal_name, kvk, iban.
	Changed map[string]bool
}

// bankChanges lists the changes waiting, oldest first, each beside the approved details it would replace.
func (s *Server) bankChanges(w http.ResponseWriter, r *http.Request, c *call) {
	s.showBankChanges(w, r, c, http.StatusOK, view{})
}

func (s *Server) showBankChanges(w http.ResponseWriter, r *http.Request, c *call, status int, v view) {
	list, err := s.deps.Accounts.ShopChanges(r.Context(), c.Actor, accounts.ShopChangePending, accounts.MaxList, 0)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	out := make([]bankChange, len(list))
	for i, ch := range list {
		changed := map[string]bool{}
		for _, f := range ch.Fields() {
			changed[strings.TrimPrefix(f, "shop.")] = true
		}
		out[i] = bankChange{ShopChange: ch, Mine: ch.EnteredBy == c.AccountID, Changed: changed}
	}
	v.Title, v.Data = "console.bank.title", map[string]any{"List": out, "Full": len(list) >= accounts.MaxList}
	s.render(w, r, c, status, "bank_changes", v)
}

func (s *Server) approveBankChange(w http.ResponseWriter, r *http.Request, c *call) {
	if _, err := s.deps.Accounts.ApproveShopChange(r.Context(), c.Actor, r.PathValue("id")); err != nil {
		s.bankProblem(w, r, c, err, view{})
		return
	}
	s.done(w, r, "console.bank.approved", bankPath)
}

func (s *Server) refuseBankChange(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	id := r.PathValue("id")
	reason := strings.TrimSpace(r.PostForm.Get("reason-" + id))
	v := view{Form: r.PostForm}
	if reason == "" {
		v.Errors = map[string]string{"reason-" + id: "console.bank.reason_required"}
		s.showBankChanges(w, r, c, http.StatusUnprocessableEntity, v)
		return
	}
	if _, err := s.deps.Accounts.RefuseShopChange(r.Context(), c.Actor, id, reason); err != nil {
		s.bankProblem(w, r, c, err, v)
		return
	}
	s.done(w, r, "console.bank.refused", bankPath)
}

// bankProblem shows the list again with what went wrong: the four-eyes rule and a change decided in the
// meantime in words of their own.
func (s *Server) bankProblem(w http.ResponseWriter, r *http.Request, c *call, err error, v view) {
	var status int
	switch {
	case errors.Is(err, accounts.ErrOwnShopChange):
		status, v.Problem = http.StatusForbidden, "console.bank.own"
	case errors.Is(err, accounts.ErrShopChangeDecided):
		status, v.Problem = http.StatusConflict, "console.bank.decided"
	default:
		status = s.formProblem(&v, err)
		if status == http.StatusInternalServerError {
			s.failErr(w, r, c, err)
			return
		}
	}
	s.showBankChanges(w, r, c, status, v)
}
