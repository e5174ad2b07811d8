package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/secrets"
)

// PaymentStore keeps payment requests, refunds and idempotency keys. Statuses are read from the views
// payment_request_states and refund_states, the one place that derives them from the relay intents. It
// implements payments.Store.
type PaymentStore struct {
	db *gorm.DB
	c  cryptor
}

var _ payments.Store = (*PaymentStore)(nil)

// Payments returns the payment store on this database; keys open the shops' names and keys.
func (db *DB) Payments(keys *secrets.Keyring) *PaymentStore {
	return &PaymentStore{db: db.gorm, c: cryptor{keys: keys}}
}

// paymentsLockSpace is the first half of the advisory lock keys that serialise one account's payments.
const paymentsLockSpace = 6414

// requestRow is a row of payment_request_states, with the shop's sealed name when joined.
type requestRow struct {
	ID           string
	ShopID       string
	ShopAddress  string
	AmountCents  int64
	Reference    string
	AuthNonce    string
	ValidAfter   int64
	ValidBefore  int64
	CreatedAt    time.Time
	ExpiresAt    time.Time
	PayerID      *string
	PayerAddress *string
	IntentID     *int64
	SubmittedAt  *time.Time
	Status       string
	TxHash       *string
	BlockNumber  *int64
	Failure      *string
	DoneAt       *time.Time
	CancelledAt  *time.Time
	LegalNameEnc []byte
}

const requestColumns = `v.id::text AS id, v.shop_id::text AS shop_id, v.shop_address, v.amount_cents, v.reference,
	v.auth_nonce, v.valid_after, v.valid_before, v.created_at, v.expires_at, v.payer_id::text AS payer_id,
	v.payer_address, v.intent_id, v.submitted_at, v.status, v.tx_hash, v.block_number, v.failure, v.done_at,
	v.cancelled_at`

func (c cryptor) request(r requestRow) (payments.Request, error) {
	out := payments.Request{ID: r.ID, ShopID: r.ShopID, ShopAddress: common.HexToAddress(r.ShopAddress),
		AmountCents: r.AmountCents, Reference: r.Reference, Nonce: common.HexToHash(r.AuthNonce),
		ValidAfter: uint64(r.ValidAfter), ValidBefore: uint64(r.ValidBefore), CreatedAt: r.CreatedAt.UTC(),
		ExpiresAt: r.ExpiresAt.UTC(), Status: payments.Status(r.Status), SubmittedAt: r.SubmittedAt, DoneAt: r.DoneAt,
		CancelledAt: r.CancelledAt}
	if r.PayerID != nil {
		out.PayerID = *r.PayerID
	}
	if r.PayerAddress != nil {
		out.PayerAddress = common.HexToAddress(*r.PayerAddress)
	}
	if r.IntentID != nil {
		out.IntentID = *r.IntentID
	}
	if r.TxHash != nil {
		out.TxHash = common.HexToHash(*r.TxHash)
	}
	if r.BlockNumber != nil {
		out.BlockNumber = uint64(*r.BlockNumber)
	}
	if r.Failure != nil {
		out.Failure = *r.Failure
	}
	if r.LegalNameEnc != nil {
		name, err := c.open("shops", "legal_name_enc", r.ShopID, r.LegalNameEnc)
		if err != nil {
			return out, failed("cryptor.request", err)
		}
		out.ShopName = name
	}
	return out, nil
}

