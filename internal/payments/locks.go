package payments

import (
	"context"
	"sync"
)

// accountLocks serialise one account's payments and refunds inside this process, so that a resident
// pressing pay on several phones at once waits here rather than holding a database connection while the
// database's own per-account lock (which also covers other API processes) is busy.
type accountLocks struct {
	mu    sync.Mutex
	locks map[string]*accountLock
}

type accountLock struct {
	sync.Mutex
	users int
}

// lock takes the account's lock and returns its release.
func (l *accountLocks) lock(account string) (unlock func()) {
	l.mu.Lock()
	if l.locks == nil {
		l.locks = map[string]*accountLock{}
	}
	a := l.locks[account]
	if a == nil {
		a = &accountLock{}
		l.locks[account] = a
	}
	a.users++
	l.mu.Unlock()
	a.Lock()
	return func() {
		a.Unlock()
		l.mu.Lock()
		if a.users--; a.users == 0 {
			delete(l.locks, account)
		}
		l.mu.Unlock()
	}
}

// inAccountTx runs fn in one store transaction that holds the account's lock, in this process and in the
// database, from its start to its end.
func (s *Service) inAccountTx(ctx context.Context, account string, fn func(Tx) error) error {
	defer s.locks.lock(account)()
	return s.store.InTx(ctx, func(tx Tx) error {
		if err := tx.LockAccount(account); err != nil {
			return err
		}
		return fn(tx)
	})
}
