package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/privacy"
)

func (s *Server) adminRequests(c *gin.Context) {
	rs, err := s.deps.Privacy.Requests(c.Request.Context(), actor(c), c.Query("status"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewRequests(rs, s.deps.Privacy.Now()))
}

// registerRequestBody is a request that reached the municipality at the counter, by letter or by e-mail.
type registerRequestBody struct {
	AccountID        string     `json:"account_id"`
	Kind             string     `json:"kind" example:"access"`
	Purpose          string     `json:"purpose,omitempty"`
	Details          string     `json:"details,omitempty"`
	Channel          string     `json:"channel" example:"counter"`
	IdentityVerified bool       `json:"identity_verified"`
	ReceivedAt       *time.Time `json:"received_at,omitempty"`
}

func (s *Server) registerRequest(c *gin.Context) {
	var req registerRequestBody
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	r, err := s.deps.Privacy.RegisterRequest(c.Request.Context(), actor(c), req.AccountID, privacy.RequestInput{
		Kind: privacy.RequestKind(req.Kind), Purpose: privacy.Purpose(req.Purpose), Details: req.Details},
		privacy.Channel(req.Channel), req.IdentityVerified, req.ReceivedAt)
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusCreated, viewRequest(r, s.deps.Privacy.Now()))
}

// closeRequestBody is the privacy officer's decision: granted, partly_granted or refused, with its reasons
// (required unless granted).
type closeRequestBody struct {
	Decision string `json:"decision" example:"granted"`
	Reason   string `json:"reason,omitempty"`
}

type closeRequestResponse struct {
	Request     privacyRequestView `json:"request"`
	Erased      *erasedView        `json:"erased,omitempty"`
	Restriction *restrictionView   `json:"restriction,omitempty"`
}

// erasedView is what an erasure did: rows changed per table, photo files removed, and what was kept.
type erasedView struct {
	Rows       map[string]int64 `json:"rows"`
	PhotoFiles int              `json:"photo_files"`
	Kept       []string         `json:"kept"`
}

func (s *Server) closeRequest(c *gin.Context) {
	var req closeRequestBody
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	out, err := s.deps.Privacy.CloseRequest(c.Request.Context(), actor(c), c.Param("id"), privacy.Decision(req.Decision), req.Reason)
	var blocked *privacy.BlockedError
	if errors.As(err, &blocked) {
		respondError(c, Errorf(http.StatusConflict, "erasure_blocked",
			"the account cannot be erased yet: "+strings.Join(blocked.Reasons, "; ")+"; nothing was changed"))
		return
	}
	if err != nil {
		respondError(c, err)
		return
	}
	resp := closeRequestResponse{Request: viewRequest(out.Request, s.deps.Privacy.Now())}
	if out.Erased != nil {
		resp.Erased = &erasedView{Rows: out.Erased.Rows, PhotoFiles: len(out.Erased.Files), Kept: out.Erased.Kept}
	}
	if out.Restriction != nil {
		v := viewRestriction(*out.Restriction)
		resp.Restriction = &v
	}
	noStore(c)
	c.JSON(http.StatusOK, resp)
}

type restrictionView struct {
	ID         string     `json:"id"`
	AccountID  string     `json:"account_id"`
	Kind       string     `json:"kind"`
	Scope      string     `json:"scope"`
	RequestID  string     `json:"request_id,omitempty"`
	Reason     string     `json:"reason,omitempty"`
	Since      time.Time  `json:"since"`
	Active     bool       `json:"active"`
	LiftedAt   *time.Time `json:"lifted_at,omitempty"`
	LiftReason string     `json:"lift_reason,omitempty"`
}

type restrictionList struct {
	Restrictions []restrictionView `json:"restrictions"`
}

func viewRestriction(r privacy.Restriction) restrictionView {
	return restrictionView{ID: r.ID, AccountID: r.AccountID, Kind: string(r.Kind), Scope: string(r.Scope), RequestID: r.RequestID,
		Reason: r.Reason, Since: r.Since, Active: r.Active(), LiftedAt: r.LiftedAt, LiftReason: r.LiftReason}
}

func (s *Server) adminRestrictions(c *gin.Context) {
	all := c.Query("all") == "true"
	rs, err := s.deps.Privacy.Restrictions(c.Request.Context(), actor(c), all)
	if err != nil {
		respondError(c, err)
		return
	}
	out := restrictionList{Restrictions: make([]restrictionView, len(rs))}
	for i, r := range rs {
		out.Restrictions[i] = viewRestriction(r)
	}
	noStore(c)
	c.JSON(http.StatusOK, out)
}

type liftBody struct {
	Reason string `json:"reason"`
}

func (s *Server) liftRestriction(c *gin.Context) {
	var req liftBody
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	r, err := s.deps.Privacy.LiftRestriction(c.Request.Context(), actor(c), c.Param("id"), req.Reason)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewRestriction(r))
}

type researchContactList struct {
	Recipient string            `json:"recipient"`
	Contacts  []privacy.Contact `json:"contacts"`
}

func (s *Server) researchContacts(c *gin.Context) {
	list, err := s.deps.Privacy.ResearchContacts(c.Request.Context(), actor(c), c.Query("recipient"))
	if err != nil {
		respondError(c, err)
		return
	}
	if list == nil {
		list = []privacy.Contact{}
	}
	noStore(c)
	c.JSON(http.StatusOK, researchContactList{Recipient: strings.TrimSpace(c.Query("recipient")), Contacts: list})
}
