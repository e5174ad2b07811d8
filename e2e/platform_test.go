package e2e_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	ethaccounts "github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/secrets"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

func TestMain(m *testing.M) {
	if os.Getenv(phonesEnv) != "" {
		os.Exit(phonesMain())
	}
	os.Exit(testenv.Main(m))
}

// quiet discards the platform's logs; set HEITJE_E2E_LOG=1 to see them.
func logger() *slog.Logger {
	if os.Getenv("HEITJE_E2E_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return slog.New(slog.DiscardHandler)
}

// cheapArgon2 keeps password hashing fast for the hundreds of accounts a test makes. Only a Config built
// in code can have it: configuration from the environment refuses anything below secrets.MinArgon2.
var cheapArgon2 = secrets.Argon2Params{Memory: 1024, Time: 1, Threads: 1}

// platform is a fresh database and a freshly deployed coin on the real node, the configuration to serve
// them, and in-process services on the same database for setting up people and claims in bulk.
type platform struct {
	tb     testing.TB
	ctx    context.Context
	cfg    *config.Config
	db     *store.DB
	client *chain.Client
	deploy chain.Deployment
	acc    *accounts.Service
	chores *chores.Service
	base   string // the API's URL once it serves
	// metricsBase is the URL of the metrics' own listener once the platform serves.
	metricsBase string
	admin       accounts.Actor
	// factors are the staff's second factors (second_factor_helpers_test.go).
	factors factors
	// adminKey holds the coin's DEFAULT_ADMIN_ROLE, for tests that grant a role after deployment.
	adminKey *ecdsa.PrivateKey
}

func newPlatform(tb testing.TB) *platform {
	tb.Helper()
	return newPlatformOn(tb, testenv.Chain(tb))
}

// newPlatformOn is newPlatform on the node of env.
func newPlatformOn(tb testing.TB, env *testenv.ChainEnv) *platform {
	tb.Helper()
	return newPlatformAt(tb, env, testdb.URL(tb))
}

// newPlatformAt is newPlatformOn on the migrated database at dbURL, which the platform and the test's
// services use.
func newPlatformAt(tb testing.TB, env *testenv.ChainEnv, dbURL string) *platform {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	tb.Cleanup(cancel)
	db, err := store.Open(ctx, dbURL)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	client, err := chain.Dial(ctx, env.RPCURL, env.ChainID.Uint64())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(client.Close)
	minter, operator, relayer, adminKey := env.FundedKey(tb), env.FundedKey(tb), env.FundedKey(tb), env.FundedKey(tb)
	dep, err := chain.DeployToken(ctx, client, adminKey, chain.Roles{
		Minter: crypto.PubkeyToAddress(minter.PublicKey), Operator: crypto.PubkeyToAddress(operator.PublicKey),
		Treasury: common.HexToAddress("0x00000000000000000000000000000000000000aa"),
	})
	if err != nil {
		tb.Fatal(err)
	}
	key, _ := secrets.NewKey("e2e")
	cfg := &config.Config{DatabaseURL: dbURL, EthRPCURL: env.RPCURL, GenesisFile: env.GenesisPath, ChainID: env.ChainID.Uint64(),
		TokenAddress: dep.Address, TokenDeployBlock: dep.Block, MinterKey: minter, OperatorKey: operator,
		RelayerKeys: []*ecdsa.PrivateKey{relayer}, TreasuryAddress: common.HexToAddress("0xaa"), ShutdownTimeout: 5 * time.Second,
		Secrets: config.Secrets{JWTSecret: bytes.Repeat([]byte{3}, 32), DataKey: key, LookupKey: bytes.Repeat([]byte{4}, 32),
			Argon2: cheapArgon2},
		Chores: config.Chores{PhotoDir: filepath.Join(tb.TempDir(), "photos"), MaxPhotoBytes: 1 << 20, MaxPhotoPixels: 25_000_000,
			Bounds: config.DefaultBounds, MaxRewardCents: 5000, ClaimProofTTL: 48 * time.Hour,
			RewardCapMonthCents: 21000, RewardCapYearCents: 210000},
		Web: config.Web{PublicBaseURL: config.DefaultPublicBaseURL}}
	p := &platform{tb: tb, ctx: ctx, cfg: cfg, db: db, client: client, deploy: dep, adminKey: adminKey}
	if p.acc, err = app.NewAccounts(cfg, db); err != nil {
		tb.Fatal(err)
	}
	if p.chores, err = app.NewChores(cfg, db, logger()); err != nil {
		tb.Fatal(err)
	}
	a, err := p.acc.CreateAdmin(ctx, "beheerder", password, "e2e")
	if err != nil {
		tb.Fatal(err)
	}
	p.admin = accounts.Actor{Principal: accounts.Principal{AccountID: a.ID, Username: a.Username, Role: accounts.RoleStaff,
		Privileges: accounts.AllPrivileges()}, RequestID: "e2e-setup"}
	p.acknowledge(a.ID)
	p.enrol(a.ID, a.Username)
	return p
}

// serve runs the composed platform (API, senders, indexer, chores worker) in this process until the test
// ends.
func (p *platform) serve() {
	p.tb.Helper()
	pl, err := app.Open(p.ctx, p.cfg, logger())
	if err != nil {
		p.tb.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		p.tb.Fatal(err)
	}
	mln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		p.tb.Fatal(err)
	}
	pl.ServeMetrics(mln)
	runCtx, stop := context.WithCancel(p.ctx)
	done := make(chan error, 1)
	go func() { done <- pl.Run(runCtx, ln) }()
	p.tb.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			p.tb.Errorf("platform: %v", err)
		}
		pl.Close()
	})
	p.base, p.metricsBase = "http://"+ln.Addr().String(), "http://"+mln.Addr().String()
}