// CreateRequest inserts an open request.
func (s *PaymentStore) CreateRequest(ctx context.Context, r payments.Request) error {
	return failed("PaymentStore.CreateRequest", s.db.WithContext(ctx).Exec(`INSERT INTO payment_requests (id, shop_id, shop_address, amount_cents, reference,
		auth_nonce, valid_after, valid_before, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.ShopID, lowerHex(r.ShopAddress), r.AmountCents, r.Reference, r.Nonce.Hex(), int64(r.ValidAfter),
		int64(r.ValidBefore), r.CreatedAt, r.ExpiresAt).Error)
}

// Request loads a request with its status and its shop's name.
func (s *PaymentStore) Request(ctx context.Context, id string) (payments.Request, error) {
	return s.c.loadRequest(s.db.WithContext(ctx), id, true)
}

func (c cryptor) loadRequest(tx *gorm.DB, id string, withName bool) (payments.Request, error) {
	if !validUUID(id) {
		return payments.Request{}, payments.ErrNotFound
	}
	q := tx.Table("payment_request_states AS v").Select(requestColumns).Where("v.id = ?", id)
	if withName {
		q = tx.Table("payment_request_states AS v").Select(requestColumns+", s.legal_name_enc").
			Joins("JOIN shops s ON s.account_id = v.shop_id").Where("v.id = ?", id)
	}
	var rows []requestRow
	if err := q.Limit(1).Scan(&rows).Error; err != nil {
		return payments.Request{}, failed("cryptor.loadRequest", err)
	}
	if len(rows) == 0 {
		return payments.Request{}, payments.ErrNotFound
	}
	return c.request(rows[0])
}

// Shop loads an approved shop with its name and whether it may take payments: activated by staff, with
// the grant of the accepting role confirmed on chain, and, if a suspension revoked the role, its grant
// after reinstatement confirmed too.
func (s *PaymentStore) Shop(ctx context.Context, id string) (payments.Shop, error) {
	if !validUUID(id) {
		return payments.Shop{}, payments.ErrNotFound
	}
	var rows []struct {
		WalletAddress *string
		LegalNameEnc  []byte
		Active        bool
	}
	err := s.db.WithContext(ctx).Raw(`SELECT a.wallet_address, s.legal_name_enc, s.activated_at IS NOT NULL
		AND EXISTS (SELECT 1 FROM chain_intents i WHERE i.idempotency_key = ? AND i.status = 'confirmed')
		AND NOT EXISTS (SELECT 1 FROM account_suspensions su LEFT JOIN chain_intents g ON g.id = su.grant_intent_id
			WHERE su.account_id = a.id AND su.revoke_intent_id IS NOT NULL AND g.status IS DISTINCT FROM 'confirmed') AS active
		FROM accounts a JOIN shops s ON s.account_id = a.id WHERE a.id = ? AND a.role = 'shop' AND a.status = 'approved'`,
		accounts.ActivationIntent(id, "").IdempotencyKey, id).Scan(&rows).Error
	if err != nil {
		return payments.Shop{}, failed("PaymentStore.Shop", err)
	}
	if len(rows) == 0 || rows[0].WalletAddress == nil {
		return payments.Shop{}, payments.ErrNotFound
	}
	name, err := s.c.open("shops", "legal_name_enc", id, rows[0].LegalNameEnc)
	if err != nil {
		return payments.Shop{}, failed("PaymentStore.Shop", err)
	}
	return payments.Shop{ID: id, Address: common.HexToAddress(*rows[0].WalletAddress), Name: name, Active: rows[0].Active}, nil
}

// WalletAddress returns the address bound to an account.
func (s *PaymentStore) WalletAddress(ctx context.Context, accountID string) (common.Address, error) {
	return walletAddress(s.db.WithContext(ctx), accountID)
}

func walletAddress(tx *gorm.DB, accountID string) (common.Address, error) {
	if !validUUID(accountID) {
		return common.Address{}, payments.ErrNoWallet
	}
	var addrs []string
	if err := tx.Raw(`SELECT wallet_address FROM accounts WHERE id = ? AND wallet_address IS NOT NULL`,
		accountID).Scan(&addrs).Error; err != nil {
		return common.Address{}, failed("walletAddress", err)
	}
	if len(addrs) == 0 {
		return common.Address{}, payments.ErrNoWallet
	}
	return common.HexToAddress(addrs[0]), nil
}

// IntentState returns an intent's status and current transaction hash.
func (s *PaymentStore) IntentState(ctx context.Context, id int64) (outbox.Status, common.Hash, error) {
	var rows []struct {
		Status string
		TxHash *string
	}
	if err := s.db.WithContext(ctx).Raw(`SELECT status, tx_hash FROM chain_intents WHERE id = ?`, id).Scan(&rows).Error; err != nil {
		return "", common.Hash{}, failed("PaymentStore.IntentState", err)
	}
	if len(rows) == 0 {
		return "", common.Hash{}, errors.New("payments: the relay intent is missing")
	}
	var h common.Hash
	if rows[0].TxHash != nil {
		h = common.HexToHash(*rows[0].TxHash)
	}
	return outbox.Status(rows[0].Status), h, nil
}

// InTx runs fn in one transaction.
func (s *PaymentStore) InTx(ctx context.Context, fn func(payments.Tx) error) error {
	return transaction(s.db.WithContext(ctx), "PaymentStore.InTx", func(tx *gorm.DB) error {
		return fn(&paymentTx{idempotencyKeys: idempotencyKeys{tx}, tx: tx, c: s.c})
	})
}

// lowerHex is an address as the database keeps it.
func lowerHex(a common.Address) string { return strings.ToLower(a.Hex()) }
