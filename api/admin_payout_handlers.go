package api

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/payouts"
)

// payoutCreateRequest asks for a draft run over a period; cutoff_block defaults to the indexer's last block.
type payoutCreateRequest struct {
	PeriodStart string  `json:"period_start"`
	PeriodEnd   string  `json:"period_end"`
	CutoffBlock *uint64 `json:"cutoff_block,omitempty"`
}

// payoutPaidRequest records the bank's payment of a run, or of the lines of the listed shops.
type payoutPaidRequest struct {
	PaidOn        string   `json:"paid_on"`
	BankReference string   `json:"bank_reference"`
	ShopIDs       []string `json:"shop_ids,omitempty"`
}

// payoutLineView is one shop's line: amount_cents is both the coins redeemed and the euros to pay.
type payoutLineView struct {
	ShopID        string `json:"shop_id"`
	BusinessName  string `json:"business_name"`
	ShopAddress   string `json:"shop_address"`
	Payments      int    `json:"payments_received"`
	GrossCents    int64  `json:"gross_cents"`
	Refunds       int    `json:"refunds"`
	RefundedCents int64  `json:"refunded_cents"`
	NetCents      int64  `json:"net_cents"`
	AmountCents   int64  `json:"amount_cents"`
	Status        string `json:"status"`
	Attempts      int    `json:"redeem_attempts"`
	Failure       string `json:"failure,omitempty"`
	RedeemTx      string `json:"redeem_tx,omitempty"`
	RedeemedBlock uint64 `json:"redeemed_block,omitempty"`
	PaidOn        string `json:"paid_on,omitempty"`
	BankReference string `json:"bank_reference,omitempty"`
}

type payoutTotalsView struct {
	Lines         int   `json:"lines"`
	Payments      int   `json:"payments_received"`
	GrossCents    int64 `json:"gross_cents"`
	Refunds       int   `json:"refunds"`
	RefundedCents int64 `json:"refunded_cents"`
	NetCents      int64 `json:"net_cents"`
	AmountCents   int64 `json:"amount_cents"`
	PaidCents     int64 `json:"paid_cents"`
}

// payoutRunView is a run as finance sees it: shops only, never a resident.
type payoutRunView struct {
	ID               string           `json:"id"`
	PeriodStart      string           `json:"period_start"`
	PeriodEnd        string           `json:"period_end"`
	FromBlock        uint64           `json:"from_block"`
	CutoffBlock      uint64           `json:"cutoff_block"`
	Reference        string           `json:"reference"`
	Ref              string           `json:"ref"`
	Status           string           `json:"status"`
	ReportSHA256     string           `json:"report_sha256,omitempty"`
	CreatedAt        time.Time        `json:"created_at"`
	ExecuteStartedAt *time.Time       `json:"execute_started_at,omitempty"`
	ExecutedAt       *time.Time       `json:"executed_at,omitempty"`
	SettledBlock     uint64           `json:"settled_block,omitempty"`
	CancelledAt      *time.Time       `json:"cancelled_at,omitempty"`
	Totals           payoutTotalsView `json:"totals"`
	Lines            []payoutLineView `json:"lines"`
}

type payoutRunList struct {
	Runs []payoutRunView `json:"runs"`
}

func viewPayoutLine(l payouts.Line) payoutLineView {
	v := payoutLineView{ShopID: l.ShopID, BusinessName: l.BusinessName, ShopAddress: strings.ToLower(l.ShopAddress.Hex()),
		Payments: l.Payments, GrossCents: l.GrossCents, Refunds: l.Refunds, RefundedCents: l.RefundedCents, NetCents: l.NetCents(),
		AmountCents: l.AmountCents, Status: string(l.Status()), Attempts: l.Attempts, RedeemedBlock: l.RedeemedBlock,
		BankReference: l.BankReference}
	if st := l.Status(); st == payouts.LineFailed || st == payouts.LineRedeeming {
		v.Failure = l.IntentError // why the redeem reverted, or why its sender holds it back for now
	}
	if l.RedeemedBlock != 0 {
		v.RedeemTx = l.RedeemTx.Hex()
	}
	if l.PaidOn != nil {
		v.PaidOn = l.PaidOn.Format(payouts.DateLayout)
	}
	return v
}

