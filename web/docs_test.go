package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/api"
	"github.com/heerlen/heitje/internal/testenv"
)

func docsServer(t *testing.T) http.Handler {
	t.Helper()
	s, err := New(Deps{Log: slog.New(slog.DiscardHandler), APIDocument: api.Document()})
	if err != nil {
		t.Fatal(err)
	}
	return s.Handler()
}

// TestDocsPageListsEveryOperation: /docs shows every operation of the API's document once, with its
// method, full path and summary, in Dutch by default and in English when asked.
func TestDocsPageListsEveryOperation(t *testing.T) {
	p, err := readAPIDoc(api.Document())
	if err != nil {
		t.Fatal(err)
	}
	ops := 0
	for _, g := range p.Groups {
		ops += len(g.Operations)
	}
	h := docsServer(t)
	res := get(t, h, "/docs")
	body, _ := io.ReadAll(res.Body)
	page := string(body)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") ||
		!strings.Contains(page, `<html lang="nl">`) || !strings.Contains(page, "De API van Heerlens Heitje") {
		t.Fatalf("GET /docs: %d %s\n%.500s", res.StatusCode, res.Header.Get("Content-Type"), page)
	}
	if n := strings.Count(page, `<article class="docs-operation"`); n != ops || ops < 80 {
		t.Fatalf("%d operations on the page, %d in the document", n, ops)
	}
	for _, want := range []string{
		`id="postV1AuthLogin"`, `POST /<wbr>v1/<wbr>auth/<wbr>login`, `GET /<wbr>healthz`,
		`<code class="utrecht-code" id="version">` + api.APIVersion + `</code>`, `href="/v1/openapi.json"`,
		`<code class="utrecht-code">beforeId</code>`, "heitje@heerlen.nl",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if dup := regexp.MustCompile(`id="([^"]+)"`).FindAllStringSubmatch(page, -1); len(dup) > 0 {
		seen := map[string]bool{}
		for _, m := range dup {
			if seen[m[1]] {
				t.Errorf("id %q twice", m[1])
			}
			seen[m[1]] = true
		}
	}
	res = get(t, h, "/docs?lang=en")
	body, _ = io.ReadAll(res.Body)
	if !strings.Contains(string(body), `<html lang="en">`) || !strings.Contains(string(body), "The Heerlens Heitje API") ||
		!strings.Contains(string(body), `href="/docs?lang=nl"`) {
		t.Fatalf("GET /docs?lang=en:\n%.400s", body)
	}
	if res := get(t, newTestServer(t, ""), "/docs"); res.StatusCode != http.StatusNotFound {
		t.Fatalf("/docs without a document: %d", res.StatusCode)
	}
}

// TestDocsPageInABrowser: axe-core finds no WCAG 2.1 A or AA violation on /docs, in Dutch and in English,
// on a phone's screen (the shared browser's viewport).
func TestDocsPageInABrowser(t *testing.T) {
	srv := httptest.NewServer(docsServer(t))
	t.Cleanup(srv.Close)
	for _, lang := range Languages {
		ctx := testenv.Browser(t)
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/docs?lang="+lang),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="`+lang+`"] main h1`))); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		testenv.Axe(t, ctx, "the API's documentation ("+lang+")")
		if dir := os.Getenv("HEITJE_SCREENSHOTS"); dir != "" && lang == Languages[0] { // make screenshots
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "api-docs.png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
