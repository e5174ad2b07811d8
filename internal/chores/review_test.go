package chores_test

import (
	"errors"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/photos/phototest"
)

// TestConcurrentApprovalsWriteOneIntent approves one claim from 20 goroutines at once: every call answers
// the approved claim, and exactly one mint intent exists, for the claim's reward, to the resident's
// address, under the claim's opaque reference.
func TestConcurrentApprovalsWriteOneIntent(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{})
	p := e.resident(accounts.StatusApproved, true)
	cl := e.submitted(p, e.chore(750, 3))
	var wg sync.WaitGroup
	errs := make([]error, 20)
	start := make(chan struct{})
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			got, err := e.svc.Approve(e.ctx, e.reviewer, cl.ID)
			if err == nil && got.Status != chores.StatusApproved {
				err = errors.New("answered status " + string(got.Status))
			}
			errs[i] = err
		}()
	}
	close(start)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := e.count(`SELECT count(*) FROM chain_intents`); n != 1 {
		t.Fatalf("%d intents for one approval", n)
	}
	in, err := e.db.Outbox().ByIdempotencyKey(e.ctx, "claim:"+cl.ID)
	if err != nil {
		t.Fatal(err)
	}
	var wallet string
	e.db.SQL().QueryRowContext(e.ctx, `SELECT wallet_address FROM accounts WHERE id = $1`, p.AccountID).Scan(&wallet)
	if in.Kind != outbox.KindMint || in.Signer != "minter" || in.Args.Amount.Cmp(big.NewInt(750)) != 0 ||
		in.Args.To != common.HexToAddress(wallet) || in.Args.Ref != chores.ClaimRef(cl.ID) {
		t.Fatalf("intent %+v", in)
	}
	if e.count(`SELECT count(*) FROM audit_log WHERE action = 'claim.approve'`) != 1 {
		t.Fatal("want one audit entry for one approval")
	}
	c, _ := e.svc.Chore(e.ctx, cl.ChoreID)
	if c.SpentCents != 750 || c.ReservedCents != 0 || c.PlacesTaken != 1 {
		t.Fatalf("chore counters after approval: %+v", c)
	}
}

// TestApprovalRefusalsChangeNothing: the reviewer who created the chore, a reward past the monthly or the
// yearly cap, and a budget lowered below the reward are refused, and the database is as it was. The test
// runs on a clock set to February and March of next year, so the yearly cap is checked whatever today's date,
// and then to half past midnight on New Year's Day in Heerlen (still the old year in UTC), when the service's
// Europe/Amsterdam calendar has both caps fresh.
func TestApprovalRefusalsChangeNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{CapMonthCents: 1000, CapYearCents: 1500})
	heerlen, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	next := e.clock.Now().In(heerlen).Year() + 1
	e.setClock(time.Date(next, time.February, 2, 10, 0, 0, 0, heerlen))
	p := e.resident(accounts.StatusApproved, true)
	first := e.submitted(p, e.chore(900, 3))
	if _, err := e.svc.Approve(e.ctx, e.reviewer, first.ID); err != nil {
		t.Fatal(err)
	}
	monthly := e.submitted(p, e.chore(200, 3)) // 900 + 200 > 1000 this month
	own := e.submitted(e.resident(accounts.StatusApproved, true), e.chore(100, 3))
	budget := e.chore(500, 3)
	paid := e.submitted(e.resident(accounts.StatusApproved, true), budget)
	lowered := e.submitted(e.resident(accounts.StatusApproved, true), budget)
	newBudget := int64(900) // staff cut the budget: it pays one of the two claims
	if _, err := e.svc.UpdateChore(e.ctx, e.manager, budget.ID, chores.ChorePatch{BudgetCents: &newBudget}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Approve(e.ctx, e.reviewer, paid.ID); err != nil {
		t.Fatal(err)
	}
	before := e.snapshot()
	for _, tc := range []struct {
		name     string
		reviewer accounts.Actor
		claim    string
		want     error
	}{
		{"monthly cap", e.reviewer, monthly.ID, chores.ErrCapExceeded},
		{"own chore", e.manager, own.ID, chores.ErrOwnChore},
		{"budget lowered", e.reviewer, lowered.ID, chores.ErrBudgetExceeded},
		{"no review privilege", staff(accounts.PrivChoresManage), own.ID, chores.ErrForbidden},
		{"no such claim", e.reviewer, "5f1d7c36-0000-4000-8000-000000000000", chores.ErrNotFound},
	} {
		if _, err := e.svc.Approve(e.ctx, tc.reviewer, tc.claim); !errors.Is(err, tc.want) {
			t.Errorf("%s: want %v, got %v", tc.name, tc.want, err)
		}
	}
	if after := e.snapshot(); after != before {
		t.Fatalf("refused approvals changed the database:\n%s\n---\n%s", before, after)
	}
	// In March the monthly cap is fresh, but 900 + 200 + 500 would pass the yearly 1500.
	e.setClock(time.Date(next, time.March, 6, 10, 0, 0, 0, heerlen))
	if _, err := e.svc.Approve(e.ctx, e.reviewer, monthly.ID); err != nil {
		t.Fatalf("next month: %v", err)
	}
	yearly := e.submitted(p, e.chore(500, 3))
	if _, err := e.svc.Approve(e.ctx, e.reviewer, yearly.ID); !errors.Is(err, chores.ErrCapExceeded) {
		t.Fatalf("yearly cap: want %v, got %v", chores.ErrCapExceeded, err)
	}
	// At 00:30 on 1 January in Heerlen (23:30 on 31 December in UTC) a new year has begun: 500 more is allowed.
	e.setClock(time.Date(next+1, time.January, 1, 0, 30, 0, 0, heerlen))
	newYear := e.submitted(p, e.chore(500, 3))
	if _, err := e.svc.Approve(e.ctx, e.reviewer, newYear.ID); err != nil {
		t.Fatalf("just after midnight on New Year's Day in Heerlen: %v", err)
	}
}

