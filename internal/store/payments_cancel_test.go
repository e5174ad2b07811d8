package store

import (
	"errors"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payments"
)

// cancel cancels a request in one transaction under its row lock, as the service does.
func (f *paymentFixture) cancel(id string) error {
	return f.s.InTx(f.ctx, func(tx payments.Tx) error {
		if _, err := tx.LockRequest(id); err != nil {
			return err
		}
		return tx.MarkCancelled(id, time.Now())
	})
}

// TestCancelledRequests: a cancelled request has the status cancelled, also once its expiry time passed;
// it cannot be marked paid (also by a payer who skips the status check); cancelling it again changes
// nothing; a paid request cannot be cancelled and an unknown one is not found.
func TestCancelledRequests(t *testing.T) {
	f := newPaymentFixture(t)
	r, paid := f.request(t, 300, time.Hour), f.request(t, 200, time.Hour)
	if err := f.cancel(r.ID); err != nil {
		t.Fatal(err)
	}
	f.expect(t, r.ID, payments.StatusCancelled, 1000)
	first, err := f.s.Request(f.ctx, r.ID)
	if err != nil || first.CancelledAt == nil || first.Paid() {
		t.Fatalf("cancelled request: %+v %v", first, err)
	}
	if _, err := f.db.SQL().Exec(`UPDATE payment_requests SET expires_at = created_at + interval '1 second' WHERE id = $1`, r.ID); err != nil {
		t.Fatal(err)
	}
	f.expect(t, r.ID, payments.StatusCancelled, 1000)
	if _, err := f.pay(r.ID, f.residentID); !errors.Is(err, payments.ErrRequestCancelled) {
		t.Fatalf("paying a cancelled request: %v", err)
	}
	spare, err := f.db.Outbox().Enqueue(f.ctx, outbox.Intent{Signer: "relayer-0", Kind: outbox.KindTransferWithAuthorization,
		IdempotencyKey: "spare", Args: outbox.Args{From: common.HexToAddress("0xbeef"), Amount: big.NewInt(1)}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.SQL().Exec(`UPDATE payment_requests SET payer_id = $2, payer_address = '0x00000000000000000000000000000000000000a1',
		signature = decode(repeat('00', 65), 'hex'), intent_id = $3, submitted_at = now() WHERE id = $1`,
		r.ID, f.residentID, spare.ID); err == nil || !strings.Contains(err.Error(), "payment_requests_cancelled_unpaid") {
		t.Fatalf("the schema let a cancelled request be paid: %v", err)
	}
	if err := f.cancel(r.ID); err != nil {
		t.Fatalf("cancelling again: %v", err)
	}
	if again, _ := f.s.Request(f.ctx, r.ID); again.CancelledAt == nil || !again.CancelledAt.Equal(*first.CancelledAt) {
		t.Fatalf("cancelling again moved the time: %v, was %v", again.CancelledAt, first.CancelledAt)
	}
	f.expect(t, r.ID, payments.StatusCancelled, 1000)

	if _, err := f.pay(paid.ID, f.residentID); err != nil {
		t.Fatal(err)
	}
	if err := f.cancel(paid.ID); !errors.Is(err, payments.ErrAlreadyPaid) {
		t.Fatalf("cancelling a paid request: %v", err)
	}
	f.expect(t, paid.ID, payments.StatusSubmitted, 800)
	if err := f.cancel(uuid.NewString()); !errors.Is(err, payments.ErrNotFound) {
		t.Fatalf("cancelling an unknown request: %v", err)
	}
}

// TestCancelAndPayRace lets a cancel and ten payments under different account locks go at one request at
// once, twenty times: the request's row lock lets exactly one side through. Either the request is cancelled
// and every payment was refused as cancelled, or one payment went through and the cancel (and the other
// payments) found it paid.
func TestCancelAndPayRace(t *testing.T) {
	f := newPaymentFixture(t)
	outcomes := map[payments.Status]int{}
	for range 20 {
		r := f.request(t, 10, time.Hour)
		var wg sync.WaitGroup
		start := make(chan struct{})
		pays := make([]error, 10)
		var cancelErr error
		for i := range pays {
			wg.Add(1)
			go func() { defer wg.Done(); <-start; _, pays[i] = f.pay(r.ID, uuid.NewString()) }()
		}
		wg.Add(1)
		go func() { defer wg.Done(); <-start; cancelErr = f.cancel(r.ID) }()
		close(start)
		wg.Wait()
		got, err := f.s.Request(f.ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		outcomes[got.Status]++
		ok, cancelled, alreadyPaid := 0, 0, 0
		for _, err := range pays {
			switch {
			case err == nil:
				ok++
			case errors.Is(err, payments.ErrRequestCancelled):
				cancelled++
			case errors.Is(err, payments.ErrAlreadyPaid):
				alreadyPaid++
			default:
				t.Fatalf("payment: %v", err)
			}
		}
		switch got.Status {
		case payments.StatusCancelled:
			if cancelErr != nil || ok != 0 || got.Paid() || cancelled != 10 {
				t.Fatalf("cancelled, yet cancel said %v, %d payments went through and %d were refused as cancelled", cancelErr, ok, cancelled)
			}
		case payments.StatusSubmitted:
			if !errors.Is(cancelErr, payments.ErrAlreadyPaid) || ok != 1 || alreadyPaid != 9 || got.CancelledAt != nil {
				t.Fatalf("paid, yet cancel said %v, %d payments went through, %d refused as cancelled", cancelErr, ok, cancelled)
			}
		default:
			t.Fatalf("after the race the request is %s", got.Status)
		}
	}
	t.Logf("outcomes: %v", outcomes)
}
