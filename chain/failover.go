package chain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// failoverRest is how long an endpoint that failed is passed over before it is tried first again.
const failoverRest = 5 * time.Second

// failover is the HTTP transport of a client of several JSON-RPC endpoints of the same chain (ETH_RPC_URL
// with commas): every call, reads and sends alike, goes to the first endpoint in the list that is not
// resting after a failure; a call that cannot reach it, or that it answers with a 5xx status, goes on to the
// next at once. A failed endpoint rests for failoverRest, then is first again. When all rest, all are tried
// in order. A transaction sent twice this way is the same signed transaction: a node knows it already.
// An endpoint that fails is logged once, with the error, and again once it answers; every failed call counts
// in heitje_chain_endpoint_failures_total.
type failover struct {
	urls []*url.URL
	base http.RoundTripper
	now  func() time.Time
	log  *slog.Logger

	mu        sync.Mutex
	downUntil []time.Time
}

func newFailover(urls []*url.URL, log *slog.Logger) *failover {
	return &failover{urls: urls, base: rpcTransport, now: time.Now, log: log, downUntil: make([]time.Time, len(urls))}
}

// order returns the endpoints to try: the ones not resting in list order, then the resting ones.
func (f *failover) order() []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.now()
	var up, resting []int
	for i, until := range f.downUntil {
		if now.Before(until) {
			resting = append(resting, i)
		} else {
			up = append(up, i)
		}
	}
	return append(up, resting...)
}

// mark records whether endpoint i answered (err is nil) or failed, and logs the change when it is one: an
// endpoint that keeps failing after its rest is not logged again until it has answered.
func (f *failover) mark(i int, err error) {
	f.mu.Lock()
	wasDown := !f.downUntil[i].IsZero()
	if err == nil {
		f.downUntil[i] = time.Time{}
	} else {
		f.downUntil[i] = f.now().Add(failoverRest)
	}
	f.mu.Unlock()
	endpoint := f.urls[i].Redacted()
	switch {
	case err != nil:
		endpointFailures.WithLabelValues(f.urls[i].Host).Inc()
		if !wasDown {
			f.log.Warn("chain node failed; calls go to the next endpoint", "endpoint", endpoint, "rest", failoverRest, "err", err)
		}
	case wasDown:
		f.log.Info("chain node answers again", "endpoint", endpoint)
	}
}

// RoundTrip sends req to the first endpoint that answers it.
func (f *failover) RoundTrip(req *http.Request) (*http.Response, error) {
	var errs []error
	for _, i := range f.order() {
		r := req.Clone(req.Context())
		u := *f.urls[i]
		r.URL, r.Host = &u, ""
		if req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			r.Body = body
		}
		res, err := f.base.RoundTrip(r)
		if err == nil && res.StatusCode < 500 {
			f.mark(i, nil)
			return res, nil
		}
		if err == nil {
			res.Body.Close()
			err = fmt.Errorf("answered %s", res.Status)
		}
		if errors.Is(req.Context().Err(), context.Canceled) {
			return nil, req.Context().Err() // the caller gave up, not the node
		}
		f.mark(i, err)
		errs = append(errs, fmt.Errorf("%s: %w", u.Redacted(), err))
		if req.Context().Err() != nil {
			break
		}
	}
	return nil, errors.Join(errs...)
}

// splitEndpoints parses ETH_RPC_URL: one http(s) or ws(s) URL, or several http(s) URLs separated by commas.
func splitEndpoints(raw string) ([]*url.URL, error) {
	var out []*url.URL
	for _, s := range strings.Split(raw, ",") {
		u, err := url.Parse(strings.TrimSpace(s))
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("chain node address %q is not a URL", s)
		}
		out = append(out, u)
	}
	if len(out) > 1 {
		for _, u := range out {
			if u.Scheme != "http" && u.Scheme != "https" {
				return nil, fmt.Errorf("several chain node addresses must each be http(s), not %s", u.Redacted())
			}
		}
	}
	return out, nil
}
