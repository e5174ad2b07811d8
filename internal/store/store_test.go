package store

import (
	"context"
	"math/big"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

func openDB(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), testenv.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestMigrationsUpDownStatus(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	if err := db.CheckMigrations(ctx); err != ErrPendingMigrations {
		t.Fatalf("fresh database: %v, want ErrPendingMigrations", err)
	}
	ms, _ := Migrations()
	n, err := db.MigrateUp(ctx)
	if err != nil || n != len(ms) {
		t.Fatalf("up applied %d (%v), want %d", n, err, len(ms))
	}
	if n, err := db.MigrateUp(ctx); err != nil || n != 0 {
		t.Fatalf("second up applied %d (%v)", n, err)
	}
	if err := db.CheckMigrations(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := db.MigrateDown(ctx, len(ms)); err != nil || n != len(ms) {
		t.Fatalf("down reverted %d (%v)", n, err)
	}
	var tables int
	db.SQL().QueryRow(`SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`).Scan(&tables)
	if tables != 0 {
		t.Fatalf("%d tables left after migrating all the way down", tables)
	}
	if _, err := db.MigrateUp(ctx); err != nil {
		t.Fatal(err)
	}
	st, _ := db.MigrationStatus(ctx)
	for _, m := range st {
		if m.AppliedAt == nil {
			t.Fatalf("migration %d pending after up", m.Version)
		}
	}
}

func TestOutboxNoncesAreUniquePerKey(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	if _, err := db.MigrateUp(ctx); err != nil {
		t.Fatal(err)
	}
	o := db.Outbox()
	if _, err := o.RegisterKey(ctx, "minter", common.HexToAddress("0x01")); err != nil {
		t.Fatal(err)
	}
	if _, err := o.RegisterKey(ctx, "minter", common.HexToAddress("0x02")); err == nil {
		t.Fatal("a signer name was registered again with another address")
	}
	a, _ := o.Enqueue(ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: "a", Args: outbox.Args{Amount: big.NewInt(1)}})
	b, _ := o.Enqueue(ctx, outbox.Intent{Signer: "minter", Kind: outbox.KindMint, IdempotencyKey: "b", Args: outbox.Args{Amount: big.NewInt(2)}})
	if err := o.AssignNonces(ctx, "minter", []outbox.Signed{{IntentID: a.ID, Nonce: 0, TxHash: common.HexToHash("0xa")}}, 1); err != nil {
		t.Fatal(err)
	}
	// The same nonce for another intent is refused, and nothing of the batch is stored.
	err := o.AssignNonces(ctx, "minter", []outbox.Signed{{IntentID: b.ID, Nonce: 0, TxHash: common.HexToHash("0xb")}}, 1)
	if err == nil {
		t.Fatal("two intents got the same nonce")
	}
	q, _ := o.Queued(ctx, "minter", 10)
	if len(q) != 1 || q[0].ID != b.ID {
		t.Fatalf("intent b should still be queued: %+v", q)
	}
	// An intent already sent cannot be assigned again.
	if err := o.AssignNonces(ctx, "minter", []outbox.Signed{{IntentID: a.ID, Nonce: 5, TxHash: common.HexToHash("0xc")}}, 6); err == nil {
		t.Fatal("a sent intent was given a second nonce")
	}
	next, _ := o.RegisterKey(ctx, "minter", common.HexToAddress("0x01"))
	if next != 1 {
		t.Fatalf("next nonce %d, want 1", next)
	}
	if err := o.Requeue(ctx, a.ID, "test"); err != nil {
		t.Fatal(err)
	}
	if got, _ := o.ByIdempotencyKey(ctx, "a"); got.Status != outbox.StatusQueued || got.Nonce != nil {
		t.Fatalf("requeued intent: %+v", got)
	}
}
