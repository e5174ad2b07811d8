package api

import (
	"errors"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// Limits bounds what requests and event streams hold of the server beyond the deadlines of the HTTP server
// itself (internal/app sets those: a read and a write timeout for every request). A zero field sets no bound.
type Limits struct {
	// WriteTimeout is the server's write timeout: an event stream gives each of its writes this long, and an
	// upload this long after its body's time.
	WriteTimeout time.Duration
	// UploadTimeout is how long the body of a proof upload may take to arrive, counted once the claim is found
	// to be the caller's; it replaces the server's read timeout for that request.
	UploadTimeout time.Duration
	// StreamsPerAccount and StreamsPerProcess cap the open payment event streams of one account and of this
	// server; past a cap a stream is refused with 429 too_many_streams.
	StreamsPerAccount int
	StreamsPerProcess int
	// StreamLifetime is the longest an event stream stays open.
	StreamLifetime time.Duration
	// keepAlive is how often an idle stream gets a comment line; sseKeepAlive when 0 (tests shorten it).
	keepAlive time.Duration
}

// streamRetryAfter is the Retry-After of a refused stream, in seconds: streams end with their payment,
// which at the till takes seconds.
const streamRetryAfter = 5

var streamsOpen = promauto.NewGauge(prometheus.GaugeOpts{
	Name: "heitje_event_streams_open",
	Help: "Payment event streams open in this process.",
})

// streamSlots counts the open event streams, per account and in all, against their caps (0: none).
type streamSlots struct {
	perAccount, perProcess int
	mu                     sync.Mutex
	open                   map[string]int
	total                  int
}

func newStreamSlots(l Limits) *streamSlots {
	return &streamSlots{perAccount: l.StreamsPerAccount, perProcess: l.StreamsPerProcess, open: map[string]int{}}
}

// take holds a slot for a stream of account; release gives it back (once). Past a cap it refuses with
// too_many_streams.
func (s *streamSlots) take(account string) (release func(), err *Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.perAccount > 0 && s.open[account] >= s.perAccount:
		return nil, Errorf(http.StatusTooManyRequests, "too_many_streams",
			"you have "+strconv.Itoa(s.perAccount)+" event streams open, the most one account may; close one (or wait for its payment to end) and try again")
	case s.perProcess > 0 && s.total >= s.perProcess:
		return nil, Errorf(http.StatusTooManyRequests, "too_many_streams", "the server has as many event streams open as it allows; try again shortly (Retry-After)")
	}
	s.open[account]++
	s.total++
	streamsOpen.Inc()
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			if s.open[account]--; s.open[account] == 0 {
				delete(s.open, account)
			}
			s.total--
			streamsOpen.Dec()
		})
	}, nil
}

// refuseStream answers a stream past its cap: 429 with Retry-After.
func refuseStream(c *gin.Context, e *Error) {
	c.Header("Retry-After", strconv.Itoa(streamRetryAfter))
	writeError(c, e)
}

// extendForUpload gives a proof upload its own deadlines in place of the server's: UploadTimeout for the
// body to arrive, and WriteTimeout after that for the answer. A connection without deadlines (a test's
// recorder) is left as it is.
func (s *Server) extendForUpload(c *gin.Context) {
	d := s.deps.Limits.UploadTimeout
	if d <= 0 {
		return
	}
	rc := http.NewResponseController(c.Writer)
	now := time.Now()
	_ = rc.SetReadDeadline(now.Add(d))
	if w := s.deps.Limits.WriteTimeout; w > 0 {
		_ = rc.SetWriteDeadline(now.Add(d + w))
	}
}

// errBodyTimeout is the answer to a request whose body did not arrive before its read deadline.
var errBodyTimeout = Errorf(http.StatusRequestTimeout, "request_timeout", "the request body did not arrive in time; send it again")

// timedOut says whether err is a read that passed the request's deadline.
func timedOut(err error) bool { return errors.Is(err, os.ErrDeadlineExceeded) }
