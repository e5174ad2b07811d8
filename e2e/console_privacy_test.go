package e2e_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/accounts"
)

// TestConsolePrivacyRequests: the privacy officer sees the overdue request first and marked, refuses a
// request whose requester's identity was not established (a refusal without reasons is refused next to
// the field and changes nothing), is told why an erasure cannot happen yet while a claim is under way
// (nothing changes), closes a resident's erasure request in the browser — the account is gone from the
// database — grants a restriction and lifts it with a reason. axe-core checks every page in Dutch and
// English.
func TestConsolePrivacyRequests(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	p.newStaff("privacy-officer", true, accounts.PrivPrivacy)
	officer := p.login("privacy-officer")
	rs := p.residents(3)
	leaver, busy, careful := rs[0], rs[1], rs[2]

	// The resident asks for erasure through the API; a letter that came in five weeks ago, from someone
	// whose identity was not established, is registered by the officer; a busy resident asks for erasure
	// while a claim of theirs is under review; another asks for restriction.
	erasure := p.expect(http.StatusCreated, "", "POST", "/v1/privacy/requests", p.login(leaver.p.Username),
		map[string]any{"kind": "erasure", "details": "Ik doe niet meer mee; wis alles over mij."})["id"].(string)
	letter := p.expect(http.StatusCreated, "", "POST", "/v1/admin/privacy/requests", officer, map[string]any{
		"account_id": careful.p.AccountID, "kind": "access", "channel": "letter", "identity_verified": false,
		"received_at": time.Now().Add(-35 * 24 * time.Hour)})["id"].(string)
	p.submittedClaims([]resident{busy}, p.chore(250, 5))
	blocked := p.expect(http.StatusCreated, "", "POST", "/v1/privacy/requests", p.login(busy.p.Username),
		map[string]any{"kind": "erasure"})["id"].(string)
	restrict := p.expect(http.StatusCreated, "", "POST", "/v1/privacy/requests", p.login(careful.p.Username),
		map[string]any{"kind": "restriction", "details": "Mijn adres klopt niet; zet alles stil tot het is nagekeken."})["id"].(string)

	d := p.newDesk(t)
	d.signIn("privacy-officer")
	d.open("/beheer/privacy")
	d.page("/beheer/privacy")
	d.sees("verzoek(en) zijn over de termijn van vier weken")
	if first := d.evalText(`document.querySelector("main tbody tr a").getAttribute("href")`); first != "/beheer/privacy/verzoeken/"+letter {
		t.Fatalf("the first request is %s, want the overdue letter %s", first, letter)
	}
	if cls := d.evalText(`document.querySelector("main tbody tr").className`); cls != "privacy-overdue" {
		t.Fatalf("the overdue request is not marked: class %q", cls)
	}
	d.checkA11y("the privacy requests")
	d.screenshot("console-privacy-1-requests")

	// The letter: identity not established, so only a refusal is offered; a refusal needs its reasons.
	d.click(`main tbody tr a[href="/beheer/privacy/verzoeken/` + letter + `"]`)
	d.page("/beheer/privacy/verzoeken/" + letter)
	d.sees("Niet vastgesteld")
	if n := d.evalText(`String(document.querySelectorAll('main input[name="decision"]').length)`); n != "1" {
		t.Fatalf("an unverified request offers %s decisions, want only the refusal", n)
	}
	d.click(`#f-decision-refused`)
	d.click(`main form button[type="submit"]`)
	d.sees("Geef de motivering")
	if d.evalText(`document.querySelector("#f-reason").getAttribute("aria-invalid")`) != "true" {
		t.Fatal("the reason field is not marked invalid")
	}
	if n := p.count(`SELECT count(*) FROM privacy_requests WHERE id = $1 AND status = 'open'`, letter); n != 1 {
		t.Fatal("a refusal without reasons closed the request")
	}
	d.checkA11y("a refusal without reasons")
	d.click(`#f-decision-refused`)
	d.fill("reason", "Wij konden niet vaststellen wie de brief stuurde. Kom langs aan de balie met een identiteitsbewijs.")
	d.click(`main form button[type="submit"]`)
	d.sees("Het besluit is vastgelegd.")
	if n := p.count(`SELECT count(*) FROM privacy_requests WHERE id = $1 AND status = 'closed' AND decision = 'refused'`, letter); n != 1 {
		t.Fatal("the refusal was not recorded")
	}

	// An erasure that a claim under review blocks: the officer is told what blocks it; nothing changes.
	d.open("/beheer/privacy/verzoeken/" + blocked)
	d.page("/beheer/privacy/verzoeken/" + blocked)
	d.click(`#f-decision-granted`)
	d.click(`#f-confirm`)
	d.click(`main form button[type="submit"]`)
	d.sees("Het account kan nog niet worden gewist. Er is niets veranderd.")
	d.sees("open claim")
	if p.count(`SELECT count(*) FROM accounts WHERE id = $1`, busy.p.AccountID) != 1 ||
		p.count(`SELECT count(*) FROM privacy_requests WHERE id = $1 AND status = 'open'`, blocked) != 1 {
		t.Fatal("a blocked erasure changed something")
	}
	d.checkA11y("an erasure that is blocked")

	// The erasure: granting without the confirmation is refused next to it; then the account is erased.
	d.open("/beheer/privacy/verzoeken/" + erasure)
	d.page("/beheer/privacy/verzoeken/" + erasure)
	d.sees("Ik doe niet meer mee")
	d.click(`#f-decision-granted`)
	d.click(`main form button[type="submit"]`)
	d.sees("Bevestig dat het account onherroepelijk gewist wordt")
	if p.count(`SELECT count(*) FROM accounts WHERE id = $1`, leaver.p.AccountID) != 1 {
		t.Fatal("an unconfirmed erasure erased the account")
	}
	d.checkA11y("an erasure request")
	d.screenshot("console-privacy-2-erasure-request")
	d.click(`#f-decision-granted`)
	d.click(`#f-confirm`)
	d.click(`main form button[type="submit"]`)
	d.sees("Het verzoek is toegekend en het account is gewist.")
	d.sees("Toegekend")
	if n := p.count(`SELECT count(*) FROM accounts WHERE id = $1`, leaver.p.AccountID); n != 0 {
		t.Fatal("the erasure left the account in the database")
	}
	if n := p.count(`SELECT count(*) FROM accounts WHERE username = $1`, leaver.p.Username); n != 0 {
		t.Fatal("the erasure left the username in the database")
	}
	if n := p.count(`SELECT count(*) FROM privacy_requests WHERE id = $1 AND status = 'closed' AND decision = 'granted' AND details = ''`, erasure); n != 1 {
		t.Fatal("the erasure request was not closed as granted, its details erased")
	}
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'privacy.erase' AND subject_id = $1 AND actor = 'privacy-officer'`, leaver.p.AccountID); n != 1 {
		t.Fatal("the erasure was not audited under the officer's name")
	}
	d.screenshot("console-privacy-3-erased")

	// A restriction: granted, then lifted with a reason (a lifting without one is refused next to it).
	d.open("/beheer/privacy/verzoeken/" + restrict)
	d.page("/beheer/privacy/verzoeken/" + restrict)
	d.click(`#f-decision-granted`)
	d.click(`main form button[type="submit"]`)
	d.sees("de verwerking is beperkt")
	d.open("/beheer/privacy/beperkingen")
	d.page("/beheer/privacy/beperkingen")
	d.sees("Mijn adres klopt niet")
	d.checkA11y("the restrictions")
	d.click(`main form.privacy-lift button[type="submit"]`)
	d.sees("Geef de reden waarom de beperking wordt opgeheven.")
	if n := p.count(`SELECT count(*) FROM restrictions WHERE account_id = $1 AND lifted_at IS NULL`, careful.p.AccountID); n != 1 {
		t.Fatal("a lifting without a reason lifted the restriction")
	}
	d.checkA11y("a lifting without a reason")
	d.fill("reason", "Het adres is nagekeken en gecorrigeerd.")
	d.click(`main form.privacy-lift button[type="submit"]`)
	d.sees("De beperking is opgeheven")
	if n := p.count(`SELECT count(*) FROM restrictions WHERE account_id = $1 AND lifted_at IS NOT NULL AND lift_reason <> ''`, careful.p.AccountID); n != 1 {
		t.Fatal("the restriction was not lifted with its reason")
	}

	// Registering a request from the counter.
	d.open("/beheer/privacy/verzoeken/nieuw")
	d.page("/beheer/privacy/verzoeken/nieuw")
	d.checkA11y("registering a request")
	d.fill("account_id", careful.p.AccountID)
	d.do("choose objection", chromedp.SetValue(chromedp.CSS(`#f-kind`), "objection"))
	d.do("choose analytics", chromedp.SetValue(chromedp.CSS(`#f-purpose`), "analytics"))
	d.click(`#f-identity_verified`)
	d.click(`main form button[type="submit"]`)
	d.sees("Het verzoek is geregistreerd.")
	if n := p.count(`SELECT count(*) FROM privacy_requests WHERE account_id = $1 AND kind = 'objection' AND purpose = 'analytics' AND channel = 'counter' AND identity_verified`, careful.p.AccountID); n != 1 {
		t.Fatal("the counter's objection was not registered")
	}
}

