package e2e_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
)

// TestConsoleReview: a reviewer works through the queue of chore proof in the console. The queue lists
// the three submitted claims oldest first; the reviewer opens the oldest, sees its photo (it loads: its
// natural width is above 0), skips to the next with the n key, puts the cursor in the reason field with
// r (where typing a does not approve), is refused a rejection without a reason (said next to the field,
// nothing changed), rejects with one, and lands on the claim on a chore they created themselves: it says
// so (four eyes) and offers no approve button, and a direct post is refused. Back on the first claim, a
// approves it; the photo reads are in the audit log. axe-core checks every page in Dutch and English.
func TestConsoleReview(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	reviewerID := p.newStaff("beoordelaar", true, accounts.PrivChoresReview, accounts.PrivChoresManage)
	reviewer := accounts.Actor{Principal: accounts.Principal{AccountID: reviewerID, Username: "beoordelaar",
		Role: accounts.RoleStaff, Privileges: []accounts.Privilege{accounts.PrivChoresReview, accounts.PrivChoresManage}},
		RequestID: "e2e-setup"}
	rs := p.residents(3)
	ch := p.chore(500, 5)
	first := p.submittedClaims(rs[0:1], ch)[0]
	second := p.submittedClaims(rs[1:2], ch)[0]
	mine, err := p.chores.CreateChore(p.ctx, reviewer, chores.ChoreInput{Title: "Bladeren vegen bij de Pancratiuskerk",
		Location: chores.Location{Lat: 50.8882, Lng: 5.9797, Area: "Centrum"}, RewardCents: 300, Capacity: 2,
		ClosesAt: time.Now().Add(7 * 24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	own := p.submittedClaims(rs[2:3], mine)[0]
	status := func(id string) string {
		t.Helper()
		var s string
		if err := p.db.SQL().QueryRowContext(p.ctx, `SELECT status FROM claims WHERE id = $1`, id).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}

	d := p.newDesk(t)
	d.signIn("beoordelaar")
	d.open("/beheer/bewijs")
	d.page("/beheer/bewijs")
	d.sees("3 claims wachten op beoordeling")
	if q := d.text(); strings.Index(q, ch.Title) > strings.Index(q, mine.Title) {
		t.Fatalf("the queue is not oldest first:\n%s", q)
	}
	d.checkA11y("the review queue")
	d.screenshot("console-review-1-queue")

	// The oldest claim, its photo large.
	d.click(`main a[href="/beheer/bewijs/` + first + `"]`)
	d.page("/beheer/bewijs/" + first)
	d.photoLoads()
	d.sees(ch.Title)
	d.sees("Aarveld")
	d.sees("€ 5,00")
	d.checkA11y("a claim to review")
	d.screenshot("console-review-2-claim")

	// n skips to the next claim in the queue.
	d.press("n")
	d.page("/beheer/bewijs/" + second)
	d.photoLoads()

	// r puts the cursor in the reason field, and typing there fires no shortcut.
	d.press("r")
	d.waitTrue("the cursor in the reason field", `document.activeElement?.id === "f-reason"`)
	d.press("a")
	d.waitTrue("a typed into the reason", `document.activeElement?.value === "a"`)
	if s := status(second); s != "submitted" {
		t.Fatalf("typing a in the reason field changed the claim: %s", s)
	}

	// A rejection without a reason is refused next to the field, and changes nothing.
	d.do("clear the reason", chromedp.Evaluate[chromedp.Void](`document.getElementById("f-reason").value = ""`))
	d.click(`main form[action$="/afwijzen"] button[type="submit"]`)
	d.sees("Schrijf waarom je de claim afwijst")
	d.waitTrue("the reason field marked invalid", `document.getElementById("f-reason").getAttribute("aria-invalid") === "true" &&
		document.getElementById("f-reason").getAttribute("aria-describedby").includes("f-reason-error")`)
	if s := status(second); s != "submitted" {
		t.Fatalf("a rejection without a reason changed the claim: %s", s)
	}
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'claim.reject'`); n != 0 {
		t.Fatalf("a rejection without a reason was audited %d times", n)
	}
	// (Once, in Dutch: switching the language goes back to the address the form was posted to.)
	d.checkA11yOnce("a refused rejection")

	// With a reason it is rejected, and the next claim shows: the one on the reviewer's own chore.
	d.fill("reason", "Op de foto is de klus niet te zien.")
	d.click(`main form[action$="/afwijzen"] button[type="submit"]`)
	d.page("/beheer/bewijs/" + own)
	d.sees("Afgewezen.")
	if s := status(second); s != "rejected" {
		t.Fatalf("the rejected claim is %s", s)
	}
	if n := p.count(`SELECT count(*) FROM claims WHERE id = $1 AND reject_reason = 'Op de foto is de klus niet te zien.'`, second); n != 1 {
		t.Fatal("the reason was not kept with the claim")
	}

	// Four eyes: the reviewer created this chore, is told so and cannot approve.
	d.photoLoads()
	d.sees("Vier ogen:")
	d.sees("Je hebt deze klus aangemaakt of de beloning, het budget of het aantal plekken gewijzigd")
	d.waitTrue("no approve button", `!document.querySelector('main form[action$="/goedkeuren"]') && !document.querySelector('[data-key="a"]')`)
	d.press("a")
	c := p.consoleClient("beoordelaar")
	res, err := c.PostForm(p.base+"/beheer/bewijs/"+own+"/goedkeuren", url.Values{})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("approving a claim on one's own chore: %d, want 403", res.StatusCode)
	}
	if s := status(own); s != "submitted" {
		t.Fatalf("the claim on the reviewer's own chore is %s", s)
	}
	d.checkA11y("a claim on the reviewer's own chore")
	d.screenshot("console-review-3-own-chore")

	// n wraps around to the first claim; a approves it and the queue goes on with what is left.
	d.press("n")
	d.page("/beheer/bewijs/" + first)
	d.photoLoads()
	d.press("a")
	d.page("/beheer/bewijs/" + own)
	d.sees("Goedgekeurd.")
	if s := status(first); s != "approved" {
		t.Fatalf("the approved claim is %s", s)
	}
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'claim.photo_read' AND actor_id = $1`, reviewerID); n < 3 {
		t.Fatalf("%d photo reads audited, want at least 3", n)
	}

	// The photo route serves the stored bytes as the API does, and only to reviewers.
	code, body := p.consoleGet(c, "/beheer/bewijs/"+first+"/foto/1")
	if code != http.StatusOK || !strings.HasPrefix(body, "\xff\xd8") {
		t.Fatalf("the photo: %d, %d bytes", code, len(body))
	}
	p.newStaff("klusbeheerder", true, accounts.PrivChoresManage)
	if code, _ := p.consoleGet(p.consoleClient("klusbeheerder"), "/beheer/bewijs/"+first+"/foto/1"); code != http.StatusForbidden {
		t.Fatalf("the photo for staff without chores.review: %d, want 403", code)
	}
}

// photoLoads waits until every proof photo on the page has loaded with a picture in it.
func (d desk) photoLoads() {
	d.t.Helper()
	d.waitTrue("the proof photos load", `(() => { const imgs = [...document.querySelectorAll("main img.review__img")];
		return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0); })()`)
}

// press types one key on the page (outside any field unless one has the cursor).
func (d desk) press(key string) {
	d.t.Helper()
	d.waitTrue("the page's shortcuts to be on", `document.documentElement.dataset.shortcuts === "on"`)
	d.do("press "+key, chromedp.KeyEvent(key))
}

// waitTrue waits until the JavaScript expression js is true.
func (d desk) waitTrue(what, js string) {
	d.t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		ok, err := chromedp.Run(d.ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			focus, _ := chromedp.Run(d.ctx, chromedp.Evaluate[string](`document.activeElement?.outerHTML + " value=" + document.activeElement?.value`))
			d.t.Fatalf("%s: never (%v) on %s; the cursor is in %s; the page shows:\n%s", what, err, d.url(), focus, d.text())
		}
		time.Sleep(50 * time.Millisecond)
	}
}
