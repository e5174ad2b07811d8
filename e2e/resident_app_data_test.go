package e2e_test

import "testing"

// TestResidentAppMyData: the resident sees the account, corrects the contact details (a bad e-mail
// address refused), switches the research-contact consent on (it needs a contact first) and off, files a
// request under the AVG and sees it with its due date, and downloads the export.
func TestResidentAppMyData(t *testing.T) {
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
