package config

import (
	"strings"
	"testing"
	"time"
)

// TestPayoutsSettings: without the SEPA variables there is no debtor; with all three the debtor is checked
// and normalised; one or two of them, a wrong IBAN checksum or a malformed BIC stop start-up naming the
// variable. The reconciliation runs every five minutes unless set otherwise, and never more often than every
// ten seconds.
func TestPayoutsSettings(t *testing.T) {
	c, err := Load(env(map[string]string{}), 0)
	if err != nil || c.SEPADebtor != nil || c.ReconcileInterval != 5*time.Minute {
		t.Fatalf("defaults: %+v %v", c.Payouts, err)
	}
	c, err = Load(env(map[string]string{"SEPA_DEBTOR_NAME": "Gemeente Heerlen", "SEPA_DEBTOR_IBAN": "nl91 abna 0417 1643 00",
		"SEPA_DEBTOR_BIC": "bnghnl2g", "RECONCILE_INTERVAL": "1m"}), 0)
	if err != nil || c.SEPADebtor == nil || c.SEPADebtor.IBAN != "NL91ABNA0417164300" || c.SEPADebtor.BIC != "BNGHNL2G" ||
		c.SEPADebtor.Name != "Gemeente Heerlen" || c.ReconcileInterval != time.Minute {
		t.Fatalf("settings: %+v %v", c.SEPADebtor, err)
	}
	good := map[string]string{"SEPA_DEBTOR_NAME": "Gemeente Heerlen", "SEPA_DEBTOR_IBAN": "NL91ABNA0417164300", "SEPA_DEBTOR_BIC": "BNGHNL2G"}
	for _, tc := range []struct{ name, value, want string }{
		{"SEPA_DEBTOR_IBAN", "NL92ABNA0417164300", "SEPA_DEBTOR_IBAN"},
		{"SEPA_DEBTOR_BIC", "BNG", "SEPA_DEBTOR_BIC"},
		{"SEPA_DEBTOR_BIC", "", "all three"},
		{"SEPA_DEBTOR_NAME", "", "all three"},
		{"RECONCILE_INTERVAL", "5s", "RECONCILE_INTERVAL"},
		{"RECONCILE_INTERVAL", "often", "RECONCILE_INTERVAL"},
	} {
		vars := map[string]string{}
		for k, v := range good {
			vars[k] = v
		}
		vars[tc.name] = tc.value
		if _, err := Load(env(vars), 0); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s=%q: %v", tc.name, tc.value, err)
		}
	}
}
