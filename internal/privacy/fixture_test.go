package privacy_test

import (
	"errors"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/photos/phototest"
	"github.com/heerlen/heitje/internal/privacy"
)

// person is one data subject of the fixture with the distinctive values it left behind.
type person struct {
	p      accounts.Principal
	wallet string
	// values are the person's own personal values, as they were entered.
	values []string
}

// world is a resident and a shop who used everything the platform offers, so that every personal column
// holds a value of theirs; the admin, reviewer and officer of env acted on them.
type world struct {
	resident, shop person
	claims         []string
	// open is a claim still waiting for proof: it blocks erasure until it expires.
	open string
}

// world builds the fixture through the services where they exist, and writes directly what only the chain
// or the payouts work would write (payments, the indexer's rows, a payout).
func (e *env) world() world {
	e.t.Helper()
	w := world{}
	note, info, reject := "Twee zakken vol bij de Geleenbeek, groet Truus", "Graag nog een foto van de volle zakken, Truus",
		"Dit was de verkeerde straat, mevrouw De Vries"
	details, phone, email := "Ik wil niet dat mijn gegevens meetellen, Truus de Vries", "+31687650001", "truus.devries.7731@example.nl"
	p, addr := e.resident("truus-7731", email, phone)
	w.resident = person{p: p, wallet: addr, values: []string{"truus-7731", email, phone, note, info, reject, details}}
	e.sessions("truus-7731")
	if _, err := e.acc.ReadPersonal(e.ctx, e.admin, p.AccountID, "vraag aan de balie"); err != nil {
		e.t.Fatal(err)
	}
	e.secondFactor(e.officer)
	c1, c2 := e.chore("Bladeren ruimen"), e.chore("Zwerfafval prikken")
	cl := e.claim(p, c1, note)
	e.must(e.chores.RequestInfo(e.ctx, e.reviewer, cl, info))
	e.must(e.chores.SubmitProof(e.ctx, p, cl, "", [][]byte{phototest.JPEG(20, 12)}))
	e.must(e.chores.Approve(e.ctx, e.reviewer, cl))
	cl2 := e.claim(p, c2, "tweede keer")
	e.must(e.chores.Reject(e.ctx, e.reviewer, cl2, reject))
	w.claims = []string{cl, cl2}
	// Notices: the resident reads them in English and by e-mail; one was read and e-mailed, one waits for
	// the e-mail's retry.
	e.exec(`INSERT INTO notice_settings (account_id, language, email, changed_at) VALUES ($1, 'en', true, now())`, p.AccountID)
	e.exec(`UPDATE notices SET app_at = now(), read_at = now(), email_status = 'sent', email_attempts = 1, email_sent_at = now()
		WHERE account_id = $1 AND kind = 'claim_approved'`, p.AccountID)
	e.exec(`UPDATE notices SET app_at = now(), email_attempts = 1, email_retry_at = now() + interval '1 minute',
		email_error = '451 4.3.0 try again later' WHERE account_id = $1 AND kind = 'claim_rejected'`, p.AccountID)
	open, err := e.chores.ClaimChore(e.ctx, p, e.chore("Boodschappen doen"))
	if err != nil {
		e.t.Fatal(err)
	}
	w.open = open.ID
	for _, given := range []bool{true, false, true} {
		if _, err := e.svc.SetConsent(e.ctx, p, privacy.PurposeResearchContact, given); err != nil {
			e.t.Fatal(err)
		}
	}
	r, err := e.svc.FileRequest(e.ctx, p, privacy.RequestInput{Kind: privacy.KindObjection, Purpose: privacy.PurposeAnalytics, Details: details})
	if err != nil {
		e.t.Fatal(err)
	}
	out, err := e.svc.CloseRequest(e.ctx, e.officer, r.ID, privacy.DecisionGranted, "")
	if err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.svc.LiftRestriction(e.ctx, e.officer, out.Restriction.ID, "bezwaar heroverwogen"); err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.svc.FileRequest(e.ctx, p, privacy.RequestInput{Kind: privacy.KindAccess}); err != nil {
		e.t.Fatal(err)
	}
	w.shop = e.shop()
	e.push(&w.resident)
	e.push(&w.shop)
	e.suspension(w.shop)
	w.resident.values = append(w.resident.values, e.recovery(w.resident))
	e.payment(w.resident, w.shop)
	e.payout(w.shop)
	if _, err := e.svc.RecordBreach(e.ctx, e.officer, privacy.BreachInput{Title: ptr("Verkeerde bijlage"), Nature: ptr("e-mail"),
		Kinds: &[]string{"confidentiality"}, DiscoveredAt: ptr(e.clock.Now().Add(-time.Hour))}); err != nil {
		e.t.Fatal(err)
	}
	return w
}

