// Package middleware holds the HTTP middleware every route passes through: request ids, structured access
// logs without personal data, panic recovery into the error envelope, and Prometheus metrics.
package middleware

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"regexp"

	"github.com/gin-gonic/gin"
)

// RequestIDHeader carries the request id in and out.
const RequestIDHeader = "X-Request-ID"

const (
	requestIDKey = "request_id"
	loggerKey    = "logger"
)

var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// RequestID takes the caller's X-Request-ID when it is a plain token of at most 64 characters, or makes one,
// echoes it in the response, and gives the request a logger that carries it.
func RequestID(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader(RequestIDHeader)
		if !validRequestID.MatchString(id) {
			var b [12]byte
			rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Set(requestIDKey, id)
		c.Set(loggerKey, log.With("request_id", id))
		c.Header(RequestIDHeader, id)
		c.Next()
	}
}

// Logger returns the request's logger, which carries its request id.
func Logger(c *gin.Context) *slog.Logger {
	if l, ok := c.Get(loggerKey); ok {
		return l.(*slog.Logger)
	}
	return slog.Default()
}

// GetRequestID returns the request's id.
func GetRequestID(c *gin.Context) string { return c.GetString(requestIDKey) }
