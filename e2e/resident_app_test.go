package e2e_test

import (
	"net/http"
	"testing"
)

// TestResidentAppSignUpAndLogIn walks a resident through the app in a real browser: the welcome, signing up
// with the privacy notice, waiting for approval (login refused meanwhile), approval by staff through the
// API, and logging in; axe-core checks every screen in Dutch and English.
func TestResidentAppSignUpAndLogIn(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	b := p.newBrowserPhone(t)

	b.open("/")
	b.screen("/welkom")
	b.screenshot("01-welkom")
	b.checkA11y("welcome")
	b.click(`main a[href="/registreren"]`)
	b.screen("/registreren")
	b.screenshot("02-aanmelden")
	b.checkA11y("sign-up")
	b.fill("username", "Ab")
	b.fill("password", "kort")
	b.click(`main button[type="submit"]`)
	b.sees("Kies 3 tot 32 tekens")
	b.sees("Kies een wachtwoord van minstens 10 tekens")
	b.sees("Lees de privacyverklaring")
	if n := p.count(`SELECT count(*) FROM accounts WHERE role = 'resident' AND status <> 'erased'`); n != 0 {
		t.Fatalf("a refused sign-up made %d accounts", n)
	}
	b.fill("username", "groene-vingers")
	b.fill("password", "een lang genoeg wachtwoord")
	b.click(`main input[name="notice"]`)
	b.click(`main button[type="submit"]`)
	b.screen("/wachten")
	b.sees("Je aanmelding is ontvangen")
	b.checkA11y("waiting")

	b.open("/inloggen")
	b.screen("/inloggen")
	b.checkA11y("log-in")
	b.logIn("groene-vingers", "een lang genoeg wachtwoord")
	b.screen("/wachten")

	var id string
	if err := p.db.SQL().QueryRow(`SELECT id::text FROM accounts WHERE username = 'groene-vingers' AND notice_version IS NOT NULL`).Scan(&id); err != nil {
		t.Fatalf("the account with its notice version: %v", err)
	}
	p.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+id+"/approve", p.login("beheerder"), nil)

	b.logIn("groene-vingers", "een lang genoeg wachtwoord")
	b.screen("/sleutel")
}
