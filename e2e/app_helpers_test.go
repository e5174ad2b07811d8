package e2e_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/google/uuid"
	qr "github.com/piglig/go-qr"

	"github.com/heerlen/heitje/internal/testenv"
)

// browserPhone is a resident's phone: a tab of headless Chromium at phone size on the platform's web app.
type browserPhone struct {
	t    testing.TB
	ctx  context.Context
	base string
}

// newBrowserPhone opens a tab of the test binary's browser on the platform p serves.
func (p *platform) newBrowserPhone(t testing.TB) *browserPhone {
	t.Helper()
	return &browserPhone{t: t, ctx: testenv.Browser(t), base: p.base}
}

// within runs the browser steps with a generous bound: a busy machine makes them slow, never wrong.
func (b *browserPhone) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v\n(on %s)", what, err, b.url())
	}
}

// open loads a path of the app.
func (b *browserPhone) open(path string) {
	b.t.Helper()
	b.do("open "+path, chromedp.Navigate(b.base+path))
}

// screen waits until the app shows the screen at path with its heading.
func (b *browserPhone) screen(path string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Minute)
	defer cancel()
	for {
		loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + (document.querySelector("main:not([aria-busy]) h1") ? "" : "?")`))
		if err == nil && loc == path {
			return
		}
		select {
		case <-ctx.Done():
			b.t.Fatalf("the app never showed %s (at %s); it shows:\n%s", path, b.url(), b.text())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// screenUnder waits until the app shows a screen whose address starts with prefix, and returns the address.
func (b *browserPhone) screenUnder(prefix string) string {
	b.t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		loc, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("main:not([aria-busy]) h1") ? location.pathname : ""`))
		if err == nil && strings.HasPrefix(loc, prefix) {
			return loc
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("the app never showed a screen under %s (at %s); it shows:\n%s", prefix, b.url(), b.text())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// fill replaces the text of the field named name, typing it as a person would.
func (b *browserPhone) fill(name, text string) {
	b.t.Helper()
	css := `main [name="` + name + `"]`
	sel := chromedp.CSS(css)
	b.onElement("fill "+name, chromedp.WaitVisible(sel), chromedp.Evaluate[chromedp.Void](`document.querySelector('`+css+`').value = ""`),
		chromedp.SendKeys(sel, text))
}

// click clicks the element the CSS selector finds in the main area.
func (b *browserPhone) click(css string) {
	b.t.Helper()
	sel := chromedp.CSS(css)
	b.onElement("click "+css, chromedp.WaitVisible(sel), chromedp.Click(sel))
}

// onElement runs steps that find an element and act on it. A screen that re-renders (after its data
// arrives, or a language switch) may replace the element between finding it and acting on it; the steps
// then run again, on the new element.
func (b *browserPhone) onElement(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Minute)
	defer cancel()
	for {
		err := chromedp.Do(ctx, steps...)
		if err == nil {
			return
		}
		if ctx.Err() != nil || !replaced(err) {
			b.t.Fatalf("%s: %v\n(on %s)", what, err, b.url())
		}
	}
}

// replaced tells whether err is the browser's answer about an element no longer in the page.
func replaced(err error) bool {
	for _, s := range []string{"Could not find node with given id", "Node is detached", "node is detached", "Cannot find context with specified id"} {
		if strings.Contains(err.Error(), s) {
			return true
		}
	}
	return false
}

// text is the visible text of the main area, with no-break spaces (as in "€ 3,50") written as spaces.
func (b *browserPhone) text() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("main")?.innerText ?? ""`))
	if err != nil {
		b.t.Fatal(err)
	}
	return strings.ReplaceAll(s, "\u00a0", " ")
}

// sees waits until the main area shows text.
func (b *browserPhone) sees(text string) {
	b.t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !strings.Contains(b.text(), text) {
		if time.Now().After(deadline) {
			b.t.Fatalf("the app never showed %q; it shows:\n%s", text, b.text())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (b *browserPhone) url() string {
	s, _ := chromedp.Run(b.ctx, chromedp.Location())
	return s
}

// checkA11yOnce runs axe-core on the screen as it is, in its language: for a screen that switching the
// language would leave (a till waiting on a request, say).
func (b *browserPhone) checkA11yOnce(what string) {
	b.t.Helper()
	testenv.Axe(b.t, b.ctx, what)
}

// checkA11y runs axe-core on the screen, then switches the app to English, runs it again, and switches back.
func (b *browserPhone) checkA11y(what string) {
	b.t.Helper()
	testenv.Axe(b.t, b.ctx, what+" (nl)")
	b.click("header .app-lang")
	b.do("wait for English", chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] main:not([aria-busy]) h1`)))
	testenv.Axe(b.t, b.ctx, what+" (en)")
	b.click("header .app-lang")
	b.do("wait for Dutch", chromedp.WaitVisible(chromedp.CSS(`html[lang="nl"] main:not([aria-busy]) h1`)))
}

