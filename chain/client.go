// Package chain is the platform's only user of ethclient: it dials the node and checks the chain id, encodes
// the coin contract's calls, sends the outbox's intents (one owner per signing key) and indexes the contract's
// events into the ledger. The geth node that seals the Clique chain is built and started from chain/node.
package chain

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"net/url"
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

// Dial connects to the node at url and refuses a chain whose id is not want. url may list several http(s)
// endpoints of the chain separated by commas: each call then goes to the first that answers (see failover),
// every endpoint that answers now must run chain want, and at least one must answer.
func Dial(ctx context.Context, url string, want uint64, opts ...DialOption) (*Client, error) {
	o := dialOptions{log: slog.Default()}
	for _, opt := range opts {
		opt(&o)
	}
	dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	urls, err := splitEndpoints(url)
	if err != nil {
		return nil, err
	}
	var rc *rpc.Client
	if len(urls) == 1 {
		rc, err = rpc.DialOptions(dctx, url, rpc.WithHTTPClient(&http.Client{Transport: rpcTransport}))
	} else {
		if err := checkEndpoints(dctx, urls, want); err != nil {
			return nil, err
		}
		rc, err = rpc.DialOptions(dctx, urls[0].String(), rpc.WithHTTPClient(&http.Client{Transport: newFailover(urls, o.log)}))
	}
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

// DialOption changes how Dial connects.
type DialOption func(*dialOptions)

type dialOptions struct {
	log *slog.Logger
}

// WithLog is where a client of several endpoints logs that one failed or answers again; slog's default
// logger without it.
func WithLog(log *slog.Logger) DialOption {
	return func(o *dialOptions) { o.log = log }
}

// rpcTransport carries the JSON-RPC calls to the nodes over HTTP. It asks for no compression: the nodes are
// in the municipality's own network, where gzip costs both ends more CPU than the bytes cost (geth would
// compress every block's receipts and every batch of pre-checks, the platform inflate them). It keeps a
// connection for each of the calls that run at once (the senders, the indexer, the requests), where Go's
// default keeps two and opens and closes the others anew.
var rpcTransport = func() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DisableCompression = true
	t.MaxIdleConnsPerHost = 64
	return t
}()

// checkEndpoints refuses a list of endpoints of which one that answers runs another chain than want.
func checkEndpoints(ctx context.Context, urls []*url.URL, want uint64) error {
	for _, u := range urls {
		rc, err := rpc.DialContext(ctx, u.String())
		if err != nil {
			continue
		}
		id, err := ethclient.NewClient(rc).ChainID(ctx)
		rc.Close()
		if err == nil && (!id.IsUint64() || id.Uint64() != want) {
			return fmt.Errorf("chain id mismatch: the node at %s runs chain %s, the genesis file says %d", u.Redacted(), id, want)
		}
	}
	return nil
}
