package privacy_test

import (
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/outbox"
)

// The reasons of the fixture shop's suspension and reinstatement: free text about the shop.
const (
	suspensionReason = "Weegschaal van Harrie niet geijkt, schorsing 7731"
	reinstateReason  = "IJkrapport 7731 ontvangen van Kessels"
)

// suspension suspends the shop and reinstates it, with its accepting role revoked in between and granted
// again, so that every column of account_suspensions holds a value of the shop's.
func (e *env) suspension(s person) {
	e.t.Helper()
	if _, err := e.acc.Suspend(e.ctx, e.admin, s.p.AccountID, suspensionReason); err != nil {
		e.t.Fatal(err)
	}
	sus, err := e.acc.LastSuspension(e.ctx, e.admin, s.p.AccountID)
	if err != nil {
		e.t.Fatal(err)
	}
	// The revocation as the worker writes it once the shop holds nothing; here written directly, as the
	// fixture's shop has not been activated on chain.
	revoke := e.intent("operator", outbox.KindRevokeAcceptor, accounts.RevocationIntent(sus.ID, "").IdempotencyKey, "", s.wallet, 0)
	e.exec(`UPDATE account_suspensions SET revoke_intent_id = $1 WHERE id = $2`, revoke, sus.ID)
	if _, err := e.acc.Reinstate(e.ctx, e.admin, s.p.AccountID, reinstateReason); err != nil {
		e.t.Fatal(err)
	}
	e.exec(`UPDATE chain_intents SET status = 'confirmed', nonce = id, tx_hash = $1, block_number = 9 WHERE id = $2`,
		hash32("revoke"), revoke)
	if n, err := e.acc.SettleSuspensions(e.ctx); err != nil || n != 1 {
		e.t.Fatalf("granting the role again: %d intents, %v", n, err)
	}
}