// newOtherDevice is a device of its own (a browser with its own cookies and storage), such as a second
// till at the same counter.
func (p *platform) newOtherDevice(t testing.TB) *browserPhone {
	t.Helper()
	return &browserPhone{t: t, ctx: testenv.OwnBrowser(t, nil), base: p.base}
}

// newCameraPhone is a phone whose camera films the Y4M video at camera (see showQR): a browser of its own
// with Chromium's fake camera, the permission to use it granted.
func (p *platform) newCameraPhone(t *testing.T, camera string) *browserPhone {
	t.Helper()
	ctx := testenv.OwnBrowser(t, map[string]any{"use-fake-device-for-media-stream": true, "use-fake-ui-for-media-stream": true,
		"use-file-for-fake-video-capture": camera})
	return &browserPhone{t: t, ctx: ctx, base: p.base}
}

// sentRequest is one request the page made: its address, method, headers and body.
type sentRequest struct {
	URL, Method string
	Headers     map[string]any
	Body        string
}

// record starts recording every request the page makes; the returned func gives the ones so far.
func (b *browserPhone) record() func() []sentRequest {
	b.t.Helper()
	var mu sync.Mutex
	var sent []sentRequest
	maxBody := int64(1 << 20)
	if _, err := chromedp.Call(b.ctx, network.Enable, network.EnableParams{MaxPostDataSize: &maxBody}); err != nil {
		b.t.Fatal(err)
	}
	err := chromedp.Listen(b.ctx, func(ev any) {
		e, ok := ev.(*network.EventRequestWillBeSent)
		if !ok || e.Request == nil {
			return
		}
		var body strings.Builder
		for _, part := range e.Request.PostDataEntries {
			body.Write(part.Bytes)
		}
		mu.Lock()
		sent = append(sent, sentRequest{URL: e.Request.URL, Method: e.Request.Method, Headers: e.Request.Headers, Body: body.String()})
		mu.Unlock()
	})
	if err != nil {
		b.t.Fatal(err)
	}
	return func() []sentRequest {
		mu.Lock()
		defer mu.Unlock()
		return append([]sentRequest(nil), sent...)
	}
}

// offline cuts the page off the network (or connects it again).
func (b *browserPhone) offline(off bool) {
	b.t.Helper()
	if _, err := chromedp.Call(b.ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: off,
		DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		b.t.Fatal(err)
	}
}

