// Package secrets holds the platform's cryptography for data at rest: AES-256-GCM column encryption under a
// key-encryption key (KEK) that carries an id so it can be rotated, keyed HMAC-SHA256 lookup hashes for
// encrypted values that must be unique or searchable, and argon2id password hashing.
package secrets

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// KeySize is the length in bytes of every key: data keys, the lookup key and the JWT secret.
const KeySize = 32

// Key is a key-encryption key with its id. The id is written in front of every ciphertext, so that after a
// rotation the platform knows which key opens a value.
type Key struct {
	ID     string
	Secret []byte
}

var keyIDPattern = regexp.MustCompile(`^[a-z0-9-]{1,32}$`)

// ParseKey reads a key written as "<id>:<base64 of 32 bytes>", the form of DATA_KEY. The error never
// contains the secret.
func ParseKey(s string) (Key, error) {
	id, enc, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || !keyIDPattern.MatchString(id) {
		return Key{}, errors.New("must be <id>:<base64 of 32 bytes>, the id of 1-32 characters a-z 0-9 -")
	}
	b, err := DecodeSecret(enc)
	if err != nil || len(b) != KeySize {
		return Key{}, errors.New("must be <id>:<base64 of 32 bytes>; the key part is not 32 bytes of base64")
	}
	return Key{ID: id, Secret: b}, nil
}

// String writes the key in the form ParseKey reads.
func (k Key) String() string { return k.ID + ":" + base64.StdEncoding.EncodeToString(k.Secret) }

// NewKey returns a fresh random key with the given id.
func NewKey(id string) (Key, error) {
	b := make([]byte, KeySize)
	if _, err := rand.Read(b); err != nil {
		return Key{}, err
	}
	return Key{ID: id, Secret: b}, nil
}

// Keyring encrypts under its current key and decrypts under the current key or any old one still listed,
// which is what lets a rotation run while the platform serves.
type Keyring struct {
	current string
	aeads   map[string]cipher.AEAD
}

// NewKeyring returns a keyring that encrypts under current and can still open values sealed under old.
func NewKeyring(current Key, old ...Key) (*Keyring, error) {
	kr := &Keyring{current: current.ID, aeads: map[string]cipher.AEAD{}}
	for _, k := range append([]Key{current}, old...) {
		if len(k.Secret) != KeySize || !keyIDPattern.MatchString(k.ID) {
			return nil, fmt.Errorf("secrets: key %q must have a valid id and %d bytes", k.ID, KeySize)
		}
		if _, dup := kr.aeads[k.ID]; dup {
			return nil, fmt.Errorf("secrets: two keys have the id %q", k.ID)
		}
		block, err := aes.NewCipher(k.Secret)
		if err != nil {
			return nil, err
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return nil, err
		}
		kr.aeads[k.ID] = aead
	}
	return kr, nil
}

// CurrentID is the id of the key new values are sealed under.
func (kr *Keyring) CurrentID() string { return kr.current }

// sealVersion is the first byte of every sealed value: the format below.
const sealVersion = 1

// ErrUndecryptable means a sealed value is malformed, was sealed under a key the keyring does not hold, or
// was altered or moved to another place (its additional data differs).
var ErrUndecryptable = errors.New("secrets: value cannot be decrypted with the configured keys")

// Seal encrypts plaintext under the current key. aad binds the value to its place (table, column and row),
// so a ciphertext copied to another row does not open. The format is
// version(1) | len(id)(1) | id | nonce(12) | ciphertext+tag.
func (kr *Keyring) Seal(plaintext, aad []byte) ([]byte, error) {
	aead := kr.aeads[kr.current]
	out := make([]byte, 0, 2+len(kr.current)+aead.NonceSize()+len(plaintext)+aead.Overhead())
	out = append(out, sealVersion, byte(len(kr.current)))
	out = append(out, kr.current...)
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	out = append(out, nonce...)
	return aead.Seal(out, nonce, plaintext, aad), nil
}

// Open decrypts a value sealed by Seal under any key of the keyring.
func (kr *Keyring) Open(sealed, aad []byte) ([]byte, error) {
	id, rest, ok := split(sealed)
	if !ok {
		return nil, ErrUndecryptable
	}
	aead, ok := kr.aeads[id]
	if !ok || len(rest) < aead.NonceSize()+aead.Overhead() {
		return nil, ErrUndecryptable
	}
	pt, err := aead.Open(nil, rest[:aead.NonceSize()], rest[aead.NonceSize():], aad)
	if err != nil {
		return nil, ErrUndecryptable
	}
	return pt, nil
}

// KeyID returns the id of the key a sealed value was sealed under, or "" when it is malformed.
func KeyID(sealed []byte) string {
	id, _, _ := split(sealed)
	return id
}

// NeedsRotation reports whether a sealed value is under another key than the current one.
func (kr *Keyring) NeedsRotation(sealed []byte) bool { return KeyID(sealed) != kr.current }

func split(sealed []byte) (id string, rest []byte, ok bool) {
	if len(sealed) < 2 || sealed[0] != sealVersion || len(sealed) < 2+int(sealed[1]) {
		return "", nil, false
	}
	n := int(sealed[1])
	return string(sealed[2 : 2+n]), sealed[2+n:], true
}

// DecodeSecret reads a secret written in hex (an even number of hex digits) or in base64 (standard or URL
// alphabet, with or without padding).
func DecodeSecret(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if b, err := decodeHex(s); err == nil {
		return b, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return b, nil
		}
	}
	return nil, errors.New("neither hex nor base64")
}

func decodeHex(s string) ([]byte, error) {
	s = strings.TrimPrefix(s, "0x")
	if len(s) == 0 {
		return nil, errors.New("empty")
	}
	return hex.DecodeString(s)
}

// Lookup computes keyed hashes (HMAC-SHA256) of values that are stored encrypted but must still be unique
// or found: an e-mail address, a phone number, the username and client address of a failed login. Without
// the key the hashes cannot be tested against guesses, unlike plain hashes of such small value spaces.
type Lookup struct{ key []byte }

// NewLookup returns a Lookup under key, which must have at least 32 bytes.
func NewLookup(key []byte) (*Lookup, error) {
	if len(key) < KeySize {
		return nil, errors.New("secrets: the lookup key needs at least 32 bytes")
	}
	return &Lookup{key: append([]byte(nil), key...)}, nil
}

// Hash returns the keyed hash of value for a purpose ("email", "phone", …). The purpose separates the
// domains, so equal values of different kinds never share a hash. Callers normalise value first.
func (l *Lookup) Hash(purpose, value string) []byte {
	m := hmac.New(sha256.New, l.key)
	m.Write([]byte(purpose))
	m.Write([]byte{0})
	m.Write([]byte(value))
	return m.Sum(nil)
}
