package e2e_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/testenv"
)

const refusalPassphrase = "zeven zilveren zwanen"

// TestResidentAppRefusesBadInput: a file that is not a photo, a phone without a camera, a request that
// expired, one another resident paid, and a network that drops at the moment of paying each get a clear
// message in the page, and nothing moves; the payment then goes through once the network is back. A claim
// not yet decided is withdrawn from the page.
func TestResidentAppRefusesBadInput(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	rs := p.fundedResidents(2, 500)
	s := p.newShop("kapper", true)
	chore := p.chore(200, 3)
	b := p.newBrowserPhone(t)
	// The phone reaches the platform through a proxy whose network can be cut.
	proxy := newSwitchableProxy(t, p.base)
	b.base = proxy.URL
	b.signIn(rs[0], refusalPassphrase)
	tok := p.login(rs[0].p.Username)

	// A file that is not a photo is refused before anything is sent; the claim is then withdrawn.
	claim := p.expect(http.StatusCreated, "", "POST", "/v1/chores/"+chore.ID+"/claims", tok, nil)["id"].(string)
	b.open("/mijn-klussen/" + claim)
	b.screen("/mijn-klussen/" + claim)
	notPhoto := filepath.Join(t.TempDir(), "bewijs.jpg")
	if err := os.WriteFile(notPhoto, []byte("dit is geen foto"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.upload("photo", notPhoto)
	b.click(`main form button[type="submit"]`)
	b.sees("bewijs.jpg is geen foto die kan worden geopend")
	if n := p.count(`SELECT count(*) FROM claim_photos WHERE claim_id = $1`, claim); n != 0 {
		t.Fatalf("%d photos stored from a file that is no photo", n)
	}
	b.checkA11y("a claim with a refused file")
	b.click(`main .app-withdraw button`)
	b.sees("Weet je zeker dat je deze klus wilt intrekken?")
	testenv.Axe(t, b.ctx, "withdrawing a claim")
	b.click(`main .app-withdraw button.utrecht-button--primary-action`)
	b.sees("Ingetrokken")
	if n := p.count(`SELECT count(*) FROM claims WHERE id = $1 AND status = 'withdrawn'`, claim); n != 1 {
		t.Fatal("the claim was not withdrawn")
	}

	// No camera on this phone: said so, with the code to type instead.
	b.open("/betalen")
	b.screen("/betalen")
	b.click(`main .app-actions button`)
	b.sees("De camera is niet beschikbaar")
	b.fill("code", "https://example.org/iets-anders")
	b.click(`main form button[type="submit"]`)
	b.sees("Dit is geen betaalverzoek van Heerlens Heitje")

	// An expired request and one another resident paid: a message, no payment form.
	expired, _ := p.request(s, 100)
	p.db.SQL().ExecContext(p.ctx, `UPDATE payment_requests SET created_at = now() - interval '10 minutes',
		expires_at = now() - interval '1 minute' WHERE id = $1`, expired)
	b.open("/betalen/" + expired)
	b.sees("Dit betaalverzoek is verlopen")
	if n := p.count(`SELECT count(*) FROM payment_requests WHERE id = $1 AND intent_id IS NOT NULL`, expired); n != 0 {
		t.Fatal("an expired request was paid")
	}
	otherPaid := p.payAs(rs[1], s, 150)
	b.open("/betalen/" + otherPaid)
	b.sees("Dit bestaat niet (meer)")

	// The network drops as the resident confirms: nothing is paid, and it goes through once it is back.
	id, _ := p.request(s, 125)
	b.open("/betalen/" + id)
	b.screen("/betalen/" + id)
	b.fill("passphrase", refusalPassphrase)
	proxy.off.Store(true)
	b.click(`main form button[type="submit"]`)
	b.sees("Geen verbinding. Er is niets betaald")
	if n := p.count(`SELECT count(*) FROM payment_requests WHERE id = $1 AND intent_id IS NOT NULL`, id); n != 0 {
		t.Fatal("a payment went through while the phone was offline")
	}
	proxy.off.Store(false)
	b.fill("passphrase", refusalPassphrase)
	b.click(`main form button[type="submit"]`)
	b.sees("Betaald")
	if n := p.count(`SELECT count(*) FROM chain_intents WHERE idempotency_key = 'payment:' || $1`, id); n != 1 {
		t.Fatalf("%d relay intents for one payment", n)
	}

	// Without a network at all, the app still opens (its shell from the service worker) and shows the
	// balance it saw last, saying so.
	p.waitIndexed()
	b.open("/saldo")
	b.sees("€ 3,75")
	b.do("wait for the service worker", chromedp.Evaluate[chromedp.Void](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
	proxy.off.Store(true)
	b.open("/saldo")
	b.sees("Je bent offline")
	b.sees("€ 3,75")
	b.checkA11y("the balance offline")
	proxy.off.Store(false)
}

// switchableProxy forwards to the platform until off is set; then it drops every connection, as a phone
// without a network sees it.
type switchableProxy struct {
	*httptest.Server
	off atomic.Bool
}

func newSwitchableProxy(t *testing.T, target string) *switchableProxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	sp := &switchableProxy{}
	forward := httputil.NewSingleHostReverseProxy(u)
	forward.FlushInterval = -1
	sp.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if sp.off.Load() {
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					conn.Close()
					return
				}
			}
			panic(http.ErrAbortHandler)
		}
		forward.ServeHTTP(w, r)
	}))
	sp.Server.Config.ConnState = func(c net.Conn, st http.ConnState) {
		if sp.off.Load() && st == http.StateIdle {
			c.Close()
		}
	}
	t.Cleanup(sp.Close)
	return sp
}

// payAs has resident r pay shop s cents through the API and waits until it is confirmed; it returns the
// request's id.
func (p *platform) payAs(r resident, s shop, cents int64) string {
	p.tb.Helper()
	id, _ := p.request(s, cents)
	tok := p.login(r.p.Username)
	req, err := p.walletClient(tok).PaymentRequest(p.ctx, id)
	if err != nil {
		p.tb.Fatal(err)
	}
	if code, body := p.postPay(tok, id, payBody(p.tb, r.key, req, nil), "pay-"+id); code != http.StatusOK {
		p.tb.Fatalf("pay: %d %v", code, body)
	}
	p.waitFor("the payment", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM payment_request_states WHERE id = $1 AND status = 'confirmed'`, id) == 1
	})
	return id
}
