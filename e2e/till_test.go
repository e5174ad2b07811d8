package e2e_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestTillTakesAPaymentAndRefundsPart: a shop logs in at /kassa, wrong amounts are refused in the page and
// ask nothing, €3,50 is tapped on the keypad, the QR code on the screen decodes to the request's link, a
// resident pays it, and the till says "Betaald" with the payer's short id; then part of it is refunded (a
// refund above what is left refused in the page, a second POST with the same idempotency key refunding
// nothing more), and the takings show both. axe-core checks every screen in Dutch and English.
func TestTillTakesAPaymentAndRefundsPart(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	s := p.newShop("bakker", true)
	r := p.fundedResidents(1, 1000)[0]
	b := p.newBrowserPhone(t)

	b.open("/kassa")
	b.screen("/kassa/inloggen")
	b.checkA11y("the till's log-in")
	b.logInAt("/kassa/inloggen", "bakker", password)
	b.screen("/kassa")
	b.checkA11y("the till")
	for _, c := range []struct{ typed, says string }{
		{"0", "meer dan € 0,00"}, {"-3", "kan niet negatief zijn"}, {"1000,01", "hoogstens € 1.000,00"}, {"drie", "in cijfers"},
	} {
		b.fill("amount", c.typed)
		b.click(`main form button[type="submit"]`)
		b.sees(c.says)
	}
	if n := p.count(`SELECT count(*) FROM payment_requests WHERE shop_id = $1`, s.id); n != 0 {
		t.Fatalf("refused amounts made %d payment requests", n)
	}
	b.fill("amount", "")
	for _, key := range []string{"3", "5", "0"} {
		b.click(`main .till-keypad button[aria-label="` + key + `"]`)
	}
	b.click(`main form button[type="submit"]`)
	b.sees("€ 3,50")
	id := p.requestOnTill(b, s.id)
	if got, want := b.qrOnScreen("main img.till-qr"), "/betalen/"+id; !strings.HasSuffix(got, want) || !strings.HasPrefix(got, "http") {
		t.Fatalf("the QR code on the till says %q, want the link ending in %s", got, want)
	}
	b.sees("Wachten op de betaling")
	b.screenshot("till-1-wachten")
	b.checkA11yOnce("the till waiting")

	if code, body := p.payRequestAs(r, id); code != http.StatusOK {
		t.Fatalf("pay: %d %v", code, body)
	}
	p.waitFor("the payment's confirmation", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM payment_request_states WHERE id = $1 AND status = 'confirmed'`, id) == 1
	})
	confirmed := time.Now()
	b.sees("Betaald")
	t.Logf("the till showed Betaald %s after the test saw the confirmation in the database", time.Since(confirmed).Round(time.Millisecond))
	b.sees("€ 3,50 ontvangen van 0x")
	if strings.Contains(b.text(), r.p.Username) {
		t.Fatal("the till shows the resident's username")
	}
	b.screenshot("till-2-betaald")
	b.checkA11yOnce("the till paid")
	b.click(`main .app-actions button`)
	b.do("ready for the next customer", chromedp.WaitVisible(chromedp.CSS(`main input[name="amount"]`)))

	// A partial refund: more than was paid is refused in the page; then € 1,00.
	b.open("/kassa/terugbetalen")
	b.screen("/kassa/terugbetalen")
	b.sees("€ 3,50 van 0x")
	b.checkA11y("refunds")
	b.click(`main .app-history__action button`)
	b.fill("refund_amount", "5,00")
	b.fill("reason", "te veel gerekend")
	b.click(`main form.till-refund button[type="submit"]`)
	b.sees("Je kunt hoogstens € 3,50 terugbetalen")
	b.fill("refund_amount", "1,00")
	b.click(`main form.till-refund button[type="submit"]`)
	b.sees("Terugbetaling van € 1,00 bevestigd")
	b.screenshot("till-3-terugbetaald")
	if n := p.count(`SELECT count(*) FROM refunds WHERE payment_id = $1`, id); n != 1 {
		t.Fatalf("%d refunds, want 1", n)
	}
	// The same idempotency key again refunds nothing more; another key above what is left is refused.
	body := map[string]any{"amount_cents": 100, "reason": "nog eens"}
	code1, first := p.postJSON(s.token, "/v1/shop/payment-requests/"+id+"/refunds", body, "dubbel-1")
	code2, again := p.postJSON(s.token, "/v1/shop/payment-requests/"+id+"/refunds", body, "dubbel-1")
	if code1 != http.StatusCreated || code2 != http.StatusCreated || first["id"] == nil || first["id"] != again["id"] {
		t.Fatalf("a repeated refund: %d %v, then %d %v", code1, first, code2, again)
	}
	if code, out := p.postJSON(s.token, "/v1/shop/payment-requests/"+id+"/refunds", map[string]any{"amount_cents": 200, "reason": "te veel"}, "te-veel"); code != http.StatusUnprocessableEntity || errCode(out) != "refund_exceeds_payment" {
		t.Fatalf("a refund above what is left: %d %v", code, out)
	}
	if n := p.count(`SELECT count(*) FROM refunds WHERE payment_id = $1`, id); n != 2 {
		t.Fatalf("%d refunds, want 2", n)
	}
	p.waitFor("the refunds on chain", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM refund_states WHERE payment_id = $1 AND status = 'confirmed'`, id) == 2
	})

	// The takings: one payment of € 3,50, two refunds of € 1,00 each, € 1,50 net.
	b.open("/kassa/omzet")
	b.screen("/kassa/omzet")
	b.sees("1 · € 3,50")
	b.sees("2 · € 2,00")
	b.sees("€ 1,50")
	b.screenshot("till-4-omzet")
	b.checkA11y("the takings")
}

