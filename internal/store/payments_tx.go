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
	idempotencyKeys
	tx *gorm.DB
	c  cryptor
}

var _ payments.Tx = (*paymentTx)(nil)

func (t *paymentTx) LockAccount(id string) error {
	return failed("paymentTx.LockAccount", t.tx.Exec(`SELECT pg_advisory_xact_lock(?, hashtext(?))`, paymentsLockSpace, id).Error)
}

func (t *paymentTx) LockRequest(id string) (payments.Request, error) {
	if !validUUID(id) {
		return payments.Request{}, payments.ErrNotFound
	}
	var ids []string
	if err := t.tx.Raw(`SELECT id::text FROM payment_requests WHERE id = ? FOR UPDATE`, id).Scan(&ids).Error; err != nil {
		return payments.Request{}, failed("paymentTx.LockRequest", err)
	}
	if len(ids) == 0 {
		return payments.Request{}, payments.ErrNotFound
	}
	return t.c.loadRequest(t.tx, id, false)
}

// Spendable is what addr may pay now (see holdingsSQL).
func (t *paymentTx) Spendable(addr common.Address) (int64, error) {
	h, err := holdingOf(t.tx, addr)
	return h.Spendable, failed("paymentTx.Spendable", err)
}

func (t *paymentTx) MarkCancelled(id string, at time.Time) error {
	if !validUUID(id) {
		return payments.ErrNotFound
	}
	res := t.tx.Exec(`UPDATE payment_requests SET cancelled_at = ? WHERE id = ? AND intent_id IS NULL AND cancelled_at IS NULL`,
		at, id)
	if res.Error != nil || res.RowsAffected == 1 {
		return failed("paymentTx.MarkCancelled", res.Error)
	}
	var paid []bool
	if err := t.tx.Raw(`SELECT intent_id IS NOT NULL FROM payment_requests WHERE id = ?`, id).Scan(&paid).Error; err != nil {
		return failed("paymentTx.MarkCancelled", err)
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
		return 0, failed("paymentTx.RefundedCents", err)
	}
	return v[0], nil
}

func (t *paymentTx) ShopKey(shopID string) ([]byte, error) {
	var sealed [][]byte
	if err := t.tx.Raw(`SELECT private_key_enc FROM shops WHERE account_id = ? AND private_key_enc IS NOT NULL`,
		shopID).Scan(&sealed).Error; err != nil {
		return nil, failed("paymentTx.ShopKey", err)
	}
	if len(sealed) == 0 {
		return nil, fmt.Errorf("payments: shop %s has no key", shopID)
	}
	key, err := t.c.open("shops", "private_key_enc", shopID, sealed[0])
	return []byte(key), failed("paymentTx.ShopKey", err)
}

func (t *paymentTx) CreateRefund(r payments.Refund) error {
	return failed("paymentTx.CreateRefund", t.tx.Exec(`INSERT INTO refunds (id, payment_id, shop_id, shop_address, resident_address, amount_cents, reason,
		auth_nonce, intent_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.PaymentID, r.ShopID,
		lowerHex(r.ShopAddress), lowerHex(r.ResidentAddress), r.AmountCents, r.Reason, r.Nonce.Hex(), r.IntentID,
		r.CreatedAt).Error)
}
