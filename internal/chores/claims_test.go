package chores_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/photos"
	"github.com/heerlen/heitje/internal/photos/phototest"
)

// TestClaimRules walks the refusals of claiming, each with its sentinel, and checks that none of them
// took a place.
func TestClaimRules(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{})
	open := e.chore(100, 5)
	limited := e.chore(100, 5, func(in *chores.ChoreInput) { in.PerResidentLimit = 1 })
	later := e.chore(100, 5, func(in *chores.ChoreInput) { in.OpensAt = e.clock.Now().Add(time.Hour) })
	closed := e.chore(100, 5)
	yes := true
	if _, err := e.svc.UpdateChore(e.ctx, e.manager, closed.ID, chores.ChorePatch{Closed: &yes}); err != nil {
		t.Fatal(err)
	}
	tight := e.chore(100, 5, func(in *chores.ChoreInput) { in.BudgetCents = 150 })
	ok := e.resident(accounts.StatusApproved, true)
	other := e.resident(accounts.StatusApproved, true)

	if _, err := e.svc.ClaimChore(e.ctx, ok, open.ID); err != nil {
		t.Fatal(err)
	}
	cl, err := e.svc.ClaimChore(e.ctx, ok, limited.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.ClaimChore(e.ctx, other, tight.ID); err != nil {
		t.Fatal(err)
	}
	// Once the claim on the limited chore is approved, the resident has used the chore's one place.
	if _, err := e.svc.SubmitProof(e.ctx, ok, cl.ID, "", [][]byte{phototest.JPEG(8, 8)}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Approve(e.ctx, e.reviewer, cl.ID); err != nil {
		t.Fatal(err)
	}
	before := e.snapshot()
	for _, tc := range []struct {
		name  string
		who   accounts.Principal
		chore string
		want  error
	}{
		{"pending resident", e.resident(accounts.StatusPending, true), open.ID, chores.ErrNotApproved},
		{"no bound wallet", e.resident(accounts.StatusApproved, false), open.ID, chores.ErrWalletNotBound},
		{"a staff member", accounts.Principal{AccountID: e.manager.AccountID, Role: accounts.RoleStaff}, open.ID, chores.ErrNotApproved},
		{"second open claim", ok, open.ID, chores.ErrAlreadyClaimed},
		{"limit per resident", ok, limited.ID, chores.ErrClaimLimit},
		{"not open yet", ok, later.ID, chores.ErrChoreNotOpen},
		{"closed by staff", ok, closed.ID, chores.ErrChoreClosed},
		{"budget spent", ok, tight.ID, chores.ErrBudgetExceeded},
		{"no such chore", ok, "5f1d7c36-0000-4000-8000-000000000000", chores.ErrNotFound},
		{"malformed id", ok, "../etc", chores.ErrNotFound},
	} {
		if _, err := e.svc.ClaimChore(e.ctx, tc.who, tc.chore); !errors.Is(err, tc.want) {
			t.Errorf("%s: want %v, got %v", tc.name, tc.want, err)
		}
	}
	if after := e.snapshot(); after != before {
		t.Fatalf("refused claims changed the database:\n%s\n---\n%s", before, after)
	}
}

// TestConcurrentClaimsNeverExceedCapacity sends 50 residents at a chore with 10 places at once: exactly 10
// get one, the other 40 hear chore_full, and the chore's counters agree with the claims.
func TestConcurrentClaimsNeverExceedCapacity(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{})
	c := e.chore(250, 10)
	var residents []accounts.Principal
	for range 50 {
		residents = append(residents, e.resident(accounts.StatusApproved, true))
	}
	var wg sync.WaitGroup
	errs := make([]error, len(residents))
	start := make(chan struct{})
	for i, p := range residents {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = e.svc.ClaimChore(e.ctx, p, c.ID)
		}()
	}
	close(start)
	wg.Wait()
	won, full := 0, 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case errors.Is(err, chores.ErrChoreFull):
			full++
		default:
			t.Fatalf("unexpected error: %v", err)
		}
	}
	got, err := e.svc.Chore(e.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if won != 10 || full != 40 || e.count(`SELECT count(*) FROM claims WHERE chore_id = $1`, c.ID) != 10 ||
		got.PlacesTaken != 10 || got.ReservedCents != 2500 || got.PlacesLeft() != 0 {
		t.Fatalf("won %d, full %d, chore %+v", won, full, got)
	}
}