// TestTillsSeeOnlyTheirOwnOutcome: two tills of one shop each follow only their own request; a cancelled
// request cannot be paid; a shop not yet activated is told why it cannot ask; another shop sees none of the
// first shop's payments; the till works with the keyboard alone.
func TestTillsSeeOnlyTheirOwnOutcome(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	s := p.newShop("slager", true)
	p.newShop("bloemist", true)
	p.newShop("nieuwkomer", false)
	r := p.fundedResidents(1, 1000)[0]
	one, two := p.newBrowserPhone(t), p.newOtherDevice(t)
	for _, b := range []*browserPhone{one, two} {
		b.logInAt("/kassa/inloggen", "slager", password)
		b.screen("/kassa")
	}
	// Keyboard alone: the amount field has the focus; typing and Enter ask.
	one.do("type € 1,25 and press Enter", chromedp.SendKeys(chromedp.CSS(`main input[name="amount"]`), "1,25\r"))
	one.sees("Wachten op de betaling")
	first := p.requestOnTill(one, s.id)
	two.fill("amount", "2,40")
	two.fill("reference", "bon-42")
	two.click(`main form button[type="submit"]`)
	two.sees("Wachten op de betaling")
	second := p.requestOnTill(two, s.id)
	if first == second {
		t.Fatal("the two tills share a request")
	}
	if code, body := p.payRequestAs(r, second); code != http.StatusOK {
		t.Fatalf("pay: %d %v", code, body)
	}
	two.sees("Betaald")
	if strings.Contains(one.text(), "Betaald") {
		t.Fatal("the first till shows the second till's payment")
	}
	one.sees("Wachten op de betaling")
	// The first till cancels; paying it then is refused and moves nothing.
	one.click(`main .till-request .app-actions button`)
	one.sees("Geannuleerd")
	if code, out := p.payRequestAs(r, first); code < 400 || errCode(out) != "request_cancelled" {
		t.Fatalf("paying a cancelled request: %d %v", code, out)
	}
	if n := p.count(`SELECT count(*) FROM payment_requests WHERE id = $1 AND intent_id IS NOT NULL`, first); n != 0 {
		t.Fatal("a cancelled request was paid")
	}

	// Past the refund window (the payment's confirmation moved 15 days back; the window is 14) the till
	// says so and nothing is refunded.
	if _, err := p.db.SQL().ExecContext(p.ctx, `UPDATE chain_intents SET done_at = done_at - interval '15 days'
		WHERE id = (SELECT intent_id FROM payment_requests WHERE id = $1)`, second); err != nil {
		t.Fatal(err)
	}
	two.open("/kassa/terugbetalen?kenmerk=bon-42")
	two.sees("€ 2,40 van 0x")
	two.click(`main .app-history__action button`)
	two.fill("reason", "te laat")
	two.click(`main form.till-refund button[type="submit"]`)
	two.sees("De termijn om deze betaling terug te betalen is voorbij")
	if n := p.count(`SELECT count(*) FROM refunds WHERE payment_id = $1`, second); n != 0 {
		t.Fatalf("%d refunds past the window", n)
	}

	// Another shop sees none of it.
	b := p.newOtherDevice(t)
	b.logInAt("/kassa/inloggen", "bloemist", password)
	b.screen("/kassa")
	b.open("/kassa/omzet")
	b.sees("Geen betalingen op deze dag")

	// A shop approved but not yet activated is told why it cannot ask for payments.
	c := p.newOtherDevice(t)
	c.logInAt("/kassa/inloggen", "nieuwkomer", password)
	c.screen("/kassa")
	c.sees("nog niet aangezet voor betalingen")
	c.checkA11y("a till not yet activated")
}

