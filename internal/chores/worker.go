package chores

import (
	"context"
	"time"
)

// expireBatch is how many overdue claims one query returns.
const expireBatch = 100

// Run keeps claims moving until ctx ends: every interval it marks approved claims whose mint is confirmed
// as rewarded and expires the claims whose proof is overdue. Both steps are idempotent and take row locks,
// so any number of API instances may run them side by side. Errors are logged and retried.
func (s *Service) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, _, err := s.Step(ctx); err != nil && ctx.Err() == nil {
			s.opts.Log.Warn("chores worker round failed; retrying", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Step runs one round of the worker and reports how many claims became rewarded and how many expired.
func (s *Service) Step(ctx context.Context) (rewarded, expired int, err error) {
	if rewarded, err = s.store.SettleRewards(ctx); err != nil {
		return 0, 0, err
	}
	now := s.now()
	for {
		ids, err := s.store.DueClaims(ctx, now, expireBatch)
		if err != nil {
			return rewarded, expired, err
		}
		for _, id := range ids {
			ok, err := s.expire(ctx, id, now)
			if err != nil {
				return rewarded, expired, err
			}
			if ok {
				expired++
			}
		}
		if len(ids) < expireBatch {
			return rewarded, expired, nil
		}
	}
}
