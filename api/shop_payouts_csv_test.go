package api

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/payouts"
)

// download fetches a file as token's holder and returns the status, headers and the CSV's records.
func (p *paymentsAPI) download(path, token string) (int, http.Header, [][]string) {
	p.t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	p.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return rec.Code, rec.Header(), nil
	}
	records, err := csv.NewReader(rec.Body).ReadAll()
	if err != nil {
		p.t.Fatalf("%s is not CSV: %v", path, err)
	}
	return rec.Code, rec.Header(), records
}

// TestShopPayoutsCSV: a shop that was paid 4.00, refunded 1.00 and had the rest redeemed and paid out
// downloads its payouts and the period's statement as CSV files, in the finance report's style; another
// shop sees no line of it and gets 404 for the statement, and residents may not ask.
func TestShopPayoutsCSV(t *testing.T) {
	t.Parallel()
	p := newPaymentsAPI(t)
	svc, err := payouts.New(p.db.Payouts(p.keys), payouts.Options{Now: p.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	p.deps.Payouts = svc
	p.h = New(p.deps)

	paymentID := p.confirmedPayment(400)
	code, out := p.refund(p.shopA, paymentID, 100, "refund-csv")
	if code != http.StatusCreated {
		t.Fatalf("refund: %d %v", code, out)
	}
	p.settle(p.chain.intent("refund:" + out["id"].(string)))
	_, fin := p.staff(p.adminTok, "penningmeester", accounts.PrivFinance)
	zone, _ := time.LoadLocation("Europe/Amsterdam")
	today := p.clock.Now().In(zone).Format(time.DateOnly)
	run := p.expect(http.StatusCreated, "", "POST", "/v1/admin/payouts", fin, map[string]any{"period_start": today, "period_end": today})
	runID, ref := run["id"].(string), run["reference"].(string)
	p.expect(http.StatusOK, "", "POST", "/v1/admin/payouts/"+runID+"/execute", fin, nil)
	r, err := p.db.Payouts(p.keys).Run(context.Background(), runID)
	if err != nil || len(r.Lines) != 1 {
		t.Fatalf("run: %+v %v", r, err)
	}
	p.settle(p.chain.intent(payouts.RedeemIntent(r, r.Lines[0], 0).IdempotencyKey))
	if n, err := svc.Settle(context.Background()); err != nil || n != 1 {
		t.Fatalf("settle: %d %v", n, err)
	}
	p.expect(http.StatusOK, "", "POST", "/v1/admin/payouts/"+runID+"/paid", fin, map[string]any{"paid_on": today, "bank_reference": "BNG 2026-0001"})

	code, hdr, rows := p.download("/v1/shop/payouts.csv", p.shopA)
	if code != http.StatusOK || hdr.Get("Content-Type") != "text/csv; charset=utf-8" || hdr.Get("Cache-Control") != "no-store" ||
		hdr.Get("Content-Disposition") != `attachment; filename="heitje-payouts.csv"` {
		t.Fatalf("payouts.csv: %d %v", code, hdr)
	}
	want := [][]string{
		{"run_reference", "period_start", "period_end", "payments_received", "refunds", "gross_eur", "refunds_eur", "net_eur",
			"coins_redeemed", "eur_paid", "paid_on", "bank_reference", "status", "run_id"},
		{ref, today, today, "1", "1", "4.00", "1.00", "3.00", "3.00", "3.00", today, "BNG 2026-0001", "paid", runID},
	}
	if !equalRecords(rows, want) {
		t.Fatalf("payouts.csv:\n%q\nwant\n%q", rows, want)
	}

	code, hdr, rows = p.download("/v1/shop/payouts/"+runID+"/statement.csv", p.shopA)
	if code != http.StatusOK || hdr.Get("Content-Type") != "text/csv; charset=utf-8" ||
		hdr.Get("Content-Disposition") != `attachment; filename="heitje-statement-`+ref+`.csv"` {
		t.Fatalf("statement.csv: %d %v", code, hdr)
	}
	header := []string{"run_reference", "date", "time", "kind", "amount_eur", "block_number", "tx_hash"}
	if len(rows) != 4 || strings.Join(rows[0], ",") != strings.Join(header, ",") {
		t.Fatalf("statement.csv:\n%q", rows)
	}
	dateTime := regexp.MustCompile(`^\d{4}-\d{2}-\d{2},\d{2}:\d{2}:\d{2}$`)
	for i, w := range [][2]string{{"payment", "4.00"}, {"refund", "-1.00"}, {"redemption", "-3.00"}} {
		row := rows[i+1]
		if row[0] != ref || !dateTime.MatchString(row[1]+","+row[2]) || row[3] != w[0] || row[4] != w[1] || !strings.HasPrefix(row[6], "0x") {
			t.Errorf("statement line %d: %q, want %s %s", i+1, row, w[0], w[1])
		}
	}

	if _, _, rows := p.download("/v1/shop/payouts.csv", p.shopB); len(rows) != 1 {
		t.Fatalf("shop B's payouts.csv: %q", rows)
	}
	p.expect(http.StatusNotFound, "not_found", "GET", "/v1/shop/payouts/"+runID+"/statement.csv", p.shopB, nil)
	p.expect(http.StatusNotFound, "not_found", "GET", "/v1/shop/payouts/nope/statement.csv", p.shopA, nil)
	p.expect(http.StatusForbidden, "forbidden", "GET", "/v1/shop/payouts.csv", p.resA, nil)
	p.expect(http.StatusForbidden, "forbidden", "GET", "/v1/shop/payouts/"+runID+"/statement.csv", p.resA, nil)
}

func equalRecords(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") {
			return false
		}
	}
	return true
}
