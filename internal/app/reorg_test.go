package app

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/internal/devnet"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestReorgConfirmsNothingUndone partitions a network of three signers: one signer and the RPC node (the
// API's, CHAIN_CONFIRMATIONS=2) on one side, the other two on the other. Both sides seal their own branch
// (the lone signer one block: Clique lets none of three signers seal two blocks in a row). A mint the lone
// signer sealed is not reported (neither in the ledger nor as confirmed) while the partition lasts; healed,
// the longer branch of the two wins, the lone signer's block is undone, and the mint is confirmed exactly once
// in the surviving chain, the ledger equal to the chain. The lone signer stops sealing (miner_stop) until the
// mint is in its pool, so that its one block holds it.
func TestReorgConfirmsNothingUndone(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	netw := testenv.StartNetwork(t, 3)
	pf := runOnNetwork(ctx, t, netw)
	rpcNode := netw.Signers()
	signers := devnet.SignerAddresses(3)
	to := common.HexToAddress("0x00000000000000000000000000000000000b0b02")

	waitFor := func(what string, within time.Duration, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(within)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("%s did not happen within %s", what, within)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	head := func(i int) uint64 {
		t.Helper()
		_, h, err := netw.Status(ctx, i)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	peers := func(i int) int {
		t.Helper()
		p, _, err := netw.Status(ctx, i)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	// onChain is the balance of to on the RPC node at its latest block; the token's balanceOf(to).
	onChain := func() *big.Int {
		t.Helper()
		data := append(hexutil.MustDecode("0x70a08231"), common.LeftPadBytes(to.Bytes(), 32)...)
		out, err := pf.client.CallContract(ctx, ethereum.CallMsg{To: &pf.token, Data: data}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return new(big.Int).SetBytes(out)
	}
	inLedger := func() *big.Int {
		t.Helper()
		b, err := pf.db.Ledger().Balance(ctx, to)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	status := func(key string) outbox.Status {
		t.Helper()
		in, err := pf.db.Outbox().ByIdempotencyKey(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		return in.Status
	}

	// nodeCall calls method on node i's own endpoint.
	nodeCall := func(i int, result any, method string, args ...any) {
		t.Helper()
		c, err := rpc.DialContext(ctx, netw.Node(i).RPCURL())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if err := c.CallContext(ctx, result, method, args...); err != nil {
			t.Fatalf("node %d: %s: %v", i, method, err)
		}
	}
	sealerOfHead := func(i int) common.Address {
		t.Helper()
		var who common.Address
		nodeCall(i, &who, "clique_getSigner", hexutil.Uint64(head(i)))
		return who
	}

	// The lone signer stops sealing, so that its one block on its side holds the mint: it must not have
	// sealed its head, or it could not seal at all.
	lone := -1
	for i, s := range signers {
		if s != sealerOfHead(rpcNode) {
			lone = i
			break
		}
	}
	nodeCall(lone, nil, "miner_stop")
	if sealerOfHead(lone) == signers[lone] {
		t.Fatalf("signer %d sealed its head before it stopped; pick another", lone) // only if it sealed in between
	}
	var others []int
	for i := range signers {
		if i != lone {
			others = append(others, i)
		}
	}
	side := []int{lone, rpcNode}
	if err := netw.Disconnect(ctx, side, others); err != nil {
		t.Fatal(err)
	}
	waitFor("the partition", time.Minute, func() bool { return peers(rpcNode) == 1 && peers(others[0]) == 1 })
	forkAt := head(lone)
	if sealerOfHead(lone) == signers[lone] {
		t.Fatalf("signer %d's head is its own", lone)
	}
	const amount, key = 1234, "reorg-mint"
	if _, err := pf.db.Outbox().Enqueue(ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: key,
		Args: outbox.Args{To: to, Amount: big.NewInt(amount)}}); err != nil {
		t.Fatal(err)
	}
	waitFor("the mint in the lone signer's pool", time.Minute, func() bool {
		var st map[string]hexutil.Uint
		nodeCall(lone, &st, "txpool_status")
		return st["pending"] > 0
	})
	nodeCall(lone, nil, "miner_start")
	waitFor("the lone signer's block", time.Minute, func() bool { return head(rpcNode) > forkAt })
	// The majority seals on; the lone signer cannot seal a second block in a row.
	waitFor("the two signers sealing on their side", 2*time.Minute, func() bool { return head(others[0]) >= forkAt+5 })
	loneHead := head(rpcNode)
	if loneHead != forkAt+1 {
		t.Fatalf("the lone signer's side is at block %d after the fork at %d; Clique allows it one block", loneHead, forkAt)
	}
	if got := onChain(); got.Int64() != amount {
		t.Fatalf("the lone signer's block %d does not hold the mint: balance %s", loneHead, got)
	}
	// The block holds the mint but will never have 2 blocks on top on this side: nothing is reported.
	if got := inLedger(); got.Sign() != 0 {
		t.Fatalf("the ledger shows %s for the mint in block %d, which has no confirmations", got, loneHead)
	}
	if s := status(key); s == outbox.StatusConfirmed {
		t.Fatalf("the mint in block %d, which has no confirmations, is reported confirmed", loneHead)
	}
	hdr, err := pf.client.HeaderByNumber(ctx, new(big.Int).SetUint64(loneHead))
	if err != nil {
		t.Fatal(err)
	}
	loneBlock := hdr.Hash()

	if err := netw.Connect(ctx, side, others); err != nil {
		t.Fatal(err)
	}
	waitFor("the mint confirmed after the heal", 3*time.Minute, func() bool {
		return status(key) == outbox.StatusConfirmed && inLedger().Int64() == amount
	})
	if got := onChain(); got.Int64() != amount {
		t.Fatalf("the chain holds %s for the minted address, the ledger %d", got, amount)
	}
	if hdr, err = pf.client.HeaderByNumber(ctx, new(big.Int).SetUint64(loneHead)); err != nil {
		t.Fatal(err)
	}
	if hdr.Hash() == loneBlock {
		t.Fatalf("block %d of the lone signer survived the heal: no reorg", loneHead)
	}
	t.Logf("the lone signer's block %d (%s) with the mint was undone by the heal; the mint confirmed once in the surviving chain",
		loneHead, loneBlock.Hex())
}
