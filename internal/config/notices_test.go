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
