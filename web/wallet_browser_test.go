package web

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	ethaccounts "github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	ethmath "github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/testenv"
)

// The wallet's cryptography (web/frontend/src/wallet) is proven here in headless Chromium against
// go-ethereum: the modules are bundled with web/frontend/test/wallet_entry.js into a temporary folder,
// served on a page of their own from 127.0.0.1 (a secure context: WebCrypto and IndexedDB work there) and
// called through globalThis.heitjeWallet.

const walletTestPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>wallet modules</title>
<script type="module" src="/wallet_test.js"></script></head><body></body></html>`

// walletPage bundles the wallet modules, serves them and returns a tab that has loaded them, and a func
// that loads the page again (a fresh page of the same origin, so the same IndexedDB).
func walletPage(t *testing.T) (context.Context, func()) {
	t.Helper()
	node := testenv.NodeModules(t, "frontend")
	bundle := filepath.Join(t.TempDir(), "wallet_test.js")
	cmd := exec.Command(node, filepath.Join("test", "bundle.mjs"), filepath.Join("test", "wallet_entry.js"), bundle)
	cmd.Dir = "frontend"
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("bundling the wallet modules: %v\n%s", err, out)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, walletTestPage)
	})
	mux.HandleFunc("GET /wallet_test.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeFile(w, r, bundle)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	ctx := testenv.Browser(t)
	load := func() {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"),
			chromedp.Poll[chromedp.Void]("globalThis.heitjeWallet !== undefined", chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("loading the wallet modules from %s: %v", srv.URL, err)
		}
	}
	load()
	if !walletJS[bool](t, ctx, `return isSecureContext && !!crypto.subtle && !!indexedDB`, nil) {
		t.Fatal("the test page is not a secure context with WebCrypto and IndexedDB")
	}
	// The test binary's browser outlives this server, and a later one may get its port: each starts and
	// leaves the origin without databases.
	clearDatabases(t, ctx)
	t.Cleanup(func() { clearDatabases(t, ctx) })
	return ctx, load
}

// clearDatabases deletes every IndexedDB database of the tab's origin.
func clearDatabases(t *testing.T, ctx context.Context) {
	t.Helper()
	walletJS[any](t, ctx, `
		for (const {name} of await indexedDB.databases()) {
			await new Promise((resolve, reject) => {
				const req = indexedDB.deleteDatabase(name);
				req.onsuccess = resolve;
				req.onerror = () => reject(req.error);
				req.onblocked = () => reject(new Error("deleting " + name + " is blocked by an open connection"));
			});
		}`, nil)
}

// walletJS runs body as an async JavaScript function in the tab, with the wallet modules as w and input
// (sent as JSON) as input, and decodes the JSON of what it returns into T. In the body, attempt(f) awaits
// f and gives "ok" or the code of the error it threw (its message when it has no code).
func walletJS[T any](t *testing.T, ctx context.Context, body string, input any) T {
	t.Helper()
	in, err := json.Marshal(input)
	if err != nil {
		t.Fatal(err)
	}
	expr := fmt.Sprintf(`(async (w, input) => {
		const attempt = async (f) => { try { await f(); return "ok"; } catch (e) { return e.code ?? String(e); } };
		%s
	})(globalThis.heitjeWallet, %s).then((r) => JSON.stringify(r ?? null))`, body, in)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("in the browser: %v\n%s", err, body)
	}
	var out T
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatalf("decoding %s: %v", raw, err)
	}
	return out
}

// newRand returns a seeded source of test data and logs the seed, so a failure can be run again as it was.
func newRand(t *testing.T) *rand.Rand {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	t.Logf("random seed %d", seed)
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

func randomBytes(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

func randomKey(rng *rand.Rand) *ecdsa.PrivateKey {
	for {
		if k, err := crypto.ToECDSA(randomBytes(rng, 32)); err == nil {
			return k
		}
	}
}

func keyHex(k *ecdsa.PrivateKey) string { return hexutil.Encode(crypto.FromECDSA(k)) }

// randomAuthorization is a payment with values from the whole range the typed data can carry: amounts
// from 0 to 2^256−1, times from 0 to the largest uint64, and any nonce.
func randomAuthorization(rng *rand.Rand, i int, from common.Address) (payments.Domain, payments.Authorization) {
	chainIDs := []uint64{1337, 1, 1 + rng.Uint64N(1<<53-1), 1<<53 - 1}
	values := []*big.Int{
		big.NewInt(0),
		big.NewInt(rng.Int64N(1_000_000)),
		new(big.Int).SetUint64(rng.Uint64()),
		new(big.Int).SetBytes(randomBytes(rng, 32)),
		new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)),
		new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil),
	}
	times := []uint64{0, rng.Uint64(), math.MaxUint64, uint64(time.Now().Unix())}
	if i%5 == 4 {
		from = common.BytesToAddress(randomBytes(rng, 20))
	}
	d := payments.Domain{ChainID: chainIDs[i%len(chainIDs)], Token: common.BytesToAddress(randomBytes(rng, 20))}
	a := payments.Authorization{From: from, To: common.BytesToAddress(randomBytes(rng, 20)), Value: values[i%len(values)],
		ValidAfter: times[i%len(times)], ValidBefore: times[(i+1)%len(times)], Nonce: common.BytesToHash(randomBytes(rng, 32))}
	return d, a
}

// randomMessage is a text to personal_sign: the API's wallet challenge, or text with multi-byte
// characters, nothing, a lot, or what looks like hex (and is signed as text).
func randomMessage(rng *rand.Rand, i int) string {
	switch i % 5 {
	case 0:
		return fmt.Sprintf("Heerlens Heitje: link this phone's key to my account.\nNonce: %x\nValid until: %s",
			randomBytes(rng, 16), time.Unix(rng.Int64N(4e9), 0).UTC().Format(time.RFC3339))
	case 1:
		return "’t Heitje: € 1.250,50 voor de klus 👍 — ça va"
	case 2:
		return ""
	case 3:
		var b strings.Builder
		for range 300 + rng.IntN(300) {
			b.WriteRune(rune(0x20 + rng.IntN(0x2000)))
		}
		return b.String()
	default:
		return hexutil.Encode(randomBytes(rng, 8))
	}
}

// TestWalletSignsLikeGoEthereum: for 100 keys (25 made in the browser) and payment typed data made by
// payments.NewTypedData, served as JSON, the browser's digest equals payments.Digest, its signature
// payments.Sign (and payments.Signer recovers the key's address from it), its address
// crypto.PubkeyToAddress (EIP-55 and lower case), and its personal_sign crypto.Sign of accounts.TextHash
// with v + 27, which accounts.RecoverSigner accepts.
func TestWalletSignsLikeGoEthereum(t *testing.T) {
	ctx, _ := walletPage(t)
	rng := newRand(t)

	type made struct{ Key, Address string }
	generated := walletJS[[]made](t, ctx, `
		return Array.from({length: input}, () => {
			const k = w.keys.generatePrivateKey();
			return {key: w.hex.toHex(k), address: w.keys.privateKeyToAddress(k)};
		});`, 25)
	var keys []*ecdsa.PrivateKey
	seen := map[string]bool{}
	for _, g := range generated {
		k, err := crypto.ToECDSA(hexutil.MustDecode(g.Key))
		if err != nil || seen[g.Key] {
			t.Fatalf("the browser made the key %s: %v (seen before: %v)", g.Key, err, seen[g.Key])
		}
		seen[g.Key] = true
		if want := crypto.PubkeyToAddress(k.PublicKey).Hex(); g.Address != want {
			t.Fatalf("the browser's key %s has address %s, go-ethereum says %s", g.Key, g.Address, want)
		}
		keys = append(keys, k)
	}
	for len(keys) < 100 {
		keys = append(keys, randomKey(rng))
	}

	type signCase struct {
		Key       string `json:"key"`
		TypedData string `json:"typedData"`
		Message   string `json:"message"`
	}
	var cases []signCase
	var domains []payments.Domain
	var auths []payments.Authorization
	for i, k := range keys {
		d, a := randomAuthorization(rng, i, crypto.PubkeyToAddress(k.PublicKey))
		served, err := json.Marshal(payments.NewTypedData(d, a))
		if err != nil {
			t.Fatal(err)
		}
		domains, auths = append(domains, d), append(auths, a)
		cases = append(cases, signCase{Key: keyHex(k), TypedData: string(served), Message: randomMessage(rng, i)})
	}
	type signed struct{ Digest, Signature, SignedDigest, Recovered, Address, Lower, Rechecked, Personal string }
	got := walletJS[[]signed](t, ctx, `
		return input.map((c) => {
			const key = w.hex.fromHex(c.key, 32);
			const td = JSON.parse(c.typedData);
			const digest = w.eip712.hashTypedData(td);
			const signature = w.sign.signTypedData(td, key);
			const address = w.keys.privateKeyToAddress(key);
			return {digest: w.hex.toHex(digest), signature, signedDigest: w.sign.signDigest(digest, key),
				recovered: w.sign.recoverAddress(digest, signature), address, lower: address.toLowerCase(),
				rechecked: w.keys.checksumAddress(address.toLowerCase()), personal: w.sign.personalSign(c.message, key)};
		});`, cases)

	for i, g := range got {
		k, d, a := keys[i], domains[i], auths[i]
		addr := crypto.PubkeyToAddress(k.PublicKey)
		digest, err := payments.Digest(d, a)
		if err != nil {
			t.Fatal(err)
		}
		sig, err := payments.Sign(d, a, k)
		if err != nil {
			t.Fatal(err)
		}
		if g.Digest != digest.Hex() {
			t.Fatalf("case %d: digest %s, payments.Digest %s\ntyped data %s", i, g.Digest, digest.Hex(), cases[i].TypedData)
		}
		if g.Signature != hexutil.Encode(sig) || g.SignedDigest != g.Signature {
			t.Fatalf("case %d: signature %s (of the digest: %s), payments.Sign %x", i, g.Signature, g.SignedDigest, sig)
		}
		a.Signature = hexutil.MustDecode(g.Signature)
		if signer, err := payments.Signer(d, a); err != nil || signer != addr {
			t.Fatalf("case %d: payments.Signer of the browser's signature: %s, %v; want %s", i, signer.Hex(), err, addr.Hex())
		}
		if g.Address != addr.Hex() || g.Lower != strings.ToLower(addr.Hex()) || g.Rechecked != addr.Hex() || g.Recovered != addr.Hex() {
			t.Fatalf("case %d: address %s, lower %s, checksummed again %s, recovered %s; go-ethereum %s", i, g.Address, g.Lower, g.Rechecked, g.Recovered, addr.Hex())
		}
		personal, err := crypto.Sign(ethaccounts.TextHash([]byte(cases[i].Message)), k)
		if err != nil {
			t.Fatal(err)
		}
		personal[64] += 27
		if g.Personal != hexutil.Encode(personal) {
			t.Fatalf("case %d: personal_sign of %q is %s, go-ethereum %x", i, cases[i].Message, g.Personal, personal)
		}
		if signer, err := accounts.RecoverSigner(cases[i].Message, hexutil.MustDecode(g.Personal)); err != nil || signer != g.Lower {
			t.Fatalf("case %d: accounts.RecoverSigner: %s, %v; want %s", i, signer, err, g.Lower)
		}
	}
	t.Logf("%d keys (%d made in the browser): digests, signatures, addresses and personal_sign equal go-ethereum's", len(got), len(generated))
}

// TestWalletHashesNestedTypedDataLikeGoEthereum: beyond the payment's shape, the structs of structs and the
// other atomic types that eip712.js supports hash as go-ethereum's apitypes.TypedDataAndHash does — the
// type encoding lists the referenced structs sorted by name, not in the order they are found, and the
// domain is hashed with the fields its type lists, whichever of the five they are.
func TestWalletHashesNestedTypedDataLikeGoEthereum(t *testing.T) {
	ctx, _ := walletPage(t)
	rng := newRand(t)
	types := apitypes.Types{
		"Order": {{Name: "seller", Type: "Shop"}, {Name: "buyer", Type: "Person"}, {Name: "amount", Type: "uint64"},
			{Name: "tip", Type: "uint8"}, {Name: "ref", Type: "bytes4"}, {Name: "memo", Type: "string"},
			{Name: "attachment", Type: "bytes"}, {Name: "paid", Type: "bool"}, {Name: "total", Type: "uint256"}},
		"Shop":   {{Name: "name", Type: "string"}, {Name: "owner", Type: "Person"}, {Name: "kvk", Type: "uint32"}},
		"Person": {{Name: "name", Type: "string"}, {Name: "wallet", Type: "address"}},
	}
	domainFields := []apitypes.Type{{Name: "name", Type: "string"}, {Name: "version", Type: "string"},
		{Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"}, {Name: "salt", Type: "bytes32"}}
	person := func() map[string]any {
		return map[string]any{"name": fmt.Sprintf("bewoner %d ✓", rng.IntN(1000)), "wallet": common.BytesToAddress(randomBytes(rng, 20)).Hex()}
	}

	type hashCase struct {
		TypedData map[string]any `json:"typedData"`
		Encoded   string         `json:"-"`
		Digest    string         `json:"-"`
	}
	var cases []hashCase
	for i := range 24 {
		// Each case lists another non-empty subset of the domain's fields, in the standard order.
		var fields []apitypes.Type
		for j, f := range domainFields {
			if (i+1)&(1<<j) != 0 || (i >= 16 && j != i%5) {
				fields = append(fields, f)
			}
		}
		chainID := 1 + rng.Int64N(1<<53-1)
		full := apitypes.TypedDataDomain{Name: "Heerlens Heitje", Version: fmt.Sprint(1 + rng.IntN(9)),
			ChainId: (*ethmath.HexOrDecimal256)(big.NewInt(chainID)), VerifyingContract: common.BytesToAddress(randomBytes(rng, 20)).Hex(),
			Salt: hexutil.Encode(randomBytes(rng, 32))}
		var domain apitypes.TypedDataDomain
		served := map[string]any{}
		for _, f := range fields {
			switch f.Name {
			case "name":
				domain.Name, served["name"] = full.Name, full.Name
			case "version":
				domain.Version, served["version"] = full.Version, full.Version
			case "chainId":
				domain.ChainId, served["chainId"] = full.ChainId, chainID
			case "verifyingContract":
				domain.VerifyingContract, served["verifyingContract"] = full.VerifyingContract, full.VerifyingContract
			case "salt":
				domain.Salt, served["salt"] = full.Salt, full.Salt
			}
		}
		withDomain := apitypes.Types{"EIP712Domain": fields}
		for k, v := range types {
			withDomain[k] = v
		}
		message := map[string]any{
			"seller":     map[string]any{"name": "Bakkerij ’t Heitje", "owner": person(), "kvk": fmt.Sprint(rng.Uint32())},
			"buyer":      person(),
			"amount":     fmt.Sprint(rng.Uint64()),
			"tip":        fmt.Sprint(rng.IntN(256)),
			"ref":        hexutil.Encode(randomBytes(rng, 4)),
			"memo":       randomMessage(rng, i),
			"attachment": hexutil.Encode(randomBytes(rng, rng.IntN(70))),
			"paid":       i%2 == 0,
			"total":      new(big.Int).SetBytes(randomBytes(rng, 32)).String(),
		}
		td := apitypes.TypedData{Types: withDomain, PrimaryType: "Order", Domain: domain, Message: message}
		digest, _, err := apitypes.TypedDataAndHash(td)
		if err != nil {
			t.Fatalf("case %d: go-ethereum: %v", i, err)
		}
		cases = append(cases, hashCase{
			TypedData: map[string]any{"types": withDomain, "primaryType": "Order", "domain": served, "message": message},
			Encoded:   string(td.EncodeType("Order")), Digest: hexutil.Encode(digest)})
	}
	type hashed struct{ Encoded, Digest string }
	got := walletJS[[]hashed](t, ctx, `
		return input.map((c) => ({encoded: w.eip712.encodeType("Order", c.typedData.types),
			digest: w.hex.toHex(w.eip712.hashTypedData(c.typedData))}));`, cases)
	for i, g := range got {
		if g.Encoded != cases[i].Encoded || g.Digest != cases[i].Digest {
			t.Fatalf("case %d: encodeType %q and digest %s; go-ethereum %q and %s\n%v", i, g.Encoded, g.Digest, cases[i].Encoded, cases[i].Digest, cases[i].TypedData)
		}
	}
}

// TestWalletRefusesTypedDataItCannotHash: typed data that eip712.js does not support, or whose values do
// not fit their types, is refused with the code unsupported_typed_data (signing too), never hashed. Other
// forms of the same values — chainId as a string, numbers in hex, addresses in lower case — hash as
// payments.Digest does.
func TestWalletRefusesTypedDataItCannotHash(t *testing.T) {
	ctx, _ := walletPage(t)
	rng := newRand(t)
	key := randomKey(rng)
	d, a := randomAuthorization(rng, 1, crypto.PubkeyToAddress(key.PublicKey))
	d.ChainID = 1337
	digest, err := payments.Digest(d, a)
	if err != nil {
		t.Fatal(err)
	}
	served, err := json.Marshal(payments.NewTypedData(d, a))
	if err != nil {
		t.Fatal(err)
	}
	from := payments.NewTypedData(d, a).Message.From
	badChecksum := []byte(from)
	for i := 2; i < len(badChecksum); i++ {
		if c := badChecksum[i]; c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' {
			badChecksum[i] ^= 0x20
			break
		}
	}
	type change struct {
		Name   string `json:"name"`
		Change string `json:"change"` // JavaScript that changes td, the served typed data
	}
	accepted := []change{
		{"as served", ``},
		{"chainId as a decimal string", `td.domain.chainId = "1337"`},
		{"chainId and value in hex", `td.domain.chainId = "0x539"; td.message.value = "0x" + BigInt(td.message.value).toString(16)`},
		{"addresses in lower case", `td.message.from = td.message.from.toLowerCase(); td.domain.verifyingContract = td.domain.verifyingContract.toLowerCase()`},
		{"the fields of the message in another order", `td.message = Object.fromEntries(Object.entries(td.message).reverse())`},
		{"the fields of the domain in another order", `td.domain = Object.fromEntries(Object.entries(td.domain).reverse())`},
	}
	refused := []change{
		{"salt in the domain but not in its type", `td.domain.salt = ""`},
		{"a field of EIP712Domain missing from the domain", `delete td.domain.version`},
		{"a domain field that EIP-712 does not define", `td.types.EIP712Domain.push({name: "shop", type: "string"}); td.domain.shop = "x"`},
		{"a domain field of the wrong type", `td.types.EIP712Domain[2].type = "uint64"`},
		{"chainId beyond 2^53 as a JSON number", `td = JSON.parse(JSON.stringify(td).replace('"chainId":1337', '"chainId":9007199254740993'))`},
		{"chainId as a fraction", `td.domain.chainId = 1337.5`},
		{"a negative value", `td.message.value = "-1"`},
		{"a value with an exponent", `td.message.value = "1e3"`},
		{"a value of 2^256", `td.message.value = (1n << 256n).toString()`},
		{"a value as a JSON number", `td.message.value = 1.5`},
		{"a value missing", `delete td.message.value`},
		{"a message field the type does not list", `td.message.memo = "x"`},
		{"a short address", `td.message.to = "0x1234"`},
		{"an address with a wrong checksum", `td.message.from = input.badChecksum`},
		{"a nonce of 31 bytes", `td.message.nonce = td.message.nonce.slice(0, 64)`},
		{"a nonce that is not hex", `td.message.nonce = "0x" + "zz".repeat(32)`},
		{"a boolean given as a string", `td.types.TransferWithAuthorization.push({name: "ok", type: "bool"}); td.message.ok = "true"`},
		{"an array type", `td.types.TransferWithAuthorization.push({name: "more", type: "address[]"}); td.message.more = [td.message.to]`},
		{"a signed integer", `td.types.TransferWithAuthorization[2].type = "int256"`},
		{"uint without a size", `td.types.TransferWithAuthorization[2].type = "uint"`},
		{"a struct type that is not defined", `td.types.TransferWithAuthorization[1].type = "Shop"; td.message.to = {name: "x"}`},
		{"a struct named like an atomic type", `td.types.address = [{name: "x", type: "string"}]`},
		{"a field name twice", `td.types.TransferWithAuthorization.push({name: "to", type: "address"})`},
		{"a primaryType that is not in types", `td.primaryType = "Transfer"`},
		{"EIP712Domain as the primaryType", `td.primaryType = "EIP712Domain"; td.message = td.domain`},
		{"no types", `delete td.types`},
		{"no domain", `delete td.domain`},
	}
	type outcome struct{ Name, Hash, Sign, Digest string }
	run := func(changes []change) []outcome {
		return walletJS[[]outcome](t, ctx, `
			const key = w.hex.fromHex(input.key, 32);
			return input.changes.map(({name, change}) => {
				let td = JSON.parse(input.served);
				td = new Function("td", "input", change + "; return td")(td, input);
				let digest = "";
				const hash = (() => { try { digest = w.hex.toHex(w.eip712.hashTypedData(td)); return "ok"; } catch (e) { return e.code ?? String(e); } })();
				const sign = (() => { try { w.sign.signTypedData(td, key); return "ok"; } catch (e) { return e.code ?? String(e); } })();
				return {name, hash, sign, digest};
			});`, map[string]any{"served": string(served), "key": keyHex(key), "badChecksum": string(badChecksum), "changes": changes})
	}
	for _, o := range run(accepted) {
		if o.Hash != "ok" || o.Sign != "ok" || o.Digest != digest.Hex() {
			t.Errorf("%s: hash %s, sign %s, digest %s; want the digest %s", o.Name, o.Hash, o.Sign, o.Digest, digest.Hex())
		}
	}
	for _, o := range run(refused) {
		if o.Hash != "unsupported_typed_data" || o.Sign != "unsupported_typed_data" {
			t.Errorf("%s: hash %s (digest %s), sign %s; want unsupported_typed_data", o.Name, o.Hash, o.Digest, o.Sign)
		}
	}
}
