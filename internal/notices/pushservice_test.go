package notices_test

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/heerlen/heitje/internal/notices"
)

// pushService is a web push service on this machine (TLS, as the real ones): each browser is an endpoint
// with its own key pair and auth secret, as a browser's PushSubscription. It checks every request as a push
// service and a browser would, the VAPID JWT (RFC 8292) against the application server's key and the
// encrypted payload (RFC 8291: it decrypts with the browser's private key), and keeps what it decrypted.
// An endpoint may be set to fail (500) or to be gone (410).
type pushService struct {
	t        *testing.T
	srv      *httptest.Server
	vapidKey string // the application server's public key it expects, base64url
	mu       sync.Mutex
	browsers map[string]*browser
	rejected []string
	failures int
	gone     int
}

// browser is one push subscription's private side and what arrived for it.
type browser struct {
	key    *ecdh.PrivateKey
	auth   []byte
	status int // 0: accept (201)
	got    []notices.PushPayload
}

func startPushService(t *testing.T, vapidPublicKey string) *pushService {
	t.Helper()
	ps := &pushService{t: t, vapidKey: vapidPublicKey, browsers: map[string]*browser{}}
	ps.srv = httptest.NewTLSServer(http.HandlerFunc(ps.serve))
	t.Cleanup(ps.srv.Close)
	return ps
}

// subscribe makes a new browser and returns its subscription, as pushManager.subscribe would.
func (ps *pushService) subscribe(name string) notices.PushSubscription {
	ps.t.Helper()
	key, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		ps.t.Fatal(err)
	}
	auth := make([]byte, 16)
	rand.Read(auth)
	ps.mu.Lock()
	ps.browsers["/push/"+name] = &browser{key: key, auth: auth}
	ps.mu.Unlock()
	return notices.PushSubscription{Endpoint: ps.srv.URL + "/push/" + name,
		P256dh: base64.RawURLEncoding.EncodeToString(key.PublicKey().Bytes()), Auth: base64.RawURLEncoding.EncodeToString(auth)}
}

// setStatus makes the browser's endpoint answer status (0: accept).
func (ps *pushService) setStatus(name string, status int) {
	ps.mu.Lock()
	ps.browsers["/push/"+name].status = status
	ps.mu.Unlock()
}

// received returns what arrived for the browser, decrypted.
func (ps *pushService) received(name string) []notices.PushPayload {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return append([]notices.PushPayload(nil), ps.browsers["/push/"+name].got...)
}

// count returns the failures (500) or gone (410) answered so far.
func (ps *pushService) count(what string) int {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if what == "gone" {
		return ps.gone
	}
	return ps.failures
}

// refusals returns why the service refused requests, if it did.
func (ps *pushService) refusals() []string {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return append([]string(nil), ps.rejected...)
}

