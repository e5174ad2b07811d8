package contracts_test

import (
	"crypto/ecdsa"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"
)

// TestBehaviourSimulated runs the behaviour suite on go-ethereum's simulated backend: a fast unit check. The
// simulated backend runs newer EVM rules than the London chain the coin is deployed on, so the same suite also
// runs against the real Clique node (TestBehaviourClique).
func TestBehaviourSimulated(t *testing.T) {
	runBehaviour(t, newSimChain(t, 64))
}

// simChain is a testChain on the simulated backend, with a fixed set of keys funded at genesis.
type simChain struct {
	backend *simulated.Backend
	client  simulated.Client
	chainID *big.Int

	mu   sync.Mutex
	keys []*ecdsa.PrivateKey

	// commitMu serializes Commit: two concurrent Commits can deadlock the simulated backend's txpool sync.
	commitMu sync.Mutex
}

func newSimChain(t testing.TB, fundedKeys int) *simChain {
	t.Helper()
	alloc := types.GenesisAlloc{}
	keys := make([]*ecdsa.PrivateKey, fundedKeys)
	for i := range keys {
		key, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		keys[i] = key
		alloc[crypto.PubkeyToAddress(key.PublicKey)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))}
	}
	backend := simulated.NewBackend(alloc)
	t.Cleanup(func() { _ = backend.Close() })
	chainID, err := backend.Client().ChainID(testContext(t))
	if err != nil {
		t.Fatal(err)
	}
	return &simChain{backend: backend, client: backend.Client(), chainID: chainID, keys: keys}
}

func (s *simChain) Client() chainClient { return s.client }
func (s *simChain) ChainID() *big.Int   { return s.chainID }

func (s *simChain) FundedKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.keys) == 0 {
		t.Fatal("simulated chain: out of funded keys; raise the count in newSimChain")
	}
	key := s.keys[0]
	s.keys = s.keys[1:]
	return key
}

// Mined seals blocks until every transaction has a receipt. Parallel tests seal blocks too, so a transaction may
// land in a block that another test sealed.
func (s *simChain) Mined(t testing.TB, txs ...*types.Transaction) []*types.Receipt {
	t.Helper()
	ctx := testContext(t)
	receipts := make([]*types.Receipt, len(txs))
	for attempt := 0; attempt < 50; attempt++ {
		s.commitMu.Lock()
		s.backend.Commit()
		s.commitMu.Unlock()
		missing := 0
		for i, tx := range txs {
			if receipts[i] != nil {
				continue
			}
			r, err := s.client.TransactionReceipt(ctx, tx.Hash())
			if err != nil {
				missing++
				continue
			}
			receipts[i] = r
		}
		if missing == 0 {
			return receipts
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("simulated chain: %d transactions not mined after 50 blocks", len(txs))
	return nil
}

// Advance seals an empty block, one second or more after the last one.
func (s *simChain) Advance(t testing.TB) {
	t.Helper()
	s.commitMu.Lock()
	defer s.commitMu.Unlock()
	s.backend.Commit()
}
