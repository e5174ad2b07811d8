package e2e_test

import (
	"encoding/hex"
	"math/big"
	"net/http"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/wallet"
)

// TestPaymentRefusalsMoveNothing sends every kind of bad payment through the API and checks that each gets
// its 4xx and stable code, and that none of them wrote a relay intent, changed a request or moved a coin:
// only the one good payment and the one authorization relayed outside the API do. A payment the API
// accepts but the chain refuses fails with its reason and moves nothing either.
func TestPaymentRefusalsMoveNothing(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	s, idle := p.newShop("slager", true), p.newShop("visboer", false)
	rs := p.residents(2)
	a, b := rs[0], rs[1]
	p.fund(1000, a.addr, b.addr)
	aTok, bTok := p.login(a.p.Username), p.login(b.p.Username)
	unbound, err := p.acc.Register(p.ctx, accounts.Registration{Role: accounts.RoleResident, Username: "zonder-sleutel", Password: password})
	if err == nil {
		_, err = p.acc.Approve(p.ctx, p.admin, unbound.ID, "")
	}
	if err != nil {
		t.Fatal(err)
	}
	unboundTok := p.login("zonder-sleutel")

	open := func(cents int64) (string, wallet.PaymentRequest) {
		id, _ := p.request(s, cents)
		req, err := p.walletClient(aTok).PaymentRequest(p.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return id, req
	}
	refuse := func(name string, status int, code string, got int, body map[string]any) {
		t.Helper()
		if got != status || errCode(body) != code {
			t.Errorf("%s: %d %v, want %d %s", name, got, body, status, code)
		}
	}
	id, req := open(300)
	good := payBody(t, a.key, req, nil)
	stranger, _ := crypto.GenerateKey()
	edited := func(edit func(*payments.Authorization)) map[string]any { return payBody(t, a.key, req, edit) }
	with := func(k, v string) map[string]any {
		m := payBody(t, a.key, req, nil)
		m[k] = v
		return m
	}

	code, body := p.postPay(aTok, uuid.NewString(), good, "k-unknown")
	refuse("unknown request", http.StatusNotFound, "not_found", code, body)
	code, body = p.postPay(aTok, "not-a-request", good, "k-bad-id")
	refuse("malformed request id", http.StatusNotFound, "not_found", code, body)
	code, body = p.postPay(aTok, id, good, "")
	refuse("no Idempotency-Key", http.StatusBadRequest, "idempotency_key_required", code, body)
	code, body = p.postPay(aTok, id, with("signature", "0x1234"), "k-short-sig")
	refuse("malformed signature", http.StatusBadRequest, "bad_signature", code, body)
	code, body = p.postPay(aTok, id, with("signature", highS(t, good["signature"].(string))), "k-high-s")
	refuse("high-s signature", http.StatusBadRequest, "bad_signature", code, body)
	code, body = p.postPay(aTok, id, with("from", "0x1234"), "k-bad-from")
	refuse("malformed from", http.StatusBadRequest, "validation_failed", code, body)
	wrongKey := payBody(t, stranger, req, nil)
	wrongKey["from"] = a.addr.Hex()
	code, body = p.postPay(aTok, id, wrongKey, "k-wrong-key")
	refuse("signed by another key", http.StatusUnprocessableEntity, "signer_mismatch", code, body)
	code, body = p.postPay(aTok, id, payBody(t, b.key, req, nil), "k-other-resident")
	refuse("another resident's authorization", http.StatusUnprocessableEntity, "signer_mismatch", code, body)
	code, body = p.postPay(aTok, id, edited(func(x *payments.Authorization) { x.Value = big.NewInt(299) }), "k-amount")
	refuse("another amount", http.StatusUnprocessableEntity, "amount_mismatch", code, body)
	code, body = p.postPay(aTok, id, edited(func(x *payments.Authorization) { x.To = b.addr }), "k-recipient")
	refuse("another recipient", http.StatusUnprocessableEntity, "recipient_mismatch", code, body)
	code, body = p.postPay(aTok, id, edited(func(x *payments.Authorization) { x.ValidBefore += 3600 }), "k-window")
	refuse("another window", http.StatusUnprocessableEntity, "window_mismatch", code, body)
	// The other request's nonce in this request's authorization otherwise: the other request's own terms
	// could have another window, when it was opened in a later second.
	otherID, otherReq := open(300)
	_, otherTerms, err := wallet.Terms(otherReq)
	if err != nil {
		t.Fatal(err)
	}
	code, body = p.postPay(aTok, id, edited(func(x *payments.Authorization) { x.Nonce = otherTerms.Nonce }), "k-nonce")
	refuse("another request's nonce", http.StatusUnprocessableEntity, "nonce_mismatch", code, body)
	code, body = p.postPay(unboundTok, id, good, "k-unbound")
	refuse("no bound wallet", http.StatusUnprocessableEntity, "wallet_not_bound", code, body)
	bigID, bigReq := open(1500)
	code, body = p.postPay(aTok, bigID, payBody(t, a.key, bigReq, nil), "k-too-much")
	refuse("more than the balance", http.StatusUnprocessableEntity, "insufficient_balance", code, body)
	p.expect(http.StatusForbidden, "shop_not_active", "POST", "/v1/shop/payment-requests", idle.token, map[string]any{"amount_cents": 100})

	// Expiry: the request's clock runs out (moved in the database; the window stays as signed).
	if _, err := p.db.SQL().ExecContext(p.ctx, `UPDATE payment_requests SET created_at = now() - interval '10 minutes',
		expires_at = now() - interval '1 second' WHERE id = $1`, otherID); err != nil {
		t.Fatal(err)
	}
	code, body = p.postPay(aTok, otherID, payBody(t, a.key, otherReq, nil), "k-expired")
	refuse("expired request", http.StatusUnprocessableEntity, "request_expired", code, body)

	// The good payment; then a second one of the same request, and the same key with another body.
	if code, body = p.postPay(aTok, id, good, "k-good"); code != http.StatusOK || body["status"] != "submitted" {
		t.Fatalf("the good payment: %d %v", code, body)
	}
	code, body = p.postPay(aTok, id, good, "k-good-again")
	refuse("paid request", http.StatusConflict, "already_paid", code, body)
	code, body = p.postPay(bTok, id, payBody(t, b.key, req, nil), "k-b-paid")
	refuse("paid request, other resident", http.StatusConflict, "already_paid", code, body)
	code, body = p.postPay(aTok, bigID, payBody(t, a.key, bigReq, nil), "k-good")
	refuse("key reused for another request", http.StatusUnprocessableEntity, "idempotency_conflict", code, body)
	nextID, nextReq := open(800)
	code, body = p.postPay(aTok, nextID, payBody(t, a.key, nextReq, nil), "k-in-flight")
	refuse("more than the balance less the payment in flight", http.StatusUnprocessableEntity, "insufficient_balance", code, body)

	// An authorization relayed outside the API uses its nonce on chain; the API then refuses it.
	usedID, usedReq := open(300)
	d, auth, _ := wallet.Terms(usedReq)
	auth.From = b.addr
	if auth.Signature, err = payments.Sign(d, auth, b.key); err != nil {
		t.Fatal(err)
	}
	outsider := testenv.Chain(t).FundedKey(t)
	tx := p.relayTx(outsider, 0, auth, p.baseFee())
	p.sendRaw(txsOf(tx))
	if r, err := chain.WaitReceipt(p.ctx, p.client, tx.Hash()); err != nil || r.Status != 1 {
		t.Fatalf("direct relay: %v %v", r, err)
	}
	p.waitIndexed()
	code, body = p.postPay(bTok, usedID, payBody(t, b.key, usedReq, nil), "k-used")
	refuse("nonce used on chain", http.StatusConflict, "nonce_used", code, body)

	// A payment the API accepts but the chain would refuse (its window closed on chain) fails with the
	// reason, tells both screens, moves nothing and cannot be paid again.
	failID := p.failOnChain(t, s, aTok, a)
	code, body = p.postPay(aTok, failID, good, "k-after-failure")
	refuse("failed payment", http.StatusConflict, "payment_failed", code, body)

	p.waitIntents("the good payment", "payment:"+id)
	p.waitIndexed()
	if n := p.count(`SELECT count(*) FROM chain_intents WHERE kind = 'transfer_with_authorization' AND status = 'confirmed'`); n != 1 {
		t.Fatalf("%d relay intents confirmed, want only the good payment's", n)
	}
	if n := p.count(`SELECT count(*) FROM payment_requests WHERE intent_id IS NOT NULL`); n != 2 {
		t.Fatalf("%d requests paid, want the good one and the failed one", n)
	}
	for who, want := range map[common.Address]int64{a.addr: 700, b.addr: 700, s.addr: 600, idle.addr: 0} {
		if got := p.balanceOf(who); got.Int64() != want || p.ledgerBalance(who) != want {
			t.Errorf("%s holds %s on chain and %d in the ledger, want %d", who.Hex(), got, p.ledgerBalance(who), want)
		}
	}
}

// highS turns a signature into its malleable twin (s → n−s, v flipped), which recovers to the same
// address but which the contract, and so the API, refuses.
func highS(t *testing.T, sigHex string) string {
	sig, err := hex.DecodeString(strings.TrimPrefix(sigHex, "0x"))
	if err != nil || len(sig) != 65 {
		t.Fatalf("signature %q", sigHex)
	}
	s := new(big.Int).Sub(crypto.S256().Params().N, new(big.Int).SetBytes(sig[32:64]))
	copy(sig[32:64], common.LeftPadBytes(s.Bytes(), 32))
	sig[64] ^= 1
	return "0x" + hex.EncodeToString(sig)
}

// failOnChain has resident r pay a request whose authorization window was closed on chain (moved in the
// database, as a clock far ahead would): the API accepts it, the relayer's pre-check refuses it, and the
// payment fails with the reason for both the resident and the shop. It returns the request's id.
func (p *platform) failOnChain(t *testing.T, s shop, token string, r resident) string {
	id, _ := p.request(s, 100)
	if _, err := p.db.SQL().ExecContext(p.ctx, `UPDATE payment_requests SET valid_after = 1,
		valid_before = extract(epoch FROM now())::bigint - 60 WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	req, err := p.walletClient(token).PaymentRequest(p.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	shopEvents := p.follow(s.token, id)
	if code, body := p.postPay(token, id, payBody(t, r.key, req, nil), "k-fails-on-chain"); code != http.StatusOK {
		t.Fatalf("a payment the chain refuses: %d %v", code, body)
	}
	for who, evs := range map[string][]wallet.Event{"resident": p.events(p.walletClient(token), id), "shop": <-shopEvents} {
		if len(evs) != 2 || evs[1].Name != "failed" || !strings.Contains(evs[1].Reason, "EIP3009AuthorizationExpired") {
			t.Fatalf("the %s's events of a failed payment: %+v", who, evs)
		}
	}
	return id
}
