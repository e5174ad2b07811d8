package store

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/recovery"
)

// fakeRecoveryChain answers every recovery as pending, executable at a fixed time.
type fakeRecoveryChain struct{ at time.Time }

func (f fakeRecoveryChain) Recovery(context.Context, common.Hash) (recovery.OnChain, error) {
	return recovery.OnChain{Pending: true, ExecutableAt: f.at}, nil
}

// approvedRecovery writes an approved recovery of a new resident whose request intent is confirmed (or
// failed); it returns the recovery's id and the resident's id and old and new addresses.
func approvedRecovery(t *testing.T, db *DB, status recovery.Status, request outbox.Status, cancelSig []byte) (id, account, from, to string) {
	t.Helper()
	ctx := context.Background()
	id, account = uuid.NewString(), uuid.NewString()
	from, to = newRecoveryAddress(t), newRecoveryAddress(t)
	execSQL(t, db, `INSERT INTO accounts (id, role, username, status, password_hash, wallet_address)
		VALUES ($1, 'resident', $2, 'approved', '!', $3)`, account, "bewoner-"+id[:8], from)
	in, err := db.Outbox().Enqueue(ctx, recovery.RequestIntent(recovery.Recovery{ID: id, From: from, To: to}))
	if err != nil {
		t.Fatal(err)
	}
	execSQL(t, db, `UPDATE chain_intents SET status = $1, nonce = CASE WHEN $1 = 'confirmed' THEN id END WHERE id = $2`, string(request), in.ID)
	staff1, staff2 := uuid.NewString(), uuid.NewString()
	execSQL(t, db, `INSERT INTO key_recoveries (id, account_id, from_address, to_address, status, asked_at, verified_by, verified_at,
		approved_by, approved_at, request_intent_id, cancel_signature) VALUES ($1, $2, $3, $4, $5, now(), $6, now(), $7, now(), $8, $9)`,
		id, account, from, to, string(status), staff1, staff2, in.ID, cancelSig)
	return id, account, from, to
}

func execSQL(t *testing.T, db *DB, q string, args ...any) {
	t.Helper()
	if _, err := db.SQL().Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func newRecoveryAddress(t *testing.T) string {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return strings.ToLower(crypto.PubkeyToAddress(k.PublicKey).Hex())
}

func intentsLike(t *testing.T, db *DB, prefix string) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM chain_intents WHERE idempotency_key LIKE $1 || '%'`, prefix).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRecoverySettlesOnce runs the recovery worker's rounds from several processes at once, as several API
// instances do, on a recovery whose delay is over: the execution is written once, and once it is confirmed the
// account is bound to the new address in the same transaction that ends the recovery; a recovery the lost key
// cancelled gets its cancellation written once and never an execution, and one whose request the contract
// refused fails.
func TestRecoverySettlesOnce(t *testing.T) {
	ctx := context.Background()
	db := migrated(t)
	svc := recovery.New(db.Recoveries(), fakeRecoveryChain{at: time.Now().Add(-time.Second)}, recovery.Domain{ChainID: 6411}, true)
	id, account, _, to := approvedRecovery(t, db, recovery.StatusApproved, outbox.StatusConfirmed, nil)
	cancelled, cancelledAccount, _, _ := approvedRecovery(t, db, recovery.StatusCancelling, outbox.StatusConfirmed, make([]byte, 65))
	refused, refusedAccount, _, _ := approvedRecovery(t, db, recovery.StatusApproved, outbox.StatusFailed, nil)
	notices := func(account, kind string) int {
		var n int
		if err := db.SQL().QueryRow(`SELECT count(*) FROM notices WHERE account_id = $1 AND kind = $2`, account, kind).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	settleTogether := func() {
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for range 3 {
					if _, err := svc.Settle(ctx); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Wait()
	}
	settleTogether()
	if n := intentsLike(t, db, "recovery-execute:"+id); n != 1 {
		t.Fatalf("%d executions written, want 1", n)
	}
	if n := intentsLike(t, db, "recovery-cancel:"+cancelled); n != 1 {
		t.Errorf("%d cancellations written, want 1", n)
	}
	if n := intentsLike(t, db, "recovery-execute:"+cancelled); n != 0 {
		t.Errorf("%d executions written for a cancelled recovery", n)
	}
	r, err := db.Recoveries().Get(ctx, id)
	if err != nil || r.Status != recovery.StatusApproved || r.ExecutableAt == nil || r.ExecuteStatus != outbox.StatusQueued {
		t.Fatalf("before the execution is confirmed: %+v, %v", r, err)
	}
	if f, err := db.Recoveries().Get(ctx, refused); err != nil || f.Status != recovery.StatusFailed || f.Error == "" {
		t.Errorf("a refused request: %+v, %v", f, err)
	}
	// The resident hears once that the recovery is approved on chain, with its time; nobody hears of the refused one.
	if n := notices(account, "recovery_approved"); n != 1 {
		t.Errorf("%d recovery_approved notices after twelve rounds, want 1", n)
	}
	if n := notices(refusedAccount, "recovery_approved") + notices(refusedAccount, "recovery_cancelled"); n != 0 {
		t.Errorf("%d notices of a refused request", n)
	}

	execSQL(t, db, `UPDATE chain_intents SET status = 'confirmed', nonce = id WHERE idempotency_key IN ($1, $2)`,
		"recovery-execute:"+id, "recovery-cancel:"+cancelled)
	settleTogether()
	r, err = db.Recoveries().Get(ctx, id)
	if err != nil || r.Status != recovery.StatusExecuted || r.DoneAt == nil {
		t.Fatalf("after the execution is confirmed: %+v, %v", r, err)
	}
	var wallet string
	if err := db.SQL().QueryRow(`SELECT wallet_address FROM accounts WHERE id = $1`, account).Scan(&wallet); err != nil || wallet != to {
		t.Errorf("the account is bound to %q (%v), want the new address %s", wallet, err, to)
	}
	var audited int
	db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'recovery.executed' AND subject_id = $1`, account).Scan(&audited)
	if audited != 1 {
		t.Errorf("%d audit entries of the execution, want 1", audited)
	}
	if c, err := db.Recoveries().Get(ctx, cancelled); err != nil || c.Status != recovery.StatusCancelled {
		t.Errorf("a confirmed cancellation: %+v, %v", c, err)
	}
	if n := notices(cancelledAccount, "recovery_cancelled"); n != 1 {
		t.Errorf("%d recovery_cancelled notices after the cancellation was confirmed, want 1", n)
	}
}
