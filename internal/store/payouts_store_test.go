package store

import (
	"context"
	"errors"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/ledger"
	"github.com/heerlen/heitje/internal/payouts"
	"github.com/heerlen/heitje/internal/secrets"
)

// payoutFixture is a migrated database with two activated shops and a resident, whose ledger (indexed up to
// block 10) has 1000 cents minted to the resident, who pays 500 to shop a and 300 to shop b, and shop b
// refund 100.
type payoutFixture struct {
	ctx      context.Context
	db       *DB
	svc      *payouts.Service
	fin      accounts.Actor
	a, b     accounts.Account
	resident common.Address
	token    common.Address
	acc      *AccountStore
	kr       *secrets.Keyring
	cursor   ledger.Block
}

func newPayoutFixture(t *testing.T) *payoutFixture {
	t.Helper()
	f := &payoutFixture{ctx: context.Background(), db: migrated(t), resident: common.HexToAddress("0xa1"),
		token: common.HexToAddress("0xc011")}
	kr, _, lk := testKeys(t, "k1")
	acc := f.db.Accounts(kr, lk)
	f.acc, f.kr = acc, kr
	for i, name := range []string{"bakker", "slager"} {
		s := newAccount(accounts.RoleShop, name)
		key, _ := crypto.GenerateKey()
		s.Status, s.NewShopKey, s.WalletAddress = accounts.StatusApproved, crypto.FromECDSA(key), lowerHex(crypto.PubkeyToAddress(key.PublicKey))
		if err := acc.Create(f.ctx, s); err != nil {
			t.Fatal(err)
		}
		if _, err := f.db.SQL().ExecContext(f.ctx, `UPDATE shops SET activated_at = now() WHERE account_id = $1`, s.ID); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			f.a = s
		} else {
			f.b = s
		}
	}
	var err error
	// The clock stands in 2027, so that every period of the tests lies in the past.
	now := func() time.Time { return time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC) }
	if f.svc, err = payouts.New(f.db.Payouts(kr), payouts.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	f.fin = accounts.Actor{Principal: accounts.Principal{AccountID: f.a.ID, Role: accounts.RoleStaff,
		Privileges: []accounts.Privilege{accounts.PrivFinance}}}
	f.index(t, 10, f.transfer(3, 0, common.Address{}, f.resident, 1000), f.transfer(5, 0, f.resident, f.addr(f.a), 500), f.transfer(6, 0, f.resident, f.addr(f.b), 300),
		f.transfer(7, 0, f.addr(f.b), f.resident, 100))
	return f
}

func (f *payoutFixture) addr(a accounts.Account) common.Address {
	return common.HexToAddress(a.WalletAddress)
}

func (f *payoutFixture) transfer(block uint64, log uint, from, to common.Address, cents int64) ledger.Event {
	return ledger.Event{BlockNumber: block, BlockHash: common.BigToHash(big.NewInt(int64(block))), BlockTime: time.Now(),
		TxHash: crypto.Keccak256Hash(big.NewInt(int64(block*100 + uint64(log))).Bytes()), LogIndex: log,
		Name: ledger.EventTransfer, From: from, To: to, Amount: big.NewInt(cents)}
}

// index applies events to the ledger and moves its cursor to block to.
func (f *payoutFixture) index(t *testing.T, to uint64, evs ...ledger.Event) {
	t.Helper()
	var from *ledger.Block
	if f.cursor.Number != 0 {
		from = &ledger.Block{Number: f.cursor.Number, Hash: f.cursor.Hash}
	}
	next := ledger.Block{Number: to, Hash: common.BigToHash(big.NewInt(int64(to)))}
	if err := f.db.Ledger().Apply(f.ctx, f.token, from, evs, nil, next); err != nil {
		t.Fatal(err)
	}
	f.cursor = next
}

func (f *payoutFixture) create(start, end string) (payouts.Run, error) {
	return f.svc.Create(f.ctx, f.fin, payouts.CreateInput{PeriodStart: start, PeriodEnd: end})
}

func sqlState(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code
	}
	return ""
}

