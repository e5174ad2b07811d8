package node

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"github.com/heerlen/heitje/internal/localproc"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/chain/genesis"
)

// ErrGenesisMismatch means the data directory holds a chain that started from another genesis.
var ErrGenesisMismatch = errors.New("data directory holds a chain with a different genesis")

// Options configures Start. Ports left 0 are picked free on 127.0.0.1.
type Options struct {
	GethPath       string            // the geth v1.13.15 binary, see EnsureGeth
	DataDir        string            // created if missing; initialised from the genesis on first use
	GenesisPath    string            // the genesis file; or
	Genesis        []byte            // its contents, used when GenesisPath is empty
	SignerKey      *ecdsa.PrivateKey // must be one of the genesis signers; nil = a node that only serves RPC
	SignerPassword string            // encrypts the key in <DataDir>/keystore
	Joining        bool              // the signer is not in the genesis yet but is to be voted in: seal once it is
	NodeKey        *ecdsa.PrivateKey // the node's P2P identity, kept in <DataDir>/geth/nodekey; nil = geth makes one
	StaticNodes    []string          // enode URLs of the other nodes, dialled and kept connected (see Enode)
	HTTPPort       int
	WSPort         int
	P2PPort        int
	AuthPort       int
	GasLimit       uint64        // block gas limit the node aims for; 0 = the genesis gas limit
	LogFile        string        // geth's output, appended; "" = <DataDir>/geth.log
	StartTimeout   time.Duration // how long to wait for the first sealed block; 0 = 2 minutes
	// AdminAPI serves geth's admin API too on the node's HTTP endpoint (127.0.0.1): tests use its
	// admin_removePeer and admin_addPeer to partition a network and heal it.
	AdminAPI bool
}

// networked reports whether the node is one of several: it has peers to dial. Such a node is ready once it
// answers; whether it seals depends on the others, which the caller waits for.
func (o Options) networked() bool { return len(o.StaticNodes) > 0 }

// Node is a running geth process. Its methods are safe for concurrent use.
type Node struct {
	proc     *localproc.Child
	dataDir  string
	logFile  string
	rpcURL   string
	wsURL    string
	chainID  *big.Int
	signer   common.Address
	p2pPort  int
	stopOnce sync.Once
	stopErr  error
}

// stopTimeout is how long Stop waits for geth to shut down cleanly before killing it.
const stopTimeout = 30 * time.Second

// Start initialises the data directory if it is new, imports the signer key once, starts geth and returns
// once geth answers eth_chainId with the genesis chain id and has sealed a block (for a genesis with period
// 0, which seals only when transactions are pending, once it reports that it is sealing). A node with
// StaticNodes, or without a SignerKey, is returned as soon as it answers: its blocks come from its peers. It
// refuses a data directory initialised from another genesis with ErrGenesisMismatch. Geth dies with the
// calling process.
func Start(ctx context.Context, opts Options) (*Node, error) {
	if opts.GethPath == "" || opts.DataDir == "" {
		return nil, errors.New("start node: GethPath and DataDir are required")
	}
	if opts.SignerKey == nil && !opts.networked() {
		return nil, errors.New("start node: a node without a SignerKey needs StaticNodes to get its blocks from")
	}
	genesisJSON := opts.Genesis
	if opts.GenesisPath != "" {
		var err error
		if genesisJSON, err = os.ReadFile(opts.GenesisPath); err != nil {
			return nil, fmt.Errorf("start node: %w", err)
		}
	}
	spec, err := genesis.Parse(genesisJSON)
	if err != nil {
		return nil, fmt.Errorf("start node: genesis: %w", err)
	}
	var signer common.Address
	if opts.SignerKey != nil {
		signer = crypto.PubkeyToAddress(opts.SignerKey.PublicKey)
		if !opts.Joining && !slices.Contains(spec.Signers, signer) {
			return nil, fmt.Errorf("start node: %s is not a signer of this genesis (signers %v)", signer, spec.Signers)
		}
	}
	dataDir, err := filepath.Abs(opts.DataDir)
	if err != nil {
		return nil, fmt.Errorf("start node: %w", err)
	}
	if opts.GethPath, err = filepath.Abs(opts.GethPath); err != nil {
		return nil, fmt.Errorf("start node: %w", err)
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("start node: %w", err)
	}
	logFile := opts.LogFile
	if logFile == "" {
		logFile = filepath.Join(dataDir, "geth.log")
	}
	if err := prepare(ctx, opts, dataDir, genesisJSON, logFile); err != nil {
		return nil, fmt.Errorf("start node in %s: %w", dataDir, err)
	}
	gasLimit := opts.GasLimit
	if gasLimit == 0 {
		gasLimit = spec.GasLimit
	}
	timeout := opts.StartTimeout
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	const attempts = 3
	for attempt := 1; ; attempt++ {
		ports, err := pickPorts(opts)
		if err != nil {
			return nil, fmt.Errorf("start node: %w", err)
		}
		n, err := launch(ctx, opts, dataDir, logFile, signer, spec, gasLimit, ports, timeout)
		if err == nil {
			return n, nil
		}
		// A port picked free may have been taken before geth bound it; pick again.
		if attempt < attempts && ports.picked && strings.Contains(err.Error(), "address already in use") {
			continue
		}
		return nil, fmt.Errorf("start node in %s: %w", dataDir, err)
	}
}

