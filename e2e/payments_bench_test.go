package e2e_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/testenv"
)

// paymentSizes are the benchmark's sizes: payments per throughput run, residents paying (each pays
// n/residents of them), relayer keys (as many for the direct run as the API has), payments sent at once in
// the API run (all of them, as the direct run sends all its transactions at once), and the steady load of
// the latency run.
type paymentSizes struct {
	n, residents, relayers, phones int
	warm                           int // payments at once before (b), one per resident
	steadyRate, steadyCount        int // payments per second, payments
}

func paymentBenchSizes() paymentSizes {
	n, residents := testenv.BenchSize(1000, 40), testenv.BenchSize(250, 10)
	return paymentSizes{n: n, residents: residents, relayers: 4, phones: n, warm: residents, steadyRate: 100,
		steadyCount: testenv.BenchSize(600, 20)}
}

// BenchmarkPayments measures, in one run on one chain: (a) n pre-signed EIP-3009 relay transactions sent
// straight to the node by four relayer keys, until all are mined; (b) n payments of pre-signed
// authorizations through the API over HTTP, all sent at once, until all are confirmed; the ratio of the two
// rates; and (c), separately, the time from pressing pay to the confirmed event at a steady 100 payments per
// second. The CPU figures of (a) and (b) both start after the signing, as a phone signs before pay is pressed;
// in (b) the phones run in a process of their own, so that the platform's figure (this process: the API, the
// senders, the indexer) is its own. (b) is measured warm, as on a platform that has run a while: one payment
// per resident at once goes first, which fills the database pool and has each of its connections plan the
// payment's statements; what that first round cost is printed apart. (b) prints the statements and round
// trips per payment that the database served, writes the platform's CPU profile and lists the statements by
// their time in the server (issue 20 asks for Postgres ≤ 1.0 ms and the platform ≤ 1.5 ms of CPU per
// payment). Design §7 asks for a ratio ≥ 0.8 and a p99 ≤ 2 block periods + 250 ms.
func BenchmarkPayments(b *testing.B) {
	for range b.N {
		benchPayments(b)
	}
}

