package e2e_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/accounts"
)

// TestConsoleOverview: the overview draws its charts as SVG images with a title and a description, and the
// tables beside them hold the right numbers: coins minted this week, a payment today, the chore's budget
// used and the claim waiting for review. An analyst sees only the anonymised analytics, with the cells
// about too few people marked suppressed, and gets 403 for the finance charts. axe-core checks each page.
func TestConsoleOverview(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.cfg.Privacy.MinGroupSize = 2
	p.serve()
	bakker := p.newShop("bakker-bart", true)
	rs := p.residents(3)
	p.reward(rs[:2], 1200, p.reviewer("keurder")) // two claims approved: 24 coins minted this week
	p.pay(bakker, rs[0], p.login(rs[0].p.Username), 500)
	waiting := p.chore(300, 4)
	p.submittedClaims(rs[2:], waiting) // one claim waits for review
	p.newStaff("overzicht", true, accounts.PrivFinance, accounts.PrivChoresManage, accounts.PrivChoresReview)
	p.newStaff("analist", true, accounts.PrivAnalytics)

	d := p.newDesk(t)
	d.signIn("overzicht")
	if !d.shows("Overzicht") {
		t.Fatal("the start page does not list the overview")
	}
	d.open("/beheer/overzicht")
	d.page("/beheer/overzicht")
	if n := d.count(`main svg[role="img"][aria-labelledby] > title`); n != 4 {
		t.Fatalf("%d charts, want 4 (coins, payments, budget, queue):\n%s", n, d.text())
	}
	if n := d.count(`main svg [style], main [style]`); n != 0 {
		t.Fatalf("%d elements with an inline style", n)
	}
	// The tables beside the charts: this week and today are the last rows.
	if row := d.lastRow("table-coins"); !strings.Contains(row, "€ 24,00") {
		t.Fatalf("this week's coins: %q", row)
	}
	if row := d.lastRow("table-payments"); !strings.Contains(row, "\t1\t") || !strings.Contains(row, "€ 5,00") {
		t.Fatalf("today's payments: %q", row)
	}
	if row := d.rowOf("table-budget", waiting.Title); !strings.Contains(row, "€ 3,00") || !strings.Contains(row, "€ 12,00") {
		t.Fatalf("the waiting chore's budget: %q", row)
	}
	if row := d.rowOf("table-queue", "Korter dan 1 dag"); !strings.HasSuffix(strings.TrimSpace(row), "1") {
		t.Fatalf("the queue's youngest group: %q", row)
	}
	d.sees("Er wachten 1 ingediende klussen op beoordeling.")
	d.checkA11y("the overview")
	d.screenshot("console-overview-1-charts")
	d.open("/beheer/overzicht/beoordeling")
	d.page("/beheer/overzicht/beoordeling")
	if n := d.count(`main svg[role="img"]`); n != 1 {
		t.Fatalf("the review group shows %d charts", n)
	}
	d.checkA11y("the overview's review group")

	// The analyst: the anonymised figures only, suppressed cells marked.
	a := p.newDesk(t)
	a.signIn("analist")
	a.open("/beheer/overzicht")
	a.page("/beheer/overzicht")
	if n := a.count(`#panel-coins, #panel-payments, #panel-budget, #panel-queue`); n != 0 {
		t.Fatalf("the analyst sees %d charts of other privileges", n)
	}
	if row := a.rowOf("table-earnings", "Aarveld"); !strings.Contains(row, "\t2\t") || !strings.Contains(row, "€ 24,00") {
		t.Fatalf("earnings in Aarveld (two people): %q", row)
	}
	if n := a.count(`#table-spending td.overview-suppressed`); n != 2 {
		t.Fatalf("%d suppressed cells in spending (one payer), want 2", n)
	}
	a.sees("onderdrukt")
	if n := a.count(`#panel-spending svg .chart__suppressed`); n != 1 {
		t.Fatalf("the spending chart marks %d suppressed cells", n)
	}
	a.checkA11y("the anonymised analytics")
	a.screenshot("console-overview-2-analytics")
	c := p.consoleClient("analist")
	if code, _ := p.consoleGet(c, "/beheer/overzicht/financien"); code != http.StatusForbidden {
		t.Fatalf("the analyst opens the finance charts: %d", code)
	}
	p.newStaff("privacy-alleen", true, accounts.PrivPrivacy)
	if code, _ := p.consoleGet(p.consoleClient("privacy-alleen"), "/beheer/overzicht"); code != http.StatusForbidden {
		t.Fatalf("staff without any overview privilege open the overview: %d", code)
	}
}

// count is the number of elements the CSS selector finds.
func (d desk) count(css string) int {
	d.t.Helper()
	n, err := chromedp.Run(d.ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+"`"+css+"`"+`).length`))
	if err != nil {
		d.t.Fatal(err)
	}
	return n
}

// lastRow is the text of the last body row of the table with id, cells separated by tabs.
func (d desk) lastRow(id string) string {
	d.t.Helper()
	s, err := chromedp.Run(d.ctx, chromedp.Evaluate[string](`(document.querySelector("#`+id+` tbody tr:last-child")?.innerText ?? "")`))
	if err != nil {
		d.t.Fatal(err)
	}
	return s
}

// rowOf is the text of the first body row of the table with id that mentions text.
func (d desk) rowOf(id, text string) string {
	d.t.Helper()
	s, err := chromedp.Run(d.ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("#`+id+` tbody tr")].map(r => r.innerText).find(t => t.includes(`+"`"+text+"`"+`)) ?? ""`))
	if err != nil {
		d.t.Fatal(err)
	}
	return s
}
