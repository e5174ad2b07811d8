package privacy_test

import (
	"encoding/hex"
	"errors"
	"github.com/heerlen/heitje/internal/accounts"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/privacy/privacytest"
)

// totals are the bookkeeping and ledger figures erasure must leave as they are.
func (e *env) totals() string {
	e.t.Helper()
	var s string
	err := e.db.SQL().QueryRowContext(e.ctx, `SELECT concat_ws(' ',
		(SELECT count(*) || '/' || COALESCE(sum(reward_cents), 0) FROM claims WHERE status IN ('approved', 'rewarded')),
		(SELECT count(*) || '/' || COALESCE(sum(amount_cents), 0) FROM payment_requests),
		(SELECT count(*) || '/' || COALESCE(sum(amount_cents), 0) FROM refunds),
		(SELECT count(*) || '/' || COALESCE(sum(amount_cents), 0) FROM payout_lines),
		(SELECT count(*) || '/' || COALESCE(sum(balance), 0) FROM token_balances),
		(SELECT count(*) FROM token_events), (SELECT count(*) FROM chain_intents),
		(SELECT md5(string_agg(args::text, ',' ORDER BY id)) FROM chain_intents))`).Scan(&s)
	if err != nil {
		e.t.Fatal(err)
	}
	return s
}

// leftovers scans every column of every table, as text, and every sealed column decrypted, for the given
// values (case-insensitive); allowed maps a table to values it may still hold. It answers one line per table
// and value found.
func (e *env) leftovers(values []string, allowed map[string][]string) []string {
	e.t.Helper()
	found, err := privacytest.Leftovers(e.ctx, e.db.SQL(), e.keys, values, allowed)
	if err != nil {
		e.t.Fatal(err)
	}
	return privacytest.Lines(found)
}

