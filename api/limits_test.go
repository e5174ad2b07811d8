package api

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/photos"
	"github.com/heerlen/heitje/internal/photos/phototest"
)

// tryStream opens the events of a request for token's holder over srv. On 200 it returns the live stream;
// otherwise the status, the error code and Retry-After.
func (p *paymentsAPI) tryStream(srv *httptest.Server, id, token string) (s *liveStream, status int, code, retryAfter string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	p.t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/v1/payment-requests/"+id+"/events", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := srv.Client().Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		defer res.Body.Close()
		var out map[string]any
		json.NewDecoder(res.Body).Decode(&out)
		return nil, res.StatusCode, errCode(out), res.Header.Get("Retry-After")
	}
	s = &liveStream{body: res.Body, r: bufio.NewReader(res.Body)}
	if line, err := s.r.ReadString('\n'); err != nil || !strings.HasPrefix(line, "retry:") {
		p.t.Fatalf("the stream starts with %q %v", line, err)
	}
	p.t.Cleanup(func() { s.body.Close() })
	return s, res.StatusCode, "", ""
}

// TestEventStreamCaps: an account holds at most StreamsPerAccount event streams and the process at most
// StreamsPerProcess; past either cap a stream is refused with 429 too_many_streams and Retry-After. A
// closed stream gives its place back, and the streams held still tell their payment.
func TestEventStreamCaps(t *testing.T) {
	t.Parallel()
	p := newPaymentsAPI(t)
	p.deps.Limits = Limits{StreamsPerAccount: 2, StreamsPerProcess: 3}
	p.h = New(p.deps)
	srv := httptest.NewServer(p.h)
	defer srv.Close()
	r := p.request(350)
	refused := func(who, token string) {
		t.Helper()
		if _, status, code, retry := p.tryStream(srv, r.ID, token); status != http.StatusTooManyRequests || code != "too_many_streams" || retry != "5" {
			t.Fatalf("%s: %d %s Retry-After %q, want 429 too_many_streams with Retry-After 5", who, status, code, retry)
		}
	}
	open := func(who, token string) *liveStream {
		t.Helper()
		s, status, code, _ := p.tryStream(srv, r.ID, token)
		if s == nil {
			t.Fatalf("%s: %d %s", who, status, code)
		}
		return s
	}
	first := open("the shop's first stream", p.shopA)
	second := open("the shop's second stream", p.shopA)
	refused("the shop's third stream", p.shopA)
	phone := open("a resident's stream", p.resA)
	refused("a stream past the process's cap", p.resB)

	first.body.Close()
	var third *liveStream
	for deadline := time.Now().Add(20 * time.Second); third == nil; time.Sleep(20 * time.Millisecond) {
		s, status, code, _ := p.tryStream(srv, r.ID, p.shopA)
		if s == nil && (status != http.StatusTooManyRequests || time.Now().After(deadline)) {
			t.Fatalf("after a stream closed the shop still gets %d %s", status, code)
		}
		third = s
	}
	p.expect(http.StatusOK, "", "POST", "/v1/shop/payment-requests/"+r.ID+"/cancel", p.shopA, nil)
	for who, s := range map[string]*liveStream{"second": second, "third": third, "phone": phone} {
		if got := s.rest(t); !strings.Contains(got, "event: cancelled\n") {
			t.Errorf("the %s stream: %q", who, got)
		}
	}
}

// TestEventStreamLifetime: a stream of a request that nothing happens to ends by itself after
// StreamLifetime, and its place is free again at once.
func TestEventStreamLifetime(t *testing.T) {
	t.Parallel()
	p := newPaymentsAPI(t)
	p.deps.Limits = Limits{StreamsPerAccount: 1, StreamLifetime: time.Second}
	p.h = New(p.deps)
	srv := httptest.NewServer(p.h)
	defer srv.Close()
	r := p.request(350)
	s, status, code, _ := p.tryStream(srv, r.ID, p.shopA)
	if s == nil {
		t.Fatalf("events: %d %s", status, code)
	}
	if got := s.rest(t); strings.Contains(got, "event:") { // rest fails when the stream outlives its context (a minute)
		t.Fatalf("the stream told %q", got)
	}
	if s, status, code, _ := p.tryStream(srv, r.ID, p.shopA); s == nil {
		t.Fatalf("after its stream ended the shop gets %d %s\n%s", status, code, p.logs)
	}
}

