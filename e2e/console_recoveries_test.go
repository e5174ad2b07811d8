package e2e_test

import (
	"crypto/ecdsa"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/calendar"
)

// TestConsoleRecoveries: two members of staff handle recoveries of lost keys in the console. Two residents
// who lost their phone ask for recovery in the app; the list shows both. The first member of staff opens the
// one with coins (its page shows the resident, both addresses and the € 12,50 at the lost one; the look is
// audited with the resident as its subject, and a link to the personal data is there for who may read it) and
// verifies the identity; the page then says plainly that another member of staff must approve and offers no
// approve button, and a direct approval is refused (403) with the four-eyes rule in words, nothing changed. The
// second member of staff finds it under the filter "identity checked", approves it, and once the request is on
// chain the page says when the coins move. The second recovery is refused a rejection without a reason (said
// next to the field, nothing changed) and rejected with one, which the resident then reads. Both decisions of
// the first are in the audit log by two different members of staff. axe-core checks the pages in Dutch and
// English.
func TestConsoleRecoveries(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.enableRecovery(72 * time.Hour)
	p.serve()
	rs := p.residents(2)
	p.fund(1250, rs[0].addr)
	type asked struct {
		id, token string
		fresh     *ecdsa.PrivateKey
	}
	ask := func(r resident) asked {
		t.Helper()
		tok := p.login(r.p.Username)
		fresh, _ := crypto.GenerateKey()
		got := p.expect(http.StatusCreated, "", "POST", "/v1/me/recovery", tok, p.proveKey(tok, fresh))
		return asked{id: got["id"].(string), token: tok, fresh: fresh}
	}
	first, second := ask(rs[0]), ask(rs[1])
	status := func(id string) string {
		t.Helper()
		var s string
		if err := p.db.SQL().QueryRowContext(p.ctx, `SELECT status FROM key_recoveries WHERE id = $1`, id).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	oneID := p.newStaff("balie-een", true, accounts.PrivAccountsApprove, accounts.PrivAccountsReadPersonal)
	twoID := p.newStaff("balie-twee", true, accounts.PrivAccountsApprove)

	// The list: both open recoveries, oldest first, by username.
	d1 := p.newDesk(t)
	d1.signIn("balie-een")
	d1.click(`nav a[href="/beheer/herstel"]`)
	d1.page("/beheer/herstel")
	d1.sees("Openstaande verzoeken")
	if q := d1.text(); !strings.Contains(q, rs[1].p.Username) || strings.Index(q, rs[0].p.Username) > strings.Index(q, rs[1].p.Username) {
		t.Fatalf("the list does not show both recoveries oldest first:\n%s", q)
	}
	d1.checkA11y("the list of recoveries")
	d1.screenshot("console-recoveries-1-list")

	// One recovery: the resident, the addresses and the coins at the lost one; the identity verified.
	d1.click(`main a[href="/beheer/herstel/` + first.id + `"]`)
	d1.page("/beheer/herstel/" + first.id)
	d1.sees("Herstel voor " + rs[0].p.Username)
	d1.sees(lower(rs[0].addr))
	d1.sees(lower(crypto.PubkeyToAddress(first.fresh.PublicKey)))
	d1.sees("€ 12,50")
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'accounts.list' AND subject_id = $1 AND actor_id = $2
		AND detail = $3`, rs[0].p.AccountID, oneID, "recovery "+first.id); n == 0 {
		t.Fatal("the look at the recovery's resident is not in the audit log with the resident as its subject")
	}
	// Who may read personal data is offered the resident's, for the check at the counter.
	d1.waitTrue("a link to the resident's personal data", `!!document.querySelector('main a[href="/beheer/persoonsgegevens?gebruikersnaam=`+
		rs[0].p.Username+`"]')`)
	d1.checkA11y("a recovery to verify")
	d1.screenshot("console-recoveries-2-asked")
	d1.click(`main form[action$="/controleren"] button[type="submit"]`)
	d1.sees("De identiteit is gecontroleerd.")
	if s := status(first.id); s != "verified" {
		t.Fatalf("the verified recovery is %s", s)
	}

	// Four eyes: the verifier is told so, has no approve button, and a direct approval is refused in words.
	d1.sees("Vier ogen: jij hebt de identiteit gecontroleerd. Een andere medewerker moet het herstel goedkeuren.")
	d1.sees("balie-een op ")
	d1.waitTrue("no approve button", `!document.querySelector('main form[action$="/goedkeuren"]')`)
	d1.checkA11y("a recovery the staff member verified")
	d1.screenshot("console-recoveries-3-four-eyes")
	c1 := p.consoleClient("balie-een")
	res, err := c1.PostForm(p.base+"/beheer/herstel/"+first.id+"/goedkeuren", url.Values{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	body := string(b)
	if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "je kunt het herstel niet zelf goedkeuren") {
		t.Fatalf("the verifier's own approval: %d, want 403 with the four-eyes rule in words:\n%s", res.StatusCode, body)
	}
	if s := status(first.id); s != "verified" {
		t.Fatalf("the verifier's refused approval left the recovery %s", s)
	}

	// The second member of staff finds it under its status and approves it.
	d2 := p.newOtherDesk(t)
	d2.signIn("balie-twee")
	d2.open("/beheer/herstel?status=gecontroleerd")
	d2.sees("Identiteit gecontroleerd, wacht op goedkeuring")
	d2.sees("balie-een")
	if d2.shows(rs[1].p.Username) {
		t.Fatalf("the filter on checked identities shows the asked recovery:\n%s", d2.text())
	}
	d2.click(`main a[href="/beheer/herstel/` + first.id + `"]`)
	d2.page("/beheer/herstel/" + first.id)
	if d2.shows("Persoonsgegevens bekijken") {
		t.Fatal("a member of staff without accounts.read_personal is offered the resident's personal data")
	}
	d2.checkA11y("a recovery to approve")
	d2.click(`main form[action$="/goedkeuren"] button[type="submit"]`)
	d2.sees("Goedgekeurd. Het herstel gaat naar de blockchain.")
	if s := status(first.id); s != "approved" {
		t.Fatalf("the approved recovery is %s", s)
	}
	if n := p.count(`SELECT count(DISTINCT actor_id) FROM audit_log WHERE action IN ('recovery.verify', 'recovery.approve')
		AND detail LIKE '%' || $1 || '%' AND actor_id IN ($2, $3)`, first.id, oneID, twoID); n != 2 {
		t.Fatalf("%d members of staff in the audit log's verify and approve, want 2", n)
	}

	// Once the request is on chain, the page says when the coins move.
	mine := p.waitRecovery(first.token, "the request on chain", func(m map[string]any) bool { return m["executable_at"] != nil })
	at, err := time.Parse(time.RFC3339Nano, mine["executable_at"].(string))
	if err != nil {
		t.Fatal(err)
	}
	at = at.In(calendar.Zone())
	d2.open("/beheer/herstel/" + first.id)
	months := []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
		"oktober", "november", "december"}
	d2.sees(fmt.Sprintf("%d %s %d %s", at.Day(), months[at.Month()-1], at.Year(), at.Format("15:04")))
	if d2.shows("Zodra het verzoek op de blockchain staat") {
		t.Fatalf("the page still waits for the chain:\n%s", d2.text())
	}
	d2.sees("balie-twee op ")
	d2.checkA11y("an approved recovery")
	d2.screenshot("console-recoveries-4-approved")

	// The other recovery: a rejection needs a reason, and the resident reads it.
	d2.open("/beheer/herstel/" + second.id)
	d2.click(`main form[action$="/afwijzen"] button[type="submit"]`)
	d2.sees("Schrijf op waarom je het herstel afwijst. Er is niets veranderd.")
	d2.waitTrue("the reason field marked invalid", `document.getElementById("f-reason").getAttribute("aria-invalid") === "true"`)
	if s := status(second.id); s != "asked" {
		t.Fatalf("a rejection without a reason left the recovery %s", s)
	}
	d2.checkA11yOnce("a refused rejection of a recovery")
	const reason = "Kon zich aan de balie niet legitimeren."
	d2.fill("reason", reason)
	d2.click(`main form[action$="/afwijzen"] button[type="submit"]`)
	d2.page("/beheer/herstel")
	d2.sees("Het herstel is afgewezen. Er gaan geen munten over.")
	if d2.shows(rs[1].p.Username) {
		t.Fatalf("the rejected recovery is still in the list of open ones:\n%s", d2.text())
	}
	if got := p.expect(http.StatusOK, "", "GET", "/v1/me/recovery", second.token, nil); got["status"] != "rejected" || got["reject_reason"] != reason {
		t.Fatalf("the resident reads %v", got)
	}
}
