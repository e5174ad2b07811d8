package notices

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"

	webpush "github.com/SherClockHolmes/webpush-go"
)

// WebPush sends pushes with VAPID (RFC 8292), the payload encrypted to the browser's keys (RFC 8291), with
// github.com/SherClockHolmes/webpush-go.
type WebPush struct {
	private, public string
	// subscriber is the VAPID JWT's sub without "mailto:" (the library adds it to anything but https:).
	subscriber string
	client     webpush.HTTPClient
}

// pushTTL is how long a push service keeps a push for a browser that is offline (seconds): a day, as
// pushWindow.
const pushTTL = 24 * 60 * 60

// NewWebPush returns a sender with the VAPID private key (base64url of the P-256 scalar) and subject (a
// mailto: or https: URL the push services may contact). client sends the requests; nil is a client that
// only reaches public addresses, since the endpoints come from browsers and so from anybody.
func NewWebPush(privateKey, subject string, client *http.Client) (*WebPush, error) {
	public, err := VAPIDPublicKey(privateKey)
	if err != nil {
		return nil, fmt.Errorf("notices: VAPID_PRIVATE_KEY: %w", err)
	}
	if !strings.HasPrefix(subject, "mailto:") && !strings.HasPrefix(subject, "https://") {
		return nil, errors.New("notices: VAPID_SUBJECT must be a mailto: or https: URL")
	}
	if client == nil {
		client = publicClient()
	}
	return &WebPush{private: privateKey, public: public, subscriber: strings.TrimPrefix(subject, "mailto:"), client: client}, nil
}

// PublicKey is the VAPID public key, base64url.
func (w *WebPush) PublicKey() string { return w.public }

// Push encrypts payload to sub and posts it to sub's push service.
func (w *WebPush) Push(ctx context.Context, sub PushSubscription, payload []byte) error {
	resp, err := webpush.SendNotificationWithContext(ctx, payload, &webpush.Subscription{Endpoint: sub.Endpoint,
		Keys: webpush.Keys{P256dh: sub.P256dh, Auth: sub.Auth}}, &webpush.Options{HTTPClient: w.client,
		Subscriber: w.subscriber, VAPIDPublicKey: w.public, VAPIDPrivateKey: w.private, TTL: pushTTL,
		Urgency: webpush.UrgencyNormal})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 200))
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return nil
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return ErrPushGone
	}
	return fmt.Errorf("the push service answered %s: %s", resp.Status, strings.TrimSpace(string(msg)))
}

// publicClient is an HTTP client that refuses to connect to loopback, private, link-local and other
// non-public addresses, so that an endpoint cannot make the platform post to its own network.
func publicClient() *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return err
		}
		if a := ap.Addr().Unmap(); !a.IsGlobalUnicast() || a.IsPrivate() {
			return fmt.Errorf("notices: a push endpoint may not be at %s", a)
		}
		return nil
	}}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = d.DialContext
	t.Proxy = nil
	return &http.Client{Transport: t, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}