// TestTillShowsPayoutsAndTheShop: after a payout run is executed and paid, the shop sees the period with the
// euros and the day they were paid, opens its statement (payment and redemption), downloads both as CSV,
// and sees the business name and IBAN the municipality holds. axe-core checks each screen.
func TestTillShowsPayoutsAndTheShop(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	s := p.newShop("groenteboer", true)
	r := p.fundedResidents(1, 1000)[0]
	p.pay(s, r, p.login(r.p.Username), 725)
	p.waitIndexed()
	fin := p.finance("penningmeester")
	period := map[string]any{"period_start": today(t).AddDate(0, 0, -30).Format(time.DateOnly), "period_end": today(t).Format(time.DateOnly)}
	id := p.expect(http.StatusCreated, "", "POST", "/v1/admin/payouts", fin, period)["id"].(string)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/payouts/"+id+"/execute", fin, nil)
	p.waitRun(fin, id, "executed")
	p.expect(http.StatusOK, "", "POST", "/v1/admin/payouts/"+id+"/paid", fin,
		map[string]any{"paid_on": today(t).Format(time.DateOnly), "bank_reference": "BNG-2026-0042"})

	b := p.newBrowserPhone(t)
	b.logInAt("/kassa/inloggen", "groenteboer", password)
	b.screen("/kassa")
	b.open("/kassa/uitbetalingen")
	b.screen("/kassa/uitbetalingen")
	b.sees("€ 7,25 in euro's")
	b.sees("Overgemaakt op")
	b.checkA11y("the payouts")
	b.click(`main .app-actions button`)
	b.sees("uitbetalingen.csv is gedownload")

	b.click(`main .app-card__title a`)
	b.screen("/kassa/uitbetalingen/" + id)
	b.sees("BNG-2026-0042")
	b.sees("Betaling")
	b.sees("Ingewisseld")
	b.checkA11y("a statement")
	b.click(`main .app-actions button`)
	b.sees("is gedownload")
	if strings.Contains(b.text(), r.p.Username) {
		t.Fatal("the statement shows the resident's username")
	}

	b.open("/kassa/gegevens")
	b.screen("/kassa/gegevens")
	b.sees("Bakkerij groenteboer")
	b.sees("NL91ABNA0417164300")
	b.checkA11y("the shop's details")
	b.screenshot("till-7-gegevens")

	// The shop changes its password here.
	const next = "een nieuw wachtwoord voor de kassa"
	b.fill("current_password", password)
	b.fill("new_password", next)
	b.fill("new_password_again", next)
	b.click(`main section[aria-labelledby="password-title"] button[type="submit"]`)
	b.sees("Je wachtwoord is gewijzigd.")
	p.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "",
		map[string]any{"username": "groenteboer", "password": password})
	p.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", map[string]any{"username": "groenteboer", "password": next})
}
