package store

import (
	"cmp"
	"context"
	"database/sql"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/ledger"
	"github.com/heerlen/heitje/internal/reconcile"
)

// ReconcileStore reads the ledger's side of the reconciliation. It implements reconcile.Store.
type ReconcileStore struct {
	db *gorm.DB
	// paced makes Snapshot rest after each batch as long as the batch took.
	paced bool
}

var _ reconcile.Store = (*ReconcileStore)(nil)

// Reconcile returns the reconciliation store on this database.
func (db *DB) Reconcile() *ReconcileStore { return &ReconcileStore{db: db.gorm} }

// Paced returns the store that rests after each batch of Snapshot as long as the batch took, so that a
// periodic reconciliation uses at most half of one core however large the ledger; the snapshot stays one.
func (s *ReconcileStore) Paced() *ReconcileStore { return &ReconcileStore{db: s.db, paced: true} }

// rest waits after a batch that began at began, when the store is paced.
func (s *ReconcileStore) rest(ctx context.Context, began time.Time) error {
	if !s.paced {
		return nil
	}
	t := time.NewTimer(time.Since(began))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return failed("ReconcileStore.rest", ctx.Err())
	case <-t.C:
		return nil
	}
}

// holdersQuery lists the addresses in (@lo, @hi] that have a balance row or
// Transfer events: the row, the sum of the events, their highest block, and whether the address is the
// treasury (@treasury: the holders of TREASURY_ROLE), a resident or shop (by its account, or a resident by the
// rewards minted to it, which outlive the link to an erased person), or other. Each side reads its index
// over the range only.
const holdersQuery = `WITH flows AS (
	SELECT address, sum(delta) AS from_events, max(block_number) AS last_block FROM (
		SELECT to_address AS address, amount AS delta, block_number FROM token_events
			WHERE event = 'Transfer' AND to_address > @lo AND to_address <= @hi
		UNION ALL
		SELECT from_address, -amount, block_number FROM token_events
			WHERE event = 'Transfer' AND from_address > @lo AND from_address <= @hi
	) f GROUP BY address
), holders AS (
	SELECT COALESCE(b.address, f.address) AS address, COALESCE(b.balance, 0) AS balance, COALESCE(f.from_events, 0) AS from_events,
		COALESCE(f.last_block, 0) AS last_block
	FROM (SELECT * FROM token_balances WHERE address > @lo AND address <= @hi) b FULL JOIN flows f ON f.address = b.address
)
SELECT h.address, h.balance::text AS balance, h.from_events::text AS from_events, h.last_block,
	CASE WHEN h.address = ANY(CAST(@treasury AS text[])) THEN 'treasury' WHEN a.role IN ('resident', 'shop') THEN a.role
		WHEN EXISTS (SELECT 1 FROM claims c WHERE c.mint_to = h.address) THEN 'resident' ELSE 'other' END AS kind,
	COALESCE(a.id::text, '') AS account_id
FROM holders h LEFT JOIN LATERAL (SELECT id, role FROM accounts WHERE wallet_address = h.address LIMIT 1) a ON true
ORDER BY h.address`

// treasuryQuery lists the addresses that hold TREASURY_ROLE (@role): granted last, not revoked since.
const treasuryQuery = `SELECT address FROM (SELECT DISTINCT ON (to_address) to_address AS address, event FROM token_events
	WHERE role = @role AND event IN ('RoleGranted', 'RoleRevoked') ORDER BY to_address, block_number DESC, log_index DESC) t
WHERE event = 'RoleGranted'`

// unpairedQuery finds, among the events with ids in (@lo, @hi], the Minted and Redeemed events whose Transfer
// (the log just before, in the same transaction) is missing or differs, and the mint or burn Transfers without
// their event just after. Each looks up its neighbour by (block_hash, log_index), one index probe per event.
const unpairedQuery = `SELECT m.event, m.block_number, m.tx_hash, m.log_index, COALESCE(m.to_address, m.from_address) AS address,
	m.amount::text AS amount, t.amount::text AS transfer_amount
FROM token_events m LEFT JOIN LATERAL (SELECT t.id, t.amount FROM token_events t
	WHERE t.block_hash = m.block_hash AND t.log_index = m.log_index - 1 AND t.tx_hash = m.tx_hash AND t.event = 'Transfer'
		AND ((m.event = 'Minted' AND t.from_address IS NULL AND t.to_address = m.to_address)
			OR (m.event = 'Redeemed' AND t.to_address IS NULL AND t.from_address = m.from_address)) LIMIT 1) t ON true
WHERE m.id > @lo AND m.id <= @hi AND m.event IN ('Minted', 'Redeemed') AND (t.id IS NULL OR t.amount <> m.amount)
UNION ALL
SELECT 'Transfer', t.block_number, t.tx_hash, t.log_index, COALESCE(t.to_address, t.from_address), NULL, t.amount::text
FROM token_events t LEFT JOIN LATERAL (SELECT m.event FROM token_events m
	WHERE m.block_hash = t.block_hash AND m.log_index = t.log_index + 1 LIMIT 1) m ON true
WHERE t.id > @lo AND t.id <= @hi AND t.event = 'Transfer' AND (t.from_address IS NULL OR t.to_address IS NULL)
	AND (m.event IS NULL OR m.event NOT IN ('Minted', 'Redeemed'))
ORDER BY 2, 4`

