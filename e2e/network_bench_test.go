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
// confirmed, and (c) checkout latency, pay pressed to the confirmed event, at a steady 100 payments a second;
// then (d) the same latency at one payment a second, a few tills' worth, which leaves the chain's own part.
// It also reports what else the machine did over the timed part: the load average, how busy the cores were,
// and the CPU time of this run's processes and of everything else's, by command. Its log keeps within the
// ten lines a benchmark shows without -v (the second "(c) pay answered" line is (d)'s).
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
	load0, cpu0, busy0, at0 := loadAverage(b), machineCPU(), machineTimes(b), time.Now()
	head0, err := p.client.BlockNumber(p.ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()

	direct, _ := p.benchDirect(sz, rs, s, net.ChainEnv)
	api, _, _ := p.benchAPI(sz, rs, tokens, s, filepath.Join(b.TempDir(), "cpu.pprof"))
	lat := p.benchSteady(sz, rs, tokens, s)
	light := sz
	light.steadyRate, light.steadyCount = 1, testenv.BenchSize(30, 3)
	lightLat := p.benchSteady(light, rs, tokens, s)
	b.StopTimer()

	head1, err := p.client.BlockNumber(p.ctx)
	if err != nil {
		b.Fatal(err)
	}
	wall := time.Since(at0)
	used, busy := cpuSince(cpu0, machineCPU(), 6), machineTimes(b).since(busy0)
	directRate, apiRate := float64(sz.n)/direct.Seconds(), float64(sz.n)/api.Seconds()
	slices.Sort(lat)
	p50, p99 := lat[len(lat)/2], lat[len(lat)*99/100]
	slices.Sort(lightLat)
	b.ReportMetric(directRate, "direct_tx/s")
	b.ReportMetric(apiRate, "api_payments/s")
	b.ReportMetric(float64(p50.Milliseconds()), "p50_ms")
	b.ReportMetric(float64(p99.Milliseconds()), "p99_ms")
	b.ReportMetric(float64(lightLat[len(lightLat)/2].Milliseconds()), "light_p50_ms")
	b.Logf("(a) %d pre-signed relay transactions straight to the RPC node: all mined after %s: %.0f tx/s",
		sz.n, direct.Round(time.Millisecond), directRate)
	b.Logf("(b) %d payments through the API (%d residents, %d at once): all confirmed after %s: %.0f payments/s; ratio %.2f",
		sz.n, sz.residents, sz.phones, api.Round(time.Millisecond), apiRate, apiRate/directRate)
	b.Logf("(c) %d payments at %d/s: pay → confirmed p50 %s, p99 %s, max %s; (d) %d payments at %d/s: p50 %s, max %s",
		len(lat), sz.steadyRate, p50.Round(time.Millisecond), p99.Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond),
		len(lightLat), light.steadyRate, lightLat[len(lightLat)/2].Round(time.Millisecond), lightLat[len(lightLat)-1].Round(time.Millisecond))
	b.Logf("timed part: %s, blocks %d → %d (%.2f s a block); load average before %s, after %s; the %d cores %s; "+
		"CPU time of the processes meanwhile: %s", wall.Round(time.Millisecond), head0, head1,
		wall.Seconds()/float64(max(head1-head0, 1)), load0, loadAverage(b), runtime.NumCPU(), busy, used)
}

// cpuSince describes the CPU time the machine's processes used from earlier to now (a process started
// meanwhile counts from zero; one that ended is missing): this run's own, by command, and everyone else's,
// the n largest by command. This run is the test wrapper (`heitje-dev test`, which runs the test cluster and
// node) and everything under it, or this process and its children when there is no wrapper.
func cpuSince(earlier, now map[int]procCPU, n int) string {
	root := os.Getpid()
	for pid := root; pid > 1; pid = now[pid].ppid {
		if now[pid].comm == "heitje-dev" {
			root = pid
			break
		}
	}
	ours := func(pid int) bool {
		for ; pid > 1; pid = now[pid].ppid {
			if pid == root {
				return true
			}
		}
		return false
	}
	own, others := map[string]time.Duration{}, map[string]time.Duration{}
	for pid, pc := range now {
		d := pc.cpu
		if e, ok := earlier[pid]; ok && e.comm == pc.comm {
			d -= e.cpu
		}
		if d <= 0 {
			continue
		}
		if ours(pid) {
			own[pc.comm] += d
		} else {
			others[pc.comm] += d
		}
	}
	return "this run: " + topCommands(own, n) + "; everything else: " + topCommands(others, n)
}

// topCommands describes the n commands of use with the most CPU time, and the total, e.g. "geth 20.1 s, … (all
// 40.0 s)".
func topCommands(use map[string]time.Duration, n int) string {
	names := make([]string, 0, len(use))
	var total time.Duration
	for k, v := range use {
		names = append(names, k)
		total += v
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(use[b], use[a]) })
	var parts []string
	for _, k := range names[:min(n, len(names))] {
		parts = append(parts, fmt.Sprintf("%s %.1f s", k, use[k].Seconds()))
	}
	return fmt.Sprintf("%s (all %.1f s)", strings.Join(parts, ", "), total.Seconds())
}

// cpuTimes are the machine's CPU times from the first line of /proc/stat, in clock ticks: all of them, and
// those idle and waiting for I/O.
type cpuTimes struct{ total, idle, iowait int64 }

func machineTimes(tb testing.TB) cpuTimes {
	tb.Helper()
	raw, err := os.ReadFile("/proc/stat")
	if err != nil {
		tb.Fatal(err)
	}
	line, _, _ := strings.Cut(string(raw), "\n")
	var t cpuTimes
	for i, f := range strings.Fields(line)[1:] {
		v, _ := strconv.ParseInt(f, 10, 64)
		t.total += v
		switch i {
		case 3:
			t.idle = v
		case 4:
			t.iowait = v
		}
	}
	return t
}

// since describes the share of the time from earlier to t that the cores were busy and waiting for I/O.
func (t cpuTimes) since(earlier cpuTimes) string {
	total := float64(max(t.total-earlier.total, 1))
	idle, iowait := float64(t.idle-earlier.idle), float64(t.iowait-earlier.iowait)
	return fmt.Sprintf("busy %.0f%%, waiting for I/O %.0f%%", 100*(total-idle-iowait)/total, 100*iowait/total)
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
