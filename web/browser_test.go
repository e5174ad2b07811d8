package web

import (
	"net/http/httptest"
	"os"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

// TestShellInABrowser opens the app's shell in headless Chromium, in Dutch and in English: the script runs
// under the page's Content-Security-Policy (it replaces the loading text), and axe-core finds no WCAG 2.1
// A or AA violation.
func TestShellInABrowser(t *testing.T) {
	srv := httptest.NewServer(newTestServer(t, ""))
	t.Cleanup(srv.Close)
	for _, lang := range Languages {
		ctx := testenv.Browser(t)
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/?lang="+lang), chromedp.WaitNotPresent(chromedp.CSS(".app-loading"))); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		testenv.Axe(t, ctx, "the shell ("+lang+")")
	}
}
