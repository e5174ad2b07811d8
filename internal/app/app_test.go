package app

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

// TestPlatformServesAndMints starts the composed platform against the real Postgres and Clique node and
// checks the operator endpoints, the error envelope, a mint flowing through outbox → sender → chain →
// indexer, and a graceful stop.
func TestPlatformServesAndMints(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.Chain(t)
	dbURL := testdb.URL(t)
	db, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	client, err := chain.Dial(ctx, env.RPCURL, env.ChainID.Uint64())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	minter, operator, relayer := env.FundedKey(t), env.FundedKey(t), env.FundedKey(t)
	dep, err := chain.DeployToken(ctx, client, env.FundedKey(t), chain.Roles{
		Minter: crypto.PubkeyToAddress(minter.PublicKey), Operator: crypto.PubkeyToAddress(operator.PublicKey),
		Treasury: common.HexToAddress("0x00000000000000000000000000000000000000aa"),
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{DatabaseURL: dbURL, EthRPCURL: env.RPCURL, ChainID: env.ChainID.Uint64(), TokenAddress: dep.Address,
		TokenDeployBlock: dep.Block, MinterKey: minter, OperatorKey: operator, RelayerKeys: []*ecdsa.PrivateKey{relayer},
		ShutdownTimeout: 5 * time.Second, Secrets: testSecrets(t), Web: config.Web{PublicBaseURL: config.DefaultPublicBaseURL}}
	p, err := Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	mln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.ServeMetrics(mln)
	metricsBase := "http://" + mln.Addr().String()
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- p.Run(runCtx, ln) }()

	get := func(path string, hdr ...string) (*http.Response, map[string]any) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, base+path, nil)
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		var m map[string]any
		json.Unmarshal(body, &m)
		if m == nil {
			m = map[string]any{"raw": string(body)}
		}
		return res, m
	}

	if res, _ := get("/healthz"); res.StatusCode != 200 {
		t.Fatalf("/healthz %d", res.StatusCode)
	}
	var firstBlock float64
	deadline := time.Now().Add(2 * time.Minute)
	for {
		res, body := get("/readyz")
		if res.StatusCode == 200 {
			firstBlock = body["block_number"].(float64)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz never became ready: %v", body)
		}
		time.Sleep(200 * time.Millisecond)
	}
	for {
		_, body := get("/readyz")
		if n, _ := body["block_number"].(float64); n > firstBlock {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("block number does not rise: %v then %v", firstBlock, body["block_number"])
		}
		time.Sleep(200 * time.Millisecond)
	}
	res, body := get("/v1/no-such-thing", "X-Request-ID", "trace-123")
	if res.StatusCode != 404 || res.Header.Get("X-Request-ID") != "trace-123" {
		t.Fatalf("unknown route: %d, request id %q", res.StatusCode, res.Header.Get("X-Request-ID"))
	}
	if e, _ := body["error"].(map[string]any); e == nil || e["code"] != "not_found" {
		t.Fatalf("unknown route body is not the error envelope: %v", body)
	}
	if _, body := get("/v1/chain"); !strings.EqualFold(body["token_address"].(string), dep.Address.Hex()) {
		t.Fatalf("/v1/chain: %v", body)
	}

	to := common.HexToAddress("0x00000000000000000000000000000000000b0b01")
	if _, err := db.Outbox().Enqueue(ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: "app-test-1",
		Args: outbox.Args{To: to, Amount: big.NewInt(1234)}}); err != nil {
		t.Fatal(err)
	}
	for {
		bal, err := db.Ledger().Balance(ctx, to)
		if err != nil {
			t.Fatal(err)
		}
		if bal.Int64() == 1234 {
			break
		}
		if time.Now().After(deadline.Add(2 * time.Minute)) {
			t.Fatalf("the mint never reached the ledger (balance %s)", bal)
		}
		time.Sleep(100 * time.Millisecond)
	}
	// The metrics are on their own listener, not on the public one.
	if res, m := get("/metrics"); res.StatusCode == 200 && strings.Contains(fmt.Sprint(m), "heitje_indexer_block") {
		t.Fatal("the public listener serves the metrics")
	}
	if m := scrape(t, metricsBase); !strings.Contains(m, "heitje_indexer_block") {
		t.Fatal("the metrics listener's /metrics lacks the indexer gauge")
	}

	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run returned %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the platform did not stop within a minute (its shutdown timeout is 5 s)")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Fatal("the server still answers after stopping")
	}
}

// scrape returns the text of GET /metrics at base.
func scrape(t *testing.T, base string) string {
	t.Helper()
	res, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s/metrics: %d %v", base, res.StatusCode, err)
	}
	return string(body)
}
