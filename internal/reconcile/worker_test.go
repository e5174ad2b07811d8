package reconcile

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

// TestGaugesAbsentUntilMeasured: before the first reconciliation has finished, heitje_reconcile_ok and its
// companions are not exported at all (an alert on == 0 must not fire on every start); after it, they are,
// and a difference turns heitje_reconcile_ok to 0.
func TestGaugesAbsentUntilMeasured(t *testing.T) {
	gauge := func(name string) (float64, bool) {
		t.Helper()
		families, err := prometheus.DefaultGatherer.Gather()
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range families {
			if f.GetName() == name {
				return f.GetMetric()[0].GetGauge().GetValue(), true
			}
		}
		return 0, false
	}
	for _, name := range []string{"heitje_reconcile_ok", "heitje_reconcile_differences", "heitje_reconcile_last_run_timestamp_seconds"} {
		if v, found := gauge(name); found {
			t.Fatalf("%s is exported (%v) before any reconciliation", name, v)
		}
	}
	Record(Report{Block: 7})
	if v, found := gauge("heitje_reconcile_ok"); !found || v != 1 {
		t.Fatalf("after a clean reconciliation heitje_reconcile_ok = %v (exported: %v), want 1", v, found)
	}
	Record(Report{Block: 8, Differences: []Difference{{Check: "supply"}}})
	if v, _ := gauge("heitje_reconcile_ok"); v != 0 {
		t.Fatalf("after a difference heitje_reconcile_ok = %v, want 0", v)
	}
	if v, _ := gauge("heitje_reconcile_differences"); v != 1 {
		t.Fatalf("heitje_reconcile_differences = %v, want 1", v)
	}
}