// TestErasureLeavesNothingOfThePerson erases the fixture's resident: it is refused while a claim is open,
// changing nothing; once the claim expired it removes every personal value of theirs from every table (sealed
// columns decrypted, keyed hashes included) and their photos from the folder, severs the tie between them and
// their chain address, and leaves the bookkeeping and the ledger totals exactly as they were.
func TestErasureLeavesNothingOfThePerson(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	r := w.resident
	before := e.totals()
	req, err := e.svc.FileRequest(e.ctx, r.p, privacy.RequestInput{Kind: privacy.KindErasure, Details: "Verwijder alles van Truus"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.CloseRequest(e.ctx, e.officer, req.ID, privacy.DecisionGranted, ""); !errors.Is(err, privacy.ErrErasureBlocked) ||
		!strings.Contains(err.Error(), "1 open claim") {
		t.Fatalf("erasure with an open claim: %v", err)
	}
	if e.count(`SELECT count(*) FROM accounts WHERE id = $1`, r.p.AccountID) != 1 ||
		e.count(`SELECT count(*) FROM privacy_requests WHERE id = $1 AND status = 'open'`, req.ID) != 1 {
		t.Fatal("a blocked erasure changed something")
	}
	e.clock.Advance(49 * time.Hour)
	if _, expired, err := e.chores.Step(e.ctx); err != nil || expired != 1 {
		t.Fatalf("expiring the open claim: %d, %v", expired, err)
	}
	var photoFiles []string
	rows, _ := e.db.SQL().QueryContext(e.ctx, `SELECT file_name FROM claim_photos`)
	for rows.Next() {
		var f string
		rows.Scan(&f)
		photoFiles = append(photoFiles, f)
	}
	rows.Close()
	needles := append(append([]string{}, r.values...), r.p.AccountID, "Verwijder alles van Truus", "Taart was op",
		hex.EncodeToString(e.lookup.Hash("email", "truus.devries.7731@example.nl")),
		hex.EncodeToString(e.lookup.Hash("phone", "+31687650001")), hex.EncodeToString(e.lookup.Hash("login-username", "truus-7731")))

	out, err := e.svc.CloseRequest(e.ctx, e.officer, req.ID, privacy.DecisionGranted, "")
	if err != nil {
		t.Fatal(err)
	}
	if out.Erased == nil || len(out.Erased.Files) != 3 || out.Erased.Rows["accounts"] != 1 {
		t.Fatalf("erasure: %+v", out.Erased)
	}
	// The audit log is append-only: it keeps the account id (not a personal value), until its retention ends.
	if found := e.leftovers(needles, map[string][]string{"audit_log": {r.p.AccountID}}); len(found) > 0 {
		t.Fatalf("after erasure:\n  %s", strings.Join(found, "\n  "))
	}
	for _, f := range photoFiles {
		if _, err := os.Stat(e.files.Dir() + "/" + f); !os.IsNotExist(err) {
			t.Fatalf("photo file %s is still there (%v)", f, err)
		}
	}
	if after := e.totals(); after != before {
		t.Fatalf("bookkeeping or ledger changed:\n before %s\n after  %s", before, after)
	}
	if e.count(`SELECT count(*) FROM accounts WHERE wallet_address = $1`, r.wallet) != 0 ||
		e.count(`SELECT count(*) FROM claims WHERE mint_to = $1 AND resident_id <> $2`, r.wallet, privacy.ErasedAccountID) != 0 ||
		e.count(`SELECT count(*) FROM payment_requests WHERE payer_address = $1 AND payer_id <> $2`, r.wallet, privacy.ErasedAccountID) != 0 {
		t.Fatal("the chain address is still tied to an account other than the erased stand-in")
	}
	if _, err := e.svc.Export(e.ctx, r.p); !errors.Is(err, privacy.ErrNotFound) {
		t.Fatalf("export after erasure: %v", err)
	}
	if res, err := audit.Verify(e.ctx, e.db.Audit()); err != nil || !res.OK() {
		t.Fatalf("audit log after erasure: %+v %v", res, err)
	}
	if _, err := e.svc.CloseRequest(e.ctx, e.officer, req.ID, privacy.DecisionGranted, ""); !errors.Is(err, privacy.ErrRequestClosed) {
		t.Fatalf("closing twice: %v", err)
	}
}

// TestShopErasureKeepsTheBookkeeping anonymises the fixture's shop: refused while it still holds coins,
// then its contact details, login and key go while its business bookkeeping stays for the payouts.
func TestShopErasureKeepsTheBookkeeping(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	s := w.shop
	req, err := e.svc.FileRequest(e.ctx, s.p, privacy.RequestInput{Kind: privacy.KindErasure})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.CloseRequest(e.ctx, e.officer, req.ID, privacy.DecisionGranted, ""); !errors.Is(err, privacy.ErrErasureBlocked) ||
		!strings.Contains(err.Error(), "holds 200 cents") {
		t.Fatalf("erasure of a shop holding coins: %v", err)
	}
	e.exec(`UPDATE token_balances SET balance = 0 WHERE address = $1`, s.wallet)
	// A change of bank details still waiting for a second pair of eyes (beside the refused one of the
	// fixture): neither ever became the shop's, so neither is bookkeeping.
	pending := "NL39RABO0300065264"
	if _, err := e.acc.UpdateMe(e.ctx, s.p, accounts.Update{Shop: &accounts.ShopUpdate{IBAN: &pending}}); err != nil {
		t.Fatal(err)
	}
	before := e.totals()
	if _, err := e.svc.CloseRequest(e.ctx, e.officer, req.ID, privacy.DecisionGranted, ""); err != nil {
		t.Fatal(err)
	}
	if found := e.leftovers(s.values, nil); len(found) > 0 {
		t.Fatalf("after anonymising the shop:\n  %s", strings.Join(found, "\n  "))
	}
	if found := e.leftovers([]string{pending, "Bakkerij Vrijthof-Kessels B.V."}, nil); len(found) > 0 {
		t.Fatalf("bank details that never became the shop's are kept:\n  %s", strings.Join(found, "\n  "))
	}
	// The reasons of its suspension go too, but from the audit log, which keeps every reason until its
	// retention ends.
	reasons := []string{suspensionReason, reinstateReason}
	if found := e.leftovers(reasons, map[string][]string{"audit_log": reasons}); len(found) > 0 {
		t.Fatalf("the reasons of the shop's suspension are kept:\n  %s", strings.Join(found, "\n  "))
	}
	kept := e.leftovers([]string{"Bakkerij Vrijthof-Kessels", "87654321", "NL02ABNA0123456789"}, nil)
	if len(kept) < 3 {
		t.Fatalf("the business bookkeeping was not kept: %v", kept)
	}
	if after := e.totals(); after != before {
		t.Fatalf("bookkeeping changed:\n before %s\n after  %s", before, after)
	}
	if e.count(`SELECT count(*) FROM accounts WHERE id = $1 AND status = 'erased' AND password_hash = '!'`, s.p.AccountID) != 1 {
		t.Fatal("the shop can still log in")
	}
}
