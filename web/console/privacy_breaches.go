package console

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/heerlen/heitje/internal/privacy"
)

// breachRow is a register entry with its 72-hour clock in words.
type breachRow struct {
	privacy.Breach
	// Clock is the authority deadline from awareness: the time left, how late, or how it was met.
	Clock string
	// Late is set when the deadline passed without a notification, or the notification came after it.
	Late     bool
	Warnings []string
}

func (s *Server) breachRow(lang string, b privacy.Breach, now time.Time) breachRow {
	row := breachRow{Breach: b, Warnings: b.Warnings(now)}
	due := b.AuthorityDueAt()
	dueText := formatTime(lang, due, true)
	switch {
	case b.AuthorityNotifiedAt != nil && b.AuthorityNotifiedAt.After(due):
		row.Late = true
		row.Clock = s.t(lang, "console.privacy.breach.clock.told_late", "when", formatTime(lang, *b.AuthorityNotifiedAt, true),
			"span", s.span(lang, b.AuthorityNotifiedAt.Sub(due)))
	case b.AuthorityNotifiedAt != nil:
		row.Clock = s.t(lang, "console.privacy.breach.clock.told", "when", formatTime(lang, *b.AuthorityNotifiedAt, true))
	case b.Reportable != nil && !*b.Reportable:
		row.Clock = s.t(lang, "console.privacy.breach.clock.not_reportable")
	case now.After(due):
		row.Late = true
		row.Clock = s.t(lang, "console.privacy.breach.clock.late", "span", s.span(lang, now.Sub(due)), "due", dueText)
	default:
		row.Clock = s.t(lang, "console.privacy.breach.clock.left", "span", s.span(lang, due.Sub(now)), "due", dueText)
	}
	return row
}

// breachesPage is the register.
type breachesPage struct {
	All      bool
	Breaches []breachRow
	Overdue  int
}

// privacyBreaches lists the breach register: open entries (alle=ja: all), each with its clock.
func (s *Server) privacyBreaches(w http.ResponseWriter, r *http.Request, c *call) {
	all := r.URL.Query().Get("alle") == "ja"
	list, err := s.deps.Privacy.Breaches(r.Context(), c.Actor, all)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	now := s.deps.Privacy.Now()
	page := breachesPage{All: all}
	for _, b := range list {
		row := s.breachRow(c.Lang, b, now)
		if b.Overdue(now) {
			page.Overdue++
		}
		page.Breaches = append(page.Breaches, row)
	}
	s.render(w, r, c, http.StatusOK, "privacy_breaches", view{Title: "console.privacy.breaches.title", Data: page})
}

// breachPage is the form of a new breach or of an entry to update.
type breachPage struct {
	// Breach is nil for a new one.
	Breach *breachRow
	Kinds  []string
}

func (s *Server) privacyBreachNew(w http.ResponseWriter, r *http.Request, c *call) {
	s.render(w, r, c, http.StatusOK, "privacy_breach", view{Title: "console.privacy.breach.new_title",
		Data: breachPage{Kinds: privacy.BreachKinds}})
}

// privacyBreach shows one entry with its clock and warnings, and the form to update it while it is open.
func (s *Server) privacyBreach(w http.ResponseWriter, r *http.Request, c *call) {
	b, err := s.deps.Privacy.Breach(r.Context(), c.Actor, r.PathValue("id"))
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	row := s.breachRow(c.Lang, b, s.deps.Privacy.Now())
	s.render(w, r, c, http.StatusOK, "privacy_breach", view{Title: "console.privacy.breach.title", Form: breachForm(b),
		Data: breachPage{Breach: &row, Kinds: privacy.BreachKinds}})
}

