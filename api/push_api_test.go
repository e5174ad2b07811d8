package api

import (
	"crypto/ecdh"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/notices"
)

// testVAPIDKey is a VAPID private key for the tests only.
const testVAPIDKey = "6YZUPNcpWAsJZaAPFtnJ64J3HYeLR3GA17KmXYEWt34"

// TestPushSubscriptionAPI: without a VAPID key the push calls answer 404 push_unavailable; with one, the
// key is public, a browser's PushSubscription JSON (expirationTime included) is kept for the signed-in
// account, a malformed one is refused, and DELETE removes it.
func TestPushSubscriptionAPI(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, accounts.Options{})
	a.withNotices()
	adminTok := a.admin("beheerder")
	id := a.register(map[string]any{"role": "resident", "username": "femke"})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+id+"/approve", adminTok, nil)
	tok, _ := a.login("femke")
	key, _ := ecdh.P256().GenerateKey(rand.Reader)
	sub := map[string]any{"endpoint": "https://push.example/send/femke", "expirationTime": nil,
		"keys": map[string]any{"p256dh": base64.RawURLEncoding.EncodeToString(key.PublicKey().Bytes()),
			"auth": base64.RawURLEncoding.EncodeToString([]byte("0123456789abcdef"))}}
	a.expect(http.StatusNotFound, "push_unavailable", "GET", "/v1/push/key", "", nil)
	a.expect(http.StatusNotFound, "push_unavailable", "PUT", "/v1/me/push-subscription", tok, sub)

	pub, err := notices.VAPIDPublicKey(testVAPIDKey)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := notices.New(a.db.Notices(a.keys), notices.Options{Secret: a.jwtKey, PublicBaseURL: "https://heitje.example",
		Now: a.clock.Now, Push: a.db.Push(), PushPublicKey: pub})
	if err != nil {
		t.Fatal(err)
	}
	a.deps.Notices = svc
	a.h = New(a.deps)
	if out := a.expect(http.StatusOK, "", "GET", "/v1/push/key", "", nil); out["publicKey"] != pub {
		t.Fatalf("key: %v, want %s", out, pub)
	}
	a.expect(http.StatusUnauthorized, "", "PUT", "/v1/me/push-subscription", "", sub)
	a.expect(http.StatusNoContent, "", "PUT", "/v1/me/push-subscription", tok, sub)
	a.expect(http.StatusNoContent, "", "PUT", "/v1/me/push-subscription", tok, sub)
	count := func() int {
		var n int
		if err := a.db.SQL().QueryRowContext(t.Context(), `SELECT count(*) FROM push_subscriptions WHERE account_id = $1
			AND endpoint = 'https://push.example/send/femke'`, id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if count() != 1 {
		t.Fatal("the subscription is not kept once")
	}
	bad := map[string]any{"endpoint": "http://push.example/send/femke", "keys": sub["keys"]}
	a.expect(http.StatusBadRequest, "validation_failed", "PUT", "/v1/me/push-subscription", tok, bad)
	a.expect(http.StatusBadRequest, "validation_failed", "PUT", "/v1/me/push-subscription", tok,
		map[string]any{"endpoint": sub["endpoint"], "keys": map[string]any{"p256dh": "bm90IGEga2V5", "auth": "c2hvcnQ"}})
	a.expect(http.StatusNoContent, "", "DELETE", "/v1/me/push-subscription", tok, map[string]any{"endpoint": sub["endpoint"]})
	if count() != 0 {
		t.Fatal("DELETE left the subscription")
	}
	a.expect(http.StatusNoContent, "", "DELETE", "/v1/me/push-subscription", tok, map[string]any{"endpoint": sub["endpoint"]})
}
