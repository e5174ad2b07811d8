package api

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
)

// sessionCall sends a request the way a browser does for the resident app: body as JSON unless nil (then
// no body at all), with the cookie when it is not nil. It returns the status, the decoded body and the
// heitje_refresh cookie the answer sets (nil when it sets none).
func (a *testAPI) sessionCall(method, path, token string, body any, cookie *http.Cookie) (int, map[string]any, *http.Cookie) {
	a.t.Helper()
	var r io.Reader
	if body != nil {
		j, _ := json.Marshal(body)
		r = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, r)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if cookie != nil {
		req.AddCookie(cookie)
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	var out map[string]any
	json.Unmarshal(rec.Body.Bytes(), &out)
	var set *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Name != refreshCookie {
			a.t.Fatalf("%s %s sets the cookie %s", method, path, c.Name)
		}
		if set != nil {
			a.t.Fatalf("%s %s sets %s twice", method, path, refreshCookie)
		}
		set = c
	}
	return rec.Code, out, set
}

// checkSessionCookie fails unless c is the browser session's cookie with every protection, living as long
// as a refresh token (maxAge seconds), or cleared when maxAge is -1.
func checkSessionCookie(t *testing.T, what string, c *http.Cookie, maxAge int) {
	t.Helper()
	switch {
	case c == nil:
		t.Fatalf("%s: no %s cookie set", what, refreshCookie)
	case !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteStrictMode || c.Path != "/v1/auth" || c.Domain != "":
		t.Fatalf("%s: the cookie is not HttpOnly; Secure; SameSite=Strict; Path=/v1/auth: %s", what, c.Raw)
	case c.MaxAge != maxAge:
		t.Fatalf("%s: the cookie's Max-Age is %d, want %d: %s", what, c.MaxAge, maxAge, c.Raw)
	case maxAge > 0 && c.Value == "", maxAge < 0 && c.Value != "":
		t.Fatalf("%s: cookie value %q", what, c.Value)
	}
}

// TestBrowserSession: a login with cookie: true answers the access token without the refresh token and sets
// it as an HttpOnly, Secure, SameSite=Strict cookie on /v1/auth for the refresh token's lifetime; refresh
// without a body (or with an empty one) rotates the cookie; a reused, expired or missing cookie is 401 in
// the usual envelope and the cookie is cleared; logout without a body ends the cookie's session and clears
// it.
func TestBrowserSession(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	a.approvedResident(adminTok, "zonnebloem")
	lifetime := int(accounts.DefaultOptions.RefreshTTL.Seconds())
	login := map[string]any{"username": "zonnebloem", "password": testPassword, "cookie": true}

	status, out, first := a.sessionCall("POST", "/v1/auth/login", "", login, nil)
	if status != http.StatusOK || out["access_token"] == nil || out["expires_in"] != float64(900) {
		t.Fatalf("browser login: %d %v", status, out)
	}
	if _, ok := out["refresh_token"]; ok {
		t.Fatalf("a browser login answers the refresh token in the body: %v", out)
	}
	checkSessionCookie(t, "login", first, lifetime)
	a.expect(http.StatusOK, "", "GET", "/v1/me", out["access_token"].(string), nil)

	status, out, second := a.sessionCall("POST", "/v1/auth/refresh", "", nil, first)
	if _, ok := out["refresh_token"]; status != http.StatusOK || ok || out["access_token"] == nil {
		t.Fatalf("refresh by the cookie without a body: %d %v", status, out)
	}
	checkSessionCookie(t, "refresh", second, lifetime)
	if second.Value == first.Value {
		t.Fatal("refresh did not rotate the cookie")
	}
	a.expect(http.StatusOK, "", "GET", "/v1/me", out["access_token"].(string), nil)
	status, out, third := a.sessionCall("POST", "/v1/auth/refresh", "", map[string]any{}, second)
	if status != http.StatusOK {
		t.Fatalf("refresh by the cookie with an empty body: %d %v", status, out)
	}
	checkSessionCookie(t, "second refresh", third, lifetime)
	access := out["access_token"].(string)

	// The first cookie again: it was copied. The session ends, the cookie is cleared, the newest is dead too.
	status, out, cleared := a.sessionCall("POST", "/v1/auth/refresh", "", nil, first)
	if status != http.StatusUnauthorized || errCode(out) != "token_reused" {
		t.Fatalf("reused cookie: %d %v", status, out)
	}
	checkSessionCookie(t, "reused cookie", cleared, -1)
	status, out, cleared = a.sessionCall("POST", "/v1/auth/refresh", "", nil, third)
	if status != http.StatusUnauthorized || errCode(out) != "invalid_token" {
		t.Fatalf("cookie of a revoked session: %d %v", status, out)
	}
	checkSessionCookie(t, "revoked session's cookie", cleared, -1)
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", access, nil)

	for _, body := range []any{nil, map[string]any{}, map[string]any{"refresh_token": ""}} {
		status, out, set := a.sessionCall("POST", "/v1/auth/refresh", "", body, nil)
		if status != http.StatusUnauthorized || errCode(out) != "invalid_token" || set != nil {
			t.Fatalf("refresh without a token or cookie (body %v): %d %v %v", body, status, out, set)
		}
	}

	// Logout by the cookie ends the session and clears the cookie.
	_, out, cookie := a.sessionCall("POST", "/v1/auth/login", "", login, nil)
	access = out["access_token"].(string)
	status, _, cleared = a.sessionCall("POST", "/v1/auth/logout", "", nil, cookie)
	if status != http.StatusNoContent {
		t.Fatalf("logout by the cookie: %d", status)
	}
	checkSessionCookie(t, "logout", cleared, -1)
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", access, nil)
	if status, out, _ := a.sessionCall("POST", "/v1/auth/refresh", "", nil, cookie); status != http.StatusUnauthorized || errCode(out) != "invalid_token" {
		t.Fatalf("refresh after logout: %d %v", status, out)
	}
	if status, out, set := a.sessionCall("POST", "/v1/auth/logout", "", nil, nil); status != http.StatusUnauthorized || errCode(out) != "invalid_token" || set != nil {
		t.Fatalf("logout without a token or cookie: %d %v %v", status, out, set)
	}

	// A cookie past the refresh token's lifetime works no more, and is cleared.
	_, _, cookie = a.sessionCall("POST", "/v1/auth/login", "", login, nil)
	a.clock.Advance(accounts.DefaultOptions.RefreshTTL)
	status, out, cleared = a.sessionCall("POST", "/v1/auth/refresh", "", nil, cookie)
	if status != http.StatusUnauthorized || errCode(out) != "invalid_token" {
		t.Fatalf("expired cookie: %d %v", status, out)
	}
	checkSessionCookie(t, "expired cookie", cleared, -1)
}

