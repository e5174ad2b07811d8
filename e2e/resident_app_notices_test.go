package e2e_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestResidentAppNotices: the navigation's badge counts the unread notices and follows them when the app
// comes back to the foreground; the list pages back with beforeId; one notice and then all are marked read;
// the settings save the language, and turning e-mail on without an address says so plainly; turning
// notifications on this phone says plainly why it cannot be done.
func TestResidentAppNotices(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	r := p.residents(1)[0]
	tok := p.login(r.p.Username)
	unread := func() int {
		return int(p.expect(http.StatusOK, "", "GET", "/v1/me/notices/unread", tok, nil)["unread"].(float64))
	}
	// The approval's notice reaches the app through the notices worker; then 24 more, as events would write
	// them, already in the app: 25 unread, more than a page.
	p.waitFor("the approval's notice in the app", 2*time.Minute, func() bool { return unread() == 1 })
	for i := 1; i <= 24; i++ {
		p.notice(r.p.AccountID, i)
	}
	if n := unread(); n != 25 {
		t.Fatalf("%d unread notices, want 25", n)
	}

	b := p.newBrowserPhone(t)
	b.signIn(r, "een lange wachtzin hier")
	b.badge("25 ongelezen")
	b.click(`nav a[href="/berichten"]`)
	b.screen("/berichten")
	b.sees("Zwerfafval rapen 24")
	if n := b.count(`main .app-cards > li`); n != 10 {
		t.Fatalf("the first page shows %d notices, want 10", n)
	}
	b.screenshot("10-berichten")
	b.checkA11y("notices")
	for _, want := range []int{20, 25} {
		b.clickText("main button", "Oudere berichten")
		b.waitJS("the older notices", fmt.Sprintf(`document.querySelectorAll("main .app-cards > li").length === %d`, want))
	}
	b.sees("Je account is goedgekeurd")
	if b.count(`main button`) != 26 { // the 25 notices' own and "all read"; no "older": the last page was short
		t.Fatalf("after the last page the screen has %d buttons:\n%s", b.count(`main button`), b.text())
	}

	b.click(`main .app-cards > li:first-child button`)
	b.sees("Gelezen.")
	b.badge("24 ongelezen")
	if n := unread(); n != 24 {
		t.Fatalf("%d unread after marking one read, want 24", n)
	}
	b.clickText("main button", "Alles als gelezen markeren")
	b.waitJS("the badge hidden", `document.querySelector("nav .app-nav__badge").hidden`)
	if n := unread(); n != 0 {
		t.Fatalf("%d unread after marking all read, want 0", n)
	}
	b.waitJS("the list shown again, all read", `!document.querySelector("main[aria-busy], main .app-notice-item--unread") &&
		document.querySelectorAll("main .app-cards > li").length === 10`)
	if text := b.text(); strings.Contains(text, "null") || strings.Contains(text, "Nieuw:") || !strings.Contains(text, "Zwerfafval rapen 24") {
		t.Fatalf("the read notices show:\n%s", text)
	}

	// A notice that arrives meanwhile shows when the app comes back to the foreground (no polling).
	p.notice(r.p.AccountID, 25)
	// (The tab's own visibility depends on the other tests' tabs in the browser: the test sets it.)
	b.do("the app comes back to the foreground", chromedp.Evaluate[chromedp.Void](`Object.defineProperty(document, "visibilityState",
		{ value: "visible", configurable: true }); document.dispatchEvent(new Event("visibilitychange"))`))
	b.badge("1 ongelezen")

	// The settings: English and e-mail without an address is refused plainly; with an address it is saved.
	b.click(`main a[href="/berichten/instellingen"]`)
	b.screen("/berichten/instellingen")
	b.sees("Je account heeft geen e-mailadres")
	b.click(`main input[name="language"][value="en"]`)
	b.click(`main input[name="email"]`)
	b.clickText("main button", "Opslaan")
	b.sees("Vul er eerst een in bij Mijn gegevens")
	if s := p.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", tok, nil); s["email"] != false || s["language"] != "nl" {
		t.Fatalf("a refused change was saved: %v", s)
	}
	p.expect(http.StatusOK, "", "PATCH", "/v1/me", tok, map[string]any{"email": "groen@example.nl"})
	b.clickText("main button", "Opslaan")
	b.sees("Opgeslagen.")
	if s := p.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", tok, nil); s["email"] != true || s["language"] != "en" {
		t.Fatalf("the saved settings are %v, want English by e-mail", s)
	}

	// Notifications on this phone cannot be turned on here, and the app says why.
	b.clickText("main button", "Meldingen aanzetten")
	b.sees("Meldingen aanzetten kan niet: de gemeente verstuurt (nog) geen meldingen naar telefoons")
	b.screenshot("11-berichten-instellen")
	b.checkA11y("notice settings")
}

