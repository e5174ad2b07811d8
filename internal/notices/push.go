package notices

import (
	"context"
	"crypto/ecdh"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// PushSubscription is a browser's web push subscription, as the Push API's PushSubscription.toJSON() gives
// it: the push service's endpoint and the keys a push is encrypted to (RFC 8291).
type PushSubscription struct {
	Endpoint string
	// P256dh is the browser's P-256 public key, base64url (65 bytes, uncompressed).
	P256dh string
	// Auth is the browser's authentication secret, base64url (16 bytes).
	Auth string
}

// maxEndpoint is the longest endpoint kept; the push services' are a few hundred characters.
const maxEndpoint = 1000

// MaxPushSubscriptions is how many browsers one account gets pushes on: a new one beyond it replaces the
// one subscribed longest ago, so that no account makes the worker post to endless addresses.
const MaxPushSubscriptions = 10

// check reports why s is no subscription a push can be encrypted to and sent to, or nil.
func (s PushSubscription) check() error {
	u, err := url.Parse(s.Endpoint)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || len(s.Endpoint) > maxEndpoint {
		return fmt.Errorf("%w: the endpoint must be a push service's https address", ErrInvalidPush)
	}
	key, err := decodeKey(s.P256dh)
	if err == nil {
		_, err = ecdh.P256().NewPublicKey(key)
	}
	if err != nil {
		return fmt.Errorf("%w: keys.p256dh must be a P-256 public key in base64url", ErrInvalidPush)
	}
	if auth, err := decodeKey(s.Auth); err != nil || len(auth) != 16 {
		return fmt.Errorf("%w: keys.auth must be 16 bytes in base64url", ErrInvalidPush)
	}
	return nil
}

// decodeKey reads base64url with or without padding, as browsers and libraries write it.
func decodeKey(s string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
}

// VAPIDPublicKey returns the public key of a VAPID private key (base64url of the 32-byte P-256 scalar, as
// `web-push generate-vapid-keys` and webpush.GenerateVAPIDKeys write it), in base64url: what a browser's
// pushManager.subscribe takes as applicationServerKey.
func VAPIDPublicKey(private string) (string, error) {
	b, err := decodeKey(private)
	if err != nil || len(b) != 32 {
		return "", errors.New("a VAPID private key is 32 bytes in base64url")
	}
	k, err := ecdh.P256().NewPrivateKey(b)
	if err != nil {
		return "", errors.New("not a P-256 private key")
	}
	return base64.RawURLEncoding.EncodeToString(k.PublicKey().Bytes()), nil
}

// Push is one notice to push to one subscription, with what the push needs.
type Push struct {
	Notice
	SubscriptionID int64
	Subscription   PushSubscription
	Language       Language
	// Attempts counts the attempts so far, this one included.
	Attempts int
}

// PushPayload is what a push carries to the app's service worker, which shows it as a notification and
// opens URL (a path of the app) when it is clicked.
type PushPayload struct {
	Title string `json:"title"`
	Body  string `json:"body"`
	URL   string `json:"url"`
}

// Payload is the push of n in lang.
func Payload(lang Language, n Notice) PushPayload {
	t := Render(lang, n)
	return PushPayload{Title: t.Title, Body: t.Body, URL: AppPath(n)}
}

// AppPath is where the app shows what n is about: the claim's page, the balance, the till's takings, the
// key screen for a recovery, the console for a waiting queue; the app's start otherwise.
func AppPath(n Notice) string {
	switch n.Kind {
	case KindClaimApproved, KindClaimRejected, KindClaimNeedsInfo:
		if id, _, ok := strings.Cut(strings.TrimPrefix(n.EventKey, "claim:"), ":"); ok && id != "" {
			return "/mijn-klussen/" + url.PathEscape(id)
		}
	case KindRewardArrived, KindPaymentRefunded:
		return "/saldo"
	case KindPayoutPaid:
		return "/kassa"
	case KindQueueWaiting:
		return "/beheer"
	case KindRecoveryAsked, KindRecoveryApproved, KindRecoveryCancelled:
		return "/sleutel"
	}
	return "/"
}

// Pusher sends an encrypted push to a subscription's push service. It answers ErrPushGone when the push
// service says the subscription is no more (404, 410).
type Pusher interface {
	Push(ctx context.Context, sub PushSubscription, payload []byte) error
}

// ErrPushGone is a push service's answer that the subscription expired or was removed.
var ErrPushGone = errors.New("notices: the push subscription is gone")

// PushStore keeps the web push subscriptions and the pushes of notices to them.
type PushStore interface {
	// SavePushSubscription keeps sub for the account, and at most MaxPushSubscriptions of them (the
	// newest); an endpoint another account held moves to this one (the browser's last account), with the
	// new keys.
	SavePushSubscription(ctx context.Context, accountID string, sub PushSubscription) error
	// DeletePushSubscription removes the account's subscription of endpoint; nothing when it has none.
	DeletePushSubscription(ctx context.Context, accountID, endpoint string) error
	// ClaimPushes plans a push of every notice in the app, written in the last window, to each
	// subscription of its account that existed when the notice was written (once per pair), and takes at
	// most limit pushes due at now, leasing them until now+lease with one more attempt counted.
	ClaimPushes(ctx context.Context, now time.Time, window, lease time.Duration, limit int) ([]Push, error)
	// PushSent records the push as sent at.
	PushSent(ctx context.Context, p Push, at time.Time) error
	// PushFailed records a failed attempt at at: retried at retryAt, or given up when retryAt is nil.
	PushFailed(ctx context.Context, p Push, msg string, at time.Time, retryAt *time.Time) error
	// PushGone deletes the subscription of p, and so its pushes.
	PushGone(ctx context.Context, p Push) error
}

// ErrPushOff is the answer of the push calls when the platform has no VAPID key.
var ErrPushOff = errors.New("notices: web push is not available on this platform")

// ErrInvalidPush is a subscription that is not one.
var ErrInvalidPush = errors.New("notices: invalid push subscription")

// PushKey returns the VAPID public key browsers subscribe with; ErrPushOff without one.
func (s *Service) PushKey() (string, error) {
	if s.push == nil || s.pushKey == "" {
		return "", ErrPushOff
	}
	return s.pushKey, nil
}

// SavePushSubscription keeps the browser's subscription for the account: its notices from now on are
// pushed to it too.
func (s *Service) SavePushSubscription(ctx context.Context, accountID string, sub PushSubscription) error {
	if _, err := s.PushKey(); err != nil {
		return err
	}
	if err := sub.check(); err != nil {
		return err
	}
	return s.push.SavePushSubscription(ctx, accountID, sub)
}

// DeletePushSubscription stops the pushes to the account's subscription of endpoint. Deleting one that
// is not there is fine.
func (s *Service) DeletePushSubscription(ctx context.Context, accountID, endpoint string) error {
	if s.push == nil {
		return ErrPushOff
	}
	if endpoint == "" || len(endpoint) > maxEndpoint {
		return fmt.Errorf("%w: the endpoint is missing", ErrInvalidPush)
	}
	return s.push.DeletePushSubscription(ctx, accountID, endpoint)
}

// pushWindow is how old a notice may be and still be pushed: later it is news no more (it stays in the app).
const pushWindow = 24 * time.Hour

// pushes sends the pushes due now. A failed push is no error of the round (it is retried later).
func (w *Worker) pushes(ctx context.Context, now time.Time) error {
	for {
		ps, err := w.o.PushStore.ClaimPushes(ctx, now, pushWindow, lease, batch)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if err := w.push(ctx, p); err != nil {
				return err
			}
		}
		if len(ps) < batch {
			return nil
		}
	}
}

