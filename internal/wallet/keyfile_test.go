package wallet

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
)

func TestKeyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wallet.json")
	k, err := create(path, "correct horse", keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v", st.Mode().Perm())
	}
	if _, err := create(path, "correct horse", keystore.LightScryptN, keystore.LightScryptP); err != ErrExists {
		t.Fatalf("an existing key file was overwritten: %v", err)
	}
	if _, err := Open(path, "wrong horse"); err == nil {
		t.Fatal("opened with the wrong passphrase")
	}
	again, err := Open(path, "correct horse")
	if err != nil || again.Address() != k.Address() {
		t.Fatalf("reopened %v (%v)", again, err)
	}
	sig, err := again.SignMessage("bind 0x… to heitje account")
	if err != nil {
		t.Fatal(err)
	}
	sig[64] -= 27
	pub, err := crypto.SigToPub(accounts.TextHash([]byte("bind 0x… to heitje account")), sig)
	if err != nil || crypto.PubkeyToAddress(*pub) != k.Address() {
		t.Fatal("the EIP-191 signature does not recover the wallet's address")
	}
}
