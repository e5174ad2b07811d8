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
type BalanceStore struct{ db *gorm.DB }

var _ balances.Store = (*BalanceStore)(nil)

// Balances returns the balance store on this database.
func (db *DB) Balances() *BalanceStore { return &BalanceStore{db: db.gorm} }

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
		return "", failed("BalanceStore.WalletAddress", err)
	}
	if len(addrs) == 0 {
		return "", balances.ErrNoWallet
	}
	return addrs[0], nil
}

// Statement reads what addr holds, from one snapshot (see holdingsSQL).
func (s *BalanceStore) Statement(ctx context.Context, addr string) (balances.Statement, error) {
	h, err := holdingOf(s.db.WithContext(ctx), common.HexToAddress(addr))
	if err != nil {
		return balances.Statement{}, failed("BalanceStore.Statement", err)
	}
	return balances.Statement{Address: h.Address, BalanceCents: h.Balance, PendingCents: h.PendingMints,
		SpendableCents: h.Spendable}, nil
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
		return nil, failed("BalanceStore.Transfers", err)
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
