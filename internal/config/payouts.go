package config

import (
	"fmt"
	"time"

	"github.com/heerlen/heitje/internal/payouts"
)

// Payouts are the settings of payout runs and reconciliation.
type Payouts struct {
	// SEPADebtor is the municipality's account the bank file pays the shops from (SEPA_DEBTOR_NAME,
	// SEPA_DEBTOR_IBAN with a correct checksum, SEPA_DEBTOR_BIC). All three or none: without them the API
	// serves no bank file. Nil when none is set.
	SEPADebtor *payouts.Debtor
	// SEPAFormat is the bank file's ISO 20022 message (SEPA_FORMAT): pain.001.001.03 (the default) or the
	// EPC's pain.001.001.09, as the municipality's bank asks.
	SEPAFormat payouts.BankFileFormat
	// ReconcileInterval is how often the API reconciles supply, balances and ledger and updates the
	// heitje_reconcile_* gauges (RECONCILE_INTERVAL, default 5m, at least 10s).
	ReconcileInterval time.Duration
}

func (r *reader) payouts() Payouts {
	p := Payouts{ReconcileInterval: r.duration("RECONCILE_INTERVAL", 5*time.Minute)}
	if p.ReconcileInterval < 10*time.Second {
		r.fail("RECONCILE_INTERVAL", "must be at least 10s")
	}
	format, err := payouts.ParseBankFileFormat(r.str("SEPA_FORMAT", "", false))
	if err != nil {
		r.errs = append(r.errs, fmt.Errorf("config: %w", err))
	}
	p.SEPAFormat = format
	d := payouts.Debtor{Name: r.str("SEPA_DEBTOR_NAME", "", false), IBAN: r.str("SEPA_DEBTOR_IBAN", "", false),
		BIC: r.str("SEPA_DEBTOR_BIC", "", false)}
	if d == (payouts.Debtor{}) {
		return p
	}
	if d.Name == "" || d.IBAN == "" || d.BIC == "" {
		r.fail("SEPA_DEBTOR_NAME, SEPA_DEBTOR_IBAN and SEPA_DEBTOR_BIC", "must be set all three or not at all")
		return p
	}
	if err := d.Validate(); err != nil {
		r.errs = append(r.errs, fmt.Errorf("config: %w", err))
		return p
	}
	p.SEPADebtor = &d
	return p
}
