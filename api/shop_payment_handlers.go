package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
)

// paymentRequestCreate is what the shopkeeper types at the till: the amount in cents and the shop's own
// reference (at most 64 characters; it never goes on chain).
type paymentRequestCreate struct {
	AmountCents int64  `json:"amount_cents"`
	Reference   string `json:"reference,omitempty"`
}

// paymentRequestCreated is the new request: the till shows qr_uri as a QR code until expires_at.
type paymentRequestCreated struct {
	ID        string    `json:"id"`
	QRURI     string    `json:"qr_uri"`
	ExpiresAt time.Time `json:"expires_at"`
}

// takingsResponse sums one day of a shop's confirmed payments and refunds, in cents.
type takingsResponse struct {
	Date          string `json:"date" format:"date"`
	Payments      int    `json:"payments"`
	GrossCents    int64  `json:"gross_cents"`
	Refunds       int    `json:"refunds"`
	RefundedCents int64  `json:"refunded_cents"`
	NetCents      int64  `json:"net_cents"`
}

func (s *Server) createPaymentRequest(c *gin.Context) {
	var req paymentRequestCreate
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	r, err := s.deps.Payments.CreateRequest(c.Request.Context(), middleware.CurrentPrincipal(c), req.AmountCents, req.Reference)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusCreated, paymentRequestCreated{ID: r.ID, QRURI: s.deps.Payments.QRLink(r.ID), ExpiresAt: r.ExpiresAt})
}

// cancelPaymentRequest cancels the shop's open request and answers the request as it is afterwards.
func (s *Server) cancelPaymentRequest(c *gin.Context) {
	p := middleware.CurrentPrincipal(c)
	v, err := s.deps.Payments.Cancel(c.Request.Context(), p, c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewPaymentRequest(v, p, s.deps.Payments.QRLink(v.ID)))
}

// paymentRequestQR answers the QR code of the shop's request as SVG.
func (s *Server) paymentRequestQR(c *gin.Context) {
	svg, err := s.deps.Payments.QRCode(c.Request.Context(), middleware.CurrentPrincipal(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.Data(http.StatusOK, "image/svg+xml", svg)
}

func (s *Server) takings(c *gin.Context) {
	t, err := s.deps.Payments.Takings(c.Request.Context(), middleware.CurrentPrincipal(c), c.Query("date"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, takingsResponse{Date: t.Date, Payments: t.Payments, GrossCents: t.GrossCents, Refunds: t.Refunds,
		RefundedCents: t.RefundedCents, NetCents: t.NetCents})
}
