package e2e_test

import (
	"context"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestPayoutRunInterruptedHalfwayRedeemsEachShopOnce: four shops take payments through `heitje serve` in a
// child process, which is then killed with SIGKILL; finance drafts a run with `heitje payout`. The run is executed
// while no process serves, and a stand-in for the operator's sender sends only half of the redeems, which
// are mined, and stops. `heitje serve` is started again: it finishes the run, and every shop is redeemed
// exactly once (one Redeemed event and one intent per shop), for the amount of its line.
func TestPayoutRunInterruptedHalfwayRedeemsEachShopOnce(t *testing.T) {
	t.Parallel()
	bin := testenv.BuildCommand(t, "./cmd/heitje")
	p := newPlatform(t)
	first := p.startChild(t, bin)
	shops := []shop{p.newShop("bakker", true), p.newShop("slager", true), p.newShop("groenteboer", true), p.newShop("kapper", true)}
	rs := p.fundedResidents(len(shops), 2000)
	want := map[string]int64{}
	for i, s := range shops {
		cents := int64(300 + 100*i)
		p.pay(s, rs[i], p.login(rs[i].p.Username), cents)
		want[s.id] = cents
	}
	p.waitIndexed()
	fin := p.finance("penningmeester")
	first.Process.Kill() // SIGKILL: no graceful stop
	first.Wait()

	// Finance drafts the run on the command line.
	day := today(t).Format(time.DateOnly)
	out := p.heitje(t, bin, "payout", "create", "--as", "penningmeester", "--from", day, "--to", day)
	id, _, _ := strings.Cut(out, " ")
	if !strings.Contains(out, "draft") || !strings.Contains(out, "4 shops") {
		t.Fatalf("payout create:\n%s", out)
	}
	if list := p.heitje(t, bin, "payout", "list", "--as", "penningmeester"); !strings.HasPrefix(list, id) {
		t.Fatalf("payout list:\n%s", list)
	}
	if csv := p.heitje(t, bin, "payout", "report", "--as", "penningmeester", id); !strings.HasPrefix(csv, "shop_id,business_name,") {
		t.Fatalf("payout report:\n%s", csv)
	}

	// Execute while nobody serves; then send only half of the redeems.
	svc, err := app.NewPayouts(p.cfg, p.db, logger(), nil)
	if err != nil {
		t.Fatal(err)
	}
	finActor := p.admin
	executed, err := svc.Execute(p.ctx, finActor, id, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Execute(p.ctx, finActor, id, ""); err == nil {
		t.Fatal("a second execution was accepted")
	}
	ref := executed.Ref
	p.sendSome("operator", len(shops)/2)
	p.waitFor("half of the redeems on chain", 2*time.Minute, func() bool {
		cents, _ := p.redeemedOnChain(ref)
		return len(cents) == len(shops)/2
	})
	if n := p.count(`SELECT count(*) FROM chain_intents WHERE kind = 'redeem' AND status = 'queued'`); n != len(shops)/2 {
		t.Fatalf("%d redeems still queued, want %d", n, len(shops)/2)
	}

	// The next start finishes the run.
	p.startChild(t, bin)
	p.waitRun(fin, id, "executed")
	if show := p.heitje(t, bin, "payout", "show", "--as", "penningmeester", id); !strings.Contains(show, "executed") ||
		strings.Count(show, "redeemed") != len(shops) {
		t.Fatalf("payout show:\n%s", show)
	}
	cents, times := p.redeemedOnChain(ref)
	for _, s := range shops {
		if cents[s.addr] != want[s.id] || times[s.addr] != 1 {
			t.Errorf("shop %s: redeemed %d in %d events, want %d once", s.name, cents[s.addr], times[s.addr], want[s.id])
		}
		if p.balanceOf(s.addr).Sign() != 0 {
			t.Errorf("shop %s still holds %s", s.name, p.balanceOf(s.addr))
		}
	}
	if n := p.count(`SELECT count(*) FROM chain_intents WHERE idempotency_key LIKE $1`, "payout:"+id+":%"); n != len(shops) {
		t.Fatalf("%d redeem intents for %d shops", n, len(shops))
	}
	var total int64
	for _, c := range want {
		total += c
	}
	if supply := p.totalSupply().Int64(); supply != int64(len(rs))*2000-total {
		t.Fatalf("total supply %d, want %d", supply, int64(len(rs))*2000-total)
	}
	p.waitIndexed()
	if rep, err := app.NewReconciler(p.cfg, p.db.Reconcile(), p.client).Reconcile(p.ctx); err != nil || !rep.OK() {
		t.Fatalf("reconciliation after the restart: %+v %v", rep, err)
	}
}

// sendSome runs a sender for signer's key that sends one batch of n queued intents, waits for their
// receipts on chain and stops: a process that dies after half its work.
func (p *platform) sendSome(signer outbox.Signer, n int) {
	p.tb.Helper()
	s := chain.NewSender(signer, p.cfg.OperatorKey, p.client, p.db.Outbox(), chain.NewToken(p.cfg.TokenAddress), logger())
	s.BatchSize, s.PollInterval = n, time.Hour
	ctx, stop := context.WithCancel(p.ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.Run(ctx)
	}()
	p.waitFor("the sender's batch", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM chain_intents WHERE signer = $1 AND kind = 'redeem' AND status = 'sent'`, signer) == n
	})
	stop()
	wg.Wait()
}

// heitje runs the heitje command with the platform's configuration and returns its standard output; it
// fails the test when the command fails.
func (p *platform) heitje(t *testing.T, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = t.TempDir(), p.childEnv()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("heitje %v: %v\n%s", args, err, out)
	}
	return string(out)
}
