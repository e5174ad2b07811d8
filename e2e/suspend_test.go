package e2e_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/accounts"
)

// TestSuspendedShopKeepsItsCoinsThenLosesItsRole: an approver suspends a shop that holds coins, in the
// console (refused without a reason, nothing changed). At once its sessions end, signing in is refused with
// the reason, and its open payment request is cancelled, so a resident cannot pay it. While it holds coins
// its accepting role stays on chain; the next payout run pays them out, and after that last redeem the role
// is revoked on chain through the outbox, once (a later round writes nothing). Reinstated in the console
// (again with a reason), the shop gets its role granted again on chain, signs in and takes payments. A
// suspended resident's claim waiting for review cannot be approved until the resident is reinstated; the
// resident's coins stay theirs. The till and the resident app show a suspended account the reason at
// sign-in. axe-core checks every console page in Dutch and English, and the two sign-in screens.
func TestSuspendedShopKeepsItsCoinsThenLosesItsRole(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	bakker := p.newShop("bakker-bart", true)
	reviewerTok := p.reviewer("keurder")
	rs := p.residents(2)
	p.reward(rs, 1500, reviewerTok)
	payer := p.login(rs[0].p.Username)
	p.pay(bakker, rs[0], payer, 600)
	p.waitIndexed()
	open, _ := p.request(bakker, 200)
	claim := p.submittedClaims(rs[1:], p.chore(300, 1))[0]
	if !p.acceptor(bakker.addr) {
		t.Fatal("the active shop does not hold the accepting role")
	}

	// The console: without a reason nothing happens; with one the shop is suspended.
	p.newStaff("loket", true, accounts.PrivAccountsApprove)
	d := p.newDesk(t)
	d.signIn("loket")
	d.open("/beheer/aanmeldingen/" + bakker.id)
	d.page("/beheer/aanmeldingen/" + bakker.id)
	d.sees("Schorsen")
	d.checkA11y("an active shop, with the suspension form")
	d.click(`main form[action$="/schorsen"] button[type="submit"]`)
	d.sees("Schrijf op waarom je het account schorst.")
	p.accountStatus(bakker.id, "approved")
	if n := p.count(`SELECT count(*) FROM account_suspensions`); n != 0 {
		t.Fatalf("a suspension without a reason was written (%d)", n)
	}
	d.checkA11yOnce("a suspension without a reason")
	const reason = "Uw inschrijving bij de KvK is beëindigd. Neem contact op met het Klant Contact Centrum."
	d.fill("suspend_reason", reason)
	d.click(`main form[action$="/schorsen"] button[type="submit"]`)
	d.page("/beheer/aanmeldingen/" + bakker.id)
	d.sees("Het account is geschorst.")
	d.sees(reason)
	d.sees("Nog niet ingetrokken")
	p.accountStatus(bakker.id, "suspended")
	d.checkA11y("a suspended shop that still holds coins")
	d.open("/beheer/aanmeldingen?status=geschorst")
	d.sees("Geschorste accounts")
	d.sees("bakker-bart")
	d.checkA11y("the suspended accounts")

	// Its sessions are gone, signing in tells the reason, its open request can no longer be paid.
	p.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", bakker.token, nil)
	refused := p.expect(http.StatusForbidden, "account_suspended", "POST", "/v1/auth/login", "",
		map[string]any{"username": "bakker-bart", "password": password})
	if e := refused["error"].(map[string]any); e["reason"] != reason {
		t.Fatalf("signing in does not tell the reason: %v", refused)
	}
	till := p.newBrowserPhone(t)
	till.logInAt("/kassa/inloggen", "bakker-bart", password)
	till.sees("De gemeente heeft je account geschorst.")
	till.sees("Reden van de gemeente: " + reason)
	till.checkA11yOnce("the till's sign-in of a suspended shop")
	if n := p.count(`SELECT count(*) FROM payment_request_states WHERE id = $1 AND status = 'cancelled'`, open); n != 1 {
		t.Fatal("the suspended shop's open payment request was not cancelled")
	}
	req, err := p.walletClient(payer).PaymentRequest(p.ctx, open)
	if err != nil {
		t.Fatal(err)
	}
	if code, body := p.postPay(payer, open, payBody(t, rs[0].key, req, nil), "pay-"+open); code != http.StatusConflict ||
		errCode(body) != "request_cancelled" {
		t.Fatalf("paying the suspended shop's request: %d %v", code, body)
	}

	// It holds 600 cents: a round of the worker leaves its role alone.
	if n, err := p.acc.SettleSuspensions(p.ctx); err != nil || n != 0 {
		t.Fatalf("a round while the shop holds coins wrote %d intents (%v)", n, err)
	}
	if p.revocations(bakker.addr) != 0 || !p.acceptor(bakker.addr) {
		t.Fatal("the role was revoked while the shop still holds coins")
	}

	// The payout run pays the suspended shop out; after its redeem the role goes, once.
	fin := p.finance("penningmeester")
	period := map[string]any{"period_start": today(t).AddDate(0, 0, -30).Format(time.DateOnly), "period_end": today(t).Format(time.DateOnly)}
	run := p.expect(http.StatusCreated, "", "POST", "/v1/admin/payouts", fin, period)
	lines := run["lines"].([]any)
	if len(lines) != 1 || lines[0].(map[string]any)["shop_id"] != bakker.id || lines[0].(map[string]any)["amount_cents"] != float64(600) {
		t.Fatalf("the run does not pay the suspended shop its 600 cents: %v", run)
	}
	id := run["id"].(string)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/payouts/"+id+"/execute", fin, nil)
	run = p.waitRun(fin, id, "executed")
	if redeemed, _ := p.redeemedOnChain(common.HexToHash(run["ref"].(string))); redeemed[bakker.addr] != 600 {
		t.Fatalf("redeemed on chain: %v", redeemed)
	}
	p.waitFor("the revocation of the shop's role", 3*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM chain_intents WHERE kind = 'revoke_acceptor' AND args ->> 'to' ILIKE $1
			AND status = 'confirmed'`, bakker.addr.Hex()) == 1
	})
	if p.acceptor(bakker.addr) {
		t.Fatal("the chain still says the suspended shop may accept coins")
	}
	if n, err := p.acc.SettleSuspensions(p.ctx); err != nil || n != 0 || p.revocations(bakker.addr) != 1 {
		t.Fatalf("a later round wrote %d intents (%v); %d revocations", n, err, p.revocations(bakker.addr))
	}
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'shop.revoke_acceptor' AND subject_id = $1`, bakker.id); n != 1 {
		t.Fatalf("%d audit entries of the revocation", n)
	}
	d.open("/beheer/aanmeldingen/" + bakker.id)
	d.sees("Ingetrokken: de winkel kan geen munten meer aannemen")
	d.checkA11y("a suspended shop whose role is revoked")

	// Reinstated: without a reason nothing happens; with one the role comes back and the shop takes payments.
	d.click(`main form[action$="/weer-toelaten"] button[type="submit"]`)
	d.sees("Schrijf op waarom je het account weer toelaat.")
	p.accountStatus(bakker.id, "suspended")
	d.fill("reinstate_reason", "Nieuwe inschrijving bij de KvK ontvangen")
	d.click(`main form[action$="/weer-toelaten"] button[type="submit"]`)
	d.page("/beheer/aanmeldingen/" + bakker.id)
	d.sees("Het account is weer toegelaten.")
	p.accountStatus(bakker.id, "approved")
	p.waitFor("the shop's role granted again", 3*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM chain_intents WHERE kind = 'grant_acceptor' AND idempotency_key LIKE 'shop-reinstate:%'
			AND args ->> 'to' ILIKE $1 AND status = 'confirmed'`, bakker.addr.Hex()) == 1
	})
	if !p.acceptor(bakker.addr) {
		t.Fatal("the reinstated shop does not hold the accepting role again")
	}
	d.open("/beheer/aanmeldingen/" + bakker.id)
	d.sees("Bevestigd: de winkel kan weer betalingen aannemen")
	d.checkA11y("a reinstated shop")
	bakker.token = p.login("bakker-bart")
	p.pay(bakker, rs[0], payer, 100)

	// The resident: suspended through the API, their claim waits; reinstated, it can be approved.
	approver := p.login("loket")
	resident := p.login(rs[1].p.Username)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+rs[1].p.AccountID+"/suspend", approver,
		map[string]any{"reason": "Meerdere meldingen over klussen die niet gedaan zijn"})
	p.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", resident, nil)
	phone := p.newBrowserPhone(t)
	phone.logIn(rs[1].p.Username, password)
	phone.sees("De gemeente heeft je account geschorst.")
	phone.sees("Reden van de gemeente: Meerdere meldingen over klussen die niet gedaan zijn")
	phone.checkA11yOnce("the app's sign-in of a suspended resident")
	p.expect(http.StatusForbidden, "not_approved", "POST", "/v1/admin/claims/"+claim+"/approve", reviewerTok, nil)
	if got := p.balanceOf(rs[1].addr).Int64(); got != 1500 {
		t.Fatalf("the suspended resident holds %d cents on chain, want their 1500", got)
	}
	p.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+rs[1].p.AccountID+"/reinstate", approver,
		map[string]any{"reason": "Meldingen nagelopen: klussen waren gedaan"})
	p.expect(http.StatusOK, "", "POST", "/v1/admin/claims/"+claim+"/approve", reviewerTok, nil)
	p.waitIntents("the reward after reinstatement", "claim:"+claim)
	p.login(rs[1].p.Username)
}

// acceptor reports whether the chain says addr holds the accepting role.
func (p *platform) acceptor(addr common.Address) bool {
	p.tb.Helper()
	ok, err := chain.HasRole(p.ctx, p.client, p.deploy.Address, chain.RoleAcceptor, addr)
	if err != nil {
		p.tb.Fatal(err)
	}
	return ok
}

// revocations counts the intents written to revoke addr's accepting role.
func (p *platform) revocations(addr common.Address) int {
	p.tb.Helper()
	return p.count(`SELECT count(*) FROM chain_intents WHERE kind = 'revoke_acceptor' AND lower(args ->> 'to') = $1`,
		strings.ToLower(addr.Hex()))
}
