package chain_test

import (
	"bytes"
	"log/slog"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestSenderWarnsOncePerIntervalWhileTheNodeIsDown: a sender polling every 10 ms whose node is killed logs
// the first failure at once and then at most one warning per WarnEvery (1 s) with the count it held back,
// not a hundred a second; when the node is back it says so once at Info and sends again.
func TestSenderWarnsOncePerIntervalWhileTheNodeIsDown(t *testing.T) {
	own := testenv.StartOwnChain(t)
	f := newFixtureOn(t, own.ChainEnv)
	var logs lockedBuffer
	s := chain.NewSender("minter", f.minter, f.client, f.db.Outbox(), f.token, slog.New(slog.NewTextHandler(&logs, nil)))
	s.PollInterval, s.WarnEvery = 10*time.Millisecond, time.Second
	defer runSender(f, s)()
	mint := func(key string) {
		t.Helper()
		if _, err := f.db.Outbox().Enqueue(f.ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: key,
			Args: outbox.Args{To: common.HexToAddress("0xb0b"), Amount: big.NewInt(100)}}); err != nil {
			t.Fatal(err)
		}
	}
	mint("before")
	f.waitCounts(t, func(c map[outbox.Status]int64) bool { return c[outbox.StatusConfirmed] == 1 }, 2*time.Minute)

	own.Kill(t)
	killed := time.Now()
	warnings := func() []string { return logs.lines("level=WARN") }
	waitFor(t, "four warnings", time.Minute, func() bool { return len(warnings()) >= 4 })
	elapsed := time.Since(killed)
	ws := warnings()
	if limit := int(elapsed/s.WarnEvery) + 2; len(ws) > limit {
		t.Fatalf("%d warnings in %s, want at most %d:\n%s", len(ws), elapsed, limit, strings.Join(ws, "\n"))
	}
	held := 0
	for _, w := range ws[1:] {
		m := regexp.MustCompile(` held_back=(\d+)`).FindStringSubmatch(w)
		if m == nil {
			t.Fatalf("a repeated warning without the count held back: %s", w)
		}
		n, _ := strconv.Atoi(m[1])
		held += n
	}
	if held < 20 {
		t.Fatalf("only %d failures held back in %s of polling every 10 ms:\n%s", held, elapsed, strings.Join(ws, "\n"))
	}

	own.Restart(t)
	waitFor(t, "the recovery's info line", 2*time.Minute, func() bool { return len(logs.lines("sender rounds work again")) > 0 })
	if n := len(logs.lines("sender rounds work again")); n != 1 {
		t.Fatalf("recovery logged %d times", n)
	}
	mint("after")
	f.waitCounts(t, func(c map[outbox.Status]int64) bool { return c[outbox.StatusConfirmed] == 2 }, 2*time.Minute)
}

// lockedBuffer is a log destination that goroutines may write while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// lines returns the lines that contain s.
func (b *lockedBuffer) lines(s string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, l := range strings.Split(b.buf.String(), "\n") {
		if strings.Contains(l, s) {
			out = append(out, l)
		}
	}
	return out
}

// waitFor polls cond until it holds, failing the test after within.
func waitFor(t *testing.T, what string, within time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
