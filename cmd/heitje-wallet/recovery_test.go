package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/recovery"
)

// TestRecoverAndCancel asks for a recovery with the new device's key file and cancels it with the lost one's,
// against a fake API that checks both signatures the way the real one does; the new key cannot cancel.
func TestRecoverAndCancel(t *testing.T) {
	dir := t.TempDir()
	lostFile, newFile := filepath.Join(dir, "lost.json"), filepath.Join(dir, "new.json")
	lost, err := runWallet(map[string]string{"HEITJE_WALLET_KEY": lostFile}, "old phrase\n", "new-key")
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := runWallet(map[string]string{"HEITJE_WALLET_KEY": newFile}, "new phrase\n", "new-key")
	if err != nil {
		t.Fatal(err)
	}
	lostAddr, freshAddr := common.HexToAddress(strings.Fields(lost)[4]), common.HexToAddress(strings.Fields(fresh)[4])
	api := fakeRecoveryAPI(t, lostAddr)
	env := map[string]string{"HEITJE_API": api.URL, "HEITJE_USER": "zonnebloem", "HEITJE_WALLET_KEY": newFile}

	out, err := runWallet(env, "new phrase\ncorrect horse\n", "recover")
	if err != nil || !strings.Contains(out, "asked") || !strings.Contains(out, strings.ToLower(freshAddr.Hex())) {
		t.Fatalf("recover: %v\n%s", err, out)
	}
	if out, err := runWallet(env, "new phrase\ncorrect horse\n", "cancel-recovery"); err == nil {
		t.Fatalf("the new key cancelled the recovery: %s", out)
	}
	env["HEITJE_WALLET_KEY"] = lostFile
	out, err = runWallet(env, "old phrase\ncorrect horse\n", "cancel-recovery")
	if err != nil || !strings.Contains(out, "cancelling") {
		t.Fatalf("cancel-recovery: %v\n%s", err, out)
	}
}

// fakeRecoveryAPI answers login, the wallet challenge, asking for a recovery from lost (checking the new key's
// signature of the challenge), the recovery and its cancellation (checking the lost key's EIP-712 signature).
func fakeRecoveryAPI(t *testing.T, lost common.Address) *httptest.Server {
	const challenge = "Heerlens Heitje: link this phone's key to my account.\nNonce: n1"
	d := recovery.Domain{ChainID: 6411, Token: common.HexToAddress("0xc011")}
	rec := recovery.Recovery{ID: "5f1d7c2e-0a9b-4c3d-8e7f-1a2b3c4d5e6f", From: strings.ToLower(lost.Hex()), Status: recovery.StatusAsked}
	mux := http.NewServeMux()
	fail := func(w http.ResponseWriter, code string) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"error": {"code": %q, "message": "no"}}`, code)
	}
	mux.HandleFunc("POST /v1/auth/login", func(w http.ResponseWriter, req *http.Request) {
		fmt.Fprint(w, `{"access_token": "tok"}`)
	})
	mux.HandleFunc("GET /v1/me/wallet/challenge", func(w http.ResponseWriter, req *http.Request) {
		json.NewEncoder(w).Encode(map[string]string{"nonce": "n1", "message": challenge})
	})
	mux.HandleFunc("POST /v1/me/recovery", func(w http.ResponseWriter, req *http.Request) {
		var body struct{ Address, Signature, Nonce string }
		json.NewDecoder(req.Body).Decode(&body)
		sig, _ := hex.DecodeString(strings.TrimPrefix(body.Signature, "0x"))
		if signer, err := accounts.RecoverSigner(challenge, sig); err != nil || signer != strings.ToLower(body.Address) || body.Nonce != "n1" {
			fail(w, "bad_signature")
			return
		}
		rec.To = strings.ToLower(body.Address)
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(map[string]any{"id": rec.ID, "status": rec.Status, "from_address": rec.From, "to_address": rec.To})
	})
	mux.HandleFunc("GET /v1/me/recovery", func(w http.ResponseWriter, req *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{"id": rec.ID, "status": rec.Status, "from_address": rec.From,
			"to_address": rec.To, "cancel_typed_data": recovery.CancelTypedData(d, rec)})
	})
	mux.HandleFunc("POST /v1/recoveries/{id}/cancel", func(w http.ResponseWriter, req *http.Request) {
		var body struct{ Signature string }
		json.NewDecoder(req.Body).Decode(&body)
		sig, _ := hex.DecodeString(strings.TrimPrefix(body.Signature, "0x"))
		digest, _, err := apitypes.TypedDataAndHash(apitypes.TypedData{
			Types: apitypes.Types{
				"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"},
					{Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"}},
				"CancelRecovery": {{Name: "ref", Type: "bytes32"}, {Name: "from", Type: "address"}, {Name: "to", Type: "address"}},
			},
			PrimaryType: "CancelRecovery",
			Domain: apitypes.TypedDataDomain{Name: "Heerlens Heitje", Version: "1", ChainId: (*math.HexOrDecimal256)(big.NewInt(6411)),
				VerifyingContract: d.Token.Hex()},
			Message: apitypes.TypedDataMessage{"ref": rec.Ref().Hex(), "from": lost.Hex(), "to": common.HexToAddress(rec.To).Hex()},
		})
		if err != nil || len(sig) != 65 || req.PathValue("id") != rec.ID {
			fail(w, "bad_signature")
			return
		}
		sig[64] -= 27
		pub, err := crypto.SigToPub(digest, sig)
		if err != nil || crypto.PubkeyToAddress(*pub) != lost {
			fail(w, "bad_signature")
			return
		}
		fmt.Fprint(w, `{"id": "`+rec.ID+`", "status": "cancelling"}`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}
