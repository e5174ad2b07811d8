package e2e_test

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"net/http"
	"testing"
	"time"

	ethaccounts "github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/contracts"
	"github.com/heerlen/heitje/contracts/bindings"
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/testenv"
)

// recoveryTestDelay is the coin's recovery delay in the recovery test: long enough for the lost key to cancel
// well before it ends, short enough to wait for twice.
const recoveryTestDelay = 15 * time.Second

// TestRecoveryOfALostKey is the must-show of recovery without custody, on the real node: a resident with coins
// loses the phone, signs in on a new device and asks for recovery to a new key; one member of staff verifies,
// a second approves (the first cannot); before the delay ends the lost key cancels, and nothing moves even once
// the delay has passed; a second recovery runs to its end: the coins are at the new address, the account is
// bound to it, payments with the new key work, and the lost key can do nothing any more.
func TestRecoveryOfALostKey(t *testing.T) {
	p := newPlatform(t)
	p.enableRecovery(recoveryTestDelay)
	p.serve()
	s := p.newShop("recovery-bakker", true)
	r := p.residents(1)[0]
	p.fund(1000, r.addr)
	lost := r.key

	// The phone is gone: the resident signs in with the password on a new device and makes a new key there.
	tok := p.login(r.p.Username)
	fresh, _ := crypto.GenerateKey()
	freshAddr := crypto.PubkeyToAddress(fresh.PublicKey)
	p.expect(http.StatusNotFound, "not_found", "GET", "/v1/me/recovery", tok, nil)
	p.expect(http.StatusConflict, "same_address", "POST", "/v1/me/recovery", tok, p.proveKey(tok, lost))
	first := p.expect(http.StatusCreated, "", "POST", "/v1/me/recovery", tok, p.proveKey(tok, fresh))
	if first["status"] != "asked" || first["from_address"] != lower(r.addr) || first["to_address"] != lower(freshAddr) {
		t.Fatalf("asked: %v", first)
	}
	id := first["id"].(string)
	p.expect(http.StatusConflict, "recovery_open", "POST", "/v1/me/recovery", tok, p.proveKey(tok, fresh))
	// A signature of another key than the address named proves nothing.
	other, _ := crypto.GenerateKey()
	forged := p.proveKey(tok, other)
	forged["address"] = freshAddr.Hex()
	p.expect(http.StatusBadRequest, "bad_signature", "POST", "/v1/me/recovery", tok, forged)

	// Four eyes: one member of staff verifies, another approves; residents and the verifier cannot approve.
	desk1 := p.staffLogin("loket-een", accounts.PrivAccountsApprove)
	desk2 := p.staffLogin("loket-twee", accounts.PrivAccountsApprove)
	p.expect(http.StatusForbidden, "", "POST", "/v1/admin/recoveries/"+id+"/verify", tok, nil)
	p.expect(http.StatusConflict, "invalid_state", "POST", "/v1/admin/recoveries/"+id+"/approve", desk2, nil)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/recoveries/"+id+"/verify", desk1, nil)
	p.expect(http.StatusForbidden, "same_staff", "POST", "/v1/admin/recoveries/"+id+"/approve", desk1, nil)
	if got := p.expect(http.StatusOK, "", "POST", "/v1/admin/recoveries/"+id+"/approve", desk2, nil); got["status"] != "approved" {
		t.Fatalf("approved: %v", got)
	}

	// The request reaches the contract; before its delay ends, the lost key cancels it.
	mine := p.waitRecovery(tok, "the request on chain", func(m map[string]any) bool { return m["executable_at"] != nil })
	executableAt, err := time.Parse(time.RFC3339Nano, mine["executable_at"].(string))
	if err != nil {
		t.Fatal(err)
	}
	td := mine["cancel_typed_data"].(map[string]any)
	p.expect(http.StatusBadRequest, "bad_signature", "POST", "/v1/recoveries/"+id+"/cancel", "",
		map[string]any{"signature": signCancel(t, fresh, td)})
	if !time.Now().Before(executableAt) {
		t.Fatalf("the cancellation comes after the delay ended (%s); raise recoveryTestDelay", executableAt)
	}
	if got := p.expect(http.StatusOK, "", "POST", "/v1/recoveries/"+id+"/cancel", "",
		map[string]any{"signature": signCancel(t, lost, td)}); got["status"] != "cancelling" {
		t.Fatalf("cancel: %v", got)
	}
	p.waitRecovery(tok, "the cancellation", func(m map[string]any) bool { return m["status"] == "cancelled" })
	p.expect(http.StatusConflict, "invalid_state", "POST", "/v1/recoveries/"+id+"/cancel", "",
		map[string]any{"signature": signCancel(t, lost, td)})
	if st := p.onChainRecovery(common.HexToHash(mine["ref"].(string))); st.Status != contracts.RecoveryCancelled {
		t.Fatalf("the contract holds the first recovery as %d, want cancelled", st.Status)
	}

	// A second recovery runs to its end.
	second := p.expect(http.StatusCreated, "", "POST", "/v1/me/recovery", tok, p.proveKey(tok, fresh))
	id2 := second["id"].(string)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/recoveries/"+id2+"/verify", desk2, nil)
	p.expect(http.StatusForbidden, "same_staff", "POST", "/v1/admin/recoveries/"+id2+"/approve", desk2, nil)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/recoveries/"+id2+"/approve", desk1, nil)

	// Nothing moved by the cancelled one, even once its delay passed.
	p.waitChainTime(executableAt)
	if got := p.chainBalance(r.addr); got != 1000 {
		t.Fatalf("the lost address holds %d cents after the cancelled recovery's delay, want 1000", got)
	}
	if n := p.count(`SELECT count(*) FROM chain_intents WHERE idempotency_key = $1`, "recovery-execute:"+id); n != 0 {
		t.Fatalf("%d executions written for the cancelled recovery", n)
	}

	done := p.waitRecovery(tok, "the second recovery's end", func(m map[string]any) bool { return m["status"] == "executed" })
	if done["cancel_typed_data"] != nil {
		t.Errorf("an executed recovery offers a cancellation: %v", done)
	}
	if got := p.chainBalance(r.addr); got != 0 {
		t.Errorf("the lost address holds %d cents after the recovery, want 0", got)
	}
	if got := p.chainBalance(freshAddr); got != 1000 {
		t.Errorf("the new address holds %d cents after the recovery, want 1000", got)
	}
	if me := p.expect(http.StatusOK, "", "GET", "/v1/me", tok, nil); me["wallet_address"] != lower(freshAddr) {
		t.Errorf("the account is bound to %v, want the new address %s", me["wallet_address"], lower(freshAddr))
	}
	p.waitIndexed()
	if got := p.ledgerBalance(freshAddr); got != 1000 {
		t.Errorf("the ledger shows %d cents at the new address, want 1000", got)
	}

	// Payments with the new key work; the lost key can do nothing: pay, cancel, or bind.
	recovered := resident{p: r.p, key: fresh, addr: freshAddr}
	p.pay(s, recovered, tok, 300)
	if got := p.chainBalance(freshAddr); got != 700 {
		t.Errorf("the new address holds %d cents after paying 300, want 700", got)
	}
	reqID, _ := p.request(s, 100)
	req, err := p.walletClient(tok).PaymentRequest(p.ctx, reqID)
	if err != nil {
		t.Fatal(err)
	}
	if code, body := p.postPay(tok, reqID, payBody(t, lost, req, nil), "pay-lost-"+reqID); code == http.StatusOK {
		t.Errorf("a payment signed by the lost key was accepted: %v", body)
	}
	// The executed recovery's own cancellation message, built as the open one was.
	td2 := map[string]any{"primaryType": td["primaryType"], "domain": td["domain"],
		"message": map[string]any{"ref": done["ref"], "from": common.HexToAddress(done["from_address"].(string)).Hex(),
			"to": common.HexToAddress(done["to_address"].(string)).Hex()}}
	p.expect(http.StatusConflict, "invalid_state", "POST", "/v1/recoveries/"+id2+"/cancel", "",
		map[string]any{"signature": signCancel(t, lost, td2)})
	p.expect(http.StatusConflict, "wallet_already_bound", "PUT", "/v1/me/wallet", tok, p.proveKey(tok, lost))

	// Both decisions of each recovery are in the audit log, by two different members of staff.
	for _, rid := range []string{id, id2} {
		if n := p.count(`SELECT count(DISTINCT actor_id) FROM audit_log WHERE action IN ('recovery.verify', 'recovery.approve')
			AND detail LIKE '%' || $1 || '%'`, rid); n != 2 {
			t.Errorf("recovery %s: %d members of staff in the audit log's verify and approve, want 2", rid, n)
		}
	}
	if n := p.count(`SELECT count(*) FROM chain_intents WHERE idempotency_key LIKE 'recovery-execute:%' AND status = 'confirmed'`); n != 1 {
		t.Errorf("%d confirmed executions, want 1", n)
	}
}

