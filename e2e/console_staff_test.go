package e2e_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestConsoleStaff: the administrator reviews who holds which privileges and is warned while they are the
// only administrator; creates a staff member (bad input refused next to its field, nothing created),
// gives them privileges with a reason (none: refused), disables and enables them with a reason; and the
// console refuses, changing nothing, to take staff.manage from the last administrator or to let anyone
// disable themselves. axe-core checks each page.
func TestConsoleStaff(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	d := p.newDesk(t)
	d.signIn("beheerder")
	d.open("/beheer/medewerkers")
	d.page("/beheer/medewerkers")
	d.sees("Let op: er is maar één beheerder.")
	d.sees("Toegangsoverzicht")
	if d.shows("Niet binnen de bewaartermijn") {
		t.Fatalf("the administrator just signed in, but the list has no last sign-in:\n%s", d.text())
	}
	d.checkA11y("the staff list")
	d.screenshot("console-staff-1-list")

	// A new staff member: bad input first.
	d.click(`main a[href="/beheer/medewerkers/nieuw"]`)
	d.page("/beheer/medewerkers/nieuw")
	d.checkA11y("the new staff member form")
	d.fill("username", "jan@gemeente.nl")
	d.fill("password", "kort")
	d.click(`main input[name="privileges"][value="chores.review"]`)
	d.click(`main form button[type="submit"]`)
	d.sees("Kies 3 tot 32 tekens")
	d.do("both fields are marked", chromedp.WaitVisible(chromedp.CSS(`main input[name="username"][aria-invalid="true"]`)))
	if n := p.count(`SELECT count(*) FROM accounts WHERE role = 'staff'`); n != 1 {
		t.Fatalf("a refused form created staff (%d staff)", n)
	}
	d.do("the ticked box stays ticked", chromedp.WaitVisible(chromedp.CSS(`main input[value="chores.review"]:checked`)))
	d.checkA11yOnce("the new staff member form, refused")
	d.fill("username", "nieuwe-beoordelaar")
	d.fill("password", "een-lang-eerste-wachtwoord")
	d.click(`main form button[type="submit"]`)
	d.sees("De medewerker is aangemaakt.")
	id := p.staffID("nieuwe-beoordelaar")
	d.page("/beheer/medewerkers/" + id)
	if n := p.count(`SELECT count(*) FROM accounts WHERE id = $1 AND privileges = '["chores.review"]'::jsonb AND status = 'approved'`, id); n != 1 {
		t.Fatal("the new staff member does not hold exactly chores.review")
	}
	d.checkA11y("a staff member's page")
	d.screenshot("console-staff-2-member")

	// Privileges: without a reason nothing changes; with one, staff.manage makes a second administrator.
	d.click(`main input[name="privileges"][value="staff.manage"]`)
	d.click(`main form[action$="/bevoegdheden"] button[type="submit"]`)
	d.sees("Schrijf de reden op. Er is niets veranderd.")
	if n := p.count(`SELECT count(*) FROM accounts WHERE id = $1 AND privileges ? 'staff.manage'`, id); n != 0 {
		t.Fatal("privileges changed without a reason")
	}
	d.do("the ticked box stays ticked", chromedp.WaitVisible(chromedp.CSS(`main input[value="staff.manage"]:checked`)))
	d.fill("privileges_reason", "Tweede beheerder voor de vakantieperiode")
	d.click(`main form[action$="/bevoegdheden"] button[type="submit"]`)
	d.sees("De bevoegdheden zijn opgeslagen.")
	if n := p.count(`SELECT count(*) FROM accounts WHERE id = $1 AND privileges = '["chores.review","staff.manage"]'::jsonb`, id); n != 1 {
		t.Fatal("the privileges were not saved")
	}
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'staff.privileges' AND subject_id = $1 AND reason = $2`,
		id, "Tweede beheerder voor de vakantieperiode"); n != 1 {
		t.Fatal("the privilege change is not audited with its reason")
	}
	if d.shows("er is maar één beheerder") {
		t.Fatal("the warning stays with two administrators")
	}

	// Disable (reason required) and enable.
	d.click(`main form[action$="/uitzetten"] button[type="submit"]`)
	d.sees("Schrijf de reden op. Er is niets veranderd.")
	p.accountStatus(id, "approved")
	d.fill("status_reason", "Wachtwoord per ongeluk gedeeld")
	d.click(`main form[action$="/uitzetten"] button[type="submit"]`)
	d.sees("De toegang is uitgezet.")
	p.accountStatus(id, "disabled")
	d.sees("Let op: er is maar één beheerder.") // a disabled administrator does not count
	d.screenshot("console-staff-3-disabled")
	d.fill("status_reason", "Nieuw wachtwoord uitgereikt")
	d.click(`main form[action$="/aanzetten"] button[type="submit"]`)
	d.sees("De toegang is weer aangezet.")
	p.accountStatus(id, "approved")
	if n := p.count(`SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action IN ('staff.disable', 'staff.enable')`, id); n != 2 {
		t.Fatalf("disabling and enabling wrote %d audit entries, want 2", n)
	}

	// Back to one administrator, then the refusals.
	d.click(`main input[name="privileges"][value="staff.manage"]`)
	d.fill("privileges_reason", "Vakantie voorbij")
	d.click(`main form[action$="/bevoegdheden"] button[type="submit"]`)
	d.sees("De bevoegdheden zijn opgeslagen.")
	admin := p.admin.AccountID
	d.open("/beheer/medewerkers/" + admin)
	d.page("/beheer/medewerkers/" + admin)
	d.sees("Let op: er is maar één beheerder.")
	d.click(`main input[name="privileges"][value="staff.manage"]`)
	d.fill("privileges_reason", "Ik stop als beheerder")
	d.click(`main form[action$="/bevoegdheden"] button[type="submit"]`)
	d.sees("Dat kan niet: dit is de laatste beheerder.")
	if n := p.count(`SELECT count(*) FROM accounts WHERE id = $1 AND privileges ? 'staff.manage'`, admin); n != 1 {
		t.Fatal("the last administrator lost staff.manage")
	}
	d.checkA11yOnce("the last administrator refused")
	d.screenshot("console-staff-4-last-admin")
	d.open("/beheer/medewerkers/" + admin)
	d.page("/beheer/medewerkers/" + admin)
	d.fill("status_reason", "Ik ga weg")
	d.click(`main form[action$="/uitzetten"] button[type="submit"]`)
	d.sees("Je kunt je eigen account niet uitzetten.")
	p.accountStatus(admin, "approved")
	if n := p.count(`SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action IN ('staff.disable', 'staff.privileges')`, admin); n != 0 {
		t.Fatalf("a refused change was audited (%d)", n)
	}
}

// staffID is the id of the staff member with username.
func (p *platform) staffID(username string) string {
	p.tb.Helper()
	var id string
	if err := p.db.SQL().QueryRowContext(p.ctx, `SELECT id::text FROM accounts WHERE username = $1 AND role = 'staff'`,
		username).Scan(&id); err != nil {
		p.tb.Fatal(err)
	}
	return id
}
