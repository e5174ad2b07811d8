package api

import (
	"bytes"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/heerlen/heitje/internal/accounts"
)

// testFactor is a second factor a test enrolled: its secret, the last time step whose code it gave (the
// server takes each step's code once) and the recovery codes the enrolment answered.
type testFactor struct {
	secret   string
	last     int64
	recovery []string
}

// totpAt is secret's code for time step step, computed as an authenticator app does (pquerna/otp).
func totpAt(t testing.TB, secret string, step int64) string {
	t.Helper()
	code, err := totp.GenerateCodeCustom(secret, time.Unix(step*accounts.TOTPPeriod, 0).UTC(),
		totp.ValidateOpts{Period: accounts.TOTPPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// step is the TOTP time step of the test clock now.
func (a *testAPI) step() int64 { return a.clock.Now().Unix() / accounts.TOTPPeriod }

// enrol enrols a second factor for the staff member of token through the API, as the console does at the
// first sign-in, and keeps it under username for the helpers' logins.
func (a *testAPI) enrol(username, token string) *testFactor {
	a.t.Helper()
	start := a.expect(http.StatusOK, "", "POST", "/v1/me/second-factor", token, nil)
	f := &testFactor{secret: start["secret"].(string), last: a.step()}
	out := a.expect(http.StatusOK, "", "POST", "/v1/me/second-factor/confirm", token, map[string]any{"code": totpAt(a.t, f.secret, f.last)})
	for _, c := range out["recovery_codes"].([]any) {
		f.recovery = append(f.recovery, c.(string))
	}
	if a.factors == nil {
		a.factors = map[string]*testFactor{}
	}
	a.factors[username] = f
	return f
}

// code is a code of username's second factor that the server takes now: of the current time step or the
// next (both accepted, as clocks drift) that was not given before; when both were, the test clock moves on
// by a step.
func (a *testAPI) code(username string) string {
	a.t.Helper()
	f := a.factors[username]
	step := max(a.step(), f.last+1)
	if step > a.step()+1 {
		a.clock.Advance(accounts.TOTPPeriod * time.Second)
	}
	f.last = step
	return totpAt(a.t, f.secret, step)
}

// failures counts the failed logins recorded.
func (a *testAPI) failures() int {
	a.t.Helper()
	return a.count("login_failures")
}

// TestStaffSecondFactor: a new staff member signs in with the password alone, but every privileged route
// answers second_factor_required until a second factor is enrolled; the enrolment gives a secret, its
// otpauth:// URI and, once a code confirms it, ten recovery codes shown once (stored as keyed hashes, the
// secret encrypted) and ends the member's other sessions. From then on signing in needs the code: none is
// second_factor_code_required (not a failure), a wrong one second_factor_code_invalid (a failure, so it is
// rate-limited like a wrong password), and a code works once. A recovery code signs in once.
func TestStaffSecondFactor(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	a.expect(http.StatusCreated, "", "POST", "/v1/admin/staff", adminTok,
		map[string]any{"username": "nieuwkomer", "password": testPassword, "privileges": []string{"accounts.approve"}})
	password := map[string]any{"username": "nieuwkomer", "password": testPassword}

	// Signed in with the password alone: the account works, the privileges do not.
	tok := a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", password)["access_token"].(string)
	a.acknowledge(tok)
	a.expect(http.StatusOK, "", "GET", "/v1/me", tok, nil)
	a.expect(http.StatusForbidden, "second_factor_required", "GET", "/v1/admin/accounts", tok, nil)
	if st := a.expect(http.StatusOK, "", "GET", "/v1/me/second-factor", tok, nil); st["enrolled"] != false {
		t.Fatalf("status before enrolment: %v", st)
	}
	other := a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", password)["access_token"].(string)

	start := a.expect(http.StatusOK, "", "POST", "/v1/me/second-factor", tok, nil)
	secret, uri := start["secret"].(string), start["otpauth_uri"].(string)
	if !regexp.MustCompile(`^[A-Z2-7]{32}$`).MatchString(secret) || !strings.HasPrefix(uri, "otpauth://totp/Heerlens%20Heitje:nieuwkomer?") ||
		!strings.Contains(uri, "secret="+secret) || !strings.Contains(uri, "issuer=Heerlens") {
		t.Fatalf("enrolment: %v", start)
	}
	if again := a.expect(http.StatusOK, "", "POST", "/v1/me/second-factor", tok, nil); again["secret"] != secret {
		t.Fatalf("starting again made another secret: %v", again)
	}
	a.expect(http.StatusForbidden, "second_factor_required", "GET", "/v1/admin/accounts", tok, nil)

	// A wrong code confirms nothing.
	wrong := totpAt(t, secret, a.step()-5)
	body := a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/me/second-factor/confirm", tok, map[string]any{"code": wrong})
	if errField(body) != "code" {
		t.Fatalf("a wrong code: %v", body)
	}
	a.expect(http.StatusForbidden, "second_factor_required", "GET", "/v1/admin/accounts", tok, nil)

	now := a.step()
	out := a.expect(http.StatusOK, "", "POST", "/v1/me/second-factor/confirm", tok, map[string]any{"code": totpAt(t, secret, now)})
	var recovery []string
	for _, c := range out["recovery_codes"].([]any) {
		recovery = append(recovery, c.(string))
	}
	if len(recovery) != accounts.RecoveryCodeCount || len(uniq(recovery)) != len(recovery) ||
		!regexp.MustCompile(`^[a-z2-9]{4}(-[a-z2-9]{4}){3}$`).MatchString(recovery[0]) {
		t.Fatalf("recovery codes: %v", recovery)
	}
	a.expect(http.StatusOK, "", "GET", "/v1/admin/accounts", tok, nil)
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", other, nil)
	a.expect(http.StatusConflict, "second_factor_enrolled", "POST", "/v1/me/second-factor", tok, nil)
	if st := a.expect(http.StatusOK, "", "GET", "/v1/me/second-factor", tok, nil); st["enrolled"] != true || st["recovery_codes_left"] != float64(10) {
		t.Fatalf("status after enrolment: %v", st)
	}

	// Neither the secret nor a recovery code is in the database as it was shown.
	var sealed []byte
	a.db.SQL().QueryRow(`SELECT secret_enc FROM staff_second_factors` +
		` WHERE account_id = (SELECT id FROM accounts WHERE username = 'nieuwkomer')`).Scan(&sealed)
	if len(sealed) == 0 || bytes.Contains(sealed, []byte(secret)) {
		t.Fatalf("the secret is not sealed: %q", sealed)
	}
	rows, err := a.db.SQL().Query(`SELECT code_hash FROM staff_recovery_codes`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var h []byte
		rows.Scan(&h)
		for _, c := range recovery {
			if bytes.Contains(h, []byte(c)) || bytes.Contains(h, []byte(strings.ReplaceAll(c, "-", ""))) {
				t.Fatalf("a recovery code is stored as it was shown")
			}
		}
	}
	rows.Close()
	var audited int
	a.db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'staff.second_factor_enrol'
		AND subject_id = (SELECT id::text FROM accounts WHERE username = 'nieuwkomer')`).Scan(&audited)
	if audited != 1 {
		t.Fatalf("%d audit entries of the enrolment, want 1", audited)
	}

	// Signing in now needs the code; the code of the step just used does not work again.
	failures := a.failures()
	a.expect(http.StatusUnauthorized, "second_factor_code_required", "POST", "/v1/auth/login", "", password)
	if a.failures() != failures {
		t.Fatal("a right password without the code counted as a failed login")
	}
	withCode := func(code string) map[string]any {
		return map[string]any{"username": "nieuwkomer", "password": testPassword, "second_factor": code}
	}
	a.expect(http.StatusUnauthorized, "second_factor_code_invalid", "POST", "/v1/auth/login", "", withCode(totpAt(t, secret, now)))
	a.expect(http.StatusUnauthorized, "second_factor_code_invalid", "POST", "/v1/auth/login", "", withCode(wrong))
	if a.failures() != failures+2 {
		t.Fatalf("wrong codes counted %d failed logins, want 2", a.failures()-failures)
	}
	// A wrong password with a right code is still just a wrong password.
	a.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "",
		map[string]any{"username": "nieuwkomer", "password": "not the password", "second_factor": totpAt(t, secret, now+1)})
	next := totpAt(t, secret, now+1)
	a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", withCode(next))
	a.expect(http.StatusUnauthorized, "second_factor_code_invalid", "POST", "/v1/auth/login", "", withCode(next))

	// A recovery code signs in once, typed as people type it; the second time it is refused.
	typed := strings.ToUpper(strings.ReplaceAll(recovery[3], "-", " "))
	a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", withCode(typed))
	a.expect(http.StatusUnauthorized, "second_factor_code_invalid", "POST", "/v1/auth/login", "", withCode(recovery[3]))
	if st := a.expect(http.StatusOK, "", "GET", "/v1/me/second-factor", tok, nil); st["recovery_codes_left"] != float64(9) {
		t.Fatalf("after one recovery code: %v", st)
	}
	a.db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'staff.recovery_code_used'`).Scan(&audited)
	if audited != 1 {
		t.Fatalf("%d audit entries of recovery codes used, want 1", audited)
	}

	// Wrong codes are failed logins: past the limit even the right code is refused from that address.
	a.clock.Advance(16 * time.Minute)
	for range 5 {
		a.expect(http.StatusUnauthorized, "second_factor_code_invalid", "POST", "/v1/auth/login", "", withCode("000000"),
			"RemoteAddr", "198.51.100.30:1000")
	}
	a.expect(http.StatusTooManyRequests, "rate_limited", "POST", "/v1/auth/login", "", withCode(totpAt(t, secret, a.step())),
		"RemoteAddr", "198.51.100.30:1000")
}

// TestAdministratorResetsSecondFactor: an administrator resets a staff member's second factor with a
// reason (audited); the member's sessions end, the old secret and recovery codes stop working, and the
// member signs in with the password alone to enrol again before the privileges take effect. Others
// cannot reset.
func TestAdministratorResetsSecondFactor(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	id, tok := a.staff(adminTok, "telefoon-kwijt", accounts.PrivAccountsApprove)
	_, reviewer := a.staff(adminTok, "collega", accounts.PrivAccountsApprove)
	old := a.factors["telefoon-kwijt"]
	a.expect(http.StatusOK, "", "GET", "/v1/admin/accounts", tok, nil)

	reset := "/v1/admin/staff/" + id + "/second-factor/reset"
	a.expect(http.StatusForbidden, "forbidden", "POST", reset, reviewer, map[string]any{"reason": "graag"})
	a.expect(http.StatusBadRequest, "validation_failed", "POST", reset, adminTok, map[string]any{"reason": " "})
	a.expect(http.StatusOK, "", "GET", "/v1/admin/accounts", tok, nil)
	a.expect(http.StatusOK, "", "POST", reset, adminTok, map[string]any{"reason": "telefoon verloren, melding 2026-114"})

	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", tok, nil)
	var reason, detail string
	a.db.SQL().QueryRow(`SELECT reason, detail FROM audit_log WHERE action = 'staff.second_factor_reset' AND subject_id = $1`, id).
		Scan(&reason, &detail)
	if reason != "telefoon verloren, melding 2026-114" || !strings.HasPrefix(detail, "enrolled ") {
		t.Fatalf("audit of the reset: %q %q", reason, detail)
	}
	if a.count("staff_recovery_codes") != accounts.RecoveryCodeCount*2 {
		t.Fatalf("%d recovery codes kept, want only the other two members'", a.count("staff_recovery_codes"))
	}

	// The old factor is gone: the password alone signs in again, without privileges until a new enrolment.
	login := map[string]any{"username": "telefoon-kwijt", "password": testPassword, "second_factor": old.recovery[0]}
	fresh := a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", login)["access_token"].(string)
	a.expect(http.StatusForbidden, "second_factor_required", "GET", "/v1/admin/accounts", fresh, nil)
	start := a.expect(http.StatusOK, "", "POST", "/v1/me/second-factor", fresh, nil)
	if start["secret"] == old.secret {
		t.Fatal("the reset kept the old secret")
	}
	a.enrol("telefoon-kwijt", fresh)
	a.expect(http.StatusOK, "", "GET", "/v1/admin/accounts", fresh, nil)
	// The old recovery codes are not the new ones'.
	login["second_factor"] = old.recovery[1]
	a.expect(http.StatusUnauthorized, "second_factor_code_invalid", "POST", "/v1/auth/login", "", login)
}

func uniq(s []string) map[string]bool {
	out := map[string]bool{}
	for _, x := range s {
		out[x] = true
	}
	return out
}
