package app

import (
	"fmt"
	"runtime/debug"
)

// GCPercent is how far the heap may grow past what is live before the garbage collector runs, where the
// environment does not set GOGC: 400, where Go's own default is 100. The platform keeps little live (tens of
// MiB) and what it allocates per request (JSON, rows, RPC answers) is garbage at the request's end, so a
// collection a quarter as often costs tens of MiB and saves most of the collector's CPU, which at Go's
// default was about a tenth of the platform's per payment (docs/benchmarks.md, "What a payment costs").
const GCPercent = 400

// MemoryLimit is the soft limit of the Go heap where the environment does not set GOMEMLIMIT: 640 MiB, inside
// the 1 GiB of deploy/kubernetes/api.yaml with room for the password hashes' budget (whose memory
// secrets.Passwords collects after each hash). Near the limit the collector runs as often as it needs to, whatever GCPercent says.
const MemoryLimit = 640 << 20

// TuneGC sets GCPercent and MemoryLimit where getenv does not give GOGC and GOMEMLIMIT (which the Go runtime
// has applied itself), and describes the settings in force, for the log.
func TuneGC(getenv func(string) string) string {
	gogc, limit := getenv("GOGC"), getenv("GOMEMLIMIT")
	if gogc == "" {
		debug.SetGCPercent(GCPercent)
		gogc = fmt.Sprint(GCPercent)
	}
	if limit == "" {
		debug.SetMemoryLimit(MemoryLimit)
		limit = fmt.Sprintf("%dMiB", MemoryLimit>>20)
	}
	return "GOGC=" + gogc + " GOMEMLIMIT=" + limit
}
