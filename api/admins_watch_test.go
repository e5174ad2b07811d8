package api

import (
	"context"
	"log/slog"
	"net/http"
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

// TestAdministratorsGaugeFollowsStaffChanges: with an interval far longer than the test, the gauge still
// follows each change to staff at once: a second administrator created, then disabled, then enabled, then
// their staff.manage taken away.
func TestAdministratorsGaugeFollowsStaffChanges(t *testing.T) {
	a := newTestAPI(t, defaultTestOptions())
	tok := a.admin("beheer")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		a.acc.WatchAdmins(ctx, time.Hour, slog.New(slog.DiscardHandler))
		close(done)
	}()
	defer func() { cancel(); <-done }()
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
	second, err := a.acc.CreateAdmin(context.Background(), "tweede-beheerder", testPassword, "test")
	if err != nil {
		t.Fatal(err)
	}
	waitUntil(t, func() bool { return gauge() == 2 })
	a.expect(http.StatusOK, "", "POST", "/v1/admin/staff/"+second.ID+"/disable", tok, map[string]any{"reason": "vertrekt"})
	waitUntil(t, func() bool { return gauge() == 1 })
	a.expect(http.StatusOK, "", "POST", "/v1/admin/staff/"+second.ID+"/enable", tok, map[string]any{"reason": "terug"})
	waitUntil(t, func() bool { return gauge() == 2 })
	a.expect(http.StatusOK, "", "PUT", "/v1/admin/staff/"+second.ID+"/permissions", tok,
		map[string]any{"privileges": []string{"chores.review"}, "reason": "andere taak"})
	waitUntil(t, func() bool { return gauge() == 1 })
}
