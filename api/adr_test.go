package api

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/testenv"
)

// spectral lints the OpenAPI document at path with the NL API Design Rules' ruleset (api/adr/ruleset.yaml,
// as Logius publishes it), failing on warnings too, and returns its exit status and output.
func spectral(t *testing.T, path string) (int, string) {
	t.Helper()
	node := testenv.NodeModules(t, "adr")
	cli := filepath.Join("adr", "node_modules", "@stoplight", "spectral-cli", "dist", "index.js")
	cmd := exec.Command(node, cli, "lint", "--ruleset", filepath.Join("adr", "ruleset.yaml"), "--fail-severity", "warn", path)
	out, err := cmd.CombinedOutput()
	if err != nil && cmd.ProcessState == nil {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), string(out)
}

// TestOpenAPIMeetsTheNLAPIDesignRules lints the committed document with Logius' linter: no error and no
// warning. That the linter does find something is shown on a copy without the contact and with a
// snake_case query key.
func TestOpenAPIMeetsTheNLAPIDesignRules(t *testing.T) {
	t.Parallel()
	if code, out := spectral(t, "openapi.json"); code != 0 {
		t.Fatalf("spectral (exit %d) on api/openapi.json:\n%s", code, out)
	}
	var doc map[string]any
	b, _ := os.ReadFile("openapi.json")
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc["info"].(map[string]any), "contact")
	list := doc["paths"].(map[string]any)["/me/transactions"].(map[string]any)["get"].(map[string]any)
	list["parameters"].([]any)[0].(map[string]any)["name"] = "before_id"
	broken := filepath.Join(t.TempDir(), "openapi.json")
	b, _ = json.Marshal(doc)
	os.WriteFile(broken, b, 0o600)
	code, out := spectral(t, broken)
	if code == 0 || !strings.Contains(out, "info-contact") || !strings.Contains(out, "before_id is not lower camelCase") {
		t.Fatalf("spectral (exit %d) did not object to a document without contact and with before_id:\n%s", code, out)
	}
}

// TestVersionHeaderAndProblemDetails: every answer, success or error, carries API-Version; an error is
// the envelope by default and problem details (RFC 9457) with the same code for a client that asks.
func TestVersionHeaderAndProblemDetails(t *testing.T) {
	t.Parallel()
	h := New(Deps{Log: slog.New(slog.DiscardHandler), Status: fakeStatus{nodeID: 6411}})
	get := func(path, accept string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, path := range []string{"/v1/openapi.json", "/healthz", "/v1/no-such-thing"} {
		if v := get(path, "").Header().Get("API-Version"); v != APIVersion {
			t.Errorf("GET %s: API-Version %q, want %q", path, v, APIVersion)
		}
	}
	rec := get("/v1/no-such-thing", "")
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") ||
		rec.Body.String() != `{"error":{"code":"not_found","message":"no such resource"}}` {
		t.Fatalf("the envelope changed: %s %s", ct, rec.Body)
	}
	for accept, want := range map[string]bool{
		"application/problem+json":                   true,
		"application/json, application/problem+json": true,
		"application/problem+json;q=0.5, */*;q=0.1":  true,
		"application/problem+json;q=0":               false,
		"application/json":                           false,
		"*/*":                                        false,
	} {
		rec := get("/v1/no-such-thing", accept)
		var p problemDetails
		json.Unmarshal(rec.Body.Bytes(), &p)
		got := rec.Header().Get("Content-Type") == problemJSON
		if got != want || rec.Code != http.StatusNotFound {
			t.Errorf("Accept %q: %d %s %s", accept, rec.Code, rec.Header().Get("Content-Type"), rec.Body)
			continue
		}
		if want && (p != problemDetails{Type: "about:blank", Title: "Not Found", Status: 404, Detail: "no such resource", Code: "not_found"}) {
			t.Errorf("Accept %q: problem details %+v", accept, p)
		}
	}
}

// TestQueryKeysInBothSpellings: a query key is read under its documented lower camelCase name and under the
// snake_case name it had before: a bad value under either is 400 validation_failed naming the key as the
// client sent it (this test API has no ledger to answer a good one).
func TestQueryKeysInBothSpellings(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	tok := a.approvedResident(a.admin("beheer"), "alice")
	for _, key := range []string{"beforeId", "before_id"} {
		got := a.expect(http.StatusBadRequest, "validation_failed", "GET", "/v1/me/transactions?"+key+"=-1", tok, nil)
		if e := got["error"].(map[string]any); e["field"] != key || e["message"] != key+" must be a whole number" {
			t.Errorf("%s=-1: %v", key, e)
		}
	}
}
