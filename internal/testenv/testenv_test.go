package testenv

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gethcommon "github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

func TestChainSealsAndFundsKeys(t *testing.T) {
	ctx := context.Background()
	began := time.Now()
	c := Chain(t)
	t.Logf("Chain ready after %s: %s", time.Since(began).Round(time.Millisecond), c.RPCURL)
	if Chain(t) != c {
		t.Fatal("Chain returned another env the second time")
	}
	if c.ChainID.Int64() != 6411 {
		t.Fatalf("chain id %s", c.ChainID)
	}
	a, b := c.FundedKey(t), c.FundedKey(t)
	if a.D.Cmp(b.D) == 0 {
		t.Fatal("FundedKey handed out the same key twice")
	}
	from := crypto.PubkeyToAddress(a.PublicKey)
	balance, err := c.Client.BalanceAt(ctx, from, nil)
	if err != nil {
		t.Fatal(err)
	}
	if balance.Cmp(new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))) < 0 {
		t.Fatalf("funded key holds %s wei", balance)
	}
	// A transfer from the funded key lands within a few blocks.
	to := crypto.PubkeyToAddress(b.PublicKey)
	tx, err := types.SignNewTx(a, types.NewLondonSigner(c.ChainID), &types.DynamicFeeTx{
		ChainID: c.ChainID, Nonce: 0, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(10e9),
		Gas: 21_000, To: &to, Value: big.NewInt(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		receipt, err := c.Client.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			if receipt.Status != types.ReceiptStatusSuccessful {
				t.Fatal("transfer failed")
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no receipt: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if _, err := os.Stat(c.GenesisPath); err != nil {
		t.Fatal(err)
	}
}

func TestTestKeysAreDeterministic(t *testing.T) {
	if testKey(7).D.Cmp(testKey(7).D) != 0 || testKey(7).D.Cmp(testKey(8).D) == 0 {
		t.Fatal("test keys are not a deterministic sequence")
	}
	want := crypto.PubkeyToAddress(testKey(0).PublicKey)
	seed := crypto.Keccak256([]byte("heitje-test-key"), make([]byte, 8))
	key, err := crypto.ToECDSA(seed)
	if err != nil || crypto.PubkeyToAddress(key.PublicKey) != want {
		t.Fatal("test key 0 is not keccak256(\"heitje-test-key\" || uint64 0)")
	}
}

// failingTB reports a failed test, so that Postgres keeps the database; it runs cleanups on demand.
type failingTB struct {
	testing.TB
	cleanups []func()
}

func (f *failingTB) Failed() bool        { return true }
func (f *failingTB) Cleanup(fn func())   { f.cleanups = append(f.cleanups, fn) }
func (f *failingTB) Logf(string, ...any) {}
func (f *failingTB) runCleanups() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
}

func TestPostgresGivesFreshDatabasesAndDropsThem(t *testing.T) {
	ctx := context.Background()
	var first, second string
	t.Run("use", func(t *testing.T) {
		first, second = Postgres(t), Postgres(t)
		if first == second {
			t.Fatal("two calls gave the same database")
		}
		conn, err := pgx.Connect(ctx, first)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		var tables int
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").Scan(&tables); err != nil || tables != 0 {
			t.Fatalf("a fresh database has %d tables (%v)", tables, err)
		}
		if _, err := conn.Exec(ctx, "CREATE TABLE t (x int); INSERT INTO t VALUES (1)"); err != nil {
			t.Fatal(err)
		}
		// The connection stays open: the drop must not depend on the test closing it.
	})
	admin, err := adminURL()
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{first, second} {
		if databaseExists(t, admin, u) {
			t.Fatalf("database of %s was not dropped after the test passed", u)
		}
	}

	failed := &failingTB{TB: t}
	kept := Postgres(failed)
	failed.runCleanups()
	if !databaseExists(t, admin, kept) {
		t.Fatal("the database of a failed test was dropped")
	}
	name := strings.TrimPrefix(mustPath(t, kept), "/")
	if err := adminExec(admin, "DROP DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatal(err)
	}
}

func mustPath(t testing.TB, u string) string {
	t.Helper()
	i := strings.Index(u, "@")
	rest := u[i:]
	path := rest[strings.Index(rest, "/"):]
	path, _, _ = strings.Cut(path, "?")
	return path
}

func databaseExists(t testing.TB, admin, dbURL string) bool {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var exists bool
	name := strings.TrimPrefix(mustPath(t, dbURL), "/")
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	return exists
}

// TestFundedKeysUniqueAcrossProcesses wraps a run of this test binary (the spawner) which starts four more
// (the drawers), each drawing 25 keys from the shared node at the same time; the spawner checks that all
// 100 differ and hold ether.
func TestFundedKeysUniqueAcrossProcesses(t *testing.T) {
	const drawers, perDrawer = 4, 25
	self := []string{os.Args[0], "-test.run=^TestFundedKeysUniqueAcrossProcesses$", "-test.count=1"}
	switch os.Getenv("HEITJE_TESTENV_ROLE") {
	case "drawer":
		c := Chain(t)
		var lines []string
		for range perDrawer {
			lines = append(lines, crypto.PubkeyToAddress(c.FundedKey(t).PublicKey).Hex())
		}
		if err := os.WriteFile(os.Getenv("HEITJE_TESTENV_OUT"), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	case "spawner":
		if _, shared, err := sharedEnv(); !shared || err != nil {
			t.Fatalf("the spawner does not run under the wrapper (%v)", err)
		}
		dir := t.TempDir()
		var wg sync.WaitGroup
		errs := make([]error, drawers)
		for i := range drawers {
			cmd := exec.Command(self[0], self[1:]...)
			cmd.Env = append(os.Environ(), "HEITJE_TESTENV_ROLE=drawer", fmt.Sprintf("HEITJE_TESTENV_OUT=%s/%d", dir, i))
			wg.Add(1)
			go func() {
				defer wg.Done()
				if out, err := cmd.CombinedOutput(); err != nil {
					errs[i] = fmt.Errorf("drawer %d: %w\n%s", i, err, out)
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		seen := make(map[string]bool)
		for i := range drawers {
			data, err := os.ReadFile(filepath.Join(dir, fmt.Sprint(i)))
			if err != nil {
				t.Fatal(err)
			}
			for _, addr := range strings.Split(string(data), "\n") {
				if seen[addr] {
					t.Fatalf("key %s was handed out twice", addr)
				}
				seen[addr] = true
			}
		}
		if len(seen) != drawers*perDrawer {
			t.Fatalf("%d distinct keys, want %d", len(seen), drawers*perDrawer)
		}
		c := Chain(t)
		if next, err := nextSharedIndex(filepath.Join(os.Getenv(envStateDir), "funded-keys.next")); err != nil || next != drawers*perDrawer {
			t.Fatalf("counter at %d (%v), want %d", next, err, drawers*perDrawer)
		}
		for addr := range seen {
			balance, err := c.Client.BalanceAt(context.Background(), gethcommon.HexToAddress(addr), nil)
			if err != nil || balance.Sign() == 0 {
				t.Fatalf("%s holds %v (%v)", addr, balance, err)
			}
			break
		}
		return
	}
	t.Setenv("HEITJE_TESTENV_ROLE", "spawner")
	code, err := Wrap(context.Background(), ProjectRoot(), self)
	if err != nil || code != 0 {
		t.Fatalf("the wrapped spawner exited %d (%v)", code, err)
	}
}

func TestWrapsSideBySide(t *testing.T) {
	dir := t.TempDir()
	script := `env | grep '^HEITJE_TEST_' | sort > "$OUT"; exit "$CODE"`
	type result struct {
		code int
		err  error
	}
	results := make([]result, 2)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out := filepath.Join(dir, fmt.Sprint(i))
			code, err := Wrap(context.Background(), ProjectRoot(),
				[]string{"sh", "-c", fmt.Sprintf("OUT=%s CODE=%d; %s", out, 3*i, script)})
			results[i] = result{code, err}
		}()
	}
	wg.Wait()
	var envs []string
	for i, r := range results {
		if r.err != nil || r.code != 3*i {
			t.Fatalf("wrap %d: exit %d, %v; want exit %d", i, r.code, r.err, 3*i)
		}
		data, err := os.ReadFile(filepath.Join(dir, fmt.Sprint(i)))
		if err != nil {
			t.Fatal(err)
		}
		envs = append(envs, string(data))
		for _, name := range sharedVars {
			if !strings.Contains(string(data), name+"=") {
				t.Fatalf("wrap %d did not set %s:\n%s", i, name, data)
			}
		}
	}
	for _, line := range strings.Split(envs[0], "\n") {
		if line != "" && strings.Contains(envs[1], line) {
			t.Fatalf("both wraps got %s", line)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(os.TempDir(), fmt.Sprintf("heitje-wrap-%d-*", os.Getpid())))
	if len(leftovers) != 0 {
		t.Fatalf("wrap folders left behind: %v", leftovers)
	}
}

func TestWrapStopsTheCommandWhenCancelled(t *testing.T) {
	ready := filepath.Join(t.TempDir(), "ready")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		for {
			if _, err := os.Stat(ready); err == nil {
				cancel()
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	began := time.Now()
	code, err := Wrap(ctx, ProjectRoot(), []string{"sh", "-c", "touch " + ready + "; exec sleep 120"})
	if err != nil || code != 128+15 {
		t.Fatalf("Wrap = %d, %v; want 143 (SIGTERM)", code, err)
	}
	if time.Since(began) > time.Minute {
		t.Fatalf("Wrap took %s to stop", time.Since(began))
	}
}
