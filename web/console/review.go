package console

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/photos"
)

// Chore proof: the review queue of submitted claims (oldest first) and one claim at a time with its
// photos, its chore and the decisions (approve, reject with a reason, ask for more). A reviewer who created
// the claim's chore is told so and gets no approve button: another reviewer must approve (four eyes).

func init() { registerSection(20, (*Server).registerReview) }

const reviewPath = Base + "/bewijs"

func (s *Server) registerReview() {
	s.addSection(section{Path: reviewPath, Title: "console.review.title", About: "console.review.about",
		Privileges: []accounts.Privilege{accounts.PrivChoresReview}})
	s.handle("GET "+reviewPath, accounts.PrivChoresReview, s.reviewQueue)
	s.handle("GET "+reviewPath+"/volgende", accounts.PrivChoresReview, s.nextClaim)
	s.handle("GET "+reviewPath+"/{id}", accounts.PrivChoresReview, s.reviewClaim)
	s.handle("GET "+reviewPath+"/{id}/foto/{n}", accounts.PrivChoresReview, s.reviewPhoto)
	s.handle("POST "+reviewPath+"/{id}/goedkeuren", accounts.PrivChoresReview, s.approveClaim)
	s.handle("POST "+reviewPath+"/{id}/afwijzen", accounts.PrivChoresReview, s.rejectClaim)
	s.handle("POST "+reviewPath+"/{id}/meer-informatie", accounts.PrivChoresReview, s.askMoreInfo)
}

// queuedClaim is a line of the review queue.
type queuedClaim struct {
	chores.Claim
	Age string
}

// reviewQueue lists the submitted claims, oldest first, with how long each has waited.
func (s *Server) reviewQueue(w http.ResponseWriter, r *http.Request, c *call) {
	list, err := s.deps.Chores.Queue(r.Context(), c.Actor, chores.StatusSubmitted, chores.MaxLimit, 0)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	now := s.deps.Chores.Now()
	lines := make([]queuedClaim, len(list))
	for i, cl := range list {
		lines[i] = queuedClaim{Claim: cl, Age: s.claimAge(c.Lang, now, submittedAt(cl))}
	}
	s.render(w, r, c, http.StatusOK, "review_queue", view{Title: "console.review.title", Data: lines})
}

// claimPage is what the page of one claim shows.
type claimPage struct {
	Claim chores.Claim
	Chore chores.Chore
	Age   string
	// Photos counts from 1 to the claim's number of photos.
	Photos []int
	// OwnChore: the reviewer created the chore or changed its reward, budget or places, so cannot approve
	// its claims.
	OwnChore bool
	// Open: the claim waits for a decision.
	Open bool
	// Next is the claim after this one in the queue ("" when it is the only one).
	Next string
}

// reviewClaim shows one claim.
func (s *Server) reviewClaim(w http.ResponseWriter, r *http.Request, c *call) {
	s.showClaim(w, r, c, http.StatusOK, view{})
}

// showClaim renders the claim of the request's {id} on v (which may carry a refused form's errors).
func (s *Server) showClaim(w http.ResponseWriter, r *http.Request, c *call, status int, v view) {
	cl, err := s.deps.Chores.ReviewClaim(r.Context(), c.Actor, r.PathValue("id"))
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	ch, err := s.deps.Chores.Chore(r.Context(), cl.ChoreID)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	next, err := s.claimAfter(r, c, cl)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	own, err := s.deps.Chores.SetTerms(r.Context(), c.Actor, ch.ID)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	d := claimPage{Claim: cl, Chore: ch, Age: s.claimAge(c.Lang, s.deps.Chores.Now(), submittedAt(cl)),
		OwnChore: own, Open: cl.Status == chores.StatusSubmitted, Next: next}
	for n := 1; n <= cl.PhotoCount; n++ {
		d.Photos = append(d.Photos, n)
	}
	v.Title, v.Data = "console.review.claim_title", d
	s.render(w, r, c, status, "review_claim", v)
}

// claimAfter is the id of the submitted claim that comes after cl in the queue (oldest first), wrapping
// around to the oldest; "" when no other claim waits.
func (s *Server) claimAfter(r *http.Request, c *call, cl chores.Claim) (string, error) {
	list, err := s.deps.Chores.Queue(r.Context(), c.Actor, chores.StatusSubmitted, chores.MaxLimit, 0)
	if err != nil {
		return "", err
	}
	at := submittedAt(cl)
	for _, q := range list {
		if q.ID == cl.ID {
			continue
		}
		if t := submittedAt(q); t.After(at) || t.Equal(at) && q.ID > cl.ID {
			return q.ID, nil
		}
	}
	for _, q := range list {
		if q.ID != cl.ID {
			return q.ID, nil
		}
	}
	return "", nil
}

