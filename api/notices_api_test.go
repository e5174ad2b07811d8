package api

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/notices"
)

// withNotices adds the notices service over the test database and returns a worker without e-mail.
func (a *testAPI) withNotices() (*notices.Service, *notices.Worker) {
	a.t.Helper()
	svc, err := notices.New(a.db.Notices(a.keys), notices.Options{Secret: a.jwtKey, PublicBaseURL: "https://heitje.example", Now: a.clock.Now})
	if err != nil {
		a.t.Fatal(err)
	}
	a.deps.Notices = svc
	a.h = New(a.deps)
	return svc, notices.NewWorker(a.db.Notices(a.keys), svc, notices.WorkerOptions{Now: a.clock.Now})
}

// TestNoticesInTheApp: an approval's notice is in the list once the worker delivered it, in the language
// the person chose, counted unread until marked read; another account's ids change nothing; e-mail needs
// an address.
func TestNoticesInTheApp(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, accounts.Options{})
	_, worker := a.withNotices()
	adminTok := a.admin("beheerder")
	mine := a.register(map[string]any{"role": "resident", "username": "lies", "email": "lies@example.nl",
		"notices": map[string]any{"language": "nl", "email": true}})
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/auth/register", "", map[string]any{"role": "resident",
		"username": "zonder-adres", "password": testPassword, "notices": map[string]any{"language": "nl", "email": true}})
	other := a.register(map[string]any{"role": "resident", "username": "kees"})
	for _, id := range []string{mine, other} {
		a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+id+"/approve", adminTok, nil)
	}
	tok, _ := a.login("lies")
	otherTok, _ := a.login("kees")
	if out := a.expect(http.StatusOK, "", "GET", "/v1/me/notices/unread", tok, nil); out["unread"] != 0.0 {
		t.Fatalf("before the worker's round: %v", out)
	}
	if err := worker.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	list := a.expect(http.StatusOK, "", "GET", "/v1/me/notices", tok, nil)
	items, _ := list["notices"].([]any)
	if len(items) != 1 || list["unread"] != 1.0 {
		t.Fatalf("list: %v", list)
	}
	n := items[0].(map[string]any)
	if n["kind"] != "account_approved" || n["title"] != "Je account is goedgekeurd" || n["read_at"] != nil {
		t.Fatalf("notice: %v", n)
	}
	if got := a.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", tok, nil); got["language"] != "nl" || got["email"] != true {
		t.Fatalf("settings chosen at registration: %v", got)
	}
	a.expect(http.StatusOK, "", "PUT", "/v1/me/notice-settings", tok, map[string]any{"language": "en", "email": true})
	if n := a.expect(http.StatusOK, "", "GET", "/v1/me/notices", tok, nil)["notices"].([]any)[0].(map[string]any); n["title"] != "Your account was approved" {
		t.Fatalf("in English: %v", n)
	}
	a.expect(http.StatusUnprocessableEntity, "email_address_required", "PUT", "/v1/me/notice-settings", otherTok,
		map[string]any{"language": "nl", "email": true})
	a.expect(http.StatusBadRequest, "validation_failed", "PUT", "/v1/me/notice-settings", tok, map[string]any{"language": "fr"})
	if out := a.expect(http.StatusOK, "", "POST", "/v1/me/notices/read", otherTok, map[string]any{"ids": []any{n["id"]}}); out["unread"] != 1.0 {
		t.Fatalf("kees marking lies's notice: %v", out) // kees has his own approval notice, still unread
	}
	if out := a.expect(http.StatusOK, "", "GET", "/v1/me/notices/unread", tok, nil); out["unread"] != 1.0 {
		t.Fatalf("another account's mark changed mine: %v", out)
	}
	if out := a.expect(http.StatusOK, "", "POST", "/v1/me/notices/read", tok, nil); out["unread"] != 0.0 {
		t.Fatalf("after marking all read: %v", out)
	}
	if got := a.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", tok, nil); got["language"] != "en" || got["email"] != true ||
		got["has_email_address"] != true {
		t.Fatalf("settings: %v", got)
	}
	// Removing the address turns e-mail off, and an address added again does not turn it back on.
	a.expect(http.StatusOK, "", "PATCH", "/v1/me", tok, map[string]any{"email": ""})
	if got := a.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", tok, nil); got["language"] != "en" || got["email"] != false ||
		got["has_email_address"] != false {
		t.Fatalf("settings after removing the address: %v", got)
	}
	a.expect(http.StatusOK, "", "PATCH", "/v1/me", tok, map[string]any{"email": "lies@example.nl"})
	if got := a.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", tok, nil); got["email"] != false || got["has_email_address"] != true {
		t.Fatalf("settings after adding an address again: %v", got)
	}
}

// TestUnsubscribeIsOneClick: the link's page changes nothing by being opened; a mail program's one-click
// POST (RFC 8058) turns e-mail off; a forged token is refused.
func TestUnsubscribeIsOneClick(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, accounts.Options{})
	svc, _ := a.withNotices()
	adminTok := a.admin("beheerder")
	id := a.register(map[string]any{"role": "resident", "username": "lies", "email": "lies@example.nl"})
	a.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+id+"/approve", adminTok, nil)
	tok, _ := a.login("lies")
	a.expect(http.StatusOK, "", "PUT", "/v1/me/notice-settings", tok, map[string]any{"language": "nl", "email": true})
	link := svc.UnsubscribeURL(id)
	if !strings.HasPrefix(link, "https://heitje.example/v1/notices/unsubscribe?t=") {
		t.Fatalf("link: %s", link)
	}
	path := strings.TrimPrefix(link, "https://heitje.example")
	page := a.raw("GET", path, "")
	if page.Code != http.StatusOK || !strings.Contains(page.Body.String(), `<form method="post"`) ||
		!strings.HasPrefix(page.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("page: %d %s", page.Code, page.Body)
	}
	if got := a.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", tok, nil); got["email"] != true {
		t.Fatalf("opening the link turned e-mail off: %v", got)
	}
	post := func(p string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", p, bytes.NewBufferString("List-Unsubscribe=One-Click"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		a.h.ServeHTTP(rec, req)
		return rec
	}
	forged := path[:len(path)-2] + "AA"
	if rec := post(forged); rec.Code != http.StatusBadRequest {
		t.Fatalf("a forged token: %d", rec.Code)
	}
	if got := a.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", tok, nil); got["email"] != true {
		t.Fatalf("a forged token turned e-mail off: %v", got)
	}
	for range 2 {
		if rec := post(path); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "Afgemeld") {
			t.Fatalf("one-click unsubscribe: %d %s", rec.Code, rec.Body)
		}
	}
	if got := a.expect(http.StatusOK, "", "GET", "/v1/me/notice-settings", tok, nil); got["email"] != false {
		t.Fatalf("after unsubscribing: %v", got)
	}
}
