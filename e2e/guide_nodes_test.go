package e2e_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/internal/localproc"
)

// guideNode is one geth node of the guide's network on this machine.
type guideNode struct {
	name              string
	signer            common.Address // the zero address for an RPC node
	dir               string         // its data directory
	p2p, http, engine int            // its ports
	args              []string       // geth's arguments, as its unit gives them
	proc              *localproc.Child
}

func (n *guideNode) isSigner() bool { return n.signer != (common.Address{}) }
func (n *guideNode) ipc() string    { return filepath.Join(n.dir, "geth.ipc") }
func (n *guideNode) rpcURL() string { return "http://127.0.0.1:" + strconv.Itoa(n.http) }

// onMachine is geth's arguments args (from the guide or a unit) for this node: its data directory in place of
// the unit's, vars replaced, and its own ports.
func (n *guideNode) onMachine(t *testing.T, args []string, vars map[string]string) []string {
	t.Helper()
	pairs := []string{"/var/lib/heitje-geth-rpc", n.dir, "/var/lib/heitje-geth", n.dir, "${SIGNER}", n.signer.Hex()}
	for k, v := range vars {
		pairs = append(pairs, k, v)
	}
	r := strings.NewReplacer(pairs...)
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = r.Replace(a)
	}
	if slices.Contains(out, "--port") {
		out = replaceFlags(t, out, map[string]string{"--port": strconv.Itoa(n.p2p)})
		out = append(out, "--authrpc.port", strconv.Itoa(n.engine))
	}
	if slices.Contains(out, "--http.port") {
		out = replaceFlags(t, out, map[string]string{"--http.port": strconv.Itoa(n.http)})
	}
	return out
}

// start runs geth as the node's unit does, with its log in its data directory; it dies with the test.
func (n *guideNode) start(t *testing.T, geth string) {
	t.Helper()
	log, err := os.OpenFile(filepath.Join(n.dir, "geth.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { log.Close() })
	cmd := exec.Command(geth, n.args...)
	cmd.Stdout, cmd.Stderr = log, log
	if n.proc, err = localproc.Start(cmd, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = n.proc.Stop(syscall.SIGINT, 30*time.Second) })
}

// waitHead waits until the node's head is at least block min and returns it; a signer is asked over its IPC
// socket, an RPC node over HTTP.
func (n *guideNode) waitHead(t *testing.T, ctx context.Context, min uint64) uint64 {
	t.Helper()
	endpoint := n.ipc()
	if !n.isSigner() {
		endpoint = n.rpcURL()
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	var head hexutil.Uint64
	var err error
	for {
		var c *rpc.Client
		if c, err = rpc.DialContext(ctx, endpoint); err == nil {
			err = c.CallContext(ctx, &head, "eth_blockNumber")
			c.Close()
			if err == nil && uint64(head) >= min {
				return uint64(head)
			}
		}
		select {
		case <-n.proc.Done():
			t.Fatalf("geth of node %s exited (%v); the end of its log:\n%s", n.name, n.proc.Err(),
				localproc.Tail(filepath.Join(n.dir, "geth.log"), 0, 20))
		case <-ctx.Done():
			t.Fatalf("node %s did not reach block %d (at %d, %v); the end of its log:\n%s", n.name, min, head, err,
				localproc.Tail(filepath.Join(n.dir, "geth.log"), 0, 20))
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// guideNodes reads chain genesis' --nodes value: the names the guide gives, each placed on this machine with
// free ports (see quietPort) and a data directory under dir.
func guideNodes(t *testing.T, value, dir string) []guideNode {
	t.Helper()
	var out []guideNode
	taken := map[int]bool{}
	for _, item := range strings.Split(value, ",") {
		name, _, ok := strings.Cut(item, "=")
		if !ok {
			t.Fatalf("the guide's --nodes item %q is not name=host:port", item)
		}
		out = append(out, guideNode{name: name, dir: filepath.Join(dir, "nodes", name),
			p2p: quietPort(t, taken), http: quietPort(t, taken), engine: quietPort(t, taken)})
	}
	return out
}

// quietPort returns a port that is free now, not in taken, and below Linux's ephemeral range (32768 and up,
// where localproc.FreePort's ports and those of every outgoing connection come from): a node's ports go into
// the static peer list minutes before geth binds them, and another test or a connection must not take them
// meanwhile.
func quietPort(t *testing.T, taken map[int]bool) int {
	t.Helper()
	for range 1000 {
		p := 20000 + rand.IntN(12000)
		if !taken[p] && localproc.PortFree(p) {
			taken[p] = true
			return p
		}
	}
	t.Fatal("no free port between 20000 and 32000")
	return 0
}

func joinNodes(nodes []guideNode) string {
	var items []string
	for _, n := range nodes {
		items = append(items, fmt.Sprintf("%s=127.0.0.1:%d", n.name, n.p2p))
	}
	return strings.Join(items, ",")
}