func (ps *pushService) serve(w http.ResponseWriter, r *http.Request) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	b, ok := ps.browsers[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	if err := ps.checkVAPID(r); err != nil {
		ps.rejected = append(ps.rejected, "vapid: "+err.Error())
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	if r.Header.Get("Content-Encoding") != "aes128gcm" || r.Header.Get("TTL") == "" {
		ps.rejected = append(ps.rejected, "headers: "+fmt.Sprint(r.Header))
		http.Error(w, "bad headers", http.StatusBadRequest)
		return
	}
	plain, err := decrypt(b, body)
	if err != nil {
		ps.rejected = append(ps.rejected, "payload: "+err.Error())
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	switch b.status {
	case http.StatusInternalServerError:
		ps.failures++
		http.Error(w, "push service down for the test", b.status)
		return
	case http.StatusGone:
		ps.gone++
		http.Error(w, "subscription expired", b.status)
		return
	}
	var p notices.PushPayload
	dec := json.NewDecoder(bytes.NewReader(plain))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		ps.rejected = append(ps.rejected, "json: "+err.Error())
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	b.got = append(b.got, p)
	w.WriteHeader(http.StatusCreated)
}

// checkVAPID checks the Authorization header "vapid t=<JWT>, k=<public key>": the key is the platform's,
// the JWT is signed with it (ES256), names this push service's origin as aud, a mailto: or https: sub, and
// expires within a day.
func (ps *pushService) checkVAPID(r *http.Request) error {
	h, ok := strings.CutPrefix(r.Header.Get("Authorization"), "vapid ")
	if !ok {
		return errors.New("no vapid authorization")
	}
	var tok, k string
	for _, part := range strings.Split(h, ",") {
		part = strings.TrimSpace(part)
		if v, ok := strings.CutPrefix(part, "t="); ok {
			tok = v
		} else if v, ok := strings.CutPrefix(part, "k="); ok {
			k = v
		}
	}
	if k != ps.vapidKey {
		return fmt.Errorf("key %q, want the platform's %q", k, ps.vapidKey)
	}
	raw, err := base64.RawURLEncoding.DecodeString(k)
	if err != nil {
		return err
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), raw)
	if err != nil {
		return err
	}
	claims := jwt.MapClaims{}
	if _, err := jwt.ParseWithClaims(tok, claims, func(*jwt.Token) (any, error) { return pub, nil },
		jwt.WithValidMethods([]string{"ES256"}), jwt.WithAudience(ps.srv.URL), jwt.WithExpirationRequired()); err != nil {
		return err
	}
	exp, _ := claims.GetExpirationTime()
	if sub, _ := claims.GetSubject(); !strings.HasPrefix(sub, "mailto:") && !strings.HasPrefix(sub, "https://") ||
		strings.HasPrefix(sub, "mailto:mailto:") {
		return fmt.Errorf("sub %q is no mailto: or https: URL", sub)
	}
	if exp.After(time.Now().Add(24 * time.Hour)) {
		return fmt.Errorf("expires %s, more than a day ahead", exp)
	}
	return nil
}

// decrypt opens an aes128gcm body (RFC 8188) encrypted to the browser (RFC 8291, §3.3–3.4): the header
// gives the salt, the record size and the application server's ephemeral public key.
func decrypt(b *browser, body []byte) ([]byte, error) {
	if len(body) < 21 {
		return nil, errors.New("short body")
	}
	salt, rs, idlen := body[:16], binary.BigEndian.Uint32(body[16:20]), int(body[20])
	if len(body) < 21+idlen || rs < 18 {
		return nil, errors.New("bad header")
	}
	serverKey, err := ecdh.P256().NewPublicKey(body[21 : 21+idlen])
	if err != nil {
		return nil, fmt.Errorf("key id: %w", err)
	}
	ct := body[21+idlen:]
	if uint32(len(ct)) > rs {
		return nil, errors.New("more than one record")
	}
	secret, err := b.key.ECDH(serverKey)
	if err != nil {
		return nil, err
	}
	info := append(append([]byte("WebPush: info\x00"), b.key.PublicKey().Bytes()...), serverKey.Bytes()...)
	ikm, err := hkdf.Key(sha256.New, secret, b.auth, string(info), 32)
	if err != nil {
		return nil, err
	}
	cek, err := hkdf.Key(sha256.New, ikm, salt, "Content-Encoding: aes128gcm\x00", 16)
	if err != nil {
		return nil, err
	}
	nonce, err := hkdf.Key(sha256.New, ikm, salt, "Content-Encoding: nonce\x00", 12)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(cek)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	plain, err := gcm.Open(nil, nonce, ct, nil)
	if err != nil {
		return nil, fmt.Errorf("does not decrypt with the browser's key: %w", err)
	}
	plain = bytes.TrimRight(plain, "\x00")
	if len(plain) == 0 || plain[len(plain)-1] != 2 {
		return nil, errors.New("no last-record delimiter")
	}
	return plain[:len(plain)-1], nil
}
