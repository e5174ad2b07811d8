package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/auth"
	"github.com/heerlen/heitje/internal/recovery"
	"github.com/heerlen/heitje/internal/secrets"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

// cheapArgon2 keeps password hashing fast in tests; production never uses it (the configuration refuses
// anything below secrets.MinArgon2).
var cheapArgon2 = secrets.Argon2Params{Memory: 1024, Time: 1, Threads: 1}

// syncBuffer is a log sink that tests can read while handlers write.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testAPI is the API over the real services on a fresh, migrated database.
type testAPI struct {
	t      *testing.T
	h      http.Handler
	db     *store.DB
	acc    *accounts.Service
	store  *store.AccountStore
	clock  *testenv.Clock
	jwtKey []byte
	logs   *syncBuffer
	deps   Deps
	// keys and lookup are the data keys the accounts store seals and hashes with.
	keys   *secrets.Keyring
	lookup *secrets.Lookup
	// factors are the second factors the helpers enrolled, by username (second_factor_test.go).
	factors map[string]*testFactor
}

func newTestAPI(t *testing.T, opts accounts.Options) *testAPI {
	t.Helper()
	db := testdb.Open(t)
	k, _ := secrets.NewKey("test")
	keys, _ := secrets.NewKeyring(k)
	lookup, _ := secrets.NewLookup(bytes.Repeat([]byte{7}, 32))
	a := &testAPI{t: t, db: db, clock: &testenv.Clock{}, jwtKey: bytes.Repeat([]byte{9}, 32), logs: &syncBuffer{}, keys: keys, lookup: lookup}
	issuer, err := auth.NewIssuer(a.jwtKey, auth.MaxAccessTTL, a.clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	if opts.Argon2 == (secrets.Argon2Params{}) {
		opts.Argon2 = cheapArgon2
	}
	opts.Now = a.clock.Now
	a.store = db.Accounts(keys, lookup)
	if a.acc, err = accounts.New(a.store, issuer, lookup, opts); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(a.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	a.deps = Deps{Log: log, Status: fakeStatus{nodeID: 6411}, Accounts: a.acc, Audit: audit.NewService(db.Audit()),
		Recovery: recovery.New(db.Recoveries(), nil, recovery.Domain{ChainID: 6411}, true)}
	a.h = New(a.deps)
	return a
}

// call sends a request; body is marshalled unless it is a string (sent as is). hdr are name, value pairs.
func (a *testAPI) call(method, path, token string, body any, hdr ...string) (int, map[string]any) {
	a.t.Helper()
	rec := a.send(method, path, token, body, hdr...)
	var out map[string]any
	json.Unmarshal(rec.Body.Bytes(), &out)
	return rec.Code, out
}

// send is call with the whole answer, headers included.
func (a *testAPI) send(method, path, token string, body any, hdr ...string) *httptest.ResponseRecorder {
	a.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = bytes.NewBufferString(b)
	default:
		j, _ := json.Marshal(b)
		r = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, r)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i] == "RemoteAddr" {
			req.RemoteAddr = hdr[i+1]
			continue
		}
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	return rec
}

// expect fails unless the call answered status (and, when code is set, that error code).
func (a *testAPI) expect(status int, code string, method, path, token string, body any, hdr ...string) map[string]any {
	a.t.Helper()
	got, out := a.call(method, path, token, body, hdr...)
	if got != status || (code != "" && errCode(out) != code) {
		a.t.Fatalf("%s %s: %d %v, want %d %s\n%s", method, path, got, out, status, code, a.logs.String())
	}
	return out
}

func errCode(body map[string]any) string {
	e, _ := body["error"].(map[string]any)
	c, _ := e["code"].(string)
	return c
}

func errField(body map[string]any) string {
	e, _ := body["error"].(map[string]any)
	f, _ := e["field"].(string)
	return f
}

const testPassword = "correct horse battery"

// register registers an account and returns its id.
func (a *testAPI) register(body map[string]any) string {
	a.t.Helper()
	if body["password"] == nil {
		body["password"] = testPassword
	}
	out := a.expect(http.StatusCreated, "", "POST", "/v1/auth/register", "", body)
	if out["status"] != "pending" {
		a.t.Fatalf("registration is not pending: %v", out)
	}
	return out["id"].(string)
}

// login returns an access and a refresh token.
func (a *testAPI) login(username string) (string, string) {
	a.t.Helper()
	body := map[string]any{"username": username, "password": testPassword}
	if a.factors[username] != nil {
		body["second_factor"] = a.code(username)
	}
	out := a.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", body)
	return out["access_token"].(string), out["refresh_token"].(string)
}

// admin creates an administrator (every privilege) with a second factor and returns its access token.
func (a *testAPI) admin(username string) string {
	a.t.Helper()
	if _, err := a.acc.CreateAdmin(context.Background(), username, testPassword, "test"); err != nil {
		a.t.Fatal(err)
	}
	tok, _ := a.login(username)
	a.enrol(username, tok)
	a.acknowledge(tok)
	return tok
}

// acknowledge has a staff member acknowledge the confidentiality statement, as the console asks at the
// first login; without it none of their privileges takes effect.
func (a *testAPI) acknowledge(token string) {
	a.t.Helper()
	a.expect(http.StatusOK, "", "POST", "/v1/me/confidentiality", token, map[string]any{"version": accounts.CurrentConfidentiality.Version})
}

// staff creates a staff member with the given privileges through the admin API, with a second factor, and
// returns its id and token.
func (a *testAPI) staff(adminToken, username string, privs ...accounts.Privilege) (string, string) {
	a.t.Helper()
	out := a.expect(http.StatusCreated, "", "POST", "/v1/admin/staff", adminToken,
		map[string]any{"username": username, "password": testPassword, "privileges": privs})
	tok, _ := a.login(username)
	a.enrol(username, tok)
	a.acknowledge(tok)
	return out["id"].(string), tok
}

// count returns the number of rows of a table.
func (a *testAPI) count(table string) int {
	a.t.Helper()
	var n int
	if err := a.db.SQL().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		a.t.Fatal(err)
	}
	return n
}

// defaultTestOptions are the production options with the cheap password hashing of tests.
func defaultTestOptions() accounts.Options {
	o := accounts.DefaultOptions
	o.Argon2 = cheapArgon2
	// Every test request comes from httptest's one address; TestRegistrationLimit sets its own limit.
	o.MaxRegistrationsPerClient = 1000
	return o
}
