package e2e_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/payouts"
)

// TestConsoleFinance: finance runs a payout to the end in the browser — drafts a run for a period, reviews
// its lines, executes it, follows the redeems until executed, records the bank's payment of one shop and
// then of the rest — and the report and the bank file the console downloads are byte for byte the API's.
// A period that overlaps the paid run is refused next to its field and writes nothing. axe-core checks
// every page in Dutch and English.
func TestConsoleFinance(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.cfg.SEPADebtor = &payouts.Debtor{Name: "Gemeente Heerlen", IBAN: "NL91ABNA0417164300", BIC: "BNGHNL2G"}
	p.serve()
	bakker, slager := p.newShop("bakker-bart", true), p.newShop("slager-sam", true)
	rs := p.residents(2)
	p.reward(rs, 1500, p.reviewer("keurder"))
	p.pay(bakker, rs[0], p.login(rs[0].p.Username), 1000)
	p.pay(slager, rs[1], p.login(rs[1].p.Username), 700)
	p.waitIndexed()
	p.newStaff("penningmeester", true, accounts.PrivFinance)
	api := p.finance("penningmeester-api")
	c := p.consoleClient("penningmeester")

	d := p.newDesk(t)
	d.signIn("penningmeester")
	d.open("/beheer/uitbetalingen")
	d.page("/beheer/uitbetalingen")
	d.sees("Er zijn nog geen uitbetalingen.")
	d.checkA11y("the payout runs")
	start, end := today(t).AddDate(0, 0, -30).Format(time.DateOnly), today(t).Format(time.DateOnly)
	d.setDate("period_start", start)
	d.setDate("period_end", end)
	d.click(`form[action="/beheer/uitbetalingen"] button[type="submit"]`)
	runPath := d.screenUnder("/beheer/uitbetalingen/")
	id := strings.TrimPrefix(runPath, "/beheer/uitbetalingen/")
	d.sees("Het concept staat klaar")
	d.sees(bakker.name)
	d.sees(slager.name)
	d.sees("€ 10,00")
	d.sees("€ 7,00")
	d.sees("€ 17,00")
	if got := d.runStatus(); got != "Concept" {
		t.Fatalf("the draft's status: %q", got)
	}
	d.checkA11y("a draft payout run")
	d.screenshot("console-finance-1-draft")

	// The report, as the console downloads it, is the API's, byte for byte.
	sameDownload(t, p, c, api, runPath+"/rapport.csv", "/v1/admin/payouts/"+id+"/report.csv")
	sameDownload(t, p, c, api, runPath+"/rapport.xlsx", "/v1/admin/payouts/"+id+"/report.xlsx")

	d.click(`form[action$="/uitvoeren"] button[type="submit"]`)
	d.page(runPath)
	d.sees("De uitbetaling wordt uitgevoerd")
	// Follow the redeems as finance would: refresh the page until the run is executed.
	p.waitFor("the run executed on the console", 3*time.Minute, func() bool {
		if d.runStatus() == "Uitgevoerd" {
			return true
		}
		if d.shows("Vernieuwen") {
			d.click("#refresh")
		} else {
			d.open(runPath)
		}
		return false
	})
	d.sees("Ingewisseld")
	d.checkA11y("an executed payout run")
	d.screenshot("console-finance-2-executed")
	if n := p.count(`SELECT count(*) FROM payout_lines WHERE run_id = $1 AND redeemed_block IS NOT NULL`, id); n != 2 {
		t.Fatalf("%d lines redeemed", n)
	}
	sameDownload(t, p, c, api, runPath+"/rapport.csv", "/v1/admin/payouts/"+id+"/report.csv")
	sameDownload(t, p, c, api, runPath+"/bankbestand.xml", "/v1/admin/payouts/"+id+"/sepa.xml")
	if n := p.count(`SELECT count(*) FROM audit_log WHERE action = 'payout.sepa_export' AND subject_id = $1`, bakker.id); n != 2 {
		t.Fatalf("%d audit entries of the bank file's export for one shop, want 2 (console and API)", n)
	}

	// The bank paid the baker first, then the rest.
	d.fill("bank_reference", "BNG-2026-0001")
	d.click(`#paid-` + bakker.id)
	d.click(`form[action$="/betaald"] button[type="submit"]`)
	d.page(runPath)
	d.sees("De betaling is vastgelegd.")
	if n := p.count(`SELECT count(*) FROM payout_lines WHERE run_id = $1 AND paid_on IS NOT NULL`, id); n != 1 {
		t.Fatalf("%d lines paid after paying the baker", n)
	}
	d.fill("bank_reference", "BNG-2026-0002")
	d.click(`form[action$="/betaald"] button[type="submit"]`)
	p.waitFor("the run paid on the console", time.Minute, func() bool { return d.runStatus() == "Betaald" })
	d.sees("BNG-2026-0002")
	d.checkA11y("a paid payout run")
	d.screenshot("console-finance-3-paid")
	if run := p.expect(http.StatusOK, "", "GET", "/v1/admin/payouts/"+id, api, nil); run["status"] != "paid" {
		t.Fatalf("the API's run: %v", run)
	}

	// An overlapping period: refused next to the field, nothing written.
	d.open("/beheer/uitbetalingen")
	d.setDate("period_start", start)
	d.setDate("period_end", end)
	d.click(`form[action="/beheer/uitbetalingen"] button[type="submit"]`)
	d.sees("Deze periode overlapt een periode die al is uitbetaald")
	d.do("the error at the first day", chromedp.WaitVisible(chromedp.CSS(`#f-period_start[aria-invalid="true"][aria-describedby~="f-period_start-error"]`)))
	if n := p.count(`SELECT count(*) FROM payout_runs`); n != 1 {
		t.Fatalf("%d runs after an overlapping period", n)
	}
	d.checkA11y("an overlapping period refused")
	d.screenshot("console-finance-4-overlap")

	// The reconciliation, run from the page.
	d.click(`form[action="/beheer/uitbetalingen/controle"] button[type="submit"]`)
	d.sees("De controle is gedaan.")
	d.sees("Alles klopt bij blok")
	d.checkA11y("the reconciliation")
}

