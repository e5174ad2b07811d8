package console

import (
	"errors"
	"net/http"
	"strings"

	"github.com/heerlen/heitje/internal/privacy"
)

// restrictionsPage is the list of restrictions and objections; Failed is the one whose lifting was just
// refused (its form shows the error).
type restrictionsPage struct {
	All          bool
	Restrictions []privacy.Restriction
	Failed       string
}

// privacyRestrictions lists the restrictions and objections in force (alle=ja: also lifted ones), each
// with the form to lift it.
func (s *Server) privacyRestrictions(w http.ResponseWriter, r *http.Request, c *call) {
	s.showRestrictions(w, r, c, http.StatusOK, view{}, "")
}

func (s *Server) showRestrictions(w http.ResponseWriter, r *http.Request, c *call, status int, v view, failed string) {
	all := r.URL.Query().Get("alle") == "ja"
	list, err := s.deps.Privacy.Restrictions(r.Context(), c.Actor, all)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	v.Title = "console.privacy.restrictions.title"
	v.Data = restrictionsPage{All: all, Restrictions: list, Failed: failed}
	s.render(w, r, c, status, "privacy_restrictions", v)
}

// privacyLift lifts a restriction or objection with the reason: processing resumes at once.
func (s *Server) privacyLift(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	id := r.PostForm.Get("restriction")
	v := view{Form: r.PostForm, Errors: map[string]string{}}
	reason := strings.TrimSpace(r.PostForm.Get("reason"))
	if reason == "" {
		v.Errors["reason"] = "console.privacy.restrictions.reason_required"
		s.showRestrictions(w, r, c, http.StatusUnprocessableEntity, v, id)
		return
	}
	_, err := s.deps.Privacy.LiftRestriction(r.Context(), c.Actor, id, reason)
	switch {
	case errors.Is(err, privacy.ErrAlreadyLifted):
		v.Problem = "console.privacy.restrictions.already_lifted"
		s.showRestrictions(w, r, c, http.StatusConflict, v, "")
		return
	case err != nil:
		status := s.formProblem(&v, err, "reason")
		s.showRestrictions(w, r, c, status, v, id)
		return
	}
	s.done(w, r, "console.privacy.restrictions.lifted", privacyBase+"/beperkingen")
}
