package app

import (
	"context"
	"fmt"
	"time"

	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/store"
	"github.com/heerlen/heitje/internal/wakeup"
)

// NewPayments returns the payments service over db for the configured coin and relayers. hub carries the
// relayer senders' news to waiting payments and event streams (see wakeup.Hub.Observe); kick wakes the
// sender of a signer.
func NewPayments(cfg *config.Config, db *store.DB, hub *wakeup.Hub, kick func(signer outbox.Signer)) (*payments.Service, error) {
	keys, err := cfg.Keyring()
	if err != nil {
		return nil, fmt.Errorf("config: DATA_KEY: %w", err)
	}
	return payments.New(db.Payments(keys), payments.Options{
		Domain:        payments.Domain{ChainID: cfg.ChainID, Token: cfg.TokenAddress},
		PublicBaseURL: cfg.PublicBaseURL,
		Relayers:      len(cfg.RelayerKeys),
		RequestTTL:    cfg.PaymentRequestTTL,
		RefundWindow:  cfg.RefundWindow,
		Kick:          kick,
		Hub:           hub,
	})
}

// kick wakes the sender of signer's key: this process's own when it holds the key's lock, else, through the
// database, the process that does (listenIntents). It is called after the intents' commit.
func (p *Platform) kick(signer outbox.Signer) {
	if p.kickOwned(signer) {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), notifyTimeout)
	defer cancel()
	if err := p.db.NotifyIntents(ctx, signer); err != nil {
		// The sender's poll finds the intents a little later.
		p.log.Warn("cannot tell the key's sender of new intents", "signer", signer, "err", err)
	}
}

// kickOwned wakes this process's sender of signer if it holds the key's lock ("" wakes every one that does),
// and tells whether one did.
func (p *Platform) kickOwned(signer outbox.Signer) bool {
	woke := false
	for _, s := range p.senders {
		if (signer == "" || s.Name() == signer) && s.Owns() {
			s.Kick()
			woke = true
		}
	}
	return woke
}

// listenIntents wakes this process's senders when another process notifies their keys' new intents, until
// ctx ends; after a lost connection it listens again a second later.
func (p *Platform) listenIntents(ctx context.Context) {
	quiet := false // the failure was logged and no listening has started since
	for {
		listened := false
		err := p.work.ListenIntents(ctx, func(signer outbox.Signer) {
			listened = true
			p.kickOwned(signer)
		})
		if ctx.Err() != nil {
			return
		}
		if listened || !quiet {
			p.log.Warn("listening for other processes' intents failed; the senders poll meanwhile", "err", err)
		}
		quiet = true
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

// notifyTimeout bounds the notification of another process's sender.
const notifyTimeout = 2 * time.Second
