package api

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/outbox"
)

// TestShopApprovalAndActivation approves a shop (its key is made on the server and stored encrypted;
// nothing goes to the chain) and activates it (one grant_acceptor intent for the operator key, written
// with the activation; activating again writes no second one).
func TestShopApprovalAndActivation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	approver, approverTok := a.staff(adminTok, "poortwachter", accounts.PrivAccountsApprove)
	id := a.register(shopBody("fietsenmaker", "NL91 ABNA 0417 1643 00"))

	a.expect(http.StatusConflict, "invalid_state", "POST", "/v1/admin/shops/"+id+"/activate", approverTok, nil)
	out := a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+id+"/approve", approverTok, map[string]any{"reason": "KvK checked"})
	addr, _ := out["wallet_address"].(string)
	if out["status"] != "approved" || len(addr) != 42 {
		t.Fatalf("approve: %v", out)
	}
	if n := a.count("chain_intents"); n != 0 {
		t.Fatalf("approval wrote %d chain intents", n)
	}
	key, err := a.store.ShopPrivateKey(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	k, err := crypto.ToECDSA(key)
	if err != nil || strings.ToLower(crypto.PubkeyToAddress(k.PublicKey).Hex()) != addr {
		t.Fatalf("the stored key does not belong to %s (%v)", addr, err)
	}

	for range 2 {
		out = a.expect(http.StatusOK, "", "POST", "/v1/admin/shops/"+id+"/activate", approverTok, nil)
		if out["intent_status"] != "queued" || out["wallet_address"] != addr || out["activated_at"] == nil {
			t.Fatalf("activate: %v", out)
		}
	}
	intent, err := a.db.Outbox().ByIdempotencyKey(ctx, "shop-activate:"+id)
	if err != nil {
		t.Fatal(err)
	}
	if intent.Kind != outbox.KindGrantAcceptor || intent.Signer != "operator" || strings.ToLower(intent.Args.To.Hex()) != addr {
		t.Fatalf("intent: %+v", intent)
	}
	if n := a.count("chain_intents"); n != 1 {
		t.Fatalf("%d chain intents after two activations, want 1", n)
	}
	entries, _ := a.db.Audit().List(ctx, audit.Filter{SubjectID: id})
	var actions []string
	for _, e := range entries {
		if e.ActorID != approver {
			t.Fatalf("audit entry by %q, want the approver %s", e.ActorID, approver)
		}
		actions = append(actions, e.Action)
	}
	if strings.Join(actions, ",") != "shop.activate,account.approve" {
		t.Fatalf("audit actions for the shop: %v", actions)
	}
	a.expect(http.StatusNotFound, "not_found", "POST", "/v1/admin/shops/"+approver+"/activate", approverTok, nil)
}

// TestStaffPrivilegesTakeEffectAtOnce creates a staff member, changes its privileges and checks that the
// next request sees the change, that unknown privileges are refused and that the last administrator stays.
func TestStaffPrivilegesTakeEffectAtOnce(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("hoofdbeheer")
	me := a.expect(http.StatusOK, "", "GET", "/v1/me", adminTok, nil)
	adminID := me["id"].(string)
	if len(me["privileges"].([]any)) != len(accounts.AllPrivileges()) {
		t.Fatalf("the administrator lacks privileges: %v", me)
	}
	id, tok := a.staff(adminTok, "medewerker", accounts.PrivAccountsApprove)
	a.expect(http.StatusOK, "", "GET", "/v1/admin/accounts", tok, nil)
	a.expect(http.StatusForbidden, "forbidden", "GET", "/v1/admin/staff", tok, nil)

	a.expect(http.StatusOK, "", "PUT", "/v1/admin/staff/"+id+"/permissions", adminTok,
		map[string]any{"privileges": []string{"staff.manage"}, "reason": "deputy administrator"})
	a.expect(http.StatusForbidden, "forbidden", "GET", "/v1/admin/accounts", tok, nil)
	list := a.expect(http.StatusOK, "", "GET", "/v1/admin/staff", tok, nil)
	if n := len(list["staff"].([]any)); n != 2 {
		t.Fatalf("staff list has %d entries: %v", n, list)
	}

	a.expect(http.StatusBadRequest, "validation_failed", "PUT", "/v1/admin/staff/"+id+"/permissions", adminTok,
		map[string]any{"privileges": []string{"root"}})
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/staff", adminTok,
		map[string]any{"username": "nieuw", "password": testPassword, "privileges": []string{"everything"}})
	a.expect(http.StatusConflict, "username_taken", "POST", "/v1/admin/staff", adminTok,
		map[string]any{"username": "medewerker", "password": testPassword, "privileges": []string{}})

	// Two administrators: one may drop staff.manage, the last one may not.
	a.expect(http.StatusOK, "", "PUT", "/v1/admin/staff/"+adminID+"/permissions", tok, map[string]any{"privileges": []string{"privacy"}})
	a.expect(http.StatusUnprocessableEntity, "last_admin", "PUT", "/v1/admin/staff/"+id+"/permissions", tok, map[string]any{"privileges": []string{}})
	a.expect(http.StatusForbidden, "forbidden", "GET", "/v1/admin/staff", adminTok, nil)
	a.expect(http.StatusNotFound, "not_found", "PUT", "/v1/admin/staff/00000000-0000-0000-0000-000000000000/permissions", tok,
		map[string]any{"privileges": []string{}})
}

