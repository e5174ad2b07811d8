package store

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/idempotency"
	"github.com/heerlen/heitje/internal/ledger"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payments"
)

// paymentFixture is a migrated database with an approved shop (with its key) and a resident with a bound
// address who holds 1000 cents in the ledger (a mint in block 10, indexed).
type paymentFixture struct {
	ctx              context.Context
	db               *DB
	s                *PaymentStore
	shop             accounts.Account
	resident         common.Address
	residentID, name string
	cursor           *ledger.Block
}

func newPaymentFixture(t *testing.T) *paymentFixture {
	t.Helper()
	ctx := context.Background()
	db := migrated(t)
	kr, _, lk := testKeys(t, "k1")
	acc := db.Accounts(kr, lk)
	shop, res := newAccount(accounts.RoleShop, "bakker"), newAccount(accounts.RoleResident, "kabouter")
	key, _ := crypto.GenerateKey()
	shop.Status, shop.NewShopKey, shop.WalletAddress = accounts.StatusApproved, crypto.FromECDSA(key), lowerHex(crypto.PubkeyToAddress(key.PublicKey))
	res.Status, res.WalletAddress = accounts.StatusApproved, "0x00000000000000000000000000000000000000a1"
	for _, a := range []accounts.Account{shop, res} {
		if err := acc.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	f := &paymentFixture{ctx: ctx, db: db, s: db.Payments(kr), shop: shop, resident: common.HexToAddress(res.WalletAddress),
		residentID: res.ID, name: "Bakkerij bakker"}
	f.index(t, 10, common.HexToHash("0xb10"), common.Address{}, f.resident, 1000)
	return f
}

// index applies block number to the ledger as the indexer does, with one Transfer of cents in transaction
// tx.
func (f *paymentFixture) index(t *testing.T, number uint64, tx common.Hash, from, to common.Address, cents int64) {
	t.Helper()
	b := ledger.Block{Number: number, Hash: common.BigToHash(new(big.Int).SetUint64(number))}
	ev := ledger.Event{BlockNumber: number, BlockHash: b.Hash, BlockTime: time.Now(), TxHash: tx, Name: ledger.EventTransfer,
		From: from, To: to, Amount: big.NewInt(cents)}
	if err := f.db.Ledger().Apply(f.ctx, paymentsToken, f.cursor, []ledger.Event{ev}, nil, b); err != nil {
		t.Fatal(err)
	}
	f.cursor = &b
}

var paymentsToken = common.HexToAddress("0x000000000000000000000000000000000000c011")

// request inserts an open request of cents that expires after ttl (in the past when negative).
func (f *paymentFixture) request(t *testing.T, cents int64, ttl time.Duration) payments.Request {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Second)
	r := payments.Request{ID: uuid.NewString(), ShopID: f.shop.ID, ShopAddress: common.HexToAddress(f.shop.WalletAddress),
		AmountCents: cents, CreatedAt: now.Add(-time.Hour), ExpiresAt: now.Add(ttl), ValidAfter: 1,
		ValidBefore: uint64(now.Add(ttl + time.Minute).Unix())}
	r.Nonce = crypto.Keccak256Hash([]byte(r.ID))
	if err := f.s.CreateRequest(f.ctx, r); err != nil {
		t.Fatal(err)
	}
	return r
}

// pay marks a request paid by the resident through the store's Pay, as the service does, holding the
// account lock of lockID, under a key of the request's own; it returns the relay intent's id.
func (f *paymentFixture) pay(id, lockID string) (int64, error) {
	var intentID int64
	key := "key-" + id
	err := f.s.Pay(f.ctx, lockID, key, id, func(pf payments.PayFacts) (*payments.PayWrite, error) {
		r := pf.Request
		switch {
		case !pf.Found:
			return nil, payments.ErrNotFound
		case r.Paid():
			return nil, payments.ErrAlreadyPaid
		}
		now := time.Now()
		r.PayerID, r.PayerAddress, r.IntentID, r.SubmittedAt = f.residentID, f.resident, pf.IntentID, &now
		intentID = pf.IntentID
		return &payments.PayWrite{
			Intent: outbox.Intent{ID: pf.IntentID, Signer: "relayer-0", Kind: outbox.KindTransferWithAuthorization,
				IdempotencyKey: "payment:" + id, Args: outbox.Args{From: f.resident, To: r.ShopAddress, Amount: big.NewInt(r.AmountCents)}},
			Request: r, Signature: make([]byte, 65),
			Idempotency: idempotency.Record{AccountID: f.residentID, Key: key, RequestHash: make([]byte, 32),
				Resource: "payment:" + id, IntentID: pf.IntentID}}, nil
	})
	return intentID, err
}

func (f *paymentFixture) expect(t *testing.T, id string, status payments.Status, spendable int64) {
	t.Helper()
	r, err := f.s.Request(f.ctx, id)
	if err != nil || r.Status != status || r.ShopName != f.name {
		t.Fatalf("request %s: %s %q %v, want %s", id, r.Status, r.ShopName, err, status)
	}
	var got int64
	f.s.InTx(f.ctx, func(tx payments.Tx) error { got, err = tx.Spendable(f.resident); return err })
	if err != nil || got != spendable {
		t.Fatalf("spendable %d %v, want %d", got, err, spendable)
	}
}

