package testenv

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/heerlen/heitje/chain/genesis"
)

// ChainEnv is a running Clique node (one signer, a block every second, chain id 6411, gas limit 100M),
// shared by all tests of a test binary and, under the wrapper, by all test binaries. Client is shared too:
// do not close it.
type ChainEnv struct {
	RPCURL      string
	WSURL       string
	ChainID     *big.Int
	Client      *ethclient.Client
	GenesisPath string

	nextKey func() (int, error) // hands out test key indices, each once
}

// startTimeout bounds starting the node or the cluster, including building geth on a fresh clone.
const startTimeout = 10 * time.Minute

// Chain returns the running node, starting it on first use when the test binary runs on its own.
func Chain(t testing.TB) *ChainEnv {
	t.Helper()
	c, err := chainEnv()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var chainEnv = sync.OnceValues(func() (*ChainEnv, error) {
	vars, shared, err := sharedEnv()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	if shared {
		return sharedChain(ctx, vars)
	}
	return privateChain(ctx)
})

func sharedChain(ctx context.Context, vars map[string]string) (*ChainEnv, error) {
	chainID, err := genesis.ChainID(vars[envGenesis])
	if err != nil {
		return nil, fmt.Errorf("testenv: %s: %w", envGenesis, err)
	}
	c := &ChainEnv{
		RPCURL: vars[envRPCURL], WSURL: vars[envWSURL], ChainID: chainID, GenesisPath: vars[envGenesis],
		nextKey: func() (int, error) { return nextSharedIndex(filepath.Join(vars[envStateDir], "funded-keys.next")) },
	}
	if err := c.connect(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

func privateChain(ctx context.Context) (*ChainEnv, error) {
	dir, err := scratch()
	if err != nil {
		return nil, err
	}
	n, genesisPath, err := startTestNode(ctx, ProjectRoot(), dir)
	if err != nil {
		return nil, fmt.Errorf("testenv: start the test node: %w", err)
	}
	onShutdown(n.Stop)
	var next atomic.Int64
	c := &ChainEnv{
		RPCURL: n.RPCURL(), WSURL: n.WSURL(), ChainID: n.ChainID(), GenesisPath: genesisPath,
		nextKey: func() (int, error) { return int(next.Add(1) - 1), nil },
	}
	if err := c.connect(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// connect dials the node and checks that it runs the chain of the genesis file.
func (c *ChainEnv) connect(ctx context.Context) error {
	client, err := ethclient.DialContext(ctx, c.RPCURL)
	if err != nil {
		return fmt.Errorf("testenv: dial %s: %w", c.RPCURL, err)
	}
	id, err := client.ChainID(ctx)
	if err != nil {
		client.Close()
		return fmt.Errorf("testenv: node at %s: %w", c.RPCURL, err)
	}
	if id.Cmp(c.ChainID) != 0 {
		client.Close()
		return fmt.Errorf("testenv: node at %s runs chain %s, the genesis says %s", c.RPCURL, id, c.ChainID)
	}
	c.Client = client
	onShutdown(func() error { client.Close(); return nil })
	return nil
}

// FundedKey returns a key holding a million ether that no other test gets, in this test binary or, under
// the wrapper, in any other. There are 2000 such keys per node.
func (c *ChainEnv) FundedKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	i, err := c.nextKey()
	if err != nil {
		t.Fatal(err)
	}
	if i >= testKeyCount {
		t.Fatalf("testenv: all %d funded test keys are handed out", testKeyCount)
	}
	return testKey(i)
}

// nextSharedIndex returns the number in the counter file at path and stores the next one, under an
// exclusive flock so that concurrent test processes never get the same number.
func nextSharedIndex(path string) (int, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return 0, fmt.Errorf("testenv: key counter: %w", err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		return 0, fmt.Errorf("testenv: lock key counter: %w", err)
	}
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	next := 0
	if text := strings.TrimSpace(string(buf[:n])); text != "" {
		if next, err = strconv.Atoi(text); err != nil {
			return 0, fmt.Errorf("testenv: key counter %s holds %q", path, text)
		}
	}
	if err := f.Truncate(0); err != nil {
		return 0, err
	}
	if _, err := f.WriteAt([]byte(strconv.Itoa(next+1)), 0); err != nil {
		return 0, err
	}
	return next, nil // closing f releases the lock
}

// scratch is this test binary's temp folder, created on first use and removed by Main.
var scratch = sync.OnceValues(func() (string, error) {
	dir, err := makeScratch("testenv")
	if err != nil {
		return "", fmt.Errorf("testenv: %w", err)
	}
	onShutdown(func() error { return os.RemoveAll(dir) })
	return dir, nil
})
