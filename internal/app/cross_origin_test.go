package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestCrossOriginProtection sends state-changing requests to the platform's handler as browsers and other
// clients send them. A browser's request from another site (Sec-Fetch-Site cross-site or same-site, or
// only an Origin of another host from a browser too old for Sec-Fetch-Site) is refused with 403 and changes
// nothing, also with the browser session's cookie; a same-origin request passes, and so does a client
// that sends neither header (the wallet CLI, the tills' integrations). Reading (GET) is not refused.
func TestCrossOriginProtection(t *testing.T) {
	p, _ := platformWithoutChain(t, io.Discard)
	onboard(t, p)
	h := p.Handler()
	const host = "heitje.example"
	send := func(method, path string, hdr map[string]string, body any, cookie *http.Cookie) *httptest.ResponseRecorder {
		t.Helper()
		var r io.Reader
		if body != nil {
			b, _ := json.Marshal(body)
			r = bytes.NewReader(b)
		}
		req := httptest.NewRequest(method, path, r)
		req.Host = host
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		if cookie != nil {
			req.AddCookie(cookie)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	count := func(table string) int {
		t.Helper()
		var n int
		if err := p.db.SQL().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	crossSite := map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors", "Origin": "https://kwaad.example"}
	sameOrigin := map[string]string{"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors", "Origin": "https://" + host}
	for i, tc := range []struct {
		what string
		hdr  map[string]string
		want int
	}{
		{"a cross-site browser request", crossSite, http.StatusForbidden},
		{"a browser request from a sibling site", map[string]string{"Sec-Fetch-Site": "same-site", "Origin": "https://kassa." + host}, http.StatusForbidden},
		{"an older browser's request with another host's Origin", map[string]string{"Origin": "https://kwaad.example"}, http.StatusForbidden},
		{"a form posted from another site", map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Origin": "null"}, http.StatusForbidden},
		{"a same-origin browser request", sameOrigin, http.StatusCreated},
		{"an older browser's same-origin request", map[string]string{"Origin": "https://" + host}, http.StatusCreated},
		{"a request the user started (a bookmark)", map[string]string{"Sec-Fetch-Site": "none"}, http.StatusCreated},
		{"a client that is not a browser", nil, http.StatusCreated},
	} {
		before := count("accounts")
		rec := send("POST", "/v1/auth/register", tc.hdr, map[string]any{"role": "resident", "username": fmt.Sprintf("buurman-%d", i),
			"password": "a long enough password"}, nil)
		after := count("accounts")
		if rec.Code != tc.want {
			t.Errorf("%s registering: %d %s, want %d", tc.what, rec.Code, rec.Body, tc.want)
		}
		if grew := after - before; grew != map[bool]int{true: 0, false: 1}[tc.want == http.StatusForbidden] {
			t.Errorf("%s registering: %d accounts more", tc.what, grew)
		}
	}

	// A resident's browser session: another site can neither end it nor rotate its cookie, nor act with its
	// bearer token; the same-origin app still can.
	rec := send("POST", "/v1/auth/login", sameOrigin, map[string]any{"username": "bloemetje", "password": "a long enough password", "cookie": true}, nil)
	var cookie *http.Cookie
	for _, c := range rec.Result().Cookies() {
		cookie = c
	}
	if rec.Code != http.StatusOK || cookie == nil {
		t.Fatalf("same-origin browser login: %d %s", rec.Code, rec.Body)
	}
	var tokens struct {
		AccessToken string `json:"access_token"`
	}
	json.Unmarshal(rec.Body.Bytes(), &tokens)
	for _, path := range []string{"/v1/auth/logout", "/v1/auth/refresh"} {
		if rec := send("POST", path, crossSite, nil, cookie); rec.Code != http.StatusForbidden || len(rec.Result().Cookies()) != 0 {
			t.Errorf("cross-site POST %s with the cookie: %d %s %v", path, rec.Code, rec.Body, rec.Result().Cookies())
		}
	}
	requests := count("privacy_requests")
	withToken := map[string]string{"Authorization": "Bearer " + tokens.AccessToken}
	for k, v := range crossSite {
		withToken[k] = v
	}
	if rec := send("POST", "/v1/privacy/requests", withToken, map[string]any{"kind": "erasure"}, nil); rec.Code != http.StatusForbidden || count("privacy_requests") != requests {
		t.Errorf("cross-site erasure request: %d %s", rec.Code, rec.Body)
	}
	if rec := send("GET", "/v1/me", withToken, nil, nil); rec.Code != http.StatusOK {
		t.Errorf("cross-site GET: %d %s", rec.Code, rec.Body)
	}
	if rec := send("POST", "/v1/auth/refresh", sameOrigin, nil, cookie); rec.Code != http.StatusOK {
		t.Fatalf("the session did not survive the refused requests: %d %s", rec.Code, rec.Body)
	}
}
