package chain

import (
	"log/slog"
	"sync"
	"time"
)

// failureLog logs a failure that repeats (a node that is down fails every poll, many times a second) the
// first time at once, then at most once per every with the count of the failures it held back since, and
// once, at Info, when the failing part works again. It is safe for concurrent use.
type failureLog struct {
	log   *slog.Logger
	every time.Duration
	now   func() time.Time

	mu         sync.Mutex
	failing    bool
	since      time.Time // the first failure of the current run of failures
	lastLogged time.Time
	failures   int // in the current run
	held       int // failures not logged since lastLogged
}

func newFailureLog(log *slog.Logger, every time.Duration) *failureLog {
	return &failureLog{log: log, every: every, now: time.Now}
}

// Fail records one failure and logs it as a warning with args, unless one was logged less than every ago.
func (f *failureLog) Fail(msg string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.now()
	if !f.failing {
		f.failing, f.since, f.failures = true, now, 0
	}
	f.failures++
	if f.failures > 1 && now.Sub(f.lastLogged) < f.every {
		f.held++
		return
	}
	if f.held > 0 {
		args = append(args, "held_back", f.held, "failing_for", now.Sub(f.since).Round(time.Second).String())
	}
	f.log.Warn(msg, args...)
	f.lastLogged, f.held = now, 0
}

// OK records a success; after failures it logs msg at Info with how many there were and for how long.
func (f *failureLog) OK(msg string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.failing {
		return
	}
	f.log.Info(msg, "failures", f.failures, "failing_for", f.now().Sub(f.since).Round(time.Millisecond).String())
	f.failing, f.failures, f.held = false, 0, 0
}
