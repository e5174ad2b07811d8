package e2e_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
)

// TestConsoleBankDetails: a shop's new IBAN waits in the console beside the approved one; a refusal
// without a reason is refused next to its field and changes nothing; a change a member of staff entered on
// the shop's behalf shows that member the four-eyes notice and no approve button, and their approval by a
// direct POST is refused (403) and changes nothing; another member approves it, which makes it the shop's
// next details version, audited.
func TestConsoleBankDetails(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	s := p.newShop("fietsenmaker", true)
	p.newStaff("controleur", true, accounts.PrivAccountsApprove)
	clerkID := p.newStaff("baliemedewerker", true, accounts.PrivAccountsApprove)
	clerk := p.login("baliemedewerker")

	if code, out := p.call("PATCH", "/v1/me", s.token, map[string]any{"shop": map[string]any{"iban": "NL39RABO0300065264"}}); code != http.StatusOK {
		t.Fatalf("the shop's change: %d %v", code, out)
	}
	d := p.newDesk(t)
	d.signIn("controleur")
	d.open("/beheer/bankgegevens")
	d.page("/beheer/bankgegevens")
	d.sees("NL91ABNA0417164300") // approved
	d.sees("NL39RABO0300065264") // asked for
	d.sees("Ingevoerd door de winkel")
	d.screenshot("console-bank-1-waiting")
	d.checkA11y("bank details waiting")
	d.click(`main form[action$="/weigeren"] button[type="submit"]`)
	d.sees("Geef een reden die de winkel kan lezen.")
	if n := p.count(`SELECT count(*) FROM shop_detail_changes WHERE shop_id = $1 AND status = 'pending'`, s.id); n != 1 {
		t.Fatalf("%d changes waiting after a refusal without reason, want 1", n)
	}
	d.checkA11y("a refusal without reason")

	// Staff enter a change on the shop's behalf (it replaces the shop's); the one who entered it cannot
	// approve it.
	if code, out := p.call("POST", "/v1/admin/shops/"+s.id+"/changes", clerk,
		map[string]any{"iban": "NL69INGB0123456789", "note": "aan de balie, met bankafschrift"}); code != http.StatusCreated && code != http.StatusOK {
		t.Fatalf("a change entered by staff: %d %v", code, out)
	}
	var changeID string
	if err := p.db.SQL().QueryRow(`SELECT id::text FROM shop_detail_changes WHERE shop_id = $1 AND status = 'pending'`, s.id).Scan(&changeID); err != nil {
		t.Fatal(err)
	}
	c := p.newOtherDesk(t)
	c.signIn("baliemedewerker")
	c.open("/beheer/bankgegevens")
	c.sees("NL69INGB0123456789")
	c.sees("Vier ogen: jij hebt deze wijziging ingevoerd")
	if c.shows("Gecontroleerd bij de winkel?") {
		t.Fatal("the one who entered the change is offered to approve it")
	}
	cl := p.consoleClient("baliemedewerker")
	res, err := cl.PostForm(p.base+"/beheer/bankgegevens/"+changeID+"/goedkeuren", url.Values{})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("approving one's own entry: %d, want 403", res.StatusCode)
	}
	if n := p.count(`SELECT count(*) FROM shops WHERE account_id = $1 AND details_version = 1`, s.id); n != 1 {
		t.Fatal("an approval of one's own entry changed the shop's details")
	}

	// Another member of staff approves it.
	d.open("/beheer/bankgegevens")
	d.sees("NL69INGB0123456789")
	d.sees("aan de balie, met bankafschrift")
	d.click(`main form[action$="/goedkeuren"] button[type="submit"]`)
	d.sees("De wijziging is goedgekeurd.")
	d.sees("Er wachten geen wijzigingen van bankgegevens.")
	if n := p.count(`SELECT count(*) FROM shops WHERE account_id = $1 AND details_version = 2`, s.id); n != 1 {
		t.Fatal("the approved change is not the shop's next details version")
	}
	if n := p.count(`SELECT count(*) FROM shop_detail_changes WHERE id = $1 AND status = 'approved' AND entered_by = $2 AND decided_by <> $2`,
		changeID, clerkID); n != 1 {
		t.Fatal("the change is not recorded as approved by another member of staff")
	}
	if n := p.count(`SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'shop.details_approve'`, s.id); n < 1 {
		t.Fatal("the approval is not in the audit log")
	}
	code, out := p.call("GET", "/v1/me", s.token, nil)
	if code != http.StatusOK || out["shop"].(map[string]any)["iban"] != "NL69INGB0123456789" {
		t.Fatalf("the shop's details after the approval: %d %v", code, out["shop"])
	}
}
