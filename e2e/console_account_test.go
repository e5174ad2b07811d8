package e2e_test

import (
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestConsoleAccount: a staff member sets up the second factor in English, saves an e-mail address and
// changes the password on "my account" (a wrong current password, or a repetition that differs, changes
// nothing, and the address stays in its field; afterwards the old password no longer signs in and the
// member's other session has ended), and an administrator resets the member's second factor on the staff
// page with a reason (audited): the member's session ends and the next sign-in asks for a new enrolment.
// axe-core checks each new page in Dutch and English.
func TestConsoleAccount(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	id := p.newStaff("wisselaar", false, accounts.PrivChoresReview)
	p.acknowledge(id)
	d := p.newDesk(t)

	// The enrolment in English, up to the recovery codes, which are shown once.
	d.open("/beheer/inloggen")
	d.click(`header form[action="/beheer/taal"] button`)
	d.do("wait for English", chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] main h1`)))
	d.signIn("wisselaar")
	d.sees("Set up a second factor")
	d.enrolHere("wisselaar")
	d.sees("Your recovery codes")
	testenv.Axe(t, d.ctx, "the recovery codes (English)")
	d.click(`header form[action="/beheer/taal"] button`)
	d.do("wait for Dutch", chromedp.WaitVisible(chromedp.CSS(`html[lang="nl"] main h1`)))

	d.open("/beheer/account")
	d.page("/beheer/account")
	d.sees("Ingesteld op")
	d.checkA11y("my account")
	d.screenshot("console-account-1-my-account")
	other := p.consoleClient("wisselaar")
	if code, _ := p.consoleGet(other, "/beheer/account"); code != http.StatusOK {
		t.Fatalf("the second session: %d", code)
	}

	const next = "een nieuwe zin als wachtwoord"
	change := func(current, repeated string) {
		d.fill("current_password", current)
		d.fill("new_password", next)
		d.fill("new_password_again", repeated)
		d.click(`main form[action="/beheer/account/wachtwoord"] button`)
	}
	// An e-mail address saved here stays in its field when a password change is refused.
	d.fill("email", "wisselaar@heerlen.example")
	d.click(`main form[action="/beheer/account/e-mail"] button`)
	d.sees("Je e-mailadres is opgeslagen.")
	change("niet mijn wachtwoord", next)
	d.sees("Dit is niet je huidige wachtwoord.")
	d.waitTrue("the saved address in its field", `document.querySelector('main #f-email').value === "wisselaar@heerlen.example"`)
	d.checkA11y("my account with a refused change")
	change(password, next+"!")
	d.sees("Dit is niet hetzelfde als het nieuwe wachtwoord hierboven.")
	if code, _ := p.consoleGet(other, "/beheer/account"); code != http.StatusOK {
		t.Fatalf("a refused change ended the other session: %d", code)
	}
	change(password, next)
	d.sees("Je wachtwoord is gewijzigd.")
	d.page("/beheer/account")
	if code, _ := p.consoleGet(other, "/beheer/account"); code != http.StatusSeeOther {
		t.Fatalf("the other session after the change: %d, want 303 to the sign-in", code)
	}
	p.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "",
		map[string]any{"username": "wisselaar", "password": password})
	p.expect(http.StatusOK, "", "POST", "/v1/auth/login", "",
		map[string]any{"username": "wisselaar", "password": next, "second_factor": p.code("wisselaar")})
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'account.password_change' AND subject_id = $1`, id); n != 1 {
		t.Fatalf("%d audit entries of the change, want 1", n)
	}

	// An administrator resets the second factor: a reason is required, the reset is audited and the
	// member's session ends.
	a := p.newOtherDesk(t)
	a.signIn("beheerder")
	a.open("/beheer/medewerkers/" + id)
	a.sees("Ingesteld op")
	reset := `main form[action$="/tweede-factor"] button`
	a.click(reset)
	a.sees("Schrijf de reden op")
	if n := p.count(`SELECT count(*) FROM staff_second_factors WHERE account_id = $1`, id); n != 1 {
		t.Fatal("a reset without a reason removed the second factor")
	}
	a.checkA11y("a staff member with a refused reset")
	a.fill("factor_reason", "telefoon verloren")
	a.click(reset)
	a.sees("De tweede factor is verwijderd")
	a.sees("Nog niet ingesteld")
	p.forget("wisselaar")
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'staff.second_factor_reset' AND subject_id = $1
		AND reason = 'telefoon verloren'`, id); n != 1 {
		t.Fatalf("%d audit entries of the reset, want 1", n)
	}
	d.open("/beheer/account")
	d.page("/beheer/inloggen")
	d.fill("username", "wisselaar")
	d.fill("password", next)
	d.click(`main form button[type="submit"]`)
	d.page("/beheer/tweede-factor")
}
