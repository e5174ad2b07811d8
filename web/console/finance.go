package console

import (
	"context"
	"errors"
	"math/big"
	"net/http"
	"net/url"
	"time"

	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/payouts"
	"github.com/heerlen/heitje/internal/reconcile"
)

// Finance: payout runs from draft to paid (the same service calls as /v1/admin/payouts), the downloads of
// the report and the bank file, and the reconciliation's last outcome.

func init() { registerSection(40, (*Server).registerFinance) }

const financePath = Base + "/uitbetalingen"

// Reconciliation is the reconciler as finance sees it: the outcome of its last run, and a run on demand.
type Reconciliation interface {
	Last() (reconcile.Outcome, bool)
	CheckNow(ctx context.Context) (reconcile.Report, error)
}

func (s *Server) registerFinance() {
	s.addSection(section{Path: financePath, Title: "console.finance.title", About: "console.finance.about",
		Privileges: []accounts.Privilege{accounts.PrivFinance}})
	f := accounts.PrivFinance
	s.handle("GET "+financePath, f, s.financeRuns)
	s.handle("POST "+financePath, f, s.financeCreate)
	s.handle("POST "+financePath+"/controle", f, s.financeCheck)
	s.handle("GET "+financePath+"/{id}", f, s.financeRun)
	s.handle("POST "+financePath+"/{id}/uitvoeren", f, s.financeExecute)
	s.handle("POST "+financePath+"/{id}/annuleren", f, s.financeCancel)
	s.handle("POST "+financePath+"/{id}/betaald", f, s.financePaid)
	s.handle("GET "+financePath+"/{id}/rapport.csv", f, s.financeReport)
	s.handle("GET "+financePath+"/{id}/rapport.xlsx", f, s.financeReportXLSX)
	s.handle("GET "+financePath+"/{id}/bankbestand.xml", f, s.financeBankFile)
}

// financeErrors are the payout errors finance gets in its own words (the rest through s.problem).
var financeErrors = []struct {
	err error
	key string
}{
	{payouts.ErrRunOpen, "console.finance.error.run_open"},
	{payouts.ErrPeriodOverlap, "console.finance.error.period_overlap"},
	{payouts.ErrNothingToPay, "console.finance.error.nothing_to_pay"},
	{payouts.ErrIndexerBehind, "console.finance.error.indexer_behind"},
	{payouts.ErrAlreadyExecuted, "console.finance.error.already_executed"},
	{payouts.ErrBalanceChanged, "console.finance.error.balance_changed"},
	{payouts.ErrNotExecuted, "console.finance.error.not_executed"},
	{payouts.ErrAlreadyPaid, "console.finance.error.already_paid"},
	{payouts.ErrRunState, "console.finance.error.run_state"},
	{payouts.ErrBankFileDisabled, "console.finance.error.bank_file_disabled"},
	{payouts.ErrIBANNotKept, "console.finance.error.iban_not_kept"},
	{payouts.ErrReportMismatch, "console.finance.error.report_mismatch"},
}

// financeFields are the form fields whose validation errors finance reads in its own words.
var financeFields = map[string]string{
	"period_start":   "console.finance.error.period_start",
	"period_end":     "console.finance.error.period_end",
	"paid_on":        "console.finance.error.paid_on",
	"bank_reference": "console.finance.error.bank_reference",
}

// financeProblem puts err on v: a bad field (or an overlapping period, at its first day) next to the field,
// a known refusal in finance's words, anything else as s.problem says it. It returns the status.
func (s *Server) financeProblem(v *view, err error) int {
	var ve *payouts.ValidationError
	if errors.As(err, &ve) {
		if key, ok := financeFields[ve.Field]; ok {
			v.Errors = map[string]string{ve.Field: key}
			return http.StatusUnprocessableEntity
		}
	}
	if errors.Is(err, payouts.ErrPeriodOverlap) {
		v.Errors = map[string]string{"period_start": "console.finance.error.period_overlap"}
		return http.StatusConflict
	}
	for _, e := range financeErrors {
		if errors.Is(err, e.err) {
			status, _, _ := s.problem(err)
			v.Problem = e.key
			return status
		}
	}
	return s.formProblem(v, err)
}

// financeRunsData is the list page: the runs, the reconciliation, and what the new-run form suggests.
type financeRunsData struct {
	Runs  []payouts.Run
	Recon reconView
}

