package api

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// TestFewerThanTwoAdministratorsIsReported watches the administrators while there is one and then two: the
// gauge follows, and the warning is logged once while there are fewer than two (P-95).
func TestFewerThanTwoAdministratorsIsReported(t *testing.T) {
	a := newTestAPI(t, defaultTestOptions())
	a.admin("beheer")
	var buf syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		a.acc.WatchAdmins(ctx, 20*time.Millisecond, slog.New(slog.NewTextHandler(&buf, nil)))
		close(done)
	}()
	gauge := func() float64 {
		mfs, _ := prometheus.DefaultGatherer.Gather()
		for _, mf := range mfs {
			if mf.GetName() == "heitje_staff_administrators" {
				return mf.GetMetric()[0].GetGauge().GetValue()
			}
		}
		return -1
	}
	waitUntil(t, func() bool { return gauge() == 1 })
	time.Sleep(100 * time.Millisecond) // several counts
	a.admin("tweede-beheerder")
	waitUntil(t, func() bool { return gauge() == 2 })
	cancel()
	<-done
	if n := strings.Count(buf.String(), "fewer than two active administrators"); n != 1 {
		t.Fatalf("warned %d times, want once:\n%s", n, buf.String())
	}
}

func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
