package e2e_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
)

// TestResidentAppRecovery: a resident who lost the phone signs in on a new one, where the key screen offers to
// get the coins back next to restoring a backup; the app makes a new key there and asks for recovery, then
// shows its status through verification and approval with the time the coins move. The old phone, which
// still holds the old key, warns on every screen and cancels the recovery with that key; the new phone then
// shows it cancelled, and nothing moved.
func TestResidentAppRecovery(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	// A delay that outlasts the test: the coins never move here, the old key cancels in time.
	p.enableRecovery(30 * time.Minute)
	p.serve()
	r := p.residents(1)[0]
	p.fund(500, r.addr)
	old := p.newBrowserPhone(t)
	old.signIn(r, "de oude wachtzin van mij")

	// The new phone: signed in with the password, without the key.
	fresh := p.newOtherDevice(t)
	fresh.logIn(r.p.Username, password)
	fresh.screen("/klussen")
	fresh.click(`nav a[href="/sleutel"]`)
	fresh.screen("/sleutel")
	fresh.sees("De sleutel van je account staat niet op deze telefoon")
	fresh.sees("Munten terughalen via de gemeente")
	fresh.click(`main a[href="/herstel"]`)
	fresh.screen("/herstel")
	fresh.checkA11y("asking for recovery")
	fresh.fill("passphrase", "een nieuwe wachtzin voor hier")
	fresh.fill("passphrase2", "een nieuwe wachtzin voor hier")
	fresh.click(`main input[name="understood"]`)
	fresh.click(`main button[type="submit"]`)
	fresh.sees("Aangevraagd")
	fresh.sees("naar het loket van de gemeente")
	var ks struct{ Address string }
	if err := json.Unmarshal([]byte(fresh.storedKeystore()), &ks); err != nil || ks.Address == "" {
		t.Fatalf("the new phone keeps no new key: %v", err)
	}
	var id string
	if err := p.db.SQL().QueryRow(`SELECT id::text FROM key_recoveries WHERE account_id = $1 AND status = 'asked'
		AND from_address = $2 AND to_address = $3`, r.p.AccountID, lower(r.addr), "0x"+ks.Address).Scan(&id); err != nil {
		t.Fatalf("the asked recovery from the old address to the new phone's key: %v", err)
	}
	fresh.screenshot("12-herstel-aangevraagd")

	// Staff: one verifies at the counter, a second approves; the new phone follows.
	desk1 := p.staffLogin("loket-een", accounts.PrivAccountsApprove)
	desk2 := p.staffLogin("loket-twee", accounts.PrivAccountsApprove)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/recoveries/"+id+"/verify", desk1, nil)
	fresh.open("/herstel")
	fresh.sees("Identiteit gecontroleerd")
	fresh.sees("Een tweede medewerker")
	p.expect(http.StatusOK, "", "POST", "/v1/admin/recoveries/"+id+"/approve", desk2, nil)
	tok := p.login(r.p.Username)
	p.waitRecovery(tok, "the request on chain", func(m map[string]any) bool { return m["executable_at"] != nil })
	fresh.open("/herstel")
	fresh.sees("Munten verhuizen op")
	fresh.sees("Tot dan kan de oude sleutel het herstel nog annuleren")

	// The old phone warns on any screen, and cancels with the old key.
	old.open("/saldo")
	old.screen("/saldo")
	old.waitJS("the warning above the screen", `document.querySelector(".app-banner:not([aria-busy])")?.innerText.includes("er is gevraagd om de munten van de sleutel op deze telefoon")`)
	old.click(`.app-banner a[href="/herstel"]`)
	old.screen("/herstel")
	old.sees("Was jij het niet?")
	old.screenshot("13-herstel-annuleren")
	old.checkA11y("cancelling a recovery")
	old.fill("passphrase", "niet de wachtzin")
	old.click(`main button[type="submit"]`)
	old.sees("Deze wachtzin klopt niet")
	old.fill("passphrase", "de oude wachtzin van mij")
	old.click(`main button[type="submit"]`)
	old.sees("Het herstel is geannuleerd met de oude sleutel")
	p.waitRecovery(tok, "the cancellation", func(m map[string]any) bool { return m["status"] == "cancelled" })
	fresh.open("/herstel")
	fresh.sees("Het herstel is geannuleerd met de oude sleutel. Er is niets verplaatst.")
	fresh.sees("Herstel aanvragen")
	old.open("/saldo")
	old.screen("/saldo")
	old.waitJS("the warning checked", `document.querySelector(".app-banner:not([aria-busy])") !== null`)
	if warn := old.js(`document.querySelector(".app-banner").innerText`); warn != "" {
		t.Fatalf("the old phone still warns after the cancellation: %q", warn)
	}
	if got := p.chainBalance(r.addr); got != 500 {
		t.Fatalf("the old address holds %d cents after the cancelled recovery, want 500", got)
	}
}
