package api

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/photos/phototest"
)

// TestBreachRegisterKeepsTheClock: a breach needs its core fields; 80 hours after awareness without a
// notification it is overdue; notifying the authority late without a reason is refused and changes nothing;
// closing needs the assessment, the notifications and an evaluation; a closed breach takes no changes.
func TestBreachRegisterKeepsTheClock(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	a.withPrivacy()
	adminTok := a.admin("beheerder")
	_, fg := a.staff(adminTok, "fg-heerlen", accounts.PrivPrivacy)
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/breaches", fg, map[string]any{"title": "Lek"})
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/breaches", fg, map[string]any{"title": "Lek",
		"nature": "mail", "kinds": []string{"gossip"}, "discovered_at": time.Now().Format(time.RFC3339)})
	aware := time.Now().Add(-80 * time.Hour).UTC().Truncate(time.Second)
	b := a.expect(http.StatusCreated, "", "POST", "/v1/admin/breaches", fg, map[string]any{"title": "Export naar verkeerde partner",
		"nature": "a research list went to the wrong address", "kinds": []string{"confidentiality"}, "data_categories": []string{"phone"},
		"affected_min": 3, "affected_max": 5, "discovered_at": aware.Format(time.RFC3339)})
	id := b["id"].(string)
	if b["overdue"] != true || !strings.Contains(strings.Join(toStrings(b["warnings"]), ","), "authority_notification_overdue") ||
		b["authority_due_at"] != aware.Add(72*time.Hour).Format(time.RFC3339) {
		t.Fatalf("breach 80 hours after awareness: %v", b)
	}
	if l := a.expect(http.StatusOK, "", "GET", "/v1/admin/breaches", fg, nil); l["overdue"] != float64(1) {
		t.Fatalf("list: %v", l)
	}
	now := time.Now().UTC().Format(time.RFC3339)
	a.expect(http.StatusUnprocessableEntity, "delay_reason_required", "PATCH", "/v1/admin/breaches/"+id, fg,
		map[string]any{"reportable": true, "authority_notified_at": now})
	if got := a.expect(http.StatusOK, "", "GET", "/v1/admin/breaches/"+id, fg, nil); got["reportable"] != nil || got["authority_notified_at"] != nil {
		t.Fatalf("a refused update changed the breach: %v", got)
	}
	a.expect(http.StatusOK, "", "PATCH", "/v1/admin/breaches/"+id, fg, map[string]any{"reportable": true, "authority_notified_at": now,
		"delay_reason": "the partner reported it only on day three", "authority_reference": "AP-2026-123"})
	a.expect(http.StatusBadRequest, "validation_failed", "PATCH", "/v1/admin/breaches/"+id, fg, map[string]any{"close": true})
	closed := a.expect(http.StatusOK, "", "PATCH", "/v1/admin/breaches/"+id, fg, map[string]any{"close": true,
		"subjects_notified_at": now, "evaluation": "recipients are now chosen from a list"})
	if closed["closed_at"] == nil || closed["overdue"] != false {
		t.Fatalf("closed: %v", closed)
	}
	a.expect(http.StatusConflict, "breach_closed", "PATCH", "/v1/admin/breaches/"+id, fg, map[string]any{"title": "Anders"})
	if l := a.expect(http.StatusOK, "", "GET", "/v1/admin/breaches?status=all", fg, nil); len(l["breaches"].([]any)) != 1 {
		t.Fatalf("all breaches: %v", l)
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// TestAnalyticsAreAnonymisedAggregates: four residents do chores in two neighbourhoods; with k = 3 the
// neighbourhood of one resident is suppressed; an objection to analytics takes its resident out, which
// suppresses the other neighbourhood too; the administrator, who approved the residents, is refused as a
// collector, a reviewer lacks the privilege, an analyst who collected nothing gets the numbers.
func TestAnalyticsAreAnonymisedAggregates(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	a.withChoresAndPrivacy()
	adminTok := a.admin("beheerder")
	_, reviewer := a.staff(adminTok, "keurder", accounts.PrivChoresReview)
	_, analyst := a.staff(adminTok, "analist", accounts.PrivAnalytics)
	_, fg := a.staff(adminTok, "fg-heerlen", accounts.PrivPrivacy)
	chore := func(area string) string {
		b := choreBody(300, 10)
		b["location"] = map[string]any{"lat": 50.886, "lng": 5.978, "area": area}
		return a.expect(http.StatusCreated, "", "POST", "/v1/admin/chores", adminTok, b)["id"].(string)
	}
	aarveld, molenberg := chore("Aarveld"), chore("Molenberg")
	toks := map[string]string{}
	for i, name := range []string{"an", "bo", "cor", "dirk"} {
		toks[name] = a.boundResident(adminTok, name+"-bewoner")
		where := aarveld
		if i == 3 {
			where = molenberg
		}
		cl := a.expect(http.StatusCreated, "", "POST", "/v1/chores/"+where+"/claims", toks[name], nil)["id"].(string)
		if st, out := a.form("/v1/claims/"+cl+"/proof", toks[name], [][]byte{phototest.JPEG(8, 8)}, nil); st != http.StatusOK {
			t.Fatalf("proof: %d %v", st, out)
		}
		a.expect(http.StatusOK, "", "POST", "/v1/admin/claims/"+cl+"/approve", reviewer, nil)
	}
	a.expect(http.StatusForbidden, "collected_the_data", "GET", "/v1/admin/analytics/earnings", adminTok, nil)
	a.expect(http.StatusForbidden, "forbidden", "GET", "/v1/admin/analytics/earnings", reviewer, nil)
	a.expect(http.StatusBadRequest, "validation_failed", "GET", "/v1/admin/analytics/earnings?from=januari", analyst, nil)
	cells := func() map[string]map[string]any {
		out := map[string]map[string]any{}
		for _, c := range a.expect(http.StatusOK, "", "GET", "/v1/admin/analytics/earnings", analyst, nil)["cells"].([]any) {
			out[c.(map[string]any)["group"].(string)] = c.(map[string]any)
		}
		return out
	}
	got := cells()
	if got["Aarveld"]["count"] != float64(3) || got["Aarveld"]["cents"] != float64(900) || got["Aarveld"]["suppressed"] != false ||
		got["Molenberg"]["count"] != nil || got["Molenberg"]["suppressed"] != true {
		t.Fatalf("earnings: %v", got)
	}
	req := a.expect(http.StatusCreated, "", "POST", "/v1/privacy/requests", toks["an"], map[string]any{"kind": "objection", "purpose": "analytics"})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/privacy/requests/"+req["id"].(string)+"/close", fg, map[string]any{"decision": "granted"})
	if got := cells(); got["Aarveld"]["suppressed"] != true || got["Aarveld"]["cents"] != nil {
		t.Fatalf("earnings after an objection: %v", got)
	}
	csv := a.raw("GET", "/v1/admin/analytics/earnings?format=csv", analyst)
	if csv.Code != 200 || !strings.HasPrefix(csv.Body.String(), "month,neighbourhood,count,cents,suppressed\n") ||
		strings.Contains(csv.Body.String(), "900") {
		t.Fatalf("csv: %d %s", csv.Code, csv.Body.String())
	}
	if sp := a.expect(http.StatusOK, "", "GET", "/v1/admin/analytics/spending", analyst, nil); sp["group_by"] != "shop_category" {
		t.Fatalf("spending: %v", sp)
	}
}

// TestOfficerRegistersALetter: a request that came by letter ten days ago is due four weeks after it came;
// the app's channel, an unknown account and a date in the future are refused; while the requester's identity
// is not established the request can only be refused.
func TestOfficerRegistersALetter(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	a.withPrivacy()
	adminTok := a.admin("beheerder")
	_, fg := a.staff(adminTok, "fg-heerlen", accounts.PrivPrivacy)
	id := a.register(map[string]any{"role": "resident", "username": "briefschrijver"})
	came := time.Now().Add(-10 * 24 * time.Hour).UTC().Truncate(time.Second)
	body := map[string]any{"account_id": id, "kind": "erasure", "channel": "letter", "received_at": came.Format(time.RFC3339)}
	for field, bad := range map[string]any{"channel": "app", "received_at": time.Now().Add(time.Hour).Format(time.RFC3339)} {
		b := map[string]any{}
		for k, v := range body {
			b[k] = v
		}
		b[field] = bad
		if out := a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/privacy/requests", fg, b); errField(out) != field {
			t.Fatalf("%s: %v", field, out)
		}
	}
	other := map[string]any{"account_id": "7d1f5f4e-0000-4000-8000-000000000001", "kind": "access", "channel": "counter"}
	a.expect(http.StatusNotFound, "not_found", "POST", "/v1/admin/privacy/requests", fg, other)
	r := a.expect(http.StatusCreated, "", "POST", "/v1/admin/privacy/requests", fg, body)
	if r["due_at"] != came.Add(28*24*time.Hour).Format(time.RFC3339) || r["channel"] != "letter" || r["identity_verified"] != false {
		t.Fatalf("registered: %v", r)
	}
	path := "/v1/admin/privacy/requests/" + r["id"].(string) + "/close"
	a.expect(http.StatusUnprocessableEntity, "identity_not_verified", "POST", path, fg, map[string]any{"decision": "granted"})
	a.expect(http.StatusOK, "", "POST", path, fg, map[string]any{"decision": "refused", "reason": "identiteit niet vastgesteld"})
	if a.count("accounts WHERE username = 'briefschrijver'") != 1 {
		t.Fatal("a refused erasure erased")
	}
}
