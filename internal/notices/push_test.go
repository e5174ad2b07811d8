package notices_test

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/notices"
)

// pushEnv is env with web push: a VAPID key, the platform's sender whose client trusts the local push
// service, a service that takes subscriptions and a worker that pushes (no e-mail).
type pushEnv struct {
	*env
	ps     *pushService
	svc    *notices.Service
	worker *notices.Worker
}

// testVAPIDKey is a VAPID private key for the tests only.
const testVAPIDKey = "6YZUPNcpWAsJZaAPFtnJ64J3HYeLR3GA17KmXYEWt34"

func newPushEnv(t *testing.T) *pushEnv {
	t.Helper()
	e := newEnv(t)
	pub, err := notices.VAPIDPublicKey(testVAPIDKey)
	if err != nil {
		t.Fatal(err)
	}
	ps := startPushService(t, pub)
	sender, err := notices.NewWebPush(testVAPIDKey, "mailto:beheer@heitje.example", ps.srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	if sender.PublicKey() != pub {
		t.Fatalf("the sender's public key %s, want %s", sender.PublicKey(), pub)
	}
	svc, err := notices.New(e.db.Notices(e.keys), notices.Options{Secret: bytes.Repeat([]byte{9}, 32),
		PublicBaseURL: "https://heitje.example/", Now: e.clock.Now, Push: e.db.Push(), PushPublicKey: pub})
	if err != nil {
		t.Fatal(err)
	}
	w := notices.NewWorker(e.db.Notices(e.keys), svc, notices.WorkerOptions{Pusher: sender, PushStore: e.db.Push(),
		RetryBase: time.Minute, Now: e.clock.Now})
	return &pushEnv{env: e, ps: ps, svc: svc, worker: w}
}

func (e *pushEnv) run() {
	e.t.Helper()
	if err := e.worker.RunOnce(e.ctx); err != nil {
		e.t.Fatal(err)
	}
}

func (e *pushEnv) subscribe(accountID, name string) notices.PushSubscription {
	e.t.Helper()
	sub := e.ps.subscribe(name)
	if err := e.svc.SavePushSubscription(e.ctx, accountID, sub); err != nil {
		e.t.Fatal(err)
	}
	return sub
}

func (e *pushEnv) count(q string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.db.SQL().QueryRowContext(e.ctx, q, args...).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// TestPushDeliveredOnce: a claim's decision is pushed once to each browser its resident turned push on in
// before it, encrypted to that browser and in the resident's language, with the claim's page to open; a
// browser subscribed after a notice gets only the later ones, other people's browsers none; a rolled-back
// decision pushes nothing.
func TestPushDeliveredOnce(t *testing.T) {
	e := newPushEnv(t)
	p := e.resident("truus", "truus@example.nl", notices.English)
	other := e.resident("piet", "piet@example.nl", notices.Dutch)
	e.run() // the account notices of the two: before any subscription, never pushed
	e.subscribe(p.AccountID, "phone")
	e.subscribe(other.AccountID, "piet-phone")
	claim := e.submitted(p, "Bladeren ruimen")
	if _, err := e.choresBack.Approve(e.ctx, e.reviewer, claim); !errors.Is(err, errRolledBack) {
		t.Fatalf("rolled-back approval: %v", err)
	}
	e.run()
	if got := e.ps.received("phone"); len(got) != 0 {
		t.Fatalf("pushed before any notice of the resident's was written after the subscription: %+v", got)
	}
	if _, err := e.chores.Approve(e.ctx, e.reviewer, claim); err != nil {
		t.Fatal(err)
	}
	e.subscribe(p.AccountID, "laptop") // after the approval: it gets the next notice, not this one
	e.run()
	e.run()
	want := notices.Payload(notices.English, notices.ClaimApproved(p.AccountID, claim, "Bladeren ruimen", 350))
	if want.URL != "/mijn-klussen/"+claim || want.Title != "Your chore was approved" {
		t.Fatalf("payload %+v", want)
	}
	if got := e.ps.received("phone"); len(got) != 1 || got[0] != want {
		t.Fatalf("the phone got %+v, want once %+v", got, want)
	}
	if got := e.ps.received("laptop"); len(got) != 0 {
		t.Fatalf("the laptop, subscribed after the notice, got %+v", got)
	}
	if got := e.ps.received("piet-phone"); len(got) != 0 {
		t.Fatalf("another resident's browser got %+v", got)
	}
	claim2 := e.submitted(p, "Stoep vegen")
	if _, err := e.chores.Reject(e.ctx, e.reviewer, claim2, "Op de foto staat een andere straat"); err != nil {
		t.Fatal(err)
	}
	e.run()
	e.run()
	if len(e.ps.received("phone")) != 2 || len(e.ps.received("laptop")) != 1 {
		t.Fatalf("after a second notice: phone %d, laptop %d pushes, want 2 and 1", len(e.ps.received("phone")),
			len(e.ps.received("laptop")))
	}
	if r := e.ps.refusals(); r != nil {
		t.Fatalf("the push service refused: %v", r)
	}
	if n := e.count(`SELECT count(*) FROM push_deliveries WHERE status = 'sent'`); n != 3 {
		t.Fatalf("%d pushes recorded sent, want 3", n)
	}
	if n := e.count(`SELECT count(*) FROM push_subscriptions WHERE last_success_at IS NOT NULL`); n != 2 {
		t.Fatalf("%d subscriptions with a success, want 2", n)
	}
}

// TestPushRetriedAndGone: a push service that fails is tried again after the backoff and then delivers
// once; one that answers 410 loses the subscription, which is tried no more.
func TestPushRetriedAndGone(t *testing.T) {
	e := newPushEnv(t)
	p := e.resident("mien", "mien@example.nl", notices.Dutch)
	e.subscribe(p.AccountID, "flaky")
	e.subscribe(p.AccountID, "expired")
	e.ps.setStatus("flaky", http.StatusInternalServerError)
	e.ps.setStatus("expired", http.StatusGone)
	claim := e.submitted(p, "Zwerfafval prikken")
	if _, err := e.chores.Reject(e.ctx, e.reviewer, claim, "Geen foto"); err != nil {
		t.Fatal(err)
	}
	e.run()
	if e.ps.count("failures") != 1 || e.ps.count("gone") != 1 {
		t.Fatalf("first round: %d failures, %d gone; want 1 and 1", e.ps.count("failures"), e.ps.count("gone"))
	}
	if n := e.count(`SELECT count(*) FROM push_subscriptions WHERE account_id = $1`, p.AccountID); n != 1 {
		t.Fatalf("%d subscriptions left after a 410, want 1 (the flaky one)", n)
	}
	var status, msg string
	var attempts int
	if err := e.db.SQL().QueryRowContext(e.ctx, `SELECT d.status, d.attempts, s.last_error FROM push_deliveries d
		JOIN push_subscriptions s ON s.id = d.subscription_id`).Scan(&status, &attempts, &msg); err != nil {
		t.Fatal(err)
	}
	if status != "pending" || attempts != 1 || msg == "" {
		t.Fatalf("the failed push: %s after %d attempts, error %q; want pending after 1 with the error", status, attempts, msg)
	}
	e.ps.setStatus("flaky", 0)
	e.run() // not due yet
	if len(e.ps.received("flaky")) != 0 || e.ps.count("failures") != 1 {
		t.Fatal("retried before the backoff passed")
	}
	e.clock.Advance(2 * time.Minute)
	e.run()
	e.run()
	want := notices.Payload(notices.Dutch, notices.ClaimRejected(p.AccountID, claim, "Zwerfafval prikken", "Geen foto"))
	if got := e.ps.received("flaky"); len(got) != 1 || got[0] != want {
		t.Fatalf("after the retry: %+v, want once %+v", got, want)
	}
	if e.ps.count("gone") != 1 || len(e.ps.received("expired")) != 0 {
		t.Fatalf("the gone subscription was tried again: %d", e.ps.count("gone"))
	}
	if n := e.count(`SELECT count(*) FROM push_deliveries WHERE status = 'sent' AND attempts = 2`); n != 1 {
		t.Fatal("the push is not recorded sent on its second attempt")
	}
}

// TestPushSubscriptions: what the service takes and refuses; an endpoint moves to the account that
// subscribed it last and then gets only that account's notices; removing it stops the pushes.
func TestPushSubscriptions(t *testing.T) {
	e := newPushEnv(t)
	p := e.resident("kees", "kees@example.nl", notices.Dutch)
	q := e.resident("anna", "anna@example.nl", notices.Dutch)
	if key, err := e.svc.PushKey(); err != nil || len(key) != 87 {
		t.Fatalf("push key %q, %v", key, err)
	}
	if _, err := e.env.svc.PushKey(); !errors.Is(err, notices.ErrPushOff) {
		t.Fatalf("a service without push: %v", err)
	}
	if err := e.env.svc.SavePushSubscription(e.ctx, p.AccountID, e.ps.subscribe("off")); !errors.Is(err, notices.ErrPushOff) {
		t.Fatalf("subscribing without push: %v", err)
	}
	good := e.ps.subscribe("shared")
	bad := map[string]notices.PushSubscription{
		"http endpoint":    {Endpoint: "http://push.example/x", P256dh: good.P256dh, Auth: good.Auth},
		"userinfo":         {Endpoint: "https://user@push.example/x", P256dh: good.P256dh, Auth: good.Auth},
		"key not on P-256": {Endpoint: good.Endpoint, P256dh: "BAAA" + good.P256dh[4:], Auth: good.Auth},
		"short auth":       {Endpoint: good.Endpoint, P256dh: good.P256dh, Auth: good.Auth[:10]},
	}
	for name, sub := range bad {
		if err := e.svc.SavePushSubscription(e.ctx, p.AccountID, sub); !errors.Is(err, notices.ErrInvalidPush) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := e.svc.SavePushSubscription(e.ctx, p.AccountID, good); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.SavePushSubscription(e.ctx, p.AccountID, good); err != nil { // again: still one
		t.Fatal(err)
	}
	// kees's notice fails to arrive and waits for its retry; then the browser's next account, anna, turns
	// push on in it: kees's notice must not reach her.
	e.ps.setStatus("shared", http.StatusInternalServerError)
	if _, err := e.chores.Reject(e.ctx, e.reviewer, e.submitted(p, "Klus van kees"), "Niet gedaan"); err != nil {
		t.Fatal(err)
	}
	e.run()
	if e.ps.count("failures") != 1 {
		t.Fatalf("kees's push: %d failures, want 1", e.ps.count("failures"))
	}
	e.ps.setStatus("shared", 0)
	if err := e.svc.SavePushSubscription(e.ctx, q.AccountID, good); err != nil {
		t.Fatal(err)
	}
	if n := e.count(`SELECT count(*) FROM push_subscriptions WHERE endpoint = $1 AND account_id = $2`, good.Endpoint, q.AccountID); n != 1 ||
		e.count(`SELECT count(*) FROM push_subscriptions`) != 1 {
		t.Fatal("the endpoint did not move to the second account")
	}
	if _, err := e.chores.Reject(e.ctx, e.reviewer, e.submitted(q, "Klus van anna"), "Niet gedaan"); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(2 * time.Minute)
	e.run()
	e.run()
	if got := e.ps.received("shared"); len(got) != 1 || !strings.Contains(got[0].Body, "Klus van anna") {
		t.Fatalf("the moved endpoint got %+v, want anna's notice only", got)
	}
	if err := e.svc.DeletePushSubscription(e.ctx, p.AccountID, good.Endpoint); err != nil { // not kees's any more
		t.Fatal(err)
	}
	if e.count(`SELECT count(*) FROM push_subscriptions`) != 1 {
		t.Fatal("another account removed anna's subscription")
	}
	if err := e.svc.DeletePushSubscription(e.ctx, q.AccountID, good.Endpoint); err != nil {
		t.Fatal(err)
	}
	if e.count(`SELECT count(*) FROM push_subscriptions`)+e.count(`SELECT count(*) FROM push_deliveries`) != 0 {
		t.Fatal("the subscription or its pushes are still there")
	}
	// One account gets pushes on ten browsers at most: the eleventh replaces the one subscribed first.
	var first notices.PushSubscription
	for i := range notices.MaxPushSubscriptions + 1 {
		sub := e.subscribe(p.AccountID, fmt.Sprintf("browser-%d", i))
		if i == 0 {
			first = sub
		}
	}
	if n := e.count(`SELECT count(*) FROM push_subscriptions WHERE account_id = $1`, p.AccountID); n != notices.MaxPushSubscriptions ||
		e.count(`SELECT count(*) FROM push_subscriptions WHERE endpoint = $1`, first.Endpoint) != 0 {
		t.Fatalf("%d subscriptions after eleven, or the first is kept", n)
	}
	claim := e.submitted(q, "Nog een klus")
	if _, err := e.chores.Reject(e.ctx, e.reviewer, claim, "Niet gedaan"); err != nil {
		t.Fatal(err)
	}
	e.run()
	if got := e.ps.received("shared"); len(got) != 1 {
		t.Fatalf("pushed after the subscription was removed: %+v", got)
	}
}
