package api

import (
	"context"
	"crypto/ecdsa"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/balances"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payments"
)

// paymentsAPI is the API with the payments service on the test clock (refund window as in production), the
// sender and the indexer played by hand, an administrator, two activated shops and two residents with bound
// phones, the first holding 1000 cents.
type paymentsAPI struct {
	*testAPI
	chain        *chainByHand
	domain       payments.Domain
	shopA, shopB string // access tokens
	resA, resB   string
	keyA         *ecdsa.PrivateKey
	addrA        common.Address
	adminTok     string
}

// testBaseURL is the public base URL of the payments API's QR links in tests: under a path, to show that
// the path is kept.
const testBaseURL = "https://heitje.example/app"

func newPaymentsAPI(t *testing.T) *paymentsAPI {
	t.Helper()
	a := newTestAPI(t, defaultTestOptions())
	p := &paymentsAPI{testAPI: a, chain: newChainByHand(a), domain: payments.Domain{ChainID: 6411, Token: common.HexToAddress("0xc011")}}
	svc, err := payments.New(a.db.Payments(a.keys), payments.Options{Domain: p.domain, PublicBaseURL: testBaseURL + "/",
		HashWait: time.Millisecond, Now: a.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	a.deps.Payments, a.deps.Balances = svc, balances.New(a.db.Balances())
	a.h = New(a.deps)
	p.adminTok = a.admin("beheer")
	_, p.shopA = p.activatedShop("bakker-a")
	_, p.shopB = p.activatedShop("bakker-b")
	var phoneA phone
	p.resA, phoneA = p.boundResident("bewoner-a")
	p.resB, _ = p.boundResident("bewoner-b")
	p.keyA, _ = crypto.ToECDSA(phoneA.key)
	p.addrA = common.HexToAddress(phoneA.addr)
	mint, err := a.db.Outbox().Enqueue(context.Background(), outbox.Intent{Signer: "minter", Kind: outbox.KindMint,
		IdempotencyKey: "mint:bewoner-a", Args: outbox.Args{To: p.addrA, Amount: big.NewInt(1000), Ref: crypto.Keccak256Hash([]byte("claim"))}})
	if err != nil {
		t.Fatal(err)
	}
	p.settle(mint)
	return p
}

// settle has the intent sent, mined, confirmed by the sender and applied by the indexer.
func (p *paymentsAPI) settle(in outbox.Intent) {
	p.chain.send(in)
	p.chain.mine(in)
	p.chain.confirm(in)
	p.chain.index(in)
}

// activatedShop registers, approves and activates a shop, settles the grant of its role, and returns its id
// and access token.
func (p *paymentsAPI) activatedShop(username string) (string, string) {
	p.t.Helper()
	id := p.register(map[string]any{"role": "shop", "username": username, "shop": map[string]any{"legal_name": "Bakkerij " + username,
		"kvk": "12345678", "iban": "NL91ABNA0417164300", "address": "Markt 1, Heerlen"}})
	p.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+id+"/approve", p.adminTok, nil)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/shops/"+id+"/activate", p.adminTok, nil)
	p.settle(p.chain.intent(accounts.ActivationIntent(id, "").IdempotencyKey))
	tok, _ := p.login(username)
	return id, tok
}

// boundResident registers and approves a resident who binds a fresh phone; it returns the access token and
// the phone.
func (p *paymentsAPI) boundResident(username string) (string, phone) {
	p.t.Helper()
	tok := p.approvedResident(p.adminTok, username)
	nonce, msg := p.challenge(tok)
	ph := newPhone(p.t)
	p.expect(http.StatusOK, "", "PUT", "/v1/me/wallet", tok, map[string]any{"address": ph.addr, "signature": ph.sign(p.t, msg), "nonce": nonce})
	return tok, ph
}

// request has shop A ask for cents and returns the request as stored.
func (p *paymentsAPI) request(cents int64) payments.Request {
	p.t.Helper()
	id := p.expect(http.StatusCreated, "", "POST", "/v1/shop/payment-requests", p.shopA, map[string]any{"amount_cents": cents})["id"].(string)
	r, err := p.db.Payments(p.keys).Request(context.Background(), id)
	if err != nil {
		p.t.Fatal(err)
	}
	return r
}

// pay has resident A sign and pay r, expecting the status and (when not empty) the error code.
func (p *paymentsAPI) pay(r payments.Request, status int, code string) {
	p.t.Helper()
	auth := payments.Authorization{From: p.addrA, To: r.ShopAddress, Value: big.NewInt(r.AmountCents), ValidAfter: r.ValidAfter,
		ValidBefore: r.ValidBefore, Nonce: r.Nonce}
	sig, err := payments.Sign(p.domain, auth, p.keyA)
	if err != nil {
		p.t.Fatal(err)
	}
	p.expect(status, code, "POST", "/v1/payment-requests/"+r.ID+"/pay", p.resA, map[string]any{"from": p.addrA.Hex(),
		"valid_after": r.ValidAfter, "valid_before": r.ValidBefore, "nonce": r.Nonce.Hex(), "signature": "0x" + common.Bytes2Hex(sig)},
		"Idempotency-Key", "pay-"+r.ID)
}

// confirmedPayment has shop A ask for cents, resident A pay it and the payment settle; it returns the id.
func (p *paymentsAPI) confirmedPayment(cents int64) string {
	p.t.Helper()
	r := p.request(cents)
	p.pay(r, http.StatusOK, "")
	p.settle(p.chain.intent("payment:" + r.ID))
	return r.ID
}

// stream reads an event stream to its end (a stream of a settled payment ends after its last event).
func (p *paymentsAPI) stream(path, token string) (int, string) {
	p.t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	rec := httptest.NewRecorder()
	p.h.ServeHTTP(rec, req.WithContext(ctx))
	body, _ := io.ReadAll(rec.Body)
	return rec.Code, string(body)
}

// refund asks for a refund as token's holder and returns the status and body.
func (p *paymentsAPI) refund(token, id string, cents int64, key string) (int, map[string]any) {
	p.t.Helper()
	return p.call(http.MethodPost, "/v1/shop/payment-requests/"+id+"/refunds", token,
		map[string]any{"amount_cents": cents, "reason": "te veel betaald"}, "Idempotency-Key", key)
}

// TestPaymentsAreReadAndRefundedOnlyByTheirParties: a shop reads its own payment, its event stream and its
// history, and refunds it; another shop finds none of them (404 not_found, nothing written). A resident
// reads a payment they paid and its event stream; another resident may read the request while it is open
// (that is what the QR code is for), but neither it nor its stream once paid.
func TestPaymentsAreReadAndRefundedOnlyByTheirParties(t *testing.T) {
	t.Parallel()
	p := newPaymentsAPI(t)
	open := p.expect(http.StatusCreated, "", "POST", "/v1/shop/payment-requests", p.shopA, map[string]any{"amount_cents": 100})["id"].(string)
	p.expect(http.StatusOK, "", "GET", "/v1/payment-requests/"+open, p.resB, nil)
	id := p.confirmedPayment(400)
	path := "/v1/payment-requests/" + id

	for _, tc := range []struct {
		who, token string
		mine       bool
	}{{"shop A", p.shopA, true}, {"resident A", p.resA, true}, {"shop B", p.shopB, false}, {"resident B", p.resB, false}} {
		code, body := p.call(http.MethodGet, path, tc.token, nil)
		if tc.mine && (code != http.StatusOK || body["status"] != "confirmed") || !tc.mine && (code != http.StatusNotFound || errCode(body) != "not_found") {
			t.Errorf("%s reads the payment: %d %v", tc.who, code, body)
		}
		code, events := p.stream(path+"/events", tc.token)
		if tc.mine && (code != http.StatusOK || !strings.Contains(events, "event: submitted") || !strings.Contains(events, "event: confirmed")) ||
			!tc.mine && (code != http.StatusNotFound || strings.Contains(events, "event:") || !strings.Contains(events, `"not_found"`)) {
			t.Errorf("%s follows the payment's events: %d %s", tc.who, code, events)
		}
	}
	if hist := p.expect(http.StatusOK, "", "GET", "/v1/me/payments", p.shopB, nil)["payments"].([]any); len(hist) != 0 {
		t.Errorf("shop B's history shows shop A's payment: %v", hist)
	}

	intents, refunds := p.count("chain_intents"), p.count("refunds")
	if code, body := p.refund(p.shopB, id, 100, "refund-b"); code != http.StatusNotFound || errCode(body) != "not_found" {
		t.Errorf("shop B refunds shop A's payment: %d %v", code, body)
	}
	if p.count("chain_intents") != intents || p.count("refunds") != refunds {
		t.Fatal("shop B's refused refund wrote something")
	}
	if code, body := p.refund(p.shopA, id, 100, "refund-a"); code != http.StatusCreated {
		t.Fatalf("shop A refunds its own payment: %d %v", code, body)
	}
}

// TestRefundAfterTheWindowIsRefused: a payment can be refunded up to the refund window (14 days, as
// REFUND_WINDOW_DAYS defaults) after its confirmation, and not a minute later; the refusal writes nothing.
func TestRefundAfterTheWindowIsRefused(t *testing.T) {
	t.Parallel()
	p := newPaymentsAPI(t)
	id := p.confirmedPayment(400)
	window := payments.DefaultOptions.RefundWindow
	if window != 14*24*time.Hour {
		t.Fatalf("the refund window is %s; this test and REFUND_WINDOW_DAYS's default say 14 days", window)
	}
	var doneAt time.Time
	if err := p.db.SQL().QueryRow(`SELECT done_at FROM payment_request_states WHERE id = $1`, id).Scan(&doneAt); err != nil {
		t.Fatal(err)
	}
	p.clock.Advance(doneAt.Add(window - time.Minute).Sub(p.clock.Now()))
	shopTok, _ := p.login("bakker-a") // the first token expired days ago
	if code, body := p.refund(shopTok, id, 100, "refund-in-time"); code != http.StatusCreated {
		t.Fatalf("a refund a minute before the window closes: %d %v", code, body)
	}
	p.clock.Advance(2 * time.Minute)
	intents, refunds := p.count("chain_intents"), p.count("refunds")
	if code, body := p.refund(shopTok, id, 100, "refund-late"); code != http.StatusUnprocessableEntity || errCode(body) != "refund_window_closed" {
		t.Fatalf("a refund a minute after the window closed: %d %v", code, body)
	}
	if p.count("chain_intents") != intents || p.count("refunds") != refunds {
		t.Fatal("the refused refund wrote something")
	}
}
