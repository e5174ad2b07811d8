package api

import (
	"net/http"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/payouts"
	"github.com/heerlen/heitje/internal/secrets"
)

// withPayouts adds the payouts service over the test database.
func (a *testAPI) withPayouts() {
	a.t.Helper()
	k, _ := secrets.NewKey("test")
	keys, _ := secrets.NewKeyring(k)
	svc, err := payouts.New(a.db.Payouts(keys), payouts.Options{Now: a.clock.Now})
	if err != nil {
		a.t.Fatal(err)
	}
	a.deps.Payouts = svc
	a.h = New(a.deps)
}

// TestPayoutRoutesRefuseWhatTheyMust: only finance reaches the runs, only shops their payouts; a run
// needs a valid period, there is nothing to pay out without shops holding coins, and the bank file of an
// unknown run is not found.
func TestPayoutRoutesRefuseWhatTheyMust(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	a.withPayouts()
	adminTok := a.admin("beheerder")
	_, reviewer := a.staff(adminTok, "keurder", accounts.PrivChoresReview)
	_, fin := a.staff(adminTok, "penningmeester", accounts.PrivFinance)
	period := map[string]any{"period_start": "2026-01-01", "period_end": "2026-01-31"}
	a.expect(http.StatusForbidden, "forbidden", "POST", "/v1/admin/payouts", reviewer, period)
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/payouts", fin, map[string]any{"period_start": "1 januari"})
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/payouts", fin,
		map[string]any{"period_start": "2026-01-31", "period_end": "2026-01-01"})
	a.expect(http.StatusBadRequest, "validation_failed", "POST", "/v1/admin/payouts", fin,
		map[string]any{"period_start": "2026-01-01", "period_end": "2999-01-01"})
	// No block indexed yet: nothing can be cut off.
	a.expect(http.StatusConflict, "indexer_behind", "POST", "/v1/admin/payouts", fin, period)
	a.expect(http.StatusNotFound, "not_found", "GET", "/v1/admin/payouts/3f1c2b9e-8d4a-4c1e-9a57-0b3d2e1f4a5c/sepa.xml", fin, nil)
	a.expect(http.StatusNotFound, "not_found", "GET", "/v1/admin/payouts/not-a-run", fin, nil)
	if out := a.expect(http.StatusOK, "", "GET", "/v1/admin/payouts", fin, nil); len(out["runs"].([]any)) != 0 {
		t.Fatalf("runs: %v", out)
	}
	a.expect(http.StatusForbidden, "forbidden", "GET", "/v1/shop/payouts", fin, nil)
}
