package notices_test

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
)

// mailServer is a real SMTP server on this machine (github.com/emersion/go-smtp) that keeps what it
// receives, and refuses every message while down is set, as a broken mail server would.
type mailServer struct {
	url  string
	mu   sync.Mutex
	got  []received
	down bool
	// refused counts the messages refused while down.
	refused int
}

func startMailServer(t *testing.T) *mailServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	m := &mailServer{url: "smtp://" + ln.Addr().String() + "?starttls=none"}
	s := smtp.NewServer(m)
	s.Domain = "localhost"
	go s.Serve(ln)
	t.Cleanup(func() { s.Close() })
	return m
}

// setDown makes the server refuse (true) or take (false) messages.
func (m *mailServer) setDown(down bool) {
	m.mu.Lock()
	m.down = down
	m.mu.Unlock()
}

// received is one message as it arrived, with its body decoded.
type received struct {
	Header mail.Header
	Body   string
}

// messages returns the messages received so far to the address.
func (m *mailServer) messages(to string) []received {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []received
	for _, msg := range m.got {
		if strings.Contains(msg.Header.Get("To"), to) {
			out = append(out, msg)
		}
	}
	return out
}

func (m *mailServer) NewSession(*smtp.Conn) (smtp.Session, error) { return &mailSession{m: m}, nil }

type mailSession struct{ m *mailServer }

func (s *mailSession) Reset()        {}
func (s *mailSession) Logout() error { return nil }

func (s *mailSession) Mail(string, *smtp.MailOptions) error { return nil }

func (s *mailSession) Rcpt(string, *smtp.RcptOptions) error { return nil }

func (s *mailSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.m.mu.Lock()
	defer s.m.mu.Unlock()
	if s.m.down {
		s.m.refused++
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "mail system down for the test"}
	}
	msg, err := mail.ReadMessage(bytes.NewReader(b))
	if err != nil {
		return err
	}
	var body io.Reader = msg.Body
	switch strings.ToLower(msg.Header.Get("Content-Transfer-Encoding")) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	}
	text, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	s.m.got = append(s.m.got, received{Header: msg.Header, Body: strings.ReplaceAll(string(text), "\r\n", "\n")})
	return nil
}

// subject decodes a message's Subject header.
func subject(m received) string {
	s, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		return m.Header.Get("Subject")
	}
	return s
}
