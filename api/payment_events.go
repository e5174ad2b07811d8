package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/payments"
)

// paymentEvent is the data of one server-sent event of GET /v1/payment-requests/{id}/events. The event's
// name is its status: submitted, then confirmed or failed (with the reason); or expired; or cancelled.
type paymentEvent struct {
	ID          string `json:"id"`
	Status      string `json:"status"`
	AmountCents int64  `json:"amount_cents"`
	TxHash      string `json:"tx_hash,omitempty"`
	BlockNumber uint64 `json:"block_number,omitempty"`
	Payer       string `json:"payer,omitempty" doc:"In submitted and confirmed: the payer's pseudonymous short id (e.g. 0x1a2b…9f0e), never a name."`
	Reason      string `json:"reason,omitempty"`
}

// sseKeepAlive is how often an idle event stream gets a comment line, so that proxies keep it open.
const sseKeepAlive = 15 * time.Second

// paymentEvents streams a payment's steps as server-sent events (text/event-stream) to the shop and to the
// paying resident, and ends the stream after a final one. Errors before the stream starts (no such
// request, not yours) are ordinary JSON error answers.
func (s *Server) paymentEvents(c *gin.Context) {
	ctx := c.Request.Context()
	events, err := s.deps.Payments.Watch(ctx, middleware.CurrentPrincipal(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	h := c.Writer.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	c.Status(http.StatusOK)
	fmt.Fprint(c.Writer, "retry: 2000\n\n")
	c.Writer.Flush()
	keepAlive := time.NewTicker(sseKeepAlive)
	defer keepAlive.Stop()
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				return
			}
			data, _ := json.Marshal(viewEvent(ev))
			fmt.Fprintf(c.Writer, "event: %s\ndata: %s\n\n", ev.Name, data)
		case <-keepAlive.C:
			fmt.Fprint(c.Writer, ": keep-alive\n\n")
		case <-ctx.Done():
			return
		}
		c.Writer.Flush()
	}
}

func viewEvent(ev payments.Event) paymentEvent {
	r := ev.Request
	out := paymentEvent{ID: r.ID, Status: string(ev.Name), AmountCents: r.AmountCents}
	if ev.Name != payments.StatusExpired && ev.Name != payments.StatusCancelled {
		out.TxHash = hashOrEmpty(r.TxHash)
	}
	switch ev.Name {
	case payments.StatusSubmitted:
		out.Payer = r.Payer()
	case payments.StatusConfirmed:
		out.BlockNumber, out.Payer = r.BlockNumber, r.Payer()
	case payments.StatusFailed:
		out.Reason = r.Failure
	}
	return out
}
