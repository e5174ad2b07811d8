package store

import (
	"context"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/ledger"
	"github.com/heerlen/heitje/internal/reconcile"
)

// TestSnapshotInBatchesReadsWhatOneReadWould fills the ledger with mints, payments, a redeem, a treasury
// grant, an unpaired Minted event, a balance row without events and events without a balance row, and reads
// the reconciliation's snapshot once in batches of two holders and three events and once in batches larger
// than the ledger: both must describe the same ledger, and it must be the ledger that was written.
func TestSnapshotInBatchesReadsWhatOneReadWould(t *testing.T) {
	ctx := context.Background()
	db := migrated(t)
	token := common.HexToAddress("0xc011")
	addr := func(i int) common.Address {
		return common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprint("holder-", i))))
	}
	treasury := addr(100)
	var cursor *ledger.Block
	block := func(events ...ledger.Event) {
		t.Helper()
		b := ledger.Block{Number: 1, Hash: common.HexToHash("0x1")}
		if cursor != nil {
			b = ledger.Block{Number: cursor.Number + 1, Hash: common.BigToHash(big.NewInt(int64(cursor.Number + 1)))}
		}
		for i := range events {
			events[i].BlockNumber, events[i].BlockHash, events[i].BlockTime = b.Number, b.Hash, time.Now()
			events[i].TxHash, events[i].LogIndex = crypto.Keccak256Hash([]byte(fmt.Sprint(b.Number, i/2))), uint(i)
		}
		if err := db.Ledger().Apply(ctx, token, cursor, events, nil, b); err != nil {
			t.Fatal(err)
		}
		cursor = &b
	}
	cents := func(n int64) *big.Int { return big.NewInt(n) }
	for i := range 7 {
		block(ledger.Event{Name: ledger.EventTransfer, To: addr(i), Amount: cents(1000)},
			ledger.Event{Name: ledger.EventMinted, To: addr(i), Amount: cents(1000)})
	}
	block(ledger.Event{Name: ledger.EventTransfer, From: addr(1), To: addr(2), Amount: cents(250)},
		ledger.Event{Name: ledger.EventAuthorizationUsed, From: addr(1)},
		ledger.Event{Name: ledger.EventTransfer, From: addr(3), To: addr(2), Amount: cents(100)},
		ledger.Event{Name: ledger.EventAuthorizationUsed, From: addr(3)})
	block(ledger.Event{Name: ledger.EventTransfer, From: addr(2), Amount: cents(300)},
		ledger.Event{Name: ledger.EventRedeemed, From: addr(2), Amount: cents(300)},
		ledger.Event{Name: ledger.EventRoleGranted, To: treasury, Role: reconcile.TreasuryRole},
		ledger.Event{Name: ledger.EventMinted, To: addr(5), Amount: cents(5)},
		ledger.Event{Name: ledger.EventTransfer, From: addr(4), To: treasury, Amount: cents(10)})
	for _, q := range []string{
		`INSERT INTO token_balances (address, balance) VALUES ('` + lowerHex(addr(50)) + `', 70)`,
		`INSERT INTO token_events (block_number, block_hash, block_time, tx_hash, tx_index, log_index, event, to_address, amount)
			VALUES (9, '0x9', now(), '0x9', 0, 0, 'Transfer', '` + lowerHex(addr(60)) + `', 40)`,
	} {
		if _, err := db.SQL().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}

	store := db.Reconcile()
	whole, err := store.Snapshot(ctx, reconcile.TreasuryRole)
	if err != nil {
		t.Fatal(err)
	}
	defer func(h int, e int64) { holdersPerBatch, eventsPerBatch = h, e }(holdersPerBatch, eventsPerBatch)
	holdersPerBatch, eventsPerBatch = 2, 3
	batched, err := store.Snapshot(ctx, reconcile.TreasuryRole)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := fmt.Sprintf("%+v", whole), fmt.Sprintf("%+v", batched); a != b {
		t.Fatalf("read at once:\n%s\nread in batches:\n%s", a, b)
	}

	if whole.SumBalances.Int64() != 7*1000-300+70 || whole.Minted.Int64() != 7*1000+5 || whole.Redeemed.Int64() != 300 {
		t.Fatalf("totals: balances %s, minted %s, redeemed %s", whole.SumBalances, whole.Minted, whole.Redeemed)
	}
	if len(whole.Holders) != 10 { // seven minted to, the treasury, the one with a row only, the one with events only
		t.Fatalf("%d holders: %+v", len(whole.Holders), whole.Holders)
	}
	byAddr := map[common.Address]reconcile.Holder{}
	for _, h := range whole.Holders {
		byAddr[h.Address] = h
	}
	if byAddr[treasury].Kind != reconcile.KindTreasury || byAddr[addr(1)].Kind != reconcile.KindOther {
		t.Fatalf("kinds: treasury %q, an address without account %q", byAddr[treasury].Kind, byAddr[addr(1)].Kind)
	}
	for a, want := range map[common.Address][2]int64{addr(2): {1050, 1050}, addr(1): {750, 750}, addr(4): {990, 990},
		addr(50): {70, 0}, addr(60): {0, 40}} {
		if h := byAddr[a]; h.Balance.Int64() != want[0] || h.FromEvents.Int64() != want[1] {
			t.Fatalf("holder %s: row %s, events %s; want %v", a.Hex(), h.Balance, h.FromEvents, want)
		}
	}
	// The Minted event without its Transfer, and the Transfer from nowhere without its Minted event.
	if len(whole.Unpaired) != 2 || whole.Unpaired[0].Event != ledger.EventTransfer || whole.Unpaired[0].Address != addr(60) ||
		whole.Unpaired[1].Event != ledger.EventMinted || whole.Unpaired[1].Address != addr(5) {
		t.Fatalf("unpaired: %+v", whole.Unpaired)
	}
}
