// Package wallet is the resident's side of Heerlens Heitje, as the phone app does it: a key made and kept on
// the device (a file encrypted with a passphrase), bound to the account by signing a challenge, and used to
// sign payment authorizations. The key never leaves the device; the server only learns the address.
package wallet

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"os"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/payments"
)

// Key is an unlocked device key.
type Key struct {
	private *ecdsa.PrivateKey
}

// Address is the key's chain address.
func (k *Key) Address() common.Address { return crypto.PubkeyToAddress(k.private.PublicKey) }

// ErrExists means a key file is already there; Create never overwrites one.
var ErrExists = errors.New("wallet: a key file already exists there")

// Create makes a new key and writes it to path, encrypted with passphrase (the standard scrypt keystore
// format), readable only by the owner.
func Create(path, passphrase string) (*Key, error) {
	return create(path, passphrase, keystore.StandardScryptN, keystore.StandardScryptP)
}

func create(path, passphrase string, scryptN, scryptP int) (*Key, error) {
	if len(passphrase) < 8 {
		return nil, errors.New("wallet: the passphrase needs at least 8 characters")
	}
	priv, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	id, err := uuid.NewRandom()
	if err != nil {
		return nil, err
	}
	blob, err := keystore.EncryptKey(&keystore.Key{Id: id, Address: crypto.PubkeyToAddress(priv.PublicKey), PrivateKey: priv},
		passphrase, scryptN, scryptP)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil, ErrExists
	}
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(blob); err != nil {
		f.Close()
		return nil, err
	}
	return &Key{private: priv}, f.Close()
}

// Open reads and decrypts the key file.
func Open(path, passphrase string) (*Key, error) {
	blob, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k, err := keystore.DecryptKey(blob, passphrase)
	if err != nil {
		return nil, fmt.Errorf("wallet: cannot open %s: %w", path, err)
	}
	return &Key{private: k.PrivateKey}, nil
}

// SignMessage signs text the way personal_sign (EIP-191) does; it proves the key to the server when binding.
func (k *Key) SignMessage(text string) ([]byte, error) {
	sig, err := crypto.Sign(accounts.TextHash([]byte(text)), k.private)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	return sig, nil
}

// SignAuthorization signs an EIP-3009 authorization from this key.
func (k *Key) SignAuthorization(d payments.Domain, a payments.Authorization) ([]byte, error) {
	if a.From != k.Address() {
		return nil, errors.New("wallet: the authorization is not from this wallet")
	}
	return payments.Sign(d, a, k.private)
}
