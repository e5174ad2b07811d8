package testenv

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/heerlen/heitje/chain/genesis"
	"github.com/heerlen/heitje/chain/node"
	"github.com/heerlen/heitje/internal/devnet"
)

// Network is a Clique network of the test's own: several signers and one non-signing RPC node on
// 127.0.0.1, peered as static nodes with no discovery, on the test genesis with the development signers
// (devnet.SignerKey) in place of the one. Its ChainEnv talks to the RPC node, as the API does. The test may
// kill and restart any node; everything stops when the test ends.
type Network struct {
	*ChainEnv
	*devnet.Network
}

// StartNetwork starts signers signers and the RPC node and returns once they are peered and sealing. Every
// node serves the admin API too on 127.0.0.1, so that the test can Disconnect and Connect parts of the network.
func StartNetwork(t testing.TB, signers int) *Network {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	dir := t.TempDir()
	spec := testGenesisSpec()
	spec.Signers = devnet.SignerAddresses(signers)
	data, err := genesis.Build(spec)
	if err != nil {
		t.Fatal(err)
	}
	genesisPath := filepath.Join(dir, "genesis.json")
	if err := os.WriteFile(genesisPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	geth, err := node.EnsureGeth(ctx, ProjectRoot())
	if err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	net, err := devnet.StartNetwork(ctx, devnet.NetworkOptions{GethPath: geth, Dir: filepath.Join(dir, "network"),
		Genesis: data, Signers: signers, AdminAPI: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = net.Stop() })
	t.Logf("network of %d signers and an RPC node (%s) sealing after %s; logs in %s", signers, net.RPC().RPCURL(),
		time.Since(began).Round(time.Millisecond), filepath.Join(dir, "network"))
	var next atomic.Int64
	n := &Network{Network: net, ChainEnv: &ChainEnv{RPCURL: net.RPC().RPCURL(), WSURL: net.RPC().WSURL(),
		ChainID: net.RPC().ChainID(), GenesisPath: genesisPath,
		nextKey: func() (int, error) { return int(next.Add(1) - 1), nil }}}
	if err := n.connect(ctx); err != nil {
		t.Fatal(err)
	}
	return n
}

// WaitCaughtUp waits until node i has a peer and its head has reached the RPC node's head as it is now.
func (n *Network) WaitCaughtUp(t testing.TB, i int, within time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	_, target, err := n.Status(ctx, n.Signers())
	if err != nil {
		t.Fatal(err)
	}
	for {
		peers, head, err := n.Status(ctx, i)
		if err == nil && peers > 0 && head >= target {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("node %d did not catch up with block %d within %s (at block %d, %d peers, %v); log %s",
				i, target, within, head, peers, err, n.Node(i).LogFile())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// Join starts one more signer's node (see devnet.Network.Join), waits until it has caught up, and returns
// its index; the signer seals once the others voted it in.
func (n *Network) Join(t testing.TB) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	i, err := n.Network.Join(ctx)
	if err != nil {
		t.Fatal(fmt.Errorf("join a signer: %w", err))
	}
	n.WaitCaughtUp(t, i, 2*time.Minute)
	return i
}

// Restart starts node i again on its data and ports; it fails the test if geth does not answer.
func (n *Network) Restart(t testing.TB, i int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	if err := n.Network.Restart(ctx, i); err != nil {
		t.Fatal(fmt.Errorf("restart node %d: %w", i, err))
	}
}
