package app

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/store"
)

// NewNotices returns the notices service over db, whose unsubscribe links point to PUBLIC_BASE_URL and
// are signed with a key derived from JWT_SECRET.
func NewNotices(cfg *config.Config, db *store.DB) (*notices.Service, error) {
	keys, err := cfg.Keyring()
	if err != nil {
		return nil, fmt.Errorf("config: DATA_KEY: %w", err)
	}
	o := notices.Options{Secret: cfg.JWTSecret, PublicBaseURL: cfg.PublicBaseURL}
	if cfg.Notices.VAPIDPrivateKey != "" {
		if o.PushPublicKey, err = notices.VAPIDPublicKey(cfg.Notices.VAPIDPrivateKey); err != nil {
			return nil, fmt.Errorf("config: VAPID_PRIVATE_KEY: %w", err)
		}
		o.Push = db.Push()
	}
	svc, err := notices.New(db.Notices(keys), o)
	if err != nil {
		return nil, fmt.Errorf("config: JWT_SECRET: %w", err)
	}
	return svc, nil
}

// NewPusher returns the web push sender of VAPID_PRIVATE_KEY and VAPID_SUBJECT, or nil without a key.
func NewPusher(cfg *config.Config) (notices.Pusher, error) {
	if cfg.Notices.VAPIDPrivateKey == "" {
		return nil, nil
	}
	return notices.NewWebPush(cfg.Notices.VAPIDPrivateKey, cfg.Notices.VAPIDSubject, nil)
}

// NewMailer returns the mailer the configuration asks for: SMTP_URL's server, MAIL_DIR's folder, or nil
// for no e-mail.
func NewMailer(cfg *config.Config) (notices.Mailer, error) {
	n := cfg.Notices
	switch {
	case n.SMTPURL != "":
		return notices.NewSMTP(n.SMTPURL, n.MailFrom)
	case n.MailDir != "":
		return notices.NewFolder(n.MailDir, n.MailFrom)
	}
	return nil, nil
}

// assembleNotices builds the notices service and its worker. The worker uses the requests' pool: a round
// is a few short statements, and the background jobs' small pool is held for minutes by the retention job.
func (p *Platform) assembleNotices() error {
	var err error
	if p.notices, err = NewNotices(p.cfg, p.db); err != nil {
		return err
	}
	mailer, err := NewMailer(p.cfg)
	if err != nil {
		return err
	}
	keys, err := p.cfg.Keyring()
	if err != nil {
		return err
	}
	pusher, err := NewPusher(p.cfg)
	if err != nil {
		return err
	}
	o := notices.WorkerOptions{Mailer: mailer, QueueAge: p.cfg.Notices.QueueAge, Log: p.log.With("component", "notices")}
	if pusher != nil {
		o.Pusher, o.PushStore = pusher, p.db.Push()
	}
	p.noticeWorker = notices.NewWorker(p.db.Notices(keys), p.notices, o)
	return nil
}

// runNoticeWorker delivers notices until ctx ends.
func (p *Platform) runNoticeWorker(ctx context.Context, wg *sync.WaitGroup, log *slog.Logger) {
	switch {
	case p.cfg.Notices.SMTPURL != "":
		log.Info("notices by e-mail through SMTP_URL")
	case p.cfg.Notices.MailDir != "":
		log.Info("notices by e-mail into a folder (MAIL_DIR)", "dir", p.cfg.Notices.MailDir)
	default:
		log.Info("no e-mail notices: neither SMTP_URL nor MAIL_DIR is set")
	}
	if p.cfg.Notices.VAPIDPrivateKey == "" {
		log.Info("no web push: VAPID_PRIVATE_KEY is not set")
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.noticeWorker.Run(ctx)
	}()
}
