package e2e_test

import (
	"encoding/hex"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/photos/phototest"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/privacy/privacytest"
)

// The distinctive personal values of TestNoPersonalDataOnChain.
var (
	zonUser, zonEmail, zonPhone = "zonnebloem-4417", "zonnebloem.4417@voorbeeld.nl", "+31612344417"
	zonNote                     = "Vijf zakken afval langs de Caumerbeek, groet van Zonnebloem 4417"
	shopValues                  = map[string]string{"legal_name": "Boekhandel Zonnebloem-4417 BV", "contact_name": "Mirjam Zonnebloem",
		"kvk": "44174417", "iban": "NL02ABNA0123456789", "address": "Zonnebloemstraat 44, 6417 ZB Heerlen"}
	zonReference, zonReason, zonDetails = "bon Zonnebloem 4417", "Zonnebloem 4417 kreeg te veel", "Wis alles van Zonnebloem 4417"
)

// TestNoPersonalDataOnChain runs the whole flow over HTTP with distinctive personal values — a resident
// registers with e-mail and phone, is approved, binds a phone key, does a chore with a photo and a note and
// is rewarded; a shop registers with its business details, is approved and activated; the resident pays at
// the shop and gets part back; finance pays the shop out; the resident consents to research contact,
// downloads the export, fails a login and has their data erased. Before the erasure the resident's values are
// in every table the flow writes them to; after it, no table holds any of them (sealed columns opened, keyed
// hashes included; the audit log keeps the account id), their photo files are gone, and their chain address
// is tied to the erased stand-in only. Then the test reads every block from 0 to the head: no transaction
// input and no log holds any of the values, as text, as hex, or as a keccak256 or sha256 hash. Erasure
// changes neither the coins on chain nor what the ledger says.
func TestNoPersonalDataOnChain(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	adminTok, reviewerTok, fin := p.login("beheerder"), p.reviewer("keurder"), p.finance("penningmeester")

	reg := p.expect(http.StatusCreated, "", "POST", "/v1/auth/register", "", map[string]any{"role": "resident",
		"username": zonUser, "password": password, "email": zonEmail, "phone": zonPhone})
	resID := reg["id"].(string)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+resID+"/approve", adminTok, nil)
	tok := p.login(zonUser)
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	ch := p.expect(http.StatusOK, "", "GET", "/v1/me/wallet/challenge", tok, nil)
	p.expect(http.StatusOK, "", "PUT", "/v1/me/wallet", tok, map[string]any{"address": addr.Hex(),
		"signature": hexSig(t, key, ch["message"].(string)), "nonce": ch["nonce"]})
	chore := p.expect(http.StatusCreated, "", "POST", "/v1/admin/chores", adminTok, map[string]any{"title": "Afval prikken",
		"location": map[string]any{"lat": 50.8817, "lng": 5.9712, "area": "Aarveld"}, "reward_cents": 900, "capacity": 3,
		"closes_at": time.Now().Add(72 * time.Hour).Format(time.RFC3339)})["id"].(string)
	claim := p.expect(http.StatusCreated, "", "POST", "/v1/chores/"+chore+"/claims", tok, nil)["id"].(string)
	if code, body := p.upload("/v1/claims/"+claim+"/proof", tok, [][]byte{phototest.JPEGWithGPS(32, 24, 1)}, zonNote); code != http.StatusOK {
		t.Fatalf("proof: %d %v", code, body)
	}
	p.expect(http.StatusOK, "", "POST", "/v1/admin/claims/"+claim+"/approve", reviewerTok, nil)
	p.waitIntents("the reward", "claim:"+claim)

	s := p.registerShop(adminTok)
	p.waitIndexed()
	paid := p.payWithReference(s, resident{key: key, addr: addr}, tok)
	p.refund(s, paid, 150, zonReason, "refund-"+paid, http.StatusCreated)
	p.waitFor("the refund", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM refund_states WHERE status = 'confirmed'`) == 1
	})
	p.waitIndexed()
	period := map[string]any{"period_start": today(t).AddDate(0, 0, -30).Format(time.DateOnly), "period_end": today(t).Format(time.DateOnly)}
	run := p.expect(http.StatusCreated, "", "POST", "/v1/admin/payouts", fin, period)["id"].(string)
	if code, body := p.postJSON(fin, "/v1/admin/payouts/"+run+"/execute", nil, "execute-"+run); code != http.StatusOK {
		t.Fatalf("execute: %d %v", code, body)
	}
	p.waitRun(fin, run, "executed")

	p.expect(http.StatusOK, "", "PUT", "/v1/me/consents/research_contact", tok, map[string]any{"given": true})
	if ex := p.expect(http.StatusOK, "", "GET", "/v1/me/export", tok, nil); !strings.Contains(fmtJSON(ex), zonEmail) {
		t.Fatal("the export lacks the e-mail address")
	}
	p.expect(http.StatusUnauthorized, "", "POST", "/v1/auth/login", "", map[string]any{"username": zonUser, "password": "not the password at all"})
	p.waitIndexed()
	before := p.coins(addr, s.addr)
	erase := p.expect(http.StatusCreated, "", "POST", "/v1/privacy/requests", tok, map[string]any{"kind": "erasure", "details": zonDetails})
	mine := p.residentValues(resID)
	held := p.leftovers(mine, nil)
	for _, table := range []string{"accounts", "audit_log", "claims", "consents", "idempotency_keys", "login_failures",
		"payment_requests", "privacy_requests", "refunds", "sessions", "wallet_challenges"} {
		if len(held[table]) == 0 {
			t.Errorf("before erasure, %s holds none of the resident's values: the flow did not reach it (%v)", table, held)
		}
	}
	photos := p.photoFiles(resID)
	if t.Failed() || len(photos) != 1 {
		t.Fatalf("before erasure: %d photo files, tables %v", len(photos), held)
	}
	p.expect(http.StatusOK, "", "POST", "/v1/admin/privacy/requests/"+erase["id"].(string)+"/close", adminTok, map[string]any{"decision": "granted"})
	p.waitBlocksIndexed(2) // in which anything erasure sent would land
	if after := p.coins(addr, s.addr); after != before {
		t.Fatalf("erasure changed the coins:\n before %s\n after  %s", before, after)
	}
	if p.count(`SELECT count(*) FROM accounts WHERE id = $1 OR wallet_address = $2`, resID, lower(addr)) != 0 {
		t.Fatal("the resident or the tie to their address survived erasure")
	}
	// Every table that held the resident's values holds none of them now; the append-only audit log keeps
	// the account id (not a personal value) until its retention ends, and the shop's legal name, "Boekhandel
	// Zonnebloem-4417 BV", kept in its bookkeeping, happens to contain the resident's username.
	kept := map[string][]string{"audit_log": {resID}, "shops": {zonUser}, "payout_lines": {zonUser}}
	if left := p.leftovers(mine, kept); len(left) > 0 {
		t.Fatalf("after erasure (before it: %v):\n  %s", held, strings.Join(privacytest.Lines(left), "\n  "))
	}
	for _, f := range photos {
		if _, err := os.Stat(filepath.Join(p.cfg.Chores.PhotoDir, f)); !os.IsNotExist(err) {
			t.Fatalf("photo file %s is still there (%v)", f, err)
		}
	}
	if p.count(`SELECT count(*) FROM claims WHERE mint_to = $1 AND resident_id <> $2`, lower(addr), privacy.ErasedAccountID) != 0 ||
		p.count(`SELECT count(*) FROM payment_requests WHERE payer_address = $1 AND payer_id <> $2`, lower(addr), privacy.ErasedAccountID) != 0 {
		t.Fatal("the chain address is still tied to an account other than the erased stand-in")
	}

	values := []string{zonUser, zonEmail, zonPhone, strings.TrimPrefix(zonPhone, "+"), zonNote, zonReference, zonReason, zonDetails,
		"boekhandel-4417", "mirjam@boekhandel4417.nl", "+31455554417", resID, s.id, claim}
	for _, v := range shopValues {
		values = append(values, v)
	}
	scan := p.scanChain(needles(values...))
	t.Logf("scanned %d blocks, %d transactions and %d logs for %d values in %d forms each", scan.Blocks, scan.Txs, scan.Logs,
		len(values), len(needles("x")))
	if scan.Txs < 8 || scan.Logs < 8 {
		t.Fatalf("the scan saw too little of the flow: %+v", scan)
	}
	if len(scan.Found) > 0 {
		t.Fatalf("personal data on chain:\n  %s", strings.Join(scan.Found, "\n  "))
	}
	// The scan finds what is on chain by design: the claim's opaque reference and the resident's address.
	control := p.scanChain([]needle{{value: "claim " + claim, form: "keccak256 of claim:<id>", bytes: crypto.Keccak256([]byte("claim:" + claim))},
		{value: "the resident's address", form: "bytes", bytes: addr.Bytes()}})
	if !strings.Contains(strings.Join(control.Found, "\n"), "keccak256 of claim:<id>") || !strings.Contains(strings.Join(control.Found, "\n"), "bytes of") {
		t.Fatalf("the scan does not find what is on chain by design: %v", control.Found)
	}
}

// residentValues are the personal values TestNoPersonalDataOnChain's resident left in the database: what
// they typed, their account id, and the keyed hashes by which the platform finds their e-mail address, phone
// number and login name.
func (p *platform) residentValues(id string) []string {
	p.tb.Helper()
	lookup, err := p.cfg.Secrets.Lookup()
	if err != nil {
		p.tb.Fatal(err)
	}
	return []string{zonUser, zonEmail, zonPhone, strings.TrimPrefix(zonPhone, "+"), zonNote, zonReason, zonDetails, id,
		hex.EncodeToString(lookup.Hash("email", zonEmail)), hex.EncodeToString(lookup.Hash("phone", zonPhone)),
		hex.EncodeToString(lookup.Hash("login-username", zonUser))}
}

// leftovers is privacytest.Leftovers on the platform's database and keys.
func (p *platform) leftovers(values []string, allowed map[string][]string) map[string][]string {
	p.tb.Helper()
	keys, err := p.cfg.Secrets.Keyring()
	if err != nil {
		p.tb.Fatal(err)
	}
	found, err := privacytest.Leftovers(p.ctx, p.db.SQL(), keys, values, allowed)
	if err != nil {
		p.tb.Fatal(err)
	}
	return found
}

// photoFiles are the names of the files of the resident's proof photos.
func (p *platform) photoFiles(residentID string) []string {
	p.tb.Helper()
	rows, err := p.db.SQL().QueryContext(p.ctx, `SELECT f.file_name FROM claim_photos f JOIN claims c ON c.id = f.claim_id
		WHERE c.resident_id = $1`, residentID)
	if err != nil {
		p.tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var f string
		if err := rows.Scan(&f); err != nil {
			p.tb.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

// registerShop registers the shop with its distinctive details over HTTP, has it approved and activated,
// and logs it in.
func (p *platform) registerShop(adminTok string) shop {
	p.tb.Helper()
	out := p.expect(http.StatusCreated, "", "POST", "/v1/auth/register", "", map[string]any{"role": "shop", "username": "boekhandel-4417",
		"password": password, "email": "mirjam@boekhandel4417.nl", "phone": "+31455554417", "shop": map[string]any{
			"legal_name": shopValues["legal_name"], "contact_name": shopValues["contact_name"], "kvk": shopValues["kvk"],
			"iban": shopValues["iban"], "address": shopValues["address"], "category": "retail"}})
	id := out["id"].(string)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+id+"/approve", adminTok, nil)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/shops/"+id+"/activate", adminTok, nil)
	p.waitIntents("the shop's activation", "shop-activate:"+id)
	var addr string
	if err := p.db.SQL().QueryRowContext(p.ctx, `SELECT wallet_address FROM accounts WHERE id = $1`, id).Scan(&addr); err != nil {
		p.tb.Fatal(err)
	}
	return shop{id: id, name: shopValues["legal_name"], token: p.login("boekhandel-4417"), addr: common.HexToAddress(addr)}
}

// payWithReference has the resident pay a request of the shop that carries the distinctive reference.
func (p *platform) payWithReference(s shop, r resident, token string) string {
	p.tb.Helper()
	out := p.expect(http.StatusCreated, "", "POST", "/v1/shop/payment-requests", s.token, map[string]any{"amount_cents": 500, "reference": zonReference})
	id := out["id"].(string)
	req, err := p.walletClient(token).PaymentRequest(p.ctx, id)
	if err != nil {
		p.tb.Fatal(err)
	}
	if code, body := p.postPay(token, id, payBody(p.tb, r.key, req, nil), "pay-"+id); code != http.StatusOK {
		p.tb.Fatalf("pay: %d %v", code, body)
	}
	p.waitFor("the payment", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM payment_request_states WHERE id = $1 AND status = 'confirmed'`, id) == 1
	})
	return id
}

// coins describes the coins on chain and in the ledger: total supply, the two addresses' balances on chain
// and in the indexer, the number of chain intents and indexed events.
func (p *platform) coins(addrs ...common.Address) string {
	p.tb.Helper()
	parts := []string{p.totalSupply().String()}
	for _, a := range addrs {
		parts = append(parts, p.balanceOf(a).String(), big.NewInt(p.ledgerBalance(a)).String())
	}
	parts = append(parts, big.NewInt(int64(p.count(`SELECT count(*) FROM chain_intents`))).String(),
		big.NewInt(int64(p.count(`SELECT count(*) FROM token_events`))).String())
	return strings.Join(parts, " ")
}
