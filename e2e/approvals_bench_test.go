package e2e_test

import (
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/testenv"
)

// BenchmarkApprovalsToMints measures 1,000 approvals through the API (eight reviewers' requests at a time)
// until all their mints are confirmed on the real Clique node (1 s blocks), with the whole platform
// running: senders, indexer and chores worker. The figure that matters is s_after_last_approval (design
// §7: within 10 s of the last approval).
func BenchmarkApprovalsToMints(b *testing.B) {
	for range b.N {
		benchApprovals(b, testenv.BenchSize(1000, 20))
	}
}

func benchApprovals(b *testing.B, n int) {
	b.StopTimer()
	p := newPlatform(b)
	p.serve()
	ids := p.submittedClaims(p.residents(n), p.chore(100, n))
	tok := p.reviewer("keurder")
	var failed atomic.Int64
	b.StartTimer()
	start := time.Now()
	parallel(n, 8, func(i int) {
		if status, _ := p.call("POST", "/v1/admin/claims/"+ids[i]+"/approve", tok, nil); status != http.StatusOK {
			failed.Add(1)
		}
	})
	lastApproval := time.Now()
	if failed.Load() > 0 {
		b.Fatalf("%d approvals failed", failed.Load())
	}
	confirmed := func() bool {
		return p.count(`SELECT count(*) FROM chain_intents WHERE kind = 'mint' AND status = 'confirmed'`) == n
	}
	for !confirmed() {
		if time.Since(lastApproval) > 2*time.Minute {
			b.Fatal("the mints were not confirmed within 2 minutes")
		}
		time.Sleep(20 * time.Millisecond)
	}
	allMinted := time.Now()
	b.StopTimer()
	p.waitFor("every claim to be rewarded", time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM claims WHERE status = 'rewarded'`) == n
	})
	rewarded := time.Now()
	b.ReportMetric(allMinted.Sub(lastApproval).Seconds(), "s_after_last_approval")
	b.ReportMetric(lastApproval.Sub(start).Seconds(), "s_approving")
	b.ReportMetric(float64(n)/lastApproval.Sub(start).Seconds(), "approvals/s")
	b.ReportMetric(rewarded.Sub(lastApproval).Seconds(), "s_until_rewarded")
}
