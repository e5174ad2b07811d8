package node

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"github.com/heerlen/heitje/internal/localproc"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/heerlen/heitje/chain/genesis"
)

// The development signer, as in internal/devnet (which imports this package, so it cannot be imported here).
const (
	devSignerKey      = "58c89080873723d0bf383e5faa6ef69ea0fe30da85e90d9ea17cc63186f3ef6c"
	devSignerPassword = "heitje-devnet-not-a-secret"
)

var projectRoot = filepath.Join("..", "..")

func gethPath(t testing.TB) string {
	t.Helper()
	path, err := EnsureGeth(context.Background(), projectRoot)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func signerKey(t testing.TB) ecdsaKey {
	t.Helper()
	key, err := crypto.HexToECDSA(devSignerKey)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func devOptions(t testing.TB, dataDir string) Options {
	return Options{
		GethPath:       gethPath(t),
		DataDir:        dataDir,
		GenesisPath:    filepath.Join(projectRoot, "genesis.json"),
		SignerKey:      signerKey(t),
		SignerPassword: devSignerPassword,
	}
}

func startNode(t testing.TB, opts Options) *Node {
	t.Helper()
	began := time.Now()
	n, err := Start(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("node started in %s: %s %s", time.Since(began).Round(time.Millisecond), n.RPCURL(), n.WSURL())
	t.Cleanup(func() { _ = n.Stop() })
	return n
}

func TestStartSealsRestartKeepsChainAndRefusesOtherGenesis(t *testing.T) {
	ctx := context.Background()
	dataDir := t.TempDir()
	opts := devOptions(t, dataDir)
	ports := make([]int, 2)
	for i := range ports {
		p, err := localproc.FreePort()
		if err != nil {
			t.Fatal(err)
		}
		ports[i] = p
	}
	opts.P2PPort, opts.AuthPort = ports[0], ports[1]
	n := startNode(t, opts)

	if n.ChainID().Int64() != 6411 {
		t.Fatalf("chain id %s", n.ChainID())
	}
	ws, err := ethclient.DialContext(ctx, n.WSURL())
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	head, err := ws.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if head.Number.Sign() == 0 {
		t.Fatal("Start returned before a block was sealed")
	}
	if head.GasLimit < 90_000_000 {
		t.Fatalf("gas limit %d: --miner.gaslimit was not applied", head.GasLimit)
	}
	assertLoopbackOnly(t, []int{portOf(t, n.RPCURL()), portOf(t, n.WSURL()), opts.P2PPort, opts.AuthPort})

	// A plain transfer from the dev signer lands in a block.
	rpcClient, err := ethclient.DialContext(ctx, n.RPCURL())
	if err != nil {
		t.Fatal(err)
	}
	defer rpcClient.Close()
	receipt := sendEther(t, rpcClient, opts.SignerKey, common.HexToAddress("0x00000000000000000000000000000000000000aa"))
	mined := receipt.BlockNumber.Uint64()

	if err := n.Stop(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-n.Done():
	default:
		t.Fatal("Done is open after Stop")
	}

	// Same data directory: the chain continues, the key is not imported twice.
	n2 := startNode(t, opts)
	c2, err := ethclient.DialContext(ctx, n2.RPCURL())
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	block, err := c2.BlockByNumber(ctx, new(big.Int).SetUint64(mined))
	if err != nil {
		t.Fatalf("block %d after restart: %v", mined, err)
	}
	if block.Hash() != receipt.BlockHash {
		t.Fatalf("block %d changed across the restart", mined)
	}
	keys, _ := os.ReadDir(filepath.Join(dataDir, "keystore"))
	if len(keys) != 1 {
		t.Fatalf("keystore holds %d files, want 1", len(keys))
	}
	if err := n2.Stop(); err != nil {
		t.Fatal(err)
	}

	// Another genesis on the same data directory is refused.
	spec, err := genesis.Load(opts.GenesisPath)
	if err != nil {
		t.Fatal(err)
	}
	spec.ChainID = big.NewInt(6412)
	other, err := genesis.Build(spec)
	if err != nil {
		t.Fatal(err)
	}
	opts.GenesisPath, opts.Genesis = "", other
	_, err = Start(ctx, opts)
	if !errors.Is(err, ErrGenesisMismatch) || !strings.Contains(err.Error(), "config") {
		t.Fatalf("Start with another chain id = %v, want ErrGenesisMismatch naming the config", err)
	}
	t.Log(err)
	spec.ChainID = big.NewInt(6411)
	spec.GasLimit++
	if opts.Genesis, err = genesis.Build(spec); err != nil {
		t.Fatal(err)
	}
	if _, err := Start(ctx, opts); !errors.Is(err, ErrGenesisMismatch) || !strings.Contains(err.Error(), "gasLimit") {
		t.Fatalf("Start with another gas limit = %v, want ErrGenesisMismatch naming gasLimit", err)
	}
}

func TestTwoNodesSideBySide(t *testing.T) {
	var wg sync.WaitGroup
	nodes := make([]*Node, 2)
	errs := make([]error, 2)
	for i := range nodes {
		opts := devOptions(t, t.TempDir())
		wg.Add(1)
		go func() {
			defer wg.Done()
			nodes[i], errs[i] = Start(context.Background(), opts)
		}()
	}
	wg.Wait()
	for i, n := range nodes {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		t.Cleanup(func() { _ = n.Stop() })
	}
	if nodes[0].RPCURL() == nodes[1].RPCURL() || nodes[0].WSURL() == nodes[1].WSURL() {
		t.Fatal("two nodes share a port")
	}
	for _, n := range nodes {
		c, err := ethclient.Dial(n.RPCURL())
		if err != nil {
			t.Fatal(err)
		}
		number, err := c.BlockNumber(context.Background())
		c.Close()
		if err != nil || number == 0 {
			t.Fatalf("%s: block %d, %v", n.RPCURL(), number, err)
		}
	}
}

// TestPeriodZeroSealsOnDemand starts a node whose genesis has period 0: Start must not wait for a block
// (none comes without transactions), and a transaction gets one.
func TestPeriodZeroSealsOnDemand(t *testing.T) {
	spec, err := genesis.Load(filepath.Join(projectRoot, "genesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	spec.PeriodSeconds = 0
	data, err := genesis.Build(spec)
	if err != nil {
		t.Fatal(err)
	}
	opts := devOptions(t, t.TempDir())
	opts.GenesisPath, opts.Genesis = "", data
	n := startNode(t, opts)
	c, err := ethclient.Dial(n.RPCURL())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	receipt := sendEther(t, c, opts.SignerKey, common.HexToAddress("0x00000000000000000000000000000000000000bb"))
	if receipt.BlockNumber.Sign() == 0 {
		t.Fatal("the transfer landed in the genesis block")
	}
}

func TestStartRefusesKeyThatIsNotASigner(t *testing.T) {
	opts := devOptions(t, t.TempDir())
	other, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	opts.SignerKey = other
	if _, err := Start(context.Background(), opts); err == nil || !strings.Contains(err.Error(), "not a signer") {
		t.Fatalf("Start = %v, want a not-a-signer error", err)
	}
}

// TestGethDiesWithItsParent kills (SIGKILL) a process that started a node and expects geth to go too.
func TestGethDiesWithItsParent(t *testing.T) {
	if dir := os.Getenv("HEITJE_NODE_ORPHAN_HELPER"); dir != "" {
		n, err := Start(context.Background(), devOptions(t, dir))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("geth-pid %d\n", n.proc.Pid())
		time.Sleep(time.Minute)
		return
	}
	gethPath(t) // build, if needed, before the helper's clock runs
	helper := exec.Command(os.Args[0], "-test.run=^TestGethDiesWithItsParent$", "-test.v")
	helper.Env = append(os.Environ(), "HEITJE_NODE_ORPHAN_HELPER="+t.TempDir())
	out, err := helper.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := helper.Start(); err != nil {
		t.Fatal(err)
	}
	defer helper.Process.Kill()
	pid := 0
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "geth-pid "); ok {
			pid, _ = strconv.Atoi(v)
			break
		}
	}
	if pid == 0 {
		t.Fatal("the helper did not start a node")
	}
	if err := helper.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = helper.Wait()
	deadline := time.Now().Add(15 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("geth (pid %d) outlived its killed parent", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestEnsureGethBuilds has EnsureGeth build geth with go build into a scratch project root, replacing a
// binary there that reports another version. The build reuses the Go build cache: by the time tests run, the
// test wrapper (or make geth) has built bin/geth from the same pinned module, so only the link is new and the
// test takes seconds; on a cold cache it compiles geth, which takes minutes.
func TestEnsureGethBuilds(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(projectRoot, "chain", "node", "gethbuild")
	dst := filepath.Join(root, "chain", "node", "gethbuild")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"go.mod", "go.sum", "tools.go"} {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fake := filepath.Join(root, "bin", "geth")
	if err := os.MkdirAll(filepath.Dir(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fake, []byte("#!/bin/sh\necho Geth\necho Version: 1.14.0-stable\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	path, err := EnsureGeth(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("built geth in %s", time.Since(began).Round(time.Second))
	if path != fake {
		t.Fatalf("EnsureGeth = %s, want %s", path, fake)
	}
	out, err := exec.Command(path, "version").Output()
	if err != nil {
		t.Fatalf("%s version: %v", path, err)
	}
	if !strings.Contains(string(out), "\nVersion: "+GethVersion+"-stable\n") {
		t.Fatalf("%s version says\n%s\nwant Version: %s-stable", path, out, GethVersion)
	}
}

func TestEnsureGethReusesBinary(t *testing.T) {
	gethPath(t)
	began := time.Now()
	path := gethPath(t)
	if elapsed := time.Since(began); elapsed > 10*time.Second {
		t.Fatalf("EnsureGeth took %s with the binary in place", elapsed)
	}
	abs, _ := filepath.Abs(filepath.Join(projectRoot, "bin", "geth"))
	if got, _ := filepath.Abs(path); got != abs {
		t.Fatalf("EnsureGeth = %s, want %s", path, abs)
	}
}

func portOf(t testing.TB, url string) int {
	t.Helper()
	i := strings.LastIndexByte(url, ':')
	port, err := strconv.Atoi(url[i+1:])
	if err != nil {
		t.Fatal(err)
	}
	return port
}

// assertLoopbackOnly checks in /proc/net/tcp{,6} that every listener on the given ports is bound to 127.0.0.1.
func assertLoopbackOnly(t testing.TB, ports []int) {
	t.Helper()
	want := make(map[int]bool)
	for _, p := range ports {
		want[p] = false
	}
	for _, table := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		data, err := os.ReadFile(table)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n")[1:] {
			f := strings.Fields(line)
			if len(f) < 4 || f[3] != "0A" { // 0A = LISTEN
				continue
			}
			addr, portHex, _ := strings.Cut(f[1], ":")
			port, _ := strconv.ParseInt(portHex, 16, 32)
			if _, ok := want[int(port)]; !ok {
				continue
			}
			if addr != "0100007F" {
				t.Errorf("port %d listens on %s (%s), not 127.0.0.1", port, addr, table)
			}
			want[int(port)] = true
		}
	}
	for p, seen := range want {
		if !seen {
			t.Errorf("nothing listens on port %d", p)
		}
	}
}
