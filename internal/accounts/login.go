package accounts

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/secrets"
)

// Tokens are what a login or refresh hands out. ExpiresIn is the access token's lifetime and
// RefreshExpiresIn the refresh token's (unless it is exchanged or its session ends first).
type Tokens struct {
	AccessToken      string
	RefreshToken     string
	ExpiresIn        time.Duration
	RefreshExpiresIn time.Duration
}

// Login checks a username and password. Failed logins are counted per username from one client address and
// per client address in the database (so the limit holds across API instances, and parallel attempts cannot
// overshoot it); past either limit the answer is ErrRateLimited. Failures for a username from other
// addresses do not count: a stranger guessing someone's password cannot lock that person out. An
// unknown username gets the same answer as a wrong password, after the same argon2id work. Pending,
// rejected and suspended accounts are told so only when the password is right (a suspended one with the
// reason staff gave it: SuspendedError).
func (s *Service) Login(ctx context.Context, username, password, clientIP string) (Tokens, error) {
	return s.LoginWithCode(ctx, username, password, "", clientIP)
}

// LoginWithCode is Login with the code of a staff member's second factor (a TOTP code or a recovery code),
// which a staff member who enrolled one needs: after the right password, no code is
// ErrSecondFactorCodeRequired (not counted as a failure) and a wrong or used one is
// ErrSecondFactorCodeInvalid, counted as a failed login. Others' code is ignored.
func (s *Service) LoginWithCode(ctx context.Context, username, password, code, clientIP string) (Tokens, error) {
	username = NormalizeUsername(username)
	now := s.now()
	userKey, clientKey := s.lookup.Hash("login-username", username), s.lookup.Hash("login-client", clientIP)
	// The attempt counts as a failure from before the password is checked, so a burst of parallel guesses
	// cannot all pass the same count; a right password takes it back.
	attempt, err := s.store.ReserveLoginAttempt(ctx, userKey, clientKey, now, now.Add(-s.opts.FailureWindow),
		s.opts.MaxFailuresPerUsernameAndClient, s.opts.MaxFailuresPerClient)
	if err != nil {
		return Tokens{}, err
	}
	if attempt == 0 {
		return Tokens{}, ErrRateLimited
	}
	a, err := s.store.ByUsername(ctx, username)
	hash := a.PasswordHash
	if errors.Is(err, ErrNotFound) {
		hash = s.dummyHash
	} else if err != nil {
		return Tokens{}, err
	}
	ok, verr := s.passwords.Verify(password, hash)
	if errors.Is(verr, secrets.ErrBusy) {
		// Not a failure: nothing was checked, and the client is told to try again shortly (503 busy).
		return Tokens{}, errors.Join(verr, s.store.ReleaseLoginAttempt(ctx, attempt))
	}
	if err != nil || verr != nil || !ok {
		return Tokens{}, ErrInvalidCredentials
	}
	switch a.Status {
	case StatusPending, StatusRejected, StatusDisabled, StatusSuspended:
		if err := s.store.ReleaseLoginAttempt(ctx, attempt); err != nil {
			return Tokens{}, err
		}
		if a.Status == StatusSuspended {
			return Tokens{}, s.suspendedError(ctx, a.ID)
		}
		return Tokens{}, statusError(a.Status)
	}
	if err := s.checkSecondFactor(ctx, a, code); err != nil {
		if errors.Is(err, ErrSecondFactorCodeRequired) {
			err = errors.Join(err, s.store.ReleaseLoginAttempt(ctx, attempt))
		}
		return Tokens{}, err
	}
	if err := s.store.ClearLoginFailures(ctx, userKey, clientKey); err != nil {
		return Tokens{}, err
	}
	sess := Session{ID: uuid.NewString(), AccountID: a.ID, CreatedAt: now}
	refresh, rt := s.newRefreshToken(sess.ID, now)
	if err := s.store.InTx(ctx, func(tx Tx) error { return tx.CreateSession(sess, rt) }); err != nil {
		return Tokens{}, err
	}
	return s.tokensFor(a.ID, sess.ID, a.Role, refresh)
}

