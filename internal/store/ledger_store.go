package store

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/heerlen/heitje/internal/ledger"
)

// LedgerStore keeps the indexed contract events and balances. It implements ledger.Store.
type LedgerStore struct{ db *gorm.DB }

var _ ledger.Store = (*LedgerStore)(nil)

// Ledger returns the ledger store on this database.
func (db *DB) Ledger() *LedgerStore { return &LedgerStore{db: db.gorm} }

// keepCheckpoints is how many blocks below the cursor keep their hash for reorg detection.
const keepCheckpoints = 1024

type eventRow struct {
	ID          int64 `gorm:"primaryKey"`
	BlockNumber int64
	BlockHash   string
	BlockTime   time.Time
	TxHash      string
	TxIndex     int
	LogIndex    int
	Event       string
	FromAddress *string
	ToAddress   *string
	Amount      *string `gorm:"type:numeric"`
	Ref         *string
	AuthNonce   *string
	Role        *string
}

func (eventRow) TableName() string { return "token_events" }

func hexAddr(a common.Address) *string {
	if a == (common.Address{}) {
		return nil
	}
	s := strings.ToLower(a.Hex())
	return &s
}

func hexHash(h common.Hash) *string {
	if h == (common.Hash{}) {
		return nil
	}
	s := h.Hex()
	return &s
}

func toEventRow(e ledger.Event) eventRow {
	r := eventRow{BlockNumber: int64(e.BlockNumber), BlockHash: e.BlockHash.Hex(), BlockTime: e.BlockTime.UTC(),
		TxHash: e.TxHash.Hex(), TxIndex: int(e.TxIndex), LogIndex: int(e.LogIndex), Event: e.Name,
		FromAddress: hexAddr(e.From), ToAddress: hexAddr(e.To), Ref: hexHash(e.Ref), AuthNonce: hexHash(e.AuthNonce),
		Role: hexHash(e.Role)}
	if e.Amount != nil {
		s := e.Amount.String()
		r.Amount = &s
	}
	return r
}

func (r eventRow) event() ledger.Event {
	e := ledger.Event{BlockNumber: uint64(r.BlockNumber), BlockHash: common.HexToHash(r.BlockHash), BlockTime: r.BlockTime,
		TxHash: common.HexToHash(r.TxHash), TxIndex: uint(r.TxIndex), LogIndex: uint(r.LogIndex), Name: r.Event}
	if r.FromAddress != nil {
		e.From = common.HexToAddress(*r.FromAddress)
	}
	if r.ToAddress != nil {
		e.To = common.HexToAddress(*r.ToAddress)
	}
	if r.Amount != nil {
		e.Amount, _ = new(big.Int).SetString(*r.Amount, 10)
	}
	if r.Ref != nil {
		e.Ref = common.HexToHash(*r.Ref)
	}
	if r.AuthNonce != nil {
		e.AuthNonce = common.HexToHash(*r.AuthNonce)
	}
	if r.Role != nil {
		e.Role = common.HexToHash(*r.Role)
	}
	return e
}

// Cursor returns the last indexed block.
func (s *LedgerStore) Cursor(ctx context.Context, token common.Address) (ledger.Block, bool, error) {
	var rows []struct {
		Token       string
		BlockNumber int64
		BlockHash   string
	}
	if err := s.db.WithContext(ctx).Raw(`SELECT token, block_number, block_hash FROM indexer_cursor`).Scan(&rows).Error; err != nil {
		return ledger.Block{}, false, failed("LedgerStore.Cursor", err)
	}
	if len(rows) == 0 {
		return ledger.Block{}, false, nil
	}
	if rows[0].Token != strings.ToLower(token.Hex()) {
		return ledger.Block{}, false, fmt.Errorf("%w (%s)", ledger.ErrOtherToken, rows[0].Token)
	}
	return ledger.Block{Number: uint64(rows[0].BlockNumber), Hash: common.HexToHash(rows[0].BlockHash)}, true, nil
}

