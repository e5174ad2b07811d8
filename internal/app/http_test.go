package app

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/config"
)

// trickled is what the server did with a body sent one byte a second: the status of its answer (0 when it
// closed the connection without one), the body bytes sent by then, and the time from the start of the body
// to the connection's close.
type trickled struct {
	status int
	sent   int64
	closed time.Duration
}

// trickle sends a request to addr over its own connection, its body one byte a second, and waits up to a
// minute for the server to close the connection.
func trickle(t *testing.T, addr, method, path, contentType, body string) trickled {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	head := fmt.Sprintf("%s %s HTTP/1.1\r\nHost: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", method, path, addr, contentType, len(body))
	if _, err := io.WriteString(conn, head); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var sent atomic.Int64
	done := make(chan struct{})
	defer close(done)
	go func() {
		for i := range len(body) {
			if _, err := io.WriteString(conn, body[i:i+1]); err != nil {
				return
			}
			sent.Add(1)
			select {
			case <-done:
				return
			case <-time.After(time.Second):
			}
		}
	}()
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	br := bufio.NewReader(conn)
	var out trickled
	if res, err := http.ReadResponse(br, nil); err == nil {
		out.status = res.StatusCode
		io.Copy(io.Discard, res.Body)
	}
	out.sent = sent.Load()
	if _, err := io.Copy(io.Discard, br); err != nil {
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			t.Fatalf("%s %s: the connection is still open after a minute", method, path)
		}
	}
	out.closed = time.Since(start)
	return out
}

// TestTrickledBodiesAreCutOff: the platform's HTTP server gives every request HTTP_READ_TIMEOUT (here 2 s)
// to arrive, on every route: a body trickled one byte a second to the API's public login, to the console's
// sign-in form or to a page of the resident app is cut off at the deadline, long before it is complete,
// and the connection is closed. The API's login says so: 408 request_timeout.
func TestTrickledBodiesAreCutOff(t *testing.T) {
	p, _ := platformWithoutChain(t, io.Discard)
	const read = 2 * time.Second
	p.cfg.HTTP = config.HTTP{ReadTimeout: read, WriteTimeout: 2 * read}
	srv := p.httpServer()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	addr := ln.Addr().String()
	for _, tc := range []struct {
		what, method, path, contentType, body string
		status                                int // 0: any
	}{
		{"the API's login", "POST", "/v1/auth/login", "application/json", `{"username": "bloemetje", "password": "a long enough password"}`, http.StatusRequestTimeout},
		{"the console's sign-in", "POST", "/beheer/inloggen", "application/x-www-form-urlencoded", "username=bloemetje&password=a+long+enough+password&terug=%2Fbeheer", 0},
		{"a page of the resident app", "GET", "/", "text/plain", strings.Repeat("x", 60), 0},
	} {
		got := trickle(t, addr, tc.method, tc.path, tc.contentType, tc.body)
		if got.sent >= int64(len(tc.body)) || got.closed < read-250*time.Millisecond || got.closed > read+20*time.Second ||
			(tc.status != 0 && got.status != tc.status) {
			t.Errorf("%s: %+v; want the connection closed after about %s, with %d of %d bytes sent", tc.what, got, read, got.sent, len(tc.body))
		}
	}
}