// Refresh exchanges a refresh token for a new pair. Each refresh token works once: presenting one that was
// already exchanged means it was copied, so the whole session (every token of the family, and the access
// tokens issued under it) is revoked and the answer is ErrTokenReused.
func (s *Service) Refresh(ctx context.Context, refreshToken string) (Tokens, error) {
	now := s.now()
	var (
		reused  bool
		account Account
		next    string
		sid     string
	)
	err := s.store.InTx(ctx, func(tx Tx) error {
		rt, sess, err := tx.LockRefreshToken(hashToken(refreshToken))
		if errors.Is(err, ErrNotFound) {
			return ErrInvalidToken
		}
		if err != nil {
			return err
		}
		if sess.RevokedAt != nil {
			return ErrInvalidToken
		}
		if rt.UsedAt != nil {
			reused = true
			return tx.RevokeSession(sess.ID, now, "refresh token reused")
		}
		if !now.Before(rt.ExpiresAt) {
			return ErrInvalidToken
		}
		if account, err = tx.Get(sess.AccountID, false); err != nil {
			return err
		}
		if account.Status != StatusApproved {
			return ErrInvalidToken
		}
		if err := tx.MarkRefreshUsed(rt.Hash, now); err != nil {
			return err
		}
		var nt RefreshToken
		next, nt = s.newRefreshToken(sess.ID, now)
		sid = sess.ID
		return tx.AddRefreshToken(nt)
	})
	if reused {
		return Tokens{}, ErrTokenReused
	}
	if err != nil {
		return Tokens{}, err
	}
	return s.tokensFor(account.ID, sid, account.Role, next)
}

// Logout revokes the session of a refresh token; the session's access tokens stop working at once. A token
// that was already exchanged or revoked still identifies its session, so logging out with it works too.
func (s *Service) Logout(ctx context.Context, refreshToken string) error {
	return s.store.InTx(ctx, func(tx Tx) error {
		_, sess, err := tx.LockRefreshToken(hashToken(refreshToken))
		if errors.Is(err, ErrNotFound) {
			return ErrInvalidToken
		}
		if err != nil || sess.RevokedAt != nil {
			return err
		}
		return tx.RevokeSession(sess.ID, s.now(), "logout")
	})
}

// Authenticate checks an access token and returns the caller as the database knows them now: a revoked
// session, or an account no longer approved, ends the token's use before it expires, and privilege changes
// take effect on the next request.
func (s *Service) Authenticate(ctx context.Context, accessToken string) (Principal, error) {
	if accessToken == "" {
		return Principal{}, ErrUnauthenticated
	}
	c, err := s.tokens.Parse(accessToken)
	if err != nil {
		return Principal{}, ErrInvalidToken
	}
	p, status, revoked, err := s.store.SessionPrincipal(ctx, c.SessionID)
	if errors.Is(err, ErrNotFound) || (err == nil && (revoked || p.AccountID != c.Subject)) {
		return Principal{}, ErrInvalidToken
	}
	if err != nil {
		return Principal{}, err
	}
	if err := statusError(status); err != nil {
		return Principal{}, err
	}
	return p, nil
}

// statusError is why an account with this status may not act; nil for an approved one.
func statusError(st Status) error {
	switch st {
	case StatusPending:
		return ErrAccountPending
	case StatusRejected:
		return ErrAccountRejected
	case StatusDisabled:
		return ErrAccountDisabled
	case StatusSuspended:
		return ErrAccountSuspended
	}
	return nil
}

func (s *Service) tokensFor(accountID, sessionID string, role Role, refresh string) (Tokens, error) {
	access, err := s.tokens.Issue(accountID, sessionID, string(role))
	if err != nil {
		return Tokens{}, err
	}
	return Tokens{AccessToken: access, RefreshToken: refresh, ExpiresIn: s.tokens.TTL(), RefreshExpiresIn: s.opts.RefreshTTL}, nil
}

// newRefreshToken makes a random refresh token (32 bytes, base64url) and the row that stores its hash.
func (s *Service) newRefreshToken(sessionID string, now time.Time) (string, RefreshToken) {
	b := make([]byte, 32)
	rand.Read(b)
	tok := base64.RawURLEncoding.EncodeToString(b)
	return tok, RefreshToken{Hash: hashToken(tok), SessionID: sessionID, IssuedAt: now, ExpiresAt: now.Add(s.opts.RefreshTTL)}
}

// hashToken is how refresh tokens are stored: SHA-256 suffices for 256 random bits.
func hashToken(tok string) []byte {
	h := sha256.Sum256([]byte(tok))
	return h[:]
}

// RetryAfter is how long a rate-limited client should wait: the failure window.
func (s *Service) RetryAfter() time.Duration { return s.opts.FailureWindow }

// RegistrationRetryAfter is how long a client past the registration limit should wait: the limit's window.
func (s *Service) RegistrationRetryAfter() time.Duration { return s.opts.RegistrationWindow }
