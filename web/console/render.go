package console

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/heerlen/heitje/api/problem"
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/calendar"
	"github.com/heerlen/heitje/internal/money"
)

// view is what a page template gets (as .): the page's title (a message key), the form as sent (to show
// it again after a refusal) with an error per field (message keys), a problem for the whole form, and the
// page's own data.
type view struct {
	Title   string
	Form    url.Values
	Errors  map[string]string
	Problem string
	// ProblemText is a problem already in words (a domain's validation message).
	ProblemText string
	Data        any

	// Filled in by render.
	Lang  string
	Other string // the other language, for the switch
	User  *accounts.Principal
	Nav   []navItem
	Path  string
	Flash string
	CSS   []string
	// Notices is the navigation's link to the staff member's notices with the unread count (nil: none; a
	// staff member without a section has no navigation, and no queue to be told about).
	Notices *noticesNav
}

// zone is the municipality's time zone: every time the console shows is Heerlen's.
var zone = calendar.Zone()

// loadTemplates parses templates/layout.html once per page file (templates/*.html but the layout): each
// page defines "content" and is executed through the layout.
func (s *Server) loadTemplates() error {
	funcs := template.FuncMap{
		"t":        s.t,
		"euros":    euros,
		"date":     func(lang string, v any) string { return formatTime(lang, v, false) },
		"dateTime": func(lang string, v any) string { return formatTime(lang, v, true) },
		"value":    func(f url.Values, k string) string { return f.Get(k) },
		"has":      func(f url.Values, k, v string) bool { return f != nil && contains(f[k], v) },
		"err":      func(e map[string]string, k string) string { return e[k] },
		"says": func(lang, key string) string {
			if text, raw := strings.CutPrefix(key, "!"); raw {
				return text
			}
			return s.t(lang, key)
		},
		"inputEuros": func(cents int64) string {
			return strings.Replace(fmt.Sprintf("%d.%02d", cents/100, abs(cents%100)), ".", ",", 1)
		},
		"dict": dict,
		"add":  func(a, b int) int { return a + b },
	}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/parts/*.html")
	if err != nil {
		return fmt.Errorf("console: templates: %w", err)
	}
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return err
	}
	s.views = map[string]*template.Template{}
	for _, name := range names {
		if name == "templates/layout.html" {
			continue
		}
		t, err := template.Must(layout.Clone()).ParseFS(files, name)
		if err != nil {
			return fmt.Errorf("console: %s: %w", name, err)
		}
		s.views[pageName(name)] = t
	}
	return nil
}

// t is the text of key in lang, each {name} in it replaced by the value that follows name in pairs.
func (s *Server) t(lang, key string, pairs ...any) string {
	text := s.messages.T(lang, key)
	for i := 0; i+1 < len(pairs); i += 2 {
		text = strings.ReplaceAll(text, "{"+fmt.Sprint(pairs[i])+"}", fmt.Sprint(pairs[i+1]))
	}
	return text
}

// render answers with the page named page, through the layout, with status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, c *call, status int, page string, v view) {
	v.Lang = s.messages.Language(r)
	v.Other = "en"
	if v.Lang == "en" {
		v.Other = "nl"
	}
	v.Path, v.CSS = s.pageOf(r), s.css
	if c != nil {
		v.User = &c.Principal
		v.Nav = s.nav(c.Principal, r.URL.Path)
		if len(v.Nav) > 0 {
			v.Notices = s.noticesNavOf(r, c)
		}
	}
	if f, err := r.Cookie(flashCookie); err == nil {
		if _, ok := s.messages[v.Lang][f.Value]; ok {
			v.Flash = f.Value
		}
		setCookie(w, flashCookie, "", 0)
	}
	t, ok := s.views[page]
	if !ok {
		s.deps.Log.Error("console: no such page template", "page", page)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout.html", v); err != nil {
		s.deps.Log.Error("console: page", "page", page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// pageOf is the page a request's answer belongs to, for the language switch to return to: the request's
// own address for a GET; for a refused form, the page it was posted from — the same address when a GET
// serves it, else the address without its last part (…/{id}/afwijzen belongs to …/{id}).
func (s *Server) pageOf(r *http.Request) string {
	if r.Method == http.MethodGet {
		return r.URL.RequestURI()
	}
	p := r.URL.Path
	for p != Base && strings.HasPrefix(p, Base+"/") {
		get := &http.Request{Method: http.MethodGet, URL: &url.URL{Path: p}, Host: r.Host}
		if _, pattern := s.mux.Handler(get); pattern != "" && pattern != Base+"/" {
			return p
		}
		p = p[:strings.LastIndex(p, "/")]
	}
	return Base
}

// flash says key (a message) on the next page the browser shows: after a redirect that follows a change.
func (s *Server) flash(w http.ResponseWriter, key string) {
	setCookie(w, flashCookie, key, time.Minute)
}

// done records a change's message and goes to the page at to (303, so a reload does not send the form again).
func (s *Server) done(w http.ResponseWriter, r *http.Request, key, to string) {
	s.flash(w, key)
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// fail answers with the error page: status and a message key.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, c *call, status int, key string) {
	s.render(w, r, c, status, "error", view{Title: "console.error.title", Problem: key})
}

// failErr answers with the error page for a domain error: its status and the text of its code; errors
// nobody outside should see are logged and answered with 500.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, c *call, err error) {
	status, key, text := s.problem(err)
	if status == http.StatusInternalServerError {
		s.deps.Log.Error("console: request failed", "path", r.URL.Path, "err", err)
	}
	s.render(w, r, c, status, "error", view{Title: "console.error.title", Problem: key, ProblemText: text})
}

// problem is what the console says about a domain error: the status, a message key, and for a validation
// error the domain's own words (which name the field).
func (s *Server) problem(err error) (status int, key, text string) {
	p := problem.Of(err)
	if p == nil {
		return http.StatusInternalServerError, "console.error.internal", ""
	}
	if p.Code == "validation_failed" {
		return http.StatusUnprocessableEntity, "console.error.invalid", p.Message
	}
	if _, ok := s.messages[web0]["error.code."+p.Code]; ok {
		return p.Status, "error.code." + p.Code, ""
	}
	return p.Status, "console.error.invalid", p.Message
}

// web0 is the first language, whose catalog has every key.
const web0 = "nl"

// formProblem puts a domain error on the form v: a validation error next to its field (when the form
// has it), any other as the form's problem. It returns the status to answer with.
func (s *Server) formProblem(v *view, err error, fields ...string) int {
	status, key, text := s.problem(err)
	var fe problem.FieldError
	if errors.As(err, &fe) {
		field, msg := fe.InvalidField()
		if contains(fields, field) {
			if v.Errors == nil {
				v.Errors = map[string]string{}
			}
			v.Errors[field] = "!" + msg
			return status
		}
	}
	v.Problem, v.ProblemText = key, text
	return status
}

// notFound answers paths under /beheer that are no page.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, nil, http.StatusNotFound, "console.error.not_found")
}

// home is the console's start: the sections the staff member may open.
func (s *Server) home(w http.ResponseWriter, r *http.Request, c *call) {
	s.render(w, r, c, http.StatusOK, "home", view{Title: "console.home.title"})
}

// euros writes cents as Dutch amounts are written: € 1.250,50.
func euros(cents int64) string { return money.Dutch(cents) }

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

var months = map[string][12]string{
	"nl": {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// formatTime writes a time (time.Time, *time.Time, or a YYYY-MM-DD day) in Heerlen's time: 6 december 2026,
// with the time of day (14:05) when withTime.
func formatTime(lang string, v any, withTime bool) string {
	var t time.Time
	switch x := v.(type) {
	case time.Time:
		t = x
	case *time.Time:
		if x == nil {
			return "—"
		}
		t = *x
	case string:
		d, err := time.ParseInLocation(time.DateOnly, x, zone)
		if err != nil {
			return x
		}
		t, withTime = d, false
	default:
		return fmt.Sprint(v)
	}
	if t.IsZero() {
		return "—"
	}
	t = t.In(zone)
	m, ok := months[lang]
	if !ok {
		m = months[web0]
	}
	day := fmt.Sprintf("%d %s %d", t.Day(), m[t.Month()-1], t.Year())
	if withTime {
		return day + " " + t.Format("15:04")
	}
	return day
}

// parseEuros reads an amount as people type it (12, 12,50, 12.50, € 1.250,50) into cents; ok is false
// for anything else, a negative amount, or more than two decimals.
func parseEuros(s string) (cents int64, ok bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "€"))
	if s == "" {
		return 0, false
	}
	// A comma is the decimal mark; dots then only group thousands. Without a comma a dot followed by
	// one or two digits is the decimal mark.
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	} else if i := strings.LastIndex(s, "."); i >= 0 && len(s)-i-1 > 2 {
		s = strings.ReplaceAll(s, ".", "")
	}
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > 1_000_000_000 {
		return 0, false
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	return w*100 + f, true
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// dict builds a map from pairs of key and value, to hand a part template more than one value.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, errors.New("dict: odd number of arguments")
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		k, ok := pairs[i].(string)
		if !ok {
			return nil, errors.New("dict: keys must be strings")
		}
		m[k] = pairs[i+1]
	}
	return m, nil
}
