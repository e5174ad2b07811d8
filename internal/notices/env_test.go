package notices_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	ethaccounts "github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/pquerna/otp/totp"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/accounts/accountstest"
	"github.com/heerlen/heitje/internal/auth"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/payouts"
	"github.com/heerlen/heitje/internal/photos"
	"github.com/heerlen/heitje/internal/photos/phototest"
	"github.com/heerlen/heitje/internal/secrets"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/testenv/testdb"
)

const password = "correct horse battery staple"

// errRolledBack is what the rolling-back stores answer after the event's work succeeded.
var errRolledBack = errors.New("the transaction was rolled back after the event's work")

// env is the domain services over one migrated database, the notices service, a worker that mails to a
// real SMTP server on this machine, and the same services over stores whose transactions roll back after
// the event's work (to show that a rolled-back event leaves no notice).
type env struct {
	t      *testing.T
	ctx    context.Context
	db     *store.DB
	keys   *secrets.Keyring
	clock  *testenv.Clock
	acc    *accounts.Service
	chores *chores.Service
	pay    *payouts.Service
	// The same services whose every transaction rolls back.
	accBack    *accounts.Service
	choresBack *chores.Service
	payBack    *payouts.Service
	svc        *notices.Service
	worker     *notices.Worker
	mail       *mailServer
	admin      accounts.Actor
	reviewer   accounts.Actor
}

// Rolling-back stores: InTx runs the event's work in a real transaction and then fails it.
type accountsBack struct{ *store.AccountStore }

func (s accountsBack) InTx(ctx context.Context, fn func(accounts.Tx) error) error {
	return s.AccountStore.InTx(ctx, func(tx accounts.Tx) error { return errors.Join(fn(tx), errRolledBack) })
}

type choresBack struct{ *store.ChoreStore }

func (s choresBack) InTx(ctx context.Context, fn func(chores.Tx) error) error {
	return s.ChoreStore.InTx(ctx, func(tx chores.Tx) error { return errors.Join(fn(tx), errRolledBack) })
}

type payoutsBack struct{ *store.PayoutStore }

func (s payoutsBack) InTx(ctx context.Context, fn func(payouts.Tx) error) error {
	return s.PayoutStore.InTx(ctx, func(tx payouts.Tx) error { return errors.Join(fn(tx), errRolledBack) })
}

// queueAge is the staff queues' age in the tests.
const queueAge = 48 * time.Hour

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	db := testdb.Open(t)
	k, _ := secrets.NewKey("test")
	keys, _ := secrets.NewKeyring(k)
	lookup, _ := secrets.NewLookup(bytes.Repeat([]byte{7}, 32))
	e := &env{t: t, ctx: ctx, db: db, keys: keys, clock: &testenv.Clock{}, mail: startMailServer(t)}
	issuer, _ := auth.NewIssuer(bytes.Repeat([]byte{9}, 32), auth.MaxAccessTTL, e.clock.Now)
	accOpts := accounts.Options{Argon2: secrets.Argon2Params{Memory: 1024, Time: 1, Threads: 1}, Now: e.clock.Now}
	var err error
	if e.acc, err = accounts.New(db.Accounts(keys, lookup), issuer, lookup, accOpts); err != nil {
		t.Fatal(err)
	}
	if e.accBack, err = accounts.New(accountsBack{db.Accounts(keys, lookup)}, issuer, lookup, accOpts); err != nil {
		t.Fatal(err)
	}
	files, err := photos.New(filepath.Join(t.TempDir(), "photos"), photos.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if e.chores, err = chores.New(db.Chores(), files, chores.Options{Now: e.clock.Now}); err != nil {
		t.Fatal(err)
	}
	if e.choresBack, err = chores.New(choresBack{db.Chores()}, files, chores.Options{Now: e.clock.Now}); err != nil {
		t.Fatal(err)
	}
	if e.pay, err = payouts.New(db.Payouts(keys), payouts.Options{Now: e.clock.Now}); err != nil {
		t.Fatal(err)
	}
	if e.payBack, err = payouts.New(payoutsBack{db.Payouts(keys)}, payouts.Options{Now: e.clock.Now}); err != nil {
		t.Fatal(err)
	}
	if e.svc, err = notices.New(db.Notices(keys), notices.Options{Secret: bytes.Repeat([]byte{9}, 32),
		PublicBaseURL: "https://heitje.example/", Now: e.clock.Now}); err != nil {
		t.Fatal(err)
	}
	mailer, err := notices.NewSMTP(e.mail.url, "'t Heerlens Heitje <noreply@heitje.example>")
	if err != nil {
		t.Fatal(err)
	}
	e.worker = notices.NewWorker(db.Notices(keys), e.svc, notices.WorkerOptions{Mailer: mailer, QueueAge: queueAge,
		RetryBase: time.Minute, Now: e.clock.Now})
	e.admin = e.staff("beheerder", "beheer@heitje.example")
	e.reviewer = e.staff("keurder", "keurder@heitje.example", accounts.PrivChoresReview)
	return e
}

