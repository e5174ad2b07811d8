package app

import (
	"runtime/debug"
	"testing"
)

// TestTuneGC sets the platform's garbage collection where the environment does not, and leaves what it sets.
func TestTuneGC(t *testing.T) {
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) })
	inForce := func() (int, int64) {
		p := debug.SetGCPercent(100)
		debug.SetGCPercent(p)
		return p, debug.SetMemoryLimit(-1)
	}

	if got := TuneGC(func(string) string { return "" }); got != "GOGC=400 GOMEMLIMIT=640MiB" {
		t.Errorf("without GOGC and GOMEMLIMIT: %q", got)
	}
	if p, l := inForce(); p != GCPercent || l != MemoryLimit {
		t.Errorf("without GOGC and GOMEMLIMIT: GOGC %d, limit %d; want %d, %d", p, l, GCPercent, MemoryLimit)
	}

	debug.SetGCPercent(150)
	debug.SetMemoryLimit(1 << 30)
	env := map[string]string{"GOGC": "150", "GOMEMLIMIT": "1GiB"}
	if got := TuneGC(func(k string) string { return env[k] }); got != "GOGC=150 GOMEMLIMIT=1GiB" {
		t.Errorf("with GOGC and GOMEMLIMIT: %q", got)
	}
	if p, l := inForce(); p != 150 || l != 1<<30 {
		t.Errorf("with GOGC and GOMEMLIMIT: GOGC %d, limit %d; the environment's were 150, 1 GiB", p, l)
	}
}
