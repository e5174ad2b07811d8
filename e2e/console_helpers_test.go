package e2e_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/testenv"
)

// desk is a staff member's browser at a desk: a tab of headless Chromium at a laptop's size on the console
// of platform p.
type desk struct {
	*browserPhone
	p *platform
}

// Desk size: a common laptop's screen.
const deskWidth, deskHeight = 1280, 800

// newDesk opens a tab at desk size on the console of the platform p serves.
func (p *platform) newDesk(t testing.TB) desk {
	t.Helper()
	b := &browserPhone{t: t, ctx: testenv.Browser(t), base: p.base}
	b.do("desk size", chromedp.EmulateViewport(deskWidth, deskHeight))
	return desk{b, p}
}

// newOtherDesk is a second staff member's desk: a browser of its own (its own cookies, so its own session).
func (p *platform) newOtherDesk(t testing.TB) desk {
	t.Helper()
	b := &browserPhone{t: t, ctx: testenv.OwnBrowser(t, nil), base: p.base}
	b.do("desk size", chromedp.EmulateViewport(deskWidth, deskHeight))
	return desk{b, p}
}

// newStaff creates a staff member with privs and returns its id. With ready the member has a second factor
// and has acknowledged the confidentiality statement; without, the console asks for both at the first
// sign-in.
func (p *platform) newStaff(username string, ready bool, privs ...accounts.Privilege) string {
	p.tb.Helper()
	a, err := p.acc.CreateStaff(p.ctx, p.admin, username, password, privs)
	if err != nil {
		p.tb.Fatal(err)
	}
	if ready {
		p.acknowledge(a.ID)
		p.enrol(a.ID, username)
	}
	return a.ID
}

// signIn signs in on the console's sign-in page, with the code of the second factor when the member has
// one, and waits for the page after it.
func (d desk) signIn(username string) {
	d.t.Helper()
	d.open("/beheer/inloggen")
	d.fill("username", username)
	d.fill("password", password)
	if code := d.p.code(username); code != "" {
		d.fill("code", code)
	}
	d.click(`main form button[type="submit"]`)
	d.do("the page after signing in", chromedp.WaitNotPresent(chromedp.CSS(`main input[name="password"]`)))
}

// heading is the page's h1.
func (d desk) heading() string {
	d.t.Helper()
	s, err := chromedp.Run(d.ctx, chromedp.Evaluate[string](`document.querySelector("main h1")?.innerText ?? ""`))
	if err != nil {
		d.t.Fatal(err)
	}
	return s
}

// page waits until the console shows path (the location without its query).
func (d desk) page(path string) {
	d.t.Helper()
	d.screen(path)
}

// checkA11y runs axe-core on the page, then switches the console to English, runs it again, and switches
// back.
func (d desk) checkA11y(what string) {
	d.t.Helper()
	testenv.Axe(d.t, d.ctx, what)
	d.click(`header form[action="/beheer/taal"] button`)
	d.do("wait for English", chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] main h1`)))
	testenv.Axe(d.t, d.ctx, what+" (English)")
	d.click(`header form[action="/beheer/taal"] button`)
	d.do("wait for Dutch", chromedp.WaitVisible(chromedp.CSS(`html[lang="nl"] main h1`)))
}

// consoleClient is an HTTP client with a console session of username (its cookies), for the checks a
// browser cannot make: status codes of direct URLs, bytes of downloads.
func (p *platform) consoleClient(username string) *http.Client {
	p.tb.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 2 * time.Minute, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	res, err := c.PostForm(p.base+"/beheer/inloggen", url.Values{"username": {username}, "password": {password},
		"code": {p.code(username)}})
	if err != nil {
		p.tb.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		p.tb.Fatalf("signing in %s on the console: %d", username, res.StatusCode)
	}
	// The cookies are Secure; the test server is plain HTTP on 127.0.0.1, which browsers trust as
	// secure but a cookie jar does not: carry them over by hand.
	u, _ := url.Parse(p.base + "/beheer")
	var kept []*http.Cookie
	for _, ck := range res.Cookies() {
		ck.Secure = false
		kept = append(kept, ck)
	}
	jar.SetCookies(u, kept)
	return c
}

// consoleGet fetches path with client c and returns the status and the body.
func (p *platform) consoleGet(c *http.Client, path string) (int, string) {
	p.tb.Helper()
	res, err := c.Get(p.base + path)
	if err != nil {
		p.tb.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	// Every answer of the console carries a strict Content-Security-Policy: nothing by default, no inline
	// script or style (pages allow their own scripts and styles; a photo allows nothing at all).
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") ||
		strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		p.tb.Errorf("%s: Content-Security-Policy %q", path, csp)
	}
	return res.StatusCode, string(b)
}

// mentions reports whether the page's text has s.
func (d desk) shows(s string) bool {
	d.t.Helper()
	return strings.Contains(d.text(), s)
}
