package chain

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"
)

// Clique is a connection to one signer's own clique API, through which it votes signers in and out. The API
// answers anyone who reaches it, so DialClique takes only an endpoint on this machine.
type Clique struct{ rc *rpc.Client }

// ErrNotLocal means a clique endpoint is not on this machine: neither an IPC socket nor http(s)/ws(s) on a
// loopback address.
var ErrNotLocal = errors.New("the clique API is used only over a local endpoint: an IPC socket, or http://127.0.0.1:port")

// DialClique connects to a signer's clique API at endpoint: the path of its IPC socket, or an http(s) or
// ws(s) URL on 127.0.0.1, ::1 or localhost.
func DialClique(ctx context.Context, endpoint string) (*Clique, error) {
	if !localEndpoint(endpoint) {
		return nil, fmt.Errorf("%s: %w", endpoint, ErrNotLocal)
	}
	rc, err := rpc.DialContext(ctx, endpoint)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", endpoint, err)
	}
	return &Clique{rc: rc}, nil
}

func localEndpoint(endpoint string) bool {
	u, err := url.Parse(endpoint)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "":
		return strings.HasSuffix(endpoint, ".ipc") // a socket path
	case "http", "https", "ws", "wss":
		if u.Hostname() == "localhost" {
			return true
		}
		ip := net.ParseIP(u.Hostname())
		return ip != nil && ip.IsLoopback()
	}
	return false
}

// Close closes the connection.
func (c *Clique) Close() { c.rc.Close() }

// Signers returns the signers authorised at the node's head, sorted as Clique orders them.
func (c *Clique) Signers(ctx context.Context) ([]common.Address, error) {
	var out []common.Address
	if err := c.rc.CallContext(ctx, &out, "clique_getSigners", "latest"); err != nil {
		return nil, fmt.Errorf("clique_getSigners: %w", err)
	}
	return out, nil
}

// Proposals returns this signer's open votes: true to add the address, false to remove it. A vote stays
// open, cast again in each block the signer seals, until it has passed or is discarded.
func (c *Clique) Proposals(ctx context.Context) (map[common.Address]bool, error) {
	var out map[common.Address]bool
	if err := c.rc.CallContext(ctx, &out, "clique_proposals"); err != nil {
		return nil, fmt.Errorf("clique_proposals: %w", err)
	}
	return out, nil
}

// Propose has this signer vote to add (add true) or remove an address; the change takes effect once more
// than half the signers voted for it in blocks they sealed.
func (c *Clique) Propose(ctx context.Context, a common.Address, add bool) error {
	if err := c.rc.CallContext(ctx, nil, "clique_propose", a, add); err != nil {
		return fmt.Errorf("clique_propose: %w", err)
	}
	return nil
}

// Discard withdraws this signer's open vote on an address.
func (c *Clique) Discard(ctx context.Context, a common.Address) error {
	if err := c.rc.CallContext(ctx, nil, "clique_discard", a); err != nil {
		return fmt.Errorf("clique_discard: %w", err)
	}
	return nil
}

// IsSigner reports whether a is among signers.
func IsSigner(signers []common.Address, a common.Address) bool { return slices.Contains(signers, a) }
