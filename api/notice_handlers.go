package api

import (
	"html/template"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/notices"
)

// noticeItem is one notice in the app: its kind and values for clients that word it themselves, and its
// text in the person's language.
type noticeItem struct {
	ID        int64             `json:"id"`
	Kind      string            `json:"kind"`
	Params    map[string]string `json:"params"`
	Title     string            `json:"title"`
	Body      string            `json:"body"`
	CreatedAt time.Time         `json:"created_at"`
	ReadAt    *time.Time        `json:"read_at,omitempty"`
}

type noticeList struct {
	Notices []noticeItem `json:"notices"`
	Unread  int          `json:"unread"`
}

type unreadView struct {
	Unread int `json:"unread"`
}

type markReadRequest struct {
	// IDs are the notices to mark read; none (or no body) marks them all.
	IDs []int64 `json:"ids,omitempty"`
}

type noticeSettingsView struct {
	Language string `json:"language"`
	Email    bool   `json:"email"`
	// HasEmailAddress says the account has an address to send to (PATCH /v1/me adds one).
	HasEmailAddress bool `json:"has_email_address"`
}

type noticeSettingsRequest struct {
	Language string `json:"language"`
	Email    bool   `json:"email"`
}

func (s *Server) myNotices(c *gin.Context) {
	limit, err := queryInt(c, "limit", 50)
	if err != nil {
		respondError(c, err)
		return
	}
	before, err := queryInt(c, "beforeId", 0)
	if err != nil {
		respondError(c, err)
		return
	}
	id := middleware.CurrentPrincipal(c).AccountID
	items, err := s.deps.Notices.List(c.Request.Context(), id, int64(before), limit)
	if err != nil {
		respondError(c, err)
		return
	}
	unread, err := s.deps.Notices.Unread(c.Request.Context(), id)
	if err != nil {
		respondError(c, err)
		return
	}
	out := noticeList{Notices: make([]noticeItem, len(items)), Unread: unread}
	for i, n := range items {
		params := map[string]string(n.Params)
		if params == nil {
			params = map[string]string{}
		}
		out.Notices[i] = noticeItem{ID: n.ID, Kind: string(n.Kind), Params: params, Title: n.Title, Body: n.Body,
			CreatedAt: n.CreatedAt, ReadAt: n.ReadAt}
	}
	c.JSON(http.StatusOK, out)
}

func (s *Server) unreadNotices(c *gin.Context) {
	n, err := s.deps.Notices.Unread(c.Request.Context(), middleware.CurrentPrincipal(c).AccountID)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, unreadView{Unread: n})
}

func (s *Server) markNoticesRead(c *gin.Context) {
	var req markReadRequest
	if err := bindOptionalJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	n, err := s.deps.Notices.MarkRead(c.Request.Context(), middleware.CurrentPrincipal(c).AccountID, req.IDs)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, unreadView{Unread: n})
}

func viewNoticeSettings(st notices.Settings) noticeSettingsView {
	return noticeSettingsView{Language: string(st.Language), Email: st.Email, HasEmailAddress: st.HasAddress}
}

func (s *Server) noticeSettings(c *gin.Context) {
	st, err := s.deps.Notices.Settings(c.Request.Context(), middleware.CurrentPrincipal(c).AccountID)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewNoticeSettings(st))
}

func (s *Server) saveNoticeSettings(c *gin.Context) {
	var req noticeSettingsRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	st, err := s.deps.Notices.SaveSettings(c.Request.Context(), middleware.CurrentPrincipal(c).AccountID,
		notices.Settings{Language: notices.Language(req.Language), Email: req.Email})
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewNoticeSettings(st))
}

// unsubscribePage is the page an e-mail's unsubscribe link opens: one button, since mail scanners open
// links on their own and must not turn anybody's e-mail off. Mail programs unsubscribe with one click
// without it, by POST (List-Unsubscribe-Post, RFC 8058).
var unsubscribePage = template.Must(template.New("unsubscribe").Parse(`<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .Done}}Afgemeld{{else}}Afmelden{{end}} — 't Heerlens Heitje</title></head><body><main>
{{if .Done}}<h1>Afgemeld</h1><p>Je krijgt geen e-mails meer van 't Heerlens Heitje. Je berichten blijven in de app staan; in de app kun je e-mail weer aanzetten.</p>
<h2 lang="en">Unsubscribed</h2><p lang="en">You will get no more e-mails from 't Heerlens Heitje. Your notices stay in the app, where you can turn e-mail on again.</p>
{{else if .Bad}}<h1>Deze link werkt niet</h1><p>Zet e-mail uit in de app, onder berichten.</p>
<h2 lang="en">This link does not work</h2><p lang="en">Turn e-mail off in the app, under notices.</p>
{{else}}<h1>Geen e-mails meer?</h1><form method="post" action="?t={{.Token}}"><button type="submit">Afmelden / Unsubscribe</button></form>
<p lang="en">No more e-mails from 't Heerlens Heitje? Press the button.</p>{{end}}
</main></body></html>
`))

type unsubscribeData struct {
	Token     string
	Done, Bad bool
}

func (s *Server) writeUnsubscribePage(c *gin.Context, status int, d unsubscribeData) {
	c.Header("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	c.Header("Cache-Control", "no-store")
	c.Header("Referrer-Policy", "no-referrer")
	c.Header("Content-Type", "text/html; charset=utf-8")
	c.Status(status)
	if err := unsubscribePage.Execute(c.Writer, d); err != nil {
		middleware.Logger(c).Error("unsubscribe page", "err", err)
	}
}

func (s *Server) unsubscribeForm(c *gin.Context) {
	s.writeUnsubscribePage(c, http.StatusOK, unsubscribeData{Token: c.Query("t")})
}

func (s *Server) unsubscribe(c *gin.Context) {
	err := s.deps.Notices.Unsubscribe(c.Request.Context(), c.Query("t"))
	switch {
	case err == notices.ErrBadToken:
		s.writeUnsubscribePage(c, http.StatusBadRequest, unsubscribeData{Bad: true})
	case err != nil:
		respondError(c, err)
	default:
		s.writeUnsubscribePage(c, http.StatusOK, unsubscribeData{Done: true})
	}
}
