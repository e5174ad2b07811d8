package web

import (
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func newTestServer(t testing.TB, tiles string) http.Handler {
	t.Helper()
	s, err := New(Deps{Log: slog.New(slog.DiscardHandler), TileURL: tiles})
	if err != nil {
		t.Fatal(err)
	}
	return s.Handler()
}

func get(t *testing.T, h http.Handler, path string, hdr ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// TestShellOnEveryScreen: each screen's address answers its app's shell (the resident app's, or the till's
// without the manifest) in Dutch, or in the language the app's switch chose, with the
// strict Content-Security-Policy; an address that is no screen is not found.
// TestServerAnswersEveryScreen: every address the apps' scripts have a screen for (resident.js and till.js,
// read from their source) is answered with that app's shell, so a reload or a link opens it; a till screen
// missing from the server's list answered "Deze pagina bestaat niet." on a reload.
func TestServerAnswersEveryScreen(t *testing.T) {
	h := newTestServer(t, "")
	screen := regexp.MustCompile(`\bpath: "(/[^"]*)"`)
	for file, script := range map[string]string{"resident.js": "/static/app.js", "till.js": "/static/kassa.js"} {
		src, err := os.ReadFile(filepath.Join("frontend", "src", file))
		if err != nil {
			t.Fatal(err)
		}
		paths := screen.FindAllStringSubmatch(string(src), -1)
		if len(paths) < 9 {
			t.Fatalf("%s: found only %d screens' addresses", file, len(paths))
		}
		for _, m := range paths {
			path := strings.ReplaceAll(m[1], ":id", "3f1c2b9e-8d4a-4c1e-9a57-0b3d2e1f4a5c")
			res := get(t, h, path)
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `<script type="module" src="`+script+`">`) {
				t.Errorf("%s has a screen at %s, but the server answers %d without its shell", file, m[1], res.StatusCode)
			}
		}
	}
}

func TestShellOnEveryScreen(t *testing.T) {
	h := newTestServer(t, "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png")
	for _, path := range []string{"/", "/registreren", "/betalen/3f1c2b9e-8d4a-4c1e-9a57-0b3d2e1f4a5c", "/klussen/abc", "/gegevens", "/berichten", "/herstel"} {
		res := get(t, h, path)
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `<script type="module" src="/static/app.js">`) ||
			!strings.Contains(string(body), `<html lang="nl">`) {
			t.Fatalf("GET %s: %d\n%s", path, res.StatusCode, body)
		}
		csp := res.Header.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
			"img-src 'self' data: blob: https://service.pdok.nl"} {
			if !strings.Contains(csp, want) {
				t.Fatalf("GET %s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Fatalf("CSP allows inline code: %q", csp)
		}
	}
	for _, path := range []string{"/kassa", "/kassa/inloggen", "/kassa/uitbetalingen/3f1c2b9e-8d4a-4c1e-9a57-0b3d2e1f4a5c"} {
		res := get(t, h, path)
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `<script type="module" src="/static/kassa.js">`) ||
			strings.Contains(string(body), "manifest") || !strings.Contains(string(body), "<title>Heitje-kassa</title>") {
			t.Fatalf("GET %s: %d\n%s", path, res.StatusCode, body)
		}
	}
	res := get(t, h, "/", "Cookie", "lang=en")
	body, _ := io.ReadAll(res.Body)
	if !strings.Contains(string(body), `<html lang="en">`) || !strings.Contains(string(body), "Loading the app") {
		t.Fatalf("English shell:\n%s", body)
	}
	res = get(t, h, "/", "Accept-Language", "en-GB,en;q=0.9")
	if body, _ := io.ReadAll(res.Body); !strings.Contains(string(body), `<html lang="nl">`) {
		t.Fatal("a browser that prefers English gets English before anyone chose it: the apps are Dutch first")
	}
	for _, path := range []string{"/nergens", "/betalen/a/b", "/static/nergens.js"} {
		if res := get(t, h, path); res.StatusCode != http.StatusNotFound {
			t.Fatalf("GET %s: %d, want 404", path, res.StatusCode)
		}
	}
}