// TestConsolePrivacyBreachesAndAudit: a breach the authority heard of more than 72 hours after awareness
// is refused without the reason for the delay — the message stands next to that field and nothing is
// written — and recorded with it; a fresh breach shows the time left on its clock; the audit log's
// filters narrow it to one action and one staff member, and it pages. The register of processing and the
// research-contact list show. axe-core checks every page in Dutch and English.
func TestConsolePrivacyBreachesAndAudit(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	officerID := p.newStaff("privacy-officer", true, accounts.PrivPrivacy)
	d := p.newDesk(t)
	d.signIn("privacy-officer")

	local := func(ago time.Duration) string {
		return time.Now().Add(-ago).In(heerlen).Format("2006-01-02T15:04")
	}
	late := func() {
		d.fill("title", "Lijst met e-mailadressen naar verkeerde ontvanger")
		d.fill("nature", "Een export met e-mailadressen van bewoners is per ongeluk naar een externe partij gestuurd.")
		d.click(`#f-kinds-confidentiality`)
		d.setField("discovered_at", local(5*24*time.Hour))
		d.setField("authority_notified_at", local(time.Hour))
		d.click(`#f-reportable-yes`)
	}
	d.open("/beheer/privacy/datalekken/nieuw")
	d.page("/beheer/privacy/datalekken/nieuw")
	late()
	d.click(`main form button[type="submit"]`)
	d.sees("Geef de reden van de vertraging. Er is niets opgeslagen.")
	if got := d.evalText(`document.querySelector("#f-delay_reason").getAttribute("aria-describedby")`); !strings.Contains(got, "f-delay_reason-error") {
		t.Fatalf("the delay reason's error is not tied to its field: aria-describedby %q", got)
	}
	if d.evalText(`document.querySelector("#f-delay_reason").getAttribute("aria-invalid")`) != "true" {
		t.Fatal("the delay reason is not marked invalid")
	}
	if d.evalText(`document.querySelector("#f-title").value`) != "Lijst met e-mailadressen naar verkeerde ontvanger" {
		t.Fatal("the refused form lost what was typed")
	}
	if n := p.count(`SELECT count(*) FROM breaches`); n != 0 {
		t.Fatalf("a late notification without its reason wrote %d breach(es)", n)
	}
	d.screenshot("console-privacy-4-breach-delay-reason")
	d.checkA11y("a late notification without its reason") // the switch shows the empty form again
	late()
	d.fill("delay_reason", "De omvang werd pas na vier dagen duidelijk.")
	d.click(`main form button[type="submit"]`)
	d.sees("Het datalek is geregistreerd.")
	d.sees("na de termijn")
	if n := p.count(`SELECT count(*) FROM breaches WHERE delay_reason <> '' AND authority_notified_at IS NOT NULL`); n != 1 {
		t.Fatal("the breach was not recorded with its delay reason")
	}
	d.checkA11y("a breach")

	// A fresh breach: its clock shows the time left. Saying it need not be reported without saying why is
	// refused next to the assessment and changes nothing.
	d.open("/beheer/privacy/datalekken/nieuw")
	d.page("/beheer/privacy/datalekken/nieuw")
	d.fill("title", "Laptop van een medewerker gestolen")
	d.fill("nature", "Een laptop met een lokale kopie van het auditlog is uit een auto gestolen.")
	d.click(`#f-kinds-availability`)
	d.setField("discovered_at", local(10*time.Hour))
	d.click(`main form button[type="submit"]`)
	d.sees("Het datalek is geregistreerd.")
	d.sees("om te melden")
	d.click(`#f-reportable-no`)
	d.click(`main form button[type="submit"]`)
	d.do("the assessment's error", chromedp.WaitVisible(chromedp.CSS(`#f-assessment-error`)))
	if n := p.count(`SELECT count(*) FROM breaches WHERE reportable IS NOT NULL AND title LIKE 'Laptop%'`); n != 0 {
		t.Fatal("a refused update changed the breach")
	}
	d.fill("assessment", "De schijf was versleuteld; er is geen risico voor betrokkenen.")
	d.click(`#f-encrypted`)
	d.click(`main form button[type="submit"]`)
	d.sees("De wijzigingen zijn opgeslagen.")
	d.sees("Niet meldplichtig")
	if n := p.count(`SELECT count(*) FROM breaches WHERE reportable = false AND encrypted AND title LIKE 'Laptop%'`); n != 1 {
		t.Fatal("the update was not saved")
	}
	d.open("/beheer/privacy/datalekken")
	d.page("/beheer/privacy/datalekken")
	d.sees("Laptop van een medewerker gestolen")
	d.sees("Lijst met e-mailadressen")
	d.checkA11y("the breach register")
	d.screenshot("console-privacy-5-breaches")

	// The audit log: filtered on one action, then on the officer; older pages follow.
	d.open("/beheer/privacy/auditlog")
	d.page("/beheer/privacy/auditlog")
	d.checkA11y("the audit log")
	d.fill("action", "breach.update")
	d.click(`main form.privacy-filter button[type="submit"]`)
	d.sees("Filters wissen")
	if got := d.evalText(`[...document.querySelectorAll("main tbody tr td:nth-child(3)")].map(td => td.innerText.trim()).join(",")`); got != "breach.update" {
		t.Fatalf("filtered on breach.update the log shows %q", got)
	}
	d.screenshot("console-privacy-6-audit")
	d.open("/beheer/privacy/auditlog?actor=" + officerID)
	d.page("/beheer/privacy/auditlog")
	actions := d.evalText(`[...document.querySelectorAll("main tbody tr td:nth-child(3)")].map(td => td.innerText.trim()).join(",")`)
	for _, want := range []string{"breach.record", "breach.update", "audit.read"} {
		if !strings.Contains(actions, want) {
			t.Fatalf("the officer's entries %q lack %s", actions, want)
		}
	}
	if got := d.evalText(`[...new Set([...document.querySelectorAll("main tbody tr td:nth-child(2)")].map(td => td.querySelector("a")?.getAttribute("href") ?? ""))].join(",")`); got != "/beheer/privacy/auditlog?actor="+officerID {
		t.Fatalf("filtered on one staff member the log shows the actors %q", got)
	}
	// Paging: read the log until there are more than a page of entries, then go to the older ones.
	for p.count(`SELECT count(*) FROM audit_log`) <= 55 {
		d.open("/beheer/privacy/auditlog?action=none")
		d.page("/beheer/privacy/auditlog")
	}
	d.open("/beheer/privacy/auditlog")
	d.page("/beheer/privacy/auditlog")
	newest := d.evalText(`document.querySelector("main tbody tr td span").innerText`)
	d.click(`main nav a[href*="voor="]`)
	d.sees("oudere regel(s)")
	if older := d.evalText(`document.querySelector("main tbody tr td span").innerText`); older == newest {
		t.Fatal("the older page starts where the newest did")
	}

	d.open("/beheer/privacy/register")
	d.page("/beheer/privacy/register")
	d.sees("Processing activities")
	d.checkA11y("the register of processing")
	d.screenshot("console-privacy-7-register")
	d.open("/beheer/privacy/onderzoekscontacten")
	d.page("/beheer/privacy/onderzoekscontacten")
	d.checkA11y("the research contacts")
	d.fill("recipient", "Universiteit Maastricht")
	d.click(`main form button[type="submit"]`)
	d.sees("Niemand heeft op dit moment toestemming gegeven.")
}

// heerlen is the municipality's time zone, in which the console's date-time fields are filled in.
var heerlen = func() *time.Location {
	z, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err)
	}
	return z
}()

// evalText returns the string a JavaScript expression gives on the page.
func (d desk) evalText(js string) string {
	d.t.Helper()
	s, err := chromedp.Run(d.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		d.t.Fatalf("%s: %v", js, err)
	}
	return s
}

// setField sets the value of the field named name as a date picker would (typing into a date-time field
// depends on the browser's locale).
func (d desk) setField(name, value string) {
	d.t.Helper()
	d.do("set "+name, chromedp.SetValue(chromedp.CSS(`main [name="`+name+`"]`), value))
}
