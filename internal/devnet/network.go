package devnet

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/chain/node"
	"github.com/heerlen/heitje/internal/localproc"
)

// SignerKey returns the i-th development signer (from 0): DevSigner first, then keys derived from
// keccak256("heitje-devnet-signer" || uint64 i). Like every development key they are published and worth
// nothing.
func SignerKey(i int) *ecdsa.PrivateKey {
	if i == 0 {
		return DevSigner.ECDSA()
	}
	return derivedKey("heitje-devnet-signer", i)
}

// NodeKey returns the P2P identity of the i-th node of a development network (the signers from 0, then the
// RPC node), derived from keccak256("heitje-devnet-node" || uint64 i).
func NodeKey(i int) *ecdsa.PrivateKey { return derivedKey("heitje-devnet-node", i) }

func derivedKey(label string, i int) *ecdsa.PrivateKey {
	seed := crypto.Keccak256([]byte(label), binary.BigEndian.AppendUint64(nil, uint64(i)))
	for {
		if key, err := crypto.ToECDSA(seed); err == nil {
			return key
		}
		seed = crypto.Keccak256(seed)
	}
}

// SignerAddresses returns the addresses of the first n development signers.
func SignerAddresses(n int) []common.Address {
	out := make([]common.Address, n)
	for i := range out {
		out[i] = crypto.PubkeyToAddress(SignerKey(i).PublicKey)
	}
	return out
}

// NetworkOptions configures StartNetwork.
type NetworkOptions struct {
	GethPath     string // the geth v1.13.15 binary, see node.EnsureGeth
	Dir          string // <Dir>/signer-<i> and <Dir>/rpc hold the nodes' data; kept across runs
	Genesis      []byte // its signers must be the first Signers development signers (SignerAddresses)
	Signers      int    // how many signers to run, at least 1
	RPCHTTPPort  int    // the RPC node's HTTP port; 0 = a free one
	RPCWSPort    int    // the RPC node's WebSocket port; 0 = a free one
	StartTimeout time.Duration
	AdminAPI     bool // every node serves geth's admin API too, for Disconnect and Connect (tests only)
}

// Network is several signers and one non-signing RPC node on 127.0.0.1, each dialling all the others as
// static peers, with no discovery: a Clique network of the municipality and its partners on one machine.
// Applications talk to the RPC node. Its methods are safe for concurrent use.
type Network struct {
	mu      sync.Mutex
	base    NetworkOptions
	enodes  []string       // every node's, in the order of nodes
	opts    []node.Options // the first signers', then the RPC node's, then those of signers that joined
	nodes   []*node.Node
	signers int // how many signers the network started with
}

