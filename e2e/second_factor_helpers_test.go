package e2e_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/heerlen/heitje/internal/accounts"
)

// The staff of the tests sign in as staff do: with the password and the code of a second factor (TOTP),
// which the helpers enrol when they create a staff member and compute as an authenticator app does.

// staffFactor is a second factor a helper enrolled: its secret and the last time step whose code it gave,
// since the platform takes each step's code once.
type staffFactor struct {
	secret string
	last   int64
}

// factors keeps the enrolled second factors of a platform's staff by username.
type factors struct {
	mu sync.Mutex
	by map[string]*staffFactor
}

// totpCode is secret's code for time step step (pquerna/otp, the settings of every authenticator app).
func totpCode(tb testing.TB, secret string, step int64) string {
	tb.Helper()
	code, err := totp.GenerateCodeCustom(secret, time.Unix(step*accounts.TOTPPeriod, 0).UTC(),
		totp.ValidateOpts{Period: accounts.TOTPPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		tb.Fatal(err)
	}
	return code
}

func stepNow() int64 { return time.Now().Unix() / accounts.TOTPPeriod }

// enrol gives staff member id (username) a second factor through the accounts service, as the console's
// enrolment page does, and keeps it for the sign-in helpers. It confirms with the code of the step before
// now's (accepted, as clocks drift), so that the next two sign-ins need not wait for a new code.
func (p *platform) enrol(id, username string) {
	p.tb.Helper()
	who := accounts.Principal{AccountID: id, Username: username, Role: accounts.RoleStaff}
	e, err := p.acc.StartSecondFactor(p.ctx, who)
	if err != nil {
		p.tb.Fatal(err)
	}
	step := stepNow() - 1
	_, err = p.acc.ConfirmSecondFactor(p.ctx, who, totpCode(p.tb, e.Secret, step))
	var fe *accounts.ValidationError
	if errors.As(err, &fe) {
		// The clock passed a step boundary in between: the code of the step now is taken.
		step = stepNow()
		_, err = p.acc.ConfirmSecondFactor(p.ctx, who, totpCode(p.tb, e.Secret, step))
	}
	if err != nil {
		p.tb.Fatal(err)
	}
	p.factors.mu.Lock()
	defer p.factors.mu.Unlock()
	if p.factors.by == nil {
		p.factors.by = map[string]*staffFactor{}
	}
	p.factors.by[username] = &staffFactor{secret: e.Secret, last: step}
}

// code is a code of username's second factor that the platform takes now, "" for someone without one: of
// now's time step or the next (both accepted) that was not given before. When both were, it waits for the
// next step (at most one step's 30 seconds).
func (p *platform) code(username string) string {
	p.tb.Helper()
	p.factors.mu.Lock()
	defer p.factors.mu.Unlock()
	f := p.factors.by[username]
	if f == nil {
		return ""
	}
	step := max(stepNow(), f.last+1)
	for deadline := time.Now().Add(2 * accounts.TOTPPeriod * time.Second); step > stepNow()+1; {
		if time.Now().After(deadline) {
			p.tb.Fatalf("the clock did not reach time step %d", step-1)
		}
		time.Sleep(time.Until(time.Unix((stepNow()+1)*accounts.TOTPPeriod, 0)) + 10*time.Millisecond)
	}
	f.last = step
	return totpCode(p.tb, f.secret, step)
}

// remember keeps the second factor that username enrolled in a browser, whose code of step was used.
func (p *platform) remember(username, secret string, step int64) {
	p.factors.mu.Lock()
	defer p.factors.mu.Unlock()
	if p.factors.by == nil {
		p.factors.by = map[string]*staffFactor{}
	}
	p.factors.by[username] = &staffFactor{secret: secret, last: step}
}

// forget drops username's second factor after an administrator reset it.
func (p *platform) forget(username string) {
	p.factors.mu.Lock()
	defer p.factors.mu.Unlock()
	delete(p.factors.by, username)
}

// enrolHere sets up the second factor on the console's enrolment page as a staff member does with an
// authenticator app: it reads the secret the page shows for typing, sends the code of now's time step and
// waits for the recovery codes, which it returns. The helpers sign username in with it from then on.
func (d desk) enrolHere(username string) []string {
	d.t.Helper()
	d.page("/beheer/tweede-factor")
	secret, err := chromedp.Run(d.ctx, chromedp.Evaluate[string](`document.querySelector("#second-factor-secret").innerText.replaceAll(" ", "")`))
	if err != nil || len(secret) != 32 {
		d.t.Fatalf("the enrolment shows no secret to type: %q %v", secret, err)
	}
	step := stepNow()
	d.fill("code", totpCode(d.t, secret, step))
	d.click(`main form button[type="submit"]`)
	d.do("the recovery codes", chromedp.WaitVisible(chromedp.CSS(`main .second-factor-codes`)))
	codes, err := chromedp.Run(d.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("main .second-factor-codes code")].map(c => c.innerText)`))
	if err != nil {
		d.t.Fatal(err)
	}
	d.p.remember(username, secret, step)
	return codes
}
