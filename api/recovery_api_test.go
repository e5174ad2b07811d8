package api

import (
	"fmt"
	"math/big"
	"net/http"
	"testing"

	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/recovery"
)

// bind binds the phone's address to the resident's account.
func (a *testAPI) bind(tok string, p phone) {
	a.t.Helper()
	nonce, msg := a.challenge(tok)
	a.expect(http.StatusOK, "", "PUT", "/v1/me/wallet", tok, map[string]any{"address": p.addr, "signature": p.sign(a.t, msg), "nonce": nonce})
}

// askBody is the body of POST /v1/me/recovery: address, and signer's signature of a fresh challenge.
func (a *testAPI) askBody(tok, address string, signer phone) map[string]any {
	a.t.Helper()
	nonce, msg := a.challenge(tok)
	return map[string]any{"address": address, "signature": signer.sign(a.t, msg), "nonce": nonce}
}

// signCancel signs a served CancelRecovery message with the phone's key, as eth_signTypedData_v4 does.
func (p phone) signCancel(t *testing.T, served map[string]any) string {
	t.Helper()
	dom, msg := served["domain"].(map[string]any), served["message"].(map[string]any)
	digest, _, err := apitypes.TypedDataAndHash(apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"},
				{Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"}},
			"CancelRecovery": {{Name: "ref", Type: "bytes32"}, {Name: "from", Type: "address"}, {Name: "to", Type: "address"}},
		},
		PrimaryType: "CancelRecovery",
		Domain: apitypes.TypedDataDomain{Name: dom["name"].(string), Version: dom["version"].(string),
			ChainId: (*math.HexOrDecimal256)(big.NewInt(int64(dom["chainId"].(float64)))), VerifyingContract: dom["verifyingContract"].(string)},
		Message: apitypes.TypedDataMessage{"ref": msg["ref"], "from": msg["from"], "to": msg["to"]},
	})
	if err != nil {
		t.Fatal(err)
	}
	k, _ := crypto.ToECDSA(p.key)
	sig, err := crypto.Sign(digest, k)
	if err != nil {
		t.Fatal(err)
	}
	sig[64] += 27
	return fmt.Sprintf("0x%x", sig)
}

// TestRecoveryAsk checks who may ask for a recovery and with what: only an approved resident with a bound
// address, for a new address that is nobody's, proven by the new key's signature of an unused challenge; one
// open recovery at a time. Every refusal leaves nothing behind.
func TestRecoveryAsk(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	alice, bob := a.approvedResident(adminTok, "alice"), a.approvedResident(adminTok, "bob")
	lost, bobs, fresh, stranger := newPhone(t), newPhone(t), newPhone(t), newPhone(t)
	_, deskTok := a.staff(adminTok, "loket", accounts.PrivAccountsApprove)

	a.expect(http.StatusForbidden, "", "POST", "/v1/me/recovery", deskTok, map[string]any{"address": fresh.addr, "signature": "0x00"})
	a.expect(http.StatusUnprocessableEntity, "no_wallet", "POST", "/v1/me/recovery", alice, a.askBody(alice, fresh.addr, fresh))
	a.bind(alice, lost)
	a.bind(bob, bobs)
	a.expect(http.StatusNotFound, "not_found", "GET", "/v1/me/recovery", alice, nil)

	refused := []struct {
		name, code string
		status     int
		body       map[string]any
	}{
		{"a malformed address", "validation_failed", http.StatusBadRequest, a.askBody(alice, "0x1234", fresh)},
		{"a malformed signature", "validation_failed", http.StatusBadRequest, map[string]any{"address": fresh.addr, "signature": "0x12"}},
		{"the bound address", "same_address", http.StatusConflict, a.askBody(alice, lost.addr, lost)},
		{"another account's address", "address_taken", http.StatusConflict, a.askBody(alice, bobs.addr, bobs)},
		{"another key's signature", "bad_signature", http.StatusBadRequest, a.askBody(alice, fresh.addr, stranger)},
	}
	for _, r := range refused {
		before := a.count("key_recoveries")
		a.expect(r.status, r.code, "POST", "/v1/me/recovery", alice, r.body)
		if a.count("key_recoveries") != before {
			t.Errorf("%s: a recovery was written", r.name)
		}
	}

	body := a.askBody(alice, fresh.addr, fresh)
	got := a.expect(http.StatusCreated, "", "POST", "/v1/me/recovery", alice, body)
	if got["status"] != "asked" || got["from_address"] != lost.addr || got["to_address"] != fresh.addr || got["cancel_typed_data"] == nil {
		t.Fatalf("asked: %v", got)
	}
	if n := a.noticesOf("recovery_asked"); n != 1 {
		t.Errorf("%d recovery_asked notices after one recovery was asked (and %d refused), want 1", n, len(refused))
	}
	a.expect(http.StatusConflict, "challenge_used", "POST", "/v1/me/recovery", alice, body)
	a.expect(http.StatusConflict, "recovery_open", "POST", "/v1/me/recovery", alice, a.askBody(alice, fresh.addr, fresh))
	if mine := a.expect(http.StatusOK, "", "GET", "/v1/me/recovery", alice, nil); mine["id"] != got["id"] {
		t.Errorf("GET /v1/me/recovery = %v, want the recovery just asked", mine)
	}
	// Bob's recovery is his own: he sees none.
	a.expect(http.StatusNotFound, "not_found", "GET", "/v1/me/recovery", bob, nil)

	// Without a recovery key nothing can be asked.
	a.deps.Recovery = recovery.New(a.db.Recoveries(), nil, recovery.Domain{ChainID: 6411}, false)
	a.h = New(a.deps)
	a.expect(http.StatusUnprocessableEntity, "recovery_unavailable", "POST", "/v1/me/recovery", bob, a.askBody(bob, stranger.addr, stranger))
}

