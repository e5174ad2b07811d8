package chores_test

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/photos/phototest"
)

// photoFiles lists the names of a claim's photo files.
func (e *env) photoFiles(claimID string) []string {
	e.t.Helper()
	rows, err := e.db.SQL().QueryContext(e.ctx, `SELECT file_name FROM claim_photos WHERE claim_id = $1`, claimID)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var f string
		rows.Scan(&f)
		out = append(out, f)
	}
	return out
}

// TestWithdrawEndsAnUndecidedClaim: a resident withdraws their own claim in each undecided status
// (claimed, submitted, needs_info). It becomes withdrawn, the place and the reserved reward go back to the
// chore (another resident takes the place), its photos' rows and files and its note are gone, and it leaves
// the review queue; proof and approval are refused afterwards.
func TestWithdrawEndsAnUndecidedClaim(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{})
	for _, status := range []chores.ClaimStatus{chores.StatusClaimed, chores.StatusSubmitted, chores.StatusNeedsInfo} {
		t.Logf("withdrawing a %s claim", status)
		c := e.chore(300, 1)
		p, other := e.resident(accounts.StatusApproved, true), e.resident(accounts.StatusApproved, true)
		cl, err := e.svc.ClaimChore(e.ctx, p, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if status != chores.StatusClaimed {
			if cl, err = e.svc.SubmitProof(e.ctx, p, cl.ID, "Bij de kerk", [][]byte{phototest.JPEG(20, 10), phototest.JPEG(10, 20)}); err != nil {
				t.Fatal(err)
			}
		}
		if status == chores.StatusNeedsInfo {
			if cl, err = e.svc.RequestInfo(e.ctx, e.reviewer, cl.ID, "Ook de achterkant?"); err != nil {
				t.Fatal(err)
			}
		}
		if cl.Status != status {
			t.Fatalf("the claim is %s, want %s", cl.Status, status)
		}
		files := e.photoFiles(cl.ID)
		if _, err := e.svc.ClaimChore(e.ctx, other, c.ID); !errors.Is(err, chores.ErrChoreFull) {
			t.Fatalf("a claim on the full chore: %v", err)
		}

		before := e.snapshot()
		if _, err := e.svc.Withdraw(e.ctx, other, cl.ID); !errors.Is(err, chores.ErrNotFound) {
			t.Fatalf("another resident withdraws the claim: %v", err)
		}
		if after := e.snapshot(); after != before {
			t.Fatalf("a refused withdrawal changed something:\n%s\n---\n%s", before, after)
		}

		e.clock.Advance(time.Minute)
		got, err := e.svc.Withdraw(e.ctx, p, cl.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != chores.StatusWithdrawn || got.PhotoCount != 0 || got.Note != "" || got.ProofDueAt != nil ||
			got.DecidedAt == nil || got.DecidedAt.Before(cl.ClaimedAt.Add(time.Minute)) || got.DecidedBy != "" {
			t.Fatalf("withdrawn claim: %+v", got)
		}
		if ch, _ := e.svc.Chore(e.ctx, c.ID); ch.PlacesTaken != 0 || ch.ReservedCents != 0 || ch.SpentCents != 0 {
			t.Fatalf("the chore kept the place or the money: %+v", ch)
		}
		if len(e.photoFiles(cl.ID)) != 0 {
			t.Fatal("the photos' rows are still there")
		}
		for _, f := range files {
			if _, err := os.Stat(filepath.Join(e.files.Dir(), f)); !os.IsNotExist(err) {
				t.Fatalf("photo file %s is still there (%v)", f, err)
			}
		}
		for _, s := range []chores.ClaimStatus{"", chores.StatusNeedsInfo, chores.StatusClaimed} {
			q, err := e.svc.Queue(e.ctx, e.reviewer, s, 100, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range q {
				if x.ID == cl.ID {
					t.Fatalf("the withdrawn claim is in the %q queue", s)
				}
			}
		}
		if _, err := e.svc.SubmitProof(e.ctx, p, cl.ID, "", [][]byte{phototest.JPEG(8, 8)}); !errors.Is(err, chores.ErrClaimState) {
			t.Fatalf("proof on a withdrawn claim: %v", err)
		}
		if _, err := e.svc.Approve(e.ctx, e.reviewer, cl.ID); !errors.Is(err, chores.ErrClaimState) {
			t.Fatalf("approving a withdrawn claim: %v", err)
		}
		if _, err := e.svc.ClaimChore(e.ctx, other, c.ID); err != nil {
			t.Fatalf("the freed place cannot be claimed: %v", err)
		}
	}
}

// TestWithdrawRefusesWhatIsDecided: an approved, rejected, expired or already withdrawn claim is
// ErrNotWithdrawable and nothing changes (rows, counters, intents, audit, photo files).
func TestWithdrawRefusesWhatIsDecided(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{ProofTTL: 48 * time.Hour})
	c := e.chore(200, 5)
	approved := e.resident(accounts.StatusApproved, true)
	a := e.submitted(approved, c)
	if _, err := e.svc.Approve(e.ctx, e.reviewer, a.ID); err != nil {
		t.Fatal(err)
	}
	rejected := e.resident(accounts.StatusApproved, true)
	r := e.submitted(rejected, c)
	if _, err := e.svc.Reject(e.ctx, e.reviewer, r.ID, "Verkeerde straat"); err != nil {
		t.Fatal(err)
	}
	withdrawn := e.resident(accounts.StatusApproved, true)
	w := e.submitted(withdrawn, c)
	if _, err := e.svc.Withdraw(e.ctx, withdrawn, w.ID); err != nil {
		t.Fatal(err)
	}
	expired := e.resident(accounts.StatusApproved, true)
	x, err := e.svc.ClaimChore(e.ctx, expired, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(49 * time.Hour)
	if _, n, err := e.svc.Step(e.ctx); err != nil || n != 1 {
		t.Fatalf("expiry: %d %v", n, err)
	}

	before := e.snapshot()
	for _, tc := range []struct {
		name string
		who  accounts.Principal
		id   string
	}{{"approved", approved, a.ID}, {"rejected", rejected, r.ID}, {"withdrawn", withdrawn, w.ID}, {"expired", expired, x.ID}} {
		if _, err := e.svc.Withdraw(e.ctx, tc.who, tc.id); !errors.Is(err, chores.ErrNotWithdrawable) {
			t.Errorf("withdrawing the %s claim: %v", tc.name, err)
		}
	}
	if _, err := e.svc.Withdraw(e.ctx, approved, "00000000-0000-4000-8000-000000000000"); !errors.Is(err, chores.ErrNotFound) {
		t.Errorf("withdrawing no claim: %v", err)
	}
	if after := e.snapshot(); after != before {
		t.Fatalf("a refused withdrawal changed something:\n%s\n---\n%s", before, after)
	}
}

// TestWithdrawRacesApproval withdraws and approves the same submitted claims at the same time: each claim
// ends either approved (with its mint) or withdrawn (without), never both, and the chore's counters add up.
func TestWithdrawRacesApproval(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{})
	const n = 8
	c := e.chore(100, n)
	claims := make([]chores.Claim, n)
	who := make([]accounts.Principal, n)
	for i := range claims {
		who[i] = e.resident(accounts.StatusApproved, true)
		claims[i] = e.submitted(who[i], c)
	}
	var wg sync.WaitGroup
	for i, cl := range claims {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if _, err := e.svc.Withdraw(e.ctx, who[i], cl.ID); err != nil && !errors.Is(err, chores.ErrNotWithdrawable) {
				t.Errorf("withdraw: %v", err)
			}
		}()
		go func() {
			defer wg.Done()
			if _, err := e.svc.Approve(e.ctx, e.reviewer, cl.ID); err != nil && !errors.Is(err, chores.ErrClaimState) {
				t.Errorf("approve: %v", err)
			}
		}()
	}
	wg.Wait()
	approved := e.count(`SELECT count(*) FROM claims WHERE chore_id = $1 AND status = 'approved'`, c.ID)
	withdrawn := e.count(`SELECT count(*) FROM claims WHERE chore_id = $1 AND status = 'withdrawn'`, c.ID)
	if approved+withdrawn != n {
		t.Fatalf("%d approved and %d withdrawn of %d", approved, withdrawn, n)
	}
	if mints := e.count(`SELECT count(*) FROM chain_intents WHERE kind = 'mint'`); mints != approved {
		t.Fatalf("%d mints for %d approved claims", mints, approved)
	}
	if photos := e.count(`SELECT count(*) FROM claim_photos p JOIN claims c ON c.id = p.claim_id WHERE c.status = 'withdrawn'`); photos != 0 {
		t.Fatalf("withdrawn claims kept %d photos", photos)
	}
	ch, _ := e.svc.Chore(e.ctx, c.ID)
	if ch.PlacesTaken != approved || ch.ReservedCents != 0 || ch.SpentCents != int64(100*approved) {
		t.Fatalf("chore counters %+v after %d approvals and %d withdrawals", ch, approved, withdrawn)
	}
}
