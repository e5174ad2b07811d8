package payouts

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// sampleRun is an executed run of two shops, one of which refunded more in the period than it took.
func sampleRun() Run {
	r := Run{ID: "6f1c2b9e-8d4a-4c1e-9a57-0b3d2e1f4a5c", PeriodStart: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		PeriodEnd: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), FromBlock: 12, CutoffBlock: 4096, Status: StatusExecuted}
	r.Ref = RunRef(r.ID)
	r.Reference = Reference(r.Ref)
	r.Lines = []Line{
		{ShopID: "1a000000-0000-4000-8000-000000000001", ShopAddress: common.HexToAddress("0x01"), BusinessName: "Bakkerij Bart, Heerlen",
			Payments: 3, GrossCents: 2550, Refunds: 1, RefundedCents: 250, AmountCents: 2300},
		{ShopID: "2b000000-0000-4000-8000-000000000002", ShopAddress: common.HexToAddress("0x02"), BusinessName: "=HYPERLINK(\"x\")",
			Payments: 1, GrossCents: 100, Refunds: 2, RefundedCents: 300, AmountCents: 5},
	}
	return r
}

func TestReportIsByteIdenticalAndComplete(t *testing.T) {
	r := sampleRun()
	first, err := Report(r)
	if err != nil {
		t.Fatal(err)
	}
	// Status, payments and time do not enter the report.
	r.Status = StatusPaid
	now := time.Now()
	r.ExecutedAt, r.Lines[0].PaidOn = &now, &now
	second, _ := Report(r)
	if !bytes.Equal(first, second) {
		t.Fatalf("the report changed:\n%s\n%s", first, second)
	}
	want := "shop_id,business_name,payments_received,refunds,gross_eur,refunds_eur,net_eur,coins_redeemed,eur_to_pay,run_reference,period_start,period_end,cutoff_block\n" +
		"1a000000-0000-4000-8000-000000000001,\"Bakkerij Bart, Heerlen\",3,1,25.50,2.50,23.00,23.00,23.00," + r.Reference + ",2026-11-01,2026-11-30,4096\n" +
		"2b000000-0000-4000-8000-000000000002,\"'=HYPERLINK(\"\"x\"\")\",1,2,1.00,3.00,-2.00,0.05,0.05," + r.Reference + ",2026-11-01,2026-11-30,4096\n" +
		"TOTAL,2 shops,4,3,26.50,5.50,21.00,23.05,23.05," + r.Reference + ",2026-11-01,2026-11-30,4096\n"
	if string(first) != want {
		t.Fatalf("report:\n%s\nwant:\n%s", first, want)
	}
	if !strings.HasPrefix(r.Reference, "HEITJE-") || len(r.Reference) != 19 || r.Reference != strings.ToUpper(r.Reference) {
		t.Fatalf("reference %q", r.Reference)
	}
}

func TestEuros(t *testing.T) {
	for cents, want := range map[int64]string{0: "0.00", 5: "0.05", 100: "1.00", 1234: "12.34", -5: "-0.05", -1234: "-12.34",
		100_000_000_01: "100000000.01"} {
		if got := Euros(cents); got != want {
			t.Errorf("Euros(%d) = %q, want %q", cents, got, want)
		}
	}
}

func TestLineStatus(t *testing.T) {
	day := time.Now()
	for _, c := range []struct {
		l    Line
		want LineStatus
	}{
		{Line{}, LinePlanned},
		{Line{IntentID: 7, IntentStatus: "queued"}, LineRedeeming},
		{Line{IntentID: 7, IntentStatus: "sent"}, LineRedeeming},
		{Line{IntentID: 7, IntentStatus: "confirmed"}, LineRedeeming},
		{Line{IntentID: 7, IntentStatus: "failed"}, LineFailed},
		{Line{IntentID: 7, IntentStatus: "confirmed", RedeemedBlock: 9}, LineRedeemed},
		{Line{IntentID: 7, RedeemedBlock: 9, PaidOn: &day}, LinePaid},
	} {
		if got := c.l.Status(); got != c.want {
			t.Errorf("%+v: %s, want %s", c.l, got, c.want)
		}
	}
}

func TestRedeemIntentKeysAndReference(t *testing.T) {
	r := sampleRun()
	in := RedeemIntent(r, r.Lines[0], 1)
	if in.IdempotencyKey != "payout:"+r.ID+":"+r.Lines[0].ShopID || in.Signer != RedeemSigner || in.Kind != "redeem" ||
		in.Args.From != r.Lines[0].ShopAddress || in.Args.Amount.Int64() != 2300 || in.Args.Ref != RunRef(r.ID) {
		t.Fatalf("intent %+v", in)
	}
	if again := RedeemIntent(r, r.Lines[0], 2); again.IdempotencyKey != in.IdempotencyKey+":2" {
		t.Fatalf("second attempt key %q", again.IdempotencyKey)
	}
	// The reference on chain is an opaque hash: neither the run id nor anything else readable.
	if bytes.Contains(in.Args.Ref.Bytes(), []byte(r.ID[:8])) || in.Args.Ref == (common.Hash{}) {
		t.Fatal("the reference is not opaque")
	}
}
