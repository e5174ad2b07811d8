// Package api is the platform's HTTP surface (Gin): every route in router.go, one file of handlers per
// resource, and in this file the error envelope (api/problem maps the domains' errors to status and code). Handlers
// bind, validate, call one service method and respond; they hold no business rules.
package api

import (
	"encoding/json"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/api/problem"
)

// Error is what a client is told about a failed request (api/problem has the map from the domains' errors).
type Error = problem.Error

// Errorf builds an Error.
func Errorf(status int, code, message string) *Error { return problem.Errorf(status, code, message) }

// envelope is the body of every error response: {"error": {"code": "…", "message": "…"}}, with "field"
// for validation errors and "reason" for a suspended account's sign-in.
type envelope struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Field   string `json:"field,omitempty"`
		Reason  string `json:"reason,omitempty"`
	} `json:"error"`
}

// respondError writes err as an error envelope. Errors the map does not know are logged with the request id
// and answered with a 500 that reveals nothing.
func respondError(c *gin.Context, err error) {
	e := problem.Of(err)
	if e == nil {
		middleware.Logger(c).Error("request failed", "err", err)
		e = Errorf(http.StatusInternalServerError, "internal", "something went wrong on our side; the request id identifies it")
	}
	writeError(c, e)
}

func writeError(c *gin.Context, e *Error) {
	if e.Status == http.StatusServiceUnavailable && c.Writer.Header().Get("Retry-After") == "" {
		c.Header("Retry-After", "1") // a moment: the busy password hasher or an unreachable node
	}
	if acceptsProblem(c) {
		b, err := json.Marshal(problemDetails{Type: "about:blank", Title: http.StatusText(e.Status), Status: e.Status,
			Detail: e.Message, Code: e.Code, Field: e.Field, Reason: e.Reason})
		if err == nil {
			c.Abort()
			c.Data(e.Status, problemJSON, b)
			return
		}
	}
	var body envelope
	body.Error.Code, body.Error.Message, body.Error.Field, body.Error.Reason = e.Code, e.Message, e.Field, e.Reason
	c.AbortWithStatusJSON(e.Status, body)
}

// problemJSON is the media type of problem details (RFC 9457).
const problemJSON = "application/problem+json"

// problemDetails is an error as problem details, for a client whose Accept header asks for them; code,
// field and reason are the envelope's.
type problemDetails struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Code   string `json:"code"`
	Field  string `json:"field,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// acceptsProblem reports whether the request's Accept header names application/problem+json (with a
// quality above 0).
func acceptsProblem(c *gin.Context) bool {
	for _, accept := range c.Request.Header.Values("Accept") {
		for _, r := range strings.Split(accept, ",") {
			mediaType, params, err := mime.ParseMediaType(strings.TrimSpace(r))
			if err != nil || mediaType != problemJSON {
				continue
			}
			if q, err := strconv.ParseFloat(params["q"], 64); err == nil && q == 0 {
				return false
			}
			return true
		}
	}
	return false
}
