package e2e_test

import (
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/photos/phototest"
	"github.com/heerlen/heitje/internal/testenv"
	"github.com/heerlen/heitje/internal/wallet"
)

const (
	walkUser       = "groene-vingers"
	walkPassword   = "een lang genoeg wachtwoord"
	walkPassphrase = "drie kleine kaboutertjes"
)

// TestResidentAppFromSignUpToPayment walks one resident through the app in headless Chromium with a fake
// camera: sign up, approval by staff through the API, a key made and bound on the phone, a chore taken on
// and proved with a photo, approval and the reward in the balance, the shop's QR code scanned from the
// camera, the payment confirmed with the passphrase and "Betaald" live, and the history. On the way: axe-core
// on every screen in Dutch and English; the signature the browser made equals go-ethereum's for the same
// key and typed data; and no request the page made carries the private key or the passphrase.
func TestResidentAppFromSignUpToPayment(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	// The production tile source, which this machine cannot reach: the map shows the chores without it.
	p.cfg.MapTilesURL = config.DefaultMapTilesURL
	p.serve()
	camera := filepath.Join(t.TempDir(), "camera.y4m")
	showQR(t, camera, "https://example.org/geen-betaalverzoek")
	b := p.newCameraPhone(t, camera)
	chore := p.chore(350, 5)
	s := p.newShop("bakker", true)
	sent := b.record()

	b.open("/registreren")
	b.screen("/registreren")
	b.fill("username", walkUser)
	b.fill("password", walkPassword)
	b.click(`main input[name="notice"]`)
	b.click(`main button[type="submit"]`)
	b.screen("/wachten")
	var id string
	if err := p.db.SQL().QueryRow(`SELECT id::text FROM accounts WHERE username = $1`, walkUser).Scan(&id); err != nil {
		t.Fatal(err)
	}
	p.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+id+"/approve", p.login("beheerder"), nil)
	b.logIn(walkUser, walkPassword)

	// The key: a short passphrase and two that differ are refused in the page; then it is made and bound.
	b.screen("/sleutel")
	b.screenshot("03-sleutel-maken")
	b.checkA11y("making the key")
	b.fill("passphrase", "te kort")
	b.fill("passphrase2", "te kort")
	b.click(`main button[type="submit"]`)
	b.sees("Kies een wachtzin van minstens 12 tekens")
	b.fill("passphrase", walkPassphrase)
	b.fill("passphrase2", walkPassphrase+"!")
	b.click(`main button[type="submit"]`)
	b.sees("De twee wachtzinnen zijn niet gelijk")
	b.makeKey(walkPassphrase)
	b.checkA11y("the key")
	var bound string
	if err := p.db.SQL().QueryRow(`SELECT COALESCE(wallet_address, '') FROM accounts WHERE id = $1`, id).Scan(&bound); err != nil || bound == "" {
		t.Fatalf("no address bound after making the key (%v)", err)
	}
	key, err := keystore.DecryptKey([]byte(b.storedKeystore()), walkPassphrase)
	if err != nil {
		t.Fatalf("go-ethereum cannot open the keystore the phone keeps: %v", err)
	}
	if got := strings.ToLower(key.Address.Hex()); got != bound {
		t.Fatalf("the phone's key is %s, the account's address %s", got, bound)
	}

	// A chore, taken on and proved with a photo.
	b.open("/klussen")
	b.screen("/klussen")
	b.screenshot("04-klussen")
	b.checkA11y("the chores")
	b.click(`main .app-actions button.utrecht-button--secondary-action:last-child`)
	b.do("wait for the map", chromedp.WaitVisible(chromedp.CSS("main .leaflet-container path.leaflet-interactive")))
	testenv.Axe(t, b.ctx, "the chores with the map (nl)")
	b.click(`main a[href="/klussen/` + chore.ID + `"]`)
	b.screen("/klussen/" + chore.ID)
	b.checkA11y("a chore")
	b.click(`main .app-actions button`)
	claimPath := b.screenUnder("/mijn-klussen/")
	claimID := strings.TrimPrefix(claimPath, "/mijn-klussen/")
	b.checkA11y("a claim")
	photo := filepath.Join(t.TempDir(), "bewijs.jpg")
	if err := os.WriteFile(photo, phototest.JPEG(800, 600), 0o644); err != nil {
		t.Fatal(err)
	}
	b.upload("photo", photo)
	b.click(`main form button[type="submit"]`)
	b.sees("Bewijs verstuurd")
	b.screenshot("05-bewijs-verstuurd")
	b.open("/mijn-klussen")
	b.screen("/mijn-klussen")
	b.sees("Bewijs verstuurd")
	b.checkA11y("my claims")
	p.expect(http.StatusOK, "", "POST", "/v1/admin/claims/"+claimID+"/approve", p.reviewer("keurder"), nil)
	p.waitFor("the reward", 3*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM claims WHERE id = $1 AND status = 'rewarded'`, claimID) == 1
	})
	p.waitIndexed()
	b.open("/saldo")
	b.screen("/saldo")
	b.sees("€ 3,50")
	b.sees("Beloning voor een klus")
	b.checkA11y("the balance")

	// The shop asks for € 1,25; the phone's camera sees first something else, then the till's QR code.
	req := p.expect(http.StatusCreated, "", "POST", "/v1/shop/payment-requests", s.token, map[string]any{"amount_cents": 125})
	reqID, link := req["id"].(string), req["qr_uri"].(string)
	b.open("/betalen")
	b.screen("/betalen")
	b.checkA11y("scanning")
	b.click(`main .app-actions button`)
	b.sees("Dit is geen betaalverzoek van Heerlens Heitje")
	showQR(t, camera, link)
	b.open("/betalen")
	b.screen("/betalen")
	b.click(`main .app-actions button`)
	b.screen("/betalen/" + reqID)
	b.sees("Bakkerij bakker")
	b.sees("€ 1,25")
	b.screenshot("06-betalen")
	b.checkA11y("paying")
	b.fill("passphrase", walkPassphrase+" niet")
	b.click(`main form button[type="submit"]`)
	b.sees("Deze wachtzin klopt niet")
	if n := p.count(`SELECT count(*) FROM payment_requests WHERE id = $1 AND intent_id IS NOT NULL`, reqID); n != 0 {
		t.Fatal("a wrong passphrase paid")
	}
	b.fill("passphrase", walkPassphrase)
	b.click(`main form button[type="submit"]`)
	b.sees("Betaald")
	b.screenshot("07-betaald")
	b.checkA11y("paid")
	p.waitIndexed()
	b.open("/saldo")
	b.screen("/saldo")
	b.sees("Betaald bij Bakkerij bakker")
	b.sees("€ 2,25")
	b.screenshot("08-saldo")

	// The browser's signature is go-ethereum's, byte for byte, for the same key and typed data.
	var browserSig []byte
	if err := p.db.SQL().QueryRow(`SELECT signature FROM payment_requests WHERE id = $1`, reqID).Scan(&browserSig); err != nil {
		t.Fatal(err)
	}
	w := p.walletClient(p.loginAs(walkUser, walkPassword))
	view, err := w.PaymentRequest(p.ctx, reqID)
	if err != nil {
		t.Fatal(err)
	}
	d, a, err := wallet.Terms(view)
	if err != nil {
		t.Fatal(err)
	}
	a.From = key.Address
	goSig, err := payments.Sign(d, a, key.PrivateKey)
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(goSig) != hex.EncodeToString(browserSig) {
		t.Fatalf("the browser signed %x, go-ethereum %x", browserSig, goSig)
	}

	// Nothing the page sent carries the key or the passphrase.
	secret := hex.EncodeToString(crypto.FromECDSA(key.PrivateKey))
	requests := sent()
	if len(requests) < 10 {
		t.Fatalf("only %d requests recorded", len(requests))
	}
	for _, r := range requests {
		all := strings.ToLower(r.URL + " " + r.Body + " " + strings.Join(headerValues(r.Headers), " "))
		if strings.Contains(all, secret) || strings.Contains(all, strings.ToLower(walkPassphrase)) {
			t.Fatalf("%s %s carries the private key or the passphrase", r.Method, r.URL)
		}
	}
	t.Logf("%d requests recorded from sign-up to payment, none with the key or the passphrase", len(requests))
}

func headerValues(h map[string]any) []string {
	var out []string
	for k, v := range h {
		out = append(out, k, strings.TrimSpace(strings.ReplaceAll(strings.ToLower(toString(v)), "\n", " ")))
	}
	return out
}

func toString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}

// loginAs logs in with a password of the person's own (the app's residents choose theirs).
func (p *platform) loginAs(username, pw string) string {
	p.tb.Helper()
	out := p.expect(http.StatusOK, "", "POST", "/v1/auth/login", "", map[string]any{"username": username, "password": pw})
	return out["access_token"].(string)
}
