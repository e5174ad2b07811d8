package web

import (
	"net/http/httptest"
	"os"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

// TestShellInABrowser opens the app in headless Chromium, in Dutch and in English: the script runs under the
// page's Content-Security-Policy (it shows the first screen), and axe-core finds no WCAG 2.1 A or AA
// violation.
func TestShellInABrowser(t *testing.T) {
	srv := httptest.NewServer(newTestServer(t, ""))
	t.Cleanup(srv.Close)
	for _, lang := range Languages {
		ctx := testenv.Browser(t)
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.Evaluate[chromedp.Void](`document.cookie = "lang=`+lang+`; path=/"`),
			chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`html[lang="`+lang+`"] main h1`))); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		testenv.Axe(t, ctx, "the shell ("+lang+")")
	}
}