// TestEventStreamOutlivesRequestDeadlines: on a server with read and write timeouts of a second (as
// internal/app serves), an event stream stays open past both, sending its keep-alives, and still tells its
// payment's end.
func TestEventStreamOutlivesRequestDeadlines(t *testing.T) {
	p := newPaymentsAPI(t)
	p.deps.Limits = Limits{WriteTimeout: time.Second, keepAlive: 100 * time.Millisecond}
	p.h = New(p.deps)
	srv := httptest.NewUnstartedServer(p.h)
	srv.Config.ReadTimeout, srv.Config.WriteTimeout = time.Second, time.Second
	srv.Start()
	defer srv.Close()
	r := p.request(350)
	opened := time.Now()
	s, status, code, _ := p.tryStream(srv, r.ID, p.shopA)
	if s == nil {
		t.Fatalf("events: %d %s", status, code)
	}
	for time.Since(opened) < 3*time.Second {
		if line, err := s.r.ReadString('\n'); err != nil {
			t.Fatalf("the stream ended after %s: %q %v", time.Since(opened), line, err)
		}
	}
	p.expect(http.StatusOK, "", "POST", "/v1/shop/payment-requests/"+r.ID+"/cancel", p.shopA, nil)
	if got := s.rest(t); !strings.Contains(got, "event: cancelled\n") {
		t.Fatalf("after %s the stream told %q", time.Since(opened), got)
	}
}

// countingListener counts the bytes the server reads from its connections.
type countingListener struct {
	net.Listener
	n *atomic.Int64
}

func (l countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	return countingConn{c, l.n}, err
}

type countingConn struct {
	net.Conn
	n *atomic.Int64
}

func (c countingConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.n.Add(int64(n))
	return n, err
}

// rawRequest is a request sent over its own connection, its body written as fast as the server takes it
// in, or in chunks of chunk bytes every pause.
type rawRequest struct {
	method, path, token, contentType string
	body                             []byte
	chunk                            int
	pause                            time.Duration
}

// rawAnswer is what the server did with a rawRequest: its status and error code (0 and "" when it closed the
// connection without an answer), the body bytes sent by then, and the time from the start of the body to
// the answer and to the connection's close.
type rawAnswer struct {
	status   int
	code     string
	sent     int64
	answered time.Duration
	closed   time.Duration
}

// send sends req to addr and waits up to a minute for the server to answer and close the connection.
func (req rawRequest) send(t *testing.T, addr string) rawAnswer {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	head := fmt.Sprintf("%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\nContent-Length: %d\r\n", req.method, req.path, addr, len(req.body))
	if req.token != "" {
		head += "Authorization: Bearer " + req.token + "\r\n"
	}
	if req.contentType != "" {
		head += "Content-Type: " + req.contentType + "\r\n"
	}
	if _, err := conn.Write([]byte(head + "\r\n")); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var sent atomic.Int64
	done := make(chan struct{})
	defer close(done)
	go func() {
		chunk := req.chunk
		if chunk <= 0 {
			chunk = len(req.body)
		}
		for off := 0; off < len(req.body); off += chunk {
			n, err := conn.Write(req.body[off:min(off+chunk, len(req.body))])
			sent.Add(int64(n))
			if err != nil {
				return
			}
			select {
			case <-done:
				return
			case <-time.After(req.pause):
			}
		}
	}()
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	br := bufio.NewReader(conn)
	var out rawAnswer
	res, err := http.ReadResponse(br, nil)
	out.answered, out.sent = time.Since(start), sent.Load()
	if err == nil {
		var body map[string]any
		json.NewDecoder(res.Body).Decode(&body)
		out.status, out.code = res.StatusCode, errCode(body)
	}
	var rest [512]byte
	for {
		if _, err := br.Read(rest[:]); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatalf("%s %s: the connection is still open after a minute", req.method, req.path)
			}
			break
		}
	}
	out.closed = time.Since(start)
	return out
}

// proofBody is a multipart proof upload of three photo parts of size bytes each (not images).
func proofBody(size int) ([]byte, string) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for range 3 {
		part, _ := w.CreateFormFile("photo", "bewijs.jpg")
		part.Write(bytes.Repeat([]byte{0xd8}, size))
	}
	w.Close()
	return b.Bytes(), w.FormDataContentType()
}

