package api

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/balances"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/photos"
	"github.com/heerlen/heitje/internal/photos/phototest"
)

// withChores adds the chores and balances services to the test API.
func (a *testAPI) withChores() {
	a.t.Helper()
	files, err := photos.New(filepath.Join(a.t.TempDir(), "photos"), photos.Limits{})
	if err != nil {
		a.t.Fatal(err)
	}
	svc, err := chores.New(a.db.Chores(), files, chores.Options{Now: a.clock.Now})
	if err != nil {
		a.t.Fatal(err)
	}
	a.deps.Chores, a.deps.Balances = svc, balances.New(a.db.Balances())
	a.h = New(a.deps)
}

// boundResident registers, approves and binds a phone for a resident and returns its token.
func (a *testAPI) boundResident(adminTok, username string) string {
	a.t.Helper()
	tok := a.approvedResident(adminTok, username)
	nonce, msg := a.challenge(tok)
	ph := newPhone(a.t)
	a.expect(http.StatusOK, "", "PUT", "/v1/me/wallet", tok, map[string]any{"address": ph.addr, "signature": ph.sign(a.t, msg), "nonce": nonce})
	return tok
}

// form sends a multipart body: photo parts and other fields.
func (a *testAPI) form(path, tok string, photos [][]byte, fields map[string]string) (int, map[string]any) {
	a.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for _, ph := range photos {
		part, _ := w.CreateFormFile("photo", "bewijs.jpg")
		part.Write(ph)
	}
	for k, v := range fields {
		w.WriteField(k, v)
	}
	w.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+tok)
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	var out map[string]any
	json.Unmarshal(rec.Body.Bytes(), &out)
	return rec.Code, out
}

func choreBody(reward, capacity int) map[string]any {
	return map[string]any{"title": "Bladeren harken", "location": map[string]any{"lat": 50.886, "lng": 5.978, "area": "Centrum"},
		"reward_cents": reward, "capacity": capacity, "closes_at": time.Now().Add(48 * time.Hour).Format(time.RFC3339)}
}

// TestChoreAdministration creates, lists, closes, reopens and narrows a chore over HTTP, with the codes of
// the refusals on the way.
func TestChoreAdministration(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	a.withChores()
	adminTok := a.admin("beheer")
	bad := choreBody(100, 2)
	delete(bad, "title")
	if out := a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/chores", adminTok, bad); errField(out) != "title" {
		t.Fatalf("missing title: %v", out)
	}
	a.expect(http.StatusUnprocessableEntity, "reward_too_high", "POST", "/v1/admin/chores", adminTok, choreBody(5001, 2))
	unknown := choreBody(100, 2)
	unknown["private_key"] = "0x01"
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/chores", adminTok, unknown)
	created := a.expect(http.StatusCreated, "", "POST", "/v1/admin/chores", adminTok, choreBody(400, 2))
	id := created["id"].(string)
	if created["budget_cents"] != float64(800) || created["status"] != "open" || created["places_taken"] != float64(0) {
		t.Fatalf("created: %v", created)
	}
	if list := a.expect(http.StatusOK, "", "GET", "/v1/admin/chores", adminTok, nil); len(list["chores"].([]any)) != 1 {
		t.Fatalf("admin list: %v", list)
	}

	alice := a.boundResident(adminTok, "alice")
	if one := a.expect(http.StatusOK, "", "GET", "/v1/chores/"+id, alice, nil); one["places_left"] != float64(2) || one["budget_cents"] != nil {
		t.Fatalf("resident's view: %v", one)
	}
	a.expect(http.StatusBadRequest, "validation_failed", "GET", "/v1/chores?near=noord", alice, nil)
	a.expect(http.StatusBadRequest, "validation_failed", "GET", "/v1/chores?near=50.88,5.97&radius_m=60000", alice, nil)
	a.expect(http.StatusNotFound, "not_found", "GET", "/v1/chores/6a1d7c36-0000-4000-8000-000000000000", alice, nil)
	a.expect(http.StatusForbidden, "forbidden", "GET", "/v1/chores", adminTok, nil)

	if out := a.expect(http.StatusOK, "", "PATCH", "/v1/admin/chores/"+id, adminTok, map[string]any{"closed": true}); out["status"] != "closed" {
		t.Fatalf("closing: %v", out)
	}
	a.expect(http.StatusConflict, "chore_closed", "POST", "/v1/chores/"+id+"/claims", alice, nil)
	if list := a.expect(http.StatusOK, "", "GET", "/v1/chores", alice, nil); len(list["chores"].([]any)) != 0 {
		t.Fatalf("a closed chore is listed: %v", list)
	}
	a.expect(http.StatusOK, "", "PATCH", "/v1/admin/chores/"+id, adminTok, map[string]any{"closed": false, "capacity": 1})
	claim := a.expect(http.StatusCreated, "", "POST", "/v1/chores/"+id+"/claims", alice, nil)
	if claim["status"] != "claimed" || claim["reward_cents"] != float64(400) || claim["proof_due_at"] == nil {
		t.Fatalf("claim: %v", claim)
	}
	bob := a.boundResident(adminTok, "bob")
	a.expect(http.StatusConflict, "chore_full", "POST", "/v1/chores/"+id+"/claims", bob, nil)
	carol := a.approvedResident(adminTok, "carol")
	a.expect(http.StatusUnprocessableEntity, "wallet_not_bound", "POST", "/v1/chores/"+id+"/claims", carol, nil)
	if bal := a.expect(http.StatusOK, "", "GET", "/v1/me/balance", carol, nil); bal["balance_cents"] != float64(0) || bal["pending_cents"] != float64(0) {
		t.Fatalf("balance without a wallet: %v", bal)
	}
	a.expect(http.StatusForbidden, "forbidden", "GET", "/v1/me/balance", adminTok, nil)
}

