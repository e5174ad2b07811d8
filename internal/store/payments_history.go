package store

import (
	"context"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/payments"
)

// History lists paid requests of a payer or a shop, newest first, each with its refunds, narrowed by the
// filter's submission period and reference.
func (s *PaymentStore) History(ctx context.Context, f payments.HistoryFilter) ([]payments.Request, error) {
	db := s.db.WithContext(ctx)
	q := db.Table("payment_request_states AS v").Select(requestColumns + ", s.legal_name_enc").
		Joins("JOIN shops s ON s.account_id = v.shop_id").Where("v.intent_id IS NOT NULL")
	switch {
	case f.PayerID != "" && validUUID(f.PayerID):
		q = q.Where("v.payer_id = ?", f.PayerID)
	case f.ShopID != "" && validUUID(f.ShopID):
		q = q.Where("v.shop_id = ?", f.ShopID)
	default:
		return []payments.Request{}, nil
	}
	if !f.From.IsZero() {
		q = q.Where("v.submitted_at >= ? AND v.submitted_at < ?", f.From, f.To)
	}
	if f.Reference != "" {
		q = q.Where("v.reference = ?", f.Reference)
	}
	var rows []requestRow
	if err := q.Order("v.submitted_at DESC, v.id").Limit(f.Limit).Offset(f.Offset).Scan(&rows).Error; err != nil {
		return nil, failed("PaymentStore.History", err)
	}
	out := make([]payments.Request, 0, len(rows))
	index := map[string]int{}
	ids := make([]string, 0, len(rows))
	for _, r := range rows {
		p, err := s.c.request(r)
		if err != nil {
			return nil, failed("PaymentStore.History", err)
		}
		index[p.ID] = len(out)
		ids = append(ids, p.ID)
		out = append(out, p)
	}
	if len(ids) == 0 {
		return out, nil
	}
	refunds, err := s.refunds(ctx, ids)
	if err != nil {
		return nil, failed("PaymentStore.History", err)
	}
	for _, r := range refunds {
		i := index[r.PaymentID]
		out[i].Refunds = append(out[i].Refunds, r)
	}
	return out, nil
}

// refunds loads the refunds of the given payments, oldest first.
func (s *PaymentStore) refunds(ctx context.Context, paymentIDs []string) ([]payments.Refund, error) {
	var rows []struct {
		ID              string
		PaymentID       string
		ShopID          string
		ShopAddress     string
		ResidentAddress string
		AmountCents     int64
		Reason          string
		AuthNonce       string
		IntentID        int64
		CreatedAt       time.Time
		Status          string
		TxHash          *string
		BlockNumber     *int64
		Failure         string
		DoneAt          *time.Time
	}
	err := s.db.WithContext(ctx).Raw(`SELECT id::text AS id, payment_id::text AS payment_id, shop_id::text AS shop_id,
		shop_address, resident_address, amount_cents, reason, auth_nonce, intent_id, created_at, status, tx_hash,
		block_number, failure, done_at FROM refund_states WHERE payment_id IN ? ORDER BY created_at, id`, paymentIDs).
		Scan(&rows).Error
	if err != nil {
		return nil, failed("PaymentStore.refunds", err)
	}
	out := make([]payments.Refund, len(rows))
	for i, r := range rows {
		out[i] = payments.Refund{ID: r.ID, PaymentID: r.PaymentID, ShopID: r.ShopID, ShopAddress: common.HexToAddress(r.ShopAddress),
			ResidentAddress: common.HexToAddress(r.ResidentAddress), AmountCents: r.AmountCents, Reason: r.Reason,
			Nonce: common.HexToHash(r.AuthNonce), IntentID: r.IntentID, CreatedAt: r.CreatedAt.UTC(),
			Status: payments.Status(r.Status), Failure: r.Failure, DoneAt: r.DoneAt}
		if r.TxHash != nil {
			out[i].TxHash = common.HexToHash(*r.TxHash)
		}
		if r.BlockNumber != nil {
			out[i].BlockNumber = uint64(*r.BlockNumber)
		}
	}
	return out, nil
}

// Takings sums the shop's payments and refunds confirmed in [from, to).
func (s *PaymentStore) Takings(ctx context.Context, shopID string, from, to time.Time) (payments.Takings, error) {
	var t payments.Takings
	if !validUUID(shopID) {
		return t, payments.ErrNotFound
	}
	var rows []struct {
		Payments      int
		GrossCents    int64
		Refunds       int
		RefundedCents int64
	}
	err := s.db.WithContext(ctx).Raw(`SELECT p.n AS payments, p.cents AS gross_cents, r.n AS refunds, r.cents AS refunded_cents
		FROM (SELECT count(*) AS n, COALESCE(sum(amount_cents), 0)::bigint AS cents FROM payment_request_states
			WHERE shop_id = @shop AND intent_id IS NOT NULL AND status = 'confirmed' AND done_at >= @from AND done_at < @to) p,
		     (SELECT count(*) AS n, COALESCE(sum(amount_cents), 0)::bigint AS cents FROM refund_states
			WHERE shop_id = @shop AND status = 'confirmed' AND done_at >= @from AND done_at < @to) r`,
		map[string]any{"shop": shopID, "from": from, "to": to}).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return t, failed("PaymentStore.Takings", err)
	}
	r := rows[0]
	return payments.Takings{Payments: r.Payments, GrossCents: r.GrossCents, Refunds: r.Refunds, RefundedCents: r.RefundedCents}, nil
}
