package store

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/ledger"
	"github.com/heerlen/heitje/internal/outbox"
)

// TestSuspendedShopLosesItsRoleOnlyWhenItHoldsNothing: two suspended shops hold coins, so the payout run
// still pays them and no revocation is written — not while their lines wait in a draft or for their redeems,
// not while the ledger has not seen a redeem, not while the line is not recorded redeemed, and not while a
// payment to the shop is on its way. Once shop a holds nothing, one revocation is written (a second round
// writes none), while shop b, still holding coins, keeps its role. Reinstated while the revocation is
// still queued, shop a gets its grant only once the revocation is final, once; until that grant is
// confirmed it cannot take payments.
func TestSuspendedShopLosesItsRoleOnlyWhenItHoldsNothing(t *testing.T) {
	f := newPayoutFixture(t)
	now := func() time.Time { return time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC) }
	svc, err := accounts.New(f.acc, nil, nil, accounts.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	staff := newAccount(accounts.RoleStaff, "loket")
	staff.Status, staff.Privileges = accounts.StatusApproved, []accounts.Privilege{accounts.PrivAccountsApprove}
	if err := f.acc.Create(f.ctx, staff); err != nil {
		t.Fatal(err)
	}
	approver := accounts.Actor{Principal: accounts.Principal{AccountID: staff.ID, Username: "loket", Role: accounts.RoleStaff,
		Privileges: staff.Privileges}}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := f.db.SQL().ExecContext(f.ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	count := func(q string, args ...any) int {
		t.Helper()
		var n int
		if err := f.db.SQL().QueryRowContext(f.ctx, q, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	settle := func(when string, want int) {
		t.Helper()
		if n, err := svc.SettleSuspensions(f.ctx); err != nil || n != want {
			t.Fatalf("%s: a round wrote %d intents (%v), want %d", when, n, err, want)
		}
	}
	confirm := func(id int64, tx string) {
		t.Helper()
		exec(`UPDATE chain_intents SET status = 'confirmed', nonce = id, tx_hash = $2, block_number = 12 WHERE id = $1`, id, tx)
	}
	for _, s := range []accounts.Account{f.a, f.b} {
		_, in, err := svc.ActivateShop(f.ctx, approver, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		confirm(in.ID, common.BigToHash(big.NewInt(in.ID)).Hex())
		if _, err := svc.Suspend(f.ctx, approver, s.ID, "KvK-inschrijving beëindigd"); err != nil {
			t.Fatal(err)
		}
	}
	settle("both hold coins", 0)

	r, err := f.create("2026-10-01", "2026-10-31")
	if err != nil || len(r.Lines) != 2 {
		t.Fatalf("the run does not pay both suspended shops: %+v %v", r, err)
	}
	settle("their lines wait in a draft", 0)
	if _, err := f.svc.Execute(f.ctx, f.fin, r.ID, ""); err != nil {
		t.Fatal(err)
	}
	settle("their redeems are queued", 0)

	// Shop a's redeem is confirmed, then indexed; then the worker records the line redeemed.
	burn := f.transfer(12, 0, f.addr(f.a), common.Address{}, 500)
	red := burn
	red.Name, red.LogIndex, red.Ref = ledger.EventRedeemed, 1, r.Ref
	exec(`UPDATE chain_intents SET status = 'confirmed', nonce = id, tx_hash = $2, block_number = 12
		WHERE kind = 'redeem' AND args ->> 'from' ILIKE $1`, f.a.WalletAddress, burn.TxHash.Hex())
	settle("the ledger has not seen the redeem", 0)
	f.index(t, 12, burn, red)
	settle("the line is not recorded redeemed yet", 0)
	if _, err := f.svc.Settle(f.ctx); err != nil {
		t.Fatal(err)
	}
	late, err := f.db.Outbox().Enqueue(f.ctx, outbox.Intent{Signer: "relayer-0", Kind: outbox.KindTransferWithAuthorization,
		IdempotencyKey: "late-payment", Args: outbox.Args{From: f.resident, To: f.addr(f.a), Amount: big.NewInt(50)}})
	if err != nil {
		t.Fatal(err)
	}
	settle("a payment to the shop is on its way", 0)
	exec(`UPDATE chain_intents SET status = 'failed', error = 'reverted' WHERE id = $1`, late.ID)
	settle("shop a holds nothing", 1)
	settle("a second round", 0)
	revocations := `SELECT count(*) FROM chain_intents WHERE kind = 'revoke_acceptor' AND args ->> 'to' ILIKE $1`
	if count(revocations, f.a.WalletAddress) != 1 || count(revocations, f.b.WalletAddress) != 0 {
		t.Fatal("the revocations are not shop a's one")
	}

	// Reinstated while the revocation is queued: the grant waits for it.
	if _, err := svc.Reinstate(f.ctx, approver, f.a.ID, "nieuwe inschrijving ontvangen"); err != nil {
		t.Fatal(err)
	}
	sus, err := svc.LastSuspension(f.ctx, approver, f.a.ID)
	if err != nil || sus.Open() || sus.RevokeStatus != outbox.StatusQueued || sus.GrantIntentID != 0 {
		t.Fatalf("after reinstatement: %+v %v", sus, err)
	}
	settle("the revocation is still queued", 0)
	confirm(sus.RevokeIntentID, "0xre")
	settle("the revocation is confirmed", 1)
	settle("a second round", 0)
	grants := `SELECT count(*) FROM chain_intents WHERE kind = 'grant_acceptor' AND idempotency_key LIKE 'shop-reinstate:%'`
	if count(grants) != 1 {
		t.Fatal("not one grant after reinstatement")
	}
	shops := f.db.Payments(f.kr)
	if s, err := shops.Shop(f.ctx, f.a.ID); err != nil || s.Active {
		t.Fatalf("the shop takes payments before its grant is confirmed: %+v %v", s, err)
	}
	sus, _ = svc.LastSuspension(f.ctx, approver, f.a.ID)
	confirm(sus.GrantIntentID, "0xgr")
	if s, err := shops.Shop(f.ctx, f.a.ID); err != nil || !s.Active {
		t.Fatalf("the reinstated shop does not take payments once its grant is confirmed: %+v %v", s, err)
	}
	if n := count(`SELECT count(*) FROM audit_log WHERE action IN ('account.suspend', 'shop.revoke_acceptor', 'account.reinstate',
		'shop.grant_acceptor') AND subject_id = $1`, f.a.ID); n != 4 {
		t.Fatalf("%d audit entries for shop a, want 4", n)
	}
}
