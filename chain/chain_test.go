package chain_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/contracts/bindings"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// fixture is a fresh database and a freshly deployed coin on the real Clique node.
type fixture struct {
	ctx      context.Context
	db       *store.DB
	client   *chain.Client
	token    *chain.Token
	deploy   chain.Deployment
	minter   *ecdsa.PrivateKey
	operator *ecdsa.PrivateKey
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	return newFixtureOn(t, testenv.Chain(t))
}

// newFixtureOn is newFixture on the node of env.
func newFixtureOn(t testing.TB, env *testenv.ChainEnv) *fixture {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	db := testdb.Open(t)
	client, err := chain.Dial(ctx, env.RPCURL, env.ChainID.Uint64())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	f := &fixture{ctx: ctx, db: db, client: client, minter: env.FundedKey(t), operator: env.FundedKey(t)}
	admin := env.FundedKey(t)
	f.deploy, err = chain.DeployToken(ctx, client, admin, chain.Roles{
		Minter:   crypto.PubkeyToAddress(f.minter.PublicKey),
		Operator: crypto.PubkeyToAddress(f.operator.PublicKey),
		Treasury: crypto.PubkeyToAddress(env.FundedKey(t).PublicKey),
	})
	if err != nil {
		t.Fatal(err)
	}
	f.token = chain.NewToken(f.deploy.Address)
	return f
}

