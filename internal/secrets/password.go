package secrets

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"
)

// Argon2Params are the cost parameters of argon2id. Memory is in KiB.
type Argon2Params struct {
	Memory  uint32
	Time    uint32
	Threads uint8
}

// DefaultArgon2 is the production cost: 64 MiB, 3 passes, 2 lanes (RFC 9106's second recommended option,
// with fewer lanes for small machines); about 0.1–0.2 s per hash on one core.
var DefaultArgon2 = Argon2Params{Memory: 64 * 1024, Time: 3, Threads: 2}

// MinArgon2 is the least the configuration accepts: OWASP's minimum for argon2id (19 MiB, 2 passes).
var MinArgon2 = Argon2Params{Memory: 19 * 1024, Time: 2, Threads: 1}

const (
	saltLen = 16
	hashLen = 32
)

// Passwords hashes and checks passwords with argon2id. Each hash holds Memory KiB while it runs, so a
// bounded hasher runs at most as many at once as its memory budget allows; the others wait up to
// BusyWait for a turn and then get ErrBusy.
type Passwords struct {
	p Argon2Params
	// turns has one slot per hash that may run at once; nil means unbounded.
	turns chan struct{}
}

// BusyWait is how long a hash waits for a turn before ErrBusy.
const BusyWait = 2 * time.Second

// ErrBusy says that as many passwords are being hashed as the memory budget allows, for longer than
// BusyWait: the caller should try again shortly.
var ErrBusy = errors.New("secrets: too many passwords are being checked at once; try again shortly")

// NewPasswords returns a hasher with the given cost, without a bound. Production code passes the
// configured parameters, which the configuration keeps at or above MinArgon2; only tests choose cheaper
// ones, explicitly.
func NewPasswords(p Argon2Params) *Passwords {
	if p.Threads == 0 {
		p.Threads = 1
	}
	return &Passwords{p: p}
}

// NewBoundedPasswords returns a hasher that runs at most budgetKiB / p.Memory hashes at once, and no more
// than the process's CPUs can compute at once (GOMAXPROCS / p.Threads), at least one. Hashing is all CPU:
// more hashes at once than the CPUs can run would finish none sooner, hold more memory meanwhile and keep
// every other request (a payment, /healthz) waiting for a CPU.
func NewBoundedPasswords(p Argon2Params, budgetKiB uint64) *Passwords {
	h := NewPasswords(p)
	byMemory := budgetKiB / uint64(max(h.p.Memory, 1))
	byCPU := uint64(runtime.GOMAXPROCS(0)) / uint64(h.p.Threads)
	h.turns = make(chan struct{}, max(min(byMemory, byCPU), 1))
	return h
}

// Concurrency is how many hashes may run at once; 0 means unbounded.
func (h *Passwords) Concurrency() int { return cap(h.turns) }

// turn waits for a slot (at most BusyWait) and returns its release.
func (h *Passwords) turn() (func(), error) {
	if h.turns == nil {
		return func() {}, nil
	}
	select {
	case h.turns <- struct{}{}:
		return func() { <-h.turns }, nil
	default:
	}
	t := time.NewTimer(BusyWait)
	defer t.Stop()
	select {
	case h.turns <- struct{}{}:
		return func() { <-h.turns }, nil
	case <-t.C:
		return nil, ErrBusy
	}
}

// Hash returns the password's hash in the PHC string format
// $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>, with a fresh random salt.
func (h *Passwords) Hash(password string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	release, err := h.turn()
	if err != nil {
		return "", err
	}
	defer release()
	sum := argon2.IDKey([]byte(password), salt, h.p.Time, h.p.Memory, h.p.Threads, hashLen)
	h.collect()
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, h.p.Memory, h.p.Time, h.p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(sum)), nil
}

// Verify reports whether password matches encoded, comparing in constant time. It uses the parameters
// stored in encoded, so hashes made under an earlier cost keep working.
func (h *Passwords) Verify(password, encoded string) (bool, error) {
	p, salt, want, err := decodePHC(encoded)
	if err != nil {
		return false, err
	}
	release, err := h.turn()
	if err != nil {
		return false, err
	}
	defer release()
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	h.collect()
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// collect frees a finished hash's memory before its turn goes to the next one (a bounded hasher only).
// Left to the garbage collector's own pace, finished hashes' blocks pile up to twice the memory the
// running ones hold before they are collected, so the budget would bound only half of what the process
// takes. A collection with a small live heap costs about a millisecond; a hash, a few hundred.
func (h *Passwords) collect() {
	if h.turns != nil {
		runtime.GC()
	}
}

var errBadHash = errors.New("secrets: not an argon2id hash")

func decodePHC(s string) (p Argon2Params, salt, sum []byte, err error) {
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return p, nil, nil, errBadHash
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, errBadHash
	}
	if p.Memory == 0 || p.Time == 0 || p.Threads == 0 {
		return p, nil, nil, errBadHash
	}
	b64 := base64.RawStdEncoding
	if salt, err = b64.DecodeString(parts[4]); err != nil {
		return p, nil, nil, errBadHash
	}
	if sum, err = b64.DecodeString(parts[5]); err != nil || len(sum) == 0 {
		return p, nil, nil, errBadHash
	}
	return p, salt, sum, nil
}
