package e2e_test

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/testenv"
)

// BenchmarkAppCheckout measures the resident's side of paying at the till in the app, in headless
// Chromium: a key made in the browser (the app's own keystore, PBKDF2 with 600,000 rounds), then n payments
// one after another, each timed from pressing the confirm button (the passphrase typed) to "Betaald" on the
// screen: unlocking the key, signing, the pay call, the block and the event stream. Design §7 asks the till
// to show "betaald" within 2 block periods + 250 ms (2.25 s) at p99; the phone's figure adds unlocking.
func BenchmarkAppCheckout(b *testing.B) {
	n := testenv.BenchSize(20, 3)
	for range b.N {
		p := newPlatform(b)
		p.serve()
		s := p.newShop("kassa", true)
		a, err := p.acc.Register(p.ctx, accounts.Registration{Role: accounts.RoleResident, Username: "betaler", Password: password})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.acc.Approve(p.ctx, p.admin, a.ID, ""); err != nil {
			b.Fatal(err)
		}
		ph := p.newBrowserPhone(b)
		ph.logIn("betaler", password)
		ph.screen("/sleutel")
		ph.makeKey(walkPassphrase)
		var addr string
		if err := p.db.SQL().QueryRow(`SELECT wallet_address FROM accounts WHERE id = $1`, a.ID).Scan(&addr); err != nil {
			b.Fatal(err)
		}
		p.fund(int64(n)*100, common.HexToAddress(addr))

		lat := make([]time.Duration, 0, n)
		b.ResetTimer()
		for range n {
			id := p.expect(http.StatusCreated, "", "POST", "/v1/shop/payment-requests", s.token, map[string]any{"amount_cents": 100})["id"].(string)
			ph.open("/betalen/" + id)
			ph.screen("/betalen/" + id)
			ph.fill("passphrase", walkPassphrase)
			// The page notes the moment the button is pressed and the moment "Betaald" appears.
			ph.do("pay", chromedp.Evaluate[chromedp.Void](`(() => {
				window.__paid = 0;
				new MutationObserver((_, obs) => {
					if (document.querySelector(".app-paid")) { window.__paid = performance.now(); obs.disconnect(); }
				}).observe(document.body, { childList: true, subtree: true });
				window.__pressed = performance.now();
				document.querySelector('main form button[type="submit"]').click();
			})()`))
			ph.sees("Betaald")
			ms, err := chromedp.Run(ph.ctx, chromedp.Evaluate[float64](`window.__paid - window.__pressed`))
			if err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Duration(ms*float64(time.Millisecond)))
		}
		b.StopTimer()
		slices.Sort(lat)
		p50, p99 := lat[len(lat)/2], lat[(len(lat)*99+99)/100-1]
		b.ReportMetric(float64(p50.Milliseconds()), "p50_ms")
		b.ReportMetric(float64(p99.Milliseconds()), "p99_ms")
		b.Logf("%d payments in the app: confirm pressed → \"Betaald\" shown p50 %s, p99 %s, min %s, max %s (the till's target p99 ≤ 2.25 s)",
			n, p50.Round(time.Millisecond), p99.Round(time.Millisecond), lat[0].Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
	}
}
