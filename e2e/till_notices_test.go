package e2e_test

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestTillNotices: a shop reads its notices in the till, on the resident app's screens. The shop's approval
// and, once the municipality marked a payout paid, the payout's notice reach the till through the notices
// worker: the navigation's badge counts both; the payout's notice links to the payouts and is marked read
// (the badge follows), then the rest at once; the settings say plainly that e-mail needs an address the shop
// does not have, and lead to the shop's details (not the resident app's web push or address screen), where
// the shop fills one in; then e-mail and English are saved. axe-core checks the screens.
func TestTillNotices(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	s := p.newShop("kaasboer", true)
	r := p.fundedResidents(1, 1000)[0]
	p.pay(s, r, p.login(r.p.Username), 480)
	p.waitIndexed()
	fin := p.finance("penningmeester")
	period := map[string]any{"period_start": today(t).AddDate(0, 0, -30).Format(time.DateOnly), "period_end": today(t).Format(time.DateOnly)}
	id := p.expect(http.StatusCreated, "", "POST", "/v1/admin/payouts", fin, period)["id"].(string)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/payouts/"+id+"/execute", fin, nil)
	p.waitRun(fin, id, "executed")
	p.expect(http.StatusOK, "", "POST", "/v1/admin/payouts/"+id+"/paid", fin,
		map[string]any{"paid_on": today(t).Format(time.DateOnly), "bank_reference": "BNG-2026-0077"})
	unread := func() int {
		return int(p.expect(http.StatusOK, "", "GET", "/v1/me/notices/unread", s.token, nil)["unread"].(float64))
	}
	p.waitFor("the approval's and the payout's notices in the app", 2*time.Minute, func() bool { return unread() == 2 })

	b := p.newBrowserPhone(t)
	b.logInAt("/kassa/inloggen", "kaasboer", password)
	b.screen("/kassa")
	b.badge("2 ongelezen")
	b.click(`nav a[href="/kassa/berichten"]`)
	b.screen("/kassa/berichten")
	b.sees("Je uitbetaling is betaald")
	b.sees("€ 4,80")
	b.sees("BNG-2026-0077")
	if n := b.count(`main .app-cards > li.app-notice-item--unread`); n != 2 {
		t.Fatalf("%d unread notices on the till's screen, want 2:\n%s", n, b.text())
	}
	b.waitJS("the payout's notice links to the payouts", `!!document.querySelector('main .app-cards > li:first-child a[href="/kassa/uitbetalingen"]')`)
	b.checkA11y("the till's notices")
	b.screenshot("till-5-berichten")

	// The newest, the payout's, marked read: the badge follows.
	b.click(`main .app-cards > li:first-child button`)
	b.sees("Gelezen.")
	b.badge("1 ongelezen")
	if n := unread(); n != 1 {
		t.Fatalf("%d unread after marking the payout's notice read, want 1", n)
	}
	b.clickText("main button", "Alles als gelezen markeren")
	b.waitJS("the badge hidden", `document.querySelector("nav .app-nav__badge").hidden`)
	if n := unread(); n != 0 {
		t.Fatalf("%d unread after marking all read, want 0", n)
	}

	// The settings: the till's own words about the address, no web push; a refused change saves nothing.
	b.click(`main a[href="/kassa/berichten/instellingen"]`)
	b.screen("/kassa/berichten/instellingen")
	b.sees("Er staat geen e-mailadres bij je winkel")
	if strings.Contains(b.text(), "Meldingen op deze telefoon") || b.count(`main a[href="/gegevens"]`) != 0 {
		t.Fatalf("the till's settings offer the resident app's web push or address screen:\n%s", b.text())
	}
	b.click(`main input[name="email"]`)
	b.click(`main input[name="language"][value="en"]`)
	b.clickText("main button", "Opslaan")
	b.sees("dus berichten per e-mail kunnen niet")
	if st := p.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", s.token, nil); st["email"] != false || st["language"] != "nl" {
		t.Fatalf("a refused change was saved: %v", st)
	}

	// The way to an address: the shop's details, where the shop fills one in.
	b.clickText("main a", "E-mailadres invullen bij Gegevens")
	b.screen("/kassa/gegevens")
	b.fill("email", "kaasboer@example.nl")
	b.click(`main section[aria-labelledby="data-contact"] button[type="submit"]`)
	b.sees("Opgeslagen.")
	if me := p.expect(http.StatusOK, "", "GET", "/v1/me", s.token, nil); me["email"] != "kaasboer@example.nl" {
		t.Fatalf("the shop's e-mail address is %v after saving it in the till", me["email"])
	}
	b.checkA11y("the shop's details with its contact details")
	b.open("/kassa/berichten/instellingen")
	b.screen("/kassa/berichten/instellingen")
	if strings.Contains(b.text(), "Er staat geen e-mailadres") {
		t.Fatalf("the settings still say the shop has no address:\n%s", b.text())
	}
	b.click(`main input[name="email"]`)
	b.click(`main input[name="language"][value="en"]`)
	b.clickText("main button", "Opslaan")
	b.sees("Opgeslagen.")
	if st := p.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", s.token, nil); st["email"] != true || st["language"] != "en" {
		t.Fatalf("the saved settings are %v, want English with e-mail", st)
	}
	b.checkA11y("the till's notice settings")
	b.screenshot("till-6-berichten-instellen")
}