// TestInstallable: the manifest names the app in the visitor's language with the 192 and 512 pixel icons,
// which are served; the service worker is served from the root with its scope allowed; the built script is
// JavaScript.
func TestInstallable(t *testing.T) {
	h := newTestServer(t, "")
	res := get(t, h, "/manifest.webmanifest")
	var m struct {
		Name, StartURL, Display string
		Icons                   []struct{ Src, Sizes, Purpose string }
	}
	if err := json.NewDecoder(res.Body).Decode(&m); err != nil || m.Name != "Heerlens Heitje" {
		t.Fatalf("manifest: %+v %v", m, err)
	}
	sizes := map[string]bool{}
	for _, ic := range m.Icons {
		sizes[ic.Sizes] = true
		if r := get(t, h, ic.Src); r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "image/png" {
			t.Fatalf("icon %s: %d %s", ic.Src, r.StatusCode, r.Header.Get("Content-Type"))
		}
	}
	if !sizes["192x192"] || !sizes["512x512"] {
		t.Fatalf("icon sizes %v", sizes)
	}
	sw := get(t, h, "/sw.js")
	if sw.StatusCode != http.StatusOK || sw.Header.Get("Service-Worker-Allowed") != "/" ||
		!strings.HasPrefix(sw.Header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("service worker: %d %v", sw.StatusCode, sw.Header)
	}
	if js := get(t, h, "/static/app.js"); js.StatusCode != http.StatusOK || !strings.HasPrefix(js.Header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("app.js: %d %s", js.StatusCode, js.Header.Get("Content-Type"))
	}
	if !strings.Contains(get(t, h, "/").Header.Get("Content-Security-Policy"), "img-src 'self' data: blob:;") {
		t.Fatal("without a tile source the CSP allows images from elsewhere")
	}
}

// TestEveryLanguageHasEveryText: a language missing a text of Dutch, or having one Dutch lacks, is refused.
func TestEveryLanguageHasEveryText(t *testing.T) {
	fsys := fstest.MapFS{
		"messages/nl.json": {Data: []byte(`{"a": "een", "b": "twee"}`)},
		"messages/en.json": {Data: []byte(`{"a": "one", "c": "three"}`)},
	}
	if _, err := LoadCatalog(fsys); err == nil || !strings.Contains(err.Error(), "[b]") || !strings.Contains(err.Error(), "[c]") {
		t.Fatalf("incomplete English accepted: %v", err)
	}
	if _, err := LoadCatalog(files); err != nil {
		t.Fatal(err)
	}
}

// TestEveryTextTheAppUsesIsInTheMessages reads the app's sources for the keys they look up with t("…") and
// fails on a key Dutch lacks; keys put together at run time (t(`claim.status.${status}`)) must have at least
// one text under their fixed start.
func TestEveryTextTheAppUsesIsInTheMessages(t *testing.T) {
	cat, err := LoadCatalog(files)
	if err != nil {
		t.Fatal(err)
	}
	literal := regexp.MustCompile(`\bt\(\s*"([a-z0-9_.]+)"`)
	built := regexp.MustCompile("\\bt\\(\\s*`([a-z0-9_.]+)\\$\\{")
	checked := 0
	err = filepath.WalkDir(filepath.Join("frontend", "src"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".js") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			checked++
			if _, ok := cat["nl"][m[1]]; !ok {
				t.Errorf("%s uses %q, which messages/nl.json lacks", path, m[1])
			}
		}
		for _, m := range built.FindAllStringSubmatch(string(src), -1) {
			checked++
			found := false
			for k := range cat["nl"] {
				found = found || strings.HasPrefix(k, m[1])
			}
			if !found {
				t.Errorf("%s builds keys under %q, and messages/nl.json has none", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("only %d uses of t found: the pattern no longer matches the sources", checked)
	}
}