// enableRecovery gives a new funded key the coin's RECOVERY_ROLE, sets the coin's recovery delay, and makes the
// key the platform's RECOVERY_KEY. Call it before serve.
func (p *platform) enableRecovery(delay time.Duration) {
	p.tb.Helper()
	key := testenv.Chain(p.tb).FundedKey(p.tb)
	coin := bindings.NewHeitjeCoin()
	for _, call := range []chain.AdminCall{
		chain.GrantCall("recovery", chain.RoleRecovery, crypto.PubkeyToAddress(key.PublicKey)),
		{What: "set the recovery delay", Data: coin.PackSetRecoveryDelay(big.NewInt(int64(delay / time.Second)))},
	} {
		if _, err := chain.SendAdmin(p.ctx, p.client, p.adminKey, p.deploy.Address, call); err != nil {
			p.tb.Fatalf("%s: %v", call.What, err)
		}
	}
	p.cfg.RecoveryKey = key
}

// proveKey signs the resident's fresh wallet challenge with key: the body of POST /v1/me/recovery and PUT
// /v1/me/wallet.
func (p *platform) proveKey(token string, key *ecdsa.PrivateKey) map[string]any {
	p.tb.Helper()
	ch := p.expect(http.StatusOK, "", "GET", "/v1/me/wallet/challenge", token, nil)
	sig, err := crypto.Sign(ethaccounts.TextHash([]byte(ch["message"].(string))), key)
	if err != nil {
		p.tb.Fatal(err)
	}
	sig[64] += 27
	return map[string]any{"address": crypto.PubkeyToAddress(key.PublicKey).Hex(), "signature": fmt.Sprintf("0x%x", sig),
		"nonce": ch["nonce"]}
}

