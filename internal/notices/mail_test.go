package notices_test

import (
	"context"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/notices"
)

var testMail = notices.Mail{To: "truus@example.nl", Subject: "Je klus is goedgekeurd",
	Body: "Je beloning van € 3,50 komt eraan.", Unsubscribe: "https://heitje.example/v1/notices/unsubscribe?t=abc"}

// TestSMTPSendsWithOneClickUnsubscribe: the SMTP mailer delivers to a real server, with the one-click
// unsubscribe headers (RFC 2369, RFC 8058), and reports the server's refusal as an error.
func TestSMTPSendsWithOneClickUnsubscribe(t *testing.T) {
	srv := startMailServer(t)
	m, err := notices.NewSMTP(srv.url, "'t Heerlens Heitje <noreply@heitje.example>")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Send(context.Background(), testMail); err != nil {
		t.Fatal(err)
	}
	got := srv.messages("truus@example.nl")
	if len(got) != 1 {
		t.Fatalf("%d messages, want 1", len(got))
	}
	h := got[0].Header
	if subject(got[0]) != testMail.Subject || !strings.Contains(got[0].Body, testMail.Body) ||
		h.Get("List-Unsubscribe") != "<"+testMail.Unsubscribe+">" || h.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" ||
		h.Get("Auto-Submitted") != "auto-generated" {
		t.Fatalf("message: %v\n%s", h, got[0].Body)
	}
	srv.setDown(true)
	if err := m.Send(context.Background(), testMail); err == nil || srv.refused != 1 {
		t.Fatalf("a refusing server: %v (refused %d)", err, srv.refused)
	}
	for _, bad := range []string{"smtp://mail.example.nl:25?starttls=none", "http://mail.example.nl", "smtp://"} {
		if _, err := notices.NewSMTP(bad, "noreply@heitje.example"); err == nil {
			t.Errorf("NewSMTP(%q) was accepted", bad)
		}
	}
}

// TestFolderWritesEML: `make run`'s mailer writes each e-mail as a whole .eml file that mail programs read.
func TestFolderWritesEML(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mail")
	f, err := notices.NewFolder(dir, "noreply@heitje.example")
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := f.Send(context.Background(), testMail); err != nil {
			t.Fatal(err)
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) != 2 {
		t.Fatalf("%v %v, want two files", files, err)
	}
	for _, name := range files {
		if !strings.HasSuffix(name, ".eml") {
			t.Fatalf("%s is not an .eml file", name)
		}
		r, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		msg, err := mail.ReadMessage(r)
		r.Close()
		if err != nil || msg.Header.Get("To") != "<truus@example.nl>" || msg.Header.Get("List-Unsubscribe") == "" {
			t.Fatalf("%s: %v %v", name, msg.Header, err)
		}
	}
}
