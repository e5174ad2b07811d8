package api

import (
	"crypto/ecdsa"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	ethaccounts "github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/crypto"
)

// phone is a resident's phone wallet: a key that never leaves the test, as it never leaves the phone.
type phone struct {
	key  []byte
	addr string
}

func newPhone(t *testing.T) phone {
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return phone{key: crypto.FromECDSA(k), addr: strings.ToLower(crypto.PubkeyToAddress(k.PublicKey).Hex())}
}

// sign is personal_sign (EIP-191) as wallets do it, with the recovery byte 27/28.
func (p phone) sign(t *testing.T, message string) string {
	k, _ := crypto.ToECDSA(p.key)
	sig, err := crypto.Sign(ethaccounts.TextHash([]byte(message)), k)
	if err != nil {
		t.Fatal(err)
	}
	sig[64] += 27
	return "0x" + hex.EncodeToString(sig)
}

// approvedResident registers and approves a resident and returns its access token.
func (a *testAPI) approvedResident(adminTok, username string) string {
	a.t.Helper()
	id := a.register(map[string]any{"role": "resident", "username": username})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+id+"/approve", adminTok, nil)
	tok, _ := a.login(username)
	return tok
}

func (a *testAPI) challenge(tok string) (nonce, message string) {
	a.t.Helper()
	out := a.expect(http.StatusOK, "", "GET", "/v1/me/wallet/challenge", tok, nil)
	return out["nonce"].(string), out["message"].(string)
}

// TestWalletBinding binds a phone's address by a signed challenge, and checks that a bad signature, an
// expired or reused challenge, an address of another account and a second address are refused with their
// codes and change nothing.
func TestWalletBinding(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	alice, bob := a.approvedResident(adminTok, "alice"), a.approvedResident(adminTok, "bob")
	pa, pb := newPhone(t), newPhone(t)
	put := func(tok string, body map[string]any) (int, map[string]any) {
		return a.call("PUT", "/v1/me/wallet", tok, body)
	}

	before := a.snapshot()
	if status, body := put(alice, map[string]any{"address": pa.addr, "signature": pa.sign(t, "x")}); status != 400 || errCode(body) != "no_challenge" {
		t.Fatalf("without a challenge: %d %v", status, body)
	}
	a.unchanged(before, "binding without a challenge")

	nonce, msg := a.challenge(alice)
	if !strings.Contains(msg, nonce) {
		t.Fatalf("the message does not carry the nonce: %q", msg)
	}
	before = a.snapshot()
	bad := []struct {
		name   string
		body   map[string]any
		status int
		code   string
	}{
		{"signed by another key", map[string]any{"address": pa.addr, "signature": pb.sign(t, msg)}, 400, "bad_signature"},
		{"signature of another message", map[string]any{"address": pa.addr, "signature": pa.sign(t, msg+".")}, 400, "bad_signature"},
		{"signature too short", map[string]any{"address": pa.addr, "signature": "0x1234"}, 400, "validation_failed"},
		{"not an address", map[string]any{"address": "0x1234", "signature": pa.sign(t, msg)}, 400, "validation_failed"},
		{"a challenge of someone else", map[string]any{"address": pa.addr, "signature": pa.sign(t, msg), "nonce": "00ff"}, 400, "no_challenge"},
	}
	for _, tc := range bad {
		if status, body := put(alice, tc.body); status != tc.status || errCode(body) != tc.code {
			t.Fatalf("%s: %d %v, want %d %s", tc.name, status, body, tc.status, tc.code)
		}
		a.unchanged(before, tc.name)
	}
	a.expect(http.StatusForbidden, "forbidden", "GET", "/v1/me/wallet/challenge", adminTok, nil)

	// The right signature binds; the address may come checksummed, the nonce in capitals with spaces around.
	checksummed := crypto.PubkeyToAddress(mustKey(t, pa.key).PublicKey).Hex()
	out := a.expect(http.StatusOK, "", "PUT", "/v1/me/wallet", alice, map[string]any{"address": checksummed, "signature": pa.sign(t, msg),
		"nonce": " " + strings.ToUpper(nonce) + " "})
	if out["wallet_address"] != pa.addr {
		t.Fatalf("bound %v, want %s", out, pa.addr)
	}
	if me := a.expect(http.StatusOK, "", "GET", "/v1/me", alice, nil); me["wallet_address"] != pa.addr {
		t.Fatalf("/v1/me after binding: %v", me)
	}
	before = a.snapshot()
	a.expect(http.StatusConflict, "challenge_used", "PUT", "/v1/me/wallet", alice, map[string]any{"address": pa.addr, "signature": pa.sign(t, msg)})
	a.unchanged(before, "a reused challenge")

	// The same address again is a no-op; a second address for the account is refused.
	_, msg = a.challenge(alice)
	a.expect(http.StatusOK, "", "PUT", "/v1/me/wallet", alice, map[string]any{"address": pa.addr, "signature": pa.sign(t, msg)})
	_, msg = a.challenge(alice)
	before = a.snapshot()
	a.expect(http.StatusConflict, "wallet_already_bound", "PUT", "/v1/me/wallet", alice, map[string]any{"address": pb.addr, "signature": pb.sign(t, msg)})
	a.unchanged(before, "a second address")

	// An address belongs to at most one account.
	_, msg = a.challenge(bob)
	before = a.snapshot()
	a.expect(http.StatusConflict, "address_taken", "PUT", "/v1/me/wallet", bob, map[string]any{"address": pa.addr, "signature": pa.sign(t, msg)})
	a.unchanged(before, "an address of another account")

	// An expired challenge is refused, and a fresh one works.
	_, msg = a.challenge(bob)
	before = a.snapshot()
	a.clock.Advance(5*time.Minute + time.Second)
	a.expect(http.StatusBadRequest, "challenge_expired", "PUT", "/v1/me/wallet", bob, map[string]any{"address": pb.addr, "signature": pb.sign(t, msg)})
	a.unchanged(before, "an expired challenge")
	_, msg = a.challenge(bob)
	a.expect(http.StatusOK, "", "PUT", "/v1/me/wallet", bob, map[string]any{"address": pb.addr, "signature": "0x" + pb.sign(t, msg)[2:]})
}

func mustKey(t *testing.T, b []byte) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(b)
	if err != nil {
		t.Fatal(err)
	}
	return k
}