// RPCURL returns the node's HTTP JSON-RPC endpoint, http://127.0.0.1:port.
func (n *Node) RPCURL() string { return n.rpcURL }

// WSURL returns the node's WebSocket JSON-RPC endpoint, ws://127.0.0.1:port.
func (n *Node) WSURL() string { return n.wsURL }

// ChainID returns the chain id from the genesis.
func (n *Node) ChainID() *big.Int { return new(big.Int).Set(n.chainID) }

// Signer returns the address that seals this node's blocks; the zero address for a node that only serves RPC.
func (n *Node) Signer() common.Address { return n.signer }

// P2PPort returns the port on 127.0.0.1 on which the node takes connections from its peers.
func (n *Node) P2PPort() int { return n.p2pPort }

// DataDir returns the absolute path of the node's data directory.
func (n *Node) DataDir() string { return n.dataDir }

// LogFile returns the path of geth's log.
func (n *Node) LogFile() string { return n.logFile }

// Done is closed when the geth process has exited, whether through Stop or not.
func (n *Node) Done() <-chan struct{} { return n.proc.Done() }

// Stop asks geth to shut down (SIGINT), waits for it and kills it if it takes longer than 30 s. It returns
// an error if geth had to be killed or had exited before Stop; calling it again returns the same result.
func (n *Node) Stop() error {
	n.stopOnce.Do(func() {
		if n.proc.Exited() {
			n.stopErr = fmt.Errorf("geth had already exited (%v); see %s", n.proc.Err(), n.logFile)
			return
		}
		n.stopErr = n.proc.Stop(syscall.SIGINT, stopTimeout)
	})
	return n.stopErr
}

