package api

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// Status reports on the platform's parts, for /readyz and /v1/chain.
type Status interface {
	// CheckDatabase returns nil when the database answers and its schema is current.
	CheckDatabase(ctx context.Context) error
	// ChainHead asks the node for its chain id and latest block.
	ChainHead(ctx context.Context) (chainID, block uint64, err error)
	// ChainID is the id in genesis.json; TokenAddress the coin contract (0x-hex).
	ChainID() uint64
	TokenAddress() string
	// IndexerLag is how many blocks the ledger is behind the head.
	IndexerLag() uint64
	// OutOfFunds names the signing keys the node refuses for want of ether to pay gas (none: nil).
	OutOfFunds() []string
	// Network asks the node for its peers, its head's age and the Clique signer set.
	Network(ctx context.Context) (Network, error)
}

// Network is the chain node's view of the Clique network.
type Network struct {
	Peers   uint64
	HeadAge time.Duration
	// Signers are the signers' addresses (0x-hex); nil when SignersUnavailable.
	Signers []string
	// SignersUnavailable says the node does not serve the clique API.
	SignersUnavailable bool
}

// MaxIndexerLag is the lag beyond which the API reports itself degraded: balances would be stale.
const MaxIndexerLag = 30

type healthResponse struct {
	Status string `json:"status" example:"ok"`
}

type check struct {
	OK     bool   `json:"ok"`
	Detail string `json:"detail,omitempty"`
}

// readiness is /readyz's answer. Only the database decides readiness: without it the API can do nothing,
// while during a chain outage sign-ups, logins, reviews and payments still work (transactions wait in the
// outbox), so taking every instance out of the load balancer would only make the outage worse. The chain,
// the indexer and the signers are reported, and Degraded says when one of them fails.
type readiness struct {
	Ready      bool   `json:"ready"`
	Database   check  `json:"database"`
	Chain      check  `json:"chain" doc:"reported, not deciding readiness: while the node is unreachable transactions wait in the outbox"`
	ChainID    uint64 `json:"chain_id"`
	Block      uint64 `json:"block_number"`
	IndexerLag uint64 `json:"indexer_lag_blocks"`
	Indexer    check  `json:"indexer" doc:"reported, not deciding readiness: balances may be behind the chain"`
	// Signers fails while a signing key cannot pay for gas: payments are stored and wait for the key to
	// be topped up.
	Signers  check          `json:"signers"`
	Degraded bool           `json:"degraded" doc:"true while the chain, the indexer or a signer fails; the API stays ready"`
	Network  *networkReport `json:"network,omitempty" doc:"reported, not deciding readiness; absent while the node does not answer"`
}

// networkReport is /readyz's view of the Clique network through the API's chain node.
type networkReport struct {
	Peers          uint64   `json:"peers" doc:"the chain node's peer count (net_peerCount); 0 on a network means the node is cut off"`
	HeadAgeSeconds float64  `json:"head_age_seconds" doc:"seconds since the head block was sealed; grows beyond the block period while the chain stalls"`
	Signers        []string `json:"chain_signers,omitempty" doc:"the Clique signers at the head (clique_getSigners)"`
	SignersDetail  string   `json:"chain_signers_detail,omitempty" doc:"why chain_signers is absent: the node does not serve the clique API"`
}

type chainResponse struct {
	ChainID      uint64 `json:"chain_id"`
	TokenAddress string `json:"token_address"`
	BlockNumber  uint64 `json:"block_number"`
}

func (s *Server) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, healthResponse{Status: "ok"})
}

func (s *Server) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	st := s.deps.Status
	r := readiness{Database: check{OK: true}, Chain: check{OK: true}, Indexer: check{OK: true}, Signers: check{OK: true},
		ChainID: st.ChainID()}
	if err := st.CheckDatabase(ctx); err != nil {
		r.Database = check{Detail: err.Error()}
	}
	id, block, err := st.ChainHead(ctx)
	switch {
	case err != nil:
		r.Chain = check{Detail: "node unreachable: " + err.Error()}
	case id != st.ChainID():
		r.Chain = check{Detail: "the node runs another chain than genesis.json describes"}
	}
	if err == nil {
		if n, err := st.Network(ctx); err == nil {
			r.Network = &networkReport{Peers: n.Peers, HeadAgeSeconds: n.HeadAge.Round(time.Millisecond).Seconds(), Signers: n.Signers}
			if n.SignersUnavailable {
				r.Network.SignersDetail = "the chain node does not serve the clique API (add clique to its --http.api to see the signers)"
			}
		}
	}
	r.Block, r.IndexerLag = block, st.IndexerLag()
	if r.IndexerLag > MaxIndexerLag {
		r.Indexer = check{Detail: "the ledger is behind the chain"}
	}
	if keys := st.OutOfFunds(); len(keys) > 0 {
		r.Signers = check{Detail: "degraded: out of gas money, their transactions wait until topped up: " + strings.Join(keys, ", ")}
	}
	r.Ready = r.Database.OK
	r.Degraded = !r.Chain.OK || !r.Indexer.OK || !r.Signers.OK
	status := http.StatusOK
	if !r.Ready {
		status = http.StatusServiceUnavailable
	}
	c.JSON(status, r)
}

func (s *Server) chainInfo(c *gin.Context) {
	_, block, err := s.deps.Status.ChainHead(c.Request.Context())
	if err != nil {
		respondError(c, Errorf(http.StatusServiceUnavailable, "chain_unavailable", "the chain node does not answer; try again shortly"))
		return
	}
	c.JSON(http.StatusOK, chainResponse{ChainID: s.deps.Status.ChainID(), TokenAddress: s.deps.Status.TokenAddress(), BlockNumber: block})
}
