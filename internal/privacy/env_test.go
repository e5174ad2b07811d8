package privacy_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	ethaccounts "github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/accounts/accountstest"
	"github.com/heerlen/heitje/internal/auth"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/photos"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/secrets"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

// folder is the photo store as the privacy service sees it.
type folder struct{ *photos.Store }

func (f folder) List() ([]privacy.StoredFile, error) {
	files, err := f.Store.List()
	out := make([]privacy.StoredFile, len(files))
	for i, x := range files {
		out[i] = privacy.StoredFile{Name: x.Name, ModTime: x.ModTime}
	}
	return out, err
}

// env is the accounts, chores and privacy services over one fresh, migrated database, one photo folder and
// one clock. admin holds every privilege (and so collected data once it decides anything); officer holds
// privacy only; reviewer holds chores.review only.
type env struct {
	t        *testing.T
	ctx      context.Context
	db       *store.DB
	keys     *secrets.Keyring
	lookup   *secrets.Lookup
	clock    *testenv.Clock
	files    *photos.Store
	acc      *accounts.Service
	chores   *chores.Service
	svc      *privacy.Service
	admin    accounts.Actor
	officer  accounts.Actor
	reviewer accounts.Actor
}

const password = "correct horse battery staple"

// newEnv makes the environment; first runs on the migrated database before any account exists.
func newEnv(t *testing.T, first ...func(*store.DB)) *env {
	t.Helper()
	ctx := context.Background()
	db := testdb.Open(t)
	for _, f := range first {
		f(db)
	}
	k, _ := secrets.NewKey("test")
	keys, _ := secrets.NewKeyring(k)
	lookup, _ := secrets.NewLookup(bytes.Repeat([]byte{7}, 32))
	e := &env{t: t, ctx: ctx, db: db, keys: keys, lookup: lookup, clock: &testenv.Clock{}}
	var err error
	issuer, _ := auth.NewIssuer(bytes.Repeat([]byte{9}, 32), auth.MaxAccessTTL, e.clock.Now)
	if e.acc, err = accounts.New(db.Accounts(keys, lookup), issuer, lookup, accounts.Options{
		Argon2: secrets.Argon2Params{Memory: 1024, Time: 1, Threads: 1}, Now: e.clock.Now,
		NoticeVersions: privacy.NoticeVersions()}); err != nil {
		t.Fatal(err)
	}
	if e.files, err = photos.New(filepath.Join(t.TempDir(), "photos"), photos.Limits{}); err != nil {
		t.Fatal(err)
	}
	if e.chores, err = chores.New(db.Chores(), e.files, chores.Options{Now: e.clock.Now}); err != nil {
		t.Fatal(err)
	}
	if e.svc, err = privacy.New(db.Privacy(keys, lookup), folder{e.files}, store.Datasets(),
		privacy.Options{Now: e.clock.Now, MinGroupSize: 3}); err != nil {
		t.Fatal(err)
	}
	e.admin = e.staff("beheerder", accounts.AllPrivileges()...)
	e.officer = e.staff("fg-heerlen", accounts.PrivPrivacy)
	e.reviewer = e.staff("keurder", accounts.PrivChoresReview)
	return e
}

// staff creates a staff member with the given privileges (the first, "beheerder", as the administrator).
func (e *env) staff(name string, privs ...accounts.Privilege) accounts.Actor {
	e.t.Helper()
	return accountstest.Staff(e.t, e.ctx, e.acc, e.admin, name, password, privs...)
}

// resident registers, approves and binds a resident with the given contact details; it returns its
// principal and its phone key's address.
func (e *env) resident(username, email, phone string) (accounts.Principal, string) {
	e.t.Helper()
	a, err := e.acc.Register(e.ctx, accounts.Registration{Role: accounts.RoleResident, Username: username, Password: password,
		Email: email, Phone: phone})
	if err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.acc.Approve(e.ctx, e.admin, a.ID, ""); err != nil {
		e.t.Fatal(err)
	}
	p := accounts.Principal{AccountID: a.ID, Username: a.Username, Role: accounts.RoleResident}
	key, _ := crypto.GenerateKey()
	ch, err := e.acc.WalletChallenge(e.ctx, p)
	if err != nil {
		e.t.Fatal(err)
	}
	sig, _ := crypto.Sign(ethaccounts.TextHash([]byte(ch.Message)), key)
	sig[64] += 27
	addr, err := e.acc.BindWallet(e.ctx, p, crypto.PubkeyToAddress(key.PublicKey).Hex(), fmt.Sprintf("0x%x", sig), ch.Nonce)
	if err != nil {
		e.t.Fatal(err)
	}
	return p, addr
}

// exec runs SQL and fails the test on an error.
func (e *env) exec(q string, args ...any) {
	e.t.Helper()
	if _, err := e.db.SQL().ExecContext(e.ctx, q, args...); err != nil {
		e.t.Fatalf("%s: %v", q, err)
	}
}

// count returns what a counting query answers.
func (e *env) count(q string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.db.SQL().QueryRowContext(e.ctx, q, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", q, err)
	}
	return n
}
