package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"
)

type fakeStatus struct {
	dbErr    error
	chainErr error
	nodeID   uint64
	lag      uint64
	broke    []string
	net      Network
	netErr   error
}

func (f fakeStatus) CheckDatabase(context.Context) error { return f.dbErr }
func (f fakeStatus) ChainHead(context.Context) (uint64, uint64, error) {
	return f.nodeID, 42, f.chainErr
}
func (f fakeStatus) ChainID() uint64      { return 6411 }
func (f fakeStatus) TokenAddress() string { return "0xabc" }
func (f fakeStatus) IndexerLag() uint64   { return f.lag }
func (f fakeStatus) OutOfFunds() []string { return f.broke }
func (f fakeStatus) Network(context.Context) (Network, error) {
	return f.net, f.netErr
}

func serve(t *testing.T, st Status, method, path string) (*httptest.ResponseRecorder, map[string]any) {
	t.Helper()
	h := New(Deps{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Status: st})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	var body map[string]any
	json.Unmarshal(rec.Body.Bytes(), &body)
	return rec, body
}

// TestReadyz checks that only the database decides readiness: a chain outage, a lagging indexer or a key
// without gas money leaves the API ready (so the load balancer keeps every instance) and is reported as
// degraded, with the part that fails.
func TestReadyz(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		st       fakeStatus
		status   int
		failed   string
		degraded bool
	}{
		{"all good", fakeStatus{nodeID: 6411}, 200, "", false},
		{"database down", fakeStatus{nodeID: 6411, dbErr: errors.New("database unreachable")}, 503, "database", false},
		{"node down", fakeStatus{chainErr: errors.New("dial")}, 200, "chain", true},
		{"other chain", fakeStatus{nodeID: 1}, 200, "chain", true},
		{"indexer behind", fakeStatus{nodeID: 6411, lag: MaxIndexerLag + 1}, 200, "indexer", true},
		// A key without ether delays payments but loses none: the API keeps serving, degraded.
		{"relayer out of gas money", fakeStatus{nodeID: 6411, broke: []string{"relayer-1 (0xab)"}}, 200, "signers", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec, body := serve(t, tc.st, http.MethodGet, "/readyz")
			if rec.Code != tc.status || body["ready"] != (tc.status == 200) {
				t.Fatalf("status %d, want %d: %v", rec.Code, tc.status, body)
			}
			if tc.failed != "" {
				if part := body[tc.failed].(map[string]any); part["ok"] != false || part["detail"] == "" {
					t.Fatalf("%s should be reported failing: %v", tc.failed, body)
				}
			}
			if body["degraded"] != tc.degraded {
				t.Fatalf("degraded should be %v: %v", tc.degraded, body)
			}
			if len(tc.st.broke) > 0 && !strings.Contains(body["signers"].(map[string]any)["detail"].(string), "relayer-1 (0xab)") {
				t.Fatalf("the key out of gas money is not named: %v", body)
			}
		})
	}
}

// TestReadyzNetwork checks that /readyz reports the node's peers, the head's age and the signer set, or says
// why the signers are missing, and that none of them decides readiness or degradation.
func TestReadyzNetwork(t *testing.T) {
	t.Parallel()
	signers := []string{"0x00000000000000000000000000000000000000a1", "0x00000000000000000000000000000000000000a2"}
	cases := []struct {
		name string
		st   fakeStatus
		want map[string]any // nil: no network in the answer
	}{
		{"two signers and a peer", fakeStatus{nodeID: 6411, net: Network{Peers: 1, HeadAge: 1500 * time.Millisecond, Signers: signers}},
			map[string]any{"peers": 1.0, "head_age_seconds": 1.5, "chain_signers": []any{signers[0], signers[1]}}},
		// A cut-off node with a stale head is reported, the API stays ready and not degraded by it.
		{"alone and stale", fakeStatus{nodeID: 6411, net: Network{HeadAge: 10 * time.Minute, Signers: signers[:1]}},
			map[string]any{"peers": 0.0, "head_age_seconds": 600.0, "chain_signers": []any{signers[0]}}},
		{"no clique API", fakeStatus{nodeID: 6411, net: Network{Peers: 3, SignersUnavailable: true}},
			map[string]any{"peers": 3.0, "head_age_seconds": 0.0, "chain_signers_detail": "the chain node does not serve the clique API (add clique to its --http.api to see the signers)"}},
		{"network unanswered", fakeStatus{nodeID: 6411, netErr: errors.New("timeout")}, nil},
		{"node down", fakeStatus{chainErr: errors.New("dial")}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec, body := serve(t, tc.st, http.MethodGet, "/readyz")
			if rec.Code != 200 || body["ready"] != true || body["degraded"] != (tc.st.chainErr != nil) {
				t.Fatalf("the network decided readiness: %d %v", rec.Code, body)
			}
			got, present := body["network"].(map[string]any)
			if tc.want == nil {
				if present {
					t.Fatalf("network reported without an answer: %v", body)
				}
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("network %v, want %v", got, tc.want)
			}
		})
	}
}

func TestErrorEnvelopeAndRequestID(t *testing.T) {
	t.Parallel()
	rec, body := serve(t, fakeStatus{nodeID: 6411}, http.MethodPost, "/healthz")
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("POST /healthz: %d", rec.Code)
	}
	if e := body["error"].(map[string]any); e["code"] != "method_not_allowed" || e["message"] == "" {
		t.Fatalf("envelope: %v", body)
	}
	if id := rec.Header().Get("X-Request-ID"); len(id) != 24 {
		t.Fatalf("no generated request id: %q", id)
	}
	rec, _ = serve(t, fakeStatus{chainErr: errors.New("down")}, http.MethodGet, "/v1/chain")
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("/v1/chain with the node down: %d", rec.Code)
	}
}

// TestHeadAnswersAsGet: HEAD on a GET route answers as GET does, without the body (what uptime checks send),
// except on an event stream, which it would hold open; elsewhere the usual 404.
func TestHeadAnswersAsGet(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(New(Deps{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Status: fakeStatus{nodeID: 6411}}))
	defer srv.Close()
	head := func(path string) (int, http.Header, []byte) {
		t.Helper()
		res, err := srv.Client().Head(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header, body
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		code, h, body := head(path)
		if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "application/json") || len(body) != 0 {
			t.Fatalf("HEAD %s: %d %q, body %q", path, code, h.Get("Content-Type"), body)
		}
	}
	if code, _, _ := head("/v1/payment-requests/3f1c2b9e-8d4a-4c1e-9a57-0b3d2e1f4a5c/events"); code != http.StatusMethodNotAllowed {
		t.Fatalf("HEAD on an event stream: %d, want 405", code)
	}
	if code, _, _ := head("/v1/nergens"); code != http.StatusNotFound {
		t.Fatalf("HEAD on no route: %d, want 404", code)
	}
}
