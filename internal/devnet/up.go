// Package devnet runs the local development network: a PostgreSQL cluster started from the machine's own
// binaries and a one-signer Clique node, both bound to 127.0.0.1, with the labelled development keys in
// keys.go. Up is what make run starts; StartPostgres also serves the test harness in internal/testenv.
package devnet

import (
	"context"
	"errors"
	"fmt"
	"github.com/heerlen/heitje/internal/localproc"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/chain/genesis"
	"github.com/heerlen/heitje/chain/node"
)

// Preferred ports of the development environment; Up takes free ones when these are busy.
const (
	DevPostgresPort = 5432
	DevHTTPPort     = 8545
	DevWSPort       = 8546
)

// Options configures Up. DatabaseURL and RPCURL point Up at a database and a chain that run elsewhere:
// Up then starts no cluster or node of its own for them.
type Options struct {
	ProjectRoot string    // the repository root: genesis.json, bin/geth, chain/node/gethbuild
	StateDir    string    // "" = <ProjectRoot>/.run
	Out         io.Writer // where Up reports what it started; nil = os.Stderr
	DatabaseURL string    // an existing database to use instead of the local cluster
	RPCURL      string    // an existing node's JSON-RPC endpoint to use instead of the local node
	GenesisPath string    // the chain's genesis; "" = <ProjectRoot>/genesis.json for the local node
	Signers     int       // more than 1: a network of that many signers and an RPC node instead of the one node
}

// Env is the development environment Up started. Postgres and Node are nil when Options pointed Up
// elsewhere; WSURL is then "" and GenesisPath is whatever Options gave.
type Env struct {
	Postgres    *Postgres
	Node        *node.Node
	Network     *Network // instead of Node when Options.Signers > 1
	DatabaseURL string   // the database heitje
	RPCURL      string
	WSURL       string
	GenesisPath string
	ChainID     *big.Int
}

// Up starts the development environment for make run: a persistent Postgres cluster in <state>/postgres and
// a persistent Clique node in <state>/chain, initialised from <root>/genesis.json and sealed by the
// development signer. Both keep their data from one run to the next. It prefers Postgres on 5432 and geth
// on 8545 (HTTP) and 8546 (WebSocket), takes free ports when those are busy, and reports what it chose.
// With Options.RPCURL set it asks that node for its chain id (and checks it against Options.GenesisPath,
// if given) instead of starting one; with Options.DatabaseURL set it starts no cluster.
func Up(ctx context.Context, opts Options) (*Env, error) {
	if opts.ProjectRoot == "" {
		return nil, errors.New("devnet up: ProjectRoot is required")
	}
	out := opts.Out
	if out == nil {
		out = os.Stderr
	}
	state := opts.StateDir
	if state == "" {
		state = filepath.Join(opts.ProjectRoot, ".run")
	}
	// 0755: the postgres user must be able to pass through to <state>/postgres.
	if err := os.MkdirAll(state, 0o755); err != nil {
		return nil, fmt.Errorf("devnet up: %w", err)
	}
	env := &Env{DatabaseURL: opts.DatabaseURL, RPCURL: opts.RPCURL, GenesisPath: opts.GenesisPath}
	if env.GenesisPath == "" && opts.RPCURL == "" {
		env.GenesisPath = filepath.Join(opts.ProjectRoot, "genesis.json")
	}

	var wg sync.WaitGroup
	var pgErr, chainErr error
	if opts.DatabaseURL == "" {
		wg.Add(1)
		go func() {
			defer wg.Done()
			env.Postgres, pgErr = StartPostgres(ctx, PostgresOptions{
				DataDir:    filepath.Join(state, "postgres"),
				Port:       preferredPort(DevPostgresPort),
				Persistent: true,
			})
		}()
	}
	switch {
	case opts.RPCURL == "" && opts.Signers > 1:
		env.GenesisPath = filepath.Join(state, "network", "genesis.json")
		env.Network, chainErr = startDevNetwork(ctx, opts.ProjectRoot, filepath.Join(state, "network"), opts.Signers)
	case opts.RPCURL == "":
		env.Node, chainErr = startDevNode(ctx, opts.ProjectRoot, filepath.Join(state, "chain"), env.GenesisPath)
	default:
		env.ChainID, chainErr = remoteChainID(ctx, opts.RPCURL, opts.GenesisPath)
	}
	wg.Wait()
	if err := errors.Join(pgErr, chainErr); err != nil {
		return nil, errors.Join(fmt.Errorf("devnet up: %w", err), env.Stop())
	}
	if env.Postgres != nil {
		env.DatabaseURL = env.Postgres.URL()
		fmt.Fprintf(out, "devnet: postgres %s (data in %s)\n", env.DatabaseURL, env.Postgres.DataDir())
	}
	if env.Node != nil {
		env.RPCURL, env.WSURL, env.ChainID = env.Node.RPCURL(), env.Node.WSURL(), env.Node.ChainID()
		fmt.Fprintf(out, "devnet: geth %s, %s, chain %s (data in %s, log %s)\n",
			env.RPCURL, env.WSURL, env.ChainID, env.Node.DataDir(), env.Node.LogFile())
	}
	if env.Network != nil {
		rpcNode := env.Network.RPC()
		env.RPCURL, env.WSURL, env.ChainID = rpcNode.RPCURL(), rpcNode.WSURL(), rpcNode.ChainID()
		for i := range env.Network.Signers() {
			nd := env.Network.Node(i)
			fmt.Fprintf(out, "devnet: signer %s: geth %s (its clique API: heitje chain signers --rpc %[2]s), log %s\n",
				nd.Signer().Hex(), nd.RPCURL(), nd.LogFile())
		}
		fmt.Fprintf(out, "devnet: RPC node (no signer) %s, %s, chain %s, log %s; static peers, no discovery\n",
			env.RPCURL, env.WSURL, env.ChainID, rpcNode.LogFile())
	}
	return env, nil
}

