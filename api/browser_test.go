package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/testenv"
)

// TestBrowserSessionAndPaymentEvents runs what the resident app does, in headless Chromium on the API's
// own origin over plain http://127.0.0.1 (as make run serves it): a login with cookie: true keeps the
// refresh token where the page's scripts cannot read it, and POST /v1/auth/refresh without a body gets a
// new access token from it; GET /v1/payment-requests/{id}/events is read with fetch and that bearer token,
// each event arriving while the stream is open (submitted before the payment is even confirmed), the
// stream ending after confirmed; logout clears the cookie, so a refresh is then 401.
func TestBrowserSessionAndPaymentEvents(t *testing.T) {
	t.Parallel()
	p := newPaymentsAPI(t)
	srv := httptest.NewServer(p.h)
	t.Cleanup(srv.Close)
	ctx := testenv.Browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/v1/openapi.json")); err != nil {
		t.Fatal(err)
	}
	js := func(src string) string {
		t.Helper()
		out, err := chromedp.Run(ctx, chromedp.Evaluate[string](src, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		return out
	}
	if got := js(`fetch('/v1/auth/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
		body: JSON.stringify({username: 'bewoner-a', password: '` + testPassword + `', cookie: true})})
		.then(async r => r.status + ' ' + Object.keys(await r.json()).sort().join(','))`); got != "200 access_token,expires_in,token_type" {
		t.Fatalf("browser login: %s", got)
	}
	if got := js(`Promise.resolve(document.cookie)`); got != "" {
		t.Fatalf("the page's script reads the cookie: %q", got)
	}
	if got := js(`fetch('/v1/auth/refresh', {method: 'POST'}).then(async r => { const b = await r.json(); window.token = b.access_token;
		return r.status + ' ' + Object.keys(b).sort().join(',') })`); got != "200 access_token,expires_in,token_type" {
		t.Fatalf("refresh by the cookie: %s", got)
	}

	r := p.request(300)
	js(`Promise.resolve((window.events = '', window.stream = (async () => {
		const r = await fetch('/v1/payment-requests/` + r.ID + `/events', {headers: {Authorization: 'Bearer ' + window.token}});
		const reader = r.body.getReader(), decoder = new TextDecoder();
		for (;;) { const {value, done} = await reader.read(); if (done) break; window.events += decoder.decode(value) }
		return r.status + ' ' + r.headers.get('Content-Type') })(), ''))`)
	waitFor := func(what string) {
		t.Helper()
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if _, err := chromedp.Run(wctx, chromedp.Poll[bool](`window.events.includes('`+what+`')`, chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
			t.Fatalf("the page never read %q (%v); it read %q", what, err, js(`Promise.resolve(window.events)`))
		}
	}
	waitFor("retry: 2000")
	p.pay(r, http.StatusOK, "")
	waitFor("event: submitted")
	if strings.Contains(js(`Promise.resolve(window.events)`), "event: confirmed") {
		t.Fatal("confirmed before the payment was settled")
	}
	p.settle(p.chain.intent("payment:" + r.ID))
	if got := js(`window.stream`); got != "200 text/event-stream" {
		t.Fatalf("the event stream: %s", got)
	}
	if events := js(`Promise.resolve(window.events)`); !strings.Contains(events, "event: confirmed\ndata: ") {
		t.Fatalf("the stream ended without confirmed: %q", events)
	}

	if got := js(`fetch('/v1/auth/logout', {method: 'POST'}).then(r => String(r.status))`); got != "204" {
		t.Fatalf("logout: %s", got)
	}
	if got := js(`fetch('/v1/auth/refresh', {method: 'POST'}).then(async r => r.status + ' ' + (await r.json()).error.code)`); got != "401 invalid_token" {
		t.Fatalf("refresh after logout: %s", got)
	}
}
