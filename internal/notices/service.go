package notices

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// MaxList is the most notices one list returns.
const MaxList = 100

// Service is what the API asks of notices: a person's list, unread count and settings, and the
// unsubscribe link.
type Service struct {
	store Store
	// unsubKey signs unsubscribe links.
	unsubKey []byte
	// base is the public address the links point to, without a trailing slash.
	base string
	now  func() time.Time
	// push keeps the web push subscriptions and pushKey is the VAPID public key; nil and "" without push.
	push    PushStore
	pushKey string
}

// Options configure the service.
type Options struct {
	// Secret is the key the unsubscribe links are derived from (the access tokens' key; a label keeps the
	// two uses apart). At least 32 bytes.
	Secret []byte
	// PublicBaseURL is where the links point (PUBLIC_BASE_URL).
	PublicBaseURL string
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Push keeps the web push subscriptions, and PushPublicKey is the VAPID public key browsers subscribe
	// with (WebPush.PublicKey); without both, push is off (ErrPushOff).
	Push          PushStore
	PushPublicKey string
}

// New returns the service over store.
func New(store Store, o Options) (*Service, error) {
	if len(o.Secret) < 32 {
		return nil, fmt.Errorf("notices: the secret must have at least 32 bytes")
	}
	m := hmac.New(sha256.New, o.Secret)
	m.Write([]byte("heitje notices unsubscribe v1"))
	now := o.Now
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, unsubKey: m.Sum(nil), base: strings.TrimRight(o.PublicBaseURL, "/"), now: now,
		push: o.Push, pushKey: o.PushPublicKey}, nil
}

// Item is a notice as its person reads it in the app.
type Item struct {
	Notice
	Text
}

// List returns the account's notices, newest first, rendered in its language; beforeID pages back.
func (s *Service) List(ctx context.Context, accountID string, beforeID int64, limit int) ([]Item, error) {
	if limit <= 0 || limit > MaxList {
		limit = MaxList
	}
	set, err := s.store.Settings(ctx, accountID)
	if err != nil {
		return nil, err
	}
	ns, err := s.store.List(ctx, accountID, beforeID, limit)
	if err != nil {
		return nil, err
	}
	out := make([]Item, len(ns))
	for i, n := range ns {
		out[i] = Item{Notice: n, Text: Render(set.Language, n)}
	}
	return out, nil
}

// Unread counts the account's unread notices.
func (s *Service) Unread(ctx context.Context, accountID string) (int, error) {
	return s.store.Unread(ctx, accountID)
}

// MarkRead marks the account's notices of ids read, or all of them when ids is empty; it returns the
// unread count after.
func (s *Service) MarkRead(ctx context.Context, accountID string, ids []int64) (int, error) {
	if len(ids) > MaxList {
		return 0, fmt.Errorf("%w: at most %d ids", ErrInvalid, MaxList)
	}
	if _, err := s.store.MarkRead(ctx, accountID, ids, s.now()); err != nil {
		return 0, err
	}
	return s.store.Unread(ctx, accountID)
}

// Settings returns the account's settings.
func (s *Service) Settings(ctx context.Context, accountID string) (Settings, error) {
	return s.store.Settings(ctx, accountID)
}

// SaveSettings sets the language and the e-mail choice. Turning e-mail on needs an address on the account
// (ErrNoAddress).
func (s *Service) SaveSettings(ctx context.Context, accountID string, in Settings) (Settings, error) {
	if !in.Language.Known() {
		return Settings{}, fmt.Errorf("%w: language must be nl or en", ErrInvalid)
	}
	cur, err := s.store.Settings(ctx, accountID)
	if err != nil {
		return Settings{}, err
	}
	if in.Email && !cur.HasAddress {
		return Settings{}, ErrNoAddress
	}
	if err := s.store.SaveSettings(ctx, accountID, in, s.now()); err != nil {
		return Settings{}, err
	}
	return s.store.Settings(ctx, accountID)
}

// UnsubscribeToken is the signed token of an account's unsubscribe link: the account id and a MAC over
// it, so that nobody can turn off another person's e-mail. It does not expire: an old e-mail's link works.
func (s *Service) UnsubscribeToken(accountID string) string {
	id, err := uuid.Parse(accountID)
	if err != nil {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString(append(id[:], s.mac(id[:])...))
}

func (s *Service) mac(id []byte) []byte {
	m := hmac.New(sha256.New, s.unsubKey)
	m.Write(id)
	return m.Sum(nil)[:16]
}

// UnsubscribeURL is the one-click link of an account's e-mails.
func (s *Service) UnsubscribeURL(accountID string) string {
	return s.base + "/v1/notices/unsubscribe?t=" + s.UnsubscribeToken(accountID)
}

// Unsubscribe turns off e-mail notices for the account the token names; ErrBadToken for a token that is
// not one of ours. Unsubscribing twice is fine.
func (s *Service) Unsubscribe(ctx context.Context, token string) error {
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(b) != 32 || !hmac.Equal(b[16:], s.mac(b[:16])) {
		return ErrBadToken
	}
	id, _ := uuid.FromBytes(b[:16])
	err = s.store.Unsubscribe(ctx, id.String(), s.now())
	if err == ErrNotFound {
		return nil // the account was erased: nothing is sent to it any more
	}
	return err
}