// TestPayoutRunsNeverCoverTheSameCoins: a draft's lines are the shops' coins at the cut-off with the
// period's figures; a second open run and an overlapping period are refused by the service, and by the
// schema even when the service is bypassed; a line's amounts cannot be changed; a cancelled draft frees
// its period.
func TestPayoutRunsNeverCoverTheSameCoins(t *testing.T) {
	f := newPayoutFixture(t)
	r, err := f.create("2026-10-01", "2026-10-31")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Lines) != 2 || r.CutoffBlock != 10 || r.FromBlock != 0 {
		t.Fatalf("run %+v", r)
	}
	byShop := map[string]payouts.Line{r.Lines[0].ShopID: r.Lines[0], r.Lines[1].ShopID: r.Lines[1]}
	if a := byShop[f.a.ID]; a.AmountCents != 500 || a.Payments != 1 || a.GrossCents != 500 || a.BusinessName != "Bakkerij bakker" {
		t.Fatalf("shop a: %+v", a)
	}
	if b := byShop[f.b.ID]; b.AmountCents != 200 || b.Payments != 1 || b.Refunds != 1 || b.RefundedCents != 100 || b.NetCents() != 200 {
		t.Fatalf("shop b: %+v", b)
	}
	if _, err := f.create("2026-11-01", "2026-11-15"); !errors.Is(err, payouts.ErrRunOpen) {
		t.Fatalf("a second open run: %v", err)
	}
	// Bypassing the service: an executed run over the same days, or over the same blocks, is refused.
	insert := func(start, end string, from, to int64) error {
		_, err := f.db.SQL().ExecContext(f.ctx, `INSERT INTO payout_runs (id, period_start, period_end, from_block, cutoff_block,
			ref, reference, status, report_sha256, created_by, created_at, execute_started_at, executed_at, settled_block)
			VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'executed', $7, $8, now(), now(), now(), 1)`, start, end, from, to,
			crypto.Keccak256Hash([]byte(start)).Hex(), payouts.Reference(crypto.Keccak256Hash([]byte(start))), make([]byte, 32), f.a.ID)
		return err
	}
	if err := insert("2026-10-31", "2026-11-05", 100, 200); sqlState(err) != "23P01" {
		t.Fatalf("an overlapping period: %v", err)
	}
	if err := insert("2026-12-01", "2026-12-31", 5, 50); sqlState(err) != "23P01" {
		t.Fatalf("overlapping blocks: %v", err)
	}
	if _, err := f.db.SQL().ExecContext(f.ctx, `UPDATE payout_lines SET amount_cents = amount_cents + 1`); err == nil {
		t.Fatal("a line's amount was changed")
	}
	if _, err := f.svc.Cancel(f.ctx, f.fin, r.ID); err != nil {
		t.Fatal(err)
	}
	if again, err := f.create("2026-10-01", "2026-10-31"); err != nil || len(again.Lines) != 2 {
		t.Fatalf("the period after cancelling: %+v %v", again, err)
	}
}

