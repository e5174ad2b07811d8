package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"
)

// TestRegistrationRevealsNoContact checks that registering with an e-mail address or phone number that is
// registered already answers exactly as with a free one (only the new id differs), that the approver sees
// the shared contact in the queue, and that the second account cannot be approved while the first is in
// use.
func TestRegistrationRevealsNoContact(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	first := a.register(map[string]any{"role": "resident", "username": "eerste", "email": "Bekend@example.nl", "phone": "06 12345678"})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+first+"/approve", adminTok, nil)

	answer := func(username, email, phone string) (int, map[string]any, http.Header) {
		rec := a.send("POST", "/v1/auth/register", "", map[string]any{"role": "resident", "username": username,
			"password": testPassword, "email": email, "phone": phone})
		var body map[string]any
		json.Unmarshal(rec.Body.Bytes(), &body)
		id, _ := body["id"].(string)
		if id == "" {
			t.Fatalf("no id: %d %v", rec.Code, body)
		}
		body["id"] = "…"
		return rec.Code, body, rec.Header()
	}
	freeStatus, freeBody, freeHeader := answer("vrij", "nieuw@example.nl", "+31 6 87654321")
	for _, tc := range []struct{ username, email, phone string }{
		{"dubbele-mail", "bekend@example.nl", ""},
		{"dubbel-nummer", "", "+31612345678"},
		{"dubbel-beide", "BEKEND@example.nl", "0612345678"},
	} {
		status, body, header := answer(tc.username, tc.email, tc.phone)
		if status != freeStatus || fmt.Sprint(body) != fmt.Sprint(freeBody) {
			t.Fatalf("%s: %d %v, a free contact: %d %v", tc.username, status, body, freeStatus, freeBody)
		}
		for _, h := range []string{"Content-Type", "Content-Length", "Retry-After", "Location"} {
			if header.Get(h) != freeHeader.Get(h) {
				t.Fatalf("%s: header %s %q, a free contact %q", tc.username, h, header.Get(h), freeHeader.Get(h))
			}
		}
	}

	// The approver sees who shares a contact, and cannot approve the second while the first is in use.
	out := a.expect(http.StatusOK, "", "GET", "/v1/admin/accounts?status=pending", adminTok, nil)
	shared := map[string][]string{}
	ids := map[string]string{}
	for _, v := range out["accounts"].([]any) {
		acc := v.(map[string]any)
		ids[acc["username"].(string)] = acc["id"].(string)
		list, _ := acc["shared_contact"].([]any)
		for _, c := range list {
			shared[acc["username"].(string)] = append(shared[acc["username"].(string)], c.(string))
		}
	}
	want := map[string][]string{"dubbele-mail": {"email"}, "dubbel-nummer": {"phone"}, "dubbel-beide": {"email", "phone"}}
	for name, w := range want {
		if !slices.Equal(shared[name], w) {
			t.Fatalf("%s shares %v, want %v (all: %v)", name, shared[name], w, shared)
		}
	}
	if len(shared["vrij"]) != 0 {
		t.Fatalf("a free contact is marked shared: %v", shared["vrij"])
	}
	before := a.snapshot()
	a.expect(http.StatusConflict, "email_taken", "POST", "/v1/admin/accounts/"+ids["dubbele-mail"]+"/approve", adminTok, nil)
	a.expect(http.StatusConflict, "phone_taken", "POST", "/v1/admin/accounts/"+ids["dubbel-nummer"]+"/approve", adminTok, nil)
	a.unchanged(before, "approving a second account of one contact")
	a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+ids["vrij"]+"/approve", adminTok, nil)
}

// TestRegistrationLimit checks that one client address may sign up only so many times an hour (before any
// password is hashed), that other addresses are not affected, and that behind a trusted proxy the forwarded
// address counts.
func TestRegistrationLimit(t *testing.T) {
	t.Parallel()
	opts := defaultTestOptions()
	opts.MaxRegistrationsPerClient = 3
	a := newTestAPI(t, opts)
	a.deps.TrustedProxies = []string{"10.0.0.0/8"}
	a.h = New(a.deps)
	body := func(i int) map[string]any {
		return map[string]any{"role": "resident", "username": fmt.Sprintf("bewoner-%d", i), "password": testPassword}
	}
	for i := range 3 {
		a.expect(http.StatusCreated, "", "POST", "/v1/auth/register", "", body(i), "RemoteAddr", "192.0.2.10:1000")
	}
	before := a.snapshot()
	rec := a.send("POST", "/v1/auth/register", "", body(3), "RemoteAddr", "192.0.2.10:1001")
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "3600" {
		t.Fatalf("the fourth sign-up from one address: %d %s, Retry-After %q", rec.Code, rec.Body, rec.Header().Get("Retry-After"))
	}
	var out map[string]any
	json.Unmarshal(rec.Body.Bytes(), &out)
	if errCode(out) != "too_many_registrations" {
		t.Fatalf("code %v", out)
	}
	a.unchanged(before, "a refused sign-up")
	a.expect(http.StatusCreated, "", "POST", "/v1/auth/register", "", body(3), "RemoteAddr", "192.0.2.11:1000")

	// Through the trusted proxy each forwarded address has its own count.
	for i := range 3 {
		a.expect(http.StatusCreated, "", "POST", "/v1/auth/register", "", body(10+i), "RemoteAddr", "10.0.0.5:443",
			"X-Forwarded-For", "198.51.100.1")
	}
	a.expect(http.StatusTooManyRequests, "too_many_registrations", "POST", "/v1/auth/register", "", body(13),
		"RemoteAddr", "10.0.0.5:443", "X-Forwarded-For", "198.51.100.1")
	a.expect(http.StatusCreated, "", "POST", "/v1/auth/register", "", body(14), "RemoteAddr", "10.0.0.5:443",
		"X-Forwarded-For", "198.51.100.2")
	// The window ends.
	a.clock.Advance(61 * time.Minute)
	a.expect(http.StatusCreated, "", "POST", "/v1/auth/register", "", body(15), "RemoteAddr", "192.0.2.10:1002")
}
