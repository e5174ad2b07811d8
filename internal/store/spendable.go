package store

import (
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/ledger"
)

// holding is what an address holds, in cents, read from one snapshot.
//
// Balance is its indexed balance: the Transfer events to and from it that the indexer has applied.
// PendingMints are the mints to it that the indexer has not reached yet (queued, sent or confirmed).
// Spendable is what it may pay now: Balance, plus the coins confirmed on their way to it and not yet indexed
// (mints, payments to a shop, refunds to a resident), minus everything on its way out of it and not yet
// indexed (payments, refunds and redeems from the moment they are written until the indexer applies them).
type holding struct {
	Address      string
	Balance      int64
	PendingMints int64
	Spendable    int64
}

// holdingsSQL is the one definition of what an address holds. Every coin movement of the outbox is counted
// exactly once: the indexer marks an intent indexed (chain_intents.indexed_block) in the same transaction
// that applies its events to token_balances, and a rewind clears both together, so a movement is either in
// the balance or among the unindexed intents — in whichever order the sender's receipt and the indexer's
// block arrive. Failed intents moved nothing. One statement, so one snapshot; each half of moving reads one
// of the two partial indexes of the intents on their way (chain_intents_unindexed_from and _to), and the
// second leaves out what the first found.
const holdingsSQL = `WITH addr AS (SELECT DISTINCT unnest(CAST(@addrs AS text[])) AS a),
moving AS (
	SELECT kind, status, lower(args ->> 'from') AS src, lower(args ->> 'to') AS dst, (args ->> 'amount')::numeric AS amount
	FROM chain_intents
	WHERE indexed_block IS NULL AND status <> 'failed' AND kind IN ('mint', 'redeem', 'transfer_with_authorization')
		AND lower(args ->> 'from') = ANY(CAST(@addrs AS text[]))
	UNION ALL
	SELECT kind, status, lower(args ->> 'from'), lower(args ->> 'to'), (args ->> 'amount')::numeric
	FROM chain_intents
	WHERE indexed_block IS NULL AND status <> 'failed' AND kind IN ('mint', 'redeem', 'transfer_with_authorization')
		AND lower(args ->> 'to') = ANY(CAST(@addrs AS text[])) AND NOT COALESCE(lower(args ->> 'from'), '') = ANY(CAST(@addrs AS text[]))
)
SELECT addr.a AS address, COALESCE(b.balance, 0)::bigint AS balance,
	COALESCE((SELECT sum(amount) FROM moving WHERE dst = addr.a AND kind = 'mint'), 0)::bigint AS pending_mints,
	(COALESCE(b.balance, 0)
		+ COALESCE((SELECT sum(amount) FROM moving WHERE dst = addr.a AND status = 'confirmed'), 0)
		- COALESCE((SELECT sum(amount) FROM moving WHERE src = addr.a), 0))::bigint AS spendable
FROM addr LEFT JOIN token_balances b ON b.address = addr.a`

// holdings reads what each address holds (see holding), keyed by lower-case 0x-hex address; every address
// asked for has an entry.
func holdings(tx *gorm.DB, addrs []common.Address) (map[string]holding, error) {
	keys := make([]string, len(addrs))
	for i, a := range addrs {
		keys[i] = strings.ToLower(a.Hex())
	}
	out := make(map[string]holding, len(addrs))
	if len(addrs) == 0 {
		return out, nil
	}
	var rows []holding
	if err := tx.Raw(holdingsSQL, map[string]any{"addrs": pgArray(keys)}).Scan(&rows).Error; err != nil {
		return nil, failed("holdings", err)
	}
	for _, r := range rows {
		out[r.Address] = r
	}
	for _, k := range keys {
		if _, ok := out[k]; !ok {
			return nil, fmt.Errorf("store: holdings: no row for %s", k)
		}
	}
	return out, nil
}

// holdingOf is holdings for one address.
func holdingOf(tx *gorm.DB, addr common.Address) (holding, error) {
	m, err := holdings(tx, []common.Address{addr})
	if err != nil {
		return holding{}, failed("holdingOf", err)
	}
	return m[strings.ToLower(addr.Hex())], nil
}

// markIndexed marks the intents mined in the transactions of events (under their hash, or an earlier hash
// of the same nonce) as indexed in the events' blocks; part of the indexer's transaction that applies them.
func markIndexed(tx *gorm.DB, events []ledger.Event) error {
	var txHashes []string
	var blocks []int64
	seen := make(map[common.Hash]bool, len(events))
	for _, e := range events {
		if !seen[e.TxHash] {
			seen[e.TxHash] = true
			txHashes, blocks = append(txHashes, e.TxHash.Hex()), append(blocks, int64(e.BlockNumber))
		}
	}
	if len(txHashes) == 0 {
		return nil
	}
	if err := tx.Exec(`UPDATE chain_intents AS i SET indexed_block = v.block
		FROM unnest(?::text[], ?::bigint[]) AS v(tx_hash, block)
		WHERE i.tx_hash = v.tx_hash AND i.indexed_block IS NULL`, pgArray(txHashes), pgArray(blocks)).Error; err != nil {
		return failed("markIndexed", err)
	}
	// A fee bump leaves the earlier hashes in prior_tx_hashes while the intent is sent; any of them may be
	// the one mined.
	if err := tx.Exec(`UPDATE chain_intents AS i SET indexed_block = v.block
		FROM unnest(?::text[], ?::bigint[]) AS v(tx_hash, block)
		WHERE i.status = 'sent' AND i.indexed_block IS NULL AND i.prior_tx_hashes <> '[]'
			AND i.prior_tx_hashes @> jsonb_build_array(v.tx_hash)`, pgArray(txHashes), pgArray(blocks)).Error; err != nil {
		return failed("markIndexed", err)
	}
	return nil
}
