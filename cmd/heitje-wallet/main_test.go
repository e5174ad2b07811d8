package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/wallet"
)

// runWallet runs the command with the given stdin lines and environment; it returns the output and error.
func runWallet(env map[string]string, stdin string, args ...string) (string, error) {
	var out bytes.Buffer
	err := run(context.Background(), args, func(k string) string { return env[k] }, strings.NewReader(stdin), &out)
	return out.String(), err
}

func TestUsage(t *testing.T) {
	out, err := runWallet(nil, "", "help")
	if err != nil || !strings.Contains(out, "pay ID|QR-URI") {
		t.Fatalf("help: %v\n%s", err, out)
	}
	for _, args := range [][]string{{"steal"}, {"pay"}, {"claim", "a", "b"}, {"-nope", "balance"}} {
		if _, err := runWallet(nil, "", args...); exitCode(err) != 2 {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	if _, err := runWallet(nil, "secret\n", "balance"); exitCode(err) != 2 {
		t.Errorf("balance without a user: %v", err)
	}
}

// TestNewKeyAndPay makes a key file, refuses to overwrite it, and pays a request by its QR code's link and by
// the old heitje://pay/ URI against a fake API that checks the signature the way the real one does.
func TestNewKeyAndPay(t *testing.T) {
	keyFile := filepath.Join(t.TempDir(), "wallet.json")
	env := map[string]string{"HEITJE_WALLET_KEY": keyFile, "HEITJE_USER": "zonnebloem"}
	out, err := runWallet(env, "a long passphrase\n", "new-key")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := runWallet(env, "a long passphrase\n", "new-key"); !errors.Is(err, wallet.ErrExists) {
		t.Fatalf("a second new-key: %v", err)
	}
	addr := common.HexToAddress(strings.Fields(out)[4])
	api := fakeAPI(t, addr)
	env["HEITJE_API"] = api.URL
	id := "0b6f3f0e-6c41-4b8e-9a1c-2f3a4b5c6d7e"
	for _, ref := range []string{payments.QRLink("https://heitje.heerlen.nl", id), payments.QRScheme + id} {
		out, err = runWallet(env, "a long passphrase\ncorrect horse\n", "pay", ref)
		if err != nil || !strings.Contains(out, "paying €12.50 to Bakkerij Bart") || !strings.Contains(out, "paid in block 42") {
			t.Fatalf("pay %s: %v\n%s", ref, err, out)
		}
	}
	if _, err := runWallet(env, "wrong passphrase\ncorrect horse\n", "pay", id); err == nil {
		t.Fatal("paid with the wrong passphrase")
	}
}

// fakeAPI answers login, one payment request for payer, its payment (checking the signature) and its events.
func fakeAPI(t *testing.T, payer common.Address) *httptest.Server {
	d := payments.Domain{ChainID: 6411, Token: common.HexToAddress("0xc011")}
	r := payments.Request{ID: "0b6f3f0e-6c41-4b8e-9a1c-2f3a4b5c6d7e", ShopAddress: common.HexToAddress("0x5409"),
		AmountCents: 1250, ValidAfter: 100, ValidBefore: 4_000_000_000, Nonce: common.HexToHash("0xabc")}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/auth/login", func(w http.ResponseWriter, req *http.Request) {
		fmt.Fprint(w, `{"access_token": "tok"}`)
	})
	mux.HandleFunc("GET /v1/payment-requests/{id}", func(w http.ResponseWriter, req *http.Request) {
		if req.PathValue("id") != r.ID {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"error": {"code": "not_found", "message": "no such resource"}}`)
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"id": r.ID, "status": "open", "amount_cents": r.AmountCents,
			"shop_name": "Bakkerij Bart", "shop_address": strings.ToLower(r.ShopAddress.Hex()),
			"typed_data": payments.NewTypedData(d, r.Authorization(payer))})
	})
	mux.HandleFunc("POST /v1/payment-requests/{id}/pay", func(w http.ResponseWriter, req *http.Request) {
		var body struct {
			From, Signature string
		}
		json.NewDecoder(req.Body).Decode(&body)
		a := r.Authorization(common.HexToAddress(body.From))
		a.Signature, _ = hex.DecodeString(strings.TrimPrefix(body.Signature, "0x"))
		if got, err := payments.Signer(d, a); err != nil || got != payer || req.Header.Get("Authorization") != "Bearer tok" ||
			req.Header.Get("Idempotency-Key") == "" {
			w.WriteHeader(http.StatusUnprocessableEntity)
			fmt.Fprint(w, `{"error": {"code": "signer_mismatch", "message": "no"}}`)
			return
		}
		fmt.Fprint(w, `{"status": "submitted", "tx_hash": "0x01"}`)
	})
	mux.HandleFunc("GET /v1/payment-requests/{id}/events", func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		fmt.Fprint(w, "retry: 2000\n\nevent: submitted\ndata: {\"status\":\"submitted\"}\n\n")
		fmt.Fprint(w, "event: confirmed\ndata: {\"status\":\"confirmed\",\"block_number\":42}\n\n")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}
