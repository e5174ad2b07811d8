package app

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/devnet"
	"github.com/heerlen/heitje/internal/secrets"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

// testSecrets are fresh keys, with the cheapest password hashing the configuration allows.
func testSecrets(t *testing.T) config.Secrets {
	t.Helper()
	k, err := secrets.NewKey("test")
	if err != nil {
		t.Fatal(err)
	}
	return config.Secrets{JWTSecret: bytes.Repeat([]byte{1}, 32), DataKey: k, LookupKey: bytes.Repeat([]byte{2}, 32),
		Argon2: secrets.MinArgon2}
}

// failingNode is a JSON-RPC endpoint that fails the test on any request: a chain client pointed at it
// proves that a code path makes no chain call.
func failingNode(t *testing.T) (*chain.Client, *atomic.Int64) {
	t.Helper()
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		body, _ := io.ReadAll(r.Body)
		t.Errorf("chain call made: %s", body)
		http.Error(w, "no chain calls allowed", http.StatusTeapot)
	}))
	t.Cleanup(srv.Close)
	rc, err := rpc.DialHTTP(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rc.Close)
	return &chain.Client{Client: ethclient.NewClient(rc), RPC: rc}, &calls
}

// platformWithoutChain assembles the whole platform (services, senders, indexer, HTTP API) on a fresh
// database, with its chain client pointed at failingNode, and logs into buf at debug level.
func platformWithoutChain(t *testing.T, buf io.Writer) (*Platform, *atomic.Int64) {
	t.Helper()
	db := testdb.Open(t)
	client, calls := failingNode(t)
	cfg := &config.Config{ChainID: 6411, MinterKey: devnet.DevMinter.ECDSA(), OperatorKey: devnet.DevOperator.ECDSA(),
		Secrets: testSecrets(t), LogLevel: slog.LevelDebug, LogFormat: "json", Web: config.Web{PublicBaseURL: "https://heitje.example"}}
	p, err := assemble(cfg, NewLogger(cfg, buf), pools{db: db, work: db, jobs: db}, client)
	if err != nil {
		t.Fatal(err)
	}
	return p, calls
}

// onboard registers a resident and a shop with personal data through the HTTP API, and has an
// administrator ("wethouder", with a second factor) approve both and read the resident's personal data; it
// returns the personal values used and the administrator's codes for later logins.
func onboard(t *testing.T, p *Platform) ([]string, func() string) {
	t.Helper()
	ctx := context.Background()
	h := p.Handler()
	call := func(method, path, token string, body any) map[string]any {
		t.Helper()
		b, _ := json.Marshal(body)
		req := httptest.NewRequest(method, path, bytes.NewReader(b))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var out map[string]any
		json.Unmarshal(rec.Body.Bytes(), &out)
		if rec.Code >= 300 {
			t.Fatalf("%s %s: %d %v", method, path, rec.Code, out)
		}
		return out
	}
	values := []string{"Truus.de.Vries@example.nl", "+31687654321", "NL91ABNA0417164300", "Kerkplein 12, 6411 EK Heerlen", "Bloemist De Vries", "Truus de Vries"}
	resident := call("POST", "/v1/auth/register", "", map[string]any{"role": "resident", "username": "bloemetje",
		"password": "a long enough password", "email": values[0], "phone": values[1]})["id"].(string)
	shop := call("POST", "/v1/auth/register", "", map[string]any{"role": "shop", "username": "bloemist",
		"password": "a long enough password", "shop": map[string]any{"legal_name": values[4], "contact_name": values[5],
			"kvk": "12345678", "iban": values[2], "address": values[3]}})["id"].(string)
	admin, err := p.accounts.CreateAdmin(ctx, "wethouder", "a long enough password", "test")
	if err != nil {
		t.Fatal(err)
	}
	staff := accounts.Principal{AccountID: admin.ID, Username: admin.Username, Role: accounts.RoleStaff}
	if _, err := p.accounts.AcknowledgeConfidentiality(ctx, staff, accounts.CurrentConfidentiality.Version); err != nil {
		t.Fatal(err)
	}
	code := enrol(t, p.accounts, staff)
	tok := call("POST", "/v1/auth/login", "", map[string]any{"username": "wethouder", "password": "a long enough password",
		"second_factor": code()})["access_token"].(string)
	call("POST", "/v1/admin/accounts/"+resident+"/approve", tok, nil)
	call("POST", "/v1/admin/accounts/"+shop+"/approve", tok, nil)
	call("GET", "/v1/admin/accounts/"+resident+"?reason=helpdesk+question", tok, nil)
	call("PATCH", "/v1/me", call("POST", "/v1/auth/login", "", map[string]any{"username": "bloemetje",
		"password": "a long enough password"})["access_token"].(string), map[string]any{"email": values[0]})
	return values, code
}

// TestRegistrationAndApprovalMakeNoChainCall runs registration and approval of a resident and a shop
// through the composed API with a chain client that fails on any call, and checks that no call was made
// and no chain intent written.
func TestRegistrationAndApprovalMakeNoChainCall(t *testing.T) {
	p, calls := platformWithoutChain(t, io.Discard)
	onboard(t, p)
	if n := calls.Load(); n != 0 {
		t.Fatalf("%d chain calls during registration and approval", n)
	}
	counts, err := p.db.Outbox().Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 0 {
		t.Fatalf("registration and approval wrote chain intents: %v", counts)
	}
}

// TestApplicationLogsCarryNoPersonalData captures the debug-level log of a whole registration, approval and
// personal-data read, and finds none of the personal values in it.
func TestApplicationLogsCarryNoPersonalData(t *testing.T) {
	var buf bytes.Buffer
	p, _ := platformWithoutChain(t, &buf)
	values, _ := onboard(t, p)
	logs := strings.ToLower(buf.String())
	if strings.Count(logs, `"msg":"http"`) < 8 {
		t.Fatalf("the log did not capture the requests:\n%s", logs)
	}
	for _, v := range values {
		for _, form := range []string{strings.ToLower(v), strings.ToLower(strings.ReplaceAll(v, " ", ""))} {
			if strings.Contains(logs, form) {
				t.Errorf("the application log contains %q", v)
			}
		}
	}
}

// enrol gives staff member who a second factor, as the console's enrolment page does, and returns the codes
// an authenticator app would show: each call the code of a time step not given before, from now's on,
// waiting for the next step when now's and the next were given (the platform takes each code once).
func enrol(t *testing.T, acc *accounts.Service, who accounts.Principal) func() string {
	t.Helper()
	e, err := acc.StartSecondFactor(context.Background(), who)
	if err != nil {
		t.Fatal(err)
	}
	at := func(step int64) string {
		c, err := totp.GenerateCodeCustom(e.Secret, time.Unix(step*accounts.TOTPPeriod, 0), totp.ValidateOpts{
			Period: accounts.TOTPPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	now := func() int64 { return time.Now().Unix() / accounts.TOTPPeriod }
	last := now()
	if _, err := acc.ConfirmSecondFactor(context.Background(), who, at(last)); err != nil {
		t.Fatal(err)
	}
	return func() string {
		t.Helper()
		last = max(now(), last+1)
		for last > now()+1 {
			time.Sleep(time.Until(time.Unix((now()+1)*accounts.TOTPPeriod, 0)) + 10*time.Millisecond)
		}
		return at(last)
	}
}
