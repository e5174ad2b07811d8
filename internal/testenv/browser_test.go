package testenv

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserTabsShareCookiesWithinATestOnly: a cookie set in one tab of a test is sent from the test's
// next tab, and not from the tab of another test running alongside in the same Chromium.
func TestBrowserTabsShareCookiesWithinATestOnly(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/set" {
			http.SetCookie(w, &http.Cookie{Name: "sessie", Value: "van-a", Path: "/"})
			w.Write([]byte("<p id=c>gezet</p>"))
			return
		}
		c, err := r.Cookie("sessie")
		if err != nil {
			w.Write([]byte("<p id=c>geen</p>"))
			return
		}
		w.Write([]byte("<p id=c>" + c.Value + "</p>"))
	}))
	t.Cleanup(srv.Close)
	shows := func(t *testing.T, ctx context.Context, path string) string {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)); err != nil {
			t.Fatal(err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text("#c"))
		if err != nil {
			t.Fatal(err)
		}
		return text
	}
	set := make(chan struct{})
	t.Run("both", func(t *testing.T) {
		t.Run("a", func(t *testing.T) {
			t.Parallel()
			defer close(set)
			if got := shows(t, Browser(t), "/set"); got != "gezet" {
				t.Fatalf("setting the cookie showed %q", got)
			}
			if got := shows(t, Browser(t), "/"); got != "van-a" {
				t.Fatalf("the test's second tab sent %q, want the cookie of its first", got)
			}
		})
		t.Run("b", func(t *testing.T) {
			t.Parallel()
			<-set
			if got := shows(t, Browser(t), "/"); got != "geen" {
				t.Fatalf("another test's tab sent the cookie %q", got)
			}
		})
	})
}
