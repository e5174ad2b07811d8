package api

import (
	"crypto/rand"
	"crypto/rsa"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/heerlen/heitje/internal/auth"
)

// snapshot counts the rows of the tables a bad request must not touch.
func (a *testAPI) snapshot() map[string]int {
	out := map[string]int{}
	for _, t := range []string{"accounts", "shops", "sessions", "refresh_tokens", "wallet_challenges", "audit_log", "chain_intents"} {
		out[t] = a.count(t)
	}
	var used int
	a.db.SQL().QueryRow(`SELECT count(*) FROM wallet_challenges WHERE used_at IS NOT NULL`).Scan(&used)
	out["used challenges"] = used
	var wallets int
	a.db.SQL().QueryRow(`SELECT count(*) FROM accounts WHERE wallet_address IS NOT NULL`).Scan(&wallets)
	out["wallets"] = wallets
	return out
}

func (a *testAPI) unchanged(before map[string]int, what string) {
	a.t.Helper()
	after := a.snapshot()
	for k, v := range before {
		if after[k] != v {
			a.t.Fatalf("%s changed %s: %d → %d", what, k, v, after[k])
		}
	}
}

func shopBody(username, iban string) map[string]any {
	return map[string]any{"role": "shop", "username": username, "password": testPassword, "shop": map[string]any{
		"legal_name": "Fietsenmaker Jansen", "kvk": "87654321", "iban": iban, "address": "Promenade 2, Heerlen"}}
}

// TestBadRegistrationsChangeNothing sends malformed and invalid registrations: each gets its 4xx with a
// stable code (and the field), and no table changes.
func TestBadRegistrationsChangeNothing(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	a.register(map[string]any{"role": "resident", "username": "bestaat-al", "email": "al@example.nl"})
	resident := func(username string) map[string]any {
		return map[string]any{"role": "resident", "username": username, "password": testPassword}
	}
	with := func(m map[string]any, k string, v any) map[string]any { m[k] = v; return m }
	badKvK := shopBody("winkel-x", "NL91ABNA0417164300")
	badKvK["shop"].(map[string]any)["kvk"] = "1234567"
	cases := []struct {
		name   string
		body   any
		status int
		code   string
		field  string
	}{
		{"malformed JSON", `{"role": "resident", "username": `, 400, "invalid_json", ""},
		{"not an object", `["resident"]`, 400, "invalid_json", ""},
		{"two objects", `{"role":"resident"} {"role":"shop"}`, 400, "invalid_json", ""},
		{"too-long username", resident(strings.Repeat("a", 33)), 400, "validation_failed", "username"},
		{"too-short username", resident("ab"), 400, "validation_failed", "username"},
		{"e-mail as username", resident("piet@example.nl"), 400, "validation_failed", "username"},
		{"phone as username", resident("0612345678"), 400, "validation_failed", "username"},
		{"odd characters", resident("piet jansen"), 400, "validation_failed", "username"},
		{"short password", with(resident("kort-wachtwoord"), "password", "123456789"), 400, "validation_failed", "password"},
		{"bad e-mail", with(resident("slechte-mail"), "email", "not-an-address"), 400, "validation_failed", "email"},
		{"bad phone", with(resident("slechte-telefoon"), "phone", "12"), 400, "validation_failed", "phone"},
		{"wrong IBAN checksum", shopBody("winkel-a", "NL92ABNA0417164300"), 400, "validation_failed", "shop.iban"},
		{"KvK of 7 digits", badKvK, 400, "validation_failed", "shop.kvk"},
		{"shop without details", map[string]any{"role": "shop", "username": "winkel-b", "password": testPassword}, 400, "validation_failed", "shop"},
		{"resident with shop details", with(resident("geen-winkel"), "shop", map[string]any{"legal_name": "x"}), 400, "validation_failed", "shop"},
		{"staff cannot register", with(resident("zelf-staf"), "role", "staff"), 400, "validation_failed", "role"},
		{"a private key is refused", with(resident("sleutel"), "private_key", "0x4c0883a6"), 400, "validation_failed", "private_key"},
		{"wrong type", with(resident("type-fout"), "username", 42), 400, "validation_failed", "username"},
		{"username taken", resident("Bestaat-Al"), 409, "username_taken", ""},
		{"huge body", `{"username": "` + strings.Repeat("x", maxBody) + `"}`, 413, "body_too_large", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := a.snapshot()
			status, body := a.call("POST", "/v1/auth/register", "", tc.body)
			if status != tc.status || errCode(body) != tc.code || (tc.field != "" && errField(body) != tc.field) {
				t.Fatalf("%d %v, want %d %s field %q", status, body, tc.status, tc.code, tc.field)
			}
			a.unchanged(before, tc.name)
		})
	}
}

// TestForgedAccessTokensAreRefused presents tokens with the claims of a real session but signed with
// another algorithm, with none, with another key, or expired: each is 401 invalid_token.
func TestForgedAccessTokensAreRefused(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	good := a.admin("echte-beheerder")
	a.expect(http.StatusOK, "", "GET", "/v1/me", good, nil)
	var claims auth.Claims
	if _, _, err := jwt.NewParser().ParseUnverified(good, &claims); err != nil {
		t.Fatal(err)
	}
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	sign := func(m jwt.SigningMethod, key any) string {
		s, err := jwt.NewWithClaims(m, claims).SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	forged := map[string]string{
		"alg none":          sign(jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType),
		"HS512, same key":   sign(jwt.SigningMethodHS512, a.jwtKey),
		"HS384, same key":   sign(jwt.SigningMethodHS384, a.jwtKey),
		"RS256":             sign(jwt.SigningMethodRS256, rsaKey),
		"HS256, other key":  sign(jwt.SigningMethodHS256, []byte(strings.Repeat("k", 32))),
		"not a JWT":         "garbage.garbage.garbage",
		"signature removed": good[:strings.LastIndex(good, ".")+1],
	}
	before := a.snapshot()
	for name, tok := range forged {
		if status, body := a.call("GET", "/v1/admin/staff", tok, nil); status != http.StatusUnauthorized || errCode(body) != "invalid_token" {
			t.Fatalf("%s: %d %v, want 401 invalid_token", name, status, body)
		}
	}
	a.unchanged(before, "forged tokens")
	a.clock.Advance(auth.MaxAccessTTL + time.Minute)
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", good, nil)
}
