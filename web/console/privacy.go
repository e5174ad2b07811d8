package console

import (
	"net/http"
	"strings"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/privacy"
)

// The privacy officer's section: data subjects' requests, restrictions and objections, the breach
// register, the audit log, the register of processing and the research-contact list. Every page needs
// privacy, as the API's routes do; the services audit every listing and decision.
func init() { registerSection(50, (*Server).registerPrivacy) }

// privacyBase is where the section lives.
const privacyBase = Base + "/privacy"

func (s *Server) registerPrivacy() {
	s.addSection(section{Path: privacyBase, Title: "console.privacy.title", About: "console.privacy.about",
		Privileges: []accounts.Privilege{accounts.PrivPrivacy}})
	// Every form posts to the address of the page it is on, so that a page shown again after a refusal
	// (whose address the language switch returns to) is a page a GET shows too.
	p := accounts.PrivPrivacy
	s.handle("GET "+privacyBase, p, s.privacyRequests)
	s.handle("GET "+privacyBase+"/verzoeken/nieuw", p, s.privacyRequestForm)
	s.handle("POST "+privacyBase+"/verzoeken/nieuw", p, s.privacyRegisterRequest)
	s.handle("GET "+privacyBase+"/verzoeken/{id}", p, s.privacyRequest)
	s.handle("POST "+privacyBase+"/verzoeken/{id}", p, s.privacyDecide)
	s.handle("GET "+privacyBase+"/beperkingen", p, s.privacyRestrictions)
	s.handle("POST "+privacyBase+"/beperkingen", p, s.privacyLift)
	s.handle("GET "+privacyBase+"/datalekken", p, s.privacyBreaches)
	s.handle("GET "+privacyBase+"/datalekken/nieuw", p, s.privacyBreachNew)
	s.handle("POST "+privacyBase+"/datalekken/nieuw", p, s.privacyRecordBreach)
	s.handle("GET "+privacyBase+"/datalekken/{id}", p, s.privacyBreach)
	s.handle("POST "+privacyBase+"/datalekken/{id}", p, s.privacyUpdateBreach)
	s.handle("GET "+privacyBase+"/auditlog", p, s.privacyAudit)
	s.handle("GET "+privacyBase+"/register", p, s.privacyRegister)
	s.handle("GET "+privacyBase+"/onderzoekscontacten", p, s.privacyContacts)
}

// privacyRegister shows the register of processing (AVG art. 30) as the API serves it: generated from
// the datasets declared beside the data and the configured retention periods.
func (s *Server) privacyRegister(w http.ResponseWriter, r *http.Request, c *call) {
	s.render(w, r, c, http.StatusOK, "privacy_register", view{Title: "console.privacy.register.title",
		Data: s.deps.Privacy.Register()})
}

// contactsPage is the research-contact list for one recipient.
type contactsPage struct {
	Recipient string
	Contacts  []privacy.Contact
	Asked     bool
}

// privacyContacts asks for the project partner the list is for and then shows it: only people whose
// consent is in force and who neither restricted processing nor objected. The service writes an audit
// entry for every person listed, naming the recipient.
func (s *Server) privacyContacts(w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	v := view{Title: "console.privacy.contacts.title", Form: q}
	page := contactsPage{Recipient: strings.TrimSpace(q.Get("recipient"))}
	if q.Has("recipient") {
		if page.Recipient == "" {
			v.Errors = map[string]string{"recipient": "console.privacy.contacts.recipient_required"}
			v.Data = page
			s.render(w, r, c, http.StatusUnprocessableEntity, "privacy_contacts", v)
			return
		}
		list, err := s.deps.Privacy.ResearchContacts(r.Context(), c.Actor, page.Recipient)
		if err != nil {
			status := s.formProblem(&v, err, "recipient")
			v.Data = page
			s.render(w, r, c, status, "privacy_contacts", v)
			return
		}
		page.Contacts, page.Asked = list, true
	}
	v.Data = page
	s.render(w, r, c, http.StatusOK, "privacy_contacts", v)
}

// localLayout is how a datetime-local field writes a time (in Heerlen's time).
const localLayout = "2006-01-02T15:04"

// parseLocal reads a datetime-local field in Heerlen's time: nil for an empty field, ok false for
// anything that is not a date and time.
func parseLocal(s string) (t *time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, true
	}
	v, err := time.ParseInLocation(localLayout, s, zone)
	if err != nil {
		if v, err = time.ParseInLocation(localLayout+":05", s, zone); err != nil {
			return nil, false
		}
	}
	return &v, true
}

// inputLocal writes t for a datetime-local field; "" for nil.
func inputLocal(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.In(zone).Format(localLayout)
}

// span writes a duration in words, rounded down to the minute: "3 dagen en 4 uur" from two days up,
// "41 uur en 12 minuten" below that.
func (s *Server) span(lang string, d time.Duration) string {
	if d < 0 {
		d = -d
	}
	unit := func(n int64, one, many string) string {
		key := "console.privacy.unit." + many
		if n == 1 {
			key = "console.privacy.unit." + one
		}
		return s.t(lang, key, "n", n)
	}
	mins := int64(d / time.Minute)
	if d >= 48*time.Hour {
		days, hours := mins/(24*60), mins%(24*60)/60
		return s.t(lang, "console.privacy.unit.and", "a", unit(days, "day", "days"), "b", unit(hours, "hour", "hours"))
	}
	return s.t(lang, "console.privacy.unit.and", "a", unit(mins/60, "hour", "hours"), "b", unit(mins%60, "minute", "minutes"))
}
