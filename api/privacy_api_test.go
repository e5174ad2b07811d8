package api

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/balances"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/photos"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/store"
)

// photoFolder is the photo store as the privacy service sees it.
type photoFolder struct{ *photos.Store }

func (f photoFolder) List() ([]privacy.StoredFile, error) {
	files, err := f.Store.List()
	out := make([]privacy.StoredFile, len(files))
	for i, x := range files {
		out[i] = privacy.StoredFile{Name: x.Name, ModTime: x.ModTime}
	}
	return out, err
}

// withPrivacy adds the privacy service (k = 3) over the test database, without a photo folder.
func (a *testAPI) withPrivacy() {
	a.t.Helper()
	a.setPrivacy(nil)
}

func (a *testAPI) setPrivacy(files privacy.PhotoFiles) {
	a.t.Helper()
	svc, err := privacy.New(a.db.Privacy(a.keys, a.lookup), files, store.Datasets(), privacy.Options{Now: a.clock.Now, MinGroupSize: 3})
	if err != nil {
		a.t.Fatal(err)
	}
	a.deps.Privacy = svc
	a.h = New(a.deps)
}

// withChoresAndPrivacy adds the chores, balances and privacy services sharing one photo folder, which it
// returns.
func (a *testAPI) withChoresAndPrivacy() *photos.Store {
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
	a.setPrivacy(photoFolder{files})
	return files
}

// raw sends a request and returns the recorder, for answers that are not JSON.
func (a *testAPI) raw(method, path, token string, hdr ...string) *httptest.ResponseRecorder {
	a.t.Helper()
	req := httptest.NewRequest(method, path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	return rec
}

// TestRegisterAndNoticeAreServed: the register as JSON and as Markdown (by query and by Accept), the
// notice in force, and registration recording the notice version shown; an unknown version is refused and
// creates nothing.
func TestRegisterAndNoticeAreServed(t *testing.T) {
	t.Parallel()
	opts := defaultTestOptions()
	opts.NoticeVersions = privacy.NoticeVersions()
	a := newTestAPI(t, opts)
	a.withPrivacy()
	reg := a.expect(http.StatusOK, "", "GET", "/v1/privacy/register", "", nil)
	if len(reg["activities"].([]any)) < 8 || reg["controller"].(map[string]any)["name"] != "Gemeente Heerlen" {
		t.Fatalf("register: %v", reg["controller"])
	}
	for _, rec := range []*httptest.ResponseRecorder{a.raw("GET", "/v1/privacy/register?format=md", ""),
		a.raw("GET", "/v1/privacy/register", "", "Accept", "text/markdown")} {
		body := rec.Body.String()
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/markdown") ||
			!strings.Contains(body, "## Research contact by project partners (`research_contact`)") || !strings.Contains(body, "Co-Town") ||
			!strings.Contains(body, "| `proof_photos` |") || !strings.Contains(body, "| `email_enc` | personal, encrypted |") {
			t.Fatalf("markdown register: %d %.300s", rec.Code, body)
		}
	}
	n := a.expect(http.StatusOK, "", "GET", "/v1/privacy/notice", "", nil)
	if n["version"] != privacy.CurrentNotice().Version || n["current"] != true {
		t.Fatalf("notice: %v", n["version"])
	}
	a.expect(http.StatusNotFound, "not_found", "GET", "/v1/privacy/notices/1999-01", "", nil)
	before := a.count("accounts")
	out := a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/auth/register", "", map[string]any{"role": "resident",
		"username": "oude-versie", "password": testPassword, "notice_version": "1999-01"})
	if errField(out) != "notice_version" || a.count("accounts") != before {
		t.Fatalf("unknown notice version: %v", out)
	}
	id := a.register(map[string]any{"role": "resident", "username": "nieuwe-versie", "notice_version": privacy.CurrentNotice().Version})
	var v string
	a.db.SQL().QueryRow(`SELECT notice_version FROM accounts WHERE id = $1`, id).Scan(&v)
	if v != privacy.CurrentNotice().Version {
		t.Fatalf("recorded notice version %q", v)
	}
}