// Apply stores a range of events, the balance changes, the mark on the intents they settle (see holdingsSQL)
// and the new cursor atomically. The cursor row is locked and compared with from, so two indexers can never
// both apply the same range.
func (s *LedgerStore) Apply(ctx context.Context, token common.Address, from *ledger.Block, events []ledger.Event, checkpoints []ledger.Block, to ledger.Block) error {
	tok := strings.ToLower(token.Hex())
	return transaction(s.db.WithContext(ctx), "LedgerStore.Apply", func(tx *gorm.DB) error {
		if err := lockCursor(tx, tok, from); err != nil {
			return failed("LedgerStore.Apply", err)
		}
		if len(events) > 0 {
			rows := make([]eventRow, len(events))
			for i, e := range events {
				rows[i] = toEventRow(e)
			}
			if err := tx.CreateInBatches(rows, 1000).Error; err != nil {
				return failed("LedgerStore.Apply", err)
			}
			if err := applyDeltas(tx, events, 1); err != nil {
				return failed("LedgerStore.Apply", err)
			}
			if err := markIndexed(tx, events); err != nil {
				return failed("LedgerStore.Apply", err)
			}
		}
		return failed("LedgerStore.Apply", saveCursor(tx, tok, checkpoints, to))
	})
}

func lockCursor(tx *gorm.DB, tok string, from *ledger.Block) error {
	var cur []struct {
		Token       string
		BlockNumber int64
		BlockHash   string
	}
	if err := tx.Raw(`SELECT token, block_number, block_hash FROM indexer_cursor FOR UPDATE`).Scan(&cur).Error; err != nil {
		return failed("lockCursor", err)
	}
	switch {
	case len(cur) > 0 && cur[0].Token != tok:
		return ledger.ErrOtherToken
	case len(cur) == 0 && from != nil, len(cur) > 0 && from == nil:
		return ledger.ErrCursorMoved
	case len(cur) > 0 && (uint64(cur[0].BlockNumber) != from.Number || cur[0].BlockHash != from.Hash.Hex()):
		return ledger.ErrCursorMoved
	}
	return nil
}

func saveCursor(tx *gorm.DB, tok string, checkpoints []ledger.Block, to ledger.Block) error {
	cps := append(checkpoints, to)
	rows := make([]map[string]any, 0, len(cps))
	for _, c := range cps {
		rows = append(rows, map[string]any{"token": tok, "block_number": int64(c.Number), "block_hash": c.Hash.Hex()})
	}
	if err := tx.Table("indexer_checkpoints").Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "token"}, {Name: "block_number"}},
		DoUpdates: clause.AssignmentColumns([]string{"block_hash"}),
	}).CreateInBatches(rows, 1000).Error; err != nil {
		return failed("saveCursor", err)
	}
	if to.Number > keepCheckpoints {
		if err := tx.Exec(`DELETE FROM indexer_checkpoints WHERE token = ? AND block_number < ?`, tok, int64(to.Number-keepCheckpoints)).Error; err != nil {
			return failed("saveCursor", err)
		}
	}
	return failed("saveCursor", tx.Exec(`INSERT INTO indexer_cursor (token, block_number, block_hash, updated_at) VALUES (?, ?, ?, now())
		ON CONFLICT (token) DO UPDATE SET block_number = EXCLUDED.block_number, block_hash = EXCLUDED.block_hash, updated_at = now()`,
		tok, int64(to.Number), to.Hash.Hex()).Error)
}

// applyDeltas adds (sign 1) or removes (sign -1) the balance changes of the Transfer events.
func applyDeltas(tx *gorm.DB, events []ledger.Event, sign int64) error {
	deltas := map[common.Address]*big.Int{}
	add := func(a common.Address, v *big.Int) {
		if a == (common.Address{}) {
			return
		}
		if deltas[a] == nil {
			deltas[a] = new(big.Int)
		}
		deltas[a].Add(deltas[a], v)
	}
	for _, e := range events {
		if e.Name != ledger.EventTransfer || e.Amount == nil {
			continue
		}
		v := new(big.Int).Mul(e.Amount, big.NewInt(sign))
		add(e.To, v)
		add(e.From, new(big.Int).Neg(v))
	}
	var upAddrs, upAmounts, downAddrs, downAmounts []string
	for a, d := range deltas {
		switch d.Sign() {
		case 1:
			upAddrs, upAmounts = append(upAddrs, strings.ToLower(a.Hex())), append(upAmounts, d.String())
		case -1:
			downAddrs, downAmounts = append(downAddrs, strings.ToLower(a.Hex())), append(downAmounts, d.String())
		}
	}
	if len(upAddrs) > 0 {
		if err := tx.Exec(`INSERT INTO token_balances (address, balance)
			SELECT address, amount::numeric FROM unnest(?::text[], ?::text[]) AS v(address, amount)
			ON CONFLICT (address) DO UPDATE SET balance = token_balances.balance + EXCLUDED.balance`,
			pgArray(upAddrs), pgArray(upAmounts)).Error; err != nil {
			return fmt.Errorf("balances: %w", err)
		}
	}
	if len(downAddrs) == 0 {
		return nil
	}
	// A decrease applies to a row that must exist; the CHECK keeps it from going below zero.
	res := tx.Exec(`UPDATE token_balances AS b SET balance = b.balance + v.amount::numeric
		FROM unnest(?::text[], ?::text[]) AS v(address, amount) WHERE b.address = v.address`,
		pgArray(downAddrs), pgArray(downAmounts))
	if res.Error != nil {
		return fmt.Errorf("balances: %w", res.Error)
	}
	if res.RowsAffected != int64(len(downAddrs)) {
		return fmt.Errorf("balances: %d of %d addresses whose balance falls have none", int64(len(downAddrs))-res.RowsAffected, len(downAddrs))
	}
	return nil
}