// payoutsQuery finds redeemed payout lines without exactly one Redeemed event of their amount, and Redeemed
// events that belong to no line.
const payoutsQuery = `WITH redeems AS (
	SELECT ref, from_address, count(*) AS n, sum(amount) AS amount, max(block_number) AS block_number
	FROM token_events WHERE event = 'Redeemed' GROUP BY ref, from_address
)
SELECT r.reference, l.shop_address AS shop, COALESCE(e.block_number, l.redeemed_block) AS block_number,
	l.amount_cents::text AS line_cents, e.amount::text AS redeemed_cents, COALESCE(e.n, 0) AS redeems
FROM payout_lines l JOIN payout_runs r ON r.id = l.run_id LEFT JOIN redeems e ON e.ref = r.ref AND e.from_address = l.shop_address
WHERE (l.redeemed_block IS NOT NULL AND l.redeemed_block <= @cursor AND e.ref IS NULL)
	OR (e.ref IS NOT NULL AND (e.n <> 1 OR e.amount <> l.amount_cents))
UNION ALL
SELECT COALESCE(r.reference, e.ref), e.from_address, e.block_number, NULL, e.amount::text, e.n
FROM redeems e LEFT JOIN payout_runs r ON r.ref = e.ref
WHERE NOT EXISTS (SELECT 1 FROM payout_lines l WHERE l.run_id = r.id AND l.shop_address = e.from_address)
ORDER BY 3`

// The batches in which Snapshot reads: holders by address, events by id. Each batch is one short statement,
// so the reconciliation of a large ledger never holds the database (or a core) for long at a time. Tests
// make them small.
var (
	holdersPerBatch = 500
	eventsPerBatch  = int64(2000)
)