// TestPrivacyRequestsOverHTTP: a resident files requests (bad ones refused), each due four weeks after
// receipt; the privacy officer sees them open and, a month on, overdue; a refusal needs a reason; a granted
// objection becomes a restriction the officer can lift; a request is decided once. Staff without privacy
// are refused.
func TestPrivacyRequestsOverHTTP(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	a.withPrivacy()
	adminTok := a.admin("beheerder")
	_, fg := a.staff(adminTok, "fg-heerlen", accounts.PrivPrivacy)
	_, reviewer := a.staff(adminTok, "keurder", accounts.PrivChoresReview)
	tok := a.approvedResident(adminTok, "verzoeker")
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/privacy/requests", tok, map[string]any{"kind": "forget-me"})
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/privacy/requests", tok, map[string]any{"kind": "objection"})
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/privacy/requests", tok, map[string]any{"kind": "access", "oops": 1})
	if n := a.count("privacy_requests"); n != 0 {
		t.Fatalf("%d requests after bad input", n)
	}
	obj := a.expect(http.StatusCreated, "", "POST", "/v1/privacy/requests", tok, map[string]any{"kind": "objection", "purpose": "analytics"})
	acc := a.expect(http.StatusCreated, "", "POST", "/v1/privacy/requests", tok, map[string]any{"kind": "access"})
	received, _ := time.Parse(time.RFC3339Nano, obj["received_at"].(string))
	due, _ := time.Parse(time.RFC3339Nano, obj["due_at"].(string))
	if due.Sub(received) != 28*24*time.Hour {
		t.Fatalf("due %s after receipt", due.Sub(received))
	}
	a.expect(http.StatusForbidden, "forbidden", "GET", "/v1/admin/privacy/requests", reviewer, nil)
	if l := a.expect(http.StatusOK, "", "GET", "/v1/admin/privacy/requests", fg, nil); l["open"] != float64(2) || l["overdue"] != float64(0) {
		t.Fatalf("open list: %v", l)
	}
	a.clock.Advance(29 * 24 * time.Hour)
	fg, _ = a.login("fg-heerlen")
	tok, _ = a.login("verzoeker")
	if l := a.expect(http.StatusOK, "", "GET", "/v1/admin/privacy/requests?status=overdue", fg, nil); len(l["requests"].([]any)) != 2 || l["overdue"] != float64(2) {
		t.Fatalf("overdue list: %v", l)
	}
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/privacy/requests/"+acc["id"].(string)+"/close", fg,
		map[string]any{"decision": "refused"})
	closed := a.expect(http.StatusOK, "", "POST", "/v1/admin/privacy/requests/"+obj["id"].(string)+"/close", fg, map[string]any{"decision": "granted"})
	rs := closed["restriction"].(map[string]any)
	if rs["scope"] != "analytics" || rs["kind"] != "objection" || rs["active"] != true {
		t.Fatalf("objection upheld: %v", closed)
	}
	a.expect(http.StatusConflict, "request_closed", "POST", "/v1/admin/privacy/requests/"+obj["id"].(string)+"/close", fg, map[string]any{"decision": "granted"})
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/privacy/restrictions/"+rs["id"].(string)+"/lift", fg, map[string]any{})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/privacy/restrictions/"+rs["id"].(string)+"/lift", fg, map[string]any{"reason": "heroverwogen"})
	a.expect(http.StatusConflict, "already_lifted", "POST", "/v1/admin/privacy/restrictions/"+rs["id"].(string)+"/lift", fg, map[string]any{"reason": "nog eens"})
	mine := a.expect(http.StatusOK, "", "GET", "/v1/me/privacy/requests", tok, nil)
	if len(mine["requests"].([]any)) != 2 {
		t.Fatalf("own requests: %v", mine)
	}
}
