package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/cli"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/store"
)

// The demo staff of `make run` have a second factor like all staff. So that nobody needs a phone to try
// the console, `heitje-dev totp USERNAME` prints the code an authenticator app would show now: it reads
// the staff member's secret from the local platform's database with the keys in .run/heitje.env. It works
// only beside a `make run` platform (the file must exist), never on a real deployment's settings alone.

// devTOTP is `heitje-dev totp USERNAME`.
func devTOTP(ctx context.Context, root string, args []string) error {
	fs := newFlags("totp", "totp USERNAME", "Prints the second-factor code a demo staff member's authenticator app would show now, read\n"+
		"from the local `make run` platform's database.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if args = fs.Args(); len(args) != 1 {
		return usageError{errors.New("totp needs the username of a staff member")}
	}
	path := filepath.Join(root, cli.EnvFile)
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("no %s: totp reads the local platform's settings, so start it with `make run` first", cli.EnvFile)
	}
	lookup, err := config.WithEnvFile(os.LookupEnv, path)
	if err != nil {
		return err
	}
	cfg, err := config.Load(lookup, config.NeedDatabase|config.NeedSecrets)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.CheckMigrations(ctx); err != nil {
		return err
	}
	return printDevTOTP(ctx, os.Stdout, cfg, db, args[0], time.Now())
}

// printDevTOTP writes the code of username's second factor that the platform takes at now: of now's time
// step, or of the next when now's was used already (the platform takes each code once, and one step
// early), or says how long to wait.
func printDevTOTP(ctx context.Context, w io.Writer, cfg *config.Config, db *store.DB, username string, now time.Time) error {
	keys, err := cfg.Keyring()
	if err != nil {
		return fmt.Errorf("config: DATA_KEY: %w", err)
	}
	lookup, err := cfg.Lookup()
	if err != nil {
		return fmt.Errorf("config: LOOKUP_KEY: %w", err)
	}
	st := db.Accounts(keys, lookup)
	a, err := st.ByUsername(ctx, accounts.NormalizeUsername(username))
	if err != nil || a.Role != accounts.RoleStaff {
		return fmt.Errorf("%q is not a staff member of the local platform", username)
	}
	f, err := st.SecondFactor(ctx, a.ID)
	if errors.Is(err, accounts.ErrNotFound) {
		return fmt.Errorf("%s has no second factor yet: sign in to the console (http://%s/beheer), which starts the enrolment, then run this again",
			a.Username, cfg.HTTPAddr)
	}
	if err != nil {
		return err
	}
	current := now.Unix() / accounts.TOTPPeriod
	step := max(current, f.LastStep+1)
	if step > current+1 {
		wait := time.Unix((step-1)*accounts.TOTPPeriod, 0).Sub(now).Round(time.Second)
		return fmt.Errorf("the codes of now and of the next 30 seconds were used already: run this again in %s", wait)
	}
	code, err := totp.GenerateCodeCustom(f.Secret, time.Unix(step*accounts.TOTPPeriod, 0),
		totp.ValidateOpts{Period: accounts.TOTPPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		return err
	}
	use := "sign in"
	if f.ConfirmedAt == nil {
		use = "finish the enrolment"
	}
	until := time.Unix((step+2)*accounts.TOTPPeriod, 0).Sub(now).Round(time.Second)
	fmt.Fprintf(w, "%s\n(the current code of %s's development second factor: %s with it within %s; each code works once)\n",
		code, a.Username, use, until)
	return nil
}

// enrolDemo gives a demo staff member a second factor, as the console's enrolment page does, and returns
// its secret (base32).
func enrolDemo(ctx context.Context, acc *accounts.Service, a accounts.Account) (string, error) {
	who := accounts.Principal{AccountID: a.ID, Username: a.Username, Role: accounts.RoleStaff}
	e, err := acc.StartSecondFactor(ctx, who)
	if err != nil {
		return "", err
	}
	code, err := totp.GenerateCodeCustom(e.Secret, time.Now(), totp.ValidateOpts{Period: accounts.TOTPPeriod,
		Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		return "", err
	}
	_, err = acc.ConfirmSecondFactor(ctx, who, code)
	return e.Secret, err
}
