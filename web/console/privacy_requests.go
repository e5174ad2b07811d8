package console

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/heerlen/heitje/internal/privacy"
)

// requestRow is a data subject's request as the list and the decision page show it.
type requestRow struct {
	privacy.Request
	Overdue bool
	// Due says how long is left, or how late it is, in words.
	Due string
}

// requestsPage is the list of requests with its filter and counts.
type requestsPage struct {
	Status   string
	Statuses []string
	Requests []requestRow
	Overdue  int
}

// requestStatuses are the list's filters, as the service takes them.
var requestStatuses = []string{"open", "overdue", "closed", "all"}

func (s *Server) requestRow(lang string, r privacy.Request, now time.Time) requestRow {
	row := requestRow{Request: r, Overdue: r.Overdue(now)}
	switch {
	case r.Closed:
	case row.Overdue:
		row.Due = s.t(lang, "console.privacy.requests.late", "span", s.span(lang, now.Sub(r.DueAt)))
	default:
		row.Due = s.t(lang, "console.privacy.requests.left", "span", s.span(lang, r.DueAt.Sub(now)))
	}
	return row
}

// privacyRequests lists data subjects' requests (open by default), the overdue ones first and marked.
func (s *Server) privacyRequests(w http.ResponseWriter, r *http.Request, c *call) {
	status := r.URL.Query().Get("status")
	if !slices.Contains(requestStatuses, status) {
		status = "open"
	}
	list, err := s.deps.Privacy.Requests(r.Context(), c.Actor, status)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	now := s.deps.Privacy.Now()
	page := requestsPage{Status: status, Statuses: requestStatuses}
	for _, q := range list {
		row := s.requestRow(c.Lang, q, now)
		if row.Overdue {
			page.Overdue++
		}
		page.Requests = append(page.Requests, row)
	}
	// Overdue first, then open by due date (the store's order), then the closed ones.
	rank := func(x requestRow) int {
		switch {
		case x.Overdue:
			return 0
		case !x.Closed:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(page.Requests, func(a, b requestRow) int { return rank(a) - rank(b) })
	s.render(w, r, c, http.StatusOK, "privacy_requests", view{Title: "console.privacy.requests.title", Data: page})
}

// requestPage is one request with what deciding it would do.
type requestPage struct {
	Request requestRow
	// Blocked are the reasons an erasure cannot happen yet, after a refused attempt.
	Blocked []string
	// Erasure asks for the officer's confirmation before a grant.
	Erasure bool
}

// privacyRequest shows one request and, while it is open, the form to decide it.
func (s *Server) privacyRequest(w http.ResponseWriter, r *http.Request, c *call) {
	q, err := s.deps.Privacy.Request(r.Context(), c.Actor, r.PathValue("id"))
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	s.render(w, r, c, http.StatusOK, "privacy_request", view{Title: "console.privacy.request.title",
		Data: requestPage{Request: s.requestRow(c.Lang, q, s.deps.Privacy.Now()), Erasure: q.Kind == privacy.KindErasure}})
}

// privacyDecide records the decision on a request; a granted erasure, restriction or objection is carried
// out at once. A refusal or partial grant needs its reason, a granted erasure the officer's confirmation;
// a refused decision (erasure blocked, identity not established) shows why and changes nothing.
func (s *Server) privacyDecide(w http.ResponseWriter, r *http.Request, c *call) {
	id := r.PathValue("id")
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	q, err := s.deps.Privacy.Request(r.Context(), c.Actor, id)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	v := view{Title: "console.privacy.request.title", Form: r.PostForm, Errors: map[string]string{}}
	page := requestPage{Request: s.requestRow(c.Lang, q, s.deps.Privacy.Now()), Erasure: q.Kind == privacy.KindErasure}
	d := privacy.Decision(r.PostForm.Get("decision"))
	reason := strings.TrimSpace(r.PostForm.Get("reason"))
	switch {
	case d != privacy.DecisionGranted && d != privacy.DecisionPartlyGranted && d != privacy.DecisionRefused:
		v.Errors["decision"] = "console.privacy.request.decision_required"
	case d != privacy.DecisionGranted && reason == "":
		v.Errors["reason"] = "console.privacy.request.reason_required"
	case d == privacy.DecisionGranted && q.Kind == privacy.KindErasure && r.PostForm.Get("confirm") != "yes":
		v.Errors["confirm"] = "console.privacy.request.confirm_required"
	}
	if len(v.Errors) > 0 {
		v.Data = page
		s.render(w, r, c, http.StatusUnprocessableEntity, "privacy_request", v)
		return
	}
	out, err := s.deps.Privacy.CloseRequest(r.Context(), c.Actor, id, d, reason)
	if err != nil {
		var blocked *privacy.BlockedError
		status := http.StatusConflict
		switch {
		case errors.As(err, &blocked):
			v.Problem, page.Blocked = "console.privacy.request.erasure_blocked", blocked.Reasons
		case errors.Is(err, privacy.ErrIdentityUnverified):
			v.Errors["decision"] = "console.privacy.request.identity_unverified"
			status = http.StatusUnprocessableEntity
		case errors.Is(err, privacy.ErrNotErasable):
			v.Problem, status = "console.privacy.request.not_erasable", http.StatusUnprocessableEntity
		case errors.Is(err, privacy.ErrRequestClosed):
			v.Problem = "console.privacy.request.already_closed"
		default:
			status = s.formProblem(&v, err, "decision", "reason")
		}
		v.Data = page
		s.render(w, r, c, status, "privacy_request", v)
		return
	}
	msg := "console.privacy.request.decided"
	switch {
	case out.Erased != nil:
		msg = "console.privacy.request.erased"
	case out.Restriction != nil:
		msg = "console.privacy.request.restricted"
	}
	s.done(w, r, msg, privacyBase+"/verzoeken/"+id)
}

// newRequestPage offers the choices of the form that registers a request.
type newRequestPage struct {
	Kinds    []privacy.RequestKind
	Channels []privacy.Channel
	Purposes []privacy.Purpose
}

var newRequestChoices = newRequestPage{
	Kinds: []privacy.RequestKind{privacy.KindAccess, privacy.KindRectification, privacy.KindErasure, privacy.KindRestriction,
		privacy.KindObjection, privacy.KindPortability},
	Channels: []privacy.Channel{privacy.ChannelCounter, privacy.ChannelLetter, privacy.ChannelEmail},
	Purposes: []privacy.Purpose{privacy.PurposeResearchContact, privacy.PurposeAnalytics},
}

// privacyRequestForm is the form for a request that reached the municipality at the counter, by letter
// or by e-mail.
func (s *Server) privacyRequestForm(w http.ResponseWriter, r *http.Request, c *call) {
	s.render(w, r, c, http.StatusOK, "privacy_request_new", view{Title: "console.privacy.register_request.title",
		Data: newRequestChoices})
}

// privacyRegisterRequest registers such a request: due four weeks after it was received.
func (s *Server) privacyRegisterRequest(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	f := r.PostForm
	v := view{Title: "console.privacy.register_request.title", Form: f, Errors: map[string]string{}, Data: newRequestChoices}
	account := strings.TrimSpace(f.Get("account_id"))
	if account == "" {
		v.Errors["account_id"] = "console.privacy.register_request.account_required"
	}
	received, ok := parseLocal(f.Get("received_at"))
	if !ok {
		v.Errors["received_at"] = "console.privacy.field.time_invalid"
	}
	in := privacy.RequestInput{Kind: privacy.RequestKind(f.Get("kind")), Details: f.Get("details")}
	if in.Kind == privacy.KindObjection {
		in.Purpose = privacy.Purpose(f.Get("purpose"))
	}
	if len(v.Errors) > 0 {
		s.render(w, r, c, http.StatusUnprocessableEntity, "privacy_request_new", v)
		return
	}
	q, err := s.deps.Privacy.RegisterRequest(r.Context(), c.Actor, account, in, privacy.Channel(f.Get("channel")),
		f.Get("identity_verified") == "yes", received)
	if errors.Is(err, privacy.ErrNotFound) {
		v.Errors["account_id"] = "console.privacy.register_request.account_unknown"
		s.render(w, r, c, http.StatusUnprocessableEntity, "privacy_request_new", v)
		return
	}
	if err != nil {
		status := s.formProblem(&v, err, "kind", "purpose", "details", "channel", "received_at")
		s.render(w, r, c, status, "privacy_request_new", v)
		return
	}
	s.done(w, r, "console.privacy.register_request.done", privacyBase+"/verzoeken/"+q.ID)
}
