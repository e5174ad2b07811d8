package privacy_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/recovery"
)

// TestOpenRecoveryBlocksErasure: a key recovery asked, verified, or approved with its coins not moved yet
// blocks the resident's erasure (the coins would still move, with no account left to book them to), and the
// refusal says so and changes nothing; once the recovery is executed the erasure goes through.
func TestOpenRecoveryBlocksErasure(t *testing.T) {
	e := newEnv(t)
	p, addr := e.resident("hennie", "hennie@example.org", "+31612345678")
	rec := recovery.Recovery{ID: uuid.NewString(), AccountID: p.AccountID, From: strings.ToLower(addr),
		To: strings.ToLower(common.BytesToAddress([]byte("hennie's new key")).Hex())}
	e.exec(`INSERT INTO key_recoveries (id, account_id, from_address, to_address, status, asked_at)
		VALUES ($1, $2, $3, $4, 'asked', now())`, rec.ID, rec.AccountID, rec.From, rec.To)
	req, err := e.svc.FileRequest(e.ctx, p, privacy.RequestInput{Kind: privacy.KindErasure, Details: "Alles weg graag"})
	if err != nil {
		t.Fatal(err)
	}
	blocked := func(stage string) {
		t.Helper()
		_, err := e.svc.CloseRequest(e.ctx, e.officer, req.ID, privacy.DecisionGranted, "")
		var b *privacy.BlockedError
		if !errors.As(err, &b) || !errors.Is(err, privacy.ErrErasureBlocked) || len(b.Reasons) != 1 ||
			!strings.HasPrefix(b.Reasons[0], "1 key recovery") {
			t.Fatalf("erasure with a recovery %s: %v, want blocked by the one recovery", stage, err)
		}
		if e.count(`SELECT count(*) FROM accounts WHERE id = $1 AND status <> 'erased'`, p.AccountID) != 1 ||
			e.count(`SELECT count(*) FROM key_recoveries WHERE id = $1`, rec.ID) != 1 {
			t.Fatalf("the blocked erasure (recovery %s) changed something", stage)
		}
	}
	blocked("asked")
	e.exec(`UPDATE key_recoveries SET status = 'verified', verified_by = $2, verified_at = now() WHERE id = $1`,
		rec.ID, e.admin.AccountID)
	blocked("verified")
	request := e.intent(recovery.Signer, outbox.KindRequestRecovery, recovery.RequestIntent(rec).IdempotencyKey, rec.From, rec.To, 0)
	e.exec(`UPDATE key_recoveries SET status = 'approved', approved_by = $2, approved_at = now(), request_intent_id = $3,
		executable_at = now() WHERE id = $1`, rec.ID, e.reviewer.AccountID, request)
	blocked("approved but not executed")
	e.exec(`UPDATE key_recoveries SET status = 'executed', done_at = now() WHERE id = $1`, rec.ID)
	if _, err := e.svc.CloseRequest(e.ctx, e.officer, req.ID, privacy.DecisionGranted, ""); err != nil {
		t.Fatalf("erasure once the recovery was executed: %v", err)
	}
	if e.count(`SELECT count(*) FROM accounts WHERE id = $1`, p.AccountID) != 0 {
		t.Fatal("the resident is still there after the erasure")
	}
}

// TestBlockersWordWhatIsUnderWay: every count under way becomes a reason in words without personal data;
// a shop's own (open requests, unpaid lines, coins held) block a shop only.
func TestBlockersWordWhatIsUnderWay(t *testing.T) {
	all := privacy.UnderWay{OpenClaims: 1, Minting: 2, Paying: 3, Refunding: 4, OpenRequests: 5, Unpaid: 6, BalanceCents: 700,
		Recoveries: 1}
	shop := privacy.Blockers(privacy.Subject{Role: "shop"}, all)
	want := []string{"1 open claim", "2 reward", "3 payment", "4 refund", "1 key recovery", "5 open payment request",
		"6 payout line", "the shop still holds 700 cents"}
	if len(shop) != len(want) {
		t.Fatalf("shop: %q, want %d reasons", shop, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(shop[i], w) {
			t.Errorf("shop reason %d: %q, want it to start with %q", i, shop[i], w)
		}
	}
	if resident := privacy.Blockers(privacy.Subject{Role: "resident"}, all); len(resident) != 5 {
		t.Errorf("resident: %q, want the five reasons that are not a shop's", resident)
	}
	if none := privacy.Blockers(privacy.Subject{Role: "shop"}, privacy.UnderWay{}); len(none) != 0 {
		t.Errorf("nothing under way: %q", none)
	}
}
