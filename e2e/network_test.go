package e2e_test

import (
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/heerlen/heitje/internal/devnet"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestThreeSignerNetwork runs the platform (CHAIN_CONFIRMATIONS=2) on a network of three signers and a
// non-signing RPC node, peered as static nodes: residents are minted coins and pay a shop with all three
// signers up; one signer is SIGKILLed, and the other two go on sealing, a mint and a second payment of each
// resident confirm; the signer is started again, catches up and seals again. Then a fourth signer joins:
// two of three vote it in with `heitje chain propose`, it seals, and three of four vote it out again, with
// a payment confirmed in each stage. Every payment is confirmed exactly once and `heitje reconcile` finds
// the ledger equal to the chain after each stage.
func TestThreeSignerNetwork(t *testing.T) {
	t.Parallel()
	const n, balance, price, victim = 6, 1000, 150, 1
	began := time.Now()
	net := testenv.StartNetwork(t, 3)
	p := newPlatformOn(t, net.ChainEnv)
	p.cfg.Confirmations = 2
	p.serve()
	bin := testenv.BuildCommand(t, "./cmd/heitje")
	rpcClient, err := rpc.DialContext(p.ctx, net.RPCURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rpcClient.Close)
	s := p.newShop("bakker", true)
	rs := p.fundedResidents(n, balance)
	tokens := p.logins(rs)
	t.Logf("network, platform, shop and %d residents with their coins ready after %s", n, time.Since(began).Round(time.Millisecond))

	submitted := map[string]bool{}
	pay := func(round int) {
		t.Helper()
		ids := make([]string, n)
		parallel(n, n, func(i int) {
			id, _ := p.request(s, price)
			req, err := p.walletClient(tokens[i]).PaymentRequest(p.ctx, id)
			if err != nil {
				t.Error(err)
				return
			}
			status, body, err := tryPost(http.DefaultClient, p.base, tokens[i], id, payBody(t, rs[i].key, req, nil), fmt.Sprint("net-", round, "-", i))
			if err != nil || status != http.StatusOK || body["status"] != "submitted" {
				t.Errorf("round %d, payment %d: %d %v %v", round, i, status, body, err)
			}
			ids[i] = id
		})
		if t.Failed() {
			t.FailNow()
		}
		for _, id := range ids {
			submitted[id] = true
		}
		p.waitFor(fmt.Sprint("round ", round, "'s payments to be confirmed"), 3*time.Minute, func() bool {
			return p.count(`SELECT count(*) FROM payment_request_states WHERE status = 'confirmed'`) == len(submitted)
		})
	}
	reconciled := func(stage string) {
		t.Helper()
		p.waitIndexed()
		cmd := exec.Command(bin, "reconcile")
		cmd.Dir = t.TempDir()
		cmd.Env = append(p.childEnv(), "CHAIN_CONFIRMATIONS=2")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "OK: every equality holds") {
			t.Fatalf("heitje reconcile %s: %v\n%s", stage, err, out)
		}
	}
	signerOf := func(block uint64) common.Address {
		t.Helper()
		var a common.Address
		if err := rpcClient.CallContext(p.ctx, &a, "clique_getSigner", hexutil.Uint64(block)); err != nil {
			t.Fatal(err)
		}
		return a
	}
	head := func() uint64 {
		t.Helper()
		h, err := p.client.BlockNumber(p.ctx)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}

	pay(0)
	reconciled("with three signers")

	victimAddr := devnet.SignerAddresses(3)[victim]
	if err := net.Kill(victim); err != nil {
		t.Fatal(err)
	}
	killedAt := head()
	t.Logf("signer %s killed at block %d", victimAddr.Hex(), killedAt)
	// Two of three signers may seal every other block each: the chain goes on without the third.
	p.waitFor("six blocks sealed by the other two signers", time.Minute, func() bool { return head() >= killedAt+6 })
	late, err := p.newResident("bewoner-tijdens-storing")
	if err != nil {
		t.Fatal(err)
	}
	p.fund(balance, late.addr) // a mint while the signer is down
	pay(1)
	reconciled("with a signer down")
	for b := killedAt + 2; b <= head(); b++ { // a block or two may have been on its way when it was killed
		if signerOf(b) == victimAddr {
			t.Fatalf("block %d is sealed by the killed signer", b)
		}
	}
	if got := p.ledgerBalance(late.addr); got != balance {
		t.Fatalf("the resident minted %d during the outage holds %d in the ledger", balance, got)
	}

	restarted := time.Now()
	net.Restart(t, victim)
	net.WaitCaughtUp(t, victim, 2*time.Minute)
	t.Logf("the signer caught up with the chain %s after its restart", time.Since(restarted).Round(time.Millisecond))
	from := head()
	p.waitFor("a block sealed by the restarted signer", time.Minute, func() bool {
		for b := from + 1; b <= head(); b++ {
			if signerOf(b) == victimAddr {
				return true
			}
		}
		return false
	})
	reconciled("after the restart")

	// A fourth signer is voted in and out again.
	heitje := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("heitje %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	signerURL := func(i int) string { return net.Node(i).RPCURL() }
	signers := func() []common.Address {
		t.Helper()
		var out []common.Address
		if err := rpcClient.CallContext(p.ctx, &out, "clique_getSigners", "latest"); err != nil {
			t.Fatal(err)
		}
		return out
	}
	latePays := func(stage string) {
		t.Helper()
		id, _ := p.request(s, price)
		req, err := p.walletClient(p.login(late.p.Username)).PaymentRequest(p.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		status, body := p.postPay(p.login(late.p.Username), id, payBody(t, late.key, req, nil), "net-late-"+strings.ReplaceAll(stage, " ", "-"))
		if status != http.StatusOK || body["status"] != "submitted" {
			t.Fatalf("payment %s: %d %v", stage, status, body)
		}
		submitted[id] = true
		p.waitFor("the payment "+stage+" to be confirmed", 3*time.Minute, func() bool {
			return p.count(`SELECT count(*) FROM payment_request_states WHERE status = 'confirmed'`) == len(submitted)
		})
	}
	fourth := net.Join(t)
	fourthAddr := devnet.SignerAddresses(4)[3]
	if out := heitje("chain", "signers", "--rpc", signerURL(0)); !strings.Contains(out, "3 signers:") || strings.Contains(out, fourthAddr.Hex()) {
		t.Fatalf("heitje chain signers before the vote:\n%s", out)
	}
	if out, err := exec.Command(bin, "chain", "propose", "--rpc", strings.Replace(signerURL(0), "127.0.0.1", "10.0.0.1", 1),
		"--add", fourthAddr.Hex()).CombinedOutput(); err == nil || !strings.Contains(string(out), "local endpoint") {
		t.Fatalf("heitje chain propose on an endpoint elsewhere: %v\n%s", err, out)
	}
	for _, i := range []int{0, 2} {
		heitje("chain", "propose", "--rpc", signerURL(i), "--add", fourthAddr.Hex())
	}
	p.waitFor("the fourth signer voted in", time.Minute, func() bool { return len(signers()) == 4 })
	for _, i := range []int{0, 2} { // else they would vote it in again once it is out
		heitje("chain", "propose", "--rpc", signerURL(i), "--discard", fourthAddr.Hex())
	}
	var out string
	p.waitFor("heitje chain signers on the fourth signer's node to list it", time.Minute, func() bool {
		out = heitje("chain", "signers", "--rpc", signerURL(fourth))
		return strings.Contains(out, "4 signers:") && strings.Contains(out, fourthAddr.Hex())
	})
	from = head()
	p.waitFor("a block sealed by the fourth signer", time.Minute, func() bool {
		for b := from + 1; b <= head(); b++ {
			if signerOf(b) == fourthAddr {
				return true
			}
		}
		return false
	})
	latePays("with four signers")
	reconciled("with four signers")
	for _, i := range []int{0, 1, 2} { // more than half of four
		heitje("chain", "propose", "--rpc", signerURL(i), "--remove", fourthAddr.Hex())
	}
	p.waitFor("the fourth signer voted out", time.Minute, func() bool { return len(signers()) == 3 })
	for _, i := range []int{0, 1, 2} {
		heitje("chain", "propose", "--rpc", signerURL(i), "--discard", fourthAddr.Hex())
	}
	p.waitFor("heitje chain signers to list three signers and no open vote", time.Minute, func() bool {
		out = heitje("chain", "signers", "--rpc", signerURL(1))
		return strings.Contains(out, "3 signers:") && !strings.Contains(out, fourthAddr.Hex()) && strings.Contains(out, "no open votes")
	})
	left := head()
	latePays("after the fourth signer left")
	for b := left + 2; b <= head(); b++ { // the block that removed it, and maybe one on its way, may be its own
		if signerOf(b) == fourthAddr {
			t.Fatalf("block %d is sealed by the signer voted out", b)
		}
	}

	p.waitBlocksIndexed(2)
	p.exactlyOnce(t, s, submitted, rs, price)
	if failed := p.count(`SELECT count(*) FROM payment_request_states WHERE status = 'failed'`); failed != 0 {
		t.Fatalf("%d payments failed", failed)
	}
	reconciled("after the fourth signer left")
	t.Logf("whole test in %s", time.Since(began).Round(time.Millisecond))
}
