package auth

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestIssueAndParse(t *testing.T) {
	secret := bytes.Repeat([]byte{5}, 32)
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	is, err := NewIssuer(secret, MaxAccessTTL, clock)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := is.Issue("acc-1", "sess-1", "resident")
	if err != nil {
		t.Fatal(err)
	}
	c, err := is.Parse(tok)
	if err != nil || c.Subject != "acc-1" || c.SessionID != "sess-1" || c.Role != "resident" {
		t.Fatalf("parse: %+v %v", c, err)
	}

	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	sign := func(m jwt.SigningMethod, key any, mutate func(*Claims)) string {
		cl := c
		if mutate != nil {
			mutate(&cl)
		}
		s, err := jwt.NewWithClaims(m, cl).SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	bad := map[string]string{
		"none":            sign(jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, nil),
		"HS512":           sign(jwt.SigningMethodHS512, secret, nil),
		"EdDSA":           sign(jwt.SigningMethodEdDSA, priv, nil),
		"other secret":    sign(jwt.SigningMethodHS256, bytes.Repeat([]byte{6}, 32), nil),
		"other issuer":    sign(jwt.SigningMethodHS256, secret, func(c *Claims) { c.Issuer = "someone" }),
		"other audience":  sign(jwt.SigningMethodHS256, secret, func(c *Claims) { c.Audience = jwt.ClaimStrings{"x"} }),
		"no expiry":       sign(jwt.SigningMethodHS256, secret, func(c *Claims) { c.ExpiresAt = nil }),
		"no session":      sign(jwt.SigningMethodHS256, secret, func(c *Claims) { c.SessionID = "" }),
		"issued later":    sign(jwt.SigningMethodHS256, secret, func(c *Claims) { c.IssuedAt = jwt.NewNumericDate(now.Add(time.Hour)) }),
		"empty":           "",
		"three dots only": "..",
	}
	for name, tok := range bad {
		if _, err := is.Parse(tok); !errors.Is(err, ErrInvalid) {
			t.Fatalf("%s: %v, want ErrInvalid", name, err)
		}
	}
	now = now.Add(MaxAccessTTL + 10*time.Second)
	if _, err := is.Parse(tok); !errors.Is(err, ErrInvalid) {
		t.Fatalf("an expired token: %v", err)
	}
}

func TestNewIssuerRefusesWeakSettings(t *testing.T) {
	if _, err := NewIssuer(make([]byte, 31), time.Minute, nil); err == nil || !strings.Contains(err.Error(), "32 bytes") {
		t.Fatalf("a 31-byte secret: %v", err)
	}
	if _, err := NewIssuer(make([]byte, 32), MaxAccessTTL+time.Second, nil); err == nil {
		t.Fatal("an access token lifetime over 15 minutes accepted")
	}
}