func benchPayments(b *testing.B) {
	sz := paymentBenchSizes()
	// The platform runs in this process: with the garbage collection heitje serve sets.
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	b.Cleanup(func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) })
	gc := app.TuneGC(os.Getenv)
	p := newPlatform(b)
	env := testenv.Chain(b)
	for len(p.cfg.RelayerKeys) < sz.relayers {
		p.cfg.RelayerKeys = append(p.cfg.RelayerKeys, env.FundedKey(b))
	}
	p.serve()
	s := p.newShop("markt", true)
	rs := p.fundedResidents(sz.residents, 2000)
	tokens := p.logins(rs)
	b.ResetTimer()

	// The platform's CPU profile and the statements of (b), kept for reading after a full run.
	dir := os.TempDir()
	if testing.Short() {
		dir = b.TempDir()
	}
	profile, statements := filepath.Join(dir, "heitje-payments-cpu.pprof"), filepath.Join(dir, "heitje-payments-statements.txt")
	direct, directCPU := p.benchDirect(sz, rs, s, env)
	api, apiCPU, apiSQL := p.benchAPI(sz, rs, tokens, s, profile)
	lat := p.benchSteady(sz, rs, tokens, s)
	b.StopTimer()

	directRate, apiRate := float64(sz.n)/direct.Seconds(), float64(sz.n)/api.Seconds()
	slices.Sort(lat)
	p50, p99 := lat[len(lat)/2], lat[len(lat)*99/100]
	b.ReportMetric(directRate, "direct_tx/s")
	b.ReportMetric(apiRate, "api_payments/s")
	b.ReportMetric(apiRate/directRate, "ratio")
	b.ReportMetric(float64(p50.Milliseconds()), "p50_ms")
	b.ReportMetric(float64(p99.Milliseconds()), "p99_ms")
	b.Logf("(a) %d pre-signed relay transactions straight to the node: all mined after %s: %.0f tx/s", sz.n, direct.Round(time.Millisecond), directRate)
	b.Logf("(b) %d payments through the API (%d residents, %d at once): all confirmed after %s: %.0f payments/s; ratio %.2f (target ≥ 0.80)",
		sz.n, sz.residents, sz.phones, api.Round(time.Millisecond), apiRate, apiRate/directRate)
	b.ReportMetric(apiCPU.ms("postgres", sz.n), "postgres_ms/payment")
	b.ReportMetric(apiCPU.ms("platform", sz.n), "platform_ms/payment")
	b.ReportMetric(float64(apiSQL.statements)/float64(sz.n), "statements/payment")
	b.ReportMetric(float64(apiSQL.roundTrips)/float64(sz.n), "roundtrips/payment")
	b.Logf("CPU per payment, after signing: (a) %s; (b) %s (targets: postgres ≤ 1.0 ms, platform ≤ 1.5 ms); the platform's garbage collection: %s",
		directCPU.perItem(sz.n), apiCPU.perItem(sz.n), gc)
	if err := os.WriteFile(statements, []byte(strings.Join(apiSQL.topLines(30, sz.n), "\n")+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Logf("(b) database per payment: %s; the platform's CPU profile: %s; the statements by execution time: %s",
		apiSQL.summary(sz.n), profile, statements)
	b.Logf("(c) %d payments at %d/s: pay → confirmed p50 %s, p99 %s, max %s (target p99 ≤ 2.25 s)", len(lat), sz.steadyRate,
		p50.Round(time.Millisecond), p99.Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
}

// benchDirect signs sz.n authorizations of €1 each from the residents to the shop, wraps them in
// transactions of sz.relayers fresh keys, and times sending them until all are mined; it reports the CPU
// time used from the first send.
func (p *platform) benchDirect(sz paymentSizes, rs []resident, s shop, env *testenv.ChainEnv) (time.Duration, cpuUse) {
	p.tb.Helper()
	keys := make([]*ecdsa.PrivateKey, sz.relayers)
	for i := range keys {
		keys[i] = env.FundedKey(p.tb)
	}
	d := payments.Domain{ChainID: p.cfg.ChainID, Token: p.deploy.Address}
	now := uint64(time.Now().Unix())
	baseFee := p.baseFee()
	txs := make([]*types.Transaction, sz.n)
	for i := range txs {
		r := rs[i%len(rs)]
		a := payments.Authorization{From: r.addr, To: s.addr, Value: big.NewInt(100), ValidAfter: now - 60, ValidBefore: now + 600}
		rand.Read(a.Nonce[:])
		var err error
		if a.Signature, err = payments.Sign(d, a, r.key); err != nil {
			p.tb.Fatal(err)
		}
		txs[i] = p.relayTx(keys[i%sz.relayers], uint64(i/sz.relayers), a, baseFee)
	}
	cpu := p.cpuMeter()
	c0 := cpu.read()
	start := time.Now()
	p.sendRaw(txs)
	for k, key := range keys {
		want := uint64((sz.n - k + sz.relayers - 1) / sz.relayers)
		for {
			n, err := p.client.NonceAt(p.ctx, crypto.PubkeyToAddress(key.PublicKey), nil)
			if err != nil {
				p.tb.Fatal(err)
			}
			if n >= want {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	took := time.Since(start)
	used := cpu.read().since(c0)
	for _, i := range []int{0, sz.n / 2, sz.n - 1} {
		if r, err := p.client.TransactionReceipt(p.ctx, txs[i].Hash()); err != nil || r.Status != types.ReceiptStatusSuccessful {
			p.tb.Fatalf("direct relay %d: %v %v", i, r, err)
		}
	}
	return took, used
}

// signedPayment is a payment request with the phone's signed answer, ready to send.
type signedPayment struct {
	id, token string
	body      map[string]any
}

// prepare has the shop make n requests of €1 under reference ref and the residents (in turn) read and
// sign them, as phones would before they press pay.
func (p *platform) prepare(rs []resident, tokens []string, s shop, n int, ref string) []signedPayment {
	p.tb.Helper()
	out := make([]signedPayment, n)
	parallel(n, 8, func(i int) {
		code, body := p.call("POST", "/v1/shop/payment-requests", s.token, map[string]any{"amount_cents": 100, "reference": ref})
		if code != http.StatusCreated {
			p.tb.Errorf("request: %d %v", code, body)
			return
		}
		r := i % len(rs)
		req, err := p.walletClient(tokens[r]).PaymentRequest(p.ctx, body["id"].(string))
		if err != nil {
			p.tb.Error(err)
			return
		}
		out[i] = signedPayment{id: req.ID, token: tokens[r], body: payBody(p.tb, rs[r].key, req, nil)}
	})
	if p.tb.Failed() {
		p.tb.FailNow()
	}
	return out
}

// benchAPI times sz.n payments through the API, sz.phones at once, until the last is confirmed. The phones
// run in a process of their own; it reports the CPU time used meanwhile, with the phones' apart, and the
// statements and round trips the platform's database served, and writes a CPU profile of this process
// (the platform) over the same time to profile, and with HEITJE_BENCH_PERF set one of Postgres beside it.
func (p *platform) benchAPI(sz paymentSizes, rs []resident, tokens []string, s shop, profile string) (time.Duration, cpuUse, sqlUse) {
	p.tb.Helper()
	cpu, sql := p.cpuMeter(), p.sqlMeter()
	warm := p.prepare(rs, tokens, s, sz.warm, "bench-warm-up")
	ph := p.startPhones(phonesFor(p.base, sz.warm, warm))
	mark, c0 := sql.start(), cpu.read()
	ph.start()
	ph.wait()
	sql.waitConfirmed("bench-warm-up", sz.warm)
	p.tb.Logf("(b) warm-up, %d payments at once (one per resident): CPU per payment %s; database per payment: %s",
		sz.warm, cpu.read().since(c0).perItem(sz.warm), sql.since(mark).summary(sz.warm))

	ph = p.startPhones(phonesFor(p.base, sz.phones, p.prepare(rs, tokens, s, sz.n, "bench-throughput")))
	prof, err := os.Create(profile)
	if err != nil {
		p.tb.Fatal(err)
	}
	defer prof.Close()
	mark, c0 = sql.start(), cpu.read()
	if err := pprof.StartCPUProfile(prof); err != nil {
		p.tb.Fatal(err)
	}
	stopPerf := cpu.recordPostgres(p.tb, filepath.Join(filepath.Dir(profile), "heitje-payments-postgres.perf"))
	start := time.Now()
	ph.start()
	res := ph.wait()
	answered := time.Since(start)
	durs := res.Took
	slices.Sort(durs)
	p.tb.Logf("(b) pay calls answered: p50 %s, p90 %s, max %s (each waits up to 1.5 s for its transaction hash)",
		durs[len(durs)/2].Round(time.Millisecond), durs[len(durs)*9/10].Round(time.Millisecond), durs[len(durs)-1].Round(time.Millisecond))
	sql.waitConfirmed("bench-throughput", sz.n)
	took := time.Since(start)
	pprof.StopCPUProfile()
	stopPerf()
	used := cpu.read().since(c0)
	used["phones"] = res.CPU
	stmts := sql.since(mark)
	p.tb.Logf("(b) all %d pay calls answered after %s", sz.n, answered.Round(time.Millisecond))
	return took, used, stmts
}

// phonesFor is the phones' run of pays, width at once.
func phonesFor(base string, width int, pays []signedPayment) phonesRun {
	run := phonesRun{Base: base, Width: width, Pays: make([]signedPay, len(pays))}
	for i, pay := range pays {
		run.Pays[i] = signedPay{ID: pay.id, Token: pay.token, Key: "bench-" + pay.id, Body: pay.body}
	}
	return run
}

// benchSteady sends sz.steadyCount payments at sz.steadyRate per second, each followed by its event stream
// as the phone would, and returns the times from pressing pay to the confirmed event.
func (p *platform) benchSteady(sz paymentSizes, rs []resident, tokens []string, s shop) []time.Duration {
	p.tb.Helper()
	pays := p.prepare(rs, tokens, s, sz.steadyCount, "bench-steady")
	hc := &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: 400}}
	lat := make([]time.Duration, len(pays))
	ans := make([]time.Duration, len(pays))
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Second / time.Duration(sz.steadyRate))
	defer tick.Stop()
	for i := range pays {
		<-tick.C
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			code, body, err := tryPost(hc, p.base, pays[i].token, pays[i].id, pays[i].body, "steady-"+pays[i].id)
			if err != nil || code != http.StatusOK {
				p.tb.Errorf("pay: %d %v %v", code, body, err)
				return
			}
			ans[i] = time.Since(start)
			w := p.walletClient(pays[i].token)
			w.HTTP = hc
			ctx, cancel := context.WithTimeout(p.ctx, 2*time.Minute)
			defer cancel()
			last, err := w.Events(ctx, pays[i].id, nil)
			if err != nil || last.Name != "confirmed" {
				p.tb.Errorf("events of %s: %+v %v", pays[i].id, last, err)
				return
			}
			lat[i] = time.Since(start)
		}()
	}
	wg.Wait()
	if p.tb.Failed() {
		p.tb.FailNow()
	}
	slices.Sort(ans)
	p.tb.Logf("(c) pay answered with the transaction hash: p50 %s, p99 %s", ans[len(ans)/2].Round(time.Millisecond),
		ans[len(ans)*99/100].Round(time.Millisecond))
	return lat
}
