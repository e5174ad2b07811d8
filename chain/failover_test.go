package chain

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestFailoverTakesTheFirstEndpointThatAnswers: calls go to the first endpoint; while it is down (or answers
// 5xx) they go to the second with their body intact, and the first rests; after its rest it is first again.
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
	f := newFailover([]*url.URL{ua, ub})
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
	okA = http.StatusBadGateway
	if got := call("2"); got != "b:2" {
		t.Fatalf("first answers 502: %q", got)
	}
	okA = http.StatusOK
	if got := call("3"); got != "b:3" {
		t.Fatalf("first resting: %q", got)
	}
	clock = clock.Add(failoverRest)
	if got := call("4"); got != "a:4" {
		t.Fatalf("first after its rest: %q", got)
	}
	a.Close() // down: the connection is refused
	if got := call("5"); got != "b:5" {
		t.Fatalf("first down: %q", got)
	}
	b.Close()
	if _, err := client.Post(ua.String(), "application/json", strings.NewReader("6")); err == nil ||
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
