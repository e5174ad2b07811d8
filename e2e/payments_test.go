package e2e_test

import (
	"context"
	"math/big"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/photos/phototest"
	"github.com/heerlen/heitje/internal/wallet"
)

// TestPaymentEndToEnd has a resident earn a reward through the chores flow with the wallet client (register,
// key file, bind, claim), pay a shop's payment request by its QR URI, and the shop refund part of it; the
// chain, the indexer, both balances, both histories, the shop's takings and both event streams agree.
func TestPaymentEndToEnd(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	ctx := p.ctx
	s := p.newShop("bakker-bart", true)
	reviewerTok := p.reviewer("keurder")

	// The resident, the way the phone app does it.
	w := wallet.NewClient(p.base)
	id, err := w.Register(ctx, "zonnebloem", password)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.acc.Approve(ctx, p.admin, id, ""); err != nil {
		t.Fatal(err)
	}
	if err := w.Login(ctx, "zonnebloem", password); err != nil {
		t.Fatal(err)
	}
	key, err := wallet.Create(filepath.Join(t.TempDir(), "wallet.json"), "a long passphrase")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.BindWallet(ctx, key); err != nil {
		t.Fatal(err)
	}
	choreID := p.chore(1500, 3).ID
	list, err := w.Chores(ctx)
	if err != nil || len(list) != 1 || list[0].ID != choreID {
		t.Fatalf("chores: %v %v", list, err)
	}
	claim, err := w.ClaimChore(ctx, choreID)
	if err != nil {
		t.Fatal(err)
	}
	if code, body := p.upload("/v1/claims/"+claim.ID+"/proof", w.Token(), [][]byte{phototest.JPEG(32, 24)}, ""); code != http.StatusOK {
		t.Fatalf("proof: %d %v", code, body)
	}
	p.expect(http.StatusOK, "", "POST", "/v1/admin/claims/"+claim.ID+"/approve", reviewerTok, nil)
	p.waitFor("the reward in the balance", 2*time.Minute, func() bool {
		b, err := w.Balance(ctx)
		return err == nil && b.BalanceCents == 1500
	})

	// The shop asks for €12.50; both screens follow the payment.
	reqID, qr := p.request(s, 1250)
	shopEvents, residentEvents := p.follow(s.token, reqID), make(chan []wallet.Event, 1)
	sub, err := w.Pay(ctx, key, qr, "betaling-1")
	if err != nil || sub.Status != "submitted" || sub.TxHash == "" {
		t.Fatalf("pay: %+v %v", sub, err)
	}
	// What the resident may spend drops the moment the payment is submitted, before any block.
	if b, err := w.Balance(ctx); err != nil || b.SpendableCents != 250 {
		t.Fatalf("balance right after paying: %+v %v, want 250 spendable", b, err)
	}
	go func() { residentEvents <- p.events(w, reqID) }()
	for who, ch := range map[string]chan []wallet.Event{"shop": shopEvents, "resident": residentEvents} {
		evs := <-ch
		if len(evs) != 2 || evs[0].Name != "submitted" || evs[1].Name != "confirmed" || evs[1].TxHash != sub.TxHash {
			t.Fatalf("the %s's events: %+v", who, evs)
		}
	}

	// A replay answers the same; the same key with another body, or another payment, is refused.
	again, err := w.Pay(ctx, key, reqID, "betaling-1")
	if err != nil || again.TxHash != sub.TxHash {
		t.Fatalf("replay: %+v %v", again, err)
	}
	if _, err := w.Pay(ctx, key, reqID, "betaling-2"); apiCode(err) != "already_paid" {
		t.Fatalf("a second payment: %v", err)
	}

	p.waitIndexed()
	p.agree(s, key.Address(), w.Token(), 250, 1250)
	hist := p.expect(http.StatusOK, "", "GET", "/v1/me/payments", w.Token(), nil)["payments"].([]any)
	shopHist := p.expect(http.StatusOK, "", "GET", "/v1/me/payments", s.token, nil)["payments"].([]any)
	for _, h := range [][]any{hist, shopHist} {
		if len(h) != 1 || h[0].(map[string]any)["status"] != "confirmed" || h[0].(map[string]any)["tx_hash"] != sub.TxHash {
			t.Fatalf("payment history: %v", h)
		}
	}

	// The shop gives €2.50 back.
	refund := p.refund(s, reqID, 250, "one croissant was missing", "refund-1", http.StatusCreated)
	if p.refund(s, reqID, 250, "one croissant was missing", "refund-1", http.StatusCreated)["id"] != refund["id"] {
		t.Fatal("a replayed refund made another refund")
	}
	if body := p.refund(s, reqID, 1001, "too much", "refund-2", http.StatusUnprocessableEntity); errCode(body) != "refund_exceeds_payment" {
		t.Fatalf("an excessive refund: %v", body)
	}
	p.waitFor("the refund", 2*time.Minute, func() bool {
		h := p.expect(http.StatusOK, "", "GET", "/v1/me/payments", w.Token(), nil)["payments"].([]any)[0].(map[string]any)
		rs := h["refunds"].([]any)
		return len(rs) == 1 && rs[0].(map[string]any)["status"] == "confirmed" && h["refunded_cents"] == float64(250)
	})
	p.waitIndexed()
	p.agree(s, key.Address(), w.Token(), 500, 1000)
	takings := p.expect(http.StatusOK, "", "GET", "/v1/shop/takings", s.token, nil)
	if takings["payments"] != float64(1) || takings["gross_cents"] != float64(1250) || takings["refunded_cents"] != float64(250) ||
		takings["net_cents"] != float64(1000) || takings["date"] != time.Now().In(amsterdam(t)).Format(time.DateOnly) {
		t.Fatalf("takings: %v", takings)
	}
}

