package secrets

import (
	"errors"
	"runtime"
	"sync"
	"testing"
	"time"
)

// TestBoundedPasswordsRunAsManyAsTheBudgetAllows: a budget of two hashes' memory gives two turns; with
// both taken a third hash waits BusyWait and gets ErrBusy, hashing nothing; once a turn is free it runs.
// Eight at once all finish, and give their turns back.
func TestBoundedPasswordsRunAsManyAsTheBudgetAllows(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // the memory budget, not the CPUs, bounds here
	p := Argon2Params{Memory: 1024, Time: 1, Threads: 1}
	h := NewBoundedPasswords(p, 2*1024+512)
	if h.Concurrency() != 2 {
		t.Fatalf("a budget of 2.5 hashes gives %d turns, want 2", h.Concurrency())
	}
	if NewBoundedPasswords(p, 10).Concurrency() != 1 {
		t.Fatal("a budget below one hash must still allow one")
	}
	// No more hashes at once than the CPUs compute: 4 CPUs run two hashes of two lanes each.
	if n := NewBoundedPasswords(Argon2Params{Memory: 1024, Time: 1, Threads: 2}, 100*1024).Concurrency(); n != 2 {
		t.Fatalf("4 CPUs and hashes of 2 lanes give %d turns, want 2", n)
	}
	h.turns <- struct{}{}
	h.turns <- struct{}{}
	began := time.Now()
	if _, err := h.Hash("geheim"); !errors.Is(err, ErrBusy) {
		t.Fatalf("a third hash with both turns taken: %v, want ErrBusy", err)
	}
	if waited := time.Since(began); waited < BusyWait {
		t.Fatalf("gave up after %s, before BusyWait", waited)
	}
	if _, err := h.Verify("geheim", "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"); !errors.Is(err, ErrBusy) {
		t.Fatalf("a verification with both turns taken: %v, want ErrBusy", err)
	}
	<-h.turns
	enc, err := h.Hash("geheim")
	if err != nil {
		t.Fatal(err)
	}
	<-h.turns // the other turn held since the start

	// Eight at once with two turns: each waits for a turn and all succeed; no turn stays taken.
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, err := h.Verify("geheim", enc); !ok || err != nil {
				errs <- errors.Join(err, errors.New("the right password did not verify"))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if len(h.turns) != 0 {
		t.Fatalf("%d turns still taken after every hash ended", len(h.turns))
	}
}