// Checkpoints returns remembered block hashes at or below number, highest first.
func (s *LedgerStore) Checkpoints(ctx context.Context, token common.Address, number uint64, limit int) ([]ledger.Block, error) {
	var rows []struct {
		BlockNumber int64
		BlockHash   string
	}
	err := s.db.WithContext(ctx).Raw(`SELECT block_number, block_hash FROM indexer_checkpoints
		WHERE token = ? AND block_number <= ? ORDER BY block_number DESC LIMIT ?`,
		strings.ToLower(token.Hex()), int64(number), limit).Scan(&rows).Error
	out := make([]ledger.Block, len(rows))
	for i, r := range rows {
		out[i] = ledger.Block{Number: uint64(r.BlockNumber), Hash: common.HexToHash(r.BlockHash)}
	}
	return out, failed("LedgerStore.Checkpoints", err)
}

// Rewind removes everything indexed after block to, reverses its balance changes and unmarks the intents
// indexed in those blocks.
func (s *LedgerStore) Rewind(ctx context.Context, token common.Address, to ledger.Block) error {
	tok := strings.ToLower(token.Hex())
	return transaction(s.db.WithContext(ctx), "LedgerStore.Rewind", func(tx *gorm.DB) error {
		var rows []eventRow
		if err := tx.Where("block_number > ?", int64(to.Number)).Order("block_number, log_index").Find(&rows).Error; err != nil {
			return failed("LedgerStore.Rewind", err)
		}
		evs := make([]ledger.Event, len(rows))
		for i, r := range rows {
			evs[i] = r.event()
		}
		if err := applyDeltas(tx, evs, -1); err != nil {
			return failed("LedgerStore.Rewind", err)
		}
		if err := tx.Exec(`DELETE FROM token_events WHERE block_number > ?`, int64(to.Number)).Error; err != nil {
			return failed("LedgerStore.Rewind", err)
		}
		if err := tx.Exec(`UPDATE chain_intents SET indexed_block = NULL WHERE indexed_block > ?`, int64(to.Number)).Error; err != nil {
			return failed("LedgerStore.Rewind", err)
		}
		if err := tx.Exec(`DELETE FROM token_balances WHERE balance = 0`).Error; err != nil {
			return failed("LedgerStore.Rewind", err)
		}
		if err := tx.Exec(`DELETE FROM indexer_checkpoints WHERE token = ? AND block_number > ?`, tok, int64(to.Number)).Error; err != nil {
			return failed("LedgerStore.Rewind", err)
		}
		return failed("LedgerStore.Rewind", saveCursor(tx, tok, nil, to))
	})
}

// Balance returns the indexed balance of addr in cents.
func (s *LedgerStore) Balance(ctx context.Context, addr common.Address) (*big.Int, error) {
	var v []string
	if err := s.db.WithContext(ctx).Raw(`SELECT balance::text FROM token_balances WHERE address = ?`,
		strings.ToLower(addr.Hex())).Scan(&v).Error; err != nil {
		return nil, failed("LedgerStore.Balance", err)
	}
	if len(v) == 0 {
		return new(big.Int), nil
	}
	b, ok := new(big.Int).SetString(v[0], 10)
	if !ok {
		return nil, errors.New("ledger: unreadable balance")
	}
	return b, nil
}

// Events returns the indexed events with block numbers in [from, to], in chain order.
func (s *LedgerStore) Events(ctx context.Context, from, to uint64) ([]ledger.Event, error) {
	var rows []eventRow
	if err := s.db.WithContext(ctx).Where("block_number BETWEEN ? AND ?", int64(from), int64(to)).
		Order("block_number, log_index").Find(&rows).Error; err != nil {
		return nil, failed("LedgerStore.Events", err)
	}
	out := make([]ledger.Event, len(rows))
	for i, r := range rows {
		out[i] = r.event()
	}
	return out, nil
}