// setDate sets a date field (2006-01-02) as the browser's date picker would.
func (d desk) setDate(name, value string) {
	d.t.Helper()
	d.do("set "+name, chromedp.SetValue(chromedp.CSS(`main [name="`+name+`"]`), value))
}

// runStatus is the status a payout run's page shows.
func (d desk) runStatus() string {
	d.t.Helper()
	s, err := chromedp.Run(d.ctx, chromedp.Evaluate[string](`document.querySelector("#run-status")?.innerText ?? ""`))
	if err != nil {
		d.t.Fatal(err)
	}
	return strings.TrimSpace(s)
}

// sameDownload fetches a file from the console and from the API and requires the same bytes, type and name.
func sameDownload(t *testing.T, p *platform, c *http.Client, token, consolePath, apiPath string) {
	t.Helper()
	res, err := c.Get(p.base + consolePath)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(res.Body)
	res.Body.Close()
	code, want, hdr := p.raw("GET", apiPath, token)
	if res.StatusCode != http.StatusOK || code != http.StatusOK || len(want) == 0 || !bytes.Equal(got, want) {
		t.Fatalf("%s (%d) and %s (%d) differ:\n%s\n---\n%s", consolePath, res.StatusCode, apiPath, code, got, want)
	}
	for _, h := range []string{"Content-Type", "Content-Disposition", "X-Report-SHA256"} {
		if res.Header.Get(h) != hdr.Get(h) {
			t.Fatalf("%s: %s %q, the API's %q", consolePath, h, res.Header.Get(h), hdr.Get(h))
		}
	}
}
