package chain_test

import (
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/testenv"
)

// BenchmarkOutboxMints measures how long 1,000 mint intents take from the moment they are queued until the
// sender has confirmed all of them on the real Clique node (1 s blocks).
func BenchmarkOutboxMints(b *testing.B) {
	for i := 0; i < b.N; i++ {
		benchMints(b, testenv.BenchSize(1000, 20))
	}
}

func benchMints(b *testing.B, n int) {
	b.Helper()
	f := newFixture(b)
	s := chain.NewSender("minter", f.minter, f.client, f.db.Outbox(), f.token, quiet)
	stop := runSender(f, s)
	defer stop()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < n; i++ {
		if _, err := f.db.Outbox().Enqueue(f.ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint,
			IdempotencyKey: fmt.Sprint("bench-", i), Args: outbox.Args{To: common.BigToAddress(big.NewInt(int64(0x300000 + i))), Amount: big.NewInt(100),
				Ref: common.BigToHash(big.NewInt(int64(0x500000 + i)))}}); err != nil { // the coin mints once per reference
			b.Fatal(err)
		}
	}
	queued := time.Since(start)
	f.waitCounts(b, func(c map[outbox.Status]int64) bool { return c[outbox.StatusConfirmed] == int64(n) }, 120*time.Second)
	total := time.Since(start)
	b.StopTimer()
	b.ReportMetric(total.Seconds(), "s_to_confirm_all")
	b.ReportMetric(float64(n)/total.Seconds(), "mints/s")
	b.ReportMetric((total - queued).Seconds(), "s_after_last_queued")
}
