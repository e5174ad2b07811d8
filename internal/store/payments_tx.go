package store

import (
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payments"
)

// paymentTx is payments.Tx on one gorm transaction.
type paymentTx struct {
	tx *gorm.DB
	c  cryptor
}

var _ payments.Tx = (*paymentTx)(nil)

func (t *paymentTx) LockAccount(id string) error {
	return t.tx.Exec(`SELECT pg_advisory_xact_lock(?, hashtext(?))`, paymentsLockSpace, id).Error
}

func (t *paymentTx) Idempotency(accountID, key string) (payments.IdempotencyRecord, bool, error) {
	var rows []struct {
		RequestHash []byte
		Resource    string
		IntentID    int64
	}
	if err := t.tx.Raw(`SELECT request_hash, resource, intent_id FROM idempotency_keys WHERE account_id = ? AND key = ?`,
		accountID, key).Scan(&rows).Error; err != nil {
		return payments.IdempotencyRecord{}, false, err
	}
	if len(rows) == 0 {
		return payments.IdempotencyRecord{}, false, nil
	}
	r := rows[0]
	return payments.IdempotencyRecord{AccountID: accountID, Key: key, RequestHash: r.RequestHash, Resource: r.Resource,
		IntentID: r.IntentID}, true, nil
}

func (t *paymentTx) SaveIdempotency(r payments.IdempotencyRecord) error {
	return t.tx.Exec(`INSERT INTO idempotency_keys (account_id, key, request_hash, resource, intent_id) VALUES (?, ?, ?, ?, ?)`,
		r.AccountID, r.Key, bytea(r.RequestHash), r.Resource, r.IntentID).Error
}

func (t *paymentTx) LockRequest(id string) (payments.Request, error) {
	if !validUUID(id) {
		return payments.Request{}, payments.ErrNotFound
	}
	var ids []string
	if err := t.tx.Raw(`SELECT id::text FROM payment_requests WHERE id = ? FOR UPDATE`, id).Scan(&ids).Error; err != nil {
		return payments.Request{}, err
	}
	if len(ids) == 0 {
		return payments.Request{}, payments.ErrNotFound
	}
	return t.c.loadRequest(t.tx, id, false)
}

func (t *paymentTx) WalletAddress(accountID string) (common.Address, error) {
	return walletAddress(t.tx, accountID)
}

// Spendable is what addr may pay now (see holdingsSQL).
func (t *paymentTx) Spendable(addr common.Address) (int64, error) {
	h, err := holdingOf(t.tx, addr)
	return h.Spendable, err
}

func (t *paymentTx) NonceUsed(authorizer common.Address, nonce common.Hash) (bool, error) {
	var used []bool
	err := t.tx.Raw(`SELECT EXISTS (SELECT 1 FROM token_events WHERE event = 'AuthorizationUsed' AND from_address = ?
		AND auth_nonce = ?)`, lowerHex(authorizer), nonce.Hex()).Scan(&used).Error
	return len(used) == 1 && used[0], err
}

func (t *paymentTx) MarkPaid(r payments.Request, signature []byte) error {
	res := t.tx.Exec(`UPDATE payment_requests SET payer_id = ?, payer_address = ?, signature = ?, intent_id = ?,
		submitted_at = ? WHERE id = ? AND intent_id IS NULL AND cancelled_at IS NULL`, r.PayerID, lowerHex(r.PayerAddress),
		bytea(signature), r.IntentID, r.SubmittedAt, r.ID)
	if res.Error != nil || res.RowsAffected == 1 {
		return res.Error
	}
	var cancelled []bool
	if err := t.tx.Raw(`SELECT cancelled_at IS NOT NULL FROM payment_requests WHERE id = ?`, r.ID).Scan(&cancelled).Error; err != nil {
		return err
	}
	if len(cancelled) == 1 && cancelled[0] {
		return payments.ErrRequestCancelled
	}
	return payments.ErrAlreadyPaid
}

func (t *paymentTx) MarkCancelled(id string, at time.Time) error {
	if !validUUID(id) {
		return payments.ErrNotFound
	}
	res := t.tx.Exec(`UPDATE payment_requests SET cancelled_at = ? WHERE id = ? AND intent_id IS NULL AND cancelled_at IS NULL`,
		at, id)
	if res.Error != nil || res.RowsAffected == 1 {
		return res.Error
	}
	var paid []bool
	if err := t.tx.Raw(`SELECT intent_id IS NOT NULL FROM payment_requests WHERE id = ?`, id).Scan(&paid).Error; err != nil {
		return err
	}
	switch {
	case len(paid) == 0:
		return payments.ErrNotFound
	case paid[0]:
		return payments.ErrAlreadyPaid
	}
	return nil
}

func (t *paymentTx) Enqueue(in outbox.Intent) (outbox.Intent, error) { return enqueue(t.tx, in) }

func (t *paymentTx) RefundedCents(paymentID string) (int64, error) {
	var v []int64
	err := t.tx.Raw(`SELECT COALESCE(sum(amount_cents), 0)::bigint FROM refund_states WHERE payment_id = ? AND status <> 'failed'`,
		paymentID).Scan(&v).Error
	if err != nil || len(v) != 1 {
		return 0, err
	}
	return v[0], nil
}

func (t *paymentTx) ShopKey(shopID string) ([]byte, error) {
	var sealed [][]byte
	if err := t.tx.Raw(`SELECT private_key_enc FROM shops WHERE account_id = ? AND private_key_enc IS NOT NULL`,
		shopID).Scan(&sealed).Error; err != nil {
		return nil, err
	}
	if len(sealed) == 0 {
		return nil, fmt.Errorf("payments: shop %s has no key", shopID)
	}
	key, err := t.c.open("shops", "private_key_enc", shopID, sealed[0])
	return []byte(key), err
}

func (t *paymentTx) CreateRefund(r payments.Refund) error {
	return t.tx.Exec(`INSERT INTO refunds (id, payment_id, shop_id, shop_address, resident_address, amount_cents, reason,
		auth_nonce, intent_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.PaymentID, r.ShopID,
		lowerHex(r.ShopAddress), lowerHex(r.ResidentAddress), r.AmountCents, r.Reason, r.Nonce.Hex(), r.IntentID,
		r.CreatedAt).Error
}
