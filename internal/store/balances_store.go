package store

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/balances"
)

// BalanceStore reads balances, pending mints and histories for the balances service. It implements
// balances.Store.
type BalanceStore struct {
	db     *gorm.DB
	ledger *LedgerStore
}

var _ balances.Store = (*BalanceStore)(nil)

// Balances returns the balance store on this database.
func (db *DB) Balances() *BalanceStore { return &BalanceStore{db: db.gorm, ledger: db.Ledger()} }

// zeroAddress is how the ledger stores the zero address's side of mints and burns: as NULL.
const zeroAddress = "0x0000000000000000000000000000000000000000"

// WalletAddress returns the account's address; balances.ErrNoWallet when it has none or does not exist.
func (s *BalanceStore) WalletAddress(ctx context.Context, accountID string) (string, error) {
	if !validUUID(accountID) {
		return "", balances.ErrNoWallet
	}
	var addrs []string
	if err := s.db.WithContext(ctx).Raw(`SELECT wallet_address FROM accounts WHERE id = ? AND wallet_address IS NOT NULL`,
		accountID).Scan(&addrs).Error; err != nil {
		return "", err
	}
	if len(addrs) == 0 {
		return "", balances.ErrNoWallet
	}
	return addrs[0], nil
}

// Balance returns the indexed balance.
func (s *BalanceStore) Balance(ctx context.Context, addr string) (*big.Int, error) {
	return s.ledger.Balance(ctx, common.HexToAddress(addr))
}

// Spendable is what addr may pay now, as the payments check it.
func (s *BalanceStore) Spendable(ctx context.Context, addr string) (int64, error) {
	var v []int64
	if err := s.db.WithContext(ctx).Raw(spendableSQL, map[string]any{"a": strings.ToLower(addr)}).Scan(&v).Error; err != nil {
		return 0, err
	}
	if len(v) != 1 {
		return 0, errors.New("balances: spendable balance unreadable")
	}
	return v[0], nil
}

// PendingMints sums the mints to addr that are queued or sent, or confirmed in a block above the indexer's
// cursor (all confirmed ones while nothing is indexed yet).
func (s *BalanceStore) PendingMints(ctx context.Context, addr string) (*big.Int, error) {
	var v []string
	err := s.db.WithContext(ctx).Raw(`SELECT COALESCE(sum((args ->> 'amount')::numeric), 0)::text FROM chain_intents
		WHERE kind = 'mint' AND lower(args ->> 'to') = ? AND (status IN ('queued', 'sent') OR (status = 'confirmed'
		AND block_number > COALESCE((SELECT max(block_number) FROM indexer_cursor), -1)))`,
		strings.ToLower(addr)).Scan(&v).Error
	if err != nil {
		return nil, err
	}
	n, ok := new(big.Int).SetString(v[0], 10)
	if !ok {
		return nil, errors.New("balances: unreadable pending sum")
	}
	return n, nil
}

// Transfers lists the Transfer events to or from addr, newest first.
func (s *BalanceStore) Transfers(ctx context.Context, addr string, beforeID int64, limit int) ([]balances.Transaction, error) {
	a := strings.ToLower(addr)
	var rows []struct {
		ID          int64
		TxHash      string
		BlockNumber int64
		BlockTime   time.Time
		FromAddress *string
		ToAddress   *string
		Amount      string
	}
	err := s.db.WithContext(ctx).Raw(`SELECT id, tx_hash, block_number, block_time, from_address, to_address,
		amount::text AS amount FROM token_events
		WHERE event = 'Transfer' AND (from_address = @a OR to_address = @a) AND (@before = 0 OR id < @before)
		ORDER BY id DESC LIMIT @limit`, map[string]any{"a": a, "before": beforeID, "limit": limit}).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]balances.Transaction, 0, len(rows))
	for _, r := range rows {
		amount, ok := new(big.Int).SetString(r.Amount, 10)
		if !ok || !amount.IsInt64() {
			return nil, errors.New("balances: unreadable amount")
		}
		from, to := deref(r.FromAddress, zeroAddress), deref(r.ToAddress, zeroAddress)
		t := balances.Transaction{ID: r.ID, TxHash: r.TxHash, BlockNumber: uint64(r.BlockNumber), At: r.BlockTime.UTC(),
			AmountCents: amount.Int64(), Kind: balances.KindPayment}
		switch {
		case from == zeroAddress:
			t.Kind, t.Direction = balances.KindReward, "in"
		case to == zeroAddress:
			t.Kind, t.Direction = balances.KindRedemption, "out"
		case to == a:
			t.Direction, t.Counterparty = "in", from
		default:
			t.Direction, t.Counterparty = "out", to
		}
		out = append(out, t)
	}
	return out, nil
}

func deref(s *string, def string) string {
	if s == nil {
		return def
	}
	return *s
}
