package e2e_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/wallet"
)

// TestStandardWalletSignsWhatTheAPIServes has a resident use ethers v6 (e2e/ethers, pinned by its
// package-lock.json), an EIP-712 and EIP-191 implementation independent of go-ethereum, for everything the
// API hands out to sign: the wallet challenge is signed with signMessage and binds the address; the payment
// request's typed_data, decoded generically as a wallet does, has a domain with exactly the fields that
// types.EIP712Domain lists and chainId as a JSON number, is signed by signTypedData as served, and the
// signature pays the request on the chain.
func TestStandardWalletSignsWhatTheAPIServes(t *testing.T) {
	t.Parallel()
	signer := newEthersSigner(t)
	p := newPlatform(t)
	p.serve()
	s := p.newShop("ethers-bakker", true)

	w := wallet.NewClient(p.base)
	id, err := w.Register(p.ctx, "ethers-bewoner", password)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.acc.Approve(p.ctx, p.admin, id, ""); err != nil {
		t.Fatal(err)
	}
	if err := w.Login(p.ctx, "ethers-bewoner", password); err != nil {
		t.Fatal(err)
	}
	tok := w.Token()
	key, _ := crypto.GenerateKey()
	privateKey := "0x" + hex.EncodeToString(crypto.FromECDSA(key))
	addr := strings.ToLower(crypto.PubkeyToAddress(key.PublicKey).Hex())

	// The wallet challenge: an EIP-191 message, signed by personal_sign as served.
	ch := p.expect(http.StatusOK, "", "GET", "/v1/me/wallet/challenge", tok, nil)
	msg, ok := ch["message"].(string)
	if !ok || msg == "" {
		t.Fatalf("the challenge has no message to sign: %v", ch)
	}
	bound := signer.sign(t, map[string]any{"privateKey": privateKey, "message": msg})
	if strings.ToLower(bound.Address) != addr {
		t.Fatalf("ethers derived %s from the key, go-ethereum %s", bound.Address, addr)
	}
	out := p.expect(http.StatusOK, "", "PUT", "/v1/me/wallet", tok,
		map[string]any{"address": bound.Address, "signature": bound.Signature, "nonce": ch["nonce"]})
	if out["wallet_address"] != addr {
		t.Fatalf("bound %v, want %s", out["wallet_address"], addr)
	}

	p.fund(2000, crypto.PubkeyToAddress(key.PublicKey))
	reqID, _ := p.request(s, 1250)
	code, raw, _ := p.raw(http.MethodGet, "/v1/payment-requests/"+reqID, tok)
	if code != http.StatusOK {
		t.Fatalf("GET the payment request: %d %s", code, raw)
	}
	var served struct {
		TypedData json.RawMessage `json:"typed_data"`
	}
	if err := json.Unmarshal(raw, &served); err != nil {
		t.Fatal(err)
	}
	td := decodeTypedData(t, served.TypedData)

	// The domain as a wallet reads it: ethers hashes the keys present, go-ethereum the fields listed.
	domain := td["domain"].(map[string]any)
	var listed []string
	for _, f := range td["types"].(map[string]any)["EIP712Domain"].([]any) {
		listed = append(listed, f.(map[string]any)["name"].(string))
	}
	present := slices.Sorted(maps.Keys(domain))
	slices.Sort(listed)
	if !slices.Equal(present, listed) {
		t.Errorf("the domain's keys are %v, types.EIP712Domain lists %v:\n%s", present, listed, served.TypedData)
	}
	if n, ok := domain["chainId"].(json.Number); !ok || n.String() != fmt.Sprint(p.cfg.ChainID) {
		t.Errorf("chainId is %#v, want the JSON number %d:\n%s", domain["chainId"], p.cfg.ChainID, served.TypedData)
	}
	m := td["message"].(map[string]any)
	if m["from"] == nil || strings.ToLower(m["from"].(string)) != addr {
		t.Fatalf("the message is from %v, not the bound %s", m["from"], addr)
	}

	// ethers signs the typed data exactly as served, and pay accepts the signature.
	signed := signer.sign(t, map[string]any{"privateKey": privateKey, "typedData": served.TypedData})
	status, body := p.postPay(tok, reqID, map[string]any{"from": m["from"], "to": m["to"], "value": m["value"],
		"valid_after": m["validAfter"], "valid_before": m["validBefore"], "nonce": m["nonce"], "signature": signed.Signature},
		"ethers-1")
	if status != http.StatusOK || body["status"] != "submitted" {
		t.Fatalf("pay with the signature ethers made (digest %s): %d %v", signed.Digest, status, body)
	}
	p.waitFor("the payment confirmed", 60*time.Second, func() bool {
		return p.expect(http.StatusOK, "", "GET", "/v1/payment-requests/"+reqID, tok, nil)["status"] == "confirmed"
	})
	if got := p.balanceOf(s.addr); got.Int64() != 1250 {
		t.Fatalf("the shop holds %s cents on the chain, want 1250", got)
	}
}

// decodeTypedData decodes typed data generically, numbers kept as json.Number so a string and a number
// are told apart.
func decodeTypedData(t *testing.T, raw []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var td map[string]any
	if err := dec.Decode(&td); err != nil {
		t.Fatalf("the typed data is not a JSON object: %v\n%s", err, raw)
	}
	for _, k := range []string{"types", "primaryType", "domain", "message"} {
		if td[k] == nil {
			t.Fatalf("the typed data has no %s:\n%s", k, raw)
		}
	}
	return td
}

// ethersSigner runs e2e/ethers/sign.js, ethers v6 as a standard wallet uses it.
type ethersSigner struct{ node, dir string }

// ethersSignature is what sign.js answers: the key's address, the 65-byte signature and the digest that
// ethers signed, all 0x hex.
type ethersSignature struct {
	Address   string `json:"address"`
	Signature string `json:"signature"`
	Digest    string `json:"digest"`
}

// newEthersSigner makes sure node and npm are there (installing Debian's packages when not) and runs
// `npm ci` in e2e/ethers when its node_modules is missing or older than its package-lock.json, so a fresh
// clone installs the pinned ethers itself. It fails, never skips, when any of that cannot be had.
func newEthersSigner(t *testing.T) ethersSigner {
	t.Helper()
	node := testenv.Tool(t, "node", "nodejs")
	npm := testenv.Tool(t, "npm", "npm")
	dir := filepath.Join(testenv.ProjectRoot(), "e2e", "ethers")
	lock, err := os.Stat(filepath.Join(dir, "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	if installed, err := os.Stat(filepath.Join(dir, "node_modules", ".package-lock.json")); err != nil || lock.ModTime().After(installed.ModTime()) {
		t.Log("e2e/ethers/node_modules is missing or stale; running npm ci")
		cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in e2e/ethers: %v\n%s", err, bytes.TrimSpace(msg))
		}
	}
	return ethersSigner{node: node, dir: dir}
}

// sign hands input to sign.js and fails the test with ethers' message when ethers refuses it.
func (e ethersSigner) sign(t *testing.T, input map[string]any) ethersSignature {
	t.Helper()
	in, err := json.Marshal(input)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(e.node, "sign.js")
	cmd.Dir = e.dir
	cmd.Stdin = bytes.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("ethers refused to sign: %v: %s\ninput: %s", err, bytes.TrimSpace(stderr.Bytes()), in)
	}
	var out ethersSignature
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil || len(out.Signature) != 132 {
		t.Fatalf("sign.js answered %q (%v)", stdout.String(), err)
	}
	return out
}
