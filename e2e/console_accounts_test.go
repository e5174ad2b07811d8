package e2e_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/accounts"
)

// TestConsoleAccounts: an approver works through the onboarding queue in the console — oldest first, with
// counts, nothing personal — approves a resident and a shop, switches the shop on for payments and follows
// the grant until it is confirmed on chain, and rejects a third sign-up: without a reason the reject is
// refused next to the field and nothing changes; with one, the reason is in the audit log. A staff member
// with accounts.read_personal looks at one person's data only after giving a reason, and the look is
// audited. axe-core checks each page.
func TestConsoleAccounts(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	resident := p.pendingAccount(accounts.Registration{Role: accounts.RoleResident, Username: "zonnebloem",
		Email: "zonnebloem@voorbeeld.nl"})
	shop := p.pendingAccount(accounts.Registration{Role: accounts.RoleShop, Username: "bakker-aan-de-pancratius",
		Shop: &accounts.Shop{LegalName: "Bakkerij Pancratius", KvK: "12345678", IBAN: "NL91ABNA0417164300",
			Address: "Pancratiusplein 1, 6411 JX Heerlen"}})
	other := p.pendingAccount(accounts.Registration{Role: accounts.RoleResident, Username: "vlierbes"})
	p.newStaff("loket", true, accounts.PrivAccountsApprove)

	d := p.newDesk(t)
	d.signIn("loket")
	d.open("/beheer/aanmeldingen")
	d.page("/beheer/aanmeldingen")
	d.sees("Wachten op goedkeuring")
	text := d.text()
	if !strings.Contains(text, "Bewoners die wachten: 2") || !strings.Contains(text, "Winkels die wachten: 1") {
		t.Fatalf("the queue's counts are wrong:\n%s", text)
	}
	if a, b, c := strings.Index(text, "zonnebloem"), strings.Index(text, "bakker-aan-de-pancratius"), strings.Index(text, "vlierbes"); !(a < b && b < c) {
		t.Fatalf("the queue is not oldest first:\n%s", text)
	}
	if strings.Contains(text, "voorbeeld.nl") || strings.Contains(text, "Pancratiusplein") || strings.Contains(text, "NL91") {
		t.Fatalf("the queue shows personal data:\n%s", text)
	}
	d.checkA11y("the onboarding queue")
	d.screenshot("console-accounts-1-queue")

	// The resident: approve.
	d.click(`main a[href="/beheer/aanmeldingen/` + resident + `"]`)
	d.page("/beheer/aanmeldingen/" + resident)
	d.sees("Aanmelding van zonnebloem")
	if d.shows("voorbeeld.nl") || d.shows("Persoonsgegevens bekijken") {
		t.Fatalf("an approver without accounts.read_personal sees personal data or the way to it:\n%s", d.text())
	}
	d.checkA11y("a resident's sign-up")
	d.screenshot("console-accounts-2-resident")
	d.click(`main form[action$="/goedkeuren"] button[type="submit"]`)
	d.page("/beheer/aanmeldingen")
	d.sees("De aanmelding is goedgekeurd.")
	p.accountStatus(resident, "approved")

	// The shop: approve, then switch on for payments and follow the grant on chain.
	d.open("/beheer/aanmeldingen/" + shop)
	d.page("/beheer/aanmeldingen/" + shop)
	d.fill("approve_reason", "KvK-uittreksel gecontroleerd")
	d.click(`main form[action$="/goedkeuren"] button[type="submit"]`)
	d.page("/beheer/aanmeldingen/" + shop)
	d.sees("De winkel is goedgekeurd.")
	p.accountStatus(shop, "approved")
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'account.approve' AND subject_id = $1 AND reason = $2`,
		shop, "KvK-uittreksel gecontroleerd"); n != 1 {
		t.Fatalf("the approval's note is not in the audit log (%d)", n)
	}
	d.sees("Aanzetten voor betalingen")
	d.checkA11y("an approved shop")
	d.screenshot("console-accounts-3-shop-approved")
	d.click(`main form[action$="/activeren"] button[type="submit"]`)
	d.page("/beheer/aanmeldingen/" + shop)
	d.sees("De winkel is aangezet. De toestemming is onderweg naar de blockchain.")
	d.sees("Op de blockchain")
	if n := p.count(`SELECT count(*) FROM shops WHERE account_id = $1 AND activated_at IS NOT NULL`, shop); n != 1 {
		t.Fatal("the shop's activation is not recorded")
	}
	key := "shop-activate:" + shop
	p.waitIntents("the shop's grant on chain", key)
	deadline := time.Now().Add(2 * time.Minute)
	for d.open("/beheer/aanmeldingen/" + shop); !d.shows("Bevestigd: de winkel kan betalingen aannemen"); d.open("/beheer/aanmeldingen/" + shop) {
		if time.Now().After(deadline) {
			t.Fatalf("the shop's page never showed the confirmed grant:\n%s", d.text())
		}
		d.do("a moment", chromedp.Sleep(200*time.Millisecond))
	}
	d.checkA11y("an active shop")
	d.screenshot("console-accounts-4-shop-active")

	// The third: a reject without a reason is refused and changes nothing.
	d.open("/beheer/aanmeldingen/" + other)
	d.page("/beheer/aanmeldingen/" + other)
	d.click(`main form[action$="/afwijzen"] button[type="submit"]`)
	d.sees("Schrijf op waarom je de aanmelding afwijst.")
	d.do("the reason is marked", chromedp.WaitVisible(chromedp.CSS(`main textarea[name="reason"][aria-invalid="true"][aria-describedby~="f-reason-error"]`)))
	p.accountStatus(other, "pending")
	if n := p.count(`SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'account.reject'`, other); n != 0 {
		t.Fatal("a reject without a reason was audited")
	}
	d.checkA11yOnce("a reject without a reason")
	d.screenshot("console-accounts-5-reject-refused")
	d.fill("reason", "Gebruikersnaam verwijst naar een echte persoon")
	d.click(`main form[action$="/afwijzen"] button[type="submit"]`)
	d.page("/beheer/aanmeldingen")
	d.sees("De aanmelding is afgewezen.")
	p.accountStatus(other, "rejected")
	if n := p.count(`SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'account.reject' AND reason = $2`,
		other, "Gebruikersnaam verwijst naar een echte persoon"); n != 1 {
		t.Fatal("the reject's reason is not in the audit log")
	}
	d.sees("Er zijn geen aanmeldingen met deze status.")
	d.sees("Alle goedgekeurde winkels staan aan voor betalingen.")
	d.open("/beheer/aanmeldingen?status=afgewezen")
	d.sees("Afgewezen aanmeldingen")
	d.sees("vlierbes")

	// Without accounts.read_personal there is no way to the data.
	c := p.consoleClient("loket")
	if code, _ := p.consoleGet(c, "/beheer/persoonsgegevens"); code != http.StatusForbidden {
		t.Fatalf("an approver opens the personal data page: %d", code)
	}

	// The privacy desk: personal data only with a reason, and audited.
	p.newStaff("inzage", true, accounts.PrivAccountsReadPersonal)
	e := p.newDesk(t)
	e.signIn("inzage")
	e.open("/beheer")
	e.sees("Persoonsgegevens inzien")
	if e.shows("Aanmeldingen") {
		t.Fatal("a staff member without accounts.approve sees the onboarding queue in the navigation")
	}
	e.click(`nav a[href="/beheer/persoonsgegevens"]`)
	e.page("/beheer/persoonsgegevens")
	e.checkA11y("the personal data form")
	e.screenshot("console-accounts-6-personal-ask")
	e.fill("username", "zonnebloem")
	e.click(`main form button[type="submit"]`)
	e.sees("Schrijf op waarom je deze gegevens bekijkt.")
	if e.shows("zonnebloem@voorbeeld.nl") {
		t.Fatal("personal data shown without a reason")
	}
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'account.read_personal'`); n != 0 {
		t.Fatalf("a refused look was audited (%d)", n)
	}
	e.checkA11yOnce("the personal data form without a reason")
	e.fill("reason", "Vraag 2026-114 van de bewoner over het e-mailadres")
	e.click(`main form button[type="submit"]`)
	e.sees("zonnebloem@voorbeeld.nl")
	e.sees("Je inzage is met je reden vastgelegd in het auditlog.")
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'account.read_personal' AND subject_id = $1
		AND reason = $2 AND fields ? 'email' AND actor = 'inzage'`, resident, "Vraag 2026-114 van de bewoner over het e-mailadres"); n != 1 {
		t.Fatalf("the look is not audited with its reason (%d)", n)
	}
	e.checkA11yOnce("a person's data")
	e.screenshot("console-accounts-7-personal-data")

	// A shop's details, looked up from its page by someone who holds both privileges.
	p.newStaff("teamleider", true, accounts.PrivAccountsApprove, accounts.PrivAccountsReadPersonal)
	f := p.newDesk(t)
	f.signIn("teamleider")
	f.open("/beheer/aanmeldingen/" + shop)
	f.click(`main a[href^="/beheer/persoonsgegevens"]`)
	f.page("/beheer/persoonsgegevens")
	f.fill("reason", "Controle rekeningnummer voor de eerste uitbetaling")
	f.click(`main form button[type="submit"]`)
	f.sees("NL91ABNA0417164300")
	f.sees("Bakkerij Pancratius")
}

// pendingAccount registers a resident or shop (password the test password) that awaits approval and
// returns its id.
func (p *platform) pendingAccount(r accounts.Registration) string {
	p.tb.Helper()
	r.Password = password
	a, err := p.acc.Register(p.ctx, r)
	if err != nil {
		p.tb.Fatal(err)
	}
	return a.ID
}

// accountStatus fails unless the account has status.
func (p *platform) accountStatus(id, status string) {
	p.tb.Helper()
	if n := p.count(`SELECT count(*) FROM accounts WHERE id = $1 AND status = $2`, id, status); n != 1 {
		p.tb.Fatalf("account %s is not %s", id, status)
	}
}
