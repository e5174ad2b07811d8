package e2e_test

import (
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/web/console"
)

// TestConsolePrivilegeMatrix walks every page of the console with every single privilege (and with none):
// a page answers only a holder of its privilege, anyone else gets 403 and none of its data; the navigation
// lists only sections whose first page the staff member may open; without a session every page sends to
// the sign-in page.
func TestConsolePrivilegeMatrix(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	cons, err := console.New(console.Deps{Log: slog.Default()})
	if err != nil {
		t.Fatal(err)
	}
	pages := cons.Pages()
	if len(pages) == 0 {
		t.Fatal("the console has no pages")
	}
	wildcard := regexp.MustCompile(`\{[a-z_]+\}`)
	concrete := func(path string) string {
		return wildcard.ReplaceAllStringFunc(path, func(w string) string {
			if w == "{n}" {
				return "1"
			}
			return "00000000-0000-4000-8000-000000000000"
		})
	}
	navLink := regexp.MustCompile(`<nav class="console-nav"[\s\S]*?</nav>`)
	href := regexp.MustCompile(`href="(/beheer[^"]*)"`)

	holders := append([]accounts.Privilege{""}, accounts.AllPrivileges()...)
	for _, priv := range holders {
		name := "matrix-" + strings.NewReplacer(".", "-", "_", "-").Replace(string(priv))
		if priv == "" {
			name = "matrix-geen"
			p.newStaff(name, true)
		} else {
			p.newStaff(name, true, priv)
		}
		c := p.consoleClient(name)
		for _, pg := range pages {
			path := concrete(pg.Path)
			code, body := p.consoleGet(c, path)
			switch {
			case pg.Privilege == priv && code == http.StatusForbidden:
				t.Errorf("%s (holding %s): 403, want the page", path, priv)
			case pg.Privilege != priv && code != http.StatusForbidden:
				t.Errorf("%s (holding %q, the page needs %s): %d, want 403", path, priv, pg.Privilege, code)
			case pg.Privilege != priv && strings.Contains(body, "<table"):
				t.Errorf("%s (holding %q): the refusal shows a table", path, priv)
			}
		}
		// Every section in the navigation opens.
		_, home := p.consoleGet(c, "/beheer")
		nav := navLink.FindString(home)
		if priv == "" && nav != "" {
			t.Errorf("a staff member without privileges sees a navigation: %s", nav)
		}
		for _, m := range href.FindAllStringSubmatch(nav, -1) {
			if code, _ := p.consoleGet(c, m[1]); code != http.StatusOK {
				t.Errorf("holding %q, the navigation links %s, which answers %d", priv, m[1], code)
			}
		}
	}

	// Without a session, every page sends to the sign-in page.
	anon := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, pg := range pages {
		res, err := anon.Get(p.base + concrete(pg.Path))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/beheer/inloggen") {
			t.Errorf("%s without a session: %d %s", pg.Path, res.StatusCode, res.Header.Get("Location"))
		}
	}
}
