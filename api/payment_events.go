package api

import (
	"context"
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
// paying resident, and ends the stream after a final one. Errors before the stream starts (too many streams,
// no such request, not yours) are ordinary JSON error answers.
//
// A stream is not bound by the server's read and write timeouts, which are for ordinary requests: it lives
// until its payment ends, its client goes, or Limits.StreamLifetime passes; each write must get through
// within Limits.WriteTimeout, so a client that stops reading is dropped.
func (s *Server) paymentEvents(c *gin.Context) {
	p := middleware.CurrentPrincipal(c)
	release, refused := s.streams.take(p.AccountID)
	if refused != nil {
		refuseStream(c, refused)
		return
	}
	defer release()
	ctx := c.Request.Context()
	if d := s.deps.Limits.StreamLifetime; d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	events, err := s.deps.Payments.Watch(ctx, p, c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	// Each write gets its own deadline in place of the server's write timeout, which counts from the request's
	// arrival. (The server's read deadline needs nothing: it is lifted once the empty body is read, and one set
	// now would cancel the request when it passed.) Errors are ignored: a test's recorder has no connection.
	rc := http.NewResponseController(c.Writer)
	write := func(format string, args ...any) {
		if d := s.deps.Limits.WriteTimeout; d > 0 {
			_ = rc.SetWriteDeadline(time.Now().Add(d))
		} else {
			_ = rc.SetWriteDeadline(time.Time{})
		}
		fmt.Fprintf(c.Writer, format, args...)
		c.Writer.Flush() // a failed write cancels ctx
	}
	h := c.Writer.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	c.Status(http.StatusOK)
	write("retry: 2000\n\n")
	every := s.deps.Limits.keepAlive
	if every <= 0 {
		every = sseKeepAlive
	}
	keepAlive := time.NewTicker(every)
	defer keepAlive.Stop()
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				return
			}
			data, _ := json.Marshal(viewEvent(ev))
			write("event: %s\ndata: %s\n\n", ev.Name, data)
		case <-keepAlive.C:
			write(": keep-alive\n\n")
		case <-ctx.Done():
			return
		}
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
