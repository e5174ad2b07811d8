package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
)

// appPaths are the resident app's screens: the server answers each with the app's shell, and the app shows
// the screen (so a link, like the one in a till's QR code, or a reload opens the right one).
// TestServerAnswersEveryScreen keeps these lists and the apps' screens (resident.js, till.js) in step.
var appPaths = []string{"/{$}", "/welkom", "/registreren", "/inloggen", "/wachten", "/sleutel", "/klussen", "/klussen/{id}",
	"/mijn-klussen", "/mijn-klussen/{id}", "/saldo", "/betalen", "/betalen/{id}", "/gegevens",
	"/berichten", "/berichten/instellingen", "/herstel"}

// tillPaths are the screens of the shop's till.
var tillPaths = []string{"/kassa", "/kassa/inloggen", "/kassa/terugbetalen", "/kassa/omzet", "/kassa/uitbetalingen",
	"/kassa/uitbetalingen/{id}", "/kassa/gegevens", "/kassa/berichten", "/kassa/berichten/instellingen"}

// shellData is what an app's shell page shows before its script takes over: the app's name (a message key),
// its script, and whether it is the installable resident app.
type shellData struct {
	Lang    string
	TileURL string
	Name    string
	Script  string
	Install bool
}

// app answers a screen of the resident app with its shell: the page the script builds every screen in.
func (s *Server) app(w http.ResponseWriter, r *http.Request) {
	s.serveShell(w, r, shellData{Name: "app.name", Script: "/static/app.js", Install: true})
}

// till answers a screen of the shop's till with its shell.
func (s *Server) till(w http.ResponseWriter, r *http.Request) {
	s.serveShell(w, r, shellData{Name: "till.name", Script: "/static/kassa.js"})
}

func (s *Server) serveShell(w http.ResponseWriter, r *http.Request, d shellData) {
	d.Lang, d.TileURL = s.messages.Language(r), s.deps.TileURL
	var b bytes.Buffer
	if err := s.shell.Execute(&b, d); err != nil {
		s.deps.Log.Error("web: shell page", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b.Bytes())
}

// notFound answers paths that are neither the API's nor a screen of an app.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	lang := s.messages.Language(r)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write([]byte(s.messages.T(lang, "error.not_found_page") + "\n"))
}

// staticFiles serves the built JavaScript, CSS, icons and the scanner's worker. The service worker keeps
// what it needs for offline use; the browser asks again after an hour.
func (s *Server) staticFiles() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		s.static.ServeHTTP(w, r)
	})
}

// serviceWorker serves the service worker from the root, so that its scope is the whole app.
func (s *Server) serviceWorker(w http.ResponseWriter, r *http.Request) {
	b, err := files.ReadFile("static/sw.js")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Service-Worker-Allowed", "/")
	w.Write(b)
}

// manifest is the web app manifest that makes the resident app installable, in the visitor's language.
func (s *Server) manifest(w http.ResponseWriter, r *http.Request) {
	lang := s.messages.Language(r)
	m := map[string]any{
		"name": s.messages.T(lang, "app.name"), "short_name": s.messages.T(lang, "app.short_name"),
		"description": s.messages.T(lang, "app.description"), "lang": lang, "start_url": "/", "scope": "/",
		"display": "standalone", "background_color": "#ffffff", "theme_color": themeColor,
		"icons": []map[string]string{
			{"src": "/static/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
			{"src": "/static/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
			{"src": "/static/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
		},
	}
	w.Header().Set("Content-Type", "application/manifest+json")
	w.Header().Set("Cache-Control", "no-cache")
	json.NewEncoder(w).Encode(m)
}

// themeColor is the app's colour in the browser's and the phone's chrome.
const themeColor = "#1f5f8b"

// secure adds the headers every page and file of the web apps carries: a strict Content-Security-Policy
// (scripts, styles and workers only from this origin, no inline script or style, no framing), no
// referrer, no type sniffing, and the camera and location only for this origin. tileURL's origin may give
// map images.
func secure(next http.Handler, tileURL string) http.Handler {
	img := "'self' data: blob:"
	if origin := originOf(tileURL); origin != "" {
		img += " " + origin
	}
	csp := strings.Join([]string{"default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src " + img,
		"connect-src 'self'", "worker-src 'self' blob:", "manifest-src 'self'", "font-src 'self'", "media-src 'self' blob:",
		"frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"}, "; ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", "camera=(self), geolocation=(self), microphone=()")
		next.ServeHTTP(w, r)
	})
}

// originOf is scheme://host of a URL template, or "" when it has none.
func originOf(u string) string {
	scheme, rest, ok := strings.Cut(u, "://")
	if !ok || (scheme != "https" && scheme != "http") {
		return ""
	}
	host, _, _ := strings.Cut(rest, "/")
	if host == "" || strings.ContainsAny(host, "{}") && !strings.HasPrefix(host, "{s}.") {
		return ""
	}
	host = strings.Replace(host, "{s}.", "*.", 1)
	return scheme + "://" + host
}
