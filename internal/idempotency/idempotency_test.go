package idempotency

import (
	"errors"
	"testing"
)

// memKeys keeps records in a map, as the store's table does under its unique key.
type memKeys map[[2]string]Record

func (m memKeys) Idempotency(accountID, key string) (Record, bool, error) {
	r, ok := m[[2]string{accountID, key}]
	return r, ok, nil
}

func (m memKeys) SaveIdempotency(r Record) error {
	m[[2]string{r.AccountID, r.Key}] = r
	return nil
}

type failingKeys struct{ memKeys }

var errDown = errors.New("database down")

func (failingKeys) Idempotency(string, string) (Record, bool, error) { return Record{}, false, errDown }

func TestReplay(t *testing.T) {
	keys := memKeys{}
	if _, ok, err := Replay(keys, "a", "k", []byte{1}); ok || err != nil {
		t.Fatalf("unused key: replay %v, %v", ok, err)
	}
	saved := Record{AccountID: "a", Key: "k", RequestHash: []byte{1}, Resource: "payment:p", IntentID: 7}
	if err := keys.SaveIdempotency(saved); err != nil {
		t.Fatal(err)
	}
	rec, ok, err := Replay(keys, "a", "k", []byte{1})
	if !ok || err != nil || rec.Resource != "payment:p" || rec.IntentID != 7 {
		t.Fatalf("same request: %+v, %v, %v; want the stored record", rec, ok, err)
	}
	if _, ok, err := Replay(keys, "a", "k", []byte{2}); ok || !errors.Is(err, ErrConflict) {
		t.Fatalf("another request under the key: %v, %v; want ErrConflict", ok, err)
	}
	if _, ok, err := Replay(keys, "b", "k", []byte{2}); ok || err != nil {
		t.Fatalf("another account's key: %v, %v; want unused", ok, err)
	}
	if _, ok, err := Replay(failingKeys{}, "a", "k", []byte{1}); ok || !errors.Is(err, errDown) {
		t.Fatalf("failing store: %v, %v", ok, err)
	}
}
