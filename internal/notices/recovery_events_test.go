package notices_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/recovery"
	"github.com/heerlen/heitje/internal/store"
)

// recoveriesBack is the recovery store whose every transaction rolls back after the event's work.
type recoveriesBack struct{ *store.RecoveryStore }

func (s recoveriesBack) InTx(ctx context.Context, fn func(recovery.Tx) error) error {
	return s.RecoveryStore.InTx(ctx, func(tx recovery.Tx) error { return errors.Join(fn(tx), errRolledBack) })
}

// pendingChain is a coin that holds every recovery asked of it as pending, executable at a fixed time.
type pendingChain struct{ at time.Time }

func (c pendingChain) Recovery(context.Context, common.Hash) (recovery.OnChain, error) {
	return recovery.OnChain{Pending: true, ExecutableAt: c.at}, nil
}

// signCancel is the lost key's signature of r's CancelRecovery message, in hex.
func signCancel(t *testing.T, d recovery.Domain, r recovery.Recovery, key *ecdsa.PrivateKey) string {
	t.Helper()
	digest, err := recovery.CancelTypedData(d, r).Hash()
	if err != nil {
		t.Fatal(err)
	}
	sig, err := crypto.Sign(digest[:], key)
	if err != nil {
		t.Fatal(err)
	}
	sig[64] += 27
	return fmt.Sprintf("0x%x", sig)
}

// TestRecoveryNotices: a recovery asked for, cancelled by the lost key, and (a second one) approved by two
// members of staff and on chain each tell the resident once, written in the step's transaction (none for a
// rolled-back step), delivered in the app and by e-mail to the SMTP server, retried after it failed.
func TestRecoveryNotices(t *testing.T) {
	e := newEnv(t)
	approver := e.staff("tweede", "tweede@heitje.example", accounts.PrivAccountsApprove)
	at := time.Now().Add(72 * time.Hour).Truncate(time.Second).UTC()
	d := recovery.Domain{ChainID: 6411, Token: common.HexToAddress("0x00000000000000000000000000000000000000c0")}
	svc := recovery.New(e.db.Recoveries(), pendingChain{at}, d, true)
	back := recovery.New(recoveriesBack{e.db.Recoveries()}, pendingChain{at}, d, true)
	p, lost := e.residentWithKey("joep", "joep@example.nl", notices.English)
	ask := func(svc *recovery.Service) (recovery.Recovery, error) {
		key, _ := crypto.GenerateKey()
		sig, nonce := e.signChallenge(p, key)
		return svc.Ask(e.ctx, p, crypto.PubkeyToAddress(key.PublicKey).Hex(), sig, nonce)
	}

	if _, err := ask(back); !errors.Is(err, errRolledBack) {
		t.Fatalf("rolled-back ask: %v", err)
	}
	e.none(p.AccountID, notices.KindRecoveryAsked, "a rolled-back ask")
	first, err := ask(svc)
	if err != nil {
		t.Fatal(err)
	}
	e.delivered(e.written(notices.RecoveryAsked(p.AccountID, first.ID)), "joep@example.nl", notices.English)

	sig := signCancel(t, d, first, lost)
	if _, err := back.Cancel(e.ctx, first.ID, sig); !errors.Is(err, errRolledBack) {
		t.Fatalf("rolled-back cancellation: %v", err)
	}
	e.none(p.AccountID, notices.KindRecoveryCancelled, "a rolled-back cancellation")
	if _, err := svc.Cancel(e.ctx, first.ID, sig); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Cancel(e.ctx, first.ID, sig); !errors.Is(err, recovery.ErrInvalidState) {
		t.Fatalf("cancelling again: %v", err)
	}
	e.delivered(e.written(notices.RecoveryCancelled(p.AccountID, first.ID)), "joep@example.nl", notices.English)

	second, err := ask(svc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Verify(e.ctx, e.admin, second.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Approve(e.ctx, e.admin, second.ID); !errors.Is(err, recovery.ErrSameStaff) {
		t.Fatalf("approved by the one who verified: %v", err)
	}
	r, err := svc.Approve(e.ctx, approver, second.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Settle(e.ctx); err != nil {
		t.Fatal(err)
	}
	e.none(p.AccountID, notices.KindRecoveryApproved, "an approval whose request is not on chain yet")
	e.exec(`UPDATE chain_intents SET status = 'confirmed', nonce = id WHERE id = $1`, r.RequestIntentID)
	if _, err := back.Settle(e.ctx); !errors.Is(err, errRolledBack) {
		t.Fatalf("rolled-back settling: %v", err)
	}
	e.none(p.AccountID, notices.KindRecoveryApproved, "a rolled-back settling")
	for range 2 {
		if _, err := svc.Settle(e.ctx); err != nil {
			t.Fatal(err)
		}
	}
	want := notices.RecoveryApproved(p.AccountID, second.ID, at)
	if want.Params["executable_at"] != at.Format(time.RFC3339) {
		t.Fatalf("the time the coins move: %v", want.Params)
	}
	e.delivered(e.written(want), "joep@example.nl", notices.English)
}
