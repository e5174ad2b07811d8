package e2e_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestConsoleSignIn: a new staff member signs in with the password, sets up a second factor (nothing else
// opens before: a wrong code is refused, the right one shows the recovery codes once), is shown the
// confidentiality statement and can do nothing before acknowledging it (a refused form says why);
// afterwards the start page lists only the sections of their privileges. From then on signing in needs the
// code: without it the page asks for it, and a recovery code works once. Wrong passwords, residents and
// disabled staff are refused with a message; signing out ends the session. axe-core checks each page in
// Dutch and English.
func TestConsoleSignIn(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	id := p.newStaff("nieuwe-collega", false, accounts.PrivChoresReview)
	d := p.newDesk(t)

	d.open("/beheer")
	d.page("/beheer/inloggen")
	d.checkA11y("the console's sign-in")
	d.fill("username", "nieuwe-collega")
	d.fill("password", "niet-het-wachtwoord")
	d.click(`main form button[type="submit"]`)
	d.sees("De gebruikersnaam of het wachtwoord klopt niet")

	d.signIn("nieuwe-collega")
	d.page("/beheer/tweede-factor")
	d.checkA11y("the second factor's enrolment")
	d.screenshot("console-signin-1-second-factor")
	d.open("/beheer/geheimhouding")
	d.page("/beheer/tweede-factor") // nothing before the second factor
	d.fill("code", "000000")
	d.click(`main form button[type="submit"]`)
	d.sees("Deze code klopt niet")
	if n := p.count(`SELECT count(*) FROM staff_second_factors WHERE account_id = $1 AND confirmed_at IS NOT NULL`, id); n != 0 {
		t.Fatal("a wrong code confirmed the second factor")
	}
	codes := d.enrolHere("nieuwe-collega")
	if len(codes) != accounts.RecoveryCodeCount {
		t.Fatalf("the page shows %d recovery codes: %v", len(codes), codes)
	}
	testenv.Axe(t, d.ctx, "the recovery codes") // shown once: no language switch (TestConsoleAccount checks English)
	d.screenshot("console-signin-2-recovery-codes")
	d.click(`main a[href="/beheer"]`)
	d.page("/beheer/geheimhouding")
	d.checkA11y("the confidentiality statement")
	d.open("/beheer")
	d.page("/beheer/geheimhouding") // nothing before the acknowledgement
	d.click(`main form button[type="submit"]`)
	d.sees("Vink aan dat je de verklaring hebt gelezen")
	if n := p.count(`SELECT count(*) FROM accounts WHERE id = $1 AND confidentiality_ack_at IS NOT NULL`, id); n != 0 {
		t.Fatal("an unticked form acknowledged the statement")
	}
	d.click(`main input[name="gelezen"]`)
	d.click(`main form button[type="submit"]`)
	d.page("/beheer")
	d.sees("Bedankt. Je kunt nu aan het werk.")
	if n := p.count(`SELECT count(*) FROM accounts WHERE id = $1 AND confidentiality_ack_at IS NOT NULL`, id); n != 1 {
		t.Fatal("the acknowledgement was not recorded")
	}
	d.checkA11y("the console's start")

	// Signing out ends the session: the start page asks to sign in again.
	d.click(`header form[action="/beheer/uitloggen"] button`)
	d.page("/beheer/inloggen")
	d.sees("Je bent uitgelogd.")
	d.open("/beheer")
	d.page("/beheer/inloggen")

	// Signing in again needs the code of the second factor; a recovery code works once.
	d.fill("username", "nieuwe-collega")
	d.fill("password", password)
	d.click(`main form button[type="submit"]`)
	d.sees("Je account heeft een tweede factor")
	d.fill("password", password)
	d.fill("code", codes[0])
	d.click(`main form button[type="submit"]`)
	d.page("/beheer")
	d.click(`header form[action="/beheer/uitloggen"] button`)
	d.page("/beheer/inloggen")
	d.fill("username", "nieuwe-collega")
	d.fill("password", password)
	d.fill("code", codes[0])
	d.click(`main form button[type="submit"]`)
	d.sees("Deze code klopt niet of is al gebruikt")
	d.signIn("nieuwe-collega")
	d.page("/beheer")
	d.click(`header form[action="/beheer/uitloggen"] button`)
	d.page("/beheer/inloggen")

	// A resident's right password gets no console.
	r := p.residents(1)[0]
	d.fill("username", r.p.Username)
	d.fill("password", password)
	d.click(`main form button[type="submit"]`)
	d.sees("De gebruikersnaam of het wachtwoord klopt niet")

	// A disabled staff member is refused.
	if _, err := p.acc.DisableStaff(p.ctx, p.admin, id, "uit dienst"); err != nil {
		t.Fatal(err)
	}
	d.fill("username", "nieuwe-collega")
	d.fill("password", password)
	d.click(`main form button[type="submit"]`)
	d.sees("Je account is uitgezet")
}

// TestConsoleRefusesCrossSiteForms: a form posted to the console from another site changes nothing, and
// every page carries the Content-Security-Policy without inline scripts.
func TestConsoleRefusesCrossSiteForms(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	p.newStaff("beheerder-twee", true, accounts.PrivStaffManage)
	c := p.consoleClient("beheerder-twee")
	for _, path := range []string{"/beheer", "/beheer/inloggen", "/beheer/geheimhouding"} {
		res, err := c.Get(p.base + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Fatalf("%s: Content-Security-Policy %q", path, csp)
		}
	}
	// The browser says where the form came from (Sec-Fetch-Site, Origin): another site is refused.
	req, _ := http.NewRequest("POST", p.base+"/beheer/uitloggen", strings.NewReader(url.Values{}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://kwaadwillend.example")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("a cross-site form: %d, want 403", res.StatusCode)
	}
	if code, _ := p.consoleGet(c, "/beheer"); code != http.StatusOK {
		t.Fatalf("the session after a refused cross-site sign-out: %d", code)
	}
}
