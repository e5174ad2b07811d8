package e2e_test

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// cpuUse is CPU time (user + system) by part of the machine: "platform" is this process (the API, its
// workers and the benchmark's own driving), "postgres" the test cluster's processes, "geth" the node the
// platform talks to, and "phones" the simulated phones where a benchmark runs them in a process of their
// own. Backends that exited between two readings are missing; the pools keep theirs open.
type cpuUse map[string]time.Duration

// clockTick is the unit of /proc/<pid>/stat's times (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// cpuMeter reads the CPU time of this process, of the platform's Postgres cluster (its postmaster and
// every child of it) and of the geth node that serves the platform's RPC port. Other clusters and nodes
// on the machine (other test runs) are not counted.
type cpuMeter struct {
	postmaster, geth int // pids
}

// cpuMeter finds the platform's Postgres cluster and geth node among the machine's processes.
func (p *platform) cpuMeter() cpuMeter {
	p.tb.Helper()
	var backend int
	if err := p.db.SQL().QueryRowContext(p.ctx, `SELECT pg_backend_pid()`).Scan(&backend); err != nil {
		p.tb.Fatal(err)
	}
	procs := machineCPU()
	st, ok := procs[backend]
	if !ok {
		p.tb.Fatalf("cpu: the platform's Postgres backend %d is not among this machine's processes", backend)
	}
	u, err := url.Parse(p.cfg.EthRPCURL)
	if err != nil {
		p.tb.Fatal(err)
	}
	m := cpuMeter{postmaster: st.ppid, geth: gethPID(procs, u.Port())}
	if m.geth == 0 {
		p.tb.Fatalf("cpu: no geth process serves RPC port %s", u.Port())
	}
	return m
}

// procCPU is one process's command name (/proc/<pid>/stat), parent and CPU time (user + system).
type procCPU struct {
	comm string
	ppid int
	cpu  time.Duration
}

// machineCPU reads every process of the machine from /proc, by pid.
func machineCPU() map[int]procCPU {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	out := map[int]procCPU{}
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
		pid, _ := strconv.Atoi(filepath.Base(d))
		ppid, _ := strconv.Atoi(f[1])
		user, _ := strconv.ParseInt(f[11], 10, 64)
		sys, _ := strconv.ParseInt(f[12], 10, 64)
		out[pid] = procCPU{comm: s[open+1 : closing], ppid: ppid, cpu: time.Duration(user+sys) * clockTick}
	}
	return out
}

// gethPID is the pid of the geth process among procs that was started with --http.port port, 0 if there is
// none.
func gethPID(procs map[int]procCPU, port string) int {
	want := []byte("\x00--http.port\x00" + port + "\x00")
	for pid, pc := range procs {
		if pc.comm != "geth" {
			continue
		}
		cmd, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
		if err == nil && bytes.Contains(cmd, want) {
			return pid
		}
	}
	return 0
}

// inCluster tells whether the process pid (st) is the platform's Postgres cluster: its postmaster or a
// child of it.
func (m cpuMeter) inCluster(pid int, st procCPU) bool {
	return pid == m.postmaster || st.ppid == m.postmaster
}

// read reads the CPU time of the parts from /proc.
func (m cpuMeter) read() cpuUse {
	self := os.Getpid()
	out := cpuUse{}
	for pid, st := range machineCPU() {
		switch {
		case pid == self:
			out["platform"] += st.cpu
		case m.inCluster(pid, st):
			out["postgres"] += st.cpu
		case pid == m.geth:
			out["geth"] += st.cpu
		}
	}
	return out
}

// since is the CPU time used from earlier to u.
func (u cpuUse) since(earlier cpuUse) cpuUse {
	out := cpuUse{}
	for k, v := range u {
		out[k] = v - earlier[k]
	}
	return out
}

// ms is the use of part per item of n, in milliseconds.
func (u cpuUse) ms(part string, n int) float64 {
	return float64(u[part].Microseconds()) / 1000 / float64(n)
}

// perItem describes the use per item of n, e.g. "geth 1.20 ms, postgres 0.05 ms, platform 0.10 ms (1.35 ms);
// phones 0.30 ms": the total is of geth, Postgres and the platform; the phones, where measured, come apart.
func (u cpuUse) perItem(n int) string {
	var parts []string
	var total time.Duration
	for _, k := range []string{"geth", "postgres", "platform"} {
		parts = append(parts, fmt.Sprintf("%s %.2f ms", k, u.ms(k, n)))
		total += u[k]
	}
	s := fmt.Sprintf("%s (%.2f ms)", strings.Join(parts, ", "), float64(total.Microseconds())/1000/float64(n))
	if _, ok := u["phones"]; ok {
		s += fmt.Sprintf("; phones %.2f ms", u.ms("phones", n))
	}
	return s
}

// perfEnv names the environment variable that has BenchmarkPayments record a perf profile of its Postgres
// cluster during (b): set, e.g. HEITJE_BENCH_PERF=1, it needs Debian's linux-perf.
const perfEnv = "HEITJE_BENCH_PERF"

// recordPostgres starts perf (with DWARF call stacks, which Debian's Postgres needs: it keeps no frame
// pointers) on the cluster's processes, writing to out, when perfEnv is set; stop ends it. It follows the
// processes running at its start, the pool's backends after a warm-up.
func (m cpuMeter) recordPostgres(tb testing.TB, out string) (stop func()) {
	tb.Helper()
	if os.Getenv(perfEnv) == "" {
		return func() {}
	}
	var pids []string
	for pid, st := range machineCPU() {
		if m.inCluster(pid, st) {
			pids = append(pids, strconv.Itoa(pid))
		}
	}
	cmd := exec.Command("perf", "record", "-q", "-o", out, "-F", "499", "--call-graph", "dwarf,16384", "-p", strings.Join(pids, ","))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		tb.Fatalf("%s: perf: %v", perfEnv, err)
	}
	return func() {
		cmd.Process.Signal(os.Interrupt)
		// perf writes its file and then ends by the interrupt it was sent.
		if err := cmd.Wait(); err != nil && cmd.ProcessState.ExitCode() != -1 {
			tb.Errorf("%s: perf: %v", perfEnv, err)
		}
		tb.Logf("(b) Postgres' perf profile: %s (perf report -i %s --children --sort sym --stdio -g none)", out, out)
	}
}