// remoteChainID asks the node at rpcURL for its chain id and, if genesisPath is set, checks it against the
// genesis.
func remoteChainID(ctx context.Context, rpcURL, genesisPath string) (*big.Int, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	client, err := rpc.DialContext(ctx, rpcURL)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", rpcURL, err)
	}
	defer client.Close()
	var id hexutil.Big
	if err := client.CallContext(ctx, &id, "eth_chainId"); err != nil {
		return nil, fmt.Errorf("eth_chainId on %s: %w", rpcURL, err)
	}
	chainID := (*big.Int)(&id)
	if genesisPath != "" {
		want, err := genesis.ChainID(genesisPath)
		if err != nil {
			return nil, err
		}
		if want.Cmp(chainID) != 0 {
			return nil, fmt.Errorf("the node at %s runs chain %s, but %s is chain %s", rpcURL, chainID, genesisPath, want)
		}
	}
	return chainID, nil
}

func startDevNode(ctx context.Context, root, dataDir, genesisPath string) (*node.Node, error) {
	geth, err := node.EnsureGeth(ctx, root)
	if err != nil {
		return nil, err
	}
	return node.Start(ctx, node.Options{
		GethPath:       geth,
		DataDir:        dataDir,
		GenesisPath:    genesisPath,
		SignerKey:      DevSigner.ECDSA(),
		SignerPassword: DevSignerPassword,
		HTTPPort:       preferredPort(DevHTTPPort),
		WSPort:         preferredPort(DevWSPort),
	})
}

// startDevNetwork starts signers development signers and an RPC node in dir, on the development genesis
// with those signers, written to <dir>/genesis.json; the RPC node prefers ports 8545 and 8546.
func startDevNetwork(ctx context.Context, root, dir string, signers int) (*Network, error) {
	geth, err := node.EnsureGeth(ctx, root)
	if err != nil {
		return nil, err
	}
	spec := GenesisSpec()
	spec.Signers = SignerAddresses(signers)
	for _, a := range spec.Signers {
		spec.Alloc[a] = new(big.Int).Set(devBalance)
	}
	data, err := genesis.Build(spec)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "genesis.json"), data, 0o644); err != nil {
		return nil, err
	}
	return StartNetwork(ctx, NetworkOptions{GethPath: geth, Dir: dir, Genesis: data, Signers: signers,
		RPCHTTPPort: preferredPort(DevHTTPPort), RPCWSPort: preferredPort(DevWSPort)})
}

// preferredPort returns port if it is free now, else 0 (pick a free one).
func preferredPort(port int) int {
	if localproc.PortFree(port) {
		return port
	}
	return 0
}

// Stop stops the node and the cluster; their data stays for the next Up. It may be called on a partly
// started Env.
func (e *Env) Stop() error {
	var errs []error
	if e.Node != nil {
		errs = append(errs, e.Node.Stop())
	}
	if e.Network != nil {
		errs = append(errs, e.Network.Stop())
	}
	if e.Postgres != nil {
		errs = append(errs, e.Postgres.Stop())
	}
	return errors.Join(errs...)
}