// TestResidentAppRegistersWithNoticeChoice: the sign-up form takes the notices' language and e-mail with an
// address; e-mail without an address is refused before anything is sent.
func TestResidentAppRegistersWithNoticeChoice(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	b := p.newBrowserPhone(t)
	b.open("/registreren")
	b.screen("/registreren")
	b.fill("username", "post-graag")
	b.fill("password", "een lang genoeg wachtwoord")
	b.click(`main input[name="notices_language"][value="en"]`)
	b.click(`main input[name="notices_email"]`)
	b.click(`main input[name="notice"]`)
	b.click(`main button[type="submit"]`)
	b.sees("Vul een e-mailadres in om berichten per e-mail te krijgen")
	if n := p.count(`SELECT count(*) FROM accounts WHERE username = 'post-graag'`); n != 0 {
		t.Fatalf("a refused sign-up made %d accounts", n)
	}
	b.fill("email", "post@example.nl")
	b.click(`main button[type="submit"]`)
	b.screen("/wachten")
	var id string
	if err := p.db.SQL().QueryRow(`SELECT id::text FROM accounts WHERE username = 'post-graag'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	p.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+id+"/approve", p.login("beheerder"), nil)
	tok := p.loginAs("post-graag", "een lang genoeg wachtwoord")
	if s := p.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", tok, nil); s["email"] != true || s["language"] != "en" ||
		s["has_email_address"] != true {
		t.Fatalf("the sign-up's notice settings are %v, want English by e-mail", s)
	}
}

// notice writes the i-th notice of a rejected claim to the account, in the app at once, as the claims
// service's event and the notices worker would.
func (p *platform) notice(accountID string, i int) {
	p.tb.Helper()
	if _, err := p.db.SQL().ExecContext(p.ctx, `INSERT INTO notices (account_id, kind, event_key, params, app_at, email_status)
		VALUES ($1, 'claim_rejected', $2, $3, now(), 'skipped')`, accountID, fmt.Sprintf("claim:test-%d:rejected", i),
		fmt.Sprintf(`{"chore": "Zwerfafval rapen %d", "reason": "De foto is onscherp"}`, i)); err != nil {
		p.tb.Fatal(err)
	}
}

// badge waits until the navigation's link to the notices says text (its count for screen readers), shown.
func (b *browserPhone) badge(text string) {
	b.t.Helper()
	b.waitJS("the badge "+text, `(() => { const el = document.querySelector("nav .app-nav__badge"); return !!el && !el.hidden &&
		el.textContent.includes(`+jsString(text)+`); })()`)
}

// waitJS waits until the expression is true.
func (b *browserPhone) waitJS(what, expr string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Minute)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr)); err != nil {
		b.t.Fatalf("waiting for %s: %v\n(on %s; it shows:\n%s)", what, err, b.url(), b.text())
	}
}

// js is the string the expression answers.
func (b *browserPhone) js(expr string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

// count is the number of elements css finds.
func (b *browserPhone) count(css string) int {
	b.t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(css)+`).length`))
	if err != nil {
		b.t.Fatal(err)
	}
	return n
}

// clickText clicks the element css finds whose text is text.
func (b *browserPhone) clickText(css, text string) {
	b.t.Helper()
	b.waitJS("a "+css+" saying "+text, `[...document.querySelectorAll(`+jsString(css)+`)].some((el) => el.textContent.trim() === `+jsString(text)+` && !el.disabled)`)
	b.do("click "+text, chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll(`+jsString(css)+`)].find((el) => el.textContent.trim() === `+jsString(text)+`).click()`))
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
