// Package chain is the platform's only user of ethclient: it dials the node and checks the chain id, encodes
// the coin contract's calls, sends the outbox's intents (one owner per signing key) and indexes the contract's
// events into the ledger. The geth node that seals the Clique chain is built and started from chain/node.
package chain

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// Client is a connection to a node of the coin's chain.
type Client struct {
	*ethclient.Client
	RPC     *rpc.Client
	ChainID *big.Int

	receipts blockReceipts
}

// Dial connects to the node at url and refuses a chain whose id is not want.
func Dial(ctx context.Context, url string, want uint64) (*Client, error) {
	dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	rc, err := rpc.DialContext(dctx, url)
	if err != nil {
		return nil, fmt.Errorf("chain node unreachable: %w", err)
	}
	ec := ethclient.NewClient(rc)
	id, err := ec.ChainID(dctx)
	if err != nil {
		rc.Close()
		return nil, fmt.Errorf("chain node unreachable: %w", err)
	}
	if id.Uint64() != want || !id.IsUint64() {
		rc.Close()
		return nil, fmt.Errorf("chain id mismatch: the node at ETH_RPC_URL runs chain %s, the genesis file says %d", id, want)
	}
	return &Client{Client: ec, RPC: rc, ChainID: id}, nil
}
