package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/balances"
)

// balanceResponse is the caller's balance in cents; see balances.Statement for what pending_cents and
// spendable_cents count.
type balanceResponse struct {
	Address        string `json:"address,omitempty"`
	BalanceCents   int64  `json:"balance_cents"`
	PendingCents   int64  `json:"pending_cents"`
	SpendableCents int64  `json:"spendable_cents"`
}

// transactionView is one coin movement of the caller. kind is reward, payment or redemption; direction
// is in or out.
type transactionView struct {
	ID           int64     `json:"id"`
	TxHash       string    `json:"tx_hash"`
	BlockNumber  uint64    `json:"block_number"`
	At           time.Time `json:"at"`
	Kind         string    `json:"kind"`
	Direction    string    `json:"direction"`
	AmountCents  int64     `json:"amount_cents"`
	Counterparty string    `json:"counterparty,omitempty"`
}

// transactionList is a page of history, newest first; pass next_before_id as before_id for the next page.
type transactionList struct {
	Transactions []transactionView `json:"transactions"`
	NextBeforeID int64             `json:"next_before_id,omitempty"`
}

func (s *Server) myBalance(c *gin.Context) {
	st, err := s.deps.Balances.Balance(c.Request.Context(), middleware.CurrentPrincipal(c))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, balanceResponse{Address: st.Address, BalanceCents: st.BalanceCents, PendingCents: st.PendingCents,
		SpendableCents: st.SpendableCents})
}

func (s *Server) myTransactions(c *gin.Context) {
	limit, err := queryInt(c, "limit", balances.DefaultLimit)
	if err != nil {
		respondError(c, err)
		return
	}
	before, err := queryInt(c, queryKey(c, "beforeId", "before_id"), 0)
	if err != nil {
		respondError(c, err)
		return
	}
	list, err := s.deps.Balances.Transactions(c.Request.Context(), middleware.CurrentPrincipal(c), int64(before), limit)
	if err != nil {
		respondError(c, err)
		return
	}
	out := transactionList{Transactions: make([]transactionView, 0, len(list))}
	for _, t := range list {
		out.Transactions = append(out.Transactions, transactionView{ID: t.ID, TxHash: t.TxHash, BlockNumber: t.BlockNumber,
			At: t.At, Kind: t.Kind, Direction: t.Direction, AmountCents: t.AmountCents, Counterparty: t.Counterparty})
	}
	if limit <= 0 {
		limit = balances.DefaultLimit
	}
	if len(list) > 0 && len(list) == min(limit, balances.MaxLimit) {
		out.NextBeforeID = list[len(list)-1].ID
	}
	noStore(c)
	c.JSON(http.StatusOK, out)
}
