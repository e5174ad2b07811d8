package config

import (
	"fmt"
	"math"

	"github.com/heerlen/heitje/internal/secrets"
)

// Secrets are the keys of the data at rest and of the access tokens. No error message ever contains one.
type Secrets struct {
	// JWTSecret signs the access tokens (JWT_SECRET: at least 32 bytes, written in hex or base64).
	JWTSecret []byte
	// DataKey is the key-encryption key of the encrypted columns and shop keys (DATA_KEY:
	// <id>:<base64 of 32 bytes>). DataKeysOld are earlier keys still readable during a rotation
	// (DATA_KEY_OLD, the same form, comma-separated); `heitje keys rotate-kek` moves everything to DataKey.
	DataKey     secrets.Key
	DataKeysOld []secrets.Key
	// LookupKey keys the HMAC lookup hashes beside encrypted values (LOOKUP_KEY: at least 32 bytes, hex or
	// base64). Changing it makes existing e-mail and phone hashes unfindable, so it is not rotated lightly.
	LookupKey []byte
	// Argon2 is the password hashing cost (ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_THREADS; default
	// 65536, 3, 2; never below 19456 KiB and 2 iterations).
	Argon2 secrets.Argon2Params
	// HashBudgetKiB is the memory the process may spend on password hashes at once
	// (PASSWORD_HASH_BUDGET_MIB, default 256): with the default cost four hashes run at once, the others
	// wait up to two seconds and then get 503 with Retry-After.
	HashBudgetKiB uint64
	// RegistrationsPerHour is how many sign-ups one client address may send per hour
	// (REGISTRATIONS_PER_ADDRESS_HOUR, default 10): a sign-up costs a password hash.
	RegistrationsPerHour int
}

// Keyring returns the keyring of DataKey and DataKeysOld.
func (s Secrets) Keyring() (*secrets.Keyring, error) {
	return secrets.NewKeyring(s.DataKey, s.DataKeysOld...)
}

// Lookup returns the lookup hasher of LookupKey.
func (s Secrets) Lookup() (*secrets.Lookup, error) { return secrets.NewLookup(s.LookupKey) }

func (r *reader) secrets(required bool) Secrets {
	s := Secrets{Argon2: secrets.DefaultArgon2}
	s.Argon2.Memory = uint32(r.bounded("ARGON2_MEMORY_KIB", uint64(s.Argon2.Memory), uint64(secrets.MinArgon2.Memory), 4<<20))
	s.Argon2.Time = uint32(r.bounded("ARGON2_ITERATIONS", uint64(s.Argon2.Time), uint64(secrets.MinArgon2.Time), 100))
	s.Argon2.Threads = uint8(r.bounded("ARGON2_THREADS", uint64(s.Argon2.Threads), 1, math.MaxUint8))
	s.HashBudgetKiB = r.bounded("PASSWORD_HASH_BUDGET_MIB", 256, 16, 64<<10) << 10
	s.RegistrationsPerHour = int(r.bounded("REGISTRATIONS_PER_ADDRESS_HOUR", 10, 1, 1<<20))
	s.JWTSecret = r.secret("JWT_SECRET", required)
	s.LookupKey = r.secret("LOOKUP_KEY", required)
	if v := r.str("DATA_KEY", "", required); v != "" {
		k, err := secrets.ParseKey(v)
		if err != nil {
			r.fail("DATA_KEY", err.Error())
		}
		s.DataKey = k
	}
	for i, v := range r.list("DATA_KEY_OLD") {
		k, err := secrets.ParseKey(v)
		if err != nil {
			r.fail("DATA_KEY_OLD", fmt.Sprintf("entry %d %s", i+1, err))
			continue
		}
		if k.ID == s.DataKey.ID {
			r.fail("DATA_KEY_OLD", fmt.Sprintf("entry %d has the id %q of DATA_KEY; a new key needs a new id", i+1, k.ID))
		}
		s.DataKeysOld = append(s.DataKeysOld, k)
	}
	if s.DataKey.ID != "" && len(s.DataKeysOld) > 0 {
		if _, err := s.Keyring(); err != nil {
			r.fail("DATA_KEY_OLD", "has two keys with one id")
		}
	}
	return s
}

// secret reads a key of at least 32 bytes written in hex or base64.
func (r *reader) secret(name string, required bool) []byte {
	v := r.str(name, "", required)
	if v == "" {
		return nil
	}
	b, err := secrets.DecodeSecret(v)
	if err != nil || len(b) < secrets.KeySize {
		r.fail(name, "must be at least 32 random bytes written in hex or base64 (e.g. `openssl rand -base64 32`)")
		return nil
	}
	return b
}

// bounded reads a whole number between lo and hi.
func (r *reader) bounded(name string, def, lo, hi uint64) uint64 {
	n := r.uint(name, def)
	if n < lo || n > hi {
		r.fail(name, fmt.Sprintf("must be between %d and %d", lo, hi))
		return def
	}
	return n
}
