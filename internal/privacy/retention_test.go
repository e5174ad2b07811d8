package privacy_test

import (
	"context"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/store"
)

const days = 24 * time.Hour

// snapshot is every table's content and the photo folder's listing, to show that a run changed nothing.
func (e *env) snapshot() string {
	e.t.Helper()
	var parts []string
	for _, t := range privacy.Tables(store.Datasets()) {
		var h string
		if err := e.db.SQL().QueryRowContext(e.ctx, `SELECT COALESCE(md5(string_agg(to_jsonb(x)::text, '|' ORDER BY to_jsonb(x)::text)), '')
			FROM `+t.Name+` x`).Scan(&h); err != nil {
			e.t.Fatal(err)
		}
		parts = append(parts, t.Name+"="+h)
	}
	files, err := e.files.List()
	if err != nil {
		e.t.Fatal(err)
	}
	for _, f := range files {
		parts = append(parts, f.Name)
	}
	sort.Strings(parts)
	return strings.Join(parts, "\n")
}

// registration registers a resident under the test clock and, with decide set, approves or rejects it.
func (e *env) registration(name string, decide string) accounts.Principal {
	e.t.Helper()
	a, err := e.acc.Register(e.ctx, accounts.Registration{Role: accounts.RoleResident, Username: name, Password: password})
	if err != nil {
		e.t.Fatal(err)
	}
	switch decide {
	case "approve":
		_, err = e.acc.Approve(e.ctx, e.admin, a.ID, "")
	case "reject":
		_, err = e.acc.Reject(e.ctx, e.admin, a.ID, "dubbele aanmelding")
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return accounts.Principal{AccountID: a.ID, Username: name, Role: accounts.RoleResident}
}

// TestRetentionRemovesWhatIsPastItsPeriod makes, at day 0 and day 60 of a controllable clock, a registration
// awaiting approval, a rejected one, an approved claim with photos, an idle resident and a login; on day 100
// it runs the retention job: what is past its period is gone after one run (the day-0 registrations,
// photos, idle resident, ended sessions and an audit entry a year old), what is inside it is untouched, and a
// second run changes nothing at all.
func TestRetentionRemovesWhatIsPastItsPeriod(t *testing.T) {
	var old audit.Entry
	e := newEnv(t, func(db *store.DB) {
		var err error
		if old, err = db.Audit().Append(context.Background(), audit.Entry{At: time.Now().Add(-400 * days), Action: "test.old"}); err != nil {
			t.Fatal(err)
		}
	})
	var err error
	r := privacy.Retention{PendingRegistrations: 90 * days, RejectedRegistrations: 30 * days, ProofPhotos: 90 * days,
		InactiveAccounts: 95 * days, Sessions: 30 * days, AuditLog: 200 * days, PayoutRecords: 2557 * days, Notices: 50 * days}
	if e.svc, err = privacy.New(e.db.Privacy(e.keys, e.lookup), folder{e.files}, store.Datasets(),
		privacy.Options{Now: e.clock.Now, Retention: r}); err != nil {
		t.Fatal(err)
	}
	pendingOld, rejectedOld := e.registration("wacht-oud", ""), e.registration("afgewezen-oud", "reject")
	idle := e.registration("stil-oud", "approve")
	oldActive, _ := e.resident("actief-oud", "", "")
	oldClaim := e.claim(oldActive, e.chore("Oude klus"), "oud")
	e.must(e.chores.Approve(e.ctx, e.reviewer, oldClaim))
	e.sessions("actief-oud")

	e.clock.Advance(60 * days)
	pendingNew := e.registration("wacht-nieuw", "")
	newActive, _ := e.resident("actief-nieuw", "", "")
	newClaim := e.claim(newActive, e.chore("Nieuwe klus"), "nieuw")
	e.must(e.chores.Approve(e.ctx, e.reviewer, newClaim))
	e.sessions("actief-nieuw")
	// Notices are written at the database's time; the day-60 ones are moved to the test clock's day 60.
	e.exec(`UPDATE notices SET created_at = created_at + interval '60 days' WHERE account_id = $1`, newActive.AccountID)
	e.clock.Advance(20 * days)
	rejectedNew := e.registration("afgewezen-nieuw", "reject")
	e.clock.Advance(20 * days)
	if _, err := e.acc.Login(e.ctx, "actief-oud", password, "198.51.100.9"); err != nil {
		t.Fatal(err) // keeps the day-0 resident active
	}

	rep, err := e.svc.RunRetention(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	exists := func(id string) bool { return e.count(`SELECT count(*) FROM accounts WHERE id = $1`, id) == 1 }
	for _, c := range []struct {
		what string
		id   string
		want bool
	}{{"pending 100 days", pendingOld.AccountID, false}, {"pending 40 days", pendingNew.AccountID, true},
		{"rejected 100 days ago", rejectedOld.AccountID, false}, {"rejected 20 days ago", rejectedNew.AccountID, true},
		{"idle for 100 days", idle.AccountID, false}, {"active today", oldActive.AccountID, true},
		{"active 40 days ago", newActive.AccountID, true}} {
		if exists(c.id) != c.want {
			t.Errorf("%s: exists %t, want %t", c.what, !c.want, c.want)
		}
	}
	if n := e.count(`SELECT count(*) FROM claim_photos WHERE claim_id = $1`, oldClaim); n != 0 {
		t.Errorf("the photos of the claim decided 100 days ago: %d left", n)
	}
	if n := e.count(`SELECT count(*) FROM claim_photos WHERE claim_id = $1`, newClaim); n != 1 {
		t.Errorf("the photo of the claim decided 40 days ago: %d left, want 1", n)
	}
	if files, _ := e.files.List(); len(files) != 1 {
		t.Errorf("%d photo files left, want 1", len(files))
	}
	if e.count(`SELECT count(*) FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.username = 'actief-oud'`) != 1 ||
		e.count(`SELECT count(*) FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.username = 'actief-nieuw'`) != 1 {
		t.Error("sessions: those ended before day 70 should be gone, the day-60 login still running and today's kept")
	}
	if e.count(`SELECT count(*) FROM audit_log WHERE id = $1`, old.ID) != 0 || e.count(`SELECT count(*) FROM audit_log`) < 10 {
		t.Error("audit log: the year-old entry should be gone, the recent ones kept")
	}
	if e.count(`SELECT count(*) FROM notices WHERE account_id = $1`, oldActive.AccountID) != 0 ||
		e.count(`SELECT count(*) FROM notices WHERE account_id = $1`, newActive.AccountID) != 2 {
		t.Error("notices: those of day 0 should be gone, the two of day 60 (approved, claim approved) kept")
	}
	if res, err := audit.Verify(e.ctx, e.db.Audit()); err != nil || !res.OK() {
		t.Fatalf("audit log after pruning: %+v %v", res, err)
	}
	t.Logf("first run: %s", rep)
	if rep.Counts["pending_registrations"] != 1 || rep.Counts["rejected_registrations"] != 1 || rep.Counts["inactive_accounts"] != 1 ||
		rep.Counts["proof_photos"] != 1 || rep.Counts["audit_log"] != 1 || rep.Counts["notices"] < 2 {
		t.Errorf("report: %s", rep)
	}

	before := e.snapshot()
	rep, err = e.svc.RunRetention(e.ctx)
	if err != nil || rep.Changed() {
		t.Fatalf("second run: %s, %v", rep, err)
	}
	if after := e.snapshot(); after != before {
		t.Fatal("the second run changed the database or the photo folder")
	}
	if _, err := os.Stat(e.files.Dir()); err != nil {
		t.Fatal(err)
	}
}

// TestRetentionEndsTheBookkeeping lets eight years pass over the full fixture: the inactive resident is
// erased and the shop anonymised, then the bookkeeping past its seven years goes (payout runs and lines,
// payments, refunds, decided claims) and with it the anonymised shop; a photo file no record refers to is
// swept once it is an hour old, a fresh one is left for its upload to finish. A second run changes nothing.
func TestRetentionEndsTheBookkeeping(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	e.exec(`UPDATE token_balances SET balance = 0 WHERE address = $1`, w.shop.wallet)
	stray, fresh := e.files.Dir()+"/0123456789abcdef0123456789abcdef", e.files.Dir()+"/fedcba9876543210fedcba9876543210"
	for _, f := range []string{stray, fresh} {
		if err := os.WriteFile(f, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(stray, time.Now().Add(-2*time.Hour), time.Now().Add(-2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(8 * 366 * days)
	if _, _, err := e.chores.Step(e.ctx); err != nil {
		t.Fatal(err)
	}
	rep, err := e.svc.RunRetention(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("run: %s", rep)
	for _, table := range []string{"payout_lines", "payout_runs", "payment_requests", "refunds", "claims", "claim_photos",
		"sessions", "consents", "privacy_requests WHERE account_id <> '" + privacy.ErasedAccountID + "'"} {
		if n := e.count(`SELECT count(*) FROM ` + table); n != 0 {
			t.Errorf("%s: %d rows left", table, n)
		}
	}
	if n := e.count(`SELECT count(*) FROM accounts WHERE role <> 'staff' AND id <> $1`, privacy.ErasedAccountID); n != 0 {
		t.Errorf("%d resident or shop accounts left", n)
	}
	if _, err := os.Stat(stray); !os.IsNotExist(err) {
		t.Errorf("the stray photo file is still there: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("the fresh photo file was removed: %v", err)
	}
	before := e.snapshot()
	if rep, err := e.svc.RunRetention(e.ctx); err != nil || rep.Changed() {
		t.Fatalf("second run: %s, %v", rep, err)
	}
	if e.snapshot() != before {
		t.Fatal("the second run changed something")
	}
}
