// Package console is the municipal console at /beheer: the pages where staff approve people and chore
// proof, manage chores and staff, settle payouts and keep the privacy registers. It is server-rendered
// (html/template, plain forms, a little JavaScript only where a map or a keyboard shortcut needs it), calls
// the same domain services as the API and never the store, and shows each section only to staff who hold
// the privilege its API routes need. Every look at personal data asks for a reason, which the services
// audit as they do for the API.
package console

import (
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"maps"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/balances"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/overview"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/payouts"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/recovery"
	"github.com/heerlen/heitje/web"
)

//go:embed templates messages static
var files embed.FS

// Base is where the console lives.
const Base = "/beheer"

// Deps are the services the console's pages call, and what they show.
type Deps struct {
	Log      *slog.Logger
	Accounts *accounts.Service
	Audit    *audit.Service
	Chores   *chores.Service
	Payments *payments.Service
	Payouts  *payouts.Service
	Privacy  *privacy.Service
	// Recovery runs recoveries of lost keys; Balances says what the lost key's address holds.
	Recovery *recovery.Service
	Balances *balances.Service
	// Notices are the signed-in staff member's own notices and their settings (Berichten); nil shows none.
	Notices *notices.Service
	// TileURL is the map tile source ({z}/{x}/{y} template), the resident app's; empty shows the map's
	// frame, the bounds and the points without a background.
	TileURL string
	// Bounds is the municipality's area: chores lie in it.
	Bounds config.Bounds
	// Overview reads the overview's figures; Reconciliation tells finance how the last reconciliation
	// went (nil shows that none ran in this process).
	Overview       *overview.Service
	Reconciliation Reconciliation
	// TrustedProxies are the reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES), as by
	// the API: the sign-in's failed logins count per client address.
	TrustedProxies []string
}

// Server serves the console.
type Server struct {
	deps     Deps
	messages web.Catalog
	views    map[string]*template.Template
	css      []string
	sections []section
	pages    []Page
	mux      *http.ServeMux
	addrs    web.ClientAddresses
}

// section is one part of the console: its place in the navigation and the privilege it needs. A section
// registers its own routes (through Server.handle), each with that privilege.
type section struct {
	// Path is the section's first page; Title its name and About a line on what it is for (message keys).
	Path, Title, About string
	// Privileges: a staff member who holds any of them sees the section (each page still needs its own).
	Privileges []accounts.Privilege
}

// Page is a page of the console that a GET shows: for the privilege matrix test and the navigation.
type Page struct {
	Path      string
	Privilege accounts.Privilege
}

// New returns the console.
func New(d Deps) (*Server, error) {
	cat, err := loadMessages(files)
	if err != nil {
		return nil, err
	}
	addrs, err := web.NewClientAddresses(d.TrustedProxies)
	if err != nil {
		return nil, err
	}
	s := &Server{deps: d, messages: cat, mux: http.NewServeMux(), addrs: addrs}
	if err := s.loadTemplates(); err != nil {
		return nil, err
	}
	css, err := fs.Glob(files, "static/*.css")
	if err != nil {
		return nil, err
	}
	for _, c := range css {
		s.css = append(s.css, Base+"/"+c)
	}
	slices.Sort(s.css)
	s.routes()
	return s, nil
}

// Handler is the console's handler for Base and everything under it.
func (s *Server) Handler() http.Handler { return s.mux }

// routes registers the console's own pages and every section's.
func (s *Server) routes() {
	static, _ := fs.Sub(files, "static")
	fileServer := http.StripPrefix(Base+"/static", http.FileServerFS(static))
	s.mux.Handle("GET "+Base+"/static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fileServer.ServeHTTP(w, r)
	}))
	s.mux.HandleFunc("GET "+Base+"/inloggen", s.loginForm)
	s.mux.HandleFunc("POST "+Base+"/inloggen", s.login)
	s.mux.HandleFunc("POST "+Base+"/uitloggen", s.logout)
	s.mux.HandleFunc("POST "+Base+"/taal", s.language)
	s.mux.Handle("GET "+Base+"/geheimhouding", s.member(s.confidentialityForm))
	s.mux.Handle("POST "+Base+"/geheimhouding", s.member(s.acknowledge))
	s.mux.Handle("GET "+Base+"/tweede-factor", s.member(s.secondFactorForm))
	s.mux.Handle("POST "+Base+"/tweede-factor", s.member(s.secondFactorConfirm))
	s.mux.Handle("GET "+Base+"/account", s.member(s.accountPage))
	s.mux.Handle("POST "+Base+"/account/wachtwoord", s.member(s.passwordChange))
	s.mux.Handle("POST "+Base+"/account/e-mail", s.member(s.emailChange))
	s.mux.Handle("GET "+Base, s.member(s.home))
	s.mux.Handle("GET "+Base+"/{$}", s.member(s.home))
	slices.SortStableFunc(sectionRegistry, func(a, b sectionEntry) int { return a.order - b.order })
	for _, e := range sectionRegistry {
		e.register(s)
	}
	s.mux.HandleFunc(Base+"/", s.notFound)
}