// TestReviewOverHTTP: malformed uploads, a request for more information answered with a second photo, a
// rejection that needs its reason, and the reviewer's photo endpoint.
func TestReviewOverHTTP(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	a.withChores()
	adminTok := a.admin("beheer")
	_, reviewer := a.staff(adminTok, "keurder", accounts.PrivChoresReview)
	id := a.expect(http.StatusCreated, "", "POST", "/v1/admin/chores", adminTok, choreBody(300, 3))["id"].(string)
	alice := a.boundResident(adminTok, "alice")
	claimID := a.expect(http.StatusCreated, "", "POST", "/v1/chores/"+id+"/claims", alice, nil)["id"].(string)
	proof := "/v1/claims/" + claimID + "/proof"

	a.expect(http.StatusBadRequest, "invalid_multipart", "POST", proof, alice, map[string]any{"photo": "x"})
	if status, out := a.form(proof, alice, [][]byte{phototest.JPEG(8, 8)}, map[string]string{"file": "x"}); status != 400 || errField(out) != "file" {
		t.Fatalf("unknown part: %d %v", status, out)
	}
	if status, out := a.form(proof, reviewer, [][]byte{phototest.JPEG(8, 8)}, nil); status != 403 {
		t.Fatalf("a reviewer uploading: %d %v", status, out)
	}
	status, out := a.form(proof, alice, [][]byte{phototest.JPEG(40, 30)}, map[string]string{"note": "Klaar!"})
	if status != 200 || out["status"] != "submitted" || out["note"] != "Klaar!" {
		t.Fatalf("proof: %d %v", status, out)
	}
	queue := a.expect(http.StatusOK, "", "GET", "/v1/admin/claims", reviewer, nil)["claims"].([]any)
	if len(queue) != 1 || queue[0].(map[string]any)["resident_id"] != nil {
		t.Fatalf("queue: %v", queue)
	}
	a.expect(http.StatusBadRequest, "validation_failed", "GET", "/v1/admin/claims?status=bogus", reviewer, nil)
	a.expect(http.StatusBadRequest, "message_required", "POST", "/v1/admin/claims/"+claimID+"/request-info", reviewer, map[string]any{})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/claims/"+claimID+"/request-info", reviewer, map[string]any{"message": "Ook de andere kant?"})
	mine := a.expect(http.StatusOK, "", "GET", "/v1/me/claims", alice, nil)["claims"].([]any)[0].(map[string]any)
	if mine["status"] != "needs_info" || mine["info_request"] != "Ook de andere kant?" {
		t.Fatalf("the resident does not see the question: %v", mine)
	}
	clear := image.NewNRGBA(image.Rect(0, 0, 10, 10))
	var transparent bytes.Buffer
	png.Encode(&transparent, clear)
	if status, out := a.form(proof, alice, [][]byte{transparent.Bytes()}, nil); status != 200 || out["photo_count"] != float64(2) {
		t.Fatalf("second proof: %d %v", status, out)
	}
	a.expect(http.StatusBadRequest, "reason_required", "POST", "/v1/admin/claims/"+claimID+"/reject", reviewer, nil)
	out = a.expect(http.StatusOK, "", "POST", "/v1/admin/claims/"+claimID+"/reject", reviewer, map[string]any{"reason": "Andere plek"})
	if out["status"] != "rejected" || out["reject_reason"] != "Andere plek" {
		t.Fatalf("reject: %v", out)
	}
	a.expect(http.StatusConflict, "invalid_claim_state", "POST", "/v1/admin/claims/"+claimID+"/approve", reviewer, nil)

	for _, tc := range []struct {
		n, ctype string
		status   int
	}{{"1", "image/jpeg", 200}, {"2", "image/png", 200}, {"3", "", 404}, {"x", "", 400}, {"0", "", 400}} {
		req := httptest.NewRequest(http.MethodGet, "/v1/admin/claims/"+claimID+"/photos/"+tc.n, nil)
		req.Header.Set("Authorization", "Bearer "+reviewer)
		rec := httptest.NewRecorder()
		a.h.ServeHTTP(rec, req)
		if rec.Code != tc.status || (tc.ctype != "" && rec.Header().Get("Content-Type") != tc.ctype) {
			t.Fatalf("photo %s: %d %s", tc.n, rec.Code, rec.Header().Get("Content-Type"))
		}
	}
}