// waitRecovery polls GET /v1/me/recovery until cond holds and returns the recovery.
func (p *platform) waitRecovery(token, what string, cond func(map[string]any) bool) map[string]any {
	p.tb.Helper()
	var m map[string]any
	p.waitFor(what, 2*time.Minute, func() bool {
		m = p.expect(http.StatusOK, "", "GET", "/v1/me/recovery", token, nil)
		return cond(m)
	})
	return m
}

// signCancel signs the served CancelRecovery message with key as a wallet would (eth_signTypedData_v4),
// through go-ethereum's typed-data encoder and a type list of its own, not the platform's.
func signCancel(t testing.TB, key *ecdsa.PrivateKey, served map[string]any) string {
	t.Helper()
	dom, msg := served["domain"].(map[string]any), served["message"].(map[string]any)
	if served["primaryType"] != "CancelRecovery" {
		t.Fatalf("primaryType %v", served["primaryType"])
	}
	digest, _, err := apitypes.TypedDataAndHash(apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"},
				{Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"}},
			"CancelRecovery": {{Name: "ref", Type: "bytes32"}, {Name: "from", Type: "address"}, {Name: "to", Type: "address"}},
		},
		PrimaryType: "CancelRecovery",
		Domain: apitypes.TypedDataDomain{Name: dom["name"].(string), Version: dom["version"].(string),
			ChainId:           (*math.HexOrDecimal256)(big.NewInt(int64(dom["chainId"].(float64)))),
			VerifyingContract: dom["verifyingContract"].(string)},
		Message: apitypes.TypedDataMessage{"ref": msg["ref"], "from": msg["from"], "to": msg["to"]},
	})
	if err != nil {
		t.Fatal(err)
	}
	sig, err := crypto.Sign(digest, key)
	if err != nil {
		t.Fatal(err)
	}
	sig[64] += 27
	return fmt.Sprintf("0x%x", sig)
}

// onChainRecovery reads a recovery from the contract itself.
func (p *platform) onChainRecovery(ref common.Hash) chain.RecoveryState {
	p.tb.Helper()
	st, err := chain.NewRecoveryReader(p.client, chain.NewToken(p.deploy.Address)).Recovery(p.ctx, ref)
	if err != nil {
		p.tb.Fatal(err)
	}
	return st
}

// chainBalance is an address's balance on chain, in cents.
func (p *platform) chainBalance(a common.Address) int64 {
	p.tb.Helper()
	return p.balanceOf(a).Int64()
}

// waitChainTime waits until the latest block is at least as late as at.
func (p *platform) waitChainTime(at time.Time) {
	p.tb.Helper()
	p.waitFor("the chain's time to pass "+at.String(), 2*time.Minute, func() bool {
		h, err := p.client.HeaderByNumber(p.ctx, nil)
		if err != nil {
			p.tb.Fatal(err)
		}
		return !time.Unix(int64(h.Time), 0).Before(at)
	})
}
