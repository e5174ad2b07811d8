package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/payouts"
)

// shopPayoutView is one of a shop's payouts: its run's period and reference and the shop's own line.
type shopPayoutView struct {
	RunID       string         `json:"run_id"`
	Reference   string         `json:"reference"`
	PeriodStart string         `json:"period_start"`
	PeriodEnd   string         `json:"period_end"`
	CutoffBlock uint64         `json:"cutoff_block"`
	Line        payoutLineView `json:"line"`
}

type shopPayoutList struct {
	Payouts []shopPayoutView `json:"payouts"`
}

// statementEntryView is one coin movement of the shop; it names no counterparty.
type statementEntryView struct {
	BlockNumber uint64    `json:"block_number"`
	At          time.Time `json:"at"`
	TxHash      string    `json:"tx_hash"`
	Kind        string    `json:"kind"`
	AmountCents int64     `json:"amount_cents"`
}

// statementView is a shop's statement of one payout period: its line and its coin movements in the run's
// blocks from_block..cutoff_block, and the redemption of the line's coins.
type statementView struct {
	RunID       string               `json:"run_id"`
	Reference   string               `json:"reference"`
	PeriodStart string               `json:"period_start"`
	PeriodEnd   string               `json:"period_end"`
	FromBlock   uint64               `json:"from_block"`
	CutoffBlock uint64               `json:"cutoff_block"`
	Line        payoutLineView       `json:"line"`
	Entries     []statementEntryView `json:"entries"`
}

func viewShopPayout(sp payouts.ShopPayout) shopPayoutView {
	r := sp.Run
	return shopPayoutView{RunID: r.ID, Reference: r.Reference, PeriodStart: r.PeriodStart.Format(payouts.DateLayout),
		PeriodEnd: r.PeriodEnd.Format(payouts.DateLayout), CutoffBlock: r.CutoffBlock, Line: viewPayoutLine(sp.Line)}
}

func (s *Server) shopPayouts(c *gin.Context) {
	limit, offset, err := queryPage(c, payouts.DefaultLimit)
	if err != nil {
		respondError(c, err)
		return
	}
	list, err := s.deps.Payouts.ShopPayouts(c.Request.Context(), middleware.CurrentPrincipal(c), limit, offset)
	if err != nil {
		respondError(c, err)
		return
	}
	out := shopPayoutList{Payouts: make([]shopPayoutView, len(list))}
	for i, sp := range list {
		out.Payouts[i] = viewShopPayout(sp)
	}
	noStore(c)
	c.JSON(http.StatusOK, out)
}

func (s *Server) shopStatement(c *gin.Context) {
	st, err := s.deps.Payouts.Statement(c.Request.Context(), middleware.CurrentPrincipal(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	r := st.Run
	out := statementView{RunID: r.ID, Reference: r.Reference, PeriodStart: r.PeriodStart.Format(payouts.DateLayout),
		PeriodEnd: r.PeriodEnd.Format(payouts.DateLayout), FromBlock: r.FromBlock, CutoffBlock: r.CutoffBlock,
		Line: viewPayoutLine(st.Line), Entries: make([]statementEntryView, len(st.Entries))}
	for i, e := range st.Entries {
		out.Entries[i] = statementEntryView{BlockNumber: e.BlockNumber, At: e.At, TxHash: e.TxHash.Hex(), Kind: e.Kind,
			AmountCents: e.AmountCents}
	}
	noStore(c)
	c.JSON(http.StatusOK, out)
}

func (s *Server) shopPayoutsCSV(c *gin.Context) {
	csv, err := s.deps.Payouts.ShopPayoutsCSV(c.Request.Context(), middleware.CurrentPrincipal(c))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.Header("Content-Disposition", `attachment; filename="heitje-payouts.csv"`)
	c.Data(http.StatusOK, "text/csv; charset=utf-8", csv)
}

func (s *Server) shopStatementCSV(c *gin.Context) {
	st, csv, err := s.deps.Payouts.StatementCSV(c.Request.Context(), middleware.CurrentPrincipal(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.Header("Content-Disposition", `attachment; filename="heitje-statement-`+st.Run.Reference+`.csv"`)
	c.Data(http.StatusOK, "text/csv; charset=utf-8", csv)
}
