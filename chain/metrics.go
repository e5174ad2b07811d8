package chain

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/heerlen/heitje/internal/outbox"
)

var (
	sent = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "heitje_chain_transactions_sent_total", Help: "Transactions signed and sent, per signing key.",
	}, []string{"signer"})
	rebroadcasts = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "heitje_chain_transactions_rebroadcast_total", Help: "Transactions sent again after going without a receipt.",
	}, []string{"signer"})
	postponed = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "heitje_chain_intents_postponed_total", Help: "Intents of the municipality whose pre-check reverted and that wait for a retry.",
	}, []string{"signer"})
	outcomes = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "heitje_chain_intents_finished_total", Help: "Intents that reached a final status.",
	}, []string{"signer", "status"})
	indexedBlock = promauto.NewGauge(prometheus.GaugeOpts{
		Name: "heitje_indexer_block", Help: "The last block whose events are in the ledger.",
	})
	chainReachable = promauto.NewGauge(prometheus.GaugeOpts{
		Name: "heitje_chain_reachable", Help: "1 while the node answers the indexer's poll for the chain head, 0 while it does not (the API stays ready: payments and mints wait in the outbox).",
	})
	endpointFailures = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "heitje_chain_endpoint_failures_total", Help: "Calls that an endpoint of ETH_RPC_URL (of several) did not answer, or answered with a 5xx status, and that went on to the next.",
	}, []string{"endpoint"})
	indexerLag = promauto.NewGauge(prometheus.GaugeOpts{
		Name: "heitje_indexer_lag_blocks", Help: "How many blocks the ledger is behind the chain head.",
	})
)

func recordOutcomes(signer outbox.Signer, os []outbox.Outcome) {
	for _, o := range os {
		outcomes.WithLabelValues(string(signer), string(o.Status)).Inc()
	}
}
