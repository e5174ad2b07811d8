package e2e_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// cpuUse is CPU time (user + system) by part of the machine: "platform" is this process (the API, its
// workers and, in the benchmarks, the simulated phones), "postgres" and "geth" are the running processes of
// those names. Backends that exited between two readings are missing; the pools keep theirs open.
type cpuUse map[string]time.Duration

// clockTick is the unit of /proc/<pid>/stat's times (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// readCPU reads the CPU time of the parts of the machine from /proc.
func readCPU(tb testing.TB) cpuUse {
	tb.Helper()
	dirs, err := filepath.Glob("/proc/[0-9]*")
	if err != nil {
		tb.Fatal(err)
	}
	self := strconv.Itoa(os.Getpid())
	out := cpuUse{}
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, "stat"))
		if err != nil {
			continue // the process ended
		}
		s := string(b)
		open, closing := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || closing < open {
			continue
		}
		part := s[open+1 : closing]
		if filepath.Base(d) == self {
			part = "platform"
		} else if part != "postgres" && part != "geth" {
			continue
		}
		f := strings.Fields(s[closing+2:])
		if len(f) < 13 {
			continue
		}
		user, _ := strconv.ParseInt(f[11], 10, 64)
		sys, _ := strconv.ParseInt(f[12], 10, 64)
		out[part] += time.Duration(user+sys) * clockTick
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

// perItem describes the use per item of n, e.g. "geth 1.2 ms, postgres 0.0 ms, platform 0.1 ms (1.3 ms)".
func (u cpuUse) perItem(n int) string {
	var parts []string
	var total time.Duration
	for _, k := range []string{"geth", "postgres", "platform"} {
		parts = append(parts, fmt.Sprintf("%s %.2f ms", k, float64(u[k].Microseconds())/1000/float64(n)))
		total += u[k]
	}
	return fmt.Sprintf("%s (%.2f ms)", strings.Join(parts, ", "), float64(total.Microseconds())/1000/float64(n))
}
