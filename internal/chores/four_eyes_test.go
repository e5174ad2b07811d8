package chores_test

import (
	"errors"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
)

// TestReviewerWhoRaisedRewardCannotApprove: a staff member who raises another person's chore's reward
// cannot approve its claims (ErrOwnChore, nothing changed), and the change is in the audit log with the old
// and new reward and in the chore's changes; a reviewer who only retitled the chore and one who did not
// touch it can approve.
func TestReviewerWhoRaisedRewardCannotApprove(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{})
	raiser := staff(accounts.PrivChoresManage, accounts.PrivChoresReview)
	retitler := staff(accounts.PrivChoresManage, accounts.PrivChoresReview)
	c := e.chore(500, 3)
	reward, budget := int64(2000), int64(6000)
	if _, err := e.svc.UpdateChore(e.ctx, raiser, c.ID, chores.ChorePatch{RewardCents: &reward, BudgetCents: &budget}); err != nil {
		t.Fatal(err)
	}
	title := "Zwerfafval prikken bij de vijver"
	if _, err := e.svc.UpdateChore(e.ctx, retitler, c.ID, chores.ChorePatch{Title: &title}); err != nil {
		t.Fatal(err)
	}

	var actor, detail string
	if err := e.db.SQL().QueryRowContext(e.ctx, `SELECT actor_id::text, detail FROM audit_log
		WHERE action = 'chore.update' AND actor_id = $1`, raiser.AccountID).Scan(&actor, &detail); err != nil {
		t.Fatalf("no audit entry of the raise: %v", err)
	}
	if want := "chore " + c.ID + ": reward_cents 500 → 2000; budget_cents 1500 → 6000"; detail != want {
		t.Fatalf("audit detail %q, want %q", detail, want)
	}
	if n := e.count(`SELECT count(*) FROM chore_changes WHERE chore_id = $1 AND changed_by = $2
		AND field = 'reward_cents' AND old_value = '500' AND new_value = '2000'`, c.ID, raiser.AccountID); n != 1 {
		t.Fatalf("%d recorded changes of the reward by the raiser", n)
	}
	if n := e.count(`SELECT count(*) FROM audit_log WHERE action = 'chore.create' AND detail LIKE $1`,
		"chore "+c.ID+": %reward_cents 0 → 500%"); n != 1 {
		t.Fatalf("%d audit entries of the chore's creation", n)
	}

	first := e.submitted(e.resident(accounts.StatusApproved, true), c)
	second := e.submitted(e.resident(accounts.StatusApproved, true), c)
	if first.RewardCents != 2000 {
		t.Fatalf("claim promises %d cents, want the raised 2000", first.RewardCents)
	}
	for _, who := range []struct {
		name  string
		actor accounts.Actor
	}{{"the creator", e.manager}, {"the raiser", raiser}} {
		before := e.snapshot()
		if _, err := e.svc.Approve(e.ctx, who.actor, first.ID); !errors.Is(err, chores.ErrOwnChore) {
			t.Fatalf("%s approving: %v, want ErrOwnChore", who.name, err)
		}
		if after := e.snapshot(); after != before {
			t.Fatalf("a refused approval by %s changed the database:\n%s\n---\n%s", who.name, before, after)
		}
		if set, err := e.svc.SetTerms(e.ctx, who.actor, c.ID); err != nil || !set {
			t.Fatalf("SetTerms for %s: %v, %v", who.name, set, err)
		}
	}
	for _, ok := range []struct {
		name  string
		actor accounts.Actor
		claim string
	}{{"the retitler", retitler, first.ID}, {"an untouched reviewer", e.reviewer, second.ID}} {
		got, err := e.svc.Approve(e.ctx, ok.actor, ok.claim)
		if err != nil || got.Status != chores.StatusApproved {
			t.Fatalf("%s approving: %v, %v", ok.name, got.Status, err)
		}
	}
}

// TestUnchangedPatchWritesNothing: a patch that sets the values a chore already has records no change and
// no audit entry, so it cannot lock a reviewer out either.
func TestUnchangedPatchWritesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t, chores.Options{})
	c := e.chore(500, 3)
	same := c.RewardCents
	before := e.snapshot()
	if _, err := e.svc.UpdateChore(e.ctx, e.reviewerManager(), c.ID, chores.ChorePatch{RewardCents: &same}); err != nil {
		t.Fatal(err)
	}
	if after := e.snapshot(); after != before {
		t.Fatalf("an empty change wrote:\n%s\n---\n%s", before, after)
	}
	if n := e.count(`SELECT count(*) FROM chore_changes`); n != 0 {
		t.Fatalf("%d changes recorded for a patch that changed nothing", n)
	}
}

func (e *env) reviewerManager() accounts.Actor {
	return staff(accounts.PrivChoresManage, accounts.PrivChoresReview)
}
