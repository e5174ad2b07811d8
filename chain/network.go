package chain

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/prometheus/client_golang/prometheus"
)

// NetworkStatus is what the node says of its place in the Clique network.
type NetworkStatus struct {
	// Peers is the node's peer count (net_peerCount).
	Peers uint64
	// Head is the node's latest block and HeadTime its timestamp.
	Head     uint64
	HeadTime time.Time
	// Signers is Clique's signer set at the latest block (clique_getSigners); nil when SignersUnavailable.
	Signers []common.Address
	// SignersUnavailable says the node does not serve the clique API (it is not in its --http.api).
	SignersUnavailable bool
}

// HeadAge is how long ago the head block was sealed, as of now.
func (s NetworkStatus) HeadAge(now time.Time) time.Duration { return now.Sub(s.HeadTime) }

// errMethodNotFound is JSON-RPC's code for a method the node does not serve.
const errMethodNotFound = -32601

// NetworkStatus asks the node for its peers, its head block and the signer set.
func (c *Client) NetworkStatus(ctx context.Context) (NetworkStatus, error) {
	var s NetworkStatus
	var peers hexutil.Uint64
	if err := c.RPC.CallContext(ctx, &peers, "net_peerCount"); err != nil {
		return s, err
	}
	s.Peers = uint64(peers)
	h, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return s, err
	}
	s.Head, s.HeadTime = h.Number.Uint64(), time.Unix(int64(h.Time), 0)
	var rerr rpc.Error
	switch err := c.RPC.CallContext(ctx, &s.Signers, "clique_getSigners"); {
	case errors.As(err, &rerr) && rerr.ErrorCode() == errMethodNotFound:
		s.Signers, s.SignersUnavailable = nil, true
	case err != nil:
		return s, err
	}
	return s, nil
}

var (
	peersGauge = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "heitje_chain_peers", Help: "The chain node's peer count at the last measurement (net_peerCount).",
	})
	signersGauge = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "heitje_chain_signers", Help: "How many Clique signers the chain has at the node's head (clique_getSigners); absent while the node does not serve the clique API.",
	})
	// headTime is the last measured head's timestamp in Unix seconds; heitje_chain_head_age_seconds is
	// computed from it at each scrape, so the age grows while the chain or the node stalls.
	headTime     atomic.Int64
	headAgeGauge = prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "heitje_chain_head_age_seconds", Help: "Seconds since the chain node's head block was sealed (now minus its timestamp); grows while the chain stalls.",
	}, func() float64 { return time.Since(time.Unix(headTime.Load(), 0)).Seconds() })
	publishNetwork, publishSigners sync.Once
)

// RecordNetwork sets the network gauges from a measurement. They appear in the metrics at the first one, so
// that none of them reads 0 peers or an age of decades before anything was measured.
func RecordNetwork(s NetworkStatus) {
	publishNetwork.Do(func() { prometheus.MustRegister(peersGauge, headAgeGauge) })
	peersGauge.Set(float64(s.Peers))
	headTime.Store(s.HeadTime.Unix())
	if !s.SignersUnavailable {
		publishSigners.Do(func() { prometheus.MustRegister(signersGauge) })
		signersGauge.Set(float64(len(s.Signers)))
	}
}

// WatchNetwork measures the node's network every interval until ctx ends and records it (RecordNetwork). A
// failed measurement leaves the gauges as they were: heitje_chain_reachable tells that the node is down.
func (c *Client) WatchNetwork(ctx context.Context, every time.Duration) {
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		mctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		if s, err := c.NetworkStatus(mctx); err == nil {
			RecordNetwork(s)
		}
		cancel()
		t.Reset(every)
	}
}
