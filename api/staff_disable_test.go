package api

import (
	"net/http"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
)

// TestDisabledStaffLoseAccessAtOnce disables a logged-in staff member: the access token already issued
// stops working on its next request, the refresh token never works again, logging in is refused, and the
// account stays listed as disabled. Enabled again, the member logs in anew; the old tokens stay dead.
func TestDisabledStaffLoseAccessAtOnce(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	id, _ := a.staff(adminTok, "vertrekker", accounts.PrivChoresReview)
	tok, refresh := a.login("vertrekker")
	a.expect(http.StatusOK, "", "GET", "/v1/me", tok, nil)

	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/staff/"+id+"/disable", adminTok, map[string]any{"reason": " "})
	out := a.expect(http.StatusOK, "", "POST", "/v1/admin/staff/"+id+"/disable", adminTok, map[string]any{"reason": "uit dienst per 1 december"})
	if out["status"] != "disabled" {
		t.Fatalf("disable answered %v", out)
	}
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", tok, nil)
	a.expect(http.StatusUnauthorized, "invalid_token", "POST", "/v1/auth/refresh", "", map[string]any{"refresh_token": refresh})
	a.expect(http.StatusForbidden, "account_disabled", "POST", "/v1/auth/login", "", map[string]any{"username": "vertrekker", "password": testPassword})
	// A wrong password still gets the ordinary answer, so the status is told only to who knows the password.
	a.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "", map[string]any{"username": "vertrekker", "password": "not the password"})

	list := a.expect(http.StatusOK, "", "GET", "/v1/admin/staff", adminTok, nil)["staff"].([]any)
	statuses := map[string]string{}
	for _, s := range list {
		m := s.(map[string]any)
		statuses[m["username"].(string)] = m["status"].(string)
		if _, ok := m["last_login_at"].(string); !ok {
			t.Fatalf("%s is listed without the last login the access review needs: %v", m["username"], m)
		}
	}
	if statuses["vertrekker"] != "disabled" || statuses["beheer"] != "approved" {
		t.Fatalf("staff list statuses %v", statuses)
	}

	// Nobody disables themselves; the administrator stays.
	adminID := a.expect(http.StatusOK, "", "GET", "/v1/me", adminTok, nil)["id"].(string)
	a.expect(http.StatusUnprocessableEntity, "self_disable", "POST", "/v1/admin/staff/"+adminID+"/disable", adminTok, map[string]any{"reason": "test"})

	a.expect(http.StatusOK, "", "POST", "/v1/admin/staff/"+id+"/enable", adminTok, map[string]any{"reason": "terug van detachering"})
	again, _ := a.login("vertrekker")
	a.expect(http.StatusOK, "", "GET", "/v1/me", again, nil)
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", tok, nil)
	var audited int
	a.db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE action IN ('staff.disable', 'staff.enable') AND subject_id = $1`, id).Scan(&audited)
	if audited != 2 {
		t.Fatalf("%d audit entries for disabling and enabling, want 2", audited)
	}
}