// reconView is the reconciliation's last outcome as the page shows it.
type reconView struct {
	Available, Ran, Failed, OK bool
	At                         time.Time
	Block                      uint64
	Differences                int
	Checks                     []string
	Supply, Minted, Redeemed   int64
	Residents, Shops, Treasury int64
}

func bigCents(v *big.Int) int64 {
	if v == nil || !v.IsInt64() {
		return 0
	}
	return v.Int64()
}

func (s *Server) reconciliation() reconView {
	if s.deps.Reconciliation == nil {
		return reconView{}
	}
	o, ok := s.deps.Reconciliation.Last()
	v := reconView{Available: true, Ran: ok, At: o.At}
	if !ok {
		return v
	}
	if o.Err != nil {
		v.Failed = true
		return v
	}
	r := o.Report
	v.OK, v.Block, v.Differences = r.OK(), r.Block, len(r.Differences)
	v.Supply, v.Minted, v.Redeemed = bigCents(r.Supply), bigCents(r.Minted), bigCents(r.Redeemed)
	v.Residents, v.Shops, v.Treasury = bigCents(r.Residents), bigCents(r.Shops), bigCents(r.Treasury)
	seen := map[string]bool{}
	for _, d := range r.Differences { // the checks only: the addresses stay with `heitje reconcile`
		if !seen[d.Check] {
			seen[d.Check] = true
			v.Checks = append(v.Checks, d.Check)
		}
	}
	return v
}

// financeRuns lists the runs with the form for a new one.
func (s *Server) financeRuns(w http.ResponseWriter, r *http.Request, c *call) {
	v := view{Title: "console.finance.title"}
	runs, err := s.deps.Payouts.List(r.Context(), c.Actor, payouts.DefaultLimit, 0)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	v.Form = suggestPeriod(runs)
	s.renderRuns(w, r, c, http.StatusOK, v, runs)
}

func (s *Server) renderRuns(w http.ResponseWriter, r *http.Request, c *call, status int, v view, runs []payouts.Run) {
	v.Data = financeRunsData{Runs: runs, Recon: s.reconciliation()}
	s.render(w, r, c, status, "finance_runs", v)
}

// suggestPeriod fills the new-run form: from the day after the last run's period (or the first of last
// month) up to yesterday, or today when that is all there is.
func suggestPeriod(runs []payouts.Run) url.Values {
	now := time.Now().In(zone)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	start := time.Date(now.Year(), now.Month()-1, 1, 0, 0, 0, 0, time.UTC)
	for _, r := range runs {
		if r.Status != payouts.StatusCancelled {
			start = r.PeriodEnd.AddDate(0, 0, 1)
			break
		}
	}
	end := today.AddDate(0, 0, -1)
	if end.Before(start) {
		end = today
	}
	if start.After(end) {
		start = end
	}
	return url.Values{"period_start": {start.Format(payouts.DateLayout)}, "period_end": {end.Format(payouts.DateLayout)}}
}

// financeCreate drafts a run; a refusal shows the list again with the reason next to the field.
func (s *Server) financeCreate(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	run, err := s.deps.Payouts.Create(r.Context(), c.Actor, payouts.CreateInput{PeriodStart: r.PostForm.Get("period_start"),
		PeriodEnd: r.PostForm.Get("period_end")})
	if err != nil {
		v := view{Title: "console.finance.title", Form: r.PostForm}
		status := s.financeProblem(&v, err)
		runs, lerr := s.deps.Payouts.List(r.Context(), c.Actor, payouts.DefaultLimit, 0)
		if lerr != nil {
			s.failErr(w, r, c, lerr)
			return
		}
		s.renderRuns(w, r, c, status, v, runs)
		return
	}
	s.done(w, r, "console.finance.drafted", financePath+"/"+run.ID)
}

// financeCheck runs the reconciliation now.
func (s *Server) financeCheck(w http.ResponseWriter, r *http.Request, c *call) {
	if s.deps.Reconciliation == nil {
		s.fail(w, r, c, http.StatusServiceUnavailable, "console.finance.recon.unavailable")
		return
	}
	s.deps.Reconciliation.CheckNow(r.Context()) // its outcome, error or not, is the page's last outcome
	s.done(w, r, "console.finance.recon.checked", financePath)
}

// financeRunData is one run's page.
type financeRunData struct {
	Run       payouts.Run
	Totals    payouts.Totals
	Key       string
	Redeemed  int
	Unpaid    []payouts.Line
	Today     string
	BankReady bool
}

func (s *Server) financeRun(w http.ResponseWriter, r *http.Request, c *call) {
	s.showRun(w, r, c, http.StatusOK, view{})
}

