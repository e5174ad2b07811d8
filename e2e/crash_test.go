package e2e_test

import (
	"bufio"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/testenv"
)

// childEnv is the platform's configuration as `heitje serve` reads it from the environment.
func (p *platform) childEnv() []string {
	c := p.cfg
	var relayers []string
	for _, k := range c.RelayerKeys {
		relayers = append(relayers, hex.EncodeToString(crypto.FromECDSA(k)))
	}
	vars := map[string]string{
		"DATABASE_URL": c.DatabaseURL, "ETH_RPC_URL": c.EthRPCURL, "GENESIS_FILE": c.GenesisFile,
		"TOKEN_ADDRESS": c.TokenAddress.Hex(), "TOKEN_DEPLOY_BLOCK": strconv.FormatUint(c.TokenDeployBlock, 10),
		"MINTER_KEY": hex.EncodeToString(crypto.FromECDSA(c.MinterKey)), "OPERATOR_KEY": hex.EncodeToString(crypto.FromECDSA(c.OperatorKey)),
		"RELAYER_KEYS": strings.Join(relayers, ","), "TREASURY_ADDRESS": c.TreasuryAddress.Hex(),
		"HTTP_ADDR": "127.0.0.1:0", "LOG_FORMAT": "json",
		"JWT_SECRET": hex.EncodeToString(c.JWTSecret), "LOOKUP_KEY": hex.EncodeToString(c.LookupKey),
		"DATA_KEY":  c.DataKey.ID + ":" + base64.StdEncoding.EncodeToString(c.DataKey.Secret),
		"PHOTO_DIR": c.PhotoDir, "MAX_PHOTO_BYTES": strconv.FormatInt(c.MaxPhotoBytes, 10),
		// The test chain is the development network, with its chain id.
		"HEITJE_DEV_MODE": "1",
	}
	out := []string{"PATH=" + os.Getenv("PATH")}
	for k, v := range vars {
		out = append(out, k+"="+v)
	}
	return out
}

// startChild runs `heitje serve` and points the platform's base URL at it once it serves. extra are
// further NAME=value settings.
func (p *platform) startChild(t testing.TB, bin string, extra ...string) *exec.Cmd {
	t.Helper()
	cmd, base := p.startChildAt(t, bin, extra...)
	p.base = base
	return cmd
}

// startChildAt runs `heitje serve` as startChild does and returns its base URL once it serves, leaving the
// platform's base URL as it is, so that several children can serve side by side.
func (p *platform) startChildAt(t testing.TB, bin string, extra ...string) (*exec.Cmd, string) {
	t.Helper()
	return startServe(t, bin, append(p.childEnv(), extra...))
}

// startServe runs `heitje serve` with the environment env (LOG_FORMAT=json, for its "serving" line) and
// returns the process and its base URL once it serves; the process is killed when the test ends.
func startServe(t testing.TB, bin string, env []string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "serve")
	cmd.Dir = t.TempDir() // no .run/heitje.env here
	cmd.Env = env
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "serving" {
				addr <- line.Addr
			}
			if os.Getenv("HEITJE_E2E_LOG") != "" {
				fmt.Fprintln(os.Stderr, "child:", sc.Text())
			}
		}
	}()
	select {
	case a := <-addr:
		return cmd, "http://" + a
	case <-time.After(2 * time.Minute):
		t.Fatal("heitje serve did not start serving within 2 minutes")
		return nil, ""
	}
}

// TestKilledBetweenApprovalAndConfirmationMintsExactlyOnce approves 200 claims through `heitje serve` in a
// child process, kills it with SIGKILL right after the last approval (before the mints are confirmed),
// starts it again, and checks that exactly 200 mints happened: one Minted event per claim reference on
// chain, one intent per claim, every claim rewarded, and a total supply of exactly 200 rewards.
func TestKilledBetweenApprovalAndConfirmationMintsExactlyOnce(t *testing.T) {
	t.Parallel()
	const n, reward = 200, 100
	bin := testenv.BuildCommand(t, "./cmd/heitje")
	p := newPlatform(t)
	rs := p.residents(n)
	ids := p.submittedClaims(rs, p.chore(reward, n))
	first := p.startChild(t, bin)
	reviewerTok := p.reviewer("keurder")
	var mu sync.Mutex
	var failed []string
	parallel(n, 8, func(i int) {
		if status, body := p.call("POST", "/v1/admin/claims/"+ids[i]+"/approve", reviewerTok, nil); status != http.StatusOK {
			mu.Lock()
			failed = append(failed, fmt.Sprintf("%d %v", status, body))
			mu.Unlock()
		}
	})
	first.Process.Kill() // SIGKILL: no graceful stop, no deferred cleanup
	first.Wait()
	if len(failed) > 0 {
		t.Fatalf("%d approvals failed, e.g. %s", len(failed), failed[0])
	}
	confirmedAtKill := p.count(`SELECT count(*) FROM chain_intents WHERE status = 'confirmed'`)
	t.Logf("at the kill: of %d mints %d confirmed, %d signed and sent, %d queued", n, confirmedAtKill,
		p.count(`SELECT count(*) FROM chain_intents WHERE status = 'sent'`),
		p.count(`SELECT count(*) FROM chain_intents WHERE status = 'queued'`))
	if confirmedAtKill == n {
		t.Fatal("every mint was confirmed before the kill: the test did not cut in between")
	}
	p.startChild(t, bin)
	p.waitFor("every claim to be rewarded after the restart", 3*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM claims WHERE status = 'rewarded'`) == n
	})
	p.waitBlocksIndexed(2) // in which a duplicate would land
	if got := p.count(`SELECT count(*) FROM chain_intents WHERE kind = 'mint' AND status = 'confirmed'`); got != n ||
		p.count(`SELECT count(*) FROM chain_intents`) != n {
		t.Fatalf("%d confirmed mint intents, want %d", got, n)
	}
	refs := p.mintedRefs()
	if len(refs) != n {
		t.Fatalf("%d distinct Minted references on chain, want %d", len(refs), n)
	}
	for _, id := range ids {
		if refs[chores.ClaimRef(id)] != 1 {
			t.Fatalf("claim %s minted %d times", id, refs[chores.ClaimRef(id)])
		}
	}
	if supply := p.totalSupply(); supply.Cmp(big.NewInt(n*reward)) != 0 {
		t.Fatalf("total supply %s, want %d", supply, n*reward)
	}
	for _, r := range rs[:5] {
		if got := p.balanceOf(r.addr); got.Cmp(big.NewInt(reward)) != 0 {
			t.Fatalf("resident balance %s, want %d", got, reward)
		}
	}
}
