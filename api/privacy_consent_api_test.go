package api

import (
	"archive/zip"
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
)

// researchUsernames is the research-contact export's list of usernames.
func (a *testAPI) researchUsernames(tok string) []string {
	a.t.Helper()
	out := a.expect(http.StatusOK, "", "GET", "/v1/admin/privacy/research-contacts?recipient=Universiteit+Maastricht", tok, nil)
	var names []string
	for _, c := range out["contacts"].([]any) {
		names = append(names, c.(map[string]any)["username"].(string))
	}
	return names
}

// TestResearchConsentIsOptInAndWithdrawable: consent is off until given; it needs a way to be contacted;
// the research export lists only people whose consent is in force and who did not restrict processing; a
// withdrawal removes the person from the very next export; every person exported gets an audit entry that
// names the recipient, which their own export then shows.
func TestResearchConsentIsOptInAndWithdrawable(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	a.withPrivacy()
	adminTok := a.admin("beheerder")
	_, fg := a.staff(adminTok, "fg-heerlen", accounts.PrivPrivacy)
	a.expect(http.StatusBadRequest, "validation_failed", "GET", "/v1/admin/privacy/research-contacts", fg, nil)
	toks := map[string]string{}
	for _, name := range []string{"anna", "bram", "cees"} {
		toks[name] = a.approvedResident(adminTok, name)
		a.expect(http.StatusOK, "", "PATCH", "/v1/me", toks[name], map[string]any{"phone": "+3161234567" + string(rune('0'+len(toks)))})
	}
	noContact := a.approvedResident(adminTok, "zonder-nummer")
	st := a.expect(http.StatusOK, "", "GET", "/v1/me/consents", toks["anna"], nil)["consents"].([]any)[0].(map[string]any)
	if st["purpose"] != "research_contact" || st["given"] != false {
		t.Fatalf("default consent: %v", st)
	}
	a.expect(http.StatusUnprocessableEntity, "contact_required", "PUT", "/v1/me/consents/research_contact", noContact, map[string]any{"given": true})
	a.expect(http.StatusBadRequest, "validation_failed", "PUT", "/v1/me/consents/research_contact", toks["anna"], map[string]any{})
	a.expect(http.StatusNotFound, "not_found", "PUT", "/v1/me/consents/marketing", toks["anna"], map[string]any{"given": true})
	if n := a.count("consents"); n != 0 {
		t.Fatalf("%d consents after refusals", n)
	}
	if got := a.researchUsernames(fg); len(got) != 0 {
		t.Fatalf("nobody consented, yet the export lists %v", got)
	}
	for _, name := range []string{"anna", "bram", "cees"} {
		a.expect(http.StatusOK, "", "PUT", "/v1/me/consents/research_contact", toks[name], map[string]any{"given": true})
	}
	// Cees restricts processing; the officer grants it.
	req := a.expect(http.StatusCreated, "", "POST", "/v1/privacy/requests", toks["cees"], map[string]any{"kind": "restriction"})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/privacy/requests/"+req["id"].(string)+"/close", fg, map[string]any{"decision": "granted"})
	if got := strings.Join(a.researchUsernames(fg), ","); got != "anna,bram" {
		t.Fatalf("export with consent given: %s", got)
	}
	a.expect(http.StatusOK, "", "PUT", "/v1/me/consents/research_contact", toks["anna"], map[string]any{"given": false})
	if got := strings.Join(a.researchUsernames(fg), ","); got != "bram" {
		t.Fatalf("export after anna withdrew: %s", got)
	}
	ex := a.raw("GET", "/v1/me/export", toks["bram"])
	if ex.Code != 200 || strings.Count(ex.Body.String(), "recipient: Universiteit Maastricht") != 2 {
		t.Fatalf("bram's export does not show the two research exports: %d", ex.Code)
	}
	st = a.expect(http.StatusOK, "", "GET", "/v1/me/consents", toks["anna"], nil)["consents"].([]any)[0].(map[string]any)
	if st["given"] != false || len(st["history"].([]any)) != 1 {
		t.Fatalf("anna's consent after withdrawal: %v", st)
	}
}

// TestExportOverHTTP: the export as JSON, as a page and as a zip; a bad format is refused; no token, no export.
func TestExportOverHTTP(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	a.withPrivacy()
	adminTok := a.admin("beheerder")
	tok := a.approvedResident(adminTok, "exporteur")
	a.expect(http.StatusOK, "", "PATCH", "/v1/me", tok, map[string]any{"email": "exporteur@example.nl"})
	js := a.expect(http.StatusOK, "", "GET", "/v1/me/export", tok, nil)
	if js["format"] != "heitje-export/1" || js["subject"].(map[string]any)["username"] != "exporteur" {
		t.Fatalf("json export: %v", js["subject"])
	}
	page := a.raw("GET", "/v1/me/export?format=html", tok)
	if page.Code != 200 || page.Header().Get("Content-Type") != "text/html; charset=utf-8" || page.Header().Get("Cache-Control") != "no-store" ||
		!strings.Contains(page.Body.String(), "exporteur@example.nl") {
		t.Fatalf("html export: %d %v", page.Code, page.Header())
	}
	z := a.raw("GET", "/v1/me/export?format=zip", tok)
	zr, err := zip.NewReader(bytes.NewReader(z.Body.Bytes()), int64(z.Body.Len()))
	if err != nil || z.Header().Get("Content-Type") != "application/zip" || len(zr.File) != 2 {
		t.Fatalf("zip export: %v %v", err, z.Header())
	}
	a.expect(http.StatusBadRequest, "validation_failed", "GET", "/v1/me/export?format=pdf", tok, nil)
	a.expect(http.StatusUnauthorized, "unauthenticated", "GET", "/v1/me/export", "", nil)
}
