package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/heerlen/heitje/internal/ledger"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payments"
)

// TestStoreErrorsNameTheirOperation calls representative store operations on a cancelled context and on a
// closed pool: each error names its operation, and errors.Is still finds the cause.
func TestStoreErrorsNameTheirOperation(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	if _, err := db.MigrateUp(ctx); err != nil {
		t.Fatal(err)
	}
	keys, _, _ := testKeys(t, "k1")
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	var err error
	addr := common.HexToAddress("0x01")
	calls := []struct {
		op   string
		call func(context.Context) error
	}{
		{"PaymentStore.CreateRequest", func(ctx context.Context) error {
			return db.Payments(keys).CreateRequest(ctx, payments.Request{ID: "00000000-0000-0000-0000-000000000001"})
		}},
		{"PaymentStore.InTx", func(ctx context.Context) error {
			return db.Payments(keys).InTx(ctx, func(payments.Tx) error { return nil })
		}},
		{"paymentTx.Spendable: holdingOf: holdings", func(ctx context.Context) error {
			// The transaction begins on a live context; the statement inside it meets the cancelled one.
			return db.Payments(keys).InTx(context.Background(), func(tx payments.Tx) error {
				pt := tx.(*paymentTx)
				pt.tx = pt.tx.WithContext(ctx)
				_, err := pt.Spendable(addr)
				return err
			})
		}},
		{"OutboxStore.Counts", func(ctx context.Context) error { _, err := db.Outbox().Counts(ctx); return err }},
		{"OutboxStore.Queued", func(ctx context.Context) error { _, err := db.Outbox().Queued(ctx, "minter", 10); return err }},
		{"enqueue", func(ctx context.Context) error {
			_, err := db.Outbox().Enqueue(ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: "k"})
			return err
		}},
		{"LedgerStore.Balance", func(ctx context.Context) error { _, err := db.Ledger().Balance(ctx, addr); return err }},
		{"LedgerStore.Rewind", func(ctx context.Context) error { return db.Ledger().Rewind(ctx, addr, ledger.Block{}) }},
	}
	for _, c := range calls {
		err := c.call(cancelled)
		if err == nil {
			t.Fatalf("%s on a cancelled context: no error", c.op)
		}
		if want := "store: " + c.op + ": "; !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: %q does not start with %q", c.op, err, want)
		}
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v is not context.Canceled", c.op, err)
		}
	}

	// A domain's answer stays what it was: a sentinel the services check with errors.Is.
	if _, err := db.Payments(keys).Request(ctx, "00000000-0000-0000-0000-00000000000f"); !errors.Is(err, payments.ErrNotFound) {
		t.Fatalf("unknown request: %v, want payments.ErrNotFound", err)
	}

	// A driver error keeps its SQLSTATE behind the operation's name.
	o := db.Outbox()
	if _, err := o.RegisterKey(ctx, "minter", addr); err != nil {
		t.Fatal(err)
	}
	err = db.Payments(keys).CreateRequest(ctx, payments.Request{ID: "00000000-0000-0000-0000-000000000002"})
	var pgErr *pgconn.PgError
	if err == nil || !errors.As(err, &pgErr) || !strings.HasPrefix(err.Error(), "store: PaymentStore.CreateRequest: ") {
		t.Fatalf("a request for no shop: %v, want a named Postgres error", err)
	}

	db.Close()
	if _, err := o.Counts(ctx); err == nil || !strings.HasPrefix(err.Error(), "store: OutboxStore.Counts: ") {
		t.Fatalf("closed pool: %v, want an error naming OutboxStore.Counts", err)
	}
}

// TestOneWayToLockAndToReadSQLSTATE keeps the store's sources to one way of writing a row lock (in the SQL,
// not gorm's clause.Locking) and to one look into the driver's errors (isPgError in errors.go).
func TestOneWayToLockAndToReadSQLSTATE(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(src, []byte("clause.Locking{")) {
			t.Errorf("%s locks rows with clause.Locking; write FOR UPDATE in the SQL as the other files do", f)
		}
		if f != "errors.go" && bytes.Contains(src, []byte("pgconn.PgError")) {
			t.Errorf("%s reads a Postgres error itself; use isPgError or pgViolation (errors.go)", f)
		}
	}
}
