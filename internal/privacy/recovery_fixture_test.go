package privacy_test

import (
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/recovery"
)

// recoveryReason is why staff refused the fixture resident's recovery: free text about the resident.
const recoveryReason = "Legitimatie van Truus 7731 verlopen"

// recovery writes a recovery of the resident's lost key with every column of key_recoveries holding a value:
// verified and approved by two members of staff, its three chain intents written, refused, and its failure
// recorded. No one recovery goes through all of that, so the row is written directly. It returns the
// refusal's reason, a value of the resident's that the export must hold and erasure must remove.
func (e *env) recovery(r person) string {
	e.t.Helper()
	id := uuid.NewString()
	rec := recovery.Recovery{ID: id, From: r.wallet, To: strings.ToLower(common.BytesToAddress([]byte("new key 7731")).Hex())}
	request := e.intent(recovery.Signer, outbox.KindRequestRecovery, recovery.RequestIntent(rec).IdempotencyKey, rec.From, rec.To, 0)
	cancel := e.intent(recovery.Signer, outbox.KindCancelRecovery, recovery.CancelIntent(rec, nil).IdempotencyKey, "", "", 0)
	execute := e.intent(recovery.Signer, outbox.KindExecuteRecovery, recovery.ExecuteIntent(rec).IdempotencyKey, rec.From, rec.To, 0)
	now := e.clock.Now()
	e.exec(`INSERT INTO key_recoveries (id, account_id, from_address, to_address, status, asked_at, verified_by, verified_at,
		approved_by, approved_at, rejected_by, reject_reason, cancel_signature, request_intent_id, cancel_intent_id,
		execute_intent_id, executable_at, done_at, error)
		VALUES ($1, $2, $3, $4, 'failed', $5, $6, $5, $7, $5, $6, $8, $9, $10, $11, $12, $5, $5, 'the contract refused the execution')`,
		id, r.p.AccountID, rec.From, rec.To, now, e.admin.AccountID, e.reviewer.AccountID, recoveryReason,
		[]byte{0x1b, 0x2c}, request, cancel, execute)
	return recoveryReason
}
