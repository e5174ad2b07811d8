package payments

import (
	"bytes"
	"encoding/json"
	"maps"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

func TestSignAndRecover(t *testing.T) {
	key, _ := crypto.GenerateKey()
	d := Domain{ChainID: 6411, Token: common.HexToAddress("0xc0ffee0000000000000000000000000000000001")}
	a := Authorization{From: crypto.PubkeyToAddress(key.PublicKey), To: common.HexToAddress("0x5409"), Value: big.NewInt(1250),
		ValidAfter: 1, ValidBefore: 2_000_000_000, Nonce: crypto.Keccak256Hash([]byte("request-1"))}
	sig, err := Sign(d, a, key)
	if err != nil {
		t.Fatal(err)
	}
	a.Signature = sig
	got, err := Signer(d, a)
	if err != nil || got != a.From {
		t.Fatalf("recovered %s (%v), want %s", got.Hex(), err, a.From.Hex())
	}
	// Every signed field matters.
	changed := []func(*Authorization){
		func(x *Authorization) { x.Value = big.NewInt(1251) },
		func(x *Authorization) { x.To = common.HexToAddress("0x5410") },
		func(x *Authorization) { x.ValidBefore++ },
		func(x *Authorization) { x.ValidAfter++ },
		func(x *Authorization) { x.Nonce[0] ^= 1 },
	}
	for i, change := range changed {
		b := a
		change(&b)
		if got, err := Signer(d, b); err == nil && got == a.From {
			t.Fatalf("change %d still recovers the payer", i)
		}
	}
	if got, _ := Signer(Domain{ChainID: 1, Token: d.Token}, a); got == a.From {
		t.Fatal("a signature for another chain recovers the payer")
	}
	// Malformed and malleable signatures are refused.
	short := a
	short.Signature = sig[:64]
	if _, err := Signer(d, short); err == nil {
		t.Fatal("a 64-byte signature was accepted")
	}
	high := a
	high.Signature = append([]byte(nil), sig...)
	s := new(big.Int).Sub(crypto.S256().Params().N, new(big.Int).SetBytes(sig[32:64]))
	s.FillBytes(high.Signature[32:64])
	high.Signature[64] ^= 1
	if _, err := Signer(d, high); err == nil {
		t.Fatal("a high-s signature was accepted")
	}
}

// TestTypedDataAsWalletsReadIt reads the typed data's JSON the way a wallet does: the domain holds exactly
// the fields that types.EIP712Domain lists (ethers hashes the keys present, go-ethereum the fields listed,
// so any difference splits them), chainId is a JSON number, and go-ethereum hashing the JSON as served
// gets the digest that Sign signs.
func TestTypedDataAsWalletsReadIt(t *testing.T) {
	d := Domain{ChainID: 6411, Token: common.HexToAddress("0xc0ffee0000000000000000000000000000000001")}
	a := Authorization{From: common.HexToAddress("0xfa11"), To: common.HexToAddress("0x5409"), Value: big.NewInt(1250),
		ValidAfter: 1, ValidBefore: 2_000_000_000, Nonce: crypto.Keccak256Hash([]byte("request-1"))}
	served, err := json.Marshal(NewTypedData(d, a))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(served))
	dec.UseNumber()
	var doc struct {
		Types  map[string][]struct{ Name, Type string }
		Domain map[string]any
	}
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, f := range doc.Types["EIP712Domain"] {
		listed = append(listed, f.Name)
	}
	present := slices.Collect(maps.Keys(doc.Domain))
	slices.Sort(listed)
	slices.Sort(present)
	if !slices.Equal(listed, present) {
		t.Errorf("the domain has the keys %v, types.EIP712Domain lists %v:\n%s", present, listed, served)
	}
	if n, ok := doc.Domain["chainId"].(json.Number); !ok || n.String() != "6411" {
		t.Errorf("chainId is %#v, want the JSON number 6411:\n%s", doc.Domain["chainId"], served)
	}

	var geth apitypes.TypedData
	if err := json.Unmarshal(served, &geth); err != nil {
		t.Fatal(err)
	}
	h, _, err := apitypes.TypedDataAndHash(geth)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Digest(d, a)
	if err != nil || common.BytesToHash(h) != want {
		t.Fatalf("go-ethereum hashes the served JSON to %x, Digest is %s (%v)", h, want.Hex(), err)
	}
}
