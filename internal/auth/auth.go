// Package auth issues and checks the API's access tokens: JWTs signed with HMAC-SHA256 under JWT_SECRET.
// The algorithm is pinned: a token that names another algorithm, or none, is refused before its signature
// is looked at.
package auth

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// MaxAccessTTL is the longest an access token may live.
const MaxAccessTTL = 15 * time.Minute

const (
	issuer   = "heitje"
	audience = "heitje-api"
	// algorithm is the only signing method tokens may use.
	algorithm = "HS256"
)

// ErrInvalid means a token is malformed, expired, not yet valid, signed with another key or algorithm, or
// meant for another issuer or audience.
var ErrInvalid = errors.New("auth: invalid access token")

// Claims is what an access token says: whose it is (Subject, the account id), of which session (the refresh
// token family, so logout and reuse detection end it) and the account's role.
type Claims struct {
	SessionID string `json:"sid"`
	Role      string `json:"role"`
	jwt.RegisteredClaims
}

// Issuer signs and checks access tokens.
type Issuer struct {
	secret []byte
	ttl    time.Duration
	now    func() time.Time
	parser *jwt.Parser
}

// NewIssuer returns an issuer with the given secret (at least 32 bytes) and token lifetime (at most
// MaxAccessTTL). now may be nil for the wall clock.
func NewIssuer(secret []byte, ttl time.Duration, now func() time.Time) (*Issuer, error) {
	if len(secret) < 32 {
		return nil, errors.New("auth: the JWT secret needs at least 32 bytes")
	}
	if ttl <= 0 || ttl > MaxAccessTTL {
		return nil, errors.New("auth: the access token lifetime must be between 0 and 15 minutes")
	}
	if now == nil {
		now = time.Now
	}
	return &Issuer{secret: append([]byte(nil), secret...), ttl: ttl, now: now, parser: jwt.NewParser(
		jwt.WithValidMethods([]string{algorithm}),
		jwt.WithIssuer(issuer),
		jwt.WithAudience(audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(5*time.Second),
		jwt.WithTimeFunc(now),
	)}, nil
}

// TTL is how long the tokens this issuer signs are valid.
func (is *Issuer) TTL() time.Duration { return is.ttl }

// Issue signs an access token for the account in the session.
func (is *Issuer) Issue(accountID, sessionID, role string) (string, error) {
	now := is.now()
	jti := make([]byte, 12)
	if _, err := rand.Read(jti); err != nil {
		return "", err
	}
	claims := Claims{SessionID: sessionID, Role: role, RegisteredClaims: jwt.RegisteredClaims{
		Issuer: issuer, Subject: accountID, Audience: jwt.ClaimStrings{audience},
		IssuedAt: jwt.NewNumericDate(now), NotBefore: jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(is.ttl)), ID: hex.EncodeToString(jti),
	}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(is.secret)
}

// Parse checks a token's algorithm, signature, issuer, audience and times and returns its claims; any
// failure is ErrInvalid.
func (is *Issuer) Parse(token string) (Claims, error) {
	var c Claims
	t, err := is.parser.ParseWithClaims(token, &c, func(t *jwt.Token) (any, error) {
		if t.Method.Alg() != algorithm {
			return nil, ErrInvalid
		}
		return is.secret, nil
	})
	if err != nil || !t.Valid || c.Subject == "" || c.SessionID == "" {
		return Claims{}, ErrInvalid
	}
	return c, nil
}
