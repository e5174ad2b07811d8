package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/privacy"
)

// wantsMarkdown reports whether the caller asked for Markdown: ?format=md, or an Accept header that names
// text/markdown.
func wantsMarkdown(c *gin.Context) bool {
	return c.Query("format") == "md" || strings.Contains(c.GetHeader("Accept"), "text/markdown")
}

func (s *Server) processingRegister(c *gin.Context) {
	r := s.deps.Privacy.Register()
	if wantsMarkdown(c) {
		c.Data(http.StatusOK, "text/markdown; charset=utf-8", r.Markdown())
		return
	}
	c.JSON(http.StatusOK, r)
}

type noticeView struct {
	Version string `json:"version"`
	Title   string `json:"title"`
	SHA256  string `json:"sha256"`
	Text    string `json:"text"`
	Current bool   `json:"current"`
}

func (s *Server) notice(c *gin.Context) {
	n, err := privacy.CurrentNotice(), error(nil)
	if v := c.Param("version"); v != "" {
		n, err = privacy.NoticeByVersion(v)
	}
	if err != nil {
		respondError(c, err)
		return
	}
	if wantsMarkdown(c) {
		c.Data(http.StatusOK, "text/markdown; charset=utf-8", []byte(n.Text))
		return
	}
	c.JSON(http.StatusOK, noticeView{Version: n.Version, Title: n.Title, SHA256: n.SHA256, Text: n.Text,
		Current: n.Version == privacy.CurrentNotice().Version})
}

func (s *Server) export(c *gin.Context) {
	format := c.DefaultQuery("format", "json")
	if format != "json" && format != "html" && format != "zip" {
		e := Errorf(http.StatusBadRequest, "validation_failed", "format must be json, html or zip")
		e.Field = "format"
		respondError(c, e)
		return
	}
	ex, err := s.deps.Privacy.Export(c.Request.Context(), middleware.CurrentPrincipal(c))
	if err != nil {
		respondError(c, err)
		return
	}
	var body []byte
	contentType := "application/json"
	switch format {
	case "json":
		body, err = ex.JSON()
	case "html":
		body, err = ex.HTML()
		contentType = "text/html; charset=utf-8"
	case "zip":
		body, err = ex.Zip()
		contentType = "application/zip"
		c.Header("Content-Disposition", `attachment; filename="heitje-export-`+ex.GeneratedAt.Format("20060102")+`.zip"`)
	}
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.Header("X-Content-Type-Options", "nosniff")
	c.Data(http.StatusOK, contentType, body)
}

type privacyRequestBody struct {
	Kind    string `json:"kind" example:"erasure"`
	Purpose string `json:"purpose,omitempty"`
	Details string `json:"details,omitempty"`
}

type privacyRequestView struct {
	ID               string     `json:"id"`
	AccountID        string     `json:"account_id"`
	Kind             string     `json:"kind"`
	Purpose          string     `json:"purpose,omitempty"`
	Details          string     `json:"details,omitempty"`
	Channel          string     `json:"channel"`
	IdentityVerified bool       `json:"identity_verified"`
	ReceivedAt       time.Time  `json:"received_at"`
	DueAt            time.Time  `json:"due_at"`
	Status           string     `json:"status"`
	Overdue          bool       `json:"overdue"`
	Decision         string     `json:"decision,omitempty"`
	DecisionReason   string     `json:"decision_reason,omitempty"`
	ClosedAt         *time.Time `json:"closed_at,omitempty"`
}

type privacyRequestList struct {
	Requests []privacyRequestView `json:"requests"`
	Open     int                  `json:"open"`
	Overdue  int                  `json:"overdue"`
}

func viewRequest(r privacy.Request, now time.Time) privacyRequestView {
	st := "open"
	if r.Closed {
		st = "closed"
	}
	return privacyRequestView{ID: r.ID, AccountID: r.AccountID, Kind: string(r.Kind), Purpose: string(r.Purpose), Details: r.Details,
		Channel: string(r.Channel), IdentityVerified: r.IdentityVerified, ReceivedAt: r.ReceivedAt, DueAt: r.DueAt, Status: st,
		Overdue: r.Overdue(now), Decision: string(r.Decision), DecisionReason: r.DecisionReason, ClosedAt: r.ClosedAt}
}

func viewRequests(rs []privacy.Request, now time.Time) privacyRequestList {
	out := privacyRequestList{Requests: make([]privacyRequestView, 0, len(rs))}
	for _, r := range rs {
		v := viewRequest(r, now)
		if !r.Closed {
			out.Open++
		}
		if v.Overdue {
			out.Overdue++
		}
		out.Requests = append(out.Requests, v)
	}
	return out
}

func (s *Server) fileRequest(c *gin.Context) {
	var req privacyRequestBody
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	r, err := s.deps.Privacy.FileRequest(c.Request.Context(), middleware.CurrentPrincipal(c), privacy.RequestInput{
		Kind: privacy.RequestKind(req.Kind), Purpose: privacy.Purpose(req.Purpose), Details: req.Details})
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusCreated, viewRequest(r, s.deps.Privacy.Now()))
}

func (s *Server) myRequests(c *gin.Context) {
	rs, err := s.deps.Privacy.MyRequests(c.Request.Context(), middleware.CurrentPrincipal(c))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewRequests(rs, s.deps.Privacy.Now()))
}

type consentBody struct {
	Given *bool `json:"given"`
}

type consentView struct {
	Purpose       string         `json:"purpose"`
	Description   string         `json:"description"`
	Given         bool           `json:"given"`
	GivenAt       *time.Time     `json:"given_at,omitempty"`
	NoticeVersion string         `json:"notice_version,omitempty"`
	History       []consentEvent `json:"history"`
}

// consentEvent is one consent given, and withdrawn when WithdrawnAt is set.
type consentEvent struct {
	GivenAt     time.Time  `json:"given_at"`
	WithdrawnAt *time.Time `json:"withdrawn_at,omitempty"`
}

type consentList struct {
	Consents []consentView `json:"consents"`
}

func viewConsent(st privacy.ConsentState) consentView {
	v := consentView{Purpose: string(st.Purpose), Description: st.Description, Given: st.Given}
	if st.Current != nil {
		v.GivenAt, v.NoticeVersion = &st.Current.GivenAt, st.Current.NoticeVersion
	}
	v.History = make([]consentEvent, len(st.History))
	for i, h := range st.History {
		v.History[i] = consentEvent{GivenAt: h.GivenAt, WithdrawnAt: h.WithdrawnAt}
	}
	return v
}

func (s *Server) myConsents(c *gin.Context) {
	sts, err := s.deps.Privacy.Consents(c.Request.Context(), middleware.CurrentPrincipal(c))
	if err != nil {
		respondError(c, err)
		return
	}
	out := consentList{Consents: make([]consentView, len(sts))}
	for i, st := range sts {
		out.Consents[i] = viewConsent(st)
	}
	noStore(c)
	c.JSON(http.StatusOK, out)
}

func (s *Server) setConsent(c *gin.Context) {
	var req consentBody
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	if req.Given == nil {
		e := Errorf(http.StatusBadRequest, "validation_failed", "given is required: true gives consent, false withdraws it")
		e.Field = "given"
		respondError(c, e)
		return
	}
	st, err := s.deps.Privacy.SetConsent(c.Request.Context(), middleware.CurrentPrincipal(c), privacy.Purpose(c.Param("purpose")), *req.Given)
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewConsent(st))
}
