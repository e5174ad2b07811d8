package accounts

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base32"
	"errors"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"
)

// A staff member's second factor is a TOTP authenticator (RFC 6238) with the settings every authenticator
// app knows: HMAC-SHA1, six digits, a new code every 30 seconds. Until one is enrolled a staff member can
// sign in, but none of their privileges takes effect (Principal.SecondFactorPending); once enrolled, signing
// in needs the current code or one of the single-use recovery codes the enrolment gave.
const (
	// TOTPPeriod is the length of a time step in seconds.
	TOTPPeriod = 30
	// totpSkew is how many steps before and after the current one are accepted too, for clocks that drift.
	totpSkew = 1
	// RecoveryCodeCount is how many recovery codes an enrolment gives.
	RecoveryCodeCount = 10
	// TOTPIssuer is the platform's name in authenticator apps.
	TOTPIssuer = "Heerlens Heitje"
)

// recoveryAlphabet leaves out characters that are easily misread (0/o, 1/l/i): a code of 16 of them holds
// 79 bits, too many to guess even against its stored hash.
const recoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// SecondFactor is a staff member's TOTP enrolment as stored. Secret is base32 without padding, in plain
// text here; the Store keeps it encrypted.
type SecondFactor struct {
	AccountID string
	Secret    string
	CreatedAt time.Time
	// ConfirmedAt is when a code confirmed the enrolment; nil while it is only started.
	ConfirmedAt *time.Time
	// LastStep is the last time step (Unix seconds / TOTPPeriod) whose code was accepted; 0 for none.
	LastStep int64
}

// SecondFactorStatus is what a staff member, or an administrator, sees of a second factor: whether it is
// enrolled, since when, and how many recovery codes are still unused.
type SecondFactorStatus struct {
	Enrolled          bool
	EnrolledAt        *time.Time
	RecoveryCodesLeft int
}

// Enrolment is a started enrolment: the secret for the authenticator app, as text to type and as the
// otpauth:// URI that a QR code carries.
type Enrolment struct {
	Secret string
	URI    string
}

// The errors of the second factor.
var (
	// ErrSecondFactorRequired: the staff member has no second factor yet, so their privileges do not take
	// effect.
	ErrSecondFactorRequired = errors.New("accounts: enrol a second factor first")
	// ErrSecondFactorCodeRequired: the password is right, and the account needs the code of its second
	// factor to sign in.
	ErrSecondFactorCodeRequired = errors.New("accounts: the code of the second factor is required")
	// ErrSecondFactorCodeInvalid: the code is wrong, expired, already used, or not a recovery code left.
	ErrSecondFactorCodeInvalid = errors.New("accounts: wrong or used second-factor code")
	ErrSecondFactorEnrolled    = errors.New("accounts: a second factor is already enrolled")
	ErrSecondFactorNotStarted  = errors.New("accounts: no enrolment of a second factor was started")
)

// CredentialStore reads the second factors.
type CredentialStore interface {
	// SecondFactor loads an account's second factor with its secret decrypted; ErrNotFound when none was
	// started.
	SecondFactor(ctx context.Context, accountID string) (SecondFactor, error)
	// RecoveryCodesLeft counts an account's unused recovery codes.
	RecoveryCodesLeft(ctx context.Context, accountID string) (int, error)
}

// CredentialTx changes passwords and second factors within a transaction.
type CredentialTx interface {
	// LockSecondFactor loads an account's second factor, holding its row; ErrNotFound when none.
	LockSecondFactor(accountID string) (SecondFactor, error)
	// PutSecondFactor stores a second factor, replacing the account's earlier one.
	PutSecondFactor(f SecondFactor) error
	// ReplaceRecoveryCodes drops an account's recovery codes and stores the hashes of new ones.
	ReplaceRecoveryCodes(accountID string, hashes [][]byte, at time.Time) error
	// UseRecoveryCode marks the account's unused recovery code with that hash used; false when there is none.
	UseRecoveryCode(accountID string, hash []byte, at time.Time) (bool, error)
	// DeleteSecondFactor removes an account's second factor and its recovery codes.
	DeleteSecondFactor(accountID string) error
	// SetPasswordHash replaces an account's password hash.
	SetPasswordHash(accountID, hash string) error
	// RevokeOtherSessions ends every open session of an account but keep ("" ends all).
	RevokeOtherSessions(accountID, keep string, at time.Time, reason string) error
}

// SecondFactorStatus returns the caller's own second factor: enrolled or not, and the recovery codes left.
// Only staff have one.
func (s *Service) SecondFactorStatus(ctx context.Context, p Principal) (SecondFactorStatus, error) {
	if p.Role != RoleStaff {
		return SecondFactorStatus{}, ErrForbidden
	}
	return s.secondFactorStatus(ctx, p.AccountID)
}

