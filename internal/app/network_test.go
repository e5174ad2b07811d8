package app

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/devnet"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

// TestReadyzOnNetwork runs the platform on a network of two signers and an RPC node: /readyz and the
// metrics report the RPC node's two peers and both signers; with one signer killed the peers drop to one and,
// as Clique lets neither of two signers seal twice in a row, the chain stalls and the head's age grows, while
// the API stays ready.
func TestReadyzOnNetwork(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	netw := testenv.StartNetwork(t, 2)
	pf := runOnNetwork(ctx, t, netw)
	base, metricsBase := pf.base, pf.metricsBase

	type report struct {
		Ready    bool `json:"ready"`
		Degraded bool `json:"degraded"`
		Network  *struct {
			Peers          uint64   `json:"peers"`
			HeadAgeSeconds float64  `json:"head_age_seconds"`
			Signers        []string `json:"chain_signers"`
		} `json:"network"`
	}
	var last report
	waitReadyz := func(what string, within time.Duration, ok func(report) bool) {
		t.Helper()
		deadline := time.Now().Add(within)
		for {
			res, err := http.Get(base + "/readyz")
			if err == nil {
				last = report{}
				err = json.NewDecoder(res.Body).Decode(&last)
				res.Body.Close()
				if err == nil && res.StatusCode == http.StatusOK && last.Ready && last.Network != nil && ok(last) {
					return
				}
			}
			if time.Now().After(deadline) {
				t.Fatalf("/readyz did not report %s within %s: %+v %+v (%v)", what, within, last, last.Network, err)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	metric := func(name string) float64 {
		t.Helper()
		m := regexp.MustCompile(`(?m)^` + name + ` (\S+)$`).FindStringSubmatch(scrape(t, metricsBase))
		if m == nil {
			t.Fatalf("no %s in the metrics", name)
		}
		v, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}

	var want []string
	for _, a := range devnet.SignerAddresses(2) {
		want = append(want, strings.ToLower(a.Hex()))
	}
	slices.Sort(want) // clique_getSigners lists them in ascending order
	waitReadyz("both signers as peers", time.Minute, func(r report) bool {
		return r.Network.Peers == 2 && strings.Join(r.Network.Signers, ",") == strings.Join(want, ",") &&
			r.Network.HeadAgeSeconds < 30
	})
	if metric("heitje_chain_peers") != 2 || metric("heitje_chain_signers") != 2 {
		t.Fatalf("metrics: peers %v, signers %v", metric("heitje_chain_peers"), metric("heitje_chain_signers"))
	}
	if age := metric("heitje_chain_head_age_seconds"); age < 0 || age > 30 {
		t.Fatalf("heitje_chain_head_age_seconds %v on a sealing chain", age)
	}

	if err := netw.Kill(1); err != nil {
		t.Fatal(err)
	}
	waitReadyz("one peer and a stalled head", 2*time.Minute, func(r report) bool {
		return r.Network.Peers == 1 && r.Network.HeadAgeSeconds > 5 && len(r.Network.Signers) == 2
	})
	// The metrics' age is computed at each scrape from the last measured head, so it grows as well.
	if age := metric("heitje_chain_head_age_seconds"); age <= 5 {
		t.Fatalf("heitje_chain_head_age_seconds %v while the chain stalls", age)
	}

	pf.stop()
}

// platformOnNetwork is the platform (CHAIN_CONFIRMATIONS=2) running on a test network's RPC node.
type platformOnNetwork struct {
	db                *store.DB
	client            *chain.Client
	token             common.Address
	base, metricsBase string
	stop              func() // stops the platform and fails the test if Run failed
}

// runOnNetwork deploys the coin on netw and runs the platform on its RPC node with 2 confirmations.
func runOnNetwork(ctx context.Context, t *testing.T, netw *testenv.Network) *platformOnNetwork {
	t.Helper()
	dbURL := testdb.URL(t)
	db, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	client, err := chain.Dial(ctx, netw.RPCURL, netw.ChainID.Uint64())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	minter, operator, relayer := netw.FundedKey(t), netw.FundedKey(t), netw.FundedKey(t)
	dep, err := chain.DeployToken(ctx, client, netw.FundedKey(t), chain.Roles{
		Minter: crypto.PubkeyToAddress(minter.PublicKey), Operator: crypto.PubkeyToAddress(operator.PublicKey),
		Treasury: common.HexToAddress("0x00000000000000000000000000000000000000aa"),
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{DatabaseURL: dbURL, EthRPCURL: netw.RPCURL, ChainID: netw.ChainID.Uint64(), TokenAddress: dep.Address,
		TokenDeployBlock: dep.Block, Confirmations: 2, MinterKey: minter, OperatorKey: operator, RelayerKeys: []*ecdsa.PrivateKey{relayer},
		ShutdownTimeout: 5 * time.Second, Secrets: testSecrets(t), Web: config.Web{PublicBaseURL: config.DefaultPublicBaseURL}}
	p, err := Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.ServeMetrics(mln)
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- p.Run(runCtx, ln) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return &platformOnNetwork{db: db, client: client, token: dep.Address, base: "http://" + ln.Addr().String(),
		metricsBase: "http://" + mln.Addr().String(), stop: stop}
}