func ptr[T any](v T) *T { return &v }

func (e *env) must(_ chores.Claim, err error) {
	e.t.Helper()
	if err != nil {
		e.t.Fatal(err)
	}
}

// sessions logs in, refreshes, logs out, logs in again and fails a login once.
func (e *env) sessions(username string) {
	e.t.Helper()
	tok, err := e.acc.Login(e.ctx, username, password, "198.51.100.4")
	if err == nil {
		tok, err = e.acc.Refresh(e.ctx, tok.RefreshToken)
	}
	if err == nil {
		err = e.acc.Logout(e.ctx, tok.RefreshToken)
	}
	if err == nil {
		_, err = e.acc.Login(e.ctx, username, password, "198.51.100.4")
	}
	if err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.acc.Login(e.ctx, username, "not the password at all", "198.51.100.4"); !errors.Is(err, accounts.ErrInvalidCredentials) {
		e.t.Fatalf("failed login: %v", err)
	}
}

func (e *env) chore(title string) string {
	e.t.Helper()
	c, err := e.chores.CreateChore(e.ctx, e.admin, chores.ChoreInput{Title: title, Location: chores.Location{Lat: 50.888,
		Lng: 5.98, Area: "Heerlerbaan"}, RewardCents: 350, Capacity: 20, ClosesAt: e.clock.Now().Add(7 * 24 * time.Hour)})
	if err != nil {
		e.t.Fatal(err)
	}
	// A change by staff, so that the chore's changes name a staff member too.
	description := "Met handschoenen en een grijper van de gemeente"
	if _, err := e.chores.UpdateChore(e.ctx, e.admin, c.ID, chores.ChorePatch{Description: &description}); err != nil {
		e.t.Fatal(err)
	}
	return c.ID
}

