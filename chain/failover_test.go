package chain

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
)

// TestFailoverTakesTheFirstEndpointThatAnswers: calls go to the first endpoint; while it is down (or answers
// 5xx) they go to the second with their body intact, and the first rests; after its rest it is first again.
// The failure is logged once and counted each time; the endpoint's return is logged.
func TestFailoverTakesTheFirstEndpointThatAnswers(t *testing.T) {
	serve := func(name string, status *int) *httptest.Server {
		return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			w.WriteHeader(*status)
			io.WriteString(w, name+":"+string(body))
		}))
	}
	okA, okB := http.StatusOK, http.StatusOK
	a, b := serve("a", &okA), serve("b", &okB)
	defer b.Close()
	ua, _ := url.Parse(a.URL)
	ub, _ := url.Parse(b.URL)
	var logs bytes.Buffer
	f := newFailover([]*url.URL{ua, ub}, slog.New(slog.NewTextHandler(&logs, nil)))
	// lines returns the log's lines since the last call.
	lines := func() []string {
		out := strings.Split(strings.TrimSpace(logs.String()), "\n")
		logs.Reset()
		if out[0] == "" {
			return nil
		}
		return out
	}
	failures := func() float64 {
		var m dto.Metric
		if err := endpointFailures.WithLabelValues(ua.Host).Write(&m); err != nil {
			t.Fatal(err)
		}
		return m.GetCounter().GetValue()
	}
	clock := time.Now()
	f.now = func() time.Time { return clock }
	client := &http.Client{Transport: f}
	call := func(body string) string {
		t.Helper()
		res, err := client.Post(ua.String(), "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		out, _ := io.ReadAll(res.Body)
		return string(out)
	}
	if got := call("1"); got != "a:1" {
		t.Fatalf("both up: %q", got)
	}
	if l := lines(); l != nil || failures() != 0 {
		t.Fatalf("both up: logged %q, %v failures counted", l, failures())
	}
	okA = http.StatusBadGateway
	if got := call("2"); got != "b:2" {
		t.Fatalf("first answers 502: %q", got)
	}
	if l := lines(); len(l) != 1 || !strings.Contains(l[0], "level=WARN") || !strings.Contains(l[0], ua.Host) ||
		!strings.Contains(l[0], "502") || failures() != 1 {
		t.Fatalf("first answers 502: logged %q, %v failures counted", l, failures())
	}
	okA = http.StatusOK
	if got := call("3"); got != "b:3" {
		t.Fatalf("first resting: %q", got)
	}
	okA = http.StatusBadGateway
	clock = clock.Add(failoverRest)
	if got := call("4"); got != "b:4" {
		t.Fatalf("first fails again after its rest: %q", got)
	}
	if l := lines(); l != nil || failures() != 2 {
		t.Fatalf("a failure after the rest is counted, not logged again: logged %q, %v failures counted", l, failures())
	}
	okA = http.StatusOK
	clock = clock.Add(failoverRest)
	if got := call("5"); got != "a:5" {
		t.Fatalf("first after its rest: %q", got)
	}
	if l := lines(); len(l) != 1 || !strings.Contains(l[0], "level=INFO") || !strings.Contains(l[0], "answers again") || !strings.Contains(l[0], ua.Host) {
		t.Fatalf("first answers again: logged %q", l)
	}
	a.Close() // down: the connection is refused
	if got := call("6"); got != "b:6" {
		t.Fatalf("first down: %q", got)
	}
	if l := lines(); len(l) != 1 || !strings.Contains(l[0], "level=WARN") || !strings.Contains(l[0], ua.Host) || failures() != 3 {
		t.Fatalf("first down: logged %q, %v failures counted", l, failures())
	}
	b.Close()
	if _, err := client.Post(ua.String(), "application/json", strings.NewReader("7")); err == nil ||
		!strings.Contains(err.Error(), ua.Host) || !strings.Contains(err.Error(), ub.Host) {
		t.Fatalf("both down: %v", err)
	}
}

// TestSplitEndpoints: one URL of any kind, or several http(s) URLs.
func TestSplitEndpoints(t *testing.T) {
	for raw, ok := range map[string]bool{
		"http://a:8545": true, "ws://a:8546": true, "http://a:8545, https://b:8545": true,
		"http://a:8545,ws://b:8546": false, "http://a:8545,": false,
	} {
		if _, err := splitEndpoints(raw); (err == nil) != ok {
			t.Errorf("%s: %v", raw, err)
		}
	}
}
