package e2e_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestAPIFailsOverBetweenChainNodes: the API is given two nodes of a network (ETH_RPC_URL with a comma: the
// non-signing RPC node first, then the signer's node). With both up a reward is minted; the RPC node is
// killed; the API stays ready and a second reward is minted and a payment confirmed through the other node.
func TestAPIFailsOverBetweenChainNodes(t *testing.T) {
	t.Parallel()
	net := testenv.StartNetwork(t, 1)
	p := newPlatformOn(t, net.ChainEnv)
	p.cfg.EthRPCURL = net.RPC().RPCURL() + "," + net.Node(0).RPCURL()
	// The test's own reads of the chain fail over as well.
	client, err := chain.Dial(p.ctx, p.cfg.EthRPCURL, p.cfg.ChainID)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	p.client = client
	p.serve()
	reviewer := p.reviewer("beoordelaar")
	rs := p.residents(2)
	p.reward(rs[:1], 500, reviewer)

	if err := net.Kill(net.Signers()); err != nil { // the RPC node
		t.Fatal(err)
	}
	p.reward(rs[1:], 700, reviewer)
	s := p.newShop("bakker", true)
	p.pay(s, rs[1], p.logins(rs[1:])[0], 200)
	p.waitIndexed()
	if got := p.ledgerBalance(rs[1].addr); got != 500 {
		t.Fatalf("balance after the failover %d, want 500", got)
	}
	p.waitFor("a ready API", time.Minute, func() bool {
		code, body := p.call("GET", "/readyz", "", nil)
		return code == http.StatusOK && body["degraded"] == false
	})
}