func viewPayoutRun(r payouts.Run) payoutRunView {
	t := r.Totals()
	v := payoutRunView{ID: r.ID, PeriodStart: r.PeriodStart.Format(payouts.DateLayout), PeriodEnd: r.PeriodEnd.Format(payouts.DateLayout),
		FromBlock: r.FromBlock, CutoffBlock: r.CutoffBlock, Reference: r.Reference, Ref: r.Ref.Hex(), Status: string(r.Status),
		CreatedAt: r.CreatedAt, ExecuteStartedAt: r.ExecuteStartedAt, ExecutedAt: r.ExecutedAt, SettledBlock: r.SettledBlock,
		CancelledAt: r.CancelledAt, Lines: make([]payoutLineView, len(r.Lines)),
		Totals: payoutTotalsView{Lines: t.Lines, Payments: t.Payments, GrossCents: t.GrossCents, Refunds: t.Refunds,
			RefundedCents: t.RefundedCents, NetCents: t.NetCents, AmountCents: t.AmountCents, PaidCents: t.PaidCents}}
	if r.ReportSHA256 != nil {
		v.ReportSHA256 = payouts.ReportSHA256Hex(r.ReportSHA256)
	}
	for i, l := range r.Lines {
		v.Lines[i] = viewPayoutLine(l)
	}
	return v
}

func (s *Server) createPayout(c *gin.Context) {
	var req payoutCreateRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	r, err := s.deps.Payouts.Create(c.Request.Context(), actor(c), payouts.CreateInput{PeriodStart: req.PeriodStart,
		PeriodEnd: req.PeriodEnd, CutoffBlock: req.CutoffBlock})
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusCreated, viewPayoutRun(r))
}

func (s *Server) listPayouts(c *gin.Context) {
	limit, offset, err := queryPage(c, payouts.DefaultLimit)
	if err != nil {
		respondError(c, err)
		return
	}
	runs, err := s.deps.Payouts.List(c.Request.Context(), actor(c), limit, offset)
	if err != nil {
		respondError(c, err)
		return
	}
	out := payoutRunList{Runs: make([]payoutRunView, len(runs))}
	for i, r := range runs {
		out.Runs[i] = viewPayoutRun(r)
	}
	noStore(c)
	c.JSON(http.StatusOK, out)
}

func (s *Server) getPayout(c *gin.Context) {
	s.payoutAction(c, s.deps.Payouts.Get)
}

func (s *Server) executePayout(c *gin.Context) {
	s.payoutAction(c, func(ctx context.Context, a accounts.Actor, id string) (payouts.Run, error) {
		return s.deps.Payouts.Execute(ctx, a, id, c.GetHeader(IdempotencyKeyHeader))
	})
}

func (s *Server) cancelPayout(c *gin.Context) {
	s.payoutAction(c, s.deps.Payouts.Cancel)
}

// payoutAction answers a call of one run (read, execute, cancel) with the run.
func (s *Server) payoutAction(c *gin.Context, call func(ctx context.Context, a accounts.Actor, id string) (payouts.Run, error)) {
	r, err := call(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewPayoutRun(r))
}

func (s *Server) markPayoutPaid(c *gin.Context) {
	var req payoutPaidRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	r, err := s.deps.Payouts.MarkPaid(c.Request.Context(), actor(c), c.Param("id"), payouts.PaidInput{PaidOn: req.PaidOn,
		BankReference: req.BankReference, ShopIDs: req.ShopIDs})
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewPayoutRun(r))
}

func (s *Server) payoutReport(c *gin.Context) {
	r, csv, err := s.deps.Payouts.ExportReport(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.Header("Content-Disposition", `attachment; filename="payout-`+r.Reference+`.csv"`)
	c.Header("X-Report-SHA256", payouts.ReportSHA256Hex(r.ReportSHA256))
	c.Data(http.StatusOK, "text/csv; charset=utf-8", csv)
}

func (s *Server) payoutReportXLSX(c *gin.Context) {
	r, b, err := s.deps.Payouts.ExportReportXLSX(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.Header("Content-Disposition", `attachment; filename="payout-`+r.Reference+`.xlsx"`)
	c.Data(http.StatusOK, payouts.XLSXContentType, b)
}

func (s *Server) payoutBankFile(c *gin.Context) {
	r, xml, err := s.deps.Payouts.ExportBankFile(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.Header("Content-Disposition", `attachment; filename="payout-`+r.Reference+`.xml"`)
	c.Data(http.StatusOK, "application/xml; charset=utf-8", xml)
}