// TestRequestInfoRejectAndSettle walks a claim through a request for more information, a second upload, a
// refused rejection without a reason, and approval; another claim through rejection. The worker marks the
// approved one rewarded once its intent is confirmed, and only once.
func TestRequestInfoRejectAndSettle(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{})
	c := e.chore(400, 2)
	p, q := e.resident(accounts.StatusApproved, true), e.resident(accounts.StatusApproved, true)
	cl := e.submitted(p, c)
	if _, err := e.svc.RequestInfo(e.ctx, e.reviewer, cl.ID, "  "); !errors.Is(err, chores.ErrMessageRequired) {
		t.Fatalf("request-info without a message: %v", err)
	}
	asked, err := e.svc.RequestInfo(e.ctx, e.reviewer, cl.ID, "Graag een foto van de volle zak")
	if err != nil || asked.Status != chores.StatusNeedsInfo || asked.ProofDueAt == nil {
		t.Fatalf("request-info: %+v %v", asked, err)
	}
	if _, err := e.svc.Approve(e.ctx, e.reviewer, cl.ID); !errors.Is(err, chores.ErrClaimState) {
		t.Fatalf("approving a claim that waits for information: %v", err)
	}
	again, err := e.svc.SubmitProof(e.ctx, p, cl.ID, "hier is de zak", [][]byte{phototest.JPEG(16, 16)})
	if err != nil || again.Status != chores.StatusSubmitted || again.PhotoCount != 2 || again.Note != "hier is de zak" {
		t.Fatalf("resubmission: %+v %v", again, err)
	}
	other := e.submitted(q, c)
	if _, err := e.svc.Reject(e.ctx, e.reviewer, other.ID, ""); !errors.Is(err, chores.ErrReasonRequired) {
		t.Fatalf("rejection without a reason: %v", err)
	}
	rej, err := e.svc.Reject(e.ctx, e.reviewer, other.ID, "Geen zak te zien")
	if err != nil || rej.Status != chores.StatusRejected || rej.RejectReason != "Geen zak te zien" {
		t.Fatalf("reject: %+v %v", rej, err)
	}
	if got, _ := e.svc.Chore(e.ctx, c.ID); got.PlacesTaken != 1 || got.ReservedCents != 400 {
		t.Fatalf("rejection did not give the place back: %+v", got)
	}
	approved, err := e.svc.Approve(e.ctx, e.reviewer, cl.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n, _, _ := e.svc.Step(e.ctx); n != 0 {
		t.Fatal("rewarded before the mint was confirmed")
	}
	hash := common.HexToHash("0x" + strings.Repeat("ab", 32))
	// What the minter's sender records when the receipt arrives.
	if _, err := e.db.SQL().ExecContext(e.ctx, `UPDATE chain_intents SET status = 'confirmed', nonce = 0, tx_hash = $1,
		block_number = 7, done_at = now() WHERE id = $2`, hash.Hex(), approved.IntentID); err != nil {
		t.Fatal(err)
	}
	for round, want := range []int{1, 0} {
		if n, _, err := e.svc.Step(e.ctx); err != nil || n != want {
			t.Fatalf("round %d rewarded %d, want %d: %v", round, n, want, err)
		}
	}
	list, err := e.svc.ResidentClaims(e.ctx, p, 0, 0)
	if err != nil || len(list) != 1 || list[0].Status != chores.StatusRewarded || list[0].TxHash != hash.Hex() ||
		list[0].MintStatus != outbox.StatusConfirmed {
		t.Fatalf("resident's claims: %+v %v", list, err)
	}
	if n := e.count(`SELECT count(*) FROM audit_log WHERE action IN ('claim.request_info', 'claim.reject', 'claim.approve')`); n != 3 {
		t.Fatalf("%d audit entries for three decisions", n)
	}
}

// TestReviewerPhotoIsAudited reads a proof photo as a reviewer: the bytes are the stored ones, the read is
// in the audit log, and a photo number that does not exist is not found.
func TestReviewerPhotoIsAudited(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{})
	cl := e.submitted(e.resident(accounts.StatusApproved, true), e.chore(100, 1))
	ph, err := e.svc.ReviewPhoto(e.ctx, e.reviewer, cl.ID, 1)
	if err != nil || ph.ContentType != "image/jpeg" || len(ph.Data) == 0 {
		t.Fatalf("photo: %s %d bytes, %v", ph.ContentType, len(ph.Data), err)
	}
	if _, err := e.svc.ReviewPhoto(e.ctx, e.reviewer, cl.ID, 2); !errors.Is(err, chores.ErrNotFound) {
		t.Fatalf("photo 2: %v", err)
	}
	if _, err := e.svc.ReviewPhoto(e.ctx, staff(accounts.PrivChoresManage), cl.ID, 1); !errors.Is(err, chores.ErrForbidden) {
		t.Fatalf("photo without chores.review: %v", err)
	}
	if n := e.count(`SELECT count(*) FROM audit_log WHERE action = 'claim.photo_read' AND actor_id = $1`, e.reviewer.AccountID); n != 1 {
		t.Fatalf("%d audit entries for one photo read", n)
	}
}