// sectionRegistry lists the sections; each section's file adds itself in an init function with
// registerSection, and order places it in the navigation (lowest first).
var sectionRegistry []sectionEntry

type sectionEntry struct {
	order    int
	register func(*Server)
}

// registerSection adds a section: register calls s.addSection and s.handle for its pages.
func registerSection(order int, register func(*Server)) {
	sectionRegistry = append(sectionRegistry, sectionEntry{order, register})
}

// addSection puts a section in the navigation.
func (s *Server) addSection(sec section) { s.sections = append(s.sections, sec) }

// handle registers a route of a section: pattern is "METHOD /beheer/…", and only a signed-in staff member
// who holds priv (and has acknowledged the confidentiality statement) gets past; others get 403.
func (s *Server) handle(pattern string, priv accounts.Privilege, h handlerFunc) {
	s.mux.Handle(pattern, s.member(s.require(priv, h)))
	if method, p, ok := strings.Cut(pattern, " "); ok && method == "GET" {
		s.pages = append(s.pages, Page{Path: p, Privilege: priv})
	}
}

// Pages lists every page of a section that a GET shows and the privilege it needs, in registration order
// (a path may hold {id} wildcards).
func (s *Server) Pages() []Page { return slices.Clone(s.pages) }

// require refuses a staff member without priv with 403 and the reason in words.
func (s *Server) require(priv accounts.Privilege, h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, c *call) {
		if !c.Principal.Has(priv) {
			s.fail(w, r, c, http.StatusForbidden, "console.error.forbidden")
			return
		}
		h(w, r, c)
	}
}

// nav is the navigation of principal p: the sections it holds the privilege of.
func (s *Server) nav(p accounts.Principal, current string) []navItem {
	var out []navItem
	for _, sec := range s.sections {
		if slices.ContainsFunc(sec.Privileges, p.Has) {
			out = append(out, navItem{Path: sec.Path, Title: sec.Title, About: sec.About,
				Current: current == sec.Path || strings.HasPrefix(current, sec.Path+"/")})
		}
	}
	return out
}

type navItem struct {
	Path, Title, About string
	Current            bool
}

// loadMessages reads the web apps' catalog (for the texts of the API's error codes, error.code.*) and
// messages/*.<lang>.json (a pair of files per section) into one catalog; a key must be in one place only,
// and English must have exactly Dutch's keys.
func loadMessages(fsys fs.FS) (web.Catalog, error) {
	shared, err := web.Messages()
	if err != nil {
		return nil, err
	}
	c := web.Catalog{}
	for _, lang := range web.Languages {
		c[lang] = maps.Clone(shared[lang])
		names, err := fs.Glob(fsys, "messages/*."+lang+".json")
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			b, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, err
			}
			m := map[string]string{}
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, fmt.Errorf("console: %s: %w", name, err)
			}
			for k, v := range m {
				if _, dup := c[lang][k]; dup {
					return nil, fmt.Errorf("console: %s: key %q is in another file too", name, k)
				}
				c[lang][k] = v
			}
		}
	}
	for _, lang := range web.Languages[1:] {
		for k := range c[web.Languages[0]] {
			if _, ok := c[lang][k]; !ok {
				return nil, fmt.Errorf("console: messages: %q lacks %q", lang, k)
			}
		}
		for k := range c[lang] {
			if _, ok := c[web.Languages[0]][k]; !ok {
				return nil, fmt.Errorf("console: messages: %q has %q beyond Dutch", lang, k)
			}
		}
	}
	return c, nil
}

// pageName is the template name of a page file: templates/accounts_queue.html is "accounts_queue".
func pageName(file string) string { return strings.TrimSuffix(path.Base(file), ".html") }
