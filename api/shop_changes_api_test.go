package api

import (
	"net/http"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
)

// TestShopBankDetailsChangeWaitsForAnotherApprover: a shop's PATCH of its IBAN answers with the approved
// IBAN and the new one pending (GET /v1/me the same); staff list it with the details it replaces; the
// staff member who entered a change for a shop is refused its approval (own_shop_change) and nothing
// changes; another approves, the shop's IBAN is the new one, and the audit log names the approver. A
// refusal needs a reason; a decided change cannot be approved again.
func TestShopBankDetailsChangeWaitsForAnotherApprover(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheerder")
	_, privacy := a.staff(adminTok, "privacyfunctionaris", accounts.PrivPrivacy)
	annaID, anna := a.staff(adminTok, "anna", accounts.PrivAccountsApprove)
	_, bert := a.staff(adminTok, "bert", accounts.PrivAccountsApprove)
	_, reviewer := a.staff(adminTok, "keurder", accounts.PrivChoresReview)
	const oldIBAN, newIBAN = "NL91ABNA0417164300", "DE89370400440532013000"
	shopID := a.register(map[string]any{"role": "shop", "username": "bakker", "shop": map[string]any{"legal_name": "Bakkerij Bakker",
		"kvk": "12345678", "iban": oldIBAN, "address": "Markt 1, Heerlen"}})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+shopID+"/approve", adminTok, nil)
	shopTok, _ := a.login("bakker")

	out := a.expect(http.StatusOK, "", "PATCH", "/v1/me", shopTok, map[string]any{"shop": map[string]any{"iban": "de89 3704 0044 0532 0130 00", "address": "Markt 2, Heerlen"}})
	check := func(out map[string]any, iban, pending string) {
		t.Helper()
		shop := out["shop"].(map[string]any)
		p, _ := shop["pending_change"].(map[string]any)
		switch {
		case shop["iban"] != iban:
			t.Fatalf("current IBAN: %v", shop)
		case pending == "" && p != nil:
			t.Fatalf("a change still waits: %v", shop)
		case pending != "" && (p == nil || p["details"].(map[string]any)["iban"] != pending || p["entered_by_shop"] != true):
			t.Fatalf("pending change: %v", shop)
		}
	}
	check(out, oldIBAN, newIBAN)
	if out["shop"].(map[string]any)["address"] != "Markt 2, Heerlen" {
		t.Fatalf("the address, not a bank detail, applies at once: %v", out)
	}
	check(a.expect(http.StatusOK, "", "GET", "/v1/me", shopTok, nil), oldIBAN, newIBAN)

	// Staff see it with what it replaces; others may not.
	a.expect(http.StatusForbidden, "forbidden", "GET", "/v1/admin/shop-changes", reviewer, nil)
	list := a.expect(http.StatusOK, "", "GET", "/v1/admin/shop-changes", bert, nil)["changes"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["current"].(map[string]any)["iban"] != oldIBAN {
		t.Fatalf("pending list: %v", list)
	}
	shopChange := list[0].(map[string]any)["id"].(string)

	// Anna enters a correction on the shop's behalf (superseding the shop's own) and cannot approve it.
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/shops/"+shopID+"/changes", anna, map[string]any{"iban": newIBAN})
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/shops/"+shopID+"/changes", anna, map[string]any{"iban": "NL00ABNA0417164300", "note": "phone"})
	entered := a.expect(http.StatusCreated, "", "POST", "/v1/admin/shops/"+shopID+"/changes", anna,
		map[string]any{"iban": newIBAN, "legal_name": "Bakkerij Bakker B.V.", "note": "the shop phoned: it became a B.V."})
	id := entered["id"].(string)
	a.expect(http.StatusConflict, "shop_change_decided", "POST", "/v1/admin/shop-changes/"+shopChange+"/approve", bert, nil)
	a.expect(http.StatusForbidden, "own_shop_change", "POST", "/v1/admin/shop-changes/"+id+"/approve", anna, nil)
	a.expect(http.StatusForbidden, "forbidden", "POST", "/v1/admin/shop-changes/"+id+"/approve", shopTok, nil)
	me := a.expect(http.StatusOK, "", "GET", "/v1/me", shopTok, nil)
	if shop := me["shop"].(map[string]any); shop["iban"] != oldIBAN || shop["legal_name"] != "Bakkerij Bakker" || shop["details_version"] != float64(1) {
		t.Fatalf("after the refused self-approval: %v", shop)
	}

	// Bert approves: version 2, the shop's details are the new ones, and it is audited.
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/shop-changes/"+id+"/refuse", bert, map[string]any{"reason": ""})
	approved := a.expect(http.StatusOK, "", "POST", "/v1/admin/shop-changes/"+id+"/approve", bert, nil)
	if approved["status"] != "approved" || approved["version"] != float64(2) {
		t.Fatalf("approved: %v", approved)
	}
	a.expect(http.StatusConflict, "shop_change_decided", "POST", "/v1/admin/shop-changes/"+id+"/refuse", bert, map[string]any{"reason": "too late"})
	me = a.expect(http.StatusOK, "", "GET", "/v1/me", shopTok, nil)
	check(me, newIBAN, "")
	if shop := me["shop"].(map[string]any); shop["legal_name"] != "Bakkerij Bakker B.V." || shop["details_version"] != float64(2) {
		t.Fatalf("after approval: %v", shop)
	}
	log := a.expect(http.StatusOK, "", "GET", "/v1/admin/audit-log?subject_id="+shopID+"&action=shop.details_approve", privacy, nil)
	entries := log["entries"].([]any)
	if len(entries) != 1 {
		t.Fatalf("approval audit: %v", entries)
	}
	if e := entries[0].(map[string]any); e["actor"] != "bert" || e["fields"].([]any)[0] != "shop.legal_name" {
		t.Fatalf("approval audit entry: %v", e)
	}
	log = a.expect(http.StatusOK, "", "GET", "/v1/admin/audit-log?subject_id="+shopID+"&action=shop.details_change", privacy, nil)
	if entries := log["entries"].([]any); len(entries) != 2 || entries[0].(map[string]any)["actor_id"] != annaID {
		t.Fatalf("change audit: %v", entries)
	}
}
