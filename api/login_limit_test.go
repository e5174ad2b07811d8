package api

import (
	"fmt"
	"net/http"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/secrets"
)

// TestFailedLoginsAreRateLimited checks the limits per username from one client address and per client
// address (kept in Postgres), that neither lets a stranger lock someone out from elsewhere, that an unknown
// username is answered exactly like a wrong password, and that the window ends.
func TestFailedLoginsAreRateLimited(t *testing.T) {
	t.Parallel()
	opts := defaultTestOptions()
	opts.MaxFailuresPerClient = 20
	a := newTestAPI(t, opts)
	adminTok := a.admin("beheer")
	a.approvedResident(adminTok, "doelwit")
	wrong := map[string]any{"username": "doelwit", "password": "not the password"}
	right := map[string]any{"username": "doelwit", "password": testPassword}
	const stranger, owner = "198.51.100.66:1000", "203.0.113.9:1000"

	// Five wrong passwords for a username from one address: the sixth try from there is refused, even
	// with the right password, but the owner elsewhere signs in.
	for range 5 {
		a.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "", wrong, "RemoteAddr", stranger)
	}
	status, body := a.call("POST", "/v1/auth/login", "", right, "RemoteAddr", stranger)
	if status != http.StatusTooManyRequests || errCode(body) != "rate_limited" {
		t.Fatalf("after 5 failures from one address: %d %v", status, body)
	}
	a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", right, "RemoteAddr", owner)
	a.clock.Advance(16 * time.Minute)
	a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", right, "RemoteAddr", stranger)

	// An unknown username: the same status, code and message as a wrong password.
	_, unknown := a.call("POST", "/v1/auth/login", "", map[string]any{"username": "niemand", "password": "whatever12345"})
	_, known := a.call("POST", "/v1/auth/login", "", wrong)
	if fmt.Sprint(unknown) != fmt.Sprint(known) {
		t.Fatalf("unknown username answered %v, wrong password %v", unknown, known)
	}

	// Per client address: 20 failures with different usernames from one address block that address only;
	// a correct login from another address goes through.
	for i := range 20 {
		a.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "",
			map[string]any{"username": fmt.Sprintf("gok-%d", i), "password": "whatever12345"}, "RemoteAddr", "192.0.2.77:5000")
	}
	a.expect(http.StatusTooManyRequests, "rate_limited", "POST", "/v1/auth/login", "", right, "RemoteAddr", "192.0.2.77:6000")
	a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", right, "RemoteAddr", "192.0.2.78:6000")
	var rows int
	a.db.SQL().QueryRow(`SELECT count(*) FROM login_failures`).Scan(&rows)
	if rows == 0 {
		t.Fatal("failures are not kept in the database")
	}
}

// TestLoginLimitCountsTheForwardedAddress checks that behind a trusted proxy (TRUSTED_PROXIES) the limit
// counts the address the proxy forwards, so one guesser does not block everybody who comes through the
// same load balancer, and that X-Forwarded-For from anyone else is not believed.
func TestLoginLimitCountsTheForwardedAddress(t *testing.T) {
	t.Parallel()
	opts := defaultTestOptions()
	opts.MaxFailuresPerClient = 20
	a := newTestAPI(t, opts)
	a.deps.TrustedProxies = []string{"10.0.0.0/8"}
	a.h = New(a.deps)
	adminTok := a.admin("beheer")
	a.approvedResident(adminTok, "doelwit")
	right := map[string]any{"username": "doelwit", "password": testPassword}
	const proxy = "10.1.2.3:443"

	for i := range 20 {
		a.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "",
			map[string]any{"username": fmt.Sprintf("gok-%d", i), "password": "whatever12345"},
			"RemoteAddr", proxy, "X-Forwarded-For", "192.0.2.77")
	}
	// The guesser's forwarded address is blocked; another resident through the same proxy is not.
	a.expect(http.StatusTooManyRequests, "rate_limited", "POST", "/v1/auth/login", "", right,
		"RemoteAddr", proxy, "X-Forwarded-For", "192.0.2.77")
	a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", right, "RemoteAddr", proxy, "X-Forwarded-For", "198.51.100.20")

	// Not from a trusted proxy: X-Forwarded-For is ignored and the connection's address counts.
	for i := range 20 {
		a.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "",
			map[string]any{"username": fmt.Sprintf("gok-%d", i), "password": "whatever12345"},
			"RemoteAddr", "192.0.2.99:1000", "X-Forwarded-For", fmt.Sprintf("198.51.100.%d", i))
	}
	a.expect(http.StatusTooManyRequests, "rate_limited", "POST", "/v1/auth/login", "", right,
		"RemoteAddr", "192.0.2.99:1000", "X-Forwarded-For", "198.51.100.200")
}

// TestUnknownUsernameTakesAsLong checks that a login with an unknown username does the same argon2id work
// as one with a wrong password, so timing does not tell which usernames exist. It compares the CPU time the
// process spends on each login (argon2id is nearly all of it), not the wall time, which other work on a
// busy machine stretches at random. The process's CPU counts every goroutine, so the test does not call
// t.Parallel: Go runs the package's parallel tests only after its sequential ones. It compares the least CPU
// of several logins of each kind, since other work in the process (the collector, a pool's upkeep) can only
// add to a login's figure.
func TestUnknownUsernameTakesAsLong(t *testing.T) {
	opts := defaultTestOptions()
	opts.Argon2 = secrets.Argon2Params{Memory: 16 * 1024, Time: 2, Threads: 1}
	a := newTestAPI(t, opts)
	adminTok := a.admin("beheer")
	var known, unknown []time.Duration
	for i := range 4 {
		name := fmt.Sprintf("bekend-%d", i)
		a.approvedResident(adminTok, name)
		for _, u := range []string{name, fmt.Sprintf("onbekend-%d", i)} {
			start := processCPU(t)
			a.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "",
				map[string]any{"username": u, "password": "wrong password"}, "RemoteAddr", fmt.Sprintf("198.51.100.%d:1", i))
			if spent := processCPU(t) - start; u == name {
				known = append(known, spent)
			} else {
				unknown = append(unknown, spent)
			}
		}
	}
	k, u := slices.Min(known), slices.Min(unknown)
	t.Logf("least CPU per login: %v for a known username, %v for an unknown one", k, u)
	if u < k/2 || u > k*2 {
		t.Fatalf("unknown usernames take %v of CPU, known ones %v", u, k)
	}
}

// processCPU is the CPU time (user and system) this process has used so far.
func processCPU(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestParallelGuessesCannotOvershootTheLimit sends 20 wrong passwords for one username from one address at
// once: the count and the record of each attempt are one step, so exactly 5 are checked and the other 15 are
// refused.
func TestParallelGuessesCannotOvershootTheLimit(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	a.approvedResident(adminTok, "doelwit")
	wrong := map[string]any{"username": "doelwit", "password": "not the password"}
	codes := make(chan string, 20)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, body := a.call("POST", "/v1/auth/login", "", wrong, "RemoteAddr", fmt.Sprintf("198.51.100.7:%d", 1000+i))
			codes <- errCode(body)
		}()
	}
	wg.Wait()
	close(codes)
	got := map[string]int{}
	for c := range codes {
		got[c]++
	}
	if got["invalid_credentials"] != 5 || got["rate_limited"] != 15 {
		t.Fatalf("answers %v, want 5 invalid_credentials and 15 rate_limited", got)
	}
	var rows int
	a.db.SQL().QueryRow(`SELECT count(*) FROM login_failures`).Scan(&rows)
	if rows != 5 {
		t.Fatalf("%d failures recorded, want 5", rows)
	}
}
