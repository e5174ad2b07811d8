package e2e_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
)

// TestConsoleNotices: a member of staff reads their notices in the console. A sign-up has waited three days
// when the platform starts with NOTICE_QUEUE_AGE 48h: the notices worker tells the staff who approve
// sign-ups (not the reviewer, who does not work that queue). The navigation's link to Berichten carries the
// unread count on every page; the list pages back (20 a page) to the queue's notice, which links to the
// queue and is marked read there, then all at once, which the count follows. The settings refuse e-mail
// without an address on the account next to the field, nothing saved, and lead to "my account", where an
// address that is not one is refused and a good one saved; then the language and e-mail are saved. The
// pages call the notices service for the signed-in member only: another member sees none of it. axe-core
// checks the pages in Dutch and English.
func TestConsoleNotices(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.cfg.Notices.QueueAge = 48 * time.Hour
	staffID := p.newStaff("aanmeldbalie", true, accounts.PrivAccountsApprove)
	reviewerID := p.newStaff("bewijsbalie", true, accounts.PrivChoresReview)
	waiting := p.pendingAccount(accounts.Registration{Role: accounts.RoleResident, Username: "wacht-al-lang"})
	if _, err := p.db.SQL().ExecContext(p.ctx, `UPDATE accounts SET created_at = now() - interval '3 days' WHERE id = $1`, waiting); err != nil {
		t.Fatal(err)
	}
	p.serve()
	p.waitFor("the queue's notice delivered in the app", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM notices WHERE account_id = $1 AND kind = 'queue_waiting' AND app_at IS NOT NULL`, staffID) == 1
	})
	if n := p.count(`SELECT count(*) FROM notices WHERE account_id = $1`, reviewerID); n != 0 {
		t.Fatalf("the reviewer, who does not approve sign-ups, got %d notices", n)
	}
	// Twenty younger notices of the review queue, as the worker writes them, already in the app: more than
	// a page.
	for i := 1; i <= 20; i++ {
		if _, err := p.db.SQL().ExecContext(p.ctx, `INSERT INTO notices (account_id, kind, event_key, params, app_at, email_status)
			VALUES ($1, 'queue_waiting', $2, '{"queue": "review", "hours": "48"}', now(), 'skipped')`, staffID, fmt.Sprintf("queue:review:test-%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	unread := func() int {
		return p.count(`SELECT count(*) FROM notices WHERE account_id = $1 AND app_at IS NOT NULL AND read_at IS NULL`, staffID)
	}
	badge := func(d desk, want string) {
		t.Helper()
		d.waitTrue("the navigation's count "+want, `(() => { const a = document.querySelector('nav a[href="/beheer/berichten"]');
			return !!a && a.textContent.replace(/\s+/g, " ").includes(`+jsString(want)+`); })()`)
	}

	d := p.newDesk(t)
	d.signIn("aanmeldbalie")
	badge(d, "Berichten 21 21 ongelezen") // the figure for the eye (aria-hidden), the words for screen readers
	d.click(`nav a[href="/beheer/berichten"]`)
	d.page("/beheer/berichten")
	d.sees("Beoordelingen wacht te lang")
	if n := d.count(`main .notices-item--unread`); n != 20 {
		t.Fatalf("the first page shows %d unread notices, want 20:\n%s", n, d.text())
	}
	d.checkA11y("the notices")
	d.screenshot("console-notices-1-list")

	// The oldest, the sign-ups' queue, on the second page: it links to the queue and is marked read there.
	d.click(`main a[href^="/beheer/berichten?voor="]`)
	d.sees("Aanmeldingen wacht te lang")
	d.sees("In de wachtrij aanmeldingen wacht het oudste verzoek langer dan 48 uur.")
	d.waitTrue("the notice links to the sign-ups", `!!document.querySelector('main .notices-item a[href="/beheer/aanmeldingen"]')`)
	d.click(`main .notices-item form button[type="submit"]`)
	d.sees("Het bericht is gelezen.")
	if !strings.Contains(d.url(), "/beheer/berichten?voor=") {
		t.Fatalf("marking a notice of the second page read went to %s", d.url())
	}
	d.sees("gelezen op ")
	badge(d, "Berichten 20 20 ongelezen")
	if n := unread(); n != 20 {
		t.Fatalf("%d unread after marking one read, want 20", n)
	}
	if n := p.count(`SELECT count(*) FROM notices WHERE account_id = $1 AND kind = 'queue_waiting' AND params->>'queue' = 'onboarding'
		AND read_at IS NOT NULL`, staffID); n != 1 {
		t.Fatal("the queue's notice is not read")
	}

	// All at once: the count leaves the navigation.
	d.open("/beheer/berichten")
	d.click(`main form[action="/beheer/berichten/gelezen"]:not(:has(input[name="id"])) button[type="submit"]`)
	d.sees("Al je berichten zijn gelezen.")
	if n := unread(); n != 0 {
		t.Fatalf("%d unread after marking all read, want 0", n)
	}
	d.waitTrue("no count in the navigation", `!document.querySelector('nav a[href="/beheer/berichten"] .console-nav__badge')`)
	if d.count(`main .notices-item--unread`) != 0 || d.count(`main .notices-item form`) != 0 {
		t.Fatalf("read notices still offer to be marked read:\n%s", d.text())
	}

	// Another member of staff sees none of it.
	o := p.newOtherDesk(t)
	o.signIn("bewijsbalie")
	o.open("/beheer/berichten")
	o.sees("Je hebt nog geen berichten.")
	if o.shows("wacht te lang") || o.count(`nav a[href="/beheer/berichten"] .console-nav__badge`) != 0 {
		t.Fatalf("another member of staff sees the notices:\n%s", o.text())
	}

	// The settings: e-mail without an address is refused next to the field; English is saved.
	d.click(`main a[href="/beheer/berichten/instellingen"]`)
	d.page("/beheer/berichten/instellingen")
	d.sees("Je account heeft geen e-mailadres.")
	d.click(`main input[name="language"][value="en"]`)
	d.click(`main input[name="email"]`)
	d.click(`main form button[type="submit"]`)
	d.sees("dus berichten per e-mail kunnen niet")
	d.waitTrue("the refusal next to the field", `document.querySelector('main #f-email').getAttribute("aria-invalid") === "true"`)
	tok := p.login("aanmeldbalie")
	if st := p.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", tok, nil); st["email"] != false || st["language"] != "nl" {
		t.Fatalf("a refused change was saved: %v", st)
	}
	d.checkA11y("the notice settings refused")

	// The way to an address: "my account", where an address that is not one is refused next to the field.
	d.click(`main a[href="/beheer/account"]`)
	d.page("/beheer/account")
	d.fill("email", "aanmeldbalie at heerlen")
	d.click(`main form[action="/beheer/account/e-mail"] button`)
	d.sees("Vul een e-mailadres in zoals naam@heerlen.nl")
	d.waitTrue("the refusal next to the field", `document.querySelector('main #f-email').getAttribute("aria-invalid") === "true"`)
	if me := p.expect(http.StatusOK, "", "GET", "/v1/me", tok, nil); me["email"] != nil {
		t.Fatalf("a refused address was saved: %v", me["email"])
	}
	d.checkA11y("my account with a refused e-mail address")
	d.fill("email", "aanmeldbalie@heerlen.example")
	d.click(`main form[action="/beheer/account/e-mail"] button`)
	d.sees("Je e-mailadres is opgeslagen.")
	if me := p.expect(http.StatusOK, "", "GET", "/v1/me", tok, nil); me["email"] != "aanmeldbalie@heerlen.example" {
		t.Fatalf("the address saved on my account is %v", me["email"])
	}
	d.open("/beheer/berichten/instellingen")
	d.page("/beheer/berichten/instellingen")
	if d.shows("Je account heeft geen e-mailadres") {
		t.Fatalf("the settings still say there is no address:\n%s", d.text())
	}
	d.click(`main input[name="language"][value="en"]`)
	d.click(`main input[name="email"]`)
	d.click(`main form button[type="submit"]`)
	d.sees("Opgeslagen.")
	if st := p.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", tok, nil); st["email"] != true || st["language"] != "en" {
		t.Fatalf("the saved settings are %v, want English with e-mail", st)
	}
	d.checkA11y("the notice settings")
	d.screenshot("console-notices-2-settings")
	// The notices now read in English.
	d.click(`main a[href="/beheer/berichten"]`)
	d.sees("Reviews is waiting too long")
}
