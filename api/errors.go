// Package api is the platform's HTTP surface (Gin): every route in router.go, one file of handlers per
// resource, and in this file the one map from domain errors to HTTP status and stable error code. Handlers
// bind, validate, call one service method and respond; they hold no business rules.
package api

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
)

// Error is an error with the status, stable code and safe message a client sees.
type Error struct {
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Errorf builds an Error.
func Errorf(status int, code, message string) *Error {
	return &Error{Status: status, Code: code, Message: message}
}

// errorMap translates the domains' sentinel errors. The first match wins.
var errorMap = []struct {
	err error
	api *Error
}{}

// envelope is the body of every error response: {"error": {"code": "…", "message": "…"}}.
type envelope struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// respondError writes err as an error envelope. Errors the map does not know are logged with the request id
// and answered with a 500 that reveals nothing.
func respondError(c *gin.Context, err error) {
	var e *Error
	if !errors.As(err, &e) {
		for _, m := range errorMap {
			if errors.Is(err, m.err) {
				e = m.api
				break
			}
		}
	}
	if e == nil {
		middleware.Logger(c).Error("request failed", "err", err)
		e = Errorf(http.StatusInternalServerError, "internal", "something went wrong on our side; the request id identifies it")
	}
	writeError(c, e)
}

func writeError(c *gin.Context, e *Error) {
	var body envelope
	body.Error.Code, body.Error.Message = e.Code, e.Message
	c.AbortWithStatusJSON(e.Status, body)
}
