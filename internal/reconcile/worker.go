package reconcile

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	okGauge = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "heitje_reconcile_ok", Help: "1 when the last reconciliation found every equality holding (supply = balances = minted - redeemed = residents + shops + treasury), 0 when it found a difference.",
	})
	differencesGauge = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "heitje_reconcile_differences", Help: "Differences the last reconciliation found.",
	})
	blockGauge = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "heitje_reconcile_block", Help: "The block the last reconciliation ran at (the indexer's cursor).",
	})
	supplyGauge = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "heitje_reconcile_supply_cents", Help: "The coin's total supply on chain at the last reconciliation, in cents.",
	})
	lastRunGauge = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "heitje_reconcile_last_run_timestamp_seconds", Help: "When the last reconciliation finished (Unix time).",
	})
	durationHistogram = promauto.NewHistogram(prometheus.HistogramOpts{
		Name: "heitje_reconcile_duration_seconds", Help: "How long the periodic reconciliations took, completed or not.",
		Buckets: prometheus.ExponentialBuckets(0.01, 2, 12),
	})
)

// publish registers the reconciliation's gauges at the first finished reconciliation: until then they are
// absent from the metrics rather than 0, so an alert on heitje_reconcile_ok == 0 does not fire after every
// start, before anything was measured.
var publish sync.Once

// Record sets the reconciliation gauges from a report; the first call makes them appear in the metrics.
func Record(rep Report) {
	publish.Do(func() {
		prometheus.MustRegister(okGauge, differencesGauge, blockGauge, supplyGauge, lastRunGauge)
	})
	ok := 0.0
	if rep.OK() {
		ok = 1
	}
	okGauge.Set(ok)
	differencesGauge.Set(float64(len(rep.Differences)))
	blockGauge.Set(float64(rep.Block))
	if rep.Supply != nil {
		f, _ := rep.Supply.Float64()
		supplyGauge.Set(f)
	}
	lastRunGauge.SetToCurrentTime()
}

// Watch runs Check every interval until ctx ends and publishes the outcome as Prometheus gauges. A
// difference is logged by check only: the addresses stay out of the logs (`heitje reconcile` names them).
// A run that cannot complete (database or node down) is logged and leaves the gauges as they were.
func (r *Reconciler) Watch(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTimer(every / 10)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		began := time.Now()
		rep, err := r.Check(ctx)
		durationHistogram.Observe(time.Since(began).Seconds())
		if ctx.Err() == nil {
			r.last.set(rep, err)
		}
		switch {
		case err != nil && ctx.Err() == nil:
			log.Warn("reconciliation could not run", "err", err)
		case err == nil:
			Record(rep)
			if !rep.OK() {
				checks := map[string]int{}
				for _, d := range rep.Differences {
					checks[d.Check]++
				}
				log.Error("reconciliation found differences; run `heitje reconcile` for the details", "block", rep.Block,
					"differences", len(rep.Differences), "checks", checks)
			}
		}
		t.Reset(every)
	}
}
