package api

import (
	"net/http"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
)

// TestSuspendedAccountsLoseAccessAtOnce suspends a logged-in resident and shop: the access tokens issued
// before stop working on their next request, the refresh tokens never work again, and signing in is
// refused with account_suspended and the reason staff wrote for the person (only after the right
// password). Bad requests (no reason, an unknown account, a staff account, a pending one, the wrong
// privilege) change nothing. Reinstated, both sign in anew while the old tokens stay dead; every step is
// audited with its reason.
func TestSuspendedAccountsLoseAccessAtOnce(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheerder")
	staffID, approver := a.staff(adminTok, "loket", accounts.PrivAccountsApprove)
	_, reviewer := a.staff(adminTok, "keurder", accounts.PrivChoresReview)
	resident := a.approvedResident(adminTok, "zonnebloem")
	residentID := a.expect(http.StatusOK, "", "GET", "/v1/me", resident, nil)["id"].(string)
	_, residentRefresh := a.login("zonnebloem")
	shopID := a.register(shopBody("fietsenmaker", "NL91ABNA0417164300"))
	a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+shopID+"/approve", approver, nil)
	shopTok, shopRefresh := a.login("fietsenmaker")
	pending := a.register(map[string]any{"role": "resident", "username": "wacht-nog"})
	const reason = "Foto's van klussen die iemand anders deed. Bel 045 560 4040 voor uitleg."
	suspend := func(id string) string { return "/v1/admin/accounts/" + id + "/suspend" }
	reinstate := func(id string) string { return "/v1/admin/accounts/" + id + "/reinstate" }

	before := a.snapshot()
	for _, bad := range []struct {
		status      int
		code, token string
		path        string
		body        any
	}{
		{http.StatusForbidden, "forbidden", reviewer, suspend(residentID), map[string]any{"reason": reason}},
		{http.StatusBadRequest, "validation_failed", approver, suspend(residentID), map[string]any{}},
		{http.StatusBadRequest, "validation_failed", approver, suspend(residentID), map[string]any{"reason": "   "}},
		{http.StatusBadRequest, "invalid_json", approver, suspend(residentID), `{"reason": `},
		{http.StatusNotFound, "not_found", approver, suspend("00000000-0000-0000-0000-000000000000"), map[string]any{"reason": reason}},
		{http.StatusNotFound, "not_found", approver, suspend("not-an-id"), map[string]any{"reason": reason}},
		{http.StatusUnprocessableEntity, "staff_account", approver, suspend(staffID), map[string]any{"reason": reason}},
		{http.StatusConflict, "invalid_state", approver, suspend(pending), map[string]any{"reason": reason}},
		{http.StatusConflict, "account_not_suspended", approver, reinstate(residentID), map[string]any{"reason": "terug"}},
		{http.StatusUnprocessableEntity, "staff_account", approver, reinstate(staffID), map[string]any{"reason": "terug"}},
	} {
		if out := a.expect(bad.status, bad.code, "POST", bad.path, bad.token, bad.body); bad.code == "validation_failed" &&
			errField(out) != "reason" {
			t.Fatalf("%s: the error names field %q, not reason", bad.path, errField(out))
		}
	}
	a.unchanged(before, "a refused suspension")
	if n := a.count("account_suspensions"); n != 0 {
		t.Fatalf("%d suspensions after refused requests", n)
	}
	a.expect(http.StatusOK, "", "GET", "/v1/me", resident, nil)

	// The resident.
	out := a.expect(http.StatusOK, "", "POST", suspend(residentID), approver, map[string]any{"reason": reason})
	if out["status"] != "suspended" || out["reason"] != reason || out["role"] != "resident" || out["role_revocation"] != nil {
		t.Fatalf("suspend answered %v", out)
	}
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", resident, nil)
	a.expect(http.StatusUnauthorized, "invalid_token", "POST", "/v1/auth/refresh", "", map[string]any{"refresh_token": residentRefresh})
	refused := a.expect(http.StatusForbidden, "account_suspended", "POST", "/v1/auth/login", "",
		map[string]any{"username": "zonnebloem", "password": testPassword})
	if e := refused["error"].(map[string]any); e["reason"] != reason {
		t.Fatalf("the sign-in does not tell the reason: %v", refused)
	}
	wrong := a.expect(http.StatusUnauthorized, "invalid_credentials", "POST", "/v1/auth/login", "",
		map[string]any{"username": "zonnebloem", "password": "not the password"})
	if e := wrong["error"].(map[string]any); e["reason"] != nil {
		t.Fatalf("a wrong password is told the suspension: %v", wrong)
	}
	before = a.snapshot()
	a.expect(http.StatusConflict, "account_already_suspended", "POST", suspend(residentID), approver, map[string]any{"reason": "nog eens"})
	a.unchanged(before, "suspending twice")
	queue := a.expect(http.StatusOK, "", "GET", "/v1/admin/accounts?status=suspended", approver, nil)["accounts"].([]any)
	if len(queue) != 1 || queue[0].(map[string]any)["id"] != residentID {
		t.Fatalf("the suspended accounts: %v", queue)
	}

	// The shop: not activated yet, so nothing on chain either way.
	out = a.expect(http.StatusOK, "", "POST", suspend(shopID), approver, map[string]any{"reason": "KvK-inschrijving beëindigd"})
	if out["status"] != "suspended" || out["role_revocation"] != nil {
		t.Fatalf("suspending the shop answered %v", out)
	}
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", shopTok, nil)
	a.expect(http.StatusUnauthorized, "invalid_token", "POST", "/v1/auth/refresh", "", map[string]any{"refresh_token": shopRefresh})
	a.expect(http.StatusForbidden, "account_suspended", "POST", "/v1/auth/login", "", map[string]any{"username": "fietsenmaker", "password": testPassword})
	a.expect(http.StatusConflict, "invalid_state", "POST", "/v1/admin/shops/"+shopID+"/activate", approver, nil)

	// Reinstated: a reason again, then both sign in anew; the old tokens stay dead.
	before = a.snapshot()
	a.expect(http.StatusBadRequest, "validation_failed", "POST", reinstate(residentID), approver, map[string]any{"reason": ""})
	a.unchanged(before, "a reinstatement without a reason")
	for _, id := range []string{residentID, shopID} {
		out = a.expect(http.StatusOK, "", "POST", reinstate(id), approver, map[string]any{"reason": "Uitgezocht: het was een misverstand"})
		if out["status"] != "approved" || out["reinstated_at"] == nil || out["role_grant"] != nil {
			t.Fatalf("reinstate answered %v", out)
		}
	}
	again, _ := a.login("zonnebloem")
	a.expect(http.StatusOK, "", "GET", "/v1/me", again, nil)
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", resident, nil)
	a.login("fietsenmaker")
	a.expect(http.StatusUnauthorized, "invalid_token", "GET", "/v1/me", shopTok, nil)
	a.expect(http.StatusConflict, "account_not_suspended", "POST", reinstate(residentID), approver, map[string]any{"reason": "nog eens"})

	var audited int
	a.db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE subject_id = $1 AND ((action = 'account.suspend' AND reason = $2)
		OR (action = 'account.reinstate' AND reason = 'Uitgezocht: het was een misverstand'))`, residentID, reason).Scan(&audited)
	if audited != 2 {
		t.Fatalf("%d audit entries for the resident's suspension and reinstatement, want 2", audited)
	}
	var revoked int
	a.db.SQL().QueryRow(`SELECT count(*) FROM sessions WHERE account_id IN ($1, $2) AND revoke_reason = 'account suspended'`,
		residentID, shopID).Scan(&revoked)
	if revoked != 3 { // the resident's two logins and the shop's one
		t.Fatalf("%d sessions revoked by the suspensions, want 3", revoked)
	}
}