// push sends one notice to one subscription and records the outcome: sent, gone (the subscription is
// deleted), or failed (retried with backoff, given up after MaxAttempts).
func (w *Worker) push(ctx context.Context, p Push) error {
	body, err := json.Marshal(Payload(p.Language, p.Notice))
	if err != nil {
		return err
	}
	sctx, cancel := context.WithTimeout(ctx, time.Minute)
	err = w.o.Pusher.Push(sctx, p.Subscription, body)
	cancel()
	now := w.o.Now()
	switch {
	case err == nil:
		return w.o.PushStore.PushSent(ctx, p, now)
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.Is(err, ErrPushGone):
		w.o.Log.Info("notices: push subscription gone", "subscription", p.SubscriptionID)
		return w.o.PushStore.PushGone(ctx, p)
	}
	var retry *time.Time
	if p.Attempts < w.o.MaxAttempts {
		at := now.Add(w.backoff(p.Attempts))
		retry = &at
	}
	// The log names the notice and the subscription, never the endpoint (it identifies the browser).
	w.o.Log.Warn("notices: push failed", "notice", p.ID, "subscription", p.SubscriptionID, "attempt", p.Attempts,
		"retry", retry != nil)
	return w.o.PushStore.PushFailed(ctx, p, err.Error(), now, retry)
}