// staff creates a staff member (the first, "beheerder", as the administrator) with a second factor, an
// e-mail address and e-mail notices on.
func (e *env) staff(name, email string, privs ...accounts.Privilege) accounts.Actor {
	e.t.Helper()
	a := e.staffWithoutSecondFactor(name, email, privs...)
	en, err := e.acc.StartSecondFactor(e.ctx, a.Principal)
	if err != nil {
		e.t.Fatal(err)
	}
	code, err := totp.GenerateCode(en.Secret, e.clock.Now())
	if err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.acc.ConfirmSecondFactor(e.ctx, a.Principal, code); err != nil {
		e.t.Fatal(err)
	}
	return a
}

// staffWithoutSecondFactor creates a staff member who has not set up a second factor yet, with an e-mail
// address and e-mail notices on.
func (e *env) staffWithoutSecondFactor(name, email string, privs ...accounts.Privilege) accounts.Actor {
	e.t.Helper()
	a := accountstest.Staff(e.t, e.ctx, e.acc, e.admin, name, password, privs...)
	if _, err := e.acc.UpdateMe(e.ctx, a.Principal, accounts.Update{Email: &email}); err != nil {
		e.t.Fatal(err)
	}
	e.optIn(a.AccountID, notices.Dutch)
	return a
}

// optIn turns e-mail notices on for the account, in lang.
func (e *env) optIn(id string, lang notices.Language) {
	e.t.Helper()
	if _, err := e.svc.SaveSettings(e.ctx, id, notices.Settings{Language: lang, Email: true}); err != nil {
		e.t.Fatal(err)
	}
}

// register registers a resident with an e-mail address, opting in to e-mail notices in lang as it registers.
func (e *env) register(username, email string, lang notices.Language) string {
	e.t.Helper()
	a, err := e.acc.Register(e.ctx, accounts.Registration{Role: accounts.RoleResident, Username: username, Password: password,
		Email: email, Notify: &notices.Settings{Language: lang, Email: true}})
	if err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

// resident registers, approves and binds a resident; it returns its principal.
func (e *env) resident(username, email string, lang notices.Language) accounts.Principal {
	e.t.Helper()
	p, _ := e.residentWithKey(username, email, lang)
	return p
}

// residentWithKey is resident, also returning the key of the address it bound (the phone's).
func (e *env) residentWithKey(username, email string, lang notices.Language) (accounts.Principal, *ecdsa.PrivateKey) {
	e.t.Helper()
	id := e.register(username, email, lang)
	if _, err := e.acc.Approve(e.ctx, e.admin, id, ""); err != nil {
		e.t.Fatal(err)
	}
	p := accounts.Principal{AccountID: id, Username: username, Role: accounts.RoleResident}
	key, _ := crypto.GenerateKey()
	sig, nonce := e.signChallenge(p, key)
	if _, err := e.acc.BindWallet(e.ctx, p, crypto.PubkeyToAddress(key.PublicKey).Hex(), sig, nonce); err != nil {
		e.t.Fatal(err)
	}
	return p, key
}

// signChallenge signs a fresh wallet challenge of p with key, as the app does (personal_sign); it returns
// the signature in hex and the challenge's nonce.
func (e *env) signChallenge(p accounts.Principal, key *ecdsa.PrivateKey) (string, string) {
	e.t.Helper()
	ch, err := e.acc.WalletChallenge(e.ctx, p)
	if err != nil {
		e.t.Fatal(err)
	}
	sig, _ := crypto.Sign(ethaccounts.TextHash([]byte(ch.Message)), key)
	sig[64] += 27
	return fmt.Sprintf("0x%x", sig), ch.Nonce
}

// submitted makes a chore (by the admin) and a claim of it with proof submitted by p; it returns the claim.
func (e *env) submitted(p accounts.Principal, title string) string {
	e.t.Helper()
	c, err := e.chores.CreateChore(e.ctx, e.admin, chores.ChoreInput{Title: title, Location: chores.Location{Lat: 50.888,
		Lng: 5.98, Area: "Heerlerbaan"}, RewardCents: 350, Capacity: 5, ClosesAt: e.clock.Now().Add(7 * 24 * time.Hour)})
	if err != nil {
		e.t.Fatal(err)
	}
	cl, err := e.chores.ClaimChore(e.ctx, p, c.ID)
	if err == nil {
		cl, err = e.chores.SubmitProof(e.ctx, p, cl.ID, "klaar", [][]byte{phototest.JPEG(24, 16)})
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return cl.ID
}

// exec runs SQL and fails the test on an error.
func (e *env) exec(q string, args ...any) {
	e.t.Helper()
	if _, err := e.db.SQL().ExecContext(e.ctx, q, args...); err != nil {
		e.t.Fatalf("%s: %v", q, err)
	}
}

// notices returns the account's notices of kind as the table holds them, delivered or not.
func (e *env) notices(accountID string, kind notices.Kind) []notices.Notice {
	e.t.Helper()
	rows, err := e.db.SQL().QueryContext(e.ctx, `SELECT id, event_key, params FROM notices WHERE account_id = $1 AND kind = $2
		ORDER BY id`, accountID, string(kind))
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var out []notices.Notice
	for rows.Next() {
		n := notices.Notice{AccountID: accountID, Kind: kind}
		var params []byte
		if err := rows.Scan(&n.ID, &n.EventKey, &params); err != nil {
			e.t.Fatal(err)
		}
		if err := jsonUnmarshal(params, &n.Params); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

// run does one round of the worker and fails the test on an error.
func (e *env) run() {
	e.t.Helper()
	if err := e.worker.RunOnce(e.ctx); err != nil {
		e.t.Fatal(err)
	}
}
