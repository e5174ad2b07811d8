package api

import (
	"context"
	"math/big"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/balances"
	"github.com/heerlen/heitje/internal/ledger"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payments"
)

// chainByHand plays the sender and the indexer against the test database, one step at a time, so a test
// decides which of them comes first: send signs an intent (status sent), confirm records its receipt,
// index applies a block with its events as the indexer does.
type chainByHand struct {
	t      *testing.T
	a      *testAPI
	token  common.Address
	cursor *ledger.Block
	nonces map[string]uint64
	tx     map[int64]common.Hash
	block  map[int64]uint64
}

func newChainByHand(a *testAPI) *chainByHand {
	return &chainByHand{t: a.t, a: a, token: common.HexToAddress("0xc011"), nonces: map[string]uint64{},
		tx: map[int64]common.Hash{}, block: map[int64]uint64{}}
}

// intent finds an intent by its idempotency key.
func (c *chainByHand) intent(key string) outbox.Intent {
	c.t.Helper()
	in, err := c.a.db.Outbox().ByIdempotencyKey(context.Background(), key)
	if err != nil {
		c.t.Fatalf("intent %s: %v", key, err)
	}
	return in
}

// send gives the intent a nonce and a signed transaction, as the sender does before broadcasting.
func (c *chainByHand) send(in outbox.Intent) {
	c.t.Helper()
	ctx := context.Background()
	ob := c.a.db.Outbox()
	signer := common.BytesToAddress(crypto.Keccak256([]byte(in.Signer)))
	if _, err := ob.RegisterKey(ctx, in.Signer, signer); err != nil {
		c.t.Fatal(err)
	}
	n := c.nonces[in.Signer]
	c.nonces[in.Signer] = n + 1
	c.tx[in.ID] = crypto.Keccak256Hash([]byte(in.IdempotencyKey))
	if err := ob.AssignNonces(ctx, in.Signer, []outbox.Signed{{IntentID: in.ID, Nonce: n, TxHash: c.tx[in.ID],
		RawTx: []byte{1}}}, n+1); err != nil {
		c.t.Fatal(err)
	}
}

// mine picks the block of a sent intent's transaction: the block after the indexer's cursor.
func (c *chainByHand) mine(in outbox.Intent) {
	next := uint64(1)
	if c.cursor != nil {
		next = c.cursor.Number + 1
	}
	c.block[in.ID] = next
}

// confirm records the receipt of a mined intent, as the sender does.
func (c *chainByHand) confirm(in outbox.Intent) {
	c.t.Helper()
	if err := c.a.db.Outbox().Finish(context.Background(), []outbox.Outcome{{IntentID: in.ID, Status: outbox.StatusConfirmed,
		TxHash: c.tx[in.ID], BlockNumber: c.block[in.ID]}}); err != nil {
		c.t.Fatal(err)
	}
}

// index applies the mined intent's block with the events its transaction emitted, as the indexer does.
func (c *chainByHand) index(in outbox.Intent) {
	c.t.Helper()
	b := ledger.Block{Number: c.block[in.ID], Hash: common.BigToHash(new(big.Int).SetUint64(1000 + c.block[in.ID]))}
	at := func(i uint, e ledger.Event) ledger.Event {
		e.BlockNumber, e.BlockHash, e.BlockTime, e.TxHash, e.LogIndex = b.Number, b.Hash, time.Now(), c.tx[in.ID], i
		return e
	}
	var events []ledger.Event
	switch in.Kind {
	case outbox.KindMint:
		events = []ledger.Event{
			at(0, ledger.Event{Name: ledger.EventTransfer, To: in.Args.To, Amount: in.Args.Amount}),
			at(1, ledger.Event{Name: ledger.EventMinted, To: in.Args.To, Amount: in.Args.Amount, Ref: in.Args.Ref})}
	case outbox.KindRedeem:
		events = []ledger.Event{
			at(0, ledger.Event{Name: ledger.EventTransfer, From: in.Args.From, Amount: in.Args.Amount}),
			at(1, ledger.Event{Name: ledger.EventRedeemed, From: in.Args.From, Amount: in.Args.Amount, Ref: in.Args.Ref})}
	case outbox.KindTransferWithAuthorization:
		events = []ledger.Event{
			at(0, ledger.Event{Name: ledger.EventAuthorizationUsed, From: in.Args.From, AuthNonce: in.Args.Nonce}),
			at(1, ledger.Event{Name: ledger.EventTransfer, From: in.Args.From, To: in.Args.To, Amount: in.Args.Amount})}
	case outbox.KindGrantAcceptor:
		events = []ledger.Event{at(0, ledger.Event{Name: ledger.EventRoleGranted, To: in.Args.To,
			Role: crypto.Keccak256Hash([]byte("ACCEPTOR_ROLE"))})}
	}
	if err := c.a.db.Ledger().Apply(context.Background(), c.token, c.cursor, events, nil, b); err != nil {
		c.t.Fatal(err)
	}
	c.cursor = &b
}

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
	for _, indexerFirst := range []bool{true, false} {
		name := map[bool]string{true: "indexer ahead of the sender", false: "sender ahead of the indexer"}[indexerFirst]
		t.Run(name, func(t *testing.T) { spendableInOrder(t, indexerFirst) })
	}
}

