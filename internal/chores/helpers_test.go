package chores_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/photos"
	"github.com/heerlen/heitje/internal/photos/phototest"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

// env is the chores service over a fresh, migrated database and a photo folder.
type env struct {
	t     *testing.T
	ctx   context.Context
	db    *store.DB
	svc   *chores.Service
	files *photos.Store
	clock *testenv.Clock
	// manager creates chores; reviewer reviews them (and created none).
	manager, reviewer accounts.Actor
}

func newEnv(t *testing.T, opts chores.Options) *env {
	t.Helper()
	ctx := context.Background()
	db := testdb.Open(t)
	files, err := photos.New(filepath.Join(t.TempDir(), "photos"), photos.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, ctx: ctx, db: db, files: files, clock: &testenv.Clock{},
		manager:  staff(accounts.PrivChoresManage, accounts.PrivChoresReview),
		reviewer: staff(accounts.PrivChoresReview)}
	opts.Now = e.clock.Now
	if e.svc, err = chores.New(db.Chores(), files, opts); err != nil {
		t.Fatal(err)
	}
	return e
}

// setClock moves the service's clock forward to at; it is moved, not frozen, so it goes on running from there.
func (e *env) setClock(at time.Time) {
	e.t.Helper()
	d := at.Sub(e.clock.Now())
	if d < 0 {
		e.t.Fatalf("the clock cannot go back to %s", at)
	}
	e.clock.Advance(d)
}

func staff(privs ...accounts.Privilege) accounts.Actor {
	return accounts.Actor{Principal: accounts.Principal{AccountID: uuid.NewString(), Username: "staff-" + uuid.NewString()[:8],
		Role: accounts.RoleStaff, Privileges: privs}, RequestID: "test"}
}

// resident inserts an account of the given status, with a fresh bound address unless unbound, and returns
// its principal.
func (e *env) resident(status accounts.Status, bound bool) accounts.Principal {
	e.t.Helper()
	id := uuid.NewString()
	var wallet any
	if bound {
		k, _ := crypto.GenerateKey()
		wallet = strings.ToLower(crypto.PubkeyToAddress(k.PublicKey).Hex())
	}
	_, err := e.db.SQL().ExecContext(e.ctx, `INSERT INTO accounts (id, role, username, status, password_hash, wallet_address)
		VALUES ($1, 'resident', $2, $3, 'x', $4)`, id, "r-"+id[:8], string(status), wallet)
	if err != nil {
		e.t.Fatal(err)
	}
	return accounts.Principal{AccountID: id, Role: accounts.RoleResident}
}

// chore creates an open chore with the given reward and capacity, closing in a week.
func (e *env) chore(reward int64, capacity int, mod ...func(*chores.ChoreInput)) chores.Chore {
	e.t.Helper()
	in := chores.ChoreInput{Title: "Zwerfafval prikken", Description: "Langs de Geleenbeek",
		Location: chores.Location{Lat: 50.888, Lng: 5.98, Area: "Heerlerbaan"}, RewardCents: reward, Capacity: capacity,
		ClosesAt: e.clock.Now().Add(7 * 24 * time.Hour)}
	for _, m := range mod {
		m(&in)
	}
	c, err := e.svc.CreateChore(e.ctx, e.manager, in)
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

// submitted returns a claim of p on c with one photo of proof.
func (e *env) submitted(p accounts.Principal, c chores.Chore) chores.Claim {
	e.t.Helper()
	cl, err := e.svc.ClaimChore(e.ctx, p, c.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	if cl, err = e.svc.SubmitProof(e.ctx, p, cl.ID, "klaar", [][]byte{phototest.JPEG(32, 24)}); err != nil {
		e.t.Fatal(err)
	}
	return cl
}

// count returns the number of rows a query counts.
func (e *env) count(query string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.db.SQL().QueryRowContext(e.ctx, query, args...).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// snapshot captures every row the chore rules touch, to prove that a refusal changed nothing.
func (e *env) snapshot() string {
	e.t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT id, places_taken, reserved_cents, spent_cents, budget_cents FROM chores ORDER BY id`,
		`SELECT id, status, coalesce(intent_id, 0), coalesce(decided_at::text, '') FROM claims ORDER BY id`,
		`SELECT id, idempotency_key FROM chain_intents ORDER BY id`,
		`SELECT id, action FROM audit_log ORDER BY id`,
		`SELECT claim_id, n, file_name FROM claim_photos ORDER BY claim_id, n`,
	} {
		rows, err := e.db.SQL().QueryContext(e.ctx, q)
		if err != nil {
			e.t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			rows.Scan(ptrs...)
			fmt.Fprintln(&b, vals...)
		}
		rows.Close()
	}
	entries, _ := os.ReadDir(e.files.Dir())
	fmt.Fprintln(&b, "files", len(entries))
	return b.String()
}
