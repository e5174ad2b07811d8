package reconcile

import (
	"context"
	"sync"
	"time"
)

// Outcome is the last reconciliation a Reconciler ran: its report, or the error that kept it from
// completing, and when it finished.
type Outcome struct {
	Report Report
	Err    error
	At     time.Time
}

// last keeps the outcome of the reconciler's last run, for whoever shows the status (the console).
type last struct {
	mu      sync.Mutex
	outcome Outcome
	ran     bool
}

func (l *last) set(rep Report, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.outcome, l.ran = Outcome{Report: rep, Err: err, At: time.Now()}, true
}

// Last returns the outcome of the last periodic reconciliation or CheckNow; ok is false before the first.
func (r *Reconciler) Last() (o Outcome, ok bool) {
	r.last.mu.Lock()
	defer r.last.mu.Unlock()
	return r.last.outcome, r.last.ran
}

// CheckNow runs Check at once and keeps its outcome as the last, as the periodic job does (without
// touching the gauges, which stay the periodic job's).
func (r *Reconciler) CheckNow(ctx context.Context) (Report, error) {
	rep, err := r.Check(ctx)
	if ctx.Err() == nil {
		r.last.set(rep, err)
	}
	return rep, err
}
