package app

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestErasureAndExportMakeNoChainCall runs, through the composed API with a chain client that fails on any
// call, a resident's export, an erasure request and its granting by the privacy officer, and a retention
// run: no chain call is made and no chain intent written, and the resident is gone.
func TestErasureAndExportMakeNoChainCall(t *testing.T) {
	p, calls := platformWithoutChain(t, io.Discard)
	_, adminCode := onboard(t, p)
	h := p.Handler()
	call := func(method, path, token string, body any) map[string]any {
		t.Helper()
		b, _ := json.Marshal(body)
		req := httptest.NewRequest(method, path, bytes.NewReader(b))
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var out map[string]any
		json.Unmarshal(rec.Body.Bytes(), &out)
		if rec.Code >= 300 {
			t.Fatalf("%s %s: %d %v", method, path, rec.Code, out)
		}
		return out
	}
	login := func(user, code string) string {
		return call("POST", "/v1/auth/login", "", map[string]any{"username": user, "password": "a long enough password",
			"second_factor": code})["access_token"].(string)
	}
	resident, admin := login("bloemetje", ""), login("wethouder", adminCode())
	call("GET", "/v1/me/export", resident, nil)
	req := call("POST", "/v1/privacy/requests", resident, map[string]any{"kind": "erasure"})
	out := call("POST", "/v1/admin/privacy/requests/"+req["id"].(string)+"/close", admin, map[string]any{"decision": "granted"})
	if out["erased"] == nil {
		t.Fatalf("close: %v", out)
	}
	if _, err := p.privacy.RunRetention(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := calls.Load(); n != 0 {
		t.Fatalf("%d chain calls during export, erasure and retention", n)
	}
	counts, err := p.db.Outbox().Counts(context.Background())
	if err != nil || len(counts) != 0 {
		t.Fatalf("chain intents written: %v %v", counts, err)
	}
	var n int
	p.db.SQL().QueryRow(`SELECT count(*) FROM accounts WHERE username = 'bloemetje'`).Scan(&n)
	if n != 0 {
		t.Fatal("the resident is still there")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/v1/auth/login", bytes.NewReader([]byte(`{"username":"bloemetje","password":"a long enough password"}`))))
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("login after erasure: %d", rec.Code)
	}
}