// TestTokenClientsGetNoCookie: a client that is not a browser keeps the refresh token in the JSON, as before
// browser sessions: no cookie is set on login, refresh or logout, and a body's token wins over a cookie
// sent along.
func TestTokenClientsGetNoCookie(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	a.approvedResident(adminTok, "zonnebloem")
	login := map[string]any{"username": "zonnebloem", "password": testPassword}

	status, out, set := a.sessionCall("POST", "/v1/auth/login", "", login, nil)
	if status != http.StatusOK || set != nil || out["refresh_token"] == nil {
		t.Fatalf("login: %d %v, cookie %v", status, out, set)
	}
	status, out, set = a.sessionCall("POST", "/v1/auth/refresh", "", map[string]any{"refresh_token": out["refresh_token"]}, nil)
	if status != http.StatusOK || set != nil || out["refresh_token"] == nil {
		t.Fatalf("refresh: %d %v, cookie %v", status, out, set)
	}
	refresh := out["refresh_token"].(string)

	// A browser's cookie sent along with a body's token: the body's session is the one rotated and ended,
	// and the cookie is left alone.
	_, _, cookie := a.sessionCall("POST", "/v1/auth/login", "", map[string]any{"username": "zonnebloem", "password": testPassword, "cookie": true}, nil)
	status, out, set = a.sessionCall("POST", "/v1/auth/refresh", "", map[string]any{"refresh_token": refresh}, cookie)
	if status != http.StatusOK || set != nil || out["refresh_token"] == nil || out["refresh_token"] == cookie.Value {
		t.Fatalf("refresh by the body with a cookie: %d %v, cookie %v", status, out, set)
	}
	if status, _, set = a.sessionCall("POST", "/v1/auth/logout", "", map[string]any{"refresh_token": out["refresh_token"]}, cookie); status != http.StatusNoContent || set != nil {
		t.Fatalf("logout by the body: %d, cookie %v", status, set)
	}
	if status, out, _ := a.sessionCall("POST", "/v1/auth/refresh", "", nil, cookie); status != http.StatusOK || !strings.HasPrefix(out["access_token"].(string), "ey") {
		t.Fatalf("the cookie's session ended with the body's: %d %v", status, out)
	}
}
