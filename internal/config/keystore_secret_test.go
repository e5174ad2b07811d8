package config

import (
	"os"
	"path/filepath"
	"testing"
)

// TestKeystoreOnASecretVolume reads the keystore from a folder laid out as Kubernetes mounts a Secret: the
// files in a hidden, timestamped folder, the hidden link "..data" to it, and each key a link through
// "..data". The hidden entries are no key files and must not stop start-up.
func TestKeystoreOnASecretVolume(t *testing.T) {
	mount := t.TempDir()
	real := filepath.Join(mount, "..2026_12_06_04_40_00.000000001")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	minter := newTestKey(t)
	addr := writeKey(t, real, minter, "a long enough passphrase")
	if err := os.Symlink(filepath.Base(real), filepath.Join(mount, "..data")); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(real)
	if err != nil || len(entries) != 1 {
		t.Fatalf("key file: %v %v", entries, err)
	}
	if err := os.Symlink(filepath.Join("..data", entries[0].Name()), filepath.Join(mount, entries[0].Name())); err != nil {
		t.Fatal(err)
	}
	pass := filepath.Join(t.TempDir(), "pass")
	os.WriteFile(pass, []byte("a long enough passphrase\n"), 0o600)
	e := validEnv(t)
	e["KEYSTORE_DIR"], e["KEYSTORE_PASSWORD_FILE"], e["MINTER_KEY"] = mount, pass, addr
	c, err := Load(env(e), NeedServe)
	if err != nil {
		t.Fatal(err)
	}
	if !c.MinterKey.Equal(minter) || len(c.KeystoreAddresses) != 1 || c.KeystoreAddresses[0].Hex() != addr {
		t.Fatalf("keys read from the Secret volume: minter %v, addresses %v", c.MinterKey.Equal(minter), c.KeystoreAddresses)
	}
}
