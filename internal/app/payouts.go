package app

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payouts"
	"github.com/heerlen/heitje/internal/reconcile"
	"github.com/heerlen/heitje/internal/store"
)

// NewPayouts returns the payouts service over db with the configured debtor account; kick wakes the sender
// of a signer (nil leaves the redeems to the operator sender's polling). It needs no chain: executing a run
// only writes outbox intents.
func NewPayouts(cfg *config.Config, db *store.DB, log *slog.Logger, kick func(signer outbox.Signer)) (*payouts.Service, error) {
	keys, err := cfg.Keyring()
	if err != nil {
		return nil, fmt.Errorf("config: DATA_KEY: %w", err)
	}
	return payouts.New(db.Payouts(keys), payouts.Options{Debtor: cfg.SEPADebtor, BankFileFormat: cfg.SEPAFormat, FirstBlock: cfg.TokenDeployBlock,
		Kick: kick, Log: log.With("component", "payouts")})
}

// NewReconciler returns the reconciler of the ledger in rs against the coin on the node behind client. The
// configured treasury address counts as the treasury besides the holders of TREASURY_ROLE.
func NewReconciler(cfg *config.Config, rs *store.ReconcileStore, client *chain.Client) *reconcile.Reconciler {
	supply := chain.NewSupply(client, cfg.TokenAddress)
	supply.StartBlock = cfg.TokenDeployBlock
	var treasury []common.Address
	if cfg.TreasuryAddress != (common.Address{}) {
		treasury = append(treasury, cfg.TreasuryAddress)
	}
	return reconcile.New(rs, supply, reconcile.Options{Treasury: treasury})
}

// payoutsEvery is how often the payouts worker records confirmed redeems and finishes executed runs.
const payoutsEvery = 2 * time.Second

// assemblePayouts builds the payouts service and the reconciler of the platform.
func (p *Platform) assemblePayouts() error {
	var err error
	if p.payouts, err = NewPayouts(p.cfg, p.db, p.log, p.kick); err != nil {
		return err
	}
	p.reconciler = NewReconciler(p.cfg, p.jobs.Reconcile().Paced(), p.client)
	if p.cfg.SEPADebtor == nil {
		p.log.Warn("no SEPA_DEBTOR_NAME, SEPA_DEBTOR_IBAN and SEPA_DEBTOR_BIC configured; payout runs get no bank file")
	}
	return nil
}

// runPayoutWorkers starts the payouts worker (which finishes runs interrupted half-way), the worker that
// revokes a suspended shop's accepting role after its last payout (and grants it again on reinstatement),
// and the periodic reconciliation that feeds the heitje_reconcile_* gauges; all stop when ctx ends.
func (p *Platform) runPayoutWorkers(ctx context.Context, wg *sync.WaitGroup) {
	every := p.cfg.ReconcileInterval
	if every <= 0 {
		every = 5 * time.Minute
	}
	wg.Add(3)
	go func() {
		defer wg.Done()
		p.payouts.Run(ctx, payoutsEvery)
	}()
	go func() {
		defer wg.Done()
		p.accounts.RunSuspensions(ctx, payoutsEvery, p.log.With("component", "suspensions"))
	}()
	go func() {
		defer wg.Done()
		p.reconciler.Watch(ctx, every, p.log.With("component", "reconcile"))
	}()
}
