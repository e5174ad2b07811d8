package devnet

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/chain/genesis"
)

// TestUpRunsANetworkOfSigners is `heitje-dev run --signers 3`'s chain: three signers and a non-signing RPC
// node that serves the platform; a transfer sent to the RPC node is sealed, the blocks come from every one
// of the three signers, and the network comes back on its data after a stop.
func TestUpRunsANetworkOfSigners(t *testing.T) {
	ctx := context.Background()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(scratchDir(t), "run")
	var out bytes.Buffer
	began := time.Now()
	// A database of its own is not what this test is about: point Up at none it would start.
	env, err := Up(ctx, Options{ProjectRoot: root, StateDir: state, Out: &out, Signers: 3, DatabaseURL: "postgres://unused"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = env.Stop() })
	t.Logf("Up with three signers in %s:\n%s", time.Since(began).Round(time.Millisecond), out.String())
	if env.Node != nil || env.Network == nil || env.RPCURL != env.Network.RPC().RPCURL() || env.Network.RPC().Signer() != (common.Address{}) {
		t.Fatal("the platform does not talk to the network's RPC node")
	}
	if strings.Count(out.String(), "heitje chain signers --rpc") != 3 {
		t.Fatalf("Up does not name the three signers' endpoints:\n%s", out.String())
	}
	spec, err := genesis.Load(env.GenesisPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range SignerAddresses(3) {
		if !slices.Contains(spec.Signers, a) || len(spec.Signers) != 3 {
			t.Fatalf("the genesis names signers %v", spec.Signers)
		}
	}
	receipt := transfer(t, env.RPCURL)
	c, err := rpc.DialContext(ctx, env.RPCURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sealers := map[common.Address]bool{}
	deadline := time.Now().Add(time.Minute)
	for b := uint64(1); len(sealers) < 3; b++ {
		var who common.Address
		for c.CallContext(ctx, &who, "clique_getSigner", hexutil.Uint64(b)) != nil {
			if time.Now().After(deadline) {
				t.Fatalf("only %v sealed blocks 1 to %d", sealers, b-1)
			}
			time.Sleep(200 * time.Millisecond) // block b is not sealed yet
		}
		sealers[who] = true
	}
	if err := env.Stop(); err != nil {
		t.Fatal(err)
	}
	env2, err := Up(ctx, Options{ProjectRoot: root, StateDir: state, Out: &out, Signers: 3, DatabaseURL: "postgres://unused"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = env2.Stop() })
	c2, err := rpc.DialContext(ctx, env2.RPCURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	var again map[string]any
	if err := c2.CallContext(ctx, &again, "eth_getTransactionReceipt", receipt.TxHash); err != nil || again == nil {
		t.Fatalf("the transfer sealed before the stop is gone: %v", err)
	}
}