// showRun renders a run's page with v's form, errors and problem.
func (s *Server) showRun(w http.ResponseWriter, r *http.Request, c *call, status int, v view) {
	run, err := s.deps.Payouts.Get(r.Context(), c.Actor, r.PathValue("id"))
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	d := financeRunData{Run: run, Totals: run.Totals(), Key: "console-" + uuid.NewString(),
		Today: time.Now().In(zone).Format(payouts.DateLayout)}
	for _, l := range run.Lines {
		if l.RedeemedBlock != 0 {
			d.Redeemed++
		}
		if l.PaidOn == nil {
			d.Unpaid = append(d.Unpaid, l)
		}
	}
	d.BankReady = run.Status == payouts.StatusExecuted || run.Status == payouts.StatusPaid
	if v.Form == nil {
		v.Form = url.Values{"paid_on": {d.Today}}
	}
	v.Title, v.Data = "console.finance.run.title", d
	s.render(w, r, c, status, "finance_run", v)
}

func (s *Server) financeExecute(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	id := r.PathValue("id")
	if _, err := s.deps.Payouts.Execute(r.Context(), c.Actor, id, r.PostForm.Get("sleutel")); err != nil {
		var v view
		s.showRun(w, r, c, s.financeProblem(&v, err), v)
		return
	}
	s.done(w, r, "console.finance.executing", financePath+"/"+id)
}

func (s *Server) financeCancel(w http.ResponseWriter, r *http.Request, c *call) {
	id := r.PathValue("id")
	if _, err := s.deps.Payouts.Cancel(r.Context(), c.Actor, id); err != nil {
		var v view
		s.showRun(w, r, c, s.financeProblem(&v, err), v)
		return
	}
	s.done(w, r, "console.finance.cancelled", financePath+"/"+id)
}

// financePaid records the bank's payment of the ticked lines, or of every unpaid line when none is ticked.
func (s *Server) financePaid(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	id := r.PathValue("id")
	_, err := s.deps.Payouts.MarkPaid(r.Context(), c.Actor, id, payouts.PaidInput{PaidOn: r.PostForm.Get("paid_on"),
		BankReference: r.PostForm.Get("bank_reference"), ShopIDs: r.PostForm["shop_id"]})
	if err != nil {
		v := view{Form: r.PostForm}
		s.showRun(w, r, c, s.financeProblem(&v, err), v)
		return
	}
	s.done(w, r, "console.finance.paid_recorded", financePath+"/"+id)
}

// financeReport answers the consolidated report: the bytes, headers and audit of GET
// /v1/admin/payouts/{id}/report.csv.
func (s *Server) financeReport(w http.ResponseWriter, r *http.Request, c *call) {
	run, csv, err := s.deps.Payouts.ExportReport(r.Context(), c.Actor, r.PathValue("id"))
	if err != nil {
		s.downloadFailed(w, r, c, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", `attachment; filename="payout-`+run.Reference+`.csv"`)
	w.Header().Set("X-Report-SHA256", payouts.ReportSHA256Hex(run.ReportSHA256))
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Write(csv)
}

// financeReportXLSX answers the consolidated report as a workbook, as GET /v1/admin/payouts/{id}/report.xlsx.
func (s *Server) financeReportXLSX(w http.ResponseWriter, r *http.Request, c *call) {
	run, b, err := s.deps.Payouts.ExportReportXLSX(r.Context(), c.Actor, r.PathValue("id"))
	if err != nil {
		s.downloadFailed(w, r, c, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", `attachment; filename="payout-`+run.Reference+`.xlsx"`)
	w.Header().Set("Content-Type", payouts.XLSXContentType)
	w.Write(b)
}

// financeBankFile answers the SEPA bank file: the bytes, headers and audit of GET
// /v1/admin/payouts/{id}/sepa.xml.
func (s *Server) financeBankFile(w http.ResponseWriter, r *http.Request, c *call) {
	run, xml, err := s.deps.Payouts.ExportBankFile(r.Context(), c.Actor, r.PathValue("id"))
	if err != nil {
		s.downloadFailed(w, r, c, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", `attachment; filename="payout-`+run.Reference+`.xml"`)
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Write(xml)
}

// downloadFailed answers a refused download with the error page in finance's words.
func (s *Server) downloadFailed(w http.ResponseWriter, r *http.Request, c *call, err error) {
	v := view{Title: "console.error.title"}
	status := s.financeProblem(&v, err)
	s.render(w, r, c, status, "error", v)
}