// password is every test account's password.
const password = "correct horse battery staple"

// call sends a JSON request (body nil for none) and decodes the JSON answer.
func (p *platform) call(method, path, token string, body any) (int, map[string]any) {
	p.tb.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequestWithContext(p.ctx, method, p.base+path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return p.do(req, token)
}

func (p *platform) do(req *http.Request, token string) (int, map[string]any) {
	p.tb.Helper()
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		p.tb.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out map[string]any
	if json.Unmarshal(raw, &out) != nil {
		out = map[string]any{"raw": string(raw)}
	}
	return res.StatusCode, out
}

// expect fails unless the call answers status (and, when code is set, that error code).
func (p *platform) expect(status int, code, method, path, token string, body any) map[string]any {
	p.tb.Helper()
	got, out := p.call(method, path, token, body)
	if got != status || (code != "" && errCode(out) != code) {
		p.tb.Fatalf("%s %s: %d %v, want %d %s", method, path, got, out, status, code)
	}
	return out
}

func errCode(body map[string]any) string {
	e, _ := body["error"].(map[string]any)
	c, _ := e["code"].(string)
	return c
}

// login returns an access token of the account (staff sign in with the code of their second factor).
// A password hasher without a free turn (a loaded machine) answers 503 busy with Retry-After: 1, and the
// login is tried again then, as a phone would, for up to two minutes.
func (p *platform) login(username string) string {
	p.tb.Helper()
	for deadline := time.Now().Add(2 * time.Minute); ; {
		body := map[string]any{"username": username, "password": password}
		if code := p.code(username); code != "" {
			body["second_factor"] = code
		}
		status, out := p.call(http.MethodPost, "/v1/auth/login", "", body)
		if status == http.StatusServiceUnavailable && errCode(out) == "busy" && time.Now().Before(deadline) {
			time.Sleep(time.Second)
			continue
		}
		if status != http.StatusOK {
			p.tb.Fatalf("POST /v1/auth/login: %d %v, want 200", status, out)
		}
		return out["access_token"].(string)
	}
}

// reviewer creates a staff member who holds only chores.review and returns its access token.
func (p *platform) reviewer(username string) string {
	p.tb.Helper()
	return p.staffLogin(username, accounts.PrivChoresReview)
}

// staffLogin creates a staff member with privs who has a second factor and has acknowledged the
// confidentiality statement, and returns their access token.
func (p *platform) staffLogin(username string, privs ...accounts.Privilege) string {
	p.tb.Helper()
	a, err := p.acc.CreateStaff(p.ctx, p.admin, username, password, privs)
	if err != nil {
		p.tb.Fatal(err)
	}
	p.acknowledge(a.ID)
	p.enrol(a.ID, username)
	return p.login(username)
}

// acknowledge records that staff member id acknowledged the confidentiality statement in force, as the
// console asks at the first login; without it none of their privileges takes effect.
func (p *platform) acknowledge(id string) {
	p.tb.Helper()
	if _, err := p.acc.AcknowledgeConfidentiality(p.ctx, accounts.Principal{AccountID: id, Role: accounts.RoleStaff},
		accounts.CurrentConfidentiality.Version); err != nil {
		p.tb.Fatal(err)
	}
}

// hexSig is an EIP-191 personal_sign signature, as a phone's wallet makes it.
func hexSig(tb testing.TB, key *ecdsa.PrivateKey, message string) string {
	tb.Helper()
	sig, err := crypto.Sign(ethaccounts.TextHash([]byte(message)), key)
	if err != nil {
		tb.Fatal(err)
	}
	sig[64] += 27
	return "0x" + hex.EncodeToString(sig)
}
