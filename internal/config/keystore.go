package config

import (
	"crypto/ecdsa"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
)

// addressForm is how a key is named by its address instead of given in hex: 0x and 40 hex digits.
var addressForm = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)

// serviceKey reads one service key named in variable name: a hex private key (64 digits), or, with
// KEYSTORE_DIR set, the address of a key in that folder's encrypted keystore (as `heitje chain genesis`
// writes it), opened with the passphrase in the first line of KEYSTORE_PASSWORD_FILE. what names the value in
// messages ("entry 2"; "" for the whole variable); the value itself, a secret when it is a key, is never
// echoed.
func (r *reader) serviceKey(name, what, v string) *ecdsa.PrivateKey {
	if addressForm.MatchString(v) {
		return r.keystoreKey(name, what, v)
	}
	k, err := crypto.HexToECDSA(strings.TrimPrefix(v, "0x"))
	if err != nil {
		r.fail(name, lead(what, "is not a valid hex secp256k1 private key or key address"))
		return nil
	}
	return k
}

// keystoreKey opens the key of address from KEYSTORE_DIR.
func (r *reader) keystoreKey(name, what, address string) *ecdsa.PrivateKey {
	dir, pass, ok := r.keystore()
	if !ok {
		r.fail(name, lead(what, "is an address: KEYSTORE_DIR and KEYSTORE_PASSWORD_FILE must be set to open its key"))
		return nil
	}
	suffix := "--" + strings.ToLower(strings.TrimPrefix(address, "0x"))
	entries, err := os.ReadDir(dir)
	if err != nil {
		r.fail("KEYSTORE_DIR", "cannot be read: "+err.Error())
		return nil
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(strings.ToLower(e.Name()), suffix) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			r.fail("KEYSTORE_DIR", "cannot be read: "+err.Error())
			return nil
		}
		key, err := keystore.DecryptKey(data, pass)
		if err != nil {
			r.fail(name, lead(what, fmt.Sprintf("names a key whose keystore file %s does not open with the passphrase of KEYSTORE_PASSWORD_FILE", e.Name())))
			return nil
		}
		return key.PrivateKey
	}
	r.fail(name, lead(what, fmt.Sprintf("names %s, which has no keystore file in KEYSTORE_DIR", address)))
	return nil
}

// keystore returns the keystore folder and its passphrase, reading them once.
func (r *reader) keystore() (dir, pass string, ok bool) {
	if !r.ks.read {
		r.ks.read = true
		r.ks.dir = r.str("KEYSTORE_DIR", "", false)
		if file := r.str("KEYSTORE_PASSWORD_FILE", "", false); r.ks.dir != "" && file != "" {
			data, err := os.ReadFile(file)
			if err != nil {
				r.fail("KEYSTORE_PASSWORD_FILE", "cannot be read: "+err.Error())
			} else {
				r.ks.pass, _, _ = strings.Cut(string(data), "\n")
				r.ks.pass = strings.TrimRight(r.ks.pass, "\r")
				r.ks.ok = true
			}
		}
	}
	return r.ks.dir, r.ks.pass, r.ks.ok
}

// lead puts what (if any) before msg.
func lead(what, msg string) string {
	if what == "" {
		return msg
	}
	return what + " " + msg
}