// storedKeystore reads the keystore the app keeps in IndexedDB.
func (b *browserPhone) storedKeystore() string {
	b.t.Helper()
	ks, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`new Promise((resolve, reject) => {
		const open = indexedDB.open("heitje-wallet");
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const db = open.result;
			const get = db.transaction("keystore").objectStore("keystore").get("resident");
			get.onsuccess = () => { db.close(); resolve(JSON.stringify(get.result ?? null)); };
			get.onerror = () => { db.close(); reject(get.error); };
		};
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatal(err)
	}
	return ks
}

// upload puts files into the file field named name.
func (b *browserPhone) upload(name string, files ...string) {
	b.t.Helper()
	b.do("upload into "+name, chromedp.SetUploadFiles(chromedp.CSS(`main input[name="`+name+`"]`), files))
}

// screenshot saves the page as docs/screenshots/<name>.png when HEITJE_SCREENSHOTS names the folder to write
// them to (make screenshots does), and does nothing otherwise.
func (b *browserPhone) screenshot(name string) {
	b.t.Helper()
	dir := os.Getenv("HEITJE_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100)) // 100: PNG
	if err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// showQR writes a Y4M video of the QR code of text for the fake camera to film: a few still frames of a
// black-on-white code in the middle of a 640×480 picture.
func showQR(t *testing.T, path, text string) {
	t.Helper()
	code, err := qr.EncodeText(text, qr.Medium)
	if err != nil {
		t.Fatal(err)
	}
	const w, h = 640, 480
	scale := (h - 80) / (code.Size() + 8)
	offX, offY := (w-scale*code.Size())/2, (h-scale*code.Size())/2
	luma := make([]byte, w*h)
	for i := range luma {
		luma[i] = 235
	}
	for y := range code.Size() {
		for x := range code.Size() {
			if !code.Module(x, y) {
				continue
			}
			for dy := range scale {
				row := (offY+y*scale+dy)*w + offX + x*scale
				for dx := range scale {
					luma[row+dx] = 16
				}
			}
		}
	}
	chroma := bytes.Repeat([]byte{128}, w*h/4)
	var out bytes.Buffer
	fmt.Fprintf(&out, "YUV4MPEG2 W%d H%d F15:1 Ip A1:1 C420jpeg\n", w, h)
	for range 3 {
		out.WriteString("FRAME\n")
		out.Write(luma)
		out.Write(chroma)
		out.Write(chroma)
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// logIn logs in on the phone's log-in screen.
func (b *browserPhone) logIn(username, pw string) {
	b.t.Helper()
	b.logInAt("/inloggen", username, pw)
}

// logInAt logs in on the log-in screen at path (the resident app's or the till's).
func (b *browserPhone) logInAt(path, username, pw string) {
	b.t.Helper()
	b.open(path)
	b.fill("username", username)
	b.fill("password", pw)
	b.click(`main button[type="submit"]`)
}

// makeKey makes the key on the key screen with passphrase, as a resident does, and waits until it is bound.
func (b *browserPhone) makeKey(passphrase string) {
	b.t.Helper()
	b.fill("passphrase", passphrase)
	b.fill("passphrase2", passphrase)
	b.click(`main input[name="understood"]`)
	b.click(`main button[type="submit"]`)
	b.sees("Je sleutel staat op deze telefoon")
}

// signIn logs resident r in on the phone and puts r's key on it, locked with passphrase (as a backup
// restored on this phone would), so a test can start where a resident with a key stands.
func (b *browserPhone) signIn(r resident, passphrase string) {
	b.t.Helper()
	b.logIn(r.p.Username, password)
	b.screen("/klussen")
	ks, err := keystore.EncryptKey(&keystore.Key{Id: uuid.New(), Address: r.addr, PrivateKey: r.key}, passphrase,
		keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		b.t.Fatal(err)
	}
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`new Promise((resolve, reject) => {
		const open = indexedDB.open("heitje-wallet", 1);
		open.onupgradeneeded = () => open.result.createObjectStore("keystore");
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const db = open.result;
			const tx = db.transaction("keystore", "readwrite");
			tx.objectStore("keystore").put(`+string(ks)+`, "resident");
			tx.oncomplete = () => { db.close(); resolve(true); };
			tx.onerror = () => { db.close(); reject(tx.error); };
		};
	})`, chromedp.EvalAwaitPromise)); err != nil {
		b.t.Fatal(err)
	}
}

// qrOnScreen photographs the element css shows and decodes the QR code in it.
func (b *browserPhone) qrOnScreen(css string) string {
	b.t.Helper()
	sel := chromedp.CSS(css)
	b.do("wait for the QR code", chromedp.WaitVisible(sel))
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Minute)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("`+css+`").naturalWidth > 0`)); err != nil {
		b.t.Fatalf("the QR code never loaded: %v", err)
	}
	png, err := chromedp.Run(b.ctx, chromedp.Screenshot(sel))
	if err != nil {
		b.t.Fatal(err)
	}
	img, _, err := image.Decode(bytes.NewReader(png))
	if err != nil {
		b.t.Fatal(err)
	}
	text, err := qr.Decode(img)
	if err != nil {
		b.t.Fatalf("the QR code on the screen does not decode: %v", err)
	}
	return text
}

// requestOnTill is the id of the payment request the till shows, read from the link printed under its QR
// code, after checking that the request is the shop's (shopID). (Requests are stamped to the second, so
// "the shop's newest" would not tell two tills apart.)
func (p *platform) requestOnTill(b *browserPhone, shopID string) string {
	p.tb.Helper()
	sel := chromedp.CSS(`main .till-code code`)
	b.do("wait for the request's link", chromedp.WaitVisible(sel))
	link, err := chromedp.Run(b.ctx, chromedp.Text(sel))
	if err != nil {
		p.tb.Fatal(err)
	}
	_, id, ok := strings.Cut(link, "/betalen/")
	if !ok || p.count(`SELECT count(*) FROM payment_requests WHERE id::text = $1 AND shop_id = $2`, id, shopID) != 1 {
		p.tb.Fatalf("the till shows %q, not a payment request of the shop", link)
	}
	return id
}

// payRequestAs has resident r pay the request id through the API (as the resident's phone would).
func (p *platform) payRequestAs(r resident, id string) (int, map[string]any) {
	p.tb.Helper()
	tok := p.login(r.p.Username)
	req, err := p.walletClient(tok).PaymentRequest(p.ctx, id)
	if err != nil {
		p.tb.Fatal(err)
	}
	return p.postPay(tok, id, payBody(p.tb, r.key, req, nil), "pay-"+id)
}