func spendableInOrder(t *testing.T, indexerFirst bool) {
	ctx := context.Background()
	a := newTestAPI(t, defaultTestOptions())
	keys := a.keys
	domain := payments.Domain{ChainID: 6411, Token: common.HexToAddress("0xc011")}
	svc, err := payments.New(a.db.Payments(keys), payments.Options{Domain: domain, HashWait: time.Millisecond, Now: a.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	a.deps.Payments, a.deps.Balances = svc, balances.New(a.db.Balances())
	a.h = New(a.deps)
	c := newChainByHand(a)

	adminTok := a.admin("beheer")
	resTok := a.approvedResident(adminTok, "kabouter")
	nonce, msg := a.challenge(resTok)
	phone := newPhone(t)
	a.expect(http.StatusOK, "", "PUT", "/v1/me/wallet", resTok, map[string]any{"address": phone.addr,
		"signature": phone.sign(t, msg), "nonce": nonce})
	resKey, _ := crypto.ToECDSA(phone.key)
	shopID := a.register(map[string]any{"role": "shop", "username": "bakker", "shop": map[string]any{"legal_name": "Bakkerij Bakker",
		"kvk": "12345678", "iban": "NL91ABNA0417164300", "address": "Markt 1, Heerlen"}})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+shopID+"/approve", adminTok, nil)
	a.expect(http.StatusOK, "", "POST", "/v1/admin/shops/"+shopID+"/activate", adminTok, nil)
	activation := c.intent(accounts.ActivationIntent(shopID, "").IdempotencyKey)
	c.send(activation)
	c.mine(activation)
	c.confirm(activation)
	c.index(activation)
	shopTok, _ := a.login("bakker")
	res, shop := holder{"the resident", resTok}, holder{"the shop", shopTok}
	resAddr := common.HexToAddress(phone.addr)
	var shopAddr string
	if err := a.db.SQL().QueryRow(`SELECT wallet_address FROM accounts WHERE id = $1`, shopID).Scan(&shopAddr); err != nil {
		t.Fatal(err)
	}

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
	mint, err := a.db.Outbox().Enqueue(ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: "mint:test",
		Args: outbox.Args{To: resAddr, Amount: big.NewInt(1000), Ref: crypto.Keccak256Hash([]byte("claim"))}})
	if err != nil {
		t.Fatal(err)
	}
	a.expectFigures("mint queued", res, figures{0, 1000, 0})
	c.send(mint)
	a.expectFigures("mint sent", res, figures{0, 1000, 0})
	settle(mint, func() {
		a.expectFigures("mint half seen", res, either(figures{1000, 0, 1000}, figures{0, 1000, 1000}))
	})
	a.expectFigures("mint settled", res, figures{1000, 0, 1000})

	// A payment of 400 cents: spendable drops at once, and moves once.
	request := func(cents int64) payments.Request {
		t.Helper()
		out := a.expect(http.StatusCreated, "", "POST", "/v1/shop/payment-requests", shopTok, map[string]any{"amount_cents": cents})
		r, err := a.db.Payments(keys).Request(ctx, out["id"].(string))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	pay := func(r payments.Request, status int, code string) {
		t.Helper()
		auth := payments.Authorization{From: resAddr, To: r.ShopAddress, Value: big.NewInt(r.AmountCents),
			ValidAfter: r.ValidAfter, ValidBefore: r.ValidBefore, Nonce: r.Nonce}
		sig, err := payments.Sign(domain, auth, resKey)
		if err != nil {
			t.Fatal(err)
		}
		a.expect(status, code, "POST", "/v1/payment-requests/"+r.ID+"/pay", resTok, map[string]any{
			"from": resAddr.Hex(), "valid_after": r.ValidAfter, "valid_before": r.ValidBefore, "nonce": r.Nonce.Hex(),
			"signature": "0x" + common.Bytes2Hex(sig)}, "Idempotency-Key", r.ID)
	}
	first := request(400)
	pay(first, http.StatusOK, "")
	a.expectFigures("payment submitted", res, figures{1000, 0, 600})
	a.expectFigures("payment submitted", shop, figures{0, 0, 0})
	payment := c.intent("payment:" + first.ID)
	c.send(payment)
	var second payments.Request
	settle(payment, func() {
		a.expectFigures("payment half seen", res, either(figures{600, 0, 600}, figures{1000, 0, 600}))
		a.expectFigures("payment half seen", shop, either(figures{400, 0, 400}, figures{0, 0, 400}))
		// What is spendable is what may be paid: all of it, and not a cent more.
		over := request(601)
		pay(over, http.StatusUnprocessableEntity, "insufficient_balance")
		second = request(600)
		pay(second, http.StatusOK, "")
		a.expectFigures("second payment submitted", res, either(figures{600, 0, 0}, figures{1000, 0, 0}))
	})
	a.expectFigures("payment settled", res, figures{600, 0, 0})
	a.expectFigures("payment settled", shop, figures{400, 0, 400})
	secondPayment := c.intent("payment:" + second.ID)
	c.send(secondPayment)
	settle(secondPayment, func() {
		a.expectFigures("second payment half seen", res, either(figures{0, 0, 0}, figures{600, 0, 0}))
		a.expectFigures("second payment half seen", shop, either(figures{1000, 0, 1000}, figures{400, 0, 1000}))
	})
	a.expectFigures("second payment settled", shop, figures{1000, 0, 1000})

	// A refund of 150 cents of the first payment: out of the shop's spendable at once, into the resident's
	// once confirmed or indexed.
	a.expect(http.StatusCreated, "", "POST", "/v1/shop/payment-requests/"+first.ID+"/refunds", shopTok,
		map[string]any{"amount_cents": 150, "reason": "te veel betaald"}, "Idempotency-Key", "refund-1")
	a.expectFigures("refund submitted", shop, figures{1000, 0, 850})
	a.expectFigures("refund submitted", res, figures{0, 0, 0})
	var refundKey string
	if err := a.db.SQL().QueryRow(`SELECT i.idempotency_key FROM refunds r JOIN chain_intents i ON i.id = r.intent_id
		WHERE r.payment_id = $1`, first.ID).Scan(&refundKey); err != nil {
		t.Fatal(err)
	}
	refund := c.intent(refundKey)
	c.send(refund)
	settle(refund, func() {
		a.expectFigures("refund half seen", shop, either(figures{850, 0, 850}, figures{1000, 0, 850}))
		a.expectFigures("refund half seen", res, either(figures{150, 0, 150}, figures{0, 0, 150}))
	})
	a.expectFigures("refund settled", shop, figures{850, 0, 850})
	a.expectFigures("refund settled", res, figures{150, 0, 150})

	// A payout redeems 850 cents of the shop's: out of its spendable from the moment it is queued.
	redeem, err := a.db.Outbox().Enqueue(ctx, outbox.Intent{Signer: "operator", Kind: outbox.KindRedeem, IdempotencyKey: "redeem:test",
		Args: outbox.Args{From: common.HexToAddress(shopAddr), Amount: big.NewInt(850), Ref: crypto.Keccak256Hash([]byte("run"))}})
	if err != nil {
		t.Fatal(err)
	}
	a.expectFigures("redeem queued", shop, figures{850, 0, 0})
	c.send(redeem)
	settle(redeem, func() {
		a.expectFigures("redeem half seen", shop, either(figures{0, 0, 0}, figures{850, 0, 0}))
	})
	a.expectFigures("redeem settled", shop, figures{0, 0, 0})
	a.expectFigures("redeem settled", res, figures{150, 0, 150})
}
