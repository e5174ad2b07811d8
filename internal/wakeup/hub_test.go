package wakeup

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/outbox"
)

// TestObservedStoreWakesWaiters checks that the sender's writes through Observe wake the intent's waiters,
// and only after the store accepted them.
func TestObservedStoreWakesWaiters(t *testing.T) {
	h := NewHub()
	sub := h.Subscribe(IntentTopic(7))
	defer sub.Close()
	fail := errors.New("database down")
	st := h.Observe(fakeOutbox{err: fail})
	st.Finish(context.Background(), []outbox.Outcome{{IntentID: 7}})
	select {
	case <-sub.C():
		t.Fatal("woken by a write that failed")
	default:
	}
	st = h.Observe(fakeOutbox{})
	st.AssignNonces(context.Background(), "relayer-0", []outbox.Signed{{IntentID: 8, TxHash: common.HexToHash("0x8")},
		{IntentID: 7, TxHash: common.HexToHash("0x7")}}, 2)
	select {
	case <-sub.C():
	case <-time.After(time.Minute):
		t.Fatal("not woken by the stored nonce")
	}
	if got := sub.TxHash(); got != common.HexToHash("0x7") {
		t.Fatalf("the waiter of intent 7 was given transaction %s, want 0x…07", got.Hex())
	}
	st.Replace(context.Background(), 7, common.HexToHash("0x77"), nil)
	<-sub.C()
	st.Finish(context.Background(), []outbox.Outcome{{IntentID: 7}})
	<-sub.C()
	if got := sub.TxHash(); got != common.HexToHash("0x77") {
		t.Fatalf("after a replacement and an outcome without a hash the waiter has %s, want 0x…77", got.Hex())
	}
	h.Close()
	<-h.Done()
}

// fakeOutbox answers every write with err.
type fakeOutbox struct {
	outbox.Store
	err error
}

func (f fakeOutbox) AssignNonces(context.Context, outbox.Signer, []outbox.Signed, uint64) error {
	return f.err
}
func (f fakeOutbox) Finish(context.Context, []outbox.Outcome) error            { return f.err }
func (f fakeOutbox) Replace(context.Context, int64, common.Hash, []byte) error { return f.err }
