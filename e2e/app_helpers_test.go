package e2e_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/testenv"
)

// browserPhone is a resident's phone: a tab of headless Chromium at phone size on the platform's web app.
type browserPhone struct {
	t    *testing.T
	ctx  context.Context
	base string
}

// newBrowserPhone opens a tab of the test binary's browser on the platform p serves.
func (p *platform) newBrowserPhone(t *testing.T) *browserPhone {
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
		loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + (document.querySelector("main h1") ? "" : "?")`))
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

// fill replaces the text of the field named name, typing it as a person would.
func (b *browserPhone) fill(name, text string) {
	b.t.Helper()
	css := `main [name="` + name + `"]`
	sel := chromedp.CSS(css)
	b.do("fill "+name, chromedp.WaitVisible(sel), chromedp.Evaluate[chromedp.Void](`document.querySelector('`+css+`').value = ""`),
		chromedp.SendKeys(sel, text))
}

// click clicks the element the CSS selector finds in the main area.
func (b *browserPhone) click(css string) {
	b.t.Helper()
	sel := chromedp.CSS(css)
	b.do("click "+css, chromedp.WaitVisible(sel), chromedp.Click(sel))
}

// text is the visible text of the main area.
func (b *browserPhone) text() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("main").innerText`))
	if err != nil {
		b.t.Fatal(err)
	}
	return s
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

// checkA11y runs axe-core on the screen, then switches the app to English, runs it again, and switches back.
func (b *browserPhone) checkA11y(what string) {
	b.t.Helper()
	testenv.Axe(b.t, b.ctx, what+" (nl)")
	b.click("header .app-lang")
	b.do("wait for English", chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] main h1`)))
	testenv.Axe(b.t, b.ctx, what+" (en)")
	b.click("header .app-lang")
	b.do("wait for Dutch", chromedp.WaitVisible(chromedp.CSS(`html[lang="nl"] main h1`)))
}
