package config

import (
	"crypto/ecdsa"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"
)

// writeKey writes key into dir as geth's keystore does (light scrypt, so the test stays fast).
func writeKey(t *testing.T, dir string, key *ecdsa.PrivateKey, pass string) string {
	t.Helper()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	data, err := keystore.EncryptKey(&keystore.Key{Id: uuid.New(), Address: addr, PrivateKey: key}, pass,
		keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	name := "UTC--2026-11-23T09-00-00.000000000Z--" + strings.ToLower(addr.Hex()[2:])
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
		t.Fatal(err)
	}
	return addr.Hex()
}

// TestServiceKeysFromTheKeystore names the minter and a relayer by address, with their keys in an
// encrypted keystore, and the operator and another relayer in hex as before.
func TestServiceKeysFromTheKeystore(t *testing.T) {
	dir := t.TempDir()
	pass := filepath.Join(t.TempDir(), "pass")
	os.WriteFile(pass, []byte("a long enough passphrase\n"), 0o600)
	minter, relayer := newTestKey(t), newTestKey(t)
	e := validEnv(t)
	e["KEYSTORE_DIR"], e["KEYSTORE_PASSWORD_FILE"] = dir, pass
	e["MINTER_KEY"] = writeKey(t, dir, minter, "a long enough passphrase")
	e["RELAYER_KEYS"] = "c7fe89eb85303c0c5c9577ddfcc331608932a6de9bb510ee04c5a84a4a98f70a, " + writeKey(t, dir, relayer, "a long enough passphrase")
	c, err := Load(env(e), NeedServe)
	if err != nil {
		t.Fatal(err)
	}
	if !c.MinterKey.Equal(minter) || len(c.RelayerKeys) != 2 || !c.RelayerKeys[1].Equal(relayer) || c.OperatorKey == nil {
		t.Fatal("the keys read are not the keys written")
	}

	// A wrong passphrase, an address without a file, and an address without a keystore configured.
	os.WriteFile(pass, []byte("another passphrase\n"), 0o600)
	if _, err := Load(env(e), NeedServe); err == nil || !strings.Contains(err.Error(), "MINTER_KEY names a key whose keystore file") {
		t.Fatalf("wrong passphrase: %v", err)
	}
	e["MINTER_KEY"] = "0x00000000000000000000000000000000000000aa"
	if _, err := Load(env(e), NeedServe); err == nil || !strings.Contains(err.Error(), "has no keystore file in KEYSTORE_DIR") {
		t.Fatalf("unknown address: %v", err)
	}
	delete(e, "KEYSTORE_DIR")
	if _, err := Load(env(e), NeedServe); err == nil || !strings.Contains(err.Error(), "KEYSTORE_DIR and KEYSTORE_PASSWORD_FILE must be set") {
		t.Fatalf("no keystore: %v", err)
	}
}

func newTestKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}
