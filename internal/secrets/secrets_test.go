package secrets

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func mustKey(t *testing.T, id string) Key {
	t.Helper()
	k, err := NewKey(id)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestSealOpenAndRotation(t *testing.T) {
	oldKey, newKey := mustKey(t, "old"), mustKey(t, "new")
	oldRing, _ := NewKeyring(oldKey)
	sealed, err := oldRing.Seal([]byte("NL91ABNA0417164300"), []byte("shops.iban_enc:1"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(sealed, []byte("NL91")) || KeyID(sealed) != "old" {
		t.Fatalf("sealed value %q", sealed)
	}
	again, _ := oldRing.Seal([]byte("NL91ABNA0417164300"), []byte("shops.iban_enc:1"))
	if bytes.Equal(sealed, again) {
		t.Fatal("two seals of one value are equal: the nonce is not fresh")
	}
	if _, err := oldRing.Open(sealed, []byte("shops.iban_enc:2")); !errors.Is(err, ErrUndecryptable) {
		t.Fatalf("opened under another row's AAD: %v", err)
	}
	tampered := bytes.Clone(sealed)
	tampered[len(tampered)-1] ^= 1
	if _, err := oldRing.Open(tampered, []byte("shops.iban_enc:1")); !errors.Is(err, ErrUndecryptable) {
		t.Fatalf("opened a tampered value: %v", err)
	}

	rotating, err := NewKeyring(newKey, oldKey)
	if err != nil {
		t.Fatal(err)
	}
	if !rotating.NeedsRotation(sealed) || rotating.CurrentID() != "new" {
		t.Fatal("a value under the old key does not need rotation")
	}
	pt, err := rotating.Open(sealed, []byte("shops.iban_enc:1"))
	if err != nil || string(pt) != "NL91ABNA0417164300" {
		t.Fatalf("the rotating keyring cannot open the old value: %q %v", pt, err)
	}
	resealed, _ := rotating.Seal(pt, []byte("shops.iban_enc:1"))
	if rotating.NeedsRotation(resealed) {
		t.Fatal("a fresh seal needs rotation")
	}
	if _, err := oldRing.Open(resealed, []byte("shops.iban_enc:1")); !errors.Is(err, ErrUndecryptable) {
		t.Fatal("the old key opens a value sealed under the new one")
	}
	if _, err := NewKeyring(newKey, newKey); err == nil {
		t.Fatal("two keys with one id accepted")
	}
	for _, bad := range [][]byte{nil, {1}, {2, 3, 'o', 'l', 'd'}, {1, 9, 'o'}} {
		if _, err := rotating.Open(bad, nil); !errors.Is(err, ErrUndecryptable) {
			t.Fatalf("malformed %v: %v", bad, err)
		}
	}
}

func TestParseKey(t *testing.T) {
	k := mustKey(t, "k-2026")
	got, err := ParseKey(k.String())
	if err != nil || got.ID != "k-2026" || !bytes.Equal(got.Secret, k.Secret) {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	secret := strings.SplitN(k.String(), ":", 2)[1]
	for _, bad := range []string{secret, "K2:" + secret, ":" + secret, "k2:" + secret[:10], "k2:not base64!"} {
		_, err := ParseKey(bad)
		if err == nil {
			t.Fatalf("ParseKey(%q) accepted", bad)
		}
		if strings.Contains(err.Error(), secret[:10]) {
			t.Fatalf("the error shows the key: %v", err)
		}
	}
	if b, err := DecodeSecret(strings.Repeat("0f", 32)); err != nil || len(b) != 32 || b[0] != 0x0f {
		t.Fatalf("hex secret: %x %v", b, err)
	}
}

func TestLookupSeparatesPurposes(t *testing.T) {
	if _, err := NewLookup(make([]byte, 16)); err == nil {
		t.Fatal("a 16-byte lookup key accepted")
	}
	l, _ := NewLookup(bytes.Repeat([]byte{1}, 32))
	other, _ := NewLookup(bytes.Repeat([]byte{2}, 32))
	a, b := l.Hash("email", "x@example.nl"), l.Hash("phone", "x@example.nl")
	if bytes.Equal(a, b) || !bytes.Equal(a, l.Hash("email", "x@example.nl")) || bytes.Equal(a, other.Hash("email", "x@example.nl")) {
		t.Fatal("lookup hashes must be stable per key and purpose and differ across them")
	}
}

func TestPasswords(t *testing.T) {
	p := NewPasswords(Argon2Params{Memory: 1024, Time: 1, Threads: 1})
	h, err := p.Hash("correct horse battery")
	if err != nil || !strings.HasPrefix(h, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Fatalf("hash %q %v", h, err)
	}
	if h2, _ := p.Hash("correct horse battery"); h2 == h {
		t.Fatal("two hashes of one password are equal: the salt is not fresh")
	}
	if ok, err := p.Verify("correct horse battery", h); !ok || err != nil {
		t.Fatalf("the right password: %v %v", ok, err)
	}
	if ok, _ := p.Verify("correct horse batterY", h); ok {
		t.Fatal("a wrong password verified")
	}
	// A hash made under other parameters still verifies: the parameters travel with the hash.
	stronger := NewPasswords(Argon2Params{Memory: 2048, Time: 2, Threads: 2})
	if ok, err := stronger.Verify("correct horse battery", h); !ok || err != nil {
		t.Fatalf("verifying an older hash: %v %v", ok, err)
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=0,t=1,p=1$c2FsdA$aGFzaA", "plain"} {
		if ok, err := p.Verify("x", bad); ok || err == nil {
			t.Fatalf("malformed hash %q: %v %v", bad, ok, err)
		}
	}
	if DefaultArgon2.Memory < MinArgon2.Memory || DefaultArgon2.Time < MinArgon2.Time {
		t.Fatal("the default cost is below the minimum")
	}
}
