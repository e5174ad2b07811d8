package config

import (
	"strings"
	"testing"
	"time"
)

// TestNoticesSettings: no e-mail by default and staff told after 48 hours; a mail server or a folder, not
// both; NOTICE_QUEUE_AGE=0 tells nobody; a malformed URL, sender or age stops start-up naming the variable.
func TestNoticesSettings(t *testing.T) {
	c, err := Load(env(map[string]string{}), 0)
	if err != nil || c.Notices.SMTPURL != "" || c.Notices.MailDir != "" || c.Notices.QueueAge != 48*time.Hour ||
		!strings.Contains(c.Notices.MailFrom, "@") {
		t.Fatalf("defaults: %+v %v", c.Notices, err)
	}
	c, err = Load(env(map[string]string{"SMTP_URL": "smtps://heitje:geheim@mail.heerlen.nl", "MAIL_FROM": "Heitje <heitje@heerlen.nl>",
		"NOTICE_QUEUE_AGE": "0"}), 0)
	if err != nil || c.Notices.SMTPURL == "" || c.Notices.QueueAge != 0 {
		t.Fatalf("settings: %+v %v", c.Notices, err)
	}
	for _, tc := range []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{"SMTP_URL": "smtp://mail.heerlen.nl", "MAIL_DIR": "/tmp/mail"}, "MAIL_DIR"},
		{map[string]string{"SMTP_URL": "https://mail.heerlen.nl"}, "SMTP_URL"},
		{map[string]string{"MAIL_FROM": "heitje at heerlen"}, "MAIL_FROM"},
		{map[string]string{"NOTICE_QUEUE_AGE": "30s"}, "NOTICE_QUEUE_AGE"},
		{map[string]string{"NOTICE_QUEUE_AGE": "soon"}, "NOTICE_QUEUE_AGE"},
	} {
		if _, err := Load(env(tc.vars), 0); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v", tc.vars, err)
		}
	}
}

// TestWebPushSettings: no web push without VAPID_PRIVATE_KEY; with one the subject defaults to MAIL_FROM's
// address; a key that is no P-256 key or a subject that is no mailto: or https: URL stops start-up.
func TestWebPushSettings(t *testing.T) {
	const key = "6YZUPNcpWAsJZaAPFtnJ64J3HYeLR3GA17KmXYEWt34" // a key for this test only
	c, err := Load(env(map[string]string{}), 0)
	if err != nil || c.Notices.VAPIDPrivateKey != "" {
		t.Fatalf("defaults: %+v %v", c.Notices, err)
	}
	c, err = Load(env(map[string]string{"VAPID_PRIVATE_KEY": key, "MAIL_FROM": "Heitje <heitje@heerlen.nl>"}), 0)
	if err != nil || c.Notices.VAPIDPrivateKey != key || c.Notices.VAPIDSubject != "mailto:heitje@heerlen.nl" {
		t.Fatalf("a key: %+v %v", c.Notices, err)
	}
	c, err = Load(env(map[string]string{"VAPID_PRIVATE_KEY": key, "VAPID_SUBJECT": "https://heitje.heerlen.nl/contact"}), 0)
	if err != nil || c.Notices.VAPIDSubject != "https://heitje.heerlen.nl/contact" {
		t.Fatalf("an https subject: %+v %v", c.Notices, err)
	}
	for _, tc := range []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{"VAPID_PRIVATE_KEY": "not-a-key"}, "VAPID_PRIVATE_KEY"},
		{map[string]string{"VAPID_PRIVATE_KEY": strings.Repeat("_", 43)}, "VAPID_PRIVATE_KEY"}, // above the curve's order
		{map[string]string{"VAPID_PRIVATE_KEY": key, "VAPID_SUBJECT": "heitje@heerlen.nl"}, "VAPID_SUBJECT"},
		{map[string]string{"VAPID_PRIVATE_KEY": key, "VAPID_SUBJECT": "http://heitje.heerlen.nl"}, "VAPID_SUBJECT"},
	} {
		if _, err := Load(env(tc.vars), 0); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v", tc.vars, err)
		}
	}
}
