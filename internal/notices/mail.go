package notices

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Mail is one e-mail of a notice.
type Mail struct {
	To      string
	Subject string
	Body    string
	// Unsubscribe is the one-click link that turns the person's e-mail notices off.
	Unsubscribe string
}

// Mailer sends e-mail.
type Mailer interface {
	Send(ctx context.Context, m Mail) error
}

// message builds the MIME message: plain text, with List-Unsubscribe and List-Unsubscribe-Post (RFC 2369,
// RFC 8058) naming the link, so that a mail program's own unsubscribe button is one click too.
func message(from string, m Mail) (*gomail.Msg, error) {
	msg := gomail.NewMsg()
	if err := msg.From(from); err != nil {
		return nil, fmt.Errorf("notices: MAIL_FROM: %w", err)
	}
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("notices: recipient address: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	msg.SetMessageID()
	msg.SetGenHeader(gomail.Header("Auto-Submitted"), "auto-generated")
	if m.Unsubscribe != "" {
		msg.SetListUnsubscribe(m.Unsubscribe)
		msg.SetListUnsubscribePost()
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Body)
	return msg, nil
}

// SMTP sends e-mail through an SMTP server (github.com/wneessen/go-mail).
type SMTP struct {
	from   string
	client *gomail.Client
}

// NewSMTP returns a mailer for the server of rawURL: smtp://[user:password@]host[:port] with STARTTLS
// required (port 587 by default), smtps:// with TLS from the start (465), and ?starttls=none only for a
// server on this machine (tests, a local relay). from is the sender's address.
func NewSMTP(rawURL, from string) (*SMTP, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Hostname() == "" {
		return nil, fmt.Errorf("notices: SMTP_URL must be smtp://host:port or smtps://host:port")
	}
	opts := []gomail.Option{gomail.WithTimeout(15 * time.Second)}
	port := 587
	switch u.Scheme {
	case "smtps":
		port = 465
		opts = append(opts, gomail.WithSSL())
	case "smtp":
		switch u.Query().Get("starttls") {
		case "", "required":
			opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
		case "none":
			if h := u.Hostname(); h != "127.0.0.1" && h != "::1" && h != "localhost" {
				return nil, fmt.Errorf("notices: SMTP_URL: starttls=none only for a server on this machine")
			}
			opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
		default:
			return nil, fmt.Errorf("notices: SMTP_URL: starttls must be required or none")
		}
	default:
		return nil, fmt.Errorf("notices: SMTP_URL must be smtp://host:port or smtps://host:port")
	}
	if p := u.Port(); p != "" {
		if port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("notices: SMTP_URL: bad port")
		}
	}
	opts = append(opts, gomail.WithPort(port))
	if u.User != nil {
		pass, _ := u.User.Password()
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(u.User.Username()), gomail.WithPassword(pass))
	}
	c, err := gomail.NewClient(u.Hostname(), opts...)
	if err != nil {
		return nil, fmt.Errorf("notices: SMTP_URL: %w", err)
	}
	return &SMTP{from: from, client: c}, nil
}

// Send delivers m over one connection.
func (s *SMTP) Send(ctx context.Context, m Mail) error {
	msg, err := message(s.from, m)
	if err != nil {
		return err
	}
	return s.client.DialAndSendWithContext(ctx, msg)
}

// Folder writes each e-mail as an .eml file into a folder instead of sending it: `make run` uses one
// (.run/mail/) so that the demo shows the mail a person would get.
type Folder struct {
	from string
	dir  string
}

// NewFolder returns a mailer that writes into dir, which it creates (mode 0700: the files hold addresses).
func NewFolder(dir, from string) (*Folder, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("notices: MAIL_DIR: %w", err)
	}
	return &Folder{from: from, dir: dir}, nil
}

// Send writes m as <time>-<random>.eml, first under a temporary name, so a reader never sees half a file.
func (f *Folder) Send(_ context.Context, m Mail) error {
	msg, err := message(f.from, m)
	if err != nil {
		return err
	}
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	name := filepath.Join(f.dir, time.Now().UTC().Format("20060102T150405.000000000")+"-"+hex.EncodeToString(b)+".eml")
	if err := msg.WriteToFile(name + ".tmp"); err != nil {
		return err
	}
	return os.Rename(name+".tmp", name)
}
