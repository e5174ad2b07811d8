// Package idempotency is the one rule for the coin-moving requests that carry an Idempotency-Key (a payment,
// a refund, the execution of a payout run): the key is stored with a hash of the request and what the
// request made, in the same transaction as the change it made. The same key again with the same request is
// a replay, answered from the record; with another request it is ErrConflict.
package idempotency

import (
	"bytes"
	"errors"
)

// Record is what a request left behind under its account's Idempotency-Key: the hash of the request and
// what it made (Resource, e.g. "payment:<id>", and the first chain intent it wrote).
type Record struct {
	AccountID   string
	Key         string
	RequestHash []byte
	Resource    string
	IntentID    int64
}

// Keys keeps the records inside a domain's transaction; the store implements it once for every domain.
type Keys interface {
	// Idempotency finds the record of an account's key; ok is false when the key is unused.
	Idempotency(accountID, key string) (rec Record, ok bool, err error)
	// SaveIdempotency stores a record; the transaction fails if the account's key is taken meanwhile.
	SaveIdempotency(rec Record) error
}

// ErrConflict is a key used again for a different request.
var ErrConflict = errors.New("idempotency: the Idempotency-Key was used for a different request")

// Replay looks up the account's key for a request with hash requestHash: the stored record and true when
// an earlier request with the same hash used it, ErrConflict when another request did, false when the key
// is unused.
func Replay(keys Keys, accountID, key string, requestHash []byte) (Record, bool, error) {
	rec, ok, err := keys.Idempotency(accountID, key)
	if err != nil || !ok {
		return Record{}, false, err
	}
	return Check(rec, requestHash)
}

// Check is Replay for a record already read under the key (a payment reads it with the rest of its facts):
// rec and true when the request with hash requestHash made it, ErrConflict when another request did.
func Check(rec Record, requestHash []byte) (Record, bool, error) {
	if !bytes.Equal(rec.RequestHash, requestHash) {
		return Record{}, false, ErrConflict
	}
	return rec, true, nil
}
