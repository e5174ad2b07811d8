package e2e_test

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/testenv"
)

// BenchmarkNetworkPayments is BenchmarkPayments on a network of three Clique signers and a non-signing RPC
// node (testenv.StartNetwork, 1 s blocks) with CHAIN_CONFIRMATIONS=2, as the platform runs on several
// signers: the API talks to the RPC node, and a payment is confirmed once two blocks follow the one that
// holds it. The same three measurements, on the same sizes: (a) pre-signed relay transactions sent straight
// to the RPC node until all are mined, (b) payments through the API, all sent at once, until all are
// confirmed, and (c) checkout latency, pay pressed to the confirmed event, at a steady 100 payments a second.
// It also reports what else the machine did meanwhile: the load average and the CPU time of every command
// on the machine over the timed part (the benchmark's own geth and Postgres processes included). Its log
// keeps to the ten lines a benchmark shows without -v.
func BenchmarkNetworkPayments(b *testing.B) {
	for range b.N {
		benchNetworkPayments(b)
	}
}

func benchNetworkPayments(b *testing.B) {
	sz := paymentBenchSizes()
	began := time.Now()
	net := testenv.StartNetwork(b, 3)
	p := newPlatformOn(b, net.ChainEnv)
	p.cfg.Confirmations = 2
	// The pool for requests that serve has by default (DB_MAX_CONNS): a Config built in code has none, and
	// an unbounded pool under a thousand payments at once runs into Postgres' max_connections.
	p.cfg.DBMaxConns = 20
	for len(p.cfg.RelayerKeys) < sz.relayers {
		p.cfg.RelayerKeys = append(p.cfg.RelayerKeys, net.FundedKey(b))
	}
	p.serve()
	s := p.newShop("markt", true)
	rs := p.fundedResidents(sz.residents, 2000)
	tokens := p.logins(rs)
	b.Logf("network, platform (CHAIN_CONFIRMATIONS=%d, %d relayer keys), shop and %d funded residents ready after %s",
		p.cfg.Confirmations, len(p.cfg.RelayerKeys), sz.residents, time.Since(began).Round(time.Millisecond))
	load0, cpu0, at0 := loadAverage(b), machineCPU(), time.Now()
	head0, err := p.client.BlockNumber(p.ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()

	direct, _ := p.benchDirect(sz, rs, s, net.ChainEnv)
	api, _ := p.benchAPI(sz, rs, tokens, s)
	lat := p.benchSteady(sz, rs, tokens, s)
	b.StopTimer()

	head1, err := p.client.BlockNumber(p.ctx)
	if err != nil {
		b.Fatal(err)
	}
	wall := time.Since(at0)
	used := machineCPU().since(cpu0)
	directRate, apiRate := float64(sz.n)/direct.Seconds(), float64(sz.n)/api.Seconds()
	slices.Sort(lat)
	p50, p99 := lat[len(lat)/2], lat[len(lat)*99/100]
	b.ReportMetric(directRate, "direct_tx/s")
	b.ReportMetric(apiRate, "api_payments/s")
	b.ReportMetric(float64(p50.Milliseconds()), "p50_ms")
	b.ReportMetric(float64(p99.Milliseconds()), "p99_ms")
	b.Logf("(a) %d pre-signed relay transactions straight to the RPC node: all mined after %s: %.0f tx/s",
		sz.n, direct.Round(time.Millisecond), directRate)
	b.Logf("(b) %d payments through the API (%d residents, %d at once): all confirmed after %s: %.0f payments/s; ratio %.2f",
		sz.n, sz.residents, sz.phones, api.Round(time.Millisecond), apiRate, apiRate/directRate)
	b.Logf("(c) %d payments at %d/s: pay → confirmed p50 %s, p99 %s, max %s", len(lat), sz.steadyRate,
		p50.Round(time.Millisecond), p99.Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
	b.Logf("timed part: %s, blocks %d → %d (%.2f s a block); load average before %s, after %s", wall.Round(time.Millisecond),
		head0, head1, wall.Seconds()/float64(max(head1-head0, 1)), load0, loadAverage(b))
	b.Logf("CPU time on the machine during the timed part (%d cores × %s): %s", runtime.NumCPU(), wall.Round(time.Second), used.top(8))
}

// commandCPU is CPU time (user + system) by command name (/proc/<pid>/comm) over every process of the
// machine; a process that ended between two readings is missing from the later one.
type commandCPU map[string]time.Duration

// machineCPU reads the CPU time of every process of the machine from /proc, summed by command name.
func machineCPU() commandCPU {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	out := commandCPU{}
	for _, d := range dirs {
		raw, err := os.ReadFile(filepath.Join(d, "stat"))
		if err != nil {
			continue // the process ended
		}
		s := string(raw)
		open, closing := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || closing < open {
			continue
		}
		f := strings.Fields(s[closing+2:])
		if len(f) < 13 {
			continue
		}
		user, _ := strconv.ParseInt(f[11], 10, 64)
		sys, _ := strconv.ParseInt(f[12], 10, 64)
		out[s[open+1:closing]] += time.Duration(user+sys) * clockTick
	}
	return out
}

// since is the CPU time used from earlier to c; processes started meanwhile count from zero.
func (c commandCPU) since(earlier commandCPU) commandCPU {
	out := commandCPU{}
	for k, v := range c {
		if d := v - earlier[k]; d > 0 {
			out[k] = d
		}
	}
	return out
}

// top describes the n commands that used the most CPU time and the total, e.g. "geth 20.1 s, … (total 40 s)".
func (c commandCPU) top(n int) string {
	names := make([]string, 0, len(c))
	var total time.Duration
	for k, v := range c {
		names = append(names, k)
		total += v
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(c[b], c[a]) })
	var parts []string
	for _, k := range names[:min(n, len(names))] {
		parts = append(parts, fmt.Sprintf("%s %.1f s", k, c[k].Seconds()))
	}
	return fmt.Sprintf("%s (all commands %.1f s)", strings.Join(parts, ", "), total.Seconds())
}

// loadAverage is the machine's load average over 1, 5 and 15 minutes, as /proc/loadavg gives it.
func loadAverage(tb testing.TB) string {
	tb.Helper()
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		tb.Fatal(err)
	}
	f := strings.Fields(string(raw))
	return strings.Join(f[:3], " / ")
}