// TestPaymentStatusesAndSpendable follows requests through the view's statuses and checks the spendable
// balance on the way: a payment counts against it from submission until the indexer has passed its block.
func TestPaymentStatusesAndSpendable(t *testing.T) {
	f := newPaymentFixture(t)
	paid, failed, late := f.request(t, 300, time.Hour), f.request(t, 500, time.Hour), f.request(t, 100, -time.Second)
	f.expect(t, paid.ID, payments.StatusOpen, 1000)
	f.expect(t, late.ID, payments.StatusExpired, 1000)
	if _, err := f.s.Request(f.ctx, uuid.NewString()); !errors.Is(err, payments.ErrNotFound) {
		t.Fatalf("unknown request: %v", err)
	}
	id1, err := f.pay(paid.ID, f.residentID)
	if err != nil {
		t.Fatal(err)
	}
	f.expect(t, paid.ID, payments.StatusSubmitted, 700)
	id2, err := f.pay(failed.ID, f.residentID)
	if err != nil {
		t.Fatal(err)
	}
	f.expect(t, failed.ID, payments.StatusSubmitted, 200)
	ob := f.db.Outbox()
	if _, err := ob.RegisterKey(f.ctx, "relayer-0", common.HexToAddress("0xee")); err != nil {
		t.Fatal(err)
	}
	if err := ob.AssignNonces(f.ctx, "relayer-0", []outbox.Signed{{IntentID: id1, TxHash: common.HexToHash("0x1"), RawTx: []byte{1}}}, 1); err != nil {
		t.Fatal(err)
	}
	if err := ob.Finish(f.ctx, []outbox.Outcome{{IntentID: id1, Status: outbox.StatusConfirmed, TxHash: common.HexToHash("0x1"), BlockNumber: 11},
		{IntentID: id2, Status: outbox.StatusFailed, Error: "pre-check: EIP3009AuthorizationExpired"}}); err != nil {
		t.Fatal(err)
	}
	f.expect(t, failed.ID, payments.StatusFailed, 700) // confirmed in block 11, not yet indexed
	f.expect(t, paid.ID, payments.StatusConfirmed, 700)
	if r, _ := f.s.Request(f.ctx, failed.ID); r.Failure != "pre-check: EIP3009AuthorizationExpired" {
		t.Fatalf("failure reason %q", r.Failure)
	}
	// The shop may spend (refund) the confirmed payment before the indexer has it.
	shop := common.HexToAddress(f.shop.WalletAddress)
	f.expectSpendable(t, shop, 300)
	// The indexer passes block 11: the balances move, the payment no longer counts as on its way.
	f.index(t, 11, common.HexToHash("0x1"), f.resident, shop, 300)
	f.expect(t, paid.ID, payments.StatusConfirmed, 700)
	f.expectSpendable(t, shop, 300)
	// A redeem of the shop's coins counts against them from the moment it is queued.
	if _, err := ob.Enqueue(f.ctx, outbox.Intent{Signer: "operator", Kind: outbox.KindRedeem, IdempotencyKey: "redeem-1",
		Args: outbox.Args{From: shop, Amount: big.NewInt(200)}}); err != nil {
		t.Fatal(err)
	}
	f.expectSpendable(t, shop, 100)
	// A mint confirmed in block 12, above the cursor, may be spent at once; one still queued may not.
	for i, status := range []outbox.Status{outbox.StatusConfirmed, outbox.StatusQueued} {
		in, err := ob.Enqueue(f.ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: fmt.Sprint("mint-", i),
			Args: outbox.Args{To: f.resident, Amount: big.NewInt(50)}})
		if err != nil {
			t.Fatal(err)
		}
		if status == outbox.StatusConfirmed {
			if _, err := ob.RegisterKey(f.ctx, "minter", common.HexToAddress("0xef")); err != nil {
				t.Fatal(err)
			}
			if err := ob.AssignNonces(f.ctx, "minter", []outbox.Signed{{IntentID: in.ID, TxHash: common.HexToHash("0x2"), RawTx: []byte{2}}}, 1); err != nil {
				t.Fatal(err)
			}
			if err := ob.Finish(f.ctx, []outbox.Outcome{{IntentID: in.ID, Status: status, TxHash: common.HexToHash("0x2"), BlockNumber: 12}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.expectSpendable(t, f.resident, 750)
}

func (f *paymentFixture) expectSpendable(t *testing.T, addr common.Address, want int64) {
	t.Helper()
	var got int64
	err := f.s.InTx(f.ctx, func(tx payments.Tx) (err error) { got, err = tx.Spendable(addr); return err })
	if err != nil || got != want {
		t.Fatalf("spendable of %s: %d %v, want %d", addr.Hex(), got, err, want)
	}
}

// TestOnePaymentPerRequest lets ten transactions under different account locks pay one request at once:
// the request's row lock lets exactly one through, and the others find the request paid.
func TestOnePaymentPerRequest(t *testing.T) {
	f := newPaymentFixture(t)
	r := f.request(t, 100, time.Hour)
	var wg sync.WaitGroup
	errs := make([]error, 10)
	for i := range errs {
		wg.Add(1)
		go func() { defer wg.Done(); _, errs[i] = f.pay(r.ID, uuid.NewString()) }()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, payments.ErrAlreadyPaid):
			t.Fatalf("unexpected error: %v", err)
		}
	}
	if ok != 1 {
		t.Fatalf("%d transactions paid the request", ok)
	}
}