// TestExpiryFreesThePlaceAndTheBudget lets a claim go without proof past the proof deadline: the worker
// expires it (once, however often it runs), the place and the reservation come back, and late proof is
// refused.
func TestExpiryFreesThePlaceAndTheBudget(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{ProofTTL: 48 * time.Hour})
	c := e.chore(300, 1)
	a, b := e.resident(accounts.StatusApproved, true), e.resident(accounts.StatusApproved, true)
	cl, err := e.svc.ClaimChore(e.ctx, a, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.ClaimChore(e.ctx, b, c.ID); !errors.Is(err, chores.ErrChoreFull) {
		t.Fatalf("second claim on a full chore: %v", err)
	}
	e.clock.Advance(47 * time.Hour)
	if _, n, err := e.svc.Step(e.ctx); err != nil || n != 0 {
		t.Fatalf("expired %d before the deadline: %v", n, err)
	}
	e.clock.Advance(2 * time.Hour)
	if _, err := e.svc.SubmitProof(e.ctx, a, cl.ID, "", [][]byte{phototest.JPEG(8, 8)}); !errors.Is(err, chores.ErrClaimExpired) {
		t.Fatalf("late proof: %v", err)
	}
	for round, want := range []int{1, 0} {
		if _, n, err := e.svc.Step(e.ctx); err != nil || n != want {
			t.Fatalf("round %d expired %d, want %d: %v", round, n, want, err)
		}
	}
	got, _ := e.svc.Chore(e.ctx, c.ID)
	if got.PlacesTaken != 0 || got.ReservedCents != 0 {
		t.Fatalf("expiry kept the place or the money: %+v", got)
	}
	if _, err := e.svc.ClaimChore(e.ctx, b, c.ID); err != nil {
		t.Fatalf("the freed place cannot be claimed: %v", err)
	}
	if _, err := e.svc.SubmitProof(e.ctx, a, cl.ID, "", [][]byte{phototest.JPEG(8, 8)}); !errors.Is(err, chores.ErrClaimState) {
		t.Fatalf("proof on an expired claim: %v", err)
	}
}

// TestProofRefusalsStoreNothing: a bad photo among good ones, too many photos, someone else's claim and
// proof twice are refused, leaving the folder and the database as they were.
func TestProofRefusalsStoreNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{})
	c := e.chore(100, 5)
	p := e.resident(accounts.StatusApproved, true)
	cl, err := e.svc.ClaimChore(e.ctx, p, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	good := phototest.JPEG(16, 16)
	before := e.snapshot()
	for _, tc := range []struct {
		name    string
		who     accounts.Principal
		uploads [][]byte
		want    error
	}{
		{"a text file among photos", p, [][]byte{good, []byte("just text"), good}, photos.ErrInvalidImage},
		{"a bomb among photos", p, [][]byte{good, phototest.PNGBomb(50000, 50000)}, photos.ErrTooManyPixels},
		{"four photos", p, [][]byte{good, good, good, good}, chores.ErrTooManyPhotos},
		{"no photo", p, nil, chores.ErrNoPhotos},
		{"another resident", e.resident(accounts.StatusApproved, true), [][]byte{good}, chores.ErrNotFound},
	} {
		if _, err := e.svc.SubmitProof(e.ctx, tc.who, cl.ID, "", tc.uploads); !errors.Is(err, tc.want) {
			t.Errorf("%s: want %v, got %v", tc.name, tc.want, err)
		}
	}
	if after := e.snapshot(); after != before {
		t.Fatalf("refused proof changed something:\n%s\n---\n%s", before, after)
	}
	if _, err := e.svc.SubmitProof(e.ctx, p, cl.ID, "", [][]byte{good, good}); err != nil {
		t.Fatal(err)
	}
	mid := e.snapshot()
	if _, err := e.svc.SubmitProof(e.ctx, p, cl.ID, "", [][]byte{good}); !errors.Is(err, chores.ErrClaimState) {
		t.Fatalf("proof on a submitted claim: %v", err)
	}
	if after := e.snapshot(); after != mid {
		t.Fatalf("proof on a submitted claim changed something:\n%s\n---\n%s", mid, after)
	}
}
