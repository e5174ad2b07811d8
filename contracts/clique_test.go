package contracts_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/heerlen/heitje/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

// TestBehaviourClique runs the behaviour suite against the real Clique node (geth v1.13.15, London rules, a block
// every second): the check that the committed bytecode deploys and behaves on the chain the platform runs.
func TestBehaviourClique(t *testing.T) {
	if testing.Short() {
		t.Skip("needs the real Clique node; skipped with -short")
	}
	runBehaviour(t, &cliqueChain{env: testenv.Chain(t)})
}

// cliqueChain is a testChain on the real node.
type cliqueChain struct {
	env *testenv.ChainEnv
}

func (c *cliqueChain) Client() chainClient                      { return c.env.Client }
func (c *cliqueChain) ChainID() *big.Int                        { return c.env.ChainID }
func (c *cliqueChain) FundedKey(t testing.TB) *ecdsa.PrivateKey { return c.env.FundedKey(t) }

// receiptPoll is how often Mined asks for receipts: a tenth of the block period, so a test sees its block soon
// after it is sealed.
const receiptPoll = 100 * time.Millisecond

// Mined polls until every transaction has a receipt. The node seals a block every second.
func (c *cliqueChain) Mined(t testing.TB, txs ...*types.Transaction) []*types.Receipt {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	receipts := make([]*types.Receipt, len(txs))
	for i, tx := range txs {
		for receipts[i] == nil {
			r, err := c.env.Client.TransactionReceipt(ctx, tx.Hash())
			switch {
			case err == nil:
				receipts[i] = r
			case !errors.Is(err, ethereum.NotFound):
				t.Fatalf("receipt of %s: %v", tx.Hash(), err)
			default:
				select {
				case <-ctx.Done():
					t.Fatalf("transaction %s not mined within 30 s", tx.Hash())
				case <-time.After(receiptPoll):
				}
			}
		}
	}
	// geth stores a block's receipts a moment before it makes the block its head: wait for the head, so that
	// reads of the latest state see what the transactions did.
	last := uint64(0)
	for _, r := range receipts {
		last = max(last, r.BlockNumber.Uint64())
	}
	for {
		n, err := c.env.Client.BlockNumber(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n >= last {
			return receipts
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the head did not reach block %d", last)
		case <-time.After(receiptPoll / 5):
		}
	}
}

// Advance waits a tenth of a block period: the node seals blocks by itself.
func (c *cliqueChain) Advance(t testing.TB) { time.Sleep(receiptPoll) }