// TestPersonalDataReadsAreAudited reads an account's personal data as staff: without a reason it is
// refused and nothing is logged; with one it is answered and the audit log records who, which subject,
// which fields and why, which the privacy officer then reads (and that read is logged too).
func TestPersonalDataReadsAreAudited(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	readerID, reader := a.staff(adminTok, "dossierkast", accounts.PrivAccountsReadPersonal)
	_, fg := a.staff(adminTok, "functionaris", accounts.PrivPrivacy)
	id := a.register(map[string]any{"role": "resident", "username": "buurman", "email": "buurman@example.nl"})

	before := a.count("audit_log")
	a.expect(http.StatusBadRequest, "validation_failed", "GET", "/v1/admin/accounts/"+id, reader, nil)
	a.expect(http.StatusNotFound, "not_found", "GET", "/v1/admin/accounts/00000000-0000-0000-0000-000000000000?reason=x", reader, nil)
	if n := a.count("audit_log"); n != before {
		t.Fatalf("refused reads wrote %d audit entries", n-before)
	}
	got := a.expect(http.StatusOK, "", "GET", "/v1/admin/accounts/"+id+"?reason=complaint+123", reader, nil)
	if got["email"] != "buurman@example.nl" {
		t.Fatalf("personal read: %v", got)
	}
	a.expect(http.StatusOK, "", "GET", "/v1/admin/accounts/"+id, reader, nil, AccessReasonHeader, "data-subject request 7")

	log := a.expect(http.StatusOK, "", "GET", "/v1/admin/audit-log?subject_id="+id, fg, nil)
	entries := log["entries"].([]any)
	// Newest first: the officer's own read of this subject's log, then the two personal reads.
	if len(entries) != 3 || entries[0].(map[string]any)["action"] != "audit.read" {
		t.Fatalf("audit entries for the subject: %v", entries)
	}
	e := entries[2].(map[string]any)
	if e["actor_id"] != readerID || e["actor"] != "dossierkast" || e["action"] != "account.read_personal" ||
		e["reason"] != "complaint 123" || e["fields"].([]any)[0] != "email" || e["request_id"] == "" || e["source_ip"] == "" {
		t.Fatalf("audit entry: %v", e)
	}
	a.expect(http.StatusForbidden, "forbidden", "GET", "/v1/admin/audit-log", reader, nil)
	reads, _ := a.db.Audit().List(ctx, audit.Filter{Action: "audit.read"})
	if len(reads) != 1 {
		t.Fatalf("reading the audit log was logged %d times", len(reads))
	}
	if r, err := audit.Verify(ctx, a.db.Audit()); err != nil || !r.OK() {
		t.Fatalf("the chain does not verify: %+v, %v", r, err)
	}
}

// TestUpdateMe corrects one's own data; invalid or taken values change nothing.
func TestUpdateMe(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	adminTok := a.admin("beheer")
	// An e-mail address is unique among the accounts in use: "bezet" is approved.
	taken := a.register(map[string]any{"role": "resident", "username": "bezet", "email": "bezet@example.nl"})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+taken+"/approve", adminTok, nil)
	tok := a.approvedResident(adminTok, "verhuizer")
	out := a.expect(http.StatusOK, "", "PATCH", "/v1/me", tok, map[string]any{"email": "Nieuw@Example.nl", "phone": "+31 6 11112222"})
	if out["email"] != "nieuw@example.nl" || out["phone"] != "+31611112222" {
		t.Fatalf("patch: %v", out)
	}
	before := a.snapshot()
	a.expect(http.StatusBadRequest, "validation_failed", "PATCH", "/v1/me", tok, map[string]any{"email": "kapot"})
	a.expect(http.StatusConflict, "email_taken", "PATCH", "/v1/me", tok, map[string]any{"email": "bezet@example.nl"})
	a.expect(http.StatusBadRequest, "validation_failed", "PATCH", "/v1/me", tok, map[string]any{"shop": map[string]any{"iban": "NL91ABNA0417164300"}})
	a.unchanged(before, "bad corrections")
	out = a.expect(http.StatusOK, "", "PATCH", "/v1/me", tok, map[string]any{"phone": ""})
	if _, has := out["phone"]; has || out["email"] != "nieuw@example.nl" {
		t.Fatalf("removing the phone: %v", out)
	}
}
