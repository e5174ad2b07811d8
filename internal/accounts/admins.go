package accounts

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// MinAdmins is how many active administrators (staff.manage) there should be, so that access to the
// platform is never lost with one person (P-95).
const MinAdmins = 2

var adminsGauge = promauto.NewGauge(prometheus.GaugeOpts{
	Name: "heitje_staff_administrators",
	Help: "Active staff accounts holding staff.manage; alert below 2 (one person's absence would lock staff management).",
})

// WatchAdmins counts the active administrators now, after every change to staff made through this service,
// and every interval (for changes made by another instance) until ctx ends, for the gauge
// heitje_staff_administrators, and logs a warning when there are fewer than MinAdmins (again whenever the
// number changes, not at every count).
func (s *Service) WatchAdmins(ctx context.Context, every time.Duration, log *slog.Logger) {
	last := -1
	for {
		n, err := s.store.CountWithPrivilege(ctx, PrivStaffManage)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Warn("cannot count the administrators", "err", err)
		case err == nil:
			adminsGauge.Set(float64(n))
			if n < MinAdmins && n != last {
				log.Warn("fewer than two active administrators: give a second staff member staff.manage, so access is never lost with one person",
					"administrators", n)
			}
			last = n
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		case <-s.staffChanges:
		}
	}
}

// staffChanged has WatchAdmins count the administrators again at once.
func (s *Service) staffChanged() {
	select {
	case s.staffChanges <- struct{}{}:
	default: // a count is pending already
	}
}
