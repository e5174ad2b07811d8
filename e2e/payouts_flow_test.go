package e2e_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/payouts"
)

// TestPayoutEndToEnd: three residents earn rewards through the chores flow and pay at two shops over HTTP
// (one payment partly refunded); finance drafts a payout run for the period (a second one for the same
// period is refused), downloads the report twice (byte-identical, its hash stored, no resident in it),
// executes the run once, and the Redeemed events on chain equal the report's lines. The bank file
// validates against the pain.001.001.03 schema and its export is audited; the run is marked paid and the
// shops see it; the same period cannot be run again; reconciliation is clean, also as the periodic gauge.
func TestPayoutEndToEnd(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.cfg.SEPADebtor = &payouts.Debtor{Name: "Gemeente Heerlen", IBAN: "NL91ABNA0417164300", BIC: "BNGHNL2G"}
	p.cfg.ReconcileInterval = 10 * time.Second
	p.serve()
	bakker, slager := p.newShop("bakker-bart", true), p.newShop("slager-sam", true)
	p.newShop("nog-niet-actief", false)
	reviewerTok := p.reviewer("keurder")
	rs := p.residents(3)
	p.reward(rs, 1500, reviewerTok)
	tokens := make([]string, len(rs))
	for i, r := range rs {
		tokens[i] = p.login(r.p.Username)
	}
	p.pay(bakker, rs[0], tokens[0], 1000)
	p.pay(bakker, rs[1], tokens[1], 250)
	p.pay(slager, rs[1], tokens[1], 700)
	refunded := p.pay(slager, rs[2], tokens[2], 300)
	p.refund(slager, refunded, 100, "one sausage too many", "refund-1", http.StatusCreated)
	p.waitFor("the refund", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM refund_states WHERE status = 'confirmed'`) == 1
	})
	p.waitIndexed()

	fin := p.finance("penningmeester")
	period := map[string]any{"period_start": today(t).AddDate(0, 0, -30).Format(time.DateOnly), "period_end": today(t).Format(time.DateOnly)}
	p.expect(http.StatusForbidden, "forbidden", "POST", "/v1/admin/payouts", reviewerTok, period)
	run := p.expect(http.StatusCreated, "", "POST", "/v1/admin/payouts", fin, period)
	id := run["id"].(string)
	p.expect(http.StatusConflict, "payout_run_open", "POST", "/v1/admin/payouts", fin, period)
	if run["status"] != "draft" || len(run["lines"].([]any)) != 2 {
		t.Fatalf("draft: %v", run)
	}

	// The report: twice the same bytes, the hash stored with the run, shops only.
	code, first, hdr := p.raw("GET", "/v1/admin/payouts/"+id+"/report.csv", fin)
	_, second, _ := p.raw("GET", "/v1/admin/payouts/"+id+"/report.csv", fin)
	sum := sha256.Sum256(first)
	if code != http.StatusOK || !bytes.Equal(first, second) || hdr.Get("X-Report-SHA256") != hex.EncodeToString(sum[:]) ||
		!strings.HasPrefix(hdr.Get("Content-Type"), "text/csv") {
		t.Fatalf("report: %d %v\n%s\n%s", code, hdr, first, second)
	}
	lines, total := reportLines(t, first)
	if lines[bakker.id] != 1250 || lines[slager.id] != 900 || len(lines) != 2 || total[0] != "TOTAL" || total[8] != "21.50" ||
		!strings.Contains(string(first), bakker.name) || !strings.Contains(string(first), run["reference"].(string)) {
		t.Fatalf("report lines %v, total %v\n%s", lines, total, first)
	}
	var who []string
	for _, r := range rs {
		who = append(who, r.p.Username, r.p.AccountID, r.addr.Hex(), strings.TrimPrefix(lower(r.addr), "0x"))
	}
	if found := mentions(string(first), who...); len(found) > 0 {
		t.Fatalf("the report names residents: %v", found)
	}
	// The same report as a workbook for Dutch spreadsheets: amounts as numbers.
	code, book, hdr := p.raw("GET", "/v1/admin/payouts/"+id+"/report.xlsx", fin)
	if code != http.StatusOK || hdr.Get("Content-Type") != payouts.XLSXContentType {
		t.Fatalf("report.xlsx: %d %v", code, hdr)
	}
	if rows := workbookRows(t, book); len(rows) != 4 || rows[3][0] != "TOTAAL" || rows[3][8] != "21.50" ||
		!inRows(rows, bakker.name) || !inRows(rows, run["reference"].(string)) {
		t.Fatalf("report.xlsx rows %v", rows)
	}
	runView := p.expect(http.StatusOK, "", "GET", "/v1/admin/payouts/"+id, fin, nil)
	if found := mentions(strings.ReplaceAll(strings.ToLower(fmtJSON(runView)), "\"", ""), who...); len(found) > 0 {
		t.Fatalf("finance's view names residents: %v", found)
	}
	if runView["report_sha256"] != hex.EncodeToString(sum[:]) {
		t.Fatalf("stored hash %v", runView["report_sha256"])
	}
	p.expect(http.StatusConflict, "payout_not_executed", "GET", "/v1/admin/payouts/"+id+"/sepa.xml", fin, nil)

	// Executing once: a replay under the same Idempotency-Key answers the run, another execution is refused.
	for range 2 {
		if code, body := p.postJSON(fin, "/v1/admin/payouts/"+id+"/execute", nil, "execute-"+id); code != http.StatusOK || body["id"] != id {
			t.Fatalf("execute: %d %v", code, body)
		}
	}
	p.expect(http.StatusConflict, "payout_already_executed", "POST", "/v1/admin/payouts/"+id+"/execute", fin, nil)
	run = p.waitRun(fin, id, "executed")
	redeemed, times := p.redeemedOnChain(common.HexToHash(run["ref"].(string)))
	if len(redeemed) != 2 || redeemed[bakker.addr] != lines[bakker.id] || redeemed[slager.addr] != lines[slager.id] ||
		times[bakker.addr] != 1 || times[slager.addr] != 1 {
		t.Fatalf("on chain %v (%v), report %v", redeemed, times, lines)
	}
	if p.balanceOf(bakker.addr).Sign() != 0 || p.balanceOf(slager.addr).Sign() != 0 {
		t.Fatal("the shops still hold coins after the payout")
	}
	if _, again, _ := p.raw("GET", "/v1/admin/payouts/"+id+"/report.csv", fin); !bytes.Equal(again, first) {
		t.Fatalf("the report changed after execution:\n%s", again)
	}

	// The bank file.
	code, file, _ := p.raw("GET", "/v1/admin/payouts/"+id+"/sepa.xml", fin)
	if code != http.StatusOK || !bytes.Contains(file, []byte("<IBAN>NL91ABNA0417164300</IBAN>")) ||
		!bytes.Contains(file, []byte(run["reference"].(string))) || !bytes.Contains(file, []byte("<CtrlSum>21.50</CtrlSum>")) {
		t.Fatalf("bank file: %d\n%s", code, file)
	}
	validateBankFile(t, file)
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'payout.sepa_export' AND subject_id IN ($1, $2)`, bakker.id, slager.id); n != 2 {
		t.Fatalf("%d audit entries of the bank file's export", n)
	}
	p.expect(http.StatusConflict, "payout_period_overlap", "POST", "/v1/admin/payouts", fin, period)

	// Paid: first one shop's line, then the rest; the shops see it.
	p.expect(http.StatusOK, "", "POST", "/v1/admin/payouts/"+id+"/paid", fin,
		map[string]any{"paid_on": today(t).Format(time.DateOnly), "bank_reference": "BNG-2026-0001", "shop_ids": []string{bakker.id}})
	p.expect(http.StatusConflict, "payout_already_paid", "POST", "/v1/admin/payouts/"+id+"/paid", fin,
		map[string]any{"paid_on": today(t).Format(time.DateOnly), "bank_reference": "BNG-2026-0001", "shop_ids": []string{bakker.id}})
	paid := p.expect(http.StatusOK, "", "POST", "/v1/admin/payouts/"+id+"/paid", fin,
		map[string]any{"paid_on": today(t).Format(time.DateOnly), "bank_reference": "BNG-2026-0002"})
	if paid["status"] != "paid" {
		t.Fatalf("after paying every line: %v", paid)
	}
	mine := p.expect(http.StatusOK, "", "GET", "/v1/shop/payouts", slager.token, nil)["payouts"].([]any)
	line := mine[0].(map[string]any)["line"].(map[string]any)
	if len(mine) != 1 || line["status"] != "paid" || line["amount_cents"] != float64(900) || line["bank_reference"] != "BNG-2026-0002" {
		t.Fatalf("the shop's payouts: %v", mine)
	}
	st := p.expect(http.StatusOK, "", "GET", "/v1/shop/payouts/"+id+"/statement", slager.token, nil)
	kinds := map[string]float64{}
	for _, e := range st["entries"].([]any) {
		kinds[e.(map[string]any)["kind"].(string)] += e.(map[string]any)["amount_cents"].(float64)
	}
	if kinds["payment"] != 1000 || kinds["refund"] != 100 || kinds["redemption"] != 900 {
		t.Fatalf("statement: %v", st)
	}
	p.expect(http.StatusForbidden, "forbidden", "GET", "/v1/shop/payouts", tokens[0], nil)

	// Reconciliation: in process, and the periodic job's gauge.
	p.waitIndexed()
	rep, err := app.NewReconciler(p.cfg, p.db.Reconcile(), p.client).Reconcile(p.ctx)
	if err != nil || !rep.OK() || rep.Supply.Int64() != 3*1500-2150 || rep.Residents.Int64() != 3*1500-2150 || rep.Shops.Sign() != 0 {
		t.Fatalf("reconciliation: %+v %v", rep, err)
	}
	p.waitFor("the reconciliation gauge", 2*time.Minute, func() bool {
		ok, found := p.series("heitje_reconcile_ok", "")
		return found && ok == 1
	})
}