// TestProofUploadCheckedBeforeItsBody: an upload of three photos of the largest size (24 MiB) to someone
// else's claim, or to none, is refused with 404 before its body is read: the server takes in a few
// kilobytes of the connection, against the whole body for an upload to the resident's own claim.
func TestProofUploadCheckedBeforeItsBody(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	a.withChores()
	adminTok := a.admin("beheer")
	chore := a.expect(http.StatusCreated, "", "POST", "/v1/admin/chores", adminTok, choreBody(300, 3))["id"].(string)
	alice, bob := a.boundResident(adminTok, "alice"), a.boundResident(adminTok, "bob")
	claim := a.expect(http.StatusCreated, "", "POST", "/v1/chores/"+chore+"/claims", alice, nil)["id"].(string)
	var read atomic.Int64
	srv := httptest.NewUnstartedServer(a.h)
	srv.Listener = countingListener{srv.Listener, &read}
	srv.Start()
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	body, ctype := proofBody(int(photos.DefaultLimits.MaxBytes))

	for _, tc := range []struct{ what, claim, token string }{
		{"someone else's claim", claim, bob},
		{"no such claim", "3f1c2b9e-8d4a-4c1e-9a57-0b3d2e1f4a5c", alice},
	} {
		read.Store(0)
		got := rawRequest{method: "POST", path: "/v1/claims/" + tc.claim + "/proof", token: tc.token, contentType: ctype, body: body}.send(t, addr)
		if got.status != http.StatusNotFound || got.code != "not_found" {
			t.Fatalf("%s: %d %s, want 404 not_found", tc.what, got.status, got.code)
		}
		if n := read.Load(); n > 64<<10 {
			t.Fatalf("%s: the server read %d bytes of a %d-byte request before refusing it", tc.what, n, len(body))
		}
		t.Logf("%s: refused after the server read %d bytes of the connection, for a body of %d", tc.what, read.Load(), len(body))
	}
	read.Store(0)
	got := rawRequest{method: "POST", path: "/v1/claims/" + claim + "/proof", token: alice, contentType: ctype, body: body}.send(t, addr)
	if got.status != http.StatusUnsupportedMediaType || got.code != "invalid_image" || read.Load() < int64(len(body)) {
		t.Fatalf("the resident's own claim: %d %s after reading %d of %d bytes; want the whole body read and 415 invalid_image",
			got.status, got.code, read.Load(), len(body))
	}
}

// TestRequestDeadlines: on a server with a read timeout of a second and a write timeout of two (as
// internal/app serves), a JSON body
// trickled one byte a second is cut off at the deadline with 408 request_timeout; an upload to the
// resident's own claim has UploadTimeout instead, so a slow phone's photo arrives, and a trickled one is
// cut off at that later deadline.
func TestRequestDeadlines(t *testing.T) {
	a := newTestAPI(t, defaultTestOptions())
	a.withChores()
	const read, upload = time.Second, 3 * time.Second
	a.deps.Limits = Limits{WriteTimeout: 2 * read, UploadTimeout: upload}
	a.h = New(a.deps)
	adminTok := a.admin("beheer")
	alice := a.boundResident(adminTok, "alice")
	var claims []string
	for range 2 {
		chore := a.expect(http.StatusCreated, "", "POST", "/v1/admin/chores", adminTok, choreBody(300, 3))["id"].(string)
		claims = append(claims, a.expect(http.StatusCreated, "", "POST", "/v1/chores/"+chore+"/claims", alice, nil)["id"].(string))
	}
	srv := httptest.NewUnstartedServer(a.h)
	srv.Config.ReadTimeout, srv.Config.WriteTimeout = read, 2*read
	srv.Start()
	defer srv.Close()
	addr := srv.Listener.Addr().String()

	login := []byte(`{"username": "alice", "password": "` + testPassword + `"}`)
	got := rawRequest{method: "POST", path: "/v1/auth/login", contentType: "application/json", body: login, chunk: 1, pause: time.Second}.send(t, addr)
	if got.status != http.StatusRequestTimeout || got.code != "request_timeout" || got.sent >= int64(len(login)) || got.closed > read+20*time.Second {
		t.Fatalf("a trickled login: %+v, want 408 request_timeout after about %s", got, read)
	}

	var photo bytes.Buffer
	w := multipart.NewWriter(&photo)
	part, _ := w.CreateFormFile("photo", "bewijs.jpg")
	part.Write(phototest.JPEG(400, 300))
	w.Close()
	slow := rawRequest{method: "POST", path: "/v1/claims/" + claims[0] + "/proof", token: alice, contentType: w.FormDataContentType(),
		body: photo.Bytes(), chunk: photo.Len()/8 + 1, pause: 250 * time.Millisecond}
	if got := slow.send(t, addr); got.status != http.StatusOK || got.answered < read {
		t.Fatalf("a photo sent slowly over %s: %+v, want 200 after more than the read timeout", 2*time.Second, got)
	}
	trickled := rawRequest{method: "POST", path: "/v1/claims/" + claims[1] + "/proof", token: alice, contentType: w.FormDataContentType(),
		body: photo.Bytes(), chunk: 1, pause: time.Second}
	if got := trickled.send(t, addr); got.status != http.StatusRequestTimeout || got.code != "request_timeout" || got.answered < upload ||
		got.closed > upload+20*time.Second {
		t.Fatalf("a photo trickled: %+v, want 408 request_timeout after the upload timeout of %s", got, upload)
	}
}