// agree checks that the chain, the ledger and GET /v1/me/balance of both sides say the same, and that
// both sides' /v1/me/transactions end with the payment.
func (p *platform) agree(s shop, resident common.Address, residentTok string, residentCents, shopCents int64) {
	p.tb.Helper()
	for _, c := range []struct {
		who   string
		addr  common.Address
		token string
		cents int64
	}{{"resident", resident, residentTok, residentCents}, {"shop", s.addr, s.token, shopCents}} {
		chainBal := p.balanceOf(c.addr)
		api := p.expect(http.StatusOK, "", "GET", "/v1/me/balance", c.token, nil)
		if chainBal.Cmp(big.NewInt(c.cents)) != 0 || p.ledgerBalance(c.addr) != c.cents || api["balance_cents"] != float64(c.cents) ||
			api["spendable_cents"] != float64(c.cents) {
			p.tb.Fatalf("%s: chain %s, ledger %d, API %v; want %d", c.who, chainBal, p.ledgerBalance(c.addr), api, c.cents)
		}
		txs := p.expect(http.StatusOK, "", "GET", "/v1/me/transactions", c.token, nil)["transactions"].([]any)
		var sum float64
		for _, tx := range txs {
			m := tx.(map[string]any)
			if m["direction"] == "in" {
				sum += m["amount_cents"].(float64)
			} else {
				sum -= m["amount_cents"].(float64)
			}
		}
		if sum != float64(c.cents) {
			p.tb.Fatalf("%s: the history adds up to %v, the balance is %d: %v", c.who, sum, c.cents, txs)
		}
	}
}

// follow starts reading a payment's event stream as token's holder; the channel gets the events at the end.
func (p *platform) follow(token, id string) chan []wallet.Event {
	ch := make(chan []wallet.Event, 1)
	go func() { ch <- p.events(p.walletClient(token), id) }()
	return ch
}

func (p *platform) events(w *wallet.Client, id string) []wallet.Event {
	ctx, cancel := context.WithTimeout(p.ctx, 2*time.Minute)
	defer cancel()
	var evs []wallet.Event
	w.Events(ctx, id, func(e wallet.Event) error { evs = append(evs, e); return nil })
	return evs
}

// refund asks for a refund and expects status.
func (p *platform) refund(s shop, id string, cents int64, reason, key string, status int) map[string]any {
	p.tb.Helper()
	code, body := p.postJSON(s.token, "/v1/shop/payment-requests/"+id+"/refunds",
		map[string]any{"amount_cents": cents, "reason": reason}, key)
	if code != status {
		p.tb.Fatalf("refund: %d %v, want %d", code, body, status)
	}
	return body
}

func apiCode(err error) string {
	if e, ok := err.(*wallet.APIError); ok {
		return e.Code
	}
	return ""
}

func amsterdam(t *testing.T) *time.Location {
	z, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	return z
}
