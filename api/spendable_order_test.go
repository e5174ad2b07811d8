package api

import (
	"context"
	"math/big"
	"net/http"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payments"
)

// holder is an account whose statement the test follows through GET /v1/me/balance.
type holder struct {
	name, token string
}

type figures struct{ balance, pending, spendable int64 }

func (a *testAPI) expectFigures(when string, h holder, want figures) {
	a.t.Helper()
	out := a.expect(http.StatusOK, "", "GET", "/v1/me/balance", h.token, nil)
	got := figures{int64(out["balance_cents"].(float64)), int64(out["pending_cents"].(float64)),
		int64(out["spendable_cents"].(float64))}
	if got != want {
		a.t.Fatalf("%s: %s has balance, pending, spendable %v; want %v", when, h.name, got, want)
	}
}

// TestSpendableCountsEachMovementOnceInEitherOrder takes a mint, a payment, a refund and a redeem through
// the outbox and the ledger twice: once with the indexer applying each block before the sender records the
// receipt, once the other way round. After every step GET /v1/me/balance of both sides is exact, and while
// the two disagree a payment that what is spendable covers is accepted and one cent more is refused.
func TestSpendableCountsEachMovementOnceInEitherOrder(t *testing.T) {
	t.Parallel()
	for _, indexerFirst := range []bool{true, false} {
		name := map[bool]string{true: "indexer ahead of the sender", false: "sender ahead of the indexer"}[indexerFirst]
		t.Run(name, func(t *testing.T) { spendableInOrder(t, indexerFirst) })
	}
}

func spendableInOrder(t *testing.T, indexerFirst bool) {
	ctx := context.Background()
	p := newPaymentsAPI(t) // resident A holds 1000 cents, settled
	c := p.chain
	res, shop := holder{"the resident", p.resA}, holder{"the shop", p.shopA}

	// settle mines a sent intent and lets the indexer and the sender see it in the order under test; mid
	// runs between the two.
	settle := func(in outbox.Intent, mid func()) {
		t.Helper()
		c.mine(in)
		if indexerFirst {
			c.index(in)
		} else {
			c.confirm(in)
		}
		mid()
		if indexerFirst {
			c.confirm(in)
		} else {
			c.index(in)
		}
	}
	// either picks the expected figures of the moment between the two.
	either := func(ifIndexed, ifConfirmed figures) figures {
		if indexerFirst {
			return ifIndexed
		}
		return ifConfirmed
	}

	// A reward of 1000 cents: on its way while queued and sent, spendable once confirmed or indexed.
	mint, err := p.db.Outbox().Enqueue(ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: "mint:test",
		Args: outbox.Args{To: p.addrA, Amount: big.NewInt(1000), Ref: crypto.Keccak256Hash([]byte("second claim"))}})
	if err != nil {
		t.Fatal(err)
	}
	p.expectFigures("mint queued", res, figures{1000, 1000, 1000})
	c.send(mint)
	p.expectFigures("mint sent", res, figures{1000, 1000, 1000})
	settle(mint, func() {
		p.expectFigures("mint half seen", res, either(figures{2000, 0, 2000}, figures{1000, 1000, 2000}))
	})
	p.expectFigures("mint settled", res, figures{2000, 0, 2000})

	// A payment of 400 cents: spendable drops at once, and the coins move once.
	first := p.request(400)
	p.pay(first, http.StatusOK, "")
	p.expectFigures("payment submitted", res, figures{2000, 0, 1600})
	p.expectFigures("payment submitted", shop, figures{0, 0, 0})
	payment := c.intent("payment:" + first.ID)
	c.send(payment)
	var second payments.Request
	settle(payment, func() {
		p.expectFigures("payment half seen", res, either(figures{1600, 0, 1600}, figures{2000, 0, 1600}))
		p.expectFigures("payment half seen", shop, either(figures{400, 0, 400}, figures{0, 0, 400}))
		// What is spendable is what may be paid: all of it, and not a cent more.
		p.pay(p.request(1601), http.StatusUnprocessableEntity, "insufficient_balance")
		second = p.request(1600)
		p.pay(second, http.StatusOK, "")
		p.expectFigures("second payment submitted", res, either(figures{1600, 0, 0}, figures{2000, 0, 0}))
	})
	p.expectFigures("payment settled", res, figures{1600, 0, 0})
	p.expectFigures("payment settled", shop, figures{400, 0, 400})
	secondPayment := c.intent("payment:" + second.ID)
	c.send(secondPayment)
	settle(secondPayment, func() {
		p.expectFigures("second payment half seen", res, either(figures{0, 0, 0}, figures{1600, 0, 0}))
		p.expectFigures("second payment half seen", shop, either(figures{2000, 0, 2000}, figures{400, 0, 2000}))
	})
	p.expectFigures("second payment settled", shop, figures{2000, 0, 2000})

	// A refund of 150 cents of the first payment: out of the shop's spendable at once, into the resident's
	// once confirmed or indexed.
	if code, body := p.refund(p.shopA, first.ID, 150, "refund-1"); code != http.StatusCreated {
		t.Fatalf("refund: %d %v", code, body)
	}
	p.expectFigures("refund submitted", shop, figures{2000, 0, 1850})
	p.expectFigures("refund submitted", res, figures{0, 0, 0})
	var refundKey string
	if err := p.db.SQL().QueryRow(`SELECT i.idempotency_key FROM refunds r JOIN chain_intents i ON i.id = r.intent_id
		WHERE r.payment_id = $1`, first.ID).Scan(&refundKey); err != nil {
		t.Fatal(err)
	}
	refund := c.intent(refundKey)
	c.send(refund)
	settle(refund, func() {
		p.expectFigures("refund half seen", shop, either(figures{1850, 0, 1850}, figures{2000, 0, 1850}))
		p.expectFigures("refund half seen", res, either(figures{150, 0, 150}, figures{0, 0, 150}))
	})
	p.expectFigures("refund settled", shop, figures{1850, 0, 1850})
	p.expectFigures("refund settled", res, figures{150, 0, 150})

	// A payout redeems 1850 cents of the shop's: out of its spendable from the moment it is queued.
	redeem, err := p.db.Outbox().Enqueue(ctx, outbox.Intent{Signer: "operator", Kind: outbox.KindRedeem, IdempotencyKey: "redeem:test",
		Args: outbox.Args{From: first.ShopAddress, Amount: big.NewInt(1850), Ref: crypto.Keccak256Hash([]byte("run"))}})
	if err != nil {
		t.Fatal(err)
	}
	p.expectFigures("redeem queued", shop, figures{1850, 0, 0})
	c.send(redeem)
	settle(redeem, func() {
		p.expectFigures("redeem half seen", shop, either(figures{0, 0, 0}, figures{1850, 0, 0}))
	})
	p.expectFigures("redeem settled", shop, figures{0, 0, 0})
	p.expectFigures("redeem settled", res, figures{150, 0, 150})
}
