package chain_test

import (
	"crypto/ecdsa"
	"crypto/rand"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestPreCheckTriesABatchInOrderAsItsSender queues a relayer's batch in which the second payment only
// fails because of the first, one is signed by the wrong key and the last spends exactly what is left, plus
// a mint queued for a key without the minter role. The one eth_call per batch must see the batch in nonce
// order and as its sender: the good payments are mined, the two bad ones fail with the contract's reason
// and are never sent, and the mint waits in the queue with its reason instead of failing.
func TestPreCheckTriesABatchInOrderAsItsSender(t *testing.T) {
	f := newFixture(t)
	env := testenv.Chain(t)
	resident, stranger := newKey(t), newKey(t)
	payer, shop := crypto.PubkeyToAddress(resident.PublicKey), common.Address{0x5e}
	ob := f.db.Outbox()
	enqueue := func(signer outbox.Signer, key string, kind outbox.Kind, args outbox.Args) {
		t.Helper()
		if _, err := ob.Enqueue(f.ctx, outbox.Intent{Signer: signer, Kind: kind, IdempotencyKey: key, Args: args}); err != nil {
			t.Fatal(err)
		}
	}
	enqueue("minter", "mint", outbox.KindMint, outbox.Args{To: payer, Amount: big.NewInt(300), Ref: common.Hash{1}})
	enqueue("operator", "shop", outbox.KindGrantAcceptor, outbox.Args{To: shop})
	stopMinter := runSender(f, chain.NewSender("minter", f.minter, f.client, ob, f.token, quiet))
	defer stopMinter()
	stopOperator := runSender(f, chain.NewSender("operator", f.operator, f.client, ob, f.token, quiet))
	defer stopOperator()
	f.waitCounts(t, func(c map[outbox.Status]int64) bool { return c[outbox.StatusConfirmed] == 2 }, time.Minute)

	d := payments.Domain{ChainID: env.ChainID.Uint64(), Token: f.deploy.Address}
	now := uint64(time.Now().Unix())
	pay := func(key string, cents int64, signer *ecdsa.PrivateKey) {
		t.Helper()
		a := payments.Authorization{From: payer, To: shop, Value: big.NewInt(cents), ValidAfter: now - 60, ValidBefore: now + 600}
		rand.Read(a.Nonce[:])
		var err error
		if a.Signature, err = payments.Sign(d, a, signer); err != nil {
			t.Fatal(err)
		}
		enqueue("relayer-0", key, outbox.KindTransferWithAuthorization, outbox.Args{From: a.From, To: a.To, Amount: a.Value,
			ValidAfter: a.ValidAfter, ValidBefore: a.ValidBefore, Nonce: a.Nonce, Signature: a.Signature})
	}
	pay("first", 200, resident)
	pay("too-much-after-first", 200, resident)
	pay("wrong-signer", 50, stranger)
	pay("rest", 100, resident)
	// The operator key has no minter role: its mint must wait, not fail.
	enqueue("operator", "mint-without-role", outbox.KindMint, outbox.Args{To: payer, Amount: big.NewInt(1), Ref: common.Hash{2}})
	stopRelayer := runSender(f, chain.NewSender("relayer-0", env.FundedKey(t), f.client, ob, f.token, quiet))
	defer stopRelayer()
	f.waitCounts(t, func(c map[outbox.Status]int64) bool {
		return c[outbox.StatusConfirmed] == 4 && c[outbox.StatusFailed] == 2
	}, time.Minute)

	want := map[string]string{
		"first": "confirmed/", "rest": "confirmed/",
		"too-much-after-first": "failed/pre-check: ERC20InsufficientBalance",
		"wrong-signer":         "failed/pre-check: EIP3009InvalidSigner",
		"mint-without-role":    "queued/pre-check: AccessControlUnauthorizedAccount",
	}
	for key, w := range want {
		in, err := ob.ByIdempotencyKey(f.ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%s/%s", in.Status, in.Error); got != w {
			t.Errorf("%s: %s, want %s", key, got, w)
		}
		if w[:6] == "failed" && (in.Nonce != nil || len(in.RawTx) != 0) {
			t.Errorf("%s: refused by the pre-check but signed (nonce %v)", key, in.Nonce)
		}
	}
	if got := f.balanceOf(t, shop); got.Int64() != 300 {
		t.Errorf("shop holds %s, want 300", got)
	}
	if got := f.balanceOf(t, payer); got.Sign() != 0 {
		t.Errorf("resident holds %s, want 0", got)
	}
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}
