package e2e_test

import (
	"context"
	"crypto/ecdh"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/chromedp"
)

// TestResidentAppShowsAPush: the service worker shows a push (payload {title, body, url}) as a notification
// that keeps the notice's address, and one whose address is not the app's opens the notices instead; the app
// shows the address a tapped notification asks for; turning notifications on says plainly that this browser
// cannot receive them. (Chromium's DevTools hand the push to the service worker:
// headless Chromium has no push service to send one.)
func TestResidentAppShowsAPush(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	vapid, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	p.cfg.Notices.VAPIDPrivateKey = base64.RawURLEncoding.EncodeToString(vapid.Bytes())
	p.cfg.Notices.VAPIDSubject = "mailto:berichten@example.nl"
	p.serve()
	r := p.residents(1)[0]
	b := p.newOtherDevice(t)

	registrations := make(chan serviceworker.RegistrationID, 16)
	err = chromedp.Listen(b.ctx, func(ev any) {
		if e, ok := ev.(*serviceworker.EventWorkerRegistrationUpdated); ok {
			for _, reg := range e.Registrations {
				if reg.ScopeURL == p.base+"/" && !reg.IsDeleted {
					select {
					case registrations <- reg.RegistrationID:
					default:
					}
				}
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(b.ctx, serviceworker.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	// Notifications are allowed before the app is opened, as on a phone where the resident allowed them
	// earlier. A grant given while the service worker runs reached the page before the worker: a push in
	// between showed nothing (showNotification refuses without the permission), once in a loaded run.
	if _, err := chromedp.CallBrowser(b.ctx, browser.SetPermission, browser.SetPermissionParams{
		Permission: &browser.PermissionDescriptor{Name: "notifications"}, Setting: browser.PermissionSettingGranted, Origin: p.base}); err != nil {
		t.Fatal(err)
	}
	b.logIn(r.p.Username, password)
	b.screen("/klussen")
	var reg serviceworker.RegistrationID
	select {
	case reg = <-registrations:
	case <-time.After(2 * time.Minute):
		t.Fatal("the app registered no service worker")
	}
	b.waitJS("the service worker active", `(navigator.serviceWorker.ready.then(() => (window.swReady = true)), window.swReady === true)`)
	b.waitJS("the notifications permission granted", `Notification.permission === "granted"`)

	push := func(payload string) {
		t.Helper()
		if _, err := chromedp.Call(b.ctx, serviceworker.DeliverPushMessage, serviceworker.DeliverPushMessageParams{
			Origin: p.base, RegistrationID: reg, Data: payload}); err != nil {
			t.Fatal(err)
		}
	}
	push(`{"title": "Je klus is goedgekeurd", "body": "Je klus \"Bankjes schilderen\" is goedgekeurd.", "url": "/mijn-klussen"}`)
	b.shown(`["Je klus is goedgekeurd","Je klus \"Bankjes schilderen\" is goedgekeurd.","/mijn-klussen"]`)
	push(`{"title": "Elders heen", "body": "Een adres buiten de app", "url": "https://elders.example/x"}`)
	b.shown(`["Elders heen","Een adres buiten de app","/berichten"]`)

	// Tapping a notification with the app open: the service worker asks the app to show the notice's address.
	b.do("a tapped notification", chromedp.Evaluate[chromedp.Void](`navigator.serviceWorker.dispatchEvent(new MessageEvent("message",
		{ data: { type: "heitje-open", url: "/mijn-klussen" } }))`))
	b.screen("/mijn-klussen")

	// The platform sends pushes and notifications are allowed, but this browser has no push service to
	// subscribe with: the settings say so plainly, and the platform holds no subscription.
	b.open("/berichten/instellingen")
	b.screen("/berichten/instellingen")
	b.clickText("main button", "Meldingen aanzetten")
	b.sees("Meldingen aanzetten lukt niet: deze browser kan geen meldingen ontvangen")
	if n := p.count(`SELECT count(*) FROM push_subscriptions`); n != 0 {
		t.Fatalf("%d push subscriptions after a refused subscription", n)
	}
}

// shown waits until the service worker shows a notification whose [title, body, url] is want (JSON).
func (b *browserPhone) shown(want string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Minute)
	defer cancel()
	var got string
	for {
		var err error
		got, err = chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.serviceWorker.ready.then((r) => r.getNotifications())
			.then((ns) => JSON.stringify(ns.map((n) => [n.title, n.body, n.data && n.data.url])))`, chromedp.EvalAwaitPromise))
		if err == nil {
			var all []json.RawMessage
			if json.Unmarshal([]byte(got), &all) == nil {
				for _, n := range all {
					if string(n) == want {
						return
					}
				}
			}
		}
		select {
		case <-ctx.Done():
			b.t.Fatalf("the service worker never showed %s; it shows %s (%v)", want, got, err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}
