package middleware

import (
	"fmt"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var requestDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "heitje_http_request_duration_seconds",
	Help:    "Time to answer HTTP requests, by route template, method and status.",
	Buckets: []float64{.001, .0025, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5},
}, []string{"route", "method", "status"})

// AccessLog logs one line per request and observes its duration. It logs the route template, never the raw
// path or query, which may carry identifiers, and never a body.
func AccessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = "unmatched"
		}
		status := c.Writer.Status()
		d := time.Since(start)
		requestDuration.WithLabelValues(route, c.Request.Method, strconv.Itoa(status)).Observe(d.Seconds())
		level := Logger(c).Info
		if status >= 500 {
			level = Logger(c).Error
		}
		level("http", "method", c.Request.Method, "route", route, "status", status, "duration_ms", d.Milliseconds())
	}
}

// Recover turns a panic into a logged 500 with the error envelope.
func Recover() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				Logger(c).Error("panic", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": gin.H{
					"code": "internal", "message": "something went wrong on our side; the request id identifies it"}})
			}
		}()
		c.Next()
	}
}
