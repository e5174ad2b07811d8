package api

import (
	"net/http"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
)

// TestPasswordChange: anyone changes their own password with the current one; the new one is checked as at
// registration, every other session ends (this one stays), the old password stops working and the change
// is audited. Wrong current passwords count as failed logins.
func TestPasswordChange(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	tok := a.approvedResident(adminTok, "wisselaar")
	other, otherRefresh := a.login("wisselaar")
	change := func(current, next string) map[string]any {
		return map[string]any{"current_password": current, "new_password": next}
	}
	const next = "a brand new passphrase"

	for _, c := range []struct {
		body  map[string]any
		field string
	}{
		{change("not the password", next), "current_password"},
		{change(testPassword, "short"), "new_password"},
		{change(testPassword, testPassword), "new_password"},
	} {
		before := a.snapshot()
		out := a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/me/password", tok, c.body)
		if errField(out) != c.field {
			t.Fatalf("%v: %v, want field %s", c.body, out, c.field)
		}
		a.unchanged(before, "a refused password change")
	}
	a.expect(http.StatusNoContent, "", "POST", "/v1/me/password", tok, change(testPassword, next))

	a.expect(http.StatusOK, "", "GET", "/v1/me", tok, nil)
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", other, nil)
	a.expect(http.StatusUnauthorized, "invalid_token", "POST", "/v1/auth/refresh", "", map[string]any{"refresh_token": otherRefresh})
	a.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "", map[string]any{"username": "wisselaar", "password": testPassword})
	a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", map[string]any{"username": "wisselaar", "password": next})
	var audited int
	a.db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'account.password_change'
		AND subject_id = (SELECT id::text FROM accounts WHERE username = 'wisselaar')`).Scan(&audited)
	if audited != 1 {
		t.Fatalf("%d audit entries of the change, want 1", audited)
	}

	// Staff change theirs too; signing in then takes the new password and the code.
	_, staffTok := a.staff(adminTok, "medewerker", accounts.PrivAccountsApprove)
	a.expect(http.StatusNoContent, "", "POST", "/v1/me/password", staffTok, change(testPassword, next))
	a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "",
		map[string]any{"username": "medewerker", "password": next, "second_factor": a.code("medewerker")})

	// A stolen session cannot guess the password behind it: wrong current passwords are failed logins.
	// (The login with the new password above forgot the earlier failure.)
	for range 5 {
		a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/me/password", tok, change("guess number n", "whatever12345"))
	}
	a.expect(http.StatusTooManyRequests, "rate_limited", "POST", "/v1/me/password", tok, change(next, "and yet another one"))
}
