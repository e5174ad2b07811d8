package api

import (
	"net/http"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
)

// TestPrivilegesWaitForTheConfidentialityStatement (P-90): a new staff member's privileges take effect only
// once they acknowledged the statement in force, with its version; acknowledging again changes nothing;
// a resident has no statement to acknowledge.
func TestPrivilegesWaitForTheConfidentialityStatement(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	a.expect(http.StatusCreated, "", "POST", "/v1/admin/staff", adminTok,
		map[string]any{"username": "nieuwkomer", "password": testPassword, "privileges": []string{string(accounts.PrivStaffManage)}})
	tok, _ := a.login("nieuwkomer")
	a.enrol("nieuwkomer", tok) // the second factor comes first (TestStaffSecondFactor)
	a.expect(http.StatusForbidden, "confidentiality_required", "GET", "/v1/admin/staff", tok, nil)

	st := a.expect(http.StatusOK, "", "GET", "/v1/me/confidentiality", tok, nil)
	if st["version"] != accounts.CurrentConfidentiality.Version || st["text"] == "" || st["acknowledged_at"] != nil {
		t.Fatalf("statement before acknowledging: %v", st)
	}
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/me/confidentiality", tok, map[string]any{"version": "2020-01"})
	a.expect(http.StatusForbidden, "confidentiality_required", "GET", "/v1/admin/staff", tok, nil)
	first := a.expect(http.StatusOK, "", "POST", "/v1/me/confidentiality", tok, map[string]any{"version": st["version"]})
	a.expect(http.StatusOK, "", "GET", "/v1/admin/staff", tok, nil)
	again := a.expect(http.StatusOK, "", "POST", "/v1/me/confidentiality", tok, map[string]any{"version": st["version"]})
	if first["acknowledged_at"] == nil || again["acknowledged_at"] != first["acknowledged_at"] {
		t.Fatalf("acknowledged at %v, then %v", first["acknowledged_at"], again["acknowledged_at"])
	}
	var audited int
	a.db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'staff.confidentiality'`).Scan(&audited)
	if audited != 2 { // the administrator's and the newcomer's, once each
		t.Fatalf("%d audit entries, want 2", audited)
	}

	a.approvedResident(adminTok, "inwoner")
	resTok, _ := a.login("inwoner")
	a.expect(http.StatusForbidden, "forbidden", "GET", "/v1/me/confidentiality", resTok, nil)
}
