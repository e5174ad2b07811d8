package app

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/heerlen/heitje/api"
)

// headerTimeout is how long a request's headers may take to arrive (at most the read timeout).
const headerTimeout = 10 * time.Second

// httpServer is the platform's HTTP server. Every request, on every route, has HTTP_READ_TIMEOUT to arrive
// (its headers at most 10 s) and HTTP_WRITE_TIMEOUT from its headers to its answer: a body trickled in
// slower is cut off. The API's payment event streams lift both for themselves and keep their own limits, and
// a proof upload to the caller's own claim gets HTTP_UPLOAD_TIMEOUT for its body (see api.Limits).
func (p *Platform) httpServer() *http.Server {
	h := p.cfg.HTTP.OrDefaults()
	srv := &http.Server{Handler: p.Handler(), ReadHeaderTimeout: min(headerTimeout, h.ReadTimeout), ReadTimeout: h.ReadTimeout,
		WriteTimeout: h.WriteTimeout, IdleTimeout: 2 * time.Minute}
	srv.RegisterOnShutdown(p.hub.Close) // payment event streams end, so the shutdown need not wait for them
	return srv
}

// apiLimits are the configured limits of the API's event streams and uploads.
func (p *Platform) apiLimits() api.Limits {
	h := p.cfg.HTTP.OrDefaults()
	return api.Limits{WriteTimeout: h.WriteTimeout, UploadTimeout: h.UploadTimeout, StreamsPerAccount: h.StreamsPerAccount,
		StreamsPerProcess: h.StreamsPerProcess, StreamLifetime: h.StreamLifetime}
}

// metricsServer serves GET /metrics, the Prometheus metrics, and nothing else; it runs on a listener of its own
// (METRICS_ADDR) that the public does not reach.
func (p *Platform) metricsServer() *http.Server {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.Handler())
	return &http.Server{Handler: mux, ReadHeaderTimeout: headerTimeout, ReadTimeout: 30 * time.Second,
		WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute}
}
