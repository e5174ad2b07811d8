package payouts

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// TestShopCSV: a shop's payouts and statement as CSV, written as the consolidated report is: commas, euros
// with two decimals and a point, dates 2006-01-02, a formula-like bank reference quoted; the statement's
// times in the municipality's zone and its outgoing coins negative.
func TestShopCSV(t *testing.T) {
	r := sampleRun()
	paidOn := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	paid, open := r.Lines[0], r.Lines[1]
	paid.PaidOn, paid.BankReference, paid.RedeemedBlock = &paidOn, "=BANK 7", 4100
	open.IntentID = 9
	run := r
	run.Lines = nil
	got, err := WriteShopPayouts([]ShopPayout{{Run: run, Line: paid}, {Run: run, Line: open}})
	if err != nil {
		t.Fatal(err)
	}
	header := "run_reference,period_start,period_end,payments_received,refunds,gross_eur,refunds_eur,net_eur,coins_redeemed,eur_paid,paid_on,bank_reference,status,run_id\n"
	want := header +
		r.Reference + ",2026-11-01,2026-11-30,3,1,25.50,2.50,23.00,23.00,23.00,2026-12-03,'=BANK 7,paid," + r.ID + "\n" +
		r.Reference + ",2026-11-01,2026-11-30,1,2,1.00,3.00,-2.00,0.05,,,,redeeming," + r.ID + "\n"
	if string(got) != want {
		t.Fatalf("payouts:\n%s\nwant:\n%s", got, want)
	}
	if got, _ := WriteShopPayouts(nil); string(got) != header {
		t.Fatalf("no payouts: %q", got)
	}

	zone, _ := time.LoadLocation("Europe/Amsterdam")
	st := Statement{Run: run, Line: paid, Entries: []Entry{
		{BlockNumber: 20, At: time.Date(2026, 11, 2, 8, 15, 0, 0, time.UTC), TxHash: common.HexToHash("0xa1"), Kind: EntryPayment, AmountCents: 2550},
		{BlockNumber: 31, At: time.Date(2026, 11, 30, 23, 30, 5, 0, time.UTC), TxHash: common.HexToHash("0xb2"), Kind: EntryRefund, AmountCents: 250},
		{BlockNumber: 4100, At: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), TxHash: common.HexToHash("0xc3"), Kind: EntryRedemption, AmountCents: 2300},
	}}
	got, err = WriteStatement(st, zone)
	if err != nil {
		t.Fatal(err)
	}
	want = "run_reference,date,time,kind,amount_eur,block_number,tx_hash\n" +
		r.Reference + ",2026-11-02,09:15:00,payment,25.50,20," + common.HexToHash("0xa1").Hex() + "\n" +
		r.Reference + ",2026-12-01,00:30:05,refund,-2.50,31," + common.HexToHash("0xb2").Hex() + "\n" +
		r.Reference + ",2026-12-01,10:00:00,redemption,-23.00,4100," + common.HexToHash("0xc3").Hex() + "\n"
	if string(got) != want {
		t.Fatalf("statement:\n%s\nwant:\n%s", got, want)
	}
}
