package store

import (
	"context"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/ledger"
	"github.com/heerlen/heitje/internal/outbox"
)

// TestPendingMintsMoveIntoTheBalance follows four mints to one address through the outbox and the
// indexer: a mint counts as pending while it is queued or sent, and while it is confirmed in a block the
// indexer has not reached; once indexed it is in the balance instead. It may be spent from the moment it
// is confirmed. Mints to other addresses and failed
// ones never count.
func TestPendingMintsMoveIntoTheBalance(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	if _, err := db.MigrateUp(ctx); err != nil {
		t.Fatal(err)
	}
	s := db.Balances()
	token := common.HexToAddress("0x00000000000000000000000000000000000c0111")
	to := common.HexToAddress("0xAbCdEf0000000000000000000000000000001234")
	addr := strings.ToLower(to.Hex())
	mint := func(key string, dest common.Address, cents int64) outbox.Intent {
		in, err := db.Outbox().Enqueue(ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: key,
			Args: outbox.Args{To: dest, Amount: big.NewInt(cents)}})
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	set := func(in outbox.Intent, status string, nonce, block int64) {
		if err := db.gorm.Exec(`UPDATE chain_intents SET status = ?, nonce = ?, tx_hash = ?, block_number = NULLIF(?, 0)
			WHERE id = ?`, status, nonce, common.BigToHash(big.NewInt(in.ID)).Hex(), block, in.ID).Error; err != nil {
			t.Fatal(err)
		}
	}
	expect := func(what string, balance, pending, spendable int64) {
		t.Helper()
		st, err := s.Statement(ctx, addr)
		if err != nil {
			t.Fatal(err)
		}
		if st.BalanceCents != balance || st.PendingCents != pending || st.SpendableCents != spendable {
			t.Fatalf("%s: %+v; want balance %d, pending %d, spendable %d", what, st, balance, pending, spendable)
		}
	}
	mint("a", to, 100) // stays queued
	sent := mint("b", to, 200)
	confirmed := mint("c", to, 400)
	failed := mint("d", to, 800)
	mint("e", common.HexToAddress("0x99"), 1600)
	set(sent, "sent", 1, 0)
	set(confirmed, "confirmed", 2, 10)
	set(failed, "failed", 3, 0)
	expect("nothing indexed yet", 0, 700, 400)

	// The indexer reaches block 9: the mint of block 10 is still pending.
	apply := func(from *ledger.Block, to ledger.Block, events ...ledger.Event) {
		t.Helper()
		if err := db.Ledger().Apply(ctx, token, from, events, nil, to); err != nil {
			t.Fatal(err)
		}
	}
	b9 := ledger.Block{Number: 9, Hash: common.HexToHash("0x09")}
	apply(nil, b9)
	expect("indexed below the mint", 0, 700, 400)

	// Block 10 with the mint's Transfer: the 400 move from pending to balance.
	b10 := ledger.Block{Number: 10, Hash: common.HexToHash("0x10")}
	apply(&b9, b10, ledger.Event{BlockNumber: 10, BlockHash: b10.Hash, BlockTime: time.Now(), TxHash: common.BigToHash(big.NewInt(confirmed.ID)),
		Name: ledger.EventTransfer, To: to, Amount: big.NewInt(400)})
	expect("mint indexed", 400, 300, 400)

	list, err := s.Transfers(ctx, addr, 0, 10)
	if err != nil || len(list) != 1 || list[0].Kind != "reward" || list[0].Direction != "in" || list[0].AmountCents != 400 {
		t.Fatalf("history: %+v %v", list, err)
	}
	if none, err := s.WalletAddress(ctx, "5f1d7c36-0000-4000-8000-000000000000"); err == nil || none != "" {
		t.Fatalf("an unknown account has address %q (%v)", none, err)
	}
}