// Snapshot reads the ledger's totals, holders, unpaired events and payout mismatches in one repeatable-read
// transaction, so that all of them describe the ledger at one cursor; it reads them in batches.
func (s *ReconcileStore) Snapshot(ctx context.Context, treasuryRole common.Hash) (reconcile.Snapshot, error) {
	var snap reconcile.Snapshot
	err := transaction(s.db.WithContext(ctx), "ReconcileStore.Snapshot", func(tx *gorm.DB) error {
		var cursor []int64
		if err := tx.Raw(`SELECT max(block_number) FROM indexer_cursor HAVING count(*) > 0`).Scan(&cursor).Error; err != nil || len(cursor) == 0 {
			return failed("ReconcileStore.Snapshot", err)
		}
		snap.Block, snap.Indexed = uint64(cursor[0]), true
		snap.SumBalances, snap.Minted, snap.Redeemed = new(big.Int), new(big.Int), new(big.Int)
		if err := s.readHolders(ctx, tx, treasuryRole, &snap); err != nil {
			return failed("ReconcileStore.Snapshot", err)
		}
		if err := s.readEvents(ctx, tx, &snap); err != nil {
			return failed("ReconcileStore.Snapshot", err)
		}
		var pays []struct {
			Reference, Shop          string
			BlockNumber              int64
			LineCents, RedeemedCents *string
			Redeems                  int
		}
		if err := tx.Raw(payoutsQuery, map[string]any{"cursor": cursor[0]}).Scan(&pays).Error; err != nil {
			return failed("ReconcileStore.Snapshot", err)
		}
		for _, p := range pays {
			snap.Payouts = append(snap.Payouts, reconcile.PayoutMismatch{Reference: p.Reference, Shop: common.HexToAddress(p.Shop),
				BlockNumber: uint64(p.BlockNumber), LineCents: bigOrNil(p.LineCents), RedeemedCents: bigOrNil(p.RedeemedCents), Redeems: p.Redeems})
		}
		return failed("ReconcileStore.Snapshot", readMints(tx, cursor[0], &snap))
	}, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	return snap, failed("ReconcileStore.Snapshot", err)
}

// readHolders reads the holders and the sum of the balance rows, holdersPerBatch balance rows at a time: each
// batch ends at the last of its rows, and the last batch has no end, so every address with a row or events
// falls in exactly one batch.
func (s *ReconcileStore) readHolders(ctx context.Context, tx *gorm.DB, treasuryRole common.Hash, snap *reconcile.Snapshot) error {
	var treasury []string
	if err := tx.Raw(treasuryQuery, map[string]any{"role": treasuryRole.Hex()}).Scan(&treasury).Error; err != nil {
		return failed("ReconcileStore.readHolders", err)
	}
	lo := ""
	for {
		began := time.Now()
		var ends []string
		if err := tx.Raw(`SELECT address FROM token_balances WHERE address > ? ORDER BY address OFFSET ? LIMIT 1`,
			lo, holdersPerBatch-1).Scan(&ends).Error; err != nil {
			return failed("ReconcileStore.readHolders", err)
		}
		hi := afterEveryAddress
		if len(ends) == 1 {
			hi = ends[0]
		}
		var rows []struct {
			Address, Balance, FromEvents, Kind, AccountID string
			LastBlock                                     int64
		}
		if err := tx.Raw(holdersQuery, map[string]any{"lo": lo, "hi": hi, "treasury": pgArray(treasury)}).
			Scan(&rows).Error; err != nil {
			return failed("ReconcileStore.readHolders", err)
		}
		for _, h := range rows {
			hold := reconcile.Holder{Address: common.HexToAddress(h.Address), Kind: h.Kind, AccountID: h.AccountID,
				Balance: bigOf(&h.Balance), FromEvents: bigOf(&h.FromEvents), LastBlock: uint64(h.LastBlock)}
			snap.Holders = append(snap.Holders, hold)
			snap.SumBalances.Add(snap.SumBalances, hold.Balance)
		}
		if hi == afterEveryAddress {
			return nil
		}
		lo = hi
		if err := s.rest(ctx, began); err != nil {
			return failed("ReconcileStore.readHolders", err)
		}
	}
}

// afterEveryAddress sorts after every address as the ledger writes them (0x and lower-case hex).
const afterEveryAddress = "0x~"

// readEvents sums the Minted and Redeemed events and finds the unpaired ones, eventsPerBatch event ids at a
// time.
func (s *ReconcileStore) readEvents(ctx context.Context, tx *gorm.DB, snap *reconcile.Snapshot) error {
	var last []int64
	if err := tx.Raw(`SELECT COALESCE(max(id), 0) FROM token_events`).Scan(&last).Error; err != nil {
		return failed("ReconcileStore.readEvents", err)
	}
	for lo := int64(0); lo < last[0]; lo += eventsPerBatch {
		began := time.Now()
		args := map[string]any{"lo": lo, "hi": lo + eventsPerBatch}
		var sums struct{ Minted, Redeemed string }
		if err := tx.Raw(`SELECT COALESCE(sum(amount) FILTER (WHERE event = 'Minted'), 0)::text AS minted,
			COALESCE(sum(amount) FILTER (WHERE event = 'Redeemed'), 0)::text AS redeemed
			FROM token_events WHERE id > @lo AND id <= @hi`, args).Scan(&sums).Error; err != nil {
			return failed("ReconcileStore.readEvents", err)
		}
		snap.Minted.Add(snap.Minted, bigOf(&sums.Minted))
		snap.Redeemed.Add(snap.Redeemed, bigOf(&sums.Redeemed))
		var unpaired []struct {
			Event, TxHash, Address string
			BlockNumber            int64
			LogIndex               int
			Amount, TransferAmount *string
		}
		if err := tx.Raw(unpairedQuery, args).Scan(&unpaired).Error; err != nil {
			return failed("ReconcileStore.readEvents", err)
		}
		for _, u := range unpaired {
			snap.Unpaired = append(snap.Unpaired, reconcile.Unpaired{Event: u.Event, BlockNumber: uint64(u.BlockNumber),
				TxHash: common.HexToHash(u.TxHash), LogIndex: uint(u.LogIndex), Address: common.HexToAddress(u.Address),
				Amount: bigOrNil(u.Amount), TransferAmount: bigOrNil(u.TransferAmount)})
		}
		if err := s.rest(ctx, began); err != nil {
			return failed("ReconcileStore.readEvents", err)
		}
	}
	slices.SortStableFunc(snap.Unpaired, func(a, b reconcile.Unpaired) int {
		return cmp.Or(cmp.Compare(a.BlockNumber, b.BlockNumber), cmp.Compare(a.LogIndex, b.LogIndex))
	})
	return nil
}

// Transfers returns the indexed Transfer events to or from addr up to block to, in chain order.
func (s *ReconcileStore) Transfers(ctx context.Context, addr common.Address, to uint64) ([]ledger.Event, error) {
	a := strings.ToLower(addr.Hex())
	var rows []eventRow
	if err := s.db.WithContext(ctx).Where("event = 'Transfer' AND block_number <= ? AND (from_address = ? OR to_address = ?)",
		int64(to), a, a).Order("block_number, log_index").Find(&rows).Error; err != nil {
		return nil, failed("ReconcileStore.Transfers", err)
	}
	out := make([]ledger.Event, len(rows))
	for i, r := range rows {
		out[i] = r.event()
	}
	return out, nil
}

// bigOf reads a numeric written as text; unreadable text counts as zero, which the checks then show.
func bigOf(s *string) *big.Int {
	v, ok := new(big.Int).SetString(*s, 10)
	if !ok {
		return new(big.Int)
	}
	return v
}

func bigOrNil(s *string) *big.Int {
	if s == nil {
		return nil
	}
	return bigOf(s)
}