// StartSealing has a networked signer's node (one with StaticNodes) begin to seal; it goes on sealing until
// it stops. Call it once the node has peers and has caught up with them. A node started alone seals from the
// start.
func (n *Node) StartSealing(ctx context.Context) error {
	c, err := rpc.DialContext(ctx, n.rpcURL)
	if err != nil {
		return err
	}
	defer c.Close()
	// geth unlocks the signer's key only after it has begun to serve RPC; a seal tried before that fails,
	// and geth does not try again while no transaction is pending.
	for {
		var sig hexutil.Bytes
		err := c.CallContext(ctx, &sig, "eth_sign", n.signer, hexutil.Bytes("heitje: unlocked?"))
		if err == nil {
			break
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the signer's key on %s is not unlocked: %w (%v)", n.rpcURL, ctx.Err(), err)
		case <-n.proc.Done():
			return fmt.Errorf("geth exited: %v", n.proc.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
	if err := c.CallContext(ctx, nil, "miner_start"); err != nil {
		return fmt.Errorf("miner_start on %s: %w", n.rpcURL, err)
	}
	return nil
}

// Kill ends geth at once (SIGKILL), as a crash of the node would, and waits for it. Whatever geth kept only in
// memory is lost, but not its transaction pool: geth journals the transactions it was sent over RPC in
// geth/transactions.rlp and loads them again when it starts. Tests of node outages use it.
func (n *Node) Kill() error {
	n.stopOnce.Do(func() { n.stopErr = n.proc.Stop(syscall.SIGKILL, stopTimeout) })
	return n.stopErr
}

type portSet struct {
	http, ws, p2p, auth int
	picked              bool // at least one port was picked free rather than given
}

func pickPorts(opts Options) (portSet, error) {
	p := portSet{http: opts.HTTPPort, ws: opts.WSPort, p2p: opts.P2PPort, auth: opts.AuthPort}
	for _, port := range []*int{&p.http, &p.ws, &p.p2p, &p.auth} {
		if *port != 0 {
			continue
		}
		for {
			free, err := localproc.FreePort()
			if err != nil {
				return p, err
			}
			// freePort can hand out the same port twice in a row once it has been released.
			if free != p.http && free != p.ws && free != p.p2p && free != p.auth {
				*port = free
				break
			}
		}
		p.picked = true
	}
	return p, nil
}

// prepare initialises a new data directory (or checks an existing one against the genesis) and imports the
// signer key, side by side: each takes a second or more.
func prepare(ctx context.Context, opts Options, dataDir string, genesisJSON []byte, logFile string) error {
	var wg sync.WaitGroup
	var initErr, keyErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		initErr = initDataDir(ctx, opts.GethPath, dataDir, genesisJSON, logFile)
	}()
	if opts.SignerKey != nil {
		_, keyErr = genesis.WriteKeystore(filepath.Join(dataDir, "keystore"), opts.SignerKey, opts.SignerPassword)
	}
	wg.Wait()
	if initErr != nil {
		return initErr
	}
	if keyErr != nil {
		return keyErr
	}
	if opts.NodeKey != nil {
		if err := WriteNodeKey(dataDir, opts.NodeKey); err != nil {
			return err
		}
	}
	if opts.SignerKey == nil {
		return nil
	}
	if err := os.WriteFile(filepath.Join(dataDir, "signer.password"), []byte(opts.SignerPassword), 0o600); err != nil {
		return err
	}
	return nil
}

func appendLog(path string, data []byte) {
	if len(data) == 0 {
		return
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	_, _ = f.Write(data)
}

// launch starts geth once with the given ports and waits until it is ready.
func launch(ctx context.Context, opts Options, dataDir, logFile string, signer common.Address, spec genesis.Spec,
	gasLimit uint64, ports portSet, timeout time.Duration) (*Node, error) {
	// geth v1.13.15's --port listens on every interface; only the config file can bind P2P to 127.0.0.1.
	// With --nodiscover geth dials no boot node, only the static nodes of the config file.
	configPath := filepath.Join(dataDir, "heitje-geth.toml")
	config := fmt.Sprintf("[Node.P2P]\nListenAddr = \"127.0.0.1:%d\"\nBootstrapNodes = []\nBootstrapNodesV5 = []\n", ports.p2p)
	config += StaticNodesTOML(opts.StaticNodes)
	if err := os.WriteFile(configPath, []byte(config), 0o644); err != nil {
		return nil, err
	}
	maxPeers, httpAPI := "0", "eth,net,web3,txpool,clique"
	if opts.networked() {
		maxPeers = strconv.Itoa(len(opts.StaticNodes) + 8)
		if opts.SignerKey != nil {
			httpAPI += ",miner" // for StartSealing
		}
	}
	if opts.AdminAPI {
		httpAPI += ",admin"
	}
	args := []string{
		"--config", configPath,
		"--datadir", dataDir,
		"--networkid", spec.ChainID.String(),
		"--nodiscover", "--maxpeers", maxPeers, "--nat", "none",
		"--http", "--http.addr", "127.0.0.1", "--http.port", strconv.Itoa(ports.http),
		"--http.api", httpAPI,
		"--ws", "--ws.addr", "127.0.0.1", "--ws.port", strconv.Itoa(ports.ws), "--ws.api", "eth,net,web3",
		"--authrpc.addr", "127.0.0.1", "--authrpc.port", strconv.Itoa(ports.auth),
		"--miner.gaslimit", strconv.FormatUint(gasLimit, 10),
		"--txpool.globalslots", "20000", "--txpool.accountslots", "5000",
		"--txpool.globalqueue", "5000", "--txpool.accountqueue", "5000",
		"--syncmode", "full", "--gcmode", "archive",
		"--verbosity", "2", "--ipcdisable",
	}
	if opts.SignerKey != nil {
		args = append(args, "--miner.etherbase", signer.Hex(),
			"--unlock", signer.Hex(), "--password", filepath.Join(dataDir, "signer.password"), "--allow-insecure-unlock")
		// A networked signer seals once StartSealing is called: signers that all start sealing before they
		// are peered each seal their own block 1 and may never agree on one ("signed recently, must wait
		// for others").
		if !opts.networked() {
			args = append(args, "--mine")
		}
	}
	gethPath := opts.GethPath
	logOut, err := os.OpenFile(logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	defer logOut.Close() // geth holds its own descriptor
	offset, err := logOut.Seek(0, 2)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(gethPath, args...)
	cmd.Dir = dataDir
	cmd.Stdout, cmd.Stderr = logOut, logOut
	proc, err := localproc.Start(cmd, syscall.SIGTERM)
	if err != nil {
		return nil, err
	}
	n := &Node{
		proc:    proc,
		dataDir: dataDir,
		logFile: logFile,
		rpcURL:  fmt.Sprintf("http://127.0.0.1:%d", ports.http),
		wsURL:   fmt.Sprintf("ws://127.0.0.1:%d", ports.ws),
		chainID: new(big.Int).Set(spec.ChainID),
		signer:  signer,
		p2pPort: ports.p2p,
	}
	if err := n.waitReady(ctx, spec.PeriodSeconds, opts.networked(), timeout); err != nil {
		stopErr := n.Stop()
		return nil, errors.Join(fmt.Errorf("%w\ngeth log (%s):\n%s", err, logFile, localproc.Tail(logFile, offset, 25)), stopErr)
	}
	return n, nil
}

// waitReady polls the node until it answers with the right chain id and seals blocks; a networked node only
// until it answers.
func (n *Node) waitReady(ctx context.Context, period uint64, networked bool, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client, err := rpc.DialContext(ctx, n.rpcURL)
	if err != nil {
		return err
	}
	defer client.Close()
	var first uint64
	answered := false
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-n.proc.Done():
			return fmt.Errorf("geth exited during start-up: %v", n.proc.Err())
		case <-ctx.Done():
			if !answered {
				return fmt.Errorf("geth did not answer on %s: %w", n.rpcURL, ctx.Err())
			}
			return fmt.Errorf("geth answers but sealed no block: %w", ctx.Err())
		case <-tick.C:
		}
		callCtx, callCancel := context.WithTimeout(ctx, 2*time.Second)
		var chainID hexutil.Big
		var number hexutil.Uint64
		var mining bool
		batch := []rpc.BatchElem{
			{Method: "eth_chainId", Result: &chainID},
			{Method: "eth_blockNumber", Result: &number},
			{Method: "eth_mining", Result: &mining},
		}
		err := client.BatchCallContext(callCtx, batch)
		callCancel()
		if err != nil || batch[0].Error != nil || batch[1].Error != nil || batch[2].Error != nil {
			continue // not listening yet
		}
		if got := (*big.Int)(&chainID); got.Cmp(n.chainID) != 0 {
			return fmt.Errorf("geth reports chain id %s, the genesis says %s", got, n.chainID)
		}
		if networked {
			return nil
		}
		if !answered {
			answered, first = true, uint64(number)
			continue
		}
		if period == 0 && mining {
			return nil
		}
		if uint64(number) > first {
			return nil
		}
	}
}
