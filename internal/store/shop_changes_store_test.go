package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
	"github.com/heerlen/heitje/internal/ledger"
	"github.com/heerlen/heitje/internal/payouts"
)

// TestBankDetailsUnderFourEyes: a shop's change of IBAN waits (the approved IBAN stays current, the new
// one pending) and the bank file of a run drafted meanwhile pays the approved IBAN; a staff member cannot
// approve a change they entered (nothing changes); another approves, which is audited, and the next run
// pays the new IBAN while the first run's bank file still pays the IBAN its lines recorded.
func TestBankDetailsUnderFourEyes(t *testing.T) {
	f := newPayoutFixture(t)
	const oldIBAN, newIBAN, staffIBAN = "NL91ABNA0417164300", "DE89370400440532013000", "NL20INGB0001234567"
	now := func() time.Time { return time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC) }
	svc, err := accounts.New(f.acc, nil, nil, accounts.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	pay, err := payouts.New(f.db.Payouts(f.kr), payouts.Options{Now: now,
		Debtor: &payouts.Debtor{Name: "Gemeente Heerlen", IBAN: "NL02ABNA0123456789", BIC: "BNGHNL2G"}})
	if err != nil {
		t.Fatal(err)
	}
	staff := func(name string) accounts.Actor {
		a := newAccount(accounts.RoleStaff, name)
		a.Status, a.Privileges = accounts.StatusApproved, []accounts.Privilege{accounts.PrivAccountsApprove}
		if err := f.acc.Create(f.ctx, a); err != nil {
			t.Fatal(err)
		}
		return accounts.Actor{Principal: accounts.Principal{AccountID: a.ID, Username: name, Role: accounts.RoleStaff,
			Privileges: a.Privileges}}
	}
	anna, bert := staff("anna"), staff("bert")
	shop := accounts.Principal{AccountID: f.a.ID, Username: f.a.Username, Role: accounts.RoleShop}

	// The shop changes its IBAN: it waits; the approved IBAN stays.
	iban := newIBAN
	me, err := svc.UpdateMe(f.ctx, shop, accounts.Update{Shop: &accounts.ShopUpdate{IBAN: &iban}})
	if err != nil {
		t.Fatal(err)
	}
	if me.Shop.IBAN != oldIBAN || me.Shop.Pending == nil || me.Shop.Pending.Details.IBAN != newIBAN || !me.Shop.Pending.ByShop() {
		t.Fatalf("after the change: %+v pending %+v", me.Shop, me.Shop.Pending)
	}
	if me, _ = svc.Me(f.ctx, shop); me.Shop.IBAN != oldIBAN || me.Shop.DetailsVersion != 1 || me.Shop.Pending == nil ||
		me.Shop.Pending.Details.IBAN != newIBAN {
		t.Fatalf("GET me: %+v", me.Shop)
	}
	change := me.Shop.Pending.ID

	// A run drafted now pays the approved IBAN.
	// bankFile executes a run, confirms each shop's redeem in the block given (in the transaction its burn
	// is indexed with, see burn) and exports the bank file.
	bankFile := func(r payouts.Run, blocks map[string]uint64) string {
		t.Helper()
		fin := f.fin
		if _, err := pay.Execute(f.ctx, fin, r.ID, ""); err != nil {
			t.Fatal(err)
		}
		for _, shop := range []accounts.Account{f.a, f.b} {
			b, ok := blocks[shop.ID]
			if !ok {
				continue
			}
			if _, err := f.db.SQL().ExecContext(f.ctx, `UPDATE chain_intents SET status = 'confirmed', nonce = id, tx_hash = $1,
				block_number = $2 WHERE status <> 'confirmed' AND kind = 'redeem' AND args ->> 'from' ILIKE $3`,
				f.transfer(b, 0, common.Address{}, common.Address{}, 0).TxHash.Hex(), int64(b), shop.WalletAddress); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := pay.Settle(f.ctx); err != nil {
			t.Fatal(err)
		}
		_, file, err := pay.ExportBankFile(f.ctx, fin, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		return string(file)
	}
	first, err := pay.Create(f.ctx, f.fin, payouts.CreateInput{PeriodStart: "2026-10-01", PeriodEnd: "2026-10-31"})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range first.Lines {
		if l.DetailsVersion != 1 {
			t.Fatalf("line of the first run: %+v", l)
		}
	}
	if file := bankFile(first, map[string]uint64{f.a.ID: 11, f.b.ID: 12}); !strings.Contains(file, "<IBAN>"+oldIBAN+"</IBAN>") || strings.Contains(file, newIBAN) {
		t.Fatalf("the first run's bank file does not pay the approved IBAN only:\n%s", file)
	}

	// Anna enters a change for shop b on its behalf; she cannot approve it herself, and nothing changes.
	staffIBANv := staffIBAN
	entered, err := svc.EnterShopChange(f.ctx, anna, f.b.ID, accounts.ShopChangeInput{IBAN: &staffIBANv}, "shop phoned: new bank")
	if err != nil || entered.ByShop() {
		t.Fatalf("entered: %+v %v", entered, err)
	}
	if _, err := svc.ApproveShopChange(f.ctx, anna, entered.ID); !errors.Is(err, accounts.ErrOwnShopChange) {
		t.Fatalf("anna approving her own entry: %v", err)
	}
	if b, _ := f.acc.ByID(f.ctx, f.b.ID); b.Shop.IBAN != oldIBAN || b.Shop.DetailsVersion != 1 {
		t.Fatalf("shop b after a refused self-approval: %+v", b.Shop)
	}
	if c, ok, _ := f.acc.PendingShopChange(f.ctx, f.b.ID); !ok || c.ID != entered.ID {
		t.Fatalf("b's change no longer waits: %+v %v", c, ok)
	}
	// A refusal needs a reason; bert refuses it.
	if _, err := svc.RefuseShopChange(f.ctx, bert, entered.ID, " "); err == nil {
		t.Fatal("a refusal without reason was accepted")
	}
	if c, err := svc.RefuseShopChange(f.ctx, bert, entered.ID, "the bank statement does not match"); err != nil || c.Status != accounts.ShopChangeRefused {
		t.Fatalf("refuse: %+v %v", c, err)
	}

	// Anna approves the shop's own change (she did not enter it): version 2, audited.
	approved, err := svc.ApproveShopChange(f.ctx, anna, change)
	if err != nil || approved.Version != 2 {
		t.Fatalf("approve: %+v %v", approved, err)
	}
	if _, err := svc.ApproveShopChange(f.ctx, bert, change); !errors.Is(err, accounts.ErrShopChangeDecided) {
		t.Fatalf("approving twice: %v", err)
	}
	if me, _ = svc.Me(f.ctx, shop); me.Shop.IBAN != newIBAN || me.Shop.DetailsVersion != 2 || me.Shop.Pending != nil {
		t.Fatalf("after approval: %+v", me.Shop)
	}
	entries, err := f.db.Audit().List(f.ctx, audit.Filter{SubjectID: f.a.ID, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]string{}
	for _, e := range entries {
		actions[e.Action] = e.ActorID
	}
	if actions["shop.details_change"] != f.a.ID || actions["shop.details_approve"] != anna.AccountID {
		t.Fatalf("audit of shop a: %v", actions)
	}
	if entries, _ = f.db.Audit().List(f.ctx, audit.Filter{SubjectID: f.b.ID, Limit: 50}); len(entries) < 2 {
		t.Fatalf("audit of shop b: %+v", entries)
	}

	// The next run pays the new IBAN; the first run's bank file still pays the IBAN its lines recorded.
	burn := func(block uint64, shop accounts.Account, cents int64) []ledger.Event {
		tr := f.transfer(block, 0, f.addr(shop), common.Address{}, cents)
		red := tr
		red.Name, red.LogIndex, red.To, red.Ref = ledger.EventRedeemed, 1, common.Address{}, first.Ref
		return []ledger.Event{tr, red}
	}
	f.index(t, 15, append(append(burn(11, f.a, 500), burn(12, f.b, 200)...), f.transfer(14, 0, f.resident, f.addr(f.a), 250))...)
	second, err := pay.Create(f.ctx, f.fin, payouts.CreateInput{PeriodStart: "2026-11-01", PeriodEnd: "2026-11-30"})
	if err != nil || len(second.Lines) != 1 || second.Lines[0].DetailsVersion != 2 {
		t.Fatalf("second run: %+v %v", second, err)
	}
	if file := bankFile(second, map[string]uint64{f.a.ID: 16}); !strings.Contains(file, "<IBAN>"+newIBAN+"</IBAN>") || strings.Contains(file, oldIBAN) {
		t.Fatalf("the second run's bank file does not pay the new IBAN:\n%s", file)
	}
	if _, file, err := pay.ExportBankFile(f.ctx, f.fin, first.ID); err != nil || strings.Contains(string(file), newIBAN) {
		t.Fatalf("the first run's bank file again: %v\n%s", err, file)
	}
}
