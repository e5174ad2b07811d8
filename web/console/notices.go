package console

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/heerlen/heitje/internal/notices"
)

// A staff member's own notices (Berichten), outside the sections like "my account": what the notices worker
// told them — a review or sign-up queue that waited longer than NOTICE_QUEUE_AGE — newest first in pages,
// each marked read on its own or all at once, and how they are told (the language, e-mail too). The
// navigation links the notices with the unread count on every page. The pages call the notices service as
// the API's /v1/me/notices routes do, for the signed-in staff member only.
func init() { registerSection(90, (*Server).registerNotices) }

const noticesPath = Base + "/berichten"

// noticesPage is how many notices a page of the list shows.
const noticesPage = 20

func (s *Server) registerNotices() {
	if s.deps.Notices == nil {
		return
	}
	s.mux.Handle("GET "+noticesPath, s.member(s.noticesList))
	s.mux.Handle("POST "+noticesPath+"/gelezen", s.member(s.noticesRead))
	s.mux.Handle("GET "+noticesPath+"/instellingen", s.member(s.noticeSettings))
	s.mux.Handle("POST "+noticesPath+"/instellingen", s.member(s.saveNoticeSettings))
}

// noticesNav is the navigation's link to the notices: the unread count, and whether a notices page shows.
type noticesNav struct {
	Unread  int
	Current bool
}

// noticesNavOf is the navigation's link for the signed-in staff member, or nil without the notices
// service or before the second factor and the confidentiality statement (whose pages show nothing else).
// A count that cannot be read leaves the link without it rather than the page unshown.
func (s *Server) noticesNavOf(r *http.Request, c *call) *noticesNav {
	if s.deps.Notices == nil || c == nil || c.SecondFactorPending || c.ConfidentialityPending {
		return nil
	}
	nav := &noticesNav{Current: r.URL.Path == noticesPath || r.URL.Path == noticesPath+"/instellingen"}
	n, err := s.deps.Notices.Unread(r.Context(), c.AccountID)
	if err != nil {
		s.deps.Log.Warn("console: unread notices", "err", err)
		return nav
	}
	nav.Unread = n
	return nav
}

// noticeLine is a notice of the list, with the console's page it is about ("" for none).
type noticeLine struct {
	notices.Item
	Where string
}

// noticeWhere is the console's page a notice is about: the queue that waits too long.
func noticeWhere(n notices.Item) string {
	if n.Kind != notices.KindQueueWaiting {
		return ""
	}
	switch notices.Queue(n.Params["queue"]) {
	case notices.QueueOnboarding:
		return Base + "/aanmeldingen"
	case notices.QueueReview:
		return reviewPath
	}
	return ""
}

// noticesList shows the staff member's notices, newest first, below ?voor=<id> when given.
func (s *Server) noticesList(w http.ResponseWriter, r *http.Request, c *call) {
	var before int64
	if v := r.URL.Query().Get("voor"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			s.fail(w, r, c, http.StatusBadRequest, "console.notices.bad_page")
			return
		}
		before = n
	}
	items, err := s.deps.Notices.List(r.Context(), c.AccountID, before, noticesPage)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	lines := make([]noticeLine, len(items))
	unread := 0
	for i, n := range items {
		lines[i] = noticeLine{Item: n, Where: noticeWhere(n)}
		if n.ReadAt == nil {
			unread++
		}
	}
	older := ""
	if len(items) == noticesPage {
		older = noticesPath + "?voor=" + strconv.FormatInt(items[len(items)-1].ID, 10)
	}
	s.render(w, r, c, http.StatusOK, "notices_list", view{Title: "console.notices.title", Form: r.URL.Query(), Data: map[string]any{
		"List": lines, "Older": older, "Paged": before > 0, "UnreadHere": unread}})
}

// noticesRead marks the form's notice (id) read, or all of the staff member's notices without one, and
// returns to the page it was posted from.
func (s *Server) noticesRead(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	var ids []int64
	key := "console.notices.all_marked"
	if v := r.PostForm.Get("id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
			return
		}
		ids, key = []int64{id}, "console.notices.marked"
	}
	if _, err := s.deps.Notices.MarkRead(r.Context(), c.AccountID, ids); err != nil {
		s.failErr(w, r, c, err)
		return
	}
	back := noticesPath
	if v := r.PostForm.Get("voor"); v != "" {
		if _, err := strconv.ParseInt(v, 10, 64); err == nil {
			back += "?voor=" + url.QueryEscape(v)
		}
	}
	s.done(w, r, key, back)
}

// noticeSettings shows how the staff member is told: the language and e-mail too.
func (s *Server) noticeSettings(w http.ResponseWriter, r *http.Request, c *call) {
	s.showNoticeSettings(w, r, c, http.StatusOK, view{})
}

func (s *Server) showNoticeSettings(w http.ResponseWriter, r *http.Request, c *call, status int, v view) {
	st, err := s.deps.Notices.Settings(r.Context(), c.AccountID)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	if v.Form == nil {
		v.Form = url.Values{"language": {string(st.Language)}}
		if st.Email {
			v.Form.Set("email", "ja")
		}
	}
	v.Title = "console.notices.settings_title"
	v.Data = map[string]any{"HasAddress": st.HasAddress, "Languages": []notices.Language{notices.Dutch, notices.English}}
	s.render(w, r, c, status, "notices_settings", v)
}

// saveNoticeSettings saves the language and the e-mail choice; e-mail without an address on the account
// is refused next to the field, nothing changed.
func (s *Server) saveNoticeSettings(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	f := r.PostForm
	lang := notices.Language(f.Get("language"))
	if !lang.Known() {
		s.showNoticeSettings(w, r, c, http.StatusUnprocessableEntity, view{Form: f,
			Errors: map[string]string{"language": "console.notices.language_required"}})
		return
	}
	_, err := s.deps.Notices.SaveSettings(r.Context(), c.AccountID, notices.Settings{Language: lang, Email: f.Get("email") == "ja"})
	switch {
	case errors.Is(err, notices.ErrNoAddress):
		s.showNoticeSettings(w, r, c, http.StatusUnprocessableEntity, view{Form: f,
			Errors: map[string]string{"email": "console.notices.email_address_required"}})
	case err != nil:
		s.failErr(w, r, c, err)
	default:
		s.done(w, r, "console.notices.saved", noticesPath+"/instellingen")
	}
}