// TestExecuteOnceAndSettle: eight concurrent executions of a draft write its redeems once; the worker
// tries a reverted redeem again, marks the run executed once every redeem is confirmed, and the next run
// starts after it and takes only coins that arrived later.
func TestExecuteOnceAndSettle(t *testing.T) {
	f := newPayoutFixture(t)
	r, err := f.create("2026-10-01", "2026-10-31")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := f.svc.Execute(f.ctx, f.fin, r.ID, "")
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	ok := 0
	for err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, payouts.ErrAlreadyExecuted):
			t.Fatalf("execute: %v", err)
		}
	}
	var intents int
	f.db.SQL().QueryRowContext(f.ctx, `SELECT count(*) FROM chain_intents WHERE kind = 'redeem'`).Scan(&intents)
	if ok != 1 || intents != 2 {
		t.Fatalf("%d executions succeeded, %d redeem intents", ok, intents)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := f.db.SQL().ExecContext(f.ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	// Shop a's redeem reverts on chain: it is written again; shop b's is confirmed.
	exec(`UPDATE chain_intents SET status = 'failed', error = 'reverted' WHERE args ->> 'from' ILIKE $1`, f.a.WalletAddress)
	exec(`UPDATE chain_intents SET status = 'confirmed', nonce = 1, tx_hash = '0xbb', block_number = 12 WHERE args ->> 'from' ILIKE $1`, f.b.WalletAddress)
	if n, err := f.svc.Settle(f.ctx); err != nil || n != 0 {
		t.Fatalf("settle: %d %v", n, err)
	}
	got, _ := f.svc.Get(f.ctx, f.fin, r.ID)
	for _, l := range got.Lines {
		if l.ShopID == f.a.ID && (l.Attempts != 2 || l.Status() != payouts.LineRedeeming) || l.ShopID == f.b.ID && l.Status() != payouts.LineRedeemed {
			t.Fatalf("line %+v", l)
		}
	}
	exec(`UPDATE chain_intents SET status = 'confirmed', nonce = 2, tx_hash = '0xaa', block_number = 13
		WHERE idempotency_key = $1`, "payout:"+r.ID+":"+f.a.ID+":2")
	if n, err := f.svc.Settle(f.ctx); err != nil || n != 1 {
		t.Fatalf("settle: %d %v", n, err)
	}
	if got, _ = f.svc.Get(f.ctx, f.fin, r.ID); got.Status != payouts.StatusExecuted || got.SettledBlock != 13 {
		t.Fatalf("run %+v", got)
	}
	// Until the indexer has seen the burns, no new run; then only later coins count.
	if _, err := f.create("2026-11-01", "2026-11-30"); !errors.Is(err, payouts.ErrIndexerBehind) {
		t.Fatalf("before the burns are indexed: %v", err)
	}
	burn := func(block uint64, shop accounts.Account, cents int64) []ledger.Event {
		tr := f.transfer(block, 0, f.addr(shop), common.Address{}, cents)
		red := tr
		red.Name, red.LogIndex, red.To, red.Ref = ledger.EventRedeemed, 1, common.Address{}, got.Ref
		return []ledger.Event{tr, red}
	}
	f.index(t, 15, append(append(burn(12, f.b, 200), burn(13, f.a, 500)...), f.transfer(14, 0, f.resident, f.addr(f.a), 250))...)
	next, err := f.create("2026-11-01", "2026-11-30")
	if err != nil || len(next.Lines) != 1 || next.Lines[0].AmountCents != 250 || next.Lines[0].Payments != 1 || next.FromBlock != 11 {
		t.Fatalf("next run: %+v %v", next, err)
	}
	if _, err := f.create("2026-12-01", "2026-12-31"); !errors.Is(err, payouts.ErrRunOpen) {
		t.Fatalf("%v", err)
	}
}

// TestReportHashIsChecked: the report's hash is stored at the first generation, and a report that no
// longer matches it is refused.
func TestReportHashIsChecked(t *testing.T) {
	f := newPayoutFixture(t)
	r, err := f.create("2026-10-01", "2026-10-31")
	if err != nil {
		t.Fatal(err)
	}
	got, first, err := f.svc.ExportReport(f.ctx, f.fin, r.ID)
	if err != nil || len(got.ReportSHA256) != 32 {
		t.Fatalf("%v %x", err, got.ReportSHA256)
	}
	if _, second, err := f.svc.ExportReport(f.ctx, f.fin, r.ID); err != nil || string(second) != string(first) {
		t.Fatalf("second report: %v\n%s", err, second)
	}
	if _, err := f.db.SQL().ExecContext(f.ctx, `UPDATE payout_runs SET report_sha256 = $1`, make([]byte, 32)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.svc.ExportReport(f.ctx, f.fin, r.ID); !errors.Is(err, payouts.ErrReportMismatch) {
		t.Fatalf("a changed report: %v", err)
	}
	if _, err := f.svc.Execute(f.ctx, f.fin, r.ID, ""); !errors.Is(err, payouts.ErrReportMismatch) {
		t.Fatalf("executing a run whose report changed: %v", err)
	}
}

// TestExecuteReplaysUnderItsKey: an execution repeated with its Idempotency-Key answers the run and writes
// nothing more; without the key it is refused, and a key used for another request is refused.
func TestExecuteReplaysUnderItsKey(t *testing.T) {
	f := newPayoutFixture(t)
	r, err := f.create("2026-10-01", "2026-10-31")
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if got, err := f.svc.Execute(f.ctx, f.fin, r.ID, "execute-1"); err != nil || got.Status != payouts.StatusExecuting {
			t.Fatalf("execute: %+v %v", got, err)
		}
	}
	var intents int
	f.db.SQL().QueryRowContext(f.ctx, `SELECT count(*) FROM chain_intents WHERE kind = 'redeem'`).Scan(&intents)
	if intents != 2 {
		t.Fatalf("%d redeem intents", intents)
	}
	if _, err := f.svc.Execute(f.ctx, f.fin, r.ID, ""); !errors.Is(err, payouts.ErrAlreadyExecuted) {
		t.Fatalf("without the key: %v", err)
	}
	if _, err := f.db.SQL().ExecContext(f.ctx, `INSERT INTO idempotency_keys (account_id, key, request_hash, resource, intent_id)
		SELECT $1, 'used-for-a-payment', $2, 'payment:x', min(id) FROM chain_intents`, f.a.ID, make([]byte, 32)); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Execute(f.ctx, f.fin, r.ID, "used-for-a-payment"); !errors.Is(err, payouts.ErrIdempotencyConflict) {
		t.Fatalf("a key of another request: %v", err)
	}
}
