package api

import (
	"net/http"
	"testing"
)

// TestAccountLifecycle walks register → pending → login refused → approve → login → refresh rotates →
// reuse detected (the family is revoked) → a new login → logout revokes, against the real Postgres.
func TestAccountLifecycle(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheerder")
	id := a.register(map[string]any{"role": "resident", "username": "Groene-Vingers", "email": "Piet@Example.NL", "phone": "06 1234 5678"})
	login := map[string]any{"username": "groene-vingers", "password": testPassword}

	a.expect(http.StatusForbidden, "account_pending", "POST", "/v1/auth/login", "", login)
	a.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "",
		map[string]any{"username": "groene-vingers", "password": "wrong password!"})

	queue := a.expect(http.StatusOK, "", "GET", "/v1/admin/accounts?status=pending", adminTok, nil)
	if list := queue["accounts"].([]any); len(list) != 1 || list[0].(map[string]any)["id"] != id {
		t.Fatalf("queue: %v", queue)
	}
	if _, leaks := queue["accounts"].([]any)[0].(map[string]any)["email"]; leaks {
		t.Fatal("the queue shows personal data")
	}
	out := a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+id+"/approve", adminTok, nil)
	if out["status"] != "approved" {
		t.Fatalf("approve: %v", out)
	}
	a.expect(http.StatusConflict, "invalid_state", "POST", "/v1/admin/accounts/"+id+"/approve", adminTok, nil)

	tokens := a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", login)
	access, refresh := tokens["access_token"].(string), tokens["refresh_token"].(string)
	if tokens["expires_in"].(float64) > 900 || tokens["token_type"] != "Bearer" {
		t.Fatalf("token response: %v", tokens)
	}
	me := a.expect(http.StatusOK, "", "GET", "/v1/me", access, nil)
	if me["email"] != "piet@example.nl" || me["phone"] != "+31612345678" || me["username"] != "groene-vingers" {
		t.Fatalf("/v1/me: %v", me)
	}

	rotated := a.expect(http.StatusOK, "", "POST", "/v1/auth/refresh", "", map[string]any{"refresh_token": refresh})
	access2, refresh2 := rotated["access_token"].(string), rotated["refresh_token"].(string)
	if refresh2 == refresh || access2 == access {
		t.Fatal("refresh did not rotate the tokens")
	}
	a.expect(http.StatusOK, "", "GET", "/v1/me", access2, nil)

	// The old refresh token again: reuse. The whole family ends, including the newest pair.
	a.expect(http.StatusUnauthorized, "token_reused", "POST", "/v1/auth/refresh", "", map[string]any{"refresh_token": refresh})
	a.expect(http.StatusUnauthorized, "invalid_token", "POST", "/v1/auth/refresh", "", map[string]any{"refresh_token": refresh2})
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", access2, nil)

	tokens = a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", login)
	access3, refresh3 := tokens["access_token"].(string), tokens["refresh_token"].(string)
	a.expect(http.StatusOK, "", "GET", "/v1/me", access3, nil)
	a.expect(http.StatusNoContent, "", "POST", "/v1/auth/logout", "", map[string]any{"refresh_token": refresh3})
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", access3, nil)
	a.expect(http.StatusUnauthorized, "invalid_token", "POST", "/v1/auth/refresh", "", map[string]any{"refresh_token": refresh3})
	a.expect(http.StatusUnauthorized, "invalid_token", "POST", "/v1/auth/logout", "", map[string]any{"refresh_token": "never-issued"})
	a.expect(http.StatusUnauthorized, "unauthenticated", "GET", "/v1/me", "", nil)

	// Rejection: the reason is required, and a rejected account is told so at login.
	other := a.register(map[string]any{"role": "resident", "username": "nep-naam"})
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/accounts/"+other+"/reject", adminTok, map[string]any{})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+other+"/reject", adminTok, map[string]any{"reason": "duplicate of an existing account"})
	a.expect(http.StatusForbidden, "account_rejected", "POST", "/v1/auth/login", "", map[string]any{"username": "nep-naam", "password": testPassword})
	a.expect(http.StatusNotFound, "not_found", "POST", "/v1/admin/accounts/00000000-0000-0000-0000-000000000000/approve", adminTok, nil)
	a.expect(http.StatusNotFound, "not_found", "POST", "/v1/admin/accounts/not-an-id/approve", adminTok, nil)
}