// claim claims a chore and submits a photo with the note; it returns the claim's id.
func (e *env) claim(p accounts.Principal, choreID, note string) string {
	e.t.Helper()
	cl, err := e.chores.ClaimChore(e.ctx, p, choreID)
	if err == nil {
		cl, err = e.chores.SubmitProof(e.ctx, p, cl.ID, note, [][]byte{phototest.JPEG(24, 16)})
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return cl.ID
}

// shop registers and approves a shop with every detail filled in, and logs it in.
func (e *env) shop() person {
	e.t.Helper()
	s := accounts.Shop{LegalName: "Bakkerij Vrijthof-Kessels", ContactName: "Harrie Kessels", KvK: "87654321",
		IBAN: "NL02ABNA0123456789", Address: "Pancratiusplein 9, 6411 JP Heerlen", Category: "bakery"}
	a, err := e.acc.Register(e.ctx, accounts.Registration{Role: accounts.RoleShop, Username: "bakker-kessels", Password: password,
		Email: "harrie@kessels-bakkerij.nl", Phone: "+31455551234", Shop: &s})
	if err == nil {
		a, err = e.acc.Approve(e.ctx, e.admin, a.ID, "")
	}
	if err != nil {
		e.t.Fatal(err)
	}
	if _, _, err := e.acc.ActivateShop(e.ctx, e.admin, a.ID); err != nil {
		e.t.Fatal(err)
	}
	// A new IBAN the shop entered and staff approved, and a change staff entered for it and refused.
	iban, name := "NL20INGB0001234567", "Bakkerij Vrijthof-Kessels B.V."
	me, err := e.acc.UpdateMe(e.ctx, accounts.Principal{AccountID: a.ID, Username: a.Username, Role: accounts.RoleShop},
		accounts.Update{Shop: &accounts.ShopUpdate{IBAN: &iban}})
	if err == nil {
		_, err = e.acc.ApproveShopChange(e.ctx, e.admin, me.Shop.Pending.ID)
	}
	if err != nil {
		e.t.Fatal(err)
	}
	c, err := e.acc.EnterShopChange(e.ctx, e.admin, a.ID, accounts.ShopChangeInput{LegalName: &name}, "gebeld door de bakker")
	if err == nil {
		_, err = e.acc.RefuseShopChange(e.ctx, e.admin, c.ID, "het uittreksel van de KvK ontbreekt")
	}
	if err != nil {
		e.t.Fatal(err)
	}
	e.sessions("bakker-kessels")
	return person{p: accounts.Principal{AccountID: a.ID, Username: a.Username, Role: accounts.RoleShop}, wallet: a.WalletAddress,
		values: []string{"bakker-kessels", "harrie@kessels-bakkerij.nl", "+31455551234", "Harrie Kessels", "Pancratiusplein 9, 6411 JP Heerlen"}}
}

// payment writes what a confirmed payment of the resident at the shop and a refund leave behind: the
// request, the relay intent, the idempotency key, the refund, and the indexer's events and balances; and a
// request the shop cancelled at the till.
func (e *env) payment(r, s person) {
	e.t.Helper()
	id, refund := uuid.NewString(), uuid.NewString()
	pay := e.intent("relayer-0", outbox.KindTransferWithAuthorization, "payment:"+id, r.wallet, s.wallet, 250)
	back := e.intent("relayer-0", outbox.KindTransferWithAuthorization, "refund:"+refund, s.wallet, r.wallet, 50)
	now := e.clock.Now()
	e.exec(`INSERT INTO payment_requests (id, shop_id, shop_address, amount_cents, reference, auth_nonce, valid_after, valid_before,
		created_at, expires_at, payer_id, payer_address, signature, intent_id, submitted_at)
		VALUES ($1, $2, $3, 250, 'bon 4711', $4, 1, 9999999999, $5, $6, $7, $8, $9, $10, $5)`, id, s.p.AccountID, s.wallet,
		hash32("pay"+id), now, now.Add(5*time.Minute), r.p.AccountID, r.wallet, make([]byte, 65), pay)
	cancelled := uuid.NewString()
	e.exec(`INSERT INTO payment_requests (id, shop_id, shop_address, amount_cents, reference, auth_nonce, valid_after, valid_before,
		created_at, expires_at, cancelled_at) VALUES ($1, $2, $3, 120, 'bon 4712', $4, 1, 9999999999, $5, $6, $7)`, cancelled,
		s.p.AccountID, s.wallet, hash32("pay"+cancelled), now, now.Add(5*time.Minute), now.Add(time.Minute))
	e.exec(`INSERT INTO refunds (id, payment_id, shop_id, shop_address, resident_address, amount_cents, reason, auth_nonce,
		intent_id, created_at) VALUES ($1, $2, $3, $4, $5, 50, 'Taart was op, Truus krijgt geld terug', $6, $7, $8)`,
		refund, id, s.p.AccountID, s.wallet, r.wallet, hash32("refund"+refund), back, now)
	e.exec(`INSERT INTO idempotency_keys (account_id, key, request_hash, resource, intent_id) VALUES ($1, 'k-7731', $2, $3, $4)`,
		r.p.AccountID, make([]byte, 32), "payment:"+id, pay)
	for i, ev := range []struct{ from, to string }{{"", r.wallet}, {r.wallet, s.wallet}, {s.wallet, r.wallet}} {
		e.exec(`INSERT INTO token_events (block_number, block_hash, block_time, tx_hash, tx_index, log_index, event, from_address,
			to_address, amount, ref, auth_nonce) VALUES ($1, $2, $3, $4, 0, $9, 'Transfer', NULLIF($5, ''), $6, 100, $7, $8)`,
			10+i, hash32("block"), now, hash32("tx"+id), ev.from, ev.to, hash32("ref"), hash32("nonce"), i)
	}
	e.exec(`INSERT INTO token_balances (address, balance) VALUES ($1, 150), ($2, 200)`, r.wallet, s.wallet)
	e.exec(`UPDATE chain_intents SET status = 'confirmed', nonce = id, tx_hash = $1, block_number = 11, indexed_block = 11,
		sent_at = now(), done_at = now(), raw_tx = '\x02f8' WHERE status = 'queued'`, hash32("tx"+id))
	if _, _, err := e.chores.Step(e.ctx); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) intent(signer outbox.Signer, kind outbox.Kind, key, from, to string, cents int64) int64 {
	e.t.Helper()
	in, err := e.db.Outbox().Enqueue(e.ctx, outbox.Intent{Signer: signer, Kind: kind, IdempotencyKey: key,
		Args: outbox.Args{From: common.HexToAddress(from), To: common.HexToAddress(to), Amount: big.NewInt(cents)}})
	if err != nil {
		e.t.Fatal(err)
	}
	return in.ID
}

// payout writes a paid payout run with the shop's line, and a cancelled run.
func (e *env) payout(s person) {
	e.t.Helper()
	paid, cancelled, line := uuid.NewString(), uuid.NewString(), uuid.NewString()
	redeem := e.intent("operator", outbox.KindRedeem, "payout:"+paid+":"+s.p.AccountID, s.wallet, "", 200)
	e.exec(`INSERT INTO payout_runs (id, period_start, period_end, from_block, cutoff_block, ref, reference, status, report_sha256,
		created_by, created_at, executed_by, execute_started_at, executed_at, settled_block)
		VALUES ($1, '2026-01-01', '2026-01-31', 0, 20, $2, 'HEITJE-00000000AAAA', 'paid', $3, $4, now(), $4, now(), now(), 21)`,
		paid, hash32("run"), make([]byte, 32), e.admin.AccountID)
	e.exec(`INSERT INTO payout_runs (id, period_start, period_end, from_block, cutoff_block, ref, reference, status, created_by,
		created_at, cancelled_by, cancelled_at) VALUES ($1, '2026-02-01', '2026-02-28', 21, 30, $2, 'HEITJE-00000000BBBB',
		'cancelled', $3, now(), $3, now())`, cancelled, hash32("run2"), e.admin.AccountID)
	name, err := e.keys.Seal([]byte("Bakkerij Vrijthof-Kessels"), []byte("payout_lines.business_name_enc:"+line))
	if err != nil {
		e.t.Fatal(err)
	}
	iban, err := e.keys.Seal([]byte("NL02ABNA0123456789"), []byte("payout_lines.iban_enc:"+line))
	if err != nil {
		e.t.Fatal(err)
	}
	e.exec(`UPDATE chain_intents SET status = 'confirmed', nonce = id, tx_hash = $1, block_number = 21, sent_at = now(),
		done_at = now() WHERE id = $2`, hash32("redeem"), redeem)
	e.exec(`INSERT INTO payout_lines (id, run_id, shop_id, shop_address, business_name_enc, payments, gross_cents, refunds,
		refunded_cents, amount_cents, intent_id, redeemed_block, redeem_tx, paid_on, bank_reference, paid_by, paid_at,
		details_version, iban_enc)
		VALUES ($1, $2, $3, $4, $5, 1, 250, 1, 50, 200, $6, 21, $7, '2026-02-03', 'BANK-REF-7731', $8, now(), 1, $9)`,
		line, paid, s.p.AccountID, s.wallet, name, redeem, hash32("redeem"), e.admin.AccountID, iban)
}

// hash32 is a 0x-hex 32-byte value derived from s.
func hash32(s string) string {
	h := strings.Repeat("0", 64) + strings.TrimPrefix(common.BytesToHash([]byte(s)).Hex(), "0x")
	return "0x" + h[len(h)-64:]
}
