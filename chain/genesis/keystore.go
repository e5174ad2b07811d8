package genesis

import (
	"crypto/ecdsa"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
)

// WriteKeystore encrypts key with password into a geth keystore file in dir (created if missing), with the
// standard scrypt parameters geth uses (about a second and 256 MB to encrypt or decrypt), and returns the
// file's path. If dir already holds a file for the key's address, WriteKeystore returns that path and leaves
// the file as it is, without checking that it opens with password.
func WriteKeystore(dir string, key *ecdsa.PrivateKey, password string) (string, error) {
	if key == nil {
		return "", errors.New("write keystore: no key")
	}
	ks := keystore.NewKeyStore(dir, keystore.StandardScryptN, keystore.StandardScryptP)
	account, err := ks.ImportECDSA(key, password)
	if errors.Is(err, keystore.ErrAccountAlreadyExists) {
		account, err = ks.Find(accounts.Account{Address: crypto.PubkeyToAddress(key.PublicKey)})
	}
	if err != nil {
		return "", fmt.Errorf("write keystore in %s: %w", dir, err)
	}
	return account.URL.Path, nil
}