func (s *Service) secondFactorStatus(ctx context.Context, accountID string) (SecondFactorStatus, error) {
	f, err := s.store.SecondFactor(ctx, accountID)
	if errors.Is(err, ErrNotFound) || (err == nil && f.ConfirmedAt == nil) {
		return SecondFactorStatus{}, nil
	}
	if err != nil {
		return SecondFactorStatus{}, err
	}
	n, err := s.store.RecoveryCodesLeft(ctx, accountID)
	return SecondFactorStatus{Enrolled: true, EnrolledAt: f.ConfirmedAt, RecoveryCodesLeft: n}, err
}

// StartSecondFactor starts the caller's enrolment: a fresh secret, or the one of an enrolment started
// before and not yet confirmed (so an app that already scanned it keeps working). A staff member who has a
// second factor gets ErrSecondFactorEnrolled: only an administrator's reset makes room for another.
func (s *Service) StartSecondFactor(ctx context.Context, p Principal) (Enrolment, error) {
	if p.Role != RoleStaff {
		return Enrolment{}, ErrForbidden
	}
	var out Enrolment
	err := s.store.InTx(ctx, func(tx Tx) error {
		a, err := tx.Get(p.AccountID, true)
		if err != nil {
			return err
		}
		f, err := tx.LockSecondFactor(a.ID)
		switch {
		case err == nil && f.ConfirmedAt != nil:
			return ErrSecondFactorEnrolled
		case errors.Is(err, ErrNotFound):
			secret := make([]byte, 20)
			rand.Read(secret)
			f = SecondFactor{AccountID: a.ID, Secret: base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(secret),
				CreatedAt: s.now()}
			if err := tx.PutSecondFactor(f); err != nil {
				return err
			}
		case err != nil:
			return err
		}
		out.Secret = f.Secret
		out.URI, err = OTPAuthURI(a.Username, f.Secret)
		return err
	})
	return out, err
}