// StartNetwork starts the signers and the RPC node side by side and returns once every node has a peer and
// the RPC node has received a block sealed after the start. Ports are chosen once, so that a node restarted
// with Restart comes back on the same ones and its peers find it again.
func StartNetwork(ctx context.Context, opts NetworkOptions) (*Network, error) {
	if opts.Signers < 1 || opts.GethPath == "" || opts.Dir == "" {
		return nil, errors.New("start network: GethPath, Dir and at least one signer are required")
	}
	total := opts.Signers + 1
	ports, err := distinctPorts(4*total, opts.RPCHTTPPort, opts.RPCWSPort)
	if err != nil {
		return nil, fmt.Errorf("start network: %w", err)
	}
	enodes := make([]string, total)
	for i := range total {
		enodes[i] = node.Enode(&NodeKey(i).PublicKey, "127.0.0.1", ports[4*i+2])
	}
	net := &Network{base: opts, enodes: enodes, opts: make([]node.Options, total), nodes: make([]*node.Node, total),
		signers: opts.Signers}
	for i := range total {
		o := node.Options{GethPath: opts.GethPath, Genesis: opts.Genesis, NodeKey: NodeKey(i),
			StaticNodes: enodes, StartTimeout: opts.StartTimeout, AdminAPI: opts.AdminAPI,
			HTTPPort: ports[4*i], WSPort: ports[4*i+1], P2PPort: ports[4*i+2], AuthPort: ports[4*i+3]}
		if i < opts.Signers {
			o.DataDir = filepath.Join(opts.Dir, fmt.Sprintf("signer-%d", i))
			o.SignerKey, o.SignerPassword = SignerKey(i), DevSignerPassword
		} else {
			o.DataDir = filepath.Join(opts.Dir, "rpc")
		}
		net.opts[i] = o
	}
	if err := os.MkdirAll(opts.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("start network: %w", err)
	}
	errs := make([]error, total)
	var wg sync.WaitGroup
	for i := range total {
		wg.Add(1)
		go func() {
			defer wg.Done()
			net.nodes[i], errs[i] = node.Start(ctx, net.opts[i])
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, errors.Join(fmt.Errorf("start network: %w", err), net.Stop())
	}
	timeout := opts.StartTimeout
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	wctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := net.waitPeered(wctx); err != nil {
		return nil, errors.Join(fmt.Errorf("start network: %w", err), net.Stop())
	}
	// One signer seals block 1 alone and every node takes it before the others start: fresh signers that
	// all seal a block 1 of their own at once may each refuse the others' ("signed recently") and stall
	// the chain for good. A fresh node discards a propagated block until it has synced once, and a
	// propagated block tells a peer only its parent's difficulty, so the others learn of block 1 from a
	// new handshake: they are started again, and sync it from the first signer.
	if err := net.nodes[0].StartSealing(wctx); err != nil {
		return nil, errors.Join(fmt.Errorf("start network: %w", err), net.Stop())
	}
	if err := net.waitHead(wctx, 1, 0); err != nil {
		return nil, errors.Join(fmt.Errorf("start network: %w", err), net.Stop())
	}
	for i := 1; i < len(net.nodes); i++ {
		if err := net.nodes[i].Kill(); err != nil {
			return nil, errors.Join(fmt.Errorf("start network: %w", err), net.Stop())
		}
		nd, err := node.Start(wctx, net.opts[i])
		if err != nil {
			return nil, errors.Join(fmt.Errorf("start network: %w", err), net.Stop())
		}
		net.nodes[i] = nd
	}
	if err := net.waitHead(wctx, 1); err != nil {
		return nil, errors.Join(fmt.Errorf("start network: %w", err), net.Stop())
	}
	for i := 1; i < opts.Signers; i++ {
		if err := net.nodes[i].StartSealing(wctx); err != nil {
			return nil, errors.Join(fmt.Errorf("start network: %w", err), net.Stop())
		}
	}
	if err := net.waitSealing(wctx); err != nil {
		return nil, errors.Join(fmt.Errorf("start network: %w", err), net.Stop())
	}
	return net, nil
}

// distinctPorts returns n free ports, no two alike; the RPC node's HTTP and WebSocket ports (the last four
// but three and but two) are httpPort and wsPort where those are not 0.
func distinctPorts(n int, httpPort, wsPort int) ([]int, error) {
	out := make([]int, n)
	out[n-4], out[n-3] = httpPort, wsPort
	seen := map[int]bool{httpPort: true, wsPort: true}
	for i := range out {
		for out[i] == 0 {
			p, err := localproc.FreePort()
			if err != nil {
				return nil, err
			}
			if !seen[p] {
				seen[p], out[i] = true, p
			}
		}
	}
	return out, nil
}

// waitPeered waits until every node is connected to every other.
func (n *Network) waitPeered(ctx context.Context) error {
	for {
		ready := true
		for i := range n.signers + 1 {
			if peers, _, err := n.status(ctx, n.Node(i)); err != nil || peers < n.signers {
				ready = false
			}
		}
		if ready {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the nodes did not peer: %w%s", ctx.Err(), n.report())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// waitHead waits until the head of every node (or of the nodes named) is at least block min.
func (n *Network) waitHead(ctx context.Context, min uint64, nodes ...int) error {
	if len(nodes) == 0 {
		for i := range n.signers + 1 {
			nodes = append(nodes, i)
		}
	}
	for {
		ready := true
		for _, i := range nodes {
			if _, head, err := n.status(ctx, n.Node(i)); err != nil || head < min {
				ready = false
			}
		}
		if ready {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("not every node reached block %d: %w%s", min, ctx.Err(), n.report())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// waitSealing waits until every node has a peer and the RPC node's head has moved on twice.
func (n *Network) waitSealing(ctx context.Context) error {
	rpcNode := n.RPC()
	var first uint64
	started := false
	for {
		ready := true
		for i := range n.signers + 1 {
			peers, _, err := n.status(ctx, n.Node(i))
			if err != nil || peers == 0 {
				ready = false
			}
		}
		_, head, err := n.status(ctx, rpcNode)
		if err == nil && !started {
			first, started = head, true
		}
		if ready && started && head >= first+2 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the nodes did not peer and seal (RPC node at block %d, started at %d): %w%s",
				head, first, ctx.Err(), n.report())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// report describes every node's peers and head and the end of its log, for an error message.
func (n *Network) report() string {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var b strings.Builder
	for i := range n.signers + 1 {
		nd := n.Node(i)
		peers, head, err := n.status(ctx, nd)
		fmt.Fprintf(&b, "\nnode %d (%s): %d peers, block %d, %v; the end of %s:\n%s", i, nd.DataDir(), peers, head, err,
			nd.LogFile(), localproc.Tail(nd.LogFile(), 0, 10))
	}
	return b.String()
}

// status asks a node for its peer count and head.
func (n *Network) status(ctx context.Context, nd *node.Node) (peers int, head uint64, err error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	c, err := rpc.DialContext(ctx, nd.RPCURL())
	if err != nil {
		return 0, 0, err
	}
	defer c.Close()
	var count, number hexutil.Uint64
	batch := []rpc.BatchElem{{Method: "net_peerCount", Result: &count}, {Method: "eth_blockNumber", Result: &number}}
	if err := c.BatchCallContext(ctx, batch); err != nil {
		return 0, 0, err
	}
	for _, b := range batch {
		if b.Error != nil {
			return 0, 0, b.Error
		}
	}
	return int(count), uint64(number), nil
}

// Status returns the i-th node's peer count and head block number (the signers from 0, then the RPC node).
func (n *Network) Status(ctx context.Context, i int) (peers int, head uint64, err error) {
	return n.status(ctx, n.Node(i))
}

// Signers returns how many signers the network started with; the RPC node's index.
func (n *Network) Signers() int { return n.signers }

// Node returns the i-th node as it runs now: the first signers from 0, then the RPC node, then the signers
// that joined.
func (n *Network) Node(i int) *node.Node {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.nodes[i]
}

// RPC returns the non-signing node that applications use.
func (n *Network) RPC() *node.Node { return n.Node(n.signers) }

// Join starts one more signer's node, that of development signer SignerKey(i-1) with node key NodeKey(i),
// where i is the index it gets, and returns i once the node answers. It dials every node of the network
// (which take it in as a peer, though it is not in their lists) and imports the chain from them; it returns
// once it has caught up. It seals once the signers have voted it in.
func (n *Network) Join(ctx context.Context) (int, error) {
	ports, err := distinctPorts(4, 0, 0)
	if err != nil {
		return 0, err
	}
	n.mu.Lock()
	i := len(n.nodes)
	o := node.Options{GethPath: n.base.GethPath, Genesis: n.base.Genesis, NodeKey: NodeKey(i),
		StaticNodes: n.enodes, StartTimeout: n.base.StartTimeout, AdminAPI: n.base.AdminAPI, DataDir: filepath.Join(n.base.Dir, fmt.Sprintf("signer-%d", i-1)),
		SignerKey: SignerKey(i - 1), SignerPassword: DevSignerPassword, Joining: true,
		HTTPPort: ports[0], WSPort: ports[1], P2PPort: ports[2], AuthPort: ports[3]}
	nd, err := node.Start(ctx, o)
	if err != nil {
		n.mu.Unlock()
		return 0, err
	}
	n.opts, n.nodes = append(n.opts, o), append(n.nodes, nd)
	n.mu.Unlock()
	return i, n.catchUp(ctx, i)
}

// Kill ends the i-th node at once (SIGKILL), as a crash would.
func (n *Network) Kill(i int) error { return n.Node(i).Kill() }

// Restart starts the i-th node again on its data directory and ports and returns once it has caught up
// with the RPC node (as the RPC node was when the node answered) and, if it is a signer, seals again.
func (n *Network) Restart(ctx context.Context, i int) error {
	n.mu.Lock()
	nd, err := node.Start(ctx, n.opts[i])
	if err == nil {
		n.nodes[i] = nd
	}
	n.mu.Unlock()
	if err != nil {
		return err
	}
	return n.catchUp(ctx, i)
}

// catchUp waits until node i has a peer and the RPC node's head as it is now, then starts sealing on a signer.
func (n *Network) catchUp(ctx context.Context, i int) error {
	_, target, err := n.status(ctx, n.RPC())
	if err != nil {
		return err
	}
	for {
		peers, head, err := n.status(ctx, n.Node(i))
		if err == nil && peers > 0 && head >= target {
			break
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("node %d did not catch up with block %d (at block %d, %d peers, %v): %w; log %s",
				i, target, head, peers, err, ctx.Err(), n.Node(i).LogFile())
		case <-time.After(100 * time.Millisecond):
		}
	}
	if n.opts[i].SignerKey == nil {
		return nil
	}
	return n.Node(i).StartSealing(ctx)
}

// Stop stops every node; their data stays.
func (n *Network) Stop() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	var errs []error
	for _, nd := range n.nodes {
		if nd != nil {
			select {
			case <-nd.Done():
				continue // killed and not restarted
			default:
			}
			errs = append(errs, nd.Stop())
		}
	}
	return errors.Join(errs...)
}
