package app

import (
	"fmt"

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

// kick wakes the sender that owns signer's key, if this process runs it.
func (p *Platform) kick(signer outbox.Signer) {
	for _, s := range p.senders {
		if s.Name() == signer {
			s.Kick()
			return
		}
	}
}
