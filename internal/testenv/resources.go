package testenv

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain/genesis"
	"github.com/heerlen/heitje/chain/node"
	"github.com/heerlen/heitje/internal/devnet"
)

// testKeyCount is how many pre-funded keys the test genesis holds for FundedKey.
const testKeyCount = 2000

// testKeyBalance is what each test key holds at genesis: one million ether.
var testKeyBalance = new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(1e18))

// testKey returns the i-th test key: keccak256("heitje-test-key" || uint64 i, big-endian), re-hashed in the
// (astronomically unlikely) case that is not a valid secp256k1 key.
func testKey(i int) *ecdsa.PrivateKey {
	seed := crypto.Keccak256([]byte("heitje-test-key"), binary.BigEndian.AppendUint64(nil, uint64(i)))
	for {
		if key, err := crypto.ToECDSA(seed); err == nil {
			return key
		}
		seed = crypto.Keccak256(seed)
	}
}

// testGenesis is the genesis of every test node: the development network (chain id 6411, 1 s blocks, 100M
// gas, the development signer and keys) plus the test keys.
var testGenesis = sync.OnceValues(func() ([]byte, error) { return genesis.Build(testGenesisSpec()) })

// testGenesisSpec is testGenesis before it is built, for a network's genesis with other signers.
func testGenesisSpec() genesis.Spec {
	spec := devnet.GenesisSpec()
	for i := range testKeyCount {
		spec.Alloc[crypto.PubkeyToAddress(testKey(i).PublicKey)] = new(big.Int).Set(testKeyBalance)
	}
	return spec
}

// makeScratch creates the temp folder of one test binary or one wrap, named after our pid so that a later
// run can remove it if we die without cleaning up. The postgres user must pass through it: 0755.
func makeScratch(kind string) (string, error) {
	removeStaleScratch()
	dir, err := os.MkdirTemp("", fmt.Sprintf("heitje-%s-%d-", kind, os.Getpid()))
	if err != nil {
		return "", err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return "", errors.Join(err, os.RemoveAll(dir))
	}
	return dir, nil
}

// removeStaleScratch deletes the temp folders of test binaries and wraps whose process is gone (killed by a
// test timeout, say). Their servers died with them.
func removeStaleScratch() {
	entries, err := os.ReadDir(os.TempDir())
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), "heitje-testenv-")
		if !ok {
			if rest, ok = strings.CutPrefix(e.Name(), "heitje-wrap-"); !ok {
				continue
			}
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid == os.Getpid() {
			continue
		}
		if errors.Is(syscall.Kill(pid, 0), syscall.ESRCH) {
			_ = os.RemoveAll(filepath.Join(os.TempDir(), e.Name()))
		}
	}
}

// startTestNode starts a node on the test genesis in <dir>/chain and writes the genesis to <dir>/genesis.json.
func startTestNode(ctx context.Context, root, dir string) (*node.Node, string, error) {
	data, err := testGenesis()
	if err != nil {
		return nil, "", err
	}
	genesisPath := filepath.Join(dir, "genesis.json")
	if err := os.WriteFile(genesisPath, data, 0o644); err != nil {
		return nil, "", err
	}
	geth, err := node.EnsureGeth(ctx, root)
	if err != nil {
		return nil, "", err
	}
	n, err := node.Start(ctx, node.Options{
		GethPath:       geth,
		DataDir:        filepath.Join(dir, "chain"),
		Genesis:        data,
		SignerKey:      devnet.DevSigner.ECDSA(),
		SignerPassword: devnet.DevSignerPassword,
	})
	return n, genesisPath, err
}

// startTestCluster starts a throw-away cluster in <dir>/postgres, with pg_stat_statements loaded so that a
// benchmark can count the statements a piece of work costs (it creates the extension in its own database).
func startTestCluster(ctx context.Context, dir string) (*devnet.Postgres, error) {
	return devnet.StartPostgres(ctx, devnet.PostgresOptions{DataDir: filepath.Join(dir, "postgres"),
		Preload: []string{"pg_stat_statements"}})
}

// addressOf returns the address of the i-th test key.
func addressOf(i int) common.Address { return crypto.PubkeyToAddress(testKey(i).PublicKey) }
