package store

import (
	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/idempotency"
)

// idempotencyKeys keeps the idempotency_keys rows inside one transaction: the one implementation of
// idempotency.Keys that the payments' and the payouts' transactions embed. The table's primary key
// (account_id, key) refuses a second record under a key, so of two requests racing with one key only one
// commits.
type idempotencyKeys struct{ tx *gorm.DB }

var _ idempotency.Keys = idempotencyKeys{}

// Idempotency finds the record of an account's key; ok is false when the key is unused.
func (k idempotencyKeys) Idempotency(accountID, key string) (idempotency.Record, bool, error) {
	var rows []struct {
		RequestHash []byte
		Resource    string
		IntentID    int64
	}
	if err := k.tx.Raw(`SELECT request_hash, resource, intent_id FROM idempotency_keys WHERE account_id = ? AND key = ?`,
		accountID, key).Scan(&rows).Error; err != nil {
		return idempotency.Record{}, false, failed("idempotencyKeys.Idempotency", err)
	}
	if len(rows) == 0 {
		return idempotency.Record{}, false, nil
	}
	r := rows[0]
	return idempotency.Record{AccountID: accountID, Key: key, RequestHash: r.RequestHash, Resource: r.Resource,
		IntentID: r.IntentID}, true, nil
}

// SaveIdempotency stores a record.
func (k idempotencyKeys) SaveIdempotency(r idempotency.Record) error {
	return failed("idempotencyKeys.SaveIdempotency", k.tx.Exec(`INSERT INTO idempotency_keys (account_id, key,
		request_hash, resource, intent_id) VALUES (?, ?, ?, ?, ?)`,
		r.AccountID, r.Key, bytea(r.RequestHash), r.Resource, r.IntentID).Error)
}
