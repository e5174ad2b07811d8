package e2e_test

import (
	"net/http"
	"testing"
)

// TestResidentAppMyData: the resident sees the account, corrects the contact details (a bad e-mail
// address refused), changes the password (a wrong current one refused; afterwards the old one no longer
// signs in and the resident's other session has ended, this one stays), switches the research-contact
// consent on (it needs a contact first) and off, files a request under the AVG and sees it with its due
// date, and downloads the export.
func TestResidentAppMyData(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	r := p.residents(1)[0]
	b := p.newBrowserPhone(t)
	b.signIn(r, refusalPassphrase)

	b.open("/gegevens")
	b.screen("/gegevens")
	b.sees(r.p.Username)
	b.checkA11y("my data")
	b.click(`main section[aria-labelledby="data-consent"] button`)
	b.sees("Vul eerst een e-mailadres of telefoonnummer in")
	if n := p.count(`SELECT count(*) FROM consents WHERE account_id = $1`, r.p.AccountID); n != 0 {
		t.Fatal("a consent without a contact was recorded")
	}
	b.fill("email", "geen-adres")
	b.click(`main section[aria-labelledby="data-contact"] button[type="submit"]`)
	b.sees("Vul een geldig e-mailadres in")
	b.fill("email", "kabouter@example.nl")
	b.click(`main section[aria-labelledby="data-contact"] button[type="submit"]`)
	b.sees("Opgeslagen")

	other := p.login(r.p.Username)
	const next = "een nieuw wachtwoord voor de app"
	changePassword := func(current string) {
		b.fill("current_password", current)
		b.fill("new_password", next)
		b.fill("new_password_again", next)
		b.click(`main section[aria-labelledby="password-title"] button[type="submit"]`)
	}
	changePassword("niet mijn wachtwoord")
	b.sees("Dit is niet je huidige wachtwoord.")
	p.expect(http.StatusOK, "", "GET", "/v1/me", other, nil)
	changePassword(password)
	b.sees("Je wachtwoord is gewijzigd.")
	p.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", other, nil)
	p.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "",
		map[string]any{"username": r.p.Username, "password": password})
	p.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", map[string]any{"username": r.p.Username, "password": next})

	b.click(`main section[aria-labelledby="data-consent"] button`)
	b.sees("Je hebt toestemming gegeven")
	b.click(`main section[aria-labelledby="data-consent"] button`)
	b.sees("Je hebt geen toestemming gegeven")
	if n := p.count(`SELECT count(*) FROM consents WHERE account_id = $1 AND withdrawn_at IS NOT NULL`, r.p.AccountID); n != 1 {
		t.Fatalf("%d withdrawn consents, want 1", n)
	}
	b.click(`main section[aria-labelledby="data-requests"] button[type="submit"]`)
	b.sees("In behandeling, antwoord uiterlijk")
	if n := p.count(`SELECT count(*) FROM privacy_requests WHERE account_id = $1 AND kind = 'access'`, r.p.AccountID); n != 1 {
		t.Fatalf("%d access requests, want 1", n)
	}
	b.screenshot("09-mijn-gegevens")
	b.click(`main section[aria-labelledby="data-export"] .app-actions button:last-child`)
	b.sees("Je download is klaar")
	b.checkA11y("my data after changes")
}
