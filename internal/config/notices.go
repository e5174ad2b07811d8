package config

import (
	"crypto/ecdh"
	"encoding/base64"
	"net/mail"
	"net/url"
	"strings"
	"time"
)

// Notices configures how people are told what happened to them (internal/notices).
type Notices struct {
	// SMTPURL is the mail server the e-mail notices go through (SMTP_URL: smtp://[user:password@]host[:port],
	// STARTTLS required, port 587 by default; smtps://… for TLS from the start; ?starttls=none only for a
	// server on this machine). Empty: no e-mail (unless MailDir).
	SMTPURL string
	// MailDir writes each e-mail as an .eml file into this folder instead of sending it (MAIL_DIR; `make
	// run` sets .run/mail). Not together with SMTPURL.
	MailDir string
	// MailFrom is the e-mails' sender (MAIL_FROM, default "'t Heerlens Heitje <noreply@heerlen.nl>").
	MailFrom string
	// QueueAge is how long the oldest sign-up or claim may wait before the staff who work that queue are
	// told, once per crossing (NOTICE_QUEUE_AGE, default 48h; 0 tells nobody).
	QueueAge time.Duration
	// VAPIDPrivateKey signs the web pushes (VAPID_PRIVATE_KEY: base64url of a P-256 private key, as
	// `npx web-push generate-vapid-keys` prints it; `make run` generates one into .run/secrets.env). Empty:
	// no web push, and GET /v1/push/key answers 404 push_unavailable.
	VAPIDPrivateKey string
	// VAPIDSubject is whom the push services may contact about the pushes (VAPID_SUBJECT: a mailto: or
	// https: URL; default the address of MAIL_FROM).
	VAPIDSubject string
}

func (r *reader) notices() Notices {
	n := Notices{
		SMTPURL:  r.str("SMTP_URL", "", false),
		MailDir:  r.str("MAIL_DIR", "", false),
		MailFrom: r.str("MAIL_FROM", "'t Heerlens Heitje <noreply@heerlen.nl>", false),
	}
	if n.SMTPURL != "" && n.MailDir != "" {
		r.fail("MAIL_DIR", "and SMTP_URL exclude each other: e-mail goes to a folder or to a server")
	}
	if n.SMTPURL != "" {
		if u, err := url.Parse(n.SMTPURL); err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
			r.fail("SMTP_URL", "must be smtp://host:port or smtps://host:port")
		}
	}
	if _, err := mail.ParseAddress(n.MailFrom); err != nil {
		r.fail("MAIL_FROM", "must be an e-mail address, with a name if you like: Name <address>")
	}
	n.VAPIDPrivateKey = r.str("VAPID_PRIVATE_KEY", "", false)
	if n.VAPIDPrivateKey != "" {
		b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(n.VAPIDPrivateKey, "="))
		if err == nil && len(b) == 32 {
			_, err = ecdh.P256().NewPrivateKey(b)
		}
		if err != nil || len(b) != 32 {
			r.fail("VAPID_PRIVATE_KEY", "must be a P-256 private key: 32 bytes in base64url (`npx web-push generate-vapid-keys`)")
		}
	}
	def := ""
	if a, err := mail.ParseAddress(n.MailFrom); err == nil {
		def = "mailto:" + a.Address
	}
	n.VAPIDSubject = r.str("VAPID_SUBJECT", def, false)
	if u, err := url.Parse(n.VAPIDSubject); n.VAPIDPrivateKey != "" && (err != nil ||
		!(u.Scheme == "mailto" && u.Opaque != "" || u.Scheme == "https" && u.Host != "")) {
		r.fail("VAPID_SUBJECT", "must be a mailto: or https: URL")
	}
	if v := r.str("NOTICE_QUEUE_AGE", "", false); v != "0" {
		n.QueueAge = r.duration("NOTICE_QUEUE_AGE", 48*time.Hour)
		if n.QueueAge < time.Minute {
			r.fail("NOTICE_QUEUE_AGE", "must be at least 1m, or 0 to tell nobody")
		}
	}
	return n
}
