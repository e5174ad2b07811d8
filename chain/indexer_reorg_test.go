package chain

import (
	"context"
	"io"
	"log/slog"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/heerlen/heitje/contracts/bindings"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

// fakeChain is a chain of headers and Transfer logs that a test can reorganise.
type fakeChain struct {
	token   common.Address
	headers []*types.Header
	logs    map[uint64][]types.Log
}

// mint is one block's content: a mint of amount to to (no mint when amount is 0).
type mint struct {
	to     common.Address
	amount int64
}

// build returns a chain whose block i (from 1) holds blocks[i-1]; salt makes hashes differ between forks.
func build(token common.Address, prefix *fakeChain, keep int, salt byte, blocks []mint) *fakeChain {
	c := &fakeChain{token: token, logs: map[uint64][]types.Log{}}
	genesis := &types.Header{Number: big.NewInt(0), Difficulty: big.NewInt(1)}
	c.headers = []*types.Header{genesis}
	if prefix != nil {
		c.headers = append([]*types.Header{}, prefix.headers[:keep+1]...)
		for n := uint64(1); n <= uint64(keep); n++ {
			c.logs[n] = prefix.logs[n]
		}
	}
	transfer := bindings.NewHeitjeCoin().GetABI().Events["Transfer"].ID
	for _, m := range blocks {
		parent := c.headers[len(c.headers)-1]
		n := parent.Number.Uint64() + 1
		h := &types.Header{ParentHash: parent.Hash(), Number: new(big.Int).SetUint64(n), Difficulty: big.NewInt(2),
			Time: 1_700_000_000 + n, Extra: []byte{salt}}
		c.headers = append(c.headers, h)
		if m.amount > 0 {
			c.logs[n] = []types.Log{{
				Address: token, BlockNumber: n, BlockHash: h.Hash(), TxHash: common.BytesToHash(append(h.Hash().Bytes()[:8], salt)),
				Topics: []common.Hash{transfer, {}, common.BytesToHash(m.to.Bytes())},
				Data:   common.BigToHash(big.NewInt(m.amount)).Bytes(),
			}}
		}
	}
	return c
}

func (c *fakeChain) BlockNumber(context.Context) (uint64, error) {
	return uint64(len(c.headers) - 1), nil
}

func (c *fakeChain) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	if n == nil {
		return c.headers[len(c.headers)-1], nil
	}
	if n.Uint64() >= uint64(len(c.headers)) {
		return nil, ethereum.NotFound
	}
	return c.headers[n.Uint64()], nil
}

func (c *fakeChain) FilterLogs(_ context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	var out []types.Log
	for n := q.FromBlock.Uint64(); n <= q.ToBlock.Uint64(); n++ {
		out = append(out, c.logs[n]...)
	}
	return out, nil
}

// source lets the test swap the chain under a running indexer.
type source struct{ *fakeChain }

// TestIndexerFollowsAReorg indexes a chain, replaces its last blocks with a longer fork, and checks that the
// ledger then holds exactly the fork's events and balances.
func TestIndexerFollowsAReorg(t *testing.T) {
	ctx := context.Background()
	db := testdb.Open(t)
	token := common.HexToAddress("0x00000000000000000000000000000000000c0117")
	alice, bob := common.HexToAddress("0xa1"), common.HexToAddress("0xb0")
	a := build(token, nil, 0, 1, []mint{{alice, 5}, {}, {bob, 7}, {alice, 11}, {}, {bob, 13}, {alice, 17}, {bob, 19}})
	src := &source{a}
	ix := NewIndexer(src, db.Ledger(), token, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ix.MaxRange = 3
	for i := 0; i < 10; i++ {
		if _, err := ix.Step(ctx); err != nil {
			t.Fatal(err)
		}
	}
	expect := func(who common.Address, want int64) {
		t.Helper()
		got, err := db.Ledger().Balance(ctx, who)
		if err != nil || got.Int64() != want {
			t.Fatalf("balance of %s = %v (%v), want %d", who.Hex(), got, err, want)
		}
	}
	expect(alice, 5+11+17)
	expect(bob, 7+13+19)

	// Blocks 6..8 are replaced by a longer fork 6..10 with other content.
	src.fakeChain = build(token, a, 5, 2, []mint{{alice, 100}, {}, {bob, 200}, {}, {alice, 300}})
	for i := 0; i < 10; i++ {
		if _, err := ix.Step(ctx); err != nil {
			t.Fatal(err)
		}
	}
	cur, _, err := db.Ledger().Cursor(ctx, token)
	if err != nil || cur.Number != 10 || cur.Hash != src.headers[10].Hash() {
		t.Fatalf("cursor %+v (%v), want block 10 of the fork", cur, err)
	}
	expect(alice, 5+11+100+300)
	expect(bob, 7+200)
	evs, err := db.Ledger().Events(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 6 {
		t.Fatalf("ledger has %d events after the reorg, want 6", len(evs))
	}
	for _, e := range evs {
		if h := src.headers[e.BlockNumber].Hash(); e.BlockHash != h {
			t.Fatalf("event in block %d is from the abandoned fork", e.BlockNumber)
		}
	}
}