// TestRecoveryFourEyes checks the staff's part: one member of staff verifies, a different one approves (the
// verifier cannot), each needs accounts.approve and is audited; approval writes the request to the coin once;
// a recovery is refused only before approval and only with a reason.
func TestRecoveryFourEyes(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	alice := a.approvedResident(adminTok, "alice")
	lost, fresh := newPhone(t), newPhone(t)
	a.bind(alice, lost)
	id := a.expect(http.StatusCreated, "", "POST", "/v1/me/recovery", alice, a.askBody(alice, fresh.addr, fresh))["id"].(string)
	desk1ID, desk1 := a.staff(adminTok, "loket-een", accounts.PrivAccountsApprove)
	desk2ID, desk2 := a.staff(adminTok, "loket-twee", accounts.PrivAccountsApprove)
	_, reviewer := a.staff(adminTok, "keurder", accounts.PrivChoresReview)

	a.expect(http.StatusForbidden, "", "GET", "/v1/admin/recoveries", reviewer, nil)
	a.expect(http.StatusForbidden, "", "POST", "/v1/admin/recoveries/"+id+"/verify", reviewer, nil)
	a.expect(http.StatusForbidden, "", "POST", "/v1/admin/recoveries/"+id+"/verify", alice, nil)
	list := a.expect(http.StatusOK, "", "GET", "/v1/admin/recoveries", desk1, nil)["recoveries"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["id"] != id {
		t.Fatalf("open recoveries: %v", list)
	}

	a.expect(http.StatusConflict, "invalid_state", "POST", "/v1/admin/recoveries/"+id+"/approve", desk2, nil)
	if got := a.expect(http.StatusOK, "", "POST", "/v1/admin/recoveries/"+id+"/verify", desk1, nil); got["status"] != "verified" || got["verified_by"] != desk1ID {
		t.Fatalf("verified: %v", got)
	}
	a.expect(http.StatusConflict, "invalid_state", "POST", "/v1/admin/recoveries/"+id+"/verify", desk2, nil)
	a.expect(http.StatusForbidden, "same_staff", "POST", "/v1/admin/recoveries/"+id+"/approve", desk1, nil)
	intents := a.count("chain_intents")
	if got := a.expect(http.StatusOK, "", "POST", "/v1/admin/recoveries/"+id+"/approve", desk2, nil); got["status"] != "approved" || got["approved_by"] != desk2ID {
		t.Fatalf("approved: %v", got)
	}
	var kind, signer string
	if err := a.db.SQL().QueryRow(`SELECT kind, signer FROM chain_intents WHERE idempotency_key = $1`, "recovery-request:"+id).Scan(&kind, &signer); err != nil ||
		kind != "request_recovery" || signer != string(recovery.Signer) || a.count("chain_intents") != intents+1 {
		t.Fatalf("the request intent: %q %q %v (%d intents, were %d)", kind, signer, err, a.count("chain_intents"), intents)
	}
	a.expect(http.StatusConflict, "invalid_state", "POST", "/v1/admin/recoveries/"+id+"/approve", desk2, nil)
	a.expect(http.StatusConflict, "invalid_state", "POST", "/v1/admin/recoveries/"+id+"/reject", desk1, map[string]any{"reason": "te laat"})
	var audited int
	if err := a.db.SQL().QueryRow(`SELECT count(DISTINCT actor_id) FROM audit_log WHERE action IN ('recovery.verify', 'recovery.approve')
		AND detail LIKE '%' || $1 || '%'`, id).Scan(&audited); err != nil || audited != 2 {
		t.Errorf("%d members of staff audited for the verification and approval (%v), want 2", audited, err)
	}

	// Another resident's recovery is refused: with a reason only.
	bob := a.approvedResident(adminTok, "bob")
	bobs, bobsNew := newPhone(t), newPhone(t)
	a.bind(bob, bobs)
	id2 := a.expect(http.StatusCreated, "", "POST", "/v1/me/recovery", bob, a.askBody(bob, bobsNew.addr, bobsNew))["id"].(string)
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/recoveries/"+id2+"/reject", desk1, map[string]any{"reason": ""})
	if got := a.expect(http.StatusOK, "", "POST", "/v1/admin/recoveries/"+id2+"/reject", desk1, map[string]any{"reason": "Niet aan de balie geweest"}); got["status"] != "rejected" {
		t.Fatalf("rejected: %v", got)
	}
	if mine := a.expect(http.StatusOK, "", "GET", "/v1/me/recovery", bob, nil); mine["reject_reason"] != "Niet aan de balie geweest" || mine["cancel_typed_data"] != nil {
		t.Errorf("bob's rejected recovery: %v", mine)
	}
}

// TestRecoveryCancelledByTheLostKey checks the cancellation: only the lost key's signature of the recovery's
// own message counts, no sign-in is needed, one that never reached the chain ends at once without an intent,
// and the resident may ask again afterwards.
func TestRecoveryCancelledByTheLostKey(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	alice := a.approvedResident(adminTok, "alice")
	lost, fresh := newPhone(t), newPhone(t)
	a.bind(alice, lost)
	asked := a.expect(http.StatusCreated, "", "POST", "/v1/me/recovery", alice, a.askBody(alice, fresh.addr, fresh))
	id, td := asked["id"].(string), asked["cancel_typed_data"].(map[string]any)
	if msg := td["message"].(map[string]any); msg["ref"] != asked["ref"] || td["primaryType"] != "CancelRecovery" {
		t.Fatalf("cancel_typed_data %v for ref %v", td, asked["ref"])
	}

	a.expect(http.StatusBadRequest, "bad_signature", "POST", "/v1/recoveries/"+id+"/cancel", "", map[string]any{"signature": fresh.signCancel(t, td)})
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/recoveries/"+id+"/cancel", "", map[string]any{"signature": "0x1234"})
	a.expect(http.StatusNotFound, "not_found", "POST", "/v1/recoveries/00000000-0000-4000-8000-000000000000/cancel", "",
		map[string]any{"signature": lost.signCancel(t, td)})
	intents := a.count("chain_intents")
	if got := a.expect(http.StatusOK, "", "POST", "/v1/recoveries/"+id+"/cancel", "", map[string]any{"signature": lost.signCancel(t, td)}); got["status"] != "cancelled" {
		t.Fatalf("cancelled: %v", got)
	}
	if a.count("chain_intents") != intents {
		t.Error("cancelling a recovery that never reached the chain wrote an intent")
	}
	if n := a.noticesOf("recovery_cancelled"); n != 1 {
		t.Errorf("%d recovery_cancelled notices, want 1", n)
	}
	a.expect(http.StatusConflict, "invalid_state", "POST", "/v1/recoveries/"+id+"/cancel", "", map[string]any{"signature": lost.signCancel(t, td)})
	again := a.expect(http.StatusCreated, "", "POST", "/v1/me/recovery", alice, a.askBody(alice, fresh.addr, fresh))
	if again["id"] == id {
		t.Error("asking again returned the cancelled recovery")
	}
	// The cancelled recovery's signature does not cancel the new one.
	a.expect(http.StatusBadRequest, "bad_signature", "POST", "/v1/recoveries/"+again["id"].(string)+"/cancel", "",
		map[string]any{"signature": lost.signCancel(t, td)})
}

// noticesOf counts the notices of kind written so far.
func (a *testAPI) noticesOf(kind string) int {
	a.t.Helper()
	var n int
	if err := a.db.SQL().QueryRow(`SELECT count(*) FROM notices WHERE kind = $1`, kind).Scan(&n); err != nil {
		a.t.Fatal(err)
	}
	return n
}
