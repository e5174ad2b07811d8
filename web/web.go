// Package web serves the platform's web apps on the same binary as the API: the resident app (an installable
// progressive web app at /), the shop's till (/kassa); and, from web/console, the municipal console (/beheer). The apps' pages call the
// JSON API under /v1 like any other client; nothing here reads the database. The JavaScript and CSS are built
// from web/frontend by `make generate` and committed in web/static, so serving them needs no npm.
package web

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/klauspost/compress/gzhttp"
)

//go:embed static templates messages
var files embed.FS

// Deps is what the web apps need.
type Deps struct {
	Log *slog.Logger
	// TileURL is the map tile source the resident app shows chores on ({z}/{x}/{y} template); empty shows
	// the chores' positions without a background map.
	TileURL string
	// Console, when set, serves the municipal console at /beheer (package web/console).
	Console http.Handler
	// APIDocument, when set, is the API's OpenAPI document, which /docs shows to people.
	APIDocument []byte
}

// Server serves the web apps.
type Server struct {
	deps     Deps
	messages Catalog
	shell    *template.Template
	static   http.Handler
	// docsTmpl and apiDocs are the page at /docs and what it shows, when Deps has the API's document.
	docsTmpl *template.Template
	apiDocs  docsPage
}

// New returns the web apps' handler.
func New(d Deps) (*Server, error) {
	cat, err := LoadCatalog(files)
	if err != nil {
		return nil, err
	}
	shell, err := template.New("app.html").Funcs(template.FuncMap{"t": cat.T}).ParseFS(files, "templates/app.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	static, err := fs.Sub(files, "static")
	if err != nil {
		return nil, err
	}
	s := &Server{deps: d, messages: cat, shell: shell, static: http.FileServerFS(static)}
	if d.APIDocument != nil {
		if s.apiDocs, err = readAPIDoc(d.APIDocument); err != nil {
			return nil, err
		}
		if s.docsTmpl, err = docsTemplate(); err != nil {
			return nil, fmt.Errorf("web: templates: %w", err)
		}
	}
	return s, nil
}

// Handler returns the routes of the web apps, each with the security headers of the pages.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", http.StripPrefix("/static", s.staticFiles()))
	mux.HandleFunc("GET /sw.js", s.serviceWorker)
	mux.HandleFunc("GET /manifest.webmanifest", s.manifest)
	for _, path := range appPaths {
		mux.HandleFunc("GET "+path, s.app)
	}
	for _, path := range tillPaths {
		mux.HandleFunc("GET "+path, s.till)
	}
	if s.docsTmpl != nil {
		mux.HandleFunc("GET /docs", s.docs)
	}
	if s.deps.Console != nil {
		mux.Handle("/beheer", s.deps.Console)
		mux.Handle("/beheer/", s.deps.Console)
	}
	mux.HandleFunc("/", s.notFound)
	// Phones download the app compressed (gzip, when the browser accepts it).
	return gzhttp.GzipHandler(secure(mux, s.deps.TileURL))
}