// privacyRecordBreach enters a new breach in the register.
func (s *Server) privacyRecordBreach(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	v := view{Title: "console.privacy.breach.new_title", Form: r.PostForm, Data: breachPage{Kinds: privacy.BreachKinds}}
	in, errs := breachInput(r.PostForm)
	if len(errs) > 0 {
		v.Errors, v.Problem = errs, "console.privacy.breach.not_saved"
		s.render(w, r, c, http.StatusUnprocessableEntity, "privacy_breach", v)
		return
	}
	b, err := s.deps.Privacy.RecordBreach(r.Context(), c.Actor, in)
	if err != nil {
		s.render(w, r, c, s.breachProblem(&v, err), "privacy_breach", v)
		return
	}
	s.done(w, r, "console.privacy.breach.recorded", privacyBase+"/datalekken/"+b.ID)
}

// privacyUpdateBreach saves the changes to an open entry, and closes it when asked.
func (s *Server) privacyUpdateBreach(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	id := r.PathValue("id")
	b, err := s.deps.Privacy.Breach(r.Context(), c.Actor, id)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	row := s.breachRow(c.Lang, b, s.deps.Privacy.Now())
	v := view{Title: "console.privacy.breach.title", Form: r.PostForm, Data: breachPage{Breach: &row, Kinds: privacy.BreachKinds}}
	in, errs := breachInput(r.PostForm)
	if len(errs) > 0 {
		v.Errors, v.Problem = errs, "console.privacy.breach.not_saved"
		s.render(w, r, c, http.StatusUnprocessableEntity, "privacy_breach", v)
		return
	}
	// A time shown to the minute and sent back unchanged keeps its stored seconds.
	shown := breachForm(b)
	for _, name := range breachTimes {
		if strings.TrimSpace(r.PostForm.Get(name)) == shown.Get(name) {
			*breachTime(&in, name) = nil
		}
	}
	in.Close = r.PostForm.Get("close") == "yes"
	if _, err := s.deps.Privacy.UpdateBreach(r.Context(), c.Actor, id, in); err != nil {
		s.render(w, r, c, s.breachProblem(&v, err), "privacy_breach", v)
		return
	}
	msg := "console.privacy.breach.saved"
	if in.Close {
		msg = "console.privacy.breach.closed_done"
	}
	s.done(w, r, msg, privacyBase+"/datalekken/"+id)
}

// breachProblem puts a refused save on the form: a late notification without its reason next to the
// delay reason, a validation error next to its field.
func (s *Server) breachProblem(v *view, err error) int {
	switch {
	case errors.Is(err, privacy.ErrDelayReasonRequired):
		v.Errors = map[string]string{"delay_reason": "console.privacy.breach.delay_reason_required"}
		v.Problem = "console.privacy.breach.not_saved"
		return http.StatusUnprocessableEntity
	case errors.Is(err, privacy.ErrBreachClosed):
		v.Problem = "console.privacy.breach.closed_refused"
		return http.StatusConflict
	}
	fields := append(append([]string{"kinds", "data_categories", "affected_min", "affected_max", "reportable", "encrypted"},
		breachTexts...), breachTimes...)
	status := s.formProblem(v, err, fields...)
	if len(v.Errors) > 0 {
		v.Problem = "console.privacy.breach.not_saved"
	}
	return status
}

// breachTexts and breachTimes are the breach form's free-text and date-time fields, named as the API
// names them (so a domain error finds its field).
var (
	breachTexts = []string{"title", "nature", "subject_groups", "cause", "consequences", "harm_measures", "measures_taken",
		"information_contact", "assessment", "authority_reference", "delay_reason", "subjects_not_notified_reason",
		"dpia_reference", "evaluation"}
	breachTimes = []string{"started_at", "ended_at", "discovered_at", "aware_at", "processor_notified_at",
		"authority_notified_at", "subjects_notified_at"}
)

