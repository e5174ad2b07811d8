package testenv

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/heerlen/heitje/chain/node"
	"github.com/heerlen/heitje/internal/devnet"
)

// OwnChain is a node for one test alone, on the test genesis, that the test may kill and start again on the
// same data folder and RPC port: for tests of what survives a node outage, which must not take the node of
// the other tests down. Its ChainEnv stays valid across restarts.
type OwnChain struct {
	*ChainEnv
	opts node.Options
	mu   sync.Mutex
	n    *node.Node
}

// StartOwnChain starts a node of the test's own; it stops when the test ends.
func StartOwnChain(t testing.TB) *OwnChain {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	dir := t.TempDir()
	n, genesisPath, err := startTestNode(ctx, ProjectRoot(), dir)
	if err != nil {
		t.Fatal(err)
	}
	o := &OwnChain{n: n}
	t.Cleanup(func() {
		o.mu.Lock()
		defer o.mu.Unlock()
		_ = o.n.Stop()
	})
	var next atomic.Int64
	o.ChainEnv = &ChainEnv{RPCURL: n.RPCURL(), WSURL: n.WSURL(), ChainID: n.ChainID(), GenesisPath: genesisPath,
		nextKey: func() (int, error) { return int(next.Add(1) - 1), nil }}
	if err := o.connect(ctx); err != nil {
		t.Fatal(err)
	}
	geth, err := node.EnsureGeth(ctx, ProjectRoot())
	if err != nil {
		t.Fatal(err)
	}
	o.opts = node.Options{GethPath: geth, DataDir: filepath.Join(dir, "chain"), GenesisPath: genesisPath,
		SignerKey: devnet.DevSigner.ECDSA(), SignerPassword: devnet.DevSignerPassword,
		HTTPPort: portOf(t, n.RPCURL()), WSPort: portOf(t, n.WSURL())}
	return o
}

// Kill ends the node at once (SIGKILL) and deletes the journal in which geth keeps the transactions it was
// sent over RPC (it counts them as local and loads them again when it starts), so the node comes back with
// an empty transaction pool: every transaction that was not yet in a block is lost.
func (o *OwnChain) Kill(t testing.TB) {
	t.Helper()
	o.mu.Lock()
	defer o.mu.Unlock()
	if err := o.n.Kill(); err != nil {
		t.Fatal(err)
	}
	// geth v1.13's default --txpool.journal, resolved in the instance folder of the data directory.
	if err := os.Remove(filepath.Join(o.n.DataDir(), "geth", "transactions.rlp")); err != nil {
		t.Fatalf("deleting the node's transaction journal: %v", err)
	}
}

// Restart starts the node again on its data folder and ports, and waits until it seals.
func (o *OwnChain) Restart(t testing.TB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	o.mu.Lock()
	defer o.mu.Unlock()
	n, err := node.Start(ctx, o.opts)
	if err != nil {
		t.Fatal(err)
	}
	o.n = n
}

func portOf(t testing.TB, raw string) int {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	p, err := strconv.Atoi(u.Port())
	if err != nil {
		t.Fatal(err)
	}
	return p
}