func (f *fixture) balanceOf(t testing.TB, a common.Address) *big.Int {
	t.Helper()
	coin := bindings.NewHeitjeCoin()
	out, err := f.client.CallContract(f.ctx, ethereum.CallMsg{To: &f.deploy.Address, Data: coin.PackBalanceOf(a)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := coin.UnpackBalanceOf(out)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func (f *fixture) totalSupply(t testing.TB) *big.Int {
	t.Helper()
	coin := bindings.NewHeitjeCoin()
	out, err := f.client.CallContract(f.ctx, ethereum.CallMsg{To: &f.deploy.Address, Data: coin.PackTotalSupply()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := coin.UnpackTotalSupply(out)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// runSender runs s until the returned stop function is called; stop waits for Run to return.
func runSender(f *fixture, s *chain.Sender) (stop func()) {
	ctx, cancel := context.WithCancel(f.ctx)
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	return func() { cancel(); <-done }
}

func (f *fixture) waitCounts(t testing.TB, until func(map[outbox.Status]int64) bool, timeout time.Duration) map[outbox.Status]int64 {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		c, err := f.db.Outbox().Counts(f.ctx)
		if err != nil {
			t.Fatal(err)
		}
		if until(c) {
			return c
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out; intents by status: %v", c)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// crashingStore commits a batch of nonces and then fails as if the process died before broadcasting it.
type crashingStore struct {
	*store.OutboxStore
	batches atomic.Int32
	crashAt int32
	crash   func()
}

func (s *crashingStore) AssignNonces(ctx context.Context, signer outbox.Signer, signed []outbox.Signed, next uint64) error {
	if err := s.OutboxStore.AssignNonces(ctx, signer, signed, next); err != nil {
		return err
	}
	if s.batches.Add(1) == s.crashAt {
		s.crash()
		return fmt.Errorf("simulated crash after storing %d signed transactions", len(signed))
	}
	return nil
}

// TestOutboxMintsExactlyOnceAcrossSenderRestart queues 500 mints, stops the sender half-way (right after it
// stored a batch of signed transactions and before it broadcast them), starts a new sender, and checks that
// exactly 500 mints happened, that total supply equals their sum, and that the indexer's rows equal the
// chain's events.
func TestOutboxMintsExactlyOnceAcrossSenderRestart(t *testing.T) {
	f := newFixture(t)
	const n = 500
	want := new(big.Int)
	recipients := make([]common.Address, n)
	for i := range n {
		recipients[i] = common.BigToAddress(big.NewInt(int64(0x100000 + i)))
		amount := big.NewInt(int64(i%97 + 1))
		want.Add(want, amount)
		if _, err := f.db.Outbox().Enqueue(f.ctx, outbox.Intent{
			Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: fmt.Sprintf("test-mint-%d", i),
			Args: outbox.Args{To: recipients[i], Amount: amount, Ref: crypto.Keccak256Hash([]byte(fmt.Sprint("claim-", i)))},
		}); err != nil {
			t.Fatal(err)
		}
	}
	// Enqueueing again under the same keys changes nothing.
	again, err := f.db.Outbox().Enqueue(f.ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: "test-mint-7",
		Args: outbox.Args{To: recipients[0], Amount: big.NewInt(999)}})
	if err != nil || again.Args.To != recipients[7] {
		t.Fatalf("re-enqueue did not return the first intent: %+v %v", again, err)
	}

	first, stopFirst := context.WithCancel(f.ctx)
	cs := &crashingStore{OutboxStore: f.db.Outbox(), crashAt: 3, crash: stopFirst}
	s1 := chain.NewSender("minter", f.minter, f.client, cs, f.token, quiet)
	s1.BatchSize = 60
	done := make(chan struct{})
	go func() { s1.Run(first); close(done) }()
	<-done
	mid, _ := f.db.Outbox().Counts(f.ctx)
	if mid[outbox.StatusQueued] == 0 || mid[outbox.StatusQueued] == n {
		t.Fatalf("the first sender should have stopped half-way, counts %v", mid)
	}
	t.Logf("after the crash: %v", mid)

	s2 := chain.NewSender("minter", f.minter, f.client, f.db.Outbox(), f.token, quiet)
	stop := runSender(f, s2)
	counts := f.waitCounts(t, func(c map[outbox.Status]int64) bool { return c[outbox.StatusConfirmed]+c[outbox.StatusFailed] == n }, 3*time.Minute)
	stop()
	if counts[outbox.StatusConfirmed] != n {
		t.Fatalf("want %d confirmed, got %v", n, counts)
	}
	if got := f.totalSupply(t); got.Cmp(want) != 0 {
		t.Fatalf("total supply %s, want %s", got, want)
	}
	for i, r := range recipients {
		if got := f.balanceOf(t, r); got.Int64() != int64(i%97+1) {
			t.Fatalf("recipient %d holds %s, want %d", i, got, i%97+1)
		}
	}
	head, err := f.client.BlockNumber(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	minted, err := f.client.FilterLogs(f.ctx, ethereum.FilterQuery{FromBlock: big.NewInt(int64(f.deploy.Block)),
		ToBlock: new(big.Int).SetUint64(head), Addresses: []common.Address{f.deploy.Address},
		Topics: [][]common.Hash{{bindings.NewHeitjeCoin().GetABI().Events["Minted"].ID}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(minted) != n {
		t.Fatalf("%d Minted events on chain, want %d", len(minted), n)
	}

	ix := chain.NewIndexer(f.client, f.db.Ledger(), f.deploy.Address, quiet)
	ix.StartBlock = f.deploy.Block
	indexUntil(t, f, ix, head)
	compareLedgerWithChain(t, f, head)
}

func indexUntil(t *testing.T, f *fixture, ix *chain.Indexer, head uint64) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		cur, ok, err := f.db.Ledger().Cursor(f.ctx, f.deploy.Address)
		if err != nil {
			t.Fatal(err)
		}
		if ok && cur.Number >= head {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("indexer stuck at %d, want %d", cur.Number, head)
		}
		if _, err := ix.Step(f.ctx); err != nil {
			t.Fatal(err)
		}
	}
}

// compareLedgerWithChain checks that the ledger holds exactly the contract's logs up to head, once each,
// and that its balances equal the contract's.
func compareLedgerWithChain(t *testing.T, f *fixture, head uint64) {
	t.Helper()
	logs, err := f.client.FilterLogs(f.ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(f.deploy.Block),
		ToBlock: new(big.Int).SetUint64(head), Addresses: []common.Address{f.deploy.Address}})
	if err != nil {
		t.Fatal(err)
	}
	coin := bindings.NewHeitjeCoin().GetABI()
	kept := map[common.Hash]bool{}
	for _, name := range []string{"Transfer", "Minted", "Redeemed", "AuthorizationUsed", "AuthorizationCanceled", "RoleGranted", "RoleRevoked", "Paused", "Unpaused"} {
		kept[coin.Events[name].ID] = true
	}
	var want []string
	holders := map[common.Address]bool{}
	for _, l := range logs {
		if kept[l.Topics[0]] {
			want = append(want, fmt.Sprintf("%d/%s/%d", l.BlockNumber, l.TxHash.Hex(), l.Index))
		}
		if l.Topics[0] == coin.Events["Transfer"].ID {
			holders[common.BytesToAddress(l.Topics[2].Bytes())] = true
		}
	}
	evs, err := f.db.Ledger().Events(f.ctx, 0, head)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range evs {
		got = append(got, fmt.Sprintf("%d/%s/%d", e.BlockNumber, e.TxHash.Hex(), e.LogIndex))
	}
	sort.Strings(want)
	sort.Strings(got)
	if len(got) != len(want) {
		t.Fatalf("ledger has %d events, chain %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("event %d differs: ledger %s, chain %s", i, got[i], want[i])
		}
	}
	for h := range holders {
		lb, err := f.db.Ledger().Balance(f.ctx, h)
		if err != nil {
			t.Fatal(err)
		}
		if cb := f.balanceOf(t, h); lb.Cmp(cb) != 0 {
			t.Fatalf("balance of %s: ledger %s, chain %s", h.Hex(), lb, cb)
		}
	}
}

// TestIndexerRestartMidStream runs the indexer while mints keep landing, stops it mid-stream, starts a new
// one, and finds every event exactly once.
func TestIndexerRestartMidStream(t *testing.T) {
	f := newFixture(t)
	s := chain.NewSender("minter", f.minter, f.client, f.db.Outbox(), f.token, quiet)
	s.BatchSize = 15
	stopSender := runSender(f, s)
	const rounds, per = 12, 10
	const n = rounds * per
	enqueue := func(round int) {
		for i := round * per; i < (round+1)*per; i++ {
			if _, err := f.db.Outbox().Enqueue(f.ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: fmt.Sprint("ix-", i),
				Args: outbox.Args{To: common.BigToAddress(big.NewInt(int64(0x200000 + i%7))), Amount: big.NewInt(int64(i + 1)),
					Ref: crypto.Keccak256Hash([]byte(fmt.Sprint("ix-", i)))}}); err != nil {
				t.Error(err)
			}
		}
	}
	ix1 := chain.NewIndexer(f.client, f.db.Ledger(), f.deploy.Address, quiet)
	ix1.StartBlock, ix1.MaxRange, ix1.PollInterval = f.deploy.Block, 2, 20*time.Millisecond
	ctx1, cancel1 := context.WithCancel(f.ctx)
	defer cancel1()
	done := make(chan struct{})
	go func() { ix1.Run(ctx1); close(done) }()
	// Mints land over many blocks; the first indexer is stopped a third of the way through.
	for round := range rounds {
		enqueue(round)
		if round == rounds/3 {
			cancel1()
			<-done
		}
		time.Sleep(600 * time.Millisecond)
	}
	cur, _, _ := f.db.Ledger().Cursor(f.ctx, f.deploy.Address)
	t.Logf("first indexer stopped at block %d", cur.Number)

	f.waitCounts(t, func(c map[outbox.Status]int64) bool { return c[outbox.StatusConfirmed] == n }, 3*time.Minute)
	stopSender()
	head, err := f.client.BlockNumber(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cur.Number >= head {
		t.Fatalf("the first indexer was not stopped mid-stream (cursor %d, head %d)", cur.Number, head)
	}
	ix2 := chain.NewIndexer(f.client, f.db.Ledger(), f.deploy.Address, quiet)
	ix2.StartBlock, ix2.MaxRange = f.deploy.Block, 3
	indexUntil(t, f, ix2, head)
	compareLedgerWithChain(t, f, head)
}
