package store

import (
	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/reconcile"
)

// mintsQuery finds the Minted events up to @cursor that no approved or rewarded claim accounts for (no claim's
// mint used their reference, the claim is in another state, or its recipient or reward differs, or the
// reference was minted more than once), and the claims whose mint the outbox records as confirmed at or before
// @cursor without a Minted event. A claim is found through its mint intent, which outlives the claim's
// deletion after the retention period ("pruned"; the intent's amount then stands for the reward). A mint intent
// that is not a claim's ("intent", named by its idempotency key) is one the outbox holds without a claim: only
// tests write those; it is matched on recipient and amount.
const mintsQuery = `WITH mints AS (
	SELECT lower(ref) AS ref, to_address, count(*) AS n, sum(amount) AS amount, max(block_number) AS block_number, min(tx_hash) AS tx_hash
	FROM token_events WHERE event = 'Minted' AND block_number <= @cursor GROUP BY lower(ref), to_address
), claimed AS (
	SELECT lower(i.args ->> 'ref') AS ref, lower(i.args ->> 'to') AS to_address, i.status AS intent_status,
		i.block_number AS intent_block, COALESCE(c.id::text, CASE WHEN i.idempotency_key LIKE 'claim:%' THEN substr(i.idempotency_key, 7) ELSE i.idempotency_key END) AS claim_id,
		CASE WHEN c.id IS NOT NULL THEN c.status WHEN i.idempotency_key LIKE 'claim:%' THEN 'pruned' ELSE 'intent' END AS claim_status, COALESCE(c.reward_cents::numeric, (i.args ->> 'amount')::numeric) AS cents
	FROM chain_intents i LEFT JOIN claims c ON c.intent_id = i.id
	WHERE i.kind = 'mint'
)
SELECT m.ref, m.to_address AS minted_to, COALESCE(k.to_address, '') AS claim_to, m.block_number, m.tx_hash,
	COALESCE(k.claim_id, '') AS claim_id, COALESCE(k.claim_status, '') AS claim_status, k.cents::text AS claim_cents,
	m.amount::text AS minted_cents, m.n AS mints
FROM mints m LEFT JOIN claimed k ON k.ref = m.ref
WHERE k.ref IS NULL OR m.n <> 1 OR m.amount <> k.cents OR m.to_address <> k.to_address
	OR k.claim_status NOT IN ('approved', 'rewarded', 'pruned', 'intent')
UNION ALL
SELECT k.ref, k.to_address, k.to_address, k.intent_block, '', k.claim_id, k.claim_status, k.cents::text, NULL, 0
FROM claimed k WHERE k.intent_status = 'confirmed' AND k.intent_block <= @cursor
	AND NOT EXISTS (SELECT 1 FROM mints m WHERE m.ref = k.ref)
ORDER BY 4, 1`

// readMints adds the mint mismatches at the cursor to the snapshot.
func readMints(tx *gorm.DB, cursor int64, snap *reconcile.Snapshot) error {
	var rows []struct {
		Ref, MintedTo, ClaimTo, TxHash, ClaimID, ClaimStatus string
		BlockNumber                                          int64
		ClaimCents, MintedCents                              *string
		Mints                                                int
	}
	if err := tx.Raw(mintsQuery, map[string]any{"cursor": cursor}).Scan(&rows).Error; err != nil {
		return failed("readMints", err)
	}
	for _, r := range rows {
		m := reconcile.MintMismatch{Ref: common.HexToHash(r.Ref), To: common.HexToAddress(r.MintedTo),
			BlockNumber: uint64(r.BlockNumber), ClaimID: r.ClaimID, ClaimStatus: r.ClaimStatus,
			ClaimCents: bigOrNil(r.ClaimCents), MintedCents: bigOrNil(r.MintedCents), Mints: r.Mints}
		if r.ClaimTo != "" {
			m.ClaimTo = common.HexToAddress(r.ClaimTo)
		}
		if r.TxHash != "" {
			m.TxHash = common.HexToHash(r.TxHash)
		}
		snap.Mints = append(snap.Mints, m)
	}
	return nil
}
