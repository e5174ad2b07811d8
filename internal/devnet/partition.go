package devnet

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/rpc"
)

// Disconnect parts every node of a from every node of b through geth's admin API (the network must have
// been started with AdminAPI): each side drops the other from its static nodes and hangs up, so neither
// dials it again. Blocks sealed on one side do not reach the other until Connect.
func (n *Network) Disconnect(ctx context.Context, a, b []int) error {
	return n.peering(ctx, a, b, "admin_removePeer")
}

// Connect undoes Disconnect: each node of a and b dials the other side again as a static node.
func (n *Network) Connect(ctx context.Context, a, b []int) error {
	return n.peering(ctx, a, b, "admin_addPeer")
}

func (n *Network) peering(ctx context.Context, a, b []int, method string) error {
	call := func(i, j int) error {
		c, err := rpc.DialContext(ctx, n.Node(i).RPCURL())
		if err != nil {
			return err
		}
		defer c.Close()
		n.mu.Lock()
		enode := n.enodes[j]
		n.mu.Unlock()
		var ok bool
		if err := c.CallContext(ctx, &ok, method, enode); err != nil {
			return fmt.Errorf("node %d: %s node %d: %w", i, method, j, err)
		}
		return nil
	}
	for _, i := range a {
		for _, j := range b {
			if err := call(i, j); err != nil {
				return err
			}
			if err := call(j, i); err != nil {
				return err
			}
		}
	}
	return nil
}