// nextClaim goes to the claim after ?na= in the queue (the oldest without it), or back to the queue,
// saying it is empty, when none waits.
func (s *Server) nextClaim(w http.ResponseWriter, r *http.Request, c *call) {
	var next string
	if after := r.URL.Query().Get("na"); after != "" {
		cl, err := s.deps.Chores.ReviewClaim(r.Context(), c.Actor, after)
		if err != nil && !errors.Is(err, chores.ErrNotFound) {
			s.failErr(w, r, c, err)
			return
		}
		if err == nil {
			if next, err = s.claimAfter(r, c, cl); err != nil {
				s.failErr(w, r, c, err)
				return
			}
		}
	}
	if next == "" {
		list, err := s.deps.Chores.Queue(r.Context(), c.Actor, chores.StatusSubmitted, 1, 0)
		if err != nil {
			s.failErr(w, r, c, err)
			return
		}
		if len(list) > 0 && list[0].ID != r.URL.Query().Get("na") {
			next = list[0].ID
		}
	}
	if next == "" {
		http.Redirect(w, r, reviewPath, http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, reviewPath+"/"+url.PathEscape(next), http.StatusSeeOther)
}

// reviewPhoto streams one proof photo, as the API's admin photo route does: the stored bytes (re-encoded
// without metadata on upload), never cached, never sniffed, and audited by the service.
func (s *Server) reviewPhoto(w http.ResponseWriter, r *http.Request, c *call) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 1 || n > chores.MaxPhotosPerClaim {
		s.fail(w, r, c, http.StatusNotFound, "console.error.not_found")
		return
	}
	ph, err := s.deps.Chores.ReviewPhoto(r.Context(), c.Actor, r.PathValue("id"), n)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	ext := "jpg"
	if ph.ContentType == photos.TypePNG {
		ext = "png"
	}
	h := w.Header()
	h.Set("Content-Type", ph.ContentType)
	h.Set("Content-Length", strconv.Itoa(len(ph.Data)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'")
	h.Set("Content-Disposition", fmt.Sprintf(`inline; filename="proof-%d.%s"`, n, ext))
	w.WriteHeader(http.StatusOK)
	w.Write(ph.Data)
}

// approveClaim approves the claim and goes to the next one.
func (s *Server) approveClaim(w http.ResponseWriter, r *http.Request, c *call) {
	id := r.PathValue("id")
	if _, err := s.deps.Chores.Approve(r.Context(), c.Actor, id); err != nil {
		s.failErr(w, r, c, err)
		return
	}
	s.done(w, r, "console.review.approved", reviewPath+"/volgende?na="+url.QueryEscape(id))
}

// rejectClaim rejects the claim with the form's reason and goes to the next one; without a reason it
// shows the claim again with the error next to the field, and nothing changes.
func (s *Server) rejectClaim(w http.ResponseWriter, r *http.Request, c *call) {
	s.decideClaim(w, r, c, "reason", chores.ErrReasonRequired, "console.review.reason_required",
		"console.review.rejected", s.deps.Chores.Reject)
}

// askMoreInfo sends the claim back to the resident with the form's message and goes to the next one.
func (s *Server) askMoreInfo(w http.ResponseWriter, r *http.Request, c *call) {
	s.decideClaim(w, r, c, "message", chores.ErrMessageRequired, "console.review.message_required",
		"console.review.info_requested", s.deps.Chores.RequestInfo)
}

// decideClaim runs a decision that needs a text (the form's field): missing is the service's error for an
// empty text and missingKey what the page then says next to the field.
func (s *Server) decideClaim(w http.ResponseWriter, r *http.Request, c *call, field string, missing error,
	missingKey, doneKey string, decide func(ctx context.Context, a accounts.Actor, id, text string) (chores.Claim, error)) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	id := r.PathValue("id")
	_, err := decide(r.Context(), c.Actor, id, r.PostForm.Get(field))
	if err == nil {
		s.done(w, r, doneKey, reviewPath+"/volgende?na="+url.QueryEscape(id))
		return
	}
	v := view{Form: r.PostForm}
	var status int
	switch {
	case errors.Is(err, missing):
		status, v.Errors = http.StatusUnprocessableEntity, map[string]string{field: missingKey}
	default:
		var fe interface{ InvalidField() (string, string) }
		if !errors.As(err, &fe) {
			s.failErr(w, r, c, err)
			return
		}
		status = s.formProblem(&v, err, field)
	}
	s.showClaim(w, r, c, status, v)
}

// submittedAt is when the claim's latest proof came in (when it was claimed, for one without proof).
func submittedAt(cl chores.Claim) time.Time {
	if cl.SubmittedAt != nil {
		return *cl.SubmittedAt
	}
	return cl.ClaimedAt
}

// claimAge says how long ago t was, in minutes, hours or days.
func (s *Server) claimAge(lang string, now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Hour:
		return s.t(lang, "console.review.age_minutes", "n", max(0, int(d/time.Minute)))
	case d < 48*time.Hour:
		return s.t(lang, "console.review.age_hours", "n", int(d/time.Hour))
	}
	return s.t(lang, "console.review.age_days", "n", int(d/(24*time.Hour)))
}