// breachInput reads the breach form. Every text is taken as written (an emptied field is cleared); an
// empty date-time field changes nothing. Errors are per field (message keys).
func breachInput(f url.Values) (privacy.BreachInput, map[string]string) {
	var in privacy.BreachInput
	errs := map[string]string{}
	text := func(name string) *string { v := f.Get(name); return &v }
	in.Title, in.Nature, in.SubjectGroups, in.Cause = text("title"), text("nature"), text("subject_groups"), text("cause")
	in.Consequences, in.HarmMeasures, in.MeasuresTaken = text("consequences"), text("harm_measures"), text("measures_taken")
	in.InformationContact, in.Assessment, in.AuthorityReference = text("information_contact"), text("assessment"), text("authority_reference")
	in.DelayReason, in.SubjectsNotNotifiedReason = text("delay_reason"), text("subjects_not_notified_reason")
	in.DPIAReference, in.Evaluation = text("dpia_reference"), text("evaluation")
	for _, name := range breachTimes {
		t, ok := parseLocal(f.Get(name))
		if !ok {
			errs[name] = "console.privacy.field.time_invalid"
			continue
		}
		*breachTime(&in, name) = t
	}
	kinds := append([]string{}, f["kinds"]...)
	in.Kinds = &kinds
	cats := []string{}
	for _, c := range strings.FieldsFunc(f.Get("data_categories"), func(r rune) bool { return r == '\n' || r == ',' }) {
		if c = strings.TrimSpace(c); c != "" {
			cats = append(cats, c)
		}
	}
	in.DataCategories = &cats
	for _, name := range []string{"affected_min", "affected_max"} {
		n := 0
		if v := strings.TrimSpace(f.Get(name)); v != "" {
			var err error
			if n, err = strconv.Atoi(v); err != nil || n < 0 {
				errs[name] = "console.privacy.field.count_invalid"
				continue
			}
		}
		if name == "affected_min" {
			in.AffectedMin = &n
		} else {
			in.AffectedMax = &n
		}
	}
	encrypted := f.Get("encrypted") == "yes"
	in.Encrypted = &encrypted
	switch f.Get("reportable") {
	case "yes", "no":
		rep := f.Get("reportable") == "yes"
		in.Reportable = &rep
	}
	return in, errs
}

// breachTime is the field of in that the form's date-time field name sets.
func breachTime(in *privacy.BreachInput, name string) **time.Time {
	switch name {
	case "started_at":
		return &in.StartedAt
	case "ended_at":
		return &in.EndedAt
	case "discovered_at":
		return &in.DiscoveredAt
	case "aware_at":
		return &in.AwareAt
	case "processor_notified_at":
		return &in.ProcessorNotifiedAt
	case "authority_notified_at":
		return &in.AuthorityNotifiedAt
	}
	return &in.SubjectsNotifiedAt
}

// breachForm is an entry as its form shows it, to update.
func breachForm(b privacy.Breach) url.Values {
	f := url.Values{}
	for name, v := range map[string]string{"title": b.Title, "nature": b.Nature, "subject_groups": b.SubjectGroups,
		"cause": b.Cause, "consequences": b.Consequences, "harm_measures": b.HarmMeasures, "measures_taken": b.MeasuresTaken,
		"information_contact": b.InformationContact, "assessment": b.Assessment, "authority_reference": b.AuthorityReference,
		"delay_reason": b.DelayReason, "subjects_not_notified_reason": b.SubjectsNotNotifiedReason,
		"dpia_reference": b.DPIAReference, "evaluation": b.Evaluation} {
		f.Set(name, v)
	}
	for name, t := range map[string]*time.Time{"started_at": b.StartedAt, "ended_at": b.EndedAt, "discovered_at": &b.DiscoveredAt,
		"aware_at": &b.AwareAt, "processor_notified_at": b.ProcessorNotifiedAt, "authority_notified_at": b.AuthorityNotifiedAt,
		"subjects_notified_at": b.SubjectsNotifiedAt} {
		f.Set(name, inputLocal(t))
	}
	f["kinds"] = append([]string{}, b.Kinds...)
	f.Set("data_categories", strings.Join(b.DataCategories, "\n"))
	f.Set("affected_min", strconv.Itoa(b.AffectedMin))
	f.Set("affected_max", strconv.Itoa(b.AffectedMax))
	if b.Encrypted {
		f.Set("encrypted", "yes")
	}
	if b.Reportable != nil {
		f.Set("reportable", map[bool]string{true: "yes", false: "no"}[*b.Reportable])
	}
	return f
}
