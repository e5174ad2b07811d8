package privacy_test

import (
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/heerlen/heitje/internal/accounts"
)

// secondFactor gives staff member who a second factor, as the console's enrolment does, and signs them in
// once with a recovery code, so that every column of the second factor's tables holds a value of theirs.
func (e *env) secondFactor(who accounts.Actor) {
	e.t.Helper()
	en, err := e.acc.StartSecondFactor(e.ctx, who.Principal)
	if err != nil {
		e.t.Fatal(err)
	}
	code, err := totp.GenerateCodeCustom(en.Secret, e.clock.Now(), totp.ValidateOpts{Period: accounts.TOTPPeriod,
		Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		e.t.Fatal(err)
	}
	recovery, err := e.acc.ConfirmSecondFactor(e.ctx, who.Principal, code)
	if err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.acc.LoginWithCode(e.ctx, who.Username, password, recovery[0], "198.51.100.4"); err != nil {
		e.t.Fatal(err)
	}
}