// OTPAuthURI is the otpauth:// URI of a secret (base32) for the staff member username: what the QR code
// of an enrolment carries.
func OTPAuthURI(username, secret string) (string, error) {
	raw, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(secret)
	if err != nil {
		return "", err
	}
	k, err := totp.Generate(totp.GenerateOpts{Issuer: TOTPIssuer, AccountName: username, Period: TOTPPeriod,
		Secret: raw, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		return "", err
	}
	return k.URL(), nil
}

// ConfirmSecondFactor finishes the caller's enrolment with a code of the authenticator app (a wrong one is
// a validation error of the field code) and returns the recovery codes, in plain text this once: only their
// keyed hashes are stored. From now on the staff member's privileges take effect and signing in needs a
// code. Every other session of the account ends, so that a session someone opened with the password alone
// does not gain the privileges. It is audited.
func (s *Service) ConfirmSecondFactor(ctx context.Context, p Principal, code string) ([]string, error) {
	if p.Role != RoleStaff {
		return nil, ErrForbidden
	}
	now := s.now()
	codes, hashes := s.newRecoveryCodes()
	err := s.store.InTx(ctx, func(tx Tx) error {
		a, err := tx.Get(p.AccountID, true)
		if err != nil {
			return err
		}
		f, err := tx.LockSecondFactor(a.ID)
		switch {
		case errors.Is(err, ErrNotFound):
			return ErrSecondFactorNotStarted
		case err != nil:
			return err
		case f.ConfirmedAt != nil:
			return ErrSecondFactorEnrolled
		}
		step, ok := matchTOTP(f.Secret, code, now, f.LastStep)
		if !ok {
			return invalid("code", "is not the current code of the authenticator app (six digits; check the phone's clock)")
		}
		f.ConfirmedAt, f.LastStep = &now, step
		if err := tx.PutSecondFactor(f); err != nil {
			return err
		}
		if err := tx.ReplaceRecoveryCodes(a.ID, hashes, now); err != nil {
			return err
		}
		if err := tx.RevokeOtherSessions(a.ID, p.SessionID, now, "second factor enrolled"); err != nil {
			return err
		}
		return tx.Audit(Actor{Principal: p}.audit().Entry("staff.second_factor_enrol", a.ID, []string{"second_factor"}, "", ""))
	})
	if err != nil {
		return nil, err
	}
	return codes, nil
}

// StaffSecondFactor returns a staff member's second factor as their administrator sees it. The actor
// needs staff.manage.
func (s *Service) StaffSecondFactor(ctx context.Context, actor Actor, staffID string) (SecondFactorStatus, error) {
	if err := actor.require(PrivStaffManage); err != nil {
		return SecondFactorStatus{}, err
	}
	return s.secondFactorStatus(ctx, staffID)
}

// ResetSecondFactor removes a staff member's second factor and recovery codes, for a lost or stolen phone:
// every session of theirs ends, and at their next sign-in (with the password alone) they enrol again before
// their privileges take effect. The actor needs staff.manage and a reason; the reset is audited.
func (s *Service) ResetSecondFactor(ctx context.Context, actor Actor, staffID, reason string) (Account, error) {
	if err := actor.require(PrivStaffManage); err != nil {
		return Account{}, err
	}
	reason, err := NormalizeReason(reason)
	if err != nil {
		return Account{}, err
	}
	var out Account
	err = s.store.InTx(ctx, func(tx Tx) error {
		a, err := tx.Get(staffID, true)
		if err != nil {
			return err
		}
		if a.Role != RoleStaff {
			return ErrNotFound
		}
		f, err := tx.LockSecondFactor(a.ID)
		detail := "no second factor was enrolled"
		switch {
		case errors.Is(err, ErrNotFound):
		case err != nil:
			return err
		case f.ConfirmedAt != nil:
			detail = "enrolled " + f.ConfirmedAt.UTC().Format(time.RFC3339)
		default:
			detail = "an enrolment was started"
		}
		if err := tx.DeleteSecondFactor(a.ID); err != nil {
			return err
		}
		if err := tx.RevokeSessions(a.ID, s.now(), "second factor reset"); err != nil {
			return err
		}
		out = a
		return tx.Audit(actor.audit().Entry("staff.second_factor_reset", a.ID, []string{"second_factor"}, reason, detail))
	})
	return out, err
}

// checkSecondFactor is the second step of a login with the right password: nothing for residents, shops
// and staff without an enrolled second factor; otherwise code must be a TOTP code of a time step not used
// before, or an unused recovery code (used up now, audited). It answers ErrSecondFactorCodeRequired for
// no code and ErrSecondFactorCodeInvalid for a wrong one.
func (s *Service) checkSecondFactor(ctx context.Context, a Account, code string) error {
	if a.Role != RoleStaff {
		return nil
	}
	now := s.now()
	return s.store.InTx(ctx, func(tx Tx) error {
		f, err := tx.LockSecondFactor(a.ID)
		if errors.Is(err, ErrNotFound) || (err == nil && f.ConfirmedAt == nil) {
			return nil
		}
		if err != nil {
			return err
		}
		code = normalizeCode(code)
		switch {
		case code == "":
			return ErrSecondFactorCodeRequired
		case isTOTPCode(code):
			step, ok := matchTOTP(f.Secret, code, now, f.LastStep)
			if !ok {
				return ErrSecondFactorCodeInvalid
			}
			f.LastStep = step
			return tx.PutSecondFactor(f)
		}
		used, err := tx.UseRecoveryCode(a.ID, s.lookup.Hash("recovery-code", code), now)
		if err != nil {
			return err
		}
		if !used {
			return ErrSecondFactorCodeInvalid
		}
		return tx.Audit(Actor{Principal: Principal{AccountID: a.ID, Username: a.Username}}.audit().Entry(
			"staff.recovery_code_used", a.ID, []string{"second_factor"}, "", "a recovery code signed in instead of the authenticator app"))
	})
}

// normalizeCode takes the spaces and dashes out of a code and lower-cases it, as people type them.
func normalizeCode(code string) string {
	return strings.ToLower(strings.NewReplacer(" ", "", "-", "", "\t", "").Replace(strings.TrimSpace(code)))
}

// isTOTPCode reports six digits.
func isTOTPCode(code string) bool {
	if len(code) != 6 {
		return false
	}
	for _, r := range code {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// matchTOTP returns the time step, of those from one before to one after now's and later than after, whose
// code code is; ok is false when there is none. Each candidate is compared in constant time.
func matchTOTP(secret, code string, now time.Time, after int64) (int64, bool) {
	code = normalizeCode(code)
	if !isTOTPCode(code) {
		return 0, false
	}
	current := now.Unix() / TOTPPeriod
	for step := current - totpSkew; step <= current+totpSkew; step++ {
		if step <= after {
			continue
		}
		want, err := hotp.GenerateCodeCustom(secret, uint64(step), hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err == nil && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return step, true
		}
	}
	return 0, false
}

// newRecoveryCodes makes RecoveryCodeCount recovery codes, written xxxx-xxxx-xxxx-xxxx, and their keyed
// hashes (of the code without dashes).
func (s *Service) newRecoveryCodes() ([]string, [][]byte) {
	codes := make([]string, RecoveryCodeCount)
	hashes := make([][]byte, RecoveryCodeCount)
	for i := range codes {
		var c strings.Builder
		for n := 0; n < 16; {
			var b [1]byte
			rand.Read(b[:])
			// Bytes from 248 (8·31) up are dropped, so that every character is equally likely.
			if int(b[0]) >= 8*len(recoveryAlphabet) {
				continue
			}
			if n > 0 && n%4 == 0 {
				c.WriteByte('-')
			}
			c.WriteByte(recoveryAlphabet[int(b[0])%len(recoveryAlphabet)])
			n++
		}
		codes[i] = c.String()
		hashes[i] = s.lookup.Hash("recovery-code", normalizeCode(codes[i]))
	}
	return codes, hashes
}
