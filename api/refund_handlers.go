package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/payments"
)

// refundRequest gives all or part of a confirmed payment back; the reason is required and stays in the
// database.
type refundRequest struct {
	AmountCents int64  `json:"amount_cents"`
	Reason      string `json:"reason"`
}

// refundResponse says the refund was accepted for relaying; tx_hash as for a payment.
type refundResponse struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	TxHash string `json:"tx_hash,omitempty"`
}

// refundView is one refund of a payment.
type refundView struct {
	ID              string     `json:"id"`
	Status          string     `json:"status"`
	AmountCents     int64      `json:"amount_cents"`
	Reason          string     `json:"reason"`
	ResidentAddress string     `json:"resident_address"`
	CreatedAt       time.Time  `json:"created_at"`
	ConfirmedAt     *time.Time `json:"confirmed_at,omitempty"`
	TxHash          string     `json:"tx_hash,omitempty"`
	FailureReason   string     `json:"failure_reason,omitempty"`
}

func viewRefund(r payments.Refund) refundView {
	v := refundView{ID: r.ID, Status: string(r.Status), AmountCents: r.AmountCents, Reason: r.Reason,
		ResidentAddress: strings.ToLower(r.ResidentAddress.Hex()), CreatedAt: r.CreatedAt, TxHash: hashOrEmpty(r.TxHash),
		FailureReason: r.Failure}
	if r.Status == payments.StatusConfirmed {
		v.ConfirmedAt = r.DoneAt
	}
	return v
}

func (s *Server) refund(c *gin.Context) {
	var req refundRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	sub, err := s.deps.Payments.Refund(c.Request.Context(), middleware.CurrentPrincipal(c), c.Param("id"),
		c.GetHeader(IdempotencyKeyHeader), req.AmountCents, req.Reason)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusCreated, refundResponse{ID: sub.ID, Status: string(payments.StatusSubmitted), TxHash: hashOrEmpty(sub.TxHash)})
}
