package console

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/heerlen/heitje/internal/audit"
)

// auditPageSize is how many entries one page of the audit log shows.
const auditPageSize = 50

// auditPage is one page of the audit log under a filter.
type auditPage struct {
	Entries []audit.Entry
	// Filtered is set when any filter is on; Older is the address of the next (older) page, "" on the
	// last, and Newest that of the first page under the same filter.
	Filtered bool
	Older    string
	Newest   string
	Before   int64
}

// auditFilters are the query fields of the page and the filter they set, as the service supports them:
// the staff member who acted, the person concerned, and the action.
var auditFilters = []string{"actor", "subject", "action"}

// privacyAudit shows the audit log, newest first, fifty entries a page, filtered by actor, subject and
// action. Reading the log is itself written to the log by the service.
func (s *Server) privacyAudit(w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	v := view{Title: "console.privacy.audit.title", Form: q, Errors: map[string]string{}}
	f := audit.Filter{ActorID: strings.TrimSpace(q.Get("actor")), SubjectID: strings.TrimSpace(q.Get("subject")),
		Action: strings.TrimSpace(q.Get("action")), Limit: auditPageSize}
	for _, name := range auditFilters {
		if utf8.RuneCountInString(q.Get(name)) > 200 {
			v.Errors[name] = "console.privacy.audit.too_long"
		}
	}
	if b := q.Get("voor"); b != "" {
		n, err := strconv.ParseInt(b, 10, 64)
		if err != nil || n <= 0 {
			s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
			return
		}
		f.BeforeID = n
	}
	page := auditPage{Filtered: f.ActorID != "" || f.SubjectID != "" || f.Action != "", Before: f.BeforeID}
	if len(v.Errors) > 0 {
		v.Data = page
		s.render(w, r, c, http.StatusUnprocessableEntity, "privacy_audit", v)
		return
	}
	entries, err := s.deps.Audit.List(r.Context(), audit.Actor{ID: c.Actor.AccountID, Username: c.Actor.Username,
		RequestID: c.Actor.RequestID, SourceIP: c.Actor.SourceIP}, f)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	page.Entries = entries
	keep := url.Values{}
	for _, name := range auditFilters {
		if x := strings.TrimSpace(q.Get(name)); x != "" {
			keep.Set(name, x)
		}
	}
	page.Newest = privacyBase + "/auditlog"
	if len(keep) > 0 {
		page.Newest += "?" + keep.Encode()
	}
	if len(entries) == auditPageSize {
		older := url.Values{}
		for k, x := range keep {
			older[k] = x
		}
		older.Set("voor", strconv.FormatInt(entries[len(entries)-1].ID, 10))
		page.Older = privacyBase + "/auditlog?" + older.Encode()
	}
	v.Data = page
	s.render(w, r, c, http.StatusOK, "privacy_audit", v)
}
